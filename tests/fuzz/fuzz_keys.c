/* Fuzz target: the keys file parser (data/keys.default, ~/.config/cchc/keys)
 * through keymap_load, which reads text. Then the bindings made are looked
 * up and listed as the status bar and help do, and every key bound prints
 * to a name that reads back as the same key. */
#include <config.h>
#include <stdio.h>
#include "fuzz.h"
#include "ui/keymap.h"

static const char *const scopes[] = {
#define VIEW(id) #id,
#include "ui/views.def"
#undef VIEW
	NULL
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = fuzz_cstr(data, size);
	struct keymap km = { 0 };
	struct sbuf errors = SBUF_INIT, names = SBUF_INIT;
	int bad = keymap_load(&km, text, "fuzz.keys", scopes, &errors);
	FUZZ_CHECK(bad >= 0 && (bad == 0) == (errors.len == 0));
	for (int i = 0; i < km.n; i++) {
		const struct binding *b = &km.v[i];
		char name[64], label[64];
		int key;
		key_format(b->key, name, sizeof name);
		FUZZ_CHECK(key_parse(name, &key) == 0 && key == b->key);
		key_label_of(b->key, label, sizeof label);
		FUZZ_CHECK(keymap_lookup(&km, b->scope, b->key) == b->act);
		keymap_keys_for(&km, b->scope, b->act, " ", 4, true, &names);
		keymap_keys_for(&km, b->scope, b->act, ", ", 8, false, &names);
	}
	keymap_free(&km);
	sbuf_free(&errors);
	sbuf_free(&names);
	free(text);
	return 0;
}
