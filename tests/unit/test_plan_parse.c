/* The plan parser on the three real fixtures (golden dumps of the whole
 * document: metadata, every section, every paragraph and list item) and on
 * small texts that each pin one rule.
 *
 *   test_plan_parse                 run all checks
 *   test_plan_parse --dump FILE     print FILE's dump (to refresh a golden file,
 *                                   which a person then reads)                */
#include <config.h>
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "import/plan_parse.h"
#include "import/plan_layout.h"
#include "text/encoding.h"
#include "util/fsutil.h"
#include "util/sbuf.h"

static void dump_doc(const struct plan_doc *d, struct sbuf *o)
{
	sbuf_addf(o, "number: %s\ntype: %s\nparent_body: %s\nissuer: %s\nplace: %s\n", d->doc_no,
		  d->doc_type, d->parent_body, d->issuer, d->place);
	sbuf_addf(o, "date_text: %s\nissued_on: %s\nyear: %d\ntitle: %s\npreamble: %s\n",
		  d->date_text, d->issued_on, d->year, d->title, d->preamble);
	for (int i = 0; i < d->nrefs; i++)
		sbuf_addf(o, "reference: %s | %s | %s | %s\n", d->refs[i].kind, d->refs[i].doc_no,
			  d->refs[i].date_text, d->refs[i].issued_on);
	for (int i = 0; i < d->nrecipients; i++)
		sbuf_addf(o, "recipient: %s\n", d->recipients[i]);
	sbuf_addf(o, "signer_authority: %s\nsigner_title: %s\nsigner_name: %s\nclosing: %s\n",
		  d->signer_authority, d->signer_title, d->signer_name, d->closing);
	sbuf_add(o, "--- sections\n");
	for (int i = 0; i < d->nsections; i++) {
		const struct pdoc_section *s = &d->sections[i];
		for (int k = 0; k < s->depth; k++)
			sbuf_add(o, "  ");
		sbuf_addf(o, "%s %s\n", s->label, s->heading);
		for (int j = 0; j < s->nitems; j++) {
			for (int k = 0; k <= s->depth; k++)
				sbuf_add(o, "  ");
			if (s->items[j].is_list_item)
				sbuf_addf(o, "%c %s\n", s->items[j].marker, s->items[j].text);
			else
				sbuf_addf(o, "¶ %s\n", s->items[j].text);
		}
	}
}

static char *read_text(const char *path)
{
	char *raw, *text;
	size_t n, tn;
	struct cchc_err err = { 0 };
	if (fs_read_file(path, 1 << 24, &raw, &n, &err) ||
	    text_decode_input(raw, n, NULL, path, &text, &tn, &err)) {
		fprintf(stderr, "%s\n", err.msg);
		exit(2);
	}
	free(raw);
	return text;
}

static char *dump_text(const char *text)
{
	struct plan_doc d;
	struct cchc_err err = { 0 };
	struct sbuf o = SBUF_INIT;
	if (plan_parse(text, &d, &err)) {
		sbuf_addf(&o, "error: %s\n", err.msg);
		return sbuf_detach(&o);
	}
	dump_doc(&d, &o);
	plan_doc_free(&d);
	return sbuf_detach(&o);
}

/* Compares a fixture's dump with its golden file line by line. */
static void check_golden(const char *srcdir, const char *name)
{
	struct sbuf in = SBUF_INIT, gold = SBUF_INIT;
	sbuf_addf(&in, "%s/tests/fixtures/%s", srcdir, name);
	sbuf_addf(&gold, "%s/tests/fixtures/expected/%s.parse", srcdir, name);
	char *text = read_text(in.s);
	char *got = dump_text(text);
	char *want = read_text(gold.s);
	check_count++;
	if (strcmp(got, want) != 0) {
		check_failures++;
		const char *g = got, *w = want;
		int line = 1;
		while (*g && *g == *w) {
			line += *g == '\n';
			g++, w++;
		}
		fprintf(stderr, "%s: dump differs from %s at line %d\n    got:  %.120s\n    want: %.120s\n",
			name, gold.s, line, g, w);
	}
	free(text);
	free(got);
	free(want);
	sbuf_free(&in);
	sbuf_free(&gold);
}

/* Parses text and returns the "label heading" outline with depth indents. */
static char *outline(const char *text)
{
	struct plan_doc d;
	struct cchc_err err = { 0 };
	struct sbuf o = SBUF_INIT;
	if (plan_parse(text, &d, &err)) {
		sbuf_addf(&o, "error: %s", err.msg);
		return sbuf_detach(&o);
	}
	for (int i = 0; i < d.nsections; i++) {
		for (int k = 0; k < d.sections[i].depth; k++)
			sbuf_add(&o, "  ");
		sbuf_addf(&o, "%s %s\n", d.sections[i].label, d.sections[i].heading);
	}
	plan_doc_free(&d);
	return sbuf_detach(&o);
}

#define CHECK_OUTLINE(text, want) do { \
	char *o_ = outline(text); \
	CHECK_STR(o_, want); \
	free(o_); \
} while (0)

static void test_vietnamese_letters(void)
{
	/* đ comes right after d; there is no f, j, w or z */
	CHECK_OUTLINE("KẾ HOẠCH\nTiêu đề\n\nI. A\n\na) một\n\nb) hai\n\nc) ba\n\nd) bốn\n\nđ) năm\n\n"
		      "e) sáu\n\ng) bảy\n\nII. B\n",
		      "I. A\n  a) một\n  b) hai\n  c) ba\n  d) bốn\n  đ) năm\n  e) sáu\n  g) bảy\nII. B\n");
	/* "f)" is not a Vietnamese list letter: it stays text of e) */
	CHECK_OUTLINE("KẾ HOẠCH\nT\n\nI. A\n\ne) x\n\nf) y\n", "I. A\n");
}

static void test_nesting_by_order(void)
{
	/* (1) under 1.2.3., a) under 3.1.: nesting comes from order, not rank */
	CHECK_OUTLINE("KẾ HOẠCH\nT\n\n1. Một\n\n1.1. Một một\n\n1.1.1. Ba cấp\n\n(1) Ngoặc\n\n(2) Ngoặc hai\n\n"
		      "1.1.2. Ba cấp hai\n\n2. Hai\n\n2.1. Hai một\n\na) chữ\n\nb) chữ hai\n",
		      "1. Một\n  1.1. Một một\n    1.1.1. Ba cấp\n      (1) Ngoặc\n      (2) Ngoặc hai\n"
		      "    1.1.2. Ba cấp hai\n2. Hai\n  2.1. Hai một\n    a) chữ\n    b) chữ hai\n");
	/* a) above 1. in another document */
	CHECK_OUTLINE("KẾ HOẠCH\nT\n\na) Một\n\n1. x\n\n2. y\n\nb) Hai\n\n1. z\n",
		      "a) Một\n  1. x\n  2. y\nb) Hai\n  1. z\n");
}

static void test_sequence_guards(void)
{
	/* "2024. " in wrapped text or "5." out of sequence are not sections */
	CHECK_OUTLINE("KẾ HOẠCH\nT\n\nI. A\n\n1. x\n\n5. không phải mục\n\n2. y\n",
		      "I. A\n  1. x\n  2. y\n");
	/* Roman II follows I even after deep nesting */
	CHECK_OUTLINE("KẾ HOẠCH\nT\n\nI. A\n\n1. x\n\n1.1. y\n\na) z\n\nII. B\n\n1. w\n",
		      "I. A\n  1. x\n    1.1. y\n      a) z\nII. B\n  1. w\n");
	/* a bullet is a list item, not a section */
	CHECK_OUTLINE("KẾ HOẠCH\nT\n\nI. A\n\n- 1. không\n\n+ mục\n", "I. A\n");
}

static void test_upper_letters(void)
{
	/* A. B. parts over roman sections; "I." after "H." is the letter I, and
	 * "C." is the letter C, not roman 100 */
	CHECK_OUTLINE("KẾ HOẠCH\nT\n\nA. Phần một\n\nI. La mã\n\nII. La mã hai\n\nB. Phần hai\n\n"
		      "C. Phần ba\n\nD. Bốn\n\nĐ. Năm\n\nE. Sáu\n\nG. Bảy\n\nH. Tám\n\nI. Chín\n",
		      "A. Phần một\n  I. La mã\n  II. La mã hai\nB. Phần hai\nC. Phần ba\nD. Bốn\n"
		      "Đ. Năm\nE. Sáu\nG. Bảy\nH. Tám\nI. Chín\n");
}

static void test_wrapped_caps_heading_and_tables(void)
{
	/* an upper-case heading copied from a PDF over two lines */
	CHECK_OUTLINE("KẾ HOẠCH\n\nT\n\nI. MỤC ĐÍCH\n\nII. NHIỆM VỤ, GIẢI PHÁP, SẢN PHẨM, TIẾN ĐỘ VÀ TRÁCH\n\n"
		      "NHIỆM THỰC HIỆN\n\nNội dung.\n",
		      "I. MỤC ĐÍCH\nII. NHIỆM VỤ, GIẢI PHÁP, SẢN PHẨM, TIẾN ĐỘ VÀ TRÁCH NHIỆM THỰC HIỆN\n");
	/* Markdown table rows stay one item each; the separator row goes */
	char *d = dump_text("KẾ HOẠCH\n\nT\n\nI. Phụ lục nhiệm vụ\n\n| STT | Nhiệm vụ |\n|---|---|\n"
			    "| 1 | Rà soát TTHC |\n| 2 | Số hóa hồ sơ |\n");
	CHECK(strstr(d, "  ¶ | STT | Nhiệm vụ |\n  ¶ | 1 | Rà soát TTHC |\n  ¶ | 2 | Số hóa hồ sơ |\n") != NULL);
	free(d);
}

static void test_pdf_wrapping(void)
{
	/* hard-wrapped lines with an empty line after each, a heading split in two,
	 * a stray page number, trailing spaces */
	const char *pdf =
		"KẾ HOẠCH \n \nTriển khai công tác cải cách hành chính năm 2025 của Sở\n \n"
		"Thực hiện Kế hoạch số 12/KH-UBND ngày 05/01/2025 của UBND tỉnh, Sở ban \n \n"
		"hành Kế hoạch như sau: \n \n"
		"I. MỤC ĐÍCH \n \n"
		"1. Chỉ số hài lòng của người dân, tổ chức đối với sự phục vụ của cơ \n \n"
		"quan hành chính nhà nước (SIPAS) \n \n"
		"Tiếp tục thực hiện có hiệu quả việc giải quyết thủ tục hành chính theo cơ \n \n"
		"2\n \n"
		"chế một cửa, một cửa liên thông. \n \n"
		"Thực hiện nghiêm việc tiếp nhận hồ sơ. \n \n"
		"- Tuân thủ nguyên tắc và quy trình giải quyết thủ tục hành chính đã \n \n"
		"được phê duyệt. \n \n"
		"2. Hai \n";
	char *d = dump_text(pdf);
	CHECK(strstr(d, "\n  1. Chỉ số hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan "
			"hành chính nhà nước (SIPAS)\n") != NULL);
	CHECK(strstr(d, "¶ Tiếp tục thực hiện có hiệu quả việc giải quyết thủ tục hành chính theo cơ chế "
			"một cửa, một cửa liên thông.\n") != NULL);
	CHECK(strstr(d, "¶ Thực hiện nghiêm việc tiếp nhận hồ sơ.\n") != NULL);
	CHECK(strstr(d, "- Tuân thủ nguyên tắc và quy trình giải quyết thủ tục hành chính đã được phê duyệt.\n"));
	CHECK(strstr(d, "reference: Kế hoạch | 12/KH-UBND | 05/01/2025 | 2025-01-05\n") != NULL);
	CHECK(strstr(d, "title: Triển khai công tác cải cách hành chính năm 2025 của Sở\n") != NULL);
	free(d);
}

static void test_markdown(void)
{
	const char *md =
		"## KẾ HOẠCH\n\n### Cải cách hành chính năm 2025\n\n"
		"#### **I. MỤC TIÊU**\n\nNội dung **đậm** và *nghiêng* và _gạch_ dưới.\n\n"
		"## *1. Một \\(tiêu đề\\)*\n\n* mục sao\n- mục gạch\n";
	char *d = dump_text(md);
	CHECK(strstr(d, "I. MỤC TIÊU\n  ¶ Nội dung đậm và nghiêng và gạch dưới.\n") != NULL);
	CHECK(strstr(d, "  1. Một (tiêu đề)\n    - mục sao\n    - mục gạch\n") != NULL);
	free(d);
}

static void test_header_table(void)
{
	/* a Word table copied as text: the two header blocks side by side */
	const char *t =
		"UBND TỈNH LẠNG SƠN        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
		"SỞ NỘI VỤ                 Độc lập - Tự do - Hạnh phúc\n"
		"Số: 05/KH-SNV             Lạng Sơn, ngày 05 tháng 01 năm 2026\n\n"
		"KẾ HOẠCH\n\nCải cách hành chính năm 2026\n\n"
		"Căn cứ Quyết định số 876/QĐ-BNV ngày 10/11/2022 của Bộ Nội vụ; Nghị định số "
		"118/2025/NĐ-CP;\n\nI. MỤC ĐÍCH\n\nNội dung.\n\nNơi nhận:               KT. GIÁM ĐỐC\n"
		"- UBND tỉnh;             PHÓ GIÁM ĐỐC\n- Lưu: VT, VP.\n\n(Đã ký)\n\nNguyễn Văn An\n";
	char *d = dump_text(t);
	CHECK(strstr(d, "number: 05/KH-SNV\n") != NULL);
	CHECK(strstr(d, "parent_body: UBND TỈNH LẠNG SƠN\nissuer: SỞ NỘI VỤ\nplace: Lạng Sơn\n") != NULL);
	CHECK(strstr(d, "issued_on: 2026-01-05\nyear: 2026\n") != NULL);
	CHECK(strstr(d, "reference: Quyết định | 876/QĐ-BNV | 10/11/2022 | 2022-11-10\n") != NULL);
	CHECK(strstr(d, "reference: Nghị định | 118/2025/NĐ-CP |  | \n") != NULL);
	CHECK(strstr(d, "recipient: UBND tỉnh\nrecipient: Lưu: VT, VP\n") != NULL);
	CHECK(strstr(d, "signer_authority: KT. GIÁM ĐỐC\nsigner_title: PHÓ GIÁM ĐỐC\n"
			"signer_name: Nguyễn Văn An\n") != NULL);
	free(d);
}

static void test_review_cases(void)
{
	/* non-standard roman numerals are text, not sections */
	CHECK_OUTLINE("KẾ HOẠCH\nT\n\nI. A\n\nII. B\n\nIII. C\n\nIVI. không\n\nIV. D\n",
		      "I. A\nII. B\nIII. C\nIV. D\n");
	/* without a type line, a first section that mentions a date stays a section */
	CHECK_OUTLINE("I. Hoàn thành kiểm tra ngày 10 tháng 6 năm 2024\n\nII. Báo cáo\n\nIII. Tổng kết\n",
		      "I. Hoàn thành kiểm tra ngày 10 tháng 6 năm 2024\nII. Báo cáo\nIII. Tổng kết\n");
	char *d = dump_text("Số lượng hồ sơ phải số hóa\n\nI. A\n");
	CHECK(strstr(d, "number: \n") != NULL);
	free(d);
	/* a long footer cell is kept whole, not cut inside a letter */
	struct sbuf t = SBUF_INIT;
	sbuf_add(&t, "KẾ HOẠCH\nT\n\nI. A\n\nNơi nhận:\n- ");
	for (int i = 0; i < 200; i++)
		sbuf_add(&t, "Đ");
	sbuf_add(&t, ";\n\nGIÁM ĐỐC\n\nNguyễn Văn A\n");
	d = dump_text(t.s);
	struct sbuf want = SBUF_INIT;
	sbuf_add(&want, "recipient: ");
	for (int i = 0; i < 200; i++)
		sbuf_add(&want, "Đ");
	sbuf_add(&want, "\n");
	CHECK(strstr(d, want.s) != NULL);
	free(d);
	sbuf_free(&t);
	sbuf_free(&want);
}

/* Page breaks of a PDF copy: page numbers, a running head, a site's margin
 * lines and blank lines between two halves of a sentence are dropped and
 * the halves joined; an address inside a sentence is kept. */
static void test_page_breaks_and_margins(void)
{
	char *d = dump_text(
		"KẾ HOẠCH\nCải cách hành chính năm 2026\n\nI. MỤC ĐÍCH\n\n"
		"1. Mục đích\n\nTriển khai các nhiệm vụ theo Kế hoạch số\n\nthuvienphapluat.vn\n"
		"Trang 2/9\n\nKế hoạch CCHC năm 2026\n\n168/KH-UBND của UBND tỉnh; nhiệm vụ do các Phó\n\n"
		"www.thuvienphapluat.vn - Hotline: 1900 6192\n- 3 -\nKế hoạch CCHC năm 2026\n\n"
		"Chủ tịch UBND tỉnh giao.\n\n2. Yêu cầu\n\nCông khai tại https://dichvucong.gov.vn theo "
		"quy định.\n\nII. NHIỆM VỤ\n\n1. Cục Thuế tỉnh, Công an tỉnh, các Sở, ban, ngành,\n\n"
		"4\n\fKế hoạch CCHC năm 2026\nUBND các huyện, thành phố\n\n- Thực hiện.\n\n"
		"2. Xây dựng chính quyền số\n\nPhát triển dữ liệu.\n");
	CHECK_HAS(d, "  ¶ Triển khai các nhiệm vụ theo Kế hoạch số 168/KH-UBND của UBND tỉnh; nhiệm "
		  "vụ do các Phó Chủ tịch UBND tỉnh giao.\n");
	CHECK_HAS(d, "  ¶ Công khai tại https://dichvucong.gov.vn theo quy định.\n");
	CHECK_HAS(d, "  1. Cục Thuế tỉnh, Công an tỉnh, các Sở, ban, ngành, UBND các huyện, thành phố\n");
	/* "chính quyền số" ends a heading: "số" joins only a number */
	CHECK_HAS(d, "  2. Xây dựng chính quyền số\n    ¶ Phát triển dữ liệu.\n");
	CHECK(strstr(d, "thuvienphapluat") == NULL);
	CHECK(strstr(d, "Kế hoạch CCHC năm 2026") == NULL);
	free(d);
	/* a running head must repeat at half of the page marks, and a line only
	 * once beside a page number is text */
	d = dump_text("KẾ HOẠCH\nT\n\nI. A\n\nMột câu.\n\n5\n\nGiữ dòng này.\n\nII. B\n");
	CHECK_HAS(d, "I. A\n  ¶ Một câu.\n  ¶ Giữ dòng này.\n");
	free(d);
}

/* Text copied from UBND tỉnh: no header block, the abstract runs straight
 * into a preamble; the closing words follow the last section. */
static void test_title_preamble_closing(void)
{
	char *d = dump_text(
		"KẾ HOẠCH\nCải cách hành chính tỉnh Hòa Bình năm 2026\nNăm 2025, Chỉ số PAR INDEX "
		"của tỉnh đạt 87,12%. UBND tỉnh ban hành Kế hoạch như sau:\nI. MỤC TIÊU\nNâng cao "
		"chỉ số.\nII. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ theo dõi.\nYêu cầu Thủ trưởng các Sở, "
		"ban, ngành triển khai thực hiện./.\nNơi nhận:\n- VP_(TTT);\n- Lưu: VT, NC.\n"
		"TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn An\n");
	CHECK_HAS(d, "issuer: \nplace: \n");
	CHECK_HAS(d, "title: Cải cách hành chính tỉnh Hòa Bình năm 2026\npreamble: Năm 2025, Chỉ số "
		  "PAR INDEX của tỉnh đạt 87,12%. UBND tỉnh ban hành Kế hoạch như sau:\n");
	CHECK_HAS(d, "recipient: VP_(TTT)\nrecipient: Lưu: VT, NC\n");
	CHECK_HAS(d, "signer_authority: TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nsigner_title: PHÓ CHỦ "
		  "TỊCH\nsigner_name: Nguyễn Văn An\nclosing: Yêu cầu Thủ trưởng các Sở, ban, ngành "
		  "triển khai thực hiện./.\n");
	/* nothing of the closing stays in the last section */
	const char *tail = "  1. Sở Nội vụ theo dõi.\n";
	CHECK(strlen(d) > strlen(tail) && strcmp(d + strlen(d) - strlen(tail), tail) == 0);
	free(d);
	/* "Trên đây là" opens the closing, a later paragraph belongs to it */
	d = dump_text("KẾ HOẠCH\nT\n\nI. A\n\n1. x\n\nTrên đây là Kế hoạch của Sở.\n\n"
		      "Trong quá trình thực hiện, nếu có vướng mắc, báo cáo Sở./.\n");
	CHECK_HAS(d, "closing: Trên đây là Kế hoạch của Sở.\n\nTrong quá trình thực hiện, nếu có "
		  "vướng mắc, báo cáo Sở./.\n");
	free(d);
	/* a Word copy (one paragraph a line, no blank lines): a preamble that
	 * starts "Căn cứ" ends the title; a title in two lines stays whole */
	d = dump_text("KẾ HOẠCH\nCải cách hành chính năm 2026\ncủa UBND huyện Cao Lộc\nCăn cứ Quyết "
		      "định số 12/QĐ-UBND ngày 05/01/2026 của UBND tỉnh;\nUBND huyện Cao Lộc ban "
		      "hành Kế hoạch như sau:\nI. A\nNội dung.\n");
	CHECK_HAS(d, "title: Cải cách hành chính năm 2026 của UBND huyện Cao Lộc\npreamble: Căn cứ");
	/* the preamble names the issuer with its name: kept */
	CHECK_HAS(d, "issuer: UBND huyện Cao Lộc\n");
	free(d);
	/* a motto wrapped in its column ("… VIỆT" ‖ "NAM") is not a body name;
	 * "ỦY BAN NHÂN DÂN" over "HUYỆN CAO LỘC" is one */
	d = dump_text("ỦY BAN NHÂN DÂN          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT\n"
		      "HUYỆN CAO LỘC                           NAM\n"
		      "                         Độc lập - Tự do - Hạnh phúc\n"
		      "KẾ HOẠCH\nT\nI. A\n");
	CHECK_HAS(d, "parent_body: \nissuer: ỦY BAN NHÂN DÂN HUYỆN CAO LỘC\n");
	free(d);
}

/* Plain text keeps its asterisks and underscores; Markdown loses only
 * paired emphasis. */
static void test_markdown_only_in_markdown(void)
{
	char *d = dump_text("KẾ HOẠCH\nT\n\nI. Chỉ số (*) và mã VP_(TTT), tệp ke_hoach_2026\n");
	CHECK_HAS(d, "I. Chỉ số (*) và mã VP_(TTT), tệp ke_hoach_2026\n");
	free(d);
	d = dump_text("## KẾ HOẠCH\n\nT\n\n### I. Chỉ số **đậm** và _nghiêng_, mã VP_(TTT)\n");
	CHECK_HAS(d, "I. Chỉ số đậm và nghiêng, mã VP_(TTT)\n");
	free(d);
}

static void test_issuer_kind(void)
{
	char *k = plan_issuer_kind("", "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH", "PHÓ CHỦ TỊCH");
	CHECK_STR(k, "Ủy ban nhân dân");
	free(k);
	k = plan_issuer_kind("", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC");
	CHECK_STR(k, "Sở");
	free(k);
	k = plan_issuer_kind("", "", "TRƯỞNG BAN");
	CHECK_STR(k, "Ban");
	free(k);
	k = plan_issuer_kind("TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC");
	CHECK_STR(k, "Trung tâm");
	free(k);
	k = plan_issuer_kind("", "", "");
	CHECK_STR(k, "");
	free(k);
}

/* A table as pdftotext -layout writes it: cells wrapped inside their
 * columns, a page break with its number and running head, the header row
 * repeated on the next page; a single space between two columns. The
 * two-column header block of the plan stays as it is. */
static void test_layout_table(void)
{
	char *r = plan_layout_tables(
		"UBND TỈNH LẠNG SƠN           CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
		"SỞ Y TẾ                          Độc lập - Tự do - Hạnh phúc\n\n"
		"STT    Nhiệm vụ        Chủ trì       Thời hạn\n"
		"                                     hoàn thành\n"
		"1      Rà soát thủ     Văn phòng     Trước\n"
		"       tục             Sở            30/6/2026\n"
		"                                                  5\n"
		"\fKế hoạch CCHC năm 2026\n"
		"STT    Nhiệm vụ        Chủ trì       Thời hạn\n"
		"                                     hoàn thành\n"
		"2      Khảo sát sự hài Văn phòng     Quý\n"
		"       lòng            Sở            III/2026\n\n"
		"Nơi nhận:\n");
	CHECK(r != NULL);
	if (!r)
		return;
	CHECK_HAS(r, "UBND TỈNH LẠNG SƠN           CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
		  "SỞ Y TẾ                          Độc lập - Tự do - Hạnh phúc\n\n");
	CHECK_HAS(r, "| STT | Nhiệm vụ | Chủ trì | Thời hạn hoàn thành |\n"
		  "| 1 | Rà soát thủ tục | Văn phòng Sở | Trước 30/6/2026 |\n"
		  "| 2 | Khảo sát sự hài lòng | Văn phòng Sở | Quý III/2026 |\n");
	CHECK_HAS(r, "|\n\nNơi nhận:\n");
	CHECK(strstr(r, "Kế hoạch CCHC năm 2026") == NULL);
	free(r);
	/* a header centred over its column, the rows' text left-aligned */
	r = plan_layout_tables(
		" STT          Nội dung nhiệm vụ           Cơ quan chủ trì   Thời gian\n"
		"  1   Kiểm tra công tác CCHC tại các xã  Phòng Nội vụ      Quý III/2026\n"
		"  2   Khảo sát sự hài lòng               Phòng Văn hóa và  Tháng 10/2026\n"
		"                                          Thông tin\n");
	CHECK(r != NULL);
	if (r) {
		CHECK_HAS(r, "| STT | Nội dung nhiệm vụ | Cơ quan chủ trì | Thời gian |\n"
			  "| 1 | Kiểm tra công tác CCHC tại các xã | Phòng Nội vụ | Quý III/2026 |\n"
			  "| 2 | Khảo sát sự hài lòng | Phòng Văn hóa và Thông tin | Tháng 10/2026 |\n");
		free(r);
	}
	/* two columns of text and no numbered row: not a table */
	CHECK(plan_layout_tables("Nơi nhận:              KT. GIÁM ĐỐC\n- Lưu: VT.       PHÓ GIÁM ĐỐC\n")
	      == NULL);
}

/* pandoc's grid tables: the header block and Nơi nhận beside the signer are
 * layout, read cell by cell; a table of numbered rows gives "| … |" rows. */
static void test_grid_tables(void)
{
	char *d = dump_text(
		"+---------------------+---------------------------+\n"
		"| **ỦY BAN NHÂN DÂN** | **CỘNG HÒA XÃ HỘI CHỦ     |\n"
		"|                     | NGHĨA VIỆT NAM**          |\n"
		"| **PHƯỜNG KỲ LỪA**   |                           |\n"
		"+---------------------+---------------------------+\n"
		"| Số: 16/KH-UBND      | *Kỳ Lừa, ngày 03 tháng 02 |\n"
		"|                     | năm 2026*                 |\n"
		"+---------------------+---------------------------+\n\n"
		"**KẾ HOẠCH**\n\n**Cải cách hành chính**\n\n**I. MỤC TIÊU**\n\n"
		"a)  Công khai thủ tục tại Bộ phận Một cửa và trên Cổng\n"
		"    Dịch vụ công quốc gia.\n\n"
		"+---------------------+---------------------------+\n"
		"| ***Nơi nhận:***     | **TM. ỦY BAN NHÂN DÂN**   |\n"
		"|                     |                           |\n"
		"| \\- Sở Nội vụ;       | **CHỦ TỊCH**              |\n"
		"|                     |                           |\n"
		"| \\- Lưu: VT.         | **Hoàng Văn Tiến**        |\n"
		"+---------------------+---------------------------+\n\n"
		"**PHỤ LỤC**\n\n"
		"+-----+--------------+----------+\n"
		"| STT | Nhiệm vụ     | Chủ trì  |\n"
		"+=====+==============+==========+\n"
		"| 1   | Khảo sát sự  | Văn phòng|\n"
		"|     | hài lòng     |          |\n"
		"+-----+--------------+----------+\n");
	CHECK_HAS(d, "issuer: ỦY BAN NHÂN DÂN PHƯỜNG KỲ LỪA\nplace: Kỳ Lừa\ndate_text: ngày 03 "
		  "tháng 02 năm 2026\n");
	CHECK_HAS(d, "recipient: Sở Nội vụ\nrecipient: Lưu: VT\nsigner_authority: TM. ỦY BAN NHÂN "
		  "DÂN\nsigner_title: CHỦ TỊCH\nsigner_name: Hoàng Văn Tiến\n");
	CHECK_HAS(d, "  a) Công khai thủ tục tại Bộ phận Một cửa và trên Cổng Dịch vụ công quốc gia.\n");
	CHECK_HAS(d, "  ¶ | STT | Nhiệm vụ | Chủ trì |\n  ¶ | 1 | Khảo sát sự hài lòng | Văn phòng |\n");
	free(d);
}

/* A footnote above the page number, its marker glued to a word. */
static void test_footnotes(void)
{
	char *d = dump_text("KẾ HOẠCH\nT\n\nI. A\n\nBảo đảm người dân trên địa bàn xã1 được phục vụ.\n"
			    "1. Văn phòng tổng hợp ý kiến trên Hệ thống của\n"
			    "1 Xã Đồng Văn được thành lập năm 2025.\n2\ntỉnh; báo cáo hằng tháng.\n");
	CHECK_HAS(d, "  ¶ Bảo đảm người dân trên địa bàn xã được phục vụ.\n");
	CHECK_HAS(d, "  1. Văn phòng tổng hợp ý kiến trên Hệ thống của tỉnh; báo cáo hằng tháng.\n");
	free(d);
}

/* Found by a hostile tester: shapes of real copies the corpus lacked. */
static void test_hostile_shapes(void)
{
	/* one pipe table in a plain copy changes nothing around it */
	CHECK_OUTLINE("KẾ HOẠCH\nT\n\nI. NHIỆM VỤ\n1. Cải cách thể chế\nVăn phòng Sở chủ trì.\n"
		      "2. Cải cách thủ tục hành chính\nThanh tra Sở chủ trì.\n3. Bảng\n"
		      "| STT | Nhiệm vụ |\n|---|---|\n| 1 | Kiểm tra |\nII. TỔ CHỨC THỰC HIỆN\nVăn phòng.\n",
		      "I. NHIỆM VỤ\n  1. Cải cách thể chế\n  2. Cải cách thủ tục hành chính\n  3. Bảng\n"
		      "II. TỔ CHỨC THỰC HIỆN\n");
	/* a Word copy whose long lines end sentences is not hard-wrapped */
	char *d = dump_text("I. NHIỆM VỤ\n1. Mục 1\nVăn phòng Sở chủ trì, phối hợp với Thanh tra Sở "
			    "thực hiện.\nThời gian thực hiện: Quý II/2026.\n2. Mục 2\nVăn phòng Sở chủ "
			    "trì thực hiện các nội dung.\n3. Mục 3\nCơ quan chủ trì: Văn phòng Sở\n"
			    "Cơ quan phối hợp: Thanh tra Sở\nThời gian hoàn thành: Quý III/2026\n");
	CHECK_HAS(d, "    ¶ Văn phòng Sở chủ trì, phối hợp với Thanh tra Sở thực hiện.\n"
		  "    ¶ Thời gian thực hiện: Quý II/2026.\n");
	CHECK_HAS(d, "    ¶ Cơ quan phối hợp: Thanh tra Sở\n    ¶ Thời gian hoàn thành: Quý III/2026\n");
	free(d);
	/* Word table rows with no blank line between stay rows */
	d = dump_text("KẾ HOẠCH\nT\nI. A\nPHỤ LỤC\nSTT\tNhiệm vụ\tChủ trì\n1\tKiểm tra\tVăn phòng Sở\n"
		      "2\tTập huấn\tThanh tra Sở\n");
	CHECK_HAS(d, "¶ STT | Nhiệm vụ | Chủ trì\n  ¶ 1 | Kiểm tra | Văn phòng Sở\n"
		  "  ¶ 2 | Tập huấn | Thanh tra Sở\n");
	free(d);
	/* letter-spaced type line, doc numbers with stray spaces */
	d = dump_text("SỞ Y TẾ\nSố: 35 /KH - SYT.\nK Ế  H O Ạ C H\nCải cách hành chính\nI. A\n");
	CHECK_HAS(d, "number: 35/KH-SYT\ntype: KẾ HOẠCH\n");
	CHECK_HAS(d, "title: Cải cách hành chính\n");
	free(d);
	/* numbering written I/ 1/, I - 1 -, I.MỤC; a number written twice */
	CHECK_OUTLINE("KẾ HOẠCH\nT\nI/ MỤC ĐÍCH\n1/ Một\n2/ Hai\nII/ NHIỆM VỤ\n",
		      "I/ MỤC ĐÍCH\n  1/ Một\n  2/ Hai\nII/ NHIỆM VỤ\n");
	CHECK_OUTLINE("KẾ HOẠCH\nT\nI - MỤC ĐÍCH\n1 - Một\nTrong 2 - 3 ngày.\n2 - Hai\n",
		      "I - MỤC ĐÍCH\n  1 - Một\n  2 - Hai\n");
	CHECK_OUTLINE("KẾ HOẠCH\nT\nI.MỤC ĐÍCH\n1.Một\n1.000 người.\n2.Hai\n",
		      "I. MỤC ĐÍCH\n  1. Một\n  2. Hai\n");
	CHECK_OUTLINE("KẾ HOẠCH\nT\nI. A\n1. Một\n2. Hai\n2. Ba\n4. Bốn\n",
		      "I. A\n  1. Một\n  2. Hai\n  2. Ba\n  4. Bốn\n");
	/* a signature stamp, a site's line and "Trang: 2" cut no sentence; a
	 * running head without page numbers is dropped */
	d = dump_text("KẾ HOẠCH\nT\nI. A\n1. Một\nKiểm tra việc thực hiện\nTải về từ thuvienphapluat.vn\n"
		      "theo quy định.\nKý bởi: Sở Y tế\nEmail: syt@tinh.gov.vn\nCơ quan: Tỉnh X\n"
		      "Thời gian ký: 20.01.2026 09:15:32 +07:00\nTrang: 2\n2. Hai\nCông khai tại\n"
		      "Kế hoạch CCHC năm 2026 của Sở\nBộ phận Một cửa.\nKế hoạch CCHC năm 2026 của Sở\n"
		      "3. Ba\nKế hoạch CCHC năm 2026 của Sở\n");
	CHECK_HAS(d, "  1. Một\n    ¶ Kiểm tra việc thực hiện theo quy định.\n  2. Hai\n"
		  "    ¶ Công khai tại Bộ phận Một cửa.\n  3. Ba\n");
	free(d);
	/* a paragraph ending "./." that is the last section's only text stays */
	d = dump_text("KẾ HOẠCH\nT\nI. A\nNội dung.\nII. TỔ CHỨC THỰC HIỆN\nVăn phòng Sở theo dõi, "
		      "báo cáo./.\n");
	CHECK_HAS(d, "II. TỔ CHỨC THỰC HIỆN\n  ¶ Văn phòng Sở theo dõi, báo cáo./.\n");
	CHECK_HAS(d, "closing: \n");
	free(d);
	/* a body issuing another document earlier in the preamble is not the issuer */
	d = dump_text("KẾ HOẠCH\nT\nCăn cứ Kế hoạch số 168/KH-UBND; theo đó Sở Nội vụ ban hành Kế "
		      "hoạch kiểm tra;\n\nĐể triển khai, Ban Quản lý Khu kinh tế thực hiện như sau:\nI. A\n");
	CHECK_HAS(d, "issuer: \n");
	free(d);
	char *k = plan_issuer_kind("BỘ TƯ PHÁP", "KT. BỘ TRƯỞNG", "THỨ TRƯỞNG");
	CHECK_STR(k, "Bộ");
	free(k);
}

static void test_refuses_non_plans(void)
{
	char *o = outline("Chỉ là một đoạn văn, không có đề mục nào.\n");
	CHECK(strncmp(o, "error: Không nhận ra cấu trúc kế hoạch", 40) == 0);
	free(o);
}

int main(int argc, char **argv)
{
	if (argc == 3 && strcmp(argv[1], "--dump") == 0) {
		char *text = read_text(argv[2]);
		char *d = dump_text(text);
		fputs(d, stdout);
		free(d);
		free(text);
		return 0;
	}
	const char *srcdir = getenv("top_srcdir");
	if (!srcdir)
		srcdir = ".";
	check_golden(srcdir, "so-ngoai-vu-2024.txt");
	check_golden(srcdir, "so-cong-thuong-2024.txt");
	check_golden(srcdir, "so-gtvt-2024.md");
	test_vietnamese_letters();
	test_nesting_by_order();
	test_sequence_guards();
	test_pdf_wrapping();
	test_upper_letters();
	test_wrapped_caps_heading_and_tables();
	test_markdown();
	test_header_table();
	test_review_cases();
	test_page_breaks_and_margins();
	test_title_preamble_closing();
	test_markdown_only_in_markdown();
	test_issuer_kind();
	test_layout_table();
	test_grid_tables();
	test_footnotes();
	test_hostile_shapes();
	test_refuses_non_plans();
	return check_report("test_plan_parse");
}
