/*
 * drill_tasks.c — tasks behind a dashboard figure (of an action, a status,
 * a unit, overdue or without a recent report), listed through db/task.h
 * with the overdue ones first; and a month's progress reports.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/drill.h"
#include "db/task.h"
#include "src/msg.h"
#include "src/task_rules.h"
#include "src/xmalloc.h"
#include "ui/app.h"
#include "ui/drill_priv.h"

struct drill_tasks {
    struct ui_drill *d;
    struct db_task_query q;
    char action_id[DB_TASK_ID], status_id[DB_TASK_ID];
};

/* The lead unit comes last: on a narrow screen it is the column left out. */
static const struct ui_column drill_task_cols[] = {
    {MSG_KEY("drill.task.no"), 5, 0, TEXTW_RIGHT},
    {MSG_KEY("drill.task.title"), 12, 2, TEXTW_LEFT},
    {MSG_KEY("drill.task.status"), 6, 0, TEXTW_LEFT},
    {MSG_KEY("drill.task.flag"), 6, 0, TEXTW_LEFT},
    {MSG_KEY("drill.task.due"), 10, 0, TEXTW_LEFT},
    {MSG_KEY("drill.task.lead"), 8, 1, TEXTW_LEFT},
};

static const struct ui_column drill_report_cols[] = {
    {MSG_KEY("drill.task.no"), 5, 0, TEXTW_RIGHT},
    {MSG_KEY("drill.task.title"), 12, 2, TEXTW_LEFT},
    {MSG_KEY("drill.report.unit"), 8, 1, TEXTW_LEFT},
    {MSG_KEY("drill.report.date"), 10, 0, TEXTW_LEFT},
};

static long
drill_task_count(void *ctx, const char *filter)
{
    struct drill_tasks *t = ctx;
    long n = 0;

    t->q.search = filter;
    db_task_count(ui_app_db(t->d->app), &t->q, &n, NULL);
    return n;
}

/* What marks a task in the list: 逾期, 未报送, both, or nothing. */
static const char *
drill_task_flag(const struct db_task_item *t)
{
    if (t->overdue && t->stale)
        return msg("drill.flag.both");
    return t->overdue ? msg("drill.flag.overdue") : t->stale ? msg("drill.flag.stale") : "";
}

static void
drill_task_free_rec(void *rec)
{
    db_task_items_free(rec, 1);
}

static int
drill_task_fetch(void *ctx, const char *filter, long offset, int n, struct ui_row *rows,
                 const struct ui_list_hint *hint)
{
    struct drill_tasks *tk = ctx;
    struct db_task_item *t = NULL;
    size_t got = 0, i;

    (void)hint;
    tk->q.search = filter;
    if (db_task_page(ui_app_db(tk->d->app), &tk->q, offset, n, &t, &got, NULL) != ERR_OK) {
        db_task_items_free(t, got);
        return 0;
    }
    for (i = 0; i < got; i++) {
        struct db_task_item *own = xcalloc(1, sizeof *own);

        *own = t[i]; /* the row keeps the item (and its strings) for the detail */
        snprintf(rows[i].id, sizeof rows[i].id, "%s", t[i].id);
        rows[i].cell[0] = xasprintf("%d.%d", t[i].action_no, t[i].no);
        rows[i].cell[1] = xstrdup(t[i].title);
        rows[i].cell[2] = xstrdup(t[i].status);
        rows[i].cell[3] = xstrdup(drill_task_flag(&t[i]));
        rows[i].cell[4] = xstrdup(t[i].due_date);
        rows[i].cell[5] = xstrdup(t[i].lead_unit ? t[i].lead_unit : "");
        rows[i].role = t[i].overdue ? UI_ROLE_OVERDUE
                       : t[i].stale ? UI_ROLE_WARNING
                                    : UI_ROLE_NORMAL;
        rows[i].rec = own;
    }
    free(t); /* the strings now belong to the rows' items */
    return (int)got;
}

static const struct ui_list_source drill_task_source = {drill_task_count, drill_task_fetch,
                                                        drill_task_free_rec};

/* The task's latest progress report, under its fields. */
static void
drill_task_last_report(struct ui_drill *d, const char *task_id, struct ui_detail *dt)
{
    struct db_report *r = NULL;
    size_t n = 0;

    if (db_reports_page(ui_app_db(d->app), task_id, 0, 1, &r, &n, NULL) != ERR_OK || n == 0) {
        ui_detail_add(dt, UI_ROLE_WARNING, msg("drill.task.no_report"));
        db_reports_free(r, n);
        return;
    }
    ui_detail_add(dt, UI_ROLE_LABEL, msg("drill.task.last_report"));
    ui_detail_field(dt, msg("drill.report.date"), r[0].report_date);
    ui_detail_field(dt, msg("drill.report.unit"), r[0].unit);
    ui_detail_add(dt, UI_ROLE_NORMAL, r[0].progress);
    if (r[0].problems && *r[0].problems)
        ui_detail_field(dt, msg("drill.report.problems"), r[0].problems);
    if (r[0].next_steps && *r[0].next_steps)
        ui_detail_field(dt, msg("drill.report.next"), r[0].next_steps);
    db_reports_free(r, n);
}

static void
drill_task_describe(struct ui_drill *d, const struct ui_row *row, struct ui_detail *dt)
{
    const struct db_task_item *t = row->rec;
    char no[24], pct[16];

    snprintf(no, sizeof no, "%d.%d", t->action_no, t->no);
    snprintf(pct, sizeof pct, "%d%%", t->percent);
    ui_detail_add(dt, UI_ROLE_HEADER, t->title);
    ui_detail_field(dt, msg("drill.task.no"), no);
    ui_detail_field(dt, msg("drill.task.lead"), t->lead_unit);
    ui_detail_field(dt, msg("drill.task.status"), t->status);
    ui_detail_field(dt, msg("drill.task.due"), t->due_date);
    ui_detail_field(dt, msg("drill.task.percent"), pct);
    if (t->overdue || t->stale)
        ui_detail_add(dt, t->overdue ? UI_ROLE_OVERDUE : UI_ROLE_WARNING, drill_task_flag(t));
    ui_detail_blank(dt);
    drill_task_last_report(d, t->id, dt);
}

struct ui_list *
ui_drill_tasks_open(struct ui_drill *d)
{
    struct drill_tasks *t = xcalloc(1, sizeof *t);
    struct db *db = ui_app_db(d->app);
    struct db_task_status *st = NULL;
    size_t n = 0, i;

    t->d = d;
    task_rules_from_config(&t->q.rules, ui_app_config(d->app), d->as_of);
    t->q.sort = DB_TASK_SORT_LATE;
    if (d->spec.action_no > 0 &&
        db_task_action_by_no(db, d->spec.action_no, t->action_id, NULL) == ERR_OK)
        t->q.action_id = t->action_id;
    if (d->spec.code[0] && db_task_statuses(db, &st, &n, NULL) == ERR_OK) {
        for (i = 0; i < n; i++) {
            if (strcmp(st[i].code, d->spec.code) == 0) {
                snprintf(t->status_id, sizeof t->status_id, "%s", st[i].id);
                t->q.status_id = t->status_id;
            }
        }
        free(st);
    }
    t->q.unit_id = d->spec.unit_id[0] ? d->spec.unit_id : NULL;
    t->q.overdue = d->spec.overdue;
    t->q.stale = d->spec.stale;
    d->kind = t;
    d->kind_free = free;
    d->describe = drill_task_describe;
    return ui_list_new(&drill_task_source, t, drill_task_cols, 6);
}

/* --- a month's progress reports ------------------------------------------- */

struct drill_reports {
    struct ui_drill *d;
    struct db_drill_query q;
};

static long
drill_report_count(void *ctx, const char *filter)
{
    struct drill_reports *r = ctx;
    long n = 0;

    (void)filter;
    db_drill_count(ui_app_db(r->d->app), &r->q, &n, NULL);
    return n;
}

static void
drill_report_free_rec(void *rec)
{
    db_drill_rows_free(rec, 1);
}

static int
drill_report_fetch(void *ctx, const char *filter, long offset, int n, struct ui_row *rows,
                   const struct ui_list_hint *hint)
{
    struct drill_reports *rp = ctx;
    struct db_drill_row *r = NULL;
    size_t got = 0, i;
    int c;

    (void)filter;
    (void)hint;
    if (db_drill_page(ui_app_db(rp->d->app), &rp->q, offset, n, &r, &got, NULL) != ERR_OK) {
        db_drill_rows_free(r, got);
        return 0;
    }
    for (i = 0; i < got; i++) {
        struct db_drill_row *own = xcalloc(1, sizeof *own);

        *own = r[i]; /* the row keeps the cells for the detail */
        snprintf(rows[i].id, sizeof rows[i].id, "%s", r[i].id);
        for (c = 0; c < 4; c++)
            rows[i].cell[c] = xstrdup(r[i].cell[c]);
        rows[i].rec = own;
    }
    free(r);
    return (int)got;
}

static const struct ui_list_source drill_report_source = {drill_report_count, drill_report_fetch,
                                                          drill_report_free_rec};

static void
drill_report_describe(struct ui_drill *d, const struct ui_row *row, struct ui_detail *dt)
{
    const struct db_drill_row *r = row->rec;

    (void)d;
    ui_detail_add(dt, UI_ROLE_HEADER, r->cell[1]);
    ui_detail_field(dt, msg("drill.task.no"), r->cell[0]);
    ui_detail_field(dt, msg("drill.report.unit"), r->cell[2]);
    ui_detail_field(dt, msg("drill.report.date"), r->cell[3]);
    ui_detail_field(dt, msg("drill.report.person"), r->cell[4]);
    ui_detail_blank(dt);
    ui_detail_add(dt, UI_ROLE_NORMAL, r->cell[5]);
}

struct ui_list *
ui_drill_reports_open(struct ui_drill *d)
{
    struct drill_reports *r = xcalloc(1, sizeof *r);

    r->d = d;
    r->q.kind = DB_DRILL_REPORTS;
    r->q.month = d->spec.month;
    d->kind = r;
    d->kind_free = free;
    d->describe = drill_report_describe;
    return ui_list_new(&drill_report_source, r, drill_report_cols, 4);
}
