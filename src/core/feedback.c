#include <config.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "core/calendar.h"
#include "core/feedback.h"
#include "core/keyset.h"
#include "core/settings.h"
#include "text/fold.h"
#include "text/utf8.h"
#include "util/sbuf.h"

/* ---- Coded values ---------------------------------------------------- */

const struct feedback_code feedback_channels[] = {
	{ "van-ban", "văn bản", NULL, "bưu chính|bưu điện|thư|thư tay|đơn|công văn" },
	{ "truc-tiep", "trực tiếp", NULL, "tại trụ sở|gặp trực tiếp" },
	{ "dien-thoai", "điện thoại, đường dây nóng", NULL, "điện thoại|đường dây nóng|hotline|đt" },
	{ "email", "thư điện tử", NULL, "e-mail|mail|thư điện tử" },
	{ "cong-dvc", "Cổng DVC quốc gia", NULL, "cổng dvc|dvc|portal|cổng dịch vụ công|"
	  "cổng dịch vụ công quốc gia|dịch vụ công|cổng" },
	{ "phieu", "phiếu lấy ý kiến", NULL, "phiếu|phiếu khảo sát|khảo sát" },
	{ NULL, NULL, NULL, NULL },
};

const struct feedback_code feedback_kinds[] = {
	{ "phan-anh", "phản ánh", NULL, NULL },
	{ "kien-nghi", "kiến nghị", NULL, "đề nghị|đề xuất" },
	{ NULL, NULL, NULL, NULL },
};

const struct feedback_code feedback_topics[] = {
	{ "hanh-vi", "hành vi chậm trễ, gây phiền hà của cơ quan, cán bộ",
	  "Vướng mắc do hành vi chậm trễ, gây phiền hà, không thực hiện hoặc thực hiện không đúng "
	  "quy định của cơ quan, cán bộ", "hành vi|chậm trễ|phiền hà|gây phiền hà" },
	{ "khong-phu-hop", "quy định không phù hợp với thực tế",
	  "Quy định hành chính không phù hợp với thực tế", "không phù hợp" },
	{ "khong-dong-bo", "quy định không đồng bộ, thống nhất",
	  "Quy định hành chính không đồng bộ, thống nhất", "không đồng bộ|không thống nhất" },
	{ "khong-hop-phap", "quy định không hợp pháp", "Quy định hành chính không hợp pháp",
	  "không hợp pháp|trái pháp luật" },
	{ "khac", "vấn đề khác về quy định hành chính",
	  "Vấn đề khác liên quan đến quy định hành chính", "vấn đề khác" },
	{ NULL, NULL, NULL, NULL },
};

/* What the clerk typed, folded for comparison: no tones or case, đ as d,
 * and any ASCII punctuation ("-", "/", ",") as one space. Malloc'd. */
static char *normalize(const char *s)
{
	char *f = text_fold(s ? s : "", false);
	size_t j = 0;
	for (size_t i = 0; f[i]; i++) {
		unsigned char c = (unsigned char)f[i];
		bool keep = c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
		if (keep)
			f[j++] = (char)c;
		else if (j && f[j - 1] != ' ')
			f[j++] = ' ';
	}
	while (j && f[j - 1] == ' ')
		j--;
	f[j] = '\0';
	return f;
}

static bool same_words(const char *folded, const char *candidate)
{
	char *c = normalize(candidate);
	bool same = strcmp(folded, c) == 0;
	free(c);
	return same;
}

/* Whether folded is one of the "|"-separated aliases. */
static bool alias_match(const char *folded, const char *aliases)
{
	bool found = false;
	for (const char *p = aliases; p && *p && !found;) {
		size_t n = strcspn(p, "|");
		char *one = xstrndup(p, n);
		found = same_words(folded, one);
		free(one);
		p += n + (p[n] == '|');
	}
	return found;
}

static const char *code_parse(const struct feedback_code *t, const char *s)
{
	char *f = normalize(s);
	const char *found = NULL;
	for (; t->code && !found && *f; t++)
		if (same_words(f, t->code) || same_words(f, t->label) ||
		    (t->text && same_words(f, t->text)) || alias_match(f, t->aliases))
			found = t->code;
	free(f);
	return found;
}

static const struct feedback_code *code_find(const struct feedback_code *t, const char *code)
{
	for (; t->code; t++)
		if (code && strcmp(t->code, code) == 0)
			return t;
	return NULL;
}

static const char *code_label(const struct feedback_code *t, const char *code)
{
	const struct feedback_code *c = code_find(t, code);
	return c ? c->label : code ? code : "";
}

const char *feedback_channel_parse(const char *s)
{
	return code_parse(feedback_channels, s);
}

const char *feedback_kind_parse(const char *s)
{
	return code_parse(feedback_kinds, s);
}

const char *feedback_topic_parse(const char *s)
{
	return code_parse(feedback_topics, s);
}

const char *feedback_channel_label(const char *code)
{
	return code_label(feedback_channels, code);
}

const char *feedback_kind_label(const char *code)
{
	return code_label(feedback_kinds, code);
}

const char *feedback_topic_label(const char *code)
{
	return code_label(feedback_topics, code);
}

const char *feedback_topic_text(const char *code)
{
	const struct feedback_code *c = code_find(feedback_topics, code);
	return c ? c->text : "";
}

/* ---- Statuses and the workflow ---------------------------------------- */

static const char *const status_codes[FEEDBACK_NSTATUS] = {
	"da-vao-so", "phan-loai", "khong-du-dk", "chuyen", "giao", "dang-xu-ly", "da-tra-loi",
	"da-cong-khai", "luu"
};
static const char *const status_labels[FEEDBACK_NSTATUS] = {
	"Đã vào sổ", "Đã phân loại", "Không đủ điều kiện xử lý", "Đã chuyển cơ quan có thẩm quyền",
	"Đã giao phòng xử lý", "Đang xử lý", "Đã trả lời", "Đã công khai", "Lưu"
};
#define OPEN_SQL "('da-vao-so', 'phan-loai', 'giao', 'dang-xu-ly')"
#define BIT(s) (1u << (s))

const char *feedback_status_code(int s)
{
	return s >= 0 && s < FEEDBACK_NSTATUS ? status_codes[s] : "";
}

const char *feedback_status_label(int s)
{
	return s >= 0 && s < FEEDBACK_NSTATUS ? status_labels[s] : "";
}

int feedback_status_parse(const char *s)
{
	char *f = normalize(s);
	int found = -1;
	for (int i = 0; i < FEEDBACK_NSTATUS && found < 0 && *f; i++)
		if (same_words(f, status_codes[i]) || same_words(f, status_labels[i]))
			found = i;
	free(f);
	return found;
}

static int status_from_code(const char *code)
{
	for (int i = 0; i < FEEDBACK_NSTATUS; i++)
		if (code && strcmp(code, status_codes[i]) == 0)
			return i;
	return FEEDBACK_REGISTERED;
}

bool feedback_status_open(int s)
{
	unsigned open = BIT(FEEDBACK_REGISTERED) | BIT(FEEDBACK_CLASSIFIED) |
			BIT(FEEDBACK_ASSIGNED) | BIT(FEEDBACK_IN_PROGRESS);
	return s >= 0 && s < FEEDBACK_NSTATUS && (open & BIT(s));
}

const char *feedback_step_label(const char *step)
{
	if (strcmp(step, "tiep-nhan") == 0)
		return "Tiếp nhận";
	if (strcmp(step, "da-vao-so") == 0)
		return "Vào sổ";
	for (int i = 0; i < FEEDBACK_NSTATUS; i++)
		if (strcmp(step, status_codes[i]) == 0)
			return status_labels[i];
	return step;
}

struct fb_state {
	int status;
	char kind[16], topic[16], channel[16], received[11];
	char last_date[11], last_step[16]; /* of the newest history step */
	int seq;                           /* its number */
};

/* One workflow step being recorded: the record's state before it, what the
 * clerk gave, the step's date, and the note the step will carry. */
struct step_ctx {
	struct db *db;
	int64_t id;
	struct fb_state s;
	const struct feedback_action *a;
	char date[11];
	struct sbuf note;
};

static int do_classify(struct step_ctx *c, struct cchc_err *err);
static int do_reject(struct step_ctx *c, struct cchc_err *err);
static int do_forward(struct step_ctx *c, struct cchc_err *err);
static int do_assign(struct step_ctx *c, struct cchc_err *err);
static int do_progress(struct step_ctx *c, struct cchc_err *err);
static int do_answer(struct step_ctx *c, struct cchc_err *err);
static int do_publish(struct step_ctx *c, struct cchc_err *err);
static int do_archive(struct step_ctx *c, struct cchc_err *err);

#define REG FEEDBACK_REGISTERED
#define CLS FEEDBACK_CLASSIFIED

/* The workflow: each verb, the statuses it may start from, where it leads.
 * `only` replaces the computed "what must come first" when the ways to the
 * step are several (archiving). */
static const struct transition {
	enum feedback_verb verb;
	unsigned from;
	enum feedback_status to;
	const char *code, *label, *only;
	int (*apply)(struct step_ctx *c, struct cchc_err *err);
} transitions[FEEDBACK_NVERB] = {
	{ FEEDBACK_CLASSIFY, BIT(REG) | BIT(CLS), FEEDBACK_CLASSIFIED, "classify", "phân loại",
	  NULL, do_classify },
	{ FEEDBACK_REJECT, BIT(REG) | BIT(CLS), FEEDBACK_REJECTED, "reject",
	  "trả lại vì không đủ điều kiện xử lý", NULL, do_reject },
	{ FEEDBACK_FORWARD, BIT(REG) | BIT(CLS), FEEDBACK_FORWARDED, "forward",
	  "chuyển cơ quan có thẩm quyền", NULL, do_forward },
	{ FEEDBACK_ASSIGN, BIT(REG) | BIT(CLS), FEEDBACK_ASSIGNED, "assign", "giao phòng xử lý",
	  NULL, do_assign },
	{ FEEDBACK_PROGRESS, BIT(FEEDBACK_ASSIGNED) | BIT(FEEDBACK_IN_PROGRESS),
	  FEEDBACK_IN_PROGRESS, "progress", "ghi tiến độ xử lý", NULL, do_progress },
	{ FEEDBACK_ANSWER, BIT(FEEDBACK_ASSIGNED) | BIT(FEEDBACK_IN_PROGRESS), FEEDBACK_ANSWERED,
	  "answer", "trả lời", NULL, do_answer },
	{ FEEDBACK_PUBLISH, BIT(FEEDBACK_ANSWERED), FEEDBACK_PUBLISHED, "publish",
	  "công khai kết quả", NULL, do_publish },
	{ FEEDBACK_ARCHIVE, BIT(FEEDBACK_PUBLISHED) | BIT(FEEDBACK_FORWARDED) | BIT(FEEDBACK_REJECTED),
	  FEEDBACK_ARCHIVED, "archive", "lưu hồ sơ",
	  "chỉ lưu hồ sơ đã công khai kết quả trả lời (cchc feedback publish), đã chuyển cơ quan có "
	  "thẩm quyền (cchc feedback forward) hoặc không đủ điều kiện xử lý (cchc feedback reject)",
	  do_archive },
};

const char *feedback_verb_code(int v)
{
	return v >= 0 && v < FEEDBACK_NVERB ? transitions[v].code : "";
}

const char *feedback_verb_label(int v)
{
	return v >= 0 && v < FEEDBACK_NVERB ? transitions[v].label : "";
}

int feedback_verb_target(int v)
{
	return v >= 0 && v < FEEDBACK_NVERB ? (int)transitions[v].to : -1;
}

unsigned feedback_next_verbs(int status)
{
	unsigned verbs = 0;
	for (int v = 0; v < FEEDBACK_NVERB; v++)
		if (status >= 0 && (transitions[v].from & BIT(status)))
			verbs |= BIT(v);
	return verbs;
}

/* The shortest chain of verbs leading from status s into a status of goal
 * (breadth first over the table); its length, or -1 when none does. */
static int shortest_path(int s, unsigned goal, int verbs[FEEDBACK_NSTATUS])
{
	int prev[FEEDBACK_NSTATUS], via[FEEDBACK_NSTATUS], queue[FEEDBACK_NSTATUS];
	bool seen[FEEDBACK_NSTATUS] = { false };
	int head = 0, tail = 0;
	queue[tail++] = s;
	seen[s] = true;
	while (head < tail) {
		int cur = queue[head++];
		if (goal & BIT(cur)) {
			int n = 0;
			for (int x = cur; x != s; x = prev[x])
				n++;
			for (int x = cur, i = n - 1; x != s; x = prev[x], i--)
				verbs[i] = via[x];
			return n;
		}
		for (int v = 0; v < FEEDBACK_NVERB; v++) {
			int to = (int)transitions[v].to;
			if ((transitions[v].from & BIT(cur)) && !seen[to]) {
				seen[to] = true, prev[to] = cur, via[to] = v;
				queue[tail++] = to;
			}
		}
	}
	return -1;
}

/* "Phản ánh" or "Kiến nghị", for messages about one record. */
static const char *record_word(const char *kind)
{
	return strcmp(kind, "kien-nghi") == 0 ? "Kiến nghị" : "Phản ánh";
}

/* Refuses a step out of order, naming the current status and what must come first. */
static int refuse(const struct fb_state *s, int64_t id, const struct transition *t,
		  struct cchc_err *err)
{
	const char *who = record_word(s->kind), *at = status_labels[s->status];
	int path[FEEDBACK_NSTATUS];
	int n = shortest_path(s->status, t->from, path);
	if (n < 0)
		return err_set(err, CCHC_EINPUT, "%s %lld đang ở bước \"%s\": không thể %s nữa.", who,
			       (long long)id, at, t->label);
	if (t->only)
		return err_set(err, CCHC_EINPUT, "%s %lld đang ở bước \"%s\": %s.", who, (long long)id,
			       at, t->only);
	struct sbuf b = SBUF_INIT;
	for (int i = 0; i < n; i++)
		sbuf_addf(&b, "%s%s (cchc feedback %s)", i ? ", rồi " : "", transitions[path[i]].label,
			  transitions[path[i]].code);
	err_set(err, CCHC_EINPUT, "%s %lld đang ở bước \"%s\": phải %s trước khi %s.", who,
		(long long)id, at, b.s, t->label);
	sbuf_free(&b);
	return err->code;
}

/* ---- Small helpers ---------------------------------------------------- */

static void now_iso(char out[32])
{
	time_t t = time(NULL);
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

static int today_iso(char out[11], struct cchc_err *err)
{
	struct ymd d;
	if (date_today(&d, err))
		return err->code;
	date_format_iso(d, out);
	return CCHC_OK;
}

/* A date as the clerk types it (dd/mm/yyyy or ISO) into ISO. */
static bool parse_day(const char *s, char iso[11])
{
	struct ymd d;
	if (!s || (!date_parse_iso(s, &d) && !date_parse_dmy(s, &d)))
		return false;
	date_format_iso(d, iso);
	return true;
}

/* An ISO date as dd/mm/yyyy (the text itself when it is not one). */
static void vn_date(const char *iso, char out[11])
{
	struct ymd d;
	if (date_parse_iso(iso, &d))
		date_format_vn(d, out);
	else
		snprintf(out, 11, "%s", iso);
}

static int bad_date(const char *s, const char *what, struct cchc_err *err)
{
	return err_set(err, CCHC_EINPUT, "%s \"%s\" không hợp lệ (dd/mm/yyyy hoặc YYYY-MM-DD)", what,
		       s ? s : "");
}

/* Runs sql with ?1 = id and ?2, ?3, ... = the n texts (NULL binds NULL). */
static int exec_texts(struct db *db, const char *sql, int64_t id, const char *const *v, int n)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db->h, sql, -1, &st, NULL);
	if (rc != SQLITE_OK)
		return rc;
	sqlite3_bind_int64(st, 1, id);
	for (int i = 0; i < n; i++)
		if (v[i])
			sqlite3_bind_text(st, i + 2, v[i], -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? SQLITE_OK : rc;
}

/* exec_texts, turning a failure into the clerk's message. */
static int write_texts(struct db *db, const char *sql, int64_t id, const char *const *v, int n,
		       struct cchc_err *err)
{
	int rc = exec_texts(db, sql, id, v, n);
	return rc == SQLITE_OK ? CCHC_OK : db_fail(db, rc, "ghi phản ánh, kiến nghị", err);
}

/* Copies s as NFC into *out, white space runs squeezed to one space unless
 * keep_lines (long texts keep their line breaks); NULL stays NULL. */
static int clean(const char *s, const char *what, bool keep_lines, char **out,
		 struct cchc_err *err)
{
	*out = NULL;
	if (!s)
		return CCHC_OK;
	char *nfc = text_nfc(s);
	if (!nfc)
		return err_set(err, CCHC_EINPUT, "%s không phải UTF-8 hợp lệ", what);
	if (keep_lines) {
		*out = nfc;
		return CCHC_OK;
	}
	*out = text_squeeze(nfc);
	free(nfc);
	return CCHC_OK;
}

/* Like clean, and the text may not be missing or blank. */
static int clean_required(const char *s, const char *what, bool keep_lines, char **out,
			  struct cchc_err *err)
{
	if (clean(s, what, keep_lines, out, err))
		return err->code;
	if (*out && !text_is_blank(*out, strlen(*out)))
		return CCHC_OK;
	free(*out);
	*out = NULL;
	return err_set(err, CCHC_EINPUT, "Cần %s", what);
}

static void copy_col(sqlite3_stmt *st, int i, char *out, size_t cap)
{
	const unsigned char *s = sqlite3_column_text(st, i);
	snprintf(out, cap, "%s", s ? (const char *)s : "");
}

static char *col(sqlite3_stmt *st, int i)
{
	const unsigned char *s = sqlite3_column_text(st, i);
	return xstrdup(s ? (const char *)s : "");
}

/* ---- Adding and editing ------------------------------------------------ */

struct cleaned {
	char received[11];
	const char *channel, *kind, *topic;     /* codes, or NULL when not given */
	char *sender, *contact, *content, *related;
};

static void cleaned_free(struct cleaned *c)
{
	free(c->sender), free(c->contact), free(c->content), free(c->related);
}

static int bad_code(const char *what, const char *s, const struct feedback_code *t,
		    struct cchc_err *err)
{
	struct sbuf b = SBUF_INIT;
	for (; t->code; t++)
		sbuf_addf(&b, "%s%s (%s)", b.len ? ", " : "", t->code, t->label);
	err_set(err, CCHC_EINPUT, "%s \"%s\" không có; dùng: %s", what, s, b.s);
	sbuf_free(&b);
	return err->code;
}

/* The coded fields: channel, kind, topic ("" clears the topic). */
static int parse_codes(const struct feedback_input *in, struct cleaned *c, struct cchc_err *err)
{
	if (in->channel && !(c->channel = feedback_channel_parse(in->channel)))
		return bad_code("Kênh tiếp nhận", in->channel, feedback_channels, err);
	if (in->kind && !(c->kind = feedback_kind_parse(in->kind)))
		return bad_code("Loại", in->kind, feedback_kinds, err);
	if (in->topic && *in->topic && !(c->topic = feedback_topic_parse(in->topic)))
		return bad_code("Nội dung", in->topic, feedback_topics, err);
	if (in->topic && !*in->topic)
		c->topic = "";
	return CCHC_OK;
}

/* Parses and normalises the input; for add, the required fields must be there. */
static int clean_input(const struct feedback_input *in, bool adding, struct cleaned *c,
		       struct cchc_err *err)
{
	memset(c, 0, sizeof *c);
	if (adding && (!in->received || !in->channel))
		return err_set(err, CCHC_EINPUT, "Cần ngày tiếp nhận và kênh tiếp nhận");
	if (in->received && !parse_day(in->received, c->received))
		return bad_date(in->received, "Ngày tiếp nhận", err);
	if (parse_codes(in, c, err))
		return err->code;
	int rc = adding || in->sender ? clean_required(in->sender, "người gửi", false, &c->sender, err)
				      : CCHC_OK;
	if (!rc)
		rc = adding || in->content
		     ? clean_required(in->content, "nội dung phản ánh, kiến nghị", true, &c->content, err)
		     : CCHC_OK;
	if (!rc)
		rc = clean(in->contact, "Liên hệ", false, &c->contact, err);
	if (!rc)
		rc = clean(in->related, "Thủ tục, quy định liên quan", false, &c->related, err);
	if (rc)
		cleaned_free(c);
	return rc;
}

static int insert_feedback(struct db *db, const struct cleaned *c, const char *due,
			   const char *ts, int64_t *id)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db->h, "INSERT INTO feedback(received_on, channel, sender, "
				    "contact, content, kind, topic, related, status, due_on, updated_at) "
				    "VALUES(?,?,?,?,?,?,?,?,'da-vao-so',?,?)", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return rc;
	const char *v[] = { c->received, c->channel, c->sender, c->contact ? c->contact : "",
			    c->content, c->kind ? c->kind : "phan-anh", c->topic ? c->topic : "",
			    c->related ? c->related : "", due, ts };
	for (int i = 0; i < 10; i++)
		sqlite3_bind_text(st, i + 1, v[i], -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	*id = sqlite3_last_insert_rowid(db->h);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

static int insert_step(struct db *db, int64_t id, int seq, const char *step, const char *date,
		       const char *note)
{
	char ts[32];
	now_iso(ts);
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db->h, "INSERT INTO feedback_step(feedback_id, seq, step, "
				    "on_date, note, recorded_at) VALUES(?,?,?,?,?,?)", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return rc;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int(st, 2, seq);
	sqlite3_bind_text(st, 3, step, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, date, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, note, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, ts, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* The record and its first two steps, inside the caller's transaction. The
 * note of "vào sổ" ends with the forwarding deadline (see feedback.h). */
static int add_in_tx(struct db *db, const struct cleaned *c, const char *due, int64_t *id,
		     struct cchc_err *err)
{
	char ts[32], due_vn[11];
	now_iso(ts);
	vn_date(due, due_vn);
	struct sbuf n1 = SBUF_INIT, n2 = SBUF_INIT;
	sbuf_addf(&n1, "Qua %s", feedback_channel_label(c->channel));
	sbuf_addf(&n2, "Hạn chuyển hoặc phân loại: %s", due_vn);
	int rc = insert_feedback(db, c, due, ts, id);
	if (rc == SQLITE_OK)
		rc = insert_step(db, *id, 1, "tiep-nhan", c->received, n1.s);
	if (rc == SQLITE_OK)
		rc = insert_step(db, *id, 2, "da-vao-so", c->received, n2.s);
	sbuf_free(&n1);
	sbuf_free(&n2);
	return rc == SQLITE_OK ? CCHC_OK : db_fail(db, rc, "thêm phản ánh, kiến nghị", err);
}

int feedback_add(struct db *db, const struct feedback_input *in, int64_t *id,
		 struct cchc_err *err)
{
	struct cleaned c;
	char today[11], due[11];
	if (today_iso(today, err) || clean_input(in, true, &c, err))
		return err->code;
	int rc = CCHC_OK;
	if (strcmp(c.received, today) > 0) {
		char d[11], t[11];
		vn_date(c.received, d), vn_date(today, t);
		rc = err_set(err, CCHC_EINPUT, "Ngày tiếp nhận %s chưa tới (hôm nay là %s)", d, t);
	}
	if (!rc)
		rc = calendar_add_iso(c.received, settings_get_int(db, "feedback.forward_days", 5),
				      due, err);
	if (!rc && !(rc = db_begin(db, err))) {
		rc = add_in_tx(db, &c, due, id, err);
		rc = rc ? (db_rollback(db), rc) : db_commit(db, err);
	}
	cleaned_free(&c);
	return rc;
}

static bool feedback_exists(struct db *db, int64_t id)
{
	return db_int_by_id(db, "SELECT 1 FROM feedback WHERE id = ?1", id) != 0;
}

static int apply_edit(struct db *db, int64_t id, const struct cleaned *c, struct cchc_err *err)
{
	static const char *const sql[] = {
		"UPDATE feedback SET sender = ?2 WHERE id = ?1",
		"UPDATE feedback SET contact = ?2 WHERE id = ?1",
		"UPDATE feedback SET content = ?2 WHERE id = ?1",
		"UPDATE feedback SET related = ?2 WHERE id = ?1",
		"UPDATE feedback SET kind = ?2 WHERE id = ?1",
		"UPDATE feedback SET topic = ?2 WHERE id = ?1",
	};
	const char *v[] = { c->sender, c->contact, c->content, c->related, c->kind, c->topic };
	for (size_t i = 0; i < sizeof v / sizeof v[0]; i++)
		if (v[i] && write_texts(db, sql[i], id, &v[i], 1, err))
			return err->code;
	char ts[32];
	now_iso(ts);
	const char *t = ts;
	return write_texts(db, "UPDATE feedback SET updated_at = ?2 WHERE id = ?1", id, &t, 1, err);
}

int feedback_edit(struct db *db, int64_t id, const struct feedback_input *in,
		  struct cchc_err *err)
{
	if (!feedback_exists(db, id))
		return err_set(err, CCHC_ENOTFOUND, "Không có phản ánh, kiến nghị số %lld", (long long)id);
	if (in->received || in->channel)
		return err_set(err, CCHC_EINPUT, "Không sửa được ngày tiếp nhận và kênh tiếp nhận: các "
			       "bước và hạn xử lý đã tính theo chúng");
	struct cleaned c;
	if (clean_input(in, false, &c, err))
		return err->code;
	int rc = db_begin(db, err);
	if (!rc) {
		rc = apply_edit(db, id, &c, err);
		rc = rc ? (db_rollback(db), rc) : db_commit(db, err);
	}
	cleaned_free(&c);
	return rc;
}

/* ---- Workflow steps ----------------------------------------------------- */

static int load_state(struct db *db, int64_t id, struct fb_state *s, struct cchc_err *err)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db->h, "SELECT f.status, f.kind, f.topic, f.channel, "
		"f.received_on, s.on_date, s.step, coalesce(s.seq, 0) FROM feedback f "
		"LEFT JOIN feedback_step s ON s.feedback_id = f.id AND s.seq = (SELECT max(seq) FROM "
		"feedback_step WHERE feedback_id = f.id) WHERE f.id = ?", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return db_fail(db, rc, "đọc phản ánh, kiến nghị", err);
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		s->status = status_from_code((const char *)sqlite3_column_text(st, 0));
		copy_col(st, 1, s->kind, sizeof s->kind);
		copy_col(st, 2, s->topic, sizeof s->topic);
		copy_col(st, 3, s->channel, sizeof s->channel);
		copy_col(st, 4, s->received, sizeof s->received);
		copy_col(st, 5, s->last_date, sizeof s->last_date);
		copy_col(st, 6, s->last_step, sizeof s->last_step);
		s->seq = sqlite3_column_int(st, 7);
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return CCHC_OK;
	if (rc == SQLITE_DONE)
		return err_set(err, CCHC_ENOTFOUND, "Không có phản ánh, kiến nghị số %lld", (long long)id);
	return db_fail(db, rc, "đọc phản ánh, kiến nghị", err);
}

/* The step's date: given or today; not after today, not before the last step. */
static int step_date(const char *given, const struct fb_state *s, const char *today,
		     char out[11], struct cchc_err *err)
{
	if (!given || !*given)
		snprintf(out, 11, "%s", today);
	else if (!parse_day(given, out))
		return bad_date(given, "Ngày", err);
	char d[11], t[11];
	vn_date(out, d);
	if (strcmp(out, today) > 0) {
		vn_date(today, t);
		return err_set(err, CCHC_EINPUT, "Ngày %s chưa tới (hôm nay là %s): không ghi được "
			       "bước xử lý vào ngày sau hôm nay", d, t);
	}
	if (strcmp(out, s->last_date) < 0) {
		vn_date(s->last_date, t);
		return err_set(err, CCHC_EINPUT, "Ngày %s trước ngày của bước trước (\"%s\" ngày %s): "
			       "các bước phải theo thứ tự thời gian", d,
			       feedback_step_label(s->last_step), t);
	}
	return CCHC_OK;
}

static int close_on(struct step_ctx *c, struct cchc_err *err)
{
	const char *v[] = { c->date };
	return write_texts(c->db, "UPDATE feedback SET due_on = NULL, closed_on = ?2 WHERE id = ?1",
			   c->id, v, 1, err);
}

/* Cleans a required text of the action into the step's note. */
static int note_from(struct step_ctx *c, const char *s, const char *what, bool keep_lines,
		     struct cchc_err *err)
{
	char *t;
	if (clean_required(s, what, keep_lines, &t, err))
		return err->code;
	sbuf_add(&c->note, t);
	free(t);
	return CCHC_OK;
}

static int do_classify(struct step_ctx *c, struct cchc_err *err)
{
	struct feedback_input in = { .kind = c->a->kind, .topic = c->a->topic };
	struct cleaned k = { .kind = NULL };
	if (parse_codes(&in, &k, err))
		return err->code;
	const char *v[] = { k.topic, k.kind };
	if (write_texts(c->db, "UPDATE feedback SET topic = coalesce(?2, topic), "
			"kind = coalesce(?3, kind) WHERE id = ?1", c->id, v, 2, err))
		return err->code;
	const char *topic = k.topic ? k.topic : c->s.topic;
	sbuf_addf(&c->note, "%s; %s", feedback_kind_label(k.kind ? k.kind : c->s.kind),
		  *topic ? feedback_topic_label(topic) : "chưa xác định nội dung");
	return CCHC_OK;
}

static int do_reject(struct step_ctx *c, struct cchc_err *err)
{
	if (note_from(c, c->a->note, "ghi cách đã hướng dẫn người gửi (--note)", true, err))
		return err->code;
	return close_on(c, err);
}

static int do_forward(struct step_ctx *c, struct cchc_err *err)
{
	char *to = NULL, *no = NULL;
	int rc = clean_required(c->a->to, "tên cơ quan có thẩm quyền nhận (--to)", false, &to, err);
	if (!rc)
		rc = clean(c->a->number ? c->a->number : "", "Số văn bản", false, &no, err);
	if (!rc) {
		const char *v[] = { to, no };
		rc = write_texts(c->db, "UPDATE feedback SET forward_to = ?2, forward_no = ?3 "
				 "WHERE id = ?1", c->id, v, 2, err);
	}
	if (!rc) {
		sbuf_addf(&c->note, "Chuyển đến %s", to);
		if (*no)
			sbuf_addf(&c->note, ", văn bản số %s", no);
		rc = close_on(c, err);
	}
	free(to), free(no);
	return rc;
}

/* The assignment's deadline: given (not before the step), else received +
 * feedback.due.<channel> working days. */
static int assign_due(struct step_ctx *c, char due[11], struct cchc_err *err)
{
	if (c->a->due && *c->a->due) {
		if (!parse_day(c->a->due, due))
			return bad_date(c->a->due, "Hạn xử lý", err);
		if (strcmp(due, c->date) >= 0)
			return CCHC_OK;
		char d[11], g[11];
		vn_date(due, d), vn_date(c->date, g);
		return err_set(err, CCHC_EINPUT, "Hạn xử lý %s trước ngày giao %s", d, g);
	}
	char key[64];
	snprintf(key, sizeof key, "feedback.due.%s", c->s.channel);
	return calendar_add_iso(c->s.received, settings_get_int(c->db, key, 15), due, err);
}

/* Looks the unit up by code; its id, and "CODE (name)" into label. */
static int find_unit(struct db *db, const char *code, int64_t *id, struct sbuf *label,
		     struct cchc_err *err)
{
	sqlite3_stmt *st;
	*id = 0;
	int rc = sqlite3_prepare_v2(db->h, "SELECT id, code, name FROM unit WHERE code = ?1 "
				    "COLLATE NOCASE", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return db_fail(db, rc, "đọc đơn vị", err);
	sqlite3_bind_text(st, 1, code ? code : "", -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		*id = sqlite3_column_int64(st, 0);
		sbuf_addf(label, "%s (%s)", (const char *)sqlite3_column_text(st, 1),
			  (const char *)sqlite3_column_text(st, 2));
	}
	sqlite3_finalize(st);
	if (*id)
		return CCHC_OK;
	return err_set(err, CCHC_EINPUT, "Không có đơn vị mã \"%s\" (xem cchc unit list)",
		       code ? code : "");
}

/* The note of "giao" ends with the deadline (see feedback.h). */
static int do_assign(struct step_ctx *c, struct cchc_err *err)
{
	int64_t unit;
	char due[11], due_vn[11], uid[24];
	if (!c->a->unit || !*c->a->unit)
		return err_set(err, CCHC_EINPUT, "Cần mã phòng, đơn vị xử lý (--unit)");
	if (find_unit(c->db, c->a->unit, &unit, &c->note, err) || assign_due(c, due, err))
		return err->code;
	snprintf(uid, sizeof uid, "%lld", (long long)unit);
	const char *v[] = { uid, due };
	if (write_texts(c->db, "UPDATE feedback SET unit_id = CAST(?2 AS INTEGER), due_on = ?3 "
			"WHERE id = ?1", c->id, v, 2, err))
		return err->code;
	vn_date(due, due_vn);
	sbuf_addf(&c->note, "; hạn xử lý: %s", due_vn);
	return CCHC_OK;
}

static int do_progress(struct step_ctx *c, struct cchc_err *err)
{
	return note_from(c, c->a->note, "nội dung tiến độ xử lý (--note)", true, err);
}

static int do_answer(struct step_ctx *c, struct cchc_err *err)
{
	const char *channel = "";
	if (c->a->channel && *c->a->channel && !(channel = feedback_channel_parse(c->a->channel)))
		return bad_code("Kênh trả lời", c->a->channel, feedback_channels, err);
	char *signer = NULL;
	if (note_from(c, c->a->text, "nội dung trả lời (--text)", true, err) ||
	    clean(c->a->signer ? c->a->signer : "", "Người ký", false, &signer, err))
		return err->code;
	const char *v[] = { c->note.s, signer, channel };
	int rc = write_texts(c->db, "UPDATE feedback SET answer_text = ?2, answer_signer = ?3, "
			     "answer_channel = ?4 WHERE id = ?1", c->id, v, 3, err);
	free(signer);
	return rc ? rc : close_on(c, err);
}

static int do_publish(struct step_ctx *c, struct cchc_err *err)
{
	if (note_from(c, c->a->where, "nơi công khai kết quả (--where)", false, err))
		return err->code;
	const char *v[] = { c->note.s, c->date };
	return write_texts(c->db, "UPDATE feedback SET published_where = ?2, published_on = ?3 "
			   "WHERE id = ?1", c->id, v, 2, err);
}

static int do_archive(struct step_ctx *c, struct cchc_err *err)
{
	char *note = NULL;
	if (clean(c->a->note ? c->a->note : "", "Ghi chú", true, &note, err))
		return err->code;
	sbuf_add(&c->note, note);
	free(note);
	return write_texts(c->db, "UPDATE feedback SET due_on = NULL WHERE id = ?1", c->id, NULL, 0,
			   err);
}

/* The step itself: checks, the verb's fields, the history row, the status. */
static int act_in_tx(struct step_ctx *c, const struct transition *t, struct cchc_err *err)
{
	char today[11], ts[32];
	if (today_iso(today, err) || load_state(c->db, c->id, &c->s, err))
		return err->code;
	if (!(t->from & BIT(c->s.status)))
		return refuse(&c->s, c->id, t, err);
	if (step_date(c->a->date, &c->s, today, c->date, err) || t->apply(c, err))
		return err->code;
	int rc = insert_step(c->db, c->id, c->s.seq + 1, status_codes[t->to], c->date,
			     c->note.s ? c->note.s : "");
	if (rc != SQLITE_OK)
		return db_fail(c->db, rc, "ghi bước xử lý", err);
	now_iso(ts);
	const char *v[] = { status_codes[t->to], ts };
	return write_texts(c->db, "UPDATE feedback SET status = ?2, updated_at = ?3 WHERE id = ?1",
			   c->id, v, 2, err);
}

int feedback_act(struct db *db, int64_t id, enum feedback_verb verb,
		 const struct feedback_action *a, struct cchc_err *err)
{
	static const struct feedback_action none = { NULL };
	if ((int)verb < 0 || verb >= FEEDBACK_NVERB)
		return err_set(err, CCHC_EINPUT, "Không có bước xử lý này");
	struct step_ctx c = { .db = db, .id = id, .a = a ? a : &none, .note = SBUF_INIT };
	if (db_begin(db, err))
		return err->code;
	int rc = act_in_tx(&c, &transitions[verb], err);
	sbuf_free(&c.note);
	if (rc) {
		db_rollback(db);
		return rc;
	}
	return db_commit(db, err);
}

int feedback_allowed(struct db *db, int64_t id, unsigned *verbs, struct cchc_err *err)
{
	struct fb_state s;
	*verbs = 0;
	if (load_state(db, id, &s, err))
		return err->code;
	*verbs = feedback_next_verbs(s.status);
	return CCHC_OK;
}

/* ---- Reading ------------------------------------------------------------ */

/* The deadline in force on day WHEN (an SQL expression), as ISO: the date at
 * the end of the note of the newest "vào sổ" or "giao" step of f dated on or
 * before it. */
#define DUE_IN_FORCE(when) \
	"(SELECT substr(s.note, -4) || '-' || substr(s.note, -7, 2) || '-' || substr(s.note, -10, 2) " \
	"FROM feedback_step s WHERE s.feedback_id = f.id AND s.step IN ('da-vao-so', 'giao') " \
	"AND s.on_date <= " when " AND s.note GLOB '*[0-9][0-9]/[0-9][0-9]/[0-9][0-9][0-9][0-9]' " \
	"ORDER BY s.seq DESC LIMIT 1)"

#define FB_COLUMNS \
	"f.id, f.status, f.received_on, coalesce(f.due_on, ''), coalesce(f.closed_on, ''), " \
	"coalesce(f.published_on, ''), CASE WHEN f.closed_on IS NULL THEN '' ELSE " \
	"coalesce(" DUE_IN_FORCE("f.closed_on") ", '') END, " \
	"f.channel, f.kind, f.topic, f.answer_channel, f.sender, f.contact, f.content, f.related, " \
	"coalesce(u.code, ''), coalesce(u.name, ''), f.forward_to, f.forward_no, f.answer_text, " \
	"f.answer_signer, f.published_where, f.updated_at"

static void row_to_info(sqlite3_stmt *st, const char *today, struct feedback_info *f)
{
	memset(f, 0, sizeof *f);
	f->id = sqlite3_column_int64(st, 0);
	f->status = status_from_code((const char *)sqlite3_column_text(st, 1));
	char *dates[] = { f->received_on, f->due_on, f->closed_on, f->published_on, f->due_at_close };
	for (int i = 0; i < 5; i++)
		copy_col(st, 2 + i, dates[i], 11);
	char *codes[] = { f->channel, f->kind, f->topic, f->answer_channel };
	for (int i = 0; i < 4; i++)
		copy_col(st, 7 + i, codes[i], 16);
	char **texts[] = { &f->sender, &f->contact, &f->content, &f->related, &f->unit_code,
			   &f->unit_name, &f->forward_to, &f->forward_no, &f->answer_text,
			   &f->answer_signer, &f->published_where, &f->updated_at };
	for (int i = 0; i < 12; i++)
		*texts[i] = col(st, 11 + i);
	f->overdue = feedback_status_open(f->status) && *f->due_on && strcmp(f->due_on, today) < 0;
	f->late = *f->closed_on && *f->due_at_close && strcmp(f->closed_on, f->due_at_close) > 0;
}

int feedback_get(struct db *db, int64_t id, struct feedback_info *f, struct cchc_err *err)
{
	char today[11];
	if (today_iso(today, err))
		return err->code;
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db->h, "SELECT " FB_COLUMNS " FROM feedback f LEFT JOIN unit u "
				    "ON u.id = f.unit_id WHERE f.id = ?", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return db_fail(db, rc, "đọc phản ánh, kiến nghị", err);
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		row_to_info(st, today, f);
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return CCHC_OK;
	if (rc == SQLITE_DONE)
		return err_set(err, CCHC_ENOTFOUND, "Không có phản ánh, kiến nghị số %lld", (long long)id);
	return db_fail(db, rc, "đọc phản ánh, kiến nghị", err);
}

int feedback_steps(struct db *db, int64_t id, struct feedback_step **out, int *n,
		   struct cchc_err *err)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db->h, "SELECT seq, step, on_date, note FROM feedback_step "
				    "WHERE feedback_id = ? ORDER BY seq", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return db_fail(db, rc, "đọc quá trình xử lý", err);
	sqlite3_bind_int64(st, 1, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*out = xrealloc(*out, sizeof **out * (size_t)(*n + 1));
		struct feedback_step *s = &(*out)[(*n)++];
		s->seq = sqlite3_column_int(st, 0);
		copy_col(st, 1, s->step, sizeof s->step);
		copy_col(st, 2, s->on_date, sizeof s->on_date);
		s->note = col(st, 3);
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE)
		return CCHC_OK;
	feedback_steps_free(*out, *n);
	*out = NULL;
	*n = 0;
	return db_fail(db, rc, "đọc quá trình xử lý", err);
}

/* Filtering and ordering in SQL; the caller pages with a key (its last
 * row). Only the conditions the filter sets are in the statement, so
 * SQLite can use an index for them; the parameters keep their numbers
 * (one above the statement's highest is not bound: SQLITE_RANGE). */
static char *list_sql(const struct feedback_filter *f, bool count, bool keyed)
{
	struct sbuf c = SBUF_INIT, b = SBUF_INIT;
	if (f->status >= 0)
		sbuf_add(&c, "AND f.status = ?1 ");
	if (f->open_only)
		sbuf_add(&c, "AND f.status IN " OPEN_SQL " ");
	if (f->overdue)
		sbuf_add(&c, "AND f.due_on < ?3 AND f.status IN " OPEN_SQL " ");
	if (f->due_within >= 0)
		sbuf_add(&c, "AND f.due_on >= ?3 AND f.due_on <= ?4 AND f.status IN " OPEN_SQL " ");
	if (f->unit_code && *f->unit_code)
		sbuf_add(&c, "AND f.unit_id = ?5 ");
	if (f->from && *f->from)
		sbuf_add(&c, "AND f.received_on >= ?6 ");
	if (f->to && *f->to)
		sbuf_add(&c, "AND f.received_on <= ?7 ");
	const char *cond = c.s ? c.s : "";
	if (count) {
		sbuf_addf(&b, "SELECT count(*) FROM feedback f WHERE 1 %s", cond);
		sbuf_free(&c);
		return sbuf_detach(&b);
	}
	/* the page in the arms of keyset_arms over feedback_by_order (due_on,
	 * id), schema 16; each arm's numbers first, the columns for those.
	 * The open items (a few thousand) are read over (status, due_on): in
	 * the arm of those without a deadline, SQLite took feedback_by_order
	 * and read all the closed ones (47,000 of 50,000) to find none, 160 M
	 * instructions for End on the open list. */
	bool open = f->open_only || f->overdue || f->due_within >= 0;
	const char *from = open ? "feedback f INDEXED BY feedback_by_status_due" : "feedback f";
	struct keyset_arm arms[2];
	const struct feedback_info *k = keyed ? f->after : NULL;
	int n = keyset_arms("f.due_on", "f.id", "?10", "?11", k != NULL, k && !*k->due_on,
			    f->reverse, arms);
	for (int i = 0; i < n; i++)
		sbuf_addf(&b, "%sSELECT * FROM (SELECT " FB_COLUMNS " FROM (SELECT f.id FROM %s "
			  "WHERE %s %sORDER BY %s LIMIT ?12) k CROSS JOIN feedback f ON f.id = "
			  "k.id LEFT JOIN unit u ON u.id = f.unit_id)", i ? " UNION ALL " : "",
			  from, arms[i].where, cond, arms[i].order);
	sbuf_add(&b, " LIMIT ?12");
	sbuf_free(&c);
	return sbuf_detach(&b);
}

/* The last day of "due within N working days" from today, or "" for none. */
static int within_limit(int n, const char *today, char out[11], struct cchc_err *err)
{
	out[0] = '\0';
	return n >= 0 ? calendar_add_iso(today, n, out, err) : CCHC_OK;
}

static int bind_filter(struct db *db, sqlite3_stmt *st, const struct feedback_filter *f,
		       const char *today, bool keyed, struct cchc_err *err)
{
	char limit[11];
	int64_t unit = 0;
	if (within_limit(f->due_within, today, limit, err))
		return err->code;
	if (f->unit_code && *f->unit_code &&
	    !(unit = db_int_by_text(db, "SELECT id FROM unit WHERE code = ?1 COLLATE NOCASE",
				    f->unit_code)))
		return err_set(err, CCHC_EINPUT, "Không có đơn vị mã \"%s\" (xem cchc unit list)",
			       f->unit_code);
	sqlite3_bind_text(st, 1, f->status >= 0 ? feedback_status_code(f->status) : "", -1,
			  SQLITE_STATIC);
	sqlite3_bind_text(st, 3, today, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 4, limit, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 5, unit);
	sqlite3_bind_text(st, 6, f->from ? f->from : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, f->to ? f->to : "", -1, SQLITE_STATIC);
	const struct feedback_info *k = keyed ? f->after : NULL;
	sqlite3_bind_int(st, 9, k && !*k->due_on);
	sqlite3_bind_text(st, 10, k ? k->due_on : "", -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 11, k ? k->id : 0);
	if (keyed)
		sqlite3_bind_int(st, 12, f->limit > 0 ? f->limit : -1);
	return CCHC_OK;
}

static int prepare_list(struct db *db, const struct feedback_filter *f, const char *today,
			bool keyed, sqlite3_stmt **st, struct cchc_err *err)
{
	char *sql = list_sql(f, !keyed, keyed);
	int rc = sqlite3_prepare_v2(db->h, sql, -1, st, NULL);
	free(sql);
	if (rc != SQLITE_OK)
		return db_fail(db, rc, "đọc sổ phản ánh, kiến nghị", err);
	if (bind_filter(db, *st, f, today, keyed, err)) {
		sqlite3_finalize(*st);
		return err->code;
	}
	return CCHC_OK;
}

int feedback_list(struct db *db, const struct feedback_filter *f, struct feedback_info **out,
		  int *n, struct cchc_err *err)
{
	*out = NULL;
	*n = 0;
	char today[11];
	sqlite3_stmt *st;
	if (today_iso(today, err) ||
	    prepare_list(db, f, today, true, &st, err))
		return err->code;
	int cap = 0, rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 32;
			*out = xrealloc(*out, sizeof **out * (size_t)cap);
		}
		row_to_info(st, today, &(*out)[(*n)++]);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		feedback_list_free(*out, *n);
		*out = NULL;
		*n = 0;
		return db_fail(db, rc, "đọc sổ phản ánh, kiến nghị", err);
	}
	if (f->reverse)
		array_reverse(*out, (size_t)*n, sizeof **out);
	return CCHC_OK;
}

int feedback_count(struct db *db, const struct feedback_filter *f, int *n, struct cchc_err *err)
{
	*n = 0;
	char today[11];
	sqlite3_stmt *st;
	if (today_iso(today, err) || prepare_list(db, f, today, false, &st, err))
		return err->code;
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? CCHC_OK : db_fail(db, rc, "đếm phản ánh, kiến nghị", err);
}

void feedback_info_free(struct feedback_info *f)
{
	char *t[] = { f->sender, f->contact, f->content, f->related, f->unit_code, f->unit_name,
		      f->forward_to, f->forward_no, f->answer_text, f->answer_signer,
		      f->published_where, f->updated_at };
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
		free(t[i]);
	memset(f, 0, sizeof *f);
}

void feedback_list_free(struct feedback_info *v, int n)
{
	for (int i = 0; i < n; i++)
		feedback_info_free(&v[i]);
	free(v);
}

void feedback_steps_free(struct feedback_step *v, int n)
{
	for (int i = 0; i < n; i++)
		free(v[i].note);
	free(v);
}

/* ---- Report figures ------------------------------------------------------ */

const struct feedback_stat_field feedback_stat_fields[] = {
	{ "received", "Tiếp nhận trong kỳ", offsetof(struct feedback_stats, received) },
	{ "carried", "Kỳ trước chuyển sang", offsetof(struct feedback_stats, carried) },
	{ "handled_total", "Đã xử lý xong", offsetof(struct feedback_stats, handled_total) },
	{ "handled_on_time", "  trong đó đúng hạn", offsetof(struct feedback_stats, handled_on_time) },
	{ "handled_late", "  trong đó trễ hạn", offsetof(struct feedback_stats, handled_late) },
	{ "pending_total", "Đang giải quyết (chưa xong)", offsetof(struct feedback_stats, pending_total) },
	{ "pending_overdue", "  trong đó quá hạn", offsetof(struct feedback_stats, pending_overdue) },
	{ "published", "Đã công khai kết quả", offsetof(struct feedback_stats, published) },
	{ NULL, NULL, 0 },
};

/* ?1 from, ?2 to, ?3 as-of. "Closed" is answered, forwarded or turned away;
 * on time compares the closing date with the deadline then in force. */
#define PENDING "f.received_on <= ?2 AND (f.closed_on IS NULL OR f.closed_on > ?2)"
/* Only the items that can count: open, closed in or after the period, or
 * published in it; three disjoint sets filtered on the indexes
 * feedback_by_closed (schema 14) and feedback_by_published (schema 27),
 * instead of reading ten years of them. Each set is counted on its own
 * and the counts added: a union of them read through a coroutine cost
 * half as much again. */
#define HANDLED "f.closed_on BETWEEN ?1 AND ?2"
#define OVER_SETS(cols) \
	"FROM (SELECT " cols " FROM feedback f WHERE f.closed_on IS NULL AND f.received_on <= ?2) a, " \
	"(SELECT " cols " FROM feedback f WHERE f.closed_on >= ?1 AND f.received_on <= ?2) b, " \
	"(SELECT " cols " FROM feedback f WHERE f.closed_on < ?1 AND f.published_on BETWEEN ?1 " \
	"AND ?2) c"
#define SUM3(x) "a." x " + b." x " + c." x
#define COUNT_COLS \
	"total(f.received_on BETWEEN ?1 AND ?2) AS r, " \
	"total(f.received_on < ?1 AND (f.closed_on IS NULL OR f.closed_on >= ?1)) AS c, " \
	"total(" HANDLED ") AS h"
#define STAT_COLS COUNT_COLS ", " \
	"total(" PENDING ") AS p, " \
	"total(CASE WHEN " PENDING " THEN " DUE_IN_FORCE("?3") " < ?3 ELSE 0 END) AS o, " \
	"total(f.published_on BETWEEN ?1 AND ?2) AS u"
/* The handled on time: the counts by closing day of schema 27
 * (feedback_tally_closed, kept by triggers) less the items closed before
 * they were received and received after the period, which the sets leave
 * out (index feedback_closed_first). */
#define ON_TIME_SQL \
	"coalesce((SELECT sum(on_time) FROM feedback_tally_closed WHERE day BETWEEN ?1 AND ?2), 0) " \
	"- (SELECT count(*) FROM feedback f WHERE f.closed_on < f.received_on AND f.closed_on " \
	"BETWEEN ?1 AND ?2 AND f.received_on > ?2 AND f.closed_on <= coalesce(" \
	DUE_IN_FORCE("f.closed_on") ", f.closed_on))"
static const char STATS_SQL[] = "SELECT " SUM3("r") ", " SUM3("c") ", " SUM3("h") ", "
	ON_TIME_SQL ", "
	"0, " /* handled late: the handled not on time, counted below */
	SUM3("p") ", " SUM3("o") ", " SUM3("u") " " OVER_SETS(STAT_COLS);
/* The first three of them only, over the same rows: no deadline looked up. */
static const char COUNTS_SQL[] = "SELECT " SUM3("r") ", " SUM3("c") ", " SUM3("h") " "
	OVER_SETS(COUNT_COLS);

static int stats_query(struct db *db, const char *sql, struct ymd from, struct ymd to,
		       struct feedback_stats *out, struct cchc_err *err)
{
	char f[11], t[11], today[11];
	memset(out, 0, sizeof *out);
	if (today_iso(today, err))
		return err->code;
	date_format_iso(from, f);
	date_format_iso(to, t);
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db->h, sql, -1, &st, NULL);
	if (rc != SQLITE_OK)
		return db_fail(db, rc, "tổng hợp phản ánh, kiến nghị", err);
	sqlite3_bind_text(st, 1, f, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, t, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, strcmp(t, today) < 0 ? t : today, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	int ncols = sqlite3_column_count(st);
	for (int i = 0; rc == SQLITE_ROW && i < ncols && feedback_stat_fields[i].name; i++)
		*(int *)((char *)out + feedback_stat_fields[i].offset) = sqlite3_column_int(st, i);
	/* a handled item has a closing date, so it is on time or late: the
	 * deadline in force is looked up once per item, not twice */
	out->handled_late = out->handled_total - out->handled_on_time;
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? CCHC_OK : db_fail(db, rc, "tổng hợp phản ánh, kiến nghị", err);
}

int feedback_stats(struct db *db, struct ymd from, struct ymd to, struct feedback_stats *out,
		   struct cchc_err *err)
{
	return stats_query(db, STATS_SQL, from, to, out, err);
}

int feedback_stats_counts(struct db *db, struct ymd from, struct ymd to,
			  struct feedback_stats *out, struct cchc_err *err)
{
	int rc = stats_query(db, COUNTS_SQL, from, to, out, err);
	out->handled_late = 0;
	return rc;
}
