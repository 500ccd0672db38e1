/* Reading a file into UTF-8 a block at a time (see decoder.h).
 *
 * UTF-8 passes through once checked; a sequence cut by the end of a block
 * is held back and checked with the next one. Other encodings go through
 * iconv block by block, and iconv's "incomplete sequence" at a block's end
 * is likewise carried over. Line numbers for messages are counted only
 * when a fault is found, by reading the file again up to it, so the common
 * path does not count lines at all. */
#include <config.h>
#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "text/decoder.h"
#include "text/detect.h"
#include "text/encoding.h"
#include "text/utf8.h"
#include "text/utf8_fast.h"

#define CARRY_MAX 16  /* room for a cut sequence carried to the next block */

struct text_decoder {
	int fd;
	char *path;
	char *what;          /* the file as messages name it: its path, or as set */
	const char *enc;     /* the iconv name in use, or NULL for UTF-8 as is */
	iconv_t cd;
	char *raw;           /* bytes read and not yet given */
	size_t rawlen, block;
	long long size;      /* of the file */
	long long offset;    /* of raw[0] in the file */
	bool started;        /* the start of the file was looked at (BOM, UTF-16) */
	bool given;          /* some text was given (a BOM made by iconv is dropped before) */
	bool text_seen;      /* some text that is not white space was given */
	bool eof;            /* the file has all been read into raw */
	size_t lines;        /* line ends given, counted on the iconv path only */
	char said[64];       /* the encoding as the clerk is told it */
};

static int open_iconv(struct text_decoder *d, const char *name, struct cchc_err *err)
{
	d->cd = iconv_open("UTF-8", name);
	if (d->cd == (iconv_t)-1)
		return err_set(err, CCHC_EINPUT, "Không biết bảng mã \"%s\" (dùng utf8, utf16le, "
			       "utf16be, cp1258, tcvn3, viscii, hoặc một tên mà iconv hiểu)", name);
	d->enc = name;
	return CCHC_OK;
}

int text_decoder_open(const char *path, const char *enc, size_t block,
		      struct text_decoder **out, struct cchc_err *err)
{
	*out = NULL;
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return err_set(err, CCHC_EIO, "Không mở được tệp %s: %s", path, err_sys(errno));
	struct stat st;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return err_set(err, CCHC_EINPUT, "%s không phải là một tệp thông thường", path);
	}
	if (st.st_size == 0) {
		close(fd);
		return err_set(err, CCHC_EINPUT, "%s rỗng: không có nội dung để nhập", path);
	}
	struct text_decoder *d = xcalloc(1, sizeof *d);
	d->fd = fd;
	d->path = xstrdup(path);
	d->what = xstrdup(path);
	d->cd = (iconv_t)-1;
	d->block = block ? block : 1;
	d->raw = xmalloc(d->block + CARRY_MAX);
	d->size = (long long)st.st_size;
	if (enc && open_iconv(d, text_encoding_name(enc), err)) {
		text_decoder_close(d);
		return err->code;
	}
	if (enc) {
		struct text_guess g = { d->enc, text_encoding_display(enc), false };
		text_encoding_said(&g, true, d->said, sizeof d->said);
	}
	*out = d;
	return CCHC_OK;
}

#define GUESS_SAMPLE 65536   /* bytes text_decoder_guess looks at */

int text_decoder_guess(struct text_decoder *d, struct cchc_err *err)
{
	if (d->cd != (iconv_t)-1)
		return CCHC_OK;
	char *sample = xmalloc(GUESS_SAMPLE);
	ssize_t r = pread(d->fd, sample, GUESS_SAMPLE, 0);
	size_t n = r > 0 ? (size_t)r : 0;
	struct text_guess g;
	int rc = CCHC_OK;
	if (!text_guess_encoding(sample, n, (long long)n == d->size, &g))
		rc = text_refuse_unknown(d->what, sample, n, err);
	else if (g.iconv && !g.bom)   /* a BOM is start()'s to skip */
		rc = open_iconv(d, g.iconv, err);
	free(sample);
	if (!rc)
		text_encoding_said(&g, false, d->said, sizeof d->said);
	return rc;
}

const char *text_decoder_said(const struct text_decoder *d)
{
	return d->said;
}

void text_decoder_close(struct text_decoder *d)
{
	if (!d)
		return;
	if (d->cd != (iconv_t)-1)
		iconv_close(d->cd);
	close(d->fd);
	free(d->path);
	free(d->what);
	free(d->raw);
	free(d);
}

void text_decoder_name(struct text_decoder *d, const char *what)
{
	free(d->what);
	d->what = xstrdup(what);
}

long long text_decoder_size(const struct text_decoder *d)
{
	return d->size;
}

long long text_decoder_offset(const struct text_decoder *d)
{
	return d->offset;
}

/* The line (1-based) of the byte at off, counting the file's LF bytes
 * before it, as text_decode_input counts them. */
static size_t line_at(const struct text_decoder *d, long long off)
{
	char buf[65536];
	size_t line = 1;
	for (long long at = 0; at < off;) {
		size_t want = off - at < (long long)sizeof buf ? (size_t)(off - at) : sizeof buf;
		ssize_t r = pread(d->fd, buf, want, (off_t)at);
		if (r <= 0)
			break;
		for (ssize_t i = 0; i < r; i++)
			line += buf[i] == '\n';
		at += r;
	}
	return line;
}

/* Drops n bytes from the front of raw: they were given (or skipped). */
static void consume(struct text_decoder *d, size_t n)
{
	memmove(d->raw, d->raw + n, d->rawlen - n);
	d->rawlen -= n;
	d->offset += (long long)n;
}

/* Reads one more block after what is carried, to the end of the file; at
 * the start, at least the few bytes a BOM takes. */
static int fill(struct text_decoder *d, struct cchc_err *err)
{
	size_t want = d->rawlen + d->block;
	if (!d->started && want < 4)
		want = 4;
	if (want > d->block + CARRY_MAX)
		want = d->block + CARRY_MAX;
	while (d->rawlen < want && !d->eof) {
		ssize_t r = read(d->fd, d->raw + d->rawlen, want - d->rawlen);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			return err_set(err, CCHC_EIO, "Lỗi khi đọc %s: %s", d->path, err_sys(errno));
		d->eof = r == 0;
		d->rawlen += (size_t)r;
	}
	return CCHC_OK;
}

/* Without a named encoding: UTF-16 when the file starts with its BOM, else
 * UTF-8 with its BOM dropped. */
static int start(struct text_decoder *d, struct cchc_err *err)
{
	const unsigned char *u = (const unsigned char *)d->raw;
	d->started = true;
	if (d->cd != (iconv_t)-1)
		return CCHC_OK;
	if (d->rawlen >= 2 && ((u[0] == 0xff && u[1] == 0xfe) || (u[0] == 0xfe && u[1] == 0xff))) {
		if (open_iconv(d, u[0] == 0xff ? "UTF-16LE" : "UTF-16BE", err))
			return err->code;
		consume(d, 2);
	} else if (d->rawlen >= 3 && memcmp(d->raw, "\xef\xbb\xbf", 3) == 0) {
		consume(d, 3);
	}
	return CCHC_OK;
}

/* The length of s[0, n) without a multi-byte sequence cut at its end. */
static size_t whole_utf8(const char *s, size_t n)
{
	for (size_t k = 1; k <= 4 && k <= n; k++) {
		unsigned char c = (unsigned char)s[n - k];
		if (c < 0x80)
			return n;
		if (c >= 0xc0) {
			size_t need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
			return k < need ? n - k : n;
		}
	}
	return n;
}

/* utf8_valid, skipping ASCII eight bytes at a time. */
static bool valid_utf8(const char *s, size_t n, size_t *bad)
{
	size_t i = 0;
	while (i < n) {
		uint64_t w = 0x80;
		if (i + 8 <= n)
			memcpy(&w, s + i, 8);
		if (!(w & 0x8080808080808080u)) {
			i += 8;
			continue;
		}
		uint32_t cp;
		size_t len = utf8_decode_fast(s + i, n - i, &cp);
		if (!len) {
			*bad = i;
			return false;
		}
		i += len;
	}
	return true;
}

/* The refusal of a NUL byte at off: not text, or UTF-16 without a BOM as
 * the start of the file shows (text_refuse_nul). */
static int refuse_nul(const struct text_decoder *d, long long off, struct cchc_err *err)
{
	char sample[4096];
	ssize_t r = pread(d->fd, sample, sizeof sample, 0);
	return text_refuse_nul(d->what, sample, r > 0 ? (size_t)r : 0, d->size, line_at(d, off),
			       NULL, err);
}

static int take_utf8(struct text_decoder *d, struct sbuf *out, struct cchc_err *err)
{
	const char *nul = memchr(d->raw, '\0', d->rawlen);
	if (nul)
		return refuse_nul(d, d->offset + (nul - d->raw), err);
	size_t n = d->eof ? d->rawlen : whole_utf8(d->raw, d->rawlen), bad;
	if (!valid_utf8(d->raw, n, &bad))
		return err_set(err, CCHC_EINPUT,
			       "%s không phải UTF-8: dòng %zu có byte không hợp lệ. Nếu tệp dùng "
			       "bảng mã khác, hãy ghi rõ bằng --encoding (ví dụ --encoding "
			       "WINDOWS-1258, TCVN5712-1, VISCII, UTF-16LE)",
			       d->what, line_at(d, d->offset + (long long)bad));
	sbuf_addn(out, d->raw, n);
	consume(d, n);
	return CCHC_OK;
}

/* The converter's final state (a shift back to the initial one), at the end. */
static void flush_iconv(struct text_decoder *d, struct sbuf *out)
{
	char chunk[64];
	char *o = chunk;
	size_t oleft = sizeof chunk;
	iconv(d->cd, NULL, NULL, &o, &oleft);
	sbuf_addn(out, chunk, sizeof chunk - oleft);
}

/* Converts what raw holds, leaving a sequence cut by the block's end for
 * the next call. */
static int take_iconv(struct text_decoder *d, struct sbuf *out, struct cchc_err *err)
{
	char chunk[65536];
	ICONV_CONST char *in = d->raw;
	size_t inleft = d->rawlen, start = out->len;
	for (;;) {
		char *o = chunk;
		size_t oleft = sizeof chunk;
		size_t r = iconv(d->cd, &in, &inleft, &o, &oleft);
		int e = errno;
		sbuf_addn(out, chunk, sizeof chunk - oleft);
		if (r != (size_t)-1 || (e == EINVAL && !d->eof))
			break;
		if (e != E2BIG)
			return err_set(err, CCHC_EINPUT, "Dòng %zu có byte không hợp lệ trong bảng mã "
				       "%s", line_at(d, d->offset + (in - d->raw)), d->enc);
	}
	consume(d, (size_t)(in - d->raw));
	if (d->eof && !d->rawlen)
		flush_iconv(d, out);
	if (out->len == start)
		return CCHC_OK;
	const char *nul = memchr(out->s + start, '\0', out->len - start);
	const char *to = nul ? nul : out->s + out->len;
	for (const char *p = out->s + start; p < to && (p = memchr(p, '\n', (size_t)(to - p))); p++)
		d->lines++;
	if (nul)
		return err_set(err, CCHC_EINPUT, "%s không phải văn bản: có ký tự NUL ở dòng %zu",
			       d->what, d->lines + 1);
	return CCHC_OK;
}

int text_decoder_read(struct text_decoder *d, struct sbuf *out, bool *eof,
		      struct cchc_err *err)
{
	*eof = false;
	if (fill(d, err) || (!d->started && start(d, err)))
		return err->code;
	size_t before = out->len;
	if (d->cd == (iconv_t)-1 ? take_utf8(d, out, err) : take_iconv(d, out, err))
		return err->code;
	if (!d->given && out->len - before >= 3 && memcmp(out->s + before, "\xef\xbb\xbf", 3) == 0) {
		memmove(out->s + before, out->s + before + 3, out->len - before - 3);
		sbuf_trunc(out, out->len - 3);
	}
	if (out->len > before) {
		d->given = true;
		d->text_seen = d->text_seen || !text_is_blank(out->s + before, out->len - before);
	}
	if (d->eof && !d->rawlen && !d->text_seen)
		return err_set(err, CCHC_EINPUT, "%s rỗng: không có nội dung để nhập", d->what);
	*eof = d->eof && !d->rawlen;
	return CCHC_OK;
}
