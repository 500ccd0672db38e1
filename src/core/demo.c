#include <config.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "core/criteria.h"
#include "core/demo.h"
#include "core/plan.h"
#include "core/task.h"
#include "core/unit.h"
#include "import/plan_load.h"
#include "store/datafile.h"
#include "store/files.h"
#include "store/history.h"
#include "text/date.h"
#include "util/sbuf.h"
#include "util/platform.h"

/* The day the demo is made and its year: every date of the demo hangs on
 * them, so the demo always looks like the current year. */
struct demo_day {
	struct db *db;
	struct ymd today;
	char iso[11];
};

/* The plans (their years written as the demo's year and the year before),
 * the example criteria set with this year's points, and the evidence files. */
/* The main plan last: the newest plan is the one the screens open on. */
static const char *const demo_plans[] = { "data/demo/plan-tuyen-truyen.txt", "data/demo/plan.txt" };
static const struct demo_file {
	const char *path, *doc_no;
} demo_files[] = {
	{ "data/demo/files/quyet-dinh-to-cong-tac.docx", "35/QĐ-SCT" },
	{ "data/demo/files/bao-cao-tu-cham-diem.pdf", "88/BC-SCT" },
	{ "data/demo/files/hoi-nghi-trien-khai.jpg", "Ảnh HN-01" },
};
#define DEMO_CRITERIA "data/criteria/vi-du-so-2026.txt"

static char *read_data(const char *name, size_t *len, struct cchc_err *err)
{
	char *text = datafile_read(name, len, NULL);
	if (!text)
		err_set(err, CCHC_EIO, "Thiếu dữ liệu mẫu (%s)", name);
	return text;
}

/* text with every "from" written "to"; frees text. */
static char *replace_all(char *text, const char *from, const char *to)
{
	struct sbuf b = SBUF_INIT;
	size_t n = strlen(from);
	const char *p = text;
	for (const char *hit; (hit = strstr(p, from)); p = hit + n) {
		sbuf_addn(&b, p, (size_t)(hit - p));
		sbuf_add(&b, to);
	}
	sbuf_add(&b, p);
	free(text);
	return sbuf_detach(&b);
}

static char *with_year(char *text, const char *from, int year)
{
	char y[16];
	snprintf(y, sizeof y, "%d", year);
	return replace_all(text, from, y);
}

/* today + days as dd/mm/yyyy, by SQLite's calendar. */
static void day_after(const struct demo_day *d, int days, char out[11])
{
	sqlite3_stmt *st;
	snprintf(out, 11, "%s", d->iso);
	if (sqlite3_prepare_v2(d->db->h, "SELECT strftime('%d/%m/%Y', ?1, ?2 || ' days')", -1, &st,
			       NULL) != SQLITE_OK)
		return;
	sqlite3_bind_text(st, 1, d->iso, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, days);
	if (sqlite3_step(st) == SQLITE_ROW)
		snprintf(out, 11, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
}

/* A tasks.tsv field: {Y} is the year, {D+N} / {D-N} today moved by N days. */
static char *expand(const struct demo_day *d, const char *field)
{
	struct sbuf b = SBUF_INIT;
	for (const char *p = field; *p;) {
		int days, used = 0;
		char sign;
		if (strncmp(p, "{Y}", 3) == 0) {
			sbuf_addf(&b, "%d", d->today.y);
			p += 3;
		} else if (sscanf(p, "{D%c%d}%n", &sign, &days, &used) == 2 && used &&
			   (sign == '+' || sign == '-')) {
			char day[11];
			day_after(d, sign == '-' ? -days : days, day);
			sbuf_add(&b, day);
			p += used;
		} else {
			sbuf_addc(&b, *p++);
		}
	}
	return sbuf_detach(&b);
}

static int exec_texts(struct db *db, const char *sql, const char *const *v, int n,
		      struct cchc_err *err)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db->h, sql, -1, &st, NULL);
	for (int i = 0; rc == SQLITE_OK && i < n; i++)
		rc = sqlite3_bind_text(st, i + 1, v[i], -1, SQLITE_STATIC);
	if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_DONE)
		rc = SQLITE_OK;
	sqlite3_finalize(st);
	return rc == SQLITE_OK ? CCHC_OK : db_fail(db, rc, "nạp dữ liệu mẫu", err);
}

/* units.tsv: one unit a line, name<TAB>code<TAB>head; # starts a comment. */
static int load_units(struct db *db, char *tsv, struct cchc_err *err)
{
	char *save = NULL;
	for (char *line = strtok_r(tsv, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		if (line[0] == '#' || line[0] == '\0')
			continue;
		char *f[3] = { line, NULL, NULL };
		for (int i = 1; i < 3 && f[i - 1]; i++) {
			char *tab = strchr(f[i - 1], '\t');
			if (tab) {
				*tab = '\0';
				f[i] = tab + 1;
			}
		}
		int rc = unit_insert(db, f[0], f[1], f[2], NULL, err);
		if (rc && rc != CCHC_EDUP)
			return rc;
	}
	return CCHC_OK;
}

static int load_plans(const struct demo_day *d, int64_t plan_ids[2], struct cchc_err *err)
{
	for (int i = 0; i < 2; i++) {
		char *text = read_data(demo_plans[i], NULL, err);
		if (!text)
			return err->code;
		text = with_year(with_year(text, "2024", d->today.y), "2023", d->today.y - 1);
		struct plan_import_result res;
		int rc = plan_import_in_tx(d->db, text, demo_plans[i], true, &res, err);
		free(text);
		if (rc)
			return rc;
		plan_ids[i] = res.plan_id;
	}
	return CCHC_OK;
}

static int load_criteria(const struct demo_day *d, struct cchc_err *err)
{
	char *text = read_data(DEMO_CRITERIA, NULL, err);
	if (!text)
		return err->code;
	char year[32];
	snprintf(year, sizeof year, "year = %d", d->today.y);
	text = replace_all(text, "year = 2026", year);
	int64_t id;
	int rc = criteria_load_in_tx(d->db, text, DEMO_CRITERIA, &id, err);
	free(text);
	return rc == CCHC_EDUP ? CCHC_OK : rc;
}

/* The section at place seq (1 = first) of a plan, or 0. */
static int64_t section_at(struct db *db, int64_t plan_id, int seq)
{
	sqlite3_stmt *st;
	int64_t id = 0;
	if (sqlite3_prepare_v2(db->h, "SELECT id FROM section WHERE plan_id = ?1 AND seq = ?2", -1,
			       &st, NULL) != SQLITE_OK)
		return 0;
	sqlite3_bind_int64(st, 1, plan_id);
	sqlite3_bind_int(st, 2, seq);
	if (sqlite3_step(st) == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return id;
}

/* A task's state after it was given: its status, the day it was done (some
 * days before its deadline, never after today), the day it was given (early
 * in the year) and its progress note (a few days ago). */
static const char TASK_STATE_SQL[] =
	"UPDATE task SET status = ?2, "
	" assigned_on = min(?3, printf('%04d-02-01', CAST(substr(?3, 1, 4) AS INTEGER))), "
	" done_on = CASE WHEN ?2 = 'done' THEN date(min(coalesce(due_on, ?3), ?3), "
	"  '-' || (id % 9 + 1) || ' days') END WHERE id = ?1";
static const char TASK_NOTE_SQL[] =
	"INSERT INTO task_note(task_id, noted_on, period, text) SELECT id, d, "
	" substr(d, 1, 4) || '-Q' || ((CAST(substr(d, 6, 2) AS INTEGER) + 2) / 3), ?3 FROM "
	" (SELECT id, date(?2, '-' || (id % 12 + 1) || ' days') AS d FROM task WHERE id = ?1)";

static int task_state(const struct demo_day *d, int64_t id, char **f, struct cchc_err *err)
{
	char sid[24];
	snprintf(sid, sizeof sid, "%lld", (long long)id);
	const char *v[] = { sid, f[5], d->iso };
	int rc = exec_texts(d->db, TASK_STATE_SQL, v, 3, err);
	if (rc || strcmp(f[8], "-") == 0)
		return rc;
	const char *n[] = { sid, d->iso, f[8] };
	return exec_texts(d->db, TASK_NOTE_SQL, n, 3, err);
}

/* One tasks.tsv line split into its 9 fields (see the file's header). */
static int add_task(const struct demo_day *d, const int64_t plans[2], char **f,
		    struct cchc_err *err)
{
	int plan = atoi(f[0]);
	char *co[8];
	int nco = 0;
	char *save = NULL;
	if (strcmp(f[3], "-") != 0)
		for (char *c = strtok_r(f[3], ",", &save); c && nco < 8; c = strtok_r(NULL, ",", &save))
			co[nco++] = c;
	char *title = expand(d, f[6]), *due = expand(d, f[4]);
	struct task_input in = {
		.section_id = plan >= 1 && plan <= 2 ? section_at(d->db, plans[plan - 1], atoi(f[1])) : 0,
		.title = title, .product = strcmp(f[7], "-") ? f[7] : "", .lead_code = f[2],
		.due_text = due, .co_codes = (const char *const *)co, .nco = nco, .status = -1,
	};
	int64_t id;
	int rc = task_add_in_tx(d->db, &in, &id, err);
	free(title);
	free(due);
	return rc ? rc : task_state(d, id, f, err);
}

static int load_tasks(const struct demo_day *d, const int64_t plans[2], char *tsv,
		      struct cchc_err *err)
{
	char *save = NULL;
	int no = 0;
	for (char *line = strtok_r(tsv, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		no++;
		if (line[0] == '#' || line[0] == '\0')
			continue;
		char *f[9];
		int n = 0;
		for (char *p = line; p && n < 9; n++) {
			f[n] = p;
			if ((p = strchr(p, '\t')))
				*p++ = '\0';
		}
		if (n < 9)
			return err_set(err, CCHC_EINPUT, "data/demo/tasks.tsv:%d: cần 9 cột", no);
		int rc = add_task(d, plans, f, err);
		if (rc)
			return rc;
	}
	return CCHC_OK;
}

static int load_tasks_file(const struct demo_day *d, const int64_t plans[2], struct cchc_err *err)
{
	char *tsv = read_data("data/demo/tasks.tsv", NULL, err);
	if (!tsv)
		return err->code;
	int rc = load_tasks(d, plans, tsv, err);
	free(tsv);
	return rc;
}

/* Stores one embedded file through a temporary file (the store reads a file
 * descriptor) and attaches it to the evidence record with that number. */
static int attach_file(const struct demo_day *d, const struct demo_file *df, struct cchc_err *err)
{
	size_t len = 0;
	char *bytes = read_data(df->path, &len, err);
	if (!bytes)
		return err->code;
	FILE *tmp = pf_tmpfile();
	bool ok = tmp && fwrite(bytes, 1, len, tmp) == len && fflush(tmp) == 0 &&
		  lseek(fileno(tmp), 0, SEEK_SET) == 0;
	free(bytes);
	char sha[65];
	int64_t size = 0;
	int rc = ok ? files_store_fd(d->db, fileno(tmp), df->path, INT64_C(1) << 30, NULL, NULL, sha, &size, err)
		    : err_set(err, CCHC_EIO, "Không ghi được tệp tạm cho %s", df->path);
	if (tmp)
		fclose(tmp);
	if (rc)
		return rc;
	char ssize[24];
	snprintf(ssize, sizeof ssize, "%lld", (long long)size);
	const char *v[] = { strrchr(df->path, '/') + 1, sha, ssize, df->doc_no };
	return exec_texts(d->db, "INSERT INTO evidence_file(evidence_id, seq, name, sha256, size) "
			  "SELECT id, 1, ?1, ?2, CAST(?3 AS INTEGER) FROM evidence WHERE doc_no = ?4",
			  v, 4, err);
}

/* year.sql: the registers, evidence, scores and notes, dated from today. */
static int load_year(const struct demo_day *d, struct cchc_err *err)
{
	char *sql = read_data("data/demo/year.sql", NULL, err);
	if (!sql)
		return err->code;
	char y[16];
	snprintf(y, sizeof y, "%d", d->today.y);
	const char *v[] = { d->iso, y };
	int rc = db_exec(d->db, "CREATE TEMP TABLE demo_ctx(today TEXT, y INTEGER)", err);
	if (!rc)
		rc = exec_texts(d->db, "INSERT INTO demo_ctx VALUES(?1, CAST(?2 AS INTEGER))", v, 2, err);
	if (!rc)
		rc = db_exec(d->db, sql, err);
	if (!rc)
		rc = db_exec(d->db, "DROP TABLE temp.demo_ctx", err);
	free(sql);
	for (size_t i = 0; !rc && i < sizeof demo_files / sizeof demo_files[0]; i++)
		rc = attach_file(d, &demo_files[i], err);
	return rc;
}

static int load_all(struct demo_day *d, struct cchc_err *err)
{
	int64_t plans[2];
	char *units = read_data("data/demo/units.tsv", NULL, err);
	if (!units)
		return err->code;
	int rc = load_plans(d, plans, err);
	if (!rc)
		rc = load_units(d->db, units, err);
	free(units);
	if (!rc)
		rc = load_criteria(d, err);
	if (!rc)
		rc = load_tasks_file(d, plans, err);
	if (!rc)
		rc = load_year(d, err);
	if (!rc)
		rc = db_setting_set(d->db, "demo.seeded", "1", err);
	return rc;
}

/* The whole demo as one action, which undo takes back whole. */
static int demo_load(struct db *db, struct cchc_err *err)
{
	struct demo_day d = { .db = db };
	if (date_today(&d.today, err))
		return err->code;
	date_format_iso(d.today, d.iso);
	int rc = db_begin(db, err);
	if (rc)
		return rc;
	history_label(db, "Nạp dữ liệu mẫu", true);
	rc = load_all(&d, err);
	if (rc)
		db_rollback(db);
	else
		rc = db_commit(db, err);
	return rc;
}

static bool demo_was_seeded(struct db *db)
{
	char *seeded = db_setting_get(db, "demo.seeded");
	bool was = seeded != NULL;
	free(seeded);
	return was;
}

int demo_ensure(struct db *db, bool *loaded, struct cchc_err *err)
{
	*loaded = false;
	if (db->readonly || plan_count(db) > 0 || demo_was_seeded(db))
		return CCHC_OK;
	int rc = demo_load(db, err);
	*loaded = rc == CCHC_OK;
	return rc;
}

/* Anything a clerk keeps: the demo only goes into a database without it. */
static bool db_holds_records(struct db *db)
{
	static const char sql[] =
		"SELECT EXISTS (SELECT 1 FROM plan) OR EXISTS (SELECT 1 FROM unit) OR "
		"EXISTS (SELECT 1 FROM task) OR EXISTS (SELECT 1 FROM evidence) OR "
		"EXISTS (SELECT 1 FROM dossier) OR EXISTS (SELECT 1 FROM feedback)";
	sqlite3_stmt *st;
	bool yes = true;
	if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		yes = sqlite3_column_int(st, 0) != 0;
	sqlite3_finalize(st);
	return yes;
}

int demo_create(struct db *db, struct cchc_err *err)
{
	if (db->readonly)
		return err_set(err, CCHC_EINPUT, "Tệp dữ liệu chỉ đọc: không nạp được dữ liệu mẫu.");
	if (db_holds_records(db))
		return err_set(err, CCHC_EINPUT, "Cơ sở dữ liệu %s đã có dữ liệu: dữ liệu mẫu chỉ nạp vào "
			       "một tệp mới, ví dụ cchc --db demo.db demo.", db->path);
	return demo_load(db, err);
}

int demo_decline(struct db *db, struct cchc_err *err)
{
	int rc = db_begin_internal(db, err);
	if (rc)
		return rc;
	if ((rc = db_setting_set(db, "demo.seeded", "0", err)))
		db_rollback(db);
	else
		rc = db_commit(db, err);
	return rc;
}

bool demo_present(struct db *db)
{
	return db_int_by_id(db, "SELECT count(*) FROM plan WHERE is_demo = 1 AND ?1 = ?1", 0) > 0;
}
