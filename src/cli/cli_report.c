/* cchc report --period P --format F --out FILE; report note | notes | sections | deadlines */
#include <config.h>
#include <stdlib.h>
#include <string.h>
#include "cli/cli.h"
#include "core/exchange.h"
#include "core/report.h"
#include "core/settings.h"
#include "util/fsutil.h"

static int rp_export(struct cli_ctx *ctx, int argc, char **argv);
static int rp_note(struct cli_ctx *ctx, int argc, char **argv);
static int rp_notes(struct cli_ctx *ctx, int argc, char **argv);
static int rp_sections(struct cli_ctx *ctx, int argc, char **argv);
static int rp_deadlines(struct cli_ctx *ctx, int argc, char **argv);

const struct cli_cmd cli_report_cmds[] = {
	{ "report", "", rp_export, "--period KỲ --format docx|xlsx|md|html|txt|csv|cchc --out TỆP "
	  "[--force] [--encoding BẢNG_MÃ] [--plan MÃ_KH] [--date NGÀY] [--number SỐ]",
	  "Báo cáo kết quả CCHC của kỳ (2026-Q1, 2026-H1, 2026-Q3, 2026-9M, 2026, TỪ..ĐẾN) theo "
	  "thể thức văn bản hành chính: nội dung, Nơi nhận và người ký, rồi Phụ lục các biểu "
	  "(Biểu 4a/4b: hồ sơ TTHC theo đơn vị và theo lĩnh vực, mẫu II.06a); báo cáo năm so sánh "
	  "với năm trước và nêu kết quả các chỉ số. --number: số báo cáo (theo report.number, "
	  "dưới 10 thêm số 0); không có thì để trống cho văn thư điền; csv: một bảng một tệp, nhiều bảng thì --out là thư mục; "
	  "--out - in ra màn hình (txt, md, html). Tệp (hay thư mục csv) đã có chỉ bị thay khi "
	  "có --force; thư mục csv chỉ được thay khi trong đó toàn là biểu cchc đã ghi. Không "
	  "bao giờ ghi vào tệp dữ liệu đang dùng. cchc: số liệu của báo cáo và các biểu thành một "
	  "gói để Sở Nội vụ tổng hợp (cchc consolidate)." },
	{ "report", "note", rp_note, "--period KỲ --section MỤC (--text NỘI_DUNG | --file TỆP)",
	  "Ghi nội dung do Văn phòng viết cho một mục của báo cáo kỳ (đánh giá, hạn chế, phương "
	  "hướng, kiến nghị...); nội dung rỗng thì xóa." },
	{ "report", "notes", rp_notes, "--period KỲ", "In các nội dung đã viết cho báo cáo kỳ." },
	{ "report", "sections", rp_sections, "", "Liệt kê các mục báo cáo có thể ghi nội dung." },
	{ "report", "deadlines", rp_deadlines, "[NĂM]",
	  "Các kỳ báo cáo CCHC của năm: ngày chốt số liệu và hạn gửi." },
	{ NULL, NULL, NULL, NULL, NULL },
};

struct export_opts {
	const char *period, *format, *out, *encoding, *plan, *date, *number;
	bool force; /* --force: an existing file may be replaced */
};

static int export_args(int argc, char **argv, struct export_opts *o)
{
	const struct cli_cmd *cmd = &cli_report_cmds[0];
	for (int i = 0; i < argc; i++)
		if (strcmp(argv[i], "--force") == 0)
			o->force = true;
		else if (!cli_opt_value(argc, argv, &i, "--period", &o->period) &&
		    !cli_opt_value(argc, argv, &i, "--format", &o->format) &&
		    !cli_opt_value(argc, argv, &i, "--out", &o->out) &&
		    !cli_opt_value(argc, argv, &i, "--encoding", &o->encoding) &&
		    !cli_opt_value(argc, argv, &i, "--plan", &o->plan) &&
		    !cli_opt_value(argc, argv, &i, "--date", &o->date) &&
		    !cli_opt_value(argc, argv, &i, "--number", &o->number))
			return cli_usage_error(cmd, "đối số không rõ: %s", argv[i]);
	if (!o->period || !o->format || !o->out)
		return cli_usage_error(cmd, "cần --period, --format và --out");
	return CLI_OK;
}

static int rp_export(struct cli_ctx *ctx, int argc, char **argv)
{
	const struct cli_cmd *cmd = &cli_report_cmds[0];
	struct export_opts o = { 0 };
	if (export_args(argc, argv, &o))
		return CLI_USAGE;
	enum doc_format fmt;
	bool package = strcmp(o.format, "cchc") == 0;
	if (package && (strcmp(o.out, "-") == 0 || o.encoding || o.plan || o.number || o.date))
		return cli_usage_error(cmd, "--format cchc ghi ra một TỆP, không kèm --encoding, "
				       "--plan, --number, --date");
	if (!package && cli_doc_format(cmd, o.format, o.out, o.encoding, &fmt))
		return CLI_USAGE;
	if (package) {
		struct period p;
		if (cli_period(ctx, o.period, &p))
			return CLI_ERR;
		struct cchc_err err = { 0 };
		if (exchange_report_write(&ctx->db, &p, o.out, o.force ? FS_OVERWRITE : FS_NEW, &err))
			return cli_error(&err);
		printf("Đã ghi gói số liệu báo cáo %s vào ", p.label);
		cli_put_text(stdout, o.out);
		puts(".");
		return CLI_OK;
	}
	struct ymd date = { 0, 0, 0 };
	if (o.date && !date_parse_dmy(o.date, &date) && !date_parse_iso(o.date, &date))
		return cli_usage_error(cmd, "ngày \"%s\" không hợp lệ", o.date);
	char *end;
	long long plan = o.plan ? strtoll(o.plan, &end, 10) : 0;
	if (o.plan && (*end || plan <= 0))
		return cli_usage_error(cmd, "mã kế hoạch \"%s\" không hợp lệ", o.plan);
	long long number = o.number ? strtoll(o.number, &end, 10) : 0;
	if (o.number && (*end || number <= 0 || number > 99999))
		return cli_usage_error(cmd, "số báo cáo \"%s\" không hợp lệ (một số từ 1)", o.number);
	struct period p;
	if (cli_period(ctx, o.period, &p))
		return CLI_ERR;
	struct cchc_err err = { 0 };
	struct doc d;
	doc_init(&d);
	struct report_opts ro = { plan, date, (int)number };
	int rc = report_build(&ctx->db, &p, &ro, &d, &err);
	if (!rc)
		rc = cli_doc_out(&d, fmt, o.out, o.encoding, o.force, &err);
	doc_free(&d);
	return rc ? cli_error(&err) : CLI_OK;
}

static int rp_note(struct cli_ctx *ctx, int argc, char **argv)
{
	const struct cli_cmd *cmd = &cli_report_cmds[1];
	const char *period = NULL, *section = NULL, *text = NULL, *file = NULL;
	for (int i = 0; i < argc; i++)
		if (!cli_opt_value(argc, argv, &i, "--period", &period) &&
		    !cli_opt_value(argc, argv, &i, "--section", &section) &&
		    !cli_opt_value(argc, argv, &i, "--text", &text) &&
		    !cli_opt_value(argc, argv, &i, "--file", &file))
			return cli_usage_error(cmd, "đối số không rõ: %s", argv[i]);
	if (!period || !section || !text == !file)
		return cli_usage_error(cmd, "cần --period, --section và một trong --text, --file");
	struct period p;
	if (cli_period(ctx, period, &p))
		return CLI_ERR;
	struct cchc_err err = { 0 };
	char *content = NULL;
	size_t len;
	if (file && fs_read_file(file, 1 << 20, &content, &len, &err))
		return cli_error(&err);
	int rc = report_note_set(&ctx->db, p.code, section, file ? content : text, &err);
	free(content);
	return rc ? cli_error(&err) : CLI_OK;
}

static int rp_notes(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *period = NULL;
	for (int i = 0; i < argc; i++)
		if (!cli_opt_value(argc, argv, &i, "--period", &period))
			return cli_usage_error(&cli_report_cmds[2], "đối số không rõ: %s", argv[i]);
	if (!period)
		return cli_usage_error(&cli_report_cmds[2], "cần --period");
	struct period p;
	if (cli_period(ctx, period, &p))
		return CLI_ERR;
	struct cchc_err err = { 0 };
	for (const struct report_section *s = report_sections; s->key; s++) {
		char *text;
		if (report_note_get(&ctx->db, p.code, s->key, &text, &err))
			return cli_error(&err);
		if (*text) {
			printf("[%s] %s\n", s->key, s->title);
			for (char *line = text, *nl; line; line = nl ? nl + 1 : NULL) {
				if ((nl = strchr(line, '\n')))
					*nl = 0;
				cli_put_text(stdout, line);
				putchar('\n');
			}
			putchar('\n');
		}
		free(text);
	}
	return CLI_OK;
}

static int rp_sections(struct cli_ctx *ctx, int argc, char **argv)
{
	if (argc)
		return cli_usage_error(&cli_report_cmds[3], "không cần đối số");
	for (const struct report_section *s = report_sections; s->key; s++)
		printf("%s\t%s\n", s->key, s->title);
	return CLI_OK;
}

static int rp_deadlines(struct cli_ctx *ctx, int argc, char **argv)
{
	struct ymd today;
	struct cchc_err err = { 0 };
	if (date_today(&today, &err))
		return cli_error(&err);
	int year = argc ? atoi(argv[0]) : today.y;
	if (argc > 1 || year < 1900 || year > 2999)
		return cli_usage_error(&cli_report_cmds[4], "năm không hợp lệ");
	if (cli_open_db(ctx))
		return CLI_ERR;
	static const char *const kinds[] = { "-Q1", "-H1", "-Q3", "-9M", "" };
	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
		char code[16], a[11], b[11], c[11] = "";
		snprintf(code, sizeof code, "%d%s", year, kinds[i]);
		struct period p;
		struct ymd dl;
		if (period_parse(code, settings_get_int(&ctx->db, "period.cutoff_day", 15), &p, &err))
			return cli_error(&err);
		date_format_vn(p.from, a);
		date_format_vn(p.to, b);
		if (report_deadline(&ctx->db, &p, &dl))
			date_format_vn(dl, c);
		printf("%s\t%s\t%s\t%s\t%s\n", p.code, p.label, a, b, c);
	}
	return CLI_OK;
}
