#include <config.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#include "text/fold.h"
#include "text/utf8.h"
#include "text/utf8_fast.h"
#include "util/sbuf.h"

/* utf8proc's answers for the letters of Vietnamese text (Latin, its
 * extensions, the combining marks: below FOLD_CACHED), kept once asked:
 * folding every word of the rows a search ranks asked utf8proc for each
 * letter again. An entry is 0 until known, else FOLD_KNOWN, the number of
 * code points (0-2) and the code points, 21 bits each; a letter that folds
 * to more is asked each time. Relaxed atomics: threads that fill an entry
 * at once write the same value. */
#define FOLD_CACHED 0x2000
#define FOLD_KNOWN ((uint64_t)1 << 63)
static _Atomic uint64_t fold_cache[2][FOLD_CACHED];

static size_t fold_cp_utf8proc(uint32_t cp, bool exact, uint32_t *out, size_t max)
{
	utf8proc_int32_t buf[8];
	int boundclass = UTF8PROC_BOUNDCLASS_START;
	utf8proc_option_t opt = exact ? UTF8PROC_CASEFOLD
				      : UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD;
	utf8proc_ssize_t n = utf8proc_decompose_char((utf8proc_int32_t)cp, buf, 8, opt, &boundclass);
	if (n < 0 || n > 8) {
		buf[0] = (utf8proc_int32_t)cp;
		n = 1;
	}
	size_t k = 0;
	for (utf8proc_ssize_t i = 0; i < n && k < max; i++) {
		uint32_t c = (uint32_t)buf[i];
		if (!exact && c == 0x111) /* đ has no decomposition: fold it by hand */
			c = 'd';
		out[k++] = c;
	}
	return k;
}

size_t text_fold_cp(uint32_t cp, bool exact, uint32_t *out, size_t max)
{
	if (cp < 0x80 && max > 0) {   /* most letters of a text: no call into utf8proc */
		out[0] = cp >= 'A' && cp <= 'Z' ? cp + ('a' - 'A') : cp;
		return 1;
	}
	if (cp >= FOLD_CACHED)
		return fold_cp_utf8proc(cp, exact, out, max);
	_Atomic uint64_t *e = &fold_cache[exact][cp];
	uint64_t v = atomic_load_explicit(e, memory_order_relaxed);
	if (!v) {
		uint32_t f[8];
		size_t n = fold_cp_utf8proc(cp, exact, f, 8);
		if (n > 2)
			return fold_cp_utf8proc(cp, exact, out, max);
		v = FOLD_KNOWN | n | (n > 0 ? (uint64_t)f[0] << 2 : 0) |
		    (n > 1 ? (uint64_t)f[1] << 23 : 0);
		atomic_store_explicit(e, v, memory_order_relaxed);
	}
	size_t n = (size_t)(v & 3), k = 0;
	if (n > 0 && k < max)
		out[k++] = (uint32_t)(v >> 2) & 0x1FFFFF;
	if (n > 1 && k < max)
		out[k++] = (uint32_t)(v >> 23) & 0x1FFFFF;
	return k;
}

static void fold_into(const char *s, size_t n, bool exact, struct sbuf *b)
{
	size_t i = 0;
	while (i < n) {
		uint32_t cp, f[8];
		size_t len = utf8_decode(s + i, n - i, &cp);
		if (!len) {
			i++;
			continue;
		}
		size_t k = text_fold_cp(cp, exact, f, 8);
		for (size_t j = 0; j < k; j++) {
			char enc[4];
			sbuf_addn(b, enc, utf8_encode(f[j], enc));
		}
		i += len;
	}
}

char *text_fold(const char *s, bool exact)
{
	struct sbuf b = SBUF_INIT;
	char *nfc = text_nfc(s);
	if (nfc)
		fold_into(nfc, strlen(nfc), exact, &b);
	free(nfc);
	return sbuf_detach(&b);
}

static bool is_token_cp_utf8proc(uint32_t cp)
{
	utf8proc_category_t c = utf8proc_category((utf8proc_int32_t)cp);
	return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) ||
	       (c >= UTF8PROC_CATEGORY_MN && c <= UTF8PROC_CATEGORY_ME) ||
	       (c >= UTF8PROC_CATEGORY_ND && c <= UTF8PROC_CATEGORY_NO);
}

/* Whether cp is part of a word; below FOLD_CACHED the answer is kept as
 * the folds are (0 unknown, 1 no, 2 yes). */
static bool is_token_cp(uint32_t cp)
{
	static _Atomic unsigned char known[FOLD_CACHED];
	if (cp < 0x80)
		return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
	if (cp >= FOLD_CACHED)
		return is_token_cp_utf8proc(cp);
	unsigned char v = atomic_load_explicit(&known[cp], memory_order_relaxed);
	if (!v) {
		v = is_token_cp_utf8proc(cp) ? 2 : 1;
		atomic_store_explicit(&known[cp], v, memory_order_relaxed);
	}
	return v == 2;
}

bool text_next_token(const char *s, size_t n, size_t pos, struct text_span *tok)
{
	size_t i = pos;
	bool in = false;
	while (i < n) {
		uint32_t cp;
		size_t len = utf8_decode_fast(s + i, n - i, &cp);
		if (!len)
			len = 1, cp = ' ';
		bool t = is_token_cp(cp);
		if (t && !in) {
			tok->start = i;
			in = true;
		} else if (!t && in) {
			tok->end = i;
			return true;
		}
		i += len;
	}
	if (in)
		tok->end = n;
	return in;
}

/* Written straight into buf (every word of every row a filter checks goes
 * through here); the folded word cut at a whole letter when it is longer. */
size_t text_fold_span(const char *s, struct text_span span, bool exact, char *buf, size_t cap)
{
	size_t n = 0, i = span.start;
	while (i < span.end && cap > 0) {
		unsigned char a = (unsigned char)s[i];
		if (a < 0x80) {   /* ASCII: folded in place, nothing decoded */
			if (n + 1 > cap - 1)
				break;
			buf[n++] = (char)(a >= 'A' && a <= 'Z' ? a + ('a' - 'A') : a);
			i++;
			continue;
		}
		uint32_t cp, f[8];
		size_t len = utf8_decode_fast(s + i, span.end - i, &cp);
		if (!len) {
			i++;
			continue;
		}
		size_t k = text_fold_cp(cp, exact, f, 8);
		char enc[4 * 8];
		size_t m = 0;
		for (size_t j = 0; j < k; j++)
			m += utf8_encode(f[j], enc + m);
		if (n + m > cap - 1)
			break;
		memcpy(buf + n, enc, m);
		n += m;
		i += len;
	}
	if (cap > 0)
		buf[n] = '\0';
	return n;
}

void text_query_init(struct text_query *q, const char *text, bool exact, bool last_prefix)
{
	memset(q, 0, sizeof *q);
	q->exact = exact;
	q->last_prefix = last_prefix;
	char *nfc = text_nfc(text);
	if (!nfc)
		return;
	size_t n = strlen(nfc), pos = 0;
	struct text_span sp;
	while (text_next_token(nfc, n, pos, &sp)) {
		char t[256], f[256];
		text_fold_span(nfc, sp, exact, t, sizeof t);
		text_fold_span(nfc, sp, false, f, sizeof f);
		q->terms = xrealloc(q->terms, sizeof *q->terms * (size_t)(q->nterms + 1));
		q->folded = xrealloc(q->folded, sizeof *q->folded * (size_t)(q->nterms + 1));
		q->terms[q->nterms] = xstrdup(t);
		q->folded[q->nterms++] = xstrdup(f);
		pos = sp.end;
	}
	/* a query that ends in a space is a finished word */
	if (n > 0 && (nfc[n - 1] == ' '))
		q->last_prefix = false;
	free(nfc);
}

void text_query_free(struct text_query *q)
{
	for (int i = 0; i < q->nterms; i++) {
		free(q->terms[i]);
		free(q->folded[i]);
	}
	free(q->terms);
	free(q->folded);
	memset(q, 0, sizeof *q);
}

/* Whether the folded word t (n bytes) matches term i of q: whole, or as
 * its beginning for the last term of a query typed so far. */
static bool term_matches(const struct text_query *q, int i, const char *t, size_t n)
{
	bool prefix = q->last_prefix && i == q->nterms - 1;
	size_t tl = strlen(q->terms[i]);
	return prefix ? n >= tl && memcmp(t, q->terms[i], tl) == 0 : strcmp(t, q->terms[i]) == 0;
}

/* Whether some term may still match a word whose fold begins with t[0..n):
 * a whole term that begins so, or the prefix term that begins so or that
 * t begins with. A fold only grows as letters are added. */
static bool some_term_viable(const struct text_query *q, const char *t, size_t n)
{
	for (int i = 0; i < q->nterms; i++) {
		const char *term = q->terms[i];
		if (n > 0 && term[0] && term[0] != t[0])   /* most words: the first letter */
			continue;
		bool prefix = q->last_prefix && i == q->nterms - 1;
		size_t tl = strlen(term), k = n < tl ? n : tl;
		if ((n <= tl || prefix) && memcmp(t, term, k) == 0)
			return true;
	}
	return false;
}

/* Folds as text_fold_span does, but gives up (-1) once no term can match
 * what is folded so far: most words of a text match none, and this runs
 * for every word of every row a search ranks. */
int text_query_token_term(const struct text_query *q, const char *s, struct text_span span)
{
	char t[256];
	size_t n = 0, i = span.start;
	while (i < span.end) {
		uint32_t cp, f[8];
		size_t len = utf8_decode(s + i, span.end - i, &cp);
		if (!len) {
			i++;
			continue;
		}
		size_t k = text_fold_cp(cp, q->exact, f, 8);
		char enc[4 * 8];
		size_t m = 0;
		for (size_t j = 0; j < k; j++)
			m += utf8_encode(f[j], enc + m);
		if (n + m > sizeof t - 1)
			break;
		memcpy(t + n, enc, m);
		n += m;
		i += len;
		if (!some_term_viable(q, t, n))
			return -1;
	}
	t[n] = '\0';
	for (int x = 0; x < q->nterms; x++)
		if (term_matches(q, x, t, n))
			return x;
	return -1;
}

bool text_query_matches_all(const struct text_query *q, const char *s)
{
	if (q->nterms == 0)
		return false;
	bool *found = xcalloc((size_t)q->nterms, sizeof *found);
	size_t n = strlen(s), pos = 0;
	int left = q->nterms;
	struct text_span sp;
	while (left > 0 && text_next_token(s, n, pos, &sp)) {
		int t = text_query_token_term(q, s, sp);
		if (t >= 0 && !found[t]) {
			found[t] = true;
			left--;
		}
		/* a term repeated in the query counts once per occurrence */
		for (int i = 0; t >= 0 && i < q->nterms; i++)
			if (!found[i] && strcmp(q->terms[i], q->terms[t]) == 0 && i != t) {
				found[i] = true;
				left--;
			}
		pos = sp.end;
	}
	free(found);
	return left == 0;
}

bool text_query_matches_each(const struct text_query *q, const char *s)
{
	if (q->nterms == 0)
		return false;
	bool *found = xcalloc((size_t)q->nterms, sizeof *found);
	size_t n = strlen(s), pos = 0;
	int left = q->nterms;
	struct text_span sp;
	while (left > 0 && text_next_token(s, n, pos, &sp)) {
		char t[256];
		size_t tn = text_fold_span(s, sp, q->exact, t, sizeof t);
		for (int i = 0; i < q->nterms; i++)
			if (!found[i] && term_matches(q, i, t, tn)) {
				found[i] = true;
				left--;
			}
		pos = sp.end;
	}
	free(found);
	return left == 0;
}

int text_query_spans(const struct text_query *q, const char *s, struct text_span *out, int max)
{
	size_t n = strlen(s), pos = 0;
	int count = 0;
	struct text_span sp;
	while (count < max && text_next_token(s, n, pos, &sp)) {
		if (text_query_token_term(q, s, sp) >= 0)
			out[count++] = sp;
		pos = sp.end;
	}
	return count;
}

static int cols_between(const char *s, size_t from, size_t to)
{
	int cols = 0;
	while (from < to) {
		uint32_t cp;
		size_t len = utf8_decode(s + from, to - from, &cp);
		if (!len)
			len = 1, cp = '?';
		cols += text_cp_width(cp);
		from += len;
	}
	return cols;
}

/* Start of the excerpt: back from the first match by about a third of the
 * width, to a token start. */
static size_t snippet_start(const char *s, size_t match, int width)
{
	size_t pos = 0, prev_start = 0;
	int col = 0, match_col = cols_between(s, 0, match);
	struct text_span sp;
	while (text_next_token(s, match, pos, &sp)) {
		col += cols_between(s, prev_start, sp.start);
		prev_start = sp.start;
		if (match_col - col <= width / 3)
			return sp.start;
		pos = sp.end;
	}
	return match;
}

/* Joins matches separated by nothing but spaces ("[thủ tục]", not
 * "[thủ] [tục]"). */
static int merge_spans(const char *s, struct text_span *sp, int n)
{
	int k = 0;
	for (int i = 0; i < n; i++) {
		if (k > 0) {
			size_t j = sp[k - 1].end;
			while (j < sp[i].start && s[j] == ' ')
				j++;
			if (j == sp[i].start) {
				sp[k - 1].end = sp[i].end;
				continue;
			}
		}
		sp[k++] = sp[i];
	}
	return k;
}

char *text_snippet(const struct text_query *q, const char *s, int width, const char *open,
		   const char *close)
{
	struct text_span spans[64];
	int ns = merge_spans(s, spans, text_query_spans(q, s, spans, 64));
	size_t n = strlen(s);
	size_t start = ns > 0 ? snippet_start(s, spans[0].start, width) : 0;
	struct sbuf b = SBUF_INIT;
	if (start > 0)
		sbuf_add(&b, "…");
	int cols = 0, k = 0;
	bool space = false;
	size_t i = start;
	while (i < n && cols < width) {
		while (k < ns && spans[k].end <= i)
			k++;
		if (k < ns && i == spans[k].start)
			sbuf_add(&b, open);
		uint32_t cp;
		size_t len = utf8_decode(s + i, n - i, &cp);
		if (!len)
			len = 1, cp = 0xfffd;
		if (cp < 0x20 || cp == 0x7f || text_cp_is_space(cp)) {
			if (!space)
				sbuf_addc(&b, ' '), cols++;
			space = true;
		} else {
			char enc[4];
			sbuf_addn(&b, enc, utf8_encode(cp >= 0x80 && cp < 0xa0 ? 0xfffd : cp, enc));
			cols += text_cp_width(cp);
			space = false;
		}
		i += len;
		if (k < ns && i == spans[k].end)
			sbuf_add(&b, close);
	}
	if (k < ns && spans[k].start < i && i < spans[k].end)
		sbuf_add(&b, close);
	while (b.len > 0 && b.s[b.len - 1] == ' ')
		sbuf_trunc(&b, b.len - 1);
	if (i < n && !text_is_blank(s + i, n - i))
		sbuf_add(&b, "…");
	return sbuf_detach(&b);
}
