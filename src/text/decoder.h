/* Reading a file into UTF-8 a block at a time, for inputs too big to hold
 * whole (the one-stop system's export of a million dossiers): the encodings
 * and the refusals of text_decode_input, with the same messages, but the
 * text comes as it is in the file: line ends are left alone and NFC is the
 * caller's business (the dossier parser normalises cell by cell). */
#ifndef CCHC_DECODER_H
#define CCHC_DECODER_H
#include <stdbool.h>
#include <stddef.h>
#include "util/err.h"
#include "util/sbuf.h"

struct text_decoder;

/* Opens path. enc as for text_decode_input: NULL takes UTF-8 (a BOM is
 * dropped) or UTF-16 with a BOM; else an iconv name or a clerk's alias
 * (cp1258, tcvn3, viscii). block: the bytes read at a time. */
int text_decoder_open(const char *path, const char *enc, size_t block,
		      struct text_decoder **out, struct cchc_err *err);
/* Appends the text of the next block to out (whole characters only: a
 * sequence cut by the block's end waits for the next call). *eof turns true
 * when the file has all been read and given. Refuses the file as
 * text_decode_input would, at the block where the fault is. */
int text_decoder_read(struct text_decoder *d, struct sbuf *out, bool *eof,
		      struct cchc_err *err);
/* Without a named encoding, guesses it from the file's first bytes
 * (text/detect.h): a BOM, UTF-8, Windows-1258 or TCVN3; a file that is none
 * of them is refused (text_refuse_unknown). Call it after text_decoder_name,
 * before the first read. */
int text_decoder_guess(struct text_decoder *d, struct cchc_err *err);
/* The encoding in use as the clerk is told it, e.g. "TCVN3 (tự nhận biết)"
 * ("" before text_decoder_guess). */
const char *text_decoder_said(const struct text_decoder *d);
/* Names the file as messages will (by default its path), e.g. "Tệp hồ sơ
 * PATH". */
void text_decoder_name(struct text_decoder *d, const char *what);
/* The size of the file in bytes. */
long long text_decoder_size(const struct text_decoder *d);
/* The bytes of the file read and given so far: with the size, how far along it is. */
long long text_decoder_offset(const struct text_decoder *d);
void text_decoder_close(struct text_decoder *d);

#endif
