#include <config.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "core/calendar.h"
#include "core/due.h"
#include "core/keyset.h"
#include "core/search.h"
#include "core/task.h"
#include "core/exchange.h"
#include "text/fold.h"
#include "text/utf8.h"
#include "util/sbuf.h"

static char *col(sqlite3_stmt *st, int i);

static const char *const status_names[] = { "todo", "doing", "done", "paused" };
static const char *const status_labels[] = { "chưa thực hiện", "đang thực hiện", "hoàn thành",
					     "tạm dừng" };

const char *task_status_name(int s)
{
	return s >= 0 && s < TASK_NSTATUS ? status_names[s] : "";
}

const char *task_status_label(int s)
{
	return s >= 0 && s < TASK_NSTATUS ? status_labels[s] : "";
}

int task_status_parse(const char *s)
{
	char *f = text_fold(s, false);
	int found = -1;
	for (int i = 0; i < TASK_NSTATUS && found < 0; i++) {
		char *label = text_fold(status_labels[i], false);
		if (strcmp(f, status_names[i]) == 0 || strcmp(f, label) == 0)
			found = i;
		free(label);
	}
	free(f);
	return found;
}

static int status_from_db(const char *s)
{
	for (int i = 0; i < TASK_NSTATUS; i++)
		if (s && strcmp(s, status_names[i]) == 0)
			return i;
	return TASK_TODO;
}

int64_t unit_id_by_code(struct db *db, const char *code)
{
	return db_int_by_text(db, "SELECT id FROM unit WHERE code = ?1 COLLATE NOCASE", code);
}

static void now_iso(char out[32])
{
	time_t t = time(NULL);
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* The plan and its year that a section belongs to; false when no section. */
static bool section_plan(struct db *db, int64_t section_id, int64_t *plan_id, int *year)
{
	sqlite3_stmt *st;
	bool ok = false;
	if (sqlite3_prepare_v2(db->h, "SELECT s.plan_id, coalesce(p.year, 0) FROM section s "
			       "JOIN plan p ON p.id = s.plan_id WHERE s.id = ?", -1, &st, NULL))
		return false;
	sqlite3_bind_int64(st, 1, section_id);
	if (sqlite3_step(st) == SQLITE_ROW) {
		*plan_id = sqlite3_column_int64(st, 0);
		*year = sqlite3_column_int(st, 1);
		ok = true;
	}
	sqlite3_finalize(st);
	return ok;
}

static int exec_bind(struct db *db, const char *sql, int64_t a, const char *b, const char *c)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db->h, sql, -1, &st, NULL);
	if (rc != SQLITE_OK)
		return rc;
	sqlite3_bind_int64(st, 1, a);
	if (b)
		sqlite3_bind_text(st, 2, b, -1, SQLITE_STATIC);
	if (c)
		sqlite3_bind_text(st, 3, c, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? SQLITE_OK : rc;
}

/* ------------------------------------------------------------ recurring deadlines */

/* A recurring task (t) none of whose occurrences in the plan's year ends on
 * or after the day it was assigned ("trước 30/9 hằng năm" given on 24/11):
 * it has nothing due, so it would vanish from every list; the clerk must
 * settle it ("Thời hạn chưa rõ"). The view task_unclear_open (schema 30)
 * holds the same rule for the set the lists read, kept by triggers. */
#define NO_OCCURRENCE_LEFT "NOT EXISTS (SELECT 1 FROM task_due d WHERE d.task_id = t.id AND " \
	"d.due_on >= coalesce(t.assigned_on, substr(t.created_at, 1, 10)))"

bool task_due_passed(struct db *db, int64_t id)
{
	sqlite3_stmt *st;
	bool passed = false;
	if (sqlite3_prepare_v2(db->h, "SELECT 1 FROM task t WHERE t.id = ?1 AND t.due_kind = "
			       "'recurring' AND " NO_OCCURRENCE_LEFT, -1, &st, NULL) != SQLITE_OK)
		return false;
	sqlite3_bind_int64(st, 1, id);
	passed = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	return passed;
}

/* What due_track reads of the recurring tasks chosen by the second %s (the
 * first may name the index to read them from): number, every,
 * the day given, the stored deadline, the occurrences' ends (ascending, the
 * key's order) and the notes ("YYYY-MM-DDperiod", char(30) between). */
static const char TRACK_SQL[] =
	"SELECT t.id, t.due_every, coalesce(t.assigned_on, substr(t.created_at, 1, 10)), "
	"coalesce(t.due_on, ''), (SELECT group_concat(d.due_on, ' ') FROM (SELECT due_on FROM "
	"task_due WHERE task_id = t.id ORDER BY due_on) d), (SELECT group_concat(n.noted_on || "
	"n.period, char(30)) FROM task_note n WHERE n.task_id = t.id) FROM task t %s "
	"WHERE t.due_kind = 'recurring' AND %s ORDER BY t.id";

static int ymd_order(const void *a, const void *b)
{
	const struct ymd *x = a, *y = b;
	return x->y != y->y ? x->y - y->y : x->m != y->m ? x->m - y->m : x->d - y->d;
}

/* One row of TRACK_SQL as it stands on asof. */
static void row_track(sqlite3_stmt *st, struct ymd asof, struct task_track *out)
{
	memset(out, 0, sizeof *out);
	out->id = sqlite3_column_int64(st, 0);
	const char *every = (const char *)sqlite3_column_text(st, 1);
	out->every = every && *every ? *every : 'q';
	struct ymd assigned = { 0, 1, 1 }, ends[DUE_MAX_OCC];
	const char *a = (const char *)sqlite3_column_text(st, 2);
	if (a && strlen(a) >= 10) {
		char day[11];
		memcpy(day, a, 10);
		day[10] = 0;
		if (!date_parse_iso(day, &assigned))
			assigned = (struct ymd){ 0, 1, 1 };
	}
	int nends = 0;
	const char *e = (const char *)sqlite3_column_text(st, 4);
	for (char day[11]; e && *e && nends < DUE_MAX_OCC; e += e[10] ? 11 : 10) {
		snprintf(day, sizeof day, "%.10s", e);
		if (strlen(e) < 10 || !date_parse_iso(day, &ends[nends]))
			break;
		nends++;
	}
	qsort(ends, (size_t)nends, sizeof ends[0], ymd_order);
	struct due_note *notes = NULL;
	int nnotes = 0;
	for (const char *p = (const char *)sqlite3_column_text(st, 5); p && *p;) {
		const char *end = strchr(p, 30);
		size_t len = end ? (size_t)(end - p) : strlen(p);
		char day[11];
		snprintf(day, sizeof day, "%.10s", p);
		notes = xrealloc(notes, sizeof *notes * (size_t)(nnotes + 1));
		if (len >= 10 && date_parse_iso(day, &notes[nnotes].on)) {
			size_t plen = len - 10 < 15 ? len - 10 : 15;
			memcpy(notes[nnotes].period, p + 10, plen);
			notes[nnotes++].period[plen] = 0;
		}
		p = end ? end + 1 : p + len;
	}
	due_track(out->every, ends, nends, assigned, notes, nnotes, asof, &out->t);
	free(notes);
}

/* Sets the stored deadline (due_on, what the lists sort and filter on) of
 * the recurring tasks chosen by cond (?1: id) to their deadline in force on
 * today; only the rows that change are written (each write re-indexes the
 * task for search). The changes are gathered first, the statement done. */
static int refresh_recurring(struct db *db, const char *cond, int64_t id, struct ymd today)
{
	struct sbuf sql = SBUF_INIT;
	sbuf_addf(&sql, TRACK_SQL, "", cond);
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db->h, sql.s, -1, &st, NULL);
	sbuf_free(&sql);
	if (rc != SQLITE_OK)
		return rc;
	sqlite3_bind_int64(st, 1, id);
	struct { int64_t id; char due[11]; } *change = NULL;
	int n = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct task_track t;
		row_track(st, today, &t);
		char due[11] = "";
		if (t.t.due.y)
			date_format_iso(t.t.due, due);
		if (strcmp(due, (const char *)sqlite3_column_text(st, 3)) == 0)
			continue;
		change = xrealloc(change, sizeof *change * (size_t)(n + 1));
		change[n].id = t.id;
		memcpy(change[n++].due, due, sizeof due);
	}
	sqlite3_finalize(st);
	rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
	for (int i = 0; rc == SQLITE_OK && i < n; i++)
		rc = exec_bind(db, "UPDATE task SET due_on = nullif(?2, '') WHERE id = ?1", change[i].id,
			       change[i].due, NULL);
	free(change);
	return rc;
}

/* A one-off task is due on its one date; a recurring one at the end of
 * its current occurrence (due_track) as of today. */
static int refresh_due(struct db *db, int64_t id)
{
	int rc = exec_bind(db, "UPDATE task SET due_on = (SELECT min(due_on) FROM task_due WHERE "
			   "task_id = ?1) WHERE id = ?1 AND due_kind <> 'recurring'", id, NULL, NULL);
	struct ymd today;
	struct cchc_err ignored;
	if (rc == SQLITE_OK && date_today(&today, &ignored) == CCHC_OK)
		rc = refresh_recurring(db, "t.id = ?1", id, today);
	return rc;
}

int task_due_refresh(struct db *db)
{
	struct ymd today;
	struct cchc_err ignored;
	/* inside the caller's transaction the rows would join its action
	 * (and its undo): the next list outside one refreshes */
	if (db->readonly || !sqlite3_get_autocommit(db->h) || date_today(&today, &ignored))
		return CCHC_OK;
	char iso[11];
	date_format_iso(today, iso);
	char *mark = db_setting_get(db, "task.due_as_of");
	bool fresh = mark && strcmp(mark, iso) == 0;
	free(mark);
	if (fresh || db_begin_internal(db, &ignored))
		return CCHC_OK;
	int rc = refresh_recurring(db, "1", 0, today);
	if (rc == SQLITE_OK && db_setting_set(db, "task.due_as_of", iso, &ignored) == CCHC_OK &&
	    sqlite3_exec(db->h, "COMMIT", NULL, NULL, NULL) == SQLITE_OK)
		return CCHC_OK;
	db_rollback(db);
	return CCHC_EDB;
}

int task_tracks(struct db *db, const char *plans, struct ymd asof, struct task_track **out,
		int *n, struct cchc_err *err)
{
	*out = NULL;
	*n = 0;
	struct sbuf cond = SBUF_INIT, sql = SBUF_INIT;
	sbuf_addf(&cond, "t.plan_id IN (%s)", plans);
	/* a plan's few hundred recurring tasks among its 10,000: from the
	 * partial index of them (schema 27), which SQLite, knowing nothing of
	 * its size, would not choose over a plan's whole index */
	sbuf_addf(&sql, TRACK_SQL, "INDEXED BY task_recurring", cond.s);
	sbuf_free(&cond);
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db->h, sql.s, -1, &st, NULL);
	sbuf_free(&sql);
	if (rc != SQLITE_OK)
		return db_fail(db, rc, "đọc nhiệm vụ định kỳ", err);
	int cap = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 16;
			*out = xrealloc(*out, sizeof **out * (size_t)cap);
		}
		row_track(st, asof, &(*out)[(*n)++]);
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE)
		return CCHC_OK;
	free(*out);
	*out = NULL;
	*n = 0;
	return db_fail(db, rc, "đọc nhiệm vụ định kỳ", err);
}

const struct task_track *task_track_find(const struct task_track *v, int n, int64_t id)
{
	int lo = 0, hi = n;
	while (lo < hi) {
		int mid = lo + (hi - lo) / 2;
		if (v[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && v[lo].id == id ? &v[lo] : NULL;
}

static int store_due(struct db *db, int64_t id, const struct due *d, int year, const char *text)
{
	int rc = exec_bind(db, "DELETE FROM task_due WHERE task_id = ?1", id, NULL, NULL);
	struct ymd occ[12];
	int n = due_occurrences(d, year, occ, 12);
	for (int i = 0; rc == SQLITE_OK && i < n; i++) {
		char iso[11];
		date_format_iso(occ[i], iso);
		rc = exec_bind(db, "INSERT INTO task_due(task_id, due_on) VALUES(?1, ?2)", id, iso, NULL);
	}
	char every[2] = { d->every, 0 };
	if (rc == SQLITE_OK)
		rc = exec_bind(db, "UPDATE task SET due_text = ?2, due_kind = ?3 WHERE id = ?1", id, text,
			       due_kind_name(d->kind));
	if (rc == SQLITE_OK)
		rc = exec_bind(db, "UPDATE task SET due_every = ?2 WHERE id = ?1", id, every, NULL);
	return rc == SQLITE_OK ? refresh_due(db, id) : rc;
}

static int set_co_units(struct db *db, int64_t id, const struct task_input *in, struct cchc_err *err)
{
	if (exec_bind(db, "DELETE FROM task_unit WHERE task_id = ?1", id, NULL, NULL))
		return db_fail(db, sqlite3_errcode(db->h), "lưu đơn vị phối hợp", err);
	for (int i = 0; i < in->nco; i++) {
		int64_t u = unit_id_by_code(db, in->co_codes[i]);
		if (!u)
			return err_set(err, CCHC_EINPUT, "Không có đơn vị mã \"%s\" (xem cchc unit list)",
				       in->co_codes[i]);
		char buf[32];
		snprintf(buf, sizeof buf, "%lld", (long long)u);
		if (exec_bind(db, "INSERT OR IGNORE INTO task_unit(task_id, unit_id) VALUES(?1, ?2)", id,
			      buf, NULL))
			return db_fail(db, sqlite3_errcode(db->h), "lưu đơn vị phối hợp", err);
	}
	return CCHC_OK;
}

/* Copies s as NFC into *out; an error when it is not valid UTF-8. */
static int clean(const char *s, const char *what, char **out, struct cchc_err *err)
{
	*out = NULL;
	if (!s)
		return CCHC_OK;
	char *nfc = text_nfc(s);
	if (!nfc)
		return err_set(err, CCHC_EINPUT, "%s không phải UTF-8 hợp lệ", what);
	*out = text_squeeze(nfc);
	free(nfc);
	return CCHC_OK;
}

struct cleaned {
	char *title, *description, *product, *due_text;
};

static void cleaned_free(struct cleaned *c)
{
	free(c->title), free(c->description), free(c->product), free(c->due_text);
}

static int clean_input(const struct task_input *in, struct cleaned *c, struct cchc_err *err)
{
	memset(c, 0, sizeof *c);
	if (clean(in->title, "Tên nhiệm vụ", &c->title, err) ||
	    clean(in->description, "Mô tả", &c->description, err) ||
	    clean(in->product, "Sản phẩm", &c->product, err) ||
	    clean(in->due_text, "Thời hạn", &c->due_text, err)) {
		cleaned_free(c);
		return err->code;
	}
	if (c->title && !*c->title) {
		cleaned_free(c);
		return err_set(err, CCHC_EINPUT, "Tên nhiệm vụ không được để trống");
	}
	return CCHC_OK;
}

/* Validates everything that can be checked before writing. */
static int check_refs(struct db *db, const struct task_input *in, int64_t *lead, struct cchc_err *err)
{
	*lead = 0;
	if (in->lead_code && *in->lead_code && !(*lead = unit_id_by_code(db, in->lead_code)))
		return err_set(err, CCHC_EINPUT, "Không có đơn vị mã \"%s\" (xem cchc unit list)",
			       in->lead_code);
	for (int i = 0; i < in->nco; i++)
		if (!unit_id_by_code(db, in->co_codes[i]))
			return err_set(err, CCHC_EINPUT, "Không có đơn vị mã \"%s\" (xem cchc unit list)",
				       in->co_codes[i]);
	return CCHC_OK;
}

static int insert_task(struct db *db, const struct cleaned *c, int64_t plan_id, int64_t section_id,
		       int64_t lead, int64_t *id)
{
	char ts[32];
	now_iso(ts);
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db->h, "INSERT INTO task(plan_id, section_id, title, description, "
				    "product, lead_unit_id, created_at, updated_at, assigned_on) "
				    "VALUES(?,?,?,?,?,nullif(?,0),?,?,?)", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return rc;
	sqlite3_bind_int64(st, 1, plan_id);
	sqlite3_bind_int64(st, 2, section_id);
	sqlite3_bind_text(st, 3, c->title, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, c->description ? c->description : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, c->product ? c->product : "", -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 6, lead);
	sqlite3_bind_text(st, 7, ts, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 8, ts, -1, SQLITE_STATIC);
	/* the day it was given: today as the program sees it (CCHC_TODAY) */
	struct ymd today;
	struct cchc_err ignored;
	char day[11];
	date_format_iso(date_today(&today, &ignored) == CCHC_OK ? today : (struct ymd){ 0, 1, 1 },
			day);
	sqlite3_bind_text(st, 9, day, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	*id = sqlite3_last_insert_rowid(db->h);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

static int year_or_today(int year)
{
	struct ymd t;
	struct cchc_err e;
	if (year)
		return year;
	return date_today(&t, &e) == CCHC_OK ? t.y : 2026;
}

int task_add(struct db *db, const struct task_input *in, int64_t *id, struct cchc_err *err)
{
	if (db_begin(db, err))
		return err->code;
	if (task_add_in_tx(db, in, id, err)) {
		db_rollback(db);
		return err->code;
	}
	return db_commit(db, err);
}

int task_add_in_tx(struct db *db, const struct task_input *in, int64_t *id, struct cchc_err *err)
{
	int64_t plan_id, lead;
	int year;
	if (!in->title)
		return err_set(err, CCHC_EINPUT, "Thiếu tên nhiệm vụ");
	if (!section_plan(db, in->section_id, &plan_id, &year))
		return err_set(err, CCHC_EINPUT, "Không có đề mục số %lld (xem cchc plan tree --format tsv)",
			       (long long)in->section_id);
	struct cleaned c;
	if (clean_input(in, &c, err))
		return err->code;
	struct due due;
	if (check_refs(db, in, &lead, err) ||
	    due_parse(c.due_text ? c.due_text : "", year_or_today(year), &due, err)) {
		cleaned_free(&c);
		return err->code;
	}
	int rc = insert_task(db, &c, plan_id, in->section_id, lead, id);
	if (rc == SQLITE_OK)
		rc = store_due(db, *id, &due, year_or_today(year), c.due_text ? c.due_text : "");
	if (rc != SQLITE_OK)
		db_fail(db, rc, "thêm nhiệm vụ", err);
	else
		rc = set_co_units(db, *id, in, err);
	cleaned_free(&c);
	return rc ? err->code : CCHC_OK;
}

int64_t task_id_in_section(struct db *db, int64_t section_id, const char *title)
{
	sqlite3_stmt *st;
	int64_t id = 0;
	if (sqlite3_prepare_v2(db->h, "SELECT id FROM task WHERE section_id = ? AND title = ? "
			       "ORDER BY id LIMIT 1", -1, &st, NULL))
		return 0;
	sqlite3_bind_int64(st, 1, section_id);
	sqlite3_bind_text(st, 2, title, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return id;
}

bool task_exists_in_section(struct db *db, int64_t section_id, const char *title)
{
	return task_id_in_section(db, section_id, title) != 0;
}

static int update_text(struct db *db, int64_t id, const char *column, const char *value)
{
	char sql[128];
	snprintf(sql, sizeof sql, "UPDATE task SET %s = ?2 WHERE id = ?1", column);
	return value ? exec_bind(db, sql, id, value, NULL) : SQLITE_OK;
}

static int task_year(struct db *db, int64_t id)
{
	return year_or_today((int)db_int_by_id(db, "SELECT coalesce(p.year, 0) FROM task t JOIN plan "
					   "p ON p.id = t.plan_id WHERE t.id = ?1", id));
}

static bool task_exists(struct db *db, int64_t id)
{
	return db_int_by_id(db, "SELECT 1 FROM task WHERE id = ?1", id) != 0;
}

static int today_iso(char out[11], struct cchc_err *err);

/* Recomputes the deadline from its text with the (new) plan's year. */
static int restore_due(struct db *db, int64_t id)
{
	sqlite3_stmt *st;
	char *text = NULL;
	if (sqlite3_prepare_v2(db->h, "SELECT due_text FROM task WHERE id = ?", -1, &st, NULL))
		return sqlite3_errcode(db->h);
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW)
		text = col(st, 0);
	sqlite3_finalize(st);
	struct due due;
	struct cchc_err ignored;
	int year = task_year(db, id);
	int rc = text && due_parse(text, year, &due, &ignored) == CCHC_OK
		 ? store_due(db, id, &due, year, text) : SQLITE_OK;
	free(text);
	return rc;
}

static int apply_edit(struct db *db, int64_t id, const struct task_input *in,
		      const struct cleaned *c, int64_t lead, const struct due *due,
		      struct cchc_err *err)
{
	int rc = update_text(db, id, "title", c->title);
	if (!rc)
		rc = update_text(db, id, "description", c->description);
	if (!rc)
		rc = update_text(db, id, "product", c->product);
	if (!rc && in->lead_code) {
		char buf[32];
		snprintf(buf, sizeof buf, "%lld", (long long)lead);
		rc = exec_bind(db, "UPDATE task SET lead_unit_id = nullif(CAST(?2 AS INTEGER), 0) "
			       "WHERE id = ?1", id, buf, NULL);
	}
	if (!rc && c->due_text)
		rc = store_due(db, id, due, task_year(db, id), c->due_text);
	char today[11] = "";
	if (!rc && in->status >= 0 && !(rc = today_iso(today, err) ? SQLITE_ERROR : SQLITE_OK))
		rc = exec_bind(db, "UPDATE task SET status = ?2, done_on = CASE WHEN ?2 = 'done' "
			       "THEN coalesce(done_on, ?3) ELSE NULL END WHERE id = ?1", id,
			       task_status_name(in->status), today);
	if (!rc && in->section_id) {
		char buf[32];
		snprintf(buf, sizeof buf, "%lld", (long long)in->section_id);
		rc = exec_bind(db, "UPDATE task SET section_id = CAST(?2 AS INTEGER), plan_id = "
			       "(SELECT plan_id FROM section WHERE id = CAST(?2 AS INTEGER)) WHERE id = ?1",
			       id, buf, NULL);
		if (!rc && !c->due_text)
			rc = restore_due(db, id);
	}
	char ts[32];
	now_iso(ts);
	if (!rc)
		rc = exec_bind(db, "UPDATE task SET updated_at = ?2 WHERE id = ?1", id, ts, NULL);
	if (rc)
		return db_fail(db, rc, "sửa nhiệm vụ", err);
	return in->set_co ? set_co_units(db, id, in, err) : CCHC_OK;
}

int task_edit(struct db *db, int64_t id, const struct task_input *in, struct cchc_err *err)
{
	if (!task_exists(db, id))
		return err_set(err, CCHC_ENOTFOUND, "Không có nhiệm vụ số %lld", (long long)id);
	int64_t plan_id, lead;
	int year;
	if (in->section_id && !section_plan(db, in->section_id, &plan_id, &year))
		return err_set(err, CCHC_EINPUT, "Không có đề mục số %lld", (long long)in->section_id);
	struct cleaned c;
	if (clean_input(in, &c, err))
		return err->code;
	struct due due = { .kind = DUE_NONE };
	if (check_refs(db, in, &lead, err) ||
	    (c.due_text && due_parse(c.due_text, task_year(db, id), &due, err)) || db_begin(db, err)) {
		cleaned_free(&c);
		return err->code;
	}
	int rc = apply_edit(db, id, in, &c, lead, &due, err);
	cleaned_free(&c);
	if (rc) {
		db_rollback(db);
		return rc;
	}
	return db_commit(db, err);
}

int task_done(struct db *db, int64_t id, struct ymd date, struct cchc_err *err)
{
	if (!task_exists(db, id))
		return err_set(err, CCHC_ENOTFOUND, "Không có nhiệm vụ số %lld", (long long)id);
	char iso[11];
	date_format_iso(date, iso);
	if (db_begin(db, err))
		return err->code;
	int rc = exec_bind(db, "UPDATE task SET status = 'done', done_on = ?2 WHERE id = ?1", id, iso,
			   NULL);
	if (rc) {
		db_fail(db, rc, "đánh dấu hoàn thành", err);
		db_rollback(db);
		return err->code;
	}
	return db_commit(db, err);
}

int task_add_note(struct db *db, int64_t id, const char *text, const char *period, struct ymd date,
		  struct cchc_err *err)
{
	if (!task_exists(db, id))
		return err_set(err, CCHC_ENOTFOUND, "Không có nhiệm vụ số %lld", (long long)id);
	char *t = NULL, *p = NULL;
	if (clean(text, "Ghi chú", &t, err) || clean(period ? period : "", "Kỳ", &p, err)) {
		free(t);
		return err->code;
	}
	if (!*t) {
		free(t), free(p);
		return err_set(err, CCHC_EINPUT, "Ghi chú tiến độ không được để trống");
	}
	char iso[11];
	date_format_iso(date, iso);
	int rc = db_begin(db, err);
	if (!rc) {
		sqlite3_stmt *st;
		/* the id from this site's range: notes made on a division's PC
		 * never meet the office's (exchange.h) */
		rc = sqlite3_prepare_v2(db->h, "INSERT INTO task_note(id, task_id, noted_on, period, "
					"text) VALUES(" EXCHANGE_NEXT_ID("task_note") ",?,?,?,?)",
					-1, &st, NULL);
		if (rc == SQLITE_OK) {
			sqlite3_bind_int64(st, 1, id);
			sqlite3_bind_text(st, 2, iso, -1, SQLITE_STATIC);
			sqlite3_bind_text(st, 3, p, -1, SQLITE_STATIC);
			sqlite3_bind_text(st, 4, t, -1, SQLITE_STATIC);
			rc = sqlite3_step(st) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(db->h);
			sqlite3_finalize(st);
		}
		if (rc == SQLITE_OK)
			rc = exec_bind(db, "UPDATE task SET status = CASE status WHEN 'todo' THEN 'doing' "
				       "ELSE status END WHERE id = ?1", id, NULL, NULL);
		if (rc == SQLITE_OK)
			rc = refresh_due(db, id);
		if (rc != SQLITE_OK) {
			db_fail(db, rc, "thêm ghi chú", err);
			db_rollback(db);
			rc = err->code;
		} else {
			rc = db_commit(db, err);
		}
	}
	free(t), free(p);
	return rc;
}

#define TASK_COLUMNS \
	"t.id, t.plan_id, coalesce(t.section_id, 0), t.status, t.title, t.description, t.product, " \
	"coalesce(u.code, ''), coalesce(u.name, ''), t.due_text, t.due_kind, coalesce(t.due_on, ''), " \
	"coalesce(t.done_on, ''), coalesce(s.label, ''), " \
	"coalesce((SELECT group_concat(cu.code, ', ') FROM task_unit tu JOIN unit cu ON " \
	"cu.id = tu.unit_id WHERE tu.task_id = t.id), '')"

static char *col(sqlite3_stmt *st, int i)
{
	const unsigned char *s = sqlite3_column_text(st, i);
	return xstrdup(s ? (const char *)s : "");
}

static void row_to_task(sqlite3_stmt *st, const char *today, struct task_info *t)
{
	memset(t, 0, sizeof *t);
	t->id = sqlite3_column_int64(st, 0);
	t->plan_id = sqlite3_column_int64(st, 1);
	t->section_id = sqlite3_column_int64(st, 2);
	t->status = status_from_db((const char *)sqlite3_column_text(st, 3));
	char **f[] = { &t->title, &t->description, &t->product, &t->lead_code, &t->lead_name,
		       &t->due_text, &t->due_kind, &t->due_on, &t->done_on, &t->section_label,
		       &t->co_codes };
	for (size_t i = 0; i < sizeof f / sizeof f[0]; i++)
		*f[i] = col(st, (int)i + 4);
	t->overdue = *t->due_on && strcmp(t->due_on, today) < 0 && t->status != TASK_DONE &&
		     t->status != TASK_PAUSED;
}

static int today_iso(char out[11], struct cchc_err *err)
{
	struct ymd d;
	if (date_today(&d, err))
		return err->code;
	date_format_iso(d, out);
	return CCHC_OK;
}

int task_get(struct db *db, int64_t id, struct task_info *t, struct cchc_err *err)
{
	task_due_refresh(db);
	char today[11];
	if (today_iso(today, err))
		return err->code;
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db->h, "SELECT " TASK_COLUMNS " FROM task t LEFT JOIN unit u ON "
				    "u.id = t.lead_unit_id LEFT JOIN section s ON s.id = t.section_id "
				    "WHERE t.id = ?", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return db_fail(db, rc, "đọc nhiệm vụ", err);
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		row_to_task(st, today, t);
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return CCHC_OK;
	return err_set(err, CCHC_ENOTFOUND, "Không có nhiệm vụ số %lld", (long long)id);
}

/* The columns of the hit table (task_hits_build), the list's order. */
#define HIT_KEY "t.due_on IS NULL, coalesce(t.due_on, ''), t.id"

/* Filtering and ordering are done in SQL on indexed columns; the caller
 * sets a limit for screens and pages with a key (the last row it has).
 * Only the conditions the filter sets are in the statement, so SQLite can
 * choose an index for them ("?1 = '' OR ..." would make it read every
 * task); the parameters keep their numbers whichever are present (a
 * number above the statement's highest is not bound: SQLITE_RANGE). */
/* Whether the filter's words make a condition: any text does (one letter
 * too: search_task keeps prefixes of one letter; a text of no words is a
 * condition no task meets). */
bool task_filter_has_words(const struct task_filter *f)
{
	return f->title_query && *f->title_query;
}

static char *hits_sql(const struct task_filter *f, bool count)
{
	struct sbuf b = SBUF_INIT;
	if (count)
		sbuf_add(&b, "SELECT count(*) FROM temp.task_hit h WHERE 1 ");
	else
		sbuf_add(&b, "SELECT " TASK_COLUMNS " FROM temp.task_hit h CROSS JOIN task t ON "
			 "t.id = h.id LEFT JOIN unit u ON u.id = t.lead_unit_id LEFT JOIN section s "
			 "ON s.id = t.section_id WHERE 1 ");
	if (f->after)
		sbuf_addf(&b, "AND (h.nul, h.due, h.id) %s (?13, ?14, ?15) ", f->reverse ? "<" : ">");
	if (!count)
		sbuf_addf(&b, "ORDER BY h.nul%s, h.due%s, h.id%s LIMIT ?9 OFFSET ?10",
			  f->reverse ? " DESC" : "", f->reverse ? " DESC" : "",
			  f->reverse ? " DESC" : "");
	return sbuf_detach(&b);
}

/* The filter's conditions ("AND ..."), the keyset left out. */
static void list_conditions(struct sbuf *b, const struct task_filter *f)
{
	if (f->unit_code && *f->unit_code)
		sbuf_add(b, "AND (t.lead_unit_id = ?16 OR t.id IN (SELECT tu.task_id FROM "
			 "task_unit tu WHERE tu.unit_id = ?16)) ");
	if (f->status >= 0)
		sbuf_add(b, "AND t.status = ?2 ");
	if (f->overdue)
		sbuf_add(b, "AND t.status IN ('todo', 'doing') AND t.due_on < ?4 ");
	if (f->due_within >= 0)
		sbuf_add(b, "AND t.status IN ('todo', 'doing') AND t.due_on >= ?4 AND t.due_on <= ?5 ");
	if (f->open_only)
		sbuf_add(b, "AND t.status <> 'done' ");
	if (f->due_unclear)
		/* kept by triggers (schema 30, view task_unclear_open: the
		 * rule of NO_OCCURRENCE_LEFT): the rule itself looked up
		 * task_due for each open recurring task, 430 pages at 100,000
		 * tasks */
		sbuf_add(b, "AND t.id IN (SELECT task_id FROM task_tally_unclear) ");
	if (f->plan_id)
		sbuf_add(b, "AND t.plan_id = ?7 ");
	if (f->section_id)
		sbuf_add(b, "AND t.section_id = ?8 ");
	if (task_filter_has_words(f) && f->words_by_row)
		sbuf_add(b, "AND vi_words(t.title || ' ' || t.description || ' ' || t.product, ?12) ");
	else if (task_filter_has_words(f))
		sbuf_add(b, "AND t.id IN (SELECT rowid FROM search_task WHERE search_task MATCH ?11) ");
}

/* The list's order is (no date last, date, number): a page is read in the
 * arms of keyset_arms over task_by_order (due_on, id), schema 15. ?14 is
 * the key's date, ?15 its number. */
static int list_arms(const struct task_filter *f, struct keyset_arm arms[2])
{
	return keyset_arms("t.due_on", "t.id", "?14", "?15", f->after != NULL,
			   f->after && !*f->after->due_on, f->reverse, arms);
}

static char *list_sql(const struct task_filter *f, const char *what)
{
	bool count = strcmp(what, "count(*)") == 0;
	if (f->use_hits)
		return hits_sql(f, count);
	struct sbuf cond = SBUF_INIT, b = SBUF_INIT;
	list_conditions(&cond, f);
	const char *c = cond.s ? cond.s : "";
	bool keys = strcmp(what, HIT_KEY) == 0;
	if (keys || (count && !f->after)) {   /* every row, in no order */
		/* no condition: no WHERE, so that SQLite counts the cells of an
		 * index's pages (OP_Count) instead of stepping through 100,000
		 * entries ("WHERE 1" is a condition to it) */
		sbuf_addf(&b, "SELECT %s FROM task t%s%s", what, *c ? " WHERE 1 " : "", c);
		sbuf_free(&cond);
		return sbuf_detach(&b);
	}
	struct keyset_arm arms[2];
	int n = list_arms(f, arms);
	if (count) {   /* the rows before (or after) the key */
		sbuf_add(&b, "SELECT 0");
		for (int i = 0; i < n; i++)
			sbuf_addf(&b, " + (SELECT count(*) FROM task t WHERE %s %s)", arms[i].where, c);
	} else {
		/* the arm's numbers first, in order (CROSS JOIN keeps it), then
		 * the columns of those alone: sorted whole rows (with their
		 * coordinating units) cost 23 ms for a page of 11,000 overdue */
		for (int i = 0; i < n; i++)
			sbuf_addf(&b, "%sSELECT * FROM (SELECT " TASK_COLUMNS " FROM (SELECT t.id "
				  "FROM task t WHERE %s %sORDER BY %s LIMIT ?17) k CROSS JOIN task t "
				  "ON t.id = k.id LEFT JOIN unit u ON u.id = t.lead_unit_id LEFT JOIN "
				  "section s ON s.id = t.section_id)",
				  i ? " UNION ALL " : "", arms[i].where, c, arms[i].order);
		sbuf_add(&b, " LIMIT ?9 OFFSET ?10");
	}
	sbuf_free(&cond);
	return sbuf_detach(&b);
}

static int bind_filter(struct db *db, sqlite3_stmt *st, const struct task_filter *f,
		       const char *today, struct cchc_err *err);

/* Whether more than cap tasks have the filter's words: the first cap + 1
 * of the index's list for them, read without the rest. */
static int words_over(struct db *db, const struct task_filter *f, int cap, bool *over,
		      struct cchc_err *err)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db->h, "SELECT count(*) FROM (SELECT 1 FROM search_task WHERE "
				    "search_task MATCH ?1 LIMIT ?2)", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return db_fail(db, rc, "lọc nhiệm vụ", err);
	char *expr = search_filter_expr(f->title_query);
	sqlite3_bind_text(st, 1, expr ? expr : "\"\"", -1, SQLITE_TRANSIENT);
	free(expr);
	sqlite3_bind_int(st, 2, cap + 1);
	rc = sqlite3_step(st);
	*over = rc == SQLITE_ROW && sqlite3_column_int(st, 0) > cap;
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? CCHC_OK : db_fail(db, rc, "lọc nhiệm vụ", err);
}

int task_hits_build(struct db *db, const struct task_filter *f, int cap, int *n,
		    struct cchc_err *err)
{
	task_due_refresh(db);
	*n = 0;
	char today[11];
	if (today_iso(today, err))
		return err->code;
	bool over = false;
	if (cap > 0 && task_filter_has_words(f) && words_over(db, f, cap, &over, err))
		return err->code;
	if (over) {
		*n = -1;
		return CCHC_OK;
	}
	int rc = sqlite3_exec(db->h, "CREATE TEMP TABLE IF NOT EXISTS task_hit(nul INTEGER, due TEXT, "
			      "id INTEGER, PRIMARY KEY(nul, due, id)) WITHOUT ROWID; "
			      "DELETE FROM temp.task_hit", NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		return db_fail(db, rc, "lọc nhiệm vụ", err);
	struct task_filter all = *f;
	all.use_hits = all.words_by_row = false;
	all.after = NULL;
	char *sel = list_sql(&all, HIT_KEY);
	struct sbuf sql = SBUF_INIT;
	sbuf_addf(&sql, "INSERT INTO temp.task_hit(nul, due, id) %s", sel);
	free(sel);
	sqlite3_stmt *st;
	rc = sqlite3_prepare_v2(db->h, sql.s, -1, &st, NULL);
	sbuf_free(&sql);
	if (rc != SQLITE_OK)
		return db_fail(db, rc, "lọc nhiệm vụ", err);
	if (bind_filter(db, st, &all, today, err)) {
		sqlite3_finalize(st);
		return err->code;
	}
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)   /* the next build empties the table first */
		return db_fail(db, rc, "lọc nhiệm vụ", err);
	*n = sqlite3_changes(db->h);
	return CCHC_OK;
}

static int bind_filter(struct db *db, sqlite3_stmt *st, const struct task_filter *f,
		       const char *today, struct cchc_err *err)
{
	char limit[11] = "";
	if (f->due_within >= 0 && calendar_add_iso(today, f->due_within, limit, err))
		return err->code;
	int64_t unit = 0;
	if (f->unit_code && *f->unit_code && !(unit = unit_id_by_code(db, f->unit_code)))
		return err_set(err, CCHC_EINPUT, "Không có đơn vị mã \"%s\" (xem cchc unit list)",
			       f->unit_code);
	sqlite3_bind_int64(st, 16, unit);
	sqlite3_bind_text(st, 2, f->status >= 0 ? task_status_name(f->status) : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, today, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 5, limit, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 6, f->open_only);
	sqlite3_bind_int64(st, 7, f->plan_id);
	sqlite3_bind_int64(st, 8, f->section_id);
	sqlite3_bind_int(st, 9, f->limit > 0 ? f->limit : -1);
	sqlite3_bind_int(st, 10, f->offset > 0 ? f->offset : 0);
	/* each arm's own limit: what the page may take from it */
	sqlite3_bind_int(st, 17, f->limit > 0 ? f->limit + (f->offset > 0 ? f->offset : 0) : -1);
	char *expr = f->title_query ? search_filter_expr(f->title_query) : NULL;
	/* a query of no words (only punctuation) matches nothing */
	if (f->title_query && !expr && *f->title_query)
		expr = xstrdup("\"\"");
	sqlite3_bind_text(st, 11, expr ? expr : "", -1, SQLITE_TRANSIENT);
	free(expr);
	sqlite3_bind_text(st, 12, f->title_query ? f->title_query : "", -1, SQLITE_STATIC);
	const struct task_info *k = f->after;
	sqlite3_bind_int(st, 13, k && !*k->due_on);
	sqlite3_bind_text(st, 14, k ? k->due_on : "", -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 15, k ? k->id : 0);
	return CCHC_OK;
}

static int prepare_list(struct db *db, const char *what, const struct task_filter *f,
			const char *today, sqlite3_stmt **st, struct cchc_err *err)
{
	char *sql = list_sql(f, what);
	int rc = sqlite3_prepare_v2(db->h, sql, -1, st, NULL);
	free(sql);
	if (rc != SQLITE_OK)
		return db_fail(db, rc, "đọc danh sách nhiệm vụ", err);
	if (bind_filter(db, *st, f, today, err)) {
		sqlite3_finalize(*st);
		return err->code;
	}
	return CCHC_OK;
}

int task_list(struct db *db, const struct task_filter *f, struct task_info **out, int *n,
	      struct cchc_err *err)
{
	task_due_refresh(db);
	*out = NULL;
	*n = 0;
	char today[11];
	if (today_iso(today, err))
		return err->code;
	sqlite3_stmt *st;
	if (prepare_list(db, TASK_COLUMNS, f, today, &st, err))
		return err->code;
	int cap = 0, rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 32;
			*out = xrealloc(*out, sizeof **out * (size_t)cap);
		}
		row_to_task(st, today, &(*out)[(*n)++]);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		task_list_free(*out, *n);
		*out = NULL;
		*n = 0;
		return db_fail(db, rc, "đọc danh sách nhiệm vụ", err);
	}
	if (f->reverse)
		array_reverse(*out, (size_t)*n, sizeof **out);
	return CCHC_OK;
}

int task_count(struct db *db, const struct task_filter *f, int *n, struct cchc_err *err)
{
	task_due_refresh(db);
	*n = 0;
	char today[11];
	if (today_iso(today, err))
		return err->code;
	sqlite3_stmt *st;
	if (prepare_list(db, "count(*)", f, today, &st, err))
		return err->code;
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? CCHC_OK : db_fail(db, rc, "đếm nhiệm vụ", err);
}

/* The open tasks due by ?1 of each unit, lead or coordinating (a unit
 * that both leads and coordinates a task counts it once), ?2 today:
 * counted in SQL unit by unit, the leads over task_by_lead (lead_unit_id,
 * status, due_on), the coordinated from the links of open tasks that
 * schema 28 keeps with their deadlines (task_tally_coord, by unit and date
 * since schema 30); handing the 14,000 tasks due at 100,000 tasks to C to
 * be counted cost 1,600 instructions a row, counting them in SQL 700. The
 * tasks without a lead are counted too (the row of NULL): the leads'
 * totals of every unit and of none are the Overview's counts of tasks
 * overdue and due soon (lead_unit_id references unit: no lead is outside
 * these rows). Only each unit's first per_unit tasks are then read
 * (DUE_FIRST_SQL). */
static const char DUE_COUNT_SQL[] =
	"SELECT u.id, (SELECT count(*) FROM task t WHERE t.lead_unit_id IS u.id AND t.status IN "
	"('todo', 'doing') AND t.due_on < ?2), (SELECT count(*) FROM task t WHERE t.lead_unit_id "
	"IS u.id AND t.status IN ('todo', 'doing') AND t.due_on >= ?2 AND t.due_on <= ?1), "
	"(SELECT count(*) FROM task_tally_coord c WHERE c.unit_id = u.id AND c.due_on < ?2), "
	"(SELECT count(*) FROM task_tally_coord c WHERE c.unit_id = u.id AND c.due_on >= ?2 AND "
	"c.due_on <= ?1) FROM (SELECT id FROM unit UNION ALL SELECT NULL) u";

/* A unit's (?3) first ?4 tasks due by ?1 that it leads in each open state
 * and that it coordinates, each read in its index's order (due_on, id):
 * merged by unit_due_take. */
static const char DUE_FIRST_SQL[] =
	"SELECT id, due_on FROM (SELECT id, due_on FROM task WHERE lead_unit_id = ?3 AND status = "
	"'todo' AND due_on <= ?1 ORDER BY due_on, id LIMIT ?4) UNION ALL SELECT id, due_on FROM "
	"(SELECT id, due_on FROM task WHERE lead_unit_id = ?3 AND status = 'doing' AND due_on <= "
	"?1 ORDER BY due_on, id LIMIT ?4) UNION ALL SELECT task_id, due_on FROM (SELECT task_id, "
	"due_on FROM task_tally_coord WHERE unit_id = ?3 AND due_on <= ?1 ORDER BY due_on, "
	"task_id LIMIT ?4)";

struct unit_due {
	int64_t unit_id;
	int overdue, soon, nfirst;
	struct { char due[11]; int64_t id; } *first;   /* per_unit earliest, in order */
};

struct due_units {
	struct unit_due *u;
	int n, per_unit;
	char today[11], limit[11];
};

static int unit_due_cmp(const void *a, const void *b)
{
	const struct unit_due *x = a, *y = b;
	return x->unit_id < y->unit_id ? -1 : x->unit_id > y->unit_id;
}

/* Keeps (due, id) among the unit's per_unit earliest. */
static void unit_due_take(struct unit_due *u, const char *due, int64_t id, int per_unit)
{
	int i = u->nfirst;
	while (i > 0) {
		int c = strcmp(u->first[i - 1].due, due);
		if (c < 0 || (c == 0 && u->first[i - 1].id < id))
			break;
		i--;
	}
	if (i >= per_unit)
		return;
	int n = u->nfirst < per_unit ? u->nfirst + 1 : per_unit;
	memmove(&u->first[i + 1], &u->first[i], sizeof u->first[0] * (size_t)(n - 1 - i));
	snprintf(u->first[i].due, sizeof u->first[i].due, "%s", due);
	u->first[i].id = id;
	u->nfirst = n;
}

/* A new entry of d for the unit. */
static struct unit_due *due_unit_add(struct due_units *d, int64_t unit)
{
	d->u = xrealloc(d->u, sizeof *d->u * (size_t)(d->n + 1));
	struct unit_due *u = &d->u[d->n++];
	*u = (struct unit_due){ .unit_id = unit };
	u->first = xcalloc((size_t)d->per_unit + 1, sizeof *u->first);
	return u;
}

static sqlite3_stmt *due_prepare(struct db *db, const char *sql, const struct due_units *d)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) != SQLITE_OK)
		return NULL;
	sqlite3_bind_text(st, 1, d->limit, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, d->today, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 4, d->per_unit);
	return st;
}

/* The first tasks of the unit u, of its counts. */
static int due_first(sqlite3_stmt *st, struct unit_due *u, int per_unit)
{
	int rc;
	sqlite3_bind_int64(st, 3, u->unit_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *due = (const char *)sqlite3_column_text(st, 1);
		if (due)
			unit_due_take(u, due, sqlite3_column_int64(st, 0), per_unit);
	}
	sqlite3_reset(st);
	return rc;
}

/* Each unit's counts and its first tasks; the totals. */
static int due_count(struct db *db, struct due_units *d, struct task_due_totals *tot)
{
	sqlite3_stmt *st = due_prepare(db, DUE_COUNT_SQL, d);
	sqlite3_stmt *first = st ? due_prepare(db, DUE_FIRST_SQL, d) : NULL;
	if (!first) {
		sqlite3_finalize(st);
		return sqlite3_errcode(db->h);
	}
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int over = sqlite3_column_int(st, 1), soon = sqlite3_column_int(st, 2);
		tot->overdue += over;
		tot->soon += soon;
		over += sqlite3_column_int(st, 3);
		soon += sqlite3_column_int(st, 4);
		if (sqlite3_column_type(st, 0) == SQLITE_NULL || over + soon == 0)
			continue;
		struct unit_due *u = due_unit_add(d, sqlite3_column_int64(st, 0));
		u->overdue = over;
		u->soon = soon;
		if ((rc = due_first(first, u, d->per_unit)) != SQLITE_DONE)
			break;
	}
	sqlite3_finalize(first);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* The rows of d, by unit and due date, with their titles. */
static int due_rows(struct db *db, struct due_units *d, struct task_due_row **out, int *n)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db->h, "SELECT title FROM task WHERE id = ?", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return rc;
	if (d->n > 1)
		qsort(d->u, (size_t)d->n, sizeof *d->u, unit_due_cmp);
	int cap = 0;
	for (int i = 0; i < d->n; i++) {
		const struct unit_due *u = &d->u[i];
		for (int k = 0; k < u->nfirst; k++) {
			if (*n == cap) {
				cap = cap ? cap * 2 : 32;
				*out = xrealloc(*out, sizeof **out * (size_t)cap);
			}
			struct task_due_row *r = &(*out)[(*n)++];
			*r = (struct task_due_row){ .unit_id = u->unit_id, .task_id = u->first[k].id,
						    .overdue = strcmp(u->first[k].due, d->today) < 0,
						    .unit_overdue = u->overdue,
						    .unit_soon = u->soon };
			memcpy(r->due_on, u->first[k].due, sizeof r->due_on);
			sqlite3_bind_int64(st, 1, r->task_id);
			r->title = sqlite3_step(st) == SQLITE_ROW ? col(st, 0) : xstrdup("");
			sqlite3_reset(st);
		}
	}
	sqlite3_finalize(st);
	return SQLITE_OK;
}

int task_due_by_unit(struct db *db, int due_within, int per_unit, struct task_due_row **out,
		     int *n, struct task_due_totals *totals, struct cchc_err *err)
{
	task_due_refresh(db);
	*out = NULL;
	*n = 0;
	struct task_due_totals tot = { 0 };
	struct due_units d = { .per_unit = per_unit < 0 ? 0 : per_unit };
	if (today_iso(d.today, err) || calendar_add_iso(d.today, due_within, d.limit, err))
		return err->code;
	int rc = due_count(db, &d, &tot);
	if (rc == SQLITE_OK)
		rc = due_rows(db, &d, out, n);
	for (int i = 0; i < d.n; i++)
		free(d.u[i].first);
	free(d.u);
	if (rc != SQLITE_OK) {
		task_due_rows_free(*out, *n);
		*out = NULL;
		*n = 0;
		return db_fail(db, rc, "đếm nhiệm vụ theo đơn vị", err);
	}
	if (totals)
		*totals = tot;
	return CCHC_OK;
}

void task_due_rows_free(struct task_due_row *v, int n)
{
	for (int i = 0; i < n; i++)
		free(v[i].title);
	free(v);
}

void task_info_free(struct task_info *t)
{
	char *f[] = { t->title, t->description, t->product, t->lead_code, t->lead_name, t->due_text,
		      t->due_kind, t->due_on, t->done_on, t->section_label, t->co_codes };
	for (size_t i = 0; i < sizeof f / sizeof f[0]; i++)
		free(f[i]);
	memset(t, 0, sizeof *t);
}

void task_list_free(struct task_info *v, int n)
{
	for (int i = 0; i < n; i++)
		task_info_free(&v[i]);
	free(v);
}

int task_notes(struct db *db, int64_t id, struct task_note **out, int *n, struct cchc_err *err)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db->h, "SELECT noted_on, period, text FROM task_note "
				    "WHERE task_id = ? ORDER BY noted_on, id", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return db_fail(db, rc, "đọc ghi chú", err);
	sqlite3_bind_int64(st, 1, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*out = xrealloc(*out, sizeof **out * (size_t)(*n + 1));
		struct task_note *t = &(*out)[(*n)++];
		snprintf(t->noted_on, sizeof t->noted_on, "%s", (const char *)sqlite3_column_text(st, 0));
		t->period = col(st, 1);
		t->text = col(st, 2);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		task_notes_free(*out, *n);
		*out = NULL;
		*n = 0;
		return db_fail(db, rc, "đọc ghi chú", err);
	}
	return CCHC_OK;
}

void task_notes_free(struct task_note *v, int n)
{
	for (int i = 0; i < n; i++) {
		free(v[i].period);
		free(v[i].text);
	}
	free(v);
}

/* The counts of one group: total, done, overdue (open and past due_on). */
#define GROUP_COUNTS "count(t.id), sum(t.status = 'done'), " \
	"sum(t.due_on < ?1 AND t.status IN ('todo', 'doing'))"

/* %s: the condition on the plan (task_groups puts it in). The plan's
 * tasks are counted from task_by_plan alone (schema 25 made it cover
 * these columns), grouped first, then joined to the few units or
 * sections: not a unit or section lookup for each task. */
#define GROUPED(col) "(SELECT " col " AS gid, count(*) AS total, sum(status = 'done') AS " \
	"done, sum(due_on < ?1 AND status IN ('todo', 'doing')) AS late FROM task WHERE %s " \
	"GROUP BY " col ") g "
static const char *const GROUP_SQL[] = {
	[TASK_BY_UNIT] = "SELECT u.id, u.code, u.name, g.total, g.done, g.late, 0 FROM "
		GROUPED("lead_unit_id") "JOIN unit u ON u.id = g.gid ORDER BY u.rank, u.id",
	[TASK_BY_STATUS] = "SELECT 0, t.status, '', " GROUP_COUNTS ", 0 FROM task t "
		"WHERE %s GROUP BY t.status",
	[TASK_BY_SECTION] = "SELECT s.id, s.label, s.heading, g.total, g.done, g.late, s.plan_id "
		"FROM " GROUPED("section_id") "JOIN section s ON s.id = g.gid "
		"ORDER BY s.plan_id, s.seq",
};

static void group_row(sqlite3_stmt *st, struct task_group *g)
{
	g->id = sqlite3_column_int64(st, 0);
	g->code = col(st, 1);
	g->label = col(st, 2);
	g->total = sqlite3_column_int(st, 3);
	g->done = sqlite3_column_int(st, 4);
	g->overdue = sqlite3_column_int(st, 5);
	g->plan_id = sqlite3_column_int64(st, 6);
}

/* By status: one group per status, in order, zero when no task has it. */
static void status_groups(struct task_group *v, int n, struct task_group **out, int *nout)
{
	*out = xcalloc(TASK_NSTATUS, sizeof **out);
	*nout = TASK_NSTATUS;
	for (int s = 0; s < TASK_NSTATUS; s++) {
		struct task_group *g = &(*out)[s];
		g->id = s;
		g->code = xstrdup(task_status_name(s));
		g->label = xstrdup(task_status_label(s));
		for (int i = 0; i < n; i++)
			if (strcmp(v[i].code, task_status_name(s)) == 0) {
				g->total = v[i].total;
				g->done = v[i].done;
				g->overdue = v[i].overdue;
			}
	}
	task_groups_free(v, n);
}

int task_groups(struct db *db, enum task_group_by by, int64_t plan_id, struct task_group **out,
		int *n, struct cchc_err *err)
{
	task_due_refresh(db);
	*out = NULL;
	*n = 0;
	char today[11];
	if (today_iso(today, err))
		return err->code;
	/* one plan's tasks from its index (task_by_plan), else all */
	struct sbuf sql = SBUF_INIT;
	const char *g = GROUP_SQL[by], *at = strstr(g, "%s");
	sbuf_addn(&sql, g, (size_t)(at - g));
	sbuf_add(&sql, plan_id ? "plan_id = ?2" : "1");
	sbuf_add(&sql, at + 2);
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db->h, sql.s, -1, &st, NULL);
	sbuf_free(&sql);
	if (rc != SQLITE_OK)
		return db_fail(db, rc, "tổng hợp nhiệm vụ", err);
	sqlite3_bind_text(st, 1, today, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, plan_id);
	struct task_group *v = NULL;
	int cnt = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		v = xrealloc(v, sizeof *v * (size_t)(cnt + 1));
		group_row(st, &v[cnt++]);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		task_groups_free(v, cnt);
		return db_fail(db, rc, "tổng hợp nhiệm vụ", err);
	}
	if (by == TASK_BY_STATUS)
		status_groups(v, cnt, out, n);
	else
		*out = v, *n = cnt;
	return CCHC_OK;
}

void task_groups_free(struct task_group *v, int n)
{
	for (int i = 0; i < n; i++) {
		free(v[i].code);
		free(v[i].label);
	}
	free(v);
}
