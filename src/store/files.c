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
#include "util/fsutil.h"
#include "util/sbuf.h"
#include "util/sha256.h"

#define CHUNK 65536

static void sqlar_name(const char *sha, char out[80])
{
	snprintf(out, 80, "files/%.2s/%s", sha, sha);
}

static bool stored(struct db *db, const char *name)
{
	return db_int_by_text(db, "SELECT 1 FROM sqlar WHERE name = ?1", name) != 0;
}

/* Pass one: hash the file and deflate it into tmp. */
static int hash_and_compress(int fd, FILE *tmp, char sha[65], int64_t *size, int64_t *zsize,
			     int64_t max, const char *path, struct cchc_err *err)
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
			rc = err_set(err, CCHC_EIO, "Lỗi khi đọc %s: %s", path, err_sys(errno));
			break;
		}
		if ((*size += r) > max) {
			rc = err_set(err, CCHC_EINPUT, "Tệp %s lớn hơn giới hạn %lld MB (thiết lập "
				     "evidence.max_mb)", path, (long long)(max >> 20));
			break;
		}
		sha256_update(&h, in, (size_t)r);
		flush = r == 0 ? Z_FINISH : Z_NO_FLUSH;
		z.next_in = in;
		z.avail_in = (uInt)r;
		do {
			z.next_out = out;
			z.avail_out = sizeof out;
			deflate(&z, flush);
			size_t have = sizeof out - z.avail_out;
			if (fwrite(out, 1, have, tmp) != have) {
				rc = err_set(err, CCHC_EIO, "Không ghi được tệp tạm khi nén %s", path);
				break;
			}
			*zsize += (int64_t)have;
		} while (z.avail_out == 0);
	}
	deflateEnd(&z);
	unsigned char d[32];
	sha256_final(&h, d);
	for (int i = 0; i < 32; i++)
		snprintf(sha + 2 * i, 3, "%02x", d[i]);
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

int files_store(struct db *db, const char *path, int64_t max, char sha[65], int64_t *size,
		struct cchc_err *err)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return err_set(err, CCHC_EIO, "Không mở được tệp %s: %s", path, err_sys(errno));
	struct stat st;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return err_set(err, CCHC_EINPUT, "%s không phải là một tệp thông thường", path);
	}
	FILE *tmp = tmpfile();
	if (!tmp) {
		close(fd);
		return err_set(err, CCHC_EIO, "Không tạo được tệp tạm: %s", err_sys(errno));
	}
	int64_t zsize;
	int rc = hash_and_compress(fd, tmp, sha, size, &zsize, max, path, err);
	char name[80];
	sqlar_name(sha, name);
	if (rc == CCHC_OK && !stored(db, name)) {
		/* sqlar keeps the raw bytes when compressing does not make them smaller */
		bool raw = zsize >= *size;
		FILE *src = tmp;
		if (raw) {
			lseek(fd, 0, SEEK_SET);
			src = fdopen(dup(fd), "rb");
		} else {
			rewind(tmp);
		}
		int s = src ? insert_blob(db, name, *size, raw ? *size : zsize, src,
					  st.st_mode & 0777, st.st_mtime) : SQLITE_IOERR;
		if (raw && src)
			fclose(src);
		if (s != SQLITE_OK)
			rc = db_fail(db, s, "lưu tệp", err);
	}
	fclose(tmp);
	close(fd);
	return rc;
}

/* Streams the blob, inflating it unless stored raw, into out. */
static int blob_to_file(sqlite3_blob *b, int64_t sz, FILE *out)
{
	int n = sqlite3_blob_bytes(b);
	bool raw = n == sz;
	z_stream z;
	memset(&z, 0, sizeof z);
	if (!raw && inflateInit(&z) != Z_OK)
		return -1;
	unsigned char in[CHUNK], buf[CHUNK];
	int off = 0, zr = Z_OK, rc = 0;
	while (off < n && rc == 0) {
		int want = n - off < (int)sizeof in ? n - off : (int)sizeof in;
		if (sqlite3_blob_read(b, in, want, off) != SQLITE_OK) {
			rc = -1;
			break;
		}
		off += want;
		if (raw) {
			rc = fwrite(in, 1, (size_t)want, out) == (size_t)want ? 0 : -1;
			continue;
		}
		z.next_in = in;
		z.avail_in = (uInt)want;
		do {
			z.next_out = buf;
			z.avail_out = sizeof buf;
			zr = inflate(&z, Z_NO_FLUSH);
			if (zr != Z_OK && zr != Z_STREAM_END) {
				rc = -1;
				break;
			}
			size_t have = sizeof buf - z.avail_out;
			if (fwrite(buf, 1, have, out) != have)
				rc = -1;
		} while (rc == 0 && z.avail_out == 0);
	}
	if (!raw) {
		if (zr != Z_STREAM_END || (int64_t)z.total_out != sz)
			rc = -1;
		inflateEnd(&z);
	}
	return rc;
}

int files_extract(struct db *db, const char *sha, const char *out, struct cchc_err *err)
{
	char name[80];
	sqlar_name(sha, name);
	sqlite3_stmt *st;
	int64_t rowid = 0, sz = 0;
	if (sqlite3_prepare_v2(db->h, "SELECT rowid, sz FROM sqlar WHERE name = ?", -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW) {
			rowid = sqlite3_column_int64(st, 0);
			sz = sqlite3_column_int64(st, 1);
		}
		sqlite3_finalize(st);
	}
	if (!rowid)
		return err_set(err, CCHC_ENOTFOUND, "Thiếu nội dung tệp %s trong cơ sở dữ liệu", sha);
	struct sbuf tmp = SBUF_INIT;
	sbuf_addf(&tmp, "%s.tmp.XXXXXX", out);
	int fd = mkstemp(tmp.s);
	if (fd < 0) {
		sbuf_free(&tmp);
		return err_set(err, CCHC_EIO, "Không tạo được tệp %s: %s", out, err_sys(errno));
	}
	FILE *f = fdopen(fd, "wb");
	sqlite3_blob *b = NULL;
	int rc = f && sqlite3_blob_open(db->h, "main", "sqlar", "data", rowid, 0, &b) == SQLITE_OK
		 ? blob_to_file(b, sz, f) : -1;
	if (b)
		sqlite3_blob_close(b);
	if (rc == 0 && (fflush(f) != 0 || fsync(fd) != 0))
		rc = -1;
	if (f)
		fclose(f);
	else
		close(fd);
	if (rc == 0 && rename(tmp.s, out) != 0)
		rc = -1;
	if (rc != 0) {
		unlink(tmp.s);
		sbuf_free(&tmp);
		return err_set(err, CCHC_EIO, "Không ghi được %s (đĩa đầy, không có quyền ghi, hoặc dữ "
			       "liệu tệp trong cơ sở dữ liệu bị hỏng)", out);
	}
	sbuf_free(&tmp);
	return CCHC_OK;
}
