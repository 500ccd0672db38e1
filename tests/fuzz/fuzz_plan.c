/* Fuzz target: the plan importer as plan_import_file runs it, minus the
 * database: bytes decoded as a file would be (text_decode_input), then the
 * pure parser. Checks what the loader relies on: every string present and
 * valid UTF-8 (no letter cut in half), parents before their children. */
#include <config.h>
#include "fuzz.h"
#include "import/plan_parse.h"
#include "text/encoding.h"
#include "text/utf8.h"

static void check_text(const char *s)
{
	FUZZ_CHECK(s != NULL);
	FUZZ_CHECK(utf8_valid(s, strlen(s), NULL));
}

static void check_doc(const struct plan_doc *d)
{
	const char *fields[] = { d->parent_body, d->issuer, d->doc_no, d->doc_type, d->place,
				 d->date_text, d->issued_on, d->title, d->preamble, d->closing,
				 d->signer_authority, d->signer_title, d->signer_name };
	for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
		check_text(fields[i]);
	for (int i = 0; i < d->nrefs; i++) {
		check_text(d->refs[i].kind);
		check_text(d->refs[i].doc_no);
		check_text(d->refs[i].date_text);
		check_text(d->refs[i].issued_on);
	}
	for (int i = 0; i < d->nrecipients; i++)
		check_text(d->recipients[i]);
	FUZZ_CHECK(d->nsections > 0);
	for (int i = 0; i < d->nsections; i++) {
		const struct pdoc_section *s = &d->sections[i];
		FUZZ_CHECK(s->parent >= -1 && s->parent < i);
		FUZZ_CHECK(s->style >= STYLE_ROMAN && s->style <= STYLE_NAMED);
		FUZZ_CHECK(numbering_style_name(s->style) != NULL);
		check_text(s->label);
		check_text(s->heading);
		for (int k = 0; k < s->nitems; k++)
			check_text(s->items[k].text);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = NULL;
	size_t len;
	struct cchc_err err;
	if (text_decode_input((const char *)data, size, NULL, "fuzz", &text, &len, &err))
		return 0;
	FUZZ_CHECK(strlen(text) == len && utf8_valid(text, len, NULL));
	struct plan_doc doc;
	if (plan_parse(text, &doc, &err) == CCHC_OK) {
		check_doc(&doc);
		plan_doc_free(&doc);
	}
	free(text);
	return 0;
}
