/* The table writers over the document model: xlsx (read back with libzip:
 * sheet names, typed numbers, formats, frozen headers) and csv (read back
 * with a small RFC 4180 reader: every cell, BOM, CRLF, quoting, a legacy
 * encoding, the refusals, nothing left behind on failure). With
 * DOC_SAMPLE_DIR set, sample.xlsx and the folder csv/ are written there for
 * tests/cli/doc_tables.sh to read with other programs. */
#include <config.h>
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zip.h>
#include "check.h"
#include "export/doc.h"
#include "text/encoding.h"
#include "text/utf8.h"
#include "util/fsutil.h"
#include "util/sbuf.h"

#define CHECK_LACKS(hay, needle) CHECK((hay) && !strstr((hay), (needle)))

#define BOM "\xef\xbb\xbf"
#define TITLE1 "Biểu 1. Tiếp nhận hồ sơ"
#define TITLE2 "Biểu 2: Kết quả / tiến độ"

/* Two tables: figures in numeric columns written the Vietnamese way, text
 * with a comma, quotes and a newline; then a second table under two header
 * rows. tests/cli/doc_tables.sh knows the same cells. */
static void sample(struct doc *d)
{
	doc_init(d);
	doc_set_title(d, "BÁO CÁO", "Kết quả cải cách hành chính quý I năm 2026");
	doc_text(d, DOC_BODY, DOC_JUSTIFY, 0, "Phụ lục kèm theo.");
	struct doc_table *t = doc_table(d, TITLE1, 4, 1);
	doc_table_column(t, 1, 10, true);
	doc_table_column(t, 2, 0, true);
	doc_table_column(t, 3, 30, false);
	doc_table_row(t, (const char *[]){ "Đơn vị", "Số hồ sơ", "Tỷ lệ", "Ghi chú" });
	doc_table_row(t, (const char *[]){ "Văn phòng", "12", "41,33%", "Đồng Đăng, \"Lạng Sơn\"" });
	doc_table_row(t, (const char *[]){ "Phòng Kế hoạch", "1.234", "41,33", "dòng một\ndòng hai" });
	doc_table_row(t, (const char *[]){ "Phòng Quản lý", "-5", "0,5", "" });
	doc_table_row(t, (const char *[]){ "Tổng", "chưa có", "1.23", "=1+1" });
	doc_table_row(t, (const char *[]){ "Năm", "2026", "007", "x" });
	t = doc_table(d, TITLE2, 3, 2);
	doc_table_column(t, 0, 5, true);
	doc_table_row(t, (const char *[]){ "STT", "Nhiệm vụ", "Kết quả" });
	doc_table_row(t, (const char *[]){ "(1)", "(2)", "(3)" });
	doc_table_row(t, (const char *[]){ "1", "Rà soát TTHC", "hoàn thành 31/75 nhiệm vụ, đạt 41,33%" });
	doc_table_row(t, (const char *[]){ "2", "Số hóa hồ sơ", "đang làm" });
}

static const struct doc_table *table_n(const struct doc *d, int n)
{
	for (int i = 0; i < d->nblocks; i++)
		if (d->blocks[i].kind == DOC_TABLE_BLOCK && n-- == 0)
			return &d->blocks[i].table;
	return NULL;
}

static char *path_in(const char *dir, const char *name)
{
	struct sbuf b = SBUF_INIT;
	sbuf_addf(&b, "%s/%s", dir, name);
	return sbuf_detach(&b);
}

static int count_files(const char *dir)
{
	int n = 0;
	DIR *dp = opendir(dir);
	for (struct dirent *e; dp && (e = readdir(dp));)
		n += e->d_name[0] != '.';
	if (dp)
		closedir(dp);
	return n;
}

static char *read_all(const char *path, size_t *len)
{
	struct cchc_err err;
	char *s = NULL;
	size_t n = 0;
	if (fs_read_file(path, 1 << 22, &s, &n, &err) != CCHC_OK)
		fprintf(stderr, "%s\n", err.msg);
	if (len)
		*len = n;
	return s;
}

/* ------------------------------------------------------------------ xlsx */

static char *zip_entry(const char *path, const char *name)
{
	int zerr = 0;
	zip_t *za = zip_open(path, ZIP_RDONLY | ZIP_CHECKCONS, &zerr);
	zip_stat_t st;
	if (!za || zip_stat(za, name, 0, &st) < 0) {
		if (za)
			zip_discard(za);
		return NULL;
	}
	zip_file_t *f = zip_fopen(za, name, 0);
	char *s = xmalloc((size_t)st.size + 1);
	zip_int64_t n = f ? zip_fread(f, s, st.size) : -1;
	if (f)
		zip_fclose(f);
	zip_discard(za);
	if (n != (zip_int64_t)st.size) {
		free(s);
		return NULL;
	}
	s[n] = '\0';
	return s;
}

/* The XML of cell ref ("B3") in a sheet, malloc'd, or NULL. */
static char *cell_xml(const char *sheet, const char *ref)
{
	char open[32];
	snprintf(open, sizeof open, "<c r=\"%s\"", ref);
	const char *s = sheet ? strstr(sheet, open) : NULL;
	if (!s)
		return NULL;
	const char *self_end = strstr(s, "/>"), *end = strstr(s, "</c>");
	const char *gt = strchr(s, '>');
	if (gt && self_end && gt == self_end + 1)
		return xstrndup(s, (size_t)(gt + 1 - s));
	return end ? xstrndup(s, (size_t)(end + 4 - s)) : NULL;
}

/* Cell ref holds the number written as value, not a shared string. */
static void check_number(const char *sheet, const char *ref, const char *value)
{
	char *c = cell_xml(sheet, ref), v[64];
	snprintf(v, sizeof v, "<v>%s</v>", value);
	CHECK_HAS(c, v);
	CHECK_LACKS(c, "t=\"s\"");
	if (!c || !strstr(c, v) || strstr(c, "t=\"s\""))
		fprintf(stderr, "    cell %s: %s\n", ref, c ? c : "(missing)");
	free(c);
}

static void check_string(const char *sheet, const char *ref)
{
	char *c = cell_xml(sheet, ref);
	CHECK_HAS(c, "t=\"s\"");
	free(c);
}

static void test_xlsx_sheet1(const char *path)
{
	char *x = zip_entry(path, "xl/worksheets/sheet1.xml");
	check_number(x, "B3", "12");
	check_number(x, "C3", "0.4133");
	check_number(x, "B4", "1234");
	check_number(x, "C4", "41.33");
	check_number(x, "B5", "-5");
	check_number(x, "C5", "0.5");
	check_number(x, "B7", "2026");
	check_string(x, "A1");             /* the title */
	check_string(x, "B2");             /* a header of a numeric column */
	check_string(x, "A3");
	check_string(x, "D3");
	check_string(x, "B6");             /* "chưa có" in a numeric column */
	check_string(x, "C6");             /* "1.23" is no Vietnamese number */
	check_string(x, "D6");             /* "=1+1" stays text, never a formula */
	check_string(x, "C7");             /* "007" keeps its zeros */
	CHECK_LACKS(x, "<f>");
	CHECK_HAS(x, "<mergeCell ref=\"A1:D1\"/>");
	CHECK_HAS(x, "ySplit=\"2\" topLeftCell=\"A3\"");
	CHECK_HAS(x, "state=\"frozen\"");
	CHECK_HAS(x, "<col min=\"2\" max=\"2\" width=\"12."); /* 10 + 2, and Excel's padding */
	CHECK_HAS(x, "<pageSetup paperSize=\"9\"");
	free(x);
	x = zip_entry(path, "xl/worksheets/sheet2.xml");
	check_number(x, "A4", "1");
	check_string(x, "C4");
	CHECK_HAS(x, "ySplit=\"3\" topLeftCell=\"A4\"");
	free(x);
}

static void test_xlsx_parts(const char *path)
{
	char *x = zip_entry(path, "xl/workbook.xml");
	CHECK_HAS(x, "<sheet name=\"Biểu 1\""); /* the title up to its first ". " */
	CHECK_HAS(x, "<sheet name=\"Biểu 2 Kết quả - tiến độ\"");
	free(x);
	x = zip_entry(path, "xl/sharedStrings.xml");
	CHECK_HAS(x, "Đồng Đăng, ");
	CHECK_HAS(x, "dòng một\ndòng hai");
	CHECK_HAS(x, ">" TITLE1 "<");
	free(x);
	x = zip_entry(path, "xl/styles.xml");
	CHECK_HAS(x, "<name val=\"Times New Roman\"/>");
	CHECK_HAS(x, "formatCode=\"0.00%\"");
	CHECK_HAS(x, "formatCode=\"#,##0\"");
	CHECK_HAS(x, "<fgColor rgb=\"FFD9D9D9\"/>");
	CHECK_HAS(x, "wrapText=\"1\"");
	free(x);
	x = zip_entry(path, "docProps/core.xml");
	CHECK_HAS(x, "<dc:title>BÁO CÁO Kết quả cải cách hành chính quý I năm 2026</dc:title>");
	CHECK_HAS(x, "<dc:creator>cchc</dc:creator>");
	free(x);
}

/* Sheet names cut to 31 characters, made unique, made up when missing. */
static void test_xlsx_names(const char *dir)
{
	static const char *const long_title =
		"Tình hình giải quyết hồ sơ thủ tục hành chính [06a]";
	struct doc d;
	struct cchc_err err;
	doc_init(&d);
	for (int i = 0; i < 3; i++)
		doc_table_row(doc_table(&d, long_title, 1, 0), (const char *[]){ "x" });
	doc_table_row(doc_table(&d, "", 1, 0), (const char *[]){ "y" });
	doc_table_row(doc_table(&d, "history", 1, 0), (const char *[]){ "z" });
	/* cut between words, never "...phản á" (issue 15) */
	doc_table_row(doc_table(&d, "Tổng hợp tình hình xử lý phản ánh kiến nghị", 1, 0),
		      (const char *[]){ "p" });
	/* a first sentence longer than a sheet name: the title cut instead */
	doc_table_row(doc_table(&d, "Tình hình tiếp nhận và giải quyết hồ sơ thủ tục. Quý III", 1, 0),
		      (const char *[]){ "q" });
	struct doc_table *named = doc_table(&d, "Biểu 4. Tình hình", 1, 0);
	doc_table_sheet(named, "Biểu II.06a");
	doc_table_row(named, (const char *[]){ "r" });
	char *path = path_in(dir, "ten.xlsx");
	CHECK_INT(doc_write(&d, DOC_XLSX, path, NULL, FS_OVERWRITE, &err), CCHC_OK);
	char *x = zip_entry(path, "xl/workbook.xml");
	CHECK_HAS(x, "<sheet name=\"Tình hình giải quyết hồ sơ thủ\"");
	CHECK_HAS(x, "<sheet name=\"Tình hình giải quyết hồ sơ (2)\"");
	CHECK_HAS(x, "<sheet name=\"Tình hình giải quyết hồ sơ (3)\"");
	CHECK_HAS(x, "<sheet name=\"Biểu 4\"");
	CHECK_HAS(x, "<sheet name=\"history (2)\"");
	CHECK_HAS(x, "<sheet name=\"Tổng hợp tình hình xử lý phản\"");
	CHECK_HAS(x, "<sheet name=\"Tình hình tiếp nhận và giải\""); /* not "... giải quy" */
	CHECK_HAS(x, "<sheet name=\"Biểu II.06a\"");
	free(x);
	unlink(path);
	free(path);
	doc_free(&d);
}

static void test_xlsx(const char *dir)
{
	struct doc d;
	struct cchc_err err;
	char *path = path_in(dir, "bao-cao.xlsx");
	sample(&d);
	int rc = doc_write(&d, DOC_XLSX, path, NULL, FS_OVERWRITE, &err);
	CHECK_INT(rc, CCHC_OK);
	if (rc)
		fprintf(stderr, "%s\n", err.msg);
	CHECK_INT(count_files(dir), 1); /* no temporary file left */
	test_xlsx_parts(path);
	test_xlsx_sheet1(path);
	CHECK_INT(doc_write(&d, DOC_XLSX, path, "utf8", FS_OVERWRITE, &err), CCHC_OK); /* over the old one */
	CHECK(doc_write(&d, DOC_XLSX, path, "cp1258", FS_OVERWRITE, &err) != CCHC_OK);
	CHECK_HAS(err.msg, "UTF-8");
	unlink(path);
	free(path);
	char *out = NULL;
	size_t len = 0;
	CHECK(doc_render(&d, DOC_XLSX, &out, &len, &err) != CCHC_OK);
	CHECK(doc_render(&d, DOC_CSV, &out, &len, &err) != CCHC_OK);
	CHECK(out == NULL);
	doc_free(&d);
	test_xlsx_names(dir);
}

/* A document without tables still gives a workbook, saying so. */
static void test_xlsx_no_tables(const char *dir)
{
	struct doc d;
	struct cchc_err err;
	char *path = path_in(dir, "trong.xlsx");
	doc_init(&d);
	doc_text(&d, DOC_BODY, DOC_JUSTIFY, 0, "Không có bảng.");
	CHECK_INT(doc_write(&d, DOC_XLSX, path, NULL, FS_OVERWRITE, &err), CCHC_OK);
	char *x = zip_entry(path, "xl/workbook.xml");
	CHECK_HAS(x, "<sheet name=\"Không có bảng\"");
	free(x);
	x = zip_entry(path, "xl/sharedStrings.xml");
	CHECK_HAS(x, "không có bảng số liệu");
	free(x);
	unlink(path);
	free(path);
	doc_free(&d);
}

/* A failure leaves neither the file nor a temporary one. */
static void test_xlsx_errors(const char *dir)
{
	struct doc d;
	struct cchc_err err;
	char *missing = path_in(dir, "khong-co/x.xlsx"), *path = path_in(dir, "dai.xlsx");
	sample(&d);
	err_clear(&err);
	CHECK(doc_write(&d, DOC_XLSX, missing, NULL, FS_OVERWRITE, &err) != CCHC_OK);
	CHECK_HAS(err.msg, "khong-co");
	struct sbuf big = SBUF_INIT;
	for (int i = 0; i < 33000; i++)
		sbuf_addc(&big, 'a');
	struct doc_table *t = doc_table(&d, "Dài", 1, 0);
	doc_table_row(t, (const char *[]){ big.s });
	sbuf_free(&big);
	err_clear(&err);
	CHECK(doc_write(&d, DOC_XLSX, path, NULL, FS_OVERWRITE, &err) != CCHC_OK);
	CHECK_HAS(err.msg, "32.767");
	CHECK_HAS(err.msg, "ô A2 của trang \"Dài\""); /* under its title */
	CHECK_INT(count_files(dir), 0);
	free(missing);
	free(path);
	doc_free(&d);
}

/* ------------------------------------------------------------------- csv */

/* A file read by a small RFC 4180 reader: the fields row-major. ok is false
 * when the text breaks the rules: a record not ended by CRLF, a bare CR or
 * LF outside quotes, a quote inside an unquoted field, rows of different
 * lengths. */
struct csv_doc {
	char **f;
	int nf, rows, cols;
	bool ok;
};

static size_t csv_read_field(const char *s, size_t n, size_t i, struct sbuf *b, bool *ok)
{
	if (i < n && s[i] == '"') {
		for (i++;; i++) {
			if (i >= n) {
				*ok = false;
				return i;
			}
			if (s[i] == '"' && i + 1 < n && s[i + 1] == '"')
				i++;
			else if (s[i] == '"')
				return i + 1;
			sbuf_addc(b, s[i]);
		}
	}
	for (; i < n && s[i] != ',' && s[i] != '\r' && s[i] != '\n'; i++) {
		*ok = *ok && s[i] != '"';
		sbuf_addc(b, s[i]);
	}
	return i;
}

static void csv_parse(const char *s, size_t n, struct csv_doc *c)
{
	memset(c, 0, sizeof *c);
	c->ok = true;
	int in_row = 0;
	for (size_t i = 0; i < n && c->ok;) {
		struct sbuf b = SBUF_INIT;
		i = csv_read_field(s, n, i, &b, &c->ok);
		c->f = xrealloc(c->f, sizeof *c->f * (size_t)(c->nf + 1));
		c->f[c->nf++] = sbuf_detach(&b);
		in_row++;
		if (i < n && s[i] == ',') {
			i++;
			continue;
		}
		if (i + 1 >= n || s[i] != '\r' || s[i + 1] != '\n') {
			c->ok = false;
			break;
		}
		i += 2;
		if (c->rows++ == 0)
			c->cols = in_row;
		c->ok = c->ok && in_row == c->cols;
		in_row = 0;
	}
}

static void csv_free(struct csv_doc *c)
{
	for (int i = 0; i < c->nf; i++)
		free(c->f[i]);
	free(c->f);
}

/* The CSV text (after the BOM, if any) holds exactly the cells of t, a
 * cell that would read as a formula after a "'" (numbers of numeric
 * columns as they are). */
static void check_csv_cells(const char *s, size_t n, const struct doc_table *t)
{
	struct csv_doc c;
	csv_parse(s, n, &c);
	CHECK(c.ok);
	CHECK_INT(c.rows, t->nrows);
	CHECK_INT(c.cols, t->ncols);
	for (int i = 0; c.ok && i < c.nf && i < t->nrows * t->ncols; i++) {
		const char *cell = t->cells[i];
		bool number = t->numeric[i % t->ncols] && i / t->ncols >= t->header_rows &&
			      cell[0] && cell[1] >= '0' && cell[1] <= '9';
		if (cell[0] && strchr("=+-@", cell[0]) && !number) {
			char want[256];
			snprintf(want, sizeof want, "'%s", cell);
			CHECK_STR(c.f[i], want);
		} else {
			CHECK_STR(c.f[i], cell);
		}
	}
	csv_free(&c);
}

static void check_csv_file(const char *path, const struct doc_table *t)
{
	size_t n = 0;
	char *s = read_all(path, &n);
	CHECK(s && n > 3 && memcmp(s, BOM, 3) == 0);
	if (s && n > 3)
		check_csv_cells(s + 3, n - 3, t);
	free(s);
}

static void test_csv_folder(const char *dir)
{
	struct doc d;
	struct cchc_err err;
	char *folder = path_in(dir, "bieu/");
	sample(&d);
	int rc = doc_write(&d, DOC_CSV, folder, NULL, FS_OVERWRITE, &err); /* a new folder: made */
	CHECK_INT(rc, CCHC_OK);
	if (rc)
		fprintf(stderr, "%s\n", err.msg);
	char *f1 = path_in(dir, "bieu/01-bieu-1-tiep-nhan-ho-so.csv");
	char *f2 = path_in(dir, "bieu/02-bieu-2-ket-qua-tien-do.csv");
	check_csv_file(f1, table_n(&d, 0));
	check_csv_file(f2, table_n(&d, 1));
	char *s = read_all(f1, NULL);
	CHECK_HAS(s, BOM "Đơn vị,Số hồ sơ,Tỷ lệ,Ghi chú\r\nVăn phòng,12,");
	CHECK_HAS(s, "Văn phòng,12,\"41,33%\",\"Đồng Đăng, \"\"Lạng Sơn\"\"\"\r\n");
	CHECK_HAS(s, "Phòng Kế hoạch,1.234,\"41,33\",\"dòng một\ndòng hai\"\r\n");
	CHECK_HAS(s, "Phòng Quản lý,-5,\"0,5\",\r\n");
	free(s);
	CHECK_INT(doc_write(&d, DOC_CSV, folder, NULL, FS_OVERWRITE, &err), CCHC_OK); /* again, over them */
	char *bare = path_in(dir, "bieu");
	CHECK_INT(doc_write(&d, DOC_CSV, bare, NULL, FS_OVERWRITE, &err), CCHC_OK); /* an existing folder */
	CHECK_INT(count_files(bare), 2);
	unlink(f1);
	unlink(f2);
	CHECK_INT(rmdir(bare), 0);
	free(bare);
	free(f1);
	free(f2);
	free(folder);
	doc_free(&d);
}

/* One table to a file in CP1258: no BOM, the same text back through iconv. */
static void test_csv_legacy(const char *dir)
{
	struct doc d;
	struct cchc_err err;
	char *path = path_in(dir, "mot-bang.csv"), *back = NULL;
	doc_init(&d);
	struct doc_table *t = doc_table(&d, TITLE1, 2, 1);
	doc_table_row(t, (const char *[]){ "Đơn vị", "Ghi chú" });
	doc_table_row(t, (const char *[]){ "Phường Đông Kinh", "Đồng Đăng, \"Lạng Sơn\"\nnăm 2026" });
	CHECK_INT(doc_write(&d, DOC_CSV, path, "cp1258", FS_OVERWRITE, &err), CCHC_OK);
	size_t n = 0, backlen = 0;
	char *raw = read_all(path, &n);
	CHECK(raw && n > 3 && memcmp(raw, BOM, 3) != 0);
	CHECK(raw && memchr(raw, 0xc4, n) == NULL); /* no UTF-8 "Đ" (C4 90) */
	CHECK_INT(text_iconv(raw, n, "cp1258", &back, &backlen, &err), CCHC_OK);
	char *nfc = back ? text_nfc(back) : NULL;
	if (nfc)
		check_csv_cells(nfc, strlen(nfc), t);
	free(nfc);
	free(back);
	free(raw);
	CHECK_INT(doc_write(&d, DOC_CSV, path, "utf8", FS_OVERWRITE, &err), CCHC_OK); /* named: no BOM */
	raw = read_all(path, &n);
	CHECK(raw && n > 3 && memcmp(raw, "Đơn vị,", strlen("Đơn vị,")) == 0);
	free(raw);
	unlink(path);
	free(path);
	doc_free(&d);
}

static void test_csv_errors(const char *dir)
{
	struct doc d;
	struct cchc_err err;
	char *file = path_in(dir, "bao-cao.csv"), *missing = path_in(dir, "khong-co/bieu/");
	sample(&d);
	err_clear(&err);
	CHECK(doc_write(&d, DOC_CSV, file, NULL, FS_OVERWRITE, &err) != CCHC_OK); /* two tables, one file */
	CHECK_HAS(err.msg, "2 bảng");
	CHECK_HAS(err.msg, "thư mục");
	CHECK_HAS(err.msg, "bao-cao/");
	err_clear(&err);
	CHECK(doc_write(&d, DOC_CSV, missing, NULL, FS_OVERWRITE, &err) != CCHC_OK);
	CHECK_HAS(err.msg, "khong-co");
	err_clear(&err);
	char *folder = path_in(dir, "moi/");
	doc_table_row(doc_table(&d, "Ký tự lạ", 1, 0), (const char *[]){ "chữ 中" });
	CHECK(doc_write(&d, DOC_CSV, folder, "cp1258", FS_OVERWRITE, &err) != CCHC_OK);
	CHECK_HAS(err.msg, "\"中\" (U+4E2D)");
	CHECK_HAS(err.msg, "Ký tự lạ");
	err_clear(&err);
	CHECK(doc_write(&d, DOC_CSV, folder, "khong-co-bang-ma", FS_OVERWRITE, &err) != CCHC_OK);
	CHECK_HAS(err.msg, "khong-co-bang-ma");
	CHECK_INT(count_files(dir), 0); /* no file, no folder */
	doc_free(&d);
	doc_init(&d);
	CHECK(doc_write(&d, DOC_CSV, file, NULL, FS_OVERWRITE, &err) != CCHC_OK);
	CHECK_HAS(err.msg, "không có bảng");
	CHECK_INT(count_files(dir), 0);
	doc_free(&d);
	free(folder);
	free(file);
	free(missing);
}

/* Cells a spreadsheet would take for formulas get a leading "'" (issue
 * 14), the numbers of numeric columns excepted; a file there already is
 * kept unless the flags say FS_OVERWRITE, and so is a folder. */
static void test_csv_formulas_and_new(const char *dir)
{
	struct doc d;
	struct cchc_err err;
	char *path = path_in(dir, "cong-thuc.csv"), *folder = path_in(dir, "bieu-cu");
	doc_init(&d);
	struct doc_table *t = doc_table(&d, TITLE1, 3, 1);
	doc_table_column(t, 1, 0, true);
	doc_table_row(t, (const char *[]){ "Tên", "Số", "Ghi chú" });
	doc_table_row(t, (const char *[]){ "=HYPERLINK(\"http://x\",\"Bấm\")", "-3", "=1+1" });
	doc_table_row(t, (const char *[]){ "+84 912", "+2", "@SUM(A1)" });
	doc_table_row(t, (const char *[]){ "-3", "-1.234,5", "- gạch đầu dòng" });
	doc_table_row(t, (const char *[]){ "\t=1+1", "=1+1", "a=1" });
	CHECK_INT(doc_write(&d, DOC_CSV, path, "utf8", FS_NEW, &err), CCHC_OK);
	char *s = read_all(path, NULL);
	CHECK_HAS(s, "\"'=HYPERLINK(\"\"http://x\"\",\"\"Bấm\"\")\",-3,'=1+1\r\n");
	CHECK_HAS(s, "'+84 912,+2,'@SUM(A1)\r\n");
	CHECK_HAS(s, "'-3,\"-1.234,5\",'- gạch đầu dòng\r\n");
	CHECK_HAS(s, " =1+1,'=1+1,a=1\r\n"); /* a tab is a space in a document */
	/* FS_NEW: the file there is kept, byte for byte */
	doc_table_row(t, (const char *[]){ "thêm", "1", "" });
	err_clear(&err);
	CHECK_INT(doc_write(&d, DOC_CSV, path, "utf8", FS_NEW, &err), CCHC_EEXIST);
	CHECK_HAS(err.msg, "--force");
	char *again = read_all(path, NULL);
	CHECK(s && again && strcmp(s, again) == 0);
	free(again);
	CHECK_INT(doc_write(&d, DOC_CSV, path, "utf8", FS_OVERWRITE, &err), CCHC_OK);
	again = read_all(path, NULL);
	CHECK_HAS(again, "thêm,1,\r\n");
	free(again);
	free(s);
	unlink(path);
	/* a folder: FS_NEW keeps the one there; FS_OVERWRITE replaces it whole */
	doc_table_row(doc_table(&d, "Bảng hai", 1, 0), (const char *[]){ "x" });
	CHECK_INT(mkdir(folder, 0755), 0);
	CHECK_INT(doc_write(&d, DOC_CSV, folder, NULL, FS_NEW, &err), CCHC_OK); /* empty: filled */
	CHECK_INT(count_files(folder), 2);
	err_clear(&err);
	CHECK_INT(doc_write(&d, DOC_CSV, folder, NULL, FS_NEW, &err), CCHC_EEXIST);
	CHECK_HAS(err.msg, "--force");
	CHECK_INT(doc_write(&d, DOC_CSV, folder, NULL, FS_OVERWRITE, &err), CCHC_OK);
	CHECK_INT(count_files(folder), 2);
	CHECK_INT(count_files(dir), 1); /* nothing hidden left beside it */
	char *f1 = path_in(dir, "bieu-cu/01-bieu-1-tiep-nhan-ho-so.csv");
	char *f2 = path_in(dir, "bieu-cu/02-bang-hai.csv");
	CHECK_INT(unlink(f1), 0);
	CHECK_INT(unlink(f2), 0);
	CHECK_INT(rmdir(folder), 0);
	free(f1);
	free(f2);
	free(folder);
	free(path);
	doc_free(&d);
}

/* ---------------------------------------------------------------- others */

static void test_formats(void)
{
	enum doc_format f;
	CHECK(doc_format_parse("xlsx", &f) && f == DOC_XLSX);
	CHECK(doc_format_parse("CSV", &f) && f == DOC_CSV);
	CHECK(doc_format_parse("txt", &f) && f == DOC_TXT);
	CHECK(!doc_format_parse("xls", &f));
}

/* Writes sample.xlsx and the folder csv/ into DOC_SAMPLE_DIR, when set. */
static void write_samples(void)
{
	const char *dir = getenv("DOC_SAMPLE_DIR");
	if (!dir || !*dir)
		return;
	struct doc d;
	struct cchc_err err;
	sample(&d);
	char *xlsx = path_in(dir, "sample.xlsx"), *csv = path_in(dir, "csv/");
	int rc = doc_write(&d, DOC_XLSX, xlsx, NULL, FS_OVERWRITE, &err);
	CHECK_INT(rc, CCHC_OK);
	if (rc)
		fprintf(stderr, "%s\n", err.msg);
	rc = doc_write(&d, DOC_CSV, csv, NULL, FS_OVERWRITE, &err);
	CHECK_INT(rc, CCHC_OK);
	if (rc)
		fprintf(stderr, "%s\n", err.msg);
	free(xlsx);
	free(csv);
	doc_free(&d);
}

int main(void)
{
	const char *tmp = getenv("TMPDIR");
	char *dir = path_in(tmp && *tmp ? tmp : "/tmp", "cchc-tables.XXXXXX");
	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		return 99;
	}
	test_formats();
	test_xlsx(dir);
	test_xlsx_no_tables(dir);
	test_xlsx_errors(dir);
	test_csv_folder(dir);
	test_csv_legacy(dir);
	test_csv_errors(dir);
	test_csv_formulas_and_new(dir);
	CHECK_INT(rmdir(dir), 0);
	free(dir);
	write_samples();
	return check_report("test_doc_tables");
}
