/* Markdown writer (CommonMark with GFM pipe tables): the header as lines,
 * the type as the one top heading, report headings one level below, bold
 * and italic runs, tables, then "Nơi nhận:" and the signer. Text is escaped
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

static void md_row(struct sbuf *b, const struct doc_table *t, int r, bool bold)
{
	sbuf_add(b, "|");
	for (int c = 0; c < t->ncols; c++) {
		const char *cell = r < 0 ? "" : doc_str(t->cells[r * t->ncols + c]);
		sbuf_add(b, " ");
		sbuf_add(b, bold && *cell ? "**" : "");
		md_escape(b, cell, MD_CELL);
		sbuf_add(b, bold && *cell ? "**" : "");
		sbuf_add(b, " |");
	}
	sbuf_add(b, "\n");
}

/* A GFM pipe table: the first header row is the table's header (an empty
 * one when it has none); further header rows are bold body rows. */
static void md_table(struct sbuf *b, const struct doc_table *t)
{
	if (*doc_str(t->title)) {
		emphasis(b, t->title, DOC_BOLD);
		sbuf_add(b, "\n\n");
	}
	if (t->nrows == 0)
		return;
	md_row(b, t, t->header_rows > 0 ? 0 : -1, false);
	sbuf_add(b, "|");
	for (int c = 0; c < t->ncols; c++)
		sbuf_add(b, t->numeric[c] ? " ---: |" : " --- |");
	sbuf_add(b, "\n");
	for (int r = t->header_rows > 0 ? 1 : 0; r < t->nrows; r++)
		md_row(b, t, r, r < t->header_rows);
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

int doc_render_md(const struct doc *d, char **out, size_t *len, struct cchc_err *err)
{
	struct sbuf b = SBUF_INIT;
	md_header(&b, d);
	md_title(&b, d);
	for (int i = 0; i < d->nblocks; i++) {
		const struct doc_block *k = &d->blocks[i];
		if (k->kind == DOC_PARA_BLOCK)
			md_para(&b, &k->para);
		else if (k->kind == DOC_TABLE_BLOCK)
			md_table(&b, &k->table);
		else
			sbuf_add(&b, "---\n\n");
	}
	md_footer(&b, d);
	while (b.len >= 2 && b.s[b.len - 1] == '\n' && b.s[b.len - 2] == '\n')
		sbuf_trunc(&b, b.len - 1);
	*len = b.len;
	*out = sbuf_detach(&b);
	return CCHC_OK;
}
