/* The report laid out as a document: the outline of DOMAIN.md §8, each
 * section's sentences from the figures, the clerk's notes, and the annex
 * tables (Biểu 1..7) that the xlsx and csv writers take one per sheet/file. */
#include <config.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/demo.h"
#include "core/report.h"
#include "core/settings.h"
#include "text/fold.h"
#include "text/utf8.h"
#include "util/progress.h"
#include "util/sbuf.h"

struct builder {
	struct db *db;
	struct doc *d;
	const struct report_figures *f;
	struct cchc_err *err;
	char *org, *short_name;  /* org.name ("Sở Công Thương"), org.short ("Sở") */
	char *number;            /* "05/BC-SCT", or "      /BC-SCT" to be filled at issue */
	struct ymd date;         /* the report's date */
	bool decree_cited;       /* the one-stop decree was cited once, with its date */
};

static void para(struct builder *b, const char *fmt, ...) CCHC_PRINTF(2, 3);
static void para(struct builder *b, const char *fmt, ...)
{
	struct sbuf s = SBUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	sbuf_vaddf(&s, fmt, ap);
	va_end(ap);
	doc_text(b->d, DOC_BODY, DOC_JUSTIFY, 0, s.s ? s.s : "");
	sbuf_free(&s);
}

static void heading(struct builder *b, enum doc_style level, const char *text)
{
	doc_text(b->d, level, DOC_JUSTIFY, DOC_BOLD, text);
}

static void vn(const char *iso, char out[11])
{
	struct ymd d;
	out[0] = 0;
	if (*iso && date_parse_iso(iso, &d))
		date_format_vn(d, out);
}

/* ", đạt 41,33%" — or nothing when there is no whole to measure against:
 * a rate of nothing is no rate, never "0,00%". */
static void rate_phrase(int64_t part, int64_t whole, char out[48])
{
	char pct[16];
	report_percent(part, whole, pct);
	if (whole > 0)
		snprintf(out, 48, ", đạt %s%%", pct);
	else
		out[0] = 0;
}

/* The clerk's note for a section, one paragraph per line; *said tells
 * whether it had any text. */
static int note_said(struct builder *b, const char *key, const char *if_empty, bool *said)
{
	char *text;
	if (report_note_get(b->db, b->f->period.code, key, &text, b->err))
		return b->err->code;
	*said = false;
	if (!*text && if_empty)
		para(b, "%s", if_empty);
	for (char *line = text, *next; *line; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = 0;
		else
			next = line + strlen(line);
		if (!text_is_blank(line, strlen(line))) {
			para(b, "%s", line);
			*said = true;
		}
	}
	free(text);
	return CCHC_OK;
}

static int note(struct builder *b, const char *key, const char *if_empty)
{
	bool said;
	return note_said(b, key, if_empty, &said);
}

/* ------------------------------------------------------------ I */

/* A value with two decimals and the decimal comma. */
static void decimal(double v, char out[32])
{
	snprintf(out, 32, "%.2f", v);
	char *dot = strchr(out, '.');
	if (dot)
		*dot = ',';
}

static const struct {
	const char *idx, *name, *unit, *diff_unit;
} index_names[] = { { "par", "Chỉ số cải cách hành chính (PAR INDEX)", "%", " điểm %" },
		    { "sipas", "Chỉ số hài lòng của người dân, tổ chức (SIPAS)", "%", " điểm %" },
		    { "papi", "Chỉ số PAPI", " điểm", " điểm" } };

static size_t index_kind(const char *idx)
{
	size_t i = 0;
	while (i < sizeof index_names / sizeof index_names[0] - 1 && strcmp(index_names[i].idx, idx))
		i++;
	return i;
}

/* "tăng 3,67 điểm %, tăng 2 bậc so với năm 2024" from the year before's
 * result x0 (NULL: none stored). */
static void index_change(const struct report_index *x, const struct report_index *x0,
			 char out[160])
{
	out[0] = 0;
	if (!x0)
		return;
	char v[32];
	double dv = x->value - x0->value;
	decimal(dv < 0 ? -dv : dv, v);
	size_t k = index_kind(x->idx);
	int n = snprintf(out, 160, "%s%s%s", dv > 0.004 ? "tăng " : dv < -0.004 ? "giảm " : "không đổi",
			 dv > 0.004 || dv < -0.004 ? v : "",
			 dv > 0.004 || dv < -0.004 ? index_names[k].diff_unit : "");
	if (x->rank && x0->rank && x->rank != x0->rank && n > 0 && n < 160)
		n += snprintf(out + n, 160 - (size_t)n, ", %s %d bậc", x->rank < x0->rank ? "tăng" : "giảm",
			      x->rank < x0->rank ? x0->rank - x->rank : x->rank - x0->rank);
	if (n > 0 && n < 160)
		snprintf(out + n, 160 - (size_t)n, " so với năm %d", x0->year);
}

/* The stored result of the same index the year before x, or NULL. */
static const struct report_index *index_before(const struct report_figures *f,
					       const struct report_index *x)
{
	for (int i = 0; i < f->nindices; i++)
		if (f->indices[i].year == x->year - 1 && strcmp(f->indices[i].idx, x->idx) == 0)
			return &f->indices[i];
	return NULL;
}

static void index_sentence(struct builder *b, const struct report_index *x)
{
	size_t k = index_kind(x->idx);
	char v[32], rank[48] = "", change[160];
	decimal(x->value, v);
	if (x->rank)
		snprintf(rank, sizeof rank, x->rank_of ? ", xếp thứ %d/%d" : ", xếp thứ %d", x->rank,
			 x->rank_of);
	index_change(x, index_before(b->f, x), change);
	para(b, "- %s năm %d: %s%s%s%s%s%s%s.", index_names[k].name, x->year, v, index_names[k].unit,
	     rank, *change ? "; " : "", change, *x->target ? "; mục tiêu: " : "", x->target);
}

/* Basis points of part/whole, rounded as the rate is printed. */
static long long basis_points(int64_t part, int64_t whole)
{
	return (long long)((10000.0 * (double)part / (double)whole) + 0.5);
}

/* One line of the annual comparison: "- Tỷ lệ ...: 41,33%, tăng 3,33 điểm %
 * so với năm 2025 (38,00%)." */
static void compare_line(struct builder *b, const char *what, int64_t part, int64_t whole,
			 int64_t part0, int64_t whole0)
{
	int year = b->f->period.year;
	char pct[16], pct0[16];
	report_percent(part, whole, pct);
	report_percent(part0, whole0, pct0);
	if (whole <= 0) {
		para(b, "- %s: năm %d chưa có số liệu.", what, year);
		return;
	}
	if (whole0 <= 0) {
		para(b, "- %s: %s%%; năm %d chưa có số liệu.", what, pct, year - 1);
		return;
	}
	long long d = basis_points(part, whole) - basis_points(part0, whole0);
	long long a = d < 0 ? -d : d;
	if (!d)
		para(b, "- %s: %s%%, bằng năm %d.", what, pct, year - 1);
	else
		para(b, "- %s: %s%%, %s %lld,%02lld điểm %% so với năm %d (%s%%).", what, pct,
		     d > 0 ? "tăng" : "giảm", a / 100, a % 100, year - 1, pct0);
}

static void year_comparison(struct builder *b)
{
	const struct report_figures *f = b->f;
	const struct report_rates *c = &f->cur, *p = &f->prev;
	if (!f->has_prev)
		return;
	para(b, "So sánh với năm %d:", f->period.year - 1);
	compare_line(b, "Tỷ lệ nhiệm vụ hoàn thành", c->tasks_done, c->tasks_total, p->tasks_done,
		     p->tasks_total);
	compare_line(b, "Tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn", c->dossiers_ok,
		     c->dossiers_resolved, p->dossiers_ok, p->dossiers_resolved);
	compare_line(b, "Tỷ lệ phản ánh, kiến nghị đã xử lý", c->feedback_handled,
		     c->feedback_total, p->feedback_handled, p->feedback_total);
}

static void indices(struct builder *b)
{
	const struct report_figures *f = b->f;
	/* a period report names the last two years; the annual report all */
	int first = f->period.kind == PERIOD_YEAR ? 0 : f->period.year - 1;
	bool any = false;
	for (int i = 0; i < f->nindices; i++) {
		if (f->indices[i].year < first)
			continue;
		if (!any)
			para(b, "Kết quả các chỉ số được công bố:");
		any = true;
		index_sentence(b, &f->indices[i]);
	}
}

static int section_direction(struct builder *b)
{
	const struct report_figures *f = b->f;
	char rate[48], to[11];
	heading(b, DOC_HEADING1, "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH");
	if (*f->plans)
		para(b, "Thực hiện %s, %s đã xác định các nhiệm vụ cải cách hành chính, đơn vị chủ "
		     "trì và thời hạn hoàn thành.", f->plans, b->short_name);
	vn(f->asof, to); /* the day the figures stand at: today, before the period ends */
	rate_phrase(f->tasks_done, f->tasks_total, rate);
	para(b, "Tính đến ngày %s, %s đã hoàn thành %lld/%lld nhiệm vụ%s; %lld nhiệm vụ "
	     "quá hạn chưa hoàn thành.", to, b->short_name, (long long)f->tasks_done,
	     (long long)f->tasks_total, rate, (long long)f->tasks_overdue);
	for (int i = 0; i < f->nareas; i++) {
		const struct report_area *a = &f->areas[i];
		if (!a->total)
			continue;
		rate_phrase(a->done, a->total, rate);
		para(b, "- %s: hoàn thành %lld/%lld nhiệm vụ%s.", a->title, (long long)a->done,
		     (long long)a->total, rate);
	}
	year_comparison(b);
	indices(b);
	return note(b, "chi-dao", NULL);
}

/* ------------------------------------------------------------ II */

/* The body names at most this many tasks per list; the annex has them all. */
#define LIST_MAX 15

static void finished_tasks(struct builder *b, int area)
{
	const struct report_figures *f = b->f;
	int n = 0;
	for (int i = 0; i < f->nfinished; i++) {
		const struct report_task *t = &f->finished[i];
		if (t->area != area)
			continue;
		if (!n++)
			para(b, "Các nhiệm vụ hoàn thành trong kỳ:");
		if (n > LIST_MAX)
			continue;
		char done[11];
		vn(t->done_on, done);
		para(b, "- %s (%s%shoàn thành ngày %s)%s%s.", t->title, t->unit, *t->unit ? ", " : "",
		     done, *t->evidence ? "; tài liệu kiểm chứng: " : "", t->evidence);
	}
	if (n > LIST_MAX)
		para(b, "- Và %d nhiệm vụ khác (xem Biểu 2).", n - LIST_MAX);
	const struct report_area *a = &f->areas[area];
	char rate[48];
	rate_phrase(a->done, a->total, rate);
	if (!n && a->total)
		para(b, "Trong kỳ chưa có nhiệm vụ nào thuộc lĩnh vực này hoàn thành; lũy kế hoàn "
		     "thành %lld/%lld nhiệm vụ%s.", (long long)a->done, (long long)a->total, rate);
	else if (a->total)
		para(b, "Lũy kế hoàn thành %lld/%lld nhiệm vụ%s.", (long long)a->done,
		     (long long)a->total, rate);
}

/* The decree on the one-stop mechanism in force at the period's end: its
 * first citation gives its date (NĐ 30), later ones the number only. */
static const char *decree(struct builder *b)
{
	bool old = strcmp(b->f->to, "2025-07-01") < 0;
	bool first = !b->decree_cited;
	b->decree_cited = true;
	if (old)
		return first ? "Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ"
			     : "Nghị định số 61/2018/NĐ-CP";
	return first ? "Nghị định số 118/2025/NĐ-CP ngày 09/6/2025 của Chính phủ"
		     : "Nghị định số 118/2025/NĐ-CP";
}

static void dossier_sentences(struct builder *b)
{
	const struct dossier_stats *s = &b->f->dossiers;
	char rate[16];
	if (!s->received_total) {
		para(b, "Trong kỳ, %s không có hồ sơ thủ tục hành chính phải giải quyết.",
		     b->short_name);
		return;
	}
	report_percent(s->resolved_early + s->resolved_on_time, s->resolved_total, rate);
	para(b, "Thực hiện cơ chế một cửa, một cửa liên thông theo %s, trong kỳ %s nhận giải quyết "
	     "%lld hồ sơ thủ tục hành chính (tiếp nhận trực tuyến %lld; trực tiếp và qua dịch vụ bưu "
	     "chính công ích %lld; kỳ trước chuyển sang %lld); đã giải quyết %lld hồ sơ (trước hạn "
	     "%lld, đúng hạn %lld, quá hạn %lld)%s%s%s; đang giải quyết %lld hồ sơ (trong hạn %lld, "
	     "quá hạn %lld).", decree(b), b->short_name, (long long)s->received_total,
	     (long long)s->received_online, (long long)s->received_offline,
	     (long long)s->received_carried, (long long)s->resolved_total,
	     (long long)s->resolved_early, (long long)s->resolved_on_time,
	     (long long)s->resolved_late, s->resolved_total ? ", tỷ lệ giải quyết đúng hạn đạt " : "",
	     s->resolved_total ? rate : "", s->resolved_total ? "%" : "",
	     (long long)s->pending_total, (long long)s->pending_in_time,
	     (long long)s->pending_overdue);
}

/* The day the apology form changed (Thông tư 03/2025/TT-VPCP): setting
 * letter.form_switch, ISO or dd/mm/yyyy, else 15/9/2025. */
static void form_switch(struct builder *b, char out[11])
{
	char *v = settings_get(b->db, "letter.form_switch");
	struct ymd d;
	int dd, mm, yy, n = 0;
	if (date_parse_iso(v, &d))
		date_format_iso(d, out);
	else if (sscanf(v, "%d/%d/%d%n", &dd, &mm, &yy, &n) == 3 && !v[n] && date_valid(yy, mm, dd))
		date_format_iso((struct ymd){ yy, mm, dd }, out);
	else
		snprintf(out, 11, "2025-09-15");
	free(v);
}

/* The apology form the period's letters are on, by their dates: the 2018
 * "phiếu xin lỗi và hẹn lại ngày trả kết quả" before the switch, the 2025
 * "văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết" from it. With
 * no letter the period's end decides. *unit is the word to count them by. */
static const char *form_name(struct builder *b, const char **unit, bool *mixed)
{
	const struct report_figures *f = b->f;
	char sw[11];
	form_switch(b, sw);
	int before = 0, after = 0;
	for (int i = 0; i < f->nletters; i++)
		*(strcmp(f->letter_list[i].letter_on, sw) < 0 ? &before : &after) += 1;
	bool new_form = after || (!before && strcmp(f->to, sw) >= 0);
	*mixed = before && after;
	*unit = new_form ? "văn bản" : "phiếu";
	return new_form ? "văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết"
			: "phiếu xin lỗi và hẹn lại ngày trả kết quả";
}

static void letter_sentences(struct builder *b)
{
	const struct letter_coverage *c = &b->f->letters;
	char share[48];
	if (!c->late_dossiers && !c->letters)
		return;
	const char *unit;
	bool mixed;
	const char *form = form_name(b, &unit, &mixed);
	rate_phrase(c->late_with_letter, c->late_dossiers, share);
	para(b, "Trong kỳ có %lld hồ sơ giải quyết quá hạn, trong đó %lld hồ sơ đã có %s%s%s%s%s; %s "
	     "đã ban hành %lld %s xin lỗi, %lld %s gửi đúng thời hạn, %lld %s gửi muộn.",
	     (long long)c->late_dossiers, (long long)c->late_with_letter, form,
	     mixed ? " (trước khi Thông tư số 03/2025/TT-VPCP có hiệu lực: phiếu xin lỗi và hẹn "
		     "lại ngày trả kết quả)" : "",
	     *share ? " (" : "", *share ? share + 2 : "", *share ? ")" : "", b->short_name, (long long)c->letters, unit,
	     (long long)(c->letters - c->letters_late), unit, (long long)c->letters_late, unit);
}
static void feedback_sentences(struct builder *b)
{
	const struct feedback_stats *s = &b->f->feedback;
	if (!s->received && !s->carried && !s->pending_total) {
		para(b, "Trong kỳ, %s không nhận được phản ánh, kiến nghị về quy định hành chính.",
		     b->short_name);
		return;
	}
	para(b, "Tiếp nhận %d phản ánh, kiến nghị (kỳ trước chuyển sang %d); đã xử lý %d (đúng hạn "
	     "%d, trễ hạn %d); đang xử lý %d (quá hạn %d); đã công khai kết quả xử lý %d.",
	     s->received, s->carried, s->handled_total, s->handled_on_time, s->handled_late,
	     s->pending_total, s->pending_overdue, s->published);
}

/* One reform area of part II: its tasks, the one-stop figures for TTHC,
 * the clerk's note; an area with nothing to say says so in a sentence,
 * never leaving its heading alone. */
static int area_result(struct builder *b, int i, int n)
{
	const struct report_area *a = &b->f->areas[i];
	bool tthc = strcmp(a->key, "tthc") == 0, said = false;
	struct sbuf h = SBUF_INIT;
	sbuf_addf(&h, "%d. %s", n, a->title);
	heading(b, DOC_HEADING2, h.s);
	sbuf_free(&h);
	finished_tasks(b, i);
	if (tthc) {
		dossier_sentences(b);
		letter_sentences(b);
		feedback_sentences(b);
	}
	if (report_section_find(a->key) && note_said(b, a->key, NULL, &said))
		return b->err->code;
	if (!a->total && !tthc && !said)
		para(b, "Trong kỳ, %s không có nhiệm vụ nào thuộc lĩnh vực này.", b->short_name);
	return CCHC_OK;
}

static int section_results(struct builder *b)
{
	const struct report_figures *f = b->f;
	heading(b, DOC_HEADING1, "II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH");
	int n = 0;
	for (int i = 0; i < f->nareas; i++) {
		const struct report_area *a = &f->areas[i];
		/* direction is part I; "other tasks" only when there are some */
		if (strcmp(a->key, "chi-dao") == 0 || (!a->total && !report_section_find(a->key)))
			continue;
		if (area_result(b, i, ++n))
			return b->err->code;
	}
	return CCHC_OK;
}

/* ------------------------------------------------------------ III, IV, V */

static void task_list(struct builder *b, const struct report_task *v, int n, bool overdue)
{
	for (int i = 0; i < n && i < LIST_MAX; i++) {
		char due[11];
		vn(v[i].due_on, due);
		para(b, "- %s (đơn vị chủ trì: %s; hạn %s%s).", v[i].title,
		     *v[i].unit ? v[i].unit : "chưa giao", due, overdue ? ", quá hạn" : "");
	}
	if (n > LIST_MAX)
		para(b, "- Và %d nhiệm vụ khác%s.", n - LIST_MAX, overdue ? " (xem Biểu 3)" : "");
}

/* The period after the report's, as part IV names it: "quý IV năm 2026"
 * after quý III, "năm 2027" after the year, "những tháng cuối năm 2026"
 * after 9 months; "kỳ tới" after a range of days. */
static void next_period_name(const struct period *p, char out[64])
{
	switch (p->kind) {
	case PERIOD_Q1: snprintf(out, 64, "quý II năm %d", p->year); break;
	case PERIOD_Q2: snprintf(out, 64, "quý III năm %d", p->year); break;
	case PERIOD_H1: snprintf(out, 64, "6 tháng cuối năm %d", p->year); break;
	case PERIOD_Q3: snprintf(out, 64, "quý IV năm %d", p->year); break;
	case PERIOD_9M: snprintf(out, 64, "những tháng cuối năm %d", p->year); break;
	case PERIOD_Q4: snprintf(out, 64, "quý I năm %d", p->year + 1); break;
	case PERIOD_YEAR: snprintf(out, 64, "năm %d", p->year + 1); break;
	default: snprintf(out, 64, "kỳ tới"); break;
	}
}

/* Recurring tasks whose passed occurrences went unreported: named as
 * missed reports, with the deadline of the occurrence in force. */
static void missed_reports(struct builder *b)
{
	const struct report_figures *f = b->f;
	if (!f->nmissed)
		return;
	para(b, "Còn %d nhiệm vụ định kỳ chưa báo cáo đủ các kỳ:", f->nmissed);
	for (int i = 0; i < f->nmissed && i < LIST_MAX; i++) {
		const struct report_task *t = &f->missed[i];
		char due[11], now[40] = "";
		vn(t->due_on, due);
		if (*due)
			snprintf(now, sizeof now, "; %s %s%s", strcmp(t->due_on, f->asof) < 0 ?
				 "kỳ cuối hạn" : "kỳ này hạn", due,
				 strcmp(t->due_on, f->asof) < 0 ? ", quá hạn" : "");
		para(b, "- %s (đơn vị chủ trì: %s; chưa báo cáo %s%s).", t->title,
		     *t->unit ? t->unit : "chưa giao", t->missed, now);
	}
	if (f->nmissed > LIST_MAX)
		para(b, "- Và %d nhiệm vụ định kỳ khác.", f->nmissed - LIST_MAX);
}

static int section_assessment(struct builder *b)
{
	const struct report_figures *f = b->f;
	heading(b, DOC_HEADING1, "III. ĐÁNH GIÁ CHUNG");
	heading(b, DOC_HEADING2, "1. Ưu điểm");
	if (note(b, "uu-diem", NULL))
		return b->err->code;
	heading(b, DOC_HEADING2, "2. Tồn tại, hạn chế và nguyên nhân");
	if (f->noverdue)
		para(b, "Còn %d nhiệm vụ quá hạn chưa hoàn thành:", f->noverdue);
	task_list(b, f->overdue, f->noverdue, true);
	missed_reports(b);
	if (f->dossiers.resolved_late || f->dossiers.pending_overdue)
		para(b, "Còn %lld hồ sơ thủ tục hành chính giải quyết quá hạn và %lld hồ sơ đang quá "
		     "hạn.", (long long)f->dossiers.resolved_late, (long long)f->dossiers.pending_overdue);
	if (note(b, "han-che", NULL))
		return b->err->code;
	char next[64];
	next_period_name(&f->period, next);
	char *up = text_upper(next);
	struct sbuf h = SBUF_INIT;
	sbuf_addf(&h, "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ %s", up);
	heading(b, DOC_HEADING1, h.s);
	sbuf_free(&h);
	free(up);
	if (f->noverdue)
		para(b, "Tập trung hoàn thành %d nhiệm vụ còn quá hạn.", f->noverdue);
	if (f->nnext)
		para(b, "Hoàn thành %d nhiệm vụ đến hạn trong ba tháng tới:", f->nnext);
	task_list(b, f->next, f->nnext, false);
	if (note(b, "phuong-huong", NULL))
		return b->err->code;
	heading(b, DOC_HEADING1, "V. KIẾN NGHỊ, ĐỀ XUẤT");
	return note(b, "kien-nghi", "Không có.");
}

/* ------------------------------------------------------------ annex tables */

static void row(struct doc_table *t, const char *const *cells)
{
	doc_table_row(t, cells);
}

static void fmt_int(char *out, size_t n, int64_t v)
{
	snprintf(out, n, "%lld", (long long)v);
}

/* "Kỳ báo cáo: từ ngày 15/06/2026 đến ngày 14/09/2026" under a table's
 * title: every Biểu of the annex says its period, so that a sheet of the
 * workbook read alone still does. */
static void period_note(struct builder *b, struct doc_table *t)
{
	char from[11], to[11];
	vn(b->f->from, from);
	vn(b->f->to, to);
	struct sbuf note = SBUF_INIT;
	sbuf_addf(&note, "Kỳ báo cáo: từ ngày %s đến ngày %s", from, to);
	doc_table_note(t, note.s);
	sbuf_free(&note);
}

static void table_areas(struct builder *b)
{
	const struct report_figures *f = b->f;
	struct doc_table *t = doc_table(b->d, "Biểu 1. Kết quả thực hiện nhiệm vụ theo lĩnh vực", 6, 1);
	doc_table_sheet(t, "Biểu 1");
	period_note(b, t);
	static const char *const head[] = { "STT", "Lĩnh vực", "Tổng số nhiệm vụ", "Đã hoàn thành",
					    "Tỷ lệ hoàn thành (%)", "Quá hạn" };
	static const int widths[] = { 5, 40, 10, 10, 10, 8 };
	for (int c = 0; c < 6; c++)
		doc_table_column(t, c, widths[c], c != 1);
	row(t, head);
	int n = 0;
	for (int i = 0; i < f->nareas; i++) {
		const struct report_area *a = &f->areas[i];
		if (!a->total)
			continue;
		char stt[16], tot[24], done[24], pct[16], od[24];
		snprintf(stt, sizeof stt, "%d", ++n);
		fmt_int(tot, sizeof tot, a->total);
		fmt_int(done, sizeof done, a->done);
		report_percent(a->done, a->total, pct);
		fmt_int(od, sizeof od, a->overdue);
		const char *cells[] = { stt, a->title, tot, done, pct, od };
		row(t, cells);
	}
	char tot[24], done[24], pct[16], od[24];
	fmt_int(tot, sizeof tot, f->tasks_total);
	fmt_int(done, sizeof done, f->tasks_done);
	report_percent(f->tasks_done, f->tasks_total, pct);
	fmt_int(od, sizeof od, f->tasks_overdue);
	const char *total[] = { "", "Tổng cộng", tot, done, pct, od };
	row(t, total);
	doc_table_row_attrs(t, DOC_BOLD);
}

static void table_tasks(struct builder *b, const char *title, const char *sheet,
			const struct report_task *v, int n, bool overdue)
{
	struct doc_table *t = doc_table(b->d, title, 5, 1);
	doc_table_sheet(t, sheet);
	period_note(b, t);
	static const int widths[] = { 5, 45, 20, 12, 40 };
	for (int c = 0; c < 5; c++)
		doc_table_column(t, c, overdue && c == 4 ? 10 : widths[c], c == 0 || (overdue && c == 4));
	doc_table_date_column(t, 3);
	const char *head[] = { "STT", "Nhiệm vụ", "Đơn vị chủ trì",
			       overdue ? "Thời hạn" : "Ngày hoàn thành",
			       overdue ? "Số ngày làm việc quá hạn" : "Tài liệu kiểm chứng" };
	row(t, head);
	for (int i = 0; i < n; i++) {
		char stt[16], date[11], days[16];
		snprintf(stt, sizeof stt, "%d", i + 1);
		vn(overdue ? v[i].due_on : v[i].done_on, date);
		snprintf(days, sizeof days, "%d", v[i].days_overdue);
		const char *cells[] = { stt, v[i].title, v[i].unit, date,
					overdue ? days : v[i].evidence };
		row(t, cells);
	}
}

/* Biểu II.06a/VPCP/KSTT: 13 numbered columns, three header rows with the
 * groups merged, then a row numbering the columns. */
#define DOSSIER_COLS 13
static const char *const dossier_head[3][DOSSIER_COLS] = {
	{ "TT", NULL, "Tiếp nhận", "", "", "", "Đã giải quyết", "", "", "", "Đang giải quyết", "",
	  "" },
	{ "", "", "Tổng số", "Trong kỳ", "", "Từ kỳ trước", "Tổng số", "Trước hạn", "Đúng hạn",
	  "Quá hạn", "Tổng số", "Trong hạn", "Quá hạn" },
	{ "", "", "", "Trực tuyến", "Trực tiếp và dịch vụ bưu chính", "", "", "", "", "", "", "",
	  "" },
};
static const struct doc_merge dossier_merges[] = {
	{ 0, 0, 3, 1 }, { 0, 1, 3, 1 }, { 0, 2, 1, 4 }, { 0, 6, 1, 4 }, { 0, 10, 1, 3 },
	{ 1, 2, 2, 1 }, { 1, 3, 1, 2 }, { 1, 5, 2, 1 }, { 1, 6, 2, 1 }, { 1, 7, 2, 1 },
	{ 1, 8, 2, 1 }, { 1, 9, 2, 1 }, { 1, 10, 2, 1 }, { 1, 11, 2, 1 }, { 1, 12, 2, 1 },
};

static void dossier_row(struct doc_table *t, const char *tt, const char *name,
			const struct dossier_stats *s)
{
	const int64_t v[11] = { s->received_total, s->received_online, s->received_offline,
				s->received_carried, s->resolved_total, s->resolved_early,
				s->resolved_on_time, s->resolved_late, s->pending_total,
				s->pending_in_time, s->pending_overdue };
	char c[11][24];
	const char *cells[DOSSIER_COLS] = { tt, name };
	for (int i = 0; i < 11; i++) {
		fmt_int(c[i], 24, v[i]);
		cells[i + 2] = c[i];
	}
	row(t, cells);
}

static void dossier_header(struct builder *b, struct doc_table *t, const char *what)
{
	for (int r = 0; r < 3; r++) {
		const char *cells[DOSSIER_COLS];
		memcpy(cells, dossier_head[r], sizeof cells);
		if (r == 0)
			cells[1] = what;
		row(t, cells);
	}
	char num[DOSSIER_COLS][8];
	const char *cells[DOSSIER_COLS];
	for (int c = 0; c < DOSSIER_COLS; c++) {
		snprintf(num[c], sizeof num[c], "(%d)", c + 1);
		cells[c] = num[c];
	}
	row(t, cells);
	for (size_t i = 0; i < sizeof dossier_merges / sizeof dossier_merges[0]; i++)
		doc_table_merge(t, dossier_merges[i].row, dossier_merges[i].col, dossier_merges[i].rows,
				dossier_merges[i].cols);
	period_note(b, t);
	doc_table_unit(t, "Đơn vị tính: Số hồ sơ TTHC");
}

/* The one-stop table by unit (4a) or by field (4b); its total is the
 * period's, the same in both. */
static void table_dossiers(struct builder *b, bool by_unit)
{
	const struct report_figures *f = b->f;
	struct doc_table *t = doc_table(b->d, by_unit ? "Biểu 4a. Tình hình, kết quả giải quyết thủ "
					"tục hành chính theo đơn vị" : "Biểu 4b. Tình hình, kết quả "
					"giải quyết thủ tục hành chính theo lĩnh vực", DOSSIER_COLS, 4);
	doc_table_sheet(t, by_unit ? "Biểu 4a" : "Biểu 4b");
	for (int c = 0; c < DOSSIER_COLS; c++)
		doc_table_column(t, c, c == 1 ? 30 : c == 0 ? 4 : 8, c != 1);
	dossier_header(b, t, by_unit ? "Đơn vị" : "Lĩnh vực");
	const struct dossier_stats *v = by_unit ? f->dossiers_by_unit : f->dossiers_by_field;
	int n = by_unit ? f->nunits : f->nfields;
	for (int i = 0; i < n; i++) {
		char stt[16];
		snprintf(stt, sizeof stt, "%d", i + 1);
		const char *name = *v[i].group ? v[i].group : by_unit ? "(chưa ghi đơn vị)"
									 : "(chưa ghi lĩnh vực)";
		dossier_row(t, stt, name, &v[i]);
	}
	dossier_row(t, "", "Tổng cộng", &f->dossiers);
	doc_table_row_attrs(t, DOC_BOLD);
}

static void table_letters(struct builder *b)
{
	const struct report_figures *f = b->f;
	const char *unit;
	bool mixed;
	char *form = report_lower_first(form_name(b, &unit, &mixed));
	struct sbuf title = SBUF_INIT;
	sbuf_addf(&title, "Biểu 5. %c%s", form[0] == 'p' ? 'P' : 'V', form + 1);
	struct doc_table *t = doc_table(b->d, title.s, 8, 1);
	sbuf_free(&title);
	free(form);
	doc_table_sheet(t, "Biểu 5");
	period_note(b, t);
	static const int widths[] = { 5, 12, 11, 24, 35, 25, 11, 9 };
	for (int c = 0; c < 8; c++)
		doc_table_column(t, c, widths[c], c == 0);
	doc_table_date_column(t, 2);
	doc_table_date_column(t, 6);
	const char *head[] = { "STT", "Số văn bản", "Ngày", "Mã hồ sơ", "Thủ tục", "Đơn vị chậm trễ",
			       "Ngày hẹn mới", "Gửi muộn" };
	row(t, head);
	for (int i = 0; i < f->nletters; i++) {
		const struct letter_info *l = &f->letter_list[i];
		char stt[16], d1[11], d2[11];
		snprintf(stt, sizeof stt, "%d", i + 1);
		vn(l->letter_on, d1);
		vn(l->new_due, d2);
		const char *cells[] = { stt, l->number, d1, l->dossier_code, l->procedure,
					l->unit_name, d2, l->late ? "x" : "" };
		row(t, cells);
	}
}

static void table_feedback(struct builder *b)
{
	const struct feedback_stats *s = &b->f->feedback;
	struct doc_table *t = doc_table(b->d, "Biểu 6. Tiếp nhận, xử lý phản ánh, kiến nghị", 2, 1);
	doc_table_sheet(t, "Biểu 6");
	period_note(b, t);
	doc_table_column(t, 0, 50, false);
	doc_table_column(t, 1, 12, true);
	const char *head[] = { "Chỉ tiêu", "Số lượng" };
	row(t, head);
	const struct {
		const char *label;
		int v;
	} lines[] = { { "Tiếp nhận trong kỳ", s->received }, { "Kỳ trước chuyển sang", s->carried },
		      { "Đã xử lý", s->handled_total }, { "- Đúng hạn", s->handled_on_time },
		      { "- Trễ hạn", s->handled_late }, { "Đang xử lý", s->pending_total },
		      { "- Quá hạn", s->pending_overdue }, { "Đã công khai kết quả", s->published } };
	for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++) {
		char v[16];
		snprintf(v, sizeof v, "%d", lines[i].v);
		const char *cells[] = { lines[i].label, v };
		row(t, cells);
	}
}

/* Biểu 7 of the annual report: each stored index result year by year,
 * with its change from the year before. */
static void table_indices(struct builder *b)
{
	const struct report_figures *f = b->f;
	if (f->period.kind != PERIOD_YEAR || !f->nindices)
		return;
	struct doc_table *t = doc_table(b->d, "Biểu 7. Kết quả các chỉ số qua các năm", 6, 1);
	doc_table_sheet(t, "Biểu 7");
	static const int widths[] = { 5, 40, 8, 12, 10, 40 };
	for (int c = 0; c < 6; c++)
		doc_table_column(t, c, widths[c], c == 0 || c == 2 || c == 3);
	const char *head[] = { "STT", "Chỉ số", "Năm", "Kết quả", "Xếp hạng", "So với năm trước" };
	row(t, head);
	for (int i = 0; i < f->nindices; i++) {
		const struct report_index *x = &f->indices[i];
		char stt[16], year[16], v[32], rank[32] = "", change[160];
		snprintf(stt, sizeof stt, "%d", i + 1);
		snprintf(year, sizeof year, "%d", x->year);
		decimal(x->value, v);
		if (x->rank)
			snprintf(rank, sizeof rank, x->rank_of ? "%d/%d" : "%d", x->rank, x->rank_of);
		index_change(x, index_before(f, x), change);
		char *sep = strstr(change, " so với năm");
		if (sep)
			*sep = 0;
		const char *cells[] = { stt, index_names[index_kind(x->idx)].name, year, v, rank,
					*change ? change : "-" };
		row(t, cells);
	}
}

/* The annex after the signer (NĐ 30): "PHỤ LỤC", its title, and the line
 * naming this report by number and date ("(Kèm theo Báo cáo số 05/BC-SCT
 * ngày 16/3/2026 của Sở Công Thương)"; a number not yet given stays
 * blank, as in the header). One annex holds every table. */
static void annex(struct builder *b)
{
	const struct report_figures *f = b->f;
	char *label = text_upper(f->period.label), date[24], iso[11];
	date_format_iso(b->date, iso);
	report_cite_date(iso, date);
	struct sbuf title = SBUF_INIT, with = SBUF_INIT;
	sbuf_addf(&title, "SỐ LIỆU KẾT QUẢ THỰC HIỆN CÔNG TÁC CẢI CÁCH HÀNH CHÍNH %s", label);
	sbuf_addf(&with, "(Kèm theo Báo cáo số %s ngày %s của %s)", b->number, date, b->org);
	const char *lines[] = { "PHỤ LỤC", title.s, with.s, NULL };
	doc_annex(b->d, lines);
	sbuf_free(&title);
	sbuf_free(&with);
	free(label);
	table_areas(b);
	table_tasks(b, "Biểu 2. Nhiệm vụ hoàn thành trong kỳ", "Biểu 2", f->finished, f->nfinished,
		    false);
	table_tasks(b, "Biểu 3. Nhiệm vụ quá hạn chưa hoàn thành", "Biểu 3", f->overdue,
		    f->noverdue, true);
	table_dossiers(b, true);
	table_dossiers(b, false);
	table_letters(b);
	table_feedback(b);
	table_indices(b);
}

/* ------------------------------------------------------------ header */

/* Whether recipient r (folded) is the body the report is addressed to
 * (folded): "Sở Nội vụ" when Kính gửi is "Sở Nội vụ tỉnh Lạng Sơn" — it
 * is "Như trên" then, not a second line. */
static bool names_addressee(const char *r, const char *to)
{
	size_t n = strlen(r);
	return n && strncmp(to, r, n) == 0 && (!to[n] || to[n] == ' ');
}

/* "Nơi nhận:" from report.recipients ("a|b|c"), "Như trên" first when the
 * report has a Kính gửi (and the addressee not again); each line ends in
 * ";", the last in "." (NĐ 30). */
static void recipients(struct builder *b, const char *to)
{
	char *rec = settings_get(b->db, "report.recipients");
	char *fto = to ? text_fold(to, false) : NULL;
	char **list = NULL;
	int n = 0;
	bool as_above = false;
	for (char *p = rec, *bar; p && *p; p = bar ? bar + 1 : NULL) {
		if ((bar = strchr(p, '|')))
			*bar = 0;
		char *r = text_squeeze(p);
		size_t len = strlen(r);
		while (len && strchr(".;", r[len - 1]))
			r[--len] = 0;
		char *fr = text_fold(r, false);
		bool above = strncmp(fr, "nhu tren", 8) == 0;
		if (*r && !above && !(fto && names_addressee(fr, fto))) {
			list = xrealloc(list, sizeof *list * (size_t)(n + 1));
			list[n++] = r;
		} else
			free(r);
		as_above |= above;
		free(fr);
	}
	if (fto || as_above)
		doc_add_recipient(b->d, n ? "Như trên;" : "Như trên.");
	for (int i = 0; i < n; i++) {
		struct sbuf line = SBUF_INIT;
		sbuf_addf(&line, "%s%s", list[i], i + 1 < n ? ";" : ".");
		doc_add_recipient(b->d, line.s);
		sbuf_free(&line);
		free(list[i]);
	}
	free(list);
	free(fto);
	free(rec);
}

static void header(struct builder *b, const struct report_opts *o)
{
	char *parent = settings_get(b->db, "org.parent");
	char *place = settings_get(b->db, "org.place"), *pattern = settings_get(b->db, "report.number");
	char *org_up = text_upper(b->org);
	b->number = report_number_text(pattern, o->number, b->date.y);
	doc_set_header(b->d, parent, org_up, b->number, place, b->date);
	struct sbuf abstract = SBUF_INIT;
	sbuf_addf(&abstract, "Kết quả thực hiện công tác cải cách hành chính %s", b->f->period.label);
	doc_set_title(b->d, "BÁO CÁO", abstract.s);
	sbuf_free(&abstract);
	char *to = settings_get(b->db, "report.to");
	bool addressed = !text_is_blank(to, strlen(to));
	if (addressed)
		doc_add_addressee(b->d, to);
	char *auth = settings_get(b->db, "report.authority");
	char *title = settings_get(b->db, "report.signer_title");
	char *signer = settings_get(b->db, "report.signer");
	doc_set_signer(b->d, auth, title, signer);
	recipients(b, addressed ? to : NULL);
	char *all[] = { parent, place, pattern, org_up, to, auth, title, signer };
	for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
		free(all[i]);
}

static void intro(struct builder *b)
{
	char from[11], to[11];
	vn(b->f->from, from);
	vn(b->f->to, to);
	para(b, "%s báo cáo kết quả thực hiện công tác cải cách hành chính %s (số liệu tính từ ngày "
	     "%s đến ngày %s) như sau:", b->org, b->f->period.label, from, to);
}

static void closing(struct builder *b)
{
	para(b, "Trên đây là báo cáo kết quả thực hiện công tác cải cách hành chính %s của %s./.",
	     b->f->period.label, b->org);
}

int report_build(struct db *db, const struct period *p, const struct report_opts *o,
		 struct doc *d, struct cchc_err *err)
{
	struct report_figures f;
	struct ymd date = o->date;
	/* a province's year of dossiers and feedback takes seconds to count */
	struct progress *shown = progress_begin("Báo cáo, đọc số liệu của kỳ", NULL, 0, 0);
	int figures = report_figures(db, p, o->plan_id, &f, err);
	progress_end(shown);
	if (figures)
		return err->code;
	if (!date.y && date_today(&date, err)) {
		report_figures_free(&f);
		return err->code;
	}
	struct builder b = { db, d, &f, err, settings_get(db, "org.name"),
			     settings_get(db, "org.short"), NULL, date, false };
	if (!*b.org) {
		free(b.org);
		b.org = xstrdup(b.short_name);
	} else if (text_all_upper(b.org)) {
		/* taken from a plan's header: "SỞ TƯ PHÁP" reads "Sở Tư pháp" in a sentence */
		char *named = report_agency_name_case(b.org);
		free(b.org);
		b.org = named;
	}
	header(&b, o);
	if (demo_present(db))
		doc_text(d, DOC_PLAIN, DOC_CENTER, DOC_BOLD | DOC_ITALIC, DEMO_DOC_NOTE);
	intro(&b);
	int rc = section_direction(&b);
	if (!rc)
		rc = section_results(&b);
	if (!rc)
		rc = section_assessment(&b);
	if (!rc) {
		closing(&b);
		annex(&b);
	}
	free(b.org);
	free(b.short_name);
	free(b.number);
	report_figures_free(&f);
	return rc;
}
