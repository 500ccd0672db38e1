/* The command line: one table entry per noun and verb (like tmux's
 * one-command-per-file), each a short function over the core. */
#ifndef CCHC_CLI_H
#define CCHC_CLI_H
#include <stdbool.h>
#include <stdio.h>
#include "core/period.h"
#include "export/doc.h"
#include "store/db.h"

struct cli_ctx {
	const char *db_path;   /* --db, else CCHC_DB / default */
	bool create;           /* --create: a missing --db / CCHC_DB file may be made */
	int open_flags;        /* db_open_ex's: the full-screen program checks later */
	struct db db;
	bool db_open;
};

struct cli_cmd {
	const char *noun, *verb;
	int (*run)(struct cli_ctx *ctx, int argc, char **argv);
	const char *usage;     /* arguments after "cchc NOUN VERB" */
	const char *help;      /* one line, Vietnamese */
};

enum { CLI_OK = 0, CLI_ERR = 1, CLI_USAGE = 2 };

extern const struct cli_cmd cli_plan_cmds[];
extern const struct cli_cmd cli_unit_cmds[];
extern const struct cli_cmd cli_search_cmds[];
extern const struct cli_cmd cli_workdays_cmds[];
extern const struct cli_cmd cli_task_cmds[];
extern const struct cli_cmd cli_agenda_cmds[];
extern const struct cli_cmd cli_evidence_cmds[];
extern const struct cli_cmd cli_criteria_cmds[];
extern const struct cli_cmd cli_dossier_cmds[];
extern const struct cli_cmd cli_register_cmds[];
extern const struct cli_cmd cli_letter_cmds[];
extern const struct cli_cmd cli_feedback_cmds[];
extern const struct cli_cmd cli_setting_cmds[];
extern const struct cli_cmd cli_report_cmds[];
extern const struct cli_cmd cli_delete_cmds[];
extern const struct cli_cmd cli_history_cmds[];
extern const struct cli_cmd cli_backup_cmds[];
extern const struct cli_cmd cli_exchange_cmds[];
extern const struct cli_cmd cli_demo_cmds[];

/* Runs "cchc NOUN VERB ARGS..."; argv[0] is the noun. */
int cli_dispatch(struct cli_ctx *ctx, int argc, char **argv);
/* Prints the list of commands (for --help). */
void cli_print_commands(FILE *out);
/* The database's path: --db, else CCHC_DB, else the default place. Malloc'd;
 * NULL with err set when there is no default place (HOME unset). */
char *cli_db_path(const struct cli_ctx *ctx, struct cchc_err *err);
/* Whether this run may create a database at path (CCHC_OK when the file is
 * there already). A path given with --db or CCHC_DB, being typed, may be
 * mistyped: a new database is made there only with --create (or
 * CCHC_CREATE=1, for scripts and test harnesses); the default place needs
 * neither. Otherwise err says "Không có tệp dữ liệu …" and nothing is made. */
int cli_may_create(const struct cli_ctx *ctx, const char *path, struct cchc_err *err);
/* Opens the database once for this run; prints the error and returns non-zero on failure. */
int cli_open_db(struct cli_ctx *ctx);
/* Prints "cchc: message" to stderr and returns CLI_ERR. */
int cli_error(const struct cchc_err *err);
int cli_usage_error(const struct cli_cmd *cmd, const char *fmt, ...)
	CCHC_PRINTF(2, 3);

/* Option parsing for verbs: returns true when argv[*i] is --name VALUE or
 * --name=VALUE, storing VALUE and advancing *i. */
bool cli_opt_value(int argc, char **argv, int *i, const char *name, const char **value);
bool cli_is_help(const char *arg);
void cli_print_cmd_help(const struct cli_cmd *cmd, FILE *out);
/* Writes s for a tab-separated field: control characters, tabs and newlines become spaces. */
void cli_put_field(FILE *out, const char *s);
/* Writes s as a JSON string literal. */
void cli_put_json_string(FILE *out, const char *s);
/* Writes s cut or padded to exactly width display columns. */
void cli_put_col(FILE *out, const char *s, int width);
/* A positive record number ("12"); false for anything else. */
bool cli_parse_id(const char *s, int64_t *v);
/* An ISO date as dd/mm/yyyy into out ("" for an empty or bad one). */
void cli_date_vn(const char *iso, char out[11]);
/* Writes an ISO date as dd/mm/yyyy (nothing for an empty one). */
void cli_put_date(FILE *out, const char *iso);
/* Opens the database and reads a report period as the clerk wrote it, with
 * the cut-off day from settings; prints the error (returns CLI_ERR). */
int cli_period(struct cli_ctx *ctx, const char *spec, struct period *p);
/* Reads --format of a document command into *fmt and checks --out:
 * "-" (standard output) takes txt, md or html in UTF-8 only. Prints the
 * usage error of cmd and returns CLI_USAGE otherwise. */
int cli_doc_format(const struct cli_cmd *cmd, const char *format, const char *out,
		   const char *encoding, enum doc_format *fmt);
/* Writes a document where --out says: to standard output for "-" (text
 * formats), else through doc_write, replacing a file only when force. */
int cli_doc_out(const struct doc *d, enum doc_format fmt, const char *out, const char *encoding,
		bool force, struct cchc_err *err);
/* Writes s for a text line: control characters become U+FFFD. */
void cli_put_text(FILE *out, const char *s);

#endif
