/* The check due when the last cchc did not close (db.h), run in
 * the background: PRAGMA quick_check on a read-only connection of its own,
 * in a thread, while the full-screen program is already in use. */
#include <config.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include "store/backup.h"
#include "store/db.h"
#include "store/fts.h"
#include "util/sbuf.h"

struct db_check {
	pthread_t thread;
	char *path;
	atomic_bool stop;     /* set by db_check_stop: the check gives up */
	atomic_bool done;     /* set by the thread as its last act */
	int rc;               /* SQLite's result code */
	char detail[300];     /* what is damaged, or "" */
};

static int stop_asked(void *p)
{
	struct db_check *c = p;
	return atomic_load(&c->stop);
}

static void *check_main(void *p)
{
	struct db_check *c = p;
	sqlite3 *h = NULL;
	c->rc = sqlite3_open_v2(c->path, &h, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL);
	if (c->rc == SQLITE_OK) {
		sqlite3_extended_result_codes(h, 1);
		sqlite3_busy_timeout(h, 3000);
		sqlite3_progress_handler(h, 10000, stop_asked, c);
		c->rc = fts_register(h, NULL) ? SQLITE_ERROR : db_quick_check(h, c->detail,
									      sizeof c->detail);
	}
	sqlite3_close(h);
	atomic_store(&c->done, true);
	return NULL;
}

int db_check_start(struct db *db, struct cchc_err *err)
{
	if (!db->check_due || db->check)
		return CCHC_OK;
	struct db_check *c = xcalloc(1, sizeof *c);
	c->path = xstrdup(db->path);
	atomic_init(&c->stop, false);
	atomic_init(&c->done, false);
	if (pthread_create(&c->thread, NULL, check_main, c) != 0) {
		free(c->path);
		free(c);
		return err_set(err, CCHC_EIO, "Không chạy được việc kiểm tra cơ sở dữ liệu %s.",
			       db->path);
	}
	db->check = c;
	return CCHC_OK;
}

static void check_free(struct db *db)
{
	pthread_join(db->check->thread, NULL);
	free(db->check->path);
	free(db->check);
	db->check = NULL;
}

int db_check_poll(struct db *db, bool *running, struct cchc_err *err)
{
	struct db_check *c = db->check;
	*running = c && !atomic_load(&c->done);
	if (!c || *running)
		return CCHC_OK;
	int rc = c->rc;
	char detail[sizeof c->detail];
	memcpy(detail, c->detail, sizeof detail);
	check_free(db);
	if (detail[0])
		return backup_corrupt_error(db->path, detail, err);
	if (rc != SQLITE_OK)
		return err_set(err, CCHC_EDB, "Chưa kiểm tra được cơ sở dữ liệu %s (%s); hãy chạy: "
			       "cchc check", db->path, sqlite3_errstr(rc));
	db->check_due = false;
	return CCHC_OK;
}

void db_check_stop(struct db *db)
{
	if (!db->check)
		return;
	atomic_store(&db->check->stop, true);
	check_free(db);
}
