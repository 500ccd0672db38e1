/* Gửi/nhận: the packages between the office and its divisions
 * (core/exchange.h) without leaving the program. At the office one row per
 * division (its packages sent and received, with their dates); in a
 * division's own database one row, the office. i takes a package in (a
 * file the other side sent: checked whole, applied as one action that u
 * undoes), then a box says what arrived and which changes the office's own
 * decision kept out; e writes the package for the row under the cursor
 * (the office: that division's; a division: its own changes for the
 * office). */
#include <config.h>
#include <stdlib.h>
#include <string.h>
#include "core/exchange.h"
#include "text/date.h"
#include "text/fold.h"
#include "text/utf8.h"
#include "ui/app.h"
#include "ui/form.h"
#include "ui/list.h"
#include "ui/register_forms.h"
#include "ui/theme.h"
#include "util/fsutil.h"
#include "util/sbuf.h"

struct xrow {
	char *code, *name;      /* the division, or "văn phòng" */
	int site;               /* -1: never exchanged */
	int sent, recv;         /* the numbers of the last packages each way */
	char sent_at[11], recv_at[11];
	bool active;
};

struct xview {
	struct xrow *rows;
	struct list list;
	int site;               /* this database's: 0 the office */
	char *self;             /* at a division: "KT Phòng Kinh tế" */
	bool loaded;
	unsigned version;
	char *typed;            /* the last package taken in, offered again */
	char *export_code;      /* the division a package is being written for
				 * (NULL: a division's own for the office) */
	char *label;            /* the prompt's, which keeps the pointer */
	int select;             /* site + 1 of a package just taken in: the
				 * cursor goes to its row; 0: none */
	char *box_title, *box_text;  /* an import's outcome, shown once the form closed */
};

static const enum action exchange_hints[] = {
	ACT_HELP, ACT_EXCHANGE_IMPORT, ACT_EXCHANGE_EXPORT, ACT_UNDO, ACT_MOVE_DOWN, ACT_MOVE_UP,
	ACT_VIEW_NEXT, ACT_QUIT, ACT_NONE
};

static void rows_free(struct xview *xv)
{
	for (int i = 0; i < xv->list.n; i++) {
		free(xv->rows[i].code);
		free(xv->rows[i].name);
	}
	free(xv->rows);
	xv->rows = NULL;
	xv->list.n = 0;
}

static void copy_date(char out[11], const unsigned char *s)
{
	snprintf(out, 11, "%s", s ? (const char *)s : "");
}

/* At the office every division in use and every one ever sent a package;
 * at a division the office. */
static void load(struct app *app, struct xview *xv)
{
	int keep = xv->list.n ? xv->list.cur : 0;
	rows_free(xv);
	free(xv->self);
	xv->self = NULL;
	int64_t unit = 0;
	if (exchange_site(app->db, &xv->site, &unit) != CCHC_OK)
		xv->site = 0;
	static const char *const office_sql =
		"SELECT coalesce(u.code, ''), u.name, coalesce(p.site, -1), coalesce(p.sent_seq, 0), "
		"coalesce(p.recv_seq, 0), p.sent_at, p.recv_at, u.active "
		"FROM unit AS u LEFT JOIN exchange_peer AS p ON p.unit_id = u.id "
		"WHERE u.active OR p.site IS NOT NULL ORDER BY u.rank, u.id";
	static const char *const division_sql =
		"SELECT '', 'Văn phòng Sở', p.site, p.sent_seq, p.recv_seq, p.sent_at, p.recv_at, 1 "
		"FROM exchange_peer AS p WHERE p.site = 0";
	sqlite3_stmt *st;
	int n = 0, cap = 0;
	if (sqlite3_prepare_v2(app->db->h, xv->site ? division_sql : office_sql, -1, &st, NULL) ==
	    SQLITE_OK) {
		while (sqlite3_step(st) == SQLITE_ROW) {
			if (n == cap) {
				cap = cap ? cap * 2 : 32;
				xv->rows = xrealloc(xv->rows, sizeof *xv->rows * (size_t)cap);
			}
			struct xrow *r = &xv->rows[n++];
			r->code = text_sanitize((const char *)sqlite3_column_text(st, 0));
			r->name = text_sanitize((const char *)sqlite3_column_text(st, 1));
			r->site = sqlite3_column_int(st, 2);
			r->sent = sqlite3_column_int(st, 3);
			r->recv = sqlite3_column_int(st, 4);
			copy_date(r->sent_at, sqlite3_column_text(st, 5));
			copy_date(r->recv_at, sqlite3_column_text(st, 6));
			r->active = sqlite3_column_int(st, 7) != 0;
		}
		sqlite3_finalize(st);
	}
	if (xv->site && sqlite3_prepare_v2(app->db->h, "SELECT coalesce(code, ''), name FROM unit "
					   "WHERE id = ?", -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_int64(st, 1, unit);
		if (sqlite3_step(st) == SQLITE_ROW) {
			struct sbuf b = SBUF_INIT;
			sbuf_addf(&b, "%s %s", sqlite3_column_text(st, 0), sqlite3_column_text(st, 1));
			xv->self = text_sanitize(b.s);
			sbuf_free(&b);
		}
		sqlite3_finalize(st);
	}
	for (int i = 0; xv->select && i < n; i++)
		if (xv->rows[i].site == xv->select - 1)
			keep = i;
	xv->select = 0;
	xv->list.n = n;
	xv->list.top = 0;
	list_set(&xv->list, keep < n ? keep : 0);
	xv->loaded = true;
	xv->version = app->data_version;
}

static void ensure(struct app *app, struct xview *xv)
{
	if (!xv->loaded || xv->version != app->data_version)
		load(app, xv);
}

static void *exchange_open(struct app *app)
{
	struct xview *xv = xcalloc(1, sizeof *xv);
	return xv;
}

static void exchange_close(void *st)
{
	struct xview *xv = st;
	rows_free(xv);
	free(xv->self);
	free(xv->typed);
	free(xv->export_code);
	free(xv->label);
	free(xv->box_title);
	free(xv->box_text);
	free(xv);
}

/* "số 3 (30/09/2026)", "chưa có" */
static void seq_cell(int seq, const char *at, char *out, size_t size)
{
	if (!seq) {
		snprintf(out, size, "chưa có");
		return;
	}
	struct ymd d;
	char vn[11] = "";
	if (strlen(at) == 10 && date_parse_iso(at, &d))
		date_format_vn(d, vn);
	snprintf(out, size, *vn ? "số %d (%s)" : "số %d", seq, vn);
}

static void draw_cells(int y, int w, const char *const cell[4], attr_t a)
{
	int cw = 9, sw = w >= 100 ? 24 : 19, nw = w - 2 - cw - 2 * sw;
	draw_fill(y, 0, w, a);
	draw_text_clip(y, 2, cw - 1, cell[0], a);
	draw_text_clip(y, 2 + cw, nw - 1, cell[1], a);
	draw_text_clip(y, 2 + cw + nw, sw - 1, cell[2], a);
	draw_text_clip(y, 2 + cw + nw + sw, sw - 1, cell[3], a);
}

static void exchange_draw(struct app *app, void *st, struct rect r)
{
	struct xview *xv = st;
	ensure(app, xv);
	attr_t t = theme_attr(EL_TITLE), text = theme_attr(EL_TEXT);
	draw_fill_rect(r, text);
	struct sbuf b = SBUF_INIT;
	if (xv->site)
		sbuf_addf(&b, "Gửi và nhận gói — máy của đơn vị %s (số %d)",
			  xv->self ? xv->self : "", xv->site);
	else
		sbuf_add(&b, "Gửi và nhận gói — Văn phòng Sở với các đơn vị");
	draw_fill(r.y, 0, r.w, t);
	draw_text_clip(r.y, 1, r.w - 2, b.s, t | A_BOLD);
	sbuf_free(&b);
	static const char *const header[4] = { "Ký hiệu", "Gửi tới / nhận từ", "Gói đã gửi",
					       "Gói đã nhận" };
	draw_cells(r.y + 1, r.w, header, theme_attr(EL_LIST_HEADER));
	/* two lines at the foot say what the keys do */
	int foot = r.h >= 10 ? 3 : 0;
	list_fit(&xv->list, r.h - 2 - foot);
	for (int i = 0; i < xv->list.height && xv->list.top + i < xv->list.n; i++) {
		int k = xv->list.top + i;
		const struct xrow *x = &xv->rows[k];
		attr_t a = theme_attr(k == xv->list.cur ? EL_CURSOR
				      : x->active ? EL_TEXT : EL_UNIT_INACTIVE);
		char sent[48], recv[48];
		seq_cell(x->sent, x->sent_at, sent, sizeof sent);
		seq_cell(x->recv, x->recv_at, recv, sizeof recv);
		const char *const cell[4] = { x->code, x->name, sent, recv };
		draw_cells(r.y + 2 + i, r.w, cell, a);
		if (k == xv->list.cur)
			draw_text(r.y + 2 + i, 0, 1, "›", a);
	}
	if (!xv->list.n)
		draw_text_clip(r.y + 3, 2, r.w - 4, xv->site ? "Chưa nhận gói nào của văn phòng."
			       : "Chưa có đơn vị nào. Thêm đơn vị ở màn Đơn vị (5).", text);
	if (foot) {
		attr_t dim = text | A_DIM;
		draw_text_clip(r.y + r.h - 2, 2, r.w - 4, xv->site
			       ? "e: lập gói gửi văn phòng (những gì đơn vị đã làm từ gói trước)"
			       : "e: lập gói cho đơn vị đang chọn (lần đầu: kế hoạch và nhiệm vụ; "
				 "sau đó: những gì thay đổi)", dim);
		draw_text_clip(r.y + r.h - 1, 2, r.w - 4, xv->site
			       ? "i: nhận gói văn phòng gửi (.cchc); u: hoàn tác lần nhận"
			       : "i: nhận gói đơn vị gửi về (.cchc), kiểm tra toàn bộ trước; "
				 "u: hoàn tác lần nhận", dim);
	}
}

/* ---- e: a package for the row under the cursor ---- */

/* ~/goi-KT-2026-12-07.cchc at the office, ~/ve-KT-2026-12-07.cchc at a
 * division: the code without marks, for any PC's file system. */
static void default_path(struct app *app, const struct xview *xv, const char *code,
			 struct sbuf *out)
{
	char *folded = text_fold(code, false);
	sbuf_add(out, xv->site ? "~/ve-" : "~/goi-");
	for (const char *c = folded; *c; c++)
		if ((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9'))
			sbuf_addc(out, (char)(*c >= 'a' && *c <= 'z' ? *c - 'a' + 'A' : *c));
	free(folded);
	struct ymd t;
	struct cchc_err err;
	char iso[11] = "";
	if (date_today(&t, &err) == CCHC_OK)
		date_format_iso(t, iso);
	sbuf_addf(out, "-%s.cchc", iso);
}

static int export_to(struct app *app, void *ctx, const char *path, const char *typed, int flags)
{
	struct xview *xv = ctx;
	const char *code = xv->export_code;
	struct cchc_err err = { 0 };
	struct exchange_result res = { 0 };
	draw_fill(LINES - 1, 0, COLS, theme_attr(EL_NOTICE));
	draw_text_clip(LINES - 1, 1, COLS - 2, "Đang lập gói…", theme_attr(EL_NOTICE));
	refresh();
	int rc = exchange_export(app->db, code, path, flags, &res, &err);
	if (rc) {
		app_message(app, true, "Chưa lập được gói: %s", err.msg);
	} else if (res.nothing) {
		app_message(app, false, "Không có gì mới để gửi%s%s từ gói trước: không ghi tệp nào.",
			    code ? " cho " : "", code ? code : "");
	} else {
		app->data_version++;   /* the numbers sent moved */
		struct sbuf b = SBUF_INIT;
		sbuf_addf(&b, "Đã lập gói số %lld vào %s — ", (long long)res.seq, typed);
		exchange_summary(&res, &b);
		app_message(app, false, "%s", b.s);
		sbuf_free(&b);
	}
	exchange_result_free(&res);
	return UI_ALL;
}

static int export_done(struct app *app, void *ctx, const char *text)
{
	return rf_write_typed(app, text, "Chưa lập gói", export_to, ctx);
}

static int export_package(struct app *app, struct xview *xv)
{
	if (!xv->list.n) {
		app_message(app, true, xv->site ? "Chưa nhận gói nào của văn phòng: chưa có gì để gửi"
			    : "Chưa có đơn vị nào để lập gói");
		return UI_STATUS;
	}
	const struct xrow *row = &xv->rows[xv->list.cur];
	if (!xv->site && !*row->code) {
		app_message(app, true, "Đơn vị %s chưa có ký hiệu: đặt ký hiệu ở màn Đơn vị (5) rồi "
			    "lập gói", row->name);
		return UI_STATUS;
	}
	free(xv->export_code);
	xv->export_code = xv->site ? NULL : xstrdup(row->code);
	const char *code = xv->site && xv->self ? xv->self : row->code;
	char first[32];
	snprintf(first, sizeof first, "%.*s", (int)strcspn(code, " "), code);
	struct sbuf path = SBUF_INIT, label = SBUF_INIT;
	default_path(app, xv, first, &path);
	if (xv->site)
		sbuf_add(&label, "Ghi gói gửi văn phòng vào tệp:");
	else
		sbuf_addf(&label, "Ghi gói cho %s vào tệp:", row->code);
	static const struct prompt_ops ops = { .done = export_done };
	free(xv->label);
	xv->label = sbuf_detach(&label);
	int r = app_modal_open(app, prompt_open_with(xv->label, path.s, &ops, xv));
	sbuf_free(&path);
	return r;
}

/* ---- i: taking a package in ---- */

enum { F_FILE, F_COUNT };

static int import_save(struct app *app, struct form *f)
{
	struct xview *xv = f->ctx;
	char *typed = text_squeeze(form_text(f, F_FILE));
	if (!*typed) {
		free(typed);
		form_error(f, F_FILE, "Cần đường dẫn tệp gói (Tab: gợi ý tên tệp)");
		return -1;
	}
	char *path = rf_expand_home(typed);
	struct cchc_err err = { 0 };
	struct exchange_result res = { 0 };
	draw_fill(LINES - 1, 0, COLS, theme_attr(EL_NOTICE));
	draw_text_clip(LINES - 1, 1, COLS - 2, "Đang kiểm tra và nhận gói…", theme_attr(EL_NOTICE));
	refresh();
	int rc = exchange_import(app->db, path, &res, &err);
	free(path);
	free(xv->typed);
	xv->typed = typed;
	if (rc) {
		/* the whole reason (the numbers missing, the change out of the
		 * division's part) in a box; i offers the path again */
		exchange_result_free(&res);
		free(xv->box_title);
		free(xv->box_text);
		xv->box_title = xstrdup("Chưa nhận gói");
		struct sbuf b = SBUF_INIT;
		sbuf_addf(&b, "%s\n\nKhông có gì được ghi vào cơ sở dữ liệu. Bấm i để chọn lại tệp.",
			  err.msg);
		xv->box_text = sbuf_detach(&b);
		app->after = ACT_EXCHANGE_IMPORT;
		return UI_ALL;
	}
	app->data_version++;
	xv->select = res.site + 1;
	struct sbuf t = SBUF_INIT, b = SBUF_INIT;
	sbuf_addf(&t, "Đã nhận gói số %lld", (long long)res.seq);
	sbuf_addf(&b, "%s: ", *res.unit_code ? res.unit_code : "Văn phòng");
	exchange_summary(&res, &b);
	sbuf_add(&b, ".");
	if (res.nconflicts) {
		sbuf_addf(&b, "\n\nVăn phòng giữ quyết định của mình ở %d thay đổi của đơn vị:",
			  res.nconflicts);
		int room = LINES - 14 > 3 ? LINES - 14 : 3;
		for (int i = 0; i < res.nconflicts && i < room; i++)
			sbuf_addf(&b, "\n• %s", res.conflicts[i]);
		if (res.nconflicts > room)
			sbuf_addf(&b, "\n… và %d thay đổi nữa (xem lịch sử của nhiệm vụ: H)",
				  res.nconflicts - room);
	}
	sbuf_add(&b, "\n\nMột thao tác: u (Hoàn tác) bỏ cả gói, để nhận lại sau.");
	free(xv->box_title);
	free(xv->box_text);
	xv->box_title = sbuf_detach(&t);
	xv->box_text = sbuf_detach(&b);
	exchange_result_free(&res);
	app->after = ACT_EXCHANGE_IMPORT;   /* the box, once the form is gone */
	return UI_ALL;
}

static int import_package(struct app *app, struct xview *xv)
{
	if (xv->box_text) {   /* the outcome of the import just done */
		char *title = xv->box_title, *text = xv->box_text;
		xv->box_title = xv->box_text = NULL;
		int r = app_modal_open(app, app_notice_open(title, text, "Phím bất kỳ: đóng"));
		free(title);
		free(text);
		return r;
	}
	static const char *const labels[F_COUNT] = { "Tệp gói" };
	static const struct form_ops ops = { .save = import_save };
	struct form *f = form_new(xv->site ? "Nhận gói của văn phòng" : "Nhận gói đơn vị gửi về",
				  labels, F_COUNT, &ops, xv);
	f->f[F_FILE].path = true;
	if (xv->typed)
		form_set(f, F_FILE, xv->typed);
	form_hint(f, F_FILE, "tệp .cchc; Tab: gợi ý tên tệp, ~/ là thư mục nhà");
	return app_modal_open(app, &f->m);
}

static int exchange_handle(struct app *app, void *st, enum action a)
{
	struct xview *xv = st;
	ensure(app, xv);
	if (a == ACT_EXCHANGE_IMPORT)
		return import_package(app, xv);
	if (a == ACT_EXCHANGE_EXPORT)
		return export_package(app, xv);
	return list_move(&xv->list, a) ? UI_VIEW : UI_NONE;
}

static void exchange_enter(struct app *app, void *st)
{
	struct xview *xv = st;
	xv->loaded = false;   /* a command in another window may have sent or taken one */
}

const struct view_class view_exchange = {
	.name = "exchange",
	.title = "Gửi/nhận",
	.hints = exchange_hints,
	.open = exchange_open,
	.close = exchange_close,
	.draw = exchange_draw,
	.handle = exchange_handle,
	.enter = exchange_enter,
};
