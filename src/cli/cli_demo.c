/* cchc init | demo: start a database file, real (empty) or with the demo. */
#include <config.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "cli/cli.h"
#include "core/demo.h"

static int init_cmd(struct cli_ctx *ctx, int argc, char **argv);
static int demo_cmd(struct cli_ctx *ctx, int argc, char **argv);

const struct cli_cmd cli_demo_cmds[] = {
	{ "init", "", init_cmd, "[TỆP]",
	  "Tạo một cơ sở dữ liệu mới, trống, để dùng thật (TỆP, hoặc --db / CCHC_DB / chỗ mặc "
	  "định); từ chối nếu tệp đã có. Tệp này không bao giờ nhận dữ liệu mẫu." },
	{ "demo", "", demo_cmd, "[TỆP]",
	  "Tạo cơ sở dữ liệu mẫu: một năm của một Sở (đơn vị, 2 kế hoạch, 60 nhiệm vụ, tài liệu "
	  "kiểm chứng có tệp, 500 hồ sơ, phiếu xin lỗi, phản ánh kiến nghị, điểm tự chấm), ngày "
	  "tháng tính theo hôm nay. Chỉ nạp vào tệp mới hoặc chưa có dữ liệu." },
	{ NULL, NULL, NULL, NULL, NULL },
};

/* [TỆP]: the one optional argument names the file, like --db. */
static int take_path(struct cli_ctx *ctx, const struct cli_cmd *cmd, int argc, char **argv)
{
	if (argc > 1 || (argc == 1 && argv[0][0] == '-'))
		return cli_usage_error(cmd, "đối số không rõ: %s", argv[argc > 1 ? 1 : 0]);
	if (argc == 1)
		ctx->db_path = argv[0];
	return CLI_OK;
}

static int refuse_existing(const char *path)
{
	struct stat st;
	struct cchc_err err = { 0 };
	if (stat(path, &st) == 0)
		err_set(&err, CCHC_EINPUT, "Đã có tệp %s: cchc init chỉ tạo tệp mới, không đụng tới "
			"tệp đã có. Hãy chọn một tên khác, ví dụ cchc init so-cong-thuong.db.", path);
	else if (errno != ENOENT)
		err_set(&err, CCHC_EIO, "Không kiểm tra được %s: %s", path, strerror(errno));
	return err.code ? cli_error(&err) : CLI_OK;
}

static int init_cmd(struct cli_ctx *ctx, int argc, char **argv)
{
	if (take_path(ctx, &cli_demo_cmds[0], argc, argv))
		return CLI_USAGE;
	struct cchc_err err = { 0 };
	char *path = cli_db_path(ctx, &err);
	if (!path)
		return cli_error(&err);
	int rc = refuse_existing(path);
	ctx->create = true;
	if (!rc && !(rc = cli_open_db(ctx)) && demo_decline(&ctx->db, &err))
		rc = cli_error(&err);
	if (!rc) {
		fputs("Đã tạo cơ sở dữ liệu mới ", stdout);
		cli_put_text(stdout, path);
		puts(". Bước tiếp: cchc plan import TỆP_KẾ_HOẠCH, cchc unit add TÊN, hoặc mở "
		     "chương trình: cchc --db TỆP.");
	}
	free(path);
	return rc;
}

static int64_t count_of(struct db *db, const char *table_sql)
{
	return db_int_by_id(db, table_sql, 0);
}

static void print_summary(struct db *db)
{
	static const struct { const char *sql, *what; } rows[] = {
		{ "SELECT count(*) FROM plan WHERE ?1 = ?1", "kế hoạch" },
		{ "SELECT count(*) FROM unit WHERE ?1 = ?1", "đơn vị" },
		{ "SELECT count(*) FROM task WHERE ?1 = ?1", "nhiệm vụ" },
		{ "SELECT count(*) FROM evidence WHERE ?1 = ?1", "tài liệu kiểm chứng" },
		{ "SELECT count(*) FROM dossier WHERE ?1 = ?1", "hồ sơ" },
		{ "SELECT count(*) FROM letter WHERE ?1 = ?1", "phiếu xin lỗi" },
		{ "SELECT count(*) FROM feedback WHERE ?1 = ?1", "phản ánh, kiến nghị" },
	};
	fputs("Đã nạp dữ liệu mẫu vào ", stdout);
	cli_put_text(stdout, db->path);
	fputs(":", stdout);
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
		printf("%s %lld %s", i ? "," : "", (long long)count_of(db, rows[i].sql), rows[i].what);
	puts(".\nĐây là dữ liệu mẫu; để dùng thật, tạo tệp mới bằng cchc init TỆP.");
}

static int demo_cmd(struct cli_ctx *ctx, int argc, char **argv)
{
	if (take_path(ctx, &cli_demo_cmds[1], argc, argv))
		return CLI_USAGE;
	ctx->create = true; /* the command's purpose is a new demo file */
	if (cli_open_db(ctx))
		return CLI_ERR;
	struct cchc_err err = { 0 };
	if (demo_create(&ctx->db, &err))
		return cli_error(&err);
	print_summary(&ctx->db);
	return CLI_OK;
}
