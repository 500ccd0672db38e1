/* cchc evidence add | list | show | get */
#include <config.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli/cli.h"
#include "core/criteria.h"
#include "core/evidence.h"
#include "text/date.h"
#include "util/fsutil.h"

static int ev_add(struct cli_ctx *ctx, int argc, char **argv);
static int ev_list(struct cli_ctx *ctx, int argc, char **argv);
static int ev_show(struct cli_ctx *ctx, int argc, char **argv);
static int ev_get(struct cli_ctx *ctx, int argc, char **argv);
static int ev_missing(struct cli_ctx *ctx, int argc, char **argv);
static int ev_open(struct cli_ctx *ctx, int argc, char **argv);
static int ev_edit(struct cli_ctx *ctx, int argc, char **argv);

const struct cli_cmd cli_evidence_cmds[] = {
	{ "evidence", "add", ev_add,
	  "--kind LOẠI [--task MÃ]... [--criterion MÃ_TIÊU_CHÍ]... [--file TỆP]... [--number SỐ] [--date NGÀY] [--issuer CQ] "
	  "[--summary TRÍCH_YẾU] [--notes GHI_CHÚ]",
	  "Thêm tài liệu kiểm chứng cùng các tệp (lưu nén trong cơ sở dữ liệu); in mã số." },
	{ "evidence", "list", ev_list, "[--task MÃ] [--criterion MÃ_TIÊU_CHÍ] [--kind LOẠI] [--year NĂM] "
	  "[--format text|tsv]",
	  "Liệt kê tài liệu kiểm chứng (tsv: mã, loại, số, ngày, trích yếu, nhiệm vụ, số tệp)." },
	{ "evidence", "show", ev_show, "MÃ", "In thông tin một tài liệu và các tệp của nó." },
	{ "evidence", "get", ev_get, "MÃ --out THƯ_MỤC [--force]",
	  "Xuất các tệp của tài liệu ra THƯ_MỤC với tên gốc; hai tệp trùng tên thì tệp sau thành "
	  "\"tên (2).đuôi\". Không ghi đè tệp đã có (không xuất tệp nào) trừ khi có --force; "
	  "không bao giờ ghi đè cơ sở dữ liệu. Mỗi tệp được so với mã SHA-256 khi xuất: tệp hỏng "
	  "thì không xuất gì." },
	{ "evidence", "missing", ev_missing, "[--format text|tsv]",
	  "Còn thiếu tài liệu kiểm chứng: nhiệm vụ đã xong và tiêu chí đã chấm điểm mà chưa có "
	  "tài liệu (tsv: mã nhiệm vụ, đơn vị, tên nhiệm vụ)." },
	{ "evidence", "edit", ev_edit, "MÃ [--kind LOẠI] [--number SỐ] [--date NGÀY] [--issuer CQ] "
	  "[--summary TRÍCH_YẾU] [--notes GHI_CHÚ] [--task MÃ]... [--criterion MÃ]... [--file TỆP]...",
	  "Sửa tài liệu kiểm chứng; --task, --criterion, --file thêm vào những gì đã có." },
	{ "evidence", "open", ev_open, "MÃ [SỐ_TỆP]",
	  "Mở tệp (mặc định tệp thứ nhất) bằng trình xem của máy (xdg-open hoặc $CCHC_OPENER); máy chưa có chương trình mở loại tệp đó thì báo và chỉ cách lấy tệp ra." },
	{ NULL, NULL, NULL, NULL, NULL },
};

/* Options of add and edit from argv[start]; arrays hold up to 64 each. */
static int evidence_options(const struct cli_cmd *cmd, int argc, char **argv, int start,
			    struct evidence_input *in, const char **files, const char **crit,
			    int64_t *tasks)
{
	const char *v;
	for (int i = start; i < argc; i++) {
		if (cli_opt_value(argc, argv, &i, "--kind", &in->kind) ||
		    cli_opt_value(argc, argv, &i, "--number", &in->doc_no) ||
		    cli_opt_value(argc, argv, &i, "--date", &in->date) ||
		    cli_opt_value(argc, argv, &i, "--issuer", &in->issuer) ||
		    cli_opt_value(argc, argv, &i, "--summary", &in->summary) ||
		    cli_opt_value(argc, argv, &i, "--notes", &in->notes))
			continue;
		if (cli_opt_value(argc, argv, &i, "--file", &v)) {
			if (in->nfiles == 64)
				return cli_usage_error(cmd, "tối đa 64 tệp mỗi lần");
			files[in->nfiles++] = v;
		} else if (cli_opt_value(argc, argv, &i, "--criterion", &v)) {
			if (in->ncriteria == 64)
				return cli_usage_error(cmd, "tối đa 64 tiêu chí mỗi lần");
			crit[in->ncriteria++] = v;
		} else if (cli_opt_value(argc, argv, &i, "--task", &v)) {
			if (in->ntasks == 64 || !cli_parse_id(v, &tasks[in->ntasks]))
				return cli_usage_error(cmd, "mã nhiệm vụ \"%s\" không hợp lệ", v);
			in->ntasks++;
		} else {
			return cli_usage_error(cmd, "đối số không rõ: %s", argv[i]);
		}
	}
	in->files = files;
	in->tasks = tasks;
	in->criteria = crit;
	return CLI_OK;
}

static int ev_add(struct cli_ctx *ctx, int argc, char **argv)
{
	const struct cli_cmd *cmd = &cli_evidence_cmds[0];
	struct evidence_input in = { 0 };
	const char *files[64], *crit[64];
	int64_t tasks[64];
	if (evidence_options(cmd, argc, argv, 0, &in, files, crit, tasks))
		return CLI_USAGE;
	if (!in.kind)
		return cli_usage_error(cmd, "thiếu --kind");
	if (cli_open_db(ctx))
		return CLI_ERR;
	struct cchc_err err = { 0 };
	int64_t id;
	if (evidence_add(&ctx->db, &in, &id, &err))
		return cli_error(&err);
	printf("%lld\n", (long long)id);
	return CLI_OK;
}

static int ev_edit(struct cli_ctx *ctx, int argc, char **argv)
{
	const struct cli_cmd *cmd = &cli_evidence_cmds[5];
	struct evidence_input in = { 0 };
	const char *files[64], *crit[64];
	int64_t tasks[64], id;
	if (argc < 1 || !cli_parse_id(argv[0], &id))
		return cli_usage_error(cmd, "cần mã tài liệu");
	if (evidence_options(cmd, argc, argv, 1, &in, files, crit, tasks))
		return CLI_USAGE;
	if (cli_open_db(ctx))
		return CLI_ERR;
	struct cchc_err err = { 0 };
	return evidence_edit(&ctx->db, id, &in, &err) ? cli_error(&err) : CLI_OK;
}

static int ev_list(struct cli_ctx *ctx, int argc, char **argv)
{
	const struct cli_cmd *cmd = &cli_evidence_cmds[1];
	int64_t task = 0;
	const char *kind = NULL, *format = "text", *criterion = NULL, *v;
	int year = 0;
	for (int i = 0; i < argc; i++) {
		if (cli_opt_value(argc, argv, &i, "--format", &format) ||
		    cli_opt_value(argc, argv, &i, "--criterion", &criterion))
			continue;
		if (cli_opt_value(argc, argv, &i, "--task", &v)) {
			if (!cli_parse_id(v, &task))
				return cli_usage_error(cmd, "mã nhiệm vụ \"%s\" không hợp lệ", v);
		} else if (cli_opt_value(argc, argv, &i, "--kind", &v)) {
			if (!(kind = evidence_kind_parse(v)))
				return cli_usage_error(cmd, "loại \"%s\" không có", v);
		} else if (cli_opt_value(argc, argv, &i, "--year", &v)) {
			year = atoi(v);
			if (year < 1900 || year > 2999)
				return cli_usage_error(cmd, "năm \"%s\" không hợp lệ", v);
		} else {
			return cli_usage_error(cmd, "đối số không rõ: %s", argv[i]);
		}
	}
	bool tsv = strcmp(format, "tsv") == 0;
	if (!tsv && strcmp(format, "text"))
		return cli_usage_error(cmd, "định dạng \"%s\" không hỗ trợ (text, tsv)", format);
	if (cli_open_db(ctx))
		return CLI_ERR;
	struct cchc_err err = { 0 };
	struct evidence_info *e;
	int n;
	int64_t cid = criterion ? criterion_id_for(&ctx->db, criterion, year) : 0;
	if (criterion && !cid) {
		err_set(&err, CCHC_ENOTFOUND, "Không có tiêu chí mã %s", criterion);
		return cli_error(&err);
	}
	if (evidence_list_by_criterion(&ctx->db, task, cid, kind, year, &e, &n, &err))
		return cli_error(&err);
	for (int i = 0; i < n; i++) {
		if (tsv) {
			printf("%lld\t%s\t", (long long)e[i].id, e[i].kind);
			cli_put_field(stdout, e[i].doc_no);
			printf("\t%s\t", e[i].issued_on);
			cli_put_field(stdout, e[i].summary);
			printf("\t%s\t%d\n", e[i].tasks, e[i].nfiles);
			continue;
		}
		printf("%5lld  ", (long long)e[i].id);
		cli_put_col(stdout, evidence_kind_label(e[i].kind), 11);
		cli_put_col(stdout, e[i].doc_no, 16);
		if (*e[i].issued_on)
			cli_put_date(stdout, e[i].issued_on);
		else
			fputs("          ", stdout);
		fputs("  ", stdout);
		cli_put_field(stdout, e[i].summary);
		printf("  (%d tệp)\n", e[i].nfiles);
	}
	evidence_list_free(e, n);
	return CLI_OK;
}

static int ev_show(struct cli_ctx *ctx, int argc, char **argv)
{
	const struct cli_cmd *cmd = &cli_evidence_cmds[2];
	int64_t id;
	if (argc != 1 || !cli_parse_id(argv[0], &id))
		return cli_usage_error(cmd, "cần một mã tài liệu");
	if (cli_open_db(ctx))
		return CLI_ERR;
	struct cchc_err err = { 0 };
	struct evidence_info e;
	if (evidence_get(&ctx->db, id, &e, &err))
		return cli_error(&err);
	printf("id: %lld\nkind: %s\n", (long long)e.id, evidence_kind_label(e.kind));
	const char *keys[] = { "number", "issuer", "summary", "notes", "tasks" };
	const char *vals[] = { e.doc_no, e.issuer, e.summary, e.notes, e.tasks };
	fputs("date: ", stdout);
	cli_put_date(stdout, e.issued_on);
	putchar('\n');
	for (int i = 0; i < 5; i++) {
		printf("%s: ", keys[i]);
		cli_put_field(stdout, vals[i]);
		putchar('\n');
	}
	evidence_info_free(&e);
	struct evidence_file *f;
	int n;
	if (evidence_files(&ctx->db, id, &f, &n, &err))
		return cli_error(&err);
	for (int i = 0; i < n; i++) {
		fputs("file: ", stdout);
		cli_put_field(stdout, f[i].name);
		printf("\t%lld\t%s\n", (long long)f[i].size, f[i].sha256);
	}
	evidence_files_free(f, n);
	return CLI_OK;
}

static int ev_get(struct cli_ctx *ctx, int argc, char **argv)
{
	const struct cli_cmd *cmd = &cli_evidence_cmds[3];
	int64_t id = 0;
	const char *out = NULL;
	bool force = false;
	for (int i = 0; i < argc; i++) {
		if (cli_opt_value(argc, argv, &i, "--out", &out))
			continue;
		if (strcmp(argv[i], "--force") == 0)
			force = true;
		else if (id || !cli_parse_id(argv[i], &id))
			return cli_usage_error(cmd, "đối số không rõ: %s", argv[i]);
	}
	if (!id || !out)
		return cli_usage_error(cmd, "cần mã tài liệu và --out THƯ_MỤC");
	if (cli_open_db(ctx))
		return CLI_ERR;
	struct cchc_err err = { 0 };
	if (evidence_extract(&ctx->db, id, out, force ? FS_OVERWRITE : FS_NEW, &err))
		return cli_error(&err);
	/* the files that could not keep their own name */
	struct evidence_file *f;
	char **names;
	int n, m;
	if (evidence_files(&ctx->db, id, &f, &n, &err) == CCHC_OK) {
		if (evidence_target_names(&ctx->db, id, out, &names, &m, &err) == CCHC_OK) {
			for (int i = 0; i < m; i++) {
				if (i < n && strcmp(f[i].name, names[i]) != 0) {
					fprintf(stderr, "cchc: tệp thứ %d (", i + 1);
					cli_put_text(stderr, f[i].name);
					fputs(") được ghi thành ", stderr);
					cli_put_text(stderr, names[i]);
					fputc('\n', stderr);
				}
				free(names[i]);
			}
			free(names);
		}
		evidence_files_free(f, n);
	}
	return CLI_OK;
}

static int ev_missing(struct cli_ctx *ctx, int argc, char **argv)
{
	const struct cli_cmd *cmd = &cli_evidence_cmds[4];
	const char *format = "text";
	for (int i = 0; i < argc; i++)
		if (!cli_opt_value(argc, argv, &i, "--format", &format))
			return cli_usage_error(cmd, "đối số không rõ: %s", argv[i]);
	bool tsv = strcmp(format, "tsv") == 0;
	if (!tsv && strcmp(format, "text"))
		return cli_usage_error(cmd, "định dạng \"%s\" không hỗ trợ (text, tsv)", format);
	if (cli_open_db(ctx))
		return CLI_ERR;
	struct cchc_err err = { 0 };
	struct missing_row *t, *c;
	int nt, nc;
	if (evidence_missing(&ctx->db, &t, &nt, &c, &nc, &err))
		return cli_error(&err);
	if (!tsv)
		printf("Nhiệm vụ đã hoàn thành chưa có tài liệu kiểm chứng (%d):\n", nt);
	for (int i = 0; i < nt; i++) {
		printf(tsv ? "%lld\t" : "  %5lld  ", (long long)t[i].id);
		if (tsv) {
			cli_put_field(stdout, t[i].code);
			putchar('\t');
		} else {
			cli_put_col(stdout, t[i].code, 7);
		}
		cli_put_field(stdout, t[i].title);
		putchar('\n');
	}
	if (!tsv) {
		printf("\nTiêu chí đã chấm điểm chưa có tài liệu kiểm chứng (%d):\n", nc);
		for (int i = 0; i < nc; i++) {
			printf("  %d  %-6s ", c[i].year, c[i].code);
			cli_put_field(stdout, c[i].title);
			putchar('\n');
		}
	}
	missing_rows_free(t, nt);
	missing_rows_free(c, nc);
	return CLI_OK;
}

static int ev_open(struct cli_ctx *ctx, int argc, char **argv)
{
	const struct cli_cmd *cmd = &cli_evidence_cmds[6];
	int64_t id;
	int64_t k = 1;
	if (argc < 1 || argc > 2 || !cli_parse_id(argv[0], &id) || (argc == 2 && !cli_parse_id(argv[1], &k)))
		return cli_usage_error(cmd, "cần mã tài liệu và (tùy chọn) số thứ tự tệp");
	if (cli_open_db(ctx))
		return CLI_ERR;
	struct cchc_err err = { 0 };
	char *path;
	if (evidence_open(&ctx->db, id, (int)k, &path, &err)) {
		if (err.code == CCHC_ENOPROGRAM)
			snprintf(err.msg + strlen(err.msg), sizeof err.msg - strlen(err.msg),
				 "\nLấy tệp ra thư mục để mở ở máy khác: cchc evidence get %lld "
				 "--out THƯ_MỤC", (long long)id);
		return cli_error(&err);
	}
	fprintf(stderr, "cchc: đã mở %s\n", path);
	free(path);
	return CLI_OK;
}
