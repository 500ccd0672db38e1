#include <config.h>
#include <ctype.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include "store/db.h"
#include "store/fts.h"
#include "store/kept.h"
#include "store/schema.h"
#include "store/search_index.h"
#include "util/sbuf.h"

struct object {
	char *type, *name, *tbl, *sql;  /* sql normalised; "" for none */
	bool seen;
};

struct objects {
	struct object *v;
	int n;
};

/* The SQL text with runs of white space made one space, and none next to
 * brackets and commas, so that a statement re-indented by hand (or by an
 * SQLite that words an ALTER TABLE's result differently) still matches. */
static char *normalise(const char *sql)
{
	struct sbuf b = SBUF_INIT;
	sbuf_add(&b, "");
	bool space = false;
	for (const char *p = sql ? sql : ""; *p; p++) {
		if (isspace((unsigned char)*p)) {
			space = true;
			continue;
		}
		bool tight = strchr("(),", *p) != NULL;
		if (space && b.len && !tight && !strchr("(,", b.s[b.len - 1]))
			sbuf_addc(&b, ' ');
		space = false;
		sbuf_addc(&b, *p);
	}
	return sbuf_detach(&b);
}

static char *col(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	return xstrdup(t ? (const char *)t : "");
}

/* Adds the object of a row (type, name, table, SQL). */
static void add_object(struct objects *o, sqlite3_stmt *st)
{
	o->v = xrealloc(o->v, sizeof *o->v * (size_t)(o->n + 1));
	struct object *x = &o->v[o->n++];
	x->type = col(st, 0);
	x->name = col(st, 1);
	x->tbl = col(st, 2);
	x->sql = normalise((const char *)sqlite3_column_text(st, 3));
	x->seen = false;
}

/* The schema objects of h, and the kept triggers it holds as rows. */
static int load(sqlite3 *h, struct objects *o)
{
	sqlite3_stmt *st;
	memset(o, 0, sizeof *o);
	int rc = sqlite3_prepare_v2(h, "SELECT type, name, tbl_name, sql FROM main.sqlite_master "
				    "ORDER BY rowid", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		add_object(o, st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return rc;
	/* the kept triggers (store/kept.h) are made from these rows: code too */
	if (sqlite3_prepare_v2(h, "SELECT 'trigger', name, tbl, sql FROM main.kept_trigger ORDER BY "
			       "name", -1, &st, NULL) != SQLITE_OK)
		return SQLITE_OK;   /* a file from before schema 29 */
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		add_object(o, st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

static void objects_free(struct objects *o)
{
	for (int i = 0; i < o->n; i++) {
		free(o->v[i].type);
		free(o->v[i].name);
		free(o->v[i].tbl);
		free(o->v[i].sql);
	}
	free(o->v);
	memset(o, 0, sizeof *o);
}

static struct object *find(struct objects *o, const char *type, const char *name)
{
	for (int i = 0; i < o->n; i++)
		if (strcmp(o->v[i].type, type) == 0 && sqlite3_stricmp(o->v[i].name, name) == 0)
			return &o->v[i];
	return NULL;
}

/* The setting search.spec of h (malloc'd, "" when none). */
static char *search_spec(sqlite3 *h)
{
	sqlite3_stmt *st;
	char *v = NULL;
	if (sqlite3_prepare_v2(h, "SELECT value FROM main.setting WHERE key = 'search.spec'", -1, &st,
			       NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			v = col(st, 0);
		sqlite3_finalize(st);
	}
	return v ? v : xstrdup("");
}

/* The schema cchc makes at version, in a fresh in-memory database, and
 * (at the current version) the search.spec that goes with its triggers. */
static int build_expected(int version, struct objects *o, char **spec, struct cchc_err *err)
{
	struct db mem = { 0 };
	int rc = sqlite3_open_v2(":memory:", &mem.h, SQLITE_OPEN_READWRITE, NULL);
	if (rc != SQLITE_OK)
		rc = err_set(err, CCHC_EDB, "Không mở được cơ sở dữ liệu tạm để so sánh lược đồ.");
	else if (!(rc = fts_register(mem.h, err)) && !(rc = db_schema_build(mem.h, version, err)) &&
		 version == db_schema_version()) {
		mem.path = xstrdup(":memory:");
		mem.opening = true;   /* as db_open: the triggers stored, then kept */
		rc = search_index_ensure(&mem, err);
		free(mem.path);
	}
	if (!rc && kept_stash(mem.h) != SQLITE_OK)
		rc = err_set(err, CCHC_EDB, "Không dựng được lược đồ tạm: %s", sqlite3_errmsg(mem.h));
	if (!rc && load(mem.h, o) != SQLITE_OK)
		rc = err_set(err, CCHC_EDB, "Không đọc được lược đồ tạm: %s", sqlite3_errmsg(mem.h));
	*spec = rc ? NULL : search_spec(mem.h);
	sqlite3_close(mem.h);
	return rc;
}

static const char *kind(const char *type)
{
	if (strcmp(type, "table") == 0)
		return "bảng";
	if (strcmp(type, "index") == 0)
		return "chỉ mục";
	return type;   /* view, trigger: the words Vietnamese IT staff use */
}

static void add(struct schema_diff *d, const struct object *x, const char *what)
{
	struct sbuf b = SBUF_INIT;
	sbuf_addf(&b, "%s %s", kind(x->type), x->name);
	if (strcmp(x->type, "table") != 0 && strcmp(x->tbl, x->name) != 0)
		sbuf_addf(&b, " (của bảng %s)", x->tbl);
	sbuf_addf(&b, " %s", what);
	d->items = xrealloc(d->items, sizeof *d->items * (size_t)(d->n + 1));
	d->items[d->n++] = sbuf_detach(&b);
}

static bool is_stat_table(const struct object *x)
{
	return strcmp(x->type, "table") == 0 && (strcmp(x->name, "sqlite_stat1") == 0 ||
						 strcmp(x->name, "sqlite_stat4") == 0);
}

/* The triggers search_index.c and history.c make from their tables
 * (search_*, history_*), remade at open: not those of the dossiers' index,
 * which a migration made (0020) and nothing makes again. */
#define DERIVED_SQL "((name GLOB 'search_*' AND name NOT GLOB 'search_dossier_*') OR " \
	"name GLOB 'history_*')"

static bool derived_trigger(const char *name)
{
	return (sqlite3_strglob("search_*", name) == 0 &&
		sqlite3_strglob("search_dossier_*", name) != 0) ||
	       sqlite3_strglob("history_*", name) == 0;
}

int schema_compare(sqlite3 *h, int version, struct schema_diff *d, struct cchc_err *err)
{
	memset(d, 0, sizeof *d);
	struct objects want, have;
	char *want_spec = NULL;
	if (build_expected(version, &want, &want_spec, err))
		return err->code;
	if (load(h, &have) != SQLITE_OK) {
		objects_free(&want);
		objects_free(&have);
		free(want_spec);
		return err_set(err, CCHC_EDB, "Không đọc được lược đồ của tệp: %s", sqlite3_errmsg(h));
	}
	/* the file's search triggers are remade at its next open when its
	 * search.spec is not this program's (an older file always) */
	char *have_spec = search_spec(h);
	d->remade = version < db_schema_version() || strcmp(have_spec, want_spec) != 0;
	free(have_spec);
	free(want_spec);
	for (int i = 0; i < have.n; i++) {
		struct object *x = &have.v[i], *w = find(&want, x->type, x->name);
		if (w)
			w->seen = true;
		if (is_stat_table(x))
			continue;
		if (d->remade && strcmp(x->type, "trigger") == 0 && derived_trigger(x->name)) {
			d->derived++;
			continue;
		}
		if (!w)
			add(d, x, "không phải của cchc (lạ)");
		else if (strcmp(w->sql, x->sql) != 0 || sqlite3_stricmp(w->tbl, x->tbl) != 0)
			add(d, x, "khác với bản cchc tạo (đã bị sửa)");
	}
	for (int i = 0; i < want.n; i++)
		if (!want.v[i].seen && !(d->remade && strcmp(want.v[i].type, "trigger") == 0))
			add(d, &want.v[i], "bị thiếu");
	objects_free(&want);
	objects_free(&have);
	return CCHC_OK;
}

void schema_diff_free(struct schema_diff *d)
{
	for (int i = 0; i < d->n; i++)
		free(d->items[i]);
	free(d->items);
	memset(d, 0, sizeof *d);
}

char *schema_drop_derived_sql(sqlite3 *h)
{
	struct sbuf b = SBUF_INIT;
	sqlite3_stmt *st;
	sbuf_add(&b, "DELETE FROM setting WHERE key IN ('search.spec', 'history.stamp');\n");
	/* the dossiers' index triggers are the schema's (migration 20), not made
	 * from search.spec: nothing would make them again */
	if (sqlite3_prepare_v2(h, "SELECT name FROM main.sqlite_master WHERE type = 'trigger' AND "
			       DERIVED_SQL, -1, &st, NULL) ==
	    SQLITE_OK) {
		while (sqlite3_step(st) == SQLITE_ROW) {
			sbuf_add(&b, "DROP TRIGGER main.\"");
			for (const char *p = (const char *)sqlite3_column_text(st, 0); *p; p++)
				sbuf_add(&b, *p == '"' ? "\"\"" : (char[]){ *p, '\0' });
			sbuf_add(&b, "\";\n");
		}
		sqlite3_finalize(st);
	}
	/* and the same triggers kept as rows (schema 29, store/kept.h) */
	if (sqlite3_prepare_v2(h, "SELECT 1 FROM main.kept_trigger", -1, &st, NULL) == SQLITE_OK) {
		sqlite3_finalize(st);
		sbuf_add(&b, "DELETE FROM main.kept_trigger WHERE " DERIVED_SQL ";\n");
	}
	return sbuf_detach(&b);
}
