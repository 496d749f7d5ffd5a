/*
 * reports_tasks.c — the reports about the seven actions' tasks: the
 * monthly progress report (月度进展报表) and the per-unit task report.
 */
#include <stdio.h>
#include <stdlib.h>

#include "src/reports_priv.h"

int
reports_build_monthly(struct db *db, const struct sumopts *o, struct report **out, struct err *e)
{
    (void)db;
    (void)o;
    *out = NULL;
    return err_set(e, ERR_NOTFOUND, "月度进展报表需要任务进展报送记录，本版本尚未包含。");
}

int
reports_build_unit(struct db *db, const struct sumopts *o, struct report **out, struct err *e)
{
    (void)db;
    (void)o;
    *out = NULL;
    return err_set(e, ERR_NOTFOUND, "责任单位任务报表需要任务进展记录，本版本尚未包含。");
}
