/* cchc workdays DATE N | between D1 D2 | holidays YEAR */
#include <config.h>
#include <stdlib.h>
#include <string.h>
#include "cli/cli.h"
#include "core/calendar.h"

static int workdays_cmd(struct cli_ctx *ctx, int argc, char **argv);
static int holidays_cmd(struct cli_ctx *ctx, int argc, char **argv);

const struct cli_cmd cli_workdays_cmds[] = {
	{ "workdays", "", workdays_cmd, "NGÀY N | between NGÀY1 NGÀY2",
	  "Ngày làm việc thứ N sau NGÀY (N âm: trước), hoặc số ngày làm việc từ NGÀY1 đến NGÀY2." },
	{ "holidays", "", holidays_cmd, "NĂM",
	  "Liệt kê ngày nghỉ lễ, Tết và ngày làm bù của NĂM (và cho biết nguồn)." },
	{ NULL, NULL, NULL, NULL, NULL },
};

static bool parse_date(const char *s, struct ymd *d)
{
	return date_parse_iso(s, d) || date_parse_dmy(s, d);
}

static int bad_date(const struct cli_cmd *cmd, const char *s)
{
	return cli_usage_error(cmd, "ngày \"%s\" không hợp lệ (dùng dd/mm/yyyy hoặc YYYY-MM-DD, "
			       "năm từ 1901 đến 2199)", s);
}

/* Tells the clerk which years were computed rather than read from a file,
 * and which holiday files were there but had no dates. */
static void computed_notice(struct calendar *c, int from, int to)
{
	for (int y = from; y <= to; y++)
		if (calendar_empty_file(c, y))
			fprintf(stderr, "cchc: tệp ngày nghỉ %s không có ngày nào (chỉ có chú thích "
				"hoặc dòng trống); ngày nghỉ năm %d đã được tính theo Bộ luật Lao động "
				"và âm lịch như khi không có tệp, hãy ghi các ngày vào tệp hoặc đối "
				"chiếu với thông báo chính thức.\n", calendar_empty_file(c, y), y);
		else if (calendar_computed(c, y))
			fprintf(stderr, "cchc: năm %d chưa có tệp ngày nghỉ chính thức "
				"(data/holidays/%d.txt); ngày nghỉ đã được tính theo Bộ luật Lao động và "
				"âm lịch, hãy đối chiếu với thông báo chính thức.\n", y, y);
}

static int workdays_cmd(struct cli_ctx *ctx, int argc, char **argv)
{
	(void)ctx;
	const struct cli_cmd *cmd = &cli_workdays_cmds[0];
	bool between = argc > 0 && strcmp(argv[0], "between") == 0;
	if (argc != (between ? 3 : 2))
		return cli_usage_error(cmd, "sai số đối số");
	struct ymd a, b;
	if (!parse_date(argv[between ? 1 : 0], &a) || a.y < 1901 || a.y > 2199)
		return bad_date(cmd, argv[between ? 1 : 0]);
	char *end;
	long n = 0;
	if (between) {
		if (!parse_date(argv[2], &b) || b.y < 1901 || b.y > 2199)
			return bad_date(cmd, argv[2]);
	} else {
		n = strtol(argv[1], &end, 10);
		if (!*argv[1] || *end || n < -10000 || n > 10000)
			return cli_usage_error(cmd, "số ngày \"%s\" không hợp lệ (từ -10000 đến 10000)",
					       argv[1]);
	}
	struct calendar *c = calendar_new();
	struct cchc_err err = { 0 };
	int rc, count = 0;
	if (between)
		rc = calendar_between(c, a, b, &count, &err);
	else
		rc = calendar_add(c, a, (int)n, &b, &err);
	if (rc == CCHC_OK && !between && (b.y < 1901 || b.y > 2199))
		rc = err_set(&err, CCHC_EINPUT, "Kết quả nằm ngoài các năm 1901-2199 mà lịch hỗ trợ");
	if (rc == CCHC_OK) {
		char iso[11];
		date_format_iso(b, iso);
		if (between)
			printf("%d\n", count);
		else
			printf("%s\n", iso);
		computed_notice(c, a.y < b.y ? a.y : b.y, a.y < b.y ? b.y : a.y);
	}
	calendar_free(c);
	return rc ? cli_error(&err) : CLI_OK;
}

static int holidays_cmd(struct cli_ctx *ctx, int argc, char **argv)
{
	(void)ctx;
	const struct cli_cmd *cmd = &cli_workdays_cmds[1];
	char *end;
	long year = argc == 1 ? strtol(argv[0], &end, 10) : 0;
	if (argc != 1 || *end || year < 1901 || year > 2199)
		return cli_usage_error(cmd, "cần một năm, ví dụ 2026");
	struct calendar *c = calendar_new();
	struct cchc_err err = { 0 };
	int n;
	const struct holiday *h = calendar_year(c, (int)year, &n, &err);
	if (!h && err.code) {
		calendar_free(c);
		return cli_error(&err);
	}
	for (int i = 0; i < n; i++) {
		char iso[11];
		date_format_iso(h[i].d, iso);
		printf("%s\t%s\t", iso, h[i].work ? "làm" : "nghỉ");
		cli_put_field(stdout, h[i].name);
		putchar('\n');
	}
	computed_notice(c, (int)year, (int)year);
	calendar_free(c);
	return CLI_OK;
}
