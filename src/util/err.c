#include <config.h>
#include <errno.h>
#include <string.h>
#include <stdarg.h>
#include <stdio.h>
#include "util/err.h"

/* A message cut at the end of the buffer ends before a letter cut in half
 * (a long file name or quoted cell would otherwise leave a broken byte). */
static void cut_at_letter(char *s, size_t len)
{
	size_t i = len, k = 0;
	while (i > 0 && k < 3 && ((unsigned char)s[i - 1] & 0xc0) == 0x80)
		i--, k++;
	if (i == 0)
		return;
	unsigned char lead = (unsigned char)s[i - 1];
	size_t need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
	if (need > k + 1)
		s[i - 1] = '\0';
}

int err_set(struct cchc_err *err, int code, const char *fmt, ...)
{
	if (err) {
		va_list ap;
		va_start(ap, fmt);
		int n = vsnprintf(err->msg, sizeof err->msg, fmt, ap);
		va_end(ap);
		if (n >= (int)sizeof err->msg)
			cut_at_letter(err->msg, sizeof err->msg - 1);
		err->code = code;
	}
	return code;
}

void err_clear(struct cchc_err *err)
{
	if (err) {
		err->code = CCHC_OK;
		err->msg[0] = '\0';
	}
}

const char *err_sys(int errnum)
{
	static const struct {
		int no;
		const char *text;
	} texts[] = {
		{ ENOENT, "không có tệp hoặc thư mục này" },
		{ EACCES, "không có quyền truy cập" },
		{ EPERM, "không được phép" },
		{ ENOSPC, "ổ đĩa đã đầy" },
		{ EDQUOT, "đã hết hạn mức dung lượng đĩa" },
		{ EROFS, "ổ đĩa chỉ cho đọc" },
		{ EISDIR, "đây là một thư mục" },
		{ ENOTDIR, "một phần của đường dẫn không phải thư mục" },
		{ EFBIG, "tệp quá lớn" },
		{ EEXIST, "đã có tệp cùng tên" },
		{ ENAMETOOLONG, "tên quá dài" },
		{ EIO, "lỗi đọc ghi của ổ đĩa" },
		{ EMFILE, "mở quá nhiều tệp cùng lúc" },
		{ ENOMEM, "hết bộ nhớ" },
	};
	for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++)
		if (texts[i].no == errnum)
			return texts[i].text;
	return strerror(errnum);
}
