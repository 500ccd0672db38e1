/* Hồ sơ: the citizens' dossiers as a window onto dossier_list, in four
 * lists switched with v: late dossiers without an apology letter (the
 * clerk's to-do list, first), late ones, pending ones, all. Late rows are
 * drawn in dossier.late. The / filter finds a code prefix or words of the
 * holder or procedure, tones ignored (in SQL). Keys write the apology
 * letter of the selected dossier (its form filled from the dossier), add or
 * edit a dossier, and import the one-stop system's export after showing
 * its bad rows. */
#include <config.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "core/dossier.h"
#include "text/utf8.h"
#include "ui/app.h"
#include "ui/kwin.h"
#include "ui/panel.h"
#include "ui/register_forms.h"
#include "ui/register_view.h"
#include "ui/term.h"

/* The lists switched with v, the clerk's to-do list first. */
static const enum dossier_view mode_views[] = { DV_LATE_NO_LETTER, DV_LATE, DV_PENDING, DV_ALL };
static const char *const mode_labels[] = {
	"Trễ hạn chưa có phiếu", "Trễ hạn", "Đang giải quyết", "Tất cả",
};
static const char *const mode_empty[] = {
	"Không có hồ sơ trễ hạn nào còn thiếu phiếu xin lỗi. v: xem danh sách khác.",
	"Không có hồ sơ trễ hạn. v: xem danh sách khác.",
	"Không có hồ sơ đang giải quyết. v: xem danh sách khác.",
	"Chưa có hồ sơ nào. a: thêm hồ sơ; i: nhập tệp xuất từ hệ thống một cửa.",
};
#define NMODES ((int)(sizeof mode_views / sizeof mode_views[0]))

/* What the list is without its / filter: its walk and its count hold
 * while this stays the same. */
struct dv_key {
	int mode;
	unsigned version;
	char unit[32];
};

struct dv {
	struct register_view rv;
	char *import_path;        /* the file being imported, between its prompts */
	/* the / filter's rows found so far (dossier_hits_walk) for
	 * texts[depth] over the list walk_key, in walks[depth]; below it the
	 * shorter texts typed before, each with its rows as they were when
	 * the next letter narrowed them (a letter deleted goes back there) */
	bool walking;
	int depth;
	struct dossier_walk walks[DOSSIER_HIT_LEVELS];
	char *texts[DOSSIER_HIT_LEVELS];
	struct dv_key walk_key, unf_key;
	bool unf_valid;           /* unf_n: the count without the filter, for unf_key */
	int64_t unf_n;
};

/* On each key the walk reads this many rows, for this long, at most, or
 * until a screen's rows are found; the rest when the keyboard is idle.
 * Screen tests (--script without --timing) count rows only, so that their
 * dumps are the same on every machine, however slow. More letters narrow
 * the rows found when they are few enough to check at once, else the walk
 * starts again. */
#define WALK_ROWS 2000
#define WALK_MS 8
#define WALK_WANT 101   /* "hơn 100" */
#define NARROW_MAX 2000

static const enum action dv_hints[] = {
	ACT_HELP, ACT_LETTER_WRITE, ACT_VIEW_CYCLE, ACT_DOSSIER_ADD, ACT_DOSSIER_EDIT,
	ACT_DOSSIER_IMPORT, ACT_SELECT, ACT_FILTER, ACT_QUIT, ACT_NONE
};

/* ---- the query ---- */

static const size_t dossier_texts[] = {
	offsetof(struct dossier_info, code), offsetof(struct dossier_info, procedure),
	offsetof(struct dossier_info, field), offsetof(struct dossier_info, holder),
	offsetof(struct dossier_info, address), offsetof(struct dossier_info, contact),
	offsetof(struct dossier_info, status), offsetof(struct dossier_info, channel),
	offsetof(struct dossier_info, received_on), offsetof(struct dossier_info, due_on),
	offsetof(struct dossier_info, resolved_on), offsetof(struct dossier_info, unit_code),
	offsetof(struct dossier_info, letter_number),
};

static struct dossier_filter dv_filter(const struct dv *v)
{
	return (struct dossier_filter){ .view = mode_views[v->rv.mode], .unit_code = v->rv.unit.code,
					.query = v->rv.kw.filter.text,
					.use_hits = v->walking && v->rv.kw.filter.text,
					.hit_level = v->walks[v->depth].level };
}

static int dv_fetch(struct app *app, void *ctx, const void *key, bool back, int limit,
		    void **rows, int *n, struct cchc_err *err)
{
	struct dossier_filter f = dv_filter(ctx);
	f.after = key, f.reverse = back, f.limit = limit;
	struct dossier_info *out = NULL;
	int rc = dossier_list(app->db, &f, &out, n, err);
	*rows = out;
	return rc;
}

static struct dv_key dv_key(struct app *app, const struct dv *v)
{
	struct dv_key k = { .mode = v->rv.mode, .version = app->data_version };
	snprintf(k.unit, sizeof k.unit, "%s", v->rv.unit.code ? v->rv.unit.code : "");
	return k;
}

static bool dv_key_eq(const struct dv_key *a, const struct dv_key *b)
{
	return a->mode == b->mode && a->version == b->version && strcmp(a->unit, b->unit) == 0;
}

/* The count without the / filter is kept while the list stays the same (a
 * million rows counted on every key typed, and again on Esc). */
static int dv_count(struct app *app, void *ctx, bool filtered, int64_t *n, struct cchc_err *err)
{
	struct dv *v = ctx;
	struct dv_key k = dv_key(app, v);
	bool active = filter_active(&v->rv.kw.filter);
	if ((!filtered || !active) && v->unf_valid && dv_key_eq(&k, &v->unf_key)) {
		*n = v->unf_n;
		return CCHC_OK;
	}
	struct dossier_filter f = dv_filter(v);
	if (!filtered)
		f.query = NULL, f.use_hits = false;
	int rc = dossier_count(app->db, &f, n, err);
	if (rc == CCHC_OK && (!filtered || !active)) {
		v->unf_n = *n;
		v->unf_key = k;
		v->unf_valid = true;
	}
	return rc;
}

struct budget {
	int asked;
	long long until;   /* monotonic ms; 0: no time limit */
};

static long long now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000LL + ts.tv_nsec / 1000000;
}

/* Asked every 32 rows walked: whether the key's walk is over. */
static bool walked_enough(void *ctx)
{
	struct budget *b = ctx;
	return ++b->asked * 32 >= WALK_ROWS || (b->until && now_ms() >= b->until);
}

/* Forgets the texts above level depth (all with -1). */
static void texts_drop(struct dv *v, int depth)
{
	for (int i = depth + 1; i < DOSSIER_HIT_LEVELS; i++) {
		free(v->texts[i]);
		v->texts[i] = NULL;
	}
}

/* The level whose text is text, below the current one, or -1. */
static int level_of(const struct dv *v, const char *text)
{
	for (int i = v->depth - 1; i >= 0; i--)
		if (v->texts[i] && strcmp(v->texts[i], text) == 0)
			return i;
	return -1;
}

/* A new text typed over the same list: narrowed from the rows found for
 * the text it extends (into the next level), back to the level of a
 * shorter text typed before, or a walk from the first row. */
static bool dv_retext(struct app *app, struct dv *v, const struct dossier_filter *f, bool same,
		      struct cchc_err *err)
{
	const char *text = f->query, *was = same ? v->texts[v->depth] : NULL;
	int back = same ? level_of(v, text) : -1;
	struct dossier_walk *w = &v->walks[v->depth];
	if (was && strncmp(text, was, strlen(was)) == 0 && w->found <= NARROW_MAX) {
		struct dossier_walk n = *w;
		if (dossier_hits_narrow(app->db, f, &n, err))
			return false;
		v->depth += n.level > w->level;
		v->walks[v->depth] = n;
	} else if (back >= 0) {
		v->depth = back;
	} else {
		v->depth = 0;
		if (dossier_hits_reset(app->db, &v->walks[0], err))
			return false;
	}
	texts_drop(v, v->depth - 1);
	v->texts[v->depth] = xstrdup(text);
	return true;
}

/* The walk of the / filter, a few milliseconds on each key: from where it
 * was when more letters were typed after the same text (the rows found are
 * narrowed), or where the walk of a shorter text typed before stopped when
 * letters are deleted, else from the first row. The count is a lower bound
 * until the walk ends (dv_finish). A read-only database cannot keep the
 * rows aside: each statement filters. */
static void dv_prepare(struct app *app, void *ctx)
{
	struct dv *v = ctx;
	const char *text = v->rv.kw.filter.text;
	struct dv_key k = dv_key(app, v);
	bool same = v->walking && text && v->texts[v->depth] && dv_key_eq(&k, &v->walk_key);
	struct dossier_filter f = dv_filter(v);
	f.use_hits = false;
	struct cchc_err err;
	if (!text) {
		v->walking = false;
	} else if (!same || strcmp(text, v->texts[v->depth]) != 0) {
		v->walking = dv_retext(app, v, &f, same, &err);
		struct dossier_walk *w = &v->walks[v->depth];
		bool test = app->opt->script && !app->opt->timing;
		struct budget b = { 0, test ? 0 : now_ms() + WALK_MS };
		if (v->walking && w->found < WALK_WANT)
			v->walking = dossier_hits_walk(app->db, &f, w, WALK_WANT, walked_enough, &b,
						       &err) == CCHC_OK;
	}
	if (!v->walking)
		texts_drop(v, -1);
	v->walk_key = k;
	v->rv.kw.more = v->walking && !v->walks[v->depth].done;
}

static bool key_waiting(void *ctx)
{
	return term_key_waiting(ctx);
}

/* The rest of the walk, now that the keyboard is idle; false when a key
 * came first (the walk goes on from there at the next pause). */
static bool dv_finish(struct app *app, void *ctx)
{
	struct dv *v = ctx;
	if (!v->walking)
		return true;
	struct dossier_filter f = dv_filter(v);
	f.use_hits = false;
	struct cchc_err err;
	if (dossier_hits_walk(app->db, &f, &v->walks[v->depth], 0, key_waiting, app->term,
			      &err) != CCHC_OK) {
		v->walking = false;   /* rows stay filtered by each statement */
		texts_drop(v, -1);
	}
	return !v->walking || v->walks[v->depth].done;
}

static const struct kwin_ops dv_ops = {
	sizeof(struct dossier_info), offsetof(struct dossier_info, id), dossier_texts,
	sizeof dossier_texts / sizeof dossier_texts[0], dv_fetch, dv_count, NULL, true, dv_prepare,
	NULL,
};


/* ---- drawing ---- */

/* Columns: the code, three dates (dd/mm/yy below 100 columns), days late,
 * then the holder and, when there is room, the procedure. */
struct cols {
	int received, due, resolved, late, holder, holder_w, proc;
	bool short_dates;
};

static struct cols layout(int w)
{
	struct cols c = { .received = 27, .short_dates = w < 100 };
	int dw = c.short_dates ? 8 : 10;
	c.due = c.received + dw + 1;
	c.resolved = c.due + dw + 1;
	c.late = c.resolved + 11;
	c.holder = c.late + 5;
	c.holder_w = w - c.holder - 1;
	if (c.holder_w >= 50) {
		c.holder_w = c.holder_w * 2 / 5;
		c.proc = c.holder + c.holder_w + 1;
	}
	return c;
}

/* The ISO date as the column shows it ("" stays ""). */
static void col_date(const struct cols *c, const char *iso, char out[11])
{
	rf_vn_date(iso, out);
	if (c->short_dates && *out)
		memmove(out + 6, out + 8, 3);   /* dd/mm/yyyy -> dd/mm/yy */
}

static enum elem row_elem(const void *row)
{
	return ((const struct dossier_info *)row)->late ? EL_DOSSIER_LATE : EL_TEXT;
}

static void draw_row(struct register_view *v, const void *row, bool cur, attr_t a, int y, int w)
{
	const struct dossier_info *d = row;
	attr_t hl = theme_attr(EL_MATCH);
	const struct text_query *q = filter_query(&v->kw.filter);
	struct cols c = layout(w);
	char rec[11], due[11], res[11], late[16];
	draw_text_hl(y, 1, c.received - 2, d->code, a, q, hl);
	col_date(&c, d->received_on, rec);
	col_date(&c, d->due_on, due);
	col_date(&c, d->resolved_on, res);
	draw_text(y, c.received, 10, rec, a);
	draw_text(y, c.due, 10, *due ? due : "-", a);
	draw_text(y, c.resolved, 10, *res ? res : "đang xử lý", a);
	late[0] = '\0';
	if (d->days_late)
		snprintf(late, sizeof late, "%4d", d->days_late);
	draw_text(y, c.late, 4, late, a);
	draw_text_hl(y, c.holder, c.holder_w, d->holder, a, q, hl);
	if (c.proc)
		draw_text_hl(y, c.proc, w - c.proc - 1, d->procedure, a, q, hl);
}

static void draw_header(struct register_view *v, struct rect r)
{
	attr_t h = theme_attr(EL_LIST_HEADER);
	struct cols c = layout(r.w);
	int y = r.y + 1;
	draw_fill(y, 0, r.w, h);
	draw_text(y, 1, 12, "Mã hồ sơ", h);
	draw_text(y, c.received, 10, "Nhận", h);
	draw_text(y, c.due, 10, "Hạn", h);
	draw_text(y, c.resolved, 10, "Trả KQ", h);
	draw_text(y, c.late, 4, " Trễ", h);
	draw_text(y, c.holder, c.holder_w, "Chủ hồ sơ", h);
	if (c.proc)
		draw_text(y, c.proc, r.w - c.proc - 1, "Thủ tục", h);
}


/* ---- the dossier's form (a, e) ---- */

enum { F_CODE, F_PROC, F_FIELD, F_HOLDER, F_ADDRESS, F_CONTACT, F_RECEIVED, F_DUE, F_RESOLVED,
       F_CHANNEL, F_UNIT, F_STATUS, NFIELDS };

static const char *const labels[NFIELDS] = {
	"Mã hồ sơ", "Thủ tục", "Lĩnh vực", "Chủ hồ sơ", "Địa chỉ", "Liên hệ", "Ngày nhận",
	"Hạn xử lý", "Ngày trả KQ", "Hình thức nộp", "Đơn vị", "Trạng thái",
};

static const struct rf_where dossier_where[] = {
	{ "Hạn xử lý", F_DUE }, { "hoàn thành", F_RESOLVED }, { "tiếp nhận", F_RECEIVED },
	{ "mã hồ sơ", F_CODE }, { "Đã có hồ sơ", F_CODE }, { "Hình thức", F_CHANNEL },
	{ "đơn vị", F_UNIT }, { "thủ tục", F_PROC }, { "lĩnh vực", F_FIELD },
	{ "chủ hồ sơ", F_HOLDER }, { "địa chỉ", F_ADDRESS }, { "liên hệ", F_CONTACT },
	{ "trạng thái", F_STATUS }, { NULL, 0 },
};

static const char *const channel_values[] = { "trực tiếp", "trực tuyến", "bưu chính" };
static const char *const status_values[] = { "Đang xử lý", "Đã trả kết quả" };

static void df_changed(struct app *app, struct form *f, int i)
{
	if (i == F_RECEIVED || i == F_DUE || i == F_RESOLVED)
		rf_check_date(f, i, i == F_RECEIVED);
	else if (i == F_UNIT)
		rf_unit_hint(f, F_UNIT);
}

static int df_save(struct app *app, struct form *f)
{
	struct rf_record *df = f->ctx;
	if (!(rf_check_date(f, F_RECEIVED, true) & rf_check_date(f, F_DUE, false) &
	      rf_check_date(f, F_RESOLVED, false)))
		return -1;
	const char *t[NFIELDS];
	for (int i = 0; i < NFIELDS; i++)
		t[i] = form_text(f, i);
	struct dossier_input in = { t[F_CODE], t[F_PROC], t[F_FIELD], t[F_HOLDER], t[F_ADDRESS],
				    t[F_CONTACT], t[F_RECEIVED], t[F_DUE], t[F_RESOLVED],
				    t[F_STATUS], t[F_CHANNEL], t[F_UNIT] };
	struct cchc_err err = { 0 };
	int64_t id = df->id;
	if (id ? dossier_edit(app->db, id, &in, &err) : dossier_add(app->db, &in, &id, &err)) {
		rf_place_error(app, f, dossier_where, F_CODE, err.msg);
		return -1;
	}
	char *code = text_sanitize(t[F_CODE]);
	struct sbuf msg = SBUF_INIT;
	sbuf_addf(&msg, df->id ? "Đã sửa hồ sơ %s" : "Đã thêm hồ sơ %s", code);
	int r = rf_record_saved(app, df, id, msg.s);
	sbuf_free(&msg);
	free(code);
	return r;
}

static const struct form_ops dossier_ops = { df_changed, df_save, rf_record_free };

/* The values: the dossier's, or for a new one received today, in person,
 * pending. */
static void df_fill(struct app *app, struct form *f, const struct dossier_info *d)
{
	char rec[11], due[11] = "", res[11] = "";
	rf_today(rec);
	if (d) {
		rf_vn_date(d->received_on, rec);
		rf_vn_date(d->due_on, due);
		rf_vn_date(d->resolved_on, res);
	}
	const char *empty[NFIELDS] = { "", "", "", "", "", "", rec, "", "", channel_values[0], "",
				       status_values[0] };
	const char *given[NFIELDS] = { 0 };
	if (d) {
		const char *t[NFIELDS] = { d->code, d->procedure, d->field, d->holder, d->address,
					   d->contact, rec, due, res, dossier_channel_label(d->channel),
					   d->unit_code, d->status };
		memcpy(given, t, sizeof given);
	}
	for (int i = 0; i < NFIELDS; i++) {
		form_set(f, i, d ? given[i] : empty[i]);
		df_changed(app, f, i);
	}
}

/* The form, empty (d NULL) or of dossier d. */
static struct modal *dossier_form(struct app *app, struct dv *v, const struct dossier_info *d)
{
	struct rf_record *df = rf_record_new(d ? d->id : 0, &v->rv.kw);
	char *code = text_sanitize(d ? d->code : "");
	snprintf(df->title, sizeof df->title, "%s%s", d ? "Sửa hồ sơ " : "Thêm hồ sơ (nhập tay)", code);
	free(code);
	rf_values(rf_record_cands(df, F_CHANNEL), channel_values, NULL, 3);
	rf_values(rf_record_cands(df, F_STATUS), status_values, NULL, 2);
	rf_units(app, rf_record_cands(df, F_UNIT));
	struct form *f = form_new(df->title, labels, NFIELDS, &dossier_ops, df);
	rf_record_offer(df, f);
	df_fill(app, f, d);
	form_hint(f, F_CODE, "mã trên hệ thống một cửa, ví dụ 000.00.18.H36-260105-0001");
	form_hint(f, F_CHANNEL, "trực tiếp, trực tuyến hoặc bưu chính; ↓ để chọn");
	return &f->m;
}

static int edit_dossier(struct app *app, struct dv *v, int64_t id)
{
	struct dossier_info d;
	struct cchc_err err;
	if (dossier_get(app->db, id, &d, &err) != CCHC_OK) {
		app_message(app, true, "%s", err.msg);
		return UI_STATUS;
	}
	struct modal *m = dossier_form(app, v, &d);
	dossier_info_free(&d);
	return app_modal_open(app, m);
}

/* ---- the apology letter (x) ---- */

static int write_letter(struct app *app, int64_t id)
{
	struct dossier_info d;
	struct cchc_err err;
	if (dossier_get(app->db, id, &d, &err) != CCHC_OK) {
		app_message(app, true, "%s", err.msg);
		return UI_STATUS;
	}
	struct modal *m = letter_form_new(app, &d);
	dossier_info_free(&d);
	return app_modal_open(app, m);
}

/* ---- details (Enter) ---- */

static void detail_build(struct app *app, struct register_view *v, int64_t id, int variant,
			 struct tlines *l)
{
	struct dossier_info d;
	struct cchc_err err;
	if (dossier_get(app->db, id, &d, &err) != CCHC_OK) {
		panel_error(l, err.msg);
		return;
	}
	char rec[11], due[11], res[11], late[48];
	rf_vn_date(d.received_on, rec);
	rf_vn_date(d.due_on, due);
	rf_vn_date(d.resolved_on, res);
	snprintf(late, sizeof late, "trễ %d ngày làm việc", d.days_late);
	if (!d.late)
		snprintf(late, sizeof late, "không");
	const char *f[][2] = {
		{ "Mã hồ sơ:", d.code }, { "Thủ tục:", d.procedure }, { "Lĩnh vực:", d.field },
		{ "Chủ hồ sơ:", d.holder }, { "Địa chỉ:", d.address }, { "Liên hệ:", d.contact },
		{ "Ngày nhận:", rec }, { "Hạn xử lý:", due },
		{ "Trả kết quả:", *res ? res : "đang xử lý" },
		{ "Trễ hạn:", late }, { "Trạng thái:", d.status },
		{ "Hình thức nộp:", dossier_channel_label(d.channel) }, { "Đơn vị:", d.unit_code },
		{ "Phiếu xin lỗi:", d.letter_id ? d.letter_number : "chưa có" },
	};
	panel_fields(l, f, sizeof f / sizeof f[0]);
	dossier_info_free(&d);
}

static const enum action detail_keys[] = { ACT_LETTER_WRITE, ACT_DOSSIER_EDIT, ACT_NONE };
static const struct rv_detail detail = {
	"x: viết phiếu xin lỗi  e: sửa  ↑↓ cuộn  Esc: đóng", detail_build, detail_keys,
};

static int act_on(struct app *app, struct register_view *v, int64_t id, enum action a)
{
	switch (a) {
	case ACT_SELECT: return rv_open_detail(app, v, &detail, id, 0, "Hồ sơ");
	case ACT_DOSSIER_EDIT: return edit_dossier(app, (struct dv *)v, id);
	case ACT_LETTER_WRITE: return write_letter(app, id);
	default: return UI_NONE;
	}
}

/* ---- import (i): the file, its encoding, then its rows shown ---- */

/* The streaming import (dossier_import_file) reads and stores the rows with
 * the progress bar on the status line (Esc stops it, storing nothing), then
 * asks through its confirm callback, inside its transaction, with the panel
 * of the file, the encoding it read and the bad rows; Enter commits. */
struct import {
	const char *path;
	const struct dossier_import_result *r;
	bool *store;
};

static void import_build(struct app *app, void *ctx, struct tlines *l)
{
	const struct import *im = ctx;
	const struct dossier_import_result *r = im->r;
	char good[64];
	snprintf(good, sizeof good, "%lld hồ sơ", (long long)r->good);
	panel_field(l, "Tệp:", im->path);
	panel_field(l, "Bảng mã:", r->encoding);
	panel_field(l, "Dòng hợp lệ:", good);
	if (!r->nbad) {
		panel_heading(l, "Không có dòng lỗi.");
		return;
	}
	char head[96];
	snprintf(head, sizeof head, "Dòng lỗi (%lld), sẽ bỏ qua khi nhập:", (long long)r->nbad);
	panel_heading(l, head);
	for (int i = 0; i < r->nbad_kept; i++) {
		char pre[32], *why = text_sanitize(r->bad[i].reason);
		snprintf(pre, sizeof pre, "dòng %d", r->bad[i].line);
		tl_wrapped(l, 2, pre, EL_FORM_LABEL, why, EL_ERROR);
		free(why);
	}
	if (r->nbad > r->nbad_kept) {
		snprintf(head, sizeof head, "… và %lld dòng lỗi nữa",
			 (long long)(r->nbad - r->nbad_kept));
		panel_heading(l, head);
	}
}

static void tell_imported(struct app *app, const struct dossier_import_result *r)
{
	struct sbuf b = SBUF_INIT;
	sbuf_addf(&b, "Đã nhập %lld hồ sơ: %lld mới, %lld cập nhật, %lld không đổi",
		  (long long)(r->added + r->updated + r->unchanged), (long long)r->added,
		  (long long)r->updated, (long long)r->unchanged);
	if (r->nbad)
		sbuf_addf(&b, "; bỏ qua %lld dòng lỗi", (long long)r->nbad);
	if (r->unknown_units)
		sbuf_addf(&b, "; %lld hồ sơ ghi đơn vị không có trong danh sách (nhập không gắn đơn vị)",
			  (long long)r->unknown_units);
	app_message(app, false, "%s", b.s);
	sbuf_free(&b);
}

static int import_key(struct app *app, void *ctx, enum action a)
{
	struct import *im = ctx;
	if (a == ACT_SELECT)
		*im->store = im->r->good > 0;
	return a == ACT_SELECT || a == ACT_CANCEL || a == ACT_QUIT ? app_modal_close(app) : -1;
}

static void import_free(void *ctx)
{
	free(ctx);
}

struct import_ask {
	struct app *app;
	const char *path;
};

static bool import_confirm(void *ctx, const struct dossier_import_result *r)
{
	const struct import_ask *ask = ctx;
	bool store = false;
	struct import *im = xcalloc(1, sizeof *im);
	*im = (struct import){ ask->path, r, &store };
	static const struct panel_ops ops = { import_build, import_key, import_free };
	char foot[160];
	snprintf(foot, sizeof foot, "Enter: nhập %lld hồ sơ hợp lệ   Esc: hủy, không nhập gì   "
		 "↑↓ cuộn", (long long)r->good);
	if (!r->good)
		snprintf(foot, sizeof foot, "Không có dòng hợp lệ để nhập. Esc: đóng");
	app_run_modal(ask->app, panel_open("dossiers", "Nhập hồ sơ từ tệp", foot, &ops, im));
	return store;
}

static void tell_not_stored(struct app *app, const struct dossier_import_result *r)
{
	if (r->good)
		app_message(app, false, "Chưa nhập gì");
	else
		app_message(app, true, "Không có dòng hợp lệ nào để nhập");
}

static int encoding_done(struct app *app, void *ctx, const char *text)
{
	struct dv *v = ctx;
	char *encoding = text_squeeze(text);
	char *path = rf_expand_home(v->import_path ? v->import_path : "");
	struct import_ask ask = { app, v->import_path ? v->import_path : "" };
	struct dossier_import_opts o = { .encoding = *encoding ? encoding : NULL,
					 .confirm = import_confirm, .ctx = &ask,
					 .confirm_always = true };
	struct dossier_import_result r;
	struct cchc_err err = { 0 };
	if (dossier_import_file(app->db, path, &o, &r, &err))   /* the path stays for the next i */
		app_message(app, true, "Chưa nhập: %s", err.msg);
	else if (!r.stored)
		tell_not_stored(app, &r);
	else {
		app->data_version++;
		tell_imported(app, &r);
	}
	dossier_import_result_free(&r);
	free(path);
	free(encoding);
	return UI_ALL;
}

static int path_done(struct app *app, void *ctx, const char *text)
{
	struct dv *v = ctx;
	free(v->import_path);
	v->import_path = text_squeeze(text);
	if (!*v->import_path) {
		app_message(app, true, "Chưa nhập: cần đường dẫn tệp");
		return UI_STATUS;
	}
	static const struct prompt_ops ops = { .done = encoding_done };
	return app_modal_open(app, prompt_open_with("Bảng mã (để trống: tự nhận; utf-8, "
						    "windows-1258, tcvn3, viscii, utf-16):", NULL,
						    &ops, v));
}

/* The path prompt, holding what was typed before (kept after an error). */
static int ask_path(struct app *app, struct dv *v)
{
	static const struct prompt_ops ops = { .done = path_done };
	return app_modal_open(app, prompt_open_with("Nhập hồ sơ từ tệp (CSV/TSV):", v->import_path,
						    &ops, v));
}

/* ---- the register ---- */

static int key_add(struct app *app, struct register_view *v, int64_t id, enum action a)
{
	return app_modal_open(app, dossier_form(app, (struct dv *)v, NULL));
}

static int key_import(struct app *app, struct register_view *v, int64_t id, enum action a)
{
	return ask_path(app, (struct dv *)v);
}

static const struct rv_key dv_keys[] = {
	{ ACT_DOSSIER_ADD, key_add, false }, { ACT_DOSSIER_IMPORT, key_import, false },
	{ ACT_SELECT, act_on, true }, { ACT_DOSSIER_EDIT, act_on, true },
	{ ACT_LETTER_WRITE, act_on, true }, { ACT_NONE, NULL, false },
};

static void name_row(const void *row, struct sbuf *out)
{
	const struct dossier_info *d = row;
	sbuf_addf(out, "hồ sơ %s", d->code);
	if (*d->holder)
		sbuf_addf(out, " «%s»", d->holder);
}

static void dv_free(struct register_view *v)
{
	free(((struct dv *)v)->import_path);
	texts_drop((struct dv *)v, -1);
}

static const struct register_desc dv_desc = {
	.scope = "dossiers", .title = "Hồ sơ:", .ops = &dv_ops, .table = "dossier",
	.modes = mode_labels, .mode_empty = mode_empty, .nmodes = NMODES,
	.no_match = "Không có hồ sơ nào khớp bộ lọc; Esc để bỏ lọc.",
	.unit_title = "Lọc hồ sơ theo đơn vị",
	.draw_header = draw_header, .draw_row = draw_row, .row_elem = row_elem,
	.keys = dv_keys,
	.delete_row = dossier_delete,
	.name_row = name_row,
};

static void *dv_open(struct app *app)
{
	struct dv *v = rv_open(&dv_desc, sizeof *v);
	v->rv.free_extra = dv_free;
	v->rv.kw.finish = dv_finish;
	return v;
}

/* ---- from the home screen ---- */

/* "dossier" (a search hit): every dossier, filtered to its code so that it
 * is on screen whatever the register's size, and its details open. */
static int show_dossier(struct app *app, struct dv *v, int64_t id)
{
	struct dossier_info d;
	struct cchc_err err;
	if (dossier_get(app->db, id, &d, &err) != CCHC_OK) {
		app_message(app, true, "%s", err.msg);
		return UI_STATUS;
	}
	rv_show_filtered(app, &v->rv, NMODES - 1, d.code, id);
	dossier_info_free(&d);
	return act_on(app, &v->rv, id, ACT_SELECT) | UI_ALL;
}

/* "dossiers-todo": the to-do list (late, no letter) without filters, the
 * cursor on dossier id (one of its first rows) when given. */
static int dv_go(struct app *app, void *st, const char *kind, int64_t id, int64_t plan_id)
{
	struct dv *v = st;
	if (strcmp(kind, "dossier") == 0)
		return show_dossier(app, v, id);
	if (strcmp(kind, "dossiers-todo") != 0)
		return -1;
	rv_show(app, st, 0, id);
	return UI_ALL;
}

const struct view_class view_dossiers = {
	.name = "dossiers",
	.title = "Hồ sơ",
	.hints = dv_hints,
	.open = dv_open,
	.go = dv_go,
	RV_VIEW_METHODS,
};
