/*
 * section_pilot.c — 中试基地: the pilot bases, each followed by its pilot
 * projects (projects not yet placed in a base come last); the detail
 * shows the selected base or project.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/browse.h"
#include "src/msg.h"
#include "src/xmalloc.h"
#include "ui/app.h"
#include "ui/panes.h"
#include "ui/section.h"

#define PILOT_PAGE_MAX 256

struct pilot {
    struct ui_panes panes; /* first: the ui_panes_section_* entries need it */
    struct ui_app *app;
};

static const struct ui_column pilot_cols[] = {
    {MSG_KEY("pilot.col.kind"), 4, 0, TEXTW_LEFT},
    {MSG_KEY("pilot.col.name"), 16, 3, TEXTW_LEFT},
    {MSG_KEY("pilot.col.enterprise"), 8, 1, TEXTW_LEFT},
};

static long
pilot_count(void *ctx, const char *filter)
{
    struct pilot *s = ctx;
    long n = 0;

    if (db_browse_pilot_count(ui_app_db(s->app), filter, &n, NULL) != ERR_OK)
        return 0;
    return n;
}

static void
pilot_free_rec(void *rec)
{
    db_browse_pilot_free(rec);
    free(rec);
}

static int
pilot_fetch(void *ctx, const char *filter, long offset, int n, struct ui_row *rows,
            const struct ui_list_hint *hint)
{
    struct pilot *s = ctx;
    struct db_browse_pilot page[PILOT_PAGE_MAX], *r;
    int got = 0, i;

    (void)hint;
    if (n > PILOT_PAGE_MAX)
        n = PILOT_PAGE_MAX;
    if (db_browse_pilot_page(ui_app_db(s->app), filter, offset, n, page, &got, NULL) != ERR_OK)
        return 0;
    for (i = 0; i < got; i++) {
        r = xmalloc(sizeof *r);
        *r = page[i];
        snprintf(rows[i].id, sizeof rows[i].id, "%s", r->id);
        rows[i].cell[0] = xstrdup(msg(r->is_base ? "pilot.base" : "pilot.project"));
        rows[i].cell[1] =
            r->is_base || r->base == NULL ? xstrdup(r->name) : xasprintf("  %s", r->name);
        rows[i].cell[2] = xstrdup(r->enterprise ? r->enterprise : "");
        rows[i].role = r->is_base ? UI_ROLE_LABEL : UI_ROLE_NORMAL;
        rows[i].rec = r;
    }
    return got;
}

static const struct ui_list_source pilot_source = {pilot_count, pilot_fetch, pilot_free_rec};

/* Money in yuan as 万元 text. */
static char *
pilot_money(const struct db_browse_pilot *r)
{
    char num[48];

    if (!r->has_budget)
        return NULL;
    snprintf(num, sizeof num, "%.2f", (double)r->budget / 10000.0);
    return msg_format("money.wan", num, NULL);
}

static void
pilot_describe(void *ctx, struct ui_app *app, const struct ui_row *row, struct ui_detail *d,
               int width)
{
    const struct db_browse_pilot *r = row ? row->rec : NULL;
    char *money;

    (void)ctx;
    (void)app;
    (void)width;
    if (r == NULL) {
        ui_detail_add(d, UI_ROLE_WARNING, msg("pilot.none"));
        return;
    }
    ui_detail_add(d, UI_ROLE_HEADER, r->name);
    if (r->is_base) {
        ui_detail_field(d, msg("pilot.f.kind"), r->kind);
        ui_detail_field(d, msg("pilot.f.park"), r->park);
        ui_detail_field(d, msg("pilot.f.operator"), r->operator_name);
        ui_detail_field(d, msg("pilot.f.offers"), r->offers);
        ui_detail_field(d, msg("pilot.f.notes"), r->notes);
        return;
    }
    money = pilot_money(r);
    ui_detail_field(d, msg("pilot.f.base"), r->base ? r->base : msg("pilot.no_base"));
    ui_detail_field(d, msg("pilot.f.enterprise"), r->enterprise);
    ui_detail_field(d, msg("pilot.f.lead_unit"), r->lead_unit);
    ui_detail_field(d, msg("pilot.f.task"), r->task);
    ui_detail_field(d, msg("pilot.f.start"), r->start_date);
    ui_detail_field(d, msg("pilot.f.budget"), money);
    ui_detail_field(d, msg("pilot.f.goal"), r->goal);
    ui_detail_field(d, msg("pilot.f.notes"), r->notes);
    free(money);
}

static void *
pilot_enter(struct ui_app *app)
{
    struct pilot *s = xcalloc(1, sizeof *s);
    struct ui_list *l;

    s->app = app;
    l = ui_list_new(&pilot_source, s, pilot_cols, 3);
    l->empty = MSG_KEY("pilot.none");
    ui_panes_init(&s->panes, l, 55, MSG_KEY("pilot.list"), MSG_KEY("pane.detail"), pilot_describe,
                  s);
    return s;
}

static void
pilot_leave(void *state)
{
    struct pilot *s = state;

    ui_panes_free(&s->panes);
    free(s);
}

const struct ui_section ui_section_pilot = {
    MSG_KEY("section.pilot"),
    MSG_KEY("help.pilot"),
    pilot_enter,
    pilot_leave,
    ui_panes_section_draw,
    ui_panes_section_action,
    ui_panes_section_search,
    ui_panes_section_filter,
    ui_panes_section_mouse,
    ui_panes_section_refresh,
    ui_panes_section_position,
};
