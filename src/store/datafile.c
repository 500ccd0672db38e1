#include <config.h>
#include <stdlib.h>
#include <string.h>
#include "store/datafile.h"
#include "store/embedded.h"
#include "util/fsutil.h"
#include "util/sbuf.h"
#include "util/platform.h"

char *datafile_config_dir(void)
{
	return pf_config_dir();
}

static char *try_dir(const char *dir, const char *name, size_t *len)
{
	struct sbuf path = SBUF_INIT;
	sbuf_addf(&path, "%s/%s", dir, name);
	char *data = NULL;
	struct cchc_err err;
	if (fs_read_file(path.s, 4u << 20, &data, len, &err) != CCHC_OK)
		data = NULL;
	sbuf_free(&path);
	return data;
}

char *datafile_read(const char *name, size_t *len, const char **origin)
{
	size_t dummy;
	if (!len)
		len = &dummy;
	const char *env = getenv("CCHC_DATADIR");
	char *data = NULL;
	if (env && *env && (data = try_dir(env, name, len))) {
		if (origin)
			*origin = "CCHC_DATADIR";
		return data;
	}
	char *shipped = pf_shipped_data_dir();
	data = try_dir(shipped, name, len);
	free(shipped);
	if (data) {
		if (origin)
			*origin = "shipped";
		return data;
	}
	const struct embedded_file *f = embedded_find(name);
	if (!f)
		return NULL;
	if (origin)
		*origin = "embedded";
	*len = (size_t)f->len;
	return xstrndup(f->data, (size_t)f->len);
}
