/* Deadlines as plans write them: "30/11/2026", "Trước ngày 30 tháng 11 năm
 * 2026", "Quý IV/2026", "trong tháng 10/2026", "6 tháng đầu năm", "cuối
 * năm", "từ tháng 3 đến tháng 6/2026", "hằng quý", "định kỳ 6 tháng",
 * "trước 15/12 hằng năm", "ngày 10 tháng cuối mỗi quý", "thường xuyên",
 * "theo chỉ đạo". The clerk's text is always kept; this computes the
 * date(s) it means, or says it did not understand it (DUE_UNKNOWN, with
 * why): a deadline is never refused. Matching ignores tones and case;
 * leading labels ("Thời hạn:", "hoàn thành") and trailing remarks (after a
 * comma or in parentheses) are skipped, but a remark in parentheses that is
 * itself a day inside the period ("Năm 2026 (trước 15/12)") wins. "trước
 * X" is the day before X. Never a wrong day rather than none: a start
 * alone ("Từ ngày 01/01/2026") or several deadlines after ';' are
 * DUE_UNKNOWN with why saying so. */
#ifndef CCHC_DUE_H
#define CCHC_DUE_H
#include <stdbool.h>
#include <stddef.h>
#include "text/date.h"
#include "util/err.h"

enum due_kind {
	DUE_NONE,       /* no deadline written */
	DUE_DATE,       /* a day */
	DUE_BEFORE,     /* "trước 30/11/2026": the day before */
	DUE_QUARTER,    /* the quarter's last day */
	DUE_MONTH,      /* the month's last day */
	DUE_YEAR,       /* 31/12 */
	DUE_RECURRING,  /* one occurrence per month, quarter or year */
	DUE_ONGOING,    /* "thường xuyên", "hằng tuần": never overdue, reported every period */
	DUE_PERIOD,     /* months that are not one month, quarter or year: "6 tháng đầu
			 * năm", "tháng 3-6/2026", "Quý I, II/2026": the last day */
	DUE_ASNEEDED,   /* "theo chỉ đạo", "khi có yêu cầu": no day, never overdue */
	DUE_UNKNOWN,    /* not understood: kept as written, due "chưa xác định" */
};

struct due {
	enum due_kind kind;
	struct ymd date;   /* for the one-off kinds */
	struct ymd from;   /* a range's first day ("từ 01/3 đến 30/6"), else y == 0 */
	char every;        /* recurring: 'm' month, 'q' quarter, 'h' half-year, 'y' year */
	/* recurring: each occurrence falls on day (0: the last) of the month'th
	 * month of its period (0: the last), the day before when before */
	int day, month;
	bool before;
	char why[256];     /* DUE_UNKNOWN: what was not understood, for the clerk */
};

/* Parses text; year is the plan's year, used by "hằng quý" and by dates
 * without a year. An empty text is DUE_NONE; a text not understood is
 * DUE_UNKNOWN with why set. Never fails: returns CCHC_OK (err is not set;
 * it stays for the callers' shape). */
int due_parse(const char *text, int year, struct due *out, struct cchc_err *err);
/* What a list shows for a task with no day, by its stored kind name:
 * "thường xuyên", "theo yêu cầu", "chưa xác định", else "-". */
const char *due_kind_label(const char *kind);
/* Why a task is in "Thời hạn chưa rõ": a recurring one (kind "recurring")
 * because every occurrence of its plan's year ended before it was given
 * (DUE_PASSED_WHY), else why its text (parsed in year) was not understood. */
#define DUE_PASSED_WHY "mọi kỳ của năm kế hoạch đã qua trước khi giao"
void due_unclear_why(const char *kind, const char *text, int year, char *out, size_t n);
/* Occurrences of a recurring deadline in year (or the one date); returns n. */
int due_occurrences(const struct due *d, int year, struct ymd *out, int max);
const char *due_kind_name(enum due_kind k);

/* ---- where a recurring task stands on a day ----
 * Each occurrence is a period (month, quarter, half-year, year) with one of
 * the task's deadlines: its last day, or a day inside it ("ngày 10 tháng
 * cuối quý"), when the occurrence is due; a note anywhere in the period
 * reports it. An occurrence that ended before the task was assigned
 * is not the task's to report. A progress note dated inside an occurrence
 * (and not after the day looked at), or naming its period ("2026-Q3",
 * "2026-09", "2026"), reports it. On a day:
 * - the deadline in force is the end of the first unreported occurrence
 *   ending on or after that day (the current one, or the next when the
 *   current one is reported already);
 * - the occurrences that ended unreported are missed reports, not days
 *   overdue of the task;
 * - only when every occurrence has ended is the last one, unreported, the
 *   deadline in force, then passed: the task is overdue. */
#define DUE_MAX_OCC 12

struct due_note {
	struct ymd on;
	char period[16];         /* as the clerk named it, or "" */
};

struct due_track {
	struct ymd due;          /* the deadline in force; y == 0: none */
	int nmissed;
	struct ymd missed[DUE_MAX_OCC]; /* ends of the missed occurrences, in order */
};

/* ends: the occurrences' last days, ascending; every: 'm', 'q', 'h' or 'y'. */
void due_track(char every, const struct ymd *ends, int nends, struct ymd assigned,
	       const struct due_note *notes, int nnotes, struct ymd asof, struct due_track *out);
/* The occurrence ending on end, as a report names it: "tháng 2/2026",
 * "quý II/2026", "6 tháng đầu năm 2026", "năm 2026". */
void due_occurrence_label(char every, struct ymd end, char *out, size_t n);

/* A deadline on a day off (weekend or holiday, core/calendar.h): the last
 * working day before it, which the clerk must finish by. False when d is a
 * working day (or not a day). */
struct calendar;
bool due_working_day(struct calendar *c, struct ymd d, struct ymd *out);
/* The same said for the clerk: "Chủ nhật → hoàn thành trong ngày làm việc
 * 28/08/2026" ("ngày nghỉ" for a holiday); "" and false on a working day. */
bool due_day_off_note(struct calendar *c, struct ymd d, char *out, size_t n);

#endif
