#include <config.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/settings.h"
#include "text/date.h"
#include "text/fold.h"
#include "text/utf8.h"
#include "util/sbuf.h"

static bool valid_text(const char *v)
{
	return !text_is_blank(v, strlen(v));
}

static bool valid_any(const char *v)
{
	return true;
}

static bool int_in(const char *v, long lo, long hi)
{
	char *end;
	long x = strtol(v, &end, 10);
	return *v && !*end && x >= lo && x <= hi;
}

static bool valid_days(const char *v)
{
	return int_in(v, 1, 365);
}

static bool valid_cutoff(const char *v)
{
	return int_in(v, 1, 28);
}

/* yes/no, or as the program's forms say it, có/không (stored as yes/no). */
static bool valid_yes_no(const char *v)
{
	return strcmp(v, "yes") == 0 || strcmp(v, "no") == 0 || strcmp(v, "có") == 0 ||
	       strcmp(v, "không") == 0;
}

bool settings_yes_no(const char *key)
{
	const struct setting_def *s = settings_find(key);
	return s && s->valid == valid_yes_no;
}

static bool valid_keep_daily(const char *v)
{
	return int_in(v, 1, 3650);
}

static bool valid_keep_monthly(const char *v)
{
	return int_in(v, 0, 1200);
}

static bool valid_due_within(const char *v)
{
	return int_in(v, 0, 1000);
}

static bool valid_max_mb(const char *v)
{
	return int_in(v, 1, 4096);
}

/* A number pattern holds {n} (the year's sequence) once, maybe {yyyy}. */
static bool valid_number_pattern(const char *v)
{
	const char *n = strstr(v, "{n}");
	return n && !strstr(n + 3, "{n}") && !strchr(v, '\n');
}

/* A report number: a symbol after the number ("/BC-SCT": the number left
 * blank for the clerk's office), or a pattern with {n} once ("{n}/BC-SCT",
 * "05/BC-SCT" typed whole is refused: the number changes each report). */
static bool valid_report_number(const char *v)
{
	const char *n = strstr(v, "{n}");
	return valid_text(v) && !strchr(v, '\n') && strchr(v, '/') &&
	       (n ? !strstr(n + 3, "{n}") : *v == '/');
}

/* A day of the year without the year: "16/03". */
static bool valid_day_month(const char *v)
{
	int d, m, n = 0;
	return sscanf(v, "%d/%d%n", &d, &m, &n) == 2 && !v[n] && m >= 1 && m <= 12 && d >= 1 &&
	       d <= date_days_in_month(2024, m);
}

/* A full date, dd/mm/yyyy or ISO: "15/09/2025". */
static bool valid_date(const char *v)
{
	struct ymd d;
	return date_parse_dmy(v, &d) || date_parse_iso(v, &d);
}

/* What a refused value needed, said shortly (under a form's field). */
static const struct {
	bool (*valid)(const char *value);
	const char *why;
} whys[] = {
	{ valid_text, "Không được để trống" },
	{ valid_days, "Cần một số ngày từ 1 đến 365" },
	{ valid_cutoff, "Cần một ngày từ 1 đến 28" },
	{ valid_yes_no, "Ghi «có» hoặc «không»" },
	{ valid_keep_daily, "Cần một số từ 1 đến 3650" },
	{ valid_keep_monthly, "Cần một số từ 0 đến 1200" },
	{ valid_due_within, "Cần một số từ 0 đến 1000" },
	{ valid_max_mb, "Cần một số từ 1 đến 4096" },
	{ valid_number_pattern, "Cần {n} đúng một lần, ví dụ {n}/PXL-SCT" },
	{ valid_report_number, "Cần {n} một lần và dấu /, ví dụ {n}/BC-SCT; hoặc /BC-SCT để điền "
	  "số sau" },
	{ valid_day_month, "Cần ngày/tháng, ví dụ 16/03" },
	{ valid_date, "Cần ngày/tháng/năm, ví dụ 15/09/2025" },
};

/* The derived defaults read the newest plan's header. */
static const struct {
	const char *key, *sql;
	bool upper;
} derived[] = {
	{ "org.parent", "SELECT CASE WHEN parent_body <> '' THEN parent_body WHEN place <> '' THEN "
	  "'UBND TỈNH ' || place END FROM plan ORDER BY is_demo, year DESC, id DESC", true },
	{ "org.name", "SELECT issuer FROM plan ORDER BY is_demo, year DESC, id DESC", false },
	{ "org.place", "SELECT place FROM plan ORDER BY is_demo, year DESC, id DESC", false },
	{ "letter.authority",
	  "SELECT signer_authority FROM plan ORDER BY is_demo, year DESC, id DESC", false },
	{ "letter.signer_title",
	  "SELECT signer_title FROM plan ORDER BY is_demo, year DESC, id DESC", false },
	{ "letter.signer", "SELECT signer_name FROM plan ORDER BY is_demo, year DESC, id DESC", false },
};

const struct setting_def settings_known[] = {
	{ "org.parent", "", "Cơ quan chủ quản, dòng đầu bên trái văn bản (mặc định lấy từ kế hoạch "
	  "mới nhất), ví dụ UBND TỈNH LẠNG SƠN", valid_any },
	{ "org.name", "", "Tên cơ quan (mặc định lấy từ kế hoạch mới nhất), ví dụ Sở Công Thương; "
	  "phần đầu văn bản in hoa tự động", valid_text },
	{ "org.place", "", "Địa danh ghi trước ngày tháng, ví dụ Lạng Sơn", valid_text },
	{ "letter.number", "{n}/PXL", "Mẫu số phiếu xin lỗi: {n} là số thứ tự trong năm, {yyyy} là "
	  "năm, ví dụ {n}/PXL-SCT", valid_number_pattern },
	{ "letter.authority", "KT. GIÁM ĐỐC", "Thẩm quyền ký phiếu xin lỗi (KT. GIÁM ĐỐC, "
	  "TL. GIÁM ĐỐC, hoặc để trống khi Giám đốc ký)", valid_any },
	{ "letter.signer_title", "PHÓ GIÁM ĐỐC", "Chức vụ người ký phiếu xin lỗi", valid_text },
	{ "letter.signer", "", "Họ tên người ký phiếu xin lỗi", valid_any },
	{ "letter.form_switch", "15/09/2025", "Ngày đổi mẫu văn bản xin lỗi: văn bản ghi ngày từ ngày "
	  "này dùng mẫu số 04 của Thông tư 03/2025/TT-VPCP (letter-2025.txt), trước đó dùng mẫu số 04 "
	  "của Thông tư 01/2018/TT-VPCP (letter-2018.txt)", valid_date },
	{ "feedback.forward_days", "5", "Số ngày làm việc để chuyển phản ánh, kiến nghị không thuộc "
	  "thẩm quyền (tính từ ngày tiếp nhận)", valid_days },
	{ "feedback.due.van-ban", "15", "Hạn xử lý phản ánh, kiến nghị gửi bằng văn bản (ngày làm "
	  "việc từ ngày tiếp nhận)", valid_days },
	{ "feedback.due.truc-tiep", "15", "Hạn xử lý phản ánh, kiến nghị trực tiếp (ngày làm việc)",
	  valid_days },
	{ "feedback.due.dien-thoai", "10", "Hạn xử lý phản ánh qua điện thoại, đường dây nóng (ngày "
	  "làm việc)", valid_days },
	{ "feedback.due.email", "15", "Hạn xử lý phản ánh qua thư điện tử (ngày làm việc)",
	  valid_days },
	{ "feedback.due.cong-dvc", "20", "Hạn xử lý phản ánh trên Cổng Dịch vụ công quốc gia (ngày "
	  "làm việc)", valid_days },
	{ "feedback.due.phieu", "15", "Hạn xử lý ý kiến qua phiếu lấy ý kiến (ngày làm việc)",
	  valid_days },
	/* the report's own settings (issue 15): short name, Kính gửi, number */
	{ "org.short", "", "Tên ngắn của cơ quan dùng trong câu văn (Sở, Ban, UBND huyện); mặc định "
	  "lấy từ org.name: Sở Công Thương → Sở, Ban Quản lý ... → Ban", valid_text },
	{ "report.to", "", "Kính gửi của báo cáo, ví dụ Sở Nội vụ tỉnh Lạng Sơn (để trống: không có "
	  "dòng Kính gửi); khi có, \"Như trên\" đứng đầu nơi nhận", valid_any },
	{ "report.number", "/BC", "Số, ký hiệu của báo cáo: {n} là số (dưới 10 thêm số 0: 05), {yyyy} "
	  "là năm, ví dụ {n}/BC-SCT; bỏ {n} (/BC-SCT) để văn thư điền số khi phát hành",
	  valid_report_number },
	{ "report.authority", "", "Thẩm quyền ký báo cáo (để trống khi Giám đốc ký; KT. GIÁM ĐỐC "
	  "khi Phó Giám đốc ký thay)", valid_any },
	{ "report.signer_title", "GIÁM ĐỐC", "Chức vụ người ký báo cáo", valid_text },
	{ "report.signer", "", "Họ tên người ký báo cáo", valid_any },
	{ "report.recipients", "UBND tỉnh (b/c)|Sở Nội vụ|Lãnh đạo Sở|Các phòng, đơn vị thuộc Sở|"
	  "Lưu: VT, VP", "Nơi nhận báo cáo, cách nhau bởi dấu |", valid_text },
	{ "report.deadline.q1", "16/03", "Hạn gửi báo cáo CCHC quý I (ngày/tháng)", valid_day_month },
	{ "report.deadline.h1", "16/06", "Hạn gửi báo cáo CCHC 6 tháng (ngày/tháng)",
	  valid_day_month },
	{ "report.deadline.q3", "16/09", "Hạn gửi báo cáo CCHC quý III (ngày/tháng)",
	  valid_day_month },
	{ "report.deadline.9m", "16/09", "Hạn gửi báo cáo CCHC 9 tháng (ngày/tháng)",
	  valid_day_month },
	{ "report.deadline.year", "16/12", "Hạn gửi báo cáo CCHC năm (ngày/tháng)", valid_day_month },
	{ "period.cutoff_day", "15", "Ngày chốt số liệu: kỳ báo cáo tính từ ngày này của tháng trước "
	  "kỳ đến ngày liền trước nó của tháng cuối kỳ (15: quý I = 15/12 → 14/3; 1: theo tháng "
	  "dương lịch)", valid_cutoff },
	{ "backup.auto", "yes", "Tự động sao lưu cơ sở dữ liệu vào thư mục backups cạnh nó ở lần ghi "
	  "đầu tiên mỗi ngày (yes/no, hoặc có/không)", valid_yes_no },
	{ "backup.keep_daily", "14", "Số bản sao lưu tự động hằng ngày mới nhất được giữ lại",
	  valid_keep_daily },
	{ "backup.keep_monthly", "12", "Với các bản sao lưu tự động cũ hơn: giữ bản mới nhất của mỗi "
	  "tháng, cho bấy nhiêu tháng gần nhất (0: không giữ)", valid_keep_monthly },
	/* read by the program and the evidence store, settable since issue 17 */
	{ "ui.due_within", "10", "\"Sắp đến hạn\" là trong bấy nhiêu ngày làm việc tới (màn Tổng "
	  "quan, Nhiệm vụ W), từ 0 đến 1000", valid_due_within },
	{ "evidence.max_mb", "100", "Cỡ tối đa của một tệp minh chứng, tính bằng MB (1 đến 4096)",
	  valid_max_mb },
	{ NULL, NULL, NULL, NULL },
};

/* The settings screen: the keys grouped as the clerk thinks of them. */
const struct setting_shown settings_shown[] = {
	{ "org.name", "Cơ quan", "Tên cơ quan" },
	{ "org.short", "Cơ quan", "Tên ngắn" },
	{ "org.parent", "Cơ quan", "Cơ quan chủ quản" },
	{ "org.place", "Cơ quan", "Địa danh" },
	{ "report.authority", "Báo cáo", "Thẩm quyền ký" },
	{ "report.signer_title", "Báo cáo", "Chức vụ người ký" },
	{ "report.signer", "Báo cáo", "Người ký" },
	{ "report.number", "Báo cáo", "Số, ký hiệu" },
	{ "report.to", "Báo cáo", "Kính gửi" },
	{ "report.recipients", "Báo cáo", "Nơi nhận" },
	{ "report.deadline.q1", "Báo cáo", "Hạn gửi quý I" },
	{ "report.deadline.h1", "Báo cáo", "Hạn gửi 6 tháng" },
	{ "report.deadline.q3", "Báo cáo", "Hạn gửi quý III" },
	{ "report.deadline.9m", "Báo cáo", "Hạn gửi 9 tháng" },
	{ "report.deadline.year", "Báo cáo", "Hạn gửi năm" },
	{ "period.cutoff_day", "Báo cáo", "Ngày chốt số liệu" },
	{ "letter.authority", "Phiếu xin lỗi", "Thẩm quyền ký" },
	{ "letter.signer_title", "Phiếu xin lỗi", "Chức vụ người ký" },
	{ "letter.signer", "Phiếu xin lỗi", "Người ký" },
	{ "letter.number", "Phiếu xin lỗi", "Mẫu số phiếu" },
	{ "letter.form_switch", "Phiếu xin lỗi", "Ngày đổi mẫu" },
	{ "feedback.forward_days", "Phản ánh", "Hạn chuyển đi" },
	{ "feedback.due.van-ban", "Phản ánh", "Hạn: văn bản" },
	{ "feedback.due.truc-tiep", "Phản ánh", "Hạn: trực tiếp" },
	{ "feedback.due.dien-thoai", "Phản ánh", "Hạn: điện thoại" },
	{ "feedback.due.email", "Phản ánh", "Hạn: thư điện tử" },
	{ "feedback.due.cong-dvc", "Phản ánh", "Hạn: Cổng DVC" },
	{ "feedback.due.phieu", "Phản ánh", "Hạn: phiếu ý kiến" },
	{ "backup.auto", "Sao lưu", "Tự động sao lưu" },
	{ "backup.keep_daily", "Sao lưu", "Giữ bản hằng ngày" },
	{ "backup.keep_monthly", "Sao lưu", "Giữ bản hằng tháng" },
	{ "ui.due_within", "Khác", "Sắp đến hạn (ngày)" },
	{ "evidence.max_mb", "Khác", "Cỡ tệp tối đa (MB)" },
	{ NULL, NULL, NULL },
};

const struct setting_def *settings_find(const char *key)
{
	for (const struct setting_def *s = settings_known; s->key; s++)
		if (strcmp(s->key, key) == 0)
			return s;
	return NULL;
}

static char *derive(struct db *db, const char *key)
{
	for (size_t i = 0; i < sizeof derived / sizeof derived[0]; i++) {
		if (strcmp(derived[i].key, key) != 0)
			continue;
		sqlite3_stmt *st;
		char *v = NULL;
		if (sqlite3_prepare_v2(db->h, derived[i].sql, -1, &st, NULL) != SQLITE_OK)
			return NULL;
		if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_bytes(st, 0) > 0) {
			const char *t = (const char *)sqlite3_column_text(st, 0);
			v = derived[i].upper ? text_upper(t) : xstrdup(t);
		}
		sqlite3_finalize(st);
		return v;
	}
	return NULL;
}

/* The agency's short name as its own sentences say it, from its full
 * name: "Sở Công Thương" -> "Sở", "Ban Quản lý ..." -> "Ban", "Ủy ban nhân
 * dân huyện X" or "UBND huyện X" -> "UBND huyện"; an unknown kind of body
 * gives its first word. Matched without tones or case. */
static char *org_short_of(const char *name)
{
	static const struct {
		const char *folded, *shown;
	} heads[] = {
		{ "uy ban nhan dan ", "UBND" }, { "ubnd ", "UBND" }, { "van phong ", "Văn phòng" },
		{ "thanh tra ", "Thanh tra" }, { "trung tam ", "Trung tâm" },
		{ "chi cuc ", "Chi cục" }, { "ban ", "Ban" }, { "so ", "Sở" }, { "cuc ", "Cục" },
	};
	static const struct {
		const char *folded, *shown;
	} levels[] = {
		{ "thi xa", "thị xã" }, { "thi tran", "thị trấn" }, { "thanh pho", "thành phố" },
		{ "dac khu", "đặc khu" }, { "huyen", "huyện" }, { "quan", "quận" },
		{ "phuong", "phường" }, { "xa", "xã" }, { "tinh", "tỉnh" },
	};
	char *f = text_fold(name, false), *out = NULL;
	for (size_t i = 0; !out && i < sizeof heads / sizeof heads[0]; i++) {
		size_t n = strlen(heads[i].folded);
		if (strncmp(f, heads[i].folded, n) != 0)
			continue;
		if (strcmp(heads[i].shown, "UBND") != 0) {
			out = xstrdup(heads[i].shown);
			break;
		}
		for (size_t j = 0; !out && j < sizeof levels / sizeof levels[0]; j++) {
			size_t m = strlen(levels[j].folded);
			if (strncmp(f + n, levels[j].folded, m) == 0 && (!f[n + m] || f[n + m] == ' ')) {
				struct sbuf b = SBUF_INIT;
				sbuf_addf(&b, "UBND %s", levels[j].shown);
				out = sbuf_detach(&b);
			}
		}
		if (!out)
			out = xstrdup("UBND");
	}
	free(f);
	if (!out) {
		size_t n = strcspn(name, " ");
		out = n ? xstrndup(name, n) : xstrdup("Cơ quan");
	}
	return out;
}

char *settings_get(struct db *db, const char *key)
{
	char *v = db_setting_get(db, key);
	if (!v)
		v = derive(db, key);
	if (!v && strcmp(key, "org.short") == 0) {
		char *name = settings_get(db, "org.name");
		v = *name ? org_short_of(name) : xstrdup("Sở");
		free(name);
	}
	if (!v) {
		const struct setting_def *s = settings_find(key);
		v = xstrdup(s ? s->def : "");
	}
	return v;
}

int settings_get_int(struct db *db, const char *key, int fallback)
{
	char *v = settings_get(db, key), *end;
	long x = strtol(v, &end, 10);
	int r = (*v && !*end) ? (int)x : fallback;
	free(v);
	return r;
}

bool settings_is_set(struct db *db, const char *key)
{
	char *v = db_setting_get(db, key);
	free(v);
	return v != NULL;
}

static int check_key(const char *key, struct cchc_err *err)
{
	if (settings_find(key))
		return CCHC_OK;
	return err_set(err, CCHC_EINPUT, "Không có thiết lập \"%s\" (xem: cchc setting list)", key);
}

/* The value as it would be stored (NFC, spaces squeezed) in *out, or an
 * error saying why it is refused. */
static int checked(const char *key, const char *value, char **out, struct cchc_err *err)
{
	*out = NULL;
	if (check_key(key, err))
		return err->code;
	size_t bad;
	if (!utf8_valid(value, strlen(value), &bad))
		return err_set(err, CCHC_EINPUT, "Giá trị của %s không phải UTF-8 hợp lệ", key);
	char *v = text_nfc(value);
	char *t = text_squeeze(v);
	free(v);
	if (!settings_find(key)->valid(t)) {
		err_set(err, CCHC_EINPUT, "Giá trị \"%s\" không hợp lệ cho %s: %s", t, key,
			settings_find(key)->help);
		free(t);
		return err->code;
	}
	if (settings_yes_no(key) && (!strcmp(t, "có") || !strcmp(t, "không"))) {
		bool yes = *t == 'c';
		free(t);
		t = xstrdup(yes ? "yes" : "no");
	}
	*out = t;
	return CCHC_OK;
}

int settings_check(const char *key, const char *value, struct cchc_err *err)
{
	char *t;
	int rc = checked(key, value, &t, err);
	free(t);
	if (rc != CCHC_EINPUT || !settings_find(key))
		return rc;
	for (size_t i = 0; i < sizeof whys / sizeof whys[0]; i++)
		if (whys[i].valid == settings_find(key)->valid)
			return err_set(err, rc, "%s", whys[i].why);
	return rc;
}

int settings_set_many(struct db *db, const char *const *keys, const char *const *values, int n,
		      struct cchc_err *err)
{
	char **t = xcalloc((size_t)n + 1, sizeof *t);
	int rc = CCHC_OK, i;
	for (i = 0; i < n && !rc; i++)
		rc = checked(keys[i], values[i], &t[i], err);
	bool began = !rc && !(rc = db_begin(db, err));
	for (i = 0; i < n && !rc; i++)
		rc = db_setting_set(db, keys[i], t[i], err);
	if (!rc)
		rc = db_commit(db, err);
	if (rc && began)
		db_rollback(db);
	for (i = 0; i < n; i++)
		free(t[i]);
	free(t);
	return rc;
}

int settings_set(struct db *db, const char *key, const char *value, struct cchc_err *err)
{
	return settings_set_many(db, &key, &value, 1, err);
}

bool settings_setup_needed(struct db *db)
{
	static const char sql[] =
		"SELECT NOT EXISTS (SELECT 1 FROM setting WHERE key = 'org.name' AND trim(value) <> '') "
		"AND NOT EXISTS (SELECT 1 FROM plan WHERE is_demo = 0 AND trim(issuer) <> '') "
		"AND (EXISTS (SELECT 1 FROM plan WHERE is_demo = 0) "
		"     OR NOT EXISTS (SELECT 1 FROM plan WHERE is_demo = 1))";
	sqlite3_stmt *st;
	bool needed = false;
	if (db->readonly || sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) != SQLITE_OK)
		return false;
	if (sqlite3_step(st) == SQLITE_ROW)
		needed = sqlite3_column_int(st, 0) != 0;
	sqlite3_finalize(st);
	return needed;
}

int settings_reset(struct db *db, const char *key, struct cchc_err *err)
{
	if (check_key(key, err))
		return err->code;
	int rc = db_begin(db, err);
	if (rc)
		return rc;
	sqlite3_stmt *st;
	rc = sqlite3_prepare_v2(db->h, "DELETE FROM setting WHERE key = ?", -1, &st, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
		rc = sqlite3_step(st) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(db->h);
		sqlite3_finalize(st);
	}
	if (rc != SQLITE_OK) {
		db_rollback(db);
		return db_fail(db, rc, "xóa thiết lập", err);
	}
	return db_commit(db, err);
}
