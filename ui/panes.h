/*
 * panes.h — the list pane and the detail pane most sections are made of:
 * a virtual list on the left, the selected record's details on the right,
 * Tab (or Left/Right, or Enter and Esc) moving the keys between them.
 * A section whose state begins with a struct ui_panes can use the
 * ui_panes_section_* functions as its struct ui_section entries.
 */
#ifndef TUWEI_UI_PANES_H
#define TUWEI_UI_PANES_H

#include "src/keys.h"
#include "ui/detail.h"
#include "ui/list.h"

struct ui_app;

/* Fills d with the details of row (NULL when the list is empty), laid
 * out for width columns. */
typedef void (*ui_panes_describe_fn)(void *ctx, struct ui_app *app, const struct ui_row *row,
                                     struct ui_detail *d, int width);

struct ui_panes {
    struct ui_list *list; /* owned */
    struct ui_detail detail;
    int focus;                             /* 0: the list has the keys; 1: the detail */
    int list_percent;                      /* the list's share of the width */
    const char *list_title, *detail_title; /* catalogue keys */
    ui_panes_describe_fn describe;
    void *ctx;
    char shown_id[40]; /* the record the detail shows */
    int shown_w, shown_valid;
    struct ui_rect list_rect, detail_rect; /* as last drawn */
};

/* Sets up p around list (taken over). */
void ui_panes_init(struct ui_panes *p, struct ui_list *list, int list_percent,
                   const char *list_title, const char *detail_title, ui_panes_describe_fn describe,
                   void *ctx);

/* Frees the list and the detail. */
void ui_panes_free(struct ui_panes *p);

/* Makes the detail be rebuilt at the next draw. */
void ui_panes_invalidate(struct ui_panes *p);

/* Draws both panes in area. */
void ui_panes_draw(struct ui_panes *p, struct ui_app *app, const struct ui_rect *area);

/* Applies a keymap action to the pane with the keys; 1 when used. */
int ui_panes_action(struct ui_panes *p, struct ui_app *app, int action);

/* Filters the list ("" shows everything again). */
void ui_panes_search(struct ui_panes *p, struct ui_app *app, const char *text);

/* A click or wheel turn; 1 when it landed in a pane. */
int ui_panes_mouse(struct ui_panes *p, const struct keys_event *ev);

/* Recounts the list and rebuilds the detail. */
void ui_panes_refresh(struct ui_panes *p);

/* Section entries for states that begin with a struct ui_panes. */
void ui_panes_section_draw(void *state, struct ui_app *app, const struct ui_rect *area);
int ui_panes_section_action(void *state, struct ui_app *app, int action);
void ui_panes_section_search(void *state, struct ui_app *app, const char *text);
const char *ui_panes_section_filter(void *state);
int ui_panes_section_mouse(void *state, struct ui_app *app, const struct keys_event *ev);
void ui_panes_section_refresh(void *state, struct ui_app *app);
char *ui_panes_section_position(void *state);

#endif
