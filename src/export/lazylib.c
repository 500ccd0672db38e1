/* Loading libzip and libxlsxwriter on first use (lazylib.h). */
#include <config.h>
#include "export/lazylib.h"

#ifndef CCHC_LAZY_LIBS

int lazylib_zip(struct cchc_err *err)
{
	(void)err;
	return CCHC_OK;
}

int lazylib_xlsx(struct cchc_err *err)
{
	(void)err;
	return CCHC_OK;
}

bool lazylib_zip_loaded(void)
{
	return true;
}

bool lazylib_xlsx_loaded(void)
{
	return true;
}

#else

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>
#include <zip.h>

enum lib { ZIP, XLSX, NLIBS };

static const char *const sonames[NLIBS] = { CCHC_ZIP_SONAME, CCHC_XLSX_SONAME };
static const char *const packages[NLIBS] = { "libzip", "libxlsxwriter" };

/* The libraries' functions once loaded, NULL before. */
static struct {
#define LAZY_FN(lib, ret, name, params, args) ret(*name) params;
#define LAZY_VOID(lib, name, params, args) void(*name) params;
#include "export/lazylib.def"
#undef LAZY_FN
#undef LAZY_VOID
} fn;

static void *handle[NLIBS];
static char why[NLIBS][512];
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

/* A function pointer from dlsym: the object pointer converted through
 * memcpy, which ISO C allows where a cast would not be. */
static bool symbol(enum lib l, const char *name, void *out, size_t size)
{
	void *p = dlsym(handle[l], name);
	if (!p) {
		const char *e = dlerror();
		snprintf(why[l], sizeof why[l], "thiếu hàm %s (%s)", name, e ? e : "?");
		return false;
	}
	memcpy(out, &p, size);
	return true;
}

/* Every function of library l, or none (why[l] says what failed). */
static bool resolve(enum lib l)
{
	bool ok = true;
#define LAZY_FN(lib, ret, name, params, args) \
	if (lib == l && ok) \
		ok = symbol(l, #name, &fn.name, sizeof fn.name);
#define LAZY_VOID(lib, name, params, args) LAZY_FN(lib, void, name, params, args)
#include "export/lazylib.def"
#undef LAZY_FN
#undef LAZY_VOID
	return ok;
}

static bool load(enum lib l)
{
	pthread_mutex_lock(&lock);
	if (!handle[l] && !why[l][0]) {
		handle[l] = dlopen(sonames[l], RTLD_NOW | RTLD_LOCAL);
		if (!handle[l]) {
			const char *e = dlerror();
			snprintf(why[l], sizeof why[l], "%s", e ? e : "?");
		} else if (!resolve(l)) {
			dlclose(handle[l]);
			handle[l] = NULL;
		}
	}
	bool ok = handle[l] != NULL;
	pthread_mutex_unlock(&lock);
	return ok;
}

static int need(enum lib l, struct cchc_err *err)
{
	if (load(l))
		return CCHC_OK;
	return err_set(err, CCHC_EIO, "Không nạp được thư viện %s (%s): %s. Hãy cài lại gói %s "
		       "(Debian/Ubuntu: apt-get install %s).", packages[l], sonames[l], why[l],
		       packages[l], packages[l]);
}

int lazylib_zip(struct cchc_err *err)
{
	return need(ZIP, err);
}

int lazylib_xlsx(struct cchc_err *err)
{
	return need(XLSX, err);
}

bool lazylib_zip_loaded(void)
{
	return handle[ZIP] != NULL;
}

bool lazylib_xlsx_loaded(void)
{
	return handle[XLSX] != NULL;
}

/* A call before lazylib_zip/xlsx (a test reading a docx back): load now;
 * a library that cannot be loaded here has no way to say so but this. */
static void must(enum lib l)
{
	if (load(l))
		return;
	fprintf(stderr, "cchc: không nạp được thư viện %s (%s): %s\n", packages[l], sonames[l],
		why[l]);
	abort();
}

/* The functions themselves, under the libraries' own names: the loader
 * binds cchc's calls to these, the library's own calls to its own. */
#define LAZY_FN(lib, ret, name, params, args) \
	ret name params \
	{ \
		if (!fn.name) \
			must(lib); \
		return fn.name args; \
	}
#define LAZY_VOID(lib, name, params, args) \
	void name params \
	{ \
		if (!fn.name) \
			must(lib); \
		fn.name args; \
	}
#include "export/lazylib.def"
#undef LAZY_FN
#undef LAZY_VOID

#endif
