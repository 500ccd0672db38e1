/* Báo cáo: the periodic CCHC report as it will be sent. The period (K: this
 * year's and last year's quarters, 6 and 9 months and year, or FROM..TO
 * typed; at first the next one due) with its data range and send deadline;
 * the report laid out as text (report_build, doc_render txt) in a preview
 * that scrolls with the movement keys (← → sideways, for an annex table wider
 * than the window); the clerk's own text per section
 * (e: the sections, ✓ for those written; Enter edits one in the multi-line
 * editor, saved with report_note_set); export (p) to docx, xlsx, md, html,
 * txt or a folder of csv files.
 *
 * The preview is built when first shown and again after the period
 * changes, a note is saved or any record changes. A year's report at scale
 * takes a while: "Đang lập báo cáo…" is drawn first, and an export draws
 * "Đang ghi tệp…" and tells the time it took when that was more than a
 * moment. */
#include <config.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "core/calendar.h"
#include "core/report.h"
#include "core/settings.h"
#include "text/utf8.h"
#include "ui/app.h"
#include "ui/choice.h"
#include "ui/list.h"
#include "ui/register_forms.h"
#include "ui/term.h"
#include "ui/textedit.h"
#include "util/platform.h"

#define PREVIEW_W 78   /* the columns of doc_render's txt */

struct rv {
	struct period period;
	bool have_period;
	/* The preview, sanitised: one text of lines, line i at text.s +
	 * off[i] (its end at off[i + 1] - 1), rendered from doc as far as the
	 * clerk has scrolled (doc_txt_next), the rest when scrolled to. */
	struct sbuf text;
	size_t *off;
	int nlines, cap;
	int nfixed;               /* the lines before the report (settings missing) */
	struct doc doc;
	struct doc_txt *txt;      /* the rendering, NULL once whole (or none) */
	bool end_wanted;          /* End pressed before the whole was rendered */
	int nwritten, nsections;  /* notes written for the period */
	bool built;               /* asked for: done, or pending */
	bool pending;             /* put off until the keyboard is idle */
	int budget;               /* SQLite progress ticks the first try may take */
	unsigned version;         /* app->data_version when built */
	struct list scroll;
	int widest;               /* columns of the widest line (a wide annex table) */
	int hoff;                 /* columns scrolled to the right (← →) */
	char *scroll_to;          /* after a note is saved: its first line */
	int fmt;                  /* the export format being asked, index in formats */
	int section;              /* the section last edited */
};

static const enum action rv_hints[] = {
	ACT_HELP, ACT_REPORT_PERIOD, ACT_REPORT_NOTES, ACT_REPORT_EXPORT, ACT_MOVE_PAGE_DOWN,
	ACT_QUIT, ACT_NONE
};

/* Tells the clerk that something slow is under way: the message in the
 * status line (and in body, when given), on the terminal at once. */
static void progress(const struct rect *body, const char *msg)
{
	attr_t n = theme_attr(EL_NOTICE);
	if (body) {
		draw_fill_rect(*body, theme_attr(EL_TEXT));
		draw_text_clip(body->y + body->h / 2, 2, body->w - 4, msg, theme_attr(EL_TEXT));
	}
	draw_fill(LINES - 1, 0, COLS, n);
	draw_text_clip(LINES - 1, 1, COLS - 2, msg, n);
	refresh();
}

static int cutoff(struct app *app)
{
	return settings_get_int(app->db, "period.cutoff_day", 15);
}

/* ---- the preview ---- */

static void lines_clear(struct rv *v)
{
	sbuf_trunc(&v->text, 0);
	v->nlines = 0;
	v->widest = 0;
}

static const char *line_at(const struct rv *v, int i)
{
	return v->text.s + v->off[i];
}

static void add_line(struct rv *v, const char *s, size_t n)
{
	if (v->nlines + 1 >= v->cap) {
		v->cap = v->cap ? v->cap * 2 : 256;
		v->off = xrealloc(v->off, (size_t)v->cap * sizeof *v->off);
	}
	char *raw = xstrndup(s, n), *clean = text_sanitize(raw);
	v->off[v->nlines] = v->text.len;
	sbuf_addn(&v->text, clean, strlen(clean) + 1);   /* with its NUL */
	v->off[++v->nlines] = v->text.len;
	int w = text_width(clean);
	v->widest = w > v->widest ? w : v->widest;
	free(clean);
	free(raw);
}

static void split_lines(struct rv *v, const char *s)
{
	/* a form feed (the page before the annex) is a line break here, not
	 * a character to show as "�" */
	while (*s) {
		size_t n = strcspn(s, "\n\f");
		add_line(v, s, n > 0 && s[n - 1] == '\r' ? n - 1 : n);
		s += n + (s[n] == '\n' || s[n] == '\f');
	}
}

/* Renders the next piece of the report into lines; false when the whole
 * is there (the blank lines at its end then dropped, as the txt file
 * has none). */
static bool render_piece(struct rv *v)
{
	if (!v->txt)
		return false;
	struct sbuf b = SBUF_INIT;
	bool more = doc_txt_next(v->txt, &b);
	if (b.s)
		split_lines(v, b.s);
	sbuf_free(&b);
	if (more)
		return true;
	doc_txt_close(v->txt);
	v->txt = NULL;
	doc_free(&v->doc);
	pf_memory_release();   /* the model's thousands of cells, freed among the lines */
	while (v->nlines > v->nfixed && !*line_at(v, v->nlines - 1))
		v->nlines--;
	v->text.len = v->off[v->nlines];
	return false;
}

/* Renders until n lines are there or the whole is. */
static void render_to(struct rv *v, int n)
{
	while (v->nlines < n && render_piece(v))
		;
	v->scroll.n = v->nlines;
}

static double seconds_since(const struct timespec *t0);

/* Renders for about budget seconds (a small report whole whatever the
 * clock says), or to the end when budget is 0 (screen tests: the same
 * dump on every machine, however slow); true when the whole is there. */
static bool render_within(struct rv *v, double budget)
{
	enum { AT_LEAST = 8 };
	struct timespec t0;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	bool more = true;
	for (int i = 0; more && (!budget || i < AT_LEAST || seconds_since(&t0) < budget); i++)
		more = render_piece(v);
	v->scroll.n = v->nlines;
	return !more;
}

static const char rendering_msg[] = "Đang lập báo cáo… (đến cuối khi lập xong)";

/* The rest of a long report, while no key is typed; End pressed meanwhile
 * goes to its end once it is there (and the line saying it is being made
 * goes). */
static bool render_later(struct app *app, void *ctx)
{
	enum { RELEASE_EVERY = 512 };   /* pieces: about 4,000 table rows */
	struct rv *v = ctx;
	for (int n = 1; !term_key_waiting(app->term); n++) {
		if (n % RELEASE_EVERY == 0)   /* the rows rendered, freed among the lines */
			pf_memory_release();
		if (!render_piece(v)) {
			v->scroll.n = v->nlines;
			if (v->end_wanted)
				list_scroll(&v->scroll, ACT_MOVE_LAST);
			if (app->status && strcmp(app->status, rendering_msg) == 0) {
				free(app->status);
				app->status = NULL;
			}
			v->end_wanted = false;
			return true;
		}
	}
	v->scroll.n = v->nlines;
	return false;
}

/* The widest line the tables will make once rendered: the preview is
 * placed (and scrolls sideways) as for the whole report from the start. */
static void widest_tables(struct rv *v)
{
	for (int i = 0; i < v->doc.nblocks; i++)
		if (v->doc.blocks[i].kind == DOC_TABLE_BLOCK && v->doc.blocks[i].table.nrows > 0) {
			int w = doc_txt_table_width(&v->doc.blocks[i].table);
			v->widest = w > v->widest ? w : v->widest;
		}
}

static void count_notes(struct app *app, struct rv *v)
{
	v->nwritten = v->nsections = 0;
	for (const struct report_section *s = report_sections; s->key; s++) {
		char *t = NULL;
		struct cchc_err err;
		v->nsections++;
		if (report_note_get(app->db, v->period.code, s->key, &t, &err) == CCHC_OK && *t)
			v->nwritten++;
		free(t);
	}
}

/* The line where the saved note starts: the first whose words begin it. */
static void find_note(struct rv *v)
{
	char *want = text_squeeze(v->scroll_to);
	for (int i = 0; *want && (render_to(v, i + 1), i < v->nlines); i++) {
		char *got = text_squeeze(line_at(v, i));
		size_t n = strlen(got);
		bool hit = n && strncmp(want, got, n) == 0 && (n >= 12 || n == strlen(want));
		free(got);
		if (hit) {
			v->scroll.top = i > 2 ? i - 2 : 0;
			break;
		}
	}
	free(want);
	free(v->scroll_to);
	v->scroll_to = NULL;
}

/* "org.name (đang là chữ in hoa), report.to" as the settings screen names
 * them: "Tên cơ quan (đang là chữ in hoa), Kính gửi". */
static void setting_labels(const char *keys, struct sbuf *out)
{
	for (const char *p = keys; *p;) {
		const char *end = strstr(p, ", ");
		size_t n = end ? (size_t)(end - p) : strlen(p), k = strcspn(p, " ");
		k = k < n ? k : n;
		const char *label = NULL;
		for (const struct setting_shown *r = settings_shown; r->key && !label; r++)
			if (strlen(r->key) == k && strncmp(r->key, p, k) == 0)
				label = r->label;
		if (label)
			sbuf_addf(out, "%s%.*s", label, (int)(n - k), p + k);
		else
			sbuf_addn(out, p, n);
		if (!end)
			break;
		sbuf_add(out, ", ");
		p = end + 2;
	}
}

/* Lays the report out (report_build) and renders what the first screen
 * shows; the rest is rendered as the clerk scrolls. False when a key
 * typed stopped it (its queries interrupted): to do again. */
static bool build(struct app *app, struct rv *v)
{
	struct cchc_err err = { 0 };
	doc_txt_close(v->txt);
	v->txt = NULL;
	doc_free(&v->doc);
	doc_init(&v->doc);
	struct report_opts o = { 0 };
	int rc = report_build(app->db, &v->period, &o, &v->doc, &err);
	app_release_memory(app);   /* the figures it was laid out from, freed among the model */
	if (rc && (v->budget < 0 || term_key_waiting(app->term))) {
		doc_free(&v->doc);
		return false;
	}
	lines_clear(v);
	/* what the document still lacks, said before the first export */
	char *missing = report_missing_settings(app->db);
	if (*missing) {
		struct sbuf m = SBUF_INIT;
		sbuf_add(&m, "Chưa đặt: ");
		setting_labels(missing, &m);
		sbuf_add(&m, ".");
		add_line(v, m.s, m.len);
		static const char how[] = "Đặt ở màn Thiết lập (F10)";
		add_line(v, how, sizeof how - 1);
		add_line(v, "", 0);
		sbuf_free(&m);
	}
	free(missing);
	v->nfixed = v->nlines;
	v->end_wanted = false;
	if (rc) {
		app_message(app, true, "Chưa lập được báo cáo: %s", err.msg);
		add_line(v, "", 0);
		doc_free(&v->doc);
	} else {
		v->txt = doc_txt_open_consuming(&v->doc);
		widest_tables(v);
	}
	render_to(v, v->scroll.top + LINES + 1);
	if (v->scroll_to)
		find_note(v);
	return true;
}

/* The work the preview may do before the screen is first drawn: ticks of
 * 1,000 SQLite instructions (about 3 ms at a province's size, with the
 * screen drawn within the 5 ms a key may take; a year's report at
 * 1,000,000 dossiers takes 4,000, the 9 MB sample 80, both made at idle;
 * the screen tests' reports take 7). */
enum { FIRST_TRY_TICKS = 10 };

static int over_budget(void *ctx)
{
	struct rv *v = ctx;
	return --v->budget < 0;
}

static bool build_later(struct app *app, void *ctx)
{
	struct rv *v = ctx;
	if (!build(app, v))
		return false;
	v->pending = false;
	return true;
}

/* Asks for the preview: the screen is drawn at once, saying the report is
 * being made, and the report is made when no key is waiting (a year at a
 * province's size takes a while); a key typed meanwhile is served first. */
static void start_build(struct app *app, struct rv *v)
{
	doc_txt_close(v->txt);
	v->txt = NULL;
	doc_free(&v->doc);
	lines_clear(v);
	v->scroll.n = 0;
	v->end_wanted = false;
	count_notes(app, v);
	v->built = true;
	v->version = app->data_version;
	/* a small report is there at once; a year at a province's size (more
	 * than so much work for SQLite, whatever the clock) is put off */
	const char *ticks = getenv("CCHC_PREVIEW_TICKS");  /* tests: the idle path */
	v->budget = ticks && *ticks ? atoi(ticks) : FIRST_TRY_TICKS;
	sqlite3_progress_handler(app->db->h, 1000, over_budget, v);
	v->pending = !build(app, v);
	sqlite3_progress_handler(app->db->h, 0, NULL, NULL);
	v->budget = 0;
	if (v->pending)
		app_later(app, build_later, v);
}

/* ---- the period ---- */

static void default_period(struct app *app, struct rv *v)
{
	struct ymd today, deadline;
	struct cchc_err err;
	if (date_today(&today, &err) != CCHC_OK)
		today = (struct ymd){ 2026, 1, 1 };
	if (!report_next_due(app->db, today, &v->period, &deadline))
		period_containing(today, PERIOD_YEAR, cutoff(app), &v->period);
	v->have_period = true;
}

static int set_period(struct app *app, struct rv *v, const struct period *p)
{
	v->period = *p;
	v->have_period = true;
	v->built = false;
	v->scroll.top = 0;
	return UI_ALL;
}

/* "15/12/2025–14/03/2026, hạn gửi 16/03/2026" */
static void period_range(struct app *app, const struct period *p, struct sbuf *out)
{
	char from[11], to[11], due[11];
	struct ymd dl;
	date_format_vn(p->from, from);
	date_format_vn(p->to, to);
	sbuf_addf(out, "%s–%s", from, to);
	if (report_deadline(app->db, p, &dl)) {
		date_format_vn(dl, due);
		sbuf_addf(out, ", hạn gửi %s", due);
	}
}

static int custom_done(struct app *app, void *ctx, const char *text)
{
	char *t = text_squeeze(text);
	struct period p;
	struct cchc_err err = { 0 };
	int r = UI_ALL;
	if (!*t)
		app_message(app, true, "Chưa đổi kỳ: cần khoảng ngày TỪ..ĐẾN");
	else if (period_parse(t, cutoff(app), &p, &err))
		app_message(app, true, "%s", err.msg);
	else
		r = set_period(app, ctx, &p);
	free(t);
	return r;
}

static int period_chosen(struct app *app, void *ctx, int64_t id, const char *value)
{
	struct rv *v = ctx;
	if (id < 0) {
		static const struct prompt_ops ops = { .done = custom_done };
		return app_modal_open(app, prompt_open_with("Kỳ báo cáo TỪ..ĐẾN (ví dụ "
							    "01/01/2026..30/06/2026):",
							    v->period.kind == PERIOD_CUSTOM ?
							    v->period.code : NULL, &ops, v));
	}
	struct period p;
	struct cchc_err err = { 0 };
	if (period_parse(value, cutoff(app), &p, &err)) {
		app_message(app, true, "%s", err.msg);
		return UI_ALL;
	}
	return set_period(app, v, &p);
}

/* The named periods of this year and the last, in the order reports are
 * sent, then "khác…" (FROM..TO). */
static const struct {
	const char *suffix, *name;
} kinds[] = {
	{ "-Q1", "quý I" }, { "-H1", "6 tháng" }, { "-Q3", "quý III" }, { "-9M", "9 tháng" },
	{ "", "cả năm" }, { "-Q2", "quý II" }, { "-Q4", "quý IV" },
};
#define NKINDS ((int)(sizeof kinds / sizeof kinds[0]))

static int choose_period(struct app *app, struct rv *v)
{
	if (!v->have_period)
		default_period(app, v);
	struct choice_item items[2 * NKINDS + 1];
	char codes[2 * NKINDS][16];
	struct sbuf labels[2 * NKINDS];
	int n = 0, cut = cutoff(app);
	int64_t cur = -1;
	for (int y = 0; y < 2; y++)
		for (int k = 0; k < NKINDS; k++, n++) {
			struct period p;
			struct cchc_err err;
			snprintf(codes[n], sizeof codes[n], "%d%s", v->period.year - y, kinds[k].suffix);
			labels[n] = (struct sbuf)SBUF_INIT;
			if (period_parse(codes[n], cut, &p, &err) == CCHC_OK) {
				sbuf_addf(&labels[n], "%s: ", kinds[k].name);
				period_range(app, &p, &labels[n]);
				cur = strcmp(p.code, v->period.code) == 0 ? n : cur;
			}
			items[n] = (struct choice_item){ n, codes[n], labels[n].s };
		}
	items[n] = (struct choice_item){ -1, "khác…", "tự gõ khoảng ngày TỪ..ĐẾN" };
	struct modal *m = choice_open("Chọn kỳ báo cáo", items, n + 1, period_chosen, v);
	choice_select(m, cur);
	for (int i = 0; i < n; i++)
		sbuf_free(&labels[i]);
	return app_modal_open(app, m);
}

/* ---- the clerk's text ---- */

struct note_ctx {
	struct rv *v;
	int section;
	char code[32];
};

static int note_save(struct app *app, void *ctx, const char *text)
{
	struct note_ctx *n = ctx;
	const struct report_section *s = &report_sections[n->section];
	struct cchc_err err = { 0 };
	if (report_note_set(app->db, n->code, s->key, text, &err)) {
		app_message(app, true, "Chưa lưu: %s", err.msg);
		return -1;
	}
	app->data_version++;
	n->v->built = false;
	free(n->v->scroll_to);
	n->v->scroll_to = xstrndup(text, strcspn(text, "\n"));
	app_message(app, false, *text ? "Đã lưu nội dung mục %s" : "Đã xóa nội dung mục %s",
		    s->title);
	return UI_ALL;
}

static int section_chosen(struct app *app, void *ctx, int64_t id, const char *value)
{
	static const struct textedit_ops ops = { note_save, free };
	struct rv *v = ctx;
	const struct report_section *s = &report_sections[id];
	char *text = NULL;
	struct cchc_err err = { 0 };
	if (report_note_get(app->db, v->period.code, s->key, &text, &err)) {
		app_message(app, true, "%s", err.msg);
		return UI_ALL;
	}
	struct note_ctx *n = xcalloc(1, sizeof *n);
	n->v = v;
	n->section = v->section = (int)id;
	snprintf(n->code, sizeof n->code, "%s", v->period.code);
	char hint[160];
	snprintf(hint, sizeof hint, "Báo cáo %s; mỗi dòng là một đoạn; để trống rồi lưu: xóa",
		 v->period.label);
	int r = app_modal_open(app, textedit_open(s->title, hint, text, &ops, n));
	free(text);
	return r;
}

/* The sections, ✓ before those written, the note's first line after. */
static int choose_section(struct app *app, struct rv *v)
{
	struct choice_item items[32] = { { 0 } };
	char *texts[32], marks[32][192];
	int n = 0;
	for (const struct report_section *s = report_sections; s->key && n < 32; s++, n++) {
		struct cchc_err err;
		texts[n] = NULL;
		if (report_note_get(app->db, v->period.code, s->key, &texts[n], &err) != CCHC_OK)
			texts[n] = xstrdup("");
		texts[n][strcspn(texts[n], "\n")] = '\0';
		snprintf(marks[n], sizeof marks[n], "%s %s", *texts[n] ? "✓" : " ", s->title);
		items[n] = (struct choice_item){ n, marks[n], texts[n] };
	}
	struct modal *m = choice_open("Nội dung của Văn phòng: chọn mục (✓ đã viết)", items, n,
				      section_chosen, v);
	choice_select(m, v->section);
	for (int i = 0; i < n; i++)
		free(texts[i]);
	return app_modal_open(app, m);
}

/* ---- export ---- */

static const struct {
	enum doc_format fmt;
	const char *ext, *label;
} formats[] = {
	{ DOC_DOCX, "docx", "Word: báo cáo theo thể thức, để ký và gửi" },
	{ DOC_XLSX, "xlsx", "Excel: các biểu, mỗi biểu một trang tính" },
	{ DOC_MD, "md", "Markdown" },
	{ DOC_HTML, "html", "trang web, để xem và in (khổ A4)" },
	{ DOC_TXT, "txt", "văn bản thường" },
	{ DOC_CSV, "csv", "một thư mục, mỗi biểu một tệp CSV (mở bằng Excel)" },
};
#define NFORMATS ((int)(sizeof formats / sizeof formats[0]))

static double seconds_since(const struct timespec *t0)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)(t.tv_sec - t0->tv_sec) + (double)(t.tv_nsec - t0->tv_nsec) / 1e9;
}

/* The report of the period into path (flags: may it replace a file); the
 * error in err. */
static int write_report(struct app *app, struct rv *v, const char *path, int flags,
			struct cchc_err *err)
{
	struct doc d;
	doc_init(&d);
	struct report_opts o = { 0 };
	int rc = report_build(app->db, &v->period, &o, &d, err);
	if (!rc)
		rc = doc_write(&d, formats[v->fmt].fmt, path, NULL, flags, err);
	doc_free(&d);
	return rc;
}

/* Writes the report to path (typed as the clerk typed it) and says how it
 * went. */
static int export_to(struct app *app, void *ctx, const char *path, const char *typed, int flags)
{
	struct rv *v = ctx;
	struct cchc_err err = { 0 };
	struct timespec t0;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	progress(NULL, "Đang ghi tệp…");
	int rc = write_report(app, v, path, flags, &err);
	double s = seconds_since(&t0);
	char took[48] = "";
	if (s >= 1.0)
		snprintf(took, sizeof took, " (%d,%d giây)", (int)s, (int)(s * 10) % 10);
	if (rc == CCHC_ECANCEL)   /* stopped (Esc): the message says the target is as it was */
		app_message(app, false, "%s", err.msg);
	else if (rc)
		app_message(app, true, "Chưa ghi được: %s", err.msg);
	else
		app_message(app, false, "Đã ghi báo cáo %s vào %s%s", v->period.label, typed, took);
	return UI_ALL;
}

static int export_done(struct app *app, void *ctx, const char *text)
{
	return rf_write_typed(app, text, "Chưa ghi", export_to, ctx);
}

/* ~/bao-cao-cchc-<period code>.<ext>; for csv a folder, ending with "/". */
static void default_path(const struct rv *v, struct sbuf *out)
{
	sbuf_add(out, "~/bao-cao-cchc-");
	for (const char *c = v->period.code; *c; c++)
		sbuf_addc(out, (*c >= '0' && *c <= '9') || (*c >= 'A' && *c <= 'Z') ||
			  (*c >= 'a' && *c <= 'z') ? *c : '-');
	if (formats[v->fmt].fmt == DOC_CSV)
		sbuf_add(out, "/");
	else
		sbuf_addf(out, ".%s", formats[v->fmt].ext);
}

static int format_chosen(struct app *app, void *ctx, int64_t id, const char *value)
{
	static const struct prompt_ops ops = { .done = export_done };
	struct rv *v = ctx;
	v->fmt = (int)id;
	struct sbuf b = SBUF_INIT;
	default_path(v, &b);
	int r = app_modal_open(app, prompt_open_with(formats[v->fmt].fmt == DOC_CSV ?
						     "Ghi các biểu vào thư mục:" :
						     "Ghi báo cáo vào tệp:", b.s, &ops, v));
	sbuf_free(&b);
	return r;
}

static int choose_format(struct app *app, struct rv *v)
{
	struct choice_item items[NFORMATS];
	for (int i = 0; i < NFORMATS; i++)
		items[i] = (struct choice_item){ i, formats[i].ext, formats[i].label };
	struct modal *m = choice_open("Xuất báo cáo: chọn định dạng", items, NFORMATS,
				      format_chosen, v);
	choice_select(m, v->fmt);
	return app_modal_open(app, m);
}

/* ---- the screen ---- */

static void *rv_open(struct app *app)
{
	return xcalloc(1, sizeof(struct rv));
}

static void rv_close(void *st)
{
	struct rv *v = st;
	doc_txt_close(v->txt);
	doc_free(&v->doc);
	sbuf_free(&v->text);
	free(v->off);
	free(v->scroll_to);
	free(v);
}

static void draw_head(struct app *app, struct rv *v, struct rect r)
{
	attr_t t = theme_attr(EL_TITLE), h = theme_attr(EL_LIST_HEADER);
	struct sbuf b = SBUF_INIT;
	char notes[64];
	snprintf(notes, sizeof notes, "đã viết %d/%d mục", v->nwritten, v->nsections);
	draw_fill(r.y, 0, r.w, t);
	sbuf_addf(&b, "Báo cáo CCHC %s (%s)", v->period.label, v->period.code);
	int used = draw_text_clip(r.y, 1, r.w - 2, b.s, t | A_BOLD);
	if (used + text_width(notes) + 4 < r.w)
		draw_text(r.y, r.w - 1 - text_width(notes), text_width(notes), notes, t);
	sbuf_trunc(&b, 0);
	sbuf_add(&b, "Số liệu ");
	period_range(app, &v->period, &b);
	draw_fill(r.y + 1, 0, r.w, h);
	draw_text_clip(r.y + 1, 1, r.w - 2, b.s, h);
	sbuf_free(&b);
}

static void rv_draw(struct app *app, void *st, struct rect r)
{
	struct rv *v = st;
	if (!v->have_period)
		default_period(app, v);
	if (!v->built || v->version != app->data_version)
		start_build(app, v);
	draw_fill_rect(r, theme_attr(EL_TEXT));
	draw_head(app, v, r);
	if (v->pending) {
		/* another screen's work put off may have taken the idle time */
		if (app->later_ctx != v)
			app_later(app, build_later, v);
		draw_text_clip(r.y + r.h / 2, 2, r.w - 4, "Đang lập báo cáo…", theme_attr(EL_TEXT));
		return;
	}
	render_to(v, v->scroll.top + r.h - 2 + 1);
	v->scroll.cur = v->scroll.top;
	list_fit(&v->scroll, r.h - 2);
	int x = r.w > PREVIEW_W + 2 ? (r.w - PREVIEW_W) / 2 : 1;
	/* a table wider than the window (Biểu 4: 13 figures a row) scrolls
	 * sideways; the text keeps its place when the whole fits */
	if (v->widest > r.w - 2)
		x = 1;
	int room = r.w - x - 1, most = v->widest > room ? v->widest - room : 0;
	v->hoff = v->hoff > most ? most : v->hoff < 0 ? 0 : v->hoff;
	int shown = 0;            /* the widest line on the screen */
	for (int i = 0; i < v->scroll.height && v->scroll.top + i < v->nlines; i++) {
		const char *line = line_at(v, v->scroll.top + i);
		int w = text_width(line), skipped = 0;
		shown = w > shown ? w : shown;
		line += text_fit(line, v->hoff, &skipped);
		draw_text(r.y + 2 + i, x + (skipped < v->hoff), room, line, theme_attr(EL_TEXT));
	}
	/* arrows where more of what is on the screen lies to either side */
	if (v->hoff > 0 && shown > 0)
		draw_text(r.y + 2, 0, 1, "←", theme_attr(EL_BORDER));
	if (shown - v->hoff > room)
		draw_text(r.y + 2, r.w - 1, 1, "→", theme_attr(EL_BORDER));
	if (v->scroll.top + v->scroll.height < v->nlines)
		draw_text(r.y + r.h - 1, r.w - 1, 1, "↓", theme_attr(EL_BORDER));
}

/* What End may render before the screen is drawn: 1 ms (the screen
 * itself takes 1 to 2 ms more at 120 columns; a key may take 5). */
#define END_BUDGET 0.001

/* Before a movement: the lines it may show rendered; End on a report
 * too long to render at once goes as far as there is, says so, and on to
 * the end when the rest is rendered (at idle, stopped by a key). */
static void before_scroll(struct app *app, struct rv *v, enum action a)
{
	v->end_wanted = false;
	if (a == ACT_MOVE_LAST) {
		bool test = app->opt->script && !app->opt->timing;
		if (v->txt && !render_within(v, test ? 0 : END_BUDGET)) {
			v->end_wanted = true;
			app_later(app, render_later, v);
			app_message(app, false, "%s", rendering_msg);
		}
		return;
	}
	render_to(v, v->scroll.top + 2 * v->scroll.height + 1);
}

static int rv_handle(struct app *app, void *st, enum action a)
{
	struct rv *v = st;
	struct list probe = v->scroll;
	if (list_scroll(&probe, a)) {
		before_scroll(app, v, a);
		list_scroll(&v->scroll, a);
		return v->end_wanted ? UI_ALL : UI_VIEW;
	}
	switch (a) {
	case ACT_TEXT_LEFT: v->hoff -= 16; return UI_VIEW;
	case ACT_TEXT_RIGHT: v->hoff += 16; return UI_VIEW;
	case ACT_REPORT_PERIOD: return choose_period(app, v);
	case ACT_REPORT_NOTES: return choose_section(app, v);
	case ACT_REPORT_EXPORT: return choose_format(app, v);
	default: return UI_NONE;
	}
}

/* "report-next": the next report due (the home screen's line). */
static int rv_go(struct app *app, void *st, const char *kind, int64_t id, int64_t plan_id)
{
	if (strcmp(kind, "report-next") != 0)
		return -1;
	default_period(app, st);
	return set_period(app, st, &((struct rv *)st)->period);
}

const struct view_class view_report = {
	.name = "report",
	.title = "Báo cáo",
	.hints = rv_hints,
	.open = rv_open,
	.close = rv_close,
	.draw = rv_draw,
	.handle = rv_handle,
	.go = rv_go,
};
