/* Correcting an imported plan: its header fields, a section's heading and
 * text, its paragraphs joined or split, a section moved among its siblings
 * or joined to the one before it. Each function is one user action (one
 * transaction, so the history can undo it). Tasks keep their section id:
 * they follow a moved section, and move to the section another one is
 * joined to. */
#ifndef CCHC_PLAN_EDIT_H
#define CCHC_PLAN_EDIT_H
#include <stdint.h>
#include "store/db.h"

/* A header field the clerk may correct: its name on the command line
 * ("number"), its column, its Vietnamese label (short, for a form) and
 * what it means. */
struct plan_field {
	const char *name, *column, *label, *hint;
};
/* The fields, ended by a row of NULLs. */
extern const struct plan_field plan_fields[];
/* The field called name, or NULL. */
const struct plan_field *plan_field_find(const char *name);

/* Sets fields names[i] to values[i] (NFC, trimmed) in one action. The title
 * may not be empty; "year" takes a year from 1990 to 2100, or "" for none;
 * "date" a date line the plan's date is read from; "authority" its lines
 * separated by " / ". */
int plan_update(struct db *db, int64_t plan_id, const char *const *names,
		const char *const *values, int n, struct cchc_err *err);

/* Sets a section's heading and/or text (NULL: unchanged) in one action.
 * The text is one paragraph a line; a line starting with "- " or "+ " is a
 * list item with that marker; blank lines are dropped. */
int section_update(struct db *db, int64_t section_id, const char *heading, const char *text,
		   struct cchc_err *err);
/* The section's text as section_update reads it back (malloc'd). */
int section_text(struct db *db, int64_t section_id, char **out, struct cchc_err *err);

/* Joins paragraph n (from 1) to paragraph n - 1, with a space between. */
int section_join_paragraph(struct db *db, int64_t section_id, int n, struct cchc_err *err);
/* Splits paragraph n before the first place its text has at (a sentence's
 * start); the second half becomes a paragraph of its own. */
int section_split_paragraph(struct db *db, int64_t section_id, int n, const char *at,
			    struct cchc_err *err);

/* Swaps the section (with its subsections) with the sibling before (dir
 * -1) or after (dir 1). The two take each other's labels, so the numbers
 * stay in order, and dotted labels under them follow ("1.2.3." under "1.2."). */
int section_move(struct db *db, int64_t section_id, int dir, struct cchc_err *err);
/* Moves the section (with its subsections) under another section of the
 * plan, parent_id (0: the plan's top level): after its child after_id, or
 * after its last child when after_id is 0. The block's depths follow; tasks and criteria stay with
 * their sections; labels stay as written (the document's own numbers: the
 * importer took the level wrong, not the number). Refused when parent_id is
 * the section itself or one of its subsections. */
int section_move_under(struct db *db, int64_t section_id, int64_t parent_id, int64_t after_id,
		       struct cchc_err *err);
/* Joins a section without subsections to the section before it in the
 * document (the importer took a numbered line for a heading): its label
 * and heading become a paragraph there, its paragraphs follow, its tasks
 * and criteria go to that section. *into (may be NULL) gets its id. */
int section_join_previous(struct db *db, int64_t section_id, int64_t *into,
			  struct cchc_err *err);

#endif
