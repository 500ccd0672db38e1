/* Search benchmark (not a test): builds a database of N section paragraphs
 * (default 100000) made of sentences from the real plans, then times typical
 * queries. Prints figures; asserts nothing about time.
 *   bench_search [N] [DB]     */
#include <config.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "core/search.h"
#include "store/db.h"
#include "util/sbuf.h"

static const char *const phrases[] = {
	"Tiếp tục thực hiện có hiệu quả việc giải quyết thủ tục hành chính theo cơ chế một cửa",
	"một cửa liên thông thuộc thẩm quyền giải quyết của Sở", "Kịp thời cập nhật tiến độ",
	"kết quả giải quyết 100% hồ sơ thủ tục hành chính trên Hệ thống thông tin",
	"trường hợp giải quyết TTHC trễ hạn phải thực hiện thư xin lỗi cá nhân, tổ chức",
	"Tuyên truyền đa dạng hóa các hình thức cung cấp thông tin về TTHC",
	"Rà soát, điều chỉnh, bổ sung quy hoạch chức danh Trưởng, phó các Phòng thuộc Sở",
	"Thực hiện số hóa hồ sơ kết quả giải quyết thủ tục hành chính",
	"Nâng cao chất lượng hoạt động Trang thông tin điện tử của Sở",
	"Chỉ số hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước",
	"Quán triệt đội ngũ công chức chấp hành nghiêm các quy định về kỷ luật, kỷ cương hành chính",
	"Đội Kiểm tra liên ngành cửa khẩu Đồng Đăng", "Trung tâm Phục vụ hành chính công tỉnh",
	"dịch vụ công trực tuyến toàn trình", "thanh toán trực tuyến", "Ban Quản lý Khu kinh tế",
	"tiếp nhận, xử lý phản ánh, kiến nghị", "Phòng Quản lý Năng lượng", "Chi cục Thủy lợi",
};
#define NPHRASES (sizeof phrases / sizeof phrases[0])

static double now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

static void fill(struct db *db, int n)
{
	struct cchc_err err = { 0 };
	db_begin(db, &err);
	sqlite3_exec(db->h, "INSERT INTO plan(id, title, source_text, source_sha256, imported_at) "
		     "VALUES(1, 'Kế hoạch thử', '', 'x', '')", NULL, NULL, NULL);
	sqlite3_stmt *sec, *item;
	sqlite3_prepare_v2(db->h, "INSERT INTO section(id, plan_id, seq, depth, label, style, heading) "
			   "VALUES(?, 1, ?, 1, ?, 'dotted', ?)", -1, &sec, NULL);
	sqlite3_prepare_v2(db->h, "INSERT INTO section_item(section_id, seq, kind, text) "
			   "VALUES(?, 1, 'para', ?)", -1, &item, NULL);
	unsigned seed = 12345;
	for (int i = 1; i <= n; i++) {
		struct sbuf t = SBUF_INIT;
		for (int k = 0; k < 4; k++) {
			seed = seed * 1103515245u + 12345u;
			sbuf_addf(&t, "%s%s", k ? "; " : "", phrases[(seed >> 16) % NPHRASES]);
		}
		sbuf_addf(&t, " năm %d.", 2016 + i % 10);
		char label[16];
		snprintf(label, sizeof label, "%d.%d.", i / 100 + 1, i % 100 + 1);
		sqlite3_bind_int(sec, 1, i);
		sqlite3_bind_int(sec, 2, i);
		sqlite3_bind_text(sec, 3, label, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(sec, 4, phrases[i % NPHRASES], -1, SQLITE_STATIC);
		sqlite3_step(sec);
		sqlite3_reset(sec);
		sqlite3_bind_int(item, 1, i);
		sqlite3_bind_text(item, 2, t.s, -1, SQLITE_TRANSIENT);
		sqlite3_step(item);
		sqlite3_reset(item);
		sbuf_free(&t);
	}
	sqlite3_finalize(sec);
	sqlite3_finalize(item);
	db_commit(db, &err);
}

static void time_query(struct db *db, const char *q, bool exact, bool prefix, int reps)
{
	struct search_opts o = { .exact = exact, .prefix = prefix, .limit = 20 };
	double *t = calloc((size_t)reps, sizeof *t);
	int hits = 0;
	for (int r = 0; r < reps; r++) {
		struct search_hit *h;
		struct cchc_err err = { 0 };
		double t0 = now_ms();
		search_run(db, q, &o, &h, &hits, &err);
		t[r] = now_ms() - t0;
		search_hits_free(h, hits);
	}
	qsort(t, (size_t)reps, sizeof *t, cmp_double);
	printf("%-28s %-7s %5d hits  median %7.2f ms  p90 %7.2f ms  max %7.2f ms\n", q,
	       exact ? "exact" : prefix ? "prefix" : "folded", hits, t[reps / 2], t[reps * 9 / 10],
	       t[reps - 1]);
	free(t);
}

int main(int argc, char **argv)
{
	int n = argc > 1 ? atoi(argv[1]) : 100000;
	char path[256];
	snprintf(path, sizeof path, "%s", argc > 2 ? argv[2] : "/tmp/cchc-bench-search.db");
	unlink(path);
	struct db db;
	struct cchc_err err = { 0 };
	if (db_open(&db, path, &err)) {
		fprintf(stderr, "%s\n", err.msg);
		return 1;
	}
	double t0 = now_ms();
	fill(&db, n);
	printf("built %d sections + %d paragraphs with the index in %.0f ms\n", n, n, now_ms() - t0);
	/* search as a later session does: after the big write is checkpointed */
	db_close(&db);
	if (db_open(&db, path, &err)) {
		fprintf(stderr, "%s\n", err.msg);
		return 1;
	}
	const char *queries[] = { "thu tuc", "xin loi", "dong dang", "so hoa ho so",
				  "hanh chinh cong", "chi cuc thuy loi", "phan anh kien nghi" };
	for (size_t i = 0; i < sizeof queries / sizeof queries[0]; i++)
		time_query(&db, queries[i], false, false, 21);
	time_query(&db, "xin lỗi", true, false, 21);
	time_query(&db, "thủ tục", true, false, 21);
	time_query(&db, "dong da", false, true, 21);
	db_close(&db);
	if (!getenv("BENCH_KEEP"))
		unlink(path);
	return 0;
}
