/* The dossier list exported by the province's one-stop system, as CSV or
 * TSV: a pure parser (text in, rows and per-line problems out; no database)
 * driven by a column mapping, because every system names its columns
 * differently. The loader (core/dossier.c) stores the rows. */
#ifndef CCHC_DOSSIER_PARSE_H
#define CCHC_DOSSIER_PARSE_H
#include <stdbool.h>
#include <stddef.h>
#include "text/date.h"
#include "util/err.h"

/* The fields cchc keeps, in mapping-file order. */
enum dossier_field {
	DF_CODE, DF_PROCEDURE, DF_FIELD, DF_HOLDER, DF_ADDRESS, DF_CONTACT,
	DF_RECEIVED, DF_DUE, DF_RESOLVED, DF_STATUS, DF_CHANNEL, DF_UNIT,
	DF_COUNT
};

/* Which header names mean which field. Parsed from a mapping file:
 *
 *   # comment
 *   code      = Mã hồ sơ | Mã HS | Số hồ sơ
 *   received  = Ngày tiếp nhận | Ngày nhận
 *
 * Field names: code procedure field holder address contact received due
 * resolved status channel unit. Header names match ignoring tones, case,
 * spaces and punctuation at the ends ("NGAY TIEP NHAN:" matches). A field
 * may appear once; code, received and due must be mapped. */
struct dossier_map {
	char **names[DF_COUNT];  /* NULL-terminated lists of folded header names */
};

int dossier_map_parse(const char *text, const char *what, struct dossier_map *map,
		      struct cchc_err *err);
void dossier_map_free(struct dossier_map *map);
/* The field's name in mapping files ("received"). */
const char *dossier_field_name(enum dossier_field f);
/* The field's Vietnamese description for messages ("ngày tiếp nhận"). */
const char *dossier_field_label(enum dossier_field f);

/* How a dossier was submitted. */
enum dossier_channel { DCH_IN_PERSON = 0, DCH_ONLINE, DCH_POST };
/* "Trực tuyến", "Trực tiếp", "Qua dịch vụ bưu chính", "BCCI", "DVC", ...
 * (folded); false when the text says none of them. Empty text is in person. */
bool dossier_channel_parse(const char *s, enum dossier_channel *out);
/* Stored codes: "truc-tiep", "truc-tuyen", "buu-chinh". */
const char *dossier_channel_code(enum dossier_channel c);

struct dossier_row {
	int line;                /* 1-based line of the file where the record starts */
	char *text[DF_COUNT];    /* NFC UTF-8, trimmed; "" when the column is absent */
	struct ymd received, due, resolved; /* y == 0 when empty */
	char received_time[6];   /* "HH:MM" when the cell had a time, else "" */
	enum dossier_channel channel;
};

/* A date cell in any of the forms dossier_parse_text accepts (see there);
 * time gets "HH:MM" when the cell also held a time, else "". */
bool dossier_date_parse(const char *s, struct ymd *out, char time[6]);

struct dossier_bad {
	int line;
	char reason[200];        /* Vietnamese: "hạn xử lý \"31/02/2026\" không phải ngày" */
};

struct dossier_parse {
	char delimiter;          /* ',' ';' or '\t', found from the header line */
	int columns[DF_COUNT];   /* column index of each field, -1 when absent */
	struct dossier_row *rows;
	int nrows;
	struct dossier_bad *bad;
	int nbad;
	struct dossier_arena *arena; /* owns the rows' text */
};

/* Parses UTF-8 text (already decoded from the file's encoding; a leading
 * BOM is skipped). The first non-empty line is the header; quoted fields
 * may hold the delimiter, doubled quotes and newlines. Dates are dd/mm/yyyy
 * (1 or 2 digits, / - or .), yyyy-mm-dd, each optionally followed by a time
 * (HH:MM or HH:MM:SS), or an Excel serial day number. A row is bad, with its
 * line and reason, when: its column count differs from the header's; the
 * code is empty; a date does not parse or does not exist; the due date or
 * completion date is before the receipt; the channel is not understood; the
 * code repeats an earlier row of the same file. Entirely empty lines are
 * skipped. Returns an error (and nothing else) only when the header lacks a
 * mapped required column, naming the columns it did find. */
int dossier_parse_text(const char *text, size_t len, const struct dossier_map *map,
		       struct dossier_parse *out, struct cchc_err *err);
void dossier_parse_free(struct dossier_parse *p);

/* Streaming: the same reading and checks as dossier_parse_text over text
 * that arrives in pieces, for exports too big to hold (a million rows).
 * Good rows and bad ones go to callbacks as they are read, in file order.
 * Repeated codes are left to the caller, which keeps the rows it stored;
 * the stream keeps none. */
struct dossier_stream_ops {
	/* A good row; its text lives until the call returns. A non-zero
	 * result stops the parse, and dossier_stream_feed returns it. */
	int (*row)(void *ctx, const struct dossier_row *row, struct cchc_err *err);
	void (*bad)(void *ctx, int line, const char *reason);
	void *ctx;
};
struct dossier_stream;
/* The reason given for a row whose code a good row above it, at first_line,
 * already has. */
void dossier_duplicate_reason(const char *code, int first_line, char *reason, size_t size);

/* A record longer than max_record bytes (in practice a quote never
 * closed) is skipped and reported as bad rather than held in memory. */
struct dossier_stream *dossier_stream_new(const struct dossier_map *map,
					  const struct dossier_stream_ops *ops, size_t max_record);
/* Reads the complete records at the start of text[0, len) and sets *used
 * to the bytes they took; the rest (a record not yet ended) must come again
 * at the start of the next call, followed by the text after it. final:
 * nothing follows, so everything is read. Returns the header error of
 * dossier_parse_text, or what ops->row returned. */
int dossier_stream_feed(struct dossier_stream *s, const char *text, size_t len, bool final,
			size_t *used, struct cchc_err *err);
void dossier_stream_free(struct dossier_stream *s);

#endif
