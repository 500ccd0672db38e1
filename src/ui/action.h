/* Named actions (actions.def): what a key does, independent of which key. */
#ifndef CCHC_UI_ACTION_H
#define CCHC_UI_ACTION_H

enum action {
	ACT_NONE = 0,
#define ACTION(e, name, label, help) ACT_##e,
#include "ui/actions.def"
#undef ACTION
	ACT_COUNT
};
/* The last of the view-N actions (screen N of the tab bar). */
#define ACT_VIEW_LAST ACT_VIEW_16

/* Config name ("move-down"), short label for hints, help text. */
const char *action_name(enum action a);
const char *action_label(enum action a);
const char *action_help(enum action a);
/* ACT_NONE when name is not an action. */
enum action action_by_name(const char *name);

#endif
