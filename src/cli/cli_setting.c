/* placeholder: being written */
#include <config.h>
#include "cli/cli.h"
const struct cli_cmd cli_setting_cmds[] = { { NULL, NULL, NULL, NULL, NULL } };
