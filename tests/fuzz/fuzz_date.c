/* Fuzz target: the date parsers — date_parse_iso and date_parse_dmy
 * (src/text/date.h), dossier_date_parse (a dossier export's date cells, with
 * times and Excel serials) and period_parse (report periods typed by the
 * clerk) with the usual cut-off day and with calendar periods. A date
 * accepted must exist and print back as the same date; a period must have
 * from <= to and printable code and label. */
#include <config.h>
#include "core/period.h"
#include "fuzz.h"
#include "import/dossier_parse.h"
#include "text/date.h"
#include "text/utf8.h"

static int ymd_cmp(struct ymd a, struct ymd b)
{
	return a.y != b.y ? a.y - b.y : a.m != b.m ? a.m - b.m : a.d - b.d;
}

static void check_day(struct ymd d)
{
	char iso[11], vn[11];
	struct ymd back;
	FUZZ_CHECK(date_valid(d.y, d.m, d.d));
	date_format_iso(d, iso);
	date_format_vn(d, vn);
	FUZZ_CHECK(date_parse_iso(iso, &back) && ymd_cmp(back, d) == 0);
	FUZZ_CHECK(date_parse_dmy(vn, &back) && ymd_cmp(back, d) == 0);
}

static void check_period(const char *s, int cutoff)
{
	struct period p;
	struct cchc_err err;
	if (period_parse(s, cutoff, &p, &err) != CCHC_OK) {
		/* the message quotes the text: valid UTF-8 in, valid UTF-8 out */
		FUZZ_CHECK(!utf8_valid(s, strlen(s), NULL) ||
			   utf8_valid(err.msg, strlen(err.msg), NULL));
		return;
	}
	check_day(p.from);
	check_day(p.to);
	FUZZ_CHECK(ymd_cmp(p.from, p.to) <= 0);
	FUZZ_CHECK(p.code[0] && utf8_valid(p.label, strlen(p.label), NULL));
	char from[11], to[11];
	period_iso(&p, from, to);
	struct period again;
	FUZZ_CHECK(period_parse(p.code, cutoff, &again, &err) == CCHC_OK);
	FUZZ_CHECK(ymd_cmp(again.from, p.from) == 0 && ymd_cmp(again.to, p.to) == 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = fuzz_cstr(data, size);
	struct ymd d;
	char time[6];
	if (date_parse_iso(s, &d))
		check_day(d);
	if (date_parse_dmy(s, &d))
		check_day(d);
	if (dossier_date_parse(s, &d, time)) {
		check_day(d);
		FUZZ_CHECK(strlen(time) == 0 || (strlen(time) == 5 && time[2] == ':'));
	}
	check_period(s, 15);
	check_period(s, 1);
	free(s);
	return 0;
}
