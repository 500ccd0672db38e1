/* The monthly counts of dossiers (schema 22, data/migrations/0022-*.sql):
 * recounted from the rows, and compared with a recount. What they mean is
 * core's (core/dossier_tally.c). */
#include <config.h>
#include "store/tally.h"

#define RECOUNT(key, keyexpr, table) \
	"INSERT INTO " table "(month, " key ", status, r_online, r_offline, s_early, s_on_time, " \
	"s_late) SELECT m, k, status, total(ron), total(roff), total(se), total(so), total(sl) " \
	"FROM (SELECT substr(received_on, 1, 7) AS m, " keyexpr " AS k, status, " \
	"channel = 'truc-tuyen' AS ron, channel <> 'truc-tuyen' AS roff, 0 AS se, 0 AS so, " \
	"0 AS sl FROM dossier UNION ALL SELECT substr(resolved_on, 1, 7), " keyexpr ", status, " \
	"0, 0, resolved_on < due_on, due_on IS NULL OR resolved_on = due_on, " \
	"resolved_on > due_on FROM dossier WHERE resolved_on IS NOT NULL) GROUP BY m, k, status"

static const char REBUILD_SQL[] =
	"DELETE FROM dossier_tally_field; DELETE FROM dossier_tally_unit; "
	RECOUNT("field", "field", "dossier_tally_field") "; "
	RECOUNT("unit_id", "coalesce(unit_id, 0)", "dossier_tally_unit") ";";

int tally_rebuild(struct db *db)
{
	return sqlite3_exec(db->h, REBUILD_SQL, NULL, NULL, NULL);
}

/* The rows of both tables that differ from a recount into temp tables
 * (zero rows, which deletes leave behind, count as absent). */
static const char DIFF_SQL[] =
	"CREATE TEMP TABLE IF NOT EXISTS tally_field_again AS SELECT * FROM dossier_tally_field "
	"WHERE 0; CREATE TEMP TABLE IF NOT EXISTS tally_unit_again AS SELECT * FROM "
	"dossier_tally_unit WHERE 0; DELETE FROM temp.tally_field_again; DELETE FROM "
	"temp.tally_unit_again; "
	RECOUNT("field", "field", "temp.tally_field_again") "; "
	RECOUNT("unit_id", "coalesce(unit_id, 0)", "temp.tally_unit_again") ";";

#define NONZERO " WHERE r_online OR r_offline OR s_early OR s_on_time OR s_late"
#define SYMDIFF(a, b) "(SELECT count(*) FROM (SELECT * FROM " a NONZERO " EXCEPT SELECT * " \
	"FROM " b NONZERO ")) + (SELECT count(*) FROM (SELECT * FROM " b NONZERO " EXCEPT " \
	"SELECT * FROM " a NONZERO "))"

int tally_diff(struct db *db, int64_t *rows)
{
	*rows = 0;
	int rc = sqlite3_exec(db->h, DIFF_SQL, NULL, NULL, NULL);
	sqlite3_stmt *st = NULL;
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(db->h, "SELECT " SYMDIFF("main.dossier_tally_field",
								 "temp.tally_field_again") " + "
					SYMDIFF("main.dossier_tally_unit", "temp.tally_unit_again"),
					-1, &st, NULL);
	if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		*rows = sqlite3_column_int64(st, 0);
		rc = SQLITE_OK;
	}
	sqlite3_finalize(st);
	sqlite3_exec(db->h, "DROP TABLE IF EXISTS temp.tally_field_again; DROP TABLE IF EXISTS "
		     "temp.tally_unit_again", NULL, NULL, NULL);
	return rc;
}
