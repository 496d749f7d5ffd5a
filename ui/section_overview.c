/*
 * section_overview.c — 总览: the supervisor's dashboard. The figures of
 * src/dashboard.h laid out for the width at hand and scrolled; the cursor
 * moves between figures (Up/Down between lines, Left/Right along one),
 * Enter opens the records behind the selected figure and Esc comes back.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "src/dashboard.h"
#include "src/msg.h"
#include "src/textw.h"
#include "src/xmalloc.h"
#include "ui/app.h"
#include "ui/drill.h"
#include "ui/rdgdp_form.h"
#include "ui/keymap.h"
#include "ui/section.h"

#define OVERVIEW_WHEEL_STEP 3

struct overview {
    struct dashboard *dash;
    struct dash_lines lines;
    int lines_w; /* the width the lines were laid out for; 0: not yet */
    long top;    /* first line shown */
    long sel;    /* line of the selected figure, -1 when none */
    size_t spot; /* the figure on that line */
    int height;  /* lines shown, as last drawn */
    struct ui_rect area;
    struct ui_drill *drill; /* the records behind a figure, while open */
    int snapshot_due;       /* last month's snapshot not yet looked for (overview_settle) */
};

/* Computes the dashboard as of today; lines are laid out at the next draw.
 * Last month's target figures are kept by overview_settle, once the first
 * frame is on screen: the first write of a session checks the whole file
 * first, which on a large file is most of a second. */
static void
overview_load(struct overview *o, struct ui_app *app)
{
    struct sumopts opts;

    dashboard_free(o->dash);
    o->dash = NULL;
    dash_lines_free(&o->lines);
    o->lines_w = 0;
    if (sumopts_init(&opts, ui_app_config(app), ui_app_today(app), NULL, NULL) == ERR_OK)
        dashboard_compute(ui_app_db(app), &opts, &o->dash, NULL);
}

/* The next line from l in direction dir (+1/-1) that has figures, or -1. */
static long
overview_next_spot_line(const struct overview *o, long l, int dir)
{
    for (l += dir; l >= 0 && l < (long)o->lines.n; l += dir) {
        if (o->lines.v[l].nspots > 0)
            return l;
    }
    return -1;
}

/* Scrolls so the selected line is shown. */
static void
overview_show_sel(struct overview *o)
{
    long h = o->height > 0 ? o->height : 1;

    if (o->sel < 0)
        return;
    if (o->sel < o->top)
        o->top = o->sel > 0 && o->lines.v[o->sel - 1].nspots == 0 ? o->sel - 1 : o->sel;
    if (o->sel >= o->top + h)
        o->top = o->sel - h + 1;
}

/* Lays the lines out for width w, keeping the selection on the same line. */
static void
overview_layout(struct overview *o, int w)
{
    if (o->dash == NULL || o->lines_w == w)
        return;
    dash_lines_free(&o->lines);
    dashboard_lines(o->dash, w, &o->lines);
    o->lines_w = w;
    if (o->sel >= (long)o->lines.n || (o->sel >= 0 && o->lines.v[o->sel].nspots == 0))
        o->sel = -1;
    if (o->sel < 0) {
        o->sel = overview_next_spot_line(o, -1, 1);
        o->spot = 0;
    }
    if (o->sel >= 0 && o->spot >= o->lines.v[o->sel].nspots)
        o->spot = o->lines.v[o->sel].nspots - 1;
}

static enum ui_role
overview_role(enum dash_role r)
{
    switch (r) {
    case DASH_ROLE_HEADING:
        return UI_ROLE_HEADER;
    case DASH_ROLE_COLUMNS:
        return UI_ROLE_LABEL;
    case DASH_ROLE_GREEN:
        return UI_ROLE_OK;
    case DASH_ROLE_AMBER:
        return UI_ROLE_WARNING;
    case DASH_ROLE_RED:
        return UI_ROLE_OVERDUE;
    default:
        return UI_ROLE_NORMAL;
    }
}

/* Draws the selected figure of line l (at screen row y) highlighted. */
static void
overview_draw_spot(const struct overview *o, const struct dash_line *l, int y)
{
    const struct dash_spot *s = &l->spots[o->spot];
    size_t from = textw_prefix(l->text, s->x, NULL);
    size_t len = textw_prefix(l->text + from, s->w, NULL);
    char *cell = xstrndup(l->text + from, len);

    if (s->x < o->area.w)
        ui_screen_put(y, o->area.x + s->x, s->w < o->area.w - s->x ? s->w : o->area.w - s->x, cell,
                      UI_ROLE_SELECTION, TEXTW_LEFT);
    free(cell);
}

static void
overview_draw(void *state, struct ui_app *app, const struct ui_rect *area)
{
    struct overview *o = state;
    long i;

    o->area = *area;
    if (o->drill) {
        ui_drill_draw(o->drill, app, area);
        return;
    }
    o->height = area->h;
    if (o->dash == NULL) {
        ui_screen_put(area->y, area->x, area->w, msg("overview.failed"), UI_ROLE_WARNING,
                      TEXTW_LEFT);
        return;
    }
    overview_layout(o, area->w);
    if (o->top > (long)o->lines.n - area->h)
        o->top = (long)o->lines.n - area->h > 0 ? (long)o->lines.n - area->h : 0;
    overview_show_sel(o);
    for (i = 0; i < area->h && o->top + i < (long)o->lines.n; i++) {
        const struct dash_line *l = &o->lines.v[o->top + i];

        ui_screen_put(area->y + (int)i, area->x, area->w, l->text, overview_role(l->role),
                      TEXTW_LEFT);
        if (o->top + i == o->sel)
            overview_draw_spot(o, l, area->y + (int)i);
    }
}

/* Says on the status line what Enter would open. */
static void
overview_hint(struct overview *o, struct ui_app *app)
{
    char *m;

    if (o->sel < 0)
        return;
    if (o->lines.v[o->sel].spots[o->spot].drill.kind == DASH_DRILL_RDGDP)
        m = msg_format("overview.hint_rdgdp", NULL);
    else
        m = msg_format("overview.hint", o->lines.v[o->sel].spots[o->spot].drill.title, NULL);
    ui_app_status(app, UI_ROLE_NORMAL, m);
    free(m);
}

/* Moves to the figure on the next line up or down nearest in column. */
static void
overview_move_line(struct overview *o, int dir)
{
    long l = overview_next_spot_line(o, o->sel, dir);
    int x = o->sel >= 0 ? o->lines.v[o->sel].spots[o->spot].x : 0, best = 1 << 30;
    size_t i;

    if (l < 0) { /* no figure further: scroll what is left into view */
        o->top += dir;
        if (o->top < 0)
            o->top = 0;
        return;
    }
    o->sel = l;
    for (i = 0; i < o->lines.v[l].nspots; i++) {
        if (abs(o->lines.v[l].spots[i].x - x) < best) {
            best = abs(o->lines.v[l].spots[i].x - x);
            o->spot = i;
        }
    }
    overview_show_sel(o);
}

/* Moves a page: the first (or last) figure of the new page is selected. */
static void
overview_move_page(struct overview *o, int dir)
{
    long h = o->height > 1 ? o->height - 1 : 1, l;

    o->top += dir * h;
    if (o->top > (long)o->lines.n - o->height)
        o->top = (long)o->lines.n - o->height;
    if (o->top < 0)
        o->top = 0;
    l = overview_next_spot_line(o, dir > 0 ? o->top - 1 : o->top + o->height, dir > 0 ? 1 : -1);
    if (l >= o->top && l < o->top + o->height) {
        o->sel = l;
        o->spot = 0;
    }
}

/* After the R&D and GDP figures were saved: the dashboard shows them. */
static void
overview_rdgdp_saved(void *arg, struct ui_app *app, int year)
{
    (void)year;
    overview_load(arg, app);
}

/* Opens the records behind the selected figure (for R&D intensity, the
 * form its figures are entered in). */
static void
overview_open(struct overview *o, struct ui_app *app)
{
    if (o->sel < 0 || o->dash == NULL)
        return;
    if (o->lines.v[o->sel].spots[o->spot].drill.kind == DASH_DRILL_RDGDP) {
        ui_app_push(app, ui_rdgdp_form(app, o->dash->targets->plan_year, overview_rdgdp_saved, o),
                    NULL, NULL);
        return;
    }
    o->drill = ui_drill_new(app, &o->lines.v[o->sel].spots[o->spot].drill,
                            o->dash->targets->plan_year, o->dash->opts.as_of);
}

static int
overview_dash_action(struct overview *o, struct ui_app *app, int action)
{
    switch (action) {
    case UI_ACT_UP:
    case UI_ACT_DOWN:
        overview_move_line(o, action == UI_ACT_UP ? -1 : 1);
        break;
    case UI_ACT_LEFT:
        o->spot -= o->spot > 0;
        break;
    case UI_ACT_RIGHT:
        o->spot += o->sel >= 0 && o->spot + 1 < o->lines.v[o->sel].nspots;
        break;
    case UI_ACT_PGUP:
    case UI_ACT_PGDN:
        overview_move_page(o, action == UI_ACT_PGUP ? -1 : 1);
        break;
    case UI_ACT_HOME:
        o->top = 0;
        o->sel = overview_next_spot_line(o, -1, 1);
        o->spot = 0;
        break;
    case UI_ACT_END:
        o->top = (long)o->lines.n;
        o->sel = overview_next_spot_line(o, (long)o->lines.n, -1);
        o->spot = 0;
        break;
    case UI_ACT_OPEN:
        overview_open(o, app);
        return 1;
    default:
        return 0;
    }
    overview_hint(o, app);
    return 1;
}

static int
overview_action(void *state, struct ui_app *app, int action)
{
    struct overview *o = state;

    if (o->drill == NULL)
        return overview_dash_action(o, app, action);
    if (ui_drill_action(o->drill, app, action))
        return 1;
    if (action != UI_ACT_BACK)
        return 0;
    ui_drill_free(o->drill);
    o->drill = NULL;
    overview_hint(o, app);
    return 1;
}

/* Selects the figure clicked, if any. */
static int
overview_mouse(void *state, struct ui_app *app, const struct keys_event *ev)
{
    struct overview *o = state;
    long l = o->top + (ev->y - o->area.y);
    size_t i;

    if (o->drill)
        return ui_drill_mouse(o->drill, ev);
    if (ev->key == KEYS_WHEEL_UP || ev->key == KEYS_WHEEL_DOWN) {
        for (i = 0; i < OVERVIEW_WHEEL_STEP; i++)
            overview_move_line(o, ev->key == KEYS_WHEEL_UP ? -1 : 1);
        return 1;
    }
    if (ev->y < o->area.y || l < 0 || l >= (long)o->lines.n)
        return 0;
    for (i = 0; i < o->lines.v[l].nspots; i++) {
        const struct dash_spot *s = &o->lines.v[l].spots[i];

        if (ev->x - o->area.x >= s->x && ev->x - o->area.x < s->x + s->w) {
            o->sel = l;
            o->spot = i;
            overview_hint(o, app);
            return 1;
        }
    }
    return 0;
}

/* Search filters a list of tasks opened from a figure; the dashboard
 * itself has nothing to search. */
static void
overview_search(void *state, struct ui_app *app, const char *text)
{
    struct overview *o = state;

    if (o->drill && ui_drill_searchable(o->drill))
        ui_drill_search(o->drill, app, text);
    else
        ui_app_status(app, UI_ROLE_WARNING, msg("search.unavailable"));
}

static const char *
overview_filter(void *state)
{
    struct overview *o = state;

    return o->drill ? ui_drill_filter(o->drill) : NULL;
}

static void *
overview_enter(struct ui_app *app)
{
    struct overview *o = xcalloc(1, sizeof *o);

    o->sel = -1;
    o->snapshot_due = 1;
    overview_load(o, app);
    return o;
}

/* Keeps last month's target figures if nobody has yet (a file opened
 * read-only simply keeps none), and shows them. */
static int
overview_settle(void *state, struct ui_app *app)
{
    struct overview *o = state;
    const char *user = config_get(ui_app_config(app), "user:name");
    int taken = 0;

    if (!o->snapshot_due)
        return 0;
    o->snapshot_due = 0;
    targets_snapshot_ensure(ui_app_db(app), ui_app_config(app), user ? user : "?",
                            ui_app_today(app), &taken, NULL);
    if (!taken)
        return 0;
    overview_load(o, app);
    return 1;
}

static void
overview_leave(void *state)
{
    struct overview *o = state;

    ui_drill_free(o->drill);
    dash_lines_free(&o->lines);
    dashboard_free(o->dash);
    free(o);
}

static void
overview_reload(void *state, struct ui_app *app)
{
    struct overview *o = state;

    o->snapshot_due = 1; /* a new month may have begun */
    overview_load(o, app);
    if (o->drill)
        ui_drill_refresh(o->drill);
}

static char *
overview_position(void *state)
{
    struct overview *o = state;

    return o->drill ? ui_drill_position(o->drill) : NULL;
}

const struct ui_section ui_section_overview = {
    MSG_KEY("section.overview"),
    MSG_KEY("help.overview"),
    overview_enter,
    overview_leave,
    overview_draw,
    overview_action,
    overview_search,
    overview_filter,
    overview_mouse,
    overview_reload,
    overview_position,
    overview_settle,
};
