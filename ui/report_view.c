/*
 * report_view.c — a report's rows in a list, the selected row's cells in
 * the detail pane. The report is in memory already; the list still asks
 * for the rows it draws only, and a filter keeps the indexes of the
 * matching rows.
 */
#include "ui/report_view.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "src/msg.h"
#include "src/xmalloc.h"
#include "ui/app.h"
#include "ui/keymap.h"
#include "ui/panes.h"

#define VIEW_COLS 4 /* report columns shown in the list */

struct ui_report_view {
    struct ui_panes panes;
    struct report *r;
    struct ui_column cols[VIEW_COLS];
    int ncols;
    size_t first;  /* the report column shown first (a 序号 column is skipped) */
    size_t *match; /* rows matching the filter (NULL when unfiltered) */
    size_t nmatch;
};

/* Rows matching filter into v->match. */
static void
view_filter(struct ui_report_view *v, const char *filter)
{
    size_t i, c;

    free(v->match);
    v->match = NULL;
    v->nmatch = 0;
    if (filter == NULL)
        return;
    v->match = xcalloc(v->r->nrows ? v->r->nrows : 1, sizeof *v->match);
    for (i = 0; i < v->r->nrows; i++) {
        for (c = 0; c < v->r->ncols; c++) {
            if (strstr(report_cell(v->r, i, c), filter)) {
                v->match[v->nmatch++] = i;
                break;
            }
        }
    }
}

static long
view_count(void *ctx, const char *filter)
{
    struct ui_report_view *v = ctx;

    view_filter(v, filter);
    return filter ? (long)v->nmatch : (long)v->r->nrows;
}

static int
view_fetch(void *ctx, const char *filter, long offset, int n, struct ui_row *rows,
           const struct ui_list_hint *hint)
{
    struct ui_report_view *v = ctx;
    long total = filter ? (long)v->nmatch : (long)v->r->nrows;
    int got, c;

    (void)hint;
    for (got = 0; got < n && offset + got < total; got++) {
        size_t row = filter ? v->match[offset + got] : (size_t)(offset + got);

        snprintf(rows[got].id, sizeof rows[got].id, "%zu", row);
        for (c = 0; c < v->ncols; c++)
            rows[got].cell[c] = xstrdup(report_cell(v->r, row, v->first + (size_t)c));
        rows[got].rec = (void *)(row + 1); /* the row's index, not a pointer */
    }
    return got;
}

static const struct ui_list_source view_source = {view_count, view_fetch, NULL};

static void
view_describe(void *ctx, struct ui_app *app, const struct ui_row *row, struct ui_detail *d,
              int width)
{
    struct ui_report_view *v = ctx;
    size_t i, c;

    (void)app;
    (void)width;
    if (row == NULL) {
        ui_detail_add(d, UI_ROLE_NORMAL, msg("drill.empty"));
        return;
    }
    i = (size_t)row->rec - 1;
    for (c = 0; c < v->r->ncols; c++) {
        if (v->r->cols[c].kind == REPORT_LONG) {
            ui_detail_add(d, UI_ROLE_LABEL, v->r->cols[c].title);
            ui_detail_add(d, UI_ROLE_NORMAL,
                          *report_cell(v->r, i, c) ? report_cell(v->r, i, c) : msg("detail.none"));
        } else {
            ui_detail_field(d, v->r->cols[c].title, report_cell(v->r, i, c));
        }
    }
}

struct ui_report_view *
ui_report_view_new(struct report *r)
{
    struct ui_report_view *v = xcalloc(1, sizeof *v);
    size_t first = r->ncols > 1 && r->cols[0].kind == REPORT_INT; /* skip a 序号 column */
    struct ui_list *l;
    int c;

    v->r = r;
    v->first = first;
    for (c = 0; c < VIEW_COLS && first + (size_t)c < r->ncols; c++) {
        const struct report_col *rc = &r->cols[first + (size_t)c];
        int num = rc->kind == REPORT_INT || rc->kind == REPORT_DEC;

        /* headings are the report's own (Chinese) texts: not catalogue keys,
         * msg() gives them back unchanged */
        v->cols[c].title = rc->title;
        v->cols[c].min = c == 0 ? 12 : num ? 6 : 8;
        v->cols[c].weight = c == 0 ? 2 : num ? 0 : 1;
        v->cols[c].align = num ? TEXTW_RIGHT : TEXTW_LEFT;
    }
    v->ncols = c;
    l = ui_list_new(&view_source, v, v->cols, v->ncols);
    l->empty = MSG_KEY("drill.empty");
    ui_panes_init(&v->panes, l, 60, MSG_KEY("reports.rows"), MSG_KEY("pane.detail"), view_describe,
                  v);
    return v;
}

void
ui_report_view_free(struct ui_report_view *v)
{
    if (v == NULL)
        return;
    ui_panes_free(&v->panes);
    report_free(v->r);
    free(v->match);
    free(v);
}

const struct report *
ui_report_view_report(const struct ui_report_view *v)
{
    return v->r;
}

void
ui_report_view_draw(struct ui_report_view *v, struct ui_app *app, const struct ui_rect *area)
{
    struct ui_rect rest = {area->y + 1, area->x, area->h - 1, area->w};
    char *heading = report_heading(v->r), *line;
    char *exp = ui_keymap_keys_text(UI_ACT_EXPORT), *back = ui_keymap_keys_text(UI_ACT_BACK);

    line = msg_format("reports.view_heading", heading, exp, back, NULL);
    free(exp);
    free(back);
    ui_screen_put(area->y, area->x, area->w, line, UI_ROLE_TITLE, TEXTW_LEFT);
    free(line);
    free(heading);
    ui_panes_draw(&v->panes, app, &rest);
}

int
ui_report_view_action(struct ui_report_view *v, struct ui_app *app, int action)
{
    return ui_panes_action(&v->panes, app, action);
}

void
ui_report_view_search(struct ui_report_view *v, struct ui_app *app, const char *text)
{
    ui_panes_search(&v->panes, app, text);
}

const char *
ui_report_view_filter(struct ui_report_view *v)
{
    return v->panes.list->filter;
}

int
ui_report_view_mouse(struct ui_report_view *v, const struct keys_event *ev)
{
    return ui_panes_mouse(&v->panes, ev);
}

char *
ui_report_view_position(struct ui_report_view *v)
{
    return ui_list_position(v->panes.list);
}
