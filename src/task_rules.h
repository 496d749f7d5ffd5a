/*
 * task_rules.h — when a task is overdue and when it is stale.
 *
 * Only live tasks whose status is not a "done" one (is_done in
 * task_status) can be either:
 * - overdue: its due date, or the due date of one of its milestones not yet
 *   done, is before today;
 * - stale: it has had no progress report for more than rules:stale_days
 *   days (default 30). A task that has never been reported on counts from
 *   its start date, or, with none, from the day it was entered (for the
 *   shipped plan: the day the plan was loaded). A start date in the future
 *   therefore keeps a new task from being stale before it begins.
 *
 * "Today" is always a parameter. The same rules, as date comparisons, are
 * what the lists and tallies of db/task.h filter and count by; the
 * functions here decide for one task already read.
 */
#ifndef TUWEI_TASK_RULES_H
#define TUWEI_TASK_RULES_H

#include "db/task.h"
#include "src/config.h"

#define TASK_RULES_STALE_DAYS 30

/* Fills r for today (YYYY-MM-DD) with a report gap of stale_days (>= 1). */
void task_rules_init(struct db_task_rules *r, const char *today, long stale_days);

/* Fills r for today with rules:stale_days from cfg (the default when cfg is NULL). */
void task_rules_from_config(struct db_task_rules *r, const struct config *cfg, const char *today);

/* 1 when t is overdue under r. */
int task_rules_overdue(const struct db_task *t, const struct db_task_rules *r);

/* 1 when t is stale under r. */
int task_rules_stale(const struct db_task *t, const struct db_task_rules *r);

/* Writes the date t's staleness counts from into out: its last report,
 * else its start date, else the day it was entered. */
void task_rules_stale_since(const struct db_task *t, char out[DB_TASK_DATE]);

#endif
