/* Plan text importer, pure half.
 *
 * The clerk's text comes copied out of a PDF (every line hard-wrapped, an
 * empty line after each line, stray page numbers), out of Word (a paragraph a
 * line, empty lines between), or as Markdown (# headings, **bold**, *italic*,
 * heading levels that do not follow the numbering). The parse runs in steps:
 *
 *   1. clean each line: strip Markdown decoration and escapes, odd spaces,
 *      page numbers; remember which lines were Markdown headings;
 *   2. cut the text into header (before "KẾ HOẠCH"), body and footer (from
 *      "Nơi nhận");
 *   3. join the body's lines into blocks (paragraphs, list items), using the
 *      document's wrap width when it is hard-wrapped;
 *   4. read the title, preamble and referenced documents, then the numbered
 *      sections: a label opens a section only when it continues a sequence
 *      (next number of an open style, or the first of a new style), and
 *      nesting follows the order in which styles first appear;
 *   5. read recipients and the signer block from the footer.
 */
#include <config.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "import/plan_parse.h"
#include "import/plan_layout.h"
#include "text/date.h"
#include "text/utf8.h"
#include "util/sbuf.h"

struct line {
	char *s;         /* cleaned text, trimmed */
	int ncp;         /* length in code points */
	bool blank_before;
	bool page_break; /* a page boundary (number, running header, form feed,
			  * margin artefact) was dropped just before this line */
	bool md_heading;
	bool hard_break; /* Markdown "two spaces" line break */
	bool markdown;   /* the text is Markdown whose paragraphs are set apart
			  * by blank lines: lines with none between are one */
	int indent;      /* leading spaces in the raw line */
};

struct lines {
	struct line *v;
	int n;
};

struct block {
	char *s;
	size_t len, cap;
	bool md_heading;
	bool is_item;
	char marker;
	int nlines;
	bool label;      /* starts with a numbering label (syntactically) */
	bool blank_before;
};

struct blocks {
	struct block *v;
	int n, cap;
	bool spaced;     /* a blank line after nearly every line (a PDF copy) */
};

struct label {
	enum numbering_style style;
	char delim;      /* '.' or ')' for arabic and letters, ':' '.' or 0 for named */
	char word[24];   /* named: the word before the number, lower case ("phần") */
	int parts;       /* dotted: number of parts */
	int value;       /* ordinal of the last part */
	char prefix[32]; /* dotted: all parts but the last, "1.2" */
	size_t len;      /* bytes of the label as written */
};

/* ------------------------------------------------------------------ text */

static bool starts_with(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

static uint32_t first_cp(const char *s)
{
	uint32_t cp = 0;
	if (!utf8_decode(s, strlen(s), &cp))
		return 0;
	return cp;
}

static int cp_count(const char *s)
{
	int n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xc0) != 0x80;
	return n;
}

/* The last character of s that is not a closing quote, parenthesis or
 * emphasis mark. */
static char last_punct(const char *s)
{
	size_t n = strlen(s);
	while (n > 0) {
		unsigned char c = (unsigned char)s[n - 1];
		if (c == ')' || c == '"' || c == '\'' || c == ' ') {
			n--;
			continue;
		}
		if (n >= 3 && (unsigned char)s[n - 3] == 0xe2 && (unsigned char)s[n - 2] == 0x80 &&
		    (c == 0x9d || c == 0x99)) { /* ” ’ */
			n -= 3;
			continue;
		}
		return (char)c;
	}
	return '\0';
}

/* "PHỤ LỤC I", "Phụ lục 2": an annex heading, short and on its own line. */
static bool is_annex(const char *s)
{
	const char *p = NULL;
	if (starts_with(s, "PHỤ LỤC"))
		p = s + strlen("PHỤ LỤC");
	else if (starts_with(s, "Phụ lục"))
		p = s + strlen("Phụ lục");
	return p && (*p == '\0' || (*p == ' ' && cp_count(s) <= 24));
}

static char *trim_dup(const char *s, size_t n)
{
	while (n > 0 && (*s == ' ' || *s == '\t')) {
		s++;
		n--;
	}
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	return xstrndup(s, n);
}

/* Strips a trailing character set from s in place. */
static void rstrip(char *s, const char *chars)
{
	size_t n = strlen(s);
	while (n > 0 && strchr(chars, s[n - 1]))
		s[--n] = '\0';
}

/* ---------------------------------------------------------- line cleaning */

static bool is_md_punct(char c)
{
	return c && strchr("\\`*_{}[]()#+-.!|~<>\"'", c) != NULL;
}

static bool word_edge(const char *s, size_t i, size_t n)
{
	return i >= n || s[i] == ' ' || strchr(".,;:!?()\"'", s[i]) != NULL;
}

/* The end of the run of underscores at i that closes one opened at a word
 * start: a run of the same length at a word end, later on the line; or 0. */
static size_t underscore_close(const char *s, size_t i, size_t run, size_t n)
{
	for (size_t k = i + run; k < n; k++) {
		if (s[k] != '_')
			continue;
		size_t j = k;
		while (j < n && s[j] == '_')
			j++;
		if (j - k == run && word_edge(s, j, n) && k > 0 && s[k - 1] != ' ')
			return k;
		k = j;
	}
	return 0;
}

/* Removes Markdown emphasis and backslash escapes when the text is Markdown
 * (an underscore run only when it opens at a word start and closes at a word
 * end: "VP_(TTT)" is a name, not emphasis); keeps a leading "* " list marker
 * as "- ". Plain text keeps its asterisks ("Chỉ số (*)"). */
static char *strip_markdown_inline(const char *s, bool markdown)
{
	struct sbuf b = SBUF_INIT;
	size_t n = strlen(s), i = 0, close = 0, close_run = 0;
	if (n >= 2 && s[0] == '*' && s[1] == ' ') {
		sbuf_add(&b, "- ");
		i = 2;
	}
	for (; i < n; i++) {
		char c = s[i];
		if (!markdown) {
			sbuf_addc(&b, c);
			continue;
		}
		if (c == '\\' && is_md_punct(s[i + 1])) {
			sbuf_addc(&b, s[++i]);
			continue;
		}
		if (c == '*')
			continue;
		if (c == '_') {
			size_t j = i;
			while (j < n && s[j] == '_')
				j++;
			if (close && i == close) {
				i += close_run - 1;
				close = 0;
				continue;
			}
			size_t k = (i == 0 || word_edge(s, i - 1, n)) && !word_edge(s, j, n)
				   ? underscore_close(s, i, j - i, n) : 0;
			if (k) {
				close = k;
				close_run = j - i;
				i = j - 1;
				continue;
			}
			sbuf_addn(&b, s + i, j - i);
			i = j - 1;
			continue;
		}
		sbuf_addc(&b, c);
	}
	return sbuf_detach(&b);
}

/* Replaces no-break and other odd spaces by ' ', drops zero-width ones. */
static char *normalise_spaces(const char *s)
{
	struct sbuf b = SBUF_INIT;
	size_t n = strlen(s), i = 0;
	while (i < n) {
		uint32_t cp;
		size_t len = utf8_decode(s + i, n - i, &cp);
		if (!len) {
			len = 1;
			cp = 0xfffd;
		}
		if (cp == 0x200b || cp == 0xfeff || cp == 0x200c || cp == 0x200d || cp == 0xad)
			;
		else if (cp == '\t')
			sbuf_addc(&b, '\t'); /* a column break in a copied table */
		else if (text_cp_is_space(cp))
			sbuf_addc(&b, ' ');
		else
			sbuf_addn(&b, s + i, len);
		i += len;
	}
	return sbuf_detach(&b);
}

static size_t item_marker(const char *s, char *marker);
static bool parse_label(const char *s, struct label *lb);

/* The last word of s, lower-cased, into buf ("" when too long). */
static void last_word(const char *s, char *buf, size_t cap)
{
	size_t n = strlen(s);
	while (n > 0 && s[n - 1] == ' ')
		n--;
	size_t w = n;
	while (w > 0 && s[w - 1] != ' ')
		w--;
	buf[0] = '\0';
	if (n - w + 1 > cap)
		return;
	memcpy(buf, s + w, n - w);
	buf[n - w] = '\0';
	char *f = text_lower(buf);
	snprintf(buf, cap, "%s", f);
	free(f);
}

static bool word_in(const char *w, const char *const *list, size_t n)
{
	for (size_t k = 0; k < n; k++)
		if (strcmp(w, list[k]) == 0)
			return true;
	return false;
}

/* Whether a line ending as prev continues on next, whatever next's case:
 * prev ends with a word a sentence cannot stop at (a preposition, a
 * conjunction, "Phó" before a title), or with a word that names a number
 * ("số", "ngày") and next begins with that number ("Kế hoạch số" ‖
 * "168/KH-UBND"). Words that end phrases too ("được", "trực thuộc", "tiếp
 * theo", "chính quyền số") are not in these lists. */
static bool joins_next(const char *prev, const char *next)
{
	static const char *const always[] = {
		"các", "của", "và", "với", "cho", "tại", "những", "về", "trong", "là", "từ",
		"đến", "để", "hoặc", "do", "như", "gồm", "đã", "sẽ", "phải", "đối", "sự",
		"nhằm", "phó", "mỗi", "thì", "mà", "vào", "giữa",
	};
	static const char *const before_number[] = {
		"số", "ngày", "tháng", "năm", "quý", "điều", "khoản", "điểm", "khóa",
	};
	char w[24];
	last_word(prev, w, sizeof w);
	if (!*w)
		return false;
	if (word_in(w, always, sizeof always / sizeof always[0]))
		return true;
	return *next >= '0' && *next <= '9' &&
	       word_in(w, before_number, sizeof before_number / sizeof before_number[0]);
}

/* "5", "- 5 -", "Trang 5", "Trang 5/12", "5/12", "Page 5 of 12": a page
 * number printed in the margin. */
static bool is_page_number(const char *s)
{
	const char *p = s;
	if (starts_with(p, "Trang:") || starts_with(p, "trang:"))
		p += 6;
	else if (starts_with(p, "Trang ") || starts_with(p, "trang "))
		p += 6;
	else if (starts_with(p, "Page ") || starts_with(p, "page "))
		p += 5;
	while (*p == '-' || *p == ' ')
		p++;
	int digits = 0, total = 0;
	while (*p >= '0' && *p <= '9') {
		p++;
		digits++;
	}
	if (digits && (*p == '/' || starts_with(p, " of ") || starts_with(p, " / "))) {
		p += *p == '/' ? 1 : strspn(p, " of/");
		while (*p >= '0' && *p <= '9') {
			p++;
			total++;
		}
		if (!total || total > 3)
			return false;
	}
	while (*p == '-' || *p == ' ')
		p++;
	return digits > 0 && digits <= 3 && *p == '\0';
}

/* A Markdown rule (---, ***) or a table separator row (|---|:--|). */
static bool is_rule(const char *s)
{
	if (!*s)
		return false;
	int marks = 0;
	for (const char *p = s; *p; p++) {
		if (*p == '-' || *p == '*' || *p == '_' || *p == '=')
			marks++;
		else if (*p != ' ' && *p != '|' && *p != ':')
			return false;
	}
	return marks >= 3;
}

/* A web address or a bare domain name ("www.x.vn", "https://…",
 * "thuvienphapluat.vn"): ASCII, with a dot between letters. */
static bool is_web_token(const char *w, size_t n)
{
	if ((n > 4 && strncmp(w, "http", 4) == 0) || (n > 4 && strncmp(w, "www.", 4) == 0))
		return true;
	bool dot = false;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)w[i];
		if (c >= 0x80)
			return false;
		if (c == '.' && i > 0 && i + 2 < n && w[i + 1] != '.')
			dot = true;
		else if (!(c >= 'a' && c <= 'z') && !(c >= 'A' && c <= 'Z') && !(c >= '0' && c <= '9') &&
			 c != '-' && c != '/' && c != '.' && c != '_')
			return false;
	}
	if (!dot)
		return false;
	const char *tld = w + n;
	while (tld > w && tld[-1] != '.')
		tld--;
	size_t t = (size_t)(w + n - tld);
	if (t < 2 || t > 4 || !((w[0] >= 'a' && w[0] <= 'z') || (w[0] >= 'A' && w[0] <= 'Z')))
		return false;
	for (size_t i = 0; i < t; i++)   /* "vn", "com": not "2.Hai" */
		if (!(tld[i] >= 'a' && tld[i] <= 'z'))
			return false;
	return true;
}

/* Words that print beside a web address in a downloaded PDF's margin. */
static bool is_margin_word(const char *w, size_t n)
{
	static const char *const words[] = {
		"hotline", "tel", "điện", "thoại", "đt", "email", "e-mail", "fax", "lawnet",
		"thuvienphapluat", "luatvietnam", "vanbanphapluat", "website", "trang", "page",
		"of", "thư", "viện", "pháp", "luật", "việt", "nam", "tiện", "ích", "văn", "bản",
		"tải", "về", "từ", "nguồn", "xem", "bởi",
	};
	char buf[64];
	if (n >= sizeof buf)
		return false;
	for (size_t i = 0; i < n; i++)
		buf[i] = (char)(w[i] >= 'A' && w[i] <= 'Z' ? w[i] + 32 : w[i]);
	buf[n] = '\0';
	if (strspn(buf, "0123456789.+()/") == n)   /* a phone number, "3/12" */
		return true;
	char *f = text_lower(buf);
	bool hit = false;
	for (size_t k = 0; k < sizeof words / sizeof words[0] && !hit; k++)
		hit = strcmp(f, words[k]) == 0;
	free(f);
	return hit;
}

/* A line that is only what a web site printed in the margin of a
 * downloaded PDF: addresses, the site's name, its phone, a page count. A
 * line that also carries words of the text is kept ("… đăng tại
 * https://dichvucong.gov.vn theo quy định."). */
static bool is_margin_artefact(const char *s)
{
	bool web = false;
	const char *p = s;
	while (*p) {
		p += strspn(p, " |-:;,()[]\xc2\xb7");
		if (!*p)
			break;
		size_t n = strcspn(p, " |;,()[]");
		while (n > 0 && strchr(".:", p[n - 1]))
			n--;
		if (n == 0) {
			p++;
			continue;
		}
		if (is_web_token(p, n))
			web = true;
		else if (!is_margin_word(p, n))
			return false;
		p += n;
		p += strspn(p, ".:");
	}
	return web;
}

/* The stamp a digital signature prints on a page ("Ký bởi: Sở Y tế",
 * "Email: …@….gov.vn", "Cơ quan: …", "Thời gian ký: 20.01.2026 09:15:32
 * +07:00"): not the plan's text. "Cơ quan:" alone is dropped only beside
 * the other lines of the stamp (see drop_stamp_lines). */
static bool is_signature_stamp(const char *s)
{
	return starts_with(s, "Ký bởi:") || starts_with(s, "Người ký:") ||
	       starts_with(s, "Thời gian ký:") ||
	       (starts_with(s, "Email:") && strchr(s, '@') && strlen(s) < 80);
}


/* Markdown, not a plain copy: headings, bold marks, escapes or a table rule. */
static bool is_markdown_text(const char *text)
{
	for (const char *p = text; *p;) {
		const char *e = strchr(p, '\n');
		size_t n = e ? (size_t)(e - p) : strlen(p);
		const char *q = p;
		while (q < p + n && *q == ' ')
			q++;
		if (*q == '#') {
			while (*q == '#')
				q++;
			if (*q == ' ')
				return true;
		}
		for (q = p; q + 1 < p + n; q++)
			if ((q[0] == '*' && q[1] == '*') || (q[0] == '\\' && strchr(".()[]*_#-", q[1])) ||
			    (q[0] == '|' && q[1] == '-'))
				return true;
		p = e ? e + 1 : p + n;
	}
	return false;
}

enum raw_kind { RAW_TEXT, RAW_BLANK, RAW_PAGE };

static enum raw_kind clean_line(const char *raw, size_t n, bool markdown, struct line *out)
{
	memset(out, 0, sizeof *out);
	out->hard_break = markdown && n >= 2 && raw[n - 1] == ' ' && raw[n - 2] == ' ';
	char *sp = xstrndup(raw, n);
	char *norm = normalise_spaces(sp);
	free(sp);
	char *t = trim_dup(norm, strlen(norm));
	free(norm);
	const char *p = t;
	if (markdown && *p == '#') {
		while (*p == '#')
			p++;
		if (*p == ' ' || *p == '\0')
			out->md_heading = true;
		else
			p = t;
	}
	if (markdown && *p == '>' && p[1] == ' ') /* block quote */
		p += 2;
	char *md = strip_markdown_inline(p, markdown);
	free(t);
	out->s = trim_dup(md, strlen(md));
	free(md);
	out->ncp = cp_count(out->s);
	if (is_page_number(out->s) || is_margin_artefact(out->s) || is_signature_stamp(out->s))
		return RAW_PAGE;
	if (!*out->s || is_rule(out->s) || strcmp(out->s, "./.") == 0)
		return RAW_BLANK;
	return RAW_TEXT;
}

struct raw_line {
	struct line ln;
	enum raw_kind kind;
};

/* Whether the nearest non-blank line before or after i is a page mark. */
static bool beside_page_mark(const struct raw_line *r, int n, int i)
{
	int k = i - 1;
	while (k >= 0 && r[k].kind == RAW_BLANK)
		k--;
	if (k >= 0 && r[k].kind == RAW_PAGE)
		return true;
	k = i + 1;
	while (k < n && r[k].kind == RAW_BLANK)
		k++;
	return k < n && r[k].kind == RAW_PAGE;
}

/* A running header or footer repeats beside the page marks of at least half
 * of the pages ("Kế hoạch CCHC năm 2026 - Sở Y tế" above each page): those
 * lines become page marks too. */
static void mark_running_heads(struct raw_line *r, int n)
{
	int marks = 0;
	for (int i = 0; i < n; i++)
		marks += r[i].kind == RAW_PAGE;
	if (marks < 2)
		return;
	bool *near = xcalloc((size_t)n + 1, sizeof *near);
	for (int i = 0; i < n; i++) {
		char m;
		near[i] = r[i].kind == RAW_TEXT && r[i].ln.ncp <= 100 && r[i].ln.s[0] != '|' &&
			  !item_marker(r[i].ln.s, &m) && beside_page_mark(r, n, i);
	}
	for (int i = 0; i < n; i++) {
		if (!near[i])
			continue;
		int same = 0;
		for (int k = 0; k < n; k++)
			same += near[k] && strcmp(r[k].ln.s, r[i].ln.s) == 0;
		if (same >= 2 && same * 2 >= marks)
			for (int k = i; k < n; k++)
				if (near[k] && strcmp(r[k].ln.s, r[i].ln.s) == 0 && k != i)
					r[k].kind = RAW_PAGE;
		if (same >= 2 && same * 2 >= marks)
			r[i].kind = RAW_PAGE;
	}
	free(near);
}

/* An address alone on its line is the text's own when the sentence before
 * leads into it ("… tại" / "https://dichvucong.gov.vn"), not the margin's. */
static void keep_led_in_addresses(struct raw_line *r, int n)
{
	int prev = -1;
	for (int i = 0; i < n; i++) {
		if (r[i].kind == RAW_TEXT) {
			prev = i;
			continue;
		}
		if (r[i].kind != RAW_PAGE || !*r[i].ln.s || is_page_number(r[i].ln.s) || prev < 0 ||
		    strchr(r[i].ln.s, ' ') || beside_page_mark(r, n, i))
			continue;
		if (last_punct(r[prev].ln.s) == ':' || joins_next(r[prev].ln.s, r[i].ln.s)) {
			r[i].kind = RAW_TEXT;
			prev = i;
		}
	}
}

/* "1 Xã Đồng Văn được thành lập …": a footnote's number, a space and a
 * capital; returns the number or 0. */
static int footnote_number(const char *s)
{
	int v = 0;
	size_t n = 0;
	while (s[n] >= '0' && s[n] <= '9' && n < 2)
		v = v * 10 + (s[n++] - '0');
	if (!n || s[n] != ' ' || v == 0)
		return 0;
	uint32_t cp = first_cp(s + n + 1);
	return cp && !text_cp_is_lower(cp) && !(cp >= '0' && cp <= '9') ? v : 0;
}

/* Where the marker of footnote v stands in s: a lower-case letter with the
 * number glued to it ("xã1"), followed by a space, punctuation or the end.
 * Returns the offset of the digits, or -1. */
static long footnote_marker(const char *s, int v)
{
	char num[8];
	snprintf(num, sizeof num, "%d", v);
	size_t nl = strlen(num);
	for (const char *p = s; (p = strstr(p, num)); p++) {
		if (p == s || (p[-1] >= '0' && p[-1] <= '9') || (p[nl] >= '0' && p[nl] <= '9'))
			continue;
		if (p[nl] && !strchr(" ,.;:)", p[nl]))
			continue;
		const char *q = p - 1;
		while (q > s && ((unsigned char)*q & 0xc0) == 0x80)
			q--;
		uint32_t cp = first_cp(q);
		if (text_cp_is_lower(cp))
			return p - s;
	}
	return -1;
}

/* Footnotes printed at a page's foot: the lines from "1 Xã …" down to the
 * page mark are dropped, and the marker glued to a word above ("xã1") is
 * taken off, when such a marker exists. */
static void drop_footnotes(struct raw_line *r, int n)
{
	for (int m = 0; m < n; m++) {
		if (r[m].kind != RAW_PAGE)
			continue;
		int first = -1;
		for (int j = m - 1, seen = 0; j >= 0 && seen < 6; j--) {
			if (r[j].kind == RAW_PAGE)
				break;
			if (r[j].kind != RAW_TEXT)
				continue;
			seen++;
			if (footnote_number(r[j].ln.s))
				first = j;
		}
		if (first < 0)
			continue;
		int v = footnote_number(r[first].ln.s);
		int at = -1;
		long off = -1;
		for (int j = first - 1; j >= 0 && off < 0; j--)
			if (r[j].kind == RAW_TEXT && (off = footnote_marker(r[j].ln.s, v)) >= 0)
				at = j;
		if (at < 0)
			continue;
		char *s = r[at].ln.s;
		size_t nl = (size_t)snprintf(NULL, 0, "%d", v);
		memmove(s + off, s + off + (long)nl, strlen(s + off + nl) + 1);
		r[at].ln.ncp = cp_count(s);
		for (int j = first; j < m; j++)
			if (r[j].kind == RAW_TEXT)
				r[j].kind = RAW_PAGE;
	}
}

/* "Cơ quan: …", "Chức vụ: …" beside the lines of a signature stamp. */
static void drop_stamp_lines(struct raw_line *r, int n)
{
	for (int i = 0; i < n; i++) {
		if (r[i].kind != RAW_TEXT ||
		    !(starts_with(r[i].ln.s, "Cơ quan:") || starts_with(r[i].ln.s, "Chức vụ:")))
			continue;
		for (int k = i - 2; k <= i + 2; k++)
			if (k >= 0 && k < n && k != i && is_signature_stamp(r[k].ln.s)) {
				r[i].kind = RAW_PAGE;
				break;
			}
	}
}

/* A running head with no page number beside it: the same short line three
 * times or more, not a heading, a list item, a table row or a "label: value"
 * line, at least once cutting a sentence in two. */
static void mark_repeated_heads(struct raw_line *r, int n)
{
	for (int i = 0; i < n; i++) {
		const char *s = r[i].ln.s;
		char m;
		struct label lb;
		if (r[i].kind != RAW_TEXT || r[i].ln.ncp > 100 || strchr(s, ':') || s[0] == '|' ||
		    strchr(".;!?", last_punct(s)) || text_all_upper(s) || item_marker(s, &m) ||
		    parse_label(s, &lb))
			continue;
		int same = 0;
		bool cuts = false;
		for (int k = i; k < n; k++) {
			if (r[k].kind != RAW_TEXT || strcmp(r[k].ln.s, s) != 0)
				continue;
			same++;
			int p = k - 1;
			while (p >= 0 && r[p].kind != RAW_TEXT)
				p--;
			cuts |= p >= 0 && !strchr(".;!?:", last_punct(r[p].ln.s));
		}
		if (same < 3 || !cuts)
			continue;
		for (int k = n - 1; k >= i; k--)
			if (r[k].kind == RAW_TEXT && strcmp(r[k].ln.s, s) == 0)
				r[k].kind = RAW_PAGE;
	}
}

/* Cleans every line (a form feed, as pdftotext writes between pages, is a
 * page mark of its own) and keeps the lines with text, each knowing whether
 * a blank line or a page boundary came before it. */
static void split_lines(const char *text, struct lines *L)
{
	bool markdown = is_markdown_text(text);
	struct raw_line *r = NULL;
	int n = 0, cap = 0;
	for (const char *p = text; *p;) {
		size_t len = strcspn(p, "\n\f");
		if (n + 2 > cap) {
			cap = cap ? cap * 2 : 256;
			r = xrealloc(r, sizeof *r * (size_t)cap);
		}
		r[n].kind = clean_line(p, len, markdown, &r[n].ln);
		r[n].ln.indent = (int)strspn(p, " ");
		n++;
		p += len;
		if (*p == '\f') {
			memset(&r[n], 0, sizeof r[n]);
			r[n].ln.s = xstrdup("");
			r[n++].kind = RAW_PAGE;
		}
		if (*p)
			p++;
	}
	mark_running_heads(r, n);
	mark_repeated_heads(r, n);
	keep_led_in_addresses(r, n);
	drop_footnotes(r, n);
	drop_stamp_lines(r, n);
	int ntext = 0, spaced = 0;
	for (int i = 1; i < n; i++)
		if (r[i].kind == RAW_TEXT) {
			ntext++;
			spaced += r[i - 1].kind == RAW_BLANK;
		}
	bool md_paragraphs = markdown && spaced * 4 >= ntext;
	for (int i = 0; i < n; i++)
		r[i].ln.markdown = md_paragraphs;
	L->v = xmalloc(sizeof *L->v * ((size_t)n + 1));
	L->n = 0;
	bool blank = false, page = false;
	for (int i = 0; i < n; i++) {
		if (r[i].kind != RAW_TEXT) {
			blank |= r[i].kind == RAW_BLANK;
			page |= r[i].kind == RAW_PAGE;
			free(r[i].ln.s);
			continue;
		}
		r[i].ln.blank_before = blank;
		r[i].ln.page_break = page;
		blank = page = false;
		L->v[L->n++] = r[i].ln;
	}
	free(r);
}

static void lines_free(struct lines *L)
{
	for (int i = 0; i < L->n; i++)
		free(L->v[i].s);
	free(L->v);
}

/* ---------------------------------------------------------------- labels */

static const char *const viet_letters[] = {
	"a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m",
	"n", "o", "p", "q", "r", "s", "t", "u", "v", "x", "y",
};
#define NLETTERS ((int)(sizeof viet_letters / sizeof viet_letters[0]))

/* True when s[0..n) is how v is written ("IX", not "VIV" or "IVI"). */
static bool roman_canonical(const char *s, size_t n, int v)
{
	static const char *const ones[] = { "", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX" };
	static const char *const tens[] = { "", "X", "XX", "XXX", "XL", "L", "LX", "LXX", "LXXX", "XC" };
	char buf[16];
	snprintf(buf, sizeof buf, "%s%s%s", v == 100 ? "C" : "", tens[(v / 10) % 10], ones[v % 10]);
	return strlen(buf) == n && strncmp(buf, s, n) == 0;
}

static int roman_value(const char *s, size_t n)
{
	static const struct { const char *r; int v; } tab[] = {
		{ "M", 1000 }, { "CM", 900 }, { "D", 500 }, { "CD", 400 }, { "C", 100 },
		{ "XC", 90 }, { "L", 50 }, { "XL", 40 }, { "X", 10 }, { "IX", 9 },
		{ "V", 5 }, { "IV", 4 }, { "I", 1 },
	};
	int v = 0;
	size_t i = 0;
	int last = 0;
	for (size_t k = 0; k < sizeof tab / sizeof tab[0] && i < n; k++) {
		size_t len = strlen(tab[k].r);
		int repeat = 0;
		while (i + len <= n && strncmp(s + i, tab[k].r, len) == 0) {
			if (++repeat > (len == 1 && strchr("MCXI", tab[k].r[0]) ? 3 : 1))
				return 0;
			if (last && tab[k].v > last)
				return 0;
			v += tab[k].v;
			i += len;
			last = tab[k].v;
		}
	}
	return i == n ? v : 0;
}

/* After a label: end of text or a space. */
static bool label_end(const char *p)
{
	return *p == '\0' || *p == ' ' || *p == '\t';
}

static size_t read_digits(const char *p, int max, int *value)
{
	size_t n = 0;
	int v = 0;
	while (p[n] >= '0' && p[n] <= '9') {
		if ((int)n == max)
			return 0;
		v = v * 10 + (p[n] - '0');
		n++;
	}
	if (n == 0 || (n > 1 && p[0] == '0'))
		return 0;
	*value = v;
	return n;
}

/* The delimiter after a number at s: "." or ")" before a space or the end;
 * "/" before a space ("I/ MỤC ĐÍCH"); " - " before a capital ("1 - Một");
 * "." glued to a capital ("I.MỤC ĐÍCH"). Returns its length, 0 if none;
 * *delim is the character that names it. */
static size_t label_delim(const char *s, char *delim)
{
	if ((s[0] == '.' || s[0] == ')') && label_end(s + 1)) {
		*delim = s[0];
		return 1;
	}
	if (s[0] == '/' && s[1] == ' ') {
		*delim = '/';
		return 1;
	}
	uint32_t cp;
	if (s[0] == '.' && utf8_decode(s + 1, strlen(s + 1), &cp) && !text_cp_is_lower(cp) &&
	    text_cp_is_letter(cp)) {
		*delim = '.';
		return 1;
	}
	size_t dash = starts_with(s, " - ") ? 3 : starts_with(s, " \xe2\x80\x93 ") ? 5 : 0;
	if (dash && utf8_decode(s + dash, strlen(s + dash), &cp) && !text_cp_is_lower(cp) &&
	    text_cp_is_letter(cp)) {
		*delim = '-';
		return dash - 1;   /* the label is "1 -": the space after stays */
	}
	return 0;
}

static bool parse_roman_label(const char *s, struct label *lb)
{
	size_t n = 0;
	while (s[n] && strchr("IVXLC", s[n]))
		n++;
	char delim = 0;
	size_t d = n ? label_delim(s + n, &delim) : 0;
	if (!d || delim == ')')
		return false;
	int v = roman_value(s, n);
	if (v <= 0 || v > 100 || !roman_canonical(s, n, v))
		return false;
	lb->style = STYLE_ROMAN;
	lb->value = v;
	lb->len = n + d;
	return true;
}

static bool parse_number_label(const char *s, struct label *lb)
{
	int v, parts = 0;
	size_t i = 0, prefix_end = 0;
	for (;;) {
		size_t n = read_digits(s + i, parts == 0 ? 3 : 2, &v);
		if (!n)
			return false;
		parts++;
		i += n;
		if (s[i] == '.' && s[i + 1] >= '0' && s[i + 1] <= '9') {
			prefix_end = i;
			i++;
			continue;
		}
		break;
	}
	if (parts == 1) {
		char delim = 0;
		size_t d = label_delim(s + i, &delim);
		if (!d)
			return false;
		lb->style = STYLE_ARABIC;
		lb->delim = delim;
		lb->len = i + d;
	} else {
		if (s[i] == '.')
			i++;
		if (!label_end(s + i) || prefix_end >= sizeof lb->prefix)
			return false;
		lb->style = STYLE_DOTTED;
		lb->parts = parts;
		memcpy(lb->prefix, s, prefix_end);
		lb->prefix[prefix_end] = '\0';
		lb->len = i;
	}
	lb->value = v;
	return true;
}

static bool parse_letter_label(const char *s, struct label *lb)
{
	for (int k = 0; k < NLETTERS; k++) {
		size_t n = strlen(viet_letters[k]);
		if (strncmp(s, viet_letters[k], n) == 0 && (s[n] == ')' || s[n] == '.') &&
		    label_end(s + n + 1) && s[n + 1] != '\0') {
			lb->style = STYLE_LETTER;
			lb->delim = s[n];
			lb->value = k + 1;
			lb->len = n + 1;
			return true;
		}
	}
	return false;
}

static const char *const viet_upper[] = {
	"A", "B", "C", "D", "Đ", "E", "G", "H", "I", "K", "L", "M",
	"N", "O", "P", "Q", "R", "S", "T", "U", "V", "X", "Y",
};

/* "A." "Đ.": an upper-case letter and a full stop. */
static bool parse_upper_label(const char *s, struct label *lb)
{
	for (int k = 0; k < NLETTERS; k++) {
		size_t n = strlen(viet_upper[k]);
		if (strncmp(s, viet_upper[k], n) == 0 && s[n] == '.' && label_end(s + n + 1)) {
			lb->style = STYLE_UPPER;
			lb->value = k + 1;
			lb->len = n + 1;
			return true;
		}
	}
	return false;
}

static bool parse_paren_label(const char *s, struct label *lb)
{
	int v;
	if (s[0] != '(')
		return false;
	size_t n = read_digits(s + 1, 3, &v);
	if (!n || s[1 + n] != ')' || !label_end(s + 2 + n))
		return false;
	lb->style = STYLE_PAREN;
	lb->value = v;
	lb->len = n + 2;
	return true;
}

/* "NHẤT", "hai" … "mười": an ordinal written in words, after "thứ". */
static int ordinal_word(const char *s, size_t *len)
{
	static const char *const words[] = { "nhất", "hai", "ba", "tư", "năm", "sáu", "bảy",
					     "tám", "chín", "mười" };
	size_t n = 0;
	while (s[n] && s[n] != ' ' && s[n] != '.' && s[n] != ':' && s[n] != ')' && n < 12)
		n++;
	char buf[16];
	memcpy(buf, s, n);
	buf[n] = '\0';
	char *f = text_lower(buf);
	int v = 0;
	for (int k = 0; k < 10 && !v; k++)
		if (strcmp(f, words[k]) == 0)
			v = k + 1;
	free(f);
	*len = n;
	return v;
}

/* The number after a named label's word: "1", "IV", "thứ nhất". */
static size_t named_number(const char *s, int *value)
{
	size_t n;
	if (starts_with(s, "thứ ") || starts_with(s, "THỨ ") || starts_with(s, "Thứ ")) {
		const char *p = s + strlen("thứ ");
		*value = ordinal_word(p, &n);
		return *value ? (size_t)(p - s) + n : 0;
	}
	if ((n = read_digits(s, 3, value)))
		return n;
	n = strspn(s, "IVXL");
	if (n) {
		*value = roman_value(s, n);
		return *value > 0 && roman_canonical(s, n, *value) ? n : 0;
	}
	return 0;
}

/* "PHẦN THỨ NHẤT", "Phần I.", "Mục 1.", "Nội dung 1:", "Nhiệm vụ 2:":
 * a word and a number. The delimiter (".", ":", ")") may be left out only
 * when nothing or an upper-case heading follows ("PHẦN I" alone, "CHƯƠNG
 * II QUY ĐỊNH CHUNG"). "Điều" is not among the words: a decision's articles
 * are its text, not a plan's sections. */
static bool parse_named_label(const char *s, struct label *lb)
{
	static const char *const words[] = {
		"Phần", "PHẦN", "Chương", "CHƯƠNG", "Mục", "MỤC", "Nội dung", "NỘI DUNG",
		"Nhiệm vụ", "NHIỆM VỤ", "Giải pháp", "Nhóm", "Tiêu chí", "Chỉ tiêu",
	};
	for (size_t k = 0; k < sizeof words / sizeof words[0]; k++) {
		size_t wl = strlen(words[k]);
		if (strncmp(s, words[k], wl) != 0 || s[wl] != ' ')
			continue;
		int v = 0;
		size_t n = named_number(s + wl + 1, &v);
		if (!n || v <= 0)
			return false;
		const char *p = s + wl + 1 + n;
		char delim = 0;
		if (*p == '.' || *p == ':' || *p == ')')
			delim = *p++;
		if (!label_end(p))
			return false;
		if (!delim && *p && !text_all_upper(p))
			return false;
		char *w = text_lower(words[k]);
		memset(lb, 0, sizeof *lb);
		lb->style = STYLE_NAMED;
		lb->delim = 0;
		snprintf(lb->word, sizeof lb->word, "%s", w);
		free(w);
		lb->value = v;
		lb->len = (size_t)(p - s);
		return true;
	}
	return false;
}

/* Every reading of a numbering label at the start of s ("C." is roman 100
 * or the letter C); returns how many were found (up to 2). */
static int parse_labels(const char *s, struct label lb[2])
{
	int n = 0;
	memset(lb, 0, 2 * sizeof *lb);
	if (parse_named_label(s, &lb[0]))
		return 1;
	if (parse_roman_label(s, &lb[n]))
		n++;
	if (parse_upper_label(s, &lb[n]))
		n++;
	if (n == 0 && (parse_number_label(s, &lb[0]) || parse_letter_label(s, &lb[0]) ||
		       parse_paren_label(s, &lb[0])))
		n++;
	return n;
}

/* Recognises a numbering label at the start of s (its first reading). */
static bool parse_label(const char *s, struct label *lb)
{
	struct label two[2];
	if (!parse_labels(s, two))
		return false;
	*lb = two[0];
	return true;
}

static bool same_style(const struct label *a, const struct label *b)
{
	return a->style == b->style && a->parts == b->parts && a->delim == b->delim &&
	       strcmp(a->word, b->word) == 0;
}

/* A list item marker: "- ", "+ ", "• ", or a dash glued to a word ("-Tổ"). */
static size_t item_marker(const char *s, char *marker)
{
	if ((s[0] == '-' || s[0] == '+') && (s[1] == ' ' || s[1] == '\t')) {
		*marker = s[0];
		return 2;
	}
	if (starts_with(s, "\xe2\x80\xa2") || starts_with(s, "\xe2\x80\x93") ||
	    starts_with(s, "\xef\x82\xa7")) { /* •  –  Wingdings bullet */
		*marker = '-';
		return s[3] == ' ' ? 4 : 3;
	}
	if ((s[0] == '-' || s[0] == '+') && s[1] && s[1] != '-' && s[1] != '/' &&
	    !(s[1] >= '0' && s[1] <= '9')) {
		*marker = s[0];
		return 1;
	}
	return 0;
}

/* --------------------------------------------------------- header, footer */

static const char *const doc_types[] = {
	"KẾ HOẠCH", "CHƯƠNG TRÌNH", "BÁO CÁO", "QUYẾT ĐỊNH", "THÔNG BÁO", "ĐỀ ÁN",
	"PHƯƠNG ÁN", "CÔNG VĂN", "HƯỚNG DẪN", "CHỈ THỊ",
};

/* The type a line names, also letter-spaced as PDFs print it ("KẾ  HOẠCH",
 * "K Ế  H O Ạ C H"). */
static const char *doc_type_of(const char *s)
{
	char packed[64];
	size_t n = 0;
	for (const char *p = s; *p && n + 1 < sizeof packed; p++)
		if (*p != ' ')
			packed[n++] = *p;
	packed[n] = '\0';
	for (size_t k = 0; k < sizeof doc_types / sizeof doc_types[0]; k++) {
		char want[64];
		size_t m = 0;
		for (const char *p = doc_types[k]; *p; p++)
			if (*p != ' ')
				want[m++] = *p;
		want[m] = '\0';
		if (strcmp(s, doc_types[k]) == 0 || (strlen(s) < 40 && strcmp(packed, want) == 0))
			return doc_types[k];
	}
	return NULL;
}

/* "NAM", "VIỆT NAM": the tail of the motto when its column wrapped it. */
static bool is_motto_tail(const char *cell)
{
	static const char *const mottos[] = { "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
					      "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM" };
	size_t n = strlen(cell);
	for (size_t k = 0; k < 2; k++) {
		size_t m = strlen(mottos[k]);
		if (n > 0 && n < m && strcmp(mottos[k] + m - n, cell) == 0 && mottos[k][m - n - 1] == ' ')
			return true;
	}
	return false;
}

static bool is_motto(const char *cell)
{
	return starts_with(cell, "CỘNG HÒA XÃ HỘI") || starts_with(cell, "CỘNG HOÀ XÃ HỘI") ||
	       starts_with(cell, "Độc lập") || starts_with(cell, "ĐỘC LẬP");
}

/* Splits a line of a table-like header or footer (columns separated by three
 * or more spaces or a tab, or Markdown pipes) into cells. */
struct cells {
	char *v[16];
	int n;
};

/* Splits a line of a table-like header or footer (columns separated by three
 * or more spaces, a tab, or Markdown pipes) into cells, malloc'd. */
static void split_cells(const char *s, struct cells *c)
{
	c->n = 0;
	const char *p = s;
	while (*p && c->n < 16) {
		while (*p == ' ' || *p == '\t' || *p == '|')
			p++;
		if (!*p)
			break;
		const char *e = p;
		while (*e && *e != '\t' && *e != '|' && !(e[0] == ' ' && e[1] == ' ' && e[2] == ' '))
			e++;
		char *cell = trim_dup(p, (size_t)(e - p));
		/* "ngày      tháng 3 năm 2026", "Số:        /KH-UBND": a blank day
		 * or number is not a column break */
		char *prev = c->n > 0 ? c->v[c->n - 1] : NULL;
		size_t pl = prev ? strlen(prev) : 0;
		size_t sl = strlen("Số:");
		bool blank_no = prev && pl >= sl && strcmp(prev + pl - sl, "Số:") == 0 && cell[0] == '/';
		if (prev && ((strstr(prev, "ngày") && !strstr(prev, "năm")) || blank_no)) {
			struct sbuf b = SBUF_INIT;
			sbuf_addf(&b, "%s %s", prev, cell);
			free(prev);
			free(cell);
			c->v[c->n - 1] = sbuf_detach(&b);
		} else {
			c->v[c->n++] = cell;
		}
		p = e;
	}
}

static void cells_free(struct cells *c)
{
	for (int i = 0; i < c->n; i++)
		free(c->v[i]);
	c->n = 0;
}

static char *after(const char *s, const char *key)
{
	const char *p = strstr(s, key);
	return p ? (char *)p + strlen(key) : NULL;
}

static size_t doc_number_at(const char *p);

/* "Số: 31/KH-SNgV" anywhere in the cell; also "Số : 35/KH-UBND", "Số: 35
 * /KH-UBND", "35/ KH-UBND", "35/KH - UBND": the spaces a typist or a PDF put
 * around "/" and "-" are not part of the number, nor is a final stop. */
static bool parse_doc_no(const char *cell, struct plan_doc *d)
{
	const char *p = after(cell, "Số:");
	if (!p)
		p = after(cell, "Số :");
	if (!p && starts_with(cell, "Số ") &&
	    (doc_number_at(cell + strlen("Số ")) || cell[strlen("Số ")] == '/'))
		p = cell + strlen("Số ");
	if (!p)
		return false;
	while (*p == ' ')
		p++;
	struct sbuf b = SBUF_INIT;
	sbuf_add(&b, "");
	for (; *p; p++) {
		if (*p == ' ') {
			const char *q = p + strspn(p, " ");
			bool glue = *q == '/' || *q == '-' ||
				    (b.len && (b.s[b.len - 1] == '/' || b.s[b.len - 1] == '-'));
			if (!glue)
				break;
			p = q - 1;
			continue;
		}
		sbuf_addc(&b, *p);
	}
	while (b.len && (b.s[b.len - 1] == '.' || b.s[b.len - 1] == ','))
		sbuf_trunc(&b, b.len - 1);
	free(d->doc_no);
	d->doc_no = sbuf_detach(&b);
	return true;
}

/* Reads a number that may be blank or dotted ("...") in a date line. */
static int date_part(const char **p)
{
	while (**p == ' ' || **p == '.' || **p == '_' || **p == '/')
		(*p)++;
	int v = 0, k = 0;
	while (**p >= '0' && **p <= '9' && k < 4) {
		v = v * 10 + (**p - '0');
		(*p)++;
		k++;
	}
	return k ? v : 0;
}

/* "Lạng Sơn, ngày 10 tháng 6 năm 2024" (the day may be blank). */
static bool parse_date_line(const char *cell, struct plan_doc *d)
{
	const char *ngay = strstr(cell, "ngày");
	const char *thang = strstr(cell, "tháng");
	const char *nam = strstr(cell, "năm");
	if (!ngay || !thang || !nam || !(ngay < thang && thang < nam))
		return false;
	const char *p = ngay + strlen("ngày");
	int day = date_part(&p);
	p = thang + strlen("tháng");
	int month = date_part(&p);
	p = nam + strlen("năm");
	int year = date_part(&p);
	if (year < 1900 || month < 1 || month > 12)
		return false;
	const char *comma = ngay;
	while (comma > cell && (comma[-1] == ' ' || comma[-1] == ','))
		comma--;
	free(d->place);
	d->place = trim_dup(cell, (size_t)(comma - cell));
	free(d->date_text);
	d->date_text = text_squeeze(ngay);
	char iso[32];
	if (day && date_valid(year, month, day))
		snprintf(iso, sizeof iso, "%04d-%02d-%02d", year, month, day);
	else
		snprintf(iso, sizeof iso, "%04d-%02d", year, month);
	free(d->issued_on);
	d->issued_on = xstrdup(iso);
	d->year = year;
	return true;
}

/* Words a body's name starts with, in a header's upper-case lines. */
static bool starts_body_name(const char *s)
{
	static const char *const kinds[] = {
		"ỦY BAN", "UỶ BAN", "UBND", "SỞ ", "BAN ", "CHI CỤC", "CỤC ", "TỔNG CỤC", "TRUNG TÂM",
		"VĂN PHÒNG", "THANH TRA", "PHÒNG ", "HỘI ĐỒNG", "HĐND", "BỘ ", "ĐẢNG", "TỈNH ỦY",
		"BẢO HIỂM", "CÔNG AN", "KHO BẠC", "ĐÀI ", "BÁO ", "TRƯỜNG", "BỆNH VIỆN", "HẠT ",
		"VIỆN ", "TRẠM ", "ĐOÀN ", "LIÊN ĐOÀN", "HỘI ", "QUỸ ", "BQL",
	};
	for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++)
		if (starts_with(s, kinds[k]))
			return true;
	return false;
}

/* Whether an upper-case header line continues the body named on the line
 * before rather than naming another: "ỦY BAN NHÂN DÂN" over "HUYỆN ĐỨC
 * TRỌNG", "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH" over "CÔNG". */
static bool continues_body(const char *prev, const char *cell)
{
	static const char *const levels[] = {
		"TỈNH ", "HUYỆN ", "THÀNH PHỐ ", "THỊ XÃ ", "QUẬN ", "XÃ ", "PHƯỜNG ", "THỊ TRẤN ",
		"ĐẶC KHU ",
	};
	size_t n = strlen(prev);
	static const char ubnd[] = "NHÂN DÂN", short_[] = "UBND";
	bool council = (n >= strlen(ubnd) && strcmp(prev + n - strlen(ubnd), ubnd) == 0) ||
		       (n >= strlen(short_) && strcmp(prev + n - strlen(short_), short_) == 0);
	for (size_t k = 0; council && k < sizeof levels / sizeof levels[0]; k++)
		if (starts_with(cell, levels[k]))
			return true;
	int words = 1;
	for (const char *p = cell; *p; p++)
		words += *p == ' ';
	return words <= 2 && !starts_body_name(cell);
}

/* The header's upper-case lines name the bodies, the issuer last and the
 * bodies above it before ("UBND TỈNH SƠN LA / SỞ NÔNG NGHIỆP VÀ MÔI
 * TRƯỜNG" over "CHI CỤC KIỂM LÂM"); a name may run over two lines. */
static void parse_header_lines(const struct lines *L, int from, int to, struct plan_doc *d)
{
	struct cells cells;
	char *bodies[8];
	int nb = 0;
	for (int i = from; i < to; i++) {
		split_cells(L->v[i].s, &cells);
		for (int c = 0; c < cells.n; c++) {
			const char *cell = cells.v[c];
			if (is_motto(cell) || parse_doc_no(cell, d) || parse_date_line(cell, d))
				continue;
			if (!text_all_upper(cell) || cell[0] == '/' || is_motto_tail(cell))
				continue;
			if (nb > 0 && continues_body(bodies[nb - 1], cell)) {
				struct sbuf b = SBUF_INIT;
				sbuf_addf(&b, "%s %s", bodies[nb - 1], cell);
				free(bodies[nb - 1]);
				bodies[nb - 1] = sbuf_detach(&b);
			} else if (nb < 8) {
				bodies[nb++] = xstrdup(cell);
			}
		}
		cells_free(&cells);
	}
	if (nb == 0)
		return;
	struct sbuf parent = SBUF_INIT;
	sbuf_add(&parent, "");
	for (int i = 0; i < nb - 1; i++) {
		sbuf_addf(&parent, "%s%s", i ? " / " : "", bodies[i]);
		free(bodies[i]);
	}
	free(d->parent_body);
	d->parent_body = sbuf_detach(&parent);
	free(d->issuer);
	d->issuer = bodies[nb - 1];
}

/* ---------------------------------------------------------------- blocks */

/* A row of a table copied from Word: two or more TABs between cells. */
static bool is_tab_row(const char *s)
{
	int tabs = 0;
	for (const char *p = s; *p; p++)
		tabs += *p == '\t' && p[1] != '\t';
	return tabs >= 2;
}

static bool starts_new_block_always(const struct line *ln)
{
	char m;
	struct label lb;
	return ln->md_heading || item_marker(ln->s, &m) || parse_label(ln->s, &lb) || ln->s[0] == '|' ||
	       is_tab_row(ln->s) ||
	       starts_with(ln->s, "Trên đây là") || starts_with(ln->s, "Nơi nhận") ||
	       is_annex(ln->s);
}

/* Decides whether line ln continues the block whose last line is prev. */
static bool continues(const struct block *b, const struct line *prev, const struct line *ln,
		      int width)
{
	bool wrapped = width > 0;
	int full = width * 8 / 10;
	if (starts_new_block_always(ln) || prev->hard_break)
		return false;
	/* A Markdown heading is one line, unless a PDF hard-wrapped it: then
	 * its tail fills no line and starts lower-case or with a closing mark. */
	if (b->md_heading) {
		uint32_t c0 = first_cp(ln->s);
		return wrapped && prev->ncp >= full && !strchr(".!?:", last_punct(prev->s)) &&
		       (text_cp_is_lower(c0) || !text_cp_is_letter(c0)) && !(c0 >= '0' && c0 <= '9');
	}
	/* an upper-case heading wrapped onto a second upper-case line */
	if (b->label && b->nlines == 1 && text_all_upper(b->s) && text_all_upper(ln->s))
		return true;
	/* Markdown: lines with no blank line between are one paragraph (a
	 * numbered heading continues only on an indented line) */
	if (ln->markdown && !ln->blank_before && !ln->page_break && !b->md_heading &&
	    (!b->label || ln->indent >= 2))
		return true;
	uint32_t cp = first_cp(ln->s);
	char end = last_punct(prev->s);
	if (text_cp_is_lower(cp))
		return !strchr(".!?:", end) || (wrapped && prev->ncp >= full);
	/* A sentence or heading cut by a page break or a blank line: the first
	 * half ends on a comma or on a word a sentence cannot stop at ("các
	 * Phó" ‖ "Chủ tịch", "Kế hoạch số" ‖ "168/KH-UBND"). */
	if (end == ',' || joins_next(prev->s, ln->s))
		return true;
	/* Not hard-wrapped: a line is a paragraph (Word puts one per line). */
	if (!wrapped || prev->ncp < full || end == ':')
		return false;
	/* A heading line (a label block's first line) followed by an upper-case
	 * line is a heading of its own unless it fills the width to the margin
	 * without ending a sentence. */
	if (b->label && b->nlines == 1)
		return !strchr(".;!?", end) &&
		       (prev->ncp >= width * 9 / 10 || (cp >= '0' && cp <= '9'));
	return true;
}

/* A row of a table copied from Word ("1<TAB>Rà soát<TAB>VP") keeps its
 * columns as " | " separated cells. */
static char *tabs_to_cells(const char *s)
{
	struct sbuf b = SBUF_INIT;
	int tabs = 0;
	for (const char *p = s; *p; p++)
		tabs += *p == '\t' && p[1] != '\t';
	for (const char *p = s; *p; p++) {
		if (*p == '\t' && tabs < 2) { /* "a)<TAB>text": just a space */
			sbuf_addc(&b, ' ');
			continue;
		}
		if (*p != '\t') {
			sbuf_addc(&b, *p);
			continue;
		}
		while (p[1] == '\t' || p[1] == ' ')
			p++;
		while (b.len > 0 && b.s[b.len - 1] == ' ')
			sbuf_trunc(&b, b.len - 1);
		sbuf_add(&b, " | ");
	}
	return sbuf_detach(&b);
}

static void block_add(struct blocks *B, const struct line *ln)
{
	if (B->n == B->cap) {
		B->cap = B->cap ? B->cap * 2 : 64;
		B->v = xrealloc(B->v, sizeof *B->v * (size_t)B->cap);
	}
	struct block *b = &B->v[B->n++];
	memset(b, 0, sizeof *b);
	struct label lb;
	size_t skip = item_marker(ln->s, &b->marker);
	b->is_item = skip > 0;
	b->s = tabs_to_cells(ln->s + skip);
	b->len = strlen(b->s);
	b->cap = b->len + 1;
	b->md_heading = ln->md_heading;
	b->label = !b->is_item && parse_label(ln->s, &lb);
	b->nlines = 1;
}

static void block_append(struct block *b, const char *s)
{
	char *cells = tabs_to_cells(s);
	size_t add = strlen(cells);
	if (b->len + add + 2 > b->cap) {
		b->cap = (b->len + add + 2) * 2;
		b->s = xrealloc(b->s, b->cap);
	}
	b->s[b->len] = ' ';
	memcpy(b->s + b->len + 1, cells, add + 1);
	b->len += add + 1;
	b->nlines++;
	free(cells);
}

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}

/* The wrap width of a hard-wrapped text (90th percentile of line lengths), or
 * 0 when the text is not hard-wrapped (one paragraph a line). */
static bool is_tab_row(const char *s);

/* Lines that say nothing of wrapping: table rows. */
static bool wraps(const struct line *ln)
{
	return ln->s[0] != '|' && !is_tab_row(ln->s);
}

static int wrap_width(const struct lines *L, int from, int to)
{
	int n = 0;
	int *len = xmalloc(sizeof *len * (size_t)(to - from + 1));
	for (int i = from; i < to; i++)
		if (wraps(&L->v[i]))
			len[n++] = L->v[i].ncp;
	if (n < 8) {
		free(len);
		return 0;
	}
	qsort(len, (size_t)n, sizeof *len, cmp_int);
	int w = len[n * 9 / 10];
	int near = 0;
	for (int i = 0; i < n; i++)
		near += len[i] * 10 >= w * 8;
	free(len);
	if (!(w >= 30 && w <= 120 && near * 10 >= n * 3))
		return 0;
	/* A hard-wrapped line that fills the width ends inside a sentence; in a
	 * Word copy (a paragraph a line) the long lines end sentences. */
	int full = 0, open = 0;
	for (int i = from; i < to; i++) {
		if (L->v[i].ncp * 10 < w * 8 || !wraps(&L->v[i]))
			continue;
		full++;
		open += !strchr(".;!?:", last_punct(L->v[i].s));
	}
	return open * 2 >= full ? w : 0;
}

/* A sentence that opens a plan's preamble rather than continuing its title:
 * "Căn cứ …", "Thực hiện …", "Năm 2025, …". */
static bool is_preamble_start(const char *s)
{
	static const char *const starts[] = {
		"Căn cứ ", "Thực hiện ", "Triển khai ", "Nhằm ", "Để ", "Theo ", "Trên cơ sở ",
		"Quán triệt ", "Xét ", "Được sự ", "Ngày ", "Qua ", "Với mục tiêu",
	};
	for (size_t k = 0; k < sizeof starts / sizeof starts[0]; k++)
		if (starts_with(s, starts[k]))
			return true;
	const char *p = s + strlen("Năm ");
	return starts_with(s, "Năm ") && p[0] >= '1' && p[0] <= '2' && strspn(p, "0123456789") == 4;
}

/* "(Kèm theo Quyết định số 123/QĐ-UBND …)": the line under an attached
 * plan's abstract. */
static bool is_attachment_note(const char *s)
{
	return starts_with(s, "(Kèm theo") || starts_with(s, "(kèm theo") ||
	       starts_with(s, "(Ban hành kèm theo") || starts_with(s, "(ban hành kèm theo");
}

/* The first line of the body that carries a numbering label: the lines
 * before it are the title and the preamble. */
static int front_matter_end(const struct lines *L, int from, int to)
{
	struct label lb;
	for (int i = from; i < to; i++)
		if (parse_label(L->v[i].s, &lb) || is_annex(L->v[i].s))
			return i;
	return to;
}

static void make_blocks(const struct lines *L, int from, int to, struct blocks *B)
{
	B->v = NULL;
	B->n = B->cap = 0;
	int w = wrap_width(L, from, to), front = front_matter_end(L, from, to), blanks = 0;
	for (int i = from; i < to; i++) {
		const struct line *ln = &L->v[i];
		blanks += ln->blank_before;
		/* in the front matter, a preamble's first sentence starts a block
		 * even when the title's last line fills the width */
		bool opens = i < front && is_preamble_start(ln->s) && i > from &&
			     !joins_next(L->v[i - 1].s, ln->s);
		if (B->n > 0 && i > from && !opens && continues(&B->v[B->n - 1], &L->v[i - 1], ln, w)) {
			block_append(&B->v[B->n - 1], ln->s);
		} else {
			block_add(B, ln);
			B->v[B->n - 1].blank_before = ln->blank_before;
		}
	}
	B->spaced = to - from >= 4 && blanks * 2 > to - from;
	for (int i = 0; i < B->n; i++) {
		char *sq = text_squeeze(B->v[i].s);
		free(B->v[i].s);
		B->v[i].s = sq;
		B->v[i].len = strlen(sq);
	}
}

static void blocks_free(struct blocks *B)
{
	for (int i = 0; i < B->n; i++)
		free(B->v[i].s);
	free(B->v);
}

/* ------------------------------------------------------------ references */

static const char *const ref_kinds[] = {
	"Kế hoạch", "Thông báo", "Quyết định", "Nghị định", "Nghị quyết", "Chỉ thị",
	"Thông tư", "Công văn", "Văn bản", "Hướng dẫn", "Luật", "Báo cáo", "Chương trình",
	"Đề án", "Kết luận", "Tờ trình", "Công điện",
};

static bool is_symbol_char(const char *p, size_t *len)
{
	unsigned char c = (unsigned char)*p;
	if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-') {
		*len = 1;
		return true;
	}
	if (c == 0xc4 && ((unsigned char)p[1] == 0x90 || (unsigned char)p[1] == 0x91)) { /* Đ đ */
		*len = 2;
		return true;
	}
	return false;
}

/* A document number at p: "126/KH-UBND", "60/2021/NĐ-CP". Returns its length. */
static size_t doc_number_at(const char *p)
{
	size_t i = strspn(p, "0123456789");  /* "05/KH-UBND": zeros are written */
	if (!i || i > 5 || p[i] != '/')
		return 0;
	i++;
	size_t y = 0;
	while (p[i + y] >= '0' && p[i + y] <= '9')
		y++;
	if (y == 4 && p[i + y] == '/')
		i += y + 1;
	unsigned char c = (unsigned char)p[i];
	if (!((c >= 'A' && c <= 'Z') || (c == 0xc4 && (unsigned char)p[i + 1] == 0x90)))
		return 0;
	size_t start = i, len;
	while (is_symbol_char(p + i, &len))
		i += len;
	while (i > start && p[i - 1] == '-')
		i--;
	return i - start >= 2 ? i : 0;
}

/* The kind word ("Kế hoạch") standing just before position p in s, if any. */
static const char *ref_kind_before(const char *s, const char *p)
{
	const char *q = p;
	size_t so = strlen("số ");
	if ((size_t)(q - s) >= so && strncmp(q - so, "số ", so) == 0)
		q -= so;
	for (size_t k = 0; k < sizeof ref_kinds / sizeof ref_kinds[0]; k++) {
		size_t n = strlen(ref_kinds[k]);
		if ((size_t)(q - s) < n + 1 || q[-1] != ' ')
			continue;
		const char *w = q - 1 - n;
		/* compare ignoring the case of the first (ASCII) letter */
		if (strncmp(w + 1, ref_kinds[k] + 1, n - 1) == 0 &&
		    (w[0] == ref_kinds[k][0] || w[0] == ref_kinds[k][0] + 32))
			return ref_kinds[k];
	}
	return "";
}

static void add_ref(struct plan_doc *d, const char *kind, const char *no, size_t nlen,
		    const char *rest)
{
	for (int i = 0; i < d->nrefs; i++)
		if (strlen(d->refs[i].doc_no) == nlen && strncmp(d->refs[i].doc_no, no, nlen) == 0)
			return;
	d->refs = xrealloc(d->refs, sizeof *d->refs * (size_t)(d->nrefs + 1));
	struct pdoc_ref *r = &d->refs[d->nrefs++];
	r->kind = xstrdup(kind);
	r->doc_no = xstrndup(no, nlen);
	r->date_text = xstrdup("");
	r->issued_on = xstrdup("");
	if (!starts_with(rest, " ngày "))
		return;
	const char *p = rest + strlen(" ngày ");
	size_t n = strspn(p, "0123456789/");
	char buf[16];
	struct ymd ymd;
	if (n >= 8 && n < sizeof buf) {
		memcpy(buf, p, n);
		buf[n] = '\0';
		if (date_parse_dmy(buf, &ymd)) {
			char iso[11];
			date_format_iso(ymd, iso);
			free(r->date_text);
			free(r->issued_on);
			r->date_text = xstrdup(buf);
			r->issued_on = xstrdup(iso);
		}
	}
}

static void find_references(const char *s, struct plan_doc *d)
{
	for (const char *p = s; *p; p++) {
		if (!(*p >= '0' && *p <= '9') || (p > s && p[-1] >= '0' && p[-1] <= '9') ||
		    (p > s && p[-1] == '/'))
			continue;
		size_t n = doc_number_at(p);
		if (!n)
			continue;
		add_ref(d, ref_kind_before(s, p), p, n, p + n);
		p += n - 1;
	}
}

/* Whether org names one body ("Sở Giao thông vận tải", "UBND huyện Cao
 * Lộc"), not a kind ("UBND tỉnh", "Sở"): after the kind and the level of
 * government comes a capitalised name. The preamble of a plan whose header
 * was not copied often says only "UBND tỉnh ban hành"; that is left for
 * the clerk rather than stored as the issuer. */
static bool names_one_body(const char *org)
{
	static const char *const kinds[] = {
		"Ủy ban nhân dân ", "Ủy ban ", "UBND ", "Văn phòng ", "Thanh tra ", "Trung tâm ",
		"Chi cục ", "Cục ", "Sở ", "Ban ",
	};
	static const char *const levels[] = {
		"tỉnh ", "huyện ", "thành phố ", "thị xã ", "quận ", "xã ", "phường ", "thị trấn ",
	};
	const char *p = org;
	for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++)
		if (starts_with(p, kinds[k])) {
			p += strlen(kinds[k]);
			break;
		}
	for (size_t k = 0; k < sizeof levels / sizeof levels[0]; k++)
		if (starts_with(p, levels[k])) {
			p += strlen(levels[k]);
			break;
		}
	return p != org && *p && !text_cp_is_lower(first_cp(p));
}

/* Issuer named in the preamble: "Sở Công Thương ban hành Kế hoạch". */
static char *issuer_from_text(const char *s)
{
	static const char *const verbs[] = { " xây dựng Kế hoạch", " ban hành Kế hoạch",
					     " xây dựng kế hoạch", " ban hành kế hoạch" };
	static const char *const orgs[] = { "Sở ", "Ban ", "Văn phòng ", "Thanh tra ", "Ủy ban ",
					    "UBND ", "Trung tâm ", "Cục ", "Chi cục " };
	for (size_t v = 0; v < sizeof verbs / sizeof verbs[0]; v++) {
		const char *hit = strstr(s, verbs[v]);
		if (!hit)
			continue;
		const char *best = NULL;
		for (size_t o = 0; o < sizeof orgs / sizeof orgs[0]; o++)
			for (const char *q = s; (q = strstr(q, orgs[o])) && q < hit; q++)
				if ((q == s || q[-1] == ' ' || q[-1] == '\n') && (!best || q > best))
					best = q;
		if (best && !memchr(best, ';', (size_t)(hit - best)) &&
		    !memchr(best, ',', (size_t)(hit - best))) {
			char *org = xstrndup(best, (size_t)(hit - best));
			if (names_one_body(org))
				return org;
			free(org);
		}
	}
	return NULL;
}

/* The preamble's last paragraph, where a plan says who issues it ("…, Sở
 * Công Thương ban hành Kế hoạch … như sau:"); earlier paragraphs name other
 * bodies' documents ("theo đó Sở Nội vụ ban hành Kế hoạch kiểm tra"). */
static const char *own_statement(const char *preamble)
{
	const char *last = preamble;
	for (const char *p = preamble; (p = strstr(p, "\n\n")); p += 2)
		last = p + 2;
	return last;
}

/* Issuer named in the title: "... của Sở Ngoại vụ năm 2024". */
static char *issuer_from_title(const char *t)
{
	const char *p = NULL;
	for (const char *q = t; (q = strstr(q, "của Sở ")); q++)
		p = q;
	if (!p)
		return NULL;
	p += strlen("của ");
	const char *e = strstr(p, " năm ");
	return e ? xstrndup(p, (size_t)(e - p)) : xstrdup(p);
}

static int year_in(const char *s)
{
	int year = 0;
	for (const char *p = s; (p = strstr(p, "năm ")); p++) {
		const char *q = p + strlen("năm ");
		int v = 0, k = 0;
		while (q[k] >= '0' && q[k] <= '9' && k < 5)
			v = v * 10 + (q[k++] - '0');
		if (k == 4 && v >= 1990 && v <= 2100)
			year = v;
	}
	return year;
}

/* -------------------------------------------------------------- sections */

struct open_section {
	struct label lb;
	int index;
};

struct tree {
	struct open_section stack[16];
	int depth;
};

/* Decides where a label fits: returns the stack depth the new section takes
 * (its parent is stack[depth-1]), or -1 when the label breaks every open
 * sequence and is ordinary text. */
static int place_label(const struct tree *t, const struct label *lb)
{
	int k = -1;
	for (int i = t->depth - 1; i >= 0; i--)
		if (same_style(&t->stack[i].lb, lb)) {
			k = i;
			break;
		}
	if (k < 0) {
		if (lb->value == 1 || (t->depth == 0 && lb->value <= 5))
			return t->depth < 16 ? t->depth : -1;
		return -1;
	}
	const struct label *prev = &t->stack[k].lb;
	bool same_prefix = strcmp(prev->prefix, lb->prefix) == 0;
	if (same_prefix && lb->value > prev->value && lb->value <= prev->value + 3)
		return k;
	/* the author wrote the same number twice ("2." then "2."): a sibling,
	 * not text of the first (a nested list would start at 1) */
	if (same_prefix && lb->value == prev->value && lb->value > 1)
		return k;
	if (lb->style == STYLE_DOTTED && !same_prefix && lb->value == 1)
		return k;
	if (lb->style != STYLE_DOTTED && lb->value == 1 && t->depth < 16)
		return t->depth;
	return -1;
}

static void section_add(struct plan_doc *d, struct tree *t, int depth, const struct label *lb,
			const char *label, size_t label_len, const char *heading)
{
	d->sections = xrealloc(d->sections, sizeof *d->sections * (size_t)(d->nsections + 1));
	struct pdoc_section *s = &d->sections[d->nsections];
	memset(s, 0, sizeof *s);
	s->parent = depth > 0 ? t->stack[depth - 1].index : -1;
	s->depth = depth;
	s->style = lb->style;
	s->parts = lb->parts;
	s->value = lb->value;
	s->label = xstrndup(label, label_len);
	s->heading = xstrdup(heading);
	rstrip(s->heading, ": ");
	t->stack[depth].lb = *lb;
	t->stack[depth].index = d->nsections++;
	t->depth = depth + 1;
}

static void item_add(struct pdoc_section *s, const struct block *b)
{
	s->items = xrealloc(s->items, sizeof *s->items * (size_t)(s->nitems + 1));
	struct pdoc_item *it = &s->items[s->nitems++];
	it->is_list_item = b->is_item;
	it->marker = b->is_item ? b->marker : 0;
	it->text = xstrdup(b->s);
}

static void text_add(char **dst, const char *s)
{
	struct sbuf b = SBUF_INIT;
	if (*dst && **dst)
		sbuf_addf(&b, "%s\n\n", *dst);
	sbuf_add(&b, s);
	free(*dst);
	*dst = sbuf_detach(&b);
}

/* Picks the reading of the label at the start of s that fits the open
 * sections, preferring one that continues an open style over one that
 * starts a new style. Returns the depth, or -1. */
static int choose_label(const struct tree *t, const char *s, struct label *out)
{
	struct label lb[2];
	int n = parse_labels(s, lb), best = -1;
	for (int i = 0; i < n; i++) {
		int depth = place_label(t, &lb[i]);
		if (depth < 0)
			continue;
		if (best < 0 || (depth < t->depth && best >= t->depth)) {
			best = depth;
			*out = lb[i];
		}
	}
	return best;
}

/* Tries to open a section at block b; returns false when b is not one. */
static bool try_section(struct plan_doc *d, struct tree *t, struct blocks *B, int *i)
{
	struct block *b = &B->v[*i];
	struct label lb;
	if (b->is_item)
		return false;
	int depth = choose_label(t, b->s, &lb);
	if (depth < 0)
		return false;
	const char *heading = b->s + lb.len;
	while (*heading == ' ')
		heading++;
	/* "II." alone on its line: the heading is the next block. */
	if (!*heading && *i + 1 < B->n && !B->v[*i + 1].is_item && !B->v[*i + 1].label)
		heading = B->v[++*i].s;
	section_add(d, t, depth, &lb, b->s, lb.len, heading);
	return true;
}

static void annex_add(struct plan_doc *d, struct tree *t, const char *s)
{
	struct label lb = { .style = STYLE_ANNEX, .value = 1 };
	t->depth = 0;
	section_add(d, t, 0, &lb, s, strlen(s), "");
}

/* Whether block i ends the abstract (trích yếu) under "KẾ HOẠCH": a label,
 * a sentence that opens a preamble, a sentence that ends like one (the
 * abstract has no final stop), or a blank line in a text that is not
 * double-spaced. */
static bool ends_title(const struct blocks *B, int i)
{
	const struct block *b = &B->v[i];
	if (b->label || is_annex(b->s))
		return true;
	if (i == 0)
		return is_preamble_start(b->s) && strchr(".:;", last_punct(b->s));
	return is_preamble_start(b->s) || (b->blank_before && !B->spaced) ||
	       (last_punct(b->s) == ':' && cp_count(b->s) > 80);
}

/* The closing words after the last section: "Trên đây là Kế hoạch …",
 * "Yêu cầu Thủ trưởng các … thực hiện./.", or any paragraph that ends the
 * document with "./." — unless it is the first text under a heading that
 * is not a sentence of its own (first): then it is that section's text. */
static bool opens_closing(const struct block *b, bool first)
{
	static const char *const starts[] = { "Trên đây là", "Trên đây", "Yêu cầu ", "Đề nghị " };
	if (b->is_item || b->label)
		return false;
	size_t n = strlen(b->s);
	if (n >= 3 && strcmp(b->s + n - 3, "./.") == 0)
		return !first;   /* the last section's only text is its own */
	for (size_t k = 0; k < sizeof starts / sizeof starts[0]; k++)
		if (starts_with(b->s, starts[k]))
			return k < 2 || strchr(".!", last_punct(b->s));
	return false;
}

/* The index of the last block that may open a section; the closing can
 * only come after it. */
static int last_heading(const struct blocks *B)
{
	int last = -1;
	for (int i = 0; i < B->n; i++)
		if (B->v[i].label || is_annex(B->v[i].s))
			last = i;
	return last;
}

/* Title, preamble, sections, closing, from the body's blocks. */
static void parse_body(struct plan_doc *d, struct blocks *B, bool have_type)
{
	struct tree t = { .depth = 0 };
	int i = 0, last = last_heading(B);
	enum { TITLE, PREAMBLE, SECTIONS, CLOSING } where = have_type ? TITLE : PREAMBLE;
	for (; i < B->n; i++) {
		struct block *b = &B->v[i];
		if (where == TITLE && ends_title(B, i))
			where = PREAMBLE;
		if (where == TITLE && is_attachment_note(b->s))
			continue;
		if (where == TITLE) {
			struct sbuf s = SBUF_INIT;
			sbuf_addf(&s, "%s%s%s", d->title, *d->title ? " " : "", b->s);
			free(d->title);
			d->title = sbuf_detach(&s);
			continue;
		}
		bool first = last >= 0 && i == last + 1 && !strchr(".;", last_punct(B->v[last].s));
		if (where != CLOSING && d->nsections > 0 &&
		    (starts_with(b->s, "Trên đây là") || (i > last && opens_closing(b, first))))
			where = CLOSING;
		if (where == CLOSING) {
			text_add(&d->closing, b->s);
			continue;
		}
		if (is_annex(b->s)) {
			annex_add(d, &t, b->s);
			where = SECTIONS;
			continue;
		}
		if (try_section(d, &t, B, &i)) {
			where = SECTIONS;
			continue;
		}
		if (where == PREAMBLE)
			text_add(&d->preamble, b->s);
		else
			item_add(&d->sections[d->nsections - 1], b);
	}
}

/* Annexes after the signer: "PHỤ LỤC I" then its title and rows. */
static void parse_annexes(struct plan_doc *d, struct blocks *B)
{
	struct tree t = { .depth = 0 };
	for (int i = 0; i < B->n; i++) {
		struct block *b = &B->v[i];
		if (is_annex(b->s)) {
			annex_add(d, &t, b->s);
			continue;
		}
		if (d->nsections == 0 || d->sections[d->nsections - 1].style != STYLE_ANNEX)
			continue;
		struct pdoc_section *s = &d->sections[d->nsections - 1];
		if (!*s->heading && s->nitems == 0 && text_all_upper(b->s)) {
			free(s->heading);
			s->heading = xstrdup(b->s);
		} else {
			item_add(s, b);
		}
	}
}

/* ---------------------------------------------------------------- footer */

static bool is_authority(const char *s)
{
	return starts_with(s, "KT.") || starts_with(s, "TM.") || starts_with(s, "TL.") ||
	       starts_with(s, "TUQ.") || starts_with(s, "Q.") || starts_with(s, "KT ");
}

/* "KT.GIÁM ĐỐC" -> "KT. GIÁM ĐỐC" */
static char *normalise_authority(const char *s)
{
	const char *dot = strchr(s, '.');
	struct sbuf b = SBUF_INIT;
	if (dot && dot[1] != ' ' && dot[1]) {
		sbuf_addn(&b, s, (size_t)(dot - s) + 1);
		sbuf_addc(&b, ' ');
		sbuf_add(&b, dot + 1);
	} else {
		sbuf_add(&b, s);
	}
	char *sq = text_squeeze(b.s);
	sbuf_free(&b);
	return sq;
}

static bool is_signature_note(const char *s)
{
	return starts_with(s, "(Đã ký") || starts_with(s, "(đã ký") || starts_with(s, "(Ký") ||
	       starts_with(s, "(ký") || strcmp(s, "Đã ký") == 0;
}

/* A recipient line keeps a trailing comma until the footer is read: the
 * next line may continue it ("- C, PCVP UBND tỉnh," ‖ "các phòng CV, TH;"). */
static void add_recipient(struct plan_doc *d, const char *s)
{
	char *r = text_squeeze(s);
	rstrip(r, ";. ");
	if (!*r) {
		free(r);
		return;
	}
	d->recipients = xrealloc(d->recipients, sizeof *d->recipients * (size_t)(d->nrecipients + 1));
	d->recipients[d->nrecipients++] = r;
}

static void signer_line(struct plan_doc *d, const char *cell, int *nupper)
{
	if (is_signature_note(cell))
		return;
	if (text_all_upper(cell) && !*d->signer_name) {
		if (is_authority(cell) && !*d->signer_title) {
			/* "TM. ỦY BAN NHÂN DÂN" then "KT. CHỦ TỊCH": one line each */
			char *a = normalise_authority(cell);
			struct sbuf b = SBUF_INIT;
			sbuf_addf(&b, "%s%s%s", d->signer_authority, *d->signer_authority ? "\n" : "", a);
			free(a);
			free(d->signer_authority);
			d->signer_authority = sbuf_detach(&b);
		} else if (!*d->signer_title) {
			free(d->signer_title);
			d->signer_title = text_squeeze(cell);
		}
		(*nupper)++;
	} else if (*nupper > 0 && !*d->signer_name) {
		free(d->signer_name);
		d->signer_name = text_squeeze(cell);
	}
}

/* Footer lines from "Nơi nhận" on: recipients, then the signer block;
 * returns the line where annexes begin (or to). */
static void extend_recipient(struct plan_doc *d, const char *cell)
{
	char *last = d->recipients[d->nrecipients - 1];
	struct sbuf b = SBUF_INIT;
	sbuf_addf(&b, "%s %s", last, cell);
	d->nrecipients--;
	free(last);
	add_recipient(d, b.s);
	sbuf_free(&b);
}

/* Footer lines from "Nơi nhận" on: recipients ("- ..." items, which in a
 * table copy share lines with the signer block) and the signer block;
 * returns the line where annexes begin (or to). */
static int parse_footer(const struct lines *L, int from, int to, struct plan_doc *d)
{
	struct cells cells;
	int nupper = 0;
	for (int i = from; i < to; i++) {
		const char *s = L->v[i].s;
		if (is_annex(s) && *d->signer_name)
			return i;
		split_cells(s, &cells);
		bool item_line = false;
		for (int c = 0; c < cells.n; c++) {
			const char *cell = cells.v[c];
			char m;
			size_t k = item_marker(cell, &m);
			if (starts_with(cell, "Nơi nhận")) {
				const char *rest = cell + strlen("Nơi nhận");
				rest += strspn(rest, ": ");
				k = item_marker(rest, &m);
				if (*rest)
					add_recipient(d, rest + k);
				item_line = true;
			} else if (k && !*d->signer_name) {
				add_recipient(d, cell + k);
				item_line = true;
			} else if (c == 0 && d->nrecipients > 0 && !*d->signer_name &&
				   text_cp_is_lower(first_cp(cell))) {
				extend_recipient(d, cell); /* a wrapped recipient line */
				item_line = true;
			} else if (!(item_line && c == 0)) {
				signer_line(d, cell, &nupper);
			}
		}
		cells_free(&cells);
	}
	return to;
}

/* ------------------------------------------------------------------ main */

static int find_type_line_from(const struct lines *L, int from, struct plan_doc *d)
{
	for (int i = from; i < L->n && i < from + 40; i++) {
		struct cells cells;
		split_cells(L->v[i].s, &cells);
		const char *type = cells.n == 1 ? doc_type_of(cells.v[0]) : NULL;
		cells_free(&cells);
		if (type) {
			free(d->doc_type);
			d->doc_type = xstrdup(type);
			return i;
		}
		struct label lb;
		if (parse_label(L->v[i].s, &lb))
			break;
	}
	return -1;
}

static int find_type_line(const struct lines *L, struct plan_doc *d)
{
	return find_type_line_from(L, 0, d);
}

static int find_footer(const struct lines *L, int from)
{
	for (int i = from; i < L->n; i++)
		if (starts_with(L->v[i].s, "Nơi nhận"))
			return i;
	return L->n;
}

static void doc_init(struct plan_doc *d)
{
	memset(d, 0, sizeof *d);
	char **f[] = { &d->parent_body, &d->issuer, &d->doc_no, &d->doc_type, &d->place,
		       &d->date_text, &d->issued_on, &d->title, &d->preamble, &d->closing,
		       &d->signer_authority, &d->signer_title, &d->signer_name };
	for (size_t i = 0; i < sizeof f / sizeof f[0]; i++)
		*f[i] = xstrdup("");
}

static void fill_derived(struct plan_doc *d)
{
	find_references(d->preamble, d);
	char *issuer = NULL;
	if (!*d->issuer && (issuer = issuer_from_text(own_statement(d->preamble)))) {
		free(d->issuer);
		d->issuer = issuer;
	}
	if (!*d->issuer && (issuer = issuer_from_title(d->title))) {
		free(d->issuer);
		d->issuer = issuer;
	}
	if (!d->year)
		d->year = year_in(d->title);
}

/* In a decision that issues a plan ("QUYẾT ĐỊNH / Ban hành Kế hoạch …",
 * its articles, Nơi nhận and signer, then the plan with "(Kèm theo Quyết
 * định số …)"), the plan's own type line; -1 when the text is not one. */
static int find_attached_plan(const struct lines *L, int decision)
{
	for (int i = decision + 1; i < L->n; i++) {
		struct cells cells;
		split_cells(L->v[i].s, &cells);
		const char *type = cells.n == 1 ? doc_type_of(cells.v[0]) : NULL;
		cells_free(&cells);
		if (!type || strcmp(type, "QUYẾT ĐỊNH") == 0)
			continue;
		for (int k = i + 1; k < L->n && k <= i + 5; k++)
			if (is_attachment_note(L->v[k].s))
				return i;
	}
	return -1;
}

/* The decision around an attached plan: its grounds and articles are the
 * plan's preamble (its own abstract, the issuer's name repeated and
 * "QUYẾT ĐỊNH:" are not), its Nơi nhận and signer the plan's. */
static void parse_decision(struct plan_doc *d, const struct lines *L, int type, int plan)
{
	int footer = find_footer(L, type + 1);
	if (footer > plan)
		footer = plan;
	struct blocks B;
	make_blocks(L, type + 1, footer, &B);
	bool title = true;
	for (int i = 0; i < B.n; i++) {
		title = title && (i == 0 || !ends_title(&B, i));
		if (!title && !text_all_upper(B.v[i].s))
			text_add(&d->preamble, B.v[i].s);
	}
	blocks_free(&B);
	parse_footer(L, footer, plan, d);
	find_type_line_from(L, plan, d);
}

int plan_parse(const char *text, struct plan_doc *d, struct cchc_err *err)
{
	doc_init(d);
	char *grid = plan_grid_tables(text);     /* pandoc's grid tables */
	char *laid = plan_layout_tables(grid ? grid : text); /* a PDF's space-laid tables */
	struct lines L;
	split_lines(laid ? laid : grid ? grid : text, &L);
	free(laid);
	free(grid);
	int type = find_type_line(&L, d);
	int body_from = type >= 0 ? type + 1 : 0;
	parse_header_lines(&L, 0, type >= 0 ? type : 0, d);
	int plan = type >= 0 && strcmp(d->doc_type, "QUYẾT ĐỊNH") == 0
		   ? find_attached_plan(&L, type) : -1;
	if (plan > 0) {
		parse_decision(d, &L, type, plan);
		body_from = plan + 1;
	}
	if (type < 0) {
		/* no type line: the header, if any, is the lines before the first label */
		struct label lb;
		while (body_from < L.n && body_from < 12 && !parse_label(L.v[body_from].s, &lb) &&
		       (parse_doc_no(L.v[body_from].s, d) || parse_date_line(L.v[body_from].s, d)))
			body_from++;
	}
	int footer = find_footer(&L, body_from);
	struct blocks B;
	make_blocks(&L, body_from, footer, &B);
	parse_body(d, &B, type >= 0);
	blocks_free(&B);
	int annex;
	if (plan > 0) { /* the attached plan's own signer block repeats the decision's */
		struct plan_doc scratch;
		doc_init(&scratch);
		annex = parse_footer(&L, footer, L.n, &scratch);
		plan_doc_free(&scratch);
	} else {
		annex = parse_footer(&L, footer, L.n, d);
	}
	for (int i = 0; i < d->nrecipients; i++)
		rstrip(d->recipients[i], ";,. ");
	make_blocks(&L, annex, L.n, &B);
	parse_annexes(d, &B);
	blocks_free(&B);
	lines_free(&L);
	fill_derived(d);
	if (d->nsections == 0) {
		plan_doc_free(d);
		return err_set(err, CCHC_EINPUT,
			       "Không nhận ra cấu trúc kế hoạch: không có đề mục đánh số nào "
			       "(I., 1., 1.1., a), (1)). Hãy kiểm tra đây đúng là văn bản kế hoạch.");
	}
	return CCHC_OK;
}

const char *numbering_style_name(enum numbering_style s)
{
	static const char *const names[] = { "roman", "arabic", "dotted", "letter", "paren", "annex",
					     "upper", "named" };
	return names[s];
}

void plan_doc_free(struct plan_doc *d)
{
	char *f[] = { d->parent_body, d->issuer, d->doc_no, d->doc_type, d->place, d->date_text,
		      d->issued_on, d->title, d->preamble, d->closing, d->signer_authority,
		      d->signer_title, d->signer_name };
	for (size_t i = 0; i < sizeof f / sizeof f[0]; i++)
		free(f[i]);
	for (int i = 0; i < d->nrefs; i++) {
		free(d->refs[i].kind);
		free(d->refs[i].doc_no);
		free(d->refs[i].date_text);
		free(d->refs[i].issued_on);
	}
	free(d->refs);
	for (int i = 0; i < d->nrecipients; i++)
		free(d->recipients[i]);
	free(d->recipients);
	for (int i = 0; i < d->nsections; i++) {
		struct pdoc_section *s = &d->sections[i];
		free(s->label);
		free(s->heading);
		for (int k = 0; k < s->nitems; k++)
			free(s->items[k].text);
		free(s->items);
	}
	free(d->sections);
	memset(d, 0, sizeof *d);
}

/* The head's title as the signer block names it, to the kind of body. */
static const char *kind_of_head(const char *head)
{
	static const struct { const char *head, *kind; } map[] = {
		{ "CHỦ TỊCH", "Ủy ban nhân dân" }, { "GIÁM ĐỐC", "Sở" }, { "TRƯỞNG BAN", "Ban" },
		{ "CHÁNH VĂN PHÒNG", "Văn phòng" }, { "CHÁNH THANH TRA", "Thanh tra" },
		{ "CHI CỤC TRƯỞNG", "Chi cục" }, { "CỤC TRƯỞNG", "Cục" },
	};
	while (*head == ' ')
		head++;
	if (starts_with(head, "PHÓ "))
		head += strlen("PHÓ ");
	for (size_t k = 0; k < sizeof map / sizeof map[0]; k++)
		if (starts_with(head, map[k].head))
			return map[k].kind;
	return NULL;
}

/* The kind an issuer's name starts with: "SỞ Y TẾ" → "Sở". */
static const char *kind_of_name(const char *name)
{
	static const struct { const char *word, *kind; } map[] = {
		{ "ỦY BAN NHÂN DÂN", "Ủy ban nhân dân" }, { "UỶ BAN NHÂN DÂN", "Ủy ban nhân dân" },
		{ "UBND", "Ủy ban nhân dân" }, { "SỞ ", "Sở" }, { "BAN ", "Ban" },
		{ "CHI CỤC", "Chi cục" }, { "CỤC ", "Cục" }, { "TRUNG TÂM", "Trung tâm" },
		{ "VĂN PHÒNG", "Văn phòng" }, { "THANH TRA", "Thanh tra" }, { "BỘ ", "Bộ" },
		{ "TỔNG CỤC", "Tổng cục" },
	};
	for (size_t k = 0; k < sizeof map / sizeof map[0]; k++)
		if (starts_with(name, map[k].word))
			return map[k].kind;
	return NULL;
}

char *plan_issuer_kind(const char *issuer, const char *authority, const char *title)
{
	const char *named = kind_of_name(issuer ? issuer : "");
	if (named)
		return xstrdup(named);
	const char *tm = strstr(authority, "TM.");
	if (tm) {
		tm += strlen("TM.");
		while (*tm == ' ')
			tm++;
		char *body = xstrndup(tm, strcspn(tm, "\n"));
		char *lower = text_lower(body);
		char *kind = text_capitalize(lower);
		free(body);
		free(lower);
		return kind;
	}
	const char *head = NULL;
	for (const char *p = authority; *p && !head;) {
		const char *dot = strchr(p, '.');
		size_t line = strcspn(p, "\n");
		if (dot && (size_t)(dot - p) < line)
			head = kind_of_head(dot + 1);
		p += line + (p[line] == '\n');
	}
	if (!head)
		head = kind_of_head(title);
	return xstrdup(head ? head : "");
}
