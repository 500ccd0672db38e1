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

/* Sets the self-assessed points (0..max) of a criterion for a year. */
int score_set(struct db *db, int64_t catalogue_id, const char *code, int year, double points,
	      struct cchc_err *err);

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
