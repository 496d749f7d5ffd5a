/*
 * ui.h — the full-screen program's entry, called by main.c.
 *
 * ui_run opens the terminal, shows the sections and runs until the user
 * quits (or SIGTERM/SIGHUP/SIGINT arrives: the terminal is restored, and
 * as no transaction is ever held open while waiting for a key, the
 * database is left consistent). With headless set it instead plays the
 * key script in keys against an invisible screen of cols x rows and
 * writes the final screen as text to screen_out ("-" or NULL: stdout).
 */
#ifndef TUWEI_UI_H
#define TUWEI_UI_H

#include "db/db.h"
#include "src/config.h"
#include "src/err.h"

struct ui_options {
    int headless;
    int cols, rows;         /* headless screen size */
    const char *keys;       /* headless key script (src/keys.h) */
    const char *screen_out; /* headless: where the final screen goes */
    char today[11];         /* YYYY-MM-DD; empty for the clock's date */
};

/* Runs the program on db with cfg until the user quits. ERR_REFUSED when
 * the terminal or locale cannot be used, ERR_INVALID for a bad key
 * script, ERR_IO when the screen file cannot be written. */
int ui_run(struct config *cfg, struct db *db, const struct ui_options *opt, struct err *e);

/* The signal that ended the last ui_run, or 0 (for the exit status). */
int ui_last_signal(void);

#endif
