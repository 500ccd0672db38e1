/* The rules every writer of a file follows (src/util/fsutil.c): a file that
 * is there is replaced only when asked, the open database and its journals
 * never, and outputs get 0666 less the umask. */
#include <config.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "store/db.h"
#include "util/fsutil.h"
#include "util/sbuf.h"
#include "check.h"

static char dir[] = "/tmp/cchc-fsutil.XXXXXX";

static char *in_dir(const char *name)
{
	struct sbuf b = SBUF_INIT;
	sbuf_addf(&b, "%s/%s", dir, name);
	return sbuf_detach(&b);
}

/* The whole of a small file, or "" when it cannot be read. */
static char *slurp(const char *path)
{
	char *s = NULL;
	size_t n;
	struct cchc_err err = { 0 };
	if (fs_read_file(path, 1 << 20, &s, &n, &err))
		return xstrdup("");
	return s;
}

static void test_no_replace(void)
{
	struct cchc_err err = { 0 };
	char *p = in_dir("a.txt");
	CHECK_INT(fs_write_atomic(p, "one", 3, 0666, FS_NEW, &err), CCHC_OK);
	CHECK_INT(fs_write_atomic(p, "two", 3, 0666, FS_NEW, &err), CCHC_EEXIST);
	CHECK(strstr(err.msg, "--force") != NULL);
	char *s = slurp(p);
	CHECK_STR(s, "one");
	free(s);
	CHECK_INT(fs_write_atomic(p, "three", 5, 0666, FS_OVERWRITE, &err), CCHC_OK);
	s = slurp(p);
	CHECK_STR(s, "three");
	free(s);
	/* a dangling link is something there too: never replaced unasked */
	char *link = in_dir("dangling");
	CHECK_INT(symlink("/nonexistent/x", link), 0);
	CHECK_INT(fs_write_atomic(link, "x", 1, 0666, FS_NEW, &err), CCHC_EEXIST);
	struct stat st;
	CHECK(lstat(link, &st) == 0 && S_ISLNK(st.st_mode));
	free(link);
	free(p);
}

/* A file that appears between the open and the commit is not replaced. */
static void test_appears_meanwhile(void)
{
	struct cchc_err err = { 0 };
	char *p = in_dir("race.txt");
	struct fs_tmp t;
	CHECK_INT(fs_tmp_open(&t, p, 0666, FS_NEW, &err), CCHC_OK);
	CHECK(write(t.fd, "new", 3) == 3);
	CHECK_INT(fs_write_atomic(p, "other", 5, 0666, FS_NEW, &err), CCHC_OK);
	CHECK_INT(fs_tmp_commit(&t, p, &err), CCHC_EEXIST);
	char *s = slurp(p);
	CHECK_STR(s, "other");
	free(s);
	free(p);
}

static mode_t mode_of(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 ? st.st_mode & 0777 : 0;
}

static void test_umask(void)
{
	struct cchc_err err = { 0 };
	mode_t old = umask(077);
	char *p = in_dir("private.txt");
	CHECK_INT(fs_write_atomic(p, "x", 1, 0666, FS_NEW, &err), CCHC_OK);
	CHECK_INT(mode_of(p), 0600);
	umask(022);
	CHECK_INT(fs_write_atomic(p, "y", 1, 0666, FS_OVERWRITE, &err), CCHC_OK);
	CHECK_INT(mode_of(p), 0644);
	umask(old);
	free(p);
}

/* The open database, by any name, and its journals even before they exist,
 * are refused with FS_OVERWRITE too; only FS_GUARDED_OK passes. */
static void test_guard(void)
{
	struct cchc_err err = { 0 };
	char *path = in_dir("cchc.db");
	struct db db;
	CHECK_INT(db_open(&db, path, &err), CCHC_OK);
	char *hard = in_dir("hard.db"), *soft = in_dir("soft.db"), *sub = in_dir("sub");
	CHECK_INT(link(path, hard), 0);
	CHECK_INT(symlink(path, soft), 0);
	CHECK_INT(mkdir(sub, 0700), 0);
	struct sbuf other = SBUF_INIT;
	sbuf_addf(&other, "%s/../cchc.db", sub);
	const char *names[] = { path, hard, soft, other.s };
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		err_clear(&err);
		CHECK_INT(fs_write_atomic(names[i], "x", 1, 0666, FS_OVERWRITE, &err), CCHC_EINPUT);
		CHECK(strstr(err.msg, "tệp dữ liệu cchc đang dùng") != NULL);
	}
	static const char *const journal[] = { "-wal", "-shm", "-journal" };
	for (size_t i = 0; i < 3; i++) {
		struct sbuf j = SBUF_INIT;
		sbuf_addf(&j, "%s%s", other.s, journal[i]);
		CHECK_INT(fs_check_target(j.s, FS_OVERWRITE, &err), CCHC_EINPUT);
		sbuf_free(&j);
	}
	char *plain = in_dir("cchc.db2");
	CHECK_INT(fs_check_target(plain, FS_NEW, &err), CCHC_OK);
	CHECK_INT(db_exec(&db, "CREATE TABLE IF NOT EXISTS t_guard(x)", &err), CCHC_OK);
	db_close(&db);
	/* closed: no longer guarded */
	CHECK_INT(fs_check_target(path, FS_OVERWRITE, &err), CCHC_OK);
	free(plain);
	sbuf_free(&other);
	free(hard);
	free(soft);
	free(sub);
	free(path);
}

/* Two connections to one file: closing one leaves it guarded. */
static void test_guard_two_connections(void)
{
	struct cchc_err err = { 0 };
	char *path = in_dir("two.db");
	struct db a, b;
	CHECK_INT(db_open(&a, path, &err), CCHC_OK);
	CHECK_INT(db_open(&b, path, &err), CCHC_OK);
	db_close(&a);
	CHECK_INT(fs_check_target(path, FS_OVERWRITE, &err), CCHC_EINPUT);
	db_close(&b);
	CHECK_INT(fs_check_target(path, FS_OVERWRITE, &err), CCHC_OK);
	free(path);
}

int main(void)
{
	if (!mkdtemp(dir))
		return 99;
	setenv("CCHC_NO_AUTO_BACKUP", "1", 1);
	test_no_replace();
	test_appears_meanwhile();
	test_umask();
	test_guard();
	test_guard_two_connections();
	check_remove_dir(dir);
	return check_report("test_fsutil");
}
