#include <config.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/search.h"
#include "text/fold.h"
#include "util/sbuf.h"

/* How each kind names one of its records in results. */
static const struct {
	const char *kind;
	const char *describe;
} kinds[] = {
	{ "plan", "SELECT CASE WHEN doc_no <> '' THEN doc_no || ' ' ELSE '' END || title "
		  "FROM plan WHERE id = ?" },
	{ "section", "SELECT label || ' ' || heading FROM section WHERE id = ?" },
	{ "unit", "SELECT name FROM unit WHERE id = ?" },
	{ "task", "SELECT title FROM task WHERE id = ?" },
	{ "evidence", "SELECT CASE WHEN doc_no <> '' THEN doc_no || ' ' ELSE '' END || summary "
		      "FROM evidence WHERE id = ?" },
	{ "letter", "SELECT 'Phiếu ' || number || ': ' || addressee FROM letter WHERE id = ?" },
	{ "feedback", "SELECT sender || ': ' || content FROM feedback WHERE id = ?" },
};
#define NKINDS (sizeof kinds / sizeof kinds[0])

const char *const search_kinds[] = { "plan", "section", "unit", "task", "evidence", "letter",
				   "feedback", NULL };

static char *describe(struct db *db, const char *kind, int64_t id)
{
	for (size_t i = 0; i < NKINDS; i++) {
		if (strcmp(kinds[i].kind, kind) != 0)
			continue;
		sqlite3_stmt *st;
		char *s = NULL;
		if (sqlite3_prepare_v2(db->h, kinds[i].describe, -1, &st, NULL) != SQLITE_OK)
			return xstrdup("");
		sqlite3_bind_int64(st, 1, id);
		if (sqlite3_step(st) == SQLITE_ROW)
			s = xstrdup((const char *)sqlite3_column_text(st, 0));
		sqlite3_finalize(st);
		return s ? s : xstrdup("");
	}
	return xstrdup("");
}

/* Whether the last term is a prefix too short to look up: one letter (as
 * typed: "thu t"), or two when it is the whole query ("th": nearly every
 * record, a quarter of a second at a province's size, for nothing). */
static bool short_prefix(const struct text_query *q)
{
	if (!q->last_prefix || !q->nterms)
		return false;
	const char *t = q->folded[q->nterms - 1];
	size_t n = 0;
	for (; *t; t++)
		n += ((unsigned char)*t & 0xC0) != 0x80;
	return n < 2 || (n < 3 && q->nterms == 1);
}

/* The FTS5 expression: every folded term quoted, the last one a prefix when
 * asked; the terms are runs of letters and digits, so quoting is safe. A
 * last prefix too short (short_prefix) is left out: the index keeps
 * prefixes of two and three letters, and one letter would make FTS5 read
 * the list of every word starting with it (most of the index) on each key
 * typed. The rows then hold the other terms; search_run checks the prefix
 * itself. */
static char *match_expr(const struct text_query *q)
{
	struct sbuf b = SBUF_INIT;
	int n = q->nterms - short_prefix(q);
	for (int i = 0; i < n; i++) {
		sbuf_addf(&b, "%s\"%s\"", i ? " " : "", q->folded[i]);
		if (q->last_prefix && i == q->nterms - 1)
			sbuf_addc(&b, '*');
	}
	return b.s ? sbuf_detach(&b) : xstrdup("");
}

char *search_match_expr(const char *query, bool exact, bool prefix)
{
	struct text_query q;
	text_query_init(&q, query, exact, prefix);
	char *e = q.nterms ? match_expr(&q) : NULL;
	text_query_free(&q);
	return e;
}

static bool seen(const struct search_hit *v, int n, const char *kind, int64_t id)
{
	for (int i = 0; i < n; i++)
		if (v[i].id == id && strcmp(v[i].kind, kind) == 0)
			return true;
	return false;
}

/* Ranking every match of a common word costs time in proportion to the
 * matches; the newest RANK_WINDOW matching rows are ranked, and the best of
 * them returned. A query with fewer matches is ranked whole. The kind and
 * plan are checked in search_doc (a small row) only when asked: as
 * conditions on the index's unindexed columns they made FTS5 read every
 * candidate's whole text. The texts are read for the rows taken only. */
#define RANK_WINDOW 300
#define STR_(x) #x
#define STR(x) STR_(x)
static char *search_sql(const struct search_opts *o)
{
	struct sbuf b = SBUF_INIT;
	sbuf_add(&b, "SELECT d.kind, d.rid, coalesce(d.plan_id, 0), m.r, f.title, f.body FROM "
		 "(SELECT id, r FROM (SELECT rowid AS id, bm25(search_fts, 4.0, 1.0) AS r "
		 "FROM search_fts WHERE search_fts MATCH ?1 ");
	if ((o->kind && *o->kind) || o->plan_id)
		sbuf_addf(&b, "AND EXISTS (SELECT 1 FROM search_doc k WHERE k.id = search_fts.rowid%s%s) ",
			  o->kind && *o->kind ? " AND k.kind = ?2" : "",
			  o->plan_id ? " AND k.plan_id = ?3" : "");
	/* CROSS JOIN keeps the ranked rows the outer loop, in their order, so
	 * that a text is read only when the caller steps to its row */
	sbuf_add(&b, "ORDER BY rowid DESC LIMIT " STR(RANK_WINDOW) ") ORDER BY r LIMIT ?4) m "
		 "CROSS JOIN search_doc d ON d.id = m.id CROSS JOIN search_fts f ON f.rowid = m.id");
	return sbuf_detach(&b);
}

/* Adds the row to the hits unless its record is already there or, in exact
 * mode, its text lacks a term with its tones. */
static void take_row(struct db *db, sqlite3_stmt *st, const struct text_query *q,
		     const struct search_opts *o, struct search_hit **v, int *n)
{
	const char *kind = (const char *)sqlite3_column_text(st, 0);
	int64_t id = sqlite3_column_int64(st, 1);
	const char *title = (const char *)sqlite3_column_text(st, 4);
	const char *body = (const char *)sqlite3_column_text(st, 5);
	if (seen(*v, *n, kind, id))
		return;
	struct sbuf all = SBUF_INIT;
	sbuf_addf(&all, "%s\n%s", title ? title : "", body ? body : "");
	if ((o->exact || short_prefix(q)) && !text_query_matches_all(q, all.s)) {
		sbuf_free(&all);
		return;
	}
	*v = xrealloc(*v, sizeof **v * (size_t)(*n + 1));
	struct search_hit *h = &(*v)[(*n)++];
	snprintf(h->kind, sizeof h->kind, "%s", kind);
	h->id = id;
	h->plan_id = sqlite3_column_int64(st, 2);
	h->rank = sqlite3_column_double(st, 3);
	h->title = describe(db, kind, id);
	struct text_span sp;
	const char *text = text_query_spans(q, body ? body : "", &sp, 1) ? body : all.s;
	h->snippet = text_snippet(q, text, o->snippet_width ? o->snippet_width : 60, "\x01", "\x02");
	sbuf_free(&all);
}

int search_run(struct db *db, const char *query, const struct search_opts *o,
	       struct search_hit **out, int *n, struct cchc_err *err)
{
	*out = NULL;
	*n = 0;
	struct text_query q;
	text_query_init(&q, query, o->exact, o->prefix);
	if (q.nterms == 0) {
		text_query_free(&q);
		return CCHC_OK;
	}
	int limit = o->limit > 0 && o->limit <= 1000 ? o->limit : 50;
	char *expr = match_expr(&q);
	if (!*expr) {   /* a letter or two so far: wait for more */
		free(expr);
		text_query_free(&q);
		return CCHC_OK;
	}
	sqlite3_stmt *st;
	char *sql = search_sql(o);
	int rc = sqlite3_prepare_v2(db->h, sql, -1, &st, NULL);
	free(sql);
	if (rc == SQLITE_OK) {
		sqlite3_bind_text(st, 1, expr, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, o->kind ? o->kind : "", -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 3, o->plan_id);
		/* rows of one record (a section's items) and exact-mode misses are
		 * dropped after ranking, so read more rows than records wanted */
		sqlite3_bind_int(st, 4, limit * 8);
		while ((rc = sqlite3_step(st)) == SQLITE_ROW && *n < limit)
			take_row(db, st, &q, o, out, n);
		sqlite3_finalize(st);
	}
	free(expr);
	text_query_free(&q);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		search_hits_free(*out, *n);
		*out = NULL;
		*n = 0;
		return db_fail(db, rc, "tìm kiếm", err);
	}
	return CCHC_OK;
}

void search_hits_free(struct search_hit *v, int n)
{
	for (int i = 0; i < n; i++) {
		free(v[i].title);
		free(v[i].snippet);
	}
	free(v);
}
