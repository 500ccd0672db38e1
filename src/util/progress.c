/* Progress of long work (progress.h). The work calls progress_update as
 * often as it likes (every row of an import); the clock is read each time
 * but the sink draws, and is asked about Esc, at most ten times a second. */
#include <config.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "util/progress.h"
#include "util/sbuf.h"

#define DRAW_EVERY 0.1   /* seconds between draws */
#define ETA_AFTER 1.0    /* seconds before the time left means anything */

struct progress {
	struct progress_view v;
	char what[128];          /* v.what's text: the caller's may not last */
	struct progress_sink sink;
	double start, last;      /* clock at the start, at the last draw */
	bool drawn, cancelled;
};

/* ------------------------------------------------------------ the terminal */

static void term_draw(void *ctx, const struct progress_view *v, bool final)
{
	(void)ctx;
	(void)final;
	char line[256];
	progress_format(v, false, line, sizeof line);
	fprintf(stderr, "\r\033[K%s", line);
	fflush(stderr);
}

static void term_end(void *ctx)
{
	(void)ctx;
	fputs("\r\033[K", stderr);
	fflush(stderr);
}

static struct progress_sink current;
static bool installed;

void progress_set_sink(const struct progress_sink *s)
{
	installed = s != NULL;
	if (s)
		current = *s;
}

/* The terminal line when stderr is a terminal, else a sink that draws nothing. */
static struct progress_sink sink_now(void)
{
	static const struct progress_sink term = { term_draw, term_end, NULL, NULL };
	static const struct progress_sink none = { NULL, NULL, NULL, NULL };
	if (installed)
		return current;
	return isatty(STDERR_FILENO) ? term : none;
}

/* ------------------------------------------------------------ the work */

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void draw(struct progress *p, double t, bool final)
{
	p->last = t;
	p->v.elapsed = t - p->start;
	if (p->sink.draw)
		p->sink.draw(p->sink.ctx, &p->v, final);
	p->drawn = p->sink.draw != NULL;
}

struct progress *progress_begin(const char *what, const char *unit, int64_t total, int flags)
{
	struct progress *p = xcalloc(1, sizeof *p);
	snprintf(p->what, sizeof p->what, "%s", what);
	p->v.what = p->what;
	p->v.unit = unit;
	p->v.total = total > 0 ? total : 0;
	p->v.can_cancel = flags & PROGRESS_CANCEL;
	p->sink = sink_now();
	p->start = now();
	draw(p, p->start, false);
	return p;
}

bool progress_update(struct progress *p, int64_t count, int64_t done)
{
	p->v.count = count;
	p->v.done = done;
	return progress_tick(p);
}

bool progress_update_now(struct progress *p, int64_t count, int64_t done)
{
	p->last = p->start - DRAW_EVERY;   /* as if last drawn long ago */
	return progress_update(p, count, done);
}

bool progress_tick(struct progress *p)
{
	double t = now();
	if (t - p->last < DRAW_EVERY)
		return !p->cancelled;
	draw(p, t, false);
	if (p->v.can_cancel && p->sink.cancelled && p->sink.cancelled(p->sink.ctx))
		p->cancelled = true;
	return !p->cancelled;
}

void progress_phase(struct progress *p, const char *what, const char *unit, int64_t total)
{
	snprintf(p->what, sizeof p->what, "%s", what);
	p->v.unit = unit;
	p->v.count = p->v.done = 0;
	progress_total(p, total);
	p->start = now();
	draw(p, p->start, false);
}

void progress_total(struct progress *p, int64_t total)
{
	p->v.total = total > 0 ? total : 0;
}

bool progress_cancelled(const struct progress *p)
{
	return p->cancelled;
}

void progress_end(struct progress *p)
{
	if (!p)
		return;
	if (p->drawn)
		draw(p, now(), true);
	if (p->sink.end)
		p->sink.end(p->sink.ctx);
	free(p);
}

/* ------------------------------------------------------------ the text */

void progress_number(int64_t n, char *out, size_t size)
{
	char digits[24];
	int len = snprintf(digits, sizeof digits, "%" PRId64, n < 0 ? -n : n);
	struct sbuf b = SBUF_INIT;
	if (n < 0)
		sbuf_addn(&b, "-", 1);
	for (int i = 0; i < len; i++) {
		if (i && (len - i) % 3 == 0)
			sbuf_addn(&b, ".", 1);
		sbuf_addn(&b, &digits[i], 1);
	}
	snprintf(out, size, "%s", b.s);
	sbuf_free(&b);
}

void progress_time_left(const struct progress_view *v, char *out, size_t size)
{
	*out = '\0';
	if (v->total <= 0 || v->done <= 0 || v->done >= v->total || v->elapsed < ETA_AFTER)
		return;
	double left = v->elapsed * (double)(v->total - v->done) / (double)v->done;
	long s = (long)(left + 0.5);
	if (s < 1)
		s = 1;
	if (s < 60)
		snprintf(out, size, "còn khoảng %ld giây", s);
	else if (s < 3600)
		snprintf(out, size, "còn khoảng %ld phút %ld giây", s / 60, s % 60);
	else
		snprintf(out, size, "còn khoảng %ld giờ %ld phút", s / 3600, s % 3600 / 60);
}

void progress_format(const struct progress_view *v, bool esc_hint, char *out, size_t size)
{
	struct sbuf b = SBUF_INIT;
	char num[32], left[64];
	sbuf_addf(&b, "%s:", v->what);
	if (v->unit) {
		progress_number(v->count, num, sizeof num);
		sbuf_addf(&b, " %s %s", num, v->unit);
	}
	if (v->total > 0) {
		int64_t done = v->done < 0 ? 0 : v->done > v->total ? v->total : v->done;
		sbuf_addf(&b, "%s%d%%", v->unit ? " · " : " ", (int)(done * 100 / v->total));
	} else if (!v->unit) {
		sbuf_addf(&b, " %.0f giây", v->elapsed);
	}
	progress_time_left(v, left, sizeof left);
	if (*left)
		sbuf_addf(&b, " · %s", left);
	if (esc_hint && v->can_cancel)
		sbuf_addf(&b, " (Esc: dừng)");
	snprintf(out, size, "%s", b.s);
	sbuf_free(&b);
}
