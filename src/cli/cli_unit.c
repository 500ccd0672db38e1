/* cchc unit add | list */
#include <config.h>
#include <stdlib.h>
#include <string.h>
#include "cli/cli.h"
#include "core/unit.h"

static int unit_add_cmd(struct cli_ctx *ctx, int argc, char **argv);
static int unit_list_cmd(struct cli_ctx *ctx, int argc, char **argv);

const struct cli_cmd cli_unit_cmds[] = {
	{ "unit", "add", unit_add_cmd, "TÊN [--code MÃ] [--head TRƯỞNG_ĐƠN_VỊ]",
	  "Thêm một phòng/đơn vị thuộc Sở; in mã số của nó." },
	{ "unit", "list", unit_list_cmd, "",
	  "Liệt kê các đơn vị: mã số, ký hiệu, tên, trưởng đơn vị (phân cách bằng tab)." },
	{ NULL, NULL, NULL, NULL, NULL },
};

static int unit_add_cmd(struct cli_ctx *ctx, int argc, char **argv)
{
	const struct cli_cmd *cmd = &cli_unit_cmds[0];
	const char *name = NULL, *code = NULL, *head = NULL;
	for (int i = 0; i < argc; i++) {
		if (cli_opt_value(argc, argv, &i, "--code", &code) ||
		    cli_opt_value(argc, argv, &i, "--head", &head))
			continue;
		if (argv[i][0] == '-' || name)
			return cli_usage_error(cmd, "đối số không rõ: %s", argv[i]);
		name = argv[i];
	}
	if (!name)
		return cli_usage_error(cmd, "thiếu tên đơn vị");
	if (cli_open_db(ctx))
		return CLI_ERR;
	struct cchc_err err = { 0 };
	int64_t id;
	if (unit_add(&ctx->db, name, code, head, &id, &err))
		return cli_error(&err);
	printf("%lld\n", (long long)id);
	return CLI_OK;
}

static int unit_list_cmd(struct cli_ctx *ctx, int argc, char **argv)
{
	if (argc > 0)
		return cli_usage_error(&cli_unit_cmds[1], "không nhận đối số: %s", argv[0]);
	if (cli_open_db(ctx))
		return CLI_ERR;
	struct cchc_err err = { 0 };
	struct unit_info *v;
	int n;
	if (unit_list(&ctx->db, &v, &n, &err))
		return cli_error(&err);
	for (int i = 0; i < n; i++) {
		printf("%lld\t", (long long)v[i].id);
		cli_put_field(stdout, v[i].code);
		putchar('\t');
		cli_put_field(stdout, v[i].name);
		putchar('\t');
		cli_put_field(stdout, v[i].head);
		putchar('\n');
	}
	unit_list_free(v, n);
	return CLI_OK;
}
