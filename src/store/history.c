#include <config.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "store/history.h"
#include "store/kept.h"
#include "util/sbuf.h"
#include "util/platform.h"

/* ------------------------------------------------------------ recording */

/* cchc_action(): the current action's id, or NULL outside a user action —
 * then the triggers record nothing (migrations, internal bookkeeping). */
static void fn_action(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const struct db *db = sqlite3_user_data(ctx);
	if (db->action_id && db->record_rows)
		sqlite3_result_int64(ctx, db->action_id);
	else
		sqlite3_result_null(ctx);
}

int history_register(struct db *db, struct cchc_err *err)
{
	if (sqlite3_create_function(db->h, "cchc_action", 0, SQLITE_UTF8, db, fn_action, NULL,
				    NULL) != SQLITE_OK)
		return err_set(err, CCHC_EDB, "Không đăng ký được hàm ghi lịch sử: %s",
			       sqlite3_errmsg(db->h));
	return CCHC_OK;
}

/* Tables whose rows are the clerk's records. Derived tables (the search
 * index), file contents (sqlar: kept by content, never rewritten) and the
 * history itself are left out. */
static bool audited(const char *table)
{
	/* derived data kept by triggers (the monthly counts of schema 22) is
	 * not recorded: undoing the change of a row brings its counts back;
	 * nor are the snapshots of what the divisions have (exchange_base) and
	 * this database's site */
	static const char *const skip[] = { "search_", "sqlite_", "history_", "sqlar",
					    "dossier_tally_", "feedback_tally_", "task_tally_",
					    "exchange_base",
					    "exchange_self" };
	for (size_t i = 0; i < sizeof skip / sizeof skip[0]; i++)
		if (strncmp(table, skip[i], strlen(skip[i])) == 0)
			return false;
	return true;
}

struct table_cols {
	char name[64];
	char **cols;
	bool *pk;
	int n;
};

static void cols_free(struct table_cols *t)
{
	for (int i = 0; i < t->n; i++)
		free(t->cols[i]);
	free(t->cols);
	free(t->pk);
	t->n = 0;
}

static int read_cols(struct db *db, const char *table, struct table_cols *t)
{
	memset(t, 0, sizeof *t);
	snprintf(t->name, sizeof t->name, "%s", table);
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db->h, "SELECT name, pk FROM pragma_table_info(?) ORDER BY cid",
				    -1, &st, NULL);
	if (rc != SQLITE_OK)
		return rc;
	sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		t->cols = xrealloc(t->cols, sizeof *t->cols * (size_t)(t->n + 1));
		t->pk = xrealloc(t->pk, sizeof *t->pk * (size_t)(t->n + 1));
		t->cols[t->n] = xstrdup((const char *)sqlite3_column_text(st, 0));
		t->pk[t->n++] = sqlite3_column_int(st, 1) > 0;
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* Time stamps, and what the database derives (a unit's rank, numbered
 * again by a trigger at every add or rename): no change of the clerk's. */
static bool is_stamp(const char *table, const char *col)
{
	return strcmp(col, "updated_at") == 0 || strcmp(col, "created_at") == 0 ||
	       (strcmp(table, "unit") == 0 && strcmp(col, "rank") == 0);
}

/* json_object('a', R."a", ...) of all columns, of the key columns
 * (KEY_ONLY), or of all but the time stamps (NO_STAMPS). */
enum { ALL_COLS, KEY_ONLY, NO_STAMPS };
static void add_json(struct sbuf *b, const struct table_cols *t, const char *row, int which)
{
	sbuf_add(b, "json_object(");
	bool first = true;
	for (int i = 0; i < t->n; i++) {
		if ((which == KEY_ONLY && !t->pk[i]) || (which == NO_STAMPS && is_stamp(t->name, t->cols[i])))
			continue;
		sbuf_addf(b, "%s'%s', %s.\"%s\"", first ? "" : ", ", t->cols[i], row, t->cols[i]);
		first = false;
	}
	sbuf_add(b, ")");
}

/* Internal settings (the screen's state, the index's signature) are not
 * the clerk's changes. */
static const char *extra_when(const char *table, const char *row)
{
	static char buf[160];
	if (strcmp(table, "setting") != 0)
		return "";
	snprintf(buf, sizeof buf, " AND %s.key NOT GLOB 'ui.*' AND %s.key NOT GLOB 'search.*' AND "
		 "%s.key NOT GLOB 'history.*'", row, row, row);
	return buf;
}

static void add_trigger(struct sbuf *b, const struct table_cols *t, const char *op)
{
	const char *row = strcmp(op, "delete") == 0 ? "OLD" : "NEW";
	sbuf_addf(b, "CREATE TEMP TRIGGER history_%s_%c AFTER %s ON main.\"%s\" WHEN cchc_action() "
		  "IS NOT NULL%s", t->name, op[0],
		  op[0] == 'i' ? "INSERT" : op[0] == 'u' ? "UPDATE" : "DELETE", t->name,
		  extra_when(t->name, row));
	if (op[0] == 'u') { /* an update that changes nothing but its time stamp is no change */
		sbuf_add(b, " AND ");
		add_json(b, t, "OLD", NO_STAMPS);
		sbuf_add(b, " IS NOT ");
		add_json(b, t, "NEW", NO_STAMPS);
	}
	sbuf_addf(b, " BEGIN INSERT INTO history_change(action_id, tbl, key, op, old, new) "
		  "VALUES(cchc_action(), '%s', ", t->name);
	add_json(b, t, row, KEY_ONLY);
	sbuf_addf(b, ", '%s', ", op);
	if (op[0] == 'i')
		sbuf_add(b, "NULL");
	else
		add_json(b, t, "OLD", ALL_COLS);
	sbuf_add(b, ", ");
	if (op[0] == 'd')
		sbuf_add(b, "NULL");
	else
		add_json(b, t, "NEW", ALL_COLS);
	sbuf_add(b, "); END;\n");
}

/* The triggers for every audited table, and the kept data's (store/kept.h),
 * in one script. */
static char *triggers_sql(struct db *db)
{
	struct sbuf b = SBUF_INIT;
	sbuf_add(&b, "");
	if (kept_arm_sql(db->h, &b) != SQLITE_OK) {
		sbuf_free(&b);
		return NULL;
	}
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db->h, "SELECT name FROM main.sqlite_master WHERE type = 'table' "
			       "ORDER BY name", -1, &st, NULL) != SQLITE_OK)
		return NULL;
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(st, 0);
		struct table_cols t;
		if (!audited(name) || read_cols(db, name, &t) != SQLITE_OK)
			continue;
		static const char *const ops[] = { "insert", "update", "delete" };
		for (int i = 0; i < 3; i++)
			add_trigger(&b, &t, ops[i]);
		cols_free(&t);
	}
	sqlite3_finalize(st);
	return sbuf_detach(&b);
}

/* Drops the triggers an older cchc kept in the database file (inside the
 * caller's write transaction). */
static int drop_stored_triggers(struct db *db, struct cchc_err *err)
{
	sqlite3_stmt *st;
	struct sbuf b = SBUF_INIT;
	int rc = sqlite3_prepare_v2(db->h, "SELECT name FROM main.sqlite_master WHERE type = "
				    "'trigger' AND name GLOB 'history_*'", -1, &st, NULL);
	while (rc == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
		sbuf_addf(&b, "DROP TRIGGER main.\"%s\";", (const char *)sqlite3_column_text(st, 0));
	if (rc == SQLITE_OK)
		sqlite3_finalize(st);
	if (rc == SQLITE_OK && b.len)
		rc = sqlite3_exec(db->h, b.s, NULL, NULL, NULL);
	sbuf_free(&b);
	return rc == SQLITE_OK ? CCHC_OK : db_fail(db, rc, "tạo bộ ghi lịch sử", err);
}

/* The triggers live in this connection's temporary schema, made before its
 * first write (db_begin_internal): a database file holding them (81 of them, 60 KB of SQL)
 * made every start parse them, 1.6 of a short command's 5 ms, even for the
 * commands that only read. Made from the tables' columns as they are now,
 * they always match the schema. */
int history_arm(struct db *db, struct cchc_err *err)
{
	if (db->history_armed)
		return CCHC_OK;
	char *sql = triggers_sql(db);
	if (!sql)
		return db_fail(db, sqlite3_errcode(db->h), "tạo bộ ghi lịch sử", err);
	db_mark_writing(db);
	int rc = db_exec(db, "BEGIN IMMEDIATE", err);
	if (!rc && !(rc = drop_stored_triggers(db, err)))
		rc = db_exec(db, sql, err);
	if (rc)
		db_rollback(db);
	else if (!(rc = db_exec(db, "COMMIT", err)))
		db->history_armed = true;
	free(sql);
	return rc;
}

/* Bump when the stored schema of the history changes. 4: the triggers
 * moved out of the file into each writer's temporary schema. 5: the kept
 * data's too (store/kept.h). */
#define HISTORY_FORMAT 5

/* "schema-version:format:program": equal to the stored value when nothing
 * has changed since the last open that wrote, so an open need not look. */
static void schema_stamp(struct db *db, char out[64])
{
	int64_t v = db_int_by_text(db, "SELECT schema_version FROM pragma_schema_version WHERE ?1", "1");
	snprintf(out, 64, "%lld:%d:%s", (long long)v, HISTORY_FORMAT, PACKAGE_VERSION);
}

static bool stamp_current(struct db *db)
{
	char stamp[64];
	schema_stamp(db, stamp);
	char *have = db_setting_get(db, "history.stamp");
	bool same = have && strcmp(have, stamp) == 0;
	free(have);
	return same;
}

/* At open: a database whose file still holds the triggers of an older
 * cchc loses them, and the kept data's stored triggers move into
 * kept_trigger (so that reading commands start without parsing them). */
int history_ensure(struct db *db, struct cchc_err *err)
{
	if (db->readonly || stamp_current(db))
		return CCHC_OK;
	db_mark_writing(db);
	int rc = db_exec(db, "BEGIN IMMEDIATE", err);
	if (!rc && !(rc = drop_stored_triggers(db, err)) &&
	    (rc = kept_stash(db->h)) != SQLITE_OK)
		rc = db_fail(db, rc, "tạo bộ ghi lịch sử", err);
	if (!rc) {
		db_exec(db, "DELETE FROM setting WHERE key = 'history.spec'", err);
		char stamp[64];
		schema_stamp(db, stamp);   /* after the drops: they change the version */
		rc = db_setting_set(db, "history.stamp", stamp, err);
	}
	if (rc)
		db_rollback(db);
	else
		rc = db_exec(db, "COMMIT", err);
	return rc;
}

/* ------------------------------------------------------------ actions */

int history_action_begin(struct db *db, struct cchc_err *err)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db->h, "INSERT INTO history_action(at, os_user) VALUES("
				    "datetime('now', 'localtime'), ?)", -1, &st, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_text(st, 1, pf_user_name(), -1, SQLITE_TRANSIENT);
		rc = sqlite3_step(st) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(db->h);
		sqlite3_finalize(st);
	}
	if (rc != SQLITE_OK)
		return db_fail(db, rc, "ghi lịch sử thay đổi", err);
	db->action_id = sqlite3_last_insert_rowid(db->h);
	db->record_rows = true;
	return CCHC_OK;
}

/* Drops the action when it changed nothing and has no label. */
int history_action_end(struct db *db, struct cchc_err *err)
{
	int64_t id = db->action_id;
	db->action_id = 0;
	if (!id)
		return CCHC_OK;
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db->h, "DELETE FROM history_action WHERE id = ?1 AND label = '' "
				    "AND NOT EXISTS (SELECT 1 FROM history_change WHERE action_id = "
				    "?1)", -1, &st, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_int64(st, 1, id);
		rc = sqlite3_step(st) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(db->h);
		sqlite3_finalize(st);
	}
	return rc == SQLITE_OK ? CCHC_OK : db_fail(db, rc, "ghi lịch sử thay đổi", err);
}

void history_label(struct db *db, const char *label, bool record_rows)
{
	if (!db->action_id)
		return;
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db->h, "UPDATE history_action SET label = ?, undoable = ? WHERE id = ?",
			       -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_text(st, 1, label, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int(st, 2, record_rows);
		sqlite3_bind_int64(st, 3, db->action_id);
		sqlite3_step(st);
		sqlite3_finalize(st);
	}
	db->record_rows = record_rows;
}

/* ------------------------------------------------------------ describing */

/* Without a registered text, fields show as stored: column names and
 * values (what the store alone can know). */
static const struct history_text *text;

void history_set_text(const struct history_text *t)
{
	text = t;
}

/* Records that stand on their own, in the order an action's summary and the
 * trash name them; other rows (sections, links, steps) belong to one. */
#define TOP_RANK "CASE tbl WHEN 'plan' THEN 0 WHEN 'criteria_catalogue' THEN 1 WHEN 'unit' " \
	"THEN 2 WHEN 'task' THEN 3 WHEN 'evidence' THEN 4 WHEN 'dossier' THEN 5 WHEN 'letter' " \
	"THEN 6 WHEN 'feedback' THEN 7 WHEN 'report_note' THEN 8 WHEN 'setting' THEN 9 ELSE 10 END"

static const struct {
	const char *table, *label, *name_col;
} tables[] = {
	{ "plan", "kế hoạch", "title" }, { "section", "đề mục", "heading" },
	{ "section_item", "đoạn của đề mục", "text" }, { "unit", "đơn vị", "name" },
	{ "task", "nhiệm vụ", "title" }, { "task_unit", "đơn vị phối hợp", NULL },
	{ "task_note", "ghi chú tiến độ", "text" }, { "task_due", "hạn nhiệm vụ", NULL },
	{ "evidence", "tài liệu kiểm chứng", "summary" }, { "evidence_file", "tệp", "name" },
	{ "evidence_task", "liên kết tài liệu – nhiệm vụ", NULL },
	{ "criterion_score", "điểm tự chấm", NULL }, { "index_result", "kết quả chỉ số", NULL },
	{ "dossier", "hồ sơ", "code" }, { "letter", "phiếu xin lỗi", "number" },
	{ "feedback", "phản ánh, kiến nghị", "sender" }, { "feedback_step", "bước xử lý", "step" },
	{ "setting", "thiết lập", "key" }, { "report_note", "nội dung báo cáo", "section" },
	{ "criteria_catalogue", "bộ tiêu chí", "name" }, { "criterion", "tiêu chí", "name" },
};
#define NTABLES (sizeof tables / sizeof tables[0])

const char *history_table_label(const char *table)
{
	for (size_t i = 0; i < NTABLES; i++)
		if (strcmp(tables[i].table, table) == 0)
			return tables[i].label;
	return table;
}

static const char *name_col(const char *table)
{
	for (size_t i = 0; i < NTABLES; i++)
		if (strcmp(tables[i].table, table) == 0)
			return tables[i].name_col;
	return NULL;
}

/* "thêm nhiệm vụ 12 «Rà soát văn bản»" for one change row: table, key, op,
 * and the row's values. */
static char *describe_change(struct db *db, const char *table, const char *key, const char *op,
			     const char *row)
{
	struct sbuf b = SBUF_INIT;
	const char *verb = op[0] == 'i' ? "thêm" : op[0] == 'u' ? "sửa" : "xóa";
	char *name = text && row ? text->name(db, table, row) : NULL;
	if (name) {  /* as core names it: "hồ sơ HS-1 «Nguyễn Thị Hoa»" */
		sbuf_addf(&b, "%s %s", verb, name);
		free(name);
		return sbuf_detach(&b);
	}
	sqlite3 *h = db->h;
	sbuf_addf(&b, "%s %s", verb, history_table_label(table));
	sqlite3_stmt *st;
	const char *nc = name_col(table);
	char path[80];
	snprintf(path, sizeof path, "$.%s", nc ? nc : "");
	if (sqlite3_prepare_v2(h, "SELECT json_extract(?1, '$.id'), CASE WHEN ?3 <> '$.' THEN "
			       "substr(json_extract(?2, ?3), 1, 60) END", -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, row ? row : "{}", -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, path, -1, SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW) {
			if (sqlite3_column_type(st, 0) != SQLITE_NULL)
				sbuf_addf(&b, " %lld", (long long)sqlite3_column_int64(st, 0));
			if (sqlite3_column_type(st, 1) != SQLITE_NULL)
				sbuf_addf(&b, " «%s»", sqlite3_column_text(st, 1));
		}
		sqlite3_finalize(st);
	}
	return sbuf_detach(&b);
}

/* The action's summary: its label, or its first change and how many more. */
static char *summarize(struct db *db, int64_t id, const char *label, int *nchanges)
{
	sqlite3_stmt *st;
	char *first = NULL;
	*nchanges = 0;
	if (sqlite3_prepare_v2(db->h, "SELECT tbl, key, op, coalesce(new, old), (SELECT count(*) FROM "
			       "history_change WHERE action_id = ?1) FROM history_change WHERE "
			       "action_id = ?1 ORDER BY " TOP_RANK ", id "
			       "LIMIT 1", -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_int64(st, 1, id);
		if (sqlite3_step(st) == SQLITE_ROW) {
			first = describe_change(db, (const char *)sqlite3_column_text(st, 0),
						(const char *)sqlite3_column_text(st, 1),
						(const char *)sqlite3_column_text(st, 2),
						(const char *)sqlite3_column_text(st, 3));
			*nchanges = sqlite3_column_int(st, 4);
		}
		sqlite3_finalize(st);
	}
	struct sbuf b = SBUF_INIT;
	if (*label)
		sbuf_add(&b, label);
	else if (first)
		sbuf_add(&b, first);
	if (!*label && *nchanges > 1)
		sbuf_addf(&b, " (và %d thay đổi khác)", *nchanges - 1);
	free(first);
	char *s = sbuf_detach(&b);
	if (*s)
		s[0] = s[0] >= 'a' && s[0] <= 'z' ? (char)(s[0] - 32) : s[0];
	return s;
}

static void summarize_count(struct db *db, int64_t id, int *n)
{
	*n = (int)db_int_by_id(db, "SELECT count(*) FROM history_change WHERE action_id = ?1", id);
}

#define ACTION_COLUMNS "id, at, os_user, label, undoable, undone_by IS NOT NULL, undo_of IS NOT " \
	"NULL, coalesce(undo_of, 0), coalesce((SELECT label FROM history_action t WHERE t.id = " \
	"history_action.undo_of), '')"

static void row_to_action(struct db *db, sqlite3_stmt *st, struct history_action *a)
{
	memset(a, 0, sizeof *a);
	a->id = sqlite3_column_int64(st, 0);
	snprintf(a->at, sizeof a->at, "%s", sqlite3_column_text(st, 1));
	snprintf(a->user, sizeof a->user, "%s", sqlite3_column_text(st, 2));
	a->undoable = sqlite3_column_int(st, 4);
	a->undone = sqlite3_column_int(st, 5);
	a->is_undo = sqlite3_column_int(st, 6);
	if (!a->is_undo) {
		a->summary = summarize(db, a->id, (const char *)sqlite3_column_text(st, 3),
				       &a->nchanges);
		return;
	}
	/* an undo is named after what it undid */
	int n;
	char *target = summarize(db, sqlite3_column_int64(st, 7),
				 (const char *)sqlite3_column_text(st, 8), &n);
	struct sbuf b = SBUF_INIT;
	sbuf_addf(&b, "Hoàn tác: %s", target);
	free(target);
	a->summary = sbuf_detach(&b);
	summarize_count(db, a->id, &a->nchanges);
}

int history_list(struct db *db, int limit, struct history_action **out, int *n,
		 struct cchc_err *err)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db->h, "SELECT " ACTION_COLUMNS " FROM history_action ORDER BY id "
				    "DESC LIMIT ?", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return db_fail(db, rc, "đọc lịch sử", err);
	sqlite3_bind_int(st, 1, limit > 0 ? limit : -1);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*out = xrealloc(*out, sizeof **out * (size_t)(*n + 1));
		row_to_action(db, st, &(*out)[(*n)++]);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? CCHC_OK : db_fail(db, rc, "đọc lịch sử", err);
}

void history_list_free(struct history_action *v, int n)
{
	for (int i = 0; i < n; i++)
		free(v[i].summary);
	free(v);
}

int history_last(struct db *db, struct history_action *a, bool *found, struct cchc_err *err)
{
	*found = false;
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db->h, "SELECT " ACTION_COLUMNS " FROM history_action WHERE "
				    "undone_by IS NULL AND undo_of IS NULL ORDER BY id DESC LIMIT 1",
				    -1, &st, NULL);
	if (rc != SQLITE_OK)
		return db_fail(db, rc, "đọc lịch sử", err);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		row_to_action(db, st, a);
		*found = true;
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? CCHC_OK : db_fail(db, rc, "đọc lịch sử", err);
}

/* ------------------------------------------------------------ undoing */

/* The SQL that reverses one change: a delete is inserted back, an insert
 * deleted, an update set back to the old values. Column names come from
 * the table itself, values from the JSON by binding. */
static char *inverse_sql(const struct table_cols *t, const char *op)
{
	struct sbuf b = SBUF_INIT;
	if (op[0] == 'd') {
		sbuf_addf(&b, "INSERT INTO \"%s\"(", t->name);
		for (int i = 0; i < t->n; i++)
			sbuf_addf(&b, "%s\"%s\"", i ? ", " : "", t->cols[i]);
		sbuf_add(&b, ") SELECT ");
		for (int i = 0; i < t->n; i++)
			sbuf_addf(&b, "%sjson_extract(?1, '$.\"%s\"')", i ? ", " : "", t->cols[i]);
		return sbuf_detach(&b);
	}
	if (op[0] == 'i')
		sbuf_addf(&b, "DELETE FROM \"%s\"", t->name);
	else {
		sbuf_addf(&b, "UPDATE \"%s\" SET ", t->name);
		for (int i = 0; i < t->n; i++)
			sbuf_addf(&b, "%s\"%s\" = json_extract(?1, '$.\"%s\"')", i ? ", " : "",
				  t->cols[i], t->cols[i]);
	}
	sbuf_add(&b, " WHERE 1");
	for (int i = 0; i < t->n; i++)
		if (t->pk[i])
			sbuf_addf(&b, " AND \"%s\" IS json_extract(?2, '$.\"%s\"')", t->cols[i],
				  t->cols[i]);
	return sbuf_detach(&b);
}

static int apply_inverse(struct db *db, const char *table, const char *key, const char *op,
			 const char *old, struct cchc_err *err)
{
	struct table_cols t;
	if (!audited(table) || read_cols(db, table, &t) != SQLITE_OK || !t.n)
		return err_set(err, CCHC_EDB, "Không hoàn tác được thay đổi ở bảng %s", table);
	char *sql = inverse_sql(&t, op);
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db->h, sql, -1, &st, NULL);
	free(sql);
	cols_free(&t);
	if (rc == SQLITE_OK) {
		sqlite3_bind_text(st, 1, old ? old : "{}", -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, key, -1, SQLITE_STATIC);
		rc = sqlite3_step(st) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(db->h);
		sqlite3_finalize(st);
	}
	if (rc == SQLITE_CONSTRAINT)
		return err_set(err, CCHC_EINPUT, "Không hoàn tác được: %s đã bị thay đổi bởi việc "
			       "khác (%s)", history_table_label(table), sqlite3_errmsg(db->h));
	return rc == SQLITE_OK ? CCHC_OK : db_fail(db, rc, "hoàn tác", err);
}

/* Reverses the changes of action id (only its deletions when deletes_only),
 * newest first, inside the caller's transaction. */
static int reverse_changes(struct db *db, int64_t id, bool deletes_only, struct cchc_err *err)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db->h, "SELECT tbl, key, op, old FROM history_change WHERE "
				    "action_id = ?1 AND (?2 = 0 OR op = 'delete') ORDER BY id DESC",
				    -1, &st, NULL);
	if (rc != SQLITE_OK)
		return db_fail(db, rc, "hoàn tác", err);
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int(st, 2, deletes_only);
	rc = CCHC_OK;
	while (!rc && sqlite3_step(st) == SQLITE_ROW) {
		char *table = xstrdup((const char *)sqlite3_column_text(st, 0));
		char *key = xstrdup((const char *)sqlite3_column_text(st, 1));
		char *op = xstrdup((const char *)sqlite3_column_text(st, 2));
		const unsigned char *o = sqlite3_column_text(st, 3);
		char *old = o ? xstrdup((const char *)o) : NULL;
		rc = apply_inverse(db, table, key, op, old, err);
		free(table);
		free(key);
		free(op);
		free(old);
	}
	sqlite3_finalize(st);
	return rc;
}

static int mark(struct db *db, const char *sql, int64_t a, int64_t b, struct cchc_err *err)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db->h, sql, -1, &st, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_int64(st, 1, a);
		sqlite3_bind_int64(st, 2, b);
		rc = sqlite3_step(st) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(db->h);
		sqlite3_finalize(st);
	}
	return rc == SQLITE_OK ? CCHC_OK : db_fail(db, rc, "ghi lịch sử", err);
}

/* Runs the reversal of action target as a new action. */
static int undo_action(struct db *db, int64_t target, bool deletes_only, struct cchc_err *err)
{
	if (db_begin(db, err))
		return err->code;
	int64_t me = db->action_id;
	int rc = db_exec(db, "PRAGMA defer_foreign_keys = ON", err);
	if (!rc)
		rc = reverse_changes(db, target, deletes_only, err);
	if (!rc && deletes_only)
		history_label(db, "Khôi phục từ thùng rác", true);
	if (!rc && !deletes_only)
		rc = mark(db, "UPDATE history_action SET undo_of = ?2 WHERE id = ?1", me, target, err);
	if (!rc && !deletes_only)
		rc = mark(db, "UPDATE history_action SET undone_by = ?1 WHERE id = ?2", me, target,
			  err);
	if (!rc && (rc = db_commit(db, err)) == CCHC_EINPUT)
		/* at commit only the deferred foreign keys can fail: a row that
		 * comes back names one deleted by a later action */
		err_set(err, CCHC_EINPUT, "Không %s được: bản ghi này cần đến một bản ghi đã bị xóa "
			"sau đó (ví dụ đơn vị chủ trì của một nhiệm vụ). Hãy khôi phục bản ghi đó từ "
			"thùng rác trước (xem cchc trash), rồi thử lại.",
			deletes_only ? "khôi phục" : "hoàn tác");
	else if (rc)
		db_rollback(db);
	return rc;
}

int history_undo(struct db *db, struct history_action *a, struct cchc_err *err)
{
	struct history_action last;
	bool found;
	if (history_last(db, &last, &found, err))
		return err->code;
	if (!found)
		return err_set(err, CCHC_ENOTFOUND, "Không còn thao tác nào để hoàn tác");
	int rc = CCHC_OK;
	if (!last.undoable)
		rc = err_set(err, CCHC_EINPUT, "Không hoàn tác được \"%s\" (%s): thao tác nhập hàng "
			     "loạt không ghi từng dòng; hãy khôi phục bản sao lưu trước đó (cchc backup "
			     "list)", last.summary, last.at);
	if (!rc)
		rc = undo_action(db, last.id, false, err);
	if (!rc && a)
		*a = last;
	else
		free(last.summary);
	return rc;
}

/* ------------------------------------------------------------ one record */

static const char *column_label(const char *table, const char *col)
{
	return text ? text->label(table, col) : col;
}

/* One value, rendered when core knows how; "—" for none. */
static void add_value(struct sbuf *b, struct db *db, const char *table, const char *col,
		      const unsigned char *v)
{
	if (!v || !*v) {
		sbuf_add(b, "—");
		return;
	}
	char *shown = text ? text->value(db, table, col, (const char *)v) : NULL;
	sbuf_add(b, shown ? shown : (const char *)v);
	free(shown);
}

/* "trạng thái: chưa thực hiện → hoàn thành; ngày hoàn thành: — → 12/03/2026"
 * for an update; the non-empty fields for an insert or delete. */
static char *diff_fields(struct db *db, const char *table, const char *op, const char *old,
			 const char *new)
{
	struct sbuf b = SBUF_INIT;
	sqlite3_stmt *st;
	const char *sql = op[0] == 'u'
		? "SELECT n.key, substr(o.value, 1, 60), substr(n.value, 1, 60) FROM json_each(?2) n "
		  "JOIN json_each(?1) o ON o.key = n.key WHERE o.value IS NOT n.value"
		: "SELECT key, NULL, substr(value, 1, 60) FROM json_each(coalesce(?2, ?1)) WHERE value "
		  "IS NOT NULL AND value <> ''";
	if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) != SQLITE_OK)
		return sbuf_detach(&b);
	sqlite3_bind_text(st, 1, old ? old : "{}", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, new ? new : (op[0] == 'u' ? "{}" : NULL), -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *col = (const char *)sqlite3_column_text(st, 0);
		const char *label = is_stamp(table, col) ? NULL : column_label(table, col);
		if (!label)
			continue;
		sbuf_addf(&b, "%s%s: ", b.len ? "; " : "", label);
		/* cut to 60 letters by substr above, not mid-letter */
		if (op[0] == 'u') {
			add_value(&b, db, table, col, sqlite3_column_text(st, 1));
			sbuf_add(&b, " → ");
		}
		add_value(&b, db, table, col, sqlite3_column_text(st, 2));
	}
	sqlite3_finalize(st);
	return sbuf_detach(&b);
}

int history_of(struct db *db, const char *table, int64_t id, struct history_entry **out, int *n,
	       struct cchc_err *err)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db->h, "SELECT c.action_id, a.at, a.os_user, c.op, c.old, c.new "
				    "FROM history_change c JOIN history_action a ON a.id = c.action_id "
				    "WHERE c.tbl = ?1 AND c.key = json_object('id', ?2) ORDER BY c.id",
				    -1, &st, NULL);
	if (rc != SQLITE_OK)
		return db_fail(db, rc, "đọc lịch sử", err);
	sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*out = xrealloc(*out, sizeof **out * (size_t)(*n + 1));
		struct history_entry *e = &(*out)[(*n)++];
		e->action_id = sqlite3_column_int64(st, 0);
		snprintf(e->at, sizeof e->at, "%s", sqlite3_column_text(st, 1));
		snprintf(e->user, sizeof e->user, "%s", sqlite3_column_text(st, 2));
		snprintf(e->op, sizeof e->op, "%s", sqlite3_column_text(st, 3));
		e->fields = diff_fields(db, table, e->op, (const char *)sqlite3_column_text(st, 4),
					(const char *)sqlite3_column_text(st, 5));
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? CCHC_OK : db_fail(db, rc, "đọc lịch sử", err);
}

void history_entries_free(struct history_entry *v, int n)
{
	for (int i = 0; i < n; i++)
		free(v[i].fields);
	free(v);
}

/* ------------------------------------------------------------ trash */

/* Records deleted (top-level ones: those with an id, and a file deleted on
 * its own from an evidence record) whose deleting action is not undone and
 * that have not come back since. */
int trash_list(struct db *db, struct trash_item **out, int *n, struct cchc_err *err)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db->h, "SELECT c.action_id, a.at, c.tbl, json_extract(c.key, "
				    "'$.id'), c.key, c.old FROM history_change c JOIN history_action a "
				    "ON a.id = c.action_id WHERE c.op = 'delete' AND a.undone_by IS "
				    "NULL AND c.tbl IN ('plan', 'criteria_catalogue', 'unit', 'task', "
				    "'evidence', 'evidence_file', 'dossier', 'letter', 'feedback') AND "
				    "NOT (c.tbl = 'evidence_file' AND EXISTS (SELECT 1 FROM "
				    "history_change e WHERE e.action_id = c.action_id AND e.op = "
				    "'delete' AND e.tbl = 'evidence')) AND NOT EXISTS "
				    "(SELECT 1 FROM history_change l WHERE l.tbl = c.tbl AND l.key = "
				    "c.key AND l.id > c.id AND l.op = 'insert') AND NOT EXISTS (SELECT 1 "
				    "FROM history_change p WHERE p.action_id = c.action_id AND p.op = "
				    "'delete' AND p.tbl = 'plan' AND c.tbl <> 'plan') ORDER BY c.id "
				    "DESC", -1,
				    &st, NULL);
	if (rc != SQLITE_OK)
		return db_fail(db, rc, "đọc thùng rác", err);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*out = xrealloc(*out, sizeof **out * (size_t)(*n + 1));
		struct trash_item *t = &(*out)[(*n)++];
		t->action_id = sqlite3_column_int64(st, 0);
		snprintf(t->at, sizeof t->at, "%s", sqlite3_column_text(st, 1));
		snprintf(t->table, sizeof t->table, "%s", sqlite3_column_text(st, 2));
		t->id = sqlite3_column_int64(st, 3);
		t->summary = describe_change(db, t->table, (const char *)sqlite3_column_text(st, 4),
					     "delete", (const char *)sqlite3_column_text(st, 5));
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? CCHC_OK : db_fail(db, rc, "đọc thùng rác", err);
}

void trash_list_free(struct trash_item *v, int n)
{
	for (int i = 0; i < n; i++)
		free(v[i].summary);
	free(v);
}

int trash_restore(struct db *db, int64_t action_id, struct cchc_err *err)
{
	int64_t deletes = db_int_by_id(db, "SELECT count(*) FROM history_change c JOIN history_action a "
					   "ON a.id = c.action_id WHERE c.action_id = ?1 AND c.op = "
					   "'delete' AND a.undone_by IS NULL", action_id);
	if (!deletes)
		return err_set(err, CCHC_ENOTFOUND, "Thao tác %lld không xóa gì còn trong thùng rác "
			       "(xem cchc trash)", (long long)action_id);
	return undo_action(db, action_id, true, err);
}
