/*
 * panes.c — a list pane and a detail pane side by side.
 */
#include "ui/panes.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "src/msg.h"
#include "src/xmalloc.h"
#include "ui/app.h"
#include "ui/keymap.h"

#define PANES_WHEEL_STEP 3

void
ui_panes_init(struct ui_panes *p, struct ui_list *list, int list_percent, const char *list_title,
              const char *detail_title, ui_panes_describe_fn describe, void *ctx)
{
    memset(p, 0, sizeof *p);
    p->list = list;
    p->list_percent = list_percent;
    p->list_title = list_title;
    p->detail_title = detail_title;
    p->describe = describe;
    p->ctx = ctx;
    ui_detail_init(&p->detail);
}

void
ui_panes_free(struct ui_panes *p)
{
    ui_list_free(p->list);
    ui_detail_free(&p->detail);
    p->list = NULL;
}

void
ui_panes_invalidate(struct ui_panes *p)
{
    p->shown_valid = 0;
}

/* Rebuilds the detail when the selection or the width changed. */
static void
panes_update_detail(struct ui_panes *p, struct ui_app *app, int width)
{
    const struct ui_row *row = ui_list_selected(p->list);
    const char *id = row ? row->id : "";
    int scroll = p->detail.scroll;
    int same = p->shown_valid && strcmp(id, p->shown_id) == 0;

    if (same && p->shown_w == width)
        return;
    ui_detail_clear(&p->detail);
    p->describe(p->ctx, app, row, &p->detail, width);
    if (same)
        p->detail.scroll = scroll;
    snprintf(p->shown_id, sizeof p->shown_id, "%s", id);
    p->shown_w = width;
    p->shown_valid = 1;
}

/* The list pane's title: its name, the count, and the filter if any. */
static char *
panes_list_title(const struct ui_panes *p)
{
    char count[32];

    snprintf(count, sizeof count, "%ld", p->list->count);
    if (p->list->filter)
        return msg_format("pane.title_filtered", msg(p->list_title), count, p->list->filter, NULL);
    return msg_format("pane.title_count", msg(p->list_title), count, NULL);
}

void
ui_panes_draw(struct ui_panes *p, struct ui_app *app, const struct ui_rect *area)
{
    int lw = area->w * p->list_percent / 100, dx = area->x + lw + 2;
    char *title = panes_list_title(p);

    p->list_rect = (struct ui_rect){area->y + 1, area->x, area->h - 1, lw};
    p->detail_rect = (struct ui_rect){area->y + 1, dx, area->h - 1, area->x + area->w - dx};
    ui_screen_put(area->y, area->x, lw, title, p->focus ? UI_ROLE_HEADER : UI_ROLE_HEADER_FOCUS,
                  TEXTW_LEFT);
    free(title);
    ui_screen_vline(area->y, area->x + lw, area->h, UI_ROLE_NORMAL);
    ui_screen_put(area->y, dx - 1, area->x + area->w - dx + 1, msg(p->detail_title),
                  p->focus ? UI_ROLE_HEADER_FOCUS : UI_ROLE_HEADER, TEXTW_LEFT);
    ui_list_draw(p->list, &p->list_rect, !p->focus);
    panes_update_detail(p, app, p->detail_rect.w);
    ui_detail_draw(&p->detail, &p->detail_rect);
}

int
ui_panes_action(struct ui_panes *p, struct ui_app *app, int action)
{
    switch (action) {
    case UI_ACT_NEXT_PANE:
    case UI_ACT_PREV_PANE:
        p->focus = !p->focus;
        return 1;
    case UI_ACT_RIGHT:
    case UI_ACT_OPEN:
        p->focus = p->list->count > 0;
        return 1;
    case UI_ACT_LEFT:
        p->focus = 0;
        return 1;
    case UI_ACT_BACK:
        if (p->focus) {
            p->focus = 0;
            return 1;
        }
        if (p->list->filter) {
            ui_panes_search(p, app, "");
            return 1;
        }
        return 0;
    default:
        break;
    }
    if (p->focus)
        return ui_detail_action(&p->detail, action, &p->detail_rect);
    return ui_list_action(p->list, action);
}

void
ui_panes_search(struct ui_panes *p, struct ui_app *app, const char *text)
{
    char count[32];
    char *m;

    ui_list_set_filter(p->list, text);
    p->focus = 0;
    if (p->list->filter == NULL) {
        ui_app_status(app, UI_ROLE_NORMAL, msg("search.cleared"));
        return;
    }
    snprintf(count, sizeof count, "%ld", p->list->count);
    m = msg_format(p->list->count ? "search.found" : "search.none", text, count, NULL);
    ui_app_status(app, p->list->count ? UI_ROLE_OK : UI_ROLE_WARNING, m);
    free(m);
}

/* 1 when x, y falls inside r. */
static int
panes_inside(const struct ui_rect *r, int x, int y)
{
    return x >= r->x && x < r->x + r->w && y >= r->y - 1 && y < r->y + r->h;
}

int
ui_panes_mouse(struct ui_panes *p, const struct keys_event *ev)
{
    int wheel = ev->key == KEYS_WHEEL_UP     ? -PANES_WHEEL_STEP
                : ev->key == KEYS_WHEEL_DOWN ? PANES_WHEEL_STEP
                                             : 0;
    int i;

    if (panes_inside(&p->list_rect, ev->x, ev->y)) {
        if (wheel) {
            ui_list_move(p->list, wheel);
        } else {
            p->focus = 0;
            ui_list_click(p->list, &p->list_rect, ev->y);
        }
        return 1;
    }
    if (panes_inside(&p->detail_rect, ev->x, ev->y)) {
        for (i = 0; i < abs(wheel); i++)
            ui_detail_action(&p->detail, wheel < 0 ? UI_ACT_UP : UI_ACT_DOWN, &p->detail_rect);
        if (!wheel)
            p->focus = p->list->count > 0;
        return 1;
    }
    return 0;
}

void
ui_panes_refresh(struct ui_panes *p)
{
    ui_list_reload(p->list);
    ui_panes_invalidate(p);
}

void
ui_panes_section_draw(void *state, struct ui_app *app, const struct ui_rect *area)
{
    ui_panes_draw(state, app, area);
}

int
ui_panes_section_action(void *state, struct ui_app *app, int action)
{
    return ui_panes_action(state, app, action);
}

void
ui_panes_section_search(void *state, struct ui_app *app, const char *text)
{
    ui_panes_search(state, app, text);
}

const char *
ui_panes_section_filter(void *state)
{
    return ((struct ui_panes *)state)->list->filter;
}

int
ui_panes_section_mouse(void *state, struct ui_app *app, const struct keys_event *ev)
{
    (void)app;
    return ui_panes_mouse(state, ev);
}

void
ui_panes_section_refresh(void *state, struct ui_app *app)
{
    (void)app;
    ui_panes_refresh(state);
}

char *
ui_panes_section_position(void *state)
{
    return ui_list_position(((struct ui_panes *)state)->list);
}
