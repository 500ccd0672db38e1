#include <config.h>
#include <stdlib.h>
#include <string.h>
#include "store/datafile.h"
#include "store/embedded.h"
#include "util/fsutil.h"
#include "util/sbuf.h"

char *datafile_config_dir(void)
{
	struct sbuf b = SBUF_INIT;
	const char *xdg = getenv("XDG_CONFIG_HOME");
	const char *home = getenv("HOME");
	if (xdg && xdg[0] == '/')
		sbuf_addf(&b, "%s/cchc", xdg);
	else
		sbuf_addf(&b, "%s/.config/cchc", home && *home ? home : ".");
	return sbuf_detach(&b);
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
	if ((data = try_dir(CCHC_DATADIR, name, len))) {
		if (origin)
			*origin = CCHC_DATADIR;
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
