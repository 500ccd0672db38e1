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
/* Creates path and its missing parents with the given mode. */
int fs_mkdir_p(const char *path, mode_t mode, struct cchc_err *err);
/* Returns a malloc'd copy of the folder part of path ("." when none). */
char *fs_dirname(const char *path);

#endif
