/*
 * task_ops_priv.h — what the two files of the task operations share
 * (task_ops.c: the forms; task_ops_menu.c: the picks). Not for others.
 */
#ifndef TUWEI_UI_TASK_OPS_PRIV_H
#define TUWEI_UI_TASK_OPS_PRIV_H

#include "db/task.h"
#include "ui/task_ops.h"

/* The database and the acting user's name (borrowed). */
struct db *task_ops_db(struct ui_task_ops *o);
const char *task_ops_user(struct ui_task_ops *o);

/* After a write: the status line says what_key's text, the section reloads. */
void task_ops_saved(struct ui_task_ops *o, const char *what_key, const char *id);

/* Shows a refusal that has no form field to sit under. */
void task_ops_refused(struct ui_task_ops *o, const struct err *e);

/* Reads task_id into t (the caller frees it) and makes it o's task; a
 * deleted task is refused with a message. 0 on success. */
int task_ops_live(struct ui_task_ops *o, const char *task_id, struct db_task *t);

/* Opens the milestone form: new (m NULL) or for m. */
void task_ops_milestone_form(struct ui_task_ops *o, const struct db_milestone *m);

/* Opens the form editing report r of task t. */
void task_ops_report_edit(struct ui_task_ops *o, const struct db_task *t,
                          const struct db_report *r);

#endif
