/* The document model and its writers: docx (read back with libzip), md,
 * html, txt, dates in words, writing with an encoding. With DOC_SAMPLE_DIR
 * set, the sample is also written there in every format, for
 * tests/cli/doc_reader.sh to read with another program. */
#include <config.h>
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zip.h>
#include "check.h"
#include "export/doc.h"
#include "export/writers.h"
#include "text/encoding.h"
#include "text/utf8.h"
#include "util/fsutil.h"
#include "util/sbuf.h"

#define CHECK_LACKS(hay, needle) CHECK((hay) && !strstr((hay), (needle)))

static void sample(struct doc *d)
{
	doc_init(d);
	doc_set_header(d, "UBND TỈNH LẠNG SƠN", "SỞ CÔNG THƯƠNG", "12/BC-SCT", "Lạng Sơn",
		       (struct ymd){ 2026, 1, 5 });
	doc_set_title(d, "BÁO CÁO", "Kết quả cải cách hành chính quý I năm 2026");
	doc_text(d, DOC_PLAIN, DOC_LEFT, 0, "Kính gửi: Ủy ban nhân dân tỉnh Lạng Sơn.");
	doc_text(d, DOC_HEADING1, DOC_JUSTIFY, 0, "I. KẾT QUẢ THỰC HIỆN");
	struct doc_para *p = doc_para(d, DOC_BODY, DOC_JUSTIFY);
	doc_run(p, "Sở đã ban hành ", 0);
	doc_run(p, "12 văn bản", DOC_BOLD);
	doc_run(p, " về thủ tục hành chính & dịch vụ công; tỷ lệ hồ sơ trễ hạn <1%.\x07", 0);
	doc_text(d, DOC_HEADING2, DOC_JUSTIFY, 0, "1. Tiếp nhận hồ sơ");
	struct doc_table *t = doc_table(d, "Bảng 1. Số hồ sơ", 3, 1);
	doc_table_column(t, 0, 4, false);
	doc_table_column(t, 2, 0, true);
	doc_table_row(t, (const char *[]){ "STT", "Lĩnh vực", "Số hồ sơ" });
	doc_table_row(t, (const char *[]){ "1", "Thương mại | dịch vụ", "1.234" });
	doc_table_row(t, (const char *[]){ "2", "Công nghiệp", "56" });
	doc_page_break(d);
	doc_text(d, DOC_BODY, DOC_JUSTIFY, DOC_ITALIC,
		 "Trong quý, Sở tiếp tục rà soát, đơn giản hóa thủ tục hành chính, đẩy mạnh "
		 "cung cấp dịch vụ công trực tuyến toàn trình và thanh toán trực tuyến.");
	doc_add_recipient(d, "UBND tỉnh (b/c);");
	doc_add_recipient(d, "Lưu: VT, VP.");
	doc_set_signer(d, "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Nguyễn Văn Hùng");
}

static char *render(const struct doc *d, enum doc_format fmt, size_t *len)
{
	char *out = NULL;
	size_t n = 0;
	struct cchc_err err;
	CHECK_INT(doc_render(d, fmt, &out, &n, &err), CCHC_OK);
	if (len)
		*len = n;
	return out;
}

/* ------------------------------------------------------------------ docx */

static zip_t *open_zip(const char *buf, size_t len)
{
	zip_error_t ze;
	zip_error_init(&ze);
	zip_source_t *src = zip_source_buffer_create(buf, len, 0, &ze);
	zip_t *za = src ? zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &ze) : NULL;
	if (!za) {
		fprintf(stderr, "zip: %s\n", zip_error_strerror(&ze));
		zip_source_free(src);
	}
	zip_error_fini(&ze);
	return za;
}

static char *read_entry(zip_t *za, const char *name)
{
	zip_stat_t st;
	if (zip_stat(za, name, 0, &st) < 0)
		return NULL;
	zip_file_t *f = zip_fopen(za, name, 0);
	char *s = xmalloc((size_t)st.size + 1);
	zip_int64_t n = f ? zip_fread(f, s, st.size) : -1;
	if (f)
		zip_fclose(f);
	if (n != (zip_int64_t)st.size) {
		free(s);
		return NULL;
	}
	s[n] = '\0';
	return s;
}

static void test_docx_entries(zip_t *za)
{
	static const char *const names[] = {
		"[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "docProps/app.xml",
		"word/document.xml", "word/styles.xml", "word/settings.xml",
		"word/_rels/document.xml.rels",
	};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		CHECK(zip_name_locate(za, names[i], 0) >= 0);
	CHECK_STR(zip_get_name(za, 0, 0), "[Content_Types].xml");
	char *core = read_entry(za, "docProps/core.xml");
	CHECK_HAS(core, "<dc:title>BÁO CÁO Kết quả cải cách hành chính quý I năm 2026</dc:title>");
	CHECK_HAS(core, "<dc:creator>cchc</dc:creator>");
	free(core);
	char *styles = read_entry(za, "word/styles.xml");
	CHECK_HAS(styles, "w:ascii=\"Times New Roman\"");
	CHECK_HAS(styles, "<w:sz w:val=\"28\"/>");
	CHECK_HAS(styles, "<w:lang w:val=\"vi-VN\"");
	free(styles);
}

static void test_docx_document(const char *x)
{
	CHECK_HAS(x, ">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<");
	CHECK_HAS(x, "<w:u w:val=\"single\"/></w:rPr>" "<w:t xml:space=\"preserve\">"
		  "Độc lập - Tự do - Hạnh phúc<");
	CHECK_HAS(x, "<w:i/><w:iCs/><w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/></w:rPr>"
		  "<w:t xml:space=\"preserve\">Lạng Sơn, ngày 05 tháng 01 năm 2026</w:t>");
	CHECK_HAS(x, ">UBND TỈNH LẠNG SƠN<");
	CHECK_HAS(x, "<w:b/><w:bCs/><w:sz w:val=\"26\"/><w:szCs w:val=\"26\"/></w:rPr>"
		  "<w:t xml:space=\"preserve\">SỞ CÔNG THƯƠNG<");
	CHECK_HAS(x, ">Số: 12/BC-SCT<");
	CHECK_HAS(x, "<w:pgSz w:w=\"11906\" w:h=\"16838\"/>");
	CHECK_HAS(x, "<w:pgMar w:top=\"1134\" w:right=\"851\" w:bottom=\"1134\" w:left=\"1701\"");
	CHECK_HAS(x, "<w:tblBorders><w:top w:val=\"single\"");
	CHECK_HAS(x, "<w:tblHeader/>");
	CHECK_HAS(x, "<w:gridCol w:w=");
	CHECK_HAS(x, "<w:pStyle w:val=\"Heading1\"/>");
	CHECK_HAS(x, "<w:ind w:left=\"0\" w:right=\"0\" w:firstLine=\"720\"/><w:jc w:val=\"both\"/>");
	CHECK_HAS(x, "<w:b/><w:bCs/></w:rPr><w:t xml:space=\"preserve\">12 văn bản</w:t>");
	CHECK_HAS(x, "hành chính &amp; dịch vụ công; tỷ lệ hồ sơ trễ hạn &lt;1%.</w:t>");
	CHECK_HAS(x, "<w:jc w:val=\"right\"/></w:pPr><w:r><w:rPr><w:sz w:val=\"24\"/>"
		  "<w:szCs w:val=\"24\"/></w:rPr><w:t xml:space=\"preserve\">1.234</w:t>");
	CHECK_HAS(x, "<w:br w:type=\"page\"/>");
	CHECK_HAS(x, "<w:b/><w:bCs/><w:i/><w:iCs/><w:sz w:val=\"24\"/><w:szCs w:val=\"24\"/>"
		  "</w:rPr><w:t xml:space=\"preserve\">Nơi nhận:</w:t>");
	CHECK_HAS(x, "<w:sz w:val=\"22\"/><w:szCs w:val=\"22\"/></w:rPr>"
		  "<w:t xml:space=\"preserve\">- Lưu: VT, VP.</w:t>");
	CHECK_HAS(x, ">KT. GIÁM ĐỐC<");
	CHECK_HAS(x, "<w:b/><w:bCs/></w:rPr><w:t xml:space=\"preserve\">Nguyễn Văn Hùng</w:t>");
	CHECK_LACKS(x, "\x07");
	CHECK_LACKS(x, "<w:tc><w:tcPr><w:tcW w:w=\"0\""); /* no cell without a width */
	/* every cell holds a paragraph; the body ends with one */
	for (const char *p = x; (p = strstr(p, "</w:tcPr>")); p++)
		CHECK(strncmp(p + 9, "<w:p", 4) == 0);
	CHECK_HAS(x, "</w:p><w:sectPr>");
}

static void test_docx(void)
{
	struct doc d;
	size_t len;
	sample(&d);
	char *buf = render(&d, DOC_DOCX, &len);
	CHECK(buf && len > 4 && memcmp(buf, "PK\x03\x04", 4) == 0);
	zip_t *za = buf ? open_zip(buf, len) : NULL;
	CHECK(za != NULL);
	if (za) {
		test_docx_entries(za);
		char *x = read_entry(za, "word/document.xml");
		CHECK(x != NULL);
		if (x)
			test_docx_document(x);
		free(x);
		zip_discard(za);
	}
	free(buf);
	doc_free(&d);
}

/* A table far bigger than the docx writer's spill size (256 KB of XML
 * is deflated on a second thread at a time, the archive taking the part as
 * deflated): every row there, in order, whole, between tables and
 * paragraphs that are also whole; the directory's size, method and CRC
 * those of the bytes (libzip checks the CRC as it reads the entry). */
static void test_docx_big(void)
{
	struct doc d;
	size_t len;
	doc_init(&d);
	doc_text(&d, DOC_BODY, DOC_JUSTIFY, 0, "Trước bảng.");
	struct doc_table *t = doc_table(&d, "Biểu lớn", 4, 1);
	doc_table_row(t, (const char *const[]){ "TT", "Nhiệm vụ", "Đơn vị", "Hạn" });
	enum { ROWS = 6000 };
	for (int i = 1; i <= ROWS; i++) {
		char n[16], title[96];
		snprintf(n, sizeof n, "%d", i);
		snprintf(title, sizeof title, "Nhiệm vụ cải cách hành chính số %d của năm", i);
		doc_table_row(t, (const char *const[]){ n, title, "Văn phòng Sở", "31/12/2026" });
	}
	doc_text(&d, DOC_BODY, DOC_JUSTIFY, 0, "Sau bảng.");
	char *buf = render(&d, DOC_DOCX, &len);
	zip_t *za = buf ? open_zip(buf, len) : NULL;
	char *x = za ? read_entry(za, "word/document.xml") : NULL;
	CHECK(x && strlen(x) > 4 * 256 * 1024);
	zip_stat_t st;
	CHECK(za && zip_stat(za, "word/document.xml", 0, &st) == 0);
	CHECK(za && x && st.size == strlen(x) && st.comp_method == ZIP_CM_DEFLATE &&
	      st.comp_size < st.size / 4);
	int rows = 0, order = 1;
	const char *p = x;
	for (int i = 1; p && i <= ROWS; i++) {
		char want[96];
		snprintf(want, sizeof want, ">Nhiệm vụ cải cách hành chính số %d của năm<", i);
		const char *q = strstr(p, want);
		order &= q != NULL;
		p = q;
	}
	int opened = 0, closed = 0;
	for (const char *q = x; q && (q = strstr(q, ">Văn phòng Sở<")); q++)
		rows++;
	for (const char *q = x; q && (q = strstr(q, "<w:tr>")); q++)
		opened++;
	for (const char *q = x; q && (q = strstr(q, "</w:tr>")); q++)
		closed++;
	CHECK_INT(rows, ROWS);
	CHECK(opened > ROWS && opened == closed);
	CHECK(order);
	CHECK_HAS(x, ">Trước bảng.<");
	CHECK_HAS(x, ">Sau bảng.<");
	CHECK(x && strncmp(x, "<?xml", 5) == 0);
	CHECK(x && strlen(x) > 20 && strcmp(x + strlen(x) - 13, "</w:document>") == 0);
	free(x);
	if (za)
		zip_discard(za);
	free(buf);
	doc_free(&d);
}

/* A document with nothing but what doc_init gives still opens. */
static void test_docx_empty(void)
{
	struct doc d;
	size_t len;
	doc_init(&d);
	doc_table(&d, "", 2, 0); /* a table without rows is left out */
	char *buf = render(&d, DOC_DOCX, &len);
	zip_t *za = buf ? open_zip(buf, len) : NULL;
	char *x = za ? read_entry(za, "word/document.xml") : NULL;
	CHECK_HAS(x, ">Ngày     tháng     năm<"); /* no place: the date opens the line */
	CHECK_LACKS(x, "<w:tblHeader/>");
	CHECK_LACKS(x, "Nơi nhận");
	free(x);
	if (za)
		zip_discard(za);
	free(buf);
	doc_free(&d);
}

/* ------------------------------------------------------------ md, html */

static void test_md(void)
{
	struct doc d;
	sample(&d);
	char *md = render(&d, DOC_MD, NULL);
	CHECK_HAS(md, "UBND TỈNH LẠNG SƠN\\\n**SỞ CÔNG THƯƠNG**\\\nSố: 12/BC-SCT\n\n");
	CHECK_HAS(md, "**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**\\\n**Độc lập - Tự do - Hạnh phúc**\n");
	CHECK_HAS(md, "*Lạng Sơn, ngày 05 tháng 01 năm 2026*\n");
	CHECK_HAS(md, "\n# BÁO CÁO\n\n**Kết quả cải cách hành chính quý I năm 2026**\n");
	CHECK_HAS(md, "\n## I. KẾT QUẢ THỰC HIỆN\n");
	CHECK_HAS(md, "\n### 1. Tiếp nhận hồ sơ\n");
	CHECK_HAS(md, "Sở đã ban hành **12 văn bản** về thủ tục hành chính \\& dịch vụ công; "
		  "tỷ lệ hồ sơ trễ hạn \\<1%.\n");
	CHECK_HAS(md, "**Bảng 1. Số hồ sơ**\n\n| STT | Lĩnh vực | Số hồ sơ |\n| --- | --- | ---: |\n");
	CHECK_HAS(md, "| 1 | Thương mại \\| dịch vụ | 1.234 |\n");
	CHECK_HAS(md, "\n---\n");
	CHECK_HAS(md, "*Trong quý,");
	CHECK_HAS(md, "***Nơi nhận:***\n\n- UBND tỉnh (b/c);\n- Lưu: VT, VP.\n");
	CHECK_HAS(md, "**KT. GIÁM ĐỐC**\\\n**PHÓ GIÁM ĐỐC**\n\n**Nguyễn Văn Hùng**\n");
	CHECK_LACKS(md, "\x07");
	free(md);
	doc_free(&d);

	/* what would turn into Markdown stays text */
	doc_init(&d);
	doc_text(&d, DOC_BODY, DOC_JUSTIFY, 0, "1. *không* in đậm\n- không phải danh sách");
	md = render(&d, DOC_MD, NULL);
	CHECK_HAS(md, "1\\. \\*không\\* in đậm\\\n\\- không phải danh sách");
	free(md);
	doc_free(&d);
}

static void test_html(void)
{
	struct doc d;
	sample(&d);
	char *h = render(&d, DOC_HTML, NULL);
	CHECK(h && strncmp(h, "<!DOCTYPE html>\n<html lang=\"vi\">\n", 33) == 0);
	CHECK_HAS(h, "<meta charset=\"utf-8\">");
	CHECK_HAS(h, "@page { size: A4; margin: 20mm 15mm 20mm 30mm }");
	CHECK_HAS(h, "\"Times New Roman\"");
	CHECK_HAS(h, "text-indent: 1.27cm");
	CHECK_HAS(h, "<p class=\"national\">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p>");
	CHECK_HAS(h, "<p class=\"date\">Lạng Sơn, ngày 05 tháng 01 năm 2026</p>");
	CHECK_HAS(h, "<p class=\"body\">Sở đã ban hành <b>12 văn bản</b> về thủ tục hành chính "
		  "&amp; dịch vụ công; tỷ lệ hồ sơ trễ hạn &lt;1%.</p>");
	CHECK_HAS(h, "<h2 class=\"heading\">I. KẾT QUẢ THỰC HIỆN</h2>");
	CHECK_HAS(h, "<thead>\n<tr><th>STT</th>\n");
	CHECK_HAS(h, "<td class=\"num\">1.234</td>");
	CHECK_HAS(h, "<div class=\"pagebreak\"></div>");
	CHECK_HAS(h, "<p class=\"label\">Nơi nhận:</p>");
	CHECK_HAS(h, "<p>Nguyễn Văn Hùng</p>");
	CHECK_LACKS(h, "\x07");
	free(h);
	doc_free(&d);
}

/* ------------------------------------------------------------------- txt */

/* The line of s that contains needle, as a malloc'd string. */
static char *line_with(const char *s, const char *needle)
{
	const char *p = s ? strstr(s, needle) : NULL;
	if (!p)
		return xstrdup("");
	while (p > s && p[-1] != '\n')
		p--;
	return xstrndup(p, strcspn(p, "\n"));
}

static void check_txt_widths(const char *t)
{
	int widest = 0;
	for (const char *p = t; *p;) {
		size_t n = strcspn(p, "\n");
		char *line = xstrndup(p, n);
		int w = text_width(line);
		widest = w > widest ? w : widest;
		CHECK(n == 0 || line[n - 1] != ' ');
		free(line);
		p += n + (p[n] != '\0');
	}
	CHECK(widest <= 78);
	CHECK(widest >= 70); /* the long paragraph fills the lines */
}

static void test_txt(void)
{
	struct doc d;
	sample(&d);
	char *t = render(&d, DOC_TXT, NULL);
	check_txt_widths(t ? t : "");
	char *l = line_with(t, "SỞ CÔNG THƯƠNG");
	CHECK_STR(l, "           SỞ CÔNG THƯƠNG                  Độc lập - Tự do - Hạnh phúc");
	free(l);
	l = line_with(t, "Số: 12/BC-SCT");
	CHECK_STR(l, "           Số: 12/BC-SCT               Lạng Sơn, ngày 05 tháng 01 năm 2026");
	free(l);
	CHECK_HAS(t, "\n                                   BÁO CÁO\n");
	CHECK_HAS(t, "\nKính gửi: Ủy ban nhân dân tỉnh Lạng Sơn.\n");
	CHECK_HAS(t, "\n    Sở đã ban hành 12 văn bản về thủ tục hành chính & dịch vụ công; tỷ lệ hồ\n"
		  "sơ trễ hạn <1%.\n");
	CHECK_HAS(t, "\n           Bảng 1. Số hồ sơ\n+------+----------------------+-------+\n"
		  "| STT  |       Lĩnh vực       | Số hồ |\n"
		  "|      |                      |  sơ   |\n"
		  "+------+----------------------+-------+\n"
		  "| 1    | Thương mại | dịch vụ | 1.234 |\n");
	CHECK_HAS(t, "| 2    | Công nghiệp          |    56 |\n");
	CHECK_LACKS(t, "\f"); /* a page break is a blank line: the preview showed "\f" as U+FFFD */
	CHECK_HAS(t, "-+\n\n\n    Trong quý,");
	CHECK_HAS(t, "\nNơi nhận:                                          KT. GIÁM ĐỐC\n"
		  "- UBND tỉnh (b/c);                                 PHÓ GIÁM ĐỐC\n");
	CHECK_HAS(t, "\n- Lưu: VT, VP.\n");
	l = line_with(t, "Nguyễn Văn Hùng");
	CHECK_STR(l, "                                                 Nguyễn Văn Hùng");
	free(l);
	CHECK_LACKS(t, "\x07");
	free(t);
	doc_free(&d);
}

/* A table wider than the page is scaled into it, words cut if need be. */
static void test_txt_wide_table(void)
{
	struct doc d;
	doc_init(&d);
	struct doc_table *t = doc_table(&d, "", 6, 0);
	const char *row[] = { "Một ô có rất nhiều chữ để phải xuống dòng nhiều lần",
			      "Nguyễnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn", "3", "4", "5", "6" };
	doc_table_row(t, row);
	char *s = render(&d, DOC_TXT, NULL);
	int widest = 0;
	for (const char *p = s; p && *p;) {
		size_t n = strcspn(p, "\n");
		char *line = xstrndup(p, n);
		widest = text_width(line) > widest ? text_width(line) : widest;
		free(line);
		p += n + (p[n] != '\0');
	}
	CHECK_INT(widest, 78);
	free(s);
	doc_free(&d);
}

/* Odd but possible input: empty runs and paragraphs, tables without
 * header, without rows, with more header rows than rows, back to back. */
static void edge_doc(struct doc *d)
{
	doc_init(d);
	doc_run(doc_para(d, DOC_BODY, DOC_JUSTIFY), "", DOC_BOLD);
	doc_para(d, DOC_PLAIN, DOC_CENTER); /* no runs at all */
	doc_text(d, DOC_BODY, DOC_RIGHT, 0, "        thụt vào\n\nhai dòng");
	struct doc_table *t = doc_table(d, "", 2, 0);
	doc_table_row(t, (const char *[]){ "a", "b\nc" });
	t = doc_table(d, "", 2, 5);
	doc_table_row(t, (const char *[]){ "x", "y" });
	doc_table(d, "Không có dòng", 3, 1);
	doc_page_break(d);
	doc_add_recipient(d, "Như trên;");
}

static void test_edge_cases(void)
{
	struct doc d;
	edge_doc(&d);
	for (enum doc_format f = DOC_DOCX; f <= DOC_TXT; f++) {
		size_t len = 0;
		char *out = render(&d, f, &len);
		CHECK(out && len > 0);
		if (f == DOC_MD) {
			CHECK_HAS(out, "\n\nthụt vào\\\n\\\nhai dòng\n");
			CHECK_HAS(out, "\n|  |  |\n| --- | --- |\n| a | b<br>c |\n");
			CHECK_HAS(out, "\n| x | y |\n| --- | --- |\n\n**Không có dòng**\n");
			CHECK_HAS(out, "\n---\n\n***Nơi nhận:***\n\n- Như trên;\n");
		}
		if (f == DOC_HTML)
			CHECK_HAS(out, "<thead>\n<tr><th>x</th>\n<th>y</th>\n</tr>\n</thead>\n</table>");
		free(out);
	}
	doc_free(&d);
}

/* --------------------------------------------------- model and helpers */

static void test_model(void)
{
	struct doc d;
	doc_init(&d);
	doc_text(&d, DOC_BODY, DOC_JUSTIFY, 0, "Nguye\xcc\x82\xcc\x83n\tA\r\nB\x01\x1b[0m\xff");
	CHECK_STR(d.blocks[0].para.runs[0].text, "Nguyễn A\nB[0m\xef\xbf\xbd");
	doc_set_header(&d, NULL, "SỞ NỘI VỤ", NULL, NULL, (struct ymd){ 0, 0, 0 });
	CHECK_STR(d.parent_body, "");
	CHECK_STR(d.issuing_body, "SỞ NỘI VỤ");
	for (int i = 0; i < 100; i++)
		doc_add_recipient(&d, "Như trên;");
	CHECK_INT(d.nrecipients, 100);
	struct doc_table *t = doc_table(&d, NULL, 2, 1);
	for (int i = 0; i < 40; i++)
		doc_table_row(t, (const char *[]){ "a", NULL });
	CHECK_INT(d.blocks[1].table.nrows, 40);
	CHECK_STR(d.blocks[1].table.cells[79], "");
	doc_free(&d);

	int out[3];
	doc_scale_widths((const int[]){ 1, 1, 2 }, 3, 8, out);
	CHECK(out[0] == 2 && out[1] == 2 && out[2] == 4);
	doc_scale_widths((const int[]){ 1, 1, 1 }, 3, 10, out);
	CHECK_INT(out[0] + out[1] + out[2], 10);
	doc_scale_widths((const int[]){ 100, 1, 1 }, 3, 9354, out);
	CHECK(out[0] + out[1] + out[2] == 9354 && out[1] >= 1 && out[2] >= 1);

	enum doc_format f;
	CHECK(doc_format_parse("docx", &f) && f == DOC_DOCX);
	CHECK(doc_format_parse("MD", &f) && f == DOC_MD);
	CHECK(doc_format_parse("html", &f) && f == DOC_HTML);
	CHECK(doc_format_parse("txt", &f) && f == DOC_TXT);
	CHECK(!doc_format_parse("pdf", &f));
	CHECK(!doc_format_parse("", &f));
}

static void test_date_words(void)
{
	char s[48];
	doc_date_words((struct ymd){ 2026, 1, 5 }, s);
	CHECK_STR(s, "ngày 05 tháng 01 năm 2026");
	doc_date_words((struct ymd){ 2026, 2, 9 }, s);
	CHECK_STR(s, "ngày 09 tháng 02 năm 2026");
	doc_date_words((struct ymd){ 2026, 3, 15 }, s);
	CHECK_STR(s, "ngày 15 tháng 3 năm 2026");
	doc_date_words((struct ymd){ 2026, 11, 20 }, s);
	CHECK_STR(s, "ngày 20 tháng 11 năm 2026");
	doc_date_words((struct ymd){ 0, 0, 0 }, s);
	CHECK_STR(s, "ngày     tháng     năm");
}

/* ----------------------------------------------------------- doc_write */

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

static void test_write_tcvn3(const char *dir)
{
	struct doc d;
	struct cchc_err err;
	char *path = path_in(dir, "bao-cao.txt"), *raw = NULL, *back = NULL;
	size_t rawlen = 0, backlen = 0, u8len = 0;
	sample(&d);
	CHECK_INT(doc_write(&d, DOC_TXT, path, "tcvn3", FS_OVERWRITE, &err), CCHC_OK);
	CHECK_INT(fs_read_file(path, 1 << 20, &raw, &rawlen, &err), CCHC_OK);
	char *u8 = render(&d, DOC_TXT, &u8len);
	CHECK(raw && rawlen < u8len); /* one byte a letter */
	CHECK_INT(text_iconv(raw, rawlen, "tcvn3", &back, &backlen, &err), CCHC_OK);
	CHECK(back && u8 && backlen == u8len && memcmp(back, u8, u8len) == 0);
	free(raw);
	free(back);
	free(u8);
	unlink(path);
	free(path);
	doc_free(&d);
}

static void test_write_errors(const char *dir)
{
	struct doc d;
	struct cchc_err err;
	char *path = path_in(dir, "euro.txt"), *missing = path_in(dir, "khong-co/x.txt");
	sample(&d);
	doc_text(&d, DOC_BODY, DOC_JUSTIFY, 0, "Giá 5 € một bản 😀");
	err_clear(&err);
	CHECK(doc_write(&d, DOC_TXT, path, "tcvn3", FS_OVERWRITE, &err) != CCHC_OK);
	CHECK_HAS(err.msg, "\"€\" (U+20AC)");
	CHECK(access(path, F_OK) != 0);
	CHECK_INT(count_files(dir), 0); /* not even a temporary file */
	CHECK_INT(doc_write(&d, DOC_MD, path, "utf16le", FS_OVERWRITE, &err), CCHC_OK); /* UTF-16 holds it */
	unlink(path);
	err_clear(&err);
	CHECK(doc_write(&d, DOC_DOCX, missing, NULL, FS_OVERWRITE, &err) != CCHC_OK);
	CHECK_HAS(err.msg, "khong-co");
	CHECK(access(missing, F_OK) != 0);
	CHECK(doc_write(&d, DOC_HTML, path, "cp1258", FS_OVERWRITE, &err) != CCHC_OK);
	CHECK_HAS(err.msg, "UTF-8");
	CHECK(doc_write(&d, DOC_TXT, path, "khong-co-bang-ma", FS_OVERWRITE, &err) != CCHC_OK);
	CHECK_HAS(err.msg, "khong-co-bang-ma");
	CHECK_INT(count_files(dir), 0);
	free(path);
	free(missing);
	doc_free(&d);
}

static void test_write_utf8(const char *dir)
{
	struct doc d;
	struct cchc_err err;
	char *path = path_in(dir, "bao-cao.docx"), *got = NULL;
	size_t gotlen = 0, len = 0;
	sample(&d);
	CHECK_INT(doc_write(&d, DOC_DOCX, path, "utf-8", FS_OVERWRITE, &err), CCHC_OK);
	CHECK_INT(fs_read_file(path, 1 << 20, &got, &gotlen, &err), CCHC_OK);
	CHECK(got && gotlen > 1000 && memcmp(got, "PK", 2) == 0);
	free(got);
	unlink(path);
	free(path);
	path = path_in(dir, "bao-cao.md");
	char *md = render(&d, DOC_MD, &len);
	CHECK_INT(doc_write(&d, DOC_MD, path, NULL, FS_OVERWRITE, &err), CCHC_OK);
	CHECK_INT(fs_read_file(path, 1 << 20, &got, &gotlen, &err), CCHC_OK);
	CHECK(got && md && gotlen == len && memcmp(got, md, len) == 0);
	free(got);
	free(md);
	unlink(path);
	free(path);
	doc_free(&d);
}

static void test_write(void)
{
	const char *tmp = getenv("TMPDIR");
	char *dir = path_in(tmp && *tmp ? tmp : "/tmp", "cchc-doc.XXXXXX");
	if (!mkdtemp(dir)) {
		CHECK(!"mkdtemp");
		free(dir);
		return;
	}
	test_write_tcvn3(dir);
	test_write_errors(dir);
	test_write_utf8(dir);
	CHECK_INT(rmdir(dir), 0);
	free(dir);
}

/* Writes the sample in every format into DOC_SAMPLE_DIR, when it is set,
 * and the odd document as edge.docx. */
static void write_samples(void)
{
	static const char *const names[] = { "sample.docx", "sample.md", "sample.html", "sample.txt" };
	static const enum doc_format fmts[] = { DOC_DOCX, DOC_MD, DOC_HTML, DOC_TXT };
	const char *dir = getenv("DOC_SAMPLE_DIR");
	if (!dir || !*dir)
		return;
	struct doc d;
	struct cchc_err err;
	sample(&d);
	for (int i = 0; i < 4; i++) {
		char *path = path_in(dir, names[i]);
		int rc = doc_write(&d, fmts[i], path, NULL, FS_OVERWRITE, &err);
		CHECK_INT(rc, CCHC_OK);
		if (rc)
			fprintf(stderr, "%s\n", err.msg);
		free(path);
	}
	doc_free(&d);
	edge_doc(&d);
	char *path = path_in(dir, "edge.docx");
	CHECK_INT(doc_write(&d, DOC_DOCX, path, NULL, FS_OVERWRITE, &err), CCHC_OK);
	free(path);
	doc_free(&d);
}

int main(void)
{
	test_model();
	test_date_words();
	test_docx();
	test_docx_big();
	test_docx_empty();
	test_md();
	test_html();
	test_txt();
	test_txt_wide_table();
	test_edge_cases();
	test_write();
	write_samples();
	return check_report("test_doc");
}
