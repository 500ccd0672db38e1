/* cchc backup [--to FILE] | backup list | restore FILE | check */
#include <config.h>
#include <sys/stat.h>
#include <stdlib.h>
#include <string.h>
#include "cli/cli.h"
#include "store/backup.h"
#include "util/fsutil.h"
#include "util/sbuf.h"

static int backup_cmd(struct cli_ctx *ctx, int argc, char **argv);
static int backup_list_cmd(struct cli_ctx *ctx, int argc, char **argv);
static int restore_cmd(struct cli_ctx *ctx, int argc, char **argv);
static int check_cmd(struct cli_ctx *ctx, int argc, char **argv);

const struct cli_cmd cli_backup_cmds[] = {
	{ "backup", "", backup_cmd, "[--to TỆP] [--force]",
	  "Sao lưu cơ sở dữ liệu thành một bản đã kiểm tra (mặc định vào thư mục backups cạnh cơ sở "
	  "dữ liệu); in đường dẫn bản sao lưu. TỆP đã có chỉ bị thay khi có --force; không bao giờ "
	  "ghi vào chính cơ sở dữ liệu." },
	{ "backup", "list", backup_list_cmd, "[--format text|tsv]",
	  "Các bản sao lưu, mới nhất trước (tsv: đường dẫn, ngày, giờ, số byte, loại)." },
	{ "restore", "", restore_cmd, "TỆP",
	  "Khôi phục cơ sở dữ liệu từ một bản sao lưu: kiểm tra tệp trước (cả lược đồ: bảng, chỉ "
	  "mục, trigger, view lạ bị từ chối), giữ cơ sở dữ liệu hiện tại trong thư mục backups; "
	  "cơ sở dữ liệu là liên kết tượng trưng thì khôi phục vào tệp nó trỏ tới. Tệp ở --db "
	  "chưa có thì cần thêm --create." },
	{ "check", "", check_cmd, "",
	  "Kiểm tra cơ sở dữ liệu: cấu trúc, lược đồ (bảng, chỉ mục, trigger, view lạ hay bị sửa), "
	  "khóa ngoại, tệp kiểm chứng, chỉ mục tìm kiếm, bản sao lưu mới nhất; thoát với mã 1 khi "
	  "có vấn đề." },
	{ NULL, NULL, NULL, NULL, NULL },
};


/* `cchc backup --daily` (not in --help): the day's automatic backup, which
 * the first write of a day starts in the background (backup_daily_start). */
static int daily_cmd(struct cli_ctx *ctx)
{
	struct cchc_err err = { 0 };
	if (cli_open_db(ctx))
		return CLI_ERR;
	return backup_daily(&ctx->db, &err) ? cli_error(&err) : CLI_OK;
}

static int backup_cmd(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *to = NULL;
	bool force = false;
	if (argc == 1 && strcmp(argv[0], "--daily") == 0)
		return daily_cmd(ctx);
	for (int i = 0; i < argc; i++)
		if (strcmp(argv[i], "--force") == 0)
			force = true;
		else if (!cli_opt_value(argc, argv, &i, "--to", &to))
			return cli_usage_error(&cli_backup_cmds[0], "đối số không rõ: %s", argv[i]);
	if (cli_open_db(ctx))
		return CLI_ERR;
	struct cchc_err err = { 0 };
	char *dest = to ? xstrdup(to) : NULL;
	if (!dest) {
		char *dir = backup_dir(ctx->db.path);
		if (fs_mkdir_p(dir, 0700, &err) == CCHC_OK)
			dest = backup_new_path(ctx->db.path, "", &err);
		free(dir);
	}
	int flags = force ? FS_OVERWRITE : FS_NEW;
	int rc = dest ? backup_make(&ctx->db, dest, flags, &err) : err.code;
	if (rc == CCHC_OK) {
		cli_put_text(stdout, dest);
		putchar('\n');
	}
	free(dest);
	return rc ? cli_error(&err) : CLI_OK;
}

static const char *kind_name(enum backup_kind k, bool tsv)
{
	static const char *const names[][2] = {
		{ "daily", "hằng ngày" }, { "manual", "sao lưu tay" },
		{ "before-restore", "trước khi khôi phục" }, { "before-upgrade", "trước khi nâng cấp" },
	};
	return names[k][tsv ? 0 : 1];
}

/* "1,2 MB" */
static void format_size(int64_t n, char out[32])
{
	if (n < 1024) {
		snprintf(out, 32, "%lld B", (long long)n);
		return;
	}
	double v = (double)n / 1024;
	const char *unit = "KB";
	if (v >= 1024) {
		v /= 1024;
		unit = "MB";
	}
	if (v >= 1024) {
		v /= 1024;
		unit = "GB";
	}
	snprintf(out, 32, "%.1f %s", v, unit);
	char *dot = strchr(out, '.');
	if (dot)
		*dot = ',';
}

static void print_backup(const struct backup_info *b, bool tsv)
{
	if (tsv) {
		cli_put_field(stdout, b->path);
		printf("\t%s\t%s\t%lld\t%s\n", b->date, b->time, (long long)b->size,
		       kind_name(b->kind, true));
		return;
	}
	char size[32];
	format_size(b->size, size);
	printf("%s %.2s:%.2s  %9s  ", b->date, b->time, b->time + 2, size);
	cli_put_col(stdout, kind_name(b->kind, false), 20);
	fputs("  ", stdout);
	cli_put_text(stdout, b->path);
	putchar('\n');
}

static int backup_list_cmd(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *format = "text";
	for (int i = 0; i < argc; i++)
		if (!cli_opt_value(argc, argv, &i, "--format", &format))
			return cli_usage_error(&cli_backup_cmds[1], "đối số không rõ: %s", argv[i]);
	bool tsv = strcmp(format, "tsv") == 0;
	if (!tsv && strcmp(format, "text"))
		return cli_usage_error(&cli_backup_cmds[1], "định dạng \"%s\" không hỗ trợ (text, tsv)",
				       format);
	struct cchc_err err = { 0 };
	char *path = cli_db_path(ctx, &err);
	if (!path)
		return cli_error(&err);
	struct backup_info *v;
	int n;
	int rc = backup_list(path, &v, &n, &err);
	if (rc == CCHC_OK && n == 0 && !tsv) {
		char *dir = backup_dir(path);
		printf("Chưa có bản sao lưu nào trong ");
		cli_put_text(stdout, dir);
		printf(".\n");
		free(dir);
	}
	for (int i = 0; rc == CCHC_OK && i < n; i++)
		print_backup(&v[i], tsv);
	if (rc == CCHC_OK)
		backup_list_free(v, n);
	free(path);
	return rc ? cli_error(&err) : CLI_OK;
}

/* The database is not opened: it may be the damaged file being replaced. */
static int restore_cmd(struct cli_ctx *ctx, int argc, char **argv)
{
	if (argc != 1 || argv[0][0] == '-')
		return cli_usage_error(&cli_backup_cmds[2], argc ? "đối số không rõ: %s" : "cần một tệp%s",
				       argc ? argv[0] : "");
	struct cchc_err err = { 0 };
	char *path = cli_db_path(ctx, &err), *kept = NULL;
	/* restoring to a missing --db file makes it: --create, as for any command;
	 * one of 0 bytes (a database lost) is what restore is for */
	struct stat st;
	if (!path || (stat(path, &st) != 0 && cli_may_create(ctx, path, &err))) {
		free(path);
		return cli_error(&err);
	}
	int rc = backup_restore(path, argv[0], &kept, &err);
	if (rc == CCHC_OK) {
		printf("Đã khôi phục cơ sở dữ liệu ");
		cli_put_text(stdout, path);
		printf(" từ ");
		cli_put_text(stdout, argv[0]);
		printf(".\n");
		if (kept) {
			printf("Cơ sở dữ liệu trước đó được giữ ở: ");
			cli_put_text(stdout, kept);
			putchar('\n');
		}
	}
	free(kept);
	free(path);
	return rc ? cli_error(&err) : CLI_OK;
}

static void print_verdict(const struct check_report *r)
{
	int warnings = 0;
	for (int i = 0; i < r->n; i++)
		warnings += r->items[i].level == CHECK_WARN;
	if (r->problems)
		printf("Kết luận: có %d vấn đề. Nếu cấu trúc tệp hỏng, hãy khôi phục bản sao lưu tốt "
		       "mới nhất (cchc restore TỆP); các lỗi khác không làm mất dữ liệu đang đọc được, "
		       "hãy báo cho người phụ trách kỹ thuật.\n", r->problems);
	else if (warnings)
		printf("Kết luận: cơ sở dữ liệu tốt; có %d điều cần chú ý ở trên.\n", warnings);
	else
		printf("Kết luận: cơ sở dữ liệu tốt, không có vấn đề nào.\n");
}

static int check_cmd(struct cli_ctx *ctx, int argc, char **argv)
{
	if (argc)
		return cli_usage_error(&cli_backup_cmds[3], "đối số không rõ: %s", argv[0]);
	if (cli_open_db(ctx))
		return CLI_ERR;
	struct cchc_err err = { 0 };
	struct check_report r;
	if (backup_check(&ctx->db, &r, &err))
		return cli_error(&err);
	static const char *const marks[] = { "[tốt]   ", "[chú ý] ", "[LỖI]   " };
	printf("Kiểm tra cơ sở dữ liệu ");
	cli_put_text(stdout, ctx->db.path);
	putchar('\n');
	for (int i = 0; i < r.n; i++) {
		fputs(marks[r.items[i].level], stdout);
		cli_put_text(stdout, r.items[i].text);
		putchar('\n');
	}
	print_verdict(&r);
	int rc = r.problems ? CLI_ERR : CLI_OK;
	check_report_free(&r);
	return rc;
}
