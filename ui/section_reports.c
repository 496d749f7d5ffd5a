/*
 * section_reports.c — 报表: the reports the program will produce. None is
 * written yet; the list says what each will hold and the screen says
 * plainly that it is still to come.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "src/msg.h"
#include "src/xmalloc.h"
#include "ui/app.h"
#include "ui/panes.h"
#include "ui/section.h"

struct reports {
    struct ui_panes panes; /* first: the ui_panes_section_* entries need it */
};

/* Each report: its name and what it will hold (catalogue keys). */
static const char *const reports_list[][2] = {
    {MSG_KEY("report.targets"), MSG_KEY("report.targets.about")},
    {MSG_KEY("report.tasks"), MSG_KEY("report.tasks.about")},
    {MSG_KEY("report.behind"), MSG_KEY("report.behind.about")},
    {MSG_KEY("report.tiers"), MSG_KEY("report.tiers.about")},
    {MSG_KEY("report.pilot"), MSG_KEY("report.pilot.about")},
    {MSG_KEY("report.monthly"), MSG_KEY("report.monthly.about")},
};

#define REPORTS_N (sizeof reports_list / sizeof reports_list[0])

static const struct ui_column reports_cols[] = {
    {MSG_KEY("reports.col.name"), 16, 1, TEXTW_LEFT},
    {MSG_KEY("reports.col.state"), 6, 0, TEXTW_LEFT},
};

/* 1 when report i matches filter. */
static int
reports_match(size_t i, const char *filter)
{
    return filter == NULL || strstr(msg(reports_list[i][0]), filter) ||
           strstr(msg(reports_list[i][1]), filter);
}

static long
reports_count(void *ctx, const char *filter)
{
    long n = 0;
    size_t i;

    (void)ctx;
    for (i = 0; i < REPORTS_N; i++)
        n += reports_match(i, filter);
    return n;
}

static int
reports_fetch(void *ctx, const char *filter, long offset, int n, struct ui_row *rows,
              const struct ui_list_hint *hint)
{
    long seen = 0;
    int got = 0;
    size_t i;

    (void)hint;
    (void)ctx;
    for (i = 0; i < REPORTS_N && got < n; i++) {
        if (!reports_match(i, filter) || seen++ < offset)
            continue;
        snprintf(rows[got].id, sizeof rows[got].id, "report%zu", i);
        rows[got].cell[0] = xstrdup(msg(reports_list[i][0]));
        rows[got].cell[1] = xstrdup(msg("reports.todo"));
        rows[got].rec = (void *)(size_t)(i + 1); /* the index, not a pointer */
        got++;
    }
    return got;
}

static const struct ui_list_source reports_source = {reports_count, reports_fetch, NULL};

static void
reports_describe(void *ctx, struct ui_app *app, const struct ui_row *row, struct ui_detail *d,
                 int width)
{
    size_t i = row ? (size_t)row->rec - 1 : 0;

    (void)ctx;
    (void)app;
    (void)width;
    if (row) {
        ui_detail_add(d, UI_ROLE_HEADER, msg(reports_list[i][0]));
        ui_detail_add(d, UI_ROLE_NORMAL, msg(reports_list[i][1]));
        ui_detail_blank(d);
    }
    ui_detail_add(d, UI_ROLE_WARNING, msg("reports.not_yet"));
}

static void *
reports_enter(struct ui_app *app)
{
    struct reports *s = xcalloc(1, sizeof *s);

    (void)app;
    ui_panes_init(&s->panes, ui_list_new(&reports_source, s, reports_cols, 2), 45,
                  MSG_KEY("reports.list"), MSG_KEY("pane.detail"), reports_describe, s);
    return s;
}

static void
reports_leave(void *state)
{
    struct reports *s = state;

    ui_panes_free(&s->panes);
    free(s);
}

const struct ui_section ui_section_reports = {
    MSG_KEY("section.reports"),
    MSG_KEY("help.reports"),
    reports_enter,
    reports_leave,
    ui_panes_section_draw,
    ui_panes_section_action,
    ui_panes_section_search,
    ui_panes_section_filter,
    ui_panes_section_mouse,
    ui_panes_section_refresh,
    ui_panes_section_position,
};
