/* Packages between the office and its divisions (issue 20): records made
 * on other PCs, offline, carried as files, applied whole and once.
 *
 * A database is a site: the office (site 0) or a division's own database
 * made by exchange_join from the office's package (site 1, 2, ...: the
 * number the office gave that division). What one side sends the other is
 * a changeset of SQLite's session extension: sqlite3session_diff between
 * the records the other side should have now ("snap") and those it had
 * after the last package ("base", kept in exchange_peer). A package is an
 * SQLite file (inspect it with the sqlite3 shell): manifest(key, value),
 * changeset(part, data) in the chunks the streaming API wrote, and sqlar
 * with the evidence files it brings. See README "Gửi và nhận gói". */
#ifndef CCHC_EXCHANGE_H
#define CCHC_EXCHANGE_H
#include <stdbool.h>
#include <stdint.h>
#include "core/period.h"
#include "export/doc.h"
#include "store/db.h"
#include "util/sbuf.h"

/* Ids of records a division makes come from its site's range:
 * site * EXCHANGE_SITE_SPAN + 1 onwards (the office's: 1 up). */
#define EXCHANGE_SITE_SPAN 1000000000LL
/* The id a new row of table takes: the next in this database's site's
 * range (an SQL scalar, for the VALUES of an INSERT). The range is read in
 * the statement, so no caller needs to know the site. */
#define EXCHANGE_NEXT_ID(table)                                                          \
	"(SELECT coalesce((SELECT max(id) FROM " table " WHERE id > lo AND "               \
	"id < lo + 1000000000), lo) + 1 FROM (SELECT coalesce((SELECT site FROM "           \
	"exchange_self), 0) * 1000000000 AS lo))"

/* What a package brought, or carries. */
struct exchange_result {
	char unit_code[32];
	char unit_name[256];
	int site;
	int64_t seq;
	/* counted from the changeset */
	int tasks_done, tasks_changed, tasks_new, notes, evidence, links, settings, units,
	    plans, sections;
	int files;
	int64_t file_bytes;
	int64_t changeset_bytes;
	/* changes the office's own decision kept out (import), as lines */
	char **conflicts;
	int nconflicts;
	bool nothing;           /* export: nothing changed since the last package */
};

void exchange_result_free(struct exchange_result *r);
/* What a package brought or carries, as the clerk reads it: "3 nhiệm vụ
 * hoàn thành, 5 ghi chú tiến độ, 2 tài liệu kiểm chứng, 7 tệp (12,5 MB)",
 * or "không có thay đổi"; appended to b. */
void exchange_summary(const struct exchange_result *r, struct sbuf *b);

/* This database's site: 0 at the office (and in any database that never
 * joined), else the division's number; *unit_id the division's unit (0 at
 * the office). */
int exchange_site(struct db *db, int *site, int64_t *unit_id);

/* The office: writes to out (FS_OVERWRITE in flags replaces a file there)
 * the package for the division with unit code unit: at the first, what it
 * needs to begin (exchange_join); then what changed since the last one sent
 * to it. A division (unit NULL): its changes since the last package it sent
 * or applied. */
int exchange_export(struct db *db, const char *unit, const char *out, int flags,
		    struct exchange_result *res, struct cchc_err *err);

/* A division's PC: makes db (new, empty) the division's database from the
 * office's first package for it. */
int exchange_join(struct db *db, const char *pkg, struct exchange_result *res,
		  struct cchc_err *err);

/* Applies a package from the other side, one action: checked whole before
 * anything is written (a foreign, truncated or altered file, one already
 * applied, one that skips a number, one that touches records not the
 * division's are refused). */
int exchange_import(struct db *db, const char *pkg, struct exchange_result *res,
		    struct cchc_err *err);

/* Reads the manifest of a package without applying it (for `exchange show`):
 * the lines "key<TAB>value" in *out (malloc'd). */
int exchange_manifest(const char *pkg, char **out, struct cchc_err *err);

/* The province: the report of period p as a package (kind "report"): every
 * figure of report_figures as figure(key, value) and every table of the
 * report cell by cell, with the agency (org.name), the period and a
 * SHA-256 of the content in the manifest; written to out as flags allow. */
int exchange_report_write(struct db *db, const struct period *p, const char *out, int flags,
			  struct cchc_err *err);
/* Sở Nội vụ's table of the n report packages of period p:
 * one row per agency — tasks done and their rate, overdue, dossiers resolved
 * on time and their rate, late dossiers, apology letters, feedback handled
 * on time and its rate — ranked by the mean of the rates it has, with
 * totals; added to d. A package of another period, a damaged or altered
 * one, or two of one agency refuse the whole. */
int exchange_consolidate(char *const *files, int n, const struct period *p, struct doc *d,
			 struct cchc_err *err);

#endif
