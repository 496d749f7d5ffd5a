/*
 * task_view.h — the detail pane of the 七大行动 section: one action with
 * its counts, one unit with its counts, one task with its text, units,
 * links, milestones, progress reports and history.
 */
#ifndef TUWEI_UI_TASK_VIEW_H
#define TUWEI_UI_TASK_VIEW_H

#include "db/task.h"
#include "ui/detail.h"

struct ui_app;

/* Counts of one action (t) by status, overdue and stale; units and text. */
void ui_task_view_action(struct ui_app *app, const struct db_task_tally *t,
                         const struct db_task_status *st, size_t nst, struct ui_detail *d);

/* Counts of one unit: tasks led and shared, done, overdue and stale. */
void ui_task_view_unit(const struct db_task_tally *t, struct ui_detail *d);

/* Adds the catalogue text key, its {1}..{4} filled with the first key of
 * keymap actions a, b, c, e (0 for none), so hints follow remapped keys. */
void ui_task_view_hint(struct ui_detail *d, enum ui_role role, const char *key, int a, int b, int c,
                       int e);

/* Everything about the task with key id, as of rules. */
void ui_task_view_task(struct ui_app *app, const char *id, const struct db_task_rules *rules,
                       struct ui_detail *d);

#endif
