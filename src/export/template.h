/* Document templates (data/templates/, one .txt each): plain text the clerk can edit,
 * turned into the body of a struct doc with {name} fields filled in.
 *
 *   # a comment
 *   name: Phiếu xin lỗi và hẹn lại ngày trả kết quả
 *   basis: Mẫu số 04, Thông tư số 01/2018/TT-VPCP
 *   from: 2018-01-01          (dossiers received from this day ...)
 *   until: 2025-06-30         (... to this day; either may be left out)
 *   type: PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ
 *   abstract: ...             (optional)
 *   recipient: Như trên;      (repeatable: the "Nơi nhận:" list)
 *   ---
 *   body
 *
 * In the body, blank lines separate paragraphs and the lines of a paragraph
 * are joined. A paragraph starting with "= " is centred and bold, with "> "
 * it has no first-line indent, otherwise it is justified body text. Inside
 * text, **bold** and *italic*; {name} is a field, {{ and }} are braces. */
#ifndef CCHC_TEMPLATE_H
#define CCHC_TEMPLATE_H
#include <stdbool.h>
#include "export/doc.h"

struct tmpl {
	char *name, *basis, *type, *abstract, *body;
	struct ymd from, until;  /* y == 0: open */
	char **recipients;
	int nrecipients;
	int body_line;           /* line of the file where the body starts */
};

int tmpl_parse(const char *text, const char *what, struct tmpl *t, struct cchc_err *err);
void tmpl_free(struct tmpl *t);
/* Whether day d falls in the template's [from, until]. */
bool tmpl_applies(const struct tmpl *t, struct ymd d);

/* Fields: a NULL-terminated list of name, value pairs. */
typedef const char *const tmpl_vars[];

/* Fills s's {name} fields; an unknown name is an error naming it and the
 * line (what, line) it is on. Malloc'd in *out. */
int tmpl_fill(const char *s, const char *const *vars, const char *what, int line, char **out,
	      struct cchc_err *err);
/* Appends the body's paragraphs to d and sets its type, abstract and
 * recipients, with the fields filled in. */
int tmpl_render(const struct tmpl *t, const char *const *vars, const char *what, struct doc *d,
		struct cchc_err *err);

#endif
