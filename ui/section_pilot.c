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
#include "ui/app.h"
#include "ui/keymap.h"
#include "ui/pilot_board.h"
#include "ui/pilot_list.h"
#include "ui/reg_form.h"
#include "ui/reg_view.h"
#include "ui/section.h"

#define PILOT_NREG 10

/* The registries with a view of their own, after the board and the projects. */
static const struct reg_def *const pilot_reg_views[PILOT_NREG] = {
    &reg_pilot_base, &reg_project, &reg_result,   &reg_need,   &reg_match,
    &reg_contract,   &reg_coop,    &reg_platform, &reg_talent, &reg_safeguard_note,
};

enum { PILOT_VIEW_BOARD, PILOT_VIEW_PROJECTS, PILOT_VIEW_REG };

struct pilot {
    struct ui_app *app;
    int view;
    struct pilot_rules rules;
    struct ui_pilot_board board;
    struct ui_pilot_list list;
    struct ui_reg_view *reg[PILOT_NREG];
};

/* Reloads every view made so far: a change may show in any of them. */
static void
pilot_reload_all(struct pilot *s)
{
    size_t i;

    ui_pilot_board_reload(&s->board);
    ui_pilot_list_reload(&s->list);
    for (i = 0; i < PILOT_NREG; i++) {
        if (s->reg[i])
            ui_reg_view_reload(s->reg[i]);
    }
}

static void
pilot_changed(struct ui_app *app, void *arg)
{
    (void)app;
    pilot_reload_all(arg);
}

/* ---- the views ---- */

/* The panes of the view shown, made on first use. */
static struct ui_panes *
pilot_panes(struct pilot *s)
{
    int r = s->view - PILOT_VIEW_REG;

    if (s->view == PILOT_VIEW_BOARD)
        return &s->board.panes;
    if (s->view == PILOT_VIEW_PROJECTS)
        return &s->list.panes;
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
    int archived = s->view == PILOT_VIEW_PROJECTS ? s->list.archived
                   : s->view >= PILOT_VIEW_REG && s->reg[s->view - PILOT_VIEW_REG]
                       ? s->reg[s->view - PILOT_VIEW_REG]->archived
                       : 0;

    if (s->view >= PILOT_VIEW_REG && pilot_reg_views[s->view - PILOT_VIEW_REG] == &reg_project)
        extra = pilot_targets_text(s);
    if (s->view == PILOT_VIEW_PROJECTS && ui_pilot_list_filter_name(&s->list))
        extra = xstrdup(ui_pilot_list_filter_name(&s->list));
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

    s->app = app;
    pilot_rules_from_config(ui_app_config(app), &s->rules);
    ui_pilot_board_init(&s->board, app, &s->rules);
    ui_pilot_list_init(&s->list, app, &s->rules, pilot_changed, s);
    return s;
}

static void
pilot_leave(void *state)
{
    struct pilot *s = state;
    size_t i;

    ui_pilot_board_free(&s->board);
    ui_pilot_list_free(&s->list);
    for (i = 0; i < PILOT_NREG; i++)
        ui_reg_view_free(s->reg[i]);
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
    return ui_panes_action(&s->board.panes, s->app, action);
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
        return ui_pilot_list_action(&s->list, action);
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
    MSG_KEY("section.pilot"),
    MSG_KEY("help.pilot"),
    pilot_enter,
    pilot_leave,
    pilot_draw,
    pilot_action,
    pilot_search,
    pilot_filter,
    pilot_mouse,
    pilot_reload,
    pilot_position,
    NULL, /* settle */
};
