/* Folding for search, tokens, query matching, snippets, Vietnamese order. */
#include <config.h>
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "text/collate.h"
#include "text/fold.h"

static void check_fold(const char *in, bool exact, const char *want)
{
	char *f = text_fold(in, exact);
	CHECK_STR(f, want);
	free(f);
}

static void test_fold(void)
{
	check_fold("xin lỗi", false, "xin loi");
	check_fold("XIN LỖI", false, "xin loi");
	check_fold("Đồng Đăng", false, "dong dang");
	check_fold("thủ tục", false, "thu tuc");
	check_fold("Nguye\xcc\x82\xcc\x83n", false, "nguyen"); /* NFD in */
	check_fold("ĐƯỜNG Ư", false, "duong u");
	check_fold("XIN LỖI", true, "xin lỗi");
	check_fold("Mà", true, "mà");
	/* the letters' folds are kept once asked: asked again, the same; a
	 * letter that folds to two code points, to none (a mark stripped),
	 * and to three (exact: never kept) */
	for (int i = 0; i < 2; i++) {
		check_fold("Ấp Đoàn ß \xcc\x81x ΐ", false, "ap doan ss x ι");
		check_fold("Ấp Đoàn ß \xcc\x81x ΐ", true, "ấp đoàn ss \xcc\x81x ι\xcc\x88\xcc\x81");
	}
}

/* text_fold_span: ASCII folded in place, Vietnamese letters remembered
 * once folded (the same answers the second time, in either mode, after the
 * other), a letter folding to two (ß) never remembered as one, and the
 * buffer's end respected on either path. */
static void check_span(const char *in, bool exact, size_t cap, const char *want)
{
	char buf[64];
	struct text_span sp = { 0, strlen(in) };
	size_t n = text_fold_span(in, sp, exact, buf, cap);
	CHECK_STR(buf, want);
	CHECK_INT((int)n, (int)strlen(want));
}

static void test_fold_span(void)
{
	for (int round = 0; round < 2; round++) {
		check_span("Lạng SƠN Đồng Đăng", false, 64, "lang son dong dang");
		check_span("Lạng SƠN Đồng Đăng", true, 64, "lạng sơn đồng đăng");
		check_span("Straße", true, 64, "strasse");
		check_span("Straße", false, 64, "strasse");
	}
	check_span("ABCDEF", false, 4, "abc");
	check_span("Ồ Ồ", false, 3, "o ");
	check_span("Ồ Ồ", true, 4, "ồ");
}

static bool finds(const char *query, bool exact, const char *text)
{
	struct text_query q;
	text_query_init(&q, query, exact, false);
	bool r = text_query_matches_all(&q, text);
	text_query_free(&q);
	return r;
}

static void test_match(void)
{
	CHECK(finds("xin loi", false, "Phiếu xin lỗi và hẹn lại"));
	CHECK(finds("XIN LOI", false, "Phiếu xin lỗi và hẹn lại"));
	CHECK(finds("xin lỗi", false, "Phiếu xin lỗi"));
	CHECK(finds("dong dang", false, "cửa khẩu Đồng Đăng"));
	CHECK(finds("thu tuc", false, "cải cách thủ tục hành chính"));
	CHECK(!finds("thu tuc", false, "cải cách thủ tướng"));
	/* exact: tones count, case does not */
	CHECK(finds("mà", true, "nhưng MÀ vẫn"));
	CHECK(!finds("mà", true, "con ma"));
	CHECK(!finds("ma", true, "nhưng mà"));
	CHECK(finds("ma", false, "nhưng mà"));
	/* prefix for search as you type */
	struct text_query q;
	text_query_init(&q, "thu tu", false, true);
	CHECK(text_query_matches_all(&q, "thủ tục"));
	text_query_free(&q);
	text_query_init(&q, "thu tu ", false, true); /* a finished word */
	CHECK(!text_query_matches_all(&q, "thủ tục"));
	text_query_free(&q);
}

static void test_snippet(void)
{
	struct text_query q;
	text_query_init(&q, "thu tuc", false, false);
	char *s = text_snippet(&q, "Cải cách thủ tục hành chính", 40, "[", "]");
	CHECK_STR(s, "Cải cách [thủ tục] hành chính");
	free(s);
	s = text_snippet(&q, "Một hai ba bốn năm sáu bảy tám chín mười, rồi đến thủ tục hành chính "
			     "và còn rất nhiều chữ nữa ở phía sau", 30, "[", "]");
	CHECK_STR(s, "…rồi đến [thủ tục] hành chính và…");
	free(s);
	text_query_free(&q);
	/* highlight keeps the original tones when the query has none */
	text_query_init(&q, "dong dang", false, false);
	struct text_span sp[4];
	const char *t = "Cửa khẩu Đồng Đăng";
	CHECK_INT(text_query_spans(&q, t, sp, 4), 2);
	CHECK(strncmp(t + sp[0].start, "Đồng", sp[0].end - sp[0].start) == 0);
	text_query_free(&q);
}

static int cmp(const char *a, const char *b)
{
	return text_collate(a, strlen(a), b, strlen(b));
}

static void test_collate(void)
{
	/* DOMAIN.md: bac bác bạc băc bắc bâc bấc */
	const char *order[] = { "bac", "bác", "bạc", "băc", "bắc", "bâc", "bấc" };
	for (size_t i = 0; i + 1 < sizeof order / sizeof order[0]; i++)
		CHECK(cmp(order[i], order[i + 1]) < 0);
	/* tones: none < huyền < hỏi < ngã < sắc < nặng */
	const char *tones[] = { "ma", "mà", "mả", "mã", "má", "mạ" };
	for (size_t i = 0; i + 1 < sizeof tones / sizeof tones[0]; i++)
		CHECK(cmp(tones[i], tones[i + 1]) < 0);
	CHECK(cmp("dz", "đa") < 0);       /* đ after d */
	CHECK(cmp("đz", "e") < 0);
	CHECK(cmp("uz", "ưa") < 0);       /* ư after u */
	CHECK(cmp("oz", "ôa") < 0 && cmp("ôz", "ơa") < 0);
	CHECK(cmp("Đinh", "Dương") > 0);
	CHECK(cmp("an", "An") < 0);       /* case last */
	CHECK(cmp("An", "ăn") < 0);       /* ...after the letters */
	CHECK(cmp("Phòng A", "Phòng B") < 0);
	CHECK(cmp("Ban", "Ban Quản lý") < 0);
	CHECK(cmp("Văn phòng", "Văn phòng") == 0);
	/* NFD sorts like NFC */
	CHECK(cmp("ba\xcc\x81" "c", "bac") > 0);
	CHECK(cmp("ba\xcc\x81" "c", "bạc") < 0);
}

int main(void)
{
	test_fold();
	test_fold_span();
	test_match();
	test_snippet();
	test_collate();
	return check_report("test_fold");
}
