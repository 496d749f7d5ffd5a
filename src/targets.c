/*
 * targets.c — the plan's targets as of a date: each target code's source
 * computes its value from the records; this file adds the gap, the pace
 * against the year and the red/amber/green mark, last month's figure, and
 * stores month-end snapshots.
 */
#include "src/targets.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/ent_list.h"
#include "db/figures.h"
#include "db/plan.h"
#include "db/rd_input.h"
#include "db/snapshot.h"
#include "src/date.h"
#include "src/project.h"
#include "src/xmalloc.h"

/* Computes f's value as of t->as_of for the plan year t->plan_year. */
typedef int (*targets_source_fn)(struct db *db, const struct targets *t, struct targets_fig *f,
                                 struct err *e);

/* Enterprises holding the tier that counts towards f (tier.target_code). */
static int
targets_tier(struct db *db, const struct targets *t, struct targets_fig *f, struct err *e)
{
    size_t i;

    (void)db;
    (void)e;
    for (i = 0; i < t->ntiers; i++) {
        if (strcmp(t->tiers[i].target_code, f->code) == 0) {
            f->has_value = 1;
            f->value += (double)t->tiers[i].count;
        }
    }
    if (!f->has_value)
        f->note = xstrdup("没有计入此目标的梯度");
    return ERR_OK;
}

static int
targets_tier_row(void *arg, const char *const *cols, int n)
{
    struct targets *t = arg;
    struct targets_tier *x;

    (void)n;
    t->tiers = xrealloc(t->tiers, (t->ntiers + 1) * sizeof *t->tiers);
    x = &t->tiers[t->ntiers++];
    memset(x, 0, sizeof *x);
    snprintf(x->code, sizeof x->code, "%s", cols[0]);
    snprintf(x->target_code, sizeof x->target_code, "%s", cols[3]);
    x->name = xstrdup(cols[1]);
    x->count = atol(cols[4]);
    return 0;
}

/* R&D spending / GDP of the plan year; the latest earlier year when the
 * plan year's figures are not in yet (they come out the next year). */
static int
targets_rd_intensity(struct db *db, const struct targets *t, struct targets_fig *f, struct err *e)
{
    struct db_rd_input *a;
    int year = t->plan_year, rc;
    size_t n, i;

    if ((rc = db_rd_input_list(db, &a, &n, e)) != ERR_OK)
        return rc;
    for (i = 0; i < n && a[i].year > year; i++)
        ;
    if (i < n) {
        f->has_value = 1;
        f->value = 100.0 * (double)a[i].rd_spending / (double)a[i].gdp;
        if (a[i].year != year)
            f->note = xasprintf("%d年数据尚未录入，按%d年数据", year, a[i].year);
    } else {
        f->note = xasprintf("尚未录入%d年R&D经费与地区生产总值：选中本行按 Enter 录入", year);
    }
    db_rd_inputs_free(a, n);
    return ERR_OK;
}

/* Municipal S&T and 揭榜挂帅 projects approved by the date (src/project.h). */
static int
targets_projects(struct db *db, const struct targets *t, struct targets_fig *f, struct err *e)
{
    long count;
    int fed, rc;

    if ((rc = project_target_count(db, t->plan_year, t->as_of, f->code, &count, &fed, e)) != ERR_OK)
        return rc;
    if (!fed) {
        f->note = xstrdup("没有计入此目标的项目类别");
        return ERR_OK;
    }
    f->has_value = 1;
    f->value = (double)count;
    return ERR_OK;
}

/* New R&D-investing enterprises, from the register's yearly figures of
 * the plan year, or of the latest year before it that has figures. */
static int
targets_new_rd(struct db *db, const struct targets *t, struct targets_fig *f, struct err *e)
{
    int year = db_ent_latest_year(db, t->plan_year, e);
    long n;

    if (year == 0) {
        f->note = xasprintf("尚未录入企业%d年研发费用等年度数据", t->plan_year);
        return ERR_OK;
    }
    if ((n = db_ent_new_rd_count(db, year, e)) < 0)
        return ERR_DB;
    f->has_value = 1;
    f->value = (double)n;
    if (year != t->plan_year)
        f->note = xasprintf("%d年企业数据尚未录入，按%d年数据", t->plan_year, year);
    return ERR_OK;
}

static const struct {
    const char *code;
    targets_source_fn fn;
} targets_sources[] = {
    {"high_tech", targets_tier},        {"tech_sme", targets_tier},
    {"new_rd", targets_new_rd},         {"rd_intensity", targets_rd_intensity},
    {"city_project", targets_projects}, {"city_jiebang", targets_projects},
};

static targets_source_fn
targets_source(const char *code)
{
    size_t i;

    for (i = 0; i < sizeof targets_sources / sizeof targets_sources[0]; i++) {
        if (strcmp(targets_sources[i].code, code) == 0)
            return targets_sources[i].fn;
    }
    return NULL;
}

/* Met, gap and mark of f, given the share of the year gone. */
static void
targets_judge(struct targets_fig *f, double elapsed)
{
    double pace;

    f->rag = TARGETS_NONE;
    if (!f->has_value || !f->has_target || f->target <= 0)
        return;
    f->met = f->value >= f->target - 1e-9;
    f->gap = f->met ? 0.0 : f->target - f->value;
    pace = f->value / f->target;
    if (f->met || pace >= elapsed)
        f->rag = TARGETS_GREEN;
    else if (elapsed < 1.0 && pace >= elapsed - TARGETS_AMBER_SLACK)
        f->rag = TARGETS_AMBER;
    else
        f->rag = TARGETS_RED;
}

/* The plan for as_of's year, else the latest plan; *found 0 when none. */
static int
targets_plan(struct db *db, const char *as_of, struct db_plan *p, int *found, struct err *e)
{
    int y = 0, rc;

    *found = 0;
    date_ymd(as_of, &y, NULL, NULL);
    rc = db_plan_get(db, y, p, NULL);
    if (rc == ERR_NOTFOUND)
        rc = db_plan_get(db, 0, p, NULL);
    if (rc == ERR_NOTFOUND)
        return ERR_OK;
    if (rc != ERR_OK)
        return err_set(e, rc, "无法读取工作方案。");
    *found = 1;
    return ERR_OK;
}

/* Fills fig from the stored target t and its source. */
static int
targets_fill(struct db *db, const struct targets *all, const struct db_target *t,
             struct targets_fig *f, struct err *e)
{
    targets_source_fn fn = targets_source(t->code);

    snprintf(f->code, sizeof f->code, "%s", t->code);
    f->name = xstrdup(t->name);
    f->unit = xstrdup(t->unit ? t->unit : "");
    f->kind = xstrdup(t->kind ? t->kind : "count");
    f->has_target = t->has_value;
    f->target = t->value;
    if (strcmp(f->kind, "text") == 0) {
        f->note = xstrdup("定性目标");
        return ERR_OK;
    }
    if (fn == NULL) {
        f->note = xstrdup("没有可计算此目标的数据");
        return ERR_OK;
    }
    return fn(db, all, f, e);
}

int
targets_compute_bare(struct db *db, const struct config *cfg, const char *as_of,
                     struct targets **out, struct err *e)
{
    struct targets *t = xcalloc(1, sizeof *t);
    struct db_target *dt = NULL;
    struct db_plan p;
    size_t i, n = 0;
    int y = 0, m = 0, found, rc;

    (void)cfg; /* the rules the targets use take no settings yet */
    *out = NULL;
    if (!date_ymd(as_of, &y, &m, NULL)) {
        free(t);
        return err_field(e, ERR_INVALID, "as_of", "日期“%s”无效，请写成 YYYY-MM-DD。", as_of);
    }
    snprintf(t->as_of, sizeof t->as_of, "%s", as_of);
    date_prev_month(y, m, t->prev_month);
    if ((rc = targets_plan(db, as_of, &p, &found, e)) != ERR_OK) {
        targets_free(t);
        return rc;
    }
    if (!found) { /* an empty database: no plan, no targets */
        *out = t;
        return ERR_OK;
    }
    t->plan_year = p.year;
    t->elapsed = date_year_elapsed(as_of, p.year);
    t->days_left = date_year_days_left(as_of, p.year);
    rc = db_figures_tier_counts(db, as_of, targets_tier_row, t, e);
    if (rc == ERR_OK)
        rc = db_plan_targets(db, p.id, &dt, &n, e);
    db_plan_free(&p);
    t->figs = xcalloc(n ? n : 1, sizeof *t->figs);
    for (i = 0; i < n && rc == ERR_OK; i++, t->n++) {
        rc = targets_fill(db, t, &dt[i], &t->figs[i], e);
        targets_judge(&t->figs[i], t->elapsed);
    }
    db_targets_free(dt, n);
    if (rc != ERR_OK) {
        targets_free(t);
        return rc;
    }
    *out = t;
    return ERR_OK;
}

/* 1 when a measurable target of t has no row among the snapshot's s. */
static int
targets_unsnapped(const struct targets *t, const struct db_snapshot *s, size_t ns)
{
    size_t i, j;

    for (i = 0; i < t->n; i++) {
        if (strcmp(t->figs[i].kind, "text") == 0)
            continue;
        for (j = 0; j < ns && strcmp(s[j].code, t->figs[i].code) != 0; j++)
            ;
        if (j == ns)
            return 1;
    }
    return 0;
}

/* Last month's figures: the stored snapshot, else computed as of its end. */
static int
targets_previous(struct db *db, const struct config *cfg, struct targets *t, struct err *e)
{
    struct db_snapshot *s = NULL;
    struct targets *live = NULL;
    size_t ns = 0, i, j;
    char end[11];
    int y, m, rc;

    if ((rc = db_snapshot_month(db, t->prev_month, &s, &ns, e)) != ERR_OK)
        return rc;
    date_ym(t->prev_month, &y, &m);
    date_month_end(y, m, end);
    if (targets_unsnapped(t, s, ns) &&
        (rc = targets_compute_bare(db, cfg, end, &live, e)) != ERR_OK) {
        free(s);
        return rc;
    }
    for (i = 0; i < t->n; i++) {
        struct targets_fig *f = &t->figs[i];

        for (j = 0; j < ns && strcmp(s[j].code, f->code) != 0; j++)
            ;
        if (j < ns) {
            f->has_prev = s[j].has_value;
            f->prev = s[j].value;
            f->prev_snapshot = 1;
            continue;
        }
        for (j = 0; live && j < live->n && strcmp(live->figs[j].code, f->code) != 0; j++)
            ;
        if (live && j < live->n) {
            f->has_prev = live->figs[j].has_value;
            f->prev = live->figs[j].value;
        }
    }
    free(s);
    targets_free(live);
    return ERR_OK;
}

int
targets_compute(struct db *db, const struct config *cfg, const char *as_of, struct targets **out,
                struct err *e)
{
    int rc = targets_compute_bare(db, cfg, as_of, out, e);

    if (rc == ERR_OK && (rc = targets_previous(db, cfg, *out, e)) != ERR_OK) {
        targets_free(*out);
        *out = NULL;
    }
    return rc;
}

void
targets_free(struct targets *t)
{
    size_t i;

    if (t == NULL)
        return;
    for (i = 0; i < t->n; i++) {
        free(t->figs[i].name);
        free(t->figs[i].unit);
        free(t->figs[i].kind);
        free(t->figs[i].note);
    }
    for (i = 0; i < t->ntiers; i++)
        free(t->tiers[i].name);
    free(t->figs);
    free(t->tiers);
    free(t);
}

struct targets_snap_arg {
    const struct config *cfg;
    char end[11];
    char month[8];
    int changed;
};

static int
targets_snap_write(struct db *db, void *arg, struct err *e)
{
    struct targets_snap_arg *a = arg;
    struct targets *t = NULL;
    struct db_snapshot s;
    size_t i;
    int one, rc = targets_compute_bare(db, a->cfg, a->end, &t, e);

    for (i = 0; rc == ERR_OK && i < t->n; i++) {
        const struct targets_fig *f = &t->figs[i];

        if (strcmp(f->kind, "text") == 0)
            continue;
        memset(&s, 0, sizeof s);
        snprintf(s.month, sizeof s.month, "%s", a->month);
        snprintf(s.as_of, sizeof s.as_of, "%s", a->end);
        snprintf(s.code, sizeof s.code, "%s", f->code);
        s.plan_year = t->plan_year;
        s.has_target = f->has_target;
        s.target_value = f->target;
        s.has_value = f->has_value;
        s.value = f->value;
        if ((rc = db_snapshot_put(db, &s, &one, e)) == ERR_OK)
            a->changed += one;
    }
    if (rc == ERR_OK && t->plan_year == 0)
        rc = err_set(e, ERR_NOTFOUND, "数据库中还没有工作方案，无法记录目标快照。");
    targets_free(t);
    return rc;
}

int
targets_snapshot_take(struct db *db, const struct config *cfg, const char *user, const char *month,
                      const char *today, int *changed, struct err *e)
{
    struct targets_snap_arg a;
    int y, m, rc;

    memset(&a, 0, sizeof a);
    a.cfg = cfg;
    if (!date_ym(month, &y, &m))
        return err_field(e, ERR_INVALID, "month", "月份“%s”无效，请写成 YYYY-MM。", month);
    date_month_end(y, m, a.end);
    if (strcmp(a.end, today) > 0)
        return err_field(e, ERR_REFUSED, "month", "%s 还没有结束（月末为 %s），不能记录月末快照。",
                         month, a.end);
    snprintf(a.month, sizeof a.month, "%s", month);
    rc = db_write(db, user, targets_snap_write, &a, e);
    if (changed)
        *changed = rc == ERR_OK ? a.changed : 0;
    return rc;
}

int
targets_snapshot_ensure(struct db *db, const struct config *cfg, const char *user,
                        const char *today, int *taken, struct err *e)
{
    struct db_snapshot *s = NULL;
    char prev[8];
    size_t n = 0;
    int y, m, rc;

    *taken = 0;
    if (!date_ymd(today, &y, &m, NULL))
        return err_field(e, ERR_INVALID, "today", "日期“%s”无效。", today ? today : "");
    date_prev_month(y, m, prev);
    if ((rc = db_snapshot_month(db, prev, &s, &n, e)) != ERR_OK)
        return rc;
    free(s);
    if (n > 0)
        return ERR_OK;
    rc = targets_snapshot_take(db, cfg, user, prev, today, taken, e);
    *taken = rc == ERR_OK && *taken > 0;
    return rc;
}

const char *
targets_rag_letter(enum targets_rag rag)
{
    static const char *const l[] = {"-", "G", "A", "R"};

    return l[rag];
}

const char *
targets_rag_name(const struct targets_fig *f)
{
    switch (f->rag) {
    case TARGETS_GREEN:
        return f->met ? "达标" : "正常";
    case TARGETS_AMBER:
        return "关注";
    case TARGETS_RED:
        return "落后";
    default:
        return "-";
    }
}

void
targets_bar(double value, double target, int width, char *buf)
{
    double share = target > 0 ? value / target : 0.0;
    int fill, i;

    if (share > 1.0)
        share = 1.0;
    if (share < 0.0)
        share = 0.0;
    fill = (int)floor(share * width + 0.5);
    if (fill == width && share < 1.0)
        fill = width - 1; /* a full bar only when met */
    for (i = 0; i < width; i++)
        buf[i] = i < fill ? '#' : '.';
    buf[width] = '\0';
}

void
targets_format_value(const struct targets_fig *f, double v, int has, char *buf, size_t n)
{
    if (!has)
        snprintf(buf, n, "-");
    else if (strcmp(f->kind, "percent") == 0)
        snprintf(buf, n, "%.2f%%", v);
    else if (v == floor(v))
        snprintf(buf, n, "%.0f", v);
    else
        snprintf(buf, n, "%.2f", v);
}
