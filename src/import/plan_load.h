/* The plan importer's loading half: reads a file, converts it to NFC UTF-8,
 * parses it and stores it in one transaction. */
#ifndef CCHC_PLAN_LOAD_H
#define CCHC_PLAN_LOAD_H
#include <stdbool.h>
#include <stdint.h>
#include "import/plan_parse.h"
#include "store/db.h"

struct plan_import_result {
	int64_t plan_id;
	bool existed;       /* the same text was imported before: plan_id is that plan */
	int nsections;
};

/* Imports text already decoded to NFC UTF-8. source_name is recorded (file
 * name); is_demo marks the demo plan. */
int plan_import_text(struct db *db, const char *text, const char *source_name, bool is_demo,
		     struct plan_import_result *res, struct cchc_err *err);
/* The same inside the caller's transaction (the demo loader's). */
int plan_import_in_tx(struct db *db, const char *text, const char *source_name, bool is_demo,
		      struct plan_import_result *res, struct cchc_err *err);
/* Imports text read from path (its base name is recorded) and frees it. */
int plan_import_read(struct db *db, char *text, const char *path,
		     struct plan_import_result *res, struct cchc_err *err);
/* Reads path (enc NULL: UTF-8 or UTF-16 with BOM) into NFC UTF-8 text
 * (malloc'd), without importing it: the program shows the tree first. */
int plan_read_text_file(const char *path, const char *enc, char **out, struct cchc_err *err);
/* Reads path (enc NULL: UTF-8 or UTF-16 with BOM) and imports it. */
int plan_import_file(struct db *db, const char *path, const char *enc,
		     struct plan_import_result *res, struct cchc_err *err);

#endif
