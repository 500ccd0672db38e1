/* A growable byte string, always NUL-terminated. Allocation failure aborts:
 * an office PC that cannot spare a few kilobytes has bigger problems, and it
 * keeps every caller simple. */
#ifndef CCHC_SBUF_H
#define CCHC_SBUF_H
#include <stdarg.h>
#include <stddef.h>

struct sbuf {
	char *s;
	size_t len, cap;
};

#define SBUF_INIT { NULL, 0, 0 }

void sbuf_addn(struct sbuf *b, const char *s, size_t n);
void sbuf_add(struct sbuf *b, const char *s);
void sbuf_addc(struct sbuf *b, char c);
void sbuf_addf(struct sbuf *b, const char *fmt, ...) CCHC_PRINTF(2, 3);
void sbuf_vaddf(struct sbuf *b, const char *fmt, va_list ap) CCHC_PRINTF(2, 0);
void sbuf_trunc(struct sbuf *b, size_t len);
/* Returns the string (never NULL) and leaves b empty; the caller frees it. */
char *sbuf_detach(struct sbuf *b);
void sbuf_free(struct sbuf *b);

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* Reverses the order of the n elements (of size bytes) of array v. */
void array_reverse(void *v, size_t n, size_t size);

#endif
