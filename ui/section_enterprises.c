/*
 * section_enterprises.c — 梯度培育: the funnel on top (each tier against
 * the plan's target, new R&D investors, 三清零, 双倍增, warnings), the
 * filters in force, then the enterprise list (virtual: a page at a time
 * from db/ent_list.h) and the selected enterprise's page: its record,
 * tier now and history, what it lacks for the next tier, figures by year,
 * tech-SME score, the high-tech and benchmark checklists, service log and
 * subsidies. Forms (ui/ent_forms.c) add and change all of it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/ent_list.h"
#include "src/ent_funnel.h"
#include "src/ent_money.h"
#include "src/ent_profile.h"
#include "src/enterprise.h"
#include "src/msg.h"
#include "src/xmalloc.h"
#include "ui/app.h"
#include "ui/ent_forms.h"
#include "ui/ent_view.h"
#include "ui/keymap.h"
#include "ui/panes.h"
#include "ui/section.h"

#define ENT_HEAD_ROWS 3 /* two lines of funnel, one of filters */

static const struct ui_column ent_cols[] = {
    {MSG_KEY("ent.col.name"), 16, 4, TEXTW_LEFT},    {MSG_KEY("ent.col.tier"), 6, 0, TEXTW_LEFT},
    {MSG_KEY("ent.col.township"), 8, 1, TEXTW_LEFT}, {MSG_KEY("ent.col.field"), 8, 1, TEXTW_LEFT},
    {MSG_KEY("ent.col.warn"), 6, 0, TEXTW_LEFT},
};

/* The tier's short name for the list (科小, 高企 …), else its name. */
static const char *
ent_tier_short(const struct ui_ent *s, int rank)
{
    const char *code = s->ntiers ? s->tiers[0].code : "", *name = s->candidate, *m;
    char key[64];
    size_t i;

    for (i = 0; i < s->ntiers; i++) {
        if (s->tiers[i].rank == rank) {
            code = s->tiers[i].code;
            name = s->tiers[i].name;
        }
    }
    snprintf(key, sizeof key, "ent.tier_short.%s", code);
    m = msg_lookup(key, msg_language());
    return m ? m : name;
}

static const char *
ent_warn_text(int warn)
{
    if (warn & DB_ENT_WARN_EXPIRING)
        return msg("ent.warn.expiring_short");
    return warn & DB_ENT_WARN_UNREGISTERED ? msg("ent.warn.unregistered_short") : "";
}

static long
ent_count(void *ctx, const char *filter)
{
    struct ui_ent *s = ctx;
    long n;

    s->f.search = filter;
    n = db_ent_list_count(ui_app_db(s->app), &s->f, NULL);
    return n < 0 ? 0 : n;
}

static int
ent_fetch(void *ctx, const char *filter, long offset, int n, struct ui_row *rows,
          const struct ui_list_hint *hint)
{
    struct ui_ent *s = ctx;
    struct db_ent_row *r;
    size_t got, i;
    int *warn;

    (void)hint;
    s->f.search = filter;
    if (db_ent_list_page(ui_app_db(s->app), &s->f, offset, n, &r, &got, NULL) != ERR_OK)
        return 0;
    for (i = 0; i < got; i++) {
        snprintf(rows[i].id, sizeof rows[i].id, "%s", r[i].id);
        rows[i].cell[0] = xstrdup(r[i].name);
        rows[i].cell[1] = xstrdup(ent_tier_short(s, r[i].tier_rank));
        rows[i].cell[2] = xstrdup(r[i].township ? r[i].township : "");
        rows[i].cell[3] = xstrdup(r[i].field_name ? r[i].field_name : "");
        rows[i].cell[4] = xstrdup(ent_warn_text(r[i].warn));
        rows[i].role = r[i].warn ? UI_ROLE_WARNING : UI_ROLE_NORMAL;
        warn = xmalloc(sizeof *warn);
        *warn = r[i].warn;
        rows[i].rec = warn;
    }
    db_ent_rows_free(r, got);
    return (int)got;
}

static const struct ui_list_source ent_source = {ent_count, ent_fetch, free};

/* Recomputes the funnel and the rules (after a save, or F5). */
static void
ent_load_figures(struct ui_ent *s)
{
    struct db *db = ui_app_db(s->app);
    struct err e = {0};

    s->funnel_ok = ent_funnel_compute(db, ui_app_config(s->app), ui_app_today(s->app), &s->funnel,
                                      &e) == ERR_OK;
    if (!s->funnel_ok)
        ui_app_status(s->app, UI_ROLE_WARNING, e.msg);
    s->rules_ok = ent_rules_load(db, &s->rules, NULL) == ERR_OK;
    db_tier_list_free(s->tiers, s->ntiers);
    s->tiers = NULL;
    s->ntiers = 0;
    if (db_tier_list(db, &s->tiers, &s->ntiers, NULL) == ERR_OK && s->ntiers)
        snprintf(s->candidate, sizeof s->candidate, "%s", s->tiers[0].name);
    ent_asof_init(db, ui_app_config(s->app), ui_app_today(s->app), &s->asof, NULL);
    s->f.asof = &s->asof.a;
}

void
ui_ent_reload(struct ui_ent *s)
{
    ent_load_figures(s);
    ui_panes_refresh(&s->panes);
}

static void
ent_reload(void *state, struct ui_app *app)
{
    (void)app;
    ui_ent_reload(state);
}

/* After a form saved: everything shown may have changed. */
static void
ent_saved(struct ui_app *app, void *arg, const char *id)
{
    (void)id;
    ent_reload(arg, app);
}

static void
ent_describe(void *ctx, struct ui_app *app, const struct ui_row *row, struct ui_detail *d,
             int width)
{
    struct ui_ent *s = ctx;
    struct ent_profile p;
    struct err e = {0};

    if (row == NULL) {
        ui_detail_add(d, UI_ROLE_WARNING, msg("ent.none"));
        return;
    }
    if (!s->rules_ok ||
        ent_profile_load(ui_app_db(app), &s->rules, row->id, ui_app_today(app), &p, &e) != ERR_OK) {
        ui_detail_add(d, UI_ROLE_WARNING, e.msg[0] ? e.msg : msg("ent.none"));
        return;
    }
    ui_ent_view_profile(d, &p, row->rec ? *(const int *)row->rec : 0, width);
    ent_profile_free(&p);
}

static void *
ent_enter(struct ui_app *app)
{
    struct ui_ent *s = xcalloc(1, sizeof *s);
    struct ui_list *l;

    s->app = app;
    s->f.above_scale = -1;
    ent_load_figures(s);
    l = ui_list_new(&ent_source, s, ent_cols, 5);
    l->empty = MSG_KEY("ent.none");
    ui_panes_init(&s->panes, l, 58, MSG_KEY("ent.list"), MSG_KEY("pane.detail"), ent_describe, s);
    return s;
}

static void
ent_leave(void *state)
{
    struct ui_ent *s = state;

    ui_panes_free(&s->panes);
    db_tier_list_free(s->tiers, s->ntiers);
    free(s);
}

static void
ent_draw(void *state, struct ui_app *app, const struct ui_rect *area)
{
    struct ui_ent *s = state;
    struct ui_rect rest = *area;

    if (area->h > ENT_HEAD_ROWS + 4) {
        ui_ent_view_funnel(s, area);
        rest.y += ENT_HEAD_ROWS;
        rest.h -= ENT_HEAD_ROWS;
    }
    ui_panes_draw(&s->panes, app, &rest);
}

/* The selected enterprise's key, or NULL with a status message. */
static const char *
ent_selected(struct ui_ent *s)
{
    const struct ui_row *r = ui_list_selected(s->panes.list);

    if (r == NULL) {
        ui_app_status(s->app, UI_ROLE_WARNING, msg("ent.none_selected"));
        return NULL;
    }
    snprintf(s->sel_id, sizeof s->sel_id, "%s", r->id);
    return s->sel_id;
}

static void
ent_push(struct ui_ent *s, struct ui_dialog *d)
{
    if (d)
        ui_app_push(s->app, d, NULL, NULL);
}

static void
ent_archive_answer(struct ui_app *app, struct ui_dialog *d, void *arg, int result)
{
    struct ui_ent *s = arg;
    struct err e = {0};

    (void)d;
    if (result != 1)
        return;
    if (enterprise_archive(ui_app_db(app), config_get(ui_app_config(app), "user:name"), s->sel_id,
                           1, &e) != ERR_OK) {
        ui_app_status(app, UI_ROLE_WARNING, e.msg);
        return;
    }
    ent_reload(s, app);
    ui_app_status(app, UI_ROLE_OK, msg("ent.archived"));
}

static void
ent_archive_ask(struct ui_ent *s)
{
    const struct ui_row *r = ui_list_selected(s->panes.list);
    char *q;

    if (ent_selected(s) == NULL)
        return;
    q = msg_format("ent.archive_q", r->cell[0], NULL);
    ui_app_push(s->app, ui_dialog_confirm(msg("ent.archive_title"), q), ent_archive_answer, s);
    free(q);
}

/* The year a new figures form opens on: last year. */
static int
ent_default_year(struct ui_ent *s)
{
    return atoi(ui_app_today(s->app)) - 1;
}

static void
ent_menu_answer(struct ui_app *app, struct ui_dialog *d, void *arg, int result)
{
    struct ui_ent *s = arg;

    (void)d;
    (void)app;
    if (result >= 0 && result < ENT_MENU_RANKING && s->sel_id[0] == '\0') {
        ui_app_status(s->app, UI_ROLE_WARNING, msg("ent.none_selected"));
        return;
    }
    switch (result) {
    case ENT_MENU_EDIT:
        ent_push(s, ui_ent_form_enterprise(s->app, s->sel_id, ent_saved, s));
        break;
    case ENT_MENU_FIGURES:
        ent_push(s, ui_ent_form_figures(s->app, s->sel_id, ent_default_year(s), ent_saved, s));
        break;
    case ENT_MENU_TIER:
        ent_push(s, ui_ent_form_tier(s->app, s->sel_id, ent_saved, s));
        break;
    case ENT_MENU_SERVICE:
        ent_push(s, ui_ent_form_service(s->app, s->sel_id, ent_saved, s));
        break;
    case ENT_MENU_SUBSIDY:
        ent_push(s, ui_ent_form_subsidy(s->app, s->sel_id, ent_saved, s));
        break;
    case ENT_MENU_DELETE:
        ent_archive_ask(s);
        break;
    case ENT_MENU_RANKING:
        ui_ent_view_ranking(s);
        break;
    case ENT_MENU_IMPORT:
        ui_ent_import_start(s);
        break;
    case ENT_MENU_EXPORT:
        ui_ent_export_start(s);
        break;
    default:
        break;
    }
}

static void
ent_menu(struct ui_ent *s)
{
    const char *items[ENT_MENU_COUNT];
    int i;

    for (i = 0; i < ENT_MENU_COUNT; i++)
        items[i] = msg(ui_ent_menu_keys[i]);
    s->sel_id[0] = '\0';
    if (ui_list_selected(s->panes.list) != NULL)
        ent_selected(s);
    ui_app_push(s->app, ui_dialog_pick(msg("ent.menu_title"), items, ENT_MENU_COUNT),
                ent_menu_answer, s);
}

static int
ent_action(void *state, struct ui_app *app, int action)
{
    struct ui_ent *s = state;

    (void)app;
    switch (action) {
    case UI_ACT_ADD:
        ent_push(s, ui_ent_form_enterprise(s->app, NULL, ent_saved, s));
        return 1;
    case UI_ACT_EDIT:
        if (ent_selected(s))
            ent_push(s, ui_ent_form_enterprise(s->app, s->sel_id, ent_saved, s));
        return 1;
    case UI_ACT_DELETE:
        ent_archive_ask(s);
        return 1;
    case UI_ACT_MENU:
        ent_menu(s);
        return 1;
    case UI_ACT_VIEW:
        ui_ent_filter_form(s);
        return 1;
    default:
        return ui_panes_action(&s->panes, app, action);
    }
}

const char *const ui_ent_menu_keys[ENT_MENU_COUNT] = {
    MSG_KEY("ent.menu.edit"),    MSG_KEY("ent.menu.figures"), MSG_KEY("ent.menu.tier"),
    MSG_KEY("ent.menu.service"), MSG_KEY("ent.menu.subsidy"), MSG_KEY("ent.menu.delete"),
    MSG_KEY("ent.menu.ranking"), MSG_KEY("ent.menu.import"),  MSG_KEY("ent.menu.export"),
};

const struct ui_section ui_section_enterprises = {
    MSG_KEY("section.enterprises"),
    MSG_KEY("help.enterprises"),
    ent_enter,
    ent_leave,
    ent_draw,
    ent_action,
    ui_panes_section_search,
    ui_panes_section_filter,
    ui_panes_section_mouse,
    ent_reload,
    ui_panes_section_position,
    NULL, /* settle */
};
