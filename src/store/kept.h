/* The triggers that keep derived data: the search index, the monthly and
 * period counts, the Overview's kept sets. The migrations and
 * search_index.c write them as stored triggers; at the end of each open
 * that changed the schema they move into the table kept_trigger, and each
 * connection makes them in its temporary schema before its first write
 * (history_arm), as the history's own triggers are. A file holding them
 * (68 triggers, 30 KB of SQL) made every start parse them: 7.3M of a
 * short command's 12M instructions, for the commands that only read too.
 *
 * In their place the file holds small guards (kept_guard_<table>_<i|u|d>,
 * BEFORE each write of a table with kept triggers) that call cchc_kept(): a
 * program that is not cchc (the sqlite3 shell) has no such function, so
 * its write fails as it did when the triggers called cchc's tokenizer; in
 * cchc a write before the triggers are made fails too, as a bug.
 *
 * Migrations and search_index_ensure see the file as they always did: an
 * open that runs them first puts the kept triggers back into the file
 * (kept_unstash_sql), and moves them out again afterwards (kept_stash). */
#ifndef CCHC_KEPT_H
#define CCHC_KEPT_H
#include <stdbool.h>
#include "store/db.h"
#include "util/sbuf.h"

/* Registers cchc_kept() on the connection; at every open. */
int kept_register(struct db *db, struct cchc_err *err);
/* Whether this open must put the triggers back before migrating or
 * remaking the search triggers (the file is below version migrations, or
 * its search.spec is not this program's). */
bool kept_unstash_due(struct db *db, int migrations);
/* SQL putting the kept triggers back into the file (no guards, table
 * emptied); nothing when h has no table kept_trigger. SQLite's code. */
int kept_unstash_sql(sqlite3 *h, struct sbuf *b);
/* Moves every stored trigger but the history's and the guards into
 * kept_trigger, and makes the guards of their tables (drops those of
 * tables that keep nothing); in the caller's transaction. SQLite's code. */
int kept_stash(sqlite3 *h);
/* Appends CREATE TEMP TRIGGER for each kept trigger. SQLite's code. */
int kept_arm_sql(sqlite3 *h, struct sbuf *b);

#endif
