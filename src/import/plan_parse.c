#include <config.h>
#include <stdlib.h>
#include <string.h>
#include "import/plan_parse.h"
#include "util/sbuf.h"

const char *numbering_style_name(enum numbering_style s)
{
	static const char *const names[] = { "roman", "arabic", "dotted", "letter", "paren", "annex" };
	return names[s];
}

int plan_parse(const char *text, struct plan_doc *doc, struct cchc_err *err)
{
	memset(doc, 0, sizeof *doc);
	const char *nl = strchr(text, '\n');
	doc->title = nl ? xstrndup(text, (size_t)(nl - text)) : xstrdup(text);
	const char **f[] = { (const char **)&doc->parent_body };
	(void)f;
	return CCHC_OK;
}

void plan_doc_free(struct plan_doc *doc)
{
	free(doc->title);
	memset(doc, 0, sizeof *doc);
}
