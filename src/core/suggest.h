/* Suggested tasks, read from a plan however it writes who is responsible:
 * role lines ("Cơ quan chủ trì (tham mưu/thực hiện):", "Đơn vị chủ trì:",
 * "Cơ quan/Đơn vị phối hợp:", "Cơ quan thực hiện:", "Trách nhiệm thực
 * hiện:", "Thời gian thực hiện:"/"Thời hạn hoàn thành:") as paragraphs or
 * list items, with the tasks under "Nhiệm vụ, giải pháp:" (or the section's
 * heading when there are none); sentences whose subject is a unit ("<unit>
 * chủ trì, phối hợp với <units> …", "Giao <unit> chủ trì …", "<unit> chịu
 * trách nhiệm …", "Lĩnh vực <area>: <unit> chủ trì tham mưu."); and annex
 * tables with the columns Nhiệm vụ, Sản phẩm, Đơn vị chủ trì, Đơn vị phối
 * hợp, Thời gian hoàn thành.
 *
 * A unit is found by matching the words against the unit list (tones, case,
 * "Phòng"/"P." and abbreviations such as UBND, VP, TT&TT aside) or, when it
 * is not in the list, by the shape of a unit's name (Sở …, Phòng …, Trung
 * tâm …, UBND huyện …): such a unit is proposed for creation. A generic
 * subject ("các phòng, đơn vị thuộc Sở", "các Sở, ban, ngành", "UBND các
 * huyện, thành phố") is a group: one task per unit of its kinds (unit.h). */
#ifndef CCHC_SUGGEST_H
#define CCHC_SUGGEST_H
#include <stdbool.h>
#include <stdint.h>
#include "store/db.h"
#include "util/sbuf.h"

struct suggestion {
	int64_t section_id;
	char *title, *product, *due_text;
	char *lead_text, *lead_code;  /* lead_code "" when no unit matched */
	char *co_text, *co_codes;     /* co_codes: matched codes, comma-separated */
	char *group;     /* the lead is a group: its unit kinds ("phong,don-vi"), else "" */
	char *lead_new;  /* the lead is named like a unit not in the list: its name, else "" */
	char *co_new;    /* coordinating units named like units not in the list: "A; B" */
};

int suggest_tasks(struct db *db, int64_t plan_id, struct suggestion **out, int *n,
		  struct cchc_err *err);
void suggestions_free(struct suggestion *v, int n);
/* The code of the unit whose name matches text, or NULL (malloc'd). */
char *unit_match(struct db *db, const char *text);
/* The codes of the active units of the given kinds ("phong,don-vi"; "*" for
 * every unit), comma-separated, malloc'd ("" when there is none). */
char *suggest_group_codes(struct db *db, const char *kinds);
/* Makes s into tasks inside the caller's transaction: one task, or one per
 * unit of its group (each unit that has none of this title in the section
 * yet). Units named like units but not in the list are created when
 * create_units (code from their initials), else left out. ids (malloc'd)
 * receive the tasks made; notes, lines for the clerk (units created, units
 * not found). A group with no unit of its kinds is an error. */
int suggest_accept(struct db *db, const struct suggestion *s, bool create_units, int64_t **ids,
		   int *nids, struct sbuf *notes, struct cchc_err *err);

#endif
