/*
 * pilot_board.h — the stage board of all pilot projects: where each
 * project is, and what holds it (missing items, a run near or past its
 * limit). Also the words and colours the pilot screens use for that.
 */
#ifndef TUWEI_UI_PILOT_BOARD_H
#define TUWEI_UI_PILOT_BOARD_H

#include <stddef.h>

#include "src/pilot.h"
#include "ui/panes.h"

struct ui_app;

struct ui_pilot_board {
    struct ui_panes panes; /* first: the panes functions work on a board */
    struct ui_app *app;
    const struct pilot_rules *rules; /* borrowed */
    struct db_pilot_board *rows;     /* the board as last read: a frame asks several times */
    size_t nrows;
    int valid;
};

/* Sets up b (list of stages and detail) on app with the rules (borrowed). */
void ui_pilot_board_init(struct ui_pilot_board *b, struct ui_app *app,
                         const struct pilot_rules *rules);
void ui_pilot_board_free(struct ui_pilot_board *b);

/* Reads the board again and redraws the detail. */
void ui_pilot_board_reload(struct ui_pilot_board *b);

/* What holds a listed project with flags, in words (the caller frees it). */
char *ui_pilot_hold_text(struct ui_app *app, const struct db_pilot_row *row, int flags);

/* The colour of a project with flags. */
enum ui_role ui_pilot_flag_role(int flags);

#endif
