/* Citizen feedback (phản ánh, kiến nghị — PAKN) under Nghị định 20/2008/NĐ-CP:
 * the register, its workflow from receipt to archive with every step a dated
 * row of history, deadlines in working days (settings feedback.forward_days
 * and feedback.due.<channel>), keyset-paged lists and the report figures.
 *
 * "Overdue" (quá hạn) is computed from due_on and today (CCHC_TODAY), never
 * stored. The deadline a step sets is written at the end of that step's note
 * ("... hạn xử lý: 03/04/2026"), so the deadline in force on any day, and at
 * closing, can be found again for the report after due_on has been cleared. */
#ifndef CCHC_FEEDBACK_H
#define CCHC_FEEDBACK_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "store/db.h"
#include "text/date.h"

/* A coded value: channel, kind or topic. Tables end with a NULL code. */
struct feedback_code {
	const char *code;     /* as stored: "cong-dvc" */
	const char *label;    /* as shown: "Cổng DVC quốc gia" */
	const char *text;     /* the full legal wording (topics), or NULL */
	const char *aliases;  /* other words the clerk may type, "|"-separated, or NULL */
};
extern const struct feedback_code feedback_channels[]; /* van-ban, truc-tiep, dien-thoai, ... */
extern const struct feedback_code feedback_kinds[];    /* phan-anh, kien-nghi */
extern const struct feedback_code feedback_topics[];   /* hanh-vi, khong-phu-hop, ... */

/* The stored code for what the clerk typed (code, label or alias; tones,
 * case and punctuation ignored), or NULL. */
const char *feedback_channel_parse(const char *s);
const char *feedback_kind_parse(const char *s);
const char *feedback_topic_parse(const char *s);
/* The label of a code; the code itself when unknown, "" for "". */
const char *feedback_channel_label(const char *code);
const char *feedback_kind_label(const char *code);
const char *feedback_topic_label(const char *code);
/* The topic's full wording under Nghị định 20/2008 ("" when unknown). */
const char *feedback_topic_text(const char *code);

enum feedback_status {
	FEEDBACK_REGISTERED,   /* da-vao-so     Đã vào sổ */
	FEEDBACK_CLASSIFIED,   /* phan-loai     Đã phân loại */
	FEEDBACK_REJECTED,     /* khong-du-dk   Không đủ điều kiện xử lý */
	FEEDBACK_FORWARDED,    /* chuyen        Đã chuyển cơ quan có thẩm quyền */
	FEEDBACK_ASSIGNED,     /* giao          Đã giao phòng xử lý */
	FEEDBACK_IN_PROGRESS,  /* dang-xu-ly    Đang xử lý */
	FEEDBACK_ANSWERED,     /* da-tra-loi    Đã trả lời */
	FEEDBACK_PUBLISHED,    /* da-cong-khai  Đã công khai */
	FEEDBACK_ARCHIVED,     /* luu           Lưu */
	FEEDBACK_NSTATUS
};
const char *feedback_status_code(int s);
const char *feedback_status_label(int s);
/* Accepts codes and labels, with or without tones; -1 when unknown. */
int feedback_status_parse(const char *s);
/* Still awaiting a step with a deadline: registered, classified, assigned, in progress. */
bool feedback_status_open(int s);
/* The label of a history step: "tiep-nhan" is "Tiếp nhận", "da-vao-so" is
 * "Vào sổ", the others their status label. */
const char *feedback_step_label(const char *step);

/* Workflow verbs; each moves a record from a set of statuses to one status. */
enum feedback_verb {
	FEEDBACK_CLASSIFY, FEEDBACK_REJECT, FEEDBACK_FORWARD, FEEDBACK_ASSIGN,
	FEEDBACK_PROGRESS, FEEDBACK_ANSWER, FEEDBACK_PUBLISH, FEEDBACK_ARCHIVE,
	FEEDBACK_NVERB
};
/* "assign": the verb of "cchc feedback assign". */
const char *feedback_verb_code(int v);
/* "giao phòng xử lý": what the verb does, for menus and messages. */
const char *feedback_verb_label(int v);
/* The status a verb leads to. */
int feedback_verb_target(int v);
/* The verbs allowed from status s, as bits (1u << verb). */
unsigned feedback_next_verbs(int status);

/* Descriptive fields for add and edit: NULL means "not given" (edit leaves
 * it). What the clerk typed is parsed here: dates dd/mm/yyyy or ISO, codes
 * or labels with or without tones. */
struct feedback_input {
	const char *received, *channel;   /* add only: edit refuses them */
	const char *sender, *contact, *content, *kind, *topic, *related;
};

/* The fields of one workflow step; which ones a verb uses:
 *   classify: topic, kind       reject: note (how the sender was guided)
 *   forward: to, number         assign: unit (code), due (default: received
 *   progress: note                      + feedback.due.<channel> working days)
 *   answer: text, signer, channel       publish: where       archive: note
 * date is the step's date (NULL: today); never before the previous step's,
 * never after today. */
struct feedback_action {
	const char *date, *note, *topic, *kind, *to, *number, *unit, *due;
	const char *text, *signer, *channel, *where;
};

struct feedback_info {
	int64_t id;
	int status;              /* enum feedback_status */
	bool overdue;            /* open and due_on before today */
	bool late;               /* closed after the deadline then in force */
	char received_on[11], due_on[11], closed_on[11], published_on[11]; /* ISO or "" */
	char due_at_close[11];   /* the deadline in force when closed, or "" */
	char channel[16], kind[16], topic[16], answer_channel[16];           /* codes */
	char *sender, *contact, *content, *related, *unit_code, *unit_name;
	char *forward_to, *forward_no, *answer_text, *answer_signer, *published_where;
	char *updated_at;
};

struct feedback_step {
	int seq;
	char step[16];           /* "tiep-nhan" or the status entered */
	char on_date[11];
	char *note;
};

struct feedback_filter {
	int status;              /* -1: any */
	bool open_only;          /* the open statuses only */
	bool overdue;            /* open and due_on < today */
	int due_within;          /* -1: no limit; else open and today <= due_on <= today + N
				  * working days */
	const char *unit_code;   /* NULL or "": any (an unknown code is an error) */
	const char *from, *to;   /* received_on within (ISO; NULL or "": open end) */
	int limit;               /* 0: no limit */
	/* Keyset paging on the list's order (due_on IS NULL, due_on, id): with
	 * after set, only the rows after it (before it when reverse). With
	 * reverse, the rows nearest the end (or the key) come first from SQL but
	 * are returned in the list's order. */
	const struct feedback_info *after;
	bool reverse;
};

/* Adds a record (status da-vao-so, steps tiep-nhan and da-vao-so on the
 * received date, due = received + feedback.forward_days working days). */
int feedback_add(struct db *db, const struct feedback_input *in, int64_t *id,
		 struct cchc_err *err);
/* Replaces the given descriptive fields (one action, no history step). */
int feedback_edit(struct db *db, int64_t id, const struct feedback_input *in,
		  struct cchc_err *err);
/* Deletes an item with its workflow steps as one action the trash can
 * restore. */
int feedback_delete(struct db *db, int64_t id, struct cchc_err *err);
/* Performs a workflow verb as one action: checks the transition and the
 * date, sets the fields, appends the history step, updates status and
 * updated_at. A step out of order is refused with a message naming the
 * current status and what must come first. */
int feedback_act(struct db *db, int64_t id, enum feedback_verb verb,
		 const struct feedback_action *a, struct cchc_err *err);
/* The verbs allowed now for record id, as bits (1u << verb). */
int feedback_allowed(struct db *db, int64_t id, unsigned *verbs, struct cchc_err *err);

int feedback_get(struct db *db, int64_t id, struct feedback_info *f, struct cchc_err *err);
/* The history, oldest first. */
int feedback_steps(struct db *db, int64_t id, struct feedback_step **out, int *n,
		   struct cchc_err *err);
/* Ordered by due date (none last), then id; filtered and paged in SQL. */
int feedback_list(struct db *db, const struct feedback_filter *f, struct feedback_info **out,
		  int *n, struct cchc_err *err);
/* How many rows feedback_list would give without limit and key. */
int feedback_count(struct db *db, const struct feedback_filter *f, int *n, struct cchc_err *err);
void feedback_info_free(struct feedback_info *f);
void feedback_list_free(struct feedback_info *v, int n);
void feedback_steps_free(struct feedback_step *v, int n);

/* Report figures for the period [from, to]; as-of is min(to, today). */
struct feedback_stats {
	int received;        /* received in the period */
	int carried;         /* received before it, not closed before it */
	int handled_total;   /* closed (answered, forwarded, turned away) in the period */
	int handled_on_time; /* ... on or before the deadline then in force */
	int handled_late;
	int pending_total;   /* received by its end, not closed by its end */
	int pending_overdue; /* ... past the deadline in force at as-of */
	int published;       /* result published in the period */
};
int feedback_stats(struct db *db, struct ymd from, struct ymd to, struct feedback_stats *out,
		   struct cchc_err *err);
/* received, carried and handled_total only (the rest 0), without looking up
 * the deadlines in force: what the annual report compares with the year
 * before. */
int feedback_stats_counts(struct db *db, struct ymd from, struct ymd to,
			  struct feedback_stats *out, struct cchc_err *err);
/* The figures in report order: name (tsv), Vietnamese label, offset of the int. */
struct feedback_stat_field {
	const char *name, *label;
	size_t offset;
};
extern const struct feedback_stat_field feedback_stat_fields[]; /* ends with a NULL name */

#endif
