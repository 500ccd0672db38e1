/* Markdown writer (CommonMark with GFM pipe tables): the header as lines,
 * the type as the one top heading, report headings one level below, bold
 * and italic runs, tables (merged header rows joined into one), then "Nơi
 * nhận:" and the signer, then the annexes. Text is escaped
 * so that nothing in it turns into Markdown. */
#include <config.h>
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include "export/doc.h"
#include "export/writers.h"
#include "text/utf8.h"
#include "util/sbuf.h"

#define HARD_BREAK "\\\n"

/* Escapes what would start a block at the beginning of a line: a list
 * marker, a numbered item ("1." / "1)"), a setext underline. Returns the
 * number of bytes of s written. */
static size_t escape_line_start(struct sbuf *b, const char *s)
{
	size_t i = 0;
	while (s[i] == ' ')
		i++; /* leading spaces would make a code block */
	if (s[i] == '-' || s[i] == '+' || s[i] == '=') {
		sbuf_addc(b, '\\');
		return i;
	}
	size_t k = i;
	while (isdigit((unsigned char)s[k]))
		k++;
	if (k > i && (s[k] == '.' || s[k] == ')')) {
		sbuf_addn(b, s + i, k - i);
		sbuf_addc(b, '\\');
		return k;
	}
	return i;
}

/* Where escaped text goes: running text (where a line may start a block),
 * a heading (one line), a table cell. */
enum md_mode { MD_TEXT, MD_HEADING, MD_CELL };

/* Appends s escaped for Markdown. A newline becomes a hard line break in
 * running text, <br> in a cell, a space in a heading. */
static void md_escape(struct sbuf *b, const char *s, enum md_mode mode)
{
	static const char specials[] = "\\`*_[]<>#|&~!";
	size_t n = strlen(s);
	size_t i = mode == MD_TEXT ? escape_line_start(b, s) : 0;
	while (i < n) {
		uint32_t cp;
		size_t len = utf8_decode(s + i, n - i, &cp);
		if (len == 0) {
			sbuf_add(b, "\xef\xbf\xbd");
			i++;
			continue;
		}
		if (cp == '\n') {
			sbuf_add(b, mode == MD_CELL ? "<br>" : mode == MD_HEADING ? " " : HARD_BREAK);
			i += 1;
			if (mode == MD_TEXT)
				i += escape_line_start(b, s + i);
			continue;
		}
		if (cp < 0x80 && strchr(specials, (int)cp))
			sbuf_addc(b, '\\');
		if (!doc_cp_dropped(cp))
			sbuf_addn(b, s + i, len);
		i += len;
	}
}

/* Appends text with the emphasis of attrs; spaces at either end stay
 * outside the markers, where CommonMark needs them. */
static void emphasis(struct sbuf *b, const char *text, int attrs)
{
	static const char *const marks[] = { "", "*", "**", "***" };
	int k = (attrs & DOC_ITALIC ? 1 : 0) + (attrs & DOC_BOLD ? 2 : 0);
	size_t n = strlen(text), lead = strspn(text, " "), end = n;
	while (end > lead && text[end - 1] == ' ')
		end--;
	if (lead == end) {
		sbuf_add(b, text);
		return;
	}
	char *core = xstrndup(text + lead, end - lead);
	sbuf_addn(b, text, lead);
	sbuf_add(b, marks[k]);
	sbuf_add(b, attrs & DOC_UNDERLINE ? "<u>" : "");
	md_escape(b, core, MD_TEXT);
	sbuf_add(b, attrs & DOC_UNDERLINE ? "</u>" : "");
	sbuf_add(b, marks[k]);
	sbuf_add(b, text + end);
	free(core);
}

/* The runs of p, neighbours of the same emphasis merged so that their
 * markers do not run into each other. */
static void md_runs(struct sbuf *b, const struct doc_para *p)
{
	struct sbuf same = SBUF_INIT;
	for (int i = 0; i < p->nruns;) {
		int j = i;
		sbuf_trunc(&same, 0);
		while (j < p->nruns && p->runs[j].attrs == p->runs[i].attrs)
			sbuf_add(&same, doc_str(p->runs[j++].text));
		const char *text = same.s ? same.s : "";
		/* spaces opening a paragraph would make it a code block */
		emphasis(b, i == 0 ? text + strspn(text, " ") : text, p->runs[i].attrs);
		i = j;
	}
	sbuf_free(&same);
}

static void md_para(struct sbuf *b, const struct doc_para *p)
{
	static const char *const marks[] = {
		[DOC_HEADING1] = "## ", [DOC_HEADING2] = "### ", [DOC_HEADING3] = "#### ",
	};
	if (p->style >= DOC_HEADING1 && p->style <= DOC_HEADING3) {
		struct sbuf text = SBUF_INIT;
		doc_para_text(p, &text);
		sbuf_add(b, marks[p->style]);
		md_escape(b, text.s ? text.s : "", MD_HEADING);
		sbuf_free(&text);
	} else {
		md_runs(b, p);
	}
	sbuf_add(b, "\n\n");
}

/* One row of cells; bold cells when bold. A cell a merge covers is empty
 * (Markdown cannot merge: the text stays in the merge's first cell). */
static void md_row(struct sbuf *b, const struct doc_table *t, const char *const *cells, int r,
		   bool bold)
{
	sbuf_add(b, "|");
	for (int c = 0; c < t->ncols; c++) {
		int k = r >= 0 ? doc_table_merge_at(t, r, c) : -1;
		bool covered = k >= 0 && (t->merges[k].row != r || t->merges[k].col != c);
		const char *cell = cells && !covered ? cells[c] : "";
		sbuf_add(b, " ");
		sbuf_add(b, bold && *cell ? "**" : "");
		md_escape(b, cell, MD_CELL);
		sbuf_add(b, bold && *cell ? "**" : "");
		sbuf_add(b, " |");
	}
	sbuf_add(b, "\n");
}

/* The header rows as the one header row of a GFM table: each column's
 * texts joined ("Đã giải quyết: Trước hạn"); a row numbering the columns
 * adds nothing and is left out. An empty header when there is none. */
static void md_head(struct sbuf *b, const struct doc_table *t)
{
	char **flat = xcalloc((size_t)t->ncols, sizeof *flat);
	for (int c = 0; c < t->ncols; c++) {
		struct sbuf h = SBUF_INIT;
		doc_flat_header(t, c, &h);
		flat[c] = h.s ? sbuf_detach(&h) : xstrdup("");
	}
	md_row(b, t, (const char *const *)flat, -1, false);
	for (int c = 0; c < t->ncols; c++)
		free(flat[c]);
	free(flat);
	sbuf_add(b, "|");
	for (int c = 0; c < t->ncols; c++)
		sbuf_add(b, t->date[c] ? " :---: |" : t->numeric[c] ? " ---: |" : " --- |");
	sbuf_add(b, "\n");
}

/* A GFM pipe table under its title (bold), notes and unit (italic). */
static void md_table(struct sbuf *b, const struct doc_table *t)
{
	if (*doc_str(t->title)) {
		emphasis(b, t->title, DOC_BOLD);
		sbuf_add(b, "\n\n");
	}
	for (int i = 0; i < t->nnotes; i++) {
		emphasis(b, t->notes[i], DOC_ITALIC);
		sbuf_add(b, i + 1 == t->nnotes ? "\n\n" : HARD_BREAK);
	}
	if (*doc_str(t->unit_note)) {
		emphasis(b, t->unit_note, DOC_ITALIC);
		sbuf_add(b, "\n\n");
	}
	if (t->nrows == 0)
		return;
	md_head(b, t);
	for (int r = t->header_rows; r < t->nrows; r++)
		md_row(b, t, (const char *const *)t->cells + r * t->ncols, r,
		       t->row_attrs[r] & DOC_BOLD);
	sbuf_add(b, "\n");
}

/* Lines of one block joined by hard breaks, then a blank line. */
static void md_lines(struct sbuf *b, const char *const *lines, const int *attrs, int n)
{
	bool any = false;
	for (int i = 0; i < n; i++) {
		if (!*lines[i])
			continue;
		sbuf_add(b, any ? HARD_BREAK : "");
		emphasis(b, lines[i], attrs[i]);
		any = true;
	}
	sbuf_add(b, any ? "\n\n" : "");
}

static void md_header(struct sbuf *b, const struct doc *d)
{
	struct sbuf number = SBUF_INIT, date = SBUF_INIT;
	doc_number_line(d, &number);
	doc_place_date(d, &date);
	const char *left[] = { doc_str(d->parent_body), doc_str(d->issuing_body), number.s };
	const int left_attrs[] = { 0, DOC_BOLD, 0 };
	const char *right[] = { DOC_NATIONAL_TITLE, DOC_MOTTO };
	const int right_attrs[] = { DOC_BOLD, DOC_BOLD };
	md_lines(b, left, left_attrs, 3);
	md_lines(b, right, right_attrs, 2);
	emphasis(b, date.s, DOC_ITALIC);
	sbuf_add(b, "\n\n");
	sbuf_free(&number);
	sbuf_free(&date);
}

static void md_title(struct sbuf *b, const struct doc *d)
{
	if (*doc_str(d->type)) {
		sbuf_add(b, "# ");
		md_escape(b, d->type, MD_HEADING);
		sbuf_add(b, "\n\n");
	}
	if (*doc_str(d->abstract)) {
		emphasis(b, d->abstract, DOC_BOLD);
		sbuf_add(b, "\n\n");
	}
}

static void md_footer(struct sbuf *b, const struct doc *d)
{
	if (d->nrecipients > 0)
		sbuf_add(b, "***" DOC_RECIPIENTS_LABEL "***\n\n");
	for (int i = 0; i < d->nrecipients; i++) {
		sbuf_add(b, "- ");
		md_escape(b, doc_str(d->recipients[i]), MD_TEXT);
		sbuf_add(b, i + 1 == d->nrecipients ? "\n\n" : "\n");
	}
	const char *sign[] = { doc_str(d->signer_authority), doc_str(d->signer_title) };
	const int sign_attrs[] = { DOC_BOLD, DOC_BOLD };
	md_lines(b, sign, sign_attrs, 2);
	if (*doc_str(d->signer_name)) {
		emphasis(b, d->signer_name, DOC_BOLD);
		sbuf_add(b, "\n");
	}
}

/* "Kính gửi: X." or "Kính gửi:" and a list of "- X;". */
static void md_addressees(struct sbuf *b, const struct doc *d)
{
	struct sbuf line = SBUF_INIT;
	if (d->naddressees > 1)
		sbuf_add(b, DOC_ADDRESSEE_LABEL "\n\n");
	for (int i = 0; i < d->naddressees; i++) {
		sbuf_trunc(&line, 0);
		doc_addressee(d, i, &line);
		sbuf_add(b, d->naddressees == 1 ? DOC_ADDRESSEE_LABEL " " : "- ");
		md_escape(b, line.s, MD_TEXT);
		sbuf_add(b, "\n");
	}
	sbuf_add(b, d->naddressees ? "\n" : "");
	sbuf_free(&line);
}

/* Blocks from..to; an annex opens with a rule and its heading lines. */
static void md_blocks(struct sbuf *b, const struct doc *d, int from, int to)
{
	for (int i = from; i < to; i++) {
		const struct doc_block *k = &d->blocks[i];
		if (k->kind == DOC_PARA_BLOCK) {
			md_para(b, &k->para);
		} else if (k->kind == DOC_TABLE_BLOCK) {
			md_table(b, &k->table);
		} else if (k->kind == DOC_ANNEX) {
			sbuf_add(b, "---\n\n");
			for (int r = 0; r < k->para.nruns; r++) {
				emphasis(b, doc_str(k->para.runs[r].text), k->para.runs[r].attrs);
				sbuf_add(b, r + 1 < k->para.nruns ? HARD_BREAK : "\n\n");
			}
		} else {
			sbuf_add(b, "---\n\n");
		}
	}
}

int doc_render_md(const struct doc *d, char **out, size_t *len, struct cchc_err *err)
{
	struct sbuf b = SBUF_INIT;
	int annex = doc_annex_start(d);
	md_header(&b, d);
	md_title(&b, d);
	md_addressees(&b, d);
	md_blocks(&b, d, 0, annex);
	md_footer(&b, d);
	if (annex < d->nblocks)
		sbuf_add(&b, "\n");
	md_blocks(&b, d, annex, d->nblocks);
	while (b.len >= 2 && b.s[b.len - 1] == '\n' && b.s[b.len - 2] == '\n')
		sbuf_trunc(&b, b.len - 1);
	*len = b.len;
	*out = sbuf_detach(&b);
	return CCHC_OK;
}
