/* The document model, the pieces of layout the writers share, and writing a
 * rendered document to disk in the encoding the clerk asked for. */
#include <config.h>
#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include "export/doc.h"
#include "export/writers.h"
#include "text/encoding.h"
#include "text/utf8.h"
#include "util/fsutil.h"
#include "util/progress.h"
#include "util/sbuf.h"

/* ------------------------------------------------------------------ model */

bool doc_cp_dropped(uint32_t cp)
{
	if (cp >= 0x20 && cp < 0x7f)     /* printable ASCII, most of the text */
		return false;
	return (cp < 0x20 && cp != '\n') || (cp >= 0x7f && cp < 0xa0) || cp == 0xfffe ||
	       cp == 0xffff || text_cp_is_bidi_control(cp);
}

/* A copy of s fit for a document: valid UTF-8 (bad bytes become U+FFFD), NFC,
 * tabs as spaces, CR, the other control characters and the bidi controls
 * dropped (every format, so report --out - too). */
static char *doc_clean(const char *s)
{
	struct sbuf b = SBUF_INIT;
	size_t n = s ? strlen(s) : 0, kept = 0;  /* s[kept..i): kept as is, not yet copied */
	bool composed = true;            /* what text_nfc's quick check would say */
	for (size_t i = 0; i < n;) {
		uint32_t cp = (unsigned char)s[i];
		size_t len = cp < 0x80 ? 1 : utf8_decode(s + i, n - i, &cp);
		/* a character kept unchanged joins the run copied at once: the
		 * bytes of a decoded character are its encoding (utf8proc
		 * refuses overlong forms) */
		if (len != 0 && cp != '\t' && !doc_cp_dropped(cp)) {
			composed = composed && (cp < 0x300 || (cp >= 0x1e00 && cp <= 0x1eff));
			i += len;
			continue;
		}
		sbuf_addn(&b, s + kept, i - kept);
		if (len == 0)
			sbuf_add(&b, "\xef\xbf\xbd");
		else if (cp == '\t')
			sbuf_addc(&b, ' ');
		composed = composed && len != 0;
		i += len ? len : 1;
		kept = i;
	}
	if (kept == 0 && composed)   /* the usual cell: kept whole, in a block of its size */
		return xstrndup(s ? s : "", n);
	sbuf_addn(&b, s + kept, n - kept);
	char *raw = sbuf_detach(&b);
	/* only precomposed letters (Vietnamese's are U+1E00-U+1EFF) and
	 * nothing that combines: already NFC, as text_nfc would find */
	if (composed)
		return raw;
	char *nfc = text_nfc(raw);
	free(raw);
	return nfc ? nfc : xstrdup("");
}

static void set_str(char **field, const char *s)
{
	if (!s)
		return;
	free(*field);
	*field = doc_clean(s);
}

/* Makes room for element n of an array that grows by doubling; the
 * capacity is implied by n, so the structs need no capacity fields. */
static void *grow(void *p, size_t n, size_t size)
{
	if (n == 0 || (n >= 8 && (n & (n - 1)) == 0))
		return xrealloc(p, (n < 8 ? 8 : 2 * n) * size);
	return p;
}

const char *doc_str(const char *s)
{
	return s ? s : "";
}

void doc_init(struct doc *d)
{
	memset(d, 0, sizeof *d);
	char **fields[] = { &d->parent_body, &d->issuing_body, &d->number, &d->place, &d->type,
			    &d->abstract, &d->signer_authority, &d->signer_title, &d->signer_name };
	for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
		*fields[i] = xstrdup("");
}

static void table_free(struct doc_table *t)
{
	for (int i = 0; i < t->nrows * t->ncols; i++)
		free(t->cells[i]);
	for (int i = 0; i < t->nnotes; i++)
		free(t->notes[i]);
	free(t->notes);
	free(t->cells);
	free(t->title);
	free(t->sheet);
	free(t->unit_note);
	free(t->numeric);
	free(t->date);
	free(t->widths);
	free(t->row_attrs);
	free(t->merges);
}

static void block_free(struct doc_block *b)
{
	for (int i = 0; i < b->para.nruns; i++)
		free(b->para.runs[i].text);
	free(b->para.runs);
	if (b->kind == DOC_TABLE_BLOCK)
		table_free(&b->table);
}

void doc_free(struct doc *d)
{
	char *fields[] = { d->parent_body, d->issuing_body, d->number, d->place, d->type,
			   d->abstract, d->signer_authority, d->signer_title, d->signer_name };
	for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
		free(fields[i]);
	for (int i = 0; i < d->nblocks; i++)
		block_free(&d->blocks[i]);
	free(d->blocks);
	for (int i = 0; i < d->nrecipients; i++)
		free(d->recipients[i]);
	free(d->recipients);
	for (int i = 0; i < d->naddressees; i++)
		free(d->addressees[i]);
	free(d->addressees);
	memset(d, 0, sizeof *d);
}

void doc_set_header(struct doc *d, const char *parent_body, const char *issuing_body,
		    const char *number, const char *place, struct ymd date)
{
	set_str(&d->parent_body, parent_body);
	set_str(&d->issuing_body, issuing_body);
	set_str(&d->number, number);
	set_str(&d->place, place);
	d->date = date;
}

void doc_set_title(struct doc *d, const char *type, const char *abstract)
{
	set_str(&d->type, type);
	set_str(&d->abstract, abstract);
}

void doc_set_signer(struct doc *d, const char *authority, const char *title, const char *name)
{
	set_str(&d->signer_authority, authority);
	set_str(&d->signer_title, title);
	set_str(&d->signer_name, name);
}

void doc_add_recipient(struct doc *d, const char *name)
{
	d->recipients = grow(d->recipients, (size_t)d->nrecipients, sizeof *d->recipients);
	d->recipients[d->nrecipients++] = doc_clean(name);
}

void doc_add_addressee(struct doc *d, const char *name)
{
	d->addressees = grow(d->addressees, (size_t)d->naddressees, sizeof *d->addressees);
	d->addressees[d->naddressees++] = doc_clean(name);
}

static struct doc_block *add_block(struct doc *d, enum doc_block_kind kind)
{
	d->blocks = grow(d->blocks, (size_t)d->nblocks, sizeof *d->blocks);
	struct doc_block *b = &d->blocks[d->nblocks++];
	memset(b, 0, sizeof *b);
	b->kind = kind;
	return b;
}

struct doc_para *doc_para(struct doc *d, enum doc_style style, enum doc_align align)
{
	struct doc_block *b = add_block(d, DOC_PARA_BLOCK);
	b->para.style = style;
	b->para.align = align;
	return &b->para;
}

void doc_run(struct doc_para *p, const char *text, int attrs)
{
	p->runs = grow(p->runs, (size_t)p->nruns, sizeof *p->runs);
	p->runs[p->nruns].text = doc_clean(text);
	p->runs[p->nruns++].attrs = attrs;
}

void doc_text(struct doc *d, enum doc_style style, enum doc_align align, int attrs,
	      const char *text)
{
	doc_run(doc_para(d, style, align), text, attrs);
}

int doc_annex(struct doc *d, const char *const *heading)
{
	int n = 0;
	for (int i = 0; i < d->nblocks; i++)
		n += d->blocks[i].kind == DOC_ANNEX;
	struct doc_block *b = add_block(d, DOC_ANNEX);
	b->para.style = DOC_PLAIN;
	b->para.align = DOC_CENTER;
	for (int i = 0; heading && heading[i]; i++) {
		bool paren = heading[i][0] == '(';
		doc_run(&b->para, heading[i], paren ? DOC_ITALIC : DOC_BOLD);
	}
	return n;
}

int doc_annex_start(const struct doc *d)
{
	for (int i = 0; i < d->nblocks; i++)
		if (d->blocks[i].kind == DOC_ANNEX)
			return i;
	return d->nblocks;
}

struct doc_table *doc_table(struct doc *d, const char *title, int ncols, int header_rows)
{
	struct doc_table *t = &add_block(d, DOC_TABLE_BLOCK)->table;
	t->title = doc_clean(title);
	t->sheet = xstrdup("");
	t->unit_note = xstrdup("");
	t->ncols = ncols > 0 ? ncols : 1;
	t->header_rows = header_rows > 0 ? header_rows : 0;
	t->numeric = xcalloc((size_t)t->ncols, sizeof *t->numeric);
	t->date = xcalloc((size_t)t->ncols, sizeof *t->date);
	t->widths = xcalloc((size_t)t->ncols, sizeof *t->widths);
	t->landscape = t->ncols > DOC_PORTRAIT_COLS;
	return t;
}

void doc_table_date_column(struct doc_table *t, int col)
{
	if (col < 0 || col >= t->ncols)
		return;
	t->date[col] = true;
	t->numeric[col] = false;
}

void doc_table_row_attrs(struct doc_table *t, int attrs)
{
	if (t->nrows > 0)
		t->row_attrs[t->nrows - 1] = attrs;
}

void doc_table_merge(struct doc_table *t, int row, int col, int rows, int cols)
{
	if (row < 0 || col < 0 || rows < 1 || cols < 1 || col + cols > t->ncols ||
	    (rows == 1 && cols == 1))
		return;
	t->merges = grow(t->merges, (size_t)t->nmerges, sizeof *t->merges);
	t->merges[t->nmerges++] = (struct doc_merge){ row, col, rows, cols };
}

int doc_table_merge_at(const struct doc_table *t, int row, int col)
{
	for (int i = 0; i < t->nmerges; i++) {
		const struct doc_merge *m = &t->merges[i];
		if (row >= m->row && row < m->row + m->rows && col >= m->col && col < m->col + m->cols)
			return i;
	}
	return -1;
}

void doc_table_sheet(struct doc_table *t, const char *sheet)
{
	set_str(&t->sheet, sheet);
}

void doc_table_note(struct doc_table *t, const char *line)
{
	t->notes = grow(t->notes, (size_t)t->nnotes, sizeof *t->notes);
	t->notes[t->nnotes++] = doc_clean(line);
}

void doc_table_unit(struct doc_table *t, const char *unit_note)
{
	set_str(&t->unit_note, unit_note);
}

void doc_table_column(struct doc_table *t, int col, int width, bool numeric)
{
	if (col < 0 || col >= t->ncols)
		return;
	t->widths[col] = width > 0 ? width : 0;
	t->numeric[col] = numeric;
}

void doc_table_row(struct doc_table *t, const char *const *cells)
{
	size_t row = sizeof *t->cells * (size_t)t->ncols;
	t->cells = grow(t->cells, (size_t)t->nrows, row);
	t->row_attrs = grow(t->row_attrs, (size_t)t->nrows, sizeof *t->row_attrs);
	char **r = t->cells + (size_t)t->nrows * (size_t)t->ncols;
	for (int c = 0; c < t->ncols; c++)
		r[c] = doc_clean(cells ? cells[c] : NULL);
	t->row_attrs[t->nrows++] = 0;
}

void doc_page_break(struct doc *d)
{
	add_block(d, DOC_PAGE_BREAK);
}

/* --------------------------------------------------------- shared layout */

void doc_date_words(struct ymd d, char out[48])
{
	if (d.y == 0)
		snprintf(out, 48, "ngày     tháng     năm");
	else if (d.m < 3)
		snprintf(out, 48, "ngày %02d tháng %02d năm %d", d.d, d.m, d.y);
	else
		snprintf(out, 48, "ngày %02d tháng %d năm %d", d.d, d.m, d.y);
}

void doc_place_date(const struct doc *d, struct sbuf *b)
{
	char words[48];
	doc_date_words(d->date, words);
	if (*doc_str(d->place))
		sbuf_addf(b, "%s, %s", d->place, words);
	else
		sbuf_addf(b, "N%s", words + 1); /* "Ngày ..." opens the line */
}

void doc_number_line(const struct doc *d, struct sbuf *b)
{
	sbuf_add(b, "Số:");
	if (*doc_str(d->number))
		sbuf_addf(b, " %s", d->number);
}

void doc_para_text(const struct doc_para *p, struct sbuf *b)
{
	for (int i = 0; i < p->nruns; i++)
		sbuf_add(b, doc_str(p->runs[i].text));
}

bool doc_has_signer(const struct doc *d)
{
	return *doc_str(d->signer_authority) || *doc_str(d->signer_title) ||
	       *doc_str(d->signer_name);
}

void doc_addressee(const struct doc *d, int i, struct sbuf *b)
{
	const char *s = doc_str(d->addressees[i]);
	size_t n = strlen(s);
	while (n > 0 && strchr(" ;.,", s[n - 1]))
		n--;
	sbuf_addn(b, s, n);
	sbuf_addc(b, i + 1 == d->naddressees ? '.' : ';');
}

/* "(12)" or "12". */
static bool is_column_number(const char *s)
{
	bool paren = *s == '(';
	s += paren;
	size_t digits = strspn(s, "0123456789");
	if (digits == 0)
		return false;
	s += digits;
	return paren ? strcmp(s, ")") == 0 : *s == '\0';
}

bool doc_row_numbers_columns(const struct doc_table *t, int r)
{
	int numbers = 0;
	for (int c = 0; c < t->ncols; c++) {
		const char *s = doc_str(t->cells[r * t->ncols + c]);
		if (*s && !is_column_number(s))
			return false;
		numbers += *s != '\0';
	}
	return numbers > 0;
}

void doc_flat_header(const struct doc_table *t, int c, struct sbuf *b)
{
	const char *last = NULL;
	for (int r = 0; r < t->header_rows && r < t->nrows; r++) {
		if (doc_row_numbers_columns(t, r))
			continue;
		int k = doc_table_merge_at(t, r, c);
		const char *s = k >= 0 ? doc_str(t->cells[t->merges[k].row * t->ncols + t->merges[k].col])
			: doc_str(t->cells[r * t->ncols + c]);
		if (!*s || s == last)
			continue;
		sbuf_add(b, last ? ": " : "");
		sbuf_add(b, s);
		last = s;
	}
}

int doc_text_columns(const char *s, bool words_only)
{
	int best = 0, cur = 0;
	size_t n = strlen(s);
	for (size_t i = 0; i <= n;) {
		uint32_t cp = 0;
		size_t len = i < n ? utf8_decode(s + i, n - i, &cp) : 1;
		if (len == 0)
			len = 1;
		bool end = i == n || cp == '\n' || (words_only && cp == ' ');
		if (end)
			cur = 0;
		else
			cur += text_cp_width(cp);
		best = cur > best ? cur : best;
		i += len;
	}
	return best;
}

/* Width of column c from its content: its widest data line or longest
 * header word, within 3..40 columns. */
static int natural_width(const struct doc_table *t, int c)
{
	enum { MIN_WIDTH = 3, MAX_WIDTH = 40 };
	int m = MIN_WIDTH;
	for (int r = 0; r < t->nrows; r++) {
		int cw = doc_text_columns(doc_str(t->cells[r * t->ncols + c]), r < t->header_rows);
		m = cw > m ? cw : m;
	}
	return m < MAX_WIDTH ? m : MAX_WIDTH;
}

void doc_table_weights(const struct doc_table *t, int *w)
{
	for (int c = 0; c < t->ncols; c++)
		w[c] = t->widths && t->widths[c] > 0 ? t->widths[c] : natural_width(t, c);
}

void doc_scale_widths(const int *want, int n, int total, int *out)
{
	long long sum = 0;
	int used = 0;
	for (int i = 0; i < n; i++)
		sum += want[i] > 0 ? want[i] : 1;
	for (int i = 0; i < n; i++) {
		long long v = (want[i] > 0 ? want[i] : 1) * (long long)total / sum;
		out[i] = v > 1 ? (int)v : 1;
		used += out[i];
	}
	for (int i = 0; used < total; i = (i + 1) % n, used++)
		out[i]++;
	while (used > total) {
		int widest = 0;
		for (int i = 1; i < n; i++)
			widest = out[i] > out[widest] ? i : widest;
		if (out[widest] <= 1)
			break;
		out[widest]--;
		used--;
	}
}

/* ------------------------------------------------------ formats, writing */

typedef int (*doc_renderer)(const struct doc *, char **, size_t *, struct cchc_err *);
typedef int (*doc_writer)(const struct doc *, const char *, const char *, int, struct cchc_err *);

/* A format is rendered in memory (then encoded and written by doc_write),
 * or written straight to disk by a writer of its own. */
static const struct {
	enum doc_format fmt;
	const char *name;
	doc_renderer render;
	doc_writer write;
	bool encodable;          /* the clerk may choose its encoding */
} formats[] = {
	{ DOC_DOCX, "docx", doc_render_docx, NULL, false },
	{ DOC_MD, "md", doc_render_md, NULL, true },
	{ DOC_HTML, "html", doc_render_html, NULL, false },
	{ DOC_TXT, "txt", doc_render_txt, NULL, true },
	{ DOC_XLSX, "xlsx", NULL, doc_write_xlsx, false },
	{ DOC_CSV, "csv", NULL, doc_write_csv, true },
};
#define NFORMATS (sizeof formats / sizeof formats[0])

bool doc_format_parse(const char *s, enum doc_format *out)
{
	for (size_t i = 0; s && i < NFORMATS; i++)
		if (strcasecmp(s, formats[i].name) == 0) {
			*out = formats[i].fmt;
			return true;
		}
	return false;
}

static size_t format_index(enum doc_format fmt)
{
	for (size_t i = 0; i < NFORMATS; i++)
		if (formats[i].fmt == fmt)
			return i;
	return NFORMATS;
}

int doc_render(const struct doc *d, enum doc_format fmt, char **out, size_t *len,
	       struct cchc_err *err)
{
	size_t i = format_index(fmt);
	if (i == NFORMATS)
		return err_set(err, CCHC_EINPUT, "Không có định dạng văn bản số %d", (int)fmt);
	if (!formats[i].render)
		return err_set(err, CCHC_EINPUT, "Tệp %s chỉ ghi thẳng ra đĩa được (doc_write), không "
			       "dựng trong bộ nhớ", formats[i].name);
	return formats[i].render(d, out, len, err);
}

/* The error for the character at bad that encoding enc cannot hold. */
static int unencodable(const char *buf, const char *bad, size_t left, const char *name,
		       const char *enc, struct cchc_err *err)
{
	uint32_t cp = 0xfffd;
	size_t len = utf8_decode(bad, left, &cp);
	size_t line = 1;
	for (const char *p = buf; p < bad; p++)
		line += *p == '\n';
	return err_set(err, CCHC_EINPUT,
		       "Ký tự \"%.*s\" (U+%04X) ở dòng %zu không có trong bảng mã %s (%s): hãy bỏ "
		       "hoặc thay ký tự đó, hoặc ghi tệp bằng UTF-8",
		       (int)(len ? len : 1), bad, (unsigned)cp, line, name, enc);
}

int doc_encode_text(const char *buf, size_t n, const char *name, char **out, size_t *outlen,
		    struct cchc_err *err)
{
	*out = NULL;
	*outlen = 0;
	const char *enc = text_encoding_name(name);
	iconv_t cd = iconv_open(enc, "UTF-8");
	if (cd == (iconv_t)-1)
		return err_set(err, CCHC_EINPUT, "Không biết bảng mã \"%s\" (dùng utf8, utf16le, "
			       "utf16be, cp1258, tcvn3, viscii, hoặc một tên mà iconv hiểu)", name);
	struct sbuf b = SBUF_INIT;
	char chunk[16384], *o;
	ICONV_CONST char *in = (ICONV_CONST char *)buf;
	size_t left = n, oleft;
	int rc = CCHC_OK;
	for (;;) {
		o = chunk;
		oleft = sizeof chunk;
		size_t r = iconv(cd, &in, &left, &o, &oleft);
		sbuf_addn(&b, chunk, sizeof chunk - oleft);
		if (r != (size_t)-1 || errno != E2BIG)
			break;
	}
	if (left > 0)
		rc = unencodable(buf, in, left, name, enc, err);
	o = chunk;
	oleft = sizeof chunk;
	iconv(cd, NULL, NULL, &o, &oleft); /* the closing shift sequence, if any */
	sbuf_addn(&b, chunk, sizeof chunk - oleft);
	iconv_close(cd);
	*outlen = b.len;
	*out = sbuf_detach(&b);
	return rc;
}

static bool is_utf8(const char *encoding)
{
	return !encoding || strcasecmp(text_encoding_name(encoding), "UTF-8") == 0;
}

int doc_check_folder(const char *path, struct cchc_err *err)
{
	char *dir = fs_dirname(path);
	struct stat st;
	int rc = CCHC_OK;
	if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
		rc = err_set(err, CCHC_EIO, "Không ghi được %s: không có thư mục %s", path, dir);
	free(dir);
	return rc;
}

/* The error of an export the clerk stopped: nothing was written. */
static int export_cancelled(struct cchc_err *err)
{
	return err_set(err, CCHC_ECANCEL, "Đã dừng xuất tệp theo yêu cầu; tệp đích không đổi.");
}

/* Renders d (in memory) and encodes it, as the phase "building the
 * document" of the export's progress; false from p (Esc) stops it before
 * anything is written. */
static int render_encoded(const struct doc *d, enum doc_format fmt, const char *encoding,
			  struct progress *p, char **buf, size_t *len, struct cchc_err *err)
{
	int rc = doc_render(d, fmt, buf, len, err);
	if (rc == CCHC_OK && !is_utf8(encoding)) {
		char *conv = NULL;
		rc = doc_encode_text(*buf, *len, encoding, &conv, len, err);
		free(*buf);
		*buf = conv;
	}
	if (rc == CCHC_OK && !progress_update_now(p, 1, 1))
		rc = export_cancelled(err);
	return rc;
}

/* The formats rendered in memory: checked, built, then written in one go
 * by the atomic writer (a temporary file renamed over the target), so that
 * stopping while building leaves no file at all. */
static int write_rendered(const struct doc *d, enum doc_format fmt, const char *path,
			  const char *encoding, int flags, struct cchc_err *err)
{
	int rc = doc_check_folder(path, err);
	if (rc == CCHC_OK)
		rc = fs_check_target(path, flags, err);
	if (rc == CCHC_OK)
		rc = fs_check_regular(path, err);
	if (rc)
		return rc;
	char *buf = NULL;
	size_t len = 0;
	struct progress *p = progress_begin("Xuất tệp, dựng văn bản", NULL, 1, PROGRESS_CANCEL);
	rc = render_encoded(d, fmt, encoding, p, &buf, &len, err);
	if (rc == CCHC_OK) {
		progress_phase(p, "Xuất tệp, ghi tệp", NULL, 0);
		rc = fs_write_atomic(path, buf, len, 0666, flags, err);
	}
	progress_end(p);
	free(buf);
	return rc;
}

/* The formats written straight to the file (xlsx, csv) build and write at
 * once: one phase, not stopped midway. */
static int write_direct(const struct doc *d, size_t i, const char *path, const char *encoding,
			int flags, struct cchc_err *err)
{
	struct progress *p = progress_begin("Xuất tệp, dựng và ghi tệp", NULL, 0, 0);
	int rc = formats[i].write(d, path, encoding, flags, err);
	progress_end(p);
	return rc;
}

int doc_write(const struct doc *d, enum doc_format fmt, const char *path, const char *encoding,
	      int flags, struct cchc_err *err)
{
	size_t i = format_index(fmt);
	if (!(flags & FS_GUARDED_OK) && fs_guard_check(path, err)) /* before any other word */
		return err->code;
	if (i < NFORMATS && !formats[i].encodable && !is_utf8(encoding))
		return err_set(err, CCHC_EINPUT, "Tệp %s luôn dùng UTF-8: chỉ chọn được bảng mã cho "
			       "tệp txt, md và csv", formats[i].name);
	if (i < NFORMATS && formats[i].write)
		return write_direct(d, i, path, encoding, flags, err);
	return write_rendered(d, fmt, path, encoding, flags, err);
}

void doc_escape_markup(struct sbuf *b, const char *s, const char *newline, bool keep_tab)
{
	size_t n = strlen(s), kept = 0;  /* s[kept..i): copied as is, not yet appended */
	for (size_t i = 0; i < n;) {
		uint32_t cp = (unsigned char)s[i];
		size_t len = cp < 0x80 ? 1 : utf8_decode(s + i, n - i, &cp);
		bool special = cp == '&' || cp == '<' || cp == '>' || cp == '"' || cp == '\n';
		if (len != 0 && !special && ((keep_tab && cp == '\t') || !doc_cp_dropped(cp))) {
			i += len;
			continue;
		}
		sbuf_addn(b, s + kept, i - kept);
		if (len == 0)
			sbuf_add(b, "\xef\xbf\xbd");
		else if (cp == '\n')
			sbuf_add(b, newline);
		else if (special)
			sbuf_add(b, cp == '&' ? "&amp;" : cp == '<' ? "&lt;" : cp == '>' ? "&gt;" : "&quot;");
		i += len ? len : 1;
		kept = i;
	}
	sbuf_addn(b, s + kept, n - kept);
}
