/* The floor for "time to first screen" (not a test): the least a full-screen
 * program over this database must do. It opens the database with SQLite,
 * reads one screen of tasks (the first page of cchc's task list: ordered by
 * deadline, undated last, with the lead unit), paints them with ncursesw and
 * exits once doupdate() has sent the screen. It opens the file read-only
 * and leaves the folder as it found it: the -wal and -shm files a reader
 * of a WAL database makes (and cannot remove, read-only) are removed when
 * they were not there before, so the next run of cchc sees what it would
 * have seen without the floor.
 *   floor DBFILE          run it on a terminal (the benchmark uses a pty) */
#include <config.h>
#define _XOPEN_SOURCE_EXTENDED 1 /* the wide-character curses functions */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <wchar.h>
#include <curses.h>
#include <sqlite3.h>

/* The dated tasks by date, then the undated: each part a range of an index
 * on (due_on, id) when the schema has one (cchc's task_by_order); "ORDER BY
 * due_on IS NULL, due_on, id" in one SELECT would sort the whole table. */
#define PAGE_COLS "SELECT t.id, t.status, coalesce(t.due_on, ''), coalesce(u.code, ''), " \
	"t.title FROM task t LEFT JOIN unit u ON u.id = t.lead_unit_id "
static const char PAGE_SQL[] =
	"SELECT * FROM (" PAGE_COLS "WHERE t.due_on IS NOT NULL ORDER BY t.due_on, t.id LIMIT ?1) "
	"UNION ALL SELECT * FROM (" PAGE_COLS "WHERE t.due_on IS NULL ORDER BY t.id LIMIT ?1) "
	"LIMIT ?1";

/* Draws UTF-8 text at (y, x), cut at the right edge by columns. */
static void put_text(int y, int x, const char *s)
{
	wchar_t w[512];
	size_t n = mbstowcs(w, s, sizeof w / sizeof w[0] - 1);
	if (n == (size_t)-1)
		return;
	w[n] = L'\0';
	int cols = 0;
	size_t k = 0;
	for (; k < n; k++) {
		int cw = wcwidth(w[k]);
		if (cw < 0 || x + cols + cw > COLS)
			break;
		cols += cw;
	}
	mvaddnwstr(y, x, w, (int)k);
}

static int paint(sqlite3 *db)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db, PAGE_SQL, -1, &st, NULL) != SQLITE_OK)
		return -1;
	int rows = LINES - 2;
	sqlite3_bind_int(st, 1, rows > 0 ? rows : 1);
	attron(A_REVERSE);
	mvhline(0, 0, ' ', COLS);
	put_text(0, 1, "Nhiệm vụ");
	attroff(A_REVERSE);
	int y = 1;
	while (sqlite3_step(st) == SQLITE_ROW) {
		char head[64];
		snprintf(head, sizeof head, "%6lld %-6s %-10s %-6s ", sqlite3_column_int64(st, 0),
			 (const char *)sqlite3_column_text(st, 1),
			 (const char *)sqlite3_column_text(st, 2),
			 (const char *)sqlite3_column_text(st, 3));
		put_text(y, 0, head);
		put_text(y, 32, (const char *)sqlite3_column_text(st, 4));
		y++;
	}
	sqlite3_finalize(st);
	attron(A_REVERSE);
	mvhline(LINES - 1, 0, ' ', COLS);
	attroff(A_REVERSE);
	wnoutrefresh(stdscr);
	doupdate();
	return 0;
}

/* path + suffix, in buf. */
static const char *beside(char *buf, size_t n, const char *path, const char *suffix)
{
	snprintf(buf, n, "%s%s", path, suffix);
	return buf;
}

static int exists(const char *path)
{
	struct stat sb;
	return stat(path, &sb) == 0;
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fputs("usage: floor DBFILE\n", stderr);
		return 2;
	}
	setlocale(LC_ALL, "");
	char wal[4096], shm[4096];
	beside(wal, sizeof wal, argv[1], "-wal");
	beside(shm, sizeof shm, argv[1], "-shm");
	int had_wal = exists(wal), had_shm = exists(shm);
	sqlite3 *db;
	if (sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
		fprintf(stderr, "floor: %s: %s\n", argv[1], sqlite3_errmsg(db));
		return 1;
	}
	initscr();
	cbreak();
	noecho();
	curs_set(0);
	int rc = paint(db);
	endwin();
	if (rc)
		fprintf(stderr, "floor: %s\n", sqlite3_errmsg(db));
	sqlite3_close(db);
	/* an empty -wal this run made holds nothing; its -shm goes with it */
	struct stat sb;
	if (!had_wal && stat(wal, &sb) == 0 && sb.st_size == 0) {
		unlink(wal);
		if (!had_shm)
			unlink(shm);
	}
	return rc ? 1 : 0;
}
