/*
 * task_ops.h — what a clerk does to a task on screen: the forms to add or
 * edit a task, report monthly progress, add or edit a milestone; the
 * status pick; the task's menu (milestones, reports, restoring what was
 * deleted); deleting with a question first.
 *
 * Every form checks its fields as they are left (dates, units) and, on
 * F2, hands what was typed to the src/ function that saves it; a refusal
 * is shown under the field it names and the form stays open with
 * everything typed. A struct ui_task_ops lives in the section's state and
 * holds what a chain of dialogs needs between them.
 */
#ifndef TUWEI_UI_TASK_OPS_H
#define TUWEI_UI_TASK_OPS_H

#include <stddef.h>

#include "db/task.h"

struct ui_app;

/* Called after a write succeeded; what says what was saved (for the
 * status line) and id is the record's key (the new task's after an add). */
typedef void (*ui_task_saved_fn)(struct ui_app *app, void *arg, const char *what, const char *id);

struct ui_task_ops {
    struct ui_app *app;
    ui_task_saved_fn saved;
    void *saved_arg;
    char task_id[DB_TASK_ID]; /* the task the open dialogs are about */
    char sub_id[DB_TASK_ID];  /* the milestone or report picked */
    char (*ids)[DB_TASK_ID];  /* what the open pick lists, by row */
    size_t nids;
    const char *const *fields; /* the open form's field names (e->field), by row */
    size_t nfields;
    int kind; /* which form or pick is open */
};

/* Sets up ops for app; saved(app, arg, …) follows every successful write. */
void ui_task_ops_init(struct ui_task_ops *o, struct ui_app *app, ui_task_saved_fn saved, void *arg);

/* Frees what o holds. */
void ui_task_ops_free(struct ui_task_ops *o);

/* The form for a new task under action action_no (1-7; 0 lets the clerk choose). */
void ui_task_ops_add(struct ui_task_ops *o, int action_no);

/* The form to change task_id. */
void ui_task_ops_edit(struct ui_task_ops *o, const char *task_id);

/* The monthly progress report form for task_id, filled in for today. */
void ui_task_ops_progress(struct ui_task_ops *o, const char *task_id);

/* The status pick for task_id. */
void ui_task_ops_status(struct ui_task_ops *o, const char *task_id);

/* Asks, then deletes (archives) task_id. */
void ui_task_ops_delete(struct ui_task_ops *o, const char *task_id);

/* The menu of everything else: milestones, reports, restoring. */
void ui_task_ops_menu(struct ui_task_ops *o, const char *task_id);

#endif
