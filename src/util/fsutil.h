/* File helpers that never leave a half-written file behind. */
#ifndef CCHC_FSUTIL_H
#define CCHC_FSUTIL_H
#include <stddef.h>
#include <sys/types.h>
#include "util/err.h"

/* Reads a whole regular file (up to max bytes) into a NUL-terminated buffer. */
int fs_read_file(const char *path, size_t max, char **out, size_t *len, struct cchc_err *err);
/* Writes data to path through a temporary file in the same folder, fsync and rename. */
int fs_write_atomic(const char *path, const void *data, size_t n, mode_t mode, struct cchc_err *err);

/* A file being written that takes the place of path only when committed.
 * It has no name until then where the system allows (O_TMPFILE), so a
 * process killed while writing leaves nothing behind; elsewhere it is a
 * "path.tmp.XXXXXX" beside path. When path exists already, the finished
 * file is linked as "path.tmp.PID.N" and renamed over it at once (only a
 * crash between those two calls leaves that name, holding the whole file). */
struct fs_tmp {
	int fd;            /* open for reading and writing */
	char *name;        /* its temporary name, or NULL while unnamed */
	char proc[32];     /* /proc/self/fd/N of an unnamed one */
};
/* Starts a file for path with the given mode. */
int fs_tmp_open(struct fs_tmp *t, const char *path, mode_t mode, struct cchc_err *err);
/* A name that opens the file, for libraries that want a file name. */
const char *fs_tmp_path(const struct fs_tmp *t);
/* Flushes it to the disk, puts it in place of path, flushes the folder;
 * t is finished either way. */
int fs_tmp_commit(struct fs_tmp *t, const char *path, struct cchc_err *err);
/* Closes and removes it. */
void fs_tmp_abort(struct fs_tmp *t);
/* Creates path and its missing parents with the given mode. */
int fs_mkdir_p(const char *path, mode_t mode, struct cchc_err *err);
/* Returns a malloc'd copy of the folder part of path ("." when none). */
char *fs_dirname(const char *path);

#endif
