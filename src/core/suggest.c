#include <config.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/plan.h"
#include "core/suggest.h"
#include "text/fold.h"
#include "util/sbuf.h"

/* Folded unit name without the words that vary between writings. */
static char *unit_key(const char *s)
{
	char *f = text_fold(s, false);
	static const char *const prefixes[] = { "phong ", "p. ", "p.", "cac " };
	char *p = f;
	for (size_t i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++)
		if (strncmp(p, prefixes[i], strlen(prefixes[i])) == 0)
			p += strlen(prefixes[i]);
	char *r = xstrdup(p);
	free(f);
	size_t n = strlen(r);
	while (n > 0 && strchr(" .;,", r[n - 1]))
		r[--n] = '\0';
	return r;
}

char *unit_match(struct db *db, const char *text)
{
	char *key = unit_key(text);
	sqlite3_stmt *st;
	char *code = NULL;
	if (*key && sqlite3_prepare_v2(db->h, "SELECT name, coalesce(code, '') FROM unit WHERE active",
				       -1, &st, NULL) == SQLITE_OK) {
		while (!code && sqlite3_step(st) == SQLITE_ROW) {
			const char *name = (const char *)sqlite3_column_text(st, 0);
			const char *c = (const char *)sqlite3_column_text(st, 1);
			char *k = unit_key(name), *kc = text_fold(c, false);
			if (*c && (strcmp(k, key) == 0 || strcmp(kc, key) == 0))
				code = xstrdup(c);
			free(k);
			free(kc);
		}
		sqlite3_finalize(st);
	}
	free(key);
	return code;
}

/* Matched codes of a list of units "A; B và C". */
static char *match_list(struct db *db, const char *text)
{
	struct sbuf out = SBUF_INIT;
	char *copy = xstrdup(text);
	for (char *p = copy; p && *p;) {
		char *end = p + strcspn(p, ",;");
		char *va = strstr(p, " và ");
		if (va && va < end)
			end = va;
		char sep = *end;
		*end = '\0';
		char *code = unit_match(db, p);
		if (code)
			sbuf_addf(&out, "%s%s", out.len ? "," : "", code);
		free(code);
		if (!sep)
			break;
		p = end + (va == end ? 4 : 1);
		while (*p == ' ')
			p++;
	}
	free(copy);
	return sbuf_detach(&out);
}

/* "Cơ quan chủ trì tham mưu: X" -> the folded label kind and X. */
enum role { ROLE_NONE, ROLE_LEAD, ROLE_DOER, ROLE_CO, ROLE_TASKS };

static enum role line_role(const char *text, const char **value)
{
	const char *colon = strchr(text, ':');
	if (!colon)
		return ROLE_NONE;
	char *head = xstrndup(text, (size_t)(colon - text));
	char *f = text_fold(head, false);
	free(head);
	enum role r = ROLE_NONE;
	if (strstr(f, "chu tri"))
		r = ROLE_LEAD;
	else if (strstr(f, "phoi hop"))
		r = ROLE_CO;
	else if (strstr(f, "thuc hien") && (strstr(f, "co quan") || strstr(f, "don vi")))
		r = ROLE_DOER;
	else if (strstr(f, "nhiem vu") && strlen(f) < 40)
		r = ROLE_TASKS;
	free(f);
	*value = colon + 1;
	while (**value == ' ')
		(*value)++;
	return r;
}

struct ctx {
	struct db *db;
	struct suggestion *v;
	int n;
};

static void add(struct ctx *c, int64_t sid, const char *title, const char *product,
		const char *due, const char *lead, const char *co)
{
	c->v = xrealloc(c->v, sizeof *c->v * (size_t)(c->n + 1));
	struct suggestion *s = &c->v[c->n++];
	s->section_id = sid;
	s->title = xstrdup(title);
	s->product = xstrdup(product ? product : "");
	s->due_text = xstrdup(due ? due : "");
	s->lead_text = xstrdup(lead ? lead : "");
	char *code = lead && *lead ? unit_match(c->db, lead) : NULL;
	s->lead_code = code ? code : xstrdup("");
	s->co_text = xstrdup(co ? co : "");
	s->co_codes = co && *co ? match_list(c->db, co) : xstrdup("");
}

/* A section with role lines: its items after "Nhiệm vụ, giải pháp:" (or
 * after the role lines) are the tasks. */
static void from_roles(struct ctx *c, int64_t sid, struct section_item *it, int n)
{
	const char *lead = NULL, *doer = NULL, *co = NULL, *v;
	struct sbuf extra = SBUF_INIT;
	for (int i = 0; i < n; i++) {
		if (it[i].is_list_item)
			continue;
		switch (line_role(it[i].text, &v)) {
		case ROLE_LEAD: lead = v; break;
		case ROLE_CO: co = v; break;
		case ROLE_DOER: doer = v; break;
		default: break;
		}
	}
	if (!lead && !doer)
		return;
	if (!lead) { /* "thực hiện: A; B": A leads, B coordinates */
		lead = doer;
		doer = NULL;
	}
	if (doer)
		sbuf_addf(&extra, "%s%s%s", co ? co : "", co ? "; " : "", doer);
	char *lead_one = xstrndup(lead, strcspn(lead, ";,"));
	const char *co_all = extra.len ? extra.s : co;
	for (int i = 0; i < n; i++)
		if (it[i].is_list_item)
			add(c, sid, it[i].text, NULL, NULL, lead_one, co_all);
	free(lead_one);
	sbuf_free(&extra);
}

enum col { C_TASK, C_PRODUCT, C_LEAD, C_CO, C_DUE, NCOLS };

/* Column indexes from a table header row "STT | Nhiệm vụ | Sản phẩm | ...". */
static bool table_header(const char *row, int idx[NCOLS])
{
	for (int k = 0; k < NCOLS; k++)
		idx[k] = -1;
	char *f = text_fold(row, false);
	int i = 0;
	char *save = NULL;
	for (char *cell = strtok_r(f, "|", &save); cell; cell = strtok_r(NULL, "|", &save), i++) {
		if (strstr(cell, "nhiem vu") || strstr(cell, "noi dung"))
			idx[C_TASK] = idx[C_TASK] < 0 ? i : idx[C_TASK];
		else if (strstr(cell, "san pham"))
			idx[C_PRODUCT] = i;
		else if (strstr(cell, "chu tri"))
			idx[C_LEAD] = i;
		else if (strstr(cell, "phoi hop"))
			idx[C_CO] = i;
		else if (strstr(cell, "thoi gian") || strstr(cell, "thoi han") || strstr(cell, "tien do"))
			idx[C_DUE] = i;
	}
	free(f);
	return idx[C_TASK] >= 0 && idx[C_LEAD] >= 0;
}

static char *cell_at(const char *row, int k)
{
	if (k < 0)
		return xstrdup("");
	const char *p = row;
	for (int i = 0; i < k && p; i++) {
		p = strchr(p, '|');
		if (p)
			p++;
	}
	if (!p)
		return xstrdup("");
	while (*p == ' ')
		p++;
	size_t n = strcspn(p, "|");
	while (n > 0 && p[n - 1] == ' ')
		n--;
	return xstrndup(p, n);
}

/* Rows of an annex table whose first cell is a number. */
static void from_table(struct ctx *c, int64_t sid, struct section_item *it, int n)
{
	int idx[NCOLS];
	bool have = false;
	for (int i = 0; i < n; i++) {
		const char *row = it[i].text;
		if (row[0] == '|')
			row++;
		if (!strchr(row, '|'))
			continue;
		int head[NCOLS];
		if (table_header(row, head)) {
			memcpy(idx, head, sizeof idx);
			have = true;
			continue;
		}
		char *first = cell_at(row, 0);
		bool numbered = have && first[0] >= '0' && first[0] <= '9';
		free(first);
		if (!numbered)
			continue;
		char *v[NCOLS];
		for (int k = 0; k < NCOLS; k++)
			v[k] = cell_at(row, idx[k]);
		if (*v[C_TASK])
			add(c, sid, v[C_TASK], v[C_PRODUCT], v[C_DUE], v[C_LEAD], v[C_CO]);
		for (int k = 0; k < NCOLS; k++)
			free(v[k]);
	}
}

int suggest_tasks(struct db *db, int64_t plan_id, struct suggestion **out, int *n,
		  struct cchc_err *err)
{
	struct section_info *s;
	int ns;
	struct ctx c = { db, NULL, 0 };
	if (section_list(db, plan_id, &s, &ns, err))
		return err->code;
	for (int i = 0; i < ns; i++) {
		struct section_item *it;
		int ni;
		if (section_items(db, s[i].id, &it, &ni, err)) {
			section_list_free(s, ns);
			suggestions_free(c.v, c.n);
			return err->code;
		}
		from_roles(&c, s[i].id, it, ni);
		from_table(&c, s[i].id, it, ni);
		section_items_free(it, ni);
	}
	section_list_free(s, ns);
	*out = c.v;
	*n = c.n;
	return CCHC_OK;
}

void suggestions_free(struct suggestion *v, int n)
{
	for (int i = 0; i < n; i++) {
		struct suggestion *s = &v[i];
		free(s->title), free(s->product), free(s->due_text), free(s->lead_text);
		free(s->lead_code), free(s->co_text), free(s->co_codes);
	}
	free(v);
}
