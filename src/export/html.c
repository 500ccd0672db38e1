/* HTML writer: one self-contained HTML5 page laid out for printing on A4
 * (the browser's "Print" gives the document), styles embedded. Merged
 * cells have rowspan/colspan; each annex starts a printed page after the
 * signer; a wide table prints on a landscape page (a named @page, where
 * the browser supports it). */
#include <config.h>
#include <stdlib.h>
#include <string.h>
#include "export/doc.h"
#include "export/writers.h"
#include "text/utf8.h"
#include "util/sbuf.h"

static const char css[] =
	"@page { size: A4; margin: 20mm 15mm 20mm 30mm }\n"
	"body { font-family: \"Times New Roman\", Times, serif; font-size: 14pt; line-height: 1.2;"
	" margin: 0; color: #000; background: #fff }\n"
	"@media screen { body { width: 165mm; margin: 10mm auto } }\n"
	"p { margin: 0 0 6pt; text-align: justify }\n"
	"h1, h2, h3, h4 { font-size: 14pt; font-weight: bold; margin: 6pt 0; text-align: justify;"
	" page-break-after: avoid }\n"
	".body, .heading { text-indent: 1.27cm }\n"
	".left { text-align: left } .center { text-align: center; text-indent: 0 }"
	" .right { text-align: right; text-indent: 0 }\n"
	"h1.type { text-align: center; margin: 18pt 0 0 }\n"
	"p.abstract { text-align: center; font-weight: bold; margin: 0 }\n"
	"hr.abstract { width: 33%; margin: 2pt auto 12pt; border: 0; border-top: 1px solid #000 }\n"
	"table.frame { width: 100%; border-collapse: collapse }\n"
	"table.frame td { vertical-align: top; padding: 0; border: none }\n"
	"table.frame p { margin: 0; text-align: center; text-indent: 0 }\n"
	"td.issuer { width: 38% } td.issuer p { font-size: 13pt } p.issuing { font-weight: bold }\n"
	"hr.rule { width: 30%; margin: 1pt auto 4pt; border: 0; border-top: 1px solid #000 }\n"
	"p.national { font-size: 13pt; font-weight: bold }\n"
	"p.motto { font-weight: bold; text-decoration: underline }\n"
	"p.date { font-style: italic; margin-top: 4pt }\n"
	"table.grid { width: 100%; border-collapse: collapse; margin: 6pt 0 }\n"
	"table.grid caption { font-weight: bold; margin-bottom: 4pt }\n"
	"table.grid th, table.grid td { border: 1px solid #000; padding: 2pt 4pt; font-size: 13pt;"
	" vertical-align: top; text-align: left }\n"
	"table.grid th { text-align: center; vertical-align: middle }\n"
	"table.grid td.num { text-align: right } table.grid td.date { text-align: center }\n"
	"tr.total td { font-weight: bold } tr.italic td { font-style: italic }\n"
	"p.note { text-align: center; font-style: italic; margin: 0 }\n"
	"p.unit { text-align: right; font-style: italic; font-size: 12pt; margin: 0 0 2pt }\n"
	"p.addressee { margin: 6pt 0 12pt } p.addressee-label { margin: 6pt 0 0 3cm }\n"
	"p.addressee-item { margin: 0 0 0 5cm; text-align: left }\n"
	"div.annex { page-break-before: always; break-before: page }\n"
	"div.annex p.heading-line { text-align: center; margin: 0 } div.annex p.last { margin-bottom: 12pt }\n"
	"@page wide { size: A4 landscape; margin: 30mm 20mm 15mm 20mm }\n"
	".landscape { page: wide } table.landscape th, table.landscape td { font-size: 11pt; padding: 1pt 2pt }\n"
	"thead { display: table-header-group } tr { page-break-inside: avoid }\n"
	"div.pagebreak { page-break-after: always; break-after: page }\n"
	"table.sign { margin-top: 12pt }\n"
	"td.recipients { width: 45% } td.recipients p { text-align: left; font-size: 11pt }\n"
	"td.recipients p.label { font-size: 12pt; font-weight: bold; font-style: italic }\n"
	"td.signer p { font-weight: bold } div.signature { height: 5em }\n";

/* <tag class="cls">text</tag>, the text escaped; cls may be NULL. */
static void element(struct sbuf *b, const char *tag, const char *cls, const char *text)
{
	if (cls)
		sbuf_addf(b, "<%s class=\"%s\">", tag, cls);
	else
		sbuf_addf(b, "<%s>", tag);
	doc_escape_markup(b, text, "<br>", false);
	sbuf_addf(b, "</%s>\n", tag);
}

static void html_run(struct sbuf *b, const struct doc_run *r)
{
	static const struct {
		int attr;
		const char *open, *close;
	} tags[] = { { DOC_BOLD, "<b>", "</b>" }, { DOC_ITALIC, "<i>", "</i>" },
		     { DOC_UNDERLINE, "<u>", "</u>" } };
	enum { NTAGS = sizeof tags / sizeof tags[0] };
	for (int i = 0; i < NTAGS; i++)
		sbuf_add(b, r->attrs & tags[i].attr ? tags[i].open : "");
	doc_escape_markup(b, doc_str(r->text), "<br>", false);
	for (int i = NTAGS - 1; i >= 0; i--)
		sbuf_add(b, r->attrs & tags[i].attr ? tags[i].close : "");
}

static void html_para(struct sbuf *b, const struct doc_para *p)
{
	static const char *const tags[] = {
		[DOC_BODY] = "p", [DOC_PLAIN] = "p", [DOC_HEADING1] = "h2", [DOC_HEADING2] = "h3",
		[DOC_HEADING3] = "h4",
	};
	static const char *const aligns[] = {
		[DOC_JUSTIFY] = "", [DOC_LEFT] = " left", [DOC_CENTER] = " center", [DOC_RIGHT] = " right",
	};
	unsigned st = (unsigned)p->style <= DOC_HEADING3 ? (unsigned)p->style : DOC_BODY;
	unsigned al = (unsigned)p->align <= DOC_RIGHT ? (unsigned)p->align : DOC_JUSTIFY;
	sbuf_addf(b, "<%s class=\"%s%s\">", tags[st], st == DOC_BODY ? "body" : st == DOC_PLAIN ?
		  "plain" : "heading", aligns[al]);
	for (int i = 0; i < p->nruns; i++)
		html_run(b, &p->runs[i]);
	sbuf_addf(b, "</%s>\n", tags[st]);
}

/* Column widths in per cent, from the declared or natural widths. */
static void html_columns(struct sbuf *b, const struct doc_table *t)
{
	int *want = xcalloc((size_t)t->ncols, sizeof *want);
	int *permille = xcalloc((size_t)t->ncols, sizeof *permille);
	doc_table_weights(t, want);
	doc_scale_widths(want, t->ncols, 1000, permille);
	sbuf_add(b, "<colgroup>");
	for (int c = 0; c < t->ncols; c++)
		sbuf_addf(b, "<col style=\"width: %d.%d%%\">", permille[c] / 10, permille[c] % 10);
	sbuf_add(b, "</colgroup>\n");
	free(want);
	free(permille);
}

/* Opens a cell: its spans when it is merged, its class when it has one. */
static void cell_open(struct sbuf *b, const char *tag, const struct doc_merge *m,
		      const char *cls)
{
	sbuf_addf(b, "<%s", tag);
	if (m && m->rows > 1)
		sbuf_addf(b, " rowspan=\"%d\"", m->rows);
	if (m && m->cols > 1)
		sbuf_addf(b, " colspan=\"%d\"", m->cols);
	if (cls)
		sbuf_addf(b, " class=\"%s\"", cls);
	sbuf_add(b, ">");
}

/* Row r: a merge's first cell with rowspan/colspan, the cells it covers
 * left out. */
static void html_row(struct sbuf *b, const struct doc_table *t, int r)
{
	bool head = r < t->header_rows;
	int attrs = head ? 0 : t->row_attrs[r];
	sbuf_add(b, attrs & DOC_BOLD ? "<tr class=\"total\">" : attrs & DOC_ITALIC ?
		 "<tr class=\"italic\">" : "<tr>");
	for (int c = 0; c < t->ncols; c++) {
		int k = doc_table_merge_at(t, r, c);
		const struct doc_merge *m = k >= 0 ? &t->merges[k] : NULL;
		if (m && (m->row != r || m->col != c))
			continue;
		const char *cls = head || (m && m->cols > 1) ? NULL : t->date[c] ? "date"
				  : t->numeric[c] ? "num" : NULL;
		cell_open(b, head ? "th" : "td", m, cls);
		doc_escape_markup(b, doc_str(t->cells[r * t->ncols + c]), "<br>", false);
		sbuf_addf(b, "</%s>\n", head ? "th" : "td");
	}
	sbuf_add(b, "</tr>\n");
}

/* The title, notes and unit above the table; a wide table goes with them
 * on a landscape page of its own when printed. */
static void html_table(struct sbuf *b, const struct doc_table *t)
{
	if (t->landscape)
		sbuf_add(b, "<div class=\"landscape\">\n");
	for (int i = 0; i < t->nnotes; i++)
		element(b, "p", "note", t->notes[i]);
	if (*doc_str(t->unit_note))
		element(b, "p", "unit", t->unit_note);
	sbuf_add(b, t->landscape ? "<table class=\"grid landscape\">\n" : "<table class=\"grid\">\n");
	if (*doc_str(t->title))
		element(b, "caption", NULL, t->title);
	html_columns(b, t);
	for (int r = 0; r < t->nrows; r++) {
		if (r == 0)
			sbuf_add(b, r < t->header_rows ? "<thead>\n" : "<tbody>\n");
		else if (r == t->header_rows)
			sbuf_add(b, "</thead>\n<tbody>\n");
		html_row(b, t, r);
	}
	if (t->nrows > 0)
		sbuf_add(b, t->nrows <= t->header_rows ? "</thead>\n" : "</tbody>\n");
	sbuf_add(b, "</table>\n");
	if (t->landscape)
		sbuf_add(b, "</div>\n");
}

static void html_header(struct sbuf *b, const struct doc *d)
{
	struct sbuf line = SBUF_INIT;
	sbuf_add(b, "<table class=\"frame head\"><tr><td class=\"issuer\">\n");
	if (*doc_str(d->parent_body))
		element(b, "p", NULL, d->parent_body);
	if (*doc_str(d->issuing_body))
		element(b, "p", "issuing", d->issuing_body);
	sbuf_add(b, "<hr class=\"rule\">\n");
	doc_number_line(d, &line);
	element(b, "p", "number", line.s);
	sbuf_add(b, "</td><td>\n");
	element(b, "p", "national", DOC_NATIONAL_TITLE);
	element(b, "p", "motto", DOC_MOTTO);
	sbuf_trunc(&line, 0);
	doc_place_date(d, &line);
	element(b, "p", "date", line.s);
	sbuf_add(b, "</td></tr></table>\n");
	sbuf_free(&line);
}

static void html_footer(struct sbuf *b, const struct doc *d)
{
	if (d->nrecipients == 0 && !doc_has_signer(d))
		return;
	sbuf_add(b, "<table class=\"frame sign\"><tr><td class=\"recipients\">\n");
	if (d->nrecipients > 0)
		element(b, "p", "label", DOC_RECIPIENTS_LABEL);
	for (int i = 0; i < d->nrecipients; i++) {
		sbuf_add(b, "<p>- ");
		doc_escape_markup(b, doc_str(d->recipients[i]), "<br>", false);
		sbuf_add(b, "</p>\n");
	}
	sbuf_add(b, "</td><td class=\"signer\">\n");
	if (doc_has_signer(d)) {
		element(b, "p", NULL, doc_str(d->signer_authority));
		if (*doc_str(d->signer_title))
			element(b, "p", NULL, d->signer_title);
		sbuf_add(b, "<div class=\"signature\"></div>\n");
		element(b, "p", NULL, doc_str(d->signer_name));
	}
	sbuf_add(b, "</td></tr></table>\n");
}

static void html_head(struct sbuf *b, const struct doc *d)
{
	sbuf_add(b, "<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n"
		 "<meta name=\"generator\" content=\"cchc\">\n<title>");
	doc_escape_markup(b, doc_str(d->type), "<br>", false);
	sbuf_add(b, *doc_str(d->type) && *doc_str(d->abstract) ? " " : "");
	doc_escape_markup(b, doc_str(d->abstract), "<br>", false);
	sbuf_addf(b, "</title>\n<style>\n%s</style>\n</head>\n<body>\n", css);
}

/* "Kính gửi: X." centred, or "Kính gửi:" and a "- X;" line each. */
static void html_addressees(struct sbuf *b, const struct doc *d)
{
	struct sbuf line = SBUF_INIT;
	if (d->naddressees > 1)
		element(b, "p", "addressee-label", DOC_ADDRESSEE_LABEL);
	for (int i = 0; i < d->naddressees; i++) {
		sbuf_trunc(&line, 0);
		sbuf_add(&line, d->naddressees == 1 ? DOC_ADDRESSEE_LABEL " " : "- ");
		doc_addressee(d, i, &line);
		element(b, "p", d->naddressees == 1 ? "addressee center" : "addressee-item", line.s);
	}
	sbuf_free(&line);
}

static bool annex_has_wide_table(const struct doc *d, int i)
{
	for (int k = i + 1; k < d->nblocks && d->blocks[k].kind != DOC_ANNEX; k++)
		if (d->blocks[k].kind == DOC_TABLE_BLOCK && d->blocks[k].table.landscape)
			return true;
	return false;
}

/* An annex's heading, opening the block that starts a new printed page
 * (landscape when the annex holds a wide table). */
static void html_annex(struct sbuf *b, const struct doc *d, int i)
{
	const struct doc_para *p = &d->blocks[i].para;
	sbuf_add(b, annex_has_wide_table(d, i) ? "<div class=\"annex landscape\">\n"
		 : "<div class=\"annex\">\n");
	for (int r = 0; r < p->nruns; r++) {
		sbuf_addf(b, "<p class=\"heading-line%s\">", r + 1 == p->nruns ? " last" : "");
		html_run(b, &p->runs[r]);
		sbuf_add(b, "</p>\n");
	}
}

static void html_blocks(struct sbuf *b, const struct doc *d, int from, int to)
{
	for (int i = from; i < to; i++) {
		const struct doc_block *k = &d->blocks[i];
		if (k->kind == DOC_ANNEX) {
			sbuf_add(b, i > from ? "</div>\n" : "");
			html_annex(b, d, i);
		} else if (k->kind == DOC_PARA_BLOCK) {
			html_para(b, &k->para);
		} else if (k->kind == DOC_TABLE_BLOCK) {
			html_table(b, &k->table);
		} else {
			sbuf_add(b, "<div class=\"pagebreak\"></div>\n");
		}
	}
	if (from < to && d->blocks[from].kind == DOC_ANNEX)
		sbuf_add(b, "</div>\n");
}

/* A body that opens with a wide table (a register) prints its header on
 * the table's landscape page: the header goes on the same named page, so
 * that no portrait page holds it alone (as the docx writer does). */
static bool opens_wide(const struct doc *d, int annex)
{
	return annex > 0 && d->blocks[0].kind == DOC_TABLE_BLOCK && d->blocks[0].table.landscape;
}

int doc_render_html(const struct doc *d, char **out, size_t *len, struct cchc_err *err)
{
	struct sbuf b = SBUF_INIT;
	int annex = doc_annex_start(d);
	html_head(&b, d);
	sbuf_add(&b, opens_wide(d, annex) ? "<div class=\"landscape\">\n" : "");
	html_header(&b, d);
	if (*doc_str(d->type))
		element(&b, "h1", "type", d->type);
	if (*doc_str(d->abstract))
		element(&b, "p", "abstract", d->abstract);
	if (*doc_str(d->type) || *doc_str(d->abstract))
		sbuf_add(&b, "<hr class=\"abstract\">\n");
	html_addressees(&b, d);
	sbuf_add(&b, opens_wide(d, annex) ? "</div>\n" : "");
	html_blocks(&b, d, 0, annex);
	html_footer(&b, d);
	html_blocks(&b, d, annex, d->nblocks);
	sbuf_add(&b, "</body>\n</html>\n");
	*len = b.len;
	*out = sbuf_detach(&b);
	return CCHC_OK;
}
