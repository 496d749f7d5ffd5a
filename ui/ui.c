/*
 * ui.c — ui_run: the terminal's event loop, signals, and the headless
 * mode that plays a key script and writes the screen as text.
 */
#include "ui/ui.h"

#include <curses.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "src/keys.h"
#include "src/msg.h"
#include "src/xmalloc.h"
#include "ui/app.h"
#include "ui/screen.h"
#include "ui/theme.h"

static volatile sig_atomic_t ui_signal;
static int ui_ended_by;

/* Notes the signal; the loop sees it when get_wch returns. */
static void
ui_on_signal(int sig)
{
    ui_signal = sig;
}

/* Installs the handlers (without SA_RESTART, so a read is interrupted). */
static void
ui_signals(struct sigaction *old)
{
    static const int sigs[3] = {SIGTERM, SIGHUP, SIGINT};
    struct sigaction sa;
    int i;

    memset(&sa, 0, sizeof sa);
    sa.sa_handler = ui_on_signal;
    sigemptyset(&sa.sa_mask);
    for (i = 0; i < 3; i++)
        sigaction(sigs[i], &sa, &old[i]);
}

/* Puts the old handlers back. */
static void
ui_signals_restore(const struct sigaction *old)
{
    static const int sigs[3] = {SIGTERM, SIGHUP, SIGINT};
    int i;

    for (i = 0; i < 3; i++)
        sigaction(sigs[i], &old[i], NULL);
}

/* A curses function key as ours. */
static int
ui_map_fn(int k)
{
    static const int map[][2] = {
        {KEY_UP, KEYS_UP},
        {KEY_DOWN, KEYS_DOWN},
        {KEY_LEFT, KEYS_LEFT},
        {KEY_RIGHT, KEYS_RIGHT},
        {KEY_PPAGE, KEYS_PGUP},
        {KEY_NPAGE, KEYS_PGDN},
        {KEY_HOME, KEYS_HOME},
        {KEY_END, KEYS_END},
        {KEY_ENTER, KEYS_ENTER},
        {KEY_BTAB, KEYS_BTAB},
        {KEY_BACKSPACE, KEYS_BACKSPACE},
        {KEY_DC, KEYS_DELETE},
        {KEY_IC, KEYS_INSERT},
        {KEY_RESIZE, KEYS_RESIZE},
    };
    size_t i;

    if (k >= KEY_F(1) && k <= KEY_F(12))
        return KEYS_F(k - KEY_F(0));
    for (i = 0; i < sizeof map / sizeof map[0]; i++) {
        if (map[i][0] == k)
            return map[i][1];
    }
    return KEYS_NONE;
}

/* A mouse report as an event (KEYS_NONE when not one we use). */
static void
ui_map_mouse(struct keys_event *ev)
{
    MEVENT me;

    ev->key = KEYS_NONE;
    if (getmouse(&me) != OK)
        return;
    ev->x = me.x;
    ev->y = me.y;
    if (me.bstate & BUTTON4_PRESSED)
        ev->key = KEYS_WHEEL_UP;
    else if (me.bstate & BUTTON5_PRESSED)
        ev->key = KEYS_WHEEL_DOWN;
    else if (me.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED))
        ev->key = KEYS_CLICK;
}

/* What get_wch returned, as an event. */
static struct keys_event
ui_translate(int r, wint_t ch)
{
    struct keys_event ev = {KEYS_NONE, 0, 0};

    if (r == KEY_CODE_YES && ch == KEY_MOUSE) {
        ui_map_mouse(&ev);
    } else if (r == KEY_CODE_YES) {
        ev.key = ui_map_fn((int)ch);
        ev.x = COLS;
        ev.y = LINES;
    } else if (ch == L'\r' || ch == L'\n') {
        ev.key = KEYS_ENTER;
    } else if (ch == 27) {
        ev.key = KEYS_ESC;
    } else if (ch == L'\t') {
        ev.key = KEYS_TAB;
    } else if (ch == 127 || ch == 8) {
        ev.key = KEYS_BACKSPACE;
    } else {
        ev.key = (int)ch;
    }
    return ev;
}

/* Colours unless the config or NO_COLOR says no. */
static int
ui_want_color(const struct config *cfg)
{
    const char *nc = getenv("NO_COLOR");

    return config_get_bool(cfg, "ui:color") && (nc == NULL || *nc == '\0');
}

/* today from the options, else the local date. */
static void
ui_today(const struct ui_options *opt, char *out, size_t n)
{
    time_t t = time(NULL);
    struct tm tm;

    if (opt->today[0]) {
        snprintf(out, n, "%s", opt->today);
        return;
    }
    localtime_r(&t, &tm);
    strftime(out, n, "%Y-%m-%d", &tm);
}

/* The interactive loop. */
static void
ui_loop(struct ui_app *app)
{
    struct keys_event ev;
    wint_t ch;
    int r, quit = 0;

    ui_app_show(app);
    while (!quit && !ui_signal) {
        r = get_wch(&ch);
        if (r == ERR)
            continue;
        ev = ui_translate(r, ch);
        if (ev.key == KEYS_NONE)
            continue;
        quit = ui_app_event(app, &ev);
        if (!quit)
            ui_app_show(app);
    }
}

/* Runs on the real terminal. */
static int
ui_run_terminal(struct config *cfg, struct db *db, const char *today, struct err *e)
{
    struct sigaction old[3];
    struct ui_app *app;
    int rc;

    if ((rc = ui_screen_open(e)) != ERR_OK)
        return rc;
    ui_signal = 0;
    ui_signals(old);
    if (config_get_bool(cfg, "ui:mouse")) {
        mousemask(BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
        mouseinterval(0);
    }
    ui_theme_init(cfg, ui_want_color(cfg));
    app = ui_app_new(cfg, db, today);
    ui_loop(app);
    ui_app_free(app);
    ui_screen_close();
    ui_signals_restore(old);
    ui_ended_by = (int)ui_signal;
    return ERR_OK;
}

/* Writes the screen to path ("-" or NULL: stdout). */
static int
ui_write_screen(const char *path, struct err *e)
{
    FILE *f = path && strcmp(path, "-") != 0 ? fopen(path, "w") : stdout;
    int rc;
    char *m;

    if (f == NULL) {
        m = msg_format("headless.err.write", path, NULL);
        err_set(e, ERR_IO, "%s", m);
        free(m);
        return ERR_IO;
    }
    rc = ui_screen_dump(f);
    if (f != stdout && fclose(f) != 0)
        rc = -1;
    if (rc != 0) {
        m = msg_format("headless.err.write", path ? path : "-", NULL);
        err_set(e, ERR_IO, "%s", m);
        free(m);
        return ERR_IO;
    }
    return ERR_OK;
}

/* Plays the key script on an invisible screen, then writes it. */
static int
ui_run_headless(struct config *cfg, struct db *db, const struct ui_options *opt, const char *today,
                struct err *e)
{
    struct keys_event *evs;
    struct ui_app *app;
    size_t n, i;
    int rc;

    if ((rc = keys_parse_script(opt->keys, &evs, &n, e)) != ERR_OK)
        return rc;
    if ((rc = ui_screen_open_headless(opt->cols > 0 ? opt->cols : UI_MIN_COLS,
                                      opt->rows > 0 ? opt->rows : UI_MIN_ROWS, e)) != ERR_OK) {
        free(evs);
        return rc;
    }
    ui_theme_init(cfg, ui_want_color(cfg));
    app = ui_app_new(cfg, db, today);
    ui_app_show(app);
    for (i = 0; i < n; i++) {
        if (ui_app_event(app, &evs[i]))
            break;
        ui_app_show(app);
    }
    rc = ui_write_screen(opt->screen_out, e);
    ui_app_free(app);
    ui_screen_close();
    free(evs);
    return rc;
}

int
ui_run(struct config *cfg, struct db *db, const struct ui_options *opt, struct err *e)
{
    char today[16];

    ui_ended_by = 0;
    if (msg_set_language(config_get(cfg, "ui:language")) != 0)
        msg_set_language("zh_CN");
    ui_today(opt, today, sizeof today);
    if (opt->headless)
        return ui_run_headless(cfg, db, opt, today, e);
    return ui_run_terminal(cfg, db, today, e);
}

int
ui_last_signal(void)
{
    return ui_ended_by;
}
