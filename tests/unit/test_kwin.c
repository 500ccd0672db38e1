/* The list window (kwin) over a list of 10,000 rows held here: a record far
 * down the list is located in a few short reads when the list can locate
 * it (the task list's search hits, home lines and saves), the cursor shows
 * nowhere when the record asked for is absent until the first move, the
 * prepare hook runs before every count (the task list's / filter keeps its
 * full-text hits aside there), and the top of the list shown anew reads
 * only the rows on screen. */
#include <config.h>
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "ui/app.h"
#include "ui/kwin.h"

#define N 10000

struct row {
	int64_t id;
	char *name;
};

/* The list: ids 2, 4, ..., 2N in order. */
struct fake {
	int fetches, rows_read, prepares, counts_before_prepare;
	bool prepared;
};

static int64_t id_at(int i)
{
	return 2 * (int64_t)(i + 1);
}

static int fetch(struct app *app, void *ctx, const void *key, bool back, int limit, void **rows,
		 int *n, struct cchc_err *err)
{
	struct fake *f = ctx;
	int64_t k = key ? ((const struct row *)key)->id : 0;
	int from, to;   /* rows from .. to - 1 */
	if (!back) {
		from = key ? (int)(k / 2) : 0;
		to = from + limit < N ? from + limit : N;
	} else {
		to = key ? (int)((k + 1) / 2) - 1 : N;
		from = to - limit > 0 ? to - limit : 0;
	}
	struct row *v = calloc((size_t)(to - from + 1), sizeof *v);
	for (int i = from; i < to; i++) {
		v[i - from].id = id_at(i);
		v[i - from].name = strdup("row");
	}
	*rows = v;
	*n = to - from;
	f->fetches++;
	f->rows_read += to - from;
	return CCHC_OK;
}

static int count(struct app *app, void *ctx, bool filtered, int64_t *n, struct cchc_err *err)
{
	struct fake *f = ctx;
	if (!f->prepared)
		f->counts_before_prepare++;
	f->prepared = false;
	*n = N;
	return CCHC_OK;
}

static void prepare(struct app *app, void *ctx)
{
	struct fake *f = ctx;
	f->prepares++;
	f->prepared = true;
}

static int locate(struct app *app, void *ctx, int64_t id, void **row, int64_t *pos,
		  struct cchc_err *err)
{
	*row = NULL;
	if (id % 2 || id < 2 || id > 2 * N)
		return CCHC_OK;
	struct row *r = calloc(1, sizeof *r);
	r->id = id;
	r->name = strdup("row");
	*row = r;
	*pos = id / 2 - 1;
	return CCHC_OK;
}

static const size_t texts[] = { offsetof(struct row, name) };

static const struct kwin_ops ops = {
	.size = sizeof(struct row), .id = offsetof(struct row, id), .texts = texts, .ntexts = 1,
	.fetch = fetch, .count = count, .both_ways = true, .prepare = prepare, .locate = locate,
};

static int64_t cur_id(const struct kwin *kw)
{
	const struct row *r = kwin_cur(kw);
	return r ? r->id : 0;
}

/* A record at row 7,000 of 10,000: the cursor lands on it, reading a page
 * or so around it, not the 7,000 rows before it; then the rows around it
 * are the list's. */
static void test_locate(struct app *app)
{
	struct fake f = { 0 };
	struct kwin kw;
	kwin_init(&kw, &ops, &f);
	kwin_fit(app, &kw, 20);
	CHECK_INT(cur_id(&kw), 2);
	f.rows_read = 0;
	kwin_select(&kw, id_at(7000));
	kwin_fit(app, &kw, 20);
	CHECK_INT(kw.list.cur, 7000);
	CHECK_INT(cur_id(&kw), id_at(7000));
	CHECK(f.rows_read < 400);
	CHECK(kwin_is_cur(&kw, 7000));
	const struct row *up = kwin_row(&kw, 6990), *down = kwin_row(&kw, 7010);
	CHECK(up && up->id == id_at(6990));
	CHECK(down && down->id == id_at(7010));
	CHECK_INT(kwin_handle(app, &kw, ACT_MOVE_UP), UI_VIEW);
	kwin_fit(app, &kw, 20);
	CHECK_INT(cur_id(&kw), id_at(6999));
	kwin_free(&kw);
}

/* An absent record with kwin_select_only: no row selected until a move,
 * which selects the top row; with kwin_select the cursor keeps its row. */
static void test_none(struct app *app)
{
	struct fake f = { 0 };
	struct kwin kw;
	kwin_init(&kw, &ops, &f);
	kwin_fit(app, &kw, 20);
	kwin_select_only(&kw, 3);   /* odd: not in the list */
	kwin_fit(app, &kw, 20);
	CHECK(kwin_cur(&kw) == NULL);
	CHECK(!kwin_is_cur(&kw, 0));
	CHECK_INT(kwin_handle(app, &kw, ACT_MOVE_DOWN), UI_VIEW);
	kwin_fit(app, &kw, 20);
	CHECK_INT(cur_id(&kw), 2);
	kwin_select(&kw, 3);
	kwin_fit(app, &kw, 20);
	CHECK_INT(cur_id(&kw), 2);
	kwin_select_only(&kw, id_at(50));   /* present: selected */
	kwin_fit(app, &kw, 20);
	CHECK_INT(cur_id(&kw), id_at(50));
	kwin_free(&kw);
}

/* prepare runs before each count: after the first drawing, after a
 * reload, after a write (data_version). */
static void test_prepare(struct app *app)
{
	struct fake f = { 0 };
	struct kwin kw;
	kwin_init(&kw, &ops, &f);
	kwin_fit(app, &kw, 20);
	kwin_reload(app, &kw, true);
	app->data_version++;
	kwin_fit(app, &kw, 20);
	CHECK_INT(f.prepares, 3);
	CHECK_INT(f.counts_before_prepare, 0);
	kwin_free(&kw);
}

/* Whether rows lo .. hi - 1 are held and are the list's. */
static bool rows_are_list(const struct kwin *kw, int lo, int hi)
{
	for (int k = lo; k < hi; k++) {
		const struct row *r = kwin_row(kw, k);
		if (!r || r->id != id_at(k))
			return false;
	}
	return true;
}

/* Showing the top of the list reads the rows on screen, not two pages of
 * them: the first drawing, and Home from the end; the rows below come as
 * the cursor reaches them, the list's own. */
static void test_top_rows(struct app *app)
{
	struct fake f = { 0 };
	struct kwin kw;
	kwin_init(&kw, &ops, &f);
	kwin_fit(app, &kw, 20);
	CHECK_INT(f.rows_read, 20);
	CHECK(rows_are_list(&kw, 0, 20));
	for (int i = 0; i < 25; i++) {   /* past the screen's last row */
		CHECK_INT(kwin_handle(app, &kw, ACT_MOVE_DOWN), UI_VIEW);
		kwin_fit(app, &kw, 20);
	}
	CHECK_INT(cur_id(&kw), id_at(25));
	CHECK(rows_are_list(&kw, kw.list.top, kw.list.top + 20));
	CHECK_INT(kwin_handle(app, &kw, ACT_MOVE_LAST), UI_VIEW);
	kwin_fit(app, &kw, 20);
	CHECK_INT(cur_id(&kw), id_at(N - 1));
	f.rows_read = 0;
	CHECK_INT(kwin_handle(app, &kw, ACT_MOVE_FIRST), UI_VIEW);
	kwin_fit(app, &kw, 20);
	CHECK_INT(f.rows_read, 20);
	CHECK_INT(cur_id(&kw), 2);
	CHECK(rows_are_list(&kw, 0, 20));
	CHECK_INT(kwin_handle(app, &kw, ACT_MOVE_PAGE_DOWN), UI_VIEW);
	kwin_fit(app, &kw, 20);
	CHECK(rows_are_list(&kw, kw.list.top, kw.list.top + 20));
	/* a record wanted on the second page is still found in the pages read */
	kwin_select(&kw, id_at(150));
	kwin_reload(app, &kw, true);
	kwin_fit(app, &kw, 20);
	CHECK_INT(cur_id(&kw), id_at(150));
	kwin_free(&kw);
}

int main(void)
{
	struct app app;
	memset(&app, 0, sizeof app);
	test_locate(&app);
	test_none(&app);
	test_prepare(&app);
	test_top_rows(&app);
	return check_report("test_kwin");
}
