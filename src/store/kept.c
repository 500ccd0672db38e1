#include <config.h>
#include <stdlib.h>
#include <string.h>
#include "store/kept.h"
#include "store/search_index.h"
#include "util/sbuf.h"

/* cchc_kept(), the guards' condition: false in a connection whose kept
 * triggers are made (or that is opening the file, when they are stored as
 * the migrations wrote them); otherwise an error, so that a write cchc
 * forgot to prepare fails instead of leaving the kept data behind. */
static void fn_kept(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc, (void)argv;
	const struct db *db = sqlite3_user_data(ctx);
	if (db->history_armed || db->opening)
		sqlite3_result_int(ctx, 0);
	else
		sqlite3_result_error(ctx, "cchc: ghi vào bảng có dữ liệu dẫn xuất khi chưa tạo "
				     "trigger giữ nó (lỗi của chương trình)", -1);
}

int kept_register(struct db *db, struct cchc_err *err)
{
	if (sqlite3_create_function(db->h, "cchc_kept", 0, SQLITE_UTF8, db, fn_kept, NULL,
				    NULL) != SQLITE_OK)
		return err_set(err, CCHC_EDB, "Không đăng ký được hàm của trigger: %s",
			       sqlite3_errmsg(db->h));
	return CCHC_OK;
}

static bool has_table(sqlite3 *h)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(h, "SELECT 1 FROM main.sqlite_master WHERE type = 'table' AND "
			       "name = 'kept_trigger'", -1, &st, NULL) != SQLITE_OK)
		return false;
	bool yes = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	return yes;
}

/* Appends "name" quoted as an SQL identifier. */
static void add_ident(struct sbuf *b, const char *name)
{
	sbuf_addc(b, '"');
	for (const char *p = name; *p; p++) {
		if (*p == '"')
			sbuf_addc(b, '"');
		sbuf_addc(b, *p);
	}
	sbuf_addc(b, '"');
}

/* Runs query and lets add append to b what each row makes. */
static int each_row(sqlite3 *h, const char *query, struct sbuf *b,
		    void (*add)(struct sbuf *b, sqlite3_stmt *st))
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(h, query, -1, &st, NULL);
	if (rc != SQLITE_OK)
		return rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		add(b, st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

static const char *text(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	return t ? (const char *)t : "";
}

static void add_drop(struct sbuf *b, sqlite3_stmt *st)
{
	sbuf_add(b, "DROP TRIGGER main.");
	add_ident(b, text(st, 0));
	sbuf_add(b, ";\n");
}

static void add_create_stored(struct sbuf *b, sqlite3_stmt *st)
{
	sbuf_addf(b, "%s;\n", text(st, 0));
}

/* CREATE TRIGGER x ... as sqlite_master words it, made TEMP. */
static void add_create_temp(struct sbuf *b, sqlite3_stmt *st)
{
	static const char head[] = "CREATE TRIGGER ";
	const char *sql = text(st, 0);
	if (strncmp(sql, head, sizeof head - 1) == 0)
		sbuf_addf(b, "CREATE TEMP TRIGGER %s;\n", sql + sizeof head - 1);
}

static void add_guards(struct sbuf *b, sqlite3_stmt *st)
{
	static const char *const ops[][2] = { { "i", "INSERT" }, { "u", "UPDATE" },
					       { "d", "DELETE" } };
	const char *tbl = text(st, 0);
	for (int i = 0; i < 3; i++) {
		struct sbuf name = SBUF_INIT;
		sbuf_addf(&name, "kept_guard_%s_%s", tbl, ops[i][0]);
		sbuf_add(b, "CREATE TRIGGER IF NOT EXISTS main.");
		add_ident(b, name.s);
		sbuf_addf(b, " BEFORE %s ON ", ops[i][1]);
		add_ident(b, tbl);
		sbuf_add(b, " WHEN cchc_kept() BEGIN SELECT 1; END;\n");
		sbuf_free(&name);
	}
}

/* The stored triggers of the kept data: all but the history's (TEMP, an
 * older cchc's left in the file are dropped by history.c) and the guards. */
#define STORED "FROM main.sqlite_master WHERE type = 'trigger' AND name NOT GLOB " \
	"'history_*' AND name NOT GLOB 'kept_guard_*'"

int kept_stash(sqlite3 *h)
{
	if (!has_table(h))
		return SQLITE_OK;
	int rc = sqlite3_exec(h, "INSERT OR REPLACE INTO kept_trigger(name, tbl, sql) SELECT name, "
			      "tbl_name, sql " STORED, NULL, NULL, NULL);
	struct sbuf b = SBUF_INIT;
	if (rc == SQLITE_OK)
		rc = each_row(h, "SELECT name " STORED, &b, add_drop);
	/* a guard whose table keeps nothing any more goes */
	if (rc == SQLITE_OK)
		rc = each_row(h, "SELECT name FROM main.sqlite_master WHERE type = 'trigger' AND name "
			      "GLOB 'kept_guard_*' AND tbl_name NOT IN (SELECT tbl FROM kept_trigger)",
			      &b, add_drop);
	if (rc == SQLITE_OK)
		rc = each_row(h, "SELECT DISTINCT tbl FROM kept_trigger ORDER BY tbl", &b, add_guards);
	if (rc == SQLITE_OK && b.len)
		rc = sqlite3_exec(h, b.s, NULL, NULL, NULL);
	sbuf_free(&b);
	return rc;
}

int kept_unstash_sql(sqlite3 *h, struct sbuf *b)
{
	if (!has_table(h))
		return SQLITE_OK;
	int rc = each_row(h, "SELECT name FROM main.sqlite_master WHERE type = 'trigger' AND name "
			  "GLOB 'kept_guard_*'", b, add_drop);
	if (rc == SQLITE_OK)
		rc = each_row(h, "SELECT sql FROM kept_trigger ORDER BY name", b, add_create_stored);
	if (rc == SQLITE_OK)
		sbuf_add(b, "DELETE FROM kept_trigger;\n");
	return rc;
}

int kept_arm_sql(sqlite3 *h, struct sbuf *b)
{
	if (!has_table(h))
		return SQLITE_OK;
	return each_row(h, "SELECT sql FROM kept_trigger ORDER BY name", b, add_create_temp);
}

bool kept_unstash_due(struct db *db, int migrations)
{
	if (db->readonly)
		return false;
	sqlite3_stmt *st;
	/* the search.spec and the version, as migrate and search_index_ensure
	 * compare them; only a file whose triggers are kept out of it */
	if (sqlite3_prepare_v2(db->h, "SELECT (SELECT user_version FROM pragma_user_version) < ?1 OR "
			       "(SELECT value FROM setting WHERE key = 'search.spec') IS NOT ?2 "
			       "FROM kept_trigger LIMIT 1", -1, &st, NULL) != SQLITE_OK)
		return false;   /* no such table: an older file, its triggers stored */
	sqlite3_bind_int(st, 1, migrations);
	sqlite3_bind_text(st, 2, search_index_spec(), -1, SQLITE_STATIC);
	bool due = sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return due;
}
