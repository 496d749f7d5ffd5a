/* cli_cmds.h — the command tables of each feature, for cli.c to search.
 * Each table ends with an entry whose name is NULL. */
#ifndef TUWEI_CLI_CMDS_H
#define TUWEI_CLI_CMDS_H

#include "src/cli.h"

extern const struct cli_cmd cli_base_cmds[];
extern const struct cli_cmd cli_task_cmds[];      /* task list, show, history, units */
extern const struct cli_cmd cli_task_edit_cmds[]; /* task add, set, report, milestone … */
extern const struct cli_cmd cli_pilot_cmds[];
extern const struct cli_cmd cli_reg_cmds[];
extern const struct cli_cmd cli_ent_cmds[];
extern const struct cli_cmd cli_funnel_cmds[];
extern const struct cli_cmd cli_rep_cmds[];

#endif
