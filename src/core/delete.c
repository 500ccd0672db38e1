/* Deleting a clerk's records. Each delete is one action: the history
 * records every row it removes, so the action shows in the trash (cchc
 * trash), comes back whole with trash restore or undo, and is named after
 * the record ("Xóa nhiệm vụ 12 «Rà soát văn bản»").
 *
 * What goes with each record is what belongs to it alone, by the schema's
 * ON DELETE CASCADE:
 *   task      its progress notes, deadlines, co-units, links to evidence and
 *             criteria; the evidence records themselves stay.
 *   evidence  its file list and its links to tasks and criteria; the stored
 *             contents (sqlar) stay while the history names them, so a
 *             restore brings the same bytes back.
 *   dossier   nothing else; one with an apology letter is refused unless
 *             the letter goes with it (dossier_delete_with_letter).
 *   feedback  its workflow steps.
 *   unit      nothing: a unit that any record names is refused.
 *   letter    nothing; its dossier stays. */
#include <config.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/dossier.h"
#include "core/evidence.h"
#include "core/feedback.h"
#include "core/letter.h"
#include "core/task.h"
#include "core/unit.h"
#include "store/history.h"
#include "util/sbuf.h"

/* One kind of record to delete. name_sql (?1 = id) gives the record's
 * reference and what follows it in the label (" «name»"), and no row when
 * there is no record; refuse (may be NULL) sets err when the record must
 * stay; the delete statements take ?1 = id. */
struct del_kind {
	const char *what, *name_sql;
	int (*refuse)(struct db *db, int64_t id, const char *ref, struct cchc_err *err);
	const char *deletes[3];
};

static int step_id(struct db *db, const char *sql, int64_t id)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db->h, sql, -1, &st, NULL);
	if (rc != SQLITE_OK)
		return rc;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* The label "Xóa nhiệm vụ 12 «Rà soát văn bản»" into *label, and the
 * reference alone ("12", "VP") into ref; false when there is no record. */
static bool record_label(struct db *db, const struct del_kind *k, int64_t id, char **label,
			 char ref[128])
{
	sqlite3_stmt *st;
	bool found = false;
	if (sqlite3_prepare_v2(db->h, k->name_sql, -1, &st, NULL) != SQLITE_OK)
		return false;
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW) {
		const char *r = (const char *)sqlite3_column_text(st, 0);
		const char *tail = (const char *)sqlite3_column_text(st, 1);
		snprintf(ref, 128, "%s", r ? r : "");
		struct sbuf b = SBUF_INIT;
		sbuf_addf(&b, "Xóa %s %s%s", k->what, ref, tail ? tail : "");
		*label = sbuf_detach(&b);
		found = true;
	}
	sqlite3_finalize(st);
	return found;
}

static int run_deletes(struct db *db, const struct del_kind *k, int64_t id, struct cchc_err *err)
{
	for (int i = 0; i < 3 && k->deletes[i]; i++) {
		int rc = step_id(db, k->deletes[i], id);
		if (rc != SQLITE_OK)
			return db_fail(db, rc, "xóa", err);
	}
	return CCHC_OK;
}

/* Deletes record id of kind k as one labelled action. */
static int delete_record(struct db *db, const struct del_kind *k, int64_t id, struct cchc_err *err)
{
	if (db_begin(db, err))
		return err->code;
	char *label = NULL, ref[128];
	int rc = CCHC_OK;
	if (!record_label(db, k, id, &label, ref))
		rc = err_set(err, CCHC_ENOTFOUND, "Không có %s số %lld", k->what, (long long)id);
	if (!rc && k->refuse)
		rc = k->refuse(db, id, ref, err);
	if (!rc)
		rc = run_deletes(db, k, id, err);
	if (!rc)
		history_label(db, label, true);
	free(label);
	if (rc) {
		db_rollback(db);
		return rc;
	}
	return db_commit(db, err);
}

/* ------------------------------------------------------------ the kinds */

/* " «name»", the name cut to 60 letters; "" when it is empty. */
#define NAME60(col) "CASE WHEN " col " <> '' THEN ' «' || substr(" col ", 1, 60) || '»' ELSE '' END"

static const struct del_kind task_kind = {
	"nhiệm vụ", "SELECT id, " NAME60("title") " FROM task WHERE id = ?1", NULL,
	{ "DELETE FROM task WHERE id = ?1" },
};

static const struct del_kind evidence_kind = {
	"tài liệu kiểm chứng", "SELECT id, " NAME60("coalesce(nullif(summary, ''), doc_no)") " FROM "
	"evidence WHERE id = ?1", NULL,
	{ "DELETE FROM evidence WHERE id = ?1" },
};

static const struct del_kind letter_kind = {
	"phiếu xin lỗi", "SELECT 'số ' || l.number, ' (hồ sơ ' || d.code || ')' FROM letter l JOIN "
	"dossier d ON d.id = l.dossier_id WHERE l.id = ?1", NULL,
	{ "DELETE FROM letter WHERE id = ?1" },
};

static int dossier_refuse(struct db *db, int64_t id, const char *ref, struct cchc_err *err)
{
	int64_t letter = db_int_by_id(db, "SELECT coalesce((SELECT id FROM letter WHERE dossier_id "
				      "= ?1), 0)", id);
	if (!letter)
		return CCHC_OK;
	return err_set(err, CCHC_EINPUT, "Hồ sơ %s đã có phiếu xin lỗi (mã %lld); hãy xóa phiếu xin "
		       "lỗi trước", ref, (long long)letter);
}

static const struct del_kind dossier_kind = {
	"hồ sơ", "SELECT code, " NAME60("holder") " FROM dossier WHERE id = ?1", dossier_refuse,
	{ "DELETE FROM dossier WHERE id = ?1" },
};

static const struct del_kind dossier_letter_kind = {
	"hồ sơ", "SELECT code, " NAME60("holder") " FROM dossier WHERE id = ?1", NULL,
	{ "DELETE FROM letter WHERE dossier_id = ?1", "DELETE FROM dossier WHERE id = ?1" },
};

static const struct del_kind feedback_kind = {
	"phản ánh, kiến nghị", "SELECT id, " NAME60("sender") " FROM feedback WHERE id = ?1", NULL,
	{ "DELETE FROM feedback WHERE id = ?1" },
};

/* The records that name a unit, counted: "3 nhiệm vụ, 1 hồ sơ". */
static const struct {
	const char *what, *sql;
} unit_refs[] = {
	{ "nhiệm vụ chủ trì", "SELECT count(*) FROM task WHERE lead_unit_id = ?1" },
	{ "nhiệm vụ phối hợp", "SELECT count(*) FROM task_unit WHERE unit_id = ?1" },
	{ "hồ sơ", "SELECT count(*) FROM dossier WHERE unit_id = ?1" },
	{ "phiếu xin lỗi", "SELECT count(*) FROM letter WHERE unit_id = ?1" },
	{ "phản ánh, kiến nghị", "SELECT count(*) FROM feedback WHERE unit_id = ?1" },
};

static int unit_refuse(struct db *db, int64_t id, const char *ref, struct cchc_err *err)
{
	struct sbuf b = SBUF_INIT;
	for (size_t i = 0; i < sizeof unit_refs / sizeof unit_refs[0]; i++) {
		int64_t n = db_int_by_id(db, unit_refs[i].sql, id);
		if (n > 0)
			sbuf_addf(&b, "%s%lld %s", b.len ? ", " : "", (long long)n, unit_refs[i].what);
	}
	int rc = CCHC_OK;
	if (b.len)
		rc = err_set(err, CCHC_EINPUT, "Không xóa được đơn vị %s: còn %s gắn với đơn vị này. Nếu "
			     "đơn vị đã thôi hoạt động, hãy đánh dấu như vậy (cchc unit edit %s "
			     "--active no) để giữ các bản ghi cũ", ref, b.s, ref);
	sbuf_free(&b);
	return rc;
}

static const struct del_kind unit_kind = {
	"đơn vị", "SELECT coalesce(code, id), " NAME60("name") " FROM unit WHERE id = ?1",
	unit_refuse, { "DELETE FROM unit WHERE id = ?1" },
};

/* ------------------------------------------------------------ entry points */

int task_delete(struct db *db, int64_t id, struct cchc_err *err)
{
	return delete_record(db, &task_kind, id, err);
}

int evidence_delete(struct db *db, int64_t id, struct cchc_err *err)
{
	return delete_record(db, &evidence_kind, id, err);
}

int letter_delete(struct db *db, int64_t id, struct cchc_err *err)
{
	return delete_record(db, &letter_kind, id, err);
}

int dossier_delete(struct db *db, int64_t id, struct cchc_err *err)
{
	return delete_record(db, &dossier_kind, id, err);
}

int dossier_delete_with_letter(struct db *db, int64_t id, struct cchc_err *err)
{
	return delete_record(db, &dossier_letter_kind, id, err);
}

int feedback_delete(struct db *db, int64_t id, struct cchc_err *err)
{
	return delete_record(db, &feedback_kind, id, err);
}

int unit_delete(struct db *db, int64_t id, struct cchc_err *err)
{
	return delete_record(db, &unit_kind, id, err);
}

/* The label of file file_no (1-based, in the order evidence show lists
 * them) of an evidence record and its seq; NULL when there is no such file. */
static char *file_label(struct db *db, int64_t evidence_id, int file_no, int *seq)
{
	sqlite3_stmt *st;
	char *label = NULL;
	if (file_no < 1 || sqlite3_prepare_v2(db->h, "SELECT seq, " NAME60("name") " FROM "
					      "evidence_file WHERE evidence_id = ?1 ORDER BY seq "
					      "LIMIT 1 OFFSET ?2", -1, &st, NULL) != SQLITE_OK)
		return NULL;
	sqlite3_bind_int64(st, 1, evidence_id);
	sqlite3_bind_int(st, 2, file_no - 1);
	if (sqlite3_step(st) == SQLITE_ROW) {
		*seq = sqlite3_column_int(st, 0);
		struct sbuf b = SBUF_INIT;
		sbuf_addf(&b, "Xóa tệp %d%s của tài liệu kiểm chứng %lld", file_no,
			  sqlite3_column_text(st, 1), (long long)evidence_id);
		label = sbuf_detach(&b);
	}
	sqlite3_finalize(st);
	return label;
}

static int delete_file_row(struct db *db, int64_t evidence_id, int seq, struct cchc_err *err)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db->h, "DELETE FROM evidence_file WHERE evidence_id = ?1 AND "
				    "seq = ?2", -1, &st, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_int64(st, 1, evidence_id);
		sqlite3_bind_int(st, 2, seq);
		rc = sqlite3_step(st) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(db->h);
		sqlite3_finalize(st);
	}
	return rc == SQLITE_OK ? CCHC_OK : db_fail(db, rc, "xóa tệp", err);
}

int evidence_file_delete(struct db *db, int64_t evidence_id, int file_no, struct cchc_err *err)
{
	if (db_begin(db, err))
		return err->code;
	int seq = 0, rc;
	char *label = file_label(db, evidence_id, file_no, &seq);
	if (!label)
		rc = err_set(err, CCHC_ENOTFOUND, "Tài liệu %lld không có tệp số %d",
			     (long long)evidence_id, file_no);
	else if (!(rc = delete_file_row(db, evidence_id, seq, err)))
		history_label(db, label, true);
	free(label);
	if (rc) {
		db_rollback(db);
		return rc;
	}
	return db_commit(db, err);
}
