/* project.c — S&T projects counted towards the plan's targets. */
#include "src/project.h"

int
project_targets(struct db *db, int year, struct db_project_target **out, size_t *n,
                struct err *e)
{
    if (year < 1900 || year > 2199)
        return err_set(e, ERR_INVALID, "年份 %d 不对。", year);
    return db_project_targets(db, year, out, n, e);
}

int
project_target_met(const struct db_project_target *t)
{
    return t->has_value && (double)t->count >= t->value;
}
