/* Prints each code get_wch() returns, one line per key, to keys.log, until
 * 'q'.  Run under Wine by keytest.sh to prove the ncurses patch: typed
 * Vietnamese, arrows, F-keys, Enter and Esc must arrive as themselves. */
#include <curses.h>
#include <stdio.h>
#include <windows.h>

int main(void)
{
	FILE *log = fopen("keys.log", "wb");
	wint_t wc;
	int rc;

	if (log == NULL)
		return 1;
	SetConsoleOutputCP(CP_UTF8);
	SetConsoleCP(CP_UTF8);
	initscr();
	cbreak();
	noecho();
	keypad(stdscr, TRUE);
	mvaddstr(0, 0, "keytest: q quits");
	refresh();
	fputs("ready\n", log);
	fflush(log);
	do {
		rc = get_wch(&wc);
		if (rc == KEY_CODE_YES)
			fprintf(log, "KEY %s\n", keyname((int) wc));
		else if (rc == OK)
			fprintf(log, "CHR U+%04X\n", (unsigned) wc);
		fflush(log);
	} while (!(rc == OK && wc == 'q'));
	endwin();
	fclose(log);
	return 0;
}
