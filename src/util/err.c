#include <config.h>
#include <stdarg.h>
#include <stdio.h>
#include "util/err.h"

int err_set(struct cchc_err *err, int code, const char *fmt, ...)
{
	if (err) {
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(err->msg, sizeof err->msg, fmt, ap);
		va_end(ap);
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
