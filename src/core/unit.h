/* Units: the divisions of the department (phòng, đơn vị thuộc Sở). */
#ifndef CCHC_UNIT_H
#define CCHC_UNIT_H
#include <stdbool.h>
#include <stdint.h>
#include "store/db.h"

struct unit_info {
	int64_t id;
	int active;
	char *name, *code, *head;
	char *kind;      /* as set ('' when not), see unit_kind_of */
};

/* Kinds of unit, for the groups a plan names ("các phòng, đơn vị thuộc
 * Sở" = phong and don-vi): phong (a division of the department: phòng,
 * Văn phòng, Thanh tra Sở), don-vi (an attached unit: Trung tâm, Chi cục),
 * so-nganh (a department or agency of the province: Sở, Ban, Công an
 * tỉnh), huyen (UBND of a district or town), xa (UBND of a commune or
 * ward), khac (none of these). */
bool unit_kind_valid(const char *kind);
/* The kind read from the shape of a unit's name ("Phòng …" -> phong,
 * "UBND huyện …" -> huyen); "khac" when the name says nothing. */
const char *unit_kind_guess(const char *name);
/* The kind in force: the one set, or the one guessed from the name. */
const char *unit_kind_of(const char *kind, const char *name);
/* A code for a new unit from the initials of its name ("Sở Xây dựng" ->
 * "SXD"), with a number added when it is taken. Malloc'd. */
char *unit_new_code(struct db *db, const char *name);
/* Sets the kind of unit id inside the caller's transaction. */
int unit_set_kind(struct db *db, int64_t id, const char *kind, struct cchc_err *err);

/* Adds a unit inside the caller's transaction. */
int unit_insert(struct db *db, const char *name, const char *code, const char *head,
		int64_t *id, struct cchc_err *err);
/* Adds a unit as one action (its own transaction). */
int unit_add(struct db *db, const char *name, const char *code, const char *head,
	     const char *kind, int64_t *id, struct cchc_err *err);
/* Changes a unit found by code (one action); NULL fields stay as they are,
 * active < 0 leaves the flag. */
int unit_edit(struct db *db, const char *code, const char *name, const char *new_code,
	      const char *head, const char *kind, int active, struct cchc_err *err);
/* The same for the unit whose id is id (the program's form). */
int unit_edit_id(struct db *db, int64_t id, const char *name, const char *new_code,
		 const char *head, const char *kind, int active, struct cchc_err *err);
/* Deletes a unit no record names, as one action the trash can restore;
 * otherwise CCHC_EINPUT with what names it and the advice to mark it
 * inactive. */
int unit_delete(struct db *db, int64_t id, struct cchc_err *err);
/* All units ordered by name. */
int unit_list(struct db *db, struct unit_info **out, int *n, struct cchc_err *err);
void unit_list_free(struct unit_info *v, int n);

#endif
