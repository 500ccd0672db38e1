/* cchc dossier import | add | edit | show | list | late | stats */
#include <config.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cli/cli.h"
#include "core/dossier.h"
#include "core/period.h"
#include "core/settings.h"
#include "text/date.h"

static int ds_import(struct cli_ctx *ctx, int argc, char **argv);
static int ds_add(struct cli_ctx *ctx, int argc, char **argv);
static int ds_edit(struct cli_ctx *ctx, int argc, char **argv);
static int ds_show(struct cli_ctx *ctx, int argc, char **argv);
static int ds_list(struct cli_ctx *ctx, int argc, char **argv);
static int ds_late(struct cli_ctx *ctx, int argc, char **argv);
static int ds_stats(struct cli_ctx *ctx, int argc, char **argv);

#define DOSSIER_FIELDS \
	"[--procedure TÊN_TTHC] [--field LĨNH_VỰC] [--holder CHỦ_HỒ_SƠ] [--address ĐỊA_CHỈ] " \
	"[--contact ĐIỆN_THOẠI_EMAIL] [--received NGÀY] [--due NGÀY] [--resolved NGÀY] " \
	"[--channel truc-tiep|truc-tuyen|buu-chinh] [--unit MÃ_ĐV] [--status TRẠNG_THÁI]"

const struct cli_cmd cli_dossier_cmds[] = {
	{ "dossier", "import", ds_import, "TỆP [--encoding BẢNG_MÃ] [--map TỆP_CỘT] [--skip-bad]",
	  "Nhập danh sách hồ sơ xuất từ hệ thống một cửa (CSV/TSV); hồ sơ đã có (cùng mã) được "
	  "cập nhật. Có dòng lỗi thì hỏi lại, hoặc --skip-bad để bỏ qua chúng. Bảng mã tự nhận "
	  "biết (UTF-8, UTF-16 có BOM, Windows-1258, TCVN3) và được in ra; --encoding để chỉ định." },
	{ "dossier", "add", ds_add, "--code MÃ_HỒ_SƠ --received NGÀY " DOSSIER_FIELDS,
	  "Thêm một hồ sơ nhập tay; in mã số." },
	{ "dossier", "edit", ds_edit, "MÃ_HỒ_SƠ [--code MÃ_MỚI] " DOSSIER_FIELDS,
	  "Sửa hồ sơ (--resolved \"\" xóa ngày hoàn thành)." },
	{ "dossier", "show", ds_show, "MÃ_HỒ_SƠ", "In chi tiết một hồ sơ và phiếu xin lỗi của nó." },
	{ "dossier", "list", ds_list, "[--late] [--without-letter] [--pending] [--period KỲ] "
	  "[--unit MÃ_ĐV] [--query TỪ_KHÓA] [--limit N] [--format text|tsv]",
	  "Liệt kê hồ sơ (tsv: mã, ngày nhận, hạn, ngày hoàn thành, hình thức, đơn vị, chủ hồ sơ, "
	  "thủ tục)." },
	{ "dossier", "late", ds_late, "[--without-letter] [--unit MÃ_ĐV] [--format text|tsv]",
	  "Hồ sơ trễ hạn (trả muộn, hoặc chưa trả mà đã quá hạn); --without-letter: chưa có phiếu "
	  "xin lỗi (tsv: mã, thủ tục, hạn, số ngày làm việc trễ)." },
	{ "dossier", "stats", ds_stats, "--period KỲ [--by field|unit] [--format text|tsv]",
	  "Thống kê hồ sơ của kỳ theo mẫu biểu: tiếp nhận, đã giải quyết, đang giải quyết, tỷ lệ "
	  "đúng hạn (tsv: tên<TAB>giá trị)." },
	{ NULL, NULL, NULL, NULL, NULL },
};

/* Opens the database, and reads the period when one is given. */
static int open_and_period(struct cli_ctx *ctx, const char *spec, struct period *p)
{
	if (spec)
		return cli_period(ctx, spec, p);
	return cli_open_db(ctx) ? CLI_ERR : CLI_OK;
}

static bool parse_format(const struct cli_cmd *cmd, const char *format, bool *tsv)
{
	*tsv = strcmp(format, "tsv") == 0;
	if (*tsv || strcmp(format, "text") == 0)
		return true;
	cli_usage_error(cmd, "định dạng \"%s\" không hỗ trợ (text, tsv)", format);
	return false;
}

/* A date for a text column: dd/mm/yyyy, or ten spaces when there is none. */
static void put_vn(const char *iso)
{
	char d[11];
	cli_date_vn(iso, d);
	printf("%-10s", d);
}

/* ------------------------------------------------------------ import */

static bool confirm_skip(long long nbad, long long ngood)
{
	if (!isatty(STDIN_FILENO) || !isatty(STDERR_FILENO))
		return false;
	fprintf(stderr, "Nhập %lld hồ sơ hợp lệ và bỏ qua %lld dòng lỗi? [c/K] ", ngood, nbad);
	fflush(stderr);
	char line[16];
	if (!fgets(line, sizeof line, stdin))
		return false;
	return line[0] == 'c' || line[0] == 'C' || line[0] == 'y' || line[0] == 'Y';
}

static void report_bad(const struct dossier_import_result *r)
{
	for (int i = 0; i < r->nbad_kept; i++) {
		fprintf(stderr, "cchc: dòng %d: ", r->bad[i].line);
		cli_put_text(stderr, r->bad[i].reason);
		fputc('\n', stderr);
	}
	if (r->nbad > r->nbad_kept)
		fprintf(stderr, "cchc: còn %lld dòng lỗi khác (chỉ in %d dòng đầu).\n",
			(long long)(r->nbad - r->nbad_kept), r->nbad_kept);
}

/* Asked by the import at the end of the file when rows were bad: they are
 * listed, then the clerk decides (at a terminal; elsewhere the answer is
 * no). ctx: a bool set once they are listed. */
static bool confirm_import(void *ctx, const struct dossier_import_result *r)
{
	*(bool *)ctx = true;
	report_bad(r);
	return confirm_skip(r->nbad, r->good);
}

static void report_imported(const struct dossier_import_result *r)
{
	printf("Đã nhập %lld hồ sơ: %lld mới, %lld cập nhật, %lld không đổi", (long long)r->good,
	       (long long)r->added, (long long)r->updated, (long long)r->unchanged);
	if (r->nbad)
		printf("; bỏ qua %lld dòng lỗi", (long long)r->nbad);
	puts(".");
	if (r->unknown_units)
		fprintf(stderr, "cchc: %lld hồ sơ ghi phòng xử lý không khớp đơn vị nào (xem cchc "
			"unit list); đã nhập mà không gắn đơn vị.\n", (long long)r->unknown_units);
}

static int ds_import(struct cli_ctx *ctx, int argc, char **argv)
{
	const struct cli_cmd *cmd = &cli_dossier_cmds[0];
	bool listed = false;
	struct dossier_import_opts o = { .confirm = confirm_import, .ctx = &listed };
	const char *file = NULL;
	for (int i = 0; i < argc; i++) {
		if (cli_opt_value(argc, argv, &i, "--encoding", &o.encoding) ||
		    cli_opt_value(argc, argv, &i, "--map", &o.map_path))
			continue;
		if (strcmp(argv[i], "--skip-bad") == 0)
			o.skip_bad = true;
		else if (argv[i][0] == '-' && argv[i][1])
			return cli_usage_error(cmd, "đối số không rõ: %s", argv[i]);
		else if (file)
			return cli_usage_error(cmd, "chỉ nhập một tệp mỗi lần");
		else
			file = argv[i];
	}
	if (!file)
		return cli_usage_error(cmd, "cần tên tệp");
	if (cli_open_db(ctx))
		return CLI_ERR;
	struct cchc_err err = { 0 };
	struct dossier_import_result r;
	if (dossier_import_file(&ctx->db, file, &o, &r, &err))
		return cli_error(&err);
	printf("Bảng mã: %s\n", r.encoding);
	if (!listed)
		report_bad(&r);
	if (r.stored)
		report_imported(&r);
	else
		fprintf(stderr, "cchc: không nhập gì vì có %lld dòng lỗi; sửa tệp, hoặc thêm --skip-bad "
			"để nhập %lld hồ sơ hợp lệ và bỏ qua các dòng lỗi.\n", (long long)r.nbad,
			(long long)r.good);
	dossier_import_result_free(&r);
	return r.stored ? CLI_OK : CLI_ERR;
}

/* ------------------------------------------------------------ add, edit */

static int dossier_options(const struct cli_cmd *cmd, int argc, char **argv, int start,
			   struct dossier_input *in)
{
	for (int i = start; i < argc; i++) {
		if (cli_opt_value(argc, argv, &i, "--code", &in->code) ||
		    cli_opt_value(argc, argv, &i, "--procedure", &in->procedure) ||
		    cli_opt_value(argc, argv, &i, "--field", &in->field) ||
		    cli_opt_value(argc, argv, &i, "--holder", &in->holder) ||
		    cli_opt_value(argc, argv, &i, "--address", &in->address) ||
		    cli_opt_value(argc, argv, &i, "--contact", &in->contact) ||
		    cli_opt_value(argc, argv, &i, "--received", &in->received) ||
		    cli_opt_value(argc, argv, &i, "--due", &in->due) ||
		    cli_opt_value(argc, argv, &i, "--resolved", &in->resolved) ||
		    cli_opt_value(argc, argv, &i, "--channel", &in->channel) ||
		    cli_opt_value(argc, argv, &i, "--unit", &in->unit) ||
		    cli_opt_value(argc, argv, &i, "--status", &in->status))
			continue;
		return cli_usage_error(cmd, "đối số không rõ: %s", argv[i]);
	}
	return CLI_OK;
}

static int ds_add(struct cli_ctx *ctx, int argc, char **argv)
{
	const struct cli_cmd *cmd = &cli_dossier_cmds[1];
	struct dossier_input in = { 0 };
	if (dossier_options(cmd, argc, argv, 0, &in))
		return CLI_USAGE;
	if (!in.code || !in.received)
		return cli_usage_error(cmd, "cần --code và --received");
	if (cli_open_db(ctx))
		return CLI_ERR;
	struct cchc_err err = { 0 };
	int64_t id;
	if (dossier_add(&ctx->db, &in, &id, &err))
		return cli_error(&err);
	printf("%lld\n", (long long)id);
	return CLI_OK;
}

static int64_t find_dossier(struct cli_ctx *ctx, const char *code)
{
	int64_t id = dossier_id_by_code(&ctx->db, code);
	if (!id) {
		struct cchc_err err;
		err_set(&err, CCHC_ENOTFOUND, "Không có hồ sơ mã \"%s\"", code);
		cli_error(&err);
	}
	return id;
}

static int ds_edit(struct cli_ctx *ctx, int argc, char **argv)
{
	const struct cli_cmd *cmd = &cli_dossier_cmds[2];
	struct dossier_input in = { 0 };
	if (argc < 1 || argv[0][0] == '-')
		return cli_usage_error(cmd, "cần mã hồ sơ");
	if (dossier_options(cmd, argc, argv, 1, &in))
		return CLI_USAGE;
	if (cli_open_db(ctx))
		return CLI_ERR;
	int64_t id = find_dossier(ctx, argv[0]);
	struct cchc_err err = { 0 };
	if (!id)
		return CLI_ERR;
	return dossier_edit(&ctx->db, id, &in, &err) ? cli_error(&err) : CLI_OK;
}

static void show_line(const char *label, const char *value)
{
	printf("%s: ", label);
	cli_put_text(stdout, value);
	putchar('\n');
}

static void show_date(const char *label, const char *iso)
{
	printf("%s: ", label);
	if (*iso)
		put_vn(iso);
	putchar('\n');
}

static int ds_show(struct cli_ctx *ctx, int argc, char **argv)
{
	if (argc != 1)
		return cli_usage_error(&cli_dossier_cmds[3], "cần một mã hồ sơ");
	if (cli_open_db(ctx))
		return CLI_ERR;
	int64_t id = find_dossier(ctx, argv[0]);
	struct dossier_info d;
	struct cchc_err err = { 0 };
	if (!id)
		return CLI_ERR;
	if (dossier_get(&ctx->db, id, &d, &err))
		return cli_error(&err);
	show_line("Mã hồ sơ", d.code);
	show_line("Thủ tục", d.procedure);
	show_line("Lĩnh vực", d.field);
	show_line("Chủ hồ sơ", d.holder);
	show_line("Địa chỉ", d.address);
	show_line("Liên hệ", d.contact);
	show_line("Hình thức nộp", dossier_channel_label(d.channel));
	show_date("Ngày tiếp nhận", d.received_on);
	show_date("Hạn xử lý", d.due_on);
	show_date("Ngày hoàn thành", d.resolved_on);
	show_line("Trạng thái", d.status);
	show_line("Phòng xử lý", d.unit_code);
	if (d.late)
		printf("Trễ hạn: %d ngày làm việc\n", d.days_late);
	show_line("Phiếu xin lỗi", *d.letter_number ? d.letter_number : "chưa có");
	dossier_info_free(&d);
	return CLI_OK;
}

/* ------------------------------------------------------------ lists */

static void put_dossier_tsv(const struct dossier_info *d)
{
	printf("%s\t%s\t%s\t%s\t%s\t", d->code, d->received_on, d->due_on, d->resolved_on,
	       d->channel);
	cli_put_field(stdout, d->unit_code);
	putchar('\t');
	cli_put_field(stdout, d->holder);
	putchar('\t');
	cli_put_field(stdout, d->procedure);
	putchar('\n');
}

static void put_dossier_text(const struct dossier_info *d)
{
	cli_put_col(stdout, d->code, 26);
	fputs("  ", stdout);
	put_vn(d->received_on);
	fputs("  hạn ", stdout);
	put_vn(d->due_on);
	fputs("  ", stdout);
	if (*d->resolved_on)
		put_vn(d->resolved_on);
	else
		cli_put_col(stdout, "đang xử lý", 10);
	printf("  %s ", d->late ? "TRỄ" : "   ");
	cli_put_col(stdout, d->holder, 24);
	fputs("  ", stdout);
	cli_put_text(stdout, d->procedure);
	putchar('\n');
}

/* Prints every row of a view, a page at a time (keyset), so a million
 * dossiers never sit in memory together. */
static int print_view(struct cli_ctx *ctx, struct dossier_filter *f, int max,
		      void (*put)(const struct dossier_info *))
{
	struct cchc_err err = { 0 };
	struct dossier_info *v = NULL, last = { 0 };
	int n, printed = 0;
	do {
		f->limit = max > 0 && max - printed < 500 ? max - printed : 500;
		if (dossier_list(&ctx->db, f, &v, &n, &err)) {
			dossier_info_free(&last);
			return cli_error(&err);
		}
		for (int i = 0; i < n; i++)
			put(&v[i]);
		printed += n;
		dossier_info_free(&last);
		if (n) {
			last = v[n - 1];
			memset(&v[n - 1], 0, sizeof v[n - 1]);
		}
		dossier_list_free(v, n);
		f->after = &last;
	} while (n == f->limit && (max <= 0 || printed < max));
	dossier_info_free(&last);
	return CLI_OK;
}

static int ds_list(struct cli_ctx *ctx, int argc, char **argv)
{
	const struct cli_cmd *cmd = &cli_dossier_cmds[4];
	struct dossier_filter f = { .view = DV_ALL };
	const char *format = "text", *period = NULL, *limit = NULL;
	bool late = false, without = false, pending = false, tsv;
	for (int i = 0; i < argc; i++) {
		if (cli_opt_value(argc, argv, &i, "--format", &format) ||
		    cli_opt_value(argc, argv, &i, "--period", &period) ||
		    cli_opt_value(argc, argv, &i, "--unit", &f.unit_code) ||
		    cli_opt_value(argc, argv, &i, "--query", &f.query) ||
		    cli_opt_value(argc, argv, &i, "--limit", &limit))
			continue;
		if (strcmp(argv[i], "--late") == 0)
			late = true;
		else if (strcmp(argv[i], "--without-letter") == 0)
			without = true;
		else if (strcmp(argv[i], "--pending") == 0)
			pending = true;
		else
			return cli_usage_error(cmd, "đối số không rõ: %s", argv[i]);
	}
	if (!parse_format(cmd, format, &tsv))
		return CLI_USAGE;
	int max = limit ? atoi(limit) : 0;
	if (limit && max <= 0)
		return cli_usage_error(cmd, "--limit \"%s\" không hợp lệ", limit);
	f.view = without ? DV_LATE_NO_LETTER : late ? DV_LATE : pending ? DV_PENDING : DV_ALL;
	struct period p;
	char from[11], to[11];
	if (open_and_period(ctx, period, &p))
		return CLI_ERR;
	if (period) {
		period_iso(&p, from, to);
		f.from = from;
		f.to = to;
	}
	return print_view(ctx, &f, max, tsv ? put_dossier_tsv : put_dossier_text);
}

static void put_late_tsv(const struct dossier_info *d)
{
	printf("%s\t", d->code);
	cli_put_field(stdout, d->procedure);
	printf("\t%s\t%d\n", d->due_on, d->days_late);
}

static void put_late_text(const struct dossier_info *d)
{
	cli_put_col(stdout, d->code, 26);
	fputs("  hạn ", stdout);
	put_vn(d->due_on);
	printf("  trễ %3d ngày  ", d->days_late);
	cli_put_col(stdout, *d->letter_number ? d->letter_number : "chưa có phiếu", 14);
	fputs("  ", stdout);
	cli_put_text(stdout, d->procedure);
	putchar('\n');
}

static int ds_late(struct cli_ctx *ctx, int argc, char **argv)
{
	const struct cli_cmd *cmd = &cli_dossier_cmds[5];
	struct dossier_filter f = { .view = DV_LATE };
	const char *format = "text";
	bool tsv;
	for (int i = 0; i < argc; i++) {
		if (cli_opt_value(argc, argv, &i, "--format", &format) ||
		    cli_opt_value(argc, argv, &i, "--unit", &f.unit_code))
			continue;
		if (strcmp(argv[i], "--without-letter") == 0)
			f.view = DV_LATE_NO_LETTER;
		else
			return cli_usage_error(cmd, "đối số không rõ: %s", argv[i]);
	}
	if (!parse_format(cmd, format, &tsv))
		return CLI_USAGE;
	if (cli_open_db(ctx))
		return CLI_ERR;
	return print_view(ctx, &f, 0, tsv ? put_late_tsv : put_late_text);
}

/* ------------------------------------------------------------ stats */

static const char *const stat_names[] = {
	"received_total", "received_online", "received_offline", "received_carried",
	"resolved_total", "resolved_early", "resolved_on_time", "resolved_late",
	"pending_total", "pending_in_time", "pending_overdue"
};
static const char *const stat_labels[] = {
	"Số hồ sơ nhận giải quyết", "  Tiếp nhận trực tuyến", "  Tiếp nhận trực tiếp, qua bưu chính",
	"  Kỳ trước chuyển qua", "Số hồ sơ đã giải quyết", "  Trước hạn", "  Đúng hạn",
	"  Quá hạn", "Số hồ sơ đang giải quyết", "  Trong hạn", "  Quá hạn"
};
#define NSTATS 11

static void stat_values(const struct dossier_stats *s, int64_t v[NSTATS])
{
	const int64_t vals[NSTATS] = { s->received_total, s->received_online, s->received_offline,
				       s->received_carried, s->resolved_total, s->resolved_early,
				       s->resolved_on_time, s->resolved_late, s->pending_total,
				       s->pending_in_time, s->pending_overdue };
	memcpy(v, vals, sizeof vals);
}

/* The rate with a dot for tsv ("83.33") or a comma for people ("83,33%"). */
static void put_rate(const struct dossier_stats *s, bool tsv)
{
	double r;
	char buf[32];
	if (!dossier_on_time_rate(s, &r)) {
		fputs(tsv ? "" : "không có hồ sơ nào đã giải quyết", stdout);
		return;
	}
	snprintf(buf, sizeof buf, "%.2f", r);
	if (!tsv)
		*strchr(buf, '.') = ',';
	printf("%s%s", buf, tsv ? "" : "%");
}

static void print_one(const struct dossier_stats *s, const struct period *p, bool tsv)
{
	int64_t v[NSTATS];
	stat_values(s, v);
	char a[11], b[11];
	if (!tsv) {
		date_format_vn(p->from, a);
		date_format_vn(p->to, b);
		printf("Hồ sơ thủ tục hành chính, %s (số liệu từ %s đến %s)\n", p->label, a, b);
	}
	for (int i = 0; i < NSTATS; i++) {
		if (tsv)
			printf("%s\t%lld\n", stat_names[i], (long long)v[i]);
		else {
			cli_put_col(stdout, stat_labels[i], 40);
			printf(" %8lld\n", (long long)v[i]);
		}
	}
	fputs(tsv ? "on_time_rate\t" : "Tỷ lệ giải quyết đúng hạn: ", stdout);
	put_rate(s, tsv);
	putchar('\n');
}

/* Short column heads for the grouped table (the order of stat_names). */
static const char *const stat_heads[] = {
	"Nhận", "T.tuyến", "T.tiếp", "Kỳ trc", "Đã GQ", "Tr.hạn", "Đ.hạn", "Q.hạn", "Đang", "T.hạn",
	"Q.hạn"
};

static void print_grouped(const struct dossier_stats *s, int n, bool tsv)
{
	if (tsv)
		fputs("group", stdout);
	else
		cli_put_col(stdout, "Nhóm", 32);
	for (int i = 0; i < NSTATS; i++) {
		if (tsv) {
			printf("\t%s", stat_names[i]);
		} else {
			putchar(' ');
			cli_put_col(stdout, stat_heads[i], 7);
		}
	}
	puts(tsv ? "\ton_time_rate" : " Tỷ lệ đúng hạn");
	for (int r = 0; r < n; r++) {
		int64_t v[NSTATS];
		stat_values(&s[r], v);
		if (tsv)
			cli_put_field(stdout, s[r].group);
		else
			cli_put_col(stdout, *s[r].group ? s[r].group : "(chưa ghi)", 32);
		for (int i = 0; i < NSTATS; i++)
			printf(tsv ? "\t%lld" : " %7lld", (long long)v[i]);
		putchar(tsv ? '\t' : ' ');
		put_rate(&s[r], tsv);
		putchar('\n');
	}
}

static int ds_stats(struct cli_ctx *ctx, int argc, char **argv)
{
	const struct cli_cmd *cmd = &cli_dossier_cmds[6];
	const char *format = "text", *period = NULL, *by = NULL;
	bool tsv;
	for (int i = 0; i < argc; i++)
		if (!cli_opt_value(argc, argv, &i, "--format", &format) &&
		    !cli_opt_value(argc, argv, &i, "--period", &period) &&
		    !cli_opt_value(argc, argv, &i, "--by", &by))
			return cli_usage_error(cmd, "đối số không rõ: %s", argv[i]);
	if (!period)
		return cli_usage_error(cmd, "cần --period (ví dụ 2026-Q1)");
	enum dossier_group g = !by ? DG_NONE : strcmp(by, "field") == 0 ? DG_FIELD
			     : strcmp(by, "unit") == 0 ? DG_UNIT : (enum dossier_group)-1;
	if ((int)g < 0)
		return cli_usage_error(cmd, "--by \"%s\": dùng field hoặc unit", by);
	if (!parse_format(cmd, format, &tsv))
		return CLI_USAGE;
	struct period p;
	if (open_and_period(ctx, period, &p))
		return CLI_ERR;
	char from[11], to[11];
	period_iso(&p, from, to);
	struct dossier_stats *s;
	int n;
	struct cchc_err err = { 0 };
	if (dossier_stats(&ctx->db, from, to, g, &s, &n, &err))
		return cli_error(&err);
	if (g == DG_NONE && n == 1)
		print_one(&s[0], &p, tsv);
	else
		print_grouped(s, n, tsv);
	free(s);
	return CLI_OK;
}
