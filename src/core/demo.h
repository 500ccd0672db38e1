/* The demo data: a department's year (Sở Công Thương Lạng Sơn): its
 * divisions, two plans, tasks in every state with progress notes, evidence
 * with files, a year of dossiers with apology letters, citizen feedback at
 * every step, report notes, criteria scores and index history, all dated
 * from today so the demo always looks current. Loaded in one action. */
#ifndef CCHC_DEMO_H
#define CCHC_DEMO_H
#include <stdbool.h>
#include "store/db.h"

/* Loads the demo when the database has never held a plan and never had the
 * demo (nor was started empty with demo_decline). *loaded tells whether it
 * did. */
int demo_ensure(struct db *db, bool *loaded, struct cchc_err *err);
/* `cchc demo`: loads the demo into a database that holds no records,
 * refusing one that does. */
int demo_create(struct db *db, struct cchc_err *err);
/* `cchc init`: marks a new database as a real one, which never gets the
 * demo. */
int demo_decline(struct db *db, struct cchc_err *err);
/* Whether the database holds the demo (the Overview and documents say so). */
bool demo_present(struct db *db);
/* The line a document made from the demo carries under its title. */
#define DEMO_DOC_NOTE "(DỮ LIỆU MẪU của chương trình cchc, không phải văn bản thật)"


#endif
