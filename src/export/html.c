/* HTML writer: one self-contained HTML5 page laid out for printing on A4
 * (the browser's "Print" gives the document), styles embedded. */
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
	"p.abstract { text-align: center; font-weight: bold; margin: 0 0 12pt }\n"
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
	"table.grid td.num { text-align: right }\n"
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

static void html_table(struct sbuf *b, const struct doc_table *t)
{
	sbuf_add(b, "<table class=\"grid\">\n");
	if (*doc_str(t->title))
		element(b, "caption", NULL, t->title);
	html_columns(b, t);
	for (int r = 0; r < t->nrows; r++) {
		bool head = r < t->header_rows;
		if (r == 0)
			sbuf_add(b, head ? "<thead>\n" : "<tbody>\n");
		else if (r == t->header_rows)
			sbuf_add(b, "</thead>\n<tbody>\n");
		sbuf_add(b, "<tr>");
		for (int c = 0; c < t->ncols; c++) {
			const char *cell = doc_str(t->cells[r * t->ncols + c]);
			if (head)
				element(b, "th", NULL, cell);
			else
				element(b, "td", t->numeric[c] ? "num" : NULL, cell);
		}
		sbuf_add(b, "</tr>\n");
	}
	if (t->nrows > 0)
		sbuf_add(b, t->nrows <= t->header_rows ? "</thead>\n" : "</tbody>\n");
	sbuf_add(b, "</table>\n");
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

int doc_render_html(const struct doc *d, char **out, size_t *len, struct cchc_err *err)
{
	struct sbuf b = SBUF_INIT;
	html_head(&b, d);
	html_header(&b, d);
	if (*doc_str(d->type))
		element(&b, "h1", "type", d->type);
	if (*doc_str(d->abstract))
		element(&b, "p", "abstract", d->abstract);
	for (int i = 0; i < d->nblocks; i++) {
		const struct doc_block *k = &d->blocks[i];
		if (k->kind == DOC_PARA_BLOCK)
			html_para(&b, &k->para);
		else if (k->kind == DOC_TABLE_BLOCK)
			html_table(&b, &k->table);
		else
			sbuf_add(&b, "<div class=\"pagebreak\"></div>\n");
	}
	html_footer(&b, d);
	sbuf_add(&b, "</body>\n</html>\n");
	*len = b.len;
	*out = sbuf_detach(&b);
	return CCHC_OK;
}
