/* The streaming import of the one-stop system's export (dossier.h): a
 * thread decodes the file and cuts it into rows a block at a time
 * (import/dossier_reader.c), and each good row is stored as it comes,
 * inside one transaction, by statements prepared once.
 *
 * A code repeated in the file is found through the database: each row the
 * import writes or finds unchanged is marked with the import's id and the
 * line (dossier.import_id, import_line), so a later row with that code
 * finds the mark and names the line. (A temporary table of the codes seen
 * did the same at twice the cost: one more b-tree insert per row.) Memory
 * stays the same for any size of file: a block of text, a thousand bad
 * rows, and SQLite's page cache.
 */
#include <config.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "core/dossier.h"
#include "store/history.h"
#include "store/search_index.h"
#include "store/tally.h"
#include "import/dossier_reader.h"
#include "util/progress.h"
#include "util/sbuf.h"

#define DEFAULT_BLOCK ((size_t)1 << 20)
#define MAX_RECORD ((size_t)1 << 20)   /* a longer record is skipped as bad */
#define UNITS_CACHED 64
#define BULK_ROWS 50000                /* rows from which bulk mode pays */
#define BYTES_PER_ROW 300              /* of a typical export: rows guessed from size */

enum stmt { ST_INSERT, ST_CHANGE, ST_MARK, ST_FIRST_LINE, ST_UNIT_CODE, ST_UNIT_NAME, NSTMT };

#define DOSSIER_DIFFERS "(procedure, field, holder, address, contact, received_on, due_on, " \
	"resolved_on, status, channel, coalesce(unit_id, 0)) IS NOT (?2, ?3, ?4, ?5, ?6, ?7, ?8, " \
	"?9, ?10, ?11, coalesce(?12, unit_id, 0))"

/* A row's way in: insert a new code; else update a known one whose values
 * differ; else mark the same one; each only if this import (?14) has not
 * marked the row yet, since then the code is repeated in the file. */
static const char *const stmt_sql[NSTMT] = {
	[ST_INSERT] = "INSERT INTO dossier(code, procedure, field, holder, address, contact, "
		"received_on, due_on, resolved_on, status, channel, unit_id, source, updated_at, "
		"import_id, import_line) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, "
		"'import', ?13, ?14, ?15) ON CONFLICT(code) DO NOTHING",
	[ST_CHANGE] = "UPDATE dossier SET procedure = ?2, field = ?3, holder = ?4, address = ?5, "
		"contact = ?6, received_on = ?7, due_on = ?8, resolved_on = ?9, status = ?10, "
		"channel = ?11, unit_id = coalesce(?12, unit_id), source = 'import', updated_at = "
		"?13, import_id = ?14, import_line = ?15 WHERE code = ?1 AND import_id IS NOT ?14 "
		"AND " DOSSIER_DIFFERS,
	[ST_MARK] = "UPDATE dossier SET import_id = ?2, import_line = ?3 WHERE code = ?1 AND "
		"import_id IS NOT ?2",
	[ST_FIRST_LINE] = "SELECT import_line FROM dossier WHERE code = ?1",
	[ST_UNIT_CODE] = "SELECT id FROM unit WHERE code = ?1 COLLATE NOCASE",
	[ST_UNIT_NAME] = "SELECT id FROM unit WHERE name = ?1 COLLATE NOCASE",
};

struct importer {
	struct db *db;
	const struct dossier_import_opts *o;
	struct dossier_import_result *r;
	const char *path;
	sqlite3_stmt *st[NSTMT];
	struct {
		char *text;
		int64_t id;
	} units[UNITS_CACHED];
	int nunits;
	char now[20];             /* updated_at of the rows written */
	int64_t id;               /* this import's row of dossier_import */
	long long size;           /* of the file */
	bool begun;               /* the transaction is open */
	bool bulk;                /* checks off, history triggers and date indexes dropped */
	struct sbuf restore;      /* the SQL that puts back what bulk mode dropped */
	struct search_hold search; /* the new rows are indexed at the end, in one go */
	struct tally_added *added; /* bulk mode: the monthly counts of the rows added */
	int bad_cap;
};

/* ------------------------------------------------------------ bad rows */

static void import_bad(struct importer *im, int line, const char *reason)
{
	struct dossier_import_result *r = im->r;
	r->nbad++;
	if (r->nbad_kept == DOSSIER_BAD_KEPT)
		return;
	if (r->nbad_kept == im->bad_cap) {
		im->bad_cap = im->bad_cap ? im->bad_cap * 2 : 16;
		r->bad = xrealloc(r->bad, sizeof *r->bad * (size_t)im->bad_cap);
	}
	struct dossier_bad *b = &r->bad[r->nbad_kept++];
	b->line = line;
	snprintf(b->reason, sizeof b->reason, "%s", reason);
}

void dossier_import_result_free(struct dossier_import_result *r)
{
	free(r->bad);
	r->bad = NULL;
	r->nbad_kept = 0;
}

/* ------------------------------------------------------------ statements */

static int exec_int(struct db *db, const char *sql, int64_t *v)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db->h, sql, -1, &st, NULL);
	if (rc != SQLITE_OK)
		return rc;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW && v)
		*v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? SQLITE_OK : rc;
}

static int prepare_all(struct importer *im, struct cchc_err *err)
{
	for (int i = 0; i < NSTMT; i++) {
		int rc = sqlite3_prepare_v3(im->db->h, stmt_sql[i], -1, SQLITE_PREPARE_PERSISTENT,
					    &im->st[i], NULL);
		if (rc != SQLITE_OK)
			return db_fail(im->db, rc, "chuẩn bị nhập hồ sơ", err);
	}
	return CCHC_OK;
}

static void finalize_all(struct importer *im)
{
	for (int i = 0; i < NSTMT; i++) {
		sqlite3_finalize(im->st[i]);
		im->st[i] = NULL;
	}
}

/* Steps a statement that returns at most one integer; *v keeps its value
 * when there is no row. */
static int step_int(sqlite3_stmt *st, int64_t *v)
{
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*v = sqlite3_column_int64(st, 0);
		rc = SQLITE_DONE;
	}
	sqlite3_reset(st);
	return rc;
}

/* ------------------------------------------------------------ units */

/* The unit named by s (its code, else its name), or 0; each text is looked
 * up once: an export repeats a few dozen units a million times. */
static int unit_for(struct importer *im, const char *s, int64_t *id, struct cchc_err *err)
{
	*id = 0;
	if (!*s)
		return CCHC_OK;
	for (int i = 0; i < im->nunits; i++)
		if (strcmp(im->units[i].text, s) == 0) {
			*id = im->units[i].id;
			return CCHC_OK;
		}
	for (int k = ST_UNIT_CODE; k <= ST_UNIT_NAME && !*id; k++) {
		sqlite3_bind_text(im->st[k], 1, s, -1, SQLITE_STATIC);
		int rc = step_int(im->st[k], id);
		if (rc != SQLITE_DONE)
			return db_fail(im->db, rc, "tìm đơn vị", err);
	}
	if (im->nunits < UNITS_CACHED) {
		im->units[im->nunits].text = xstrdup(s);
		im->units[im->nunits++].id = *id;
	}
	return CCHC_OK;
}

/* ------------------------------------------------------------ bulk mode */

/* Drops the schema objects named by sql (name, then its CREATE statement)
 * of schema ("main", or "temp": the history and kept triggers, whose stored
 * text has lost its TEMP) and keeps their statements to create them again at
 * the end. */
static int drop_for_bulk(struct importer *im, const char *kind, const char *schema,
			 const char *sql)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(im->db->h, sql, -1, &st, NULL);
	struct sbuf drops = SBUF_INIT;
	bool temp = strcmp(schema, "temp") == 0;
	while (rc == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW) {
		const char *create = (const char *)sqlite3_column_text(st, 1);
		sbuf_addf(&drops, "DROP %s %s.\"%s\";", kind, schema,
			  (const char *)sqlite3_column_text(st, 0));
		if (temp && strncmp(create, "CREATE TRIGGER ", 15) == 0)
			sbuf_addf(&im->restore, "CREATE TEMP TRIGGER %s;\n", create + 15);
		else
			sbuf_addf(&im->restore, "%s;\n", create);
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_OK && drops.len)
		rc = sqlite3_exec(im->db->h, drops.s, NULL, NULL, NULL);
	sbuf_free(&drops);
	return rc;
}

/* Bulk mode, for a big import into a table not much bigger, inside the
 * import's transaction: the CHECK constraints are not evaluated (the
 * statements write a channel and a source that satisfy them by
 * construction; SQLite's IN-list check costs a temporary b-tree per row);
 * the history triggers of the dossier table, which record nothing during
 * an import (history_label), are dropped rather than run for every row;
 * and the table's own indexes (the date ones) are dropped and built again
 * at the end, one sort each instead of a million scattered inserts; the
 * triggers of the monthly counts too, which are recounted at the end. The
 * code index stays: it finds the known codes. Everything is put back before
 * the commit, and a rollback puts it back by itself. */
static int bulk_begin(struct importer *im, struct cchc_err *err)
{
	int64_t have = 0, rows = im->size / BYTES_PER_ROW;
	int rc = exec_int(im->db, "SELECT count(*) FROM dossier", &have);
	if (rc == SQLITE_OK && (rows < BULK_ROWS || rows < have / 2))
		return CCHC_OK;
	im->bulk = true;
	im->added = tally_added_new();
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(im->db->h, "PRAGMA ignore_check_constraints = ON", NULL, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = drop_for_bulk(im, "TRIGGER", "temp", "SELECT name, sql FROM sqlite_temp_master "
				   "WHERE type = 'trigger' AND tbl_name = 'dossier' AND name GLOB "
				   "'history_*'");
	if (rc == SQLITE_OK)
		rc = drop_for_bulk(im, "INDEX", "main", "SELECT name, sql FROM main.sqlite_master "
				   "WHERE type = 'index' AND tbl_name = 'dossier' AND sql IS NOT NULL");
	/* the monthly counts (schema 22): recounted in one pass at the end;
	 * their triggers are the writer's temporary ones (store/kept.h) */
	if (rc == SQLITE_OK)
		rc = drop_for_bulk(im, "TRIGGER", "temp", "SELECT name, sql FROM sqlite_temp_master "
				   "WHERE type = 'trigger' AND tbl_name = 'dossier' AND name GLOB "
				   "'dossier_tally_*'");
	return rc == SQLITE_OK ? CCHC_OK : db_fail(im->db, rc, "chuẩn bị nhập hồ sơ", err);
}

static void checks_on(struct importer *im)
{
	if (im->bulk)
		sqlite3_exec(im->db->h, "PRAGMA ignore_check_constraints = OFF", NULL, NULL, NULL);
}

static int bulk_end(struct importer *im, struct cchc_err *err)
{
	checks_on(im);
	if (!im->restore.len)
		return CCHC_OK;
	int rc = sqlite3_exec(im->db->h, im->restore.s, NULL, NULL, NULL);
	/* with no row changed, the counts are those before plus the rows added */
	if (rc == SQLITE_OK && im->bulk)
		rc = im->r->updated ? tally_rebuild(im->db) : tally_added_store(im->db, im->added);
	return rc == SQLITE_OK ? CCHC_OK : db_fail(im->db, rc, "tạo lại chỉ mục hồ sơ", err);
}

/* ------------------------------------------------------------ transaction */

static void now_utc(char out[20])
{
	time_t t = time(NULL);
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(out, 20, "%Y-%m-%d %H:%M:%S", &tm);
}

/* This import's row of dossier_import: its id marks the rows it touches. */
static int import_register(struct importer *im)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(im->db->h, "INSERT INTO dossier_import(at, file) VALUES(?1, ?2)",
				    -1, &st, NULL);
	if (rc != SQLITE_OK)
		return rc;
	sqlite3_bind_text(st, 1, im->now, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, im->path, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	im->id = sqlite3_last_insert_rowid(im->db->h);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* Opens the transaction at the first good row (a file refused for its
 * header never takes the write lock) and readies the statements. */
static int import_begin(struct importer *im, struct cchc_err *err)
{
	if (db_begin(im->db, err))
		return err->code;
	im->begun = true;
	history_label(im->db, "Nhập hồ sơ từ tệp xuất của hệ thống một cửa", false);
	now_utc(im->now);
	int rc = import_register(im);
	if (rc != SQLITE_OK)
		return db_fail(im->db, rc, "chuẩn bị nhập hồ sơ", err);
	return bulk_begin(im, err) || search_dossier_hold(im->db, &im->search, err) ||
	       prepare_all(im, err) ? err->code : CCHC_OK;
}

/* Stores the counts, puts back what bulk mode dropped, and commits. */
static int import_commit(struct importer *im, struct cchc_err *err)
{
	char label[96];
	snprintf(label, sizeof label, "Nhập %lld hồ sơ từ tệp xuất của hệ thống một cửa",
		 (long long)im->r->good);
	history_label(im->db, label, false);
	finalize_all(im);
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(im->db->h, "UPDATE dossier_import SET rows = ?1 WHERE id = ?2",
				    -1, &st, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_int64(st, 1, im->r->good);
		sqlite3_bind_int64(st, 2, im->id);
		rc = sqlite3_step(st) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(im->db->h);
		sqlite3_finalize(st);
	}
	if (rc != SQLITE_OK)
		return db_fail(im->db, rc, "nhập hồ sơ", err);
	if (search_dossier_catch_up(im->db, &im->search, err) || bulk_end(im, err) ||
	    db_commit(im->db, err))
		return err->code;
	im->begun = false;
	return CCHC_OK;
}

/* Whatever happened, the statements go, and an open transaction is rolled
 * back (taking bulk mode's changes with it). */
static void import_end(struct importer *im)
{
	finalize_all(im);
	if (im->begun) {
		db_rollback(im->db);
		checks_on(im);
	}
	for (int i = 0; i < im->nunits; i++)
		free(im->units[i].text);
	sbuf_free(&im->restore);
	search_hold_free(&im->search);
	tally_added_free(im->added);
}

/* ------------------------------------------------------------ rows */

static void iso_date(struct ymd d, char out[11])
{
	unsigned y = (unsigned)d.y % 10000u, m = (unsigned)d.m % 100u, day = (unsigned)d.d % 100u;
	const char s[11] = { (char)('0' + y / 1000), (char)('0' + y / 100 % 10),
			     (char)('0' + y / 10 % 10), (char)('0' + y % 10), '-',
			     (char)('0' + m / 10), (char)('0' + m % 10), '-',
			     (char)('0' + day / 10), (char)('0' + day % 10), '\0' };
	memcpy(out, s, sizeof s);
}

static void bind_date(sqlite3_stmt *st, int i, struct ymd d, char buf[11])
{
	if (!d.y) {
		sqlite3_bind_null(st, i);
		return;
	}
	iso_date(d, buf);
	sqlite3_bind_text(st, i, buf, 10, SQLITE_STATIC);
}

/* Binds ?1..?15 of ST_INSERT and ST_CHANGE to the row's values (len: the
 * length of each text, known to the reader). */
static void bind_row(struct importer *im, sqlite3_stmt *st, const struct dossier_item *it,
		     int64_t unit, char dates[3][11])
{
	static const int text_fields[] = { DF_CODE, DF_PROCEDURE, DF_FIELD, DF_HOLDER, DF_ADDRESS,
					   DF_CONTACT };
	const struct dossier_row *row = it->row;
	for (int i = 0; i < 6; i++)
		sqlite3_bind_text(st, i + 1, row->text[text_fields[i]], it->len[text_fields[i]],
				  SQLITE_STATIC);
	bind_date(st, 7, row->received, dates[0]);
	bind_date(st, 8, row->due, dates[1]);
	bind_date(st, 9, row->resolved, dates[2]);
	sqlite3_bind_text(st, 10, row->text[DF_STATUS], it->len[DF_STATUS], SQLITE_STATIC);
	sqlite3_bind_text(st, 11, dossier_channel_code(row->channel), -1, SQLITE_STATIC);
	if (unit)
		sqlite3_bind_int64(st, 12, unit);
	else
		sqlite3_bind_null(st, 12);
	sqlite3_bind_text(st, 13, im->now, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 14, im->id);
	sqlite3_bind_int(st, 15, row->line);
}

/* Runs a writing statement; *changed tells whether it changed a row. */
static int step_write(struct importer *im, sqlite3_stmt *st, bool *changed, struct cchc_err *err)
{
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	*changed = rc == SQLITE_DONE && sqlite3_changes(im->db->h) > 0;
	if (rc != SQLITE_DONE)
		return db_fail(im->db, rc, "lưu hồ sơ", err);
	return CCHC_OK;
}

/* A repeated code: the row is bad, naming the line that has it. */
static int report_repeat(struct importer *im, const struct dossier_row *row,
			 struct cchc_err *err)
{
	int64_t first = 0;
	sqlite3_stmt *st = im->st[ST_FIRST_LINE];
	sqlite3_bind_text(st, 1, row->text[DF_CODE], -1, SQLITE_STATIC);
	int rc = step_int(st, &first);
	if (rc != SQLITE_DONE)
		return db_fail(im->db, rc, "lưu hồ sơ", err);
	char reason[sizeof im->r->bad->reason];
	dossier_duplicate_reason(row->text[DF_CODE], (int)first, reason, sizeof reason);
	import_bad(im, row->line, reason);
	return CCHC_OK;
}

/* Bulk mode: a row added, into the monthly counts (its values as bound:
 * dates[] holds the dates that are not NULL). */
static void count_added(struct importer *im, const struct dossier_row *row, int64_t unit,
			char dates[3][11])
{
	tally_added_row(im->added, row->received.y ? dates[0] : NULL,
			row->resolved.y ? dates[2] : NULL, row->due.y ? dates[1] : NULL,
			dossier_channel_code(row->channel), row->text[DF_FIELD], unit,
			row->text[DF_STATUS]);
}

/* Stores a good row by the first of ST_INSERT, ST_CHANGE and ST_MARK that
 * changes something, counting it as added, updated or unchanged; when none
 * does, this import has marked the code already: a repeat. */
static int store_row(struct importer *im, const struct dossier_item *it, int64_t unit,
		     bool *repeat, struct cchc_err *err)
{
	const struct dossier_row *row = it->row;
	int64_t *count[] = { &im->r->added, &im->r->updated, &im->r->unchanged };
	sqlite3_stmt *mark = im->st[ST_MARK];
	char dates[3][11];
	bool done;
	sqlite3_bind_text(mark, 1, row->text[DF_CODE], it->len[DF_CODE], SQLITE_STATIC);
	sqlite3_bind_int64(mark, 2, im->id);
	sqlite3_bind_int(mark, 3, row->line);
	*repeat = false;
	for (int i = 0; i < 3; i++) {
		sqlite3_stmt *st = i == 2 ? mark : im->st[i == 0 ? ST_INSERT : ST_CHANGE];
		if (i < 2)
			bind_row(im, st, it, unit, dates);
		if (step_write(im, st, &done, err))
			return err->code;
		if (done) {
			(*count[i])++;
			if (i == 0 && im->added)
				count_added(im, row, unit, dates);
			return CCHC_OK;
		}
	}
	*repeat = true;
	return report_repeat(im, row, err);
}

static int import_row(struct importer *im, const struct dossier_item *it, struct cchc_err *err)
{
	const struct dossier_row *row = it->row;
	int64_t unit;
	bool repeat = false;
	if ((!im->begun && import_begin(im, err)) || unit_for(im, row->text[DF_UNIT], &unit, err) ||
	    store_row(im, it, unit, &repeat, err))
		return err->code;
	if (!repeat) {
		im->r->good++;
		im->r->unknown_units += *row->text[DF_UNIT] && !unit;
	}
	return CCHC_OK;
}

/* ------------------------------------------------------------ the file */

static size_t block_size(const struct dossier_import_opts *o)
{
	const char *env = getenv("CCHC_IMPORT_BLOCK");
	long v = env ? atol(env) : 0;
	if (o->block)
		return o->block;
	return v > 0 ? (size_t)v : DEFAULT_BLOCK;
}

int dossier_import_cancelled(struct cchc_err *err)
{
	return err_set(err, CCHC_ECANCEL, "Đã dừng nhập hồ sơ theo yêu cầu; không hồ sơ nào được "
		       "nhập.");
}

/* Stores the rows as the reader thread hands them over, in file order,
 * reporting the rows read and the bytes of the file behind them. */
static int import_stream(struct importer *im, struct dossier_reader *rd, struct cchc_err *err)
{
	struct dossier_item it;
	int64_t rows = 0;
	int rc;
	struct progress *p = progress_begin("Nhập hồ sơ", "dòng", im->size, PROGRESS_CANCEL);
	while (!(rc = dossier_reader_next(rd, &it, err)) && (it.row || it.reason)) {
		if (!progress_update(p, ++rows, dossier_reader_at(rd))) {
			rc = dossier_import_cancelled(err);
			break;
		}
		if (!it.row)
			import_bad(im, it.line, it.reason);
		else if ((rc = import_row(im, &it, err)))
			break;
	}
	if (!rc)
		progress_update(p, rows, im->size);
	progress_end(p);
	return rc;
}

/* At the end of the file: with bad rows (or confirm_always), the good ones
 * are stored only if skip_bad or the confirm callback says so. */
static int import_finish(struct importer *im, struct cchc_err *err)
{
	const struct dossier_import_opts *o = im->o;
	if ((im->r->nbad || o->confirm_always) && !o->skip_bad &&
	    !(o->confirm && o->confirm(o->ctx, im->r)))
		return CCHC_OK;
	if ((!im->begun && import_begin(im, err)) || import_commit(im, err))
		return err->code;
	im->r->stored = true;
	return CCHC_OK;
}

int dossier_import_file(struct db *db, const char *path, const struct dossier_import_opts *o,
			struct dossier_import_result *r, struct cchc_err *err)
{
	memset(r, 0, sizeof *r);
	struct dossier_map map;
	struct dossier_reader *rd;
	if (dossier_map_load(o->map_path, &map, err))
		return err->code;
	int rc = dossier_reader_start(path, o->encoding, block_size(o), MAX_RECORD, &map, &rd, err);
	if (!rc) {
		struct importer im = { .db = db, .o = o, .r = r, .path = path,
				       .size = dossier_reader_size(rd) };
		snprintf(r->encoding, sizeof r->encoding, "%s", dossier_reader_said(rd));
		rc = import_stream(&im, rd, err);
		dossier_reader_close(rd);
		if (!rc)
			rc = import_finish(&im, err);
		import_end(&im);
	}
	dossier_map_free(&map);
	if (rc) {
		dossier_import_result_free(r);
		memset(r, 0, sizeof *r);
	}
	return rc;
}
