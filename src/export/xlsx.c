/* Excel writer (libxlsxwriter): one worksheet per table of the document,
 * named by the table's short name ("Biểu 4"). A header block above the
 * table: the issuing body, the title (or the heading of the annex the
 * table is in) merged across the table, its notes ("Kỳ báo cáo: ..."),
 * the unit on the right; then the header rows bold on grey with borders,
 * their merged cells merged, frozen and repeated on every printed page, the
 * body with thin borders, total rows bold. In a numeric column a cell that
 * reads as a number the Vietnamese way ("1.234", "41,33", "41,33%") is
 * written as a number with a matching format, and in a date column a
 * dd/mm/yyyy date as a date; anything else stays text, as written. Times New Roman,
 * A4. libxlsxwriter writes to a file name, so the workbook goes to a
 * temporary file beside the target (fs_tmp_open: unnamed where possible, so
 * a crash leaves nothing), is fsynced, then put in its place. */
#include <config.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xlsxwriter.h>
#include "export/doc.h"
#include "export/lazylib.h"
#include "export/writers.h"
#include "text/date.h"
#include "text/fold.h"
#include "text/utf8.h"
#include "util/fsutil.h"
#include "util/sbuf.h"
#include "util/platform.h"

#define XLSX_FONT "Times New Roman"
#define NO_TABLES_SHEET "Không có bảng"

enum {
	FONT_SIZE = 12,
	TITLE_FONT_SIZE = 13,
	SHEET_NAME_MAX = 31,     /* characters: Excel's limit */
	MAX_DIGITS = 15,         /* what a double holds exactly */
	MAX_DECIMALS = 9,
	WIDTH_PAD = 2,           /* characters of margin in a column */
	HEADER_GREY = 0xD9D9D9,
	PAPER_A4 = 9,
	LANDSCAPE_WIDTH = 100    /* a table wider than this (characters) prints landscape */
};

/* A cell read as a number: its value and how the clerk wrote it. */
struct xlsx_number {
	double value;
	int decimals;
	bool grouped, percent;
};

struct xlsx {
	lxw_workbook *wb;
	const struct doc *d;
	const char *path;        /* the file asked for, for messages */
	struct cchc_err *err;
	lxw_format *issuer, *title, *subtitle, *note, *unit, *head;
	lxw_format *text[2], *right[2], *centre[2], *date[2]; /* [bold] */
	lxw_format *num[2][2][2][MAX_DECIMALS + 1]; /* [bold][percent][grouped][decimals], on demand */
	char **names;            /* case-folded names of the sheets so far */
	int nnames;
};

/* ---------------------------------------------------------------- numbers */

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Reads the integer part at p: digits, either not grouped or grouped by
 * dots in threes ("1.234.567"), no leading zero but for "0" itself.
 * Returns the end, or NULL when p does not hold one. */
static const char *read_integer(const char *p, struct xlsx_number *n, long long *mant,
				int *digits)
{
	const char *start = p;
	int run = 0;
	for (;; p++) {
		if (is_digit(*p)) {
			if (++*digits > MAX_DIGITS)
				return NULL;
			*mant = *mant * 10 + (*p - '0');
			run++;
		} else if (*p == '.' && is_digit(p[1]) &&
			   (n->grouped ? run == 3 : run >= 1 && run <= 3)) {
			n->grouped = true;
			run = 0;
		} else {
			break;
		}
	}
	if (*digits == 0 || (n->grouped && run != 3) || (*start == '0' && *digits > 1))
		return NULL;
	return p;
}

/* Reads the decimals after a decimal comma, if there is one. */
static const char *read_decimals(const char *p, struct xlsx_number *n, long long *mant,
				 int *digits)
{
	if (*p != ',')
		return p;
	for (p++; is_digit(*p); p++) {
		if (++*digits > MAX_DIGITS || ++n->decimals > MAX_DECIMALS)
			return NULL;
		*mant = *mant * 10 + (*p - '0');
	}
	return n->decimals > 0 ? p : NULL;
}

/* Parses a number written the Vietnamese way: an optional sign, the
 * integer part with dots between thousands, a decimal comma, an optional
 * "%" (the value is then a fraction: "41,33%" is 0.4133). Spaces around it
 * are allowed; anything else makes it text. */
static bool parse_number(const char *s, struct xlsx_number *n)
{
	memset(n, 0, sizeof *n);
	long long mant = 0;
	int digits = 0;
	while (*s == ' ')
		s++;
	bool negative = *s == '-';
	s += *s == '-' || *s == '+';
	s = read_integer(s, n, &mant, &digits);
	s = s ? read_decimals(s, n, &mant, &digits) : NULL;
	if (!s)
		return false;
	while (*s == ' ')
		s++;
	n->percent = *s == '%';
	s += n->percent;
	while (*s == ' ')
		s++;
	if (*s)
		return false;
	double scale = 1;
	for (int i = 0; i < n->decimals + (n->percent ? 2 : 0); i++)
		scale *= 10; /* exact: at most 10^11 */
	n->value = (double)mant / scale;
	n->value = negative && mant ? -n->value : n->value;
	return true;
}

/* ---------------------------------------------------------------- formats */

static lxw_format *new_format(struct xlsx *x, int size, bool bold)
{
	lxw_format *f = workbook_add_format(x->wb);
	format_set_font_name(f, XLSX_FONT);
	format_set_font_size(f, size);
	if (bold)
		format_set_bold(f);
	return f;
}

/* A cell of the table: thin borders, text wrapped at its newlines. */
static lxw_format *cell_format(struct xlsx *x, bool bold, uint8_t align)
{
	lxw_format *f = new_format(x, FONT_SIZE, bold);
	format_set_border(f, LXW_BORDER_THIN);
	format_set_text_wrap(f);
	format_set_align(f, align);
	format_set_align(f, bold ? LXW_ALIGN_VERTICAL_CENTER : LXW_ALIGN_VERTICAL_TOP);
	return f;
}

/* A line of the header block: no border, aligned as align says. */
static lxw_format *block_format(struct xlsx *x, int size, bool bold, bool italic, uint8_t align)
{
	lxw_format *f = new_format(x, size, bold);
	if (italic)
		format_set_italic(f);
	format_set_align(f, align);
	format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
	return f;
}

static void make_formats(struct xlsx *x)
{
	x->issuer = block_format(x, FONT_SIZE, true, false, LXW_ALIGN_LEFT);
	x->title = block_format(x, TITLE_FONT_SIZE, true, false, LXW_ALIGN_CENTER);
	x->subtitle = block_format(x, FONT_SIZE, false, true, LXW_ALIGN_CENTER);
	x->note = block_format(x, FONT_SIZE, false, true, LXW_ALIGN_CENTER);
	x->unit = block_format(x, FONT_SIZE, false, true, LXW_ALIGN_RIGHT);
	x->head = cell_format(x, true, LXW_ALIGN_CENTER);
	format_set_bg_color(x->head, HEADER_GREY);
	for (int bold = 0; bold < 2; bold++) {
		x->text[bold] = cell_format(x, bold, LXW_ALIGN_LEFT);
		x->right[bold] = cell_format(x, bold, LXW_ALIGN_RIGHT);
		x->centre[bold] = cell_format(x, bold, LXW_ALIGN_CENTER);
		x->date[bold] = cell_format(x, bold, LXW_ALIGN_CENTER);
		format_set_num_format(x->date[bold], "dd/mm/yyyy");
	}
}

/* The body format for a number written like n: "#,##0" when the clerk
 * grouped the thousands, "0" when not, the same decimals, "%" kept. */
static lxw_format *number_format(struct xlsx *x, const struct xlsx_number *n, bool bold)
{
	lxw_format **slot = &x->num[bold][n->percent][n->grouped][n->decimals];
	if (!*slot) {
		char code[32];
		snprintf(code, sizeof code, "%s%s%.*s%s", n->grouped ? "#,##0" : "0",
			 n->decimals ? "." : "", n->decimals, "000000000", n->percent ? "%" : "");
		*slot = cell_format(x, bold, LXW_ALIGN_RIGHT);
		format_set_num_format(*slot, code);
	}
	return *slot;
}

/* ------------------------------------------------------------ sheet names */

/* Drops spaces and apostrophes (Excel refuses one at either end) from both
 * ends of s, in place. */
static void trim_name(char *s)
{
	size_t n = strlen(s), start = 0;
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\''))
		s[--n] = '\0';
	while (s[start] == ' ' || s[start] == '\'')
		start++;
	memmove(s, s + start, n - start + 1);
}

/* The number of characters of s. */
static size_t char_count(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xc0) != 0x80;
	return n;
}

/* title made fit for a sheet name: one line, the characters Excel refuses
 * replaced ("/" and "\" by "-", "[]:*?" by spaces), at most max
 * characters, cut between words when it is longer (within a word only
 * when the first word alone is longer). Malloc'd; "" when nothing is left. */
static char *sheet_base(const char *title, int max)
{
	struct sbuf b = SBUF_INIT;
	for (const char *p = title; *p; p++)
		sbuf_addc(&b, *p == '/' || *p == '\\' ? '-' : strchr("[]:*?\n", *p) ? ' ' : *p);
	char *raw = sbuf_detach(&b);
	char *s = text_squeeze(raw);
	free(raw);
	trim_name(s);
	size_t i = 0, n = strlen(s);
	for (int chars = 0; i < n && chars < max; chars++) {
		uint32_t cp;
		size_t len = utf8_decode(s + i, n - i, &cp);
		i += len ? len : 1;
	}
	size_t space = i;
	while (i < n && s[i] != ' ' && space > 0 && s[space] != ' ')
		space--;
	i = space > 0 ? space : i;
	s[i] = '\0';
	trim_name(s);
	return s;
}

/* What a sheet is named after: the table's short name, else its title up
 * to the first ". " ("Biểu 4. Tình hình..." -> "Biểu 4") when that part is
 * short enough, else the whole title. Malloc'd. */
static char *sheet_source(const struct doc_table *t)
{
	if (*doc_str(t->sheet))
		return xstrdup(t->sheet);
	const char *dot = strstr(doc_str(t->title), ". ");
	if (dot && dot > t->title) {
		char *head = xstrndup(t->title, (size_t)(dot - t->title));
		if (char_count(head) <= SHEET_NAME_MAX)
			return head;
		free(head);
	}
	return xstrdup(doc_str(t->title));
}

/* Excel compares sheet names without case, and keeps "History" for itself. */
static bool name_taken(const struct xlsx *x, const char *name)
{
	char *folded = text_fold(name, true);
	bool taken = strcmp(folded, "history") == 0;
	for (int i = 0; i < x->nnames && !taken; i++)
		taken = strcmp(folded, x->names[i]) == 0;
	free(folded);
	return taken;
}

/* A sheet name for table number index (from 1) that no earlier sheet has:
 * from sheet_source(), cut to 31 characters, "Biểu N" for a table without
 * a name, " (2)", " (3)"... added to a name already taken. Malloc'd. */
static char *sheet_name(struct xlsx *x, const struct doc_table *t, int index)
{
	struct sbuf b = SBUF_INIT;
	char *source = sheet_source(t);
	char *base = sheet_base(source, SHEET_NAME_MAX);
	free(source);
	if (!*base) {
		free(base);
		sbuf_addf(&b, "Biểu %d", index);
		base = xstrdup(b.s);
	}
	sbuf_trunc(&b, 0);
	sbuf_add(&b, base);
	for (int k = 2; name_taken(x, b.s); k++) {
		char suffix[16];
		snprintf(suffix, sizeof suffix, " (%d)", k);
		char *cut = sheet_base(base, SHEET_NAME_MAX - (int)strlen(suffix));
		sbuf_trunc(&b, 0);
		sbuf_addf(&b, "%s%s", cut, suffix);
		free(cut);
	}
	free(base);
	x->names = xrealloc(x->names, sizeof *x->names * (size_t)(x->nnames + 1));
	x->names[x->nnames++] = text_fold(b.s, true);
	return sbuf_detach(&b);
}

/* ----------------------------------------------------------------- sheets */

/* The clerk's reason for a libxlsxwriter error. */
static const char *lxw_reason(lxw_error e)
{
	switch (e) {
	case LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED:
		return "nội dung dài quá 32.767 ký tự, mức tối đa Excel cho phép";
	case LXW_ERROR_CREATING_XLSX_FILE:
		return "không tạo được tệp (thư mục không cho ghi?)";
	case LXW_ERROR_CREATING_TMPFILE:
		return "không tạo được tệp tạm trong thư mục tạm của hệ thống";
	case LXW_ERROR_MEMORY_MALLOC_FAILED:
		return "hết bộ nhớ";
	case LXW_ERROR_ZIP_FILE_OPERATION:
	case LXW_ERROR_ZIP_FILE_ADD:
	case LXW_ERROR_ZIP_CLOSE:
		return "không ghi được tệp nén (ổ đĩa đầy hoặc không cho ghi?)";
	default:
		return lxw_strerror(e);
	}
}

static int cell_error(struct xlsx *x, lxw_error e, const char *sheet, lxw_row_t row,
		      lxw_col_t col)
{
	char ref[32];
	lxw_rowcol_to_cell(ref, row, col);
	return err_set(x->err, CCHC_EINPUT, "Không ghi được ô %s của trang \"%s\" trong %s: %s",
		       ref, sheet, x->path, lxw_reason(e));
}

/* Writes text s with format f over the cells of merge m (NULL: one cell),
 * m's rows counted from `row`. */
static lxw_error write_span(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
			   const struct doc_merge *m, const char *s, lxw_format *f)
{
	if (!m)
		return worksheet_write_string(ws, row, col, s, f);
	return worksheet_merge_range(ws, row, col, row + (lxw_row_t)(m->rows - 1),
				     col + (lxw_col_t)(m->cols - 1), s, f);
}

/* Cell (r, c) of a data row: a number, a date or text. */
static lxw_error write_value(struct xlsx *x, lxw_worksheet *ws, const struct doc_table *t, int r,
			    int c, lxw_row_t row)
{
	const char *s = doc_str(t->cells[r * t->ncols + c]);
	lxw_col_t col = (lxw_col_t)c;
	bool bold = t->row_attrs[r] & DOC_BOLD;
	struct xlsx_number n;
	struct ymd day;
	if (t->numeric[c] && parse_number(s, &n))
		return worksheet_write_number(ws, row, col, n.value, number_format(x, &n, bold));
	if (t->date[c] && date_parse_dmy(s, &day)) {
		lxw_datetime dt = { day.y, day.m, day.d, 0, 0, 0 };
		return worksheet_write_datetime(ws, row, col, &dt, x->date[bold]);
	}
	return worksheet_write_string(ws, row, col, s, t->numeric[c] ? x->right[bold]
				      : t->date[c] ? x->date[bold] : x->text[bold]);
}

/* Writes cell (r, c) of t on sheet row `row`: the first cell of a merge
 * over the merged range, a cell a merge covers not at all. */
static lxw_error write_cell(struct xlsx *x, lxw_worksheet *ws, const struct doc_table *t, int r,
			    int c, lxw_row_t row)
{
	int k = doc_table_merge_at(t, r, c);
	const struct doc_merge *m = k >= 0 ? &t->merges[k] : NULL;
	if (m && (m->row != r || m->col != c))
		return LXW_NO_ERROR;
	bool head = r < t->header_rows;
	if (m || head)
		return write_span(ws, row, (lxw_col_t)c, m, doc_str(t->cells[r * t->ncols + c]),
				  head ? x->head : x->centre[(t->row_attrs[r] & DOC_BOLD) != 0]);
	return write_value(x, ws, t, r, c, row);
}

/* The lines above a table: the issuing body, the title (else the heading
 * of the annex the table is in), the notes, the unit; each but the first
 * merged across the table. */
struct block_line {
	const char *text;
	lxw_format *f;
	bool merged;
};

static int header_block(struct xlsx *x, const struct doc_table *t, const struct doc_para *annex,
			struct block_line *out)
{
	int n = 0;
	if (*doc_str(x->d->issuing_body))
		out[n++] = (struct block_line){ x->d->issuing_body, x->issuer, false };
	if (*doc_str(t->title))
		out[n++] = (struct block_line){ t->title, x->title, true };
	for (int i = 0; !*doc_str(t->title) && annex && i < annex->nruns; i++)
		out[n++] = (struct block_line){ doc_str(annex->runs[i].text),
			annex->runs[i].attrs & DOC_BOLD ? x->title : x->subtitle, true };
	for (int i = 0; i < t->nnotes; i++)
		out[n++] = (struct block_line){ t->notes[i], x->note, true };
	if (*doc_str(t->unit_note))
		out[n++] = (struct block_line){ t->unit_note, x->unit, true };
	return n;
}

static int write_block(struct xlsx *x, lxw_worksheet *ws, const struct doc_table *t,
		       const struct block_line *lines, int n, const char *sheet)
{
	for (int i = 0; i < n; i++) {
		struct doc_merge across = { 0, 0, 1, t->ncols };
		lxw_error e = write_span(ws, (lxw_row_t)i, 0, lines[i].merged && t->ncols > 1 ?
					 &across : NULL, lines[i].text, lines[i].f);
		if (e)
			return cell_error(x, e, sheet, (lxw_row_t)i, 0);
	}
	return CCHC_OK;
}

static int write_rows(struct xlsx *x, lxw_worksheet *ws, const struct doc_table *t,
		      lxw_row_t top, const char *sheet)
{
	for (int r = 0; r < t->nrows; r++)
		for (int c = 0; c < t->ncols; c++) {
			lxw_error e = write_cell(x, ws, t, r, c, top + (lxw_row_t)r);
			if (e)
				return cell_error(x, e, sheet, top + (lxw_row_t)r, (lxw_col_t)c);
		}
	return CCHC_OK;
}

/* Column widths (declared, else from the content), the header rows frozen
 * and repeated on every printed page, A4 one page wide. */
static void sheet_layout(lxw_worksheet *ws, const struct doc_table *t, lxw_row_t top)
{
	int *w = xcalloc((size_t)t->ncols, sizeof *w), total = 0;
	doc_table_weights(t, w);
	for (int c = 0; c < t->ncols; c++) {
		worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, w[c] + WIDTH_PAD, NULL);
		total += w[c] + WIDTH_PAD;
	}
	free(w);
	if (t->header_rows > 0) {
		lxw_row_t below = top + (lxw_row_t)t->header_rows;
		worksheet_freeze_panes(ws, below, 0);
		worksheet_repeat_rows(ws, top, below - 1);
	}
	worksheet_set_paper(ws, PAPER_A4);
	if (total > LANDSCAPE_WIDTH || t->landscape)
		worksheet_set_landscape(ws);
	worksheet_fit_to_pages(ws, 1, 0);
}

/* Adds table t, number index (from 1), as a worksheet of its own; annex
 * is the heading of the annex it is in, or NULL. */
static int write_table(struct xlsx *x, const struct doc_table *t, int index,
		       const struct doc_para *annex)
{
	struct block_line *lines = xcalloc((size_t)(4 + t->nnotes + (annex ? annex->nruns : 0)),
					   sizeof *lines);
	int nlines = header_block(x, t, annex, lines);
	if (t->nrows + nlines > LXW_ROW_MAX || t->ncols > LXW_COL_MAX) {
		free(lines);
		return err_set(x->err, CCHC_EINPUT, "Bảng \"%s\" quá lớn cho một trang Excel (tối "
			       "đa 1.048.575 dòng và 16.384 cột)", t->title);
	}
	char *name = sheet_name(x, t, index);
	lxw_worksheet *ws = workbook_add_worksheet(x->wb, name);
	lxw_row_t top = (lxw_row_t)nlines;
	int rc = ws ? write_block(x, ws, t, lines, nlines, name)
		    : err_set(x->err, CCHC_EINPUT, "Không tạo được trang \"%s\" trong %s", name,
			      x->path);
	if (rc == CCHC_OK)
		rc = write_rows(x, ws, t, top, name);
	if (rc == CCHC_OK)
		sheet_layout(ws, t, top);
	free(lines);
	free(name);
	return rc;
}

/* The one sheet of a document without tables, saying so. */
static int write_no_tables(struct xlsx *x)
{
	lxw_worksheet *ws = workbook_add_worksheet(x->wb, NO_TABLES_SHEET);
	if (!ws)
		return err_set(x->err, CCHC_EIO, "Không tạo được bảng tính %s", x->path);
	worksheet_set_column(ws, 0, 0, 50, NULL);
	lxw_error e = worksheet_write_string(ws, 0, 0, "Văn bản này không có bảng số liệu nào.",
					     x->title);
	return e ? cell_error(x, e, NO_TABLES_SHEET, 0, 0) : CCHC_OK;
}

static int write_sheets(struct xlsx *x, const struct doc *d)
{
	int n = 0, rc = CCHC_OK;
	const struct doc_para *annex = NULL;
	for (int i = 0; i < d->nblocks && rc == CCHC_OK; i++)
		if (d->blocks[i].kind == DOC_ANNEX)
			annex = &d->blocks[i].para;
		else if (d->blocks[i].kind == DOC_TABLE_BLOCK)
			rc = write_table(x, &d->blocks[i].table, ++n, annex);
	return rc == CCHC_OK && n == 0 ? write_no_tables(x) : rc;
}

/* Title ("BÁO CÁO Kết quả ...") and author of the workbook. */
static void set_properties(struct xlsx *x, const struct doc *d)
{
	struct sbuf b = SBUF_INIT;
	sbuf_addf(&b, "%s %s", doc_str(d->type), doc_str(d->abstract));
	char *title = text_squeeze(b.s);
	lxw_doc_properties props = { .title = title, .author = (char *)"cchc" };
	workbook_set_properties(x->wb, &props);
	free(title);
	sbuf_free(&b);
}

/* ------------------------------------------------------------------- file */

/* libxlsxwriter prints its errors in English on stderr, over the full
 * screen too; cchc says itself what went wrong, so stderr goes to /dev/null
 * meanwhile. Returns the saved stderr for stderr_on(). */
static int stderr_off(void)
{
	fflush(stderr);
	int saved = pf_dup(STDERR_FILENO);
	int null = open(pf_null_device(), O_WRONLY | O_CLOEXEC);
	if (saved >= 0 && null >= 0)
		dup2(null, STDERR_FILENO);
	if (null >= 0)
		close(null);
	return saved;
}

static void stderr_on(int saved)
{
	if (saved < 0)
		return;
	dup2(saved, STDERR_FILENO);
	close(saved);
}

/* Builds the workbook of d and has libxlsxwriter write it to tmp. */
static int build_workbook(const struct doc *d, const char *tmp, const char *path,
			  struct cchc_err *err)
{
	struct xlsx x = { .d = d, .path = path, .err = err };
	if (lazylib_xlsx(err))
		return err->code;
	x.wb = workbook_new(tmp);
	if (!x.wb)
		return err_set(err, CCHC_EIO, "Không tạo được bảng tính %s", path);
	make_formats(&x);
	set_properties(&x, d);
	int rc = write_sheets(&x, d);
	if (rc == CCHC_OK) {
		errno = 0;
		lxw_error e = workbook_close(x.wb); /* frees it in any case */
		int sys = errno; /* why the zip could not be written, if it says */
		if (e)
			rc = err_set(err, CCHC_EIO, "Không ghi được bảng tính %s: %s", path,
				     e == LXW_ERROR_ZIP_FILE_OPERATION && sys ? err_sys(sys)
									       : lxw_reason(e));
	} else {
		lxw_workbook_free(x.wb);
	}
	for (int i = 0; i < x.nnames; i++)
		free(x.names[i]);
	free(x.names);
	return rc;
}

int doc_write_xlsx(const struct doc *d, const char *path, const char *encoding, int flags,
		   struct cchc_err *err)
{
	(void)encoding; /* always UTF-8: doc_write refused any other */
	int rc = doc_check_folder(path, err);
	if (rc != CCHC_OK)
		return rc;
	struct fs_tmp tmp;
	if (fs_tmp_open(&tmp, path, 0666, flags, err))
		return err->code;
	int saved = stderr_off();
	rc = build_workbook(d, fs_tmp_path(&tmp), path, err);
	stderr_on(saved);
	if (rc == CCHC_OK)
		return fs_tmp_commit(&tmp, path, err);
	fs_tmp_abort(&tmp);
	return rc;
}
