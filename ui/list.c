/*
 * list.c — the virtual list: a window of rows fetched on demand.
 */
#include "ui/list.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "src/msg.h"
#include "src/xmalloc.h"
#include "ui/keymap.h"

/* Frees one row's strings and record. */
static void
list_row_clear(struct ui_list *l, struct ui_row *r)
{
    int i;

    for (i = 0; i < UI_ROW_CELLS; i++)
        free(r->cell[i]);
    if (r->rec && l->src->free_rec)
        l->src->free_rec(r->rec);
    memset(r, 0, sizeof *r);
}

/* Drops the window. */
static void
list_drop(struct ui_list *l)
{
    int i;

    for (i = 0; i < l->nwin; i++)
        list_row_clear(l, &l->win[i]);
    free(l->win);
    l->win = NULL;
    l->nwin = 0;
    l->win_off = 0;
}

struct ui_list *
ui_list_new(const struct ui_list_source *src, void *ctx, const struct ui_column *cols, int ncols)
{
    struct ui_list *l = xcalloc(1, sizeof *l);

    l->src = src;
    l->ctx = ctx;
    l->cols = cols;
    l->ncols = ncols;
    l->height = 1;
    l->empty = MSG_KEY("list.empty");
    ui_list_reload(l);
    return l;
}

void
ui_list_free(struct ui_list *l)
{
    if (l == NULL)
        return;
    list_drop(l);
    free(l->filter);
    free(l);
}

/* Keeps sel in range and visible, and top in range. */
static void
list_clamp(struct ui_list *l)
{
    long maxtop;

    if (l->count <= 0) {
        l->sel = -1;
        l->top = 0;
        return;
    }
    if (l->sel < 0)
        l->sel = 0;
    if (l->sel >= l->count)
        l->sel = l->count - 1;
    if (l->sel < l->top)
        l->top = l->sel;
    if (l->sel >= l->top + l->height)
        l->top = l->sel - l->height + 1;
    maxtop = l->count > l->height ? l->count - l->height : 0;
    if (l->top > maxtop)
        l->top = maxtop;
    if (l->top < 0)
        l->top = 0;
}

void
ui_list_reload(struct ui_list *l)
{
    list_drop(l);
    l->count = l->src->count(l->ctx, l->filter);
    if (l->count < 0)
        l->count = 0;
    list_clamp(l);
}

void
ui_list_set_filter(struct ui_list *l, const char *text)
{
    free(l->filter);
    l->filter = text && *text ? xstrdup(text) : NULL;
    l->sel = 0;
    l->top = 0;
    ui_list_reload(l);
}

void
ui_list_set_height(struct ui_list *l, int h)
{
    l->height = h > 0 ? h : 1;
    list_clamp(l);
}

void
ui_list_move(struct ui_list *l, long delta)
{
    ui_list_select(l, l->sel + delta);
}

void
ui_list_select(struct ui_list *l, long row)
{
    l->sel = row;
    list_clamp(l);
}

int
ui_list_action(struct ui_list *l, int action)
{
    long page = l->height > 1 ? l->height - 1 : 1;

    switch (action) {
    case UI_ACT_UP:
        ui_list_move(l, -1);
        break;
    case UI_ACT_DOWN:
        ui_list_move(l, 1);
        break;
    case UI_ACT_PGUP:
        ui_list_move(l, -page);
        break;
    case UI_ACT_PGDN:
        ui_list_move(l, page);
        break;
    case UI_ACT_HOME:
        ui_list_select(l, 0);
        break;
    case UI_ACT_END:
        ui_list_select(l, l->count - 1);
        break;
    default:
        return 0;
    }
    return 1;
}

/* Fetches rows [off, off + n) into dst, telling the source the rows
 * next to them when the window holds them. */
static void
list_fetch(struct ui_list *l, long off, int n, struct ui_row *dst, const struct ui_row *before,
           const struct ui_row *after)
{
    struct ui_list_hint hint = {before, after, l->count};

    if (n <= 0)
        return;
    l->src->fetch(l->ctx, l->filter, off, n, dst, &hint);
    l->fetched += n;
}

/* Makes the window hold rows top .. top + height (those that exist),
 * keeping the rows it already has and fetching only the others. */
static void
list_window(struct ui_list *l)
{
    long want = l->top, end = l->top + l->height, lo, hi, i;
    struct ui_row *nw;
    int n;

    if (end > l->count)
        end = l->count;
    n = (int)(end - want);
    if (n <= 0 || (l->win_off == want && l->nwin == n))
        return;
    nw = xcalloc((size_t)n, sizeof *nw);
    lo = want > l->win_off ? want : l->win_off;
    hi = end < l->win_off + l->nwin ? end : l->win_off + l->nwin;
    for (i = 0; i < l->nwin; i++) {
        if (l->win_off + i >= lo && l->win_off + i < hi)
            nw[l->win_off + i - want] = l->win[i];
        else
            list_row_clear(l, &l->win[i]);
    }
    free(l->win);
    if (lo >= hi) {
        list_fetch(l, want, n, nw, NULL, NULL);
    } else {
        list_fetch(l, want, (int)(lo - want), nw, NULL, &nw[lo - want]);
        list_fetch(l, hi, (int)(end - hi), nw + (hi - want), &nw[hi - want - 1], NULL);
    }
    l->win = nw;
    l->win_off = want;
    l->nwin = n;
}

const struct ui_row *
ui_list_selected(struct ui_list *l)
{
    if (l->sel < 0 || l->count == 0)
        return NULL;
    list_clamp(l);
    list_window(l);
    if (l->sel < l->win_off || l->sel >= l->win_off + l->nwin)
        return NULL;
    return &l->win[l->sel - l->win_off];
}

/* The row's cells as the table expects them. */
static char *
list_line(const struct ui_list *l, const struct ui_row *r, const int *widths)
{
    const char *cells[UI_ROW_CELLS] = {0};
    int i;

    for (i = 0; i < l->ncols && i < UI_ROW_CELLS; i++)
        cells[i] = r->cell[i];
    return ui_table_line(l->cols, l->ncols, widths, cells);
}

/* The role of row i when drawn. */
static enum ui_role
list_role(const struct ui_list *l, long i, const struct ui_row *r, int focused)
{
    if (i == l->sel)
        return focused ? UI_ROLE_SELECTION : UI_ROLE_SELECTION_DIM;
    return r->role;
}

void
ui_list_draw(struct ui_list *l, const struct ui_rect *r, int focused)
{
    int widths[UI_ROW_CELLS], i;
    char *line;

    if (r->h < 1 || r->w < 1)
        return;
    ui_table_layout(l->cols, l->ncols, r->w, widths);
    line = ui_table_header(l->cols, l->ncols, widths);
    ui_screen_put(r->y, r->x, r->w, line, UI_ROLE_HEADER, TEXTW_LEFT);
    free(line);
    ui_list_set_height(l, r->h - 1);
    if (l->count == 0) {
        ui_screen_put(r->y + 1, r->x, r->w, msg(l->filter ? "list.no_match" : l->empty),
                      UI_ROLE_WARNING, TEXTW_LEFT);
        return;
    }
    list_window(l);
    for (i = 0; i < l->nwin; i++) {
        line = list_line(l, &l->win[i], widths);
        ui_screen_put(r->y + 1 + i, r->x, r->w, line,
                      list_role(l, l->win_off + i, &l->win[i], focused), TEXTW_LEFT);
        free(line);
    }
}

int
ui_list_click(struct ui_list *l, const struct ui_rect *r, int y)
{
    long row = l->top + (y - r->y - 1);

    if (y <= r->y || y >= r->y + r->h || row >= l->count)
        return 0;
    ui_list_select(l, row);
    return 1;
}

char *
ui_list_position(const struct ui_list *l)
{
    char buf[64];

    snprintf(buf, sizeof buf, "%ld/%ld", l->count > 0 ? l->sel + 1 : 0, l->count);
    return xstrdup(buf);
}
