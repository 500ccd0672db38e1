/* cchc search QUERY... */
#include <config.h>
#include <stdlib.h>
#include <string.h>
#include "cli/cli.h"
#include "core/search.h"
#include "text/fold.h"
#include "text/utf8.h"
#include "util/sbuf.h"

static int search_cmd(struct cli_ctx *ctx, int argc, char **argv);

const struct cli_cmd cli_search_cmds[] = {
	{ "search", "", search_cmd,
	  "TỪ_KHÓA... [--exact] [--kind plan|section|unit|task|evidence|dossier|letter|feedback] "
	  "[--plan MÃ] [--limit N] [--format text|tsv|json]",
	  "Tìm trong mọi văn bản, không cần dấu (\"thu tuc\" thấy \"thủ tục\"): kế hoạch, đề mục, "
	  "đơn vị, nhiệm vụ, tài liệu kiểm chứng, hồ sơ (mã, chủ hồ sơ, thủ tục, lĩnh vực), phiếu xin "
	  "lỗi (cả mã và chủ hồ sơ), phản ánh (người gửi, nội dung). Gõ có dấu thì kết quả đúng dấu "
	  "lên trước; --exact: chỉ kết quả đúng dấu. Văn bản: loại bằng tiếng Việt và kế hoạch của "
	  "kết quả; tsv, json: loại là plan, section, unit, task, evidence, dossier, letter, "
	  "feedback." },
	{ NULL, NULL, NULL, NULL, NULL },
};

/* The snippet with its match markers (\1 \2) shown as [ and ]. */
static char *bracketed(const char *s)
{
	char *r = xstrdup(s);
	for (char *p = r; *p; p++)
		*p = *p == '\x01' ? '[' : *p == '\x02' ? ']' : *p;
	return r;
}

/* Pads the kind's Vietnamese label to KIND_W columns (it has letters of
 * several bytes). */
#define KIND_W 13
static void put_kind(const char *kind)
{
	const char *label = search_kind_label(kind);
	fputs(label, stdout);
	for (int w = text_width(label); w < KIND_W; w++)
		putchar(' ');
}

static void print_text(const struct search_hit *h)
{
	put_kind(h->kind);
	printf(" %5lld  ", (long long)h->id);
	cli_put_field(stdout, h->title);
	if (h->plan) {
		fputs("\n                     Kế hoạch: ", stdout);
		cli_put_field(stdout, h->plan);
	}
	char *snip = bracketed(h->snippet);
	fputs("\n                     ", stdout);
	cli_put_field(stdout, snip);
	putchar('\n');
	free(snip);
}

static void print_json(const struct search_hit *h, bool first)
{
	char *snip = bracketed(h->snippet);
	printf("%s\n  {\"kind\": \"%s\", \"label\": ", first ? "" : ",", h->kind);
	cli_put_json_string(stdout, search_kind_label(h->kind));
	printf(", \"id\": %lld, \"plan_id\": %lld, \"plan\": ", (long long)h->id,
	       (long long)h->plan_id);
	if (h->plan)
		cli_put_json_string(stdout, h->plan);
	else
		fputs("null", stdout);
	fputs(", \"title\": ", stdout);
	cli_put_json_string(stdout, h->title);
	fputs(", \"snippet\": ", stdout);
	cli_put_json_string(stdout, snip);
	putchar('}');
	free(snip);
}

static void print_tsv(const struct search_hit *h)
{
	char *snip = bracketed(h->snippet);
	printf("%s\t%lld\t", h->kind, (long long)h->id);
	cli_put_field(stdout, snip);
	putchar('\n');
	free(snip);
}

static void print_hits(const struct search_hit *h, int n, const char *format)
{
	bool json = strcmp(format, "json") == 0;
	if (json)
		putchar('[');
	for (int i = 0; i < n; i++) {
		if (json)
			print_json(&h[i], i == 0);
		else if (strcmp(format, "tsv") == 0)
			print_tsv(&h[i]);
		else
			print_text(&h[i]);
	}
	if (json)
		puts(n ? "\n]" : "]");
}

static bool known_kind(const char *k)
{
	for (const char *const *p = search_kinds; *p; p++)
		if (strcmp(*p, k) == 0)
			return true;
	return false;
}

static int search_cmd(struct cli_ctx *ctx, int argc, char **argv)
{
	const struct cli_cmd *cmd = &cli_search_cmds[0];
	struct search_opts o = { 0 };
	const char *format = "text", *v;
	struct sbuf query = SBUF_INIT;
	for (int i = 0; i < argc; i++) {
		if (strcmp(argv[i], "--exact") == 0) {
			o.exact = true;
		} else if (cli_opt_value(argc, argv, &i, "--format", &format) ||
			   cli_opt_value(argc, argv, &i, "--kind", &o.kind)) {
			continue;
		} else if (cli_opt_value(argc, argv, &i, "--limit", &v)) {
			char *end;
			long x = strtol(v, &end, 10);
			if (!*v || *end || x <= 0 || x > 1000) {
				sbuf_free(&query);
				return cli_usage_error(cmd, "--limit cần một số từ 1 đến 1000");
			}
			o.limit = (int)x;
		} else if (cli_opt_value(argc, argv, &i, "--plan", &v)) {
			char *end;
			long long x = strtoll(v, &end, 10);
			if (!*v || *end || x <= 0) {
				sbuf_free(&query);
				return cli_usage_error(cmd, "--plan cần mã kế hoạch (số dương)");
			}
			o.plan_id = x;
		} else if (argv[i][0] == '-' && argv[i][1] == '-') {
			sbuf_free(&query);
			return cli_usage_error(cmd, "tùy chọn không rõ: %s", argv[i]);
		} else {
			sbuf_addf(&query, "%s%s", query.len ? " " : "", argv[i]);
		}
	}
	if (!query.len)
		return cli_usage_error(cmd, "thiếu từ khóa cần tìm");
	struct text_query words;
	text_query_init(&words, query.s, false, false);
	int nwords = words.nterms;
	text_query_free(&words);
	if (nwords == 0) {
		sbuf_free(&query);
		return cli_usage_error(cmd, "từ khóa \"%s\" không có chữ hay số nào để tìm", argv[0]);
	}
	if (o.kind && !known_kind(o.kind)) {
		sbuf_free(&query);
		return cli_usage_error(cmd, "không có loại \"%s\" (plan, section, unit, task, "
				       "evidence, dossier, letter, feedback)", o.kind);
	}
	if (strcmp(format, "text") && strcmp(format, "tsv") && strcmp(format, "json")) {
		sbuf_free(&query);
		return cli_usage_error(cmd, "định dạng \"%s\" không hỗ trợ (text, tsv, json)", format);
	}
	if (cli_open_db(ctx)) {
		sbuf_free(&query);
		return CLI_ERR;
	}
	struct cchc_err err = { 0 };
	struct search_hit *h;
	int n;
	int rc = search_run(&ctx->db, query.s, &o, &h, &n, &err);
	sbuf_free(&query);
	if (rc)
		return cli_error(&err);
	print_hits(h, n, format);
	if (n == 0 && strcmp(format, "text") == 0)
		fprintf(stderr, "cchc: không tìm thấy gì.\n");
	search_hits_free(h, n);
	return CLI_OK;
}
