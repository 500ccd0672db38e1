/* Plain-text writer: 78 display columns, the header and the signer block as
 * two columns side by side, paragraphs word-wrapped, tables drawn with
 * ASCII "+ - |" only so that legacy encodings (TCVN3, VISCII) hold them.
 * Widths are display columns (NFC letters one column, marks none). The
 * text holds no control character but the newline (the program's preview
 * shows it as it is): a page break is a blank line. A table whose numbers
 * and dates cannot fit in 78 columns is drawn wider rather than cut.
 * Merged header cells are joined to each column under them ("Đã giải
 * quyết: Trước hạn"). */
#include <config.h>
#include <stdlib.h>
#include <string.h>
#include "export/doc.h"
#include "export/writers.h"
#include "text/utf8.h"
#include "util/sbuf.h"

enum { WIDTH = 78, LEFT_COL = 36, RIGHT_COL = WIDTH - LEFT_COL, INDENT = 4, SIGNATURE_LINES = 4 };

struct lines {
	char **v;
	int n;
};

/* Adds s (taken over) without its trailing spaces. */
static void lines_push(struct lines *l, char *s)
{
	size_t n = strlen(s);
	while (n > 0 && s[n - 1] == ' ')
		s[--n] = '\0';
	l->v = xrealloc(l->v, sizeof *l->v * (size_t)(l->n + 1));
	l->v[l->n++] = s;
}

static void lines_free(struct lines *l)
{
	for (int i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

static void spaces(struct sbuf *b, int n)
{
	for (int i = 0; i < n; i++)
		sbuf_addc(b, ' ');
}

struct wrapper {
	struct lines *out;
	struct sbuf cur;
	int width, used;         /* columns on the current line */
	bool words;              /* the current line holds a word */
};

static void wrap_flush(struct wrapper *w)
{
	lines_push(w->out, sbuf_detach(&w->cur));
	w->used = 0;
	w->words = false;
}

/* Places one word, cutting it where it is wider than a whole line. */
static void wrap_word(struct wrapper *w, const char *word)
{
	int ww = text_width(word);
	if (w->words && w->used + 1 + ww > w->width)
		wrap_flush(w);
	if (w->words) {
		sbuf_addc(&w->cur, ' ');
		w->used++;
	}
	while (w->used + ww > w->width && *word) {
		int fit_w;
		size_t fit = text_fit(word, w->width - w->used, &fit_w);
		if (fit == 0 && w->used == 0) { /* a character wider than the line */
			uint32_t cp;
			fit = utf8_decode(word, strlen(word), &cp);
			fit = fit ? fit : 1;
		}
		sbuf_addn(&w->cur, word, fit);
		wrap_flush(w);
		word += fit;
		ww = text_width(word);
	}
	sbuf_add(&w->cur, word);
	w->used += ww;
	w->words = w->words || *word;
}

/* Breaks text into lines of at most width columns at spaces; a newline in
 * the text breaks the line. The first line starts with indent spaces. */
static void wrap(struct lines *out, const char *text, int width, int indent)
{
	struct wrapper w = { out, SBUF_INIT, width, indent, false };
	int first = out->n;
	spaces(&w.cur, indent);
	for (const char *p = text; *p;) {
		size_t len = strcspn(p, " \n");
		if (len > 0) {
			char *word = xstrndup(p, len);
			wrap_word(&w, word);
			free(word);
		} else if (*p == '\n') {
			wrap_flush(&w);
		}
		p += len ? len : 1;
	}
	if (w.words || out->n == first || w.cur.len > 0)
		wrap_flush(&w);
	sbuf_free(&w.cur);
}

/* Appends line padded to width columns as align asks; with pad_right the
 * line is filled to the full width. */
static void put_aligned(struct sbuf *b, const char *line, int width, enum doc_align align,
			bool pad_right)
{
	int w = text_width(line), gap = width > w ? width - w : 0;
	int left = align == DOC_CENTER ? gap / 2 : align == DOC_RIGHT ? gap : 0;
	spaces(b, left);
	sbuf_add(b, line);
	if (pad_right)
		spaces(b, gap - left);
}

/* Wraps text into out, each line already aligned within width. */
static void column_add(struct lines *out, const char *text, int width, enum doc_align align)
{
	struct lines l = { NULL, 0 };
	wrap(&l, text, width, 0);
	for (int i = 0; i < l.n; i++) {
		struct sbuf b = SBUF_INIT;
		put_aligned(&b, l.v[i], width, align, false);
		lines_push(out, sbuf_detach(&b));
	}
	lines_free(&l);
}

/* Appends s without its trailing spaces, and a newline. */
static void put_line(struct sbuf *b, const char *s)
{
	size_t n = s ? strlen(s) : 0;
	while (n > 0 && s[n - 1] == ' ')
		n--;
	sbuf_addn(b, s, n);
	sbuf_addc(b, '\n');
}

/* Writes two columns side by side, the left one LEFT_COL wide. */
static void two_columns(struct sbuf *b, const struct lines *left, const struct lines *right)
{
	for (int i = 0; i < left->n || i < right->n; i++) {
		struct sbuf line = SBUF_INIT;
		put_aligned(&line, i < left->n ? left->v[i] : "", LEFT_COL, DOC_LEFT, i < right->n);
		sbuf_add(&line, i < right->n ? right->v[i] : "");
		put_line(b, line.s);
		sbuf_free(&line);
	}
}

/* A line of n dashes. */
static char *rule(int n)
{
	char *s = xmalloc((size_t)n + 1);
	memset(s, '-', (size_t)n);
	s[n] = '\0';
	return s;
}

static void pad_to(struct lines *l, int n)
{
	while (l->n < n)
		lines_push(l, xstrdup(""));
}

static void txt_header(struct sbuf *b, const struct doc *d)
{
	struct lines left = { NULL, 0 }, right = { NULL, 0 };
	struct sbuf line = SBUF_INIT;
	column_add(&left, doc_str(d->parent_body), LEFT_COL, DOC_CENTER);
	column_add(&left, doc_str(d->issuing_body), LEFT_COL, DOC_CENTER);
	int w = text_width(doc_str(d->issuing_body)) / 3;
	char *r = rule(w > 8 ? w : 8);
	column_add(&left, r, LEFT_COL, DOC_CENTER);
	free(r);
	column_add(&right, DOC_NATIONAL_TITLE, RIGHT_COL, DOC_CENTER);
	column_add(&right, DOC_MOTTO, RIGHT_COL, DOC_CENTER);
	r = rule(text_width(DOC_MOTTO));
	column_add(&right, r, RIGHT_COL, DOC_CENTER);
	free(r);
	pad_to(&left, right.n);
	pad_to(&right, left.n);
	doc_number_line(d, &line);
	column_add(&left, line.s, LEFT_COL, DOC_CENTER);
	sbuf_trunc(&line, 0);
	doc_place_date(d, &line);
	column_add(&right, line.s, RIGHT_COL, DOC_CENTER);
	two_columns(b, &left, &right);
	sbuf_free(&line);
	lines_free(&left);
	lines_free(&right);
}

/* text wrapped into width columns and aligned; the first line indented. */
static void txt_block(struct sbuf *b, const char *text, int width, enum doc_align align,
		      int indent)
{
	struct lines l = { NULL, 0 };
	wrap(&l, text, width, indent);
	for (int i = 0; i < l.n; i++) {
		struct sbuf line = SBUF_INIT;
		put_aligned(&line, l.v[i], width, align, false);
		put_line(b, line.s);
		sbuf_free(&line);
	}
	lines_free(&l);
}

static void txt_title(struct sbuf *b, const struct doc *d)
{
	sbuf_addc(b, '\n');
	if (*doc_str(d->type))
		txt_block(b, d->type, WIDTH, DOC_CENTER, 0);
	if (*doc_str(d->abstract))
		txt_block(b, d->abstract, WIDTH, DOC_CENTER, 0);
	sbuf_addc(b, '\n');
}

static void txt_para(struct sbuf *b, const struct doc_para *p)
{
	struct sbuf text = SBUF_INIT;
	doc_para_text(p, &text);
	bool indent = p->style != DOC_PLAIN && (p->align == DOC_JUSTIFY || p->align == DOC_LEFT);
	enum doc_align align = p->align == DOC_JUSTIFY ? DOC_LEFT : p->align;
	txt_block(b, text.s ? text.s : "", WIDTH, align, indent ? INDENT : 0);
	sbuf_free(&text);
}

/* ---------------------------------------------------------------- tables */

static void table_rule(struct sbuf *b, const int *w, int n)
{
	sbuf_addc(b, '+');
	for (int c = 0; c < n; c++) {
		for (int i = 0; i < w[c] + 2; i++)
			sbuf_addc(b, '-');
		sbuf_addc(b, '+');
	}
	sbuf_addc(b, '\n');
}

/* The columns cell c of row r takes: a merge's width from its first
 * column, 0 for a column a merge from the left covers; 1 otherwise (and
 * always for r < 0, a row made up of flattened headers). *covered is set
 * for a cell a merge from a row above covers (drawn empty). */
static int cell_span(const struct doc_table *t, int r, int c, bool *covered)
{
	*covered = false;
	int k = r >= 0 ? doc_table_merge_at(t, r, c) : -1;
	if (k < 0)
		return 1;
	const struct doc_merge *m = &t->merges[k];
	*covered = m->row != r;
	return c == m->col ? m->cols : 0;
}

/* One row of cells (cells[c] is column c's text; r the row of t they come
 * from, for its merges, or -1), each wrapped in its width. */
static void table_row(struct sbuf *b, const struct doc_table *t, const char *const *cells, int r,
		      const int *w, bool head)
{
	struct lines *wrapped = xcalloc((size_t)t->ncols, sizeof *wrapped);
	int *span = xcalloc((size_t)t->ncols, sizeof *span), *width = xcalloc((size_t)t->ncols, sizeof *width);
	int height = 1;
	for (int c = 0; c < t->ncols; c++) {
		bool covered;
		span[c] = cell_span(t, r, c, &covered);
		for (int i = 0; i < span[c]; i++)
			width[c] += w[c + i] + (i ? 3 : 0);
		if (span[c] == 0)
			continue;
		wrap(&wrapped[c], covered ? "" : cells[c], width[c], 0);
		height = wrapped[c].n > height ? wrapped[c].n : height;
	}
	for (int i = 0; i < height; i++) {
		sbuf_addc(b, '|');
		for (int c = 0; c < t->ncols; c++) {
			if (span[c] == 0)
				continue;
			enum doc_align align = head || span[c] > 1 || t->date[c] ? DOC_CENTER
					       : t->numeric[c] ? DOC_RIGHT : DOC_LEFT;
			sbuf_addc(b, ' ');
			put_aligned(b, i < wrapped[c].n ? wrapped[c].v[i] : "", width[c], align, true);
			sbuf_add(b, " |");
		}
		sbuf_addc(b, '\n');
	}
	for (int c = 0; c < t->ncols; c++)
		lines_free(&wrapped[c]);
	free(wrapped);
	free(span);
	free(width);
}

/* The fewest columns column c may have: its longest header word and, in a
 * column of numbers or dates, its longest figure; a cell merged across
 * columns left out. Words of text columns may be cut. */
static int min_width(const struct doc_table *t, int c)
{
	enum { MIN_WIDTH = 1, MAX_MIN = 20 };
	struct sbuf head = SBUF_INIT;
	doc_flat_header(t, c, &head);
	int m = doc_text_columns(head.s ? head.s : "", true);
	sbuf_free(&head);
	m = m > MIN_WIDTH ? m : MIN_WIDTH;
	for (int r = 0; r < t->nrows; r++) {
		bool figures = t->numeric[c] || t->date[c] || r < t->header_rows;
		if (!figures || (r < t->header_rows && !doc_row_numbers_columns(t, r)))
			continue;
		int k = doc_table_merge_at(t, r, c);
		if (k >= 0 && t->merges[k].cols > 1)
			continue;
		int lw = doc_text_columns(doc_str(t->cells[r * t->ncols + c]), true);
		m = lw > m ? lw : m;
	}
	return m < MAX_MIN ? m : MAX_MIN;
}

/* Column widths: the natural ones when they fit in the page, else scaled
 * down, but never below a column's longest number, date or header word. */
static void table_widths(const struct doc_table *t, int *w)
{
	int avail = WIDTH - 1 - 3 * t->ncols, sum = 0;
	int *want = xcalloc((size_t)t->ncols, sizeof *want);
	doc_table_weights(t, want);
	for (int c = 0; c < t->ncols; c++)
		sum += want[c];
	if (sum > avail)
		doc_scale_widths(want, t->ncols, avail > t->ncols ? avail : t->ncols, w);
	else
		memcpy(w, want, sizeof *w * (size_t)t->ncols);
	for (int c = 0; c < t->ncols; c++) {
		int m = min_width(t, c);
		w[c] = w[c] < m ? m : w[c];
	}
	free(want);
}

/* The header rows as one row of "Group: Column" texts, then the rows that
 * number the columns, each under a rule. */
static void table_head(struct sbuf *b, const struct doc_table *t, const int *w)
{
	char **flat = xcalloc((size_t)t->ncols, sizeof *flat);
	for (int c = 0; c < t->ncols; c++) {
		struct sbuf h = SBUF_INIT;
		doc_flat_header(t, c, &h);
		flat[c] = h.s ? sbuf_detach(&h) : xstrdup("");
	}
	table_row(b, t, (const char *const *)flat, -1, w, true);
	table_rule(b, w, t->ncols);
	for (int c = 0; c < t->ncols; c++)
		free(flat[c]);
	free(flat);
	for (int r = 0; r < t->header_rows && r < t->nrows; r++)
		if (doc_row_numbers_columns(t, r)) {
			table_row(b, t, (const char *const *)t->cells + r * t->ncols, r, w, true);
			table_rule(b, w, t->ncols);
		}
}

/* The table's column widths and what comes before its first body row:
 * its title and notes centred over it, the unit on its right, the header.
 * w holds t->ncols widths, set here. */
static void txt_table_head(struct sbuf *b, const struct doc_table *t, int *w)
{
	int total = 1;
	table_widths(t, w);
	for (int c = 0; c < t->ncols; c++)
		total += w[c] + 3;
	int over = t->nrows > 0 && total < WIDTH ? total : WIDTH;
	if (*doc_str(t->title))
		txt_block(b, t->title, over, DOC_CENTER, 0);
	for (int i = 0; i < t->nnotes; i++)
		txt_block(b, t->notes[i], over, DOC_CENTER, 0);
	if (*doc_str(t->unit_note))
		txt_block(b, t->unit_note, t->nrows > 0 ? total : WIDTH, DOC_RIGHT, 0);
	if (t->nrows > 0)
		table_rule(b, w, t->ncols);
	if (t->header_rows > 0 && t->nrows > 0)
		table_head(b, t, w);
}

/* Body rows from..to of the table, each under a rule. */
static void txt_table_rows(struct sbuf *b, const struct doc_table *t, const int *w, int from,
			   int to)
{
	for (int r = from; r < to; r++) {
		table_row(b, t, (const char *const *)t->cells + r * t->ncols, r, w, false);
		table_rule(b, w, t->ncols);
	}
}

/* ---------------------------------------------------------------- footer */

static void txt_footer(struct sbuf *b, const struct doc *d)
{
	if (d->nrecipients == 0 && !doc_has_signer(d))
		return;
	struct lines left = { NULL, 0 }, right = { NULL, 0 };
	if (d->nrecipients > 0)
		lines_push(&left, xstrdup(DOC_RECIPIENTS_LABEL));
	for (int i = 0; i < d->nrecipients; i++) {
		struct sbuf item = SBUF_INIT;
		sbuf_addf(&item, "- %s", doc_str(d->recipients[i]));
		column_add(&left, item.s, LEFT_COL - 1, DOC_LEFT);
		sbuf_free(&item);
	}
	if (doc_has_signer(d)) {
		column_add(&right, doc_str(d->signer_authority), RIGHT_COL, DOC_CENTER);
		if (*doc_str(d->signer_title))
			column_add(&right, d->signer_title, RIGHT_COL, DOC_CENTER);
		pad_to(&right, right.n + SIGNATURE_LINES);
		column_add(&right, doc_str(d->signer_name), RIGHT_COL, DOC_CENTER);
	}
	two_columns(b, &left, &right);
	lines_free(&left);
	lines_free(&right);
}

/* "Kính gửi: X." centred; several: "Kính gửi:" and "- X;" lines under it. */
static void txt_addressees(struct sbuf *b, const struct doc *d)
{
	enum { LABEL_AT = 12, ITEM_AT = 20 };
	struct sbuf line = SBUF_INIT;
	for (int i = 0; i < d->naddressees; i++) {
		sbuf_trunc(&line, 0);
		if (d->naddressees == 1)
			sbuf_add(&line, DOC_ADDRESSEE_LABEL " ");
		else
			sbuf_add(&line, "- ");
		doc_addressee(d, i, &line);
		if (d->naddressees == 1) {
			txt_block(b, line.s, WIDTH, DOC_CENTER, 0);
			continue;
		}
		if (i == 0) {
			spaces(b, LABEL_AT);
			put_line(b, DOC_ADDRESSEE_LABEL);
		}
		struct lines l = { NULL, 0 };
		wrap(&l, line.s, WIDTH - ITEM_AT, 0);
		for (int k = 0; k < l.n; k++) {
			spaces(b, ITEM_AT + (k ? 2 : 0));
			put_line(b, l.v[k]);
		}
		lines_free(&l);
	}
	sbuf_add(b, d->naddressees ? "\n" : "");
	sbuf_free(&line);
}

/* The rendering as a cursor, a piece at a time (the preview renders the
 * pages it shows, not the whole year): the header, the title, the
 * addressees, the blocks before the annex, the footer, the annex blocks; a
 * table's body rows TXT_ROWS at a time (8 rows of a year's task table
 * make about 70 lines, a tenth of a millisecond: a preview's End renders for
 * 1 ms, then at idle). */
enum { TXT_ROWS = 8 };

struct doc_txt {
	const struct doc *d;
	int step;                /* 0 header, 1 title, 2 addressees, 3 blocks, 4 footer, 5 annex */
	int block, annex;        /* the next block; the first annex block */
	int row;                 /* in a table block: the next body row, -1 before its head */
	int *w;                  /* that table's column widths */
	struct doc *own;         /* doc_txt_open_consuming: rows rendered are freed here */
};

struct doc_txt *doc_txt_open(const struct doc *d)
{
	struct doc_txt *c = xcalloc(1, sizeof *c);
	c->d = d;
	c->annex = doc_annex_start(d);
	c->row = -1;
	return c;
}

struct doc_txt *doc_txt_open_consuming(struct doc *d)
{
	struct doc_txt *c = doc_txt_open(d);
	c->own = d;
	return c;
}

/* The texts of body rows from .. to - 1 of the table being rendered, once
 * rendered (a row's line reads its own cells only, the widths having been
 * taken from every row before the first). */
static void release_rows(struct doc_txt *c, int from, int to)
{
	if (!c->own)
		return;
	struct doc_table *t = &c->own->blocks[c->block].table;
	for (size_t i = (size_t)from * (size_t)t->ncols; i < (size_t)to * (size_t)t->ncols; i++) {
		free(t->cells[i]);
		t->cells[i] = NULL;
	}
}

void doc_txt_close(struct doc_txt *c)
{
	if (c) {
		free(c->w);
		free(c);
	}
}

/* The next piece of block c->block into b; true when the block is done.
 * An annex opens with its heading lines centred; a page break is the
 * blank line alone. */
static bool txt_block_piece(struct doc_txt *c, struct sbuf *b)
{
	const struct doc_block *k = &c->d->blocks[c->block];
	if (k->kind == DOC_TABLE_BLOCK) {
		const struct doc_table *t = &k->table;
		if (c->row < 0) {
			c->w = xcalloc((size_t)t->ncols + 1, sizeof *c->w);
			txt_table_head(b, t, c->w);
			c->row = t->header_rows;
		}
		int to = c->row + TXT_ROWS < t->nrows ? c->row + TXT_ROWS : t->nrows;
		txt_table_rows(b, t, c->w, c->row, to);
		release_rows(c, c->row, to);
		c->row = to;
		if (to < t->nrows)
			return false;
		free(c->w);
		c->w = NULL;
		c->row = -1;
	} else if (k->kind == DOC_PARA_BLOCK) {
		txt_para(b, &k->para);
	} else if (k->kind == DOC_ANNEX) {
		sbuf_add(b, "\n\n");
		for (int r = 0; r < k->para.nruns; r++)
			txt_block(b, doc_str(k->para.runs[r].text), WIDTH, DOC_CENTER, 0);
	}
	sbuf_addc(b, '\n');
	return true;
}

bool doc_txt_next(struct doc_txt *c, struct sbuf *b)
{
	const struct doc *d = c->d;
	switch (c->step) {
	case 0: txt_header(b, d); c->step++; return true;
	case 1: txt_title(b, d); c->step++; return true;
	case 2: txt_addressees(b, d); c->step++; c->block = 0; return true;
	case 3:
	case 5: {
		int end = c->step == 3 ? c->annex : d->nblocks;
		if (c->block >= end) {
			c->step++;
			return doc_txt_next(c, b);
		}
		if (txt_block_piece(c, b))
			c->block++;
		return true;
	}
	case 4: txt_footer(b, d); c->step++; return true;
	default: return false;
	}
}

int doc_txt_table_width(const struct doc_table *t)
{
	int *w = xcalloc((size_t)t->ncols + 1, sizeof *w), total = 1;
	table_widths(t, w);
	for (int c = 0; c < t->ncols; c++)
		total += w[c] + 3;
	free(w);
	return total;
}

int doc_render_txt(const struct doc *d, char **out, size_t *len, struct cchc_err *err)
{
	struct sbuf b = SBUF_INIT;
	struct doc_txt *c = doc_txt_open(d);
	while (doc_txt_next(c, &b))
		;
	doc_txt_close(c);
	while (b.len >= 2 && b.s[b.len - 1] == '\n' && b.s[b.len - 2] == '\n')
		sbuf_trunc(&b, b.len - 1);
	*len = b.len;
	*out = sbuf_detach(&b);
	return CCHC_OK;
}
