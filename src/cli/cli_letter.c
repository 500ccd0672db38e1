/* cchc letter add | edit | show | list | print | stats | template */
#include <config.h>
#include <stdlib.h>
#include <string.h>
#include "cli/cli.h"
#include "core/letter.h"
#include "core/period.h"
#include "core/settings.h"
#include "text/date.h"

static int lt_add(struct cli_ctx *ctx, int argc, char **argv);
static int lt_edit(struct cli_ctx *ctx, int argc, char **argv);
static int lt_show(struct cli_ctx *ctx, int argc, char **argv);
static int lt_list(struct cli_ctx *ctx, int argc, char **argv);
static int lt_print(struct cli_ctx *ctx, int argc, char **argv);
static int lt_stats(struct cli_ctx *ctx, int argc, char **argv);
static int lt_template(struct cli_ctx *ctx, int argc, char **argv);

#define LETTER_FIELDS \
	"[--addressee NGƯỜI_NHẬN] [--address ĐỊA_CHỈ] [--contact LIÊN_HỆ] [--authority KT._GIÁM_ĐỐC] " \
	"[--signer-title CHỨC_VỤ] [--signer NGƯỜI_KÝ] [--channel giay|email|sms|zalo] [--sent NGÀY_GỬI]"

const struct cli_cmd cli_letter_cmds[] = {
	{ "letter", "add", lt_add, "--dossier MÃ_HỒ_SƠ --reason LÝ_DO --new-date NGÀY [--date NGÀY] "
	  "[--unit MÃ_ĐV] " LETTER_FIELDS,
	  "Lập phiếu xin lỗi và hẹn lại ngày trả kết quả cho hồ sơ trễ hạn; in mã số. Mỗi hồ sơ chỉ "
	  "một phiếu; phiếu lập muộn hơn một ngày làm việc trước hạn được ghi \"gửi muộn\"." },
	{ "letter", "edit", lt_edit, "MÃ [--reason LÝ_DO] [--new-date NGÀY] [--date NGÀY] [--unit MÃ_ĐV] "
	  LETTER_FIELDS, "Sửa phiếu xin lỗi (số phiếu và hồ sơ không đổi)." },
	{ "letter", "show", lt_show, "MÃ", "In chi tiết một phiếu xin lỗi." },
	{ "letter", "list", lt_list, "[--period KỲ] [--unit MÃ_ĐV] [--late] [--format text|tsv]",
	  "Liệt kê phiếu xin lỗi theo ngày (tsv: mã, số phiếu, mã hồ sơ, ngày phiếu, ngày hẹn mới, "
	  "gui-muon hoặc trống)." },
	{ "letter", "print", lt_print, "MÃ --format docx|txt|md|html --out TỆP [--force] "
	  "[--encoding BẢNG_MÃ]",
	  "In văn bản xin lỗi ra tệp theo thể thức văn bản hành chính. Mẫu chọn theo ngày của văn "
	  "bản: trước ngày trong thiết lập letter.form_switch (mặc định 15/09/2025) là Phiếu xin "
	  "lỗi và hẹn lại ngày trả kết quả (mẫu 04, Thông tư 01/2018/TT-VPCP, tệp letter-2018.txt), "
	  "từ ngày đó là Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết (mẫu 04, Thông tư "
	  "03/2025/TT-VPCP, tệp letter-2025.txt). --out - in ra màn hình (txt, md, html). Tệp đã "
	  "có chỉ bị thay khi có --force; không bao giờ ghi vào tệp dữ liệu đang dùng." },
	{ "letter", "stats", lt_stats, "--period KỲ [--format text|tsv]",
	  "Phiếu xin lỗi trong kỳ: số phiếu, gửi muộn, tỷ lệ hồ sơ trễ hạn có phiếu, theo đơn vị." },
	{ "letter", "template", lt_template, "2018|2025",
	  "In mẫu văn bản xin lỗi đang dùng. Muốn sửa: cchc letter template 2025 > "
	  "~/.config/cchc/templates/letter-2025.txt rồi sửa tệp đó (giữ tên tệp); cchc dùng bản "
	  "đã sửa thay bản có sẵn. Đầu tệp liệt kê các khóa (type, addressee, recipient...) và các "
	  "trường {addressee}, {reason}, {unit}, {new_due}...; trường sai tên bị báo kèm số dòng "
	  "khi in." },
	{ NULL, NULL, NULL, NULL, NULL },
};

static int letter_options(const struct cli_cmd *cmd, int argc, char **argv, int start,
			  struct letter_input *in)
{
	for (int i = start; i < argc; i++) {
		if (cli_opt_value(argc, argv, &i, "--dossier", &in->dossier_code) ||
		    cli_opt_value(argc, argv, &i, "--reason", &in->reason) ||
		    cli_opt_value(argc, argv, &i, "--new-date", &in->new_date) ||
		    cli_opt_value(argc, argv, &i, "--date", &in->date) ||
		    cli_opt_value(argc, argv, &i, "--unit", &in->unit) ||
		    cli_opt_value(argc, argv, &i, "--addressee", &in->addressee) ||
		    cli_opt_value(argc, argv, &i, "--address", &in->address) ||
		    cli_opt_value(argc, argv, &i, "--contact", &in->contact) ||
		    cli_opt_value(argc, argv, &i, "--authority", &in->authority) ||
		    cli_opt_value(argc, argv, &i, "--signer-title", &in->signer_title) ||
		    cli_opt_value(argc, argv, &i, "--signer", &in->signer) ||
		    cli_opt_value(argc, argv, &i, "--channel", &in->channel) ||
		    cli_opt_value(argc, argv, &i, "--sent", &in->sent))
			continue;
		return cli_usage_error(cmd, "đối số không rõ: %s", argv[i]);
	}
	return CLI_OK;
}

/* Tells the clerk when a letter came too late to count as sent in time. */
static void warn_late(struct cli_ctx *ctx, int64_t id)
{
	struct letter_info l;
	struct cchc_err err;
	if (letter_get(&ctx->db, id, &l, &err))
		return;
	if (l.late) {
		fputs("cchc: lưu ý: phiếu ", stderr);
		cli_put_text(stderr, l.number);
		fputs(" gửi muộn — phải gửi chậm nhất một ngày làm việc trước hạn trả ", stderr);
		struct ymd d;
		char out[11] = "";
		if (date_parse_iso(l.original_due, &d))
			date_format_vn(d, out);
		fprintf(stderr, "%s.\n", out);
	}
	letter_info_free(&l);
}

static int lt_add(struct cli_ctx *ctx, int argc, char **argv)
{
	const struct cli_cmd *cmd = &cli_letter_cmds[0];
	struct letter_input in = { 0 };
	if (letter_options(cmd, argc, argv, 0, &in))
		return CLI_USAGE;
	if (!in.dossier_code || !in.reason || !in.new_date)
		return cli_usage_error(cmd, "cần --dossier, --reason và --new-date");
	if (cli_open_db(ctx))
		return CLI_ERR;
	struct cchc_err err = { 0 };
	int64_t id;
	if (letter_add(&ctx->db, &in, &id, &err))
		return cli_error(&err);
	printf("%lld\n", (long long)id);
	warn_late(ctx, id);
	return CLI_OK;
}

static int lt_edit(struct cli_ctx *ctx, int argc, char **argv)
{
	const struct cli_cmd *cmd = &cli_letter_cmds[1];
	struct letter_input in = { 0 };
	int64_t id;
	if (argc < 1 || !cli_parse_id(argv[0], &id))
		return cli_usage_error(cmd, "cần mã phiếu");
	if (letter_options(cmd, argc, argv, 1, &in))
		return CLI_USAGE;
	if (in.dossier_code)
		return cli_usage_error(cmd, "không đổi được hồ sơ của phiếu");
	if (cli_open_db(ctx))
		return CLI_ERR;
	struct cchc_err err = { 0 };
	if (letter_edit(&ctx->db, id, &in, &err))
		return cli_error(&err);
	warn_late(ctx, id);
	return CLI_OK;
}

static void show_line(const char *label, const char *value)
{
	printf("%s: ", label);
	cli_put_text(stdout, value);
	putchar('\n');
}

static void show_date(const char *label, const char *iso)
{
	printf("%s: ", label);
	cli_put_date(stdout, iso);
	putchar('\n');
}

static int lt_show(struct cli_ctx *ctx, int argc, char **argv)
{
	int64_t id;
	if (argc != 1 || !cli_parse_id(argv[0], &id))
		return cli_usage_error(&cli_letter_cmds[2], "cần một mã phiếu");
	if (cli_open_db(ctx))
		return CLI_ERR;
	struct letter_info l;
	struct cchc_err err = { 0 };
	if (letter_get(&ctx->db, id, &l, &err))
		return cli_error(&err);
	show_line("Số phiếu", l.number);
	show_date("Ngày phiếu", l.letter_on);
	show_line("Hồ sơ", l.dossier_code);
	show_line("Thủ tục", l.procedure);
	show_line("Người nhận", l.addressee);
	show_line("Địa chỉ", l.address);
	show_line("Liên hệ", l.contact);
	show_line("Lý do", l.reason);
	show_line("Đơn vị chậm trễ", *l.unit_name ? l.unit_name : "chưa ghi");
	show_date("Hạn trả cũ", l.original_due);
	show_date("Ngày hẹn mới", l.new_due);
	printf("Người ký: ");
	cli_put_text(stdout, l.authority);
	fputs(*l.authority ? " / " : "", stdout);
	cli_put_text(stdout, l.signer_title);
	fputs(" ", stdout);
	cli_put_text(stdout, l.signer);
	putchar('\n');
	show_line("Cách gửi", *l.channel ? letter_channel_label(l.channel) : "chưa ghi");
	show_date("Ngày gửi", l.sent_on);
	show_line("Gửi muộn", l.late ? "có" : "không");
	const char *form = NULL;
	char *text = NULL, *what = NULL;
	if (!letter_template_for(&ctx->db, l.letter_on, &form, &err) &&
	    (text = letter_template_read(form, &what, &err)))
		show_line("Mẫu", what);
	free(text);
	free(what);
	letter_info_free(&l);
	return CLI_OK;
}

static int open_period(struct cli_ctx *ctx, const char *spec, char from[11], char to[11],
		       struct period *p)
{
	from[0] = to[0] = 0;
	if (!spec)
		return cli_open_db(ctx) ? CLI_ERR : CLI_OK;
	if (cli_period(ctx, spec, p))
		return CLI_ERR;
	period_iso(p, from, to);
	return CLI_OK;
}

static void put_letter(const struct letter_info *l, bool tsv)
{
	if (tsv) {
		printf("%lld\t", (long long)l->id);
		cli_put_field(stdout, l->number);
		printf("\t%s\t%s\t%s\t%s\n", l->dossier_code, l->letter_on, l->new_due,
		       l->late ? "gui-muon" : "");
		return;
	}
	printf("%5lld  ", (long long)l->id);
	cli_put_col(stdout, l->number, 14);
	fputs("  ", stdout);
	cli_put_date(stdout, l->letter_on);
	fputs("  ", stdout);
	cli_put_col(stdout, l->dossier_code, 26);
	fputs("  hẹn ", stdout);
	cli_put_date(stdout, l->new_due);
	printf("  %-9s ", l->late ? "gửi muộn" : "");
	cli_put_text(stdout, l->addressee);
	putchar('\n');
}

static int lt_list(struct cli_ctx *ctx, int argc, char **argv)
{
	const struct cli_cmd *cmd = &cli_letter_cmds[3];
	struct letter_filter f = { 0 };
	const char *format = "text", *period = NULL;
	for (int i = 0; i < argc; i++) {
		if (cli_opt_value(argc, argv, &i, "--format", &format) ||
		    cli_opt_value(argc, argv, &i, "--period", &period) ||
		    cli_opt_value(argc, argv, &i, "--unit", &f.unit_code))
			continue;
		if (strcmp(argv[i], "--late") == 0)
			f.late_only = true;
		else
			return cli_usage_error(cmd, "đối số không rõ: %s", argv[i]);
	}
	bool tsv = strcmp(format, "tsv") == 0;
	if (!tsv && strcmp(format, "text"))
		return cli_usage_error(cmd, "định dạng \"%s\" không hỗ trợ (text, tsv)", format);
	char from[11], to[11];
	struct period p;
	if (open_period(ctx, period, from, to, &p))
		return CLI_ERR;
	f.from = from;
	f.to = to;
	struct letter_info *v;
	int n;
	struct cchc_err err = { 0 };
	if (letter_list(&ctx->db, &f, &v, &n, &err))
		return cli_error(&err);
	for (int i = 0; i < n; i++)
		put_letter(&v[i], tsv);
	letter_list_free(v, n);
	return CLI_OK;
}

static int lt_print(struct cli_ctx *ctx, int argc, char **argv)
{
	const struct cli_cmd *cmd = &cli_letter_cmds[4];
	const char *format = NULL, *out = NULL, *encoding = NULL;
	bool force = false;
	int64_t id;
	if (argc < 1 || !cli_parse_id(argv[0], &id))
		return cli_usage_error(cmd, "cần mã phiếu");
	for (int i = 1; i < argc; i++)
		if (strcmp(argv[i], "--force") == 0)
			force = true;
		else if (!cli_opt_value(argc, argv, &i, "--format", &format) &&
		    !cli_opt_value(argc, argv, &i, "--out", &out) &&
		    !cli_opt_value(argc, argv, &i, "--encoding", &encoding))
			return cli_usage_error(cmd, "đối số không rõ: %s", argv[i]);
	enum doc_format fmt;
	if (!format || !doc_format_parse(format, &fmt))
		return cli_usage_error(cmd, "cần --format docx, txt, md hoặc html");
	if (fmt == DOC_XLSX || fmt == DOC_CSV)
		return cli_usage_error(cmd, "phiếu chỉ in được docx, txt, md hoặc html");
	if (!out)
		return cli_usage_error(cmd, "cần --out TỆP");
	if (encoding && (fmt == DOC_DOCX || fmt == DOC_HTML))
		return cli_usage_error(cmd, "--encoding chỉ dùng cho txt và md");
	bool to_out = strcmp(out, "-") == 0;
	if (to_out && (fmt == DOC_DOCX || encoding))
		return cli_usage_error(cmd, "--out - chỉ dùng cho txt, md, html (UTF-8)");
	if (cli_open_db(ctx))
		return CLI_ERR;
	struct cchc_err err = { 0 };
	struct doc d;
	doc_init(&d);
	int rc = letter_doc(&ctx->db, id, &d, &err);
	if (!rc)
		rc = cli_doc_out(&d, fmt, out, encoding, force, &err);
	doc_free(&d);
	return rc ? cli_error(&err) : CLI_OK;
}

/* Letters of the period against the late dossiers resolved in it. */
static int lt_stats(struct cli_ctx *ctx, int argc, char **argv)
{
	const struct cli_cmd *cmd = &cli_letter_cmds[5];
	const char *format = "text", *period = NULL;
	for (int i = 0; i < argc; i++)
		if (!cli_opt_value(argc, argv, &i, "--format", &format) &&
		    !cli_opt_value(argc, argv, &i, "--period", &period))
			return cli_usage_error(cmd, "đối số không rõ: %s", argv[i]);
	bool tsv = strcmp(format, "tsv") == 0;
	if (!period || (!tsv && strcmp(format, "text")))
		return cli_usage_error(cmd, "cần --period KỲ (và --format text hoặc tsv)");
	char from[11], to[11];
	struct period p;
	if (open_period(ctx, period, from, to, &p))
		return CLI_ERR;
	struct letter_by_unit *u;
	int n;
	struct cchc_err err = { 0 };
	if (letter_count_by_unit(&ctx->db, from, to, &u, &n, &err))
		return cli_error(&err);
	struct letter_coverage c;
	if (letter_coverage(&ctx->db, from, to, &c, &err)) {
		free(u);
		return cli_error(&err);
	}
	if (tsv)
		printf("letters\t%lld\nletters_late\t%lld\nlate_dossiers\t%lld\n"
		       "late_with_letter\t%lld\n", (long long)c.letters, (long long)c.letters_late,
		       (long long)c.late_dossiers, (long long)c.late_with_letter);
	else
		printf("Phiếu xin lỗi, %s: %lld phiếu (%lld gửi muộn). Hồ sơ trả quá hạn trong kỳ: "
		       "%lld, trong đó có phiếu xin lỗi: %lld.\n", p.label, (long long)c.letters,
		       (long long)c.letters_late, (long long)c.late_dossiers,
		       (long long)c.late_with_letter);
	for (int i = 0; i < n && !tsv; i++) {
		fputs("  ", stdout);
		cli_put_col(stdout, *u[i].unit_name ? u[i].unit_name : "(chưa ghi đơn vị)", 40);
		printf(" %5lld phiếu, %lld gửi muộn\n", (long long)u[i].count, (long long)u[i].late);
	}
	free(u);
	return CLI_OK;
}

/* The template in force for a form, for the clerk to copy and edit. */
static int lt_template(struct cli_ctx *ctx, int argc, char **argv)
{
	(void)ctx;
	if (argc != 1 || (strcmp(argv[0], "2018") && strcmp(argv[0], "2025")))
		return cli_usage_error(&cli_letter_cmds[6], "cần 2018 hoặc 2025");
	char name[40], *what = NULL;
	snprintf(name, sizeof name, "data/templates/letter-%s.txt", argv[0]);
	struct cchc_err err = { 0 };
	char *text = letter_template_read(name, &what, &err);
	free(what);
	if (!text)
		return cli_error(&err);
	for (char *line = text, *nl; *line; line = nl ? nl + 1 : line + strlen(line)) {
		if ((nl = strchr(line, '\n')))
			*nl = '\0';
		cli_put_text(stdout, line); /* a line at a time: no control character passes */
		putchar('\n');
		if (!nl)
			break;
	}
	free(text);
	return CLI_OK;
}
