/* The multi-line editor (src/ui/textedit.c) without a screen: wrapping at
 * spaces and inside a word wider than the box, wide letters, Up/Down
 * keeping the column across wrapped rows, Enter, Backspace and Delete
 * joining lines, Home/End and C-k on one line, NFD input composed, and the
 * text from the database cleaned (controls, "\r\n"). */
#include <config.h>
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "text/utf8.h"
#include "ui/keymap.h"
#include "ui/textedit.h"

#define UP KEY_FN(KEY_UP)
#define DOWN KEY_FN(KEY_DOWN)
#define LEFT KEY_FN(KEY_LEFT)
#define RIGHT KEY_FN(KEY_RIGHT)
#define HOME KEY_FN(KEY_HOME)
#define END KEY_FN(KEY_END)
#define ENTER KEY_FN(KEY_ENTER)
#define BS KEY_FN(KEY_BACKSPACE)
#define DEL KEY_FN(KEY_DC)

static void type(struct textedit *e, const char *s)
{
	for (size_t i = 0; s[i];) {
		uint32_t cp;
		size_t n = utf8_decode(s + i, strlen(s + i), &cp);
		textedit_key(e, s[i] == '\n' ? ENTER : (int)cp);
		i += n;
	}
}

/* Row k of the layout as a string. */
static char *row(const struct textedit *e, int k)
{
	const struct textedit_row *r = &e->rows[k];
	return xstrndup(textedit_text(e) + r->off, r->end - r->off);
}

#define CHECK_ROW(e, k, want) do { \
	char *r_ = row(e, k); \
	CHECK_STR(r_, want); \
	free(r_); \
} while (0)

static void check_cursor(struct textedit *e, int want_row, int want_col, int line)
{
	int r, c;
	textedit_cursor(e, &r, &c);
	if (r != want_row || c != want_col)
		fprintf(stderr, "line %d: cursor at %d:%d, want %d:%d\n", line, r, c, want_row,
			want_col);
	CHECK(r == want_row && c == want_col);
}
#define CURSOR(e, r, c) check_cursor(e, r, c, __LINE__)

static void test_wrap(void)
{
	struct textedit e;
	textedit_init(&e, "Sở đã ban hành kế hoạch cải cách");
	textedit_resize(&e, 12, 5);
	/* rows of at most 11 columns, broken after a space */
	CHECK_INT(e.nrows, 4);
	CHECK_ROW(&e, 0, "Sở đã ban ");
	CHECK_ROW(&e, 1, "hành kế ");
	CHECK_ROW(&e, 2, "hoạch cải ");
	CHECK_ROW(&e, 3, "cách");
	CHECK(e.rows[3].last && !e.rows[0].last);
	/* a word wider than the box is cut between letters */
	textedit_free(&e);
	textedit_init(&e, "ngườingườingười");
	textedit_resize(&e, 6, 5);
	CHECK_INT(e.nrows, 3);
	CHECK_ROW(&e, 0, "người");
	CHECK_ROW(&e, 2, "người");
	textedit_free(&e);
	/* wide letters take two columns */
	textedit_init(&e, "漢字漢字漢字");
	textedit_resize(&e, 6, 5);
	CHECK_ROW(&e, 0, "漢字");
	CHECK_INT(e.nrows, 3);
	textedit_free(&e);
}

static void test_vertical(void)
{
	struct textedit e;
	textedit_init(&e, "một hai ba bốn năm\nsáu");
	textedit_resize(&e, 10, 5);
	/* "một hai " / "ba bốn " / "năm" / "sáu" */
	CHECK_INT(e.nrows, 4);
	CURSOR(&e, 0, 0);
	textedit_key(&e, RIGHT);
	textedit_key(&e, RIGHT);
	textedit_key(&e, RIGHT);
	textedit_key(&e, RIGHT);
	textedit_key(&e, RIGHT);
	CURSOR(&e, 0, 5);
	CHECK_INT(textedit_key(&e, DOWN), LE_MOVED);
	CURSOR(&e, 1, 5);
	/* "năm" is shorter: the end, the column remembered for the next row */
	textedit_key(&e, DOWN);
	CURSOR(&e, 2, 3);
	textedit_key(&e, UP);
	CURSOR(&e, 1, 5);
	textedit_key(&e, DOWN);
	textedit_key(&e, DOWN);
	CURSOR(&e, 3, 3);
	CHECK_INT(textedit_key(&e, DOWN), LE_NONE);
	/* Home and End stay on the line, not the row */
	textedit_key(&e, UP);
	textedit_key(&e, HOME);
	CURSOR(&e, 0, 0);
	textedit_key(&e, END);
	CURSOR(&e, 2, 3);
	textedit_free(&e);
}

static void test_edit(void)
{
	struct textedit e;
	textedit_init(&e, NULL);
	CHECK(!e.changed);
	/* "lỗi" typed decomposed becomes one composed letter */
	type(&e, "Không lo\xcc\x82\xcc\x83i\nhai");
	CHECK_STR(textedit_text(&e), "Không lỗi\nhai");
	CHECK(e.changed);
	CURSOR(&e, 1, 3);
	/* Backspace at a line's start joins it to the line before */
	textedit_key(&e, HOME);
	textedit_key(&e, BS);
	CHECK_STR(textedit_text(&e), "Không lỗihai");
	/* one Backspace removes ỗ with its marks */
	textedit_key(&e, LEFT);
	textedit_key(&e, BS);
	CHECK_STR(textedit_text(&e), "Không lihai");
	textedit_key(&e, ENTER);
	textedit_key(&e, ENTER);
	CHECK_STR(textedit_text(&e), "Không l\n\nihai");
	CURSOR(&e, 2, 0);
	/* Delete at an empty line's end joins the next one */
	textedit_key(&e, UP);
	textedit_key(&e, DEL);
	CHECK_STR(textedit_text(&e), "Không l\nihai");
	/* C-k: the rest of the line, then at its end the line break */
	textedit_key(&e, UP);
	textedit_key(&e, HOME);
	textedit_key(&e, RIGHT);
	textedit_key(&e, 11);
	CHECK_STR(textedit_text(&e), "K\nihai");
	textedit_key(&e, 11);
	CHECK_STR(textedit_text(&e), "Kihai");
	/* C-u: the line before the cursor, C-w: the word before it */
	type(&e, " một hai");
	textedit_key(&e, 23);
	CHECK_STR(textedit_text(&e), "K một ihai");
	textedit_key(&e, 21);
	CHECK_STR(textedit_text(&e), "ihai");
	textedit_free(&e);
}

static void test_clean(void)
{
	struct textedit e;
	textedit_init(&e, "a\r\nb\x1b[31mc\rd\te");
	CHECK_STR(textedit_text(&e), "a\nb\xef\xbf\xbd[31mc\nd e");
	CHECK_INT(e.nrows, 3);
	CHECK(!e.changed);
	textedit_free(&e);
	/* a text ending with a line break has an empty last row */
	textedit_init(&e, "x\n");
	CHECK_INT(e.nrows, 2);
	textedit_key(&e, DOWN);
	CURSOR(&e, 1, 0);
	textedit_free(&e);
}

int main(void)
{
	test_wrap();
	test_vertical();
	test_edit();
	test_clean();
	return check_report("test_textedit");
}
