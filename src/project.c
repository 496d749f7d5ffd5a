/* project.c — S&T projects counted towards the plan's targets. */
#include "src/project.h"

#include <stdio.h>
#include <string.h>

#include "src/date.h"

int
project_targets(struct db *db, int year, struct db_project_target **out, size_t *n, struct err *e)
{
    char end[16];

    *out = NULL;
    *n = 0;
    if (year < 1900 || year > 2199)
        return err_set(e, ERR_INVALID, "年份 %d 不对。", year);
    snprintf(end, sizeof end, "%04d-12-31", year);
    return db_project_targets(db, year, end, out, n, e);
}

int
project_target_count(struct db *db, int year, const char *as_of, const char *code, long *count,
                     int *fed, struct err *e)
{
    struct db_project_target *t;
    size_t n, i;
    int rc;

    *count = 0;
    *fed = 0;
    if (!date_valid(as_of))
        return err_set(e, ERR_INVALID, "日期“%s”不对。", as_of);
    if ((rc = db_project_targets(db, year, as_of, &t, &n, e)) != ERR_OK)
        return rc;
    for (i = 0; i < n; i++) {
        if (strcmp(t[i].code, code) == 0) {
            *count = t[i].count;
            *fed = 1;
        }
    }
    db_project_targets_free(t, n);
    return ERR_OK;
}

int
project_target_met(const struct db_project_target *t)
{
    return t->has_value && (double)t->count >= t->value;
}
