#include <config.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>
#include "store/files.h"
#include "util/platform.h"
#include "util/fsutil.h"
#include "util/sbuf.h"
#include "util/sha256.h"

#define CHUNK 65536

static void sqlar_name(const char *sha, char out[80])
{
	snprintf(out, 80, "files/%.2s/%s", sha, sha);
}

static void to_hex(struct sha256 *h, char sha[65])
{
	unsigned char d[32];
	sha256_final(h, d);
	for (int i = 0; i < 32; i++)
		snprintf(sha + 2 * i, 3, "%02x", d[i]);
}

/* The row of a stored content: its rowid (0 when none), size and stored size. */
struct content {
	int64_t rowid, sz, n;
};

static int find_content(struct db *db, const char *sha, struct content *c)
{
	char name[80];
	sqlar_name(sha, name);
	memset(c, 0, sizeof *c);
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db->h, "SELECT rowid, sz, length(data) FROM sqlar WHERE name = ?",
				    -1, &st, NULL);
	if (rc != SQLITE_OK)
		return rc;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		c->rowid = sqlite3_column_int64(st, 0);
		c->sz = sqlite3_column_int64(st, 1);
		c->n = sqlite3_column_int64(st, 2);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* ---- reading a stored content ---- */

enum { READ_OK, READ_DAMAGED, READ_DB, READ_WRITE };

/* Streams the content of row c (inflating it unless stored raw, as sqlar
 * does when the stored size equals the size) into fd (-1: nowhere), hashing
 * the bytes into sha. READ_DAMAGED when the compressed form does not inflate
 * to sz bytes; READ_WRITE (errno set) when fd cannot be written. */
static int read_content(struct db *db, const struct content *c, int fd,
			files_progress_fn progress, void *ctx, char sha[65])
{
	sqlite3_blob *b;
	if (sqlite3_blob_open(db->h, "main", "sqlar", "data", c->rowid, 0, &b) != SQLITE_OK)
		return READ_DB;
	int64_t n = sqlite3_blob_bytes(b);
	bool raw = n == c->sz;
	z_stream z;
	memset(&z, 0, sizeof z);
	if (!raw && inflateInit(&z) != Z_OK) {
		sqlite3_blob_close(b);
		return READ_DB;
	}
	struct sha256 h;
	sha256_init(&h);
	unsigned char in[CHUNK], buf[CHUNK];
	int64_t off = 0, total = 0;
	int zr = Z_OK, rc = READ_OK;
	while (off < n && rc == READ_OK) {
		int want = n - off < (int64_t)sizeof in ? (int)(n - off) : (int)sizeof in;
		int s = sqlite3_blob_read(b, in, want, (int)off);
		if (s != SQLITE_OK) {
			rc = s == SQLITE_CORRUPT ? READ_DAMAGED : READ_DB;
			break;
		}
		off += want;
		if (raw) {
			sha256_update(&h, in, (size_t)want);
			total += want;
			if (fd >= 0 && fs_write_all(fd, in, (size_t)want) != 0)
				rc = READ_WRITE;
		} else {
			if (zr == Z_STREAM_END) { /* bytes after the end of the stream */
				rc = READ_DAMAGED;
				break;
			}
			z.next_in = in;
			z.avail_in = (uInt)want;
			do {
				z.next_out = buf;
				z.avail_out = sizeof buf;
				zr = inflate(&z, Z_NO_FLUSH);
				if (zr == Z_BUF_ERROR) { /* no progress: wants the next piece */
					zr = Z_OK;
				} else if (zr != Z_OK && zr != Z_STREAM_END) {
					rc = READ_DAMAGED;
					break;
				}
				size_t have = sizeof buf - z.avail_out;
				sha256_update(&h, buf, have);
				total += (int64_t)have;
				if (total > c->sz)
					rc = READ_DAMAGED;
				else if (fd >= 0 && fs_write_all(fd, buf, have) != 0)
					rc = READ_WRITE;
			} while (rc == READ_OK && zr == Z_OK && z.avail_out == 0);
			if (rc == READ_OK && zr == Z_STREAM_END && z.avail_in > 0)
				rc = READ_DAMAGED;
		}
		if (progress)
			progress(ctx, off);
	}
	if (!raw) {
		if (rc == READ_OK && zr != Z_STREAM_END)
			rc = READ_DAMAGED;
		inflateEnd(&z);
	}
	if (rc == READ_OK && total != c->sz)
		rc = READ_DAMAGED;
	int e = errno;
	sqlite3_blob_close(b);
	errno = e;
	to_hex(&h, sha);
	return rc;
}

static int damaged(const char *sha, const char *shown, struct cchc_err *err)
{
	if (shown)
		return err_set(err, CCHC_ECORRUPT, "Không xuất %s: nội dung tệp trong cơ sở dữ liệu bị "
			       "hỏng (không khớp mã SHA-256 %.16s…); chạy cchc check để xem các tệp hỏng",
			       shown, sha);
	return err_set(err, CCHC_ECORRUPT, "Nội dung tệp %.16s… trong cơ sở dữ liệu bị hỏng (không "
		       "khớp mã SHA-256)", sha);
}

/* Reads the content sha into fd (-1: only checks it). */
static int check_content(struct db *db, const char *sha, int fd, const char *shown,
			 files_progress_fn progress, void *ctx, struct cchc_err *err)
{
	struct content c;
	int s = find_content(db, sha, &c);
	if (s != SQLITE_OK)
		return db_fail(db, s, "đọc tệp", err);
	if (!c.rowid)
		return err_set(err, CCHC_ENOTFOUND, "Thiếu nội dung tệp %s trong cơ sở dữ liệu", sha);
	char got[65];
	int rc = read_content(db, &c, fd, progress, ctx, got);
	if (rc == READ_WRITE)
		return err_set(err, CCHC_EIO, "Không ghi được %s: %s", shown ? shown : "tệp",
			       err_sys(errno));
	if (rc == READ_DB)
		return db_fail(db, sqlite3_errcode(db->h), "đọc tệp", err);
	if (rc == READ_DAMAGED || strcmp(got, sha) != 0)
		return damaged(sha, shown, err);
	return CCHC_OK;
}

int files_verify(struct db *db, const char *sha, files_progress_fn progress, void *ctx,
		 struct cchc_err *err)
{
	return check_content(db, sha, -1, NULL, progress, ctx, err);
}

int files_write_fd(struct db *db, const char *sha, int fd, const char *shown,
		   struct cchc_err *err)
{
	return check_content(db, sha, fd, shown, NULL, NULL, err);
}

int files_extract(struct db *db, const char *sha, const char *out, int flags,
		  struct cchc_err *err)
{
	struct fs_tmp t;
	if (fs_tmp_open(&t, out, 0666, flags, err))
		return err->code;
	if (files_write_fd(db, sha, t.fd, out, err)) {
		fs_tmp_abort(&t);
		return err->code;
	}
	return fs_tmp_commit(&t, out, err);
}

/* ---- storing a file ---- */

/* The mode sqlar rows get: a plain readable file when `sqlite3 -Ax`
 * extracts it. */
#define SQLAR_MODE 0644

/* Whether the file is as it was: same size, modification and change times
 * (to the nanosecond where the system keeps them). */
static bool unchanged(const struct stat *a, const struct stat *b)
{
	if (a->st_dev != b->st_dev || a->st_ino != b->st_ino || a->st_size != b->st_size ||
	    a->st_mtime != b->st_mtime || a->st_ctime != b->st_ctime)
		return false;
#if defined(__APPLE__)
	return a->st_mtimespec.tv_nsec == b->st_mtimespec.tv_nsec &&
	       a->st_ctimespec.tv_nsec == b->st_ctimespec.tv_nsec;
#elif defined(HAVE_STRUCT_STAT_ST_MTIM)
	return a->st_mtim.tv_nsec == b->st_mtim.tv_nsec && a->st_ctim.tv_nsec == b->st_ctim.tv_nsec;
#else
	return true; /* Windows: whole seconds only */
#endif
}

static int changed_error(const char *shown, struct cchc_err *err)
{
	return err_set(err, CCHC_EINPUT, "Tệp %s thay đổi trong khi đang đọc; hãy thử lại khi nó "
		       "không còn được ghi", shown);
}

/* The one reading of the file: hashes it, keeps its bytes in raw and their
 * deflated form in zt, so that what is stored is what was hashed. */
static int read_file(int fd, FILE *raw, FILE *zt, char sha[65], int64_t *size, int64_t *zsize,
		     int64_t max, const char *shown, files_progress_fn progress, void *ctx,
		     struct cchc_err *err)
{
	struct sha256 h;
	z_stream z;
	memset(&z, 0, sizeof z);
	if (deflateInit(&z, Z_DEFAULT_COMPRESSION) != Z_OK)
		return err_set(err, CCHC_ENOMEM, "Không khởi tạo được nén zlib");
	sha256_init(&h);
	unsigned char in[CHUNK], out[CHUNK];
	int rc = CCHC_OK, flush = Z_NO_FLUSH;
	*size = *zsize = 0;
	while (flush != Z_FINISH && rc == CCHC_OK) {
		ssize_t r = read(fd, in, sizeof in);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			rc = err_set(err, CCHC_EIO, "Lỗi khi đọc %s: %s", shown, err_sys(errno));
			break;
		}
		if ((*size += r) > max) {
			rc = err_set(err, CCHC_EINPUT, "Tệp %s lớn hơn giới hạn %lld MB (thiết lập "
				     "evidence.max_mb)", shown, (long long)(max >> 20));
			break;
		}
		sha256_update(&h, in, (size_t)r);
		if (fwrite(in, 1, (size_t)r, raw) != (size_t)r) {
			rc = err_set(err, CCHC_EIO, "Không ghi được tệp tạm khi đọc %s: %s", shown,
				     err_sys(errno));
			break;
		}
		flush = r == 0 ? Z_FINISH : Z_NO_FLUSH;
		z.next_in = in;
		z.avail_in = (uInt)r;
		do {
			z.next_out = out;
			z.avail_out = sizeof out;
			deflate(&z, flush);
			size_t have = sizeof out - z.avail_out;
			if (fwrite(out, 1, have, zt) != have) {
				rc = err_set(err, CCHC_EIO, "Không ghi được tệp tạm khi nén %s: %s", shown,
					     err_sys(errno));
				break;
			}
			*zsize += (int64_t)have;
		} while (z.avail_out == 0);
		if (progress && r > 0)
			progress(ctx, *size);
	}
	deflateEnd(&z);
	to_hex(&h, sha);
	return rc;
}

/* Copies n bytes from the stream into the blob, in pieces. */
static int copy_into_blob(sqlite3_blob *b, FILE *src, int64_t n)
{
	unsigned char buf[CHUNK];
	int64_t off = 0;
	while (off < n) {
		size_t want = n - off < (int64_t)sizeof buf ? (size_t)(n - off) : sizeof buf;
		if (fread(buf, 1, want, src) != want)
			return SQLITE_IOERR;
		int rc = sqlite3_blob_write(b, buf, (int)want, (int)off);
		if (rc != SQLITE_OK)
			return rc;
		off += (int64_t)want;
	}
	return SQLITE_OK;
}

static int insert_blob(struct db *db, const char *name, int64_t size, int64_t stored_size,
		       FILE *src, mode_t mode, time_t mtime)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db->h, "INSERT INTO sqlar(name, mode, mtime, sz, data) "
				    "VALUES(?, ?, ?, ?, zeroblob(?))", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return rc;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, (int)mode);
	sqlite3_bind_int64(st, 3, (int64_t)mtime);
	sqlite3_bind_int64(st, 4, size);
	sqlite3_bind_int64(st, 5, stored_size);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return rc;
	sqlite3_blob *b;
	rc = sqlite3_blob_open(db->h, "main", "sqlar", "data", sqlite3_last_insert_rowid(db->h), 1, &b);
	if (rc != SQLITE_OK)
		return rc;
	rc = copy_into_blob(b, src, stored_size);
	int rc2 = sqlite3_blob_close(b);
	return rc != SQLITE_OK ? rc : rc2;
}

/* Whether the content sha must be written: it is not stored, or what is
 * stored under its name is damaged (then that row is removed, to be
 * replaced by the genuine bytes). */
static int needs_storing(struct db *db, const char *sha, bool *need, struct cchc_err *err)
{
	struct content c;
	int s = find_content(db, sha, &c);
	if (s != SQLITE_OK)
		return db_fail(db, s, "lưu tệp", err);
	*need = !c.rowid;
	if (!c.rowid)
		return CCHC_OK;
	char got[65];
	int rc = read_content(db, &c, -1, NULL, NULL, got);
	if (rc == READ_DB)
		return db_fail(db, sqlite3_errcode(db->h), "đọc tệp đã lưu", err);
	if (rc == READ_OK && strcmp(got, sha) == 0)
		return CCHC_OK;
	sqlite3_stmt *st;
	s = sqlite3_prepare_v2(db->h, "DELETE FROM sqlar WHERE rowid = ?", -1, &st, NULL);
	if (s == SQLITE_OK) {
		sqlite3_bind_int64(st, 1, c.rowid);
		s = sqlite3_step(st) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(db->h);
		sqlite3_finalize(st);
	}
	if (s != SQLITE_OK)
		return db_fail(db, s, "thay nội dung tệp hỏng", err);
	*need = true;
	return CCHC_OK;
}

int files_store_fd(struct db *db, int fd, const char *shown, int64_t max,
		   files_progress_fn progress, void *ctx, char sha[65], int64_t *size,
		   struct cchc_err *err)
{
	struct stat before, after;
	if (fstat(fd, &before) != 0 || !S_ISREG(before.st_mode))
		return err_set(err, CCHC_EINPUT, "%s không phải là một tệp thông thường", shown);
	FILE *raw = pf_tmpfile(), *zt = raw ? pf_tmpfile() : NULL;
	if (!zt) {
		int e = errno;
		if (raw)
			fclose(raw);
		return err_set(err, CCHC_EIO, "Không tạo được tệp tạm: %s", err_sys(e));
	}
	off_t start = lseek(fd, 0, SEEK_CUR);
	int64_t zsize;
	int rc = read_file(fd, raw, zt, sha, size, &zsize, max, shown, progress, ctx, err);
	if (rc == CCHC_OK && (fflush(raw) != 0 || fflush(zt) != 0))
		rc = err_set(err, CCHC_EIO, "Không ghi được tệp tạm khi đọc %s: %s", shown,
			     err_sys(errno));
	/* a file being written meanwhile would be stored under a hash of bytes
	 * it never held at one moment */
	if (rc == CCHC_OK && (fstat(fd, &after) != 0 || !unchanged(&before, &after) ||
			      (start >= 0 && start + *size != after.st_size)))
		rc = changed_error(shown, err);
	bool need = false;
	if (rc == CCHC_OK)
		rc = needs_storing(db, sha, &need, err);
	if (rc == CCHC_OK && need) {
		char name[80];
		sqlar_name(sha, name);
		/* sqlar keeps the raw bytes when compressing does not make them smaller */
		bool keep_raw = zsize >= *size;
		FILE *src = keep_raw ? raw : zt;
		rewind(src);
		/* one stored copy serves every record whose file has these
		 * bytes: the mode of whichever came first would mean nothing,
		 * and would differ between Linux and Windows */
		int s = insert_blob(db, name, *size, keep_raw ? *size : zsize, src, SQLAR_MODE,
				    before.st_mtime);
		if (s != SQLITE_OK)
			rc = db_fail(db, s, "lưu tệp", err);
	}
	fclose(raw);
	fclose(zt);
	return rc;
}

int files_store(struct db *db, const char *path, int64_t max, char sha[65], int64_t *size,
		struct cchc_err *err)
{
	if (fs_is_guarded(path)) /* read while it is written: no consistent copy */
		return err_set(err, CCHC_EINPUT, "%s là tệp dữ liệu cchc đang dùng (hoặc tệp nhật ký "
			       "của nó), không lưu làm tài liệu kiểm chứng được. Muốn lưu một bản, hãy "
			       "chép bằng cchc backup --to TỆP rồi thêm TỆP đó.", path);
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0)
		return err_set(err, CCHC_EIO, "Không mở được tệp %s: %s", path, err_sys(errno));
	int rc = files_store_fd(db, fd, path, max, NULL, NULL, sha, size, err);
	close(fd);
	return rc;
}

int files_copy(struct db *from, struct db *to, const char *sha, struct cchc_err *err)
{
	struct content c, have;
	if (find_content(to, sha, &have) != SQLITE_OK)
		return db_fail(to, sqlite3_errcode(to->h), "đọc tệp đã lưu", err);
	if (have.rowid)
		return CCHC_OK;
	if (find_content(from, sha, &c) != SQLITE_OK)
		return db_fail(from, sqlite3_errcode(from->h), "đọc tệp", err);
	if (!c.rowid)
		return err_set(err, CCHC_ENOTFOUND, "Không có tệp %.12s… trong dữ liệu.", sha);
	char name[80];
	sqlar_name(sha, name);
	int64_t mode = 0644, mtime = 0;
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(from->h, "SELECT mode, mtime FROM sqlar WHERE rowid = ?", -1,
				    &st, NULL);
	if (rc != SQLITE_OK)
		return db_fail(from, rc, "đọc tệp", err);
	sqlite3_bind_int64(st, 1, c.rowid);
	if (sqlite3_step(st) == SQLITE_ROW) {
		mode = sqlite3_column_int64(st, 0);
		mtime = sqlite3_column_int64(st, 1);
	}
	sqlite3_finalize(st);
	rc = sqlite3_prepare_v2(to->h, "INSERT INTO sqlar(name, mode, mtime, sz, data) "
				"VALUES(?, ?, ?, ?, zeroblob(?))", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return db_fail(to, rc, "ghi tệp", err);
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, mode);
	sqlite3_bind_int64(st, 3, mtime);
	sqlite3_bind_int64(st, 4, c.sz);
	sqlite3_bind_int64(st, 5, c.n);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_fail(to, rc, "ghi tệp", err);
	sqlite3_blob *in = NULL, *out = NULL;
	rc = sqlite3_blob_open(from->h, "main", "sqlar", "data", c.rowid, 0, &in);
	if (rc == SQLITE_OK)
		rc = sqlite3_blob_open(to->h, "main", "sqlar", "data",
				       sqlite3_last_insert_rowid(to->h), 1, &out);
	static unsigned char buf[CHUNK];
	for (int64_t off = 0; rc == SQLITE_OK && off < c.n; off += CHUNK) {
		int n = c.n - off < CHUNK ? (int)(c.n - off) : CHUNK;
		rc = sqlite3_blob_read(in, buf, n, (int)off);
		if (rc == SQLITE_OK)
			rc = sqlite3_blob_write(out, buf, n, (int)off);
	}
	if (in)
		sqlite3_blob_close(in);
	if (out) {
		int rc2 = sqlite3_blob_close(out);
		rc = rc == SQLITE_OK ? rc2 : rc;
	}
	if (rc != SQLITE_OK)
		return db_fail(to, rc, "chép tệp", err);
	return CCHC_OK;
}
