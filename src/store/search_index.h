/* Keeping the search index in step with the data: triggers generated from one
 * table of sources (table, kind, key, record id, plan id, title and body
 * expressions). Adding a searchable entity is one line in that table: at the
 * next open the triggers are remade and the index rebuilt. */
#ifndef CCHC_SEARCH_INDEX_H
#define CCHC_SEARCH_INDEX_H
#include "store/db.h"

/* Makes the triggers and the index match the table of sources (a no-op when
 * they already do). One transaction. */
int search_index_ensure(struct db *db, struct cchc_err *err);
/* Rebuilds the index from the source tables (inside the caller's transaction). */
int search_index_rebuild(struct db *db, struct cchc_err *err);

#endif
