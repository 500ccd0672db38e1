/* cchc criteria load | list; cchc score set | list; cchc index add | list */
#include <config.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "cli/cli.h"
#include "core/criteria.h"
#include "core/plan.h"
#include "util/sbuf.h"

static int criteria_load_cmd(struct cli_ctx *ctx, int argc, char **argv);
static int criteria_list_cmd(struct cli_ctx *ctx, int argc, char **argv);
static int score_set_cmd(struct cli_ctx *ctx, int argc, char **argv);
static int score_list_cmd(struct cli_ctx *ctx, int argc, char **argv);
static int index_add_cmd(struct cli_ctx *ctx, int argc, char **argv);
static int index_list_cmd(struct cli_ctx *ctx, int argc, char **argv);
static int criteria_suggest_cmd(struct cli_ctx *ctx, int argc, char **argv);
static int criteria_map_cmd(struct cli_ctx *ctx, int argc, char **argv);

const struct cli_cmd cli_criteria_cmds[] = {
	{ "criteria", "load", criteria_load_cmd, "TỆP",
	  "Nạp một bộ tiêu chí (xem các tệp trong data/criteria); in mã số bộ tiêu chí." },
	{ "criteria", "list", criteria_list_cmd, "[--index par|sipas|papi] [--catalogue MÃ] "
	  "[--format text|tsv]", "Liệt kê tiêu chí (tsv: bộ, mã, điểm tối đa, tên)." },
	{ "score", "set", score_set_cmd, "MÃ_TIÊU_CHÍ ĐIỂM --year NĂM [--catalogue MÃ]",
	  "Ghi điểm tự chấm của một tiêu chí trong năm." },
	{ "score", "list", score_list_cmd, "--year NĂM [--catalogue MÃ] [--format text|tsv]",
	  "Bảng điểm: tối đa, tự chấm, số tài liệu kiểm chứng; cộng theo lĩnh vực và tổng. Không có "
	  "--catalogue: bộ tiêu chí của năm đó (hoặc bộ đã chấm nhiều nhất trong năm)." },
	{ "index", "add", index_add_cmd, "--year NĂM --index par|sipas|papi --value GIÁ_TRỊ "
	  "[--rank HẠNG/TỔNG] [--target MỤC_TIÊU]",
	  "Ghi kết quả công bố của chỉ số trong năm (ví dụ --value 81,45 --rank 54/63)." },
	{ "index", "list", index_list_cmd, "[--format text|tsv]",
	  "Kết quả các chỉ số qua các năm, kèm biểu đồ thanh." },
	{ "criteria", "suggest", criteria_suggest_cmd, "[MÃ_KH] [--catalogue MÃ] [--accept all|SỐ,...]",
	  "Đề xuất tiêu chí cho từng đề mục của kế hoạch theo tên đề mục; --accept để gắn." },
	{ "criteria", "map", criteria_map_cmd, "MÃ_TIÊU_CHÍ --section MÃ | --task MÃ [--year NĂM]",
	  "Gắn một đề mục hoặc nhiệm vụ với tiêu chí (nhiệm vụ của đề mục cũng thuộc tiêu chí đó)." },
	{ NULL, NULL, NULL, NULL, NULL },
};

/* "81,45" or "81.45" */
static bool parse_number(const char *s, double *v)
{
	char buf[64], *end;
	snprintf(buf, sizeof buf, "%s", s);
	for (char *p = buf; *p; p++)
		if (*p == ',')
			*p = '.';
	*v = strtod(buf, &end);
	return *buf && !*end && !isnan(*v);
}

/* Writes v with a decimal comma ("81,45"), as Vietnamese documents do. */
static void put_vn_number(double v)
{
	char buf[64];
	snprintf(buf, sizeof buf, "%.2f", v);
	size_t n = strlen(buf);
	while (n > 0 && buf[n - 1] == '0')
		buf[--n] = '\0';
	if (n > 0 && buf[n - 1] == '.')
		buf[--n] = '\0';
	for (char *p = buf; *p; p++)
		if (*p == '.')
			*p = ',';
	fputs(buf, stdout);
}

static int criteria_load_cmd(struct cli_ctx *ctx, int argc, char **argv)
{
	if (argc != 1)
		return cli_usage_error(&cli_criteria_cmds[0], "cần đúng một tệp");
	if (cli_open_db(ctx))
		return CLI_ERR;
	struct cchc_err err = { 0 };
	int64_t id;
	if (criteria_load_file(&ctx->db, argv[0], &id, &err))
		return cli_error(&err);
	printf("%lld\n", (long long)id);
	return CLI_OK;
}

struct list_opts {
	int64_t catalogue;
	const char *idx, *format;
	int year;
};

static int list_options(const struct cli_cmd *cmd, int argc, char **argv, struct list_opts *o)
{
	const char *v;
	o->format = "text";
	for (int i = 0; i < argc; i++) {
		if (cli_opt_value(argc, argv, &i, "--format", &o->format) ||
		    cli_opt_value(argc, argv, &i, "--index", &o->idx))
			continue;
		if (cli_opt_value(argc, argv, &i, "--catalogue", &v) && (o->catalogue = atoll(v)) > 0)
			continue;
		if (cli_opt_value(argc, argv, &i, "--year", &v) && (o->year = atoi(v)) >= 1900 &&
		    o->year <= 2999)
			continue;
		return cli_usage_error(cmd, "đối số không rõ hoặc sai: %s", argv[i]);
	}
	if (strcmp(o->format, "text") && strcmp(o->format, "tsv"))
		return cli_usage_error(cmd, "định dạng \"%s\" không hỗ trợ (text, tsv)", o->format);
	return CLI_OK;
}

static int criteria_list_cmd(struct cli_ctx *ctx, int argc, char **argv)
{
	struct list_opts o = { 0 };
	if (list_options(&cli_criteria_cmds[1], argc, argv, &o))
		return CLI_USAGE;
	if (cli_open_db(ctx))
		return CLI_ERR;
	struct cchc_err err = { 0 };
	struct criterion_row *r;
	int n;
	if (criteria_list(&ctx->db, o.catalogue, o.idx, 0, &r, &n, &err))
		return cli_error(&err);
	bool tsv = strcmp(o.format, "tsv") == 0;
	for (int i = 0; i < n; i++) {
		if (tsv) {
			printf("%lld\t%s\t", (long long)r[i].catalogue_id, r[i].code);
			if (r[i].max_points >= 0)
				printf("%g", r[i].max_points);
			putchar('\t');
		} else {
			printf("%*s%s ", r[i].depth * 2, "", r[i].code);
		}
		cli_put_field(stdout, r[i].name);
		if (!tsv && r[i].max_points >= 0) {
			fputs(" (", stdout);
			put_vn_number(r[i].max_points);
			fputs(" điểm)", stdout);
		}
		putchar('\n');
	}
	criteria_list_free(r, n);
	return CLI_OK;
}

static int score_set_cmd(struct cli_ctx *ctx, int argc, char **argv)
{
	const struct cli_cmd *cmd = &cli_criteria_cmds[2];
	struct list_opts o = { 0 };
	if (argc < 2)
		return cli_usage_error(cmd, "cần mã tiêu chí và điểm");
	double points;
	if (!parse_number(argv[1], &points))
		return cli_usage_error(cmd, "điểm \"%s\" không hợp lệ", argv[1]);
	if (list_options(cmd, argc - 2, argv + 2, &o))
		return CLI_USAGE;
	if (!o.year)
		return cli_usage_error(cmd, "thiếu --year");
	if (cli_open_db(ctx))
		return CLI_ERR;
	struct cchc_err err = { 0 };
	int64_t cat = o.catalogue ? o.catalogue : criteria_catalogue_for(&ctx->db, argv[0], o.year);
	if (!cat) {
		err_set(&err, CCHC_ENOTFOUND, "Không có tiêu chí mã %s (xem cchc criteria list)", argv[0]);
		return cli_error(&err);
	}
	return score_set(&ctx->db, cat, argv[0], o.year, points, &err) ? cli_error(&err) : CLI_OK;
}

/* One scorecard line; area totals are the sums of their own sub-criteria. */
static void score_line(const struct criterion_row *r, bool tsv)
{
	if (tsv) {
		printf("%s\t", r->code);
		if (r->max_points >= 0)
			printf("%g", r->max_points);
		putchar('\t');
		if (r->points >= 0)
			printf("%g", r->points);
		printf("\t%d\t", r->nevidence);
		cli_put_field(stdout, r->name);
		putchar('\n');
		return;
	}
	printf("%*s%-6s ", r->depth * 2, "", r->code);
	if (r->points >= 0)
		put_vn_number(r->points);
	else
		fputs("-", stdout);
	fputs("/", stdout);
	if (r->max_points >= 0)
		put_vn_number(r->max_points);
	printf("  [%d tài liệu]  ", r->nevidence);
	cli_put_field(stdout, r->name);
	putchar('\n');
}

/* Sum of the scored leaves under row i (rows in file order), or -1 if none. */
static double subtree_points(const struct criterion_row *r, int n, int i)
{
	double sum = 0;
	bool any = false;
	for (int k = i + 1; k < n && r[k].depth > r[i].depth && r[k].catalogue_id == r[i].catalogue_id; k++) {
		bool leaf = k + 1 >= n || r[k + 1].depth <= r[k].depth;
		if (leaf && r[k].points >= 0) {
			sum += r[k].points;
			any = true;
		}
	}
	return any ? sum : -1;
}

static int score_list_cmd(struct cli_ctx *ctx, int argc, char **argv)
{
	const struct cli_cmd *cmd = &cli_criteria_cmds[3];
	struct list_opts o = { 0 };
	if (list_options(cmd, argc, argv, &o))
		return CLI_USAGE;
	if (!o.year)
		return cli_usage_error(cmd, "thiếu --year");
	if (cli_open_db(ctx))
		return CLI_ERR;
	struct cchc_err err = { 0 };
	struct criterion_row *r;
	int n;
	/* the year's own set, not the sum of every catalogue (the national ones
	 * are in every database) */
	if (!o.catalogue && !o.idx)
		o.catalogue = criteria_catalogue_of_year(&ctx->db, o.year);
	if (criteria_list(&ctx->db, o.catalogue, o.idx, o.year, &r, &n, &err))
		return cli_error(&err);
	bool tsv = strcmp(o.format, "tsv") == 0;
	double total = 0, max = 0;
	for (int i = 0; i < n; i++) {
		/* points are given to leaves; an area shows the sum of its leaves */
		bool leaf = i + 1 >= n || r[i + 1].depth <= r[i].depth;
		if (leaf && r[i].points >= 0)
			total += r[i].points;
		if (leaf && r[i].max_points >= 0)
			max += r[i].max_points;
		if (!leaf)
			r[i].points = subtree_points(r, n, i);
		score_line(&r[i], tsv);
	}
	if (tsv) {
		printf("total\t%g\t%g\t\t\n", max, total);
	} else {
		fputs("Tổng: ", stdout);
		put_vn_number(total);
		fputs("/", stdout);
		put_vn_number(max);
		puts(" điểm");
	}
	criteria_list_free(r, n);
	return CLI_OK;
}

static int index_add_cmd(struct cli_ctx *ctx, int argc, char **argv)
{
	const struct cli_cmd *cmd = &cli_criteria_cmds[4];
	struct index_row r = { 0 };
	const char *v, *idx = NULL, *value = NULL;
	for (int i = 0; i < argc; i++) {
		if (cli_opt_value(argc, argv, &i, "--index", &idx) ||
		    cli_opt_value(argc, argv, &i, "--value", &value) ||
		    cli_opt_value(argc, argv, &i, "--target", (const char **)&r.target))
			continue;
		if (cli_opt_value(argc, argv, &i, "--year", &v) && (r.year = atoi(v)) >= 1990 && r.year <= 2999)
			continue;
		if (cli_opt_value(argc, argv, &i, "--rank", &v) &&
		    sscanf(v, "%d/%d", &r.rank, &r.rank_of) == 2 && r.rank > 0)
			continue;
		return cli_usage_error(cmd, "đối số không rõ hoặc sai: %s", argv[i]);
	}
	if (!idx || !value || !r.year)
		return cli_usage_error(cmd, "cần --year, --index và --value");
	if (!parse_number(value, &r.value))
		return cli_usage_error(cmd, "giá trị \"%s\" không hợp lệ", value);
	snprintf(r.idx, sizeof r.idx, "%s", idx);
	if (cli_open_db(ctx))
		return CLI_ERR;
	struct cchc_err err = { 0 };
	return index_add(&ctx->db, &r, &err) ? cli_error(&err) : CLI_OK;
}

static int index_list_cmd(struct cli_ctx *ctx, int argc, char **argv)
{
	struct list_opts o = { 0 };
	if (list_options(&cli_criteria_cmds[5], argc, argv, &o))
		return CLI_USAGE;
	if (cli_open_db(ctx))
		return CLI_ERR;
	struct cchc_err err = { 0 };
	struct index_row *r;
	int n;
	if (index_list(&ctx->db, &r, &n, &err))
		return cli_error(&err);
	bool tsv = strcmp(o.format, "tsv") == 0;
	for (int i = 0; i < n; i++) {
		if (tsv) {
			printf("%d\t%s\t%g\t%d\t%d\t", r[i].year, r[i].idx, r[i].value, r[i].rank, r[i].rank_of);
			cli_put_field(stdout, r[i].target);
			putchar('\n');
			continue;
		}
		double top = strcmp(r[i].idx, "papi") == 0 ? 80 : 100;
		int fill = (int)(r[i].value / top * 30 + 0.5);
		printf("%-6s %d  ", r[i].idx, r[i].year);
		for (int k = 0; k < 30; k++)
			fputs(k < fill ? "█" : "░", stdout);
		putchar(' ');
		put_vn_number(r[i].value);
		fputs(strcmp(r[i].idx, "papi") == 0 ? " điểm" : "%", stdout);
		if (r[i].rank)
			printf("  hạng %d/%d", r[i].rank, r[i].rank_of);
		if (*r[i].target) {
			fputs("  mục tiêu: ", stdout);
			cli_put_field(stdout, r[i].target);
		}
		putchar('\n');
	}
	index_list_free(r, n);
	return CLI_OK;
}

static bool in_list(const char *spec, int k)
{
	if (strcmp(spec, "all") == 0)
		return true;
	for (const char *p = spec; *p; p += strcspn(p, ","), p += *p == ',')
		if (atoi(p) == k)
			return true;
	return false;
}

static int criteria_suggest_cmd(struct cli_ctx *ctx, int argc, char **argv)
{
	const struct cli_cmd *cmd = &cli_criteria_cmds[6];
	int64_t plan = 0, cat = 0;
	const char *accept = NULL, *v;
	for (int i = 0; i < argc; i++) {
		if (cli_opt_value(argc, argv, &i, "--accept", &accept))
			continue;
		if (cli_opt_value(argc, argv, &i, "--catalogue", &v) && (cat = atoll(v)) > 0)
			continue;
		if (!plan && (plan = atoll(argv[i])) > 0)
			continue;
		return cli_usage_error(cmd, "đối số không rõ: %s", argv[i]);
	}
	if (accept && strcmp(accept, "all") && strspn(accept, "0123456789,") != strlen(accept))
		return cli_usage_error(cmd, "--accept cần \"all\" hoặc các số cách nhau bằng dấu phẩy");
	if (cli_open_db(ctx))
		return CLI_ERR;
	struct cchc_err err = { 0 };
	if (!plan && !(plan = plan_latest_id(&ctx->db))) {
		err_set(&err, CCHC_ENOTFOUND, "Chưa có kế hoạch nào");
		return cli_error(&err);
	}
	struct criteria_suggestion *s;
	int n;
	if (criteria_suggest(&ctx->db, plan, cat, &s, &n, &err))
		return cli_error(&err);
	int rc = CLI_OK;
	for (int i = 0; i < n && rc == CLI_OK; i++) {
		if (accept) {
			if (in_list(accept, i + 1) &&
			    criteria_map(&ctx->db, s[i].section_id, 0, s[i].criterion_id, &err))
				rc = cli_error(&err);
			continue;
		}
		printf("%d\t%lld\t", i + 1, (long long)s[i].section_id);
		cli_put_field(stdout, s[i].section);
		putchar('\t');
		cli_put_field(stdout, s[i].criterion);
		putchar('\n');
	}
	criteria_suggestions_free(s, n);
	return rc;
}

static int criteria_map_cmd(struct cli_ctx *ctx, int argc, char **argv)
{
	const struct cli_cmd *cmd = &cli_criteria_cmds[7];
	int64_t section = 0, task = 0;
	int year = 0;
	const char *code = NULL, *v;
	for (int i = 0; i < argc; i++) {
		if (cli_opt_value(argc, argv, &i, "--section", &v) && (section = atoll(v)) > 0)
			continue;
		if (cli_opt_value(argc, argv, &i, "--task", &v) && (task = atoll(v)) > 0)
			continue;
		if (cli_opt_value(argc, argv, &i, "--year", &v) && (year = atoi(v)) > 1900)
			continue;
		if (!code && argv[i][0] != '-') {
			code = argv[i];
			continue;
		}
		return cli_usage_error(cmd, "đối số không rõ: %s", argv[i]);
	}
	if (!code || (!section == !task))
		return cli_usage_error(cmd, "cần mã tiêu chí và một trong --section, --task");
	if (cli_open_db(ctx))
		return CLI_ERR;
	struct cchc_err err = { 0 };
	int64_t cid = criterion_id_for(&ctx->db, code, year);
	if (!cid) {
		err_set(&err, CCHC_ENOTFOUND, "Không có tiêu chí mã %s (xem cchc criteria list)", code);
		return cli_error(&err);
	}
	return criteria_map(&ctx->db, section, task, cid, &err) ? cli_error(&err) : CLI_OK;
}
