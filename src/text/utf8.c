#include <config.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#include "text/utf8.h"
#include "util/sbuf.h"

size_t utf8_decode(const char *s, size_t n, uint32_t *cp)
{
	if (n == 0)
		return 0;
	if ((unsigned char)s[0] < 0x80) {   /* most of a text: no call */
		*cp = (unsigned char)s[0];
		return 1;
	}
	/* two and three bytes (U+0080-U+07FF, U+1000-U+CFFF: the Vietnamese letters) read here,
	 * as utf8proc reads them: the exporters decode millions */
	const unsigned char *u = (const unsigned char *)s;
	if (u[0] >= 0xc2 && u[0] <= 0xdf && n >= 2 && (u[1] & 0xc0) == 0x80) {
		*cp = (uint32_t)(u[0] & 0x1f) << 6 | (u[1] & 0x3f);
		return 2;
	}
	if (u[0] >= 0xe1 && u[0] <= 0xec && n >= 3 && (u[1] & 0xc0) == 0x80 &&
	    (u[2] & 0xc0) == 0x80) {
		*cp = (uint32_t)(u[0] & 0x0f) << 12 | (uint32_t)(u[1] & 0x3f) << 6 | (u[2] & 0x3f);
		return 3;
	}
	utf8proc_int32_t c;
	utf8proc_ssize_t len = utf8proc_iterate((const utf8proc_uint8_t *)s,
						n > 4 ? 4 : (utf8proc_ssize_t)n, &c);
	if (len <= 0 || c < 0)
		return 0;
	*cp = (uint32_t)c;
	return (size_t)len;
}

size_t utf8_encode(uint32_t cp, char *out)
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	return (size_t)utf8proc_encode_char((utf8proc_int32_t)cp, (utf8proc_uint8_t *)out);
}

bool utf8_valid(const char *s, size_t n, size_t *bad_off)
{
	size_t i = 0;
	while (i < n) {
		uint32_t cp;
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		size_t len = utf8_decode(s + i, n - i, &cp);
		if (len == 0) {
			if (bad_off)
				*bad_off = i;
			return false;
		}
		i += len;
	}
	return true;
}

/* Whether s is NFC by a quick look: every code point below U+0300 (ASCII,
 * Latin-1, Latin Extended-A and -B, where nothing composes or decomposes
 * under NFC) or in Latin Extended Additional U+1E00..U+1EFF (the
 * precomposed letters with tones), so no combining mark follows anything.
 * Vietnamese text as stored is nearly always so; the rest goes through
 * utf8proc. s is valid UTF-8. */
static bool nfc_quick(const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p;) {
		if (*p < 0x80) {
			p++;
			continue;
		}
		uint32_t cp;
		size_t n = utf8_decode((const char *)p, 4, &cp);
		if (n == 0 || (cp >= 0x300 && (cp < 0x1E00 || cp > 0x1EFF)))
			return false;
		p += n;
	}
	return true;
}

char *text_nfc(const char *s)
{
	if (!utf8_valid(s, strlen(s), NULL))
		return NULL;
	if (nfc_quick(s))
		return xstrdup(s);
	utf8proc_uint8_t *r = utf8proc_NFC((const utf8proc_uint8_t *)s);
	if (!r)
		return NULL;
	char *out = xstrdup((const char *)r);
	free(r);
	return out;
}

int text_cp_width(uint32_t cp)
{
	if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0))
		return 0;
	int w = utf8proc_charwidth((utf8proc_int32_t)cp);
	return w < 0 ? 0 : w;
}

int text_width(const char *s)
{
	int w = 0;
	size_t n = strlen(s);
	while (n > 0) {
		uint32_t cp;
		size_t len = utf8_decode(s, n, &cp);
		if (len == 0) {
			len = 1;
			cp = 0xfffd;
		}
		w += text_cp_width(cp);
		s += len;
		n -= len;
	}
	return w;
}

size_t text_fit(const char *s, int cols, int *used)
{
	size_t n = strlen(s), i = 0;
	int w = 0;
	while (i < n) {
		uint32_t cp;
		size_t len = utf8_decode(s + i, n - i, &cp);
		if (len == 0) {
			len = 1;
			cp = 0xfffd;
		}
		int cw = text_cp_width(cp);
		if (cw > 0 && w + cw > cols)
			break;
		w += cw;
		i += len;
	}
	if (used)
		*used = w;
	return i;
}

bool text_all_upper(const char *s)
{
	size_t n = strlen(s), i = 0;
	bool letters = false;
	while (i < n) {
		uint32_t cp;
		size_t len = utf8_decode(s + i, n - i, &cp);
		if (!len || text_cp_is_lower(cp))
			return false;
		letters |= text_cp_is_upper(cp);
		i += len;
	}
	return letters;
}

bool text_cp_is_upper(uint32_t cp)
{
	utf8proc_category_t c = utf8proc_category((utf8proc_int32_t)cp);
	return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

bool text_cp_is_lower(uint32_t cp)
{
	return utf8proc_category((utf8proc_int32_t)cp) == UTF8PROC_CATEGORY_LL;
}

bool text_cp_is_letter(uint32_t cp)
{
	utf8proc_category_t c = utf8proc_category((utf8proc_int32_t)cp);
	return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
}

bool text_cp_is_space(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' ||
	       cp == 0xa0 || cp == 0x2007 || cp == 0x202f || cp == 0x3000 ||
	       (cp >= 0x2000 && cp <= 0x200b) || cp == 0xfeff;
}

bool text_cp_is_bidi_control(uint32_t cp)
{
	return cp == 0x061c || cp == 0x200e || cp == 0x200f || (cp >= 0x202a && cp <= 0x202e) ||
	       (cp >= 0x2066 && cp <= 0x2069);
}

/* A character text_sanitize replaces: invalid UTF-8 (len 0), a control
 * character, a line or paragraph separator, a bidi control. */
static bool unsafe_cp(size_t len, uint32_t cp)
{
	return len == 0 || cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || cp == 0x2028 || cp == 0x2029 ||
	       text_cp_is_bidi_control(cp);
}

/* The safe stretches are copied whole (a register's window sanitises a few
 * thousand texts a key: copied a character at a time, a quarter of End's
 * work on the dossiers). */
char *text_sanitize(const char *s)
{
	struct sbuf b = SBUF_INIT;
	size_t n = strlen(s), i = 0, from = 0;   /* s[from..i): safe, not yet copied */
	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 0x20 && c < 0x7f) {   /* printable ASCII, most of it */
			i++;
			continue;
		}
		uint32_t cp = 0;
		size_t len = utf8_decode(s + i, n - i, &cp);
		if (!unsafe_cp(len, cp)) {
			i += len;
			continue;
		}
		sbuf_addn(&b, s + from, i - from);
		sbuf_add(&b, len && cp == '\t' ? " " : "\xef\xbf\xbd");
		i += len ? len : 1;
		from = i;
	}
	sbuf_addn(&b, s + from, i - from);
	return sbuf_detach(&b);
}

bool text_is_blank(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		uint32_t cp;
		size_t len = utf8_decode(s + i, n - i, &cp);
		if (len == 0 || !text_cp_is_space(cp))
			return false;
		i += len;
	}
	return true;
}

char *text_squeeze(const char *s)
{
	struct sbuf b = SBUF_INIT;
	size_t n = strlen(s), i = 0;
	bool space = false;
	while (i < n) {
		uint32_t cp;
		size_t len = utf8_decode(s + i, n - i, &cp);
		if (len == 0)
			len = 1, cp = 0xfffd;
		if (text_cp_is_space(cp)) {
			space = b.len > 0;
		} else {
			if (space)
				sbuf_addc(&b, ' ');
			space = false;
			sbuf_addn(&b, s + i, len);
		}
		i += len;
	}
	return sbuf_detach(&b);
}

/* s with its letters mapped by to (from the first letter on, or only the
 * first letter when first_only). */
static char *map_case(const char *s, utf8proc_int32_t (*to)(utf8proc_int32_t), bool first_only)
{
	struct sbuf b = SBUF_INIT;
	size_t n = strlen(s), i = 0;
	bool done = false;
	while (i < n) {
		uint32_t cp;
		size_t len = utf8_decode(s + i, n - i, &cp);
		char out[4];
		if (len == 0)
			len = 1, cp = 0xfffd;
		uint32_t m = done ? cp : (uint32_t)to((utf8proc_int32_t)cp);
		done = done || (first_only && text_cp_is_letter(cp));
		sbuf_addn(&b, out, utf8_encode(m, out));
		i += len;
	}
	sbuf_add(&b, "");
	return sbuf_detach(&b);
}

char *text_upper(const char *s)
{
	return map_case(s, utf8proc_toupper, false);
}

char *text_lower(const char *s)
{
	return map_case(s, utf8proc_tolower, false);
}

char *text_capitalize(const char *s)
{
	return map_case(s, utf8proc_toupper, true);
}
