/* Evidence documents (tài liệu kiểm chứng): kind, number, date, issuer,
 * abstract, notes, any number of files, linked to the tasks they prove. */
#ifndef CCHC_EVIDENCE_H
#define CCHC_EVIDENCE_H
#include <stdbool.h>
#include <stdint.h>
#include "store/db.h"

/* Kinds, as stored ("quyet-dinh") and as shown ("quyết định"). */
extern const char *const evidence_kinds[];
extern const char *const evidence_kind_labels[];
/* The stored kind for what the clerk typed (with or without tones), or NULL. */
const char *evidence_kind_parse(const char *s);
const char *evidence_kind_label(const char *kind);

struct evidence_input {
	const char *kind, *doc_no, *date, *issuer, *summary, *notes; /* date: dd/mm/yyyy or ISO */
	const char *const *files;
	int nfiles;
	const int64_t *tasks;
	int ntasks;
	const char *const *criteria; /* criterion codes, found in the newest catalogue that has them */
	int ncriteria;
};

struct missing_row {
	int64_t id;              /* task id, or criterion id */
	char *code, *title;      /* unit code and task title, or criterion code and name */
	int year;                /* for criteria: the year scored */
	int64_t unit_rank, unit_id;  /* for tasks: the lead unit's rank and id (-1, 0: none) */
};
/* A place in the list of finished tasks without evidence, ordered by lead
 * unit (its rank in the Vietnamese order of names; the unassigned first, as
 * rank -1, unit 0), then task number. task_id 0: before the unit's tasks. */
struct missing_key {
	int64_t rank, unit_id, task_id;
};
/* Up to limit of those tasks after key (NULL: from the first), or before
 * it when reverse (NULL: the last ones; then in descending order). */
int evidence_missing_page(struct db *db, const struct missing_key *after, bool reverse,
			  int limit, struct missing_row **tasks, int *n, struct cchc_err *err);
/* Where finished task task_id without evidence is in that list: *row its
 * row (id 0 when it is not in the list; free its strings) and *pos the rows
 * before it on the Còn thiếu screen (the heading, the unit lines up to its
 * own, the tasks before it). */
int evidence_missing_locate(struct db *db, int64_t task_id, struct missing_row *row,
			    int64_t *pos, struct cchc_err *err);
/* How many finished tasks have no evidence, and in how many unit groups
 * (the unassigned as one). */
int evidence_missing_count(struct db *db, int64_t *tasks, int64_t *groups, struct cchc_err *err);
/* The scored criteria without any evidence (a few hundred at most). */
int evidence_missing_criteria(struct db *db, struct missing_row **criteria, int *n,
			      struct cchc_err *err);
/* Finished tasks with no evidence (by unit), and scored criteria with none. */
int evidence_missing(struct db *db, struct missing_row **tasks, int *ntasks,
		     struct missing_row **criteria, int *ncriteria, struct cchc_err *err);
/* How many finished tasks have no evidence (*total, counted in SQL) and
 * the first limit of them finished (waiting longest); with done_from
 * (ISO), only the tasks finished on or after that day. */
int evidence_missing_tasks(struct db *db, const char *done_from, int limit,
			   struct missing_row **tasks, int *n, int64_t *total, struct cchc_err *err);
void missing_rows_free(struct missing_row *v, int n);

struct evidence_info {
	int64_t id;
	char *kind, *doc_no, *issued_on, *issuer, *summary, *notes, *tasks; /* tasks: "3, 7" */
	int nfiles;
};

struct evidence_file {
	char *name, *sha256;
	int64_t size;
};

/* Changes a record as one action: the text fields given (non-NULL) replace
 * the old ones; files, tasks and criteria given are added to its links. */
int evidence_edit(struct db *db, int64_t id, const struct evidence_input *in, struct cchc_err *err);
/* Deletes a record with its file list and links (the stored contents stay
 * while the history names them), as one action the trash can restore. */
int evidence_delete(struct db *db, int64_t id, struct cchc_err *err);
/* Deletes file file_no (1-based, as evidence show numbers them) of a record,
 * as one action the trash can restore. */
int evidence_file_delete(struct db *db, int64_t evidence_id, int file_no, struct cchc_err *err);
/* Adds a record with its files and links as one action. */
int evidence_add(struct db *db, const struct evidence_input *in, int64_t *id, struct cchc_err *err);
/* Records filtered by task, kind and year (0/NULL: any). */
int evidence_list(struct db *db, int64_t task_id, const char *kind, int year,
		  struct evidence_info **out, int *n, struct cchc_err *err);
/* The same, also by criterion (id; its evidence directly or through tasks). */
int evidence_list_by_criterion(struct db *db, int64_t task_id, int64_t criterion_id,
			       const char *kind, int year, struct evidence_info **out, int *n,
			       struct cchc_err *err);
/* A page of the records, by date (the undated last) then number. */
struct evidence_filter {
	int64_t task_id, criterion_id;   /* 0, NULL: any */
	const char *kind;
	int year;
	const struct evidence_info *after;   /* the key: the page after it (NULL: the first) */
	bool reverse;                        /* ... or before it (NULL: the last), descending */
	int limit;                           /* <= 0: no limit */
};
int evidence_page(struct db *db, const struct evidence_filter *f, struct evidence_info **out,
		  int *n, struct cchc_err *err);
/* How many records the filter has (after, reverse and limit aside). */
int evidence_count(struct db *db, const struct evidence_filter *f, int64_t *n,
		   struct cchc_err *err);
int evidence_get(struct db *db, int64_t id, struct evidence_info *e, struct cchc_err *err);
int evidence_files(struct db *db, int64_t id, struct evidence_file **out, int *n,
		   struct cchc_err *err);
/* Writes every file of the record into dir under its name in dir (see
 * evidence_target_names), refusing names that could leave dir. Nothing is
 * written when a name is refused, when a file would replace the database
 * (always) or, without FS_OVERWRITE in flags, one that is there already
 * (CCHC_EEXIST), or when a stored file is damaged (CCHC_ECORRUPT: each is
 * checked against its SHA-256 before any is put in place). */
int evidence_extract(struct db *db, int64_t id, const char *dir, int flags, struct cchc_err *err);
/* The name each file of the record gets in dir, in order (malloc'd, *n of
 * them): its own; when an earlier file of the record has the same name
 * (letter case aside), "name (2).ext", "name (3).ext"…, the stem cut at a
 * letter so that the name fits the folder's limit (255 bytes). */
int evidence_target_names(struct db *db, int64_t id, const char *dir, char ***names, int *n,
			  struct cchc_err *err);
/* The names evidence_extract would find taken in dir, as "a.pdf, b.pdf"
 * (malloc'd; "" when none). */
char *evidence_extract_taken(struct db *db, int64_t id, const char *dir);
/* Writes file number n (1-based) of a record into a private folder and opens
 * it with the desktop's viewer (xdg-open, or $CCHC_OPENER) without a shell.
 * *path (may be NULL) gets the written file's path, malloc'd. */
int evidence_open(struct db *db, int64_t id, int n, char **path, struct cchc_err *err);
void evidence_info_free(struct evidence_info *e);
void evidence_list_free(struct evidence_info *v, int n);
void evidence_files_free(struct evidence_file *v, int n);
/* The codes of the criteria the record proves ("1.1, 3.2"), malloc'd ("" when
 * none or on error). */
char *evidence_criteria_codes(struct db *db, int64_t id);
/* True when name is a plain file name (no folder, not . or .., no control or
 * bidi control character). */
bool evidence_safe_name(const char *name);

#endif
