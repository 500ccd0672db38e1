#include <config.h>
#include "ui/form.h"
#include <dirent.h>
#include <stdarg.h>
#include <sys/stat.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "text/utf8.h"
#include "ui/filter.h"
#include "util/fsutil.h"

#define DROP_ROWS 6
#define LABEL_W 14

const char *form_text(const struct form *f, int i)
{
	return lineedit_text(&f->f[i].ed);
}

void form_set(struct form *f, int i, const char *text)
{
	lineedit_set(&f->f[i].ed, text ? text : "");
	f->f[i].picked = 0;
}

void form_hint(struct form *f, int i, const char *hint)
{
	free(f->f[i].hint);
	f->f[i].hint = hint && *hint ? text_sanitize(hint) : NULL;
}

void form_error(struct form *f, int i, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *s = NULL;
	if (vasprintf(&s, fmt, ap) < 0)
		s = NULL;
	va_end(ap);
	free(f->f[i].error);
	f->f[i].error = s ? text_sanitize(s) : NULL;
	free(s);
}

void form_clear_error(struct form *f, int i)
{
	free(f->f[i].error);
	f->f[i].error = NULL;
}

void form_clear_errors(struct form *f)
{
	for (int i = 0; i < f->nf; i++)
		form_clear_error(f, i);
}

void form_focus_error(struct form *f)
{
	for (int i = 0; i < f->nf; i++)
		if (f->f[i].error && !f->f[i].hidden) {
			f->cur = i;
			f->dropdown = false;
			return;
		}
}

int form_find(const struct form_field *fd, const char *s)
{
	while (*s == ' ')
		s++;
	size_t n = strlen(s);
	while (n && s[n - 1] == ' ')
		n--;
	for (int i = 0; i < fd->ncand; i++)
		if (strlen(fd->cand[i].value) == n && strncasecmp(fd->cand[i].value, s, n) == 0)
			return i;
	return -1;
}

/* ---- completion ---- */

/* The text being completed: the whole field, or its last item. */
static const char *token(const struct form_field *fd)
{
	const char *s = lineedit_text(&fd->ed);
	const char *c = fd->path ? strrchr(s, ';') : fd->multi ? strrchr(s, ',') : NULL;
	s = c ? c + 1 : s;
	while (*s == ' ')
		s++;
	return s;
}

/* Finds the candidates of the current field that match its token (all of
 * them when everything is true). */
static void complete(struct form *f, bool everything)
{
	struct form_field *fd = &f->f[f->cur];
	struct filter flt = { 0 };
	filter_set(&flt, everything ? "" : token(fd));
	f->nmatch = 0;
	f->pick = f->pick_top = 0;
	free(f->match);
	f->match = xcalloc((size_t)fd->ncand + 1, sizeof *f->match);
	for (int i = 0; i < fd->ncand; i++) {
		struct sbuf b = SBUF_INIT;
		sbuf_addf(&b, "%s %s", fd->cand[i].value, fd->cand[i].label);
		if (filter_match(&flt, b.s))
			f->match[f->nmatch++] = i;
		sbuf_free(&b);
	}
	f->dropdown = f->nmatch > 0 && (everything || filter_active(&flt)) &&
		      !(f->nmatch == 1 && form_find(fd, token(fd)) == f->match[0]);
	filter_clear(&flt);
}

static void accept_pick(struct form *f)
{
	struct form_field *fd = &f->f[f->cur];
	const struct form_cand *c = &fd->cand[f->match[f->pick]];
	struct sbuf b = SBUF_INIT;
	if (fd->path) {
		const char *s = lineedit_text(&fd->ed), *semi = strrchr(s, ';');
		if (semi)
			sbuf_addf(&b, "%.*s; ", (int)(semi - s), s);
	} else if (fd->multi) {
		const char *s = lineedit_text(&fd->ed), *comma = strrchr(s, ',');
		if (comma)
			sbuf_addf(&b, "%.*s, ", (int)(comma - s), s);
	}
	sbuf_add(&b, c->value);
	lineedit_set(&fd->ed, b.s);
	sbuf_free(&b);
	fd->picked = c->id;
	f->dropdown = false;
}

/* ---- file paths ---- */

static void free_paths(struct form *f)
{
	for (int i = 0; i < f->npcand; i++) {
		free(f->pcand[i].value);
		free(f->pcand[i].label);
	}
	free(f->pcand);
	f->pcand = NULL;
	f->npcand = 0;
	for (int i = 0; i < f->nf; i++)
		if (f->f[i].path) {
			f->f[i].cand = NULL;
			f->f[i].ncand = 0;
		}
}

static int cmp_cand(const void *a, const void *b)
{
	return strcmp(((const struct form_cand *)a)->value, ((const struct form_cand *)b)->value);
}

/* Completes the last path of the current field (after the last ";") from
 * the names in its folder (opendir/readdir, no shell): one match is put in
 * (a folder with a trailing "/"), several are extended to their common
 * beginning and listed in the dropdown. "~/" stands for $HOME. */
static void complete_path(struct form *f)
{
	struct form_field *fd = &f->f[f->cur];
	free_paths(f);
	f->dropdown = false;
	const char *s = lineedit_text(&fd->ed), *semi = strrchr(s, ';');
	struct sbuf before = SBUF_INIT, tok = SBUF_INIT;
	if (semi)
		sbuf_addf(&before, "%.*s; ", (int)(semi - s), s);
	const char *t = token(fd);
	const char *home = getenv("HOME");
	if (t[0] == '~' && (t[1] == '/' || !t[1]) && home && *home)
		sbuf_addf(&tok, "%s%s", home, t[1] ? t + 1 : "/");
	else
		sbuf_add(&tok, t);
	const char *slash = fs_last_sep(tok.s);
	size_t dlen = slash ? (size_t)(slash - tok.s) + 1 : 0;
	const char *base = tok.s + dlen;
	size_t blen = strlen(base);
	char *dir = dlen ? xstrndup(tok.s, dlen) : xstrdup(".");
	DIR *d = opendir(dir);
	int cap = 0;
	for (struct dirent *de; d && (de = readdir(d));) {
		const char *name = de->d_name;
		if (!strcmp(name, ".") || !strcmp(name, "..") || (name[0] == '.' && base[0] != '.'))
			continue;
		if (strncmp(name, base, blen) != 0)
			continue;
		struct sbuf full = SBUF_INIT;
		sbuf_addf(&full, "%.*s%s", (int)dlen, tok.s, name);
		struct stat st;
		bool isdir = stat(dlen ? full.s : name, &st) == 0 && S_ISDIR(st.st_mode);
		if (isdir)
			sbuf_add(&full, "/");
		if (f->npcand == cap) {
			cap = cap ? cap * 2 : 16;
			f->pcand = xrealloc(f->pcand, (size_t)cap * sizeof *f->pcand);
		}
		f->pcand[f->npcand] = (struct form_cand){ f->npcand + 1, xstrdup(full.s), xstrdup("") };
		f->npcand++;
		sbuf_free(&full);
	}
	if (d)
		closedir(d);
	free(dir);
	if (f->npcand > 1)
		qsort(f->pcand, (size_t)f->npcand, sizeof *f->pcand, cmp_cand);
	struct sbuf out = SBUF_INIT;
	sbuf_add(&out, before.s ? before.s : "");
	if (f->npcand == 1) {
		sbuf_add(&out, f->pcand[0].value);
		lineedit_set(&fd->ed, out.s);
	} else if (f->npcand > 1) {
		size_t common = strlen(f->pcand[0].value);
		for (int i = 1; i < f->npcand; i++) {
			size_t k = 0;
			while (k < common && f->pcand[i].value[k] == f->pcand[0].value[k])
				k++;
			common = k;
		}
		/* not inside a letter */
		while (common && ((unsigned char)f->pcand[0].value[common] & 0xC0) == 0x80)
			common--;
		sbuf_addf(&out, "%.*s", (int)common, f->pcand[0].value);
		lineedit_set(&fd->ed, out.s);
		fd->cand = f->pcand;
		fd->ncand = f->npcand;
		free(f->match);
		f->match = xcalloc((size_t)f->npcand, sizeof *f->match);
		for (int i = 0; i < f->npcand; i++)
			f->match[i] = i;
		f->nmatch = f->npcand;
		f->pick = f->pick_top = 0;
		f->dropdown = true;
	}
	fd->picked = 0;
	sbuf_free(&out);
	sbuf_free(&before);
	sbuf_free(&tok);
}

/* ---- keys ---- */

static void move_field(struct form *f, int dir)
{
	f->dropdown = false;
	free_paths(f);
	for (int k = 1; k <= f->nf; k++) {
		int i = ((f->cur + dir * k) % f->nf + f->nf) % f->nf;
		if (!f->f[i].hidden) {
			f->cur = i;
			return;
		}
	}
}

static bool last_field(const struct form *f)
{
	for (int i = f->cur + 1; i < f->nf; i++)
		if (!f->f[i].hidden)
			return false;
	return true;
}

static int save(struct app *app, struct form *f)
{
	f->dropdown = false;
	form_clear_errors(f);
	int r = f->ops.save(app, f);
	if (r < 0) {
		form_focus_error(f);
		return UI_VIEW;
	}
	return app_modal_close(app) | r;
}

static int drop_key(struct form *f, int key)
{
	if (key == KEY_FN(KEY_DOWN))
		f->pick = f->pick + 1 < f->nmatch ? f->pick + 1 : f->pick;
	else if (key == KEY_FN(KEY_UP))
		f->pick = f->pick > 0 ? f->pick - 1 : 0;
	else if (key == KEY_CHAR_TAB || key == KEY_FN(KEY_ENTER))
		accept_pick(f);
	else if (key == KEY_CHAR_ESC)
		f->dropdown = false;
	else
		return -1;
	return UI_VIEW;
}

static int edit_key(struct app *app, struct form *f, int key)
{
	struct form_field *fd = &f->f[f->cur];
	int r = lineedit_key(&fd->ed, key);
	if (r == LE_CHANGED) {
		fd->picked = 0;
		free(fd->error);
		fd->error = NULL;
		if (fd->path) {
			free_paths(f);
			f->dropdown = false;
		} else if (fd->ncand)
			complete(f, false);
		if (f->ops.changed)
			f->ops.changed(app, f, f->cur);
	}
	return r > LE_NONE ? UI_VIEW : UI_NONE;
}

/* Remembers the texts the owner put in, before the first key changes any. */
static void remember(struct form *f)
{
	if (f->orig)
		return;
	f->orig = xcalloc((size_t)f->nf, sizeof *f->orig);
	for (int i = 0; i < f->nf; i++)
		f->orig[i] = xstrdup(form_text(f, i));
}

bool form_changed(const struct form *f)
{
	for (int i = 0; f->orig && i < f->nf; i++)
		if (strcmp(f->orig[i], form_text(f, i)) != 0)
			return true;
	return false;
}

/* Esc or C-g: closes at once when nothing was typed, else asks first. */
static int close_key(struct app *app, struct form *f)
{
	if (!form_changed(f))
		return app_modal_close(app);
	f->asking = true;
	f->dropdown = false;
	return UI_VIEW;
}

static int form_key(struct app *app, struct modal *m, int key)
{
	struct form *f = (struct form *)m;
	remember(f);
	if (f->asking) {
		f->asking = false;
		return key == 'c' || key == 'C' ? app_modal_close(app) : UI_VIEW;
	}
	if (app_action(app, "", key) == ACT_SAVE)
		return save(app, f);
	if (f->dropdown) {
		int r = drop_key(f, key);
		if (r >= 0) {
			if (f->ops.changed && key != KEY_CHAR_ESC)
				f->ops.changed(app, f, f->cur);
			return r;
		}
	}
	if (key == KEY_CHAR_ESC || key == 7 /* C-g */)
		return close_key(app, f);
	if (key == KEY_FN(KEY_DOWN) && f->f[f->cur].ncand && !f->dropdown) {
		complete(f, true);
		return UI_VIEW;
	}
	if (key == KEY_CHAR_TAB && f->f[f->cur].path && *token(&f->f[f->cur]))
		return complete_path(f), UI_VIEW;
	if (key == KEY_CHAR_TAB || key == KEY_FN(KEY_DOWN))
		return move_field(f, 1), UI_VIEW;
	if (key == KEY_FN(KEY_BTAB) || key == KEY_FN(KEY_UP))
		return move_field(f, -1), UI_VIEW;
	if (key == KEY_FN(KEY_ENTER))
		return last_field(f) ? save(app, f) : (move_field(f, 1), UI_VIEW);
	return edit_key(app, f, key);
}

/* ---- drawing ---- */

static int field_rows(const struct form *f, int i)
{
	return f->f[i].hidden ? 0 : 2;
}

static void draw_dropdown(struct form *f, int y, int x, int w, int maxh)
{
	const struct form_field *fd = &f->f[f->cur];
	int h = f->nmatch < DROP_ROWS ? f->nmatch : DROP_ROWS;
	h = h < maxh ? h : maxh;
	if (h <= 0)
		return;
	if (f->pick < f->pick_top)
		f->pick_top = f->pick;
	if (f->pick >= f->pick_top + h)
		f->pick_top = f->pick - h + 1;
	for (int k = 0; k < h && f->pick_top + k < f->nmatch; k++) {
		int i = f->pick_top + k;
		const struct form_cand *c = &fd->cand[f->match[i]];
		attr_t a = theme_attr(i == f->pick ? EL_CURSOR : EL_DIALOG);
		draw_fill(y + k, x, w, a);
		int used = draw_text(y + k, x + 1, w - 2, c->value, a | A_BOLD);
		if (*c->label)
			draw_text_clip(y + k, x + 2 + used, w - 3 - used, c->label, a);
	}
	if (f->pick_top + h < f->nmatch)
		draw_text(y + h - 1, x + w - 1, 1, "↓", theme_attr(EL_DIALOG));
}

static void draw_field(struct app *app, struct form *f, int i, int y, struct rect r)
{
	struct form_field *fd = &f->f[i];
	int x = r.x + 2, fx = x + LABEL_W, fw = r.x + r.w - 2 - fx;
	draw_text_clip(y, x, LABEL_W - 1, fd->label, theme_attr(EL_FORM_LABEL));
	attr_t fa = theme_attr(EL_FORM_FIELD);
	draw_fill(y, fx, fw, fa);
	if (i == f->cur)
		app_set_cursor(app, y, lineedit_draw(&fd->ed, y, fx, fw, fa));
	else
		draw_text_clip(y, fx, fw, lineedit_text(&fd->ed), fa);
	if (fd->error)
		draw_text_clip(y + 1, fx, fw, fd->error, theme_attr(EL_FORM_ERROR));
	else if (fd->hint)
		draw_text_clip(y + 1, fx, fw, fd->hint, theme_attr(EL_FORM_HINT));
}

/* Moves the first drawn field so that the current one is inside the box
 * (the form scrolls on small terminals instead of hiding fields). */
static void scroll_to_current(struct form *f, int avail)
{
	if (f->cur < f->top)
		f->top = f->cur;
	for (;;) {
		int rows = 0;
		for (int i = f->top; i <= f->cur && i < f->nf; i++)
			rows += field_rows(f, i);
		if (rows <= avail || f->top >= f->cur)
			break;
		f->top++;
	}
}

static void form_draw(struct app *app, struct modal *m)
{
	struct form *f = (struct form *)m;
	int rows = 0;
	for (int i = 0; i < f->nf; i++)
		rows += field_rows(f, i);
	draw_fill_rect(app_body(), theme_attr(EL_TEXT));
	struct rect r = draw_centered(COLS - 4 < 100 ? COLS - 4 : 100, rows + 5);
	draw_box(r, theme_attr(EL_DIALOG), f->title);
	int y = r.y + 2, cur_y = -1, avail = r.h - 4;
	scroll_to_current(f, avail);
	if (f->top > 0)
		draw_text(r.y + 1, r.x + r.w - 3, 1, "↑", theme_attr(EL_DIALOG));
	int i = f->top;
	for (; i < f->nf && y + field_rows(f, i) <= r.y + 2 + avail; i++) {
		if (f->f[i].hidden)
			continue;
		if (i == f->cur)
			cur_y = y;
		draw_field(app, f, i, y, r);
		y += field_rows(f, i);
	}
	for (; i < f->nf; i++)
		if (!f->f[i].hidden) { /* fields below the box: say so */
			draw_text(r.y + r.h - 3, r.x + r.w - 3, 1, "↓", theme_attr(EL_DIALOG));
			break;
		}
	if (f->asking)
		draw_text_clip(r.y + r.h - 2, r.x + 2, r.w - 4,
			       "Bỏ các thay đổi vừa gõ? c: bỏ · phím khác: gõ tiếp", theme_attr(EL_ERROR));
	else
		draw_text_clip(r.y + r.h - 2, r.x + 2, r.w - 4, "Tab/S-Tab: chuyển ô  ↓: gợi ý  "
			       "Enter: chọn, ô sau  C-o: lưu  Esc: hủy", theme_attr(EL_DIALOG) | A_DIM);
	if (f->dropdown && cur_y >= 0) {
		int save_y = app->cursor_y, save_x = app->cursor_x;
		int fx = r.x + 2 + LABEL_W;
		draw_dropdown(f, cur_y + 1, fx, r.x + r.w - 2 - fx, r.y + r.h - 2 - (cur_y + 1));
		app_set_cursor(app, save_y, save_x);
	}
}

static void form_free(struct modal *m)
{
	struct form *f = (struct form *)m;
	for (int i = 0; i < f->nf; i++) {
		lineedit_free(&f->f[i].ed);
		free(f->f[i].hint);
		free(f->f[i].error);
	}
	if (f->ops.free)
		f->ops.free(f->ctx);
	free_paths(f);
	for (int i = 0; f->orig && i < f->nf; i++)
		free(f->orig[i]);
	free(f->orig);
	free(f->f);
	free(f->match);
	free(f);
}

struct form *form_new(const char *title, const char *const *labels, int nf,
		      const struct form_ops *ops, void *ctx)
{
	struct form *f = xcalloc(1, sizeof *f);
	f->m = (struct modal){ form_key, form_draw, form_free };
	f->title = title;
	f->nf = nf;
	f->f = xcalloc((size_t)nf, sizeof *f->f);
	for (int i = 0; i < nf; i++) {
		f->f[i].label = labels[i];
		lineedit_init(&f->f[i].ed, NULL);
	}
	f->ops = *ops;
	f->ctx = ctx;
	return f;
}
