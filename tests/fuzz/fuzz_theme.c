/* Fuzz target: the theme parser (INI, themes/template.theme), over the
 * parse-from-text entry point theme_parse. Problems become warnings, never a
 * failure; every element set is a colour in range or an alias to a real
 * element. */
#include <config.h>
#include "fuzz.h"
#include "ui/theme.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = fuzz_cstr(data, size);
	struct theme t;
	struct sbuf warnings = SBUF_INIT;
	memset(&t, 0, sizeof t);
	t.colors = 8;
	theme_parse(&t, text, "fuzz.theme", &warnings);
	FUZZ_CHECK(t.colors == 8 || t.colors == 256);
	FUZZ_CHECK(memchr(t.name, '\0', sizeof t.name) != NULL);
	for (int e = 0; e < EL_COUNT; e++) {
		const struct theme_spec *sp = &t.el[e];
		if (!sp->set)
			continue;
		FUZZ_CHECK(sp->fg >= -1 && sp->fg <= 255 && sp->bg >= -1 && sp->bg <= 255);
		if (sp->alias[0]) {
			int found = 0;
			for (int k = 0; k < EL_COUNT; k++)
				found |= strcmp(elem_name((enum elem)k), sp->alias) == 0;
			FUZZ_CHECK(found);
		}
	}
	sbuf_free(&warnings);
	free(text);
	return 0;
}
