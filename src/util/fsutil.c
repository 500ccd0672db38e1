#include <config.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include "util/fsutil.h"
#include "util/sbuf.h"

int fs_read_file(const char *path, size_t max, char **out, size_t *len, struct cchc_err *err)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return err_set(err, CCHC_EIO, "Không mở được tệp %s: %s", path, err_sys(errno));
	struct stat st;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return err_set(err, CCHC_EINPUT, "%s không phải là một tệp thông thường", path);
	}
	if ((size_t)st.st_size > max) {
		close(fd);
		return err_set(err, CCHC_EINPUT, "Tệp %s quá lớn (%lld byte, tối đa %zu byte)", path,
			       (long long)st.st_size, max);
	}
	struct sbuf b = SBUF_INIT;
	char chunk[65536];
	for (;;) {
		ssize_t r = read(fd, chunk, sizeof chunk);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			int e = errno;
			close(fd);
			sbuf_free(&b);
			return err_set(err, CCHC_EIO, "Lỗi khi đọc %s: %s", path, err_sys(e));
		}
		if (r == 0)
			break;
		sbuf_addn(&b, chunk, (size_t)r);
		if (b.len > max) {
			close(fd);
			sbuf_free(&b);
			return err_set(err, CCHC_EINPUT, "Tệp %s quá lớn", path);
		}
	}
	close(fd);
	*len = b.len;
	*out = sbuf_detach(&b);
	return CCHC_OK;
}

const char *fs_base_name(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash ? slash + 1 : path;
}

char *fs_dirname(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		return xstrdup(".");
	if (slash == path)
		return xstrdup("/");
	return xstrndup(path, (size_t)(slash - path));
}

static int fsync_dir(const char *dir)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	int r = fsync(fd);
	close(fd);
	return r;
}

int fs_write_all(int fd, const void *buf, size_t n)
{
	const char *p = buf;
	while (n > 0) {
		ssize_t w = write(fd, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0)
			return -1;
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

/* ---- the files never to write over ---- */

#define GUARD_MAX 16
#define GUARD_NAMES 8
/* One guard per open database: the names it covers, worked out when it was
 * opened (the link's target may change later); two connections to one file
 * are two guards, so closing one leaves the file guarded. */
struct guard {
	char *key;                /* the path db_open was given */
	char *names[GUARD_NAMES]; /* it and the file it leads to, with the journals */
	int n;
};
static struct guard guards[GUARD_MAX];

static void guard_name(struct guard *g, const char *base, const char *suffix)
{
	struct sbuf b = SBUF_INIT;
	sbuf_addf(&b, "%s%s", base, suffix);
	if (g->n < GUARD_NAMES)
		g->names[g->n++] = sbuf_detach(&b);
	else
		sbuf_free(&b);
}

void fs_guard_add(const char *path)
{
	static const char *const suffix[] = { "", "-wal", "-shm", "-journal" };
	struct guard *g = NULL;
	for (int i = 0; i < GUARD_MAX && !g; i++)
		if (!guards[i].key)
			g = &guards[i];
	if (!g)
		return;
	g->key = xstrdup(path);
	char *real = realpath(path, NULL);
	for (size_t i = 0; i < sizeof suffix / sizeof suffix[0]; i++) {
		guard_name(g, path, suffix[i]);
		if (real && strcmp(real, path) != 0)
			guard_name(g, real, suffix[i]);
	}
	free(real);
}

void fs_guard_remove(const char *path)
{
	for (int i = 0; i < GUARD_MAX; i++) {
		struct guard *g = &guards[i];
		if (!g->key || strcmp(g->key, path) != 0)
			continue;
		for (int k = 0; k < g->n; k++)
			free(g->names[k]);
		free(g->key);
		memset(g, 0, sizeof *g);
		return;
	}
}


/* Whether a and b name the same entry of the same folder (the folder
 * compared by device and inode, so "./x" and "/home/u/x" match). */
static bool same_entry(const char *a, const char *b)
{
	if (strcmp(fs_base_name(a), fs_base_name(b)) != 0)
		return false;
	char *da = fs_dirname(a), *db = fs_dirname(b);
	struct stat sa, sb;
	bool same = stat(da, &sa) == 0 && stat(db, &sb) == 0 && sa.st_dev == sb.st_dev &&
		    sa.st_ino == sb.st_ino;
	free(da);
	free(db);
	return same;
}

bool fs_is_guarded(const char *path)
{
	struct stat st, g;
	bool there = stat(path, &st) == 0;
	for (int i = 0; i < GUARD_MAX; i++)
		for (int k = 0; k < guards[i].n; k++) {
			const char *name = guards[i].names[k];
			if (there && stat(name, &g) == 0 && g.st_dev == st.st_dev &&
			    g.st_ino == st.st_ino)
				return true;
			if (same_entry(path, name))
				return true;
		}
	return false;
}

int fs_guard_check(const char *path, struct cchc_err *err)
{
	if (!fs_is_guarded(path))
		return CCHC_OK;
	return err_set(err, CCHC_EINPUT, "Không ghi vào %s: đó là tệp dữ liệu cchc đang dùng (hoặc "
		       "tệp nhật ký của nó); ghi vào đó sẽ làm mất dữ liệu. Hãy chọn tên tệp khác.",
		       path);
}

bool fs_exists(const char *path)
{
	struct stat st;
	return lstat(path, &st) == 0;
}

static int exists_error(const char *path, struct cchc_err *err)
{
	return err_set(err, CCHC_EEXIST, "Đã có tệp %s; cchc không ghi đè tệp đã có. Hãy chọn tên "
		       "khác, hoặc thêm --force nếu muốn thay tệp đó.", path);
}

int fs_check_target(const char *path, int flags, struct cchc_err *err)
{
	if (!(flags & FS_GUARDED_OK) && fs_guard_check(path, err))
		return err->code;
	if (!(flags & FS_OVERWRITE) && fs_exists(path))
		return exists_error(path, err);
	return CCHC_OK;
}

int fs_check_regular(const char *path, struct cchc_err *err)
{
	struct stat st;
	/* what a name leads to: a link to a device is a device */
	if (stat(path, &st) != 0 || S_ISREG(st.st_mode))
		return CCHC_OK;
	return err_set(err, CCHC_EINPUT, "%s không phải tệp thường (%s); cchc chỉ ghi tệp thường, và "
		       "không bao giờ thay một %s bằng tệp. Hãy chọn tên tệp khác%s.", path,
		       S_ISDIR(st.st_mode) ? "là thư mục" : "là thiết bị, ống hay ổ cắm",
		       S_ISDIR(st.st_mode) ? "thư mục" : "thiết bị", S_ISDIR(st.st_mode) ? "" :
		       ", hoặc --out - để in ra màn hình");
}

mode_t fs_umasked(mode_t mode)
{
	mode_t m = umask(0);
	umask(m);
	return mode & ~m;
}

/* ---- writing through a temporary file ---- */

#define TMP_PREFIX ".cchc-tmp-"

/* Removes the TMP_PREFIX files in dir that no process holds (the writer
 * keeps a lock on its own): what a cchc killed while writing there left. */
static void sweep_tmp(const char *dir)
{
	DIR *d = opendir(dir);
	if (!d)
		return;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (strncmp(e->d_name, TMP_PREFIX, strlen(TMP_PREFIX)) != 0)
			continue;
		int fd = openat(dirfd(d), e->d_name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
		if (fd < 0)
			continue;
		struct stat st;
		if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && flock(fd, LOCK_EX | LOCK_NB) == 0)
			unlinkat(dirfd(d), e->d_name, 0);
		close(fd);
	}
	closedir(d);
}

int fs_tmp_open(struct fs_tmp *t, const char *path, mode_t mode, int flags, struct cchc_err *err)
{
	t->fd = -1;
	t->name = NULL;
	t->proc[0] = '\0';
	t->flags = flags;
	if (fs_check_target(path, flags, err) || fs_check_regular(path, err))
		return err->code;
	mode = fs_umasked(mode);
	char *dir = fs_dirname(path);
	sweep_tmp(dir);
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
		sbuf_addf(&b, "%s/" TMP_PREFIX "XXXXXX", dir);
		t->fd = mkstemp(b.s);
		if (t->fd < 0) {
			int e = errno;
			sbuf_free(&b);
			free(dir);
			return err_set(err, CCHC_EIO, "Không tạo được tệp tạm cạnh %s: %s", path,
				       err_sys(e));
		}
		t->name = sbuf_detach(&b);
	}
	free(dir);
	flock(t->fd, LOCK_EX); /* sweep_tmp leaves it alone, named or not */
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
		sbuf_addf(&b, "%s/" TMP_PREFIX "%ld-%u", dir, (long)getpid(), i);
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

int fs_tmp_commit(struct fs_tmp *t, const char *path, struct cchc_err *err)
{
	int ok = fsync(t->fd) == 0;
	int e = errno;
	if (ok && !(t->flags & FS_GUARDED_OK) && fs_guard_check(path, err)) {
		fs_tmp_abort(t);
		return err->code;
	}
	if (ok && !t->name && link_tmp(t, path) != 0) {
		ok = 0;
		e = errno;
	}
	if (close(t->fd) != 0 && ok) {
		ok = 0;
		e = errno;
	}
	t->fd = -1;
	if (ok && t->name) {
		int r = t->flags & FS_OVERWRITE ? rename(t->name, path) : rename_new(t->name, path);
		if (r != 0) {
			ok = 0;
			e = errno;
		}
	}
	if (!ok) {
		fs_tmp_abort(t);
		if (e == EEXIST && !(t->flags & FS_OVERWRITE))
			return exists_error(path, err);
		return err_set(err, CCHC_EIO, "Không ghi được %s: %s", path, err_sys(e));
	}
	free(t->name);
	t->name = NULL;
	char *dir = fs_dirname(path);
	fsync_dir(dir);
	free(dir);
	return CCHC_OK;
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

int fs_write_atomic(const char *path, const void *data, size_t n, mode_t mode, int flags,
		    struct cchc_err *err)
{
	struct fs_tmp t;
	if (fs_tmp_open(&t, path, mode, flags, err))
		return err->code;
	if (fs_write_all(t.fd, data, n) != 0) {
		int e = errno;
		fs_tmp_abort(&t);
		return err_set(err, CCHC_EIO, "Không ghi được %s: %s", path, err_sys(e));
	}
	return fs_tmp_commit(&t, path, err);
}

int fs_mkdir_p(const char *path, mode_t mode, struct cchc_err *err)
{
	char *p = xstrdup(path);
	for (char *s = p + 1; *s; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		if (mkdir(p, mode) != 0 && errno != EEXIST) {
			int e = errno;
			err_set(err, CCHC_EIO, "Không tạo được thư mục %s: %s", p, err_sys(e));
			free(p);
			return CCHC_EIO;
		}
		*s = '/';
	}
	int r = mkdir(p, mode);
	if (r != 0 && errno != EEXIST) {
		int e = errno;
		err_set(err, CCHC_EIO, "Không tạo được thư mục %s: %s", p, err_sys(e));
		free(p);
		return CCHC_EIO;
	}
	free(p);
	return CCHC_OK;
}
