/*
 * section_pilot.c — 中试基地: the stage board of all pilot projects (how
 * many stand at each stage, how many are held by missing items or near
 * their run limit, and which), the pilot projects with their stage, items
 * and history and the moves a clerk makes, and a view of each of the
 * plan's other registries (bases, S&T projects, results and needs,
 * matches, contracts, cooperation, platforms, talent, safeguards), chosen
 * with the view key.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/plan.h"
#include "src/msg.h"
#include "src/pilot.h"
#include "src/project.h"
#include "src/reg.h"
#include "src/xmalloc.h"
#include "src/date.h"
#include "ui/app.h"
#include "ui/keymap.h"
#include "ui/panes.h"
#include "ui/pilot_ops.h"
#include "ui/reg_form.h"
#include "ui/reg_view.h"
#include "ui/section.h"

#define PILOT_PAGE 256
#define PILOT_BOARD_SHOWN 40 /* projects listed under a stage in the board's detail */
#define PILOT_NREG 10

/* The registries with a view of their own, after the board and the projects. */
static const struct reg_def *const pilot_reg_views[PILOT_NREG] = {
    &reg_pilot_base, &reg_project,  &reg_result, &reg_need,   &reg_match,
    &reg_contract,   &reg_coop,     &reg_platform, &reg_talent, &reg_safeguard_note,
};

enum { PILOT_VIEW_BOARD, PILOT_VIEW_PROJECTS, PILOT_VIEW_REG };

struct pilot {
    struct ui_app *app;
    int view;
    struct ui_panes board;    /* the stages */
    struct ui_panes projects; /* the pilot projects */
    int archived;             /* the projects view lists deleted projects */
    struct ui_reg_view *reg[PILOT_NREG];
    struct pilot_rules rules;
    struct ui_pilot_ops ops;
    char select_id[40];
    struct db_pilot_board *board_rows; /* the board as last read (a frame asks several times) */
    size_t nboard;
    int board_valid;
};

/* ---- the board ---- */

static const struct ui_column board_cols[] = {
    {MSG_KEY("pilot.board.col.stage"), 12, 2, TEXTW_LEFT},
    {MSG_KEY("pilot.board.col.total"), 4, 0, TEXTW_RIGHT},
    {MSG_KEY("pilot.board.col.held"), 6, 0, TEXTW_RIGHT},
    {MSG_KEY("pilot.board.col.near"), 4, 0, TEXTW_RIGHT},
    {MSG_KEY("pilot.board.col.past"), 4, 0, TEXTW_RIGHT},
};

/* The board on today, read once until the data may have changed
 * (borrowed from s); *n rows. */
static const struct db_pilot_board *
board_read(struct pilot *s, size_t *n)
{
    if (!s->board_valid) {
        db_pilot_board_free(s->board_rows, s->nboard);
        s->board_rows = NULL;
        s->nboard = 0;
        pilot_board(ui_app_db(s->app), &s->rules, ui_app_today(s->app), &s->board_rows,
                    &s->nboard, NULL);
        s->board_valid = 1;
    }
    *n = s->nboard;
    return s->board_rows;
}

static long
board_count(void *ctx, const char *filter)
{
    size_t n;

    (void)filter;
    board_read(ctx, &n);
    return (long)n;
}

static void
board_free_rec(void *rec)
{
    db_pilot_board_free(rec, 1);
}

static int
board_fetch(void *ctx, const char *filter, long offset, int n, struct ui_row *rows,
            const struct ui_list_hint *hint)
{
    const struct db_pilot_board *b = NULL, *r;
    struct db_pilot_board *copy;
    size_t nb, i;
    int got = 0;

    (void)filter;
    (void)hint;
    b = board_read(ctx, &nb);
    for (i = (size_t)offset; i < nb && got < n; i++, got++) {
        r = &b[i];
        snprintf(rows[got].id, sizeof rows[got].id, "%s", r->stage_id);
        rows[got].cell[0] = xstrdup(r->stage);
        rows[got].cell[1] = xasprintf("%ld", r->total);
        rows[got].cell[2] = xasprintf("%ld", r->held);
        rows[got].cell[3] = xasprintf("%ld", r->near);
        rows[got].cell[4] = xasprintf("%ld", r->past);
        rows[got].role = r->past              ? UI_ROLE_OVERDUE
                         : r->near || r->held ? UI_ROLE_WARNING
                         : r->total           ? UI_ROLE_NORMAL
                                              : UI_ROLE_LABEL;
        copy = xmalloc(sizeof *copy);
        *copy = *r;
        copy->stage = xstrdup(r->stage);
        copy->kind = xstrdup(r->kind);
        rows[got].rec = copy;
    }
    return got;
}

static const struct ui_list_source board_source = {board_count, board_fetch, board_free_rec};

/* What holds a project, in words; the caller frees it. */
static char *
pilot_hold_text(struct pilot *s, const struct db_pilot_row *row, int flags)
{
    char days[24], *missing = NULL, *run = NULL, *held = NULL, *m;

    if (flags & (PILOT_NEAR | PILOT_PAST)) {
        snprintf(days, sizeof days, "%ld", labs(date_diff(ui_app_today(s->app), row->deadline)));
        run = msg_format(flags & PILOT_PAST ? "pilot.flag.past" : "pilot.flag.near", row->deadline,
                         days, NULL);
    }
    if ((flags & PILOT_HELD) &&
        db_pilot_missing(ui_app_db(s->app), row->id, &missing, NULL) == ERR_OK && missing)
        held = msg_format("pilot.flag.held", missing, NULL);
    if (run && held)
        m = xasprintf("%s；%s", held, run);
    else
        m = xstrdup(run ? run : held ? held : msg("pilot.flag.ok"));
    free(missing);
    free(run);
    free(held);
    return m;
}

/* The role a project's flags colour it with. */
static enum ui_role
pilot_flag_role(int flags)
{
    if (flags & PILOT_PAST)
        return UI_ROLE_OVERDUE;
    if (flags & (PILOT_NEAR | PILOT_HELD))
        return UI_ROLE_WARNING;
    return UI_ROLE_NORMAL;
}

/* The totals of the board, as one sentence. */
static void
board_summary(struct pilot *s, struct ui_detail *d)
{
    const struct db_pilot_board *b;
    long t[4] = {0, 0, 0, 0};
    char n[4][24], *m;
    size_t nb, i;

    b = board_read(s, &nb);
    for (i = 0; i < nb; i++) {
        if (strcmp(b[i].kind, "exit") == 0 || strcmp(b[i].kind, "final") == 0)
            continue;
        t[0] += b[i].total;
        t[1] += b[i].held;
        t[2] += b[i].near;
        t[3] += b[i].past;
    }
    for (i = 0; i < 4; i++)
        snprintf(n[i], sizeof n[i], "%ld", t[i]);
    m = msg_format("pilot.board.summary", n[0], n[1], n[2], n[3], NULL);
    ui_detail_add(d, UI_ROLE_LABEL, m);
    free(m);
}

/* The projects standing at the board's selected stage and what holds each. */
static void
board_describe(void *ctx, struct ui_app *app, const struct ui_row *row, struct ui_detail *d,
               int width)
{
    struct pilot *s = ctx;
    const struct db_pilot_board *b = row ? row->rec : NULL;
    struct pilot_filter f = {NULL, NULL, 0, 0};
    struct db_pilot_row rows[PILOT_BOARD_SHOWN];
    char total[24], *m, *why;
    int got = 0, i, flags;

    (void)app;
    (void)width;
    board_summary(s, d);
    ui_detail_blank(d);
    if (b == NULL)
        return;
    snprintf(total, sizeof total, "%ld", b->total);
    m = msg_format("pilot.board.at", b->stage, total, NULL);
    ui_detail_add(d, UI_ROLE_HEADER, m);
    free(m);
    f.stage = b->stage;
    pilot_page(ui_app_db(s->app), &s->rules, ui_app_today(s->app), &f, 0, PILOT_BOARD_SHOWN, rows,
               &got, NULL);
    if (got == 0)
        ui_detail_add(d, UI_ROLE_LABEL, msg("pilot.board.none_here"));
    if (b->total > got) {
        m = msg_format("pilot.board.more", total, NULL);
        ui_detail_add(d, UI_ROLE_LABEL, m);
        free(m);
    }
    for (i = 0; i < got; i++) {
        flags = pilot_row_flags(&s->rules, ui_app_today(s->app), &rows[i]);
        ui_detail_add(d, UI_ROLE_NORMAL, rows[i].name);
        why = pilot_hold_text(s, &rows[i], flags);
        m = xasprintf("  %s", why);
        ui_detail_add(d, pilot_flag_role(flags), m);
        free(m);
        free(why);
        db_pilot_row_free(&rows[i]);
    }
}

/* ---- the pilot projects ---- */

static const struct ui_column project_cols[] = {
    {MSG_KEY("pilot.col.name"), 14, 3, TEXTW_LEFT},
    {MSG_KEY("pilot.col.stage"), 8, 1, TEXTW_LEFT},
    {MSG_KEY("pilot.col.hint"), 6, 1, TEXTW_LEFT},
};

static void
projects_filter(const struct pilot *s, const char *text, struct pilot_filter *f)
{
    memset(f, 0, sizeof *f);
    f->search = text;
    f->archived = s->archived;
}

static long
projects_count(void *ctx, const char *filter)
{
    struct pilot *s = ctx;
    struct pilot_filter f;
    long n = 0;

    projects_filter(s, filter, &f);
    if (pilot_count(ui_app_db(s->app), &s->rules, ui_app_today(s->app), &f, &n, NULL) != ERR_OK)
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
    struct pilot *s = ctx;
    struct db_pilot_row page[PILOT_PAGE];
    struct pilot_filter f;
    int got = 0, i, flags;

    (void)hint;
    if (n > PILOT_PAGE)
        n = PILOT_PAGE;
    projects_filter(s, filter, &f);
    if (pilot_page(ui_app_db(s->app), &s->rules, ui_app_today(s->app), &f, offset, n, page, &got,
                   NULL) != ERR_OK)
        return 0;
    for (i = 0; i < got; i++) {
        flags = pilot_row_flags(&s->rules, ui_app_today(s->app), &page[i]);
        snprintf(rows[i].id, sizeof rows[i].id, "%s", page[i].id);
        rows[i].cell[0] = xstrdup(page[i].name);
        rows[i].cell[1] = xstrdup(page[i].stage ? page[i].stage : "");
        rows[i].cell[2] = xstrdup(projects_hint(flags));
        rows[i].role = pilot_flag_role(flags);
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
    m = st->st.stage_since ? msg_format("pilot.d.stage_since", cur ? cur->name : "",
                                        st->st.stage_since, NULL)
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
        ui_detail_add(d, pilot_flag_role(st->flags & (PILOT_NEAR | PILOT_PAST)), gate);
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
projects_history(struct pilot *s, const char *id, struct ui_detail *d)
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
    struct pilot *s = ctx;
    struct pilot_status st;

    (void)width;
    if (row == NULL) {
        ui_detail_add(d, UI_ROLE_LABEL, msg(s->archived ? "reg.none_archived" : "pilot.none"));
        return;
    }
    ui_reg_view_describe_record(app, &reg_pilot_project, row->id, UI_REG_DESCRIBE_HEADER, d);
    if (pilot_status_get(ui_app_db(app), &s->rules, ui_app_today(app), row->id, &st, NULL) ==
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
projects_select(struct pilot *s, const char *id)
{
    struct ui_list *l = s->projects.list;
    struct db_pilot_row page[PILOT_PAGE];
    struct pilot_filter f;
    long off = 0, at = -1;
    int got, i;

    projects_filter(s, l->filter, &f);
    while (at < 0 && pilot_page(ui_app_db(s->app), &s->rules, ui_app_today(s->app), &f, off,
                                PILOT_PAGE, page, &got, NULL) == ERR_OK &&
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

/* Reloads every view made so far: a change may show in any of them. */
static void
pilot_reload_all(struct pilot *s)
{
    size_t i;

    s->board_valid = 0;
    ui_panes_refresh(&s->board);
    ui_panes_refresh(&s->projects);
    if (s->select_id[0]) {
        projects_select(s, s->select_id);
        s->select_id[0] = '\0';
    }
    for (i = 0; i < PILOT_NREG; i++) {
        if (s->reg[i])
            ui_reg_view_reload(s->reg[i]);
    }
}

/* After a move or an edit saved: the project stays selected. */
static void
pilot_changed(struct ui_app *app, void *arg)
{
    struct pilot *s = arg;

    (void)app;
    snprintf(s->select_id, sizeof s->select_id, "%s", s->ops.id);
    pilot_reload_all(s);
}

static void
projects_saved(struct ui_app *app, void *arg, const char *id)
{
    struct pilot *s = arg;
    char *m;

    s->archived = 0;
    snprintf(s->select_id, sizeof s->select_id, "%s", id);
    pilot_reload_all(s);
    m = msg_format("reg.saved", ui_reg_title(&reg_pilot_project), NULL);
    ui_app_status(app, UI_ROLE_OK, m);
    free(m);
}

/* The selected project into s->ops; 0 (with a message) when none. */
static int
projects_take(struct pilot *s)
{
    const struct ui_row *row = ui_list_selected(s->projects.list);

    if (row == NULL) {
        ui_app_status(s->app, UI_ROLE_WARNING, msg("reg.nothing_selected"));
        return 0;
    }
    snprintf(s->ops.id, sizeof s->ops.id, "%s", row->id);
    return 1;
}

static void
projects_form(struct pilot *s, const char *id)
{
    struct ui_dialog *d = ui_reg_form(s->app, &reg_pilot_project, id, projects_saved, s);

    if (d)
        ui_app_push(s->app, d, NULL, NULL);
}

static void
projects_archive_answer(struct ui_app *app, struct ui_dialog *d, void *arg, int yes)
{
    struct pilot *s = arg;
    struct err e = {0};

    (void)d;
    if (!yes)
        return;
    if (reg_archive(ui_app_db(app), config_get(ui_app_config(app), "user:name"),
                    &reg_pilot_project, s->ops.id, !s->archived, &e) != ERR_OK) {
        ui_app_status(app, UI_ROLE_WARNING, e.msg);
        return;
    }
    pilot_reload_all(s);
    ui_app_status(app, UI_ROLE_OK, msg(s->archived ? "pilot.done.restore" : "pilot.done.delete"));
}

static void
projects_ask_archive(struct pilot *s)
{
    const struct ui_row *row;
    char *q;

    if (!projects_take(s))
        return;
    row = ui_list_selected(s->projects.list);
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
    OP_TOGGLE,
    OP_COUNT,
};

static void
projects_run(struct pilot *s, int op)
{
    if (op == OP_ADD) {
        projects_form(s, NULL);
        return;
    }
    if (op == OP_TOGGLE) {
        s->archived = !s->archived;
        ui_list_select(s->projects.list, 0);
        pilot_reload_all(s);
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
projects_menu(struct pilot *s)
{
    static const char *const keys[OP_COUNT] = {
        MSG_KEY("pilot.op.advance"), MSG_KEY("pilot.op.items"), MSG_KEY("pilot.op.back"),
        MSG_KEY("pilot.op.exit"),    MSG_KEY("pilot.op.extend"), MSG_KEY("pilot.op.edit"),
        MSG_KEY("pilot.op.delete"),  MSG_KEY("pilot.op.add"),   MSG_KEY("reg.menu.show_archived"),
    };
    const char *items[OP_COUNT];
    const struct ui_row *row = ui_list_selected(s->projects.list);
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

/* ---- the views ---- */

/* The panes of the view shown, made on first use. */
static struct ui_panes *
pilot_panes(struct pilot *s)
{
    int r = s->view - PILOT_VIEW_REG;

    if (s->view == PILOT_VIEW_BOARD)
        return &s->board;
    if (s->view == PILOT_VIEW_PROJECTS)
        return &s->projects;
    if (s->reg[r] == NULL)
        s->reg[r] = ui_reg_view_new(s->app, pilot_reg_views[r]);
    return &s->reg[r]->panes;
}

/* The name of view i (borrowed). */
static const char *
pilot_view_name(int i)
{
    if (i == PILOT_VIEW_BOARD)
        return msg("pilot.view.board");
    if (i == PILOT_VIEW_PROJECTS)
        return msg("pilot.view.projects");
    return ui_reg_title(pilot_reg_views[i - PILOT_VIEW_REG]);
}

static void
pilot_view_answer(struct ui_app *app, struct ui_dialog *d, void *arg, int chosen)
{
    struct pilot *s = arg;

    (void)d;
    if (chosen < 0)
        return;
    s->view = chosen;
    pilot_panes(s);
    if (chosen >= PILOT_VIEW_REG)
        ui_reg_view_reload(s->reg[chosen - PILOT_VIEW_REG]);
    else
        ui_panes_refresh(pilot_panes(s));
    (void)app;
}

static void
pilot_view_pick(struct pilot *s)
{
    const char *items[PILOT_VIEW_REG + PILOT_NREG];
    struct ui_dialog *d;
    int i;

    for (i = 0; i < PILOT_VIEW_REG + PILOT_NREG; i++)
        items[i] = pilot_view_name(i);
    d = ui_dialog_pick(msg("pilot.view.title"), items, PILOT_VIEW_REG + PILOT_NREG);
    d->sel = s->view;
    ui_app_push(s->app, d, pilot_view_answer, s);
}

/* The targets S&T projects feed, for the header of their view. */
static char *
pilot_targets_text(struct pilot *s)
{
    struct db_project_target *t;
    struct db_plan p;
    char have[24], want[24], *out = xstrdup(""), *part, *next;
    size_t n, i;

    if (db_plan_get(ui_app_db(s->app), 0, &p, NULL) != ERR_OK)
        return out;
    if (project_targets(ui_app_db(s->app), p.year, &t, &n, NULL) == ERR_OK) {
        for (i = 0; i < n; i++) {
            snprintf(have, sizeof have, "%ld", t[i].count);
            snprintf(want, sizeof want, "%g", t[i].value);
            part = msg_format("pilot.target", t[i].name, have, want, NULL);
            next = xasprintf("%s%s%s", out, i ? "  " : "", part);
            free(part);
            free(out);
            out = next;
        }
        db_project_targets_free(t, n);
    }
    db_plan_free(&p);
    return out;
}

/* The line above the panes: the view, and how to change it. */
static void
pilot_header(struct pilot *s, const struct ui_rect *area)
{
    char *kv = ui_keymap_keys_text(UI_ACT_VIEW), *km = ui_keymap_keys_text(UI_ACT_MENU);
    char *left, *right, *extra = NULL;
    int rw;
    int archived = s->view == PILOT_VIEW_PROJECTS ? s->archived
                   : s->view >= PILOT_VIEW_REG && s->reg[s->view - PILOT_VIEW_REG]
                       ? s->reg[s->view - PILOT_VIEW_REG]->archived
                       : 0;

    if (s->view >= PILOT_VIEW_REG && pilot_reg_views[s->view - PILOT_VIEW_REG] == &reg_project)
        extra = pilot_targets_text(s);
    left = msg_format(archived ? "pilot.header.archived" : "pilot.header", pilot_view_name(s->view),
                      extra ? extra : "", NULL);
    right = msg_format("pilot.header.keys", kv, km, NULL);
    rw = textw_width(right);
    if (rw > area->w / 2)
        rw = area->w / 2;
    ui_screen_put(area->y, area->x, area->w - rw - 1, left, UI_ROLE_HEADER_FOCUS, TEXTW_LEFT);
    ui_screen_put(area->y, area->x + area->w - rw, rw, right, UI_ROLE_LABEL, TEXTW_RIGHT);
    free(left);
    free(right);
    free(extra);
    free(kv);
    free(km);
}

/* ---- the section ---- */

static void *
pilot_enter(struct ui_app *app)
{
    struct pilot *s = xcalloc(1, sizeof *s);
    struct ui_list *l;

    s->app = app;
    pilot_rules_from_config(ui_app_config(app), &s->rules);
    s->ops.app = app;
    s->ops.rules = s->rules;
    s->ops.changed = pilot_changed;
    s->ops.arg = s;
    l = ui_list_new(&board_source, s, board_cols, 5);
    ui_panes_init(&s->board, l, 50, MSG_KEY("pilot.board.list"), MSG_KEY("pane.detail"),
                  board_describe, s);
    l = ui_list_new(&projects_source, s, project_cols, 3);
    l->empty = MSG_KEY("pilot.none");
    ui_panes_init(&s->projects, l, 50, MSG_KEY("pilot.view.projects"), MSG_KEY("pane.detail"),
                  projects_describe, s);
    return s;
}

static void
pilot_leave(void *state)
{
    struct pilot *s = state;
    size_t i;

    ui_panes_free(&s->board);
    ui_panes_free(&s->projects);
    for (i = 0; i < PILOT_NREG; i++)
        ui_reg_view_free(s->reg[i]);
    db_pilot_board_free(s->board_rows, s->nboard);
    free(s);
}

static void
pilot_draw(void *state, struct ui_app *app, const struct ui_rect *area)
{
    struct pilot *s = state;
    struct ui_rect below = {area->y + 1, area->x, area->h - 1, area->w};

    pilot_header(s, area);
    ui_panes_draw(pilot_panes(s), app, &below);
}

/* Actions of the board: the record keys work on the projects view. */
static int
pilot_board_action(struct pilot *s, int action)
{
    if (action == UI_ACT_MENU || action == UI_ACT_ADD || action == UI_ACT_EDIT ||
        action == UI_ACT_DELETE) {
        ui_app_status(s->app, UI_ROLE_WARNING, msg("pilot.board.no_records"));
        return 1;
    }
    return ui_panes_action(&s->board, s->app, action);
}

static int
pilot_projects_action(struct pilot *s, int action)
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
        return ui_panes_action(&s->projects, s->app, action);
    }
}

static int
pilot_action(void *state, struct ui_app *app, int action)
{
    struct pilot *s = state;

    (void)app;
    if (action == UI_ACT_VIEW) {
        pilot_view_pick(s);
        return 1;
    }
    if (s->view == PILOT_VIEW_BOARD)
        return pilot_board_action(s, action);
    if (s->view == PILOT_VIEW_PROJECTS)
        return pilot_projects_action(s, action);
    pilot_panes(s);
    return ui_reg_view_action(s->reg[s->view - PILOT_VIEW_REG], action);
}

static void
pilot_search(void *state, struct ui_app *app, const char *text)
{
    ui_panes_search(pilot_panes(state), app, text);
}

static const char *
pilot_filter(void *state)
{
    return pilot_panes(state)->list->filter;
}

static int
pilot_mouse(void *state, struct ui_app *app, const struct keys_event *ev)
{
    (void)app;
    return ui_panes_mouse(pilot_panes(state), ev);
}

static void
pilot_reload(void *state, struct ui_app *app)
{
    (void)app;
    pilot_reload_all(state);
}

static char *
pilot_position(void *state)
{
    return ui_list_position(pilot_panes(state)->list);
}

const struct ui_section ui_section_pilot = {
    MSG_KEY("section.pilot"), MSG_KEY("help.pilot"), pilot_enter,  pilot_leave,
    pilot_draw,               pilot_action,          pilot_search, pilot_filter,
    pilot_mouse,              pilot_reload,          pilot_position,
};
