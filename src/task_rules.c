/* task_rules.c — the overdue and stale rules for one task (see task_rules.h). */
#include "src/task_rules.h"

#include <stdio.h>
#include <string.h>

#include "src/date.h"

void
task_rules_init(struct db_task_rules *r, const char *today, long stale_days)
{
    if (stale_days < 1)
        stale_days = 1;
    snprintf(r->today, sizeof r->today, "%s", today);
    /* Stale when the gap is more than stale_days: last < today - stale_days. */
    date_add_days(today, -stale_days, r->stale_before);
}

void
task_rules_from_config(struct db_task_rules *r, const struct config *cfg, const char *today)
{
    long days = cfg ? config_get_int(cfg, "rules:stale_days") : TASK_RULES_STALE_DAYS;

    task_rules_init(r, today, days > 0 ? days : TASK_RULES_STALE_DAYS);
}

/* 1 when date d is set and before the day limit. */
static int
task_rules_before(const char *d, const char *limit)
{
    return d[0] != '\0' && strcmp(d, limit) < 0;
}

int
task_rules_overdue(const struct db_task *t, const struct db_task_rules *r)
{
    if (t->status_done || t->archived_at[0])
        return 0;
    return task_rules_before(t->due_date, r->today) ||
           task_rules_before(t->milestone_due, r->today);
}

void
task_rules_stale_since(const struct db_task *t, char out[DB_TASK_DATE])
{
    const char *d = t->report_last[0]  ? t->report_last
                    : t->start_date[0] ? t->start_date
                                       : t->created_at;

    snprintf(out, DB_TASK_DATE, "%.10s", d);
}

int
task_rules_stale(const struct db_task *t, const struct db_task_rules *r)
{
    char since[DB_TASK_DATE];

    if (t->status_done || t->archived_at[0])
        return 0;
    task_rules_stale_since(t, since);
    return task_rules_before(since, r->stale_before);
}
