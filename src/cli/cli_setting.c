/* cchc setting list | get | set | reset */
#include <config.h>
#include <stdlib.h>
#include <string.h>
#include "cli/cli.h"
#include "core/settings.h"

static int set_list(struct cli_ctx *ctx, int argc, char **argv);
static int set_get(struct cli_ctx *ctx, int argc, char **argv);
static int set_set(struct cli_ctx *ctx, int argc, char **argv);
static int set_reset(struct cli_ctx *ctx, int argc, char **argv);

const struct cli_cmd cli_setting_cmds[] = {
	{ "setting", "list", set_list, "[--format text|tsv]",
	  "Liệt kê các thiết lập với giá trị đang dùng (tsv: khóa, giá trị, đã đặt/mặc định); "
	  "trong chương trình: màn Thiết lập." },
	{ "setting", "get", set_get, "KHÓA", "In giá trị đang dùng của một thiết lập." },
	{ "setting", "set", set_set, "KHÓA GIÁ_TRỊ",
	  "Đặt một thiết lập, ví dụ: cchc setting set letter.number \"{n}/PXL-SCT\"." },
	{ "setting", "reset", set_reset, "KHÓA", "Bỏ giá trị đã đặt, dùng lại giá trị mặc định." },
	{ NULL, NULL, NULL, NULL, NULL },
};

static int set_list(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *format = "text";
	for (int i = 0; i < argc; i++)
		if (!cli_opt_value(argc, argv, &i, "--format", &format))
			return cli_usage_error(&cli_setting_cmds[0], "đối số không rõ: %s", argv[i]);
	bool tsv = strcmp(format, "tsv") == 0;
	if (!tsv && strcmp(format, "text"))
		return cli_usage_error(&cli_setting_cmds[0], "định dạng \"%s\" không hỗ trợ (text, tsv)",
				       format);
	if (cli_open_db(ctx))
		return CLI_ERR;
	for (const struct setting_def *s = settings_known; s->key; s++) {
		char *v = settings_get(&ctx->db, s->key);
		bool set = settings_is_set(&ctx->db, s->key);
		if (tsv) {
			printf("%s\t", s->key);
			cli_put_field(stdout, v);
			printf("\t%s\n", set ? "set" : "default");
		} else {
			printf("%s = ", s->key);
			cli_put_text(stdout, v);
			printf("%s\n    %s\n", set ? "" : "  (mặc định)", s->help);
		}
		free(v);
	}
	return CLI_OK;
}

static int set_get(struct cli_ctx *ctx, int argc, char **argv)
{
	if (argc != 1)
		return cli_usage_error(&cli_setting_cmds[1], "cần một khóa");
	if (!settings_find(argv[0])) {
		struct cchc_err err;
		err_set(&err, CCHC_EINPUT, "Không có thiết lập \"%s\" (xem: cchc setting list)", argv[0]);
		return cli_error(&err);
	}
	if (cli_open_db(ctx))
		return CLI_ERR;
	char *v = settings_get(&ctx->db, argv[0]);
	cli_put_text(stdout, v);
	putchar('\n');
	free(v);
	return CLI_OK;
}

static int set_set(struct cli_ctx *ctx, int argc, char **argv)
{
	if (argc != 2)
		return cli_usage_error(&cli_setting_cmds[2], "cần khóa và giá trị");
	if (cli_open_db(ctx))
		return CLI_ERR;
	struct cchc_err err = { 0 };
	return settings_set(&ctx->db, argv[0], argv[1], &err) ? cli_error(&err) : CLI_OK;
}

static int set_reset(struct cli_ctx *ctx, int argc, char **argv)
{
	if (argc != 1)
		return cli_usage_error(&cli_setting_cmds[3], "cần một khóa");
	if (cli_open_db(ctx))
		return CLI_ERR;
	struct cchc_err err = { 0 };
	return settings_reset(&ctx->db, argv[0], &err) ? cli_error(&err) : CLI_OK;
}
