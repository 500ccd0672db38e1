#include <config.h>
#include <stdlib.h>
#include <string.h>
#include "core/demo.h"
#include "core/plan.h"
#include "core/unit.h"
#include "import/plan_load.h"
#include "store/datafile.h"
#include "util/sbuf.h"

/* units.tsv: one unit a line, name<TAB>code<TAB>head; # starts a comment. */
static int load_units(struct db *db, char *tsv, struct cchc_err *err)
{
	char *save = NULL;
	for (char *line = strtok_r(tsv, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		if (line[0] == '#' || line[0] == '\0')
			continue;
		char *f[3] = { line, NULL, NULL };
		for (int i = 1; i < 3 && f[i - 1]; i++) {
			char *tab = strchr(f[i - 1], '\t');
			if (tab) {
				*tab = '\0';
				f[i] = tab + 1;
			}
		}
		int rc = unit_insert(db, f[0], f[1], f[2], NULL, err);
		if (rc && rc != CCHC_EDUP)
			return rc;
	}
	return CCHC_OK;
}

int demo_ensure(struct db *db, bool *loaded, struct cchc_err *err)
{
	*loaded = false;
	if (db->readonly || plan_count(db) > 0)
		return CCHC_OK;
	char *seeded = db_setting_get(db, "demo.seeded");
	bool was_seeded = seeded != NULL;
	free(seeded);
	if (was_seeded)
		return CCHC_OK;
	char *plan = datafile_read("data/demo/plan.txt", NULL, NULL);
	char *units = datafile_read("data/demo/units.tsv", NULL, NULL);
	int rc = CCHC_OK;
	if (!plan || !units) {
		rc = err_set(err, CCHC_EIO, "Thiếu dữ liệu mẫu (data/demo)");
		goto out;
	}
	if ((rc = db_begin(db, err)))
		goto out;
	struct plan_import_result res;
	rc = plan_import_in_tx(db, plan, "data/demo/plan.txt", true, &res, err);
	if (!rc)
		rc = load_units(db, units, err);
	if (!rc)
		rc = db_setting_set(db, "demo.seeded", "1", err);
	if (rc)
		db_rollback(db);
	else if (!(rc = db_commit(db, err)))
		*loaded = true;
out:
	free(plan);
	free(units);
	return rc;
}
