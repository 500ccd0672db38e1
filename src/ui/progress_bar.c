/* Long work in the full-screen program (util/progress.h): its progress as a
 * bar with the terminal line's text on the status line, and Esc heard
 * between draws. The next paint puts the status line back. */
#include <config.h>
#include "ui/progress_bar.h"
#include "ui/draw.h"
#include "ui/theme.h"
#include "util/progress.h"

#define BAR_COLS 20

static void bar_draw(void *ctx, const struct progress_view *v, bool final)
{
	(void)ctx;
	(void)final;
	attr_t a = theme_attr(EL_STATUSBAR);
	char line[256];
	progress_format(v, true, line, sizeof line);
	draw_fill(LINES - 1, 0, COLS, a);
	int x = 1;
	if (v->total > 0 && COLS > BAR_COLS + 20) {
		int64_t done = v->done < 0 ? 0 : v->done > v->total ? v->total : v->done;
		int full = (int)(done * BAR_COLS / v->total);
		for (int i = 0; i < BAR_COLS; i++)
			draw_text(LINES - 1, x + i, 1, i < full ? "█" : "░", theme_attr(EL_STATUSBAR_KEY));
		x += BAR_COLS + 1;
	}
	draw_text_clip(LINES - 1, x, COLS - x - 1, line, a);
	refresh();
}

static bool bar_cancelled(void *ctx)
{
	return term_esc_waiting(ctx);
}

void progress_bar_install(struct term *t)
{
	const struct progress_sink sink = { bar_draw, NULL, bar_cancelled, t };
	progress_set_sink(&sink);
}

void progress_bar_remove(void)
{
	progress_set_sink(NULL);
}
