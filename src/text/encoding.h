/* Turning bytes from a file into the NFC UTF-8 text cchc stores. */
#ifndef CCHC_ENCODING_H
#define CCHC_ENCODING_H
#include <stddef.h>
#include "util/err.h"

/* Converts raw file bytes to NFC UTF-8 with LF line ends. With enc NULL the
 * input must be UTF-8 (a BOM is dropped) or UTF-16 with a BOM; anything else
 * is refused with the line of the first bad byte (UTF-16 without a BOM is
 * recognised as such, and the --encoding to use named). With enc set (an iconv name
 * such as WINDOWS-1258, TCVN5712-1, UTF-16LE) the bytes are converted from it.
 * Empty, blank and binary input is refused. what names the input in messages. */
int text_decode_input(const char *buf, size_t n, const char *enc, const char *what,
		      char **out, size_t *outlen, struct cchc_err *err);
/* The same, with binary_hint (may be NULL) added in brackets to the refusal
 * of a file that is not text: what the clerk can do instead. */
int text_decode_input_hint(const char *buf, size_t n, const char *enc, const char *what,
			   const char *binary_hint, char **out, size_t *outlen,
			   struct cchc_err *err);

/* "UTF-16LE" or "UTF-16BE" when the first n bytes of a file of total bytes,
 * which has no BOM, look like UTF-16: many NUL bytes, nearly all at odd
 * positions (LE) or at even ones (BE), as the high bytes of ASCII and the
 * Latin letters are; else NULL. */
const char *text_guess_utf16(const char *buf, size_t n, long long total);
/* The refusal of a file read without a named encoding that has a NUL byte on
 * line `line`: UTF-16 without a BOM, naming the --encoding to use, when
 * text_guess_utf16 finds it so from sample (the file's first bytes); else not
 * text, with hint (may be NULL) in brackets. Returns CCHC_EINPUT. */
int text_refuse_nul(const char *what, const char *sample, size_t n, long long total,
		    size_t line, const char *hint, struct cchc_err *err);

/* The iconv name for a name the clerk may type: cp1258 -> WINDOWS-1258,
 * tcvn3 (the .VnTime fonts) -> TCVN5712-1, viscii, utf16le...; other names
 * are passed through. */
const char *text_encoding_name(const char *name);

/* Converts n bytes from encoding from to UTF-8 with iconv; malloc'd result. */
int text_iconv(const char *buf, size_t n, const char *from, char **out, size_t *outlen,
	       struct cchc_err *err);

#endif
