/* The terminal, real or scripted.
 *
 * Real: curses on stdin/stdout, keys from the keyboard.
 * Test mode (--script FILE): curses on /dev/null at the requested size, keys
 * from the script, screen dumps to --dump FILE. The script has one command
 * per line; blank lines and lines starting with # are skipped:
 *
 *   key NAME...        keys by their keys-file names: key j j <Enter> C-l <F1>
 *   type TEXT          the rest of the line typed literally (UTF-8): type 2.3
 *   resize COLSxLINES  resizes the terminal, then the program sees KEY_RESIZE
 *   dump [ELEMENT...]  appends the screen as text: each row read back cell by
 *                      cell (mvin_wch/getcchar), trailing spaces trimmed,
 *                      dumps after the first preceded by a "--- dump N ---"
 *                      line; with theme elements (at most 4: dump match
 *                      match.current), a row with cells drawn as one of them
 *                      is followed by a line with ^ (first element), # , *
 *                      or = (fourth) under those cells
 *   theme              appends the applied theme: "theme NAME" then one line
 *                      "element = fg;bg;attrs" per element
 *   run COMMAND        runs COMMAND with sh (another process writing)
 *   idle               KEY_IDLE: the tick of a clerk typing nothing
 *
 * The program paints after every key, so a dump shows what the clerk would
 * see at that point. At the end of the script the program exits (status 0).
 *
 * With --timing FILE, each scripted key adds a line "KEY<TAB>MICROSECONDS"
 * to FILE: the key's name (as in keys files) and the time from reading it
 * to the end of the redraw it caused, on the monotonic clock; an "idle"
 * line adds "idle<TAB>MICROSECONDS", the work done at that tick. */
#ifndef CCHC_UI_TERM_H
#define CCHC_UI_TERM_H
#define _XOPEN_SOURCE_EXTENDED 1
#include <curses.h>
#include <stdio.h>
#include <time.h>
#include "ui/ui.h"
#include "util/err.h"

struct term {
	SCREEN *scr;
	FILE *out, *in;
	FILE *script, *dump;
	const char *script_path;
	int lineno, ndumps;
	int *queue;
	int qhead, qlen, qcap;
	FILE *timing;                /* --timing: one line per key */
	struct timespec key_at;      /* when the last key was read */
};

/* Not a key: the clerk typed nothing for TERM_IDLE_MS (or the script said
 * "idle"); the program looks for changes made by other processes then. */
#define KEY_IDLE KEY_FN(0x1ffff)
#define TERM_IDLE_MS 1000

int term_open(struct term *t, const struct ui_options *opt, struct cchc_err *err);
void term_close(struct term *t);
/* Waits for the next key: 1 with *key set, 0 at the end of a script (or of
 * the input), -1 on a bad script line with err set. */
int term_key(struct term *t, int *key, struct cchc_err *err);
/* After the key is handled and the screen redrawn: with --timing, writes
 * the key's line. */
void term_key_done(struct term *t, int key);
/* During long work (util/progress.h): true, taking it, when an Esc is among
 * the keys typed; the others stay for later. Never waits. In test mode it
 * looks at the keys already read from the script's current line. */
bool term_esc_waiting(struct term *t);
/* Whether a key is typed and not yet read (never waits, takes nothing). In
 * test mode: keys left of the script's current line. */
bool term_key_waiting(struct term *t);

#endif
