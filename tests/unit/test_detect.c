/* Guessing a dossier export's encoding (text/detect.h): the same export in
 * UTF-8 (with and without a BOM), UTF-16 with a BOM, Windows-1258 and
 * TCVN3 each recognised from its first bytes, short samples of typical
 * text, and bytes that are none of these refused. */
#include <config.h>
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "text/detect.h"
#include "util/fsutil.h"

static char *fixture(const char *name, size_t *n)
{
	const char *dir = getenv("FIXTURES");
	char path[4096];
	snprintf(path, sizeof path, "%s/dossiers/%s", dir ? dir : "tests/fixtures", name);
	char *buf = NULL;
	struct cchc_err err = { 0 };
	if (fs_read_file(path, 1 << 20, &buf, n, &err)) {
		fprintf(stderr, "%s\n", err.msg);
		exit(99);
	}
	return buf;
}

static void check_guess(const char *buf, size_t n, bool at_end, const char *name, bool bom)
{
	struct text_guess g;
	check_count++;
	if (!text_guess_encoding(buf, n, at_end, &g) || strcmp(g.name, name) || g.bom != bom) {
		check_failures++;
		fprintf(stderr, "guessed %s%s, want %s%s: %.40s\n", g.name, g.bom ? " (BOM)" : "",
			name, bom ? " (BOM)" : "", buf);
	}
}

static void check_file(const char *file, const char *name, bool bom)
{
	size_t n;
	char *buf = fixture(file, &n);
	check_guess(buf, n, true, name, bom);
	if (n > 700)   /* the first few rows, cut anywhere, as a sample is */
		check_guess(buf, 700, false, name, bom);
	free(buf);
}

static void test_exports(void)
{
	check_file("mot-cua-2026.csv", "UTF-8", true);
	check_file("mot-cua-2026.utf16.tsv", "UTF-16LE", true);
	check_file("mot-cua-2026.cp1258.csv", "Windows-1258", false);
	check_file("mot-cua-2026.tcvn3.csv", "TCVN3", false);
	check_file("other-system.tsv", "UTF-8", false);
}

static void test_samples(void)
{
	/* "Cấp Giấy phép bán lẻ" in Windows-1258 (tones as combining marks) */
	const char cp[] = "C\xe2\xecp Gi\xe2\xecy phe\xecp ba\xecn le\xd2, \xd0\xf4\xecng \xd0\xe3ng";
	check_guess(cp, strlen(cp), true, "Windows-1258", false);
	/* "Hộ kinh doanh Nông Thị Hạnh" in TCVN3 */
	const char tc[] = "H\xe9 kinh doanh N\xabng Th\xde H\xb9nh";
	check_guess(tc, strlen(tc), true, "TCVN3", false);
	check_guess("\xfe\xff\0M", 4, true, "UTF-16BE", true);
	check_guess("Ma ho so,Ten thu tuc", 20, true, "UTF-8", false);
	/* UTF-8 cut in the middle of "ồ" at the sample's end is still UTF-8 */
	check_guess("H\xe1\xbb", 3, false, "UTF-8", false);
}

static void test_refused(void)
{
	struct text_guess g;
	/* Latin-1 German, and random high bytes: neither reads as Vietnamese */
	const char de[] = "Gr\xfc\xdf Gott, M\xfcnchen Stra\xdf" "e \xc4rger \xd6l";
	CHECK(!text_guess_encoding(de, strlen(de), true, &g));
	char noise[512];
	unsigned x = 12345;
	for (size_t i = 0; i < sizeof noise; i++) {
		x = x * 1103515245u + 12345u;
		noise[i] = (char)(0x80 | (x >> 16));
	}
	CHECK(!text_guess_encoding(noise, sizeof noise, true, &g));
}

static void test_names(void)
{
	char s[64];
	struct text_guess g = { "WINDOWS-1258", "Windows-1258", false };
	text_encoding_said(&g, false, s, sizeof s);
	CHECK_STR(s, "Windows-1258 (tự nhận biết)");
	g = (struct text_guess){ NULL, "UTF-8", true };
	text_encoding_said(&g, false, s, sizeof s);
	CHECK_STR(s, "UTF-8 có BOM (tự nhận biết)");
	g = (struct text_guess){ "TCVN5712-1", text_encoding_display("tcvn3"), false };
	text_encoding_said(&g, true, s, sizeof s);
	CHECK_STR(s, "TCVN3 (theo --encoding)");
	CHECK_STR(text_encoding_display("cp1258"), "Windows-1258");
	CHECK_STR(text_encoding_display("viscii"), "VISCII");
}

int main(void)
{
	test_exports();
	test_samples();
	test_refused();
	test_names();
	return check_report("test_detect");
}
