/* ui.h — the full-screen program's entry (temporary until the tui branch lands). */
#ifndef TUWEI_UI_H
#define TUWEI_UI_H

#include "db/db.h"
#include "src/config.h"
#include "src/err.h"

struct ui_options {
    int headless;
    int cols, rows;
    const char *keys;
    const char *screen_out;
    char today[11];
};

/* Runs the program on db with cfg until the user quits. */
int ui_run(struct config *cfg, struct db *db, const struct ui_options *opt, struct err *e);

#endif
