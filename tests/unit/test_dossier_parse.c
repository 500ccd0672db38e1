/* The dossier list parser: column mapping, CSV/TSV reading, dates, channels,
 * the reasons a row is refused, and the sample exports in tests/fixtures. */
#include <config.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "check.h"
#include "core/dossier.h"
#include "import/dossier_parse.h"
#include "text/encoding.h"
#include "util/sbuf.h"

static const char *basic_map =
	"# a comment\n"
	"code      = Mã hồ sơ | Mã HS\n"
	"\n"
	"procedure = Tên thủ tục\n"
	"received  = Ngày tiếp nhận | Ngày nhận\n"
	"due       = Hạn xử lý\n"
	"resolved  = Ngày hoàn thành\n"
	"channel   = Hình thức nộp\n"
	"holder    = Chủ hồ sơ\n";

static struct dossier_map map;

static int parse(const char *text, struct dossier_parse *p, struct cchc_err *err)
{
	return dossier_parse_text(text, strlen(text), &map, p, err);
}

/* The reason given for the only bad row of text, or "(none)". */
static char last_reason[256];
static const char *bad_reason(const char *text)
{
	struct dossier_parse p;
	struct cchc_err err;
	strcpy(last_reason, "(error)");
	if (parse(text, &p, &err) == 0) {
		snprintf(last_reason, sizeof last_reason, "%s",
			 p.nbad == 1 ? p.bad[0].reason : p.nbad ? "(several)" : "(none)");
		dossier_parse_free(&p);
	}
	return last_reason;
}

static char *read_file(const char *dir, const char *name, size_t *len)
{
	char path[1024];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *f = fopen(path, "rb");
	if (!f) {
		fprintf(stderr, "cannot open %s\n", path);
		return NULL;
	}
	struct sbuf b = SBUF_INIT;
	char chunk[65536];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		sbuf_addn(&b, chunk, n);
	fclose(f);
	*len = b.len;
	return sbuf_detach(&b);
}

/* ---------------------------------------------------------------- mapping */

static void test_map(void)
{
	struct cchc_err err;
	CHECK_INT(dossier_map_parse(basic_map, "map", &map, &err), 0);
	CHECK_STR(map.names[DF_CODE][0], "mahoso");
	CHECK_STR(map.names[DF_CODE][1], "mahs");
	CHECK(map.names[DF_CODE][2] == NULL);
	CHECK(map.names[DF_UNIT] == NULL);
	CHECK_STR(dossier_field_name(DF_RECEIVED), "received");
	CHECK_STR(dossier_field_label(DF_DUE), "hạn xử lý");

	struct dossier_map m;
	CHECK_INT(dossier_map_parse("code = A\nreceived = B\ndue = C\nsender = D\n", "m.txt", &m, &err),
		  CCHC_EINPUT);
	CHECK(strstr(err.msg, "m.txt, dòng 4: không có trường \"sender\"") != NULL);
	CHECK(m.names[DF_CODE] == NULL);
	CHECK_INT(dossier_map_parse("code = A\nreceived = B\ncode = X\ndue = C\n", "m.txt", &m, &err),
		  CCHC_EINPUT);
	CHECK_STR(err.msg, "m.txt, dòng 3: trường \"code\" đã khai báo ở dòng 1");
	CHECK_INT(dossier_map_parse("code = A\nreceived = B\n", "m.txt", &m, &err), CCHC_EINPUT);
	CHECK_STR(err.msg, "m.txt: thiếu trường bắt buộc \"due\" (hạn xử lý)");
	CHECK_INT(dossier_map_parse("code A\n", "m.txt", &m, &err), CCHC_EINPUT);
	CHECK(strstr(err.msg, "m.txt, dòng 1: thiếu dấu \"=\"") != NULL);
	CHECK_INT(dossier_map_parse("code = A\nreceived = |\ndue = C\n", "m.txt", &m, &err),
		  CCHC_EINPUT);
	CHECK(strstr(err.msg, "dòng 2: trường \"received\" chưa có tên cột nào") != NULL);
	CHECK_INT(dossier_map_parse("code = Ngày\nreceived = NGAY\ndue = C\n", "m.txt", &m, &err),
		  CCHC_EINPUT);
	CHECK(strstr(err.msg, "cùng một tên cột") != NULL);
	/* BOM and CRLF */
	CHECK_INT(dossier_map_parse("\xef\xbb\xbf" "code = A\r\nreceived = B\r\ndue = C\r\n", "m", &m,
				    &err), 0);
	CHECK_STR(m.names[DF_DUE][0], "c");
	dossier_map_free(&m);
}

static void test_shipped_map(void)
{
	const char *src = getenv("top_srcdir");
	size_t len;
	struct cchc_err err;
	char *text = read_file(src ? src : "../..", "data/dossier-columns.txt", &len);
	CHECK(text != NULL);
	if (!text)
		return;
	struct dossier_map m;
	CHECK_INT(dossier_map_parse(text, "dossier-columns.txt", &m, &err), 0);
	for (int f = 0; f < DF_COUNT; f++)
		CHECK(m.names[f] && m.names[f][0]);
	dossier_map_free(&m);
	free(text);
}

/* ------------------------------------------------------------------ reading */

static void test_header_folding(void)
{
	struct dossier_parse p;
	struct cchc_err err;
	CHECK_INT(parse("STT,MÃ  HỒ SƠ*,NGAY TIEP NHAN:,Hạn xử lý (*),  Ngày hoàn thành.\n"
			"1,A-1,05/03/2026,10/03/2026,\n", &p, &err), 0);
	CHECK_INT(p.columns[DF_CODE], 1);
	CHECK_INT(p.columns[DF_RECEIVED], 2);
	CHECK_INT(p.columns[DF_DUE], 3);
	CHECK_INT(p.columns[DF_RESOLVED], 4);
	CHECK_INT(p.columns[DF_CHANNEL], -1);
	CHECK_INT(p.nrows, 1);
	CHECK_STR(p.rows[0].text[DF_CHANNEL], "");
	CHECK_INT(p.rows[0].channel, DCH_IN_PERSON);
	CHECK_INT(p.rows[0].resolved.y, 0);
	dossier_parse_free(&p);
	/* the first name of the mapping wins over a later one */
	CHECK_INT(parse("Ngày nhận,Mã HS,Ngày tiếp nhận,Hạn xử lý\n", &p, &err), 0);
	CHECK_INT(p.columns[DF_RECEIVED], 2);
	dossier_parse_free(&p);
}

static void test_missing_column(void)
{
	struct dossier_parse p;
	struct cchc_err err;
	CHECK_INT(parse("Mã hồ sơ,Ngày nộp,Chủ hồ sơ\nA,01/01/2026,X\n", &p, &err), CCHC_EINPUT);
	CHECK(strstr(err.msg, "dòng tiêu đề thiếu cột ngày tiếp nhận, hạn xử lý; các cột có: "
			      "\"Mã hồ sơ\", \"Ngày nộp\", \"Chủ hồ sơ\"") != NULL);
	CHECK(p.rows == NULL && p.nrows == 0 && p.nbad == 0);
	CHECK_INT(parse("", &p, &err), CCHC_EINPUT);
	CHECK_STR(err.msg, "tệp trống: không có dòng tiêu đề");
	CHECK_INT(parse("\n \n\n", &p, &err), CCHC_EINPUT);
}

static void test_delimiters(void)
{
	struct dossier_parse p;
	struct cchc_err err;
	CHECK_INT(parse("Mã hồ sơ,Ngày nhận,Hạn xử lý\nA,1/3/2026,2/3/2026\n", &p, &err), 0);
	CHECK_INT(p.delimiter, ',');
	CHECK_INT(p.nrows, 1);
	dossier_parse_free(&p);
	CHECK_INT(parse("Mã hồ sơ;Ngày nhận;Hạn xử lý;Ghi chú, khác\nA;1/3/2026;2/3/2026;x, y\n", &p,
			&err), 0);
	CHECK_INT(p.delimiter, ';');
	CHECK_INT(p.nrows, 1);
	dossier_parse_free(&p);
	CHECK_INT(parse("Mã hồ sơ\tNgày nhận\tHạn xử lý\nA, B; C\t1/3/2026\t2/3/2026\n", &p, &err), 0);
	CHECK_INT(p.delimiter, '\t');
	CHECK_STR(p.rows[0].text[DF_CODE], "A, B; C");
	dossier_parse_free(&p);
	/* quoted delimiters do not count */
	CHECK_INT(parse("\"Mã hồ sơ;x;y\",Ngày nhận,Hạn xử lý\n", &p, &err), CCHC_EINPUT);
	CHECK(strstr(err.msg, "\"Mã hồ sơ;x;y\"") != NULL);
}

static void test_quoting(void)
{
	struct dossier_parse p;
	struct cchc_err err;
	const char *text =
		"Mã hồ sơ,Chủ hồ sơ,Ngày nhận,Hạn xử lý\r\n"
		"A1,\"Công ty TNHH Xăng dầu \"\"Bắc Sơn\"\", chi nhánh 2\",01/03/2026,05/03/2026\r\n"
		"A2,\"Nguyễn Văn A\r\n"
		"thôn Nà Pàn,\r\n"
		"xã Tân Thành\",02/03/2026,06/03/2026\r\n"
		"\r\n"
		"A3, \"Lý Thị B\" ,03/03/2026,07/03/2026";
	CHECK_INT(parse(text, &p, &err), 0);
	CHECK_INT(p.nrows, 3);
	CHECK_INT(p.nbad, 0);
	CHECK_STR(p.rows[0].text[DF_HOLDER], "Công ty TNHH Xăng dầu \"Bắc Sơn\", chi nhánh 2");
	CHECK_INT(p.rows[0].line, 2);
	CHECK_STR(p.rows[1].text[DF_HOLDER], "Nguyễn Văn A thôn Nà Pàn, xã Tân Thành");
	CHECK_INT(p.rows[1].line, 3);
	CHECK_STR(p.rows[2].text[DF_HOLDER], "Lý Thị B");
	CHECK_INT(p.rows[2].line, 7);
	dossier_parse_free(&p);
	/* LF and lone CR line ends count lines the same way */
	CHECK_INT(parse("Mã hồ sơ,Ngày nhận,Hạn xử lý\r\rA,1/3/2026,2/3/2026\r", &p, &err), 0);
	CHECK_INT(p.nrows, 1);
	CHECK_INT(p.rows[0].line, 3);
	dossier_parse_free(&p);
	/* an unclosed quote runs to the end of the file */
	CHECK_INT(parse("Mã hồ sơ,Ngày nhận,Hạn xử lý\nA,1/3/2026,2/3/2026\nB,\"1/3/2026,x\nC,1,2\n",
			&p, &err), 0);
	CHECK_INT(p.nrows, 1);
	CHECK_INT(p.nbad, 1);
	CHECK_INT(p.bad[0].line, 3);
	CHECK_STR(p.bad[0].reason, "ô mở dấu ngoặc kép \" mà không đóng (đến hết tệp)");
	dossier_parse_free(&p);
	/* text after a closing quote: a quote is missing somewhere */
	CHECK_STR(bad_reason("Mã hồ sơ,Chủ hồ sơ,Ngày nhận,Hạn xử lý\n"
			     "A,\"Lê Văn\" An,1/3/2026,2/3/2026\n"),
		  "cột 2 \"Chủ hồ sơ\" có dấu ngoặc kép đặt sai chỗ");
	CHECK_STR(bad_reason("Mã hồ sơ,Chủ hồ sơ,Ngày nhận,Hạn xử lý\n"
			     "A,\"\" ,1/3/2026,\"2/3/2026\"\n"), "(none)");
}

static void test_bom_and_cleaning(void)
{
	struct dossier_parse p;
	struct cchc_err err;
	const char *text =
		"\xef\xbb\xbf" "Mã hồ sơ,Chủ hồ sơ,Ngày nhận,Hạn xử lý\n"
		",,,\n"
		"  A1  ,\"  Nguye\xcc\x82\xcc\x83n  \x1b[31mVa\xcc\x86n\x07\tB \",1/3/2026,2/3/2026\n"
		"A2,x\xff" "y\xe2\x80\xae" "z,1/3/2026,2/3/2026\n";
	CHECK_INT(parse(text, &p, &err), 0);
	CHECK_INT(p.columns[DF_CODE], 0);
	CHECK_INT(p.nrows, 2);
	CHECK_INT(p.nbad, 0);
	CHECK_STR(p.rows[0].text[DF_CODE], "A1");
	CHECK_STR(p.rows[0].text[DF_HOLDER], "Nguyễn [31mVăn B");
	CHECK_INT(p.rows[0].line, 3);
	CHECK_STR(p.rows[1].text[DF_HOLDER], "x\xef\xbf\xbdyz");
	dossier_parse_free(&p);
}

/* -------------------------------------------------------------------- dates */

static bool date_is(const char *s, int y, int m, int d, const char *time)
{
	struct ymd v;
	char t[6];
	return dossier_date_parse(s, &v, t) && v.y == y && v.m == m && v.d == d &&
	       strcmp(t, time) == 0;
}

static void test_dates(void)
{
	struct ymd v;
	char t[6];
	CHECK(date_is("05/03/2026", 2026, 3, 5, ""));
	CHECK(date_is("5/3/2026", 2026, 3, 5, ""));
	CHECK(date_is("5-3-2026", 2026, 3, 5, ""));
	CHECK(date_is("05.03.2026", 2026, 3, 5, ""));
	CHECK(date_is("2026-03-05", 2026, 3, 5, ""));
	CHECK(date_is("05/03/2026 14:30", 2026, 3, 5, "14:30"));
	CHECK(date_is("05/03/2026 8:05:59", 2026, 3, 5, "08:05"));
	CHECK(date_is("2026-03-05 14:30:00", 2026, 3, 5, "14:30"));
	CHECK(date_is("2026-03-05T07:15:00", 2026, 3, 5, "07:15"));
	CHECK(date_is("14:30 05/03/2026", 2026, 3, 5, "14:30"));
	CHECK(date_is("05/03/2026 2:30 CH", 2026, 3, 5, "14:30"));
	CHECK(date_is("05/03/2026 12:10 SA", 2026, 3, 5, "00:10"));
	CHECK(date_is("05/03/2026 11:00 AM", 2026, 3, 5, "11:00"));
	/* Excel serial days: 46096 is 15/3/2026; 45658 is 1/1/2025 */
	CHECK(date_is("46096", 2026, 3, 15, ""));
	CHECK(date_is("45658", 2025, 1, 1, ""));
	CHECK(date_is("46096.75", 2026, 3, 15, "18:00"));
	CHECK(date_is("10000", 1927, 5, 18, ""));
	CHECK(!dossier_date_parse("2026", &v, t));   /* a year is not a serial */
	CHECK(!dossier_date_parse("9999", &v, t));
	CHECK(!dossier_date_parse("46096.x", &v, t));
	CHECK(!dossier_date_parse("05/03/26", &v, t)); /* two-digit year */
	CHECK(!dossier_date_parse("31/02/2026", &v, t));
	CHECK(!dossier_date_parse("29/02/2025", &v, t));
	CHECK(date_is("29/02/2028", 2028, 2, 29, ""));
	CHECK(!dossier_date_parse("2026-3-5", &v, t));
	CHECK(!dossier_date_parse("05/03-2026", &v, t));
	CHECK(!dossier_date_parse("05/03/2026 25:00", &v, t));
	CHECK(!dossier_date_parse("05/03/2026 14:3", &v, t));
	CHECK(!dossier_date_parse("05/03/2026 14:30 xyz", &v, t));
	CHECK(!dossier_date_parse("05/03/2026 13:00 CH", &v, t));
	CHECK(!dossier_date_parse("ngày 5 tháng 3", &v, t));
	CHECK(!dossier_date_parse("", &v, t));
}

static void test_row_dates(void)
{
	struct dossier_parse p;
	struct cchc_err err;
	CHECK_INT(parse("Mã hồ sơ,Ngày tiếp nhận,Hạn xử lý,Ngày hoàn thành\n"
			"A,05/03/2026 15:20:10,46100,2026-03-18 09:00\n"
			"B,2026-03-05,,\n", &p, &err), 0);
	CHECK_INT(p.nrows, 2);
	CHECK(p.rows[0].received.y == 2026 && p.rows[0].received.m == 3 && p.rows[0].received.d == 5);
	CHECK_STR(p.rows[0].received_time, "15:20");
	CHECK(p.rows[0].due.m == 3 && p.rows[0].due.d == 19);
	CHECK(p.rows[0].resolved.m == 3 && p.rows[0].resolved.d == 18);
	CHECK_STR(p.rows[1].received_time, "");
	CHECK_INT(p.rows[1].due.y, 0);
	CHECK_INT(p.rows[1].resolved.y, 0);
	dossier_parse_free(&p);
}

/* ------------------------------------------------------------------ bad rows */

#define HEAD "Mã hồ sơ,Ngày tiếp nhận,Hạn xử lý,Ngày hoàn thành,Hình thức nộp\n"

static void test_bad_rows(void)
{
	CHECK_STR(bad_reason(HEAD "A,05/03/2026,31/02/2026,,\n"),
		  "hạn xử lý \"31/02/2026\" không phải ngày");
	CHECK_STR(bad_reason(HEAD "A,5/3/26,10/03/2026,,\n"),
		  "ngày tiếp nhận \"5/3/26\" không phải ngày");
	CHECK_STR(bad_reason(HEAD "A,05/03/2026,10/03/2026,hôm qua,\n"),
		  "ngày hoàn thành \"hôm qua\" không phải ngày");
	CHECK_STR(bad_reason(HEAD ",05/03/2026,10/03/2026,,\n"), "thiếu mã hồ sơ");
	CHECK_STR(bad_reason(HEAD "A, ,10/03/2026,,\n"), "thiếu ngày tiếp nhận");
	CHECK_STR(bad_reason(HEAD "A,05/03/2026,10/03/2026,01/03/2026,\n"),
		  "ngày hoàn thành 01/03/2026 trước ngày tiếp nhận 05/03/2026");
	CHECK_STR(bad_reason(HEAD "A,05/03/2026,2026-03-04,,\n"),
		  "hạn xử lý 04/03/2026 trước ngày tiếp nhận 05/03/2026");
	CHECK_STR(bad_reason(HEAD "A,05/03/2026,10/03/2026,,fax\n"), "hình thức nộp \"fax\" không rõ");
	CHECK_STR(bad_reason(HEAD "A,05/03/2026,10/03/2026,\n"), "dòng có 4 cột, tiêu đề có 5");
	CHECK_STR(bad_reason(HEAD "A,05/03/2026,10/03/2026,,,x\n"), "dòng có 6 cột, tiêu đề có 5");
	CHECK_STR(bad_reason(HEAD "A,05/03/2026,10/03/2026,,Trực tuyến\n"), "(none)");
	/* long values are cut in the reason */
	const char *r = bad_reason(HEAD "A,05/03/2026,10/03/2026,,"
				   "Gửi bằng chim bồ câu đưa thư qua ba ngọn núi và hai con sông lớn\n");
	const char *prefix = "hình thức nộp \"Gửi bằng chim bồ câu";
	CHECK(strncmp(r, prefix, strlen(prefix)) == 0);
	CHECK(strstr(r, "…\" không rõ") != NULL);
	/* a date equal to the receipt is fine */
	CHECK_STR(bad_reason(HEAD "A,05/03/2026,05/03/2026,05/03/2026,\n"), "(none)");
}

static void test_duplicates(void)
{
	struct dossier_parse p;
	struct cchc_err err;
	CHECK_INT(parse(HEAD
			"X-1,05/03/2026,10/03/2026,,\n"
			"X-2,05/03/2026,01/03/2026,,\n"     /* bad: does not claim X-2 */
			"X-2,05/03/2026,10/03/2026,,\n"
			"X-1,06/03/2026,10/03/2026,,\n"
			"x-1,06/03/2026,10/03/2026,,\n"     /* codes are compared exactly */
			" X-2 ,06/03/2026,10/03/2026,,\n",  /* after trimming */
			&p, &err), 0);
	CHECK_INT(p.nrows, 3);
	CHECK_INT(p.nbad, 3);
	CHECK_INT(p.bad[0].line, 3);
	CHECK_INT(p.bad[1].line, 5);
	CHECK_STR(p.bad[1].reason, "mã hồ sơ \"X-1\" trùng với dòng 2");
	CHECK_INT(p.bad[2].line, 7);
	CHECK_STR(p.bad[2].reason, "mã hồ sơ \"X-2\" trùng với dòng 4");
	dossier_parse_free(&p);

	/* many codes: the table grows and still finds every repeat */
	struct sbuf b = SBUF_INIT;
	sbuf_add(&b, HEAD);
	for (int i = 0; i < 20000; i++)
		sbuf_addf(&b, "H36-%06d,05/03/2026,10/03/2026,,\n", i % 15000);
	CHECK_INT(parse(b.s, &p, &err), 0);
	CHECK_INT(p.nrows, 15000);
	CHECK_INT(p.nbad, 5000);
	CHECK_STR(p.bad[4999].reason, "mã hồ sơ \"H36-004999\" trùng với dòng 5001");
	CHECK_STR(p.rows[14999].text[DF_CODE], "H36-014999");
	dossier_parse_free(&p);
	sbuf_free(&b);
}

static bool channel_is(const char *s, enum dossier_channel want)
{
	enum dossier_channel c;
	return dossier_channel_parse(s, &c) && c == want;
}

static void test_channels(void)
{
	enum dossier_channel c;
	CHECK(channel_is("Trực tuyến", DCH_ONLINE));
	CHECK(channel_is("TRỰC TUYẾN TOÀN TRÌNH", DCH_ONLINE));
	CHECK(channel_is("Online", DCH_ONLINE));
	CHECK(channel_is("Nộp qua Cổng Dịch vụ công quốc gia", DCH_ONLINE));
	CHECK(channel_is("DVC", DCH_ONLINE));
	CHECK(channel_is("Qua mạng", DCH_ONLINE));
	CHECK(channel_is("Dịch vụ bưu chính công ích", DCH_POST));
	CHECK(channel_is("Qua bưu điện", DCH_POST));
	CHECK(channel_is("BCCI", DCH_POST));
	CHECK(channel_is("Qua bưu cục", DCH_POST));
	CHECK(channel_is("Trực tiếp", DCH_IN_PERSON));
	CHECK(channel_is("Nộp tại Bộ phận Một cửa", DCH_IN_PERSON));
	CHECK(channel_is("", DCH_IN_PERSON));
	CHECK(channel_is("  ", DCH_IN_PERSON));
	CHECK(channel_is("Nộp trực tuyến, trả kết quả qua bưu chính", DCH_ONLINE));
	CHECK(channel_is("Trực tiếp, trả kết quả qua bưu điện", DCH_IN_PERSON));
	CHECK(!dossier_channel_parse("fax", &c));
	CHECK(!dossier_channel_parse("Thương mại", &c)); /* "mai", not "mang" */
	CHECK(!dossier_channel_parse("mangle", &c));
	CHECK_STR(dossier_channel_code(DCH_ONLINE), "truc-tuyen");
	CHECK_STR(dossier_channel_code(DCH_IN_PERSON), "truc-tiep");
	CHECK_STR(dossier_channel_code(DCH_POST), "buu-chinh");

	/* in rows, with the cache of the last text understood */
	struct dossier_parse p;
	struct cchc_err err;
	CHECK_INT(parse(HEAD "A,1/3/2026,2/3/2026,,Trực tuyến\n"
			"B,1/3/2026,2/3/2026,,Trực tuyến\n"
			"C,1/3/2026,2/3/2026,,BCCI\n"
			"D,1/3/2026,2/3/2026,,\n"
			"E,1/3/2026,2/3/2026,,Trực tuyến\n", &p, &err), 0);
	CHECK_INT(p.nrows, 5);
	CHECK(p.rows[0].channel == DCH_ONLINE && p.rows[1].channel == DCH_ONLINE);
	CHECK(p.rows[2].channel == DCH_POST && p.rows[3].channel == DCH_IN_PERSON);
	CHECK(p.rows[4].channel == DCH_ONLINE);
	CHECK_STR(p.rows[4].text[DF_CHANNEL], "Trực tuyến");
	dossier_parse_free(&p);
}

/* ----------------------------------------------------------------- fixtures */

static const char *fixtures(void)
{
	const char *f = getenv("FIXTURES");
	return f ? f : "../../tests/fixtures";
}

static int load_map(const char *dir, const char *name, struct dossier_map *m)
{
	size_t len;
	struct cchc_err err;
	char *text = read_file(dir, name, &len);
	CHECK(text != NULL);
	if (!text)
		return -1;
	int rc = dossier_map_parse(text, name, m, &err);
	if (rc)
		fprintf(stderr, "%s\n", err.msg);
	CHECK_INT(rc, 0);
	free(text);
	return rc;
}

/* Decodes and parses a fixture export with the shipped mapping. */
static int load_export(const char *name, const char *enc, struct dossier_parse *p)
{
	char dir[1024];
	snprintf(dir, sizeof dir, "%s/dossiers", fixtures());
	size_t len, outlen;
	struct cchc_err err;
	char *raw = read_file(dir, name, &len), *text = NULL;
	if (!raw)
		return -1;
	int rc = text_decode_input(raw, len, enc, name, &text, &outlen, &err);
	if (!rc)
		rc = dossier_parse_text(text, outlen, &map, p, &err);
	if (rc)
		fprintf(stderr, "%s: %s\n", name, err.msg);
	free(raw);
	free(text);
	return rc;
}

static bool rows_equal(const struct dossier_parse *a, const struct dossier_parse *b)
{
	if (a->nrows != b->nrows)
		return false;
	for (int i = 0; i < a->nrows; i++)
		for (int f = 0; f < DF_COUNT; f++)
			if (strcmp(a->rows[i].text[f], b->rows[i].text[f]) != 0) {
				fprintf(stderr, "row %d field %s: \"%s\" vs \"%s\"\n", i,
					dossier_field_name(f), a->rows[i].text[f], b->rows[i].text[f]);
				return false;
			}
	return true;
}

static void test_fixture_encodings(void)
{
	struct dossier_map shipped;
	const char *src = getenv("top_srcdir");
	if (load_map(src ? src : "../..", "data/dossier-columns.txt", &shipped))
		return;
	struct dossier_map saved = map;
	map = shipped;
	struct dossier_parse utf8, other;
	int rc = load_export("mot-cua-2026.csv", NULL, &utf8);
	CHECK_INT(rc, 0);
	if (rc) {
		map = saved;
		dossier_map_free(&shipped);
		return;
	}
	CHECK_INT(utf8.delimiter, ',');
	CHECK_INT(utf8.nrows, 40);
	CHECK_INT(utf8.nbad, 0);
	for (int f = 0; f < DF_COUNT; f++)
		CHECK(utf8.columns[f] >= 0);
	static const struct {
		const char *file, *enc;
		char delim;
	} variants[] = {
		{ "mot-cua-2026.utf16.tsv", NULL, '\t' },
		{ "mot-cua-2026.cp1258.csv", "WINDOWS-1258", ',' },
		{ "mot-cua-2026.tcvn3.csv", "TCVN5712-1", ',' },
		{ "mot-cua-2026.viscii.csv", "VISCII", ',' },
	};
	for (size_t i = 0; i < sizeof variants / sizeof variants[0]; i++) {
		rc = load_export(variants[i].file, variants[i].enc, &other);
		CHECK_INT(rc, 0);
		if (rc)
			continue;
		CHECK_INT(other.delimiter, variants[i].delim);
		CHECK_INT(other.nbad, 0);
		CHECK(rows_equal(&utf8, &other));
		dossier_parse_free(&other);
	}
	dossier_parse_free(&utf8);
	map = saved;
	dossier_map_free(&shipped);
}

/* Writes n bytes to a temporary file; its path, static. */
static const char *write_tmp(const char *bytes, size_t n)
{
	static char path[64];
	snprintf(path, sizeof path, "/tmp/cchc-dossier-parse-%ld.csv", (long)getpid());
	FILE *f = fopen(path, "wb");
	CHECK(f && fwrite(bytes, 1, n, f) == n);
	if (f)
		fclose(f);
	return path;
}

/* The whole-file reading (the dossiers screen's import): a NUL byte and
 * UTF-16 without a BOM are told as what they are, for a dossier file, and
 * the encoding named then reads the BOM-less file. */
static void test_read_file_refusals(void)
{
	char dir[1024], want[512];
	snprintf(dir, sizeof dir, "%s/dossiers", fixtures());
	size_t len, n16;
	char *csv = read_file(dir, "mot-cua-2026.csv", &len);
	char *u16 = read_file(dir, "mot-cua-2026.utf16.tsv", &n16);
	CHECK(csv && u16);
	if (!csv || !u16)
		return;
	struct dossier_parse p, ref;
	struct cchc_err err;
	char *mid = csv;
	for (int line = 1; line < 11; line++)
		mid = strchr(mid, '\n') + 1;
	*mid = '\0'; /* the first byte of line 11 */
	const char *path = write_tmp(csv, len);
	CHECK(dossier_read_file(path, NULL, NULL, &p, &err) == CCHC_EINPUT);
	snprintf(want, sizeof want, "Tệp hồ sơ %s không phải văn bản: có byte 0 ở dòng 11", path);
	CHECK_STR(err.msg, want);
	CHECK(dossier_read_file(write_tmp(u16, n16), NULL, NULL, &ref, &err) == 0);
	path = write_tmp(u16 + 2, n16 - 2);
	CHECK(dossier_read_file(path, NULL, NULL, &p, &err) == CCHC_EINPUT);
	snprintf(want, sizeof want, "Tệp hồ sơ %s có vẻ là UTF-16 không có BOM; hãy lưu lại dưới "
		 "dạng UTF-8 hoặc dùng --encoding UTF-16LE", path);
	CHECK_STR(err.msg, want);
	CHECK(dossier_read_file(path, "UTF-16LE", NULL, &p, &err) == 0);
	CHECK_INT(p.nrows, 40);
	CHECK(rows_equal(&ref, &p));
	dossier_parse_free(&p);
	for (size_t i = 2; i + 1 < n16; i += 2) { /* the same in UTF-16BE */
		char t = u16[i];
		u16[i] = u16[i + 1];
		u16[i + 1] = t;
	}
	path = write_tmp(u16 + 2, n16 - 2);
	CHECK(dossier_read_file(path, NULL, NULL, &p, &err) == CCHC_EINPUT);
	CHECK(strstr(err.msg, "có vẻ là UTF-16 không có BOM") && strstr(err.msg, "UTF-16BE"));
	CHECK(dossier_read_file(path, "UTF-16BE", NULL, &p, &err) == 0);
	CHECK(rows_equal(&ref, &p));
	dossier_parse_free(&p);
	dossier_parse_free(&ref);
	unlink(path);
	free(csv);
	free(u16);
}

static void test_fixture_broken(void)
{
	char dir[1024];
	snprintf(dir, sizeof dir, "%s/dossiers", fixtures());
	struct dossier_map shipped;
	const char *src = getenv("top_srcdir");
	if (load_map(src ? src : "../..", "data/dossier-columns.txt", &shipped))
		return;
	struct dossier_parse p;
	struct cchc_err err;
	size_t len, elen;
	char *text = read_file(dir, "broken.csv", &len);
	char *expected = read_file(dir, "broken.expected-bad", &elen);
	CHECK(text && expected);
	if (text && expected && dossier_parse_text(text, len, &shipped, &p, &err) == 0) {
		struct sbuf got = SBUF_INIT;
		for (int i = 0; i < p.nbad; i++)
			sbuf_addf(&got, "%d\t%s\n", p.bad[i].line, p.bad[i].reason);
		CHECK_STR(got.s, expected);
		CHECK(p.nrows > 0);
		sbuf_free(&got);
		dossier_parse_free(&p);
	}
	free(text);
	free(expected);
	dossier_map_free(&shipped);
}

static void test_fixture_other_system(void)
{
	char dir[1024];
	snprintf(dir, sizeof dir, "%s/dossiers", fixtures());
	struct dossier_map m;
	if (load_map(dir, "other-system.map", &m))
		return;
	struct dossier_parse p;
	struct cchc_err err;
	size_t len;
	char *text = read_file(dir, "other-system.tsv", &len);
	CHECK(text != NULL);
	if (text && dossier_parse_text(text, len, &m, &p, &err) == 0) {
		CHECK_INT(p.delimiter, '\t');
		CHECK_INT(p.nbad, 0);
		CHECK(p.nrows >= 5 && p.nrows <= 10);
		for (int i = 0; i < p.nrows; i++)
			CHECK(p.rows[i].received_time[0] != '\0');
		CHECK_INT(p.columns[DF_FIELD], -1);
		const struct dossier_row *r = &p.rows[1];
		CHECK_STR(r->text[DF_CODE], "BN-2026-000118");
		CHECK_STR(r->received_time, "15:02");
		CHECK(r->due.y == 2026 && r->due.m == 3 && r->due.d == 3);
		CHECK(r->resolved.m == 3 && r->resolved.d == 4);
		CHECK_INT(r->channel, DCH_IN_PERSON);
		CHECK_INT(p.rows[0].channel, DCH_ONLINE);
		CHECK_INT(p.rows[2].channel, DCH_POST);
		CHECK_INT(p.rows[2].resolved.y, 0);
		dossier_parse_free(&p);
	}
	free(text);
	dossier_map_free(&m);
}

static int ymd_cmp(struct ymd a, struct ymd b)
{
	return a.y != b.y ? a.y - b.y : a.m != b.m ? a.m - b.m : a.d - b.d;
}

/* Recomputes the 2026-Q1 figures of mot-cua-2026.expected from the parsed
 * rows: the fixture's hand count and its definitions must agree. */
static void test_fixture_figures(void)
{
	struct dossier_map shipped;
	const char *src = getenv("top_srcdir");
	if (load_map(src ? src : "../..", "data/dossier-columns.txt", &shipped))
		return;
	struct dossier_map saved = map;
	map = shipped;
	struct dossier_parse p;
	int rc = load_export("mot-cua-2026.csv", NULL, &p);
	CHECK_INT(rc, 0);
	if (rc == 0) {
		struct ymd from = { 2025, 12, 15 }, to = { 2026, 3, 14 };
		long online = 0, offline = 0, carried = 0, resolved = 0, early = 0, on_time = 0,
		     late = 0, pending = 0, overdue = 0;
		for (int i = 0; i < p.nrows; i++) {
			const struct dossier_row *r = &p.rows[i];
			bool done = r->resolved.y != 0;
			bool in_period = ymd_cmp(r->received, from) >= 0 && ymd_cmp(r->received, to) <= 0;
			bool carry = ymd_cmp(r->received, from) < 0 &&
				     (!done || ymd_cmp(r->resolved, from) >= 0);
			if (!in_period && !carry)
				continue;
			if (in_period)
				(*(r->channel == DCH_ONLINE ? &online : &offline))++;
			else
				carried++;
			if (done && ymd_cmp(r->resolved, from) >= 0 && ymd_cmp(r->resolved, to) <= 0) {
				resolved++;
				int c = ymd_cmp(r->resolved, r->due);
				(*(c < 0 ? &early : c == 0 ? &on_time : &late))++;
			} else if (!done || ymd_cmp(r->resolved, to) > 0) {
				pending++;
				overdue += ymd_cmp(r->due, to) < 0;
			}
		}
		struct sbuf got = SBUF_INIT;
		sbuf_addf(&got, "received_online\t%ld\nreceived_offline\t%ld\nreceived_carried\t%ld\n"
			  "received_total\t%ld\nresolved_total\t%ld\nresolved_early\t%ld\n"
			  "resolved_on_time\t%ld\nresolved_late\t%ld\npending_total\t%ld\n"
			  "pending_overdue\t%ld\npending_in_time\t%ld\n", online, offline, carried,
			  online + offline + carried, resolved, early, on_time, late, pending,
			  overdue, pending - overdue);
		long rate = resolved ? ((early + on_time) * 20000 / resolved + 1) / 2 : 0;
		sbuf_addf(&got, "on_time_rate\t%ld.%02ld\n", rate / 100, rate % 100);
		char dir[1024];
		snprintf(dir, sizeof dir, "%s/dossiers", fixtures());
		size_t len;
		char *expected = read_file(dir, "mot-cua-2026.expected", &len);
		CHECK_STR(got.s, expected ? expected : "");
		free(expected);
		sbuf_free(&got);
		dossier_parse_free(&p);
	}
	map = saved;
	dossier_map_free(&shipped);
}

int main(void)
{
	test_map();
	test_shipped_map();
	test_header_folding();
	test_missing_column();
	test_delimiters();
	test_quoting();
	test_bom_and_cleaning();
	test_dates();
	test_row_dates();
	test_bad_rows();
	test_duplicates();
	test_channels();
	test_fixture_encodings();
	test_fixture_broken();
	test_fixture_other_system();
	test_fixture_figures();
	test_read_file_refusals();
	dossier_map_free(&map);
	return check_report("test_dossier_parse");
}
