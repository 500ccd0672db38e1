#include <config.h>
#include "ui/list.h"

static int clamp(int v, int lo, int hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

void list_fit(struct list *l, int height)
{
	l->height = height < 1 ? 1 : height;
	l->cur = clamp(l->cur, 0, l->n ? l->n - 1 : 0);
	if (l->cur < l->top)
		l->top = l->cur;
	if (l->cur >= l->top + l->height)
		l->top = l->cur - l->height + 1;
	l->top = clamp(l->top, 0, l->n > l->height ? l->n - l->height : 0);
}

void list_set(struct list *l, int cur)
{
	l->cur = cur;
	list_fit(l, l->height);
}

bool list_move(struct list *l, enum action a)
{
	int page = l->height > 1 ? l->height - 1 : 1;
	switch (a) {
	case ACT_MOVE_UP: list_set(l, l->cur - 1); break;
	case ACT_MOVE_DOWN: list_set(l, l->cur + 1); break;
	case ACT_MOVE_PAGE_UP: l->top -= page; list_set(l, l->cur - page); break;
	case ACT_MOVE_PAGE_DOWN: l->top += page; list_set(l, l->cur + page); break;
	case ACT_MOVE_FIRST: list_set(l, 0); break;
	case ACT_MOVE_LAST: list_set(l, l->n - 1); break;
	default: return false;
	}
	return true;
}

bool list_scroll(struct list *l, enum action a)
{
	int page = l->height > 1 ? l->height - 1 : 1;
	int max = l->n > l->height ? l->n - l->height : 0;
	switch (a) {
	case ACT_MOVE_UP: case ACT_TEXT_UP: l->top--; break;
	case ACT_MOVE_DOWN: case ACT_TEXT_DOWN: l->top++; break;
	case ACT_MOVE_PAGE_UP: case ACT_TEXT_PAGE_UP: l->top -= page; break;
	case ACT_MOVE_PAGE_DOWN: case ACT_TEXT_PAGE_DOWN: l->top += page; break;
	case ACT_MOVE_FIRST: l->top = 0; break;
	case ACT_MOVE_LAST: l->top = max; break;
	default: return false;
	}
	l->top = clamp(l->top, 0, max);
	return true;
}

bool list_move_over(struct list *l, enum action a, bool (*skip)(int k, const void *ctx),
		    const void *ctx)
{
	int was = l->cur;
	if (!list_move(l, a))
		return false;
	int dir = l->cur >= was ? 1 : -1, c = l->cur;
	while (c >= 0 && c < l->n && skip(c, ctx))
		c += dir;
	if (c < 0 || c >= l->n)
		for (c = l->cur; c >= 0 && c < l->n && skip(c, ctx); c -= dir)
			;
	if (c >= 0 && c < l->n)
		list_set(l, c);
	return true;
}
