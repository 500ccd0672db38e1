#include <config.h>
#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include "text/encoding.h"
#include "text/utf8.h"
#include "util/sbuf.h"

const char *text_encoding_name(const char *name)
{
	static const struct {
		const char *alias, *iconv;
	} names[] = {
		{ "cp1258", "WINDOWS-1258" }, { "windows1258", "WINDOWS-1258" },
		{ "tcvn3", "TCVN5712-1" }, { "tcvn", "TCVN5712-1" }, { "abc", "TCVN5712-1" },
		{ "vntime", "TCVN5712-1" }, { "viscii", "VISCII" },
		{ "utf8", "UTF-8" }, { "utf16", "UTF-16" }, { "utf16le", "UTF-16LE" },
		{ "utf16be", "UTF-16BE" }, { "latin1", "ISO-8859-1" },
	};
	char key[32];
	size_t k = 0;
	for (const char *p = name; *p && k < sizeof key - 1; p++)
		if (*p != '-' && *p != '_' && *p != '.')
			key[k++] = (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
	key[k] = '\0';
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strcmp(key, names[i].alias) == 0)
			return names[i].iconv;
	return name;
}

int text_iconv(const char *buf, size_t n, const char *from, char **out, size_t *outlen,
	       struct cchc_err *err)
{
	from = text_encoding_name(from);
	iconv_t cd = iconv_open("UTF-8", from);
	if (cd == (iconv_t)-1)
		return err_set(err, CCHC_EINPUT, "Không biết bảng mã \"%s\" (dùng utf8, utf16le, utf16be, cp1258, "
			       "tcvn3, viscii, hoặc một tên mà iconv hiểu)", from);
	struct sbuf b = SBUF_INIT;
	char chunk[16384];
	ICONV_CONST char *in = (ICONV_CONST char *)buf;
	size_t inleft = n;
	for (;;) {
		char *o = chunk;
		size_t oleft = sizeof chunk;
		size_t r = iconv(cd, inleft ? &in : NULL, &inleft, &o, &oleft);
		sbuf_addn(&b, chunk, sizeof chunk - oleft);
		if (r != (size_t)-1 && inleft == 0) {
			/* flush any shift state */
			o = chunk;
			oleft = sizeof chunk;
			iconv(cd, NULL, NULL, &o, &oleft);
			sbuf_addn(&b, chunk, sizeof chunk - oleft);
			break;
		}
		if (r == (size_t)-1 && errno == E2BIG)
			continue;
		if (r == (size_t)-1) {
			size_t off = (size_t)(in - buf);
			size_t line = 1;
			for (size_t i = 0; i < off; i++)
				line += buf[i] == '\n';
			iconv_close(cd);
			sbuf_free(&b);
			return err_set(err, CCHC_EINPUT,
				       "Dòng %zu có byte không hợp lệ trong bảng mã %s", line, from);
		}
	}
	iconv_close(cd);
	*outlen = b.len;
	*out = sbuf_detach(&b);
	return CCHC_OK;
}

static size_t line_of(const char *buf, size_t off)
{
	size_t line = 1;
	for (size_t i = 0; i < off; i++)
		line += buf[i] == '\n';
	return line;
}

/* Drops CRs of CRLF and lone CRs become LF. */
static void normalise_newlines(char *s)
{
	char *w = s;
	for (char *r = s; *r; r++) {
		if (*r == '\r') {
			*w++ = '\n';
			if (r[1] == '\n')
				r++;
		} else {
			*w++ = *r;
		}
	}
	*w = '\0';
}

static int from_utf16(const char *buf, size_t n, char **u8, size_t *u8len, struct cchc_err *err)
{
	const char *enc = (unsigned char)buf[0] == 0xff ? "UTF-16LE" : "UTF-16BE";
	return text_iconv(buf + 2, n - 2, enc, u8, u8len, err);
}

#define UTF16_SAMPLE 4096  /* bytes looked at by text_guess_utf16 */

const char *text_guess_utf16(const char *buf, size_t n, long long total)
{
	if (total % 2 || n < 2)
		return NULL;
	if (n > UTF16_SAMPLE)
		n = UTF16_SAMPLE;
	n &= ~(size_t)1;
	size_t zeros[2] = { 0, 0 }, pairs = n / 2;
	for (size_t i = 0; i < n; i++)
		zeros[i & 1] += buf[i] == '\0';
	for (int odd = 0; odd < 2; odd++)
		if (zeros[odd] * 4 >= pairs && zeros[!odd] * 8 <= zeros[odd])
			return odd ? "UTF-16LE" : "UTF-16BE";
	return NULL;
}

int text_refuse_nul(const char *what, const char *sample, size_t n, long long total,
		    size_t line, const char *hint, struct cchc_err *err)
{
	const char *utf16 = text_guess_utf16(sample, n, total);
	if (utf16)
		return err_set(err, CCHC_EINPUT, "%s có vẻ là UTF-16 không có BOM; hãy lưu lại dưới "
			       "dạng UTF-8 hoặc dùng --encoding %s", what, utf16);
	return err_set(err, CCHC_EINPUT, "%s không phải văn bản: có byte 0 ở dòng %zu%s%s%s", what,
		       line, hint ? " (" : "", hint ? hint : "", hint ? ")" : "");
}

int text_decode_input(const char *buf, size_t n, const char *enc, const char *what,
		      char **out, size_t *outlen, struct cchc_err *err)
{
	return text_decode_input_hint(buf, n, enc, what, NULL, out, outlen, err);
}

int text_decode_input_hint(const char *buf, size_t n, const char *enc, const char *what,
			   const char *binary_hint, char **out, size_t *outlen,
			   struct cchc_err *err)
{
	char *u8 = NULL;
	size_t u8len = 0;
	int rc;
	if (n == 0)
		return err_set(err, CCHC_EINPUT, "%s rỗng: không có nội dung để nhập", what);
	bool bom16 = n >= 2 && (((unsigned char)buf[0] == 0xff && (unsigned char)buf[1] == 0xfe) ||
				((unsigned char)buf[0] == 0xfe && (unsigned char)buf[1] == 0xff));
	if (enc) {
		rc = text_iconv(buf, n, enc, &u8, &u8len, err);
	} else if (bom16) {
		rc = from_utf16(buf, n, &u8, &u8len, err);
	} else {
		const char *nul = memchr(buf, '\0', n);
		if (nul)
			return text_refuse_nul(what, buf, n, (long long)n,
					       line_of(buf, (size_t)(nul - buf)), binary_hint, err);
		size_t bad;
		if (!utf8_valid(buf, n, &bad))
			return err_set(err, CCHC_EINPUT,
				       "%s không phải UTF-8: dòng %zu có byte không hợp lệ. Nếu tệp dùng "
				       "bảng mã khác, hãy ghi rõ bằng --encoding (ví dụ --encoding "
				       "WINDOWS-1258, TCVN5712-1, VISCII, UTF-16LE)",
				       what, line_of(buf, bad));
		size_t skip = n >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;
		u8 = xstrndup(buf + skip, n - skip);
		u8len = n - skip;
		rc = CCHC_OK;
	}
	if (rc != CCHC_OK)
		return rc;
	const char *nul = memchr(u8, '\0', u8len);
	if (nul) {
		size_t line = line_of(u8, (size_t)(nul - u8));
		free(u8);
		return err_set(err, CCHC_EINPUT, "%s không phải văn bản: có ký tự NUL ở dòng %zu", what,
			       line);
	}
	if (strncmp(u8, "\xef\xbb\xbf", 3) == 0) /* a BOM kept by the conversion */
		memmove(u8, u8 + 3, strlen(u8 + 3) + 1);
	normalise_newlines(u8);
	char *nfc = text_nfc(u8);
	free(u8);
	if (!nfc)
		return err_set(err, CCHC_EINPUT, "%s không chuyển được sang UTF-8 hợp lệ", what);
	if (text_is_blank(nfc, strlen(nfc))) {
		free(nfc);
		return err_set(err, CCHC_EINPUT, "%s rỗng: không có nội dung để nhập", what);
	}
	*outlen = strlen(nfc);
	*out = nfc;
	return CCHC_OK;
}
