/* The fuzz targets (tests/fuzz/fuzz_*.c): each defines LLVMFuzzerTestOneInput,
 * which libFuzzer drives in a --enable-fuzzing build and replay.c's main
 * drives over the corpus in every other build (make check). A target must
 * accept any bytes, free all it allocates and abort() when a property it
 * checks does not hold, so that a crash, a leak or a broken invariant is a
 * finding. */
#ifndef CCHC_FUZZ_H
#define CCHC_FUZZ_H
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A malloc'd NUL-terminated copy of the input (which may hold NULs: the
 * text then ends at the first one, as with a C string from a file). */
static inline char *fuzz_cstr(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	if (!s)
		abort();
	if (size)
		memcpy(s, data, size);
	s[size] = '\0';
	return s;
}

/* Stops the run when a property the target checks does not hold. */
#define FUZZ_CHECK(cond) do { if (!(cond)) abort(); } while (0)

#endif
