/* Whether a database file's schema is the one cchc makes. A restored file
 * is trusted data, but its schema is code: a trigger runs at the next write
 * (a "backup" with AFTER INSERT ON unit BEGIN DELETE FROM dossier; END
 * would empty the registers at the next `unit add`), a view runs when read.
 * So `restore` refuses, and `check` reports, every table, index, view and
 * trigger of the file (from sqlite_master: type, name, table, SQL text)
 * that this program would not have made at the file's schema version.
 *
 * What cchc makes at version v is built, not listed: an in-memory database
 * on which the program's own migrations 1..v run (with the FTS5 shadow
 * tables and sqlite_sequence SQLite adds for them), plus, at the current
 * version, the search triggers search_index_ensure makes; the triggers are
 * then moved into kept_trigger as an open moves them (schema 29,
 * store/kept.h), and the rows of kept_trigger, code too, are compared as
 * triggers of their own. Compared as well:
 * SQLite's statistics tables (sqlite_stat1, sqlite_stat4; ANALYZE writes
 * them, no code runs from them) are allowed; the history triggers are TEMP,
 * per connection, never in the file.
 *
 * An older file (v below this program's version) is compared with the
 * schema of its own version, since migrations never change once released.
 * Only its triggers cannot be: older programs made the search triggers from
 * other source lists and kept the history triggers in the file, and their
 * SQL is not known here. The same holds at the current version for a file
 * whose setting search.spec is not this program's (the list of sources
 * changed without a migration). In both cases (remade) the triggers named
 * search_* (but search_dossier_*, made by migration 20 like the unit_rank_*
 * of 21, and compared as any schema object) or history_* are accepted by
 * name (derived) and the caller must
 * drop them from its copy, with the setting search.spec, so that the next
 * open makes this version's before any write (see backup_restore); any
 * other trigger is foreign. */
#ifndef CCHC_SCHEMA_H
#define CCHC_SCHEMA_H
#include <stdbool.h>
#include <sqlite3.h>
#include "util/err.h"

struct schema_diff {
	char **items;   /* one Vietnamese line per object: "trigger zz (bảng unit) lạ: …" */
	int n;
	int derived;    /* triggers an older cchc made, to be dropped (see above) */
	bool remade;    /* the file's search.spec is not this program's: its
			 * derived triggers are remade at the next open */
};

/* Compares the schema "main" of h, a cchc database at schema version
 * version (not newer than this program's), with what cchc makes. */
int schema_compare(sqlite3 *h, int version, struct schema_diff *d, struct cchc_err *err);
void schema_diff_free(struct schema_diff *d);

/* SQL dropping from a database at an older version the triggers that
 * schema_compare accepted by name, and the setting that would keep them
 * from being remade: run inside the caller's transaction. Malloc'd. */
char *schema_drop_derived_sql(sqlite3 *h);

#endif
