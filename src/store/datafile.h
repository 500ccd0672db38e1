/* Finding data files (themes, keys, demo data): the user's own folder first
 * where that makes sense, then the installed $(pkgdatadir), then the copy
 * compiled into the program. */
#ifndef CCHC_DATAFILE_H
#define CCHC_DATAFILE_H
#include <stddef.h>

/* $XDG_CONFIG_HOME/cchc (or ~/.config/cchc), malloc'd. */
char *datafile_config_dir(void);
/* Reads data file name ("themes/light.theme", "data/keys.default"): from
 * $CCHC_DATADIR or the installed data folder if present there, else the
 * embedded copy. Returns malloc'd NUL-terminated text or NULL; *origin (may
 * be NULL) gets a static description of where it came from. */
char *datafile_read(const char *name, size_t *len, const char **origin);

#endif
