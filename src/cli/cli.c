#include <config.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "cli/cli.h"
#include "core/criteria.h"
#include "core/settings.h"
#include "text/utf8.h"
#include "util/sbuf.h"

static const struct cli_cmd *const tables[] = { cli_plan_cmds, cli_unit_cmds, cli_search_cmds,
							cli_workdays_cmds, cli_task_cmds, cli_agenda_cmds,
							cli_evidence_cmds, cli_criteria_cmds,
							cli_dossier_cmds, cli_register_cmds, cli_letter_cmds, cli_feedback_cmds,
							cli_setting_cmds, cli_report_cmds,
							cli_delete_cmds, cli_history_cmds, cli_backup_cmds,
						cli_exchange_cmds, cli_demo_cmds };
#define NTABLES (sizeof tables / sizeof tables[0])

/* Messages quote file names, cells and database text: sanitised like all
 * output, line by line. */
int cli_error(const struct cchc_err *err)
{
	char *msg = xstrdup(err->msg[0] ? err->msg : "lỗi không rõ");
	fputs("cchc: ", stderr);
	for (char *line = msg, *nl; line; line = nl ? nl + 1 : NULL) {
		if ((nl = strchr(line, '\n')))
			*nl = '\0';
		cli_put_text(stderr, line);
		fputc('\n', stderr);
	}
	free(msg);
	return CLI_ERR;
}

/* "cchc NOUN[ VERB][ USAGE]" */
static void put_synopsis(FILE *out, const struct cli_cmd *c)
{
	fprintf(out, "cchc %s%s%s%s%s", c->noun, *c->verb ? " " : "", c->verb, *c->usage ? " " : "",
		c->usage);
}

static void print_entry(FILE *out, const struct cli_cmd *c)
{
	fputs("  ", out);
	put_synopsis(out, c);
	fprintf(out, "\n      %s\n", c->help);
}

int cli_usage_error(const struct cli_cmd *cmd, const char *fmt, ...)
{
	va_list ap;
	fputs("cchc: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputs("\nCách dùng: ", stderr);
	put_synopsis(stderr, cmd);
	fputc('\n', stderr);
	return CLI_USAGE;
}

bool cli_is_help(const char *arg)
{
	return strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0;
}

bool cli_opt_value(int argc, char **argv, int *i, const char *name, const char **value)
{
	size_t n = strlen(name);
	const char *a = argv[*i];
	if (strncmp(a, name, n) != 0)
		return false;
	if (a[n] == '=') {
		*value = a + n + 1;
		return true;
	}
	if (a[n] != '\0' || *i + 1 >= argc)
		return false;
	*value = argv[++*i];
	return true;
}

void cli_print_cmd_help(const struct cli_cmd *cmd, FILE *out)
{
	fputs("Cách dùng: ", out);
	put_synopsis(out, cmd);
	fprintf(out, "\n  %s\n", cmd->help);
}

void cli_print_commands(FILE *out)
{
	for (size_t t = 0; t < NTABLES; t++)
		for (const struct cli_cmd *c = tables[t]; c->noun; c++) {
			print_entry(out, c);
		}
}

char *cli_db_path(const struct cli_ctx *ctx, struct cchc_err *err)
{
	const char *given = ctx->db_path;
	size_t n = given ? strlen(given) : 0;
	if (given && (n == 0 || strchr(CCHC_PATH_SEPS, given[n - 1]))) {
		err_set(err, CCHC_EINPUT, "--db cần tên một tệp dữ liệu%s%s (ví dụ --db cchc.db).",
			n ? ", không phải thư mục " : "", given);
		return NULL;
	}
	char *path = given ? xstrdup(given) : db_default_path();
	if (!path)
		err_set(err, CCHC_EINPUT, "Không biết đặt cơ sở dữ liệu ở đâu: biến môi trường HOME "
			"chưa đặt (cũng không có XDG_DATA_HOME hay CCHC_DB). Hãy chỉ rõ tệp bằng --db TỆP "
			"(thêm --create nếu muốn tạo mới), hoặc đặt HOME.");
	return path;
}

static bool path_given(const struct cli_ctx *ctx)
{
	const char *env = getenv("CCHC_DB");
	return ctx->db_path || (env && *env);
}

int cli_may_create(const struct cli_ctx *ctx, const char *path, struct cchc_err *err)
{
	const char *env = getenv("CCHC_CREATE");
	struct stat st;
	int there = stat(path, &st) == 0;
	if ((there && (st.st_size > 0 || !S_ISREG(st.st_mode))) || (!there && errno != ENOENT) ||
	    !path_given(ctx) || ctx->create || (env && strcmp(env, "1") == 0))
		return CCHC_OK;
	if (there)
		return err_set(err, CCHC_EINPUT, "Tệp dữ liệu %s trống (0 byte): có thể cơ sở dữ liệu "
			       "đã mất khi đĩa đầy hoặc chép hỏng. Hãy khôi phục từ bản sao lưu (cchc "
			       "backup list, cchc restore TỆP); nếu muốn dùng tệp này làm cơ sở dữ liệu "
			       "mới, thêm tùy chọn --create.", path);
	return err_set(err, CCHC_EINPUT, "Không có tệp dữ liệu %s. Hãy kiểm tra đường dẫn (%s); "
		       "để tạo một cơ sở dữ liệu mới ở đó, thêm tùy chọn --create, ví dụ: "
		       "cchc --create --db TỆP LỆNH.", path, ctx->db_path ? "--db" : "biến CCHC_DB");
}

int cli_open_db(struct cli_ctx *ctx)
{
	if (ctx->db_open)
		return CLI_OK;
	struct cchc_err err = { 0 };
	char *path = cli_db_path(ctx, &err);
	if (!path || cli_may_create(ctx, path, &err)) {
		free(path);
		return cli_error(&err);
	}
	int rc = db_open_ex(&ctx->db, path, ctx->open_flags, &err);
	free(path);
	if (!rc && ctx->db.created && !ctx->db.readonly)
		rc = criteria_national_load(&ctx->db, &err);
	if (rc)
		return cli_error(&err);
	ctx->db_open = true;
	return CLI_OK;
}

static void noun_help(const char *noun, FILE *out)
{
	fprintf(out, "Các lệnh \"cchc %s\":\n", noun);
	for (size_t t = 0; t < NTABLES; t++)
		for (const struct cli_cmd *c = tables[t]; c->noun; c++)
			if (strcmp(c->noun, noun) == 0)
				print_entry(out, c);
}

static bool noun_exists(const char *noun)
{
	for (size_t t = 0; t < NTABLES; t++)
		for (const struct cli_cmd *c = tables[t]; c->noun; c++)
			if (strcmp(c->noun, noun) == 0)
				return true;
	return false;
}

/* A command that is a noun alone ("cchc search ..."), or NULL. */
static const struct cli_cmd *noun_command(const char *noun)
{
	for (size_t t = 0; t < NTABLES; t++)
		for (const struct cli_cmd *c = tables[t]; c->noun; c++)
			if (strcmp(c->noun, noun) == 0 && !*c->verb)
				return c;
	return NULL;
}

static int run_cmd(struct cli_ctx *ctx, const struct cli_cmd *c, int argc, char **argv)
{
	for (int i = 0; i < argc; i++)
		if (cli_is_help(argv[i])) {
			cli_print_cmd_help(c, stdout);
			return CLI_OK;
		}
	int rc = c->run(ctx, argc, argv);
	if (ctx->db_open && ctx->db.warning[0]) {
		fprintf(stderr, "cchc: lưu ý: %s\n", ctx->db.warning);
		ctx->db.warning[0] = 0;
	}
	return rc;
}

int cli_dispatch(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *noun = argv[0];
	if (!noun_exists(noun)) {
		fprintf(stderr, "cchc: không có lệnh \"%s\". Xem \"cchc --help\".\n", noun);
		return CLI_USAGE;
	}
	for (size_t t = 0; argc >= 2 && t < NTABLES; t++)
		for (const struct cli_cmd *c = tables[t]; c->noun; c++)
			if (*c->verb && strcmp(c->noun, noun) == 0 && strcmp(c->verb, argv[1]) == 0)
				return run_cmd(ctx, c, argc - 2, argv + 2);
	const struct cli_cmd *alone = noun_command(noun);
	if (alone)
		return run_cmd(ctx, alone, argc - 1, argv + 1);
	if (argc < 2 || cli_is_help(argv[1])) {
		noun_help(noun, argc < 2 ? stderr : stdout);
		return argc < 2 ? CLI_USAGE : CLI_OK;
	}
	fprintf(stderr, "cchc: \"cchc %s\" không có lệnh con \"%s\".\n", noun, argv[1]);
	noun_help(noun, stderr);
	return CLI_USAGE;
}

static void put_clean(FILE *out, const char *s, bool field)
{
	char *copy = xstrdup(s);
	for (char *p = copy; field && *p; p++)
		if (*p == '\t' || *p == '\n' || *p == '\r')
			*p = ' ';
	char *clean = text_sanitize(copy);
	fputs(clean, out);
	free(clean);
	free(copy);
}

void cli_put_field(FILE *out, const char *s)
{
	put_clean(out, s, true);
}

void cli_put_text(FILE *out, const char *s)
{
	put_clean(out, s, false);
}

void cli_put_col(FILE *out, const char *s, int width)
{
	char *clean = text_sanitize(s);
	int used;
	size_t n = text_fit(clean, width, &used);
	fwrite(clean, 1, n, out);
	for (; used < width; used++)
		fputc(' ', out);
	free(clean);
}

void cli_put_json_string(FILE *out, const char *s)
{
	fputc('"', out);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '"' || *p == '\\')
			fprintf(out, "\\%c", *p);
		else if (*p < 0x20)
			fprintf(out, "\\u%04x", *p);
		else
			fputc(*p, out);
	}
	fputc('"', out);
}

bool cli_parse_id(const char *s, int64_t *v)
{
	char *end;
	long long x = strtoll(s, &end, 10);
	if (!*s || *end || x <= 0)
		return false;
	*v = x;
	return true;
}

void cli_date_vn(const char *iso, char out[11])
{
	struct ymd d;
	out[0] = 0;
	if (*iso && date_parse_iso(iso, &d))
		date_format_vn(d, out);
}

void cli_put_date(FILE *out, const char *iso)
{
	char d[11];
	cli_date_vn(iso, d);
	fputs(d, out);
}

int cli_doc_format(const struct cli_cmd *cmd, const char *format, const char *out,
		   const char *encoding, enum doc_format *fmt)
{
	if (!doc_format_parse(format, fmt))
		return cli_usage_error(cmd, "định dạng \"%s\" không hỗ trợ (docx, xlsx, md, html, txt, "
				       "csv)", format);
	if (strcmp(out, "-") == 0 &&
	    (*fmt == DOC_DOCX || *fmt == DOC_XLSX || *fmt == DOC_CSV || encoding))
		return cli_usage_error(cmd, "--out - chỉ dùng cho txt, md, html (UTF-8)");
	return CLI_OK;
}

int cli_doc_out(const struct doc *d, enum doc_format fmt, const char *out, const char *encoding,
		bool force, struct cchc_err *err)
{
	if (strcmp(out, "-") != 0)
		return doc_write(d, fmt, out, encoding, force ? FS_OVERWRITE : FS_NEW, err);
	char *buf;
	size_t len;
	if (doc_render(d, fmt, &buf, &len, err))
		return err->code;
	fwrite(buf, 1, len, stdout);
	free(buf);
	return CCHC_OK;
}

int cli_period(struct cli_ctx *ctx, const char *spec, struct period *p)
{
	if (cli_open_db(ctx))
		return CLI_ERR;
	struct cchc_err err = { 0 };
	if (period_parse(spec, settings_get_int(&ctx->db, "period.cutoff_day", 15), p, &err))
		return cli_error(&err);
	return CLI_OK;
}
