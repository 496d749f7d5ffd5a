/*
 * app.h — the program's state while it runs: the sections and which one
 * is shown, the dialogs open over it, the search prompt and the status
 * line; how one input event changes it (ui_app_event) and how it is drawn
 * (ui_app_draw). Nothing here reads the terminal: ui_run feeds events
 * from get_wch, the headless mode from a key script, tests directly.
 */
#ifndef TUWEI_UI_APP_H
#define TUWEI_UI_APP_H

#include "db/db.h"
#include "src/config.h"
#include "src/keys.h"
#include "ui/dialog.h"
#include "ui/screen.h"

#define UI_MIN_COLS 80
#define UI_MIN_ROWS 24

struct ui_app;

/* A new app on db with cfg (both borrowed); today is YYYY-MM-DD. Sets up
 * the keymap and language from cfg; call after the screen is open. */
struct ui_app *ui_app_new(struct config *cfg, struct db *db, const char *today);

/* Frees app and its sections' states; NULL is a no-op. */
void ui_app_free(struct ui_app *app);

/* Applies one input event; returns 1 when the program should end. */
int ui_app_event(struct ui_app *app, const struct keys_event *ev);

/* Draws the whole screen. */
void ui_app_draw(struct ui_app *app);

/* Draws the whole screen, then lets the section shown finish work it put
 * off until its frame was on screen (drawing again when that changed it).
 * The loops use this; ui_app_draw alone is for a frame mid-work. */
void ui_app_show(struct ui_app *app);

/* What sections use. */
struct db *ui_app_db(struct ui_app *app);
struct config *ui_app_config(struct ui_app *app);
const char *ui_app_today(struct ui_app *app);

/* Shows text on the status line (until the next key) in role's colours. */
void ui_app_status(struct ui_app *app, enum ui_role role, const char *text);

/* Opens d over the screen; done (may be NULL) gets its result. */
void ui_app_push(struct ui_app *app, struct ui_dialog *d, ui_dialog_done_fn done, void *arg);

/* The dialog on top, or NULL. */
struct ui_dialog *ui_app_top(struct ui_app *app);

/* The section shown (0 .. UI_SECTIONS-1), and switching to one. */
int ui_app_section(const struct ui_app *app);
void ui_app_switch(struct ui_app *app, int section);

/* 1 while the search prompt is open. */
int ui_app_searching(const struct ui_app *app);

#endif
