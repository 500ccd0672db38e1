/* Which encoding a file of Vietnamese text is in, when the clerk does not
 * say (the one-stop system's exports come as UTF-8, with or without a BOM,
 * UTF-16 from Excel, and from older offices in Windows-1258 or TCVN3). */
#ifndef CCHC_DETECT_H
#define CCHC_DETECT_H
#include <stdbool.h>
#include <stddef.h>
#include "util/err.h"

struct text_guess {
	const char *iconv;   /* the name for iconv; NULL: UTF-8, taken as it is */
	const char *name;    /* as the clerk knows it: "Windows-1258", "TCVN3" */
	bool bom;            /* recognised by its byte order mark */
};

/* Guesses the encoding of a file from sample, its first n bytes (at_end:
 * the whole file): a BOM (UTF-8, UTF-16LE, UTF-16BE) decides; else bytes
 * that are valid UTF-8 are UTF-8; else the sample is read as each legacy
 * Vietnamese encoding (Windows-1258, TCVN3) and the one whose words look
 * Vietnamese (letters with at most one tone mark, on a vowel, and no stray
 * symbols) wins. False when none does: the bytes are something else. A
 * sample with a NUL byte and no BOM is left as UTF-8 for the caller's
 * refusal (UTF-16 without a BOM, or not text). */
bool text_guess_encoding(const char *sample, size_t n, bool at_end, struct text_guess *g);

/* The refusal of a file (what names it) whose first n bytes, sample, are
 * no encoding text_guess_encoding knows: with the line of the first byte
 * that is not UTF-8, and the way out (save as UTF-8, or --encoding). */
int text_refuse_unknown(const char *what, const char *sample, size_t n, struct cchc_err *err);

/* The name the clerk knows for an iconv name or alias (tcvn3 ->
 * "TCVN3", cp1258 -> "Windows-1258"); others as given. */
const char *text_encoding_display(const char *name);

/* The line saying which encoding was used, e.g. "Windows-1258 (tự nhận
 * biết)", "UTF-8 có BOM (tự nhận biết)", "TCVN3 (theo --encoding)". */
void text_encoding_said(const struct text_guess *g, bool named, char *out, size_t size);

#endif
