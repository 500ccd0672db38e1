#include <config.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/calendar.h"
#include "core/dossier.h"
#include "core/task.h"
#include "store/datafile.h"
#include "store/history.h"
#include "text/collate.h"
#include "text/detect.h"
#include "text/encoding.h"
#include "text/fold.h"
#include "text/utf8.h"
#include "util/fsutil.h"
#include "util/sbuf.h"

#define MAX_EXPORT_BYTES ((size_t)2 << 30)

static const char *const channel_codes[] = { "truc-tiep", "truc-tuyen", "buu-chinh" };
static const char *const channel_labels[] = { "trực tiếp", "trực tuyến", "bưu chính" };

const char *dossier_channel_label(const char *code)
{
	for (int i = 0; i < 3; i++)
		if (strcmp(code, channel_codes[i]) == 0)
			return channel_labels[i];
	return code;
}

static int today_iso(char out[11], struct cchc_err *err)
{
	struct ymd d;
	if (date_today(&d, err))
		return err->code;
	date_format_iso(d, out);
	return CCHC_OK;
}

static char *col(sqlite3_stmt *st, int i)
{
	const unsigned char *s = sqlite3_column_text(st, i);
	return xstrdup(s ? (const char *)s : "");
}

/* ------------------------------------------------------------ input */

/* The checked values of a dossier_input: text NFC and free of controls,
 * dates ISO ("" when cleared, NULL when not given). */
struct clean_input {
	char *text[DF_COUNT];
	char received[11], due[11], resolved[11];
	bool has_received, has_due, has_resolved;
	int64_t unit_id;
	bool has_unit;
};

static void clean_free(struct clean_input *c)
{
	for (int i = 0; i < DF_COUNT; i++)
		free(c->text[i]);
}

static int clean_text(const char *s, const char *what, char **out, struct cchc_err *err)
{
	size_t bad;
	if (!utf8_valid(s, strlen(s), &bad))
		return err_set(err, CCHC_EINPUT, "%s không phải văn bản UTF-8 hợp lệ", what);
	char *n = text_nfc(s), *t = text_sanitize(n);
	free(n);
	*out = text_squeeze(t);
	free(t);
	return CCHC_OK;
}

static int clean_date(const char *s, const char *what, char out[11], bool *has,
		      struct cchc_err *err)
{
	struct ymd d;
	*has = s != NULL;
	out[0] = 0;
	if (!s || !*s)
		return CCHC_OK;
	if (!date_parse_iso(s, &d) && !date_parse_dmy(s, &d))
		return err_set(err, CCHC_EINPUT, "%s \"%s\" không phải ngày (dd/mm/yyyy)", what, s);
	date_format_iso(d, out);
	return CCHC_OK;
}

static const char *input_field(const struct dossier_input *in, int f)
{
	const char *v[DF_COUNT] = { in->code, in->procedure, in->field, in->holder, in->address,
				    in->contact, in->received, in->due, in->resolved, in->status,
				    in->channel, in->unit };
	return v[f];
}

static const char *const field_labels[DF_COUNT] = {
	"mã hồ sơ", "tên thủ tục", "lĩnh vực", "chủ hồ sơ", "địa chỉ", "liên hệ", "ngày tiếp nhận",
	"hạn xử lý", "ngày hoàn thành", "trạng thái", "hình thức nộp", "phòng xử lý"
};

static int clean_channel(struct clean_input *c, struct cchc_err *err)
{
	enum dossier_channel ch;
	char *t = c->text[DF_CHANNEL];
	if (!t)
		return CCHC_OK;
	if (!dossier_channel_parse(t, &ch))
		return err_set(err, CCHC_EINPUT, "Hình thức nộp \"%s\" không rõ (trực tiếp, trực "
			       "tuyến, bưu chính)", t);
	free(t);
	c->text[DF_CHANNEL] = xstrdup(dossier_channel_code(ch));
	return CCHC_OK;
}

static int clean_unit(struct db *db, struct clean_input *c, struct cchc_err *err)
{
	const char *u = c->text[DF_UNIT];
	c->has_unit = u != NULL;
	c->unit_id = 0;
	if (!u || !*u)
		return CCHC_OK;
	if (!(c->unit_id = unit_id_by_code(db, u)))
		return err_set(err, CCHC_EINPUT, "Không có đơn vị mã \"%s\" (xem cchc unit list)", u);
	return CCHC_OK;
}

static int clean_input(struct db *db, const struct dossier_input *in, struct clean_input *c,
		       struct cchc_err *err)
{
	memset(c, 0, sizeof *c);
	for (int f = 0; f < DF_COUNT; f++) {
		const char *v = input_field(in, f);
		if (v && f != DF_RECEIVED && f != DF_DUE && f != DF_RESOLVED &&
		    clean_text(v, field_labels[f], &c->text[f], err))
			return err->code;
	}
	if (clean_date(in->received, "Ngày tiếp nhận", c->received, &c->has_received, err) ||
	    clean_date(in->due, "Hạn xử lý", c->due, &c->has_due, err) ||
	    clean_date(in->resolved, "Ngày hoàn thành", c->resolved, &c->has_resolved, err) ||
	    clean_channel(c, err) || clean_unit(db, c, err))
		return err->code;
	return CCHC_OK;
}

/* The rules every stored dossier obeys, on the values it will have. */
static int check_dates(const char *code, const char *received, const char *due,
		       const char *resolved, struct cchc_err *err)
{
	char a[11], b[11];
	struct ymd d;
	if (!*code)
		return err_set(err, CCHC_EINPUT, "Thiếu mã hồ sơ");
	if (!*received)
		return err_set(err, CCHC_EINPUT, "Thiếu ngày tiếp nhận của hồ sơ %s", code);
	date_parse_iso(received, &d);
	date_format_vn(d, a);
	if (*due && strcmp(due, received) < 0) {
		date_parse_iso(due, &d);
		date_format_vn(d, b);
		return err_set(err, CCHC_EINPUT, "Hạn xử lý %s trước ngày tiếp nhận %s", b, a);
	}
	if (*resolved && strcmp(resolved, received) < 0) {
		date_parse_iso(resolved, &d);
		date_format_vn(d, b);
		return err_set(err, CCHC_EINPUT, "Ngày hoàn thành %s trước ngày tiếp nhận %s", b, a);
	}
	return CCHC_OK;
}

/* ------------------------------------------------------------ add, edit */

static const char UPSERT_SQL[] =
	"INSERT INTO dossier(code, procedure, field, holder, address, contact, received_on, due_on, "
	"resolved_on, status, channel, unit_id, source, updated_at) "
	"VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, nullif(?8, ''), nullif(?9, ''), ?10, ?11, ?12, ?13, "
	"datetime('now')) ON CONFLICT(code) DO UPDATE SET procedure = excluded.procedure, "
	"field = excluded.field, holder = excluded.holder, address = excluded.address, "
	"contact = excluded.contact, received_on = excluded.received_on, due_on = excluded.due_on, "
	"resolved_on = excluded.resolved_on, status = excluded.status, channel = excluded.channel, "
	"unit_id = coalesce(excluded.unit_id, dossier.unit_id), source = excluded.source, "
	"updated_at = excluded.updated_at WHERE (dossier.procedure, dossier.field, dossier.holder, "
	"dossier.address, dossier.contact, dossier.received_on, coalesce(dossier.due_on, ''), "
	"coalesce(dossier.resolved_on, ''), dossier.status, dossier.channel, "
	"coalesce(dossier.unit_id, 0)) IS NOT (excluded.procedure, excluded.field, excluded.holder, "
	"excluded.address, excluded.contact, excluded.received_on, coalesce(excluded.due_on, ''), "
	"coalesce(excluded.resolved_on, ''), excluded.status, excluded.channel, "
	"coalesce(excluded.unit_id, dossier.unit_id, 0))";

/* Binds one dossier's values to UPSERT_SQL; text[] holds every field. */
static void bind_dossier(sqlite3_stmt *st, char *const text[DF_COUNT], const char *received,
			 const char *due, const char *resolved, int64_t unit_id, const char *source)
{
	static const int text_fields[] = { DF_CODE, DF_PROCEDURE, DF_FIELD, DF_HOLDER, DF_ADDRESS,
					   DF_CONTACT };
	for (int i = 0; i < 6; i++)
		sqlite3_bind_text(st, i + 1, text[text_fields[i]] ? text[text_fields[i]] : "", -1,
				  SQLITE_STATIC);
	sqlite3_bind_text(st, 7, received, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 8, due, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 9, resolved, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 10, text[DF_STATUS] ? text[DF_STATUS] : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 11, text[DF_CHANNEL] ? text[DF_CHANNEL] : "truc-tiep", -1,
			  SQLITE_STATIC);
	if (unit_id)
		sqlite3_bind_int64(st, 12, unit_id);
	else
		sqlite3_bind_null(st, 12);
	sqlite3_bind_text(st, 13, source, -1, SQLITE_STATIC);
}

static int store_one(struct db *db, struct clean_input *c, struct cchc_err *err)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db->h, UPSERT_SQL, -1, &st, NULL);
	if (rc != SQLITE_OK)
		return db_fail(db, rc, "lưu hồ sơ", err);
	bind_dossier(st, c->text, c->received, c->due, c->resolved, c->unit_id, "manual");
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? CCHC_OK : db_fail(db, rc, "lưu hồ sơ", err);
}

int dossier_add(struct db *db, const struct dossier_input *in, int64_t *id, struct cchc_err *err)
{
	struct clean_input c;
	int rc = clean_input(db, in, &c, err);
	if (!rc)
		rc = check_dates(c.text[DF_CODE] ? c.text[DF_CODE] : "", c.received, c.due,
				 c.resolved, err);
	if (!rc && dossier_id_by_code(db, c.text[DF_CODE]))
		rc = err_set(err, CCHC_EDUP, "Đã có hồ sơ mã %s (sửa bằng cchc dossier edit)",
			     c.text[DF_CODE]);
	if (!rc && !(rc = db_begin(db, err)) && !(rc = store_one(db, &c, err)) &&
	    !(rc = db_commit(db, err)))
		*id = dossier_id_by_code(db, c.text[DF_CODE]);
	else
		db_rollback(db);
	clean_free(&c);
	return rc;
}

/* Fills the fields not given in c from the stored dossier d. */
static void merge_stored(struct clean_input *c, const struct dossier_info *d)
{
	char *stored[DF_COUNT] = { d->code, d->procedure, d->field, d->holder, d->address,
				   d->contact, NULL, NULL, NULL, d->status, d->channel, NULL };
	for (int f = 0; f < DF_COUNT; f++)
		if (!c->text[f] && stored[f])
			c->text[f] = xstrdup(stored[f]);
	if (!c->has_received)
		snprintf(c->received, sizeof c->received, "%s", d->received_on);
	if (!c->has_due)
		snprintf(c->due, sizeof c->due, "%s", d->due_on);
	if (!c->has_resolved)
		snprintf(c->resolved, sizeof c->resolved, "%s", d->resolved_on);
}

static int update_one(struct db *db, int64_t id, struct clean_input *c, bool keep_unit,
		      struct cchc_err *err)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db->h, "UPDATE dossier SET code = ?1, procedure = ?2, "
				    "field = ?3, holder = ?4, address = ?5, contact = ?6, "
				    "received_on = ?7, due_on = nullif(?8, ''), "
				    "resolved_on = nullif(?9, ''), status = ?10, channel = ?11, "
				    "unit_id = CASE WHEN ?14 THEN unit_id ELSE ?12 END, "
				    "updated_at = datetime('now') WHERE id = ?15", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return db_fail(db, rc, "sửa hồ sơ", err);
	bind_dossier(st, c->text, c->received, c->due, c->resolved, c->unit_id, "manual");
	sqlite3_bind_int(st, 14, keep_unit);
	sqlite3_bind_int64(st, 15, id);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc == SQLITE_CONSTRAINT)
		return err_set(err, CCHC_EDUP, "Đã có hồ sơ khác mã %s", c->text[DF_CODE]);
	return rc == SQLITE_DONE ? CCHC_OK : db_fail(db, rc, "sửa hồ sơ", err);
}

int dossier_edit(struct db *db, int64_t id, const struct dossier_input *in, struct cchc_err *err)
{
	struct dossier_info d;
	if (dossier_get(db, id, &d, err))
		return err->code;
	struct clean_input c;
	int rc = clean_input(db, in, &c, err);
	if (!rc) {
		merge_stored(&c, &d);
		rc = check_dates(c.text[DF_CODE], c.received, c.due, c.resolved, err);
	}
	if (!rc && !(rc = db_begin(db, err)) && !(rc = update_one(db, id, &c, !c.has_unit, err)))
		rc = db_commit(db, err);
	if (rc)
		db_rollback(db);
	clean_free(&c);
	dossier_info_free(&d);
	return rc;
}

int64_t dossier_id_by_code(struct db *db, const char *code)
{
	return db_int_by_text(db, "SELECT id FROM dossier WHERE code = ?1", code ? code : "");
}

/* ------------------------------------------------------------ reading */

#define DOSSIER_COLUMNS \
	"d.id, coalesce(l.id, 0), d.code, d.procedure, d.field, d.holder, d.address, d.contact, " \
	"d.status, d.channel, coalesce(d.received_on, ''), coalesce(d.due_on, ''), " \
	"coalesce(d.resolved_on, ''), coalesce(u.code, ''), coalesce(l.number, '') "
#define DOSSIER_FROM \
	" FROM dossier d LEFT JOIN unit u ON u.id = d.unit_id LEFT JOIN letter l ON " \
	"l.dossier_id = d.id "

/* Working days late: after the due date up to completion, or to today when
 * still open; 0 when not late. */
static int days_late(struct calendar *cal, const struct dossier_info *d, const char *today)
{
	const char *end = *d->resolved_on ? d->resolved_on : today;
	struct ymd a, b;
	int n = 0;
	struct cchc_err err;
	if (!*d->due_on || strcmp(end, d->due_on) <= 0 || !date_parse_iso(d->due_on, &a) ||
	    !date_parse_iso(end, &b) || calendar_between(cal, a, b, &n, &err))
		return 0;
	return n;
}

static void row_to_dossier(sqlite3_stmt *st, struct calendar *cal, const char *today,
			   struct dossier_info *d)
{
	memset(d, 0, sizeof *d);
	d->id = sqlite3_column_int64(st, 0);
	d->letter_id = sqlite3_column_int64(st, 1);
	char **f[] = { &d->code, &d->procedure, &d->field, &d->holder, &d->address, &d->contact,
		       &d->status, &d->channel, &d->received_on, &d->due_on, &d->resolved_on,
		       &d->unit_code, &d->letter_number };
	for (size_t i = 0; i < sizeof f / sizeof f[0]; i++)
		*f[i] = col(st, (int)i + 2);
	d->late = *d->due_on && (*d->resolved_on ? strcmp(d->resolved_on, d->due_on) > 0
						 : strcmp(today, d->due_on) > 0);
	d->days_late = d->late ? days_late(cal, d, today) : 0;
}

int dossier_get(struct db *db, int64_t id, struct dossier_info *d, struct cchc_err *err)
{
	char today[11];
	if (today_iso(today, err))
		return err->code;
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db->h, "SELECT " DOSSIER_COLUMNS DOSSIER_FROM "WHERE d.id = ?",
				    -1, &st, NULL);
	if (rc != SQLITE_OK)
		return db_fail(db, rc, "đọc hồ sơ", err);
	sqlite3_bind_int64(st, 1, id);
	struct calendar *cal = calendar_new();
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		row_to_dossier(st, cal, today, d);
	sqlite3_finalize(st);
	calendar_free(cal);
	if (rc == SQLITE_ROW)
		return CCHC_OK;
	return err_set(err, CCHC_ENOTFOUND, "Không có hồ sơ số %lld", (long long)id);
}

void dossier_info_free(struct dossier_info *d)
{
	char *f[] = { d->code, d->procedure, d->field, d->holder, d->address, d->contact, d->status,
		      d->channel, d->received_on, d->due_on, d->resolved_on, d->unit_code,
		      d->letter_number };
	for (size_t i = 0; i < sizeof f / sizeof f[0]; i++)
		free(f[i]);
	memset(d, 0, sizeof *d);
}

void dossier_list_free(struct dossier_info *v, int n)
{
	for (int i = 0; i < n; i++)
		dossier_info_free(&v[i]);
	free(v);
}

/* Late: resolved after the due date, or still open past it. The first
 * term is, word for word, the condition of the partial index dossier_late
 * (schema 13), which lets SQLite count them from that small index. */
#define LATE_SQL "(d.resolved_on > d.due_on OR d.resolved_on IS NULL) AND " \
	"(d.resolved_on IS NOT NULL OR d.due_on < ?1)"

/* Each view: its rows, its order and the index that reads them in it;
 * the sort key is text so that one keyset comparison (key, id) serves
 * every view. The late lists are read from dossier_late, in due order and
 * sorted by id within a day (a few dozen rows): SQLite chose dossier_by_due,
 * whole order but every dossier looked up, and End read thousands of
 * dossiers due in the coming weeks before the last late one (5 ms at a
 * million dossiers; 0.5 ms from the index). */
static const struct {
	const char *where, *key;  /* the rows; the sort key (then d.id) */
	bool descending;
	const char *index;        /* INDEXED BY, or NULL: SQLite's choice */
} views[] = {
	[DV_ALL] = { "1", "d.received_on", true, NULL },
	[DV_LATE] = { LATE_SQL, "d.due_on", false, "dossier_late" },
	[DV_LATE_NO_LETTER] = { LATE_SQL " AND l.id IS NULL", "d.due_on", false, "dossier_late" },
	[DV_PENDING] = { "d.resolved_on IS NULL", "coalesce(d.due_on, '9999-12-31')", false, NULL },
};

/* The view's condition and the filter's: only those set. */
static void view_filters(struct sbuf *b, const struct dossier_filter *f, const char *where)
{
	sbuf_addf(b, "%s ", where);
	if (f->from && *f->from)
		sbuf_add(b, "AND d.received_on >= ?2 ");
	if (f->to && *f->to)
		sbuf_add(b, "AND d.received_on <= ?3 ");
	if (f->unit_code && *f->unit_code)
		sbuf_add(b, "AND d.unit_id = ?4 ");
	if (f->query && *f->query)
		sbuf_add(b, "AND (d.code LIKE ?5 || '%' OR vi_match(d.holder || ' ' || "
			 "d.procedure || ' ' || d.code, ?5)) ");
}

/* The rows put aside (dossier_hits_walk) at f's level, in their order;
 * ?7 the key's id. */
static char *hits_sql(const struct dossier_filter *f, bool count)
{
	struct sbuf b = SBUF_INIT;
	int l = f->hit_level;
	if (count) {
		sbuf_addf(&b, "SELECT count(*) FROM temp.dossier_hit%d", l);
		return sbuf_detach(&b);
	}
	sbuf_addf(&b, "SELECT " DOSSIER_COLUMNS " FROM temp.dossier_hit%d h CROSS JOIN dossier d ON "
		  "d.id = h.id LEFT JOIN unit u ON u.id = d.unit_id LEFT JOIN letter l ON "
		  "l.dossier_id = d.id WHERE 1 ", l);
	if (f->after)
		sbuf_addf(&b, "AND h.pos %s (SELECT pos FROM temp.dossier_hit%d WHERE id = ?7) ",
			  f->reverse ? "<" : ">", l);
	sbuf_addf(&b, "ORDER BY h.pos%s LIMIT ?8", f->reverse ? " DESC" : "");
	return sbuf_detach(&b);
}

static char *list_sql(const struct dossier_filter *f, bool count)
{
	if (f->use_hits)
		return hits_sql(f, count);
	struct sbuf b = SBUF_INIT;
	/* only the conditions set, so that SQLite can use an index for them;
	 * a count without the unit (it would make the late index not cover).
	 * Late without a letter are counted as late less late with a letter
	 * (one letter per dossier): the first from the late index alone, the
	 * second from the few letters, instead of a letter lookup per late
	 * dossier. */
	/* unfiltered (the Overview's figure): the resolved ones are counted by
	 * the triggers of schema 25, the open ones past due from the index
	 * dossier_open alone, less the open ones with a letter that schema 28
	 * keeps by due date (a letter looked up for each of 10,000 open
	 * dossiers past due was 22 M instructions at a million dossiers) */
	if (count && f->view == DV_LATE_NO_LETTER && !(f->from && *f->from) &&
	    !(f->to && *f->to) && !(f->unit_code && *f->unit_code) && !(f->query && *f->query))
		return xstrdup("SELECT (SELECT no_letter FROM dossier_tally_late WHERE id = 1) + "
			       "(SELECT count(*) FROM dossier d INDEXED BY dossier_open WHERE "
			       "d.resolved_on IS NULL AND d.due_on < ?1) - (SELECT count(*) FROM "
			       "dossier_tally_open_letter WHERE due_on < ?1)");
	if (count && f->view == DV_LATE_NO_LETTER) {
		struct dossier_filter late = *f;
		late.view = DV_LATE;
		char *all = list_sql(&late, true);
		sbuf_addf(&b, "SELECT (%s) - (SELECT count(*) FROM letter l CROSS JOIN dossier d ON "
			  "d.id = l.dossier_id WHERE ", all);
		free(all);
		view_filters(&b, f, views[DV_LATE].where);
		sbuf_add(&b, ")");
		return sbuf_detach(&b);
	}
	if (count)   /* no view counted here names the letter */
		sbuf_add(&b, "SELECT count(*) FROM dossier d ");
	else
		sbuf_addf(&b, "SELECT " DOSSIER_COLUMNS " FROM dossier d %s%s LEFT JOIN unit u ON "
			  "u.id = d.unit_id LEFT JOIN letter l ON l.dossier_id = d.id ",
			  views[f->view].index ? "INDEXED BY " : "",
			  views[f->view].index ? views[f->view].index : "");
	sbuf_add(&b, "WHERE ");
	view_filters(&b, f, views[f->view].where);
	if (count)
		return sbuf_detach(&b);
	/* reverse: the rows before the key (or the last ones), read from the
	 * end; dossier_list puts them back in the list's order */
	bool down = views[f->view].descending != f->reverse;
	const char *key = views[f->view].key;
	if (f->after)
		sbuf_addf(&b, "AND (%s, d.id) %s (?6, ?7) ", key, down ? "<" : ">");
	sbuf_addf(&b, "ORDER BY %s%s, d.id%s LIMIT ?8", key, down ? " DESC" : "",
		  down ? " DESC" : "");
	return sbuf_detach(&b);
}

/* sql (taken) prepared with the filter's parameters bound: ?1 today,
 * ?2 ?3 the receipt dates, ?4 the unit, ?5 the typed text (view_filters);
 * what names the work in an error. */
static int prepare_filtered(struct db *db, const struct dossier_filter *f, const char *today,
			    char *sql, const char *what, sqlite3_stmt **st, struct cchc_err *err)
{
	int64_t unit = 0;
	if (f->unit_code && *f->unit_code && !(unit = unit_id_by_code(db, f->unit_code))) {
		free(sql);
		return err_set(err, CCHC_EINPUT, "Không có đơn vị mã \"%s\" (xem cchc unit list)",
			       f->unit_code);
	}
	int rc = sqlite3_prepare_v2(db->h, sql, -1, st, NULL);
	free(sql);
	if (rc != SQLITE_OK)
		return db_fail(db, rc, what, err);
	sqlite3_bind_text(*st, 1, today, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(*st, 2, f->from ? f->from : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(*st, 3, f->to ? f->to : "", -1, SQLITE_STATIC);
	sqlite3_bind_int64(*st, 4, unit);
	sqlite3_bind_text(*st, 5, f->query ? f->query : "", -1, SQLITE_STATIC);
	return CCHC_OK;
}

static int prepare_list(struct db *db, const struct dossier_filter *f, bool count,
			const char *today, sqlite3_stmt **st, struct cchc_err *err)
{
	if (prepare_filtered(db, f, today, list_sql(f, count), "đọc danh sách hồ sơ", st, err))
		return err->code;
	if (f->after) {
		const struct dossier_info *k = f->after;
		const char *key = f->view == DV_ALL ? k->received_on
				: *k->due_on ? k->due_on : "9999-12-31";
		if (!f->use_hits)
			sqlite3_bind_text(*st, 6, key, -1, SQLITE_STATIC);
		sqlite3_bind_int64(*st, 7, k->id);
	}
	sqlite3_bind_int(*st, 8, f->limit > 0 ? f->limit : -1);
	return CCHC_OK;
}

int dossier_list(struct db *db, const struct dossier_filter *f, struct dossier_info **out, int *n,
		 struct cchc_err *err)
{
	*out = NULL;
	*n = 0;
	char today[11];
	sqlite3_stmt *st;
	if (today_iso(today, err) || prepare_list(db, f, false, today, &st, err))
		return err->code;
	struct calendar *cal = calendar_new();
	int cap = 0, rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 32;
			*out = xrealloc(*out, sizeof **out * (size_t)cap);
		}
		row_to_dossier(st, cal, today, &(*out)[(*n)++]);
	}
	sqlite3_finalize(st);
	calendar_free(cal);
	if (rc == SQLITE_DONE) {
		if (f->reverse)
			array_reverse(*out, (size_t)*n, sizeof **out);
		return CCHC_OK;
	}
	dossier_list_free(*out, *n);
	*out = NULL;
	*n = 0;
	return db_fail(db, rc, "đọc danh sách hồ sơ", err);
}

/* The table of level l, made empty. */
static int hits_clear(struct db *db, int l, struct cchc_err *err)
{
	char sql[160];
	snprintf(sql, sizeof sql, "CREATE TEMP TABLE IF NOT EXISTS dossier_hit%d(pos INTEGER "
		 "PRIMARY KEY, id INTEGER NOT NULL UNIQUE); DELETE FROM temp.dossier_hit%d", l, l);
	int rc = sqlite3_exec(db->h, sql, NULL, NULL, NULL);
	return rc == SQLITE_OK ? CCHC_OK : db_fail(db, rc, "lọc hồ sơ", err);
}

int dossier_hits_reset(struct db *db, struct dossier_walk *w, struct cchc_err *err)
{
	memset(w, 0, sizeof *w);
	return hits_clear(db, 0, err);
}

/* The filter's words, as view_filters asks for them of each row. */
#define HIT_MATCH "(d.code LIKE ?5 || '%' OR vi_match(d.holder || ' ' || d.procedure || ' ' || " \
	"d.code, ?5))"

int dossier_hits_narrow(struct db *db, const struct dossier_filter *f, struct dossier_walk *w,
			struct cchc_err *err)
{
	int l = w->level, to = l + 1 < DOSSIER_HIT_LEVELS ? l + 1 : l;
	char sql[320];
	if (to == l)
		snprintf(sql, sizeof sql, "DELETE FROM temp.dossier_hit%d WHERE id IN (SELECT h.id "
			 "FROM temp.dossier_hit%d h CROSS JOIN dossier d ON d.id = h.id WHERE NOT %s)", l,
			 l, HIT_MATCH);
	else if (hits_clear(db, to, err))
		return err->code;
	else
		snprintf(sql, sizeof sql, "INSERT INTO temp.dossier_hit%d(id) SELECT h.id FROM "
			 "temp.dossier_hit%d h CROSS JOIN dossier d ON d.id = h.id WHERE %s ORDER BY h.pos",
			 to, l, HIT_MATCH);
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db->h, sql, -1, &st, NULL);
	if (rc != SQLITE_OK)
		return db_fail(db, rc, "lọc hồ sơ", err);
	sqlite3_bind_text(st, 5, f->query ? f->query : "", -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_fail(db, rc, "lọc hồ sơ", err);
	w->found = to == l ? w->found - sqlite3_changes(db->h) : sqlite3_changes(db->h);
	w->level = to;
	return CCHC_OK;
}

/* The view's rows after the last one walked, in its order, each with its
 * sort key and whether the words match it; read from the view's index as
 * the list is (SQLite chose dossier_by_due for the late lists, a million
 * dossiers looked up to walk 66,000 late ones). */
static char *walk_sql(const struct dossier_filter *f, const struct dossier_walk *w)
{
	struct sbuf b = SBUF_INIT;
	struct dossier_filter v = *f;
	v.query = NULL;
	sbuf_addf(&b, "SELECT d.id, %s, ", views[f->view].key);
	sbuf_addf(&b, "%s FROM dossier d %s%s LEFT JOIN letter l ON l.dossier_id = d.id WHERE ",
		  HIT_MATCH, views[f->view].index ? "INDEXED BY " : "",
		  views[f->view].index ? views[f->view].index : "");
	view_filters(&b, &v, views[f->view].where);
	bool down = views[f->view].descending;
	const char *key = views[f->view].key;
	if (w->any)
		sbuf_addf(&b, "AND (%s, d.id) %s (?6, ?7) ", key, down ? "<" : ">");
	sbuf_addf(&b, "ORDER BY %s%s, d.id%s", key, down ? " DESC" : "", down ? " DESC" : "");
	return sbuf_detach(&b);
}

static int walk_prepare(struct db *db, const struct dossier_filter *f, const struct dossier_walk *w,
			sqlite3_stmt **st, struct cchc_err *err)
{
	char today[11];
	if (today_iso(today, err) ||
	    prepare_filtered(db, f, today, walk_sql(f, w), "lọc hồ sơ", st, err))
		return err->code;
	sqlite3_bind_text(*st, 6, w->key, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(*st, 7, w->id);
	return CCHC_OK;
}

int dossier_hits_walk(struct db *db, const struct dossier_filter *f, struct dossier_walk *w,
		      int64_t want, bool (*stop)(void *ctx), void *ctx, struct cchc_err *err)
{
	sqlite3_stmt *st, *ins;
	if (w->done)
		return CCHC_OK;
	if (walk_prepare(db, f, w, &st, err))
		return err->code;
	char sql[64];
	snprintf(sql, sizeof sql, "INSERT INTO temp.dossier_hit%d(id) VALUES(?1)", w->level);
	int rc = sqlite3_prepare_v2(db->h, sql, -1, &ins, NULL);
	/* the rows put aside in one transaction of the temporary database, not
	 * one each (two thirds of the walk's time) */
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(db->h, "SAVEPOINT dossier_walk", NULL, NULL, NULL);
	if (rc != SQLITE_OK) {
		sqlite3_finalize(st);
		sqlite3_finalize(ins);
		return db_fail(db, rc, "lọc hồ sơ", err);
	}
	for (int n = 1; (rc = sqlite3_step(st)) == SQLITE_ROW; n++) {
		int64_t id = sqlite3_column_int64(st, 0);
		const char *key = (const char *)sqlite3_column_text(st, 1);
		snprintf(w->key, sizeof w->key, "%s", key ? key : "");
		w->id = id;
		w->any = true;
		if (sqlite3_column_int(st, 2)) {
			sqlite3_bind_int64(ins, 1, id);
			if (sqlite3_step(ins) != SQLITE_DONE)
				break;
			sqlite3_reset(ins);
			w->found++;
		}
		if ((want && w->found >= want) || (n % 32 == 0 && stop && stop(ctx)))
			break;
	}
	w->done = rc == SQLITE_DONE;
	int ok = rc == SQLITE_ROW || rc == SQLITE_DONE;
	if (!ok)
		rc = sqlite3_errcode(db->h);
	sqlite3_finalize(st);
	sqlite3_finalize(ins);
	int end = sqlite3_exec(db->h, "RELEASE dossier_walk", NULL, NULL, NULL);
	if (ok && end != SQLITE_OK)
		ok = false, rc = end;
	return ok ? CCHC_OK : db_fail(db, rc, "lọc hồ sơ", err);
}

int dossier_count(struct db *db, const struct dossier_filter *f, int64_t *n, struct cchc_err *err)
{
	char today[11];
	sqlite3_stmt *st;
	*n = 0;
	if (today_iso(today, err) || prepare_list(db, f, true, today, &st, err))
		return err->code;
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? CCHC_OK : db_fail(db, rc, "đếm hồ sơ", err);
}

/* ------------------------------------------------------------ import */

static char *read_map(const char *map_path, const char **what, struct cchc_err *err)
{
	char *text = NULL;
	size_t len;
	if (map_path) {
		*what = map_path;
		return fs_read_file(map_path, 1 << 20, &text, &len, err) ? NULL : text;
	}
	char *dir = datafile_config_dir(), *own = NULL;
	struct sbuf p = SBUF_INIT;
	sbuf_addf(&p, "%s/dossier-columns.txt", dir);
	free(dir);
	struct cchc_err ignored;
	if (fs_read_file(p.s, 1 << 20, &own, &len, &ignored) == CCHC_OK) {
		*what = "~/.config/cchc/dossier-columns.txt";
		sbuf_free(&p);
		return own;
	}
	sbuf_free(&p);
	*what = "data/dossier-columns.txt";
	text = datafile_read("data/dossier-columns.txt", &len, NULL);
	if (!text)
		err_set(err, CCHC_EIO, "Không đọc được tệp ánh xạ cột data/dossier-columns.txt");
	return text;
}

int dossier_map_load(const char *map_path, struct dossier_map *map, struct cchc_err *err)
{
	const char *what;
	char *text = read_map(map_path, &what, err);
	if (!text)
		return err->code;
	int rc = dossier_map_parse(text, what, map, err);
	free(text);
	return rc;
}

/* The encoding of an export read whole: the one named, else as guessed
 * from its start (text/detect.h); NULL for UTF-8 or a BOM, which
 * text_decode_input knows. */
/* The encoding to decode raw with: the one named, else the guess. */
static int encoding_of(const char *raw, size_t n, const char *named, const char *what,
		       const char **enc, struct cchc_err *err)
{
	struct text_guess g;
	*enc = named;
	if (named)
		return CCHC_OK;
	size_t sample = n < 65536 ? n : 65536;
	if (!text_guess_encoding(raw, sample, sample == n, &g))
		return text_refuse_unknown(what, raw, sample, err);
	*enc = g.bom ? NULL : g.iconv;
	return CCHC_OK;
}

int dossier_read_file(const char *path, const char *encoding, const char *map_path,
		      struct dossier_parse *out, struct cchc_err *err)
{
	memset(out, 0, sizeof *out);
	struct dossier_map map;
	int rc = dossier_map_load(map_path, &map, err);
	if (rc)
		return rc;
	char *raw = NULL, *text = NULL;
	size_t rawlen, len;
	struct sbuf what = SBUF_INIT;
	sbuf_addf(&what, "Tệp hồ sơ %s", path);
	if (!(rc = fs_read_file(path, MAX_EXPORT_BYTES, &raw, &rawlen, err)) &&
	    !(rc = encoding_of(raw, rawlen, encoding, what.s, &encoding, err)) &&
	    !(rc = text_decode_input(raw, rawlen, encoding, what.s, &text, &len, err)))
		rc = dossier_parse_text(text, len, &map, out, err);
	sbuf_free(&what);
	free(raw);
	free(text);
	dossier_map_free(&map);
	return rc;
}

/* ------------------------------------------------------------ statistics */

/* The dossiers of a period: received in it, or earlier and not resolved
 * before it (carried over): three disjoint sets, each read from an index
 * (received_on; resolved_on with received_on, schema 14), joined with
 * UNION ALL, and counted here. As one WHERE of three ORs SQLite merged the
 * row ids of some 200,000 index entries for a province's year, and nine
 * sum()s in SQL cost more than reading the rows: 0.4 s then, 60 ms now. */
#define STATS_COLS "SELECT received_on, channel, resolved_on, due_on, field, unit_id, status " \
	"FROM dossier "
static const char STATS_SQL[] =
	"SELECT d.received_on, d.channel, d.resolved_on, d.due_on, %s, d.status "
	"FROM (" STATS_COLS "WHERE received_on BETWEEN ?1 AND ?2 "
	"UNION ALL " STATS_COLS "WHERE resolved_on >= ?1 AND +received_on < ?1 "
	"UNION ALL " STATS_COLS "WHERE resolved_on IS NULL AND received_on < ?1) d "
	"%s";

struct stats_group {
	char *key;
	struct dossier_stats s;
};

/* Whether a status says the dossier was withdrawn ("Công dân rút hồ sơ")
 * or returned at the applicant's request ("Trả lại hồ sơ theo yêu cầu"):
 * the words "rút" or "trả lại", tones and case ignored. */
bool dossier_status_withdrawn(const char *status)
{
	if (!status || !*status)
		return false;
	char *f = text_fold(status, false);
	bool yes = false;
	for (char *p = f; (p = strstr(p, "rut")) && !yes; p += 3)
		yes = (p == f || p[-1] == ' ') && (!p[3] || p[3] == ' ');
	yes = yes || strstr(f, "tra lai") != NULL;
	free(f);
	return yes;
}

/* One dossier into s: the rules of Biểu 06a. A dossier without a due date
 * resolved in the period is on time; dates are ISO text. A dossier
 * withdrawn or returned at the applicant's request is counted as the
 * one-stop systems count it (DOMAIN.md §8): closed in the period, it is
 * resolved "đúng hạn" whatever its dates; still open, it is pending
 * "trong hạn" — the delay is not the agency's. */
static void stats_count(struct dossier_stats *s, const char *received, const char *channel,
			const char *resolved, const char *due, const char *from, const char *to,
			const char *asof, bool withdrawn)
{
	if (received && strcmp(received, from) >= 0) {
		if (channel && strcmp(channel, "truc-tuyen") == 0)
			s->received_online++;
		else if (channel)
			s->received_offline++;
	} else if (received)
		s->received_carried++;
	if (resolved && strcmp(resolved, from) >= 0 && strcmp(resolved, to) <= 0) {
		s->resolved_total++;
		int c = due && !withdrawn ? strcmp(resolved, due) : 0;
		if (c < 0)
			s->resolved_early++;
		else if (c == 0)
			s->resolved_on_time++;
		else
			s->resolved_late++;
	}
	if (!resolved || strcmp(resolved, to) > 0) {
		s->pending_total++;
		if (due && strcmp(due, asof) < 0 && !withdrawn)
			s->pending_overdue++;
	}
}

/* Statuses repeat ("Đã trả kết quả" on most rows): the last one's answer
 * is kept so that a year of dossiers is not folded row by row. */
struct withdrawn_cache {
	char *status;
	bool yes;
};

static bool withdrawn_cached(struct withdrawn_cache *c, const char *status)
{
	status = status ? status : "";
	if (!c->status || strcmp(c->status, status) != 0) {
		free(c->status);
		c->status = xstrdup(status);
		c->yes = dossier_status_withdrawn(status);
	}
	return c->yes;
}

static int stats_group_cmp(const void *a, const void *b)
{
	const struct stats_group *x = a, *y = b;
	return text_collate(x->key, strlen(x->key), y->key, strlen(y->key));
}

int dossier_stats(struct db *db, const char *from, const char *to, enum dossier_group group,
		  struct dossier_stats **out, int *n, struct cchc_err *err)
{
	char today[11];
	*out = NULL;
	*n = 0;
	if (today_iso(today, err))
		return err->code;
	const char *asof = strcmp(today, to) < 0 ? today : to;
	struct sbuf sql = SBUF_INIT;
	sbuf_addf(&sql, STATS_SQL,
		  group == DG_FIELD ? "d.field" : group == DG_UNIT ? "coalesce(u.name, '')" : "''",
		  group == DG_UNIT ? "LEFT JOIN unit u ON u.id = d.unit_id" : "");
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db->h, sql.s, -1, &st, NULL);
	sbuf_free(&sql);
	if (rc != SQLITE_OK)
		return db_fail(db, rc, "thống kê hồ sơ", err);
	sqlite3_bind_text(st, 1, from, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, to, -1, SQLITE_STATIC);
	/* the groups are few (fields, units): the last one found is tried first */
	struct stats_group *g = NULL;
	int ng = 0, last = -1;
	if (group == DG_NONE) {
		g = xcalloc(1, sizeof *g);
		g[0].key = xstrdup("");
		ng = 1;
		last = 0;
	}
	struct withdrawn_cache wc = { NULL, false };
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *key = (const char *)sqlite3_column_text(st, 4);
		key = key ? key : "";
		if (last < 0 || strcmp(g[last].key, key) != 0) {
			for (last = 0; last < ng && strcmp(g[last].key, key) != 0; last++)
				;
			if (last == ng) {
				g = xrealloc(g, sizeof *g * (size_t)(ng + 1));
				g[ng] = (struct stats_group){ .key = xstrdup(key) };
				ng++;
			}
		}
		stats_count(&g[last].s, (const char *)sqlite3_column_text(st, 0),
			    (const char *)sqlite3_column_text(st, 1),
			    (const char *)sqlite3_column_text(st, 2),
			    (const char *)sqlite3_column_text(st, 3), from, to, asof,
			    withdrawn_cached(&wc, (const char *)sqlite3_column_text(st, 5)));
	}
	sqlite3_finalize(st);
	free(wc.status);
	if (rc == SQLITE_DONE) {
		if (ng > 1)
			qsort(g, (size_t)ng, sizeof *g, stats_group_cmp);
		*out = xcalloc((size_t)ng + 1, sizeof **out);
		for (int i = 0; i < ng; i++) {
			struct dossier_stats *s = &(*out)[i];
			*s = g[i].s;
			snprintf(s->group, sizeof s->group, "%s", g[i].key);
			s->received_total = s->received_online + s->received_offline +
					    s->received_carried;
			s->pending_in_time = s->pending_total - s->pending_overdue;
		}
		*n = ng;
	}
	for (int i = 0; i < ng; i++)
		free(g[i].key);
	free(g);
	return rc == SQLITE_DONE ? CCHC_OK : db_fail(db, rc, "thống kê hồ sơ", err);
}

void dossier_stats_add(struct dossier_stats *a, const struct dossier_stats *b)
{
	int64_t *x[] = { &a->received_total, &a->received_online, &a->received_offline,
			 &a->received_carried, &a->resolved_total, &a->resolved_early,
			 &a->resolved_on_time, &a->resolved_late, &a->pending_total,
			 &a->pending_in_time, &a->pending_overdue };
	const int64_t y[] = { b->received_total, b->received_online, b->received_offline,
			      b->received_carried, b->resolved_total, b->resolved_early,
			      b->resolved_on_time, b->resolved_late, b->pending_total,
			      b->pending_in_time, b->pending_overdue };
	for (size_t i = 0; i < sizeof y / sizeof y[0]; i++)
		*x[i] += y[i];
}

bool dossier_on_time_rate(const struct dossier_stats *s, double *rate)
{
	if (s->resolved_total <= 0)
		return false;
	*rate = 100.0 * (double)(s->resolved_early + s->resolved_on_time) /
		(double)s->resolved_total;
	return true;
}
