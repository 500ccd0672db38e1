/* UTF-8 decoding inlined, for the loops that read a whole export byte by
 * byte (text/decoder.c, import/dossier_parse.c): utf8_decode's answers
 * (the same sequences refused: overlong, surrogates, past U+10FFFF, cut
 * short) without a call into utf8proc per character. */
#ifndef CCHC_UTF8_FAST_H
#define CCHC_UTF8_FAST_H
#include <stddef.h>
#include <stdint.h>

static inline int utf8_cont(unsigned char c)
{
	return (c & 0xc0) == 0x80;
}

/* The length of the sequence at s (n bytes left, n > 0) with *cp its code
 * point, or 0 when it is not valid UTF-8. */
static inline size_t utf8_decode_fast(const char *str, size_t n, uint32_t *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	uint32_t c = s[0];
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c - 0xc2 > 0xf4 - 0xc2)
		return 0;
	if (c < 0xe0) {
		if (n < 2 || !utf8_cont(s[1]))
			return 0;
		*cp = ((c & 0x1f) << 6) | (s[1] & 0x3f);
		return 2;
	}
	if (c < 0xf0) {
		if (n < 3 || !utf8_cont(s[1]) || !utf8_cont(s[2]) || (c == 0xed && s[1] > 0x9f))
			return 0;
		*cp = ((c & 0xf) << 12) | ((uint32_t)(s[1] & 0x3f) << 6) | (s[2] & 0x3f);
		return *cp < 0x800 ? 0 : 3;
	}
	if (n < 4 || !utf8_cont(s[1]) || !utf8_cont(s[2]) || !utf8_cont(s[3]) ||
	    (c == 0xf0 && s[1] < 0x90) || (c == 0xf4 && s[1] > 0x8f))
		return 0;
	*cp = ((c & 7) << 18) | ((uint32_t)(s[1] & 0x3f) << 12) | ((uint32_t)(s[2] & 0x3f) << 6) |
	      (s[3] & 0x3f);
	return 4;
}

#endif
