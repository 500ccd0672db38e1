/* Opening, pragmas, migrations, refusals, and the import's one transaction. */
#include <config.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "check.h"
#include "core/demo.h"
#include "core/plan.h"
#include "core/unit.h"
#include "import/plan_load.h"
#include "store/backup.h"
#include "store/db.h"
#include "store/fts.h"
#include "store/schema.h"
#include "util/sbuf.h"

static char tmpdir[] = "/tmp/cchc-test-store-XXXXXX";

static char *path_in(const char *name)
{
	struct sbuf b = SBUF_INIT;
	sbuf_addf(&b, "%s/%s", tmpdir, name);
	return sbuf_detach(&b);
}

static int pragma(struct db *db, const char *sql)
{
	sqlite3_stmt *st;
	int v = -1;
	sqlite3_prepare_v2(db->h, sql, -1, &st, NULL);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return v;
}

static void test_open_creates_private_files(void)
{
	char *path = path_in("sub/dir/cchc.db");
	struct db db;
	struct cchc_err err = { 0 };
	CHECK(db_open(&db, path, &err) == CCHC_OK);
	struct stat st;
	CHECK(stat(path, &st) == 0 && (st.st_mode & 0777) == 0600);
	char *dir = path_in("sub/dir");
	CHECK(stat(dir, &st) == 0 && (st.st_mode & 0777) == 0700);
	CHECK_INT(pragma(&db, "PRAGMA foreign_keys"), 1);
	CHECK_INT(pragma(&db, "PRAGMA synchronous"), 2); /* FULL */
	CHECK_INT(pragma(&db, "PRAGMA user_version"), db_schema_version());
	CHECK_INT(pragma(&db, "PRAGMA application_id"), CCHC_APPLICATION_ID);
	sqlite3_stmt *s;
	sqlite3_prepare_v2(db.h, "PRAGMA journal_mode", -1, &s, NULL);
	CHECK(sqlite3_step(s) == SQLITE_ROW && strcmp((const char *)sqlite3_column_text(s, 0), "wal") == 0);
	sqlite3_finalize(s);
	db_close(&db);
	free(path);
	free(dir);
}

static void test_newer_and_foreign_refused(void)
{
	char *path = path_in("newer.db");
	struct db db;
	struct cchc_err err = { 0 };
	CHECK(db_open(&db, path, &err) == CCHC_OK);
	sqlite3_exec(db.h, "PRAGMA user_version = 99", NULL, NULL, NULL);
	db_close(&db);
	CHECK(db_open(&db, path, &err) == CCHC_ENEWER);
	CHECK(strstr(err.msg, "mới hơn") != NULL);
	free(path);

	path = path_in("foreign.db");
	sqlite3 *h;
	sqlite3_open(path, &h);
	sqlite3_exec(h, "CREATE TABLE x(a)", NULL, NULL, NULL);
	sqlite3_close(h);
	CHECK(db_open(&db, path, &err) == CCHC_EDB);
	CHECK(strstr(err.msg, "không phải của cchc") != NULL);
	free(path);

	path = path_in("garbage.db");
	FILE *f = fopen(path, "w");
	fputs("this is not a database, just some text that is long enough to be a header......"
	      "................................................................................", f);
	fclose(f);
	CHECK(db_open(&db, path, &err) != CCHC_OK);
	CHECK(strstr(err.msg, "hỏng") != NULL || strstr(err.msg, "không phải") != NULL);
	free(path);
}

static const char plan_text[] =
	"KẾ HOẠCH\n\nThử nghiệm\n\nI. Một\n\n1. Một một\n\n2. Một hai\n\nII. Hai\n\n1. Hai một\n";

static void test_import_is_one_transaction(void)
{
	char *path = path_in("tx.db");
	struct db db;
	struct cchc_err err = { 0 };
	struct plan_import_result res;
	CHECK(db_open(&db, path, &err) == CCHC_OK);
	/* a failure in the middle of the sections leaves nothing behind */
	sqlite3_exec(db.h, "CREATE TEMP TRIGGER boom BEFORE INSERT ON section WHEN NEW.seq = 4 "
		     "BEGIN SELECT RAISE(ABORT, 'boom'); END", NULL, NULL, NULL);
	CHECK(plan_import_text(&db, plan_text, "x", false, &res, &err) != CCHC_OK);
	CHECK_INT(pragma(&db, "SELECT count(*) FROM plan"), 0);
	CHECK_INT(pragma(&db, "SELECT count(*) FROM section"), 0);
	sqlite3_exec(db.h, "DROP TRIGGER boom", NULL, NULL, NULL);
	CHECK(plan_import_text(&db, plan_text, "x", false, &res, &err) == CCHC_OK);
	CHECK(!res.existed && res.nsections == 5);
	int64_t first = res.plan_id;
	CHECK(plan_import_text(&db, plan_text, "y", false, &res, &err) == CCHC_OK);
	CHECK(res.existed && res.plan_id == first);
	CHECK_INT(pragma(&db, "SELECT count(*) FROM plan"), 1);
	struct section_info *s;
	int n;
	CHECK(section_list(&db, first, &s, &n, &err) == CCHC_OK && n == 5);
	CHECK(s[1].parent_id == s[0].id && s[3].parent_id == 0 && s[4].parent_id == s[3].id);
	CHECK(s[0].nchildren == 2);
	section_list_free(s, n);
	db_close(&db);
	free(path);
}

static void test_busy_message(void)
{
	char *path = path_in("busy.db");
	struct db a, b;
	struct cchc_err err = { 0 };
	CHECK(db_open(&a, path, &err) == CCHC_OK);
	CHECK(db_open(&b, path, &err) == CCHC_OK);
	sqlite3_busy_timeout(b.h, 50);
	CHECK(db_begin(&a, &err) == CCHC_OK);
	struct plan_import_result res;
	CHECK(plan_import_text(&b, plan_text, "x", false, &res, &err) == CCHC_EBUSY);
	CHECK(strstr(err.msg, "đang được một chương trình khác ghi") != NULL);
	db_rollback(&a);
	db_close(&a);
	db_close(&b);
	free(path);
}

static void test_demo_once(void)
{
	char *path = path_in("demo.db");
	struct db db;
	struct cchc_err err = { 0 };
	bool loaded;
	CHECK(db_open(&db, path, &err) == CCHC_OK);
	CHECK(demo_ensure(&db, &loaded, &err) == CCHC_OK && loaded);
	struct plan_info p;
	CHECK(plan_get(&db, 0, &p, &err) == CCHC_OK);
	CHECK(p.is_demo && p.nsections == 20);
	CHECK_STR(p.issuer, "Sở Công Thương");
	plan_info_free(&p);
	struct unit_info *u;
	int n;
	CHECK(unit_list(&db, &u, &n, &err) == CCHC_OK && n == 8);
	unit_list_free(u, n);
	/* deleting the demo plan does not bring it back */
	sqlite3_exec(db.h, "DELETE FROM plan", NULL, NULL, NULL);
	CHECK(demo_ensure(&db, &loaded, &err) == CCHC_OK && !loaded);
	db_close(&db);
	free(path);
}

/* A backup made by the cchc before this one: migrations 1..N-1, search
 * triggers of another source list, history triggers kept in the file (an
 * older format), the older search.spec; plus extra (a foreign trigger). */
static char *older_backup(const char *name, const char *extra)
{
	char *path = path_in(name);
	sqlite3 *h;
	struct cchc_err err = { 0 };
	CHECK(sqlite3_open(path, &h) == SQLITE_OK);
	CHECK(fts_register(h, &err) == CCHC_OK);
	CHECK(db_schema_build(h, db_schema_version() - 1, &err) == CCHC_OK);
	CHECK(sqlite3_exec(h, "CREATE TRIGGER search_unit_ai AFTER INSERT ON unit BEGIN "
			   "INSERT INTO search_doc(src, src_key, kind, rid) VALUES('unit', NEW.id, 'unit', "
			   "NEW.id); END;"
			   "CREATE TRIGGER history_unit_i AFTER INSERT ON unit BEGIN DELETE FROM letter; END;"
			   "INSERT INTO setting(key, value) VALUES('search.spec', 'older');"
			   "INSERT INTO unit(name, code) VALUES('Văn phòng', 'VP');", NULL, NULL, NULL) ==
	      SQLITE_OK);
	if (extra)
		CHECK(sqlite3_exec(h, extra, NULL, NULL, NULL) == SQLITE_OK);
	sqlite3_close(h);
	return path;
}

static void test_restore_older_schema(void)
{
	char *dbp = path_in("restored.db"), *kept = NULL;
	struct cchc_err err = { 0 };
	/* a foreign trigger in an older file is refused, named */
	char *bad = older_backup("older-bad.db", "CREATE TRIGGER zz AFTER INSERT ON unit BEGIN "
				 "DELETE FROM dossier; END;");
	CHECK(backup_restore(dbp, bad, &kept, &err) != CCHC_OK);
	CHECK(strstr(err.msg, "trigger zz") != NULL);
	CHECK(access(dbp, F_OK) != 0);
	/* the older one restores; its triggers are dropped from the copy with
	 * search.spec, and the next open makes this version's */
	char *old = older_backup("older.db", NULL);
	memset(&err, 0, sizeof err);
	CHECK(backup_restore(dbp, old, &kept, &err) == CCHC_OK);
	sqlite3 *h;
	CHECK(sqlite3_open_v2(dbp, &h, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK);
	sqlite3_stmt *st;
	sqlite3_prepare_v2(h, "SELECT (SELECT count(*) FROM sqlite_master WHERE type = 'trigger'), "
			   "(SELECT count(*) FROM setting WHERE key = 'search.spec'), "
			   "(SELECT count(*) FROM unit)", -1, &st, NULL);
	CHECK(sqlite3_step(st) == SQLITE_ROW);
	CHECK_INT(sqlite3_column_int(st, 0), 0);
	CHECK_INT(sqlite3_column_int(st, 1), 0);
	CHECK_INT(sqlite3_column_int(st, 2), 1);
	sqlite3_finalize(st);
	sqlite3_close(h);
	struct db db;
	CHECK(db_open(&db, dbp, &err) == CCHC_OK);
	CHECK_INT(pragma(&db, "PRAGMA user_version"), db_schema_version());
	struct schema_diff d;
	CHECK(schema_compare(db.h, db_schema_version(), &d, &err) == CCHC_OK);
	CHECK_INT(d.n, 0);
	CHECK_INT(d.derived, 0);
	schema_diff_free(&d);
	CHECK_INT(pragma(&db, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND "
				   "name GLOB 'history_*'"), 0);
	CHECK_INT(pragma(&db, "SELECT count(*) FROM search_doc WHERE src = 'unit'"), 1);
	db_close(&db);
	free(kept);
	free(old);
	free(bad);
	free(dbp);
}

int main(void)
{
	if (!mkdtemp(tmpdir))
		return 99;
	test_open_creates_private_files();
	test_newer_and_foreign_refused();
	test_import_is_one_transaction();
	test_busy_message();
	test_demo_once();
	test_restore_older_schema();
	struct sbuf cmd = SBUF_INIT;
	sbuf_addf(&cmd, "rm -rf '%s'", tmpdir);
	if (system(cmd.s) != 0)
		fprintf(stderr, "could not remove %s\n", tmpdir);
	sbuf_free(&cmd);
	return check_report("test_store");
}
