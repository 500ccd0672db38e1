/* Dossier list importer, pure half: the one-stop system's CSV/TSV export in,
 * rows and per-line problems out.
 *
 * The text is read once, record by record (RFC 4180 quoting, CRLF, LF or
 * CR line ends). A record's cells are slices of the text (a quoted cell
 * with a doubled quote or a line end is rewritten into one reused buffer);
 * the mapped cells of a row are cleaned (control characters dropped, white
 * space runs folded to one space, trimmed, NFC) into a second reused
 * buffer, checked, and a good row's text is then copied in one piece into a
 * per-file arena. Duplicate codes are found with a hash table. So the work
 * is linear in the input and the allocations are a handful per thousand
 * rows, which matters for exports of a million dossiers (about 1.3 s for
 * 1,000,000 rows, 366 MB).
 *
 * The same reader serves the stream (dossier_stream_feed, at the end): text
 * that comes in pieces, a record not yet ended being left for the next
 * piece, and rows handed to the caller instead of kept.
 *
 * Beyond the header's contract: rows of nothing but delimiters (blank rows
 * in a spreadsheet) are skipped like empty lines; text after a closing quote
 * makes the row bad, since it usually means a quote is missing and the cells
 * have shifted; an Excel serial needs five digits (1927 on), so a stray
 * "2026" in a date column is refused rather than read as 1905; a row's one
 * reason is the first problem found, in the order the header lists them.
 */
#include <config.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "import/dossier_parse.h"
#include "text/fold.h"
#include "text/utf8.h"
#include "text/utf8_fast.h"
#include "util/sbuf.h"

/* ------------------------------------------------------------ field names */

static const char *const field_names[DF_COUNT] = {
	"code", "procedure", "field", "holder", "address", "contact",
	"received", "due", "resolved", "status", "channel", "unit",
};

static const char *const field_labels[DF_COUNT] = {
	"mã hồ sơ", "tên thủ tục", "lĩnh vực", "chủ hồ sơ", "địa chỉ",
	"số điện thoại, e-mail", "ngày tiếp nhận", "hạn xử lý", "ngày hoàn thành",
	"trạng thái", "hình thức nộp", "phòng xử lý",
};

static const enum dossier_field required_fields[] = { DF_CODE, DF_RECEIVED, DF_DUE };
#define NREQUIRED (sizeof required_fields / sizeof required_fields[0])

const char *dossier_field_name(enum dossier_field f)
{
	return (unsigned)f < DF_COUNT ? field_names[f] : "?";
}

const char *dossier_field_label(enum dossier_field f)
{
	return (unsigned)f < DF_COUNT ? field_labels[f] : "?";
}

static int field_by_name(const char *s, size_t n)
{
	for (int f = 0; f < DF_COUNT; f++)
		if (strlen(field_names[f]) == n && strncmp(field_names[f], s, n) == 0)
			return f;
	return -1;
}

/* ------------------------------------------------------------ header keys */

static bool is_end_punct(char c)
{
	return c == ':' || c == '*' || c == '.' || c == '(' || c == ')';
}

/* The form in which header names are compared: folded (no tones, no case,
 * đ = d), without any white space, and without : * . ( ) at either end, so
 * "NGÀY TIẾP NHẬN:", "Ngày  tiếp nhận (*)" and "ngay tiep nhan" agree. */
static char *header_key(const char *s, size_t n)
{
	char *raw = xstrndup(s, n);
	char *folded = text_fold(raw, false);
	free(raw);
	struct sbuf b = SBUF_INIT;
	size_t len = strlen(folded), i = 0;
	while (i < len) {
		uint32_t cp;
		size_t k = utf8_decode(folded + i, len - i, &cp);
		if (!k)
			k = 1, cp = ' ';
		if (!text_cp_is_space(cp))
			sbuf_addn(&b, folded + i, k);
		i += k;
	}
	free(folded);
	size_t start = 0, end = b.len;
	while (start < end && is_end_punct(b.s[start]))
		start++;
	while (end > start && is_end_punct(b.s[end - 1]))
		end--;
	char *key = xstrndup(b.s ? b.s + start : "", end - start);
	sbuf_free(&b);
	return key;
}

/* --------------------------------------------------------------- mapping */

static void names_add(char ***list, int *n, char *key)
{
	*list = xrealloc(*list, (size_t)(*n + 2) * sizeof **list);
	(*list)[(*n)++] = key;
	(*list)[*n] = NULL;
}

/* Splits "Mã hồ sơ | Mã HS" into folded keys for field f. */
static void map_add_names(struct dossier_map *map, enum dossier_field f, const char *s,
			  size_t n)
{
	int count = 0;
	map->names[f] = xcalloc(1, sizeof *map->names[f]);
	while (n > 0) {
		const char *bar = memchr(s, '|', n);
		size_t k = bar ? (size_t)(bar - s) : n;
		char *key = header_key(s, k);
		if (*key)
			names_add(&map->names[f], &count, key);
		else
			free(key);
		s += k + (bar != NULL);
		n -= k + (bar != NULL);
	}
}

static const char *skip_blank(const char *s, const char *end)
{
	while (s < end && (*s == ' ' || *s == '\t'))
		s++;
	return s;
}

/* One line of a mapping file: "field = name | name", a comment or nothing. */
static int map_line(struct dossier_map *map, const char *s, const char *end, const char *what,
		    int line, int *declared, struct cchc_err *err)
{
	s = skip_blank(s, end);
	while (end > s && (end[-1] == '\r' || end[-1] == ' ' || end[-1] == '\t'))
		end--;
	if (s == end || *s == '#')
		return 0;
	const char *eq = memchr(s, '=', (size_t)(end - s));
	if (!eq)
		return err_set(err, CCHC_EINPUT, "%s, dòng %d: thiếu dấu \"=\" (cần dạng: "
			       "received = Ngày tiếp nhận | Ngày nhận)", what, line);
	const char *ne = eq;
	while (ne > s && (ne[-1] == ' ' || ne[-1] == '\t'))
		ne--;
	int f = field_by_name(s, (size_t)(ne - s));
	if (f < 0)
		return err_set(err, CCHC_EINPUT, "%s, dòng %d: không có trường \"%.*s\"; các trường: "
			       "code procedure field holder address contact received due resolved "
			       "status channel unit", what, line, (int)(ne - s), s);
	if (declared[f])
		return err_set(err, CCHC_EINPUT, "%s, dòng %d: trường \"%s\" đã khai báo ở dòng %d",
			       what, line, field_names[f], declared[f]);
	declared[f] = line;
	map_add_names(map, (enum dossier_field)f, eq + 1, (size_t)(end - eq - 1));
	if (!map->names[f][0])
		return err_set(err, CCHC_EINPUT, "%s, dòng %d: trường \"%s\" chưa có tên cột nào",
			       what, line, field_names[f]);
	return 0;
}

static int map_check_required(const struct dossier_map *map, const char *what,
			      struct cchc_err *err)
{
	for (size_t i = 0; i < NREQUIRED; i++) {
		enum dossier_field f = required_fields[i];
		if (!map->names[f])
			return err_set(err, CCHC_EINPUT, "%s: thiếu trường bắt buộc \"%s\" (%s)", what,
				       field_names[f], field_labels[f]);
	}
	return 0;
}

/* A header name given for two fields would make the column ambiguous. */
static int map_check_overlap(const struct dossier_map *map, const char *what,
			     struct cchc_err *err)
{
	for (int f = 0; f < DF_COUNT; f++)
		for (int g = f + 1; g < DF_COUNT; g++)
			for (char **a = map->names[f]; a && *a; a++)
				for (char **b = map->names[g]; b && *b; b++)
					if (strcmp(*a, *b) == 0)
						return err_set(err, CCHC_EINPUT,
							       "%s: cùng một tên cột được gán cho cả "
							       "\"%s\" và \"%s\"", what,
							       field_names[f], field_names[g]);
	return 0;
}

int dossier_map_parse(const char *text, const char *what, struct dossier_map *map,
		      struct cchc_err *err)
{
	int declared[DF_COUNT] = { 0 };
	memset(map, 0, sizeof *map);
	if (strncmp(text, "\xef\xbb\xbf", 3) == 0)
		text += 3;
	int line = 1, rc = 0;
	for (const char *s = text; *s && !rc; line++) {
		const char *nl = strchr(s, '\n');
		const char *end = nl ? nl : s + strlen(s);
		rc = map_line(map, s, end, what, line, declared, err);
		s = nl ? nl + 1 : end;
	}
	if (!rc)
		rc = map_check_required(map, what, err);
	if (!rc)
		rc = map_check_overlap(map, what, err);
	if (rc)
		dossier_map_free(map);
	return rc;
}

void dossier_map_free(struct dossier_map *map)
{
	for (int f = 0; f < DF_COUNT; f++) {
		for (char **p = map->names[f]; p && *p; p++)
			free(*p);
		free(map->names[f]);
		map->names[f] = NULL;
	}
}

/* --------------------------------------------------------------- channel */

static bool word_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (unsigned char)c >= 0x80;
}

/* True when word (folded, single-spaced) occurs in s as whole words. */
static bool has_words(const char *s, const char *word)
{
	size_t n = strlen(word);
	for (const char *p = strstr(s, word); p; p = strstr(p + 1, word))
		if ((p == s || !word_char(p[-1])) && !word_char(p[n]))
			return true;
	return false;
}

/* Channel words, folded, in order of precedence: "nộp trực tuyến, trả qua
 * bưu chính" was submitted online, "trực tiếp, trả qua bưu điện" in person. */
static const struct {
	const char *word;
	enum dossier_channel channel;
} channel_words[] = {
	{ "truc tuyen", DCH_ONLINE }, { "online", DCH_ONLINE }, { "dvc", DCH_ONLINE },
	{ "dvctt", DCH_ONLINE }, { "cong dich vu", DCH_ONLINE }, { "mang", DCH_ONLINE },
	{ "truc tiep", DCH_IN_PERSON },
	{ "buu chinh", DCH_POST }, { "buu dien", DCH_POST }, { "bcci", DCH_POST },
	{ "qua buu", DCH_POST },
	{ "tai bo phan", DCH_IN_PERSON }, { "mot cua", DCH_IN_PERSON },
};

bool dossier_channel_parse(const char *s, enum dossier_channel *out)
{
	char *folded = text_fold(s, false);
	/* the stored codes ("truc-tiep"), which --help shows, read as words */
	for (char *p = folded; *p; p++)
		if (*p == '-' || *p == '_')
			*p = ' ';
	char *f = text_squeeze(folded);
	bool ok = !*f;
	*out = DCH_IN_PERSON;
	for (size_t i = 0; !ok && i < sizeof channel_words / sizeof channel_words[0]; i++)
		if (has_words(f, channel_words[i].word)) {
			*out = channel_words[i].channel;
			ok = true;
		}
	free(folded);
	free(f);
	return ok;
}

const char *dossier_channel_code(enum dossier_channel c)
{
	switch (c) {
	case DCH_ONLINE:
		return "truc-tuyen";
	case DCH_POST:
		return "buu-chinh";
	case DCH_IN_PERSON:
		break;
	}
	return "truc-tiep";
}

/* ----------------------------------------------------------------- dates */

/* Days since 1970-01-01 of a proleptic Gregorian date (Hinnant's algorithm). */
static long days_from_civil(int y, int m, int d)
{
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static struct ymd civil_from_days(long z)
{
	z += 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	struct ymd r;
	r.d = (int)(doy - (153 * mp + 2) / 5 + 1);
	r.m = (int)(mp < 10 ? mp + 3 : mp - 9);
	r.y = (int)(yoe + era * 400 + (r.m <= 2));
	return r;
}

/* Excel's serial day number: 1 is 1900-01-01, and Excel counts a
 * 29/02/1900 that never was (serial 60), so later serials are one day ahead
 * of a plain count from 1899-12-31. */
static bool date_from_excel(long serial, struct ymd *out)
{
	if (serial < 1 || serial == 60)
		return false;
	long base = days_from_civil(1899, 12, serial < 60 ? 31 : 30);
	struct ymd r = civil_from_days(base + serial);
	if (!date_valid(r.y, r.m, r.d))
		return false;
	*out = r;
	return true;
}

static int read_digits(const char **p, int max)
{
	int v = 0, k = 0;
	while (k < max && **p >= '0' && **p <= '9')
		v = v * 10 + (*(*p)++ - '0'), k++;
	return k ? v : -1;
}

/* "SA"/"AM" and "CH"/"PM" after a time (Windows in Vietnamese writes SA/CH). */
static int ampm(const char *p)
{
	while (*p == ' ')
		p++;
	if (!*p)
		return 0;
	char a = (char)(*p | 0x20), b = (char)(p[1] | 0x20);
	if (!p[1] || p[2])
		return -1;
	if ((a == 'a' && b == 'm') || (a == 's' && b == 'a'))
		return 1;
	if ((a == 'p' && b == 'm') || (a == 'c' && b == 'h'))
		return 2;
	return -1;
}

/* H:MM, HH:MM or HH:MM:SS, optionally with AM/PM; writes "HH:MM". */
static bool parse_time(const char *s, char out[6])
{
	const char *p = s;
	int h = read_digits(&p, 2), mi = -1, sec = 0;
	if (h < 0 || *p++ != ':')
		return false;
	const char *ms = p;
	mi = read_digits(&p, 2);
	if (p - ms != 2)
		return false;
	if (*p == ':') {
		p++;
		const char *ss = p;
		sec = read_digits(&p, 2);
		if (p - ss != 2)
			return false;
	}
	int half = ampm(p);
	if (half < 0 || (half && (h < 1 || h > 12)))
		return false;
	if (half)
		h = h % 12 + (half == 2 ? 12 : 0);
	if (h > 23 || mi > 59 || sec > 59)
		return false;
	const char hm[6] = { (char)('0' + h / 10), (char)('0' + h % 10), ':', (char)('0' + mi / 10),
			     (char)('0' + mi % 10), '\0' };
	memcpy(out, hm, sizeof hm);
	return true;
}

/* An Excel serial, maybe with a fraction of a day for the time. Fewer than
 * five digits (before 1927) is more likely a stray number than a date. */
static bool parse_serial(const char *s, struct ymd *out, char time[6])
{
	const char *p = s;
	long serial = 0;
	while (*p >= '0' && *p <= '9' && p - s < 8)
		serial = serial * 10 + (*p++ - '0');
	if (p - s < 5 || (*p && *p != '.' && *p != ','))
		return false;
	double frac = 0, scale = 0.1;
	if (*p) {
		for (p++; *p >= '0' && *p <= '9'; p++, scale /= 10)
			frac += (*p - '0') * scale;
		if (*p)
			return false;
	}
	if (!date_from_excel(serial, out))
		return false;
	long minutes = (long)(frac * 1440 + 0.5);
	if (minutes > 0 && minutes < 1440)
		snprintf(time, 6, "%02u:%02u", (unsigned)(minutes / 60) % 100u, (unsigned)(minutes % 60));
	return true;
}

static bool parse_day(const char *s, struct ymd *out)
{
	return date_parse_dmy(s, out) || date_parse_iso(s, out);
}

bool dossier_date_parse(const char *s, struct ymd *out, char time[6])
{
	char buf[48];
	time[0] = '\0';
	if (strlen(s) >= sizeof buf)
		return false;
	strcpy(buf, s);
	if (strlen(buf) > 10 && buf[4] == '-' && buf[10] == 'T') /* 2026-03-05T14:30 */
		buf[10] = ' ';
	char *date = buf, *rest = strchr(buf, ' ');
	if (rest) {
		*rest++ = '\0';
		while (*rest == ' ')
			rest++;
	}
	if (rest && strchr(date, ':')) { /* the time first: "14:30 05/03/2026" */
		char *t = date;
		date = rest;
		rest = t;
	}
	if (!parse_day(date, out) && (rest || !parse_serial(date, out, time)))
		return false;
	return !rest || parse_time(rest, time);
}

/* ----------------------------------------------------------------- arena */

struct arena_chunk {
	struct arena_chunk *next;
	size_t used, cap;
	char data[];
};

struct dossier_arena {
	struct arena_chunk *head;
};

#define ARENA_CHUNK (1u << 20)

static char *arena_alloc(struct dossier_arena *a, size_t n)
{
	struct arena_chunk *c = a->head;
	if (!c || c->cap - c->used < n) {
		size_t cap = n > ARENA_CHUNK ? n : ARENA_CHUNK;
		c = xmalloc(sizeof *c + cap);
		c->used = 0;
		c->cap = cap;
		c->next = a->head;
		a->head = c;
	}
	char *p = c->data + c->used;
	c->used += n;
	return p;
}

static void arena_free(struct dossier_arena *a)
{
	if (!a)
		return;
	for (struct arena_chunk *c = a->head, *next; c; c = next) {
		next = c->next;
		free(c);
	}
	free(a);
}

/* ---------------------------------------------------------- record reader */

struct reader {
	const char *p, *end;
	char delim;
	int line;            /* line number at p */
	bool final;          /* the text ends at end; else more may follow */
	bool more;           /* read_record stopped at a record whose end is not here yet */
	struct sbuf buf;     /* cells that had to be rewritten ("" or line ends in quotes) */
	const char **src;    /* each cell's text in the input, or NULL when it is in buf */
	size_t *start, *len; /* each cell's place in buf (start) and length */
	int ncells, cap;
	bool unclosed;       /* the record ended inside a quoted cell */
	int stray;           /* first cell with text after its closing quote, or -1 */
	bool stop[256];      /* the bytes that end unquoted text: delim, CR, LF */
};

static void reader_set_delim(struct reader *r, char delim)
{
	r->delim = delim;
	memset(r->stop, 0, sizeof r->stop);
	r->stop['\n'] = r->stop['\r'] = r->stop[(unsigned char)delim] = true;
}

/* A cell is a slice of the input as long as it can be (most cells are),
 * and moves into buf when it cannot. */
static void cell_begin(struct reader *r)
{
	if (r->ncells == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 16;
		r->src = xrealloc(r->src, (size_t)r->cap * sizeof *r->src);
		r->start = xrealloc(r->start, (size_t)r->cap * sizeof *r->start);
		r->len = xrealloc(r->len, (size_t)r->cap * sizeof *r->len);
	}
	r->src[r->ncells] = r->p;
	r->len[r->ncells] = 0;
}

static void cell_to_buf(struct reader *r)
{
	int i = r->ncells;
	if (!r->src[i])
		return;
	r->start[i] = r->buf.len;
	sbuf_addn(&r->buf, r->src[i], r->len[i]);
	r->src[i] = NULL;
}

/* Adds the input text [s, s + n) to the cell being read. */
static void cell_add(struct reader *r, const char *s, size_t n)
{
	int i = r->ncells;
	if (r->src[i] && (!r->len[i] || s == r->src[i] + r->len[i])) {
		if (!r->len[i])
			r->src[i] = s;
		r->len[i] += n;
		return;
	}
	cell_to_buf(r);
	sbuf_addn(&r->buf, s, n);
}

static void cell_addc(struct reader *r, char c)
{
	cell_to_buf(r);
	sbuf_addc(&r->buf, c);
}

static void cell_end(struct reader *r)
{
	int i = r->ncells++;
	if (!r->src[i])
		r->len[i] = r->buf.len - r->start[i];
}

/* Consumes a line end at p if there is one (CRLF, LF or a lone CR). */
static bool eat_newline(struct reader *r)
{
	if (r->p < r->end && *r->p == '\r') {
		r->p++;
		if (r->p < r->end && *r->p == '\n')
			r->p++;
	} else if (r->p < r->end && *r->p == '\n') {
		r->p++;
	} else {
		return false;
	}
	r->line++;
	return true;
}

/* The inside of a quoted cell, after its opening quote. */
static void read_quoted(struct reader *r)
{
	while (r->p < r->end) {
		const char *q = r->p;
		while (q < r->end && *q != '"' && *q != '\n' && *q != '\r')
			q++;
		if (q > r->p)
			cell_add(r, r->p, (size_t)(q - r->p));
		r->p = q;
		if (q == r->end)
			break;
		if (*q == '"') {
			if (q + 1 < r->end && q[1] == '"') {
				cell_addc(r, '"');
				r->p += 2;
				continue;
			}
			r->p++;
			return;
		}
		eat_newline(r);
		cell_addc(r, '\n');
	}
	r->unclosed = true;
}

/* Unquoted text up to the next delimiter or line end. */
static void read_plain(struct reader *r)
{
	const char *q = r->p;
	while (q < r->end && !r->stop[(unsigned char)*q])
		q++;
	if (q > r->p)
		cell_add(r, r->p, (size_t)(q - r->p));
	r->p = q;
}

/* One cell: quoted (spaces around the quotes are allowed) or not. Text
 * after a closing quote is kept but marks the record: it usually means a
 * quote is missing and the cells have shifted. */
static void read_cell(struct reader *r)
{
	cell_begin(r);
	const char *q = r->p;
	while (q < r->end && *q == ' ')
		q++;
	if (q < r->end && *q == '"') {
		r->p = q + 1;
		read_quoted(r);
		const char *after = r->p;
		read_plain(r);
		if (r->stray < 0 && r->p > after && !text_is_blank(after, (size_t)(r->p - after)))
			r->stray = r->ncells;
	} else {
		read_plain(r);
	}
	cell_end(r);
}

/* At the end of a record (p at its line end, or at the end of the text):
 * true when the whole line end is in the text, so that the record is
 * complete even if more text follows. */
static bool record_complete(const struct reader *r)
{
	return r->p < r->end && (*r->p == '\n' || r->p + 1 < r->end);
}

/* Reads the next record; false at the end of the text. *line gets the line
 * where it starts. When more text may follow (!final), a record whose end
 * is not in the text yet is left unread (p at its start) and sets more. */
static bool read_record(struct reader *r, int *line)
{
	r->more = !r->final;
	if (r->p >= r->end)
		return false;
	const char *start = r->p;
	int start_line = r->line;
	sbuf_trunc(&r->buf, 0);
	r->ncells = 0;
	r->unclosed = false;
	r->stray = -1;
	*line = r->line;
	for (;;) {
		read_cell(r);
		if (r->p < r->end && *r->p == r->delim) {
			r->p++;
			continue;
		}
		break;
	}
	if (!r->final && !record_complete(r)) {
		r->p = start;
		r->line = start_line;
		return false;
	}
	r->more = false;
	eat_newline(r);
	return true;
}

/* Cell i of the record read: r->len[i] bytes, not NUL-terminated. */
static const char *cell(const struct reader *r, int i)
{
	return r->src[i] ? r->src[i] : r->buf.s + r->start[i];
}

/* True when the record has no text at all (an empty line, or only
 * delimiters, as spreadsheets write for blank rows). */
static bool record_blank(const struct reader *r)
{
	for (int i = 0; i < r->ncells; i++)
		if (!text_is_blank(cell(r, i), r->len[i]))
			return false;
	return true;
}

/* Tab when the first non-blank line has one, else ';' when it has more
 * semicolons than commas, else ','. Quoted text does not count. *whole
 * tells whether that line ended before end. */
static char detect_delimiter(const char *p, const char *end, bool *whole)
{
	int tabs = 0, semis = 0, commas = 0;
	bool quoted = false, seen = false;
	*whole = false;
	for (; p < end; p++) {
		char c = *p;
		if (c == '"') {
			quoted = !quoted;
		} else if ((c == '\n' || c == '\r') && !quoted && seen) {
			*whole = true;
			break;
		} else if (!quoted) {
			tabs += c == '\t', semis += c == ';', commas += c == ',';
		}
		seen = seen || !(c == ' ' || c == '\t' || c == '\n' || c == '\r');
	}
	if (tabs)
		return '\t';
	return semis > commas ? ';' : ',';
}

/* ---------------------------------------------------------- cell cleaning */

static bool is_control(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || cp == 0x2028 || cp == 0x2029 ||
	       cp == 0x200e || cp == 0x200f || (cp >= 0x202a && cp <= 0x202e) ||
	       (cp >= 0x2066 && cp <= 0x2069);
}

/* Could cp change under NFC? Vietnamese letters (U+1E00..U+1EFF) and
 * everything below the combining marks are stable, so the common cell
 * skips normalisation. */
static bool may_need_nfc(uint32_t cp)
{
	return cp >= 0x300 && !(cp >= 0x1e00 && cp <= 0x1eff);
}

/* Room for n more bytes and a NUL at the end of b, for loops that write
 * there directly; returns where they go. */
static char *reserve(struct sbuf *b, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 64;
		while (cap < b->len + n + 1)
			cap *= 2;
		b->s = xrealloc(b->s, cap);
		b->cap = cap;
	}
	return b->s + b->len;
}

/* text_cp_is_space, without the call for the letters (all spaces above
 * U+00A0 are U+2000 or later). */
static bool is_space(uint32_t cp)
{
	if (cp < 0x2000)
		return cp == ' ' || (cp >= '\t' && cp <= '\r') || cp == 0xa0;
	return text_cp_is_space(cp);
}

/* Appends s[0, n) to out as stored text: control characters dropped,
 * invalid bytes as U+FFFD, white space runs (newlines of quoted cells too)
 * as one space, trimmed, NFC. Written for speed, as it sees every byte of
 * an export: runs of printable ASCII are copied whole, other characters
 * decoded inline, and normalisation runs only on the rare cell that has a
 * character it could change. */
static void clean_cell(const char *s, size_t n, struct sbuf *out)
{
	char *base = reserve(out, 3 * n), *o = base;
	bool space = false, nfc = false;
	size_t i = 0;
	while (i < n) {
		size_t j = i;
		while (j < n && (unsigned char)s[j] > 0x20 && (unsigned char)s[j] < 0x7f)
			j++;
		if (j > i) {
			if (space)
				*o++ = ' ';
			space = false;
			memcpy(o, s + i, j - i);
			o += j - i;
			i = j;
			if (i == n)
				break;
		}
		uint32_t cp;
		size_t len = utf8_decode_fast(s + i, n - i, &cp);
		bool invalid = !len;
		if (invalid)
			len = 1, cp = 0xfffd;
		if (is_space(cp)) {
			space = o > base;
		} else if (!is_control(cp)) {
			if (space)
				*o++ = ' ';
			space = false;
			nfc = nfc || may_need_nfc(cp);
			memcpy(o, invalid ? "\xef\xbf\xbd" : s + i, invalid ? 3 : len);
			o += invalid ? 3 : len;
		}
		i += len;
	}
	size_t start = out->len;
	out->len += (size_t)(o - base);
	*o = '\0';
	if (nfc) {
		char *norm = text_nfc(out->s + start);
		sbuf_trunc(out, start);
		sbuf_add(out, norm ? norm : "");
		free(norm);
	}
}

/* ------------------------------------------------------------ code table */

/* Codes of accepted rows, by open addressing; slots hold row index + 1. */
struct code_table {
	int *slot;
	size_t cap, n;
};

static uint64_t hash_str(const char *s)
{
	uint64_t h = 1469598103934665603u;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211u;
	return h;
}

/* The row already holding code, or -1. */
static int code_find(const struct code_table *t, const struct dossier_row *rows,
		     const char *code)
{
	if (!t->cap)
		return -1;
	for (size_t i = hash_str(code) & (t->cap - 1);; i = (i + 1) & (t->cap - 1)) {
		int k = t->slot[i];
		if (!k)
			return -1;
		if (strcmp(rows[k - 1].text[DF_CODE], code) == 0)
			return k - 1;
	}
}

static void code_place(struct code_table *t, const struct dossier_row *rows, int row)
{
	size_t i = hash_str(rows[row].text[DF_CODE]) & (t->cap - 1);
	while (t->slot[i])
		i = (i + 1) & (t->cap - 1);
	t->slot[i] = row + 1;
}

static void code_insert(struct code_table *t, const struct dossier_row *rows, int row)
{
	if ((t->n + 1) * 2 > t->cap) {
		struct code_table old = *t;
		t->cap = old.cap ? old.cap * 2 : 1024;
		t->slot = xcalloc(t->cap, sizeof *t->slot);
		for (size_t i = 0; i < old.cap; i++)
			if (old.slot[i])
				code_place(t, rows, old.slot[i] - 1);
		free(old.slot);
	}
	code_place(t, rows, row);
	t->n++;
}

/* ----------------------------------------------------------------- parser */

struct parser {
	const struct dossier_map *map;
	struct dossier_parse *out;
	struct reader rd;
	int ncols;                /* cells in the header */
	char **head;              /* the header's cells, cleaned */
	struct sbuf row;          /* the current row's cleaned text; offset 0 is "" */
	size_t off[DF_COUNT];     /* each field's text in row */
	struct code_table codes;
	int rows_cap, bad_cap;
	struct {                  /* channel texts understood, with their values */
		char text[64];
		enum dossier_channel value;
	} chan[8];
	int chan_next;            /* the entry to replace next */
	/* Streaming (dossier_stream_feed): rows and problems go to ops. */
	const struct dossier_stream_ops *ops;
	int rc;                   /* what ops->row returned, when not 0 */
	struct cchc_err *err;     /* where ops->row puts its error */
	int tries;                /* non-blank records tried as the header */
	bool have_header;
	struct cchc_err head_err; /* why the first record is not the header */
};

static void bad_add(struct parser *ps, int line, const char *fmt, ...)
	CCHC_PRINTF(3, 4);

static void bad_add(struct parser *ps, int line, const char *fmt, ...)
{
	struct dossier_parse *out = ps->out;
	va_list ap;
	if (ps->ops) {
		char reason[sizeof out->bad->reason];
		va_start(ap, fmt);
		vsnprintf(reason, sizeof reason, fmt, ap);
		va_end(ap);
		ps->ops->bad(ps->ops->ctx, line, reason);
		return;
	}
	if (out->nbad == ps->bad_cap) {
		ps->bad_cap = ps->bad_cap ? ps->bad_cap * 2 : 16;
		out->bad = xrealloc(out->bad, (size_t)ps->bad_cap * sizeof *out->bad);
	}
	struct dossier_bad *b = &out->bad[out->nbad++];
	b->line = line;
	va_start(ap, fmt);
	vsnprintf(b->reason, sizeof b->reason, fmt, ap);
	va_end(ap);
}

/* s cut to about 60 bytes on a character boundary, "…" where cut. */
static const char *shorten(const char *s, char buf[72])
{
	size_t n = strlen(s);
	if (n <= 60)
		return s;
	n = 57;
	while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
		n--;
	memcpy(buf, s, n);
	strcpy(buf + n, "…");
	return buf;
}

void dossier_duplicate_reason(const char *code, int first_line, char *reason, size_t size)
{
	char buf[72];
	snprintf(reason, size, "mã hồ sơ \"%s\" trùng với dòng %d", shorten(code, buf), first_line);
}

static const char *field_text(const struct parser *ps, enum dossier_field f)
{
	return ps->row.s + ps->off[f];
}

/* Finds the column of field f: the first header cell matching its first
 * name, else its second name, and so on. */
static int find_column(const struct dossier_map *map, enum dossier_field f, char **keys,
		       int ncols)
{
	for (char **name = map->names[f]; name && *name; name++)
		for (int c = 0; c < ncols; c++)
			if (strcmp(keys[c], *name) == 0)
				return c;
	return -1;
}

/* The error for a header without some required column: what is missing and
 * what the header has. */
static int header_error(const struct parser *ps, struct cchc_err *err)
{
	struct sbuf b = SBUF_INIT;
	sbuf_add(&b, "dòng tiêu đề thiếu cột");
	const char *sep = " ";
	for (size_t i = 0; i < NREQUIRED; i++)
		if (ps->out->columns[required_fields[i]] < 0) {
			sbuf_addf(&b, "%s%s", sep, field_labels[required_fields[i]]);
			sep = ", ";
		}
	sbuf_add(&b, "; các cột có:");
	int found = 0;
	for (int c = 0; c < ps->ncols; c++)
		if (ps->head[c][0])
			sbuf_addf(&b, "%s\"%s\"", found++ ? ", " : " ", ps->head[c]);
	if (!found)
		sbuf_add(&b, " (không có)");
	sbuf_add(&b, ". Hãy sửa tệp ánh xạ cột (--map) cho khớp tên cột của tệp.");
	int rc = err_set(err, CCHC_EINPUT, "%s", b.s);
	sbuf_free(&b);
	return rc;
}

/* Takes the record just read as the header: its cells and the column of
 * each field. True when every required field has a column. */
static bool header_from_record(struct parser *ps)
{
	struct reader *r = &ps->rd;
	for (int c = 0; c < ps->ncols; c++)
		free(ps->head[c]);
	free(ps->head);
	ps->ncols = r->ncells;
	ps->head = xcalloc((size_t)r->ncells, sizeof *ps->head);
	char **keys = xcalloc((size_t)r->ncells, sizeof *keys);
	for (int c = 0; c < r->ncells; c++) {
		struct sbuf b = SBUF_INIT;
		clean_cell(cell(r, c), r->len[c], &b);
		ps->head[c] = sbuf_detach(&b);
		keys[c] = header_key(cell(r, c), r->len[c]);
	}
	for (int f = 0; f < DF_COUNT; f++)
		ps->out->columns[f] = find_column(ps->map, (enum dossier_field)f, keys, r->ncells);
	for (int c = 0; c < r->ncells; c++)
		free(keys[c]);
	free(keys);
	for (size_t i = 0; i < NREQUIRED; i++)
		if (ps->out->columns[required_fields[i]] < 0)
			return false;
	return true;
}

/* Finds the header: the first non-empty record, or one of the next few when
 * the export starts with title rows ("DANH SÁCH HỒ SƠ ..."). The error
 * describes the first record when none has the required columns. Returns
 * PARSE_MORE when the text read so far ends before the header is found. */
#define HEADER_SEARCH 10
#define PARSE_MORE (-1)
static int read_header(struct parser *ps, struct cchc_err *err)
{
	struct reader *r = &ps->rd;
	int line;
	while (ps->tries < HEADER_SEARCH) {
		if (!read_record(r, &line)) {
			if (r->more)
				return PARSE_MORE;
			if (ps->tries)
				break;
			return err_set(err, CCHC_EINPUT, "tệp trống: không có dòng tiêu đề");
		}
		if (record_blank(r))
			continue;
		if (header_from_record(ps)) {
			ps->have_header = true;
			return 0;
		}
		if (ps->tries++ == 0)
			header_error(ps, &ps->head_err);
	}
	*err = ps->head_err;
	return err->code;
}

/* Cleans the record's mapped cells into ps->row. */
static void clean_row(struct parser *ps)
{
	sbuf_trunc(&ps->row, 0);
	sbuf_addc(&ps->row, '\0');
	for (int f = 0; f < DF_COUNT; f++) {
		int c = ps->out->columns[f];
		ps->off[f] = 0;
		if (c < 0 || c >= ps->rd.ncells)
			continue;
		ps->off[f] = ps->row.len;
		clean_cell(cell(&ps->rd, c), ps->rd.len[c], &ps->row);
		sbuf_addc(&ps->row, '\0');
	}
}

/* Parses date field f into *d (y == 0 when empty); false after reporting. */
static bool row_date(struct parser *ps, int line, enum dossier_field f, struct ymd *d,
		     char time[6])
{
	const char *s = field_text(ps, f);
	char buf[72];
	d->y = d->m = d->d = 0;
	time[0] = '\0';
	if (!*s)
		return true;
	if (dossier_date_parse(s, d, time))
		return true;
	bad_add(ps, line, "%s \"%s\" không phải ngày", field_labels[f], shorten(s, buf));
	return false;
}

static int ymd_cmp(struct ymd a, struct ymd b)
{
	if (a.y != b.y)
		return a.y < b.y ? -1 : 1;
	if (a.m != b.m)
		return a.m < b.m ? -1 : 1;
	return a.d < b.d ? -1 : a.d > b.d;
}

/* A date that must not come before the receipt. */
static bool not_before_receipt(struct parser *ps, int line, enum dossier_field f, struct ymd d,
			       struct ymd received)
{
	if (!d.y || ymd_cmp(d, received) >= 0)
		return true;
	char a[11], b[11];
	date_format_vn(d, a);
	date_format_vn(received, b);
	bad_add(ps, line, "%s %s trước ngày tiếp nhận %s", field_labels[f], a, b);
	return false;
}

static bool row_dates(struct parser *ps, int line, struct dossier_row *row)
{
	char unused[6];
	if (!field_text(ps, DF_RECEIVED)[0]) {
		bad_add(ps, line, "thiếu ngày tiếp nhận");
		return false;
	}
	return row_date(ps, line, DF_RECEIVED, &row->received, row->received_time) &&
	       row_date(ps, line, DF_DUE, &row->due, unused) &&
	       row_date(ps, line, DF_RESOLVED, &row->resolved, unused) &&
	       not_before_receipt(ps, line, DF_DUE, row->due, row->received) &&
	       not_before_receipt(ps, line, DF_RESOLVED, row->resolved, row->received);
}

/* The channel, remembering the last few texts understood: an export repeats
 * a handful of values a million times, and folding costs more than reading. */
static bool row_channel(struct parser *ps, int line, struct dossier_row *row)
{
	const char *s = field_text(ps, DF_CHANNEL);
	const int n = (int)(sizeof ps->chan / sizeof ps->chan[0]);
	char buf[72];
	row->channel = DCH_IN_PERSON;
	if (!*s)
		return true;
	for (int i = 0; i < n; i++)
		if (strcmp(s, ps->chan[i].text) == 0) {
			row->channel = ps->chan[i].value;
			return true;
		}
	if (!dossier_channel_parse(s, &row->channel)) {
		bad_add(ps, line, "%s \"%s\" không rõ", field_labels[DF_CHANNEL], shorten(s, buf));
		return false;
	}
	if (strlen(s) < sizeof ps->chan[0].text) {
		strcpy(ps->chan[ps->chan_next].text, s);
		ps->chan[ps->chan_next].value = row->channel;
		ps->chan_next = (ps->chan_next + 1) % n;
	}
	return true;
}

/* Checks the cleaned row; false after reporting why it is bad. */
static bool row_check(struct parser *ps, int line, struct dossier_row *row)
{
	const struct reader *r = &ps->rd;
	if (r->unclosed) {
		bad_add(ps, line, "ô mở dấu ngoặc kép \" mà không đóng (đến hết tệp)");
		return false;
	}
	if (r->stray >= 0) {
		char buf[72];
		const char *name = r->stray < ps->ncols ? ps->head[r->stray] : "";
		bad_add(ps, line, "cột %d \"%s\" có dấu ngoặc kép đặt sai chỗ", r->stray + 1,
			shorten(name, buf));
		return false;
	}
	if (r->ncells != ps->ncols) {
		bad_add(ps, line, "dòng có %d cột, tiêu đề có %d", r->ncells, ps->ncols);
		return false;
	}
	if (!field_text(ps, DF_CODE)[0]) {
		bad_add(ps, line, "thiếu mã hồ sơ");
		return false;
	}
	return row_dates(ps, line, row) && row_channel(ps, line, row);
}

/* Hands a good row to the stream's caller, its text in ps->row. */
static void row_emit(struct parser *ps, int line, struct dossier_row *row)
{
	row->line = line;
	for (int f = 0; f < DF_COUNT; f++)
		row->text[f] = ps->row.s + ps->off[f];
	ps->rc = ps->ops->row(ps->ops->ctx, row, ps->err);
}

/* Stores a good row: its text into the arena, its code into the table;
 * reports it instead when its code was seen. */
static void row_store(struct parser *ps, int line, struct dossier_row *row)
{
	struct dossier_parse *out = ps->out;
	if (ps->ops) {
		row_emit(ps, line, row);
		return;
	}
	const char *code = field_text(ps, DF_CODE);
	int dup = code_find(&ps->codes, out->rows, code);
	if (dup >= 0) {
		char reason[sizeof out->bad->reason];
		dossier_duplicate_reason(code, out->rows[dup].line, reason, sizeof reason);
		bad_add(ps, line, "%s", reason);
		return;
	}
	if (out->nrows == ps->rows_cap) {
		ps->rows_cap = ps->rows_cap ? ps->rows_cap * 2 : 256;
		out->rows = xrealloc(out->rows, (size_t)ps->rows_cap * sizeof *out->rows);
	}
	char *block = arena_alloc(out->arena, ps->row.len);
	memcpy(block, ps->row.s, ps->row.len);
	row->line = line;
	for (int f = 0; f < DF_COUNT; f++)
		row->text[f] = block + ps->off[f];
	out->rows[out->nrows] = *row;
	code_insert(&ps->codes, out->rows, out->nrows++);
}

static void read_rows(struct parser *ps)
{
	int line;
	while (!ps->rc && read_record(&ps->rd, &line)) {
		if (record_blank(&ps->rd))
			continue;
		struct dossier_row row;
		memset(&row, 0, sizeof row);
		clean_row(ps);
		if (row_check(ps, line, &row))
			row_store(ps, line, &row);
	}
}

static void parser_free(struct parser *ps)
{
	sbuf_free(&ps->rd.buf);
	free(ps->rd.src);
	free(ps->rd.start);
	free(ps->rd.len);
	sbuf_free(&ps->row);
	free(ps->codes.slot);
	for (int c = 0; ps->head && c < ps->ncols; c++)
		free(ps->head[c]);
	free(ps->head);
}

int dossier_parse_text(const char *text, size_t len, const struct dossier_map *map,
		       struct dossier_parse *out, struct cchc_err *err)
{
	memset(out, 0, sizeof *out);
	out->arena = xcalloc(1, sizeof *out->arena);
	struct parser ps;
	memset(&ps, 0, sizeof ps);
	ps.map = map;
	ps.out = out;
	if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0)
		text += 3, len -= 3;
	ps.rd.p = text;
	ps.rd.end = text + len;
	ps.rd.line = 1;
	ps.rd.final = true;
	bool whole;
	out->delimiter = detect_delimiter(text, text + len, &whole);
	reader_set_delim(&ps.rd, out->delimiter);
	int rc = read_header(&ps, err);
	if (!rc)
		read_rows(&ps);
	parser_free(&ps);
	if (rc)
		dossier_parse_free(out);
	return rc;
}

void dossier_parse_free(struct dossier_parse *p)
{
	free(p->rows);
	free(p->bad);
	arena_free(p->arena);
	char delim = p->delimiter;
	memset(p, 0, sizeof *p);
	p->delimiter = delim;
	for (int f = 0; f < DF_COUNT; f++)
		p->columns[f] = -1;
}

/* -------------------------------------------------------------- streaming */

/* Where the reader's grammar stands while an over-long record is skipped:
 * at a cell's start, in unquoted text, inside quotes, just after a quote
 * inside quotes (the closing one, or the first of a pair), or just after
 * the CR that ended the record (an LF may follow). */
enum skip_state { SKIP_CELL, SKIP_PLAIN, SKIP_QUOTED, SKIP_QUOTE, SKIP_CR };

struct dossier_stream {
	struct parser ps;
	struct dossier_parse out;    /* the delimiter and the columns */
	size_t max_record;
	bool started;                /* the BOM and the delimiter are behind */
	bool skipping;               /* inside an over-long record */
	enum skip_state skip;
	bool cr;                     /* the last character skipped was a CR */
	int skip_line;               /* where the skipped record starts */
};

struct dossier_stream *dossier_stream_new(const struct dossier_map *map,
					  const struct dossier_stream_ops *ops, size_t max_record)
{
	struct dossier_stream *s = xcalloc(1, sizeof *s);
	s->ps.map = map;
	s->ps.out = &s->out;
	s->ps.ops = ops;
	s->ps.rd.line = 1;
	s->max_record = max_record;
	for (int f = 0; f < DF_COUNT; f++)
		s->out.columns[f] = -1;
	return s;
}

void dossier_stream_free(struct dossier_stream *s)
{
	if (!s)
		return;
	parser_free(&s->ps);
	free(s);
}

/* One character c of a skipped record, not a newline's second half: the
 * state after it. */
static enum skip_state skip_step(enum skip_state st, char c, char delim)
{
	bool nl = c == '\n' || c == '\r';
	if (st == SKIP_QUOTED)
		return c == '"' ? SKIP_QUOTE : SKIP_QUOTED;
	if (st == SKIP_QUOTE && c == '"')
		return SKIP_QUOTED;
	if (nl)
		return SKIP_CR;
	if (c == delim)
		return SKIP_CELL;
	if (st == SKIP_CELL && (c == ' ' || c == '"'))
		return c == '"' ? SKIP_QUOTED : SKIP_CELL;
	return SKIP_PLAIN;
}

/* Reads on through a record too long to keep, as read_record would but
 * keeping nothing, and counts its lines; returns the bytes it took from
 * [p, end). s->skipping turns false when the record ends among them. */
static size_t skip_record(struct dossier_stream *s, const char *p, const char *end)
{
	struct reader *r = &s->ps.rd;
	const char *q = p;
	for (; q < end; q++) {
		bool lf_of_crlf = s->cr && *q == '\n';
		s->cr = *q == '\r';
		if (s->skip == SKIP_CR) {       /* the record ended at a CR */
			s->skipping = false;
			return (size_t)(q - p) + lf_of_crlf;
		}
		if (lf_of_crlf)                 /* counted with its CR */
			continue;
		s->skip = skip_step(s->skip, *q, r->delim);
		if (*q == '\n' || *q == '\r')
			r->line++;
		if (*q == '\n' && s->skip == SKIP_CR) {
			s->skipping = false;
			return (size_t)(q + 1 - p);
		}
	}
	return (size_t)(q - p);
}

static size_t kb(size_t bytes)
{
	return (bytes + 1023) >> 10;
}

/* Reports the skipped record once its end is known. */
static void skip_report(struct dossier_stream *s)
{
	if (s->skip == SKIP_QUOTED)
		bad_add(&s->ps, s->skip_line, "ô mở dấu ngoặc kép \" mà không đóng (đến hết tệp)");
	else
		bad_add(&s->ps, s->skip_line, "dòng dài hơn %zu KB, không đọc được (thường do một ô "
			"mở dấu ngoặc kép \" mà không đóng)", kb(s->max_record));
	s->skipping = false;
}

/* Skips the BOM and finds the delimiter; false when the first line is not
 * all there yet. */
static bool stream_start(struct dossier_stream *s, const char **p, const char *end, bool final)
{
	size_t len = (size_t)(end - *p);
	if (!final && len < 3)
		return false;
	if (len >= 3 && memcmp(*p, "\xef\xbb\xbf", 3) == 0)
		*p += 3;
	bool whole;
	char delim = detect_delimiter(*p, end, &whole);
	if (!whole && !final && len <= s->max_record)
		return false;
	reader_set_delim(&s->ps.rd, delim);
	s->out.delimiter = delim;
	s->started = true;
	return true;
}

/* Starts skipping the record at the reader's place, which has outgrown
 * max_record; *used grows by the bytes taken from there. */
static int skip_begin(struct dossier_stream *s, size_t *used, struct cchc_err *err)
{
	struct reader *r = &s->ps.rd;
	if (!s->ps.have_header)
		return err_set(err, CCHC_EINPUT, "dòng %d dài hơn %zu KB: không tìm được dòng tiêu "
			       "đề", r->line, kb(s->max_record));
	s->skipping = true;
	s->skip = SKIP_CELL;
	s->cr = false;
	s->skip_line = r->line;
	*used += skip_record(s, r->p, r->end);
	if (!s->skipping)
		skip_report(s);
	return CCHC_OK;
}

/* Parses what follows an over-long record's end, or takes text into it. */
static size_t stream_skip(struct dossier_stream *s, const char *text, size_t len, bool final)
{
	size_t k = skip_record(s, text, text + len);
	if (!s->skipping || final)
		skip_report(s);
	return k;
}

int dossier_stream_feed(struct dossier_stream *s, const char *text, size_t len, bool final,
			size_t *used, struct cchc_err *err)
{
	struct parser *ps = &s->ps;
	struct reader *r = &ps->rd;
	const char *p = text;
	*used = 0;
	if (s->skipping) {
		p += stream_skip(s, text, len, final);
		if (p == text + len) {
			*used = len;
			return CCHC_OK;
		}
	}
	if (!s->started && !stream_start(s, &p, text + len, final))
		return CCHC_OK;
	r->p = p;
	r->end = text + len;
	r->final = final;
	ps->err = err;
	int rc = ps->have_header ? 0 : read_header(ps, err);
	if (rc == 0)
		read_rows(ps);
	if (rc > 0 || ps->rc)
		return rc > 0 ? rc : ps->rc;
	*used = (size_t)(r->p - text);
	if (!final && len - *used > s->max_record)
		return skip_begin(s, used, err);
	return CCHC_OK;
}
