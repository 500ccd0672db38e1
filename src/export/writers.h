/* Internal to src/export: one renderer per format behind doc_render(), and
 * the small pieces of the document layout they share. */
#ifndef CCHC_WRITERS_H
#define CCHC_WRITERS_H
#include <stddef.h>
#include <stdint.h>
#include "export/doc.h"
#include "util/sbuf.h"

#define DOC_NATIONAL_TITLE "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
#define DOC_MOTTO "Độc lập - Tự do - Hạnh phúc"
#define DOC_RECIPIENTS_LABEL "Nơi nhận:"
#define DOC_ADDRESSEE_LABEL "Kính gửi:"

/* Each renders d into a malloc'd buffer (UTF-8 for the text formats). */
int doc_render_docx(const struct doc *d, char **out, size_t *len, struct cchc_err *err);
int doc_render_md(const struct doc *d, char **out, size_t *len, struct cchc_err *err);
int doc_render_html(const struct doc *d, char **out, size_t *len, struct cchc_err *err);
int doc_render_txt(const struct doc *d, char **out, size_t *len, struct cchc_err *err);
/* Writers straight to files, behind doc_write (encoding already checked:
 * xlsx is given UTF-8 or NULL only). */
int doc_write_xlsx(const struct doc *d, const char *path, const char *encoding, int flags,
		   struct cchc_err *err);
int doc_write_csv(const struct doc *d, const char *path, const char *encoding, int flags,
		  struct cchc_err *err);

/* Converts n bytes of UTF-8 to the encoding the clerk named (an alias
 * text_encoding_name() knows or an iconv name). *out is malloc'd or NULL,
 * on failure too: the caller frees it. */
int doc_encode_text(const char *buf, size_t n, const char *name, char **out, size_t *outlen,
		    struct cchc_err *err);
/* Refuses path when its folder does not exist (the message names both). */
int doc_check_folder(const char *path, struct cchc_err *err);

/* s, or "" for NULL: the struct fields are public and may be left NULL. */
const char *doc_str(const char *s);
/* Appends "Lạng Sơn, ngày 05 tháng 01 năm 2026" (the place may be empty). */
void doc_place_date(const struct doc *d, struct sbuf *b);
/* Appends "Số: 12/PXL", or "Số:" when the document has no number yet. */
void doc_number_line(const struct doc *d, struct sbuf *b);
/* Appends the text of all runs of p, without their attributes. */
void doc_para_text(const struct doc_para *p, struct sbuf *b);
bool doc_has_signer(const struct doc *d);
/* Appends addressee i without the marks it was given at its end, then
 * "." when it is the only or the last one, else ";" (Nghị định 30: a list
 * of "- X;" lines closed by "- Z."). */
void doc_addressee(const struct doc *d, int i, struct sbuf *b);
/* True for a header row that only numbers the columns: "(1)", "(2)"... or
 * "1", "2"... in every cell that is not empty. */
bool doc_row_numbers_columns(const struct doc_table *t, int r);
/* The one-line header of column c for the formats that cannot merge cells
 * (md, txt): the texts of its header rows joined by ": " ("Đã giải quyết:
 * Trước hạn"), a text spanning several rows or repeated by a merge taken
 * once, rows that number the columns left out. */
void doc_flat_header(const struct doc_table *t, int c, struct sbuf *b);
/* True for the characters a written document never carries: C0 controls
 * other than newline, DEL, C1 controls, U+FFFE, U+FFFF and the bidi
 * controls (text_cp_is_bidi_control). */
bool doc_cp_dropped(uint32_t cp);
/* Appends s escaped for XML or HTML (& < > "): characters XML 1.0 forbids
 * and other controls are dropped, a newline becomes the string newline, a
 * tab is kept when keep_tab. Invalid UTF-8 becomes U+FFFD. */
void doc_escape_markup(struct sbuf *b, const char *s, const char *newline, bool keep_tab);

/* Columns of the widest line of s, or of its longest word (between
 * spaces and newlines) when words_only. */
int doc_text_columns(const char *s, bool words_only);
/* Relative width of each column of t (the declared width, else one from
 * its content), at least 1. */
void doc_table_weights(const struct doc_table *t, int *w);
/* Scales the n weights in want so that they add up to total exactly (each
 * at least 1 when total allows). */
void doc_scale_widths(const int *want, int n, int total, int *out);

#endif
