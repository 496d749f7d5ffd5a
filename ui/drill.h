/*
 * drill.h — the records behind a dashboard figure, as a list pane with a
 * detail pane: what a supervisor sees after Enter on a figure of 总览.
 * The list is virtual (a page of rows at a time), so a figure of 100,000
 * enterprises opens as fast as one of ten.
 */
#ifndef TUWEI_UI_DRILL_H
#define TUWEI_UI_DRILL_H

#include "src/dashboard.h"
#include "ui/panes.h"
#include "ui/screen.h"

struct ui_app;
struct ui_drill;

/* Opens the records behind spec as of date as_of. */
struct ui_drill *ui_drill_new(struct ui_app *app, const struct dash_drill *spec, int plan_year,
                              const char *as_of);

/* Frees d; NULL is a no-op. */
void ui_drill_free(struct ui_drill *d);

/* Draws the heading (what the list is, how to go back) and the panes. */
void ui_drill_draw(struct ui_drill *d, struct ui_app *app, const struct ui_rect *area);

/* A keymap action; 1 when used. Back (Esc) that the panes do not use is
 * left to the caller, which closes the drill. */
int ui_drill_action(struct ui_drill *d, struct ui_app *app, int action);

/* Filters a list of tasks by text (search in titles); other lists are not
 * searchable (ui_drill_searchable says which). */
void ui_drill_search(struct ui_drill *d, struct ui_app *app, const char *text);
int ui_drill_searchable(const struct ui_drill *d);

/* The current filter, or NULL (borrowed). */
const char *ui_drill_filter(const struct ui_drill *d);

/* Mouse events inside the panes; 1 when used. */
int ui_drill_mouse(struct ui_drill *d, const struct keys_event *ev);

/* Counts again (the data may have changed). */
void ui_drill_refresh(struct ui_drill *d);

/* "3/65" for the status line; the caller frees it. */
char *ui_drill_position(struct ui_drill *d);

#endif
