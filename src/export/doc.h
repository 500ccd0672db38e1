/* An official document (Nghị định 30/2020/NĐ-CP layout) as a plain model:
 * the two-block header, the type and abstract, a body of headings,
 * paragraphs and tables, "Nơi nhận:" and the signer block. Letters and
 * reports build one of these; one writer per format turns it into a file
 * (docx, md, html, txt; xlsx and csv carry its tables only). The model owns
 * copies of every string it is given. */
#ifndef CCHC_DOC_H
#define CCHC_DOC_H
#include <stdbool.h>
#include "text/date.h"
#include "util/err.h"
#include "util/fsutil.h"

struct sbuf;

enum doc_align { DOC_JUSTIFY = 0, DOC_LEFT, DOC_CENTER, DOC_RIGHT };

/* Paragraph styles. BODY is justified with a first-line indent; PLAIN has no
 * indent (lines such as "Kính gửi: ..."); HEADING1..3 are the numbered
 * headings of a report ("I. ...", "1. ...", "1.1. ..."), the number being
 * part of the text. */
enum doc_style { DOC_BODY = 0, DOC_PLAIN, DOC_HEADING1, DOC_HEADING2, DOC_HEADING3 };

enum { DOC_BOLD = 1, DOC_ITALIC = 2, DOC_UNDERLINE = 4 };

struct doc_run {
	char *text;
	int attrs;               /* DOC_BOLD | DOC_ITALIC | DOC_UNDERLINE */
};

struct doc_para {
	enum doc_style style;
	enum doc_align align;
	struct doc_run *runs;
	int nruns;
};

/* A cell that spans rows x cols of the grid from (row, col): the cells it
 * covers stay in the grid, their text ignored. Writers draw it as one cell
 * (docx gridSpan/vMerge, html rowspan/colspan, xlsx a merged range); md and
 * txt, which cannot, join a group header to each column under it. */
struct doc_merge {
	int row, col, rows, cols;
};

struct doc_table {
	char *title;             /* shown above the table (may be "") */
	char *sheet;             /* short name ("Biểu 4"): the xlsx sheet, the csv file; "" = from title */
	char **notes;            /* lines between the title and the table, centred
				  * ("Kỳ báo cáo: từ ngày 15/6/2026 đến ngày 14/9/2026") */
	int nnotes;
	char *unit_note;         /* "Đơn vị tính: Số hồ sơ TTHC", right-aligned above the table; may be "" */
	int ncols, nrows, header_rows; /* the first header_rows rows are headers, repeated on each page */
	char **cells;            /* nrows * ncols, row-major; "" for empty */
	bool *numeric;           /* ncols: the column holds numbers (right-aligned, typed in xlsx) */
	bool *date;              /* ncols: the column holds dates dd/mm/yyyy (centred, dates in xlsx) */
	int *widths;             /* ncols: relative widths (characters), 0 = automatic */
	int *row_attrs;          /* nrows: DOC_BOLD for a total row; header rows are bold anyway */
	struct doc_merge *merges;
	int nmerges;
	bool landscape;          /* set on a landscape page of its own (docx, html print); doc_table
				  * sets it for a table of more than DOC_PORTRAIT_COLS columns */
};
#define DOC_PORTRAIT_COLS 8

/* DOC_ANNEX starts an annex (Phụ lục): it and every block after it come
 * after "Nơi nhận:" and the signer, each annex on a new page under its
 * heading (para holds the heading's lines: "Phụ lục I", its title, and
 * the italic "(Kèm theo Báo cáo số .../BC-... ngày ... của ...)"). */
enum doc_block_kind { DOC_PARA_BLOCK, DOC_TABLE_BLOCK, DOC_PAGE_BREAK, DOC_ANNEX };

struct doc_block {
	enum doc_block_kind kind;
	struct doc_para para;    /* DOC_PARA_BLOCK; DOC_ANNEX: one run per heading line */
	struct doc_table table;  /* DOC_TABLE_BLOCK */
};

struct doc {
	/* Left header block */
	char *parent_body;       /* "UBND TỈNH LẠNG SƠN" (upper case), may be "" */
	char *issuing_body;      /* "SỞ CÔNG THƯƠNG" (upper case, bold) */
	char *number;            /* "Số: 12/PXL" — the writer adds "Số: " */
	/* Right header block: the national title and motto are fixed. */
	char *place;             /* "Lạng Sơn" */
	struct ymd date;         /* y == 0: "ngày    tháng    năm" left blank */
	/* Title block, centred bold: "BÁO CÁO" then the abstract. */
	char *type;
	char *abstract;          /* may be ""; a short solid line is drawn under the title block */
	char **addressees;       /* "Kính gửi:" one name, or a list of "- name;" lines; none: no line */
	int naddressees;
	struct doc_block *blocks;
	int nblocks;
	char **recipients;       /* "Nơi nhận:" list ("- Như trên;" style lines, without the "- ") */
	int nrecipients;
	/* Signer block, centred on the right: authority ("KT. GIÁM ĐỐC"), title
	 * ("PHÓ GIÁM ĐỐC"), a gap for the signature, then the name (bold). */
	char *signer_authority, *signer_title, *signer_name;
};

/* XLSX (a worksheet per table) and CSV (a file per table) hold the tables
 * of the document only; they are written by doc_write, never rendered. */
enum doc_format { DOC_DOCX, DOC_MD, DOC_HTML, DOC_TXT, DOC_XLSX, DOC_CSV };

/* "docx", "md", "html", "txt", "xlsx", "csv" -> format; false for anything
 * else. */
bool doc_format_parse(const char *s, enum doc_format *out);

void doc_init(struct doc *d);
void doc_free(struct doc *d);
/* Header fields (each copied; NULL leaves the field as it is). */
void doc_set_header(struct doc *d, const char *parent_body, const char *issuing_body,
		    const char *number, const char *place, struct ymd date);
void doc_set_title(struct doc *d, const char *type, const char *abstract);
void doc_set_signer(struct doc *d, const char *authority, const char *title, const char *name);
void doc_add_recipient(struct doc *d, const char *name);
/* A body the document is sent to ("Sở Nội vụ tỉnh Lạng Sơn"), shown as
 * "Kính gửi: ..." under the title block. */
void doc_add_addressee(struct doc *d, const char *name);
/* Starts an annex: what is added after it is printed after the signer, on
 * a new page, under the heading lines given (NULL-terminated; the first two
 * bold, a line in parentheses italic). Returns the annex's index from 0. */
int doc_annex(struct doc *d, const char *const *heading);
/* The index of the first DOC_ANNEX block, or d->nblocks when none. */
int doc_annex_start(const struct doc *d);

/* Starts a paragraph and returns it; add runs with doc_run(). The pointer
 * (like the one doc_table returns) is valid until the next block is added. */
struct doc_para *doc_para(struct doc *d, enum doc_style style, enum doc_align align);
void doc_run(struct doc_para *p, const char *text, int attrs);
/* A paragraph of one run. */
void doc_text(struct doc *d, enum doc_style style, enum doc_align align, int attrs,
	      const char *text);
/* Starts a table of ncols columns; fill it with doc_table_row(). */
struct doc_table *doc_table(struct doc *d, const char *title, int ncols, int header_rows);
/* Declares column col's relative width (0 = automatic) and whether it holds
 * numbers. */
void doc_table_column(struct doc_table *t, int col, int width, bool numeric);
/* Declares column col as one of dates written dd/mm/yyyy. */
void doc_table_date_column(struct doc_table *t, int col);
/* Appends a row of ncols cells (a NULL cell is empty). */
void doc_table_row(struct doc_table *t, const char *const *cells);
/* Attributes of the row appended last (DOC_BOLD for a total row). */
void doc_table_row_attrs(struct doc_table *t, int attrs);
/* Cell (row, col) spans rows x cols; merges must not overlap and must lie
 * within the rows that exist when the table is written. */
void doc_table_merge(struct doc_table *t, int row, int col, int rows, int cols);
/* Finds the merge that covers (row, col): its index, or -1. */
int doc_table_merge_at(const struct doc_table *t, int row, int col);
/* The sheet name (xlsx) and the lines above the table. */
void doc_table_sheet(struct doc_table *t, const char *sheet);
void doc_table_note(struct doc_table *t, const char *line);
void doc_table_unit(struct doc_table *t, const char *unit_note);
void doc_page_break(struct doc *d);

/* Renders the document in memory. txt is UTF-8 here; the encoding is
 * applied by doc_write. *out is malloc'd (binary for docx). xlsx and csv
 * are refused: they are files (or a folder) that doc_write makes. */
int doc_render(const struct doc *d, enum doc_format fmt, char **out, size_t *len,
	       struct cchc_err *err);
/* Renders and writes path through a temporary file, fsync and rename, so a
 * failure never leaves a broken file. flags (enum fs_write_flags) say
 * whether a file already there may be replaced; the open database never is. encoding (txt, md and csv only, NULL =
 * UTF-8) is any name text_encoding_name() knows; a character the encoding
 * cannot hold is an error naming it.
 * xlsx: one worksheet per table (numbers in numeric columns typed).
 * csv: UTF-8 with a BOM when encoding is NULL, else that encoding without
 * one; a document of one table goes to path; when path is a folder (it
 * exists or ends with "/") every table goes there as "NN-<title without
 * tones>.csv"; several tables and a file path are refused. The folder is
 * made whole beside its place and renamed into it; one there already is
 * replaced whole, only with FS_OVERWRITE (or when empty) and only when it
 * holds nothing but such tables. Cells that would read as formulas get a leading "'". */
int doc_write(const struct doc *d, enum doc_format fmt, const char *path, const char *encoding,
	      int flags, struct cchc_err *err);

/* The txt rendering a piece at a time, for a preview that shows the
 * pages in view: each doc_txt_next appends the next piece (whole lines,
 * each ending with a newline) to b, false when there is none left. The
 * pieces joined are doc_render's txt before the blank lines at its end are
 * trimmed to none. d must outlive the cursor. */
struct doc_txt;
struct doc_txt *doc_txt_open(const struct doc *d);
bool doc_txt_next(struct doc_txt *c, struct sbuf *b);
/* The same for a document that is only rendered once: the texts of each
 * table row are freed once the row is rendered (a year's task table is
 * most of a report's model), so that the model and its rendering are not
 * both held whole. d is left fit only for doc_free. */
struct doc_txt *doc_txt_open_consuming(struct doc *d);
void doc_txt_close(struct doc_txt *c);
/* The display columns of table t's lines in the txt rendering. */
int doc_txt_table_width(const struct doc_table *t);

/* "ngày 05 tháng 01 năm 2026": leading zero for days below 10 and for
 * months 1 and 2, as Nghị định 30/2020 asks; "ngày     tháng     năm" with
 * blanks to fill by hand when date.y is 0. out holds 48 bytes. */
void doc_date_words(struct ymd d, char out[48]);

#endif
