/* Turning bytes from a file into the NFC UTF-8 text cchc stores. */
#ifndef CCHC_ENCODING_H
#define CCHC_ENCODING_H
#include <stddef.h>
#include "util/err.h"

/* Converts raw file bytes to NFC UTF-8 with LF line ends. With enc NULL the
 * input must be UTF-8 (a BOM is dropped) or UTF-16 with a BOM; anything else
 * is refused with the line of the first bad byte. With enc set (an iconv name
 * such as WINDOWS-1258, TCVN5712-1, UTF-16LE) the bytes are converted from it.
 * Empty, blank and binary input is refused. what names the input in messages. */
int text_decode_input(const char *buf, size_t n, const char *enc, const char *what,
		      char **out, size_t *outlen, struct cchc_err *err);

/* The iconv name for a name the clerk may type: cp1258 -> WINDOWS-1258,
 * tcvn3 (the .VnTime fonts) -> TCVN5712-1, viscii, utf16le...; other names
 * are passed through. */
const char *text_encoding_name(const char *name);

/* Converts n bytes from encoding from to UTF-8 with iconv; malloc'd result. */
int text_iconv(const char *buf, size_t n, const char *from, char **out, size_t *outlen,
	       struct cchc_err *err);

#endif
