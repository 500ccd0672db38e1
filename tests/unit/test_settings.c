/* The settings screen's table and the first-run question (issue 17):
 * every known setting is on the screen once; several settings saved as
 * one action are all stored or none; the agency counts as named only when
 * the clerk gave it (a stored name, or a plan of their own), and a
 * database holding only the demo plan is not asked. */
#include <config.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "check.h"
#include "core/settings.h"
#include "store/db.h"
#include "util/sbuf.h"

static char tmpdir[] = "/tmp/cchc-test-settings.XXXXXX";

static void test_shown(void)
{
	int known = 0, shown = 0;
	for (const struct setting_def *s = settings_known; s->key; s++, known++) {
		int times = 0;
		for (const struct setting_shown *r = settings_shown; r->key; r++)
			times += strcmp(r->key, s->key) == 0;
		if (times != 1)
			fprintf(stderr, "%s is on the settings screen %d times\n", s->key, times);
		CHECK_INT(times, 1);
	}
	for (const struct setting_shown *r = settings_shown; r->key; r++, shown++)
		CHECK(settings_find(r->key) != NULL);
	CHECK_INT(shown, known);
}

static void test_check(void)
{
	struct cchc_err err = { 0 };
	CHECK(settings_check("report.deadline.q1", "16/03", &err) == CCHC_OK);
	CHECK(settings_check("report.deadline.q1", "31/02", &err) != CCHC_OK);
	CHECK_STR(err.msg, "Cần ngày/tháng, ví dụ 16/03");
	CHECK(settings_check("ui.due_within", "1001", &err) != CCHC_OK);
	CHECK(settings_check("evidence.max_mb", "0", &err) != CCHC_OK);
	CHECK(settings_check("no.such", "1", &err) != CCHC_OK);
	CHECK(settings_yes_no("backup.auto"));
	CHECK(!settings_yes_no("org.name"));
}

static void test_many(struct db *db)
{
	struct cchc_err err = { 0 };
	const char *keys[2] = { "org.place", "report.deadline.q1" };
	const char *bad[2] = { "Lạng Sơn", "31/02" };
	CHECK(settings_set_many(db, keys, bad, 2, &err) != CCHC_OK);
	CHECK(!settings_is_set(db, "org.place"));
	const char *good[2] = { "Lạng Sơn", "20/03" };
	CHECK(settings_set_many(db, keys, good, 2, &err) == CCHC_OK);
	char *v = settings_get(db, "report.deadline.q1");
	CHECK_STR(v, "20/03");
	free(v);
	CHECK(settings_set(db, "backup.auto", "không", &err) == CCHC_OK);
	v = settings_get(db, "backup.auto");
	CHECK_STR(v, "no");                  /* stored as the command line says it */
	free(v);
}

static void test_setup_needed(struct db *db)
{
	struct cchc_err err = { 0 };
	CHECK(settings_setup_needed(db));          /* no plan, no name */
	CHECK(db_exec(db, "INSERT INTO plan(title, source_text, source_sha256, imported_at, "
		      "is_demo, issuer) VALUES('KH mẫu', '', 'a', '2026-01-01', 1, 'Sở Mẫu')",
		      &err) == CCHC_OK);
	CHECK(!settings_setup_needed(db));         /* only the demo */
	CHECK(db_exec(db, "INSERT INTO plan(title, source_text, source_sha256, imported_at, "
		      "is_demo) VALUES('KH', '', 'b', '2026-01-01', 0)", &err) == CCHC_OK);
	CHECK(settings_setup_needed(db));          /* a plan without its agency */
	CHECK(settings_set(db, "org.name", "Sở Nội vụ", &err) == CCHC_OK);
	CHECK(!settings_setup_needed(db));
}

int main(void)
{
	if (!mkdtemp(tmpdir))
		return 99;
	test_shown();
	test_check();
	struct sbuf path = SBUF_INIT;
	sbuf_addf(&path, "%s/cchc.db", tmpdir);
	struct db db;
	struct cchc_err err = { 0 };
	CHECK(db_open(&db, path.s, &err) == CCHC_OK);
	test_many(&db);
	test_setup_needed(&db);
	db_close(&db);
	sbuf_free(&path);
	check_remove_dir(tmpdir);
	return check_report("test_settings");
}
