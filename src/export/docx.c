/* Word (.docx) writer: WordprocessingML parts zipped in memory with libzip
 * (the document part deflated here, on a second thread, as it is written).
 * Layout per Nghị định 30/2020: A4, margins 20/20/30/15 mm, Times New Roman
 * 14 pt, the two-block header and the signer block as borderless tables,
 * page numbers centred at the top from the second page on. Elements are
 * written in the child order the schema asks for, since Word refuses a
 * file that breaks it. */
#include <config.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <pthread.h>
#include <stdint.h>
#include <zip.h>
#include <zlib.h>
#include "export/doc.h"
#include "export/lazylib.h"
#include "export/writers.h"
#include "text/utf8.h"
#include "util/sbuf.h"
#include "util/platform.h"

/* Twips (1 mm = 56.7 twips): A4 and the margins of Nghị định 30/2020. */
enum {
	PAGE_W = 11906, PAGE_H = 16838,
	MARGIN_TOP = 1134, MARGIN_BOTTOM = 1134, MARGIN_LEFT = 1701, MARGIN_RIGHT = 851,
	TEXT_WIDTH = PAGE_W - MARGIN_LEFT - MARGIN_RIGHT,
	/* A landscape page turned from the portrait one: the binding margin
	 * (30 mm) at the top, 15 mm at the bottom, 20 mm at the sides. */
	LAND_TOP = MARGIN_LEFT, LAND_BOTTOM = MARGIN_RIGHT, LAND_SIDE = MARGIN_TOP,
	LAND_TEXT_WIDTH = PAGE_H - 2 * LAND_SIDE,
	CELL_MARGIN = 57,        /* 1 mm each side of a table cell's text */
	WIDE_COLS = 10,          /* a landscape table of more columns starts at 11 pt */
	ADDRESSEE_LABEL = 1701,  /* "Kính gửi:" above a list of addressees */
	ADDRESSEE_ITEM = 2835,
	HEAD_LEFT = 3600,        /* the left header block (issuing body) */
	FOOT_LEFT = 4300,        /* "Nơi nhận:" */
	FIRST_LINE = 720,        /* 1.27 cm */
	RULE_INDENT = 1150,      /* the short line under the issuing body */
	LINE_115 = 276,          /* line spacing 1.15, in 240ths */
	LINE_1 = 240,
};

/* Font sizes in half-points. */
enum {
	SZ_BODY = 28, SZ_HEAD = 26, SZ_RECIP_LABEL = 24, SZ_RECIP = 22,
	SZ_TABLE = 24, SZ_TABLE_WIDE = 22, SZ_TABLE_MIN = 20,
};

#define NS_W "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define NS_R "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define NS_PKG_REL "http://schemas.openxmlformats.org/package/2006/relationships"
#define XML_DECL "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
#define T_OPEN "<w:t xml:space=\"preserve\">"

/* ------------------------------------------------------------ paragraphs */

struct ppr {
	const char *style;       /* a style of styles.xml, or NULL */
	bool keep_next, rule;    /* rule: a bottom border, drawn as a short line */
	bool page_before;
	int before, after, line; /* spacing: twips, twips, 240ths of a line */
	bool exact;              /* line is an exact height, not a multiple */
	int first_line, side;    /* indents in twips */
	int left;                /* a left indent instead of side */
	const char *jc;
};

/* Appends a string literal, its length known when compiled. */
#define add_lit(b, lit) sbuf_addn((b), "" lit, sizeof(lit) - 1)

/* Appends v in decimal: the writer's hot path (every paragraph and cell
 * carries a few numbers), without a printf format parsed each time. */
static void add_int(struct sbuf *b, int v)
{
	char d[16];
	int n = 0;
	unsigned u = v < 0 ? 0u - (unsigned)v : (unsigned)v;
	do
		d[sizeof d - 1 - n++] = (char)('0' + u % 10);
	while ((u /= 10) && n < 15);
	if (v < 0)
		sbuf_addc(b, '-');
	sbuf_addn(b, d + sizeof d - n, (size_t)n);
}

static void ppr(struct sbuf *b, const struct ppr *p)
{
	add_lit(b, "<w:pPr>");
	if (p->style)
		sbuf_addf(b, "<w:pStyle w:val=\"%s\"/>", p->style);
	if (p->keep_next)
		add_lit(b, "<w:keepNext/>");
	if (p->page_before)
		add_lit(b, "<w:pageBreakBefore/>");
	if (p->rule)
		sbuf_add(b, "<w:pBdr><w:bottom w:val=\"single\" w:sz=\"6\" w:space=\"1\" "
			 "w:color=\"auto\"/></w:pBdr>");
	add_lit(b, "<w:spacing w:before=\"");
	add_int(b, p->before);
	add_lit(b, "\" w:after=\"");
	add_int(b, p->after);
	add_lit(b, "\" w:line=\"");
	add_int(b, p->line ? p->line : LINE_115);
	sbuf_add(b, p->exact ? "\" w:lineRule=\"exact\"/>" : "\" w:lineRule=\"auto\"/>");
	if (p->first_line || p->side || p->left) {
		add_lit(b, "<w:ind w:left=\"");
		add_int(b, p->left ? p->left : p->side);
		add_lit(b, "\" w:right=\"");
		add_int(b, p->side);
		add_lit(b, "\" w:firstLine=\"");
		add_int(b, p->first_line);
		add_lit(b, "\"/>");
	}
	if (p->jc) {
		add_lit(b, "<w:jc w:val=\"");
		sbuf_add(b, p->jc);
		add_lit(b, "\"/>");
	}
	add_lit(b, "</w:pPr>");
}

/* sz 0 keeps the default size. */
static void rpr(struct sbuf *b, int attrs, int sz)
{
	if (!attrs && !sz)
		return;
	add_lit(b, "<w:rPr>");
	if (attrs & DOC_BOLD)
		add_lit(b, "<w:b/><w:bCs/>");
	if (attrs & DOC_ITALIC)
		add_lit(b, "<w:i/><w:iCs/>");
	if (sz) {
		add_lit(b, "<w:sz w:val=\"");
		add_int(b, sz);
		add_lit(b, "\"/><w:szCs w:val=\"");
		add_int(b, sz);
		add_lit(b, "\"/>");
	}
	if (attrs & DOC_UNDERLINE)
		add_lit(b, "<w:u w:val=\"single\"/>");
	add_lit(b, "</w:rPr>");
}

static void run(struct sbuf *b, const char *text, int attrs, int sz)
{
	if (!*text)
		return;
	add_lit(b, "<w:r>");
	rpr(b, attrs, sz);
	sbuf_add(b, T_OPEN);
	doc_escape_markup(b, text, "</w:t><w:br/>" T_OPEN, true);
	add_lit(b, "</w:t></w:r>");
}

/* A paragraph of one run (text may be ""). */
static void para(struct sbuf *b, const struct ppr *p, const char *text, int attrs, int sz)
{
	add_lit(b, "<w:p>");
	ppr(b, p);
	run(b, text, attrs, sz);
	add_lit(b, "</w:p>");
}

/* A centred single-spaced line of a header, footer or title block. */
static void centred(struct sbuf *b, const char *text, int attrs, int sz)
{
	para(b, &(struct ppr){ .line = LINE_1, .jc = "center" }, text, attrs, sz);
}

static const char *const jc_names[] = {
	[DOC_JUSTIFY] = "both", [DOC_LEFT] = "left", [DOC_CENTER] = "center", [DOC_RIGHT] = "right",
};

static const struct {
	const char *style;
	bool indent;
} para_styles[] = {
	[DOC_BODY] = { NULL, true }, [DOC_PLAIN] = { NULL, false },
	[DOC_HEADING1] = { "Heading1", true }, [DOC_HEADING2] = { "Heading2", true },
	[DOC_HEADING3] = { "Heading3", true },
};

static void body_para(struct sbuf *b, const struct doc_para *p)
{
	unsigned st = (unsigned)p->style <= DOC_HEADING3 ? (unsigned)p->style : DOC_BODY;
	unsigned al = (unsigned)p->align <= DOC_RIGHT ? (unsigned)p->align : DOC_JUSTIFY;
	bool heading = st >= DOC_HEADING1;
	bool indent = para_styles[st].indent && (al == DOC_JUSTIFY || al == DOC_LEFT);
	struct ppr pp = { .style = para_styles[st].style, .keep_next = heading,
			  .before = heading ? 120 : 0, .after = 120,
			  .first_line = indent ? FIRST_LINE : 0, .jc = jc_names[al] };
	add_lit(b, "<w:p>");
	ppr(b, &pp);
	for (int i = 0; i < p->nruns; i++)
		run(b, doc_str(p->runs[i].text), p->runs[i].attrs | (heading ? DOC_BOLD : 0), 0);
	add_lit(b, "</w:p>");
}

/* ----------------------------------------------------------------- spill */

/* The document part of a year's report at a province's size is some 14 MB
 * of XML, and deflating it was 40% of the export. While it is written it
 * goes in pieces (between table rows and between blocks) to a second
 * thread that deflates each piece as the next is written, so that the two
 * take the time of the longer; the archive then takes the part as deflated
 * (a source that says so) instead of deflating it again. The bytes of the
 * part are the same whatever the pieces: deflate sees one stream. One
 * export at a time. */
#define SPILL_AT (256 * 1024)
#define SPILL_QUEUE 16           /* pieces waiting at most: 4 MB */

struct piece {
	char *s;
	size_t len;
};

struct deflater {
	pthread_mutex_t lock;
	pthread_cond_t changed;
	struct piece queue[SPILL_QUEUE];
	int head, n;
	bool last;                   /* no piece after those queued */
	bool failed;                 /* deflate refused (out of memory) */
	z_stream z;
	struct sbuf out;             /* the raw deflate stream */
	uint32_t crc;                /* of the part, computed by the writer */
	uint64_t size;
	pthread_t thread;
	bool threaded;               /* else each piece is deflated as it comes */
};

static struct deflater *spill_to;

/* Deflates one piece (the last with Z_FINISH) into d->out. */
static void deflate_piece(struct deflater *d, struct piece p, bool last)
{
	d->z.next_in = (Bytef *)p.s;
	d->z.avail_in = (uInt)p.len;
	int zr;
	do {
		if (d->out.cap - d->out.len < 64 * 1024) {
			d->out.cap = d->out.cap ? 2 * d->out.cap : 256 * 1024;
			d->out.s = xrealloc(d->out.s, d->out.cap);
		}
		d->z.next_out = (Bytef *)d->out.s + d->out.len;
		d->z.avail_out = (uInt)(d->out.cap - d->out.len - 1);
		size_t room = d->z.avail_out;
		zr = deflate(&d->z, last ? Z_FINISH : Z_NO_FLUSH);
		d->out.len += room - d->z.avail_out;
	} while (zr == Z_OK && (d->z.avail_out == 0 || (last && zr != Z_STREAM_END)));
	if (zr == Z_STREAM_ERROR || (last && zr != Z_STREAM_END))
		d->failed = true;
	free(p.s);
}

static void *deflater_run(void *arg)
{
	struct deflater *d = arg;
	pthread_mutex_lock(&d->lock);
	for (;;) {
		while (!d->n && !d->last)
			pthread_cond_wait(&d->changed, &d->lock);
		if (!d->n)
			break;
		struct piece p = d->queue[d->head];
		d->head = (d->head + 1) % SPILL_QUEUE;
		d->n--;
		bool last = d->last && !d->n;
		pthread_cond_broadcast(&d->changed);
		pthread_mutex_unlock(&d->lock);
		deflate_piece(d, p, last);
		pthread_mutex_lock(&d->lock);
		if (last)
			break;
	}
	pthread_mutex_unlock(&d->lock);
	return NULL;
}

/* The fastest deflate (level 1), raw as zip holds it; false when zlib
 * cannot start one. */
static bool deflater_start(struct deflater *d)
{
	memset(d, 0, sizeof *d);
	if (deflateInit2(&d->z, 1, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK)
		return false;
	d->crc = (uint32_t)crc32(0L, Z_NULL, 0);
	pthread_mutex_init(&d->lock, NULL);
	pthread_cond_init(&d->changed, NULL);
	d->threaded = pthread_create(&d->thread, NULL, deflater_run, d) == 0;
	return true;
}

/* Hands b's bytes over (b is left empty); last: the part ends here. */
static void deflater_push(struct deflater *d, struct sbuf *b, bool last)
{
	struct piece p = { NULL, b->len };
	d->crc = (uint32_t)crc32(d->crc, (const Bytef *)(b->s ? b->s : ""), (uInt)b->len);
	d->size += b->len;
	p.s = sbuf_detach(b);
	if (!d->threaded) {
		deflate_piece(d, p, last);
		return;
	}
	pthread_mutex_lock(&d->lock);
	while (d->n == SPILL_QUEUE)
		pthread_cond_wait(&d->changed, &d->lock);
	d->queue[(d->head + d->n) % SPILL_QUEUE] = p;
	d->n++;
	d->last = last;
	pthread_cond_broadcast(&d->changed);
	pthread_mutex_unlock(&d->lock);
}

/* Waits for the last piece; false when deflate failed. */
static bool deflater_finish(struct deflater *d)
{
	if (d->threaded)
		pthread_join(d->thread, NULL);
	deflateEnd(&d->z);
	pthread_mutex_destroy(&d->lock);
	pthread_cond_destroy(&d->changed);
	return !d->failed;
}

static void spill(struct sbuf *b)
{
	if (spill_to && b->len >= SPILL_AT)
		deflater_push(spill_to, b, false);
}

/* ---------------------------------------------------------------- tables */

static void table_open(struct sbuf *b, const int *cols, int n, int width, bool borders)
{
	static const char *const sides[] = { "top", "left", "bottom", "right", "insideH", "insideV" };
	sbuf_addf(b, "<w:tbl><w:tblPr><w:tblW w:w=\"%d\" w:type=\"dxa\"/><w:tblBorders>", width);
	for (size_t i = 0; i < sizeof sides / sizeof sides[0]; i++)
		sbuf_addf(b, borders ? "<w:%s w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"auto\"/>"
			  : "<w:%s w:val=\"nil\"/>", sides[i]);
	add_lit(b, "</w:tblBorders><w:tblLayout w:type=\"fixed\"/>");
	if (borders) /* narrow margins: the columns of a wide table are narrow */
		sbuf_addf(b, "<w:tblCellMar><w:left w:w=\"%d\" w:type=\"dxa\"/><w:right w:w=\"%d\" "
			  "w:type=\"dxa\"/></w:tblCellMar>", CELL_MARGIN, CELL_MARGIN);
	add_lit(b, "</w:tblPr><w:tblGrid>");
	for (int i = 0; i < n; i++)
		sbuf_addf(b, "<w:gridCol w:w=\"%d\"/>", cols[i]);
	add_lit(b, "</w:tblGrid>");
}

static void cell_open(struct sbuf *b, int width, bool vcenter)
{
	sbuf_addf(b, "<w:tc><w:tcPr><w:tcW w:w=\"%d\" w:type=\"dxa\"/>%s</w:tcPr>", width,
		  vcenter ? "<w:vAlign w:val=\"center\"/>" : "");
}

/* Closes a cell opened at offset start, giving it the paragraph every
 * cell needs when nothing was written in it. */
static void cell_close(struct sbuf *b, size_t start)
{
	if (!strstr(b->s + start, "<w:p>"))
		add_lit(b, "<w:p/>");
	add_lit(b, "</w:tc>");
}

/* A grid table laid out: its column widths (twips) and font size. */
struct grid {
	const struct doc_table *t;
	int *cols;
	int width;               /* their sum */
	int sz;                  /* half-points */
};

/* Width of a character of Times New Roman in thousandths of an em, from
 * its metrics rounded up (Liberation Serif, which LibreOffice uses in its
 * place, has the same): enough to tell whether a number, a date or a
 * syllable fits in a column. */
static int milli_em_of(uint32_t cp)
{
	if (cp >= '0' && cp <= '9')
		return 500;
	if (cp < 0x80 && strchr(" .,:;'!|iljtI", (int)cp))
		return 280;
	if (cp < 0x80 && strchr("/()-[]frJ", (int)cp))
		return 340;
	if (cp == '%' || cp == 'm' || cp == 'M' || cp == 'W')
		return 900;
	if (cp == 'w')
		return 730;
	if (text_cp_is_upper(cp))
		return 730;
	return 510;
}

/* The same, ASCII from a table filled on first use: a year's tables have
 * a million characters measured. */
static int char_milli_em(uint32_t cp)
{
	static short ascii[128];
	if (cp >= 128)
		return milli_em_of(cp);
	if (!ascii[1])
		for (uint32_t c = 1; c < 128; c++)
			ascii[c] = (short)milli_em_of(c);
	return ascii[cp];
}

/* The longest word of s in thousandths of an em, bold or not; a word may
 * break after a hyphen inside it ("H35-260618-0007"), not after a leading
 * one ("-5"). */
static long word_milli_em(const char *s, bool bold)
{
	long best = 0, cur = 0;
	size_t n = strlen(s);
	for (size_t i = 0; i <= n;) {
		uint32_t cp = ' ';
		size_t len = i < n ? ((unsigned char)s[i] < 0x80 ? (cp = (unsigned char)s[i], 1)
				      : utf8_decode(s + i, n - i, &cp)) : 1;
		bool hyphen = cp == '-' && cur > 0; /* a line may break after it */
		if (cp == ' ' || cp == '\n')
			cur = 0;
		else
			cur += char_milli_em(cp) * (bold && !(cp >= '0' && cp <= '9') ? 110 : 100) / 100;
		best = cur > best ? cur : best;
		cur = hyphen ? 0 : cur;
		i += len ? len : 1;
	}
	return best;
}

/* Twips that many thousandths of an em take at size sz (an em at sz
 * half-points is sz * 10 twips). */
static int em_twips(long milli_em, int sz)
{
	return (int)((milli_em * sz * 10 + 999) / 1000);
}

static bool cell_bold(const struct doc_table *t, int r)
{
	return r < t->header_rows || (t->row_attrs[r] & DOC_BOLD);
}

/* The narrowest each column may be at size sz: the longest word of any of
 * its cells (a number, a date, "STT", a syllable of a header) whole, with
 * the cell margins; a cell merged across columns asks it of their sum. No
 * column is asked for more than max. words: each cell's longest word
 * (word_milli_em), measured once for all the sizes tried. */
static void min_widths(const struct doc_table *t, const long *words, int sz, int max, int *min)
{
	enum { PAD = 2 * CELL_MARGIN + 60 };
	for (int c = 0; c < t->ncols; c++)
		min[c] = PAD;
	for (int pass = 0; pass < 2; pass++) /* single columns first, then the spans */
		for (int r = 0; r < t->nrows; r++)
			for (int c = 0; c < t->ncols; c++) {
				int k = doc_table_merge_at(t, r, c);
				const struct doc_merge *m = k >= 0 ? &t->merges[k] : NULL;
				if ((m && (m->row != r || m->col != c)) || (pass == 1) != (m && m->cols > 1))
					continue;
				int cols = m ? m->cols : 1, have = 0;
				int need = em_twips(words[r * t->ncols + c], sz) + PAD;
				need = need < max ? need : max;
				for (int i = 0; i < cols; i++)
					have += min[c + i];
				for (int i = 0; need > have && i < cols; i++)
					min[c + i] += (need - have + cols - 1) / cols;
			}
}

static int sum(const int *v, int n)
{
	int s = 0;
	for (int i = 0; i < n; i++)
		s += v[i];
	return s;
}

/* Shares total between the columns by their weights, none below its
 * minimum: the columns the share would squeeze get their minimum, the
 * others share what is left, until no column is squeezed. When the
 * minimums alone exceed total, each column gets its minimum. */
static void fit_columns(const int *min, const int *weight, int n, int total, int *out)
{
	bool *fixed = xcalloc((size_t)n, sizeof *fixed);
	int *w = xcalloc((size_t)n, sizeof *w);
	for (bool changed = true; changed;) {
		int room = total, free_cols = 0;
		changed = false;
		for (int i = 0; i < n; i++) {
			room -= fixed[i] ? min[i] : 0;
			w[i] = fixed[i] ? 0 : weight[i];
			free_cols += !fixed[i];
		}
		if (free_cols == 0 || room < free_cols)
			break;
		doc_scale_widths(w, n, room, out);
		for (int i = 0; i < n; i++)
			if (!fixed[i] && out[i] < min[i])
				fixed[i] = changed = true;
	}
	for (int i = 0; i < n; i++)
		if (fixed[i] || out[i] < min[i])
			out[i] = min[i];
	free(w);
	free(fixed);
}

/* Column widths for a page text_width wide: 12 pt (11 pt for a wide
 * landscape table), smaller down to 10 pt while the words do not fit. */
static void grid_layout(struct grid *g, const struct doc_table *t, int text_width)
{
	int *min = xcalloc((size_t)t->ncols, sizeof *min);
	int *weight = xcalloc((size_t)t->ncols, sizeof *weight);
	g->t = t;
	g->cols = xcalloc((size_t)t->ncols, sizeof *g->cols);
	g->sz = t->landscape && t->ncols > WIDE_COLS ? SZ_TABLE_WIDE : SZ_TABLE;
	long *words = xcalloc((size_t)t->nrows * (size_t)t->ncols + 1, sizeof *words);
	for (int r = 0; r < t->nrows; r++)
		for (int c = 0; c < t->ncols; c++)
			words[r * t->ncols + c] = word_milli_em(doc_str(t->cells[r * t->ncols + c]),
								cell_bold(t, r));
	for (;; g->sz -= 2) {
		min_widths(t, words, g->sz, text_width * 2 / 5, min);
		if (sum(min, t->ncols) <= text_width || g->sz <= SZ_TABLE_MIN)
			break;
	}
	free(words);
	doc_table_weights(t, weight);
	fit_columns(min, weight, t->ncols, text_width, g->cols);
	g->width = sum(g->cols, t->ncols);
	free(min);
	free(weight);
}

/* Opens a cell of the grid: its width, the columns it spans, its part in a
 * vertical merge (NULL, "restart" or "" to continue one); centred
 * vertically. The schema's order: tcW, gridSpan, vMerge, vAlign. */
static void grid_cell_open(struct sbuf *b, int width, int span, const char *vmerge)
{
	add_lit(b, "<w:tc><w:tcPr><w:tcW w:w=\"");
	add_int(b, width);
	add_lit(b, "\" w:type=\"dxa\"/>");
	if (span > 1) {
		add_lit(b, "<w:gridSpan w:val=\"");
		add_int(b, span);
		add_lit(b, "\"/>");
	}
	if (vmerge && *vmerge)
		sbuf_addf(b, "<w:vMerge w:val=\"%s\"/>", vmerge);
	else if (vmerge)
		add_lit(b, "<w:vMerge/>");
	add_lit(b, "<w:vAlign w:val=\"center\"/></w:tcPr>");
}

static const char *cell_jc(const struct doc_table *t, int r, int c, int span)
{
	if (r < t->header_rows || t->date[c] || span > 1)
		return "center";
	return t->numeric[c] ? "right" : "left";
}

/* The cell of row r at column c: the first of a merge, one it covers
 * from a row above (an empty continuation), or a plain cell. Returns the
 * number of grid columns it took. */
enum { KEEP_WHOLE_ROWS = 15 };

static int grid_cell(struct sbuf *b, const struct grid *g, int r, int c)
{
	const struct doc_table *t = g->t;
	int k = doc_table_merge_at(t, r, c);
	const struct doc_merge *m = k >= 0 ? &t->merges[k] : NULL;
	int span = m ? m->col + m->cols - c : 1, width = sum(g->cols + c, span);
	if (m && m->row != r) {
		grid_cell_open(b, width, span, "");
		add_lit(b, "<w:p/></w:tc>");
		return span;
	}
	grid_cell_open(b, width, span, m && m->rows > 1 ? "restart" : NULL);
	size_t start = b->len;
	int attrs = (cell_bold(t, r) ? DOC_BOLD : 0) | (t->row_attrs[r] & DOC_ITALIC);
	/* a short table goes to the next page whole rather than leave a row or
	 * two behind (Biểu 6's last lines alone on a page); any table keeps its
	 * header rows with its first row */
	bool keep = r < t->nrows - 1 && (t->nrows <= KEEP_WHOLE_ROWS || r < t->header_rows);
	para(b, &(struct ppr){ .keep_next = keep, .before = 20, .after = 20, .line = LINE_1,
			       .jc = cell_jc(t, r, c, span) },
	     doc_str(t->cells[r * t->ncols + c]), attrs, g->sz);
	cell_close(b, start);
	return span;
}

/* The lines above a table: its title (bold), its notes (italic, centred),
 * the unit (italic, on the right); each kept with what follows. */
static void grid_captions(struct sbuf *b, const struct doc_table *t)
{
	if (*doc_str(t->title))
		para(b, &(struct ppr){ .keep_next = true, .before = 120, .after = 60, .jc = "center" },
		     t->title, DOC_BOLD, 0);
	for (int i = 0; i < t->nnotes; i++)
		para(b, &(struct ppr){ .keep_next = true, .after = 0, .line = LINE_1,
				       .jc = "center" }, t->notes[i], DOC_ITALIC, 0);
	if (*doc_str(t->unit_note))
		para(b, &(struct ppr){ .keep_next = true, .before = 60, .after = 60, .line = LINE_1,
				       .jc = "right" }, t->unit_note, DOC_ITALIC, SZ_TABLE);
}

/* Every row is kept on one page; header rows repeat on each page. */
static void grid_table(struct sbuf *b, const struct doc_table *t, int text_width)
{
	grid_captions(b, t);
	if (t->nrows == 0)
		return;
	struct grid g;
	grid_layout(&g, t, text_width);
	table_open(b, g.cols, t->ncols, g.width, true);
	for (int r = 0; r < t->nrows; r++) {
		sbuf_add(b, r < t->header_rows ? "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"
			 : "<w:tr><w:trPr><w:cantSplit/></w:trPr>");
		for (int c = 0; c < t->ncols;)
			c += grid_cell(b, &g, r, c);
		add_lit(b, "</w:tr>");
		spill(b);
	}
	add_lit(b, "</w:tbl>");
	free(g.cols);
}

/* --------------------------------------------------- header and footer */

static void header_left(struct sbuf *b, const struct doc *d)
{
	if (*doc_str(d->parent_body))
		centred(b, d->parent_body, 0, SZ_HEAD);
	if (*doc_str(d->issuing_body))
		centred(b, d->issuing_body, DOC_BOLD, SZ_HEAD);
	para(b, &(struct ppr){ .rule = true, .line = 100, .exact = true, .side = RULE_INDENT,
			       .jc = "center" }, "", 0, 0);
}

static void header_right(struct sbuf *b)
{
	centred(b, DOC_NATIONAL_TITLE, DOC_BOLD, SZ_HEAD);
	centred(b, DOC_MOTTO, DOC_BOLD | DOC_UNDERLINE, SZ_BODY);
}

/* Two rows: the bodies beside the national title and motto, then the
 * number beside the place and date, so that these two share a line;
 * across width, the text width of the first page. */
static void header(struct sbuf *b, const struct doc *d, int width)
{
	int cols[2] = { HEAD_LEFT, width - HEAD_LEFT };
	struct sbuf line = SBUF_INIT;
	table_open(b, cols, 2, width, false);
	add_lit(b, "<w:tr>");
	cell_open(b, cols[0], false);
	header_left(b, d);
	add_lit(b, "</w:tc>");
	cell_open(b, cols[1], false);
	header_right(b);
	add_lit(b, "</w:tc></w:tr><w:tr>");
	cell_open(b, cols[0], false);
	doc_number_line(d, &line);
	para(b, &(struct ppr){ .before = 60, .line = LINE_1, .jc = "center" }, line.s, 0, SZ_HEAD);
	add_lit(b, "</w:tc>");
	cell_open(b, cols[1], false);
	sbuf_trunc(&line, 0);
	doc_place_date(d, &line);
	para(b, &(struct ppr){ .before = 60, .line = LINE_1, .jc = "center" }, line.s, DOC_ITALIC,
	     SZ_BODY);
	add_lit(b, "</w:tc></w:tr></w:tbl>");
	sbuf_free(&line);
}

/* The type and abstract, centred and bold, and the short solid line under
 * them (a third of the text width) that Nghị định 30 draws there. */
static void title_block(struct sbuf *b, const struct doc *d, int width)
{
	bool type = *doc_str(d->type), abstract = *doc_str(d->abstract);
	if (type)
		para(b, &(struct ppr){ .before = 360, .after = 0, .jc = "center" }, d->type, DOC_BOLD, 0);
	if (abstract)
		para(b, &(struct ppr){ .before = type ? 0 : 360, .after = 0, .jc = "center" },
		     d->abstract, DOC_BOLD, 0);
	if (type || abstract)
		para(b, &(struct ppr){ .rule = true, .after = 240, .line = 100, .exact = true,
				       .side = width / 3, .jc = "center" }, "", 0, 0);
}

/* "Kính gửi: X." centred for one addressee; for several, "Kính gửi:" and
 * a "- X;" line for each, indented under it. */
static void addressees(struct sbuf *b, const struct doc *d)
{
	struct sbuf line = SBUF_INIT;
	if (d->naddressees == 1) {
		sbuf_add(&line, DOC_ADDRESSEE_LABEL " ");
		doc_addressee(d, 0, &line);
		para(b, &(struct ppr){ .before = 120, .after = 240, .jc = "center" }, line.s, 0, 0);
	} else if (d->naddressees > 1) {
		para(b, &(struct ppr){ .before = 120, .after = 0, .left = ADDRESSEE_LABEL,
				       .jc = "left" }, DOC_ADDRESSEE_LABEL, 0, 0);
		for (int i = 0; i < d->naddressees; i++) {
			sbuf_trunc(&line, 0);
			sbuf_add(&line, "- ");
			doc_addressee(d, i, &line);
			para(b, &(struct ppr){ .after = i + 1 == d->naddressees ? 240 : 0,
					       .left = ADDRESSEE_ITEM, .jc = "left" }, line.s, 0, 0);
		}
	}
	sbuf_free(&line);
}

static void recipients(struct sbuf *b, const struct doc *d)
{
	struct sbuf line = SBUF_INIT;
	if (d->nrecipients > 0)
		para(b, &(struct ppr){ .line = LINE_1, .jc = "left" }, DOC_RECIPIENTS_LABEL,
		     DOC_BOLD | DOC_ITALIC, SZ_RECIP_LABEL);
	for (int i = 0; i < d->nrecipients; i++) {
		sbuf_trunc(&line, 0);
		sbuf_addf(&line, "- %s", doc_str(d->recipients[i]));
		para(b, &(struct ppr){ .line = LINE_1, .jc = "left" }, line.s, 0, SZ_RECIP);
	}
	sbuf_free(&line);
}

static void signer(struct sbuf *b, const struct doc *d)
{
	enum { SIGNATURE_LINES = 4 };
	if (!doc_has_signer(d))
		return;
	centred(b, doc_str(d->signer_authority), DOC_BOLD, 0);
	if (*doc_str(d->signer_title))
		centred(b, d->signer_title, DOC_BOLD, 0);
	for (int i = 0; i < SIGNATURE_LINES; i++)
		centred(b, "", 0, 0);
	centred(b, doc_str(d->signer_name), DOC_BOLD, 0);
}

static bool has_footer(const struct doc *d)
{
	return d->nrecipients > 0 || doc_has_signer(d);
}

static void footer(struct sbuf *b, const struct doc *d)
{
	int cols[2] = { FOOT_LEFT, TEXT_WIDTH - FOOT_LEFT };
	if (!has_footer(d))
		return;
	para(b, &(struct ppr){ .line = LINE_1 }, "", 0, 0);
	table_open(b, cols, 2, TEXT_WIDTH, false);
	add_lit(b, "<w:tr>");
	cell_open(b, cols[0], false);
	size_t start = b->len;
	recipients(b, d);
	cell_close(b, start);
	cell_open(b, cols[1], false);
	start = b->len;
	signer(b, d);
	cell_close(b, start);
	add_lit(b, "</w:tr></w:tbl>");
}

/* --------------------------------------------------------------- sections */

/* Where the body stands: the orientation of the section being written and
 * how many sections were closed before it. A landscape table gets a
 * section of its own, closed by a paragraph that carries the section's
 * properties, as WordprocessingML has it. */
struct flow {
	bool landscape;
	int closed;
};

/* The properties of a section: every section has the header with the page
 * number; only the first has a first page without it. */
static void sect_pr(struct sbuf *b, bool landscape, bool first)
{
	add_lit(b, "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rId3\"/>");
	if (landscape)
		sbuf_addf(b, "<w:pgSz w:w=\"%d\" w:h=\"%d\" w:orient=\"landscape\"/>"
			  "<w:pgMar w:top=\"%d\" w:right=\"%d\" w:bottom=\"%d\" w:left=\"%d\" ",
			  PAGE_H, PAGE_W, LAND_TOP, LAND_SIDE, LAND_BOTTOM, LAND_SIDE);
	else
		sbuf_addf(b, "<w:pgSz w:w=\"%d\" w:h=\"%d\"/><w:pgMar w:top=\"%d\" w:right=\"%d\" "
			  "w:bottom=\"%d\" w:left=\"%d\" ", PAGE_W, PAGE_H, MARGIN_TOP, MARGIN_RIGHT,
			  MARGIN_BOTTOM, MARGIN_LEFT);
	sbuf_addf(b, "w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/><w:cols w:space=\"720\"/>"
		  "%s<w:docGrid w:linePitch=\"360\"/></w:sectPr>", first ? "<w:titlePg/>" : "");
}

/* Turns the page to landscape or back: closes the current section (the
 * next one starts on a new page). Returns whether it did. */
static bool orient(struct sbuf *b, struct flow *fl, bool landscape)
{
	if (fl->landscape == landscape)
		return false;
	sbuf_add(b, "<w:p><w:pPr><w:spacing w:before=\"0\" w:after=\"0\" w:line=\"20\" "
		 "w:lineRule=\"exact\"/>");
	sect_pr(b, fl->landscape, fl->closed == 0);
	add_lit(b, "</w:pPr></w:p>");
	fl->landscape = landscape;
	fl->closed++;
	return true;
}

static int flow_width(const struct flow *fl)
{
	return fl->landscape ? LAND_TEXT_WIDTH : TEXT_WIDTH;
}

static bool wide_table(const struct doc_block *k)
{
	return k->kind == DOC_TABLE_BLOCK && k->table.landscape && k->table.nrows > 0;
}

/* An annex goes on landscape pages, heading and all, when it holds a wide
 * table. */
static bool annex_landscape(const struct doc *d, int i)
{
	for (int k = i + 1; k < d->nblocks && d->blocks[k].kind != DOC_ANNEX; k++)
		if (wide_table(&d->blocks[k]))
			return true;
	return false;
}

/* The heading of an annex on a new page: its lines centred, kept with
 * what follows. */
static void annex_heading(struct sbuf *b, const struct doc_para *p, bool page_before)
{
	for (int i = 0; i < p->nruns; i++)
		para(b, &(struct ppr){ .keep_next = true, .page_before = page_before && i == 0,
				       .after = i + 1 == p->nruns ? 240 : 0, .jc = "center" },
		     doc_str(p->runs[i].text), p->runs[i].attrs, 0);
}

/* ----------------------------------------------------------------- parts */

/* Blocks from..to: a wide table on landscape pages, the rest portrait
 * but in an annex that holds a wide table. */
static void body_blocks(struct sbuf *b, const struct doc *d, int from, int to,
			struct flow *fl)
{
	bool after_table = false, annex_wide = false;
	for (int i = from; i < to; i++) {
		const struct doc_block *k = &d->blocks[i];
		if (k->kind == DOC_ANNEX) {
			annex_wide = annex_landscape(d, i);
			annex_heading(b, &k->para, !orient(b, fl, annex_wide));
			after_table = false;
			continue;
		}
		if (orient(b, fl, annex_wide || wide_table(k)))
			after_table = false;
		bool table = k->kind == DOC_TABLE_BLOCK && k->table.nrows > 0 &&
			     !*doc_str(k->table.title) && k->table.nnotes == 0 &&
			     !*doc_str(k->table.unit_note);
		if (table && after_table) /* two tables in a row would merge */
			para(b, &(struct ppr){ .line = LINE_1 }, "", 0, 0);
		if (k->kind == DOC_PARA_BLOCK)
			body_para(b, &k->para);
		else if (k->kind == DOC_TABLE_BLOCK)
			grid_table(b, &k->table, flow_width(fl));
		else
			add_lit(b, "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>");
		after_table = k->kind == DOC_TABLE_BLOCK && k->table.nrows > 0;
		spill(b);
	}
}

/* Nghị định 30's order: header, title block, "Kính gửi", the body, "Nơi
 * nhận" and the signer, then the annexes, each on a page of its own. A
 * body that opens with a wide table (a register) starts on its landscape
 * page, header and all, rather than leave the header alone on a portrait
 * one; the page turns back only for a "Nơi nhận" or a signer to print. */
static void part_document(struct sbuf *b, const struct doc *d)
{
	int annex = doc_annex_start(d);
	struct flow fl = { annex > 0 && wide_table(&d->blocks[0]), 0 };
	sbuf_add(b, XML_DECL "<w:document xmlns:w=\"" NS_W "\" xmlns:r=\"" NS_R "\"><w:body>");
	header(b, d, flow_width(&fl));
	title_block(b, d, flow_width(&fl));
	addressees(b, d);
	body_blocks(b, d, 0, annex, &fl);
	if (has_footer(d))
		orient(b, &fl, false);
	footer(b, d);
	body_blocks(b, d, annex, d->nblocks, &fl);
	/* the body ends with a paragraph, never a table */
	para(b, &(struct ppr){ .line = LINE_1 }, "", 0, 0);
	sect_pr(b, fl.landscape, fl.closed == 0);
	add_lit(b, "</w:body></w:document>");
}

/* The page number, centred in the top margin (not on the first page). */
static void part_header(struct sbuf *b, const struct doc *d)
{
	sbuf_add(b, XML_DECL "<w:hdr xmlns:w=\"" NS_W "\" xmlns:r=\"" NS_R "\"><w:p><w:pPr>"
		 "<w:spacing w:before=\"0\" w:after=\"0\"/><w:jc w:val=\"center\"/></w:pPr>"
		 "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
		 "<w:r><w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r>"
		 "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>2</w:t></w:r>"
		 "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p></w:hdr>");
}

static void part_styles(struct sbuf *b, const struct doc *d)
{
	sbuf_addf(b, XML_DECL "<w:styles xmlns:w=\"" NS_W "\"><w:docDefaults><w:rPrDefault><w:rPr>"
		  "<w:rFonts w:ascii=\"Times New Roman\" w:eastAsia=\"Times New Roman\" "
		  "w:hAnsi=\"Times New Roman\" w:cs=\"Times New Roman\"/>"
		  "<w:sz w:val=\"%d\"/><w:szCs w:val=\"%d\"/>"
		  "<w:lang w:val=\"vi-VN\" w:eastAsia=\"en-US\" w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault>"
		  "<w:pPrDefault><w:pPr><w:spacing w:after=\"120\" w:line=\"%d\" w:lineRule=\"auto\"/>"
		  "</w:pPr></w:pPrDefault></w:docDefaults>", SZ_BODY, SZ_BODY, LINE_115);
	sbuf_add(b, "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\">"
		 "<w:name w:val=\"Normal\"/><w:qFormat/><w:pPr><w:jc w:val=\"both\"/></w:pPr></w:style>"
		 "<w:style w:type=\"character\" w:default=\"1\" w:styleId=\"DefaultParagraphFont\">"
		 "<w:name w:val=\"Default Paragraph Font\"/><w:uiPriority w:val=\"1\"/><w:semiHidden/>"
		 "<w:unhideWhenUsed/></w:style>"
		 "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\">"
		 "<w:name w:val=\"Normal Table\"/><w:uiPriority w:val=\"99\"/><w:semiHidden/>"
		 "<w:unhideWhenUsed/><w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar>"
		 "<w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/>"
		 "<w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/>"
		 "</w:tblCellMar></w:tblPr></w:style>");
	for (int level = 1; level <= 3; level++)
		sbuf_addf(b, "<w:style w:type=\"paragraph\" w:styleId=\"Heading%d\">"
			  "<w:name w:val=\"heading %d\"/><w:basedOn w:val=\"Normal\"/>"
			  "<w:next w:val=\"Normal\"/><w:uiPriority w:val=\"9\"/><w:qFormat/><w:pPr>"
			  "<w:keepNext/><w:spacing w:before=\"120\" w:after=\"120\"/>"
			  "<w:outlineLvl w:val=\"%d\"/></w:pPr><w:rPr><w:b/><w:bCs/></w:rPr></w:style>",
			  level, level, level - 1);
	add_lit(b, "</w:styles>");
}

static void part_settings(struct sbuf *b, const struct doc *d)
{
	sbuf_add(b, XML_DECL "<w:settings xmlns:w=\"" NS_W "\"><w:zoom w:percent=\"100\"/>"
		 "<w:defaultTabStop w:val=\"720\"/><w:characterSpacingControl w:val=\"doNotCompress\"/>"
		 "<w:compat><w:compatSetting w:name=\"compatibilityMode\" "
		 "w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>"
		 "<w:themeFontLang w:val=\"vi-VN\"/></w:settings>");
}

static void part_core(struct sbuf *b, const struct doc *d)
{
	sbuf_add(b, XML_DECL "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/"
		 "package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
		 "xmlns:dcterms=\"http://purl.org/dc/terms/\" "
		 "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:title>");
	doc_escape_markup(b, doc_str(d->type), " ", true);
	if (*doc_str(d->type) && *doc_str(d->abstract))
		add_lit(b, " ");
	doc_escape_markup(b, doc_str(d->abstract), " ", true);
	sbuf_add(b, "</dc:title><dc:creator>cchc</dc:creator><cp:lastModifiedBy>cchc"
		 "</cp:lastModifiedBy><dc:language>vi-VN</dc:language>");
	if (d->date.y > 0)
		for (int i = 0; i < 2; i++)
			sbuf_addf(b, "<dcterms:%s xsi:type=\"dcterms:W3CDTF\">%04d-%02d-%02dT00:00:00Z"
				  "</dcterms:%s>", i ? "modified" : "created", d->date.y, d->date.m,
				  d->date.d, i ? "modified" : "created");
	add_lit(b, "</cp:coreProperties>");
}

static void part_app(struct sbuf *b, const struct doc *d)
{
	sbuf_add(b, XML_DECL "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/"
		 "2006/extended-properties\"><Application>cchc</Application></Properties>");
}

#define CT "application/vnd.openxmlformats-"
#define CT_WML CT "officedocument.wordprocessingml."

static void part_content_types(struct sbuf *b, const struct doc *d)
{
	static const char *const overrides[][2] = {
		{ "/word/document.xml", CT_WML "document.main+xml" },
		{ "/word/styles.xml", CT_WML "styles+xml" },
		{ "/word/settings.xml", CT_WML "settings+xml" },
		{ "/word/header1.xml", CT_WML "header+xml" },
		{ "/docProps/core.xml", CT "package.core-properties+xml" },
		{ "/docProps/app.xml", CT "officedocument.extended-properties+xml" },
	};
	sbuf_add(b, XML_DECL "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/"
		 "content-types\"><Default Extension=\"rels\" ContentType=\"" CT
		 "package.relationships+xml\"/><Default Extension=\"xml\" "
		 "ContentType=\"application/xml\"/>");
	for (size_t i = 0; i < sizeof overrides / sizeof overrides[0]; i++)
		sbuf_addf(b, "<Override PartName=\"%s\" ContentType=\"%s\"/>", overrides[i][0],
			  overrides[i][1]);
	add_lit(b, "</Types>");
}

#define REL_OD "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

static void part_rels(struct sbuf *b, const struct doc *d)
{
	sbuf_add(b, XML_DECL "<Relationships xmlns=\"" NS_PKG_REL "\">"
		 "<Relationship Id=\"rId1\" Type=\"" REL_OD "officeDocument\" "
		 "Target=\"word/document.xml\"/>"
		 "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/"
		 "relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
		 "<Relationship Id=\"rId3\" Type=\"" REL_OD "extended-properties\" "
		 "Target=\"docProps/app.xml\"/></Relationships>");
}

static void part_document_rels(struct sbuf *b, const struct doc *d)
{
	sbuf_add(b, XML_DECL "<Relationships xmlns=\"" NS_PKG_REL "\">"
		 "<Relationship Id=\"rId1\" Type=\"" REL_OD "styles\" Target=\"styles.xml\"/>"
		 "<Relationship Id=\"rId2\" Type=\"" REL_OD "settings\" Target=\"settings.xml\"/>"
		 "<Relationship Id=\"rId3\" Type=\"" REL_OD "header\" Target=\"header1.xml\"/>"
		 "</Relationships>");
}

/* The parts of the package, [Content_Types].xml first as readers expect. */
static const struct {
	const char *name;
	void (*build)(struct sbuf *, const struct doc *);
} parts[] = {
	{ "[Content_Types].xml", part_content_types },
	{ "_rels/.rels", part_rels },
	{ "docProps/core.xml", part_core },
	{ "docProps/app.xml", part_app },
	{ "word/document.xml", part_document },
	{ "word/styles.xml", part_styles },
	{ "word/settings.xml", part_settings },
	{ "word/header1.xml", part_header },
	{ "word/_rels/document.xml.rels", part_document_rels },
};

/* ------------------------------------------------------------------- zip */

static int zip_failed(struct cchc_err *err, const char *what, zip_error_t *ze)
{
	return err_set(err, CCHC_EIO, "Không tạo được tệp Word (.docx): %s: %s", what,
		       zip_error_strerror(ze));
}

/* Adds a part; the archive takes data over, whatever happens. */
static int add_part(zip_t *za, const char *name, char *data, size_t len, struct cchc_err *err)
{
	zip_source_t *s = zip_source_buffer(za, data, len, 1);
	if (!s) {
		free(data);
		return zip_failed(err, name, zip_get_error(za));
	}
	if (zip_file_add(za, name, s, ZIP_FL_ENC_UTF_8) < 0) {
		zip_source_free(s);
		return zip_failed(err, name, zip_get_error(za));
	}
	return CCHC_OK;
}

/* A libzip source of a part deflated here: the archive copies its bytes
 * as they are, with the size and CRC given. */
struct deflated {
	struct deflater d;
	size_t at;                   /* bytes read */
};

static zip_int64_t deflated_source(void *ud, void *data, zip_uint64_t len, zip_source_cmd_t cmd)
{
	struct deflated *p = ud;
	switch (cmd) {
	case ZIP_SOURCE_OPEN:
		p->at = 0;
		return 0;
	case ZIP_SOURCE_READ: {
		size_t n = p->d.out.len - p->at;
		n = len < n ? (size_t)len : n;
		if (n)
			memcpy(data, p->d.out.s + p->at, n);
		p->at += n;
		return (zip_int64_t)n;
	}
	case ZIP_SOURCE_CLOSE:
		return 0;
	case ZIP_SOURCE_STAT: {
		zip_stat_t *st = data;
		if (len < sizeof *st)
			return -1;
		zip_stat_init(st);
		st->size = p->d.size;
		st->comp_size = p->d.out.len;
		st->comp_method = ZIP_CM_DEFLATE;
		st->crc = p->d.crc;
		st->valid |= ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE | ZIP_STAT_COMP_METHOD | ZIP_STAT_CRC;
		return sizeof *st;
	}
	case ZIP_SOURCE_ERROR:   /* never failed: no error of its own */
		if (len < 2 * sizeof(int))
			return -1;
		memset(data, 0, 2 * sizeof(int));
		return 2 * sizeof(int);
	case ZIP_SOURCE_FREE:
		sbuf_free(&p->d.out);
		free(p);
		return 0;
	case ZIP_SOURCE_SUPPORTS:
		return ZIP_SOURCE_SUPPORTS_READABLE;
	default:
		return -1;
	}
}

/* Builds the document part, deflated on a second thread as it is
 * written; false when no deflate stream can be had (the part is then
 * built in memory and deflated by the archive). */
static bool add_deflated(zip_t *za, const char *name, const struct doc *d, int *rc,
			 struct cchc_err *err)
{
	struct deflated *p = xcalloc(1, sizeof *p);
	if (!deflater_start(&p->d)) {
		free(p);
		return false;
	}
	struct sbuf b = SBUF_INIT;
	spill_to = &p->d;
	part_document(&b, d);
	spill_to = NULL;
	deflater_push(&p->d, &b, true);
	if (!deflater_finish(&p->d)) {
		sbuf_free(&p->d.out);
		free(p);
		*rc = err_set(err, CCHC_EIO, "Không tạo được tệp Word (.docx): hết bộ nhớ khi nén");
		return true;
	}
	zip_source_t *s = zip_source_function(za, deflated_source, p);
	if (!s) {
		sbuf_free(&p->d.out);
		free(p);
		*rc = zip_failed(err, name, zip_get_error(za));
		return true;
	}
	if (zip_file_add(za, name, s, ZIP_FL_ENC_UTF_8) < 0) {
		zip_source_free(s);
		*rc = zip_failed(err, name, zip_get_error(za));
		return true;
	}
	*rc = CCHC_OK;
	return true;
}

static int add_parts(zip_t *za, const struct doc *d, struct cchc_err *err)
{
	int rc = CCHC_OK;
	for (size_t i = 0; rc == CCHC_OK && i < sizeof parts / sizeof parts[0]; i++) {
		if (parts[i].build == part_document && add_deflated(za, parts[i].name, d, &rc, err))
			continue;
		struct sbuf b = SBUF_INIT;
		parts[i].build(&b, d);
		size_t n = b.len;
		rc = add_part(za, parts[i].name, sbuf_detach(&b), n, err);
	}
	return rc;
}

/* Copies the bytes of the finished in-memory archive. */
static int source_bytes(zip_source_t *src, char **out, size_t *len, struct cchc_err *err)
{
	zip_stat_t st;
	if (zip_source_open(src) < 0)
		return zip_failed(err, "đọc lại", zip_source_error(src));
	if (zip_source_stat(src, &st) < 0 || !(st.valid & ZIP_STAT_SIZE)) {
		zip_source_close(src);
		return zip_failed(err, "đọc lại", zip_source_error(src));
	}
	char *buf = xmalloc(st.size ? (size_t)st.size : 1);
	zip_int64_t n = zip_source_read(src, buf, st.size);
	zip_source_close(src);
	if (n < 0 || (zip_uint64_t)n != st.size) {
		free(buf);
		return zip_failed(err, "đọc lại", zip_source_error(src));
	}
	*out = buf;
	*len = (size_t)st.size;
	return CCHC_OK;
}

int doc_render_docx(const struct doc *d, char **out, size_t *len, struct cchc_err *err)
{
	if (lazylib_zip(err))
		return err->code;
	zip_error_t ze;
	zip_error_init(&ze);
	zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &ze);
	zip_t *za = src ? zip_open_from_source(src, ZIP_TRUNCATE, &ze) : NULL;
	if (!za) {
		int rc = zip_failed(err, "mở", &ze);
		zip_source_free(src);
		zip_error_fini(&ze);
		return rc;
	}
	zip_source_keep(src);
	int rc = add_parts(za, d, err);
	if (rc == CCHC_OK && zip_close(za) < 0)
		rc = zip_failed(err, "đóng", zip_get_error(za));
	else if (rc == CCHC_OK)
		za = NULL;
	if (za)
		zip_discard(za);
	if (rc == CCHC_OK)
		rc = source_bytes(src, out, len, err);
	zip_source_free(src);
	zip_error_fini(&ze);
	return rc;
}
