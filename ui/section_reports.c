/*
 * section_reports.c — 报表: the built-in reports of src/reports.h. Enter on
 * one asks for the date, the period and where the report goes (the
 * screen, an Excel, CSV or text file) and runs it; a report on screen can
 * be searched, read row by row, exported (x / F6), and Esc goes back to
 * the list.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "src/msg.h"
#include "src/date.h"
#include "src/report_out.h"
#include "src/reports.h"
#include "src/xmalloc.h"
#include "ui/app.h"
#include "ui/keymap.h"
#include "ui/panes.h"
#include "ui/report_view.h"
#include "ui/section.h"

struct reports {
    struct ui_panes panes; /* first: the ui_panes_section_* entries need it */
    struct ui_report_view *view;
    size_t chosen; /* the report the open form runs */
};

/* The catalogue keys naming each built-in report on screen. */
static const struct {
    const char *name, *title, *about;
} reports_keys[] = {
    {"monthly", MSG_KEY("report.monthly"), MSG_KEY("report.monthly.about")},
    {"unit", MSG_KEY("report.unit"), MSG_KEY("report.unit.about")},
    {"ledger", MSG_KEY("report.ledger"), MSG_KEY("report.ledger.about")},
    {"targets", MSG_KEY("report.targets"), MSG_KEY("report.targets.about")},
    {"pilot", MSG_KEY("report.pilot"), MSG_KEY("report.pilot.about")},
};

/* Form fields of the run and export forms. */
enum { RUN_AS_OF, RUN_PERIOD, RUN_OUTPUT, RUN_FILE };
enum { EXPORT_FORMAT, EXPORT_FILE };

static const char *const reports_outputs[] = {
    MSG_KEY("reports.out.screen"), MSG_KEY("reports.out.xlsx"), MSG_KEY("reports.out.csv"),
    MSG_KEY("reports.out.text")};

static const struct ui_column reports_cols[] = {
    {MSG_KEY("reports.col.name"), 16, 1, TEXTW_LEFT},
    {MSG_KEY("reports.col.cli"), 8, 0, TEXTW_LEFT},
};

/* The catalogue key of field (title or about) of report i; NULL if none. */
static const char *
reports_key(size_t i, int about)
{
    size_t k;

    for (k = 0; k < sizeof reports_keys / sizeof reports_keys[0]; k++) {
        if (strcmp(reports_keys[k].name, reports_at(i)->name) == 0)
            return about ? reports_keys[k].about : reports_keys[k].title;
    }
    return NULL;
}

/* What report i is called on screen. */
static const char *
reports_title(size_t i)
{
    const char *k = reports_key(i, 0);

    return k ? msg(k) : reports_at(i)->title;
}

static int
reports_match(size_t i, const char *filter)
{
    const char *about = reports_key(i, 1);

    return filter == NULL || strstr(reports_title(i), filter) ||
           strstr(reports_at(i)->name, filter) || (about && strstr(msg(about), filter));
}

static long
reports_list_count(void *ctx, const char *filter)
{
    long n = 0;
    size_t i;

    (void)ctx;
    for (i = 0; i < reports_count(); i++)
        n += reports_match(i, filter);
    return n;
}

static int
reports_list_fetch(void *ctx, const char *filter, long offset, int n, struct ui_row *rows,
                   const struct ui_list_hint *hint)
{
    long seen = 0;
    int got = 0;
    size_t i;

    (void)ctx;
    (void)hint;
    for (i = 0; i < reports_count() && got < n; i++) {
        if (!reports_match(i, filter) || seen++ < offset)
            continue;
        snprintf(rows[got].id, sizeof rows[got].id, "%s", reports_at(i)->name);
        rows[got].cell[0] = xstrdup(reports_title(i));
        rows[got].cell[1] = xstrdup(reports_at(i)->name);
        rows[got].rec = (void *)(i + 1); /* the index, not a pointer */
        got++;
    }
    return got;
}

static const struct ui_list_source reports_source = {reports_list_count, reports_list_fetch, NULL};

static void
reports_describe(void *ctx, struct ui_app *app, const struct ui_row *row, struct ui_detail *d,
                 int width)
{
    size_t i = row ? (size_t)row->rec - 1 : 0;
    const char *about;
    char *cmd;

    (void)ctx;
    (void)app;
    (void)width;
    if (row == NULL)
        return;
    about = reports_key(i, 1);
    ui_detail_add(d, UI_ROLE_HEADER, reports_title(i));
    ui_detail_add(d, UI_ROLE_NORMAL, about ? msg(about) : reports_at(i)->help);
    ui_detail_blank(d);
    ui_detail_add(d, UI_ROLE_NORMAL, msg("reports.how"));
    ui_detail_blank(d);
    cmd = xasprintf("tuwei report %s --as-of %s --format xlsx -o %s.xlsx", reports_at(i)->name,
                    ui_app_today(app), reports_at(i)->name);
    ui_detail_field(d, msg("reports.f.cli"), cmd);
    free(cmd);
}

/* The file name offered for report i as of date in format f. */
static char *
reports_default_file(const char *title, const char *date, enum report_format f)
{
    return xasprintf("%s_%s.%s", title, date, report_format_ext(f));
}

/* Writes r to file in format f and says how it went. */
static void
reports_save(struct ui_app *app, const struct report *r, enum report_format f, const char *file)
{
    struct err e = {0};
    char rows[32], *m;

    if (report_save(r, f, file, &e) != ERR_OK) {
        ui_app_push(app, ui_dialog_message(msg("reports.export_failed"), e.msg), NULL, NULL);
        return;
    }
    snprintf(rows, sizeof rows, "%zu", r->nrows);
    m = msg_format("reports.exported", file, rows, NULL);
    ui_app_status(app, UI_ROLE_OK, m);
    free(m);
}

static void
reports_run_done(struct ui_app *app, struct ui_dialog *d, void *arg, int result)
{
    struct reports *s = arg;
    struct report *r = NULL;
    struct sumopts o;
    struct err e = {0};
    int out;

    if (result != 1)
        return;
    out = (int)d->form->fields[RUN_OUTPUT].choice;
    ui_progress_draw(msg("reports.running"), 0, 1); /* a big ledger takes a moment */
    if (sumopts_init(&o, ui_app_config(app), ui_form_value(d->form, RUN_AS_OF),
                     ui_form_value(d->form, RUN_PERIOD), &e) != ERR_OK ||
        reports_run(ui_app_db(app), reports_at(s->chosen)->name, &o, &r, &e) != ERR_OK) {
        ui_app_push(app, ui_dialog_message(msg("reports.failed"), e.msg), NULL, NULL);
        return;
    }
    if (out == 0) {
        ui_report_view_free(s->view);
        s->view = ui_report_view_new(r);
        return;
    }
    reports_save(app, r,
                 (enum report_format)(out == 1   ? REPORT_FMT_XLSX
                                      : out == 2 ? REPORT_FMT_CSV
                                                 : REPORT_FMT_TEXT),
                 ui_form_value(d->form, RUN_FILE));
    report_free(r);
}

/* The period field's check: empty or YYYY-MM. */
static int
reports_check_period(const char *value, void *arg, char *m, size_t size)
{
    (void)arg;
    if (*value == '\0' || date_ym(value, NULL, NULL))
        return 0;
    snprintf(m, size, "%s", msg("reports.err.period"));
    return 1;
}

/* The file field's check: a name is needed unless the report goes to the screen. */
static int
reports_check_file(const char *value, void *arg, char *m, size_t size)
{
    const struct ui_form *f = arg;

    if (*value || f->fields[RUN_OUTPUT].choice == 0)
        return 0;
    snprintf(m, size, "%s", msg("reports.err.file"));
    return 1;
}

/* Opens the form that runs report i. */
static void
reports_ask_run(struct reports *s, struct ui_app *app, size_t i)
{
    char *title = msg_format("reports.run_title", reports_title(i), NULL);
    struct ui_form *f = ui_form_new(title);
    const char *outs[4];
    char month[8], *file;
    size_t k;

    free(title);
    s->chosen = i;
    snprintf(month, sizeof month, "%.7s", ui_app_today(app));
    for (k = 0; k < 4; k++)
        outs[k] = msg(reports_outputs[k]);
    ui_form_add(f, msg("reports.f.as_of"), UI_FIELD_DATE, 1);
    ui_form_set(f, RUN_AS_OF, ui_app_today(app));
    ui_form_add(f, msg("reports.f.period"), UI_FIELD_TEXT, 0);
    ui_form_set(f, RUN_PERIOD, month);
    ui_form_set_check(f, RUN_PERIOD, reports_check_period, NULL);
    ui_form_add(f, msg("reports.f.output"), UI_FIELD_CHOICE, 1);
    ui_form_set_choices(f, RUN_OUTPUT, outs, 4);
    ui_form_add(f, msg("reports.f.file"), UI_FIELD_TEXT, 0);
    file = reports_default_file(reports_at(i)->title, ui_app_today(app), REPORT_FMT_XLSX);
    ui_form_set(f, RUN_FILE, file);
    free(file);
    ui_form_set_check(f, RUN_FILE, reports_check_file, f);
    ui_app_push(app, ui_dialog_form(f), reports_run_done, s);
}

static void
reports_export_done(struct ui_app *app, struct ui_dialog *d, void *arg, int result)
{
    struct reports *s = arg;
    size_t k = d->form->fields[EXPORT_FORMAT].choice;

    if (result != 1 || s->view == NULL)
        return;
    reports_save(app, ui_report_view_report(s->view),
                 k == 0   ? REPORT_FMT_XLSX
                 : k == 1 ? REPORT_FMT_CSV
                          : REPORT_FMT_TEXT,
                 ui_form_value(d->form, EXPORT_FILE));
}

/* Opens the form that writes the report on screen to a file. */
static void
reports_ask_export(struct reports *s, struct ui_app *app)
{
    const struct report *r = ui_report_view_report(s->view);
    struct ui_form *f = ui_form_new(msg("reports.export_title"));
    const char *fmts[3];
    char *file;
    size_t k;

    for (k = 0; k < 3; k++)
        fmts[k] = msg(reports_outputs[k + 1]);
    ui_form_add(f, msg("reports.f.format"), UI_FIELD_CHOICE, 1);
    ui_form_set_choices(f, EXPORT_FORMAT, fmts, 3);
    ui_form_add(f, msg("reports.f.file"), UI_FIELD_TEXT, 1);
    file = reports_default_file(r->title, r->as_of, REPORT_FMT_XLSX);
    ui_form_set(f, EXPORT_FILE, file);
    free(file);
    ui_app_push(app, ui_dialog_form(f), reports_export_done, s);
}

static void
reports_draw(void *state, struct ui_app *app, const struct ui_rect *area)
{
    struct reports *s = state;

    if (s->view)
        ui_report_view_draw(s->view, app, area);
    else
        ui_panes_draw(&s->panes, app, area);
}

static int
reports_action(void *state, struct ui_app *app, int action)
{
    struct reports *s = state;
    const struct ui_row *row;

    if (s->view) {
        if (action == UI_ACT_EXPORT) {
            reports_ask_export(s, app);
            return 1;
        }
        if (ui_report_view_action(s->view, app, action))
            return 1;
        if (action != UI_ACT_BACK)
            return 0;
        ui_report_view_free(s->view);
        s->view = NULL;
        return 1;
    }
    if (action == UI_ACT_OPEN || action == UI_ACT_EXPORT) {
        if ((row = ui_list_selected(s->panes.list)) != NULL)
            reports_ask_run(s, app, (size_t)row->rec - 1);
        return 1;
    }
    return ui_panes_action(&s->panes, app, action);
}

static void
reports_search(void *state, struct ui_app *app, const char *text)
{
    struct reports *s = state;

    if (s->view)
        ui_report_view_search(s->view, app, text);
    else
        ui_panes_search(&s->panes, app, text);
}

static const char *
reports_filter(void *state)
{
    struct reports *s = state;

    return s->view ? ui_report_view_filter(s->view) : s->panes.list->filter;
}

static int
reports_mouse(void *state, struct ui_app *app, const struct keys_event *ev)
{
    struct reports *s = state;

    (void)app;
    return s->view ? ui_report_view_mouse(s->view, ev) : ui_panes_mouse(&s->panes, ev);
}

static char *
reports_position(void *state)
{
    struct reports *s = state;

    return s->view ? ui_report_view_position(s->view) : ui_list_position(s->panes.list);
}

static void *
reports_enter(struct ui_app *app)
{
    struct reports *s = xcalloc(1, sizeof *s);

    (void)app;
    ui_panes_init(&s->panes, ui_list_new(&reports_source, s, reports_cols, 2), 40,
                  MSG_KEY("reports.list"), MSG_KEY("pane.detail"), reports_describe, s);
    return s;
}

static void
reports_leave(void *state)
{
    struct reports *s = state;

    ui_report_view_free(s->view);
    ui_panes_free(&s->panes);
    free(s);
}

const struct ui_section ui_section_reports = {
    MSG_KEY("section.reports"),
    MSG_KEY("help.reports"),
    reports_enter,
    reports_leave,
    reports_draw,
    reports_action,
    reports_search,
    reports_filter,
    reports_mouse,
    ui_panes_section_refresh,
    reports_position,
    NULL, /* settle */
};
