#include <config.h>
#include "ui/theme.h"
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "store/datafile.h"
#include "util/fsutil.h"

static const char *const elem_names[EL_COUNT] = {
#define ELEMENT(e, name, where) [EL_##e] = name,
#include "ui/elements.def"
#undef ELEMENT
};

static const char *const color_names[8] = {
	"black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"
};

static const struct { const char *name; attr_t attr; } attr_names[] = {
	{ "bold", A_BOLD }, { "underline", A_UNDERLINE }, { "reverse", A_REVERSE },
	{ "dim", A_DIM }, { "italic", A_ITALIC },
};

/* What theme_apply settled on; read by theme_attr and the test dumps. */
static struct theme_spec applied[EL_COUNT];
static attr_t attr_table[EL_COUNT];
static char applied_name[64];

const char *elem_name(enum elem e)
{
	return e < EL_COUNT ? elem_names[e] : "";
}

static int elem_by_name(const char *name)
{
	for (int e = 0; e < EL_COUNT; e++)
		if (strcmp(elem_names[e], name) == 0)
			return e;
	return -1;
}

static char *trim(char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	size_t n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
		s[--n] = '\0';
	return s;
}

static int parse_color(const char *s, short *out)
{
	if (!*s || strcasecmp(s, "default") == 0) {
		*out = -1;
		return 0;
	}
	for (short i = 0; i < 8; i++)
		if (strcasecmp(s, color_names[i]) == 0) {
			*out = i;
			return 0;
		}
	char *end;
	if (strncasecmp(s, "color", 5) != 0 || !s[5])
		return -1;
	long n = strtol(s + 5, &end, 10);
	if (*end || n < 0 || n > 255)
		return -1;
	*out = (short)n;
	return 0;
}

static int parse_attrs(char *s, attr_t *out)
{
	*out = A_NORMAL;
	for (char *w = strtok(s, ", "); w; w = strtok(NULL, ", ")) {
		size_t i = 0;
		while (i < sizeof attr_names / sizeof attr_names[0] &&
		       strcasecmp(w, attr_names[i].name) != 0)
			i++;
		if (i == sizeof attr_names / sizeof attr_names[0])
			return -1;
		*out |= attr_names[i].attr;
	}
	return 0;
}

/* "fg;bg;attrs" or "@element"; returns an error message or NULL. */
static const char *parse_spec(char *v, struct theme_spec *sp)
{
	memset(sp, 0, sizeof *sp);
	sp->set = true;
	if (v[0] == '@') {
		if (elem_by_name(trim(v + 1)) < 0)
			return "bí danh trỏ tới phần tử không có";
		snprintf(sp->alias, sizeof sp->alias, "%s", trim(v + 1));
		return NULL;
	}
	char *fg = v, *bg = strchr(v, ';'), *at = NULL;
	if (bg) {
		*bg++ = '\0';
		if ((at = strchr(bg, ';')))
			*at++ = '\0';
	}
	if (parse_color(trim(fg), &sp->fg) || parse_color(bg ? trim(bg) : "", &sp->bg))
		return "tên màu không hợp lệ";
	if (at && parse_attrs(at, &sp->attrs))
		return "kiểu chữ không hợp lệ (bold, underline, reverse, dim, italic)";
	return NULL;
}

static const char *parse_entry(struct theme *t, const char *section, char *key, char *val)
{
	if (strcmp(section, "theme") == 0) {
		if (strcmp(key, "name") == 0)
			snprintf(t->name, sizeof t->name, "%s", val);
		else if (strcmp(key, "colors") == 0 && (strcmp(val, "8") == 0 || strcmp(val, "256") == 0))
			t->colors = atoi(val);
		else
			return "khóa không hợp lệ trong [theme] (name, colors = 8|256)";
		return NULL;
	}
	if (strcmp(section, "elements") != 0)
		return NULL;
	int e = elem_by_name(key);
	if (e < 0)
		return "không có phần tử này";
	struct theme_spec sp;
	const char *msg = parse_spec(val, &sp);
	if (!msg)
		t->el[e] = sp;
	return msg;
}

static const char *parse_line(struct theme *t, char *line, char *section, size_t secsize)
{
	line = trim(line);
	if (!*line || *line == '#' || *line == ';')
		return NULL;
	if (*line == '[') {
		char *end = strchr(line, ']');
		if (!end)
			return "thiếu dấu ]";
		*end = '\0';
		snprintf(section, secsize, "%s", trim(line + 1));
		return NULL;
	}
	char *eq = strchr(line, '=');
	if (!eq)
		return "cần dạng khóa = giá_trị";
	*eq = '\0';
	return parse_entry(t, section, trim(line), trim(eq + 1));
}

void theme_parse(struct theme *t, const char *text, const char *origin, struct sbuf *warnings)
{
	char section[32] = "";
	int lineno = 0;
	for (const char *p = text; *p;) {
		const char *eol = strchr(p, '\n');
		size_t len = eol ? (size_t)(eol - p) : strlen(p);
		char *line = xstrndup(p, len);
		const char *msg = parse_line(t, line, section, sizeof section);
		lineno++;
		if (msg)
			sbuf_addf(warnings, "%s:%d: %s\n", origin, lineno, msg);
		free(line);
		p += len + (eol != NULL);
	}
}

static bool valid_name(const char *name)
{
	if (!*name)
		return false;
	for (const char *p = name; *p; p++)
		if (!(*p == '-' || *p == '_' || (*p >= '0' && *p <= '9') ||
		      ((*p | 0x20) >= 'a' && (*p | 0x20) <= 'z')))
			return false;
	return true;
}

static bool is_path(const char *name)
{
	size_t n = strlen(name);
	return strchr(name, '/') || (n > 6 && strcmp(name + n - 6, ".theme") == 0);
}

/* The text of theme name: a path, the user's themes folder, then the data
 * files. NULL when there is no such theme. */
static char *theme_read(const char *name, char **origin)
{
	char *data = NULL;
	size_t len;
	struct cchc_err e;
	struct sbuf path = SBUF_INIT;
	if (is_path(name)) {
		sbuf_add(&path, name);
	} else if (valid_name(name)) {
		char *dir = datafile_config_dir();
		sbuf_addf(&path, "%s/themes/%s.theme", dir, name);
		free(dir);
	}
	if (path.s && fs_read_file(path.s, 1u << 20, &data, &len, &e) == CCHC_OK) {
		*origin = sbuf_detach(&path);
		return data;
	}
	sbuf_free(&path);
	if (is_path(name) || !valid_name(name))
		return NULL;
	sbuf_addf(&path, "themes/%s.theme", name);
	data = datafile_read(path.s, NULL, NULL);
	*origin = sbuf_detach(&path);
	return data;
}

static void load_base(struct theme *t, struct sbuf *warnings)
{
	char *origin = NULL;
	char *text = theme_read("default", &origin);
	memset(t, 0, sizeof *t);
	t->colors = 8;
	if (text)
		theme_parse(t, text, origin, warnings);
	free(text);
	free(origin);
}

static int theme_overlay(struct theme *t, const char *name, struct sbuf *warnings)
{
	char *origin = NULL;
	char *text = theme_read(name, &origin);
	if (!text) {
		free(origin);
		return -1;
	}
	struct theme o = { .colors = t->colors };
	theme_parse(&o, text, origin, warnings);
	for (int e = 0; e < EL_COUNT; e++)
		if (o.el[e].set)
			t->el[e] = o.el[e];
	t->colors = o.colors;
	snprintf(t->name, sizeof t->name, "%s", o.name[0] ? o.name : name);
	free(text);
	free(origin);
	return 0;
}

int theme_load(struct theme *t, const char *name, const char *setting, bool no_color,
	       struct sbuf *warnings, struct cchc_err *err)
{
	load_base(t, warnings);
	snprintf(t->name, sizeof t->name, "default");
	if (name && theme_overlay(t, name, warnings))
		return err_set(err, CCHC_EINPUT, "không có giao diện màu \"%s\"; có sẵn: default, "
			       "light, mono, hoặc tệp .theme của bạn (xem themes/template.theme)", name);
	if (!name && setting && *setting && !no_color && theme_overlay(t, setting, warnings))
		sbuf_addf(warnings, "cài đặt ui.theme: không có giao diện \"%s\", dùng default\n",
			  setting);
	if (no_color) {
		load_base(t, warnings);
		theme_overlay(t, "mono", warnings);
	}
	return CCHC_OK;
}

static const struct theme_spec *resolve(const struct theme *t, enum elem e)
{
	const struct theme_spec *sp = &t->el[e];
	for (int hops = 0; sp->set && sp->alias[0] && hops < 8; hops++) {
		int target = elem_by_name(sp->alias);
		sp = &t->el[target];
	}
	static const struct theme_spec plain = { .set = true, .fg = -1, .bg = -1 };
	return sp->set && !sp->alias[0] ? sp : &plain;
}

static short clamp_color(short c)
{
	return c >= COLORS ? -1 : c;
}

void theme_apply(struct theme *t, struct sbuf *warnings)
{
	bool color = has_colors() && start_color() == OK;
	if (!color) {
		load_base(t, warnings);
		theme_overlay(t, "mono", warnings);
	} else {
		use_default_colors();
		if (t->colors > COLORS)
			sbuf_addf(warnings, "giao diện \"%s\" cần %d màu, terminal chỉ có %d\n",
				  t->name, t->colors, COLORS);
	}
	snprintf(applied_name, sizeof applied_name, "%s", t->name);
	for (int e = 0; e < EL_COUNT; e++) {
		struct theme_spec sp = *resolve(t, (enum elem)e);
		sp.fg = color ? clamp_color(sp.fg) : -1;
		sp.bg = color ? clamp_color(sp.bg) : -1;
		applied[e] = sp;
		attr_table[e] = sp.attrs;
		if (color && (sp.fg >= 0 || sp.bg >= 0) && init_pair((short)(e + 1), sp.fg, sp.bg) == OK)
			attr_table[e] |= COLOR_PAIR(e + 1);
	}
}

attr_t theme_attr(enum elem e)
{
	return e < EL_COUNT ? attr_table[e] : A_NORMAL;
}

const char *theme_applied_name(void)
{
	return applied_name;
}

static void describe_color(short c, struct sbuf *out)
{
	if (c < 0)
		sbuf_add(out, "default");
	else if (c < 8)
		sbuf_add(out, color_names[c]);
	else
		sbuf_addf(out, "color%d", c);
}

void theme_describe(enum elem e, struct sbuf *out)
{
	const struct theme_spec *sp = &applied[e];
	describe_color(sp->fg, out);
	sbuf_addc(out, ';');
	describe_color(sp->bg, out);
	sbuf_addc(out, ';');
	int n = 0;
	for (size_t i = 0; i < sizeof attr_names / sizeof attr_names[0]; i++)
		if (sp->attrs & attr_names[i].attr)
			sbuf_addf(out, "%s%s", n++ ? "," : "", attr_names[i].name);
}
