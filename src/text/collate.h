/* Vietnamese order: the alphabet a ă â b c d đ e ê g h i k l m n o ô ơ p q r
 * s t u ư v x y (foreign f j w z in their Latin places), then tones
 * (none < huyền < hỏi < ngã < sắc < nặng), then case (lower first).
 * Registered in SQLite as the collation "vi". */
#ifndef CCHC_COLLATE_H
#define CCHC_COLLATE_H
#include <stddef.h>

/* <0, 0, >0 as a sorts before, with, after b (n bytes each, UTF-8). */
int text_collate(const char *a, size_t na, const char *b, size_t nb);

#endif
