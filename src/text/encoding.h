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

/* Converts n bytes from encoding from to UTF-8 with iconv; malloc'd result. */
int text_iconv(const char *buf, size_t n, const char *from, char **out, size_t *outlen,
	       struct cchc_err *err);

#endif
