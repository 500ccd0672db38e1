#include <config.h>
#include <errno.h>
#include <stdio.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "store/db.h"
#include "store/backup.h"
#include "store/history.h"
#include "store/kept.h"
#include "store/embedded.h"
#include "store/fts.h"
#include "store/search_index.h"
#include "util/fsutil.h"
#include "util/sbuf.h"
#include "util/platform.h"

/* One entry per schema version, in order; each runs in its own transaction. */
static const char *const migrations[] = {
	"data/migrations/0001-foundation.sql",
	"data/migrations/0002-search.sql",
	"data/migrations/0003-tasks.sql",
	"data/migrations/0004-unit-code.sql",
	"data/migrations/0005-evidence.sql",
	"data/migrations/0006-criteria.sql",
	"data/migrations/0007-criteria-map.sql",
	"data/migrations/0008-registers.sql",
	"data/migrations/0009-reports.sql",
	"data/migrations/0010-history.sql",
	"data/migrations/0011-dossier-import.sql",
	"data/migrations/0012-task-order.sql",
	"data/migrations/0013-register-order.sql",
	"data/migrations/0014-dossier-stats.sql",
	"data/migrations/0015-keyset-order.sql",
	"data/migrations/0016-feedback-order.sql",
	"data/migrations/0017-task-assigned.sql",
	"data/migrations/0018-letter-number-zero.sql",
	"data/migrations/0019-unit-kind.sql",
	"data/migrations/0020-dossier-search.sql",
	"data/migrations/0021-list-order.sql",
	"data/migrations/0022-period-counts.sql",
	"data/migrations/0023-task-filter.sql",
	"data/migrations/0024-task-due-kind.sql",
	"data/migrations/0025-overview-counts.sql",
	"data/migrations/0026-exchange.sql",
	"data/migrations/0027-report-counts.sql",
	"data/migrations/0028-overview-sets.sql",
	"data/migrations/0029-kept-triggers.sql",
	"data/migrations/0030-overview-unclear.sql",
};
#define NMIGRATIONS ((int)(sizeof migrations / sizeof migrations[0]))

void db_library_init(void)
{
	/* no count of the memory in use (nothing reads it): that count takes
	 * a mutex on each of the thousands of allocations of a query */
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

int db_schema_version(void)
{
	return NMIGRATIONS;
}

int db_schema_build(sqlite3 *h, int version, struct cchc_err *err)
{
	for (int v = 1; v <= version && v <= NMIGRATIONS; v++) {
		const struct embedded_file *f = embedded_find(migrations[v - 1]);
		if (!f)
			return err_set(err, CCHC_EDB, "Thiếu tệp lược đồ %s", migrations[v - 1]);
		char sql[96];
		snprintf(sql, sizeof sql, "PRAGMA user_version = %d; PRAGMA application_id = %d;", v,
			 CCHC_APPLICATION_ID);
		if (sqlite3_exec(h, f->data, NULL, NULL, NULL) != SQLITE_OK ||
		    sqlite3_exec(h, sql, NULL, NULL, NULL) != SQLITE_OK)
			return err_set(err, CCHC_EDB, "Không dựng được lược đồ %d để so sánh: %s", v,
				       sqlite3_errmsg(h));
	}
	return CCHC_OK;
}

char *db_default_path(void)
{
	const char *env = getenv("CCHC_DB");
	if (env && *env)
		return xstrdup(env);
	return pf_default_db_path();
}

int db_fail(struct db *db, int rc, const char *what, struct cchc_err *err)
{
	int prim = rc & 0xff;
	const char *detail = db && db->h ? sqlite3_errmsg(db->h) : sqlite3_errstr(rc);
	int sys = db && db->h ? sqlite3_system_errno(db->h) : 0;
	/* A write refused for want of space (or past a file-size limit) comes
	 * back as an I/O error, not SQLITE_FULL, when no byte of it fitted. */
	if (prim == SQLITE_IOERR && (sys == ENOSPC || sys == EDQUOT || sys == EFBIG))
		prim = SQLITE_FULL;
	switch (prim) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return err_set(err, CCHC_EBUSY,
			       "Cơ sở dữ liệu %s đang được một chương trình khác ghi (một cchc khác, "
			       "hoặc một chương trình như sqlite3). Hãy đóng chương trình đó hoặc chờ "
			       "nó xong rồi thử lại.", db ? db->path : "");
	case SQLITE_READONLY:
	case SQLITE_PERM:
	case SQLITE_AUTH:
		return err_set(err, CCHC_EREADONLY,
			       "Cơ sở dữ liệu %s chỉ đọc: không ghi được (%s). Hãy kiểm tra quyền ghi "
			       "của tệp và thư mục.", db ? db->path : "", what);
	case SQLITE_FULL:
		return err_set(err, CCHC_EIO, "Ổ đĩa chứa cơ sở dữ liệu %s đã đầy nên không %s được. "
			       "Hãy giải phóng chỗ trống rồi thử lại; dữ liệu đã lưu không bị mất.",
			       db ? db->path : "", what);
	case SQLITE_IOERR:
		return err_set(err, CCHC_EIO, "Lỗi đọc ghi ổ đĩa khi %s (%s: %s). Hãy kiểm tra ổ đĩa "
			       "rồi thử lại.", what, db ? db->path : "", err_sys(sys ? sys : EIO));
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB:
		return err_set(err, CCHC_EDB, "Tệp %s hỏng hoặc không phải cơ sở dữ liệu cchc (%s).",
			       db ? db->path : "", detail);
	case SQLITE_CONSTRAINT:
		if (rc == SQLITE_CONSTRAINT_FOREIGNKEY)
			return err_set(err, CCHC_EINPUT, "Không %s được: bản ghi này còn được dữ liệu "
				       "khác dùng đến (ví dụ nhiệm vụ của một đề mục hay một đơn vị).", what);
		return err_set(err, CCHC_EINPUT, "Không %s được: dữ liệu trùng hoặc thiếu (%s).", what,
			       detail);
	case SQLITE_CANTOPEN:
		return err_set(err, CCHC_EIO, "Không mở được cơ sở dữ liệu %s (%s).",
			       db ? db->path : "", detail);
	default:
		return err_set(err, CCHC_EDB, "Lỗi cơ sở dữ liệu khi %s: %s", what, detail);
	}
}

static bool wal_left_over(const struct db *db);

int db_exec(struct db *db, const char *sql, struct cchc_err *err)
{
	int rc = sqlite3_exec(db->h, sql, NULL, NULL, NULL);
	return rc == SQLITE_OK ? CCHC_OK : db_fail(db, rc, "thực hiện lệnh", err);
}

/* ---- whether the last cchc closed ----
 * Every cchc holds a shared lock on <database>-lock (beside the file a
 * symbolic link leads to, where SQLite keeps the -wal) for as long as it
 * has the database open. Its first byte is '1' from the moment any cchc
 * is about to write to the file (synced to the disk before that write)
 * until the last cchc to close (one that then takes the lock exclusively
 * without waiting) clears it. An open that takes the lock exclusively is
 * alone: the mark then means that a cchc ended without closing (killed, a
 * power cut) and a check is due. The mark is made at the first write, not
 * at the open, so that a command that only reads (search, a list, the
 * first screen) spends no write and no fsync of its own on it (0.6 ms to
 * several ms on a busy disk). No write goes unmarked: a transaction that
 * writes begins with BEGIN IMMEDIATE in db_begin_internal or history.c,
 * which mark; any other statement that writes to the file is caught as it
 * is prepared (mark_on_write, SQLite's authorizer); creating the file, or
 * putting an old one into WAL mode, is marked at the open.
 * A -wal beside the file says nothing by itself: any other connection open
 * (another cchc, the sqlite3 shell) has one, and a read-only one may leave
 * it behind. Another program's unclean end is not checked at open: SQLite
 * recovers its -wal, and `cchc check` is there for the rest. */

static char *lock_path(const char *path)
{
	char *real = realpath(path, NULL);
	struct sbuf b = SBUF_INIT;
	sbuf_addf(&b, "%s-lock", real ? real : path);
	free(real);
	return sbuf_detach(&b);
}

static char lock_mark(const struct db *db)
{
	char c = '0';
	return pread(db->lock_fd, &c, 1, 0) == 1 ? c : '0';
}

/* Takes the shared lock for this connection's lifetime, and says whether
 * a check is due. Without a lock file to go by (a folder that cannot be
 * written, or a database of a cchc before this one) a -wal left over means,
 * as it did, that the last cchc did not close. */
static bool lock_take(struct db *db)
{
	char *p = lock_path(db->path);
	bool was_there = access(p, F_OK) == 0;
	db->lock_fd = pf_lockfile_open(p, !db->readonly);
	free(p);
	if (db->lock_fd < 0)
		return wal_left_over(db);
	/* not alone: another cchc has the file open, so none died with it */
	bool alone = pf_lockfile_lock(db->lock_fd, true, false) == 0;
	if (!alone)
		pf_lockfile_lock(db->lock_fd, false, true);
	bool due = alone && (was_there ? lock_mark(db) == '1' : wal_left_over(db));
	if (db->created || !db->wal_file)   /* the open itself writes */
		db_mark_writing(db);
	if (alone)
		pf_lockfile_lock(db->lock_fd, false, true);
	return due;
}

void db_mark_writing(struct db *db)
{
	if (db->marked || db->readonly || db->lock_fd < 0)
		return;
	/* a mark already there stays while this connection holds the lock */
	if (lock_mark(db) != '1' && pwrite(db->lock_fd, "1", 1, 0) == 1)
		fsync(db->lock_fd);
	db->marked = true;
}

/* Whether PRAGMA name = value writes to the file (the setting pragmas
 * cchc uses otherwise, foreign_keys and the like, are the connection's). */
static bool pragma_writes(const char *name, const char *value)
{
	static const char *const writers[] = { "user_version", "application_id", "page_size",
					       "auto_vacuum", "incremental_vacuum",
					       "wal_checkpoint", "optimize", NULL };
	if (!name)
		return false;
	if (strcmp(name, "journal_mode") == 0)   /* WAL is what the file is in (wal_file) */
		return value && sqlite3_stricmp(value, "wal") != 0;
	for (int i = 0; writers[i]; i++)
		if (strcmp(name, writers[i]) == 0)
			return value || strcmp(name, "optimize") == 0 ||
			       strcmp(name, "wal_checkpoint") == 0 ||
			       strcmp(name, "incremental_vacuum") == 0;
	return false;
}

/* SQLite's authorizer, asked for every statement as it is prepared: one
 * that writes to the file (not to the temporary schema) marks the lock
 * file first. Never refuses anything. */
static int mark_on_write(void *ctx, int code, const char *a1, const char *a2,
			 const char *dbname, const char *trigger)
{
	(void)a1, (void)a2, (void)trigger;
	struct db *db = ctx;
	if (db->marked)
		return SQLITE_OK;
	switch (code) {
	case SQLITE_INSERT:
	case SQLITE_UPDATE:
	case SQLITE_DELETE:
		/* the schema table: SQLite declaring a table-valued function
		 * (pragma_schema_version) asks too; a real change of the
		 * schema comes with its CREATE or DROP below */
		if (a1 && sqlite3_strnicmp(a1, "sqlite_", 7) == 0)
			break;
		if (!dbname || strcmp(dbname, "temp") != 0)
			db_mark_writing(db);
		break;
	case SQLITE_CREATE_INDEX:
	case SQLITE_CREATE_TABLE:
	case SQLITE_CREATE_TRIGGER:
	case SQLITE_CREATE_VIEW:
	case SQLITE_CREATE_VTABLE:
	case SQLITE_DROP_INDEX:
	case SQLITE_DROP_TABLE:
	case SQLITE_DROP_TRIGGER:
	case SQLITE_DROP_VIEW:
	case SQLITE_DROP_VTABLE:
	case SQLITE_ALTER_TABLE:
	case SQLITE_REINDEX:
	case SQLITE_ANALYZE:
		if (!dbname || strcmp(dbname, "temp") != 0)
			db_mark_writing(db);
		break;
	case SQLITE_PRAGMA:
		if (pragma_writes(a1, a2))
			db_mark_writing(db);
		break;
	default:
		break;
	}
	return SQLITE_OK;
}

/* The last cchc to close, with no check outstanding, clears the mark (a
 * write of it that fails or is lost costs one check more); the lock goes
 * with the descriptor. */
static void lock_release(struct db *db)
{
	if (db->lock_fd < 0)
		return;
	if (!db->readonly && !db->check_due && lock_mark(db) != '0' &&
	    pf_lockfile_lock(db->lock_fd, true, false) == 0 && pwrite(db->lock_fd, "0", 1, 0) != 1)
		db->check_due = true;
	close(db->lock_fd);
	db->lock_fd = -1;
}

int db_lock_share(struct db *db)
{
	if (db->lock_fd < 0)
		return -1;
	char *p = lock_path(db->path);
	int fd = pf_lockfile_open(p, false);
	free(p);
	/* this connection's shared lock keeps any exclusive one away */
	if (fd >= 0 && pf_lockfile_lock(fd, false, false) != 0) {
		close(fd);
		fd = -1;
	}
	return fd;
}

int db_begin_internal(struct db *db, struct cchc_err *err)
{
	/* the open's own writes (migrations) find the triggers in the file */
	if (!db->opening && !db->readonly && history_arm(db, err))
		return err->code;
	db_mark_writing(db);
	int rc = sqlite3_exec(db->h, "BEGIN IMMEDIATE", NULL, NULL, NULL);
	db->action_id = 0;
	return rc == SQLITE_OK ? CCHC_OK : db_fail(db, rc, "bắt đầu ghi", err);
}

int db_begin(struct db *db, struct cchc_err *err)
{
	/* the first write of a day makes the day's backup, once committed */
	bool backup = backup_daily_due(db);
	if (db_begin_internal(db, err))
		return err->code;
	if (history_action_begin(db, err)) {
		db_rollback(db);
		return err->code;
	}
	db->daily_backup = backup;
	return CCHC_OK;
}

int db_commit(struct db *db, struct cchc_err *err)
{
	if (history_action_end(db, err)) {
		db_rollback(db);
		return err->code;
	}
	int rc = sqlite3_exec(db->h, "COMMIT", NULL, NULL, NULL);
	bool backup = db->daily_backup;
	db->daily_backup = false;
	if (rc == SQLITE_OK) {
		/* the day's backup starts once the write is in: the write does
		 * not wait for it, and its failure blocks nothing */
		if (backup)
			backup_daily_start(db);
		return CCHC_OK;
	}
	db_fail(db, rc, "lưu thay đổi", err);
	db_rollback(db);
	return err->code;
}

void db_rollback(struct db *db)
{
	db->action_id = 0;
	db->daily_backup = false;
	if (!sqlite3_get_autocommit(db->h))
		sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
}

static int pragma_int(struct db *db, const char *sql)
{
	sqlite3_stmt *st;
	int v = -1;
	if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return v;
}

static int migrate_one(struct db *db, int version, struct cchc_err *err)
{
	const struct embedded_file *f = embedded_find(migrations[version - 1]);
	if (!f)
		return err_set(err, CCHC_EDB, "Thiếu tệp lược đồ %s", migrations[version - 1]);
	if (db_begin_internal(db, err))
		return err->code;
	int rc = sqlite3_exec(db->h, f->data, NULL, NULL, NULL);
	if (rc == SQLITE_OK) {
		char sql[96];
		snprintf(sql, sizeof sql, "PRAGMA user_version = %d; PRAGMA application_id = %d;",
			 version, CCHC_APPLICATION_ID);
		rc = sqlite3_exec(db->h, sql, NULL, NULL, NULL);
	}
	if (rc != SQLITE_OK) {
		db_fail(db, rc, "nâng cấp lược đồ", err);
		db_rollback(db);
		return err->code;
	}
	return db_commit(db, err);
}

/* Puts the kept triggers back into the file before the migrations or
 * search_index_ensure run, which change them as stored ones (store/kept.h);
 * history_ensure moves them out again. */
static int kept_unstash(struct db *db, struct cchc_err *err)
{
	if (!kept_unstash_due(db, NMIGRATIONS))
		return CCHC_OK;
	struct sbuf b = SBUF_INIT;
	int rc = db_begin_internal(db, err);
	if (!rc && (rc = kept_unstash_sql(db->h, &b)) != SQLITE_OK)
		rc = db_fail(db, rc, "nâng cấp lược đồ", err);
	if (!rc && b.len)
		rc = db_exec(db, b.s, err);
	sbuf_free(&b);
	if (rc) {
		db_rollback(db);
		return rc;
	}
	return db_commit(db, err);
}

static int migrate(struct db *db, struct cchc_err *err)
{
	int have = pragma_int(db, "PRAGMA user_version");
	int app = pragma_int(db, "PRAGMA application_id");
	if (have < 0)
		return db_fail(db, sqlite3_errcode(db->h), "đọc phiên bản lược đồ", err);
	int tables = pragma_int(db, "SELECT count(*) FROM sqlite_master");
	if (app != CCHC_APPLICATION_ID && (app != 0 || tables > 0))
		return err_set(err, CCHC_EDB, "Tệp %s là một cơ sở dữ liệu SQLite nhưng không phải "
			       "của cchc; cchc không mở nó.", db->path);
	if (have > NMIGRATIONS)
		return err_set(err, CCHC_ENEWER,
			       "Cơ sở dữ liệu %s do một phiên bản cchc mới hơn tạo (lược đồ %d, bản "
			       "này chỉ hiểu đến %d). Hãy cập nhật cchc; tệp không bị thay đổi.",
			       db->path, have, NMIGRATIONS);
	if (have < NMIGRATIONS && db->readonly)
		return err_set(err, CCHC_EREADONLY, "Cơ sở dữ liệu %s chỉ đọc và cần nâng cấp lược "
			       "đồ; hãy cho phép ghi rồi mở lại.", db->path);
	for (int v = have + 1; v <= NMIGRATIONS; v++)
		if (migrate_one(db, v, err))
			return err->code;
	return CCHC_OK;
}

/* Creates the folder (0700) and an empty file (0600) so that SQLite, which
 * would create it 0644, inherits our mode for the -wal and -shm files too. */
static int prepare_file(struct db *db, struct cchc_err *err)
{
	struct stat st;
	if (stat(db->path, &st) == 0) {
		if (!S_ISREG(st.st_mode))
			return err_set(err, CCHC_EIO, "%s không phải là một tệp", db->path);
		db->readonly = access(db->path, W_OK) != 0 || (st.st_mode & 0222) == 0;
		char *dir = fs_dirname(db->path);
		if (access(dir, W_OK) != 0)
			db->readonly = true;
		free(dir);
		return CCHC_OK;
	}
	char *dir = fs_dirname(db->path);
	int rc = fs_mkdir_p(dir, 0700, err);
	free(dir);
	if (rc)
		return rc;
	int fd = open(db->path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0 && errno != EEXIST)
		return err_set(err, CCHC_EIO, "Không tạo được cơ sở dữ liệu %s: %s", db->path,
			       err_sys(errno));
	if (fd >= 0)
		close(fd);
	db->created = true;
	return CCHC_OK;
}

static uint32_t be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* Refuses another program's SQLite file from its first bytes, before SQLite
 * opens it: opening takes it into WAL mode (a write), and even reading a
 * WAL file makes -wal and -shm files beside it. A file of cchc's carries
 * its application_id from the first migration on; an empty SQLite file
 * (no application_id, page 1 a leaf with no schema row) may become one.
 * With a -wal beside the file its header may be stale: the file is then
 * read through a read-only connection (which sees the -wal and never
 * checkpoints it) before any connection that may write opens it.
 * A file that is not SQLite at all is left to SQLite, which reports it
 * (as damaged, with the backups) without writing to it. */
static bool foreign_through_wal(const char *path)
{
	sqlite3 *h = NULL;
	bool foreign = false;
	if (sqlite3_open_v2(path, &h, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK) {
		sqlite3_stmt *st;
		if (sqlite3_prepare_v2(h, "SELECT (SELECT application_id FROM pragma_application_id), "
				       "(SELECT count(*) FROM sqlite_master)", -1, &st, NULL) ==
			    SQLITE_OK &&
		    sqlite3_step(st) == SQLITE_ROW) {
			int64_t app = sqlite3_column_int64(st, 0), n = sqlite3_column_int64(st, 1);
			foreign = app != CCHC_APPLICATION_ID && (app != 0 || n > 0);
		}
		sqlite3_finalize(st);
	}
	sqlite3_close(h);
	return foreign;
}

static int refuse_foreign(struct db *db, struct cchc_err *err)
{
	unsigned char h[108];
	int fd = open(db->path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return CCHC_OK;
	ssize_t n = read(fd, h, sizeof h);
	close(fd);
	if (n != (ssize_t)sizeof h || memcmp(h, "SQLite format 3", 16) != 0)
		return CCHC_OK;
	struct sbuf b = SBUF_INIT;
	sbuf_addf(&b, "%s-wal", db->path);
	bool wal = access(b.s, F_OK) == 0;
	sbuf_free(&b);
	uint32_t app = be32(h + 68);
	bool empty = h[100] == 0x0d && h[103] == 0 && h[104] == 0;
	db->wal_file = h[18] == 2 && h[19] == 2;
	bool foreign = wal ? foreign_through_wal(db->path)
			   : app != CCHC_APPLICATION_ID && !(app == 0 && empty);
	if (!foreign)
		return CCHC_OK;
	return err_set(err, CCHC_EDB, "Tệp %s là một cơ sở dữ liệu SQLite nhưng không phải của "
		       "cchc; cchc không mở nó (tệp không bị thay đổi).", db->path);
}

static int set_pragmas(struct db *db, struct cchc_err *err)
{
	sqlite3_busy_timeout(db->h, 3000);
	sqlite3_extended_result_codes(db->h, 1);
	const char *sql = db->readonly
		? "PRAGMA foreign_keys = ON; PRAGMA query_only = ON;"
		: "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;";
	int rc = sqlite3_exec(db->h, sql, NULL, NULL, NULL);
	return rc == SQLITE_OK ? CCHC_OK : db_fail(db, rc, "thiết lập cơ sở dữ liệu", err);
}

/* SQLite reads a WAL database only if it can open or create the -shm
 * index beside it, so a database in a folder we may not write, closed
 * cleanly (no -wal file), is opened as immutable: a URI for it, or NULL
 * when the plain path will do. A writer that starts later creates a -wal
 * file and checkpoints only on closing, so a viewer rarely sees it late. */
static char *readonly_uri(const struct db *db)
{
	if (!db->readonly)
		return NULL;
	struct sbuf b = SBUF_INIT;
	sbuf_addf(&b, "%s-wal", db->path);
	char *dir = fs_dirname(db->path);
	bool plain = access(dir, W_OK) == 0 || access(b.s, F_OK) == 0;
	free(dir);
	sbuf_trunc(&b, 0);
	if (plain) {
		sbuf_free(&b);
		return NULL;
	}
	sbuf_add(&b, "file:");
	for (const char *p = db->path; *p; p++)
		if (*p == '%' || *p == '?' || *p == '#')
			sbuf_addf(&b, "%%%02X", (unsigned char)*p);
		else
			sbuf_addc(&b, *p);
	sbuf_add(&b, "?immutable=1");
	return sbuf_detach(&b);
}

/* A -wal file beside the database when it is opened: the last connection
 * to use it did not close it (power cut, crash, a read-only one), or one
 * is using it now. */
static bool wal_left_over(const struct db *db)
{
	struct sbuf b = SBUF_INIT;
	sbuf_addf(&b, "%s-wal", db->path);
	struct stat st;
	bool left = !db->created && stat(b.s, &st) == 0;
	sbuf_free(&b);
	return left;
}

static bool rc_corrupt(int rc)
{
	return (rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB;
}

static const char *corrupt_reason(int rc)
{
	return (rc & 0xff) == SQLITE_NOTADB ? "không phải tệp cơ sở dữ liệu SQLite"
					    : "cấu trúc tệp bị hỏng";
}

int db_quick_check(sqlite3 *h, char *detail, size_t size)
{
	sqlite3_stmt *st;
	detail[0] = '\0';
	int rc = sqlite3_prepare_v2(h, "PRAGMA quick_check(1)", -1, &st, NULL);
	if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *t = (const char *)sqlite3_column_text(st, 0);
		if (t && strcmp(t, "ok") != 0)
			snprintf(detail, size, "quick_check: %.250s", t);
		rc = SQLITE_OK;
	}
	if (rc_corrupt(rc))
		snprintf(detail, size, "%s", corrupt_reason(rc));
	sqlite3_finalize(st);
	return rc;
}

/* The check due at open (lock_take), here unless the caller runs it later:
 * quick_check reads the whole file, about 0.15 s for 100 MB in the page
 * cache and 0.8 s from the disk. */
static int quick_check(struct db *db, int flags, struct cchc_err *err)
{
	if (!db->check_due || (flags & DB_CHECK_LATER))
		return CCHC_OK;
	char detail[300];
	int rc = db_quick_check(db->h, detail, sizeof detail);
	if (detail[0])
		return backup_corrupt_error(db->path, detail, err);
	if (rc != SQLITE_OK)
		return db_fail(db, rc, "kiểm tra cơ sở dữ liệu", err);
	db->check_due = false;
	return CCHC_OK;
}

/* A database from an older cchc is copied to
 * backups/<name>-before-upgrade-vN-<date>-<time>.db before its schema
 * changes; without that copy it is not upgraded. */
static int backup_before_upgrade(struct db *db, struct cchc_err *err)
{
	int have = pragma_int(db, "PRAGMA user_version");
	if (db->readonly || have <= 0 || have >= NMIGRATIONS ||
	    pragma_int(db, "PRAGMA application_id") != CCHC_APPLICATION_ID)
		return CCHC_OK;
	char kind[40];
	snprintf(kind, sizeof kind, "before-upgrade-v%d-", have);
	char *dir = backup_dir(db->path);
	int rc = fs_mkdir_p(dir, 0700, err);
	free(dir);
	char *dest = rc ? NULL : backup_new_path(db->path, kind, err);
	rc = dest ? backup_make(db, dest, FS_NEW, err) : err->code;
	free(dest);
	if (rc == CCHC_OK)
		return CCHC_OK;
	char msg[sizeof err->msg];
	memcpy(msg, err->msg, sizeof msg);
	return err_set(err, rc, "Chưa nâng cấp cơ sở dữ liệu %s cho bản cchc này vì chưa sao lưu "
		       "được nó trước: %s", db->path, msg);
}

/* A damaged file found while opening becomes CCHC_ECORRUPT, with the
 * newest good backup and the command that restores it. */
static void report_corrupt(struct db *db, struct cchc_err *err)
{
	if (db->h && err->code != CCHC_ECORRUPT && rc_corrupt(sqlite3_extended_errcode(db->h)))
		backup_corrupt_error(db->path, corrupt_reason(sqlite3_extended_errcode(db->h)), err);
}

/* CCHC_TRACE_SQL=FILE appends each finished statement's run time and its
 * text to FILE: which query a slow screen waits for (a developer's aid,
 * documented in tests/bench/README). */
static int trace_profile(unsigned type, void *ctx, void *p, void *x)
{
	(void)type;
	FILE *f = ctx;
	const char *sql = sqlite3_sql(p);
	fprintf(f, "%10.3f ms  %s\n", (double)*(sqlite3_int64 *)x / 1e6, sql ? sql : "?");
	return 0;
}

static void trace_start(struct db *db)
{
	const char *file = getenv("CCHC_TRACE_SQL");
	struct cchc_err err = { 0 };
	if (!file || !*file)
		return;
	if (fs_guard_check(file, &err)) { /* appending to the database would break it */
		fprintf(stderr, "cchc: CCHC_TRACE_SQL: %s\n", err.msg);
		return;
	}
	if (!(db->trace = fopen(file, "a")))
		return;
	sqlite3_trace_v2(db->h, SQLITE_TRACE_PROFILE, trace_profile, db->trace);
}

int db_open(struct db *db, const char *path, struct cchc_err *err)
{
	return db_open_ex(db, path, 0, err);
}

int db_open_ex(struct db *db, const char *path, int oflags, struct cchc_err *err)
{
	memset(db, 0, sizeof *db);
	db->lock_fd = -1;
	db->path = xstrdup(path);
	if (prepare_file(db, err))
		goto fail;
	if (refuse_foreign(db, err))
		goto fail;
	fs_guard_add(db->path);
	db->check_due = lock_take(db);
	pf_lockfile_inherited_close();
	char *uri = readonly_uri(db);
	int flags = (db->readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) |
		    SQLITE_OPEN_NOMUTEX | (uri ? SQLITE_OPEN_URI : 0);
	int rc = sqlite3_open_v2(uri ? uri : path, &db->h, flags, NULL);
	free(uri);
	if (rc != SQLITE_OK) {
		db_fail(db, rc, "mở cơ sở dữ liệu", err);
		goto fail;
	}
	trace_start(db);
	if (!db->readonly)
		sqlite3_set_authorizer(db->h, mark_on_write, db);
	db->opening = true;
	if (set_pragmas(db, err) || fts_register(db->h, err) || history_register(db, err) ||
	    kept_register(db, err) || quick_check(db, oflags, err) ||
	    backup_before_upgrade(db, err) || kept_unstash(db, err) || migrate(db, err) ||
	    search_index_ensure(db, err) || history_ensure(db, err))
		goto fail;
	db->opening = false;
	return CCHC_OK;
fail:
	report_corrupt(db, err);
	db_close(db);
	return err->code ? err->code : CCHC_EDB;
}

void db_release_memory(struct db *db)
{
	if (db->h)
		sqlite3_db_release_memory(db->h);
}

void db_close(struct db *db)
{
	db_check_stop(db);
	if (db->h)
		sqlite3_close_v2(db->h);
	db->h = NULL;
	lock_release(db);
	if (db->trace)
		fclose(db->trace);
	db->trace = NULL;
	if (db->path)
		fs_guard_remove(db->path);
	free(db->path);
	db->path = NULL;
}

static int64_t first_int(sqlite3_stmt *st)
{
	int64_t v = 0;
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

int64_t db_int_by_id(struct db *db, const char *sql, int64_t id)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) != SQLITE_OK)
		return 0;
	if (sqlite3_bind_parameter_count(st) > 0)
		sqlite3_bind_int64(st, 1, id);
	return first_int(st);
}

int64_t db_int_by_text(struct db *db, const char *sql, const char *text)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) != SQLITE_OK)
		return 0;
	sqlite3_bind_text(st, 1, text, -1, SQLITE_STATIC);
	return first_int(st);
}

char *db_setting_get(struct db *db, const char *key)
{
	sqlite3_stmt *st;
	char *v = NULL;
	if (sqlite3_prepare_v2(db->h, "SELECT value FROM setting WHERE key = ?", -1, &st, NULL))
		return NULL;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = xstrdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return v;
}

int db_setting_set(struct db *db, const char *key, const char *value, struct cchc_err *err)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db->h, "INSERT INTO setting(key, value) VALUES(?, ?) "
				    "ON CONFLICT(key) DO UPDATE SET value = excluded.value", -1, &st, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, value, -1, SQLITE_STATIC);
		rc = sqlite3_step(st);
		sqlite3_finalize(st);
		if (rc == SQLITE_DONE)
			return CCHC_OK;
	}
	return db_fail(db, rc, "lưu thiết lập", err);
}
