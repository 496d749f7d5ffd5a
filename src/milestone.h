/*
 * milestone.h — the milestones of a task: a title, the day it is due and
 * the day it was done. An undone milestone past its due date makes its task
 * overdue (src/task_rules.h).
 *
 * Field names in e->field: "title", "due_date", "done_date".
 */
#ifndef TUWEI_MILESTONE_H
#define TUWEI_MILESTONE_H

#include "db/db.h"
#include "db/task.h"

/* What a clerk typed: NULL leaves a field as it is (empty for a new one),
 * "" clears it. Dates take any form date_parse reads; a done date is never
 * after today. */
struct milestone_input {
    const char *title;
    const char *due_date;
    const char *done_date;
};

/* Adds a milestone to the live task task_id; its key goes to id (may be NULL). */
int milestone_add(struct db *db, const char *user, const char *today, const char *task_id,
                  const struct milestone_input *in, char id[DB_TASK_ID], struct err *e);

/* Changes the fields given of the live milestone id. */
int milestone_update(struct db *db, const char *user, const char *today, const char *id,
                     const struct milestone_input *in, struct err *e);

/* Marks the milestone done on date (NULL or "": today), or, with undo,
 * not done again. */
int milestone_done(struct db *db, const char *user, const char *today, const char *id,
                   const char *date, int undo, struct err *e);

/* Deletes (archives) the milestone; task_restore brings it back. */
int milestone_archive(struct db *db, const char *user, const char *id, struct err *e);

/* Finds a milestone by its key or a unique prefix, or, for a task, by its
 * place (1, 2, …) in the task's list of live milestones. */
int milestone_find(struct db *db, const char *task_id, const char *ref, char id[DB_TASK_ID],
                   struct err *e);

#endif
