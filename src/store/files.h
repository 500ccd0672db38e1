/* Files kept inside the database, in the SQLite Archive table (sqlar): each
 * distinct content once, named files/<first two hex digits>/<SHA-256>,
 * zlib-compressed when that is smaller. Files are read once, hashed,
 * compressed and written in pieces (incremental blob I/O), never whole in
 * memory; what is stored is exactly what was hashed, and every read checks
 * the content against its hash. */
#ifndef CCHC_FILES_H
#define CCHC_FILES_H
#include <stdint.h>
#include "store/db.h"

/* Called after each piece with the bytes done so far. */
typedef void (*files_progress_fn)(void *ctx, int64_t done);

/* Stores the file at path inside the caller's transaction; *sha gets its
 * SHA-256 (hex) and *size its length. A content already stored is not
 * written again, unless what is stored does not match its hash (then the
 * genuine bytes replace it). Files over max bytes are refused, and so is a
 * file that changes while it is read. */
int files_store(struct db *db, const char *path, int64_t max, char sha[65], int64_t *size,
		struct cchc_err *err);
/* The same for an open regular file, read from its current position; shown
 * names it in messages; progress (may be NULL) follows the reading. */
int files_store_fd(struct db *db, int fd, const char *shown, int64_t max,
		   files_progress_fn progress, void *ctx, char sha[65], int64_t *size,
		   struct cchc_err *err);

/* Writes the content with hash sha to the file descriptor fd, checking the
 * bytes against sha as they go: CCHC_ECORRUPT when they differ (fd then
 * holds damaged bytes: the caller throws it away), CCHC_ENOTFOUND when the
 * content is not stored; shown names the output in messages. */
int files_write_fd(struct db *db, const char *sha, int fd, const char *shown,
		   struct cchc_err *err);
/* Writes the content with hash sha to out (enum fs_write_flags: never over
 * an existing file without FS_OVERWRITE, never over the database) through an
 * unnamed temporary file, checked, fsync'd and linked in place; nothing is
 * left at out when it fails. */
int files_extract(struct db *db, const char *sha, const char *out, int flags,
		  struct cchc_err *err);
/* Reads the stored content with hash sha and checks it against sha:
 * CCHC_OK, CCHC_ECORRUPT (damaged: other bytes, or a compressed form that
 * does not inflate), CCHC_ENOTFOUND; progress gets the stored bytes read. */
int files_verify(struct db *db, const char *sha, files_progress_fn progress, void *ctx,
		 struct cchc_err *err);
/* Copies the stored content with hash sha from one database's sqlar to
 * another's as it is stored (compressed or raw), in pieces; nothing when
 * to has it already. The caller checks it (files_verify) where it matters. */
int files_copy(struct db *from, struct db *to, const char *sha, struct cchc_err *err);

#endif
