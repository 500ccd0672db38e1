/* cchc feedback add | classify | forward | assign | progress | answer | publish |
 * reject | archive | list | show | stats | edit */
#include <config.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include "cli/cli.h"
#include "core/feedback.h"
#include "core/period.h"
#include "core/settings.h"
#include "text/date.h"

static int fb_add(struct cli_ctx *ctx, int argc, char **argv);
static int fb_classify(struct cli_ctx *ctx, int argc, char **argv);
static int fb_forward(struct cli_ctx *ctx, int argc, char **argv);
static int fb_assign(struct cli_ctx *ctx, int argc, char **argv);
static int fb_progress(struct cli_ctx *ctx, int argc, char **argv);
static int fb_answer(struct cli_ctx *ctx, int argc, char **argv);
static int fb_publish(struct cli_ctx *ctx, int argc, char **argv);
static int fb_reject(struct cli_ctx *ctx, int argc, char **argv);
static int fb_archive(struct cli_ctx *ctx, int argc, char **argv);
static int fb_list(struct cli_ctx *ctx, int argc, char **argv);
static int fb_show(struct cli_ctx *ctx, int argc, char **argv);
static int fb_stats(struct cli_ctx *ctx, int argc, char **argv);
static int fb_edit(struct cli_ctx *ctx, int argc, char **argv);

const struct cli_cmd cli_feedback_cmds[] = {
	{ "feedback", "add", fb_add,
	  "--received NGÀY --channel KÊNH --sender NGƯỜI_GỬI --content NỘI_DUNG "
	  "[--kind phan-anh|kien-nghi] [--contact LIÊN_HỆ] [--topic LOẠI_NỘI_DUNG] [--related TTHC]",
	  "Vào sổ một phản ánh, kiến nghị (kênh: văn bản, trực tiếp, điện thoại, email, cổng DVC, "
	  "phiếu); in mã số." },
	{ "feedback", "classify", fb_classify,
	  "MÃ [--topic LOẠI_NỘI_DUNG] [--kind phan-anh|kien-nghi] [--date NGÀY]",
	  "Phân loại theo Nghị định 20/2008 (hanh-vi, khong-phu-hop, khong-dong-bo, "
	  "khong-hop-phap, khac)." },
	{ "feedback", "forward", fb_forward, "MÃ --to CƠ_QUAN --date NGÀY [--number SỐ_VĂN_BẢN]",
	  "Chuyển cơ quan có thẩm quyền (hạn: feedback.forward_days ngày làm việc từ ngày tiếp nhận)." },
	{ "feedback", "assign", fb_assign, "MÃ --unit MÃ_ĐV [--due NGÀY] [--date NGÀY]",
	  "Giao phòng xử lý; hạn mặc định theo kênh (feedback.due.KÊNH ngày làm việc từ ngày tiếp "
	  "nhận)." },
	{ "feedback", "progress", fb_progress, "MÃ --note NỘI_DUNG [--date NGÀY]",
	  "Ghi tiến độ xử lý (ghi được nhiều lần khi đang xử lý)." },
	{ "feedback", "answer", fb_answer,
	  "MÃ --date NGÀY --text NỘI_DUNG [--signer NGƯỜI_KÝ] [--channel KÊNH]",
	  "Ghi văn bản trả lời người gửi (sau khi đã giao phòng xử lý)." },
	{ "feedback", "publish", fb_publish, "MÃ --date NGÀY --where NƠI",
	  "Ghi việc công khai kết quả trả lời (trang thông tin điện tử, niêm yết, báo chí...)." },
	{ "feedback", "reject", fb_reject, "MÃ --note CÁCH_HƯỚNG_DẪN [--date NGÀY]",
	  "Không đủ điều kiện xử lý: ghi cách đã hướng dẫn người gửi." },
	{ "feedback", "archive", fb_archive, "MÃ [--date NGÀY]",
	  "Lưu hồ sơ (sau khi đã công khai, đã chuyển hoặc không đủ điều kiện xử lý)." },
	{ "feedback", "list", fb_list,
	  "[--status TRẠNG_THÁI] [--overdue] [--due-within N] [--unit MÃ_ĐV] [--period KỲ] "
	  "[--format text|tsv]",
	  "Liệt kê phản ánh, kiến nghị theo hạn (tsv: mã, trạng thái, hạn, đơn vị, người gửi)." },
	{ "feedback", "show", fb_show, "MÃ", "In một phản ánh, kiến nghị và quá trình xử lý." },
	{ "feedback", "stats", fb_stats, "--period KỲ [--format text|tsv]",
	  "Số liệu kỳ báo cáo: tiếp nhận, kỳ trước chuyển sang, đã xử lý (đúng hạn, trễ hạn), "
	  "đang giải quyết (quá hạn), đã công khai." },
	{ "feedback", "edit", fb_edit,
	  "MÃ [--sender S] [--contact X] [--content T] [--kind K] [--topic T] [--related R]",
	  "Sửa thông tin mô tả của phản ánh, kiến nghị (không ghi bước xử lý)." },
	{ NULL, NULL, NULL, NULL, NULL },
};

/* The table entry of a verb, for usage messages. */
static const struct cli_cmd *cmd_of(const char *verb)
{
	for (const struct cli_cmd *c = cli_feedback_cmds; c->noun; c++)
		if (strcmp(c->verb, verb) == 0)
			return c;
	return &cli_feedback_cmds[0];
}

static int need_id(const struct cli_cmd *cmd, int argc, char **argv, int64_t *id)
{
	if (argc < 1)
		return cli_usage_error(cmd, "thiếu mã phản ánh, kiến nghị");
	if (!cli_parse_id(argv[0], id))
		return cli_usage_error(cmd, "mã phản ánh, kiến nghị \"%s\" không hợp lệ", argv[0]);
	return CLI_OK;
}

static bool valid_day(const char *s)
{
	struct ymd d;
	return date_parse_iso(s, &d) || date_parse_dmy(s, &d);
}

static int bad_day(const struct cli_cmd *cmd, const char *opt, const char *v)
{
	return cli_usage_error(cmd, "%s \"%s\" không phải ngày (dd/mm/yyyy hoặc YYYY-MM-DD)", opt, v);
}

/* ---- Workflow verbs: which options each takes and needs ------------------ */

enum {
	FB_DATE = 1 << 0, FB_NOTE = 1 << 1, FB_TOPIC = 1 << 2, FB_KIND = 1 << 3, FB_TO = 1 << 4,
	FB_NUMBER = 1 << 5, FB_UNIT = 1 << 6, FB_DUE = 1 << 7, FB_TEXT = 1 << 8, FB_SIGNER = 1 << 9,
	FB_CHANNEL = 1 << 10, FB_WHERE = 1 << 11
};

static const struct {
	const char *name;
	unsigned bit;
	size_t off;
	bool is_date;
} action_opts[] = {
	{ "--date", FB_DATE, offsetof(struct feedback_action, date), true },
	{ "--note", FB_NOTE, offsetof(struct feedback_action, note), false },
	{ "--topic", FB_TOPIC, offsetof(struct feedback_action, topic), false },
	{ "--kind", FB_KIND, offsetof(struct feedback_action, kind), false },
	{ "--to", FB_TO, offsetof(struct feedback_action, to), false },
	{ "--number", FB_NUMBER, offsetof(struct feedback_action, number), false },
	{ "--unit", FB_UNIT, offsetof(struct feedback_action, unit), false },
	{ "--due", FB_DUE, offsetof(struct feedback_action, due), true },
	{ "--text", FB_TEXT, offsetof(struct feedback_action, text), false },
	{ "--signer", FB_SIGNER, offsetof(struct feedback_action, signer), false },
	{ "--channel", FB_CHANNEL, offsetof(struct feedback_action, channel), false },
	{ "--where", FB_WHERE, offsetof(struct feedback_action, where), false },
};
#define NOPTS (sizeof action_opts / sizeof action_opts[0])

static const struct {
	enum feedback_verb verb;
	unsigned allowed, required;
} verb_opts[FEEDBACK_NVERB] = {
	{ FEEDBACK_CLASSIFY, FB_TOPIC | FB_KIND | FB_DATE, 0 },
	{ FEEDBACK_REJECT, FB_NOTE | FB_DATE, FB_NOTE },
	{ FEEDBACK_FORWARD, FB_TO | FB_DATE | FB_NUMBER, FB_TO | FB_DATE },
	{ FEEDBACK_ASSIGN, FB_UNIT | FB_DUE | FB_DATE, FB_UNIT },
	{ FEEDBACK_PROGRESS, FB_NOTE | FB_DATE, FB_NOTE },
	{ FEEDBACK_ANSWER, FB_DATE | FB_TEXT | FB_SIGNER | FB_CHANNEL, FB_DATE | FB_TEXT },
	{ FEEDBACK_PUBLISH, FB_DATE | FB_WHERE, FB_DATE | FB_WHERE },
	{ FEEDBACK_ARCHIVE, FB_DATE | FB_NOTE, 0 },
};

/* One option of a step into a; 1 when taken, 0 when not an option of this
 * verb, -1 after a usage error. */
static int step_option(const struct cli_cmd *cmd, unsigned allowed, int argc, char **argv,
		       int *i, struct feedback_action *a, unsigned *seen)
{
	for (size_t k = 0; k < NOPTS; k++) {
		const char *v;
		if (!(allowed & action_opts[k].bit) ||
		    !cli_opt_value(argc, argv, i, action_opts[k].name, &v))
			continue;
		if (action_opts[k].is_date && !valid_day(v))
			return bad_day(cmd, action_opts[k].name, v), -1;
		*(const char **)((char *)a + action_opts[k].off) = v;
		*seen |= action_opts[k].bit;
		return 1;
	}
	return 0;
}

static int missing_option(const struct cli_cmd *cmd, unsigned missing)
{
	for (size_t k = 0; k < NOPTS; k++)
		if (missing & action_opts[k].bit)
			return cli_usage_error(cmd, "thiếu %s", action_opts[k].name);
	return CLI_USAGE;
}

/* "cchc feedback VERB ID --options": one workflow step. */
static int run_step(struct cli_ctx *ctx, enum feedback_verb verb, int argc, char **argv)
{
	const struct cli_cmd *cmd = cmd_of(feedback_verb_code(verb));
	struct feedback_action a = { NULL };
	unsigned seen = 0;
	int64_t id;
	if (need_id(cmd, argc, argv, &id))
		return CLI_USAGE;
	for (int i = 1; i < argc; i++) {
		int r = step_option(cmd, verb_opts[verb].allowed, argc, argv, &i, &a, &seen);
		if (r < 0)
			return CLI_USAGE;
		if (r == 0)
			return cli_usage_error(cmd, "đối số không rõ: %s", argv[i]);
	}
	if (verb_opts[verb].required & ~seen)
		return missing_option(cmd, verb_opts[verb].required & ~seen);
	if (cli_open_db(ctx))
		return CLI_ERR;
	struct cchc_err err = { 0 };
	return feedback_act(&ctx->db, id, verb, &a, &err) ? cli_error(&err) : CLI_OK;
}

static int fb_classify(struct cli_ctx *ctx, int argc, char **argv)
{
	return run_step(ctx, FEEDBACK_CLASSIFY, argc, argv);
}

static int fb_forward(struct cli_ctx *ctx, int argc, char **argv)
{
	return run_step(ctx, FEEDBACK_FORWARD, argc, argv);
}

static int fb_assign(struct cli_ctx *ctx, int argc, char **argv)
{
	return run_step(ctx, FEEDBACK_ASSIGN, argc, argv);
}

static int fb_progress(struct cli_ctx *ctx, int argc, char **argv)
{
	return run_step(ctx, FEEDBACK_PROGRESS, argc, argv);
}

static int fb_answer(struct cli_ctx *ctx, int argc, char **argv)
{
	return run_step(ctx, FEEDBACK_ANSWER, argc, argv);
}

static int fb_publish(struct cli_ctx *ctx, int argc, char **argv)
{
	return run_step(ctx, FEEDBACK_PUBLISH, argc, argv);
}

static int fb_reject(struct cli_ctx *ctx, int argc, char **argv)
{
	return run_step(ctx, FEEDBACK_REJECT, argc, argv);
}

static int fb_archive(struct cli_ctx *ctx, int argc, char **argv)
{
	return run_step(ctx, FEEDBACK_ARCHIVE, argc, argv);
}

/* ---- add and edit --------------------------------------------------------- */

/* The descriptive options from argv[start] into in. */
static int input_options(const struct cli_cmd *cmd, int argc, char **argv, int start,
			 struct feedback_input *in, bool adding)
{
	for (int i = start; i < argc; i++) {
		if (cli_opt_value(argc, argv, &i, "--sender", &in->sender) ||
		    cli_opt_value(argc, argv, &i, "--contact", &in->contact) ||
		    cli_opt_value(argc, argv, &i, "--content", &in->content) ||
		    cli_opt_value(argc, argv, &i, "--kind", &in->kind) ||
		    cli_opt_value(argc, argv, &i, "--topic", &in->topic) ||
		    cli_opt_value(argc, argv, &i, "--related", &in->related))
			continue;
		if (adding && (cli_opt_value(argc, argv, &i, "--received", &in->received) ||
			       cli_opt_value(argc, argv, &i, "--channel", &in->channel)))
			continue;
		return cli_usage_error(cmd, "đối số không rõ: %s", argv[i]);
	}
	if (in->received && !valid_day(in->received))
		return bad_day(cmd, "--received", in->received);
	return CLI_OK;
}

static int fb_add(struct cli_ctx *ctx, int argc, char **argv)
{
	const struct cli_cmd *cmd = cmd_of("add");
	struct feedback_input in = { NULL };
	if (input_options(cmd, argc, argv, 0, &in, true))
		return CLI_USAGE;
	const char *need[] = { in.received, in.channel, in.sender, in.content };
	const char *names[] = { "--received", "--channel", "--sender", "--content" };
	for (int i = 0; i < 4; i++)
		if (!need[i])
			return cli_usage_error(cmd, "thiếu %s", names[i]);
	if (cli_open_db(ctx))
		return CLI_ERR;
	struct cchc_err err = { 0 };
	int64_t id;
	if (feedback_add(&ctx->db, &in, &id, &err))
		return cli_error(&err);
	printf("%lld\n", (long long)id);
	return CLI_OK;
}

static int fb_edit(struct cli_ctx *ctx, int argc, char **argv)
{
	const struct cli_cmd *cmd = cmd_of("edit");
	struct feedback_input in = { NULL };
	int64_t id;
	if (need_id(cmd, argc, argv, &id) || input_options(cmd, argc, argv, 1, &in, false))
		return CLI_USAGE;
	if (cli_open_db(ctx))
		return CLI_ERR;
	struct cchc_err err = { 0 };
	return feedback_edit(&ctx->db, id, &in, &err) ? cli_error(&err) : CLI_OK;
}

/* ---- list ------------------------------------------------------------------ */

static void print_row(const struct feedback_info *f, bool tsv)
{
	if (tsv) {
		printf("%lld\t%s\t", (long long)f->id, feedback_status_code(f->status));
		cli_put_field(stdout, f->due_on);
		putchar('\t');
		cli_put_field(stdout, f->unit_code);
		putchar('\t');
		cli_put_field(stdout, f->sender);
		putchar('\n');
		return;
	}
	char due[11];
	cli_date_vn(f->due_on, due);
	printf("%5lld  ", (long long)f->id);
	cli_put_col(stdout, feedback_status_label(f->status), 32);
	cli_put_col(stdout, f->overdue ? "quá hạn" : f->late ? "trễ hạn" : "", 9);
	cli_put_col(stdout, *due ? due : "-", 12);
	cli_put_col(stdout, *f->unit_code ? f->unit_code : "-", 8);
	cli_put_field(stdout, f->sender);
	putchar('\n');
}

/* Prints every row, fetched page by page with the last row as the key. */
static int print_pages(struct db *db, struct feedback_filter *f, bool tsv, struct cchc_err *err)
{
	struct feedback_info *v = NULL, last = { 0 };
	int n;
	f->limit = 500;
	do {
		f->after = last.id ? &last : NULL;
		if (feedback_list(db, f, &v, &n, err))
			break;
		for (int i = 0; i < n; i++)
			print_row(&v[i], tsv);
		if (n) {
			feedback_info_free(&last);
			last = v[n - 1];
			memset(&v[n - 1], 0, sizeof v[n - 1]);
		}
		feedback_list_free(v, n);
	} while (n == f->limit);
	feedback_info_free(&last);
	return err->code;
}

/* Options of list that take no database. */
static int list_option(const struct cli_cmd *cmd, int argc, char **argv, int *i,
		       struct feedback_filter *f, const char **period, const char **format)
{
	const char *v;
	if (strcmp(argv[*i], "--overdue") == 0) {
		f->overdue = true;
	} else if (cli_opt_value(argc, argv, i, "--unit", &f->unit_code) ||
		   cli_opt_value(argc, argv, i, "--period", period) ||
		   cli_opt_value(argc, argv, i, "--format", format)) {
		return CLI_OK;
	} else if (cli_opt_value(argc, argv, i, "--status", &v)) {
		if ((f->status = feedback_status_parse(v)) < 0)
			return cli_usage_error(cmd, "trạng thái \"%s\" không có (da-vao-so, phan-loai, "
					       "khong-du-dk, chuyen, giao, dang-xu-ly, da-tra-loi, "
					       "da-cong-khai, luu, hoặc tên tiếng Việt)", v);
	} else if (cli_opt_value(argc, argv, i, "--due-within", &v)) {
		char *end;
		long n = strtol(v, &end, 10);
		if (!*v || *end || n < 0 || n > 10000)
			return cli_usage_error(cmd, "--due-within cần số ngày làm việc (0 đến 10000)");
		f->due_within = (int)n;
	} else {
		return cli_usage_error(cmd, "đối số không rõ: %s", argv[*i]);
	}
	return CLI_OK;
}

/* The period the clerk named, with the cut-off day in force. */
static int parse_period(struct cli_ctx *ctx, const struct cli_cmd *cmd, const char *s,
			struct period *p)
{
	struct cchc_err err = { 0 };
	if (period_parse(s, settings_get_int(&ctx->db, "period.cutoff_day", 15), p, &err))
		return cli_usage_error(cmd, "%s", err.msg);
	return CLI_OK;
}

static bool valid_format(const char *f)
{
	return strcmp(f, "text") == 0 || strcmp(f, "tsv") == 0;
}

static int fb_list(struct cli_ctx *ctx, int argc, char **argv)
{
	const struct cli_cmd *cmd = cmd_of("list");
	struct feedback_filter f = { .status = -1, .due_within = -1 };
	const char *period = NULL, *format = "text";
	for (int i = 0; i < argc; i++)
		if (list_option(cmd, argc, argv, &i, &f, &period, &format))
			return CLI_USAGE;
	if (!valid_format(format))
		return cli_usage_error(cmd, "định dạng \"%s\" không hỗ trợ (text, tsv)", format);
	if (cli_open_db(ctx))
		return CLI_ERR;
	struct period p;
	char from[11], to[11];
	if (period && parse_period(ctx, cmd, period, &p))
		return CLI_USAGE;
	if (period) {
		period_iso(&p, from, to);
		f.from = from, f.to = to;
	}
	struct cchc_err err = { 0 };
	return print_pages(&ctx->db, &f, strcmp(format, "tsv") == 0, &err) ? cli_error(&err) : CLI_OK;
}

/* ---- show ------------------------------------------------------------------ */

static void kv(const char *key, const char *value)
{
	if (!*value)
		return;
	printf("%s: ", key);
	cli_put_field(stdout, value);
	putchar('\n');
}

static void kv_date(const char *key, const char *iso)
{
	char d[11];
	cli_date_vn(iso, d);
	kv(key, d);
}

static void print_status(const struct feedback_info *f)
{
	char due[11], close_due[11];
	cli_date_vn(f->due_on, due);
	cli_date_vn(f->due_at_close, close_due);
	printf("Trạng thái: %s%s\n", feedback_status_label(f->status), f->overdue ? " (quá hạn)" : "");
	if (*f->unit_code) {
		fputs("Đơn vị xử lý: ", stdout);
		cli_put_field(stdout, f->unit_code);
		fputs(" (", stdout);
		cli_put_field(stdout, f->unit_name);
		puts(")");
	}
	kv("Hạn", due);
	if (*f->closed_on) {
		char closed[11];
		cli_date_vn(f->closed_on, closed);
		fputs("Ngày kết thúc xử lý: ", stdout);
		cli_put_field(stdout, closed);
		if (*close_due) {
			fputs(f->late ? ", trễ hạn (hạn " : ", đúng hạn (hạn ", stdout);
			cli_put_field(stdout, close_due);
			putchar(')');
		}
		putchar('\n');
	}
}

static void print_record(const struct feedback_info *f)
{
	printf("%s số %lld\n", strcmp(f->kind, "kien-nghi") ? "Phản ánh" : "Kiến nghị",
	       (long long)f->id);
	kv_date("Ngày tiếp nhận", f->received_on);
	kv("Kênh", feedback_channel_label(f->channel));
	kv("Người gửi", f->sender);
	kv("Liên hệ", f->contact);
	kv("Loại", feedback_kind_label(f->kind));
	kv("Nội dung phân loại", feedback_topic_label(f->topic));
	kv("TTHC, quy định liên quan", f->related);
	kv("Nội dung", f->content);
	print_status(f);
	kv("Chuyển đến", f->forward_to);
	kv("Văn bản chuyển số", f->forward_no);
	kv("Trả lời", f->answer_text);
	kv("Người ký", f->answer_signer);
	kv("Kênh trả lời", feedback_channel_label(f->answer_channel));
	kv("Công khai tại", f->published_where);
	kv_date("Ngày công khai", f->published_on);
}

static void print_history(const struct feedback_step *s, int n)
{
	puts("Quá trình xử lý:");
	for (int i = 0; i < n; i++) {
		char d[11];
		cli_date_vn(s[i].on_date, d);
		fputs("  ", stdout);
		cli_put_field(stdout, d);
		fputs("  ", stdout);
		cli_put_field(stdout, feedback_step_label(s[i].step));
		fputs(*s[i].note ? " — " : "", stdout);
		cli_put_field(stdout, s[i].note);
		putchar('\n');
	}
}

/* The steps allowed now, as the commands that do them. */
static void print_next(unsigned verbs)
{
	fputs("Bước tiếp theo:", stdout);
	const char *sep = " ";
	for (int v = 0; v < FEEDBACK_NVERB; v++)
		if (verbs & (1u << v)) {
			printf("%s%s (%s)", sep, feedback_verb_code(v), feedback_verb_label(v));
			sep = ", ";
		}
	puts(verbs ? "" : " không còn (đã lưu)");
}

static int fb_show(struct cli_ctx *ctx, int argc, char **argv)
{
	const struct cli_cmd *cmd = cmd_of("show");
	int64_t id;
	if (need_id(cmd, argc, argv, &id))
		return CLI_USAGE;
	if (argc > 1)
		return cli_usage_error(cmd, "đối số không rõ: %s", argv[1]);
	if (cli_open_db(ctx))
		return CLI_ERR;
	struct cchc_err err = { 0 };
	struct feedback_info f;
	struct feedback_step *steps;
	int n;
	if (feedback_get(&ctx->db, id, &f, &err))
		return cli_error(&err);
	print_record(&f);
	if (feedback_steps(&ctx->db, id, &steps, &n, &err) == CCHC_OK) {
		print_history(steps, n);
		feedback_steps_free(steps, n);
	}
	print_next(feedback_next_verbs(f.status));
	feedback_info_free(&f);
	return err.code ? cli_error(&err) : CLI_OK;
}

/* ---- stats ------------------------------------------------------------------ */

static void print_stats(const struct period *p, const struct feedback_stats *s, bool tsv)
{
	if (!tsv && p->kind == PERIOD_CUSTOM)
		printf("Phản ánh, kiến nghị %s\n", p->label);
	if (!tsv && p->kind != PERIOD_CUSTOM) {
		char from[11], to[11];
		date_format_vn(p->from, from);
		date_format_vn(p->to, to);
		printf("Phản ánh, kiến nghị %s (từ %s đến %s)\n", p->label, from, to);
	}
	for (const struct feedback_stat_field *f = feedback_stat_fields; f->name; f++) {
		int v = *(const int *)((const char *)s + f->offset);
		if (tsv) {
			printf("%s\t%d\n", f->name, v);
		} else {
			cli_put_col(stdout, f->label, 32);
			printf("%d\n", v);
		}
	}
}

static int fb_stats(struct cli_ctx *ctx, int argc, char **argv)
{
	const struct cli_cmd *cmd = cmd_of("stats");
	const char *period = NULL, *format = "text";
	for (int i = 0; i < argc; i++)
		if (!cli_opt_value(argc, argv, &i, "--period", &period) &&
		    !cli_opt_value(argc, argv, &i, "--format", &format))
			return cli_usage_error(cmd, "đối số không rõ: %s", argv[i]);
	if (!period)
		return cli_usage_error(cmd, "thiếu --period (ví dụ 2026-Q1, 2026, 01/01/2026..31/03/2026)");
	if (!valid_format(format))
		return cli_usage_error(cmd, "định dạng \"%s\" không hỗ trợ (text, tsv)", format);
	if (cli_open_db(ctx))
		return CLI_ERR;
	struct period p;
	if (parse_period(ctx, cmd, period, &p))
		return CLI_USAGE;
	struct cchc_err err = { 0 };
	struct feedback_stats s;
	if (feedback_stats(&ctx->db, p.from, p.to, &s, &err))
		return cli_error(&err);
	print_stats(&p, &s, strcmp(format, "tsv") == 0);
	return CLI_OK;
}
