/* Backups and checks. A backup is a consistent copy of the open database
 * (the online backup API, in one read transaction) into a file beside the
 * destination that has no name yet (fs_tmp), verified by reading it back
 * (integrity_check, cchc's application_id), then fsync'd and linked into
 * place: never a partial file, even after a kill. Backups live in a folder
 * "backups" beside the database, named after it: for cchc.db,
 * cchc-YYYY-MM-DD.db (daily, automatic), cchc-YYYY-MM-DD-HHMMSS.db
 * (`cchc backup`), cchc-before-restore-… and cchc-before-upgrade-vN-…. */
#ifndef CCHC_BACKUP_H
#define CCHC_BACKUP_H
#include <stdbool.h>
#include <stdint.h>
#include "store/db.h"

/* Writes a verified copy of the open database to dest, which must not exist
 * unless flags has FS_OVERWRITE (its folder must); never over the database
 * itself. Call it outside a transaction. */
int backup_make(struct db *db, const char *dest, int flags, struct cchc_err *err);

/* The automatic backup of each day: due at the day's first write (db_begin
 * asks, before the write: today's backup is not there, not tried by this
 * process today, backup.auto is not "no", CCHC_NO_AUTO_BACKUP is not 1;
 * one stat when today's is there), started once that write is committed
 * (db_commit): `cchc backup --daily` on this database, in a process of its
 * own that the write does not wait for (CCHC_BACKUP_WAIT=1: it waits, and
 * a failure of today's is left in db->warning). Where no process can be
 * started (or backup_daily_in_background is off), the backup is made here
 * and a failure left in db->warning. */
bool backup_daily_due(struct db *db);
void backup_daily_start(struct db *db);
/* Lets backup_daily_start run the backup in another process: only in the
 * cchc program (main), which that process runs again; off by default. */
void backup_daily_in_background(bool on);

/* The daily backup itself (`cchc backup --daily`): when
 * backups/<name>-YYYY-MM-DD.db is not there for today (CCHC_TODAY
 * honoured), unless the setting backup.auto is "no" or CCHC_NO_AUTO_BACKUP=1
 * or another cchc is writing it, writes that backup and rotates: the newest
 * backup.keep_daily daily backups are kept, and of the older ones the newest
 * of each month for the backup.keep_monthly most recent such months; the
 * rest are deleted. A failure is kept in the database (backup_daily_failure)
 * until a daily backup succeeds. */
int backup_daily(struct db *db, struct cchc_err *err);

/* The last daily backup that failed and has not been followed by one that
 * succeeded: its date (YYYY-MM-DD) and why (*why malloc'd); false when none. */
bool backup_daily_failure(struct db *db, char date[11], char **why);

/* The backups folder beside the database, malloc'd. */
char *backup_dir(const char *db_path);
/* A path in the backups folder that does not exist yet:
 * <dir>/backups/<name>-<kind>YYYY-MM-DD-HHMMSS.db, kind "" or for example
 * "before-restore-". Malloc'd; NULL with err set when CCHC_TODAY is bad. */
char *backup_new_path(const char *db_path, const char *kind, struct cchc_err *err);

/* The VFS (registered at the first call) that opens the name "fd:N" as
 * descriptor N: an SQLite file written where it has no name yet (fs_tmp),
 * one connection, no journal, no lock. NULL when it cannot be registered. */
const char *backup_fd_vfs(void);
/* A "file:" URI opening path read-only; immutable: SQLite takes no lock and
 * makes no -wal or -shm beside it (a file brought from elsewhere). Malloc'd. */
char *backup_readonly_uri(const char *path, bool immutable);

enum backup_kind { BACKUP_DAILY, BACKUP_MANUAL, BACKUP_BEFORE_RESTORE, BACKUP_BEFORE_UPGRADE };

struct backup_info {
	char *path;
	char date[11];        /* YYYY-MM-DD, from the name */
	char time[7];         /* HHMMSS, from the name (daily: from the file's time) */
	int64_t size;
	enum backup_kind kind;
};

/* The database's backups, newest first; *n = 0 when there is no folder. */
int backup_list(const char *db_path, struct backup_info **out, int *n, struct cchc_err *err);
void backup_list_free(struct backup_info *v, int n);
/* The newest backup that passes backup_verify, leaving out the copies
 * kept by a restore (the state the clerk chose to leave); false when there
 * is none. out->path is malloc'd. */
bool backup_newest_good(const char *db_path, struct backup_info *out);
void backup_info_clear(struct backup_info *b);

/* Checks a database file without changing it or creating anything beside
 * it: an SQLite file with cchc's application_id, a schema version not newer
 * than this program's (*version, may be NULL), integrity_check "ok". */
int backup_verify(const char *path, int *version, struct cchc_err *err);

/* Replaces the database at db_path by a copy of src, after checking src.
 * When db_path is a symbolic link, the file it leads to is replaced (the
 * link stays); the backups folder is still the one beside db_path.
 * The current database is kept as backups/<name>-before-restore-….db
 * (*kept, malloc'd, NULL when there was none; kept may be NULL). Refused
 * while another program has the database open; the caller must have it
 * closed. Stale -wal and -shm files are removed. */
int backup_restore(const char *db_path, const char *src, char **kept, struct cchc_err *err);

/* The CCHC_ECORRUPT error for a damaged database at start: names the newest
 * good backup and the command that restores it. */
int backup_corrupt_error(const char *db_path, const char *detail, struct cchc_err *err);

enum check_level { CHECK_OK, CHECK_WARN, CHECK_BAD };

struct check_item {
	enum check_level level;
	char *text;           /* Vietnamese, one line */
};

struct check_report {
	struct check_item *items;
	int n, cap;
	int problems;         /* items at CHECK_BAD */
};

/* `cchc check`: integrity, foreign keys, evidence files against their
 * contents, the search index, the newest backup. The report says what is
 * wrong; err is set only when the checks themselves cannot run. */
int backup_check(struct db *db, struct check_report *r, struct cchc_err *err);
void check_report_free(struct check_report *r);

#endif
