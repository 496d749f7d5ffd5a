/*
 * drill.c — a list of the records behind a dashboard figure (tasks of an
 * action in a status, enterprises of a tier) with their details.
 */
#include "ui/drill.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/drill.h"
#include "src/msg.h"
#include "src/xmalloc.h"
#include "ui/app.h"
#include "ui/keymap.h"

struct ui_drill {
    struct ui_panes panes;
    struct ui_app *app;
    struct db_drill_query q;
    struct dash_drill spec;
    char as_of[11];
};

static const struct ui_column drill_task_cols[] = {
    {MSG_KEY("drill.task.no"), 5, 0, TEXTW_RIGHT},
    {MSG_KEY("drill.task.title"), 12, 1, TEXTW_LEFT},
    {MSG_KEY("drill.task.status"), 6, 0, TEXTW_LEFT},
    {MSG_KEY("drill.task.due"), 10, 0, TEXTW_LEFT},
    {MSG_KEY("drill.task.percent"), 4, 0, TEXTW_RIGHT},
};

static const struct ui_column drill_ent_cols[] = {
    {MSG_KEY("drill.ent.name"), 12, 1, TEXTW_LEFT},
    {MSG_KEY("drill.ent.number"), 14, 0, TEXTW_LEFT},
    {MSG_KEY("drill.ent.valid_to"), 10, 0, TEXTW_LEFT},
};

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

static int
drill_fetch(void *ctx, const char *filter, long offset, int n, struct ui_row *rows,
            const struct ui_list_hint *hint)
{
    struct ui_drill *d = ctx;
    struct db_drill_row *r;
    size_t got = 0, i;
    int c, rc;

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
        if (d->q.kind == DB_DRILL_TASKS) {
            for (c = 0; c < 5; c++)
                rows[i].cell[c] = xstrdup(r[i].cell[c]);
        } else {
            rows[i].cell[0] = xstrdup(r[i].cell[0]);
            rows[i].cell[1] = xstrdup(r[i].cell[2]);
            rows[i].cell[2] = xstrdup(r[i].cell[3]);
        }
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
    if (r == NULL) {
        ui_detail_add(dt, UI_ROLE_NORMAL, msg("drill.empty"));
        return;
    }
    if (d->q.kind == DB_DRILL_TASKS) {
        ui_detail_add(dt, UI_ROLE_HEADER, r->cell[1]);
        ui_detail_field(dt, msg("drill.task.no"), r->cell[0]);
        ui_detail_field(dt, msg("drill.task.status"), r->cell[2]);
        ui_detail_field(dt, msg("drill.task.due"), r->cell[3]);
        ui_detail_field(dt, msg("drill.task.percent"), r->cell[4]);
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

struct ui_drill *
ui_drill_new(struct ui_app *app, const struct dash_drill *spec, int plan_year, const char *as_of)
{
    struct ui_drill *d = xcalloc(1, sizeof *d);
    struct ui_list *l;

    d->app = app;
    d->spec = *spec;
    snprintf(d->as_of, sizeof d->as_of, "%s", as_of);
    d->q.plan_year = plan_year;
    d->q.as_of = d->as_of;
    if (spec->kind == DASH_DRILL_TASKS) {
        d->q.kind = DB_DRILL_TASKS;
        d->q.action_no = spec->action_no;
        d->q.status = spec->code[0] ? d->spec.code : NULL;
        l = ui_list_new(&drill_source, d, drill_task_cols, 5);
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
