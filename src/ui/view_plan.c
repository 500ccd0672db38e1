/* Kế hoạch: the plan browser. The outline of the plan's sections on the
 * left (a tree the clerk opens and closes), the selected section's text on
 * the right, wrapped to the pane. The outline is held whole (a plan has
 * hundreds of sections); a section's paragraphs are read when selected. */
#include <config.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include "core/criteria.h"
#include "core/plan.h"
#include "core/plan_edit.h"
#include "text/utf8.h"
#include "ui/app.h"
#include "ui/choice.h"
#include "ui/filter.h"
#include "ui/form.h"
#include "ui/list.h"
#include "ui/textedit.h"
#include "ui/tlines.h"
#include "ui/wrap.h"

struct text_pane {
	int sel;                 /* the section the lines were built for */
	struct tlines l;
	struct list scroll;
	int mline, mspan;        /* the match n/N went to: line, span in it (-1: none) */
	int want;                /* after the next build: go to the first (1) or last
				  * (-1) match */
};

/* The words of the last search or filter, highlighted in the text pane. */
struct highlight {
	char *text;
	bool exact;
	struct text_query q;
};

struct plan_view {
	int64_t plan_id;
	struct plan_info info;
	bool have_plan;
	char *meta, *title;      /* sanitised header lines */
	struct section_info *sec;
	int nsec, sel;           /* sel: index in sec, -1 when empty */
	bool *open;
	int *vis, nvis;          /* indices of the visible sections */
	struct list outline;
	struct text_pane text;
	struct filter filter;
	unsigned char *keep;     /* with a filter: KEEP_MATCH or KEEP_ANCESTOR, else 0 */
	char **body;             /* each section's text, read when first filtered */
	int nbody;
	int nmatch;              /* sections matching the filter */
	struct highlight hl;
	unsigned version;        /* app->data_version the plan was read at */
};

enum { KEEP_ANCESTOR = 1, KEEP_MATCH = 2 };
#define MAX_SPANS 32

static const enum action plan_hints[] = {
	ACT_HELP, ACT_QUIT, ACT_TOGGLE, ACT_JUMP, ACT_FILTER, ACT_TEXT_PAGE_DOWN, ACT_PLAN_PICK,
	ACT_SEARCH, ACT_VIEW_NEXT, ACT_NONE
};

/* ---- the outline ---- */

static void sanitize_in_place(char **s)
{
	char *t = text_sanitize(*s ? *s : "");
	free(*s);
	*s = t;
}

static void compute_visible(struct plan_view *pv)
{
	int hide_below = INT_MAX;
	pv->nvis = 0;
	for (int i = 0; filter_active(&pv->filter) && i < pv->nsec; i++)
		if (pv->keep[i])
			pv->vis[pv->nvis++] = i;
	for (int i = 0; !filter_active(&pv->filter) && i < pv->nsec; i++) {
		int d = pv->sec[i].depth;
		if (d > hide_below)
			continue;
		hide_below = INT_MAX;
		pv->vis[pv->nvis++] = i;
		if (pv->sec[i].nchildren && !pv->open[i])
			hide_below = d;
	}
	pv->outline.n = pv->nvis;
}

static int parent_index(const struct plan_view *pv, int i)
{
	for (int j = i - 1; j >= 0; j--)
		if (pv->sec[j].id == pv->sec[i].parent_id)
			return j;
	return -1;
}

/* Puts the outline cursor on section i, or on its nearest visible ancestor. */
static void select_section(struct plan_view *pv, int i)
{
	compute_visible(pv);
	for (; i >= 0; i = parent_index(pv, i))
		for (int k = 0; k < pv->nvis; k++)
			if (pv->vis[k] == i) {
				pv->sel = i;
				list_set(&pv->outline, k);
				return;
			}
	pv->sel = pv->nvis ? pv->vis[0] : -1;
	list_set(&pv->outline, 0);
}

static void open_ancestors(struct plan_view *pv, int i)
{
	for (int p = parent_index(pv, i); p >= 0; p = parent_index(pv, p))
		pv->open[p] = true;
}

/* ---- loading ---- */

static void text_clear(struct text_pane *t)
{
	tl_clear(&t->l);
	t->sel = -2;
	t->scroll = (struct list){ 0 };
	t->mline = t->mspan = -1;
}

static void plan_unload(struct plan_view *pv)
{
	if (pv->have_plan)
		plan_info_free(&pv->info);
	section_list_free(pv->sec, pv->nsec);
	free(pv->open);
	free(pv->vis);
	free(pv->keep);
	strv_free(pv->body, pv->nbody);
	pv->body = NULL;
	pv->nbody = 0;
	filter_clear(&pv->filter);
	free(pv->meta);
	free(pv->title);
	text_clear(&pv->text);
	pv->have_plan = false;
	pv->sec = NULL;
	pv->open = NULL;
	pv->vis = NULL;
	pv->keep = NULL;
	pv->nmatch = 0;
	pv->meta = pv->title = NULL;
	pv->nsec = pv->nvis = 0;
	pv->sel = -1;
	pv->outline = (struct list){ 0 };
}

static void make_header(struct plan_view *pv)
{
	struct sbuf b = SBUF_INIT;
	const struct plan_info *p = &pv->info;
	if (p->doc_no && *p->doc_no && *p->doc_no != '/')
		sbuf_addf(&b, "Kế hoạch số %s", p->doc_no);
	else
		sbuf_addf(&b, "Kế hoạch %s", p->doc_no && *p->doc_no ? p->doc_no : "chưa có số");
	if (p->year > 0)
		sbuf_addf(&b, ", năm %d", p->year);
	if (p->is_demo)
		sbuf_add(&b, " (dữ liệu mẫu)");
	pv->meta = text_sanitize(b.s);
	sbuf_free(&b);
	char *t = text_squeeze(p->title ? p->title : "");
	pv->title = text_sanitize(t);
	free(t);
}

static int plan_load(struct app *app, struct plan_view *pv, int64_t id)
{
	struct cchc_err err;
	plan_unload(pv);
	if (plan_get(app->db, id, &pv->info, &err) != CCHC_OK)
		return -1;
	pv->have_plan = true;
	pv->plan_id = pv->info.id;
	make_header(pv);
	if (section_list(app->db, pv->plan_id, &pv->sec, &pv->nsec, &err) != CCHC_OK) {
		app_message(app, true, "%s", err.msg);
		pv->nsec = 0;
	}
	pv->open = xcalloc((size_t)pv->nsec + 1, sizeof *pv->open);
	pv->vis = xcalloc((size_t)pv->nsec + 1, sizeof *pv->vis);
	pv->keep = xcalloc((size_t)pv->nsec + 1, sizeof *pv->keep);
	for (int i = 0; i < pv->nsec; i++) {
		sanitize_in_place(&pv->sec[i].label);
		sanitize_in_place(&pv->sec[i].heading);
		pv->open[i] = pv->sec[i].depth == 0;
	}
	select_section(pv, 0);
	return 0;
}

static int64_t remembered_plan(struct app *app)
{
	char *v = db_setting_get(app->db, "ui.plan_id");
	int64_t id = v ? strtoll(v, NULL, 10) : 0;
	free(v);
	return id;
}

static void *plan_open(struct app *app)
{
	struct plan_view *pv = xcalloc(1, sizeof *pv);
	pv->sel = -1;
	pv->text.sel = -2;
	if (plan_load(app, pv, remembered_plan(app)) && plan_load(app, pv, 0))
		pv->have_plan = false;
	pv->version = app->data_version;
	return pv;
}

static void plan_close(void *st)
{
	struct plan_view *pv = st;
	plan_unload(pv);
	tl_free(&pv->text.l);
	if (pv->hl.text)
		text_query_free(&pv->hl.q);
	free(pv->hl.text);
	free(pv);
}

/* ---- the text pane ---- */

static void add_children(struct plan_view *pv, struct tlines *t, int sel)
{
	t->own = false;
	tl_blank(t);
	tl_add(t, 0, NULL, EL_TEXT, "Gồm các mục:", strlen("Gồm các mục:"), EL_LIST_HEADER);
	for (int i = sel + 1; i < pv->nsec && pv->sec[i].depth > pv->sec[sel].depth; i++)
		if (pv->sec[i].parent_id == pv->sec[sel].id)
			tl_wrapped(t, 2, pv->sec[i].label, EL_SECTION_LABEL, pv->sec[i].heading,
				   EL_TEXT);
}

static void add_plan_intro(struct plan_view *pv, struct tlines *t)
{
	if (!pv->have_plan)
		return;
	tl_wrapped(t, 0, NULL, EL_TEXT, pv->title, EL_SECTION_HEADING);
	tl_blank(t);
	const char *msg = filter_active(&pv->filter) ? "(Không có mục nào khớp bộ lọc; Esc để bỏ lọc.)"
						     : "(Kế hoạch này chưa có đề mục nào.)";
	tl_add(t, 0, NULL, EL_TEXT, msg, strlen(msg), EL_TEXT);
	if (pv->info.preamble && *pv->info.preamble) {
		char *s = text_sanitize(pv->info.preamble);
		tl_blank(t);
		tl_wrapped(t, 0, NULL, EL_TEXT, s, EL_TEXT);
		free(s);
	}
}

/* The plan's own words outside its sections (the preamble above section I,
 * the closing after the last section), each paragraph wrapped. */
static void add_plan_words(struct tlines *t, const char *caption, const char *text)
{
	if (!text || !*text)
		return;
	bool first = t->n == 0;
	if (!first)
		tl_blank(t);
	tl_add(t, 0, NULL, EL_TEXT, caption, strlen(caption), EL_LIST_HEADER);
	for (const char *p = text; *p;) {
		size_t n = strcspn(p, "\n");
		if (n) {
			char *para = xstrndup(p, n), *clean = text_sanitize(para);
			tl_wrapped(t, 0, NULL, EL_TEXT, clean, EL_TEXT);
			free(clean);
			free(para);
		}
		p += n;
		p += strspn(p, "\n");
	}
	if (first)
		tl_blank(t);
}

/* The last section before the annexes: the closing follows it. */
static int last_body_section(const struct plan_view *pv)
{
	int last = -1;
	for (int i = 0; i < pv->nsec; i++)
		if (strcmp(pv->sec[i].style, "annex") != 0)
			last = i;
		else
			break;
	return last;
}

static void text_build(struct app *app, struct plan_view *pv, int width)
{
	struct text_pane *t = &pv->text;
	int top = t->sel == pv->sel ? t->scroll.top : 0;
	text_clear(t);
	t->sel = pv->sel;
	t->l.width = width;
	t->l.own = pv->sel >= 0;
	if (pv->sel < 0) {
		add_plan_intro(pv, &t->l);
	} else {
		const struct section_info *s = &pv->sec[pv->sel];
		if (pv->sel == 0)
			add_plan_words(&t->l, "Phần mở đầu:", pv->info.preamble);
		tl_wrapped(&t->l, 0, s->label, EL_SECTION_LABEL, s->heading, EL_SECTION_HEADING);
		tl_section_items(app, &t->l, s->id);
		if (s->nchildren)
			add_children(pv, &t->l, pv->sel);
		if (pv->sel == last_body_section(pv))
			add_plan_words(&t->l, "Phần kết:", pv->info.closing);
	}
	t->scroll.n = t->l.n;
	t->scroll.top = top;
}

/* ---- drawing ---- */

static void draw_header(struct plan_view *pv, struct rect r)
{
	attr_t a = theme_attr(EL_TITLE);
	draw_fill(r.y, r.x, r.w, a);
	draw_fill(r.y + 1, r.x, r.w, a);
	int x = r.x + 1 + draw_text(r.y, r.x + 1, r.w - 2, pv->meta, a | A_BOLD);
	x += draw_text(r.y, x, r.x + r.w - x, " · ", a);
	struct wrap_line *lines;
	int n = wrap_text(pv->title, r.x + r.w - 1 - x, r.w - 2, &lines);
	draw_textn(r.y, x, r.x + r.w - 1 - x, pv->title + lines[0].off, lines[0].len, a);
	if (n > 1)
		draw_text_clip(r.y + 1, r.x + 1, r.w - 2, pv->title + lines[1].off, a);
	free(lines);
}

static void draw_outline_row(struct plan_view *pv, int k, int y, struct rect r)
{
	const struct section_info *s = &pv->sec[pv->vis[k]];
	bool cur = k == pv->outline.cur;
	attr_t base = theme_attr(cur ? EL_CURSOR : EL_OUTLINE);
	draw_fill(y, r.x, r.w, base);
	if (cur)
		draw_text(y, r.x, 1, "›", base);
	int x = r.x + 1 + (s->depth * 2 < r.w / 2 ? s->depth * 2 : r.w / 2);
	const char *marker = !s->nchildren ? " " : pv->open[pv->vis[k]] ? "▾" : "▸";
	x += draw_text(y, x, 2, marker, cur ? base : theme_attr(EL_OUTLINE_MARKER)) + 1;
	const struct text_query *q = filter_query(&pv->filter);
	attr_t hl = theme_attr(EL_MATCH);
	x += draw_text_hl(y, x, r.x + r.w - x - 1, s->label,
			  cur ? base : theme_attr(EL_SECTION_LABEL), q, hl) + 1;
	draw_text_hl(y, x, r.x + r.w - x - 1, s->heading, base, q, hl);
}

static void draw_outline(struct plan_view *pv, struct rect r)
{
	list_fit(&pv->outline, r.h);
	draw_fill_rect(r, theme_attr(EL_OUTLINE));
	for (int i = 0; i < r.h && pv->outline.top + i < pv->nvis; i++)
		draw_outline_row(pv, pv->outline.top + i, r.y + i, r);
	if (!pv->nvis && filter_active(&pv->filter))
		draw_text_clip(r.y, r.x + 2, r.w - 3, "Không có mục nào khớp.", theme_attr(EL_OUTLINE));
}

/* ---- matches of the last search or filter in the text pane ---- */

static void sync_highlight(struct app *app, struct plan_view *pv)
{
	struct highlight *h = &pv->hl;
	const char *want = app->query;
	if (!want ? !h->text : h->text && strcmp(want, h->text) == 0 && h->exact == app->query_exact)
		return;
	if (h->text)
		text_query_free(&h->q);
	free(h->text);
	h->text = want ? xstrdup(want) : NULL;
	h->exact = app->query_exact;
	if (want)
		text_query_init(&h->q, want, h->exact, true);
	pv->text.mline = pv->text.mspan = -1;
}

static const struct text_query *hl_query(const struct plan_view *pv)
{
	return pv->hl.text && pv->hl.q.nterms ? &pv->hl.q : NULL;
}

static int line_matches(const struct plan_view *pv, const struct tline *l, struct text_span *sp)
{
	const struct text_query *q = hl_query(pv);
	return q ? spans_join(l->text, sp, text_query_spans(q, l->text, sp, MAX_SPANS)) : 0;
}

static void show_line(struct text_pane *t, int line)
{
	int h = t->scroll.height > 0 ? t->scroll.height : 1;
	if (line < t->scroll.top || line >= t->scroll.top + h)
		t->scroll.top = line - h / 3 < 0 ? 0 : line - h / 3;
}

/* Is (i, k) after (dir 1) or before (dir -1) the position (line, span)? */
static bool beyond(int i, int k, int line, int span, int dir)
{
	return dir > 0 ? i > line || (i == line && k > span) : i < line || (i == line && k < span);
}

/* Goes to the next (dir 1) or previous (dir -1) match of the section's own
 * text: from the current match, else from the top (bottom) of what shows,
 * or from the very start (end) when from_edge. False when there is none. */
static bool pane_step(struct plan_view *pv, int dir, bool from_edge)
{
	struct text_pane *t = &pv->text;
	int line, span;
	if (from_edge)
		line = dir > 0 ? -1 : t->l.n, span = 0;
	else if (t->mline >= 0)
		line = t->mline, span = t->mspan;
	else if (dir > 0)
		line = t->scroll.top - 1, span = INT_MAX;
	else
		line = t->scroll.top + (t->scroll.height > 0 ? t->scroll.height : 1), span = -1;
	struct text_span sp[MAX_SPANS];
	int i = line < 0 ? 0 : line >= t->l.n ? t->l.n - 1 : line;
	for (; i >= 0 && i < t->l.n; i += dir) {
		int n = t->l.v[i].own ? line_matches(pv, &t->l.v[i], sp) : 0;
		for (int j = 0; j < n; j++) {
			int k = dir > 0 ? j : n - 1 - j;
			if (beyond(i, k, line, span, dir)) {
				t->mline = i;
				t->mspan = k;
				show_line(t, i);
				return true;
			}
		}
	}
	return false;
}

/* Does section i hold every word of the query, in its heading or text? */
static bool section_has_match(struct app *app, struct plan_view *pv, int i)
{
	if (filter_active(&pv->filter) && !pv->keep[i])
		return false;
	struct section_item *items = NULL;
	int n = 0;
	struct cchc_err err;
	struct sbuf all = SBUF_INIT;
	sbuf_add(&all, pv->sec[i].heading);
	if (section_items(app->db, pv->sec[i].id, &items, &n, &err) == CCHC_OK)
		for (int k = 0; k < n; k++)
			sbuf_addf(&all, "\n%s", items[k].text);
	section_items_free(items, n);
	bool found = text_query_matches_all(hl_query(pv), all.s);
	sbuf_free(&all);
	return found;
}

/* Goes on to the next (previous) section with a match, round the plan. */
static int section_step(struct app *app, struct plan_view *pv, int dir)
{
	int base = pv->sel >= 0 ? pv->sel : dir > 0 ? -1 : pv->nsec;
	for (int k = 1; k <= pv->nsec; k++) {
		int raw = base + dir * k, i = (raw % pv->nsec + pv->nsec) % pv->nsec;
		if (!section_has_match(app, pv, i))
			continue;
		if (raw != i)
			app_message(app, false, dir > 0 ? "Đã tới cuối kế hoạch, tìm tiếp từ đầu"
						   : "Đã tới đầu kế hoạch, tìm tiếp từ cuối");
		if (i == pv->sel)
			return pane_step(pv, dir, true) ? UI_VIEW : UI_STATUS;
		open_ancestors(pv, i);
		select_section(pv, i);
		pv->text.want = dir;
		return UI_VIEW;
	}
	app_message(app, true, "Không thấy \"%s\" trong kế hoạch này", pv->hl.text);
	return UI_STATUS;
}

static int match_step(struct app *app, struct plan_view *pv, int dir)
{
	sync_highlight(app, pv);
	if (!hl_query(pv)) {
		app_message(app, true, "Chưa tìm gì: lọc bằng / hoặc tìm bằng F5 trước");
		return UI_STATUS;
	}
	if (pv->sel >= 0 && pv->text.sel == pv->sel && pane_step(pv, dir, false))
		return UI_VIEW;
	return section_step(app, pv, dir);
}

static int prefix_width(const char *s, size_t n)
{
	char *p = xstrndup(s, n);
	int w = text_width(p);
	free(p);
	return w;
}

static void draw_tline(struct plan_view *pv, int i, int y, struct rect r)
{
	const struct tline *l = &pv->text.l.v[i];
	int x = r.x + l->x;
	if (l->pre)
		x += draw_text(y, x, r.w - l->x, l->pre, theme_attr(l->pre_el)) + 1;
	struct text_span sp[MAX_SPANS];
	int n = line_matches(pv, l, sp);
	draw_text_spans(y, x, r.x + r.w - x, l->text, theme_attr(l->el), sp, n, theme_attr(EL_MATCH));
	if (i == pv->text.mline && pv->text.mspan < n) {
		const struct text_span *m = &sp[pv->text.mspan];
		int col = prefix_width(l->text, m->start);
		draw_textn(y, x + col, r.x + r.w - x - col, l->text + m->start, m->end - m->start,
			   theme_attr(EL_MATCH_CURRENT));
	}
}

static void draw_text_pane(struct app *app, struct plan_view *pv, struct rect r)
{
	struct text_pane *t = &pv->text;
	sync_highlight(app, pv);
	if (t->sel != pv->sel || t->l.width != r.w)
		text_build(app, pv, r.w);
	t->scroll.cur = t->scroll.top;
	list_fit(&t->scroll, r.h);
	if (t->want) {
		pane_step(pv, t->want, true);
		t->want = 0;
		t->scroll.cur = t->scroll.top;
		list_fit(&t->scroll, r.h);
	}
	draw_fill_rect(r, theme_attr(EL_TEXT));
	for (int i = 0; i < r.h && t->scroll.top + i < t->l.n; i++)
		draw_tline(pv, t->scroll.top + i, r.y + i, r);
}

static void draw_rule(int y, int sep, int w)
{
	attr_t a = theme_attr(EL_BORDER);
	for (int x = 0; x < w; x++)
		draw_text(y, x, 1, x == sep ? "┬" : "─", a);
}

static void draw_scroll_marks(struct plan_view *pv, struct rect r, int x)
{
	attr_t a = theme_attr(EL_BORDER);
	if (pv->text.scroll.top > 0)
		draw_text(r.y, x, 1, "↑", a);
	if (pv->text.scroll.top + r.h < pv->text.l.n)
		draw_text(r.y + r.h - 1, x, 1, "↓", a);
}

static void plan_refresh(struct app *app, struct plan_view *pv);

static void plan_draw(struct app *app, void *st, struct rect r)
{
	struct plan_view *pv = st;
	if (pv->version != app->data_version)
		plan_refresh(app, pv);
	draw_fill_rect(r, theme_attr(EL_TEXT));
	if (!pv->have_plan) {
		const char *msg = "Chưa có kế hoạch nào. Bấm i để nhập kế hoạch từ tệp (.docx, .pdf, "
				  ".txt).";
		draw_text_clip(r.y + r.h / 2, r.x + 2, r.w - 4, msg, theme_attr(EL_TEXT));
		return;
	}
	int left = r.w * 2 / 5;
	left = left < 30 ? 30 : left > 56 ? 56 : left;
	draw_header(pv, r);
	draw_rule(r.y + 2, left, r.w);
	struct rect panes = { r.y + 3, r.x, r.h - 3, r.w };
	draw_outline(pv, (struct rect){ panes.y, 0, panes.h, left });
	draw_vline(panes.y, left, panes.h, theme_attr(EL_BORDER));
	struct rect text = { panes.y, left + 2, panes.h, r.w - left - 3 };
	draw_text_pane(app, pv, text);
	draw_scroll_marks(pv, text, left);
}

/* ---- actions ---- */

static bool has_children(const struct plan_view *pv)
{
	return pv->sel >= 0 && pv->sec[pv->sel].nchildren > 0;
}

static int set_open(struct plan_view *pv, bool open)
{
	if (!has_children(pv) || pv->open[pv->sel] == open)
		return UI_NONE;
	pv->open[pv->sel] = open;
	select_section(pv, pv->sel);
	return UI_VIEW;
}

static int move_parent(struct plan_view *pv)
{
	int p = pv->sel >= 0 ? parent_index(pv, pv->sel) : -1;
	if (p < 0)
		return UI_NONE;
	select_section(pv, p);
	return UI_VIEW;
}

static int expand(struct plan_view *pv)
{
	if (has_children(pv) && pv->open[pv->sel] && pv->sel + 1 < pv->nsec) {
		select_section(pv, pv->sel + 1);
		return UI_VIEW;
	}
	return set_open(pv, true);
}

static int collapse(struct plan_view *pv)
{
	if (has_children(pv) && pv->open[pv->sel])
		return set_open(pv, false);
	return move_parent(pv);
}

static int set_all(struct plan_view *pv, bool open)
{
	for (int i = 0; i < pv->nsec; i++)
		pv->open[i] = open;
	select_section(pv, pv->sel);
	return UI_VIEW;
}

/* ---- the filter (/) ---- */

/* The sections' text, read once per plan load: the filter runs on every
 * key typed, and a plan has hundreds of sections, not millions. */
static void load_bodies(struct app *app, struct plan_view *pv)
{
	struct cchc_err err;
	if (pv->body || !pv->nsec)
		return;
	if (section_texts(app->db, pv->plan_id, &pv->body, &pv->nbody, &err) != CCHC_OK) {
		app_message(app, true, "%s", err.msg);
		pv->body = NULL;
		pv->nbody = 0;
	}
}

static bool section_matches(const struct plan_view *pv, int i)
{
	struct sbuf b = SBUF_INIT;
	sbuf_addf(&b, "%s %s\n%s", pv->sec[i].label, pv->sec[i].heading,
		  i < pv->nbody ? pv->body[i] : "");
	bool m = filter_match(&pv->filter, b.s);
	sbuf_free(&b);
	return m;
}

/* Marks the sections the filter shows: those whose heading or text matches,
 * and their ancestors. */
static int mark_matches(struct app *app, struct plan_view *pv)
{
	int first = -1;
	load_bodies(app, pv);
	pv->nmatch = 0;
	memset(pv->keep, 0, (size_t)pv->nsec);
	for (int i = 0; i < pv->nsec; i++) {
		if (!section_matches(pv, i))
			continue;
		pv->keep[i] = KEEP_MATCH;
		pv->nmatch++;
		first = first < 0 ? i : first;
		for (int p = parent_index(pv, i); p >= 0 && !pv->keep[p]; p = parent_index(pv, p))
			pv->keep[p] = KEEP_ANCESTOR;
	}
	return first;
}

/* Drops the filter, keeping the selected section in view. */
static void drop_filter(struct plan_view *pv)
{
	filter_clear(&pv->filter);
	pv->nmatch = 0;
	if (pv->sel >= 0)
		open_ancestors(pv, pv->sel);
	select_section(pv, pv->sel >= 0 ? pv->sel : 0);
}

static int apply_filter(struct app *app, void *ctx, const char *text)
{
	struct plan_view *pv = ctx;
	filter_set(&pv->filter, text);
	app_set_query(app, pv->filter.text, false);
	if (!filter_active(&pv->filter)) {
		drop_filter(pv);
		return UI_VIEW;
	}
	int first = mark_matches(app, pv);
	bool keep_sel = pv->sel >= 0 && pv->keep[pv->sel] == KEEP_MATCH;
	select_section(pv, keep_sel ? pv->sel : first >= 0 ? first : 0);
	return UI_VIEW;
}

static int cancel_filter(struct app *app, void *ctx, const char *text)
{
	struct plan_view *pv = ctx;
	app_set_query(app, NULL, false);
	drop_filter(pv);
	return UI_VIEW;
}

static void filter_extra(struct app *app, void *ctx, struct sbuf *out)
{
	struct plan_view *pv = ctx;
	filter_count(filter_active(&pv->filter) ? pv->nmatch : pv->nsec, pv->nsec, out);
}

static int open_filter(struct app *app, struct plan_view *pv)
{
	static const struct prompt_ops ops = {
		.done = apply_filter, .changed = apply_filter, .cancel = cancel_filter,
		.extra = filter_extra,
	};
	return app_modal_open(app, prompt_open_with("lọc:", pv->filter.text, &ops, pv));
}

/* ---- reading the plan again after a write ---- */

/* The ids of the open sections (0 for closed ones), and the selected one. */
static int64_t *open_ids(const struct plan_view *pv, int64_t *sel)
{
	int64_t *ids = xcalloc((size_t)pv->nsec + 1, sizeof *ids);
	for (int i = 0; i < pv->nsec; i++)
		ids[i] = pv->open[i] ? pv->sec[i].id : 0;
	*sel = pv->sel >= 0 ? pv->sec[pv->sel].id : 0;
	return ids;
}

/* Opens the sections open before (ids, n of them) and selects sel. */
static void reopen(struct plan_view *pv, const int64_t *ids, int n, int64_t sel)
{
	int at = 0;
	for (int i = 0; i < pv->nsec; i++) {
		if (pv->sec[i].id == sel)
			at = i;
		for (int k = 0; k < n; k++)
			if (ids[k] == pv->sec[i].id)
				pv->open[i] = true;
	}
	select_section(pv, at);
}

/* After a write (an undo, a plan restored from the trash, a section
 * mapped): reads the plan again, keeping what is open and selected, the
 * filter and the text pane's scroll; the current plan when it is gone. */
static void plan_refresh(struct app *app, struct plan_view *pv)
{
	pv->version = app->data_version;
	int64_t sel, *ids = open_ids(pv, &sel);
	int n = pv->nsec, top = pv->text.scroll.top;
	char *filter = pv->filter.text ? xstrdup(pv->filter.text) : NULL;
	if ((!pv->have_plan || plan_load(app, pv, pv->plan_id)) &&
	    plan_load(app, pv, app_plan_id(app)) && plan_load(app, pv, 0))
		pv->have_plan = false;
	reopen(pv, ids, n, sel);
	if (filter && pv->have_plan) {
		filter_set(&pv->filter, filter);
		mark_matches(app, pv);
		select_section(pv, pv->sel >= 0 ? pv->sel : 0);
	}
	if (pv->sel >= 0 && pv->sec[pv->sel].id == sel) {
		pv->text.sel = pv->sel;    /* the same section: keep its scroll */
		pv->text.scroll.top = top;
		pv->text.l.width = -1;
	}
	free(filter);
	free(ids);
}

static void plan_status(struct app *app, void *st, struct sbuf *out)
{
	struct plan_view *pv = st;
	filter_status(&pv->filter, pv->nmatch, pv->nsec, out);
}

/* Esc: drops the filter and the highlighted words. */
static int plan_cancel(struct app *app, struct plan_view *pv)
{
	if (!filter_active(&pv->filter) && !app->query)
		return UI_NONE;
	return cancel_filter(app, pv, NULL);
}

/* Folds a label or what the clerk typed for comparison: "(2)" -> "2",
 * "II." -> "ii", "Đ)" -> "đ", "1.2" -> "1.2". */
static void label_key(const char *s, char *out, size_t n)
{
	size_t o = 0;
	while (*s == ' ' || *s == '(')
		s++;
	for (; *s && o + 3 < n; s++) {
		if ((unsigned char)s[0] == 0xc4 && (unsigned char)s[1] == 0x90) {
			out[o++] = (char)0xc4;
			out[o++] = (char)0x91;
			s++;
		} else
			out[o++] = (*s >= 'A' && *s <= 'Z') ? (char)(*s | 0x20) : *s;
	}
	while (o && (out[o - 1] == '.' || out[o - 1] == ')' || out[o - 1] == ' ' ||
		     out[o - 1] == ':'))
		o--;
	out[o] = '\0';
}

static int jump_done(struct app *app, void *ctx, const char *text)
{
	struct plan_view *pv = ctx;
	char want[64], have[64];
	label_key(text, want, sizeof want);
	if (!want[0])
		return UI_NONE;
	for (int k = 1; k <= pv->nsec; k++) {
		int i = (pv->sel + k) % pv->nsec;
		label_key(pv->sec[i].label, have, sizeof have);
		if (strcmp(want, have) == 0) {
			if (filter_active(&pv->filter) && !pv->keep[i])
				drop_filter(pv);
			open_ancestors(pv, i);
			select_section(pv, i);
			return UI_VIEW;
		}
	}
	char *shown = text_sanitize(text);
	app_message(app, true, "Không có mục \"%s\" trong kế hoạch này", shown);
	free(shown);
	return UI_STATUS;
}

static int plan_chosen(struct app *app, void *ctx, int64_t id)
{
	struct plan_view *pv = ctx;
	struct cchc_err err;
	char v[32];
	snprintf(v, sizeof v, "%lld", (long long)id);
	if (!app->db->readonly && (db_begin(app->db, &err) ||
				   db_setting_set(app->db, "ui.plan_id", v, &err) ||
				   db_commit(app->db, &err))) {
		db_rollback(app->db);
		app_message(app, true, "Không lưu được lựa chọn: %s", err.msg);
	}
	if (plan_load(app, pv, id))
		app_message(app, true, "Không mở được kế hoạch này");
	return UI_ALL;
}

static int plan_go(struct app *app, void *st, const char *kind, int64_t id, int64_t plan_id)
{
	struct plan_view *pv = st;
	bool section = strcmp(kind, "section") == 0;
	if (!section && strcmp(kind, "plan") != 0)
		return -1;
	int64_t want = section ? plan_id : id;
	if (!pv->have_plan || pv->plan_id != want)
		plan_chosen(app, pv, want);
	for (int i = 0; section && pv->have_plan && i < pv->nsec; i++) {
		if (pv->sec[i].id != id)
			continue;
		if (filter_active(&pv->filter) && !pv->keep[i])
			drop_filter(pv);
		open_ancestors(pv, i);
		select_section(pv, i);
		pv->text.want = 1;
	}
	return UI_ALL;
}

static int outline_action(struct plan_view *pv, enum action a)
{
	switch (a) {
	case ACT_MOVE_PARENT: return move_parent(pv);
	case ACT_EXPAND: return expand(pv);
	case ACT_COLLAPSE: return collapse(pv);
	case ACT_TOGGLE: case ACT_SELECT: return set_open(pv, has_children(pv) && !pv->open[pv->sel]);
	case ACT_EXPAND_ALL: return set_all(pv, true);
	case ACT_COLLAPSE_ALL: return set_all(pv, false);
	default: break;
	}
	if (!pv->nvis || !list_move(&pv->outline, a))
		return UI_NONE;
	pv->sel = pv->vis[pv->outline.cur];
	return UI_VIEW;
}

/* ---- mapping a section to a criterion (m) ---- */

static int criterion_chosen(struct app *app, void *ctx, int64_t id, const char *value)
{
	int64_t section = (int64_t)(intptr_t)ctx;
	struct cchc_err err = { 0 };
	if (criteria_map(app->db, section, 0, id, &err)) {
		app_message(app, true, "Chưa gắn: %s", err.msg);
		return UI_ALL;
	}
	app->data_version++;
	app_message(app, false, "Đã gắn mục với tiêu chí %s", value);
	return UI_ALL;
}

/* The criterion criteria_suggest proposes for the section, in any
 * catalogue (the newest first), or 0. */
static int64_t suggested_criterion(struct app *app, int64_t plan_id, int64_t section)
{
	struct catalogue_info *cat;
	int ncat;
	struct cchc_err err;
	int64_t found = 0;
	if (criteria_catalogues(app->db, &cat, &ncat, &err))
		return 0;
	for (int i = 0; i < ncat && !found; i++) {
		struct criteria_suggestion *s;
		int n;
		if (criteria_suggest(app->db, plan_id, cat[i].id, &s, &n, &err))
			continue;
		for (int k = 0; k < n && !found; k++)
			if (s[k].section_id == section)
				found = s[k].criterion_id;
		criteria_suggestions_free(s, n);
	}
	catalogues_free(cat, ncat);
	return found;
}

static int map_section(struct app *app, struct plan_view *pv)
{
	if (pv->sel < 0)
		return UI_NONE;
	struct criterion_row *c;
	int n;
	struct cchc_err err = { 0 };
	if (criteria_list(app->db, 0, NULL, 0, &c, &n, &err)) {
		app_message(app, true, "%s", err.msg);
		return UI_STATUS;
	}
	if (!n) {
		criteria_list_free(c, n);
		app_message(app, true, "Chưa có bộ tiêu chí nào (nạp bằng cchc criteria load)");
		return UI_STATUS;
	}
	struct choice_item *v = xcalloc((size_t)n, sizeof *v);
	for (int i = 0; i < n; i++)
		v[i] = (struct choice_item){ c[i].id, c[i].code, c[i].name };
	int64_t section = pv->sec[pv->sel].id;
	struct modal *m = choice_open("Gắn mục với tiêu chí", v, n, criterion_chosen,
				      (void *)(intptr_t)section);
	int64_t s = suggested_criterion(app, pv->plan_id, section);
	if (s)
		choice_select(m, s);
	free(v);
	criteria_list_free(c, n);
	return app_modal_open(app, m);
}

/* ---- correcting the plan (I, e, [, ], ^, >): one action each, undone by u ---- */

enum { PF_MAX = 16 };

/* The form of the plan's header fields: only the fields changed are
 * written (a stored value the form shows otherwise, the signer block's
 * lines joined by " / ", is not rewritten by a save that left it alone). */
struct plan_form {
	int64_t plan_id;
	char *shown[PF_MAX];
};

static void plan_form_free(void *ctx)
{
	struct plan_form *pf = ctx;
	for (int i = 0; i < PF_MAX; i++)
		free(pf->shown[i]);
	free(pf);
}

static int plan_form_save(struct app *app, struct form *f)
{
	struct plan_form *pf = f->ctx;
	const char *names[PF_MAX], *values[PF_MAX];
	int n = 0;
	for (int i = 0; plan_fields[i].name && i < PF_MAX; i++)
		if (strcmp(form_text(f, i), pf->shown[i]) != 0) {
			names[n] = plan_fields[i].name;
			values[n++] = form_text(f, i);
		}
	struct cchc_err err = { 0 };
	if (!n)
		return UI_ALL;
	if (plan_update(app->db, pf->plan_id, names, values, n, &err)) {
		/* the fields checked: the title, the date line, the year */
		int bad = strstr(err.msg, "Năm") ? 3 : strstr(err.msg, "Ngày") ? 2 : 0;
		form_error(f, bad, "%s", err.msg);
		return -1;
	}
	app->data_version++;
	app_message(app, false, "Đã sửa thông tin kế hoạch (u: hoàn tác)");
	return UI_ALL;
}

/* A stored value as the form shows it: one line, lines joined by " / ". */
static char *field_shown(const char *v)
{
	struct sbuf b = SBUF_INIT;
	sbuf_add(&b, "");
	for (const char *p = v ? v : ""; *p; p++)
		if (*p == '\n')
			sbuf_add(&b, " / ");
		else
			sbuf_addc(&b, *p);
	char *sq = text_squeeze(b.s), *clean = text_sanitize(sq);
	free(sq);
	sbuf_free(&b);
	return clean;
}

static int edit_plan(struct app *app, struct plan_view *pv)
{
	static const struct form_ops ops = { .save = plan_form_save, .free = plan_form_free };
	const char *labels[PF_MAX];
	int n = 0;
	for (; plan_fields[n].name && n < PF_MAX; n++)
		labels[n] = plan_fields[n].label;
	struct plan_form *pf = xcalloc(1, sizeof *pf);
	pf->plan_id = pv->plan_id;
	struct form *f = form_new("Sửa thông tin kế hoạch", labels, n, &ops, pf);
	const struct plan_info *p = &pv->info;
	char year[12] = "";
	if (p->year > 0)
		snprintf(year, sizeof year, "%d", p->year);
	const char *now[] = { p->title, p->doc_no, p->date_text, year, p->parent_body, p->issuer,
			      p->place, p->signer_authority, p->signer_title, p->signer_name };
	for (int i = 0; i < n && i < (int)(sizeof now / sizeof now[0]); i++) {
		pf->shown[i] = field_shown(now[i]);
		form_set(f, i, pf->shown[i]);
		form_hint(f, i, plan_fields[i].hint);
	}
	return app_modal_open(app, &f->m);
}

/* The section editor: its first line is the heading, each line after it a
 * paragraph, so Enter splits a paragraph and Backspace at a line's start
 * joins it to the one above. ctx: the section's id. */
static int section_save(struct app *app, void *ctx, const char *text)
{
	size_t n = strcspn(text, "\n");
	char *heading = xstrndup(text, n);
	struct cchc_err err = { 0 };
	int rc = section_update(app->db, *(int64_t *)ctx, heading, text + n + (text[n] == '\n'),
				&err);
	free(heading);
	if (rc) {
		app_message(app, true, "Chưa lưu: %s", err.msg);
		return -1;
	}
	app->data_version++;
	app_message(app, false, "Đã sửa mục (u: hoàn tác)");
	return UI_ALL;
}

static int edit_section(struct app *app, struct plan_view *pv)
{
	static const struct textedit_ops ops = { section_save, free };
	const struct section_info *s = &pv->sec[pv->sel];
	char *body = NULL;
	struct cchc_err err = { 0 };
	if (section_text(app->db, s->id, &body, &err)) {
		app_message(app, true, "%s", err.msg);
		return UI_STATUS;
	}
	struct sbuf b = SBUF_INIT;
	sbuf_addf(&b, "%s\n%s", s->heading, body);
	free(body);
	int64_t *id = xcalloc(1, sizeof *id);
	*id = s->id;
	char title[96];
	snprintf(title, sizeof title, "Sửa mục %.40s", s->label);
	int r = app_modal_open(app, textedit_open(title, "Dòng đầu: đề mục. Mỗi dòng sau: một đoạn "
						  "(\"- \" đầu dòng: ý liệt kê). C-o: lưu", b.s,
						  &ops, id));
	sbuf_free(&b);
	return r;
}

static int move_section(struct app *app, struct plan_view *pv, int dir)
{
	struct cchc_err err = { 0 };
	if (section_move(app->db, pv->sec[pv->sel].id, dir, &err)) {
		app_message(app, true, "%s", err.msg);
		return UI_STATUS;
	}
	app->data_version++;
	app_message(app, false, dir < 0 ? "Đã chuyển mục lên (u: hoàn tác)"
					: "Đã chuyển mục xuống (u: hoàn tác)");
	return UI_ALL;
}

static int join_section(struct app *app, struct plan_view *pv)
{
	struct cchc_err err = { 0 };
	int64_t into = 0;
	if (section_join_previous(app->db, pv->sec[pv->sel].id, &into, &err)) {
		app_message(app, true, "%s", err.msg);
		return UI_STATUS;
	}
	/* the refresh keeps the selected id: the section joined into */
	pv->sec[pv->sel].id = into;
	app->data_version++;
	app_message(app, false, "Đã nối mục vào mục trước (u: hoàn tác)");
	return UI_ALL;
}

/* ---- moving a section under another parent (>) ---- */

static int under_chosen(struct app *app, void *ctx, int64_t parent, const char *value)
{
	struct plan_view *pv = ctx;
	struct cchc_err err = { 0 };
	(void)value;
	if (pv->sel < 0)
		return UI_NONE;
	if (section_move_under(app->db, pv->sec[pv->sel].id, parent, 0, &err)) {
		app_message(app, true, "Chưa chuyển: %s", err.msg);
		return UI_STATUS;
	}
	/* the refresh reopens by id: open the new parent so the section shows */
	for (int i = 0; i < pv->nsec; i++)
		if (pv->sec[i].id == parent) {
			pv->open[i] = true;
			open_ancestors(pv, i);
			app_message(app, false, "Đã chuyển mục vào dưới mục «%s %s» (u: hoàn tác)",
				    pv->sec[i].label, pv->sec[i].heading);
		}
	if (!parent)
		app_message(app, false, "Đã chuyển mục ra cấp cao nhất (u: hoàn tác)");
	app->data_version++;
	return UI_ALL;
}

/* The section the picker starts on: the sibling just before (an item the
 * importer put a level too high mostly belongs under it), else the parent. */
static int64_t likely_parent(const struct plan_view *pv)
{
	const struct section_info *s = &pv->sec[pv->sel];
	for (int i = pv->sel - 1; i >= 0 && pv->sec[i].depth >= s->depth; i--)
		if (pv->sec[i].depth == s->depth)
			return pv->sec[i].id;
	return s->parent_id;
}

/* Picks the new parent among the plan's sections, by number and heading,
 * leaving out the section and its subsections (it cannot go under them);
 * the first choice is the top level. */
static int move_under(struct app *app, struct plan_view *pv)
{
	struct choice_item *v = xcalloc((size_t)pv->nsec + 1, sizeof *v);
	char **num = xcalloc((size_t)pv->nsec + 1, sizeof *num);
	int n = 1, depth = pv->sec[pv->sel].depth;
	num[0] = xstrdup("—");
	v[0] = (struct choice_item){ 0, num[0], "Cấp cao nhất (không thuộc mục nào)" };
	for (int i = 0; i < pv->nsec; i++) {
		if (i == pv->sel)
			for (i++; i < pv->nsec && pv->sec[i].depth > depth; i++)
				;
		if (i >= pv->nsec)
			break;
		struct sbuf b = SBUF_INIT;
		sbuf_addf(&b, "%*s%s", 2 * pv->sec[i].depth, "", pv->sec[i].label);
		num[n] = b.s;
		v[n] = (struct choice_item){ pv->sec[i].id, num[n], pv->sec[i].heading };
		n++;
	}
	struct modal *m = choice_open("Chuyển mục vào dưới mục (gõ để lọc)", v, n, under_chosen,
				      pv);
	choice_select(m, likely_parent(pv));
	for (int i = 0; i < n; i++)
		free(num[i]);
	free(num);
	free(v);
	return app_modal_open(app, m);
}

static int edit_action(struct app *app, struct plan_view *pv, enum action a)
{
	if (a == ACT_PLAN_EDIT)
		return edit_plan(app, pv);
	if (a != ACT_SECTION_EDIT && a != ACT_SECTION_UP && a != ACT_SECTION_DOWN &&
	    a != ACT_SECTION_JOIN && a != ACT_SECTION_UNDER)
		return -1;
	if (pv->sel < 0)
		return UI_NONE;
	switch (a) {
	case ACT_SECTION_EDIT: return edit_section(app, pv);
	case ACT_SECTION_UP: return move_section(app, pv, -1);
	case ACT_SECTION_DOWN: return move_section(app, pv, 1);
	case ACT_SECTION_JOIN: return join_section(app, pv);
	case ACT_SECTION_UNDER: return move_under(app, pv);
	default: return -1;
	}
}

static int plan_handle(struct app *app, void *st, enum action a)
{
	struct plan_view *pv = st;
	if (a == ACT_PLAN_PICK)
		return app_modal_open(app, plan_picker_open(app, pv->plan_id, plan_chosen, pv));
	if (a == ACT_PLAN_IMPORT)
		return app_modal_open(app, plan_import_open(app, plan_chosen, pv));
	if (!pv->have_plan)
		return UI_NONE;
	int r = edit_action(app, pv, a);
	if (r != -1)
		return r;
	if (a == ACT_JUMP)
		return app_modal_open(app, prompt_open("Nhảy tới mục (ví dụ 1.2, II, đ):", jump_done, pv));
	if (a == ACT_FILTER)
		return open_filter(app, pv);
	if (a == ACT_CANCEL)
		return plan_cancel(app, pv);
	if (a == ACT_SECTION_TASKS && pv->sel >= 0)
		return app_goto(app, "tasks-section", pv->sec[pv->sel].id, pv->plan_id);
	if (a == ACT_SUGGEST)
		return app_goto(app, "suggestions", pv->plan_id, pv->plan_id);
	if (a == ACT_SECTION_MAP)
		return map_section(app, pv);
	if (a == ACT_MATCH_NEXT || a == ACT_MATCH_PREV)
		return match_step(app, pv, a == ACT_MATCH_NEXT ? 1 : -1);
	if (a >= ACT_TEXT_DOWN && a <= ACT_TEXT_PAGE_UP)
		return list_scroll(&pv->text.scroll, a) ? UI_VIEW : UI_NONE;
	return outline_action(pv, a);
}

/* The plan on screen, for its history. */
static bool plan_record(struct app *app, void *st, const char **table, int64_t *id)
{
	const struct plan_view *pv = st;
	*table = "plan";
	*id = pv->have_plan ? pv->plan_id : 0;
	return pv->have_plan;
}

const struct view_class view_plan = {
	.name = "plan",
	.title = "Kế hoạch",
	.hints = plan_hints,
	.open = plan_open,
	.close = plan_close,
	.draw = plan_draw,
	.handle = plan_handle,
	.status = plan_status,
	.go = plan_go,
	.record = plan_record,
};
