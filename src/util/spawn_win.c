/* spawn.h on Windows: CreateProcessW with the command line quoted as the
 * C runtime parses it, stdout read here and stderr by a second thread (a
 * child that writes much to one pipe cannot block on the other), and the
 * shell's file associations for opening a file. */
#include <config.h>
#include <windows.h>
#include <shellapi.h>
#include <process.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include "util/sbuf.h"
#include "util/spawn.h"

#define ERR_MAX 4096

static wchar_t *wide(const char *s)
{
	int n = MultiByteToWideChar(CP_UTF8, 0, s, -1, NULL, 0);
	wchar_t *w = xmalloc(sizeof *w * (size_t)(n > 0 ? n : 1));
	w[0] = 0;
	if (n > 0)
		MultiByteToWideChar(CP_UTF8, 0, s, -1, w, n);
	return w;
}

/* One argument quoted for CommandLineToArgvW and the C runtime: in quotes
 * when it has a space or a quote, backslashes doubled before a quote. */
static void quote_arg(struct sbuf *b, const char *a)
{
	if (*a && !strpbrk(a, " \t\"")) {
		sbuf_add(b, a);
		return;
	}
	sbuf_add(b, "\"");
	for (const char *p = a;; p++) {
		size_t bs = 0;
		while (*p == '\\') {
			p++;
			bs++;
		}
		if (!*p) {
			for (size_t i = 0; i < bs * 2; i++)
				sbuf_add(b, "\\");
			break;
		}
		for (size_t i = 0; i < (*p == '"' ? bs * 2 + 1 : bs); i++)
			sbuf_add(b, "\\");
		sbuf_addn(b, p, 1);
	}
	sbuf_add(b, "\"");
}

static wchar_t *command_line(const char *const argv[])
{
	struct sbuf b = SBUF_INIT;
	for (int i = 0; argv[i]; i++) {
		if (i)
			sbuf_add(&b, " ");
		quote_arg(&b, argv[i]);
	}
	wchar_t *w = wide(b.s);
	sbuf_free(&b);
	return w;
}

static HANDLE null_handle(DWORD access)
{
	SECURITY_ATTRIBUTES sa = { sizeof sa, NULL, TRUE };
	return CreateFileW(L"NUL", access, FILE_SHARE_READ | FILE_SHARE_WRITE, &sa, OPEN_EXISTING,
			   0, NULL);
}

/* Starts argv with the given standard handles; false with GetLastError. */
static bool start(const char *const argv[], HANDLE in, HANDLE out, HANDLE errh, DWORD how,
		  PROCESS_INFORMATION *pi)
{
	STARTUPINFOW si = { .cb = sizeof si, .dwFlags = STARTF_USESTDHANDLES, .hStdInput = in,
			    .hStdOutput = out, .hStdError = errh };
	wchar_t *cmd = command_line(argv);
	BOOL ok = CreateProcessW(NULL, cmd, NULL, NULL, TRUE, how, NULL, NULL, &si, pi);
	DWORD e = GetLastError();
	free(cmd);
	SetLastError(e);
	return ok != 0;
}

static bool not_installed(DWORD e)
{
	return e == ERROR_FILE_NOT_FOUND || e == ERROR_PATH_NOT_FOUND;
}

struct reader {
	HANDLE h;
	struct sbuf b;
	size_t max;
	int truncated;
};

static void read_all(struct reader *r)
{
	char buf[8192];
	DWORD n;
	while (ReadFile(r->h, buf, sizeof buf, &n, NULL) && n > 0) {
		size_t room = r->b.len < r->max ? r->max - r->b.len : 0;
		size_t keep = n < room ? n : room;
		if (keep)
			sbuf_addn(&r->b, buf, keep);
		if (keep < n)
			r->truncated = 1;
	}
}

static unsigned __stdcall read_thread(void *arg)
{
	read_all(arg);
	return 0;
}

/* A pipe whose write end the child inherits and whose read end it does not. */
static bool child_pipe(HANDLE *rd, HANDLE *wr)
{
	SECURITY_ATTRIBUTES sa = { sizeof sa, NULL, TRUE };
	if (!CreatePipe(rd, wr, &sa, 0))
		return false;
	SetHandleInformation(*rd, HANDLE_FLAG_INHERIT, 0);
	return true;
}

int spawn_capture(const char *const argv[], size_t max_out, struct spawn_result *res,
		  struct cchc_err *err)
{
	memset(res, 0, sizeof *res);
	HANDLE out_r, out_w, err_r, err_w;
	if (!child_pipe(&out_r, &out_w))
		return err_set(err, CCHC_EIO, "Không chạy được %s (lỗi Windows %lu)", argv[0],
			       (unsigned long)GetLastError());
	if (!child_pipe(&err_r, &err_w)) {
		CloseHandle(out_r);
		CloseHandle(out_w);
		return err_set(err, CCHC_EIO, "Không chạy được %s (lỗi Windows %lu)", argv[0],
			       (unsigned long)GetLastError());
	}
	HANDLE in = null_handle(GENERIC_READ);
	PROCESS_INFORMATION pi;
	bool ok = start(argv, in, out_w, err_w, CREATE_NO_WINDOW, &pi);
	DWORD e = GetLastError();
	CloseHandle(in);
	CloseHandle(out_w);
	CloseHandle(err_w);
	if (!ok) {
		CloseHandle(out_r);
		CloseHandle(err_r);
		if (not_installed(e)) {
			res->not_found = 1;
			res->status = 127;
			res->out = xstrdup("");
			res->errtext = xstrdup("");
			return CCHC_OK;
		}
		return err_set(err, CCHC_EIO, "Không chạy được %s (lỗi Windows %lu)", argv[0],
			       (unsigned long)e);
	}
	struct reader ro = { out_r, SBUF_INIT, max_out, 0 }, re = { err_r, SBUF_INIT, ERR_MAX, 0 };
	HANDLE t = (HANDLE)_beginthreadex(NULL, 0, read_thread, &re, 0, NULL);
	read_all(&ro);
	if (t) {
		WaitForSingleObject(t, INFINITE);
		CloseHandle(t);
	} else {
		read_all(&re);
	}
	WaitForSingleObject(pi.hProcess, INFINITE);
	DWORD code = 0;
	GetExitCodeProcess(pi.hProcess, &code);
	CloseHandle(pi.hProcess);
	CloseHandle(pi.hThread);
	CloseHandle(out_r);
	CloseHandle(err_r);
	sbuf_add(&ro.b, "");
	sbuf_add(&re.b, "");
	res->outlen = ro.b.len;
	res->out = sbuf_detach(&ro.b);
	res->errtext = sbuf_detach(&re.b);
	res->truncated = ro.truncated;
	res->status = (int)code;
	return CCHC_OK;
}

void spawn_result_free(struct spawn_result *res)
{
	free(res->out);
	free(res->errtext);
	res->out = res->errtext = NULL;
}

/* Waits up to wait_ms (-1: for ever) for process h: its exit code, or -1
 * while it runs. */
static int wait_status(HANDLE h, int wait_ms)
{
	if (WaitForSingleObject(h, wait_ms < 0 ? INFINITE : (DWORD)wait_ms) != WAIT_OBJECT_0)
		return -1;
	DWORD code = 0;
	GetExitCodeProcess(h, &code);
	return (int)code;
}

/* A detached child needs no reaping on Windows: closing its handles is
 * all, and it runs on. */
int spawn_detached(const char *const argv[], int wait_ms, int *status, struct cchc_err *err)
{
	HANDLE in = null_handle(GENERIC_READ), out = null_handle(GENERIC_WRITE);
	PROCESS_INFORMATION pi;
	bool ok = start(argv, in, out, out, DETACHED_PROCESS | CREATE_NEW_PROCESS_GROUP, &pi);
	DWORD e = GetLastError();
	CloseHandle(in);
	CloseHandle(out);
	if (!ok) {
		if (not_installed(e)) {
			*status = 127;
			return CCHC_OK;
		}
		return err_set(err, CCHC_EIO, "Không chạy được %s (lỗi Windows %lu)", argv[0],
			       (unsigned long)e);
	}
	*status = wait_status(pi.hProcess, wait_ms);
	CloseHandle(pi.hProcess);
	CloseHandle(pi.hThread);
	return CCHC_OK;
}

int spawn_detached_keep(const char *const argv[], int keep_fd, int wait_ms, int *status,
			struct cchc_err *err)
{
	(void)keep_fd;
	return spawn_detached(argv, wait_ms, status, err);
}

/* The file type's association, as a double-click in Explorer opens it;
 * *status is the Windows error when there is none (1155). */
int spawn_open_file(const char *path, int wait_ms, int *status, const char **opener,
		    struct cchc_err *err)
{
	const char *o = getenv("CCHC_OPENER");
	if (o && *o) {
		*opener = o;
		const char *argv[] = { o, path, NULL };
		return spawn_detached(argv, wait_ms, status, err);
	}
	*opener = "Windows";
	wchar_t *w = wide(path);
	SHELLEXECUTEINFOW sei = { .cbSize = sizeof sei, .fMask = SEE_MASK_FLAG_NO_UI |
				  SEE_MASK_NOASYNC, .lpVerb = L"open", .lpFile = w,
				  .nShow = SW_SHOWNORMAL };
	BOOL ok = ShellExecuteExW(&sei);
	DWORD e = GetLastError();
	free(w);
	*status = ok ? -1 : (int)(e ? e : ERROR_NO_ASSOCIATION);
	return CCHC_OK;
}
