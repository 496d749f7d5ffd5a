/*
 * drill_pilots.c — pilot projects behind a dashboard figure (held at a
 * gate, or with a run near or past its limit), listed by src/pilot.h,
 * with what holds each one in the detail.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "src/msg.h"
#include "src/pilot.h"
#include "src/xmalloc.h"
#include "ui/app.h"
#include "ui/drill_priv.h"

#define DRILL_PILOT_PAGE 64

struct drill_pilots {
    struct ui_drill *d;
    struct pilot_rules rules;
    struct pilot_filter f;
};

static const struct ui_column drill_pilot_cols[] = {
    {MSG_KEY("drill.pilot.name"), 12, 2, TEXTW_LEFT},
    {MSG_KEY("drill.pilot.stage"), 8, 1, TEXTW_LEFT},
    {MSG_KEY("drill.pilot.deadline"), 10, 0, TEXTW_LEFT},
};

static long
drill_pilot_count(void *ctx, const char *filter)
{
    struct drill_pilots *p = ctx;
    long n = 0;

    p->f.search = filter;
    pilot_count(ui_app_db(p->d->app), &p->rules, p->d->as_of, &p->f, &n, NULL);
    return n;
}

static int
drill_pilot_fetch(void *ctx, const char *filter, long offset, int n, struct ui_row *rows,
                  const struct ui_list_hint *hint)
{
    struct drill_pilots *p = ctx;
    struct db_pilot_row r[DRILL_PILOT_PAGE];
    int got = 0, i;

    (void)hint;
    p->f.search = filter;
    if (n > DRILL_PILOT_PAGE)
        n = DRILL_PILOT_PAGE;
    if (pilot_page(ui_app_db(p->d->app), &p->rules, p->d->as_of, &p->f, offset, n, r, &got, NULL) !=
        ERR_OK)
        return 0;
    for (i = 0; i < got; i++) {
        snprintf(rows[i].id, sizeof rows[i].id, "%.*s", (int)sizeof rows[i].id - 1, r[i].id);
        rows[i].cell[0] = xstrdup(r[i].name ? r[i].name : "");
        rows[i].cell[1] = xstrdup(r[i].stage ? r[i].stage : "");
        rows[i].cell[2] = xstrdup(r[i].deadline ? r[i].deadline : "");
        rows[i].role = pilot_row_flags(&p->rules, p->d->as_of, &r[i]) & PILOT_PAST
                           ? UI_ROLE_OVERDUE
                           : UI_ROLE_WARNING;
        db_pilot_row_free(&r[i]);
    }
    return got;
}

static const struct ui_list_source drill_pilot_source = {drill_pilot_count, drill_pilot_fetch,
                                                         NULL};

static void
drill_pilot_describe(struct ui_drill *d, const struct ui_row *row, struct ui_detail *dt)
{
    struct drill_pilots *p = d->kind;
    struct pilot_status st;
    char days[24], *missing;

    if (pilot_status_get(ui_app_db(d->app), &p->rules, d->as_of, row->id, &st, NULL) != ERR_OK)
        return;
    ui_detail_add(dt, UI_ROLE_HEADER, st.st.name);
    ui_detail_field(dt, msg("drill.pilot.stage"), st.cur >= 0 ? st.stages[st.cur].name : NULL);
    ui_detail_field(dt, msg("drill.pilot.since"), st.st.stage_since);
    missing = pilot_missing_text(&st);
    if (st.nmissing > 0)
        ui_detail_add(dt, UI_ROLE_WARNING, msg("drill.pilot.held"));
    ui_detail_field(dt, msg("drill.pilot.missing"), missing);
    free(missing);
    ui_detail_field(dt, msg("drill.pilot.deadline"), st.st.deadline);
    if (st.st.deadline && *st.st.deadline) {
        snprintf(days, sizeof days, "%ld", st.days_left);
        ui_detail_field(dt, msg("drill.pilot.days_left"), days);
    }
    pilot_status_free(&st);
}

struct ui_list *
ui_drill_pilots_open(struct ui_drill *d)
{
    struct drill_pilots *p = xcalloc(1, sizeof *p);

    p->d = d;
    pilot_rules_from_config(ui_app_config(d->app), &p->rules);
    p->f.flags = d->spec.flags;
    d->kind = p;
    d->kind_free = free;
    d->describe = drill_pilot_describe;
    return ui_list_new(&drill_pilot_source, p, drill_pilot_cols, 3);
}
