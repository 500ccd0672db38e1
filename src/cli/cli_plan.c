/* cchc plan import | list | tree | show | delete | edit | section */
#include <config.h>
#include <stdlib.h>
#include <string.h>
#include "cli/cli.h"
#include "core/plan.h"
#include "core/plan_edit.h"
#include "import/plan_file.h"
#include "util/sbuf.h"

static int plan_import(struct cli_ctx *ctx, int argc, char **argv);
static int plan_list_cmd(struct cli_ctx *ctx, int argc, char **argv);
static int plan_tree(struct cli_ctx *ctx, int argc, char **argv);
static int plan_show(struct cli_ctx *ctx, int argc, char **argv);
static int plan_delete_cmd(struct cli_ctx *ctx, int argc, char **argv);
static int plan_edit_cmd(struct cli_ctx *ctx, int argc, char **argv);
static int plan_section_cmd(struct cli_ctx *ctx, int argc, char **argv);

const struct cli_cmd cli_plan_cmds[] = {
	{ "plan", "import", plan_import, "TỆP [--encoding BẢNG_MÃ]",
	  "Nhập kế hoạch từ tệp Word (.docx), PDF có lớp chữ (cần pdftotext của poppler-utils) "
	  "hoặc tệp văn bản (.txt chép từ PDF/Word, .md); in mã số kế hoạch mới." },
	{ "plan", "list", plan_list_cmd, "",
	  "Liệt kê các kế hoạch: mã, năm, số ký hiệu, trích yếu (phân cách bằng tab)." },
	{ "plan", "tree", plan_tree, "[MÃ] [--format text|tsv]",
	  "In cây đề mục của kế hoạch (mặc định: kế hoạch nhập gần nhất)." },
	{ "plan", "show", plan_show, "[MÃ]",
	  "In thông tin kế hoạch dạng \"khóa: giá trị\" (số, ngày, căn cứ, nơi nhận, người ký)." },
	{ "plan", "delete", plan_delete_cmd, "MÃ [--force]",
	  "Xóa kế hoạch cùng các đề mục (ví dụ kế hoạch mẫu); có nhiệm vụ thì cần --force." },
	{ "plan", "edit", plan_edit_cmd, "MÃ [--title T] [--number S] [--date D] [--year N] "
	  "[--parent T] [--issuer T] [--place T] [--authority T] [--signer-title T] [--signer T]",
	  "Sửa thông tin kế hoạch nhập sai: trích yếu, số ký hiệu, ngày (như ghi trên văn bản), "
	  "năm, cơ quan chủ quản, cơ quan ban hành, địa danh, quyền ký, chức vụ và tên người ký. "
	  "Một lần sửa là một thao tác (hoàn tác bằng \"cchc undo\")." },
	{ "plan", "section", plan_section_cmd, "MÃ_MỤC [--heading T] [--text T] | --move-up | "
	  "--move-down | --move-under MÃ_MỤC_CHA [--after MÃ_MỤC] | --join-previous | "
	  "--join-paragraph N | --split-paragraph N --at CHỮ",
	  "Không tùy chọn: in đề mục và nội dung (mỗi đoạn một dòng, mục liệt kê bắt đầu bằng "
	  "\"- \" hoặc \"+ \"). --heading, --text: sửa đề mục, thay nội dung. --move-up, "
	  "--move-down: đổi chỗ với mục cùng cấp trước/sau (kèm mục con; số thứ tự đổi theo). "
	  "--move-under CHA: chuyển mục (kèm mục con) vào dưới mục CHA (0: lên cấp cao nhất), "
	  "cuối các mục con của nó, hoặc ngay sau mục con --after; cấp của mục đổi theo, số thứ tự giữ như văn bản "
	  "ghi, nhiệm vụ và tiêu chí đi theo mục. "
	  "--join-previous: nối mục (không có mục con) vào mục đứng trước, nhiệm vụ của mục "
	  "chuyển theo. --join-paragraph N: nối đoạn N vào đoạn trước. --split-paragraph N --at "
	  "CHỮ: tách đoạn N trước CHỮ. Mã mục xem bằng \"cchc plan tree --format tsv\"." },
	{ NULL, NULL, NULL, NULL, NULL },
};

/* Parses an optional plan id argument; 0 means the latest. */
static int parse_id(const struct cli_cmd *cmd, const char *arg, int64_t *id)
{
	char *end;
	long long v = strtoll(arg, &end, 10);
	if (*arg == '\0' || *end != '\0' || v <= 0)
		return cli_usage_error(cmd, "mã kế hoạch \"%s\" không hợp lệ (cần một số dương)", arg);
	*id = v;
	return CLI_OK;
}

static int plan_import(struct cli_ctx *ctx, int argc, char **argv)
{
	const struct cli_cmd *cmd = &cli_plan_cmds[0];
	const char *file = NULL, *enc = NULL;
	for (int i = 0; i < argc; i++) {
		if (cli_opt_value(argc, argv, &i, "--encoding", &enc))
			continue;
		if (argv[i][0] == '-' && argv[i][1] != '\0')
			return cli_usage_error(cmd, "tùy chọn không rõ: %s", argv[i]);
		if (file)
			return cli_usage_error(cmd, "chỉ nhập một tệp mỗi lần");
		file = argv[i];
	}
	if (!file)
		return cli_usage_error(cmd, "thiếu tên tệp");
	if (cli_open_db(ctx))
		return CLI_ERR;
	struct cchc_err err = { 0 };
	struct plan_import_result res;
	if (plan_import_path(&ctx->db, file, enc, &res, &err))
		return cli_error(&err);
	if (res.existed)
		fprintf(stderr, "cchc: văn bản này đã được nhập trước đây (kế hoạch %lld); "
			"không nhập lại.\n", (long long)res.plan_id);
	else
		fprintf(stderr, "cchc: đã nhập kế hoạch %lld với %d đề mục.\n",
			(long long)res.plan_id, res.nsections);
	printf("%lld\n", (long long)res.plan_id);
	return CLI_OK;
}

static int plan_list_cmd(struct cli_ctx *ctx, int argc, char **argv)
{
	if (argc > 0)
		return cli_usage_error(&cli_plan_cmds[1], "không nhận đối số: %s", argv[0]);
	if (cli_open_db(ctx))
		return CLI_ERR;
	struct cchc_err err = { 0 };
	struct plan_info *v;
	int n;
	if (plan_list(&ctx->db, &v, &n, &err))
		return cli_error(&err);
	for (int i = 0; i < n; i++) {
		printf("%lld\t", (long long)v[i].id);
		if (v[i].year)
			printf("%d", v[i].year);
		putchar('\t');
		cli_put_field(stdout, v[i].doc_no);
		putchar('\t');
		cli_put_field(stdout, v[i].title);
		putchar('\n');
	}
	plan_list_free(v, n);
	return CLI_OK;
}

static int plan_tree(struct cli_ctx *ctx, int argc, char **argv)
{
	const struct cli_cmd *cmd = &cli_plan_cmds[2];
	const char *format = "text";
	int64_t id = 0;
	for (int i = 0; i < argc; i++) {
		if (cli_opt_value(argc, argv, &i, "--format", &format))
			continue;
		if (argv[i][0] == '-' || id)
			return cli_usage_error(cmd, "đối số không rõ: %s", argv[i]);
		if (parse_id(cmd, argv[i], &id))
			return CLI_USAGE;
	}
	bool tsv = strcmp(format, "tsv") == 0;
	if (!tsv && strcmp(format, "text") != 0)
		return cli_usage_error(cmd, "định dạng \"%s\" không hỗ trợ (text hoặc tsv)", format);
	if (cli_open_db(ctx))
		return CLI_ERR;
	struct cchc_err err = { 0 };
	struct plan_info p;
	if (plan_get(&ctx->db, id, &p, &err))
		return cli_error(&err);
	struct section_info *s;
	int n;
	int rc = section_list(&ctx->db, p.id, &s, &n, &err);
	plan_info_free(&p);
	if (rc)
		return cli_error(&err);
	for (int i = 0; i < n; i++) {
		if (tsv) {
			printf("%lld\t%d\t", (long long)s[i].id, s[i].depth);
			cli_put_field(stdout, s[i].label);
			putchar('\t');
		} else {
			for (int d = 0; d < s[i].depth; d++)
				fputs("  ", stdout);
			cli_put_field(stdout, s[i].label);
			putchar(' ');
		}
		cli_put_field(stdout, s[i].heading);
		putchar('\n');
	}
	section_list_free(s, n);
	return CLI_OK;
}

static void kv(const char *key, const char *value)
{
	printf("%s: ", key);
	cli_put_field(stdout, value ? value : "");
	putchar('\n');
}

/* The lines of s ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH") joined by " / ",
 * as the signer line prints them. */
static char *joined_lines(const char *s)
{
	struct sbuf b = SBUF_INIT;
	sbuf_add(&b, "");
	for (const char *p = s ? s : ""; *p; p++)
		if (*p == '\n')
			sbuf_add(&b, " / ");
		else
			sbuf_addc(&b, *p);
	return sbuf_detach(&b);
}

static void kv_lines(const char *key, const char *value)
{
	char *j = joined_lines(value);
	kv(key, j);
	free(j);
}

/* One "key: paragraph" line per paragraph (they are kept apart by a blank
 * line). */
static void kv_paragraphs(const char *key, const char *text)
{
	for (const char *p = text ? text : ""; *p;) {
		const char *e = strstr(p, "\n\n");
		size_t n = e ? (size_t)(e - p) : strlen(p);
		char *para = xstrndup(p, n);
		kv(key, para);
		free(para);
		p += n;
		p += strspn(p, "\n");
	}
}

static void show_refs_and_recipients(struct db *db, int64_t id)
{
	struct cchc_err err = { 0 };
	struct plan_ref *r;
	int n;
	if (plan_references(db, id, &r, &n, &err) == CCHC_OK) {
		for (int i = 0; i < n; i++) {
			fputs("reference: ", stdout);
			if (*r[i].kind)
				printf("%s số ", r[i].kind);
			cli_put_field(stdout, r[i].doc_no);
			if (*r[i].date_text)
				printf(" ngày %s", r[i].date_text);
			putchar('\n');
		}
		plan_refs_free(r, n);
	}
	char **rec;
	if (plan_recipients(db, id, &rec, &n, &err) == CCHC_OK) {
		for (int i = 0; i < n; i++)
			kv("recipient", rec[i]);
		strv_free(rec, n);
	}
}

static int plan_show(struct cli_ctx *ctx, int argc, char **argv)
{
	const struct cli_cmd *cmd = &cli_plan_cmds[3];
	int64_t id = 0;
	if (argc > 1)
		return cli_usage_error(cmd, "thừa đối số: %s", argv[1]);
	if (argc == 1 && parse_id(cmd, argv[0], &id))
		return CLI_USAGE;
	if (cli_open_db(ctx))
		return CLI_ERR;
	struct cchc_err err = { 0 };
	struct plan_info p;
	if (plan_get(&ctx->db, id, &p, &err))
		return cli_error(&err);
	printf("id: %lld\n", (long long)p.id);
	kv("number", p.doc_no);
	kv("type", p.doc_type);
	kv("parent_body", p.parent_body);
	kv("issuer", p.issuer);
	kv("place", p.place);
	kv("date", p.issued_on);
	kv("date_text", p.date_text);
	if (p.year)
		printf("year: %d\n", p.year);
	else
		kv("year", "");
	kv("title", p.title);
	char *kind = plan_issuer_kind(p.issuer, p.signer_authority, p.signer_title);
	kv("issuer_kind", kind);
	free(kind);
	kv_paragraphs("preamble", p.preamble);
	kv_paragraphs("closing", p.closing);
	show_refs_and_recipients(&ctx->db, p.id);
	fputs("signer: ", stdout);
	char *authority = joined_lines(p.signer_authority);
	const char *parts[] = { authority, p.signer_title, p.signer_name };
	bool first = true;
	for (int i = 0; i < 3; i++)
		if (*parts[i]) {
			fputs(first ? "" : " / ", stdout);
			cli_put_field(stdout, parts[i]);
			first = false;
		}
	free(authority);
	putchar('\n');
	kv_lines("signer_authority", p.signer_authority);
	kv("signer_title", p.signer_title);
	kv("signer_name", p.signer_name);
	printf("sections: %d\n", p.nsections);
	kv("source", p.source_name);
	kv("sha256", p.source_sha256);
	kv("imported_at", p.imported_at);
	if (p.is_demo)
		puts("demo: yes");
	plan_info_free(&p);
	return CLI_OK;
}

static int plan_delete_cmd(struct cli_ctx *ctx, int argc, char **argv)
{
	const struct cli_cmd *cmd = &cli_plan_cmds[4];
	int64_t id = 0;
	bool force = false;
	for (int i = 0; i < argc; i++) {
		if (strcmp(argv[i], "--force") == 0)
			force = true;
		else if (id || parse_id(cmd, argv[i], &id))
			return id ? cli_usage_error(cmd, "thừa đối số: %s", argv[i]) : CLI_USAGE;
	}
	if (!id)
		return cli_usage_error(cmd, "thiếu mã kế hoạch");
	if (cli_open_db(ctx))
		return CLI_ERR;
	struct cchc_err err = { 0 };
	if (plan_delete(&ctx->db, id, force, &err))
		return cli_error(&err);
	fprintf(stderr, "cchc: đã xóa kế hoạch %lld.\n", (long long)id);
	return CLI_OK;
}

static int plan_edit_cmd(struct cli_ctx *ctx, int argc, char **argv)
{
	const struct cli_cmd *cmd = &cli_plan_cmds[5];
	int64_t id = 0;
	const char **names = xcalloc((size_t)argc + 1, sizeof *names);
	const char **values = xcalloc((size_t)argc + 1, sizeof *values);
	int n = 0, rc = CLI_OK;
	for (int i = 0; i < argc && rc == CLI_OK; i++) {
		char key[40];
		snprintf(key, sizeof key, "%.*s", (int)strcspn(argv[i], "="), argv[i]);
		const struct plan_field *f = strncmp(key, "--", 2) == 0 ? plan_field_find(key + 2)
								      : NULL;
		if (f && !cli_opt_value(argc, argv, &i, key, &values[n]))
			rc = cli_usage_error(cmd, "%s cần một giá trị", key);
		else if (f)
			names[n++] = f->name;
		else if (argv[i][0] == '-')
			rc = cli_usage_error(cmd, "tùy chọn không rõ: %s", argv[i]);
		else if (id)
			rc = cli_usage_error(cmd, "thừa đối số: %s", argv[i]);
		else
			rc = parse_id(cmd, argv[i], &id);
	}
	if (rc == CLI_OK && !id)
		rc = cli_usage_error(cmd, "thiếu mã kế hoạch");
	else if (rc == CLI_OK && !n)
		rc = cli_usage_error(cmd, "chưa nói sửa gì (ví dụ --title \"...\")");
	struct cchc_err err = { 0 };
	if (rc == CLI_OK && cli_open_db(ctx))
		rc = CLI_ERR;
	else if (rc == CLI_OK && plan_update(&ctx->db, id, names, values, n, &err))
		rc = cli_error(&err);
	else if (rc == CLI_OK)
		fprintf(stderr, "cchc: đã sửa kế hoạch %lld.\n", (long long)id);
	free(names);
	free(values);
	return rc;
}

/* What `plan section` was asked to do. */
struct section_args {
	int64_t id;
	const char *heading, *text, *at, *para, *after;
	const char *op;          /* the one structural option, or NULL */
};

static const char *const section_ops[] = {
	"--move-up", "--move-down", "--move-under", "--join-previous", "--join-paragraph", "--split-paragraph",
	NULL
};

static bool is_section_op(const char *s)
{
	for (int k = 0; section_ops[k]; k++)
		if (strcmp(s, section_ops[k]) == 0)
			return true;
	return false;
}

static int section_arg(const struct cli_cmd *cmd, int argc, char **argv, int *i,
		       struct section_args *a)
{
	const char *op = argv[*i];
	if (cli_opt_value(argc, argv, i, "--heading", &a->heading) ||
	    cli_opt_value(argc, argv, i, "--text", &a->text) ||
	    cli_opt_value(argc, argv, i, "--at", &a->at) ||
	    cli_opt_value(argc, argv, i, "--after", &a->after))
		return CLI_OK;
	if (is_section_op(op)) {
		if (a->op)
			return cli_usage_error(cmd, "mỗi lần chỉ một việc: %s hoặc %s", a->op, op);
		a->op = op;
		if (strstr(op, "paragraph") && !cli_opt_value(argc, argv, i, op, &a->para))
			return cli_usage_error(cmd, "%s cần số thứ tự đoạn", op);
		if (strstr(op, "under") && !cli_opt_value(argc, argv, i, op, &a->para))
			return cli_usage_error(cmd, "%s cần mã mục cha", op);
		return CLI_OK;
	}
	if (op[0] == '-')
		return cli_usage_error(cmd, "tùy chọn không rõ: %s", op);
	if (a->id)
		return cli_usage_error(cmd, "thừa đối số: %s", op);
	char *end;
	long long v = strtoll(op, &end, 10);
	if (!*op || *end || v <= 0)
		return cli_usage_error(cmd, "mã mục \"%s\" không hợp lệ (cần một số dương)", op);
	a->id = v;
	return CLI_OK;
}

static int section_print(struct db *db, int64_t id)
{
	struct cchc_err err = { 0 };
	char *text;
	sqlite3_stmt *st;
	if (section_text(db, id, &text, &err))
		return cli_error(&err);
	if (sqlite3_prepare_v2(db->h, "SELECT label, heading FROM section WHERE id = ?", -1, &st,
			       NULL) == SQLITE_OK) {
		sqlite3_bind_int64(st, 1, id);
		if (sqlite3_step(st) == SQLITE_ROW) {
			cli_put_field(stdout, (const char *)sqlite3_column_text(st, 0));
			putchar(' ');
			cli_put_field(stdout, (const char *)sqlite3_column_text(st, 1));
			putchar('\n');
		} else
			err_set(&err, CCHC_ENOTFOUND, "Không có đề mục số %lld", (long long)id);
		sqlite3_finalize(st);
	}
	if (err.code) {
		free(text);
		return cli_error(&err);
	}
	for (const char *p = text; *p;) {
		size_t n = strcspn(p, "\n");
		char *line = xstrndup(p, n);
		cli_put_field(stdout, line);
		putchar('\n');
		free(line);
		p += n + (p[n] == '\n');
	}
	free(text);
	return CLI_OK;
}

/* A section id typed after an option (0 for --move-under: the top
 * level), or -1 when it is not a number. */
static int64_t section_id_arg(const char *s)
{
	char *end;
	long long v = strtoll(s, &end, 10);
	return *s && !*end && v >= 0 ? v : -1;
}

static int section_apply(struct db *db, const struct section_args *a, struct cchc_err *err)
{
	const char *op = a->op ? a->op : "";
	int para = a->para ? atoi(a->para) : 0;
	if (strcmp(op, "--move-up") == 0 || strcmp(op, "--move-down") == 0)
		return section_move(db, a->id, op[7] == 'u' ? -1 : 1, err);
	if (strcmp(op, "--move-under") == 0)
		return section_move_under(db, a->id, section_id_arg(a->para),
					  a->after ? section_id_arg(a->after) : 0, err);
	if (strcmp(op, "--join-previous") == 0)
		return section_join_previous(db, a->id, NULL, err);
	if (strcmp(op, "--join-paragraph") == 0)
		return section_join_paragraph(db, a->id, para, err);
	if (strcmp(op, "--split-paragraph") == 0)
		return section_split_paragraph(db, a->id, para, a->at, err);
	return section_update(db, a->id, a->heading, a->text, err);
}

static int plan_section_cmd(struct cli_ctx *ctx, int argc, char **argv)
{
	const struct cli_cmd *cmd = &cli_plan_cmds[6];
	struct section_args a = { 0 };
	for (int i = 0; i < argc; i++)
		if (section_arg(cmd, argc, argv, &i, &a))
			return CLI_USAGE;
	if (!a.id)
		return cli_usage_error(cmd, "thiếu mã mục");
	if (a.op && (a.heading || a.text))
		return cli_usage_error(cmd, "%s không đi cùng --heading, --text", a.op);
	bool split = a.op && strcmp(a.op, "--split-paragraph") == 0;
	if (split != (a.at != NULL))
		return cli_usage_error(cmd, split ? "--split-paragraph cần --at CHỮ (chỗ tách)"
					   : "--at chỉ đi cùng --split-paragraph");
	bool under = a.op && strcmp(a.op, "--move-under") == 0;
	if (a.after && !under)
		return cli_usage_error(cmd, "--after chỉ đi cùng --move-under");
	if (under && (section_id_arg(a.para) < 0 || (a.after && section_id_arg(a.after) <= 0)))
		return cli_usage_error(cmd, "mã mục \"%s\" không hợp lệ (cần một số dương; "
				       "--move-under 0: lên cấp cao nhất)",
				       section_id_arg(a.para) < 0 ? a.para : a.after);
	if (cli_open_db(ctx))
		return CLI_ERR;
	if (!a.op && !a.heading && !a.text)
		return section_print(&ctx->db, a.id);
	struct cchc_err err = { 0 };
	if (section_apply(&ctx->db, &a, &err))
		return cli_error(&err);
	fprintf(stderr, "cchc: đã sửa mục %lld.\n", (long long)a.id);
	return CLI_OK;
}
