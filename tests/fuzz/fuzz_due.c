/* Fuzz target: due_parse, the deadlines plans write ("trước 30/11/2026",
 * "Quý III/2026", "hằng quý", ...), with the plan's year 2026 and a far one.
 * An accepted one-off deadline is a real day; its occurrences are real days
 * within bounds; the error message, which quotes the text, is not cut inside
 * a letter. */
#include <config.h>
#include "core/due.h"
#include "fuzz.h"
#include "text/utf8.h"

static void check(const char *s, int year)
{
	struct due d;
	struct cchc_err err;
	if (due_parse(s, year, &d, &err) != CCHC_OK) {
		/* the message quotes the text: valid UTF-8 in, valid UTF-8 out */
		FUZZ_CHECK(!utf8_valid(s, strlen(s), NULL) ||
			   utf8_valid(err.msg, strlen(err.msg), NULL));
		return;
	}
	FUZZ_CHECK(d.kind >= DUE_NONE && d.kind <= DUE_ONGOING);
	FUZZ_CHECK(due_kind_name(d.kind) != NULL);
	struct ymd occ[13];
	int n = due_occurrences(&d, year, occ, 12);
	FUZZ_CHECK(n >= 0 && n <= 12);
	for (int i = 0; i < n; i++)
		FUZZ_CHECK(date_valid(occ[i].y, occ[i].m, occ[i].d));
	if (d.kind == DUE_RECURRING)
		FUZZ_CHECK(d.every == 'm' || d.every == 'q' || d.every == 'y');
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = fuzz_cstr(data, size);
	check(s, 2026);
	check(s, 2999);
	free(s);
	return 0;
}
