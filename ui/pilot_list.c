/*
 * pilot_list.c — the pilot projects: listed in stage order with what holds
 * each; the selected one's stage, items, run, history and fields; the
 * record menu (move on, record items, return, leave, extend, edit, delete,
 * filter by what holds them, deleted ones).
 */
#include "ui/pilot_list.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "src/msg.h"
#include "src/reg.h"
#include "src/xmalloc.h"
#include "ui/app.h"
#include "ui/keymap.h"
#include "ui/pilot_board.h"
#include "ui/reg_form.h"
#include "ui/reg_view.h"

#define PROJECTS_PAGE 256

static const struct ui_column project_cols[] = {
    {MSG_KEY("pilot.col.name"), 14, 3, TEXTW_LEFT},
    {MSG_KEY("pilot.col.stage"), 8, 1, TEXTW_LEFT},
    {MSG_KEY("pilot.col.hint"), 6, 1, TEXTW_LEFT},
};

static void
projects_filter(const struct ui_pilot_list *s, const char *text, struct pilot_filter *f)
{
    memset(f, 0, sizeof *f);
    f->search = text;
    f->archived = s->archived;
    f->flags = s->flags;
}

static long
projects_count(void *ctx, const char *filter)
{
    struct ui_pilot_list *s = ctx;
    struct pilot_filter f;
    long n = 0;

    projects_filter(s, filter, &f);
    if (pilot_count(ui_app_db(s->app), s->rules, ui_app_today(s->app), &f, &n, NULL) != ERR_OK)
        return 0;
    return n;
}

/* The short hint of a listed project. */
static const char *
projects_hint(int flags)
{
    if (flags & PILOT_PAST)
        return msg("pilot.hint.past");
    if (flags & PILOT_NEAR)
        return msg("pilot.hint.near");
    if (flags & PILOT_HELD)
        return msg("pilot.hint.held");
    return "";
}

static int
projects_fetch(void *ctx, const char *filter, long offset, int n, struct ui_row *rows,
               const struct ui_list_hint *hint)
{
    struct ui_pilot_list *s = ctx;
    struct db_pilot_row page[PROJECTS_PAGE];
    struct pilot_filter f;
    int got = 0, i, flags;

    (void)hint;
    if (n > PROJECTS_PAGE)
        n = PROJECTS_PAGE;
    projects_filter(s, filter, &f);
    if (pilot_page(ui_app_db(s->app), s->rules, ui_app_today(s->app), &f, offset, n, page, &got,
                   NULL) != ERR_OK)
        return 0;
    for (i = 0; i < got; i++) {
        flags = pilot_row_flags(s->rules, ui_app_today(s->app), &page[i]);
        memcpy(rows[i].id, page[i].id, sizeof rows[i].id);
        rows[i].cell[0] = xstrdup(page[i].name);
        rows[i].cell[1] = xstrdup(page[i].stage ? page[i].stage : "");
        rows[i].cell[2] = xstrdup(projects_hint(flags));
        rows[i].role = ui_pilot_flag_role(flags);
        db_pilot_row_free(&page[i]);
    }
    return got;
}

static const struct ui_list_source projects_source = {projects_count, projects_fetch, NULL};

/* The stage, items, run and exit of project st. */
static void
projects_stage(const struct pilot_status *st, struct ui_detail *d)
{
    const struct db_pilot_stage *cur = st->cur >= 0 ? &st->stages[st->cur] : NULL;
    char *m, days[24], *gate;
    size_t i;

    ui_detail_add(d, UI_ROLE_LABEL, msg("pilot.d.block"));
    m = st->st.stage_since
            ? msg_format("pilot.d.stage_since", cur ? cur->name : "", st->st.stage_since, NULL)
            : xstrdup(cur ? cur->name : "");
    ui_detail_field(d, msg("pilot.d.stage"), m);
    free(m);
    if (st->next >= 0)
        ui_detail_field(d, msg("pilot.d.next"), st->stages[st->next].name);
    for (i = 0; cur && i < cur->nitems; i++) {
        m = msg_format(cur->items[i].value ? "pilot.item.have" : "pilot.item.missing",
                       cur->items[i].name, cur->items[i].value ? cur->items[i].value : "", NULL);
        ui_detail_add(d, cur->items[i].value ? UI_ROLE_NORMAL : UI_ROLE_WARNING, m);
        free(m);
    }
    if ((gate = pilot_gate_message(st)) != NULL) {
        ui_detail_add(d, UI_ROLE_WARNING, gate);
        free(gate);
    }
    if (st->st.run_start) {
        m = st->st.run_end ? msg_format("pilot.run.ended", st->st.run_start, st->st.run_end, NULL)
                           : msg_format("pilot.run.since", st->st.run_start, NULL);
        ui_detail_field(d, msg("pilot.d.run"), m);
        free(m);
    }
    if (st->st.deadline) {
        snprintf(days, sizeof days, "%ld", labs(st->days_left));
        m = msg_format(st->days_left >= 0 ? "pilot.deadline.left" : "pilot.deadline.over",
                       st->st.deadline, days, NULL);
        gate = xasprintf("%s：%s", msg("pilot.d.deadline"), m);
        ui_detail_add(d, ui_pilot_flag_role(st->flags & (PILOT_NEAR | PILOT_PAST)), gate);
        free(gate);
        free(m);
    }
    if (st->st.extension_years) {
        snprintf(days, sizeof days, "%d", st->st.extension_years);
        m = msg_format("pilot.ext.text", days, st->st.extended_on ? st->st.extended_on : "", NULL);
        ui_detail_field(d, msg("pilot.d.extension"), m);
        free(m);
    }
    if (st->st.exit_date) {
        m = msg_format("pilot.exit.text", st->st.exit_date,
                       st->st.exit_mode ? st->st.exit_mode : msg("pilot.exit.no_plant"), NULL);
        ui_detail_field(d, msg("pilot.d.exit"), m);
        free(m);
    }
}

/* The moves of project id, oldest first. */
static void
projects_history(struct ui_pilot_list *s, const char *id, struct ui_detail *d)
{
    struct db_pilot_event *ev;
    size_t n, i;
    char *m;

    ui_detail_blank(d);
    ui_detail_add(d, UI_ROLE_LABEL, msg("pilot.d.history"));
    if (db_pilot_events(ui_app_db(s->app), id, &ev, &n, NULL) != ERR_OK)
        return;
    if (n == 0)
        ui_detail_add(d, UI_ROLE_LABEL, msg("pilot.history.none"));
    for (i = 0; i < n; i++) {
        m = msg_format("pilot.history.line", ev[i].moved_on,
                       ev[i].from_stage ? ev[i].from_stage : msg("pilot.history.start"),
                       ev[i].to_stage ? ev[i].to_stage : "", ev[i].by ? ev[i].by : "",
                       ev[i].note ? ev[i].note : "", NULL);
        ui_detail_add(d, UI_ROLE_NORMAL, m);
        free(m);
    }
    db_pilot_events_free(ev, n);
}

static void
projects_describe(void *ctx, struct ui_app *app, const struct ui_row *row, struct ui_detail *d,
                  int width)
{
    struct ui_pilot_list *s = ctx;
    struct pilot_status st;

    (void)width;
    if (row == NULL) {
        ui_detail_add(d, UI_ROLE_LABEL, msg(s->archived ? "reg.none_archived" : "pilot.none"));
        return;
    }
    ui_reg_view_describe_record(app, &reg_pilot_project, row->id, UI_REG_DESCRIBE_HEADER, d);
    if (pilot_status_get(ui_app_db(app), s->rules, ui_app_today(app), row->id, &st, NULL) ==
        ERR_OK) {
        projects_stage(&st, d);
        pilot_status_free(&st);
    }
    projects_history(s, row->id, d);
    ui_detail_blank(d);
    ui_reg_view_describe_record(app, &reg_pilot_project, row->id, UI_REG_DESCRIBE_FIELDS, d);
}

/* Selects project id in the projects list, looking through it page by page. */
static void
projects_select(struct ui_pilot_list *s, const char *id)
{
    struct ui_list *l = s->panes.list;
    struct db_pilot_row page[PROJECTS_PAGE];
    struct pilot_filter f;
    long off = 0, at = -1;
    int got, i;

    projects_filter(s, l->filter, &f);
    while (at < 0 &&
           pilot_page(ui_app_db(s->app), s->rules, ui_app_today(s->app), &f, off, PROJECTS_PAGE,
                      page, &got, NULL) == ERR_OK &&
           got > 0) {
        for (i = 0; i < got; i++) {
            if (at < 0 && strcmp(page[i].id, id) == 0)
                at = off + i;
            db_pilot_row_free(&page[i]);
        }
        off += got;
    }
    if (at >= 0)
        ui_list_select(l, at);
}

void
ui_pilot_list_reload(struct ui_pilot_list *s)
{
    ui_panes_refresh(&s->panes);
    if (s->select_id[0]) {
        projects_select(s, s->select_id);
        s->select_id[0] = '\0';
    }
}

/* Something changed: the section reloads every view (this one too). */
static void
projects_changed(struct ui_pilot_list *s)
{
    if (s->changed)
        s->changed(s->app, s->changed_arg);
    else
        ui_pilot_list_reload(s);
}

/* After a move saved: the project stays selected. */
static void
projects_moved(struct ui_app *app, void *arg)
{
    struct ui_pilot_list *s = arg;

    (void)app;
    snprintf(s->select_id, sizeof s->select_id, "%s", s->ops.id);
    projects_changed(s);
}

static void
projects_saved(struct ui_app *app, void *arg, const char *id)
{
    struct ui_pilot_list *s = arg;
    char *m;

    s->archived = 0;
    snprintf(s->select_id, sizeof s->select_id, "%s", id);
    projects_changed(s);
    m = msg_format("reg.saved", ui_reg_title(&reg_pilot_project), NULL);
    ui_app_status(app, UI_ROLE_OK, m);
    free(m);
}

/* The selected project into s->ops; 0 (with a message) when none. */
static int
projects_take(struct ui_pilot_list *s)
{
    const struct ui_row *row = ui_list_selected(s->panes.list);

    if (row == NULL) {
        ui_app_status(s->app, UI_ROLE_WARNING, msg("reg.nothing_selected"));
        return 0;
    }
    snprintf(s->ops.id, sizeof s->ops.id, "%s", row->id);
    return 1;
}

static void
projects_form(struct ui_pilot_list *s, const char *id)
{
    struct ui_dialog *d = ui_reg_form(s->app, &reg_pilot_project, id, projects_saved, s);

    if (d)
        ui_app_push(s->app, d, NULL, NULL);
}

static void
projects_archive_answer(struct ui_app *app, struct ui_dialog *d, void *arg, int yes)
{
    struct ui_pilot_list *s = arg;
    struct err e = {0};

    (void)d;
    if (!yes)
        return;
    if (reg_archive(ui_app_db(app), config_get(ui_app_config(app), "user:name"), &reg_pilot_project,
                    s->ops.id, !s->archived, &e) != ERR_OK) {
        ui_app_status(app, UI_ROLE_WARNING, e.msg);
        return;
    }
    projects_changed(s);
    ui_app_status(app, UI_ROLE_OK, msg(s->archived ? "pilot.done.restore" : "pilot.done.delete"));
}

static void
projects_ask_archive(struct ui_pilot_list *s)
{
    const struct ui_row *row;
    char *q;

    if (!projects_take(s))
        return;
    row = ui_list_selected(s->panes.list);
    q = msg_format(s->archived ? "reg.confirm.restore" : "reg.confirm.delete",
                   ui_reg_title(&reg_pilot_project), row->cell[0], NULL);
    ui_app_push(s->app,
                ui_dialog_confirm(msg(s->archived ? "reg.menu.restore" : "reg.menu.delete"), q),
                projects_archive_answer, s);
    free(q);
}

enum projects_op {
    OP_ADVANCE,
    OP_ITEMS,
    OP_BACK,
    OP_EXIT,
    OP_EXTEND,
    OP_EDIT,
    OP_DELETE,
    OP_ADD,
    OP_FILTER,
    OP_TOGGLE,
    OP_COUNT,
};

/* The filters of the list, in the order the pick shows them. */
static const int projects_filters[] = {0, PILOT_HELD, PILOT_NEAR, PILOT_PAST};
static const char *const projects_filter_keys[] = {
    MSG_KEY("pilot.filter.all"), MSG_KEY("pilot.filter.held"), MSG_KEY("pilot.filter.near"),
    MSG_KEY("pilot.filter.past")};

static void
projects_filter_answer(struct ui_app *app, struct ui_dialog *d, void *arg, int chosen)
{
    struct ui_pilot_list *s = arg;

    (void)d;
    if (chosen < 0)
        return;
    s->flags = projects_filters[chosen];
    ui_list_select(s->panes.list, 0);
    ui_pilot_list_reload(s);
    ui_app_status(app, UI_ROLE_NORMAL, msg(projects_filter_keys[chosen]));
}

static void
projects_filter_pick(struct ui_pilot_list *s)
{
    const char *items[4];
    struct ui_dialog *d;
    int i;

    for (i = 0; i < 4; i++)
        items[i] = msg(projects_filter_keys[i]);
    d = ui_dialog_pick(msg("pilot.filter.title"), items, 4);
    for (i = 0; i < 4; i++) {
        if (projects_filters[i] == s->flags)
            d->sel = i;
    }
    ui_app_push(s->app, d, projects_filter_answer, s);
}

const char *
ui_pilot_list_filter_name(const struct ui_pilot_list *s)
{
    int i;

    for (i = 1; i < 4; i++) {
        if (projects_filters[i] == s->flags)
            return msg(projects_filter_keys[i]);
    }
    return NULL;
}

static void
projects_run(struct ui_pilot_list *s, int op)
{
    if (op == OP_FILTER) {
        projects_filter_pick(s);
        return;
    }
    if (op == OP_ADD) {
        projects_form(s, NULL);
        return;
    }
    if (op == OP_TOGGLE) {
        s->archived = !s->archived;
        ui_list_select(s->panes.list, 0);
        ui_pilot_list_reload(s);
        ui_app_status(s->app, UI_ROLE_NORMAL,
                      msg(s->archived ? "reg.showing_archived" : "reg.showing_live"));
        return;
    }
    if (op == OP_DELETE) {
        projects_ask_archive(s);
        return;
    }
    if (!projects_take(s))
        return;
    switch (op) {
    case OP_ADVANCE:
        ui_pilot_ops_advance(&s->ops);
        break;
    case OP_ITEMS:
        ui_pilot_ops_items(&s->ops);
        break;
    case OP_BACK:
        ui_pilot_ops_back(&s->ops);
        break;
    case OP_EXIT:
        ui_pilot_ops_exit(&s->ops);
        break;
    case OP_EXTEND:
        ui_pilot_ops_extend(&s->ops);
        break;
    default:
        projects_form(s, s->ops.id);
        break;
    }
}

static void
projects_menu_answer(struct ui_app *app, struct ui_dialog *d, void *arg, int chosen)
{
    (void)app;
    (void)d;
    if (chosen >= 0)
        projects_run(arg, chosen);
}

static void
projects_menu(struct ui_pilot_list *s)
{
    static const char *const keys[OP_COUNT] = {
        MSG_KEY("pilot.op.advance"),       MSG_KEY("pilot.op.items"),  MSG_KEY("pilot.op.back"),
        MSG_KEY("pilot.op.exit"),          MSG_KEY("pilot.op.extend"), MSG_KEY("pilot.op.edit"),
        MSG_KEY("pilot.op.delete"),        MSG_KEY("pilot.op.add"),    MSG_KEY("pilot.op.filter"),
        MSG_KEY("reg.menu.show_archived"),
    };
    const char *items[OP_COUNT];
    const struct ui_row *row = ui_list_selected(s->panes.list);
    char *title;
    int i;

    for (i = 0; i < OP_COUNT; i++)
        items[i] = msg(keys[i]);
    if (s->archived) {
        items[OP_DELETE] = msg("reg.menu.restore");
        items[OP_TOGGLE] = msg("reg.menu.show_live");
    }
    title = msg_format("pilot.menu.title", row ? row->cell[0] : "", NULL);
    ui_app_push(s->app, ui_dialog_pick(title, items, OP_COUNT), projects_menu_answer, s);
    free(title);
}

int
ui_pilot_list_action(struct ui_pilot_list *s, int action)
{
    switch (action) {
    case UI_ACT_MENU:
        projects_menu(s);
        return 1;
    case UI_ACT_ADD:
        projects_run(s, OP_ADD);
        return 1;
    case UI_ACT_EDIT:
        projects_run(s, OP_EDIT);
        return 1;
    case UI_ACT_DELETE:
        projects_run(s, OP_DELETE);
        return 1;
    default:
        return ui_panes_action(&s->panes, s->app, action);
    }
}

void
ui_pilot_list_init(struct ui_pilot_list *s, struct ui_app *app, const struct pilot_rules *rules,
                   void (*changed)(struct ui_app *app, void *arg), void *arg)
{
    struct ui_list *l;

    memset(s, 0, sizeof *s);
    s->app = app;
    s->rules = rules;
    s->changed = changed;
    s->changed_arg = arg;
    s->ops.app = app;
    s->ops.rules = *rules;
    s->ops.changed = projects_moved;
    s->ops.arg = s;
    l = ui_list_new(&projects_source, s, project_cols, 3);
    l->empty = MSG_KEY("pilot.none");
    ui_panes_init(&s->panes, l, 50, MSG_KEY("pilot.view.projects"), MSG_KEY("pane.detail"),
                  projects_describe, s);
}

void
ui_pilot_list_free(struct ui_pilot_list *s)
{
    ui_panes_free(&s->panes);
}
