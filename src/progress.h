/*
 * progress.h — the monthly progress reports (进展报送) of a task: what was
 * done (进展情况), the problems met (存在问题), the next steps (下步计划),
 * for a month (period), handed in on a day by a unit and a person.
 *
 * A report may also move the task's percent and status in the same
 * transaction. The first report of a task still 未启动 (status code
 * not_started) moves it to 推进中 (in_progress) unless the report names a
 * status itself: a report means the work has begun.
 *
 * Field names in e->field: "period", "report_date", "progress", "problems",
 * "next_steps", "unit", "person", "percent", "status".
 */
#ifndef TUWEI_PROGRESS_H
#define TUWEI_PROGRESS_H

#include "db/db.h"
#include "db/task.h"

/* What a clerk typed; NULL takes the default (progress_add) or leaves the
 * field as it is (progress_update). */
struct progress_input {
    const char *period;      /* month: 2025-06, 2025-6, 202506; default: the report date's month */
    const char *report_date; /* default: today; never after today */
    const char *progress;    /* required */
    const char *problems;
    const char *next_steps;
    const char *unit;    /* unit name or alias; default: the task's lead unit */
    const char *person;  /* default: the acting user */
    const char *percent; /* the task's new percent (0-100), when given */
    const char *status;  /* the task's new status, when given */
};

/* What a new report's form starts with. */
struct progress_defaults {
    char period[8];
    char report_date[DB_TASK_DATE];
    char unit[128];   /* user_unit when it is a unit of the task, else the lead unit */
    char person[128]; /* user */
    int percent;
    char status[64]; /* the task's, or 推进中 for a task still 未启动 */
};

/* Fills d for a report on task_id by user (of user_unit, may be "") today. */
int progress_defaults(struct db *db, const char *task_id, const char *user, const char *user_unit,
                      const char *today, struct progress_defaults *d, struct err *e);

/* Adds a report to the live task task_id; the new key goes to id (may be NULL). */
int progress_add(struct db *db, const char *user, const char *today, const char *task_id,
                 const struct progress_input *in, char id[DB_TASK_ID], struct err *e);

/* Changes the fields given of the live report id. */
int progress_update(struct db *db, const char *user, const char *today, const char *id,
                    const struct progress_input *in, struct err *e);

/* Deletes (archives) the report id; task_restore brings it back. */
int progress_archive(struct db *db, const char *user, const char *id, struct err *e);

/* Finds a report by its key or a unique prefix (4 characters at least). */
int progress_find(struct db *db, const char *ref, char id[DB_TASK_ID], struct err *e);

#endif
