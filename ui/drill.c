/*
 * drill.c — a list of the records behind a dashboard figure with their
 * details: tasks (of an action, a status, a unit, overdue or without a
 * recent report) through db/task.h's lists, a month's progress reports
 * and the enterprises holding a tier through db/drill.h.
 */
#include "ui/drill.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/drill.h"
#include "db/task.h"
#include "src/msg.h"
#include "src/task_rules.h"
#include "src/xmalloc.h"
#include "ui/app.h"
#include "ui/keymap.h"

struct ui_drill {
    struct ui_panes panes;
    struct ui_app *app;
    struct dash_drill spec;
    char as_of[11];
    /* tasks */
    struct db_task_query tq;
    char action_id[DB_TASK_ID], status_id[DB_TASK_ID];
    /* reports, enterprises */
    struct db_drill_query q;
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

static const struct ui_column drill_ent_cols[] = {
    {MSG_KEY("drill.ent.name"), 12, 1, TEXTW_LEFT},
    {MSG_KEY("drill.ent.number"), 14, 0, TEXTW_LEFT},
    {MSG_KEY("drill.ent.valid_to"), 10, 0, TEXTW_LEFT},
};

/* --- tasks ---------------------------------------------------------------- */

static long
drill_task_count(void *ctx, const char *filter)
{
    struct ui_drill *d = ctx;
    long n = 0;

    d->tq.search = filter;
    db_task_count(ui_app_db(d->app), &d->tq, &n, NULL);
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
    struct ui_drill *d = ctx;
    struct db_task_item *t = NULL;
    size_t got = 0, i;

    (void)hint;
    d->tq.search = filter;
    if (db_task_page(ui_app_db(d->app), &d->tq, offset, n, &t, &got, NULL) != ERR_OK) {
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
        rows[i].role = t[i].overdue ? UI_ROLE_OVERDUE : t[i].stale ? UI_ROLE_WARNING : UI_ROLE_NORMAL;
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
drill_task_describe(struct ui_drill *d, const struct db_task_item *t, struct ui_detail *dt)
{
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

/* --- reports and enterprises ------------------------------------------------ */

static long
drill_count(void *ctx, const char *filter)
{
    struct ui_drill *d = ctx;
    long n = 0;

    (void)filter;
    db_drill_count(ui_app_db(d->app), &d->q, &n, NULL);
    return n;
}

/* A copy of a row, kept as the list row's record for the detail pane. */
static struct db_drill_row *
drill_copy(const struct db_drill_row *r)
{
    struct db_drill_row *c = xcalloc(1, sizeof *c);
    int i;

    memcpy(c->id, r->id, sizeof c->id);
    c->rowid = r->rowid;
    for (i = 0; i < DB_DRILL_CELLS; i++)
        c->cell[i] = xstrdup(r->cell[i]);
    return c;
}

static void
drill_free_rec(void *rec)
{
    db_drill_rows_free(rec, 1);
}

/* The list cells of one row: reports show number, title, unit, date;
 * enterprises name, number, valid to. */
static void
drill_cells(const struct ui_drill *d, const struct db_drill_row *r, struct ui_row *row)
{
    static const int report_cells[] = {0, 1, 2, 3}, ent_cells[] = {0, 2, 3};
    const int *pick = d->q.kind == DB_DRILL_REPORTS ? report_cells : ent_cells;
    int n = d->q.kind == DB_DRILL_REPORTS ? 4 : 3, c;

    for (c = 0; c < n; c++)
        row->cell[c] = xstrdup(r->cell[pick[c]]);
}

static int
drill_fetch(void *ctx, const char *filter, long offset, int n, struct ui_row *rows,
            const struct ui_list_hint *hint)
{
    struct ui_drill *d = ctx;
    struct db_drill_row *r;
    size_t got = 0, i;
    int rc;

    (void)filter;
    if (d->q.kind == DB_DRILL_TIER && hint && hint->before && hint->before->rec) {
        const struct db_drill_row *prev = hint->before->rec; /* seek from it */

        d->q.after_name = prev->cell[0];
        d->q.after_rowid = prev->rowid;
    }
    rc = db_drill_page(ui_app_db(d->app), &d->q, offset, n, &r, &got, NULL);
    d->q.after_name = NULL;
    if (rc != ERR_OK) {
        db_drill_rows_free(r, got);
        return 0;
    }
    for (i = 0; i < got; i++) {
        snprintf(rows[i].id, sizeof rows[i].id, "%s", r[i].id);
        drill_cells(d, &r[i], &rows[i]);
        rows[i].rec = drill_copy(&r[i]);
    }
    db_drill_rows_free(r, got);
    return (int)got;
}

static const struct ui_list_source drill_source = {drill_count, drill_fetch, drill_free_rec};

static void
drill_describe(void *ctx, struct ui_app *app, const struct ui_row *row, struct ui_detail *dt,
               int width)
{
    struct ui_drill *d = ctx;
    const struct db_drill_row *r = row ? row->rec : NULL;

    (void)app;
    (void)width;
    if (row == NULL) {
        ui_detail_add(dt, UI_ROLE_NORMAL, msg("drill.empty"));
        return;
    }
    if (d->spec.kind == DASH_DRILL_TASKS) {
        drill_task_describe(d, row->rec, dt);
        return;
    }
    if (d->q.kind == DB_DRILL_REPORTS) {
        ui_detail_add(dt, UI_ROLE_HEADER, r->cell[1]);
        ui_detail_field(dt, msg("drill.task.no"), r->cell[0]);
        ui_detail_field(dt, msg("drill.report.unit"), r->cell[2]);
        ui_detail_field(dt, msg("drill.report.date"), r->cell[3]);
        ui_detail_field(dt, msg("drill.report.person"), r->cell[4]);
        ui_detail_blank(dt);
        ui_detail_add(dt, UI_ROLE_NORMAL, r->cell[5]);
        return;
    }
    ui_detail_add(dt, UI_ROLE_HEADER, r->cell[0]);
    ui_detail_field(dt, msg("drill.ent.code"), r->cell[1]);
    ui_detail_field(dt, msg("drill.ent.tier"), d->spec.title);
    ui_detail_field(dt, msg("drill.ent.number"), r->cell[2]);
    ui_detail_field(dt, msg("drill.ent.valid_to"), r->cell[3]);
    ui_detail_field(dt, msg("drill.ent.township"), r->cell[4]);
    ui_detail_field(dt, msg("drill.ent.field"), r->cell[5]);
}

/* Sets up the task query of spec: its action and status by key. */
static struct ui_list *
drill_tasks_list(struct ui_drill *d)
{
    struct db *db = ui_app_db(d->app);
    struct db_task_status *st = NULL;
    size_t n = 0, i;

    task_rules_from_config(&d->tq.rules, ui_app_config(d->app), d->as_of);
    d->tq.sort = DB_TASK_SORT_LATE;
    if (d->spec.action_no > 0 && db_task_action_by_no(db, d->spec.action_no, d->action_id, NULL) == ERR_OK)
        d->tq.action_id = d->action_id;
    if (d->spec.code[0] && db_task_statuses(db, &st, &n, NULL) == ERR_OK) {
        for (i = 0; i < n; i++) {
            if (strcmp(st[i].code, d->spec.code) == 0) {
                snprintf(d->status_id, sizeof d->status_id, "%s", st[i].id);
                d->tq.status_id = d->status_id;
            }
        }
        free(st);
    }
    d->tq.unit_id = d->spec.unit_id[0] ? d->spec.unit_id : NULL;
    d->tq.overdue = d->spec.overdue;
    d->tq.stale = d->spec.stale;
    return ui_list_new(&drill_task_source, d, drill_task_cols, 6);
}

struct ui_drill *
ui_drill_new(struct ui_app *app, const struct dash_drill *spec, int plan_year, const char *as_of)
{
    struct ui_drill *d = xcalloc(1, sizeof *d);
    struct ui_list *l;

    (void)plan_year;
    d->app = app;
    d->spec = *spec;
    snprintf(d->as_of, sizeof d->as_of, "%s", as_of);
    d->q.as_of = d->as_of;
    if (spec->kind == DASH_DRILL_TASKS) {
        l = drill_tasks_list(d);
    } else if (spec->kind == DASH_DRILL_REPORTS) {
        d->q.kind = DB_DRILL_REPORTS;
        d->q.month = d->spec.month;
        l = ui_list_new(&drill_source, d, drill_report_cols, 4);
    } else {
        d->q.kind = DB_DRILL_TIER;
        d->q.tier = d->spec.code;
        l = ui_list_new(&drill_source, d, drill_ent_cols, 3);
    }
    l->empty = MSG_KEY("drill.empty");
    ui_panes_init(&d->panes, l, 55, MSG_KEY("drill.list"), MSG_KEY("pane.detail"),
                  drill_describe, d);
    return d;
}

void
ui_drill_free(struct ui_drill *d)
{
    if (d == NULL)
        return;
    ui_panes_free(&d->panes);
    free(d);
}

void
ui_drill_draw(struct ui_drill *d, struct ui_app *app, const struct ui_rect *area)
{
    struct ui_rect rest = {area->y + 1, area->x, area->h - 1, area->w};
    char *back = ui_keymap_keys_text(UI_ACT_BACK);
    char *head = msg_format("drill.heading", d->spec.title, back, NULL);

    free(back);
    ui_screen_put(area->y, area->x, area->w, head, UI_ROLE_TITLE, TEXTW_LEFT);
    free(head);
    ui_panes_draw(&d->panes, app, &rest);
}

int
ui_drill_action(struct ui_drill *d, struct ui_app *app, int action)
{
    return ui_panes_action(&d->panes, app, action);
}

void
ui_drill_search(struct ui_drill *d, struct ui_app *app, const char *text)
{
    ui_panes_search(&d->panes, app, text);
}

int
ui_drill_searchable(const struct ui_drill *d)
{
    return d->spec.kind == DASH_DRILL_TASKS;
}

const char *
ui_drill_filter(const struct ui_drill *d)
{
    return d->panes.list->filter;
}

int
ui_drill_mouse(struct ui_drill *d, const struct keys_event *ev)
{
    return ui_panes_mouse(&d->panes, ev);
}

void
ui_drill_refresh(struct ui_drill *d)
{
    ui_panes_refresh(&d->panes);
}

char *
ui_drill_position(struct ui_drill *d)
{
    return ui_list_position(d->panes.list);
}
