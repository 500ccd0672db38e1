/* Running a helper program without a shell and taking its output: the one
 * place that knows how a process is started (spawn_posix.c; a Windows build
 * compiles spawn_win.c instead). */
#ifndef CCHC_SPAWN_H
#define CCHC_SPAWN_H
#include <stddef.h>
#include "util/err.h"

struct spawn_result {
	char *out;        /* stdout, NUL-terminated; at most max_out bytes kept */
	size_t outlen;
	char *errtext;    /* stderr, NUL-terminated, the first few KiB */
	int status;       /* exit status; 128+N when killed by signal N */
	int not_found;    /* the program is not installed (nothing ran) */
	int truncated;    /* stdout was longer than max_out (the rest was read and dropped) */
};

/* Runs argv[0] (looked up in PATH) with argv, stdin from /dev/null, and
 * collects stdout and stderr. Returns CCHC_OK when the program ran (whatever
 * its exit status) or when it is not installed (res->not_found); an error
 * only when the process could not be started or read. Free with
 * spawn_result_free. */
int spawn_capture(const char *const argv[], size_t max_out, struct spawn_result *res,
		  struct cchc_err *err);
void spawn_result_free(struct spawn_result *res);

/* Starts argv[0] (looked up in PATH) detached from the terminal: its own
 * session, stdin, stdout and stderr on /dev/null, so nothing it prints can
 * reach a full-screen program. Waits up to wait_ms (-1: until it ends) for
 * it to end: *status is its exit status when it did, -1 when it is still
 * running (a viewer that stays open), 127 when it is not installed. A child
 * left running is reaped by a later call. Error only when it could not be
 * started. */
int spawn_detached(const char *const argv[], int wait_ms, int *status, struct cchc_err *err);
/* As spawn_detached, and the child inherits keep_fd (-1: none) with every
 * lock held through it, named to it in CCHC_LOCK_FD; it lets go of it with
 * pf_lockfile_inherited_close. On Windows keep_fd is not handed on. */
int spawn_detached_keep(const char *const argv[], int keep_fd, int wait_ms, int *status,
			struct cchc_err *err);

/* Opens path in the program this machine opens such files with, detached
 * as spawn_detached starts it: $CCHC_OPENER when set, else xdg-open (POSIX)
 * or the file type's association (Windows). *status as spawn_detached
 * gives it; *opener names what was asked, for a message. */
int spawn_open_file(const char *path, int wait_ms, int *status, const char **opener,
		    struct cchc_err *err);

#endif
