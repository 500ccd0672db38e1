/* Fuzz target: text_decode_input, the door every imported file goes
 * through, and text_sanitize, the door to the terminal. The first byte
 * picks the encoding the clerk would name with --encoding (or none: UTF-8 /
 * UTF-16 with a BOM); the rest is the file. A decoded text must be NUL-free,
 * valid UTF-8 of the length reported, with LF line ends; any bytes, once
 * sanitised, must be valid UTF-8 without a control (C0 but none, DEL, C1) or
 * bidi control character. */
#include <config.h>
#include "fuzz.h"
#include "text/encoding.h"
#include "text/utf8.h"

static bool unsafe(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || cp == 0x200e || cp == 0x200f ||
	       (cp >= 0x2028 && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);
}

static void check_sanitized(const char *s)
{
	char *clean = text_sanitize(s);
	size_t n = strlen(clean);
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t k = utf8_decode(clean + i, n - i, &cp);
		FUZZ_CHECK(k > 0 && !unsafe(cp));
		i += k;
	}
	free(clean);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const encodings[] = { NULL, "cp1258", "tcvn3", "viscii",
						 "utf16le", "UTF-16BE", "UTF-8", NULL };
	if (size == 0)
		return 0;
	char *raw = fuzz_cstr(data + 1, size - 1);
	check_sanitized(raw);
	free(raw);
	const char *enc = encodings[data[0] % (sizeof encodings / sizeof encodings[0])];
	if (enc)
		enc = text_encoding_name(enc);
	char *text = NULL;
	size_t len = 0;
	struct cchc_err err;
	if (text_decode_input((const char *)data + 1, size - 1, enc, "fuzz", &text, &len, &err) ==
	    CCHC_OK) {
		FUZZ_CHECK(text != NULL && strlen(text) == len);
		FUZZ_CHECK(utf8_valid(text, len, NULL));
		FUZZ_CHECK(strchr(text, '\r') == NULL);
		check_sanitized(text);
		free(text);
	} else {
		FUZZ_CHECK(err.code != CCHC_OK && err.msg[0]);
	}
	return 0;
}
