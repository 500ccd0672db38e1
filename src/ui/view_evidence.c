/* Minh chứng: the evidence records (evidence_list) with their kind, number,
 * date, summary and file count; one filter at a time by task, kind or year,
 * plus the / filter on the rows. Enter shows a record's details (files with
 * sizes, linked tasks and criteria); a adds a record through a form, e
 * edits one in the same form (evidence_edit: new files, tasks and criteria
 * are added to its links); g writes its files into a folder (files there
 * already are replaced only after "Ghi đè?", the database never); o opens one of them with the desktop's
 * viewer (evidence_open). */
#include <config.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include "core/criteria.h"
#include "core/evidence.h"
#include "core/plan.h"
#include "core/task.h"
#include "text/date.h"
#include "text/utf8.h"
#include "ui/app.h"
#include "ui/choice.h"
#include "ui/filter.h"
#include "ui/form.h"
#include "ui/list.h"
#include "ui/panel.h"
#include "ui/register_forms.h"
#include "ui/register_view.h"
#include "ui/tlines.h"
#include "util/fsutil.h"
#include "util/sbuf.h"

struct ev_view {
	struct register_view rv;
	int64_t task;                /* filters (0, NULL: none) */
	int64_t criterion;
	const char *kind;
	int year;
	char *what;                  /* the filter in words, for the title */
};

static const enum action ev_hints[] = {
	ACT_HELP, ACT_EVIDENCE_ADD, ACT_EVIDENCE_EDIT, ACT_SELECT, ACT_EVIDENCE_GET, ACT_EVIDENCE_BY_TASK,
	ACT_EVIDENCE_BY_KIND, ACT_EVIDENCE_BY_YEAR, ACT_EVIDENCE_ALL, ACT_FILTER, ACT_QUIT, ACT_NONE
};

/* ---- the query ---- */

#define ET(f) offsetof(struct evidence_info, f)
static const size_t evidence_texts[] = {
	ET(kind), ET(doc_no), ET(issued_on), ET(issuer), ET(summary), ET(notes), ET(tasks),
};

/* A page of the records of the filters (evidence_page), read by key either
 * way; the rows read backwards come last first, the window wants them in
 * the list's order. */
static int ev_fetch(struct app *app, void *ctx, const void *after, bool back, int limit,
		    void **rows, int *n, struct cchc_err *err)
{
	const struct ev_view *ev = ctx;
	struct evidence_filter f = { ev->task, ev->criterion, ev->kind, ev->year, after, back,
				     limit };
	struct evidence_info *v;
	if (evidence_page(app->db, &f, &v, n, err))
		return err->code;
	for (int i = 0, j = *n - 1; back && i < j; i++, j--) {
		struct evidence_info t = v[i];
		v[i] = v[j];
		v[j] = t;
	}
	*rows = v;
	return CCHC_OK;
}

static int ev_count(struct app *app, void *ctx, bool filtered, int64_t *n, struct cchc_err *err)
{
	const struct ev_view *ev = ctx;
	struct evidence_filter f = { ev->task, ev->criterion, ev->kind, ev->year, NULL, false, 0 };
	return evidence_count(app->db, &f, n, err);
}

/* The / filter, on the kind, number, issuer and summary. */
static bool ev_keep(const struct kwin *kw, const void *row, bool text)
{
	const struct evidence_info *e = row;
	return kwin_keep_words(kw, text, "%s %s %s %s", evidence_kind_label(e->kind), e->doc_no,
			       e->issuer, e->summary);
}

static const struct kwin_ops ev_ops = {
	sizeof(struct evidence_info), offsetof(struct evidence_info, id), evidence_texts,
	sizeof evidence_texts / sizeof evidence_texts[0], ev_fetch, ev_count, ev_keep, true,
	NULL, NULL,
};

/* A filter of the list: read again from its first row when next drawn. */
static void set_filter(struct app *app, struct ev_view *ev, int64_t task, const char *kind,
		       int year, const char *what)
{
	ev->task = task, ev->kind = kind, ev->year = year, ev->criterion = 0;
	free(ev->what);
	ev->what = what ? text_sanitize(what) : NULL;
	ev->rv.kw.loaded = false;
	ev->rv.kw.list.cur = ev->rv.kw.list.top = 0;
}

/* ---- drawing ---- */

static void vn(const char *iso, char out[11])
{
	struct ymd d;
	out[0] = '\0';
	if (*iso && date_parse_iso(iso, &d))
		date_format_vn(d, out);
}

enum { C_ID = 1, C_KIND = 7, C_NO = 19, C_DATE = 34, C_SUM = 46 };

static void draw_row(struct register_view *v, const void *row, bool cur, attr_t a, int y, int w)
{
	const struct evidence_info *e = row;
	const struct text_query *q = filter_query(&v->kw.filter);
	char id[16], date[11], files[24];
	snprintf(id, sizeof id, "%5lld", (long long)e->id);
	draw_text(y, C_ID, 5, id, a);
	draw_text_clip(y, C_KIND, C_NO - C_KIND - 1, evidence_kind_label(e->kind), a);
	draw_text_hl(y, C_NO, C_DATE - C_NO - 1, *e->doc_no ? e->doc_no : "-", a, q,
		     theme_attr(EL_MATCH));
	vn(e->issued_on, date);
	draw_text(y, C_DATE, 10, *date ? date : "-", a);
	snprintf(files, sizeof files, "%d tệp", e->nfiles);
	int fw = text_width(files);
	draw_text_hl(y, C_SUM, w - C_SUM - fw - 3, e->summary, a, q, theme_attr(EL_MATCH));
	draw_text(y, w - fw - 1, fw, files, e->nfiles || cur ? a : theme_attr(EL_EVIDENCE_MISSING));
}

static void draw_title(struct register_view *v, struct rect r)
{
	const struct ev_view *ev = (const struct ev_view *)v;
	struct sbuf b = SBUF_INIT;
	sbuf_addf(&b, "Minh chứng: %s (%d)", ev->what ? ev->what : "tất cả", v->kw.unfiltered);
	rv_draw_title_text(r, b.s);
	sbuf_free(&b);
}

static void draw_header(struct register_view *v, struct rect r)
{
	static const struct rv_heading h[] = {
		{ C_ID + 2, 3, "Mã" }, { C_KIND, 10, "Loại" }, { C_NO, 14, "Số, ký hiệu" },
		{ C_DATE, 10, "Ngày" }, { C_SUM, -8, "Trích yếu" }, { -6, 5, "Tệp" },
	};
	rv_draw_headings(r, h, (int)(sizeof h / sizeof h[0]));
}

static const char *empty(const struct register_view *v)
{
	return ((const struct ev_view *)v)->what ? "Không có tài liệu nào ở đây; A để xem tất cả."
	       : "Chưa có tài liệu kiểm chứng nào. a: thêm tài liệu.";
}

/* ---- details ---- */

static int export_files(struct app *app, int64_t id);
static int open_file(struct app *app, int64_t id);
static int delete_file(struct app *app, int64_t id);
static int edit_evidence(struct app *app, int64_t id);


static void size_text(int64_t size, char out[32])
{
	if (size < 1024)
		snprintf(out, 32, "%lld B", (long long)size);
	else if (size < 1024 * 1024)
		snprintf(out, 32, "%lld KB", (long long)((size + 1023) / 1024));
	else
		snprintf(out, 32, "%.1f MB", (double)size / (1024 * 1024));
	for (char *p = out; *p; p++)
		if (*p == '.')
			*p = ',';
}

static void add_files(struct app *app, struct tlines *l, int64_t id)
{
	struct evidence_file *f;
	int n;
	struct cchc_err err;
	panel_heading(l, "Tệp:");
	if (evidence_files(app->db, id, &f, &n, &err))
		f = NULL, n = 0;
	for (int i = 0; i < n; i++) {
		char size[32], *name = text_sanitize(f[i].name);
		size_text(f[i].size, size);
		struct sbuf b = SBUF_INIT;
		sbuf_addf(&b, "%s (%s)", name, size);
		tl_wrapped(l, 2, "-", EL_TEXT_ITEM_MARKER, b.s, EL_TEXT);
		sbuf_free(&b);
		free(name);
	}
	if (!n)
		tl_add(l, 2, NULL, EL_TEXT, "(không có tệp)", strlen("(không có tệp)"), EL_EVIDENCE_MISSING);
	evidence_files_free(f, n);
}

/* The linked tasks, one a line with their titles ("3, 7" in the record). */
static void add_tasks(struct app *app, struct tlines *l, const char *ids)
{
	panel_heading(l, "Nhiệm vụ:");
	const char *p = ids;
	int n = 0;
	while (*p) {
		char *end;
		long long id = strtoll(p, &end, 10);
		if (end == p)
			break;
		struct task_info t;
		struct cchc_err err;
		char pre[24];
		snprintf(pre, sizeof pre, "%lld", id);
		if (task_get(app->db, id, &t, &err) == CCHC_OK) {
			char *title = text_sanitize(t.title);
			tl_wrapped(l, 2, pre, EL_FORM_LABEL, title, EL_TEXT);
			free(title);
			task_info_free(&t);
		}
		n++;
		p = end + strspn(end, ", ");
	}
	if (!n)
		tl_add(l, 2, NULL, EL_TEXT, "(chưa gắn)", strlen("(chưa gắn)"), EL_TEXT);
}

static void detail_build(struct app *app, void *ctx, struct tlines *l)
{
	int64_t id = *(const int64_t *)ctx;
	struct evidence_info e;
	struct cchc_err err;
	if (evidence_get(app->db, id, &e, &err)) {
		panel_error(l, err.msg);
		return;
	}
	char date[11];
	vn(e.issued_on, date);
	panel_field(l, "Loại:", evidence_kind_label(e.kind));
	panel_field(l, "Số, ký hiệu:", e.doc_no);
	panel_field(l, "Ngày:", date);
	panel_field(l, "Cơ quan ban hành:", e.issuer);
	panel_field(l, "Trích yếu:", e.summary);
	if (*e.notes)
		panel_field(l, "Ghi chú:", e.notes);
	char *crit = evidence_criteria_codes(app->db, id);
	panel_field(l, "Tiêu chí:", *crit ? crit : "(chưa gắn)");
	free(crit);
	add_files(app, l, id);
	add_tasks(app, l, e.tasks);
	evidence_info_free(&e);
}

/* o opens a file with the panel kept; e and g close it first. */
static int detail_key(struct app *app, void *ctx, enum action a)
{
	int64_t id = *(const int64_t *)ctx;   /* closing frees ctx */
	if (a == ACT_EVIDENCE_OPEN)
		return open_file(app, id);
	if (a == ACT_EVIDENCE_FILE_DELETE)
		return app_modal_close(app) | delete_file(app, id);
	if (a == ACT_EVIDENCE_EDIT)
		return app_modal_close(app) | edit_evidence(app, id);
	if (a != ACT_EVIDENCE_GET)
		return -1;
	return app_modal_close(app) | export_files(app, id);
}

static int open_detail(struct app *app, int64_t id)
{
	static const struct panel_ops ops = { detail_build, detail_key, free };
	int64_t *ctx = xmalloc(sizeof *ctx);
	*ctx = id;
	char title[64];
	snprintf(title, sizeof title, "Tài liệu kiểm chứng số %lld", (long long)id);
	return app_modal_open(app, panel_open("evidence", title, "e: sửa  o: mở tệp  g: xuất tệp  "
					      "D: xóa tệp  ↑↓ cuộn  Esc: đóng", &ops, ctx));
}

/* ---- export (g) ---- */

/* The record and folder of an export waiting for "Ghi đè?". */
struct export_req {
	int64_t id;
	char *dir;
};

static void export_req_free(void *ctx)
{
	struct export_req *r = ctx;
	free(r->dir);
	free(r);
}

/* How many files of record id could not keep their own name in dir (a
 * second "report.pdf" comes out as "report (2).pdf"). */
static int renamed_count(struct app *app, int64_t id, const char *dir)
{
	struct evidence_file *f;
	char **names;
	int n, m, k = 0;
	struct cchc_err err = { 0 };
	if (evidence_files(app->db, id, &f, &n, &err))
		return 0;
	if (evidence_target_names(app->db, id, dir, &names, &m, &err) == CCHC_OK) {
		for (int i = 0; i < m; i++) {
			k += i < n && strcmp(f[i].name, names[i]) != 0;
			free(names[i]);
		}
		free(names);
	}
	evidence_files_free(f, n);
	return k;
}

static int export_run(struct app *app, int64_t id, const char *dir, int flags,
		      struct cchc_err *err)
{
	if (evidence_extract(app->db, id, dir, flags, err))
		return err->code;
	int renamed = renamed_count(app, id, dir);
	if (renamed)
		app_message(app, false, "Đã xuất các tệp của tài liệu số %lld vào %s; %d tệp trùng tên "
			    "được thêm số, như \"tên (2).pdf\"", (long long)id, dir, renamed);
	else
		app_message(app, false, "Đã xuất các tệp của tài liệu số %lld vào %s", (long long)id,
			    dir);
	return CCHC_OK;
}

static int export_overwrite(struct app *app, void *ctx)
{
	struct export_req *r = ctx;
	struct cchc_err err = { 0 };
	if (export_run(app, r->id, r->dir, FS_OVERWRITE, &err))
		app_message(app, true, "Chưa xuất: %s", err.msg);
	return UI_ALL;
}

static int export_to(struct app *app, int64_t id, const char *text, struct cchc_err *err);

static int export_after_mkdir(struct app *app, void *ctx)
{
	struct export_req *r = ctx;
	struct cchc_err err = { 0 };
	return export_to(app, r->id, r->dir, &err);
}

/* export_done for the folder text (~ expanded); a folder that is not there
 * is offered for creation. */
static int export_to(struct app *app, int64_t id, const char *text, struct cchc_err *err)
{
	if (!*text) {
		app_message(app, true, "Chưa xuất: cần tên thư mục");
		return UI_ALL;
	}
	if (!fs_exists(text)) {
		struct export_req *r = xmalloc(sizeof *r);
		r->id = id;
		r->dir = xstrdup(text);
		return UI_ALL | rf_offer_mkdir(app, text, export_after_mkdir, r, export_req_free);
	}
	if (!export_run(app, id, text, FS_NEW, err))
		return UI_ALL;
	if (err->code != CCHC_EEXIST) {
		app_message(app, true, "Chưa xuất: %s", err->msg);
		return UI_ALL;
	}
	char *taken = evidence_extract_taken(app->db, id, text);
	struct sbuf q = SBUF_INIT;
	sbuf_addf(&q, "Ghi đè %s (đã có trong %s)", *taken ? taken : "các tệp", text);
	struct export_req *r = xmalloc(sizeof *r);
	r->id = id;
	r->dir = xstrdup(text);
	struct modal *m = confirm_open(q.s, NULL, export_overwrite, r, export_req_free);
	sbuf_free(&q);
	free(taken);
	return UI_ALL | app_modal_open(app, m);
}

/* Writes the files into the folder typed; files there already are replaced
 * only when the clerk answers "Ghi đè?" (never the database). */
static int export_done(struct app *app, void *ctx, const char *typed)
{
	int64_t id = (int64_t)(intptr_t)ctx;
	struct cchc_err err = { 0 };
	char *squeezed = text_squeeze(typed), *text = rf_expand_home(squeezed);
	free(squeezed);
	int rc = export_to(app, id, text, &err);
	free(text);
	return rc;
}


static int export_files_as(struct app *app, int64_t id, const char *label)
{
	if (!id)
		return UI_NONE;
	static const struct prompt_ops ops = { .done = export_done };
	return app_modal_open(app, prompt_open_with(label, NULL, &ops, (void *)(intptr_t)id));
}

static int export_files(struct app *app, int64_t id)
{
	return export_files_as(app, id, "Xuất tệp vào thư mục:");
}

/* No program here opens the file: the reason, and the folder prompt to
 * take it out and open it elsewhere (the label must outlive the call). */
static int offer_export(struct app *app, int64_t id, const char *why)
{
	static char label[sizeof ((struct cchc_err *)0)->msg + 64];
	snprintf(label, sizeof label, "%s. Xuất ra thư mục (Esc: thôi):", why);
	return export_files_as(app, id, label);
}

/* ---- open a file (o) ---- */

static int open_nth(struct app *app, int64_t id, int n)
{
	struct cchc_err err = { 0 };
	char *path = NULL;
	if (evidence_open(app->db, id, n, &path, &err)) {
		if (err.code == CCHC_ENOPROGRAM)
			return UI_ALL | offer_export(app, id, err.msg);
		app_message(app, true, "Chưa mở được: %s", err.msg);
	} else {
		const char *slash = fs_last_sep(path);
		char *name = text_sanitize(slash ? slash + 1 : path);
		app_message(app, false, "Đã mở tệp số %d của tài liệu số %lld (%s)", n, (long long)id,
			    name);
		free(name);
	}
	free(path);
	return UI_ALL;
}

/* ---- delete one file (D) ---- */

struct file_req {
	int64_t id;
	int n;
	char *name;
};

static void file_req_free(void *p)
{
	struct file_req *r = p;
	free(r->name);
	free(r);
}

static int file_delete_confirmed(struct app *app, void *p)
{
	struct file_req *r = p;
	struct cchc_err err = { 0 };
	if (evidence_file_delete(app->db, r->id, r->n, &err)) {
		app_message(app, true, "Chưa xóa: %s", err.msg);
		return UI_STATUS;
	}
	app->data_version++;
	app_message(app, false, "Đã xóa tệp %d «%s» của tài liệu %lld (R: thùng rác, khôi phục được)",
		    r->n, r->name, (long long)r->id);
	return UI_ALL;
}

/* "Xóa tệp N «name» của tài liệu ID? [c/K]" */
static int ask_file_delete(struct app *app, int64_t id, int n)
{
	struct evidence_file *f;
	int nf;
	struct cchc_err err;
	if (evidence_files(app->db, id, &f, &nf, &err)) {
		app_message(app, true, "%s", err.msg);
		return UI_STATUS;
	}
	if (n < 1 || n > nf) {
		evidence_files_free(f, nf);
		app_message(app, true, "Tài liệu số %lld không có tệp số %d", (long long)id, n);
		return UI_STATUS;
	}
	struct file_req *r = xmalloc(sizeof *r);
	*r = (struct file_req){ id, n, text_sanitize(f[n - 1].name) };
	evidence_files_free(f, nf);
	struct sbuf q = SBUF_INIT;
	sbuf_addf(&q, "Xóa tệp %d «%s» của tài liệu %lld", n, r->name, (long long)id);
	struct modal *m = confirm_open(q.s, NULL, file_delete_confirmed, r, file_req_free);
	sbuf_free(&q);
	return UI_ALL | app_modal_open(app, m);
}

/* A file number typed in a prompt, 1 to 100000; 0 when it is not one. */
static int typed_file_no(struct app *app, const char *text)
{
	char *end;
	long n = strtol(text, &end, 10);
	while (*end == ' ')
		end++;
	if (!*text || *end || n < 1 || n > 100000) {
		app_message(app, true, "Số tệp «%s» không hợp lệ (ví dụ 1)", text);
		return 0;
	}
	return (int)n;
}

static int delete_file_done(struct app *app, void *ctx, const char *text)
{
	int n = typed_file_no(app, text);
	return n ? ask_file_delete(app, (int64_t)(intptr_t)ctx, n) : UI_ALL;
}

/* The record's number of files; -1 (said on the status line) when it has
 * none or they cannot be read. */
static int file_count(struct app *app, int64_t id)
{
	struct evidence_file *f;
	int n;
	struct cchc_err err;
	if (evidence_files(app->db, id, &f, &n, &err)) {
		app_message(app, true, "%s", err.msg);
		return -1;
	}
	evidence_files_free(f, n);
	if (!n)
		app_message(app, true, "Tài liệu số %lld không có tệp nào", (long long)id);
	return n ? n : -1;
}

/* Asks for the file (when there are several), then "Xóa tệp …?". */
static int delete_file(struct app *app, int64_t id)
{
	int n = id ? file_count(app, id) : -1;
	if (n < 0)
		return UI_STATUS;
	if (n == 1)
		return ask_file_delete(app, id, 1);
	static const struct prompt_ops ops = { .done = delete_file_done };
	static char label[64];  /* the prompt keeps the pointer */
	snprintf(label, sizeof label, "Xóa tệp số (1-%d):", n);
	return app_modal_open(app, prompt_open_with(label, "", &ops, (void *)(intptr_t)id));
}

static int open_done(struct app *app, void *ctx, const char *text)
{
	int n = typed_file_no(app, text);
	return n ? open_nth(app, (int64_t)(intptr_t)ctx, n) : UI_ALL;
}

/* Opens the record's only file, or asks which (1 by default). */
static int open_file(struct app *app, int64_t id)
{
	int n = id ? file_count(app, id) : -1;
	if (n < 0)
		return id ? UI_STATUS : UI_NONE;
	if (n == 1)
		return open_nth(app, id, 1);
	static const struct prompt_ops ops = { .done = open_done };
	static char label[64];  /* the prompt keeps the pointer */
	snprintf(label, sizeof label, "Mở tệp số (1-%d):", n);
	return app_modal_open(app, prompt_open_with(label, "1", &ops, (void *)(intptr_t)id));
}

/* ---- the form (a) ---- */

/* The notes field is shown only when editing (e). */
enum { F_KIND, F_NO, F_DATE, F_ISSUER, F_SUMMARY, F_NOTES, F_TASKS, F_CRIT, F_FILES, NFIELDS };

static const char *const labels[NFIELDS] = {
	"Loại", "Số, ký hiệu", "Ngày", "Cơ quan", "Trích yếu", "Ghi chú", "Nhiệm vụ", "Tiêu chí",
	"Tệp",
};

struct ev_form {
	struct form_cand kinds[16];
	int nkinds;
	int64_t edit_id;             /* 0: adding */
	char **old_crit;             /* editing: the codes already linked */
	int nold_crit;
	int64_t old_tasks[64];       /* editing: the tasks already linked */
	int nold_tasks;
	char title[64];
};

static void ef_free(void *p)
{
	struct ev_form *ef = p;
	for (int i = 0; i < ef->nkinds; i++) {
		free(ef->kinds[i].value);
		free(ef->kinds[i].label);
	}
	strv_free(ef->old_crit, ef->nold_crit);
	free(ef);
}

/* The items of s separated by any of seps, trimmed, empty ones dropped. */
static int split(const char *s, const char *seps, char ***out)
{
	char *copy = xstrdup(s), *save = NULL;
	int n = 0;
	*out = xcalloc(strlen(s) / 2 + 2, sizeof **out);
	for (char *t = strtok_r(copy, seps, &save); t; t = strtok_r(NULL, seps, &save)) {
		char *q = text_squeeze(t);
		if (*q)
			(*out)[n++] = q;
		else
			free(q);
	}
	free(copy);
	return n;
}

static bool check_date(struct form *f)
{
	const char *s = form_text(f, F_DATE);
	struct ymd d;
	if (!*s)
		return true;
	if (date_parse_dmy(s, &d) || date_parse_iso(s, &d)) {
		char out[11];
		date_format_vn(d, out);
		form_hint(f, F_DATE, strcmp(out, s) ? out : "ngày/tháng/năm");
		return true;
	}
	form_hint(f, F_DATE, NULL);
	form_error(f, F_DATE, "Ngày «%s» không hợp lệ: ghi ngày/tháng/năm, ví dụ 15/03/2026", s);
	return false;
}

static bool check_tasks(struct app *app, struct form *f, int64_t *ids, int *n)
{
	char **v;
	int k = split(form_text(f, F_TASKS), ", ", &v);
	bool ok = true;
	*n = 0;
	for (int i = 0; i < k && ok; i++) {
		char *end;
		long long id = strtoll(v[i], &end, 10);
		struct task_info t;
		struct cchc_err err;
		if (*end || id <= 0 || *n == 64) {
			form_error(f, F_TASKS, "Mã nhiệm vụ «%s» không hợp lệ: ghi các số, cách nhau dấu phẩy", v[i]);
			ok = false;
		} else if (task_get(app->db, id, &t, &err) != CCHC_OK) {
			form_error(f, F_TASKS, "Không có nhiệm vụ số %lld", id);
			ok = false;
		} else {
			task_info_free(&t);
			ids[(*n)++] = id;
		}
	}
	strv_free(v, k);
	return ok;
}

static bool check_criteria(struct app *app, struct form *f, char **v, int n)
{
	for (int i = 0; i < n; i++)
		if (!criteria_catalogue_for(app->db, v[i], 0)) {
			form_error(f, F_CRIT, "Không có tiêu chí mã %s (nạp bộ tiêu chí bằng cchc criteria load)",
				   v[i]);
			return false;
		}
	return true;
}

/* Puts an error of evidence_add under the field it is about. */
static void place_error(struct form *f, const char *msg)
{
	int i = F_FILES;
	if (strncmp(msg, "Loại", strlen("Loại")) == 0)
		i = F_KIND;
	else if (strncmp(msg, "Ngày", strlen("Ngày")) == 0)
		i = F_DATE;
	else if (strstr(msg, "nhiệm vụ"))
		i = F_TASKS;
	else if (strstr(msg, "tiêu chí"))
		i = F_CRIT;
	form_error(f, i, "%s", msg);
}

/* Editing: keeps only the tasks not linked yet; refuses removing one. */
static bool new_tasks(struct form *f, const struct ev_form *ef, int64_t *ids, int *n)
{
	for (int k = 0; k < ef->nold_tasks; k++) {
		bool kept = false;
		for (int i = 0; i < *n && !kept; i++)
			kept = ids[i] == ef->old_tasks[k];
		if (!kept) {
			form_error(f, F_TASKS, "Không bỏ được nhiệm vụ số %lld đã gắn; chỉ thêm được "
				   "nhiệm vụ mới", (long long)ef->old_tasks[k]);
			return false;
		}
	}
	int m = 0;
	for (int i = 0; i < *n; i++) {
		bool old = false;
		for (int k = 0; k < ef->nold_tasks && !old; k++)
			old = ids[i] == ef->old_tasks[k];
		for (int k = 0; k < m && !old; k++)
			old = ids[i] == ids[k];
		if (!old)
			ids[m++] = ids[i];
	}
	*n = m;
	return true;
}

/* The same for criterion codes: v keeps the new ones (the others freed). */
static bool new_criteria(struct form *f, const struct ev_form *ef, char **v, int *n)
{
	for (int k = 0; k < ef->nold_crit; k++) {
		bool kept = false;
		for (int i = 0; i < *n && !kept; i++)
			kept = strcmp(v[i], ef->old_crit[k]) == 0;
		if (!kept) {
			form_error(f, F_CRIT, "Không bỏ được tiêu chí %s đã gắn; chỉ thêm được tiêu chí mới",
				   ef->old_crit[k]);
			return false;
		}
	}
	int m = 0;
	for (int i = 0; i < *n; i++) {
		bool old = false;
		for (int k = 0; k < ef->nold_crit && !old; k++)
			old = strcmp(v[i], ef->old_crit[k]) == 0;
		for (int k = 0; k < m && !old; k++)
			old = strcmp(v[i], v[k]) == 0;
		if (old)
			free(v[i]);
		else
			v[m++] = v[i];
	}
	*n = m;
	return true;
}

static int ef_store(struct app *app, struct form *f, struct evidence_input *in)
{
	struct ev_form *ef = f->ctx;
	struct cchc_err err = { 0 };
	int64_t id = ef->edit_id;
	if (id ? evidence_edit(app->db, id, in, &err) : evidence_add(app->db, in, &id, &err)) {
		place_error(f, err.msg);
		form_focus_error(f);
		return -1;
	}
	app->data_version++;
	if (ef->edit_id)
		app_message(app, false, "Đã sửa tài liệu kiểm chứng số %lld (thêm %d tệp)", (long long)id,
			    in->nfiles);
	else
		app_message(app, false, "Đã thêm tài liệu kiểm chứng số %lld (%d tệp)", (long long)id,
			    in->nfiles);
	return UI_ALL;
}

static int ef_save(struct app *app, struct form *f)
{
	struct ev_form *ef = f->ctx;
	struct evidence_input in = { 0 };
	int64_t tasks[64];
	char **crit, **files;
	form_clear_errors(f);
	bool ok = true;
	if (!(in.kind = evidence_kind_parse(form_text(f, F_KIND)))) {
		form_error(f, F_KIND, "Chọn loại trong danh sách: quyết định, kế hoạch, báo cáo, công "
			   "văn, thông báo, biên bản, hình ảnh, khác");
		ok = false;
	}
	ok &= check_date(f);
	bool tasks_ok = check_tasks(app, f, tasks, &in.ntasks);
	if (tasks_ok && ef->edit_id)
		tasks_ok = new_tasks(f, ef, tasks, &in.ntasks);
	ok &= tasks_ok;
	in.ncriteria = split(form_text(f, F_CRIT), ", ", &crit);
	if (ef->edit_id)
		ok &= new_criteria(f, ef, crit, &in.ncriteria);
	ok &= check_criteria(app, f, crit, in.ncriteria);
	in.nfiles = split(form_text(f, F_FILES), ";", &files);
	in.doc_no = form_text(f, F_NO);
	in.date = form_text(f, F_DATE);
	in.issuer = form_text(f, F_ISSUER);
	in.summary = form_text(f, F_SUMMARY);
	if (ef->edit_id)
		in.notes = form_text(f, F_NOTES);
	in.tasks = tasks;
	in.criteria = (const char *const *)crit;
	in.files = (const char *const *)files;
	int r = -1;
	if (ok)
		r = ef_store(app, f, &in);
	else
		form_focus_error(f);
	strv_free(crit, in.ncriteria);
	strv_free(files, in.nfiles);
	return r;
}

static void ef_changed(struct app *app, struct form *f, int i)
{
	if (i == F_DATE) {
		free(f->f[F_DATE].error);
		f->f[F_DATE].error = NULL;
		if (*form_text(f, F_DATE))
			check_date(f);
		else
			form_hint(f, F_DATE, "ngày/tháng/năm");
	}
}

static const struct form_ops ev_form_ops = { ef_changed, ef_save, ef_free };

/* The form of a new record (title), or of record edit_id. */
static struct form *ev_form_new(int64_t edit_id)
{
	struct ev_form *ef = xcalloc(1, sizeof *ef);
	for (int i = 0; evidence_kinds[i] && i < 16; i++, ef->nkinds++)
		ef->kinds[i] = (struct form_cand){ i + 1, xstrdup(evidence_kind_labels[i]), xstrdup("") };
	ef->edit_id = edit_id;
	if (edit_id)
		snprintf(ef->title, sizeof ef->title, "Sửa tài liệu kiểm chứng số %lld",
			 (long long)edit_id);
	else
		snprintf(ef->title, sizeof ef->title, "Thêm tài liệu kiểm chứng");
	struct form *f = form_new(ef->title, labels, NFIELDS, &ev_form_ops, ef);
	f->f[F_KIND].cand = ef->kinds, f->f[F_KIND].ncand = ef->nkinds;
	f->f[F_NOTES].hidden = !edit_id;
	form_hint(f, F_DATE, "ngày/tháng/năm");
	form_hint(f, F_TASKS, "mã số, cách nhau dấu phẩy: 3, 7");
	form_hint(f, F_CRIT, "mã tiêu chí, cách nhau dấu phẩy: 1.1, 3.2");
	form_hint(f, F_FILES, "đường dẫn tệp, cách nhau dấu «;»; Tab: điền tiếp tên tệp");
	f->f[F_FILES].path = true;
	return f;
}

static int add_evidence(struct app *app, struct ev_view *ev)
{
	struct form *f = ev_form_new(0);
	if (ev->task) {
		char id[24];
		snprintf(id, sizeof id, "%lld", (long long)ev->task);
		form_set(f, F_TASKS, id);
	}
	if (ev->kind)
		form_set(f, F_KIND, evidence_kind_label(ev->kind));
	return app_modal_open(app, &f->m);
}

/* The same form for record id, filled from it (e). */
static int edit_evidence(struct app *app, int64_t id)
{
	struct evidence_info e;
	struct cchc_err err = { 0 };
	if (!id)
		return UI_NONE;
	if (evidence_get(app->db, id, &e, &err)) {
		app_message(app, true, "%s", err.msg);
		return UI_STATUS;
	}
	struct form *f = ev_form_new(id);
	struct ev_form *ef = f->ctx;
	char date[11], hint[96];
	vn(e.issued_on, date);
	form_set(f, F_KIND, evidence_kind_label(e.kind));
	form_set(f, F_NO, e.doc_no);
	form_set(f, F_DATE, date);
	form_set(f, F_ISSUER, e.issuer);
	form_set(f, F_SUMMARY, e.summary);
	form_set(f, F_NOTES, e.notes);
	form_set(f, F_TASKS, e.tasks);
	char *crit = evidence_criteria_codes(app->db, id);
	form_set(f, F_CRIT, crit);
	ef->nold_crit = split(crit, ", ", &ef->old_crit);
	free(crit);
	for (const char *p = e.tasks; *p && ef->nold_tasks < 64;) {
		char *end;
		long long t = strtoll(p, &end, 10);
		if (end == p)
			break;
		ef->old_tasks[ef->nold_tasks++] = t;
		p = end + strspn(end, ", ");
	}
	form_hint(f, F_TASKS, "đã gắn ở đây; thêm mã số mới sau dấu phẩy: 3, 7");
	form_hint(f, F_CRIT, "đã gắn ở đây; thêm mã tiêu chí mới sau dấu phẩy: 1.1, 3.2");
	snprintf(hint, sizeof hint, "tệp thêm vào (đã có %d), cách nhau dấu «;»; Tab: điền tiếp",
		 e.nfiles);
	form_hint(f, F_FILES, hint);
	evidence_info_free(&e);
	return app_modal_open(app, &f->m);
}

/* ---- filters ---- */

static int task_chosen(struct app *app, void *ctx, int64_t id, const char *value)
{
	struct sbuf b = SBUF_INIT;
	sbuf_addf(&b, "nhiệm vụ số %lld", (long long)id);
	set_filter(app, ctx, id, NULL, 0, b.s);
	sbuf_free(&b);
	return UI_ALL;
}

static int choose_task(struct app *app, struct ev_view *ev)
{
	struct task_filter tf = { .status = -1, .due_within = -1, .limit = 500 };
	struct task_info *t;
	int n;
	struct cchc_err err;
	if (task_list(app->db, &tf, &t, &n, &err) != CCHC_OK || !n) {
		app_message(app, true, "Chưa có nhiệm vụ nào");
		return UI_STATUS;
	}
	struct choice_item *v = xcalloc((size_t)n, sizeof *v);
	char (*ids)[24] = xcalloc((size_t)n, sizeof *ids);
	for (int i = 0; i < n; i++) {
		snprintf(ids[i], sizeof ids[i], "%lld", (long long)t[i].id);
		v[i] = (struct choice_item){ t[i].id, ids[i], t[i].title };
	}
	struct modal *m = choice_open("Lọc theo nhiệm vụ", v, n, task_chosen, ev);
	free(v);
	free(ids);
	task_list_free(t, n);
	return app_modal_open(app, m);
}

static int criterion_chosen(struct app *app, void *ctx, int64_t id, const char *value)
{
	struct ev_view *ev = ctx;
	struct sbuf b = SBUF_INIT;
	sbuf_addf(&b, "tiêu chí %s", value);
	set_filter(app, ev, 0, NULL, 0, b.s);
	ev->criterion = id;
	sbuf_free(&b);
	return UI_ALL;
}

/* Every criterion of every catalogue: its evidence, direct or through tasks. */
static int choose_criterion(struct app *app, struct ev_view *ev)
{
	struct criterion_row *c;
	int n;
	struct cchc_err err;
	if (criteria_list(app->db, 0, NULL, 0, &c, &n, &err) != CCHC_OK || !n) {
		app_message(app, true, "Chưa có bộ tiêu chí nào (nạp bằng cchc criteria load TỆP)");
		return UI_STATUS;
	}
	struct choice_item *v = xcalloc((size_t)n, sizeof *v);
	for (int i = 0; i < n; i++)
		v[i] = (struct choice_item){ c[i].id, c[i].code, c[i].name };
	struct modal *m = choice_open("Lọc theo tiêu chí", v, n, criterion_chosen, ev);
	free(v);
	criteria_list_free(c, n);
	return app_modal_open(app, m);
}

static int kind_chosen(struct app *app, void *ctx, int64_t id, const char *value)
{
	struct sbuf b = SBUF_INIT;
	sbuf_addf(&b, "loại %s", evidence_kind_labels[id]);
	set_filter(app, ctx, 0, evidence_kinds[id], 0, b.s);
	sbuf_free(&b);
	return UI_ALL;
}

static int choose_kind(struct app *app, struct ev_view *ev)
{
	struct choice_item v[16];
	int n = 0;
	for (; evidence_kinds[n] && n < 16; n++)
		v[n] = (struct choice_item){ n, evidence_kind_labels[n], "" };
	return app_modal_open(app, choice_open("Lọc theo loại", v, n, kind_chosen, ev));
}

static int year_done(struct app *app, void *ctx, const char *text)
{
	char *end;
	long y = strtol(text, &end, 10);
	if (!*text || *end || y < 1900 || y > 2999) {
		app_message(app, true, "Năm «%s» không hợp lệ (ví dụ 2026)", text);
		return UI_STATUS;
	}
	char what[32];
	snprintf(what, sizeof what, "năm %ld", y);
	set_filter(app, ctx, 0, NULL, (int)y, what);
	return UI_ALL;
}

static int choose_year(struct app *app, struct ev_view *ev)
{
	static const struct prompt_ops ops = { .done = year_done };
	char y[8] = "";
	if (ev->year)
		snprintf(y, sizeof y, "%d", ev->year);
	return app_modal_open(app, prompt_open_with("Lọc theo năm:", y, &ops, ev));
}

/* ---- the register ---- */

static int key_list(struct app *app, struct register_view *v, int64_t id, enum action a)
{
	struct ev_view *ev = (struct ev_view *)v;
	switch (a) {
	case ACT_EVIDENCE_ALL: set_filter(app, ev, 0, NULL, 0, NULL); return UI_VIEW;
	case ACT_EVIDENCE_BY_TASK: return choose_task(app, ev);
	case ACT_EVIDENCE_BY_KIND: return choose_kind(app, ev);
	case ACT_EVIDENCE_BY_CRITERION: return choose_criterion(app, ev);
	case ACT_EVIDENCE_BY_YEAR: return choose_year(app, ev);
	default: return add_evidence(app, ev);
	}
}

static int key_row(struct app *app, struct register_view *v, int64_t id, enum action a)
{
	switch (a) {
	case ACT_EVIDENCE_EDIT: return edit_evidence(app, id);
	case ACT_EVIDENCE_GET: return export_files(app, id);
	case ACT_EVIDENCE_OPEN: return open_file(app, id);
	case ACT_EVIDENCE_FILE_DELETE: return delete_file(app, id);
	default: return open_detail(app, id);
	}
}

static const struct rv_key ev_keys[] = {
	{ ACT_EVIDENCE_ALL, key_list, false }, { ACT_EVIDENCE_BY_TASK, key_list, false },
	{ ACT_EVIDENCE_BY_KIND, key_list, false }, { ACT_EVIDENCE_BY_CRITERION, key_list, false },
	{ ACT_EVIDENCE_BY_YEAR, key_list, false }, { ACT_EVIDENCE_ADD, key_list, false },
	{ ACT_EVIDENCE_EDIT, key_row, true }, { ACT_EVIDENCE_GET, key_row, true },
	{ ACT_EVIDENCE_OPEN, key_row, true }, { ACT_EVIDENCE_FILE_DELETE, key_row, true },
	{ ACT_SELECT, key_row, true },
	{ ACT_NONE, NULL, false },
};

static void name_row(const void *row, struct sbuf *out)
{
	const struct evidence_info *e = row;
	sbuf_addf(out, "tài liệu %lld «%s»", (long long)e->id, *e->doc_no ? e->doc_no : e->summary);
}

static void ev_free(struct register_view *v)
{
	free(((struct ev_view *)v)->what);
}

static const struct register_desc ev_desc = {
	.scope = "evidence", .title = "Minh chứng:", .ops = &ev_ops, .table = "evidence",
	.no_match = "Không có tài liệu nào khớp bộ lọc; Esc để bỏ lọc.",
	.draw_header = draw_header, .draw_row = draw_row, .draw_title = draw_title,
	.empty = empty, .keys = ev_keys,
	.delete_row = evidence_delete,
	.name_row = name_row,
};

static void *ev_open(struct app *app)
{
	struct ev_view *ev = rv_open(&ev_desc, sizeof *ev);
	ev->rv.free_extra = ev_free;
	return ev;
}

/* "evidence" (a search hit): every record, and its details open. */
static int ev_go(struct app *app, void *st, const char *kind, int64_t id, int64_t plan_id)
{
	if (strcmp(kind, "evidence") != 0)
		return -1;
	struct ev_view *ev = st;
	filter_clear(&ev->rv.kw.filter);
	set_filter(app, ev, 0, NULL, 0, NULL);
	return open_detail(app, id) | UI_ALL;
}

const struct view_class view_evidence = {
	.name = "evidence",
	.title = "Minh chứng",
	.hints = ev_hints,
	.open = ev_open,
	RV_VIEW_METHODS,
	.go = ev_go,
};
