/* Runs SQL on the test database ($CCHC_DB) in one transaction: for screen
 * tests that need what the commands refuse to write (control characters in
 * a title) or many rows at once (5,000 tasks). Usage: run_sql SQL */
#include <config.h>
#include <stdio.h>
#include <stdlib.h>
#include "store/db.h"

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: run_sql SQL\n");
		return 2;
	}
	struct db db;
	struct cchc_err err;
	char *path = db_default_path();
	int rc = db_open(&db, path, &err);
	free(path);
	if (rc == CCHC_OK) {
		rc = db_begin(&db, &err);
		if (rc == CCHC_OK && (rc = db_exec(&db, argv[1], &err)) == CCHC_OK)
			rc = db_commit(&db, &err);
		else if (rc == CCHC_OK)
			db_rollback(&db);
		db_close(&db);
	}
	if (rc != CCHC_OK)
		fprintf(stderr, "run_sql: %s\n", err.msg);
	return rc == CCHC_OK ? 0 : 1;
}
