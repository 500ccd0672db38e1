/* Errors as values: every fallible function in the core fills a cchc_err with a
 * message the clerk can read (Vietnamese) and returns a non-zero code. */
#ifndef CCHC_ERR_H
#define CCHC_ERR_H

enum cchc_errcode {
	CCHC_OK = 0,
	CCHC_EINPUT,    /* bad input: file, argument, text */
	CCHC_EDB,       /* database error */
	CCHC_EBUSY,     /* another process holds the write lock */
	CCHC_ENOTFOUND, /* no such record */
	CCHC_EIO,       /* file system */
	CCHC_EDUP,      /* already there (not always an error) */
	CCHC_ENEWER,    /* database written by a newer cchc */
	CCHC_ENOMEM,
	CCHC_EREADONLY, /* database or folder cannot be written */
	CCHC_ECORRUPT,  /* the database file is damaged */
	CCHC_EEXIST,    /* an output file is there already and was not to be replaced */
	CCHC_ENOPROGRAM,/* no program on this machine does it (no viewer for a file) */
	CCHC_ECANCEL    /* the clerk stopped long work (progress.h); nothing was changed */
};

struct cchc_err {
	int code;
	char msg[768];
};

/* Sets code and message; returns code so callers can `return err_set(...)`. */
int err_set(struct cchc_err *err, int code, const char *fmt, ...)
	CCHC_PRINTF(3, 4);
void err_clear(struct cchc_err *err);
/* The reason for a system error number, in Vietnamese for the ones a clerk
 * meets (missing file, no permission, disk full, read-only disk), else the
 * system's own text. */
const char *err_sys(int errnum);

#endif
