/*
 * section_actions.c — 七大行动: the seven actions with their tasks counted
 * by status, overdue and stale; the same counts per responsible unit
 * (v switches); Enter opens the tasks of an action or of a unit (the late
 * ones first), a virtual list with the task's details beside it. There a
 * clerk searches (/), filters and sorts (v), reports monthly progress (r),
 * adds (a), edits (e), deletes (Delete) and does the rest from the menu (m).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/task.h"
#include "src/msg.h"
#include "src/strbuf.h"
#include "src/task_rules.h"
#include "src/xmalloc.h"
#include "ui/app.h"
#include "ui/dialog.h"
#include "ui/keymap.h"
#include "ui/panes.h"
#include "ui/section.h"
#include "ui/task_ops.h"
#include "ui/task_view.h"

enum actions_view {
    AV_ACTIONS,
    AV_UNITS,
    AV_TASKS,
};

/* Which pick of the view menu is open. */
enum actions_pick {
    AP_VIEW,
    AP_STATUS,
    AP_UNIT,
};

struct actions {
    struct ui_panes acts, units, tasks;
    struct ui_panes *cur;
    struct ui_app *app;
    enum actions_view view, back; /* back: where Esc leaves the task list for */
    enum actions_pick pick;
    struct db_task_rules rules;
    struct db_task_status *st;
    size_t nst;
    struct db_task_tally *at, *ut; /* by action, by unit */
    size_t nat, nut;
    struct db_task_query q; /* the task list; its keys point into the buffers below */
    char q_action[DB_TASK_ID], q_unit[DB_TASK_ID], q_status[DB_TASK_ID];
    int action_no;              /* of the task list's action, 0 when it is not one action */
    int units_seen;             /* the units' tallies are read and kept up to date */
    char scope[200];            /* the task list's title: what it shows */
    struct db_task_item *cache; /* rows cache_off .. cache_off + ncache of the task list */
    size_t ncache;
    long cache_off;
    struct ui_task_ops ops;
};

/* Rows the task list reads around the ones it is asked for, so that
 * scrolling costs a query every few dozen rows, not every key. */
#define TASKS_AHEAD 40

static const struct ui_column actions_cols[] = {
    {MSG_KEY("actions.col.no"), 4, 0, TEXTW_RIGHT},
    {MSG_KEY("actions.col.name"), 12, 1, TEXTW_LEFT},
    {MSG_KEY("actions.col.tasks"), 4, 0, TEXTW_RIGHT},
    {MSG_KEY("actions.col.overdue"), 4, 0, TEXTW_RIGHT},
    {MSG_KEY("actions.col.stale"), 4, 0, TEXTW_RIGHT},
};

static const struct ui_column units_cols[] = {
    {MSG_KEY("units.col.name"), 12, 1, TEXTW_LEFT},
    {MSG_KEY("units.col.lead"), 4, 0, TEXTW_RIGHT},
    {MSG_KEY("units.col.co"), 4, 0, TEXTW_RIGHT},
    {MSG_KEY("actions.col.overdue"), 4, 0, TEXTW_RIGHT},
    {MSG_KEY("actions.col.stale"), 4, 0, TEXTW_RIGHT},
};

/* Hidden from the right when narrow: the lead unit goes first. */
static const struct ui_column tasks_cols[] = {
    {MSG_KEY("tasks.col.no"), 4, 0, TEXTW_RIGHT},
    {MSG_KEY("tasks.col.title"), 10, 1, TEXTW_LEFT},
    {MSG_KEY("tasks.col.status"), 6, 0, TEXTW_LEFT},
    {MSG_KEY("tasks.col.mark"), 4, 0, TEXTW_LEFT},
    {MSG_KEY("tasks.col.due"), 10, 0, TEXTW_LEFT},
    {MSG_KEY("tasks.col.percent"), 4, 0, TEXTW_RIGHT},
    {MSG_KEY("tasks.col.lead"), 14, 0, TEXTW_LEFT},
};

/* --- the actions and units lists (a handful of rows, held in memory) --- */

static long
acts_count(void *ctx, const char *filter)
{
    struct actions *s = ctx;

    (void)filter;
    return (long)s->nat;
}

static long
units_count(void *ctx, const char *filter)
{
    struct actions *s = ctx;

    (void)filter;
    return (long)s->nut;
}

/* Fills rows from tallies t[offset ..]; units put the name first. */
static int
tally_rows(struct db_task_tally *t, size_t nt, int unit, long offset, int n, struct ui_row *rows)
{
    int got = 0;
    long i;

    for (i = offset; i < (long)nt && got < n; i++, got++) {
        snprintf(rows[got].id, sizeof rows[got].id, "%s", t[i].id);
        rows[got].cell[0] = unit ? xstrdup(t[i].name) : xasprintf("%d", t[i].no);
        rows[got].cell[1] = unit ? xasprintf("%ld", t[i].lead) : xstrdup(t[i].name);
        rows[got].cell[2] = xasprintf("%ld", unit ? t[i].co : t[i].total);
        rows[got].cell[3] = xasprintf("%ld", t[i].overdue);
        rows[got].cell[4] = xasprintf("%ld", t[i].stale);
        rows[got].role = t[i].overdue ? UI_ROLE_OVERDUE : t[i].stale ? UI_ROLE_WARNING : 0;
        rows[got].rec = &t[i]; /* borrowed: the list has no free_rec for these */
    }
    return got;
}

static int
acts_fetch(void *ctx, const char *filter, long offset, int n, struct ui_row *rows,
           const struct ui_list_hint *hint)
{
    struct actions *s = ctx;

    (void)filter;
    (void)hint;
    return tally_rows(s->at, s->nat, 0, offset, n, rows);
}

static int
units_fetch(void *ctx, const char *filter, long offset, int n, struct ui_row *rows,
            const struct ui_list_hint *hint)
{
    struct actions *s = ctx;

    (void)filter;
    (void)hint;
    return tally_rows(s->ut, s->nut, 1, offset, n, rows);
}

static const struct ui_list_source acts_source = {acts_count, acts_fetch, NULL};
static const struct ui_list_source units_source = {units_count, units_fetch, NULL};

/* --- the task list (virtual: a page of the query at a time) --- */

/* Forgets the rows read ahead: the list is being counted again. */
static void
tasks_drop(struct actions *s)
{
    db_task_items_free(s->cache, s->ncache);
    s->cache = NULL;
    s->ncache = 0;
    s->cache_off = 0;
}

/* A unit's whole list is as long as its tally says (read with the same
 * rules just before): no need to count the unit's tasks again. -1 when the
 * list is filtered further. */
static long
tasks_tallied(const struct actions *s)
{
    size_t i;

    if (s->q.unit_id == NULL || s->q.action_id || s->q.status_id || s->q.overdue || s->q.stale ||
        s->q.archived || (s->q.search && *s->q.search) || !s->units_seen)
        return -1;
    for (i = 0; i < s->nut; i++) {
        if (strcmp(s->ut[i].id, s->q.unit_id) == 0)
            return s->ut[i].total;
    }
    return -1;
}

static long
tasks_count(void *ctx, const char *filter)
{
    struct actions *s = ctx;
    long n = 0;

    tasks_drop(s);
    if (s->tasks.list == NULL)
        return 0; /* the list is being made with the section: nothing opened yet */
    s->q.search = filter;
    if ((n = tasks_tallied(s)) >= 0)
        return n;
    if (db_task_count(ui_app_db(s->app), &s->q, &n, NULL) != ERR_OK)
        return 0;
    return n;
}

static const char *
tasks_mark(const struct db_task_item *t)
{
    if (t->overdue)
        return msg("tasks.mark.overdue");
    return t->stale ? msg("tasks.mark.stale") : "";
}

/* Makes the cache hold rows offset .. offset + n; 0 when it cannot. */
static int
tasks_read(struct actions *s, const char *filter, long offset, int n)
{
    long from = offset > TASKS_AHEAD ? offset - TASKS_AHEAD : 0;

    if (s->cache && offset >= s->cache_off && offset + n <= s->cache_off + (long)s->ncache)
        return 1;
    tasks_drop(s);
    s->q.search = filter;
    if (db_task_page(ui_app_db(s->app), &s->q, from, n + 2 * TASKS_AHEAD, &s->cache, &s->ncache,
                     NULL) != ERR_OK)
        return 0;
    s->cache_off = from;
    return 1;
}

static int
tasks_fetch(void *ctx, const char *filter, long offset, int n, struct ui_row *rows,
            const struct ui_list_hint *hint)
{
    struct actions *s = ctx;
    const struct db_task_item *t;
    int i;

    (void)hint;
    if (!tasks_read(s, filter, offset, n))
        return 0;
    for (i = 0; i < n && offset + i < s->cache_off + (long)s->ncache; i++) {
        t = &s->cache[offset + i - s->cache_off];
        snprintf(rows[i].id, sizeof rows[i].id, "%s", t->id);
        rows[i].cell[0] = xasprintf("%d.%d", t->action_no, t->no);
        rows[i].cell[1] = xstrdup(t->title);
        rows[i].cell[2] = xstrdup(t->status);
        rows[i].cell[3] = xstrdup(tasks_mark(t));
        rows[i].cell[4] = xstrdup(t->due_date);
        rows[i].cell[5] = xasprintf("%d%%", t->percent);
        rows[i].cell[6] = xstrdup(t->lead_unit ? t->lead_unit : "");
        rows[i].role = t->overdue ? UI_ROLE_OVERDUE : t->stale ? UI_ROLE_WARNING : 0;
    }
    return i;
}

static const struct ui_list_source tasks_source = {tasks_count, tasks_fetch, NULL};

/* --- details --- */

static void
acts_describe(void *ctx, struct ui_app *app, const struct ui_row *row, struct ui_detail *d,
              int width)
{
    struct actions *s = ctx;

    (void)width;
    if (row == NULL)
        ui_detail_add(d, UI_ROLE_WARNING, msg("actions.none"));
    else
        ui_task_view_action(app, row->rec, s->st, s->nst, d);
}

static void
units_describe(void *ctx, struct ui_app *app, const struct ui_row *row, struct ui_detail *d,
               int width)
{
    (void)ctx;
    (void)app;
    (void)width;
    if (row == NULL)
        ui_detail_add(d, UI_ROLE_WARNING, msg("units.none"));
    else
        ui_task_view_unit(row->rec, d);
}

static void
tasks_describe(void *ctx, struct ui_app *app, const struct ui_row *row, struct ui_detail *d,
               int width)
{
    struct actions *s = ctx;

    (void)width;
    if (row == NULL)
        ui_task_view_hint(d, UI_ROLE_WARNING, "tasks.empty.hint", UI_ACT_ADD, UI_ACT_VIEW, 0, 0);
    else
        ui_task_view_task(app, row->id, &s->rules, d);
}

/* --- loading --- */

/* Reads the rules for today, the statuses and the actions' tallies; the
 * units' too once the clerk has looked at them (they cost a second pass). */
static void
actions_load(struct actions *s)
{
    struct db *db = ui_app_db(s->app);

    task_rules_from_config(&s->rules, ui_app_config(s->app), ui_app_today(s->app));
    s->q.rules = s->rules;
    free(s->st);
    db_task_tallies_free(s->at, s->nat);
    db_task_tallies_free(s->ut, s->nut);
    s->st = NULL;
    s->at = s->ut = NULL;
    s->nst = s->nat = s->nut = 0;
    db_task_statuses(db, &s->st, &s->nst, NULL);
    if (s->units_seen)
        db_task_tally(db, &s->rules, &s->at, &s->nat, &s->ut, &s->nut, NULL);
    else
        db_task_tally(db, &s->rules, &s->at, &s->nat, NULL, NULL, NULL);
}

/* Makes sure the units' tallies are there (the units view, a unit's name). */
static void
actions_units_needed(struct actions *s)
{
    if (s->units_seen)
        return;
    s->units_seen = 1;
    db_task_tally(ui_app_db(s->app), &s->rules, NULL, NULL, &s->ut, &s->nut, NULL);
    ui_panes_refresh(&s->units);
}

/* Everything may have changed: read again and redraw every list. */
static void
actions_reload_all(struct actions *s)
{
    actions_load(s);
    ui_panes_refresh(&s->acts);
    ui_panes_refresh(&s->units);
    ui_panes_refresh(&s->tasks);
}

/* After a save: read again, and keep the saved task in view. */
static void
actions_saved(struct ui_app *app, void *arg, const char *what, const char *id)
{
    struct actions *s = arg;

    (void)app;
    (void)what;
    (void)id;
    actions_reload_all(s);
}

/* The name of status id, or "". */
static const char *
actions_status_name(const struct actions *s, const char *id)
{
    size_t i;

    for (i = 0; i < s->nst; i++) {
        if (strcmp(s->st[i].id, id) == 0)
            return s->st[i].name;
    }
    return "";
}

/* The name of unit id among the tallies, or "". */
static const char *
actions_unit_name(const struct actions *s, const char *id)
{
    size_t i;

    for (i = 0; i < s->nut; i++) {
        if (strcmp(s->ut[i].id, id) == 0)
            return s->ut[i].name;
    }
    return "";
}

/* Writes the task list's title: what it shows and how it is filtered. */
static void
actions_scope(struct actions *s, const char *base)
{
    struct strbuf b = STRBUF_INIT;

    strbuf_puts(&b, base);
    if (s->q.archived)
        strbuf_printf(&b, " / %s", msg("tasks.scope.archived"));
    if (s->q.overdue)
        strbuf_printf(&b, " / %s", msg("tasks.scope.overdue"));
    if (s->q.stale)
        strbuf_printf(&b, " / %s", msg("tasks.scope.stale"));
    if (s->q.status_id)
        strbuf_printf(&b, " / %s", actions_status_name(s, s->q.status_id));
    if (s->q.unit_id && s->back != AV_UNITS)
        strbuf_printf(&b, " / %s", actions_unit_name(s, s->q.unit_id));
    snprintf(s->scope, sizeof s->scope, "%s", strbuf_str(&b));
    strbuf_free(&b);
}

/* The base of the title: the action, the unit, or all tasks. */
static char *
actions_scope_base(struct actions *s)
{
    size_t i;

    if (s->back == AV_UNITS && s->q.unit_id)
        return xstrdup(actions_unit_name(s, s->q.unit_id));
    for (i = 0; s->q.action_id && i < s->nat; i++) {
        if (strcmp(s->at[i].id, s->q.action_id) == 0)
            return xasprintf("%d %s", s->at[i].no, s->at[i].name);
    }
    return xstrdup(msg("tasks.scope.all"));
}

/* The task list changed what it selects: retitle it and read it again. */
static void
actions_requery(struct actions *s)
{
    char *base = actions_scope_base(s);

    actions_scope(s, base);
    free(base);
    /* The pane title is looked up in the catalogue; text that is no key
     * comes back as it is, so the scope can stand there. */
    s->tasks.list_title = s->scope;
    s->tasks.list->sel = 0;
    s->tasks.list->top = 0;
    ui_panes_refresh(&s->tasks);
    s->tasks.focus = 0;
}

/* Opens the task list: of one action, of one unit (late first), or all. */
static void
actions_open_tasks(struct actions *s, const char *action_id, const char *unit_id,
                   const char *search)
{
    size_t i;

    memset(&s->q, 0, sizeof s->q);
    s->q.rules = s->rules;
    s->action_no = 0;
    if (action_id) {
        snprintf(s->q_action, sizeof s->q_action, "%s", action_id);
        s->q.action_id = s->q_action;
        for (i = 0; i < s->nat; i++)
            s->action_no = strcmp(s->at[i].id, action_id) == 0 ? s->at[i].no : s->action_no;
    }
    if (unit_id) {
        snprintf(s->q_unit, sizeof s->q_unit, "%s", unit_id);
        s->q.unit_id = s->q_unit;
        s->q.sort = DB_TASK_SORT_LATE;
    }
    s->back = s->view;
    s->view = AV_TASKS;
    s->cur = &s->tasks;
    free(s->tasks.list->filter);
    s->tasks.list->filter = search && *search ? xstrdup(search) : NULL;
    actions_requery(s);
}

static void *
actions_enter(struct ui_app *app)
{
    struct actions *s = xcalloc(1, sizeof *s);
    struct ui_list *l;

    s->app = app;
    actions_load(s);
    l = ui_list_new(&acts_source, s, actions_cols, 5);
    l->empty = MSG_KEY("actions.none");
    ui_panes_init(&s->acts, l, 55, MSG_KEY("actions.list"), MSG_KEY("pane.detail"), acts_describe,
                  s);
    l = ui_list_new(&units_source, s, units_cols, 5);
    l->empty = MSG_KEY("units.none");
    ui_panes_init(&s->units, l, 50, MSG_KEY("units.list"), MSG_KEY("pane.detail"), units_describe,
                  s);
    l = ui_list_new(&tasks_source, s, tasks_cols, 7);
    l->empty = MSG_KEY("tasks.none");
    ui_panes_init(&s->tasks, l, 60, MSG_KEY("tasks.list"), MSG_KEY("pane.detail"), tasks_describe,
                  s);
    ui_task_ops_init(&s->ops, app, actions_saved, s);
    s->cur = &s->acts;
    return s;
}

static void
actions_leave(void *state)
{
    struct actions *s = state;

    ui_panes_free(&s->acts);
    ui_panes_free(&s->units);
    ui_panes_free(&s->tasks);
    ui_task_ops_free(&s->ops);
    tasks_drop(s);
    free(s->st);
    db_task_tallies_free(s->at, s->nat);
    db_task_tallies_free(s->ut, s->nut);
    free(s);
}

/* --- the view menu (v) of the task list --- */

enum actions_view_item {
    AVI_ALL,
    AVI_OVERDUE,
    AVI_STALE,
    AVI_STATUS,
    AVI_UNIT,
    AVI_SORT_PLAN,
    AVI_SORT_DUE,
    AVI_SORT_STATUS,
    AVI_SORT_UNIT,
    AVI_SORT_LATE,
    AVI_ARCHIVED,
    AVI_COUNT,
};

static const char *const actions_view_keys[AVI_COUNT] = {
    MSG_KEY("tasks.view.all"),       MSG_KEY("tasks.view.overdue"),
    MSG_KEY("tasks.view.stale"),     MSG_KEY("tasks.view.status"),
    MSG_KEY("tasks.view.unit"),      MSG_KEY("tasks.view.sort_plan"),
    MSG_KEY("tasks.view.sort_due"),  MSG_KEY("tasks.view.sort_status"),
    MSG_KEY("tasks.view.sort_unit"), MSG_KEY("tasks.view.sort_late"),
    MSG_KEY("tasks.view.archived"),
};

/* Applies the view item picked; returns 1 when a second pick opened. */
static int
actions_view_apply(struct actions *s, int item)
{
    static const enum db_task_sort sorts[] = {DB_TASK_SORT_PLAN, DB_TASK_SORT_DUE,
                                              DB_TASK_SORT_STATUS, DB_TASK_SORT_UNIT,
                                              DB_TASK_SORT_LATE};

    if (item == AVI_ALL) {
        s->q.overdue = s->q.stale = s->q.archived = 0;
        s->q.status_id = NULL;
        if (s->back != AV_UNITS)
            s->q.unit_id = NULL;
    } else if (item == AVI_OVERDUE || item == AVI_STALE) {
        s->q.overdue = item == AVI_OVERDUE;
        s->q.stale = item == AVI_STALE;
    } else if (item >= AVI_SORT_PLAN && item <= AVI_SORT_LATE) {
        s->q.sort = sorts[item - AVI_SORT_PLAN];
    } else if (item == AVI_ARCHIVED) {
        s->q.archived = !s->q.archived;
    }
    return 0;
}

static void actions_pick_done(struct ui_app *app, struct ui_dialog *d, void *arg, int result);

/* Opens the second pick: statuses or units. */
static void
actions_pick_second(struct actions *s, int item)
{
    const char **names;
    size_t i, n;

    actions_units_needed(s);
    n = item == AVI_STATUS ? s->nst : s->nut;
    names = xcalloc(n + 1, sizeof *names);
    for (i = 0; i < n; i++)
        names[i] = item == AVI_STATUS ? s->st[i].name : s->ut[i].name;
    s->pick = item == AVI_STATUS ? AP_STATUS : AP_UNIT;
    ui_app_push(s->app, ui_dialog_pick(msg(actions_view_keys[item]), names, n), actions_pick_done,
                s);
    free(names);
}

static void
actions_pick_done(struct ui_app *app, struct ui_dialog *d, void *arg, int result)
{
    struct actions *s = arg;

    (void)app;
    (void)d;
    if (result < 0)
        return;
    if (s->pick == AP_VIEW && (result == AVI_STATUS || result == AVI_UNIT)) {
        actions_pick_second(s, result);
        return;
    }
    if (s->pick == AP_VIEW) {
        actions_view_apply(s, result);
    } else if (s->pick == AP_STATUS && (size_t)result < s->nst) {
        snprintf(s->q_status, sizeof s->q_status, "%s", s->st[result].id);
        s->q.status_id = s->q_status;
    } else if (s->pick == AP_UNIT && (size_t)result < s->nut) {
        snprintf(s->q_unit, sizeof s->q_unit, "%s", s->ut[result].id);
        s->q.unit_id = s->q_unit;
    }
    actions_requery(s);
}

static void
actions_view_menu(struct actions *s)
{
    const char *items[AVI_COUNT];
    int i;

    for (i = 0; i < AVI_COUNT; i++)
        items[i] = msg(actions_view_keys[i]);
    s->pick = AP_VIEW;
    ui_app_push(s->app, ui_dialog_pick(msg("tasks.view.title"), items, AVI_COUNT),
                actions_pick_done, s);
}

/* --- keys --- */

/* The selected row's key in the current list, or NULL. */
static const char *
actions_selected(struct actions *s)
{
    const struct ui_row *r = ui_list_selected(s->cur->list);

    return r ? r->id : NULL;
}

/* Keys of the actions and units lists. */
static int
actions_top_action(struct actions *s, int action)
{
    const struct ui_row *r = ui_list_selected(s->cur->list);
    const struct db_task_tally *t = r ? r->rec : NULL;

    if (action == UI_ACT_VIEW) {
        actions_units_needed(s);
        s->view = s->view == AV_ACTIONS ? AV_UNITS : AV_ACTIONS;
        s->cur = s->view == AV_ACTIONS ? &s->acts : &s->units;
        ui_app_status(s->app, UI_ROLE_NORMAL,
                      msg(s->view == AV_ACTIONS ? "actions.switched" : "units.switched"));
        return 1;
    }
    if ((action == UI_ACT_OPEN || action == UI_ACT_RIGHT) && t && s->cur->focus == 0) {
        actions_open_tasks(s, s->view == AV_ACTIONS ? t->id : NULL,
                           s->view == AV_UNITS ? t->id : NULL, NULL);
        return 1;
    }
    if (action == UI_ACT_ADD) {
        ui_task_ops_add(&s->ops, s->view == AV_ACTIONS && t ? t->no : 0);
        return 1;
    }
    return ui_panes_action(s->cur, s->app, action);
}

/* Keys of the task list. */
static int
actions_tasks_action(struct actions *s, int action)
{
    const char *id = actions_selected(s);

    switch (action) {
    case UI_ACT_BACK:
        if (ui_panes_action(s->cur, s->app, action))
            return 1;
        s->view = s->back;
        s->cur = s->view == AV_UNITS ? &s->units : &s->acts;
        return 1;
    case UI_ACT_VIEW:
        actions_view_menu(s);
        return 1;
    case UI_ACT_ADD:
        ui_task_ops_add(&s->ops, s->action_no);
        return 1;
    default:
        break;
    }
    if (id == NULL && (action == UI_ACT_EDIT || action == UI_ACT_DELETE ||
                       action == UI_ACT_PROGRESS || action == UI_ACT_MENU)) {
        ui_app_status(s->app, UI_ROLE_WARNING, msg("tasks.none.selected"));
        return 1;
    }
    if (action == UI_ACT_EDIT)
        ui_task_ops_edit(&s->ops, id);
    else if (action == UI_ACT_DELETE)
        ui_task_ops_delete(&s->ops, id);
    else if (action == UI_ACT_PROGRESS)
        ui_task_ops_progress(&s->ops, id);
    else if (action == UI_ACT_MENU)
        ui_task_ops_menu(&s->ops, id);
    else
        return ui_panes_action(s->cur, s->app, action);
    return 1;
}

static int
actions_action(void *state, struct ui_app *app, int action)
{
    struct actions *s = state;

    (void)app;
    if (s->view == AV_TASKS)
        return actions_tasks_action(s, action);
    return actions_top_action(s, action);
}

/* In the task list the search filters it; above it, it searches every task. */
static void
actions_search(void *state, struct ui_app *app, const char *text)
{
    struct actions *s = state;

    if (s->view != AV_TASKS) {
        if (text == NULL || *text == '\0')
            return;
        actions_open_tasks(s, NULL, NULL, text);
        s->back = AV_ACTIONS;
    }
    ui_panes_search(s->cur, app, text);
}

static const char *
actions_filter(void *state)
{
    struct actions *s = state;

    return s->cur->list->filter;
}

static void
actions_draw(void *state, struct ui_app *app, const struct ui_rect *area)
{
    struct actions *s = state;

    ui_panes_draw(s->cur, app, area);
}

static int
actions_mouse(void *state, struct ui_app *app, const struct keys_event *ev)
{
    struct actions *s = state;

    (void)app;
    return ui_panes_mouse(s->cur, ev);
}

static void
actions_refresh(void *state, struct ui_app *app)
{
    (void)app;
    actions_reload_all(state);
}

static char *
actions_position(void *state)
{
    struct actions *s = state;

    return ui_list_position(s->cur->list);
}

const struct ui_section ui_section_actions = {
    MSG_KEY("section.actions"),
    MSG_KEY("help.actions"),
    actions_enter,
    actions_leave,
    actions_draw,
    actions_action,
    actions_search,
    actions_filter,
    actions_mouse,
    actions_refresh,
    actions_position,
    NULL, /* settle */
};
