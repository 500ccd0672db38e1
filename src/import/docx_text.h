/* A Word (.docx) plan as the plain text the plan parser reads.
 *
 * Split like the plan importer: docx_xml_to_text is pure (the XML of the
 * document's parts in, text out) and docx_read_text opens the zip. */
#ifndef CCHC_DOCX_TEXT_H
#define CCHC_DOCX_TEXT_H
#include <stddef.h>
#include "util/err.h"

/* The parts of a .docx that carry its text; numbering and styles may be
 * NULL (a document without lists or styles). */
struct docx_parts {
	const char *document;
	size_t document_len;
	const char *numbering;
	size_t numbering_len;
	const char *styles;
	size_t styles_len;
};

/* Converts word/document.xml to text: a paragraph a line with a blank line
 * between paragraphs, a soft line break a new line, w:tab a TAB; Word's
 * automatic numbers written out ("II.", "1.2.", "a)", "- " for bullets);
 * tables at the top or holding "Nơi nhận"/the signer (at most 3 columns) as
 * lines whose cells are TAB-separated, line by line across the cells; other
 * tables as one "| a | b |" line a row. Deleted text, field instructions
 * and hidden text are left out. The result is UTF-8 (not yet NFC). */
int docx_xml_to_text(const struct docx_parts *parts, char **out, struct cchc_err *err);

/* Reads path as a .docx (zip with word/document.xml) and converts it. what
 * names the file in messages. */
int docx_read_text(const char *path, const char *what, char **out, struct cchc_err *err);

#endif
