#include <config.h>
#include <stdlib.h>
#include <string.h>
#include "store/fts.h"
#include "text/collate.h"
#include "text/fold.h"
#include "util/sbuf.h"

static int collate_vi(void *ctx, int na, const void *a, int nb, const void *b)
{
	(void)ctx;
	return text_collate(a, (size_t)na, b, (size_t)nb);
}

/* The tokenizer keeps no state: one static instance serves every table. */
static int dummy_tokenizer;

static int tok_create(void *ctx, const char **argv, int argc, Fts5Tokenizer **out)
{
	(void)ctx, (void)argv, (void)argc;
	*out = (Fts5Tokenizer *)&dummy_tokenizer;
	return SQLITE_OK;
}

static void tok_delete(Fts5Tokenizer *t)
{
	(void)t;
}

static int tok_tokenize(Fts5Tokenizer *t, void *ctx, int flags, const char *text, int n,
			int (*emit)(void *, int, const char *, int, int, int))
{
	(void)t, (void)flags;
	size_t pos = 0, len = n > 0 ? (size_t)n : 0;
	struct text_span sp;
	char buf[256];
	while (text_next_token(text, len, pos, &sp)) {
		size_t k = text_fold_span(text, sp, false, buf, sizeof buf);
		if (k > 0) {
			int rc = emit(ctx, 0, buf, (int)k, (int)sp.start, (int)sp.end);
			if (rc != SQLITE_OK)
				return rc;
		}
		pos = sp.end;
	}
	return SQLITE_OK;
}

static fts5_api *fts5_api_of(sqlite3 *h)
{
	fts5_api *api = NULL;
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(h, "SELECT fts5(?1)", -1, &st, NULL) != SQLITE_OK)
		return NULL;
	sqlite3_bind_pointer(st, 1, (void *)&api, "fts5_api_ptr", NULL);
	sqlite3_step(st);
	sqlite3_finalize(st);
	return api;
}

static void query_free(void *p)
{
	text_query_free(p);
	free(p);
}

/* The parsed query is cached per statement. */
static void words_match(sqlite3_context *ctx, sqlite3_value **argv, bool each)
{
	const char *text = (const char *)sqlite3_value_text(argv[0]);
	struct text_query *q = sqlite3_get_auxdata(ctx, 1);
	if (!q) {
		const char *query = (const char *)sqlite3_value_text(argv[1]);
		q = xcalloc(1, sizeof *q);
		text_query_init(q, query ? query : "", false, true);
		sqlite3_set_auxdata(ctx, 1, q, query_free);
		q = sqlite3_get_auxdata(ctx, 1);
		if (!q) {
			sqlite3_result_error_nomem(ctx);
			return;
		}
	}
	sqlite3_result_int(ctx, text && (each ? text_query_matches_each(q, text)
					      : text_query_matches_all(q, text)));
}

/* vi_match(text, query): 1 when every word of query occurs in text, tones
 * and case ignored, the last word a prefix. For filters on tables kept out
 * of the full-text index (dossiers). */
static void vi_match(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	words_match(ctx, argv, false);
}

/* vi_words(text, query): the same, read as the full-text index reads it:
 * one word of text may serve several words of query (text_query_matches_each).
 * For a filter that checks on each row what the index would find. */
static void vi_words(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	words_match(ctx, argv, true);
}

/* cchc_rank(table, weight...): FTS5's bm25 (k1 1.2, b 0.75, a weight per
 * column; lower is better) with every word's IDF taken as 1. bm25 learns
 * each word's IDF by counting the rows that hold it, a walk over the
 * word's whole list on every query: 13 ms of a search for "giay phep ban
 * le" among 250,000 records, where ranking its newest 300 matches takes
 * under one. Every word of a query is required, so each row ranked holds
 * all of them, and the IDF would only weigh one word's repeats against
 * another's. */
#define RANK_MAX_PHRASES 16
#define RANK_MAX_COLS 8
static void rank_fn(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *ctx,
		    int nval, sqlite3_value **val)
{
	int ncol = api->xColumnCount(fts), nph = api->xPhraseCount(fts), ninst = 0;
	int tf[RANK_MAX_PHRASES][RANK_MAX_COLS] = { { 0 } };
	sqlite3_int64 nrow = 0;
	if (api->xRowCount(fts, &nrow) != SQLITE_OK || api->xInstCount(fts, &ninst) != SQLITE_OK) {
		sqlite3_result_error(ctx, "cchc_rank", -1);
		return;
	}
	for (int i = 0; i < ninst; i++) {
		int ph, col, off;
		if (api->xInst(fts, i, &ph, &col, &off) == SQLITE_OK && ph < RANK_MAX_PHRASES &&
		    col < RANK_MAX_COLS)
			tf[ph][col]++;
	}
	double score = 0;
	for (int c = 0; c < ncol && c < RANK_MAX_COLS; c++) {
		int len = 0;
		sqlite3_int64 total = 0;
		api->xColumnSize(fts, c, &len);
		api->xColumnTotalSize(fts, c, &total);
		double avg = nrow > 0 && total > 0 ? (double)total / (double)nrow : 1.0;
		double w = c < nval ? sqlite3_value_double(val[c]) : 1.0;
		for (int p = 0; p < nph && p < RANK_MAX_PHRASES; p++)
			if (tf[p][c])
				score += w * tf[p][c] * 2.2 / (tf[p][c] + 1.2 * (0.25 + 0.75 * len / avg));
	}
	sqlite3_result_double(ctx, -score);
}

int fts_register(sqlite3 *h, struct cchc_err *err)
{
	if (sqlite3_create_function(h, "vi_match", 2, SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL,
				    vi_match, NULL, NULL) != SQLITE_OK ||
	    sqlite3_create_function(h, "vi_words", 2, SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL,
				    vi_words, NULL, NULL) != SQLITE_OK)
		return err_set(err, CCHC_EDB, "Không đăng ký được hàm tìm kiếm: %s", sqlite3_errmsg(h));
	if (sqlite3_create_collation_v2(h, "vi", SQLITE_UTF8, NULL, collate_vi, NULL) != SQLITE_OK)
		return err_set(err, CCHC_EDB, "Không đăng ký được thứ tự tiếng Việt: %s",
			       sqlite3_errmsg(h));
	fts5_api *api = fts5_api_of(h);
	if (!api || api->iVersion < 2)
		return err_set(err, CCHC_EDB, "Thư viện SQLite này không có FTS5 (tìm kiếm toàn văn); "
			       "hãy dùng bản SQLite của Debian/Ubuntu (libsqlite3-0).");
	static fts5_tokenizer tok = { tok_create, tok_delete, tok_tokenize };
	if (api->xCreateTokenizer(api, "cchc", NULL, &tok, NULL) != SQLITE_OK ||
	    api->xCreateFunction(api, "cchc_rank", NULL, rank_fn, NULL) != SQLITE_OK)
		return err_set(err, CCHC_EDB, "Không đăng ký được bộ tách từ tìm kiếm");
	return CCHC_OK;
}
