/* What every cchc connection registers before it touches the schema: the
 * FTS5 tokenizer "cchc" (tokens folded for search: no tones, no case, đ as
 * d, offsets into the original text so snippets keep their tones) and the
 * collation "vi" (Vietnamese order). */
#ifndef CCHC_FTS_H
#define CCHC_FTS_H
#include <sqlite3.h>
#include "util/err.h"

int fts_register(sqlite3 *h, struct cchc_err *err);

#endif
