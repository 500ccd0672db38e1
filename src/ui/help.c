/* The help screen, generated from the action table and the keymap in force:
 * what the current screen's keys do, then the keys common to all screens. */
#include <config.h>
#include <stdlib.h>
#include <string.h>
#include "text/utf8.h"
#include "ui/app.h"
#include "ui/list.h"

enum help_kind { HELP_HEADING, HELP_ENTRY, HELP_BLANK, HELP_NOTE };

struct help_line {
	enum help_kind kind;
	char *keys;              /* or the heading's text */
	char *text;
	const char *name;
};

struct help {
	struct modal m;
	struct help_line *v;
	int n, cap;
	struct list scroll;
};

/* Takes keys, copies text. */
static void add(struct help *h, enum help_kind kind, char *keys, const char *text,
		const char *name)
{
	if (h->n == h->cap) {
		h->cap = h->cap ? h->cap * 2 : 64;
		h->v = xrealloc(h->v, (size_t)h->cap * sizeof *h->v);
	}
	h->v[h->n++] = (struct help_line){ kind, keys, xstrdup(text), name };
}

/* view-N actions beyond the screens that exist are left out. */
static bool shown(const struct app *app, enum action a)
{
	return a < ACT_VIEW_1 || a > ACT_VIEW_LAST || (int)(a - ACT_VIEW_1) < app->nviews;
}

static void add_entry(struct help *h, const struct app *app, char *keys, enum action a)
{
	char text[128];
	if (a >= ACT_VIEW_1 && a <= ACT_VIEW_LAST)
		snprintf(text, sizeof text, "Chuyển tới màn hình %s",
			 app->views[a - ACT_VIEW_1]->title);
	else
		snprintf(text, sizeof text, "%s", action_help(a));
	add(h, HELP_ENTRY, keys, text, action_name(a));
}

/* Entries for the actions bound in scope itself ("" = global). */
static void add_scope(struct help *h, const struct app *app, const char *scope,
		      const char *title)
{
	bool any = false;
	for (int a = ACT_NONE + 1; a < ACT_COUNT; a++) {
		struct sbuf keys = SBUF_INIT;
		bool own = false;
		for (int i = 0; i < app->keymap.n; i++)
			own |= app->keymap.v[i].act == (enum action)a &&
			       strcmp(app->keymap.v[i].scope, scope) == 0;
		if (!own || !shown(app, (enum action)a) || !keymap_keys_for(&app->keymap, scope, (enum action)a, ", ", 4, false, &keys)) {
			sbuf_free(&keys);
			continue;
		}
		if (!any)
			add(h, HELP_HEADING, xstrdup(title), "", NULL);
		any = true;
		add_entry(h, app, sbuf_detach(&keys), (enum action)a);
	}
	if (any)
		add(h, HELP_BLANK, NULL, "", NULL);
}

static bool bound_anywhere(const struct app *app, enum action a)
{
	for (int i = 0; i < app->keymap.n; i++)
		if (app->keymap.v[i].act == a)
			return true;
	return false;
}

static void add_unbound(struct help *h, const struct app *app)
{
	bool any = false;
	for (int a = ACT_NONE + 1; a < ACT_COUNT; a++) {
		if (bound_anywhere(app, (enum action)a) || !shown(app, (enum action)a))
			continue;
		if (!any)
			add(h, HELP_HEADING, xstrdup("Chưa gán phím"), "", NULL);
		any = true;
		add_entry(h, app, xstrdup(""), (enum action)a);
	}
	if (any)
		add(h, HELP_BLANK, NULL, "", NULL);
}

static void draw_entry(const struct help_line *l, struct rect r, int y, bool names)
{
	int keyw = 18, namew = names ? 19 : 0;   /* with a column between text and name */
	draw_text_clip(y, r.x + 2, keyw - 1, l->keys, theme_attr(EL_HELP_KEY));
	draw_text_clip(y, r.x + 2 + keyw, r.w - 4 - keyw - namew, l->text,
		       theme_attr(EL_HELP_TEXT));
	if (names)
		draw_text_clip(y, r.x + r.w - 1 - namew, namew - 1, l->name,
			       theme_attr(EL_HELP_TEXT) | A_DIM);
}

static void help_draw(struct app *app, struct modal *m)
{
	struct help *h = (struct help *)m;
	struct rect r = app_body();
	draw_box(r, theme_attr(EL_DIALOG), "Trợ giúp: các phím");
	h->scroll.cur = h->scroll.top;
	list_fit(&h->scroll, r.h - 2);
	bool names = r.w >= 90;
	for (int i = 0; i < h->scroll.height && h->scroll.top + i < h->n; i++) {
		const struct help_line *l = &h->v[h->scroll.top + i];
		int y = r.y + 1 + i;
		if (l->kind == HELP_ENTRY)
			draw_entry(l, r, y, names);
		else if (l->kind == HELP_HEADING)
			draw_text_clip(y, r.x + 2, r.w - 4, l->keys, theme_attr(EL_LIST_HEADER));
		else
			draw_text_clip(y, r.x + 2, r.w - 4, l->text, theme_attr(EL_HELP_TEXT));
	}
	if (h->scroll.top + h->scroll.height < h->n)
		draw_text(r.y + r.h - 1, r.x + r.w - 4, 1, "↓", theme_attr(EL_DIALOG));
}

static int help_key(struct app *app, struct modal *m, int key)
{
	struct help *h = (struct help *)m;
	enum action a = app_action(app, "", key);
	if (a == ACT_QUIT || a == ACT_CANCEL || a == ACT_HELP)
		return app_modal_close(app);
	return list_scroll(&h->scroll, a) ? UI_VIEW : UI_NONE;
}

static void help_free(struct modal *m)
{
	struct help *h = (struct help *)m;
	for (int i = 0; i < h->n; i++) {
		free(h->v[i].keys);
		free(h->v[i].text);
	}
	free(h->v);
	free(h);
}

/* What a screen's keys do not say, under its keys in the help. */
static const char *const suggest_lines[] = {   /* the suggestions' marks, accepting them */
	"Chủ trì \"nhóm: …\" (các phòng, các Sở, ban, ngành, UBND các huyện…): khi nhận,",
	"  mỗi đơn vị thuộc nhóm một nhiệm vụ, theo loại đơn vị (màn Đơn vị, e: ô Loại);",
	"  đơn vị chưa có ký hiệu được đặt ký hiệu từ chữ cái đầu.",
	"\"đơn vị mới: …\": đơn vị chưa có trong danh sách; khi nhận sẽ được thêm,",
	"  ký hiệu lấy từ chữ cái đầu (sửa ở màn hình Đơn vị).",
	"\"chưa khớp: …\": chữ trong kế hoạch không phải tên đơn vị; e để chọn đơn vị.",
	NULL
};
static const char *const dossier_lines[] = {   /* the import: encoding, progress, panel */
	"Nhập tệp: bảng mã để trống thì tự nhận biết (UTF-8, UTF-16 có BOM, Windows-1258,",
	"  TCVN3). Khi đang nhập, dòng trạng thái hiện tiến độ; Esc để dừng, không nhập gì.",
	"  Đọc xong, bảng hiện số dòng hợp lệ và các dòng lỗi: Enter mới lưu, Esc không lưu.",
	NULL
};
/* What search finds, how it ranks, and how to leave it: its line takes
 * letters and digits, so the digit keys do not switch screens. */
static const char *const search_lines[] = {
	"Tìm trong kế hoạch, đề mục, đơn vị, nhiệm vụ, tài liệu KC, hồ sơ (mã, chủ",
	"  hồ sơ, thủ tục, lĩnh vực), phiếu xin lỗi (cả theo hồ sơ), phản ánh.",
	"Gõ có dấu (\"Kỳ Lừa\"): kết quả đúng dấu lên trước; C-t: chỉ kết quả đúng dấu.",
	"Chữ và số gõ vào đều vào ô tìm. Sang màn hình khác: Tab, S-Tab hoặc phím F",
	"  (F2 Kế hoạch, F3 Nhiệm vụ, F4 Việc cần làm, F7, F8, F6, F9, F10, F11, F12).",
	"Enter: mở kết quả ở màn hình của nó (hồ sơ, phiếu, phản ánh: mở chi tiết).",
	NULL
};
static const struct {
	const char *scope;
	const char *const *lines;
	bool blank_after;
} scope_notes[] = {
	{ "suggest", suggest_lines, true },
	{ "dossiers", dossier_lines, false },
	{ "search", search_lines, true },
};

static void add_scope_notes(struct help *h, const char *scope)
{
	for (size_t i = 0; i < sizeof scope_notes / sizeof scope_notes[0]; i++) {
		if (strcmp(scope_notes[i].scope, scope) != 0)
			continue;
		for (const char *const *l = scope_notes[i].lines; *l; l++)
			add(h, HELP_NOTE, NULL, *l, NULL);
		if (scope_notes[i].blank_after)
			add(h, HELP_BLANK, NULL, "", NULL);
	}
}

struct modal *help_open(struct app *app)
{
	struct help *h = xcalloc(1, sizeof *h);
	h->m = (struct modal){ help_key, help_draw, help_free };
	char title[96];
	snprintf(title, sizeof title, "Màn hình %s", app->views[app->cur]->title);
	add_scope(h, app, app_scope(app), title);
	add_scope_notes(h, app_scope(app));
	add_scope(h, app, "", "Mọi màn hình");
	add_unbound(h, app);
	add(h, HELP_NOTE, NULL, "Biểu mẫu: Esc khi đã gõ thay đổi thì hỏi trước (c: bỏ, phím khác: gõ "
	    "tiếp).", NULL);
	add(h, HELP_NOTE, NULL, "Thiết lập (tên cơ quan, người ký, hạn...): F10.", NULL);
	add(h, HELP_NOTE, NULL, "Đổi phím trong tệp ~/.config/cchc/keys, mỗi dòng một lệnh:", NULL);
	add(h, HELP_NOTE, NULL, "  bind [MÀN_HÌNH] PHÍM HÀNH_ĐỘNG   (ví dụ: bind plan <F5> jump)", NULL);
	add(h, HELP_NOTE, NULL, "  unbind [MÀN_HÌNH] PHÍM", NULL);
	add(h, HELP_NOTE, NULL, "Đóng trợ giúp: q, Esc hoặc ?", NULL);
	h->scroll.n = h->n;
	return &h->m;
}
