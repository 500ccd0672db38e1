/* Reading an export on a thread of its own: the file is decoded
 * (text/decoder.h) and parsed (dossier_parse.h's stream) a block at a time
 * while the caller stores what came before, and the caller takes the good
 * and bad rows one by one, in file order. The two halves of an import take
 * about the same time, so with two cores it takes about the time of one.
 * Memory stays a few batches of rows whatever the file's size. */
#ifndef CCHC_DOSSIER_READER_H
#define CCHC_DOSSIER_READER_H
#include <stddef.h>
#include "import/dossier_parse.h"

struct dossier_reader;

/* One row of the file: a good one (row set, and len the length of each of
 * its texts; they live until the next call of dossier_reader_next), or a
 * bad one (row NULL, with line and reason). */
struct dossier_item {
	const struct dossier_row *row;
	const int *len;
	int line;
	const char *reason;
};

/* Opens path (errors: those of text_decoder_open), guesses its encoding
 * unless one is named (text_decoder_guess), and starts reading it.
 * encoding and block as for text_decoder_open; map must outlive the reader;
 * a record longer than max_record is skipped as bad. */
int dossier_reader_start(const char *path, const char *encoding, size_t block,
			 size_t max_record, const struct dossier_map *map,
			 struct dossier_reader **out, struct cchc_err *err);
/* The next item: 1 when *it is one, 0 at the end of the file, else the
 * error that stopped the reading (the file's encoding, its header). */
int dossier_reader_next(struct dossier_reader *rd, struct dossier_item *it,
			struct cchc_err *err);
/* The size of the file in bytes. */
long long dossier_reader_size(const struct dossier_reader *rd);
/* The file's encoding as the clerk is told it (text_decoder_said). */
const char *dossier_reader_said(const struct dossier_reader *rd);
/* About the bytes of the file read up to the row handed out last: how far
 * the import is (with dossier_reader_size). */
long long dossier_reader_at(const struct dossier_reader *rd);
/* Stops the reading where it is, waits for the thread, frees. */
void dossier_reader_close(struct dossier_reader *rd);

#endif
