/* A period's dossier figures from the monthly counts of schema 22
 * (dossier_tally_field, dossier_tally_unit), kept by triggers in every
 * writer's transaction. Every figure of Biểu 06a is a difference of two
 * "prefix" counts (dossiers received, resolved before a date), and a
 * prefix is the sum of the whole months before the date's month plus the
 * rows of that month up to the date, read from the date indexes. What the
 * sums cannot see is read from rows too: the dossiers pending and overdue
 * as of a date (they become late with the date, index dossier_open) and
 * the rare ones resolved before they were received (index
 * dossier_resolved_first). The figures equal dossier_stats()'s recount,
 * which cchc check compares them with. */
#include <config.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/dossier.h"
#include "text/collate.h"
#include "util/sbuf.h"

/* Counts of one prefix: received by channel, resolved by class. */
struct prefix {
	int64_t r_on, r_off, s[3];       /* s: early, on time, late */
};

struct tgroup {
	char *key;
	struct prefix p1, p2;            /* before from; up to to */
	int64_t first1, first2[3], first3; /* corrections, resolved before received */
	int64_t overdue;
};

struct groups {
	struct tgroup *v;
	int n, last;
	int *slot;                       /* open addressing: index + 1, 0 free */
	size_t cap;
};

struct unit_name {
	int64_t id;
	char *name;
};

enum { TALLY_STATUSES = 32 };

struct tally {
	struct db *db;
	const char *from, *to, *asof;
	char m1[8], m2[8];               /* the months of from and to */
	struct groups field, unit;
	struct unit_name *units;
	int nunits;
	/* the statuses classified so far and their answers: a province has a
	 * handful, met in every order (one answer only missed on each change) */
	char *wstatus[TALLY_STATUSES];
	bool withdrawn[TALLY_STATUSES];
	int nstatus;
	bool want_units;                 /* read the units' monthly counts */
};

static uint32_t key_hash(const char *s)
{
	uint32_t h = 2166136261u;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

static void groups_rehash(struct groups *g)
{
	free(g->slot);
	g->cap = g->cap ? g->cap * 2 : 64;
	g->slot = xcalloc(g->cap, sizeof *g->slot);
	for (int i = 0; i < g->n; i++) {
		size_t j = key_hash(g->v[i].key) & (g->cap - 1);
		while (g->slot[j])
			j = (j + 1) & (g->cap - 1);
		g->slot[j] = i + 1;
	}
}

/* The group of key, made on first sight: a few dozen groups, met tens of
 * thousands of times in no order. */
static struct tgroup *group_of(struct groups *g, const char *key)
{
	if (g->last >= 0 && g->last < g->n && strcmp(g->v[g->last].key, key) == 0)
		return &g->v[g->last];
	if (2 * ((size_t)g->n + 1) > g->cap)
		groups_rehash(g);
	size_t j = key_hash(key) & (g->cap - 1);
	for (; g->slot[j]; j = (j + 1) & (g->cap - 1))
		if (strcmp(g->v[g->slot[j] - 1].key, key) == 0)
			return &g->v[g->last = g->slot[j] - 1];
	g->v = xrealloc(g->v, sizeof *g->v * (size_t)(g->n + 1));
	g->v[g->n] = (struct tgroup){ .key = xstrdup(key) };
	g->slot[j] = g->n + 1;
	g->last = g->n;
	return &g->v[g->n++];
}

static const char *unit_name(const struct tally *t, int64_t id)
{
	for (int i = 0; i < t->nunits; i++)
		if (t->units[i].id == id)
			return t->units[i].name;
	return "";
}

static bool withdrawn(struct tally *t, const char *status)
{
	status = status ? status : "";
	for (int i = 0; i < t->nstatus; i++)
		if (strcmp(t->wstatus[i], status) == 0)
			return t->withdrawn[i];
	bool w = dossier_status_withdrawn(status);
	if (t->nstatus < TALLY_STATUSES) {
		t->wstatus[t->nstatus] = xstrdup(status);
		t->withdrawn[t->nstatus++] = w;
	}
	return w;
}

/* The class of a resolution (0 early, 1 on time, 2 late) as stats_count
 * gives it: no due date, or a withdrawal, is on time. */
static int resolved_class(const char *resolved, const char *due, bool w)
{
	int c = due && !w ? strcmp(resolved, due) : 0;
	return c < 0 ? 0 : c == 0 ? 1 : 2;
}

static const char *text_at(sqlite3_stmt *st, int i)
{
	return (const char *)sqlite3_column_text(st, i);
}

/* Runs sql with its text parameters, calling fn for each row. */
typedef void (*tally_row_fn)(struct tally *t, sqlite3_stmt *st, void *arg);

static int each(struct tally *t, const char *sql, const char *const *params, int nparams,
		tally_row_fn fn, void *arg)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(t->db->h, sql, -1, &st, NULL);
	if (rc != SQLITE_OK)
		return rc;
	for (int i = 0; i < nparams; i++)
		sqlite3_bind_text(st, i + 1, params[i], -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		fn(t, st, arg);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* Both groups (field, unit) of a row whose columns 0-2 are field,
 * unit_id, status. */
static void row_groups(struct tally *t, sqlite3_stmt *st, struct tgroup *g[2])
{
	const char *field = text_at(st, 0);
	g[0] = group_of(&t->field, field ? field : "");
	g[1] = group_of(&t->unit, unit_name(t, sqlite3_column_int64(st, 1)));
}

static void add_counts(struct prefix *p, sqlite3_stmt *st, int col, bool w)
{
	p->r_on += sqlite3_column_int64(st, col);
	p->r_off += sqlite3_column_int64(st, col + 1);
	for (int k = 0; k < 3; k++)
		p->s[w ? 1 : k] += sqlite3_column_int64(st, col + 2 + k);
}

/* A month's counts: into the prefix up to to, and before from when the
 * month is before from's. */
static void month_row(struct tally *t, sqlite3_stmt *st, void *arg)
{
	struct groups *gs = arg;
	const char *key = text_at(st, 1);
	if (gs == &t->unit)
		key = unit_name(t, sqlite3_column_int64(st, 1));
	struct tgroup *g = group_of(gs, key ? key : "");
	bool w = withdrawn(t, text_at(st, 2));
	add_counts(&g->p2, st, 3, w);
	if (strcmp(text_at(st, 0), t->m1) < 0)
		add_counts(&g->p1, st, 3, w);
}

/* A row received in from's or to's month up to the date: field, unit_id,
 * status, channel. */
static void received_row(struct tally *t, sqlite3_stmt *st, void *arg)
{
	struct tgroup *g[2];
	row_groups(t, st, g);
	bool online = strcmp(text_at(st, 3), "truc-tuyen") == 0;
	for (int i = 0; i < 2; i++) {
		struct prefix *p = arg ? &g[i]->p2 : &g[i]->p1;
		*(online ? &p->r_on : &p->r_off) += 1;
	}
}

/* A row resolved in from's or to's month up to the date: field, unit_id,
 * status, resolved_on, due_on. */
static void resolved_row(struct tally *t, sqlite3_stmt *st, void *arg)
{
	struct tgroup *g[2];
	row_groups(t, st, g);
	int k = resolved_class(text_at(st, 3), text_at(st, 4), withdrawn(t, text_at(st, 2)));
	for (int i = 0; i < 2; i++)
		(arg ? &g[i]->p2 : &g[i]->p1)->s[k]++;
}

/* A dossier resolved before it was received: the sums count it where the
 * rows' rules do not (see dossier_stats_period). Columns: field, unit_id,
 * status, resolved_on, due_on, received_on. */
static void first_row(struct tally *t, sqlite3_stmt *st, void *arg)
{
	struct tgroup *g[2];
	row_groups(t, st, g);
	const char *s = text_at(st, 3), *r = text_at(st, 5);
	int k = resolved_class(s, text_at(st, 4), withdrawn(t, text_at(st, 2)));
	for (int i = 0; i < 2; i++) {
		g[i]->first1 += strcmp(s, t->from) < 0 && strcmp(r, t->from) >= 0;
		g[i]->first2[k] += strcmp(s, t->from) >= 0 && strcmp(s, t->to) <= 0 &&
				   strcmp(r, t->to) > 0;
		g[i]->first3 += strcmp(s, t->to) <= 0 && strcmp(r, t->to) > 0;
	}
}

/* A dossier pending at the end of the period and overdue as of asof:
 * field, unit_id, status. */
static void overdue_row(struct tally *t, sqlite3_stmt *st, void *arg)
{
	struct tgroup *g[2];
	row_groups(t, st, g);
	if (!withdrawn(t, text_at(st, 2)))
		g[0]->overdue++, g[1]->overdue++;
}

static int gather(struct tally *t, bool overdue)
{
	const char *p1[] = { t->m1, t->from }, *p2[] = { t->m2, t->to };
	const char *od[] = { t->asof, t->to };
	int rc = each(t, "SELECT month, field, status, r_online, r_offline, s_early, s_on_time, "
		      "s_late FROM dossier_tally_field WHERE month < ?1", p2, 1, month_row, &t->field);
	if (rc == SQLITE_OK && t->want_units)
		rc = each(t, "SELECT month, unit_id, status, r_online, r_offline, s_early, "
			  "s_on_time, s_late FROM dossier_tally_unit WHERE month < ?1", p2, 1,
			  month_row, &t->unit);
#define EDGE_R "SELECT field, unit_id, status, channel FROM dossier WHERE received_on >= ?1 "
#define EDGE_S "SELECT field, unit_id, status, resolved_on, due_on FROM dossier WHERE " \
	"resolved_on >= ?1 "
	if (rc == SQLITE_OK)
		rc = each(t, EDGE_R "AND received_on < ?2", p1, 2, received_row, NULL);
	if (rc == SQLITE_OK)
		rc = each(t, EDGE_R "AND received_on <= ?2", p2, 2, received_row, t);
	if (rc == SQLITE_OK)
		rc = each(t, EDGE_S "AND resolved_on < ?2", p1, 2, resolved_row, NULL);
	if (rc == SQLITE_OK)
		rc = each(t, EDGE_S "AND resolved_on <= ?2", p2, 2, resolved_row, t);
#undef EDGE_R
#undef EDGE_S
	if (rc == SQLITE_OK)
		rc = each(t, "SELECT field, unit_id, status, resolved_on, due_on, received_on FROM "
			  "dossier WHERE resolved_on < received_on", NULL, 0, first_row, NULL);
	if (rc == SQLITE_OK && overdue)
		rc = each(t, "SELECT field, unit_id, status FROM dossier INDEXED BY dossier_open "
			  "WHERE resolved_on IS NULL AND due_on < ?1 AND received_on <= ?2", od, 2, overdue_row, NULL);
	if (rc == SQLITE_OK && overdue)
		/* due before asof, which is not after to, so resolved late: the
		 * partial index of those (schema 27) holds them by resolution date */
		rc = each(t, "SELECT field, unit_id, status FROM dossier INDEXED BY "
			  "dossier_resolved_late WHERE resolved_on > ?2 AND resolved_on > due_on "
			  "AND due_on < ?1 AND received_on <= ?2", od, 2, overdue_row, NULL);
	return rc;
}

static int load_units(struct tally *t)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(t->db->h, "SELECT id, name FROM unit", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		t->units = xrealloc(t->units, sizeof *t->units * (size_t)(t->nunits + 1));
		t->units[t->nunits].id = sqlite3_column_int64(st, 0);
		t->units[t->nunits++].name = xstrdup(text_at(st, 1) ? text_at(st, 1) : "");
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* A group's figures: each a difference of the two prefixes, corrected. */
static void figures_of(const struct tgroup *g, struct dossier_stats *s)
{
	const struct prefix *a = &g->p1, *b = &g->p2;
	memset(s, 0, sizeof *s);
	snprintf(s->group, sizeof s->group, "%s", g->key);
	s->received_online = b->r_on - a->r_on;
	s->received_offline = b->r_off - a->r_off;
	int64_t sa = a->s[0] + a->s[1] + a->s[2], sb = b->s[0] + b->s[1] + b->s[2];
	s->received_carried = a->r_on + a->r_off - sa + g->first1;
	s->received_total = s->received_online + s->received_offline + s->received_carried;
	s->resolved_early = b->s[0] - a->s[0] - g->first2[0];
	s->resolved_on_time = b->s[1] - a->s[1] - g->first2[1];
	s->resolved_late = b->s[2] - a->s[2] - g->first2[2];
	s->resolved_total = s->resolved_early + s->resolved_on_time + s->resolved_late;
	s->pending_total = b->r_on + b->r_off - sb + g->first3;
	s->pending_overdue = g->overdue;
	s->pending_in_time = s->pending_total - s->pending_overdue;
}

static int group_cmp(const void *a, const void *b)
{
	const struct dossier_stats *x = a, *y = b;
	return text_collate(x->group, strlen(x->group), y->group, strlen(y->group));
}

/* The groups with a dossier in the period (received in it, or carried
 * into it), in Vietnamese order; frees the groups. */
static void groups_out(struct groups *g, struct dossier_stats **out, int *n)
{
	*out = xcalloc((size_t)g->n + 1, sizeof **out);
	*n = 0;
	for (int i = 0; i < g->n; i++) {
		figures_of(&g->v[i], &(*out)[*n]);
		if ((*out)[*n].received_total != 0)
			(*n)++;
		free(g->v[i].key);
	}
	free(g->v);
	free(g->slot);
	if (*n > 1)
		qsort(*out, (size_t)*n, sizeof **out, group_cmp);
}

int dossier_stats_period(struct db *db, const char *from, const char *to, bool overdue,
			 struct dossier_stats **by_field, int *nfields,
			 struct dossier_stats **by_unit, int *nunits, struct cchc_err *err)
{
	struct ymd d;
	char today[11];
	*by_field = NULL;
	*nfields = *nunits = 0;
	if (by_unit)
		*by_unit = NULL;
	if (date_today(&d, err))
		return err->code;
	date_format_iso(d, today);
	struct tally t = { .db = db, .from = from, .to = to,
			   .asof = strcmp(today, to) < 0 ? today : to,
			   .field = { NULL, 0, -1 }, .unit = { NULL, 0, -1 },
			   .want_units = by_unit != NULL };
	snprintf(t.m1, sizeof t.m1, "%.7s", from);
	snprintf(t.m2, sizeof t.m2, "%.7s", to);
	int rc = load_units(&t);
	if (rc == SQLITE_OK)
		rc = gather(&t, overdue);
	struct dossier_stats *no_units = NULL;
	groups_out(&t.field, by_field, nfields);
	groups_out(&t.unit, by_unit ? by_unit : &no_units, nunits);
	if (!by_unit) {
		free(no_units);
		*nunits = 0;
	}
	for (int i = 0; i < t.nunits; i++)
		free(t.units[i].name);
	free(t.units);
	for (int i = 0; i < t.nstatus; i++)
		free(t.wstatus[i]);
	if (rc == SQLITE_OK)
		return CCHC_OK;
	free(*by_field);
	*by_field = NULL;
	if (by_unit) {
		free(*by_unit);
		*by_unit = NULL;
	}
	*nfields = *nunits = 0;
	return db_fail(db, rc, "thống kê hồ sơ", err);
}
