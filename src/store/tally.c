/* The monthly counts of dossiers (schema 22, data/migrations/0022-*.sql):
 * recounted from the rows, and compared with a recount. What they mean is
 * core's (core/dossier_tally.c). */
#include <config.h>
#include "store/tally.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "util/sbuf.h"

/* The counts of one key (month, field or unit, status). */
struct count {
	char *key;               /* month, 0x1f, field or unit id, 0x1f, status */
	uint32_t hash;
	int64_t n[5];            /* r_online, r_offline, s_early, s_on_time, s_late */
};

struct counts {
	struct count *v;         /* open addressing; key NULL: free */
	size_t cap, n;
};

static uint32_t fnv1a(const char *s, size_t len)
{
	uint32_t h = 2166136261u;
	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}

static void counts_grow(struct counts *c)
{
	struct counts g = { xcalloc(c->cap ? c->cap * 2 : 1024, sizeof *g.v), 0, 0 };
	g.cap = c->cap ? c->cap * 2 : 1024;
	for (size_t i = 0; i < c->cap; i++) {
		if (!c->v[i].key)
			continue;
		size_t j = c->v[i].hash & (g.cap - 1);
		while (g.v[j].key)
			j = (j + 1) & (g.cap - 1);
		g.v[j] = c->v[i];
		g.n++;
	}
	free(c->v);
	*c = g;
}

static struct count *counts_at(struct counts *c, const char *key, size_t len)
{
	if (2 * (c->n + 1) > c->cap)
		counts_grow(c);
	uint32_t h = fnv1a(key, len);
	size_t j = h & (c->cap - 1);
	for (; c->v[j].key; j = (j + 1) & (c->cap - 1))
		if (c->v[j].hash == h && strncmp(c->v[j].key, key, len) == 0 && !c->v[j].key[len])
			return &c->v[j];
	c->v[j].key = xmalloc(len + 1);
	memcpy(c->v[j].key, key, len);
	c->v[j].key[len] = 0;
	c->v[j].hash = h;
	c->n++;
	return &c->v[j];
}

/* The bytes of s's first 7 characters, as SQL's substr(s, 1, 7). */
static size_t month_len(const char *s)
{
	size_t i = 0;
	for (int chars = 0; s[i] && chars < 7; chars++)
		for (i++; ((unsigned char)s[i] & 0xc0) == 0x80; i++)
			;
	return i;
}

static void count_one(struct counts *c, struct sbuf *k, const char *date, const char *group,
		      const char *status, int col, const int64_t *add, int nadd)
{
	sbuf_trunc(k, 0);
	sbuf_addn(k, date, month_len(date));
	sbuf_addc(k, 0x1f);   /* no printf: a million rows make two million keys */
	sbuf_add(k, group);
	sbuf_addc(k, 0x1f);
	sbuf_add(k, status);
	struct count *n = counts_at(c, k->s, k->len);
	for (int i = 0; i < nadd; i++)
		n->n[col + i] += add[i];
}

/* One dossier into both maps: its month received, its month resolved
 * (NULL: none); group[0] its field, group[1] its unit id in decimal. */
static void count_values(struct counts c[2], struct sbuf *k, const char *received,
			 const char *resolved, const char *due, const char *channel,
			 const char *const group[2], const char *status)
{
	status = status ? status : "";
	for (int g = 0; g < 2; g++) {
		const char *grp = group[g] ? group[g] : "";
		if (received) {
			bool online = channel && strcmp(channel, "truc-tuyen") == 0;
			const int64_t r[2] = { online, channel && !online };
			count_one(&c[g], k, received, grp, status, 0, r, 2);
		}
		if (resolved) {
			int cmp = due ? strcmp(resolved, due) : 0;
			const int64_t s[3] = { due && cmp < 0, !due || cmp == 0, due && cmp > 0 };
			count_one(&c[g], k, resolved, grp, status, 2, s, 3);
		}
	}
}

static void count_row(struct counts c[2], struct sbuf *k, sqlite3_stmt *st)
{
	const char *group[2] = { (const char *)sqlite3_column_text(st, 4),
				 (const char *)sqlite3_column_text(st, 5) };
	count_values(c, k, (const char *)sqlite3_column_text(st, 0),
		     (const char *)sqlite3_column_text(st, 1),
		     (const char *)sqlite3_column_text(st, 2),
		     (const char *)sqlite3_column_text(st, 3), group,
		     (const char *)sqlite3_column_text(st, 6));
}

/* Writes one map into table (its group column: field or unit_id). */
static int counts_store(struct db *db, struct counts *c, const char *table, bool unit,
			bool add)
{
	struct sbuf sql = SBUF_INIT;
	sbuf_addf(&sql, "INSERT INTO %s(month, %s, status, r_online, r_offline, s_early, "
		  "s_on_time, s_late) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", table,
		  unit ? "unit_id" : "field");
	if (add)
		sbuf_addf(&sql, " ON CONFLICT(month, %s, status) DO UPDATE SET r_online = r_online + "
			  "?4, r_offline = r_offline + ?5, s_early = s_early + ?6, s_on_time = "
			  "s_on_time + ?7, s_late = s_late + ?8", unit ? "unit_id" : "field");
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db->h, sql.s, -1, &st, NULL);
	sbuf_free(&sql);
	for (size_t i = 0; rc == SQLITE_OK && i < c->cap; i++) {
		char *k = c->v[i].key;
		if (!k)
			continue;
		char *g = strchr(k, 0x1f), *s = strchr(g + 1, 0x1f);
		sqlite3_bind_text(st, 1, k, (int)(g - k), SQLITE_STATIC);
		if (unit)
			sqlite3_bind_int64(st, 2, strtoll(g + 1, NULL, 10));
		else
			sqlite3_bind_text(st, 2, g + 1, (int)(s - g - 1), SQLITE_STATIC);
		sqlite3_bind_text(st, 3, s + 1, -1, SQLITE_STATIC);
		for (int j = 0; j < 5; j++)
			sqlite3_bind_int64(st, 4 + j, c->v[i].n[j]);
		rc = sqlite3_step(st) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(db->h);
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	return rc;
}

static void counts_free(struct counts *c)
{
	for (size_t i = 0; i < c->cap; i++)
		free(c->v[i].key);
	free(c->v);
}

/* Recounts into the two tables named: one pass over the dossiers, counted
 * in memory (a few thousand keys), then written. */
static int recount(struct db *db, const char *field_table, const char *unit_table)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db->h, "SELECT received_on, resolved_on, due_on, channel, "
				    "field, coalesce(unit_id, 0), status FROM dossier", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return rc;
	struct counts c[2] = { { NULL, 0, 0 }, { NULL, 0, 0 } };
	struct sbuf k = SBUF_INIT;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		count_row(c, &k, st);
	sqlite3_finalize(st);
	sbuf_free(&k);
	if (rc == SQLITE_DONE)
		rc = counts_store(db, &c[0], field_table, false, false);
	if (rc == SQLITE_OK)
		rc = counts_store(db, &c[1], unit_table, true, false);
	counts_free(&c[0]);
	counts_free(&c[1]);
	return rc;
}

/* The dossiers resolved late without a letter (schema 25). */
#define LATE_RECOUNT "SELECT 1, count(*) FROM dossier d WHERE d.resolved_on > d.due_on " \
	"AND NOT EXISTS (SELECT 1 FROM letter l WHERE l.dossier_id = d.id)"

/* How many rows are in one set and not in the other, both ways, as an SQL
 * expression: a and b are string literals, table names or subqueries of
 * the same columns (the kept sets against their recount or their view). */
#define SETS_DIFFER(a, b) "(SELECT count(*) FROM (SELECT * FROM " a " EXCEPT SELECT * FROM " \
	b ")) + (SELECT count(*) FROM (SELECT * FROM " b " EXCEPT SELECT * FROM " a "))"

/* Runs sql, a query of one integer, into *n. An SQLite result code. */
static int query_count(struct db *db, const char *sql, int64_t *n)
{
	*n = 0;
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db->h, sql, -1, &st, NULL);
	if (rc != SQLITE_OK)
		return rc;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*n = sqlite3_column_int64(st, 0);
		rc = SQLITE_OK;
	}
	sqlite3_finalize(st);
	return rc;
}

int tally_rebuild(struct db *db)
{
	int rc = sqlite3_exec(db->h, "DELETE FROM dossier_tally_field; DELETE FROM "
			      "dossier_tally_unit; INSERT OR REPLACE INTO dossier_tally_late(id, "
			      "no_letter) " LATE_RECOUNT "; DELETE FROM dossier_tally_open_letter; "
			      "INSERT INTO dossier_tally_open_letter SELECT * FROM dossier_open_letter",
			      NULL, NULL, NULL);
	return rc == SQLITE_OK ? recount(db, "dossier_tally_field", "dossier_tally_unit") : rc;
}

/* ---- the counts of the dossiers a big import adds ---- */

struct tally_added {
	struct counts c[2];
	struct sbuf key;
	int64_t late;            /* resolved after the due date */
};

struct tally_added *tally_added_new(void)
{
	return xcalloc(1, sizeof(struct tally_added));
}

/* Decimal digits of v (>= 0) into buf, as SQLite writes an integer. */
static const char *int_text(int64_t v, char buf[24])
{
	char *p = buf + 23;
	uint64_t u = v < 0 ? 0 : (uint64_t)v;
	*p = 0;
	do
		*--p = (char)('0' + u % 10);
	while (u /= 10);
	return p;
}

void tally_added_row(struct tally_added *t, const char *received, const char *resolved,
		     const char *due, const char *channel, const char *field, int64_t unit_id,
		     const char *status)
{
	char buf[24];
	const char *group[2] = { field, int_text(unit_id, buf) };
	count_values(t->c, &t->key, received, resolved, due, channel, group, status);
	t->late += resolved && due && strcmp(resolved, due) > 0;
}

int tally_added_store(struct db *db, struct tally_added *t)
{
	int rc = counts_store(db, &t->c[0], "dossier_tally_field", false, true);
	if (rc == SQLITE_OK)
		rc = counts_store(db, &t->c[1], "dossier_tally_unit", true, true);
	sqlite3_stmt *st = NULL;
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(db->h, "INSERT INTO dossier_tally_late(id, no_letter) "
					"VALUES(1, ?1) ON CONFLICT(id) DO UPDATE SET no_letter = "
					"no_letter + ?1", -1, &st, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_int64(st, 1, t->late);
		rc = sqlite3_step(st) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(db->h);
	}
	sqlite3_finalize(st);
	return rc;
}

void tally_added_free(struct tally_added *t)
{
	if (!t)
		return;
	counts_free(&t->c[0]);
	counts_free(&t->c[1]);
	sbuf_free(&t->key);
	free(t);
}

/* The recount goes into temp tables to be compared (zero rows, which
 * deletes leave behind, count as absent). */
static const char DIFF_SQL[] =
	"CREATE TEMP TABLE IF NOT EXISTS tally_field_again AS SELECT * FROM dossier_tally_field "
	"WHERE 0; CREATE TEMP TABLE IF NOT EXISTS tally_unit_again AS SELECT * FROM "
	"dossier_tally_unit WHERE 0; DELETE FROM temp.tally_field_again; DELETE FROM "
	"temp.tally_unit_again";

#define NONZERO " WHERE r_online OR r_offline OR s_early OR s_on_time OR s_late"

int tally_diff(struct db *db, int64_t *rows)
{
	*rows = 0;
	int rc = sqlite3_exec(db->h, DIFF_SQL, NULL, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = recount(db, "temp.tally_field_again", "temp.tally_unit_again");
	if (rc == SQLITE_OK)
		rc = query_count(db, "SELECT "
				 SETS_DIFFER("main.dossier_tally_field" NONZERO,
					     "temp.tally_field_again" NONZERO) " + "
				 SETS_DIFFER("main.dossier_tally_unit" NONZERO,
					     "temp.tally_unit_again" NONZERO) " + "
				 "(SELECT count(*) FROM (" LATE_RECOUNT " EXCEPT SELECT id, "
				 "no_letter FROM main.dossier_tally_late)) + "
				 SETS_DIFFER("dossier_open_letter", "main.dossier_tally_open_letter"),
				 rows);
	sqlite3_exec(db->h, "DROP TABLE IF EXISTS temp.tally_field_again; DROP TABLE IF EXISTS "
		     "temp.tally_unit_again", NULL, NULL, NULL);
	return rc;
}

/* The feedback handled on time by closing day (schema 27), as the
 * migration counts them: view feedback_closed_on_time holds the rule (the
 * deadline in force that day is the last dated "da-vao-so" or "giao" step on
 * or before it, DUE_IN_FORCE in core/feedback.c). */
#define FEEDBACK_RECOUNT "SELECT closed_on, count(*) FROM feedback_closed_on_time " \
	"GROUP BY closed_on"

int tally_feedback_rebuild(struct db *db)
{
	return sqlite3_exec(db->h, "DELETE FROM feedback_tally_closed; INSERT INTO "
			    "feedback_tally_closed(day, on_time) " FEEDBACK_RECOUNT, NULL, NULL, NULL);
}

int tally_feedback_diff(struct db *db, int64_t *rows)
{
	return query_count(db, "SELECT " SETS_DIFFER("(" FEEDBACK_RECOUNT ")", "(SELECT day, "
			   "on_time FROM feedback_tally_closed WHERE on_time <> 0)"), rows);
}

/* A set the writers' triggers keep equal to a view of the rows: compared
 * with the view, and made again from it. One definition for each of them:
 * the links of open tasks to the units coordinating them (schema 28; the
 * Overview's tasks by unit), the finished tasks that no evidence names
 * (schema 28), the open tasks of unclear deadline (schema 30). */
#define KEPT_SET(name, table, view)                                                          \
	int tally_##name##_rebuild(struct db *db)                                            \
	{                                                                                    \
		return sqlite3_exec(db->h, "DELETE FROM " table "; INSERT INTO " table       \
				    " SELECT * FROM " view, NULL, NULL, NULL);               \
	}                                                                                    \
	int tally_##name##_diff(struct db *db, int64_t *rows)                                \
	{                                                                                    \
		return query_count(db, "SELECT " SETS_DIFFER(view, table), rows);            \
	}

KEPT_SET(task_coord, "task_tally_coord", "task_coord_open")
KEPT_SET(task_missing, "task_tally_missing", "task_missing_evidence")
KEPT_SET(task_unclear, "task_tally_unclear", "task_unclear_open")
