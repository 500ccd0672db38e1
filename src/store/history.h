/* History, undo and trash. Every user action (one db_begin .. db_commit)
 * is a row of history_action, and triggers generated from the tables'
 * columns (temporary: made by each connection before it writes) record each row it inserted, updated or deleted with the old and
 * new values. Undoing an action applies the inverse changes, newest first,
 * as a new action of its own; the trash is the records deleted by actions
 * not yet undone. */
#ifndef CCHC_HISTORY_H
#define CCHC_HISTORY_H
#include <stdbool.h>
#include <stdint.h>
#include "store/db.h"

/* Registers the SQL functions the triggers call; at every open. */
int history_register(struct db *db, struct cchc_err *err);
/* At open: removes the triggers an older cchc stored in the file. */
int history_ensure(struct db *db, struct cchc_err *err);
/* Makes the recording triggers, and the kept data's (store/kept.h), in
 * this connection's temporary schema, once, before its first write
 * (db_begin_internal calls it, but during the open's own steps). */
int history_arm(struct db *db, struct cchc_err *err);

/* Called by db_begin/db_commit/db_rollback: opens and closes the action. */
int history_action_begin(struct db *db, struct cchc_err *err);
int history_action_end(struct db *db, struct cchc_err *err);
/* Gives the current action a label, and for bulk actions (imports) stops
 * recording rows: such an action shows in the history but cannot be undone
 * row by row (a backup is the way back). */
void history_label(struct db *db, const char *label, bool record_rows);

struct history_action {
	int64_t id;
	char at[20], user[64];
	char *summary;           /* "Thêm nhiệm vụ 12 «Rà soát…» và 3 thay đổi khác" */
	int nchanges;
	bool undoable, undone, is_undo;
};

/* The newest actions first (limit 0: all). */
int history_list(struct db *db, int limit, struct history_action **out, int *n,
		 struct cchc_err *err);
void history_list_free(struct history_action *v, int n);
/* The action `undo` would undo now: the newest one not undone and not itself
 * an undo. *found false when there is none. */
int history_last(struct db *db, struct history_action *a, bool *found, struct cchc_err *err);
/* Undoes that action as one new action; *a (may be NULL) describes it. */
int history_undo(struct db *db, struct history_action *a, struct cchc_err *err);

struct history_entry {
	int64_t action_id;
	char at[20], user[64], op[8];
	char *fields;            /* "status: todo → done; done_on: — → 2026-03-12" */
};
/* One record's changes, oldest first: table ("task") and its id. */
int history_of(struct db *db, const char *table, int64_t id, struct history_entry **out, int *n,
	       struct cchc_err *err);
void history_entries_free(struct history_entry *v, int n);

struct trash_item {
	int64_t action_id;
	char at[20];
	char table[32];
	int64_t id;
	char *summary;
};
/* Records deleted by actions not undone and not restored since. */
int trash_list(struct db *db, struct trash_item **out, int *n, struct cchc_err *err);
void trash_list_free(struct trash_item *v, int n);
/* Restores what an action deleted (by undoing its deletions). */
int trash_restore(struct db *db, int64_t action_id, struct cchc_err *err);

/* How recorded values read to the clerk. The store knows tables and columns
 * only; core registers their meanings (core/history_text.c) so that a
 * record's history names its fields in Vietnamese and shows a status, a
 * date, a unit or a section as the clerk knows it, never as stored. */
struct history_text {
	/* The label of table's column; NULL to leave the column out. */
	const char *(*label)(const char *table, const char *col);
	/* The value as the clerk reads it (malloc'd); NULL to show it as stored. */
	char *(*value)(struct db *db, const char *table, const char *col, const char *value);
	/* A record's name from its row (JSON) as the clerk knows it ("hồ sơ
	 * HS-1 «Nguyễn Thị Hoa»"), malloc'd; NULL for the table's label, id and
	 * name column. */
	char *(*name)(struct db *db, const char *table, const char *row);
};
/* Installs t (static; NULL: the stored column names and values). */
void history_set_text(const struct history_text *t);

/* The Vietnamese name of a table's records ("nhiệm vụ"), or the table. */
const char *history_table_label(const char *table);

#endif
