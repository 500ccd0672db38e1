#include <config.h>
#include "ui/app.h"
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "core/plan.h"
#include "store/datafile.h"
#include "text/utf8.h"
#include "ui/progress_bar.h"
#include "ui/setup_form.h"
#include "util/platform.h"
#include "ui/term.h"
#include "ui/theme.h"
#include "ui/wrap.h"
#include "util/fsutil.h"

static const struct view_class *const view_table[] = {
#define VIEW(id) &view_##id,
#include "ui/views.def"
#undef VIEW
};
#define NVIEWS ((int)(sizeof view_table / sizeof view_table[0]))

const char *app_scope(const struct app *app)
{
	return app->views[app->cur]->name;
}

enum action app_action(const struct app *app, const char *scope, int key)
{
	return keymap_lookup(&app->keymap, scope, key);
}

void app_message(struct app *app, bool error, const char *fmt, ...)
{
	struct sbuf b = SBUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	char *s = NULL;
	if (vasprintf(&s, fmt, ap) < 0)
		s = NULL;
	va_end(ap);
	sbuf_add(&b, s ? s : "");
	free(s);
	free(app->status);
	app->status = text_sanitize(b.s);
	app->status_error = error;
	sbuf_free(&b);
}

int app_modal_open(struct app *app, struct modal *m)
{
	if (app->modal)
		app->modal->free(app->modal);
	app->modal = m;
	return UI_VIEW;
}

int app_modal_close(struct app *app)
{
	if (app->modal)
		app->modal->free(app->modal);
	app->modal = NULL;
	return UI_ALL;
}

void app_set_query(struct app *app, const char *text, bool exact)
{
	free(app->query);
	app->query = text && *text ? xstrdup(text) : NULL;
	app->query_exact = exact;
}

void app_set_cursor(struct app *app, int y, int x)
{
	app->cursor_y = y;
	app->cursor_x = x;
}

void app_release_memory(struct app *app)
{
	db_release_memory(app->db);
	pf_memory_release();
}

static int switch_view(struct app *app, int i)
{
	if (i < 0 || i >= app->nviews)
		return UI_NONE;
	app->cur = i;
	if (app->views[i]->enter)
		app->views[i]->enter(app, app->state[i]);
	return UI_ALL;
}

int app_show_view(struct app *app, const char *name)
{
	for (int i = 0; i < app->nviews; i++)
		if (strcmp(app->views[i]->name, name) == 0)
			return switch_view(app, i);
	return UI_NONE;
}

int app_goto(struct app *app, const char *kind, int64_t id, int64_t plan_id)
{
	for (int i = 0; i < app->nviews; i++) {
		const struct view_class *v = app->views[i];
		int r = v->go ? v->go(app, app->state[i], kind, id, plan_id) : -1;
		if (r >= 0)
			return r | switch_view(app, i);
	}
	app_message(app, true, "Chưa có màn hình để mở mục này; xem bằng lệnh cchc");
	return UI_STATUS;
}

int64_t app_plan_id(struct app *app)
{
	char *v = db_setting_get(app->db, "ui.plan_id");
	int64_t id = v ? strtoll(v, NULL, 10) : 0;
	free(v);
	struct plan_info p;
	struct cchc_err err;
	if (id && plan_get(app->db, id, &p, &err) == CCHC_OK) {
		plan_info_free(&p);
		return id;
	}
	return plan_latest_id(app->db);
}

int app_due_within(struct app *app)
{
	char *v = db_setting_get(app->db, "ui.due_within");
	int n = v ? atoi(v) : 10;
	free(v);
	return n >= 0 && n <= 1000 ? n : 10;
}

struct rect app_body(void)
{
	int top = draw_body_top();   /* 2 when the read-only banner takes row 1 */
	return (struct rect){ top, 0, LINES - 1 - top, COLS };
}

static bool too_small(void)
{
	return COLS < UI_MIN_COLS || LINES < UI_MIN_LINES;
}

/* ---- the notice shown at start (demo data) ---- */

struct notice {
	struct modal m;
	char **para;        /* the text's lines, each drawn wrapped */
	int npara;
	char *title;
	char *hint;         /* the last line: what a key does */
};

static int notice_key(struct app *app, struct modal *m, int key)
{
	return app_modal_close(app);
}

static void notice_draw(struct app *app, struct modal *m)
{
	struct notice *n = (struct notice *)m;
	int w = COLS - 8 < 66 ? COLS - 8 : 66;
	struct wrap_line **lines = xcalloc((size_t)n->npara, sizeof *lines);
	int *nl = xcalloc((size_t)n->npara, sizeof *nl), total = 0;
	for (int i = 0; i < n->npara; i++)
		total += nl[i] = wrap_text(n->para[i], w - 6, w - 6, &lines[i]);
	struct rect r = draw_centered(w, total + 5 < LINES - 2 ? total + 5 : LINES - 2);
	attr_t a = theme_attr(EL_NOTICE);
	draw_box(r, a, n->title);
	int y = 0;
	for (int i = 0; i < n->npara; i++)
		for (int j = 0; j < nl[i] && y < r.h - 4; j++, y++)
			draw_textn(r.y + 2 + y, r.x + 3, r.w - 6, n->para[i] + lines[i][j].off,
				   lines[i][j].len, a);
	draw_text_clip(r.y + r.h - 2, r.x + 3, r.w - 6, n->hint, a | A_DIM);
	for (int i = 0; i < n->npara; i++)
		free(lines[i]);
	free(lines);
	free(nl);
}

static void notice_free(struct modal *m)
{
	struct notice *n = (struct notice *)m;
	for (int i = 0; i < n->npara; i++)
		free(n->para[i]);
	free(n->para);
	free(n->title);
	free(n->hint);
	free(m);
}

struct modal *app_notice_open(const char *title, const char *text, const char *hint)
{
	struct notice *n = xcalloc(1, sizeof *n);
	n->m = (struct modal){ notice_key, notice_draw, notice_free };
	for (const char *p = text;;) {   /* a line each, made safe to draw */
		size_t len = strcspn(p, "\n");
		char *l = xstrndup(p, len);
		n->para = xrealloc(n->para, sizeof *n->para * (size_t)(n->npara + 1));
		n->para[n->npara++] = text_sanitize(l);
		free(l);
		if (!p[len])
			break;
		p += len + 1;
	}
	n->title = text_sanitize(title);
	n->hint = text_sanitize(hint);
	return &n->m;
}

/* ---- frame ---- */

/* A tab: " KEY TITLE ", or only " KEY " when short (the bar is too narrow
 * for every title), drawn in at most maxw columns (cut with "…"); maxw 0
 * only measures. Returns the columns it takes. */
static int draw_tab(struct app *app, int i, int x, bool short_tab, int maxw)
{
	struct sbuf b = SBUF_INIT;
	sbuf_add(&b, " ");
	enum action go = i <= (int)(ACT_VIEW_LAST - ACT_VIEW_1) ? (enum action)(ACT_VIEW_1 + i)
			 : ACT_NONE;
	bool key = go != ACT_NONE && keymap_keys_for(&app->keymap, "", go, "", 1, true, &b);
	if (key)
		sbuf_add(&b, " ");
	if (!short_tab || !key)
		sbuf_addf(&b, "%s ", app->views[i]->title);
	attr_t a = theme_attr(i == app->cur ? EL_TAB_ACTIVE : EL_TABBAR);
	int used = text_width(b.s);
	if (maxw)
		used = used > maxw ? draw_text_clip(0, x, maxw, b.s, a) : draw_text(0, x, maxw, b.s, a);
	sbuf_free(&b);
	return used;
}

/* Every title when they fit; else the current screen's title, then the
 * titles of its neighbours, nearest first, while they fit, and only the
 * keys of the others. */
static void draw_tabbar(struct app *app)
{
	draw_fill(0, 0, COLS, theme_attr(EL_TABBAR));
	bool shorts[64];
	int n = app->nviews < 64 ? app->nviews : 64, width = 1;
	for (int i = 0; i < n; i++) {
		shorts[i] = i != app->cur;
		width += draw_tab(app, i, 0, shorts[i], 0) + 1;
	}
	int room = COLS - text_width("CCHC ");
	for (int d = 1; d < n; d++)
		for (int side = -1; side <= 1; side += 2) {
			int i = app->cur + side * d;
			if (i < 0 || i >= n)
				continue;
			int grow = draw_tab(app, i, 0, false, 0) - draw_tab(app, i, 0, true, 0);
			if (width + grow <= room) {
				shorts[i] = false;
				width += grow;
			}
		}
	/* when the keys alone leave too little room for the current title, it
	 * is cut, or at the smallest sizes left out */
	int over = width - 1 - COLS, x = 1, cur = app->cur;
	if (over > 0 && over + 2 > draw_tab(app, cur, 0, false, 0) - draw_tab(app, cur, 0, true, 0)) {
		shorts[cur] = true;
		over = 0;
	}
	for (int i = 0; i < n && x < COLS; i++) {
		int w = draw_tab(app, i, x, shorts[i], 0) - (i == cur && over > 0 ? over : 0);
		x += draw_tab(app, i, x, shorts[i], w < COLS - x ? w : COLS - x) + 1;
	}
	const char *brand = "CCHC ";
	if (x + text_width(brand) <= COLS)
		draw_text(0, COLS - text_width(brand), text_width(brand), brand, theme_attr(EL_TABBAR));
}

static int draw_hint(struct app *app, enum action a, int x)
{
	struct sbuf keys = SBUF_INIT;
	int used = 0;
	if (keymap_keys_for(&app->keymap, app_scope(app), a, "/", 1, true, &keys)) {
		int need = text_width(keys.s) + 1 + text_width(action_label(a)) + 2;
		if (x + need <= COLS) {
			used = draw_text(LINES - 1, x, COLS - x, keys.s, theme_attr(EL_STATUSBAR_KEY));
			used += draw_text(LINES - 1, x + used, COLS - x - used, " ",
					  theme_attr(EL_STATUSBAR));
			used += draw_text(LINES - 1, x + used, COLS - x - used, action_label(a),
					  theme_attr(EL_STATUSBAR));
			used += 2;
		}
	}
	sbuf_free(&keys);
	return used;
}

static void draw_status(struct app *app)
{
	attr_t a = theme_attr(EL_STATUSBAR);
	draw_fill(LINES - 1, 0, COLS, a);
	if (app->status) {
		attr_t m = theme_attr(app->status_error ? EL_ERROR : EL_NOTICE);
		draw_fill(LINES - 1, 0, COLS, m);
		draw_text_clip(LINES - 1, 1, COLS - 2, app->status, m);
		return;
	}
	int x = 1;
	if (app->views[app->cur]->status) {
		struct sbuf b = SBUF_INIT;
		app->views[app->cur]->status(app, app->state[app->cur], &b);
		if (b.len)
			x += draw_text_clip(LINES - 1, x, COLS - 2, b.s, a | A_BOLD) + 3;
		sbuf_free(&b);
	}
	const enum action *h = app->views[app->cur]->hints;
	for (; h && *h != ACT_NONE; h++)
		x += draw_hint(app, *h, x);
}

static void draw_too_small(void)
{
	char need[96], have[64];
	snprintf(need, sizeof need, "Cửa sổ quá nhỏ: cần ít nhất %d×%d", UI_MIN_COLS, UI_MIN_LINES);
	snprintf(have, sizeof have, "(hiện có %d×%d)", COLS, LINES);
	int y = LINES / 2 - 1 < 0 ? 0 : LINES / 2 - 1;
	const char *lines[] = { need, have };
	for (int i = 0; i < 2 && y + i < LINES; i++) {
		int w = text_width(lines[i]);
		int x = w < COLS ? (COLS - w) / 2 : 0;
		draw_text_clip(y + i, x, COLS - x, lines[i], theme_attr(i ? EL_TEXT : EL_ERROR));
	}
}

static void paint(struct app *app, int flags)
{
	if (flags & UI_ALL)
		erase();
	if (too_small()) {
		erase();
		draw_too_small();
		refresh();
		return;
	}
	if (flags & UI_ALL)
		draw_tabbar(app);
	if (draw_body_top() > 1)
		changes_draw_banner(app, 1);
	if (flags & (UI_ALL | UI_VIEW)) {
		app->cursor_y = -1;
		app->views[app->cur]->draw(app, app->state[app->cur], app_body());
	}
	draw_status(app);
	if (app->modal)
		app->modal->draw(app, app->modal);
	if (app->cursor_y >= 0)
		move(app->cursor_y, app->cursor_x);
	refresh();
}

/* ---- keys ---- */

static int global_action(struct app *app, enum action a)
{
	switch (a) {
	case ACT_QUIT: return UI_QUIT;
	case ACT_HELP: return app_modal_open(app, help_open(app));
	case ACT_REDRAW: clearok(curscr, TRUE); return UI_ALL;
	case ACT_VIEW_NEXT: return switch_view(app, (app->cur + 1) % app->nviews);
	case ACT_VIEW_PREV: return switch_view(app, (app->cur + app->nviews - 1) % app->nviews);
	case ACT_SEARCH: return app_show_view(app, "search");
	default: break;
	}
	if (a >= ACT_VIEW_1 && a <= ACT_VIEW_LAST)
		return switch_view(app, (int)(a - ACT_VIEW_1));
	return changes_action(app, a);
}

/* Takes the next queued message into the status line; returns whether the
 * status line changed. */
static bool next_message(struct app *app)
{
	bool had = app->status != NULL;
	free(app->status);
	app->status = NULL;
	if (!app->pending.len)
		return had;
	char *nl = strchr(app->pending.s, '\n');
	size_t len = nl ? (size_t)(nl - app->pending.s) : app->pending.len;
	char *line = xstrndup(app->pending.s, len);
	size_t rest = nl ? len + 1 : len;
	memmove(app->pending.s, app->pending.s + rest, app->pending.len - rest + 1);
	app->pending.len -= rest;
	app_message(app, true, "%s", line);
	free(line);
	return true;
}

/* The action a closed modal left to do (app->after). */
static int run_after(struct app *app)
{
	enum action a = app->after;
	if (app->modal || a == ACT_NONE)
		return UI_NONE;
	app->after = ACT_NONE;
	return UI_ALL | app->views[app->cur]->handle(app, app->state[app->cur], a);
}

/* Whether another process wrote to the database since the last look (a
 * cheap pragma: SQLite counts the commits of other connections). The
 * screens then read their rows again, keeping the cursor on its record. */
static bool others_wrote(struct app *app)
{
	sqlite3_stmt *st = app->db_version_stmt;
	if (!st && sqlite3_prepare_v2(app->db->h, "PRAGMA data_version", -1, &st, NULL) != SQLITE_OK)
		return false;
	app->db_version_stmt = st;
	int64_t v = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : app->db_version;
	sqlite3_reset(st);
	bool moved = app->db_version && v != app->db_version;
	app->db_version = v;
	return moved;
}

/* Before each key, and on an idle tick: UI_VIEW when another process
 * wrote, so that the screen shows it. */
static int look_for_changes(struct app *app)
{
	if (!others_wrote(app))
		return UI_NONE;
	app->data_version++;
	return UI_VIEW;
}

static int dispatch(struct app *app, int key)
{
	if (key == KEY_IDLE)
		return too_small() ? UI_NONE : look_for_changes(app);
	if (key == KEY_FN(KEY_RESIZE))
		return UI_ALL;
	int flags = next_message(app) ? UI_STATUS : UI_NONE;
	if (too_small())
		return app_action(app, "", key) == ACT_QUIT ? UI_QUIT : flags;
	if (app->modal) {
		flags |= app->modal->key(app, app->modal, key);
		return flags | run_after(app);
	}
	const struct view_class *v = app->views[app->cur];
	int r = v->key ? v->key(app, app->state[app->cur], key) : -1;
	if (r >= 0)
		return flags | r;
	enum action a = app_action(app, app_scope(app), key);
	if (changes_refused(app, a))
		return flags | UI_STATUS;
	if (setup_before_print(app, a))
		return flags | UI_VIEW;
	r = global_action(app, a);
	if (r < 0)
		r = app->views[app->cur]->handle(app, app->state[app->cur], a);
	return flags | r;
}

/* ---- setup ---- */

static const char *const *scope_names(void)
{
	static const char *names[NVIEWS + 1];
	for (int i = 0; i < NVIEWS; i++)
		names[i] = view_table[i]->name;
	return names;
}

static void load_keys(struct app *app, struct sbuf *warnings)
{
	char *text = datafile_read("data/keys.default", NULL, NULL);
	if (text)
		keymap_load(&app->keymap, text, "keys.default", scope_names(), warnings);
	free(text);
	char *dir = datafile_config_dir();
	struct sbuf path = SBUF_INIT;
	sbuf_addf(&path, "%s/keys", dir);
	size_t len;
	struct cchc_err e;
	text = NULL;
	if (fs_read_file(path.s, 1u << 20, &text, &len, &e) == CCHC_OK)
		keymap_load(&app->keymap, text, path.s, scope_names(), warnings);
	free(text);
	free(dir);
	sbuf_free(&path);
}

static void app_init(struct app *app, struct db *db, const struct ui_options *opt)
{
	memset(app, 0, sizeof *app);
	app->db = db;
	app->opt = opt;
	app->nviews = NVIEWS;
	app->views = (const struct view_class **)view_table;
	app->state = xcalloc(NVIEWS, sizeof *app->state);
	app->cursor_y = -1;
	draw_set_body_top(db->readonly ? 2 : 1);
}

static void app_free(struct app *app)
{
	for (int i = 0; i < app->nviews; i++)
		if (app->state[i])
			app->views[i]->close(app->state[i]);
	free(app->state);
	sqlite3_finalize(app->db_version_stmt);
	if (app->modal)
		app->modal->free(app->modal);
	free(app->status);
	free(app->check_failed);
	free(app->query);
	sbuf_free(&app->pending);
	keymap_free(&app->keymap);
}

/* Benchmarks: --exit-after-paint, or CCHC_EXIT_AFTER_PAINT=1 outside a
 * script (a real terminal), ends the program once the first screen is
 * painted. */
static bool exit_after_paint(const struct ui_options *opt)
{
	const char *v = getenv("CCHC_EXIT_AFTER_PAINT");
	return opt->exit_after_paint || (!opt->script && v && strcmp(v, "1") == 0);
}

/* The check due because the last cchc did not close, started
 * once the first screen is up: the clerk works meanwhile. */
static int check_start(struct app *app)
{
	struct cchc_err e = { 0 };
	if (!app->db->check_due)
		return UI_NONE;
	if (db_check_start(app->db, &e))
		app_message(app, true, "%s", e.msg);
	else
		app_message(app, false, "Đang kiểm tra cơ sở dữ liệu (lần trước cchc không được đóng "
			     "đúng cách); vẫn làm việc bình thường được.");
	return UI_STATUS;
}

/* Before each key and on an idle tick: the outcome of that check, once.
 * A damaged database (or one that could not be checked) is not a one-line
 * message the next key wipes: a box says it whole, with the backup to
 * restore, until a key; the Overview keeps it for the session. */
static int check_outcome(struct app *app)
{
	struct cchc_err e = { 0 };
	bool running;
	if (!app->db->check)
		return UI_NONE;
	if (db_check_poll(app->db, &running, &e)) {
		free(app->check_failed);
		app->check_failed = xstrdup(e.msg);
		app_message(app, true, "Cơ sở dữ liệu có lỗi: xem Tổng quan (1).");
		app->data_version++;   /* the Overview reloads with it */
		if (!app->modal)       /* over a form the status line says it */
			app->modal = app_notice_open("Lưu ý", e.msg,
						 "Nhấn phím bất kỳ để đóng (lời báo còn ở Tổng quan).");
		return UI_ALL;
	}
	if (!running)
		app_message(app, false, "Đã kiểm tra cơ sở dữ liệu: tốt.");
	return running ? UI_NONE : UI_STATUS;
}

void app_later(struct app *app, bool (*fn)(struct app *app, void *ctx), void *ctx)
{
	app->later = fn;
	app->later_ctx = ctx;
}

void app_later_cancel(struct app *app, void *ctx)
{
	if (app->later_ctx == ctx)
		app->later = NULL, app->later_ctx = NULL;
}

static int key_typed(void *ctx)
{
	return term_key_waiting(ctx);
}

/* The work put off, while no key is typed: UI_ALL once it is done. */
static int run_later(struct app *app, struct term *t)
{
	if (!app->later || term_key_waiting(t))
		return UI_NONE;
	bool (*fn)(struct app *, void *) = app->later;
	void *ctx = app->later_ctx;
	sqlite3_progress_handler(app->db->h, 2000, key_typed, t);
	bool done = fn(app, ctx);
	sqlite3_progress_handler(app->db->h, 0, NULL, NULL);
	if (!done)
		return UI_NONE;
	if (app->later == fn && app->later_ctx == ctx)
		app->later = NULL, app->later_ctx = NULL;
	return UI_ALL;
}

static int run_loop(struct app *app, struct term *t, struct cchc_err *err)
{
	others_wrote(app);   /* the version the first screen is read at */
	paint(app, UI_ALL);
	if (exit_after_paint(app->opt))
		return CCHC_OK;
	if (check_start(app))
		paint(app, UI_STATUS);
	int key, rc;
	for (;;) {
		/* a real keyboard: the moment nothing is typed; a script: "idle" */
		int later = t->script ? UI_NONE : run_later(app, t);
		if (later)
			paint(app, later);
		if ((rc = term_key(t, &key, err)) <= 0)
			break;
		int flags = key == KEY_IDLE ? UI_NONE : look_for_changes(app);
		flags |= dispatch(app, key);
		if (key == KEY_IDLE && t->script)
			flags |= run_later(app, t);
		flags |= check_outcome(app);
		if (app->db->warning[0]) { /* e.g. the day's backup failed */
			app_message(app, true, "Lưu ý: %s", app->db->warning);
			app->db->warning[0] = 0;
			flags |= UI_ALL;
		}
		if (flags && !(flags & UI_QUIT))
			paint(app, flags);
		term_key_done(t, key);
		if (flags & UI_QUIT)
			break;
	}
	return rc < 0 ? err->code : CCHC_OK;
}

void app_run_modal(struct app *app, struct modal *m)
{
	struct cchc_err err = { 0 };
	int key;
	app_modal_open(app, m);
	paint(app, UI_ALL);
	while (app->modal && term_key(app->term, &key, &err) > 0) {
		int flags = key == KEY_IDLE ? UI_NONE : dispatch(app, key);
		if (flags & ~UI_QUIT)
			paint(app, flags & ~UI_QUIT);
		term_key_done(app->term, key);
	}
	if (app->modal)   /* the keys ended (a script's end, a closed terminal) */
		app_modal_close(app);
}

static bool no_color(void)
{
	const char *v = getenv("NO_COLOR");
	return v && *v;
}

int ui_run(struct db *db, const struct ui_options *opt, struct cchc_err *err)
{
	struct theme theme;
	struct sbuf warnings = SBUF_INIT;
	char *setting = db_setting_get(db, "ui.theme");
	int rc = theme_load(&theme, opt->theme, setting, no_color(), &warnings, err);
	free(setting);
	if (rc) {
		sbuf_free(&warnings);
		return rc;
	}
	struct app app;
	app_init(&app, db, opt);
	load_keys(&app, &warnings);
	struct term t;
	if ((rc = term_open(&t, opt, err)) == CCHC_OK) {
		theme_apply(&theme, &warnings);
		for (int i = 0; i < app.nviews; i++)
			app.state[i] = app.views[i]->open(&app);
		if (opt->notice)
			app.modal = app_notice_open("Lưu ý", opt->notice, "Nhấn phím bất kỳ để bắt đầu.");
		else
			app.modal = setup_form_open(&app, ACT_NONE);
		sbuf_add(&app.pending, warnings.s ? warnings.s : "");
		if (!app.status)
			next_message(&app);
		progress_bar_install(&t);
		app.term = &t;
		rc = run_loop(&app, &t, err);
	}
	progress_bar_remove();
	term_close(&t);
	app_free(&app);
	sbuf_free(&warnings);
	return rc;
}
