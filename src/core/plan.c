#include <config.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include "core/plan.h"
#include "util/sbuf.h"

static char *col(sqlite3_stmt *st, int i)
{
	const unsigned char *s = sqlite3_column_text(st, i);
	return xstrdup(s ? (const char *)s : "");
}

int64_t plan_latest_id(struct db *db)
{
	return db_int_by_id(db, "SELECT max(id) FROM plan", 0);
}

int plan_count(struct db *db)
{
	return (int)db_int_by_id(db, "SELECT count(*) FROM plan", 0);
}

#define PLAN_COLUMNS "p.id, coalesce(p.year, 0), p.is_demo, " \
	"(SELECT count(*) FROM section s WHERE s.plan_id = p.id), " \
	"p.doc_no, p.doc_type, p.parent_body, p.issuer, p.place, p.date_text, " \
	"coalesce(p.issued_on, ''), p.title, p.preamble, p.closing, p.signer_authority, " \
	"p.signer_title, p.signer_name, p.source_name, p.source_sha256, p.imported_at"

static void plan_from_row(sqlite3_stmt *st, struct plan_info *p)
{
	p->id = sqlite3_column_int64(st, 0);
	p->year = sqlite3_column_int(st, 1);
	p->is_demo = sqlite3_column_int(st, 2);
	p->nsections = sqlite3_column_int(st, 3);
	char **f[] = { &p->doc_no, &p->doc_type, &p->parent_body, &p->issuer, &p->place,
		       &p->date_text, &p->issued_on, &p->title, &p->preamble, &p->closing,
		       &p->signer_authority, &p->signer_title, &p->signer_name, &p->source_name,
		       &p->source_sha256, &p->imported_at };
	for (size_t i = 0; i < sizeof f / sizeof f[0]; i++)
		*f[i] = col(st, (int)i + 4);
}

int plan_get(struct db *db, int64_t id, struct plan_info *p, struct cchc_err *err)
{
	memset(p, 0, sizeof *p);
	if (id == 0 && (id = plan_latest_id(db)) == 0)
		return err_set(err, CCHC_ENOTFOUND, "Chưa có kế hoạch nào; hãy nhập bằng "
			       "\"cchc plan import TỆP\"");
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db->h, "SELECT " PLAN_COLUMNS " FROM plan p WHERE p.id = ?",
				    -1, &st, NULL);
	if (rc != SQLITE_OK)
		return db_fail(db, rc, "đọc kế hoạch", err);
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		plan_from_row(st, p);
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return CCHC_OK;
	if (rc == SQLITE_DONE)
		return err_set(err, CCHC_ENOTFOUND, "Không có kế hoạch số %lld", (long long)id);
	return db_fail(db, rc, "đọc kế hoạch", err);
}

void plan_info_free(struct plan_info *p)
{
	char *f[] = { p->doc_no, p->doc_type, p->parent_body, p->issuer, p->place, p->date_text,
		      p->issued_on, p->title, p->preamble, p->closing, p->signer_authority,
		      p->signer_title, p->signer_name, p->source_name, p->source_sha256,
		      p->imported_at };
	for (size_t i = 0; i < sizeof f / sizeof f[0]; i++)
		free(f[i]);
	memset(p, 0, sizeof *p);
}

int plan_list(struct db *db, struct plan_info **out, int *n, struct cchc_err *err)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db->h, "SELECT " PLAN_COLUMNS " FROM plan p "
				    "ORDER BY coalesce(p.year, 0) DESC, p.id DESC", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return db_fail(db, rc, "đọc danh sách kế hoạch", err);
	struct plan_info *v = NULL;
	int count = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		v = xrealloc(v, sizeof *v * (size_t)(count + 1));
		memset(&v[count], 0, sizeof *v);
		plan_from_row(st, &v[count++]);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		plan_list_free(v, count);
		return db_fail(db, rc, "đọc danh sách kế hoạch", err);
	}
	*out = v;
	*n = count;
	return CCHC_OK;
}

void plan_list_free(struct plan_info *v, int n)
{
	for (int i = 0; i < n; i++)
		plan_info_free(&v[i]);
	free(v);
}

static int count_tasks(struct db *db, int64_t plan_id)
{
	return (int)db_int_by_id(db, "SELECT count(*) FROM task WHERE plan_id = ?1 OR section_id IN "
				 "(SELECT id FROM section WHERE plan_id = ?1)", plan_id);
}

static int delete_by_id(struct db *db, const char *sql, int64_t id)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db->h, sql, -1, &st, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_int64(st, 1, id);
		rc = sqlite3_step(st);
		sqlite3_finalize(st);
	}
	return rc;
}

int plan_delete(struct db *db, int64_t id, bool with_tasks, struct cchc_err *err)
{
	int ntasks = count_tasks(db, id);
	if (ntasks > 0 && !with_tasks)
		return err_set(err, CCHC_EINPUT, "Kế hoạch %lld còn %d nhiệm vụ; không xóa. Thêm "
			       "--force để xóa cả các nhiệm vụ đó.", (long long)id, ntasks);
	if (db_begin(db, err))
		return err->code;
	int rc = delete_by_id(db, "DELETE FROM task WHERE plan_id = ?1 OR section_id IN "
			      "(SELECT id FROM section WHERE plan_id = ?1)", id);
	if (rc == SQLITE_DONE)
		rc = delete_by_id(db, "DELETE FROM plan WHERE id = ?", id);
	if (rc != SQLITE_DONE) {
		db_fail(db, rc, "xóa kế hoạch", err);
		db_rollback(db);
		return err->code;
	}
	if (sqlite3_changes(db->h) == 0) {
		db_rollback(db);
		return err_set(err, CCHC_ENOTFOUND, "Không có kế hoạch số %lld", (long long)id);
	}
	return db_commit(db, err);
}

int plan_references(struct db *db, int64_t plan_id, struct plan_ref **out, int *n,
		    struct cchc_err *err)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db->h, "SELECT kind, doc_no, date_text, coalesce(issued_on, '') "
				    "FROM plan_reference WHERE plan_id = ? ORDER BY seq", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return db_fail(db, rc, "đọc văn bản căn cứ", err);
	sqlite3_bind_int64(st, 1, plan_id);
	struct plan_ref *v = NULL;
	int count = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		v = xrealloc(v, sizeof *v * (size_t)(count + 1));
		v[count].kind = col(st, 0);
		v[count].doc_no = col(st, 1);
		v[count].date_text = col(st, 2);
		v[count].issued_on = col(st, 3);
		count++;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		plan_refs_free(v, count);
		return db_fail(db, rc, "đọc văn bản căn cứ", err);
	}
	*out = v;
	*n = count;
	return CCHC_OK;
}

void plan_refs_free(struct plan_ref *v, int n)
{
	for (int i = 0; i < n; i++) {
		free(v[i].kind);
		free(v[i].doc_no);
		free(v[i].date_text);
		free(v[i].issued_on);
	}
	free(v);
}

/* The first column of sql's rows for plan_id, as strings; what says what was
 * being read, for the message. */
static int plan_strings(struct db *db, const char *sql, int64_t plan_id, const char *what,
			char ***out, int *n, struct cchc_err *err)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db->h, sql, -1, &st, NULL);
	if (rc != SQLITE_OK)
		return db_fail(db, rc, what, err);
	sqlite3_bind_int64(st, 1, plan_id);
	char **v = NULL;
	int count = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		v = xrealloc(v, sizeof *v * (size_t)(count + 1));
		v[count++] = col(st, 0);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		strv_free(v, count);
		return db_fail(db, rc, what, err);
	}
	*out = v;
	*n = count;
	return CCHC_OK;
}

int plan_recipients(struct db *db, int64_t plan_id, char ***out, int *n, struct cchc_err *err)
{
	return plan_strings(db, "SELECT name FROM plan_recipient WHERE plan_id = ? ORDER BY seq",
			    plan_id, "đọc nơi nhận", out, n, err);
}

void strv_free(char **v, int n)
{
	for (int i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

int section_list(struct db *db, int64_t plan_id, struct section_info **out, int *n,
		 struct cchc_err *err)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db->h,
		"SELECT s.id, coalesce(s.parent_id, 0), s.seq, s.depth, "
		"(SELECT count(*) FROM section c WHERE c.parent_id = s.id), s.label, s.style, s.heading "
		"FROM section s WHERE s.plan_id = ? ORDER BY s.seq", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return db_fail(db, rc, "đọc mục lục", err);
	sqlite3_bind_int64(st, 1, plan_id);
	struct section_info *v = NULL;
	int count = 0, cap = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (count == cap) {
			cap = cap ? cap * 2 : 64;
			v = xrealloc(v, sizeof *v * (size_t)cap);
		}
		struct section_info *s = &v[count++];
		s->id = sqlite3_column_int64(st, 0);
		s->parent_id = sqlite3_column_int64(st, 1);
		s->seq = sqlite3_column_int(st, 2);
		s->depth = sqlite3_column_int(st, 3);
		s->nchildren = sqlite3_column_int(st, 4);
		s->label = col(st, 5);
		s->style = col(st, 6);
		s->heading = col(st, 7);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		section_list_free(v, count);
		return db_fail(db, rc, "đọc mục lục", err);
	}
	*out = v;
	*n = count;
	return CCHC_OK;
}

void section_list_free(struct section_info *v, int n)
{
	for (int i = 0; i < n; i++) {
		free(v[i].label);
		free(v[i].style);
		free(v[i].heading);
	}
	free(v);
}

int section_items(struct db *db, int64_t section_id, struct section_item **out, int *n,
		  struct cchc_err *err)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db->h, "SELECT kind, marker, text FROM section_item "
				    "WHERE section_id = ? ORDER BY seq", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return db_fail(db, rc, "đọc nội dung mục", err);
	sqlite3_bind_int64(st, 1, section_id);
	struct section_item *v = NULL;
	int count = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		v = xrealloc(v, sizeof *v * (size_t)(count + 1));
		struct section_item *it = &v[count++];
		it->is_list_item = strcmp((const char *)sqlite3_column_text(st, 0), "item") == 0;
		snprintf(it->marker, sizeof it->marker, "%s", (const char *)sqlite3_column_text(st, 1));
		it->text = col(st, 2);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		section_items_free(v, count);
		return db_fail(db, rc, "đọc nội dung mục", err);
	}
	*out = v;
	*n = count;
	return CCHC_OK;
}

void section_items_free(struct section_item *v, int n)
{
	for (int i = 0; i < n; i++)
		free(v[i].text);
	free(v);
}

int section_texts(struct db *db, int64_t plan_id, char ***out, int *n, struct cchc_err *err)
{
	return plan_strings(db, "SELECT (SELECT group_concat(text, char(10)) FROM "
			    "(SELECT text FROM section_item i WHERE i.section_id = s.id "
			    "ORDER BY i.seq)) FROM section s WHERE s.plan_id = ? ORDER BY s.seq",
			    plan_id, "đọc nội dung kế hoạch", out, n, err);
}
