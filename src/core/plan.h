/* Plans and their sections as stored: read access for the command line and
 * the full-screen program. Writing a plan is the importer's job
 * (import/plan_load.h). */
#ifndef CCHC_PLAN_H
#define CCHC_PLAN_H
#include <stdbool.h>
#include <stdint.h>
#include "store/db.h"

struct plan_info {
	int64_t id;
	int year;            /* 0 when unknown */
	int is_demo;
	int nsections;
	char *doc_no, *doc_type, *parent_body, *issuer, *place, *date_text, *issued_on;
	char *title, *preamble, *closing;
	char *signer_authority, *signer_title, *signer_name;
	char *source_name, *source_sha256, *imported_at;
};

struct plan_ref {
	char *kind, *doc_no, *date_text, *issued_on;
};

struct section_info {
	int64_t id, parent_id;   /* parent_id 0 at top level */
	int seq, depth, nchildren;
	char *label, *style, *heading;
};

struct section_item {
	int is_list_item;        /* 0: paragraph; 1: list item with a marker */
	char marker[8];          /* "-" or "+" */
	char *text;
};

/* The most recently imported plan's id, or 0 when there is none. */
int64_t plan_latest_id(struct db *db);
int plan_count(struct db *db);
/* Fills *p for id (0 = latest). CCHC_ENOTFOUND when absent. */
int plan_get(struct db *db, int64_t id, struct plan_info *p, struct cchc_err *err);
void plan_info_free(struct plan_info *p);
/* All plans, newest first (year, then id); *out malloc'd, free each with plan_info_free. */
int plan_list(struct db *db, struct plan_info **out, int *n, struct cchc_err *err);
void plan_list_free(struct plan_info *v, int n);

int plan_references(struct db *db, int64_t plan_id, struct plan_ref **out, int *n,
		    struct cchc_err *err);
void plan_refs_free(struct plan_ref *v, int n);
/* Recipients ("Nơi nhận") in order, as a malloc'd array of malloc'd strings. */
int plan_recipients(struct db *db, int64_t plan_id, char ***out, int *n, struct cchc_err *err);
void strv_free(char **v, int n);

/* Deletes a plan with its sections (one transaction); a plan with tasks only
 * when with_tasks, and then its tasks too. */
int plan_delete(struct db *db, int64_t id, bool with_tasks, struct cchc_err *err);

/* Every section of a plan in document order (a plan has hundreds, not
 * millions: the outline is held whole, the bodies are read on demand). */
int section_list(struct db *db, int64_t plan_id, struct section_info **out, int *n,
		 struct cchc_err *err);
void section_list_free(struct section_info *v, int n);
/* Paragraphs and list items of one section, in order. */
int section_items(struct db *db, int64_t section_id, struct section_item **out, int *n,
		  struct cchc_err *err);
void section_items_free(struct section_item *v, int n);
/* Each section's paragraphs joined by newlines, in the order of section_list
 * (for the outline's filter, which matches text as well as headings). */
int section_texts(struct db *db, int64_t plan_id, char ***out, int *n, struct cchc_err *err);

#endif
