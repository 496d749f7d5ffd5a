/*
 * section_overview.c — 总览: the plan's overall targets with their values;
 * the detail shows the selected target and the sentence of the plan that
 * sets it.
 */
#include <stdlib.h>
#include <string.h>

#include "db/plan.h"
#include "src/msg.h"
#include "src/strbuf.h"
#include "src/xmalloc.h"
#include "ui/app.h"
#include "ui/panes.h"
#include "ui/section.h"

struct overview {
    struct ui_panes panes; /* first: the ui_panes_section_* entries need it */
    struct db_plan plan;
    int has_plan;
    struct db_target *targets;
    size_t ntargets;
};

static const struct ui_column overview_cols[] = {
    {MSG_KEY("overview.col.name"), 12, 1, TEXTW_LEFT},
    {MSG_KEY("overview.col.value"), 10, 0, TEXTW_RIGHT},
    {MSG_KEY("overview.col.kind"), 4, 0, TEXTW_LEFT},
};

/* 1 when target t matches filter. */
static int
overview_match(const struct db_target *t, const char *filter)
{
    return filter == NULL || (t->name && strstr(t->name, filter)) ||
           (t->source_text && strstr(t->source_text, filter));
}

static long
overview_count(void *ctx, const char *filter)
{
    struct overview *o = ctx;
    long n = 0;
    size_t i;

    for (i = 0; i < o->ntargets; i++)
        n += overview_match(&o->targets[i], filter);
    return n;
}

/* The target's value as shown: "33家以上", "1%以上", or "—". */
static char *
overview_value(const struct db_target *t)
{
    char num[32];

    if (!t->has_value)
        return xstrdup(msg("detail.none"));
    if (t->value == (double)(long)t->value)
        snprintf(num, sizeof num, "%ld", (long)t->value);
    else
        snprintf(num, sizeof num, "%g", t->value);
    return msg_format(t->comparator && strcmp(t->comparator, ">=") == 0 ? "target.value_ge"
                                                                        : "target.value_eq",
                      num, t->unit ? t->unit : "", NULL);
}

/* The catalogue key of a target kind. */
static const char *
overview_kind(const char *kind)
{
    if (kind && strcmp(kind, "count") == 0)
        return msg("target.kind.count");
    if (kind && strcmp(kind, "percent") == 0)
        return msg("target.kind.percent");
    return msg("target.kind.text");
}

static int
overview_fetch(void *ctx, const char *filter, long offset, int n, struct ui_row *rows,
               const struct ui_list_hint *hint)
{
    struct overview *o = ctx;
    long seen = 0;
    int got = 0;
    size_t i;

    (void)hint;
    for (i = 0; i < o->ntargets && got < n; i++) {
        if (!overview_match(&o->targets[i], filter) || seen++ < offset)
            continue;
        snprintf(rows[got].id, sizeof rows[got].id, "%s", o->targets[i].id);
        rows[got].cell[0] = xstrdup(o->targets[i].name);
        rows[got].cell[1] = overview_value(&o->targets[i]);
        rows[got].cell[2] = xstrdup(overview_kind(o->targets[i].kind));
        rows[got].rec = &o->targets[i];
        got++;
    }
    return got;
}

static const struct ui_list_source overview_source = {overview_count, overview_fetch, NULL};

static void
overview_describe(void *ctx, struct ui_app *app, const struct ui_row *row, struct ui_detail *d,
                  int width)
{
    struct overview *o = ctx;
    const struct db_target *t = row ? row->rec : NULL;
    char *v;

    (void)app;
    (void)width;
    if (!o->has_plan) {
        ui_detail_add(d, UI_ROLE_WARNING, msg("overview.no_plan"));
        return;
    }
    if (t) {
        ui_detail_add(d, UI_ROLE_HEADER, t->name);
        v = overview_value(t);
        ui_detail_field(d, msg("overview.f.value"), v);
        free(v);
        ui_detail_field(d, msg("overview.f.kind"), overview_kind(t->kind));
        ui_detail_field(d, msg("overview.f.source"), t->source_text);
        ui_detail_blank(d);
    }
    ui_detail_field(d, msg("overview.f.plan"), o->plan.title);
    ui_detail_field(d, msg("overview.f.issuer"), o->plan.issuer);
}

/* Loads the plan and its targets. */
static void
overview_load(struct overview *o, struct ui_app *app)
{
    db_targets_free(o->targets, o->ntargets);
    db_plan_free(&o->plan);
    o->targets = NULL;
    o->ntargets = 0;
    o->has_plan = db_plan_get(ui_app_db(app), 0, &o->plan, NULL) == ERR_OK;
    if (o->has_plan)
        db_plan_targets(ui_app_db(app), o->plan.id, &o->targets, &o->ntargets, NULL);
}

static void *
overview_enter(struct ui_app *app)
{
    struct overview *o = xcalloc(1, sizeof *o);
    struct ui_list *l;

    overview_load(o, app);
    l = ui_list_new(&overview_source, o, overview_cols, 3);
    l->empty = MSG_KEY("overview.empty");
    ui_panes_init(&o->panes, l, 50, MSG_KEY("overview.list"), MSG_KEY("pane.detail"),
                  overview_describe, o);
    return o;
}

static void
overview_leave(void *state)
{
    struct overview *o = state;

    ui_panes_free(&o->panes);
    db_targets_free(o->targets, o->ntargets);
    db_plan_free(&o->plan);
    free(o);
}

static void
overview_refresh(void *state, struct ui_app *app)
{
    struct overview *o = state;

    overview_load(o, app);
    ui_panes_refresh(&o->panes);
}

const struct ui_section ui_section_overview = {
    MSG_KEY("section.overview"),
    MSG_KEY("help.overview"),
    overview_enter,
    overview_leave,
    ui_panes_section_draw,
    ui_panes_section_action,
    ui_panes_section_search,
    ui_panes_section_filter,
    ui_panes_section_mouse,
    overview_refresh,
    ui_panes_section_position,
};
