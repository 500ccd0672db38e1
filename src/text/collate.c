#include <config.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include <utf8proc.h>
#include "text/collate.h"
#include "text/utf8.h"

/* The three weights of one character. */
struct weight {
	uint32_t primary;  /* letter in the Vietnamese alphabet, digit, other */
	uint8_t tone;      /* 0 none, 1 huyền, 2 hỏi, 3 ngã, 4 sắc, 5 nặng */
	uint8_t upper;
};

enum { MOD_NONE, MOD_BREVE, MOD_CIRCUMFLEX, MOD_HORN };

/* Rank of a lower-case base letter with its vowel modifier, 1-based, or 0. */
static uint32_t letter_rank(uint32_t base, int mod)
{
	static const char order[] = "a\1\2bcd\3e\4fghijklmno\5\6pqrstu\7vwxyz";
	/* \1 ă \2 â \3 đ \4 ê \5 ô \6 ơ \7 ư */
	char c = 0;
	if (base == 0x111)
		c = '\3';
	else if (base < 'a' || base > 'z')
		return 0;
	else if (mod == MOD_BREVE && base == 'a')
		c = '\1';
	else if (mod == MOD_CIRCUMFLEX && base == 'a')
		c = '\2';
	else if (mod == MOD_CIRCUMFLEX && base == 'e')
		c = '\4';
	else if (mod == MOD_CIRCUMFLEX && base == 'o')
		c = '\5';
	else if (mod == MOD_HORN && base == 'o')
		c = '\6';
	else if (mod == MOD_HORN && base == 'u')
		c = '\7';
	else
		c = (char)base;
	const char *p = memchr(order, c, sizeof order - 1);
	return p ? (uint32_t)(p - order) + 1 : 0;
}

static void mark(uint32_t m, int *mod, uint8_t *tone)
{
	switch (m) {
	case 0x306: *mod = MOD_BREVE; break;
	case 0x302: *mod = MOD_CIRCUMFLEX; break;
	case 0x31b: *mod = MOD_HORN; break;
	case 0x300: *tone = 1; break;
	case 0x309: *tone = 2; break;
	case 0x303: *tone = 3; break;
	case 0x301: *tone = 4; break;
	case 0x323: *tone = 5; break;
	default: break;
	}
}

static struct weight weigh(uint32_t cp)
{
	struct weight w = { 0, 0, 0 };
	utf8proc_int32_t d[8];
	int bc = UTF8PROC_BOUNDCLASS_START;
	utf8proc_ssize_t n = utf8proc_decompose_char((utf8proc_int32_t)cp, d, 8, UTF8PROC_DECOMPOSE, &bc);
	if (n <= 0 || n > 8) {
		d[0] = (utf8proc_int32_t)cp;
		n = 1;
	}
	uint32_t base = (uint32_t)d[0];
	int mod = MOD_NONE;
	for (utf8proc_ssize_t i = 1; i < n; i++)
		mark((uint32_t)d[i], &mod, &w.tone);
	uint32_t lower = (uint32_t)utf8proc_tolower((utf8proc_int32_t)base);
	w.upper = lower != base;
	uint32_t rank = letter_rank(lower, mod);
	if (rank)
		w.primary = 1000 + rank;
	else if (base >= '0' && base <= '9')
		w.primary = 100 + (base - '0');
	else if (text_cp_is_space(base))
		w.primary = 1;
	else if (utf8proc_category((utf8proc_int32_t)base) >= UTF8PROC_CATEGORY_MN &&
		 utf8proc_category((utf8proc_int32_t)base) <= UTF8PROC_CATEGORY_ME)
		w.primary = 0; /* a stray mark: ignored at the first level */
	else if (base < 0x80)
		w.primary = 10 + base;
	else
		w.primary = 2000 + lower;
	return w;
}

struct cursor {
	const char *s;
	size_t n, i;
};

static bool next_weight(struct cursor *c, struct weight *w)
{
	while (c->i < c->n) {
		uint32_t cp;
		size_t len = utf8_decode(c->s + c->i, c->n - c->i, &cp);
		if (!len)
			len = 1, cp = 0xfffd;
		c->i += len;
		*w = weigh(cp);
		if (w->primary)
			return true;
	}
	return false;
}

/* Compares the level-th weights of a and b over their whole length. */
static int compare_level(const char *a, size_t na, const char *b, size_t nb, int level)
{
	struct cursor ca = { a, na, 0 }, cb = { b, nb, 0 };
	for (;;) {
		struct weight wa, wb;
		bool ha = next_weight(&ca, &wa), hb = next_weight(&cb, &wb);
		if (!ha || !hb)
			return ha - hb;
		uint32_t x = level == 0 ? wa.primary : level == 1 ? wa.tone : wa.upper;
		uint32_t y = level == 0 ? wb.primary : level == 1 ? wb.tone : wb.upper;
		if (x != y)
			return x < y ? -1 : 1;
	}
}

int text_collate(const char *a, size_t na, const char *b, size_t nb)
{
	for (int level = 0; level < 3; level++) {
		int r = compare_level(a, na, b, nb, level);
		if (r)
			return r;
	}
	size_t n = na < nb ? na : nb;
	int r = memcmp(a, b, n);
	return r ? r : (na > nb) - (na < nb);
}
