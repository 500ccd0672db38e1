/* Word wrapping by display columns: breaks at spaces, and inside a word only
 * when the word alone is wider than the line (never inside a letter). */
#ifndef CCHC_UI_WRAP_H
#define CCHC_UI_WRAP_H
#include <stddef.h>

struct wrap_line {
	size_t off, len;   /* bytes of the source string */
};

/* Wraps s into lines of at most first_w columns for the first line and
 * rest_w for the others. Returns the number of lines (at least 1) and a
 * malloc'd array in *out. */
int wrap_text(const char *s, int first_w, int rest_w, struct wrap_line **out);

#endif
