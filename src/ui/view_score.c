/* Chấm điểm: the scorecard of one criteria catalogue (the newest with a
 * year, or the one picked with c) for the catalogue's year (or this year):
 * criteria indented by depth with their maximum, the self-assessed points
 * (an area shows the sum of its leaves, as cchc score list does) and how
 * many evidence records prove them, then the total; below it, the published
 * index results (par, sipas, papi) one line per year with a bar. Enter on a
 * leaf criterion edits its points; i records an index result (index_add)
 * through a small form. */
#include <config.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "core/criteria.h"
#include "text/date.h"
#include "text/utf8.h"
#include "ui/app.h"
#include "ui/choice.h"
#include "ui/form.h"
#include "ui/list.h"

enum row_kind { R_CRIT, R_TOTAL, R_BLANK, R_HEAD, R_INDEX };

struct srow {
	enum row_kind kind;
	bool leaf;
	int depth, nevidence, year, rank, rank_of;
	double max, points;      /* < 0: none */
	char idx[8];
	char *code, *text;       /* sanitised; for an index: its target */
};

struct score_view {
	struct srow *v;
	int n, cap;
	struct list list;
	int64_t cat;             /* 0: the newest catalogue with a year */
	int year;
	char *cat_name;          /* sanitised */
	double total, max;
	bool loaded;
	unsigned version;
};

static const enum action score_hints[] = {
	ACT_HELP, ACT_SELECT, ACT_CATALOGUE_PICK, ACT_INDEX_ADD, ACT_MOVE_DOWN, ACT_QUIT, ACT_NONE
};

/* ---- loading ---- */

static struct srow *add(struct score_view *sv, enum row_kind k, const char *code, const char *text)
{
	if (sv->n == sv->cap) {
		sv->cap = sv->cap ? sv->cap * 2 : 64;
		sv->v = xrealloc(sv->v, (size_t)sv->cap * sizeof *sv->v);
	}
	struct srow *r = &sv->v[sv->n++];
	*r = (struct srow){ .kind = k, .max = -1, .points = -1 };
	r->code = text_sanitize(code ? code : "");
	r->text = text_sanitize(text ? text : "");
	return r;
}

static void rows_clear(struct score_view *sv)
{
	for (int i = 0; i < sv->n; i++) {
		free(sv->v[i].code);
		free(sv->v[i].text);
	}
	sv->n = 0;
}

static int this_year(void)
{
	struct ymd t;
	struct cchc_err err;
	return date_today(&t, &err) == CCHC_OK ? t.y : 2026;
}

/* Chooses the catalogue (the one asked for, else the newest with a year)
 * and the year to score. */
static void pick_catalogue(struct app *app, struct score_view *sv)
{
	struct catalogue_info *c;
	int n, k = -1;
	struct cchc_err err;
	free(sv->cat_name);
	sv->cat_name = NULL;
	if (criteria_catalogues(app->db, &c, &n, &err)) {
		app_message(app, true, "%s", err.msg);
		c = NULL, n = 0;
	}
	for (int i = 0; i < n; i++)
		if (sv->cat ? c[i].id == sv->cat : k < 0)
			k = i;
	sv->cat = k >= 0 ? c[k].id : 0;
	sv->year = k >= 0 && c[k].year ? c[k].year : this_year();
	if (k >= 0)
		sv->cat_name = text_sanitize(c[k].name);
	catalogues_free(c, n);
}

/* Sum of the scored leaves under row i, or -1 if none (as score list). */
static double subtree_points(const struct criterion_row *r, int n, int i)
{
	double sum = 0;
	bool any = false;
	for (int k = i + 1; k < n && r[k].depth > r[i].depth; k++) {
		bool leaf = k + 1 >= n || r[k + 1].depth <= r[k].depth;
		if (leaf && r[k].points >= 0) {
			sum += r[k].points;
			any = true;
		}
	}
	return any ? sum : -1;
}

static void load_criteria(struct app *app, struct score_view *sv)
{
	struct criterion_row *c = NULL;
	int n = 0;
	struct cchc_err err;
	sv->total = sv->max = 0;
	if (sv->cat && criteria_list(app->db, sv->cat, NULL, sv->year, &c, &n, &err)) {
		app_message(app, true, "%s", err.msg);
		c = NULL, n = 0;
	}
	for (int i = 0; i < n; i++) {
		struct srow *r = add(sv, R_CRIT, c[i].code, c[i].name);
		r->leaf = i + 1 >= n || c[i + 1].depth <= c[i].depth;
		r->depth = c[i].depth;
		r->max = c[i].max_points;
		r->points = r->leaf ? c[i].points : subtree_points(c, n, i);
		r->nevidence = c[i].nevidence;
		if (r->leaf && r->points >= 0)
			sv->total += r->points;
		if (r->leaf && r->max >= 0)
			sv->max += r->max;
	}
	if (n) {
		struct srow *t = add(sv, R_TOTAL, NULL, "Tổng");
		t->points = sv->total, t->max = sv->max;
	}
	criteria_list_free(c, n);
}

static void load_indexes(struct app *app, struct score_view *sv)
{
	struct index_row *x;
	int n;
	struct cchc_err err;
	if (index_list(app->db, &x, &n, &err)) {
		app_message(app, true, "%s", err.msg);
		x = NULL, n = 0;
	}
	if (sv->n)
		add(sv, R_BLANK, NULL, NULL);
	add(sv, R_HEAD, NULL, "Kết quả các chỉ số (PAR INDEX, SIPAS: %; PAPI: điểm trên 80)");
	for (int i = 0; i < n; i++) {
		struct srow *r = add(sv, R_INDEX, NULL, x[i].target);
		snprintf(r->idx, sizeof r->idx, "%s", x[i].idx);
		r->year = x[i].year, r->rank = x[i].rank, r->rank_of = x[i].rank_of;
		r->points = x[i].value;
	}
	if (!n)
		add(sv, R_BLANK, NULL, "  (chưa có: cchc index add --year NĂM --index par --value 81,45)");
	index_list_free(x, n);
}

static void load(struct app *app, struct score_view *sv)
{
	rows_clear(sv);
	pick_catalogue(app, sv);
	load_criteria(app, sv);
	load_indexes(app, sv);
	sv->list.n = sv->n;
	if (sv->list.cur >= sv->n)
		sv->list.cur = 0;
	sv->loaded = true;
	sv->version = app->data_version;
}

static void *score_open(struct app *app)
{
	return xcalloc(1, sizeof(struct score_view));
}

static void score_close(void *st)
{
	struct score_view *sv = st;
	rows_clear(sv);
	free(sv->v);
	free(sv->cat_name);
	free(sv);
}

/* ---- drawing ---- */

/* v with a decimal comma and no trailing zeros ("81,45", "3"). */
static void vn_number(double v, char out[32])
{
	snprintf(out, 32, "%.2f", v);
	size_t n = strlen(out);
	while (n > 0 && out[n - 1] == '0')
		out[--n] = '\0';
	if (n > 0 && out[n - 1] == '.')
		out[--n] = '\0';
	for (char *p = out; *p; p++)
		if (*p == '.')
			*p = ',';
}

/* Draws s right-aligned in the w columns ending before x + w. */
static void draw_right(int y, int x, int w, const char *s, attr_t a)
{
	int sw = text_width(s);
	draw_text(y, x + (sw < w ? w - sw : 0), w, s, a);
}

static void draw_points(int y, int w, const struct srow *r, attr_t a, bool cur)
{
	char p[32] = "-", m[32] = "", e[32];
	if (r->points >= 0)
		vn_number(r->points, p);
	if (r->max >= 0)
		vn_number(r->max, m);
	draw_right(y, w - 28, 7, p, a);
	draw_right(y, w - 20, 6, m, a);
	if (r->kind == R_TOTAL)
		return;
	snprintf(e, sizeof e, "%d", r->nevidence);
	bool lacking = r->leaf && r->points >= 0 && !r->nevidence && !cur;
	draw_right(y, w - 12, 10, e, lacking ? theme_attr(EL_EVIDENCE_MISSING) : a);
}

/* The target's position on a bar of w cells scaled to top, or -1 when the
 * target is not a number ("85", "≥ 85%", "45 điểm"; not "tăng 5 bậc"). */
static int target_cell(const char *target, double top, int w)
{
	char buf[64], *end;
	const char *p = target;
	for (;;) {
		if (*p == ' ' || *p == '>' || *p == '=')
			p++;
		else if (strncmp(p, "≥", strlen("≥")) == 0)
			p += strlen("≥");
		else
			break;
	}
	snprintf(buf, sizeof buf, "%s", p);
	for (char *q = buf; *q; q++)
		if (*q == ',')
			*q = '.';
	double v = strtod(buf, &end);
	while (*end == ' ')
		end++;
	bool unit = !*end || strcmp(end, "%") == 0 || strcmp(end, "điểm") == 0;
	if (end == buf || !unit || v < 0 || v > top)
		return -1;
	int c = (int)(v / top * w + 0.5);
	return c >= w ? w - 1 : c;
}

static void draw_index(int y, int w, const struct srow *r, attr_t a, bool cur)
{
	bool papi = strcmp(r->idx, "papi") == 0;
	double top = papi ? 80 : 100;
	int bw = w >= 120 ? 50 : w >= 100 ? 30 : 20, x = 15;
	char year[8], v[48], rank[32];
	draw_text(y, 2, 6, r->idx, a | A_BOLD);
	snprintf(year, sizeof year, "%d", r->year);
	draw_text(y, 9, 4, year, a);
	int fill = (int)(r->points / top * bw + 0.5), mark = target_cell(r->text, top, bw);
	for (int i = 0; i < bw; i++) {
		const char *cell = i == mark ? "|" : i < fill ? "█" : "░";
		draw_text(y, x + i, 1, cell, i < fill && !cur ? theme_attr(EL_AGENDA_BAR) : a);
	}
	x += bw + 1;
	vn_number(r->points, v);
	strcat(v, papi ? " điểm" : "%");
	x += draw_text(y, x, w - x, v, a) + 2;
	if (r->rank) {
		snprintf(rank, sizeof rank, "hạng %d/%d", r->rank, r->rank_of);
		x += draw_text(y, x, w - x, rank, a) + 2;
	}
	if (*r->text && x < w - 1) {
		struct sbuf b = SBUF_INIT;
		sbuf_addf(&b, "mục tiêu: %s", r->text);
		draw_text_clip(y, x, w - x - 1, b.s, a);
		sbuf_free(&b);
	}
}

static void draw_row(struct score_view *sv, int k, int y, int w)
{
	const struct srow *r = &sv->v[k];
	bool cur = k == sv->list.cur;
	attr_t a = theme_attr(cur ? EL_CURSOR : EL_TEXT);
	draw_fill(y, 0, w, a);
	if (cur)
		draw_text(y, 0, 1, "›", a);
	int x = 2 + r->depth * 2;
	switch (r->kind) {
	case R_CRIT:
		x += draw_text(y, x, 6, r->code, r->leaf ? a : a | A_BOLD) + 1;
		draw_text_clip(y, x, w - 29 - x, r->text, r->leaf ? a : a | A_BOLD);
		draw_points(y, w, r, a, cur);
		break;
	case R_TOTAL:
		draw_text(y, 2, 10, r->text, a | A_BOLD);
		draw_points(y, w, r, a | A_BOLD, cur);
		break;
	case R_HEAD: draw_text_clip(y, 2, w - 3, r->text, cur ? a : theme_attr(EL_LIST_HEADER)); break;
	case R_BLANK: draw_text_clip(y, 2, w - 3, r->text, a); break;
	case R_INDEX: draw_index(y, w, r, a, cur); break;
	}
}

static void draw_title(struct score_view *sv, struct rect r)
{
	struct sbuf b = SBUF_INIT;
	if (sv->cat) {
		char t[32], m[32];
		vn_number(sv->total, t);
		vn_number(sv->max, m);
		sbuf_addf(&b, "Chấm điểm năm %d: %s · tự chấm %s/%s", sv->year, sv->cat_name, t, m);
	} else {
		sbuf_add(&b, "Chấm điểm: chưa có bộ tiêu chí (cchc criteria load TỆP)");
	}
	attr_t a = theme_attr(EL_TITLE);
	draw_fill(r.y, 0, r.w, a);
	draw_text_clip(r.y, 1, r.w - 2, b.s, a | A_BOLD);
	sbuf_free(&b);
	attr_t h = theme_attr(EL_LIST_HEADER);
	draw_fill(r.y + 1, 0, r.w, h);
	draw_text(r.y + 1, 2, 10, "Tiêu chí", h);
	draw_right(r.y + 1, r.w - 28, 7, "Tự chấm", h);
	draw_right(r.y + 1, r.w - 20, 6, "Tối đa", h);
	draw_right(r.y + 1, r.w - 12, 10, "Minh chứng", h);
}

static void score_draw(struct app *app, void *st, struct rect r)
{
	struct score_view *sv = st;
	if (!sv->loaded || sv->version != app->data_version)
		load(app, sv);
	draw_fill_rect(r, theme_attr(EL_TEXT));
	draw_title(sv, r);
	list_fit(&sv->list, r.h - 2);
	for (int i = 0; i < sv->list.height && sv->list.top + i < sv->n; i++)
		draw_row(sv, sv->list.top + i, r.y + 2 + i, r.w);
}

/* ---- editing the points of a leaf ---- */

struct points_form {
	struct score_view *sv;
	int64_t cat;
	int year;
	double max;
	char *code;
	char title[96];
};

static void pf_free(void *p)
{
	struct points_form *pf = p;
	free(pf->code);
	free(pf);
}

/* "3,5" or "3.5" */
static bool parse_points(const char *s, double *v)
{
	char buf[64], *end;
	snprintf(buf, sizeof buf, "%s", s);
	for (char *p = buf; *p; p++)
		if (*p == ',')
			*p = '.';
	*v = strtod(buf, &end);
	while (*end == ' ')
		end++;
	return *buf && end != buf && !*end && !isnan(*v);
}

static int pf_save(struct app *app, struct form *f)
{
	struct points_form *pf = f->ctx;
	double v;
	char m[32];
	vn_number(pf->max, m);
	form_clear_errors(f);
	if (!parse_points(form_text(f, 0), &v)) {
		form_error(f, 0, "Điểm «%s» không phải là số (ví dụ 2,5)", form_text(f, 0));
		return -1;
	}
	if (v < 0 || (pf->max >= 0 && v > pf->max)) {
		form_error(f, 0, "Điểm phải từ 0 đến %s", m);
		return -1;
	}
	struct cchc_err err = { 0 };
	if (score_set(app->db, pf->cat, pf->code, pf->year, v, &err)) {
		form_error(f, 0, "%s", err.msg);
		return -1;
	}
	app->data_version++;
	vn_number(v, m);
	app_message(app, false, "Đã ghi %s điểm cho tiêu chí %s năm %d", m, pf->code, pf->year);
	return UI_ALL;
}

static const struct form_ops points_ops = { NULL, pf_save, pf_free };

static int edit_points(struct app *app, struct score_view *sv, const struct srow *r)
{
	static const char *const label[] = { "Điểm tự chấm" };
	struct points_form *pf = xcalloc(1, sizeof *pf);
	*pf = (struct points_form){ sv, sv->cat, sv->year, r->max, xstrdup(r->code), "" };
	snprintf(pf->title, sizeof pf->title, "Tiêu chí %s, năm %d", r->code, sv->year);
	struct form *f = form_new(pf->title, label, 1, &points_ops, pf);
	char p[32] = "", m[32] = "?", hint[96];
	if (r->points >= 0)
		vn_number(r->points, p);
	if (r->max >= 0)
		vn_number(r->max, m);
	form_set(f, 0, p);
	snprintf(hint, sizeof hint, "từ 0 đến %s điểm", m);
	form_hint(f, 0, hint);
	return app_modal_open(app, &f->m);
}

/* ---- recording an index result (i) ---- */

enum { I_YEAR, I_IDX, I_VALUE, I_RANK, I_TARGET, NI };

struct index_form {
	struct form_cand idx[3];
};

static void if_free(void *p)
{
	struct index_form *xf = p;
	for (int i = 0; i < 3; i++) {
		free(xf->idx[i].value);
		free(xf->idx[i].label);
	}
	free(xf);
}

/* "12/63" or empty (no rank). */
static bool parse_rank(const char *s, int *rank, int *of)
{
	char tail;
	*rank = *of = 0;
	if (!*s)
		return true;
	return sscanf(s, " %d / %d %c", rank, of, &tail) == 2 && *rank > 0 && *of >= *rank;
}

static int if_save(struct app *app, struct form *f)
{
	struct index_row r = { 0 };
	form_clear_errors(f);
	bool ok = true;
	char *end;
	const char *y = form_text(f, I_YEAR);
	long year = strtol(y, &end, 10);
	if (!*y || *end || year < 1990 || year > 2999) {
		form_error(f, I_YEAR, "Năm «%s» không hợp lệ (ví dụ 2025)", y);
		ok = false;
	}
	r.year = (int)year;
	int k = form_find(&f->f[I_IDX], form_text(f, I_IDX));
	if (k < 0) {
		form_error(f, I_IDX, "Chọn chỉ số: par, sipas hoặc papi");
		ok = false;
	} else {
		snprintf(r.idx, sizeof r.idx, "%s", f->f[I_IDX].cand[k].value);
	}
	if (!parse_points(form_text(f, I_VALUE), &r.value)) {
		form_error(f, I_VALUE, "Giá trị «%s» không phải là số (ví dụ 81,45)", form_text(f, I_VALUE));
		ok = false;
	}
	else if (k >= 0 && (r.value < 0 || r.value > (strcmp(r.idx, "papi") ? 100 : 80))) {
		char v[32];
		vn_number(r.value, v);
		form_error(f, I_VALUE, "Giá trị %s ngoài khoảng 0..%d của %s", v,
			   strcmp(r.idx, "papi") ? 100 : 80, r.idx);
		ok = false;
	}
	if (!parse_rank(form_text(f, I_RANK), &r.rank, &r.rank_of)) {
		form_error(f, I_RANK, "Thứ hạng «%s» không hợp lệ: ghi hạng/số đơn vị, ví dụ 12/63",
			   form_text(f, I_RANK));
		ok = false;
	}
	r.target = (char *)form_text(f, I_TARGET);
	struct cchc_err err = { 0 };
	if (ok && index_add(app->db, &r, &err)) {
		int i = strncmp(err.msg, "Chỉ số", strlen("Chỉ số")) == 0 ? I_IDX
			: strncmp(err.msg, "Thứ hạng", strlen("Thứ hạng")) == 0 ? I_RANK : I_VALUE;
		form_error(f, i, "%s", err.msg);
		ok = false;
	}
	if (!ok) {
		form_focus_error(f);
		return -1;
	}
	app->data_version++;
	char v[32];
	vn_number(r.value, v);
	app_message(app, false, "Đã ghi %s năm %d: %s", r.idx, r.year, v);
	return UI_ALL;
}

static const struct form_ops index_ops = { NULL, if_save, if_free };

static int add_index(struct app *app, struct score_view *sv)
{
	static const char *const label[NI] = { "Năm", "Chỉ số", "Giá trị", "Thứ hạng", "Mục tiêu" };
	static const char *const names[3][2] = {
		{ "par", "PAR INDEX, %" }, { "sipas", "SIPAS, % hài lòng" }, { "papi", "PAPI, điểm trên 80" },
	};
	struct index_form *xf = xcalloc(1, sizeof *xf);
	for (int i = 0; i < 3; i++)
		xf->idx[i] = (struct form_cand){ i + 1, xstrdup(names[i][0]), xstrdup(names[i][1]) };
	struct form *f = form_new("Ghi kết quả chỉ số", label, NI, &index_ops, xf);
	f->f[I_IDX].cand = xf->idx, f->f[I_IDX].ncand = 3;
	char y[16];
	snprintf(y, sizeof y, "%d", sv->year ? sv->year : this_year());
	form_set(f, I_YEAR, y);
	form_hint(f, I_IDX, "par, sipas hoặc papi");
	form_hint(f, I_VALUE, "PAR INDEX, SIPAS: %; PAPI: điểm (0-80); ví dụ 81,45");
	form_hint(f, I_RANK, "hạng/số đơn vị, ví dụ 12/63 (có thể để trống)");
	form_hint(f, I_TARGET, "ví dụ 85, ≥ 85% hoặc tăng 5 bậc (có thể để trống)");
	return app_modal_open(app, &f->m);
}

/* ---- choosing a catalogue ---- */

static int catalogue_chosen(struct app *app, void *ctx, int64_t id, const char *value)
{
	struct score_view *sv = ctx;
	sv->cat = id;
	sv->loaded = false;
	sv->list.cur = sv->list.top = 0;
	return UI_ALL;
}

static int choose_catalogue(struct app *app, struct score_view *sv)
{
	struct catalogue_info *c;
	int n;
	struct cchc_err err;
	if (criteria_catalogues(app->db, &c, &n, &err) || !n) {
		app_message(app, true, "Chưa có bộ tiêu chí nào (cchc criteria load TỆP)");
		return UI_STATUS;
	}
	struct choice_item *v = xcalloc((size_t)n, sizeof *v);
	char (*lab)[32] = xcalloc((size_t)n, sizeof *lab);
	for (int i = 0; i < n; i++) {
		if (c[i].year)
			snprintf(lab[i], sizeof lab[i], "%s %d", c[i].idx, c[i].year);
		else
			snprintf(lab[i], sizeof lab[i], "%s", c[i].idx);
		v[i] = (struct choice_item){ c[i].id, c[i].name, lab[i] };
	}
	struct modal *m = choice_open("Chọn bộ tiêu chí", v, n, catalogue_chosen, sv);
	free(v);
	free(lab);
	catalogues_free(c, n);
	return app_modal_open(app, m);
}

static int score_handle(struct app *app, void *st, enum action a)
{
	struct score_view *sv = st;
	if (a == ACT_CATALOGUE_PICK)
		return choose_catalogue(app, sv);
	if (a == ACT_INDEX_ADD)
		return add_index(app, sv);
	if (a == ACT_SELECT) {
		const struct srow *r = sv->n ? &sv->v[sv->list.cur] : NULL;
		if (!r || r->kind != R_CRIT)
			return UI_NONE;
		if (!r->leaf) {
			app_message(app, false, "Điểm của lĩnh vực là tổng các tiêu chí con; chấm ở từng tiêu chí");
			return UI_STATUS;
		}
		return edit_points(app, sv, r);
	}
	return list_move(&sv->list, a) ? UI_VIEW : UI_NONE;
}

const struct view_class view_score = {
	.name = "score",
	.title = "Chấm điểm",
	.hints = score_hints,
	.open = score_open,
	.close = score_close,
	.draw = score_draw,
	.handle = score_handle,
};
