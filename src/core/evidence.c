#include <config.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "core/criteria.h"
#include "core/evidence.h"
#include "core/exchange.h"
#include "core/keyset.h"
#include "store/files.h"
#include "text/date.h"
#include "text/fold.h"
#include "text/utf8.h"
#include "util/fsutil.h"
#include "util/sbuf.h"
#include "util/spawn.h"
#include "util/platform.h"

const char *const evidence_kinds[] = { "quyet-dinh", "ke-hoach", "bao-cao", "cong-van",
				       "thong-bao", "bien-ban", "hinh-anh", "khac", NULL };
const char *const evidence_kind_labels[] = { "quyết định", "kế hoạch", "báo cáo", "công văn",
					     "thông báo", "biên bản", "hình ảnh", "khác", NULL };

const char *evidence_kind_parse(const char *s)
{
	char *f = text_fold(s, false);
	const char *found = NULL;
	for (int i = 0; evidence_kinds[i] && !found; i++) {
		char *label = text_fold(evidence_kind_labels[i], false);
		if (strcmp(f, evidence_kinds[i]) == 0 || strcmp(f, label) == 0)
			found = evidence_kinds[i];
		free(label);
	}
	free(f);
	return found;
}

const char *evidence_kind_label(const char *kind)
{
	for (int i = 0; evidence_kinds[i]; i++)
		if (strcmp(kind, evidence_kinds[i]) == 0)
			return evidence_kind_labels[i];
	return kind;
}

bool evidence_safe_name(const char *name)
{
	if (!*name || strcmp(name, ".") == 0 || strcmp(name, "..") == 0 || strchr(name, '/') ||
	    strchr(name, '\\') || !utf8_valid(name, strlen(name), NULL))
		return false;
	/* no control (C0, DEL, C1, tab) and no bidi control, which can make
	 * "x\u202efdp.exe" look like a PDF: the name must show as it is */
	char *shown = text_sanitize(name);
	bool plain = strcmp(shown, name) == 0 && !strchr(name, '\t');
	free(shown);
	return plain;
}

static int64_t max_file_size(struct db *db)
{
	char *v = db_setting_get(db, "evidence.max_mb");
	long mb = v ? strtol(v, NULL, 10) : 0;
	free(v);
	return (int64_t)(mb > 0 ? mb : 100) << 20;
}

static int check_input(struct db *db, const struct evidence_input *in, const char **kind,
		       char date[11], struct cchc_err *err)
{
	if (!in->kind || !(*kind = evidence_kind_parse(in->kind)))
		return err_set(err, CCHC_EINPUT, "Loại tài liệu \"%s\" không có; dùng: quyết định, kế "
			       "hoạch, báo cáo, công văn, thông báo, biên bản, hình ảnh, khác",
			       in->kind ? in->kind : "");
	date[0] = '\0';
	struct ymd d;
	if (in->date && *in->date) {
		if (!date_parse_iso(in->date, &d) && !date_parse_dmy(in->date, &d))
			return err_set(err, CCHC_EINPUT, "Ngày \"%s\" không hợp lệ (dd/mm/yyyy)", in->date);
		date_format_iso(d, date);
	}
	const char *texts[] = { in->doc_no, in->issuer, in->summary, in->notes };
	for (size_t i = 0; i < 4; i++)
		if (texts[i] && !utf8_valid(texts[i], strlen(texts[i]), NULL))
			return err_set(err, CCHC_EINPUT, "Nội dung không phải UTF-8 hợp lệ");
	for (int i = 0; i < in->ntasks; i++)
		if (!db_int_by_id(db, "SELECT 1 FROM task WHERE id = ?1", in->tasks[i]))
			return err_set(err, CCHC_EINPUT, "Không có nhiệm vụ số %lld", (long long)in->tasks[i]);
	return CCHC_OK;
}

static char *nfc_or_empty(const char *s)
{
	char *n = text_nfc(s ? s : "");
	char *q = text_squeeze(n ? n : "");
	free(n);
	return q;
}

static int insert_record(struct db *db, const struct evidence_input *in, const char *kind,
			 const char *date, int64_t *id)
{
	char ts[32];
	time_t t = time(NULL);
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(ts, sizeof ts, "%Y-%m-%dT%H:%M:%SZ", &tm);
	sqlite3_stmt *st;
	/* the id from this site's range (exchange.h) */
	int rc = sqlite3_prepare_v2(db->h, "INSERT INTO evidence(id, kind, doc_no, issued_on, issuer, "
				    "summary, notes, created_at) VALUES(" EXCHANGE_NEXT_ID("evidence")
				    ",?,?,nullif(?,''),?,?,?,?)", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return rc;
	char *v[4] = { nfc_or_empty(in->doc_no), nfc_or_empty(in->issuer), nfc_or_empty(in->summary),
		       nfc_or_empty(in->notes) };
	sqlite3_bind_text(st, 1, kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, v[0], -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, date, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, v[1], -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, v[2], -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, v[3], -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, ts, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	for (int i = 0; i < 4; i++)
		free(v[i]);
	*id = sqlite3_last_insert_rowid(db->h);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

static int link_file(struct db *db, int64_t id, int seq, const char *path, struct cchc_err *err)
{
	char sha[65];
	int64_t size;
	if (files_store(db, path, max_file_size(db), sha, &size, err))
		return err->code;
	const char *base = fs_last_sep(path);
	char *name = text_nfc(base ? base + 1 : path);
	if (!name || !evidence_safe_name(name)) {
		free(name);
		return err_set(err, CCHC_EINPUT, "Tên tệp %s không dùng được", path);
	}
	if (strlen(name) > 255) { /* no folder could take it back */
		free(name);
		return err_set(err, CCHC_EINPUT, "Tên tệp %s quá dài (hơn 255 byte); hãy đổi tên ngắn "
			       "hơn", path);
	}
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db->h, "INSERT INTO evidence_file(evidence_id, seq, name, sha256, "
				    "size) VALUES(?,?,?,?,?)", -1, &st, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_int(st, 2, seq);
		sqlite3_bind_text(st, 3, name, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, sha, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 5, size);
		rc = sqlite3_step(st) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(db->h);
		sqlite3_finalize(st);
	}
	free(name);
	return rc == SQLITE_OK ? CCHC_OK : db_fail(db, rc, "lưu tệp kiểm chứng", err);
}

static int link_task(struct db *db, int64_t id, int64_t task, struct cchc_err *err)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db->h, "INSERT OR IGNORE INTO evidence_task(evidence_id, task_id) "
				    "VALUES(?,?)", -1, &st, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_int64(st, 2, task);
		rc = sqlite3_step(st) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(db->h);
		sqlite3_finalize(st);
	}
	return rc == SQLITE_OK ? CCHC_OK : db_fail(db, rc, "gắn nhiệm vụ", err);
}

static int link_criterion(struct db *db, int64_t id, const char *code, const char *date,
			  struct cchc_err *err)
{
	struct ymd today;
	int year = *date ? atoi(date) : (date_today(&today, err) ? 0 : today.y);
	int64_t cat = criteria_catalogue_for(db, code, year);
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db->h, "INSERT OR IGNORE INTO evidence_criterion(evidence_id, "
				    "criterion_id) SELECT ?1, id FROM criterion WHERE catalogue_id = ?2 "
				    "AND code = ?3", -1, &st, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_int64(st, 2, cat);
		sqlite3_bind_text(st, 3, code, -1, SQLITE_STATIC);
		rc = sqlite3_step(st) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(db->h);
		sqlite3_finalize(st);
	}
	if (rc != SQLITE_OK)
		return db_fail(db, rc, "gắn tiêu chí", err);
	if (!cat || sqlite3_changes(db->h) == 0)
		return err_set(err, CCHC_EINPUT, "Không có tiêu chí mã %s (nạp bộ tiêu chí bằng cchc "
			       "criteria load)", code);
	return CCHC_OK;
}

int evidence_add(struct db *db, const struct evidence_input *in, int64_t *id, struct cchc_err *err)
{
	const char *kind;
	char date[11];
	if (check_input(db, in, &kind, date, err) || db_begin(db, err))
		return err->code;
	int rc = insert_record(db, in, kind, date, id);
	if (rc != SQLITE_OK)
		rc = db_fail(db, rc, "thêm tài liệu kiểm chứng", err);
	for (int i = 0; rc == CCHC_OK && i < in->nfiles; i++)
		rc = link_file(db, *id, i + 1, in->files[i], err);
	for (int i = 0; rc == CCHC_OK && i < in->ntasks; i++)
		rc = link_task(db, *id, in->tasks[i], err);
	for (int i = 0; rc == CCHC_OK && i < in->ncriteria; i++)
		rc = link_criterion(db, *id, in->criteria[i], date, err);
	if (rc) {
		db_rollback(db);
		return rc;
	}
	return db_commit(db, err);
}

#define EVIDENCE_COLUMNS \
	"e.id, e.kind, e.doc_no, coalesce(e.issued_on, ''), e.issuer, e.summary, e.notes, " \
	"coalesce((SELECT group_concat(task_id, ', ') FROM evidence_task WHERE evidence_id = e.id), ''), " \
	"(SELECT count(*) FROM evidence_file WHERE evidence_id = e.id)"

static char *col(sqlite3_stmt *st, int i)
{
	const unsigned char *s = sqlite3_column_text(st, i);
	return xstrdup(s ? (const char *)s : "");
}

static void from_row(sqlite3_stmt *st, struct evidence_info *e)
{
	e->id = sqlite3_column_int64(st, 0);
	char **f[] = { &e->kind, &e->doc_no, &e->issued_on, &e->issuer, &e->summary, &e->notes,
		       &e->tasks };
	for (size_t i = 0; i < sizeof f / sizeof f[0]; i++)
		*f[i] = col(st, (int)i + 1);
	e->nfiles = sqlite3_column_int(st, 8);
}

/* The records st reads, appended to *out (*n of them); st finalised. */
static int collect(struct db *db, sqlite3_stmt *st, struct evidence_info **out, int *n,
		   struct cchc_err *err)
{
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*out = xrealloc(*out, sizeof **out * (size_t)(*n + 1));
		from_row(st, &(*out)[(*n)++]);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		evidence_list_free(*out, *n);
		*out = NULL;
		*n = 0;
		return db_fail(db, rc, "đọc danh sách tài liệu", err);
	}
	return CCHC_OK;
}


int evidence_list(struct db *db, int64_t task_id, const char *kind, int year,
		  struct evidence_info **out, int *n, struct cchc_err *err)
{
	return evidence_list_by_criterion(db, task_id, 0, kind, year, out, n, err);
}

int evidence_list_by_criterion(struct db *db, int64_t task_id, int64_t criterion_id,
			       const char *kind, int year, struct evidence_info **out, int *n,
			       struct cchc_err *err)
{
	*out = NULL;
	*n = 0;
	char y[8];
	snprintf(y, sizeof y, "%d", year);
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db->h, "SELECT " EVIDENCE_COLUMNS " FROM evidence e WHERE "
		"(?1 = 0 OR EXISTS (SELECT 1 FROM evidence_task t WHERE t.evidence_id = e.id AND "
		"t.task_id = ?1)) AND (?2 = '' OR e.kind = ?2) AND (?3 = 0 OR substr(e.issued_on, 1, 4) = ?4) "
		"AND (?5 = 0 OR EXISTS (SELECT 1 FROM criterion_evidence c WHERE c.evidence_id = e.id "
		"AND c.criterion_id = ?5)) "
		"ORDER BY e.issued_on IS NULL, e.issued_on, e.id", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return db_fail(db, rc, "đọc danh sách tài liệu", err);
	sqlite3_bind_int64(st, 1, task_id);
	sqlite3_bind_text(st, 2, kind ? kind : "", -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 3, year);
	sqlite3_bind_text(st, 4, y, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 5, criterion_id);
	return collect(db, st, out, n, err);
}

/* The filter's conditions ("AND ..."), each on an indexed column: the
 * task's and the criterion's records by their links, the kind by
 * evidence_by_kind, the year as a range of evidence_by_date. */
static void page_conditions(struct sbuf *b, const struct evidence_filter *f)
{
	if (f->task_id)
		sbuf_add(b, "AND e.id IN (SELECT evidence_id FROM evidence_task WHERE task_id = ?1) ");
	if (f->kind && *f->kind)
		sbuf_add(b, "AND e.kind = ?2 ");
	if (f->year)
		sbuf_add(b, "AND e.issued_on >= ?3 AND e.issued_on < ?4 ");
	if (f->criterion_id)
		/* criterion_evidence's arms, each by its own index */
		sbuf_add(b, "AND e.id IN (SELECT evidence_id FROM evidence_criterion WHERE "
			 "criterion_id = ?5 UNION SELECT et.evidence_id FROM task_criterion tc JOIN "
			 "evidence_task et ON et.task_id = tc.task_id WHERE tc.criterion_id = ?5 UNION "
			 "SELECT et.evidence_id FROM section_criterion sc JOIN task t ON t.section_id = "
			 "sc.section_id JOIN evidence_task et ON et.task_id = t.id WHERE "
			 "sc.criterion_id = ?5) ");
}

/* A page is read in the arms of keyset_arms over (issued_on, id): the
 * dated by date, then the undated; ?6 ?7 the key's date and number, ?8 the
 * limit. */
static char *page_sql(const struct evidence_filter *f, bool count)
{
	struct sbuf cond = SBUF_INIT, b = SBUF_INIT;
	page_conditions(&cond, f);
	const char *c = cond.s ? cond.s : "";
	if (count) {
		/* no condition: no WHERE, so that SQLite counts the cells of an
		 * index's pages (OP_Count) instead of stepping through every entry */
		sbuf_addf(&b, "SELECT count(*) FROM evidence e%s%s", *c ? " WHERE 1 " : "", c);
		sbuf_free(&cond);
		return sbuf_detach(&b);
	}
	struct keyset_arm arms[2];
	int n = keyset_arms("e.issued_on", "e.id", "?6", "?7", f->after != NULL,
			    f->after && !*f->after->issued_on, f->reverse, arms);
	for (int i = 0; i < n; i++)
		sbuf_addf(&b, "%sSELECT * FROM (SELECT " EVIDENCE_COLUMNS " FROM (SELECT e.id FROM "
			  "evidence e WHERE %s %sORDER BY %s LIMIT ?8) k CROSS JOIN evidence e ON "
			  "e.id = k.id)", i ? " UNION ALL " : "", arms[i].where, c, arms[i].order);
	sbuf_add(&b, " LIMIT ?8");
	sbuf_free(&cond);
	return sbuf_detach(&b);
}

static sqlite3_stmt *page_stmt(struct db *db, const struct evidence_filter *f, bool count,
			       struct cchc_err *err)
{
	char *sql = page_sql(f, count);
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db->h, sql, -1, &st, NULL);
	free(sql);
	if (rc != SQLITE_OK) {
		db_fail(db, rc, "đọc danh sách tài liệu", err);
		return NULL;
	}
	char from[24], to[24];
	snprintf(from, sizeof from, "%04d-01-01", f->year);
	snprintf(to, sizeof to, "%04d-01-01", f->year + 1);
	sqlite3_bind_int64(st, 1, f->task_id);
	sqlite3_bind_text(st, 2, f->kind ? f->kind : "", -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, from, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 4, to, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 5, f->criterion_id);
	sqlite3_bind_text(st, 6, f->after ? f->after->issued_on : "", -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 7, f->after ? f->after->id : 0);
	sqlite3_bind_int(st, 8, f->limit > 0 ? f->limit : -1);
	return st;
}

int evidence_page(struct db *db, const struct evidence_filter *f, struct evidence_info **out,
		  int *n, struct cchc_err *err)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st = page_stmt(db, f, false, err);
	if (!st)
		return err->code;
	return collect(db, st, out, n, err);
}

int evidence_count(struct db *db, const struct evidence_filter *f, int64_t *n,
		   struct cchc_err *err)
{
	sqlite3_stmt *st = page_stmt(db, f, true, err);
	if (!st)
		return err->code;
	int rc = sqlite3_step(st);
	*n = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? CCHC_OK : db_fail(db, rc, "đếm tài liệu", err);
}

char *evidence_criteria_codes(struct db *db, int64_t id)
{
	sqlite3_stmt *st;
	char *out = NULL;
	if (sqlite3_prepare_v2(db->h, "SELECT group_concat(c.code, ', ') FROM evidence_criterion x "
			       "JOIN criterion c ON c.id = x.criterion_id WHERE x.evidence_id = ?",
			       -1, &st, NULL) != SQLITE_OK)
		return xstrdup("");
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW)
		out = col(st, 0);
	sqlite3_finalize(st);
	return out ? out : xstrdup("");
}

int evidence_get(struct db *db, int64_t id, struct evidence_info *e, struct cchc_err *err)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db->h, "SELECT " EVIDENCE_COLUMNS " FROM evidence e WHERE e.id = ?",
				    -1, &st, NULL);
	if (rc != SQLITE_OK)
		return db_fail(db, rc, "đọc tài liệu", err);
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		from_row(st, e);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? CCHC_OK
				: err_set(err, CCHC_ENOTFOUND, "Không có tài liệu kiểm chứng số %lld",
					  (long long)id);
}

int evidence_files(struct db *db, int64_t id, struct evidence_file **out, int *n,
		   struct cchc_err *err)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db->h, "SELECT name, sha256, size FROM evidence_file WHERE "
				    "evidence_id = ? ORDER BY seq", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return db_fail(db, rc, "đọc danh sách tệp", err);
	sqlite3_bind_int64(st, 1, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*out = xrealloc(*out, sizeof **out * (size_t)(*n + 1));
		struct evidence_file *f = &(*out)[(*n)++];
		f->name = col(st, 0);
		f->sha256 = col(st, 1);
		f->size = sqlite3_column_int64(st, 2);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? CCHC_OK : db_fail(db, rc, "đọc danh sách tệp", err);
}

/* ---- extracting into a folder ---- */


/* The length of the longest start of s (len bytes) that has at most max
 * bytes and ends between two letters: never inside a UTF-8 sequence, never
 * before a combining mark (which would leave its letter bare). */
static size_t cut_at_letter(const char *s, size_t len, size_t max)
{
	if (len <= max)
		return len;
	size_t cut = 0;
	for (size_t i = 0; i <= max && i < len;) {
		uint32_t cp;
		size_t k = utf8_decode(s + i, len - i, &cp);
		if (!k) {
			k = 1;
			cp = '?';
		}
		if (text_cp_width(cp) != 0)
			cut = i;
		i += k;
	}
	return cut;
}

/* Where the extension of name starts (its last dot; strlen(name) when it
 * has none): ".bashrc" has none, nor has a dot followed by a space or by
 * more than 16 bytes ("Quyết định số 12. Phê duyệt kế hoạch"). */
static size_t ext_start(const char *name)
{
	const char *dot = strrchr(name, '.');
	if (!dot || dot == name || strlen(dot) > 16 || strchr(dot, ' '))
		return strlen(name);
	return (size_t)(dot - name);
}

/* name with " (k)" before its extension when k > 1, its stem cut to fit
 * in max bytes; malloc'd. */
static char *numbered(const char *name, int k, size_t max)
{
	size_t len = strlen(name), dot = ext_start(name);
	char suffix[24] = "";
	if (k > 1)
		snprintf(suffix, sizeof suffix, " (%d)", k);
	size_t fixed = strlen(suffix) + (len - dot);
	if (fixed + 8 > max) { /* no room left for the stem: the extension goes */
		dot = len;
		fixed = strlen(suffix);
	}
	size_t stem = cut_at_letter(name, dot, max - fixed);
	struct sbuf b = SBUF_INIT;
	sbuf_addn(&b, name, stem);
	sbuf_addf(&b, "%s%s", suffix, name + dot);
	return sbuf_detach(&b);
}

/* Whether key is among keys[0..n) (NULL entries skipped). */
static bool among(char *const *keys, int n, const char *key)
{
	for (int i = 0; i < n; i++)
		if (keys[i] && strcmp(keys[i], key) == 0)
			return true;
	return false;
}

/* The name each file gets in dir: its own; for a name an earlier file of
 * the record has (letter case aside, as a FAT stick sees it) or one too
 * long for dir, the first of "name (2).ext", "name (3).ext"… that no other
 * file has and that fits. */
static char **target_names(const struct evidence_file *f, int n, const char *dir)
{
	size_t max = pf_name_max(dir);
	char **out = xcalloc((size_t)n + 1, sizeof *out);
	char **own = xcalloc((size_t)n + 1, sizeof *own), **given = xcalloc((size_t)n + 1, sizeof *given);
	for (int i = 0; i < n; i++)
		own[i] = text_fold(f[i].name, true);
	for (int i = 0; i < n; i++) {
		for (int k = 1;; k++) {
			char *name = numbered(f[i].name, k, max);
			char *key = text_fold(name, true);
			bool free_name = !among(given, i, key) &&
					 (k == 1 ? strlen(f[i].name) <= max : !among(own, n, key));
			if (free_name) {
				out[i] = name;
				given[i] = key;
				break;
			}
			free(name);
			free(key);
		}
	}
	for (int i = 0; i < n; i++) {
		free(own[i]);
		free(given[i]);
	}
	free(own);
	free(given);
	return out;
}

static void names_free(char **v, int n)
{
	for (int i = 0; v && i < n; i++)
		free(v[i]);
	free(v);
}

/* The files of record id with their safe names checked, and their names in dir. */
static int extract_plan(struct db *db, int64_t id, const char *dir, struct evidence_file **f,
			int *n, char ***names, struct cchc_err *err)
{
	struct evidence_info e;
	if (evidence_get(db, id, &e, err))
		return err->code;
	evidence_info_free(&e);
	if (evidence_files(db, id, f, n, err))
		return err->code;
	for (int i = 0; i < *n; i++)
		if (!evidence_safe_name((*f)[i].name)) {
			char *shown = text_sanitize((*f)[i].name);
			err_set(err, CCHC_EINPUT, "Tên tệp \"%s\" không ghi được vào thư mục %s (nó có thể "
				"trỏ ra ngoài thư mục, hoặc có ký tự không dùng được trong tên tệp); không "
				"xuất", shown, dir);
			free(shown);
			evidence_files_free(*f, *n);
			return err->code;
		}
	*names = target_names(*f, *n, dir);
	return CCHC_OK;
}

/* Refuses an output folder that is not there (or not named). */
static int check_out_folder(const char *dir, struct cchc_err *err)
{
	struct stat st;
	if (!*dir)
		return err_set(err, CCHC_EINPUT, "Hãy cho biết thư mục để xuất tệp vào.");
	if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
		char *shown = text_sanitize(dir);
		err_set(err, CCHC_EIO, "Không có thư mục %s để xuất tệp vào.", shown);
		free(shown);
		return err->code;
	}
	return CCHC_OK;
}

/* Refuses a target that --force could not replace by a file (a folder):
 * found only when its turn came, it would stop a get halfway. */
static int check_replaceable(const char *path, struct cchc_err *err)
{
	struct stat st;
	if (lstat(path, &st) != 0 || !S_ISDIR(st.st_mode))
		return CCHC_OK;
	char *shown = text_sanitize(path);
	err_set(err, CCHC_EINPUT, "Không xuất tệp nào: %s là một thư mục, không thay được bằng "
		"tệp.", shown);
	free(shown);
	return err->code;
}

static char *join_path(const char *dir, const char *name)
{
	struct sbuf b = SBUF_INIT;
	if (!*dir)
		dir = ".";
	sbuf_addf(&b, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/", name);
	return sbuf_detach(&b);
}

/* "a.pdf, b.pdf và 3 tệp khác": the names of paths[] that are there already
 * (malloc'd, "" when none). */
static char *taken_list(char *const *names, char *const *paths, int n)
{
	struct sbuf b = SBUF_INIT;
	sbuf_addf(&b, "%s", "");
	int found = 0;
	for (int i = 0; i < n; i++) {
		if (!fs_exists(paths[i]))
			continue;
		if (found < 5)
			sbuf_addf(&b, "%s%s", found ? ", " : "", names[i]);
		found++;
	}
	if (found > 5)
		sbuf_addf(&b, " và %d tệp khác", found - 5);
	return sbuf_detach(&b);
}

int evidence_target_names(struct db *db, int64_t id, const char *dir, char ***names, int *n,
			  struct cchc_err *err)
{
	struct evidence_file *f;
	if (extract_plan(db, id, dir, &f, n, names, err))
		return err->code;
	evidence_files_free(f, *n);
	return CCHC_OK;
}

char *evidence_extract_taken(struct db *db, int64_t id, const char *dir)
{
	struct evidence_file *f;
	char **names;
	int n;
	struct cchc_err err = { 0 };
	if (extract_plan(db, id, dir, &f, &n, &names, &err))
		return xstrdup("");
	char **paths = xcalloc((size_t)n + 1, sizeof *paths);
	for (int i = 0; i < n; i++)
		paths[i] = join_path(dir, names[i]);
	char *taken = taken_list(names, paths, n);
	names_free(paths, n);
	names_free(names, n);
	evidence_files_free(f, n);
	return taken;
}

int evidence_extract(struct db *db, int64_t id, const char *dir, int flags, struct cchc_err *err)
{
	struct evidence_file *f;
	char **names;
	int n;
	flags &= FS_OVERWRITE; /* never FS_GUARDED_OK: the database is not for files */
	if (check_out_folder(dir, err) || extract_plan(db, id, dir, &f, &n, &names, err))
		return err->code;
	char **paths = xcalloc((size_t)n + 1, sizeof *paths);
	struct fs_tmp *tmp = xcalloc((size_t)n + 1, sizeof *tmp);
	int rc = CCHC_OK, opened = 0;
	for (int i = 0; i < n; i++)
		paths[i] = join_path(dir, names[i]);
	/* every refusal comes before anything is written */
	for (int i = 0; rc == CCHC_OK && i < n; i++)
		if (!(rc = fs_guard_check(paths[i], err)))
			rc = check_replaceable(paths[i], err);
	if (rc == CCHC_OK && !(flags & FS_OVERWRITE)) {
		char *taken = taken_list(names, paths, n);
		if (*taken)
			rc = err_set(err, CCHC_EEXIST, "Không xuất tệp nào: đã có %s trong thư mục %s; "
				     "cchc không ghi đè tệp đã có. Hãy chọn thư mục khác, hoặc thêm "
				     "--force nếu muốn thay các tệp đó.", taken, dir);
		free(taken);
	}
	/* each file is written and checked in full, unnamed, before any is
	 * put in place: a damaged one stops the whole get */
	for (; rc == CCHC_OK && opened < n; opened++) {
		if (fs_tmp_open(&tmp[opened], paths[opened], 0666, flags, err)) {
			rc = err->code;
			break;
		}
		rc = files_write_fd(db, f[opened].sha256, tmp[opened].fd, paths[opened], err);
	}
	if (rc != CCHC_OK) {
		for (int i = 0; i < opened; i++)
			fs_tmp_abort(&tmp[i]);
		opened = 0;
	}
	int i = 0;
	for (; rc == CCHC_OK && i < opened; i++)
		rc = fs_tmp_commit(&tmp[i], paths[i], err);
	for (; i < opened; i++)
		fs_tmp_abort(&tmp[i]);
	free(tmp);
	names_free(paths, n);
	names_free(names, n);
	evidence_files_free(f, n);
	return rc;
}

void evidence_info_free(struct evidence_info *e)
{
	char *f[] = { e->kind, e->doc_no, e->issued_on, e->issuer, e->summary, e->notes, e->tasks };
	for (size_t i = 0; i < sizeof f / sizeof f[0]; i++)
		free(f[i]);
	memset(e, 0, sizeof *e);
}

void evidence_list_free(struct evidence_info *v, int n)
{
	for (int i = 0; i < n; i++)
		evidence_info_free(&v[i]);
	free(v);
}

void evidence_files_free(struct evidence_file *v, int n)
{
	for (int i = 0; i < n; i++) {
		free(v[i].name);
		free(v[i].sha256);
	}
	free(v);
}

/* Rows of sql; ?1, when the statement has it, is bound to from. */
static int missing_query(struct db *db, const char *sql, const char *from,
			 struct missing_row **out, int *n, struct cchc_err *err)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db->h, sql, -1, &st, NULL);
	if (rc != SQLITE_OK)
		return db_fail(db, rc, "tìm việc thiếu tài liệu", err);
	if (sqlite3_bind_parameter_count(st) >= 1)
		sqlite3_bind_text(st, 1, from ? from : "", -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*out = xrealloc(*out, sizeof **out * (size_t)(*n + 1));
		struct missing_row *m = &(*out)[(*n)++];
		m->id = sqlite3_column_int64(st, 0);
		m->code = col(st, 1);
		m->title = col(st, 2);
		m->year = sqlite3_column_int(st, 3);
		m->unit_rank = -1;
		m->unit_id = 0;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		missing_rows_free(*out, *n);
		*out = NULL;
		*n = 0;
		return db_fail(db, rc, "tìm việc thiếu tài liệu", err);
	}
	return CCHC_OK;
}

/* Finished tasks without evidence, by lead unit, read from the rows (one
 * index entry of evidence per finished task; the Overview reads the set
 * schema 28 keeps instead). */
#define MISSING_TASKS_WHERE "t.status = 'done' AND NOT EXISTS (SELECT 1 FROM evidence_task e " \
	"WHERE e.task_id = t.id)"
#define MISSING_TASKS_SQL "SELECT t.id, coalesce(u.code, ''), t.title, 0 FROM task t LEFT " \
	"JOIN unit u ON u.id = t.lead_unit_id WHERE " MISSING_TASKS_WHERE
#define MISSING_TASKS_ORDER " ORDER BY u.rank, u.id, t.id"

/* The Overview's: those finished since done_from, from the tasks schema 28
 * keeps while they are done without evidence (task_tally_missing, by the
 * day they were finished), with no evidence_task lookup for each finished
 * task. */
int evidence_missing_tasks(struct db *db, const char *done_from, int limit,
			   struct missing_row **tasks, int *n, int64_t *total, struct cchc_err *err)
{
	const char *since = done_from && *done_from ? " WHERE m.done_on >= ?1" : "";
	char sql[600];
	snprintf(sql, sizeof sql, "SELECT count(*) FROM task_tally_missing m%s", since);
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db->h, sql, -1, &st, NULL);
	if (rc == SQLITE_OK) {
		if (*since)
			sqlite3_bind_text(st, 1, done_from, -1, SQLITE_STATIC);
		if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			*total = sqlite3_column_int64(st, 0);
			rc = SQLITE_OK;
		}
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_OK)
		return db_fail(db, rc, "đếm việc thiếu tài liệu", err);
	/* the first ones finished (waiting longest), in the order of the
	 * index: sorting thousands by unit name to show three cost 20 ms */
	snprintf(sql, sizeof sql, "SELECT t.id, coalesce(u.code, ''), t.title, 0 FROM "
		 "task_tally_missing m CROSS JOIN task t ON t.id = m.task_id LEFT JOIN unit u ON "
		 "u.id = t.lead_unit_id%s ORDER BY m.done_on, m.task_id LIMIT %d", since,
		 limit > 0 ? limit : 0);
	return missing_query(db, sql, done_from, tasks, n, err);
}

/* The arms of a page of finished tasks without evidence in the order
 * (unit rank, unit, task), the unassigned first (rank -1, unit 0), each a
 * walk of task_done_by_lead in index order (units by unit_by_rank), so no
 * arm sorts: ?1 ?2 ?3 the key's rank, unit and task, ?4 the limit, ?5 the
 * task among the unassigned. */
#define MISSING_COLS "t.id, coalesce(u.code, ''), t.title, 0, u.rank, u.id"
#define MISSING_NONE "t.status = 'done' AND NOT EXISTS (SELECT 1 FROM evidence_task e WHERE " \
	"e.task_id = t.id)"
static const char *const missing_arms[] = {
	/* unassigned, after (before) ?3 */
	"SELECT t.id, '', t.title, 0, -1, 0 FROM task t WHERE t.lead_unit_id IS NULL AND "
	MISSING_NONE " AND t.id > ?5 ORDER BY t.id",
	"SELECT t.id, '', t.title, 0, -1, 0 FROM task t WHERE t.lead_unit_id IS NULL AND "
	MISSING_NONE " AND t.id < ?5 ORDER BY t.id DESC",
	/* the key's unit, after (before) ?3 */
	"SELECT " MISSING_COLS " FROM unit u CROSS JOIN task t ON t.lead_unit_id = u.id WHERE "
	"u.id = ?2 AND " MISSING_NONE " AND t.id > ?3 ORDER BY t.id",
	"SELECT " MISSING_COLS " FROM unit u CROSS JOIN task t ON t.lead_unit_id = u.id WHERE "
	"u.id = ?2 AND " MISSING_NONE " AND t.id < ?3 ORDER BY t.id DESC",
	/* the units after (before) the key's */
	"SELECT " MISSING_COLS " FROM unit u CROSS JOIN task t ON t.lead_unit_id = u.id WHERE "
	"(u.rank, u.id) > (?1, ?2) AND " MISSING_NONE " ORDER BY u.rank, u.id, t.id",
	"SELECT " MISSING_COLS " FROM unit u CROSS JOIN task t ON t.lead_unit_id = u.id WHERE "
	"(u.rank, u.id) < (?1, ?2) AND " MISSING_NONE " ORDER BY u.rank DESC, u.id DESC, t.id DESC",
};
enum { ARM_NOUNIT, ARM_SAME = 2, ARM_OTHERS = 4 };

static char *missing_page_sql(const struct missing_key *k, bool reverse)
{
	int arms[3], n = 0;
	bool unassigned = !k || k->rank < 0;
	if (!reverse) {
		arms[n++] = unassigned ? ARM_NOUNIT : ARM_SAME;
		arms[n++] = ARM_OTHERS;
	} else {
		if (!unassigned)
			arms[n++] = ARM_SAME + 1;
		if (!k || !unassigned)
			arms[n++] = ARM_OTHERS + 1;
		arms[n++] = ARM_NOUNIT + 1;
	}
	struct sbuf b = SBUF_INIT;
	for (int i = 0; i < n; i++)
		sbuf_addf(&b, "%sSELECT * FROM (%s LIMIT ?4)", i ? " UNION ALL " : "",
			  missing_arms[arms[i]]);
	sbuf_add(&b, " LIMIT ?4");
	return sbuf_detach(&b);
}

int evidence_missing_page(struct db *db, const struct missing_key *after, bool reverse,
			  int limit, struct missing_row **tasks, int *n, struct cchc_err *err)
{
	*tasks = NULL;
	*n = 0;
	char *sql = missing_page_sql(after, reverse);
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db->h, sql, -1, &st, NULL);
	free(sql);
	if (rc != SQLITE_OK)
		return db_fail(db, rc, "tìm việc thiếu tài liệu", err);
	bool unassigned = !after || after->rank < 0;
	sqlite3_bind_int64(st, 1, after ? after->rank : reverse ? INT64_MAX : -1);
	sqlite3_bind_int64(st, 2, after ? after->unit_id : 0);
	sqlite3_bind_int64(st, 3, after ? after->task_id : 0);
	sqlite3_bind_int(st, 4, limit > 0 ? limit : 0);
	/* the unassigned come first: before any other key, all of them */
	sqlite3_bind_int64(st, 5, after && unassigned ? after->task_id : reverse ? INT64_MAX : 0);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*tasks = xrealloc(*tasks, sizeof **tasks * (size_t)(*n + 1));
		struct missing_row *m = &(*tasks)[(*n)++];
		m->id = sqlite3_column_int64(st, 0);
		m->code = col(st, 1);
		m->title = col(st, 2);
		m->year = 0;
		m->unit_rank = sqlite3_column_int64(st, 4);
		m->unit_id = sqlite3_column_int64(st, 5);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		missing_rows_free(*tasks, *n);
		*tasks = NULL;
		*n = 0;
		return db_fail(db, rc, "tìm việc thiếu tài liệu", err);
	}
	return CCHC_OK;
}

int evidence_missing_locate(struct db *db, int64_t task_id, struct missing_row *row,
			    int64_t *pos, struct cchc_err *err)
{
	memset(row, 0, sizeof *row);
	*pos = -1;
	sqlite3_stmt *st;
	/* the task, then the rows before it: the heading, the unit lines up to
	 * its own, the tasks before it (?2 ?3 its unit's rank and id) */
	int rc = sqlite3_prepare_v2(db->h, "SELECT t.id, coalesce(u.code, ''), t.title, "
		"coalesce(u.rank, -1), coalesce(u.id, 0) FROM task t LEFT JOIN unit u ON u.id = "
		"t.lead_unit_id WHERE t.id = ?1 AND " MISSING_NONE, -1, &st, NULL);
	if (rc != SQLITE_OK)
		return db_fail(db, rc, "tìm việc thiếu tài liệu", err);
	sqlite3_bind_int64(st, 1, task_id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		row->id = task_id;
		row->code = col(st, 1);
		row->title = col(st, 2);
		row->unit_rank = sqlite3_column_int64(st, 3);
		row->unit_id = sqlite3_column_int64(st, 4);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return rc == SQLITE_DONE ? CCHC_OK : db_fail(db, rc, "tìm việc thiếu tài liệu", err);
	rc = sqlite3_prepare_v2(db->h, "SELECT 1 + (SELECT count(*) FROM task t WHERE "
		"t.lead_unit_id IS NULL AND " MISSING_NONE " AND (?2 >= 0 OR t.id < ?1)) + "
		"(SELECT count(*) FROM unit u CROSS JOIN task t ON t.lead_unit_id = u.id WHERE "
		"(u.rank, u.id) < (?2, ?3) AND " MISSING_NONE ") + (SELECT count(*) FROM task t "
		"WHERE t.lead_unit_id = ?3 AND " MISSING_NONE " AND t.id < ?1) + EXISTS (SELECT 1 "
		"FROM task t WHERE t.lead_unit_id IS NULL AND " MISSING_NONE ") + (SELECT count(*) "
		"FROM unit u WHERE (u.rank, u.id) <= (?2, ?3) AND EXISTS (SELECT 1 FROM task t "
		"WHERE t.lead_unit_id = u.id AND " MISSING_NONE "))", -1, &st, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_int64(st, 1, task_id);
		sqlite3_bind_int64(st, 2, row->unit_rank);
		sqlite3_bind_int64(st, 3, row->unit_id);
		if ((rc = sqlite3_step(st)) == SQLITE_ROW)
			*pos = sqlite3_column_int64(st, 0);
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return CCHC_OK;
	free(row->code), free(row->title);
	memset(row, 0, sizeof *row);
	return db_fail(db, rc, "tìm việc thiếu tài liệu", err);
}

/* The tasks from task_tally_missing, which triggers keep (schema 28) as
 * the finished tasks without evidence: looking each finished task up in
 * evidence_task was 200 M instructions, 30-40 ms, of the key that shows
 * the screen at 100,000 tasks. The groups stop at each unit's first task. */
int evidence_missing_count(struct db *db, int64_t *tasks, int64_t *groups, struct cchc_err *err)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db->h, "SELECT (SELECT count(*) FROM task_tally_missing), "
		"(SELECT count(*) FROM unit u WHERE EXISTS (SELECT 1 FROM task t WHERE "
		"t.lead_unit_id = u.id AND " MISSING_NONE ")) + EXISTS (SELECT 1 FROM task t WHERE "
		"t.lead_unit_id IS NULL AND " MISSING_NONE ")", -1, &st, NULL);
	if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		*tasks = sqlite3_column_int64(st, 0);
		*groups = sqlite3_column_int64(st, 1);
		rc = SQLITE_OK;
	}
	sqlite3_finalize(st);
	return rc == SQLITE_OK ? CCHC_OK : db_fail(db, rc, "đếm việc thiếu tài liệu", err);
}

int evidence_missing_criteria(struct db *db, struct missing_row **criteria, int *n,
			      struct cchc_err *err)
{
	return missing_query(db,
		"SELECT c.id, c.code, c.name, s.year FROM criterion_score s JOIN criterion c ON "
		"c.id = s.criterion_id WHERE NOT EXISTS (SELECT 1 FROM criterion_evidence e WHERE "
		"e.criterion_id = c.id) ORDER BY s.year, c.catalogue_id, c.seq", NULL, criteria, n, err);
}

int evidence_missing(struct db *db, struct missing_row **tasks, int *ntasks,
		     struct missing_row **criteria, int *ncriteria, struct cchc_err *err)
{
	int rc = missing_query(db, MISSING_TASKS_SQL MISSING_TASKS_ORDER, NULL, tasks, ntasks, err);
	if (rc)
		return rc;
	rc = evidence_missing_criteria(db, criteria, ncriteria, err);
	if (rc) {
		missing_rows_free(*tasks, *ntasks);
		*tasks = NULL;
		*ntasks = 0;
	}
	return rc;
}

void missing_rows_free(struct missing_row *v, int n)
{
	for (int i = 0; i < n; i++) {
		free(v[i].code);
		free(v[i].title);
	}
	free(v);
}

/* How long a viewer has to fail before it counts as opened: xdg-open
 * without a program for the type ends at once; a viewer stays. */
#define OPENER_WAIT_MS 800

/* The file's type as the clerk knows it: ".pdf", or "này" without one. */
static const char *file_kind(const char *path)
{
	const char *slash = fs_last_sep(path), *dot = strrchr(path, '.');
	return dot && (!slash || dot > slash) && dot[1] ? dot : NULL;
}

/* Opens path with $CCHC_OPENER or the system's opener, detached from the terminal (its
 * output never reaches the screen). CCHC_ENOPROGRAM when nothing on this
 * machine opens such a file; the copy stays in path. */
static int run_opener(const char *path, struct cchc_err *err)
{
	const char *opener;
	int status;
	if (spawn_open_file(path, getenv("CCHC_OPENER_WAIT") ? -1 : OPENER_WAIT_MS, &status, &opener,
			    err))
		return err->code;
	if (status <= 0)
		return CCHC_OK;
	const char *kind = file_kind(path);
	if (status == 127)
		return err_set(err, CCHC_ENOPROGRAM, "Máy này chưa có %s để mở tệp%s%s", opener,
			       kind ? " " : "", kind ? kind : "");
	return err_set(err, CCHC_ENOPROGRAM, "Máy này chưa có chương trình mở tệp%s%s (%s báo lỗi %d)",
		       kind ? " " : "", kind ? kind : "", opener, status);
}

int evidence_open(struct db *db, int64_t id, int n, char **path, struct cchc_err *err)
{
	struct evidence_file *f;
	int nf;
	if (path)
		*path = NULL;
	if (evidence_files(db, id, &f, &nf, err))
		return err->code;
	int rc = CCHC_OK;
	if (n < 1 || n > nf)
		rc = err_set(err, CCHC_ENOTFOUND, "Tài liệu %lld không có tệp số %d", (long long)id, n);
	else if (!evidence_safe_name(f[n - 1].name))
		rc = err_set(err, CCHC_EINPUT, "Tên tệp \"%s\" không dùng được", f[n - 1].name);
	char *dir = rc ? NULL : pf_private_dir(err);
	if (!rc && !dir)
		rc = err->code;
	struct sbuf out = SBUF_INIT;
	if (!rc) {
		/* "7-name", cut to leave room for the name of the temporary file
		 * that replaces a copy opened before */
		struct sbuf name = SBUF_INIT;
		sbuf_addf(&name, "%lld-%s", (long long)id, f[n - 1].name);
		size_t max = pf_name_max(dir);
		char *fit = numbered(name.s, 1, max > 64 ? max - 32 : max);
		sbuf_addf(&out, "%s/%s", dir, fit);
		free(fit);
		sbuf_free(&name);
		rc = files_extract(db, f[n - 1].sha256, out.s, FS_OVERWRITE, err);
	}
	if (!rc)
		rc = run_opener(out.s, err);
	if (!rc && path)
		*path = sbuf_detach(&out);
	sbuf_free(&out);
	free(dir);
	evidence_files_free(f, nf);
	return rc;
}

static int set_text(struct db *db, int64_t id, const char *column, const char *value)
{
	char sql[96];
	snprintf(sql, sizeof sql, "UPDATE evidence SET %s = ?2 WHERE id = ?1", column);
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db->h, sql, -1, &st, NULL);
	if (rc != SQLITE_OK)
		return rc;
	char *v = nfc_or_empty(value);
	sqlite3_bind_int64(st, 1, id);
	if (strcmp(column, "issued_on") == 0 && !*v)
		sqlite3_bind_null(st, 2);
	else
		sqlite3_bind_text(st, 2, v, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	free(v);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

int evidence_edit(struct db *db, int64_t id, const struct evidence_input *in, struct cchc_err *err)
{
	struct evidence_info e;
	if (evidence_get(db, id, &e, err))
		return err->code;
	int nfiles = e.nfiles;
	struct evidence_input check = *in;
	if (!check.kind)
		check.kind = e.kind;
	const char *kind;
	char date[11];
	int rc = check_input(db, &check, &kind, date, err);
	evidence_info_free(&e);
	if (rc || db_begin(db, err))
		return err->code;
	int s = set_text(db, id, "kind", kind);
	if (!s && in->date)
		s = set_text(db, id, "issued_on", date);
	const char *cols[] = { "doc_no", "issuer", "summary", "notes" };
	const char *vals[] = { in->doc_no, in->issuer, in->summary, in->notes };
	for (int i = 0; !s && i < 4; i++)
		if (vals[i])
			s = set_text(db, id, cols[i], vals[i]);
	rc = s ? db_fail(db, s, "sửa tài liệu kiểm chứng", err) : CCHC_OK;
	for (int i = 0; rc == CCHC_OK && i < in->nfiles; i++)
		rc = link_file(db, id, nfiles + i + 1, in->files[i], err);
	for (int i = 0; rc == CCHC_OK && i < in->ntasks; i++)
		rc = link_task(db, id, in->tasks[i], err);
	for (int i = 0; rc == CCHC_OK && i < in->ncriteria; i++)
		rc = link_criterion(db, id, in->criteria[i], date, err);
	if (rc) {
		db_rollback(db);
		return rc;
	}
	return db_commit(db, err);
}
