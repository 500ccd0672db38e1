/* libzip and libxlsxwriter, loaded when first used (configure's lazy
 * loading, CCHC_LAZY_LIBS): a command that writes or reads no Word or
 * Excel file never maps them, nor libcrypto and the rest behind libzip.
 *
 * The code calls the libraries' functions as usual; lazylib.c defines
 * each of them (lazylib.def) to load the library on the first call. The
 * entry points that write or read such files call lazylib_zip or
 * lazylib_xlsx first, so that a missing library is a message, not an
 * abort. Without lazy loading (the Windows build, --disable-lazy-libs)
 * both return CCHC_OK at once. */
#ifndef CCHC_EXPORT_LAZYLIB_H
#define CCHC_EXPORT_LAZYLIB_H
#include <stdbool.h>
#include "util/err.h"

/* Loads libzip (for docx): CCHC_OK, or CCHC_EIO with the reason. */
int lazylib_zip(struct cchc_err *err);
/* Loads libxlsxwriter (for xlsx): CCHC_OK, or CCHC_EIO with the reason. */
int lazylib_xlsx(struct cchc_err *err);
/* Whether libzip / libxlsxwriter are in the process now (a test asks). */
bool lazylib_zip_loaded(void);
bool lazylib_xlsx_loaded(void);
#endif
