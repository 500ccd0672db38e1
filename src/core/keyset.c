#include <config.h>
#include <stdio.h>
#include "core/keyset.h"

static void arm(struct keyset_arm *a, const char *where, const char *order)
{
	snprintf(a->where, sizeof a->where, "%s", where);
	snprintf(a->order, sizeof a->order, "%s", order);
}

int keyset_arms(const char *date, const char *id, const char *p_date, const char *p_id,
		bool has_key, bool key_undated, bool reverse, struct keyset_arm arms[2])
{
	char dated[64], undated[64], up[80], down[80], id_up[40], id_down[40], w[200];
	snprintf(dated, sizeof dated, "%s IS NOT NULL", date);
	snprintf(undated, sizeof undated, "%s IS NULL", date);
	snprintf(up, sizeof up, "%s, %s", date, id);
	snprintf(down, sizeof down, "%s DESC, %s DESC", date, id);
	snprintf(id_up, sizeof id_up, "%s", id);
	snprintf(id_down, sizeof id_down, "%s DESC", id);
	if (!has_key) {
		arm(&arms[0], reverse ? undated : dated, reverse ? id_down : up);
		arm(&arms[1], reverse ? dated : undated, reverse ? down : id_up);
		return 2;
	}
	if (key_undated) {   /* the undated come last: after it, only undated ones */
		snprintf(w, sizeof w, "%s AND %s %s %s", undated, id, reverse ? "<" : ">", p_id);
		arm(&arms[0], w, reverse ? id_down : id_up);
		arm(&arms[1], dated, down);
		return reverse ? 2 : 1;
	}
	snprintf(w, sizeof w, "%s AND (%s, %s) %s (%s, %s)", dated, date, id, reverse ? "<" : ">",
		 p_date, p_id);
	arm(&arms[0], w, reverse ? down : up);
	arm(&arms[1], undated, id_up);
	return reverse ? 1 : 2;
}
