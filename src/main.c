/* cchc: argument parsing and dispatch to the command line or the full-screen
 * program. */
#include <config.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cli/cli.h"
#include "core/demo.h"
#include "store/backup.h"
#include "store/db.h"
#include "text/date.h"
#include "util/platform.h"
#include "ui/ui.h"
#include "util/sbuf.h"
#include "core/history_text.h"

static void usage(FILE *out)
{
	fprintf(out,
		"cchc %s: theo dõi kế hoạch cải cách hành chính (CCHC) của Sở\n"
		"\n"
		"Cách dùng:\n"
		"  cchc [TÙY CHỌN]                 mở chương trình toàn màn hình\n"
		"  cchc [TÙY CHỌN] LỆNH ...        chạy một lệnh\n"
		"\n"
		"Tùy chọn:\n"
		"  --db TỆP          dùng cơ sở dữ liệu TỆP (mặc định $CCHC_DB, hoặc\n"
		"                    %s)\n"
		"  --create          tạo cơ sở dữ liệu mới nếu tệp ở --db (hoặc $CCHC_DB) chưa có;\n"
		"                    không có nó, một đường dẫn gõ nhầm bị từ chối (chương trình\n"
		"                    toàn màn hình thì hỏi trước khi tạo)\n"
		"  --theme TÊN       giao diện màu: default, light, mono hoặc tệp của bạn\n"
		"  -h, --help        in trợ giúp này\n"
		"  -V, --version     in phiên bản\n"
		"\n"
		"Lệnh:\n", PACKAGE_VERSION, pf_default_db_hint());
	cli_print_commands(out);
	fprintf(out,
		"\n"
		"Mỗi lệnh có trợ giúp riêng: cchc LỆNH --help, ví dụ cchc plan import --help.\n"
		"\n"
		"Biến môi trường:\n"
		"  CCHC_DB=TỆP       cơ sở dữ liệu (như --db)\n"
		"  CCHC_CREATE=1     như --create (cho các kịch bản và bộ kiểm thử)\n"
		"  CCHC_TODAY=YYYY-MM-DD   ngày \"hôm nay\" (để thử và trình diễn)\n"
		"  NO_COLOR=1        không dùng màu\n"
		"  CCHC_NO_AUTO_BACKUP=1   không tự sao lưu mỗi ngày (như thiết lập backup.auto no)\n"
		"  CCHC_BACKUP_WAIT=1      thay đổi đầu tiên trong ngày chờ bản sao lưu hằng ngày (chạy\n"
		"                          ngầm sau thay đổi) xong mới trả về (để thử)\n"
		"  CCHC_TRACE_SQL=TỆP      ghi thời gian của từng câu lệnh SQL vào TỆP (tìm chỗ chậm)\n"
		"  CCHC_NO_TMPFILE=1       ghi tệp như trên ổ không có tệp tạm không tên (USB FAT; để thử)\n"
		"\n"
		"Xem thêm: man cchc\n");
}

/* A database file named with --db or CCHC_DB that is not there: on a
 * terminal, the clerk is asked before one is made (before the screen is
 * taken, in plain lines); elsewhere it is refused as on the command line. */
static int confirm_create(struct cli_ctx *ctx, const struct ui_options *ui)
{
	struct cchc_err err = { 0 };
	char *path = cli_db_path(ctx, &err);
	if (!path)
		return cli_error(&err);
	int rc = cli_may_create(ctx, path, &err);
	if (rc == CCHC_OK || ui->script || !isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		free(path);
		return rc ? cli_error(&err) : CLI_OK;
	}
	fputs("Không có tệp dữ liệu ", stdout);
	cli_put_text(stdout, path);
	fputs(".\nTạo một cơ sở dữ liệu mới ở đó? Gõ c (có) hoặc k (không) rồi Enter: ", stdout);
	fflush(stdout);
	free(path);
	char line[64];
	bool yes = fgets(line, sizeof line, stdin) && (line[0] == 'c' || line[0] == 'C' ||
						       line[0] == 'y' || line[0] == 'Y');
	if (!yes) {
		fputs("cchc: không tạo cơ sở dữ liệu mới; chưa có gì thay đổi.\n", stderr);
		return CLI_ERR;
	}
	ctx->create = true;
	return CLI_OK;
}

static int run_ui(struct cli_ctx *ctx, struct ui_options *ui)
{
	if (pf_utf8_locale())
		return CLI_ERR;
	ctx->open_flags = DB_CHECK_LATER;   /* after the first paint (ui_run) */
	if (confirm_create(ctx, ui) || cli_open_db(ctx))
		return CLI_ERR;
	struct cchc_err err = { 0 };
	bool loaded = false;
	if (demo_ensure(&ctx->db, &loaded, &err))
		return cli_error(&err);
	if (loaded)
		ui->notice = "Đây là dữ liệu mẫu (một năm của Sở Công Thương). Để dùng thật, tạo "
			     "tệp mới: cchc init TỆP";
	if (ui_run(&ctx->db, ui, &err))
		return cli_error(&err);
	return CLI_OK;
}

/* Hidden options for tests and benchmarks: --script FILE, --dump FILE,
 * --size COLSxLINES, --timing FILE (with --script: per-key times),
 * --exit-after-paint. */
static bool test_option(int argc, char **argv, int *i, struct ui_options *ui)
{
	const char *v;
	if (cli_opt_value(argc, argv, i, "--script", &ui->script) ||
	    cli_opt_value(argc, argv, i, "--dump", &ui->dump) ||
	    cli_opt_value(argc, argv, i, "--timing", &ui->timing))
		return true;
	if (cli_opt_value(argc, argv, i, "--size", &v)) {
		if (sscanf(v, "%dx%d", &ui->cols, &ui->lines) != 2 || ui->cols < 1 || ui->lines < 1)
			ui->cols = ui->lines = 0;
		return true;
	}
	if (strcmp(argv[*i], "--exit-after-paint") == 0) {
		ui->exit_after_paint = true;
		return true;
	}
	return false;
}

int main(int argc, char **argv)
{
	struct cli_ctx ctx = { 0 };
	struct ui_options ui = { 0 };
	struct cchc_err err = { 0 };
	pf_startup();
	db_library_init();
	backup_daily_in_background(true);   /* as `cchc backup --daily` */
	int i = 1;
	for (; i < argc && argv[i][0] == '-'; i++) {
		if (cli_is_help(argv[i])) {
			usage(stdout);
			return CLI_OK;
		}
		if (strcmp(argv[i], "--version") == 0 || strcmp(argv[i], "-V") == 0) {
			printf("cchc %s\n", PACKAGE_VERSION);
			return CLI_OK;
		}
		if (strcmp(argv[i], "--create") == 0) {
			ctx.create = true;
			continue;
		}
		if (cli_opt_value(argc, argv, &i, "--db", &ctx.db_path) ||
		    cli_opt_value(argc, argv, &i, "--theme", &ui.theme) ||
		    test_option(argc, argv, &i, &ui))
			continue;
		if (strcmp(argv[i], "--db") == 0 || strcmp(argv[i], "--theme") == 0)
			fprintf(stderr, "cchc: %s cần một giá trị, ví dụ %s TỆP\n", argv[i], argv[i]);
		else
			fprintf(stderr, "cchc: tùy chọn không rõ: %s\nXem \"cchc --help\".\n", argv[i]);
		return CLI_USAGE;
	}
	struct ymd today;
	if (date_today(&today, &err))
		return cli_error(&err);
	history_text_install();
	int rc = i < argc ? cli_dispatch(&ctx, argc - i, argv + i) : run_ui(&ctx, &ui);
	if (ctx.db_open)
		db_close(&ctx.db);
	return rc;
}
