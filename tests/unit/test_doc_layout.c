/* The layout of a whole report (issue 15) in every writer: "Kính gửi",
 * the line under the abstract, the annexes after the signer, a 14-column
 * table under three header rows with merged cells and a row numbering the
 * columns, a total row, a date column, notes above a table. The docx XML
 * is read back here; with DOC_SAMPLE_DIR set, the sample is also written
 * there (layout.docx, .html, .md, .txt, .xlsx and the folder csv/) for
 * tests/cli/doc_layout.sh to read with other programs and to render
 * through LibreOffice. */
#include <config.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>
#include "check.h"
#include "export/doc.h"
#include "text/utf8.h"
#include "util/sbuf.h"

#define CHECK_LACKS(hay, needle) CHECK((hay) && !strstr((hay), (needle)))

/* The fields of a Sở Công Thương: Biểu 4 has a row for each. */
static const char *const fields[] = {
	"Điện", "Hóa chất", "Vật liệu nổ công nghiệp", "An toàn thực phẩm",
	"Lưu thông hàng hóa trong nước", "Xúc tiến thương mại", "Kinh doanh khí", "Xăng dầu",
	"Thương mại quốc tế", "Công nghiệp địa phương", "Khuyến công", "Quản lý cạnh tranh",
	"Thương mại điện tử", "Kinh doanh rượu", "Sản phẩm thuốc lá", "Hoạt động thương mại",
	"Bảo vệ quyền lợi người tiêu dùng", "Quản lý bán hàng đa cấp", "Năng lượng tái tạo",
	"Cụm công nghiệp", "An toàn đập, hồ chứa thủy điện", "Phân bón",
};
#define NFIELDS (int)(sizeof fields / sizeof fields[0])
enum { BIEU4_COLS = 14, BIEU4_HEAD = 4 };

/* n with dots between thousands, the Vietnamese way. */
static void vn_int(char *out, size_t size, long n)
{
	if (n >= 1000)
		snprintf(out, size, "%ld.%03ld", n / 1000, n % 1000);
	else
		snprintf(out, size, "%ld", n);
}

/* TT, Lĩnh vực, received (total, online, direct or post, carried over),
 * resolved (total, early, on time, late), pending (total, in time,
 * overdue), the on-time rate: row i, or the sums when i < 0. */
static void bieu4_figures(int i, long v[12])
{
	memset(v, 0, sizeof(long) * 12);
	for (int k = i < 0 ? 0 : i; k < (i < 0 ? NFIELDS : i + 1); k++) {
		long online = k == 0 ? 1234 : (k * 37) % 150, direct = (k * 11) % 40, prev = k % 5;
		long early = online / 2, ontime = online - early + direct / 2, late = k % 3 == 1;
		long intime = direct + prev - direct / 2 - late, overdue = 0;
		long add[11] = { online + direct + prev, online, direct, prev, early + ontime + late,
				 early, ontime, late, intime + overdue, intime, overdue };
		for (int j = 0; j < 11; j++)
			v[j] += add[j];
	}
}

static void bieu4_row(struct doc_table *t, const char *tt, const char *name, int i)
{
	long v[12];
	char cells[BIEU4_COLS][24];
	const char *row[BIEU4_COLS];
	bieu4_figures(i, v);
	row[0] = tt;
	row[1] = name;
	for (int j = 0; j < 11; j++) {
		vn_int(cells[j + 2], sizeof cells[j + 2], v[j]);
		row[j + 2] = cells[j + 2];
	}
	if (v[4] == 0) {
		row[13] = "-";
	} else {
		snprintf(cells[13], sizeof cells[13], "%.2f", 100.0 * (double)(v[5] + v[6]) / (double)v[4]);
		*strchr(cells[13], '.') = ',';
		row[13] = cells[13];
	}
	doc_table_row(t, row);
}

/* Biểu II.06a's layout: three header rows (groups, sub-groups, the
 * columns of "Trong kỳ") and the row of column numbers. */
static void bieu4_header(struct doc_table *t)
{
	const char *r0[BIEU4_COLS] = { "TT", "Lĩnh vực", "Tiếp nhận", NULL, NULL, NULL,
				      "Đã giải quyết", NULL, NULL, NULL, "Đang giải quyết", NULL,
				      NULL, "Tỷ lệ giải quyết đúng hạn (%)" };
	const char *r1[BIEU4_COLS] = { NULL, NULL, "Tổng số", "Trong kỳ", NULL, "Từ kỳ trước",
				      "Tổng số", "Trước hạn", "Đúng hạn", "Quá hạn", "Tổng số",
				      "Trong hạn", "Quá hạn", NULL };
	const char *r2[BIEU4_COLS] = { [3] = "Trực tuyến", [4] = "Trực tiếp và dịch vụ bưu chính" };
	char num[BIEU4_COLS][8];
	const char *r3[BIEU4_COLS];
	for (int c = 0; c < BIEU4_COLS; c++) {
		snprintf(num[c], sizeof num[c], "(%d)", c + 1);
		r3[c] = num[c];
	}
	doc_table_row(t, r0);
	doc_table_row(t, r1);
	doc_table_row(t, r2);
	doc_table_row(t, r3);
	static const int spans[][4] = {
		{ 0, 0, 3, 1 }, { 0, 1, 3, 1 }, { 0, 2, 1, 4 }, { 0, 6, 1, 4 }, { 0, 10, 1, 3 },
		{ 0, 13, 3, 1 }, { 1, 2, 2, 1 }, { 1, 3, 1, 2 }, { 1, 5, 2, 1 }, { 1, 6, 2, 1 },
		{ 1, 7, 2, 1 }, { 1, 8, 2, 1 }, { 1, 9, 2, 1 }, { 1, 10, 2, 1 }, { 1, 11, 2, 1 },
		{ 1, 12, 2, 1 },
	};
	for (size_t i = 0; i < sizeof spans / sizeof spans[0]; i++)
		doc_table_merge(t, spans[i][0], spans[i][1], spans[i][2], spans[i][3]);
}

static void bieu4(struct doc *d)
{
	struct doc_table *t = doc_table(d, "", BIEU4_COLS, BIEU4_HEAD);
	doc_table_sheet(t, "Biểu 4");
	doc_table_note(t, "Kỳ báo cáo: từ ngày 15/6/2026 đến ngày 14/9/2026");
	doc_table_unit(t, "Đơn vị tính: Số hồ sơ TTHC");
	doc_table_column(t, 0, 4, true);
	doc_table_column(t, 1, 24, false);
	for (int c = 2; c < BIEU4_COLS; c++)
		doc_table_column(t, c, 6, true);
	bieu4_header(t);
	for (int i = 0; i < NFIELDS; i++) {
		char tt[8];
		snprintf(tt, sizeof tt, "%d", i + 1);
		bieu4_row(t, tt, fields[i], i);
	}
	bieu4_row(t, "Tổng cộng", "", -1);
	doc_table_row_attrs(t, DOC_BOLD);
	doc_table_merge(t, t->nrows - 1, 0, 1, 2);
}

/* Annex II: late dossiers, with three date columns, portrait. */
static void late_dossiers(struct doc *d)
{
	struct doc_table *t = doc_table(d, "Biểu 5. Hồ sơ giải quyết quá hạn trong kỳ", 7, 1);
	doc_table_column(t, 0, 4, true);
	doc_table_column(t, 1, 14, false);
	doc_table_column(t, 2, 30, false);
	doc_table_date_column(t, 3);
	doc_table_date_column(t, 4);
	doc_table_date_column(t, 5);
	doc_table_column(t, 6, 8, true);
	doc_table_row(t, (const char *[]){ "STT", "Số hồ sơ", "Thủ tục hành chính", "Ngày tiếp nhận",
					   "Hạn trả kết quả", "Ngày trả kết quả", "Số ngày quá hạn" });
	doc_table_row(t, (const char *[]){ "1", "000.00.19.H35-260618-0007",
					   "Cấp Giấy phép bán lẻ sản phẩm rượu", "18/06/2026",
					   "30/06/2026", "02/07/2026", "2" });
	doc_table_row(t, (const char *[]){ "2", "000.00.19.H35-260801-0031",
					   "Cấp Giấy chứng nhận đủ điều kiện an toàn thực phẩm",
					   "01/08/2026", "28/08/2026", "", "-" });
}

static void body(struct doc *d)
{
	doc_text(d, DOC_BODY, DOC_JUSTIFY, 0,
		 "Thực hiện Kế hoạch số 15/KH-UBND ngày 20/01/2026 của Ủy ban nhân dân tỉnh, Sở "
		 "Công Thương báo cáo kết quả cải cách hành chính quý III năm 2026 như sau:");
	doc_text(d, DOC_HEADING1, DOC_JUSTIFY, 0, "I. KẾT QUẢ THỰC HIỆN");
	doc_text(d, DOC_HEADING2, DOC_JUSTIFY, 0, "1. Cải cách thủ tục hành chính");
	doc_text(d, DOC_BODY, DOC_JUSTIFY, 0,
		 "Trong kỳ, Sở tiếp nhận và giải quyết hồ sơ thủ tục hành chính đúng quy định; "
		 "số liệu chi tiết tại Phụ lục I và Phụ lục II kèm theo báo cáo này.");
	struct doc_table *t = doc_table(d, "Kết quả thực hiện các nhiệm vụ cải cách hành chính "
				       "trọng tâm trong quý", 4, 1);
	doc_table_column(t, 0, 4, true);
	doc_table_column(t, 2, 8, true);
	doc_table_column(t, 3, 8, true);
	doc_table_row(t, (const char *[]){ "STT", "Nhiệm vụ", "Kế hoạch", "Hoàn thành" });
	doc_table_row(t, (const char *[]){ "1", "Rà soát, đơn giản hóa thủ tục hành chính", "12", "12" });
	doc_table_row(t, (const char *[]){ "2", "Số hóa hồ sơ, kết quả giải quyết", "1.250", "1.118" });
	doc_text(d, DOC_HEADING1, DOC_JUSTIFY, 0, "II. NHIỆM VỤ QUÝ IV NĂM 2026");
	doc_text(d, DOC_BODY, DOC_JUSTIFY, 0,
		 "Tiếp tục thực hiện các nhiệm vụ của Kế hoạch cải cách hành chính năm 2026.");
}

static void sample(struct doc *d)
{
	doc_init(d);
	doc_set_header(d, "UBND TỈNH LẠNG SƠN", "SỞ CÔNG THƯƠNG", "05/BC-SCT", "Lạng Sơn",
		       (struct ymd){ 2026, 9, 25 });
	doc_set_title(d, "BÁO CÁO", "Kết quả cải cách hành chính quý III năm 2026");
	doc_add_addressee(d, "Sở Nội vụ tỉnh Lạng Sơn");
	body(d);
	doc_annex(d, (const char *const[]){ "Phụ lục I",
		"TÌNH HÌNH TIẾP NHẬN VÀ GIẢI QUYẾT HỒ SƠ THỦ TỤC HÀNH CHÍNH",
		"(Kèm theo Báo cáo số 05/BC-SCT ngày 25/9/2026 của Sở Công Thương)", NULL });
	bieu4(d);
	doc_annex(d, (const char *const[]){ "Phụ lục II", "HỒ SƠ GIẢI QUYẾT QUÁ HẠN",
		"(Kèm theo Báo cáo số 05/BC-SCT ngày 25/9/2026 của Sở Công Thương)", NULL });
	late_dossiers(d);
	doc_add_recipient(d, "Như trên;");
	doc_add_recipient(d, "UBND tỉnh (b/c);");
	doc_add_recipient(d, "Lưu: VT, VP.");
	doc_set_signer(d, "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Nguyễn Văn Hùng");
}

static char *render(const struct doc *d, enum doc_format fmt)
{
	char *out = NULL;
	size_t n = 0;
	struct cchc_err err;
	CHECK_INT(doc_render(d, fmt, &out, &n, &err), CCHC_OK);
	return out;
}

/* The offset of needle in hay, or -1. */
static long at(const char *hay, const char *needle)
{
	const char *p = hay ? strstr(hay, needle) : NULL;
	return p ? p - hay : -1;
}

static int count(const char *hay, const char *needle)
{
	int n = 0;
	for (const char *p = hay; p && (p = strstr(p, needle)); p += strlen(needle))
		n++;
	return n;
}

/* ------------------------------------------------------------------ docx */

static char *docx_document(const struct doc *d)
{
	char *buf = NULL;
	size_t len = 0;
	struct cchc_err err;
	CHECK_INT(doc_render(d, DOC_DOCX, &buf, &len, &err), CCHC_OK);
	zip_error_t ze;
	zip_error_init(&ze);
	zip_source_t *src = zip_source_buffer_create(buf, len, 0, &ze);
	zip_t *za = src ? zip_open_from_source(src, ZIP_RDONLY, &ze) : NULL;
	zip_stat_t st;
	char *x = NULL;
	if (za && zip_stat(za, "word/document.xml", 0, &st) == 0) {
		zip_file_t *f = zip_fopen(za, "word/document.xml", 0);
		x = xmalloc((size_t)st.size + 1);
		zip_int64_t n = f ? zip_fread(f, x, st.size) : -1;
		x[n > 0 ? n : 0] = '\0';
		if (f)
			zip_fclose(f);
	}
	if (za)
		zip_discard(za);
	else
		zip_source_free(src);
	zip_error_fini(&ze);
	free(buf);
	return x;
}

/* The order of Nghị định 30 and the sections of the pages. */
static void test_docx_order(const char *x)
{
	long addressee = at(x, ">Kính gửi: Sở Nội vụ tỉnh Lạng Sơn.<");
	long abstract = at(x, ">Kết quả cải cách hành chính quý III năm 2026<");
	long recipients = at(x, ">Nơi nhận:<"), signer = at(x, ">Nguyễn Văn Hùng<");
	long annex1 = at(x, ">Phụ lục I<"), annex2 = at(x, ">Phụ lục II<");
	long bieu4 = at(x, ">Trực tiếp và dịch vụ bưu chính<");
	CHECK(abstract > 0 && addressee > abstract && at(x, ">I. KẾT QUẢ THỰC HIỆN<") > addressee);
	CHECK(recipients > at(x, ">II. NHIỆM VỤ QUÝ IV NĂM 2026<"));
	CHECK(signer > recipients && annex1 > signer && bieu4 > annex1 && annex2 > bieu4);
	/* the line under the abstract: the next paragraph has a bottom border */
	const char *after = x ? strstr(x + abstract, "<w:p>") : NULL;
	static const char rule[] = "<w:p><w:pPr><w:pBdr><w:bottom w:val=\"single\"";
	CHECK(after && strncmp(after, rule, strlen(rule)) == 0);
	/* sections: portrait (title page), landscape (Phụ lục I), portrait (Phụ lục II) */
	CHECK_INT(count(x, "<w:sectPr>"), 3);
	CHECK_INT(count(x, "<w:headerReference w:type=\"default\""), 3);
	CHECK_INT(count(x, "<w:titlePg/>"), 1);
	long land = at(x, "w:orient=\"landscape\"");
	CHECK(land > bieu4 && land < annex2);
	CHECK(at(x, "<w:sectPr>") > signer && at(x, "<w:sectPr>") < annex1);
	CHECK_HAS(x, "<w:pgSz w:w=\"16838\" w:h=\"11906\" w:orient=\"landscape\"/>");
	/* Phụ lục II, portrait after a landscape section, starts with it */
	CHECK_HAS(x, "<w:pPr><w:keepNext/><w:spacing w:before=\"0\" w:after=\"0\" w:line=\"276\" "
		  "w:lineRule=\"auto\"/><w:jc w:val=\"center\"/></w:pPr><w:r><w:rPr><w:b/><w:bCs/>"
		  "</w:rPr><w:t xml:space=\"preserve\">Phụ lục II<");
	CHECK_HAS(x, "<w:i/><w:iCs/></w:rPr><w:t xml:space=\"preserve\">(Kèm theo Báo cáo số "
		  "05/BC-SCT ngày 25/9/2026 của Sở Công Thương)<");
	/* Phụ lục I follows the signer on a page of its own: the section break does it */
	CHECK_LACKS(x, "<w:pageBreakBefore/>");
}

/* Biểu 4: merged group headers, rows kept whole, header rows repeated,
 * 11 pt, the notes above it, the total row bold. */
static void test_docx_table(const char *x)
{
	long bieu4 = at(x, ">Tiếp nhận<"), end = x ? at(x + bieu4, "</w:tbl>") + bieu4 : -1;
	char *t = bieu4 > 0 && end > bieu4 ? xstrndup(x + bieu4, (size_t)(end - bieu4)) : NULL;
	CHECK_HAS(t, "<w:gridSpan w:val=\"4\"/><w:vAlign w:val=\"center\"/></w:tcPr>");
	CHECK_HAS(t, "<w:gridSpan w:val=\"3\"/>");
	CHECK_HAS(t, "<w:gridSpan w:val=\"2\"/><w:vAlign");
	CHECK_HAS(x, "<w:vMerge w:val=\"restart\"/><w:vAlign w:val=\"center\"/></w:tcPr><w:p>");
	CHECK_HAS(t, "<w:vMerge/><w:vAlign w:val=\"center\"/></w:tcPr><w:p/></w:tc>");
	CHECK_INT(count(t, "<w:tblHeader/>"), BIEU4_HEAD - 1); /* the first row is before t */
	CHECK_INT(count(t, "<w:tr>"), NFIELDS + 1 + BIEU4_HEAD - 1);
	CHECK_INT(count(x, "<w:tr><w:trPr><w:cantSplit/>"), count(x, "<w:tr>") - 3); /* 2 header rows, 1 footer row */
	CHECK_HAS(t, "<w:sz w:val=\"22\"/>");
	CHECK_LACKS(t, "<w:sz w:val=\"24\"/>");
	CHECK_HAS(t, "<w:b/><w:bCs/><w:sz w:val=\"22\"/><w:szCs w:val=\"22\"/></w:rPr>"
		  "<w:t xml:space=\"preserve\">Tổng cộng<");
	CHECK_HAS(t, "<w:jc w:val=\"right\"/></w:pPr><w:r><w:rPr><w:sz w:val=\"22\"/>"
		  "<w:szCs w:val=\"22\"/></w:rPr><w:t xml:space=\"preserve\">1.234<");
	free(t);
	CHECK(at(x, ">Kỳ báo cáo: từ ngày 15/6/2026 đến ngày 14/9/2026<") < bieu4);
	CHECK(at(x, ">Đơn vị tính: Số hồ sơ TTHC<") < bieu4);
	CHECK_HAS(x, "<w:jc w:val=\"right\"/></w:pPr><w:r><w:rPr><w:i/><w:iCs/><w:sz w:val=\"24\"/>"
		  "<w:szCs w:val=\"24\"/></w:rPr><w:t xml:space=\"preserve\">Đơn vị tính");
	/* a date column is centred */
	CHECK_HAS(x, "<w:jc w:val=\"center\"/></w:pPr><w:r><w:rPr><w:sz w:val=\"24\"/>"
		  "<w:szCs w:val=\"24\"/></w:rPr><w:t xml:space=\"preserve\">30/06/2026<");
}

/* The grid's widths: on a landscape page Biểu 4 is as wide as the text
 * (16838 less 2 x 1134) and no column is narrower than its longest word. */
static void test_docx_widths(const char *x)
{
	long bieu4 = at(x, ">Tiếp nhận<");
	const char *grid = NULL;
	for (const char *p = x; p && (p = strstr(p, "<w:tblGrid>")) && p - x < bieu4; p++)
		grid = p;
	int total = 0, n = 0, narrowest = 1 << 30;
	for (const char *p = grid; p && (p = strstr(p, "<w:gridCol w:w=\"")) && n < BIEU4_COLS; n++) {
		p += strlen("<w:gridCol w:w=\"");
		int w = atoi(p);
		total += w;
		narrowest = n >= 2 && w < narrowest ? w : narrowest;
	}
	CHECK_INT(n, BIEU4_COLS);
	CHECK_INT(total, 16838 - 2 * 1134);
	/* "100,00" at 11 pt: 5 digits of 110 twips, a comma, 1 mm each side */
	CHECK(narrowest >= 5 * 110 + 61 + 2 * 57);
}

/* Several addressees: "Kính gửi:" and a "- X;" line for each, the last
 * closed by a full stop; none: no line; no annex: one section. */
static void test_docx_addressees(void)
{
	struct doc d;
	doc_init(&d);
	doc_set_title(&d, "BÁO CÁO", "");
	doc_add_addressee(&d, "Sở Nội vụ;");
	doc_add_addressee(&d, "Văn phòng UBND tỉnh");
	doc_text(&d, DOC_BODY, DOC_JUSTIFY, 0, "Nội dung.");
	char *x = docx_document(&d);
	CHECK_HAS(x, "<w:ind w:left=\"1701\" w:right=\"0\" w:firstLine=\"0\"/><w:jc w:val=\"left\"/>"
		  "</w:pPr><w:r><w:t xml:space=\"preserve\">Kính gửi:<");
	CHECK_HAS(x, ">- Sở Nội vụ;<");
	CHECK_HAS(x, ">- Văn phòng UBND tỉnh.<");
	CHECK_HAS(x, "<w:pBdr>"); /* a type alone has its line too */
	CHECK_INT(count(x, "<w:sectPr>"), 1);
	free(x);
	doc_free(&d);
	doc_init(&d);
	x = docx_document(&d);
	CHECK_LACKS(x, "Kính gửi");
	CHECK_LACKS(x, "<w:pBdr><w:bottom w:val=\"single\" w:sz=\"6\" w:space=\"1\" w:color=\"auto\"/>"
		    "</w:pBdr><w:spacing w:before=\"0\" w:after=\"240\"");
	free(x);
	doc_free(&d);
}

static void test_docx(void)
{
	struct doc d;
	sample(&d);
	char *x = docx_document(&d);
	CHECK(x != NULL);
	test_docx_order(x);
	test_docx_table(x);
	test_docx_widths(x);
	free(x);
	doc_free(&d);
	test_docx_addressees();
}

/* ------------------------------------------------------ txt, md, html */

/* No control byte but the newline, no U+FFFD: the program's preview shows
 * the txt render as it is, and showed "\f" as "�" (issue 15). */
static void check_clean_text(const char *s)
{
	size_t n = s ? strlen(s) : 0;
	int bad = 0;
	for (size_t i = 0; i < n; i++)
		bad += ((unsigned char)s[i] < 0x20 && s[i] != '\n') || s[i] == 0x7f;
	CHECK_INT(bad, 0);
	CHECK_LACKS(s, "\xef\xbf\xbd");
	CHECK(s && utf8_valid(s, n, NULL));
}

static void test_txt(void)
{
	struct doc d;
	sample(&d);
	char *t = render(&d, DOC_TXT);
	check_clean_text(t);
	CHECK_HAS(t, "\n                      Kính gửi: Sở Nội vụ tỉnh Lạng Sơn.\n\n    Thực hiện");
	long signer = at(t, "Nguyễn Văn Hùng"), annex = at(t, "Phụ lục I\n");
	CHECK(signer > 0 && annex > signer);
	CHECK_HAS(t, "(Kèm theo Báo cáo số 05/BC-SCT ngày 25/9/2026 của Sở Công Thương)");
	CHECK_HAS(t, "Kỳ báo cáo: từ ngày 15/6/2026 đến ngày 14/9/2026");
	CHECK_HAS(t, "Đơn vị tính: Số hồ sơ TTHC\n");
	/* one header row: groups joined to their columns; the numbers row kept */
	CHECK_HAS(t, "| TT  | Lĩnh vực  | Tiếp  | Tiếp  | Tiếp  | Tiếp  |   Đã   |   Đã   |");
	CHECK_HAS(t, "|     |           |       | Trực  | Trực  |       |   số   |  hạn   |");
	CHECK_HAS(t, "| (1) |    (2)    |  (3)  |");
	CHECK_HAS(t, "|    Tổng cộng    | 3.493 |"); /* merged across two columns */
	/* dates and numbers whole */
	CHECK_HAS(t, "30/06/2026");
	CHECK_HAS(t, "| 1.234 |");
	free(t);
	doc_page_break(&d);
	t = render(&d, DOC_TXT);
	check_clean_text(t);
	free(t);
	doc_free(&d);
}

static void test_md(void)
{
	struct doc d;
	sample(&d);
	char *m = render(&d, DOC_MD);
	CHECK_HAS(m, "\nKính gửi: Sở Nội vụ tỉnh Lạng Sơn.\n");
	CHECK(at(m, "Nguyễn Văn Hùng") > 0 && at(m, "**Phụ lục I**") > at(m, "Nguyễn Văn Hùng"));
	CHECK_HAS(m, "*(Kèm theo Báo cáo số 05/BC-SCT ngày 25/9/2026 của Sở Công Thương)*");
	CHECK_HAS(m, "| TT | Lĩnh vực | Tiếp nhận: Tổng số | Tiếp nhận: Trong kỳ: Trực tuyến | "
		  "Tiếp nhận: Trong kỳ: Trực tiếp và dịch vụ bưu chính | Tiếp nhận: Từ kỳ trước | "
		  "Đã giải quyết: Tổng số | Đã giải quyết: Trước hạn |");
	CHECK_LACKS(m, "| (1) |"); /* the numbers row adds nothing in Markdown */
	CHECK_HAS(m, "| **Tổng cộng** |");
	CHECK_HAS(m, "*Kỳ báo cáo: từ ngày 15/6/2026 đến ngày 14/9/2026*");
	free(m);
	doc_free(&d);
}

static void test_html(void)
{
	struct doc d;
	sample(&d);
	char *h = render(&d, DOC_HTML);
	CHECK_HAS(h, "<p class=\"addressee center\">Kính gửi: Sở Nội vụ tỉnh Lạng Sơn.</p>");
	CHECK_HAS(h, "<th rowspan=\"3\">TT</th>");
	CHECK_HAS(h, "<th colspan=\"4\">Tiếp nhận</th>");
	CHECK_HAS(h, "<th colspan=\"2\">Trong kỳ</th>");
	CHECK_LACKS(h, "<th></th>");
	CHECK_HAS(h, "<table class=\"grid landscape\">");
	CHECK_HAS(h, "@page wide { size: A4 landscape");
	CHECK_HAS(h, "<div class=\"annex landscape\">\n<p class=\"heading-line\"><b>Phụ lục I</b></p>");
	CHECK_HAS(h, "<div class=\"annex\">\n<p class=\"heading-line\"><b>Phụ lục II</b></p>");
	CHECK_HAS(h, "<hr class=\"abstract\">");
	CHECK_HAS(h, "<tr class=\"total\"><td colspan=\"2\">Tổng cộng</td>");
	CHECK_HAS(h, "<td class=\"date\">30/06/2026</td>");
	CHECK_HAS(h, "<p class=\"unit\">Đơn vị tính: Số hồ sơ TTHC</p>");
	CHECK(at(h, "Nguyễn Văn Hùng") > 0 && at(h, ">Phụ lục I<") > at(h, "Nguyễn Văn Hùng"));
	free(h);
	doc_free(&d);
}

/* Writes the sample in every format into DOC_SAMPLE_DIR, when it is set. */
static void write_samples(void)
{
	static const struct {
		const char *name;
		enum doc_format fmt;
	} files[] = { { "layout.docx", DOC_DOCX }, { "layout.html", DOC_HTML },
		      { "layout.md", DOC_MD }, { "layout.txt", DOC_TXT },
		      { "layout.xlsx", DOC_XLSX }, { "csv/", DOC_CSV } };
	const char *dir = getenv("DOC_SAMPLE_DIR");
	if (!dir || !*dir)
		return;
	struct doc d;
	sample(&d);
	for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
		struct sbuf path = SBUF_INIT;
		struct cchc_err err;
		sbuf_addf(&path, "%s/%s", dir, files[i].name);
		int rc = doc_write(&d, files[i].fmt, path.s, NULL, FS_OVERWRITE, &err);
		CHECK_INT(rc, CCHC_OK);
		if (rc)
			fprintf(stderr, "%s: %s\n", path.s, err.msg);
		sbuf_free(&path);
	}
	doc_free(&d);
}

int main(void)
{
	test_docx();
	test_txt();
	test_md();
	test_html();
	write_samples();
	return check_report("test_doc_layout");
}
