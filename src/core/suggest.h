/* Suggested tasks, read from a plan: sections that say "Cơ quan chủ trì …:
 * X", "Cơ quan thực hiện/phối hợp: Y", then "+"/"-" items, and annex tables
 * with the columns Nhiệm vụ, Sản phẩm, Đơn vị chủ trì, Đơn vị phối hợp,
 * Thời gian hoàn thành. Units are matched to the unit list ignoring tones,
 * case and "Phòng"/"P." prefixes. */
#ifndef CCHC_SUGGEST_H
#define CCHC_SUGGEST_H
#include <stdint.h>
#include "store/db.h"

struct suggestion {
	int64_t section_id;
	char *title, *product, *due_text;
	char *lead_text, *lead_code;  /* lead_code "" when no unit matched */
	char *co_text, *co_codes;     /* co_codes: matched codes, comma-separated */
};

int suggest_tasks(struct db *db, int64_t plan_id, struct suggestion **out, int *n,
		  struct cchc_err *err);
void suggestions_free(struct suggestion *v, int n);
/* The code of the unit whose name matches text, or NULL (malloc'd). */
char *unit_match(struct db *db, const char *text);

#endif
