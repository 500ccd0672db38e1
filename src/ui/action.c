#include <config.h>
#include <string.h>
#include "ui/action.h"

struct action_info {
	const char *name, *label, *help;
};

static const struct action_info actions[ACT_COUNT] = {
	[ACT_NONE] = { "", "", "" },
#define ACTION(e, n, l, h) [ACT_##e] = { n, l, h },
#include "ui/actions.def"
#undef ACTION
};

const char *action_name(enum action a)
{
	return a > ACT_NONE && a < ACT_COUNT ? actions[a].name : "";
}

const char *action_label(enum action a)
{
	return a > ACT_NONE && a < ACT_COUNT ? actions[a].label : "";
}

const char *action_help(enum action a)
{
	return a > ACT_NONE && a < ACT_COUNT ? actions[a].help : "";
}

enum action action_by_name(const char *name)
{
	for (int a = ACT_NONE + 1; a < ACT_COUNT; a++)
		if (strcmp(actions[a].name, name) == 0)
			return (enum action)a;
	return ACT_NONE;
}
