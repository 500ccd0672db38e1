#include <config.h>
#define _XOPEN_SOURCE_EXTENDED 1
#include <curses.h>
#include <string.h>
#include <stdlib.h>
#include <strings.h>
#include "text/utf8.h"
#include "ui/keymap.h"

struct key_named {
	const char *name;
	int key;
};

/* The first name of a key is the one key_format() writes. */
static const struct key_named key_names[] = {
	{ "Up", KEY_FN(KEY_UP) }, { "Down", KEY_FN(KEY_DOWN) },
	{ "Left", KEY_FN(KEY_LEFT) }, { "Right", KEY_FN(KEY_RIGHT) },
	{ "Home", KEY_FN(KEY_HOME) }, { "End", KEY_FN(KEY_END) },
	{ "PageUp", KEY_FN(KEY_PPAGE) }, { "PgUp", KEY_FN(KEY_PPAGE) },
	{ "PageDown", KEY_FN(KEY_NPAGE) }, { "PgDn", KEY_FN(KEY_NPAGE) },
	{ "Enter", KEY_FN(KEY_ENTER) }, { "Return", KEY_FN(KEY_ENTER) },
	{ "Backspace", KEY_FN(KEY_BACKSPACE) }, { "BS", KEY_FN(KEY_BACKSPACE) },
	{ "Delete", KEY_FN(KEY_DC) }, { "Del", KEY_FN(KEY_DC) },
	{ "Insert", KEY_FN(KEY_IC) }, { "S-Tab", KEY_FN(KEY_BTAB) },
	{ "BackTab", KEY_FN(KEY_BTAB) }, { "Tab", KEY_CHAR_TAB },
	{ "Esc", KEY_CHAR_ESC }, { "Escape", KEY_CHAR_ESC }, { "Space", ' ' },
};

static int parse_fkey(const char *s, int *key)
{
	if ((s[0] != 'F' && s[0] != 'f') || !s[1])
		return -1;
	int n = 0;
	for (const char *p = s + 1; *p; p++) {
		if (*p < '0' || *p > '9' || n > 24) /* <F99999999999> must not overflow */
			return -1;
		n = n * 10 + (*p - '0');
	}
	if (n < 1 || n > 24)
		return -1;
	*key = KEY_FN(KEY_F(n));
	return 0;
}

static int parse_bracketed(const char *name, int *key)
{
	size_t len = strlen(name);
	if (len < 3 || name[len - 1] != '>')
		return -1;
	char inner[24];
	if (len - 2 >= sizeof inner)
		return -1;
	memcpy(inner, name + 1, len - 2);
	inner[len - 2] = '\0';
	for (size_t i = 0; i < sizeof key_names / sizeof key_names[0]; i++)
		if (strcasecmp(inner, key_names[i].name) == 0) {
			*key = key_names[i].key;
			return 0;
		}
	return parse_fkey(inner, key);
}

int key_parse(const char *name, int *key)
{
	if (name[0] == '<' && name[1])
		return parse_bracketed(name, key);
	if ((name[0] == 'C' || name[0] == 'c') && name[1] == '-' && name[2] && !name[3]) {
		char c = name[2] | 0x20;
		if (c < 'a' || c > 'z')
			return -1;
		*key = c - 'a' + 1;
		return 0;
	}
	uint32_t cp;
	size_t n = utf8_decode(name, strlen(name), &cp);
	if (n == 0 || name[n] != '\0' || cp < 0x20 || cp == 0x7f)
		return -1;
	*key = (int)cp;
	return 0;
}

void key_format(int key, char *buf, size_t n)
{
	for (size_t i = 0; i < sizeof key_names / sizeof key_names[0]; i++)
		if (key_names[i].key == key) {
			snprintf(buf, n, "<%s>", key_names[i].name);
			return;
		}
	if (KEY_IS_FN(key) && (key & ~0x200000) >= KEY_F(1) && (key & ~0x200000) <= KEY_F(24))
		snprintf(buf, n, "<F%d>", (key & ~0x200000) - KEY_F0);
	else if (KEY_IS_FN(key))
		snprintf(buf, n, "<%d>", key & ~0x200000);
	else if (key >= 1 && key <= 26)
		snprintf(buf, n, "C-%c", 'a' + key - 1);
	else {
		char u[5];
		u[utf8_encode((uint32_t)key, u)] = '\0';
		snprintf(buf, n, "%s", u);
	}
}

void key_label_of(int key, char *buf, size_t n)
{
	static const struct key_named labels[] = {
		{ "↑", KEY_FN(KEY_UP) }, { "↓", KEY_FN(KEY_DOWN) }, { "←", KEY_FN(KEY_LEFT) },
		{ "→", KEY_FN(KEY_RIGHT) }, { "PgUp", KEY_FN(KEY_PPAGE) },
		{ "PgDn", KEY_FN(KEY_NPAGE) }, { "Space", ' ' },
	};
	for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++)
		if (labels[i].key == key) {
			snprintf(buf, n, "%s", labels[i].name);
			return;
		}
	char name[32];
	key_format(key, name, sizeof name);
	size_t len = strlen(name);
	if (name[0] == '<' && len > 2)
		snprintf(buf, n, "%.*s", (int)(len - 2), name + 1);
	else
		snprintf(buf, n, "%s", name);
}

static int find(const struct keymap *km, const char *scope, int key)
{
	for (int i = 0; i < km->n; i++)
		if (km->v[i].key == key && strcmp(km->v[i].scope, scope) == 0)
			return i;
	return -1;
}

void keymap_bind(struct keymap *km, const char *scope, int key, enum action act)
{
	int i = find(km, scope, key);
	struct binding *b = i >= 0 ? &km->v[i] : NULL;
	if (!b) {
		if (km->n == km->cap) {
			km->cap = km->cap ? km->cap * 2 : 64;
			km->v = xrealloc(km->v, (size_t)km->cap * sizeof *km->v);
		}
		b = &km->v[km->n++];
		snprintf(b->scope, sizeof b->scope, "%s", scope);
		b->key = key;
	}
	b->act = act;
}

void keymap_unbind(struct keymap *km, const char *scope, int key)
{
	int i = find(km, scope, key);
	if (i >= 0)
		memmove(&km->v[i], &km->v[i + 1], (size_t)(--km->n - i) * sizeof *km->v);
}

enum action keymap_lookup(const struct keymap *km, const char *scope, int key)
{
	int i = find(km, scope, key);
	if (i < 0 && scope[0])
		i = find(km, "", key);
	return i >= 0 ? km->v[i].act : ACT_NONE;
}

static int add_keys(const struct keymap *km, const char *scope, const char *lookup_scope,
		    enum action act, const char *sep, int max, bool label, int count,
		    struct sbuf *out)
{
	for (int i = 0; i < km->n && count < max; i++) {
		const struct binding *b = &km->v[i];
		if (b->act != act || strcmp(b->scope, scope) != 0 ||
		    keymap_lookup(km, lookup_scope, b->key) != act)
			continue;
		char name[32];
		(label ? key_label_of : key_format)(b->key, name, sizeof name);
		if (count++)
			sbuf_add(out, sep);
		sbuf_add(out, name);
	}
	return count;
}

int keymap_keys_for(const struct keymap *km, const char *scope, enum action act,
		    const char *sep, int max, bool label, struct sbuf *out)
{
	int count = 0;
	if (scope[0])
		count = add_keys(km, scope, scope, act, sep, max, label, count, out);
	return add_keys(km, "", scope, act, sep, max, label, count, out);
}

void keymap_free(struct keymap *km)
{
	free(km->v);
	km->v = NULL;
	km->n = km->cap = 0;
}

/* ---- keys files ---- */

#define MAX_TOKENS 6

static int tokenize(char *line, char **tok)
{
	int n = 0;
	for (char *p = strtok(line, " \t\r"); p && n < MAX_TOKENS; p = strtok(NULL, " \t\r")) {
		if (p[0] == '#' && n != 1 && n != 2)
			break;
		tok[n++] = p;
	}
	return n;
}

static int is_scope(const char *s, const char *const *scopes)
{
	for (; *scopes; scopes++)
		if (strcmp(s, *scopes) == 0)
			return 1;
	return 0;
}

static const char *apply_bind(struct keymap *km, char **tok, int n, const char *const *scopes)
{
	const char *scope = "";
	if (n == 4) {
		if (!is_scope(tok[1], scopes))
			return "không có màn hình này";
		scope = tok[1];
	} else if (n != 3)
		return "cần: bind [MÀN_HÌNH] PHÍM HÀNH_ĐỘNG";
	int key;
	if (key_parse(tok[n - 2], &key))
		return "tên phím không hợp lệ";
	enum action act = action_by_name(tok[n - 1]);
	if (act == ACT_NONE)
		return "không có hành động này";
	keymap_bind(km, scope, key, act);
	return NULL;
}

static const char *apply_unbind(struct keymap *km, char **tok, int n, const char *const *scopes)
{
	const char *scope = "";
	if (n == 3) {
		if (!is_scope(tok[1], scopes))
			return "không có màn hình này";
		scope = tok[1];
	} else if (n != 2)
		return "cần: unbind [MÀN_HÌNH] PHÍM";
	int key;
	if (key_parse(tok[n - 1], &key))
		return "tên phím không hợp lệ";
	keymap_unbind(km, scope, key);
	return NULL;
}

static const char *apply_line(struct keymap *km, char *line, const char *const *scopes)
{
	char *tok[MAX_TOKENS];
	int n = tokenize(line, tok);
	if (n == 0)
		return NULL;
	if (strcmp(tok[0], "bind") == 0)
		return apply_bind(km, tok, n, scopes);
	if (strcmp(tok[0], "unbind") == 0)
		return apply_unbind(km, tok, n, scopes);
	return "lệnh không rõ (chỉ có bind, unbind)";
}

int keymap_load(struct keymap *km, const char *text, const char *origin,
		const char *const *scopes, struct sbuf *errors)
{
	int bad = 0, lineno = 0;
	const char *p = text;
	while (*p) {
		const char *eol = strchr(p, '\n');
		size_t len = eol ? (size_t)(eol - p) : strlen(p);
		char *line = xstrndup(p, len);
		lineno++;
		const char *msg = apply_line(km, line, scopes);
		if (msg) {
			sbuf_addf(errors, "%s:%d: %s\n", origin, lineno, msg);
			bad++;
		}
		free(line);
		p += len + (eol != NULL);
	}
	return bad;
}
