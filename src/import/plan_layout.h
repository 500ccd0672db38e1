/* Tables a PDF's text layer lays out with spaces (pdftotext -layout),
 * turned into "| a | b |" rows. Pure: text in, text out. */
#ifndef CCHC_PLAN_LAYOUT_H
#define CCHC_PLAN_LAYOUT_H

/* The text with each space-laid table replaced by one "| … |" line per row,
 * malloc'd; NULL when the text has no such table. */
char *plan_layout_tables(const char *text);

#endif
