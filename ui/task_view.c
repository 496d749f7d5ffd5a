/*
 * task_view.c — what the detail pane says about an action, a unit or a
 * task. Only reads; the text comes from the catalogue.
 */
#include "ui/task_view.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/plan.h"
#include "src/date.h"
#include "src/msg.h"
#include "src/strbuf.h"
#include "src/task_history.h"
#include "src/task_rules.h"
#include "src/xmalloc.h"
#include "src/keys.h"
#include "ui/app.h"
#include "ui/keymap.h"

#define VIEW_REPORTS 12 /* latest reports shown; the menu reaches all */
#define VIEW_HISTORY 12 /* latest changes shown */

/* The first key of action, by name ("r", "Enter"), into buf. */
static const char *
view_key(int action, char *buf, size_t size)
{
    int key;

    if (ui_keymap_keys(action, &key, 1) != 1)
        return msg("keys.unbound");
    return keys_name(key, buf, size);
}

void
ui_task_view_hint(struct ui_detail *d, enum ui_role role, const char *key, int a, int b, int c,
                  int e)
{
    char k[4][16];
    char *text = msg_format(key, view_key(a, k[0], 16), b ? view_key(b, k[1], 16) : "",
                            c ? view_key(c, k[2], 16) : "", e ? view_key(e, k[3], 16) : "", NULL);

    ui_detail_add(d, role, text);
    free(text);
}

/* "label：n" as a field. */
static void
view_count(struct ui_detail *d, const char *label, long n)
{
    char buf[32];

    snprintf(buf, sizeof buf, "%ld", n);
    ui_detail_field(d, label, buf);
}

/* The action's plan record (units, text), or NULL; the caller frees with db_actions_free. */
static struct db_action *
view_find_action(struct ui_app *app, const char *id, struct db_action **all, size_t *n)
{
    struct db_plan p;
    size_t i;

    *all = NULL;
    *n = 0;
    if (db_plan_get(ui_app_db(app), 0, &p, NULL) != ERR_OK)
        return NULL;
    db_plan_actions(ui_app_db(app), p.id, all, n, NULL);
    db_plan_free(&p);
    for (i = 0; i < *n; i++) {
        if (strcmp((*all)[i].id, id) == 0)
            return &(*all)[i];
    }
    return NULL;
}

void
ui_task_view_action(struct ui_app *app, const struct db_task_tally *t,
                    const struct db_task_status *st, size_t nst, struct ui_detail *d)
{
    struct db_action *all, *a;
    struct strbuf units = STRBUF_INIT;
    size_t n, i;

    a = view_find_action(app, t->id, &all, &n);
    ui_detail_add(d, UI_ROLE_HEADER, a ? a->title : t->name);
    view_count(d, msg("actions.f.total"), t->total);
    for (i = 0; i < nst && i < DB_TASK_STATUS_MAX; i++)
        view_count(d, st[i].name, t->by_status[i]);
    view_count(d, msg("actions.f.overdue"), t->overdue);
    view_count(d, msg("actions.f.stale"), t->stale);
    for (i = 0; a && i < a->nunits; i++) {
        strbuf_puts(&units, i ? msg("list.sep") : "");
        strbuf_puts(&units, a->units[i].name);
    }
    ui_detail_field(d, msg("actions.f.units"), strbuf_str(&units));
    strbuf_free(&units);
    ui_detail_blank(d);
    ui_task_view_hint(d, UI_ROLE_LABEL, "actions.hint.open", UI_ACT_OPEN, UI_ACT_VIEW,
                      UI_ACT_SEARCH, UI_ACT_ADD);
    if (a && a->body) {
        ui_detail_blank(d);
        ui_detail_add(d, UI_ROLE_LABEL, msg("actions.f.body"));
        ui_detail_add(d, UI_ROLE_NORMAL, a->body);
    }
    db_actions_free(all, n);
}

void
ui_task_view_unit(const struct db_task_tally *t, struct ui_detail *d)
{
    ui_detail_add(d, UI_ROLE_HEADER, t->name);
    view_count(d, msg("units.f.lead"), t->lead);
    view_count(d, msg("units.f.co"), t->co);
    view_count(d, msg("units.f.done"), t->done);
    view_count(d, msg("actions.f.overdue"), t->overdue);
    view_count(d, msg("actions.f.stale"), t->stale);
    ui_detail_blank(d);
    ui_task_view_hint(d, UI_ROLE_LABEL, "units.hint.open", UI_ACT_OPEN, UI_ACT_VIEW, 0, 0);
}

/* The reminders: deleted, overdue, stale. */
static void
view_alerts(const struct db_task *t, const struct db_task_rules *r, struct ui_detail *d)
{
    char since[DB_TASK_DATE], days[16], *m;

    if (t->archived_at[0])
        ui_task_view_hint(d, UI_ROLE_WARNING, "task.archived.note", UI_ACT_MENU, 0, 0, 0);
    if (task_rules_overdue(t, r)) {
        m = t->due_date[0] && strcmp(t->due_date, r->today) < 0
                ? msg_format("task.alert.overdue", t->due_date, NULL)
                : msg_format("task.alert.milestone", t->milestone_due, NULL);
        ui_detail_add(d, UI_ROLE_OVERDUE, m);
        free(m);
    }
    if (task_rules_stale(t, r)) {
        task_rules_stale_since(t, since);
        snprintf(days, sizeof days, "%ld", date_diff(since, r->today));
        m = msg_format(t->report_last[0] ? "task.alert.stale" : "task.alert.never", days, since,
                       NULL);
        ui_detail_add(d, UI_ROLE_WARNING, m);
        free(m);
    }
}

/* The task's units or links joined with 、 ("" when none). */
static char *
view_units(struct ui_app *app, const char *id, int lead)
{
    struct db_task_unit *u;
    struct strbuf b = STRBUF_INIT;
    size_t n, i;

    if (db_task_units(ui_app_db(app), id, &u, &n, NULL) == ERR_OK) {
        for (i = 0; i < n; i++) {
            if (u[i].lead == lead) {
                strbuf_puts(&b, b.len ? msg("list.sep") : "");
                strbuf_puts(&b, u[i].name);
            }
        }
        db_task_units_free(u, n);
    }
    return strbuf_take(&b);
}

static char *
view_links(struct ui_app *app, const char *id, enum db_task_link_kind kind)
{
    struct db_task_link *l;
    struct strbuf b = STRBUF_INIT;
    size_t n, i;

    if (db_task_links(ui_app_db(app), id, kind, &l, &n, NULL) == ERR_OK) {
        for (i = 0; i < n; i++) {
            strbuf_puts(&b, i ? msg("list.sep") : "");
            strbuf_puts(&b, l[i].name);
        }
        db_task_links_free(l, n);
    }
    return strbuf_take(&b);
}

/* Adds field label with value, freeing value. */
static void
view_field(struct ui_detail *d, const char *label, char *value)
{
    ui_detail_field(d, label, value);
    free(value);
}

static void
view_fields(struct ui_app *app, const struct db_task *t, struct ui_detail *d)
{
    char *a = xasprintf("%d %s", t->action_no, t->action_name ? t->action_name : "");

    view_field(d, msg("task.f.action"), a);
    ui_detail_field(d, msg("task.f.status"), t->status);
    view_field(d, msg("task.f.percent"), xasprintf("%d%%", t->percent));
    ui_detail_field(d, msg("task.f.start"), t->start_date);
    ui_detail_field(d, msg("task.f.due"), t->due_date);
    view_field(d, msg("task.f.lead"), view_units(app, t->id, 1));
    view_field(d, msg("task.f.co"), view_units(app, t->id, 0));
    view_field(d, msg("task.f.enterprises"), view_links(app, t->id, DB_TASK_LINK_ENTERPRISE));
    view_field(d, msg("task.f.institutions"), view_links(app, t->id, DB_TASK_LINK_INSTITUTION));
    ui_detail_field(d, msg("task.f.last_report"), t->report_last);
}

static void
view_milestones(struct ui_app *app, const struct db_task *t, const char *today, struct ui_detail *d)
{
    struct db_milestone *m;
    size_t n, i;
    char count[16], *line;
    int late;

    if (db_milestones(ui_app_db(app), t->id, 0, &m, &n, NULL) != ERR_OK)
        return;
    snprintf(count, sizeof count, "%zu", n);
    line = msg_format("task.h.milestones", count, NULL);
    ui_detail_add(d, UI_ROLE_LABEL, line);
    free(line);
    for (i = 0; i < n; i++) {
        late = !m[i].done_date[0] && m[i].due_date[0] && strcmp(m[i].due_date, today) < 0 &&
               !t->status_done;
        line = m[i].done_date[0]
                   ? msg_format("milestone.item.done", m[i].title, m[i].done_date, NULL)
                   : msg_format("milestone.item.open", m[i].title,
                                m[i].due_date[0] ? m[i].due_date : msg("detail.none"), NULL);
        ui_detail_add(d, late ? UI_ROLE_OVERDUE : UI_ROLE_NORMAL, line);
        free(line);
    }
    db_milestones_free(m, n);
}

/* One report: its heading line, then what was done, problems, next steps. */
static void
view_report(const struct db_report *r, struct ui_detail *d)
{
    char *line =
        msg_format("task.report.head", r->period, r->report_date,
                   r->unit ? r->unit : msg("detail.none"), r->person ? r->person : "", NULL);

    ui_detail_add(d, UI_ROLE_LABEL, line);
    free(line);
    ui_detail_field(d, msg("progress.f.progress"), r->progress);
    if (r->problems)
        ui_detail_field(d, msg("progress.f.problems"), r->problems);
    if (r->next_steps)
        ui_detail_field(d, msg("progress.f.next"), r->next_steps);
}

static void
view_reports(struct ui_app *app, const struct db_task *t, struct ui_detail *d)
{
    struct db_report *r;
    size_t n, i;
    long total = 0;
    char count[16], *line;

    if (db_reports_count(ui_app_db(app), t->id, &total, NULL) != ERR_OK ||
        db_reports_page(ui_app_db(app), t->id, 0, VIEW_REPORTS, &r, &n, NULL) != ERR_OK)
        return;
    snprintf(count, sizeof count, "%ld", total);
    line = msg_format("task.h.reports", count, NULL);
    ui_detail_add(d, UI_ROLE_LABEL, line);
    free(line);
    if (n == 0)
        ui_task_view_hint(d, UI_ROLE_NORMAL, "progress.none", UI_ACT_PROGRESS, 0, 0, 0);
    for (i = 0; i < n; i++)
        view_report(&r[i], d);
    db_reports_free(r, n);
}

static void
view_history(struct ui_app *app, const struct db_task *t, struct ui_detail *d)
{
    struct task_history_item *h;
    size_t n, i, shown = 0;
    char count[16], *line;

    if (task_history(ui_app_db(app), t->id, &h, &n, NULL) != ERR_OK)
        return;
    snprintf(count, sizeof count, "%zu", n);
    line = msg_format("task.h.history", count, NULL);
    ui_detail_add(d, UI_ROLE_LABEL, line);
    free(line);
    for (i = n; i-- > 0 && shown < VIEW_HISTORY; shown++) {
        line = msg_format(h[i].restorable ? "task.history.restorable" : "task.history.item",
                          h[i].when, h[i].user, h[i].text, NULL);
        ui_detail_add(d, UI_ROLE_NORMAL, line);
        free(line);
    }
    task_history_free(h, n);
}

void
ui_task_view_task(struct ui_app *app, const char *id, const struct db_task_rules *rules,
                  struct ui_detail *d)
{
    struct db_task t;
    char no[16], *title;

    if (db_task_get(ui_app_db(app), id, &t, NULL) != ERR_OK) {
        ui_detail_add(d, UI_ROLE_WARNING, msg("tasks.none"));
        return;
    }
    snprintf(no, sizeof no, "%d.%d", t.action_no, t.no);
    title = msg_format("task.head", no, t.title, NULL);
    ui_detail_add(d, UI_ROLE_HEADER, title);
    free(title);
    view_alerts(&t, rules, d);
    view_fields(app, &t, d);
    if (t.archived_at[0])
        ui_task_view_hint(d, UI_ROLE_LABEL, "task.hint.archived", UI_ACT_MENU, 0, 0, 0);
    else
        ui_task_view_hint(d, UI_ROLE_LABEL, "task.hint", UI_ACT_PROGRESS, UI_ACT_EDIT, UI_ACT_MENU,
                          UI_ACT_DELETE);
    ui_detail_blank(d);
    ui_detail_add(d, UI_ROLE_LABEL, msg("task.f.body"));
    ui_detail_add(d, UI_ROLE_NORMAL, t.body && *t.body ? t.body : msg("detail.none"));
    ui_detail_blank(d);
    view_milestones(app, &t, rules->today, d);
    ui_detail_blank(d);
    view_reports(app, &t, d);
    ui_detail_blank(d);
    view_history(app, &t, d);
    db_task_free(&t);
}
