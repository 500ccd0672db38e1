#include <config.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "import/plan_load.h"
#include "text/encoding.h"
#include "util/fsutil.h"
#include "util/sbuf.h"
#include "util/sha256.h"

#define PLAN_FILE_MAX (16u << 20)

static int64_t find_by_hash(struct db *db, const char *hash)
{
	return db_int_by_text(db, "SELECT id FROM plan WHERE source_sha256 = ?1", hash);
}

static void now_iso(char out[32])
{
	time_t t = time(NULL);
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

static int insert_plan(struct db *db, const struct plan_doc *d, const char *text,
		       const char *hash, const char *source_name, bool is_demo, int64_t *id)
{
	static const char sql[] =
		"INSERT INTO plan(doc_no, doc_type, parent_body, issuer, place, date_text, "
		"issued_on, year, title, preamble, closing, signer_authority, signer_title, "
		"signer_name, source_name, source_text, source_sha256, imported_at, is_demo) "
		"VALUES(?,?,?,?,?,?,nullif(?,''),nullif(?,0),?,?,?,?,?,?,?,?,?,?,?)";
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db->h, sql, -1, &st, NULL);
	if (rc != SQLITE_OK)
		return rc;
	const char *v[] = { d->doc_no, d->doc_type, d->parent_body, d->issuer, d->place,
			    d->date_text, d->issued_on };
	int i = 1;
	for (size_t k = 0; k < sizeof v / sizeof v[0]; k++)
		sqlite3_bind_text(st, i++, v[k], -1, SQLITE_STATIC);
	sqlite3_bind_int(st, i++, d->year);
	const char *w[] = { d->title, d->preamble, d->closing, d->signer_authority,
			    d->signer_title, d->signer_name, source_name, text, hash };
	for (size_t k = 0; k < sizeof w / sizeof w[0]; k++)
		sqlite3_bind_text(st, i++, w[k], -1, SQLITE_STATIC);
	char ts[32];
	now_iso(ts);
	sqlite3_bind_text(st, i++, ts, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, i++, is_demo);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	*id = sqlite3_last_insert_rowid(db->h);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

static int insert_refs(struct db *db, const struct plan_doc *d, int64_t id)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db->h, "INSERT INTO plan_reference(plan_id, seq, kind, doc_no, "
				    "date_text, issued_on) VALUES(?,?,?,?,?,nullif(?,''))", -1, &st, NULL);
	for (int i = 0; rc == SQLITE_OK && i < d->nrefs; i++) {
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_int(st, 2, i + 1);
		sqlite3_bind_text(st, 3, d->refs[i].kind, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, d->refs[i].doc_no, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 5, d->refs[i].date_text, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 6, d->refs[i].issued_on, -1, SQLITE_STATIC);
		rc = sqlite3_step(st) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(db->h);
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_OK)
		return rc;
	rc = sqlite3_prepare_v2(db->h, "INSERT INTO plan_recipient(plan_id, seq, name) "
				"VALUES(?,?,?)", -1, &st, NULL);
	for (int i = 0; rc == SQLITE_OK && i < d->nrecipients; i++) {
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_int(st, 2, i + 1);
		sqlite3_bind_text(st, 3, d->recipients[i], -1, SQLITE_STATIC);
		rc = sqlite3_step(st) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(db->h);
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	return rc;
}

static int insert_items(sqlite3_stmt *st, int64_t sid, const struct pdoc_section *s)
{
	for (int k = 0; k < s->nitems; k++) {
		char marker[2] = { s->items[k].marker, 0 };
		sqlite3_bind_int64(st, 1, sid);
		sqlite3_bind_int(st, 2, k + 1);
		sqlite3_bind_text(st, 3, s->items[k].is_list_item ? "item" : "para", -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, s->items[k].is_list_item ? marker : "", -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 5, s->items[k].text, -1, SQLITE_STATIC);
		int rc = sqlite3_step(st);
		sqlite3_reset(st);
		if (rc != SQLITE_DONE)
			return rc;
	}
	return SQLITE_OK;
}

static int insert_sections(struct db *db, const struct plan_doc *d, int64_t plan_id)
{
	sqlite3_stmt *st, *it;
	int rc = sqlite3_prepare_v2(db->h, "INSERT INTO section(plan_id, parent_id, seq, depth, "
				    "label, style, heading) VALUES(?,?,?,?,?,?,?)", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return rc;
	rc = sqlite3_prepare_v2(db->h, "INSERT INTO section_item(section_id, seq, kind, marker, "
				"text) VALUES(?,?,?,?,?)", -1, &it, NULL);
	if (rc != SQLITE_OK) {
		sqlite3_finalize(st);
		return rc;
	}
	int64_t *ids = xcalloc((size_t)d->nsections + 1, sizeof *ids);
	for (int i = 0; rc == SQLITE_OK && i < d->nsections; i++) {
		const struct pdoc_section *s = &d->sections[i];
		sqlite3_bind_int64(st, 1, plan_id);
		if (s->parent >= 0)
			sqlite3_bind_int64(st, 2, ids[s->parent]);
		else
			sqlite3_bind_null(st, 2);
		sqlite3_bind_int(st, 3, i + 1);
		sqlite3_bind_int(st, 4, s->depth);
		sqlite3_bind_text(st, 5, s->label, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 6, numbering_style_name(s->style), -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 7, s->heading, -1, SQLITE_STATIC);
		rc = sqlite3_step(st) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(db->h);
		sqlite3_reset(st);
		ids[i] = sqlite3_last_insert_rowid(db->h);
		if (rc == SQLITE_OK)
			rc = insert_items(it, ids[i], s);
	}
	free(ids);
	sqlite3_finalize(st);
	sqlite3_finalize(it);
	return rc;
}

int plan_import_in_tx(struct db *db, const char *text, const char *source_name, bool is_demo,
		      struct plan_import_result *res, struct cchc_err *err)
{
	memset(res, 0, sizeof *res);
	char hash[65];
	sha256_hex(text, strlen(text), hash);
	int64_t existing = find_by_hash(db, hash);
	if (existing) {
		res->plan_id = existing;
		res->existed = true;
		return CCHC_OK;
	}
	struct plan_doc doc;
	if (plan_parse(text, &doc, err))
		return err->code;
	int64_t id = 0;
	int rc = insert_plan(db, &doc, text, hash, source_name ? source_name : "", is_demo, &id);
	if (rc == SQLITE_OK)
		rc = insert_refs(db, &doc, id);
	if (rc == SQLITE_OK)
		rc = insert_sections(db, &doc, id);
	res->nsections = doc.nsections;
	plan_doc_free(&doc);
	if (rc != SQLITE_OK)
		return db_fail(db, rc, "lưu kế hoạch", err);
	res->plan_id = id;
	return CCHC_OK;
}

int plan_import_text(struct db *db, const char *text, const char *source_name, bool is_demo,
		     struct plan_import_result *res, struct cchc_err *err)
{
	if (db_begin(db, err))
		return err->code;
	if (plan_import_in_tx(db, text, source_name, is_demo, res, err)) {
		db_rollback(db);
		return err->code;
	}
	if (res->existed) {
		db_rollback(db);
		return CCHC_OK;
	}
	return db_commit(db, err);
}

int plan_import_read(struct db *db, char *text, const char *path,
		     struct plan_import_result *res, struct cchc_err *err)
{
	const char *base = fs_last_sep(path);
	int rc = plan_import_text(db, text, base ? base + 1 : path, false, res, err);
	free(text);
	return rc;
}

int plan_read_text_file(const char *path, const char *enc, char **out, struct cchc_err *err)
{
	char *raw = NULL;
	size_t n = 0, tn = 0;
	if (fs_read_file(path, PLAN_FILE_MAX, &raw, &n, err))
		return err->code;
	struct sbuf what = SBUF_INIT;
	sbuf_addf(&what, "Tệp %s", path);
	int rc = text_decode_input_hint(raw, n, enc, what.s, "hãy sao chép nội dung kế hoạch ra "
					"tệp .txt hoặc .md", out, &tn, err);
	free(raw);
	sbuf_free(&what);
	return rc;
}

int plan_import_file(struct db *db, const char *path, const char *enc,
		     struct plan_import_result *res, struct cchc_err *err)
{
	char *text = NULL;
	if (plan_read_text_file(path, enc, &text, err))
		return err->code;
	return plan_import_read(db, text, path, res, err);
}
