#include <config.h>
#include "ui/register_forms.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "core/calendar.h"
#include "core/letter.h"
#include "core/settings.h"
#include "core/unit.h"
#include "text/utf8.h"
#include "util/fsutil.h"

/* ---- candidates ---- */

void rf_cands_free(struct rf_cands *c)
{
	for (int i = 0; i < c->n; i++) {
		free(c->v[i].value);
		free(c->v[i].label);
	}
	free(c->v);
	c->v = NULL;
	c->n = 0;
}

void rf_units(struct app *app, struct rf_cands *c)
{
	struct unit_info *u = NULL;
	int n = 0;
	struct cchc_err err;
	if (unit_list(app->db, &u, &n, &err) != CCHC_OK)
		n = 0;
	c->v = xcalloc((size_t)n + 1, sizeof *c->v);
	c->n = 0;
	for (int i = 0; i < n; i++)
		if (u[i].active && u[i].code && *u[i].code)
			c->v[c->n++] = (struct form_cand){ u[i].id, text_sanitize(u[i].code),
							   text_sanitize(u[i].name ? u[i].name : "") };
	unit_list_free(u, n);
}

static int unit_chosen(struct app *app, void *ctx, int64_t id, const char *value)
{
	struct rf_unit_filter *uf = ctx;
	free(uf->code);
	uf->code = id ? xstrdup(value) : NULL;
	kwin_reload(app, uf->kw, true);
	return UI_ALL;
}

struct modal *rf_unit_filter_open(struct app *app, const char *title, struct rf_unit_filter *uf)
{
	struct rf_cands u;
	rf_units(app, &u);
	struct choice_item *v = xcalloc((size_t)u.n + 1, sizeof *v);
	v[0] = (struct choice_item){ 0, "Mọi đơn vị", "bỏ lọc theo đơn vị" };
	for (int i = 0; i < u.n; i++)
		v[i + 1] = (struct choice_item){ u.v[i].id, u.v[i].value, u.v[i].label };
	struct modal *m = choice_open(title, v, u.n + 1, unit_chosen, uf);
	free(v);
	rf_cands_free(&u);
	return m;
}

void rf_unit_filter_free(struct rf_unit_filter *uf)
{
	free(uf->code);
	uf->code = NULL;
}

void rf_values(struct rf_cands *c, const char *const *values, const char *const *labels, int n)
{
	c->v = xcalloc((size_t)n + 1, sizeof *c->v);
	c->n = n;
	for (int i = 0; i < n; i++)
		c->v[i] = (struct form_cand){ i + 1, xstrdup(values[i]),
					      xstrdup(labels && labels[i] ? labels[i] : "") };
}

/* ---- dates ---- */

void rf_vn_date(const char *iso, char out[11])
{
	struct ymd d;
	out[0] = '\0';
	if (iso && *iso && date_parse_iso(iso, &d))
		date_format_vn(d, out);
}

struct rf_record *rf_record_new(int64_t id, struct kwin *kw)
{
	struct rf_record *r = xcalloc(1, sizeof *r);
	r->id = id;
	r->kw = kw;
	return r;
}

void rf_record_free(void *p)
{
	struct rf_record *r = p;
	for (int i = 0; i < r->ncands; i++)
		rf_cands_free(&r->cands[i]);
	free(r);
}

struct rf_cands *rf_record_cands(struct rf_record *r, int field)
{
	if (r->ncands == RF_RECORD_CANDS)
		abort();   /* a form with more lists than RF_RECORD_CANDS: a bug */
	r->fields[r->ncands] = field;
	return &r->cands[r->ncands++];
}

void rf_record_offer(const struct rf_record *r, struct form *f)
{
	for (int i = 0; i < r->ncands; i++) {
		f->f[r->fields[i]].cand = r->cands[i].v;
		f->f[r->fields[i]].ncand = r->cands[i].n;
	}
}

int rf_record_saved(struct app *app, const struct rf_record *r, int64_t id, const char *msg)
{
	app->data_version++;
	kwin_select(r->kw, id);
	app_message(app, false, "%s", msg);
	return UI_ALL;
}

void rf_today(char out[11])
{
	struct ymd t;
	struct cchc_err err;
	if (date_today(&t, &err) != CCHC_OK)
		t = (struct ymd){ 2026, 1, 1 };
	date_format_vn(t, out);
}

/* The date in field i as ISO; false when empty or not a date. */
static bool field_iso(const struct form *f, int i, char out[11])
{
	const char *s = form_text(f, i);
	struct ymd d;
	if (!date_parse_dmy(s, &d) && !date_parse_iso(s, &d))
		return false;
	date_format_iso(d, out);
	return true;
}

bool rf_check_date(struct form *f, int i, bool required)
{
	const char *s = form_text(f, i);
	char iso[11], vn[11];
	if (!*s) {
		form_hint(f, i, "ngày/tháng/năm");
		if (required)
			form_error(f, i, "Cần ghi ngày (ngày/tháng/năm, ví dụ 15/03/2026)");
		return !required;
	}
	if (field_iso(f, i, iso)) {
		rf_vn_date(iso, vn);
		form_hint(f, i, strcmp(vn, s) ? vn : "ngày/tháng/năm");
		return true;
	}
	form_hint(f, i, NULL);
	form_error(f, i, "Ngày «%s» không hợp lệ: ghi ngày/tháng/năm, ví dụ 15/03/2026", s);
	return false;
}

void rf_unit_hint(struct form *f, int i)
{
	int c = form_find(&f->f[i], form_text(f, i));
	form_hint(f, i, c >= 0 ? f->f[i].cand[c].label : "mã đơn vị; ↓ để chọn");
}

/* ---- errors ---- */

/* msg without the " (--option)" hints meant for the command line. */
static char *without_options(const char *msg)
{
	struct sbuf b = SBUF_INIT;
	const char *p = msg;
	for (const char *o; (o = strstr(p, " (--"));) {
		const char *close = strchr(o, ')');
		if (!close)
			break;
		sbuf_addn(&b, p, (size_t)(o - p));
		p = close + 1;
	}
	sbuf_add(&b, p);
	return sbuf_detach(&b);
}

void rf_place_error(struct app *app, struct form *f, const struct rf_where *w, int fallback,
		    const char *msg)
{
	int field = fallback;
	for (; w->text; w++)
		if (strcasestr(msg, w->text) && !f->f[w->field].hidden) {
			field = w->field;
			break;
		}
	char *m = without_options(msg);
	form_error(f, field, "%s", m);
	app_message(app, true, "%s", m);
	free(m);
	form_focus_error(f);
}

const char *rf_or_null(const struct form *f, int i)
{
	const char *s = form_text(f, i);
	return *s ? s : NULL;
}

char *rf_expand_home(const char *path)
{
	const char *home = getenv("HOME");
	if (path[0] != '~' || (path[1] && path[1] != '/') || !home || !*home)
		return xstrdup(path);
	struct sbuf b = SBUF_INIT;
	sbuf_addf(&b, "%s%s", home, path + 1);
	return sbuf_detach(&b);
}

struct rf_target {
	rf_write_fn write;
	void *ctx;
	char *path, *typed;
};

static void target_free(void *p)
{
	struct rf_target *t = p;
	free(t->path);
	free(t->typed);
	free(t);
}

static int overwrite_confirmed(struct app *app, void *p)
{
	struct rf_target *t = p;
	return t->write(app, t->ctx, t->path, t->typed, FS_OVERWRITE);
}

/* The folder a typed target goes into ("a/b/" for a folder target "a/b/c/"),
 * or NULL when it is there (or the target has no folder part). */
static char *missing_folder(const char *path)
{
	char *p = xstrdup(path);
	for (size_t n = strlen(p); n > 1 && p[n - 1] == '/'; n--)
		p[n - 1] = '\0';
	char *dir = fs_last_sep(p) ? fs_dirname(p) : NULL;
	free(p);
	struct stat st;
	if (dir && (stat(dir, &st) == 0 || errno != ENOENT)) {
		free(dir);
		dir = NULL;
	}
	return dir;
}

/* A folder to make on "c", then what was waiting for it. */
struct rf_mkdir {
	char *dir;
	confirm_fn next;
	void *ctx;
	void (*free_ctx)(void *);
};

static void mkdir_free(void *p)
{
	struct rf_mkdir *m = p;
	if (m->free_ctx)
		m->free_ctx(m->ctx);
	free(m->dir);
	free(m);
}

static int mkdir_confirmed(struct app *app, void *p)
{
	struct rf_mkdir *m = p;
	struct cchc_err err = { 0 };
	if (fs_mkdir_p(m->dir, 0755, &err)) {
		app_message(app, true, "%s", err.msg);
		return UI_ALL;
	}
	return m->next(app, m->ctx);
}

int rf_offer_mkdir(struct app *app, const char *dir, confirm_fn next, void *ctx,
		   void (*free_ctx)(void *))
{
	struct rf_mkdir *m = xmalloc(sizeof *m);
	*m = (struct rf_mkdir){ xstrdup(dir), next, ctx, free_ctx };
	struct sbuf q = SBUF_INIT;
	sbuf_addf(&q, "Chưa có thư mục %s. Tạo thư mục", dir);
	int r = app_modal_open(app, confirm_open(q.s, NULL, mkdir_confirmed, m, mkdir_free));
	sbuf_free(&q);
	return r;
}

/* The write waiting for its folder. */
struct rf_pending {
	rf_write_fn write;
	void *ctx;
	char *typed;
	const char *not_yet;
};

static void pending_free(void *p)
{
	struct rf_pending *w = p;
	free(w->typed);
	free(w);
}

static int pending_write(struct app *app, void *p)
{
	struct rf_pending *w = p;
	return rf_write_typed(app, w->typed, w->not_yet, w->write, w->ctx);
}

static int offer_folder(struct app *app, const char *typed, const char *dir, const char *not_yet,
			rf_write_fn write, void *ctx)
{
	struct rf_pending *w = xmalloc(sizeof *w);
	*w = (struct rf_pending){ write, ctx, xstrdup(typed), not_yet };
	return rf_offer_mkdir(app, dir, pending_write, w, pending_free);
}

int rf_write_typed(struct app *app, const char *text, const char *not_yet, rf_write_fn write,
		   void *ctx)
{
	char *typed = text_squeeze(text), *path = rf_expand_home(typed);
	struct cchc_err err = { 0 };
	int r = UI_ALL;
	char *dir = *typed ? missing_folder(path) : NULL;
	if (!*typed) {
		app_message(app, true, "%s: cần tên tệp", not_yet);
	} else if (dir) {
		r = UI_ALL | offer_folder(app, typed, dir, not_yet, write, ctx);
		free(dir);
	} else if (fs_check_target(path, FS_NEW, &err) == CCHC_EEXIST) {
		struct rf_target *t = xmalloc(sizeof *t);
		*t = (struct rf_target){ write, ctx, path, typed };
		struct sbuf q = SBUF_INIT;
		sbuf_addf(&q, "Đã có %s. Ghi đè", typed);
		r = app_modal_open(app, confirm_open(q.s, NULL, overwrite_confirmed, t, target_free));
		sbuf_free(&q);
		return r;
	} else if (err.code) {
		app_message(app, true, "%s được: %s", not_yet, err.msg);
	} else {
		r = write(app, ctx, path, typed, FS_NEW);
	}
	free(typed);
	free(path);
	return r;
}

/* ---- the apology letter ---- */

enum { F_DOSSIER, F_DATE, F_REASON, F_NEW, F_UNIT, F_ADDRESSEE, F_ADDRESS, F_CONTACT,
       F_AUTHORITY, F_TITLE, F_SIGNER, F_CHANNEL, F_SENT, NFIELDS };

static const char *const labels[NFIELDS] = {
	"Hồ sơ", "Ngày phiếu", "Lý do", "Ngày hẹn mới", "Đơn vị", "Người nhận", "Địa chỉ",
	"Liên hệ", "Thẩm quyền ký", "Chức vụ", "Người ký", "Cách gửi", "Ngày gửi",
};

static const struct rf_where letter_where[] = {
	{ "Ngày hẹn", F_NEW }, { "ngày hẹn", F_NEW }, { "Ngày gửi", F_SENT },
	{ "Ngày phiếu", F_DATE }, { "lý do", F_REASON }, { "người nhận", F_ADDRESSEE },
	{ "Cách gửi", F_CHANNEL }, { "đơn vị", F_UNIT }, { "Địa chỉ", F_ADDRESS },
	{ "Liên hệ", F_CONTACT }, { "Thẩm quyền", F_AUTHORITY }, { "Chức vụ", F_TITLE },
	{ "Người ký", F_SIGNER }, { NULL, 0 },
};

/* The values shown for the stored channel codes (letter_channel_parse
 * reads them back). */
static const char *const channel_values[] = { "giấy", "email", "sms", "zalo" };
static const char *const channel_codes[] = { "giay", "email", "sms", "zalo" };

struct letter_form {
	int64_t id;                  /* 0: a new letter */
	char due[11], limit[11];     /* ISO: the original due date, the last day to send in time */
	struct rf_cands units, channels;
	char title[160];
};

static void lf_free(void *p)
{
	struct letter_form *lf = p;
	rf_cands_free(&lf->units);
	rf_cands_free(&lf->channels);
	free(lf);
}

/* The last day a letter is sent in time: one working day before the
 * original due date (ISO; "" when there is none). */
static void send_limit(const char *due, char out[11])
{
	struct ymd d, l;
	struct cchc_err err;
	out[0] = '\0';
	struct calendar *c = calendar_new();
	if (date_parse_iso(due, &d) && calendar_add(c, d, -1, &l, &err) == CCHC_OK)
		date_format_iso(l, out);
	calendar_free(c);
}

/* The title holds text from the database: no control characters. */
static void clean_title(struct letter_form *lf)
{
	char *t = text_sanitize(lf->title);
	snprintf(lf->title, sizeof lf->title, "%s", t);
	free(t);
}

/* The rules as the clerk types: the new date after the original due date;
 * a letter dated after the limit will be marked "gửi muộn". */
static void check_new_date(struct form *f, struct letter_form *lf)
{
	char iso[11], a[11], b[11];
	if (!rf_check_date(f, F_NEW, false) || !field_iso(f, F_NEW, iso) || !*lf->due)
		return;
	rf_vn_date(iso, a);
	rf_vn_date(lf->due, b);
	if (strcmp(iso, lf->due) <= 0)
		form_error(f, F_NEW, "Ngày hẹn mới %s phải sau hạn trả kết quả cũ %s", a, b);
	else {
		char hint[96];
		snprintf(hint, sizeof hint, "%s, sau hạn cũ %s", a, b);
		form_hint(f, F_NEW, hint);
	}
}

static void check_letter_date(struct form *f, struct letter_form *lf)
{
	char iso[11], lim[11], hint[160];
	if (!rf_check_date(f, F_DATE, false) || !field_iso(f, F_DATE, iso))
		return;
	struct ymd t;
	struct cchc_err err;
	char today[11];
	if (date_today(&t, &err) == CCHC_OK) {
		date_format_iso(t, today);
		if (strcmp(iso, today) > 0) {
			rf_vn_date(today, lim);
			form_error(f, F_DATE, "Sau hôm nay (%s): phiếu ghi ngày đã ký",
				   lim);
			return;
		}
	}
	if (!*lf->limit)
		return;
	rf_vn_date(lf->limit, lim);
	if (strcmp(iso, lf->limit) > 0)
		snprintf(hint, sizeof hint, "sẽ ghi «gửi muộn» (hạn báo trước %s)", lim);
	else
		snprintf(hint, sizeof hint, "không gửi muộn (hạn báo trước %s)", lim);
	form_hint(f, F_DATE, hint);
}

static void lf_changed(struct app *app, struct form *f, int i)
{
	struct letter_form *lf = f->ctx;
	switch (i) {
	case F_DATE: check_letter_date(f, lf); break;
	case F_NEW: check_new_date(f, lf); break;
	case F_SENT: rf_check_date(f, F_SENT, false); break;
	case F_UNIT: rf_unit_hint(f, F_UNIT); break;
	default: break;
	}
}

static void lf_input(const struct form *f, const struct letter_form *lf, struct letter_input *in)
{
	memset(in, 0, sizeof *in);
	in->dossier_code = lf->id ? NULL : form_text(f, F_DOSSIER);
	in->date = rf_or_null(f, F_DATE);
	in->new_date = rf_or_null(f, F_NEW);
	const char **text[] = { &in->reason, &in->unit, &in->addressee, &in->address, &in->contact,
				&in->authority, &in->signer_title, &in->signer, &in->channel,
				&in->sent };
	const int fields[] = { F_REASON, F_UNIT, F_ADDRESSEE, F_ADDRESS, F_CONTACT, F_AUTHORITY,
			       F_TITLE, F_SIGNER, F_CHANNEL, F_SENT };
	for (size_t k = 0; k < sizeof fields / sizeof fields[0]; k++)
		*text[k] = form_text(f, fields[k]);
}

/* After saving: the number, and "gửi muộn" as a warning when flagged. */
static void tell_saved(struct app *app, int64_t id, bool added)
{
	struct letter_info l;
	struct cchc_err err;
	if (letter_get(app->db, id, &l, &err) != CCHC_OK) {
		app_message(app, false, "Đã lưu phiếu xin lỗi");
		return;
	}
	char iso[11], lim[11];
	send_limit(l.original_due, iso);
	rf_vn_date(iso, lim);
	if (l.late)
		app_message(app, true, "%s phiếu số %s — gửi muộn: sau hạn báo trước %s",
			    added ? "Đã lập" : "Đã sửa", l.number, lim);
	else
		app_message(app, false, "%s phiếu xin lỗi số %s cho hồ sơ %s",
			    added ? "Đã lập" : "Đã sửa", l.number, l.dossier_code);
	letter_info_free(&l);
}

/* "Hồ sơ 000.00.18.H36-251127-0001 đã có phiếu..." under the field that
 * shows that code reads "Hồ sơ này đã có phiếu...": short enough to read. */
static char *this_dossier(const char *msg, const char *code)
{
	struct sbuf b = SBUF_INIT;
	sbuf_addf(&b, "Hồ sơ %s", code ? code : "");
	const char *at = code && *code ? strstr(msg, b.s) : NULL;
	struct sbuf out = SBUF_INIT;
	if (at)
		sbuf_addf(&out, "%.*sHồ sơ này%s", (int)(at - msg), msg, at + b.len);
	else
		sbuf_add(&out, msg);
	sbuf_free(&b);
	return sbuf_detach(&out);
}

static int lf_save(struct app *app, struct form *f)
{
	struct letter_form *lf = f->ctx;
	const int dates[] = { F_DATE, F_NEW, F_SENT };
	bool ok = true;
	for (int k = 0; k < 3; k++) {   /* hints again; a date that is none stops here */
		lf_changed(app, f, dates[k]);
		ok &= !*form_text(f, dates[k]) || field_iso(f, dates[k], (char[11]){ 0 });
	}
	if (!ok)
		return -1;
	struct letter_input in;
	lf_input(f, lf, &in);
	struct cchc_err err = { 0 };
	int64_t id = lf->id;
	if (lf->id ? letter_edit(app->db, lf->id, &in, &err) : letter_add(app->db, &in, &id, &err)) {
		char *msg = this_dossier(err.msg, in.dossier_code);
		rf_place_error(app, f, letter_where, lf->id ? F_DATE : F_DOSSIER, msg);
		free(msg);
		return -1;
	}
	app->data_version++;
	tell_saved(app, id, !lf->id);
	return UI_ALL;
}

static const struct form_ops letter_ops = { lf_changed, lf_save, lf_free };

static struct form *letter_form(int64_t id, const char *due)
{
	struct letter_form *lf = xcalloc(1, sizeof *lf);
	lf->id = id;
	snprintf(lf->due, sizeof lf->due, "%s", due);
	send_limit(due, lf->limit);
	const char *chl[4];
	for (int i = 0; i < 4; i++)
		chl[i] = letter_channel_label(channel_codes[i]);
	rf_values(&lf->channels, channel_values, chl, 4);
	struct form *f = form_new(lf->title, labels, NFIELDS, &letter_ops, lf);
	f->f[F_CHANNEL].cand = lf->channels.v, f->f[F_CHANNEL].ncand = lf->channels.n;
	f->f[F_DOSSIER].hidden = id != 0;
	form_hint(f, F_REASON, "vì sao hồ sơ chậm; ghi vào phiếu");
	form_hint(f, F_CHANNEL, "giấy, email, sms hoặc zalo; ↓ để chọn");
	form_hint(f, F_SENT, "ngày/tháng/năm; để trống nếu chưa gửi");
	return f;
}

static void set_units(struct app *app, struct form *f)
{
	struct letter_form *lf = f->ctx;
	rf_units(app, &lf->units);
	f->f[F_UNIT].cand = lf->units.v, f->f[F_UNIT].ncand = lf->units.n;
}

static void fill_all(struct app *app, struct form *f, const char *const v[NFIELDS])
{
	set_units(app, f);
	for (int i = 0; i < NFIELDS; i++)
		form_set(f, i, v[i]);
	for (int i = 0; i < NFIELDS; i++)
		lf_changed(app, f, i);
}

struct modal *letter_form_new(struct app *app, const struct dossier_info *d)
{
	struct cchc_err err;
	if (letter_check_dossier(d, &err)) {
		app_message(app, true, "%s", err.msg);
		return NULL;
	}
	struct form *f = letter_form(0, d->due_on);
	struct letter_form *lf = f->ctx;
	snprintf(lf->title, sizeof lf->title, "Phiếu xin lỗi, hẹn lại ngày trả kết quả");
	char today[11], due[11], hint[96];
	rf_today(today);
	char *auth = settings_get(app->db, "letter.authority");
	char *title = settings_get(app->db, "letter.signer_title");
	char *signer = settings_get(app->db, "letter.signer");
	const char *v[NFIELDS] = { d->code, today, "", "", d->unit_code, d->holder, d->address,
				   d->contact, auth, title, signer, "", "" };
	fill_all(app, f, v);
	free(auth), free(title), free(signer);
	rf_vn_date(d->due_on, due);
	snprintf(hint, sizeof hint, "mã hồ sơ; hạn trả kết quả cũ %s", *due ? due : "(chưa có)");
	form_hint(f, F_DOSSIER, hint);
	if (!*form_text(f, F_NEW)) {
		snprintf(hint, sizeof hint, "ngày/tháng/năm, sau hạn cũ %s", *due ? due : "");
		form_hint(f, F_NEW, hint);
	}
	f->cur = F_REASON;
	return &f->m;
}

static const char *channel_value(const char *code)
{
	for (int i = 0; i < 4; i++)
		if (strcmp(code, channel_codes[i]) == 0)
			return channel_values[i];
	return code;
}

struct modal *letter_form_edit(struct app *app, int64_t id)
{
	struct letter_info l;
	struct cchc_err err;
	if (letter_get(app->db, id, &l, &err) != CCHC_OK) {
		app_message(app, true, "%s", err.msg);
		return NULL;
	}
	struct form *f = letter_form(id, l.original_due);
	struct letter_form *lf = f->ctx;
	snprintf(lf->title, sizeof lf->title, "Sửa phiếu xin lỗi số %s (hồ sơ %s)", l.number,
		 l.dossier_code);
	clean_title(lf);
	char date[11], nd[11], sent[11];
	rf_vn_date(l.letter_on, date);
	rf_vn_date(l.new_due, nd);
	rf_vn_date(l.sent_on, sent);
	const char *v[NFIELDS] = { l.dossier_code, date, l.reason, nd, l.unit_code, l.addressee,
				   l.address, l.contact, l.authority, l.signer_title, l.signer,
				   channel_value(l.channel), sent };
	fill_all(app, f, v);
	f->cur = F_DATE;
	letter_info_free(&l);
	return &f->m;
}
