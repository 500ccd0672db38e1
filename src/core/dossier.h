/* Citizens' dossiers (hồ sơ TTHC): imported from the one-stop system's
 * export (updated by dossier code on every re-import) or typed in. Late,
 * early and on time are computed from the dates, never stored; statistics
 * for a period are computed in SQL in the layout of the standard dossier
 * table (Biểu 06a). */
#ifndef CCHC_DOSSIER_H
#define CCHC_DOSSIER_H
#include <stdbool.h>
#include <stdint.h>
#include "import/dossier_parse.h"
#include "store/db.h"

/* Fields for add and edit as the clerk types them (dates dd/mm/yyyy or
 * ISO); NULL means "not given" (edit leaves it), "" clears an optional one. */
struct dossier_input {
	const char *code, *procedure, *field, *holder, *address, *contact;
	const char *received, *due, *resolved, *status, *channel, *unit;
};

struct dossier_info {
	int64_t id, letter_id;   /* letter_id: its apology letter, or 0 */
	char *code, *procedure, *field, *holder, *address, *contact, *status, *channel;
	char *received_on, *due_on, *resolved_on; /* ISO or "" */
	char *unit_code, *letter_number;          /* "" when none */
	bool late;               /* resolved after the due date, or open past it today */
	int days_late;           /* working days after the due date (to completion or today) */
};

int dossier_add(struct db *db, const struct dossier_input *in, int64_t *id, struct cchc_err *err);
int dossier_edit(struct db *db, int64_t id, const struct dossier_input *in, struct cchc_err *err);
/* Deletes a dossier as one action the trash can restore; refused
 * (CCHC_EINPUT) when it has an apology letter. */
int dossier_delete(struct db *db, int64_t id, struct cchc_err *err);
/* The same, taking its letter with it. */
int dossier_delete_with_letter(struct db *db, int64_t id, struct cchc_err *err);
int dossier_get(struct db *db, int64_t id, struct dossier_info *d, struct cchc_err *err);
/* The id of the dossier with this code, or 0. */
int64_t dossier_id_by_code(struct db *db, const char *code);
void dossier_info_free(struct dossier_info *d);
void dossier_list_free(struct dossier_info *v, int n);

enum dossier_view {
	DV_ALL,                  /* newest received first */
	DV_LATE,                 /* late (resolved late, or open past due), by due date */
	DV_LATE_NO_LETTER,       /* the to-do list: late and no apology letter yet */
	DV_PENDING               /* not resolved, by due date */
};

struct dossier_filter {
	enum dossier_view view;
	const char *from, *to;   /* ISO: received in [from, to]; NULL for no bound */
	const char *unit_code;
	const char *query;       /* code prefix or words of holder/procedure (tones ignored) */
	int limit;               /* 0: no limit */
	/* Keyset paging: rows after this one in the view's order; with reverse,
	 * the rows before it (or, without it, the last rows), nearest first
	 * but returned in the view's order. */
	const struct dossier_info *after;
	bool reverse;
	bool use_hits;           /* the rows dossier_hits_walk has found so far (in the
				  * view's order), instead of every other condition */
	int hit_level;           /* ... those of this level (dossier_walk.level) */
};

/* The / filter of a list of a million dossiers, found a part at a time: the
 * view's rows are walked in its order from where the last walk stopped,
 * and those the words match are put aside (a temporary table of this
 * connection) in that order, so that the rows found are always the first
 * rows of the filtered list, exact, however far the walk is. A screen walks
 * for a few milliseconds on each key, and to the end when the keyboard is
 * idle.
 *
 * Each letter typed after the last narrows the rows found into a table of
 * the next level, leaving those of the shorter text as they were: deleting
 * letters goes back to that level (its rows and where its walk stopped)
 * instead of walking again from the first row. */
#define DOSSIER_HIT_LEVELS 16
struct dossier_walk {
	bool done;               /* every row of the view walked */
	char key[11];            /* the last row walked: its sort key and id */
	int64_t id;
	bool any;                /* ... once a row was walked */
	int64_t found;           /* rows put aside */
	int level;               /* the table they are in, 0 .. DOSSIER_HIT_LEVELS - 1 */
};
/* Empties the set of level 0: a walk from the first row. */
int dossier_hits_reset(struct db *db, struct dossier_walk *w, struct cchc_err *err);
/* Keeps the rows put aside that f's query (narrower than the one that
 * found them: the same text with more typed after it) still matches, in
 * the table of the next level (w->level + 1; in the same table, the others
 * deleted, at the last level); the walk then goes on from where it was. */
int dossier_hits_narrow(struct db *db, const struct dossier_filter *f, struct dossier_walk *w,
			struct cchc_err *err);
/* Walks on until stop(ctx) says so (asked every few dozen rows) or until
 * want rows are put aside (0: no such limit) or the view ends (w->done). */
int dossier_hits_walk(struct db *db, const struct dossier_filter *f, struct dossier_walk *w,
		      int64_t want, bool (*stop)(void *ctx), void *ctx, struct cchc_err *err);

int dossier_list(struct db *db, const struct dossier_filter *f, struct dossier_info **out, int *n,
		 struct cchc_err *err);
int dossier_count(struct db *db, const struct dossier_filter *f, int64_t *n, struct cchc_err *err);

/* The column mapping: map_path, or when NULL the clerk's
 * ~/.config/cchc/dossier-columns.txt, else the shipped
 * data/dossier-columns.txt. */
int dossier_map_load(const char *map_path, struct dossier_map *map, struct cchc_err *err);

/* Reading an export whole into memory: decode (encoding NULL = guess), read
 * the mapping (as dossier_map_load) and parse. Bad rows are in out->bad.
 * Memory grows with the file (about 6 bytes per byte of it): for big files
 * use dossier_import_file, which reads and stores as it goes. */
int dossier_read_file(const char *path, const char *encoding, const char *map_path,
		      struct dossier_parse *out, struct cchc_err *err);

struct dossier_import_result {
	int64_t added, updated, unchanged;
	int64_t unknown_units;   /* rows whose unit matched no unit (kept without one) */
	/* Filled by dossier_import_file only: */
	int64_t good, nbad;      /* good rows; bad rows, repeated codes included */
	struct dossier_bad *bad; /* the first DOSSIER_BAD_KEPT bad rows, in file order */
	int nbad_kept;
	bool stored;             /* the good rows are in; false: refused, nothing changed */
	char encoding[64];       /* the file's, as the clerk is told it: "TCVN3 (tự nhận biết)" */
};

/* The streaming import: the way to import an export of any size. */
#define DOSSIER_BAD_KEPT 1000
struct dossier_import_opts {
	const char *encoding;    /* NULL: guessed (text/detect.h) */
	const char *map_path;    /* NULL: as dossier_map_load */
	bool skip_bad;           /* store the good rows even when some are bad */
	/* Asked, with the bad rows in r, when there are some and skip_bad is
	 * false: true stores the good rows. NULL refuses. The write lock is
	 * held meanwhile. */
	bool (*confirm)(void *ctx, const struct dossier_import_result *r);
	void *ctx;
	/* confirm is asked even when every row is good (the program shows
	 * each import before it stores it). */
	bool confirm_always;
	size_t block;            /* bytes read at a time; 0: $CCHC_IMPORT_BLOCK, else 1 MiB */
};
/* Reads the export at path a block at a time, decoding, parsing and storing
 * the good rows as it goes, all in one transaction (a new code is added, a
 * known one updated), so that memory stays small whatever the file's size.
 * Every bad row counts in r->nbad, with its line and reason kept for the
 * first DOSSIER_BAD_KEPT; a code repeated in the file is a bad row ("trùng
 * với dòng N"). When there are bad rows the good ones are stored only with
 * skip_bad or the confirm callback's yes; a refusal is no error:
 * r->stored is false and the database is as before. Errors (the file, its
 * encoding or header, the database) leave the database as before too. Free
 * r with dossier_import_result_free. */
int dossier_import_file(struct db *db, const char *path, const struct dossier_import_opts *o,
			struct dossier_import_result *r, struct cchc_err *err);
void dossier_import_result_free(struct dossier_import_result *r);
/* The error of an import the clerk stopped (util/progress.h): CCHC_ECANCEL,
 * saying nothing was stored. */
int dossier_import_cancelled(struct cchc_err *err);

struct dossier_stats {
	char group[160];         /* the field (lĩnh vực) or unit when grouped, else "" */
	int64_t received_total, received_online, received_offline, received_carried;
	int64_t resolved_total, resolved_early, resolved_on_time, resolved_late;
	int64_t pending_total, pending_in_time, pending_overdue;
};
enum dossier_group { DG_NONE, DG_FIELD, DG_UNIT };
/* Figures for the period [from, to] (ISO) as of min(to, today): one row, or
 * one per field/unit (sorted in Vietnamese order) when grouped. */
int dossier_stats(struct db *db, const char *from, const char *to, enum dossier_group group,
		  struct dossier_stats **out, int *n, struct cchc_err *err);
/* The same figures by field and by unit at once, from the monthly counts
 * of schema 22 (dossier_tally.c) instead of the period's rows; overdue
 * false leaves pending_overdue 0 (pending_in_time then is pending_total),
 * for callers that want only the rates; by_unit NULL skips the units'
 * monthly counts (nunits is then left 0). */
int dossier_stats_period(struct db *db, const char *from, const char *to, bool overdue,
			 struct dossier_stats **by_field, int *nfields,
			 struct dossier_stats **by_unit, int *nunits, struct cchc_err *err);
/* Adds b's figures to a (a group's to a total). */
void dossier_stats_add(struct dossier_stats *a, const struct dossier_stats *b);
/* The on-time rate (early + on time) / resolved in percent; false when
 * nothing was resolved. */
bool dossier_on_time_rate(const struct dossier_stats *s, double *rate);

/* "truc-tuyen" -> "trực tuyến" */
const char *dossier_channel_label(const char *code);

/* Whether a status says the dossier was withdrawn or returned at the
 * applicant's request ("Công dân rút hồ sơ", "Trả lại hồ sơ theo yêu cầu"):
 * counted as resolved on time (Biểu II.06a), so never a late dossier. */
bool dossier_status_withdrawn(const char *status);

#endif
