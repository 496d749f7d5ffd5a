/*
 * reports_pilot.c — the pilot-project report (中试项目报表): each live
 * project with its enterprise, base, lead unit, budget and plan task, and
 * where it stands on the report date by the pilot rules (src/pilot.h):
 * its stage and since when, the items its stage still lacks, the end of
 * its run and the days left.
 */
#include <stdio.h>
#include <stdlib.h>

#include "db/figures.h"
#include "src/pilot.h"
#include "src/reports_priv.h"

struct pilot_ctx {
    struct db *db;
    struct report *r;
    struct pilot_rules rules;
    const char *as_of;
};

static const char *const pilot_titles[] = {"序号",     "项目名称",     "企业",     "所在基地",
                                           "牵头单位", "预算（万元）", "开始日期", "对应任务",
                                           "当前阶段", "进入本阶段",   "缺少材料", "运行期限至",
                                           "剩余天数", "提示",         "目标",     NULL};
static const enum report_kind pilot_kinds[] = {REPORT_INT,  REPORT_TEXT, REPORT_TEXT, REPORT_TEXT,
                                               REPORT_TEXT, REPORT_DEC,  REPORT_TEXT, REPORT_TEXT,
                                               REPORT_TEXT, REPORT_TEXT, REPORT_TEXT, REPORT_TEXT,
                                               REPORT_INT,  REPORT_TEXT, REPORT_LONG};

/* The words for a project's flags: 卡在关口, 临近期限, 已超期限. */
static const char *
pilot_flag_words(int flags)
{
    if (flags & PILOT_PAST)
        return flags & PILOT_HELD ? "已超运行期限；缺材料" : "已超运行期限";
    if (flags & PILOT_NEAR)
        return flags & PILOT_HELD ? "临近运行期限；缺材料" : "临近运行期限";
    return flags & PILOT_HELD ? "缺材料，不能进入下一阶段" : "";
}

static int
pilot_row(void *arg, const char *const *cols, int n)
{
    struct pilot_ctx *x = arg;
    struct pilot_status st;
    const char *cells[15];
    char no[16], budget[32] = "", days[24] = "", *missing = NULL;
    int have, i;

    (void)n;
    have = pilot_status_get(x->db, &x->rules, x->as_of, cols[0], &st, NULL) == ERR_OK;
    snprintf(no, sizeof no, "%zu", x->r->nrows + 1);
    if (*cols[5])
        snprintf(budget, sizeof budget, "%.2f", atof(cols[5]) / 10000.0);
    cells[0] = no;
    for (i = 1; i < 8; i++)
        cells[i] = i == 5 ? budget : cols[i];
    cells[8] = have && st.cur >= 0 ? st.stages[st.cur].name : "";
    cells[9] = have && st.st.stage_since ? st.st.stage_since : "";
    missing = have ? pilot_missing_text(&st) : NULL;
    cells[10] = missing ? missing : "";
    cells[11] = have && st.st.deadline ? st.st.deadline : "";
    if (have && st.st.deadline && *st.st.deadline)
        snprintf(days, sizeof days, "%ld", st.days_left);
    cells[12] = days;
    cells[13] = have ? pilot_flag_words(st.flags) : "";
    cells[14] = cols[8];
    report_add_row(x->r, cells);
    free(missing);
    if (have)
        pilot_status_free(&st);
    return 0;
}

int
reports_build_pilot(struct db *db, const struct sumopts *o, struct report **out, struct err *e)
{
    struct pilot_ctx x = {db, NULL, {0, 0, 0}, o->as_of};
    int rc;

    pilot_rules_from_config(o->cfg, &x.rules);
    x.r = report_new("pilot", "中试项目报表", o->as_of, NULL);
    reports_add_cols(x.r, pilot_titles, pilot_kinds);
    rc = db_figures_pilots(db, pilot_row, &x, e);
    if (rc != ERR_OK) {
        report_free(x.r);
        x.r = NULL;
    }
    *out = x.r;
    return rc;
}
