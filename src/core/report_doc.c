/* The report laid out as a document: the outline of DOMAIN.md §8, each
 * section's sentences from the figures, the clerk's notes, and the annex
 * tables (Biểu 1..7) that the xlsx and csv writers take one per sheet/file. */
#include <config.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/report.h"
#include "core/settings.h"
#include "text/utf8.h"
#include "util/sbuf.h"

struct builder {
	struct db *db;
	struct doc *d;
	const struct report_figures *f;
	struct cchc_err *err;
};

static void para(struct builder *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
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

/* The clerk's note for a section: one paragraph per line. */
static int note(struct builder *b, const char *key, const char *if_empty)
{
	char *text;
	if (report_note_get(b->db, b->f->period.code, key, &text, b->err))
		return b->err->code;
	if (!*text && if_empty)
		para(b, "%s", if_empty);
	for (char *line = text, *next; *line; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = 0;
		else
			next = line + strlen(line);
		if (!text_is_blank(line, strlen(line)))
			para(b, "%s", line);
	}
	free(text);
	return CCHC_OK;
}

/* ------------------------------------------------------------ I */

static void index_sentence(struct builder *b, const struct report_index *x)
{
	static const struct {
		const char *idx, *name, *unit;
	} names[] = { { "par", "Chỉ số cải cách hành chính (PAR INDEX)", "%" },
		      { "sipas", "Chỉ số hài lòng (SIPAS)", "%" },
		      { "papi", "Chỉ số PAPI", " điểm" } };
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		if (strcmp(names[i].idx, x->idx) != 0)
			continue;
		char v[32], rank[48] = "";
		snprintf(v, sizeof v, "%.2f", x->value);
		*strchr(v, '.') = ',';
		if (x->rank)
			snprintf(rank, sizeof rank, x->rank_of ? ", xếp thứ %d/%d" : ", xếp thứ %d",
				 x->rank, x->rank_of);
		para(b, "- %s năm %d: %s%s%s%s%s.", names[i].name, x->year, v, names[i].unit, rank,
		     *x->target ? "; mục tiêu: " : "", x->target);
	}
}

static int section_direction(struct builder *b)
{
	const struct report_figures *f = b->f;
	char pct[16], to[11];
	heading(b, DOC_HEADING1, "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH");
	if (*f->plans)
		para(b, "Sở đã ban hành %s, xác định các nhiệm vụ cải cách hành chính, đơn vị chủ trì "
		     "và thời hạn hoàn thành.", f->plans);
	vn(f->to, to);
	report_percent(f->tasks_done, f->tasks_total, pct);
	para(b, "Tính đến ngày %s, Sở đã hoàn thành %lld/%lld nhiệm vụ, đạt %s%%; %lld nhiệm vụ "
	     "quá hạn chưa hoàn thành.", to, (long long)f->tasks_done, (long long)f->tasks_total,
	     pct, (long long)f->tasks_overdue);
	for (int i = 0; i < f->nareas; i++) {
		const struct report_area *a = &f->areas[i];
		if (!a->total)
			continue;
		report_percent(a->done, a->total, pct);
		para(b, "- %s: hoàn thành %lld/%lld nhiệm vụ, đạt %s%%.", a->title, (long long)a->done,
		     (long long)a->total, pct);
	}
	if (f->nindices)
		para(b, "Kết quả các chỉ số được công bố:");
	for (int i = 0; i < f->nindices; i++)
		index_sentence(b, &f->indices[i]);
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
	char pct[16];
	report_percent(a->done, a->total, pct);
	if (!n && a->total)
		para(b, "Trong kỳ chưa có nhiệm vụ nào thuộc lĩnh vực này hoàn thành; lũy kế hoàn "
		     "thành %lld/%lld nhiệm vụ, đạt %s%%.", (long long)a->done, (long long)a->total, pct);
	else if (a->total)
		para(b, "Lũy kế hoàn thành %lld/%lld nhiệm vụ, đạt %s%%.", (long long)a->done,
		     (long long)a->total, pct);
}

static void dossier_sentences(struct builder *b)
{
	const struct dossier_stats *s = &b->f->dossiers;
	char rate[16];
	if (!s->received_total) {
		para(b, "Trong kỳ, Sở không có hồ sơ thủ tục hành chính phải giải quyết.");
		return;
	}
	report_percent(s->resolved_early + s->resolved_on_time, s->resolved_total, rate);
	para(b, "Trong kỳ, Sở nhận giải quyết %lld hồ sơ thủ tục hành chính (tiếp nhận trực tuyến "
	     "%lld; trực tiếp và qua dịch vụ bưu chính công ích %lld; kỳ trước chuyển sang %lld); đã "
	     "giải quyết %lld hồ sơ (trước hạn %lld, đúng hạn %lld, quá hạn %lld)%s%s%s; đang giải "
	     "quyết %lld hồ sơ (trong hạn %lld, quá hạn %lld).", (long long)s->received_total,
	     (long long)s->received_online, (long long)s->received_offline,
	     (long long)s->received_carried, (long long)s->resolved_total,
	     (long long)s->resolved_early, (long long)s->resolved_on_time,
	     (long long)s->resolved_late, s->resolved_total ? ", tỷ lệ giải quyết đúng hạn đạt " : "",
	     s->resolved_total ? rate : "", s->resolved_total ? "%" : "",
	     (long long)s->pending_total, (long long)s->pending_in_time,
	     (long long)s->pending_overdue);
}

static void letter_sentences(struct builder *b)
{
	const struct letter_coverage *c = &b->f->letters;
	char share[16];
	if (!c->late_dossiers && !c->letters)
		return;
	report_percent(c->late_with_letter, c->late_dossiers, share);
	para(b, "Trong kỳ có %lld hồ sơ giải quyết quá hạn, trong đó %lld hồ sơ đã có phiếu xin lỗi "
	     "và hẹn lại ngày trả kết quả (đạt %s%%); Sở đã ban hành %lld phiếu xin lỗi, %lld phiếu "
	     "gửi đúng thời hạn, %lld phiếu gửi muộn.", (long long)c->late_dossiers,
	     (long long)c->late_with_letter, share, (long long)c->letters,
	     (long long)(c->letters - c->letters_late), (long long)c->letters_late);
}

static void feedback_sentences(struct builder *b)
{
	const struct feedback_stats *s = &b->f->feedback;
	if (!s->received && !s->carried && !s->pending_total) {
		para(b, "Trong kỳ, Sở không nhận được phản ánh, kiến nghị về quy định hành chính.");
		return;
	}
	para(b, "Tiếp nhận %d phản ánh, kiến nghị (kỳ trước chuyển sang %d); đã xử lý %d (đúng hạn "
	     "%d, trễ hạn %d); đang xử lý %d (quá hạn %d); đã công khai kết quả xử lý %d.",
	     s->received, s->carried, s->handled_total, s->handled_on_time, s->handled_late,
	     s->pending_total, s->pending_overdue, s->published);
}

static int section_results(struct builder *b)
{
	const struct report_figures *f = b->f;
	heading(b, DOC_HEADING1, "II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH");
	int n = 0;
	for (int i = 0; i < f->nareas; i++) {
		bool tthc = strcmp(f->areas[i].key, "tthc") == 0;
		bool has_note = report_section_find(f->areas[i].key) != NULL;
		if (strcmp(f->areas[i].key, "chi-dao") == 0 ||
		    (!f->areas[i].total && !tthc && !has_note))
			continue;
		struct sbuf h = SBUF_INIT;
		sbuf_addf(&h, "%d. %s", ++n, f->areas[i].title);
		heading(b, DOC_HEADING2, h.s);
		sbuf_free(&h);
		finished_tasks(b, i);
		if (tthc) {
			dossier_sentences(b);
			letter_sentences(b);
			feedback_sentences(b);
		}
		if (has_note && note(b, f->areas[i].key, NULL))
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
	heading(b, DOC_HEADING1, "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI");
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

static void table_areas(struct builder *b)
{
	const struct report_figures *f = b->f;
	struct doc_table *t = doc_table(b->d, "Biểu 1. Kết quả thực hiện nhiệm vụ theo lĩnh vực", 6, 1);
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
}

static void table_tasks(struct builder *b, const char *title, const struct report_task *v, int n,
			bool overdue)
{
	struct doc_table *t = doc_table(b->d, title, 5, 1);
	static const int widths[] = { 5, 45, 20, 12, 40 };
	for (int c = 0; c < 5; c++)
		doc_table_column(t, c, overdue && c == 4 ? 10 : widths[c], c == 0 || (overdue && c == 4));
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

static void stats_cells(const struct dossier_stats *s, char c[12][24])
{
	const int64_t v[11] = { s->received_total, s->received_online, s->received_offline,
				s->received_carried, s->resolved_total, s->resolved_early,
				s->resolved_on_time, s->resolved_late, s->pending_total,
				s->pending_in_time, s->pending_overdue };
	for (int i = 0; i < 11; i++)
		fmt_int(c[i], 24, v[i]);
	report_percent(s->resolved_early + s->resolved_on_time, s->resolved_total, c[11]);
}

static void table_dossiers(struct builder *b)
{
	const struct report_figures *f = b->f;
	struct doc_table *t = doc_table(b->d, "Biểu 4. Tình hình, kết quả giải quyết thủ tục hành "
					"chính", 14, 2);
	for (int c = 0; c < 14; c++)
		doc_table_column(t, c, c == 1 ? 30 : 7, c != 1);
	const char *h1[] = { "STT", "Lĩnh vực", "Số hồ sơ nhận giải quyết", "", "", "",
			     "Số hồ sơ đã giải quyết", "", "", "", "Số hồ sơ đang giải quyết", "", "",
			     "Tỷ lệ đúng hạn (%)" };
	const char *h2[] = { "", "", "Tổng số", "Trực tuyến", "Trực tiếp, bưu chính",
			     "Kỳ trước chuyển qua", "Tổng số", "Trước hạn", "Đúng hạn", "Quá hạn",
			     "Tổng số", "Trong hạn", "Quá hạn", "" };
	row(t, h1);
	row(t, h2);
	char c[12][24], stt[16];
	for (int i = 0; i < f->nfields; i++) {
		stats_cells(&f->dossiers_by_field[i], c);
		snprintf(stt, sizeof stt, "%d", i + 1);
		const char *field = *f->dossiers_by_field[i].group ? f->dossiers_by_field[i].group
								   : "(chưa ghi lĩnh vực)";
		const char *cells[] = { stt, field, c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7],
					c[8], c[9], c[10], c[11] };
		row(t, cells);
	}
	stats_cells(&f->dossiers, c);
	const char *total[] = { "", "Tổng cộng", c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7],
				c[8], c[9], c[10], c[11] };
	row(t, total);
}

static void table_letters(struct builder *b)
{
	const struct report_figures *f = b->f;
	struct doc_table *t = doc_table(b->d, "Biểu 5. Phiếu xin lỗi và hẹn lại ngày trả kết quả", 8,
					1);
	static const int widths[] = { 5, 12, 11, 24, 35, 25, 11, 9 };
	for (int c = 0; c < 8; c++)
		doc_table_column(t, c, widths[c], c == 0);
	const char *head[] = { "STT", "Số phiếu", "Ngày", "Mã hồ sơ", "Thủ tục", "Đơn vị chậm trễ",
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

static void annex(struct builder *b)
{
	const struct report_figures *f = b->f;
	doc_page_break(b->d);
	doc_text(b->d, DOC_PLAIN, DOC_CENTER, DOC_BOLD, "PHỤ LỤC");
	struct sbuf sub = SBUF_INIT;
	sbuf_addf(&sub, "(Kèm theo Báo cáo kết quả cải cách hành chính %s)", f->period.label);
	doc_text(b->d, DOC_PLAIN, DOC_CENTER, DOC_ITALIC, sub.s);
	sbuf_free(&sub);
	table_areas(b);
	table_tasks(b, "Biểu 2. Nhiệm vụ hoàn thành trong kỳ", f->finished, f->nfinished, false);
	table_tasks(b, "Biểu 3. Nhiệm vụ quá hạn chưa hoàn thành", f->overdue, f->noverdue, true);
	table_dossiers(b);
	table_letters(b);
	table_feedback(b);
}

/* ------------------------------------------------------------ header */

static void header(struct builder *b, struct ymd date)
{
	char *parent = settings_get(b->db, "org.parent"), *org = settings_get(b->db, "org.name");
	char *place = settings_get(b->db, "org.place"), *number = settings_get(b->db, "report.number");
	char *org_up = text_upper(org);
	struct sbuf num = SBUF_INIT, abstract = SBUF_INIT;
	sbuf_addf(&num, "%s%s", *number == '/' ? "      " : "", number);
	doc_set_header(b->d, parent, org_up, num.s, place, date);
	sbuf_addf(&abstract, "Kết quả thực hiện công tác cải cách hành chính %s", b->f->period.label);
	doc_set_title(b->d, "BÁO CÁO", abstract.s);
	sbuf_free(&num);
	sbuf_free(&abstract);
	char *auth = settings_get(b->db, "report.authority");
	char *title = settings_get(b->db, "report.signer_title");
	char *signer = settings_get(b->db, "report.signer");
	doc_set_signer(b->d, auth, title, signer);
	char *rec = settings_get(b->db, "report.recipients");
	for (char *p = rec, *bar; p && *p; p = bar ? bar + 1 : NULL) {
		if ((bar = strchr(p, '|')))
			*bar = 0;
		struct sbuf line = SBUF_INIT;
		char *r = text_squeeze(p);
		size_t n = strlen(r);
		bool punct = n && strchr(".;:", r[n - 1]);
		sbuf_addf(&line, "%s%s", r, punct ? "" : bar ? ";" : ".");
		if (*r)
			doc_add_recipient(b->d, line.s);
		free(r);
		sbuf_free(&line);
	}
	char *all[] = { parent, org, place, number, org_up, auth, title, signer, rec };
	for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
		free(all[i]);
}

static void intro(struct builder *b)
{
	char from[11], to[11];
	vn(b->f->from, from);
	vn(b->f->to, to);
	char *org = settings_get(b->db, "org.name");
	para(b, "%s báo cáo kết quả thực hiện công tác cải cách hành chính %s (số liệu tính từ ngày "
	     "%s đến ngày %s) như sau:", *org ? org : "Sở", b->f->period.label, from, to);
	free(org);
}

int report_build(struct db *db, const struct period *p, int64_t plan_id, struct ymd date,
		 struct doc *d, struct cchc_err *err)
{
	struct report_figures f;
	if (report_figures(db, p, plan_id, &f, err))
		return err->code;
	if (!date.y && date_today(&date, err)) {
		report_figures_free(&f);
		return err->code;
	}
	struct builder b = { db, d, &f, err };
	header(&b, date);
	intro(&b);
	int rc = section_direction(&b);
	if (!rc)
		rc = section_results(&b);
	if (!rc)
		rc = section_assessment(&b);
	if (!rc)
		annex(&b);
	report_figures_free(&f);
	return rc;
}
