/* Tables laid out with spaces, as `pdftotext -layout` writes a PDF's table:
 *
 *   STT     Nhiệm vụ      Cơ quan      Thời gian
 *                         chủ trì      hoàn thành
 *   1       Rà soát,      Văn phòng    Trước
 *           đơn giản hóa  Sở           30/6/2026
 *
 * Each cell's text wraps inside its column, so a line holds a piece of
 * every cell of a row. The columns are where the pieces start, line after
 * line; a row starts where the first column holds a number. The table
 * becomes one "| a | b | c |" line per row, the shape the importer reads
 * from Word and Markdown copies.
 *
 * A table is recognised only when a line of three or more pieces is
 * followed, within a few lines, by a numbered row; the two-column header
 * and signer blocks of a plan are left as they are. */
#include <config.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include "import/plan_layout.h"
#include "util/sbuf.h"

#define MAX_PIECES 24
#define MAX_COLS 16

struct piece {
	int col;          /* first column, in code points */
	int end;          /* one past the last */
	const char *s;    /* bytes in the line */
	size_t len;
};

struct lline {
	const char *s;    /* the line, without its end */
	size_t len;
	bool page;        /* a form feed came before it */
	bool furniture;   /* a running head inside a table: dropped */
	struct piece p[MAX_PIECES];
	int np;
};

static bool is_cont(unsigned char c)
{
	return (c & 0xc0) == 0x80;
}

/* Splits a line into pieces separated by two or more spaces. */
static void pieces_of(struct lline *l)
{
	l->np = 0;
	int col = 0;
	size_t i = 0;
	while (i < l->len && l->np < MAX_PIECES) {
		while (i < l->len && l->s[i] == ' ') {
			i++;
			col++;
		}
		if (i >= l->len)
			break;
		struct piece *p = &l->p[l->np++];
		p->col = col;
		p->s = l->s + i;
		size_t last = i;
		while (i < l->len && !(l->s[i] == ' ' && (i + 1 >= l->len || l->s[i + 1] == ' '))) {
			if (l->s[i] != ' ')
				last = i;
			col += !is_cont((unsigned char)l->s[i]);
			i++;
		}
		size_t e = last + 1;
		while (e < l->len && is_cont((unsigned char)l->s[e]))
			e++;
		p->len = (size_t)(l->s + e - p->s);
		p->end = col;
	}
}

/* "1", "12.", "IV", "a)", "B": what numbers a table's row. */
static bool is_row_number(const struct piece *p)
{
	size_t n = p->len;
	if (n == 0 || n > 5)
		return false;
	if (p->s[n - 1] == '.' || p->s[n - 1] == ')')
		n--;
	if (n == 0)
		return false;
	if (strspn(p->s, "0123456789") == n)
		return true;
	if (strspn(p->s, "IVX") == n)
		return true;
	return n == 1 && ((p->s[0] >= 'a' && p->s[0] <= 'z') || (p->s[0] >= 'A' && p->s[0] <= 'Z'));
}

struct table {
	int head, first_row, end;   /* line indexes: [head, end) */
	int cols[MAX_COLS];
	int ncols;
};

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}

/* The columns: starts of pieces that recur on at least two lines of the
 * table (a wrapped cell starts each of its lines at its column), plus the
 * header's starts; starts within two of each other are one column. A
 * header centred over its column starts right of the column's text: a
 * start only the header has, next to one only the rows have, is one
 * column, at the left of the two. */
static void find_columns(const struct lline *L, struct table *t)
{
	int all[1024], n = 0;
	for (int i = t->head; i < t->end; i++)
		for (int k = 0; k < L[i].np && n < 1024; k++)
			all[n++] = L[i].p[k].col;
	qsort(all, (size_t)n, sizeof *all, cmp_int);
	bool head_only[MAX_COLS], rows_only[MAX_COLS];
	t->ncols = 0;
	for (int i = 0; i < n;) {
		int j = i;
		while (j + 1 < n && all[j + 1] - all[j] <= 2)
			j++;
		int header = 0;
		for (int k = 0; k < L[t->head].np; k++)
			header += L[t->head].p[k].col >= all[i] && L[t->head].p[k].col <= all[j];
		int rows = j - i + 1 - header;
		if ((j - i + 1 >= 2 || header) && t->ncols < MAX_COLS) {
			int c = t->ncols;
			bool merge = c > 0 && ((header && !rows && rows_only[c - 1]) ||
					       (!header && rows >= 2 && head_only[c - 1]));
			if (merge) {
				head_only[c - 1] = rows_only[c - 1] = false;
			} else {
				t->cols[t->ncols++] = all[i];
				head_only[c] = header && !rows;
				rows_only[c] = !header;
			}
		}
		i = j + 1;
	}
}

/* Which column a piece starting at col belongs to. */
static int column_of(const struct table *t, int col)
{
	int c = 0;
	for (int k = 0; k < t->ncols; k++)
		if (t->cols[k] <= col + 1)
			c = k;
	return c;
}

/* Whether line l can be part of a table whose rows start in column first
 * and whose text starts at second. */
static bool fits(const struct lline *l, int first, int second)
{
	if (l->np == 0)
		return true;
	if (l->p[0].col <= first + 1 && l->p[0].col < second - 1)
		return is_row_number(&l->p[0]);
	return l->p[0].col >= second - 2;
}

/* A page number alone on its line ("5", "- 5 -", "Trang 5/12"). */
static bool is_page_line(const struct lline *l)
{
	if (l->np != 1)
		return false;
	const char *s = l->p[0].s;
	size_t n = l->p[0].len, i = 0, digits = 0;
	if (n > 6 && strncmp(s, "Trang ", 6) == 0)
		i = 6;
	for (; i < n && strchr("-/ 0123456789", s[i]); i++)
		digits += s[i] >= '0' && s[i] <= '9';
	return i == n && digits > 0 && digits <= 6;
}

/* Whether every piece of l starts at one of the starts in cols (±1). */
static bool aligned(const struct lline *l, const int *cols, int ncols)
{
	for (int k = 0; k < l->np; k++) {
		bool hit = false;
		for (int c = 0; c < ncols && !hit; c++)
			hit = l->p[k].col >= cols[c] - 1 && l->p[k].col <= cols[c] + 1;
		if (!hit)
			return false;
	}
	return l->np > 0;
}

static bool starts_row(const struct lline *l, int first, int second)
{
	return l->np >= 2 && l->p[0].col <= first + 1 && l->p[0].col < second - 1 &&
	       is_row_number(&l->p[0]);
}

static bool same_line(const struct lline *a, const struct lline *b)
{
	return a->len == b->len && memcmp(a->s, b->s, a->len) == 0;
}

/* Where the table whose first row is at line r ends. A line goes on only
 * when its pieces start on the columns of the header and the first row;
 * after a blank line or a page break, only a new row, the repeated header
 * or (at a page's top) a row's wrapped remainder. Page numbers are skipped. */
static int table_end(struct lline *L, int n, int h, int r)
{
	int first = L[h].p[0].col, second = L[h].p[1].col, cols[2 * MAX_PIECES], nc = 0;
	for (int k = 0; k < L[h].np; k++)
		cols[nc++] = L[h].p[k].col;
	for (int k = 0; k < L[r].np; k++)
		cols[nc++] = L[r].p[k].col;
	int last = r;
	bool gap = false, page = false;
	for (int e = r + 1; e < n; e++) {
		const struct lline *l = &L[e];
		page |= l->page;
		if (l->np == 0 || is_page_line(l)) {
			gap = true;
			continue;
		}
		bool head = same_line(l, &L[h]);
		bool ok = head || (fits(l, first, second) && aligned(l, cols, nc));
		if (ok && gap && !page && !head && !starts_row(l, first, second))
			ok = false;
		if (!ok && page && l->np == 1 && e + 1 < n && !L[e + 1].page &&
		    (starts_row(&L[e + 1], first, second) || same_line(&L[e + 1], &L[h]) ||
		     aligned(&L[e + 1], cols, nc))) {
			L[e].furniture = true;   /* a running head at the page's top */
			continue;
		}
		if (!ok)
			break;
		gap = page = false;
		last = e;
	}
	return last + 1;
}

/* A table headed at line h: three or more pieces, then within four lines a
 * numbered row. */
static bool find_table(struct lline *L, int n, int h, struct table *t)
{
	if (L[h].np < 3)
		return false;
	int first = L[h].p[0].col, second = L[h].p[1].col;
	for (int i = h + 1; i < n && i <= h + 4; i++) {
		if (L[i].np == 0)
			continue;
		if (starts_row(&L[i], first, second)) {
			t->head = h;
			t->first_row = i;
			t->end = table_end(L, n, h, i);
			find_columns(L, t);
			return t->ncols >= 3;
		}
		if (L[i].p[0].col < second - 2)
			return false;
	}
	return false;
}

/* Appends piece p's text to cell c, splitting it where a single space falls
 * on a later column's start ("sự hài lòng Sở" over two columns). */
static void place_piece(const struct table *t, const struct piece *p, struct sbuf *cells)
{
	int c = column_of(t, p->col);
	const char *s = p->s, *e = p->s + p->len;
	int col = p->col;
	const char *start = s;
	for (const char *q = s; q < e; q++) {
		if (!is_cont((unsigned char)*q) && q > s)
			col++;
		if (*q == ' ' && c + 1 < t->ncols && col + 1 >= t->cols[c + 1] - 1 &&
		    col + 1 <= t->cols[c + 1] + 1) {
			sbuf_addf(&cells[c], "%s%.*s", cells[c].len ? " " : "", (int)(q - start), start);
			start = q + 1;
			c++;
		}
	}
	if (e > start)
		sbuf_addf(&cells[c], "%s%.*s", cells[c].len ? " " : "", (int)(e - start), start);
}

static void flush_row(struct sbuf *out, struct sbuf *cells, int ncols)
{
	sbuf_add(out, "|");
	for (int c = 0; c < ncols; c++) {
		sbuf_addf(out, " %s |", cells[c].len ? cells[c].s : "");
		sbuf_free(&cells[c]);
	}
	sbuf_add(out, "\n");
}

/* Whether line i repeats the table's header (a table over two pages). */
static bool repeats_header(const struct lline *L, const struct table *t, int i)
{
	return L[i].len == L[t->head].len && memcmp(L[i].s, L[t->head].s, L[i].len) == 0;
}

/* Which columns line l puts text in. */
static void line_columns(const struct table *t, const struct lline *l, bool used[MAX_COLS])
{
	memset(used, 0, sizeof(bool) * MAX_COLS);
	for (int k = 0; k < l->np; k++)
		used[column_of(t, l->p[k].col)] = true;
}

/* Whether line l, with no number, opens a row whose number is centred
 * lower in its cell: cells are top-aligned, so text in two or more columns
 * the open row left empty on its first line is a new row's first line. */
static bool opens_unnumbered_row(const struct table *t, const struct lline *l,
				 const bool first[MAX_COLS])
{
	bool used[MAX_COLS];
	line_columns(t, l, used);
	int fresh = 0;
	for (int c = 1; c < t->ncols; c++)
		fresh += used[c] && !first[c];
	return fresh >= 2;
}

static void emit_table(const struct lline *L, const struct table *t, struct sbuf *out)
{
	struct sbuf cells[MAX_COLS];
	memset(cells, 0, sizeof cells);
	bool open = false, unnumbered = false, first[MAX_COLS];
	for (int i = t->head; i < t->end; i++) {
		if (is_page_line(&L[i]) || L[i].furniture)
			continue;
		if (i > t->first_row && repeats_header(L, t, i)) {
			while (i + 1 < t->end && !(L[i + 1].np && is_row_number(&L[i + 1].p[0]) &&
						   L[i + 1].p[0].col < t->cols[1] - 1))
				i++;
			continue;
		}
		bool numbered = i > t->first_row && L[i].np && L[i].p[0].col < t->cols[1] - 1 &&
				is_row_number(&L[i].p[0]);
		bool new_row = i == t->first_row || (numbered && !unnumbered);
		if (i > t->first_row && !numbered && open && opens_unnumbered_row(t, &L[i], first)) {
			new_row = true;
			unnumbered = true;
		} else if (numbered) {
			unnumbered = false;
		}
		if (new_row && open)
			flush_row(out, cells, t->ncols);
		if (new_row || !open)
			line_columns(t, &L[i], first);
		open = true;
		for (int k = 0; k < L[i].np; k++)
			place_piece(t, &L[i].p[k], cells);
	}
	if (open)
		flush_row(out, cells, t->ncols);
}

static void split(const char *text, struct lline **out, int *n)
{
	int cap = 0;
	*out = NULL;
	*n = 0;
	bool page = false;
	for (const char *p = text; *p;) {
		size_t len = strcspn(p, "\n\f");
		if (*n == cap) {
			cap = cap ? cap * 2 : 256;
			*out = xrealloc(*out, sizeof **out * (size_t)cap);
		}
		struct lline *l = &(*out)[(*n)++];
		l->s = p;
		l->len = len;
		while (l->len > 0 && (l->s[l->len - 1] == ' ' || l->s[l->len - 1] == '\r'))
			l->len--;
		l->page = page;
		l->furniture = false;
		page = p[len] == '\f';
		pieces_of(l);
		p += len;
		if (*p)
			p++;
	}
}

char *plan_layout_tables(const char *text)
{
	struct lline *L;
	int n;
	if (!strstr(text, "   "))
		return NULL;
	split(text, &L, &n);
	struct sbuf out = SBUF_INIT;
	int done = 0, tables = 0;
	for (int i = 0; i < n; i++) {
		struct table t;
		if (!find_table(L, n, i, &t))
			continue;
		for (int k = done; k < t.head; k++)
			sbuf_addf(&out, "%s%.*s\n", L[k].page ? "\f" : "", (int)L[k].len, L[k].s);
		emit_table(L, &t, &out);
		done = t.end;
		i = t.end - 1;
		tables++;
	}
	if (!tables) {
		free(L);
		sbuf_free(&out);
		return NULL;
	}
	for (int k = done; k < n; k++)
		sbuf_addf(&out, "%s%.*s\n", L[k].page ? "\f" : "", (int)L[k].len, L[k].s);
	free(L);
	return sbuf_detach(&out);
}

/* ------------------------------------------------------- grid tables */

/* "+----+----+" or "+====+====+": a grid table's border. */
static bool is_grid_border(const char *s, size_t n)
{
	if (n < 3 || s[0] != '+' || s[n - 1] != '+')
		return false;
	for (size_t i = 0; i < n; i++)
		if (!strchr("+-=:", s[i]))
			return false;
	return true;
}

static int grid_columns(const char *s, size_t n)
{
	int c = 0;
	for (size_t i = 1; i < n; i++)
		c += s[i] == '+';
	return c;
}

struct grid_cell {
	struct sbuf para;      /* the paragraph being read */
	struct sbuf paras;     /* finished paragraphs, '\n' between */
};

static void cell_end_para(struct grid_cell *c)
{
	if (!c->para.len)
		return;
	sbuf_addf(&c->paras, "%s%s", c->paras.len ? "\n" : "", c->para.s);
	sbuf_free(&c->para);
}

static void cells_reset(struct grid_cell *cells, int ncols)
{
	for (int c = 0; c < ncols; c++) {
		sbuf_free(&cells[c].para);
		sbuf_free(&cells[c].paras);
	}
}

/* Reads one content line "| a | b |" into the row's cells; false when its
 * cells are not ncols. */
static bool grid_line(const char *s, size_t n, struct grid_cell *cells, int ncols)
{
	const char *p = s + 1, *e = s + n;
	int c = 0;
	while (p < e && c < ncols) {
		const char *bar = memchr(p, '|', (size_t)(e - p));
		if (!bar)
			return false;
		const char *a = p, *b = bar;
		while (a < b && *a == ' ')
			a++;
		while (b > a && b[-1] == ' ')
			b--;
		if (a == b)
			cell_end_para(&cells[c]);
		else
			sbuf_addf(&cells[c].para, "%s%.*s", cells[c].para.len ? " " : "", (int)(b - a), a);
		c++;
		p = bar + 1;
	}
	return c == ncols && p >= e;
}

static bool row_is_numbered(struct grid_cell *cells)
{
	const char *s = cells[0].paras.s ? cells[0].paras.s : "";
	s += strspn(s, "*");
	size_t n = strspn(s, "0123456789IVX");
	return n > 0 && n <= 4 && strchr(".)*", s[n]) != NULL;
}

/* Writes a row: as "| a | b |" in a table of numbered rows, else (a layout
 * table: the header block, Nơi nhận beside the signer) each cell's
 * paragraphs in turn, a blank line after each, column after column. */
static void grid_emit_row(struct sbuf *out, struct grid_cell *cells, int ncols, bool data)
{
	bool any = false;
	for (int c = 0; c < ncols; c++) {
		cell_end_para(&cells[c]);
		any |= cells[c].paras.len > 0;
	}
	if (data && any) {
		sbuf_add(out, "|");
		for (int c = 0; c < ncols; c++) {
			sbuf_add(out, " ");
			for (const char *p = cells[c].paras.s ? cells[c].paras.s : ""; *p; p++)
				sbuf_addc(out, *p == '\n' ? ' ' : *p);
			sbuf_add(out, " |");
		}
		sbuf_add(out, "\n");
	} else {
		for (int c = 0; c < ncols; c++)
			if (cells[c].paras.len)
				sbuf_addf(out, "\n%s\n", cells[c].paras.s);
	}
	cells_reset(cells, ncols);
}

/* Whether the table from line at p (a border) has a numbered row: a data
 * table, whose rows become "| … |" lines. */
static bool grid_has_numbered_row(const char *p, int ncols)
{
	struct grid_cell cells[MAX_COLS];
	memset(cells, 0, sizeof cells);
	bool numbered = false;
	for (p += strcspn(p, "\n") + (p[strcspn(p, "\n")] != 0); *p && !numbered;) {
		size_t n = strcspn(p, "\n");
		while (n > 0 && (p[n - 1] == ' ' || p[n - 1] == '\r'))
			n--;
		if (is_grid_border(p, n)) {
			for (int c = 0; c < ncols; c++)
				cell_end_para(&cells[c]);
			numbered = row_is_numbered(cells);
			cells_reset(cells, ncols);
		} else if (!(n && p[0] == '|' && grid_line(p, n, cells, ncols))) {
			break;
		}
		p += strcspn(p, "\n");
		if (*p)
			p++;
	}
	cells_reset(cells, ncols);
	return numbered;
}

char *plan_grid_tables(const char *text)
{
	if (strncmp(text, "+-", 2) != 0 && !strstr(text, "\n+-"))
		return NULL;
	struct sbuf out = SBUF_INIT;
	struct grid_cell cells[MAX_COLS];
	memset(cells, 0, sizeof cells);
	int ncols = 0, tables = 0;
	bool data = false;
	for (const char *p = text; *p;) {
		size_t len = strcspn(p, "\n"), n = len;
		while (n > 0 && (p[n - 1] == ' ' || p[n - 1] == '\r'))
			n--;
		if (is_grid_border(p, n)) {
			if (ncols)
				grid_emit_row(&out, cells, ncols, data);
			else if ((ncols = grid_columns(p, n)) > MAX_COLS)
				ncols = 0;
			else
				data = grid_has_numbered_row(p, ncols), tables++;
		} else if (ncols && n && p[0] == '|' && grid_line(p, n, cells, ncols)) {
			;
		} else {
			if (ncols)
				grid_emit_row(&out, cells, ncols, data);
			ncols = 0;
			sbuf_addf(&out, "%.*s\n", (int)len, p);
		}
		p += len;
		if (*p)
			p++;
	}
	if (ncols)
		grid_emit_row(&out, cells, ncols, data);
	if (!tables) {
		sbuf_free(&out);
		return NULL;
	}
	return sbuf_detach(&out);
}
