/* Citizen feedback core: parsing what the clerk types, the transition table,
 * refusals, keyset paging in both directions, and the report figures. */
#include <config.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "check.h"
#include "core/feedback.h"
#include "core/unit.h"
#include "store/db.h"
#include "util/sbuf.h"

static char tmpdir[] = "/tmp/cchc-test-feedback-XXXXXX";

static void test_parsing(void)
{
	CHECK_STR(feedback_channel_parse("Bưu chính"), "van-ban");
	CHECK_STR(feedback_channel_parse("  DUONG  DAY  NONG "), "dien-thoai");
	CHECK_STR(feedback_channel_parse("Cổng Dịch vụ công quốc gia"), "cong-dvc");
	CHECK_STR(feedback_channel_parse("e-mail"), "email");
	CHECK(feedback_channel_parse("fax") == NULL);
	CHECK(feedback_channel_parse("") == NULL);
	CHECK(feedback_channel_parse("-") == NULL);
	CHECK_STR(feedback_kind_parse("Kiến Nghị"), "kien-nghi");
	CHECK_STR(feedback_topic_parse("Quy định hành chính không phù hợp với thực tế"), "khong-phu-hop");
	CHECK_STR(feedback_topic_parse("khong dong bo"), "khong-dong-bo");
	CHECK_STR(feedback_channel_label("phieu"), "phiếu lấy ý kiến");
	CHECK_STR(feedback_channel_label("zzz"), "zzz");
	CHECK_STR(feedback_topic_label(""), "");
	CHECK_INT(feedback_status_parse("Đã công khai"), FEEDBACK_PUBLISHED);
	CHECK_INT(feedback_status_parse("khong du dieu kien xu ly"), FEEDBACK_REJECTED);
	CHECK_INT(feedback_status_parse("luu"), FEEDBACK_ARCHIVED);
	CHECK_INT(feedback_status_parse("done"), -1);
	CHECK_STR(feedback_step_label("tiep-nhan"), "Tiếp nhận");
	CHECK_STR(feedback_step_label("da-vao-so"), "Vào sổ");
	CHECK_STR(feedback_step_label("giao"), "Đã giao phòng xử lý");
}

static void test_transitions(void)
{
	unsigned first = (1u << FEEDBACK_CLASSIFY) | (1u << FEEDBACK_REJECT) |
			 (1u << FEEDBACK_FORWARD) | (1u << FEEDBACK_ASSIGN);
	CHECK_INT(feedback_next_verbs(FEEDBACK_REGISTERED), first);
	CHECK_INT(feedback_next_verbs(FEEDBACK_CLASSIFIED), first);
	CHECK_INT(feedback_next_verbs(FEEDBACK_ASSIGNED),
		  (1u << FEEDBACK_PROGRESS) | (1u << FEEDBACK_ANSWER));
	CHECK_INT(feedback_next_verbs(FEEDBACK_ANSWERED), 1u << FEEDBACK_PUBLISH);
	CHECK_INT(feedback_next_verbs(FEEDBACK_FORWARDED), 1u << FEEDBACK_ARCHIVE);
	CHECK_INT(feedback_next_verbs(FEEDBACK_ARCHIVED), 0);
	CHECK_INT(feedback_verb_target(FEEDBACK_PROGRESS), FEEDBACK_IN_PROGRESS);
	CHECK(feedback_status_open(FEEDBACK_IN_PROGRESS) && !feedback_status_open(FEEDBACK_ANSWERED));
}

static int64_t add(struct db *db, const char *sender, const char *received)
{
	struct feedback_input in = { .received = received, .channel = "truc tiep", .sender = sender,
				     .content = "Nội dung" };
	struct cchc_err err = { 0 };
	int64_t id = 0;
	CHECK(feedback_add(db, &in, &id, &err) == CCHC_OK);
	return id;
}

static int act(struct db *db, int64_t id, enum feedback_verb v, struct feedback_action a)
{
	struct cchc_err err = { 0 };
	int rc = feedback_act(db, id, v, &a, &err);
	if (rc)
		fprintf(stderr, "  (feedback %lld %s: %s)\n", (long long)id, feedback_verb_code(v),
			err.msg);
	return rc;
}

static void test_workflow(struct db *db)
{
	struct cchc_err err = { 0 };
	int64_t id = add(db, "Một", "2026-06-01");
	struct feedback_action a = { .date = "2026-06-02", .text = "x" };
	CHECK(feedback_act(db, id, FEEDBACK_ANSWER, &a, &err) == CCHC_EINPUT);
	CHECK(strstr(err.msg, "đang ở bước \"Đã vào sổ\": phải giao phòng xử lý (cchc feedback "
		      "assign) trước khi trả lời.") != NULL);
	CHECK(act(db, id, FEEDBACK_ASSIGN, (struct feedback_action){ .unit = "vp",
		  .date = "02/06/2026" }) == CCHC_OK);
	unsigned verbs;
	CHECK(feedback_allowed(db, id, &verbs, &err) == CCHC_OK);
	CHECK_INT(verbs, (1u << FEEDBACK_PROGRESS) | (1u << FEEDBACK_ANSWER));
	struct feedback_info f;
	CHECK(feedback_get(db, id, &f, &err) == CCHC_OK);
	CHECK_STR(f.due_on, "2026-06-22"); /* 15 working days from Monday 01/06 */
	CHECK_STR(f.unit_code, "VP");
	feedback_info_free(&f);
	CHECK(act(db, id, FEEDBACK_ANSWER, (struct feedback_action){ .date = "2026-06-23",
		  .text = "Trả lời" }) == CCHC_OK);
	CHECK(feedback_get(db, id, &f, &err) == CCHC_OK);
	CHECK(f.late && !f.overdue && f.status == FEEDBACK_ANSWERED);
	CHECK_STR(f.due_at_close, "2026-06-22");
	CHECK_STR(f.due_on, "");
	feedback_info_free(&f);
	struct feedback_step *s;
	int n;
	CHECK(feedback_steps(db, id, &s, &n, &err) == CCHC_OK && n == 4);
	CHECK(n == 4 && s[3].seq == 4 && strcmp(s[3].step, "da-tra-loi") == 0);
	feedback_steps_free(s, n);
	CHECK(feedback_act(db, 999, FEEDBACK_ASSIGN, &a, &err) == CCHC_ENOTFOUND);
}

/* The ids of a page, as "3 1 2". */
static char *page_ids(struct db *db, const struct feedback_filter *f)
{
	struct feedback_info *v;
	int n;
	struct cchc_err err = { 0 };
	struct sbuf b = SBUF_INIT;
	if (feedback_list(db, f, &v, &n, &err) != CCHC_OK)
		return xstrdup(err.msg);
	for (int i = 0; i < n; i++)
		sbuf_addf(&b, "%s%lld", i ? " " : "", (long long)v[i].id);
	feedback_list_free(v, n);
	return sbuf_detach(&b);
}

static void test_paging(struct db *db)
{
	/* record 1 is closed (no due); 2..5 are open with dues 08/06, 08/06, 03/06, 15/06 */
	add(db, "Hai", "2026-06-01");
	add(db, "Ba", "2026-06-01");
	int64_t four = add(db, "Bốn", "2026-05-27");
	add(db, "Năm", "2026-06-08");
	(void)four;
	struct feedback_filter f = { .status = -1, .due_within = -1 };
	char *all = page_ids(db, &f);
	CHECK_STR(all, "4 2 3 5 1");
	free(all);
	int count;
	struct cchc_err err = { 0 };
	CHECK(feedback_count(db, &f, &count, &err) == CCHC_OK && count == 5);
	struct feedback_info key = { .id = 2 };
	strcpy(key.due_on, "2026-06-08");
	f.limit = 2;
	f.after = &key;
	char *next = page_ids(db, &f);
	CHECK_STR(next, "3 5");
	free(next);
	f.reverse = true;
	char *prev = page_ids(db, &f);
	CHECK_STR(prev, "4");
	free(prev);
	struct feedback_info last = { .id = 5 };
	strcpy(last.due_on, "2026-06-15");
	f.after = &last;
	f.reverse = false;
	char *tail = page_ids(db, &f);
	CHECK_STR(tail, "1");
	free(tail);
	struct feedback_info none = { .id = 1 };
	f.after = &none;
	f.reverse = true;
	char *before_null = page_ids(db, &f);
	CHECK_STR(before_null, "3 5");
	free(before_null);
	f.after = NULL;
	f.reverse = true;
	char *end = page_ids(db, &f);
	CHECK_STR(end, "5 1");
	free(end);
}

static void test_stats(struct db *db)
{
	/* Record 1 was answered on 23/06 (due 22/06: late); 2 and 3 are due
	 * 08/06, 4 03/06, 5 15/06. Up to 10/06: 1 is still pending, not overdue
	 * (its due then was 22/06); 2, 3, 4 are overdue. */
	struct feedback_stats st;
	struct cchc_err err = { 0 };
	struct ymd from = { 2026, 6, 1 }, to = { 2026, 6, 10 };
	CHECK(feedback_stats(db, from, to, &st, &err) == CCHC_OK);
	CHECK_INT(st.received, 4);
	CHECK_INT(st.carried, 1);
	CHECK_INT(st.handled_total, 0);
	CHECK_INT(st.pending_total, 5);
	CHECK_INT(st.pending_overdue, 3);
	to.d = 30;
	CHECK(feedback_stats(db, from, to, &st, &err) == CCHC_OK);
	CHECK_INT(st.handled_total, 1);
	CHECK_INT(st.handled_late, 1);
	CHECK_INT(st.pending_total, 4);
	CHECK_INT(st.pending_overdue, 4);
}

int main(void)
{
	if (!mkdtemp(tmpdir))
		return 99;
	setenv("CCHC_TODAY", "2026-11-24", 1);
	test_parsing();
	test_transitions();
	struct sbuf path = SBUF_INIT;
	sbuf_addf(&path, "%s/cchc.db", tmpdir);
	struct db db;
	struct cchc_err err = { 0 };
	CHECK(db_open(&db, path.s, &err) == CCHC_OK);
	int64_t unit;
	CHECK(unit_add(&db, "Văn phòng Sở", "VP", "", NULL, &unit, &err) == CCHC_OK);
	test_workflow(&db);
	test_paging(&db);
	test_stats(&db);
	db_close(&db);
	sbuf_free(&path);
	check_remove_dir(tmpdir);
	return check_report("test_feedback");
}
