/* Progress of long work on the status line of the full-screen program. */
#ifndef CCHC_UI_PROGRESS_BAR_H
#define CCHC_UI_PROGRESS_BAR_H
#include "ui/term.h"

/* From now on long work draws on the status line of t's screen (never on
 * stderr, under curses) and stops, where it safely can, on Esc. */
void progress_bar_install(struct term *t);
/* Back to the terminal line, after the screen is closed. */
void progress_bar_remove(void);

#endif
