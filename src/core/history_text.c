/* The history in the clerk's words: for each table, each column's label and
 * how its value reads ("trạng thái: chưa thực hiện → hoàn thành", a date as
 * 12/03/2026, a unit as "VP – Văn phòng Sở", a section as "mục 1.3
 * «Cải cách thủ tục hành chính»"). The store records raw rows; this table
 * is registered with it (history_set_text) by history_text_install. */
#include <config.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/dossier.h"
#include "core/evidence.h"
#include "core/feedback.h"
#include "core/history_text.h"
#include "core/settings.h"
#include "core/letter.h"
#include "core/task.h"
#include "store/history.h"
#include "text/date.h"
#include "util/sbuf.h"

typedef char *(*render_fn)(struct db *db, const char *v);

/* ------------------------------------------------------------ renderers */

static char *r_date(struct db *db, const char *v)
{
	(void)db;
	struct ymd d;
	if (strlen(v) != 10 || !date_parse_iso(v, &d))
		return NULL;
	char out[16];
	snprintf(out, sizeof out, "%02d/%02d/%04d", d.d, d.m, d.y);
	return xstrdup(out);
}

static char *r_bool(struct db *db, const char *v)
{
	(void)db;
	return xstrdup(strcmp(v, "0") == 0 ? "không" : "có");
}

static char *r_task_status(struct db *db, const char *v)
{
	(void)db;
	int s = task_status_parse(v);
	return s >= 0 ? xstrdup(task_status_label(s)) : NULL;
}

static char *r_feedback_status(struct db *db, const char *v)
{
	(void)db;
	int s = feedback_status_parse(v);
	return s >= 0 ? xstrdup(feedback_status_label(s)) : NULL;
}

static const char *const code_words[][2] = {
	{ "phong", "phòng thuộc Sở" }, { "don-vi", "đơn vị thuộc Sở" },
	{ "so-nganh", "Sở, ban, ngành" }, { "huyen", "UBND cấp huyện" }, { "xa", "UBND cấp xã" },
	{ "khac", "khác" }, { "manual", "nhập tay" }, { "import", "nhập từ tệp" },
};

static const char *code_word(const char *v)
{
	for (size_t i = 0; i < sizeof code_words / sizeof code_words[0]; i++)
		if (strcmp(code_words[i][0], v) == 0)
			return code_words[i][1];
	return NULL;
}

static char *r_size(struct db *db, const char *v)
{
	(void)db;
	struct sbuf b = SBUF_INIT;
	sbuf_addf(&b, "%s byte", v);
	return sbuf_detach(&b);
}

/* The first 60 letters of a text column, "…" when cut. */
#define CUT(c) "CASE WHEN length(" c ") > 60 THEN substr(" c ", 1, 59) || '…' ELSE " c " END"

/* A referenced record by the query (?1 = its id) giving its words; when it
 * is gone, what (a noun) and its number. */
static char *by_query(struct db *db, const char *sql, const char *what, const char *v)
{
	sqlite3_stmt *st;
	char *out = NULL;
	if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) != SQLITE_OK)
		return NULL;
	sqlite3_bind_int64(st, 1, strtoll(v, NULL, 10));
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
		out = xstrdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	if (!out) {
		struct sbuf b = SBUF_INIT;
		sbuf_addf(&b, "%s số %s (đã xóa)", what, v);
		out = sbuf_detach(&b);
	}
	return out;
}

/* Columns that name another record: its words from a query (?1 = its id).
 * A section reads "mục II.3 «Cải cách thủ tục hành chính»": its label after
 * its parent's when it does not carry the parent's number itself ("3." under
 * "II."), without the trailing dot; a lettered point as "mục 2 điểm đ)". */
#define UNIT_SQL "SELECT CASE WHEN coalesce(code, '') <> '' THEN code || ' – ' ELSE '' END || " \
	"name FROM unit WHERE id = ?1"
#define SECTION_SQL "SELECT 'mục ' || CASE WHEN p.label IS NULL OR s.label LIKE rtrim(p.label, " \
	"'.') || '.%' THEN rtrim(s.label, '.') WHEN s.label LIKE '%)' THEN rtrim(p.label, '.') || " \
	"' điểm ' || s.label ELSE rtrim(p.label, '.') || '.' || rtrim(s.label, '.') END || ' «' " \
	"|| " CUT("s.heading") " || '»' FROM section s LEFT JOIN section p ON p.id = s.parent_id " \
	"WHERE s.id = ?1"

static const struct {
	const char *col, *sql, *noun;   /* noun: for a record gone since */
} refs[] = {
	{ "lead_unit_id", UNIT_SQL, "đơn vị" }, { "unit_id", UNIT_SQL, "đơn vị" },
	{ "section_id", SECTION_SQL, "mục" }, { "parent_id", SECTION_SQL, "mục" },
	{ "plan_id", "SELECT CASE WHEN doc_no <> '' THEN 'số ' || doc_no || ' ' ELSE '' END || '«' "
	  "|| " CUT("title") " || '»' FROM plan WHERE id = ?1", "kế hoạch" },
	{ "task_id", "SELECT id || ' «' || " CUT("title") " || '»' FROM task WHERE id = ?1",
	  "nhiệm vụ" },
	{ "evidence_id", "SELECT id || CASE WHEN summary <> '' THEN ' «' || " CUT("summary")
	  " || '»' ELSE '' END FROM evidence WHERE id = ?1", "tài liệu" },
	{ "dossier_id", "SELECT code FROM dossier WHERE id = ?1", "hồ sơ" },
	{ "criterion_id", "SELECT code || ' «' || " CUT("name") " || '»' FROM criterion WHERE id = "
	  "?1", "tiêu chí" },
	{ "catalogue_id", "SELECT name FROM criteria_catalogue WHERE id = ?1", "bộ tiêu chí" },
	{ "feedback_id", "SELECT id || ' «' || " CUT("sender") " || '»' FROM feedback WHERE id = ?1",
	  "phản ánh" },
};

static char *ref_value(struct db *db, const char *col, const char *v)
{
	for (size_t i = 0; i < sizeof refs / sizeof refs[0]; i++)
		if (strcmp(refs[i].col, col) == 0)
			return by_query(db, refs[i].sql, refs[i].noun, v);
	return NULL;
}

/* ------------------------------------------------------------ the table */

/* A column's label and how its value reads: by a query or a reformatting
 * (render), or by the word for a code (word: NULL when it knows none).
 * Table NULL applies to every table that has no line of its own for the
 * column; label NULL leaves it out (keys and
 * bookkeeping the clerk never sees: copies of an imported text, hashes,
 * sequence numbers, the record's own number). */
static const struct field {
	const char *table, *col, *label;
	render_fn render;
	const char *(*word)(const char *code);
} fields[] = {
	{ "task", "status", "trạng thái", r_task_status, NULL },
	{ "task", "due_on", "hạn", r_date, NULL },
	{ "task_due", "due_on", "hạn", r_date, NULL },
	{ "task_note", "text", "nội dung", NULL, NULL },
	{ "task_note", "noted_on", "ngày ghi", r_date, NULL },
	{ "task_note", "period", "kỳ báo cáo", NULL, NULL },
	{ "feedback", "status", "trạng thái", r_feedback_status, NULL },
	{ "feedback", "channel", "kênh tiếp nhận", NULL, feedback_channel_label },
	{ "feedback", "kind", "loại", NULL, feedback_kind_label },
	{ "feedback", "due_on", "hạn bước tiếp theo", r_date, NULL },
	{ "feedback_step", "step", "bước", NULL, feedback_step_label },
	{ "feedback_step", "note", "ghi chú", NULL, NULL },
	{ "dossier", "channel", "hình thức nộp", NULL, dossier_channel_label },
	{ "dossier", "status", "trạng thái (theo hệ thống một cửa)", NULL, NULL },
	{ "dossier", "due_on", "hạn trả", r_date, NULL },
	{ "letter", "channel", "cách gửi", NULL, letter_channel_label },
	{ "letter", "unit_id", "đơn vị để trễ", NULL, NULL },
	{ "letter", "year", NULL, NULL, NULL },
	{ "evidence", "kind", "loại", NULL, evidence_kind_label },
	{ "evidence_file", "name", "tên tệp", NULL, NULL },
	{ "unit", "kind", "loại đơn vị", NULL, code_word },
	{ "unit", "code", "ký hiệu", NULL, NULL },
	{ "section", "label", "số mục", NULL, NULL },
	{ "section", "heading", "đề mục", NULL, NULL },
	{ "section_item", "kind", NULL, NULL, NULL },
	{ "section_item", "marker", NULL, NULL, NULL },
	{ "plan_reference", "kind", "loại văn bản", NULL, NULL },
	{ "criterion", "code", "mã", NULL, NULL },
	{ NULL, "id", NULL, NULL, NULL },
	{ NULL, "seq", NULL, NULL, NULL },
	{ NULL, "depth", NULL, NULL, NULL },
	{ NULL, "style", NULL, NULL, NULL }, { NULL, "source_text", NULL, NULL, NULL },
	{ NULL, "source_sha256", NULL, NULL, NULL }, { NULL, "sha256", NULL, NULL, NULL },
	{ NULL, "due_every", NULL, NULL, NULL },
	{ NULL, "due_kind", NULL, NULL, NULL },
	{ NULL, "imported_at", NULL, NULL, NULL },
	{ NULL, "template", NULL, NULL, NULL }, { NULL, "is_demo", NULL, NULL, NULL },
	{ NULL, "import_id", NULL, NULL, NULL }, { NULL, "import_line", NULL, NULL, NULL },
	{ NULL, "recorded_at", NULL, NULL, NULL }, { NULL, "idx", NULL, NULL, NULL },
	{ NULL, "title", "tên", NULL, NULL }, { NULL, "name", "tên", NULL, NULL },
	{ NULL, "code", "mã", NULL, NULL }, { NULL, "due_text", "thời hạn", NULL, NULL },
	{ NULL, "done_on", "ngày hoàn thành", r_date, NULL },
	{ NULL, "assigned_on", "ngày giao", r_date, NULL },
	{ NULL, "lead_unit_id", "đơn vị chủ trì", NULL, NULL },
	{ NULL, "unit_id", "đơn vị", NULL, NULL },
	{ NULL, "section_id", "thuộc", NULL, NULL },
	{ NULL, "parent_id", "thuộc", NULL, NULL },
	{ NULL, "plan_id", "kế hoạch", NULL, NULL },
	{ NULL, "task_id", "nhiệm vụ", NULL, NULL },
	{ NULL, "evidence_id", "tài liệu kiểm chứng", NULL, NULL },
	{ NULL, "dossier_id", "hồ sơ", NULL, NULL },
	{ NULL, "feedback_id", "phản ánh", NULL, NULL },
	{ NULL, "criterion_id", "tiêu chí", NULL, NULL },
	{ NULL, "catalogue_id", "bộ tiêu chí", NULL, NULL },
	{ NULL, "description", "mô tả", NULL, NULL }, { NULL, "product", "sản phẩm", NULL, NULL },
	{ NULL, "kind", "loại", NULL, NULL }, { NULL, "doc_no", "số, ký hiệu", NULL, NULL },
	{ NULL, "doc_type", "loại văn bản", NULL, NULL },
	{ NULL, "issued_on", "ngày ban hành", r_date, NULL },
	{ NULL, "issuer", "cơ quan ban hành", NULL, NULL },
	{ NULL, "summary", "trích yếu", NULL, NULL },
	{ NULL, "notes", "ghi chú", NULL, NULL }, { NULL, "note", "ghi chú", NULL, NULL },
	{ NULL, "head", "trưởng đơn vị", NULL, NULL },
	{ NULL, "active", "đang hoạt động", r_bool, NULL },
	{ NULL, "received_on", "ngày tiếp nhận", r_date, NULL },
	{ NULL, "resolved_on", "ngày hoàn thành", r_date, NULL },
	{ NULL, "holder", "chủ hồ sơ", NULL, NULL },
	{ NULL, "procedure", "thủ tục", NULL, NULL }, { NULL, "field", "lĩnh vực", NULL, NULL },
	{ NULL, "address", "địa chỉ", NULL, NULL }, { NULL, "contact", "liên hệ", NULL, NULL },
	{ NULL, "source", "nguồn", NULL, code_word }, { NULL, "reason", "lý do", NULL, NULL },
	{ NULL, "new_due", "ngày hẹn mới", r_date, NULL },
	{ NULL, "original_due", "hạn cũ", r_date, NULL },
	{ NULL, "number", "số", NULL, NULL }, { NULL, "letter_on", "ngày phiếu", r_date, NULL },
	{ NULL, "sent_on", "ngày gửi", r_date, NULL },
	{ NULL, "authority", "quyền hạn ký", NULL, NULL },
	{ NULL, "signer_title", "chức vụ người ký", NULL, NULL },
	{ NULL, "signer", "người ký", NULL, NULL },
	{ NULL, "sender", "người gửi", NULL, NULL }, { NULL, "content", "nội dung", NULL, NULL },
	{ NULL, "topic", "nội dung thuộc", NULL, feedback_topic_label },
	{ NULL, "related", "thủ tục, quy định liên quan", NULL, NULL },
	{ NULL, "forward_to", "chuyển đến", NULL, NULL },
	{ NULL, "forward_no", "số văn bản chuyển", NULL, NULL },
	{ NULL, "answer_text", "nội dung trả lời", NULL, NULL },
	{ NULL, "answer_signer", "người ký trả lời", NULL, NULL },
	{ NULL, "answer_channel", "hình thức trả lời", NULL, NULL },
	{ NULL, "published_where", "nơi công khai", NULL, NULL },
	{ NULL, "closed_on", "ngày kết thúc", r_date, NULL },
	{ NULL, "published_on", "ngày công khai", r_date, NULL },
	{ NULL, "on_date", "ngày", r_date, NULL }, { NULL, "text", "nội dung", NULL, NULL },
	{ NULL, "value", "giá trị", NULL, NULL }, { NULL, "key", "thiết lập", NULL, NULL },
	{ NULL, "late", "gửi muộn", r_bool, NULL }, { NULL, "addressee", "người nhận", NULL, NULL },
	{ NULL, "channel", "kênh", NULL, NULL }, { NULL, "size", "cỡ", r_size, NULL },
	{ NULL, "year", "năm", NULL, NULL }, { NULL, "points", "điểm", NULL, NULL },
	{ NULL, "max_points", "điểm tối đa", NULL, NULL },
	{ NULL, "evidence_hint", "tài liệu cần có", NULL, NULL },
	{ NULL, "parent_code", "thuộc tiêu chí", NULL, NULL },
	{ NULL, "province", "tỉnh", NULL, NULL },
	{ NULL, "rank", "xếp hạng", NULL, NULL }, { NULL, "rank_of", "trên tổng số", NULL, NULL },
	{ NULL, "target", "chỉ tiêu", NULL, NULL }, { NULL, "period", "kỳ", NULL, NULL },
	{ NULL, "section", "phần", NULL, NULL }, { NULL, "place", "địa danh", NULL, NULL },
	{ NULL, "date_text", "ngày tháng (như văn bản ghi)", NULL, NULL },
	{ NULL, "parent_body", "cơ quan chủ quản", NULL, NULL },
	{ NULL, "preamble", "căn cứ", NULL, NULL },
	{ NULL, "closing", "phần cuối", NULL, NULL },
	{ NULL, "signer_authority", "quyền hạn ký", NULL, NULL },
	{ NULL, "signer_name", "người ký", NULL, NULL },
	{ NULL, "source_name", "tệp gốc", NULL, NULL },
};
#define NFIELDS (sizeof fields / sizeof fields[0])

/* The line for table's column: its own first, then the general one. */
static const struct field *field_of(const char *table, const char *col)
{
	const struct field *general = NULL;
	for (size_t i = 0; i < NFIELDS; i++) {
		if (strcmp(fields[i].col, col) != 0)
			continue;
		if (fields[i].table && strcmp(fields[i].table, table) == 0)
			return &fields[i];
		if (!fields[i].table && !general)
			general = &fields[i];
	}
	return general;
}

/* An unknown column (one a later schema adds) is left out rather than
 * shown by its name. */
static const char *label_of(const char *table, const char *col)
{
	const struct field *f = field_of(table, col);
	return f ? f->label : NULL;
}

static char *value_of(struct db *db, const char *table, const char *col, const char *value)
{
	const struct field *f = field_of(table, col);
	if (f && f->word) {
		const char *w = f->word(value);
		return w ? xstrdup(w) : NULL;
	}
	if (f && f->render)
		return f->render(db, value);
	return f ? ref_value(db, col, value) : NULL;
}

/* Records better known by something other than their number, named from
 * their row (?1, JSON) by a query. */
static const struct {
	const char *table, *sql;
} names[] = {
	{ "unit", "SELECT 'đơn vị ' || coalesce(nullif(json_extract(?1, '$.code'), ''), "
	  "json_extract(?1, '$.id')) || ' «' || json_extract(?1, '$.name') || '»'" },
	{ "dossier", "SELECT 'hồ sơ ' || json_extract(?1, '$.code') || CASE WHEN json_extract(?1, "
	  "'$.holder') <> '' THEN ' «' || json_extract(?1, '$.holder') || '»' ELSE '' END" },
	{ "letter", "SELECT 'phiếu xin lỗi số ' || json_extract(?1, '$.number') || coalesce(' (hồ sơ "
	  "' || (SELECT code FROM dossier WHERE id = json_extract(?1, '$.dossier_id')) || ')', '')" },
	{ "evidence", "SELECT 'tài liệu kiểm chứng ' || json_extract(?1, '$.id') || coalesce(' «' || "
	  "nullif(json_extract(?1, '$.summary'), '') || '»', ' «' || nullif(json_extract(?1, "
	  "'$.doc_no'), '') || '»', '')" },
	{ "evidence_file", "SELECT 'tệp «' || json_extract(?1, '$.name') || '» của tài liệu kiểm "
	  "chứng ' || json_extract(?1, '$.evidence_id')" },
};

/* A setting by its name on the settings screen: "thiết lập «Tên cơ quan»". */
static char *setting_name(struct db *db, const char *row)
{
	sqlite3_stmt *st;
	char *out = NULL;
	if (sqlite3_prepare_v2(db->h, "SELECT json_extract(?1, '$.key')", -1, &st, NULL) != SQLITE_OK)
		return NULL;
	sqlite3_bind_text(st, 1, row, -1, SQLITE_STATIC);
	const char *key = sqlite3_step(st) == SQLITE_ROW ? (const char *)sqlite3_column_text(st, 0)
							 : NULL;
	for (const struct setting_shown *s = settings_shown; key && s->key; s++)
		if (strcmp(s->key, key) == 0) {
			struct sbuf b = SBUF_INIT;
			sbuf_addf(&b, "thiết lập «%s»", s->label);
			out = sbuf_detach(&b);
			break;
		}
	sqlite3_finalize(st);
	return out;
}

static char *name_of(struct db *db, const char *table, const char *row)
{
	if (strcmp(table, "setting") == 0)
		return setting_name(db, row);
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		if (strcmp(names[i].table, table) != 0)
			continue;
		sqlite3_stmt *st;
		char *out = NULL;
		if (sqlite3_prepare_v2(db->h, names[i].sql, -1, &st, NULL) != SQLITE_OK)
			return NULL;
		sqlite3_bind_text(st, 1, row, -1, SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
			out = xstrdup((const char *)sqlite3_column_text(st, 0));
		sqlite3_finalize(st);
		return out;
	}
	return NULL;
}

static const struct history_text text = { label_of, value_of, name_of };

void history_text_install(void)
{
	history_set_text(&text);
}
