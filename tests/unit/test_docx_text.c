/* docx_xml_to_text on small pieces of WordprocessingML: each check pins one
 * rule (numbering formats and restarts, style-linked lists, what text is
 * left out, the two kinds of table) on the text the plan parser will read. */
#include <config.h>
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "import/docx_text.h"
#include "import/plan_file.h"
#include "util/sbuf.h"

#define W "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""
#define DOC(body) "<w:document " W "><w:body>" body "</w:body></w:document>"
#define NUMBERING(x) "<w:numbering " W ">" x "</w:numbering>"
#define STYLES(x) "<w:styles " W ">" x "</w:styles>"
#define P(text) "<w:p><w:r><w:t>" text "</w:t></w:r></w:p>"
#define NP(num, lvl, text) "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"" #lvl "\"/><w:numId w:val=\"" \
	#num "\"/></w:numPr></w:pPr><w:r><w:t>" text "</w:t></w:r></w:p>"
#define LVL(i, fmt, txt) "<w:lvl w:ilvl=\"" #i "\"><w:start w:val=\"1\"/><w:numFmt w:val=\"" fmt \
	"\"/><w:lvlText w:val=\"" txt "\"/></w:lvl>"

/* The outline of a plan: I. / 1. / 1.1. / a) / "-" bullets at level 4 */
static const char outline[] = NUMBERING(
	"<w:abstractNum w:abstractNumId=\"7\">"
	LVL(0, "upperRoman", "%1.") LVL(1, "decimal", "%2.") LVL(2, "decimal", "%2.%3.")
	LVL(3, "lowerLetter", "%4)") LVL(4, "bullet", "\xef\x82\xb7")
	"</w:abstractNum>"
	"<w:abstractNum w:abstractNumId=\"8\">" LVL(0, "bullet", "+") "</w:abstractNum>"
	"<w:num w:numId=\"1\"><w:abstractNumId w:val=\"7\"/></w:num>"
	"<w:num w:numId=\"2\"><w:abstractNumId w:val=\"7\"/>"
	"<w:lvlOverride w:ilvl=\"1\"><w:startOverride w:val=\"5\"/></w:lvlOverride></w:num>"
	"<w:num w:numId=\"3\"><w:abstractNumId w:val=\"8\"/></w:num>");

static char *conv(const char *doc, const char *numbering, const char *styles)
{
	struct docx_parts p = { doc, strlen(doc), numbering, numbering ? strlen(numbering) : 0,
				styles, styles ? strlen(styles) : 0 };
	struct cchc_err err = { 0 };
	char *out = NULL;
	if (docx_xml_to_text(&p, &out, &err) != CCHC_OK) {
		fprintf(stderr, "conversion failed: %s\n", err.msg);
		return xstrdup("(failed)");
	}
	return out;
}

static void check_conv(const char *doc, const char *numbering, const char *styles,
		       const char *want, int line)
{
	char *got = conv(doc, numbering, styles);
	check_count++;
	if (strcmp(got, want) != 0) {
		check_failures++;
		fprintf(stderr, "line %d:\n  got:  \"%s\"\n  want: \"%s\"\n", line, got, want);
	}
	free(got);
}

#define CONV(doc, num, sty, want) check_conv(doc, num, sty, want, __LINE__)

static void test_paragraphs(void)
{
	/* a paragraph a line, a blank line between, empty paragraphs dropped */
	CONV(DOC(P("KẾ HOẠCH") "<w:p/>" "<w:p><w:r><w:t xml:space=\"preserve\"> </w:t></w:r></w:p>"
		 P("Cải cách hành chính năm 2026")),
	     NULL, NULL, "KẾ HOẠCH\n\nCải cách hành chính năm 2026\n");
	/* runs join; a soft break is a new line, a tab a TAB */
	CONV(DOC("<w:p><w:r><w:t xml:space=\"preserve\">Thời gian: </w:t></w:r><w:r><w:t>Quý IV"
		 "</w:t><w:br/><w:t>Kinh phí:</w:t><w:tab/><w:t>ngân sách</w:t></w:r></w:p>"),
	     NULL, NULL, "Thời gian: Quý IV\nKinh phí:\tngân sách\n");
	/* deletions, field instructions, hidden text and the duplicate Fallback
	 * of markup compatibility are not text; insertions and field results are */
	CONV(DOC("<w:p><w:r><w:t>Giao </w:t></w:r>"
		 "<w:del w:id=\"1\"><w:r><w:delText>Phòng A</w:delText></w:r></w:del>"
		 "<w:ins w:id=\"2\"><w:r><w:t>Văn phòng</w:t></w:r></w:ins>"
		 "<w:r><w:instrText> PAGE </w:instrText></w:r>"
		 "<w:r><w:rPr><w:vanish/></w:rPr><w:t>ẩn</w:t></w:r>"
		 "<w:fldSimple w:instr=\" REF x \"><w:r><w:t> chủ trì</w:t></w:r></w:fldSimple>"
		 "</w:p>"),
	     NULL, NULL, "Giao Văn phòng chủ trì\n");
	/* the prefix is the producer's choice: the namespace is what counts */
	CONV("<x:document xmlns:x=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
	     "<x:body><x:p><x:r><x:t>Nơi nhận:</x:t></x:r></x:p></x:body></x:document>",
	     NULL, NULL, "Nơi nhận:\n");
	/* the pPr's tab stops are not tabs in the text */
	CONV(DOC("<w:p><w:pPr><w:tabs><w:tab w:val=\"left\" w:pos=\"720\"/></w:tabs></w:pPr>"
		 "<w:r><w:t>a</w:t></w:r></w:p>"), NULL, NULL, "a\n");
}

static void test_numbering(void)
{
	CONV(DOC(NP(1, 0, "MỤC ĐÍCH") NP(1, 1, "Mục đích") P("Văn bản.") NP(1, 1, "Yêu cầu")
		 NP(1, 0, "NHIỆM VỤ") NP(1, 1, "Thể chế") NP(1, 2, "Rà soát") NP(1, 3, "Một")
		 NP(1, 3, "Hai") NP(1, 2, "Kiểm tra") NP(1, 3, "Ba") NP(1, 4, "Gạch")
		 NP(3, 0, "Cộng")),
	     outline, NULL,
	     "I. MỤC ĐÍCH\n\n1. Mục đích\n\nVăn bản.\n\n2. Yêu cầu\n\nII. NHIỆM VỤ\n\n"
	     "1. Thể chế\n\n1.1. Rà soát\n\na) Một\n\nb) Hai\n\n1.2. Kiểm tra\n\na) Ba\n\n"
	     "- Gạch\n\n+ Cộng\n");
	/* two lists on one abstract numbering continue each other; a
	 * startOverride restarts the level the first time its list is used */
	CONV(DOC(NP(1, 0, "A") NP(1, 1, "x") NP(2, 1, "y") NP(2, 1, "z") NP(1, 0, "B")),
	     outline, NULL, "I. A\n\n1. x\n\n5. y\n\n6. z\n\nII. B\n");
	/* an empty numbered paragraph still takes its number */
	CONV(DOC(NP(1, 1, "một") "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"1\"/><w:numId w:val=\"1\"/>"
		 "</w:numPr></w:pPr></w:p>" NP(1, 1, "ba")),
	     outline, NULL, "1. một\n\n3. ba\n");
	/* numId 0 switches a style's numbering off; an unknown list is no label */
	CONV(DOC(NP(0, 0, "không số") NP(99, 0, "không rõ")), outline, NULL,
	     "không số\n\nkhông rõ\n");
	/* start values, zero-padded and upper-case letter formats, isLgl,
	 * lvlRestart 0 (never restart), roman numbers past ten */
	static const char more[] = NUMBERING(
		"<w:abstractNum w:abstractNumId=\"1\">"
		"<w:lvl w:ilvl=\"0\"><w:start w:val=\"9\"/><w:numFmt w:val=\"upperRoman\"/>"
		"<w:lvlText w:val=\"Phần %1\"/></w:lvl>"
		"<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"upperLetter\"/>"
		"<w:lvlRestart w:val=\"0\"/><w:lvlText w:val=\"%2.\"/></w:lvl>"
		"<w:lvl w:ilvl=\"2\"><w:start w:val=\"1\"/><w:isLgl/><w:numFmt w:val=\"decimalZero\"/>"
		"<w:lvlText w:val=\"%1.%3\"/></w:lvl>"
		"</w:abstractNum><w:num w:numId=\"4\"><w:abstractNumId w:val=\"1\"/></w:num>");
	CONV(DOC(NP(4, 0, "a") NP(4, 1, "b") NP(4, 0, "c") NP(4, 1, "d") NP(4, 2, "e")
		 NP(4, 0, "f") NP(4, 0, "g") NP(4, 0, "h") NP(4, 0, "i")),
	     more, NULL, "Phần IX a\n\nA. b\n\nPhần X c\n\nB. d\n\n10.01 e\n\nPhần XI f\n\n"
	     "Phần XII g\n\nPhần XIII h\n\nPhần XIV i\n");
}

static void test_styles(void)
{
	/* Heading1 carries the list; Heading2 is based on it and sets the
	 * level; ListDash names its level through the list's pStyle */
	static const char num[] = NUMBERING(
		"<w:abstractNum w:abstractNumId=\"3\">"
		"<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"upperRoman\"/>"
		"<w:lvlText w:val=\"%1.\"/></w:lvl>"
		"<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/>"
		"<w:lvlText w:val=\"%2.\"/></w:lvl>"
		"<w:lvl w:ilvl=\"2\"><w:start w:val=\"1\"/><w:numFmt w:val=\"bullet\"/>"
		"<w:pStyle w:val=\"ListDash\"/><w:lvlText w:val=\"-\"/></w:lvl>"
		"</w:abstractNum><w:num w:numId=\"5\"><w:abstractNumId w:val=\"3\"/></w:num>");
	static const char sty[] = STYLES(
		"<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:pPr><w:numPr>"
		"<w:numId w:val=\"5\"/></w:numPr></w:pPr></w:style>"
		"<w:style w:type=\"paragraph\" w:styleId=\"Heading2\"><w:basedOn w:val=\"Heading1\"/>"
		"<w:pPr><w:numPr><w:ilvl w:val=\"1\"/></w:numPr></w:pPr></w:style>"
		"<w:style w:type=\"paragraph\" w:styleId=\"ListDash\"><w:pPr><w:numPr>"
		"<w:numId w:val=\"5\"/></w:numPr></w:pPr></w:style>"
		"<w:style w:type=\"paragraph\" w:styleId=\"Loop\"><w:basedOn w:val=\"Loop\"/></w:style>");
#define SP(style, text) "<w:p><w:pPr><w:pStyle w:val=\"" style "\"/></w:pPr><w:r><w:t>" text \
	"</w:t></w:r></w:p>"
	CONV(DOC(SP("Heading1", "MỤC ĐÍCH") SP("Heading2", "Mục đích") SP("ListDash", "việc")
		 SP("Heading2", "Yêu cầu") SP("Heading1", "NHIỆM VỤ") SP("Loop", "vòng")),
	     num, sty, "I. MỤC ĐÍCH\n\n1. Mục đích\n\n- việc\n\n2. Yêu cầu\n\nII. NHIỆM VỤ\n\nvòng\n");
	/* a level set on the paragraph applies to its style's list */
	CONV(DOC("<w:p><w:pPr><w:pStyle w:val=\"Heading1\"/><w:numPr><w:ilvl w:val=\"1\"/>"
		 "</w:numPr></w:pPr><w:r><w:t>Cấp hai</w:t></w:r></w:p>"), num, sty, "1. Cấp hai\n");
	/* the paragraph's own numPr wins over its style's */
	CONV(DOC("<w:p><w:pPr><w:pStyle w:val=\"Heading1\"/><w:numPr><w:numId w:val=\"0\"/>"
		 "</w:numPr></w:pPr><w:r><w:t>KẾ HOẠCH</w:t></w:r></w:p>"), num, sty, "KẾ HOẠCH\n");
#undef SP
}

#define TC(x) "<w:tc>" x "</w:tc>"
#define TR(x) "<w:tr>" x "</w:tr>"
#define TBL(x) "<w:tbl><w:tblPr/>" x "</w:tbl>"

static void test_tables(void)
{
	/* the header table above the body: columns TAB-separated, line by line */
	CONV(DOC(TBL(TR(TC(P("UBND TỈNH LẠNG SƠN") P("SỞ NỘI VỤ"))
			TC(P("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") P("Độc lập - Tự do - Hạnh phúc")))
		     TR(TC(P("Số: 5/KH-SNV")) TC(P("Lạng Sơn, ngày 2 tháng 3 năm 2026"))))
		 P("KẾ HOẠCH")),
	     NULL, NULL,
	     "UBND TỈNH LẠNG SƠN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
	     "SỞ NỘI VỤ\tĐộc lập - Tự do - Hạnh phúc\n"
	     "Số: 5/KH-SNV\tLạng Sơn, ngày 2 tháng 3 năm 2026\n\nKẾ HOẠCH\n");
	/* a table in the body is a task table: a "|" row a row, a cell's
	 * paragraphs joined, a numbered STT cell keeps its number */
	CONV(DOC(P("KẾ HOẠCH")
		 TBL(TR(TC(P("STT")) TC(P("Nội dung")) TC(P("Chủ trì")))
		     TR(TC(NP(1, 1, "")) TC(P("Rà soát") P("văn bản")) TC(P("VP|PC")))
		     TR(TC(NP(1, 1, "")) TC(P("Số hóa")) TC("<w:p/>")))
		 P("Trên đây")),
	     outline, NULL,
	     "KẾ HOẠCH\n\n| STT | Nội dung | Chủ trì |\n| 1. | Rà soát văn bản | VP/PC |\n"
	     "| 2. | Số hóa |  |\n\nTrên đây\n");
	/* the signer block after the body: known by "Nơi nhận" or "KT." */
	CONV(DOC(P("KẾ HOẠCH")
		 TBL(TR(TC(P("Nơi nhận:") P("- Sở Nội vụ;") P("- Lưu: VT."))
			TC(P("KT. GIÁM ĐỐC") P("PHÓ GIÁM ĐỐC") "<w:p/>" P("Lê Văn A"))))),
	     NULL, NULL,
	     "KẾ HOẠCH\n\nNơi nhận:\tKT. GIÁM ĐỐC\n- Sở Nội vụ;\tPHÓ GIÁM ĐỐC\n- Lưu: VT.\n"
	     "\tLê Văn A\n");
	/* a one-column table is a frame: its paragraphs are paragraphs (in a
	 * frame in a cell, lines of that cell) */
	CONV(DOC(TBL(TR(TC(P("KẾ HOẠCH") "<w:p/>" P("Cải cách"))) TR(TC(NP(1, 0, "MỤC ĐÍCH"))))
		 P("Nơi nhận:")),
	     outline, NULL, "KẾ HOẠCH\n\nCải cách\n\nI. MỤC ĐÍCH\n\nNơi nhận:\n");
	/* a wide table is a task table even at the top; a table in a cell
	 * joins the cell's text (as one line: a row's cell is one line) */
	CONV(DOC(TBL(TR(TC(P("a")) TC(P("b")) TC(P("c")) TC(TBL(TR(TC(P("d")) TC(P("e")))))))),
	     NULL, NULL, "| a | b | c | d e |\n");
}

static void test_errors(void)
{
	struct cchc_err err = { 0 };
	char *out = NULL;
	const char *bad = DOC("<w:p><w:r><w:t>chưa đóng</w:r></w:p>");
	struct docx_parts p = { bad, strlen(bad), NULL, 0, NULL, 0 };
	CHECK_INT(docx_xml_to_text(&p, &out, &err), CCHC_EINPUT);
	CHECK_HAS(err.msg, "word/document.xml");
	CHECK_HAS(err.msg, "bị hỏng");
	CHECK(out == NULL);
	/* a broken numbering part is reported as such */
	const char *doc = DOC(P("a"));
	struct docx_parts q = { doc, strlen(doc), "<w:numbering", 12, NULL, 0 };
	CHECK_INT(docx_xml_to_text(&q, &out, &err), CCHC_EINPUT);
	CHECK_HAS(err.msg, "word/numbering.xml");
	/* deep nesting does not overflow: the paragraphs past the limit are
	 * dropped, the rest converts */
	struct sbuf b = SBUF_INIT;
	sbuf_add(&b, "<w:document " W "><w:body>");
	for (int i = 0; i < 40; i++)
		sbuf_add(&b, "<w:tbl><w:tr><w:tc>");
	sbuf_add(&b, P("sâu"));
	for (int i = 0; i < 40; i++)
		sbuf_add(&b, "</w:tc></w:tr></w:tbl>");
	sbuf_add(&b, P("sau") "</w:body></w:document>");
	char *got = conv(b.s, NULL, NULL);
	CHECK_HAS(got, "sau");
	free(got);
	sbuf_free(&b);
}

static void test_sniff(void)
{
	CHECK_INT(plan_file_sniff("PK\x03\x04xxxx", 8), PF_ZIP);
	CHECK_INT(plan_file_sniff("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8), PF_DOC);
	CHECK_INT(plan_file_sniff("%PDF-1.7\n", 9), PF_PDF);
	CHECK_INT(plan_file_sniff("{\\rtf1\\ansi", 11), PF_RTF);
	CHECK_INT(plan_file_sniff("KẾ HOẠCH\n", 10), PF_TEXT);
	CHECK_INT(plan_file_sniff("PK", 2), PF_TEXT);
	const char odt[] = "PK\x03\x04\x14\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0"
			   "mimetypeapplication/vnd.oasis.opendocument.text";
	CHECK_INT(plan_file_sniff(odt, sizeof odt - 1), PF_ODT);
}

int main(void)
{
	test_paragraphs();
	test_numbering();
	test_styles();
	test_tables();
	test_errors();
	test_sniff();
	return check_report("test_docx_text");
}
