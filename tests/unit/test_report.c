/* The report as a document model (before any writer): the number from its
 * pattern, Kính gửi and "Như trên", the agency's short name in sentences,
 * the annex after the body with its heading naming this report, the
 * one-stop table in the layout of Biểu II.06a, "-" for rates of nothing,
 * and the next period's name in part IV. */
#include <config.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "check.h"
#include "core/report.h"
#include "core/settings.h"
#include "store/db.h"
#include "util/sbuf.h"

static char tmpdir[] = "/tmp/cchc-test-report-XXXXXX";

/* The text of block i when it is a paragraph or an annex heading. */
static char *block_text(const struct doc *d, int i)
{
	struct sbuf b = SBUF_INIT;
	sbuf_add(&b, "");
	const struct doc_block *k = &d->blocks[i];
	for (int r = 0; (k->kind == DOC_PARA_BLOCK || k->kind == DOC_ANNEX) && r < k->para.nruns; r++)
		sbuf_addf(&b, "%s%s", r && k->kind == DOC_ANNEX ? "\n" : "", k->para.runs[r].text);
	return sbuf_detach(&b);
}

/* The index of the first paragraph holding s, or -1. */
static int find_para(const struct doc *d, const char *s)
{
	for (int i = 0; i < d->nblocks; i++) {
		char *t = block_text(d, i);
		bool hit = strstr(t, s) != NULL;
		free(t);
		if (hit)
			return i;
	}
	return -1;
}

static const struct doc_table *find_table(const struct doc *d, const char *sheet, int *at)
{
	for (int i = 0; i < d->nblocks; i++)
		if (d->blocks[i].kind == DOC_TABLE_BLOCK && strcmp(d->blocks[i].table.sheet, sheet) == 0) {
			*at = i;
			return &d->blocks[i].table;
		}
	return NULL;
}

static void build(struct db *db, const char *code, int number, struct doc *d)
{
	struct period p;
	struct cchc_err err = { 0 };
	CHECK(period_parse(code, 15, &p, &err) == CCHC_OK);
	struct report_opts o = { 0, { 2026, 9, 16 }, number };
	doc_init(d);
	CHECK(report_build(db, &p, &o, d, &err) == CCHC_OK);
}

static void test_numbers(void)
{
	char pct[16];
	report_percent(0, 0, pct);
	CHECK_STR(pct, "-");
	report_percent(1, 3, pct);
	CHECK_STR(pct, "33,33");
	char *n = report_number_text("{n}/BC-SCT", 5, 2026);
	CHECK_STR(n, "05/BC-SCT");
	free(n);
	n = report_number_text("{n}/BC-SCT", 0, 2026);
	CHECK_STR(n, "      /BC-SCT");
	free(n);
	n = report_number_text("/BC-SCT", 12, 2026); /* an older database's value */
	CHECK_STR(n, "12/BC-SCT");
	free(n);
	n = report_number_text("BC-SCT", 7, 2026); /* typed without its slash */
	CHECK_STR(n, "07/BC-SCT");
	free(n);
	n = report_number_text("{n}/{yyyy}/BC", 3, 2026);
	CHECK_STR(n, "03/2026/BC");
	free(n);
	static const char *const names[][2] = {
		{ "SỞ NỘI VỤ", "Sở Nội vụ" }, { "SỞ KẾ HOẠCH VÀ ĐẦU TƯ", "Sở Kế hoạch và Đầu tư" },
		{ "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH", "Sở Văn hóa, Thể thao và Du lịch" },
		{ "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", "Sở Lao động - Thương binh và Xã hội" },
		{ "SỞ CÔNG THƯƠNG", "Sở Công Thương" }, { "UBND TỈNH LẠNG SƠN", "UBND tỉnh Lạng Sơn" },
		{ "ỦY BAN NHÂN DÂN HUYỆN CAO LỘC", "Ủy ban nhân dân huyện Cao Lộc" },
		{ "UBND THÀNH PHỐ LẠNG SƠN", "UBND thành phố Lạng Sơn" },
		{ "BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP TỈNH", "Ban Quản lý các khu công nghiệp tỉnh" },
		{ "VĂN PHÒNG UBND TỈNH", "Văn phòng UBND tỉnh" },
	};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		char *got = report_agency_name_case(names[i][0]);
		CHECK_STR(got, names[i][1]);
		free(got);
	}
	char d[24];
	report_cite_date("2025-06-09", d);
	CHECK_STR(d, "09/6/2025");
	report_cite_date("2026-01-15", d);
	CHECK_STR(d, "15/01/2026");
	char *l = report_lower_first("Ban hành quy chế");
	CHECK_STR(l, "ban hành quy chế");
	free(l);
	l = report_lower_first("Sở Công Thương ban hành");
	CHECK_STR(l, "Sở Công Thương ban hành");
	free(l);
	l = report_lower_first("UBND tỉnh");
	CHECK_STR(l, "UBND tỉnh");
	free(l);
}

static void short_is(struct db *db, const char *name, const char *want)
{
	struct cchc_err err = { 0 };
	CHECK(settings_set(db, "org.name", name, &err) == CCHC_OK);
	char *v = settings_get(db, "org.short");
	CHECK_STR(v, want);
	free(v);
}

static void test_short_name(struct db *db)
{
	short_is(db, "Sở Công Thương", "Sở");
	short_is(db, "Ủy ban nhân dân huyện Cao Lộc", "UBND huyện");
	short_is(db, "UBND thành phố Lạng Sơn", "UBND thành phố");
	short_is(db, "Văn phòng UBND tỉnh", "Văn phòng");
	short_is(db, "Ban Quản lý các khu công nghiệp tỉnh", "Ban");
	struct cchc_err err = { 0 };
	CHECK(settings_set(db, "report.number", "05/BC-SCT", &err) != CCHC_OK);
	CHECK(settings_set(db, "report.number", "{n}/BC-{n}", &err) != CCHC_OK);
	CHECK(settings_set(db, "report.number", "{n}/BC-BQL", &err) == CCHC_OK);
}

static void test_document(struct db *db)
{
	struct cchc_err err = { 0 };
	CHECK(settings_set(db, "report.to", "Sở Nội vụ tỉnh Lạng Sơn", &err) == CCHC_OK);
	CHECK(settings_set(db, "org.place", "Lạng Sơn", &err) == CCHC_OK);
	struct doc d;
	build(db, "2026-Q3", 5, &d);
	CHECK_STR(d.number, "05/BC-BQL");
	CHECK_INT(d.naddressees, 1);
	CHECK(d.naddressees == 1 && strcmp(d.addressees[0], "Sở Nội vụ tỉnh Lạng Sơn") == 0);
	CHECK(d.nrecipients > 1 && strcmp(d.recipients[0], "Như trên;") == 0);
	/* the default list's "Sở Nội vụ" is the addressee: "Như trên", not a
	 * second line; the last line ends in "." */
	for (int i = 1; i < d.nrecipients; i++)
		CHECK(strncmp(d.recipients[i], "Sở Nội vụ", strlen("Sở Nội vụ")) != 0);
	CHECK(d.nrecipients > 1 && d.recipients[d.nrecipients - 1][strlen(
		d.recipients[d.nrecipients - 1]) - 1] == '.');
	doc_free(&d);
	/* a list of the addressee alone: "Như trên." alone */
	CHECK(settings_set(db, "report.recipients", "Sở Nội vụ;", &err) == CCHC_OK);
	build(db, "2026-Q3", 5, &d);
	CHECK(d.nrecipients == 1 && strcmp(d.recipients[0], "Như trên.") == 0);
	doc_free(&d);
	CHECK(settings_set(db, "report.recipients", "UBND tỉnh (b/c)|Sở Nội vụ|Lãnh đạo Sở|Lưu: VT, VP.",
			   &err) == CCHC_OK);
	build(db, "2026-Q3", 5, &d);
	CHECK_INT(d.nrecipients, 4);
	CHECK(d.nrecipients == 4 && strcmp(d.recipients[1], "UBND tỉnh (b/c);") == 0 &&
	      strcmp(d.recipients[3], "Lưu: VT, VP.") == 0);
	/* the body, then the annex: its heading names this report */
	int annex = doc_annex_start(&d);
	CHECK(annex < d.nblocks);
	char *h = block_text(&d, annex);
	CHECK(strncmp(h, "PHỤ LỤC\n", 9) == 0);
	CHECK(strstr(h, "\n(Kèm theo Báo cáo số 05/BC-BQL ngày 16/9/2026 của Ban Quản lý các khu "
		     "công nghiệp tỉnh)") != NULL);
	free(h);
	int closing = find_para(&d, "Trên đây là báo cáo");
	CHECK(closing >= 0 && closing < annex);
	/* the agency speaks of itself by its short name; empty areas say so */
	CHECK(find_para(&d, "Trong kỳ, Ban không có nhiệm vụ nào thuộc lĩnh vực này.") >= 0);
	CHECK(find_para(&d, "Trong kỳ, Ban không có hồ sơ thủ tục hành chính") >= 0);
	CHECK(find_para(&d, "Sở đã") < 0);
	CHECK(find_para(&d, "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ QUÝ IV NĂM 2026") >= 0);
	CHECK(find_para(&d, "0/0 nhiệm vụ, đạt") < 0);
	/* Biểu II.06a by unit and by field, after the annex starts */
	int at = -1;
	const struct doc_table *t = find_table(&d, "Biểu 4a", &at);
	CHECK(t && at > annex);
	if (t) {
		CHECK_INT(t->ncols, 13);
		CHECK_INT(t->header_rows, 4);
		CHECK(t->landscape);
		CHECK_INT(t->nmerges, 15);
		CHECK_STR(t->cells[1], "Đơn vị");
		CHECK_STR(t->cells[2], "Tiếp nhận");
		CHECK_STR(t->cells[13 + 3], "Trong kỳ");
		CHECK_STR(t->cells[26 + 4], "Trực tiếp và dịch vụ bưu chính");
		CHECK_STR(t->cells[39], "(1)");
		CHECK_STR(t->cells[39 + 12], "(13)");
		CHECK(doc_table_merge_at(t, 2, 0) >= 0 && doc_table_merge_at(t, 0, 9) >= 0);
		CHECK(t->nnotes == 1 && strcmp(t->notes[0], "Kỳ báo cáo: từ ngày 15/06/2026 đến ngày "
					       "14/09/2026") == 0);
		CHECK_STR(t->unit_note, "Đơn vị tính: Số hồ sơ TTHC");
		CHECK_STR(t->cells[(t->nrows - 1) * 13 + 1], "Tổng cộng");
		CHECK_INT(t->row_attrs[t->nrows - 1], DOC_BOLD);
	}
	t = find_table(&d, "Biểu 4b", &at);
	CHECK(t && strcmp(t->cells[1], "Lĩnh vực") == 0);
	t = find_table(&d, "Biểu 1", &at);
	CHECK(t && strcmp(t->cells[(t->nrows - 1) * 6 + 4], "-") == 0);
	t = find_table(&d, "Biểu 5", &at);
	CHECK(t && t->date[2] && t->date[6]);
	doc_free(&d);
	/* a number not yet given: blanks, never "số /BC" */
	build(db, "2026", 0, &d);
	CHECK_STR(d.number, "      /BC-BQL");
	h = block_text(&d, doc_annex_start(&d));
	CHECK(strstr(h, "(Kèm theo Báo cáo số       /BC-BQL ngày 16/9/2026") != NULL);
	free(h);
	CHECK(find_para(&d, "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2027") >= 0);
	CHECK(find_para(&d, "So sánh với năm 2025:") >= 0);
	doc_free(&d);
	/* without Kính gửi, no "Như trên" */
	CHECK(settings_set(db, "report.to", "", &err) == CCHC_OK);
	build(db, "2026-9M", 0, &d);
	CHECK_INT(d.naddressees, 0);
	CHECK(d.nrecipients > 0 && strcmp(d.recipients[0], "Như trên;") != 0);
	CHECK(find_para(&d, "NHIỆM VỤ NHỮNG THÁNG CUỐI NĂM 2026") >= 0);
	doc_free(&d);
}

int main(void)
{
	if (!mkdtemp(tmpdir))
		return 99;
	setenv("CCHC_TODAY", "2026-11-24", 1);
	test_numbers();
	struct sbuf path = SBUF_INIT;
	sbuf_addf(&path, "%s/cchc.db", tmpdir);
	struct db db;
	struct cchc_err err = { 0 };
	CHECK(db_open(&db, path.s, &err) == CCHC_OK);
	test_short_name(&db);
	test_document(&db);
	db_close(&db);
	sbuf_free(&path);
	check_remove_dir(tmpdir);
	return check_report("test_report");
}
