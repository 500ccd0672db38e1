/* Keeping the search index in step with the data: triggers generated from one
 * table of sources (table, kind, key, record id, plan id, title and body
 * expressions). Adding a searchable entity is one line in that table: at the
 * next open the triggers are remade and the rows of the sources whose texts
 * changed indexed again. Dossiers have their own index, search_dossier
 * (data/migrations/0020-dossier-search.sql). */
#ifndef CCHC_SEARCH_INDEX_H
#define CCHC_SEARCH_INDEX_H
#include <stdint.h>
#include "store/db.h"

/* Makes the triggers and the index match the table of sources (a no-op when
 * they already do). One transaction. */
int search_index_ensure(struct db *db, struct cchc_err *err);
/* The hash of the triggers this program makes (stored as search.spec), and
 * the same computed from the table of sources (malloc'd): a test keeps
 * them equal. */
const char *search_index_spec(void);
char *search_index_spec_now(void);
/* Rebuilds the index from the source tables (inside the caller's transaction). */
int search_index_rebuild(struct db *db, struct cchc_err *err);

/* For a writer that adds many dossiers in one transaction (the import).
 * FTS5 writes its pending words to the file at every statement that
 * writes it, so the insert trigger of search_dossier, run for each row,
 * cost eight times the import's own work. search_dossier_hold drops that
 * trigger (inside the caller's transaction: a rollback puts it back) and
 * notes the last dossier id; search_dossier_catch_up indexes the dossiers
 * added since in one statement and makes the trigger again. Edits and
 * deletions keep their triggers, so the caller must not edit, between the
 * two, a dossier it added (its words are not in the index yet): both
 * imports refuse a code repeated in the file. */
struct search_hold {
	int64_t mark;     /* the greatest dossier id before */
	char *trigger;    /* the trigger's CREATE statement, NULL when not held */
};
int search_dossier_hold(struct db *db, struct search_hold *h, struct cchc_err *err);
int search_dossier_catch_up(struct db *db, struct search_hold *h, struct cchc_err *err);
void search_hold_free(struct search_hold *h);

#endif
