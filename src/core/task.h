/* Tasks: what a plan section asks of a unit, by when, and how it is going.
 * "Quá hạn" (overdue) is computed from the deadline and today (CCHC_TODAY),
 * never stored. */
#ifndef CCHC_TASK_H
#define CCHC_TASK_H
#include <stdbool.h>
#include <stdint.h>
#include "core/due.h"
#include "store/db.h"
#include "text/date.h"

enum task_status { TASK_TODO, TASK_DOING, TASK_DONE, TASK_PAUSED, TASK_NSTATUS };

/* "todo", "doing", "done", "paused" */
const char *task_status_name(int s);
/* "chưa thực hiện", "đang thực hiện", "hoàn thành", "tạm dừng" */
const char *task_status_label(int s);
/* Accepts the English names and the Vietnamese labels, with or without tones. */
int task_status_parse(const char *s);

/* Fields for add and edit; NULL means "not given" (edit leaves it as it is). */
struct task_input {
	int64_t section_id;
	const char *title, *description, *product, *lead_code, *due_text;
	const char *const *co_codes; /* coordinating units' codes */
	int nco;
	bool set_co;                 /* edit: replace the coordinating units */
	int status;                  /* edit: -1 to leave */
};

struct task_info {
	int64_t id, plan_id, section_id;
	int status;
	bool overdue;
	char *title, *description, *product, *lead_code, *lead_name, *due_text, *due_kind;
	char *due_on, *done_on, *section_label, *co_codes; /* co_codes: "VP, TTr" */
};

struct task_filter {
	const char *unit_code;  /* lead or coordinating */
	int status;             /* -1: any */
	bool overdue;
	int due_within;         /* -1: no limit; else due within N working days from today */
	bool open_only;         /* not done */
	bool due_unclear;       /* not done, its deadline not understood (due_kind
				 * 'unknown'), or recurring with every occurrence of the
				 * plan's year ended before it was assigned
				 * (task_due_passed): for the clerk to settle ("Thời hạn
				 * chưa rõ") */
	int64_t plan_id, section_id;
	int limit;              /* 0: no limit */
	int offset;             /* rows skipped first */
	const char *title_query; /* words in the title, description or product (full-text
				  * index, tones and case ignored, last word a prefix) */
	/* Keyset paging on the list's order (due_on IS NULL, due_on, id): with
	 * after set, only the rows after after (before it when reverse). With
	 * reverse, the rows nearest the end (or the key) are taken first but
	 * still returned in the list's order. */
	const struct task_info *after;
	bool reverse;
	bool use_hits;          /* the tasks task_hits_build put aside, instead of
				 * every other condition */
	bool words_by_row;      /* title_query checked on each row read (vi_words) rather
				 * than through the index: for words most tasks have,
				 * where a page is found after a few rows */
};

int task_add(struct db *db, const struct task_input *in, int64_t *id, struct cchc_err *err);
/* The same inside the caller's transaction (accepting several suggestions). */
int task_add_in_tx(struct db *db, const struct task_input *in, int64_t *id, struct cchc_err *err);
/* Whether the section already has a task with this title. */
bool task_exists_in_section(struct db *db, int64_t section_id, const char *title);
/* The first task (lowest number) of the section with this title, or 0;
 * one lookup on the section's index. */
int64_t task_id_in_section(struct db *db, int64_t section_id, const char *title);
int task_edit(struct db *db, int64_t id, const struct task_input *in, struct cchc_err *err);
/* Deletes a task with its notes, deadlines, co-units and evidence links as one action that the trash
 * can restore (src/core/delete.c says what goes with it). */
int task_delete(struct db *db, int64_t id, struct cchc_err *err);
/* Marks done on date (one action). */
int task_done(struct db *db, int64_t id, struct ymd date, struct cchc_err *err);
int task_add_note(struct db *db, int64_t id, const char *text, const char *period, struct ymd date,
		  struct cchc_err *err);
int task_get(struct db *db, int64_t id, struct task_info *t, struct cchc_err *err);
int task_list(struct db *db, const struct task_filter *f, struct task_info **out, int *n,
	      struct cchc_err *err);
/* How many rows task_list would give without limit and offset. */
int task_count(struct db *db, const struct task_filter *f, int *n, struct cchc_err *err);
/* Open tasks (to do or in progress) due by the N-th working day from
 * today, by unit (lead or coordinating): for every unit that has any, its
 * counts of overdue and due-soon tasks and its first per_unit tasks by due
 * date. Rows come grouped by unit_id, in due order. The totals (if not
 * NULL) count every such task once, with a lead or without one: what
 * task_count gives for the filters overdue and due_within N. */
struct task_due_row {
	int64_t unit_id, task_id;
	char *title;
	char due_on[11];
	bool overdue;
	int unit_overdue, unit_soon;  /* the unit's counts (the same on each of its rows) */
};
struct task_due_totals {
	int overdue, soon;
};
int task_due_by_unit(struct db *db, int due_within, int per_unit, struct task_due_row **out,
		     int *n, struct task_due_totals *totals, struct cchc_err *err);
void task_due_rows_free(struct task_due_row *v, int n);
/* Puts aside the keys of the tasks filter f lists (every condition, the
 * words of title_query included; not after, limit or offset) in a
 * temporary table of this connection, replacing the last set; *n their
 * count. A filter with use_hits then counts, places and pages over that
 * set alone, in the list's order: a list filtered as the clerk types runs
 * its full-text query once per key instead of once per statement. With cap
 * > 0, when more than cap tasks have the words (asked of the index for the
 * first cap + 1 only), nothing is put aside and *n is -1: such words are
 * better checked row by row (words_by_row), and the whole set put aside
 * later (cap 0), when the keyboard is idle. Fails on a read-only
 * connection (filter each statement then), or when interrupted
 * (sqlite3_progress_handler): the set is then not to be read. */
int task_hits_build(struct db *db, const struct task_filter *f, int cap, int *n,
		    struct cchc_err *err);
/* Whether title_query makes a condition: whenever it is set and not empty
 * (a single letter too). */
bool task_filter_has_words(const struct task_filter *f);
void task_info_free(struct task_info *t);
void task_list_free(struct task_info *v, int n);

struct task_note {
	char noted_on[11];
	char *period, *text;
};
int task_notes(struct db *db, int64_t id, struct task_note **out, int *n, struct cchc_err *err);
void task_notes_free(struct task_note *v, int n);

/* Recurring tasks (see due_track in core/due.h). */
struct task_track {
	int64_t id;
	char every;              /* 'm', 'q', 'y' */
	struct due_track t;
};
/* The recurring tasks of plans (an SQL list of plan ids, "3,4") as they
 * stand on asof, by number. */
int task_tracks(struct db *db, const char *plans, struct ymd asof, struct task_track **out,
		int *n, struct cchc_err *err);
const struct task_track *task_track_find(const struct task_track *v, int n, int64_t id);
/* The stored deadline of a recurring task depends on the day: recomputed
 * here for all of them when the day has changed since the last time (the
 * internal setting task.due_as_of), outside any transaction and history;
 * a read-only database keeps its deadlines. The lists call it first. */
int task_due_refresh(struct db *db);
/* A recurring task with no occurrence of its plan's year left on or after
 * the day it was assigned: listed with the unclear ones (DUE_PASSED_WHY). */
bool task_due_passed(struct db *db, int64_t id);

/* Looks a unit up by code (case-insensitive); 0 when there is none. */
int64_t unit_id_by_code(struct db *db, const char *code);

/* Counts for the agenda, grouped in SQL: by lead unit (id, code, name), by
 * status (id = the status, label its Vietnamese name; all four, in order) or
 * by plan section (id, label, heading, and its plan_id). plan_id 0: every plan. */
enum task_group_by { TASK_BY_UNIT, TASK_BY_STATUS, TASK_BY_SECTION };
struct task_group {
	int64_t id, plan_id;
	char *code, *label;
	int total, done, overdue;
};
int task_groups(struct db *db, enum task_group_by by, int64_t plan_id, struct task_group **out,
		int *n, struct cchc_err *err);
void task_groups_free(struct task_group *v, int n);

#endif
