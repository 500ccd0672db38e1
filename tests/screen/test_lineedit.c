/* The line editor (src/ui/lineedit.c) without a screen: NFD input composed
 * to NFC, moving and deleting by letter (a base letter with combining marks
 * that have no composed form is still one step), C-w, C-u, C-k, Delete, a
 * paste of many keys, the length limit, and the horizontal scroll offset. */
#include <config.h>
#include <stdlib.h>
#include <string.h>
#include "../unit/check.h"
#include "ui/lineedit.h"
#include "ui/keymap.h"
#include "text/utf8.h"

#define LEFT KEY_FN(KEY_LEFT)
#define RIGHT KEY_FN(KEY_RIGHT)
#define BS KEY_FN(KEY_BACKSPACE)
#define DEL KEY_FN(KEY_DC)

static void type(struct lineedit *e, const char *s)
{
	for (size_t i = 0; s[i];) {
		uint32_t cp;
		size_t n = utf8_decode(s + i, strlen(s + i), &cp);
		lineedit_key(e, (int)cp);
		i += n;
	}
}

static void test_nfd(void)
{
	struct lineedit e;
	lineedit_init(&e, NULL);
	/* "lỗi" typed as l, o, U+0302 (circumflex), U+0303 (tilde), i */
	type(&e, "lo\xcc\x82\xcc\x83i");
	CHECK_STR(lineedit_text(&e), "lỗi");
	CHECK_INT(e.cur, strlen("lỗi"));
	/* one Left passes i, the next passes the whole ỗ */
	CHECK_INT(lineedit_key(&e, LEFT), LE_MOVED);
	CHECK_INT(lineedit_key(&e, LEFT), LE_MOVED);
	CHECK_INT(e.cur, 1);
	lineedit_key(&e, 'X');
	CHECK_STR(lineedit_text(&e), "lXỗi");
	/* Delete removes ỗ whole, Backspace the X */
	CHECK_INT(lineedit_key(&e, DEL), LE_CHANGED);
	CHECK_STR(lineedit_text(&e), "lXi");
	lineedit_key(&e, BS);
	CHECK_STR(lineedit_text(&e), "li");
	lineedit_free(&e);
}

static void test_no_composed_form(void)
{
	struct lineedit e;
	/* m + grave and q + dot below have no composed form: they stay NFD
	 * but are still one letter each */
	lineedit_init(&e, "am\xcc\x80q\xcc\xa3");
	lineedit_key(&e, LEFT);
	CHECK_INT(e.cur, 4);
	lineedit_key(&e, LEFT);
	CHECK_INT(e.cur, 1);
	lineedit_key(&e, BS);
	CHECK_STR(lineedit_text(&e), "m\xcc\x80q\xcc\xa3");
	lineedit_key(&e, KEY_FN(KEY_END));
	lineedit_key(&e, BS);
	CHECK_STR(lineedit_text(&e), "m\xcc\x80");
	/* a mark typed after the cursor's letter joins it */
	lineedit_set(&e, "ca");
	lineedit_key(&e, 0x301);
	CHECK_STR(lineedit_text(&e), "cá");
	CHECK_INT(e.cur, strlen("cá"));
	lineedit_free(&e);
}

static void test_words(void)
{
	struct lineedit e;
	lineedit_init(&e, "thủ tục  hành chính");
	CHECK_INT(lineedit_key(&e, 23 /* C-w */), LE_CHANGED);
	CHECK_STR(lineedit_text(&e), "thủ tục  hành ");
	lineedit_key(&e, 23);
	CHECK_STR(lineedit_text(&e), "thủ tục  ");
	lineedit_key(&e, 1 /* C-a */);
	CHECK_INT(e.cur, 0);
	CHECK_INT(lineedit_key(&e, LEFT), LE_NONE);
	CHECK_INT(lineedit_key(&e, BS), LE_NONE);
	lineedit_key(&e, RIGHT);
	lineedit_key(&e, RIGHT);
	lineedit_key(&e, 11 /* C-k */);
	CHECK_STR(lineedit_text(&e), "th");
	lineedit_key(&e, LEFT);
	lineedit_key(&e, 21 /* C-u */);
	CHECK_STR(lineedit_text(&e), "h");
	CHECK_INT(e.cur, 0);
	/* keys that are not editing keys are left to the caller */
	CHECK_INT(lineedit_key(&e, KEY_FN(KEY_UP)), LE_IGNORED);
	CHECK_INT(lineedit_key(&e, 9 /* Tab */), LE_IGNORED);
	CHECK_INT(lineedit_key(&e, 27 /* Esc */), LE_IGNORED);
	lineedit_free(&e);
}

static void test_paste_and_limit(void)
{
	struct lineedit e;
	lineedit_init(&e, NULL);
	type(&e, "Nguye\xcc\x82\xcc\x83n Văn Đức");
	CHECK_STR(lineedit_text(&e), "Nguyễn Văn Đức");
	for (int i = 0; i < LINEEDIT_MAX; i++)
		lineedit_key(&e, 0x1ec5 /* ễ, 3 bytes */);
	CHECK(e.text.len <= LINEEDIT_MAX);
	CHECK(e.text.len > LINEEDIT_MAX - 3);
	lineedit_free(&e);
}

int main(void)
{
	test_nfd();
	test_no_composed_form();
	test_words();
	test_paste_and_limit();
	return check_report("test_lineedit");
}
