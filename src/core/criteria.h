/* Criteria catalogues (areas -> criteria -> sub-criteria with maximum points
 * and the evidence expected), loaded from plain text files like
 * the files in data/criteria; self-assessed scores per year; the published index
 * results per year. */
#ifndef CCHC_CRITERIA_H
#define CCHC_CRITERIA_H
#include <stdint.h>
#include "store/db.h"

/* Loads a catalogue file's text (one action). CCHC_EDUP when a catalogue with
 * the same index, name, province and year is already there. */
int criteria_load_text(struct db *db, const char *text, const char *what, int64_t *id,
		       struct cchc_err *err);
/* The same inside the caller's transaction (the demo, a new database). */
int criteria_load_in_tx(struct db *db, const char *text, const char *what, int64_t *id,
			struct cchc_err *err);
/* Loads the national catalogues (PAR INDEX areas, SIPAS, PAPI) that every
 * new database holds; one internal transaction, those already there kept. */
int criteria_national_load(struct db *db, struct cchc_err *err);
/* The catalogue a year is scored on: the one of that year, else the one with
 * most scores in it; 0 when none (the national catalogues are of no year). */
int64_t criteria_catalogue_of_year(struct db *db, int year);
int criteria_load_file(struct db *db, const char *path, int64_t *id, struct cchc_err *err);

struct criterion_row {
	int64_t id, catalogue_id;
	int depth;
	double max_points;       /* < 0: not set */
	double points;           /* self-assessed for the year asked, < 0: none */
	int nevidence;
	char *code, *name, *hint, *idx;
};

/* Criteria in file order, of one catalogue (0: all), of one index (NULL: all),
 * with the scores of year (0: none). */
int criteria_list(struct db *db, int64_t catalogue_id, const char *idx, int year,
		  struct criterion_row **out, int *n, struct cchc_err *err);
void criteria_list_free(struct criterion_row *v, int n);
/* The newest catalogue that has a criterion code, or 0. */
int64_t criteria_catalogue_for(struct db *db, const char *code, int year);

struct catalogue_info {
	int64_t id;
	int year;                /* 0: no particular year */
	char idx[8];
	char *name;
};
/* The catalogues, newest year first (those without a year last). */
int criteria_catalogues(struct db *db, struct catalogue_info **out, int *n, struct cchc_err *err);
void catalogues_free(struct catalogue_info *v, int n);

/* Sets the self-assessed points (0..max) of a criterion for a year. */
int score_set(struct db *db, int64_t catalogue_id, const char *code, int year, double points,
	      struct cchc_err *err);

struct criteria_suggestion {
	int64_t section_id, criterion_id;
	char *section, *criterion;  /* "1.3. Cải cách thủ tục hành chính", "3 Cải cách TTHC" */
};
/* Proposes, for each section of a plan, the criterion of the catalogue whose
 * name its heading contains (words compared without tones); sections
 * already mapped are left out. */
int criteria_suggest(struct db *db, int64_t plan_id, int64_t catalogue_id,
		     struct criteria_suggestion **out, int *n, struct cchc_err *err);
void criteria_suggestions_free(struct criteria_suggestion *v, int n);
/* Maps a section (or a task, when section_id is 0) to a criterion (one action). */
int criteria_map(struct db *db, int64_t section_id, int64_t task_id, int64_t criterion_id,
		 struct cchc_err *err);
/* The criterion id of code in the newest catalogue that has it, or 0. */
int64_t criterion_id_for(struct db *db, const char *code, int year);

struct index_row {
	int year, rank, rank_of;
	double value;
	char idx[8];
	char *target;
};
/* Records a year's published result of par, sipas or papi (replaces). */
int index_add(struct db *db, const struct index_row *r, struct cchc_err *err);
int index_list(struct db *db, struct index_row **out, int *n, struct cchc_err *err);
void index_list_free(struct index_row *v, int n);

#endif
