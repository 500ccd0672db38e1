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

struct doc_table {
	char *title;             /* shown above the table (may be ""); a sheet name in xlsx */
	int ncols, nrows, header_rows; /* the first header_rows rows are bold headers */
	char **cells;            /* nrows * ncols, row-major; "" for empty */
	bool *numeric;           /* ncols: the column holds numbers (right-aligned, typed in xlsx) */
	int *widths;             /* ncols: relative widths (characters), 0 = automatic */
};

enum doc_block_kind { DOC_PARA_BLOCK, DOC_TABLE_BLOCK, DOC_PAGE_BREAK };

struct doc_block {
	enum doc_block_kind kind;
	struct doc_para para;    /* DOC_PARA_BLOCK */
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
	char *abstract;          /* may be "" */
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
/* Appends a row of ncols cells (a NULL cell is empty). */
void doc_table_row(struct doc_table *t, const char *const *cells);
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

/* "ngày 05 tháng 01 năm 2026": leading zero for days below 10 and for
 * months 1 and 2, as Nghị định 30/2020 asks; "ngày     tháng     năm" with
 * blanks to fill by hand when date.y is 0. out holds 48 bytes. */
void doc_date_words(struct ymd d, char out[48]);

#endif
