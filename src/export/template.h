/* Document templates (data/templates/, one .txt each): plain text the clerk can edit,
 * turned into the body of a struct doc with {name} fields filled in.
 *
 *   # a comment
 *   name: Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết
 *   basis: Mẫu số 04, Thông tư số 03/2025/TT-VPCP
 *   from: 2025-09-15          (optional: the days the template serves, for a
 *   until: 2026-12-31          caller that chooses by date; letters do not)
 *   type: VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT
 *   abstract: ...             (optional)
 *   addressee: {addressee}    (repeatable: the "Kính gửi:" line(s))
 *   recipient: Như trên;      (repeatable: the "Nơi nhận:" list)
 *   ---
 *   body
 *
 * In the body, blank lines separate paragraphs and the lines of a paragraph
 * are joined. A paragraph starting with "= " is centred and bold, with "> "
 * it has no first-line indent, otherwise it is justified body text. Inside
 * text, **bold** and *italic*; {name} is a field, {{ and }} are braces. A
 * paragraph (or addressee, recipient line) whose fields are all empty is
 * left out. */
#ifndef CCHC_TEMPLATE_H
#define CCHC_TEMPLATE_H
#include <stdbool.h>
#include "export/doc.h"

struct tmpl {
	char *name, *basis, *type, *abstract, *body;
	struct ymd from, until;  /* y == 0: open */
	char **recipients, **addressees;
	int nrecipients, naddressees;
	/* Lines of the file, for messages: where the body starts; the type,
	 * abstract, each recipient and addressee line. */
	int body_line, type_line, abstract_line;
	int *recipient_lines, *addressee_lines;
};

/* Parses a template; what names it in messages ("~/.config/cchc/templates/
 * letter-2025.txt dòng 12: ..."). */
int tmpl_parse(const char *text, const char *what, struct tmpl *t, struct cchc_err *err);
void tmpl_free(struct tmpl *t);
/* Whether day d falls in the template's [from, until] (an open end is no
 * bound). */
bool tmpl_applies(const struct tmpl *t, struct ymd d);

/* Fields: a NULL-terminated list of name, value pairs. */
typedef const char *const tmpl_vars[];

/* Fills s's {name} fields; an unknown name is an error naming it and the
 * line (what, line) it is on. Malloc'd in *out. */
int tmpl_fill(const char *s, const char *const *vars, const char *what, int line, char **out,
	      struct cchc_err *err);
/* Appends the body's paragraphs to d and sets its type, abstract,
 * addressees and recipients, with the fields filled in. */
int tmpl_render(const struct tmpl *t, const char *const *vars, const char *what, struct doc *d,
		struct cchc_err *err);

#endif
