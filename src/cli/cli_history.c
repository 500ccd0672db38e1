/* cchc undo | history | trash */
#include <config.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli/cli.h"
#include "store/history.h"

static int undo_cmd(struct cli_ctx *ctx, int argc, char **argv);
static int history_cmd(struct cli_ctx *ctx, int argc, char **argv);
static int trash_cmd(struct cli_ctx *ctx, int argc, char **argv);
static int trash_restore_cmd(struct cli_ctx *ctx, int argc, char **argv);

const struct cli_cmd cli_history_cmds[] = {
	{ "undo", "", undo_cmd, "[--preview]",
	  "Hoàn tác thao tác gần nhất (gọi lại để lùi tiếp); --preview chỉ cho biết sẽ hoàn tác gì." },
	{ "history", "", history_cmd, "[--limit N] | BẢNG MÃ",
	  "Các thao tác gần đây (mới nhất trước), hoặc lịch sử một bản ghi, ví dụ: cchc history "
	  "task 12." },
	{ "trash", "", trash_cmd, "", "Các bản ghi đã xóa (còn khôi phục được)." },
	{ "trash", "restore", trash_restore_cmd, "MÃ_THAO_TÁC",
	  "Khôi phục những gì một thao tác đã xóa (mã thao tác ở cột đầu của cchc trash)." },
	{ NULL, NULL, NULL, NULL, NULL },
};

/* "2026-11-24 10:22:05" as "24/11/2026 10:22", the way dates read
 * everywhere else; as stored when it is not of that shape. */
static const char *when(const char *at, char out[24])
{
	int y, mo, d, h, mi;
	if (sscanf(at, "%4d-%2d-%2d %2d:%2d", &y, &mo, &d, &h, &mi) != 5)
		return at;
	snprintf(out, 24, "%02d/%02d/%04d %02d:%02d", d, mo, y, h, mi);
	return out;
}

static int undo_cmd(struct cli_ctx *ctx, int argc, char **argv)
{
	bool preview = argc == 1 && strcmp(argv[0], "--preview") == 0;
	if (argc > 1 || (argc == 1 && !preview))
		return cli_usage_error(&cli_history_cmds[0], "đối số không rõ: %s", argv[0]);
	if (cli_open_db(ctx))
		return CLI_ERR;
	struct cchc_err err = { 0 };
	struct history_action a;
	bool found;
	if (preview) {
		if (history_last(&ctx->db, &a, &found, &err))
			return cli_error(&err);
		if (!found) {
			puts("Không còn thao tác nào để hoàn tác.");
			return CLI_OK;
		}
		printf("Sẽ hoàn tác: ");
	} else if (history_undo(&ctx->db, &a, &err)) {
		return cli_error(&err);
	} else {
		printf("Đã hoàn tác: ");
	}
	cli_put_text(stdout, a.summary);
	char at[24];
	printf(" (%s)\n", when(a.at, at));
	free(a.summary);
	return CLI_OK;
}

static int record_history(struct cli_ctx *ctx, const char *table, const char *id_text)
{
	int64_t id;
	if (!cli_parse_id(id_text, &id))
		return cli_usage_error(&cli_history_cmds[1], "mã \"%s\" không hợp lệ", id_text);
	struct cchc_err err = { 0 };
	struct history_entry *e;
	int n;
	if (history_of(&ctx->db, table, id, &e, &n, &err))
		return cli_error(&err);
	if (!n)
		printf("Chưa có thay đổi nào được ghi cho %s %lld.\n", history_table_label(table),
		       (long long)id);
	char at[24];
	for (int i = 0; i < n; i++) {
		printf("%s  %-8s %s  ", when(e[i].at, at), e[i].user,
		       e[i].op[0] == 'i' ? "thêm" : e[i].op[0] == 'u' ? "sửa " : "xóa ");
		cli_put_text(stdout, e[i].fields);
		putchar('\n');
	}
	history_entries_free(e, n);
	return CLI_OK;
}

static int history_cmd(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *limit = NULL;
	if (argc == 2 && argv[0][0] != '-') {
		if (cli_open_db(ctx))
			return CLI_ERR;
		return record_history(ctx, argv[0], argv[1]);
	}
	for (int i = 0; i < argc; i++)
		if (!cli_opt_value(argc, argv, &i, "--limit", &limit))
			return cli_usage_error(&cli_history_cmds[1], "đối số không rõ: %s", argv[i]);
	int max = limit ? atoi(limit) : 20;
	if (max <= 0)
		return cli_usage_error(&cli_history_cmds[1], "--limit cần một số dương");
	if (cli_open_db(ctx))
		return CLI_ERR;
	struct cchc_err err = { 0 };
	struct history_action *a;
	int n;
	if (history_list(&ctx->db, max, &a, &n, &err))
		return cli_error(&err);
	char at[24];
	for (int i = 0; i < n; i++) {
		printf("%5lld  %s  %-8s %s", (long long)a[i].id, when(a[i].at, at), a[i].user,
		       a[i].undone ? "[đã hoàn tác] " : a[i].is_undo ? "[hoàn tác] " : "");
		cli_put_text(stdout, a[i].summary);
		putchar('\n');
	}
	history_list_free(a, n);
	return CLI_OK;
}

static int trash_cmd(struct cli_ctx *ctx, int argc, char **argv)
{
	if (argc)
		return cli_usage_error(&cli_history_cmds[2], "đối số không rõ: %s", argv[0]);
	if (cli_open_db(ctx))
		return CLI_ERR;
	struct cchc_err err = { 0 };
	struct trash_item *t;
	int n;
	if (trash_list(&ctx->db, &t, &n, &err))
		return cli_error(&err);
	if (!n)
		puts("Thùng rác trống.");
	char at[24];
	for (int i = 0; i < n; i++) {
		printf("%5lld  %s  ", (long long)t[i].action_id, when(t[i].at, at));
		cli_put_text(stdout, t[i].summary);
		putchar('\n');
	}
	trash_list_free(t, n);
	return CLI_OK;
}

static int trash_restore_cmd(struct cli_ctx *ctx, int argc, char **argv)
{
	int64_t id;
	if (argc != 1 || !cli_parse_id(argv[0], &id))
		return cli_usage_error(&cli_history_cmds[3], "cần mã thao tác");
	if (cli_open_db(ctx))
		return CLI_ERR;
	struct cchc_err err = { 0 };
	struct trash_item *t;
	int n;
	if (trash_list(&ctx->db, &t, &n, &err))
		return cli_error(&err);
	if (trash_restore(&ctx->db, id, &err)) {
		trash_list_free(t, n);
		return cli_error(&err);
	}
	/* what came back, as the trash named it: "Đã khôi phục nhiệm vụ 12 «…»" */
	for (int i = 0; i < n; i++) {
		if (t[i].action_id != id)
			continue;
		const char *what = t[i].summary;
		if (strncmp(what, "xóa ", strlen("xóa ")) == 0)
			what += strlen("xóa ");
		fputs("Đã khôi phục ", stdout);
		cli_put_text(stdout, what);
		putchar('\n');
	}
	trash_list_free(t, n);
	return CLI_OK;
}
