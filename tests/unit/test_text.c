/* UTF-8, NFC, display width, sanitising, dates, input decoding, SHA-256. */
#include <config.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#include "check.h"
#include "text/date.h"
#include "text/encoding.h"
#include "text/utf8.h"
#include "util/sbuf.h"
#include "util/sha256.h"

static void test_nfc(void)
{
	/* "Nguyễn" typed decomposed: e + circumflex (U+0302) + tilde (U+0303) */
	char *s = text_nfc("Nguye\xcc\x82\xcc\x83n");
	CHECK_STR(s, "Nguyễn");
	free(s);
	CHECK(text_nfc("\xff\xfe") == NULL);
	/* text_nfc returns text of only code points below U+0300 or in
	 * U+1E00..U+1EFF unchanged without asking utf8proc: every such code
	 * point, alone and after "a", is its own NFC in utf8proc too */
	int changed = 0;
	for (uint32_t cp = 1; cp <= 0x1EFF; cp = cp == 0x2FF ? 0x1E00 : cp + 1) {
		char one[8] = "a";
		size_t n = utf8_encode(cp, one + 1);
		one[1 + n] = '\0';
		for (int k = 0; k < 2; k++) {
			const char *in = one + 1 - k;
			char *u = (char *)utf8proc_NFC((const utf8proc_uint8_t *)in);
			char *t = text_nfc(in);
			changed += !u || !t || strcmp(u, in) != 0 || strcmp(t, in) != 0;
			free(u);
			free(t);
		}
	}
	CHECK_INT(changed, 0);
	/* precomposed then a combining mark: composed by utf8proc */
	s = text_nfc("\xe1\xba\xa1\xcc\x80 a\xcc\x80");   /* ạ + grave, a + grave */
	CHECK_STR(s, "\xe1\xba\xa1\xcc\x80 \xc3\xa0");
	free(s);
}

static void test_width(void)
{
	CHECK_INT(text_width("Nguyễn"), 6);
	CHECK_INT(text_width("Nguye\xcc\x82\xcc\x83n"), 6); /* marks take no column */
	CHECK_INT(text_width("Đồng Đăng"), 9);
	CHECK_INT(text_width("中文"), 4);
	int used;
	/* 3 columns of a decomposed "ễn": the marks stay with their e */
	size_t n = text_fit("ae\xcc\x82\xcc\x83nx", 3, &used);
	CHECK_INT(n, 7);
	CHECK_INT(used, 3);
	n = text_fit("中文", 3, &used);
	CHECK_INT(n, 3);
	CHECK_INT(used, 2);
}

static void test_sanitize(void)
{
	char *s = text_sanitize("a\x1b[31mb\tc\x07");
	CHECK_STR(s, "a\xef\xbf\xbd[31mb c\xef\xbf\xbd");
	free(s);
	s = text_sanitize("x\xc2\x9b" "1m"); /* C1 CSI */
	CHECK_STR(s, "x\xef\xbf\xbd" "1m");
	free(s);
	s = text_sanitize("a\xe2\x80\xae" "b"); /* RIGHT-TO-LEFT OVERRIDE */
	CHECK_STR(s, "a\xef\xbf\xbd" "b");
	free(s);
	/* safe stretches copied whole: between, before and after what is
	 * replaced, invalid bytes one at a time, a sequence cut at the end */
	s = text_sanitize("");
	CHECK_STR(s, "");
	free(s);
	s = text_sanitize("\tHồ sơ\xff\xfeđã nhận\x7f\xe2\x80");
	CHECK_STR(s, " Hồ sơ\xef\xbf\xbd\xef\xbf\xbdđã nhận\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");
	free(s);
	s = text_sanitize("Trễ hạn 3 ngày\u2028");
	CHECK_STR(s, "Trễ hạn 3 ngày\xef\xbf\xbd");
	free(s);
	s = text_squeeze("  a \t b\n c  ");
	CHECK_STR(s, "a b c");
	free(s);
}

static void test_dates(void)
{
	struct ymd d;
	CHECK(date_parse_dmy("3/6/2024", &d) && d.y == 2024 && d.m == 6 && d.d == 3);
	CHECK(!date_parse_dmy("31/6/2024", &d));
	CHECK(!date_parse_dmy("29/2/2023", &d));
	CHECK(date_parse_dmy("29/02/2024", &d));
	CHECK(date_parse_iso("2026-11-24", &d) && d.d == 24);
	CHECK(!date_parse_iso("2026-13-01", &d));
	char buf[11];
	date_format_vn((struct ymd){ 2026, 1, 5 }, buf);
	CHECK_STR(buf, "05/01/2026");
	setenv("CCHC_TODAY", "2026-02-28", 1);
	struct cchc_err err = { 0 };
	CHECK(date_today(&d, &err) == CCHC_OK && d.m == 2 && d.d == 28);
	setenv("CCHC_TODAY", "28/02/2026", 1);
	CHECK(date_today(&d, &err) == CCHC_EINPUT && strstr(err.msg, "YYYY-MM-DD"));
	unsetenv("CCHC_TODAY");
}

static void test_decode(void)
{
	struct cchc_err err = { 0 };
	char *out;
	size_t n;
	/* UTF-8 with BOM and CRLF, decomposed: NFC, LF, no BOM */
	CHECK(text_decode_input("\xef\xbb\xbfTe\xcc\x82\xcc\x81t\r\nx", 13, NULL, "T", &out, &n, &err) == 0);
	CHECK_STR(out, "Tết\nx");
	free(out);
	/* UTF-16LE with BOM: "Sở" */
	CHECK(text_decode_input("\xff\xfeS\x00\xdf\x1e", 6, NULL, "T", &out, &n, &err) == 0);
	CHECK_STR(out, "Sở");
	free(out);
	/* Latin-1 bytes on line 2: refused, naming the line and --encoding */
	CHECK(text_decode_input("ok\nCaf\xe9\n", 8, NULL, "Tệp x", &out, &n, &err) == CCHC_EINPUT);
	CHECK(strstr(err.msg, "dòng 2") && strstr(err.msg, "--encoding"));
	/* the same with the encoding named */
	CHECK(text_decode_input("ok\nCaf\xe9\n", 8, "ISO-8859-1", "T", &out, &n, &err) == 0);
	CHECK_STR(out, "ok\nCafé\n");
	free(out);
	/* Windows-1258 keeps tones as combining marks: composed to NFC */
	CHECK(text_decode_input("Vi\xea\xf2t", 5, "WINDOWS-1258", "T", &out, &n, &err) == 0);
	CHECK_STR(out, "Việt");
	free(out);
	CHECK(text_decode_input("a\0b", 3, NULL, "T", &out, &n, &err) == CCHC_EINPUT);
	CHECK_STR(err.msg, "T không phải văn bản: có byte 0 ở dòng 1");
	CHECK(text_decode_input_hint("a\nb\n\0", 5, NULL, "T", "h", &out, &n, &err) == CCHC_EINPUT);
	CHECK_STR(err.msg, "T không phải văn bản: có byte 0 ở dòng 3 (h)");
	/* UTF-16 without a BOM: told as such, with the --encoding that reads it */
	static const char le[] = "S\0\xdf\x1e,\0" "1\0\n\0", be[] = "\0S\x1e\xdf\0,\0" "1\0\n";
	CHECK(text_decode_input(le, 10, NULL, "T", &out, &n, &err) == CCHC_EINPUT);
	CHECK_STR(err.msg, "T có vẻ là UTF-16 không có BOM; hãy lưu lại dưới dạng UTF-8 hoặc "
		  "dùng --encoding UTF-16LE");
	CHECK(text_decode_input(be, 10, NULL, "T", &out, &n, &err) == CCHC_EINPUT);
	CHECK(strstr(err.msg, "--encoding UTF-16BE") != NULL);
	CHECK(text_decode_input(le, 10, "UTF-16LE", "T", &out, &n, &err) == 0);
	CHECK_STR(out, "Sở,1\n");
	free(out);
	CHECK(text_decode_input(be, 10, "utf16be", "T", &out, &n, &err) == 0);
	CHECK_STR(out, "Sở,1\n");
	free(out);
	CHECK(text_guess_utf16(le, 10, 10) && !text_guess_utf16(le, 10, 11)); /* odd: not UTF-16 */
	CHECK(text_guess_utf16("\0\0ab\0\0cd", 8, 8) == NULL);         /* NULs both sides */
	CHECK(text_guess_utf16("abcdefgh\0i", 10, 10) == NULL);           /* one NUL */
	/* a NUL character once decoded: not text either, at its line */
	CHECK(text_decode_input("a\0\n\0\0\0", 6, "UTF-16LE", "T", &out, &n, &err) == CCHC_EINPUT);
	CHECK_STR(err.msg, "T không phải văn bản: có ký tự NUL ở dòng 2");
	CHECK(text_decode_input(" \n\t\n", 4, NULL, "T", &out, &n, &err) == CCHC_EINPUT);
	CHECK(strstr(err.msg, "rỗng") != NULL);
	CHECK(text_decode_input("x", 1, "NO-SUCH-CHARSET", "T", &out, &n, &err) == CCHC_EINPUT);
}

static void test_array_reverse(void)
{
	int64_t odd[] = { 1, 2, 3, 4, 5 }, even[] = { 1, 2, 3, 4 };
	array_reverse(odd, 5, sizeof odd[0]);
	array_reverse(even, 4, sizeof even[0]);
	array_reverse(NULL, 0, sizeof odd[0]);
	CHECK(odd[0] == 5 && odd[1] == 4 && odd[2] == 3 && odd[3] == 2 && odd[4] == 1);
	CHECK(even[0] == 4 && even[1] == 3 && even[2] == 2 && even[3] == 1);
}

static void test_sha256(void)
{
	char hex[65];
	sha256_hex("abc", 3, hex);
	CHECK_STR(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	sha256_hex("", 0, hex);
	CHECK_STR(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	char big[1000];
	memset(big, 'a', sizeof big);
	struct sha256 c;
	unsigned char d[32];
	sha256_init(&c);
	for (int i = 0; i < 1000; i++)
		sha256_update(&c, big, sizeof big); /* one million 'a' */
	sha256_final(&c, d);
	CHECK(d[0] == 0xcd && d[1] == 0xc7 && d[31] == 0xd0);
}

int main(void)
{
	test_nfc();
	test_width();
	test_sanitize();
	test_dates();
	test_decode();
	test_sha256();
	test_array_reverse();
	return check_report("test_text");
}
