/* ui.c — temporary entry until the tui branch lands. */
#include "ui/ui.h"

int
ui_run(struct config *cfg, struct db *db, const struct ui_options *opt, struct err *e)
{
    (void)cfg;
    (void)db;
    (void)opt;
    return err_set(e, ERR_INVALID, "全屏界面尚在开发中，请先使用命令行（tuwei --help）。");
}
