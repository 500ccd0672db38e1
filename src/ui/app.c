#include <config.h>
#include "ui/ui.h"

int ui_run(struct db *db, const struct ui_options *opt, struct cchc_err *err)
{
	return err_set(err, CCHC_EINPUT, "chưa có");
}
