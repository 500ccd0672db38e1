/* The plan importer's pure half: text as the clerk has it (copied out of a PDF
 * or Word, or Markdown) in, a plan document out. No database, no I/O. */
#ifndef CCHC_PLAN_PARSE_H
#define CCHC_PLAN_PARSE_H
#include <stddef.h>
#include "util/err.h"

enum numbering_style {
	STYLE_ROMAN,   /* I.  II. */
	STYLE_ARABIC,  /* 1.  2. */
	STYLE_DOTTED,  /* 1.2.  1.2.3.  (parts > 1) */
	STYLE_LETTER,  /* a)  đ)  in the Vietnamese alphabet */
	STYLE_PAREN,   /* (1) (2) */
	STYLE_ANNEX,   /* PHỤ LỤC I */
	STYLE_UPPER,   /* A.  B.  Đ.  in the Vietnamese alphabet */
	STYLE_NAMED,   /* PHẦN THỨ NHẤT, Phần I., Mục 1., Nội dung 1:, Nhiệm vụ 2: */
};

struct pdoc_item {
	int is_list_item;   /* 0 paragraph, 1 list item */
	char marker;        /* '-' or '+' for list items */
	char *text;
};

struct pdoc_section {
	int parent;         /* index into sections, -1 at top level */
	int depth;
	enum numbering_style style;
	int parts;          /* number of parts of a dotted label */
	int value;          /* ordinal of the last part */
	char *label;        /* as written: "II.", "1.2.3.", "đ)", "(1)", "2.1" */
	char *heading;
	struct pdoc_item *items;
	int nitems;
};

struct pdoc_ref {
	char *kind;         /* "Kế hoạch", "Thông báo", ... or "" */
	char *doc_no;       /* "126/KH-UBND" */
	char *date_text;    /* "03/6/2024" as written, or "" */
	char *issued_on;    /* "2024-06-03", or "" */
};

struct plan_doc {
	char *parent_body, *issuer, *doc_no, *doc_type, *place, *date_text, *issued_on;
	int year;
	char *title, *preamble, *closing;
	char *signer_authority, *signer_title, *signer_name;
	struct pdoc_ref *refs;
	int nrefs;
	char **recipients;
	int nrecipients;
	struct pdoc_section *sections;
	int nsections;
};

/* Parses NFC UTF-8 text. Fails (CCHC_EINPUT) only when no plan can be found
 * at all: no title and no numbered section. */
int plan_parse(const char *text, struct plan_doc *doc, struct cchc_err *err);
void plan_doc_free(struct plan_doc *doc);

/* The kind of body that issued a plan: from the issuer's name when the
 * header gave one ("TRUNG TÂM …" → "Trung tâm"), else from the signer block
 * ("TM. ỦY BAN NHÂN DÂN" → "Ủy ban nhân dân", "KT. GIÁM ĐỐC" → "Sở",
 * "TRƯỞNG BAN" → "Ban"); "" when neither says. Malloc'd. */
char *plan_issuer_kind(const char *issuer, const char *authority, const char *title);

/* Name of a numbering style for storage ("roman", "dotted", ...). */
const char *numbering_style_name(enum numbering_style s);

#endif
