/* Progress of long work (a dossier import of a million rows, a backup, a
 * restore, `check`): what is being done, how much, the percent and the time
 * left. The work reports through a struct progress; where it shows is a
 * sink: by default a line on stderr that updates in place when stderr is a
 * terminal (nothing at all otherwise), and in the full-screen program a bar
 * in the status line that also hears Esc. The sink is process-wide so that
 * deep code (the backup's page copy) needs no new parameter to report. */
#ifndef CCHC_PROGRESS_H
#define CCHC_PROGRESS_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* What a sink draws. */
struct progress_view {
	const char *what;       /* "Nhập hồ sơ", "Sao lưu" */
	const char *unit;       /* of count: "dòng", "trang"; NULL: no count shown */
	int64_t count;          /* rows read, pages copied */
	int64_t done, total;    /* for the percent and time left; total 0: not known */
	double elapsed;         /* seconds since the start */
	bool can_cancel;        /* the work stops safely when asked */
};

struct progress_sink {
	/* Draws v; final is the last call, at 100% or where the work stopped. */
	void (*draw)(void *ctx, const struct progress_view *v, bool final);
	/* Clears what draw left, at the end. May be NULL. */
	void (*end)(void *ctx);
	/* Polled at each update of work that can stop: true asks it to. May be NULL. */
	bool (*cancelled)(void *ctx);
	void *ctx;
};

/* Installs s (copied) for the work that starts from now on; NULL puts back
 * the terminal line. */
void progress_set_sink(const struct progress_sink *s);

enum { PROGRESS_CANCEL = 1 };   /* flags of progress_begin */

struct progress;
/* Starts reporting work called what (copied), counting in unit (may be
 * NULL; it must last), whose done will reach total (0: unknown). With
 * PROGRESS_CANCEL the caller stops when progress_update says so. Never NULL. */
struct progress *progress_begin(const char *what, const char *unit, int64_t total, int flags);
/* Reports count (in unit) and done (of total); drawn at most ten times a
 * second. False when the clerk has asked to stop (only with
 * PROGRESS_CANCEL): the caller undoes what it did and returns. */
bool progress_update(struct progress *p, int64_t count, int64_t done);
/* As progress_update, but drawn and asked about Esc now whatever the time
 * since the last draw: at the end of a step after which stopping is safe
 * and no other chance comes (an export's document built, not yet written). */
bool progress_update_now(struct progress *p, int64_t count, int64_t done);
/* As progress_update, keeping count and done: for work that cannot measure
 * itself (an integrity check) but should still show it is alive. */
bool progress_tick(struct progress *p);
/* The next phase of the same work (a backup's check of its copy after the
 * copy): what, unit and total as for progress_begin, count and done back
 * to 0. what is copied; unit must last. */
void progress_phase(struct progress *p, const char *what, const char *unit, int64_t total);
/* The total, once the work knows it (the pages of a database, after the
 * backup's first step). */
void progress_total(struct progress *p, int64_t total);
/* True once the clerk has asked to stop. */
bool progress_cancelled(const struct progress *p);
/* Ends the report (a final draw when anything was drawn, then the sink's
 * end) and frees p; p may be NULL. */
void progress_end(struct progress *p);

/* The line the terminal shows, e.g. "Nhập hồ sơ: 120.000 dòng · 12% · còn
 * khoảng 1 phút 20 giây", with "(Esc: dừng)" when the work can stop and
 * esc_hint is set. */
void progress_format(const struct progress_view *v, bool esc_hint, char *out, size_t size);
/* The time left as the line says it ("còn khoảng 1 phút 20 giây"), or ""
 * when it cannot be told yet (too early, nothing done, total unknown). */
void progress_time_left(const struct progress_view *v, char *out, size_t size);
/* n with a dot every three digits, as Vietnamese writes it: 1.234.567. */
void progress_number(int64_t n, char *out, size_t size);

#endif
