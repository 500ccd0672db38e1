/* File helpers that never leave a half-written file behind. */
#ifndef CCHC_FSUTIL_H
#define CCHC_FSUTIL_H
#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>
#include "util/err.h"

/* Reads a whole regular file (up to max bytes) into a NUL-terminated buffer. */
int fs_read_file(const char *path, size_t max, char **out, size_t *len, struct cchc_err *err);

/* How a finished file may take its place. Without FS_OVERWRITE a file
 * that is there already is never replaced (CCHC_EEXIST): the clerk must have
 * named it with --force or answered "Ghi đè?". A guarded file (the open
 * database and its -wal, -shm, -journal, -lock) is refused either way, unless
 * FS_GUARDED_OK (restore, which replaces the database on purpose). */
enum fs_write_flags {
	FS_NEW = 0,
	FS_OVERWRITE = 1,
	FS_GUARDED_OK = 2,
};

/* Writes data to path through a temporary file in the same folder, fsync
 * and rename (or link, for FS_NEW: never over a file that appeared
 * meanwhile). The file gets mode & ~umask, like any Unix tool's output. */
int fs_write_atomic(const char *path, const void *data, size_t n, mode_t mode, int flags,
		    struct cchc_err *err);

/* Refuses a path that exists and is not a regular file (or a link to
 * one): a device, a FIFO, a socket or a folder is never replaced by a
 * rename, whatever the flags (--force on /dev/null once replaced the
 * device with a file). */
int fs_check_regular(const char *path, struct cchc_err *err);

/* Files this process must never write over, compared by device and inode
 * and, for names that do not exist yet (-wal), by folder and name: db_open
 * guards the database (and, through a symbolic link, the file it names). */
void fs_guard_add(const char *path);
void fs_guard_remove(const char *path);
/* Whether path is, or names the place of, a guarded file. */
bool fs_is_guarded(const char *path);
/* CCHC_EINPUT with a message when path is, or would replace, a guarded file. */
int fs_guard_check(const char *path, struct cchc_err *err);
/* Whether path names something that is there (a dangling link counts). */
bool fs_exists(const char *path);
/* The checks a writer makes before it starts, so that a refusal comes
 * before any work: a guarded file, then an existing one without FS_OVERWRITE
 * (CCHC_EEXIST, the message says --force). */
int fs_check_target(const char *path, int flags, struct cchc_err *err);
/* mode less the process's umask. */
mode_t fs_umasked(mode_t mode);
/* CCHC_EEXIST: path is there and the clerk did not say to replace it. */
int fs_exists_error(const char *path, struct cchc_err *err);

/* A file being written that takes the place of path only when committed.
 * It has no name until then where the system allows (O_TMPFILE), so a
 * process killed while writing leaves nothing behind; elsewhere (a FAT
 * stick) it is a hidden ".cchc-tmp-XXXXXX" in path's folder, short so that
 * a name near the 255-byte limit still has one. When path exists already
 * and may be replaced, the finished file is linked as ".cchc-tmp-PID-N"
 * and renamed over it at once (only a crash between those two calls leaves
 * that name, holding the whole file). */
struct fs_tmp {
	int fd;            /* open for reading and writing */
	char *name;        /* its temporary name, or NULL while unnamed */
	char proc[32];     /* /proc/self/fd/N of an unnamed one */
	int flags;         /* enum fs_write_flags */
};
/* Starts a file for path with mode & ~umask, after fs_check_target. */
int fs_tmp_open(struct fs_tmp *t, const char *path, mode_t mode, int flags,
		struct cchc_err *err);
/* A name that opens the file, for libraries that want a file name. */
const char *fs_tmp_path(const struct fs_tmp *t);
/* Flushes it to the disk, puts it in place of path (as its flags allow,
 * checked again at this moment), flushes the folder; t is finished either
 * way. */
int fs_tmp_commit(struct fs_tmp *t, const char *path, struct cchc_err *err);
/* Closes and removes it. */
void fs_tmp_abort(struct fs_tmp *t);
/* What the temporary files' names start with. */
#define FS_TMP_PREFIX ".cchc-tmp-"
/* Removes the temporary files in dir that a killed writer left. */
void fs_sweep_tmp(const char *dir);
/* Writes all n bytes to fd, again after an interruption; -1 with errno. */
int fs_write_all(int fd, const void *buf, size_t n);
/* Creates path and its missing parents with the given mode. */
int fs_mkdir_p(const char *path, mode_t mode, struct cchc_err *err);
/* The last folder separator of path ("/", and "\\" on Windows), or NULL. */
const char *fs_last_sep(const char *path);
/* The last part of path: what follows its last separator. */
const char *fs_base_name(const char *path);
/* Returns a malloc'd copy of the folder part of path ("." when none). */
char *fs_dirname(const char *path);

#endif
