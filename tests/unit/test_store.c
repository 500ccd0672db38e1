/* Opening, pragmas, migrations, refusals, and the import's one transaction;
 * evidence files: stored as hashed (a file changed while read is refused),
 * checked against their hash when read, and written out under names that
 * never collide. */
#include <config.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "check.h"
#include "core/demo.h"
#include "core/evidence.h"
#include "core/plan.h"
#include "core/unit.h"
#include "import/plan_load.h"
#include "store/backup.h"
#include "store/db.h"
#include "store/fts.h"
#include "store/schema.h"
#include "store/search_index.h"
#include "store/files.h"
#include "util/fsutil.h"
#include "util/sbuf.h"
#include "util/sha256.h"
#include "text/utf8.h"

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
	 * search.spec, and the next open makes this version's; the dossiers'
	 * index's own (migration 0020, made by nothing else) stay: a file of
	 * schema 20 restored lost them for good once a later schema came */
	char *old = older_backup("older.db", NULL);
	memset(&err, 0, sizeof err);
	CHECK(backup_restore(dbp, old, &kept, &err) == CCHC_OK);
	sqlite3 *h;
	CHECK(sqlite3_open_v2(dbp, &h, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK);
	sqlite3_stmt *st;
	/* the derived triggers (search_*, history_*) are gone; the dossiers'
	 * search triggers and any other a migration made (unit_rank_* of 21,
	 * ...) are the schema's: kept, as no open would make them again */
	sqlite3_prepare_v2(h, "SELECT (SELECT count(*) FROM sqlite_master WHERE type = 'trigger' "
			   "AND ((name GLOB 'search_*' AND name NOT GLOB 'search_dossier_*') OR "
			   "name GLOB 'history_*')), "
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
	/* kept as rows since schema 29, made per writer (store/kept.h) */
	CHECK_INT(pragma(&db, "SELECT count(*) FROM kept_trigger WHERE name GLOB "
				   "'search_dossier_*'"), 3);
	CHECK_INT(pragma(&db, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND "
				   "name NOT GLOB 'kept_guard_*'"), 0);
	db_close(&db);
	free(kept);
	free(old);
	free(bad);
	free(dbp);
}

/* ---- evidence files ---- */

/* Writes n bytes to path: random-looking (not compressible, from seed) or
 * text (compressible, starting at letter seed of a sentence). */
static void make_file(const char *path, size_t n, bool text, unsigned seed)
{
	static const char sentence[] = "Báo cáo kết quả thực hiện kế hoạch CCHC\n";
	FILE *f = fopen(path, "wb");
	uint32_t x = seed * 2654435761u + 1;
	for (size_t i = 0; i < n; i++) {
		x = x * 1103515245u + 12345u;
		fputc(text ? sentence[(i + seed) % (sizeof sentence - 1)] : (int)(x >> 24), f);
	}
	fclose(f);
}

static void file_sha(const char *path, char sha[65])
{
	char *data;
	size_t len;
	struct cchc_err err = { 0 };
	if (fs_read_file(path, 64 << 20, &data, &len, &err) != CCHC_OK) {
		sha[0] = '\0';
		return;
	}
	sha256_hex(data, len, sha);
	free(data);
}

static bool same_bytes(const char *a, const char *b)
{
	char *x, *y;
	size_t nx, ny;
	struct cchc_err err = { 0 };
	if (fs_read_file(a, 64 << 20, &x, &nx, &err))
		return false;
	if (fs_read_file(b, 64 << 20, &y, &ny, &err)) {
		free(x);
		return false;
	}
	bool same = nx == ny && memcmp(x, y, nx) == 0;
	free(x);
	free(y);
	return same;
}

/* How the file is changed while it is read (after the first piece). */
enum change { WRITE_START, WRITE_KEEP_MTIME, APPEND };

struct writer {
	const char *path;
	enum change how;
	int calls;
};

static void change_file(void *ctx, int64_t done)
{
	struct writer *w = ctx;
	(void)done;
	if (w->calls++ != 0)
		return;
	int fd = open(w->path, O_WRONLY);
	struct stat st;
	fstat(fd, &st);
	if (w->how == APPEND) {
		lseek(fd, 0, SEEK_END);
		CHECK(write(fd, "more", 4) == 4);
	} else {
		CHECK(pwrite(fd, "XXXX", 4, 0) == 4); /* bytes already read and hashed */
	}
	if (w->how == WRITE_KEEP_MTIME) { /* as `touch -r` would: only ctime tells */
		struct timespec t[2] = { st.st_atim, st.st_mtim };
		futimens(fd, t);
	}
	close(fd);
}

static void test_file_changed_while_read(void)
{
	char *dbp = path_in("changed.db"), *path = path_in("scan.pdf");
	struct db db;
	struct cchc_err err = { 0 };
	CHECK(db_open(&db, dbp, &err) == CCHC_OK);
	enum change hows[] = { WRITE_START, WRITE_KEEP_MTIME, APPEND };
	for (size_t i = 0; i < sizeof hows / sizeof hows[0]; i++) {
		make_file(path, 300000, false, (unsigned)i);
		/* last written long ago, as a scan is: any write now changes its times */
		struct timespec old[2] = { { 1600000000, 0 }, { 1600000000, 0 } };
		utimensat(AT_FDCWD, path, old, 0);
		/* the change time it got just now must differ from the one the write
		 * gives: file times follow a clock that ticks every few ms */
		usleep(30000);
		struct writer w = { path, hows[i], 0 };
		int fd = open(path, O_RDONLY);
		char sha[65];
		int64_t size;
		err_clear(&err);
		CHECK_INT(files_store_fd(&db, fd, "scan.pdf", 1 << 30, change_file, &w, sha, &size,
					 &err), CCHC_EINPUT);
		close(fd);
		CHECK(w.calls > 1);
		CHECK_STR(err.msg, "Tệp scan.pdf thay đổi trong khi đang đọc; hãy thử lại khi nó "
			  "không còn được ghi");
		CHECK_INT(pragma(&db, "SELECT count(*) FROM sqlar"), 0);
	}
	/* left alone, the same file is stored, under the hash of what is stored */
	int fd = open(path, O_RDONLY);
	char sha[65], want[65];
	int64_t size;
	CHECK(files_store_fd(&db, fd, "scan.pdf", 1 << 30, NULL, NULL, sha, &size, &err) == CCHC_OK);
	close(fd);
	file_sha(path, want);
	CHECK_STR(sha, want);
	CHECK(files_verify(&db, sha, NULL, NULL, &err) == CCHC_OK);
	db_close(&db);
	free(dbp);
	free(path);
}

/* Flips one byte of the stored form of content sha (at offset off). */
static void flip_byte(struct db *db, const char *sha, int off)
{
	char name[80];
	snprintf(name, sizeof name, "files/%.2s/%s", sha, sha);
	int64_t rowid = db_int_by_text(db, "SELECT rowid FROM sqlar WHERE name = ?1", name);
	sqlite3_blob *b;
	unsigned char c;
	CHECK(sqlite3_blob_open(db->h, "main", "sqlar", "data", rowid, 1, &b) == SQLITE_OK);
	CHECK(sqlite3_blob_read(b, &c, 1, off) == SQLITE_OK);
	c ^= 0x20;
	CHECK(sqlite3_blob_write(b, &c, 1, off) == SQLITE_OK);
	sqlite3_blob_close(b);
}

/* Puts the stored form of content from in the row of content to. */
static void swap_data(struct db *db, const char *from, const char *to)
{
	char sql[400];
	snprintf(sql, sizeof sql, "UPDATE sqlar SET data = (SELECT data FROM sqlar WHERE name = "
		 "'files/%.2s/%s') WHERE name = 'files/%.2s/%s'", from, from, to, to);
	CHECK(sqlite3_exec(db->h, sql, NULL, NULL, NULL) == SQLITE_OK);
}

static void test_damaged_content(void)
{
	char *dbp = path_in("damaged.db"), *raw = path_in("raw.bin"), *txt = path_in("text.txt");
	char *txt2 = path_in("text2.txt"), *out = path_in("out.bin");
	struct db db;
	struct cchc_err err = { 0 };
	CHECK(db_open(&db, dbp, &err) == CCHC_OK);
	make_file(raw, 200000, false, 7);
	make_file(txt, 200000, true, 0);
	make_file(txt2, 200000, true, 5); /* same size, other bytes */
	char sraw[65], stxt[65], stxt2[65];
	int64_t size;
	CHECK(files_store(&db, raw, 1 << 30, sraw, &size, &err) == CCHC_OK);
	CHECK(files_store(&db, txt, 1 << 30, stxt, &size, &err) == CCHC_OK);
	CHECK(files_store(&db, txt2, 1 << 30, stxt2, &size, &err) == CCHC_OK);
	CHECK_INT(pragma(&db, "SELECT count(*) FROM sqlar WHERE sz = length(data)"), 1);
	CHECK_INT(pragma(&db, "SELECT count(*) FROM sqlar WHERE sz > length(data)"), 2);
	CHECK(files_extract(&db, sraw, out, FS_NEW, &err) == CCHC_OK && same_bytes(raw, out));
	/* never over a file that is there, unless told */
	CHECK_INT(files_extract(&db, stxt, out, FS_NEW, &err), CCHC_EEXIST);
	CHECK(same_bytes(raw, out));
	CHECK(files_extract(&db, stxt, out, FS_OVERWRITE, &err) == CCHC_OK && same_bytes(txt, out));
	unlink(out);

	/* one byte flipped in a file kept raw: found, and nothing written */
	flip_byte(&db, sraw, 1000);
	CHECK_INT(files_verify(&db, sraw, NULL, NULL, &err), CCHC_ECORRUPT);
	CHECK_INT(files_extract(&db, sraw, out, FS_NEW, &err), CCHC_ECORRUPT);
	CHECK(strstr(err.msg, "bị hỏng") != NULL);
	CHECK(!fs_exists(out));
	/* one flipped in a compressed one */
	flip_byte(&db, stxt, 100);
	CHECK_INT(files_verify(&db, stxt, NULL, NULL, &err), CCHC_ECORRUPT);
	CHECK_INT(files_extract(&db, stxt, out, FS_NEW, &err), CCHC_ECORRUPT);
	CHECK(!fs_exists(out));
	/* a compressed form that inflates well, to other bytes of the same size */
	swap_data(&db, stxt2, stxt);
	CHECK_INT(files_verify(&db, stxt, NULL, NULL, &err), CCHC_ECORRUPT);
	CHECK_INT(files_extract(&db, stxt, out, FS_NEW, &err), CCHC_ECORRUPT);
	CHECK(!fs_exists(out));

	/* adding the genuine file again puts its bytes in place of the damaged ones */
	char again[65];
	CHECK(files_store(&db, raw, 1 << 30, again, &size, &err) == CCHC_OK);
	CHECK_STR(again, sraw);
	CHECK(files_verify(&db, sraw, NULL, NULL, &err) == CCHC_OK);
	CHECK(files_store(&db, txt, 1 << 30, again, &size, &err) == CCHC_OK);
	CHECK(files_verify(&db, stxt, NULL, NULL, &err) == CCHC_OK);
	CHECK(files_extract(&db, stxt, out, FS_NEW, &err) == CCHC_OK && same_bytes(txt, out));
	CHECK(files_verify(&db, stxt2, NULL, NULL, &err) == CCHC_OK);
	CHECK_INT(pragma(&db, "SELECT count(*) FROM sqlar"), 3);
	db_close(&db);
	char *v[] = { dbp, raw, txt, txt2, out };
	for (size_t i = 0; i < sizeof v / sizeof v[0]; i++)
		free(v[i]);
}

/* A name of exactly n bytes: Vietnamese letters (2 and 3 bytes each), then ext. */
static char *long_name(size_t n, const char *ext)
{
	static const char *const letters[] = { "ệ", "ư", "ơ", "đ", "á" };
	struct sbuf b = SBUF_INIT;
	for (int i = 0; b.len + strlen(ext) < n; i++) {
		const char *l = letters[i % 5];
		if (b.len + strlen(l) + strlen(ext) > n)
			l = "a";
		sbuf_addf(&b, "%s", l);
	}
	sbuf_addf(&b, "%s", ext);
	return sbuf_detach(&b);
}

static void test_evidence_names(void)
{
	char *dbp = path_in("names.db"), *a = path_in("a"), *b = path_in("b"), *out = path_in("got");
	struct db db;
	struct cchc_err err = { 0 };
	CHECK(db_open(&db, dbp, &err) == CCHC_OK);
	mkdir(a, 0700);
	mkdir(b, 0700);
	mkdir(out, 0700);
	char *ln = long_name(255, ".pdf");
	CHECK_INT(strlen(ln), 255);
	const char *names[] = { "a/report.pdf", "b/report.pdf", "b/REPORT.pdf", "a/report (2).pdf",
				"a/.bashrc", "b/.bashrc", "a/ln", "b/ln" };
	const char *files[8];
	char *paths[8];
	for (int i = 0; i < 8; i++) {
		struct sbuf p = SBUF_INIT;
		sbuf_addf(&p, "%s/%.*s%s", tmpdir, 2, names[i],
			  strcmp(names[i] + 2, "ln") == 0 ? ln : names[i] + 2);
		paths[i] = sbuf_detach(&p);
		make_file(paths[i], 100 + (size_t)i, true, 0);
		files[i] = paths[i];
	}
	struct evidence_input in = { .kind = "báo cáo", .files = files, .nfiles = 8 };
	int64_t id;
	CHECK(evidence_add(&db, &in, &id, &err) == CCHC_OK);
	char **got;
	int n;
	CHECK(evidence_target_names(&db, id, out, &got, &n, &err) == CCHC_OK);
	CHECK_INT(n, 8);
	char *ln2 = NULL;
	if (n == 8) {
		CHECK_STR(got[0], "report.pdf");
		CHECK_STR(got[1], "report (3).pdf");  /* "report (2).pdf" is the 4th file's */
		CHECK_STR(got[2], "REPORT (4).pdf");  /* "REPORT.pdf" is "report.pdf" on a FAT stick */
		CHECK_STR(got[3], "report (2).pdf");
		CHECK_STR(got[4], ".bashrc");
		CHECK_STR(got[5], ".bashrc (2)");
		CHECK_STR(got[6], ln);
		/* the stem cut at a letter to make room for " (2)", the extension kept */
		CHECK_INT(strlen(got[7]) <= 255 && strlen(got[7]) >= 250, 1);
		CHECK(utf8_valid(got[7], strlen(got[7]), NULL));
		size_t l = strlen(got[7]);
		CHECK(l > 8 && strcmp(got[7] + l - 8, " (2).pdf") == 0);
		CHECK(strncmp(got[7], ln, l - 8) == 0);
		ln2 = xstrdup(got[7]);
		for (int i = 0; i < n; i++)
			free(got[i]);
		free(got);
	}
	/* written: every file, each with its own bytes */
	CHECK(evidence_extract(&db, id, out, FS_NEW, &err) == CCHC_OK);
	const char *want[] = { "report.pdf", "report (3).pdf", "REPORT (4).pdf", "report (2).pdf",
			       ".bashrc", ".bashrc (2)", ln, ln2 ? ln2 : "" };
	for (int i = 0; i < 8; i++) {
		struct sbuf q = SBUF_INIT;
		sbuf_addf(&q, "%s/got/%s", tmpdir, want[i]);
		CHECK(same_bytes(paths[i], q.s));
		sbuf_free(&q);
	}
	/* again: refused whole, naming the files and --force, nothing changed */
	char *other = path_in("got/.bashrc (2)"), *first = path_in("got/report.pdf");
	make_file(other, 5, true, 0);
	unlink(first); /* one of them missing: still nothing written */
	CHECK_INT(evidence_extract(&db, id, out, FS_NEW, &err), CCHC_EEXIST);
	CHECK(strstr(err.msg, ".bashrc (2)") != NULL && strstr(err.msg, "--force") != NULL);
	CHECK(!fs_exists(first));
	CHECK(!same_bytes(paths[5], other));
	CHECK(evidence_extract(&db, id, out, FS_OVERWRITE, &err) == CCHC_OK);
	CHECK(same_bytes(paths[5], other));
	CHECK(same_bytes(paths[0], first));
	free(other);
	free(first);
	free(ln);
	free(ln2);
	for (int i = 0; i < 8; i++)
		free(paths[i]);
	db_close(&db);
	free(dbp);
	free(a);
	free(b);
	free(out);
}

/* The hash of the search triggers kept in the source (read at every open
 * instead of hashing their text) is the hash of the triggers made: after a
 * change to the table of sources, put the value printed here in
 * src/store/search_index.c (SPEC_SHA256). */
/* The kept triggers (store/kept.h): a connection that writes without
 * having made them is refused by the guards, with nothing written; through
 * db_begin the same write is indexed and the file still holds no trigger
 * but the guards. */
static void test_kept_guard(void)
{
	char *path = path_in("kept.db");
	struct db db;
	struct cchc_err err = { 0 };
	CHECK(db_open(&db, path, &err) == CCHC_OK);
	char *msg = NULL;
	CHECK(sqlite3_exec(db.h, "INSERT INTO unit(name, code) VALUES('Văn phòng', 'VP')", NULL,
			   NULL, &msg) != SQLITE_OK);
	CHECK(msg && strstr(msg, "lỗi của chương trình") != NULL);
	sqlite3_free(msg);
	CHECK_INT(pragma(&db, "SELECT count(*) FROM unit"), 0);
	CHECK(db_begin(&db, &err) == CCHC_OK);
	CHECK(db_exec(&db, "INSERT INTO unit(name, code) VALUES('Văn phòng', 'VP')", &err) ==
	      CCHC_OK);
	CHECK(db_commit(&db, &err) == CCHC_OK);
	CHECK_INT(pragma(&db, "SELECT count(*) FROM search_doc WHERE src = 'unit'"), 1);
	CHECK_INT(pragma(&db, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND "
				   "name NOT GLOB 'kept_guard_*'"), 0);
	CHECK(pragma(&db, "SELECT count(*) FROM kept_trigger") > 60);
	db_close(&db);
	free(path);
}

static void test_search_spec_constant(void)
{
	char *now = search_index_spec_now();
	CHECK_STR(search_index_spec(), now);
	free(now);
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
	test_file_changed_while_read();
	test_damaged_content();
	test_evidence_names();
	test_search_spec_constant();
	test_kept_guard();
	check_remove_dir(tmpdir);
	return check_report("test_store");
}
