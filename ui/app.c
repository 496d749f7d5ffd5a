/*
 * app.c — the running program: sections, dialogs, search prompt, status
 * line; one input event at a time, and the whole screen drawn from state.
 */
#include "ui/app.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/plan.h"
#include "src/msg.h"
#include "src/xmalloc.h"
#include "ui/edit.h"
#include "ui/keymap.h"
#include "ui/section.h"

#define APP_MAX_DIALOGS 8

struct ui_app {
    struct config *cfg;
    struct db *db;
    char today[11];
    const struct ui_section *sec[UI_SECTIONS];
    void *state[UI_SECTIONS];
    int cur;
    struct ui_dialog *dialogs[APP_MAX_DIALOGS];
    int ndialogs;
    int searching;
    struct ui_edit search;
    char status[512];
    enum ui_role status_role;
    char plan[64];              /* "2025年工作方案", or the "no plan" text */
    int tab_x[UI_SECTIONS + 1]; /* where each tab starts, as last drawn */
    int quit;
};

/* Reads the plan's year for the title line. */
static void
app_load_plan(struct ui_app *app)
{
    struct db_plan plan;
    char year[16];
    char *t;

    if (db_plan_get(app->db, 0, &plan, NULL) != ERR_OK) {
        snprintf(app->plan, sizeof app->plan, "%s", msg("title.no_plan"));
        return;
    }
    snprintf(year, sizeof year, "%d", plan.year);
    t = msg_format("title.plan", year, NULL);
    snprintf(app->plan, sizeof app->plan, "%s", t);
    free(t);
    db_plan_free(&plan);
}

/* Puts the first config warning of keys or theme on the status line. */
static void
app_config_warnings(struct ui_app *app)
{
    if (ui_keymap_warning_count() > 0)
        ui_app_status(app, UI_ROLE_WARNING, ui_keymap_warning(0));
    else if (ui_theme_warning_count() > 0)
        ui_app_status(app, UI_ROLE_WARNING, ui_theme_warning(0));
}

struct ui_app *
ui_app_new(struct config *cfg, struct db *db, const char *today)
{
    struct ui_app *app = xcalloc(1, sizeof *app);

    app->cfg = cfg;
    app->db = db;
    snprintf(app->today, sizeof app->today, "%s", today ? today : "");
    app->sec[0] = &ui_section_overview;
    app->sec[1] = &ui_section_actions;
    app->sec[2] = &ui_section_enterprises;
    app->sec[3] = &ui_section_pilot;
    app->sec[4] = &ui_section_reports;
    app->sec[5] = &ui_section_settings;
    ui_edit_init(&app->search, NULL, 0);
    ui_keymap_init(cfg);
    app_load_plan(app);
    app_config_warnings(app);
    ui_app_switch(app, 0);
    return app;
}

void
ui_app_free(struct ui_app *app)
{
    int i;

    if (app == NULL)
        return;
    for (i = 0; i < app->ndialogs; i++)
        ui_dialog_free(app->dialogs[i]);
    for (i = 0; i < UI_SECTIONS; i++) {
        if (app->state[i])
            app->sec[i]->leave(app->state[i]);
    }
    ui_edit_free(&app->search);
    free(app);
}

struct db *
ui_app_db(struct ui_app *app)
{
    return app->db;
}

struct config *
ui_app_config(struct ui_app *app)
{
    return app->cfg;
}

const char *
ui_app_today(struct ui_app *app)
{
    return app->today;
}

void
ui_app_status(struct ui_app *app, enum ui_role role, const char *text)
{
    snprintf(app->status, sizeof app->status, "%s", text ? text : "");
    app->status_role = role;
}

void
ui_app_push(struct ui_app *app, struct ui_dialog *d, ui_dialog_done_fn done, void *arg)
{
    if (app->ndialogs == APP_MAX_DIALOGS) {
        ui_dialog_free(d);
        return;
    }
    d->done = done;
    d->arg = arg;
    app->dialogs[app->ndialogs++] = d;
}

struct ui_dialog *
ui_app_top(struct ui_app *app)
{
    return app->ndialogs ? app->dialogs[app->ndialogs - 1] : NULL;
}

int
ui_app_section(const struct ui_app *app)
{
    return app->cur;
}

int
ui_app_searching(const struct ui_app *app)
{
    return app->searching;
}

void
ui_app_switch(struct ui_app *app, int section)
{
    if (section < 0 || section >= UI_SECTIONS)
        return;
    app->cur = section;
    app->searching = 0;
    if (app->state[section] == NULL)
        app->state[section] = app->sec[section]->enter(app);
}

/* 1 when the screen is too small to draw the program. */
static int
app_too_small(void)
{
    return ui_screen_cols() < UI_MIN_COLS || ui_screen_rows() < UI_MIN_ROWS;
}

/* The help text: the section's paragraph, then the live keymap. */
static void
app_help(struct ui_app *app)
{
    char *keys = ui_keymap_help();
    char *text = xasprintf("%s\n\n%s\n%s\n\n%s", msg(app->sec[app->cur]->help), msg("help.keys"),
                           keys, msg("help.forms"));

    ui_app_push(app, ui_dialog_text(msg("help.title"), text), NULL, NULL);
    free(text);
    free(keys);
}

/* Done function of "quit with unsaved input?". */
static void
app_quit_answer(struct ui_app *app, struct ui_dialog *d, void *arg, int result)
{
    (void)d;
    (void)arg;
    if (result == 1)
        app->quit = 1;
}

/* Closes the top dialog and tells its owner. */
static void
app_pop(struct ui_app *app)
{
    struct ui_dialog *d = app->dialogs[--app->ndialogs];

    if (d->done)
        d->done(app, d, d->arg, d->result);
    ui_dialog_free(d);
    ui_screen_repaint();
}

/* A key while a dialog is open. Quitting from a form with unsaved input
 * asks first; q types a letter there, so only a non-character key quits. */
static void
app_dialog_key(struct ui_app *app, int key)
{
    struct ui_dialog *d = ui_app_top(app);
    int action = ui_keymap_action(key);

    if (d->kind == UI_DIALOG_FORM && action == UI_ACT_QUIT && key >= KEYS_BASE) {
        if (!d->form->dirty)
            app->quit = 1;
        else
            ui_app_push(app, ui_dialog_confirm(msg("quit.title"), msg("quit.unsaved")),
                        app_quit_answer, NULL);
        return;
    }
    if (ui_dialog_key(d, key, action))
        app_pop(app);
}

/* A key while the search prompt is open. */
static void
app_search_key(struct ui_app *app, int key)
{
    const struct ui_section *s = app->sec[app->cur];

    if (key == KEYS_ESC) {
        app->searching = 0;
    } else if (key == KEYS_ENTER) {
        app->searching = 0;
        s->search(app->state[app->cur], app, ui_edit_text(&app->search));
    } else {
        ui_edit_key(&app->search, key);
    }
}

/* Opens the search prompt, if the section can search. */
static void
app_search_start(struct ui_app *app)
{
    const struct ui_section *s = app->sec[app->cur];
    const char *f;

    if (s->search == NULL) {
        ui_app_status(app, UI_ROLE_WARNING, msg("search.unavailable"));
        return;
    }
    f = s->filter ? s->filter(app->state[app->cur]) : NULL;
    ui_edit_set(&app->search, f);
    app->searching = 1;
}

/* A click on the tabs or the function-key bar, else the section's. */
static void
app_mouse(struct ui_app *app, const struct keys_event *ev)
{
    const struct ui_section *s = app->sec[app->cur];
    int i, slot;

    if (ev->key == KEYS_CLICK && ev->y == 1) {
        for (i = 0; i < UI_SECTIONS; i++) {
            if (ev->x >= app->tab_x[i] && ev->x < app->tab_x[i + 1])
                ui_app_switch(app, i);
        }
        return;
    }
    if (ev->key == KEYS_CLICK && ev->y == ui_screen_rows() - 1) {
        slot = ev->x / (ui_screen_cols() / 10 > 0 ? ui_screen_cols() / 10 : 1);
        if (slot >= 0 && slot < 10)
            ui_app_event(app, &(struct keys_event){KEYS_F(slot + 1), 0, 0});
        return;
    }
    if (s->mouse)
        s->mouse(app->state[app->cur], app, ev);
}

/* An action of the keymap outside dialogs and the prompt. */
static void
app_action(struct ui_app *app, int action, int key)
{
    const struct ui_section *s = app->sec[app->cur];

    if (action == UI_ACT_QUIT)
        app->quit = 1;
    else if (action == UI_ACT_HELP)
        app_help(app);
    else if (action == UI_ACT_SEARCH)
        app_search_start(app);
    else if (action >= UI_ACT_SECTION1 && action <= UI_ACT_SECTION6)
        ui_app_switch(app, action - UI_ACT_SECTION1);
    else if (action == UI_ACT_REFRESH && s->reload) {
        s->reload(app->state[app->cur], app);
        app_load_plan(app);
        ui_app_status(app, UI_ROLE_OK, msg("status.refreshed"));
    } else if (!s->action(app->state[app->cur], app, action) && key < KEYS_BASE && key > ' ')
        ui_app_status(app, UI_ROLE_NORMAL, msg("status.unknown_key"));
}

int
ui_app_event(struct ui_app *app, const struct keys_event *ev)
{
    int key = ev->key;

    if (key == KEYS_RESIZE) {
        ui_screen_resize(ev->x, ev->y);
        return app->quit;
    }
    if (app_too_small()) {
        if (ui_keymap_action(key) == UI_ACT_QUIT && app->ndialogs == 0)
            app->quit = 1;
        return app->quit;
    }
    app->status[0] = '\0';
    if (app->ndialogs)
        app_dialog_key(app, key);
    else if (app->searching)
        app_search_key(app, key);
    else if (key == KEYS_CLICK || key == KEYS_WHEEL_UP || key == KEYS_WHEEL_DOWN)
        app_mouse(app, ev);
    else
        app_action(app, ui_keymap_action(key), key);
    return app->quit;
}

/* The title line: the plan on the left; database, user and role right. */
static void
app_draw_title(struct ui_app *app)
{
    const char *user = config_get(app->cfg, "user:name"), *role = config_get(app->cfg, "user:role");
    const char *path = db_path(app->db), *base = strrchr(path, '/');
    char *left = msg_format("title.left", app->plan, NULL), *right, *rolekey;
    int cols = ui_screen_cols(), lw = textw_width(left) + 2;

    rolekey = xasprintf("role.%s", role ? role : "clerk");
    right = msg_format("title.right", path, user ? user : "", msg(rolekey), NULL);
    if (lw + textw_width(right) + 1 > cols && base) {
        free(right);
        right = msg_format("title.right", base + 1, user ? user : "", msg(rolekey), NULL);
    }
    ui_screen_put(0, 0, cols, "", UI_ROLE_TITLE, TEXTW_LEFT);
    ui_screen_put(0, 0, lw < cols ? lw : cols, left, UI_ROLE_TITLE, TEXTW_LEFT);
    if (cols - lw > 1)
        ui_screen_put(0, lw, cols - lw - 1, right, UI_ROLE_TITLE, TEXTW_RIGHT);
    free(left);
    free(right);
    free(rolekey);
}

/* The tabs line: each section with the key that opens it. */
static void
app_draw_tabs(struct ui_app *app)
{
    int keys[UI_KEYMAP_MAX_KEYS], x = 0, i, w;
    char name[16], *tab;

    ui_screen_put(1, 0, ui_screen_cols(), "", UI_ROLE_TAB, TEXTW_LEFT);
    for (i = 0; i < UI_SECTIONS; i++) {
        if (ui_keymap_keys(UI_ACT_SECTION1 + i, keys, UI_KEYMAP_MAX_KEYS) > 0)
            tab =
                xasprintf(" %s %s ", keys_name(keys[0], name, sizeof name), msg(app->sec[i]->name));
        else
            tab = xasprintf(" %s ", msg(app->sec[i]->name));
        w = textw_width(tab);
        app->tab_x[i] = x;
        ui_screen_put(1, x, w, tab, i == app->cur ? UI_ROLE_TAB_ACTIVE : UI_ROLE_TAB, TEXTW_LEFT);
        x += w + 1;
        free(tab);
    }
    app->tab_x[UI_SECTIONS] = x;
}

/* The status line: a message or the search prompt; filter and position. */
static void
app_draw_status(struct ui_app *app, int y)
{
    const struct ui_section *s = app->sec[app->cur];
    char *pos = s->position ? s->position(app->state[app->cur]) : NULL, *view, *prompt, *hint;
    int cols = ui_screen_cols(), pw = pos ? textw_width(pos) + 2 : 0, cx, lw;

    ui_screen_put(y, 0, cols, "", UI_ROLE_STATUS, TEXTW_LEFT);
    if (pos)
        ui_screen_put(y, cols - pw, pw, pos, UI_ROLE_STATUS, TEXTW_LEFT);
    if (app->searching) {
        prompt = xasprintf(" %s", msg("search.prompt"));
        lw = textw_width(prompt);
        ui_screen_put(y, 0, lw, prompt, UI_ROLE_STATUS, TEXTW_LEFT);
        view = ui_edit_view(&app->search, cols - pw - lw - 1, &cx);
        ui_screen_put(y, lw, cols - pw - lw - 1, view, UI_ROLE_INPUT, TEXTW_LEFT);
        ui_screen_cursor(y, lw + cx);
        free(view);
        free(prompt);
    } else {
        hint = ui_keymap_keys_text(UI_ACT_HELP);
        view = msg_format("status.hint", hint, NULL);
        ui_screen_put(y, 1, cols - pw - 2, app->status[0] ? app->status : view,
                      app->status[0] ? app->status_role : UI_ROLE_STATUS, TEXTW_LEFT);
        free(view);
        free(hint);
    }
    free(pos);
}

/* The action bound to function key n, or UI_ACT_NONE. */
static int
app_fkey_action(int n)
{
    return ui_keymap_action(KEYS_F(n));
}

/* The function-key bar, as in mc: the number, then what it does. */
static void
app_draw_fkeys(int y)
{
    int cols = ui_screen_cols(), slot = cols / 10, n, a, x;
    char num[8], *key;

    ui_screen_put(y, 0, cols, "", UI_ROLE_FKEY_LABEL, TEXTW_LEFT);
    for (n = 1; n <= 10; n++) {
        x = (n - 1) * slot;
        a = app_fkey_action(n);
        snprintf(num, sizeof num, "%d", n);
        ui_screen_put(y, x, (int)strlen(num), num, UI_ROLE_FKEY_NUM, TEXTW_LEFT);
        key = a ? xasprintf("fkey.%s", ui_keymap_name(a)) : NULL;
        ui_screen_put(y, x + (int)strlen(num), (n == 10 ? cols - x : slot) - (int)strlen(num),
                      key ? msg(key) : "", UI_ROLE_FKEY_LABEL, TEXTW_LEFT);
        free(key);
    }
}

/* "Please enlarge the window", for screens below the minimum. */
static void
app_draw_small(void)
{
    char cols[16], rows[16], mc[16], mr[16];
    char *m;
    int w = ui_screen_cols(), h = ui_screen_rows();

    snprintf(cols, sizeof cols, "%d", w);
    snprintf(rows, sizeof rows, "%d", h);
    snprintf(mc, sizeof mc, "%d", UI_MIN_COLS);
    snprintf(mr, sizeof mr, "%d", UI_MIN_ROWS);
    ui_screen_put(h / 2 - (h > 2), 0, w, msg("screen.small"), UI_ROLE_WARNING, TEXTW_CENTER);
    m = msg_format("screen.small_size", mc, mr, cols, rows, NULL);
    if (h > 2)
        ui_screen_put(h / 2, 0, w, m, UI_ROLE_NORMAL, TEXTW_CENTER);
    free(m);
}

void
ui_app_draw(struct ui_app *app)
{
    int rows = ui_screen_rows(), cols = ui_screen_cols(), i;
    struct ui_rect area = {2, 0, rows - 4, cols};

    ui_screen_clear();
    ui_screen_cursor(-1, -1);
    if (app_too_small()) {
        app_draw_small();
        ui_screen_flush();
        return;
    }
    app_draw_title(app);
    app_draw_tabs(app);
    app->sec[app->cur]->draw(app->state[app->cur], app, &area);
    app_draw_status(app, rows - 2);
    app_draw_fkeys(rows - 1);
    for (i = 0; i < app->ndialogs; i++)
        ui_dialog_draw(app->dialogs[i], cols, rows);
    ui_screen_flush();
}

void
ui_app_show(struct ui_app *app)
{
    const struct ui_section *s = app->sec[app->cur];

    ui_app_draw(app);
    if (s->settle && app->state[app->cur] && s->settle(app->state[app->cur], app))
        ui_app_draw(app);
}
