#include <config.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "util/fsutil.h"
#include "util/platform.h"
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

const char *fs_last_sep(const char *path)
{
	const char *last = NULL;
	for (const char *p = path; (p = strpbrk(p, CCHC_PATH_SEPS)); p++)
		last = p;
	return last;
}

const char *fs_base_name(const char *path)
{
	const char *slash = fs_last_sep(path);
	return slash ? slash + 1 : path;
}

char *fs_dirname(const char *path)
{
	const char *slash = fs_last_sep(path);
	if (!slash)
		return xstrdup(".");
	if (slash == path)
		return xstrndup(path, 1);
	return xstrndup(path, (size_t)(slash - path));
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
#define GUARD_NAMES 10
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
	static const char *const suffix[] = { "", "-wal", "-shm", "-journal", "-lock" };
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
	bool same = pf_same_file(da, db);
	free(da);
	free(db);
	return same;
}

bool fs_is_guarded(const char *path)
{
	for (int i = 0; i < GUARD_MAX; i++)
		for (int k = 0; k < guards[i].n; k++) {
			const char *name = guards[i].names[k];
			if (pf_same_file(path, name) || same_entry(path, name))
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

int fs_exists_error(const char *path, struct cchc_err *err)
{
	return err_set(err, CCHC_EEXIST, "Đã có tệp %s; cchc không ghi đè tệp đã có. Hãy chọn tên "
		       "khác, hoặc thêm --force nếu muốn thay tệp đó.", path);
}

int fs_check_target(const char *path, int flags, struct cchc_err *err)
{
	if (!(flags & FS_GUARDED_OK) && fs_guard_check(path, err))
		return err->code;
	if (!(flags & FS_OVERWRITE) && fs_exists(path))
		return fs_exists_error(path, err);
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

void fs_sweep_tmp(const char *dir)
{
	DIR *d = opendir(dir);
	if (!d)
		return;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (strncmp(e->d_name, FS_TMP_PREFIX, strlen(FS_TMP_PREFIX)) != 0)
			continue;
		struct sbuf p = SBUF_INIT;
		sbuf_addf(&p, "%s/%s", dir, e->d_name);
		pf_tmp_remove_unheld(p.s);
		sbuf_free(&p);
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
	char *dir = fs_dirname(path);
	fs_sweep_tmp(dir);
	int rc = pf_tmp_create(t, dir, path, fs_umasked(mode), err);
	free(dir);
	return rc;
}

int fs_tmp_commit(struct fs_tmp *t, const char *path, struct cchc_err *err)
{
	int ok = fsync(t->fd) == 0;
	int e = errno;
	if (ok && !(t->flags & FS_GUARDED_OK) && fs_guard_check(path, err)) {
		fs_tmp_abort(t);
		return err->code;
	}
	if (ok && pf_tmp_place(t, path) != 0) {
		ok = 0;
		e = errno;
	}
	if (!ok) {
		fs_tmp_abort(t);
		if (e == EEXIST && !(t->flags & FS_OVERWRITE))
			return fs_exists_error(path, err);
		return err_set(err, CCHC_EIO, "Không ghi được %s: %s", path, err_sys(e));
	}
	free(t->name);
	t->name = NULL;
	char *dir = fs_dirname(path);
	pf_sync_folder(dir);
	free(dir);
	return CCHC_OK;
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

/* Makes dir unless it is a folder already ("C:" on Windows cannot be made
 * but is there); 0, or -1 with errno. */
static int make_dir(const char *dir, mode_t mode)
{
	if (mkdir(dir, mode) == 0 || errno == EEXIST)
		return 0;
	int e = errno;
	struct stat st;
	if (stat(dir, &st) == 0 && S_ISDIR(st.st_mode))
		return 0;
	errno = e;
	return -1;
}

int fs_mkdir_p(const char *path, mode_t mode, struct cchc_err *err)
{
	char *p = xstrdup(path);
	int rc = CCHC_OK;
	for (char *s = p + 1; rc == CCHC_OK; s++) {
		bool last = !*s;
		if (!last && !strchr(CCHC_PATH_SEPS, *s))
			continue;
		char sep = *s;
		*s = '\0';
		if (make_dir(p, mode) != 0)
			rc = err_set(err, CCHC_EIO, "Không tạo được thư mục %s: %s", p, err_sys(errno));
		*s = sep;
		if (last)
			break;
	}
	free(p);
	return rc;
}
