/* cchc task|evidence|letter|dossier|feedback|unit delete: each deletes one
 * record as one action and says how to bring it back from the trash. */
#include <config.h>
#include <stdlib.h>
#include <string.h>
#include "cli/cli.h"
#include "core/dossier.h"
#include "core/evidence.h"
#include "core/feedback.h"
#include "core/letter.h"
#include "core/task.h"
#include "core/unit.h"
#include "store/history.h"

static int task_del(struct cli_ctx *ctx, int argc, char **argv);
static int evidence_del(struct cli_ctx *ctx, int argc, char **argv);
static int letter_del(struct cli_ctx *ctx, int argc, char **argv);
static int dossier_del(struct cli_ctx *ctx, int argc, char **argv);
static int feedback_del(struct cli_ctx *ctx, int argc, char **argv);
static int unit_del(struct cli_ctx *ctx, int argc, char **argv);

#define RESTORE_HINT " Bản ghi đã xóa nằm trong thùng rác (cchc trash); khôi phục bằng cchc " \
	"trash restore, hoặc cchc undo ngay sau khi xóa."

const struct cli_cmd cli_delete_cmds[] = {
	{ "task", "delete", task_del, "MÃ",
	  "Xóa một nhiệm vụ cùng ghi chú tiến độ, đơn vị phối hợp và liên kết tài liệu kiểm chứng "
	  "(bản thân tài liệu vẫn giữ)." RESTORE_HINT },
	{ "evidence", "delete", evidence_del, "MÃ [--file SỐ_TỆP]",
	  "Xóa một tài liệu kiểm chứng cùng các tệp và liên kết của nó; --file chỉ xóa tệp số "
	  "SỐ_TỆP (như cchc evidence show đánh số)." RESTORE_HINT },
	{ "letter", "delete", letter_del, "MÃ",
	  "Xóa một phiếu xin lỗi (hồ sơ vẫn giữ)." RESTORE_HINT },
	{ "dossier", "delete", dossier_del, "MÃ_HỒ_SƠ [--force]",
	  "Xóa một hồ sơ. Hồ sơ đã có phiếu xin lỗi: xóa phiếu trước, hoặc --force để xóa cả "
	  "hai." RESTORE_HINT },
	{ "feedback", "delete", feedback_del, "MÃ",
	  "Xóa một phản ánh, kiến nghị cùng quá trình xử lý của nó." RESTORE_HINT },
	{ "unit", "delete", unit_del, "KÝ_HIỆU",
	  "Xóa một đơn vị chưa gắn với nhiệm vụ, hồ sơ, phiếu hay phản ánh nào (nếu đã có, "
	  "hãy dùng cchc unit edit KÝ_HIỆU --active no)." RESTORE_HINT },
	{ NULL, NULL, NULL, NULL, NULL },
};

/* After a delete: "Đã xóa nhiệm vụ 12 «…» (đã chuyển vào thùng rác;
 * khôi phục: cchc trash restore 34)". */
static int report_deleted(struct cli_ctx *ctx)
{
	struct cchc_err err = { 0 };
	struct history_action a;
	bool found;
	if (history_last(&ctx->db, &a, &found, &err))
		return cli_error(&err);
	if (!found)
		return CLI_OK;
	const char *s = a.summary;
	if (strncmp(s, "Xóa ", strlen("Xóa ")) == 0)
		s += strlen("Xóa ");
	fputs("Đã xóa ", stdout);
	cli_put_text(stdout, s);
	printf(" (đã chuyển vào thùng rác; khôi phục: cchc trash restore %lld)\n", (long long)a.id);
	free(a.summary);
	return CLI_OK;
}

/* Runs del on the record the single id argument names. */
static int delete_by_id(struct cli_ctx *ctx, const struct cli_cmd *cmd, int argc, char **argv,
			int (*del)(struct db *, int64_t, struct cchc_err *))
{
	int64_t id;
	if (argc != 1)
		return cli_usage_error(cmd, "cần đúng một mã");
	if (!cli_parse_id(argv[0], &id))
		return cli_usage_error(cmd, "mã \"%s\" không hợp lệ (cần một số dương)", argv[0]);
	if (cli_open_db(ctx))
		return CLI_ERR;
	struct cchc_err err = { 0 };
	if (del(&ctx->db, id, &err))
		return cli_error(&err);
	return report_deleted(ctx);
}

static int task_del(struct cli_ctx *ctx, int argc, char **argv)
{
	return delete_by_id(ctx, &cli_delete_cmds[0], argc, argv, task_delete);
}

static int letter_del(struct cli_ctx *ctx, int argc, char **argv)
{
	return delete_by_id(ctx, &cli_delete_cmds[2], argc, argv, letter_delete);
}

static int feedback_del(struct cli_ctx *ctx, int argc, char **argv)
{
	return delete_by_id(ctx, &cli_delete_cmds[4], argc, argv, feedback_delete);
}

static int evidence_del(struct cli_ctx *ctx, int argc, char **argv)
{
	const struct cli_cmd *cmd = &cli_delete_cmds[1];
	const char *file = NULL, *id_text = NULL;
	for (int i = 0; i < argc; i++) {
		if (cli_opt_value(argc, argv, &i, "--file", &file))
			continue;
		if (argv[i][0] == '-' || id_text)
			return cli_usage_error(cmd, "đối số không rõ: %s", argv[i]);
		id_text = argv[i];
	}
	int64_t id, file_no = 0;
	if (!id_text || !cli_parse_id(id_text, &id))
		return cli_usage_error(cmd, "cần mã tài liệu (một số dương)");
	if (file && (!cli_parse_id(file, &file_no) || file_no > 100000))
		return cli_usage_error(cmd, "--file cần số thứ tự của tệp (1, 2, …)");
	if (!file)
		return delete_by_id(ctx, cmd, 1, (char *[]){ (char *)id_text }, evidence_delete);
	if (cli_open_db(ctx))
		return CLI_ERR;
	struct cchc_err err = { 0 };
	if (evidence_file_delete(&ctx->db, id, (int)file_no, &err))
		return cli_error(&err);
	return report_deleted(ctx);
}

static int dossier_del(struct cli_ctx *ctx, int argc, char **argv)
{
	const struct cli_cmd *cmd = &cli_delete_cmds[3];
	const char *code = NULL;
	bool force = false;
	for (int i = 0; i < argc; i++) {
		if (strcmp(argv[i], "--force") == 0)
			force = true;
		else if (argv[i][0] == '-' || code)
			return cli_usage_error(cmd, "đối số không rõ: %s", argv[i]);
		else
			code = argv[i];
	}
	if (!code)
		return cli_usage_error(cmd, "thiếu mã hồ sơ");
	if (cli_open_db(ctx))
		return CLI_ERR;
	struct cchc_err err = { 0 };
	int64_t id = dossier_id_by_code(&ctx->db, code);
	if (!id) {
		err_set(&err, CCHC_ENOTFOUND, "Không có hồ sơ mã %s", code);
		return cli_error(&err);
	}
	int rc = force ? dossier_delete_with_letter(&ctx->db, id, &err)
		       : dossier_delete(&ctx->db, id, &err);
	if (!rc)
		return report_deleted(ctx);
	cli_error(&err);
	if (rc == CCHC_EINPUT)
		fputs("cchc: hoặc thêm --force để xóa cả hồ sơ và phiếu xin lỗi của nó\n", stderr);
	return CLI_ERR;
}

static int unit_del(struct cli_ctx *ctx, int argc, char **argv)
{
	const struct cli_cmd *cmd = &cli_delete_cmds[5];
	if (argc != 1 || argv[0][0] == '-')
		return cli_usage_error(cmd, "cần đúng một ký hiệu đơn vị");
	if (cli_open_db(ctx))
		return CLI_ERR;
	struct cchc_err err = { 0 };
	int64_t id = unit_id_by_code(&ctx->db, argv[0]);
	if (!id) {
		err_set(&err, CCHC_ENOTFOUND, "Không có đơn vị ký hiệu %s (xem cchc unit list --all)",
			argv[0]);
		return cli_error(&err);
	}
	return unit_delete(&ctx->db, id, &err) ? cli_error(&err) : report_deleted(ctx);
}
