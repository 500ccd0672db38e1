/* The history, the trash and the action summaries in the clerk's words: the
 * labels of each table's columns and how their values read. */
#ifndef CCHC_HISTORY_TEXT_H
#define CCHC_HISTORY_TEXT_H

/* Registers them with the store's history (once, at start). */
void history_text_install(void);

#endif
