/* Files kept inside the database, in the SQLite Archive table (sqlar): each
 * distinct content once, named files/<first two hex digits>/<SHA-256>,
 * zlib-compressed when that is smaller. Files are read, hashed, compressed
 * and written in pieces (incremental blob I/O), never whole in memory. */
#ifndef CCHC_FILES_H
#define CCHC_FILES_H
#include <stdint.h>
#include "store/db.h"

/* Stores the file at path inside the caller's transaction; *sha gets its
 * SHA-256 (hex) and *size its length. A content already stored is not
 * written again. Files over max bytes are refused. */
int files_store(struct db *db, const char *path, int64_t max, char sha[65], int64_t *size,
		struct cchc_err *err);
/* Writes the content with hash sha to out (temp file, fsync, rename). */
int files_extract(struct db *db, const char *sha, const char *out, struct cchc_err *err);

#endif
