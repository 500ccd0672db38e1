#include <config.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "core/settings.h"
#include "store/backup.h"
#include "store/files.h"
#include "store/fts.h"
#include "store/schema.h"
#include "store/tally.h"
#include "text/date.h"
#include "util/fsutil.h"
#include "util/progress.h"
#include "util/sbuf.h"
#include "util/platform.h"
#include "util/spawn.h"

/* ---- names ---- */

/* The database's file name without its folder and a final ".db". */
static char *db_stem(const char *db_path)
{
	const char *slash = fs_last_sep(db_path);
	const char *base = slash ? slash + 1 : db_path;
	size_t n = strlen(base);
	if (n > 3 && strcmp(base + n - 3, ".db") == 0)
		n -= 3;
	return xstrndup(base, n);
}

char *backup_dir(const char *db_path)
{
	char *dir = fs_dirname(db_path);
	struct sbuf b = SBUF_INIT;
	sbuf_addf(&b, "%s/backups", dir);
	free(dir);
	return sbuf_detach(&b);
}

static bool exists(const char *path)
{
	struct stat st;
	return lstat(path, &st) == 0;
}

static void local_hms(char out[7])
{
	time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	if (strftime(out, 7, "%H%M%S", &tm) != 6)
		snprintf(out, 7, "000000");
}

char *backup_new_path(const char *db_path, const char *kind, struct cchc_err *err)
{
	struct ymd today;
	if (date_today(&today, err))
		return NULL;
	char date[11], hms[7];
	date_format_iso(today, date);
	local_hms(hms);
	char *dir = backup_dir(db_path), *stem = db_stem(db_path);
	struct sbuf b = SBUF_INIT;
	sbuf_addf(&b, "%s/%s-%s%s-%s.db", dir, stem, kind, date, hms);
	for (int i = 2; exists(b.s); i++) {
		sbuf_trunc(&b, 0);
		sbuf_addf(&b, "%s/%s-%s%s-%s-%d.db", dir, stem, kind, date, hms, i);
	}
	free(dir);
	free(stem);
	return sbuf_detach(&b);
}

static bool all_digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

/* After the kind: YYYY-MM-DD, then ".db" (daily) or -HHMMSS[-N].db. */
static bool parse_date_part(const char *p, struct backup_info *b)
{
	struct ymd d;
	memcpy(b->date, p, 10);
	b->date[10] = '\0';
	if (strlen(p) < 13 || !date_parse_iso(b->date, &d))
		return false;
	p += 10;
	if (strcmp(p, ".db") == 0) {
		b->time[0] = '\0';
		return b->kind == BACKUP_MANUAL ? (b->kind = BACKUP_DAILY, true) : false;
	}
	if (p[0] != '-' || !all_digits(p + 1, 6))
		return false;
	memcpy(b->time, p + 1, 6);
	b->time[6] = '\0';
	p += 7;
	if (*p == '-')
		for (p++; *p >= '0' && *p <= '9'; p++)
			;
	return strcmp(p, ".db") == 0;
}

/* Parses "<stem>-[before-restore-|before-upgrade-vN-]YYYY-MM-DD[-HHMMSS].db". */
static bool parse_name(const char *name, const char *stem, struct backup_info *b)
{
	size_t n = strlen(stem);
	if (strncmp(name, stem, n) != 0 || name[n] != '-')
		return false;
	const char *p = name + n + 1;
	b->kind = BACKUP_MANUAL;
	if (strncmp(p, "before-restore-", 15) == 0) {
		b->kind = BACKUP_BEFORE_RESTORE;
		p += 15;
	} else if (strncmp(p, "before-upgrade-v", 16) == 0) {
		b->kind = BACKUP_BEFORE_UPGRADE;
		for (p += 16; *p >= '0' && *p <= '9'; p++)
			;
		if (*p++ != '-')
			return false;
	}
	return parse_date_part(p, b);
}

/* ---- files ---- */

static int copy_fd(int in, int out)
{
	char buf[65536];
	for (;;) {
		ssize_t r = read(in, buf, sizeof buf);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			return (int)r;
		for (ssize_t off = 0; off < r;) {
			ssize_t w = write(out, buf + off, (size_t)(r - off));
			if (w < 0 && errno != EINTR)
				return -1;
			off += w > 0 ? w : 0;
		}
	}
}

/* A byte-for-byte copy, through a file that has no name until it is whole. */
static int copy_file(const char *src, const char *dest, struct cchc_err *err)
{
	int in = open(src, O_RDONLY | O_CLOEXEC);
	if (in < 0)
		return err_set(err, CCHC_EIO, "Không mở được %s: %s", src, err_sys(errno));
	struct fs_tmp t;
	if (fs_tmp_open(&t, dest, 0600, FS_NEW, err)) {
		close(in);
		return err->code;
	}
	int ok = copy_fd(in, t.fd) == 0;
	int e = errno;
	close(in);
	if (!ok) {
		fs_tmp_abort(&t);
		return err_set(err, CCHC_EIO, "Không chép được %s sang %s: %s", src, dest, err_sys(e));
	}
	return fs_tmp_commit(&t, dest, err);
}

/* Puts before err's message a sentence saying what could not be done,
 * and after it an optional one. */
static int err_wrap(struct cchc_err *err, const char *before, const char *after)
{
	char msg[sizeof err->msg];
	memcpy(msg, err->msg, sizeof msg);
	size_t n = strlen(msg);
	if (msg[0] >= 'A' && msg[0] <= 'Z' && !(msg[1] >= 'A' && msg[1] <= 'Z'))
		msg[0] = (char)(msg[0] - 'A' + 'a');
	if (*after && n && n + 1 < sizeof msg && !strchr(".)", msg[n - 1]))
		strcpy(msg + n, ".");
	return err_set(err, err->code, "%s%s%s", before, msg, after);
}

/* ---- a VFS over an open file descriptor ----
 * Copies are written into a file that has no name until it is whole
 * (fs_tmp: O_TMPFILE where the system has it), so that a process killed
 * meanwhile leaves nothing behind. SQLite opens files by name and refuses
 * to follow /proc/self/fd/N; this VFS opens the name "fd:N" as (a duplicate
 * of) descriptor N. It serves only those copies: one connection each, no
 * journal, no lock needed. */

struct fd_file {
	sqlite3_file base;
	int fd;
};

static int fd_of(sqlite3_file *f)
{
	return ((struct fd_file *)f)->fd;
}

static int fdf_close(sqlite3_file *f)
{
	close(fd_of(f));
	return SQLITE_OK;
}

static int fdf_read(sqlite3_file *f, void *buf, int n, sqlite3_int64 off)
{
	ssize_t r = pread(fd_of(f), buf, (size_t)n, (off_t)off);
	if (r == n)
		return SQLITE_OK;
	if (r < 0)
		return SQLITE_IOERR_READ;
	memset((char *)buf + r, 0, (size_t)(n - r));
	return SQLITE_IOERR_SHORT_READ;
}

static int fdf_write(sqlite3_file *f, const void *buf, int n, sqlite3_int64 off)
{
	for (ssize_t done = 0, w; done < n; done += w) {
		w = pwrite(fd_of(f), (const char *)buf + done, (size_t)(n - done), (off_t)off + done);
		if (w < 0 && errno == EINTR)
			w = 0;
		else if (w < 0)
			return errno == ENOSPC || errno == EDQUOT || errno == EFBIG ? SQLITE_FULL
										     : SQLITE_IOERR_WRITE;
	}
	return SQLITE_OK;
}

static int fdf_truncate(sqlite3_file *f, sqlite3_int64 size)
{
	return ftruncate(fd_of(f), (off_t)size) == 0 ? SQLITE_OK : SQLITE_IOERR_TRUNCATE;
}

static int fdf_sync(sqlite3_file *f, int flags)
{
	return fsync(fd_of(f)) == 0 ? SQLITE_OK : SQLITE_IOERR_FSYNC;
}

static int fdf_size(sqlite3_file *f, sqlite3_int64 *size)
{
	struct stat st;
	if (fstat(fd_of(f), &st) != 0)
		return SQLITE_IOERR_FSTAT;
	*size = (sqlite3_int64)st.st_size;
	return SQLITE_OK;
}

static int fdf_lock(sqlite3_file *f, int level)
{
	return SQLITE_OK;
}

static int fdf_reserved(sqlite3_file *f, int *out)
{
	*out = 0;
	return SQLITE_OK;
}

static int fdf_control(sqlite3_file *f, int op, void *arg)
{
	return SQLITE_NOTFOUND;
}

static int fdf_sector(sqlite3_file *f)
{
	return 4096;
}

static int fdf_device(sqlite3_file *f)
{
	return 0;
}

static const sqlite3_io_methods fd_io = {
	1, fdf_close, fdf_read, fdf_write, fdf_truncate, fdf_sync, fdf_size, fdf_lock, fdf_lock,
	fdf_reserved, fdf_control, fdf_sector, fdf_device, NULL, NULL, NULL, NULL, NULL, NULL,
};

static int fdv_open(sqlite3_vfs *vfs, const char *name, sqlite3_file *f, int flags, int *out)
{
	int n, end = 0;
	f->pMethods = NULL;
	if (!name || sscanf(name, "fd:%d%n", &n, &end) != 1 || name[end] || n < 0)
		return SQLITE_CANTOPEN;
	int fd = pf_dup(n);
	if (fd < 0)
		return SQLITE_CANTOPEN;
	((struct fd_file *)f)->fd = fd;
	f->pMethods = &fd_io;
	if (out)
		*out = flags;
	return SQLITE_OK;
}

/* No journal or -wal is ever there, nor made. */
static int fdv_delete(sqlite3_vfs *vfs, const char *name, int sync)
{
	return SQLITE_OK;
}

static int fdv_access(sqlite3_vfs *vfs, const char *name, int flags, int *out)
{
	*out = 0;
	return SQLITE_OK;
}

static int fdv_full_pathname(sqlite3_vfs *vfs, const char *name, int n, char *out)
{
	if (strlen(name) >= (size_t)n)
		return SQLITE_CANTOPEN;
	strcpy(out, name);
	return SQLITE_OK;
}

/* The VFS's name, registered (not as the default) at the first call; the
 * system's VFS lends it randomness, sleep and time. */
static const char *fd_vfs(void)
{
	static sqlite3_vfs vfs;
	if (vfs.zName)
		return vfs.zName;
	sqlite3_vfs *sys = sqlite3_vfs_find(NULL);
	vfs = *sys;
	vfs.iVersion = 2;
	vfs.szOsFile = (int)sizeof(struct fd_file);
	vfs.pNext = NULL;
	vfs.zName = "cchc-fd";
	vfs.xOpen = fdv_open;
	vfs.xDelete = fdv_delete;
	vfs.xAccess = fdv_access;
	vfs.xFullPathname = fdv_full_pathname;
	if (sqlite3_vfs_register(&vfs, 0) != SQLITE_OK)
		vfs.zName = NULL;
	return vfs.zName;
}

const char *backup_fd_vfs(void)
{
	return fd_vfs();
}

/* "fd:N" for the file being written in t. */
static void fd_name(const struct fs_tmp *t, char out[24])
{
	snprintf(out, 24, "fd:%d", t->fd);
}

/* ---- verifying ---- */

static bool is_corrupt(int rc)
{
	return (rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB;
}

/* SQLite's reason in words a clerk reads, for the codes met here; its own
 * English text otherwise. */
static const char *reason(sqlite3 *h, int rc)
{
	switch (rc & 0xff) {
	case SQLITE_CORRUPT:
		return "cấu trúc tệp bị hỏng";
	case SQLITE_NOTADB:
		return "không phải tệp cơ sở dữ liệu SQLite";
	case SQLITE_IOERR:
		return err_sys(sqlite3_system_errno(h) ? sqlite3_system_errno(h) : EIO);
	case SQLITE_CANTOPEN:
		return "không mở được tệp";
	case SQLITE_READONLY:
	case SQLITE_PERM:
		return "không được phép ghi";
	case SQLITE_NOMEM:
		return err_sys(ENOMEM);
	default:
		return sqlite3_errmsg(h);
	}
}

/* "file:" URI opening path read-only and, when immutable, such that SQLite
 * takes no lock and creates no -wal or -shm file beside it. */
static char *readonly_uri(const char *path, bool immutable)
{
	static const char safe[] = "/._-~";
	struct sbuf b = SBUF_INIT;
	sbuf_add(&b, path[0] == '/' ? "file://" : "file:");
	for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
		bool plain = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
			     (*p >= '0' && *p <= '9') || strchr(safe, *p);
		if (plain)
			sbuf_addc(&b, (char)*p);
		else
			sbuf_addf(&b, "%%%02X", *p);
	}
	sbuf_add(&b, immutable ? "?mode=ro&immutable=1" : "?mode=ro");
	return sbuf_detach(&b);
}

char *backup_readonly_uri(const char *path, bool immutable)
{
	return readonly_uri(path, immutable);
}

/* Whether a file (a copy brought from elsewhere) has a -wal beside it that
 * holds something: committed changes not yet in the main file, which an
 * immutable open would not see. */
static bool has_wal(const char *path)
{
	struct sbuf b = SBUF_INIT;
	sbuf_addf(&b, "%s-wal", path);
	struct stat st;
	bool wal = stat(b.s, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0;
	sbuf_free(&b);
	return wal;
}

/* Opens path read-only to copy or check it: immutable, unless (a file of
 * the system's, vfs NULL) a -wal beside it holds changes, which are then
 * read too, so that a copy taken with its -wal is restored whole. */
static int open_immutable(const char *path, const char *vfs, sqlite3 **h)
{
	char *uri = readonly_uri(path, vfs || !has_wal(path));
	int rc = sqlite3_open_v2(uri, h, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, vfs);
	free(uri);
	if (rc == SQLITE_OK) {
		sqlite3_extended_result_codes(*h, 1);
		/* a newer SQLite's integrity_check also checks the FTS5 index */
		rc = fts_register(*h, NULL) ? SQLITE_ERROR : SQLITE_OK;
	}
	return rc;
}

/* The file (shown to the clerk as shown) starts with SQLite's magic string. */
static int check_header(const char *path, const char *shown, struct cchc_err *err)
{
	struct stat st;
	if (stat(path, &st) != 0)
		return err_set(err, CCHC_EIO, "Không mở được %s: %s", shown, err_sys(errno));
	if (!S_ISREG(st.st_mode))
		return err_set(err, CCHC_EINPUT, "%s không phải là một tệp thông thường", shown);
	char head[16] = { 0 };
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return err_set(err, CCHC_EIO, "Không mở được %s: %s", shown, err_sys(errno));
	ssize_t r = read(fd, head, sizeof head);
	close(fd);
	if (r != (ssize_t)sizeof head || memcmp(head, "SQLite format 3", 16) != 0)
		return err_set(err, CCHC_EINPUT, "%s không phải là tệp cơ sở dữ liệu SQLite.", shown);
	return CCHC_OK;
}

/* The first column of the first row as text (malloc'd), or NULL with *rc. */
static char *first_text(sqlite3 *h, const char *sql, int *rc)
{
	sqlite3_stmt *st;
	char *v = NULL;
	*rc = sqlite3_prepare_v2(h, sql, -1, &st, NULL);
	if (*rc != SQLITE_OK)
		return NULL;
	*rc = sqlite3_step(st);
	if (*rc == SQLITE_ROW) {
		const unsigned char *t = sqlite3_column_text(st, 0);
		v = xstrdup(t ? (const char *)t : "");
		*rc = sqlite3_step(st) == SQLITE_ROW ? SQLITE_ROW : SQLITE_OK;
	}
	sqlite3_finalize(st);
	return v;
}

static int verify_fail(sqlite3 *h, int rc, const char *path, struct cchc_err *err)
{
	if (is_corrupt(rc) || is_corrupt(sqlite3_extended_errcode(h)))
		return err_set(err, CCHC_ECORRUPT, "Tệp %s bị hỏng%s.", path,
			       ((is_corrupt(rc) ? rc : sqlite3_extended_errcode(h)) & 0xff) == SQLITE_NOTADB
			       ? " (không phải tệp cơ sở dữ liệu SQLite)" : "");
	return err_set(err, CCHC_EDB, "Không đọc được %s: %s", path, reason(h, rc));
}

static int verify_meta(sqlite3 *h, const char *path, int *version, struct cchc_err *err)
{
	int rc;
	char *app = first_text(h, "PRAGMA application_id", &rc);
	char *ver = app ? first_text(h, "PRAGMA user_version", &rc) : NULL;
	long a = app ? atol(app) : 0, v = ver ? atol(ver) : 0;
	free(app);
	free(ver);
	if (!ver)
		return verify_fail(h, rc, path, err);
	if (a != CCHC_APPLICATION_ID)
		return err_set(err, CCHC_EINPUT, "Tệp %s là cơ sở dữ liệu SQLite nhưng không phải của "
			       "cchc.", path);
	if (v > db_schema_version())
		return err_set(err, CCHC_ENEWER, "Tệp %s do một phiên bản cchc mới hơn tạo (lược đồ "
			       "%ld, bản này chỉ hiểu đến %d). Hãy cập nhật cchc.", path, v,
			       db_schema_version());
	if (version)
		*version = (int)v;
	return CCHC_OK;
}

/* A progress handler: a check shows it is alive, and stops
 * (SQLITE_INTERRUPT) when the clerk asks. */
static int tick(void *p)
{
	return !progress_tick(p);
}

/* The integrity check, reporting to p (may be NULL). */
static int verify_integrity(sqlite3 *h, const char *path, struct progress *p,
			    struct cchc_err *err)
{
	int rc;
	if (p)
		sqlite3_progress_handler(h, 20000, tick, p);
	char *res = first_text(h, "PRAGMA integrity_check(1)", &rc);
	if (!res)
		return verify_fail(h, rc, path, err);
	bool ok = strcmp(res, "ok") == 0 && rc == SQLITE_OK;
	const char *what = strncmp(res, "*** in database main ***\n", 25) == 0 ? res + 25 : res;
	if (!ok)
		err_set(err, CCHC_ECORRUPT, "Tệp %s bị hỏng (chi tiết kỹ thuật, integrity_check: "
			"%.200s).", path, what);
	free(res);
	return ok ? CCHC_OK : CCHC_ECORRUPT;
}

/* backup_verify for the file named path, through the VFS vfs (NULL: the
 * system's; else a copy just written), called shown in messages. */
static int verify_as(const char *path, const char *vfs, const char *shown, int *version,
		     struct progress *p, struct cchc_err *err)
{
	if (!vfs && check_header(path, shown, err))
		return err->code;
	sqlite3 *h = NULL;
	int rc = open_immutable(path, vfs, &h);
	if (rc != SQLITE_OK)
		rc = verify_fail(h, rc, shown, err);
	else if (!(rc = verify_meta(h, shown, version, err)))
		rc = verify_integrity(h, shown, p, err);
	sqlite3_close(h);
	return rc;
}

int backup_verify(const char *path, int *version, struct cchc_err *err)
{
	return verify_as(path, NULL, path, version, NULL, err);
}

/* ---- making ---- */

static int copy_fail(sqlite3 *h, int rc, const char *dest, struct cchc_err *err)
{
	int sys = sqlite3_system_errno(h);
	/* a write with no room for even a byte is an I/O error, not SQLITE_FULL */
	if ((rc & 0xff) == SQLITE_IOERR && (sys == ENOSPC || sys == EDQUOT || sys == EFBIG))
		rc = SQLITE_FULL;
	switch (rc & 0xff) {
	case SQLITE_FULL:
		return err_set(err, CCHC_EIO, "Đĩa đầy: không ghi được tệp %s (phần đã ghi dở được "
			       "xóa). Hãy giải phóng chỗ trống rồi thử lại.", dest);
	case SQLITE_IOERR:
	case SQLITE_CANTOPEN:
	case SQLITE_READONLY:
		return err_set(err, CCHC_EIO, "Không ghi được tệp %s: %s.", dest, reason(h, rc));
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return err_set(err, CCHC_EBUSY, "Cơ sở dữ liệu đang bận, chưa chép được; hãy thử lại.");
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB:
		return err_set(err, CCHC_ECORRUPT, "Không chép được: cơ sở dữ liệu bị hỏng (%s). Hãy "
			       "chạy: cchc check", reason(h, rc));
	default:
		return err_set(err, CCHC_EDB, "Không ghi được tệp %s: %s", dest, reason(h, rc));
	}
}

/* The copy has no -wal of its own: it is marked a rollback-journal
 * database (header bytes 18 and 19 from 2 to 1), as leaving WAL mode would. */
static int mark_rollback(int fd)
{
	unsigned char v[2];
	if (pread(fd, v, 2, 18) != 2)
		return -1;
	if (v[0] != 2 && v[1] != 2)
		return 0;
	v[0] = v[1] = 1;
	return pwrite(fd, v, 2, 18) == 2 ? 0 : -1;
}

#define PAGES_PER_STEP 256   /* a megabyte of 4 KiB pages between progress reports */

/* Runs the backup b a step at a time, reporting the pages to p, inside a
 * read transaction of src (its own, unless src is in one already), so that
 * the steps copy one state of it as a single step would: a write by another
 * program never makes the copy start again. SQLITE_INTERRUPT when the clerk
 * stops it. */
static int step_pages(sqlite3 *src, sqlite3_backup *b, struct progress *p)
{
	bool own = sqlite3_get_autocommit(src);
	int rc = own ? sqlite3_exec(src, "BEGIN; SELECT count(*) FROM sqlite_master", NULL, NULL,
				    NULL) : SQLITE_OK;
	while (rc == SQLITE_OK) {
		rc = sqlite3_backup_step(b, PAGES_PER_STEP);
		int total = sqlite3_backup_pagecount(b);
		progress_total(p, total);
		if (!progress_update(p, total - sqlite3_backup_remaining(b),
				     total - sqlite3_backup_remaining(b)))
			rc = SQLITE_INTERRUPT;
	}
	if (own && !sqlite3_get_autocommit(src))
		sqlite3_exec(src, "COMMIT", NULL, NULL, NULL);
	return rc;
}

/* Copies every page of src's main database into t with the online backup
 * API, in one read transaction (a consistent copy while others write). */
static int copy_pages(sqlite3 *src, struct fs_tmp *t, const char *dest, struct progress *p,
		      struct cchc_err *err)
{
	sqlite3 *d = NULL;
	const char *vfs = fd_vfs();
	char name[24];
	fd_name(t, name);
	int rc = vfs ? sqlite3_open_v2(name, &d, SQLITE_OPEN_READWRITE, vfs) : SQLITE_ERROR;
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(d, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF", NULL,
				  NULL, NULL);
	sqlite3_backup *b = rc == SQLITE_OK ? sqlite3_backup_init(d, "main", src, "main") : NULL;
	if (b) {
		rc = step_pages(src, b, p);
		int fin = sqlite3_backup_finish(b);
		rc = rc == SQLITE_DONE ? fin : rc;
	} else if (rc == SQLITE_OK) {
		rc = sqlite3_errcode(d);
	}
	int res = rc == SQLITE_OK ? CCHC_OK : copy_fail(d, rc, dest, err);
	sqlite3_close(d);
	if (!res && mark_rollback(t->fd) != 0)
		res = err_set(err, CCHC_EIO, "Không ghi được tệp %s: %s", dest, err_sys(errno));
	return res;
}

/* The copy in t checked as backup_verify checks a file, reporting to p. */
static int verify_copy(const struct fs_tmp *t, const char *dest, const char *what,
		       struct progress *p, struct cchc_err *err)
{
	char name[24], phase[96];
	fd_name(t, name);
	snprintf(phase, sizeof phase, "%s, kiểm tra bản chép", what);
	progress_phase(p, phase, NULL, 0);
	int rc = verify_as(name, fd_vfs(), dest, NULL, p, err);
	if (rc && !progress_cancelled(p))
		err_wrap(err, "Bản chép vừa ghi không đạt khi kiểm tra nên đã bỏ: ", "");
	return rc;
}

/* A checked copy of src for dest in t, not yet in place (fs_tmp_commit
 * puts it there as flags allow); what names the work in its progress
 * ("Sao lưu"). Stopped by the clerk, the copy is removed (CCHC_ECANCEL). */
static int snapshot(sqlite3 *src, struct fs_tmp *t, const char *dest, int flags,
		    const char *what, struct cchc_err *err)
{
	if (fs_tmp_open(t, dest, 0600, flags, err))
		return err->code;
	struct progress *p = progress_begin(what, "trang", 0, PROGRESS_CANCEL);
	int rc = copy_pages(src, t, dest, p, err);
	if (!rc && !progress_cancelled(p))
		rc = verify_copy(t, dest, what, p, err);
	if (progress_cancelled(p))
		rc = err_set(err, CCHC_ECANCEL, "%s đã dừng theo yêu cầu; bản chép dở đã được xóa.",
			     what);
	progress_end(p);
	if (rc)
		fs_tmp_abort(t);
	return rc;
}

/* src's pages to dest, checked, then in place as flags allow. */
static int copy_checked(sqlite3 *src, const char *dest, int flags, struct cchc_err *err)
{
	struct fs_tmp t;
	if (snapshot(src, &t, dest, flags, "Sao lưu", err))
		return err->code;
	return fs_tmp_commit(&t, dest, err);
}

int backup_make(struct db *db, const char *dest, int flags, struct cchc_err *err)
{
	if (!sqlite3_get_autocommit(db->h))
		return err_set(err, CCHC_EDB, "Không sao lưu được giữa một thao tác ghi.");
	flags &= FS_OVERWRITE;
	struct stat st;
	if (fs_guard_check(dest, err))
		return err->code;
	if (stat(dest, &st) == 0 && S_ISDIR(st.st_mode))
		return err_set(err, CCHC_EINPUT, "%s là một thư mục; hãy ghi bản sao lưu ra một tệp "
			       "(ví dụ %s/cchc-sao-luu.db).", dest, dest);
	if (exists(dest) && !(flags & FS_OVERWRITE))
		return err_set(err, CCHC_EDUP, "Đã có tệp %s; hãy chọn tên khác (cchc không ghi đè), "
			       "hoặc thêm --force nếu muốn thay tệp đó.", dest);
	char *dir = fs_dirname(dest);
	bool isdir = stat(dir, &st) == 0 && S_ISDIR(st.st_mode);
	if (!isdir)
		err_set(err, CCHC_EIO, "Không có thư mục %s để ghi bản sao lưu.", dir);
	free(dir);
	return isdir ? copy_checked(db->h, dest, flags, err) : err->code;
}

/* ---- listing ---- */

static int cmp_newest_first(const void *a, const void *b)
{
	const struct backup_info *x = a, *y = b;
	int c = strcmp(y->date, x->date);
	return c ? c : strcmp(y->time, x->time);
}

static void add_entry(struct backup_info **v, int *n, const char *dir, const char *name,
		      const struct backup_info *parsed)
{
	struct sbuf p = SBUF_INIT;
	sbuf_addf(&p, "%s/%s", dir, name);
	struct stat st;
	if (stat(p.s, &st) != 0 || !S_ISREG(st.st_mode)) {
		sbuf_free(&p);
		return;
	}
	*v = xrealloc(*v, sizeof **v * (size_t)(*n + 1));
	struct backup_info *b = &(*v)[(*n)++];
	*b = *parsed;
	b->path = sbuf_detach(&p);
	b->size = (int64_t)st.st_size;
	if (b->kind == BACKUP_DAILY) {
		struct tm tm;
		localtime_r(&st.st_mtime, &tm);
		strftime(b->time, sizeof b->time, "%H%M%S", &tm);
	}
}

int backup_list(const char *db_path, struct backup_info **out, int *n, struct cchc_err *err)
{
	*out = NULL;
	*n = 0;
	char *dir = backup_dir(db_path), *stem = db_stem(db_path);
	DIR *d = opendir(dir);
	int rc = CCHC_OK;
	if (!d && errno != ENOENT)
		rc = err_set(err, CCHC_EIO, "Không đọc được thư mục %s: %s", dir, err_sys(errno));
	for (struct dirent *e; d && (e = readdir(d));) {
		struct backup_info b = { 0 };
		if (e->d_name[0] != '.' && parse_name(e->d_name, stem, &b))
			add_entry(out, n, dir, e->d_name, &b);
	}
	if (d)
		closedir(d);
	if (*n > 1)
		qsort(*out, (size_t)*n, sizeof **out, cmp_newest_first);
	free(dir);
	free(stem);
	return rc;
}

void backup_info_clear(struct backup_info *b)
{
	free(b->path);
	b->path = NULL;
}

void backup_list_free(struct backup_info *v, int n)
{
	for (int i = 0; i < n; i++)
		free(v[i].path);
	free(v);
}

bool backup_newest_good(const char *db_path, struct backup_info *out)
{
	struct backup_info *v;
	int n;
	bool found = false;
	if (backup_list(db_path, &v, &n, NULL))
		return false;
	for (int i = 0; i < n && !found; i++) {
		struct cchc_err e = { 0 };
		if (v[i].kind == BACKUP_BEFORE_RESTORE)
			continue;
		if (backup_verify(v[i].path, NULL, &e) == CCHC_OK) {
			*out = v[i];
			v[i].path = NULL;
			found = true;
		}
	}
	backup_list_free(v, n);
	return found;
}

/* ---- the daily backup and its rotation ---- */

static bool auto_disabled(struct db *db)
{
	const char *env = getenv("CCHC_NO_AUTO_BACKUP");
	if (env && *env && strcmp(env, "0") != 0)
		return true;
	char *v = settings_get(db, "backup.auto");
	bool off = strcmp(v, "no") == 0;
	free(v);
	return off;
}

/* Whether the daily backup of this database was tried today by this
 * process: a failure (a full disk) is then reported once, not at every write. */
static bool tried_today(const char *db_path, const char *date)
{
	static char last[4096 + 16];
	struct sbuf k = SBUF_INIT;
	sbuf_addf(&k, "%s\n%s", date, db_path);
	bool same = strcmp(last, k.s) == 0;
	snprintf(last, sizeof last, "%s", k.s);
	sbuf_free(&k);
	return same;
}

static int delete_backup(const char *path, struct cchc_err *err)
{
	if (unlink(path) != 0 && errno != ENOENT)
		return err_set(err, CCHC_EIO, "Không xóa được bản sao lưu cũ %s: %s", path,
			       err_sys(errno));
	return CCHC_OK;
}

/* The daily backups are newest first: keep the first keep_daily, then the
 * first (newest) of each month for keep_monthly months. */
static int rotate(struct backup_info *v, int n, int keep_daily, int keep_monthly,
		  struct cchc_err *err)
{
	char month[8] = "";
	int kept_daily = 0, kept_months = 0, rc = CCHC_OK;
	for (int i = 0; i < n; i++) {
		if (v[i].kind != BACKUP_DAILY)
			continue;
		if (kept_daily < keep_daily) {
			kept_daily++;
			continue;
		}
		if (strncmp(month, v[i].date, 7) != 0 && kept_months < keep_monthly) {
			memcpy(month, v[i].date, 7);
			kept_months++;
			continue;
		}
		if (delete_backup(v[i].path, err))
			rc = err->code;
	}
	return rc;
}

/* Temporary files an interrupted backup left in the folder where files
 * cannot be written unnamed (over a day old, so that a backup being written
 * now is not touched). */
static void remove_stale_temps(const char *dir)
{
	DIR *d = opendir(dir);
	time_t limit = time(NULL) - 24 * 3600;
	for (struct dirent *e; d && (e = readdir(d));) {
		if (!strstr(e->d_name, ".db.tmp."))
			continue;
		struct sbuf p = SBUF_INIT;
		sbuf_addf(&p, "%s/%s", dir, e->d_name);
		struct stat st;
		if (lstat(p.s, &st) == 0 && S_ISREG(st.st_mode) && st.st_mtime < limit)
			unlink(p.s);
		sbuf_free(&p);
	}
	if (d)
		closedir(d);
}

static int backup_rotate(struct db *db, struct cchc_err *err)
{
	struct backup_info *v;
	int n;
	if (backup_list(db->path, &v, &n, err))
		return err->code;
	int rc = rotate(v, n, settings_get_int(db, "backup.keep_daily", 14),
			settings_get_int(db, "backup.keep_monthly", 12), err);
	backup_list_free(v, n);
	char *dir = backup_dir(db->path);
	remove_stale_temps(dir);
	free(dir);
	return rc;
}

static char *daily_path(const char *db_path, const char *date)
{
	char *dir = backup_dir(db_path), *stem = db_stem(db_path);
	struct sbuf b = SBUF_INIT;
	sbuf_addf(&b, "%s/%s-%s.db", dir, stem, date);
	free(dir);
	free(stem);
	return sbuf_detach(&b);
}

static int daily_write(struct db *db, const char *path, struct cchc_err *err)
{
	char *dir = backup_dir(db->path);
	int rc = fs_mkdir_p(dir, 0700, err);
	free(dir);
	if (!rc)
		rc = backup_make(db, path, FS_NEW, err);
	if (rc)
		return err_wrap(err, "Chưa sao lưu tự động được: ", "");
	if (backup_rotate(db, err))
		return err_wrap(err, "Đã sao lưu tự động nhưng chưa dọn được các bản cũ: ", "");
	return CCHC_OK;
}

#define DAILY_FAILED "backup.failed"  /* setting: "YYYY-MM-DD<tab>why" of a failed daily backup */

/* What the daily backup of date came to, kept in the database for the
 * Overview and `cchc check`: why it failed, or nothing once one succeeds. */
static void daily_record(struct db *db, const char *date, const struct cchc_err *failure)
{
	struct cchc_err e = { 0 };
	if (failure) {
		struct sbuf b = SBUF_INIT;
		sbuf_addf(&b, "%s\t%s", date, failure->msg);
		db_setting_set(db, DAILY_FAILED, b.s, &e);
		sbuf_free(&b);
	} else if (db_int_by_text(db, "SELECT count(*) FROM setting WHERE key = ?", DAILY_FAILED)) {
		db_exec(db, "DELETE FROM setting WHERE key = '" DAILY_FAILED "'", &e);
	}
}

bool backup_daily_failure(struct db *db, char date[11], char **why)
{
	char *v = db_setting_get(db, DAILY_FAILED);
	char *tab = v ? strchr(v, '\t') : NULL;
	if (!tab || tab - v != 10) {
		free(v);
		return false;
	}
	memcpy(date, v, 10);
	date[10] = '\0';
	*why = xstrdup(tab + 1);
	free(v);
	return true;
}

/* Today's daily backup path (malloc'd) and date, or NULL when this
 * database has none (read-only, in memory, in a transaction). */
static char *daily_today(struct db *db, char date[11])
{
	struct ymd today;
	struct cchc_err e = { 0 };
	if (db->readonly || !db->path || strcmp(db->path, ":memory:") == 0 ||
	    !sqlite3_get_autocommit(db->h) || date_today(&today, &e))
		return NULL;
	date_format_iso(today, date);
	return daily_path(db->path, date);
}

/* That path when the backup is due, else NULL: not there yet, not tried by
 * this process today, not turned off. */
static char *daily_due(struct db *db, char date[11])
{
	char *path = daily_today(db, date);
	if (path && (exists(path) || tried_today(db->path, date) || auto_disabled(db))) {
		free(path);
		return NULL;
	}
	return path;
}

bool backup_daily_due(struct db *db)
{
	char date[11];
	char *path = daily_due(db, date);
	free(path);
	return path != NULL;
}

/* backups/.<name>-daily.lock, held while a daily backup is written, so
 * that a second cchc waits for the first and then finds the backup made:
 * a descriptor to close, or -1 when the system gives no lock. */
static int daily_lock(const char *db_path)
{
	char *dir = backup_dir(db_path), *stem = db_stem(db_path);
	struct sbuf b = SBUF_INIT;
	sbuf_addf(&b, "%s/.%s-daily.lock", dir, stem);
	int fd = pf_lockfile_open(b.s, true);
	if (fd >= 0 && pf_lockfile_lock(fd, true, true) != 0) {
		close(fd);
		fd = -1;
	}
	sbuf_free(&b);
	free(dir);
	free(stem);
	return fd;
}

/* Writes the daily backup path of date, unless another cchc has written
 * it meanwhile, and records how it went. */
static int daily_run(struct db *db, const char *date, const char *path, struct cchc_err *err)
{
	char *dir = backup_dir(db->path);
	int rc = fs_mkdir_p(dir, 0700, err);
	free(dir);
	int lock = rc ? -1 : daily_lock(db->path);
	if (rc)
		err_wrap(err, "Chưa sao lưu tự động được: ", "");
	else if (!exists(path))
		rc = daily_write(db, path, err);
	if (lock >= 0)
		close(lock);
	daily_record(db, date, rc ? err : NULL);
	return rc;
}

int backup_daily(struct db *db, struct cchc_err *err)
{
	char date[11];
	char *path = daily_due(db, date);
	int rc = path ? daily_run(db, date, path, err) : CCHC_OK;
	free(path);
	return rc;
}

/* Whether the daily backup may run in another process: only the cchc
 * program itself can be started as `cchc backup --daily` (main sets it);
 * tests and tools linked with the library make it in their own process. */
static bool daily_background;

void backup_daily_in_background(bool on)
{
	daily_background = on;
}

/* How long backup_daily_start waits for the process it starts: not at all,
 * unless CCHC_BACKUP_WAIT=1 (tests: until it ends). */
static int daily_wait_ms(void)
{
	const char *w = getenv("CCHC_BACKUP_WAIT");
	return w && strcmp(w, "1") == 0 ? -1 : 0;
}

void backup_daily_start(struct db *db)
{
	char date[11];
	char *path = daily_today(db, date);
	if (!path || exists(path)) {
		free(path);
		return;
	}
	char *self = daily_background ? pf_self_path() : NULL;
	struct cchc_err e = { 0 };
	int status = 0, wait_ms = daily_wait_ms();
	const char *argv[] = { self, "--db", db->path, "backup", "--daily", NULL };
	/* the backup holds a lock taken here until it has its own: killed
	 * meanwhile, this cchc never looks to the next one as if it had closed */
	int keep = self ? db_lock_share(db) : -1;
	int rc = self ? spawn_detached_keep(argv, keep, wait_ms, &status, &e) : CCHC_EIO;
	if (keep >= 0)
		close(keep);
	free(self);
	char failed_on[11], *why = NULL;
	if (rc || status == 127) {
		/* no second process: the work is done here, before the write returns */
		if (daily_run(db, date, path, &e))
			snprintf(db->warning, sizeof db->warning, "%s", e.msg);
	} else if (wait_ms < 0 && backup_daily_failure(db, failed_on, &why) &&
		   strcmp(failed_on, date) == 0) {
		snprintf(db->warning, sizeof db->warning, "%s", why);
	}
	free(why);
	free(path);
}

/* ---- restoring ---- */

/* Takes the old database for this connection alone: out of WAL mode (which
 * SQLite refuses while any other connection has the file open) and an
 * exclusive lock held until the connection closes. */
static int lock_alone(sqlite3 *h)
{
	sqlite3_busy_timeout(h, 2000);
	int rc = sqlite3_exec(h, "PRAGMA locking_mode = EXCLUSIVE", NULL, NULL, NULL);
	char *mode = rc == SQLITE_OK ? first_text(h, "PRAGMA journal_mode = DELETE", &rc) : NULL;
	if (mode && strcmp(mode, "delete") != 0)
		rc = SQLITE_BUSY;
	free(mode);
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(h, "BEGIN EXCLUSIVE; COMMIT;", NULL, NULL, NULL);
	return rc;
}

static int busy_error(const char *db_path, struct cchc_err *err)
{
	return err_set(err, CCHC_EBUSY, "Một chương trình khác (cchc hoặc một chương trình như "
		       "sqlite3) đang mở cơ sở dữ liệu %s. Hãy đóng nó rồi khôi phục lại; chưa có gì "
		       "bị thay đổi.", db_path);
}

static char *sibling(const char *path, const char *suffix)
{
	struct sbuf b = SBUF_INIT;
	sbuf_addf(&b, "%s%s", path, suffix);
	return sbuf_detach(&b);
}

static bool sibling_locked(const char *db_path, const char *suffix)
{
	char *p = sibling(db_path, suffix);
	bool locked = pf_locked_by_other(p);
	free(p);
	return locked;
}

/* Opens and locks the current database (*old stays NULL when there is none,
 * or when it is too damaged for SQLite to lock and no one else has it). */
static int take_old(const char *db_path, sqlite3 **old, struct cchc_err *err)
{
	*old = NULL;
	if (!exists(db_path))
		return CCHC_OK;
	sqlite3 *h = NULL;
	int rc = sqlite3_open_v2(db_path, &h, SQLITE_OPEN_READWRITE, NULL);
	if (rc == SQLITE_OK)
		rc = lock_alone(h);
	if (rc == SQLITE_OK) {
		*old = h;
		return CCHC_OK;
	}
	sqlite3_close(h);
	if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
		return busy_error(db_path, err);
	if (pf_locked_by_other(db_path) || sibling_locked(db_path, "-shm"))
		return busy_error(db_path, err);
	return CCHC_OK;
}

/* A database SQLite could not lock (damaged), byte for byte, with the -wal
 * left beside it: whatever can still be salvaged from it stays there. */
static int copy_bytes(const char *db_path, const char *dest, struct cchc_err *err)
{
	char *wal = sibling(db_path, "-wal"), *dest_wal = sibling(dest, "-wal");
	int rc = copy_file(db_path, dest, err);
	if (!rc && exists(wal) && copy_file(wal, dest_wal, err))
		rc = err->code;
	free(wal);
	free(dest_wal);
	return rc;
}

/* Keeps the current database in the backups folder: the locked one page
 * for page (damaged pages too; read through its own connection, since
 * opening the file again and closing it would drop this process's locks). */
static int keep_old(const char *db_path, const char *named, sqlite3 *old, char **kept,
		    struct cchc_err *err)
{
	if (!exists(db_path))
		return CCHC_OK;
	char *dir = backup_dir(named);
	int rc = fs_mkdir_p(dir, 0700, err);
	free(dir);
	char *dest = rc ? NULL : backup_new_path(named, "before-restore-", err);
	if (!dest)
		return err->code;
	struct fs_tmp t;
	struct progress *p = progress_begin("Khôi phục, giữ bản hiện tại", "trang", 0, 0);
	if (!old)
		rc = copy_bytes(db_path, dest, err);
	else if (!(rc = fs_tmp_open(&t, dest, 0600, FS_NEW, err)) &&
		 (rc = copy_pages(old, &t, dest, p, err)))
		fs_tmp_abort(&t);
	else if (!rc)
		rc = fs_tmp_commit(&t, dest, err);
	progress_end(p);
	if (rc)
		err_wrap(err, "Không giữ lại được cơ sở dữ liệu hiện tại nên chưa khôi phục: ", "");
	if (!rc && kept)
		*kept = dest;
	else
		free(dest);
	return rc;
}

/* Puts the new file in place of the database and removes the old one's
 * journal files, while the old one is still locked. */
static int swap_in(struct fs_tmp *t, const char *db_path, struct cchc_err *err)
{
	if (fs_tmp_commit(t, db_path, err))
		return err->code;
	static const char *const stale[] = { "-wal", "-shm", "-journal" };
	for (size_t i = 0; i < sizeof stale / sizeof stale[0]; i++) {
		char *p = sibling(db_path, stale[i]);
		unlink(p);
		free(p);
	}
	return CCHC_OK;
}

/* Refuses a file whose schema holds anything cchc does not make at its
 * version (see store/schema.h), naming it; *remade tells whether the
 * triggers an older cchc made must be dropped from the copy. */
static int check_schema_of(sqlite3 *h, const char *src, int version, bool *remade,
			   struct cchc_err *err)
{
	struct schema_diff d;
	if (schema_compare(h, version, &d, err))
		return err->code;
	*remade = d.remade;
	if (d.n) {
		struct sbuf b = SBUF_INIT;
		for (int i = 0; i < d.n && i < 10; i++)
			sbuf_addf(&b, "%s%s", i ? "; " : "", d.items[i]);
		if (d.n > 10)
			sbuf_addf(&b, "; … và %d chỗ khác", d.n - 10);
		err_set(err, CCHC_EINPUT, "Lược đồ của tệp %s không phải lược đồ cchc tạo (có thể chứa "
			"lệnh chạy ngầm khi ghi): %s.", src, b.s);
		sbuf_free(&b);
	}
	schema_diff_free(&d);
	return err->code;
}

/* Drops from the copy in t the triggers an older cchc made, and the
 * setting that would keep them, so that the next open makes this
 * version's before anything is written (store/schema.h). */
static int drop_derived(struct fs_tmp *t, const char *dest, struct cchc_err *err)
{
	sqlite3 *d = NULL;
	char name[24];
	fd_name(t, name);
	int rc = sqlite3_open_v2(name, &d, SQLITE_OPEN_READWRITE, fd_vfs());
	char *sql = rc == SQLITE_OK ? schema_drop_derived_sql(d) : NULL;
	if (sql)
		rc = sqlite3_exec(d, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF", NULL, NULL,
				  NULL);
	if (sql && rc == SQLITE_OK)
		rc = sqlite3_exec(d, sql, NULL, NULL, NULL);
	free(sql);
	int res = rc == SQLITE_OK ? CCHC_OK : copy_fail(d, rc, dest, err);
	sqlite3_close(d);
	return res;
}

/* A checked copy of src (at schema version) for the database's place, in t. */
static int prepare_new(const char *db_path, const char *src, int version, struct fs_tmp *t,
		       struct cchc_err *err)
{
	char *dir = fs_dirname(db_path);
	int rc = fs_mkdir_p(dir, 0700, err);
	free(dir);
	sqlite3 *h = NULL;
	bool remade = false;
	if (!rc && open_immutable(src, NULL, &h) != SQLITE_OK)
		rc = verify_fail(h, sqlite3_errcode(h), src, err);
	if (!rc)
		rc = check_schema_of(h, src, version, &remade, err);
	if (!rc)
		rc = snapshot(h, t, db_path, FS_OVERWRITE | FS_GUARDED_OK, "Khôi phục", err);
	if (!rc && remade && (rc = drop_derived(t, db_path, err)))
		fs_tmp_abort(t);
	sqlite3_close(h);
	if (rc)
		err_wrap(err, "Chưa khôi phục được: ", " Cơ sở dữ liệu không bị thay đổi.");
	return rc;
}

/* The file a symbolic link at path leads to (malloc'd): restoring replaces
 * that file, so that the link stays a link and every later open sees the
 * restored data. NULL with err set when the link leads nowhere. */
static char *link_target(const char *path, struct cchc_err *err)
{
	struct stat st;
	if (lstat(path, &st) != 0 || !S_ISLNK(st.st_mode))
		return xstrdup(path);
	char *real = realpath(path, NULL);
	if (!real)
		err_set(err, CCHC_EINPUT, "Cơ sở dữ liệu %s là một liên kết tượng trưng nhưng không "
			"dẫn tới tệp nào (%s); hãy sửa liên kết hoặc dùng --db với đường dẫn thật. Chưa "
			"có gì bị thay đổi.", path, err_sys(errno));
	return real;
}

static int restore_at(const char *db_path, const char *named, const char *src, char **kept,
		      struct cchc_err *err);

int backup_restore(const char *db_path, const char *src, char **kept, struct cchc_err *err)
{
	if (kept)
		*kept = NULL;
	char *real = link_target(db_path, err);
	if (!real)
		return err->code;
	int rc = restore_at(real, db_path, src, kept, err);
	free(real);
	return rc;
}

/* backup_restore of the file db_path (no link), whose backups are named
 * after the path the clerk uses (named), where `backup list` finds them. */
static int restore_at(const char *db_path, const char *named, const char *src, char **kept,
		      struct cchc_err *err)
{
	if (pf_same_file(db_path, src))
		return err_set(err, CCHC_EINPUT, "%s chính là cơ sở dữ liệu đang dùng.", src);
	int version = 0;
	if (backup_verify(src, &version, err))
		return err_wrap(err, "Không khôi phục từ tệp này: ", " Cơ sở dữ liệu không bị thay đổi.");
	struct fs_tmp t;
	if (prepare_new(db_path, src, version, &t, err))
		return err->code;
	sqlite3 *old = NULL;
	int rc = take_old(db_path, &old, err);
	if (!rc)
		rc = keep_old(db_path, named, old, kept, err);
	if (!rc && !pf_replace_open_file_ok() && old) {
		/* Windows will not rename over a file that is open: the lock goes
		 * a moment before the swap instead of after it */
		sqlite3_close(old);
		old = NULL;
	}
	if (!rc)
		rc = swap_in(&t, db_path, err);
	else
		fs_tmp_abort(&t);
	if (old)
		sqlite3_close(old);
	if (rc && kept) {
		free(*kept);
		*kept = NULL;
	}
	return rc;
}

/* ---- the message for a damaged database ---- */

/* Appends s for a shell command line: as it is when it is plain. */
static void add_shell_word(struct sbuf *b, const char *s)
{
	bool plain = *s != '\0';
	for (const unsigned char *p = (const unsigned char *)s; *p && plain; p++)
		plain = *p >= 0x80 || (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
			(*p >= '0' && *p <= '9') || strchr("/._-+=:,@", *p);
	if (plain) {
		sbuf_add(b, s);
		return;
	}
	sbuf_addc(b, '\'');
	for (; *s; s++)
		sbuf_add(b, *s == '\'' ? "'\\''" : (char[]){ *s, '\0' });
	sbuf_addc(b, '\'');
}

static void add_restore_command(struct sbuf *b, const char *db_path, const char *backup)
{
	char *def = db_default_path();
	sbuf_add(b, "cchc ");
	if (!def || strcmp(def, db_path) != 0) {
		sbuf_add(b, "--db ");
		add_shell_word(b, db_path);
		sbuf_addc(b, ' ');
	}
	free(def);
	sbuf_add(b, "restore ");
	add_shell_word(b, backup);
}

int backup_corrupt_error(const char *db_path, const char *detail, struct cchc_err *err)
{
	struct sbuf b = SBUF_INIT;
	struct backup_info good;
	sbuf_addf(&b, "Cơ sở dữ liệu %s bị hỏng (%s).\n", db_path, detail);
	if (backup_newest_good(db_path, &good)) {
		struct ymd d;
		char vn[11];
		date_parse_iso(good.date, &d);
		date_format_vn(d, vn);
		sbuf_addf(&b, "Bản sao lưu tốt mới nhất: %s (ngày %s).\nĐể khôi phục nó (tệp hỏng "
			  "được giữ lại trong thư mục backups): ", good.path, vn);
		add_restore_command(&b, db_path, good.path);
		backup_info_clear(&good);
	} else {
		char *dir = backup_dir(db_path);
		sbuf_addf(&b, "Không tìm thấy bản sao lưu tốt nào trong %s. Hãy chép tệp hỏng ra "
			  "chỗ khác trước khi làm gì thêm.", dir);
		free(dir);
	}
	err_set(err, CCHC_ECORRUPT, "%s", b.s);
	sbuf_free(&b);
	return CCHC_ECORRUPT;
}

/* ---- cchc check ---- */

static void report_add(struct check_report *r, enum check_level level, const char *fmt, ...)
	CCHC_PRINTF(3, 4);

static void report_add(struct check_report *r, enum check_level level, const char *fmt, ...)
{
	if (r->n == r->cap) {
		r->cap = r->cap ? 2 * r->cap : 8;
		r->items = xrealloc(r->items, sizeof *r->items * (size_t)r->cap);
	}
	struct sbuf b = SBUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	sbuf_vaddf(&b, fmt, ap);
	va_end(ap);
	r->items[r->n].level = level;
	r->items[r->n++].text = sbuf_detach(&b);
	if (level == CHECK_BAD)
		r->problems++;
}

void check_report_free(struct check_report *r)
{
	for (int i = 0; i < r->n; i++)
		free(r->items[i].text);
	free(r->items);
	memset(r, 0, sizeof *r);
}

#define CHECK_LIST_MAX 20

typedef void (*row_fn)(struct check_report *r, sqlite3_stmt *st);

/* Runs sql, reporting its first rows with fn; returns the number of rows,
 * or -1 (reported as a problem of what) when the query fails. */
static int each_row(struct db *db, const char *sql, struct check_report *r, row_fn fn,
		    const char *what)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db->h, sql, -1, &st, NULL), n = 0;
	if (rc == SQLITE_OK)
		while ((rc = sqlite3_step(st)) == SQLITE_ROW)
			if (n++ < CHECK_LIST_MAX)
				fn(r, st);
	if (rc != SQLITE_DONE)
		report_add(r, CHECK_BAD, "%s: không kiểm tra được (%s)", what, reason(db->h, rc));
	sqlite3_finalize(st);
	if (n > CHECK_LIST_MAX)
		report_add(r, CHECK_BAD, "%s: … và %d chỗ khác", what, n - CHECK_LIST_MAX);
	return rc == SQLITE_DONE ? n : -1;
}

static const char *col_text(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	return t ? (const char *)t : "";
}

static void integrity_row(struct check_report *r, sqlite3_stmt *st)
{
	if (strcmp(col_text(st, 0), "ok") != 0)
		report_add(r, CHECK_BAD, "Cấu trúc tệp hỏng: %s", col_text(st, 0));
}

static void fk_row(struct check_report *r, sqlite3_stmt *st)
{
	if (sqlite3_column_type(st, 1) == SQLITE_NULL)
		report_add(r, CHECK_BAD, "Khóa ngoại: một dòng của bảng %s trỏ đến bản ghi không có "
			   "trong bảng %s", col_text(st, 0), col_text(st, 2));
	else
		report_add(r, CHECK_BAD, "Khóa ngoại: bảng %s, dòng %lld trỏ đến bản ghi không có "
			   "trong bảng %s", col_text(st, 0), (long long)sqlite3_column_int64(st, 1),
			   col_text(st, 2));
}

static void orphan_row(struct check_report *r, sqlite3_stmt *st)
{
	report_add(r, CHECK_BAD, "Tệp kiểm chứng: nội dung %s (%lld byte) không thuộc tài liệu "
		   "nào", col_text(st, 0), (long long)sqlite3_column_int64(st, 1));
}

static void missing_row(struct check_report *r, sqlite3_stmt *st)
{
	report_add(r, CHECK_BAD, "Tệp kiểm chứng: tài liệu %lld, tệp %s: nội dung không còn trong "
		   "cơ sở dữ liệu", (long long)sqlite3_column_int64(st, 0), col_text(st, 1));
}

/* The integrity and foreign key checks read every page: on a big file they
 * take a while, shown as time spent (they cannot tell how far they are). */
static void check_structure(struct db *db, struct check_report *r)
{
	int n = r->problems;
	struct progress *p = progress_begin("Kiểm tra cấu trúc tệp", NULL, 0, 0);
	sqlite3_progress_handler(db->h, 20000, tick, p);
	if (each_row(db, "PRAGMA integrity_check(20)", r, integrity_row, "Cấu trúc tệp") >= 0 &&
	    r->problems == n)
		report_add(r, CHECK_OK, "Cấu trúc tệp (integrity_check): không có lỗi");
	if (each_row(db, "PRAGMA foreign_key_check", r, fk_row, "Khóa ngoại") == 0)
		report_add(r, CHECK_OK, "Khóa ngoại: mọi bản ghi đều trỏ đến bản ghi có thật");
	sqlite3_progress_handler(db->h, 0, NULL, NULL);
	progress_end(p);
}

/* A content in sqlar is kept while an evidence file or the history (for
 * undo and the trash) names it; sqlar names are files/<2 hex>/<sha256>. */
static const char orphan_sql[] =
	"SELECT name, sz FROM sqlar s WHERE s.name IS NOT 'files/' || substr(s.name, 10, 2) || "
	"'/' || substr(s.name, 10) OR (NOT EXISTS (SELECT 1 FROM evidence_file f WHERE f.sha256 = "
	"substr(s.name, 10)) AND NOT EXISTS (SELECT 1 FROM history_change h WHERE h.tbl = "
	"'evidence_file' AND substr(s.name, 10) IN (json_extract(h.old, '$.sha256'), "
	"json_extract(h.new, '$.sha256')))) ORDER BY name";

static const char missing_sql[] =
	"SELECT f.evidence_id, f.name FROM evidence_file f WHERE NOT EXISTS (SELECT 1 FROM sqlar "
	"s WHERE s.name = 'files/' || substr(f.sha256, 1, 2) || '/' || f.sha256) "
	"ORDER BY f.evidence_id, f.seq";

/* The progress of reading every stored file (gigabytes of scans take
 * minutes), in MB read of all there is. */
struct verify_progress {
	int64_t base, total;     /* stored bytes read before this content, in all */
	struct progress *p;
};

static void verify_progress(void *ctx, int64_t done)
{
	struct verify_progress *v = ctx;
	progress_update(v->p, (v->base + done) >> 20, v->base + done);
}

/* Reports the evidence files whose content sha is damaged. */
static void damaged_files(struct db *db, struct check_report *r, const char *sha, int *listed)
{
	sqlite3_stmt *st;
	int found = 0;
	/* the file's number is the one "cchc evidence open MÃ SỐ_TỆP" takes */
	if (sqlite3_prepare_v2(db->h, "SELECT evidence_id, (SELECT count(*) FROM evidence_file g "
			       "WHERE g.evidence_id = f.evidence_id AND g.seq <= f.seq), name FROM "
			       "evidence_file f WHERE sha256 = ? ORDER BY evidence_id, seq", -1, &st,
			       NULL) == SQLITE_OK) {
		sqlite3_bind_text(st, 1, sha, -1, SQLITE_STATIC);
		while (sqlite3_step(st) == SQLITE_ROW) {
			if ((*listed)++ < CHECK_LIST_MAX)
				report_add(r, CHECK_BAD, "Tệp kiểm chứng hỏng: tài liệu %lld, tệp thứ %d "
					   "(%s): nội dung không khớp mã SHA-256 %.16s…",
					   (long long)sqlite3_column_int64(st, 0),
					   sqlite3_column_int(st, 1), col_text(st, 2), sha);
			found++;
		}
		sqlite3_finalize(st);
	}
	if (!found && (*listed)++ < CHECK_LIST_MAX)
		report_add(r, CHECK_BAD, "Tệp kiểm chứng hỏng: nội dung %s (của một tệp đã xóa, còn "
			   "trong lịch sử) không khớp mã SHA-256", sha);
}

/* Reads every stored content and checks it against its SHA-256: a flipped
 * byte, or a compressed form that inflates to other bytes, is found. */
static void check_contents(struct db *db, struct check_report *r)
{
	sqlite3_stmt *st;
	char **shas = NULL;
	int64_t *len = NULL;
	int n = 0;
	struct verify_progress p = { 0 };
	int rc = sqlite3_prepare_v2(db->h, "SELECT substr(name, 10), length(data) FROM sqlar WHERE "
				    "name GLOB 'files/[0-9a-f][0-9a-f]/*' AND length(name) = 73 "
				    "ORDER BY rowid", -1, &st, NULL);
	if (rc == SQLITE_OK) {
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			shas = xrealloc(shas, sizeof *shas * (size_t)(n + 1));
			len = xrealloc(len, sizeof *len * (size_t)(n + 1));
			shas[n] = xstrdup(col_text(st, 0));
			p.total += len[n++] = sqlite3_column_int64(st, 1);
		}
		sqlite3_finalize(st);
	}
	if (rc != SQLITE_DONE)
		report_add(r, CHECK_BAD, "Tệp kiểm chứng: không đọc được nội dung để kiểm tra (%s)",
			   reason(db->h, rc));
	p.p = n ? progress_begin("Kiểm tra tệp kiểm chứng", "MB", p.total, 0) : NULL;
	int bad = 0, listed = 0, unread = 0;
	for (int i = 0; i < n; i++) {
		struct cchc_err e = { 0 };
		int v = files_verify(db, shas[i], verify_progress, &p, &e);
		if (v == CCHC_ECORRUPT) {
			bad++;
			damaged_files(db, r, shas[i], &listed);
		} else if (v != CCHC_OK && unread++ == 0) {
			report_add(r, CHECK_BAD, "Tệp kiểm chứng: không kiểm tra được nội dung %s (%s)",
				   shas[i], e.msg);
		}
		p.base += len[i];
		free(shas[i]);
	}
	free(shas);
	free(len);
	progress_end(p.p);
	if (listed > CHECK_LIST_MAX)
		report_add(r, CHECK_BAD, "Tệp kiểm chứng hỏng: … và %d tệp khác", listed - CHECK_LIST_MAX);
	if (unread > 1)
		report_add(r, CHECK_BAD, "Tệp kiểm chứng: … và %d nội dung khác không kiểm tra được",
			   unread - 1);
	if (bad)
		report_add(r, CHECK_WARN, "Tệp kiểm chứng hỏng: còn tệp gốc thì thêm lại nó (cchc "
			   "evidence edit MÃ --file TỆP) để thay nội dung hỏng, hoặc khôi phục bản sao "
			   "lưu tốt (cchc restore TỆP)");
	else if (rc == SQLITE_DONE && !unread)
		report_add(r, CHECK_OK, "Tệp kiểm chứng: nội dung của %d tệp (%lld MB) khớp mã SHA-256",
			   n, (long long)((p.total + (1 << 20) - 1) >> 20));
}

static void check_files(struct db *db, struct check_report *r)
{
	int orphans = each_row(db, orphan_sql, r, orphan_row, "Tệp kiểm chứng");
	int missing = each_row(db, missing_sql, r, missing_row, "Tệp kiểm chứng");
	if (orphans == 0 && missing == 0)
		report_add(r, CHECK_OK, "Tệp kiểm chứng: mỗi tệp đều có nội dung, không có nội dung "
			   "thừa");
	check_contents(db, r);
}

static void check_search(struct db *db, struct check_report *r)
{
	/* and the dossiers' and tasks' own indexes (schemas 20, 23): one row
	 * per dossier, per task */
	int64_t diff = db_int_by_id(db, "SELECT (SELECT count(*) FROM search_doc) - "
				    "(SELECT count(*) FROM search_fts) + abs((SELECT count(*) FROM "
				    "dossier) - (SELECT count(*) FROM search_dossier_docsize)) + "
				    "abs((SELECT count(*) FROM task) - (SELECT count(*) FROM "
				    "search_task_docsize))", 0);
	if (db->readonly) {
		report_add(r, diff ? CHECK_BAD : CHECK_WARN, "Chỉ mục tìm kiếm: %s (cơ sở dữ liệu chỉ "
			   "đọc nên không kiểm tra sâu hơn)", diff ? "số mục không khớp" : "đủ số mục");
		return;
	}
	struct cchc_err e = { 0 };
	if (db_begin_internal(db, &e)) {
		report_add(r, CHECK_WARN, "Chỉ mục tìm kiếm: chưa kiểm tra được (%s)", e.msg);
		return;
	}
	int rc = sqlite3_exec(db->h, "INSERT INTO search_fts(search_fts) VALUES('integrity-check')",
			      NULL, NULL, NULL);
	char *msg = xstrdup(sqlite3_errmsg(db->h));
	db_rollback(db);
	if (rc != SQLITE_OK)
		report_add(r, CHECK_BAD, "Chỉ mục tìm kiếm không khớp với dữ liệu (%s)", msg);
	else if (diff)
		report_add(r, CHECK_BAD, "Chỉ mục tìm kiếm: số mục không khớp với dữ liệu (lệch %lld)",
			   (long long)diff);
	else
		report_add(r, CHECK_OK, "Chỉ mục tìm kiếm: khớp với dữ liệu");
	free(msg);
}

/* Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm). */
static long days_from_civil(struct ymd d)
{
	int y = d.m <= 2 ? d.y - 1 : d.y;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153L * (d.m > 2 ? d.m - 3 : d.m + 9) + 2) / 5 + d.d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static long backup_age(const struct backup_info *b)
{
	struct ymd d, today;
	if (!date_parse_iso(b->date, &d) || date_today(&today, NULL))
		return 0;
	return days_from_civil(today) - days_from_civil(d);
}

static void report_backup(struct check_report *r, enum check_level level, const char *what,
			  const struct backup_info *b)
{
	struct ymd d = { 0, 0, 0 };
	char vn[11], age[48] = ", hôm nay";
	date_parse_iso(b->date, &d);
	date_format_vn(d, vn);
	long days = backup_age(b);
	if (days > 0)
		snprintf(age, sizeof age, ", %ld ngày trước", days);
	else if (days < 0)
		age[0] = '\0';
	report_add(r, level, "%s: %s (ngày %s%s)", what, b->path, vn, age);
}

static void check_backups(struct db *db, struct check_report *r)
{
	struct backup_info *v, good;
	int n;
	struct cchc_err e = { 0 };
	if (backup_list(db->path, &v, &n, &e)) {
		report_add(r, CHECK_WARN, "Bản sao lưu: %s", e.msg);
		return;
	}
	int newest = 0;
	while (newest < n && v[newest].kind == BACKUP_BEFORE_RESTORE)
		newest++;
	if (newest == n) {
		char *dir = backup_dir(db->path);
		report_add(r, CHECK_WARN, "Chưa có bản sao lưu nào trong %s; hãy chạy: cchc backup", dir);
		free(dir);
	} else if (backup_verify(v[newest].path, NULL, &e) == CCHC_OK) {
		report_backup(r, backup_age(&v[newest]) > 30 ? CHECK_WARN : CHECK_OK,
			      "Bản sao lưu mới nhất (kiểm tra tốt)", &v[newest]);
	} else {
		report_add(r, CHECK_BAD, "Bản sao lưu mới nhất không dùng được: %s", e.msg);
		if (backup_newest_good(db->path, &good)) {
			report_backup(r, CHECK_OK, "Bản sao lưu tốt mới nhất", &good);
			backup_info_clear(&good);
		}
	}
	backup_list_free(v, n);
	char date[11], *why = NULL;
	if (backup_daily_failure(db, date, &why))
		report_add(r, CHECK_WARN, "Sao lưu tự động ngày %s: %s", date, why);
	free(why);
}

/* The counts kept by triggers against a recount: the monthly counts of
 * dossiers (schema 22), the feedback handled on time (schema 27), the
 * coordinating units of open tasks and the finished tasks without
 * evidence (schema 28), the open tasks of unclear deadline (schema 30). They
 * are derived from the rows: counts that differ (a writer that went round
 * the triggers) are recounted at once, in one transaction. */
static const struct {
	const char *what, *rows;         /* the figure, what it counts */
	int (*diff)(struct db *, int64_t *);
	int (*rebuild)(struct db *);
} counts[] = {
	{ "Số đếm hồ sơ theo tháng", "hồ sơ", tally_diff, tally_rebuild },
	{ "Số đếm phản ánh, kiến nghị xử lý đúng hạn", "phản ánh", tally_feedback_diff, tally_feedback_rebuild },
	{ "Danh sách đơn vị phối hợp của nhiệm vụ đang làm", "nhiệm vụ", tally_task_coord_diff,
	  tally_task_coord_rebuild },
	{ "Danh sách nhiệm vụ hoàn thành chưa có tài liệu kiểm chứng", "nhiệm vụ",
	  tally_task_missing_diff, tally_task_missing_rebuild },
	{ "Danh sách nhiệm vụ có thời hạn chưa rõ", "nhiệm vụ", tally_task_unclear_diff,
	  tally_task_unclear_rebuild },
};

static void check_count(struct db *db, struct check_report *r, size_t i)
{
	int64_t diff = 0;
	const char *what = counts[i].what, *rows = counts[i].rows;
	int rc = counts[i].diff(db, &diff);
	if (rc != SQLITE_OK) {
		report_add(r, CHECK_WARN, "%s: chưa kiểm tra được (%s)", what, reason(db->h, rc));
		return;
	}
	if (!diff) {
		report_add(r, CHECK_OK, "%s: khớp với %s", what, rows);
		return;
	}
	struct cchc_err e = { 0 };
	if (db->readonly || db_begin_internal(db, &e)) {
		report_add(r, CHECK_BAD, "%s lệch với %s (%lld dòng); chưa đếm lại được%s%s", what,
			   rows, (long long)diff, e.msg[0] ? ": " : " (chỉ đọc)", e.msg);
		return;
	}
	rc = counts[i].rebuild(db);
	if (rc != SQLITE_OK) {
		db_rollback(db);
		report_add(r, CHECK_BAD, "%s lệch với %s (%lld dòng); đếm lại không được (%s)", what,
			   rows, (long long)diff, reason(db->h, rc));
	} else if (db_commit(db, &e)) {
		report_add(r, CHECK_BAD, "%s lệch với %s (%lld dòng); đếm lại không được (%s)", what,
			   rows, (long long)diff, e.msg);
	} else {
		report_add(r, CHECK_WARN, "%s lệch với %s (%lld dòng): đã đếm lại từ %s", what, rows,
			   (long long)diff, rows);
	}
}

static void check_counts(struct db *db, struct check_report *r)
{
	for (size_t i = 0; i < sizeof counts / sizeof counts[0]; i++)
		check_count(db, r, i);
}

static void check_schema(struct db *db, struct check_report *r);

int backup_check(struct db *db, struct check_report *r, struct cchc_err *err)
{
	memset(r, 0, sizeof *r);
	if (!db->h)
		return err_set(err, CCHC_EDB, "Cơ sở dữ liệu chưa được mở.");
	check_structure(db, r);
	check_schema(db, r);
	check_files(db, r);
	check_search(db, r);
	check_counts(db, r);
	check_backups(db, r);
	return CCHC_OK;
}

/* The schema against what this version makes (store/schema.h): a foreign
 * trigger or view runs code at the next write or read. */
static void check_schema(struct db *db, struct check_report *r)
{
	struct schema_diff d;
	struct cchc_err e = { 0 };
	int version = (int)db_int_by_id(db, "PRAGMA user_version", 0);
	if (schema_compare(db->h, version, &d, &e)) {
		report_add(r, CHECK_WARN, "Lược đồ: chưa kiểm tra được (%s)", e.msg);
		return;
	}
	for (int i = 0; i < d.n; i++)
		report_add(r, CHECK_BAD, "Lược đồ: %s", d.items[i]);
	if (!d.n)
		report_add(r, CHECK_OK, "Lược đồ: bảng, chỉ mục, view, trigger đúng như cchc tạo");
	schema_diff_free(&d);
}
