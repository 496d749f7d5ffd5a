/*
 * drill.c — the records behind a dashboard figure as a list pane with a
 * detail pane, under a heading that says what they are and how to go back.
 * Each kind of record has its own file: drill_tasks.c (tasks, a month's
 * progress reports), drill_ents.c (enterprises of a tier, certificates
 * about to lapse, registrations not renewed), drill_pilots.c.
 */
#include "ui/drill.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "src/msg.h"
#include "src/xmalloc.h"
#include "ui/app.h"
#include "ui/drill_priv.h"
#include "ui/keymap.h"

static void
drill_describe(void *ctx, struct ui_app *app, const struct ui_row *row, struct ui_detail *dt,
               int width)
{
    struct ui_drill *d = ctx;

    (void)app;
    (void)width;
    if (row == NULL)
        ui_detail_add(dt, UI_ROLE_NORMAL, msg("drill.empty"));
    else
        d->describe(d, row, dt);
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
    switch (spec->kind) {
    case DASH_DRILL_TASKS:
        l = ui_drill_tasks_open(d);
        break;
    case DASH_DRILL_REPORTS:
        l = ui_drill_reports_open(d);
        break;
    case DASH_DRILL_PILOTS:
        l = ui_drill_pilots_open(d);
        break;
    default:
        l = ui_drill_ents_open(d);
        break;
    }
    l->empty = MSG_KEY("drill.empty");
    ui_panes_init(&d->panes, l, 55, MSG_KEY("drill.list"), MSG_KEY("pane.detail"), drill_describe,
                  d);
    return d;
}

void
ui_drill_free(struct ui_drill *d)
{
    if (d == NULL)
        return;
    ui_panes_free(&d->panes);
    if (d->kind_free)
        d->kind_free(d->kind);
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
    return d->spec.kind == DASH_DRILL_TASKS || d->spec.kind == DASH_DRILL_TIER ||
           d->spec.kind == DASH_DRILL_PILOTS;
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
