/*
 * section_actions.c — 七大行动: the plan's seven actions; for the selected
 * one, its responsible units, its text and its tasks as a table.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/plan.h"
#include "src/msg.h"
#include "src/strbuf.h"
#include "src/xmalloc.h"
#include "ui/app.h"
#include "ui/panes.h"
#include "ui/section.h"

struct actions {
    struct ui_panes panes; /* first: the ui_panes_section_* entries need it */
    struct db_action *acts;
    size_t nacts;
};

static const struct ui_column actions_cols[] = {
    {MSG_KEY("actions.col.no"), 4, 0, TEXTW_RIGHT},
    {MSG_KEY("actions.col.name"), 16, 1, TEXTW_LEFT},
    {MSG_KEY("actions.col.tasks"), 4, 0, TEXTW_RIGHT},
};

static const struct ui_column actions_task_cols[] = {
    {MSG_KEY("actions.task.no"), 4, 0, TEXTW_RIGHT},
    {MSG_KEY("actions.task.title"), 12, 1, TEXTW_LEFT},
    {MSG_KEY("actions.task.status"), 6, 0, TEXTW_LEFT},
    {MSG_KEY("actions.task.due"), 10, 0, TEXTW_LEFT},
};

/* 1 when action a matches filter. */
static int
actions_match(const struct db_action *a, const char *filter)
{
    size_t i;

    if (filter == NULL || strstr(a->name, filter) || (a->body && strstr(a->body, filter)))
        return 1;
    for (i = 0; i < a->nunits; i++) {
        if (strstr(a->units[i].name, filter))
            return 1;
    }
    return 0;
}

static long
actions_count(void *ctx, const char *filter)
{
    struct actions *s = ctx;
    long n = 0;
    size_t i;

    for (i = 0; i < s->nacts; i++)
        n += actions_match(&s->acts[i], filter);
    return n;
}

static int
actions_fetch(void *ctx, const char *filter, long offset, int n, struct ui_row *rows,
              const struct ui_list_hint *hint)
{
    struct actions *s = ctx;
    long seen = 0;
    int got = 0;
    size_t i;

    (void)hint;
    for (i = 0; i < s->nacts && got < n; i++) {
        if (!actions_match(&s->acts[i], filter) || seen++ < offset)
            continue;
        snprintf(rows[got].id, sizeof rows[got].id, "%s", s->acts[i].id);
        rows[got].cell[0] = xasprintf("%d", s->acts[i].no);
        rows[got].cell[1] = xstrdup(s->acts[i].name);
        rows[got].cell[2] = xasprintf("%ld", s->acts[i].ntasks);
        rows[got].rec = &s->acts[i];
        got++;
    }
    return got;
}

static const struct ui_list_source actions_source = {actions_count, actions_fetch, NULL};

/* The units of a, joined with "、" (the plan's own separator). */
static char *
actions_units(const struct db_action *a)
{
    struct strbuf b = STRBUF_INIT;
    size_t i;

    for (i = 0; i < a->nunits; i++) {
        if (i)
            strbuf_puts(&b, msg("list.sep"));
        strbuf_puts(&b, a->units[i].name);
    }
    return strbuf_take(&b);
}

/* Appends the action's tasks to d as a table width columns wide. */
static void
actions_tasks(struct ui_app *app, const struct db_action *a, struct ui_detail *d, int width)
{
    struct db_task_brief *t;
    int widths[4];
    size_t n, i;
    char *line, no[16];

    if (db_plan_tasks(ui_app_db(app), a->id, &t, &n, NULL) != ERR_OK)
        return;
    ui_table_layout(actions_task_cols, 4, width, widths);
    line = ui_table_header(actions_task_cols, 4, widths);
    ui_detail_add_line(d, UI_ROLE_HEADER, line);
    free(line);
    for (i = 0; i < n; i++) {
        snprintf(no, sizeof no, "%d.%d", a->no, t[i].no);
        line = ui_table_line(actions_task_cols, 4, widths,
                             (const char *const[]){no, t[i].title, t[i].status, t[i].due_date});
        ui_detail_add_line(d, UI_ROLE_NORMAL, line);
        free(line);
    }
    if (n == 0)
        ui_detail_add(d, UI_ROLE_WARNING, msg("actions.no_tasks"));
    db_task_briefs_free(t, n);
}

static void
actions_describe(void *ctx, struct ui_app *app, const struct ui_row *row, struct ui_detail *d,
                 int width)
{
    const struct db_action *a = row ? row->rec : NULL;
    char *units;

    (void)ctx;
    if (a == NULL) {
        ui_detail_add(d, UI_ROLE_WARNING, msg("actions.none"));
        return;
    }
    ui_detail_add(d, UI_ROLE_HEADER, a->title);
    units = actions_units(a);
    ui_detail_field(d, msg("actions.f.units"), units);
    free(units);
    ui_detail_blank(d);
    ui_detail_add(d, UI_ROLE_LABEL, msg("actions.f.tasks"));
    actions_tasks(app, a, d, width);
    ui_detail_blank(d);
    ui_detail_add(d, UI_ROLE_LABEL, msg("actions.f.body"));
    ui_detail_add(d, UI_ROLE_NORMAL, a->body);
}

/* Loads the latest plan's actions. */
static void
actions_load(struct actions *s, struct ui_app *app)
{
    struct db_plan plan;

    db_actions_free(s->acts, s->nacts);
    s->acts = NULL;
    s->nacts = 0;
    if (db_plan_get(ui_app_db(app), 0, &plan, NULL) != ERR_OK)
        return;
    db_plan_actions(ui_app_db(app), plan.id, &s->acts, &s->nacts, NULL);
    db_plan_free(&plan);
}

static void *
actions_enter(struct ui_app *app)
{
    struct actions *s = xcalloc(1, sizeof *s);
    struct ui_list *l;

    actions_load(s, app);
    l = ui_list_new(&actions_source, s, actions_cols, 3);
    l->empty = MSG_KEY("actions.none");
    ui_panes_init(&s->panes, l, 40, MSG_KEY("actions.list"), MSG_KEY("pane.detail"),
                  actions_describe, s);
    return s;
}

static void
actions_leave(void *state)
{
    struct actions *s = state;

    ui_panes_free(&s->panes);
    db_actions_free(s->acts, s->nacts);
    free(s);
}

static void
actions_refresh(void *state, struct ui_app *app)
{
    struct actions *s = state;

    actions_load(s, app);
    ui_panes_refresh(&s->panes);
}

const struct ui_section ui_section_actions = {
    MSG_KEY("section.actions"),
    MSG_KEY("help.actions"),
    actions_enter,
    actions_leave,
    ui_panes_section_draw,
    ui_panes_section_action,
    ui_panes_section_search,
    ui_panes_section_filter,
    ui_panes_section_mouse,
    actions_refresh,
    ui_panes_section_position,
};
