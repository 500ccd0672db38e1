/* The platform layer on Windows (util/platform.h), the half of
 * util/fsutil.h that writes through temporary files, and the C library
 * functions msvcrt lacks (util/compat.h). Paths are UTF-8 everywhere in
 * cchc; here they become UTF-16 for the wide-character API, so that a
 * Vietnamese file name works whatever the system's code page. */
#include <config.h>
#include <windows.h>
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <io.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "util/fsutil.h"
#include "util/platform.h"
#include "util/sbuf.h"

/* path as UTF-16 (malloc'd); NULL when it is not UTF-8. */
static wchar_t *wide(const char *s)
{
	int n = MultiByteToWideChar(CP_UTF8, MB_ERR_INVALID_CHARS, s, -1, NULL, 0);
	if (n <= 0)
		return NULL;
	wchar_t *w = xmalloc(sizeof *w * (size_t)n);
	MultiByteToWideChar(CP_UTF8, MB_ERR_INVALID_CHARS, s, -1, w, n);
	return w;
}

/* w as UTF-8 (malloc'd). */
static char *narrow(const wchar_t *w)
{
	int n = WideCharToMultiByte(CP_UTF8, 0, w, -1, NULL, 0, NULL, NULL);
	char *s = xmalloc(n > 0 ? (size_t)n : 1);
	s[0] = '\0';
	if (n > 0)
		WideCharToMultiByte(CP_UTF8, 0, w, -1, s, n, NULL, NULL);
	return s;
}

/* An environment variable read through the wide API (malloc'd UTF-8), or
 * NULL when unset or empty. */
static char *env_utf8(const wchar_t *name)
{
	wchar_t buf[MAX_PATH * 2];
	DWORD n = GetEnvironmentVariableW(name, buf, sizeof buf / sizeof buf[0]);
	if (n == 0 || n >= sizeof buf / sizeof buf[0])
		return NULL;
	return narrow(buf);
}

/* errno for a Windows error code, for err_sys() messages. */
static int errno_of(DWORD e)
{
	switch (e) {
	case ERROR_FILE_NOT_FOUND:
	case ERROR_PATH_NOT_FOUND:
		return ENOENT;
	case ERROR_FILE_EXISTS:
	case ERROR_ALREADY_EXISTS:
		return EEXIST;
	case ERROR_ACCESS_DENIED:
	case ERROR_SHARING_VIOLATION:
	case ERROR_LOCK_VIOLATION:
		return EACCES;
	case ERROR_DISK_FULL:
	case ERROR_HANDLE_DISK_FULL:
		return ENOSPC;
	case ERROR_NOT_SAME_DEVICE:
		return EXDEV;
	default:
		return EIO;
	}
}

void pf_startup(void)
{
	/* Every file binary: text mode turns CR LF into LF and stops reading
	 * at the first ^Z, which would cut stored evidence files short. */
	_fmode = _O_BINARY;
	_setmode(_fileno(stdin), _O_BINARY);
	_setmode(_fileno(stdout), _O_BINARY);
	_setmode(_fileno(stderr), _O_BINARY);
	/* The console shows and reads UTF-8, as a Linux terminal does. An
	 * unbuffered stream hands the console a letter's bytes one write at a
	 * time, which it shows as U+FFFD: whole lines go out instead (a
	 * question is flushed before its answer is read). */
	SetConsoleOutputCP(CP_UTF8);
	SetConsoleCP(CP_UTF8);
	if (_isatty(_fileno(stdout)))
		setvbuf(stdout, NULL, _IOFBF, 1 << 14);
	if (_isatty(_fileno(stderr)))
		setvbuf(stderr, NULL, _IOFBF, 1 << 12);
	/* ncurses takes the Windows console only without TERM; a TERM from a
	 * Unix-like shell (Git Bash, or Wine's host) would send it looking
	 * for a terminfo database that is not there. */
	_putenv("TERM=");
	/* The progress line of long commands redraws itself with \r\033[K. */
	static const DWORD streams[] = { STD_OUTPUT_HANDLE, STD_ERROR_HANDLE };
	for (size_t i = 0; i < sizeof streams / sizeof streams[0]; i++) {
		HANDLE h = GetStdHandle(streams[i]);
		DWORD mode;
		if (GetConsoleMode(h, &mode))
			SetConsoleMode(h, mode | ENABLE_VIRTUAL_TERMINAL_PROCESSING);
	}
}

/* cchc decodes and encodes UTF-8 itself; msvcrt has no UTF-8 locale to
 * switch to, and the console's code page is set by pf_startup. */
int pf_utf8_locale(void)
{
	setlocale(LC_ALL, "C");
	return 0;
}

const char *pf_user_name(void)
{
	static char name[256 * 3];
	if (!name[0]) {
		wchar_t w[257];
		DWORD n = sizeof w / sizeof w[0];
		char *s = GetUserNameW(w, &n) ? narrow(w) : env_utf8(L"USERNAME");
		snprintf(name, sizeof name, "%s", s ? s : "");
		free(s);
	}
	return name;
}

/* A folder of the user's profile from the environment (LOCALAPPDATA,
 * APPDATA), with sub appended; NULL when the variable is unset. */
static char *profile_dir(const wchar_t *var, const char *sub)
{
	char *base = env_utf8(var);
	if (!base)
		return NULL;
	struct sbuf b = SBUF_INIT;
	sbuf_addf(&b, "%s\\%s", base, sub);
	free(base);
	return sbuf_detach(&b);
}

char *pf_default_db_path(void)
{
	return profile_dir(L"LOCALAPPDATA", "cchc\\cchc.db");
}

const char *pf_default_db_hint(void)
{
	return "%LOCALAPPDATA%\\cchc\\cchc.db";
}

char *pf_config_dir(void)
{
	char *d = profile_dir(L"APPDATA", "cchc");
	return d ? d : xstrdup("cchc");
}

char *pf_self_path(void)
{
	wchar_t w[32768];
	DWORD n = GetModuleFileNameW(NULL, w, sizeof w / sizeof w[0]);
	return n == 0 || n >= sizeof w / sizeof w[0] ? NULL : narrow(w);
}

/* The folder of cchc.exe: data\ and themes\ are unpacked beside it. */
char *pf_shipped_data_dir(void)
{
	char *exe = pf_self_path();
	if (!exe)
		return xstrdup(".");
	char *dir = fs_dirname(exe);
	free(exe);
	return dir;
}

/* %LOCALAPPDATA%\cchc\mo-tep: the profile's folders are the user's alone. */
char *pf_private_dir(struct cchc_err *err)
{
	char *dir = profile_dir(L"LOCALAPPDATA", "cchc\\mo-tep");
	if (!dir) {
		err_set(err, CCHC_EIO, "Biến môi trường LOCALAPPDATA chưa đặt; không biết mở tệp ở đâu");
		return NULL;
	}
	if (fs_mkdir_p(dir, 0700, err)) {
		free(dir);
		return NULL;
	}
	return dir;
}

/* A handle on path for reading its identity (folders too), or
 * INVALID_HANDLE_VALUE. */
static HANDLE open_for_info(const char *path)
{
	wchar_t *w = wide(path);
	if (!w)
		return INVALID_HANDLE_VALUE;
	HANDLE h = CreateFileW(w, 0, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, NULL,
			       OPEN_EXISTING, FILE_FLAG_BACKUP_SEMANTICS, NULL);
	free(w);
	return h;
}

static bool file_id(const char *path, BY_HANDLE_FILE_INFORMATION *info)
{
	HANDLE h = open_for_info(path);
	if (h == INVALID_HANDLE_VALUE)
		return false;
	bool ok = GetFileInformationByHandle(h, info) != 0;
	CloseHandle(h);
	return ok;
}

bool pf_same_file(const char *a, const char *b)
{
	BY_HANDLE_FILE_INFORMATION ia, ib;
	return file_id(a, &ia) && file_id(b, &ib) &&
	       ia.dwVolumeSerialNumber == ib.dwVolumeSerialNumber &&
	       ia.nFileIndexHigh == ib.nFileIndexHigh && ia.nFileIndexLow == ib.nFileIndexLow;
}

/* SQLite's Windows VFS locks byte ranges (LockFileEx) of the database and
 * of its -shm: a lock over every byte fails while any of them is held. */
bool pf_locked_by_other(const char *path)
{
	wchar_t *w = wide(path);
	if (!w)
		return false;
	HANDLE h = CreateFileW(w, GENERIC_READ | GENERIC_WRITE,
			       FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, NULL,
			       OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, NULL);
	free(w);
	if (h == INVALID_HANDLE_VALUE)
		return GetLastError() == ERROR_SHARING_VIOLATION;
	OVERLAPPED o = { 0 };
	bool locked = !LockFileEx(h, LOCKFILE_EXCLUSIVE_LOCK | LOCKFILE_FAIL_IMMEDIATELY, 0,
				  MAXDWORD, MAXDWORD, &o);
	if (!locked)
		UnlockFileEx(h, 0, MAXDWORD, MAXDWORD, &o);
	CloseHandle(h);
	return locked;
}

size_t pf_name_max(const char *dir)
{
	return 255;
}

int pf_dup(int fd)
{
	return _dup(fd);
}

bool pf_replace_open_file_ok(void)
{
	return false;
}

/* In %TEMP%, opened with msvcrt's "T" (kept in memory while it fits) and
 * "D" (deleted when closed, also when the process is killed). */
FILE *pf_tmpfile(void)
{
	wchar_t dir[MAX_PATH + 1], name[MAX_PATH + 1];
	DWORD n = GetTempPathW(sizeof dir / sizeof dir[0], dir);
	if (n == 0 || n > MAX_PATH || !GetTempFileNameW(dir, L"cch", 0, name))
		return NULL;
	FILE *f = _wfopen(name, L"w+bTD");
	if (!f)
		DeleteFileW(name);
	return f;
}

const char *pf_null_device(void)
{
	return "NUL";
}

/* A folder held open cannot be renamed on Windows, which the writer must
 * do when it is finished: no lock, and a sweep leaves every hidden folder
 * (it cannot tell a live writer's from a dead one's). */
int pf_folder_lock(const char *dir, bool wait)
{
	return -1;
}

void pf_folder_unlock(int lock)
{
}

int pf_lockfile_open(const char *path, bool write)
{
	wchar_t *w = wide(path);
	if (!w)
		return -1;
	HANDLE h = CreateFileW(w, write ? GENERIC_READ | GENERIC_WRITE : GENERIC_READ,
			       FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, NULL,
			       write ? OPEN_ALWAYS : OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, NULL);
	free(w);
	if (h == INVALID_HANDLE_VALUE)
		return -1;
	int fd = _open_osfhandle((intptr_t)h, write ? 0 : _O_RDONLY);
	if (fd < 0)
		CloseHandle(h);
	return fd;
}

/* LockFileEx locks are mandatory: the one byte locked lies far past the
 * bytes the file holds (as SQLite's pending byte does), where no read or
 * write reaches. */
#define LOCKFILE_BYTE 0x40000000u

int pf_lockfile_lock(int fd, bool exclusive, bool wait)
{
	HANDLE h = (HANDLE)_get_osfhandle(fd);
	if (h == INVALID_HANDLE_VALUE)
		return -1;
	OVERLAPPED o = { 0 };
	o.Offset = LOCKFILE_BYTE;
	UnlockFileEx(h, 0, 1, 0, &o);   /* a lock held is changed: none may overlap it */
	DWORD how = (exclusive ? LOCKFILE_EXCLUSIVE_LOCK : 0) | (wait ? 0 : LOCKFILE_FAIL_IMMEDIATELY);
	return LockFileEx(h, how, 0, 1, 0, &o) ? 0 : -1;
}

/* spawn_detached_keep hands nothing on here. */
void pf_lockfile_inherited_close(void)
{
}

/* MoveFileEx's MOVEFILE_WRITE_THROUGH has flushed the entry already. */
void pf_sync_folder(const char *dir)
{
}

/* ---- writing through a temporary file (util/fsutil.h) ---- */

mode_t fs_umasked(mode_t mode)
{
	return mode;
}

/* Windows refuses to delete a file another process has open, so a live
 * writer's stays. */
void pf_tmp_remove_unheld(const char *path)
{
	wchar_t *w = wide(path);
	if (w)
		DeleteFileW(w);
	free(w);
}

/* A new name in path's folder: Windows has no unnamed files. */
int pf_tmp_create(struct fs_tmp *t, const char *dir, const char *path, mode_t mode,
		  struct cchc_err *err)
{
	static unsigned counter;
	int e = EEXIST;
	for (int i = 0; i < 100 && t->fd < 0 && e == EEXIST; i++) {
		struct sbuf b = SBUF_INIT;
		sbuf_addf(&b, "%s/" FS_TMP_PREFIX "%lu-%u", dir, (unsigned long)GetCurrentProcessId(),
			  counter++);
		wchar_t *w = wide(b.s);
		t->fd = w ? _wopen(w, _O_RDWR | _O_CREAT | _O_EXCL | _O_BINARY | _O_NOINHERIT,
				   _S_IREAD | _S_IWRITE) : -1;
		e = w ? errno : EINVAL;
		free(w);
		if (t->fd >= 0)
			t->name = sbuf_detach(&b);
		else
			sbuf_free(&b);
	}
	if (t->fd < 0)
		return err_set(err, CCHC_EIO, "Không tạo được tệp tạm cạnh %s: %s", path, err_sys(e));
	return CCHC_OK;
}

const char *fs_tmp_path(const struct fs_tmp *t)
{
	return t->name;
}

/* Moves the finished file over path (replacing it only with
 * FS_OVERWRITE), the entry written through to the disk; errno set. */
static int move_into_place(const char *from, const char *path, int flags)
{
	wchar_t *wf = wide(from), *wt = wide(path);
	DWORD how = MOVEFILE_WRITE_THROUGH | (flags & FS_OVERWRITE ? MOVEFILE_REPLACE_EXISTING : 0);
	int r = 0;
	if (!wf || !wt) {
		errno = EINVAL;
		r = -1;
	} else if (!MoveFileExW(wf, wt, how)) {
		errno = errno_of(GetLastError());
		r = -1;
	}
	free(wf);
	free(wt);
	return r;
}

/* Windows will not rename an open file: closed first, then moved. */
int pf_tmp_place(struct fs_tmp *t, const char *path)
{
	int r = _close(t->fd);
	t->fd = -1;
	return r == 0 ? move_into_place(t->name, path, t->flags) : -1;
}

void fs_tmp_abort(struct fs_tmp *t)
{
	if (t->fd >= 0)
		_close(t->fd);
	t->fd = -1;
	if (t->name) {
		wchar_t *w = wide(t->name);
		if (w)
			DeleteFileW(w);
		free(w);
	}
	free(t->name);
	t->name = NULL;
}

/* ---- what msvcrt lacks (util/compat.h) ---- */

/* Not atomic like POSIX pread (cchc never shares a descriptor between
 * threads), but like it the file position is left where it was: a reader
 * that samples the head of a file with pread goes on with read(). */
static ssize_t at_offset(int fd, void *rbuf, const void *wbuf, size_t n, off_t off)
{
	__int64 at = _lseeki64(fd, 0, SEEK_CUR);
	if (at < 0 || _lseeki64(fd, off, SEEK_SET) < 0)
		return -1;
	unsigned k = n > INT_MAX ? INT_MAX : (unsigned)n;
	int r = rbuf ? _read(fd, rbuf, k) : _write(fd, wbuf, k);
	int e = errno;
	_lseeki64(fd, at, SEEK_SET);
	errno = e;
	return r;
}

ssize_t pread(int fd, void *buf, size_t n, off_t off)
{
	return at_offset(fd, buf, NULL, n, off);
}

ssize_t pwrite(int fd, const void *buf, size_t n, off_t off)
{
	return at_offset(fd, NULL, buf, n, off);
}

char *strcasestr(const char *haystack, const char *needle)
{
	size_t n = strlen(needle);
	for (; *haystack; haystack++)
		if (_strnicmp(haystack, needle, n) == 0)
			return (char *)haystack;
	return n ? NULL : (char *)haystack;
}

void *memmem(const void *haystack, size_t hn, const void *needle, size_t nn)
{
	const char *h = haystack;
	if (nn == 0)
		return (void *)h;
	for (size_t i = 0; nn <= hn && i <= hn - nn; i++)
		if (h[i] == *(const char *)needle && memcmp(h + i, needle, nn) == 0)
			return (void *)(h + i);
	return NULL;
}

char *mkdtemp(char *tmpl)
{
	size_t n = strlen(tmpl);
	if (n < 6 || strcmp(tmpl + n - 6, "XXXXXX") != 0) {
		errno = EINVAL;
		return NULL;
	}
	static const char letters[] = "abcdefghijklmnopqrstuvwxyz0123456789";
	unsigned seed = (unsigned)GetTickCount() ^ (unsigned)GetCurrentProcessId() << 8;
	for (int tries = 0; tries < 100; tries++) {
		for (int i = 0; i < 6; i++, seed = seed * 1103515245u + 12345u)
			tmpl[n - 6 + i] = letters[(seed >> 16) % 36];
		wchar_t *w = wide(tmpl);
		int r = w ? _wmkdir(w) : -1;
		free(w);
		if (r == 0)
			return tmpl;
		if (errno != EEXIST)
			return NULL;
	}
	return NULL;
}

void pf_memory_release(void)
{
	/* the CRT heap gives back its free regions itself */
}
