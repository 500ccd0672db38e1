/* Reading an export on a thread of its own (dossier_reader.h).
 *
 * The thread fills a batch with the items the stream parser reports (a
 * good row's fields copied out of the parser's buffer, or a bad row's line
 * and reason), in file order, and queues it; the caller empties batches in
 * the same order. At most QUEUE full batches wait, so the reader runs ahead
 * by a bounded amount; an emptied batch is handed back to be filled again.
 * The thread touches no database: it only decodes and parses. */
#include <config.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include "import/dossier_reader.h"
#include "text/decoder.h"
#include "util/sbuf.h"

#define BATCH_BYTES ((size_t)256 << 10)
#define BATCH_ITEMS 1024
#define QUEUE 2

/* A good row (its fields at off[] in the batch's text) or a bad one (its
 * reason at off[0]), with the row's line in row.line. */
struct entry {
	struct dossier_row row;
	size_t off[DF_COUNT];
	int len[DF_COUNT];
	bool bad;
};

struct batch {
	struct sbuf text;
	struct entry *e;
	int n, cap;
	int next;            /* the caller's place in it */
	long long from, at;  /* the bytes of the file read when the last batch and this one were queued */
};

struct dossier_reader {
	struct text_decoder *dec;
	const struct dossier_map *map;
	size_t max_record;
	pthread_t thread;
	bool started;
	pthread_mutex_t lock;
	pthread_cond_t changed;
	struct batch *queue[QUEUE];
	int head, count;
	struct batch *spare;     /* an emptied batch, to fill again */
	bool done;               /* the thread has queued its last batch */
	bool stop;               /* the caller wants no more */
	int rc;                  /* why the thread stopped early, with err */
	struct cchc_err err;
	struct batch *filling;   /* the thread's */
	struct batch *taking;    /* the caller's */
	long long queued_at;     /* the thread's: the bytes read at the last batch queued */
};

static void batch_free(struct batch *b)
{
	if (!b)
		return;
	sbuf_free(&b->text);
	free(b->e);
	free(b);
}

static struct entry *batch_add(struct batch *b)
{
	if (b->n == b->cap) {
		b->cap = b->cap ? b->cap * 2 : 64;
		b->e = xrealloc(b->e, sizeof *b->e * (size_t)b->cap);
	}
	return &b->e[b->n++];
}

/* ------------------------------------------------------------ the thread */

/* Queues the batch being filled, waiting while the queue is full; false
 * when the caller has stopped. */
static bool queue_filled(struct dossier_reader *rd)
{
	pthread_mutex_lock(&rd->lock);
	while (rd->count == QUEUE && !rd->stop)
		pthread_cond_wait(&rd->changed, &rd->lock);
	bool go = !rd->stop;
	if (go) {
		rd->filling->from = rd->queued_at;
		rd->filling->at = rd->queued_at = text_decoder_offset(rd->dec);
		rd->queue[(rd->head + rd->count++) % QUEUE] = rd->filling;
		rd->filling = rd->spare ? rd->spare : xcalloc(1, sizeof *rd->filling);
		rd->spare = NULL;
		pthread_cond_broadcast(&rd->changed);
	}
	pthread_mutex_unlock(&rd->lock);
	return go;
}

/* After an item: the batch goes when full. Non-zero stops the parse. */
static int item_added(struct dossier_reader *rd)
{
	struct batch *b = rd->filling;
	if (b->text.len < BATCH_BYTES && b->n < BATCH_ITEMS)
		return 0;
	return queue_filled(rd) ? 0 : CCHC_EINPUT;
}

static int take_row(void *ctx, const struct dossier_row *row, struct cchc_err *err)
{
	struct dossier_reader *rd = ctx;
	struct batch *b = rd->filling;
	struct entry *e = batch_add(b);
	e->row = *row;
	e->bad = false;
	for (int f = 0; f < DF_COUNT; f++) {
		size_t n = strlen(row->text[f]);
		e->off[f] = b->text.len;
		e->len[f] = (int)n;
		sbuf_addn(&b->text, row->text[f], n + 1);
	}
	return item_added(rd);
}

static void take_bad(void *ctx, int line, const char *reason)
{
	struct dossier_reader *rd = ctx;
	struct batch *b = rd->filling;
	struct entry *e = batch_add(b);
	memset(&e->row, 0, sizeof e->row);
	e->row.line = line;
	e->bad = true;
	e->off[0] = b->text.len;
	sbuf_addn(&b->text, reason, strlen(reason) + 1);
	item_added(rd);
}

static void drop_front(struct sbuf *b, size_t n)
{
	memmove(b->s, b->s + n, b->len - n);
	sbuf_trunc(b, b->len - n);
}

static bool stopped(struct dossier_reader *rd)
{
	pthread_mutex_lock(&rd->lock);
	bool stop = rd->stop;
	pthread_mutex_unlock(&rd->lock);
	return stop;
}

static void *read_file(void *arg)
{
	struct dossier_reader *rd = arg;
	struct cchc_err err = { 0 };
	const struct dossier_stream_ops ops = { take_row, take_bad, rd };
	struct dossier_stream *s = dossier_stream_new(rd->map, &ops, rd->max_record);
	struct sbuf text = SBUF_INIT;
	bool eof = false;
	int rc = CCHC_OK;
	while (!rc && !eof && !stopped(rd)) {
		size_t used = 0;
		rc = text_decoder_read(rd->dec, &text, &eof, &err);
		if (!rc)
			rc = dossier_stream_feed(s, text.s ? text.s : "", text.len, eof, &used, &err);
		if (!rc && used)
			drop_front(&text, used);
	}
	sbuf_free(&text);
	dossier_stream_free(s);
	if (rd->filling->n && !rc)
		queue_filled(rd);
	pthread_mutex_lock(&rd->lock);
	rd->done = true;
	rd->rc = rc;
	rd->err = err;
	pthread_cond_broadcast(&rd->changed);
	pthread_mutex_unlock(&rd->lock);
	return NULL;
}

/* ------------------------------------------------------------ the caller */

int dossier_reader_start(const char *path, const char *encoding, size_t block,
			 size_t max_record, const struct dossier_map *map,
			 struct dossier_reader **out, struct cchc_err *err)
{
	struct text_decoder *dec;
	*out = NULL;
	if (text_decoder_open(path, encoding, block, &dec, err))
		return err->code;
	struct sbuf what = SBUF_INIT;
	sbuf_addf(&what, "Tệp hồ sơ %s", path);
	text_decoder_name(dec, what.s);
	sbuf_free(&what);
	if (text_decoder_guess(dec, err)) {
		text_decoder_close(dec);
		return err->code;
	}
	struct dossier_reader *rd = xcalloc(1, sizeof *rd);
	rd->dec = dec;
	rd->map = map;
	rd->max_record = max_record;
	rd->filling = xcalloc(1, sizeof *rd->filling);
	pthread_mutex_init(&rd->lock, NULL);
	pthread_cond_init(&rd->changed, NULL);
	if (pthread_create(&rd->thread, NULL, read_file, rd) != 0) {
		dossier_reader_close(rd);
		return err_set(err, CCHC_ENOMEM, "Không tạo được luồng đọc tệp %s", path);
	}
	rd->started = true;
	*out = rd;
	return CCHC_OK;
}

long long dossier_reader_size(const struct dossier_reader *rd)
{
	return text_decoder_size(rd->dec);
}

const char *dossier_reader_said(const struct dossier_reader *rd)
{
	return text_decoder_said(rd->dec);
}

long long dossier_reader_at(const struct dossier_reader *rd)
{
	const struct batch *b = rd->taking;
	if (!b || !b->n)
		return 0;
	return b->from + (b->at - b->from) * b->next / b->n;
}

/* Gives back the emptied batch and waits for the next full one; NULL at
 * the end (rd->rc then tells why). */
static struct batch *next_batch(struct dossier_reader *rd, struct batch *emptied)
{
	pthread_mutex_lock(&rd->lock);
	if (emptied) {
		emptied->n = emptied->next = 0;
		sbuf_trunc(&emptied->text, 0);
		if (rd->spare)
			batch_free(emptied);
		else
			rd->spare = emptied;
	}
	while (!rd->count && !rd->done)
		pthread_cond_wait(&rd->changed, &rd->lock);
	struct batch *b = NULL;
	if (rd->count) {
		b = rd->queue[rd->head];
		rd->head = (rd->head + 1) % QUEUE;
		rd->count--;
		pthread_cond_broadcast(&rd->changed);
	}
	pthread_mutex_unlock(&rd->lock);
	return b;
}

static void hand_out(struct batch *b, struct dossier_item *it)
{
	struct entry *e = &b->e[b->next++];
	it->line = e->row.line;
	it->row = NULL;
	it->reason = NULL;
	if (e->bad) {
		it->reason = b->text.s + e->off[0];
		return;
	}
	for (int f = 0; f < DF_COUNT; f++)
		e->row.text[f] = b->text.s + e->off[f];
	it->row = &e->row;
	it->len = e->len;
}

int dossier_reader_next(struct dossier_reader *rd, struct dossier_item *it,
			struct cchc_err *err)
{
	while (!rd->taking || rd->taking->next == rd->taking->n) {
		rd->taking = next_batch(rd, rd->taking);
		if (!rd->taking) {
			memset(it, 0, sizeof *it);
			if (rd->rc)
				*err = rd->err;
			return rd->rc;
		}
	}
	hand_out(rd->taking, it);
	return CCHC_OK;
}

void dossier_reader_close(struct dossier_reader *rd)
{
	if (!rd)
		return;
	if (rd->started) {
		pthread_mutex_lock(&rd->lock);
		rd->stop = true;
		pthread_cond_broadcast(&rd->changed);
		pthread_mutex_unlock(&rd->lock);
		pthread_join(rd->thread, NULL);
	}
	for (int i = 0; i < rd->count; i++)
		batch_free(rd->queue[(rd->head + i) % QUEUE]);
	batch_free(rd->spare);
	batch_free(rd->filling);
	batch_free(rd->taking);
	pthread_mutex_destroy(&rd->lock);
	pthread_cond_destroy(&rd->changed);
	text_decoder_close(rd->dec);
	free(rd);
}
