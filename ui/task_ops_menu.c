/*
 * task_ops_menu.c — the picks that change a task without a form: its
 * status, deleting it, and its menu (milestones, reports, restoring what
 * was deleted), each ending in a src/ write or in one of the forms of
 * task_ops.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "src/milestone.h"
#include "src/msg.h"
#include "src/progress.h"
#include "src/task.h"
#include "src/task_history.h"
#include "src/textw.h"
#include "src/xmalloc.h"
#include "ui/app.h"
#include "ui/dialog.h"
#include "ui/task_ops.h"
#include "ui/task_ops_priv.h"

#define OPS_MAX_ITEMS 200 /* rows a pick of milestones or reports offers */

/* Sets the task's status to the one picked. */
static void
ops_status_done(struct ui_app *app, struct ui_dialog *d, void *arg, int result)
{
    struct ui_task_ops *o = arg;
    struct err e = {0};

    (void)app;
    if (result < 0 || (size_t)result >= d->nitems)
        return;
    if (task_set_status(task_ops_db(o), task_ops_user(o), o->task_id, d->items[result], &e) !=
        ERR_OK)
        task_ops_refused(o, &e);
    else
        task_ops_saved(o, "task.saved.status", o->task_id);
}

void
ui_task_ops_status(struct ui_task_ops *o, const char *task_id)
{
    struct db_task_status *s;
    const char *names[DB_TASK_STATUS_MAX];
    struct db_task t;
    size_t n, i, cur = 0;
    struct ui_dialog *d;

    if (task_ops_live(o, task_id, &t) != 0)
        return;
    if (db_task_statuses(task_ops_db(o), &s, &n, NULL) == ERR_OK) {
        for (i = 0; i < n && i < DB_TASK_STATUS_MAX; i++) {
            names[i] = s[i].name;
            if (strcmp(s[i].id, t.status_id) == 0)
                cur = i;
        }
        d = ui_dialog_pick(msg("task.pick.status"), names, i);
        d->sel = (long)cur;
        ui_app_push(o->app, d, ops_status_done, o);
        free(s);
    }
    db_task_free(&t);
}

static void
ops_delete_done(struct ui_app *app, struct ui_dialog *d, void *arg, int result)
{
    struct ui_task_ops *o = arg;
    struct err e = {0};

    (void)app;
    (void)d;
    if (result != 1)
        return;
    if (task_archive(task_ops_db(o), task_ops_user(o), o->task_id, &e) != ERR_OK)
        task_ops_refused(o, &e);
    else
        task_ops_saved(o, "task.saved.deleted", o->task_id);
}

void
ui_task_ops_delete(struct ui_task_ops *o, const char *task_id)
{
    struct db_task t;
    char no[16], *q;

    if (task_ops_live(o, task_id, &t) != 0)
        return;
    task_number(&t, no, sizeof no);
    q = msg_format("task.ask.delete", no, t.title, NULL);
    ui_app_push(o->app, ui_dialog_confirm(msg("task.pick.delete"), q), ops_delete_done, o);
    free(q);
    db_task_free(&t);
}

/* --- the menu and what it leads to ------------------------------------ */

enum ops_menu_item {
    OPS_M_PROGRESS,
    OPS_M_STATUS,
    OPS_M_EDIT,
    OPS_M_MILESTONE_ADD,
    OPS_M_MILESTONES,
    OPS_M_REPORTS,
    OPS_M_RESTORE,
    OPS_M_DELETE,
    OPS_M_RESTORE_TASK,
    OPS_M_COUNT,
};

static const char *const ops_menu_keys[OPS_M_COUNT] = {
    MSG_KEY("task.menu.progress"),     MSG_KEY("task.menu.status"),
    MSG_KEY("task.menu.edit"),         MSG_KEY("task.menu.milestone_add"),
    MSG_KEY("task.menu.milestones"),   MSG_KEY("task.menu.reports"),
    MSG_KEY("task.menu.restore"),      MSG_KEY("task.menu.delete"),
    MSG_KEY("task.menu.restore_task"),
};

/* The menu of a live task, and of a deleted one (restoring it first). */
static const int ops_menu_order[2][OPS_M_COUNT] = {
    {OPS_M_PROGRESS, OPS_M_STATUS, OPS_M_EDIT, OPS_M_MILESTONE_ADD, OPS_M_MILESTONES, OPS_M_REPORTS,
     OPS_M_RESTORE, OPS_M_DELETE, -1},
    {OPS_M_RESTORE_TASK, OPS_M_RESTORE, -1},
};

/* Remembers the rows of a pick (their keys or menu codes). */
static void
ops_remember(struct ui_task_ops *o, size_t n)
{
    free(o->ids);
    o->ids = xcalloc(n + 1, sizeof *o->ids);
    o->nids = n;
}

/* The key remembered for pick row r, or NULL. */
static const char *
ops_picked(struct ui_task_ops *o, int r)
{
    return r >= 0 && (size_t)r < o->nids ? o->ids[r] : NULL;
}

static void ops_milestones(struct ui_task_ops *o);
static void ops_reports(struct ui_task_ops *o);
static void ops_restore(struct ui_task_ops *o);

static void
ops_restore_task_done(struct ui_task_ops *o)
{
    const char *what;
    struct err e = {0};

    if (task_restore(task_ops_db(o), task_ops_user(o), o->task_id, &what, &e) != ERR_OK)
        task_ops_refused(o, &e);
    else
        task_ops_saved(o, "task.saved.restored", o->task_id);
}

static void
ops_menu_done(struct ui_app *app, struct ui_dialog *d, void *arg, int result)
{
    struct ui_task_ops *o = arg;
    const char *code = ops_picked(o, result);
    char task[DB_TASK_ID];

    (void)app;
    (void)d;
    if (code == NULL)
        return;
    snprintf(task, sizeof task, "%s", o->task_id);
    switch (atoi(code)) {
    case OPS_M_PROGRESS:
        ui_task_ops_progress(o, task);
        break;
    case OPS_M_STATUS:
        ui_task_ops_status(o, task);
        break;
    case OPS_M_EDIT:
        ui_task_ops_edit(o, task);
        break;
    case OPS_M_MILESTONE_ADD:
        task_ops_milestone_form(o, NULL);
        break;
    case OPS_M_MILESTONES:
        ops_milestones(o);
        break;
    case OPS_M_REPORTS:
        ops_reports(o);
        break;
    case OPS_M_RESTORE:
        ops_restore(o);
        break;
    case OPS_M_DELETE:
        ui_task_ops_delete(o, task);
        break;
    case OPS_M_RESTORE_TASK:
        ops_restore_task_done(o);
        break;
    default:
        break;
    }
}

void
ui_task_ops_menu(struct ui_task_ops *o, const char *task_id)
{
    const char *items[OPS_M_COUNT];
    struct db_task t;
    size_t n = 0;
    int i, archived;
    struct err e = {0};

    if (db_task_get(task_ops_db(o), task_id, &t, &e) != ERR_OK) {
        task_ops_refused(o, &e);
        return;
    }
    archived = t.archived_at[0] != '\0';
    db_task_free(&t);
    snprintf(o->task_id, sizeof o->task_id, "%s", task_id);
    ops_remember(o, OPS_M_COUNT);
    for (i = 0; i < OPS_M_COUNT; i++) {
        if (ops_menu_order[archived][i] < 0)
            break;
        snprintf(o->ids[n], sizeof o->ids[n], "%d", ops_menu_order[archived][i]);
        items[n++] = msg(ops_menu_keys[ops_menu_order[archived][i]]);
    }
    o->nids = n;
    ui_app_push(o->app, ui_dialog_pick(msg("task.pick.menu"), items, n), ops_menu_done, o);
}

/* What to do with the milestone picked. */
enum { OPS_MS_DONE, OPS_MS_UNDO, OPS_MS_EDIT, OPS_MS_DELETE, OPS_MS_COUNT };

static void
ops_milestone_op_done(struct ui_app *app, struct ui_dialog *d, void *arg, int result)
{
    struct ui_task_ops *o = arg;
    struct db_milestone m;
    struct err e = {0};
    int rc = ERR_OK;

    (void)app;
    (void)d;
    if (result == OPS_MS_EDIT && db_milestone_get(task_ops_db(o), o->sub_id, &m, &e) == ERR_OK) {
        task_ops_milestone_form(o, &m);
        db_milestone_free(&m);
        return;
    }
    if (result == OPS_MS_DONE || result == OPS_MS_UNDO)
        rc = milestone_done(task_ops_db(o), task_ops_user(o), ui_app_today(app), o->sub_id, NULL,
                            result == OPS_MS_UNDO, &e);
    else if (result == OPS_MS_DELETE)
        rc = milestone_archive(task_ops_db(o), task_ops_user(o), o->sub_id, &e);
    else
        return;
    if (rc != ERR_OK)
        task_ops_refused(o, &e);
    else
        task_ops_saved(o, "milestone.saved", o->task_id);
}

static void
ops_milestone_pick_done(struct ui_app *app, struct ui_dialog *d, void *arg, int result)
{
    static const char *const keys[OPS_MS_COUNT] = {
        MSG_KEY("milestone.op.done"), MSG_KEY("milestone.op.undo"), MSG_KEY("milestone.op.edit"),
        MSG_KEY("milestone.op.delete")};
    struct ui_task_ops *o = arg;
    const char *items[OPS_MS_COUNT], *id = ops_picked(o, result);
    int i;

    (void)app;
    (void)d;
    if (id == NULL)
        return;
    snprintf(o->sub_id, sizeof o->sub_id, "%s", id);
    for (i = 0; i < OPS_MS_COUNT; i++)
        items[i] = msg(keys[i]);
    ui_app_push(o->app, ui_dialog_pick(msg("milestone.pick.op"), items, OPS_MS_COUNT),
                ops_milestone_op_done, o);
}

/* Opens pick with items (taking them), or says there is nothing. */
static void
ops_pick(struct ui_task_ops *o, const char *title_key, char **items, size_t n,
         ui_dialog_done_fn done, const char *none_key)
{
    size_t i;

    if (n == 0)
        ui_app_push(o->app, ui_dialog_message(msg(title_key), msg(none_key)), NULL, NULL);
    else
        ui_app_push(o->app, ui_dialog_pick(msg(title_key), (const char *const *)items, n), done, o);
    for (i = 0; i < n; i++)
        free(items[i]);
    free(items);
}

static void
ops_milestones(struct ui_task_ops *o)
{
    struct db_milestone *m;
    char **items;
    size_t n, i;

    if (db_milestones(task_ops_db(o), o->task_id, 0, &m, &n, NULL) != ERR_OK)
        return;
    ops_remember(o, n);
    items = xcalloc(n + 1, sizeof *items);
    for (i = 0; i < n; i++) {
        snprintf(o->ids[i], sizeof o->ids[i], "%s", m[i].id);
        items[i] = m[i].done_date[0]
                       ? msg_format("milestone.item.done", m[i].title, m[i].done_date, NULL)
                       : msg_format("milestone.item.open", m[i].title,
                                    m[i].due_date[0] ? m[i].due_date : msg("detail.none"), NULL);
    }
    db_milestones_free(m, n);
    ops_pick(o, "milestone.pick", items, n, ops_milestone_pick_done, "milestone.none");
}

/* What to do with the report picked. */
enum { OPS_R_EDIT, OPS_R_DELETE, OPS_R_COUNT };

static void
ops_report_delete_done(struct ui_app *app, struct ui_dialog *d, void *arg, int result)
{
    struct ui_task_ops *o = arg;
    struct err e = {0};

    (void)app;
    (void)d;
    if (result != 1)
        return;
    if (progress_archive(task_ops_db(o), task_ops_user(o), o->sub_id, &e) != ERR_OK)
        task_ops_refused(o, &e);
    else
        task_ops_saved(o, "progress.saved.deleted", o->task_id);
}

static void
ops_report_op_done(struct ui_app *app, struct ui_dialog *d, void *arg, int result)
{
    struct ui_task_ops *o = arg;
    struct db_report r;
    struct db_task t;

    (void)app;
    (void)d;
    if (result == OPS_R_DELETE) {
        ui_app_push(o->app, ui_dialog_confirm(msg("progress.pick"), msg("progress.ask.delete")),
                    ops_report_delete_done, o);
        return;
    }
    if (result != OPS_R_EDIT || db_report_get(task_ops_db(o), o->sub_id, &r, NULL) != ERR_OK)
        return;
    if (db_task_get(task_ops_db(o), o->task_id, &t, NULL) == ERR_OK) {
        task_ops_report_edit(o, &t, &r);
        db_task_free(&t);
    }
    db_report_free(&r);
}

static void
ops_report_pick_done(struct ui_app *app, struct ui_dialog *d, void *arg, int result)
{
    struct ui_task_ops *o = arg;
    const char *items[OPS_R_COUNT] = {msg("progress.op.edit"), msg("progress.op.delete")};
    const char *id = ops_picked(o, result);

    (void)app;
    (void)d;
    if (id == NULL)
        return;
    snprintf(o->sub_id, sizeof o->sub_id, "%s", id);
    ui_app_push(o->app, ui_dialog_pick(msg("progress.pick.op"), items, OPS_R_COUNT),
                ops_report_op_done, o);
}

static void
ops_reports(struct ui_task_ops *o)
{
    struct db_report *r;
    char **items, *cut;
    size_t n, i;

    if (db_reports_page(task_ops_db(o), o->task_id, 0, OPS_MAX_ITEMS, &r, &n, NULL) != ERR_OK)
        return;
    ops_remember(o, n);
    items = xcalloc(n + 1, sizeof *items);
    for (i = 0; i < n; i++) {
        snprintf(o->ids[i], sizeof o->ids[i], "%s", r[i].id);
        cut = textw_truncate(r[i].progress, 40);
        items[i] = msg_format("progress.item", r[i].period, r[i].report_date, cut, NULL);
        free(cut);
    }
    db_reports_free(r, n);
    ops_pick(o, "progress.pick", items, n, ops_report_pick_done, "progress.none");
}

static void
ops_restore_done(struct ui_app *app, struct ui_dialog *d, void *arg, int result)
{
    struct ui_task_ops *o = arg;
    const char *id = ops_picked(o, result), *what;
    struct err e = {0};

    (void)app;
    (void)d;
    if (id == NULL)
        return;
    if (task_restore(task_ops_db(o), task_ops_user(o), id, &what, &e) != ERR_OK)
        task_ops_refused(o, &e);
    else
        task_ops_saved(o, "task.saved.restored", o->task_id);
}

/* The deletions in the task's history that can still be undone. */
static void
ops_restore(struct ui_task_ops *o)
{
    struct task_history_item *h;
    char **items;
    size_t n, i, k = 0;

    if (task_history(task_ops_db(o), o->task_id, &h, &n, NULL) != ERR_OK)
        return;
    ops_remember(o, n);
    items = xcalloc(n + 1, sizeof *items);
    for (i = n; i-- > 0;) {
        if (!h[i].restorable)
            continue;
        snprintf(o->ids[k], sizeof o->ids[k], "%s", h[i].row_key);
        items[k++] = msg_format("task.restore.item", h[i].text, h[i].when, h[i].user, NULL);
    }
    o->nids = k;
    task_history_free(h, n);
    ops_pick(o, "task.pick.restore", items, k, ops_restore_done, "task.restore.none");
}
