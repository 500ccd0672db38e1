/* cchc unit add | list */
#include <config.h>
#include <stdlib.h>
#include <string.h>
#include "cli/cli.h"
#include "core/unit.h"

static int unit_add_cmd(struct cli_ctx *ctx, int argc, char **argv);
static int unit_list_cmd(struct cli_ctx *ctx, int argc, char **argv);
static int unit_edit_cmd(struct cli_ctx *ctx, int argc, char **argv);

const struct cli_cmd cli_unit_cmds[] = {
	{ "unit", "add", unit_add_cmd, "TÊN [--code MÃ] [--head TRƯỞNG_ĐƠN_VỊ] [--kind LOẠI]",
	  "Thêm một phòng/đơn vị thuộc Sở; in mã số của nó. LOẠI: phong, don-vi, so-nganh, huyen, "
	  "xa, khac (không ghi: đoán theo tên), dùng khi giao việc cho \"các phòng\", \"các Sở, "
	  "ban, ngành\"…; trong chương trình: màn Đơn vị, phím a." },
	{ "unit", "list", unit_list_cmd, "[--all]",
	  "Liệt kê các đơn vị đang hoạt động: mã số, ký hiệu, tên, trưởng đơn vị (tab), loại ở cột "
	  "cuối; --all: cả đơn vị đã thôi, thêm cột active/inactive trước cột loại." },
	{ "unit", "edit", unit_edit_cmd, "KÝ_HIỆU [--name TÊN] [--code KÝ_HIỆU] [--head TRƯỞNG] "
	  "[--active yes|no] [--kind LOẠI]",
	  "Sửa một đơn vị; --active no khi đơn vị thôi hoạt động (nhiệm vụ cũ vẫn giữ)." },
	{ NULL, NULL, NULL, NULL, NULL },
};

static int unit_add_cmd(struct cli_ctx *ctx, int argc, char **argv)
{
	const struct cli_cmd *cmd = &cli_unit_cmds[0];
	const char *name = NULL, *code = NULL, *head = NULL, *kind = NULL;
	for (int i = 0; i < argc; i++) {
		if (cli_opt_value(argc, argv, &i, "--code", &code) ||
		    cli_opt_value(argc, argv, &i, "--head", &head) ||
		    cli_opt_value(argc, argv, &i, "--kind", &kind))
			continue;
		if (argv[i][0] == '-' || name)
			return cli_usage_error(cmd, "đối số không rõ: %s", argv[i]);
		name = argv[i];
	}
	if (!name)
		return cli_usage_error(cmd, "thiếu tên đơn vị");
	if (kind && !unit_kind_valid(kind))
		return cli_usage_error(cmd, "loại \"%s\" không có (phong, don-vi, so-nganh, huyen, xa, "
				       "khac)", kind);
	if (cli_open_db(ctx))
		return CLI_ERR;
	struct cchc_err err = { 0 };
	int64_t id;
	if (unit_add(&ctx->db, name, code, head, kind, &id, &err))
		return cli_error(&err);
	printf("%lld\n", (long long)id);
	return CLI_OK;
}

static int unit_edit_cmd(struct cli_ctx *ctx, int argc, char **argv)
{
	const struct cli_cmd *cmd = &cli_unit_cmds[2];
	const char *code = NULL, *name = NULL, *new_code = NULL, *head = NULL, *active = NULL;
	const char *kind = NULL;
	for (int i = 0; i < argc; i++) {
		if (cli_opt_value(argc, argv, &i, "--name", &name) ||
		    cli_opt_value(argc, argv, &i, "--code", &new_code) ||
		    cli_opt_value(argc, argv, &i, "--head", &head) ||
		    cli_opt_value(argc, argv, &i, "--active", &active) ||
		    cli_opt_value(argc, argv, &i, "--kind", &kind))
			continue;
		if (argv[i][0] == '-' || code)
			return cli_usage_error(cmd, "đối số không rõ: %s", argv[i]);
		code = argv[i];
	}
	if (!code)
		return cli_usage_error(cmd, "thiếu ký hiệu đơn vị");
	int act = -1;
	if (kind && !unit_kind_valid(kind))
		return cli_usage_error(cmd, "loại \"%s\" không có (phong, don-vi, so-nganh, huyen, xa, "
				       "khac)", kind);
	if (active && (act = strcmp(active, "yes") == 0 ? 1 : strcmp(active, "no") == 0 ? 0 : -2) < -1)
		return cli_usage_error(cmd, "--active cần yes hoặc no");
	if (cli_open_db(ctx))
		return CLI_ERR;
	struct cchc_err err = { 0 };
	return unit_edit(&ctx->db, code, name, new_code, head, kind, act, &err) ? cli_error(&err) : CLI_OK;
}

static int unit_list_cmd(struct cli_ctx *ctx, int argc, char **argv)
{
	bool all = argc == 1 && strcmp(argv[0], "--all") == 0;
	if (argc > (all ? 1 : 0))
		return cli_usage_error(&cli_unit_cmds[1], "đối số không rõ: %s", argv[0]);
	if (cli_open_db(ctx))
		return CLI_ERR;
	struct cchc_err err = { 0 };
	struct unit_info *v;
	int n;
	if (unit_list(&ctx->db, &v, &n, &err))
		return cli_error(&err);
	for (int i = 0; i < n; i++) {
		if (!all && !v[i].active)
			continue;
		printf("%lld\t", (long long)v[i].id);
		cli_put_field(stdout, v[i].code);
		putchar('\t');
		cli_put_field(stdout, v[i].name);
		putchar('\t');
		cli_put_field(stdout, v[i].head);
		if (all)
			fputs(v[i].active ? "\tactive" : "\tinactive", stdout);
		printf("\t%s", unit_kind_of(v[i].kind, v[i].name));
		putchar('\n');
	}
	unit_list_free(v, n);
	return CLI_OK;
}
