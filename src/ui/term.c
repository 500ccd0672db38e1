#include <config.h>
#include "ui/term.h"
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <utf8proc.h>
#include "text/utf8.h"
#include "ui/keymap.h"
#include "ui/theme.h"
#include "util/fsutil.h"
#include "util/sbuf.h"

static void curses_modes(void)
{
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	set_escdelay(25);
	curs_set(0);
	timeout(TERM_IDLE_MS);   /* wakes the loop to notice other processes' writes */
}

static int open_script(struct term *t, const struct ui_options *opt, struct cchc_err *err)
{
	t->script_path = opt->script;
	if (!(t->script = fopen(opt->script, "r")))
		return err_set(err, CCHC_EIO, "không mở được tệp kịch bản %s", opt->script);
	/* test hooks, but never written over the open database */
	if ((opt->dump && fs_guard_check(opt->dump, err)) ||
	    (opt->timing && fs_guard_check(opt->timing, err)))
		return err->code;
	if (opt->dump && !(t->dump = fopen(opt->dump, "w")))
		return err_set(err, CCHC_EIO, "không ghi được tệp %s", opt->dump);
	if (opt->timing && !(t->timing = fopen(opt->timing, "w")))
		return err_set(err, CCHC_EIO, "không ghi được tệp %s", opt->timing);
	t->out = fopen("/dev/null", "w");
	t->in = fopen("/dev/null", "r");
	if (!t->out || !t->in)
		return err_set(err, CCHC_EIO, "không mở được /dev/null");
	return CCHC_OK;
}

int term_open(struct term *t, const struct ui_options *opt, struct cchc_err *err)
{
	memset(t, 0, sizeof *t);
	if (opt->timing && !opt->script)
		return err_set(err, CCHC_EINPUT, "--timing chỉ dùng cùng --script");
	if (opt->script && open_script(t, opt, err))
		return err->code;
	t->scr = newterm(NULL, t->out ? t->out : stdout, t->in ? t->in : stdin);
	if (!t->scr)
		return err_set(err, CCHC_EINPUT, "không dùng được terminal \"%s\" (biến TERM)",
			       getenv("TERM") ? getenv("TERM") : "");
	set_term(t->scr);
	if (opt->script)
		resizeterm(opt->lines > 0 ? opt->lines : 24, opt->cols > 0 ? opt->cols : 80);
	curses_modes();
	return CCHC_OK;
}

void term_close(struct term *t)
{
	if (t->scr) {
		endwin();
		delscreen(t->scr);
	}
	if (t->script)
		fclose(t->script);
	if (t->dump)
		fclose(t->dump);
	if (t->timing)
		fclose(t->timing);
	if (t->out)
		fclose(t->out);
	if (t->in)
		fclose(t->in);
	free(t->queue);
	memset(t, 0, sizeof *t);
}

static int normalize(int key)
{
	switch (key) {
	case '\r': case '\n': case KEY_FN(KEY_ENTER):
		return KEY_FN(KEY_ENTER);
	case 8: case 127: case KEY_FN(KEY_BACKSPACE):
		return KEY_FN(KEY_BACKSPACE);
	default:
		return key;
	}
}

static long long now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000LL + ts.tv_nsec / 1000000;
}

/* A key, or KEY_IDLE when get_wch waited its whole timeout for none (an
 * error that comes at once counts towards giving up: the input is gone). */
static int keyboard_key(int *key)
{
	for (int errors = 0; errors < 1000; errors++) {
		wint_t wc;
		long long from = now_ms();
		int rc = get_wch(&wc);
		if (rc == ERR && now_ms() - from >= TERM_IDLE_MS * 9 / 10) {
			*key = KEY_IDLE;
			return 1;
		}
		if (rc == KEY_CODE_YES) {
			*key = normalize(KEY_FN((int)wc));
			return 1;
		}
		if (rc == OK) {
			*key = normalize((int)wc);
			return 1;
		}
	}
	return 0;
}

/* ---- test mode ---- */

static void enqueue(struct term *t, int key)
{
	if (t->qhead + t->qlen == t->qcap) {
		if (t->qhead)
			memmove(t->queue, t->queue + t->qhead, (size_t)t->qlen * sizeof *t->queue);
		t->qhead = 0;
		if (t->qlen == t->qcap) {
			t->qcap = t->qcap ? t->qcap * 2 : 64;
			t->queue = xrealloc(t->queue, (size_t)t->qcap * sizeof *t->queue);
		}
	}
	t->queue[t->qhead + t->qlen++] = key;
}

/* Elements to mark under the rows of a dump ("dump match ..."), and the
 * character marking each. */
#define MAX_MARKED 4
static const char mark_chars[MAX_MARKED] = { '^', '#', '*', '=' };

/* Which of the marked elements (index) cell attributes a, p are drawn in,
 * or -1. */
static int marked_as(const enum elem *els, int nels, attr_t a, short p)
{
	attr_t cell = ((a & ~A_COLOR) | COLOR_PAIR(p)) & A_ATTRIBUTES;
	for (int i = 0; i < nels; i++)
		if ((theme_attr(els[i]) & A_ATTRIBUTES) == cell)
			return i;
	return -1;
}

static void put_cell(struct sbuf *f, int y, int x, int *skip, int *mark, const enum elem *els,
		     int nels)
{
	cchar_t cc;
	wchar_t wch[CCHARW_MAX + 1] = { 0 };
	attr_t attrs;
	short pair;
	*skip = 0;
	*mark = -1;
	if (mvin_wch(y, x, &cc) == ERR || getcchar(&cc, wch, &attrs, &pair, NULL) == ERR)
		return;
	*mark = marked_as(els, nels, attrs, pair);
	for (int i = 0; i < CCHARW_MAX && wch[i]; i++) {
		char u[5];
		sbuf_addn(f, u, utf8_encode((uint32_t)wch[i], u));
	}
	if (wch[0] && utf8proc_charwidth((utf8proc_int32_t)wch[0]) == 2)
		*skip = 1;
}

static void put_trimmed(FILE *f, const char *s, size_t len)
{
	while (len && s[len - 1] == ' ')
		len--;
	fprintf(f, "%.*s\n", (int)len, s);
}

static void dump_row(struct term *t, int y, const enum elem *els, int nels)
{
	struct sbuf row = SBUF_INIT;
	char *marks = xcalloc((size_t)COLS + 2, 1);
	bool any = false;
	for (int x = 0, skip, mark; x < COLS; x += 1 + skip) {
		put_cell(&row, y, x, &skip, &mark, els, nels);
		for (int k = 0; k <= skip && x + k < COLS; k++)
			marks[x + k] = mark >= 0 ? mark_chars[mark] : ' ';
		any |= mark >= 0;
	}
	put_trimmed(t->dump, row.s ? row.s : "", row.len);
	if (any)
		put_trimmed(t->dump, marks, strlen(marks));
	free(marks);
	sbuf_free(&row);
}

/* "dump [ELEMENT...]": the screen, each row followed, when some of its cells
 * are drawn as one of the elements, by a line marking those cells. */
static int dump_screen(struct term *t, char *args, struct cchc_err *err)
{
	enum elem els[MAX_MARKED];
	int nels = 0;
	for (char *name = strtok(args, " \t"); name; name = strtok(NULL, " \t")) {
		int e = 0;
		while (e < EL_COUNT && strcmp(elem_name((enum elem)e), name) != 0)
			e++;
		if (e == EL_COUNT || nels == MAX_MARKED)
			return err_set(err, CCHC_EINPUT, "%s:%d: không có thành phần: %s",
				       t->script_path, t->lineno, name);
		els[nels++] = (enum elem)e;
	}
	if (!t->dump)
		return CCHC_OK;
	if (t->ndumps++)
		fprintf(t->dump, "--- dump %d ---\n", t->ndumps);
	for (int y = 0; y < LINES; y++)
		dump_row(t, y, els, nels);
	fflush(t->dump);
	return CCHC_OK;
}

static void dump_theme(struct term *t)
{
	if (!t->dump)
		return;
	struct sbuf b = SBUF_INIT;
	sbuf_addf(&b, "theme %s\n", theme_applied_name());
	for (int e = 0; e < EL_COUNT; e++) {
		sbuf_addf(&b, "%s = ", elem_name((enum elem)e));
		theme_describe((enum elem)e, &b);
		sbuf_addc(&b, '\n');
	}
	fputs(b.s, t->dump);
	fflush(t->dump);
	sbuf_free(&b);
}

static int script_keys(struct term *t, char *args, struct cchc_err *err)
{
	for (char *name = strtok(args, " \t"); name; name = strtok(NULL, " \t")) {
		int key;
		if (key_parse(name, &key))
			return err_set(err, CCHC_EINPUT, "%s:%d: tên phím không hợp lệ: %s",
				       t->script_path, t->lineno, name);
		enqueue(t, normalize(key));
	}
	return CCHC_OK;
}

static void script_type(struct term *t, const char *text)
{
	for (size_t i = 0; text[i];) {
		uint32_t cp;
		size_t n = utf8_decode(text + i, strlen(text + i), &cp);
		if (!n)
			break;
		enqueue(t, (int)cp);
		i += n;
	}
}

static int script_resize(struct term *t, const char *arg, struct cchc_err *err)
{
	int cols, lines;
	if (sscanf(arg, "%dx%d", &cols, &lines) != 2 || cols < 1 || lines < 1)
		return err_set(err, CCHC_EINPUT, "%s:%d: cần resize CỘTxDÒNG", t->script_path,
			       t->lineno);
	resizeterm(lines, cols);
	enqueue(t, KEY_FN(KEY_RESIZE));
	return CCHC_OK;
}

/* "run COMMAND": a shell command between two keys (another process writing
 * to the database while the program is open); it must succeed. */
static int script_run(struct term *t, const char *cmd, struct cchc_err *err)
{
	fflush(NULL);
	int rc = system(cmd);
	if (rc != 0)
		return err_set(err, CCHC_EINPUT, "%s:%d: lệnh thất bại (%d): %s", t->script_path,
			       t->lineno, rc, cmd);
	return CCHC_OK;
}

static int script_line(struct term *t, char *line, struct cchc_err *err)
{
	line[strcspn(line, "\r\n")] = '\0';
	char *cmd = line + strspn(line, " \t");
	size_t clen = strcspn(cmd, " \t");
	char *arg = cmd[clen] ? cmd + clen + 1 : cmd + clen;
	cmd[clen] = '\0';
	if (!*cmd || *cmd == '#')
		return CCHC_OK;
	if (strcmp(cmd, "key") == 0)
		return script_keys(t, arg, err);
	if (strcmp(cmd, "type") == 0)
		script_type(t, arg);
	else if (strcmp(cmd, "resize") == 0)
		return script_resize(t, arg, err);
	else if (strcmp(cmd, "dump") == 0)
		return dump_screen(t, arg, err);
	else if (strcmp(cmd, "theme") == 0)
		dump_theme(t);
	else if (strcmp(cmd, "idle") == 0)
		enqueue(t, KEY_IDLE);
	else if (strcmp(cmd, "run") == 0)
		return script_run(t, arg, err);
	else
		return err_set(err, CCHC_EINPUT, "%s:%d: lệnh không rõ: %s", t->script_path,
			       t->lineno, cmd);
	return CCHC_OK;
}

static int script_key(struct term *t, int *key, struct cchc_err *err)
{
	char line[4096];
	while (t->qlen == 0) {
		if (!fgets(line, sizeof line, t->script))
			return 0;
		t->lineno++;
		if (script_line(t, line, err))
			return -1;
	}
	*key = t->queue[t->qhead++];
	t->qlen--;
	return 1;
}

int term_key(struct term *t, int *key, struct cchc_err *err)
{
	int rc = t->script ? script_key(t, key, err) : keyboard_key(key);
	if (rc > 0 && t->timing)
		clock_gettime(CLOCK_MONOTONIC, &t->key_at);
	return rc;
}

#define TYPED_AHEAD 32   /* keys looked through for an Esc */

/* The keys typed, without waiting: an Esc among them is taken, the others
 * are put back in their order (curses gives back the last put first). */
static bool keyboard_esc(void)
{
	wint_t keys[TYPED_AHEAD];
	bool code[TYPED_AHEAD], esc = false;
	int n = 0, rc;
	nodelay(stdscr, TRUE);
	while (n < TYPED_AHEAD && (rc = get_wch(&keys[n])) != ERR) {
		code[n] = rc == KEY_CODE_YES;
		if (!code[n] && keys[n] == KEY_CHAR_ESC && !esc)
			esc = true;
		else
			n++;
	}
	nodelay(stdscr, FALSE);
	while (n-- > 0)
		code[n] ? ungetch((int)keys[n]) : unget_wch((wchar_t)keys[n]);
	return esc;
}

bool term_esc_waiting(struct term *t)
{
	if (!t->script)
		return keyboard_esc();
	for (int i = 0; i < t->qlen; i++)
		if (t->queue[t->qhead + i] == KEY_CHAR_ESC) {
			memmove(&t->queue[t->qhead + i], &t->queue[t->qhead + i + 1],
				(size_t)(t->qlen - i - 1) * sizeof *t->queue);
			t->qlen--;
			return true;
		}
	return false;
}

bool term_key_waiting(struct term *t)
{
	if (t->script)
		return t->qlen > 0;
	wint_t wc;
	timeout(0);
	int rc = get_wch(&wc);
	timeout(TERM_IDLE_MS);
	if (rc == KEY_CODE_YES)
		ungetch((int)wc);
	else if (rc == OK)
		unget_wch((wchar_t)wc);
	return rc != ERR;
}

void term_key_done(struct term *t, int key)
{
	if (!t->timing)
		return;
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	long long us = (now.tv_sec - t->key_at.tv_sec) * 1000000LL +
		       (now.tv_nsec - t->key_at.tv_nsec) / 1000;
	/* an idle tick's work (changes looked for, work put off while the
	 * clerk typed) is timed like a key's: none of it may hide */
	char name[32] = "idle";
	if (key != KEY_IDLE)
		key_format(key, name, sizeof name);
	fprintf(t->timing, "%s\t%lld\n", name, us);
}
