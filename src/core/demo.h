/* The demo data: a real plan (Sở Công Thương Lạng Sơn, 2024) and a realistic
 * set of divisions, loaded into an empty database so a new clerk sees cchc
 * working at once. */
#ifndef CCHC_DEMO_H
#define CCHC_DEMO_H
#include <stdbool.h>
#include "store/db.h"

/* Loads the demo data in one transaction when the database has never held a
 * plan and never had the demo. *loaded tells whether it did. */
int demo_ensure(struct db *db, bool *loaded, struct cchc_err *err);

#endif
