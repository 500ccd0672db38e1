/* Apology letters (văn bản xin lỗi; before 15/9/2025 phiếu xin lỗi và hẹn
 * lại ngày trả kết quả): one per late dossier, numbered per year from a
 * pattern in settings ("01/PXL"), printed from a template chosen by the
 * letter's date (letter_template_for). The rules: the new date is
 * after the original due date (and after the letter); a dossier is
 * re-appointed only once; a letter dated later than one working day before
 * the original due date is kept but flagged "gửi muộn". */
#ifndef CCHC_LETTER_H
#define CCHC_LETTER_H
#include <stdbool.h>
#include <stdint.h>
#include "export/doc.h"
#include "store/db.h"

struct dossier_info;

/* As the clerk types them (dates dd/mm/yyyy or ISO); NULL = not given. On
 * add, the date defaults to today, the addressee, address and contact to
 * the dossier's holder, the unit to the dossier's, the signer to settings. */
struct letter_input {
	const char *dossier_code, *date, *reason, *new_date, *unit;
	const char *addressee, *address, *contact;
	const char *authority, *signer_title, *signer;
	const char *channel, *sent;   /* channel: giấy, email, sms, zalo */
};

struct letter_info {
	int64_t id, dossier_id;
	int year, seq;
	bool late;                    /* gửi muộn */
	char *number, *letter_on, *addressee, *address, *contact, *reason;
	char *unit_code, *unit_name, *original_due, *new_due;
	char *authority, *signer_title, *signer, *channel, *sent_on, *template_name;
	char *dossier_code, *procedure, *field, *received_on;
};

/* Refuses, before anything is typed, a dossier that cannot have a letter:
 * one that has one already, one with no due date, one resolved on time. */
int letter_check_dossier(const struct dossier_info *d, struct cchc_err *err);
int letter_add(struct db *db, const struct letter_input *in, int64_t *id, struct cchc_err *err);
/* Changes the fields given; the rules are checked again and "gửi muộn"
 * recomputed. The dossier and the number never change. */
int letter_edit(struct db *db, int64_t id, const struct letter_input *in, struct cchc_err *err);
/* Deletes a letter (its dossier stays) as one action the trash can restore. */
int letter_delete(struct db *db, int64_t id, struct cchc_err *err);
int letter_get(struct db *db, int64_t id, struct letter_info *l, struct cchc_err *err);
void letter_info_free(struct letter_info *l);
void letter_list_free(struct letter_info *v, int n);

struct letter_filter {
	const char *from, *to;        /* ISO: letter date in [from, to]; NULL: no bound */
	const char *unit_code;
	bool late_only;
	int limit;                    /* 0: no limit */
	const struct letter_info *after; /* keyset: rows after this one (date, id) */
	bool reverse;                 /* ... before it (NULL: the last), in descending order */
};
int letter_list(struct db *db, const struct letter_filter *f, struct letter_info **out, int *n,
		struct cchc_err *err);

/* Letters by unit for a period: count, and how many were sent late. */
struct letter_by_unit {
	char unit_code[32], unit_name[160];
	int64_t count, late;
};
int letter_count_by_unit(struct db *db, const char *from, const char *to,
			 struct letter_by_unit **out, int *n, struct cchc_err *err);
/* The letters dated in [from, to] (ISO), every unit: from the index of
 * dates alone. */
int letter_count(struct db *db, const char *from, const char *to, int64_t *n,
		 struct cchc_err *err);

/* The register's figures for a period [from, to] (ISO): letters dated in
 * it and how many were sent late; dossiers resolved late in it and how many
 * of those have a letter. */
struct letter_coverage {
	int64_t letters, letters_late, late_dossiers, late_with_letter;
};
int letter_coverage(struct db *db, const char *from, const char *to, struct letter_coverage *c,
		    struct cchc_err *err);

/* The letter laid out as an official document from its template. */
int letter_doc(struct db *db, int64_t id, struct doc *d, struct cchc_err *err);
/* Writes the letter as a file (docx, txt, md, html) through a temporary
 * file; flags as doc_write's. */
int letter_print(struct db *db, int64_t id, enum doc_format fmt, const char *path,
		 const char *encoding, int flags, struct cchc_err *err);

/* The template of a letter dated letter_on (ISO): data/templates/
 * letter-2018.txt before the setting letter.form_switch (15/09/2025),
 * letter-2025.txt from it. *name is static. */
int letter_template_for(struct db *db, const char *letter_on, const char **name, struct cchc_err *err);
/* A template's text: the clerk's copy ~/.config/cchc/templates/<file> when
 * there is one, else the installed or built-in name. *what (malloc'd) names
 * the file read, for messages. NULL with err set when none can be read. */
char *letter_template_read(const char *name, char **what, struct cchc_err *err);

/* Stored channel codes: "giay", "email", "sms", "zalo"; NULL when unknown. */
const char *letter_channel_parse(const char *s);
const char *letter_channel_label(const char *code);

#endif
