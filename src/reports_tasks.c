/*
 * reports_tasks.c — the reports about the seven actions' tasks: the
 * monthly progress report (月度进展报表: every task of the plan with its
 * report on the period's month) and the per-unit task report (every unit's
 * tasks, led or shared, overdue and silent ones first, by the tasks
 * module's rules).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/figures.h"
#include "db/task.h"
#include "src/date.h"
#include "src/reports_priv.h"
#include "src/targets.h"
#include "src/task_rules.h"
#include "src/xmalloc.h"

#define REPORTS_UNIT_PAGE 500

static const char *const monthly_titles[] = {
    "行动",         "任务编号", "任务",     "牵头单位", "状态",   "进度（%）", "报送日期",
    "本月进展情况", "存在问题", "下步计划", "报送单位", "报送人", NULL};
static const enum report_kind monthly_kinds[] = {
    REPORT_INT,  REPORT_TEXT, REPORT_TEXT, REPORT_TEXT, REPORT_TEXT, REPORT_INT,
    REPORT_TEXT, REPORT_LONG, REPORT_LONG, REPORT_LONG, REPORT_TEXT, REPORT_TEXT};

/* One task with its report: cols as db_figures_month_reports gives them. */
static int
monthly_row(void *arg, const char *const *cols, int n)
{
    struct report *r = arg;
    const char *cells[12];
    char no[32];
    int i;

    (void)n;
    snprintf(no, sizeof no, "%s.%s", cols[0], cols[1]);
    cells[0] = cols[0];
    cells[1] = no;
    for (i = 2; i < 12; i++)
        cells[i] = cols[i];
    if (*cols[6] == '\0')
        cells[7] = "（本月未报送）";
    report_add_row(r, cells);
    return 0;
}

/* The plan year the report is for: as_of's plan, as the targets find it. */
static int
reports_plan_year(struct db *db, const struct sumopts *o, int *year, struct err *e)
{
    struct targets *t = NULL;
    int rc = targets_compute_bare(db, o->cfg, o->as_of, &t, e);

    *year = rc == ERR_OK ? t->plan_year : 0;
    targets_free(t);
    return rc;
}

int
reports_build_monthly(struct db *db, const struct sumopts *o, struct report **out, struct err *e)
{
    struct report *r;
    int year, rc;
    char *title;

    *out = NULL;
    if ((rc = reports_plan_year(db, o, &year, e)) != ERR_OK)
        return rc;
    title = xasprintf("%.4s年%s月七大行动月度进展报表", o->period, o->period + 5);
    r = report_new("monthly", title, o->as_of, o->period);
    free(title);
    reports_add_cols(r, monthly_titles, monthly_kinds);
    rc = db_figures_month_reports(db, year, o->period, monthly_row, r, e);
    if (rc != ERR_OK) {
        report_free(r);
        return rc;
    }
    *out = r;
    return ERR_OK;
}

static const char *const unit_titles[] = {"责任单位", "角色",      "任务编号", "任务",
                                          "状态",     "进度（%）", "截止日期", "逾期",
                                          "未报送",   "最近报送",  NULL};
static const enum report_kind unit_kinds[] = {REPORT_TEXT, REPORT_TEXT, REPORT_TEXT, REPORT_TEXT,
                                              REPORT_TEXT, REPORT_INT,  REPORT_TEXT, REPORT_TEXT,
                                              REPORT_TEXT, REPORT_TEXT};

/* Adds one unit's tasks, a page at a time, the late ones first. */
static int
unit_tasks(struct db *db, struct report *r, const struct db_task_tally *u,
           const struct db_task_rules *rules, struct err *e)
{
    struct db_task_query q;
    struct db_task_item *t = NULL;
    size_t n = 0, i;
    long off = 0;
    char no[32], pct[16];
    const char *cells[10];
    int rc;

    memset(&q, 0, sizeof q);
    q.unit_id = u->id;
    q.sort = DB_TASK_SORT_LATE;
    q.rules = *rules;
    do {
        if ((rc = db_task_page(db, &q, off, REPORTS_UNIT_PAGE, &t, &n, e)) != ERR_OK)
            break;
        for (i = 0; i < n; i++) {
            snprintf(no, sizeof no, "%d.%d", t[i].action_no, t[i].no);
            snprintf(pct, sizeof pct, "%d", t[i].percent);
            cells[0] = u->name;
            cells[1] = t[i].lead ? "牵头" : "配合";
            cells[2] = no;
            cells[3] = t[i].title;
            cells[4] = t[i].status;
            cells[5] = pct;
            cells[6] = t[i].due_date;
            cells[7] = t[i].overdue ? "逾期" : "";
            cells[8] = t[i].stale ? "超期未报" : "";
            cells[9] = t[i].report_last;
            report_add_row(r, cells);
        }
        db_task_items_free(t, n);
        off += (long)n;
    } while (n == REPORTS_UNIT_PAGE);
    return rc;
}

int
reports_build_unit(struct db *db, const struct sumopts *o, struct report **out, struct err *e)
{
    struct db_task_tally *u = NULL;
    struct db_task_rules rules;
    struct report *r;
    size_t n = 0, i;
    int rc;

    *out = NULL;
    task_rules_init(&rules, o->as_of, o->stale_days);
    if ((rc = db_task_tally_units(db, &rules, &u, &n, e)) != ERR_OK)
        return rc;
    r = report_new("unit", "责任单位任务报表", o->as_of, NULL);
    reports_add_cols(r, unit_titles, unit_kinds);
    for (i = 0; i < n && rc == ERR_OK; i++) {
        if (u[i].total > 0)
            rc = unit_tasks(db, r, &u[i], &rules, e);
    }
    db_task_tallies_free(u, n);
    if (rc != ERR_OK) {
        report_free(r);
        return rc;
    }
    *out = r;
    return ERR_OK;
}
