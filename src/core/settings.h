/* The settings the clerk may change (`cchc setting`), each with its default
 * and a line of help. A value not set falls back to a default derived from
 * the records where that makes sense (the agency's name and place from the
 * newest plan's header), else the fixed default. */
#ifndef CCHC_SETTINGS_H
#define CCHC_SETTINGS_H
#include <stdbool.h>
#include "store/db.h"

struct setting_def {
	const char *key;
	const char *def;         /* fixed default ("" when derived or none) */
	const char *help;        /* Vietnamese, one line */
	bool (*valid)(const char *value);
};

/* Every known setting, ending with a NULL key. */
extern const struct setting_def settings_known[];
const struct setting_def *settings_find(const char *key);

/* The settings screen's rows, in its order, ending with a NULL key: the
 * group and a short Vietnamese name of each key (the help says the rest). */
struct setting_shown {
	const char *key, *group, *label;
};
extern const struct setting_shown settings_shown[];

/* The value in force, malloc'd: stored, else derived, else the default. */
char *settings_get(struct db *db, const char *key);
/* The value as an integer (fallback when it is not one). */
int settings_get_int(struct db *db, const char *key, int fallback);
/* Whether value would be accepted for key; when not, a short message of
 * what it needs ("Cần ngày/tháng, ví dụ 16/03"). Stores nothing. */
int settings_check(const char *key, const char *value, struct cchc_err *err);
/* Whether key takes yes or no (shown to the clerk as có, không). */
bool settings_yes_no(const char *key);
/* Sets a known key after checking the value; one transaction. */
int settings_set(struct db *db, const char *key, const char *value, struct cchc_err *err);
/* Sets n keys as one action: all of them, or none when one is refused. */
int settings_set_many(struct db *db, const char *const *keys, const char *const *values, int n,
		      struct cchc_err *err);
/* Whether the agency is still to be named (the first-run form): no name
 * stored and none in a plan of the clerk's own; a database holding only
 * the demo plan is the demo and is not asked. False when read-only. */
bool settings_setup_needed(struct db *db);
/* Removes the stored value, so the default applies again. */
int settings_reset(struct db *db, const char *key, struct cchc_err *err);
/* Whether the value in force was stored by the clerk. */
bool settings_is_set(struct db *db, const char *key);

#endif
