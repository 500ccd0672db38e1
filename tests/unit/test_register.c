/* The dossier register's document model (Mẫu 07): what the writers are
 * given, whatever they make of it: one landscape table, three header rows
 * with "Trả kết quả" merged over its two columns and the others over two
 * rows, date columns, the period note and the sheet name, rows in the order
 * received. */
#include <config.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "check.h"
#include "core/dossier.h"
#include "core/dossier_register.h"
#include "core/settings.h"
#include "store/db.h"
#include "util/sbuf.h"

static char tmpdir[] = "/tmp/cchc-test-register-XXXXXX";

static void add(struct db *db, const char *code, const char *received, const char *due)
{
	struct dossier_input in = { .code = code, .received = received, .due = due,
				    .holder = "Hộ kinh doanh", .procedure = "Cấp phép" };
	int64_t id;
	struct cchc_err err = { 0 };
	CHECK(dossier_add(db, &in, &id, &err) == CCHC_OK);
}

static void test_register(struct db *db)
{
	struct cchc_err err = { 0 };
	struct doc d;
	doc_init(&d);
	int64_t rows = -1;
	CHECK(dossier_register_doc(db, "2026-06-15", "2026-09-14", NULL, &d, &rows, &err) ==
	      CCHC_OK);
	CHECK_INT(rows, 2);
	CHECK_STR(d.type, "SỔ THEO DÕI HỒ SƠ");
	CHECK_INT(d.nblocks, 1);
	const struct doc_table *t = &d.blocks[0].table;
	CHECK_INT(d.blocks[0].kind, DOC_TABLE_BLOCK);
	CHECK_INT(t->ncols, DR_NCOLS);
	CHECK_INT(t->ncols, 12);
	CHECK(t->landscape);
	CHECK_INT(t->header_rows, 3);
	CHECK_INT(t->nrows, 3 + 2);
	CHECK_STR(t->sheet, "Sổ theo dõi hồ sơ");
	CHECK_INT(t->nnotes, 1);
	CHECK_STR(t->notes[0], "Kỳ: từ ngày 15/06/2026 đến ngày 14/09/2026");
	CHECK(t->date[DR_RECEIVED] && t->date[DR_DUE] && t->date[DR_RETURNED]);
	CHECK(!t->date[DR_CODE] && t->numeric[DR_STT]);
	int m = doc_table_merge_at(t, 0, DR_RETURNED);
	CHECK(m >= 0 && t->merges[m].cols == 2 && t->merges[m].rows == 1);
	m = doc_table_merge_at(t, 1, DR_CODE);
	CHECK(m >= 0 && t->merges[m].row == 0 && t->merges[m].rows == 2);
	CHECK_INT(doc_table_merge_at(t, 1, DR_SIGNED), -1);
	CHECK_STR(t->cells[1 * 12 + DR_SIGNED], "Ký nhận");
	CHECK_STR(t->cells[2 * 12 + DR_NOTE], "(12)");
	CHECK_STR(t->cells[3 * 12 + DR_CODE], "A-1");
	CHECK_STR(t->cells[3 * 12 + DR_RECEIVED], "15/06/2026");
	CHECK_STR(t->cells[4 * 12 + DR_CODE], "A-2");
	CHECK_STR(t->cells[4 * 12 + DR_STT], "2");
	doc_free(&d);
	doc_init(&d);
	CHECK(dossier_register_doc(db, "2026-06-15", "2026-09-14", "NOPE", &d, &rows, &err) ==
	      CCHC_EINPUT);
	doc_free(&d);
}

int main(void)
{
	if (!mkdtemp(tmpdir))
		return 99;
	setenv("CCHC_TODAY", "2026-11-24", 1);
	struct sbuf path = SBUF_INIT;
	sbuf_addf(&path, "%s/cchc.db", tmpdir);
	struct db db;
	struct cchc_err err = { 0 };
	CHECK(db_open(&db, path.s, &err) == CCHC_OK);
	CHECK(settings_set(&db, "org.name", "Sở Công Thương", &err) == CCHC_OK);
	add(&db, "A-2", "2026-09-14", "2026-09-25");
	add(&db, "A-1", "2026-06-15", "2026-06-26");
	add(&db, "A-0", "2026-06-14", "2026-06-25");
	add(&db, "A-3", "2026-09-15", "2026-09-25");
	test_register(&db);
	db_close(&db);
	sbuf_free(&path);
	check_remove_dir(tmpdir);
	return check_report("test_register");
}
