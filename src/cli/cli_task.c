/* cchc task add | list | show | edit | done | note | suggest; cchc agenda */
#include <config.h>
#include <stdlib.h>
#include <string.h>
#include "cli/cli.h"
#include "core/calendar.h"
#include "core/dossier.h"
#include "core/feedback.h"
#include "core/report.h"
#include "core/plan.h"
#include "core/suggest.h"
#include "core/task.h"
#include "core/unit.h"
#include "util/sbuf.h"

static int task_add_cmd(struct cli_ctx *ctx, int argc, char **argv);
static int task_list_cmd(struct cli_ctx *ctx, int argc, char **argv);
static int task_show_cmd(struct cli_ctx *ctx, int argc, char **argv);
static int task_edit_cmd(struct cli_ctx *ctx, int argc, char **argv);
static int task_done_cmd(struct cli_ctx *ctx, int argc, char **argv);
static int task_note_cmd(struct cli_ctx *ctx, int argc, char **argv);
static int task_suggest_cmd(struct cli_ctx *ctx, int argc, char **argv);
static int agenda_cmd(struct cli_ctx *ctx, int argc, char **argv);

const struct cli_cmd cli_task_cmds[] = {
	{ "task", "add", task_add_cmd,
	  "--section MÃ_MỤC --title TÊN --lead MÃ_ĐV [--co MÃ_ĐV]... [--due THỜI_HẠN] [--product SP] "
	  "[--description MÔ_TẢ]",
	  "Giao một nhiệm vụ theo đề mục của kế hoạch; in mã số nhiệm vụ." },
	{ "task", "list", task_list_cmd,
	  "[--unit MÃ_ĐV] [--status S] [--overdue] [--due-within N] [--due-unclear] [--plan MÃ] "
	  "[--section MÃ] [--format text|tsv|json]",
	  "Liệt kê nhiệm vụ theo hạn (tsv: mã, trạng thái, hạn, đơn vị chủ trì, tên); "
	  "--due-unclear: thời hạn chưa rõ, cần ghi lại (cả kỳ hằng năm đã qua trước khi giao), "
	  "kèm thời hạn như đã ghi và lý do (tsv: thêm hai cột)." },
	{ "task", "show", task_show_cmd, "MÃ", "In chi tiết một nhiệm vụ và các ghi chú tiến độ." },
	{ "task", "edit", task_edit_cmd,
	  "MÃ [--title T] [--lead MÃ_ĐV] [--co MÃ_ĐV]... [--due THỜI_HẠN] [--product SP] "
	  "[--description MÔ_TẢ] [--status S] [--section MÃ_MỤC]",
	  "Sửa nhiệm vụ (--co thay toàn bộ đơn vị phối hợp)." },
	{ "task", "done", task_done_cmd, "MÃ [--date NGÀY]", "Đánh dấu nhiệm vụ đã hoàn thành." },
	{ "task", "note", task_note_cmd, "MÃ NỘI_DUNG [--period KỲ] [--date NGÀY]",
	  "Thêm ghi chú tiến độ (ví dụ --period 2026-Q3)." },
	{ "task", "suggest", task_suggest_cmd,
	  "[MÃ_KH] [--accept all|SỐ,SỐ... [--create-units]] [--format text|tsv]",
	  "Đề xuất nhiệm vụ từ các dòng \"Cơ quan chủ trì/phối hợp/thực hiện\", câu \"<đơn vị> chủ "
	  "trì…\", \"Giao <đơn vị>…\" và bảng phụ lục; --accept để tạo (nhóm \"các phòng\", \"các "
	  "Sở, ban, ngành\": mỗi đơn vị một nhiệm vụ); --create-units thêm các đơn vị mới được nêu. "
	  "tsv: số, mục, tên, chủ trì, phối hợp, hạn, loại nhóm, tên nhóm, đơn vị mới chủ trì, "
	  "đơn vị mới phối hợp." },
	{ NULL, NULL, NULL, NULL, NULL },
};

const struct cli_cmd cli_agenda_cmds[] = {
	{ "agenda", "", agenda_cmd, "[--within N] [--unit MÃ_ĐV]",
	  "Việc cần làm: quá hạn, sắp đến hạn trong N ngày làm việc (mặc định 10), theo đơn vị." },
	{ NULL, NULL, NULL, NULL, NULL },
};

static bool parse_day(const char *s, struct ymd *d)
{
	return date_parse_iso(s, d) || date_parse_dmy(s, d);
}

/* Options shared by add and edit; returns 1 when argv[*i] was one, -1 on error. */
static int task_option(const struct cli_cmd *cmd, int argc, char **argv, int *i,
		       struct task_input *in, const char **co, int *nco)
{
	const char *v;
	if (cli_opt_value(argc, argv, i, "--title", &in->title) ||
	    cli_opt_value(argc, argv, i, "--lead", &in->lead_code) ||
	    cli_opt_value(argc, argv, i, "--due", &in->due_text) ||
	    cli_opt_value(argc, argv, i, "--product", &in->product) ||
	    cli_opt_value(argc, argv, i, "--description", &in->description))
		return 1;
	if (cli_opt_value(argc, argv, i, "--co", &v)) {
		if (*nco == 32)
			return cli_usage_error(cmd, "tối đa 32 đơn vị phối hợp"), -1;
		if (*v)
			co[(*nco)++] = v; /* --co "" clears them (edit) */
		in->set_co = true;
		return 1;
	}
	if (cli_opt_value(argc, argv, i, "--section", &v)) {
		if (!cli_parse_id(v, &in->section_id))
			return cli_usage_error(cmd, "mã đề mục \"%s\" không hợp lệ", v), -1;
		return 1;
	}
	if (cli_opt_value(argc, argv, i, "--status", &v)) {
		if ((in->status = task_status_parse(v)) < 0)
			return cli_usage_error(cmd, "trạng thái \"%s\" không có (todo, doing, done, paused "
					       "hoặc chưa thực hiện, đang thực hiện, hoàn thành, tạm dừng)", v), -1;
		return 1;
	}
	return 0;
}

/* All of argv from start on as task options; co receives the --co codes. */
static int task_options(const struct cli_cmd *cmd, int argc, char **argv, int start,
			struct task_input *in, const char **co)
{
	int nco = 0;
	for (int i = start; i < argc; i++) {
		int r = task_option(cmd, argc, argv, &i, in, co, &nco);
		if (r < 0)
			return CLI_USAGE;
		if (r == 0)
			return cli_usage_error(cmd, "đối số không rõ: %s", argv[i]);
	}
	in->co_codes = co;
	in->nco = nco;
	return CLI_OK;
}

static int task_add_cmd(struct cli_ctx *ctx, int argc, char **argv)
{
	const struct cli_cmd *cmd = &cli_task_cmds[0];
	struct task_input in = { .status = -1 };
	const char *co[32];
	if (task_options(cmd, argc, argv, 0, &in, co))
		return CLI_USAGE;
	if (!in.section_id || !in.title)
		return cli_usage_error(cmd, "cần --section và --title");
	if (in.status >= 0)
		return cli_usage_error(cmd, "--status chỉ dùng với task edit");
	if (cli_open_db(ctx))
		return CLI_ERR;
	struct cchc_err err = { 0 };
	int64_t id = 0;
	if (task_add(&ctx->db, &in, &id, &err))
		return cli_error(&err);
	printf("%lld\n", (long long)id);
	return CLI_OK;
}

static const char *status_shown(const struct task_info *t)
{
	return t->overdue ? "quá hạn" : task_status_label(t->status);
}

/* The year a deadline's text is read in when the list has no plan at hand. */
static int this_year(void)
{
	struct ymd today;
	struct cchc_err err;
	return date_today(&today, &err) == CCHC_OK ? today.y : 2026;
}

/* unclear: the row is in "Thời hạn chưa rõ": it also shows the deadline as
 * the plan wrote it and why it has no day, which the clerk must settle. */
static void print_task_row(const struct task_info *t, const char *format, bool first,
			   bool unclear)
{
	char due[11], why[256] = "";
	if (unclear)
		due_unclear_why(t->due_kind, t->due_text, this_year(), why, sizeof why);
	if (strcmp(format, "tsv") == 0) {
		printf("%lld\t%s\t%s\t", (long long)t->id, task_status_name(t->status), t->due_on);
		cli_put_field(stdout, t->lead_code);
		putchar('\t');
		cli_put_field(stdout, t->title);
		if (unclear) {
			putchar('\t');
			cli_put_field(stdout, t->due_text);
			putchar('\t');
			cli_put_field(stdout, why);
		}
		putchar('\n');
	} else if (strcmp(format, "json") == 0) {
		printf("%s\n  {\"id\": %lld, \"status\": \"%s\", \"overdue\": %s, \"due\": ", first ? "" : ",",
		       (long long)t->id, task_status_name(t->status), t->overdue ? "true" : "false");
		if (*t->due_on)
			cli_put_json_string(stdout, t->due_on);
		else
			fputs("null", stdout);
		fputs(", \"due_text\": ", stdout);
		cli_put_json_string(stdout, t->due_text);
		fputs(", \"lead\": ", stdout);
		cli_put_json_string(stdout, t->lead_code);
		fputs(", \"co\": ", stdout);
		cli_put_json_string(stdout, t->co_codes);
		fputs(", \"section\": ", stdout);
		cli_put_json_string(stdout, t->section_label);
		fputs(", \"title\": ", stdout);
		cli_put_json_string(stdout, t->title);
		if (unclear) {
			fputs(", \"due_unclear\": ", stdout);
			cli_put_json_string(stdout, why);
		}
		putchar('}');
	} else {
		cli_date_vn(t->due_on, due);
		printf("%5lld  ", (long long)t->id);
		cli_put_col(stdout, status_shown(t), 15);
		cli_put_col(stdout, *due ? due : unclear || strcmp(t->due_kind, "unknown") == 0 ? "chưa rõ"
			    : due_kind_label(t->due_kind), 13);   /* "chưa xác định" fills the column */
		cli_put_col(stdout, t->lead_code, 7);
		cli_put_field(stdout, t->title);
		putchar('\n');
		if (unclear) {   /* under the title: "Thời hạn ghi: …  (chưa rõ: …)" */
			printf("%*sThời hạn ghi: ", 43, "");
			cli_put_field(stdout, *t->due_text ? t->due_text : "(trống)");
			fputs(" — ", stdout);
			cli_put_field(stdout, why);
			putchar('\n');
		}
	}
}

/* The list is read a page at a time by key, so that a province's 100,000
 * tasks print in the memory of 500 (each page a seek in the list's index). */
#define PRINT_PAGE 500

static int print_tasks(struct cli_ctx *ctx, const struct task_filter *f, const char *format)
{
	struct cchc_err err = { 0 };
	struct task_info last = { 0 };
	bool json = strcmp(format, "json") == 0, have_last = false;
	int total = 0, n;
	if (json)
		putchar('[');
	do {
		struct task_filter page = *f;
		page.limit = PRINT_PAGE;
		page.after = have_last ? &last : NULL;
		struct task_info *v;
		if (task_list(&ctx->db, &page, &v, &n, &err)) {
			if (have_last)
				task_info_free(&last);
			return cli_error(&err);
		}
		for (int i = 0; i < n; i++, total++)
			print_task_row(&v[i], format, total == 0, f->due_unclear);
		if (n) {
			if (have_last)
				task_info_free(&last);
			last = v[n - 1];
			v[n - 1] = (struct task_info){ 0 };
			have_last = true;
		}
		task_list_free(v, n);
	} while (n == PRINT_PAGE);
	if (have_last)
		task_info_free(&last);
	if (json)
		puts(total ? "\n]" : "]");
	return CLI_OK;
}

static int task_list_cmd(struct cli_ctx *ctx, int argc, char **argv)
{
	const struct cli_cmd *cmd = &cli_task_cmds[1];
	struct task_filter f = { .status = -1, .due_within = -1 };
	const char *format = "text", *v;
	for (int i = 0; i < argc; i++) {
		if (strcmp(argv[i], "--overdue") == 0) {
			f.overdue = true;
		} else if (strcmp(argv[i], "--due-unclear") == 0) {
			f.due_unclear = true;
		} else if (cli_opt_value(argc, argv, &i, "--unit", &f.unit_code) ||
			   cli_opt_value(argc, argv, &i, "--format", &format)) {
			continue;
		} else if (cli_opt_value(argc, argv, &i, "--status", &v)) {
			if ((f.status = task_status_parse(v)) < 0)
				return cli_usage_error(cmd, "trạng thái \"%s\" không có", v);
		} else if (cli_opt_value(argc, argv, &i, "--due-within", &v)) {
			char *end;
			f.due_within = (int)strtol(v, &end, 10);
			if (!*v || *end || f.due_within < 0 || f.due_within > 10000)
				return cli_usage_error(cmd, "--due-within cần số ngày làm việc");
		} else if (cli_opt_value(argc, argv, &i, "--plan", &v)) {
			if (!cli_parse_id(v, &f.plan_id))
				return cli_usage_error(cmd, "mã kế hoạch \"%s\" không hợp lệ", v);
		} else if (cli_opt_value(argc, argv, &i, "--section", &v)) {
			if (!cli_parse_id(v, &f.section_id))
				return cli_usage_error(cmd, "mã đề mục \"%s\" không hợp lệ", v);
		} else {
			return cli_usage_error(cmd, "đối số không rõ: %s", argv[i]);
		}
	}
	if (strcmp(format, "text") && strcmp(format, "tsv") && strcmp(format, "json"))
		return cli_usage_error(cmd, "định dạng \"%s\" không hỗ trợ (text, tsv, json)", format);
	if (cli_open_db(ctx))
		return CLI_ERR;
	return print_tasks(ctx, &f, format);
}

static int one_id(const struct cli_cmd *cmd, int argc, char **argv, int64_t *id)
{
	if (argc < 1 || !cli_parse_id(argv[0], id))
		return cli_usage_error(cmd, argc ? "mã nhiệm vụ \"%s\" không hợp lệ" : "thiếu mã nhiệm vụ%s",
				       argc ? argv[0] : "");
	return CLI_OK;
}

static void kv(const char *key, const char *value)
{
	printf("%s: ", key);
	cli_put_field(stdout, value);
	putchar('\n');
}

/* Under "due:": why a deadline was not understood, or the working day to
 * finish by when the due falls on a day off. */
static void due_show_extra(const struct task_info *t, bool passed)
{
	struct ymd on;
	char note[128];
	if (strcmp(t->due_kind, "unknown") == 0 || passed) {
		char why[256];
		due_unclear_why(t->due_kind, t->due_text, this_year(), why, sizeof why);
		printf("due_unclear: %s (ghi lại bằng cchc task edit %lld --due ...)\n", why,
		       (long long)t->id);
	} else if (*t->due_on && date_parse_iso(t->due_on, &on)) {
		struct calendar *cal = calendar_new();
		if (due_day_off_note(cal, on, note, sizeof note))
			printf("workday: %s\n", note);
		calendar_free(cal);
	}
}

static int task_show_cmd(struct cli_ctx *ctx, int argc, char **argv)
{
	const struct cli_cmd *cmd = &cli_task_cmds[2];
	int64_t id = 0;
	if (argc != 1 || one_id(cmd, argc, argv, &id))
		return CLI_USAGE;
	if (cli_open_db(ctx))
		return CLI_ERR;
	struct cchc_err err = { 0 };
	struct task_info t;
	if (task_get(&ctx->db, id, &t, &err))
		return cli_error(&err);
	char due[11], done[11];
	cli_date_vn(t.due_on, due);
	cli_date_vn(t.done_on, done);
	printf("id: %lld\nplan: %lld\nsection: %lld ", (long long)t.id, (long long)t.plan_id,
	       (long long)t.section_id);
	cli_put_field(stdout, t.section_label);
	putchar('\n');
	kv("title", t.title);
	kv("description", t.description);
	kv("product", t.product);
	fputs("lead: ", stdout);
	cli_put_field(stdout, t.lead_code);
	fputs(*t.lead_name ? " " : "", stdout);
	cli_put_field(stdout, t.lead_name);
	putchar('\n');
	kv("co", t.co_codes);
	kv("due_text", t.due_text);
	bool passed = task_due_passed(&ctx->db, t.id);
	const char *label = passed ? due_kind_label("unknown") : due_kind_label(t.due_kind);
	printf("due: %s\n", *due ? due : strcmp(label, "-") ? label : "");
	due_show_extra(&t, passed);
	printf("status: %s\n", status_shown(&t));
	if (*t.done_on)
		printf("done: %s\n", done);
	struct task_note *notes;
	int n;
	if (task_notes(&ctx->db, id, &notes, &n, &err) == CCHC_OK) {
		for (int i = 0; i < n; i++) {
			char d[11];
			cli_date_vn(notes[i].noted_on, d);
			printf("note: %s%s", d, *notes[i].period ? " [" : "");
			cli_put_field(stdout, notes[i].period);
			fputs(*notes[i].period ? "] " : " ", stdout);
			cli_put_field(stdout, notes[i].text);
			putchar('\n');
		}
		task_notes_free(notes, n);
	}
	task_info_free(&t);
	return CLI_OK;
}

static int task_edit_cmd(struct cli_ctx *ctx, int argc, char **argv)
{
	const struct cli_cmd *cmd = &cli_task_cmds[3];
	int64_t id = 0;
	if (one_id(cmd, argc, argv, &id))
		return CLI_USAGE;
	struct task_input in = { .status = -1 };
	const char *co[32];
	if (task_options(cmd, argc, argv, 1, &in, co))
		return CLI_USAGE;
	if (cli_open_db(ctx))
		return CLI_ERR;
	struct cchc_err err = { 0 };
	if (task_edit(&ctx->db, id, &in, &err))
		return cli_error(&err);
	return CLI_OK;
}

/* The --date option or today. */
static int date_option(const struct cli_cmd *cmd, const char *v, struct ymd *d)
{
	struct cchc_err err = { 0 };
	if (!v)
		return date_today(d, &err) ? cli_error(&err) : CLI_OK;
	if (!parse_day(v, d))
		return cli_usage_error(cmd, "ngày \"%s\" không hợp lệ (dd/mm/yyyy hoặc YYYY-MM-DD)", v);
	return CLI_OK;
}

static int task_done_cmd(struct cli_ctx *ctx, int argc, char **argv)
{
	const struct cli_cmd *cmd = &cli_task_cmds[4];
	int64_t id = 0;
	const char *date = NULL;
	if (one_id(cmd, argc, argv, &id))
		return CLI_USAGE;
	for (int i = 1; i < argc; i++)
		if (!cli_opt_value(argc, argv, &i, "--date", &date))
			return cli_usage_error(cmd, "đối số không rõ: %s", argv[i]);
	struct ymd d;
	int rc = date_option(cmd, date, &d);
	if (rc)
		return rc;
	if (cli_open_db(ctx))
		return CLI_ERR;
	struct cchc_err err = { 0 };
	return task_done(&ctx->db, id, d, &err) ? cli_error(&err) : CLI_OK;
}

static int task_note_cmd(struct cli_ctx *ctx, int argc, char **argv)
{
	const struct cli_cmd *cmd = &cli_task_cmds[5];
	int64_t id = 0;
	const char *date = NULL, *period = NULL, *text = NULL;
	if (one_id(cmd, argc, argv, &id))
		return CLI_USAGE;
	for (int i = 1; i < argc; i++) {
		if (cli_opt_value(argc, argv, &i, "--date", &date) ||
		    cli_opt_value(argc, argv, &i, "--period", &period))
			continue;
		if (text)
			return cli_usage_error(cmd, "thừa đối số: %s (đặt nội dung trong ngoặc kép)", argv[i]);
		text = argv[i];
	}
	if (!text)
		return cli_usage_error(cmd, "thiếu nội dung ghi chú");
	struct ymd d;
	int rc = date_option(cmd, date, &d);
	if (rc)
		return rc;
	if (cli_open_db(ctx))
		return CLI_ERR;
	struct cchc_err err = { 0 };
	return task_add_note(&ctx->db, id, text, period, d, &err) ? cli_error(&err) : CLI_OK;
}

/* "all" or "1,3,5" with nothing else. */
static bool valid_accept(const char *spec)
{
	if (strcmp(spec, "all") == 0)
		return true;
	if (!*spec)
		return false;
	for (const char *p = spec; *p; p++)
		if (!((*p >= '0' && *p <= '9') || (*p == ',' && p[1] && p[1] != ',')))
			return false;
	return spec[0] != ',';
}

/* "all" or "1,3,5": whether proposal k (1-based) is accepted. */
static bool accepted(const char *spec, int k)
{
	if (strcmp(spec, "all") == 0)
		return true;
	for (const char *p = spec; *p;) {
		if (atoi(p) == k)
			return true;
		p += strcspn(p, ",");
		if (*p)
			p++;
	}
	return false;
}

/* After proposal failed (0-based): nothing was created, the other chosen
 * proposals neither; says so and which one to mend or leave out. */
static void rolled_back(int n, const char *spec, int failed)
{
	struct sbuf others = SBUF_INIT;
	for (int i = 0; i < n; i++)
		if (i != failed && accepted(spec, i + 1))
			sbuf_addf(&others, "%s%d", others.len ? ", " : "", i + 1);
	if (others.len)
		fprintf(stderr, "Không tạo nhiệm vụ nào, kể cả của các đề xuất %s; sửa hoặc bỏ đề xuất "
			"%d (--accept không có số %d) rồi chạy lại.\n", others.s, failed + 1, failed + 1);
	else
		fputs("Không tạo nhiệm vụ nào.\n", stderr);
	sbuf_free(&others);
}

/* Creates the accepted suggestions in one transaction: all or none. One
 * already created (same section and title; for a group, same lead too) is
 * skipped, so accepting twice creates nothing twice. Prints "number<TAB>task
 * id" for each task created (a group gives one line per unit), and then, on
 * stderr, the units created or not found. */
static int accept_all(struct cli_ctx *ctx, const struct suggestion *s, int n, const char *spec,
		      bool create_units)
{
	struct cchc_err err = { 0 };
	struct sbuf out = SBUF_INIT, notes = SBUF_INIT;
	if (db_begin(&ctx->db, &err))
		return cli_error(&err);
	/* groups last: the units created for the others are members too */
	for (int pass = 0; pass < 2; pass++)
	for (int i = 0; i < n; i++) {
		if (!accepted(spec, i + 1) || (pass == 0) == (*s[i].group != '\0'))
			continue;
		if (!*s[i].group && task_exists_in_section(&ctx->db, s[i].section_id, s[i].title)) {
			fprintf(stderr, "cchc: đề xuất %d đã có nhiệm vụ; bỏ qua.\n", i + 1);
			continue;
		}
		int64_t *ids;
		int nids;
		size_t before = notes.len;
		if (suggest_accept(&ctx->db, &s[i], create_units, &ids, &nids, &notes, &err)) {
			db_rollback(&ctx->db);
			sbuf_free(&out);
			sbuf_free(&notes);
			fprintf(stderr, "cchc: đề xuất %d: %s\n", i + 1, err.msg);
			rolled_back(n, spec, i);
			return CLI_ERR;
		}
		if (!nids)
			fprintf(stderr, "cchc: đề xuất %d đã có nhiệm vụ; bỏ qua.\n", i + 1);
		for (int k = 0; k < nids; k++)
			sbuf_addf(&out, "%d\t%lld\n", i + 1, (long long)ids[k]);
		free(ids);
		/* each note of this suggestion says which one it is */
		if (notes.len > before) {
			char *mine = xstrdup(notes.s + before), *save = NULL;
			notes.len = before;
			notes.s[before] = '\0';
			for (char *l = strtok_r(mine, "\n", &save); l; l = strtok_r(NULL, "\n", &save))
				sbuf_addf(&notes, "cchc: đề xuất %d: %s.\n", i + 1, l);
			free(mine);
		}
	}
	if (db_commit(&ctx->db, &err)) {
		sbuf_free(&out);
		sbuf_free(&notes);
		return cli_error(&err);
	}
	fputs(out.s ? out.s : "", stdout);
	fputs(notes.s ? notes.s : "", stderr);
	sbuf_free(&out);
	sbuf_free(&notes);
	return CLI_OK;
}

/* The lead as the clerk should read it: the code, or what the plan wrote
 * and why it is no code (a group and its units, a unit to create). */
static void print_lead(struct cli_ctx *ctx, const struct suggestion *s)
{
	fputs(s->lead_code, stdout);
	if (*s->lead_code)
		return;
	if (*s->group) {
		char *members = suggest_group_codes(&ctx->db, s->group);
		fputs("(nhóm: ", stdout);
		cli_put_field(stdout, s->lead_text);
		if (*members)
			printf(" → mỗi đơn vị một nhiệm vụ: %s)", members);
		else
			printf(" → chưa có đơn vị loại %s)", s->group);
		free(members);
	} else {
		fputs(*s->lead_new ? "(đơn vị mới: " : "(chưa khớp: ", stdout);
		cli_put_field(stdout, s->lead_text);
		putchar(')');
	}
}

static void print_suggestions(struct cli_ctx *ctx, const struct suggestion *s, int n, bool tsv)
{
	for (int i = 0; i < n; i++) {
		printf(tsv ? "%d\t%lld\t" : "%3d. [mục %lld] ", i + 1, (long long)s[i].section_id);
		cli_put_field(stdout, s[i].title);
		if (tsv) {
			printf("\t%s\t%s\t", s[i].lead_code, s[i].co_codes);
			cli_put_field(stdout, s[i].due_text);
			printf("\t%s\t", s[i].group);
			cli_put_field(stdout, *s[i].group ? s[i].lead_text : "");
			putchar('\t');
			cli_put_field(stdout, s[i].lead_new);
			putchar('\t');
			cli_put_field(stdout, s[i].co_new);
			putchar('\n');
			continue;
		}
		fputs("\n     chủ trì: ", stdout);
		print_lead(ctx, &s[i]);
		printf("  phối hợp: %s", s[i].co_codes);
		if (*s[i].co_new) {
			fputs(*s[i].co_codes ? " (đơn vị mới: " : "(đơn vị mới: ", stdout);
			cli_put_field(stdout, s[i].co_new);
			putchar(')');
		}
		fputs("  hạn: ", stdout);
		cli_put_field(stdout, s[i].due_text);
		putchar('\n');
	}
}

static int task_suggest_cmd(struct cli_ctx *ctx, int argc, char **argv)
{
	const struct cli_cmd *cmd = &cli_task_cmds[6];
	int64_t plan = 0;
	const char *accept = NULL, *format = "text";
	bool create_units = false;
	for (int i = 0; i < argc; i++) {
		if (strcmp(argv[i], "--create-units") == 0) {
			create_units = true;
			continue;
		}
		if (cli_opt_value(argc, argv, &i, "--accept", &accept) ||
		    cli_opt_value(argc, argv, &i, "--format", &format))
			continue;
		if (plan || !cli_parse_id(argv[i], &plan))
			return cli_usage_error(cmd, "đối số không rõ: %s", argv[i]);
	}
	if (create_units && !accept)
		return cli_usage_error(cmd, "--create-units chỉ dùng cùng --accept");
	if (strcmp(format, "text") && strcmp(format, "tsv"))
		return cli_usage_error(cmd, "định dạng \"%s\" không hỗ trợ (text, tsv)", format);
	if (accept && !valid_accept(accept))
		return cli_usage_error(cmd, "--accept cần \"all\" hoặc các số cách nhau bằng dấu phẩy");
	if (cli_open_db(ctx))
		return CLI_ERR;
	struct cchc_err err = { 0 };
	struct plan_info p;
	if (plan_get(&ctx->db, plan, &p, &err))
		return cli_error(&err);
	struct suggestion *s;
	int n;
	int rc = suggest_tasks(&ctx->db, p.id, &s, &n, &err);
	plan_info_free(&p);
	if (rc)
		return cli_error(&err);
	if (accept)
		rc = accept_all(ctx, s, n, accept, create_units);
	else
		print_suggestions(ctx, s, n, strcmp(format, "tsv") == 0);
	suggestions_free(s, n);
	if (!accept && n == 0)
		fprintf(stderr, "cchc: kế hoạch này không có đề mục \"Cơ quan chủ trì\" hay bảng phụ lục "
			"nhiệm vụ để đề xuất.\n");
	return rc ? CLI_ERR : CLI_OK;
}

/* One bar of width cols, filled in proportion done/total. */
static void bar(int done, int total, int cols)
{
	int fill = total ? done * cols / total : 0;
	for (int i = 0; i < cols; i++)
		fputs(i < fill ? "█" : "░", stdout);
}

static int agenda_units(struct cli_ctx *ctx, struct cchc_err *err)
{
	sqlite3_stmt *st;
	char today[11];
	struct ymd t;
	if (date_today(&t, err))
		return err->code;
	date_format_iso(t, today);
	int rc = sqlite3_prepare_v2(ctx->db.h,
		"SELECT u.code, u.name, count(t.id), sum(t.status = 'done'), "
		"sum(t.due_on < ?1 AND t.status IN ('todo', 'doing')) FROM unit u "
		"JOIN task t ON t.lead_unit_id = u.id GROUP BY u.id ORDER BY u.rank, u.id", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return db_fail(&ctx->db, rc, "tổng hợp theo đơn vị", err);
	sqlite3_bind_text(st, 1, today, -1, SQLITE_STATIC);
	puts("\nTheo đơn vị chủ trì (hoàn thành/tổng, quá hạn):");
	while (sqlite3_step(st) == SQLITE_ROW) {
		int total = sqlite3_column_int(st, 2), done = sqlite3_column_int(st, 3);
		fputs("  ", stdout);
		cli_put_col(stdout, (const char *)sqlite3_column_text(st, 0), 7);
		bar(done, total, 20);
		printf(" %3d/%-3d  quá hạn %d  ", done, total, sqlite3_column_int(st, 4));
		cli_put_field(stdout, (const char *)sqlite3_column_text(st, 1));
		putchar('\n');
	}
	sqlite3_finalize(st);
	return CCHC_OK;
}

/* Counts by status, and done/total by plan section, in SQL. */
static int agenda_groups(struct cli_ctx *ctx, struct cchc_err *err)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(ctx->db.h, "SELECT status, count(*) FROM task GROUP BY status",
				    -1, &st, NULL);
	if (rc != SQLITE_OK)
		return db_fail(&ctx->db, rc, "tổng hợp theo trạng thái", err);
	int count[TASK_NSTATUS] = { 0 };
	while (sqlite3_step(st) == SQLITE_ROW) {
		int s = task_status_parse((const char *)sqlite3_column_text(st, 0));
		if (s >= 0)
			count[s] = sqlite3_column_int(st, 1);
	}
	sqlite3_finalize(st);
	puts("\nTheo trạng thái:");
	for (int s = 0; s < TASK_NSTATUS; s++) {
		fputs("  ", stdout);
		cli_put_col(stdout, task_status_label(s), 16);
		printf("%d\n", count[s]);
	}
	rc = sqlite3_prepare_v2(ctx->db.h,
		"SELECT s.label, s.heading, count(t.id), sum(t.status = 'done') FROM task t "
		"JOIN section s ON s.id = t.section_id GROUP BY s.id ORDER BY s.plan_id, s.seq", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return db_fail(&ctx->db, rc, "tổng hợp theo đề mục", err);
	puts("\nTheo đề mục (hoàn thành/tổng):");
	while (sqlite3_step(st) == SQLITE_ROW) {
		printf("  %3d/%-3d  ", sqlite3_column_int(st, 3), sqlite3_column_int(st, 2));
		struct sbuf b = SBUF_INIT;
		sbuf_addf(&b, "%s %s", (const char *)sqlite3_column_text(st, 0),
			  (const char *)sqlite3_column_text(st, 1));
		cli_put_col(stdout, b.s, 66);
		sbuf_free(&b);
		putchar('\n');
	}
	sqlite3_finalize(st);
	return CCHC_OK;
}

/* The registers' to-do counts and the next report to send. */
static int agenda_registers(struct cli_ctx *ctx, int within, struct cchc_err *err)
{
	struct dossier_filter df = { .view = DV_LATE_NO_LETTER };
	int64_t no_letter;
	int overdue, soon;
	struct feedback_filter ff = { .status = -1, .overdue = true, .due_within = -1 };
	if (dossier_count(&ctx->db, &df, &no_letter, err) ||
	    feedback_count(&ctx->db, &ff, &overdue, err))
		return err->code;
	ff.overdue = false;
	ff.due_within = within;
	if (feedback_count(&ctx->db, &ff, &soon, err))
		return err->code;
	printf("\nHồ sơ trễ hạn chưa có phiếu xin lỗi: %lld\n", (long long)no_letter);
	printf("Phản ánh, kiến nghị quá hạn: %d; đến hạn trong %d ngày làm việc: %d\n", overdue,
	       within, soon);
	struct ymd today, deadline;
	struct period p;
	if (date_today(&today, err))
		return err->code;
	if (report_next_due(&ctx->db, today, &p, &deadline)) {
		char a[11], b[11];
		date_format_vn(p.to, a);
		date_format_vn(deadline, b);
		printf("Báo cáo CCHC sắp tới: %s — số liệu đến %s, hạn gửi %s (cchc report --period "
		       "%s)\n", p.label, a, b, p.code);
	}
	return CCHC_OK;
}

static int agenda_cmd(struct cli_ctx *ctx, int argc, char **argv)
{
	const struct cli_cmd *cmd = &cli_agenda_cmds[0];
	int within = 10;
	const char *unit = NULL, *v;
	for (int i = 0; i < argc; i++) {
		if (cli_opt_value(argc, argv, &i, "--unit", &unit))
			continue;
		if (cli_opt_value(argc, argv, &i, "--within", &v)) {
			char *end;
			within = (int)strtol(v, &end, 10);
			if (!*v || *end || within < 0 || within > 10000)
				return cli_usage_error(cmd, "--within cần số ngày làm việc (0 đến 10000)");
			continue;
		}
		return cli_usage_error(cmd, "đối số không rõ: %s", argv[i]);
	}
	if (cli_open_db(ctx))
		return CLI_ERR;
	struct task_filter f = { .status = -1, .due_within = -1, .overdue = true, .unit_code = unit };
	puts("Quá hạn:");
	if (print_tasks(ctx, &f, "text"))
		return CLI_ERR;
	printf("\nĐến hạn trong %d ngày làm việc:\n", within);
	f.overdue = false;
	f.due_within = within;
	if (print_tasks(ctx, &f, "text"))
		return CLI_ERR;
	struct cchc_err err = { 0 };
	struct task_filter uf = { .status = -1, .due_within = -1, .due_unclear = true,
				  .unit_code = unit };
	int unclear = 0;
	if (task_count(&ctx->db, &uf, &unclear, &err))
		return cli_error(&err);
	if (unclear)   /* not overdue, not due: they would be forgotten */
		printf("\nThời hạn chưa rõ: %d nhiệm vụ cần ghi lại thời hạn (cchc task list "
		       "--due-unclear)\n", unclear);
	if (agenda_units(ctx, &err) || agenda_groups(ctx, &err) ||
	    agenda_registers(ctx, within, &err))
		return cli_error(&err);
	return CLI_OK;
}
