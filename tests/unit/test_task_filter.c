/* The task lists' filters: every combination of conditions gives the same
 * rows, in the same order, whether each statement filters (task_list) or
 * the set is put aside first (task_hits_build, use_hits) and paged by key
 * in both directions, or the words checked row by row (words_by_row); a
 * set over the cap is not put aside; a last word of one letter; the overview's counts by
 * unit (a unit that leads and coordinates a task counts it once) and their
 * totals. */
#include <config.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "check.h"
#include "core/demo.h"
#include "core/search.h"
#include "core/task.h"
#include "core/unit.h"
#include "store/db.h"
#include "util/sbuf.h"

static char tmpdir[] = "/tmp/cchc-test-task-filter-XXXXXX";

static const char *const words[] = { "Rà soát thủ tục hành chính", "Công khai thủ tục",
				     "Tuyên truyền cải cách", "Số hóa hồ sơ", "Kiểm tra công vụ",
				     "Tập huấn một cửa", "Đánh giá chỉ số hài lòng" };
static const char *const units[] = { "PA", "PB", "PC" };

/* 60 tasks: titles from words, leads in turn, some coordinated (once by
 * their own lead), due dates spread over 2026 with some none, some done. */
static void fill(struct db *db, int64_t section)
{
	struct cchc_err err = { 0 };
	for (int u = 0; u < 3; u++) {
		char name[64];
		snprintf(name, sizeof name, "Phòng %s", units[u]);
		CHECK(unit_add(db, name, units[u], NULL, NULL, NULL, &err) == CCHC_OK);
	}
	for (int i = 0; i < 60; i++) {
		char title[128], due[16];
		snprintf(title, sizeof title, "%s số %d", words[i % 7], i);
		snprintf(due, sizeof due, "%02d/%02d/2026", 1 + i % 28, 1 + (i * 5) % 12);
		const char *co[] = { units[(i + 1) % 3], units[i % 3] };
		struct task_input in = { .section_id = section, .title = title,
					 .lead_code = units[i % 3],
					 .due_text = i % 9 == 4 ? NULL : due, .co_codes = co,
					 .nco = i % 4 == 0 ? 2 : i % 4 == 1 ? 1 : 0, .status = -1 };
		int64_t id;
		CHECK(task_add(db, &in, &id, &err) == CCHC_OK);
		if (i % 5 == 2)
			CHECK(task_done(db, id, (struct ymd){ 2026, 3, 1 }, &err) == CCHC_OK);
	}
}

/* The ids of the whole list, by statement filtering. */
static int list_ids(struct db *db, struct task_filter f, int64_t *out)
{
	struct task_info *v;
	int n;
	struct cchc_err err = { 0 };
	f.use_hits = false;
	CHECK(task_list(db, &f, &v, &n, &err) == CCHC_OK);
	for (int i = 0; i < n; i++)
		out[i] = v[i].id;
	task_list_free(v, n);
	return n;
}

/* The same list paged 7 at a time forward by key, then backward by key
 * from the end; the counts of the list and before a key: from the hit set
 * (hits), or by each statement (the arms of keyset_arms). */
static void check_pages(struct db *db, struct task_filter f, const int64_t *want, int nwant,
			bool hits)
{
	struct cchc_err err = { 0 };
	int n = -1;
	if (hits) {
		CHECK(task_hits_build(db, &f, 0, &n, &err) == CCHC_OK);
		CHECK_INT(n, nwant);
	}
	f.use_hits = hits;
	int count = -1;
	CHECK(task_count(db, &f, &count, &err) == CCHC_OK);
	CHECK_INT(count, nwant);
	int got = 0;
	struct task_info last = { 0 };
	bool have_last = false;
	for (int guard = 0; guard < 100; guard++) {
		struct task_filter p = f;
		p.limit = 7;
		p.after = have_last ? &last : NULL;
		struct task_info *v;
		int k;
		CHECK(task_list(db, &p, &v, &k, &err) == CCHC_OK);
		for (int i = 0; i < k; i++, got++)
			if (got < nwant && v[i].id != want[got]) {
				fprintf(stderr, "  row %d: %lld, not %lld\n", got,
					(long long)v[i].id, (long long)want[got]);
				CHECK(false);
			}
		if (k) {
			if (have_last)
				task_info_free(&last);
			last = v[k - 1];
			v[k - 1] = (struct task_info){ 0 };
			have_last = true;
			/* the rows before the key, counted from the set */
			struct task_filter c = f;
			c.after = &last;
			c.reverse = true;
			int before = -1;
			CHECK(task_count(db, &c, &before, &err) == CCHC_OK);
			CHECK_INT(before, got - 1);
		}
		task_list_free(v, k);
		if (k < 7)
			break;
	}
	CHECK_INT(got, nwant);
	/* backward: the last rows first, returned in the list's order */
	struct task_filter p = f;
	p.reverse = true;
	p.limit = 5;
	struct task_info *v;
	int k;
	CHECK(task_list(db, &p, &v, &k, &err) == CCHC_OK);
	CHECK_INT(k, nwant < 5 ? nwant : 5);
	for (int i = 0; i < k; i++)
		CHECK(v[i].id == want[nwant - k + i]);
	/* on backward, each page before the first row of the one after */
	int at = nwant - k;
	struct task_info key = { 0 };
	bool have_key = false;
	if (k) {
		key = v[0];
		v[0] = (struct task_info){ 0 };
		have_key = true;
	}
	task_list_free(v, k);
	for (int guard = 0; have_key && at > 0 && guard < 100; guard++) {
		struct task_filter q = f;
		q.reverse = true;
		q.limit = 6;
		q.after = &key;
		CHECK(task_list(db, &q, &v, &k, &err) == CCHC_OK);
		CHECK_INT(k, at < 6 ? at : 6);
		for (int i = 0; i < k; i++)
			if (at - k + i >= 0 && v[i].id != want[at - k + i]) {
				fprintf(stderr, "  back: row %d is %lld, not %lld\n", at - k + i,
					(long long)v[i].id, (long long)want[at - k + i]);
				CHECK(false);
			}
		at -= k;
		task_info_free(&key);
		have_key = k > 0;
		if (k) {
			key = v[0];
			v[0] = (struct task_info){ 0 };
		}
		task_list_free(v, k);
		if (!k)
			break;
	}
	CHECK_INT(at, 0);
	if (have_key)
		task_info_free(&key);
	if (have_last)
		task_info_free(&last);
}

static void test_filters(struct db *db)
{
	int64_t want[100];
	/* "thu t" and "so s": one word serves both terms, as in the index */
	const char *queries[] = { NULL, "thu tuc", "cai cach", "so", "thủ tục số 1", "zzz", "!!",
				  "thu t", "so s", "t" };
	for (size_t q = 0; q < sizeof queries / sizeof queries[0]; q++)
		for (int mode = 0; mode < 5; mode++) {
			struct task_filter f = { .status = -1, .due_within = -1,
						 .title_query = queries[q] };
			if (mode == 1)
				f.unit_code = "PB";
			if (mode == 2)
				f.status = TASK_DONE;
			if (mode == 3)
				f.open_only = true;
			if (mode == 4) {
				f.unit_code = "pa";   /* codes ignore case */
				f.open_only = true;
			}
			int n = list_ids(db, f, want);
			int count = -1;
			struct cchc_err err = { 0 };
			CHECK(task_count(db, &f, &count, &err) == CCHC_OK);
			CHECK_INT(count, n);
			check_pages(db, f, want, n, true);
			check_pages(db, f, want, n, false);
			/* the words checked on each row read: the same rows */
			struct task_filter r = f;
			r.words_by_row = true;
			check_pages(db, r, want, n, false);
		}
	/* with a cap, a set larger than it is not put aside (n = -1) */
	struct task_filter tt = { .status = -1, .due_within = -1, .title_query = "thu tuc" };
	struct cchc_err err = { 0 };
	int n = 0;
	CHECK(task_hits_build(db, &tt, 5, &n, &err) == CCHC_OK);
	CHECK_INT(n, -1);
	CHECK(task_hits_build(db, &tt, 18, &n, &err) == CCHC_OK);
	CHECK_INT(n, 18);
	CHECK(task_hits_build(db, &tt, 17, &n, &err) == CCHC_OK);
	CHECK_INT(n, -1);
	/* what the filters mean, counted by hand from fill(): PB leads i % 3 == 1
	 * (20 tasks) and coordinates i % 3 == 0 with i % 4 < 2 (10 more; i % 4 == 0
	 * also names the lead itself, once) */
	struct task_filter f = { .status = -1, .due_within = -1, .unit_code = "PB" };
	CHECK_INT(list_ids(db, f, want), 30);
	f = (struct task_filter){ .status = TASK_DONE, .due_within = -1 };
	CHECK_INT(list_ids(db, f, want), 12);
	f = (struct task_filter){ .status = -1, .due_within = -1, .title_query = "zzz" };
	CHECK_INT(list_ids(db, f, want), 0);
}

static void test_one_letter(struct db *db)
{
	/* a last word of one letter is not a prefix in the full-text query:
	 * left out, so "thu t" lists what "thu" lists, and "t" alone lists all */
	char *e = search_match_expr("thu t", false, true);
	CHECK_STR(e, "\"thu\"");
	free(e);
	e = search_match_expr("t", false, true);
	CHECK_STR(e, "");
	free(e);
	e = search_match_expr("thu tu", false, true);
	CHECK_STR(e, "\"thu\" \"tu\"*");
	free(e);
	e = search_match_expr("th", false, true);      /* two letters alone: wait */
	CHECK_STR(e, "");
	free(e);
	e = search_match_expr("thu", false, true);
	CHECK_STR(e, "\"thu\"*");
	free(e);
	e = search_match_expr("ha ", false, true);     /* a finished word of two letters */
	CHECK_STR(e, "\"ha\"");
	free(e);
	e = search_match_expr("đ ", false, true);   /* a finished word of one letter stays */
	CHECK_STR(e, "\"d\"");
	free(e);
	int64_t a[100], b[100];
	struct task_filter f = { .status = -1, .due_within = -1, .title_query = "thu t" };
	struct task_filter g = { .status = -1, .due_within = -1, .title_query = "thu" };
	int na = list_ids(db, f, a), nb = list_ids(db, g, b);
	CHECK_INT(na, nb);
	CHECK(na > 0 && memcmp(a, b, sizeof a[0] * (size_t)na) == 0);
	/* the tasks' own index keeps prefixes of one letter: "t" alone is a
	 * condition (every title but "Số hóa hồ sơ" and "Đánh giá chỉ số hài
	 * lòng" has a word starting with t), and "kiem t" finds "Kiểm tra" */
	f.title_query = "t";
	CHECK(task_filter_has_words(&f));
	CHECK_INT(list_ids(db, f, a), 60 - 9 - 8);
	f.title_query = "kiem t";
	CHECK_INT(list_ids(db, f, a), 8);
	f.title_query = "kiem c";
	CHECK_INT(list_ids(db, f, a), 8);
	f.title_query = "kiem h";
	CHECK_INT(list_ids(db, f, a), 0);
	f.title_query = "!!";
	CHECK(task_filter_has_words(&f));   /* no words: nothing matches */
	CHECK_INT(list_ids(db, f, a), 0);
	/* the search screen waits for a second letter, and checks the letter */
	struct search_opts o = { .prefix = true, .limit = 100 };
	struct search_hit *h;
	int n;
	struct cchc_err err = { 0 };
	CHECK(search_run(db, "t", &o, &h, &n, &err) == CCHC_OK);
	CHECK_INT(n, 0);
	search_hits_free(h, n);
	/* "tra c" finds "Kiểm tra công vụ" (a word after "tra" starting with c),
	 * not "Rà soát thủ tục hành chính" nor "Tuyên truyền cải cách" */
	CHECK(search_run(db, "tra c", &o, &h, &n, &err) == CCHC_OK);
	int kiem = 0;
	for (int i = 0; i < n; i++) {
		kiem += strstr(h[i].title, "Kiểm tra công vụ") != NULL;
		CHECK(strstr(h[i].title, "Tuyên truyền") == NULL);
	}
	CHECK(kiem > 0);
	search_hits_free(h, n);
	CHECK(search_run(db, "tra", &o, &h, &n, &err) == CCHC_OK);
	int tra = 0;
	for (int i = 0; i < n; i++)
		tra += strstr(h[i].title, "Kiểm tra công vụ") != NULL;
	CHECK_INT(tra, kiem);
	search_hits_free(h, n);
}

static void test_due_by_unit(struct db *db)
{
	struct task_due_row *v;
	int n;
	struct cchc_err err = { 0 };
	/* far enough ahead that every open task with a date is due */
	CHECK(task_due_by_unit(db, 2000, 2, &v, &n, NULL, &err) == CCHC_OK);
	int64_t ids[100];
	for (int u = 0; u < 3; u++) {
		struct task_filter f = { .status = -1, .due_within = -1, .open_only = true,
					 .unit_code = units[u] };
		int open = list_ids(db, f, ids), dated = 0;
		for (int i = 0; i < open; i++) {
			struct task_info t;
			CHECK(task_get(db, ids[i], &t, &err) == CCHC_OK);
			dated += *t.due_on != '\0';
			task_info_free(&t);
		}
		int64_t uid = unit_id_by_code(db, units[u]);
		int rows = 0;
		for (int i = 0; i < n; i++)
			if (v[i].unit_id == uid) {
				CHECK_INT(v[i].unit_overdue + v[i].unit_soon, dated);
				rows++;
			}
		CHECK_INT(rows, dated < 2 ? dated : 2);
	}
	task_due_rows_free(v, n);
}

/* The totals task_due_by_unit gives are task_count's for the filters
 * overdue and due_within, tasks without a lead, in progress and paused
 * among them (the Overview's heading reads them there). */
static void test_due_totals(struct db *db, int64_t section)
{
	struct cchc_err err = { 0 };
	const char *due[] = { "01/03/2026", "16/06/2026", "02/05/2026", "17/06/2026" };
	const int status[] = { TASK_TODO, TASK_DOING, TASK_DOING, TASK_PAUSED };
	for (int i = 0; i < 4; i++) {
		struct task_input in = { .section_id = section, .title = "Không có đơn vị chủ trì",
					 .due_text = due[i], .status = status[i] };
		int64_t id;
		CHECK(task_add(db, &in, &id, &err) == CCHC_OK);
		char sql[96];
		snprintf(sql, sizeof sql, "UPDATE task SET status = '%s' WHERE id = %lld",
			 task_status_name(status[i]), (long long)id);
		CHECK(sqlite3_exec(db->h, sql, NULL, NULL, NULL) == SQLITE_OK);
	}
	CHECK_INT(db_int_by_text(db, "SELECT count(*) FROM task WHERE lead_unit_id IS NULL AND "
				 "status IN ('doing', 'paused') AND ?1 = ?1", "x"), 3);
	const int within[] = { 0, 1, 10, 2000 };
	for (int w = 0; w < 4; w++) {
		struct task_due_row *v;
		struct task_due_totals tot = { -1, -1 };
		int n, over = -1, soon = -1;
		CHECK(task_due_by_unit(db, within[w], 3, &v, &n, &tot, &err) == CCHC_OK);
		task_due_rows_free(v, n);
		struct task_filter f = { .status = -1, .overdue = true, .due_within = -1 };
		CHECK(task_count(db, &f, &over, &err) == CCHC_OK);
		f = (struct task_filter){ .status = -1, .due_within = within[w] };
		CHECK(task_count(db, &f, &soon, &err) == CCHC_OK);
		CHECK(over > 0);
		CHECK_INT(tot.overdue, over);
		CHECK_INT(tot.soon, soon);
	}
}

int main(void)
{
	CHECK(mkdtemp(tmpdir) != NULL);
	setenv("CCHC_TODAY", "2026-06-15", 1);
	setenv("CCHC_NO_AUTO_BACKUP", "1", 1);
	struct sbuf p = SBUF_INIT;
	sbuf_addf(&p, "%s/cchc.db", tmpdir);
	struct db db;
	struct cchc_err err = { 0 };
	CHECK(db_open(&db, p.s, &err) == CCHC_OK);
	bool loaded = false;
	CHECK(demo_ensure(&db, &loaded, &err) == CCHC_OK);
	/* the demo's plan and units, without its tasks: the counts are this test's */
	CHECK(sqlite3_exec(db.h, "DELETE FROM task", NULL, NULL, NULL) == SQLITE_OK);
	int64_t section = db_int_by_text(&db, "SELECT min(id) FROM section WHERE ?1 = ?1", "x");
	CHECK(section > 0);
	fill(&db, section);
	test_filters(&db);
	test_one_letter(&db);
	test_due_by_unit(&db);
	test_due_totals(&db, section);
	db_close(&db);
	sbuf_addf(&p, "-wal");
	char cmd[200];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
	CHECK(system(cmd) == 0);
	sbuf_free(&p);
	return check_report("test_task_filter");
}
