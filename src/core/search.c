#include <config.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/search.h"
#include "text/fold.h"
#include "util/sbuf.h"

/* How each kind is called and how it names one of its records in results. */
static const struct {
	const char *kind, *label;
	const char *describe;
} kinds[] = {
	{ "plan", "Kế hoạch", "SELECT CASE WHEN doc_no <> '' THEN doc_no || ' ' ELSE '' END "
			      "|| title FROM plan WHERE id = ?" },
	{ "section", "Đề mục", "SELECT label || ' ' || heading FROM section WHERE id = ?" },
	{ "unit", "Đơn vị", "SELECT name FROM unit WHERE id = ?" },
	{ "task", "Nhiệm vụ", "SELECT title FROM task WHERE id = ?" },
	{ "evidence", "Tài liệu KC", "SELECT CASE WHEN doc_no <> '' THEN doc_no || ' ' "
				     "ELSE '' END || summary FROM evidence WHERE id = ?" },
	{ "dossier", "Hồ sơ", "SELECT code || CASE WHEN holder <> '' THEN ' · ' || holder "
			      "ELSE '' END FROM dossier WHERE id = ?" },
	{ "letter", "Phiếu xin lỗi", "SELECT 'Phiếu ' || l.number || ': ' || l.addressee || "
				     "coalesce(' (hồ sơ ' || d.code || ')', '') FROM letter l "
				     "LEFT JOIN dossier d ON d.id = l.dossier_id WHERE l.id = ?" },
	{ "feedback", "Phản ánh", "SELECT sender || ': ' || content FROM feedback WHERE id = ?" },
};
#define NKINDS (sizeof kinds / sizeof kinds[0])

const char *const search_kinds[] = { "plan", "section", "unit", "task", "evidence", "dossier",
				   "letter", "feedback", NULL };

const char *search_kind_label(const char *kind)
{
	for (size_t i = 0; i < NKINDS; i++)
		if (strcmp(kinds[i].kind, kind) == 0)
			return kinds[i].label;
	return kind;
}

/* The statements that name the hits of one search, each prepared at its
 * first use and kept to the end of the search (preparing one for each of
 * fifty hits was a twentieth of a search). */
struct namer {
	struct db *db;
	sqlite3_stmt *st[NKINDS];
	sqlite3_stmt *rid;       /* a row of search_fts: the record it belongs to */
};

static void namer_free(struct namer *nm)
{
	for (size_t i = 0; i < NKINDS; i++)
		sqlite3_finalize(nm->st[i]);
	sqlite3_finalize(nm->rid);
}

/* The first column of kind i's describe row for id, malloc'd ("" when none). */
static char *text_by_id(struct namer *nm, size_t i, int64_t id)
{
	char *s = NULL;
	if (!nm->st[i] &&
	    sqlite3_prepare_v2(nm->db->h, kinds[i].describe, -1, &nm->st[i], NULL) != SQLITE_OK)
		return xstrdup("");
	sqlite3_stmt *st = nm->st[i];
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
		s = xstrdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_reset(st);
	return s ? s : xstrdup("");
}

static char *describe(struct namer *nm, const char *kind, int64_t id)
{
	for (size_t i = 0; i < NKINDS; i++)
		if (strcmp(kinds[i].kind, kind) == 0)
			return text_by_id(nm, i, id);
	return xstrdup("");
}

/* The name of the plan a record of another kind is in, or NULL. */
static char *plan_name(struct namer *nm, const char *kind, int64_t plan_id)
{
	if (!plan_id || strcmp(kind, "plan") == 0)
		return NULL;
	char *s = describe(nm, "plan", plan_id);
	if (!*s) {
		free(s);
		return NULL;
	}
	return s;
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
static char *expr_of(const struct text_query *q, int n)
{
	struct sbuf b = SBUF_INIT;
	for (int i = 0; i < n; i++) {
		sbuf_addf(&b, "%s\"%s\"", i ? " " : "", q->folded[i]);
		if (q->last_prefix && i == q->nterms - 1)
			sbuf_addc(&b, '*');
	}
	return b.s ? sbuf_detach(&b) : xstrdup("");
}

static char *match_expr(const struct text_query *q)
{
	return expr_of(q, q->nterms - short_prefix(q));
}

char *search_filter_expr(const char *query)
{
	struct text_query q;
	text_query_init(&q, query, false, true);
	char *e = q.nterms ? expr_of(&q, q.nterms) : NULL;
	text_query_free(&q);
	return e;
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
 * matches; the newest RANK_WINDOW matching rows of each index are ranked
 * (cchc_rank: bm25 without the IDF that made it read each word's whole
 * list, src/store/fts.c), and the best of them returned. A query with fewer matches is ranked
 * whole. The kind and plan are checked in search_doc (a small row) only
 * when asked: as conditions on the index's unindexed columns they made
 * FTS5 read every candidate's whole text. The texts are read for the rows
 * ranked only, with the kind and plan that search_fts keeps beside them
 * (the same as search_doc's, written by the same triggers); the record a
 * row belongs to (search_doc.rid) is looked up only for the rows that take
 * reaches (rid_of): a search reads 160 rows for 20 hits, and search_doc's
 * rows of them were a page each, 60 of the 470 pages a search read. */
#define RANK_WINDOW 300
#define STR_(x) #x
#define STR(x) STR_(x)
static char *search_sql(const struct search_opts *o)
{
	struct sbuf b = SBUF_INIT;
	sbuf_add(&b, "SELECT f.kind, m.id, coalesce(f.plan_id, 0), m.r, f.title, f.body FROM "
		 "(SELECT id, r FROM (SELECT rowid AS id, cchc_rank(search_fts, 4.0, 1.0) AS r "
		 "FROM search_fts WHERE search_fts MATCH ?1 ");
	if ((o->kind && *o->kind) || o->plan_id)
		sbuf_addf(&b, "AND EXISTS (SELECT 1 FROM search_doc k WHERE k.id = search_fts.rowid%s%s) ",
			  o->kind && *o->kind ? " AND k.kind = ?2" : "",
			  o->plan_id ? " AND k.plan_id = ?3" : "");
	/* CROSS JOIN keeps the ranked rows the outer loop, in their order */
	sbuf_add(&b, "ORDER BY rowid DESC LIMIT " STR(RANK_WINDOW) ") ORDER BY r LIMIT ?4) m "
		 "CROSS JOIN search_fts f ON f.rowid = m.id");
	return sbuf_detach(&b);
}

/* Dossiers have their own index (search_dossier, over the dossier table:
 * see data/migrations/0020-dossier-search.sql), read without bm25: its IDF
 * counts every row of each word, and a code's words ("000", "h36") are in
 * all of a million dossiers: 300 ms a query. The newest RANK_WINDOW
 * matches are ordered here instead: those with the words in the code or
 * holder (the title) first, then the newest (order_index). */
static const char dossier_sql[] =
	"SELECT 'dossier', m.id, 0, 0.0, f.code || ' ' || f.holder, "
	"f.procedure || ' · ' || f.field FROM "
	"(SELECT rowid AS id FROM search_dossier WHERE search_dossier MATCH ?1 "
	"ORDER BY rowid DESC LIMIT " STR(RANK_WINDOW) ") m CROSS JOIN dossier f ON f.id = m.id "
	"LIMIT ?4";

/* A ranked row of either index, with its texts. The two indexes' bm25
 * figures are not on one scale (a dossier code's words are in every
 * dossier, and in one letter), so the rows are merged by their place in
 * their own index's order: each index's first, then each one's second… */
struct cand {
	char kind[16];
	int64_t id, plan_id;
	double rank;
	int tones, in_title, read, place;
	bool check;              /* read without the last word: take checks it */
	bool row;                /* id is search_fts's rowid, not yet the record's */
	char *all;               /* the title, a newline, the body: one allocation */
	size_t title_len;
};

static const char *cand_body(const struct cand *x)
{
	return x->all + x->title_len + 1;
}

struct cands {
	struct cand *v;
	int n, cap;
};

static void cands_free(struct cands *c)
{
	for (int i = 0; i < c->n; i++)
		free(c->v[i].all);
	free(c->v);
}

/* Columns i and i + 1 as "title\nbody", read by every ranking step and
 * check below without being put together again (a printf of hundreds of
 * texts was a fifth of a search). */
static void cand_texts(struct cand *x, sqlite3_stmt *st, int i)
{
	const char *t = (const char *)sqlite3_column_text(st, i);
	const char *b = (const char *)sqlite3_column_text(st, i + 1);
	size_t tl = t ? strlen(t) : 0, bl = b ? strlen(b) : 0;
	x->all = xmalloc(tl + bl + 2);
	memcpy(x->all, t ? t : "", tl);
	x->all[tl] = '\n';
	memcpy(x->all + tl + 1, b ? b : "", bl + 1);
	x->title_len = tl;
}

/* Reads the rows of sql (one index) into c; SQLITE_DONE when all went well. */
static int read_cands(struct db *db, const char *sql, const char *expr,
		      const struct search_opts *o, int want, bool rows, struct cands *c)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db->h, sql, -1, &st, NULL);
	if (rc != SQLITE_OK)
		return rc;
	sqlite3_bind_text(st, 1, expr, -1, SQLITE_STATIC);
	if (sqlite3_bind_parameter_index(st, "?2"))
		sqlite3_bind_text(st, 2, o->kind ? o->kind : "", -1, SQLITE_STATIC);
	if (sqlite3_bind_parameter_index(st, "?3"))
		sqlite3_bind_int64(st, 3, o->plan_id);
	sqlite3_bind_int(st, 4, want);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (c->n == c->cap) {   /* doubling: hundreds of rows per query */
			c->cap = c->cap ? 2 * c->cap : 64;
			c->v = xrealloc(c->v, sizeof *c->v * (size_t)c->cap);
		}
		struct cand *x = &c->v[c->n++];
		const char *kind = (const char *)sqlite3_column_text(st, 0);
		snprintf(x->kind, sizeof x->kind, "%s", kind ? kind : "");
		x->id = sqlite3_column_int64(st, 1);
		x->plan_id = sqlite3_column_int64(st, 2);
		x->rank = sqlite3_column_double(st, 3);
		x->tones = 0;
		cand_texts(x, st, 4);
		x->in_title = 0;
		x->read = c->n;
		x->check = false;
		x->row = rows;
	}
	sqlite3_finalize(st);
	return rc;
}

/* ---- the rows kept from the searches before ---- */

/* One index's question (its statement, expression and bound values) and
 * the rows it gave, as read. */
struct cache_slot {
	bool valid;
	char *sql, *expr, *kind;
	int64_t plan_id;
	int want;
	bool rows;
	struct cands c;
};

struct search_cache {
	struct cache_slot slot[2];   /* search_fts, search_dossier */
};

struct search_cache *search_cache_new(void)
{
	return xcalloc(1, sizeof(struct search_cache));
}

static void slot_clear(struct cache_slot *s)
{
	free(s->sql);
	free(s->expr);
	free(s->kind);
	cands_free(&s->c);
	memset(s, 0, sizeof *s);
}

void search_cache_clear(struct search_cache *c)
{
	for (int i = 0; c && i < 2; i++)
		slot_clear(&c->slot[i]);
}

void search_cache_free(struct search_cache *c)
{
	search_cache_clear(c);
	free(c);
}

static bool slot_is(const struct cache_slot *s, const char *sql, const char *expr,
		    const struct search_opts *o, int want, bool rows)
{
	return s->valid && s->want == want && s->rows == rows && s->plan_id == o->plan_id &&
	       strcmp(s->sql, sql) == 0 && strcmp(s->expr, expr) == 0 &&
	       strcmp(s->kind, o->kind ? o->kind : "") == 0;
}

/* Adds copies of the rows of from to c. */
static void cands_add(struct cands *c, const struct cands *from)
{
	if (c->n + from->n > c->cap) {
		c->cap = c->n + from->n;
		c->v = xrealloc(c->v, sizeof *c->v * (size_t)c->cap);
	}
	for (int i = 0; i < from->n; i++) {
		struct cand *x = &c->v[c->n++];
		*x = from->v[i];
		size_t len = x->title_len + 1 + strlen(cand_body(x)) + 1;
		x->all = xmalloc(len);
		memcpy(x->all, from->v[i].all, len);
	}
}

/* read_cands through the cache of index i (when the options have one):
 * the rows of the same question are not read again. */
static int read_cached(struct db *db, int i, const char *sql, const char *expr,
		       const struct search_opts *o, int want, bool rows, struct cands *c)
{
	if (!o->cache)
		return read_cands(db, sql, expr, o, want, rows, c);
	struct cache_slot *s = &o->cache->slot[i];
	if (!slot_is(s, sql, expr, o, want, rows)) {
		struct cands t = { 0 };
		int rc = read_cands(db, sql, expr, o, want, rows, &t);
		slot_clear(s);
		if (rc != SQLITE_DONE) {
			cands_add(c, &t);
			cands_free(&t);
			return rc;
		}
		*s = (struct cache_slot){ true, xstrdup(sql), xstrdup(expr),
					  xstrdup(o->kind ? o->kind : ""), o->plan_id, want, rows, t };
	}
	cands_add(c, &s->c);
	return SQLITE_DONE;
}

/* How many of the words of q that want marks text has; want NULL: all. */
static int words_in(const struct text_query *q, const bool *want, const char *text, size_t n)
{
	bool found[64] = { false };
	size_t pos = 0;
	struct text_span sp;
	int score = 0;
	while (text_next_token(text, n, pos, &sp)) {
		int t = text_query_token_term(q, text, sp);
		if (t >= 0 && t < 64 && (!want || want[t]) && !found[t]) {
			found[t] = true;
			score++;
		}
		pos = sp.end;
	}
	return score;
}

/* Scores the candidates v[0..n): the words typed with tones (or đ) they
 * have with those tones (none when the query has no tones: then relevance
 * alone ranks, as before), and, for dossiers, the words in their title. */
static void score_words(const char *query, bool prefix, struct cand *v, int n)
{
	struct text_query qx, qf;
	text_query_init(&qx, query, true, prefix);
	text_query_init(&qf, query, false, prefix);
	bool toned[64] = { false }, any = false;
	for (int i = 0; i < qx.nterms && i < 64; i++)
		any |= toned[i] = strcmp(qx.terms[i], qx.folded[i]) != 0;
	for (int i = 0; i < n; i++) {
		v[i].tones = any ? words_in(&qx, toned, v[i].all, strlen(v[i].all)) : 0;
		if (strcmp(v[i].kind, "dossier") == 0)
			v[i].in_title = words_in(&qf, NULL, v[i].all, v[i].title_len);
	}
	text_query_free(&qx);
	text_query_free(&qf);
}

/* One index's order: toned words first, then the words in the title
 * (dossiers), then bm25 (the other kinds), then the order read (newest
 * first). */
static int index_cmp(const void *a, const void *b)
{
	const struct cand *x = a, *y = b;
	if (x->tones != y->tones)
		return y->tones - x->tones;
	if (x->in_title != y->in_title)
		return y->in_title - x->in_title;
	if (x->rank != y->rank)
		return x->rank < y->rank ? -1 : 1;
	return x->read - y->read;
}

static int kind_order(const char *kind)
{
	int i = 0;
	while (search_kinds[i] && strcmp(search_kinds[i], kind) != 0)
		i++;
	return i;
}

/* Both indexes' rows: toned words first, then the place in their own
 * index, then the kinds' order (a dossier before its letter). */
static int merge_cmp(const void *a, const void *b)
{
	const struct cand *x = a, *y = b;
	if (x->tones != y->tones)
		return y->tones - x->tones;
	if (x->place != y->place)
		return x->place - y->place;
	return kind_order(x->kind) - kind_order(y->kind);
}

/* Puts the rows read from one index, v[0..n), in its order and numbers them. */
static void order_index(const char *query, bool prefix, struct cand *v, int n)
{
	score_words(query, prefix, v, n);
	if (n > 1)
		qsort(v, (size_t)n, sizeof *v, index_cmp);
	for (int i = 0; i < n; i++)
		v[i].place = i;
}

/* Makes c's id the record's (search_doc.rid) if it is still search_fts's
 * rowid; false when the row belongs to no record. */
static bool rid_of(struct namer *nm, struct cand *c)
{
	if (!c->row)
		return true;
	if (!nm->rid && sqlite3_prepare_v2(nm->db->h, "SELECT rid FROM search_doc WHERE id = ?1",
					   -1, &nm->rid, NULL) != SQLITE_OK)
		return false;
	sqlite3_bind_int64(nm->rid, 1, c->id);
	bool found = sqlite3_step(nm->rid) == SQLITE_ROW;
	if (found)
		c->id = sqlite3_column_int64(nm->rid, 0);
	sqlite3_reset(nm->rid);
	c->row = false;
	return found;
}

/* Names hit k of v (n of them) unless named: its record's title, its
 * plan's name (read once for the hits of one plan), the line around the
 * match. */
static void name_hit(struct namer *nm, struct search_hit *v, int n, int k,
		     const struct text_query *q, const struct search_opts *o)
{
	struct search_hit *h = &v[k];
	if (!h->text)
		return;
	h->title = describe(nm, h->kind, h->id);
	for (int i = 0; i < n && !h->plan; i++)
		if (i != k && v[i].plan && v[i].plan_id == h->plan_id && strcmp(h->kind, "plan") != 0)
			h->plan = xstrdup(v[i].plan);
	if (!h->plan)
		h->plan = plan_name(nm, h->kind, h->plan_id);
	/* the body alone when it holds the whole query: a holder's name split
	 * between the title and a procedure's words is shown from the title */
	const char *body = h->text + h->title_len + 1;
	const char *text = text_query_matches_all(q, body) ? body : h->text;
	h->snippet = text_snippet(q, text, o->snippet_width ? o->snippet_width : 60, "\x01", "\x02");
	free(h->text);
	h->text = NULL;
}

/* Adds the candidate to the hits unless its record is already there or, in
 * exact mode, its text lacks a term with its tones; the hit takes its
 * texts, and is named unless beyond o->name_first. */
static void take(struct namer *nm, struct cand *c, const struct text_query *q,
		 const struct search_opts *o, struct search_hit **v, int *n)
{
	if (seen(*v, *n, c->kind, c->id))
		return;
	if ((o->exact || short_prefix(q) || c->check) && !text_query_matches_all(q, c->all))
		return;
	*v = xrealloc(*v, sizeof **v * (size_t)(*n + 1));
	struct search_hit *h = &(*v)[(*n)++];
	memset(h, 0, sizeof *h);
	snprintf(h->kind, sizeof h->kind, "%s", c->kind);
	h->id = c->id;
	h->plan_id = c->plan_id;
	h->rank = c->rank;
	h->tones = c->tones;
	h->text = c->all;
	h->title_len = c->title_len;
	c->all = NULL;
	if (!o->name_first || *n <= o->name_first)
		name_hit(nm, *v, *n, *n - 1, q, o);
}

void search_hits_name(struct db *db, struct search_hit *v, int n, int from, int to,
		      const char *query, const struct search_opts *o)
{
	struct text_query q;
	struct namer nm = { .db = db };
	text_query_init(&q, query, o->exact, o->prefix);
	for (int k = from < 0 ? 0 : from; k < to && k < n; k++)
		name_hit(&nm, v, n, k, &q, o);
	namer_free(&nm);
	text_query_free(&q);
}

/* Which indexes the options ask for: search_fts unless only dossiers,
 * search_dossier unless another kind or a plan (dossiers are in none). */
static bool wants_kind(const struct search_opts *o, bool dossier)
{
	bool only_dossiers = o->kind && strcmp(o->kind, "dossier") == 0;
	if (!dossier)
		return !only_dossiers;
	return !o->plan_id && (!o->kind || !*o->kind || only_dossiers);
}

/* The dossiers' index keeps no prefixes (a million rows), so a last word
 * being typed made FTS5 merge the lists of every word it begins before
 * anything else, 40 ms for "le" or "ha" at a province's size, even when
 * the other words matched no dossier. With other words before it, it is
 * left out of the dossiers' query and checked on the rows read (take). */
static bool dossier_loose(const struct text_query *q)
{
	return q->last_prefix && q->nterms > 1 && !short_prefix(q);
}

/* One word as a prefix over a big dossier register, when the caller can
 * take the whole word now and the prefix later (search_opts.cut_slow):
 * the dossier index keeps no prefixes, and FTS5 merges the lists of every
 * word that begins so (60-180 ms for "thu" at a million dossiers). */
static bool dossier_prefix_slow(struct db *db, const struct text_query *q,
				const struct search_opts *o)
{
	if (!o->cut_slow || !o->cut || !q->last_prefix || q->nterms != 1)
		return false;
	return db_int_by_id(db, "SELECT coalesce(max(id), 0) FROM dossier", 0) >=
	       SEARCH_BIG_REGISTER;
}

/* The candidates of both indexes, best first. */
static int gather(struct db *db, const char *query, const struct text_query *q, const char *expr,
		  const struct search_opts *o, int want, struct cands *c)
{
	int rc = SQLITE_DONE;
	if (wants_kind(o, false)) {
		char *sql = search_sql(o);
		rc = read_cached(db, 0, sql, expr, o, want, true, c);
		free(sql);
	}
	int first = c->n;
	order_index(query, o->prefix, c->v, first);
	if (rc == SQLITE_DONE && wants_kind(o, true)) {
		bool loose = dossier_loose(q);
		char *e = loose ? expr_of(q, q->nterms - 1) : NULL;
		if (!loose && dossier_prefix_slow(db, q, o)) {
			e = xstrdup(expr);
			e[strlen(e) - 1] = '\0';   /* the '*' */
			*o->cut = true;
		}
		rc = read_cached(db, 1, dossier_sql, e ? e : expr, o, want, false, c);
		for (int i = first; loose && i < c->n; i++)
			c->v[i].check = true;
		free(e);
	}
	order_index(query, o->prefix, c->v + first, c->n - first);
	if (c->n > 1)
		qsort(c->v, (size_t)c->n, sizeof *c->v, merge_cmp);
	return rc;
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
	/* rows of one record (a section's items) and exact-mode misses are
	 * dropped after ranking, so read more rows than records wanted */
	struct cands c = { 0 };
	int rc = gather(db, query, &q, expr, o, limit * 8, &c);
	struct namer nm = { .db = db };
	for (int i = 0; rc == SQLITE_DONE && i < c.n && *n < limit; i++)
		if (rid_of(&nm, &c.v[i]))
			take(&nm, &c.v[i], &q, o, out, n);
	namer_free(&nm);
	cands_free(&c);
	free(expr);
	text_query_free(&q);
	if (rc != SQLITE_DONE) {
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
		free(v[i].plan);
		free(v[i].snippet);
		free(v[i].text);
	}
	free(v);
}
