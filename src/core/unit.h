/* Units: the divisions of the department (phòng, đơn vị thuộc Sở). */
#ifndef CCHC_UNIT_H
#define CCHC_UNIT_H
#include <stdint.h>
#include "store/db.h"

struct unit_info {
	int64_t id;
	int active;
	char *name, *code, *head;
};

/* Adds a unit inside the caller's transaction. */
int unit_insert(struct db *db, const char *name, const char *code, const char *head,
		int64_t *id, struct cchc_err *err);
/* Adds a unit as one action (its own transaction). */
int unit_add(struct db *db, const char *name, const char *code, const char *head,
	     int64_t *id, struct cchc_err *err);
/* Changes a unit found by code (one action); NULL fields stay as they are,
 * active < 0 leaves the flag. */
int unit_edit(struct db *db, const char *code, const char *name, const char *new_code,
	      const char *head, int active, struct cchc_err *err);
/* All units ordered by name. */
int unit_list(struct db *db, struct unit_info **out, int *n, struct cchc_err *err);
void unit_list_free(struct unit_info *v, int n);

#endif
