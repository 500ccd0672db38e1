/* plan_edit.h: each edit reads what it needs, writes inside one db_begin ..
 * db_commit, and rolls back on any failure, so an edit is all or nothing
 * and `undo` takes it back whole. */
#include <config.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "core/plan.h"
#include "core/plan_edit.h"
#include "store/history.h"
#include "text/date.h"
#include "text/utf8.h"
#include "util/sbuf.h"

const struct plan_field plan_fields[] = {
	{ "title", "title", "Trích yếu", "Tên kế hoạch sau chữ KẾ HOẠCH; không để trống" },
	{ "number", "doc_no", "Số ký hiệu", "Như sau chữ \"Số:\", ví dụ 31/KH-SNgV" },
	{ "date", "date_text", "Ngày ghi", "Dòng ngày như trên văn bản: ngày 10 tháng 6 năm 2024" },
	{ "year", "year", "Năm", "Năm của kế hoạch (1990–2100); để trống nếu không rõ" },
	{ "parent", "parent_body", "Cấp trên", "Cơ quan chủ quản, dòng trên cùng: UBND TỈNH …" },
	{ "issuer", "issuer", "Cơ quan", "Cơ quan ban hành kế hoạch: Sở …" },
	{ "place", "place", "Địa danh", "Trước chữ \"ngày\" ở dòng ngày: Lạng Sơn" },
	{ "authority", "signer_authority", "Quyền ký", "KT. GIÁM ĐỐC, TL. …, Q. …; hai dòng: TM. … / KT. …" },
	{ "signer-title", "signer_title", "Chức vụ ký", "Chức vụ người ký: GIÁM ĐỐC, PHÓ GIÁM ĐỐC" },
	{ "signer", "signer_name", "Người ký", "Họ và tên người ký" },
	{ NULL, NULL, NULL, NULL },
};

const struct plan_field *plan_field_find(const char *name)
{
	for (const struct plan_field *f = plan_fields; f->name; f++)
		if (strcmp(f->name, name) == 0)
			return f;
	return NULL;
}

/* "«1.2. Heading»" of a section, cut to a few words, for an action's label. */
static void section_name(struct db *db, int64_t id, struct sbuf *out)
{
	sqlite3_stmt *st;
	char *s = NULL;
	if (sqlite3_prepare_v2(db->h, "SELECT label || ' ' || heading FROM section WHERE id = ?", -1,
			       &st, NULL) == SQLITE_OK) {
		sqlite3_bind_int64(st, 1, id);
		if (sqlite3_step(st) == SQLITE_ROW)
			s = text_squeeze((const char *)sqlite3_column_text(st, 0));
		sqlite3_finalize(st);
	}
	size_t n = s ? strlen(s) : 0, cut = n;
	if (n > 60)   /* at a letter's first byte */
		for (cut = 60; cut && ((unsigned char)s[cut] & 0xc0) == 0x80; cut--)
			;
	sbuf_addf(out, "«%.*s%s»", (int)cut, s ? s : "", cut < n ? "…" : "");
	free(s);
}

/* Names the action in the history (what undo and the history show):
 * before, the section's name, after: "Chuyển mục «1.2. …» lên". */
static void label_section_action(struct db *db, int64_t id, const char *before,
				 const char *after)
{
	struct sbuf label = SBUF_INIT;
	sbuf_add(&label, before);
	section_name(db, id, &label);
	sbuf_add(&label, after);
	history_label(db, label.s, true);
	sbuf_free(&label);
}

/* Runs sql with its ? bound to the int64 arguments (nargs of them). */
/* An UPDATE of one text (?1) of row id (?2); an SQLite code. */
static int update_text(struct db *db, const char *sql, const char *text, int64_t id)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db->h, sql, -1, &st, NULL);
	if (rc != SQLITE_OK)
		return rc;
	sqlite3_bind_text(st, 1, text, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, id);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

static int run(struct db *db, const char *sql, int nargs, ...)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db->h, sql, -1, &st, NULL);
	if (rc != SQLITE_OK)
		return rc;
	va_list ap;
	va_start(ap, nargs);
	for (int i = 1; i <= nargs; i++)
		sqlite3_bind_int64(st, i, va_arg(ap, int64_t));
	va_end(ap);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? SQLITE_OK : rc;
}

/* Ends the action: commits when rc is SQLITE_OK, else rolls back saying what. */
static int finish(struct db *db, int rc, const char *what, struct cchc_err *err)
{
	if (rc == SQLITE_OK)
		return db_commit(db, err);
	db_fail(db, rc, what, err);
	db_rollback(db);
	return err->code;
}

/* ---- header fields ---- */

/* The date a date line means, as plan.issued_on holds it: "ngày 10 tháng
 * 6 năm 2024" -> 2024-06-10, the day left blank -> 2024-06, "10/6/2024"
 * too; "" for an empty line. False when it cannot be read. */
static bool date_line_iso(const char *s, char iso[16])
{
	const char *ngay = strstr(s, "ngày"), *thang = strstr(s, "tháng"), *nam = strstr(s, "năm");
	struct ymd ymd;
	iso[0] = '\0';
	if (!*s)
		return true;
	if (date_parse_dmy(s, &ymd)) {
		date_format_iso(ymd, iso);
		return true;
	}
	if (!ngay || !thang || !nam || !(ngay < thang && thang < nam))
		return false;
	int d = atoi(ngay + strlen("ngày")), m = atoi(thang + strlen("tháng"));
	int y = atoi(nam + strlen("năm"));
	if (y < 1990 || y > 2100 || m < 1 || m > 12 || (d && !date_valid(y, m, d)))
		return false;
	if (d)
		snprintf(iso, 16, "%04d-%02d-%02d", y, m, d);
	else
		snprintf(iso, 16, "%04d-%02d", y, m);
	return true;
}

/* "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH" -> two lines, as the signer block
 * is stored; takes s. */
static char *lines_of(char *s)
{
	for (char *p; (p = strstr(s, " / "));) {
		*p = '\n';
		memmove(p + 1, p + 3, strlen(p + 3) + 1);
	}
	return s;
}

/* The value as stored: NFC, white space squeezed; NULL with err set when
 * it cannot be. */
static char *clean_value(const struct plan_field *f, const char *v, struct cchc_err *err)
{
	char *nfc = text_nfc(v), *s = nfc ? text_squeeze(nfc) : NULL, iso[16];
	free(nfc);
	if (!s)
		err_set(err, CCHC_EINPUT, "%s: chữ không hợp lệ (không phải UTF-8)", f->label);
	else if (strcmp(f->name, "title") == 0 && !*s)
		err_set(err, CCHC_EINPUT, "Trích yếu của kế hoạch không được để trống");
	else if (strcmp(f->name, "date") == 0 && !date_line_iso(s, iso))
		err_set(err, CCHC_EINPUT, "Ngày \"%s\" không đọc được: ghi như trên văn bản, ví dụ "
			"ngày 10 tháng 6 năm 2024 (hoặc 10/6/2024)", s);
	else if (strcmp(f->name, "year") == 0 && *s && (strspn(s, "0123456789") != strlen(s) ||
							 atoi(s) < 1990 || atoi(s) > 2100))
		err_set(err, CCHC_EINPUT, "Năm \"%s\" không hợp lệ (cần một năm từ 1990 đến 2100, "
			"hoặc để trống)", s);
	else if (strcmp(f->name, "authority") == 0)
		return lines_of(s);
	else
		return s;
	free(s);
	return NULL;
}

/* issued_on follows the date line the clerk corrected. */
static int set_issued_on(struct db *db, int64_t id, const char *line)
{
	char iso[16];
	date_line_iso(line, iso);
	return update_text(db, "UPDATE plan SET issued_on = nullif(?1, '') WHERE id = ?2", iso, id);
}

static int set_field(struct db *db, int64_t id, const struct plan_field *f, const char *v)
{
	struct sbuf sql = SBUF_INIT;
	sbuf_addf(&sql, "UPDATE plan SET %s = ?1 WHERE id = ?2", f->column);
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db->h, sql.s, -1, &st, NULL);
	sbuf_free(&sql);
	if (rc != SQLITE_OK)
		return rc;
	if (strcmp(f->name, "year") == 0 && !*v)
		sqlite3_bind_null(st, 1);
	else if (strcmp(f->name, "year") == 0)
		sqlite3_bind_int(st, 1, atoi(v));
	else
		sqlite3_bind_text(st, 1, v, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, id);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE && strcmp(f->name, "date") == 0)
		return set_issued_on(db, id, v);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

static int plan_exists(struct db *db, int64_t id, struct cchc_err *err)
{
	if (db_int_by_id(db, "SELECT count(*) FROM plan WHERE id = ?", id) == 0)
		return err_set(err, CCHC_ENOTFOUND, "Không có kế hoạch số %lld", (long long)id);
	return CCHC_OK;
}

int plan_update(struct db *db, int64_t plan_id, const char *const *names,
		const char *const *values, int n, struct cchc_err *err)
{
	char **clean = xcalloc((size_t)n + 1, sizeof *clean);
	int rc = plan_exists(db, plan_id, err);
	for (int i = 0; i < n && !rc; i++) {
		const struct plan_field *f = plan_field_find(names[i]);
		if (!f)
			rc = err_set(err, CCHC_EINPUT, "Không có trường \"%s\" của kế hoạch", names[i]);
		else if (!(clean[i] = clean_value(f, values[i], err)))
			rc = err->code;
	}
	if (!rc && !db_begin(db, err)) {
		int src = SQLITE_OK;
		history_label(db, "Sửa thông tin kế hoạch", true);
		for (int i = 0; i < n && src == SQLITE_OK; i++)
			src = set_field(db, plan_id, plan_field_find(names[i]), clean[i]);
		rc = finish(db, src, "sửa kế hoạch", err);
	} else if (!rc) {
		rc = err->code;
	}
	for (int i = 0; i < n; i++)
		free(clean[i]);
	free(clean);
	return rc;
}

/* ---- a section's text ---- */

struct sec_row {
	int64_t id, plan_id, parent_id;
	int seq, depth, nchildren;
};

static int section_row(struct db *db, int64_t id, struct sec_row *r, struct cchc_err *err)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db->h, "SELECT id, plan_id, coalesce(parent_id, 0), seq, depth, "
				    "(SELECT count(*) FROM section c WHERE c.parent_id = s.id) "
				    "FROM section s WHERE id = ?", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return db_fail(db, rc, "đọc đề mục", err);
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*r = (struct sec_row){ sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 1),
				       sqlite3_column_int64(st, 2), sqlite3_column_int(st, 3),
				       sqlite3_column_int(st, 4), sqlite3_column_int(st, 5) };
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return CCHC_OK;
	if (rc == SQLITE_DONE)
		return err_set(err, CCHC_ENOTFOUND, "Không có đề mục số %lld", (long long)id);
	return db_fail(db, rc, "đọc đề mục", err);
}

/* Replaces the section's paragraphs with v[0..n). */
static int write_items(struct db *db, int64_t sid, const struct section_item *v, int n)
{
	int rc = run(db, "DELETE FROM section_item WHERE section_id = ?", 1, sid);
	sqlite3_stmt *st;
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(db->h, "INSERT INTO section_item(section_id, seq, kind, "
					"marker, text) VALUES(?,?,?,?,?)", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return rc;
	for (int k = 0; k < n && rc == SQLITE_OK; k++) {
		sqlite3_bind_int64(st, 1, sid);
		sqlite3_bind_int(st, 2, k + 1);
		sqlite3_bind_text(st, 3, v[k].is_list_item ? "item" : "para", -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, v[k].is_list_item ? v[k].marker : "", -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 5, v[k].text, -1, SQLITE_STATIC);
		rc = sqlite3_step(st) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(db->h);
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	return rc;
}

static void add_item(struct section_item **v, int *n, const char *s, size_t len)
{
	char *line = xstrndup(s, len), *text = text_squeeze(line);
	free(line);
	if (!*text) {
		free(text);
		return;
	}
	*v = xrealloc(*v, sizeof **v * (size_t)(*n + 1));
	struct section_item *it = &(*v)[(*n)++];
	memset(it, 0, sizeof *it);
	it->is_list_item = (text[0] == '-' || text[0] == '+') && text[1] == ' ';
	if (it->is_list_item) {
		it->marker[0] = text[0];
		memmove(text, text + 2, strlen(text + 2) + 1);
	}
	it->text = text;
}

/* Text (NFC) to paragraphs: one a line. */
static void parse_items(const char *text, struct section_item **v, int *n)
{
	*v = NULL;
	*n = 0;
	for (const char *p = text; *p;) {
		size_t len = strcspn(p, "\n");
		add_item(v, n, p, len);
		p += len;
		p += *p == '\n';
	}
}

int section_text(struct db *db, int64_t section_id, char **out, struct cchc_err *err)
{
	struct section_item *v;
	int n;
	if (section_items(db, section_id, &v, &n, err))
		return err->code;
	struct sbuf b = SBUF_INIT;
	for (int k = 0; k < n; k++)
		sbuf_addf(&b, "%s%s%s%s", k ? "\n" : "", v[k].is_list_item ? v[k].marker : "",
			  v[k].is_list_item ? " " : "", v[k].text);
	section_items_free(v, n);
	*out = xstrdup(b.s ? b.s : "");
	sbuf_free(&b);
	return CCHC_OK;
}

static int set_heading(struct db *db, int64_t sid, const char *heading)
{
	return update_text(db, "UPDATE section SET heading = ?1 WHERE id = ?2", heading, sid);
}

/* NFC copies of heading (squeezed) and text; false with err set when either
 * is not UTF-8. */
static bool clean_section_input(const char *heading, const char *text, char **h, char **t,
				struct cchc_err *err)
{
	char *nh = heading ? text_nfc(heading) : NULL;
	*t = text ? text_nfc(text) : NULL;
	*h = nh ? text_squeeze(nh) : NULL;
	free(nh);
	if ((heading && !*h) || (text && !*t)) {
		free(*h);
		free(*t);
		err_set(err, CCHC_EINPUT, "Chữ không hợp lệ (không phải UTF-8)");
		return false;
	}
	return true;
}

int section_update(struct db *db, int64_t section_id, const char *heading, const char *text,
		   struct cchc_err *err)
{
	struct sec_row r;
	char *h, *t;
	if (section_row(db, section_id, &r, err))
		return err->code;
	if (!clean_section_input(heading, text, &h, &t, err))
		return err->code;
	int rc = db_begin(db, err);
	if (!rc) {
		label_section_action(db, section_id, "Sửa mục ", "");
		int src = h ? set_heading(db, section_id, h) : SQLITE_OK;
		struct section_item *v = NULL;
		int n = 0;
		if (t)
			parse_items(t, &v, &n);
		if (src == SQLITE_OK && t)
			src = write_items(db, section_id, v, n);
		section_items_free(v, n);
		rc = finish(db, src, "sửa đề mục", err);
	}
	free(h);
	free(t);
	return rc;
}

/* ---- joining and splitting paragraphs ---- */

/* Reads the section's paragraphs, lets edit change them (CCHC_OK or an
 * error), then writes them back in one action. */
static int edit_items(struct db *db, int64_t sid, int n_at, const char *at,
		      int (*edit)(struct section_item **, int *, int, const char *,
				  struct cchc_err *),
		      struct cchc_err *err)
{
	struct sec_row r;
	struct section_item *v;
	int n;
	if (section_row(db, sid, &r, err) || section_items(db, sid, &v, &n, err))
		return err->code;
	int rc = edit(&v, &n, n_at, at, err);
	if (!rc && !(rc = db_begin(db, err))) {
		label_section_action(db, sid, at ? "Tách đoạn văn trong mục "
					      : "Nối đoạn văn trong mục ", "");
		rc = finish(db, write_items(db, sid, v, n), "sửa đoạn văn", err);
	}
	section_items_free(v, n);
	return rc;
}

static int bad_paragraph(int k, int n, struct cchc_err *err)
{
	return err_set(err, CCHC_EINPUT, "Không có đoạn %d (mục này có %d đoạn)", k, n);
}

static int join_edit(struct section_item **v, int *n, int k, const char *at,
		     struct cchc_err *err)
{
	if (k < 2 || k > *n)
		return k == 1 ? err_set(err, CCHC_EINPUT, "Đoạn 1 là đoạn đầu của mục: không có "
					"đoạn trước để nối vào") : bad_paragraph(k, *n, err);
	struct section_item *a = &(*v)[k - 2], *b = &(*v)[k - 1];
	struct sbuf s = SBUF_INIT;
	sbuf_addf(&s, "%s %s", a->text, b->text);
	free(a->text);
	a->text = xstrdup(s.s);
	sbuf_free(&s);
	free(b->text);
	memmove(b, b + 1, sizeof *b * (size_t)(*n - k));
	(*n)--;
	return CCHC_OK;
}

int section_join_paragraph(struct db *db, int64_t section_id, int n, struct cchc_err *err)
{
	return edit_items(db, section_id, n, NULL, join_edit, err);
}

static int split_edit(struct section_item **v, int *n, int k, const char *at,
		      struct cchc_err *err)
{
	if (k < 1 || k > *n)
		return bad_paragraph(k, *n, err);
	char *want = text_nfc(at ? at : ""), *text = (*v)[k - 1].text;
	const char *p = want && *want ? strstr(text, want) : NULL;
	if (!p || p == text) {
		int rc = err_set(err, CCHC_EINPUT, "Đoạn %d không có chữ \"%s\" ở giữa để tách",
				 k, want ? want : "");
		free(want);
		return rc;
	}
	free(want);
	*v = xrealloc(*v, sizeof **v * (size_t)(*n + 1));
	struct section_item *a = &(*v)[k - 1];
	memmove(a + 2, a + 1, sizeof *a * (size_t)(*n - k));
	(*n)++;
	a[1] = (struct section_item){ 0 };
	a[1].text = text_squeeze(p);
	text[p - text] = '\0';
	a->text = text_squeeze(text);
	free(text);
	return CCHC_OK;
}

int section_split_paragraph(struct db *db, int64_t section_id, int n, const char *at,
			    struct cchc_err *err)
{
	return edit_items(db, section_id, n, at, split_edit, err);
}

/* ---- moving a section among its siblings ---- */

/* The last seq of the section's block (itself and its subsections). */
static int block_end(struct db *db, const struct sec_row *r)
{
	sqlite3_stmt *st;
	int end = r->seq;
	if (sqlite3_prepare_v2(db->h, "SELECT coalesce((SELECT min(seq) FROM section WHERE "
			       "plan_id = ?1 AND seq > ?2 AND depth <= ?3), "
			       "(SELECT max(seq) + 1 FROM section WHERE plan_id = ?1)) - 1",
			       -1, &st, NULL) != SQLITE_OK)
		return end;
	sqlite3_bind_int64(st, 1, r->plan_id);
	sqlite3_bind_int(st, 2, r->seq);
	sqlite3_bind_int(st, 3, r->depth);
	if (sqlite3_step(st) == SQLITE_ROW)
		end = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return end;
}

/* The sibling before (dir -1) or after (dir 1), or 0. */
static int64_t sibling(struct db *db, const struct sec_row *r, int dir)
{
	sqlite3_stmt *st;
	int64_t id = 0;
	const char *sql = dir < 0
		? "SELECT id FROM section WHERE plan_id = ?1 AND coalesce(parent_id, 0) = ?2 "
		  "AND seq < ?3 ORDER BY seq DESC LIMIT 1"
		: "SELECT id FROM section WHERE plan_id = ?1 AND coalesce(parent_id, 0) = ?2 "
		  "AND seq > ?3 ORDER BY seq LIMIT 1";
	if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) != SQLITE_OK)
		return 0;
	sqlite3_bind_int64(st, 1, r->plan_id);
	sqlite3_bind_int64(st, 2, r->parent_id);
	sqlite3_bind_int(st, 3, r->seq);
	if (sqlite3_step(st) == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return id;
}

/* The letters of the label without its closing "." or ")": "1.2." -> 3
 * (letters, as SQL's substr counts them, not bytes). */
static int label_stem(const char *label)
{
	size_t n = strlen(label);
	int letters = 0;
	while (n && (label[n - 1] == '.' || label[n - 1] == ')' || label[n - 1] == ' '))
		n--;
	for (size_t i = 0; i < n; i++)
		letters += ((unsigned char)label[i] & 0xc0) != 0x80;
	return letters;
}

/* Relabels the block [from, to]: its head takes label, and a dotted label
 * under it that starts with the head's old stem and a "." takes the new stem. */
static int relabel(struct db *db, int64_t plan_id, int from, int to, const char *old,
		   const char *label)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db->h, "UPDATE section SET label = CASE WHEN seq = ?3 THEN ?5 "
				    "WHEN ?6 > 0 AND substr(label, 1, ?6 + 1) = substr(?4, 1, ?6) || '.' "
				    "THEN substr(?5, 1, ?7) || substr(label, ?6 + 1) ELSE label END "
				    "WHERE plan_id = ?1 AND seq BETWEEN ?3 AND ?2", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return rc;
	sqlite3_bind_int64(st, 1, plan_id);
	sqlite3_bind_int(st, 2, to);
	sqlite3_bind_int(st, 3, from);
	sqlite3_bind_text(st, 4, old, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, label, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 6, label_stem(old));
	sqlite3_bind_int(st, 7, label_stem(label));
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

static char *label_of(struct db *db, int64_t id)
{
	sqlite3_stmt *st;
	char *s = NULL;
	if (sqlite3_prepare_v2(db->h, "SELECT label FROM section WHERE id = ?", -1, &st, NULL)
	    == SQLITE_OK) {
		sqlite3_bind_int64(st, 1, id);
		if (sqlite3_step(st) == SQLITE_ROW)
			s = xstrdup((const char *)sqlite3_column_text(st, 0));
		sqlite3_finalize(st);
	}
	return s ? s : xstrdup("");
}

/* Swaps block a (seqs a0..a1) with block b right after it (a1+1..b1):
 * through negative seqs, as (plan_id, seq) is unique at every step. */
static int swap_blocks(struct db *db, int64_t plan_id, int a0, int a1, int b1)
{
	int rc = run(db, "UPDATE section SET seq = -(CASE WHEN seq > ?3 THEN seq - (?3 - ?2 + 1) "
		     "ELSE seq + (?4 - ?3) END) WHERE plan_id = ?1 AND seq BETWEEN ?2 AND ?4", 4,
		     plan_id, (int64_t)a0, (int64_t)a1, (int64_t)b1);
	if (rc == SQLITE_OK)
		rc = run(db, "UPDATE section SET seq = -seq WHERE plan_id = ? AND seq < 0", 1,
			 plan_id);
	return rc;
}

/* Swaps the blocks headed by a and b (b the next sibling of a), labels too. */
static int swap_siblings(struct db *db, const struct sec_row *a, const struct sec_row *b)
{
	int a1 = block_end(db, a), b1 = block_end(db, b);
	char *la = label_of(db, a->id), *lb = label_of(db, b->id);
	int rc = relabel(db, a->plan_id, a->seq, a1, la, lb);
	if (rc == SQLITE_OK)
		rc = relabel(db, b->plan_id, b->seq, b1, lb, la);
	if (rc == SQLITE_OK)
		rc = swap_blocks(db, a->plan_id, a->seq, a1, b1);
	free(la);
	free(lb);
	return rc;
}

int section_move(struct db *db, int64_t section_id, int dir, struct cchc_err *err)
{
	struct sec_row r, o;
	if (section_row(db, section_id, &r, err))
		return err->code;
	int64_t other = sibling(db, &r, dir);
	if (!other)
		return err_set(err, CCHC_EINPUT, dir < 0 ? "Mục này đã đứng đầu trong các mục cùng cấp"
						     : "Mục này đã đứng cuối trong các mục cùng cấp");
	if (section_row(db, other, &o, err) || db_begin(db, err))
		return err->code;
	label_section_action(db, section_id, "Chuyển mục ", dir < 0 ? " lên" : " xuống");
	int rc = dir < 0 ? swap_siblings(db, &o, &r) : swap_siblings(db, &r, &o);
	return finish(db, rc, "chuyển đề mục", err);
}

/* ---- moving a section under another parent ---- */

/* "Chuyển mục «3. …» vào dưới mục «II. …»" (or "ra cấp cao nhất") for
 * the history. */
static void label_move_under(struct db *db, int64_t id, int64_t parent)
{
	struct sbuf label = SBUF_INIT;
	sbuf_add(&label, "Chuyển mục ");
	section_name(db, id, &label);
	sbuf_add(&label, parent ? " vào dưới mục " : " ra cấp cao nhất");
	if (parent)
		section_name(db, parent, &label);
	history_label(db, label.s, true);
	sbuf_free(&label);
}

/* Why the section cannot go under parent, after after (0: last); CCHC_OK
 * when it can, *to then the seq the block is to follow. */
static int check_move_under(struct db *db, const struct sec_row *r, const struct sec_row *p,
			    int64_t after, int *to, struct cchc_err *err)
{
	struct sec_row a;
	int r1 = block_end(db, r);
	if (p->plan_id != r->plan_id)
		return err_set(err, CCHC_EINPUT, "Mục %lld thuộc kế hoạch khác", (long long)p->id);
	if (p->seq >= r->seq && p->seq <= r1)
		return err_set(err, CCHC_EINPUT, p->id == r->id ? "Không chuyển được một mục vào "
			       "dưới chính nó" : "Không chuyển được một mục vào dưới mục con của "
			       "nó");
	if (after && section_row(db, after, &a, err))
		return err->code;
	if (after && a.parent_id != p->id)
		return p->id ? err_set(err, CCHC_EINPUT, "Mục %lld không phải mục con của mục %lld",
				       (long long)after, (long long)p->id)
			     : err_set(err, CCHC_EINPUT, "Mục %lld không ở cấp cao nhất",
				       (long long)after);
	if (after == r->id)
		return err_set(err, CCHC_EINPUT, "Không đặt được một mục sau chính nó");
	*to = block_end(db, after ? &a : p);
	if (*to >= r->seq - 1 && *to <= r1 && r->parent_id == p->id)
		return err_set(err, CCHC_EINPUT, "Mục này đã ở đúng chỗ đó");
	return CCHC_OK;
}

/* The block [r0, r1] to follow seq to (outside it), through swap_blocks. */
static int move_block(struct db *db, int64_t plan_id, int r0, int r1, int to)
{
	if (to >= r0 - 1 && to <= r1)   /* already there: the last of its new parent */
		return SQLITE_OK;
	if (to > r1)
		return swap_blocks(db, plan_id, r0, r1, to);
	return swap_blocks(db, plan_id, to + 1, r0 - 1, r1);
}

int section_move_under(struct db *db, int64_t section_id, int64_t parent_id, int64_t after_id,
		       struct cchc_err *err)
{
	struct sec_row r, p;
	int to = 0;
	if (section_row(db, section_id, &r, err))
		return err->code;
	/* parent 0: the plan's top level, a parent before every section */
	p = (struct sec_row){ 0, r.plan_id, 0, 0, -1, 0 };
	if ((parent_id && section_row(db, parent_id, &p, err)) ||
	    check_move_under(db, &r, &p, after_id, &to, err) || db_begin(db, err))
		return err->code;
	label_move_under(db, section_id, parent_id);
	int r1 = block_end(db, &r);
	int rc = run(db, "UPDATE section SET depth = depth + ?3 WHERE plan_id = ?1 AND seq "
		     "BETWEEN ?2 AND ?4", 4, r.plan_id, (int64_t)r.seq,
		     (int64_t)(p.depth + 1 - r.depth), (int64_t)r1);
	if (rc == SQLITE_OK)
		rc = run(db, "UPDATE section SET parent_id = nullif(?1, 0) WHERE id = ?2", 2, parent_id,
			 section_id);
	if (rc == SQLITE_OK)
		rc = move_block(db, r.plan_id, r.seq, r1, to);
	return finish(db, rc, "chuyển đề mục", err);
}

/* ---- joining a section to the one before it ---- */

static int64_t previous_section(struct db *db, const struct sec_row *r)
{
	sqlite3_stmt *st;
	int64_t id = 0;
	if (sqlite3_prepare_v2(db->h, "SELECT id FROM section WHERE plan_id = ? AND seq < ? "
			       "ORDER BY seq DESC LIMIT 1", -1, &st, NULL) != SQLITE_OK)
		return 0;
	sqlite3_bind_int64(st, 1, r->plan_id);
	sqlite3_bind_int(st, 2, r->seq);
	if (sqlite3_step(st) == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return id;
}

/* prev's paragraphs, then "label heading" of sec, then sec's paragraphs. */
static int merge_items(struct db *db, int64_t prev, int64_t sec, struct cchc_err *err)
{
	struct section_item *a, *b;
	int na, nb;
	if (section_items(db, prev, &a, &na, err))
		return SQLITE_ERROR;
	if (section_items(db, sec, &b, &nb, err)) {
		section_items_free(a, na);
		return SQLITE_ERROR;
	}
	char *label = label_of(db, sec);
	struct sbuf line = SBUF_INIT;
	sbuf_addf(&line, "%s ", label);
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db->h, "SELECT heading FROM section WHERE id = ?", -1, &st, NULL)
	    == SQLITE_OK) {
		sqlite3_bind_int64(st, 1, sec);
		if (sqlite3_step(st) == SQLITE_ROW)
			sbuf_add(&line, (const char *)sqlite3_column_text(st, 0));
		sqlite3_finalize(st);
	}
	free(label);
	a = xrealloc(a, sizeof *a * (size_t)(na + nb + 1));
	a[na] = (struct section_item){ 0 };
	a[na].text = text_squeeze(line.s);
	sbuf_free(&line);
	memcpy(a + na + 1, b, sizeof *b * (size_t)nb);
	free(b);
	int rc = write_items(db, prev, a, na + nb + 1);
	section_items_free(a, na + nb + 1);
	return rc;
}

int section_join_previous(struct db *db, int64_t section_id, int64_t *into,
			  struct cchc_err *err)
{
	struct sec_row r;
	if (section_row(db, section_id, &r, err))
		return err->code;
	if (r.nchildren)
		return err_set(err, CCHC_EINPUT, "Mục này có %d mục con: chỉ nối được một mục không "
			       "có mục con vào mục trước nó", r.nchildren);
	int64_t prev = previous_section(db, &r);
	if (!prev)
		return err_set(err, CCHC_EINPUT, "Đây là mục đầu tiên của kế hoạch: không có mục "
			       "trước để nối vào");
	if (db_begin(db, err))
		return err->code;
	label_section_action(db, section_id, "Nối mục ", " vào mục trước");
	int rc = merge_items(db, prev, section_id, err);
	if (rc == SQLITE_OK)
		rc = run(db, "UPDATE task SET section_id = ?1 WHERE section_id = ?2", 2, prev,
			 section_id);
	if (rc == SQLITE_OK)
		rc = run(db, "INSERT OR IGNORE INTO section_criterion(section_id, criterion_id) "
			 "SELECT ?1, criterion_id FROM section_criterion WHERE section_id = ?2", 2,
			 prev, section_id);
	if (rc == SQLITE_OK)
		rc = run(db, "DELETE FROM section WHERE id = ?", 1, section_id);
	if (rc == SQLITE_OK && into)
		*into = prev;
	return finish(db, rc, "nối đề mục", err);
}
