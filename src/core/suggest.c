#include <config.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "core/plan.h"
#include "core/suggest.h"
#include "core/task.h"
#include "core/unit.h"
#include "text/fold.h"
#include "text/utf8.h"
#include "util/sbuf.h"

#define N(a) (sizeof (a) / sizeof (a)[0])

/* ---- words ----
 * A text is read as words; each word folds to one or more tokens (an
 * abbreviation such as UBND gives "uy ban nhan dan"), so that a unit name is
 * matched token by token and cut back out of the original by word. */

struct tok {
	char *fold;
	int word;      /* index of the original word */
	char punct;    /* ',' ';' ':' '.' '(' ')' after the word (its last token), or 0 */
};

struct words {
	const char *text;
	size_t *ws, *we;  /* byte span of each original word, punctuation excluded */
	bool *upper;      /* the word begins with a capital letter */
	int nw, n;
	struct tok *t;
};

static const struct {
	const char *abbr, *full;
} abbrevs[] = {
	{ "ubnd", "uy ban nhan dan" }, { "hdnd", "hoi dong nhan dan" }, { "vp", "van phong" },
	{ "p.", "phong" }, { "tt&tt", "thong tin va truyen thong" },
	{ "tn&mt", "tai nguyen va moi truong" }, { "gd&dt", "giao duc va dao tao" },
	{ "nn&mt", "nong nghiep va moi truong" }, { "nn&ptnt", "nong nghiep va phat trien nong thon" },
	{ "kh&cn", "khoa hoc va cong nghe" }, { "kh&dt", "ke hoach va dau tu" },
	{ "ldtb&xh", "lao dong thuong binh va xa hoi" }, { "mttq", "mat tran to quoc" },
};

static void push_tok(struct words *w, const char *fold, size_t len, int word)
{
	w->t = xrealloc(w->t, sizeof *w->t * (size_t)(w->n + 1));
	w->t[w->n++] = (struct tok){ xstrndup(fold, len), word, 0 };
}

static void push_word(struct words *w, size_t s, size_t e)
{
	const char *p = w->text;
	size_t raw_end = e;
	while (s < e && strchr("(\"'", p[s]))
		s++;
	while (e > s && strchr(",;:.)\"'!?", p[e - 1]))
		e--;
	char *raw = xstrndup(p + s, raw_end - s), *f = text_fold(raw, false);
	free(raw);
	bool abbr_dot = strcmp(f, "p.") == 0;
	if (abbr_dot)
		e = raw_end;
	if (s == e) {
		free(f);
		return;
	}
	int k = w->nw++;
	w->ws = xrealloc(w->ws, sizeof *w->ws * (size_t)w->nw);
	w->we = xrealloc(w->we, sizeof *w->we * (size_t)w->nw);
	w->upper = xrealloc(w->upper, sizeof *w->upper * (size_t)w->nw);
	w->ws[k] = s, w->we[k] = e;
	uint32_t cp = 0;
	utf8_decode(p + s, e - s, &cp);
	w->upper[k] = text_cp_is_upper(cp);
	char *bare = xstrndup(p + s, e - s);
	char *word = abbr_dot ? xstrdup(f) : text_fold(bare, false);
	free(bare);
	free(f);
	const char *full = word;
	for (size_t i = 0; i < N(abbrevs); i++)
		if (strcmp(word, abbrevs[i].abbr) == 0)
			full = abbrevs[i].full;
	for (const char *q = full; *q;) {
		size_t len = strcspn(q, " ");
		push_tok(w, q, len, k);
		q += len + strspn(q + len, " ");
	}
	free(word);
	/* the strongest mark after the word: ";" over ":" over "." over "," over ")" */
	static const char rank[] = "),.:;";
	char punct = 0;
	for (const char *q = p + e; q < p + raw_end; q++) {
		const char *r = *q ? strchr(rank, *q) : NULL;
		if (r && (!punct || r > strchr(rank, punct)))
			punct = *q;
	}
	if (w->n && w->t[w->n - 1].word == k)
		w->t[w->n - 1].punct = punct;
}

static void words_read(struct words *w, const char *text)
{
	*w = (struct words){ .text = text };
	size_t i = 0, n = strlen(text);
	while (i < n) {
		while (i < n && (text[i] == ' ' || text[i] == '\t'))
			i++;
		size_t s = i;
		while (i < n && text[i] != ' ' && text[i] != '\t')
			i++;
		if (i > s) {
			/* "(chủ trì)": the parenthesis closes what comes before */
			if (text[s] == '(' && w->n && !w->t[w->n - 1].punct)
				w->t[w->n - 1].punct = '(';
			push_word(w, s, i);
		}
	}
}

static void words_free(struct words *w)
{
	for (int i = 0; i < w->n; i++)
		free(w->t[i].fold);
	free(w->t), free(w->ws), free(w->we), free(w->upper);
}

/* The original text of tokens [a, b). */
static char *span_text(const struct words *w, int a, int b)
{
	if (a >= b)
		return xstrdup("");
	size_t s = w->ws[w->t[a].word], e = w->we[w->t[b - 1].word];
	return xstrndup(w->text + s, e - s);
}

/* Tokens at i are the words of phrase (folded, spaces between). */
static int phrase_at(const struct words *w, int i, const char *phrase)
{
	int k = i;
	for (const char *q = phrase; *q; k++) {
		size_t len = strcspn(q, " ");
		if (k >= w->n || strlen(w->t[k].fold) != len || strncmp(w->t[k].fold, q, len) != 0)
			return 0;
		q += len + strspn(q + len, " ");
	}
	return k - i;
}

static bool stops(const struct tok *t)
{
	return t->punct && strchr(";:.()", t->punct);
}

/* ---- units ---- */

struct uref {
	char *code, *key, *kind;
	char *code_fold;         /* code folded, once: unit_by_key runs for each
				  * span of each sentence */
};

struct ctx {
	struct db *db;
	struct uref *u;
	int nu;
	struct suggestion *v;
	int n;
};

/* The matching key of tokens [a, b): their folds, without a leading "phong"
 * or "cac" (the words that vary between writings of one name). */
static char *key_of(const struct words *w, int a, int b)
{
	struct sbuf k = SBUF_INIT;
	while (a < b && (strcmp(w->t[a].fold, "phong") == 0 || strcmp(w->t[a].fold, "cac") == 0))
		a++;
	for (int i = a; i < b; i++) {   /* not sbuf_addf: called for every span */
		if (k.len)
			sbuf_add(&k, " ");
		sbuf_add(&k, w->t[i].fold);
	}
	return k.s ? sbuf_detach(&k) : xstrdup("");
}

static char *text_key(const char *text)
{
	struct words w;
	words_read(&w, text);
	char *k = key_of(&w, 0, w.n);
	words_free(&w);
	return k;
}

static void units_load(struct ctx *c)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(c->db->h, "SELECT name, coalesce(code, ''), kind FROM unit WHERE active "
			       "ORDER BY id", -1, &st, NULL) != SQLITE_OK)
		return;
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(st, 0);
		const char *code = (const char *)sqlite3_column_text(st, 1);
		if (!*code)
			continue;
		c->u = xrealloc(c->u, sizeof *c->u * (size_t)(c->nu + 1));
		c->u[c->nu++] = (struct uref){ xstrdup(code), text_key(name),
			xstrdup(unit_kind_of((const char *)sqlite3_column_text(st, 2), name)),
			text_fold(code, false) };
	}
	sqlite3_finalize(st);
}

static void units_free(struct ctx *c)
{
	for (int i = 0; i < c->nu; i++)
		free(c->u[i].code), free(c->u[i].key), free(c->u[i].kind),
			free(c->u[i].code_fold);
	free(c->u);
}

/* A unit whose key is key, or whose code is the one word key; else one
 * whose key begins with it (at least two words: "Văn phòng" for "Văn phòng
 * Sở") when only one does and prefix is allowed. -1 when none. */
static int unit_by_key(const struct ctx *c, const char *key, bool prefix)
{
	for (int i = 0; i < c->nu; i++)
		if (strcmp(c->u[i].key, key) == 0 || strcmp(c->u[i].code_fold, key) == 0)
			return i;
	if (!prefix || !strchr(key, ' '))
		return -1;
	int found = -1;
	size_t n = strlen(key);
	for (int i = 0; i < c->nu; i++)
		if (strncmp(c->u[i].key, key, n) == 0 && c->u[i].key[n] == ' ') {
			if (found >= 0)
				return -1;
			found = i;
		}
	return found;
}

char *unit_match(struct db *db, const char *text)
{
	struct ctx c = { .db = db };
	units_load(&c);
	char *key = text_key(text);
	int k = *key ? unit_by_key(&c, key, false) : -1;
	char *code = k >= 0 ? xstrdup(c.u[k].code) : NULL;
	free(key);
	units_free(&c);
	return code;
}

/* Words that end the subject of a sentence: what a unit does. Tones are
 * folded away, so a word that is also part of names once its tones are
 * gone ("lâm" of "Kiểm lâm", "dược", "cơ sở") is not here alone. */
static const char *const verbs[] = {
	"chu tri", "phoi hop", "chiu trach nhiem", "co trach nhiem", "la", "lam dau moi", "thuong xuyen",
	"tham muu", "thuc hien", "theo doi", "trien khai", "to chuc", "huong dan", "don doc",
	"tiep tuc", "khan truong", "can cu", "tap trung", "dam bao", "bao dam", "chu dong",
	"nghien cuu", "tong hop", "ra soat", "cap nhat", "de xuat", "duy tri", "day manh",
	"tiep nhan", "giai quyet", "ban hanh", "danh gia", "tuyen truyen", "nang cao", "phu trach",
	"phai", "kiem tra", "bao cao", "xu ly", "cung cap", "hoan thanh", "hoan thien", "tham dinh",
	"khao sat", "giam sat", "so hoa", "thong bao", "dieu chinh", "bo sung", "sua doi", "trinh",
	"gui", "soan thao", "tham gia", "ho tro", "xac dinh", "van dong", "niem yet", "rut ngan",
	"tang cuong", "thuc day", "chi dao", "phan tich", "tong ket", "so ket", "de nghi", "phe duyet",
};

static bool verb_at(const struct words *w, int i)
{
	if (i >= w->n || w->upper[w->t[i].word])
		return false;
	char first = w->t[i].fold[0];   /* most verbs fail on it: no phrase_at */
	for (size_t k = 0; k < N(verbs); k++)
		if (verbs[k][0] == first && phrase_at(w, i, verbs[k]))
			return true;
	return false;
}

/* Words that begin a unit's name. */
static const char *const types[] = {
	"so", "phong", "van phong", "uy ban nhan dan", "hoi dong nhan dan", "ban", "trung tam",
	"chi cuc", "chi nhanh", "thanh tra", "cong an", "cuc", "dai", "bao", "kho bac",
	"bo chi huy", "vien", "benh vien", "uy ban mat tran to quoc", "bo", "vu", "tong cuc",
	"bao hiem xa hoi", "vien kiem sat nhan dan", "toa an nhan dan", "ngan hang",
	"lien doan lao dong", "hoi lien hiep phu nu", "hoi nong dan", "hoi cuu chien binh",
	"hoi", "doan thanh nien", "tinh doan", "huyen doan",
};

/* Types that are a whole name by themselves ("Tỉnh đoàn thực hiện"). */
static const char *const whole_types[] = { "tinh doan", "huyen doan", "bao hiem xa hoi" };

/* Lower-case words that may follow the type: "UBND tỉnh", "Văn phòng Sở". */
static const char *const levels[] = {
	"tinh", "huyen", "xa", "so", "ban", "thanh", "thi", "quan", "phuong", "cap", "trung",
};

static bool whole_at(const struct words *w, int i, int len)
{
	for (size_t k = 0; len && k < N(whole_types); k++)
		if (phrase_at(w, i, whole_types[k]) == len)
			return true;
	return false;
}

static int type_at(const struct words *w, int i)
{
	if (i >= w->n || !w->upper[w->t[i].word])
		return 0;
	int best = 0;
	for (size_t k = 0; k < N(types); k++) {
		int len = phrase_at(w, i, types[k]);
		if (len > best && !stops(&w->t[i + len - 1]))
			best = len;
	}
	if (whole_at(w, i, best))
		return best;
	/* "Sở," or "Ban," alone is not a name */
	if (best && i + best < w->n) {
		int j = i + best;
		bool ok = w->upper[w->t[j].word] && w->t[j].word != w->t[j - 1].word;
		for (size_t k = 0; !ok && k < N(levels); k++)
			ok = strcmp(w->t[j].fold, levels[k]) == 0;
		if (ok && strcmp(w->t[j].fold, "cac") != 0)
			return best;
	}
	return 0;
}

/* Groups: generic subjects, longest first within each start. */
static const struct {
	const char *words, *kinds;
} groups[] = {
	{ "cac phong don vi thuoc so", "phong,don-vi" },
	{ "cac phong don vi thuoc ban", "phong,don-vi" },
	{ "cac phong don vi truc thuoc", "phong,don-vi" },
	{ "cac phong don vi", "phong,don-vi" },
	{ "cac phong ban don vi", "phong,don-vi" },
	{ "cac phong chuyen mon thuoc so", "phong" },
	{ "cac phong chuyen mon", "phong" },
	{ "cac phong thuoc so", "phong" },
	{ "cac phong chuc nang", "phong" },
	{ "cac phong nghiep vu", "phong" },
	{ "cac phong ban", "phong" },
	{ "cac phong", "phong" },
	{ "cac don vi truc thuoc so", "don-vi" },
	{ "cac don vi thuoc so", "don-vi" },
	{ "cac don vi truc thuoc", "don-vi" },
	{ "cac don vi su nghiep", "don-vi" },
	{ "don vi su nghiep", "don-vi" },
	{ "don vi truc thuoc", "don-vi" },
	{ "cac so ban nganh tinh", "so-nganh" },
	{ "cac so ban nganh", "so-nganh" },
	{ "cac so nganh", "so-nganh" },
	{ "cac co quan chuyen mon thuoc uy ban nhan dan tinh", "so-nganh" },
	{ "cac co quan don vi", "*" },
	{ "cac co quan", "*" },
	{ "cac don vi", "*" },
	{ "uy ban nhan dan cac huyen thi xa thanh pho", "huyen" },
	{ "uy ban nhan dan cac huyen thanh pho", "huyen" },
	{ "uy ban nhan dan cac huyen", "huyen" },
	{ "uy ban nhan dan cap huyen", "huyen" },
	{ "uy ban nhan dan cac xa phuong thi tran", "xa" },
	{ "uy ban nhan dan cac xa phuong dac khu", "xa" },
	{ "uy ban nhan dan cac xa phuong", "xa" },
	{ "uy ban nhan dan cac xa", "xa" },
	{ "uy ban nhan dan cap xa", "xa" },
};

/* Words at j that narrow the group before them to some of its units, so
 * that it names none: "các cơ quan, đơn vị có liên quan", and for "các cơ
 * quan" any lower-case words that are not what it does ("các cơ quan báo
 * chí"). */
static bool qualified(const struct words *w, int j, bool any)
{
	if (j >= w->n || w->t[j - 1].punct)
		return false;
	if (phrase_at(w, j, "co lien quan") || phrase_at(w, j, "lien quan"))
		return true;
	return any && !w->upper[w->t[j].word] && !verb_at(w, j) && !phrase_at(w, j, "va");
}

static const char *group_at(const struct words *w, int i, int *len)
{
	for (size_t k = 0; k < N(groups); k++) {
		/* punctuation inside the phrase is allowed ("các Sở, ban, ngành") */
		int n = phrase_at(w, i, groups[k].words);
		bool broken = false;
		for (int j = i; j < i + n - 1; j++)
			broken |= w->t[j].punct && w->t[j].punct != ',';
		if (n && !broken) {
			if (qualified(w, i + n, strcmp(groups[k].kinds, "*") == 0))
				return NULL;
			*len = n;
			return groups[k].kinds;
		}
	}
	return NULL;
}

/* ---- a list of units ---- */

enum etype { E_KNOWN, E_GROUP, E_NEW, E_TEXT };

struct elem {
	enum etype t;
	char *text;
	const char *code, *kinds;
	char *owned;   /* kinds of merged groups */
};

struct party {
	struct elem *e;
	int n;
};

static void party_add(struct party *p, enum etype t, char *text, const char *code,
		      const char *kinds)
{
	p->e = xrealloc(p->e, sizeof *p->e * (size_t)(p->n + 1));
	p->e[p->n++] = (struct elem){ t, text, code, kinds, NULL };
}

static void party_free(struct party *p)
{
	for (int i = 0; i < p->n; i++)
		free(p->e[i].text), free(p->e[i].owned);
	free(p->e);
	*p = (struct party){ 0 };
}

/* A known unit at i: the longest run of words (commas allowed: "Phòng
 * Quản lý vận tải, phương tiện và người lái") whose key is a unit's. */
static int known_at(const struct ctx *c, const struct words *w, int i, int *len)
{
	int max = w->n - i < 16 ? w->n - i : 16;
	for (int pass = 0; pass < 2; pass++)
		for (int l = max; l >= 1; l--) {
			bool broken = false;
			for (int j = i; j < i + l - 1; j++)
				broken |= stops(&w->t[j]);
			int end = i + l;
			/* the name must end where a name would: at punctuation, "và", a
			 * lower-case word or what the unit does ("Văn phòng Sở chủ trì",
			 * not "Văn phòng" of "Văn phòng Đăng ký đất đai") */
			bool boundary = end >= w->n || w->t[end - 1].punct ||
				(w->t[end].word != w->t[end - 1].word &&
				 (phrase_at(w, end, "va") || verb_at(w, end) || !w->upper[w->t[end].word]));
			if (broken || !boundary)
				continue;
			char *key = key_of(w, i, end);
			int k = *key ? unit_by_key(c, key, pass == 1) : -1;
			free(key);
			if (k >= 0) {
				*len = l;
				return k;
			}
		}
	return -1;
}

/* A name shaped like a unit's at i, up to what the unit does, a stop, or
 * a comma or "và" before the next name. In a list (loose), a comma followed
 * by lower-case words that are no verb stays in the name ("Phòng Quản lý
 * vận tải, phương tiện và người lái"). */
static int shape_at(const struct words *w, int i, bool loose)
{
	int t = type_at(w, i);
	if (!t)
		return 0;
	/* the word after the type is part of the name, unless the type is one */
	int k = i + t + !whole_at(w, i, t);
	while (k < w->n && k - i < 16) {
		const struct tok *prev = &w->t[k - 1];
		int g;
		if (w->t[k].word == prev->word) {
			k++;
			continue;
		}
		if (stops(prev))
			break;
		bool next_name = type_at(w, k) || group_at(w, k, &g);
		if (prev->punct == ',' && (next_name || (!w->upper[w->t[k].word] &&
							 (!loose || verb_at(w, k) || phrase_at(w, k, "va")))))
			break;
		/* "Văn phòng HĐND và UBND huyện" is one office */
		int council = phrase_at(w, i, "van phong") && phrase_at(w, k, "va") ?
			(phrase_at(w, k + 1, "uy ban nhan dan") ? 4 :
			 phrase_at(w, k + 1, "hoi dong nhan dan") ? 4 : 0) : 0;
		if (council) {
			k += 1 + council;
			continue;
		}
		if (phrase_at(w, k, "va") &&
		    (k + 1 >= w->n || type_at(w, k + 1) || group_at(w, k + 1, &g) ||
		     (!w->upper[w->t[k + 1].word] && (!loose || verb_at(w, k + 1)))))
			break;
		/* "Văn phòng Đăng ký đất đai - Chi nhánh Đức Trọng": a dash joins */
		bool dash = strcmp(prev->fold, "-") == 0 || strcmp(prev->fold, "–") == 0;
		if (!dash && (verb_at(w, k) || next_name))
			break;
		k++;
	}
	return k - i;
}

/* One unit, group or unit-shaped name at i; 0 when there is none. */
static int element_at(const struct ctx *c, const struct words *w, int i, bool loose,
		      struct party *p)
{
	int len = 0, k;
	const char *kinds = group_at(w, i, &len);
	if (kinds) {
		party_add(p, E_GROUP, span_text(w, i, i + len), NULL, kinds);
		return len;
	}
	if ((k = known_at(c, w, i, &len)) >= 0) {
		party_add(p, E_KNOWN, span_text(w, i, i + len), c->u[k].code, NULL);
		return len;
	}
	if ((len = shape_at(w, i, loose)) > 0) {
		party_add(p, E_NEW, span_text(w, i, i + len), NULL, NULL);
		return len;
	}
	return 0;
}

/* Units listed from i, separated by ",", ";" or "và". With loose (the value
 * of a role line, a table cell), words that are no unit are kept as text up
 * to the next separator. Returns where the list ends. */
static int list_at(const struct ctx *c, const struct words *w, int i, bool loose, struct party *p)
{
	while (i < w->n) {
		int len = element_at(c, w, i, loose, p);
		if (!len) {
			if (!loose)
				break;
			int j = i;
			while (j < w->n - 1 && !(w->t[j].punct && strchr(",;", w->t[j].punct)))
				j++;
			party_add(p, E_TEXT, span_text(w, i, j + 1), NULL, NULL);
			len = j + 1 - i;
		}
		i += len;
		if (i >= w->n)
			break;
		char sep = w->t[i - 1].punct;
		if (phrase_at(w, i, "va"))
			i++;
		else if (sep != ',' && sep != ';')
			break;
	}
	return i;
}

static void party_of_text(const struct ctx *c, const char *text, struct party *p)
{
	struct words w;
	words_read(&w, text);
	list_at(c, &w, 0, true, p);
	words_free(&w);
}

/* ---- suggestions ---- */

char *suggest_group_codes(struct db *db, const char *kinds)
{
	struct ctx c = { .db = db };
	units_load(&c);
	struct sbuf out = SBUF_INIT;
	for (int i = 0; i < c.nu; i++) {
		bool in = strcmp(kinds, "*") == 0;
		size_t n = strlen(c.u[i].kind);
		for (const char *q = kinds; !in && *q; q += strcspn(q, ",") + (q[strcspn(q, ",")] != 0))
			in = strncmp(q, c.u[i].kind, n) == 0 && (q[n] == ',' || q[n] == '\0');
		if (in)
			sbuf_addf(&out, "%s%s", out.len ? "," : "", c.u[i].code);
	}
	units_free(&c);
	return out.s ? sbuf_detach(&out) : xstrdup("");
}

static bool has_code(const char *list, const char *code)
{
	size_t n = strlen(code);
	for (const char *q = list; *q; q += strcspn(q, ",") + (q[strcspn(q, ",")] != 0))
		if (strncmp(q, code, n) == 0 && (q[n] == ',' || q[n] == '\0'))
			return true;
	return false;
}

static void add_code(struct sbuf *b, const char *lead, const char *code)
{
	if (strcmp(code, lead) != 0 && !has_code(b->s ? b->s : "", code))
		sbuf_addf(b, "%s%s", b->len ? "," : "", code);
}

/* Two writings of one name (tones and case aside). */
static bool same_name(const char *a, const char *b)
{
	char *fa = text_fold(a, false), *fb = text_fold(b, false);
	bool same = strcmp(fa, fb) == 0;
	free(fa);
	free(fb);
	return same;
}

/* Fills the coordinating units of s from co, the lead's own list after its
 * first unit coming first. */
static void fill_co(struct ctx *c, struct suggestion *s, const struct party *lead,
		    const struct party *co)
{
	struct sbuf codes = SBUF_INIT, fresh = SBUF_INIT, text = SBUF_INIT;
	for (int pass = 0; pass < 2; pass++) {
		const struct party *p = pass ? co : lead;
		for (int i = pass ? 0 : 1; p && i < p->n; i++) {
			const struct elem *e = &p->e[i];
			sbuf_addf(&text, "%s%s", text.len ? "; " : "", e->text);
			if (e->t == E_KNOWN)
				add_code(&codes, s->lead_code, e->code);
			else if (e->t == E_NEW && !same_name(e->text, s->lead_new))
				sbuf_addf(&fresh, "%s%s", fresh.len ? "; " : "", e->text);
			else if (e->t == E_GROUP) {
				char *g = suggest_group_codes(c->db, e->kinds), *save = NULL;
				for (char *k = strtok_r(g, ",", &save); k; k = strtok_r(NULL, ",", &save))
					add_code(&codes, s->lead_code, k);
				free(g);
			}
		}
	}
	s->co_codes = codes.s ? sbuf_detach(&codes) : xstrdup("");
	s->co_new = fresh.s ? sbuf_detach(&fresh) : xstrdup("");
	s->co_text = text.s ? sbuf_detach(&text) : xstrdup("");
}

/* Groups that lead together ("Các Sở, ban, ngành, UBND các huyện, thành
 * phố chủ trì") are one group of all their kinds: they become the lead's
 * first element. */
static void merge_groups(struct party *lead)
{
	int k = 0;
	while (k < lead->n && lead->e[k].t == E_GROUP)
		k++;
	if (k < 2)
		return;
	struct sbuf text = SBUF_INIT, kinds = SBUF_INIT;
	for (int i = 0; i < k; i++) {
		sbuf_addf(&text, "%s%s", i ? ", " : "", lead->e[i].text);
		sbuf_addf(&kinds, "%s%s", i ? "," : "", lead->e[i].kinds);
		free(lead->e[i].text);
	}
	lead->e[0].text = sbuf_detach(&text);
	lead->e[0].kinds = NULL;
	lead->e[0].owned = sbuf_detach(&kinds);
	memmove(&lead->e[1], &lead->e[k], sizeof *lead->e * (size_t)(lead->n - k));
	lead->n -= k - 1;
}

static void add(struct ctx *c, int64_t sid, const char *title, const char *product,
		const char *due, struct party *lead, const struct party *co)
{
	c->v = xrealloc(c->v, sizeof *c->v * (size_t)(c->n + 1));
	struct suggestion *s = &c->v[c->n++];
	if (lead)
		merge_groups(lead);
	const struct elem *e = lead && lead->n ? &lead->e[0] : NULL;
	s->section_id = sid;
	s->title = xstrdup(title);
	s->product = xstrdup(product ? product : "");
	s->due_text = xstrdup(due ? due : "");
	s->lead_text = xstrdup(e ? e->text : "");
	s->lead_code = xstrdup(e && e->t == E_KNOWN ? e->code : "");
	s->group = xstrdup(e && e->t == E_GROUP ? (e->owned ? e->owned : e->kinds) : "");
	s->lead_new = xstrdup(e && e->t == E_NEW ? e->text : "");
	fill_co(c, s, lead, co);
}

/* ---- sentences whose subject is a unit ---- */

static bool responsibility_in(const struct words *w, int from)
{
	static const char *const marks[] = { "chu tri", "trach nhiem", "dau moi" };
	for (int i = from; i < w->n; i++)
		for (size_t k = 0; k < N(marks); k++)
			if (phrase_at(w, i, marks[k]))
				return true;
	return false;
}

/* "a)", "1.", "2.3." before a sentence. */
static bool numbering(const struct tok *t)
{
	if (t->punct != ')' && t->punct != '.')
		return false;
	size_t n = strlen(t->fold);
	if (n <= 8 && strspn(t->fold, "0123456789.") == n)
		return true;
	return n == 1 && *t->fold >= 'a' && *t->fold <= 'z';
}

/* "Ban Giám đốc Sở chỉ đạo Văn phòng Sở chủ trì …", "Giám đốc Sở giao
 * Phòng X chủ trì …": the one who leads is the unit told to, not the one
 * who tells. Where that unit's name begins, or 0. */
static int directed_at(const struct words *w, int i)
{
	static const char *const tells[] = { "chi dao", "giao", "yeu cau", "de nghi" };
	for (int k = i + 1; k < w->n && k < i + 10; k++) {
		if (phrase_at(w, k, "chu tri") || stops(&w->t[k - 1]))
			return 0;
		for (size_t m = 0; m < N(tells); m++) {
			int len = phrase_at(w, k, tells[m]);
			if (len && !w->upper[w->t[k].word])
				return k + len;
		}
	}
	return 0;
}

/* "…; Thanh tra Sở, Phòng CCHC phối hợp": the units that end at k (the
 * "phối hợp"), written after a ";" or "." that follows the lead's part. */
static void units_before(const struct ctx *c, const struct words *w, int from, int k,
			 struct party *co)
{
	int s = k;
	while (s > from && !(w->t[s - 1].punct && strchr(";.", w->t[s - 1].punct)))
		s--;
	if (s <= from)
		return;
	struct party pre = { 0 };
	if (list_at(c, w, s, false, &pre) == k)
		*co = pre;
	else
		party_free(&pre);
}

/* The lead (and the units it works with) of a sentence that begins with a
 * unit: "Giao <unit> chủ trì …", "<unit> chịu trách nhiệm …", "Lĩnh vực
 * <area>: <unit> chủ trì tham mưu", "<unit> chủ trì, phối hợp với <units>".
 * With need_role, only sentences that say the unit leads or answers for it.
 * area receives "Lĩnh vực …" (malloc'd) when the sentence names one. */
static bool subject_of(const struct ctx *c, const char *text, bool need_role, struct party *lead,
		       struct party *co, char **area)
{
	struct words w;
	words_read(&w, text);
	int i = 0, len;
	*area = NULL;
	if (i < w.n && numbering(&w.t[i]))
		i++;
	if ((len = phrase_at(&w, i, "giao")) || (len = phrase_at(&w, i, "de nghi")))
		i += len;
	if (phrase_at(&w, i, "linh vuc")) {
		int k = i + 2;
		while (k < w.n && k < i + 14 && w.t[k].punct != ':')
			k++;
		if (k < w.n && w.t[k].punct == ':') {
			*area = span_text(&w, i, k + 1);
			i = k + 1;
		}
	}
	int end = list_at(c, &w, i, false, lead);
	int d = directed_at(&w, i);
	if (d > 0) {
		struct party told = { 0 };
		int e = list_at(c, &w, d, false, &told);
		if (told.n && responsibility_in(&w, e)) {
			party_free(lead);
			*lead = told;
			end = e;
		} else {
			party_free(&told);
		}
	}
	bool ok = lead->n > 0 && (!need_role || *area || responsibility_in(&w, end));
	for (int k = end; ok && k < w.n; k++) {
		bool with = (len = phrase_at(&w, k, "cung voi")) || (len = phrase_at(&w, k, "cung"));
		if (!with && !(len = phrase_at(&w, k, "phoi hop voi")) &&
		    !(len = phrase_at(&w, k, "phoi hop")))
			continue;
		list_at(c, &w, k + len, false, co);
		if (!with && !co->n)
			units_before(c, &w, end, k, co);
		if (co->n || !with)
			break;
	}
	if (!ok) {
		party_free(lead);
		party_free(co);
		free(*area);
		*area = NULL;
	}
	words_free(&w);
	return ok;
}

/* A suggestion from a sentence, titled by it (or, for "Lĩnh vực X: …", by
 * the section's heading and the area). */
static bool from_sentence(struct ctx *c, int64_t sid, const char *heading, const char *text,
			  bool need_role, const char *due, const struct party *block_co)
{
	struct party lead = { 0 }, co = { 0 };
	char *area;
	if (!subject_of(c, text, need_role, &lead, &co, &area))
		return false;
	struct sbuf title = SBUF_INIT;
	if (area) {
		size_t n = strlen(area);
		while (n && (area[n - 1] == ':' || area[n - 1] == ' '))
			area[--n] = '\0';
		sbuf_addf(&title, "%s (%s%s)", heading, area[0] == 'L' ? "l" : "", area + (area[0] == 'L'));
	}
	add(c, sid, title.s ? title.s : text, NULL, due, &lead, co.n ? &co : block_co);
	sbuf_free(&title);
	free(area);
	party_free(&lead);
	party_free(&co);
	return true;
}

/* ---- role lines ---- */

enum role { ROLE_NONE, ROLE_LEAD, ROLE_DOER, ROLE_CO, ROLE_DUE, ROLE_WHAT, ROLE_PRODUCT,
	    ROLE_TASKS };

/* "Cơ quan chủ trì tham mưu: X" -> ROLE_LEAD and X. */
static enum role line_role(const char *text, const char **value)
{
	/* "b) Cơ quan chủ trì: …" in a lettered block */
	size_t mark = strspn(text, "abcdefghiklmnopqrstuvxy0123456789");
	if (mark && mark <= 2 && text[mark] == ')' && text[mark + 1] == ' ')
		text += mark + 2;
	const char *colon = strchr(text, ':');
	if (!colon || colon - text > 60)
		return ROLE_NONE;
	char *head = xstrndup(text, (size_t)(colon - text));
	char *f = text_fold(head, false);
	free(head);
	static const char *const starts[] = { "co quan", "don vi", "trach nhiem", "thoi gian",
					      "thoi han", "tien do", "nhiem vu", "chu tri", "noi dung",
					      "san pham" };
	bool role_words = false;
	for (size_t i = 0; i < N(starts); i++)
		role_words |= strncmp(f, starts[i], strlen(starts[i])) == 0;
	enum role r = ROLE_NONE;
	if (!role_words)
		r = ROLE_NONE;
	else if (strncmp(f, "noi dung", 8) == 0)
		r = ROLE_WHAT;
	else if (strncmp(f, "san pham", 8) == 0)
		r = ROLE_PRODUCT;
	else if (strstr(f, "chu tri"))
		r = ROLE_LEAD;
	else if (strstr(f, "phoi hop"))
		r = ROLE_CO;
	else if (strstr(f, "thoi gian") || strstr(f, "thoi han") || strstr(f, "tien do"))
		r = ROLE_DUE;
	else if (strstr(f, "thuc hien") || strstr(f, "trach nhiem"))
		r = ROLE_DOER;
	else if (strstr(f, "nhiem vu") && strlen(f) < 40)
		r = ROLE_TASKS;
	free(f);
	*value = colon + 1;
	while (**value == ' ')
		(*value)++;
	return r;
}

/* The value of a role line without its closing full stop. */
static char *role_value(const char *v)
{
	size_t n = strlen(v);
	while (n && strchr(" .;", v[n - 1]))
		n--;
	return xstrndup(v, n);
}

/* The role lines of a section: val[role] is the value of the first line of
 * each role (malloc'd), *marker the index of "Nhiệm vụ, giải pháp:" or -1.
 * Whether it says who leads or does the work. */
struct block {
	char *val[ROLE_TASKS + 1];
};

static bool read_roles(struct section_item *it, int n, struct block *b, int *marker)
{
	const char *v;
	*marker = -1;
	for (int i = 0; i < n; i++) {
		enum role r = line_role(it[i].text, &v);
		if (r == ROLE_TASKS && *marker < 0)
			*marker = i;
		else if (r != ROLE_NONE && r != ROLE_TASKS && !b->val[r])
			b->val[r] = role_value(v);
	}
	return b->val[ROLE_LEAD] || b->val[ROLE_DOER];
}

static void block_free(struct block *b)
{
	for (int r = 0; r <= ROLE_TASKS; r++)
		free(b->val[r]);
	*b = (struct block){ 0 };
}

/* The lead and co-units of a block; "thực hiện: A; B" without a lead: A
 * leads, B coordinates. */
static void block_parties(const struct ctx *c, const struct block *b, struct party *lead,
			  struct party *co)
{
	party_of_text(c, b->val[ROLE_LEAD] ? b->val[ROLE_LEAD] : b->val[ROLE_DOER], lead);
	if (b->val[ROLE_CO])
		party_of_text(c, b->val[ROLE_CO], co);
	if (b->val[ROLE_LEAD] && b->val[ROLE_DOER])
		party_of_text(c, b->val[ROLE_DOER], co);
}

/* A task of a block: led by its own subject when that is a unit, else by
 * the block's lead. */
static void block_task(struct ctx *c, int64_t sid, const char *heading, const char *text,
		       const char *due, const struct block *b, struct party *lead,
		       const struct party *co)
{
	if (!due)
		due = b->val[ROLE_DUE];
	if (!from_sentence(c, sid, heading, text, false, due, co))
		add(c, sid, text, b->val[ROLE_PRODUCT], due, lead, co);
}

/* A section with role lines: its items after "Nhiệm vụ, giải pháp:" (or
 * its list items) are the tasks; with none, its subsections are (each
 * given the block by suggest_tasks), or, without those, its heading. The
 * block is left in *b for the subsections. */
static bool from_roles(struct ctx *c, const struct section_info *sec, struct section_item *it,
		       char **dues, int n, struct block *b)
{
	int marker;
	if (!read_roles(it, n, b, &marker)) {
		block_free(b);
		return false;
	}
	struct party lead = { 0 }, co = { 0 };
	block_parties(c, b, &lead, &co);
	int made = 0;
	const char *v;
	for (int i = marker + 1; i < n; i++) {
		if (line_role(it[i].text, &v) != ROLE_NONE || (marker < 0 && !it[i].is_list_item) ||
		    strchr(it[i].text, '|'))
			continue;
		block_task(c, sec->id, sec->heading, it[i].text, dues[i], b, &lead, &co);
		made++;
	}
	if (!made && (!sec->nchildren || b->val[ROLE_WHAT]))
		add(c, sec->id, b->val[ROLE_WHAT] ? b->val[ROLE_WHAT] : sec->heading,
		    b->val[ROLE_PRODUCT], b->val[ROLE_DUE], &lead, &co);
	if (made)
		block_free(b); /* the subsections are not its tasks */
	party_free(&lead);
	party_free(&co);
	return true;
}

/* A subsection of a block whose tasks are its subsections ("a) …", "1.1.
 * …" under "Nhiệm vụ, giải pháp:"): its heading is a task of the block. */
static void from_parent_block(struct ctx *c, const struct section_info *sec,
			      const struct block *b)
{
	struct party lead = { 0 }, co = { 0 };
	block_parties(c, b, &lead, &co);
	block_task(c, sec->id, sec->heading, sec->heading, NULL, b, &lead, &co);
	party_free(&lead);
	party_free(&co);
}

/* A section without role lines: its heading, paragraphs and items that
 * say a unit leads. */
static void from_sentences(struct ctx *c, int64_t sid, const char *heading, struct section_item *it,
			   char **dues, int n)
{
	/* a deadline line of its own ("- Thời gian: Tháng 10/2026.") is the
	 * section's, for the sentences that have none */
	char *due = NULL;
	const char *v;
	for (int i = 0; i < n && !due; i++)
		if (line_role(it[i].text, &v) == ROLE_DUE)
			due = role_value(v);
	from_sentence(c, sid, heading, heading, true, due, NULL);
	for (int i = 0; i < n; i++)
		if (!strchr(it[i].text, '|'))
			from_sentence(c, sid, heading, it[i].text, true, dues[i] ? dues[i] : due, NULL);
	free(due);
}

/* ---- role labels inside a paragraph ---- */

/* Where the text after a ". " or "; " at p is a role label ("…; thời hạn
 * hoàn thành: …", "Cơ quan chủ trì: VP. Cơ quan phối hợp: …"): the role,
 * else ROLE_NONE. Tables are left alone: their cells are read by column. */
static enum role label_after(const char *text, size_t p, bool in_block)
{
	if (p < 2 || text[p - 1] != ' ')
		return ROLE_NONE;
	/* in a block, labels joined without a stop ("Cơ quan chủ trì: VP Cơ
	 * quan phối hợp: …") begin with a capital */
	uint32_t cp = 0;
	utf8_decode(text + p, strlen(text + p), &cp);
	if (!strchr(".;", text[p - 2]) && !(in_block && text_cp_is_upper(cp)))
		return ROLE_NONE;
	const char *v;
	enum role r = line_role(text + p, &v);
	return r == ROLE_TASKS ? ROLE_NONE : r;
}

/* The text [s, e) without the ";" and spaces that end it. */
static char *piece(const char *text, size_t s, size_t e)
{
	while (e > s && (text[e - 1] == ' ' || text[e - 1] == ';'))
		e--;
	return xstrndup(text + s, e - s);
}

/* One item as its pieces: a role line whose paragraph goes on with more
 * role labels becomes one line per label (a block written on one line); a
 * sentence followed by a deadline label keeps the sentence as the item and
 * the deadline as its own (*due, malloc'd). Other labels after a sentence
 * become lines of their own. Appends to *out. */
static void split_one(const struct section_item *src, struct section_item **out, char ***dues,
		      int *n)
{
	const char *t = src->text, *v;
	bool head_role = line_role(t, &v) != ROLE_NONE;
	size_t len = strlen(t), s = 0;
	int head = -1;
	for (size_t p = len ? 1 : 0; p <= len; p++) {
		enum role r = p < len ? label_after(t, p, head_role) : ROLE_NONE;
		if (p < len && r == ROLE_NONE)
			continue;
		/* a piece [s, p) ends here */
		char *txt = piece(t, s, p);
		if (head >= 0 && !head_role && s && line_role(txt, &v) == ROLE_DUE &&
		    !(*dues)[head]) {
			(*dues)[head] = role_value(v);
			free(txt);
		} else {
			*out = xrealloc(*out, sizeof **out * (size_t)(*n + 1));
			*dues = xrealloc(*dues, sizeof **dues * (size_t)(*n + 1));
			(*out)[*n] = *src;
			(*out)[*n].text = txt;
			(*dues)[*n] = NULL;
			if (head < 0)
				head = *n;
			(*n)++;
		}
		s = p;
	}
}

/* The items of a section with their role labels split out; dues[i] is the
 * deadline written after item i's own sentence, or NULL. */
static void split_items(struct section_item **it, int *n, char ***dues)
{
	struct section_item *out = NULL;
	int m = 0;
	*dues = NULL;
	for (int i = 0; i < *n; i++) {
		if (strchr((*it)[i].text, '|')) {
			out = xrealloc(out, sizeof *out * (size_t)(m + 1));
			*dues = xrealloc(*dues, sizeof **dues * (size_t)(m + 1));
			out[m] = (*it)[i];
			out[m].text = xstrdup((*it)[i].text);
			(*dues)[m++] = NULL;
		} else {
			split_one(&(*it)[i], &out, dues, &m);
		}
	}
	section_items_free(*it, *n);
	*it = out;
	*n = m;
}

/* ---- annex tables ---- */

enum col { C_TASK, C_PRODUCT, C_LEAD, C_CO, C_DUE, NCOLS };

/* Column indexes from a table header row "STT | Nhiệm vụ | Sản phẩm | ...". */
static bool table_header(const char *row, int idx[NCOLS])
{
	for (int k = 0; k < NCOLS; k++)
		idx[k] = -1;
	char *f = text_fold(row, false);
	int i = 0, doer = -1;
	char *save = NULL;
	for (char *cell = strtok_r(f, "|", &save); cell; cell = strtok_r(NULL, "|", &save), i++) {
		if (strstr(cell, "nhiem vu") || strstr(cell, "noi dung"))
			idx[C_TASK] = idx[C_TASK] < 0 ? i : idx[C_TASK];
		else if (strstr(cell, "san pham"))
			idx[C_PRODUCT] = i;
		else if (strstr(cell, "chu tri"))
			idx[C_LEAD] = i;
		else if (strstr(cell, "phoi hop"))
			idx[C_CO] = i;
		else if (strstr(cell, "thoi gian") || strstr(cell, "thoi han") || strstr(cell, "tien do"))
			idx[C_DUE] = i;
		else if (strstr(cell, "thuc hien") || strstr(cell, "trach nhiem"))
			doer = i;
	}
	free(f);
	if (idx[C_LEAD] < 0)
		idx[C_LEAD] = doer;
	return idx[C_TASK] >= 0 && idx[C_LEAD] >= 0;
}

static char *cell_at(const char *row, int k)
{
	if (k < 0)
		return xstrdup("");
	const char *p = row;
	for (int i = 0; i < k && p; i++) {
		p = strchr(p, '|');
		if (p)
			p++;
	}
	if (!p)
		return xstrdup("");
	while (*p == ' ')
		p++;
	size_t n = strcspn(p, "|");
	while (n > 0 && p[n - 1] == ' ')
		n--;
	return xstrndup(p, n);
}

static void from_row(struct ctx *c, int64_t sid, char *v[NCOLS])
{
	struct party lead = { 0 }, co = { 0 };
	party_of_text(c, v[C_LEAD], &lead);
	party_of_text(c, v[C_CO], &co);
	add(c, sid, v[C_TASK], v[C_PRODUCT], v[C_DUE], &lead, &co);
	party_free(&lead);
	party_free(&co);
}

/* Rows of an annex table whose first cell is a number. */
static void from_table(struct ctx *c, int64_t sid, struct section_item *it, int n)
{
	int idx[NCOLS];
	bool have = false;
	for (int i = 0; i < n; i++) {
		const char *row = it[i].text;
		if (row[0] == '|')
			row++;
		if (!strchr(row, '|'))
			continue;
		int head[NCOLS];
		if (table_header(row, head)) {
			memcpy(idx, head, sizeof idx);
			have = true;
			continue;
		}
		char *first = cell_at(row, 0);
		bool numbered = have && first[0] >= '0' && first[0] <= '9';
		free(first);
		if (!numbered)
			continue;
		char *v[NCOLS];
		for (int k = 0; k < NCOLS; k++)
			v[k] = cell_at(row, idx[k]);
		if (*v[C_TASK])
			from_row(c, sid, v);
		for (int k = 0; k < NCOLS; k++)
			free(v[k]);
	}
}

/* Subsections whose headings are role labels ("a) Nội dung: …", "b) Cơ
 * quan chủ trì: …") are the role lines of section i: their headings are
 * added to its items and they are marked as no sections of their own. */
static void label_children(const struct section_info *s, int ns, int i, bool *label,
			   struct section_item **it, int *ni)
{
	const char *v;
	for (int j = i + 1; j < ns; j++) {
		if (s[j].parent_id != s[i].id || s[j].nchildren)
			continue;
		enum role r = line_role(s[j].heading, &v);
		if (r == ROLE_NONE || r == ROLE_TASKS)
			continue;
		label[j] = true;
		*it = xrealloc(*it, sizeof **it * (size_t)(*ni + 1));
		(*it)[(*ni)++] = (struct section_item){ .text = xstrdup(s[j].heading) };
	}
}

int suggest_tasks(struct db *db, int64_t plan_id, struct suggestion **out, int *n,
		  struct cchc_err *err)
{
	struct section_info *s;
	int ns;
	struct ctx c = { .db = db };
	if (section_list(db, plan_id, &s, &ns, err))
		return err->code;
	units_load(&c);
	struct block *blocks = xcalloc((size_t)ns + 1, sizeof *blocks);
	bool *label = xcalloc((size_t)ns + 1, sizeof *label);
	int rc = CCHC_OK;
	for (int i = 0; i < ns && !rc; i++) {
		struct section_item *it;
		int ni;
		if (label[i])
			continue;
		if ((rc = section_items(db, s[i].id, &it, &ni, err)))
			break;
		label_children(s, ns, i, label, &it, &ni);
		int parent = i - 1;
		while (parent >= 0 && s[parent].id != s[i].parent_id)
			parent--;
		bool inherits = parent >= 0 &&
			(blocks[parent].val[ROLE_LEAD] || blocks[parent].val[ROLE_DOER]);
		char **dues;
		split_items(&it, &ni, &dues);
		if (!from_roles(&c, &s[i], it, dues, ni, &blocks[i])) {
			if (inherits)
				from_parent_block(&c, &s[i], &blocks[parent]);
			else
				from_sentences(&c, s[i].id, s[i].heading, it, dues, ni);
		}
		from_table(&c, s[i].id, it, ni);
		for (int k = 0; k < ni; k++)
			free(dues[k]);
		free(dues);
		section_items_free(it, ni);
	}
	for (int i = 0; i < ns; i++)
		block_free(&blocks[i]);
	free(blocks);
	free(label);
	section_list_free(s, ns);
	units_free(&c);
	if (rc) {
		suggestions_free(c.v, c.n);
		return rc;
	}
	*out = c.v;
	*n = c.n;
	return CCHC_OK;
}

/* ---- accepting ---- */

/* The code of the unit named name: the one in the list, or, with create, a
 * new one (noted for the clerk); NULL when neither. */
static char *unit_for(struct db *db, const char *name, bool create, struct sbuf *notes,
		      struct cchc_err *err)
{
	char *code = unit_match(db, name);
	if (code || !create)
		return code;
	code = unit_new_code(db, name);
	if (unit_insert(db, name, code, "", NULL, err)) {
		free(code);
		return NULL;
	}
	sbuf_addf(notes, "đã thêm đơn vị \"%s\", ký hiệu %s (loại %s)\n", name, code,
		  unit_kind_guess(name));
	return code;
}

static bool has_task(struct db *db, const struct suggestion *s, const char *lead)
{
	sqlite3_stmt *st;
	bool found = false;
	if (sqlite3_prepare_v2(db->h, "SELECT 1 FROM task t JOIN unit u ON u.id = t.lead_unit_id "
			       "WHERE t.section_id = ?1 AND t.title = ?2 AND u.code = ?3 COLLATE NOCASE",
			       -1, &st, NULL) != SQLITE_OK)
		return false;
	sqlite3_bind_int64(st, 1, s->section_id);
	sqlite3_bind_text(st, 2, s->title, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, lead, -1, SQLITE_STATIC);
	found = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	return found;
}

/* The coordinating codes: the matched ones and the new units' (created or
 * noted as not found). */
static int co_codes_for(struct db *db, const struct suggestion *s, bool create, struct sbuf *co,
			struct sbuf *notes, struct cchc_err *err)
{
	sbuf_addf(co, "%s", s->co_codes);
	char *names = xstrdup(s->co_new), *save = NULL;
	int rc = CCHC_OK;
	for (char *n = strtok_r(names, ";", &save); n && !rc; n = strtok_r(NULL, ";", &save)) {
		n += strspn(n, " ");
		char *code = unit_for(db, n, create, notes, err);
		if (code)
			sbuf_addf(co, "%s%s", co->len ? "," : "", code);
		else if (create)
			rc = err->code;
		else
			sbuf_addf(notes, "chưa có đơn vị phối hợp \"%s\" trong danh sách: bỏ qua\n", n);
		free(code);
	}
	free(names);
	return rc;
}

static int add_one(struct db *db, const struct suggestion *s, const char *lead, const char *co,
		   int64_t **ids, int *nids, struct cchc_err *err)
{
	const char *v[64];
	int n = 0;
	char *codes = xstrdup(co), *save = NULL;
	for (char *c = strtok_r(codes, ",", &save); c && n < 64; c = strtok_r(NULL, ",", &save))
		if (strcasecmp(c, lead) != 0)
			v[n++] = c;
	struct task_input in = { .section_id = s->section_id, .title = s->title,
				 .product = s->product, .lead_code = lead, .due_text = s->due_text,
				 .co_codes = v, .nco = n, .status = -1 };
	int64_t id = 0;
	int rc = task_add_in_tx(db, &in, &id, err);
	free(codes);
	if (!rc) {
		*ids = xrealloc(*ids, sizeof **ids * (size_t)(*nids + 1));
		(*ids)[(*nids)++] = id;
	}
	return rc;
}

/* Whether kind is one of the comma-separated kinds ("*": all). */
static bool kind_in(const char *kinds, const char *kind)
{
	return strcmp(kinds, "*") == 0 || has_code(kinds, kind);
}

/* Units of a group's kinds that have no code yet get one (from their
 * initials), so that they get their task like the others and can be named
 * in later commands; each is noted for the clerk. */
static int code_group_members(struct db *db, const char *kinds, struct sbuf *notes,
			      struct cchc_err *err)
{
	sqlite3_stmt *st, *up;
	if (sqlite3_prepare_v2(db->h, "SELECT id, name, kind FROM unit WHERE active AND "
			       "coalesce(code, '') = '' ORDER BY id", -1, &st, NULL) != SQLITE_OK)
		return db_fail(db, SQLITE_ERROR, "đọc danh sách đơn vị", err);
	if (sqlite3_prepare_v2(db->h, "UPDATE unit SET code = ?2 WHERE id = ?1", -1, &up,
			       NULL) != SQLITE_OK) {
		sqlite3_finalize(st);
		return db_fail(db, SQLITE_ERROR, "đặt ký hiệu đơn vị", err);
	}
	int rc = CCHC_OK, step;
	while (!rc && (step = sqlite3_step(st)) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(st, 1);
		if (!kind_in(kinds, unit_kind_of((const char *)sqlite3_column_text(st, 2), name)))
			continue;
		char *code = unit_new_code(db, name);
		sqlite3_reset(up);
		sqlite3_bind_int64(up, 1, sqlite3_column_int64(st, 0));
		sqlite3_bind_text(up, 2, code, -1, SQLITE_TRANSIENT);
		if ((step = sqlite3_step(up)) != SQLITE_DONE)
			rc = db_fail(db, step, "đặt ký hiệu đơn vị", err);
		else
			sbuf_addf(notes, "đơn vị \"%s\" chưa có ký hiệu: đặt %s\n", name, code);
		free(code);
	}
	sqlite3_finalize(st);
	sqlite3_finalize(up);
	return rc;
}

int suggest_accept(struct db *db, const struct suggestion *s, bool create_units, int64_t **ids,
		   int *nids, struct sbuf *notes, struct cchc_err *err)
{
	struct sbuf co = SBUF_INIT;
	*ids = NULL;
	*nids = 0;
	int rc = co_codes_for(db, s, create_units, &co, notes, err);
	const char *co_s = co.s ? co.s : "";
	if (!rc && *s->group)
		rc = code_group_members(db, s->group, notes, err);
	if (!rc && *s->group) {
		char *members = suggest_group_codes(db, s->group), *save = NULL;
		if (!*members)
			rc = err_set(err, CCHC_EINPUT, "Chưa có đơn vị nào thuộc nhóm \"%s\" (loại %s); "
				     "đặt loại bằng cchc unit edit KÝ_HIỆU --kind %.*s", s->lead_text,
				     s->group, (int)strcspn(s->group, ","), s->group);
		for (char *m = strtok_r(members, ",", &save); m && !rc; m = strtok_r(NULL, ",", &save))
			if (!has_task(db, s, m))
				rc = add_one(db, s, m, co_s, ids, nids, err);
		free(members);
	} else if (!rc) {
		char *lead = *s->lead_new ? unit_for(db, s->lead_new, create_units, notes, err)
					  : xstrdup(s->lead_code);
		if (!lead && create_units)
			rc = err->code;
		else if (!lead)
			sbuf_addf(notes, "chưa có đơn vị \"%s\" trong danh sách: nhiệm vụ chưa có đơn vị "
				  "chủ trì (--create-units để thêm đơn vị)\n", s->lead_new);
		if (!rc)
			rc = add_one(db, s, lead ? lead : "", co_s, ids, nids, err);
		free(lead);
	}
	sbuf_free(&co);
	if (rc) {
		free(*ids);
		*ids = NULL;
		*nids = 0;
	}
	return rc;
}

void suggestions_free(struct suggestion *v, int n)
{
	for (int i = 0; i < n; i++) {
		struct suggestion *s = &v[i];
		free(s->title), free(s->product), free(s->due_text), free(s->lead_text);
		free(s->lead_code), free(s->co_text), free(s->co_codes);
		free(s->group), free(s->lead_new), free(s->co_new);
	}
	free(v);
}
