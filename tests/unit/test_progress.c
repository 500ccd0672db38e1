/* Progress of long work (util/progress.h): the line's text (counts with
 * Vietnamese digit groups, percent, time left), and a sink that is told
 * each draw and can ask the work to stop. */
#include <config.h>
#include <string.h>
#include <time.h>
#include "check.h"
#include "util/progress.h"

static void check_line(struct progress_view v, bool esc, const char *want)
{
	char line[256];
	progress_format(&v, esc, line, sizeof line);
	CHECK_STR(line, want);
}

static void test_numbers(void)
{
	char s[32];
	progress_number(0, s, sizeof s);
	CHECK_STR(s, "0");
	progress_number(999, s, sizeof s);
	CHECK_STR(s, "999");
	progress_number(1000, s, sizeof s);
	CHECK_STR(s, "1.000");
	progress_number(1234567, s, sizeof s);
	CHECK_STR(s, "1.234.567");
	progress_number(-45000, s, sizeof s);
	CHECK_STR(s, "-45.000");
}

static void test_time_left(void)
{
	struct progress_view v = { .what = "Nhập hồ sơ", .done = 25, .total = 100, .elapsed = 10 };
	char s[64];
	progress_time_left(&v, s, sizeof s);
	CHECK_STR(s, "còn khoảng 30 giây");
	v.elapsed = 40;          /* 120 s left */
	progress_time_left(&v, s, sizeof s);
	CHECK_STR(s, "còn khoảng 2 phút 0 giây");
	v.elapsed = 1250;        /* 3750 s left */
	progress_time_left(&v, s, sizeof s);
	CHECK_STR(s, "còn khoảng 1 giờ 2 phút");
	v.elapsed = 0.5;         /* too early to tell */
	progress_time_left(&v, s, sizeof s);
	CHECK_STR(s, "");
	v.elapsed = 10;
	v.done = 0;              /* nothing done yet */
	progress_time_left(&v, s, sizeof s);
	CHECK_STR(s, "");
	v.done = 100;            /* finished */
	progress_time_left(&v, s, sizeof s);
	CHECK_STR(s, "");
	v.done = 50;
	v.total = 0;             /* total unknown */
	progress_time_left(&v, s, sizeof s);
	CHECK_STR(s, "");
}

static void test_lines(void)
{
	struct progress_view v = { .what = "Nhập hồ sơ", .unit = "dòng", .count = 120000,
				   .done = 12, .total = 100, .elapsed = 12, .can_cancel = true };
	check_line(v, false, "Nhập hồ sơ: 120.000 dòng · 12% · còn khoảng 1 phút 28 giây");
	check_line(v, true, "Nhập hồ sơ: 120.000 dòng · 12% · còn khoảng 1 phút 28 giây "
		   "(Esc: dừng)");
	v.can_cancel = false;    /* no Esc offered for work that cannot stop */
	check_line(v, true, "Nhập hồ sơ: 120.000 dòng · 12% · còn khoảng 1 phút 28 giây");
	v.done = 150;            /* more than the total (a file that grew): 100% */
	check_line(v, false, "Nhập hồ sơ: 120.000 dòng · 100%");
	struct progress_view pages = { .what = "Sao lưu", .unit = "trang", .count = 3,
				       .done = 3, .total = 7, .elapsed = 0.2 };
	check_line(pages, false, "Sao lưu: 3 trang · 42%");
	struct progress_view pct = { .what = "Khôi phục", .done = 1, .total = 3 };
	check_line(pct, false, "Khôi phục: 33%");
	struct progress_view alive = { .what = "Kiểm tra", .elapsed = 4.2 };
	check_line(alive, false, "Kiểm tra: 4 giây");
}

struct seen {
	int draws, finals, ends;
	int64_t last_count;
	bool stop;
};

static void seen_draw(void *ctx, const struct progress_view *v, bool final)
{
	struct seen *s = ctx;
	s->draws++;
	s->finals += final;
	s->last_count = v->count;
}

static void seen_end(void *ctx)
{
	((struct seen *)ctx)->ends++;
}

static bool seen_stop(void *ctx)
{
	return ((struct seen *)ctx)->stop;
}

static void pause_a_draw(void)
{
	struct timespec ts = { 0, 120 * 1000 * 1000 };
	nanosleep(&ts, NULL);
}

/* Draws are limited to ten a second; Esc stops only work that can stop. */
static void test_sink(void)
{
	struct seen s = { 0 };
	const struct progress_sink sink = { seen_draw, seen_end, seen_stop, &s };
	progress_set_sink(&sink);
	struct progress *p = progress_begin("Nhập hồ sơ", "dòng", 1000, PROGRESS_CANCEL);
	CHECK_INT(s.draws, 1);
	for (int i = 1; i <= 1000; i++)
		CHECK(progress_update(p, i, i));
	CHECK(s.draws < 5);      /* a thousand updates in far less than 0.4 s */
	s.stop = true;
	pause_a_draw();
	CHECK(!progress_update(p, 1000, 1000));
	CHECK(progress_cancelled(p));
	CHECK(!progress_tick(p));
	progress_end(p);
	CHECK_INT(s.finals, 1);
	CHECK_INT(s.ends, 1);
	CHECK_INT(s.last_count, 1000);

	memset(&s, 0, sizeof s);
	s.stop = true;           /* asked, but a step that cannot stop goes on */
	p = progress_begin("Kiểm tra", NULL, 0, 0);
	pause_a_draw();
	CHECK(progress_tick(p));
	CHECK(!progress_cancelled(p));
	progress_end(p);
	CHECK_INT(s.draws, 3);
	progress_set_sink(NULL);
}

int main(void)
{
	test_numbers();
	test_time_left();
	test_lines();
	test_sink();
	return check_report("test_progress");
}
