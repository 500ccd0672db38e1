#include <config.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/calendar.h"
#include "core/dossier.h"
#include "core/dossier_register.h"
#include "core/settings.h"
#include "core/task.h"
#include "text/date.h"
#include "text/utf8.h"
#include "util/progress.h"
#include "util/sbuf.h"

/* Leaf column titles; "Trả kết quả" groups DR_RETURNED and DR_SIGNED. */
static const struct {
	const char *title;
	int width;
} columns[DR_NCOLS] = {
	{ "STT", 4 }, { "Mã hồ sơ", 15 }, { "Tên thủ tục hành chính", 22 },
	{ "Số lượng hồ sơ (bộ)", 6 }, { "Tên tổ chức, cá nhân", 15 },
	{ "Địa chỉ, số điện thoại", 17 }, { "Cơ quan chủ trì giải quyết", 13 },
	{ "Ngày nhận hồ sơ", 10 }, { "Ngày hẹn trả kết quả", 10 }, { "Ngày, tháng, năm", 10 },
	{ "Ký nhận", 8 }, { "Ghi chú", 14 },
};

/* The three header rows: titles (those outside the group span two rows),
 * the group's two columns, and the column numbers (1)...(12). */
static void header(struct doc_table *t)
{
	const char *top[DR_NCOLS], *sub[DR_NCOLS] = { NULL }, *num[DR_NCOLS];
	char nums[DR_NCOLS][8];
	for (int c = 0; c < DR_NCOLS; c++) {
		top[c] = columns[c].title;
		snprintf(nums[c], sizeof nums[c], "(%d)", c + 1);
		num[c] = nums[c];
	}
	top[DR_RETURNED] = "Trả kết quả cho tổ chức, cá nhân";
	top[DR_SIGNED] = NULL;
	sub[DR_RETURNED] = columns[DR_RETURNED].title;
	sub[DR_SIGNED] = columns[DR_SIGNED].title;
	doc_table_row(t, top);
	doc_table_row(t, sub);
	doc_table_row(t, num);
	for (int c = 0; c < DR_NCOLS; c++)
		if (c != DR_RETURNED && c != DR_SIGNED)
			doc_table_merge(t, 0, c, 2, 1);
	doc_table_merge(t, 0, DR_RETURNED, 1, 2);
	for (int c = 0; c < DR_NCOLS; c++)
		doc_table_column(t, c, columns[c].width, c == DR_STT || c == DR_COUNT);
	doc_table_date_column(t, DR_RECEIVED);
	doc_table_date_column(t, DR_DUE);
	doc_table_date_column(t, DR_RETURNED);
}

static const char REGISTER_SQL[] =
	"SELECT d.code, d.procedure, d.holder, d.address, d.contact, coalesce(u.name, ''), "
	"d.received_on, coalesce(d.due_on, ''), coalesce(d.resolved_on, ''), d.channel, "
	"coalesce(l.number, '') FROM dossier d LEFT JOIN unit u ON u.id = d.unit_id "
	"LEFT JOIN letter l ON l.dossier_id = d.id WHERE d.received_on BETWEEN ?1 AND ?2 "
	"AND (?3 = 0 OR d.unit_id = ?3) ORDER BY d.received_on, d.code";

enum { Q_CODE, Q_PROCEDURE, Q_HOLDER, Q_ADDRESS, Q_CONTACT, Q_UNIT, Q_RECEIVED, Q_DUE,
       Q_RESOLVED, Q_CHANNEL, Q_LETTER };

static const char *text(sqlite3_stmt *st, int i)
{
	const unsigned char *s = sqlite3_column_text(st, i);
	return s ? (const char *)s : "";
}

static void vn(const char *iso, char out[11])
{
	struct ymd d;
	if (date_parse_iso(iso, &d))
		date_format_vn(d, out);
	else
		out[0] = 0;
}

/* Working days from the due date to the day returned (or asof while open). */
static int days_after(struct calendar *cal, const char *due, const char *end)
{
	struct ymd a, b;
	int n = 0;
	struct cchc_err ignored;
	if (!*due || strcmp(end, due) <= 0 || !date_parse_iso(due, &a) || !date_parse_iso(end, &b) ||
	    calendar_between(cal, a, b, &n, &ignored))
		return 0;
	return n;
}

/* "Ghi chú": how it came (when not in person), lateness as of asof, the
 * apology letter. */
static void note(sqlite3_stmt *st, struct calendar *cal, const char *asof, struct sbuf *b)
{
	const char *channel = text(st, Q_CHANNEL), *due = text(st, Q_DUE);
	const char *resolved = text(st, Q_RESOLVED), *letter = text(st, Q_LETTER);
	sbuf_trunc(b, 0);
	if (strcmp(channel, "truc-tiep") != 0)
		sbuf_addf(b, "Nộp %s", dossier_channel_label(channel));
	int late = days_after(cal, due, *resolved ? resolved : asof);
	if (late)
		sbuf_addf(b, "%s%s %d ngày làm việc", b->len ? "; " : "",
			  *resolved ? "Trả quá hạn" : "Quá hạn", late);
	else if (!*resolved)
		sbuf_addf(b, "%sĐang giải quyết", b->len ? "; " : "");
	if (*letter)
		sbuf_addf(b, "%sVăn bản xin lỗi số %s", b->len ? "; " : "", letter);
}

static void add_row(struct doc_table *t, sqlite3_stmt *st, int64_t n, struct calendar *cal,
		    const char *asof, struct sbuf *contact, struct sbuf *remark)
{
	char stt[24], dates[3][11];
	snprintf(stt, sizeof stt, "%lld", (long long)n);
	vn(text(st, Q_RECEIVED), dates[0]);
	vn(text(st, Q_DUE), dates[1]);
	vn(text(st, Q_RESOLVED), dates[2]);
	const char *addr = text(st, Q_ADDRESS), *phone = text(st, Q_CONTACT);
	sbuf_trunc(contact, 0);
	sbuf_addf(contact, "%s%s%s", addr, *addr && *phone ? "; " : "", phone);
	note(st, cal, asof, remark);
	const char *cells[DR_NCOLS] = {
		stt, text(st, Q_CODE), text(st, Q_PROCEDURE), "1", text(st, Q_HOLDER),
		contact->s ? contact->s : "", text(st, Q_UNIT), dates[0], dates[1], dates[2], "",
		remark->s ? remark->s : "",
	};
	doc_table_row(t, cells);
}

static const char COUNT_SQL[] =
	"SELECT count(*) FROM dossier d WHERE d.received_on BETWEEN ?1 AND ?2 "
	"AND (?3 = 0 OR d.unit_id = ?3)";

/* Binds the period and unit to REGISTER_SQL or COUNT_SQL. */
static int prepare_period(struct db *db, const char *sql, const char *from, const char *to,
			  int64_t unit, sqlite3_stmt **st)
{
	int rc = sqlite3_prepare_v2(db->h, sql, -1, st, NULL);
	if (rc != SQLITE_OK)
		return rc;
	sqlite3_bind_text(*st, 1, from, -1, SQLITE_STATIC);
	sqlite3_bind_text(*st, 2, to, -1, SQLITE_STATIC);
	sqlite3_bind_int64(*st, 3, unit);
	return SQLITE_OK;
}

/* The rows the register will have, for the percent (0 when unknown). */
static int64_t count_rows(struct db *db, const char *from, const char *to, int64_t unit)
{
	sqlite3_stmt *st;
	int64_t n = 0;
	if (prepare_period(db, COUNT_SQL, from, to, unit, &st) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

/* Steps through the dossiers of the period into t, reporting the rows
 * read; Esc (util/progress.h) stops it before any file is written. */
static int fill_rows(struct db *db, const char *from, const char *to, int64_t unit,
		     const char *asof, struct doc_table *t, int64_t *rows, struct cchc_err *err)
{
	sqlite3_stmt *st;
	int64_t total = count_rows(db, from, to, unit);
	int rc = prepare_period(db, REGISTER_SQL, from, to, unit, &st);
	if (rc != SQLITE_OK)
		return db_fail(db, rc, "đọc sổ theo dõi hồ sơ", err);
	struct calendar *cal = calendar_new();
	struct sbuf contact = SBUF_INIT, remark = SBUF_INIT;
	struct progress *p = progress_begin("Sổ theo dõi hồ sơ, đọc hồ sơ", "hồ sơ", total,
					    PROGRESS_CANCEL);
	*rows = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && progress_update(p, *rows, *rows))
		add_row(t, st, ++*rows, cal, asof, &contact, &remark);
	if (rc == SQLITE_DONE)
		progress_update(p, *rows, total);
	progress_end(p);
	sbuf_free(&contact);
	sbuf_free(&remark);
	calendar_free(cal);
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return err_set(err, CCHC_ECANCEL, "Đã dừng lập sổ theo yêu cầu; chưa ghi tệp nào.");
	return rc == SQLITE_DONE ? CCHC_OK : db_fail(db, rc, "đọc sổ theo dõi hồ sơ", err);
}

static char *unit_name_of(struct db *db, int64_t id)
{
	sqlite3_stmt *st;
	char *name = NULL;
	if (sqlite3_prepare_v2(db->h, "SELECT name FROM unit WHERE id = ?1", -1, &st, NULL) != SQLITE_OK)
		return xstrdup("");
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW)
		name = xstrdup(text(st, 0));
	sqlite3_finalize(st);
	return name ? name : xstrdup("");
}

/* The header from settings, as the letters have it; the agency is needed. */
static int set_header(struct db *db, struct ymd today, const char *unit_name, struct doc *d,
		      struct cchc_err *err)
{
	char *org = settings_get(db, "org.name"), *place = settings_get(db, "org.place");
	char *parent = settings_get(db, "org.parent"), *upper = text_upper(org);
	int rc = CCHC_OK;
	if (!*org)
		rc = err_set(err, CCHC_EINPUT, "Chưa có tên cơ quan để in sổ: đặt bằng lệnh cchc "
			     "setting set org.name \"Sở ...\" (và org.place, org.parent)");
	else {
		doc_set_header(d, parent, upper, "", place, today);
		doc_set_title(d, "SỔ THEO DÕI HỒ SƠ", unit_name);
	}
	free(org);
	free(place);
	free(parent);
	free(upper);
	return rc;
}

int dossier_register_doc(struct db *db, const char *from, const char *to, const char *unit_code,
			 struct doc *d, int64_t *rows, struct cchc_err *err)
{
	int64_t unit = 0;
	*rows = 0;
	if (unit_code && *unit_code && !(unit = unit_id_by_code(db, unit_code)))
		return err_set(err, CCHC_EINPUT, "Không có đơn vị mã \"%s\" (xem cchc unit list)",
			       unit_code);
	struct ymd today;
	char asof[11], a[11], b[11], line[96];
	if (date_today(&today, err))
		return err->code;
	date_format_iso(today, asof);
	if (strcmp(to, asof) < 0)
		snprintf(asof, sizeof asof, "%s", to); /* lateness as of the period's end */
	char *unit_name = unit ? unit_name_of(db, unit) : xstrdup("");
	int rc = set_header(db, today, unit_name, d, err);
	free(unit_name);
	if (rc)
		return rc;
	struct doc_table *t = doc_table(d, "", DR_NCOLS, DR_HEADER_ROWS);
	doc_table_sheet(t, "Sổ theo dõi hồ sơ");
	vn(from, a);
	vn(to, b);
	snprintf(line, sizeof line, "Kỳ: từ ngày %s đến ngày %s", a, b);
	doc_table_note(t, line);
	header(t);
	return fill_rows(db, from, to, unit, asof, t, rows, err);
}
