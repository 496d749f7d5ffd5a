/*
 * reports.c — the table of built-in reports, and the targets report.
 * The other reports live in files named for them (reports_*.c).
 */
#include "src/reports.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "src/reports_priv.h"
#include "src/strbuf.h"
#include "src/targets.h"
#include "src/xmalloc.h"

static const struct reports_def reports_defs[] = {
    {"monthly", "月度进展报表", "七大行动各项任务本月报送的进展、问题与下步计划",
     reports_build_monthly},
    {"unit", "责任单位任务报表", "各责任单位牵头与参与的任务，逾期与未报送的在前",
     reports_build_unit},
    {"ledger", "企业台账", "全部企业的梯度、证书与年度主要指标", reports_build_ledger},
    {"targets", "目标完成情况报表", "总体目标的目标值、当前值、差距、进度与上月对比",
     reports_build_targets},
    {"pilot", "中试项目报表", "中试项目的阶段、卡点与运行期限", reports_build_pilot},
};

size_t
reports_count(void)
{
    return sizeof reports_defs / sizeof reports_defs[0];
}

const struct reports_def *
reports_at(size_t i)
{
    return i < reports_count() ? &reports_defs[i] : NULL;
}

const struct reports_def *
reports_find(const char *name)
{
    size_t i;

    for (i = 0; name && i < reports_count(); i++) {
        if (strcmp(reports_defs[i].name, name) == 0 || strcmp(reports_defs[i].title, name) == 0)
            return &reports_defs[i];
    }
    return NULL;
}

int
reports_run(struct db *db, const char *name, const struct sumopts *o, struct report **out,
            struct err *e)
{
    const struct reports_def *d = reports_find(name);
    struct strbuf names = STRBUF_INIT;
    size_t i;
    int rc;

    *out = NULL;
    if (d != NULL)
        return d->build(db, o, out, e);
    for (i = 0; i < reports_count(); i++)
        strbuf_printf(&names, "%s%s（%s）", i ? "、" : "", reports_defs[i].name,
                      reports_defs[i].title);
    rc = err_field(e, ERR_NOTFOUND, "report", "没有名为“%s”的报表。可选：%s", name ? name : "",
                   strbuf_str(&names));
    strbuf_free(&names);
    return rc;
}

/* One row of the targets report. */
static void
reports_target_row(struct report *r, const struct targets_fig *f, int i)
{
    char no[16], target[32], value[32], gap[32], share[16], prev[32], delta[32];
    const char *cells[11];

    snprintf(no, sizeof no, "%d", i + 1);
    targets_format_value(f, f->target, f->has_target && strcmp(f->kind, "text") != 0, target,
                         sizeof target);
    targets_format_value(f, f->value, f->has_value, value, sizeof value);
    targets_format_value(f, f->gap, f->has_value && f->has_target, gap, sizeof gap);
    share[0] = delta[0] = '\0';
    if (f->has_value && f->has_target && f->target > 0)
        snprintf(share, sizeof share, "%.1f", 100.0 * f->value / f->target);
    targets_format_value(f, f->prev, f->has_prev, prev, sizeof prev);
    if (f->has_prev && f->has_value)
        targets_format_value(f, f->value - f->prev, 1, delta, sizeof delta);
    cells[0] = no;
    cells[1] = f->name;
    cells[2] = target;
    cells[3] = f->unit;
    cells[4] = value;
    cells[5] = gap;
    cells[6] = share;
    cells[7] = prev;
    cells[8] = delta;
    cells[9] = targets_rag_name(f);
    cells[10] = f->note ? f->note : (f->has_prev && f->prev_snapshot ? "上月值取自月末快照" : "");
    report_add_row(r, cells);
}

int
reports_build_targets(struct db *db, const struct sumopts *o, struct report **out, struct err *e)
{
    static const struct {
        const char *title;
        enum report_kind kind;
    } cols[] = {{"序号", REPORT_INT},        {"指标", REPORT_TEXT},  {"目标值", REPORT_DEC},
                {"单位", REPORT_TEXT},       {"当前值", REPORT_DEC}, {"差距", REPORT_DEC},
                {"完成率（%）", REPORT_DEC}, {"上月末", REPORT_DEC}, {"较上月", REPORT_DEC},
                {"状态", REPORT_TEXT},       {"说明", REPORT_TEXT}};
    struct targets *t = NULL;
    struct report *r;
    char *title;
    size_t i;
    int rc;

    *out = NULL;
    if ((rc = targets_compute(db, o->cfg, o->as_of, &t, e)) != ERR_OK)
        return rc;
    title = t->plan_year ? xasprintf("%d年目标完成情况报表", t->plan_year)
                         : xstrdup("目标完成情况报表");
    r = report_new("targets", title, o->as_of, NULL);
    free(title);
    for (i = 0; i < sizeof cols / sizeof cols[0]; i++)
        report_add_col(r, cols[i].title, cols[i].kind);
    for (i = 0; i < t->n; i++)
        reports_target_row(r, &t->figs[i], (int)i);
    targets_free(t);
    *out = r;
    return ERR_OK;
}

void
reports_add_cols(struct report *r, const char *const *titles, const enum report_kind *kinds)
{
    size_t i;

    for (i = 0; titles[i]; i++)
        report_add_col(r, titles[i], kinds[i]);
}
