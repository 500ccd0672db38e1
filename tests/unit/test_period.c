/* Report periods and their cut-offs (DOMAIN.md §8), and letter templates. */
#include <config.h>
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "core/period.h"
#include "export/template.h"

static void check_period(const char *spec, int cutoff, const char *from, const char *to,
			 const char *label)
{
	struct period p;
	struct cchc_err err = { 0 };
	char f[11] = "", t[11] = "";
	int rc = period_parse(spec, cutoff, &p, &err);
	if (rc == CCHC_OK)
		period_iso(&p, f, t);
	check_count++;
	if (rc || strcmp(f, from) || strcmp(t, to) || strcmp(p.label, label)) {
		check_failures++;
		fprintf(stderr, "period %s (cut-off %d): %s..%s \"%s\" (%s), want %s..%s \"%s\"\n",
			spec, cutoff, f, t, rc ? "" : p.label, err.msg, from, to, label);
	}
}

static void check_bad(const char *spec)
{
	struct period p;
	struct cchc_err err = { 0 };
	CHECK(period_parse(spec, 15, &p, &err) == CCHC_EINPUT && strstr(err.msg, "Kỳ"));
}

static void test_periods(void)
{
	/* The reporting guidance's cut-offs, Q1 across the year boundary. */
	check_period("2026-Q1", 15, "2025-12-15", "2026-03-14", "quý I năm 2026");
	check_period("2026-H1", 15, "2025-12-15", "2026-06-14", "6 tháng đầu năm 2026");
	check_period("2026-Q3", 15, "2026-06-15", "2026-09-14", "quý III năm 2026");
	check_period("2026-9M", 15, "2025-12-15", "2026-09-14", "9 tháng năm 2026");
	check_period("2026", 15, "2025-12-15", "2026-12-14", "năm 2026");
	check_period("2026-Q2", 15, "2026-03-15", "2026-06-14", "quý II năm 2026");
	check_period("2026-Q4", 15, "2026-09-15", "2026-12-14", "quý IV năm 2026");
	check_period("2025-q1", 15, "2024-12-15", "2025-03-14", "quý I năm 2025");
	check_period("2026-6T", 15, "2025-12-15", "2026-06-14", "6 tháng đầu năm 2026");
	check_period("2026-9t", 15, "2025-12-15", "2026-09-14", "9 tháng năm 2026");
	/* Calendar periods with cut-off 1, a leap February, and another cut-off. */
	check_period("2024-Q1", 1, "2024-01-01", "2024-03-31", "quý I năm 2024");
	check_period("2026-Q4", 1, "2026-10-01", "2026-12-31", "quý IV năm 2026");
	check_period("2026", 1, "2026-01-01", "2026-12-31", "năm 2026");
	check_period("2026-Q1", 20, "2025-12-20", "2026-03-19", "quý I năm 2026");
	/* Custom ranges in both date forms. */
	check_period("2026-01-01..2026-03-31", 15, "2026-01-01", "2026-03-31",
		     "từ 01/01/2026 đến 31/03/2026");
	check_period("5/1/2026..20/2/2026", 15, "2026-01-05", "2026-02-20",
		     "từ 05/01/2026 đến 20/02/2026");
	/* the first year whose periods lie in the dates the program knows */
	check_bad("1900");
	check_bad("1900-Q1");
	check_period("1901", 15, "1900-12-15", "1901-12-14", "năm 1901");
	check_bad("2026-Q5");
	check_bad("2026Q1");
	check_bad("26-Q1");
	check_bad("2026-03-31..2026-01-01");
	check_bad("2026-02-30..2026-03-01");
	check_bad("quý 1");
	check_bad("");
}

static void test_containing(void)
{
	struct period p;
	struct ymd d = { 2025, 12, 20 };
	period_containing(d, PERIOD_Q1, 15, &p);
	CHECK_STR(p.code, "2026-Q1");
	d = (struct ymd){ 2026, 3, 14 };
	period_containing(d, PERIOD_Q1, 15, &p);
	CHECK_STR(p.code, "2026-Q1");
	d = (struct ymd){ 2026, 11, 24 };
	period_containing(d, PERIOD_YEAR, 15, &p);
	CHECK_STR(p.code, "2026");
	d = (struct ymd){ 2026, 12, 20 };
	period_containing(d, PERIOD_YEAR, 15, &p);
	CHECK_STR(p.code, "2027");
	/* After 9 tháng's cut-off the next 9-month period is next year's. */
	d = (struct ymd){ 2026, 10, 1 };
	period_containing(d, PERIOD_9M, 15, &p);
	CHECK_STR(p.code, "2027-9M");
}

static const char TEMPLATE[] =
	"# comment\n"
	"name: Thử\n"
	"from: 2025-07-01\n"
	"type: PHIẾU {kind}\n"
	"recipient: Như trên;\n"
	"recipient: Lưu: VT, {unit}.\n"
	"---\n"
	"> Kính gửi: **{who}**\n"
	"\n"
	"Dòng một\n"
	"dòng hai {who} {{x}}.\n";

static void test_template(void)
{
	struct tmpl t;
	struct cchc_err err = { 0 };
	CHECK(tmpl_parse(TEMPLATE, "mẫu", &t, &err) == CCHC_OK);
	CHECK(tmpl_applies(&t, (struct ymd){ 2025, 7, 1 }));
	CHECK(!tmpl_applies(&t, (struct ymd){ 2025, 6, 30 }));
	struct doc d;
	doc_init(&d);
	const char *vars[] = { "kind", "XIN LỖI", "unit", "VP", "who", "Ông *A*", NULL, NULL };
	CHECK(tmpl_render(&t, vars, "mẫu", &d, &err) == CCHC_OK);
	CHECK_STR(d.type, "PHIẾU XIN LỖI");
	CHECK_INT(d.nrecipients, 2);
	CHECK_STR(d.recipients[1], "Lưu: VT, VP.");
	CHECK_INT(d.nblocks, 2);
	/* markup comes from the template, not from the data: "*A*" stays */
	CHECK_INT(d.blocks[0].para.nruns, 2);
	CHECK_STR(d.blocks[0].para.runs[1].text, "Ông *A*");
	CHECK_INT(d.blocks[0].para.runs[1].attrs, DOC_BOLD);
	CHECK_INT(d.blocks[0].para.style, DOC_PLAIN);
	CHECK_STR(d.blocks[1].para.runs[0].text, "Dòng một dòng hai Ông *A* {x}.");
	CHECK_INT(d.blocks[1].para.style, DOC_BODY);
	doc_free(&d);
	/* an unknown field names itself and its line */
	const char *few[] = { "kind", "", "unit", "", NULL, NULL };
	doc_init(&d);
	CHECK(tmpl_render(&t, few, "mẫu", &d, &err) == CCHC_EINPUT);
	CHECK(strstr(err.msg, "{who}") && strstr(err.msg, "dòng 8"));
	doc_free(&d);
	tmpl_free(&t);
	CHECK(tmpl_parse("type: X\nbody\n", "mẫu", &t, &err) == CCHC_EINPUT);
	CHECK(tmpl_parse("name: X\n---\nbody\n", "mẫu", &t, &err) == CCHC_EINPUT);
	CHECK(tmpl_parse("colour: red\ntype: X\n---\n", "mẫu", &t, &err) == CCHC_EINPUT &&
	      strstr(err.msg, "colour"));
}

/* "addressee:" lines become the document's "Kính gửi" (not a body
 * paragraph); one whose fields are all empty is left out; a field unknown
 * in a head line names that line. */
static void test_template_head(void)
{
	static const char text[] = "type: VĂN BẢN\n"
				   "addressee: {who}\n"
				   "addressee: {nobody}\n"
				   "recipient: Lưu: VT, {unit}.\n"
				   "---\n"
				   "> Địa chỉ: {address}\n";
	struct tmpl t;
	struct cchc_err err = { 0 };
	CHECK(tmpl_parse(text, "mẫu", &t, &err) == CCHC_OK);
	struct doc d;
	doc_init(&d);
	const char *vars[] = { "who", "Bà Nguyễn Thị Hoa", "nobody", "", "unit", "", "address", "",
			       NULL, NULL };
	CHECK(tmpl_render(&t, vars, "mẫu", &d, &err) == CCHC_OK);
	CHECK_INT(d.naddressees, 1);
	CHECK_STR(d.addressees[0], "Bà Nguyễn Thị Hoa");
	CHECK_INT(d.nrecipients, 1);
	CHECK_STR(d.recipients[0], "Lưu: VT, .");
	CHECK_INT(d.nblocks, 0);
	doc_free(&d);
	const char *few[] = { "who", "x", "nobody", "", "address", "", NULL, NULL };
	doc_init(&d);
	CHECK(tmpl_render(&t, few, "mẫu", &d, &err) == CCHC_EINPUT);
	CHECK(strstr(err.msg, "mẫu dòng 4") && strstr(err.msg, "{unit}"));
	doc_free(&d);
	tmpl_free(&t);
}

int main(void)
{
	test_periods();
	test_containing();
	test_template();
	test_template_head();
	return check_report("test_period");
}
