#include <config.h>
#include "ui/task_form.h"
#include <stdlib.h>
#include <string.h>
#include "core/calendar.h"
#include "core/due.h"
#include "core/plan.h"
#include "core/task.h"
#include "core/unit.h"
#include "text/utf8.h"
#include "ui/form.h"

/* The section field's hint and error when the database holds no plan: there
 * is nothing to choose from. */
#define NO_PLAN "Chưa có kế hoạch: nhập bằng cchc plan import TỆP"

enum { F_TITLE, F_SECTION, F_LEAD, F_CO, F_DUE, F_PRODUCT, F_DESC, F_STATUS, NFIELDS };

static const char *const labels[NFIELDS] = {
	"Tên nhiệm vụ", "Đề mục", "Chủ trì", "Phối hợp", "Thời hạn", "Sản phẩm", "Mô tả",
	"Trạng thái",
};

struct task_form {
	int64_t task_id, plan_id;
	int year;
	struct form_cand *sections, *units, *statuses;
	char **unit_codes;      /* the codes as stored, for saving (units shows them sanitised) */
	int nsections, nunits;
	task_saved_fn saved;
	void *ctx;
};

static void cands_free(struct form_cand *v, int n)
{
	for (int i = 0; i < n; i++) {
		free(v[i].value);
		free(v[i].label);
	}
	free(v);
}

static void tf_free(void *p)
{
	struct task_form *tf = p;
	cands_free(tf->sections, tf->nsections);
	cands_free(tf->units, tf->nunits);
	strv_free(tf->unit_codes, tf->nunits);
	cands_free(tf->statuses, TASK_NSTATUS);
	free(tf);
}

/* ---- candidates ---- */

static void load_sections(struct app *app, struct task_form *tf)
{
	struct section_info *s = NULL;
	int n = 0;
	struct cchc_err err;
	struct plan_info p;
	if (plan_get(app->db, tf->plan_id, &p, &err) == CCHC_OK) {
		tf->year = p.year;
		plan_info_free(&p);
	}
	if (section_list(app->db, tf->plan_id, &s, &n, &err) != CCHC_OK)
		n = 0;
	tf->sections = xcalloc((size_t)n + 1, sizeof *tf->sections);
	for (int i = 0; i < n; i++) {
		struct sbuf b = SBUF_INIT;
		sbuf_addf(&b, "%s %s", s[i].label, s[i].heading);
		tf->sections[i] = (struct form_cand){ s[i].id, text_sanitize(b.s), xstrdup("") };
		sbuf_free(&b);
	}
	tf->nsections = n;
	section_list_free(s, n);
}

static void load_units(struct app *app, struct task_form *tf)
{
	struct unit_info *u = NULL;
	int n = 0;
	struct cchc_err err;
	if (unit_list(app->db, &u, &n, &err) != CCHC_OK)
		n = 0;
	tf->units = xcalloc((size_t)n + 1, sizeof *tf->units);
	tf->unit_codes = xcalloc((size_t)n + 1, sizeof *tf->unit_codes);
	int k = 0;
	for (int i = 0; i < n; i++) {
		if (!u[i].active)  /* units that no longer exist are not offered */
			continue;
		tf->unit_codes[k] = xstrdup(u[i].code ? u[i].code : "");
		tf->units[k++] = (struct form_cand){ u[i].id, text_sanitize(u[i].code ? u[i].code : ""),
						     text_sanitize(u[i].name ? u[i].name : "") };
	}
	tf->nunits = k;
	unit_list_free(u, n);
	tf->statuses = xcalloc(TASK_NSTATUS, sizeof *tf->statuses);
	for (int s = 0; s < TASK_NSTATUS; s++)
		tf->statuses[s] = (struct form_cand){ s + 1, xstrdup(task_status_label(s)), xstrdup("") };
}

/* ---- hints and checks ---- */

/* The items of a list field, trimmed, empty ones dropped; returns n. */
static int split_list(const char *s, char ***out)
{
	char *copy = xstrdup(s), *save = NULL;
	int n = 0;
	*out = xcalloc(strlen(s) / 2 + 2, sizeof **out);
	for (char *t = strtok_r(copy, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
		while (*t == ' ')
			t++;
		size_t len = strlen(t);
		while (len && t[len - 1] == ' ')
			t[--len] = '\0';
		if (len)
			(*out)[n++] = xstrdup(t);
	}
	free(copy);
	return n;
}

/* Names of the units in a unit field ("Thanh tra Sở"), or an error when a
 * code is unknown; returns false then. */
static bool check_units(struct form *f, int i, bool set_error)
{
	struct form_field *fd = &f->f[i];
	char **v;
	int n = split_list(form_text(f, i), &v);
	struct sbuf names = SBUF_INIT;
	bool ok = true;
	for (int k = 0; k < n; k++) {
		int c = form_find(fd, v[k]);
		if (c < 0 && ok && set_error)
			form_error(f, i, "Không có đơn vị «%s»: gõ vài chữ của tên rồi chọn", v[k]);
		ok &= c >= 0;
		if (c >= 0)
			sbuf_addf(&names, "%s%s", names.len ? "; " : "", fd->cand[c].label);
	}
	form_hint(f, i, ok ? names.s : NULL);
	sbuf_free(&names);
	strv_free(v, n);
	return ok;
}

/* What the deadline means, under the field: its day (and the working day
 * to finish by when it is a day off), or that it was not understood and
 * will be kept as written — a warning, never a refusal. */
static bool check_due(struct form *f, struct task_form *tf, bool set_error)
{
	(void)set_error;
	struct due d;
	struct cchc_err err;
	const char *s = form_text(f, F_DUE);
	int year = tf->year;
	if (!year) {
		struct ymd t;
		year = date_today(&t, &err) == CCHC_OK ? t.y : 2026;
	}
	due_parse(s, year, &d, &err);
	free(f->f[F_DUE].error);
	f->f[F_DUE].error = NULL;
	char day[11], hint[320], off[96] = "";
	struct ymd occ[12];
	int n = due_occurrences(&d, year, occ, 12);
	if (n > 0 && d.kind != DUE_RECURRING) {
		struct calendar *cal = calendar_new();
		due_day_off_note(cal, occ[0], off, sizeof off);
		calendar_free(cal);
	}
	if (d.kind == DUE_NONE)
		snprintf(hint, sizeof hint, "không có hạn");
	else if (d.kind == DUE_ONGOING)
		snprintf(hint, sizeof hint, "thường xuyên: không quá hạn, báo cáo mỗi kỳ");
	else if (d.kind == DUE_ASNEEDED)
		snprintf(hint, sizeof hint, "theo yêu cầu: không có ngày, không quá hạn");
	else if (d.kind == DUE_UNKNOWN)
		snprintf(hint, sizeof hint, "Chưa hiểu: %s → lưu nguyên văn, hạn: chưa xác định",
			 d.why);
	else if (n > 0) {
		date_format_vn(occ[0], day);
		if (d.kind == DUE_RECURRING)
			snprintf(hint, sizeof hint, "→ %s (kỳ đầu, %d kỳ trong năm)", day, n);
		else
			snprintf(hint, sizeof hint, "→ %s%s%s", day, *off ? ", " : "", off);
	} else
		snprintf(hint, sizeof hint, "không có ngày trong năm %d", year);
	form_hint(f, F_DUE, hint);
	return true;
}

static void tf_changed(struct app *app, struct form *f, int i)
{
	struct task_form *tf = f->ctx;
	if (i == F_LEAD || i == F_CO)
		check_units(f, i, false);
	else if (i == F_DUE)
		check_due(f, tf, false);
}

static int64_t section_of(struct form *f)
{
	struct form_field *fd = &f->f[F_SECTION];
	if (fd->picked)
		return fd->picked;
	int c = form_find(fd, form_text(f, F_SECTION));
	if (c < 0 && !((struct task_form *)f->ctx)->plan_id) {
		form_error(f, F_SECTION, NO_PLAN);
		return 0;
	}
	if (c < 0) {
		form_error(f, F_SECTION, "Chọn đề mục trong danh sách (gõ số hoặc vài chữ, ↓ để xem)");
		return 0;
	}
	return fd->cand[c].id;
}

/* ---- saving ---- */

static int store(struct app *app, struct form *f, struct task_form *tf, struct task_input *in)
{
	char **co;
	in->nco = split_list(form_text(f, F_CO), &co);
	for (int k = 0; k < in->nco; k++) {
		int c = form_find(&f->f[F_CO], co[k]);
		if (c >= 0) {
			free(co[k]);
			co[k] = xstrdup(tf->unit_codes[c]);
		}
	}
	in->co_codes = (const char *const *)co;
	in->set_co = true;
	struct cchc_err err = { 0 };
	int64_t id = tf->task_id;
	int rc = tf->task_id ? task_edit(app->db, tf->task_id, in, &err)
			     : task_add(app->db, in, &id, &err);
	strv_free(co, in->nco);
	if (rc) {
		app_message(app, true, "Chưa lưu: %s", err.msg);
		return -1;
	}
	app->data_version++;
	struct due d;
	due_parse(in->due_text ? in->due_text : "", tf->year ? tf->year : 2026, &d, &err);
	app_message(app, false, tf->task_id ? "Đã lưu nhiệm vụ số %lld%s" : "Đã thêm nhiệm vụ số %lld%s",
		    (long long)id, d.kind == DUE_UNKNOWN ? "; thời hạn chưa rõ, lưu nguyên văn "
		    "(danh sách Thời hạn chưa rõ ở màn Nhiệm vụ)" : "");
	return tf->saved ? tf->saved(app, tf->ctx, id) | UI_ALL : UI_ALL;
}

static int tf_save(struct app *app, struct form *f)
{
	struct task_form *tf = f->ctx;
	struct task_input in = { .status = -1 };
	char *title = text_squeeze(form_text(f, F_TITLE));
	bool ok = true;
	if (!*title) {
		form_error(f, F_TITLE, "Cần nhập tên nhiệm vụ");
		ok = false;
	}
	ok &= (in.section_id = section_of(f)) != 0;
	char **lead;
	int nlead = split_list(form_text(f, F_LEAD), &lead);
	if (nlead > 1) {
		form_error(f, F_LEAD, "Chỉ một đơn vị chủ trì; các đơn vị khác ghi ở ô Phối hợp");
		ok = false;
	}
	ok &= check_units(f, F_LEAD, true) & check_units(f, F_CO, true) & check_due(f, tf, true);
	if (!f->f[F_STATUS].hidden && (in.status = task_status_parse(form_text(f, F_STATUS))) < 0) {
		form_error(f, F_STATUS, "Trạng thái là một trong: chưa thực hiện, đang thực hiện, "
			   "hoàn thành, tạm dừng");
		ok = false;
	}
	int c = nlead == 1 ? form_find(&f->f[F_LEAD], lead[0]) : -1;
	in.lead_code = c >= 0 ? tf->unit_codes[c] : "";
	in.title = title;
	in.due_text = form_text(f, F_DUE);
	in.product = form_text(f, F_PRODUCT);
	in.description = form_text(f, F_DESC);
	int r = ok ? store(app, f, tf, &in) : -1;
	strv_free(lead, nlead);
	free(title);
	return r;
}

static const struct form_ops task_ops = { tf_changed, tf_save, tf_free };

static void fill(struct form *f, const struct task_form_init *in)
{
	const char *v[NFIELDS] = { in->title, NULL, in->lead, in->co, in->due, in->product,
				   in->description, in->task_id ? task_status_label(in->status) : NULL };
	for (int i = 0; i < NFIELDS; i++)
		form_set(f, i, v[i]);
	struct form_field *s = &f->f[F_SECTION];
	for (int i = 0; i < s->ncand; i++)
		if (s->cand[i].id == in->section_id) {
			form_set(f, F_SECTION, s->cand[i].value);
			s->picked = in->section_id;
		}
}

struct modal *task_form_open(struct app *app, const struct task_form_init *init,
			     task_saved_fn saved, void *ctx)
{
	struct task_form *tf = xcalloc(1, sizeof *tf);
	tf->task_id = init->task_id;
	tf->plan_id = init->plan_id ? init->plan_id : app_plan_id(app);
	tf->saved = saved;
	tf->ctx = ctx;
	load_sections(app, tf);
	load_units(app, tf);
	struct form *f = form_new(init->task_id ? "Sửa nhiệm vụ" : "Thêm nhiệm vụ", labels, NFIELDS,
				  &task_ops, tf);
	f->f[F_SECTION].cand = tf->sections, f->f[F_SECTION].ncand = tf->nsections;
	f->f[F_LEAD].cand = tf->units, f->f[F_LEAD].ncand = tf->nunits;
	f->f[F_CO].cand = tf->units, f->f[F_CO].ncand = tf->nunits;
	f->f[F_CO].multi = true;
	f->f[F_STATUS].cand = tf->statuses, f->f[F_STATUS].ncand = TASK_NSTATUS;
	f->f[F_STATUS].hidden = !init->task_id;
	fill(f, init);
	for (int i = F_LEAD; i <= F_DUE; i++)
		tf_changed(app, f, i);
	if (!tf->plan_id)
		form_hint(f, F_SECTION, NO_PLAN);
	return &f->m;
}

struct modal *task_form_edit(struct app *app, int64_t task_id, task_saved_fn saved, void *ctx)
{
	struct task_info t;
	struct cchc_err err;
	if (task_get(app->db, task_id, &t, &err) != CCHC_OK) {
		app_message(app, true, "%s", err.msg);
		return NULL;
	}
	struct task_form_init in = { t.id, t.plan_id, t.section_id, t.title, t.lead_code, t.co_codes,
				     t.due_text, t.product, t.description, t.status };
	struct modal *m = task_form_open(app, &in, saved, ctx);
	task_info_free(&t);
	return m;
}

/* ---- progress note ---- */

struct note_form {
	int64_t task_id;
	task_saved_fn saved;
	void *ctx;
};

void current_quarter(char out[16])
{
	struct ymd t;
	struct cchc_err err;
	if (date_today(&t, &err) != CCHC_OK)
		t = (struct ymd){ 2026, 1, 1 };
	snprintf(out, 16, "%d-Q%d", t.y, (t.m - 1) / 3 + 1);
}

static int note_save(struct app *app, struct form *f)
{
	struct note_form *nf = f->ctx;
	if (!*form_text(f, 0)) {
		form_error(f, 0, "Cần nhập nội dung ghi chú");
		return -1;
	}
	struct ymd today;
	struct cchc_err err = { 0 };
	if (date_today(&today, &err) ||
	    task_add_note(app->db, nf->task_id, form_text(f, 0), form_text(f, 1), today, &err)) {
		form_error(f, 0, "%s", err.msg);
		return -1;
	}
	app->data_version++;
	app_message(app, false, "Đã ghi tiến độ nhiệm vụ số %lld", (long long)nf->task_id);
	return nf->saved ? nf->saved(app, nf->ctx, nf->task_id) | UI_ALL : UI_ALL;
}

static const struct form_ops note_ops = { NULL, note_save, free };

struct modal *note_form_open(struct app *app, int64_t task_id, task_saved_fn saved, void *ctx)
{
	static const char *const note_labels[] = { "Nội dung", "Kỳ báo cáo" };
	struct note_form *nf = xcalloc(1, sizeof *nf);
	*nf = (struct note_form){ task_id, saved, ctx };
	static char title[64];
	snprintf(title, sizeof title, "Ghi chú tiến độ: nhiệm vụ số %lld", (long long)task_id);
	struct form *f = form_new(title, note_labels, 2, &note_ops, nf);
	char q[16];
	current_quarter(q);
	form_set(f, 1, q);
	form_hint(f, 1, "ví dụ 2026-Q4, 2026-06 hoặc 2026");
	return &f->m;
}
