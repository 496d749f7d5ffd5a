/*
 * section.h — what a section of the program (总览, 七大行动 …) is: a table
 * of functions the app calls, as tmux's window modes are. Each section
 * lives in its own ui/section_*.c and exports one struct ui_section; its
 * state is made on the first visit and kept until the program ends, so
 * switching back finds the same selection.
 */
#ifndef TUWEI_UI_SECTION_H
#define TUWEI_UI_SECTION_H

#include "src/keys.h"
#include "ui/screen.h"

struct ui_app;

struct ui_section {
    const char *name; /* catalogue key of its tab title */
    const char *help; /* catalogue key of its paragraph in help */
    /* First visit: makes the section's state. */
    void *(*enter)(struct ui_app *app);
    /* The program ends: frees the state. */
    void (*leave)(void *state);
    /* Draws the section into area (everything between tabs and status). */
    void (*draw)(void *state, struct ui_app *app, const struct ui_rect *area);
    /* A keymap action (ui/keymap.h) not handled by the app; 1 when used. */
    int (*action)(void *state, struct ui_app *app, int action);
    /* Filters the focused list by text ("" clears); NULL when there is
     * nothing to search. */
    void (*search)(void *state, struct ui_app *app, const char *text);
    /* The current filter, or NULL (borrowed). */
    const char *(*filter)(void *state);
    /* A mouse event inside area; 1 when used. */
    int (*mouse)(void *state, struct ui_app *app, const struct keys_event *ev);
    /* Data may have changed: reload what is shown. */
    void (*reload)(void *state, struct ui_app *app);
    /* "3/65" for the status line, or NULL; the caller frees it. */
    char *(*position)(void *state);
    /* After a frame is on screen, before the next key: work that may wait
     * so that the frame need not (the overview writing last month's
     * snapshot); 1 when it changed what is shown. NULL: nothing. */
    int (*settle)(void *state, struct ui_app *app);
};

#define UI_SECTIONS 6

extern const struct ui_section ui_section_overview;
extern const struct ui_section ui_section_actions;
extern const struct ui_section ui_section_enterprises;
extern const struct ui_section ui_section_pilot;
extern const struct ui_section ui_section_reports;
extern const struct ui_section ui_section_settings;

#endif
