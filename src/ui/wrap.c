#include <config.h>
#include "ui/wrap.h"
#include <string.h>
#include "text/utf8.h"
#include "util/sbuf.h"

static int width_n(const char *s, size_t n)
{
	int w = 0;
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t len = utf8_decode(s + i, n - i, &cp);
		if (!len) {
			len = 1;
			cp = 0xfffd;
		}
		w += text_cp_width(cp);
		i += len;
	}
	return w;
}

static size_t word_end(const char *s, size_t i)
{
	while (s[i] && s[i] != ' ')
		i++;
	return i;
}

static size_t skip_spaces(const char *s, size_t i)
{
	while (s[i] == ' ')
		i++;
	return i;
}

/* Bytes of the word at s that fit avail columns; at least one letter. */
static size_t hard_split(const char *s, size_t wlen, int avail)
{
	int used;
	size_t n = text_fit(s, avail, &used);
	if (n == 0 || n > wlen) {
		uint32_t cp;
		n = utf8_decode(s, wlen, &cp);
		n = n ? n : 1;
	}
	return n;
}

static void push(struct wrap_line **v, int *n, int *cap, size_t off, size_t len)
{
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 16;
		*v = xrealloc(*v, (size_t)*cap * sizeof **v);
	}
	(*v)[(*n)++] = (struct wrap_line){ off, len };
}

int wrap_text(const char *s, int first_w, int rest_w, struct wrap_line **out)
{
	struct wrap_line *v = NULL;
	int n = 0, cap = 0;
	size_t i = skip_spaces(s, 0);
	while (s[i]) {
		int avail = n == 0 ? first_w : rest_w;
		avail = avail < 1 ? 1 : avail;
		size_t start = i, end = i;
		int w = 0;
		while (s[i]) {
			size_t we = word_end(s, i);
			int ww = width_n(s + i, we - i);
			int need = w ? w + 1 + ww : ww;
			if (need <= avail) {
				w = need;
				end = we;
				i = skip_spaces(s, we);
				continue;
			}
			if (w == 0) {
				end = i + hard_split(s + i, we - i, avail);
				i = end;
			}
			break;
		}
		push(&v, &n, &cap, start, end - start);
	}
	if (n == 0)
		push(&v, &n, &cap, 0, 0);
	*out = v;
	return n;
}
