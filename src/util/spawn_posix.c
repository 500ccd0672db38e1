/* spawn.h on POSIX: posix_spawnp with both pipes read by poll, so a child
 * that writes much to stderr cannot block while we wait on stdout. */
#include <config.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "util/sbuf.h"
#include "util/spawn.h"

#define ERR_MAX 4096

extern char **environ;

/* Reads what fd has into b, keeping at most max bytes; 0 at end of file. */
static int drain(int fd, struct sbuf *b, size_t max, int *truncated)
{
	char buf[8192];
	ssize_t n = read(fd, buf, sizeof buf);
	if (n < 0)
		return errno == EINTR || errno == EAGAIN ? 1 : -1;
	if (n == 0)
		return 0;
	size_t room = b->len < max ? max - b->len : 0;
	size_t keep = (size_t)n < room ? (size_t)n : room;
	if (keep)
		sbuf_addn(b, buf, keep);
	if (keep < (size_t)n && truncated)
		*truncated = 1;
	return 1;
}

static int read_both(int fo, int fe, size_t max_out, struct sbuf *out, struct sbuf *errb,
		     int *truncated)
{
	struct pollfd p[2] = { { fo, POLLIN, 0 }, { fe, POLLIN, 0 } };
	int open_fds = 2;
	while (open_fds > 0) {
		if (poll(p, 2, -1) < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		for (int i = 0; i < 2; i++) {
			if (p[i].fd < 0 || !(p[i].revents & (POLLIN | POLLHUP | POLLERR)))
				continue;
			int r = i == 0 ? drain(p[i].fd, out, max_out, truncated)
				       : drain(p[i].fd, errb, ERR_MAX, NULL);
			if (r < 0)
				return -1;
			if (r == 0) {
				p[i].fd = -1;
				open_fds--;
			}
		}
	}
	return 0;
}

/* A wait status as the exit status; 128+N when killed by signal N. */
static int exit_code(int st)
{
	return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + (WIFSIGNALED(st) ? WTERMSIG(st) : 0);
}

static int wait_child(pid_t pid, int *status)
{
	int st;
	while (waitpid(pid, &st, 0) < 0)
		if (errno != EINTR)
			return -1;
	*status = exit_code(st);
	return 0;
}

int spawn_capture(const char *const argv[], size_t max_out, struct spawn_result *res,
		  struct cchc_err *err)
{
	memset(res, 0, sizeof *res);
	int po[2], pe[2];
	if (pipe2(po, O_CLOEXEC) < 0)
		return err_set(err, CCHC_EIO, "không tạo được ống dẫn để chạy %s: %s", argv[0],
			       err_sys(errno));
	if (pipe2(pe, O_CLOEXEC) < 0) {
		int e = errno;
		close(po[0]);
		close(po[1]);
		return err_set(err, CCHC_EIO, "không tạo được ống dẫn để chạy %s: %s", argv[0],
			       err_sys(e));
	}
	posix_spawn_file_actions_t fa;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
	posix_spawn_file_actions_adddup2(&fa, po[1], 1);
	posix_spawn_file_actions_adddup2(&fa, pe[1], 2);
	pid_t pid;
	int rc = posix_spawnp(&pid, argv[0], &fa, NULL, (char *const *)argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	close(po[1]);
	close(pe[1]);
	if (rc != 0) {
		close(po[0]);
		close(pe[0]);
		if (rc == ENOENT) {
			res->not_found = 1;
			return CCHC_OK;
		}
		return err_set(err, CCHC_EIO, "không chạy được %s: %s", argv[0], err_sys(rc));
	}
	struct sbuf out = SBUF_INIT, errb = SBUF_INIT;
	sbuf_addn(&out, "", 0);
	sbuf_addn(&errb, "", 0);
	int rd = read_both(po[0], pe[0], max_out, &out, &errb, &res->truncated);
	int e = errno;
	close(po[0]);
	close(pe[0]);
	if (rd < 0)
		kill(pid, SIGKILL);
	int wrc = wait_child(pid, &res->status);
	if (rd < 0 || wrc < 0) {
		sbuf_free(&out);
		sbuf_free(&errb);
		return err_set(err, CCHC_EIO, "lỗi khi đọc kết quả của %s: %s", argv[0],
			       err_sys(rd < 0 ? e : errno));
	}
	/* posix_spawnp may report a failed exec only as the child's exit 127
	 * (glibc when it cannot use vfork, under valgrind for one) */
	if (res->status == 127 && out.len == 0 && errb.len == 0)
		res->not_found = 1;
	res->outlen = out.len;
	res->out = sbuf_detach(&out);
	res->errtext = sbuf_detach(&errb);
	return CCHC_OK;
}

void spawn_result_free(struct spawn_result *res)
{
	free(res->out);
	free(res->errtext);
	res->out = res->errtext = NULL;
}

/* Children spawn_detached left running, reaped when they have ended. */
static pid_t running[16];

static void reap_ended(void)
{
	for (size_t i = 0; i < sizeof running / sizeof *running; i++)
		if (running[i] > 0 && waitpid(running[i], NULL, WNOHANG) != 0)
			running[i] = 0;
}

static void keep_running(pid_t pid)
{
	for (size_t i = 0; i < sizeof running / sizeof *running; i++)
		if (running[i] <= 0) {
			running[i] = pid;
			return;
		}
	/* more viewers open than slots: it becomes a zombie until cchc ends */
}

static int64_t now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (int64_t)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

/* Waits for pid up to wait_ms (-1: no limit); false when it still runs. */
static bool ended_within(pid_t pid, int wait_ms, int *status)
{
	if (wait_ms < 0) {
		if (wait_child(pid, status) < 0)
			*status = 0;   /* already reaped elsewhere: nothing to report */
		return true;
	}
	int64_t end = now_ms() + wait_ms;
	for (;;) {
		int st;
		pid_t r = waitpid(pid, &st, WNOHANG);
		if (r == pid) {
			*status = exit_code(st);
			return true;
		}
		if (r < 0 && errno != EINTR) {
			*status = 0;
			return true;
		}
		if (now_ms() >= end)
			return false;
		struct timespec nap = { 0, 20 * 1000000L };
		nanosleep(&nap, NULL);
	}
}

int spawn_detached_keep(const char *const argv[], int keep_fd, int wait_ms, int *status,
			struct cchc_err *err)
{
	reap_ended();
	posix_spawn_file_actions_t fa;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
	posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
	posix_spawn_file_actions_adddup2(&fa, 1, 2);
	/* a dup2 onto another number clears close-on-exec on the copy */
	int kept = keep_fd == 3 ? 4 : 3;
	if (keep_fd >= 0) {
		char v[12];
		snprintf(v, sizeof v, "%d", kept);
		posix_spawn_file_actions_adddup2(&fa, keep_fd, kept);
		setenv("CCHC_LOCK_FD", v, 1);
	}
	posix_spawnattr_t at;
	posix_spawnattr_init(&at);
	posix_spawnattr_setflags(&at, POSIX_SPAWN_SETSID);
	pid_t pid;
	int rc = posix_spawnp(&pid, argv[0], &fa, &at, (char *const *)argv, environ);
	posix_spawnattr_destroy(&at);
	if (keep_fd >= 0)
		unsetenv("CCHC_LOCK_FD");
	posix_spawn_file_actions_destroy(&fa);
	if (rc == ENOENT) {
		*status = 127;
		return CCHC_OK;
	}
	if (rc != 0)
		return err_set(err, CCHC_EIO, "không chạy được %s: %s", argv[0], err_sys(rc));
	if (!ended_within(pid, wait_ms, status)) {
		*status = -1;
		keep_running(pid);
	}
	return CCHC_OK;
}

int spawn_detached(const char *const argv[], int wait_ms, int *status, struct cchc_err *err)
{
	return spawn_detached_keep(argv, -1, wait_ms, status, err);
}

int spawn_open_file(const char *path, int wait_ms, int *status, const char **opener,
		    struct cchc_err *err)
{
	const char *o = getenv("CCHC_OPENER");
	*opener = o && *o ? o : "xdg-open";
	const char *argv[] = { *opener, path, NULL };
	return spawn_detached(argv, wait_ms, status, err);
}
