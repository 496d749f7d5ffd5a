/*
 * reg_view.h — one registry on screen: its records in a virtual list
 * (searched by the section's search, archived ones on request), the
 * selected record's fields in the detail pane, and adding, changing,
 * deleting (archiving) and restoring records through forms and questions.
 */
#ifndef TUWEI_UI_REG_VIEW_H
#define TUWEI_UI_REG_VIEW_H

#include "src/reg.h"
#include "ui/panes.h"

struct ui_app;

struct ui_reg_view {
    struct ui_panes panes; /* first: ui_panes_section_* work on a view */
    struct ui_app *app;
    const struct reg_def *d;
    int archived; /* 1: lists the deleted (archived) records */
    int sort;     /* field the list is sorted by, -1 for the registry's order */
    int desc;
    struct ui_column cols[UI_ROW_CELLS];
    char *col_keys[UI_ROW_CELLS]; /* catalogue keys of the headings */
    char *title_key;              /* catalogue key of the list's title */
    int col_field[UI_ROW_CELLS];
    int ncols;
    char select_id[40]; /* a record to select at the next reload */
};

/* A view of registry d (list and detail); free with ui_reg_view_free. */
struct ui_reg_view *ui_reg_view_new(struct ui_app *app, const struct reg_def *d);
void ui_reg_view_free(struct ui_reg_view *v);

enum ui_reg_describe_part {
    UI_REG_DESCRIBE_ALL,    /* the record's name, then its fields */
    UI_REG_DESCRIBE_HEADER, /* its name (and whether it is deleted) */
    UI_REG_DESCRIBE_FIELDS, /* the fields a clerk types, links, who entered and changed it */
};

/* Adds part of record id of d to a detail. */
void ui_reg_view_describe_record(struct ui_app *app, const struct reg_def *d, const char *id,
                                 int part, struct ui_detail *det);

/* Handles a keymap action: add, edit, delete, the record menu, then the
 * panes'. 1 when used. */
int ui_reg_view_action(struct ui_reg_view *v, int action);

/* Reloads the list (selecting a record just saved) and the detail. */
void ui_reg_view_reload(struct ui_reg_view *v);

#endif
