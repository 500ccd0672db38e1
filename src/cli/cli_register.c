/* cchc dossier register: the dossier register (Sổ theo dõi hồ sơ, Mẫu số 07
 * of Thông tư 03/2025/TT-VPCP) for a period, written as report writes. */
#include <config.h>
#include <stdlib.h>
#include <string.h>
#include "cli/cli.h"
#include "core/dossier_register.h"
#include "core/period.h"

static int dr_export(struct cli_ctx *ctx, int argc, char **argv);

const struct cli_cmd cli_register_cmds[] = {
	{ "dossier", "register", dr_export, "--period KỲ [--unit MÃ_ĐV] --format "
	  "docx|xlsx|html|md|txt|csv --out TỆP [--force] [--encoding BẢNG_MÃ]",
	  "Sổ theo dõi hồ sơ (mẫu số 07, Thông tư 03/2025/TT-VPCP) của các hồ sơ tiếp nhận trong "
	  "kỳ, theo thứ tự ngày nhận, trên trang ngang: mã hồ sơ, thủ tục, tổ chức/cá nhân, địa "
	  "chỉ, đơn vị giải quyết, ngày nhận, ngày hẹn trả, ngày trả, cột ký nhận, ghi chú (quá "
	  "hạn, văn bản xin lỗi). --out - in ra màn hình (txt, md, html); tệp đã có chỉ bị thay "
	  "khi có --force." },
	{ NULL, NULL, NULL, NULL, NULL },
};

struct register_opts {
	const char *period, *unit, *format, *out, *encoding;
	bool force;
};

static int register_args(int argc, char **argv, struct register_opts *o)
{
	const struct cli_cmd *cmd = &cli_register_cmds[0];
	for (int i = 0; i < argc; i++)
		if (strcmp(argv[i], "--force") == 0)
			o->force = true;
		else if (!cli_opt_value(argc, argv, &i, "--period", &o->period) &&
			 !cli_opt_value(argc, argv, &i, "--unit", &o->unit) &&
			 !cli_opt_value(argc, argv, &i, "--format", &o->format) &&
			 !cli_opt_value(argc, argv, &i, "--out", &o->out) &&
			 !cli_opt_value(argc, argv, &i, "--encoding", &o->encoding))
			return cli_usage_error(cmd, "đối số không rõ: %s", argv[i]);
	if (!o->period || !o->format || !o->out)
		return cli_usage_error(cmd, "cần --period, --format và --out");
	return CLI_OK;
}

static int dr_export(struct cli_ctx *ctx, int argc, char **argv)
{
	const struct cli_cmd *cmd = &cli_register_cmds[0];
	struct register_opts o = { 0 };
	if (register_args(argc, argv, &o))
		return CLI_USAGE;
	enum doc_format fmt;
	if (cli_doc_format(cmd, o.format, o.out, o.encoding, &fmt))
		return CLI_USAGE;
	if (o.encoding && (fmt == DOC_DOCX || fmt == DOC_XLSX || fmt == DOC_HTML))
		return cli_usage_error(cmd, "--encoding chỉ dùng cho txt, md và csv");
	struct period p;
	if (cli_period(ctx, o.period, &p))
		return CLI_ERR;
	char from[11], to[11];
	period_iso(&p, from, to);
	struct cchc_err err = { 0 };
	struct doc d;
	doc_init(&d);
	int64_t rows = 0;
	int rc = dossier_register_doc(&ctx->db, from, to, o.unit, &d, &rows, &err);
	if (!rc)
		rc = cli_doc_out(&d, fmt, o.out, o.encoding, o.force, &err);
	doc_free(&d);
	if (rc)
		return cli_error(&err);
	if (!rows)
		fprintf(stderr, "cchc: lưu ý: không có hồ sơ nào tiếp nhận trong %s.\n", p.label);
	return CLI_OK;
}
