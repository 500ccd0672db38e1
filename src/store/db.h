/* Opening the cchc database: one SQLite file in WAL mode with foreign keys on,
 * synchronous FULL, a busy timeout, and the schema migrated to this version. */
#ifndef CCHC_DB_H
#define CCHC_DB_H
#include <stdbool.h>
#include <stdio.h>
#include <stdint.h>
#include <sqlite3.h>
#include "util/err.h"

#define CCHC_APPLICATION_ID 0x43434843 /* "CCHC" */

struct db {
	sqlite3 *h;
	char *path;
	bool readonly;  /* the file or its folder cannot be written */
	bool created;   /* the file did not exist before this open */
	int64_t action_id; /* the user action being written (history), or 0 */
	bool daily_backup; /* the day's backup starts when this action commits */
	bool record_rows;  /* the history records this action's rows */
	bool history_armed; /* this connection's history and kept triggers are made */
	bool opening;       /* db_open's own steps (migrations) are running */
	char warning[768]; /* a problem that did not stop the write (the daily
			    * backup failed, where it ran in this process); the
			    * caller shows it, then clears it */
	FILE *trace;       /* CCHC_TRACE_SQL: each statement's time, for profiling */
	int lock_fd;       /* <database>-lock, held shared while open (db_open), or -1 */
	bool marked;       /* this connection has marked <database>-lock: it writes */
	bool wal_file;     /* the file's header said WAL mode when it was opened */
	bool check_due;    /* the last cchc did not close: a check is due
			    * and has not passed yet (DB_CHECK_LATER leaves it to
			    * the caller: db_check_start) */
	struct db_check *check; /* that check, running in the background */
};

/* Settings of the SQLite library for the whole process, before any other
 * call into it (main's first lines). */
void db_library_init(void);

/* Marks <database>-lock (synced) before this connection's first write, so
 * that an end without closing from then on is checked at the next open;
 * once per connection. db_begin_internal and the open's own writes call it;
 * every statement that writes to the file is also caught as it is prepared. */
void db_mark_writing(struct db *db);

/* db_open_ex's flags. */
enum db_open_flags {
	/* A check found due at open (the last cchc did not close) is
	 * left to the caller, who starts it with db_check_start once the
	 * screen is up; without it db_open checks before it returns. */
	DB_CHECK_LATER = 1,
};

/* The database path: CCHC_DB, else $XDG_DATA_HOME/cchc/cchc.db, else
 * ~/.local/share/cchc/cchc.db. Malloc'd; NULL when none applies (no
 * CCHC_DB, no absolute XDG_DATA_HOME, HOME unset or empty). */
char *db_default_path(void);
/* Opens (creating folder 0700 and file 0600 when missing) and migrates.
 * Every cchc holds a shared lock on <database>-lock while it has the file
 * open, and marks in that file that it has it open to write; the last one
 * to close clears the mark. An open that is alone and finds the mark (a
 * cchc was killed, or the power cut) runs PRAGMA quick_check before
 * anything else reads the file. */
int db_open(struct db *db, const char *path, struct cchc_err *err);
int db_open_ex(struct db *db, const char *path, int flags, struct cchc_err *err);
void db_close(struct db *db);
/* Frees the pages SQLite keeps in memory for the connection and no
 * statement holds (its page caches, the temporary tables' too); they are
 * read again when wanted. */
void db_release_memory(struct db *db);
/* A second descriptor of <database>-lock holding a shared lock of its own,
 * for a process this one starts to inherit (spawn_detached_keep): the lock
 * is never let go between the two, and neither's end changes the other's
 * (flock belongs to the open file, so the child must not share this one's).
 * -1 when there is no lock file; the caller closes it once it is handed on. */
int db_lock_share(struct db *db);

/* The check db_open_ex left due (DB_CHECK_LATER), on a connection and a
 * thread of its own while the caller goes on; nothing when none is due. */
int db_check_start(struct db *db, struct cchc_err *err);
/* Whether that check is running (false once it has ended, or when none
 * was started). When it ended on a damaged file, err says so, naming the
 * newest good backup and the command that restores it (CCHC_ECORRUPT);
 * returns that code, else CCHC_OK. */
int db_check_poll(struct db *db, bool *running, struct cchc_err *err);
/* Stops that check if it runs (db_close does). */
void db_check_stop(struct db *db);
/* PRAGMA quick_check(1) on h: the SQLite result code, and in detail (size
 * bytes) what is damaged, or "" when the file is sound. */
int db_quick_check(sqlite3 *h, char *detail, size_t size);

/* BEGIN IMMEDIATE, with the Vietnamese "another program is writing" message on
 * SQLITE_BUSY. Every user action is one such transaction. */
int db_begin(struct db *db, struct cchc_err *err);
/* The same for the program's own bookkeeping: not a user action, so it is
 * not recorded in the history and cannot be undone. */
int db_begin_internal(struct db *db, struct cchc_err *err);
int db_commit(struct db *db, struct cchc_err *err);
void db_rollback(struct db *db);
int db_exec(struct db *db, const char *sql, struct cchc_err *err);
/* Turns an SQLite result code into a message the clerk can act on. */
int db_fail(struct db *db, int rc, const char *what, struct cchc_err *err);
/* Schema version this program writes. */
int db_schema_version(void);
/* Runs this program's migrations 1 to version on h (an empty database,
 * fts_register'd), as an open would: the schema cchc makes at that version. */
int db_schema_build(sqlite3 *h, int version, struct cchc_err *err);

/* The first column of the first row of sql, with ?1 bound to id (or to text),
 * as an integer; 0 when there is no row or the query fails. For look-ups
 * whose absence is the answer ("is there a plan with this hash?"). */
int64_t db_int_by_id(struct db *db, const char *sql, int64_t id);
int64_t db_int_by_text(struct db *db, const char *sql, const char *text);

/* Settings: a key/value table. Returns a malloc'd value or NULL. */
char *db_setting_get(struct db *db, const char *key);
int db_setting_set(struct db *db, const char *key, const char *value, struct cchc_err *err);

#endif
