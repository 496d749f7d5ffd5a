/*
 * task_history.h — a task's history told in Chinese: every change to the
 * task, its units and links, milestones and progress reports, from the
 * change log, one line each ("修改任务：状态 未启动 → 推进中；进度 0% → 30%").
 * Bookkeeping the program does on its own (the report and milestone
 * caches, the updated_at stamps) is left out.
 */
#ifndef TUWEI_TASK_HISTORY_H
#define TUWEI_TASK_HISTORY_H

#include <stddef.h>

#include "db/db.h"
#include "db/task.h"

struct task_history_item {
    long long seq;
    char when[20]; /* local time, YYYY-MM-DD HH:MM */
    char *user;
    char *text;   /* what happened */
    char tbl[32]; /* the table: task, task_milestone, task_report, task_unit … */
    char row_key[DB_TASK_ID];
    int restorable; /* this entry deleted a record that is still deleted */
};

/* The history of task_id, oldest first. */
int task_history(struct db *db, const char *task_id, struct task_history_item **out, size_t *n,
                 struct err *e);

void task_history_free(struct task_history_item *h, size_t n);

#endif
