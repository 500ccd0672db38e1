#include <config.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/calendar.h"
#include "core/demo.h"
#include "core/dossier.h"
#include "core/letter.h"
#include "core/settings.h"
#include "core/task.h"
#include "export/template.h"
#include "store/datafile.h"
#include "text/fold.h"
#include "text/utf8.h"
#include "util/fsutil.h"
#include "util/sbuf.h"

/* The two forms of the letter: Mẫu số 04 of Thông tư 01/2018/TT-VPCP for
 * letters dated before the setting letter.form_switch, Mẫu số 04 of Thông
 * tư 03/2025/TT-VPCP from that day. */
static const char FORM_2018[] = "data/templates/letter-2018.txt";
static const char FORM_2025[] = "data/templates/letter-2025.txt";

static const struct {
	const char *code, *label, *words; /* words: folded spellings the clerk may type */
} channels[] = {
	{ "giay", "giấy", "giay|van ban|buu chinh|truc tiep|thu|paper" },
	{ "email", "thư điện tử", "email|e-mail|thu dien tu|mail" },
	{ "sms", "tin nhắn SMS", "sms|tin nhan" },
	{ "zalo", "Zalo", "zalo" },
};

const char *letter_channel_parse(const char *s)
{
	char *f = text_fold(s, false);
	const char *found = NULL;
	for (size_t i = 0; i < sizeof channels / sizeof channels[0] && !found; i++) {
		const char *w = channels[i].words;
		while (*w && !found) {
			size_t n = strcspn(w, "|");
			if (strlen(f) == n && strncmp(f, w, n) == 0)
				found = channels[i].code;
			w += n + (w[n] == '|');
		}
	}
	free(f);
	return found;
}

const char *letter_channel_label(const char *code)
{
	for (size_t i = 0; i < sizeof channels / sizeof channels[0]; i++)
		if (strcmp(channels[i].code, code) == 0)
			return channels[i].label;
	return code;
}

static char *col(sqlite3_stmt *st, int i)
{
	const unsigned char *s = sqlite3_column_text(st, i);
	return xstrdup(s ? (const char *)s : "");
}

static void vn_date(const char *iso, char out[11])
{
	struct ymd d;
	if (date_parse_iso(iso, &d))
		date_format_vn(d, out);
	else
		snprintf(out, 11, "%s", iso);
}

/* ------------------------------------------------------------ checking */

/* The values a letter will have, checked: ISO dates, clean text. */
struct letter_values {
	char date[11], new_due[11], sent[11], original_due[11];
	char *text[8];           /* reason addressee address contact authority title signer channel */
	int64_t unit_id;
	bool late;
};

enum { LV_REASON, LV_ADDRESSEE, LV_ADDRESS, LV_CONTACT, LV_AUTHORITY, LV_TITLE, LV_SIGNER,
       LV_CHANNEL };

static void values_free(struct letter_values *v)
{
	for (int i = 0; i < 8; i++)
		free(v->text[i]);
}

static int clean(const char *s, const char *what, char **out, struct cchc_err *err)
{
	size_t bad;
	if (!utf8_valid(s, strlen(s), &bad))
		return err_set(err, CCHC_EINPUT, "%s không phải văn bản UTF-8 hợp lệ", what);
	char *n = text_nfc(s), *t = text_sanitize(n);
	free(n);
	free(*out);
	*out = text_squeeze(t);
	free(t);
	return CCHC_OK;
}

static int parse_day(const char *s, const char *what, char out[11], struct cchc_err *err)
{
	struct ymd d;
	if (!*s) {
		out[0] = 0;
		return CCHC_OK;
	}
	if (!date_parse_iso(s, &d) && !date_parse_dmy(s, &d))
		return err_set(err, CCHC_EINPUT, "%s \"%s\" không phải ngày (dd/mm/yyyy)", what, s);
	date_format_iso(d, out);
	return CCHC_OK;
}

/* Applies what the clerk gave over v. */
static int apply_input(struct db *db, const struct letter_input *in, struct letter_values *v,
		       struct cchc_err *err)
{
	const char *given[8] = { in->reason, in->addressee, in->address, in->contact,
				 in->authority, in->signer_title, in->signer, NULL };
	static const char *const names[8] = { "Lý do", "Người nhận", "Địa chỉ", "Liên hệ",
					      "Thẩm quyền ký", "Chức vụ người ký", "Người ký", "" };
	for (int i = 0; i < 7; i++)
		if (given[i] && clean(given[i], names[i], &v->text[i], err))
			return err->code;
	if (in->channel) {
		const char *c = *in->channel ? letter_channel_parse(in->channel) : "";
		if (!c)
			return err_set(err, CCHC_EINPUT, "Cách gửi \"%s\" không rõ (giấy, email, sms, "
				       "zalo)", in->channel);
		free(v->text[LV_CHANNEL]);
		v->text[LV_CHANNEL] = xstrdup(c);
	}
	if ((in->date && parse_day(in->date, "Ngày phiếu", v->date, err)) ||
	    (in->new_date && parse_day(in->new_date, "Ngày hẹn mới", v->new_due, err)) ||
	    (in->sent && parse_day(in->sent, "Ngày gửi", v->sent, err)))
		return err->code;
	if (in->unit && *in->unit && !(v->unit_id = unit_id_by_code(db, in->unit)))
		return err_set(err, CCHC_EINPUT, "Không có đơn vị mã \"%s\" (xem cchc unit list)",
			       in->unit);
	if (in->unit && !*in->unit)
		v->unit_id = 0;
	return CCHC_OK;
}

/* "gửi muộn": dated after the working day before the original due date. */
static int compute_late(struct letter_values *v, struct cchc_err *err)
{
	struct ymd due, limit;
	char lim[11];
	date_parse_iso(v->original_due, &due);
	struct calendar *c = calendar_new();
	int rc = calendar_add(c, due, -1, &limit, err);
	calendar_free(c);
	if (rc)
		return rc;
	date_format_iso(limit, lim);
	v->late = strcmp(v->date, lim) > 0;
	return CCHC_OK;
}

static int check_rules(const struct letter_values *v, const char *received, struct cchc_err *err)
{
	char a[11], b[11];
	if (!v->text[LV_REASON] || !*v->text[LV_REASON])
		return err_set(err, CCHC_EINPUT, "Phiếu xin lỗi phải nêu lý do chậm trễ (--reason)");
	if (!*v->new_due)
		return err_set(err, CCHC_EINPUT, "Thiếu ngày hẹn trả kết quả mới (--new-date)");
	if (!v->text[LV_ADDRESSEE] || !*v->text[LV_ADDRESSEE])
		return err_set(err, CCHC_EINPUT, "Thiếu người nhận phiếu (--addressee): hồ sơ không "
			       "ghi chủ hồ sơ");
	vn_date(v->new_due, a);
	vn_date(v->original_due, b);
	if (strcmp(v->new_due, v->original_due) <= 0)
		return err_set(err, CCHC_EINPUT, "Ngày hẹn mới %s phải sau hạn trả kết quả cũ %s", a, b);
	vn_date(v->date, b);
	if (strcmp(v->new_due, v->date) <= 0)
		return err_set(err, CCHC_EINPUT, "Ngày hẹn mới %s phải sau ngày của phiếu %s", a, b);
	struct ymd t;
	char today[11];
	if (date_today(&t, err))
		return err->code;
	date_format_iso(t, today);
	if (strcmp(v->date, today) > 0) {
		vn_date(today, a);
		return err_set(err, CCHC_EINPUT, "Ngày phiếu %s sau hôm nay (%s): phiếu chỉ ghi ngày "
			       "đã ký", b, a);
	}
	vn_date(received, a);
	if (strcmp(v->date, received) < 0)
		return err_set(err, CCHC_EINPUT, "Ngày phiếu %s trước ngày tiếp nhận hồ sơ %s", b, a);
	if (*v->sent && strcmp(v->sent, v->date) < 0)
		return err_set(err, CCHC_EINPUT, "Ngày gửi phiếu trước ngày của phiếu %s", b);
	return CCHC_OK;
}

/* ------------------------------------------------------------ add */

int letter_check_dossier(const struct dossier_info *d, struct cchc_err *err)
{
	char a[11], b[11];
	if (d->letter_id)
		return err_set(err, CCHC_EDUP, "Hồ sơ %s đã có phiếu xin lỗi số %s: mỗi hồ sơ chỉ được "
			       "hẹn lại một lần", d->code, d->letter_number);
	if (!*d->due_on)
		return err_set(err, CCHC_EINPUT, "Hồ sơ %s chưa có hạn xử lý nên không thể hẹn lại",
			       d->code);
	if (*d->resolved_on && strcmp(d->resolved_on, d->due_on) <= 0) {
		vn_date(d->resolved_on, a);
		vn_date(d->due_on, b);
		return err_set(err, CCHC_EINPUT, "Hồ sơ %s đã trả kết quả ngày %s, đúng hạn (hạn %s): "
			       "không cần phiếu xin lỗi", d->code, a, b);
	}
	return CCHC_OK;
}

/* Defaults of a new letter: today, the dossier's holder and unit, the
 * signer from settings. */
static int defaults(struct db *db, const struct dossier_info *d, struct letter_values *v,
		    struct cchc_err *err)
{
	struct ymd t;
	if (date_today(&t, err))
		return err->code;
	date_format_iso(t, v->date);
	snprintf(v->original_due, sizeof v->original_due, "%s", d->due_on);
	v->text[LV_ADDRESSEE] = xstrdup(d->holder);
	v->text[LV_ADDRESS] = xstrdup(d->address);
	v->text[LV_CONTACT] = xstrdup(d->contact);
	v->text[LV_AUTHORITY] = settings_get(db, "letter.authority");
	v->text[LV_TITLE] = settings_get(db, "letter.signer_title");
	v->text[LV_SIGNER] = settings_get(db, "letter.signer");
	v->text[LV_CHANNEL] = xstrdup("");
	v->unit_id = *d->unit_code ? unit_id_by_code(db, d->unit_code) : 0;
	return CCHC_OK;
}

int letter_template_for(struct db *db, const char *letter_on, const char **name, struct cchc_err *err)
{
	char *v = settings_get(db, "letter.form_switch");
	struct ymd sw;
	char iso[11];
	bool ok = date_parse_dmy(v, &sw) || date_parse_iso(v, &sw);
	free(v);
	if (!ok)
		return err_set(err, CCHC_EINPUT, "Thiết lập letter.form_switch không phải ngày: đặt lại "
			       "bằng lệnh cchc setting set letter.form_switch 15/09/2025");
	date_format_iso(sw, iso);
	*name = strcmp(letter_on, iso) < 0 ? FORM_2018 : FORM_2025;
	return CCHC_OK;
}

/* The clerk's copy ~/.config/cchc/templates/<file>, for the messages. */
static char *own_template_path(const char *name)
{
	char *dir = datafile_config_dir();
	const char *base = fs_last_sep(name);
	struct sbuf p = SBUF_INIT;
	sbuf_addf(&p, "%s/templates/%s", dir, base ? base + 1 : name);
	free(dir);
	return sbuf_detach(&p);
}

char *letter_template_read(const char *name, char **what, struct cchc_err *err)
{
	char *own = own_template_path(name), *text = NULL;
	size_t len;
	struct cchc_err ignored;
	if (fs_read_file(own, 1 << 20, &text, &len, &ignored) == CCHC_OK) {
		*what = own;
		return text;
	}
	free(own);
	*what = xstrdup(name);
	if (!(text = datafile_read(name, NULL, NULL)))
		err_set(err, CCHC_EIO, "Không đọc được mẫu văn bản %s", name);
	return text;
}

/* "12/PXL" from the pattern in settings. */
static char *format_number(struct db *db, int year, int seq)
{
	char *pattern = settings_get(db, "letter.number");
	struct sbuf b = SBUF_INIT;
	for (const char *p = pattern; *p;) {
		if (strncmp(p, "{n}", 3) == 0) {
			sbuf_addf(&b, "%02d", seq); /* NĐ 30: "01/PXL" below 10 */
			p += 3;
		} else if (strncmp(p, "{yyyy}", 6) == 0) {
			sbuf_addf(&b, "%d", year);
			p += 6;
		} else {
			sbuf_addc(&b, *p++);
		}
	}
	free(pattern);
	return sbuf_detach(&b);
}

static const char INSERT_SQL[] =
	"INSERT INTO letter(dossier_id, year, seq, number, letter_on, addressee, address, contact, "
	"reason, unit_id, original_due, new_due, authority, signer_title, signer, channel, sent_on, "
	"late, template, created_at) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, nullif(?10, 0), ?11, "
	"?12, ?13, ?14, ?15, ?16, nullif(?17, ''), ?18, ?19, datetime('now'))";

static int insert_letter(struct db *db, int64_t dossier_id, const struct letter_values *v,
			 const char *tmpl_name, int64_t *id, struct cchc_err *err)
{
	int year = atoi(v->date);
	int seq = (int)db_int_by_id(db, "SELECT coalesce(max(seq), 0) + 1 FROM letter WHERE year = ?1",
				    year);
	char *number = format_number(db, year, seq);
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db->h, INSERT_SQL, -1, &st, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_int64(st, 1, dossier_id);
		sqlite3_bind_int(st, 2, year);
		sqlite3_bind_int(st, 3, seq);
		sqlite3_bind_text(st, 4, number, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 5, v->date, -1, SQLITE_STATIC);
		const int text_pos[8] = { 9, 6, 7, 8, 13, 14, 15, 16 };
		for (int i = 0; i < 8; i++)
			sqlite3_bind_text(st, text_pos[i], v->text[i] ? v->text[i] : "", -1,
					  SQLITE_STATIC);
		sqlite3_bind_int64(st, 10, v->unit_id);
		sqlite3_bind_text(st, 11, v->original_due, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 12, v->new_due, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 17, v->sent, -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 18, v->late);
		sqlite3_bind_text(st, 19, tmpl_name, -1, SQLITE_STATIC);
		rc = sqlite3_step(st);
		sqlite3_finalize(st);
	}
	free(number);
	if (rc != SQLITE_DONE)
		return db_fail(db, rc, "lưu phiếu xin lỗi", err);
	*id = sqlite3_last_insert_rowid(db->h);
	return CCHC_OK;
}

int letter_add(struct db *db, const struct letter_input *in, int64_t *id, struct cchc_err *err)
{
	int64_t did = in->dossier_code ? dossier_id_by_code(db, in->dossier_code) : 0;
	if (!did)
		return err_set(err, CCHC_ENOTFOUND, "Không có hồ sơ mã \"%s\" (xem cchc dossier list)",
			       in->dossier_code ? in->dossier_code : "");
	struct dossier_info d;
	if (dossier_get(db, did, &d, err))
		return err->code;
	struct letter_values v = { .unit_id = 0 };
	const char *tmpl_name = NULL;
	int rc = letter_check_dossier(&d, err);
	if (!rc && !(rc = defaults(db, &d, &v, err)) && !(rc = apply_input(db, in, &v, err)) &&
	    !(rc = check_rules(&v, d.received_on, err)) && !(rc = compute_late(&v, err)) &&
	    !(rc = letter_template_for(db, v.date, &tmpl_name, err)) && !(rc = db_begin(db, err))) {
		rc = insert_letter(db, did, &v, tmpl_name, id, err);
		if (!rc)
			rc = db_commit(db, err);
		if (rc)
			db_rollback(db);
	}
	values_free(&v);
	dossier_info_free(&d);
	return rc;
}

/* ------------------------------------------------------------ reading */

#define LETTER_COLUMNS \
	"l.id, l.dossier_id, l.year, l.seq, l.late, l.number, l.letter_on, l.addressee, l.address, " \
	"l.contact, l.reason, coalesce(u.code, ''), coalesce(u.name, ''), l.original_due, " \
	"l.new_due, l.authority, l.signer_title, l.signer, l.channel, coalesce(l.sent_on, ''), " \
	"l.template, d.code, d.procedure, d.field, d.received_on "
#define LETTER_FROM \
	" FROM letter l JOIN dossier d ON d.id = l.dossier_id LEFT JOIN unit u ON u.id = l.unit_id "

static void row_to_letter(sqlite3_stmt *st, struct letter_info *l)
{
	memset(l, 0, sizeof *l);
	l->id = sqlite3_column_int64(st, 0);
	l->dossier_id = sqlite3_column_int64(st, 1);
	l->year = sqlite3_column_int(st, 2);
	l->seq = sqlite3_column_int(st, 3);
	l->late = sqlite3_column_int(st, 4) != 0;
	char **f[] = { &l->number, &l->letter_on, &l->addressee, &l->address, &l->contact,
		       &l->reason, &l->unit_code, &l->unit_name, &l->original_due, &l->new_due,
		       &l->authority, &l->signer_title, &l->signer, &l->channel, &l->sent_on,
		       &l->template_name, &l->dossier_code, &l->procedure, &l->field,
		       &l->received_on };
	for (size_t i = 0; i < sizeof f / sizeof f[0]; i++)
		*f[i] = col(st, (int)i + 5);
}

int letter_get(struct db *db, int64_t id, struct letter_info *l, struct cchc_err *err)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db->h, "SELECT " LETTER_COLUMNS LETTER_FROM "WHERE l.id = ?", -1,
				    &st, NULL);
	if (rc != SQLITE_OK)
		return db_fail(db, rc, "đọc phiếu xin lỗi", err);
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		row_to_letter(st, l);
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return CCHC_OK;
	return err_set(err, CCHC_ENOTFOUND, "Không có phiếu xin lỗi số %lld", (long long)id);
}

void letter_info_free(struct letter_info *l)
{
	char *f[] = { l->number, l->letter_on, l->addressee, l->address, l->contact, l->reason,
		      l->unit_code, l->unit_name, l->original_due, l->new_due, l->authority,
		      l->signer_title, l->signer, l->channel, l->sent_on, l->template_name,
		      l->dossier_code, l->procedure, l->field, l->received_on };
	for (size_t i = 0; i < sizeof f / sizeof f[0]; i++)
		free(f[i]);
	memset(l, 0, sizeof *l);
}

void letter_list_free(struct letter_info *v, int n)
{
	for (int i = 0; i < n; i++)
		letter_info_free(&v[i]);
	free(v);
}

int letter_list(struct db *db, const struct letter_filter *f, struct letter_info **out, int *n,
		struct cchc_err *err)
{
	*out = NULL;
	*n = 0;
	int64_t unit = 0;
	if (f->unit_code && *f->unit_code && !(unit = unit_id_by_code(db, f->unit_code)))
		return err_set(err, CCHC_EINPUT, "Không có đơn vị mã \"%s\" (xem cchc unit list)",
			       f->unit_code);
	/* the key and the period only when given: a range of letter_by_date
	 * then, walked from the key either way (End reads the last page) */
	struct sbuf sql = SBUF_INIT;
	const char *dir = f->reverse ? " DESC" : "";
	sbuf_add(&sql, "SELECT " LETTER_COLUMNS LETTER_FROM "WHERE (?3 = 0 OR l.unit_id = ?3) AND "
		 "(?4 = 0 OR l.late) ");
	if (f->from && *f->from)
		sbuf_add(&sql, "AND l.letter_on >= ?1 ");
	if (f->to && *f->to)
		sbuf_add(&sql, "AND l.letter_on <= ?2 ");
	if (f->after)
		sbuf_addf(&sql, "AND (l.letter_on, l.id) %s (?5, ?6) ", f->reverse ? "<" : ">");
	sbuf_addf(&sql, "ORDER BY l.letter_on%s, l.id%s LIMIT ?7", dir, dir);
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db->h, sql.s, -1, &st, NULL);
	sbuf_free(&sql);
	if (rc != SQLITE_OK)
		return db_fail(db, rc, "đọc danh sách phiếu", err);
	sqlite3_bind_text(st, 1, f->from ? f->from : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, f->to ? f->to : "", -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, unit);
	sqlite3_bind_int(st, 4, f->late_only);
	sqlite3_bind_text(st, 5, f->after ? f->after->letter_on : "", -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 6, f->after ? f->after->id : 0);
	sqlite3_bind_int(st, 7, f->limit > 0 ? f->limit : -1);
	int cap = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 16;
			*out = xrealloc(*out, sizeof **out * (size_t)cap);
		}
		row_to_letter(st, &(*out)[(*n)++]);
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE)
		return CCHC_OK;
	letter_list_free(*out, *n);
	*out = NULL;
	*n = 0;
	return db_fail(db, rc, "đọc danh sách phiếu", err);
}

int letter_count_by_unit(struct db *db, const char *from, const char *to,
			 struct letter_by_unit **out, int *n, struct cchc_err *err)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db->h, "SELECT coalesce(u.code, ''), coalesce(u.name, ''), "
				    "count(*), sum(l.late) FROM letter l LEFT JOIN unit u ON "
				    "u.id = l.unit_id WHERE l.letter_on BETWEEN ?1 AND ?2 GROUP BY "
				    "l.unit_id ORDER BY count(*) DESC, 2 COLLATE vi", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return db_fail(db, rc, "thống kê phiếu", err);
	sqlite3_bind_text(st, 1, from, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, to, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*out = xrealloc(*out, sizeof **out * (size_t)(*n + 1));
		struct letter_by_unit *u = &(*out)[(*n)++];
		snprintf(u->unit_code, sizeof u->unit_code, "%s", sqlite3_column_text(st, 0));
		snprintf(u->unit_name, sizeof u->unit_name, "%s", sqlite3_column_text(st, 1));
		u->count = sqlite3_column_int64(st, 2);
		u->late = sqlite3_column_int64(st, 3);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? CCHC_OK : db_fail(db, rc, "thống kê phiếu", err);
}

int letter_count(struct db *db, const char *from, const char *to, int64_t *n,
		 struct cchc_err *err)
{
	sqlite3_stmt *st;
	*n = 0;
	int rc = sqlite3_prepare_v2(db->h, "SELECT count(*) FROM letter WHERE letter_on BETWEEN ?1 "
				    "AND ?2", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return db_fail(db, rc, "đếm phiếu", err);
	sqlite3_bind_text(st, 1, from, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, to, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? CCHC_OK : db_fail(db, rc, "đếm phiếu", err);
}

/* The late dossiers are read from the partial index dossier_resolved_late
 * (schema 27), which holds only the dossiers resolved late, by resolution
 * date, with their status: those of the period and nothing else (through
 * dossier_late, by due date, every late dossier due before the period's end
 * was read, 54,000 of a million). One withdrawn or returned at the
 * applicant's request is not late, as in the dossier table
 * (dossier_status_withdrawn). */
int letter_coverage(struct db *db, const char *from, const char *to, struct letter_coverage *c,
		    struct cchc_err *err)
{
	memset(c, 0, sizeof *c);
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db->h, "SELECT (SELECT count(*) FROM letter WHERE letter_on "
				    "BETWEEN ?1 AND ?2), (SELECT count(*) FROM letter WHERE letter_on "
				    "BETWEEN ?1 AND ?2 AND late)", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return db_fail(db, rc, "thống kê phiếu", err);
	sqlite3_bind_text(st, 1, from, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, to, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		c->letters = sqlite3_column_int64(st, 0);
		c->letters_late = sqlite3_column_int64(st, 1);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return db_fail(db, rc, "thống kê phiếu", err);
	rc = sqlite3_prepare_v2(db->h, "SELECT d.status, l.id IS NOT NULL FROM dossier d LEFT JOIN "
				"letter l ON l.dossier_id = d.id WHERE d.resolved_on BETWEEN ?1 AND "
				"?2 AND d.resolved_on > d.due_on", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return db_fail(db, rc, "thống kê phiếu", err);
	sqlite3_bind_text(st, 1, from, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, to, -1, SQLITE_STATIC);
	char *last = NULL;       /* the status classified last, most rows having the same */
	bool w = false;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *status = (const char *)sqlite3_column_text(st, 0);
		status = status ? status : "";
		if (!last || strcmp(last, status) != 0) {
			free(last);
			last = xstrdup(status);
			w = dossier_status_withdrawn(status);
		}
		if (w)
			continue;
		c->late_dossiers++;
		c->late_with_letter += sqlite3_column_int(st, 1);
	}
	free(last);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? CCHC_OK : db_fail(db, rc, "thống kê phiếu", err);
}

/* ------------------------------------------------------------ edit */

static void values_from(const struct letter_info *l, int64_t unit_id, struct letter_values *v)
{
	memset(v, 0, sizeof *v);
	snprintf(v->date, sizeof v->date, "%s", l->letter_on);
	snprintf(v->new_due, sizeof v->new_due, "%s", l->new_due);
	snprintf(v->sent, sizeof v->sent, "%s", l->sent_on);
	snprintf(v->original_due, sizeof v->original_due, "%s", l->original_due);
	const char *t[8] = { l->reason, l->addressee, l->address, l->contact, l->authority,
			     l->signer_title, l->signer, l->channel };
	for (int i = 0; i < 8; i++)
		v->text[i] = xstrdup(t[i]);
	v->unit_id = unit_id;
}

static int update_letter(struct db *db, int64_t id, const struct letter_values *v,
			 const char *tmpl_name, struct cchc_err *err)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db->h, "UPDATE letter SET reason = ?1, addressee = ?2, "
				    "address = ?3, contact = ?4, authority = ?5, signer_title = ?6, "
				    "signer = ?7, channel = ?8, letter_on = ?9, new_due = ?10, "
				    "sent_on = nullif(?11, ''), late = ?12, unit_id = nullif(?13, 0), "
				    "template = ?15 WHERE id = ?14", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return db_fail(db, rc, "sửa phiếu xin lỗi", err);
	for (int i = 0; i < 8; i++)
		sqlite3_bind_text(st, i + 1, v->text[i] ? v->text[i] : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 9, v->date, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 10, v->new_due, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 11, v->sent, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 12, v->late);
	sqlite3_bind_int64(st, 13, v->unit_id);
	sqlite3_bind_int64(st, 14, id);
	sqlite3_bind_text(st, 15, tmpl_name, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? CCHC_OK : db_fail(db, rc, "sửa phiếu xin lỗi", err);
}

int letter_edit(struct db *db, int64_t id, const struct letter_input *in, struct cchc_err *err)
{
	struct letter_info l;
	if (letter_get(db, id, &l, err))
		return err->code;
	struct letter_values v;
	values_from(&l, *l.unit_code ? unit_id_by_code(db, l.unit_code) : 0, &v);
	const char *tmpl_name = NULL;
	int rc = apply_input(db, in, &v, err);
	if (!rc && !(rc = check_rules(&v, l.received_on, err)) && !(rc = compute_late(&v, err)) &&
	    !(rc = letter_template_for(db, v.date, &tmpl_name, err)) && !(rc = db_begin(db, err))) {
		rc = update_letter(db, id, &v, tmpl_name, err);
		if (!rc)
			rc = db_commit(db, err);
		if (rc)
			db_rollback(db);
	}
	values_free(&v);
	letter_info_free(&l);
	return rc;
}

/* ------------------------------------------------------------ printing */

/* The reason without its final full stop: the template adds one. */
static char *reason_text(const char *r)
{
	size_t n = strlen(r);
	while (n && (r[n - 1] == '.' || r[n - 1] == ' ' || r[n - 1] == ';'))
		n--;
	return xstrndup(r, n);
}

/* Recipients with an empty field read "Lưu: VT, ." — drop the dangling
 * separator. */
static void tidy_recipients(struct doc *d)
{
	for (int i = 0; i < d->nrecipients; i++) {
		char *r = d->recipients[i], *p;
		while ((p = strstr(r, ", .")) || (p = strstr(r, ", ;")))
			memmove(p, p + 2, strlen(p + 2) + 1);
	}
}

static int fill_doc(struct db *db, const struct letter_info *l, const struct tmpl *t,
		    const char *what, struct doc *d, struct cchc_err *err)
{
	char dates[5][11];
	const char *iso[5] = { l->letter_on, l->received_on, l->original_due, l->new_due,
			       l->sent_on };
	for (int i = 0; i < 5; i++)
		vn_date(iso[i], dates[i]);
	char *org = settings_get(db, "org.name"), *place = settings_get(db, "org.place");
	char *parent = settings_get(db, "org.parent"), *reason = reason_text(l->reason);
	char *org_upper = text_upper(org);
	const char *vars[] = {
		"number", l->number, "letter_date", dates[0], "addressee", l->addressee,
		"address", l->address, "contact", l->contact, "dossier_code", l->dossier_code,
		"procedure", l->procedure, "field", l->field, "received_date", dates[1],
		"original_due", dates[2], "new_due", dates[3], "reason", reason,
		"unit", l->unit_name, "unit_code", l->unit_code, "org_name", org, "place", place,
		NULL, NULL
	};
	struct ymd day;
	date_parse_iso(l->letter_on, &day);
	doc_set_header(d, parent, org_upper, l->number, place, day);
	doc_set_signer(d, l->authority, l->signer_title, l->signer);
	int rc = *org ? tmpl_render(t, vars, what, d, err)
		      : err_set(err, CCHC_EINPUT, "Chưa có tên cơ quan để in phiếu: đặt bằng lệnh "
				"cchc setting set org.name \"Sở ...\" (và org.place, org.parent)");
	if (!rc)
		tidy_recipients(d);
	free(org);
	free(org_upper);
	free(place);
	free(parent);
	free(reason);
	return rc;
}

/* The form is chosen again on every print by the letter's date, so a
 * letter dated before the switch prints on the 2018 form whatever was
 * stored when it was made. */
int letter_doc(struct db *db, int64_t id, struct doc *d, struct cchc_err *err)
{
	struct letter_info l;
	if (letter_get(db, id, &l, err))
		return err->code;
	const char *name = NULL;
	char *text = NULL, *what = NULL;
	int rc = letter_template_for(db, l.letter_on, &name, err);
	if (!rc && !(text = letter_template_read(name, &what, err)))
		rc = err->code;
	struct tmpl t;
	if (!rc && !(rc = tmpl_parse(text, what, &t, err))) {
		rc = fill_doc(db, &l, &t, what, d, err);
		tmpl_free(&t);
		if (!rc && demo_present(db))
			doc_text(d, DOC_PLAIN, DOC_CENTER, DOC_BOLD | DOC_ITALIC, DEMO_DOC_NOTE);
	}
	free(text);
	free(what);
	letter_info_free(&l);
	return rc;
}

int letter_print(struct db *db, int64_t id, enum doc_format fmt, const char *path,
		 const char *encoding, int flags, struct cchc_err *err)
{
	struct doc d;
	doc_init(&d);
	int rc = letter_doc(db, id, &d, err);
	if (!rc)
		rc = doc_write(&d, fmt, path, encoding, flags, err);
	doc_free(&d);
	return rc;
}
