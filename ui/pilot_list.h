/*
 * pilot_list.h — the pilot projects on screen: a virtual list in stage
 * order coloured by what holds each project, the selected project's stage,
 * items, run limit and history, and the record menu that moves it
 * (ui/pilot_ops.h) or edits, deletes and restores it.
 */
#ifndef TUWEI_UI_PILOT_LIST_H
#define TUWEI_UI_PILOT_LIST_H

#include "src/pilot.h"
#include "ui/panes.h"
#include "ui/pilot_ops.h"

struct ui_app;

struct ui_pilot_list {
    struct ui_panes panes; /* first: the panes functions work on a list */
    struct ui_app *app;
    const struct pilot_rules *rules; /* borrowed */
    int archived;                    /* lists the deleted (archived) projects */
    int flags;                       /* only those held (PILOT_HELD), near, or past; 0: all */
    struct ui_pilot_ops ops;         /* the project being worked on */
    char select_id[40];              /* a project to select at the next reload */
    /* Data changed: the owner reloads everything shown (this list too). */
    void (*changed)(struct ui_app *app, void *arg);
    void *changed_arg;
};

void ui_pilot_list_init(struct ui_pilot_list *s, struct ui_app *app,
                        const struct pilot_rules *rules,
                        void (*changed)(struct ui_app *app, void *arg), void *arg);
void ui_pilot_list_free(struct ui_pilot_list *s);

/* Recounts, reselects a project just saved, and redraws the detail. */
void ui_pilot_list_reload(struct ui_pilot_list *s);

/* The record keys (menu, add, edit, delete), then the panes'; 1 when used. */
int ui_pilot_list_action(struct ui_pilot_list *s, int action);

/* The name of the filter in force ("缺材料的" …), or NULL for all. */
const char *ui_pilot_list_filter_name(const struct ui_pilot_list *s);

#endif
