#include <config.h>
#include <stdlib.h>
#include <string.h>
#include "store/search_index.h"
#include "util/sbuf.h"
#include "util/sha256.h"

struct search_source {
	const char *table; /* source table */
	const char *kind;  /* record kind the user sees */
	const char *key;   /* unique key of a source row; "$" stands for NEW/OLD/t */
	const char *rid;   /* id of the record (of that kind) the row belongs to */
	const char *plan;  /* plan id, or NULL */
	const char *title; /* text expressions: title weighs more than body */
	const char *body;
	/* Another table the texts read, or NULL: when its row changes as
	 * follow_when says ("$" for OLD/NEW), the source rows that
	 * follow_rows picks (a condition on t. and NEW.) are indexed again. */
	const char *follow, *follow_when, *follow_rows;
};

#define NO_FOLLOW NULL, NULL, NULL
static const struct search_source sources[] = {
	{ "plan", "plan", "$.id", "$.id", "$.id", "$.title",
	  "$.doc_no || ' ' || $.issuer || ' ' || $.preamble || ' ' || $.closing", NO_FOLLOW },
	{ "section", "section", "$.id", "$.id", "$.plan_id", "$.label || ' ' || $.heading", "''",
	  NO_FOLLOW },
	{ "section_item", "section", "$.section_id || ':' || $.seq", "$.section_id",
	  "(SELECT plan_id FROM section WHERE id = $.section_id)", "''", "$.text", NO_FOLLOW },
	{ "unit", "unit", "$.id", "$.id", "NULL", "$.name || ' ' || coalesce($.code, '')", "$.head",
	  NO_FOLLOW },
	{ "task", "task", "$.id", "$.id", "$.plan_id", "$.title", "$.description || ' ' || $.product",
	  NO_FOLLOW },
	{ "evidence", "evidence", "$.id", "$.id", "NULL", "$.doc_no || ' ' || $.summary",
	  "$.issuer || ' ' || $.notes", NO_FOLLOW },
	/* a letter is found by its dossier's code and holder too */
	{ "letter", "letter", "$.id", "$.id", "NULL",
	  "$.number || ' ' || $.addressee || ' ' || coalesce((SELECT code || ' ' || holder "
	  "FROM dossier WHERE id = $.dossier_id), '')", "$.reason || ' ' || $.address",
	  "dossier", "OLD.code IS NOT NEW.code OR OLD.holder IS NOT NEW.holder",
	  "t.dossier_id = NEW.id" },
	{ "feedback", "feedback", "$.id", "$.id", "NULL", "$.sender",
	  "$.content || ' ' || $.related || ' ' || $.answer_text || ' ' || $.forward_to",
	  NO_FOLLOW },
};
#define NSOURCES (sizeof sources / sizeof sources[0])

/* Appends expr with "$." replaced by prefix ("NEW.", "OLD.", "t."). */
static void add_expr(struct sbuf *b, const char *expr, const char *prefix)
{
	for (const char *p = expr; *p; p++) {
		if (p[0] == '$' && p[1] == '.') {
			sbuf_add(b, prefix);
			p++;
		} else {
			sbuf_addc(b, *p);
		}
	}
}

static void add_insert(struct sbuf *b, const struct search_source *s, const char *row)
{
	sbuf_addf(b, "INSERT INTO search_doc(src, src_key, kind, rid, plan_id) VALUES('%s', ",
		  s->table);
	add_expr(b, s->key, row);
	sbuf_addf(b, ", '%s', ", s->kind);
	add_expr(b, s->rid, row);
	sbuf_add(b, ", ");
	add_expr(b, s->plan ? s->plan : "NULL", row);
	sbuf_add(b, ");\nINSERT INTO search_fts(rowid, title, body, kind, plan_id) "
		 "VALUES(last_insert_rowid(), ");
	add_expr(b, s->title, row);
	sbuf_add(b, ", ");
	add_expr(b, s->body, row);
	sbuf_addf(b, ", '%s', ", s->kind);
	add_expr(b, s->plan ? s->plan : "NULL", row);
	sbuf_add(b, ");\n");
}

static void add_delete(struct sbuf *b, const struct search_source *s)
{
	sbuf_add(b, "DELETE FROM search_fts WHERE rowid = (SELECT id FROM search_doc WHERE src = ");
	sbuf_addf(b, "'%s' AND src_key = ", s->table);
	add_expr(b, s->key, "OLD.");
	sbuf_addf(b, ");\nDELETE FROM search_doc WHERE src = '%s' AND src_key = ", s->table);
	add_expr(b, s->key, "OLD.");
	sbuf_add(b, ";\n");
}

/* The SQL that fills the index with the rows of s that where picks (a
 * condition on t., or NULL for all), and the SQL that takes them out. */
static void add_fill(struct sbuf *b, const struct search_source *s, const char *where)
{
	sbuf_addf(b, "INSERT INTO search_doc(src, src_key, kind, rid, plan_id) SELECT '%s', ",
		  s->table);
	add_expr(b, s->key, "t.");
	sbuf_addf(b, ", '%s', ", s->kind);
	add_expr(b, s->rid, "t.");
	sbuf_add(b, ", ");
	add_expr(b, s->plan ? s->plan : "NULL", "t.");
	sbuf_addf(b, " FROM %s t%s%s;\nINSERT INTO search_fts(rowid, title, body, kind, plan_id) "
		  "SELECT d.id, ", s->table, where ? " WHERE " : "", where ? where : "");
	add_expr(b, s->title, "t.");
	sbuf_add(b, ", ");
	add_expr(b, s->body, "t.");
	sbuf_add(b, ", d.kind, d.plan_id");
	sbuf_addf(b, " FROM %s t JOIN search_doc d ON d.src = '%s' AND d.src_key = ", s->table,
		  s->table);
	add_expr(b, s->key, "t.");
	sbuf_addf(b, "%s%s;\n", where ? " WHERE " : "", where ? where : "");
}

static void add_empty(struct sbuf *b, const struct search_source *s, const char *where)
{
	struct sbuf keys = SBUF_INIT;
	if (where) {
		sbuf_add(&keys, " AND src_key IN (SELECT ");
		add_expr(&keys, s->key, "t.");
		sbuf_addf(&keys, " FROM %s t WHERE %s)", s->table, where);
	}
	sbuf_addf(b, "DELETE FROM search_fts WHERE rowid IN (SELECT id FROM search_doc WHERE "
		  "src = '%s'%s);\nDELETE FROM search_doc WHERE src = '%s'%s;\n", s->table,
		  keys.s ? keys.s : "", s->table, keys.s ? keys.s : "");
	sbuf_free(&keys);
}

/* The triggers of a source: insert, delete, update (TR_AU_LEGACY: as
 * versions before 0.2 wrote it, on any change), and the one on the table
 * it follows. */
enum trig { TR_AI, TR_AD, TR_AU, TR_AU_LEGACY, TR_AF };
static const char *const trig_suffix[] = { "ai", "ad", "au", "au", "af" };

static void add_au_when(struct sbuf *b, const struct search_source *s)
{
	const char *exprs[] = { s->key, s->rid, s->plan ? s->plan : "NULL", s->title, s->body };
	for (size_t i = 0; i < sizeof exprs / sizeof exprs[0]; i++) {
		sbuf_add(b, i ? " OR (" : "(");
		add_expr(b, exprs[i], "OLD.");
		sbuf_add(b, ") IS NOT (");
		add_expr(b, exprs[i], "NEW.");
		sbuf_add(b, ")");
	}
}

/* The CREATE TRIGGER statement (without its ";"), as sqlite_master keeps
 * it; nothing for TR_AF when s follows no table. */
static void add_trigger(struct sbuf *b, const struct search_source *s, enum trig t)
{
	const char *name = trig_suffix[t];
	switch (t) {
	case TR_AI:
		sbuf_addf(b, "CREATE TRIGGER search_%s_%s AFTER INSERT ON %s BEGIN\n", s->table,
			  name, s->table);
		add_insert(b, s, "NEW.");
		break;
	case TR_AD:
		sbuf_addf(b, "CREATE TRIGGER search_%s_%s AFTER DELETE ON %s BEGIN\n", s->table,
			  name, s->table);
		add_delete(b, s);
		break;
	case TR_AU_LEGACY:
	case TR_AU:
		sbuf_addf(b, "CREATE TRIGGER search_%s_%s AFTER UPDATE ON %s ", s->table, name,
			  s->table);
		/* only when what the index holds changes: a task's deadline moving
		 * (recomputed daily for recurring tasks) re-indexes nothing */
		if (t == TR_AU) {
			sbuf_add(b, "WHEN ");
			add_au_when(b, s);
			sbuf_addc(b, ' ');
		}
		sbuf_add(b, "BEGIN\n");
		add_delete(b, s);
		add_insert(b, s, "NEW.");
		break;
	case TR_AF:
		if (!s->follow)
			return;
		sbuf_addf(b, "CREATE TRIGGER search_%s_%s AFTER UPDATE ON %s WHEN ", s->table, name,
			  s->follow);
		sbuf_addf(b, "%s BEGIN\n", s->follow_when);
		add_empty(b, s, s->follow_rows);
		add_fill(b, s, s->follow_rows);
		break;
	}
	sbuf_add(b, "END");
}

static void add_triggers(struct sbuf *b, const struct search_source *s, bool legacy)
{
	const enum trig ts[] = { TR_AI, TR_AD, legacy ? TR_AU_LEGACY : TR_AU, TR_AF };
	for (size_t i = 0; i < sizeof ts / sizeof ts[0]; i++) {
		size_t len = b->len;
		add_trigger(b, s, ts[i]);
		if (b->len > len)
			sbuf_add(b, ";\n");
	}
}

static void add_drops(struct sbuf *b, const char *table)
{
	sbuf_addf(b, "DROP TRIGGER IF EXISTS search_%s_ai; DROP TRIGGER IF EXISTS search_%s_ad; "
		  "DROP TRIGGER IF EXISTS search_%s_au; DROP TRIGGER IF EXISTS search_%s_af;\n",
		  table, table, table, table);
}

/* The SHA-256 of the triggers' text as add_triggers writes it from the
 * table of sources: every open compares the database's search.spec with
 * it, and hashing 30 KB there cost as much as a short command's own work.
 * A change to the table of sources changes the hash: test_store compares
 * this constant with search_index_spec_now() and prints the new value. */
static const char SPEC_SHA256[] =
	"1c18e1b3c9ac4e23f2212d1bbabd6d8e88b932b75258df8863b1d3a1d9dbf987";

char *search_index_spec_now(void)
{
	struct sbuf b = SBUF_INIT;
	for (size_t i = 0; i < NSOURCES; i++)
		add_triggers(&b, &sources[i], false);
	char hex[65];
	sha256_hex(b.s, b.len, hex);
	sbuf_free(&b);
	return xstrdup(hex);
}

int search_index_rebuild(struct db *db, struct cchc_err *err)
{
	struct sbuf b = SBUF_INIT;
	sbuf_add(&b, "DELETE FROM search_fts; DELETE FROM search_doc;\n");
	for (size_t i = 0; i < NSOURCES; i++)
		add_fill(&b, &sources[i], NULL);
	int rc = db_exec(db, b.s, err);
	sbuf_free(&b);
	return rc;
}

/* Whether trigger t of s is in the database as made here ("" stands for
 * none, as TR_AF of a source that follows nothing). */
static bool trigger_is(struct db *db, const struct search_source *s, enum trig t)
{
	struct sbuf want = SBUF_INIT, name = SBUF_INIT;
	add_trigger(&want, s, t);
	sbuf_addf(&name, "search_%s_%s", s->table, trig_suffix[t]);
	sqlite3_stmt *st;
	bool same = false;
	if (sqlite3_prepare_v2(db->h, "SELECT sql FROM main.sqlite_master WHERE type = 'trigger' "
			       "AND name = ?1", -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_text(st, 1, name.s, -1, SQLITE_STATIC);
		const char *have = sqlite3_step(st) == SQLITE_ROW ?
				   (const char *)sqlite3_column_text(st, 0) : "";
		same = strcmp(have ? have : "", want.s ? want.s : "") == 0;
		sqlite3_finalize(st);
	}
	sbuf_free(&want);
	sbuf_free(&name);
	return same;
}

/* What one source needs: nothing, new triggers over the rows it has
 * (its update trigger was the legacy one), or new triggers and its rows
 * indexed again (the texts it indexes changed: only this source is read,
 * not every table, which takes minutes at 100,000 tasks). */
enum need { NEED_NOTHING, NEED_TRIGGERS, NEED_ROWS };

static enum need source_need(struct db *db, const struct search_source *s)
{
	if (!trigger_is(db, s, TR_AI) || !trigger_is(db, s, TR_AD) || !trigger_is(db, s, TR_AF))
		return NEED_ROWS;
	if (trigger_is(db, s, TR_AU))
		return NEED_NOTHING;
	return trigger_is(db, s, TR_AU_LEGACY) ? NEED_TRIGGERS : NEED_ROWS;
}

/* The SQL that brings every source's triggers and rows up to date. */
static void add_updates(struct db *db, struct sbuf *b)
{
	for (size_t i = 0; i < NSOURCES; i++) {
		const struct search_source *s = &sources[i];
		enum need n = source_need(db, s);
		if (n == NEED_NOTHING)
			continue;
		add_drops(b, s->table);
		add_triggers(b, s, false);
		if (n == NEED_ROWS) {
			add_empty(b, s, NULL);
			add_fill(b, s, NULL);
		}
	}
}

const char *search_index_spec(void)
{
	return SPEC_SHA256;
}

int search_index_ensure(struct db *db, struct cchc_err *err)
{
	char *want = xstrdup(SPEC_SHA256);
	char *have = db_setting_get(db, "search.spec");
	bool same = have && strcmp(have, want) == 0;
	free(have);
	if (same || db->readonly) {
		free(want);
		return CCHC_OK;
	}
	int rc = db_begin_internal(db, err);
	struct sbuf b = SBUF_INIT;
	if (!rc)
		add_updates(db, &b);
	if (!rc && b.len)
		rc = db_exec(db, b.s, err);
	if (!rc)
		rc = db_setting_set(db, "search.spec", want, err);
	if (rc)
		db_rollback(db);
	else
		rc = db_commit(db, err);
	sbuf_free(&b);
	free(want);
	return rc;
}

/* ---- holding the dossier index during an import ---- */

int search_dossier_hold(struct db *db, struct search_hold *h, struct cchc_err *err)
{
	*h = (struct search_hold){ 0 };
	sqlite3_stmt *st;
	/* the writer's temporary copy of the kept trigger (store/kept.h) */
	int rc = sqlite3_prepare_v2(db->h, "SELECT (SELECT coalesce(max(id), 0) FROM dossier), "
				    "(SELECT substr(sql, 16) FROM temp.sqlite_master WHERE type = "
				    "'trigger' AND name = 'search_dossier_ai' AND sql GLOB "
				    "'CREATE TRIGGER *')", -1, &st, NULL);
	if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		h->mark = sqlite3_column_int64(st, 0);
		if (sqlite3_column_text(st, 1)) {
			struct sbuf b = SBUF_INIT;
			sbuf_addf(&b, "CREATE TEMP TRIGGER %s", sqlite3_column_text(st, 1));
			h->trigger = sbuf_detach(&b);
		}
		rc = SQLITE_OK;
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_OK && h->trigger)
		rc = sqlite3_exec(db->h, "DROP TRIGGER temp.search_dossier_ai", NULL, NULL, NULL);
	if (rc != SQLITE_OK) {
		search_hold_free(h);
		return db_fail(db, rc, "chuẩn bị chỉ mục tìm kiếm hồ sơ", err);
	}
	return CCHC_OK;
}

int search_dossier_catch_up(struct db *db, struct search_hold *h, struct cchc_err *err)
{
	if (!h->trigger)
		return CCHC_OK;
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db->h, "INSERT INTO search_dossier(rowid, code, holder, "
				    "procedure, field) SELECT id, code, holder, procedure, field "
				    "FROM dossier WHERE id > ?1 ORDER BY id", -1, &st, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_int64(st, 1, h->mark);
		rc = sqlite3_step(st) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(db->h);
		sqlite3_finalize(st);
	}
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(db->h, h->trigger, NULL, NULL, NULL);
	search_hold_free(h);
	return rc == SQLITE_OK ? CCHC_OK : db_fail(db, rc, "ghi chỉ mục tìm kiếm hồ sơ", err);
}

void search_hold_free(struct search_hold *h)
{
	free(h->trigger);
	h->trigger = NULL;
}
