/* cchc exchange export|join|import|show: packages between the office and
 * its divisions (core/exchange.h). */
#include <config.h>
#include <stdlib.h>
#include <string.h>
#include "cli/cli.h"
#include "core/demo.h"
#include "core/exchange.h"
#include "text/date.h"
#include "text/utf8.h"
#include "util/fsutil.h"
#include "util/sbuf.h"

static int export_cmd(struct cli_ctx *ctx, int argc, char **argv);
static int join_cmd(struct cli_ctx *ctx, int argc, char **argv);
static int import_cmd(struct cli_ctx *ctx, int argc, char **argv);
static int show_cmd(struct cli_ctx *ctx, int argc, char **argv);
static int list_cmd(struct cli_ctx *ctx, int argc, char **argv);
static int consolidate_cmd(struct cli_ctx *ctx, int argc, char **argv);

const struct cli_cmd cli_exchange_cmds[] = {
	{ "exchange", "export", export_cmd, "[--unit MÃ] --to TỆP [--force]",
	  "Lập gói gửi đi. Ở văn phòng (--unit MÃ): gói cho đơn vị đó — lần đầu là kế hoạch, nhiệm "
	  "vụ của đơn vị, danh sách đơn vị, thiết lập; các lần sau là những gì thay đổi từ gói "
	  "trước. Ở máy của đơn vị: những gì đơn vị đã làm từ gói trước (tiến độ, ghi chú, tài liệu "
	  "kiểm chứng kèm tệp). TỆP đã có chỉ bị thay khi có --force." },
	{ "exchange", "join", join_cmd, "TỆP",
	  "Ở máy của đơn vị: tạo cơ sở dữ liệu của đơn vị (tệp --db mới) từ gói đầu tiên văn phòng "
	  "gửi." },
	{ "exchange", "import", import_cmd, "TỆP",
	  "Nhận một gói: kiểm tra toàn bộ trước (đúng văn phòng, đúng đơn vị, đủ số thứ tự, mã kiểm "
	  "tra, chỉ phần việc của đơn vị) rồi áp dụng trong một thao tác (hoàn tác được bằng cchc "
	  "undo); in những gì đã nhận và những thay đổi văn phòng giữ theo quyết định của mình." },
	{ "exchange", "list", list_cmd, "",
	  "Các nơi gửi nhận gói: ở văn phòng, từng đơn vị (số gói đã gửi, đã nhận, ngày); ở máy của "
	  "đơn vị, văn phòng. Dòng đầu cho biết cơ sở dữ liệu này là của văn phòng hay của đơn vị nào." },
	{ "exchange", "show", show_cmd, "TỆP",
	  "Bảng kê của một gói (đơn vị, số thứ tự, ngày lập, mã kiểm tra, số tệp) sau khi kiểm tra "
	  "gói còn nguyên vẹn; không ghi gì." },
	{ "consolidate", "", consolidate_cmd,
	  "TỆP... --period KỲ --format xlsx|docx|md|html|txt|csv --out TỆP [--force]",
	  "Sở Nội vụ: bảng tổng hợp các gói số liệu báo cáo của các cơ quan cùng kỳ (cchc report "
	  "--format cchc): nhiệm vụ hoàn thành và tỷ lệ, quá hạn, hồ sơ đúng hạn và tỷ lệ, hồ sơ "
	  "trễ hạn, phiếu xin lỗi, phản ánh kiến nghị xử lý đúng hạn; xếp hạng, có dòng tổng cộng. "
	  "Gói khác kỳ, bị sửa, bị hỏng, hay hai gói của một cơ quan: không lập bảng." },
	{ NULL, NULL, NULL, NULL, NULL },
};

/* "KT: 3 nhiệm vụ hoàn thành, 5 ghi chú tiến độ, 2 tài liệu kiểm chứng, 7 tệp" */
static void put_summary(const struct exchange_result *r)
{
	struct sbuf b = SBUF_INIT;
	sbuf_addf(&b, "%s: ", r->unit_code);
	exchange_summary(r, &b);
	cli_put_text(stdout, b.s);
	sbuf_free(&b);
	puts("");
}

static void put_conflicts(const struct exchange_result *r)
{
	if (!r->nconflicts)
		return;
	printf("Văn phòng giữ quyết định của mình ở %d thay đổi của đơn vị:\n", r->nconflicts);
	for (int i = 0; i < r->nconflicts; i++) {
		fputs("  ", stdout);
		cli_put_text(stdout, r->conflicts[i]);
		fputc('\n', stdout);
	}
}

static int export_cmd(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *unit = NULL, *to = NULL;
	bool force = false;
	for (int i = 0; i < argc; i++)
		if (strcmp(argv[i], "--force") == 0)
			force = true;
		else if (!cli_opt_value(argc, argv, &i, "--unit", &unit) &&
			 !cli_opt_value(argc, argv, &i, "--to", &to))
			return cli_usage_error(&cli_exchange_cmds[0], "đối số không rõ: %s", argv[i]);
	if (!to)
		return cli_usage_error(&cli_exchange_cmds[0], "thiếu --to TỆP");
	if (cli_open_db(ctx))
		return CLI_ERR;
	struct cchc_err err = { 0 };
	struct exchange_result r = { 0 };
	if (exchange_export(&ctx->db, unit, to, force ? FS_OVERWRITE : FS_NEW, &r, &err)) {
		exchange_result_free(&r);
		return cli_error(&err);
	}
	if (r.nothing) {
		printf("Không có gì mới để gửi từ gói trước; không lập tệp %s.\n", to);
	} else {
		printf("Đã lập gói số %lld vào ", (long long)r.seq);
		cli_put_text(stdout, to);
		fputs(" — ", stdout);
		put_summary(&r);
	}
	exchange_result_free(&r);
	return CLI_OK;
}

static int join_cmd(struct cli_ctx *ctx, int argc, char **argv)
{
	if (argc != 1)
		return cli_usage_error(&cli_exchange_cmds[1], "cần đúng một TỆP gói");
	ctx->create = true; /* the command's purpose is the division's new file */
	if (cli_open_db(ctx))
		return CLI_ERR;
	struct cchc_err err = { 0 };
	struct exchange_result r = { 0 };
	if (demo_decline(&ctx->db, &err) || exchange_join(&ctx->db, argv[0], &r, &err)) {
		exchange_result_free(&r);
		return cli_error(&err);
	}
	fputs("Đã tạo cơ sở dữ liệu của đơn vị ", stdout);
	cli_put_text(stdout, r.unit_name);
	fputs(" từ gói của văn phòng — ", stdout);
	put_summary(&r);
	fputs("Gửi lại văn phòng: cchc --db ", stdout);
	cli_put_text(stdout, ctx->db.path);
	puts(" exchange export --to TỆP.");
	exchange_result_free(&r);
	return CLI_OK;
}

static int import_cmd(struct cli_ctx *ctx, int argc, char **argv)
{
	if (argc != 1)
		return cli_usage_error(&cli_exchange_cmds[2], "cần đúng một TỆP gói");
	if (cli_open_db(ctx))
		return CLI_ERR;
	struct cchc_err err = { 0 };
	struct exchange_result r = { 0 };
	if (exchange_import(&ctx->db, argv[0], &r, &err)) {
		exchange_result_free(&r);
		return cli_error(&err);
	}
	printf("Đã nhận gói số %lld — ", (long long)r.seq);
	put_summary(&r);
	put_conflicts(&r);
	exchange_result_free(&r);
	return CLI_OK;
}

static int show_cmd(struct cli_ctx *ctx, int argc, char **argv)
{
	if (argc != 1)
		return cli_usage_error(&cli_exchange_cmds[4], "cần đúng một TỆP gói");
	struct cchc_err err = { 0 };
	char *text = NULL;
	if (exchange_manifest(argv[0], &text, &err))
		return cli_error(&err);
	fputs(text, stdout);
	free(text);
	return CLI_OK;
}

static int consolidate_cmd(struct cli_ctx *ctx, int argc, char **argv)
{
	const struct cli_cmd *cmd = &cli_exchange_cmds[5];
	const char *period = NULL, *format = NULL, *out = NULL;
	bool force = false;
	char **files = xcalloc((size_t)argc + 1, sizeof *files);
	int n = 0;
	for (int i = 0; i < argc; i++)
		if (strcmp(argv[i], "--force") == 0)
			force = true;
		else if (!cli_opt_value(argc, argv, &i, "--period", &period) &&
			 !cli_opt_value(argc, argv, &i, "--format", &format) &&
			 !cli_opt_value(argc, argv, &i, "--out", &out)) {
			if (argv[i][0] == '-' && argv[i][1] == '-') {
				free(files);
				return cli_usage_error(cmd, "đối số không rõ: %s", argv[i]);
			}
			files[n++] = argv[i];
		}
	enum doc_format fmt;
	if (!period || !format || !out || n == 0) {
		free(files);
		return cli_usage_error(cmd, "cần các TỆP gói, --period, --format và --out");
	}
	if (cli_doc_format(cmd, format, out, NULL, &fmt)) {
		free(files);
		return CLI_USAGE;
	}
	struct period p;
	struct cchc_err err = { 0 };
	if (period_parse(period, 15, &p, &err)) {
		free(files);
		return cli_error(&err);
	}
	struct doc d;
	doc_init(&d);
	/* the header of the office that consolidates, when it keeps a database */
	char *path = cli_db_path(ctx, &err);
	err.code = 0;
	if (path && fs_exists(path) && cli_open_db(ctx) == CLI_OK) {
		char *parent = db_setting_get(&ctx->db, "org.parent");
		char *name = db_setting_get(&ctx->db, "org.name");
		char *place = db_setting_get(&ctx->db, "org.place");
		char *up = name ? text_upper(name) : NULL;
		struct ymd today = { 0, 0, 0 };
		if (date_today(&today, &err))
			err.code = 0;
		doc_set_header(&d, parent, up, "", place, today);
		free(parent), free(name), free(place), free(up);
	}
	free(path);
	int rc = exchange_consolidate(files, n, &p, &d, &err);
	if (!rc)
		rc = cli_doc_out(&d, fmt, out, NULL, force, &err);
	doc_free(&d);
	free(files);
	if (rc)
		return cli_error(&err);
	if (strcmp(out, "-") != 0) {
		printf("Đã tổng hợp %d cơ quan, %s, vào ", n, p.label);
		cli_put_text(stdout, out);
		puts(".");
	}
	return CLI_OK;
}

static int list_cmd(struct cli_ctx *ctx, int argc, char **argv)
{
	if (argc != 0)
		return cli_usage_error(&cli_exchange_cmds[3], "đối số không rõ: %s", argv[0]);
	if (cli_open_db(ctx))
		return CLI_ERR;
	int site;
	int64_t unit;
	if (exchange_site(&ctx->db, &site, &unit))
		return CLI_ERR;
	sqlite3_stmt *st;
	if (site == 0) {
		puts("Cơ sở dữ liệu của văn phòng.");
	} else if (sqlite3_prepare_v2(ctx->db.h, "SELECT code, name FROM unit WHERE id = ?", -1, &st,
				      NULL) == SQLITE_OK) {
		sqlite3_bind_int64(st, 1, unit);
		if (sqlite3_step(st) == SQLITE_ROW) {
			fputs("Cơ sở dữ liệu của đơn vị ", stdout);
			cli_put_text(stdout, (const char *)sqlite3_column_text(st, 0));
			fputs(" ", stdout);
			cli_put_text(stdout, (const char *)sqlite3_column_text(st, 1));
			printf(" (số %d).\n", site);
		}
		sqlite3_finalize(st);
	}
	/* site, unit, sent, sent on, received, received on */
	if (sqlite3_prepare_v2(ctx->db.h, "SELECT p.site, coalesce(u.code, 'văn phòng'), p.sent_seq, "
			       "coalesce(p.sent_at, ''), p.recv_seq, coalesce(p.recv_at, '') "
			       "FROM exchange_peer AS p LEFT JOIN unit AS u ON u.id = p.unit_id "
			       "ORDER BY p.site", -1, &st, NULL) != SQLITE_OK)
		return CLI_ERR;
	while (sqlite3_step(st) == SQLITE_ROW) {
		printf("%d\t", sqlite3_column_int(st, 0));
		cli_put_field(stdout, (const char *)sqlite3_column_text(st, 1));
		printf("\tđã gửi %d", sqlite3_column_int(st, 2));
		if (*sqlite3_column_text(st, 3))
			printf(" (%.10s)", sqlite3_column_text(st, 3));
		printf("\tđã nhận %d", sqlite3_column_int(st, 4));
		if (*sqlite3_column_text(st, 5))
			printf(" (%.10s)", sqlite3_column_text(st, 5));
		putchar('\n');
	}
	sqlite3_finalize(st);
	return CLI_OK;
}
