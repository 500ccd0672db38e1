#include <config.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/task.h"
#include "core/unit.h"
#include "text/fold.h"
#include "text/utf8.h"
#include "util/sbuf.h"

int unit_insert(struct db *db, const char *name, const char *code, const char *head,
		int64_t *id, struct cchc_err *err)
{
	char *nfc = text_nfc(name), *c = text_nfc(code ? code : ""), *h = text_nfc(head ? head : "");
	if (!nfc || !c || !h) {
		free(nfc), free(c), free(h);
		return err_set(err, CCHC_EINPUT, "Tên, mã hoặc trưởng đơn vị không phải UTF-8 hợp lệ");
	}
	char *n = text_squeeze(nfc);
	free(nfc);
	char *cs = text_squeeze(c);
	free(c);
	c = cs;
	code = c;
	head = h;
	if (!*n) {
		free(n), free(c), free(h);
		return err_set(err, CCHC_EINPUT, "Tên đơn vị không được để trống");
	}
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db->h, "INSERT INTO unit(name, code, head) "
				    "VALUES(?, nullif(?, ''), ?)", -1, &st, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_text(st, 1, n, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, code ? code : "", -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, head ? head : "", -1, SQLITE_STATIC);
		rc = sqlite3_step(st);
		sqlite3_finalize(st);
	}
	if (rc == SQLITE_DONE) {
		if (id)
			*id = sqlite3_last_insert_rowid(db->h);
		err_clear(err);
	} else if (rc == SQLITE_CONSTRAINT_UNIQUE) {
		err_set(err, CCHC_EDUP, "Đã có đơn vị tên \"%s\" hoặc mã \"%s\"", n, code);
	} else {
		db_fail(db, rc, "thêm đơn vị", err);
	}
	free(n), free(c), free(h);
	return rc == SQLITE_DONE ? CCHC_OK : err->code;
}

int unit_add(struct db *db, const char *name, const char *code, const char *head,
	     const char *kind, int64_t *id, struct cchc_err *err)
{
	int64_t made = 0;
	if (db_begin(db, err))
		return err->code;
	if (unit_insert(db, name, code, head, &made, err) ||
	    (kind && *kind && unit_set_kind(db, made, kind, err))) {
		db_rollback(db);
		return err->code;
	}
	if (id)
		*id = made;
	return db_commit(db, err);
}

static const char *const kinds[] = { "phong", "don-vi", "so-nganh", "huyen", "xa", "khac" };

bool unit_kind_valid(const char *kind)
{
	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
		if (strcmp(kind, kinds[i]) == 0)
			return true;
	return false;
}

static bool starts(const char *s, const char *prefix)
{
	size_t n = strlen(prefix);
	return strncmp(s, prefix, n) == 0 && (s[n] == ' ' || s[n] == '\0');
}

/* The kind of "Ủy ban nhân dân <rest>": the level its next word names. */
static const char *council_kind(const char *rest)
{
	static const char *const huyen[] = { "huyen", "quan", "thi xa", "thanh pho", "cap huyen" };
	static const char *const xa[] = { "xa", "phuong", "thi tran", "cap xa" };
	for (size_t i = 0; i < sizeof huyen / sizeof huyen[0]; i++)
		if (starts(rest, huyen[i]))
			return "huyen";
	for (size_t i = 0; i < sizeof xa / sizeof xa[0]; i++)
		if (starts(rest, xa[i]))
			return "xa";
	return "khac";
}

static const char *guess_folded(const char *f)
{
	static const char *const attached[] = { "trung tam", "chi cuc", "chi nhanh", "ban quan ly du an" };
	static const char *const agency[] = { "so", "ban", "cuc", "dai", "bao", "cong an", "kho bac",
					      "bo chi huy", "ngan hang", "thanh tra tinh", "hoi dong" };
	if (starts(f, "ubnd"))
		return council_kind(f + (f[4] ? 5 : 4));
	if (starts(f, "uy ban nhan dan"))
		return council_kind(f + (f[15] ? 16 : 15));
	if (starts(f, "phong") || starts(f, "p.") || starts(f, "van phong so") ||
	    starts(f, "van phong ban") || starts(f, "thanh tra so"))
		return "phong";
	if (starts(f, "van phong"))
		return strstr(f, "nhan dan") || strstr(f, "ubnd") || strstr(f, "doan") ? "so-nganh"
										     : "don-vi";
	for (size_t i = 0; i < sizeof attached / sizeof attached[0]; i++)
		if (starts(f, attached[i]))
			return "don-vi";
	for (size_t i = 0; i < sizeof agency / sizeof agency[0]; i++)
		if (starts(f, agency[i]))
			return "so-nganh";
	return "khac";
}

const char *unit_kind_guess(const char *name)
{
	char *f = text_fold(name, false);
	const char *k = guess_folded(f);
	free(f);
	return k;
}

const char *unit_kind_of(const char *kind, const char *name)
{
	return kind && *kind ? kind : unit_kind_guess(name);
}

char *unit_new_code(struct db *db, const char *name)
{
	char *f = text_fold(name, false), *save = NULL;
	char base[16];
	size_t n = 0;
	for (char *w = strtok_r(f, " ,;.-()", &save); w && n < 10; w = strtok_r(NULL, " ,;.-()", &save))
		if (strcmp(w, "va") != 0 && ((*w >= 'a' && *w <= 'z') || (*w >= '0' && *w <= '9')))
			base[n++] = (char)(*w >= 'a' ? *w - 'a' + 'A' : *w);
	base[n] = '\0';
	free(f);
	if (!n)
		snprintf(base, sizeof base, "DV");
	char code[24];
	snprintf(code, sizeof code, "%s", base);
	for (int k = 2; unit_id_by_code(db, code) && k < 1000; k++)
		snprintf(code, sizeof code, "%s%d", base, k);
	return xstrdup(code);
}

int unit_set_kind(struct db *db, int64_t id, const char *kind, struct cchc_err *err)
{
	if (!unit_kind_valid(kind))
		return err_set(err, CCHC_EINPUT, "Loại đơn vị \"%s\" không có (phong, don-vi, "
			       "so-nganh, huyen, xa, khac)", kind);
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db->h, "UPDATE unit SET kind = ?2 WHERE id = ?1", -1, &st, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_text(st, 2, kind, -1, SQLITE_STATIC);
		rc = sqlite3_step(st);
		sqlite3_finalize(st);
	}
	return rc == SQLITE_DONE ? CCHC_OK : db_fail(db, rc, "đặt loại đơn vị", err);
}

int unit_list(struct db *db, struct unit_info **out, int *n, struct cchc_err *err)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db->h, "SELECT id, active, name, coalesce(code, ''), head, kind "
				    "FROM unit ORDER BY rank, id", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return db_fail(db, rc, "đọc danh sách đơn vị", err);
	struct unit_info *v = NULL;
	int count = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		v = xrealloc(v, sizeof *v * (size_t)(count + 1));
		struct unit_info *u = &v[count++];
		u->id = sqlite3_column_int64(st, 0);
		u->active = sqlite3_column_int(st, 1);
		u->name = xstrdup((const char *)sqlite3_column_text(st, 2));
		u->code = xstrdup((const char *)sqlite3_column_text(st, 3));
		u->head = xstrdup((const char *)sqlite3_column_text(st, 4));
		u->kind = xstrdup((const char *)sqlite3_column_text(st, 5));
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		unit_list_free(v, count);
		return db_fail(db, rc, "đọc danh sách đơn vị", err);
	}
	*out = v;
	*n = count;
	return CCHC_OK;
}

void unit_list_free(struct unit_info *v, int n)
{
	for (int i = 0; i < n; i++) {
		free(v[i].name);
		free(v[i].code);
		free(v[i].head);
		free(v[i].kind);
	}
	free(v);
}

static int update_unit(struct db *db, int64_t id, const char *column, const char *value)
{
	char sql[96];
	snprintf(sql, sizeof sql, "UPDATE unit SET %s = ?2 WHERE id = ?1", column);
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db->h, sql, -1, &st, NULL);
	if (rc != SQLITE_OK)
		return rc;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, value, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* The edit of unit id, after the checks that need no database. */
static int edit_checked(struct db *db, int64_t id, char *const v[3], const char *kind,
			int active, struct cchc_err *err)
{
	int rc;
	if ((rc = db_begin(db, err)))
		return rc;
	static const char *const cols[3] = { "name", "code", "head" };
	int s = SQLITE_OK;
	for (int i = 0; i < 3 && s == SQLITE_OK; i++)
		if (v[i])
			s = update_unit(db, id, cols[i], v[i]);
	if (s == SQLITE_OK && active >= 0)
		s = update_unit(db, id, "active", active ? "1" : "0");
	if (s == SQLITE_OK && kind)
		s = update_unit(db, id, "kind", kind);
	if (s == SQLITE_OK)
		return db_commit(db, err);
	if ((s & 0xff) == SQLITE_CONSTRAINT)
		rc = err_set(err, CCHC_EDUP, "Đã có đơn vị khác cùng tên hoặc mã");
	else
		rc = db_fail(db, s, "sửa đơn vị", err);
	db_rollback(db);
	return rc;
}

int unit_edit_id(struct db *db, int64_t id, const char *name, const char *new_code,
		 const char *head, const char *kind, int active, struct cchc_err *err)
{
	if (kind && !unit_kind_valid(kind))
		return unit_set_kind(db, 0, kind, err);
	const char *in[3] = { name, new_code, head };
	char *v[3] = { NULL, NULL, NULL };
	int rc = CCHC_OK;
	for (int i = 0; i < 3 && !rc; i++)
		if (in[i]) {
			char *nfc = text_nfc(in[i]);
			if (!nfc)
				rc = err_set(err, CCHC_EINPUT, "Giá trị không phải UTF-8 hợp lệ");
			else
				v[i] = text_squeeze(nfc);
			free(nfc);
		}
	if (!rc && v[0] && !*v[0])
		rc = err_set(err, CCHC_EINPUT, "Tên đơn vị không được để trống");
	if (!rc)
		rc = edit_checked(db, id, v, kind, active, err);
	free(v[0]), free(v[1]), free(v[2]);
	return rc;
}

int unit_edit(struct db *db, const char *code, const char *name, const char *new_code,
	      const char *head, const char *kind, int active, struct cchc_err *err)
{
	if (kind && !unit_kind_valid(kind))
		return unit_set_kind(db, 0, kind, err);
	int64_t id = unit_id_by_code(db, code);
	if (!id)
		return err_set(err, CCHC_ENOTFOUND, "Không có đơn vị mã \"%s\" (xem cchc unit list)",
			       code);
	return unit_edit_id(db, id, name, new_code, head, kind, active, err);
}
