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
};

static const struct search_source sources[] = {
	{ "plan", "plan", "$.id", "$.id", "$.id", "$.title",
	  "$.doc_no || ' ' || $.issuer || ' ' || $.preamble || ' ' || $.closing" },
	{ "section", "section", "$.id", "$.id", "$.plan_id", "$.label || ' ' || $.heading", "''" },
	{ "section_item", "section", "$.section_id || ':' || $.seq", "$.section_id",
	  "(SELECT plan_id FROM section WHERE id = $.section_id)", "''", "$.text" },
	{ "unit", "unit", "$.id", "$.id", "NULL", "$.name || ' ' || coalesce($.code, '')", "$.head" },
	{ "task", "task", "$.id", "$.id", "$.plan_id", "$.title", "$.description || ' ' || $.product" },
	{ "evidence", "evidence", "$.id", "$.id", "NULL", "$.doc_no || ' ' || $.summary",
	  "$.issuer || ' ' || $.notes" },
	{ "letter", "letter", "$.id", "$.id", "NULL", "$.number || ' ' || $.addressee",
	  "$.reason || ' ' || $.address" },
	{ "feedback", "feedback", "$.id", "$.id", "NULL", "$.sender",
	  "$.content || ' ' || $.related || ' ' || $.answer_text || ' ' || $.forward_to" },
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

/* legacy: the update trigger as versions before 0.2 wrote it (on any
 * change), to recognise an index whose content is already right. */
static void add_triggers(struct sbuf *b, const struct search_source *s, bool legacy)
{
	sbuf_addf(b, "CREATE TRIGGER search_%s_ai AFTER INSERT ON %s BEGIN\n", s->table, s->table);
	add_insert(b, s, "NEW.");
	sbuf_addf(b, "END;\nCREATE TRIGGER search_%s_ad AFTER DELETE ON %s BEGIN\n", s->table, s->table);
	add_delete(b, s);
	/* only when what the index holds changes: a task's deadline moving
	 * (recomputed daily for recurring tasks) re-indexes nothing */
	if (legacy) {
		sbuf_addf(b, "END;\nCREATE TRIGGER search_%s_au AFTER UPDATE ON %s BEGIN\n", s->table,
			  s->table);
		add_delete(b, s);
		add_insert(b, s, "NEW.");
		sbuf_add(b, "END;\n");
		return;
	}
	sbuf_addf(b, "END;\nCREATE TRIGGER search_%s_au AFTER UPDATE ON %s WHEN ", s->table, s->table);
	const char *exprs[] = { s->key, s->rid, s->plan ? s->plan : "NULL", s->title, s->body };
	for (size_t i = 0; i < sizeof exprs / sizeof exprs[0]; i++) {
		sbuf_add(b, i ? " OR (" : "(");
		add_expr(b, exprs[i], "OLD.");
		sbuf_add(b, ") IS NOT (");
		add_expr(b, exprs[i], "NEW.");
		sbuf_add(b, ")");
	}
	sbuf_add(b, " BEGIN\n");
	add_delete(b, s);
	add_insert(b, s, "NEW.");
	sbuf_add(b, "END;\n");
}

static void add_drops(struct sbuf *b, const char *table)
{
	sbuf_addf(b, "DROP TRIGGER IF EXISTS search_%s_ai; DROP TRIGGER IF EXISTS search_%s_ad; "
		  "DROP TRIGGER IF EXISTS search_%s_au;\n", table, table, table);
}

static char *spec_hash(bool legacy)
{
	struct sbuf b = SBUF_INIT;
	for (size_t i = 0; i < NSOURCES; i++)
		add_triggers(&b, &sources[i], legacy);
	char hex[65];
	sha256_hex(b.s, b.len, hex);
	sbuf_free(&b);
	return xstrdup(hex);
}

int search_index_rebuild(struct db *db, struct cchc_err *err)
{
	struct sbuf b = SBUF_INIT;
	sbuf_add(&b, "DELETE FROM search_fts; DELETE FROM search_doc;\n");
	for (size_t i = 0; i < NSOURCES; i++) {
		const struct search_source *s = &sources[i];
		sbuf_addf(&b, "INSERT INTO search_doc(src, src_key, kind, rid, plan_id) SELECT '%s', ",
			  s->table);
		add_expr(&b, s->key, "t.");
		sbuf_addf(&b, ", '%s', ", s->kind);
		add_expr(&b, s->rid, "t.");
		sbuf_add(&b, ", ");
		add_expr(&b, s->plan ? s->plan : "NULL", "t.");
		sbuf_addf(&b, " FROM %s t;\nINSERT INTO search_fts(rowid, title, body, kind, plan_id) "
			  "SELECT d.id, ", s->table);
		add_expr(&b, s->title, "t.");
		sbuf_add(&b, ", ");
		add_expr(&b, s->body, "t.");
		sbuf_add(&b, ", d.kind, d.plan_id");
		sbuf_addf(&b, " FROM %s t JOIN search_doc d ON d.src = '%s' AND d.src_key = ", s->table,
			  s->table);
		add_expr(&b, s->key, "t.");
		sbuf_add(&b, ";\n");
	}
	int rc = db_exec(db, b.s, err);
	sbuf_free(&b);
	return rc;
}

int search_index_ensure(struct db *db, struct cchc_err *err)
{
	char *want = spec_hash(false);
	char *have = db_setting_get(db, "search.spec");
	bool same = have && strcmp(have, want) == 0;
	/* an index kept by the older update trigger holds the same rows: only
	 * the triggers change (no rebuild, which takes minutes at 100,000 tasks) */
	char *legacy = same || !have ? NULL : spec_hash(true);
	bool triggers_only = legacy && strcmp(have, legacy) == 0;
	free(legacy);
	free(have);
	if (same || db->readonly) {
		free(want);
		return CCHC_OK;
	}
	struct sbuf b = SBUF_INIT;
	for (size_t i = 0; i < NSOURCES; i++) {
		add_drops(&b, sources[i].table);
		add_triggers(&b, &sources[i], false);
	}
	int rc = db_begin_internal(db, err);
	if (!rc)
		rc = db_exec(db, b.s, err);
	if (!rc && !triggers_only)
		rc = search_index_rebuild(db, err);
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
