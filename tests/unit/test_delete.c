/* The core delete functions and the history in words: a refused or failed
 * delete leaves no action behind; a delete is one action, named after the
 * record, in the trash until restored; the history reads as stored until
 * core registers its text, and in words after. */
#include <config.h>
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "core/dossier.h"
#include "core/evidence.h"
#include "core/feedback.h"
#include "core/history_text.h"
#include "core/unit.h"
#include "store/db.h"
#include "store/history.h"
#include "util/sbuf.h"

static char tmpdir[] = "/tmp/cchc-test-delete-XXXXXX";

static int64_t actions(struct db *db)
{
	return db_int_by_id(db, "SELECT count(*) FROM history_action WHERE ?1", 1);
}

/* The fields of the newest entry of a record's history (malloc'd). */
static char *last_fields(struct db *db, const char *table, int64_t id)
{
	struct cchc_err err = { 0 };
	struct history_entry *e;
	int n;
	if (history_of(db, table, id, &e, &n, &err) || !n)
		return xstrdup("");
	char *s = xstrdup(e[n - 1].fields);
	history_entries_free(e, n);
	return s;
}

static void test_refusals_leave_nothing(struct db *db, int64_t unit)
{
	struct cchc_err err = { 0 };
	int64_t before = actions(db);
	CHECK_INT(unit_delete(db, unit, &err), CCHC_EINPUT);
	CHECK_HAS(err.msg, "còn 1 hồ sơ gắn với đơn vị này");
	CHECK_HAS(err.msg, "--active no");
	CHECK_INT(evidence_file_delete(db, 7, 1, &err), CCHC_ENOTFOUND);
	CHECK_INT(evidence_file_delete(db, 7, 0, &err), CCHC_ENOTFOUND);
	CHECK_INT(feedback_delete(db, 7, &err), CCHC_ENOTFOUND);
	CHECK_HAS(err.msg, "Không có phản ánh, kiến nghị số 7");
	CHECK_INT(actions(db), before);
	CHECK_INT(db_int_by_id(db, "SELECT count(*) FROM unit WHERE id = ?1", unit), 1);
}

static void test_delete_and_restore(struct db *db, int64_t dossier)
{
	struct cchc_err err = { 0 };
	int64_t before = actions(db);
	CHECK_INT(dossier_delete(db, dossier, &err), CCHC_OK);
	CHECK_INT(actions(db), before + 1);
	struct history_action a;
	bool found;
	CHECK_INT(history_last(db, &a, &found, &err), CCHC_OK);
	CHECK(found);
	CHECK_STR(a.summary, "Xóa hồ sơ HS-1 «Nguyễn Văn An»");
	free(a.summary);
	struct trash_item *t;
	int n;
	history_text_install();   /* the trash names a dossier by its code */
	CHECK_INT(trash_list(db, &t, &n, &err), CCHC_OK);
	history_set_text(NULL);
	CHECK_INT(n, 1);
	if (n == 1)
		CHECK_STR(t[0].summary, "xóa hồ sơ HS-1 «Nguyễn Văn An»");
	int64_t act = n ? t[0].action_id : 0;
	trash_list_free(t, n);
	CHECK_INT(trash_restore(db, act, &err), CCHC_OK);
	CHECK_INT(db_int_by_id(db, "SELECT count(*) FROM dossier WHERE id = ?1", dossier), 1);
}

/* Without the registered text the store shows what it stored; with it, the
 * clerk's words and no ids. */
static void test_history_words(struct db *db, int64_t unit)
{
	struct cchc_err err = { 0 };
	CHECK_INT(unit_edit(db, "VP", NULL, NULL, NULL, NULL, 0, &err), CCHC_OK);
	char *raw = last_fields(db, "unit", unit);
	CHECK_STR(raw, "active: 1 → 0");
	free(raw);
	history_text_install();
	char *words = last_fields(db, "unit", unit);
	CHECK_STR(words, "đang hoạt động: có → không");
	free(words);
	struct history_entry *e;
	int n;
	CHECK_INT(history_of(db, "dossier", 1, &e, &n, &err), CCHC_OK);
	CHECK(n >= 1);
	if (n >= 1) {
		CHECK_HAS(e[0].fields, "ngày tiếp nhận: 02/03/2026");
		CHECK_HAS(e[0].fields, "đơn vị: VP – Văn phòng Sở");
		CHECK_HAS(e[0].fields, "hình thức nộp: ");
		CHECK(!strstr(e[0].fields, "id:"));
		CHECK(!strstr(e[0].fields, "truc-tiep"));
	}
	history_entries_free(e, n);
	history_set_text(NULL);
}

int main(void)
{
	if (!mkdtemp(tmpdir))
		return 99;
	struct sbuf path = SBUF_INIT;
	sbuf_addf(&path, "%s/cchc.db", tmpdir);
	struct db db;
	struct cchc_err err = { 0 };
	if (db_open(&db, path.s, &err)) {
		fprintf(stderr, "open: %s\n", err.msg);
		return 99;
	}
	int64_t unit = 0, dossier = 0;
	CHECK_INT(unit_add(&db, "Văn phòng Sở", "VP", "", NULL, &unit, &err), CCHC_OK);
	struct dossier_input in = { .code = "HS-1", .holder = "Nguyễn Văn An",
				    .received = "02/03/2026", .unit = "VP" };
	CHECK_INT(dossier_add(&db, &in, &dossier, &err), CCHC_OK);
	test_refusals_leave_nothing(&db, unit);
	test_delete_and_restore(&db, dossier);
	test_history_words(&db, unit);
	db_close(&db);
	sbuf_free(&path);
	check_remove_dir(tmpdir);
	return check_report("test_delete");
}
