/* The streaming import's halves against their whole-file counterparts: the
 * stream parser gives the rows and bad rows of dossier_parse_text, in the
 * same order, whatever pieces the text comes in (records, CRLF pairs,
 * quoted line ends and UTF-8 sequences cut anywhere); a record too long to
 * hold is skipped and reported; the block decoder gives text_decode_input's
 * text and its refusals, with the right line, at any block size. */
#include <config.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "check.h"
#include "import/dossier_parse.h"
#include "text/decoder.h"
#include "text/encoding.h"
#include "text/utf8.h"
#include "util/sbuf.h"

static const char *const basic_map =
	"code     = Mã hồ sơ | Mã HS\n"
	"procedure = Tên thủ tục\n"
	"holder   = Chủ hồ sơ\n"
	"received = Ngày tiếp nhận\n"
	"due      = Hạn xử lý\n"
	"resolved = Ngày hoàn thành\n"
	"channel  = Hình thức nộp\n";

static struct dossier_map map;

static char *read_file(const char *dir, const char *name, size_t *len)
{
	char path[1024];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *f = fopen(path, "rb");
	if (!f) {
		fprintf(stderr, "cannot open %s\n", path);
		return NULL;
	}
	struct sbuf b = SBUF_INIT;
	char chunk[65536];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		sbuf_addn(&b, chunk, n);
	fclose(f);
	*len = b.len;
	return sbuf_detach(&b);
}

static const char *dossiers_dir(void)
{
	static char dir[1024];
	const char *f = getenv("FIXTURES");
	snprintf(dir, sizeof dir, "%s/dossiers", f ? f : "../../tests/fixtures");
	return dir;
}

/* ------------------------------------------------------------ transcripts */

static void put_row(struct sbuf *t, const struct dossier_row *r)
{
	sbuf_addf(t, "row %d:", r->line);
	for (int f = 0; f < DF_COUNT; f++)
		sbuf_addf(t, " %s|", r->text[f]);
	sbuf_addf(t, " %d-%d-%d %d-%d-%d %d-%d-%d %s %d\n", r->received.y, r->received.m,
		  r->received.d, r->due.y, r->due.m, r->due.d, r->resolved.y, r->resolved.m,
		  r->resolved.d, r->received_time, (int)r->channel);
}

/* The whole-text parse as one transcript: rows and bad rows by line. */
static int whole(const char *text, size_t len, const struct dossier_map *m, struct sbuf *t,
		 struct cchc_err *err)
{
	struct dossier_parse p;
	int rc = dossier_parse_text(text, len, m, &p, err);
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

/* The stream's caller keeps the codes it stored, as the import does. */
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

/* The stream fed piece bytes at a time, with the unread rest carried over
 * as dossier_import_file does. */
static int streamed(const char *text, size_t len, size_t piece, size_t max_record,
		    const struct dossier_map *m, struct sbuf *t, struct cchc_err *err)
{
	struct collect c = { .t = t };
	const struct dossier_stream_ops ops = { on_row, on_bad, &c };
	struct dossier_stream *s = dossier_stream_new(m, &ops, max_record);
	struct sbuf buf = SBUF_INIT;
	size_t at = 0;
	int rc;
	for (;;) {
		size_t k = len - at < piece ? len - at : piece, used = 0;
		sbuf_addn(&buf, text + at, k);
		at += k;
		rc = dossier_stream_feed(s, buf.s ? buf.s : "", buf.len, at == len, &used, err);
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

static const size_t pieces[] = { 1, 2, 3, 5, 7, 16, 61, 256, 4096, (size_t)1 << 30 };
#define NPIECES (sizeof pieces / sizeof pieces[0])

/* The stream agrees with the whole parse at every piece size. */
static void check_same(const char *what, const char *text, size_t len, const struct dossier_map *m)
{
	struct sbuf want = SBUF_INIT;
	struct cchc_err werr = { 0 };
	int wrc = whole(text, len, m, &want, &werr);
	for (size_t i = 0; i < NPIECES; i++) {
		struct sbuf got = SBUF_INIT;
		struct cchc_err gerr = { 0 };
		int grc = streamed(text, len, pieces[i], (size_t)1 << 20, m, &got, &gerr);
		if (grc != wrc || strcmp(got.s ? got.s : "", want.s ? want.s : "") != 0 ||
		    (wrc && strcmp(gerr.msg, werr.msg) != 0))
			fprintf(stderr, "%s, pieces of %zu bytes:\n", what, pieces[i]);
		CHECK_INT(grc, wrc);
		CHECK_STR(got.s ? got.s : "", want.s ? want.s : "");
		if (wrc)
			CHECK_STR(gerr.msg, werr.msg);
		sbuf_free(&got);
	}
	sbuf_free(&want);
}

static void test_fixtures(void)
{
	static const char *const files[] = { "mot-cua-2026.csv", "broken.csv" };
	struct dossier_map shipped, other;
	const char *src = getenv("top_srcdir");
	char datadir[1024];
	size_t len;
	struct cchc_err err;
	snprintf(datadir, sizeof datadir, "%s/data", src ? src : "../..");
	char *text = read_file(datadir, "dossier-columns.txt", &len);
	CHECK(text && dossier_map_parse(text, "shipped", &shipped, &err) == 0);
	free(text);
	for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
		text = read_file(dossiers_dir(), files[i], &len);
		CHECK(text != NULL);
		if (text)
			check_same(files[i], text, len, &shipped);
		free(text);
	}
	text = read_file(dossiers_dir(), "other-system.map", &len);
	CHECK(text && dossier_map_parse(text, "other", &other, &err) == 0);
	free(text);
	text = read_file(dossiers_dir(), "other-system.tsv", &len);
	if (text) {
		check_same("other-system.tsv", text, len, &other);
		check_same("other-system.tsv, shipped map", text, len, &shipped);
	}
	free(text);
	dossier_map_free(&other);
	dossier_map_free(&shipped);
}

#define HEAD "Mã HS,Tên thủ tục,Chủ hồ sơ,Ngày tiếp nhận,Hạn xử lý,Ngày hoàn thành,Hình thức nộp"

/* Line ends of every kind, quotes, blank and title rows, repeats, faults. */
static void test_edges(void)
{
	static const char *const texts[] = {
		"\xef\xbb\xbf" HEAD "\r\nA,Cấp phép,An,01/02/2026,05/02/2026,,Trực tiếp\r\n"
		"B,\"Cấp\r\nphép \"\"mới\"\"\",\"Bình, Chi\",02/02/2026,06/02/2026,,\r\n",
		HEAD "\rA,x,y,01/02/2026,05/02/2026,,\r\rB,x,y,31/02/2026,05/02/2026,,\rC,x,y\r",
		"DANH SÁCH HỒ SƠ\n\n,,,\n" HEAD "\n,,,,,,\nA,x,y,01/02/2026,05/02/2026,,fax\n"
		"A,x,y,01/02/2026,05/02/2026,,\nA,x,y,01/02/2026,05/02/2026,,\n"
		"D,\"x\"y,z,01/02/2026,05/02/2026,,\nE,x,y,01/02/2026,05/02/2026,,\n",
		HEAD "\nA,x,y,01/02/2026,05/02/2026,,\nB,\"open,y,01/02/2026,05/02/2026,,\nC,x\n",
		"  \n\n",
		"STT,Tên\n1,x\n",
		HEAD "\nA,x,y,01/02/2026,05/02/2026,,\r",
		HEAD ";;;\nA;x;y;01/02/2026;05/02/2026;;\n",
		"Mã HS\tNgày tiếp nhận\tHạn xử lý\nA\t2026-02-01 14:30\t2026-02-05\nB\t46036\t\n",
	};
	for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		char what[32];
		snprintf(what, sizeof what, "edge text %zu", i);
		check_same(what, texts[i], strlen(texts[i]), &map);
	}
}

/* Records longer than max_record are skipped, reported at their line, and
 * the count of lines goes on right after them. */
static void test_long_records(void)
{
	struct sbuf text = SBUF_INIT, got = SBUF_INIT;
	struct cchc_err err = { 0 };
	sbuf_add(&text, HEAD "\nA,x,y,01/02/2026,05/02/2026,,\nB,\"");
	for (int i = 0; i < 40; i++)
		sbuf_add(&text, "dài\r\n");
	sbuf_add(&text, "\",y,01/02/2026,05/02/2026,,\r\nC,x,y,01/02/2026,05/02/2026,,\n");
	CHECK_INT(streamed(text.s, text.len, 16, 128, &map, &got, &err), 0);
	CHECK(got.s && strstr(got.s, "row 2: A|") != NULL);
	CHECK(got.s && strstr(got.s, "bad 3: dòng dài hơn 1 KB, không đọc được") != NULL);
	CHECK(got.s && strstr(got.s, "row 44: C|") != NULL);
	/* an unclosed quote: the rest of the file is one bad row, as whole */
	sbuf_trunc(&got, 0);
	sbuf_trunc(&text, 0);
	sbuf_add(&text, HEAD "\nA,x,y,01/02/2026,05/02/2026,,\nB,\"open,y\n");
	for (int i = 0; i < 40; i++)
		sbuf_add(&text, "C,x,y,01/02/2026,05/02/2026,,\n");
	CHECK_INT(streamed(text.s, text.len, 16, 128, &map, &got, &err), 0);
	CHECK_STR(got.s ? strstr(got.s, "bad") : NULL,
		  "bad 3: ô mở dấu ngoặc kép \" mà không đóng (đến hết tệp)\n");
	/* a header that never ends is an error, not a wait for ever */
	sbuf_trunc(&got, 0);
	sbuf_trunc(&text, 0);
	sbuf_add(&text, "\"Mã HS");
	for (int i = 0; i < 40; i++)
		sbuf_add(&text, ",Ngày tiếp nhận");
	CHECK(streamed(text.s, text.len, 16, 128, &map, &got, &err) != 0);
	CHECK(strstr(err.msg, "dòng 1 dài hơn") != NULL);
	sbuf_free(&text);
	sbuf_free(&got);
}

/* ------------------------------------------------------------ decoder */

static char tmp_path[1024];

static const char *write_tmp(const char *data, size_t len)
{
	const char *dir = getenv("TMPDIR");
	snprintf(tmp_path, sizeof tmp_path, "%s/cchc-stream-XXXXXX", dir && *dir ? dir : "/tmp");
	int fd = mkstemp(tmp_path);
	CHECK(fd >= 0);
	if (fd >= 0) {
		CHECK(write(fd, data, len) == (ssize_t)len);
		close(fd);
	}
	return tmp_path;
}

/* The decoder's whole output, line ends made LF and NFC as text_decode_input
 * makes them, or NULL with err set. */
static char *decode_all(const char *path, const char *enc, size_t block, struct cchc_err *err)
{
	struct text_decoder *d;
	if (text_decoder_open(path, enc, block, &d, err))
		return NULL;
	struct sbuf out = SBUF_INIT;
	bool eof = false;
	int rc = 0;
	while (!rc && !eof)
		rc = text_decoder_read(d, &out, &eof, err);
	text_decoder_close(d);
	if (rc) {
		sbuf_free(&out);
		return NULL;
	}
	struct sbuf lf = SBUF_INIT;
	for (size_t i = 0; i < out.len; i++) {
		if (out.s[i] == '\r' && i + 1 < out.len && out.s[i + 1] == '\n')
			continue;
		sbuf_addc(&lf, out.s[i] == '\r' ? '\n' : out.s[i]);
	}
	sbuf_free(&out);
	char *nfc = text_nfc(lf.s ? lf.s : "");
	sbuf_free(&lf);
	return nfc;
}

static void test_decoder_encodings(void)
{
	static const struct {
		const char *file, *enc;
	} files[] = {
		{ "mot-cua-2026.csv", NULL }, { "mot-cua-2026.utf16.tsv", NULL },
		{ "mot-cua-2026.cp1258.csv", "cp1258" }, { "mot-cua-2026.tcvn3.csv", "tcvn3" },
		{ "mot-cua-2026.viscii.csv", "viscii" },
	};
	static const size_t blocks[] = { 1, 2, 3, 7, 64, 4096, 1 << 20 };
	for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
		size_t len, outlen;
		struct cchc_err err = { 0 };
		char *raw = read_file(dossiers_dir(), files[i].file, &len), *want = NULL;
		char path[1100];
		snprintf(path, sizeof path, "%s/%s", dossiers_dir(), files[i].file);
		CHECK(raw && text_decode_input(raw, len, files[i].enc, "x", &want, &outlen, &err) == 0);
		for (size_t b = 0; want && b < sizeof blocks / sizeof blocks[0]; b++) {
			char *got = decode_all(path, files[i].enc, blocks[b], &err);
			if (!got || strcmp(got, want) != 0)
				fprintf(stderr, "%s, blocks of %zu: %s\n", files[i].file, blocks[b],
					got ? "differs" : err.msg);
			CHECK(got && strcmp(got, want) == 0);
			free(got);
		}
		free(raw);
		free(want);
	}
}

/* The refusals of text_decode_input, found in a later block, same words. */
static void test_decoder_refusals(void)
{
	struct sbuf big = SBUF_INIT;
	struct cchc_err err = { 0 }, want = { 0 };
	char *out;
	size_t outlen;
	for (int i = 0; i < 200; i++)
		sbuf_add(&big, "Mã,Ngày\nđồng,01/02/2026\n");
	sbuf_add(&big, "xấu \xc3( ở đây\n");
	const char *path = write_tmp(big.s, big.len);
	CHECK(decode_all(path, NULL, 64, &err) == NULL);
	CHECK(text_decode_input(big.s, big.len, NULL, path, &out, &outlen, &want) != 0);
	CHECK_STR(err.msg, want.msg);
	CHECK(strstr(err.msg, "dòng 401 có byte không hợp lệ") != NULL);
	unlink(path);
	sbuf_trunc(&big, big.len - 1);
	sbuf_addc(&big, '\0');
	path = write_tmp(big.s, big.len);
	CHECK(decode_all(path, NULL, 64, &err) == NULL);
	CHECK(text_decode_input(big.s, big.len, NULL, path, &out, &outlen, &want) != 0);
	CHECK_STR(err.msg, want.msg);
	CHECK(strstr(err.msg, "không phải văn bản: có byte 0 ở dòng 401") != NULL);
	unlink(path);
	/* UTF-16 without a BOM, seen in the first tiny block: told as such */
	path = write_tmp("M\0\xe3\0,\0\n\0x\0", 10);
	CHECK(decode_all(path, NULL, 2, &err) == NULL);
	CHECK(text_decode_input("M\0\xe3\0,\0\n\0x\0", 10, NULL, path, &out, &outlen, &want));
	CHECK_STR(err.msg, want.msg);
	CHECK(strstr(err.msg, "có vẻ là UTF-16 không có BOM") && strstr(err.msg, "UTF-16LE"));
	char *text = decode_all(path, "UTF-16LE", 3, &err);
	CHECK(text && strcmp(text, "Mã,\nx") == 0);
	free(text);
	/* the file named as the caller says (the dossier import: "Tệp hồ sơ") */
	struct text_decoder *d;
	struct sbuf got = SBUF_INIT;
	bool eof;
	CHECK(text_decoder_open(path, NULL, 4, &d, &err) == 0);
	text_decoder_name(d, "Tệp hồ sơ x.csv");
	CHECK(text_decoder_read(d, &got, &eof, &err) == CCHC_EINPUT);
	CHECK(strstr(err.msg, "Tệp hồ sơ x.csv có vẻ là UTF-16") == err.msg);
	text_decoder_close(d);
	sbuf_free(&got);
	unlink(path);
	/* a NUL character once decoded, in a later block: its line */
	path = write_tmp("a\0\n\0b\0\n\0\0\0", 10);
	CHECK(decode_all(path, "UTF-16LE", 2, &err) == NULL);
	CHECK(strstr(err.msg, "không phải văn bản: có ký tự NUL ở dòng 3") != NULL);
	unlink(path);
	path = write_tmp(" \r\n\t\n", 5);
	CHECK(decode_all(path, NULL, 2, &err) == NULL);
	CHECK(strstr(err.msg, "rỗng: không có nội dung để nhập") != NULL);
	unlink(path);
	path = write_tmp("", 0);
	CHECK(decode_all(path, NULL, 2, &err) == NULL);
	CHECK(strstr(err.msg, "rỗng") != NULL);
	CHECK(decode_all(path, "khong-co-bang-ma", 2, &err) == NULL);
	unlink(path);
	/* a byte TCVN3 does not have, after the first block */
	path = write_tmp("Ma,Ngay\nabc,def\n\xff\n", 17);
	CHECK(decode_all(path, "utf8", 4, &err) == NULL);
	CHECK(strstr(err.msg, "Dòng 3 có byte không hợp lệ trong bảng mã UTF-8") != NULL);
	unlink(path);
	sbuf_free(&big);
}

int main(void)
{
	struct cchc_err err;
	if (dossier_map_parse(basic_map, "map", &map, &err)) {
		fprintf(stderr, "%s\n", err.msg);
		return 1;
	}
	test_fixtures();
	test_edges();
	test_long_records();
	test_decoder_encodings();
	test_decoder_refusals();
	dossier_map_free(&map);
	return check_report("test_dossier_stream");
}
