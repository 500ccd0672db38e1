/* A plan file as the office receives it: text (.txt, .md), Word (.docx) or
 * PDF with a text layer, told apart by content, not by name. */
#ifndef CCHC_PLAN_FILE_H
#define CCHC_PLAN_FILE_H
#include "import/plan_load.h"

enum plan_file_kind { PF_TEXT, PF_DOCX, PF_PDF, PF_ZIP, PF_DOC, PF_RTF, PF_ODT };

/* What the first bytes of a file say it is (head: at most its first 1 KiB). */
enum plan_file_kind plan_file_sniff(const char *head, size_t n);

/* Reads path as plan_import_path does, into NFC UTF-8 text (malloc'd),
 * without importing it; *kind (may be NULL) gets what the file is. */
int plan_read_path(const char *path, const char *enc, char **text, enum plan_file_kind *kind,
		   struct cchc_err *err);

/* Reads path (a .docx, a .pdf, or text in enc, NULL for UTF-8/UTF-16 with
 * BOM) and imports it; the plan's source_name is the file's base name, its
 * hash that of the text read out of the file. */
int plan_import_path(struct db *db, const char *path, const char *enc,
		     struct plan_import_result *res, struct cchc_err *err);

/* The text layer of a PDF by pdftotext -layout (form feeds: blank lines),
 * NFC UTF-8. Clear errors for a missing pdftotext, a scan with no text, and
 * pdftotext's own reason for an encrypted or broken file. */
int plan_pdf_text(const char *path, const char *what, char **out, struct cchc_err *err);

#endif
