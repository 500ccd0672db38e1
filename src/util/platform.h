/* What differs between POSIX systems and Windows in meaning, behind one
 * small interface: platform_posix.c and platform_win.c implement it (SQLite's
 * os_unix.c/os_win.c split is the model), as spawn_posix.c and spawn_win.c
 * implement util/spawn.h and both platform files the temporary-file half of
 * util/fsutil.h. Names that only differ in spelling are in util/compat.h. */
#ifndef CCHC_PLATFORM_H
#define CCHC_PLATFORM_H
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <sys/types.h>
#include "util/err.h"

/* First thing in main: a write past a file-size limit fails with EFBIG
 * instead of killing the process (POSIX); UTF-8 console and binary
 * standard streams (Windows). */
void pf_startup(void);

/* Makes the C library's character handling UTF-8, as the screen needs to
 * draw Vietnamese; 0, or -1 after saying on stderr what to set. */
int pf_utf8_locale(void);

/* The name the operating system knows the clerk by, for the history. */
const char *pf_user_name(void);

/* Where the clerk's data file lives when --db and CCHC_DB name none
 * (malloc'd), or NULL when the environment does not say (no HOME). */
char *pf_default_db_path(void);
/* Where that is, as --help says it. */
const char *pf_default_db_hint(void);
/* The running program's own file (malloc'd), to start another cchc in the
 * background; NULL when the system does not say. */
char *pf_self_path(void);
/* The folder of per-user settings (malloc'd). */
char *pf_config_dir(void);
/* The folder of the data shipped with the program (malloc'd): the
 * configured data directory, or beside the program on Windows. */
char *pf_shipped_data_dir(void);
/* A folder only this user can read, made when missing (malloc'd), for
 * copies of evidence files opened in a viewer; NULL with err set. */
char *pf_private_dir(struct cchc_err *err);

/* Whether a and b both exist and are the same file (device and inode; the
 * volume and file index on Windows, where st_ino is always 0). */
bool pf_same_file(const char *a, const char *b);
/* Whether another process holds a lock on path, as SQLite takes them. */
bool pf_locked_by_other(const char *path);
/* The longest a file name may be in dir, in bytes. */
size_t pf_name_max(const char *dir);
/* A second descriptor for fd that programs cchc starts do not inherit. */
int pf_dup(int fd);
/* Whether a file that is open may be replaced by a rename (POSIX), or
 * must be closed first (Windows). */
bool pf_replace_open_file_ok(void);
/* A temporary file deleted when closed, in the system's folder for them
 * (msvcrt's tmpfile() writes to the root of drive C:, which a clerk
 * without admin rights may not). */
FILE *pf_tmpfile(void);
/* The file that names nothing ("/dev/null", "NUL"). */
const char *pf_null_device(void);

/* The platform's half of fs_tmp (util/fsutil.h): makes t's file for path
 * in dir with mode; removes the temporary file at path unless a live
 * writer holds it; closes t's file and puts it in place of path (replacing
 * only with FS_OVERWRITE): 0, or -1 with errno. */
struct fs_tmp;
int pf_tmp_create(struct fs_tmp *t, const char *dir, const char *path, mode_t mode,
		  struct cchc_err *err);
void pf_tmp_remove_unheld(const char *path);
int pf_tmp_place(struct fs_tmp *t, const char *path);

/* A lock on a folder being written, so that a sweep by another process
 * leaves it alone: a handle >= 0, or -1 when the system has none. With
 * wait false, -1 also when another process holds it. */
int pf_folder_lock(const char *dir, bool wait);
void pf_folder_unlock(int lock);
/* The lock every cchc holds, for as long as it has a database open, on a
 * small file of its own beside it (util/platform.h knows only the file):
 * shared by each, exclusive for one that must know it is alone. The
 * descriptor of path, read-write (the file made 0600 when missing) when
 * write, else read-only; -1 when it cannot be opened so. The lock covers
 * none of the bytes the file holds, so they may be read and written
 * freely (pread, pwrite) while any process holds it. */
int pf_lockfile_open(const char *path, bool write);
/* Takes the lock on fd shared or exclusive, waiting for it or not: 0, or
 * -1 when another process holds one that conflicts (wait false). A lock
 * already held is changed, not atomically: a failed attempt may leave none.
 * Closing fd releases it. */
int pf_lockfile_lock(int fd, bool exclusive, bool wait);
/* In a process started with spawn_detached_keep: closes the descriptor it
 * inherited (named by CCHC_LOCK_FD), once the process holds a lock of its
 * own, so that the parent's lock passes to it without a gap. Nothing when
 * there is none (and on Windows, where nothing is inherited). */
void pf_lockfile_inherited_close(void);
/* Flushes a folder's entries to the disk where the system allows it. */
void pf_sync_folder(const char *dir);
/* Gives the memory freed since back to the system where the allocator
 * keeps it (glibc's malloc_trim): after a large piece of work whose
 * blocks, freed among others still held, would stay in the process's
 * resident memory. A few hundred microseconds; nothing where there is no
 * such call. */
void pf_memory_release(void);

#endif
