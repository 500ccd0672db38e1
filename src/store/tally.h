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
/* The counts of the dossiers a big import adds, kept in memory as it
 * stores them (the rows' values as stored: ISO dates or NULL, the channel
 * code, unit id 0 for none) and added to the tables at the end, in place
 * of a recount that reads every dossier again. Only for rows added: a new
 * dossier has no letter (letters refer to dossiers ON DELETE RESTRICT). */
struct tally_added;
struct tally_added *tally_added_new(void);
void tally_added_row(struct tally_added *t, const char *received, const char *resolved,
		     const char *due, const char *channel, const char *field, int64_t unit_id,
		     const char *status);
/* Adds them to dossier_tally_field, _unit and _late (inside the caller's
 * transaction). An SQLite result code. */
int tally_added_store(struct db *db, struct tally_added *t);
void tally_added_free(struct tally_added *t);
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
/* The same for the open tasks of unclear deadline (task_tally_unclear,
 * schema 30), against the view task_unclear_open. */
int tally_task_unclear_rebuild(struct db *db);
int tally_task_unclear_diff(struct db *db, int64_t *rows);

#endif
