/* The periodic CCHC report (báo cáo định kỳ): one model, many writers.
 * report_figures() gathers the period's figures from the records — tasks
 * done and overdue by reform area, tasks finished in the period with their
 * evidence, the dossier table, apology letters, citizen feedback, index
 * results — and report_build() lays them out with the clerk's own text as
 * an official document (struct doc) that every writer (docx, xlsx, md,
 * html, txt, csv) turns into a file. */
#ifndef CCHC_REPORT_H
#define CCHC_REPORT_H
#include <stdbool.h>
#include <stdint.h>
#include "core/dossier.h"
#include "core/feedback.h"
#include "core/letter.h"
#include "core/period.h"
#include "export/doc.h"

/* The clerk's text: one note per section key and period. */
struct report_section {
	const char *key;         /* "uu-diem" */
	const char *title;       /* where it goes in the report */
};
extern const struct report_section report_sections[]; /* ends with a NULL key */
const struct report_section *report_section_find(const char *key);

int report_note_get(struct db *db, const char *period, const char *key, char **text,
		    struct cchc_err *err);
/* Sets (empty text: removes) the note; one action. */
int report_note_set(struct db *db, const char *period, const char *key, const char *text,
		    struct cchc_err *err);

#define REPORT_MAX_AREAS 12

struct report_area {
	char key[16];
	char *title;
	int64_t total, done, done_in_period, overdue;
};

struct report_task {
	int64_t id;
	int area;                /* index into areas */
	char *title, *unit, *due_on, *done_on, *evidence; /* evidence: "QĐ 12/QĐ-SCT ngày ...; ..." */
	int days_overdue;        /* working days, for overdue tasks */
	char *missed;            /* recurring, in f->missed: "quý I/2026, quý II/2026" */
};

struct report_index {
	int year;
	char idx[8];             /* par, sipas, papi */
	double value;
	int rank, rank_of;
	char target[32];
};

/* The figures the annual report compares with the year before: parts and
 * wholes, a rate being known only when its whole is not 0. */
struct report_rates {
	int64_t tasks_done, tasks_total;     /* of that year's plans; 0/0 when none */
	int64_t dossiers_ok, dossiers_resolved; /* early + on time / resolved */
	int64_t feedback_handled, feedback_total; /* handled / received + carried */
};

struct report_figures {
	struct period period;
	char from[11], to[11], asof[11]; /* ISO; as of min(to, today) */
	char *plans;             /* "Kế hoạch số 31/KH-SNgV ngày 10/6/2024 về ..." or "" */
	int nareas;              /* the areas of data/report-areas.txt, then "Nhiệm vụ khác" */
	struct report_area areas[REPORT_MAX_AREAS];
	int64_t tasks_total, tasks_done, tasks_overdue;
	struct report_task *finished, *overdue, *next; /* done in the period; overdue; due soon */
	int nfinished, noverdue, nnext;
	/* open recurring tasks with occurrences passed unreported (missed
	 * reports, not days overdue); due_on: the deadline in force as of asof */
	struct report_task *missed;
	int nmissed;
	struct dossier_stats dossiers;
	struct dossier_stats *dossiers_by_field, *dossiers_by_unit;
	int nfields, nunits;
	struct letter_coverage letters;
	struct letter_info *letter_list;
	int nletters;
	struct feedback_stats feedback;
	struct report_index *indices; /* every stored year up to the period's, by index then year */
	int nindices;
	bool has_prev;           /* annual report: prev holds the year before's figures */
	struct report_rates cur, prev;
};

/* Gathers the figures; plan_id 0 means the plans of the period's year (the
 * newest plan when that year has none). */
int report_figures(struct db *db, const struct period *p, int64_t plan_id,
		   struct report_figures *f, struct cchc_err *err);
void report_figures_free(struct report_figures *f);

struct report_opts {
	int64_t plan_id;         /* 0: the plans of the period's year */
	struct ymd date;         /* the report's date; y == 0: today */
	int number;              /* the report's number; 0: left blank for the clerk's office */
};

/* The report as a document: header and signer from settings (org.*,
 * report.*), the figures, the clerk's notes, then Nơi nhận and the signer,
 * then the annex (Phụ lục) of tables. */
int report_build(struct db *db, const struct period *p, const struct report_opts *o,
		 struct doc *d, struct cchc_err *err);

/* The report's number from the pattern of setting report.number: {n} is
 * the number (two digits at least: "05"), {yyyy} the year; a pattern
 * without {n} ("/BC-SCT", as older databases hold) is the symbol after the
 * number. number 0 leaves six blanks for the clerk's office to fill:
 * "      /BC-SCT". */
char *report_number_text(const char *pattern, int number, int year);

/* "41,33" — a percentage with two decimals and the decimal comma; "-" when
 * whole is 0 (no rate, not a rate of 0). */
void report_percent(int64_t part, int64_t whole, char out[16]);

/* A date as a first citation gives it: "09/6/2025", "15/01/2026". */
void report_cite_date(const char *iso, char out[24]);
/* s with its first letter in lower case, unless it starts with a name. */
char *report_lower_first(const char *s);

/* The settings a report needs that are still empty, as "org.name, org.place"
 * (malloc'd; "" when none is missing). */
char *report_missing_settings(struct db *db);

/* The send deadline of a named period from the setting report.deadline.*
 * ("16/03"); false when the period kind has none. */
bool report_deadline(struct db *db, const struct period *p, struct ymd *out);
/* The next report to send on or after today: its period and deadline. */
bool report_next_due(struct db *db, struct ymd today, struct period *p, struct ymd *deadline);

/* An agency's name from a header in capitals as a sentence writes it:
 * "SỞ KẾ HOẠCH VÀ ĐẦU TƯ" -> "Sở Kế hoạch và Đầu tư", "UBND TỈNH LẠNG SƠN"
 * -> "UBND tỉnh Lạng Sơn" (malloc'd). */
char *report_agency_name_case(const char *caps);

#endif
