#include <config.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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

static int write_all(int fd, const char *p, size_t n)
{
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

int fs_tmp_open(struct fs_tmp *t, const char *path, mode_t mode, struct cchc_err *err)
{
	t->fd = -1;
	t->name = NULL;
	t->proc[0] = '\0';
#ifdef O_TMPFILE
	char *dir = fs_dirname(path);
	t->fd = open(dir, O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
	free(dir);
	snprintf(t->proc, sizeof t->proc, "/proc/self/fd/%d", t->fd);
	if (t->fd >= 0 && access(t->proc, F_OK) != 0) { /* no /proc: could not name it */
		close(t->fd);
		t->fd = -1;
	}
#endif
	if (t->fd < 0) {
		struct sbuf b = SBUF_INIT;
		sbuf_addf(&b, "%s.tmp.XXXXXX", path);
		t->fd = mkstemp(b.s);
		if (t->fd < 0) {
			int e = errno;
			sbuf_free(&b);
			return err_set(err, CCHC_EIO, "Không tạo được tệp tạm cạnh %s: %s", path,
				       err_sys(e));
		}
		t->name = sbuf_detach(&b);
	}
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

/* Names the unnamed file of t: path itself when that is free, else a new
 * "path.tmp.PID.N" left in t->name to be renamed over path. */
static int link_tmp(struct fs_tmp *t, const char *path)
{
	if (linkat(AT_FDCWD, t->proc, AT_FDCWD, path, AT_SYMLINK_FOLLOW) == 0)
		return 0;
	if (errno != EEXIST)
		return -1;
	for (unsigned i = 0; i < 100; i++) {
		struct sbuf b = SBUF_INIT;
		sbuf_addf(&b, "%s.tmp.%ld.%u", path, (long)getpid(), i);
		if (linkat(AT_FDCWD, t->proc, AT_FDCWD, b.s, AT_SYMLINK_FOLLOW) == 0) {
			t->name = sbuf_detach(&b);
			return 0;
		}
		sbuf_free(&b);
		if (errno != EEXIST)
			return -1;
	}
	return -1;
}

int fs_tmp_commit(struct fs_tmp *t, const char *path, struct cchc_err *err)
{
	int ok = fsync(t->fd) == 0;
	int e = errno;
	if (ok && !t->name && link_tmp(t, path) != 0) {
		ok = 0;
		e = errno;
	}
	if (close(t->fd) != 0 && ok) {
		ok = 0;
		e = errno;
	}
	t->fd = -1;
	if (ok && t->name && rename(t->name, path) != 0) {
		ok = 0;
		e = errno;
	}
	if (!ok) {
		fs_tmp_abort(t);
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

int fs_write_atomic(const char *path, const void *data, size_t n, mode_t mode, struct cchc_err *err)
{
	struct fs_tmp t;
	if (fs_tmp_open(&t, path, mode, err))
		return err->code;
	if (write_all(t.fd, data, n) != 0) {
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
