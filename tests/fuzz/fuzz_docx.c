/* Fuzz target: the .docx reader's pure half, docx_xml_to_text, as
 * docx_read_text runs it on the parts of a zip. The input is the parts
 * separated by NUL bytes: word/document.xml, then word/numbering.xml, then
 * word/styles.xml (absent parts: none). Checks what the importer relies on:
 * on success the text is a C string of the length it says, with no NUL,
 * and valid UTF-8 whenever the document was (expat only passes valid
 * UTF-8 through). */
#include <config.h>
#include "fuzz.h"
#include "import/docx_text.h"
#include "text/utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *part[3] = { NULL, NULL, NULL };
	size_t len[3] = { 0, 0, 0 };
	const char *p = (const char *)data, *end = p + size;
	for (int i = 0; i < 3 && p <= end; i++) {
		const char *nul = memchr(p, '\0', (size_t)(end - p));
		part[i] = p;
		len[i] = nul ? (size_t)(nul - p) : (size_t)(end - p);
		if (!nul)
			break;
		p = nul + 1;
	}
	struct docx_parts parts = { part[0], len[0], part[1], len[1], part[2], len[2] };
	struct cchc_err err;
	char *out = NULL;
	if (docx_xml_to_text(&parts, &out, &err) == CCHC_OK) {
		FUZZ_CHECK(out != NULL);
		FUZZ_CHECK(utf8_valid(out, strlen(out), NULL));
		free(out);
	} else {
		FUZZ_CHECK(out == NULL && err.code != CCHC_OK && err.msg[0]);
	}
	return 0;
}
