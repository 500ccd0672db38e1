/* Tables a PDF's text layer lays out with spaces (pdftotext -layout),
 * turned into "| a | b |" rows. Pure: text in, text out. */
#ifndef CCHC_PLAN_LAYOUT_H
#define CCHC_PLAN_LAYOUT_H

/* The text with each space-laid table replaced by one "| … |" line per row,
 * malloc'd; NULL when the text has no such table. */
char *plan_layout_tables(const char *text);

/* The text with each Markdown grid table (pandoc's "+---+---+" tables)
 * replaced: a table of numbered rows by one "| … |" line per row, a layout
 * table (the header block, Nơi nhận beside the signer) by its cells'
 * paragraphs, column after column. NULL when there is none. */
char *plan_grid_tables(const char *text);

#endif
