/* The monthly counts of dossiers kept by triggers (schema 22): the same
 * recount the migration makes, for the bulk import (which drops the
 * triggers) and for cchc check. */
#ifndef CCHC_STORE_TALLY_H
#define CCHC_STORE_TALLY_H
#include <stdint.h>
#include "store/db.h"

/* Recounts dossier_tally_field and dossier_tally_unit from the dossiers
 * (and makes dossier_tally_late and dossier_tally_open_letter again),
 * inside the caller's transaction. An SQLite result code. */
int tally_rebuild(struct db *db);
/* How many rows of the counts differ from a recount (0: all right), rows
 * of zeros being as good as none. An SQLite result code. */
int tally_diff(struct db *db, int64_t *rows);
/* The same for the feedback handled on time by closing day (schema 27). */
int tally_feedback_rebuild(struct db *db);
int tally_feedback_diff(struct db *db, int64_t *rows);
/* The same for the links of open tasks to their coordinating units
 * (task_tally_coord, schema 28), against the view task_coord_open. */
int tally_task_coord_rebuild(struct db *db);
int tally_task_coord_diff(struct db *db, int64_t *rows);
/* The same for the finished tasks without evidence (task_tally_missing,
 * schema 28), against the view task_missing_evidence. */
int tally_task_missing_rebuild(struct db *db);
int tally_task_missing_diff(struct db *db, int64_t *rows);

#endif
