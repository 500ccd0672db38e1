/* Themes: INI files in the style of Midnight Commander skins (see
 * themes/template.theme). A theme is read and checked before curses starts,
 * then turned into curses attributes once colours are known. */
#ifndef CCHC_UI_THEME_H
#define CCHC_UI_THEME_H
#define _XOPEN_SOURCE_EXTENDED 1
#include <curses.h>
#include <stdbool.h>
#include "util/err.h"
#include "util/sbuf.h"

enum elem {
#define ELEMENT(e, name, where) EL_##e,
#include "ui/elements.def"
#undef ELEMENT
	EL_COUNT
};

struct theme_spec {
	bool set;
	short fg, bg;          /* -1: the terminal's default */
	attr_t attrs;
	char alias[32];        /* "@other": take other's value */
};

struct theme {
	char name[64];
	int colors;            /* 8 or 256, as declared */
	struct theme_spec el[EL_COUNT];
};

const char *elem_name(enum elem e);

/* Finds and reads the theme: name is --theme (a name or a .theme path),
 * else setting (ui.theme), else "default". Fatal errors (an unknown --theme)
 * go to err; problems inside a file or an unknown setting are appended to
 * warnings and the default is used. no_color forces the mono theme. */
int theme_load(struct theme *t, const char *name, const char *setting, bool no_color,
	       struct sbuf *warnings, struct cchc_err *err);
/* Parses a theme's text over t: elements it sets replace t's, others stay;
 * problems are appended to warnings as "origin:line: message". */
void theme_parse(struct theme *t, const char *text, const char *origin,
		 struct sbuf *warnings);
/* After initscr: makes colour pairs (mono when the terminal has no colours)
 * and fills the attribute table used by theme_attr. */
void theme_apply(struct theme *t, struct sbuf *warnings);
attr_t theme_attr(enum elem e);
/* "fg;bg;attrs" of element e as applied, for test dumps. */
void theme_describe(enum elem e, struct sbuf *out);
const char *theme_applied_name(void);

#endif
