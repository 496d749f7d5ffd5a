/*
 * pilot_board.c — the stage board: each stage with its projects, those
 * lacking items and those near or past their run limit; the detail lists
 * the projects at the selected stage and what holds each.
 */
#include "ui/pilot_board.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "src/date.h"
#include "src/msg.h"
#include "src/xmalloc.h"
#include "ui/app.h"

#define BOARD_SHOWN 40 /* projects listed under a stage in the detail */

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
board_read(struct ui_pilot_board *s, size_t *n)
{
    if (!s->valid) {
        db_pilot_board_free(s->rows, s->nrows);
        s->rows = NULL;
        s->nrows = 0;
        pilot_board(ui_app_db(s->app), s->rules, ui_app_today(s->app), &s->rows, &s->nrows, NULL);
        s->valid = 1;
    }
    *n = s->nrows;
    return s->rows;
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
        memcpy(rows[got].id, r->stage_id, sizeof rows[got].id);
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

char *
ui_pilot_hold_text(struct ui_app *app, const struct db_pilot_row *row, int flags)
{
    char days[24], *missing = NULL, *run = NULL, *held = NULL, *m;

    if (flags & (PILOT_NEAR | PILOT_PAST)) {
        snprintf(days, sizeof days, "%ld", labs(date_diff(ui_app_today(app), row->deadline)));
        run = msg_format(flags & PILOT_PAST ? "pilot.flag.past" : "pilot.flag.near", row->deadline,
                         days, NULL);
    }
    if ((flags & PILOT_HELD) &&
        db_pilot_missing(ui_app_db(app), row->id, &missing, NULL) == ERR_OK && missing)
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

enum ui_role
ui_pilot_flag_role(int flags)
{
    if (flags & PILOT_PAST)
        return UI_ROLE_OVERDUE;
    if (flags & (PILOT_NEAR | PILOT_HELD))
        return UI_ROLE_WARNING;
    return UI_ROLE_NORMAL;
}

/* The totals of the board, as one sentence. */
static void
board_summary(struct ui_pilot_board *s, struct ui_detail *d)
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
    struct ui_pilot_board *s = ctx;
    const struct db_pilot_board *b = row ? row->rec : NULL;
    struct pilot_filter f = {NULL, NULL, 0, 0};
    struct db_pilot_row rows[BOARD_SHOWN];
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
    pilot_page(ui_app_db(s->app), s->rules, ui_app_today(s->app), &f, 0, BOARD_SHOWN, rows, &got,
               NULL);
    if (got == 0)
        ui_detail_add(d, UI_ROLE_LABEL, msg("pilot.board.none_here"));
    if (b->total > got) {
        m = msg_format("pilot.board.more", total, NULL);
        ui_detail_add(d, UI_ROLE_LABEL, m);
        free(m);
    }
    for (i = 0; i < got; i++) {
        flags = pilot_row_flags(s->rules, ui_app_today(s->app), &rows[i]);
        ui_detail_add(d, UI_ROLE_NORMAL, rows[i].name);
        why = ui_pilot_hold_text(s->app, &rows[i], flags);
        m = xasprintf("  %s", why);
        ui_detail_add(d, ui_pilot_flag_role(flags), m);
        free(m);
        free(why);
        db_pilot_row_free(&rows[i]);
    }
}

void
ui_pilot_board_init(struct ui_pilot_board *b, struct ui_app *app, const struct pilot_rules *rules)
{
    struct ui_list *l;

    memset(b, 0, sizeof *b);
    b->app = app;
    b->rules = rules;
    l = ui_list_new(&board_source, b, board_cols, 5);
    ui_panes_init(&b->panes, l, 50, MSG_KEY("pilot.board.list"), MSG_KEY("pane.detail"),
                  board_describe, b);
}

void
ui_pilot_board_free(struct ui_pilot_board *b)
{
    ui_panes_free(&b->panes);
    db_pilot_board_free(b->rows, b->nrows);
    b->rows = NULL;
    b->nrows = 0;
}

void
ui_pilot_board_reload(struct ui_pilot_board *b)
{
    b->valid = 0;
    ui_panes_refresh(&b->panes);
}
