/* Fuzz target: due_parse, the deadlines plans write ("trước 30/11/2026",
 * "Quý III/2026", "hằng quý", ...), with the plan's year 2026 and a far one.
 * Nothing is refused; an understood one-off deadline is a real day; its
 * occurrences are real days within bounds; the explanation of a deadline
 * not understood, which quotes the text, is not cut inside a letter. */
#include <config.h>
#include "core/due.h"
#include "fuzz.h"
#include "text/utf8.h"

static void check(const char *s, int year)
{
	struct due d;
	struct cchc_err err;
	FUZZ_CHECK(due_parse(s, year, &d, &err) == CCHC_OK);
	FUZZ_CHECK(d.kind >= DUE_NONE && d.kind <= DUE_UNKNOWN);
	/* why quotes the text: valid UTF-8 in, valid UTF-8 out */
	FUZZ_CHECK((d.kind == DUE_UNKNOWN) == (d.why[0] != 0));
	FUZZ_CHECK(!utf8_valid(s, strlen(s), NULL) || utf8_valid(d.why, strlen(d.why), NULL));
	FUZZ_CHECK(due_kind_name(d.kind) != NULL);
	struct ymd occ[13];
	int n = due_occurrences(&d, year, occ, 12);
	FUZZ_CHECK(n >= 0 && n <= 12);
	for (int i = 0; i < n; i++)
		FUZZ_CHECK(date_valid(occ[i].y, occ[i].m, occ[i].d));
	if (d.kind == DUE_RECURRING)
		FUZZ_CHECK(d.every == 'm' || d.every == 'q' || d.every == 'h' || d.every == 'y');
	else
		FUZZ_CHECK(n <= 1);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = fuzz_cstr(data, size);
	check(s, 2026);
	check(s, 2999);
	free(s);
	return 0;
}
