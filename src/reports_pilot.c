/*
 * reports_pilot.c — the pilot-project report (中试项目报表): each live
 * project with its enterprise, base, lead unit, budget, start and the plan
 * task it serves.
 */
#include <stdio.h>
#include <stdlib.h>

#include "db/figures.h"
#include "src/reports_priv.h"

static const char *const pilot_titles[] = {"序号",     "项目名称", "企业",     "所在基地",
                                           "牵头单位", "预算（万元）", "开始日期", "对应任务",
                                           "目标",     NULL};
static const enum report_kind pilot_kinds[] = {REPORT_INT,  REPORT_TEXT, REPORT_TEXT,
                                               REPORT_TEXT, REPORT_TEXT, REPORT_DEC,
                                               REPORT_TEXT, REPORT_TEXT, REPORT_LONG};

static int
pilot_row(void *arg, const char *const *cols, int n)
{
    struct report *r = arg;
    const char *cells[9];
    char no[16], budget[32] = "";

    (void)n;
    snprintf(no, sizeof no, "%zu", r->nrows + 1);
    if (*cols[4])
        snprintf(budget, sizeof budget, "%.2f", atof(cols[4]) / 10000.0);
    cells[0] = no;
    cells[1] = cols[0];
    cells[2] = cols[1];
    cells[3] = cols[2];
    cells[4] = cols[3];
    cells[5] = budget;
    cells[6] = cols[5];
    cells[7] = cols[6];
    cells[8] = cols[7];
    report_add_row(r, cells);
    return 0;
}

int
reports_build_pilot(struct db *db, const struct sumopts *o, struct report **out, struct err *e)
{
    struct report *r = report_new("pilot", "中试项目报表", o->as_of, NULL);
    int rc;

    reports_add_cols(r, pilot_titles, pilot_kinds);
    rc = db_figures_pilots(db, pilot_row, r, e);
    if (rc != ERR_OK) {
        report_free(r);
        r = NULL;
    }
    *out = r;
    return rc;
}
