#include <config.h>
#include <stdlib.h>
#include <string.h>
#include "export/template.h"
#include "util/sbuf.h"

static char *trim(const char *s, size_t n)
{
	while (n && (*s == ' ' || *s == '\t'))
		s++, n--;
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
		n--;
	return xstrndup(s, n);
}

static void set_once(char **field, int *line, char *value, int lineno)
{
	free(*field);
	*field = value;
	*line = lineno;
}

/* Appends a repeatable line ("recipient:", "addressee:") with its line. */
static void add_line(char ***v, int **lines, int *n, char *value, int lineno)
{
	*v = xrealloc(*v, sizeof **v * (size_t)(*n + 1));
	*lines = xrealloc(*lines, sizeof **lines * (size_t)(*n + 1));
	(*v)[*n] = value;
	(*lines)[(*n)++] = lineno;
}

/* One "key: value" line of the template's head. */
static int head_line(struct tmpl *t, const char *line, size_t n, const char *what, int lineno,
		     struct cchc_err *err)
{
	const char *colon = memchr(line, ':', n);
	if (!colon)
		return err_set(err, CCHC_EINPUT, "%s dòng %d: cần \"khóa: giá trị\" hoặc \"---\"",
			       what, lineno);
	char *key = trim(line, (size_t)(colon - line));
	char *val = trim(colon + 1, n - (size_t)(colon - line) - 1);
	int rc = CCHC_OK, ignored;
	if (strcmp(key, "name") == 0)
		set_once(&t->name, &ignored, val, lineno), val = NULL;
	else if (strcmp(key, "basis") == 0)
		set_once(&t->basis, &ignored, val, lineno), val = NULL;
	else if (strcmp(key, "type") == 0)
		set_once(&t->type, &t->type_line, val, lineno), val = NULL;
	else if (strcmp(key, "abstract") == 0)
		set_once(&t->abstract, &t->abstract_line, val, lineno), val = NULL;
	else if (strcmp(key, "recipient") == 0)
		add_line(&t->recipients, &t->recipient_lines, &t->nrecipients, val, lineno), val = NULL;
	else if (strcmp(key, "addressee") == 0)
		add_line(&t->addressees, &t->addressee_lines, &t->naddressees, val, lineno), val = NULL;
	else if (strcmp(key, "from") == 0 || strcmp(key, "until") == 0) {
		struct ymd *d = key[0] == 'f' ? &t->from : &t->until;
		if (!date_parse_iso(val, d) && !date_parse_dmy(val, d))
			rc = err_set(err, CCHC_EINPUT, "%s dòng %d: ngày \"%s\" không hợp lệ", what,
				     lineno, val);
	} else {
		rc = err_set(err, CCHC_EINPUT, "%s dòng %d: khóa \"%s\" không rõ (name, basis, from, "
			     "until, type, abstract, addressee, recipient)", what, lineno, key);
	}
	free(key);
	free(val);
	return rc;
}

int tmpl_parse(const char *text, const char *what, struct tmpl *t, struct cchc_err *err)
{
	memset(t, 0, sizeof *t);
	const char *p = text;
	int lineno = 0;
	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		lineno++;
		char *line = trim(p, n);
		p += n + (nl != NULL);
		bool sep = strcmp(line, "---") == 0, skip = !*line || *line == '#';
		int rc = sep || skip ? CCHC_OK : head_line(t, line, strlen(line), what, lineno, err);
		free(line);
		if (rc) {
			tmpl_free(t);
			return rc;
		}
		if (sep) {
			t->body = xstrdup(p);
			t->body_line = lineno + 1;
			break;
		}
	}
	if (!t->body || !t->type) {
		tmpl_free(t);
		return err_set(err, CCHC_EINPUT, "%s: thiếu %s", what,
			       !t->body ? "dòng \"---\" và phần nội dung" : "\"type:\"");
	}
	return CCHC_OK;
}

void tmpl_free(struct tmpl *t)
{
	free(t->name);
	free(t->basis);
	free(t->type);
	free(t->abstract);
	free(t->body);
	for (int i = 0; i < t->nrecipients; i++)
		free(t->recipients[i]);
	for (int i = 0; i < t->naddressees; i++)
		free(t->addressees[i]);
	free(t->recipients);
	free(t->addressees);
	free(t->recipient_lines);
	free(t->addressee_lines);
	memset(t, 0, sizeof *t);
}

static int ymd_cmp(struct ymd a, struct ymd b)
{
	return a.y != b.y ? a.y - b.y : a.m != b.m ? a.m - b.m : a.d - b.d;
}

bool tmpl_applies(const struct tmpl *t, struct ymd d)
{
	return (!t->from.y || ymd_cmp(t->from, d) <= 0) && (!t->until.y || ymd_cmp(d, t->until) <= 0);
}

static const char *lookup(const char *const *vars, const char *name, size_t n)
{
	for (; vars[0]; vars += 2)
		if (strlen(vars[0]) == n && memcmp(vars[0], name, n) == 0)
			return vars[1] ? vars[1] : "";
	return NULL;
}

int tmpl_fill(const char *s, const char *const *vars, const char *what, int line, char **out,
	      struct cchc_err *err)
{
	struct sbuf b = SBUF_INIT;
	while (*s) {
		if ((s[0] == '{' && s[1] == '{') || (s[0] == '}' && s[1] == '}')) {
			sbuf_addc(&b, *s);
			s += 2;
			continue;
		}
		const char *close = s[0] == '{' ? strchr(s, '}') : NULL;
		const char *v = close ? lookup(vars, s + 1, (size_t)(close - s - 1)) : NULL;
		if (close && !v) {
			err_set(err, CCHC_EINPUT, "%s dòng %d: trường {%.*s} không có (các trường: xem "
				"chú thích đầu tệp mẫu)", what, line, (int)(close - s - 1), s + 1);
			sbuf_free(&b);
			return err->code;
		}
		if (v) {
			sbuf_add(&b, v);
			s = close + 1;
		} else {
			sbuf_addc(&b, *s++);
		}
	}
	*out = sbuf_detach(&b);
	return CCHC_OK;
}

struct fill_ctx {
	const char *const *vars;
	const char *what;
	int line;
	struct cchc_err *err;
};

/* Adds one run of template text with its fields filled: the markup comes
 * from the template only, so a '*' in the clerk's data stays a '*'. */
static int add_run(struct doc_para *p, const char *s, int attrs, const struct fill_ctx *c)
{
	char *filled;
	if (tmpl_fill(s, c->vars, c->what, c->line, &filled, c->err))
		return c->err->code;
	if (*filled)
		doc_run(p, filled, attrs);
	free(filled);
	return CCHC_OK;
}

/* Adds text to p as runs, **bold** and *italic* switching attributes. */
static int add_runs(struct doc_para *p, const char *s, int base, const struct fill_ctx *c)
{
	struct sbuf b = SBUF_INIT;
	int attrs = base, rc = CCHC_OK;
	while (*s && !rc) {
		int flip = s[0] == '*' ? (s[1] == '*' ? DOC_BOLD : DOC_ITALIC) : 0;
		if (!flip) {
			sbuf_addc(&b, *s++);
			continue;
		}
		if (b.len)
			rc = add_run(p, b.s, attrs, c);
		sbuf_trunc(&b, 0);
		attrs ^= flip;
		s += flip == DOC_BOLD ? 2 : 1;
	}
	if (b.len && !rc)
		rc = add_run(p, b.s, attrs, c);
	sbuf_free(&b);
	return rc;
}

static int add_paragraph(struct doc *d, const char *text, const struct fill_ctx *c)
{
	if (strncmp(text, "= ", 2) == 0)
		return add_runs(doc_para(d, DOC_PLAIN, DOC_CENTER), text + 2, DOC_BOLD, c);
	if (strncmp(text, "> ", 2) == 0)
		return add_runs(doc_para(d, DOC_PLAIN, DOC_LEFT), text + 2, 0, c);
	return add_runs(doc_para(d, DOC_BODY, DOC_JUSTIFY), text, 0, c);
}

/* True when text has fields and every one of them is empty: such a line
 * ("Địa chỉ: {address}" with no address) is left out. */
static bool fields_all_empty(const char *text, const char *const *vars)
{
	int fields = 0;
	for (const char *s = text; (s = strchr(s, '{'));) {
		if (s[1] == '{') {
			s += 2;
			continue;
		}
		const char *close = strchr(s, '}');
		if (!close)
			break;
		const char *v = lookup(vars, s + 1, (size_t)(close - s - 1));
		if (!v || *v)
			return false;
		fields++;
		s = close + 1;
	}
	return fields > 0;
}

/* Splits the body into paragraphs, fills each and adds it. */
static int render_body(const struct tmpl *t, const char *const *vars, const char *what,
		       struct doc *d, struct cchc_err *err)
{
	struct sbuf para = SBUF_INIT;
	struct fill_ctx c = { vars, what, 0, err };
	const char *p = t->body;
	int line = t->body_line, rc = CCHC_OK;
	while (!rc && (*p || para.len)) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		char *l = trim(p, n);
		if (*l && para.len)
			sbuf_addc(&para, ' ');
		if (*l && !para.len)
			c.line = line;
		sbuf_add(&para, l);
		bool end = !*l || !nl;
		free(l);
		p += n + (nl != NULL);
		line++;
		if (end && para.len) {
			if (!fields_all_empty(para.s, vars))
				rc = add_paragraph(d, para.s, &c);
			sbuf_trunc(&para, 0);
		}
	}
	sbuf_free(&para);
	return rc;
}

/* Fills the repeatable head lines and hands each to add (a recipient or
 * an addressee of d). An addressee line whose fields are all empty is left
 * out; a recipient line stays ("Lưu: VT, {unit_code}." is still "Lưu: VT"). */
static int render_lines(char *const *v, const int *lines, int n, const char *const *vars,
			const char *what, struct doc *d, void (*add)(struct doc *, const char *),
			struct cchc_err *err)
{
	int rc = CCHC_OK;
	bool drop_empty = add == doc_add_addressee;
	for (int i = 0; !rc && i < n; i++) {
		char *r = NULL;
		if (drop_empty && fields_all_empty(v[i], vars))
			continue;
		if (!(rc = tmpl_fill(v[i], vars, what, lines[i], &r, err)))
			add(d, r);
		free(r);
	}
	return rc;
}

int tmpl_render(const struct tmpl *t, const char *const *vars, const char *what, struct doc *d,
		struct cchc_err *err)
{
	char *type = NULL, *abstract = NULL;
	int rc = tmpl_fill(t->type, vars, what, t->type_line, &type, err);
	if (!rc)
		rc = tmpl_fill(t->abstract ? t->abstract : "", vars, what, t->abstract_line, &abstract,
			       err);
	if (!rc)
		doc_set_title(d, type, abstract);
	free(type);
	free(abstract);
	if (!rc)
		rc = render_lines(t->addressees, t->addressee_lines, t->naddressees, vars, what, d,
				  doc_add_addressee, err);
	if (!rc)
		rc = render_lines(t->recipients, t->recipient_lines, t->nrecipients, vars, what, d,
				  doc_add_recipient, err);
	return rc ? rc : render_body(t, vars, what, d, err);
}
