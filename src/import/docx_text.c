/* docx_text.h: Word's XML walked with expat, in namespace mode so that the
 * prefix a producer chose ("w:", "ns0:") does not matter: only elements of
 * a wordprocessingml namespace are looked at, by local name.
 *
 * Numbering follows ECMA-376 §17.9 as far as plans use it: counters live in
 * the abstract numbering (so two lists sharing it continue each other), a
 * w:num's startOverride restarts a level the first time that list is used,
 * a level restarts when a higher one is used unless lvlRestart says
 * otherwise, and a paragraph may get its numbering from its style. */
#include <config.h>
#include <expat.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>
#include "export/lazylib.h"
#include "import/docx_text.h"
#include "util/sbuf.h"

#define NLVL 9
#define NAME 64
#define PART_MAX ((zip_uint64_t)64 << 20)

/* ------------------------------------------------------------ helpers */

/* The local name of a namespaced expat name ("uri|local"), or NULL when it
 * is not in a WordprocessingML namespace (transitional or strict). */
static const char *wname(const char *name)
{
	const char *bar = strrchr(name, '|');
	if (!bar)
		return name; /* no namespace: documents that forgot to declare it */
	if (!strstr(name, "wordprocessingml"))
		return NULL;
	return bar + 1;
}

/* Whether name is the markup-compatibility Fallback (a second copy of the
 * Choice before it, for older readers). */
static bool is_mc_fallback(const char *name)
{
	const char *bar = strrchr(name, '|');
	return bar && strcmp(bar + 1, "Fallback") == 0 && strstr(name, "markup-compatibility");
}

static const char *attr(const char **atts, const char *local)
{
	for (int i = 0; atts[i]; i += 2) {
		const char *bar = strrchr(atts[i], '|');
		if (strcmp(bar ? bar + 1 : atts[i], local) == 0)
			return atts[i + 1];
	}
	return NULL;
}

static int attr_int(const char **atts, const char *local, int dflt)
{
	const char *v = attr(atts, local);
	if (!v)
		return dflt;
	char *end;
	long n = strtol(v, &end, 10);
	return end == v || n < -1000000 || n > 1000000 ? dflt : (int)n;
}

static bool attr_on(const char **atts)
{
	const char *v = attr(atts, "val");
	return !v || !(strcmp(v, "0") == 0 || strcmp(v, "false") == 0 || strcmp(v, "off") == 0);
}

static void copy_name(char dst[NAME], const char *src)
{
	snprintf(dst, NAME, "%s", src ? src : "");
}

static int parse_xml(const char *xml, size_t n, void *ud, XML_StartElementHandler start,
		     XML_EndElementHandler end, XML_CharacterDataHandler chars,
		     const char *part, struct cchc_err *err)
{
	XML_Parser p = XML_ParserCreateNS("UTF-8", '|');
	if (!p)
		return err_set(err, CCHC_ENOMEM, "hết bộ nhớ khi đọc %s", part);
	XML_SetUserData(p, ud);
	XML_SetElementHandler(p, start, end);
	if (chars)
		XML_SetCharacterDataHandler(p, chars);
	int rc = CCHC_OK;
	if (n > (size_t)0x7fffffff ||
	    XML_Parse(p, xml, (int)n, 1) == XML_STATUS_ERROR)
		rc = err_set(err, CCHC_EINPUT, "phần %s của tệp Word bị hỏng (XML dòng %lu: %s)",
			     part, (unsigned long)XML_GetCurrentLineNumber(p),
			     n > (size_t)0x7fffffff ? "quá lớn" : XML_ErrorString(XML_GetErrorCode(p)));
	XML_ParserFree(p);
	return rc;
}

/* ---------------------------------------------------------- numbering */

enum numfmt { NF_DECIMAL, NF_DECIMAL_ZERO, NF_UPPER_ROMAN, NF_LOWER_ROMAN, NF_UPPER_LETTER,
	      NF_LOWER_LETTER, NF_BULLET, NF_NONE };

struct lvl {
	int start;
	enum numfmt fmt;
	char text[NAME];
	int restart;      /* lvlRestart: -1 absent, 0 never, n after level n (1-based) */
	bool legal;       /* isLgl: every number decimal */
	char pstyle[NAME];
};

struct absnum {
	int id;
	struct lvl lv[NLVL];
	int count[NLVL];
	bool fresh[NLVL]; /* the next use starts at start */
};

struct num {
	int id;
	int abs;
	int override[NLVL]; /* startOverride, -1 none */
	bool used;
};

struct style {
	char id[NAME];
	char based[NAME];
	int numid, ilvl;  /* -1: not set by this style */
};

struct numbering {
	struct absnum *a;
	int na;
	struct num *n;
	int nn;
	struct style *s;
	int ns;
};

/* Parse state of numbering.xml and styles.xml: indices, not pointers, as
 * the arrays grow while an element is open (a damaged file nests them). */
struct npstate {
	struct numbering *nb;
	int cur_abs, cur_lvl, cur_num, cur_ovr, cur_style; /* -1: none open */
	int in_ppr;
};

static struct lvl *open_lvl(struct npstate *st)
{
	return st->cur_abs >= 0 && st->cur_lvl >= 0 ? &st->nb->a[st->cur_abs].lv[st->cur_lvl] : NULL;
}

static enum numfmt numfmt_of(const char *v)
{
	static const struct { const char *name; enum numfmt f; } map[] = {
		{ "decimal", NF_DECIMAL }, { "decimalZero", NF_DECIMAL_ZERO },
		{ "upperRoman", NF_UPPER_ROMAN }, { "lowerRoman", NF_LOWER_ROMAN },
		{ "upperLetter", NF_UPPER_LETTER }, { "lowerLetter", NF_LOWER_LETTER },
		{ "bullet", NF_BULLET }, { "none", NF_NONE },
	};
	for (size_t i = 0; v && i < sizeof map / sizeof map[0]; i++)
		if (strcmp(v, map[i].name) == 0)
			return map[i].f;
	return NF_DECIMAL; /* ordinal, cardinalText, …: written as digits */
}

static void abs_start(struct npstate *st, const char **atts)
{
	struct numbering *nb = st->nb;
	nb->a = xrealloc(nb->a, sizeof *nb->a * (size_t)(nb->na + 1));
	struct absnum *a = &nb->a[nb->na++];
	memset(a, 0, sizeof *a);
	a->id = attr_int(atts, "abstractNumId", -1);
	for (int i = 0; i < NLVL; i++) {
		a->lv[i].start = 1;
		a->lv[i].restart = -1;
		snprintf(a->lv[i].text, NAME, "%%%d.", i + 1);
		a->fresh[i] = true;
	}
	st->cur_abs = nb->na - 1;
	st->cur_lvl = -1;
}

static void num_start(struct npstate *st, const char **atts)
{
	struct numbering *nb = st->nb;
	nb->n = xrealloc(nb->n, sizeof *nb->n * (size_t)(nb->nn + 1));
	struct num *n = &nb->n[nb->nn++];
	memset(n, 0, sizeof *n);
	n->id = attr_int(atts, "numId", -1);
	n->abs = -1;
	for (int i = 0; i < NLVL; i++)
		n->override[i] = -1;
	st->cur_num = nb->nn - 1;
	st->cur_ovr = -1;
}

static void lvl_attr(struct lvl *l, const char *name, const char **atts)
{
	const char *v = attr(atts, "val");
	if (strcmp(name, "start") == 0)
		l->start = attr_int(atts, "val", 1);
	else if (strcmp(name, "numFmt") == 0)
		l->fmt = numfmt_of(v);
	else if (strcmp(name, "lvlText") == 0)
		copy_name(l->text, v);
	else if (strcmp(name, "lvlRestart") == 0)
		l->restart = attr_int(atts, "val", -1);
	else if (strcmp(name, "isLgl") == 0)
		l->legal = attr_on(atts);
	else if (strcmp(name, "pStyle") == 0)
		copy_name(l->pstyle, v);
}

static void XMLCALL num_el_start(void *ud, const char *qname, const char **atts)
{
	struct npstate *st = ud;
	const char *name = wname(qname);
	if (!name)
		return;
	if (strcmp(name, "abstractNum") == 0) {
		abs_start(st, atts);
	} else if (strcmp(name, "num") == 0) {
		num_start(st, atts);
	} else if (strcmp(name, "lvl") == 0 && st->cur_abs >= 0) {
		int i = attr_int(atts, "ilvl", 0);
		st->cur_lvl = i >= 0 && i < NLVL ? i : -1;
	} else if (open_lvl(st)) {
		lvl_attr(open_lvl(st), name, atts);
	} else if (st->cur_num >= 0) {
		struct num *n = &st->nb->n[st->cur_num];
		if (strcmp(name, "abstractNumId") == 0)
			n->abs = attr_int(atts, "val", -1);
		else if (strcmp(name, "lvlOverride") == 0)
			st->cur_ovr = attr_int(atts, "ilvl", -1);
		else if (strcmp(name, "startOverride") == 0 && st->cur_ovr >= 0 && st->cur_ovr < NLVL)
			n->override[st->cur_ovr] = attr_int(atts, "val", 1);
	}
}

static void XMLCALL num_el_end(void *ud, const char *qname)
{
	struct npstate *st = ud;
	const char *name = wname(qname);
	if (!name)
		return;
	if (strcmp(name, "abstractNum") == 0)
		st->cur_abs = st->cur_lvl = -1;
	else if (strcmp(name, "num") == 0)
		st->cur_num = -1;
	else if (strcmp(name, "lvl") == 0)
		st->cur_lvl = -1;
	else if (strcmp(name, "lvlOverride") == 0)
		st->cur_ovr = -1;
}

static void XMLCALL style_el_start(void *ud, const char *qname, const char **atts)
{
	struct npstate *st = ud;
	const char *name = wname(qname);
	if (!name)
		return;
	struct numbering *nb = st->nb;
	if (strcmp(name, "style") == 0) {
		nb->s = xrealloc(nb->s, sizeof *nb->s * (size_t)(nb->ns + 1));
		struct style *s = &nb->s[nb->ns++];
		memset(s, 0, sizeof *s);
		copy_name(s->id, attr(atts, "styleId"));
		s->numid = s->ilvl = -1;
		st->cur_style = nb->ns - 1;
		return;
	}
	if (st->cur_style < 0)
		return;
	struct style *s = &nb->s[st->cur_style];
	if (strcmp(name, "basedOn") == 0)
		copy_name(s->based, attr(atts, "val"));
	else if (strcmp(name, "pPr") == 0)
		st->in_ppr = 1;
	else if (st->in_ppr && strcmp(name, "numId") == 0)
		s->numid = attr_int(atts, "val", -1);
	else if (st->in_ppr && strcmp(name, "ilvl") == 0)
		s->ilvl = attr_int(atts, "val", -1);
}

static void XMLCALL style_el_end(void *ud, const char *qname)
{
	struct npstate *st = ud;
	const char *name = wname(qname);
	if (name && strcmp(name, "style") == 0)
		st->cur_style = -1;
	else if (name && strcmp(name, "pPr") == 0)
		st->in_ppr = 0;
}

static void numbering_free(struct numbering *nb)
{
	free(nb->a);
	free(nb->n);
	free(nb->s);
	memset(nb, 0, sizeof *nb);
}

static struct absnum *find_abs(struct numbering *nb, int id)
{
	for (int i = 0; i < nb->na; i++)
		if (nb->a[i].id == id)
			return &nb->a[i];
	return NULL;
}

static struct num *find_num(struct numbering *nb, int id)
{
	for (int i = 0; i < nb->nn; i++)
		if (nb->n[i].id == id)
			return &nb->n[i];
	return NULL;
}

static const struct style *find_style(const struct numbering *nb, const char *id)
{
	for (int i = 0; id[0] && i < nb->ns; i++)
		if (strcmp(nb->s[i].id, id) == 0)
			return &nb->s[i];
	return NULL;
}

/* The numbering a paragraph of style id inherits: the list and the level
 * each from the nearest style that sets it along basedOn (a few steps at
 * most: a loop in a damaged file must not hang us); with no level set, the
 * level of the list that names the style. */
static void style_numbering(struct numbering *nb, const char *id, int *numid, int *ilvl)
{
	int n_id = -1, lvl = -1;
	const struct style *s = find_style(nb, id);
	for (int hop = 0; s && hop < 16 && (n_id < 0 || lvl < 0); hop++) {
		if (n_id < 0)
			n_id = s->numid;
		if (lvl < 0)
			lvl = s->ilvl;
		s = find_style(nb, s->based);
	}
	if (n_id < 0)
		return;
	*numid = n_id;
	*ilvl = lvl >= 0 ? lvl : 0;
	struct num *n = lvl >= 0 ? NULL : find_num(nb, n_id);
	struct absnum *a = n ? find_abs(nb, n->abs) : NULL;
	for (int l = 0; a && l < NLVL; l++)
		if (strcmp(a->lv[l].pstyle, id) == 0)
			*ilvl = l;
}

static void add_roman(struct sbuf *b, int v, bool upper)
{
	static const struct { int v; const char *s; } r[] = {
		{ 1000, "m" }, { 900, "cm" }, { 500, "d" }, { 400, "cd" }, { 100, "c" }, { 90, "xc" },
		{ 50, "l" }, { 40, "xl" }, { 10, "x" }, { 9, "ix" }, { 5, "v" }, { 4, "iv" }, { 1, "i" },
	};
	if (v <= 0 || v >= 4000) {
		sbuf_addf(b, "%d", v);
		return;
	}
	for (size_t i = 0; i < sizeof r / sizeof r[0]; i++)
		for (; v >= r[i].v; v -= r[i].v)
			for (const char *p = r[i].s; *p; p++)
				sbuf_addc(b, upper ? (char)(*p - 'a' + 'A') : *p);
}

static void add_number(struct sbuf *b, int v, enum numfmt f)
{
	switch (f) {
	case NF_UPPER_ROMAN:
	case NF_LOWER_ROMAN:
		add_roman(b, v, f == NF_UPPER_ROMAN);
		break;
	case NF_UPPER_LETTER:
	case NF_LOWER_LETTER:
		if (v <= 0 || v > 780) {
			sbuf_addf(b, "%d", v);
			break;
		}
		/* Word's letters: a … z, then aa … zz */
		for (int k = 0; k <= (v - 1) / 26; k++)
			sbuf_addc(b, (char)((f == NF_UPPER_LETTER ? 'A' : 'a') + (v - 1) % 26));
		break;
	case NF_DECIMAL_ZERO:
		sbuf_addf(b, "%02d", v);
		break;
	case NF_NONE:
		break;
	default:
		sbuf_addf(b, "%d", v);
	}
}

/* Advances the counters for a paragraph at level l of list numid and
 * writes its label ("II.", "1.2.", "a)", "-"); nothing when there is no
 * such list. */
static void number_label(struct numbering *nb, int numid, int l, struct sbuf *lab)
{
	struct num *n = numid > 0 ? find_num(nb, numid) : NULL;
	struct absnum *a = n ? find_abs(nb, n->abs) : NULL;
	if (!a || l < 0 || l >= NLVL)
		return;
	if (!n->used) {
		n->used = true;
		for (int k = 0; k < NLVL; k++)
			if (n->override[k] >= 0) {
				a->count[k] = n->override[k] - 1;
				a->fresh[k] = false;
			}
	}
	a->count[l] = a->fresh[l] ? a->lv[l].start : a->count[l] + 1;
	a->fresh[l] = false;
	for (int k = l + 1; k < NLVL; k++) {
		int r = a->lv[k].restart;
		if (r != 0 && (r < 0 || l < r))
			a->fresh[k] = true;
	}
	const struct lvl *lv = &a->lv[l];
	if (lv->fmt == NF_BULLET) {
		sbuf_add(lab, strchr(lv->text, '+') ? "+" : "-");
		return;
	}
	for (const char *p = lv->text; *p; p++) {
		if (p[0] == '%' && p[1] >= '1' && p[1] <= '9') {
			int k = p[1] - '1';
			int v = a->fresh[k] && k != l ? a->lv[k].start : a->count[k];
			enum numfmt f = a->lv[k].fmt;
			/* isLgl: "1.1." under "I.", every level in Arabic digits */
			if (lv->legal && f != NF_DECIMAL_ZERO)
				f = NF_DECIMAL;
			add_number(lab, v, f);
			p++;
		} else {
			sbuf_addc(lab, *p);
		}
	}
}

/* ----------------------------------------------------------- document */

struct cell {
	struct sbuf text;     /* its paragraphs, a line each */
};

struct row {
	struct cell *c;
	int n;
};

struct table {
	struct row *r;
	int n;
	bool before_body;     /* nothing but the header came before it */
};

struct para {
	struct sbuf text;
	char style[NAME];
	int numid, ilvl;      /* -1: not set on the paragraph */
};

#define MAXNEST 8

struct conv {
	struct numbering nb;
	struct sbuf out;
	int skip;             /* depth inside content to leave out */
	int in_t;
	int in_run;
	int in_rpr;
	bool hidden;          /* the current run is w:vanish */
	int in_ppr;
	struct para p[MAXNEST];
	int np;
	struct table t[MAXNEST];
	int nt;
	int deep;             /* paragraphs or tables nested past MAXNEST */
	bool body_seen;       /* a paragraph with text outside tables */
};

static bool skipped_element(const char *name)
{
	return strcmp(name, "del") == 0 || strcmp(name, "moveFrom") == 0 ||
	       strcmp(name, "instrText") == 0 || strcmp(name, "delText") == 0 ||
	       strcmp(name, "footnoteReference") == 0 || strcmp(name, "endnoteReference") == 0;
}

static struct cell *cur_cell(struct conv *c)
{
	if (c->nt == 0)
		return NULL;
	struct table *t = &c->t[c->nt - 1];
	if (t->n == 0 || t->r[t->n - 1].n == 0)
		return NULL;
	struct row *r = &t->r[t->n - 1];
	return &r->c[r->n - 1];
}

/* Adds a finished line (or lines) to where it belongs: the innermost table
 * cell, else the output with a blank line before it. */
static void put_text(struct conv *c, const char *s, bool top_para)
{
	struct cell *cell = cur_cell(c);
	if (cell) {
		if (cell->text.len)
			sbuf_addc(&cell->text, '\n');
		sbuf_add(&cell->text, s);
		return;
	}
	if (c->nt > 0)
		return; /* text between a table's rows: nothing Word writes */
	if (c->out.len)
		sbuf_add(&c->out, c->out.s[c->out.len - 1] == '\n' ? "\n" : "\n\n");
	sbuf_add(&c->out, s);
	sbuf_addc(&c->out, '\n');
	if (top_para)
		c->body_seen = true;
}

static bool blank_text(const char *s)
{
	for (; *s; s++)
		if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
			return false;
	return true;
}

static void para_end(struct conv *c)
{
	struct para *p = &c->p[--c->np];
	int numid = p->numid, ilvl = p->ilvl;
	if (numid < 0) { /* the style's list, at the paragraph's own level if it has one */
		int style_lvl = -1;
		style_numbering(&c->nb, p->style, &numid, &style_lvl);
		if (ilvl < 0)
			ilvl = style_lvl;
	}
	struct sbuf line = SBUF_INIT;
	sbuf_add(&line, "");
	/* An empty numbered paragraph still takes its number, as Word shows;
	 * in a table it is the cell's text (an STT column), elsewhere it is a
	 * stray mark with nothing to number. */
	number_label(&c->nb, numid, ilvl < 0 ? 0 : ilvl, &line);
	if (blank_text(p->text.s ? p->text.s : "")) {
		if (!cur_cell(c))
			sbuf_trunc(&line, 0);
	} else {
		if (line.len)
			sbuf_addc(&line, ' ');
		sbuf_add(&line, p->text.s);
	}
	if (line.len)
		put_text(c, line.s, c->nt == 0);
	else if (cur_cell(c))
		put_text(c, "", false);
	sbuf_free(&line);
	sbuf_free(&p->text);
}

static void add_char_text(struct conv *c, const char *s, size_t n)
{
	if (c->np == 0 || c->skip || c->hidden)
		return;
	sbuf_addn(&c->p[c->np - 1].text, s, n);
}

/* ------------------------------------------------------------- tables */

static void table_start(struct conv *c)
{
	struct table *t = &c->t[c->nt++];
	memset(t, 0, sizeof *t);
	t->before_body = !c->body_seen;
}

static void row_start(struct conv *c)
{
	struct table *t = &c->t[c->nt - 1];
	t->r = xrealloc(t->r, sizeof *t->r * (size_t)(t->n + 1));
	memset(&t->r[t->n++], 0, sizeof *t->r);
}

static void cell_start(struct conv *c)
{
	struct table *t = &c->t[c->nt - 1];
	if (t->n == 0)
		row_start(c);
	struct row *r = &t->r[t->n - 1];
	r->c = xrealloc(r->c, sizeof *r->c * (size_t)(r->n + 1));
	memset(&r->c[r->n++], 0, sizeof *r->c);
}

static bool starts_with(const char *s, const char *p)
{
	return strncmp(s, p, strlen(p)) == 0;
}

/* A header or signature table: the agency | motto block above the title,
 * or the "Nơi nhận" | signer block at the end. Both are laid out in at most
 * three columns; a task table has more, or comes in the body without
 * either mark. */
static bool layout_table(const struct table *t)
{
	bool mark = t->before_body;
	for (int i = 0; i < t->n; i++) {
		if (t->r[i].n > 3)
			return false;
		for (int k = 0; k < t->r[i].n; k++) {
			const char *s = t->r[i].c[k].text.s ? t->r[i].c[k].text.s : "";
			for (const char *ln = s; ln; ln = strchr(ln, '\n'), ln = ln ? ln + 1 : NULL) {
				while (*ln == ' ' || *ln == '\t')
					ln++;
				if (starts_with(ln, "Nơi nhận") || starts_with(ln, "TM.") ||
				    starts_with(ln, "KT.") || starts_with(ln, "TL.") ||
				    starts_with(ln, "TUQ.") || starts_with(ln, "Q."))
					mark = true;
			}
		}
	}
	return mark;
}

/* The line at *cur of a cell's text (its paragraphs and soft breaks), or
 * NULL past its end; *cur moves to the next line. */
static const char *next_line(const char **cur, size_t *len)
{
	const char *s = *cur;
	if (!s)
		return NULL;
	const char *e = strchr(s, '\n');
	*len = e ? (size_t)(e - s) : strlen(s);
	*cur = e ? e + 1 : NULL;
	return s;
}

/* Side-by-side cells become lines with a TAB between the columns: line k
 * of every cell on line k, as the parser reads a header copied from PDF. */
static void emit_layout_row(const struct row *r, struct sbuf *b)
{
	const char *cur[3];
	for (int i = 0; i < r->n && i < 3; i++)
		cur[i] = r->c[i].text.len ? r->c[i].text.s : NULL;
	for (;;) {
		struct sbuf line = SBUF_INIT;
		bool any = false;
		for (int i = 0; i < r->n && i < 3; i++) {
			size_t n = 0;
			const char *s = next_line(&cur[i], &n);
			if (i > 0)
				sbuf_addc(&line, '\t');
			if (s) {
				any = true;
				sbuf_addn(&line, s, n);
			}
		}
		if (!any) {
			sbuf_free(&line);
			break;
		}
		while (line.len && (line.s[line.len - 1] == '\t' || line.s[line.len - 1] == ' '))
			sbuf_trunc(&line, line.len - 1);
		sbuf_add(b, line.len ? line.s : "");
		sbuf_addc(b, '\n');
		sbuf_free(&line);
	}
}

/* A table of one column is a frame around text (a boxed note, or a whole
 * document laid in a bordered cell): its paragraphs are paragraphs. */
static bool frame_table(const struct table *t)
{
	for (int i = 0; i < t->n; i++)
		if (t->r[i].n > 1)
			return false;
	return true;
}

static void emit_frame(struct conv *c, const struct table *t)
{
	for (int i = 0; i < t->n; i++) {
		if (t->r[i].n == 0 || !t->r[i].c[0].text.len)
			continue;
		const char *cur = t->r[i].c[0].text.s;
		size_t n;
		for (const char *s; (s = next_line(&cur, &n));) {
			char *ln = xstrndup(s, n);
			if (!blank_text(ln))
				put_text(c, ln, true);
			free(ln);
		}
	}
}

/* A task table row: "| a | b |", a cell's lines joined by spaces. */
static void emit_body_row(const struct row *r, struct sbuf *b)
{
	sbuf_add(b, "|");
	for (int i = 0; i < r->n; i++) {
		sbuf_addc(b, ' ');
		const char *s = r->c[i].text.s ? r->c[i].text.s : "";
		bool space = false;
		for (; *s; s++) {
			if (*s == '\n' || *s == '\t' || *s == ' ') {
				space = true;
				continue;
			}
			if (space && b->len && b->s[b->len - 1] != ' ')
				sbuf_addc(b, ' ');
			space = false;
			sbuf_addc(b, *s == '|' ? '/' : *s);
		}
		sbuf_add(b, " |");
	}
	sbuf_addc(b, '\n');
}

static void table_end(struct conv *c)
{
	struct table *t = &c->t[--c->nt];
	struct sbuf b = SBUF_INIT;
	bool frame = frame_table(t);
	bool layout = !frame && layout_table(t);
	if (frame)
		emit_frame(c, t);
	for (int i = 0; i < t->n; i++) {
		if (layout)
			emit_layout_row(&t->r[i], &b);
		else if (!frame)
			emit_body_row(&t->r[i], &b);
		for (int k = 0; k < t->r[i].n; k++)
			sbuf_free(&t->r[i].c[k].text);
		free(t->r[i].c);
	}
	free(t->r);
	if (b.len) {
		while (b.len && b.s[b.len - 1] == '\n')
			sbuf_trunc(&b, b.len - 1);
		/* a table nested in a cell joins that cell's text */
		put_text(c, b.s, false);
	}
	sbuf_free(&b);
}

/* --------------------------------------------------------- the walker */

static void run_element(struct conv *c, const char *name, const char **atts)
{
	if (strcmp(name, "t") == 0)
		c->in_t++;
	else if (strcmp(name, "tab") == 0 || strcmp(name, "ptab") == 0)
		add_char_text(c, "\t", 1);
	else if (strcmp(name, "br") == 0 || strcmp(name, "cr") == 0)
		add_char_text(c, "\n", 1);
	else if (strcmp(name, "noBreakHyphen") == 0)
		add_char_text(c, "-", 1);
	else if (strcmp(name, "rPr") == 0)
		c->in_rpr++;
	else if (c->in_rpr && strcmp(name, "vanish") == 0)
		c->hidden = attr_on(atts);
}

static void ppr_element(struct conv *c, const char *name, const char **atts)
{
	struct para *p = &c->p[c->np - 1];
	if (strcmp(name, "pStyle") == 0)
		copy_name(p->style, attr(atts, "val"));
	else if (strcmp(name, "numId") == 0)
		p->numid = attr_int(atts, "val", 0);
	else if (strcmp(name, "ilvl") == 0)
		p->ilvl = attr_int(atts, "val", 0);
}

static void XMLCALL doc_start(void *ud, const char *qname, const char **atts)
{
	struct conv *c = ud;
	const char *name = wname(qname);
	if (c->skip || is_mc_fallback(qname) || (name && skipped_element(name))) {
		c->skip++;
		return;
	}
	if (!name)
		return;
	if (strcmp(name, "p") == 0 || strcmp(name, "tbl") == 0) {
		if (c->deep || c->np == MAXNEST || c->nt == MAXNEST) {
			c->deep++;
			return;
		}
		if (strcmp(name, "tbl") == 0) {
			table_start(c);
			return;
		}
		struct para *p = &c->p[c->np++];
		memset(p, 0, sizeof *p);
		p->numid = p->ilvl = -1;
	} else if (c->deep) {
		return;
	} else if (strcmp(name, "tr") == 0 && c->nt) {
		row_start(c);
	} else if (strcmp(name, "tc") == 0 && c->nt) {
		cell_start(c);
	} else if (strcmp(name, "pPr") == 0 && c->np) {
		c->in_ppr++;
	} else if (c->in_ppr && !c->in_run && c->np) {
		ppr_element(c, name, atts);
	} else if (strcmp(name, "r") == 0) {
		c->in_run++;
		c->hidden = false;
	} else if (c->in_run) {
		run_element(c, name, atts);
	}
}

static void XMLCALL doc_end(void *ud, const char *qname)
{
	struct conv *c = ud;
	if (c->skip) {
		c->skip--;
		return;
	}
	const char *name = wname(qname);
	if (!name)
		return;
	if ((strcmp(name, "p") == 0 || strcmp(name, "tbl") == 0) && c->deep) {
		c->deep--;
	} else if (c->deep) {
		return;
	} else if (strcmp(name, "p") == 0 && c->np) {
		para_end(c);
	} else if (strcmp(name, "tbl") == 0 && c->nt) {
		table_end(c);
	} else if (strcmp(name, "pPr") == 0 && c->in_ppr) {
		c->in_ppr--;
	} else if (strcmp(name, "r") == 0 && c->in_run) {
		c->in_run--;
		c->hidden = false;
	} else if (strcmp(name, "t") == 0 && c->in_t) {
		c->in_t--;
	} else if (strcmp(name, "rPr") == 0 && c->in_rpr) {
		c->in_rpr--;
	}
}

static void XMLCALL doc_chars(void *ud, const char *s, int n)
{
	struct conv *c = ud;
	if (c->in_t && !c->in_rpr && n > 0)
		add_char_text(c, s, (size_t)n);
}

static void conv_free(struct conv *c)
{
	while (c->np)
		sbuf_free(&c->p[--c->np].text);
	while (c->nt) {
		struct table *t = &c->t[--c->nt];
		for (int i = 0; i < t->n; i++) {
			for (int k = 0; k < t->r[i].n; k++)
				sbuf_free(&t->r[i].c[k].text);
			free(t->r[i].c);
		}
		free(t->r);
	}
	numbering_free(&c->nb);
	sbuf_free(&c->out);
}

int docx_xml_to_text(const struct docx_parts *parts, char **out, struct cchc_err *err)
{
	struct conv *c = xcalloc(1, sizeof *c);
	struct npstate ns = { &c->nb, -1, -1, -1, -1, -1, 0 };
	int rc = CCHC_OK;
	if (parts->numbering)
		rc = parse_xml(parts->numbering, parts->numbering_len, &ns, num_el_start, num_el_end,
			       NULL, "word/numbering.xml", err);
	ns = (struct npstate){ &c->nb, -1, -1, -1, -1, -1, 0 };
	if (!rc && parts->styles)
		rc = parse_xml(parts->styles, parts->styles_len, &ns, style_el_start, style_el_end,
			       NULL, "word/styles.xml", err);
	if (!rc)
		rc = parse_xml(parts->document ? parts->document : "", parts->document_len, c,
			       doc_start, doc_end, doc_chars, "word/document.xml", err);
	if (!rc) {
		sbuf_add(&c->out, "");
		*out = sbuf_detach(&c->out);
	}
	conv_free(c);
	free(c);
	return rc;
}

/* ----------------------------------------------------------- the zip */

/* Reads one member; *data NULL (and no error) when it is absent and
 * optional. */
static int read_member(zip_t *za, const char *name, bool required, const char *what,
		       char **data, size_t *len, struct cchc_err *err)
{
	*data = NULL;
	*len = 0;
	zip_stat_t zs;
	if (zip_stat(za, name, 0, &zs) != 0 || !(zs.valid & ZIP_STAT_SIZE)) {
		if (!required)
			return CCHC_OK;
		return err_set(err, CCHC_EINPUT, "%s là tệp nén zip nhưng không có %s: không phải "
			       "tệp Word (.docx)", what, name);
	}
	if (zs.size > PART_MAX)
		return err_set(err, CCHC_EINPUT, "%s: phần %s quá lớn (%llu byte; tối đa %llu)",
			       what, name, (unsigned long long)zs.size,
			       (unsigned long long)PART_MAX);
	zip_file_t *zf = zip_fopen(za, name, 0);
	if (!zf)
		return err_set(err, CCHC_EINPUT, "%s bị hỏng: không mở được %s (%s)", what, name,
			       zip_strerror(za));
	char *buf = xmalloc((size_t)zs.size + 1);
	zip_int64_t n = zip_fread(zf, buf, zs.size);
	zip_fclose(zf);
	if (n < 0 || (zip_uint64_t)n != zs.size) {
		free(buf);
		return err_set(err, CCHC_EINPUT, "%s bị hỏng: không đọc được %s (%s)", what, name,
			       n < 0 ? zip_strerror(za) : "thiếu dữ liệu");
	}
	buf[n] = '\0';
	*data = buf;
	*len = (size_t)n;
	return CCHC_OK;
}

/* Why libzip could not open the file, in the clerk's words for the cases
 * a received file meets (cut short, not a zip), else libzip's own. */
static int zip_open_failed(int zerr, const char *what, struct cchc_err *err)
{
	if (zerr == ZIP_ER_OPEN || zerr == ZIP_ER_READ || zerr == ZIP_ER_NOENT)
		return err_set(err, CCHC_EIO, "không đọc được %s", what);
	zip_error_t ze;
	zip_error_init_with_code(&ze, zerr);
	const char *why = zerr == ZIP_ER_NOZIP ? "không tìm thấy mục lục của tệp nén"
		: zerr == ZIP_ER_INCONS ? "cấu trúc tệp nén không nhất quán"
		: zerr == ZIP_ER_CRC ? "dữ liệu sai mã kiểm tra" : zip_error_strerror(&ze);
	err_set(err, CCHC_EINPUT, "%s bị hỏng hoặc không đầy đủ: không mở được như tệp Word "
		".docx (tệp nén zip: %s). Hãy tải lại, hoặc mở bằng Word/LibreOffice và lưu lại",
		what, why);
	zip_error_fini(&ze);
	return err->code;
}

int docx_read_text(const char *path, const char *what, char **out, struct cchc_err *err)
{
	int zerr = 0;
	if (lazylib_zip(err))
		return err->code;
	zip_t *za = zip_open(path, ZIP_RDONLY | ZIP_CHECKCONS, &zerr);
	if (!za)
		return zip_open_failed(zerr, what, err);
	char *doc = NULL, *numbering = NULL, *styles = NULL;
	size_t dn = 0, nn = 0, sn = 0;
	int rc = read_member(za, "word/document.xml", true, what, &doc, &dn, err);
	if (!rc)
		rc = read_member(za, "word/numbering.xml", false, what, &numbering, &nn, err);
	if (!rc)
		rc = read_member(za, "word/styles.xml", false, what, &styles, &sn, err);
	zip_discard(za);
	if (!rc) {
		struct docx_parts p = { doc, dn, numbering, nn, styles, sn };
		rc = docx_xml_to_text(&p, out, err);
	}
	free(doc);
	free(numbering);
	free(styles);
	return rc;
}
