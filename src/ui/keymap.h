/* Keys and their bindings to actions: key names as written in keys files
 * (q, C-l, <Down>, <F1>, <Enter>), a global map plus one map per view, and
 * the parser of keys files (data/keys.default and ~/.config/cchc/keys). */
#ifndef CCHC_UI_KEYMAP_H
#define CCHC_UI_KEYMAP_H
#include <stdbool.h>
#include <stddef.h>
#include "ui/action.h"
#include "util/sbuf.h"

/* A key is a Unicode code point (letters, controls such as C-l = 12, Tab = 9,
 * Esc = 27) or KEY_FN(curses key code) for function keys; code points and
 * curses codes overlap (đ is U+0111 = 273 = KEY_F(8)), hence the offset. */
#define KEY_FN(k) (0x200000 | (k))
#define KEY_IS_FN(k) (((k) & 0x200000) != 0)
#define KEY_CHAR_TAB 9
#define KEY_CHAR_ESC 27

/* Parses a key name; returns 0 and sets *key, or -1. */
int key_parse(const char *name, int *key);
/* Writes the key's name (as key_parse reads it) into buf. */
void key_format(int key, char *buf, size_t n);

/* Short label of a key for the status bar: "↓", "Enter", "F1", "q". */
void key_label_of(int key, char *buf, size_t n);

struct binding {
	char scope[16];   /* "" for the global map, else a view's config name */
	int key;
	enum action act;
};

struct keymap {
	struct binding *v;
	int n, cap;
};

void keymap_bind(struct keymap *km, const char *scope, int key, enum action act);
void keymap_unbind(struct keymap *km, const char *scope, int key);
/* The action for key in scope, falling back to the global map. */
enum action keymap_lookup(const struct keymap *km, const char *scope, int key);
/* Names of the keys that trigger act in scope (scope's own bindings, then
 * global ones not shadowed), separated by sep, at most max of them, by
 * key_label_of (label) or key_format. Returns
 * how many were written. */
int keymap_keys_for(const struct keymap *km, const char *scope, enum action act,
		    const char *sep, int max, bool label, struct sbuf *out);
void keymap_free(struct keymap *km);

/* Applies a keys file: lines "bind [VIEW] KEY ACTION", "unbind [VIEW] KEY",
 * "# comment". scopes is a NULL-terminated list of valid view names. Bad
 * lines are skipped and reported as "origin:line: message\n" in errors;
 * returns the number of bad lines. */
int keymap_load(struct keymap *km, const char *text, const char *origin,
		const char *const *scopes, struct sbuf *errors);

#endif
