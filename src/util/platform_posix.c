/* The platform layer on POSIX systems (util/platform.h), and the half of
 * util/fsutil.h that writes through temporary files: O_TMPFILE, linkat,
 * flock and renameat2 where the system has them. */
#include <config.h>
#include <errno.h>
#include <fcntl.h>
#include <langinfo.h>
#include <locale.h>
#ifdef HAVE_MALLOC_TRIM
#include <malloc.h>
#endif
#include <pwd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include "util/fsutil.h"
#include "util/platform.h"
#include "util/sbuf.h"

void pf_startup(void)
{
	/* Past a file-size limit write() must fail with EFBIG, reported like a
	 * full disk, rather than the kernel killing us without a word. */
	signal(SIGXFSZ, SIG_IGN);
}

/* Switches to C.UTF-8 when the user's locale is not UTF-8, or explains
 * what to set. */
int pf_utf8_locale(void)
{
	if (!setlocale(LC_ALL, ""))
		setlocale(LC_ALL, "C");
	const char *cs = nl_langinfo(CODESET);
	if (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0)
		return 0;
	if (setlocale(LC_ALL, "C.UTF-8") || setlocale(LC_ALL, "C.utf8") ||
	    setlocale(LC_ALL, "en_US.UTF-8") || setlocale(LC_ALL, "vi_VN.UTF-8")) {
		setenv("LC_ALL", setlocale(LC_ALL, NULL), 1);
		return 0;
	}
	fprintf(stderr, "cchc: bảng mã của terminal là %s, không phải UTF-8, và máy không có locale "
		"C.UTF-8.\nHãy đặt một locale UTF-8, ví dụ: export LANG=C.UTF-8 (hoặc cài gói "
		"locales và chọn vi_VN.UTF-8).\n", cs);
	return -1;
}

const char *pf_user_name(void)
{
	const char *u = getenv("USER");
	if (u && *u)
		return u;
	const struct passwd *pw = getpwuid(getuid());
	return pw ? pw->pw_name : "";
}

char *pf_default_db_path(void)
{
	struct sbuf b = SBUF_INIT;
	const char *xdg = getenv("XDG_DATA_HOME");
	const char *home = getenv("HOME");
	if (xdg && xdg[0] == '/')
		sbuf_addf(&b, "%s/cchc/cchc.db", xdg);
	else if (home && *home)
		sbuf_addf(&b, "%s/.local/share/cchc/cchc.db", home);
	else
		return NULL;  /* never under the current folder, wherever that is */
	return sbuf_detach(&b);
}

const char *pf_default_db_hint(void)
{
	return "$XDG_DATA_HOME/cchc/cchc.db = ~/.local/share/cchc/cchc.db";
}

/* Linux's /proc/self/exe; elsewhere NULL (the daily backup then runs in
 * the foreground). */
char *pf_self_path(void)
{
	return realpath("/proc/self/exe", NULL);
}

char *pf_config_dir(void)
{
	struct sbuf b = SBUF_INIT;
	const char *xdg = getenv("XDG_CONFIG_HOME");
	const char *home = getenv("HOME");
	if (xdg && xdg[0] == '/')
		sbuf_addf(&b, "%s/cchc", xdg);
	else
		sbuf_addf(&b, "%s/.config/cchc", home && *home ? home : ".");
	return sbuf_detach(&b);
}

char *pf_shipped_data_dir(void)
{
	return xstrdup(CCHC_DATADIR);
}

/* $XDG_RUNTIME_DIR/cchc or /tmp/cchc-UID, owned by this user alone. */
char *pf_private_dir(struct cchc_err *err)
{
	struct sbuf b = SBUF_INIT;
	const char *run = getenv("XDG_RUNTIME_DIR");
	if (run && run[0] == '/')
		sbuf_addf(&b, "%s/cchc", run);
	else
		sbuf_addf(&b, "/tmp/cchc-%ld", (long)getuid());
	struct stat st;
	if (mkdir(b.s, 0700) != 0 && errno != EEXIST) {
		err_set(err, CCHC_EIO, "Không tạo được thư mục %s: %s", b.s, err_sys(errno));
		sbuf_free(&b);
		return NULL;
	}
	if (lstat(b.s, &st) != 0 || !S_ISDIR(st.st_mode) || st.st_uid != getuid()) {
		err_set(err, CCHC_EIO, "Thư mục %s không thuộc người dùng này; không dùng", b.s);
		sbuf_free(&b);
		return NULL;
	}
	return sbuf_detach(&b);
}

bool pf_same_file(const char *a, const char *b)
{
	struct stat sa, sb;
	return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev &&
	       sa.st_ino == sb.st_ino;
}

/* As SQLite's unix VFS takes them: a POSIX record lock. Closing the
 * descriptor drops this process's own locks on the file, so the caller
 * must not have it open. */
bool pf_locked_by_other(const char *path)
{
	int fd = open(path, O_RDWR | O_CLOEXEC);
	if (fd < 0)
		return false;
	struct flock fl = { .l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 0, .l_len = 0 };
	bool locked = fcntl(fd, F_GETLK, &fl) == 0 && fl.l_type != F_UNLCK;
	close(fd);
	return locked;
}

size_t pf_name_max(const char *dir)
{
	long m = pathconf(dir, _PC_NAME_MAX);
	return m > 0 && m < 255 ? (size_t)m : 255;
}

int pf_dup(int fd)
{
	return fcntl(fd, F_DUPFD_CLOEXEC, 3);
}

bool pf_replace_open_file_ok(void)
{
	return true;
}

FILE *pf_tmpfile(void)
{
	return tmpfile();
}

const char *pf_null_device(void)
{
	return "/dev/null";
}

int pf_folder_lock(const char *dir, bool wait)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (fd >= 0 && flock(fd, LOCK_EX | (wait ? 0 : LOCK_NB)) != 0) {
		close(fd);
		fd = -1;
	}
	return fd;
}

void pf_folder_unlock(int lock)
{
	if (lock >= 0)
		close(lock);
}

int pf_lockfile_open(const char *path, bool write)
{
	int flags = write ? O_RDWR | O_CREAT : O_RDONLY;
	return open(path, flags | O_NOFOLLOW | O_CLOEXEC, 0600);
}

/* flock: whole-file and advisory, apart from the record locks SQLite
 * takes (a close here never drops one of those, as it would an fcntl lock). */
int pf_lockfile_lock(int fd, bool exclusive, bool wait)
{
	int op = (exclusive ? LOCK_EX : LOCK_SH) | (wait ? 0 : LOCK_NB);
	int r;
	while ((r = flock(fd, op)) != 0 && errno == EINTR)
		;
	return r == 0 ? 0 : -1;
}

void pf_lockfile_inherited_close(void)
{
	const char *v = getenv("CCHC_LOCK_FD");
	if (!v)
		return;
	char *end;
	long fd = strtol(v, &end, 10);
	struct stat st;
	/* only what spawn_detached_keep hands on: a regular file above stderr */
	if (*v && !*end && fd > 2 && fd < 1024 && fstat((int)fd, &st) == 0 && S_ISREG(st.st_mode))
		close((int)fd);
	unsetenv("CCHC_LOCK_FD");
}

void pf_sync_folder(const char *dir)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
}

/* ---- writing through a temporary file (util/fsutil.h) ---- */

mode_t fs_umasked(mode_t mode)
{
	mode_t m = umask(0);
	umask(m);
	return mode & ~m;
}

/* The writer keeps a lock on its own file, named or not. */
void pf_tmp_remove_unheld(const char *path)
{
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0)
		return;
	struct stat st;
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && flock(fd, LOCK_EX | LOCK_NB) == 0)
		unlink(path);
	close(fd);
}

/* Unnamed (O_TMPFILE, named through /proc) where the system allows, else
 * a short name in path's folder, locked either way. */
int pf_tmp_create(struct fs_tmp *t, const char *dir, const char *path, mode_t mode,
		  struct cchc_err *err)
{
#ifdef O_TMPFILE
	/* CCHC_NO_TMPFILE=1: as on a file system without it (a FAT stick), for tests */
	const char *no = getenv("CCHC_NO_TMPFILE");
	if (!no || strcmp(no, "1") != 0)
		t->fd = open(dir, O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
	snprintf(t->proc, sizeof t->proc, "/proc/self/fd/%d", t->fd);
	if (t->fd >= 0 && access(t->proc, F_OK) != 0) { /* no /proc: could not name it */
		close(t->fd);
		t->fd = -1;
	}
#endif
	if (t->fd < 0) {
		/* a short name in path's folder: one near the 255-byte limit still fits */
		struct sbuf b = SBUF_INIT;
		sbuf_addf(&b, "%s/" FS_TMP_PREFIX "XXXXXX", dir);
		t->fd = mkstemp(b.s);
		if (t->fd < 0) {
			int e = errno;
			sbuf_free(&b);
			return err_set(err, CCHC_EIO, "Không tạo được tệp tạm cạnh %s: %s", path,
				       err_sys(e));
		}
		t->name = sbuf_detach(&b);
	}
	flock(t->fd, LOCK_EX); /* a sweep leaves it alone, named or not */
	if (fchmod(t->fd, mode) != 0) {
		int e = errno;
		fs_tmp_abort(t);
		return err_set(err, CCHC_EIO, "Không ghi được %s: %s", path, err_sys(e));
	}
	return CCHC_OK;
}

const char *fs_tmp_path(const struct fs_tmp *t)
{
	return t->name ? t->name : t->proc;
}

/* Names the unnamed file of t: path itself when that is free, else (when
 * it may be replaced) a new "path.tmp.PID.N" left in t->name to be renamed
 * over path. */
static int link_tmp(struct fs_tmp *t, const char *path)
{
	if (linkat(AT_FDCWD, t->proc, AT_FDCWD, path, AT_SYMLINK_FOLLOW) == 0)
		return 0;
	if (errno != EEXIST || !(t->flags & FS_OVERWRITE))
		return -1;
	char *dir = fs_dirname(path);
	for (unsigned i = 0; i < 100; i++) {
		struct sbuf b = SBUF_INIT;
		sbuf_addf(&b, "%s/" FS_TMP_PREFIX "%ld-%u", dir, (long)getpid(), i);
		if (linkat(AT_FDCWD, t->proc, AT_FDCWD, b.s, AT_SYMLINK_FOLLOW) == 0) {
			free(dir);
			t->name = sbuf_detach(&b);
			return 0;
		}
		int e = errno;
		sbuf_free(&b);
		if (e != EEXIST) {
			errno = e;
			break;
		}
	}
	free(dir);
	return -1;
}

/* Moves the named temporary file to path only if path is still free:
 * renameat2's RENAME_NOREPLACE, else a hard link, else (a FAT stick has
 * neither) a look just before the rename. */
static int rename_new(const char *from, const char *path)
{
#ifdef RENAME_NOREPLACE
	if (renameat2(AT_FDCWD, from, AT_FDCWD, path, RENAME_NOREPLACE) == 0)
		return 0;
	if (errno == EEXIST)
		return -1;
#endif
	if (link(from, path) == 0)
		return unlink(from), 0;
	if (errno == EEXIST)
		return -1;
	if (fs_exists(path)) {
		errno = EEXIST;
		return -1;
	}
	return rename(from, path);
}

int pf_tmp_place(struct fs_tmp *t, const char *path)
{
	int r = !t->name ? link_tmp(t, path) : 0;
	int e = errno;
	if (close(t->fd) != 0 && r == 0) {
		r = -1;
		e = errno;
	}
	t->fd = -1;
	if (r == 0 && t->name) {
		r = t->flags & FS_OVERWRITE ? rename(t->name, path) : rename_new(t->name, path);
		e = errno;
	}
	errno = e;
	return r;
}

void fs_tmp_abort(struct fs_tmp *t)
{
	if (t->fd >= 0)
		close(t->fd);
	t->fd = -1;
	if (t->name)
		unlink(t->name);
	free(t->name);
	t->name = NULL;
}

void pf_memory_release(void)
{
#ifdef HAVE_MALLOC_TRIM
	malloc_trim(0);
#endif
}
