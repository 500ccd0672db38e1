/* Guessing a file's encoding (detect.h).
 *
 * Single-byte Vietnamese encodings accept almost any byte, so a legacy
 * file decodes without error in each of them; what differs is whether the
 * result reads as Vietnamese. Each word of the decoded sample, taken apart
 * (NFD) into base letters and marks, is Vietnamese when its bases are Latin
 * letters or đ, its marks are the vowel marks (breve, circumflex, horn) and
 * at most one tone, each on a vowel, and its letters make one syllable
 * (initial consonants, vowels, a final consonant of the few Vietnamese
 * has). TCVN3 read as Windows-1258 gives
 * symbols (©, ®, ¸) inside words; Windows-1258 read as TCVN3 gives two
 * tones in a syllable, or a tone on a consonant. */
#include <config.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#include "text/detect.h"
#include "text/encoding.h"
#include "text/utf8.h"

static const struct {
	const char *iconv, *name;
} legacy[] = {
	{ "WINDOWS-1258", "Windows-1258" },
	{ "TCVN5712-1", "TCVN3" },
};

const char *text_encoding_display(const char *name)
{
	const char *iconv = text_encoding_name(name);
	for (size_t i = 0; i < sizeof legacy / sizeof legacy[0]; i++)
		if (strcmp(iconv, legacy[i].iconv) == 0)
			return legacy[i].name;
	return iconv;
}

void text_encoding_said(const struct text_guess *g, bool named, char *out, size_t size)
{
	snprintf(out, size, "%s%s (%s)", g->name, g->bom ? " có BOM" : "",
		 named ? "theo --encoding" : "tự nhận biết");
}

/* ------------------------------------------------------------ words */

static bool is_tone(uint32_t c)
{
	return c == 0x300 || c == 0x301 || c == 0x303 || c == 0x309 || c == 0x323;
}

static bool is_vowel_mark(uint32_t c)
{
	return c == 0x302 || c == 0x306 || c == 0x31b;
}

static bool is_vowel(uint32_t c)
{
	return c < 128 && strchr("aeiouyAEIOUY", (int)c) && c;
}

static bool is_base(uint32_t c)
{
	return (c < 128 && ((c | 32) >= 'a' && (c | 32) <= 'z')) || c == 0x111 || c == 0x110;
}

#define SYLLABLE_MAX 8   /* letters: "nghiêng" has 7 */

/* Whether s (lower-case letters, đ as d) is one Vietnamese syllable:
 * an initial from the few there are, one to three vowels, a final from the
 * few there are. */
static bool is_syllable(const char *s)
{
	static const char *const initials[] = { "ngh", "ch", "gh", "gi", "kh", "ng", "nh", "ph",
						"qu", "th", "tr", "b", "c", "d", "g", "h", "k",
						"l", "m", "n", "p", "r", "s", "t", "v", "x", "" };
	static const char *const finals[] = { "", "c", "ch", "m", "n", "ng", "nh", "p", "t" };
	size_t i = 0;
	while (strncmp(s, initials[i], strlen(initials[i])) != 0)
		i++;
	s += strlen(initials[i]);
	size_t v = strspn(s, "aeiouy");
	if (v < 1 || v > 3)
		return v == 0 && i < 4 && s[-1] == 'i';   /* "gì": gi is its vowel */
	for (i = 0; i < sizeof finals / sizeof finals[0]; i++)
		if (strcmp(s + v, finals[i]) == 0)
			return true;
	return false;
}

/* A word's tally: +1 Vietnamese with marks, -1 not Vietnamese, 0 plain. */
struct word {
	int tones, marks;
	bool bad;
	uint32_t last_base;
	char letters[SYLLABLE_MAX + 1];
	size_t n;
};

static int word_end(struct word *w)
{
	int r = w->bad || w->tones > 1 ? -1 : 0;
	if (!r && w->marks)
		r = w->n <= SYLLABLE_MAX && is_syllable(w->letters) ? 1 : -1;
	memset(w, 0, sizeof *w);
	return r;
}

/* Adds code point c to the word w; a non-letter ends it, counted into *score. */
static void word_add(struct word *w, uint32_t c, int *score)
{
	if (is_base(c)) {
		w->marks += c > 127;
		w->last_base = c;
		if (w->n < SYLLABLE_MAX)
			w->letters[w->n] = c > 127 ? 'd' : (char)(c | 32);
		w->n++;
	} else if (is_tone(c) || is_vowel_mark(c)) {
		w->bad |= !is_vowel(w->last_base);
		w->tones += is_tone(c);
		w->marks++;
	} else if (c > 127 && text_cp_is_letter(c)) {
		w->bad = true;   /* a letter Vietnamese has not: Ø, þ, ß */
		w->marks++;
	} else {
		*score += word_end(w);
		*score -= c > 127 && !text_cp_is_space(c);   /* a stray symbol */
	}
}

/* How Vietnamese text looks: Vietnamese words less the others. */
static int vietnamese_score(const char *u8)
{
	utf8proc_uint8_t *nfd = NULL;
	if (utf8proc_map((const utf8proc_uint8_t *)u8, 0, &nfd,
			 UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_DECOMPOSE) < 0)
		return -1;
	struct word w = { 0 };
	int score = 0;
	for (const char *p = (const char *)nfd; *p;) {
		uint32_t c;
		size_t len = utf8_decode(p, strlen(p), &c);
		if (!len)
			break;
		word_add(&w, c, &score);
		p += len;
	}
	score += word_end(&w);
	free(nfd);
	return score;
}

int text_refuse_unknown(const char *what, const char *sample, size_t n, struct cchc_err *err)
{
	size_t bad = 0, line = 1;
	utf8_valid(sample, n, &bad);
	for (size_t i = 0; i < bad && i < n; i++)
		line += sample[i] == '\n';
	return err_set(err, CCHC_EINPUT, "%s không phải UTF-8: dòng %zu có byte không hợp lệ, và đọc "
		       "theo Windows-1258 hay TCVN3 cũng không ra chữ tiếng Việt. Hãy lưu lại tệp dưới "
		       "dạng UTF-8, hoặc ghi rõ bảng mã bằng --encoding (ví dụ --encoding VISCII)",
		       what, line);
}

/* ------------------------------------------------------------ the guess */

static bool bom(const unsigned char *u, size_t n, struct text_guess *g)
{
	static const struct {
		const char *bytes, *iconv, *name;
		size_t len;
	} boms[] = {
		{ "\xef\xbb\xbf", NULL, "UTF-8", 3 },
		{ "\xff\xfe", "UTF-16LE", "UTF-16LE", 2 },
		{ "\xfe\xff", "UTF-16BE", "UTF-16BE", 2 },
	};
	for (size_t i = 0; i < sizeof boms / sizeof boms[0]; i++)
		if (n >= boms[i].len && memcmp(u, boms[i].bytes, boms[i].len) == 0) {
			*g = (struct text_guess){ boms[i].iconv, boms[i].name, true };
			return true;
		}
	return false;
}

/* Valid UTF-8, but for a sequence cut by the sample's end. */
static bool looks_utf8(const char *s, size_t n, bool at_end)
{
	size_t bad;
	if (utf8_valid(s, n, &bad))
		return true;
	return !at_end && bad + 4 > n && utf8_valid(s, bad, &bad);
}

bool text_guess_encoding(const char *sample, size_t n, bool at_end, struct text_guess *g)
{
	*g = (struct text_guess){ NULL, "UTF-8", false };
	if (bom((const unsigned char *)sample, n, g))
		return true;
	if (memchr(sample, '\0', n) || looks_utf8(sample, n, at_end))
		return true;
	int best = 0;
	for (size_t i = 0; i < sizeof legacy / sizeof legacy[0]; i++) {
		char *u8 = NULL;
		size_t len;
		struct cchc_err err = { 0 };
		if (text_iconv(sample, n, legacy[i].iconv, &u8, &len, &err))
			continue;
		int score = vietnamese_score(u8);
		free(u8);
		if (score > best) {
			best = score;
			*g = (struct text_guess){ legacy[i].iconv, legacy[i].name, false };
		}
	}
	return best > 0;
}
