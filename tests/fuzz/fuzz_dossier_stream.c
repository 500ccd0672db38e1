/* Fuzz target: the streaming dossier parser (dossier_stream_*, what the
 * import runs) against the whole-text parser. The first byte picks the size
 * of the pieces the text arrives in (1 to 128 bytes, or all at once); the
 * rest is decoded as a file would be. Both must give the same rows and bad
 * rows in the same order, or the same header error, as the caller of the
 * stream sees them (it finds repeated codes itself, as the import does). */
#include <config.h>
#include "fuzz.h"
#include "import/dossier_parse.h"
#include "store/datafile.h"
#include "text/encoding.h"
#include "util/sbuf.h"

static const struct dossier_map *shipped_map(void)
{
	static struct dossier_map map;
	static int loaded;
	struct cchc_err err;
	if (!loaded) {
		char *text = datafile_read("data/dossier-columns.txt", NULL, NULL);
		FUZZ_CHECK(text && dossier_map_parse(text, "shipped", &map, &err) == CCHC_OK);
		free(text);
		loaded = 1;
	}
	return &map;
}

static void put_row(struct sbuf *t, const struct dossier_row *r)
{
	sbuf_addf(t, "row %d:", r->line);
	for (int f = 0; f < DF_COUNT; f++)
		sbuf_addf(t, " %s|", r->text[f]);
	sbuf_addf(t, " %d-%d-%d %d-%d-%d %d-%d-%d %s %d\n", r->received.y, r->received.m,
		  r->received.d, r->due.y, r->due.m, r->due.d, r->resolved.y, r->resolved.m,
		  r->resolved.d, r->received_time, (int)r->channel);
}

static int whole(const char *text, size_t len, struct sbuf *t, struct cchc_err *err)
{
	struct dossier_parse p;
	int rc = dossier_parse_text(text, len, shipped_map(), &p, err);
	if (rc)
		return rc;
	for (int i = 0, j = 0; i < p.nrows || j < p.nbad;) {
		if (j == p.nbad || (i < p.nrows && p.rows[i].line < p.bad[j].line))
			put_row(t, &p.rows[i++]);
		else
			sbuf_addf(t, "bad %d: %s\n", p.bad[j].line, p.bad[j].reason), j++;
	}
	dossier_parse_free(&p);
	return 0;
}

struct collect {
	struct sbuf *t;
	char **codes;
	int *lines, n;
};

static void on_bad(void *ctx, int line, const char *reason)
{
	struct collect *c = ctx;
	sbuf_addf(c->t, "bad %d: %s\n", line, reason);
}

static int on_row(void *ctx, const struct dossier_row *row, struct cchc_err *err)
{
	struct collect *c = ctx;
	for (int i = 0; i < c->n; i++)
		if (strcmp(c->codes[i], row->text[DF_CODE]) == 0) {
			char reason[200];
			dossier_duplicate_reason(row->text[DF_CODE], c->lines[i], reason, sizeof reason);
			on_bad(ctx, row->line, reason);
			return 0;
		}
	c->codes = xrealloc(c->codes, sizeof *c->codes * (size_t)(c->n + 1));
	c->lines = xrealloc(c->lines, sizeof *c->lines * (size_t)(c->n + 1));
	c->codes[c->n] = xstrdup(row->text[DF_CODE]);
	c->lines[c->n++] = row->line;
	put_row(c->t, row);
	return 0;
}

/* The text fed piece bytes at a time, the unread rest carried over. */
static int streamed(const char *text, size_t len, size_t piece, struct sbuf *t,
		    struct cchc_err *err)
{
	struct collect c = { .t = t };
	const struct dossier_stream_ops ops = { on_row, on_bad, &c };
	struct dossier_stream *s = dossier_stream_new(shipped_map(), &ops, (size_t)1 << 20);
	struct sbuf buf = SBUF_INIT;
	size_t at = 0;
	int rc;
	for (;;) {
		size_t k = len - at < piece ? len - at : piece, used = 0;
		sbuf_addn(&buf, text + at, k);
		at += k;
		rc = dossier_stream_feed(s, buf.s ? buf.s : "", buf.len, at == len, &used, err);
		FUZZ_CHECK(used <= buf.len);
		if (rc || at == len)
			break;
		memmove(buf.s, buf.s + used, buf.len - used);
		sbuf_trunc(&buf, buf.len - used);
	}
	dossier_stream_free(s);
	sbuf_free(&buf);
	for (int i = 0; i < c.n; i++)
		free(c.codes[i]);
	free(c.codes);
	free(c.lines);
	return rc;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size == 0)
		return 0;
	size_t piece = data[0] < 128 ? (size_t)data[0] + 1 : (size_t)1 << 30;
	char *text = NULL;
	size_t len;
	struct cchc_err err, werr = { 0 }, gerr = { 0 };
	if (text_decode_input((const char *)data + 1, size - 1, NULL, "fuzz", &text, &len, &err))
		return 0;
	struct sbuf want = SBUF_INIT, got = SBUF_INIT;
	int wrc = whole(text, len, &want, &werr);
	int grc = streamed(text, len, piece, &got, &gerr);
	FUZZ_CHECK(wrc == grc);
	FUZZ_CHECK(strcmp(want.s ? want.s : "", got.s ? got.s : "") == 0);
	FUZZ_CHECK(!wrc || strcmp(werr.msg, gerr.msg) == 0);
	sbuf_free(&want);
	sbuf_free(&got);
	free(text);
	return 0;
}
