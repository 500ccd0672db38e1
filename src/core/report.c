#include <config.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/calendar.h"
#include "core/report.h"
#include "core/settings.h"
#include "core/task.h"
#include "store/datafile.h"
#include "text/fold.h"
#include "text/utf8.h"
#include "util/sbuf.h"

const struct report_section report_sections[] = {
	{ "chi-dao", "I. Công tác chỉ đạo, điều hành (kiểm tra, tuyên truyền, ...)" },
	{ "the-che", "II.1. Cải cách thể chế" },
	{ "tthc", "II.2. Cải cách thủ tục hành chính" },
	{ "bo-may", "II.3. Cải cách tổ chức bộ máy" },
	{ "cong-vu", "II.4. Cải cách chế độ công vụ" },
	{ "tai-chinh", "II.5. Cải cách tài chính công" },
	{ "so", "II.6. Chính quyền điện tử, chính quyền số" },
	{ "uu-diem", "III.1. Ưu điểm" },
	{ "han-che", "III.2. Tồn tại, hạn chế và nguyên nhân" },
	{ "phuong-huong", "IV. Phương hướng, nhiệm vụ kỳ tới" },
	{ "kien-nghi", "V. Kiến nghị, đề xuất" },
	{ NULL, NULL },
};

const struct report_section *report_section_find(const char *key)
{
	for (const struct report_section *s = report_sections; s->key; s++)
		if (strcmp(s->key, key) == 0)
			return s;
	return NULL;
}

static char *col(sqlite3_stmt *st, int i)
{
	const unsigned char *s = sqlite3_column_text(st, i);
	return xstrdup(s ? (const char *)s : "");
}

/* ------------------------------------------------------------ notes */

int report_note_get(struct db *db, const char *period, const char *key, char **text,
		    struct cchc_err *err)
{
	*text = NULL;
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db->h, "SELECT text FROM report_note WHERE period = ? AND "
				    "section = ?", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return db_fail(db, rc, "đọc nội dung báo cáo", err);
	sqlite3_bind_text(st, 1, period, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, key, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	*text = rc == SQLITE_ROW ? col(st, 0) : xstrdup("");
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? CCHC_OK : db_fail(db, rc, "đọc nội dung báo cáo",
									 err);
}

/* The clerk's text, checked: UTF-8, NFC, no control characters but line
 * breaks, trailing space removed. */
static int clean_note(const char *text, char **out, struct cchc_err *err)
{
	size_t bad;
	if (!utf8_valid(text, strlen(text), &bad))
		return err_set(err, CCHC_EINPUT, "Nội dung không phải văn bản UTF-8 hợp lệ");
	char *n = text_nfc(text);
	struct sbuf b = SBUF_INIT;
	for (const char *p = n; *p; p++)
		if ((unsigned char)*p >= 0x20 || *p == '\n')
			sbuf_addc(&b, *p == '\t' ? ' ' : *p);
	while (b.len && (b.s[b.len - 1] == '\n' || b.s[b.len - 1] == ' '))
		sbuf_trunc(&b, b.len - 1);
	free(n);
	*out = sbuf_detach(&b);
	return CCHC_OK;
}

int report_note_set(struct db *db, const char *period, const char *key, const char *text,
		    struct cchc_err *err)
{
	if (!report_section_find(key))
		return err_set(err, CCHC_EINPUT, "Không có mục báo cáo \"%s\" (xem cchc report "
			       "sections)", key);
	char *t = NULL;
	if (clean_note(text, &t, err))
		return err->code;
	sqlite3_stmt *st;
	int rc = db_begin(db, err);
	if (rc) {
		free(t);
		return rc;
	}
	rc = sqlite3_prepare_v2(db->h, *t ? "INSERT INTO report_note(period, section, text, "
				"updated_at) VALUES(?1, ?2, ?3, datetime('now')) ON CONFLICT(period, "
				"section) DO UPDATE SET text = excluded.text, updated_at = "
				"excluded.updated_at" : "DELETE FROM report_note WHERE period = ?1 AND "
				"section = ?2 AND ?3 = ''", -1, &st, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_text(st, 1, period, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, key, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, t, -1, SQLITE_STATIC);
		rc = sqlite3_step(st) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(db->h);
		sqlite3_finalize(st);
	}
	free(t);
	if (rc != SQLITE_OK) {
		db_rollback(db);
		return db_fail(db, rc, "lưu nội dung báo cáo", err);
	}
	return db_commit(db, err);
}

/* ------------------------------------------------------------ numbers */

void report_percent(int64_t part, int64_t whole, char out[16])
{
	if (whole <= 0) {
		snprintf(out, 16, "-");
		return;
	}
	snprintf(out, 16, "%.2f", 100.0 * (double)part / (double)whole);
	char *dot = strchr(out, '.');
	if (dot)
		*dot = ',';
}

char *report_number_text(const char *pattern, int number, int year)
{
	char n[16], y[8];
	/* blanks the width of a typed number, as in the header of a letter */
	snprintf(n, sizeof n, number > 0 ? "%02d" : "      ", number);
	snprintf(y, sizeof y, "%d", year);
	struct sbuf b = SBUF_INIT;
	/* an older database's value is the symbol alone ("/BC-SCT", or
	 * "BC-SCT" typed without its slash): the number goes before it */
	if (!strstr(pattern, "{n}") && *pattern && !(*pattern >= '0' && *pattern <= '9')) {
		sbuf_add(&b, n);
		if (*pattern != '/')
			sbuf_addc(&b, '/');
	}
	for (const char *p = pattern; *p;) {
		if (strncmp(p, "{n}", 3) == 0) {
			sbuf_add(&b, n);
			p += 3;
		} else if (strncmp(p, "{yyyy}", 6) == 0) {
			sbuf_add(&b, y);
			p += 6;
		} else {
			sbuf_addc(&b, *p++);
		}
	}
	return sbuf_detach(&b);
}

/* A date as the first citation of a document gives it (NĐ 30): the day
 * with two digits, the month with two only for January and February
 * ("09/6/2025", "15/01/2026"); "tháng 6/2024" when the day is blank. */
void report_cite_date(const char *iso, char out[24])
{
	int y, m, d;
	out[0] = 0;
	if (sscanf(iso, "%4d-%2d-%2d", &y, &m, &d) == 3)
		snprintf(out, 24, m <= 2 ? "%02d/%02d/%d" : "%02d/%d/%d", d % 100, m % 100, y % 10000);
	else if (sscanf(iso, "%4d-%2d", &y, &m) == 2)
		snprintf(out, 24, "tháng %d/%d", m % 100, y % 10000);
}

/* Text that goes after a word inside a sentence: its first letter in lower
 * case unless the first word is a name ("Ban hành quy chế" -> "ban hành
 * quy chế", "Sở Công Thương ..." and "UBND ..." stay). */
char *report_lower_first(const char *s)
{
	uint32_t c1, c2 = 0;
	size_t n1 = utf8_decode(s, strlen(s), &c1);
	if (!n1 || !text_cp_is_upper(c1))
		return xstrdup(s);
	utf8_decode(s + n1, strlen(s + n1), &c2);
	const char *sp = strchr(s, ' ');
	uint32_t w2 = 0;
	if (sp)
		utf8_decode(sp + 1, strlen(sp + 1), &w2);
	if (!text_cp_is_lower(c2) || (sp && text_cp_is_upper(w2)))
		return xstrdup(s);
	char first[8] = { 0 };
	memcpy(first, s, n1);
	char *low = text_fold(first, true);
	struct sbuf b = SBUF_INIT;
	sbuf_addf(&b, "%s%s", low, s + n1);
	free(low);
	return sbuf_detach(&b);
}

/* ------------------------------------------------------------ areas */

/* The reform areas of data/report-areas.txt: key, title, folded phrases. */
struct area_def {
	char key[16];
	char *title;
	char *phrases[12];
	int nphrases;
};

static void area_line(struct area_def *a, char *line)
{
	char *f[3] = { line, NULL, NULL };
	for (int i = 1; i < 3 && f[i - 1]; i++)
		if ((f[i] = strchr(f[i - 1], '|')))
			*f[i]++ = 0;
	char *key = text_squeeze(f[0]);
	snprintf(a->key, sizeof a->key, "%s", key);
	free(key);
	a->title = text_squeeze(f[1] ? f[1] : "");
	for (char *p = f[2]; p && *p && a->nphrases < 12;) {
		char *comma = strchr(p, ',');
		if (comma)
			*comma = 0;
		char *folded = text_fold(p, false), *sq = text_squeeze(folded);
		free(folded);
		if (*sq)
			a->phrases[a->nphrases++] = sq;
		else
			free(sq);
		p = comma ? comma + 1 : NULL;
	}
}

static int areas_load(struct area_def *areas, int max)
{
	char *text = datafile_read("data/report-areas.txt", NULL, NULL);
	int n = 0;
	for (char *line = text, *next; line && *line && n < max - 1; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = 0;
		else
			next = line + strlen(line);
		if (*line && *line != '#' && strchr(line, '|')) {
			memset(&areas[n], 0, sizeof areas[n]);
			area_line(&areas[n++], line);
		}
	}
	free(text);
	memset(&areas[n], 0, sizeof areas[n]);
	snprintf(areas[n].key, sizeof areas[n].key, "khac");
	areas[n].title = xstrdup("Nhiệm vụ khác");
	return n + 1;
}

static void areas_free(struct area_def *areas, int n)
{
	for (int i = 0; i < n; i++) {
		free(areas[i].title);
		for (int j = 0; j < areas[i].nphrases; j++)
			free(areas[i].phrases[j]);
	}
}

/* Whether folded text holds phrase as whole words. */
static bool has_phrase(const char *text, const char *phrase)
{
	size_t n = strlen(phrase);
	for (const char *p = text; (p = strstr(p, phrase)); p++) {
		bool start = p == text || p[-1] == ' ';
		bool end = p[n] == 0 || p[n] == ' ';
		if (start && end)
			return true;
	}
	return false;
}

/* The area of a heading, or -1. */
static int area_of_heading(const struct area_def *areas, int nareas, const char *heading)
{
	char *f = text_fold(heading, false), *words = xstrdup(f);
	for (char *p = words; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || (*p & 0x80)))
			*p = ' ';
	char *sq = text_squeeze(words);
	int found = -1;
	for (int i = 0; i < nareas - 1 && found < 0; i++)
		for (int j = 0; j < areas[i].nphrases && found < 0; j++)
			if (has_phrase(sq, areas[i].phrases[j]))
				found = i;
	free(f);
	free(words);
	free(sq);
	return found;
}

/* Each section's area: its own heading's, else its parent's. Sections are
 * read once, in document order, so a parent comes before its children. */
struct section_area {
	int64_t id;
	int area;
};

static int section_areas(struct db *db, const char *plans, const struct area_def *areas,
			 int nareas, struct section_area **out, int *n)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st;
	char *sql = NULL;
	struct sbuf b = SBUF_INIT;
	sbuf_addf(&b, "SELECT id, coalesce(parent_id, 0), heading FROM section WHERE plan_id IN "
		  "(%s) ORDER BY plan_id, seq", plans);
	sql = sbuf_detach(&b);
	int rc = sqlite3_prepare_v2(db->h, sql, -1, &st, NULL);
	free(sql);
	if (rc != SQLITE_OK)
		return rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t parent = sqlite3_column_int64(st, 1);
		int area = area_of_heading(areas, nareas, (const char *)sqlite3_column_text(st, 2));
		for (int i = *n - 1; area < 0 && parent && i >= 0; i--)
			if ((*out)[i].id == parent)
				area = (*out)[i].area;
		*out = xrealloc(*out, sizeof **out * (size_t)(*n + 1));
		(*out)[*n].id = sqlite3_column_int64(st, 0);
		(*out)[(*n)++].area = area;
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

static int section_area_cmp(const void *a, const void *b)
{
	const struct section_area *x = a, *y = b;
	return x->id < y->id ? -1 : x->id > y->id;
}

/* s sorted by id (section_area_cmp): a task's area in log time, a plan of
 * a thousand sections holding a hundred thousand tasks. */
static int area_of_section(const struct section_area *s, int n, int64_t id, int other)
{
	struct section_area key = { id, 0 };
	const struct section_area *hit = bsearch(&key, s, (size_t)n, sizeof *s, section_area_cmp);
	return hit && hit->area >= 0 ? hit->area : other;
}

/* ------------------------------------------------------------ plans */

/* Whether a document number holds its number ("12/KH-SCT"), not only the
 * symbol of one left blank ("/KH-SCT"). */
static bool has_number(const char *doc_no)
{
	return *doc_no >= '0' && *doc_no <= '9';
}

/* An agency's name from a header in capitals, as a sentence cites it:
 * the kind of body and the first word of its own name capitalised, each
 * part after "và", "," or "-" too, a place name after "tỉnh", "huyện"...
 * whole, acronyms kept: "SỞ KẾ HOẠCH VÀ ĐẦU TƯ" -> "Sở Kế hoạch và Đầu
 * tư", "UBND TỈNH LẠNG SƠN" -> "UBND tỉnh Lạng Sơn", "SỞ CÔNG THƯƠNG" ->
 * "Sở Công Thương" (the name of its ministry). */
char *report_agency_name_case(const char *caps)
{
	static const char *const acronyms[] = { "UBND", "HĐND", "MTTQ", "TP", "TTHC", "CCHC" };
	static const struct {
		const char *words;
		bool named;                  /* a name of its own follows */
	} kinds[] = { { "ủy ban nhân dân", false }, { "uỷ ban nhân dân", false },
		      { "hội đồng nhân dân", false }, { "chi cục", true }, { "văn phòng", true },
		      { "thanh tra", true }, { "trung tâm", true }, { "sở", true }, { "ban", true },
		      { "cục", true }, { "bộ", true }, { "phòng", true } };
	static const char *const places[] = { "tỉnh", "huyện", "quận", "xã", "phường",
					      "thành phố", "thị xã", "thị trấn" };
	char *low = text_lower(caps);
	char *words[64];
	const char *orig[64];
	char *ocopy = xstrdup(caps);
	int n = 0;
	char *save = NULL;
	for (char *p = strtok_r(low, " ", &save); p && n < 64; p = strtok_r(NULL, " ", &save))
		words[n++] = p;
	int m = 0;
	for (char *p = strtok_r(ocopy, " ", &save); p && m < n; p = strtok_r(NULL, " ", &save))
		orig[m++] = p;
	bool cap[64] = { true };
	struct sbuf joined = SBUF_INIT;
	for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
		sbuf_trunc(&joined, 0);
		int used = 0;
		for (; used < n && joined.len < strlen(kinds[k].words); used++)
			sbuf_addf(&joined, "%s%s", used ? " " : "", words[used]);
		if (joined.len && strcmp(joined.s, kinds[k].words) == 0) {
			if (kinds[k].named && used < n)
				cap[used] = true;
			break;
		}
	}
	sbuf_free(&joined);
	int place_from = n;              /* the words of a place name, from here */
	for (int i = 0; i < n; i++) {
		bool part = i > 0 && (strcmp(words[i - 1], "và") == 0 || strcmp(words[i - 1], "-") == 0 ||
				      words[i - 1][strlen(words[i - 1]) - 1] == ',');
		cap[i] = cap[i] || i >= place_from || (part && i < place_from);
		/* "và Xã hội" starts a part of the name, not a place */
		for (size_t k = 0; k < sizeof places / sizeof places[0] && place_from == n && !part; k++) {
			const char *sp = strchr(places[k], ' ');
			if (!sp && strcmp(words[i], places[k]) == 0)
				place_from = i + 1;
			else if (sp && i + 1 < n && strncmp(words[i], places[k], (size_t)(sp - places[k])) == 0 &&
				 !words[i][sp - places[k]] && strcmp(words[i + 1], sp + 1) == 0)
				place_from = i + 2, i++;
		}
		if (strcmp(words[i], "công") == 0 && i + 1 < n && strncmp(words[i + 1], "thương", 7) == 0)
			cap[i] = cap[i + 1] = true;
	}
	struct sbuf out = SBUF_INIT;
	for (int i = 0; i < n; i++) {
		bool acronym = false;
		for (size_t k = 0; k < sizeof acronyms / sizeof acronyms[0] && i < m; k++)
			acronym = acronym || strncmp(orig[i], acronyms[k], strlen(acronyms[k])) == 0;
		char *w = acronym ? xstrdup(orig[i]) : cap[i] ? text_capitalize(words[i]) : xstrdup(words[i]);
		sbuf_addf(&out, "%s%s", i ? " " : "", w);
		free(w);
	}
	sbuf_add(&out, "");
	free(low);
	free(ocopy);
	return sbuf_detach(&out);
}

/* A plan as its first citation in the report names it: "Kế hoạch số
 * 12/KH-SCT ngày 15/01/2026 của Sở Công Thương về ..."; a plan whose number
 * is blank is named by its title and date ("Kế hoạch triển khai ... ngày
 * 15/01/2026 của ..."), never "Kế hoạch số /KH-...". */
static void cite_plan(struct sbuf *b, sqlite3_stmt *st, const char *org)
{
	const char *no = (const char *)sqlite3_column_text(st, 1);
	const char *issuer = (const char *)sqlite3_column_text(st, 4);
	char d[24];
	report_cite_date((const char *)sqlite3_column_text(st, 2), d);
	char *title = report_lower_first((const char *)sqlite3_column_text(st, 3));
	if (has_number(no))
		sbuf_addf(b, "Kế hoạch số %s", no);
	else
		sbuf_addf(b, "Kế hoạch %s", title);
	if (*d)
		sbuf_addf(b, "%s%s", strncmp(d, "tháng", 6) ? " ngày " : " ", d);
	/* the header holds the issuer in capitals: the agency's own name is
	 * cited as org.name writes it */
	char *fi = text_fold(issuer, false), *fo = text_fold(org, false);
	char *ft = text_fold(title, false);
	/* a title that names its issuer ("... năm 2025 của Sở Nội vụ") is not
	 * followed by it a second time */
	if (*issuer && !strstr(ft, fi)) {
		char *named = *org && strcmp(fi, fo) == 0 ? xstrdup(org) : text_all_upper(issuer) ?
			      report_agency_name_case(issuer) : xstrdup(issuer);
		sbuf_addf(b, " của %s", named);
		free(named);
	}
	free(fi);
	free(fo);
	free(ft);
	if (has_number(no))
		sbuf_addf(b, " về %s", title);
	free(title);
}

/* The ids of the plans the report covers, as an SQL list ("3,4"), and a
 * phrase citing them. */
static char *choose_plans(struct db *db, int year, int64_t plan_id, char **sentence)
{
	char *org = settings_get(db, "org.name");
	struct sbuf ids = SBUF_INIT, text = SBUF_INIT;
	sqlite3_stmt *st;
#define PLAN_COLS "id, doc_no, coalesce(issued_on, ''), title, issuer"
	const char *sql = plan_id ? "SELECT " PLAN_COLS " FROM plan WHERE id = ?2"
			  : "SELECT " PLAN_COLS " FROM plan WHERE "
			    "year = ?1 AND (is_demo = 0 OR NOT EXISTS (SELECT 1 FROM plan WHERE "
			    "year = ?1 AND is_demo = 0)) UNION ALL SELECT * FROM (SELECT " PLAN_COLS
			    " FROM plan WHERE NOT EXISTS (SELECT 1 FROM "
			    "plan WHERE year = ?1) ORDER BY is_demo, year DESC, id DESC LIMIT 1) ORDER BY 1";
#undef PLAN_COLS
	if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_int(st, 1, year);
		sqlite3_bind_int64(st, 2, plan_id);
		while (sqlite3_step(st) == SQLITE_ROW) {
			sbuf_addf(&ids, "%s%lld", ids.len ? "," : "", (long long)sqlite3_column_int64(st, 0));
			if (text.len)
				sbuf_add(&text, "; ");
			cite_plan(&text, st, org);
		}
		sqlite3_finalize(st);
	}
	free(org);
	if (!ids.len)
		sbuf_add(&ids, "0");
	*sentence = sbuf_detach(&text);
	return sbuf_detach(&ids);
}

/* ------------------------------------------------------------ tasks */

static const char TASKS_SQL[] =
	"SELECT t.id, t.section_id, t.title, coalesce(u.name, ''), coalesce(t.due_on, ''), "
	"coalesce(t.done_on, ''), t.status, (SELECT group_concat(e.kind || char(31) || e.doc_no || "
	"char(31) || coalesce(e.issued_on, '') || char(31) || e.summary, char(30)) "
	"FROM evidence_task et JOIN evidence e ON e.id = "
	"et.evidence_id WHERE et.task_id = t.id) FROM task t LEFT JOIN unit u ON u.id = "
	"t.lead_unit_id WHERE t.plan_id IN (%s) ORDER BY coalesce(t.done_on, t.due_on, '9999'), t.id";

/* The start of s folded as text_fold(s, false) begins, at least 8 bytes of
 * it unless s is shorter: what tells a summary written "V/v ..." or "Về
 * việc ..." (a year's tasks cite thousands of documents, whose whole
 * summaries were folded for it). s is cut before an ASCII character, which
 * no normalization joins to what precedes it, so the folded head is the
 * folded whole's beginning; text that is not UTF-8 folds to nothing, as
 * text_fold's does. */
static char *fold_start(const char *s)
{
	size_t n = strlen(s), cut = 16;
	while (cut < n && (unsigned char)s[cut] >= 0x80)
		cut++;
	if (cut >= n || !utf8_valid(s, n, NULL))
		return text_fold(s, false);
	char *head = xmalloc(cut + 1);
	memcpy(head, s, cut);
	head[cut] = 0;
	char *f = text_fold(head, false);
	free(head);
	if (strlen(f) >= 8)
		return f;
	free(f);
	return text_fold(s, false);
}

/* One evidence record cited as a document: "Quyết định số 12/QĐ-SCT ngày
 * 20/01/2026 về việc ban hành ...". */
static void cite_evidence(struct sbuf *b, char *rec)
{
	static const struct {
		const char *kind, *name;
	} names[] = { { "quyet-dinh", "Quyết định" }, { "ke-hoach", "Kế hoạch" },
		      { "bao-cao", "Báo cáo" }, { "cong-van", "Công văn" },
		      { "thong-bao", "Thông báo" }, { "bien-ban", "Biên bản" },
		      { "hinh-anh", "Hình ảnh" } };
	char *f[4] = { rec, "", "", "" };
	for (int i = 1; i < 4 && (f[i] = strchr(f[i - 1], 31)); i++)
		*f[i]++ = 0;
	for (int i = 1; i < 4; i++)
		f[i] = f[i] ? f[i] : "";
	const char *name = "Tài liệu";
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strcmp(names[i].kind, f[0]) == 0)
			name = names[i].name;
	char d[24];
	report_cite_date(f[2], d);
	sbuf_add(b, name);
	if (*f[1])
		sbuf_addf(b, " số %s", f[1]);
	if (*d)
		sbuf_addf(b, "%s%s", strncmp(d, "tháng", 6) ? " ngày " : " ", d);
	if (*f[3]) {
		char *folded = fold_start(f[3]);
		/* a summary written "V/v ..." or "Về việc ..." already says it */
		bool said = strncmp(folded, "v/v ", 4) == 0 || strncmp(folded, "ve viec ", 8) == 0;
		char *low = report_lower_first(said && folded[1] == '/' ? f[3] + 4 : f[3]);
		sbuf_addf(b, " %s%s", said && folded[1] != '/' ? "" : "về việc ", low);
		free(low);
		free(folded);
	}
}

static char *evidence_text(sqlite3_stmt *st, int i)
{
	char *all = col(st, i);
	struct sbuf b = SBUF_INIT;
	sbuf_add(&b, "");
	for (char *p = all, *next; p && *p; p = next) {
		if ((next = strchr(p, 30)))
			*next++ = 0;
		if (b.len)
			sbuf_add(&b, "; ");
		cite_evidence(&b, p);
	}
	free(all);
	/* a year's tasks each keep theirs while the report is laid out: in a
	 * block of its size, not of the buffer's doubling */
	size_t n = b.len + 1;
	return xrealloc(sbuf_detach(&b), n);
}

static void task_push(struct report_task **v, int *n, sqlite3_stmt *st, int area)
{
	*v = xrealloc(*v, sizeof **v * (size_t)(*n + 1));
	struct report_task *t = &(*v)[(*n)++];
	memset(t, 0, sizeof *t);
	t->id = sqlite3_column_int64(st, 0);
	t->area = area;
	t->title = col(st, 2);
	t->unit = col(st, 3);
	t->due_on = col(st, 4);
	t->done_on = col(st, 5);
	t->evidence = evidence_text(st, 7);
}

/* The working days a task is overdue as of asof. */
static int overdue_days(struct calendar *cal, const char *due, const char *asof)
{
	struct ymd a, b;
	int n = 0;
	struct cchc_err err;
	if (!date_parse_iso(due, &a) || !date_parse_iso(asof, &b) || calendar_between(cal, a, b, &n,
										      &err))
		return 0;
	return n;
}

/* A recurring task's missed reports ("quý I/2026, quý II/2026") into the
 * figures' list, with its deadline in force as its due_on. */
static void push_missed(struct report_figures *f, sqlite3_stmt *st, int area,
			const struct task_track *tr, const char *due)
{
	task_push(&f->missed, &f->nmissed, st, area);
	struct report_task *t = &f->missed[f->nmissed - 1];
	free(t->due_on);
	t->due_on = xstrdup(due);
	struct sbuf b = SBUF_INIT;
	for (int i = 0; i < tr->t.nmissed; i++) {
		char label[32];
		due_occurrence_label(tr->every, tr->t.missed[i], label, sizeof label);
		sbuf_addf(&b, "%s%s", i ? ", " : "", label);
	}
	t->missed = sbuf_detach(&b);
}

/* Sorts one task into the figures: its area's counts and the lists. A
 * recurring task (tr) is due as it stood on asof, not as stored today. */
static void count_task(struct report_figures *f, sqlite3_stmt *st, int area, const char *next_to,
		       struct calendar *cal, const struct task_track *tr)
{
	const char *due = (const char *)sqlite3_column_text(st, 4);
	char due_then[11] = "";
	if (tr) {
		if (tr->t.due.y)
			date_format_iso(tr->t.due, due_then);
		due = due_then;
	}
	const char *done = (const char *)sqlite3_column_text(st, 5);
	const char *status = (const char *)sqlite3_column_text(st, 6);
	bool is_done = strcmp(status, "done") == 0 && *done && strcmp(done, f->to) <= 0;
	bool open = !is_done && strcmp(status, "paused") != 0;
	struct report_area *a = &f->areas[area];
	a->total++;
	f->tasks_total++;
	if (is_done) {
		a->done++;
		f->tasks_done++;
	}
	if (is_done && strcmp(done, f->from) >= 0) {
		a->done_in_period++;
		task_push(&f->finished, &f->nfinished, st, area);
	}
	if (open && *due && strcmp(due, f->asof) < 0) {
		a->overdue++;
		f->tasks_overdue++;
		task_push(&f->overdue, &f->noverdue, st, area);
		f->overdue[f->noverdue - 1].days_overdue = overdue_days(cal, due, f->asof);
		free(f->overdue[f->noverdue - 1].due_on);
		f->overdue[f->noverdue - 1].due_on = xstrdup(due);
	} else if (open && *due && strcmp(due, next_to) <= 0) {
		task_push(&f->next, &f->nnext, st, area);
		free(f->next[f->nnext - 1].due_on);
		f->next[f->nnext - 1].due_on = xstrdup(due);
	}
	if (open && tr && tr->t.nmissed)
		push_missed(f, st, area, tr, due);
}

/* The end of the "kỳ tới" window: three months after the period. */
static void next_window(const char *to, char out[11])
{
	struct ymd d;
	date_parse_iso(to, &d);
	d.m += 3;
	if (d.m > 12) {
		d.m -= 12;
		d.y++;
	}
	if (d.d > date_days_in_month(d.y, d.m))
		d.d = date_days_in_month(d.y, d.m);
	date_format_iso(d, out);
}

static int gather_tasks(struct db *db, const char *plans, struct report_figures *f,
			struct cchc_err *err)
{
	struct area_def areas[REPORT_MAX_AREAS];
	int nareas = areas_load(areas, REPORT_MAX_AREAS);
	f->nareas = nareas;
	for (int i = 0; i < nareas; i++) {
		memcpy(f->areas[i].key, areas[i].key, sizeof f->areas[i].key);
		f->areas[i].title = xstrdup(areas[i].title);
	}
	struct section_area *sa;
	int nsa, rc = section_areas(db, plans, areas, nareas, &sa, &nsa);
	areas_free(areas, nareas);
	if (rc != SQLITE_OK)
		return db_fail(db, rc, "đọc đề mục kế hoạch", err);
	if (nsa > 1)
		qsort(sa, (size_t)nsa, sizeof *sa, section_area_cmp);
	struct sbuf sql = SBUF_INIT;
	sbuf_addf(&sql, TASKS_SQL, plans);
	sqlite3_stmt *st;
	rc = sqlite3_prepare_v2(db->h, sql.s, -1, &st, NULL);
	sbuf_free(&sql);
	if (rc != SQLITE_OK) {
		free(sa);
		return db_fail(db, rc, "đọc nhiệm vụ", err);
	}
	char next_to[11];
	next_window(f->to, next_to);
	struct task_track *tracks;
	int ntracks;
	struct ymd asof;
	date_parse_iso(f->asof, &asof);
	if (task_tracks(db, plans, asof, &tracks, &ntracks, err)) {
		sqlite3_finalize(st);
		free(sa);
		return err->code;
	}
	struct calendar *cal = calendar_new();
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		count_task(f, st, area_of_section(sa, nsa, sqlite3_column_int64(st, 1), nareas - 1),
			   next_to, cal, task_track_find(tracks, ntracks, sqlite3_column_int64(st, 0)));
	calendar_free(cal);
	free(tracks);
	sqlite3_finalize(st);
	free(sa);
	return rc == SQLITE_DONE ? CCHC_OK : db_fail(db, rc, "đọc nhiệm vụ", err);
}

/* Only the tasks' totals, as count_task counts them: done when marked done
 * on or before the period's end. */
static int count_tasks(struct db *db, const char *plans, struct report_figures *f,
		       struct cchc_err *err)
{
	struct sbuf sql = SBUF_INIT;
	sbuf_addf(&sql, "SELECT count(*), total(status = 'done' AND coalesce(done_on, '') <> '' AND "
		  "done_on <= ?1) FROM task WHERE plan_id IN (%s)", plans);
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db->h, sql.s, -1, &st, NULL);
	sbuf_free(&sql);
	if (rc == SQLITE_OK) {
		sqlite3_bind_text(st, 1, f->to, -1, SQLITE_STATIC);
		if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			f->tasks_total = sqlite3_column_int64(st, 0);
			f->tasks_done = (int64_t)sqlite3_column_double(st, 1);
			rc = SQLITE_OK;
		}
		sqlite3_finalize(st);
	}
	return rc == SQLITE_OK ? CCHC_OK : db_fail(db, rc, "đọc nhiệm vụ", err);
}

/* ------------------------------------------------------------ other registers */

static int gather_indices(struct db *db, struct report_figures *f, struct cchc_err *err)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db->h, "SELECT year, idx, value, coalesce(rank, 0), "
				    "coalesce(rank_of, 0), target FROM index_result WHERE year <= ?1 "
				    "ORDER BY CASE idx WHEN 'par' THEN 1 WHEN 'sipas' THEN 2 ELSE 3 END, "
				    "year", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return db_fail(db, rc, "đọc kết quả chỉ số", err);
	sqlite3_bind_int(st, 1, f->period.year);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		f->indices = xrealloc(f->indices, sizeof *f->indices * (size_t)(f->nindices + 1));
		struct report_index *x = &f->indices[f->nindices++];
		x->year = sqlite3_column_int(st, 0);
		snprintf(x->idx, sizeof x->idx, "%s", sqlite3_column_text(st, 1));
		x->value = sqlite3_column_double(st, 2);
		x->rank = sqlite3_column_int(st, 3);
		x->rank_of = sqlite3_column_int(st, 4);
		snprintf(x->target, sizeof x->target, "%s", sqlite3_column_text(st, 5));
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? CCHC_OK : db_fail(db, rc, "đọc kết quả chỉ số", err);
}

/* The dossiers, letters and feedback of the period; only what the rates
 * need when not full (the year before's, for the annual report). */
static int gather_registers(struct db *db, struct report_figures *f, bool full,
			    struct cchc_err *err)
{
	/* the monthly counts of schema 22, the total being the fields' sum */
	if (dossier_stats_period(db, f->from, f->to, full, &f->dossiers_by_field, &f->nfields,
				 full ? &f->dossiers_by_unit : NULL, &f->nunits, err))
		return err->code;
	for (int i = 0; i < f->nfields; i++)
		dossier_stats_add(&f->dossiers, &f->dossiers_by_field[i]);
	struct letter_filter lf = { .from = f->from, .to = f->to };
	if (full && (letter_coverage(db, f->from, f->to, &f->letters, err) ||
		     letter_list(db, &lf, &f->letter_list, &f->nletters, err)))
		return err->code;
	return (full ? feedback_stats : feedback_stats_counts)(db, f->period.from, f->period.to,
							      &f->feedback, err);
}

static void rates_of(const struct report_figures *f, struct report_rates *r)
{
	r->tasks_done = f->tasks_done;
	r->tasks_total = f->tasks_total;
	r->dossiers_ok = f->dossiers.resolved_early + f->dossiers.resolved_on_time;
	r->dossiers_resolved = f->dossiers.resolved_total;
	r->feedback_handled = f->feedback.handled_total;
	r->feedback_total = f->feedback.received + f->feedback.carried;
}

static bool year_has_plan(struct db *db, int year)
{
	sqlite3_stmt *st;
	bool yes = false;
	if (sqlite3_prepare_v2(db->h, "SELECT 1 FROM plan WHERE year = ?", -1, &st, NULL) ==
	    SQLITE_OK) {
		sqlite3_bind_int(st, 1, year);
		yes = sqlite3_step(st) == SQLITE_ROW;
		sqlite3_finalize(st);
	}
	return yes;
}

static int figures_gather(struct db *db, const struct period *p, int64_t plan_id,
			  struct report_figures *f, bool compare, struct cchc_err *err);

/* The year before's rates for the annual report, computed the same way
 * over the year before's period; its tasks only when it had a plan. */
static int previous_year(struct db *db, const struct period *p, struct report_figures *f,
			 struct cchc_err *err)
{
	struct period q;
	char code[16];
	snprintf(code, sizeof code, "%d", p->year - 1);
	if (period_parse(code, settings_get_int(db, "period.cutoff_day", 15), &q, err))
		return err->code;
	struct report_figures g;
	if (figures_gather(db, &q, 0, &g, false, err))
		return err->code;
	rates_of(&g, &f->prev);
	if (!year_has_plan(db, q.year))
		f->prev.tasks_done = f->prev.tasks_total = 0;
	f->has_prev = true;
	report_figures_free(&g);
	return CCHC_OK;
}

int report_figures(struct db *db, const struct period *p, int64_t plan_id,
		   struct report_figures *f, struct cchc_err *err)
{
	return figures_gather(db, p, plan_id, f, true, err);
}

static int figures_gather(struct db *db, const struct period *p, int64_t plan_id,
			  struct report_figures *f, bool compare, struct cchc_err *err)
{
	memset(f, 0, sizeof *f);
	f->period = *p;
	period_iso(p, f->from, f->to);
	struct ymd today;
	if (date_today(&today, err))
		return err->code;
	char t[11];
	date_format_iso(today, t);
	snprintf(f->asof, sizeof f->asof, "%s", strcmp(t, f->to) < 0 ? t : f->to);
	char *plans = choose_plans(db, p->year, plan_id, &f->plans);
	/* the year before's tasks give only their rate, and only when it had
	 * a plan of its own (previous_year): two counts, no lists */
	int rc = compare ? gather_tasks(db, plans, f, err) : year_has_plan(db, p->year) ?
		 count_tasks(db, plans, f, err) : CCHC_OK;
	free(plans);
	if (!rc)
		rc = gather_registers(db, f, compare, err);
	if (!rc)
		rc = gather_indices(db, f, err);
	rates_of(f, &f->cur);
	/* the year before's own figures never compare further back */
	if (!rc && p->kind == PERIOD_YEAR && compare)
		rc = previous_year(db, p, f, err);
	if (rc)
		report_figures_free(f);
	return rc;
}

static void tasks_free(struct report_task *v, int n)
{
	for (int i = 0; i < n; i++) {
		free(v[i].title);
		free(v[i].unit);
		free(v[i].due_on);
		free(v[i].done_on);
		free(v[i].evidence);
		free(v[i].missed);
	}
	free(v);
}

void report_figures_free(struct report_figures *f)
{
	free(f->plans);
	for (int i = 0; i < f->nareas; i++)
		free(f->areas[i].title);
	tasks_free(f->finished, f->nfinished);
	tasks_free(f->overdue, f->noverdue);
	tasks_free(f->next, f->nnext);
	tasks_free(f->missed, f->nmissed);
	free(f->dossiers_by_field);
	free(f->dossiers_by_unit);
	letter_list_free(f->letter_list, f->nletters);
	free(f->indices);
	memset(f, 0, sizeof *f);
}

/* ------------------------------------------------------------ settings */

char *report_missing_settings(struct db *db)
{
	static const char *const keys[] = { "org.name", "org.place", "org.parent", "report.signer",
					    "report.to" };
	struct sbuf b = SBUF_INIT;
	sbuf_add(&b, "");
	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		char *v = settings_get(db, keys[i]);
		/* the name taken from a plan's header is in capitals ("SỞ TƯ
		 * PHÁP"): sentences need it as written ("Sở Tư pháp") */
		bool caps = i == 0 && !text_is_blank(v, strlen(v)) && text_all_upper(v);
		if (text_is_blank(v, strlen(v)) || caps)
			sbuf_addf(&b, "%s%s%s", b.len ? ", " : "", keys[i],
				  caps ? " (đang là chữ in hoa)" : "");
		free(v);
	}
	return sbuf_detach(&b);
}

/* ------------------------------------------------------------ deadlines */

static const struct {
	enum period_kind kind;
	const char *key, *suffix;
} deadlines[] = {
	{ PERIOD_Q1, "report.deadline.q1", "-Q1" }, { PERIOD_H1, "report.deadline.h1", "-H1" },
	{ PERIOD_Q3, "report.deadline.q3", "-Q3" }, { PERIOD_9M, "report.deadline.9m", "-9M" },
	{ PERIOD_YEAR, "report.deadline.year", "" },
};

bool report_deadline(struct db *db, const struct period *p, struct ymd *out)
{
	for (size_t i = 0; i < sizeof deadlines / sizeof deadlines[0]; i++) {
		if (deadlines[i].kind != p->kind)
			continue;
		char *v = settings_get(db, deadlines[i].key);
		int d, m;
		bool ok = sscanf(v, "%d/%d", &d, &m) == 2;
		free(v);
		if (!ok)
			return false;
		/* a January deadline of the year report belongs to the next year */
		out->y = p->year + (p->kind == PERIOD_YEAR && m < 6);
		out->m = m;
		out->d = d;
		return date_valid(out->y, out->m, out->d);
	}
	return false;
}

static int ymd_cmp(struct ymd a, struct ymd b)
{
	return a.y != b.y ? a.y - b.y : a.m != b.m ? a.m - b.m : a.d - b.d;
}

bool report_next_due(struct db *db, struct ymd today, struct period *p, struct ymd *deadline)
{
	int cutoff = settings_get_int(db, "period.cutoff_day", 15);
	bool found = false;
	for (int y = today.y; y <= today.y + 1 && !found; y++) {
		for (size_t i = 0; i < sizeof deadlines / sizeof deadlines[0]; i++) {
			struct period q;
			struct ymd d;
			char code[16];
			snprintf(code, sizeof code, "%d%s", y, deadlines[i].suffix);
			struct cchc_err err;
			if (period_parse(code, cutoff, &q, &err) || !report_deadline(db, &q, &d) ||
			    ymd_cmp(d, today) < 0 || (found && ymd_cmp(d, *deadline) >= 0))
				continue;
			*p = q;
			*deadline = d;
			found = true;
		}
	}
	return found;
}
