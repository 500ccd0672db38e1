/* Packages between the office and its divisions (exchange.h).
 *
 * Sending: the records the other side should have now are copied into an
 * attached scratch database "snap" (the tables' own CREATE TABLE, no
 * triggers); what it had after the last package, exchange_peer.base, is
 * deserialized into "base"; a session on snap diffs each table against
 * base (sqlite3session_diff) and its changeset is streamed into the
 * package. Once the package is in place, snap becomes the new base.
 *
 * Receiving: the package is checked whole (its manifest, the changeset's
 * SHA-256 and size, every file against its hash, the sequence number, and
 * at the office that every change is the division's), then applied in one
 * action with sqlite3changeset_apply_v2_strm; the same changeset brings the
 * kept base up to date, so that the next package sends only what is new. */
#include <config.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "core/exchange.h"
#include "core/report.h"
#include "text/date.h"
#include "store/backup.h"
#include "store/files.h"
#include "store/history.h"
#include "util/fsutil.h"
#include "util/sbuf.h"
#include "util/sha256.h"

#define PKG_FORMAT "cchc-goi"
#define PKG_VERSION "1"
#define PKG_APP_ID 0x43434847 /* "CCHG" */

/* What the office sends a division, and how each table is filled (?1: the
 * division's unit id). Settings: those a division's documents and
 * deadlines need, not the office's backups or the program's own keys. */
static const char *const down_tables[] = {
	"setting", "unit", "plan", "section", "section_item", "task", "task_unit", "task_due",
	"task_note", NULL,
};
static const char *const down_fill[] = {
	"INSERT INTO snap.setting SELECT * FROM main.setting WHERE key GLOB 'org.*' "
	"OR key GLOB 'report.*' OR key GLOB 'letter.*' OR key GLOB 'period.*' "
	"OR key GLOB 'feedback.*' OR key IN ('ui.due_within', 'evidence.max_mb')",
	"INSERT INTO snap.unit SELECT * FROM main.unit",
	"INSERT INTO snap.task SELECT * FROM main.task WHERE lead_unit_id = ?1 "
	"OR id IN (SELECT task_id FROM main.task_unit WHERE unit_id = ?1)",
	"INSERT INTO snap.task_unit SELECT * FROM main.task_unit "
	"WHERE task_id IN (SELECT id FROM snap.task)",
	"INSERT INTO snap.task_due SELECT * FROM main.task_due "
	"WHERE task_id IN (SELECT id FROM snap.task)",
	"INSERT INTO snap.task_note SELECT * FROM main.task_note "
	"WHERE task_id IN (SELECT id FROM snap.task)",
	"INSERT INTO snap.plan SELECT * FROM main.plan WHERE id IN (SELECT plan_id FROM snap.task)",
	"INSERT INTO snap.section SELECT * FROM main.section "
	"WHERE plan_id IN (SELECT id FROM snap.plan)",
	"INSERT INTO snap.section_item SELECT * FROM main.section_item "
	"WHERE section_id IN (SELECT id FROM snap.section)",
	NULL,
};
/* What a division sends back: its tasks' changes, notes and evidence. */
static const char *const up_tables[] = {
	"task", "task_note", "evidence", "evidence_task", "evidence_file", NULL,
};
static const char *const up_fill[] = {
	"INSERT INTO snap.task SELECT * FROM main.task",
	"INSERT INTO snap.task_note SELECT * FROM main.task_note",
	"INSERT INTO snap.evidence SELECT * FROM main.evidence",
	"INSERT INTO snap.evidence_task SELECT * FROM main.evidence_task",
	"INSERT INTO snap.evidence_file SELECT * FROM main.evidence_file",
	NULL,
};

void exchange_result_free(struct exchange_result *r)
{
	for (int i = 0; i < r->nconflicts; i++)
		free(r->conflicts[i]);
	free(r->conflicts);
	r->conflicts = NULL;
	r->nconflicts = 0;
}

void exchange_summary(const struct exchange_result *r, struct sbuf *b)
{
	struct {
		int n;
		const char *what;
	} parts[] = {
		{ r->units, "đơn vị" }, { r->plans, "kế hoạch" }, { r->sections, "mục kế hoạch" },
		{ r->tasks_new, "nhiệm vụ mới" }, { r->tasks_done, "nhiệm vụ hoàn thành" },
		{ r->tasks_changed, "nhiệm vụ sửa" }, { r->notes, "ghi chú tiến độ" },
		{ r->evidence, "tài liệu kiểm chứng" }, { r->links, "liên kết tài liệu" },
		{ r->settings, "thiết lập" }, { r->files, "tệp" },
	};
	int shown = 0;
	for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++)
		if (parts[i].n)
			sbuf_addf(b, "%s%d %s", shown++ ? ", " : "", parts[i].n, parts[i].what);
	if (!shown)
		sbuf_add(b, "không có thay đổi");
	if (r->file_bytes) {
		char mb[32];
		snprintf(mb, sizeof mb, "%.1f", (double)r->file_bytes / 1e6);
		for (char *c = mb; *c; c++)
			if (*c == '.')
				*c = ',';
		sbuf_addf(b, " (%s MB)", mb);
	}
}

static bool in_list(const char *const *v, const char *s)
{
	for (; *v; v++)
		if (strcmp(*v, s) == 0)
			return true;
	return false;
}

static void now_text(char out[20])
{
	time_t t = time(NULL);
	struct tm tm;
	localtime_r(&t, &tm);
	strftime(out, 20, "%Y-%m-%d %H:%M:%S", &tm);
}

static int exec(sqlite3 *h, const char *sql)
{
	return sqlite3_exec(h, sql, NULL, NULL, NULL);
}

static int sql_fail(sqlite3 *h, int rc, const char *what, struct cchc_err *err)
{
	return err_set(err, CCHC_EDB, "Lỗi khi %s: %s (mã %d).", what, sqlite3_errmsg(h), rc);
}

int exchange_site(struct db *db, int *site, int64_t *unit_id)
{
	*site = 0;
	*unit_id = 0;
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db->h, "SELECT site, coalesce(unit_id, 0) FROM exchange_self", -1,
			       &st, NULL) != SQLITE_OK)
		return CCHC_EDB;
	if (sqlite3_step(st) == SQLITE_ROW) {
		*site = sqlite3_column_int(st, 0);
		*unit_id = sqlite3_column_int64(st, 1);
	}
	sqlite3_finalize(st);
	return CCHC_OK;
}

/* ---- tables of a scratch database ---- */

/* The CREATE TABLE of main's table name, as schema.name. */
static char *table_sql(sqlite3 *h, const char *name, const char *schema)
{
	sqlite3_stmt *st;
	char *out = NULL;
	if (sqlite3_prepare_v2(h, "SELECT sql FROM main.sqlite_schema WHERE type = 'table' "
			       "AND name = ?", -1, &st, NULL) != SQLITE_OK)
		return NULL;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		const char *sql = (const char *)sqlite3_column_text(st, 0);
		const char *p = sql ? strstr(sql, name) : NULL;
		if (p) {
			struct sbuf b = SBUF_INIT;
			sbuf_addf(&b, "CREATE TABLE %s%s%s", schema ? schema : "", schema ? "." : "",
				  p);
			out = sbuf_detach(&b);
		}
	}
	sqlite3_finalize(st);
	return out;
}

/* Makes tables (main's definitions) in schema of to (NULL: to's main). */
static int make_tables(sqlite3 *from, sqlite3 *to, const char *schema, const char *const *tables)
{
	for (const char *const *t = tables; *t; t++) {
		char *sql = table_sql(from, *t, schema);
		int rc = sql ? exec(to, sql) : SQLITE_ERROR;
		free(sql);
		if (rc != SQLITE_OK)
			return rc;
	}
	return SQLITE_OK;
}

static int fill(sqlite3 *h, const char *const *fills, int64_t unit_id)
{
	for (const char *const *f = fills; *f; f++) {
		sqlite3_stmt *st;
		int rc = sqlite3_prepare_v2(h, *f, -1, &st, NULL);
		if (rc != SQLITE_OK)
			return rc;
		if (sqlite3_bind_parameter_count(st) > 0)
			sqlite3_bind_int64(st, 1, unit_id);
		rc = sqlite3_step(st);
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE)
			return rc;
	}
	return SQLITE_OK;
}

/* A base kept as a blob, opened as its own in-memory connection. */
static int base_open(const void *blob, int64_t n, sqlite3 *like, const char *const *tables,
		     sqlite3 **x)
{
	int rc = sqlite3_open_v2(":memory:", x, SQLITE_OPEN_READWRITE, NULL);
	if (rc != SQLITE_OK)
		return rc;
	if (blob && n > 0) {
		unsigned char *copy = sqlite3_malloc64((sqlite3_uint64)n);
		if (!copy)
			return SQLITE_NOMEM;
		memcpy(copy, blob, (size_t)n);
		return sqlite3_deserialize(*x, "main", copy, n, n,
					   SQLITE_DESERIALIZE_FREEONCLOSE |
						   SQLITE_DESERIALIZE_RESIZEABLE);
	}
	return make_tables(like, *x, NULL, tables);
}

/* The blob of a connection's main database (sqlite3_free it). */
static unsigned char *serialize(sqlite3 *h, const char *schema, int64_t *n)
{
	sqlite3_int64 sz = 0;
	unsigned char *b = sqlite3_serialize(h, schema, &sz, 0);
	*n = sz;
	return b;
}

/* ---- the changeset inside a package ---- */

struct chunk_out {
	sqlite3 *pk;
	sqlite3_stmt *ins;
	int part;
	int64_t bytes;
	struct sha256 sha;
};

static int put_chunk(void *ctx, const void *data, int n)
{
	struct chunk_out *o = ctx;
	sha256_update(&o->sha, data, (size_t)n);
	o->bytes += n;
	sqlite3_bind_int(o->ins, 1, ++o->part);
	sqlite3_bind_blob(o->ins, 2, data, n, SQLITE_STATIC);
	int rc = sqlite3_step(o->ins);
	sqlite3_reset(o->ins);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* Reads the package's changeset back, part after part. */
struct chunk_in {
	sqlite3_stmt *sel;
	const unsigned char *p;
	int left;
	bool done;
	int64_t bytes;
	struct sha256 sha;
};

static int chunk_in_open(sqlite3 *pk, struct chunk_in *in)
{
	memset(in, 0, sizeof *in);
	sha256_init(&in->sha);
	return sqlite3_prepare_v2(pk, "SELECT data FROM changeset ORDER BY part", -1, &in->sel, NULL);
}

static int get_chunk(void *ctx, void *data, int *n)
{
	struct chunk_in *in = ctx;
	int want = *n, got = 0;
	while (got < want && !in->done) {
		if (in->left == 0) {
			int rc = sqlite3_step(in->sel);
			if (rc == SQLITE_DONE) {
				in->done = true;
				break;
			}
			if (rc != SQLITE_ROW)
				return rc;
			in->p = sqlite3_column_blob(in->sel, 0);
			in->left = sqlite3_column_bytes(in->sel, 0);
			sha256_update(&in->sha, in->p, (size_t)in->left);
			in->bytes += in->left;
			continue;
		}
		int k = in->left < want - got ? in->left : want - got;
		memcpy((char *)data + got, in->p, (size_t)k);
		in->p += k;
		in->left -= k;
		got += k;
	}
	*n = got;
	return SQLITE_OK;
}

static void chunk_in_close(struct chunk_in *in)
{
	sqlite3_finalize(in->sel);
	in->sel = NULL;
}

/* ---- reading a change ---- */

/* Columns of main's table, by name. */
static int column_index(sqlite3 *h, const char *table, const char *col)
{
	sqlite3_stmt *st;
	int idx = -1;
	char sql[128];
	snprintf(sql, sizeof sql, "SELECT cid FROM pragma_table_info('%s') WHERE name = ?", table);
	if (sqlite3_prepare_v2(h, sql, -1, &st, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(st, 1, col, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		idx = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return idx;
}

/* The value of column i in a change: the new one where the change has it,
 * else the old (an update's key, a delete). */
static sqlite3_value *change_value(sqlite3_changeset_iter *it, int op, int i)
{
	sqlite3_value *v = NULL;
	if (op != SQLITE_DELETE && sqlite3changeset_new(it, i, &v) == SQLITE_OK && v)
		return v;
	v = NULL;
	if (op != SQLITE_INSERT && sqlite3changeset_old(it, i, &v) == SQLITE_OK)
		return v;
	return NULL;
}

static int64_t change_int(sqlite3_changeset_iter *it, int op, int i)
{
	sqlite3_value *v = i >= 0 ? change_value(it, op, i) : NULL;
	return v ? sqlite3_value_int64(v) : 0;
}

static void count_change(sqlite3 *h, sqlite3_changeset_iter *it, struct exchange_result *r)
{
	const char *tab;
	int ncol, op, indirect;
	sqlite3changeset_op(it, &tab, &ncol, &op, &indirect);
	if (strcmp(tab, "task") == 0) {
		if (op == SQLITE_INSERT) {
			r->tasks_new++;
			return;
		}
		int s = column_index(h, "task", "status");
		sqlite3_value *v = NULL;
		if (op == SQLITE_UPDATE && s >= 0 && sqlite3changeset_new(it, s, &v) == SQLITE_OK &&
		    v && strcmp((const char *)sqlite3_value_text(v), "done") == 0)
			r->tasks_done++;
		else
			r->tasks_changed++;
	} else if (op == SQLITE_INSERT) {
		if (strcmp(tab, "task_note") == 0)
			r->notes++;
		else if (strcmp(tab, "evidence") == 0)
			r->evidence++;
		else if (strcmp(tab, "evidence_task") == 0)
			r->links++;
		else if (strcmp(tab, "setting") == 0)
			r->settings++;
		else if (strcmp(tab, "unit") == 0)
			r->units++;
		else if (strcmp(tab, "plan") == 0)
			r->plans++;
		else if (strcmp(tab, "section") == 0)
			r->sections++;
	}
}

/* ---- packages ---- */

struct manifest {
	char kind[16];          /* "office" or "division": who made it */
	char office_uuid[40];
	int site;
	char unit_code[32], unit_name[256];
	int64_t seq;
	char sha[65];
	int64_t bytes;
	int files;
	int64_t file_bytes;
	char made_at[20];
};

static int put_kv(sqlite3 *pk, const char *k, const char *v)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(pk, "INSERT INTO manifest(key, value) VALUES(?, ?)", -1, &st,
				    NULL);
	if (rc != SQLITE_OK)
		return rc;
	sqlite3_bind_text(st, 1, k, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, v, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

static int put_manifest(sqlite3 *pk, const struct manifest *m)
{
	char n[8][32];
	snprintf(n[0], 32, "%d", m->site);
	snprintf(n[1], 32, "%lld", (long long)m->seq);
	snprintf(n[2], 32, "%lld", (long long)m->bytes);
	snprintf(n[3], 32, "%d", m->files);
	snprintf(n[4], 32, "%lld", (long long)m->file_bytes);
	snprintf(n[5], 32, "%d", db_schema_version());
	const char *kv[][2] = {
		{ "format", PKG_FORMAT }, { "version", PKG_VERSION }, { "kind", m->kind },
		{ "office_uuid", m->office_uuid }, { "site", n[0] }, { "unit_code", m->unit_code },
		{ "unit_name", m->unit_name }, { "seq", n[1] }, { "made_at", m->made_at },
		{ "changeset_sha256", m->sha }, { "changeset_bytes", n[2] }, { "files", n[3] },
		{ "files_bytes", n[4] }, { "schema", n[5] }, { "program", PACKAGE_STRING },
	};
	for (size_t i = 0; i < sizeof kv / sizeof kv[0]; i++) {
		int rc = put_kv(pk, kv[i][0], kv[i][1]);
		if (rc != SQLITE_OK)
			return rc;
	}
	return SQLITE_OK;
}

static const char pkg_schema[] =
	"CREATE TABLE manifest(key TEXT PRIMARY KEY, value TEXT NOT NULL);"
	"CREATE TABLE changeset(part INTEGER PRIMARY KEY, data BLOB NOT NULL);"
	"CREATE TABLE sqlar(name TEXT PRIMARY KEY, mode INT, mtime INT, sz INT, data BLOB);";

/* What opening a package file found. */
enum pkg_state { PKG_OK, PKG_UNREADABLE, PKG_FOREIGN, PKG_DAMAGED };

/* Opens the package at path read-only (immutable: no lock, no -wal) and
 * checks that it is an SQLite file with cchc's package id that passes
 * quick_check; anything else closes it (*pk NULL) and says what it is. */
static enum pkg_state pkg_open_file(const char *path, sqlite3 **pk)
{
	char *uri = backup_readonly_uri(path, true);
	int rc = sqlite3_open_v2(uri, pk, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
	free(uri);
	enum pkg_state state = PKG_OK;
	sqlite3_stmt *st = NULL;
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(*pk, "PRAGMA application_id", -1, &st, NULL);
	if (rc == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW &&
	    sqlite3_column_int(st, 0) != PKG_APP_ID)
		state = PKG_FOREIGN;
	sqlite3_finalize(st);
	if (rc != SQLITE_OK && state == PKG_OK)
		state = PKG_UNREADABLE;
	if (state == PKG_OK) {
		char detail[256];
		if (db_quick_check(*pk, detail, sizeof detail) != SQLITE_OK || *detail)
			state = PKG_DAMAGED;
	}
	if (state != PKG_OK) {
		sqlite3_close(*pk);
		*pk = NULL;
	}
	return state;
}

/* Opens a package for reading and checks that it is one, whole. */
static int pkg_open(const char *path, sqlite3 **pk, struct manifest *m, struct cchc_err *err)
{
	memset(m, 0, sizeof *m);
	if (!fs_exists(path))
		return err_set(err, CCHC_ENOTFOUND, "Không có tệp %s.", path);
	static const char *const why[] = {
		[PKG_OK] = NULL,
		[PKG_UNREADABLE] = "không đọc được (không phải gói của cchc, hoặc tệp bị cắt, bị hỏng)",
		[PKG_FOREIGN] = "không phải gói của cchc",
		[PKG_DAMAGED] = "tệp bị cắt hoặc bị hỏng",
	};
	const char *bad = why[pkg_open_file(path, pk)];
	sqlite3_stmt *st = NULL;
	if (!bad && sqlite3_prepare_v2(*pk, "SELECT key, value FROM manifest", -1, &st, NULL) !=
			    SQLITE_OK)
		bad = "không có bảng kê (manifest)";
	bool format = false, version = false;
	while (!bad && sqlite3_step(st) == SQLITE_ROW) {
		const char *k = (const char *)sqlite3_column_text(st, 0);
		const char *v = (const char *)sqlite3_column_text(st, 1);
		if (!k || !v)
			continue;
		if (strcmp(k, "format") == 0)
			format = strcmp(v, PKG_FORMAT) == 0;
		else if (strcmp(k, "version") == 0)
			version = strcmp(v, PKG_VERSION) == 0;
		else if (strcmp(k, "kind") == 0)
			snprintf(m->kind, sizeof m->kind, "%s", v);
		else if (strcmp(k, "office_uuid") == 0)
			snprintf(m->office_uuid, sizeof m->office_uuid, "%s", v);
		else if (strcmp(k, "site") == 0)
			m->site = atoi(v);
		else if (strcmp(k, "unit_code") == 0)
			snprintf(m->unit_code, sizeof m->unit_code, "%s", v);
		else if (strcmp(k, "unit_name") == 0)
			snprintf(m->unit_name, sizeof m->unit_name, "%s", v);
		else if (strcmp(k, "seq") == 0)
			m->seq = atoll(v);
		else if (strcmp(k, "changeset_sha256") == 0)
			snprintf(m->sha, sizeof m->sha, "%s", v);
		else if (strcmp(k, "changeset_bytes") == 0)
			m->bytes = atoll(v);
		else if (strcmp(k, "files") == 0)
			m->files = atoi(v);
		else if (strcmp(k, "files_bytes") == 0)
			m->file_bytes = atoll(v);
		else if (strcmp(k, "made_at") == 0)
			snprintf(m->made_at, sizeof m->made_at, "%s", v);
	}
	sqlite3_finalize(st);
	if (!bad && (!format || !version))
		bad = "bảng kê không phải của gói cchc phiên bản này";
	if (!bad && (m->seq < 1 || m->site < 1 || !*m->office_uuid || !*m->unit_code ||
		     (strcmp(m->kind, "office") != 0 && strcmp(m->kind, "division") != 0)))
		bad = "bảng kê thiếu thông tin";
	if (!bad) {
		/* the changeset read whole: its size and SHA-256 as the manifest says */
		struct chunk_in in;
		if (chunk_in_open(*pk, &in) != SQLITE_OK) {
			bad = "không có phần thay đổi";
		} else {
			char buf[65536];
			int n;
			do {
				n = sizeof buf;
				if (get_chunk(&in, buf, &n) != SQLITE_OK) {
					bad = "phần thay đổi không đọc được";
					break;
				}
			} while (n > 0);
			unsigned char d[32];
			char hex[65];
			sha256_final(&in.sha, d);
			for (int i = 0; i < 32; i++)
				snprintf(hex + 2 * i, 3, "%02x", d[i]);
			if (!bad && (in.bytes != m->bytes || strcmp(hex, m->sha) != 0))
				bad = "phần thay đổi không khớp mã kiểm tra (tệp đã bị sửa hoặc hỏng)";
			chunk_in_close(&in);
		}
	}
	if (!bad) {
		/* every file as its name (its SHA-256) says */
		struct db pdb = { .h = *pk };
		int files = 0;
		int64_t bytes = 0;
		if (sqlite3_prepare_v2(*pk, "SELECT name, sz FROM sqlar ORDER BY name", -1, &st,
				       NULL) != SQLITE_OK)
			bad = "không có bảng tệp";
		while (!bad && sqlite3_step(st) == SQLITE_ROW) {
			const char *name = (const char *)sqlite3_column_text(st, 0);
			const char *sha = name ? strrchr(name, '/') : NULL;
			struct cchc_err e = { 0 };
			if (!sha || strlen(sha + 1) != 64 ||
			    files_verify(&pdb, sha + 1, NULL, NULL, &e) != CCHC_OK)
				bad = "có tệp kiểm chứng không khớp mã kiểm tra";
			files++;
			bytes += sqlite3_column_int64(st, 1);
		}
		sqlite3_finalize(st);
		if (!bad && (files != m->files || bytes != m->file_bytes))
			bad = "số tệp kiểm chứng không khớp bảng kê";
	}
	if (bad) {
		sqlite3_close(*pk);
		*pk = NULL;
		return err_set(err, CCHC_EINPUT, "Tệp %s %s: không nhận gì từ tệp này.", path, bad);
	}
	return CCHC_OK;
}

int exchange_manifest(const char *pkg, char **out, struct cchc_err *err)
{
	sqlite3 *pk;
	struct manifest m;
	if (pkg_open(pkg, &pk, &m, err))
		return err->code;
	struct sbuf b = SBUF_INIT;
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(pk, "SELECT key, value FROM manifest ORDER BY rowid", -1, &st,
			       NULL) == SQLITE_OK) {
		while (sqlite3_step(st) == SQLITE_ROW)
			sbuf_addf(&b, "%s\t%s\n", sqlite3_column_text(st, 0),
				  sqlite3_column_text(st, 1));
		sqlite3_finalize(st);
	}
	sqlite3_close(pk);
	*out = sbuf_detach(&b);
	return CCHC_OK;
}

struct apply_ctx;
static int scan_package(sqlite3 *like, sqlite3 *pk, struct exchange_result *r,
			struct apply_ctx *scope);

/* Keeps blob as what site has now. */
static int base_store(struct db *db, int site, const void *blob, int64_t n)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db->h, "INSERT OR REPLACE INTO exchange_base(site, base) "
				    "VALUES(?, ?)", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return rc;
	sqlite3_bind_int(st, 1, site);
	sqlite3_bind_blob64(st, 2, blob, (sqlite3_uint64)n, SQLITE_STATIC);
	rc = sqlite3_step(st) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(db->h);
	sqlite3_finalize(st);
	return rc;
}

/* ---- sending ---- */

struct peer {
	int site;
	int64_t unit_id, sent_seq, recv_seq;
	void *base;
	int64_t base_n;
	bool found;
};

static int peer_read(sqlite3 *h, const char *where, int64_t key, struct peer *p)
{
	memset(p, 0, sizeof *p);
	char sql[160];
	snprintf(sql, sizeof sql, "SELECT p.site, coalesce(p.unit_id, 0), p.sent_seq, p.recv_seq, "
		 "b.base FROM exchange_peer AS p LEFT JOIN exchange_base AS b USING (site) "
		 "WHERE p.%s = ?", where);
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(h, sql, -1, &st, NULL);
	if (rc != SQLITE_OK)
		return rc;
	sqlite3_bind_int64(st, 1, key);
	if (sqlite3_step(st) == SQLITE_ROW) {
		p->found = true;
		p->site = sqlite3_column_int(st, 0);
		p->unit_id = sqlite3_column_int64(st, 1);
		p->sent_seq = sqlite3_column_int64(st, 2);
		p->recv_seq = sqlite3_column_int64(st, 3);
		p->base_n = sqlite3_column_bytes(st, 4);
		if (p->base_n > 0) {
			p->base = xmalloc((size_t)p->base_n);
			memcpy(p->base, sqlite3_column_blob(st, 4), (size_t)p->base_n);
		}
	}
	return sqlite3_finalize(st);
}

static int unit_find(sqlite3 *h, const char *code, int64_t id, int64_t *out_id, char *out_code,
		     size_t ncode, char *out_name, size_t nname)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(h, code ? "SELECT id, code, name FROM unit WHERE code = ?1 "
					      "COLLATE NOCASE"
					    : "SELECT id, code, name FROM unit WHERE id = ?2",
				    -1, &st, NULL);
	if (rc != SQLITE_OK)
		return rc;
	if (code)
		sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	else
		sqlite3_bind_int64(st, 2, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*out_id = sqlite3_column_int64(st, 0);
		snprintf(out_code, ncode, "%s", sqlite3_column_text(st, 1) ?
			 (const char *)sqlite3_column_text(st, 1) : "");
		snprintf(out_name, nname, "%s", sqlite3_column_text(st, 2));
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? SQLITE_OK : SQLITE_NOTFOUND;
}

static char *office_uuid(sqlite3 *h)
{
	sqlite3_stmt *st;
	char *out = NULL;
	if (sqlite3_prepare_v2(h, "SELECT office_uuid FROM exchange_self", -1, &st, NULL) ==
	    SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			out = xstrdup((const char *)sqlite3_column_text(st, 0));
		sqlite3_finalize(st);
	}
	return out;
}

/* A package being written: an SQLite file with no name yet (fs_tmp), one
 * connection through the fd VFS, no journal (a failure throws the file
 * away), application id PKG_APP_ID. */
static int pkg_create(struct fs_tmp *t, sqlite3 **pk)
{
	const char *vfs = backup_fd_vfs();
	char name[24], pragma[64];
	snprintf(name, sizeof name, "fd:%d", t->fd);
	snprintf(pragma, sizeof pragma, "PRAGMA application_id = %d", PKG_APP_ID);
	*pk = NULL;
	int rc = vfs ? sqlite3_open_v2(name, pk, SQLITE_OPEN_READWRITE, vfs) : SQLITE_ERROR;
	if (rc == SQLITE_OK)
		rc = exec(*pk, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF");
	if (rc == SQLITE_OK)
		rc = exec(*pk, pragma);
	return rc;
}

/* Writes the package into t: the manifest m (its changeset figures filled
 * here), the session's changeset, and the files of new evidence. */
static int write_package(struct db *db, sqlite3_session *s, struct fs_tmp *t, struct manifest *m,
			 bool files, struct exchange_result *res, struct cchc_err *err)
{
	sqlite3 *pk = NULL;
	int rc = pkg_create(t, &pk);
	if (rc == SQLITE_OK)
		rc = exec(pk, "BEGIN");
	if (rc == SQLITE_OK)
		rc = exec(pk, pkg_schema);
	struct chunk_out o = { .pk = pk };
	sha256_init(&o.sha);
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(pk, "INSERT INTO changeset(part, data) VALUES(?, ?)", -1,
					&o.ins, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3session_changeset_strm(s, put_chunk, &o);
	sqlite3_finalize(o.ins);
	if (rc != SQLITE_OK) {
		int r = sql_fail(pk ? pk : db->h, rc, "ghi gói", err);
		sqlite3_close(pk);
		return r;
	}
	unsigned char d[32];
	sha256_final(&o.sha, d);
	for (int i = 0; i < 32; i++)
		snprintf(m->sha + 2 * i, 3, "%02x", d[i]);
	m->bytes = o.bytes;
	res->changeset_bytes = o.bytes;
	if (files) {
		/* the files of evidence the other side does not have yet */
		struct db pdb = { .h = pk };
		sqlite3_stmt *st;
		rc = sqlite3_prepare_v2(db->h, "SELECT DISTINCT sha256, size FROM snap.evidence_file "
					"WHERE sha256 NOT IN (SELECT sha256 FROM base.evidence_file)",
					-1, &st, NULL);
		while (rc == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW) {
			const char *sha = (const char *)sqlite3_column_text(st, 0);
			if (files_copy(db, &pdb, sha, err)) {
				sqlite3_finalize(st);
				sqlite3_close(pk);
				return err->code;
			}
			m->files++;
			m->file_bytes += sqlite3_column_int64(st, 1);
		}
		if (rc == SQLITE_OK)
			rc = sqlite3_finalize(st);
	}
	if (rc == SQLITE_OK)
		rc = put_manifest(pk, m);
	if (rc == SQLITE_OK)
		rc = exec(pk, "COMMIT");
	if (rc == SQLITE_OK)
		rc = scan_package(db->h, pk, res, NULL);
	res->files = m->files;
	res->file_bytes = m->file_bytes;
	if (rc != SQLITE_OK) {
		int r = sql_fail(pk, rc, "ghi gói", err);
		sqlite3_close(pk);
		return r;
	}
	return sqlite3_close(pk) == SQLITE_OK ? CCHC_OK
					       : err_set(err, CCHC_EIO, "Không ghi được gói.");
}

/* Builds snap (what the other side should have) and base (what it has) on
 * db's connection, attached; the caller detaches them (scratch_end). */
static int scratch_begin(struct db *db, const struct peer *p, const char *const *tables,
			 const char *const *fills, int64_t unit_id)
{
	int rc = exec(db->h, "PRAGMA foreign_keys = OFF");
	if (rc == SQLITE_OK)
		rc = exec(db->h, "ATTACH '' AS snap");
	if (rc == SQLITE_OK)
		rc = exec(db->h, "ATTACH '' AS base");
	if (rc == SQLITE_OK)
		rc = make_tables(db->h, db->h, "snap", tables);
	if (rc == SQLITE_OK && p->base_n > 0) {
		unsigned char *copy = sqlite3_malloc64((sqlite3_uint64)p->base_n);
		if (!copy)
			return SQLITE_NOMEM;
		memcpy(copy, p->base, (size_t)p->base_n);
		rc = sqlite3_deserialize(db->h, "base", copy, p->base_n, p->base_n,
					 SQLITE_DESERIALIZE_FREEONCLOSE |
						 SQLITE_DESERIALIZE_RESIZEABLE);
	} else if (rc == SQLITE_OK) {
		rc = make_tables(db->h, db->h, "base", tables);
	}
	if (rc == SQLITE_OK)
		rc = fill(db->h, fills, unit_id);
	return rc;
}

static void scratch_end(struct db *db)
{
	exec(db->h, "DETACH snap");
	exec(db->h, "DETACH base");
	exec(db->h, "PRAGMA foreign_keys = ON");
}

int exchange_export(struct db *db, const char *unit, const char *out, int flags,
		    struct exchange_result *res, struct cchc_err *err)
{
	memset(res, 0, sizeof *res);
	if (!sqlite3_get_autocommit(db->h))
		return err_set(err, CCHC_EDB, "Không lập gói được giữa một thao tác ghi.");
	int site;
	int64_t self_unit;
	if (exchange_site(db, &site, &self_unit))
		return db_fail(db, sqlite3_errcode(db->h), "đọc thông tin gửi nhận", err);
	bool office = site == 0;
	if (office && !unit)
		return err_set(err, CCHC_EINPUT, "Đây là cơ sở dữ liệu của văn phòng: hãy ghi đơn vị "
			       "nhận gói, ví dụ --unit KT.");
	if (!office && unit)
		return err_set(err, CCHC_EINPUT, "Đây là cơ sở dữ liệu của một đơn vị: gói chỉ gửi về "
			       "văn phòng (bỏ --unit).");
	int64_t unit_id = self_unit;
	char code[32] = "", name[256] = "";
	if (unit_find(db->h, office ? unit : NULL, self_unit, &unit_id, code, sizeof code, name,
		      sizeof name) != SQLITE_OK)
		return err_set(err, CCHC_ENOTFOUND, "Không có đơn vị mã %s (xem cchc unit list).",
			       unit ? unit : "?");
	if (!*code)
		return err_set(err, CCHC_EINPUT, "Đơn vị «%s» chưa có mã: đặt mã trước (cchc unit edit "
			       "… --code MÃ), gói mang mã đó.", name);
	if (fs_check_target(out, flags, err))
		return err->code;

	struct peer p;
	int rc = office ? peer_read(db->h, "unit_id", unit_id, &p) : peer_read(db->h, "site", 0, &p);
	if (rc != SQLITE_OK)
		return db_fail(db, rc, "đọc thông tin gửi nhận", err);
	const char *const *tables = office ? down_tables : up_tables;
	rc = scratch_begin(db, &p, tables, office ? down_fill : up_fill, unit_id);
	sqlite3_session *s = NULL;
	if (rc == SQLITE_OK)
		rc = sqlite3session_create(db->h, "snap", &s);
	char *zerr = NULL;
	for (const char *const *t = tables; rc == SQLITE_OK && *t; t++) {
		rc = sqlite3session_attach(s, *t);
		if (rc == SQLITE_OK)
			rc = sqlite3session_diff(s, "base", *t, &zerr);
	}
	if (rc != SQLITE_OK) {
		err_set(err, CCHC_EDB, "Lỗi khi so sánh dữ liệu để lập gói: %s.",
			zerr ? zerr : sqlite3_errmsg(db->h));
		sqlite3_free(zerr);
		goto done;
	}
	snprintf(res->unit_code, sizeof res->unit_code, "%s", code);
	snprintf(res->unit_name, sizeof res->unit_name, "%s", name);
	if (sqlite3session_isempty(s) && p.found) {
		res->nothing = true;
		goto done;
	}
	if (db_begin_internal(db, err))
		goto done;
	if (office) {
		rc = exec(db->h, "INSERT OR IGNORE INTO exchange_self(id, site, office_uuid) "
			  "VALUES(1, 0, lower(hex(randomblob(16))))");
		if (rc == SQLITE_OK && !p.found) {
			sqlite3_stmt *st;
			rc = sqlite3_prepare_v2(db->h, "INSERT INTO exchange_peer(site, unit_id) SELECT "
						"coalesce(max(site), 0) + 1, ? FROM exchange_peer", -1,
						&st, NULL);
			if (rc == SQLITE_OK) {
				sqlite3_bind_int64(st, 1, unit_id);
				rc = sqlite3_step(st) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(db->h);
				sqlite3_finalize(st);
			}
			p.site = (int)db_int_by_id(db, "SELECT site FROM exchange_peer WHERE unit_id = ?",
						   unit_id);
		}
	}
	if (rc != SQLITE_OK) {
		db_fail(db, rc, "ghi thông tin gửi nhận", err);
		db_rollback(db);
		goto done;
	}
	struct manifest m = { 0 };
	snprintf(m.kind, sizeof m.kind, "%s", office ? "office" : "division");
	char *uuid = office_uuid(db->h);
	snprintf(m.office_uuid, sizeof m.office_uuid, "%s", uuid ? uuid : "");
	free(uuid);
	m.site = office ? p.site : site;
	snprintf(m.unit_code, sizeof m.unit_code, "%s", code);
	snprintf(m.unit_name, sizeof m.unit_name, "%s", name);
	m.seq = p.sent_seq + 1;
	now_text(m.made_at);
	res->site = m.site;
	res->seq = m.seq;

	struct fs_tmp t;
	if (fs_tmp_open(&t, out, 0644, flags, err)) {
		db_rollback(db);
		goto done;
	}
	if (write_package(db, s, &t, &m, !office, res, err)) {
		fs_tmp_abort(&t);
		db_rollback(db);
		goto done;
	}
	/* the new base: what the other side has once it applies this */
	int64_t n = 0;
	unsigned char *blob = serialize(db->h, "snap", &n);
	sqlite3_stmt *st = NULL;
	rc = blob ? sqlite3_prepare_v2(db->h, "UPDATE exchange_peer SET sent_seq = ?, sent_at = ? "
				       "WHERE site = ?", -1, &st, NULL)
		  : SQLITE_NOMEM;
	if (rc == SQLITE_OK) {
		sqlite3_bind_int64(st, 1, m.seq);
		sqlite3_bind_text(st, 2, m.made_at, -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 3, office ? p.site : 0);
		rc = sqlite3_step(st) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(db->h);
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_OK)
		rc = base_store(db, office ? p.site : 0, blob, n);
	sqlite3_free(blob);
	if (rc != SQLITE_OK) {
		db_fail(db, rc, "ghi thông tin gửi nhận", err);
		fs_tmp_abort(&t);
		db_rollback(db);
		goto done;
	}
	if (fs_tmp_commit(&t, out, err)) {
		db_rollback(db);
		goto done;
	}
	if (db_commit(db, err)) {
		/* not recorded as sent: the file must not stay to be applied */
		remove(out);
		goto done;
	}
done:
	if (s)
		sqlite3session_delete(s);
	free(p.base);
	scratch_end(db);
	return err->code;
}

/* ---- receiving ---- */

struct apply_ctx {
	struct db *db;
	bool office;            /* applying a division's package at the office */
	int site;
	struct exchange_result *res;
	struct sbuf why;        /* a change out of the division's scope */
	sqlite3 *base;          /* the base, for the division's tasks */
	struct late {           /* task_conflict's columns to apply after */
		int64_t id;
		char *col;
		sqlite3_value *v;
	} *late;
	int nlate;
};

static void add_conflict(struct exchange_result *r, char *line)
{
	r->conflicts = xrealloc(r->conflicts, (size_t)(r->nconflicts + 1) * sizeof *r->conflicts);
	r->conflicts[r->nconflicts++] = line;
}

static bool in_site(int64_t id, int site)
{
	return id > (int64_t)site * EXCHANGE_SITE_SPAN && id < (int64_t)(site + 1) * EXCHANGE_SITE_SPAN;
}

static bool base_has_task(sqlite3 *base, int64_t id)
{
	sqlite3_stmt *st;
	bool found = false;
	if (sqlite3_prepare_v2(base, "SELECT 1 FROM task WHERE id = ?", -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_int64(st, 1, id);
		found = sqlite3_step(st) == SQLITE_ROW;
		sqlite3_finalize(st);
	}
	return found;
}

/* At the office: whether a division's change is its own to make. */
static bool in_scope(struct apply_ctx *c, sqlite3_changeset_iter *it)
{
	const char *tab;
	int ncol, op, indirect;
	sqlite3changeset_op(it, &tab, &ncol, &op, &indirect);
	sqlite3 *h = c->db->h;
	if (strcmp(tab, "task") == 0) {
		int64_t id = change_int(it, op, 0);
		if (op != SQLITE_UPDATE) {
			sbuf_addf(&c->why, "thêm hoặc xóa nhiệm vụ %lld", (long long)id);
			return false;
		}
		if (!base_has_task(c->base, id)) {
			sbuf_addf(&c->why, "sửa nhiệm vụ %lld không giao cho đơn vị", (long long)id);
			return false;
		}
		/* where a task sits and who leads it are the office's to decide */
		static const char *const fixed[][2] = { { "plan_id", "kế hoạch" },
							{ "section_id", "mục kế hoạch" },
							{ "lead_unit_id", "đơn vị chủ trì" } };
		for (size_t f = 0; f < sizeof fixed / sizeof fixed[0]; f++) {
			sqlite3_value *v = NULL;
			int i = column_index(h, "task", fixed[f][0]);
			if (i >= 0 && sqlite3changeset_new(it, i, &v) == SQLITE_OK && v) {
				sbuf_addf(&c->why, "đổi %s của nhiệm vụ %lld", fixed[f][1], (long long)id);
				return false;
			}
		}
		return true;
	}
	if (strcmp(tab, "task_note") == 0) {
		int64_t id = change_int(it, op, 0);
		int64_t task = change_int(it, op, column_index(h, "task_note", "task_id"));
		if (!in_site(id, c->site) || (op == SQLITE_INSERT && !base_has_task(c->base, task))) {
			sbuf_addf(&c->why, "ghi chú %lld không phải của đơn vị", (long long)id);
			return false;
		}
		return true;
	}
	if (strcmp(tab, "evidence") == 0 || strcmp(tab, "evidence_file") == 0 ||
	    strcmp(tab, "evidence_task") == 0) {
		int64_t id = change_int(it, op, strcmp(tab, "evidence") == 0 ? 0 :
					column_index(h, tab, "evidence_id"));
		if (!in_site(id, c->site)) {
			sbuf_addf(&c->why, "tài liệu kiểm chứng %lld không phải của đơn vị",
				  (long long)id);
			return false;
		}
		if (strcmp(tab, "evidence_task") == 0 &&
		    !base_has_task(c->base, change_int(it, op, column_index(h, tab, "task_id")))) {
			sbuf_addf(&c->why, "gắn tài liệu với nhiệm vụ không giao cho đơn vị");
			return false;
		}
		return true;
	}
	sbuf_addf(&c->why, "bảng %s", tab);
	return false;
}

/* Counts what a package's changeset holds into r (like: a database with
 * the tables' columns); with scope, at the office, also stops at the first
 * change that is not the division's (SQLITE_CONSTRAINT, scope->why). */
static int scan_package(sqlite3 *like, sqlite3 *pk, struct exchange_result *r,
			struct apply_ctx *scope)
{
	struct chunk_in in;
	sqlite3_changeset_iter *it = NULL;
	int rc = chunk_in_open(pk, &in);
	if (rc == SQLITE_OK)
		rc = sqlite3changeset_start_strm(&it, get_chunk, &in);
	bool ok = true;
	while (rc == SQLITE_OK && ok && sqlite3changeset_next(it) == SQLITE_ROW) {
		if (scope && scope->office)
			ok = in_scope(scope, it);
		count_change(like, it, r);
	}
	if (it) {
		int rc2 = sqlite3changeset_finalize(it);
		rc = rc == SQLITE_OK ? rc2 : rc;
	}
	chunk_in_close(&in);
	return rc != SQLITE_OK ? rc : ok ? SQLITE_OK : SQLITE_CONSTRAINT;
}

static int filter_tables(void *ctx, const char *tab)
{
	struct apply_ctx *c = ctx;
	return in_list(c->office ? up_tables : down_tables, tab);
}

/* The name of column i of main's table (malloc'd, "" when unknown). */
static char *column_name(sqlite3 *h, const char *table, int i)
{
	sqlite3_stmt *st;
	char sql[128], *out = NULL;
	snprintf(sql, sizeof sql, "SELECT name FROM pragma_table_info('%s') WHERE cid = %d", table, i);
	if (sqlite3_prepare_v2(h, sql, -1, &st, NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			out = xstrdup((const char *)sqlite3_column_text(st, 0));
		sqlite3_finalize(st);
	}
	return out ? out : xstrdup("");
}

static bool same_value(sqlite3_value *a, sqlite3_value *b)
{
	if (!a || !b)
		return !a && !b;
	int t = sqlite3_value_type(a);
	if (t != sqlite3_value_type(b))
		return false;
	switch (t) {
	case SQLITE_NULL:
		return true;
	case SQLITE_INTEGER:
		return sqlite3_value_int64(a) == sqlite3_value_int64(b);
	case SQLITE_FLOAT:
		return sqlite3_value_double(a) == sqlite3_value_double(b);
	default:
		return sqlite3_value_bytes(a) == sqlite3_value_bytes(b) &&
		       memcmp(sqlite3_value_blob(a), sqlite3_value_blob(b),
			      (size_t)sqlite3_value_bytes(a)) == 0;
	}
}

/* Columns that change together: the office's change of one keeps the
 * division's change of the others out too (a paused task with the
 * division's completion date would be neither). */
static int column_group(const char *col)
{
	static const char *const groups[][5] = {
		{ "status", "done_on", NULL },
		{ "due_text", "due_kind", "due_every", "due_on", NULL },
	};
	for (int g = 0; g < 2; g++)
		for (int i = 0; groups[g][i]; i++)
			if (strcmp(groups[g][i], col) == 0)
				return g;
	return -1;
}

static const char *column_label(const char *col)
{
	static const char *const labels[][2] = {
		{ "status", "trạng thái" }, { "done_on", "ngày hoàn thành" },
		{ "due_text", "thời hạn" }, { "due_kind", "thời hạn" }, { "due_every", "thời hạn" },
		{ "due_on", "thời hạn" }, { "title", "tên" }, { "description", "mô tả" },
		{ "product", "sản phẩm" }, { "assigned_on", "ngày giao" },
	};
	for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++)
		if (strcmp(labels[i][0], col) == 0)
			return labels[i][1];
	return col;
}

/* At the office, a division's change of a task the office changed since
 * it was sent: column by column, what the office did not touch is the
 * division's (applied after the changeset, late), what it did stays the
 * office's and is listed. */
static void task_conflict(struct apply_ctx *c, sqlite3_changeset_iter *it, int ncol, int64_t id)
{
	bool office_col[64] = { false }, office_group[2] = { false };
	char *names[64] = { NULL };
	ncol = ncol < 64 ? ncol : 64;
	for (int i = 1; i < ncol; i++) {
		sqlite3_value *nv = NULL, *ov = NULL, *cv = NULL;
		if (sqlite3changeset_new(it, i, &nv) != SQLITE_OK || !nv)
			continue;
		names[i] = column_name(c->db->h, "task", i);
		if (strcmp(names[i], "updated_at") == 0)
			continue;
		sqlite3changeset_old(it, i, &ov);
		sqlite3changeset_conflict(it, i, &cv);
		/* a note at the office moves a task not begun to "doing" by
		 * itself (task_note_add): progress, not the office's decision */
		bool started = strcmp(names[i], "status") == 0 && ov && cv &&
			       strcmp((const char *)sqlite3_value_text(ov), "todo") == 0 &&
			       strcmp((const char *)sqlite3_value_text(cv), "doing") == 0;
		/* both came to the same value (a recurring task's deadline moved
		 * on by the date on each side): nothing to decide */
		if (cv && same_value(nv, cv)) {
			free(names[i]);
			names[i] = NULL;
			continue;
		}
		if (!same_value(ov, cv) && !started) {
			office_col[i] = true;
			int g = column_group(names[i]);
			if (g >= 0)
				office_group[g] = true;
		}
	}
	struct sbuf kept = SBUF_INIT;
	const char *last = "";
	for (int i = 1; i < ncol; i++) {
		if (!names[i] || strcmp(names[i], "updated_at") == 0)
			continue;
		int g = column_group(names[i]);
		sqlite3_value *nv = NULL;
		sqlite3changeset_new(it, i, &nv);
		if (office_col[i] || (g >= 0 && office_group[g])) {
			const char *label = column_label(names[i]);
			if (strcmp(label, last) != 0)
				sbuf_addf(&kept, "%s%s", kept.len ? ", " : "", label);
			last = label;
			if (strcmp(names[i], "status") == 0)
				sbuf_addf(&kept, " (đơn vị báo: %s)", sqlite3_value_text(nv));
			continue;
		}
		c->late = xrealloc(c->late, (size_t)(c->nlate + 1) * sizeof *c->late);
		c->late[c->nlate].id = id;
		c->late[c->nlate].col = names[i];
		c->late[c->nlate].v = sqlite3_value_dup(nv);
		c->nlate++;
		names[i] = NULL;
	}
	if (kept.len) {
		struct sbuf b = SBUF_INIT;
		sbuf_addf(&b, "Nhiệm vụ %lld: văn phòng đã sửa sau khi gửi, giữ theo văn phòng: %s",
			  (long long)id, kept.s);
		add_conflict(c->res, sbuf_detach(&b));
	}
	sbuf_free(&kept);
	for (int i = 0; i < ncol; i++)
		free(names[i]);
}

/* Where the record of the side that sent the change stands: at a division
 * (the office's), and in the kept base (what the other side now has). */
static int sender_stands(void *ctx, int kind, sqlite3_changeset_iter *it)
{
	if (kind == SQLITE_CHANGESET_DATA || kind == SQLITE_CHANGESET_CONFLICT)
		return SQLITE_CHANGESET_REPLACE;
	return SQLITE_CHANGESET_OMIT;
}

static int on_conflict(void *ctx, int kind, sqlite3_changeset_iter *it)
{
	struct apply_ctx *c = ctx;
	const char *tab;
	int ncol, op, indirect;
	sqlite3changeset_op(it, &tab, &ncol, &op, &indirect);
	if (kind == SQLITE_CHANGESET_FOREIGN_KEY)
		return SQLITE_CHANGESET_ABORT;
	if (!c->office)
		return sender_stands(ctx, kind, it);
	int64_t id = change_int(it, op, 0);
	if (kind == SQLITE_CHANGESET_DATA && op == SQLITE_UPDATE && strcmp(tab, "task") == 0) {
		task_conflict(c, it, ncol, id);
		return SQLITE_CHANGESET_OMIT;
	}
	struct sbuf b = SBUF_INIT;
	if (strcmp(tab, "task") == 0)
		sbuf_addf(&b, "Nhiệm vụ %lld: ", (long long)id);
	else
		sbuf_addf(&b, "%s %lld: ", history_table_label(tab), (long long)id);
	if (kind == SQLITE_CHANGESET_DATA)
		sbuf_add(&b, "văn phòng đã sửa sau khi gửi, giữ theo văn phòng.");
	else if (kind == SQLITE_CHANGESET_NOTFOUND)
		sbuf_add(&b, "văn phòng đã xóa, thay đổi của đơn vị không áp dụng.");
	else
		sbuf_add(&b, "không áp dụng được (trùng hoặc trái ràng buộc).");
	add_conflict(c->res, sbuf_detach(&b));
	return SQLITE_CHANGESET_OMIT;
}

/* The division's changes to columns the office did not touch, of tasks
 * in conflict (task_conflict). */
static int apply_late(struct apply_ctx *c)
{
	int rc = SQLITE_OK;
	for (int i = 0; i < c->nlate && rc == SQLITE_OK; i++) {
		char sql[128];
		snprintf(sql, sizeof sql, "UPDATE task SET \"%s\" = ? WHERE id = ?", c->late[i].col);
		sqlite3_stmt *st;
		rc = sqlite3_prepare_v2(c->db->h, sql, -1, &st, NULL);
		if (rc == SQLITE_OK) {
			sqlite3_bind_value(st, 1, c->late[i].v);
			sqlite3_bind_int64(st, 2, c->late[i].id);
			rc = sqlite3_step(st) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(c->db->h);
			sqlite3_finalize(st);
		}
	}
	return rc;
}

static void late_free(struct apply_ctx *c)
{
	for (int i = 0; i < c->nlate; i++) {
		free(c->late[i].col);
		sqlite3_value_free(c->late[i].v);
	}
	free(c->late);
	c->late = NULL;
	c->nlate = 0;
}

/* Applies the package's changeset on h, part after part. */
static int apply_package(sqlite3 *h, sqlite3 *pk, int (*filter)(void *, const char *),
			 int (*conflict)(void *, int, sqlite3_changeset_iter *), void *ctx)
{
	struct chunk_in in;
	int rc = chunk_in_open(pk, &in);
	if (rc == SQLITE_OK)
		rc = sqlite3changeset_apply_v2_strm(h, get_chunk, &in, filter, conflict, ctx, NULL,
						    NULL, 0);
	chunk_in_close(&in);
	return rc;
}

static int base_filter(void *ctx, const char *tab)
{
	sqlite3 *x = ctx;
	sqlite3_stmt *st;
	bool found = false;
	if (sqlite3_prepare_v2(x, "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?",
			       -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_text(st, 1, tab, -1, SQLITE_STATIC);
		found = sqlite3_step(st) == SQLITE_ROW;
		sqlite3_finalize(st);
	}
	return found;
}

/* The base after the package: the other side has these changes too. */
static int base_apply(sqlite3 *x, sqlite3 *pk)
{
	return apply_package(x, pk, base_filter, sender_stands, x);
}

static int store_peer(struct db *db, int site, int64_t unit_id, int64_t recv_seq, sqlite3 *x,
		      bool insert)
{
	int64_t n = 0;
	unsigned char *blob = serialize(x, "main", &n);
	if (!blob)
		return SQLITE_NOMEM;
	char now[20];
	now_text(now);
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db->h, insert ?
		"INSERT INTO exchange_peer(site, unit_id, recv_seq, recv_at) "
		"VALUES(?1, nullif(?2, 0), ?3, ?4)" :
		"UPDATE exchange_peer SET recv_seq = ?3, recv_at = ?4 WHERE site = ?1",
		-1, &st, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_int(st, 1, site);
		sqlite3_bind_int64(st, 2, unit_id);
		sqlite3_bind_int64(st, 3, recv_seq);
		sqlite3_bind_text(st, 4, now, -1, SQLITE_STATIC);
		rc = sqlite3_step(st) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(db->h);
		sqlite3_finalize(st);
	}
	if (rc == SQLITE_OK)
		rc = base_store(db, site, blob, n);
	sqlite3_free(blob);
	return rc;
}

static int copy_files(struct db *db, sqlite3 *pk, struct cchc_err *err)
{
	struct db pdb = { .h = pk };
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(pk, "SELECT name FROM sqlar", -1, &st, NULL) != SQLITE_OK)
		return sql_fail(pk, sqlite3_errcode(pk), "đọc tệp trong gói", err);
	int rc = CCHC_OK;
	while (!rc && sqlite3_step(st) == SQLITE_ROW) {
		const char *sha = strrchr((const char *)sqlite3_column_text(st, 0), '/');
		rc = files_copy(&pdb, db, sha + 1, err);
	}
	sqlite3_finalize(st);
	return rc;
}

static int receive(struct db *db, const char *pkg, bool join, struct exchange_result *res,
		   struct cchc_err *err)
{
	memset(res, 0, sizeof *res);
	if (!sqlite3_get_autocommit(db->h))
		return err_set(err, CCHC_EDB, "Không nhận gói được giữa một thao tác ghi.");
	sqlite3 *pk = NULL, *x = NULL;
	struct manifest m;
	struct peer p = { 0 };
	struct apply_ctx c = { .db = db, .res = res, .why = SBUF_INIT };
	if (pkg_open(pkg, &pk, &m, err))
		return err->code;
	snprintf(res->unit_code, sizeof res->unit_code, "%s", m.unit_code);
	snprintf(res->unit_name, sizeof res->unit_name, "%s", m.unit_name);
	res->site = m.site;
	res->seq = m.seq;
	res->files = m.files;
	res->file_bytes = m.file_bytes;
	res->changeset_bytes = m.bytes;
	int site;
	int64_t self_unit;
	exchange_site(db, &site, &self_unit);
	char *uuid = office_uuid(db->h);
	int rc = SQLITE_OK;
	if (join) {
		int64_t n = db_int_by_id(db, "SELECT (SELECT count(*) FROM task) + (SELECT count(*) "
					 "FROM plan) + (SELECT count(*) FROM exchange_self) + ?", 0);
		if (n > 0) {
			err_set(err, CCHC_EINPUT, "Cơ sở dữ liệu %s đã có dữ liệu: gói đầu tiên của đơn "
				"vị chỉ nạp vào một tệp mới (cchc --db TỆP-MỚI exchange join …).",
				db->path);
			goto done;
		}
		if (strcmp(m.kind, "office") != 0 || m.seq != 1) {
			err_set(err, CCHC_EINPUT, "Tệp %s không phải gói đầu tiên văn phòng gửi đơn vị "
				"(gói số %lld); hãy dùng gói số 1.", pkg, (long long)m.seq);
			goto done;
		}
	} else {
		c.office = site == 0;
		if (!uuid || strcmp(uuid, m.office_uuid) != 0) {
			err_set(err, CCHC_EINPUT, "Gói %s là của một cơ sở dữ liệu khác (không phải %s): "
				"không nhận gì.", pkg, c.office ? "của văn phòng này" :
				"văn phòng đã giao cho đơn vị này");
			goto done;
		}
		if (strcmp(m.kind, c.office ? "division" : "office") != 0) {
			err_set(err, CCHC_EINPUT, "Gói %s do %s lập, không gửi cho %s: không nhận gì.",
				pkg, c.office ? "văn phòng" : "một đơn vị",
				c.office ? "văn phòng" : "đơn vị");
			goto done;
		}
		if (!c.office && m.site != site) {
			err_set(err, CCHC_EINPUT, "Gói %s là của đơn vị %s, không phải của đơn vị này: "
				"không nhận gì.", pkg, m.unit_code);
			goto done;
		}
		rc = peer_read(db->h, "site", c.office ? m.site : 0, &p);
		if (rc != SQLITE_OK || !p.found) {
			err_set(err, CCHC_EINPUT, "Văn phòng chưa gửi gói nào cho đơn vị %s: không nhận "
				"gói %s.", m.unit_code, pkg);
			goto done;
		}
		if (m.seq <= p.recv_seq) {
			err_set(err, CCHC_EDUP, "Gói số %lld của %s đã nhận rồi (đã nhận đến số %lld): "
				"không thay đổi gì.", (long long)m.seq, m.unit_code,
				(long long)p.recv_seq);
			goto done;
		}
		if (m.seq > p.recv_seq + 1) {
			struct sbuf miss = SBUF_INIT;
			if (m.seq == p.recv_seq + 2)
				sbuf_addf(&miss, "số %lld", (long long)(p.recv_seq + 1));
			else
				sbuf_addf(&miss, "từ số %lld đến %lld", (long long)(p.recv_seq + 1),
					  (long long)(m.seq - 1));
			err_set(err, CCHC_EINPUT, "Gói %s là số %lld của %s nhưng còn thiếu gói %s: hãy "
				"nhận các gói đó trước; chưa nhận gì.", pkg, (long long)m.seq,
				m.unit_code, miss.s);
			sbuf_free(&miss);
			goto done;
		}
		c.site = m.site;
	}
	/* the base: at the office, the division's tasks as sent; it becomes what
	 * the division has after this package */
	rc = base_open(p.base, p.base_n, db->h, join || !c.office ? up_tables : down_tables, &x);
	if (rc != SQLITE_OK) {
		sql_fail(x, rc, "đọc thông tin gửi nhận", err);
		goto done;
	}
	c.base = x;
	rc = scan_package(db->h, pk, res, &c);
	if (rc == SQLITE_CONSTRAINT) {
		err_set(err, CCHC_EINPUT, "Gói %s có thay đổi ngoài phần việc của đơn vị %s (%s): "
			"không nhận gì từ gói này.", pkg, m.unit_code, c.why.s ? c.why.s : "");
		goto done;
	}
	if (rc != SQLITE_OK) {
		err_set(err, CCHC_EINPUT, "Gói %s: phần thay đổi không đọc được (%s).", pkg,
			sqlite3_errstr(rc));
		goto done;
	}

	if (db_begin(db, err))
		goto done;
	char label[320];
	if (join)
		snprintf(label, sizeof label, "Nhận gói đầu tiên của văn phòng (%s)", m.unit_code);
	else if (c.office)
		snprintf(label, sizeof label, "Nhận gói số %lld của %s", (long long)m.seq, m.unit_code);
	else
		snprintf(label, sizeof label, "Nhận gói số %lld của văn phòng", (long long)m.seq);
	history_label(db, label, !join);
	rc = copy_files(db, pk, err) ? SQLITE_ERROR : SQLITE_OK;
	if (rc == SQLITE_OK) {
		rc = apply_package(db->h, pk, filter_tables, on_conflict, &c);
		if (rc == SQLITE_OK)
			rc = apply_late(&c);
		if (rc != SQLITE_OK)
			sql_fail(db->h, rc, "áp dụng gói", err);
	}
	if (rc == SQLITE_OK && join) {
		int64_t uid = 0;
		char code[32], name[256];
		if (unit_find(db->h, m.unit_code, 0, &uid, code, sizeof code, name, sizeof name) !=
		    SQLITE_OK) {
			err_set(err, CCHC_EINPUT, "Gói %s không có đơn vị %s.", pkg, m.unit_code);
			rc = SQLITE_ERROR;
		} else {
			sqlite3_stmt *st;
			rc = sqlite3_prepare_v2(db->h, "INSERT INTO exchange_self(id, site, unit_id, "
						"office_uuid) VALUES(1, ?, ?, ?)", -1, &st, NULL);
			if (rc == SQLITE_OK) {
				sqlite3_bind_int(st, 1, m.site);
				sqlite3_bind_int64(st, 2, uid);
				sqlite3_bind_text(st, 3, m.office_uuid, -1, SQLITE_STATIC);
				rc = sqlite3_step(st) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(db->h);
				sqlite3_finalize(st);
			}
			/* the division's base: its records as the office now has them */
			sqlite3_close(x);
			x = NULL;
			if (rc == SQLITE_OK)
				rc = sqlite3_open_v2(":memory:", &x, SQLITE_OPEN_READWRITE, NULL);
			if (rc == SQLITE_OK)
				rc = make_tables(db->h, x, NULL, up_tables);
			if (rc == SQLITE_OK)
				rc = base_apply(x, pk);
			if (rc != SQLITE_OK)
				sql_fail(db->h, rc, "ghi thông tin gửi nhận", err);
		}
	} else if (rc == SQLITE_OK) {
		rc = base_apply(x, pk);
		if (rc != SQLITE_OK)
			sql_fail(x, rc, "ghi thông tin gửi nhận", err);
	}
	if (rc == SQLITE_OK) {
		rc = store_peer(db, join ? 0 : p.site, 0, m.seq, x, join);
		if (rc != SQLITE_OK)
			sql_fail(db->h, rc, "ghi thông tin gửi nhận", err);
	}
	if (rc != SQLITE_OK) {
		db_rollback(db);
		goto done;
	}
	db_commit(db, err);
done:
	late_free(&c);
	sbuf_free(&c.why);
	free(uuid);
	free(p.base);
	sqlite3_close(x);
	sqlite3_close(pk);
	return err->code;
}

int exchange_join(struct db *db, const char *pkg, struct exchange_result *res,
		  struct cchc_err *err)
{
	return receive(db, pkg, true, res, err);
}

int exchange_import(struct db *db, const char *pkg, struct exchange_result *res,
		    struct cchc_err *err)
{
	return receive(db, pkg, false, res, err);
}

/* ---- the report's figures as a package; the province's table ---- */

static int put_figure(sqlite3_stmt *st, const char *key, int64_t v)
{
	sqlite3_bind_text(st, 1, key, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, v);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

static int put_figure_text(sqlite3_stmt *st, const char *key, const char *v)
{
	sqlite3_bind_text(st, 1, key, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, v ? v : "", -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

static int put_figures(sqlite3 *pk, const struct report_figures *f)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(pk, "INSERT INTO figure(key, value) VALUES(?, ?)", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return rc;
	char k[96];
	struct {
		const char *key;
		int64_t v;
	} top[] = {
		{ "tasks.total", f->tasks_total }, { "tasks.done", f->tasks_done },
		{ "tasks.overdue", f->tasks_overdue },
		{ "dossiers.received_total", f->dossiers.received_total },
		{ "dossiers.received_online", f->dossiers.received_online },
		{ "dossiers.received_offline", f->dossiers.received_offline },
		{ "dossiers.received_carried", f->dossiers.received_carried },
		{ "dossiers.resolved_total", f->dossiers.resolved_total },
		{ "dossiers.resolved_early", f->dossiers.resolved_early },
		{ "dossiers.resolved_on_time", f->dossiers.resolved_on_time },
		{ "dossiers.resolved_late", f->dossiers.resolved_late },
		{ "dossiers.pending_total", f->dossiers.pending_total },
		{ "dossiers.pending_in_time", f->dossiers.pending_in_time },
		{ "dossiers.pending_overdue", f->dossiers.pending_overdue },
		{ "letters.letters", f->letters.letters },
		{ "letters.letters_late", f->letters.letters_late },
		{ "letters.late_dossiers", f->letters.late_dossiers },
		{ "letters.late_with_letter", f->letters.late_with_letter },
	};
	for (size_t i = 0; rc == SQLITE_OK && i < sizeof top / sizeof top[0]; i++)
		rc = put_figure(st, top[i].key, top[i].v);
	for (const struct feedback_stat_field *x = feedback_stat_fields; rc == SQLITE_OK && x->name;
	     x++) {
		snprintf(k, sizeof k, "feedback.%s", x->name);
		rc = put_figure(st, k, *(const int *)((const char *)&f->feedback + x->offset));
	}
	for (int a = 0; rc == SQLITE_OK && a < f->nareas; a++) {
		const struct report_area *ar = &f->areas[a];
		snprintf(k, sizeof k, "area.%s.title", ar->key);
		rc = put_figure_text(st, k, ar->title);
		int64_t v[4] = { ar->total, ar->done, ar->done_in_period, ar->overdue };
		static const char *const n[4] = { "total", "done", "done_in_period", "overdue" };
		for (int j = 0; rc == SQLITE_OK && j < 4; j++) {
			snprintf(k, sizeof k, "area.%s.%s", ar->key, n[j]);
			rc = put_figure(st, k, v[j]);
		}
	}
	for (int i = 0; rc == SQLITE_OK && i < f->nindices; i++) {
		const struct report_index *x = &f->indices[i];
		snprintf(k, sizeof k, "index.%s.%d.value", x->idx, x->year);
		sqlite3_bind_text(st, 1, k, -1, SQLITE_TRANSIENT);
		sqlite3_bind_double(st, 2, x->value);
		rc = sqlite3_step(st) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(pk);
		sqlite3_reset(st);
		snprintf(k, sizeof k, "index.%s.%d.rank", x->idx, x->year);
		if (rc == SQLITE_OK)
			rc = put_figure(st, k, x->rank);
		snprintf(k, sizeof k, "index.%s.%d.rank_of", x->idx, x->year);
		if (rc == SQLITE_OK)
			rc = put_figure(st, k, x->rank_of);
	}
	sqlite3_finalize(st);
	return rc;
}

/* Every table of the report (the annex), cell by cell. */
static int put_tables(sqlite3 *pk, const struct doc *d)
{
	sqlite3_stmt *ti, *ce;
	int rc = sqlite3_prepare_v2(pk, "INSERT INTO report_table(tab, title, header_rows) "
				    "VALUES(?, ?, ?)", -1, &ti, NULL);
	if (rc != SQLITE_OK)
		return rc;
	rc = sqlite3_prepare_v2(pk, "INSERT INTO report_cell(tab, row, col, text) VALUES(?, ?, ?, ?)",
				-1, &ce, NULL);
	int tab = 0;
	for (int b = 0; rc == SQLITE_OK && b < d->nblocks; b++) {
		if (d->blocks[b].kind != DOC_TABLE_BLOCK)
			continue;
		const struct doc_table *t = &d->blocks[b].table;
		tab++;
		sqlite3_bind_int(ti, 1, tab);
		sqlite3_bind_text(ti, 2, t->title ? t->title : "", -1, SQLITE_STATIC);
		sqlite3_bind_int(ti, 3, t->header_rows);
		rc = sqlite3_step(ti) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(pk);
		sqlite3_reset(ti);
		for (int r = 0; rc == SQLITE_OK && r < t->nrows; r++)
			for (int c = 0; rc == SQLITE_OK && c < t->ncols; c++) {
				sqlite3_bind_int(ce, 1, tab);
				sqlite3_bind_int(ce, 2, r);
				sqlite3_bind_int(ce, 3, c);
				sqlite3_bind_text(ce, 4, t->cells[r * t->ncols + c], -1, SQLITE_STATIC);
				rc = sqlite3_step(ce) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(pk);
				sqlite3_reset(ce);
			}
	}
	sqlite3_finalize(ti);
	sqlite3_finalize(ce);
	return rc;
}

/* The SHA-256 of a report package's figures and tables, in key order. */
static int content_sha(sqlite3 *pk, char hex[65])
{
	static const char *const q[] = {
		"SELECT key, value FROM figure ORDER BY key",
		"SELECT tab, title, header_rows FROM report_table ORDER BY tab",
		"SELECT tab, row, col, text FROM report_cell ORDER BY tab, row, col",
	};
	struct sha256 h;
	sha256_init(&h);
	for (size_t i = 0; i < sizeof q / sizeof q[0]; i++) {
		sqlite3_stmt *st;
		int rc = sqlite3_prepare_v2(pk, q[i], -1, &st, NULL);
		if (rc != SQLITE_OK)
			return rc;
		while ((rc = sqlite3_step(st)) == SQLITE_ROW)
			for (int c = 0; c < sqlite3_column_count(st); c++) {
				const unsigned char *v = sqlite3_column_text(st, c);
				sha256_update(&h, v ? (const char *)v : "", v ? strlen((const char *)v) : 0);
				sha256_update(&h, c + 1 < sqlite3_column_count(st) ? "\t" : "\n", 1);
			}
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE)
			return rc;
	}
	unsigned char d[32];
	sha256_final(&h, d);
	for (int i = 0; i < 32; i++)
		snprintf(hex + 2 * i, 3, "%02x", d[i]);
	return SQLITE_OK;
}

static const char report_schema[] =
	"CREATE TABLE manifest(key TEXT PRIMARY KEY, value TEXT NOT NULL);"
	"CREATE TABLE figure(key TEXT PRIMARY KEY, value);"
	"CREATE TABLE report_table(tab INTEGER PRIMARY KEY, title TEXT NOT NULL, "
	"header_rows INTEGER NOT NULL);"
	"CREATE TABLE report_cell(tab INTEGER, row INTEGER, col INTEGER, text TEXT NOT NULL, "
	"PRIMARY KEY (tab, row, col)) WITHOUT ROWID;";

int exchange_report_write(struct db *db, const struct period *p, const char *out, int flags,
			  struct cchc_err *err)
{
	if (fs_check_target(out, flags, err))
		return err->code;
	char *agency = db_setting_get(db, "org.name");
	if (!agency || !*agency) {
		free(agency);
		return err_set(err, CCHC_EINPUT, "Chưa đặt tên cơ quan (org.name): gói báo cáo mang tên "
			       "đó để tổng hợp (cchc setting set org.name …).");
	}
	struct report_figures f;
	struct doc d;
	doc_init(&d);
	struct report_opts o = { 0 };
	int rc = CCHC_OK;
	if (report_figures(db, p, 0, &f, err)) {
		free(agency);
		doc_free(&d);
		return err->code;
	}
	if (report_build(db, p, &o, &d, err)) {
		report_figures_free(&f);
		free(agency);
		doc_free(&d);
		return err->code;
	}
	struct fs_tmp t;
	sqlite3 *pk = NULL;
	if (fs_tmp_open(&t, out, 0644, flags, err))
		goto done;
	int s = pkg_create(&t, &pk);
	if (s == SQLITE_OK)
		s = exec(pk, "BEGIN");
	if (s == SQLITE_OK)
		s = exec(pk, report_schema);
	if (s == SQLITE_OK)
		s = put_figures(pk, &f);
	if (s == SQLITE_OK)
		s = put_tables(pk, &d);
	char hex[65] = "", now[20], from[11], to[11];
	if (s == SQLITE_OK)
		s = content_sha(pk, hex);
	now_text(now);
	period_iso(p, from, to);
	char *parent = db_setting_get(db, "org.parent");
	const char *kv[][2] = {
		{ "format", PKG_FORMAT }, { "version", PKG_VERSION }, { "kind", "report" },
		{ "agency", agency }, { "parent", parent ? parent : "" }, { "period", p->code },
		{ "period_label", p->label }, { "from", from }, { "to", to }, { "asof", f.asof },
		{ "made_at", now }, { "content_sha256", hex }, { "program", PACKAGE_STRING },
	};
	for (size_t i = 0; s == SQLITE_OK && i < sizeof kv / sizeof kv[0]; i++)
		s = put_kv(pk, kv[i][0], kv[i][1]);
	free(parent);
	if (s == SQLITE_OK)
		s = exec(pk, "COMMIT");
	if (s != SQLITE_OK) {
		rc = sql_fail(pk ? pk : db->h, s, "ghi gói báo cáo", err);
		sqlite3_close(pk);
		fs_tmp_abort(&t);
		goto done;
	}
	if (sqlite3_close(pk) != SQLITE_OK) {
		rc = err_set(err, CCHC_EIO, "Không ghi được gói báo cáo %s.", out);
		fs_tmp_abort(&t);
		goto done;
	}
	rc = fs_tmp_commit(&t, out, err);
done:
	report_figures_free(&f);
	doc_free(&d);
	free(agency);
	return rc ? rc : err->code;
}

/* One department's figures from its report package. */
struct dept {
	char *file, *agency;
	int64_t tasks_done, tasks_total, overdue;
	int64_t resolved, on_time, late, letters;
	int64_t fb_handled, fb_on_time;
	double score;
	int nrates;
};

static int64_t figure_int(sqlite3 *pk, const char *key)
{
	sqlite3_stmt *st;
	int64_t v = 0;
	if (sqlite3_prepare_v2(pk, "SELECT value FROM figure WHERE key = ?", -1, &st, NULL) ==
	    SQLITE_OK) {
		sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW)
			v = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
	}
	return v;
}

static char *manifest_get(sqlite3 *pk, const char *key)
{
	sqlite3_stmt *st;
	char *v = NULL;
	if (sqlite3_prepare_v2(pk, "SELECT value FROM manifest WHERE key = ?", -1, &st, NULL) ==
	    SQLITE_OK) {
		sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW)
			v = xstrdup((const char *)sqlite3_column_text(st, 0));
		sqlite3_finalize(st);
	}
	return v;
}

/* Reads a report package, checked whole, for period (its code). */
static int dept_read(const char *path, const char *period, struct dept *o, struct cchc_err *err)
{
	memset(o, 0, sizeof *o);
	if (!fs_exists(path))
		return err_set(err, CCHC_ENOTFOUND, "Không có tệp %s.", path);
	sqlite3 *pk = NULL;
	enum pkg_state state = pkg_open_file(path, &pk);
	const char *bad = state == PKG_DAMAGED ? "tệp bị cắt hoặc bị hỏng"
			  : state != PKG_OK    ? "không phải gói báo cáo của cchc"
					       : NULL;
	char *fmt = bad ? NULL : manifest_get(pk, "format");
	char *kind = bad ? NULL : manifest_get(pk, "kind");
	char *per = bad ? NULL : manifest_get(pk, "period");
	char *sha = bad ? NULL : manifest_get(pk, "content_sha256");
	char hex[65] = "";
	if (!bad && (!fmt || strcmp(fmt, PKG_FORMAT) != 0 || !kind || strcmp(kind, "report") != 0))
		bad = "không phải gói báo cáo của cchc";
	else if (!bad && (content_sha(pk, hex) != SQLITE_OK || !sha || strcmp(sha, hex) != 0))
		bad = "số liệu không khớp mã kiểm tra (tệp đã bị sửa hoặc hỏng)";
	if (!bad && (!per || strcmp(per, period) != 0)) {
		err_set(err, CCHC_EINPUT, "Tệp %s là báo cáo kỳ %s, không phải kỳ %s.", path,
			per ? per : "?", period);
	} else if (bad) {
		err_set(err, CCHC_EINPUT, "Tệp %s %s.", path, bad);
	} else {
		o->file = xstrdup(path);
		o->agency = manifest_get(pk, "agency");
		o->tasks_done = figure_int(pk, "tasks.done");
		o->tasks_total = figure_int(pk, "tasks.total");
		o->overdue = figure_int(pk, "tasks.overdue");
		o->resolved = figure_int(pk, "dossiers.resolved_total");
		o->on_time = figure_int(pk, "dossiers.resolved_early") +
			     figure_int(pk, "dossiers.resolved_on_time");
		o->late = figure_int(pk, "letters.late_dossiers");
		o->letters = figure_int(pk, "letters.letters");
		o->fb_handled = figure_int(pk, "feedback.handled_total");
		o->fb_on_time = figure_int(pk, "feedback.handled_on_time");
	}
	free(fmt);
	free(kind);
	free(per);
	free(sha);
	sqlite3_close(pk);
	return err->code;
}

static int by_score(const void *a, const void *b)
{
	const struct dept *x = a, *y = b;
	if (x->score != y->score)
		return x->score > y->score ? -1 : 1;
	return strcmp(x->agency, y->agency);
}

int exchange_consolidate(char *const *files, int n, const struct period *p, struct doc *d,
			 struct cchc_err *err)
{
	const char *period = p->code;
	struct dept *v = xcalloc((size_t)n, sizeof *v);
	int rc = CCHC_OK;
	for (int i = 0; i < n && !rc; i++) {
		rc = dept_read(files[i], period, &v[i], err);
		for (int j = 0; !rc && j < i; j++)
			if (strcmp(v[j].agency, v[i].agency) == 0)
				rc = err_set(err, CCHC_EINPUT, "Hai gói của cùng cơ quan %s: %s và %s; "
					     "chỉ giữ một.", v[i].agency, v[j].file, v[i].file);
	}
	if (!rc) {
		for (int i = 0; i < n; i++) {
			/* the mean of the rates the agency has (a whole of 0 is no rate) */
			double sum = 0;
			int64_t part[3] = { v[i].tasks_done, v[i].on_time, v[i].fb_on_time };
			int64_t whole[3] = { v[i].tasks_total, v[i].resolved, v[i].fb_handled };
			for (int k = 0; k < 3; k++)
				if (whole[k] > 0) {
					sum += 100.0 * (double)part[k] / (double)whole[k];
					v[i].nrates++;
				}
			v[i].score = v[i].nrates ? sum / v[i].nrates : -1;
		}
		qsort(v, (size_t)n, sizeof *v, by_score);
		struct sbuf abstract = SBUF_INIT;
		sbuf_addf(&abstract, "Kết quả cải cách hành chính của các cơ quan %s", p->label);
		doc_set_title(d, "BẢNG TỔNG HỢP", abstract.s);
		sbuf_free(&abstract);
		struct doc_table *t = doc_table(d, "Kết quả cải cách hành chính của các cơ quan", 14, 1);
		doc_table_sheet(t, "Tổng hợp");
		char note[160];
		char a[11], b[11];
		date_format_vn(p->from, a);
		date_format_vn(p->to, b);
		snprintf(note, sizeof note, "Kỳ báo cáo: từ ngày %s đến ngày %s; %d cơ quan", a, b, n);
		doc_table_note(t, note);
		static const char *const head[14] = {
			"Hạng", "Cơ quan", "Nhiệm vụ hoàn thành", "Tổng số nhiệm vụ", "Tỷ lệ hoàn thành (%)",
			"Nhiệm vụ quá hạn", "Hồ sơ đã giải quyết", "Giải quyết đúng hạn",
			"Tỷ lệ đúng hạn (%)", "Hồ sơ trễ hạn", "Phiếu xin lỗi",
			"PAKN đã xử lý", "Xử lý đúng hạn", "Tỷ lệ (%)",
		};
		static const int widths[14] = { 5, 30, 10, 10, 10, 9, 10, 10, 10, 9, 9, 9, 9, 9 };
		for (int c = 0; c < 14; c++)
			doc_table_column(t, c, widths[c], c != 1);
		doc_table_row(t, head);
		struct dept tot = { .agency = "Tổng cộng" };
		for (int i = 0; i <= n; i++) {
			const struct dept *x = i < n ? &v[i] : &tot;
			char c[14][32];
			snprintf(c[0], 32, i < n ? "%d" : "", i + 1);
			int64_t nums[] = { x->tasks_done, x->tasks_total, 0, x->overdue, x->resolved,
					   x->on_time, 0, x->late, x->letters, x->fb_handled,
					   x->fb_on_time, 0 };
			for (int k = 0; k < 12; k++)
				snprintf(c[k + 2], 32, "%lld", (long long)nums[k]);
			report_percent(x->tasks_done, x->tasks_total, c[4]);
			report_percent(x->on_time, x->resolved, c[8]);
			report_percent(x->fb_on_time, x->fb_handled, c[13]);
			const char *cells[14];
			for (int k = 0; k < 14; k++)
				cells[k] = c[k];
			cells[1] = x->agency;
			doc_table_row(t, cells);
			if (i == n)
				doc_table_row_attrs(t, DOC_BOLD);
			else {
				tot.tasks_done += x->tasks_done, tot.tasks_total += x->tasks_total;
				tot.overdue += x->overdue, tot.resolved += x->resolved;
				tot.on_time += x->on_time, tot.late += x->late, tot.letters += x->letters;
				tot.fb_handled += x->fb_handled, tot.fb_on_time += x->fb_on_time;
			}
		}
		doc_text(d, DOC_BODY, DOC_LEFT, DOC_ITALIC,
			 "Hạng: theo trung bình các tỷ lệ cơ quan có (hoàn thành nhiệm vụ, giải quyết hồ "
			 "sơ đúng hạn, xử lý phản ánh, kiến nghị đúng hạn); tỷ lệ \"-\" là không có số "
			 "liệu để tính.");
	}
	for (int i = 0; i < n; i++) {
		free(v[i].file);
		free(v[i].agency);
	}
	free(v);
	return rc;
}
