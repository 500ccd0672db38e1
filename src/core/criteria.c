#include <config.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/criteria.h"
#include "store/datafile.h"
#include "text/encoding.h"
#include "text/fold.h"
#include "util/fsutil.h"
#include "util/sbuf.h"

struct header {
	char idx[16], name[256], province[128];
	int year;
};

static char *trim(char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	char *e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
		*--e = '\0';
	return s;
}

static int header_line(struct header *h, char *line, const char *what, int no,
		       struct cchc_err *err)
{
	char *eq = strchr(line, '=');
	if (!eq)
		return err_set(err, CCHC_EINPUT, "%s:%d: cần dạng khóa = giá trị", what, no);
	*eq = '\0';
	char *k = trim(line), *v = trim(eq + 1);
	if (strcmp(k, "index") == 0)
		snprintf(h->idx, sizeof h->idx, "%s", v);
	else if (strcmp(k, "name") == 0)
		snprintf(h->name, sizeof h->name, "%s", v);
	else if (strcmp(k, "province") == 0)
		snprintf(h->province, sizeof h->province, "%s", v);
	else if (strcmp(k, "year") == 0)
		h->year = atoi(v);
	else
		return err_set(err, CCHC_EINPUT, "%s:%d: khóa \"%s\" không có", what, no, k);
	return CCHC_OK;
}

static int insert_catalogue(struct db *db, const struct header *h, const char *what, int64_t *id,
			    struct cchc_err *err)
{
	if (strcmp(h->idx, "par") && strcmp(h->idx, "sipas") && strcmp(h->idx, "papi"))
		return err_set(err, CCHC_EINPUT, "%s: index phải là par, sipas hoặc papi", what);
	if (!*h->name)
		return err_set(err, CCHC_EINPUT, "%s: thiếu name trong [catalogue]", what);
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db->h, "INSERT INTO criteria_catalogue(idx, name, province, year, "
				    "source) VALUES(?,?,?,?,?)", -1, &st, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_text(st, 1, h->idx, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, h->name, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, h->province, -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 4, h->year);
		sqlite3_bind_text(st, 5, what, -1, SQLITE_STATIC);
		rc = sqlite3_step(st);
		sqlite3_finalize(st);
	}
	*id = sqlite3_last_insert_rowid(db->h);
	if (rc == SQLITE_DONE)
		return CCHC_OK;
	if ((rc & 0xff) == SQLITE_CONSTRAINT)
		return err_set(err, CCHC_EDUP, "Đã có bộ tiêu chí \"%s\" (%s %s %d)", h->name, h->idx,
			       h->province, h->year);
	return db_fail(db, rc, "lưu bộ tiêu chí", err);
}

/* "3.2 | Tỷ lệ hồ sơ đúng hạn | 8 | Số liệu ..." */
static int criterion_line(struct db *db, int64_t cat, int seq, char *line, const char *what, int no,
			  struct cchc_err *err)
{
	char *f[4] = { line, NULL, NULL, NULL };
	for (int i = 1; i < 4 && f[i - 1]; i++) {
		char *bar = strchr(f[i - 1], '|');
		if (bar) {
			*bar = '\0';
			f[i] = bar + 1;
		}
	}
	char *code = trim(f[0]), *name = f[1] ? trim(f[1]) : "";
	if (!*code || !*name || strspn(code, "0123456789.") != strlen(code) || code[0] == '.')
		return err_set(err, CCHC_EINPUT, "%s:%d: cần dạng MÃ | TÊN | ĐIỂM | TÀI LIỆU", what, no);
	char *pts = f[2] ? trim(f[2]) : "", *end;
	double max = *pts ? strtod(pts, &end) : -1;
	if (*pts && (*end || max < 0 || max > 1000))
		return err_set(err, CCHC_EINPUT, "%s:%d: điểm tối đa \"%s\" không hợp lệ", what, no, pts);
	char *dot = strrchr(code, '.');
	char parent[64] = "";
	if (dot)
		snprintf(parent, sizeof parent, "%.*s", (int)(dot - code), code);
	int depth = 0;
	for (char *p = code; *p; p++)
		depth += *p == '.';
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db->h, "INSERT INTO criterion(catalogue_id, seq, code, parent_code, "
		"depth, name, max_points, evidence_hint) SELECT ?1, ?2, ?3, ?4, ?5, ?6, "
		"CASE WHEN ?7 < 0 THEN NULL ELSE ?7 END, ?8 WHERE ?4 = '' OR EXISTS (SELECT 1 FROM "
		"criterion WHERE catalogue_id = ?1 AND code = ?4)", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return db_fail(db, rc, "lưu tiêu chí", err);
	sqlite3_bind_int64(st, 1, cat);
	sqlite3_bind_int(st, 2, seq);
	sqlite3_bind_text(st, 3, code, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, parent, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 5, depth);
	sqlite3_bind_text(st, 6, name, -1, SQLITE_STATIC);
	sqlite3_bind_double(st, 7, max);
	sqlite3_bind_text(st, 8, f[3] ? trim(f[3]) : "", -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return (rc & 0xff) == SQLITE_CONSTRAINT
		       ? err_set(err, CCHC_EINPUT, "%s:%d: mã %s lặp lại", what, no, code)
		       : db_fail(db, rc, "lưu tiêu chí", err);
	if (sqlite3_changes(db->h) == 0)
		return err_set(err, CCHC_EINPUT, "%s:%d: mã %s đứng trước mã cha %s của nó", what, no,
			       code, parent);
	return CCHC_OK;
}

static int parse_and_store(struct db *db, char *text, const char *what, int64_t *id,
			   struct cchc_err *err)
{
	struct header h = { "", "", "", 0 };
	enum { NONE, HEAD, CRIT } part = NONE;
	int no = 0, seq = 0, rc = CCHC_OK;
	*id = 0;
	char *save = NULL;
	for (char *line = strtok_r(text, "\n", &save); line && !rc; line = strtok_r(NULL, "\n", &save)) {
		no++;
		char *l = trim(line);
		if (!*l || *l == '#')
			continue;
		if (strcmp(l, "[catalogue]") == 0) {
			part = HEAD;
		} else if (strcmp(l, "[criteria]") == 0) {
			part = CRIT;
			rc = insert_catalogue(db, &h, what, id, err);
		} else if (part == HEAD) {
			rc = header_line(&h, l, what, no, err);
		} else if (part == CRIT) {
			rc = criterion_line(db, *id, ++seq, l, what, no, err);
		} else {
			rc = err_set(err, CCHC_EINPUT, "%s:%d: cần [catalogue] trước", what, no);
		}
	}
	if (!rc && !*id)
		rc = err_set(err, CCHC_EINPUT, "%s: không có phần [criteria]", what);
	return rc;
}

int criteria_load_in_tx(struct db *db, const char *text, const char *what, int64_t *id,
			struct cchc_err *err)
{
	char *copy = xstrdup(text);
	int rc = parse_and_store(db, copy, what, id, err);
	free(copy);
	return rc;
}

int criteria_load_text(struct db *db, const char *text, const char *what, int64_t *id,
		       struct cchc_err *err)
{
	char *copy = xstrdup(text);
	int rc = db_begin(db, err);
	if (!rc) {
		rc = parse_and_store(db, copy, what, id, err);
		if (rc)
			db_rollback(db);
		else
			rc = db_commit(db, err);
	}
	free(copy);
	return rc;
}

int criteria_load_file(struct db *db, const char *path, int64_t *id, struct cchc_err *err)
{
	char *raw, *text;
	size_t n, tn;
	if (fs_read_file(path, 4u << 20, &raw, &n, err))
		return err->code;
	int rc = text_decode_input(raw, n, NULL, path, &text, &tn, err);
	free(raw);
	if (rc)
		return rc;
	const char *base = fs_last_sep(path);
	rc = criteria_load_text(db, text, base ? base + 1 : path, id, err);
	free(text);
	return rc;
}

/* The national catalogues every new database starts with; the department's
 * own set with its points (data/criteria/vi-du-so-2026.txt is an example)
 * is the clerk's to load and edit. */
static const char *const national[] = {
	"data/criteria/par-index-tinh.txt", "data/criteria/sipas.txt", "data/criteria/papi.txt",
};

int64_t criteria_catalogue_of_year(struct db *db, int year)
{
	int64_t id = db_int_by_id(db, "SELECT coalesce((SELECT id FROM criteria_catalogue WHERE "
				  "year = ?1 ORDER BY id DESC LIMIT 1), (SELECT c.catalogue_id FROM "
				  "criterion_score s JOIN criterion c ON c.id = s.criterion_id WHERE "
				  "s.year = ?1 GROUP BY 1 ORDER BY count(*) DESC, 1 DESC LIMIT 1), 0)",
				  year);
	return id > 0 ? id : 0;
}

int criteria_national_load(struct db *db, struct cchc_err *err)
{
	int rc = db_begin_internal(db, err);
	for (size_t i = 0; !rc && i < sizeof national / sizeof national[0]; i++) {
		char *text = datafile_read(national[i], NULL, NULL);
		int64_t id;
		rc = text ? criteria_load_in_tx(db, text, national[i], &id, err)
			  : err_set(err, CCHC_EIO, "Thiếu tệp %s", national[i]);
		free(text);
		if (rc == CCHC_EDUP)
			rc = CCHC_OK;
	}
	if (rc)
		db_rollback(db);
	else
		rc = db_commit(db, err);
	return rc;
}

static char *col(sqlite3_stmt *st, int i)
{
	const unsigned char *s = sqlite3_column_text(st, i);
	return xstrdup(s ? (const char *)s : "");
}

int criteria_list(struct db *db, int64_t catalogue_id, const char *idx, int year,
		  struct criterion_row **out, int *n, struct cchc_err *err)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db->h,
		"SELECT c.id, c.catalogue_id, c.depth, coalesce(c.max_points, -1), "
		"coalesce((SELECT points FROM criterion_score s WHERE s.criterion_id = c.id AND s.year = ?3), -1), "
		"(SELECT count(*) FROM criterion_evidence e WHERE e.criterion_id = c.id), "
		"c.code, c.name, c.evidence_hint, k.idx FROM criterion c "
		"JOIN criteria_catalogue k ON k.id = c.catalogue_id "
		"WHERE (?1 = 0 OR c.catalogue_id = ?1) AND (?2 = '' OR k.idx = ?2) "
		"ORDER BY c.catalogue_id, c.seq", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return db_fail(db, rc, "đọc tiêu chí", err);
	sqlite3_bind_int64(st, 1, catalogue_id);
	sqlite3_bind_text(st, 2, idx ? idx : "", -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 3, year);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*out = xrealloc(*out, sizeof **out * (size_t)(*n + 1));
		struct criterion_row *r = &(*out)[(*n)++];
		r->id = sqlite3_column_int64(st, 0);
		r->catalogue_id = sqlite3_column_int64(st, 1);
		r->depth = sqlite3_column_int(st, 2);
		r->max_points = sqlite3_column_double(st, 3);
		r->points = sqlite3_column_double(st, 4);
		r->nevidence = sqlite3_column_int(st, 5);
		r->code = col(st, 6);
		r->name = col(st, 7);
		r->hint = col(st, 8);
		r->idx = col(st, 9);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		criteria_list_free(*out, *n);
		*out = NULL;
		*n = 0;
		return db_fail(db, rc, "đọc tiêu chí", err);
	}
	return CCHC_OK;
}

int criteria_catalogues(struct db *db, struct catalogue_info **out, int *n, struct cchc_err *err)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db->h, "SELECT id, year, idx, name FROM criteria_catalogue "
				    "ORDER BY year = 0, year DESC, id DESC", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return db_fail(db, rc, "đọc bộ tiêu chí", err);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*out = xrealloc(*out, sizeof **out * (size_t)(*n + 1));
		struct catalogue_info *c = &(*out)[(*n)++];
		c->id = sqlite3_column_int64(st, 0);
		c->year = sqlite3_column_int(st, 1);
		snprintf(c->idx, sizeof c->idx, "%s", (const char *)sqlite3_column_text(st, 2));
		c->name = col(st, 3);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		catalogues_free(*out, *n);
		*out = NULL;
		*n = 0;
		return db_fail(db, rc, "đọc bộ tiêu chí", err);
	}
	return CCHC_OK;
}

void catalogues_free(struct catalogue_info *v, int n)
{
	for (int i = 0; i < n; i++)
		free(v[i].name);
	free(v);
}

void criteria_list_free(struct criterion_row *v, int n)
{
	for (int i = 0; i < n; i++) {
		free(v[i].code);
		free(v[i].name);
		free(v[i].hint);
		free(v[i].idx);
	}
	free(v);
}

int64_t criteria_catalogue_for(struct db *db, const char *code, int year)
{
	sqlite3_stmt *st;
	int64_t id = 0;
	if (sqlite3_prepare_v2(db->h, "SELECT k.id FROM criteria_catalogue k JOIN criterion c ON "
			       "c.catalogue_id = k.id WHERE c.code = ?1 ORDER BY (k.year = ?2) DESC, "
			       "k.id DESC LIMIT 1", -1, &st, NULL))
		return 0;
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, year);
	if (sqlite3_step(st) == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return id;
}

int score_set(struct db *db, int64_t catalogue_id, const char *code, int year, double points,
	      struct cchc_err *err)
{
	sqlite3_stmt *st;
	int64_t cid = 0;
	double max = -1;
	if (sqlite3_prepare_v2(db->h, "SELECT id, coalesce(max_points, -1) FROM criterion WHERE "
			       "catalogue_id = ? AND code = ?", -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_int64(st, 1, catalogue_id);
		sqlite3_bind_text(st, 2, code, -1, SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW) {
			cid = sqlite3_column_int64(st, 0);
			max = sqlite3_column_double(st, 1);
		}
		sqlite3_finalize(st);
	}
	if (!cid)
		return err_set(err, CCHC_ENOTFOUND, "Không có tiêu chí mã %s (xem cchc criteria list)", code);
	if (isnan(points) || points < 0 || (max >= 0 && points > max + 1e-9))
		return err_set(err, CCHC_EINPUT, "Điểm %g của tiêu chí %s phải từ 0 đến %g", points, code,
			       max >= 0 ? max : 0);
	if (db_begin(db, err))
		return err->code;
	int rc = sqlite3_prepare_v2(db->h, "INSERT INTO criterion_score(criterion_id, year, points) "
				    "VALUES(?,?,?) ON CONFLICT(criterion_id, year) DO UPDATE SET "
				    "points = excluded.points", -1, &st, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_int64(st, 1, cid);
		sqlite3_bind_int(st, 2, year);
		sqlite3_bind_double(st, 3, points);
		rc = sqlite3_step(st);
		sqlite3_finalize(st);
	}
	if (rc != SQLITE_DONE) {
		db_fail(db, rc, "lưu điểm", err);
		db_rollback(db);
		return err->code;
	}
	return db_commit(db, err);
}

int index_add(struct db *db, const struct index_row *r, struct cchc_err *err)
{
	if (strcmp(r->idx, "par") && strcmp(r->idx, "sipas") && strcmp(r->idx, "papi"))
		return err_set(err, CCHC_EINPUT, "Chỉ số phải là par, sipas hoặc papi");
	double top = strcmp(r->idx, "papi") == 0 ? 80 : 100;
	if (r->value < 0 || r->value > top || isnan(r->value))
		return err_set(err, CCHC_EINPUT, "Giá trị %g ngoài khoảng 0..%g", r->value, top);
	if (r->rank < 0 || r->rank_of < 0 || (r->rank_of && r->rank > r->rank_of))
		return err_set(err, CCHC_EINPUT, "Thứ hạng %d/%d không hợp lệ", r->rank, r->rank_of);
	if (db_begin(db, err))
		return err->code;
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db->h, "INSERT OR REPLACE INTO index_result(year, idx, value, rank, "
				    "rank_of, target) VALUES(?,?,?,nullif(?,0),nullif(?,0),?)", -1, &st, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_int(st, 1, r->year);
		sqlite3_bind_text(st, 2, r->idx, -1, SQLITE_STATIC);
		sqlite3_bind_double(st, 3, r->value);
		sqlite3_bind_int(st, 4, r->rank);
		sqlite3_bind_int(st, 5, r->rank_of);
		sqlite3_bind_text(st, 6, r->target ? r->target : "", -1, SQLITE_STATIC);
		rc = sqlite3_step(st);
		sqlite3_finalize(st);
	}
	if (rc != SQLITE_DONE) {
		db_fail(db, rc, "lưu kết quả chỉ số", err);
		db_rollback(db);
		return err->code;
	}
	return db_commit(db, err);
}

int index_list(struct db *db, struct index_row **out, int *n, struct cchc_err *err)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db->h, "SELECT year, idx, value, coalesce(rank, 0), "
				    "coalesce(rank_of, 0), target FROM index_result ORDER BY idx, year",
				    -1, &st, NULL);
	if (rc != SQLITE_OK)
		return db_fail(db, rc, "đọc kết quả chỉ số", err);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*out = xrealloc(*out, sizeof **out * (size_t)(*n + 1));
		struct index_row *r = &(*out)[(*n)++];
		r->year = sqlite3_column_int(st, 0);
		snprintf(r->idx, sizeof r->idx, "%s", (const char *)sqlite3_column_text(st, 1));
		r->value = sqlite3_column_double(st, 2);
		r->rank = sqlite3_column_int(st, 3);
		r->rank_of = sqlite3_column_int(st, 4);
		r->target = col(st, 5);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? CCHC_OK : db_fail(db, rc, "đọc kết quả chỉ số", err);
}

void index_list_free(struct index_row *v, int n)
{
	for (int i = 0; i < n; i++)
		free(v[i].target);
	free(v);
}

int64_t criterion_id_for(struct db *db, const char *code, int year)
{
	int64_t cat = criteria_catalogue_for(db, code, year);
	sqlite3_stmt *st;
	int64_t id = 0;
	if (!cat || sqlite3_prepare_v2(db->h, "SELECT id FROM criterion WHERE catalogue_id = ? AND "
				       "code = ?", -1, &st, NULL))
		return 0;
	sqlite3_bind_int64(st, 1, cat);
	sqlite3_bind_text(st, 2, code, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return id;
}

/* The number of words of the criterion's name when they stand in the
 * heading as a phrase (compared without tones or case), else 0; a name of
 * one word does not count. */
static int name_in_heading(const char *heading, const char *name)
{
	struct text_query h, q;
	text_query_init(&h, heading, false, false);
	text_query_init(&q, name, false, false);
	int found = 0;
	for (int i = 0; q.nterms >= 2 && !found && i + q.nterms <= h.nterms; i++) {
		int k = 0;
		while (k < q.nterms && strcmp(h.folded[i + k], q.folded[k]) == 0)
			k++;
		if (k == q.nterms)
			found = q.nterms;
	}
	text_query_free(&h);
	text_query_free(&q);
	return found;
}

int criteria_suggest(struct db *db, int64_t plan_id, int64_t catalogue_id,
		     struct criteria_suggestion **out, int *n, struct cchc_err *err)
{
	*out = NULL;
	*n = 0;
	struct criterion_row *c;
	int nc;
	if (criteria_list(db, catalogue_id, NULL, 0, &c, &nc, err))
		return err->code;
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db->h, "SELECT s.id, s.label || ' ' || s.heading FROM section s "
		"WHERE s.plan_id = ? AND NOT EXISTS (SELECT 1 FROM section_criterion m WHERE "
		"m.section_id = s.id) ORDER BY s.seq", -1, &st, NULL);
	if (rc != SQLITE_OK) {
		criteria_list_free(c, nc);
		return db_fail(db, rc, "đề xuất tiêu chí", err);
	}
	sqlite3_bind_int64(st, 1, plan_id);
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *heading = (const char *)sqlite3_column_text(st, 1);
		int best = -1, best_words = 0;
		for (int i = 0; i < nc; i++) {
			int w = name_in_heading(heading, c[i].name);
			if (w > best_words) {
				best = i;
				best_words = w;
			}
		}
		if (best < 0)
			continue;
		*out = xrealloc(*out, sizeof **out * (size_t)(*n + 1));
		struct criteria_suggestion *s = &(*out)[(*n)++];
		s->section_id = sqlite3_column_int64(st, 0);
		s->criterion_id = c[best].id;
		s->section = xstrdup(heading);
		struct sbuf b = SBUF_INIT;
		sbuf_addf(&b, "%s %s", c[best].code, c[best].name);
		s->criterion = sbuf_detach(&b);
	}
	sqlite3_finalize(st);
	criteria_list_free(c, nc);
	return CCHC_OK;
}

void criteria_suggestions_free(struct criteria_suggestion *v, int n)
{
	for (int i = 0; i < n; i++) {
		free(v[i].section);
		free(v[i].criterion);
	}
	free(v);
}

int criteria_map(struct db *db, int64_t section_id, int64_t task_id, int64_t criterion_id,
		 struct cchc_err *err)
{
	if (db_begin(db, err))
		return err->code;
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db->h, section_id
		? "INSERT OR IGNORE INTO section_criterion(section_id, criterion_id) VALUES(?, ?)"
		: "INSERT OR IGNORE INTO task_criterion(task_id, criterion_id) VALUES(?, ?)", -1, &st, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_int64(st, 1, section_id ? section_id : task_id);
		sqlite3_bind_int64(st, 2, criterion_id);
		rc = sqlite3_step(st);
		sqlite3_finalize(st);
	}
	if (rc != SQLITE_DONE) {
		if ((rc & 0xff) == SQLITE_CONSTRAINT)
			err_set(err, CCHC_EINPUT, "Không có %s số %lld", section_id ? "đề mục" : "nhiệm vụ",
				(long long)(section_id ? section_id : task_id));
		else
			db_fail(db, rc, "gắn tiêu chí", err);
		db_rollback(db);
		return err->code;
	}
	return db_commit(db, err);
}
