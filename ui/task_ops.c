/*
 * task_ops.c — the forms that change tasks, their milestones and progress
 * reports (the picks are in task_ops_menu.c). Reads fill the forms; every
 * save goes through src/ (task.h, progress.h, milestone.h).
 */
#include "ui/task_ops.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/plan.h"
#include "src/milestone.h"
#include "src/msg.h"
#include "src/progress.h"
#include "src/strbuf.h"
#include "src/task.h"
#include "src/xmalloc.h"
#include "ui/app.h"
#include "ui/dialog.h"
#include "ui/form.h"
#include "ui/task_ops_priv.h"

/* What is open: which form or which pick. */
enum ops_kind {
    OPS_NONE,
    OPS_ADD,
    OPS_EDIT,
    OPS_PROGRESS,
    OPS_REPORT_EDIT,
    OPS_MILESTONE_ADD,
    OPS_MILESTONE_EDIT,
};

/* One field of a form: its label, kind, and the name src/ gives it in e->field. */
struct ops_field {
    const char *label;
    enum ui_field_type type;
    int required;
    const char *name;
};

static const struct ops_field ops_task_fields[] = {
    {MSG_KEY("task.f.action"), UI_FIELD_CHOICE, 1, "action"},
    {MSG_KEY("task.f.title"), UI_FIELD_TEXT, 1, "title"},
    {MSG_KEY("task.f.lead"), UI_FIELD_TEXT, 1, "lead"},
    {MSG_KEY("task.f.co"), UI_FIELD_TEXT, 0, "co"},
    {MSG_KEY("task.f.start"), UI_FIELD_DATE, 0, "start_date"},
    {MSG_KEY("task.f.due"), UI_FIELD_DATE, 0, "due_date"},
    {MSG_KEY("task.f.status"), UI_FIELD_CHOICE, 1, "status"},
    {MSG_KEY("task.f.percent"), UI_FIELD_NUMBER, 0, "percent"},
    {MSG_KEY("task.f.enterprises"), UI_FIELD_TEXT, 0, "enterprises"},
    {MSG_KEY("task.f.institutions"), UI_FIELD_TEXT, 0, "institutions"},
    {MSG_KEY("task.f.body"), UI_FIELD_MULTILINE, 0, "body"},
};

enum {
    TF_ACTION,
    TF_TITLE,
    TF_LEAD,
    TF_CO,
    TF_START,
    TF_DUE,
    TF_STATUS,
    TF_PERCENT,
    TF_ENT,
    TF_INST,
    TF_BODY,
    TF_COUNT
};

static const struct ops_field ops_progress_fields[] = {
    {MSG_KEY("progress.f.progress"), UI_FIELD_MULTILINE, 1, "progress"},
    {MSG_KEY("progress.f.problems"), UI_FIELD_MULTILINE, 0, "problems"},
    {MSG_KEY("progress.f.next"), UI_FIELD_MULTILINE, 0, "next_steps"},
    {MSG_KEY("progress.f.period"), UI_FIELD_TEXT, 1, "period"},
    {MSG_KEY("progress.f.percent"), UI_FIELD_NUMBER, 0, "percent"},
    {MSG_KEY("progress.f.status"), UI_FIELD_CHOICE, 1, "status"},
    {MSG_KEY("progress.f.unit"), UI_FIELD_TEXT, 0, "unit"},
    {MSG_KEY("progress.f.person"), UI_FIELD_TEXT, 0, "person"},
    {MSG_KEY("progress.f.date"), UI_FIELD_DATE, 1, "report_date"},
};

enum {
    PF_PROGRESS,
    PF_PROBLEMS,
    PF_NEXT,
    PF_PERIOD,
    PF_PERCENT,
    PF_STATUS,
    PF_UNIT,
    PF_PERSON,
    PF_DATE,
    PF_COUNT
};

static const struct ops_field ops_milestone_fields[] = {
    {MSG_KEY("milestone.f.title"), UI_FIELD_TEXT, 1, "title"},
    {MSG_KEY("milestone.f.due"), UI_FIELD_DATE, 0, "due_date"},
    {MSG_KEY("milestone.f.done"), UI_FIELD_DATE, 0, "done_date"},
};

enum { MF_TITLE, MF_DUE, MF_DONE, MF_COUNT };

void
ui_task_ops_init(struct ui_task_ops *o, struct ui_app *app, ui_task_saved_fn saved, void *arg)
{
    memset(o, 0, sizeof *o);
    o->app = app;
    o->saved = saved;
    o->saved_arg = arg;
}

void
ui_task_ops_free(struct ui_task_ops *o)
{
    free(o->ids);
    o->ids = NULL;
    o->nids = 0;
}

struct db *
task_ops_db(struct ui_task_ops *o)
{
    return ui_app_db(o->app);
}

const char *
task_ops_user(struct ui_task_ops *o)
{
    const char *u = config_get(ui_app_config(o->app), "user:name");

    return u && *u ? u : "?";
}

/* Tells the section a write succeeded. */
void
task_ops_saved(struct ui_task_ops *o, const char *what_key, const char *id)
{
    ui_app_status(o->app, UI_ROLE_OK, msg(what_key));
    if (o->saved)
        o->saved(o->app, o->saved_arg, msg(what_key), id);
}

/* Shows a refusal that has no form field to sit under. */
void
task_ops_refused(struct ui_task_ops *o, const struct err *e)
{
    ui_app_push(o->app, ui_dialog_message(msg("task.refused"), e->msg), NULL, NULL);
}

/* Copies text into a field's message, cutting whole characters only. */
static void
ops_field_error(struct ui_field *fd, const char *text)
{
    size_t n = strlen(text);

    if (n >= sizeof fd->error) {
        n = sizeof fd->error - 1;
        while (n > 0 && ((unsigned char)text[n] & 0xc0) == 0x80)
            n--;
    }
    memcpy(fd->error, text, n);
    fd->error[n] = '\0';
}

/* Puts e under the field it names (the first field when it names none);
 * returns that field's row for the form's submit hook. */
static long
ops_fail(struct ui_task_ops *o, struct ui_form *f, const struct err *e)
{
    size_t i, at = 0;

    for (i = 0; i < o->nfields && i < f->n; i++) {
        if (o->fields[i] && strcmp(o->fields[i], e->field) == 0) {
            at = i;
            break;
        }
    }
    ops_field_error(&f->fields[at], e->msg);
    return (long)at;
}

/* A field's value, or NULL when the form does not have it. */
static const char *
ops_value(const struct ui_task_ops *o, const struct ui_form *f, const char *name)
{
    size_t i;

    for (i = 0; i < o->nfields && i < f->n; i++) {
        if (o->fields[i] && strcmp(o->fields[i], name) == 0)
            return ui_form_value(f, i);
    }
    return NULL;
}

/* Checks a typed unit name (or a list of them) as the field is left. */
static int
ops_check_units(const char *value, void *arg, char *msgbuf, size_t size)
{
    struct ui_task_ops *o = arg;
    char **names, id[DB_TASK_ID], official[128];
    size_t n, i;
    struct err e = {0};
    int rc = 0;

    names = task_split_names(value, &n);
    for (i = 0; i < n && rc == 0; i++) {
        if (task_unit_resolve(task_ops_db(o), names[i], "", id, official, sizeof official, &e) !=
            ERR_OK) {
            snprintf(msgbuf, size, "%s", e.msg);
            rc = -1;
        }
    }
    task_names_free(names, n);
    return rc;
}

/* A new form from a field table; names go to o for the error mapping. */
static struct ui_form *
ops_form(struct ui_task_ops *o, const char *title, const struct ops_field *spec, size_t n,
         size_t skip_first, const char **names)
{
    struct ui_form *f = ui_form_new(title);
    size_t i, row;

    o->nfields = 0;
    for (i = skip_first; i < n; i++) {
        row = ui_form_add(f, msg(spec[i].label), spec[i].type, spec[i].required);
        names[row] = spec[i].name;
        o->nfields = row + 1;
    }
    o->fields = names;
    return f;
}

/* The statuses' names as choices of field row. */
static void
ops_status_choices(struct ui_task_ops *o, struct ui_form *f, size_t row)
{
    struct db_task_status *s;
    const char *names[DB_TASK_STATUS_MAX];
    size_t n, i;

    if (db_task_statuses(task_ops_db(o), &s, &n, NULL) != ERR_OK)
        return;
    for (i = 0; i < n && i < DB_TASK_STATUS_MAX; i++)
        names[i] = s[i].name;
    ui_form_set_choices(f, row, names, i);
    free(s);
}

/* "1 新兴产业技术攻坚行动" … as choices of field row. */
static void
ops_action_choices(struct ui_task_ops *o, struct ui_form *f, size_t row, int selected)
{
    struct db_plan p;
    struct db_action *a;
    char **items;
    size_t n, i;

    if (db_plan_get(task_ops_db(o), 0, &p, NULL) != ERR_OK)
        return;
    if (db_plan_actions(task_ops_db(o), p.id, &a, &n, NULL) == ERR_OK) {
        items = xcalloc(n + 1, sizeof *items);
        for (i = 0; i < n; i++)
            items[i] = xasprintf("%d %s", a[i].no, a[i].name);
        ui_form_set_choices(f, row, (const char *const *)items, n);
        for (i = 0; i < n; i++) {
            if (a[i].no == selected)
                ui_form_set(f, row, items[i]);
            free(items[i]);
        }
        free(items);
        db_actions_free(a, n);
    }
    db_plan_free(&p);
}

/* The task's units other than the lead, joined with 、. */
static char *
ops_units_text(struct ui_task_ops *o, const char *task_id, int lead)
{
    struct db_task_unit *u;
    struct strbuf b = STRBUF_INIT;
    size_t n, i;

    if (db_task_units(task_ops_db(o), task_id, &u, &n, NULL) == ERR_OK) {
        for (i = 0; i < n; i++) {
            if (u[i].lead != lead)
                continue;
            strbuf_puts(&b, b.len ? msg("list.sep") : "");
            strbuf_puts(&b, u[i].name);
        }
        db_task_units_free(u, n);
    }
    return strbuf_take(&b);
}

static char *
ops_links_text(struct ui_task_ops *o, const char *task_id, enum db_task_link_kind kind)
{
    struct db_task_link *l;
    struct strbuf b = STRBUF_INIT;
    size_t n, i;

    if (db_task_links(task_ops_db(o), task_id, kind, &l, &n, NULL) == ERR_OK) {
        for (i = 0; i < n; i++) {
            strbuf_puts(&b, i ? msg("list.sep") : "");
            strbuf_puts(&b, l[i].name);
        }
        db_task_links_free(l, n);
    }
    return strbuf_take(&b);
}

/* Sets a field by name to a copy of text, freeing text. */
static void
ops_set(struct ui_task_ops *o, struct ui_form *f, const char *name, char *text)
{
    size_t i;

    for (i = 0; i < o->nfields; i++) {
        if (o->fields[i] && strcmp(o->fields[i], name) == 0)
            ui_form_set(f, i, text);
    }
    free(text);
}

/* Fills the task form with the task's current values. */
static void
ops_task_fill(struct ui_task_ops *o, struct ui_form *f, const struct db_task *t)
{
    ops_set(o, f, "title", xstrdup(t->title));
    ops_set(o, f, "lead", ops_units_text(o, t->id, 1));
    ops_set(o, f, "co", ops_units_text(o, t->id, 0));
    ops_set(o, f, "start_date", xstrdup(t->start_date));
    ops_set(o, f, "due_date", xstrdup(t->due_date));
    ops_set(o, f, "status", xstrdup(t->status));
    ops_set(o, f, "percent", xasprintf("%d", t->percent));
    ops_set(o, f, "enterprises", ops_links_text(o, t->id, DB_TASK_LINK_ENTERPRISE));
    ops_set(o, f, "institutions", ops_links_text(o, t->id, DB_TASK_LINK_INSTITUTION));
    ops_set(o, f, "body", xstrdup(t->body ? t->body : ""));
}

/* What the task form holds, as src/task.h takes it. */
static void
ops_task_input(struct ui_task_ops *o, struct ui_form *f, struct task_input *in, char *action)
{
    const char *a = ops_value(o, f, "action");

    memset(in, 0, sizeof *in);
    snprintf(action, 8, "%d", a ? atoi(a) : 0);
    in->action = a ? action : NULL;
    in->title = ops_value(o, f, "title");
    in->lead = ops_value(o, f, "lead");
    in->co = ops_value(o, f, "co");
    in->start_date = ops_value(o, f, "start_date");
    in->due_date = ops_value(o, f, "due_date");
    in->status = ops_value(o, f, "status");
    in->percent = ops_value(o, f, "percent");
    in->enterprises = ops_value(o, f, "enterprises");
    in->institutions = ops_value(o, f, "institutions");
    in->body = ops_value(o, f, "body");
    if (in->percent && *in->percent == '\0')
        in->percent = "0";
}

static long
ops_submit_task(struct ui_task_ops *o, struct ui_form *f)
{
    struct task_input in;
    char action[8], id[DB_TASK_ID];
    struct err e = {0};
    int rc;

    ops_task_input(o, f, &in, action);
    if (o->kind == OPS_ADD)
        rc = task_add(task_ops_db(o), task_ops_user(o), &in, id, &e);
    else
        rc = task_update(task_ops_db(o), task_ops_user(o), o->task_id, &in, &e);
    if (rc != ERR_OK)
        return ops_fail(o, f, &e);
    task_ops_saved(o, o->kind == OPS_ADD ? "task.saved.added" : "task.saved.edited",
                   o->kind == OPS_ADD ? id : o->task_id);
    return -1;
}

static long
ops_submit_progress(struct ui_task_ops *o, struct ui_form *f)
{
    struct progress_input in = {0};
    char id[DB_TASK_ID];
    struct err e = {0};
    int rc;

    in.progress = ops_value(o, f, "progress");
    in.problems = ops_value(o, f, "problems");
    in.next_steps = ops_value(o, f, "next_steps");
    in.period = ops_value(o, f, "period");
    in.percent = ops_value(o, f, "percent");
    in.status = ops_value(o, f, "status");
    in.unit = ops_value(o, f, "unit");
    in.person = ops_value(o, f, "person");
    in.report_date = ops_value(o, f, "report_date");
    if (in.percent && *in.percent == '\0')
        in.percent = NULL;
    if (o->kind == OPS_PROGRESS)
        rc = progress_add(task_ops_db(o), task_ops_user(o), ui_app_today(o->app), o->task_id, &in,
                          id, &e);
    else
        rc = progress_update(task_ops_db(o), task_ops_user(o), ui_app_today(o->app), o->sub_id, &in,
                             &e);
    if (rc != ERR_OK)
        return ops_fail(o, f, &e);
    task_ops_saved(o, o->kind == OPS_PROGRESS ? "progress.saved" : "progress.saved.edited",
                   o->task_id);
    return -1;
}

static long
ops_submit_milestone(struct ui_task_ops *o, struct ui_form *f)
{
    struct milestone_input in = {0};
    struct err e = {0};
    int rc;

    in.title = ops_value(o, f, "title");
    in.due_date = ops_value(o, f, "due_date");
    in.done_date = ops_value(o, f, "done_date");
    if (o->kind == OPS_MILESTONE_ADD)
        rc = milestone_add(task_ops_db(o), task_ops_user(o), ui_app_today(o->app), o->task_id, &in,
                           NULL, &e);
    else
        rc = milestone_update(task_ops_db(o), task_ops_user(o), ui_app_today(o->app), o->sub_id,
                              &in, &e);
    if (rc != ERR_OK)
        return ops_fail(o, f, &e);
    task_ops_saved(o, "milestone.saved", o->task_id);
    return -1;
}

/* The form's submit hook: saves through src/, or keeps the form open. */
static long
ops_submit(struct ui_form *f, void *arg)
{
    struct ui_task_ops *o = arg;

    switch (o->kind) {
    case OPS_ADD:
    case OPS_EDIT:
        return ops_submit_task(o, f);
    case OPS_PROGRESS:
    case OPS_REPORT_EDIT:
        return ops_submit_progress(o, f);
    case OPS_MILESTONE_ADD:
    case OPS_MILESTONE_EDIT:
        return ops_submit_milestone(o, f);
    default:
        return -1;
    }
}

/* Opens form f as kind. */
static void
ops_open(struct ui_task_ops *o, struct ui_form *f, int kind)
{
    o->kind = kind;
    ui_form_set_submit(f, ops_submit, o, NULL);
    ui_app_push(o->app, ui_dialog_form(f), NULL, NULL);
}

/* The task form, for a new task (task NULL) or an existing one. */
static struct ui_form *
ops_task_form(struct ui_task_ops *o, const struct db_task *t, int action_no)
{
    static const char *names[TF_COUNT];
    struct ui_form *f;
    size_t lead, co;

    f = ops_form(o, msg(t ? "task.form.edit" : "task.form.add"), ops_task_fields, TF_COUNT,
                 t ? 1 : 0, names);
    if (t == NULL)
        ops_action_choices(o, f, 0, action_no);
    lead = t ? TF_LEAD - 1 : TF_LEAD;
    co = t ? TF_CO - 1 : TF_CO;
    ui_form_set_check(f, lead, ops_check_units, o);
    ui_form_set_check(f, co, ops_check_units, o);
    ops_status_choices(o, f, t ? TF_STATUS - 1 : TF_STATUS);
    if (t)
        ops_task_fill(o, f, t);
    else
        ops_set(o, f, "percent", xstrdup("0"));
    f->focus = t ? 0 : (action_no > 0 ? 1 : 0);
    return f;
}

void
ui_task_ops_add(struct ui_task_ops *o, int action_no)
{
    ops_open(o, ops_task_form(o, NULL, action_no), OPS_ADD);
}

/* Reads the task; a deleted one is refused with a message. */
int
task_ops_live(struct ui_task_ops *o, const char *task_id, struct db_task *t)
{
    struct err e = {0};

    if (db_task_get(task_ops_db(o), task_id, t, &e) != ERR_OK) {
        task_ops_refused(o, &e);
        return -1;
    }
    if (t->archived_at[0]) {
        ui_app_push(o->app, ui_dialog_message(msg("task.refused"), msg("task.archived")), NULL,
                    NULL);
        db_task_free(t);
        return -1;
    }
    snprintf(o->task_id, sizeof o->task_id, "%s", task_id);
    return 0;
}

void
ui_task_ops_edit(struct ui_task_ops *o, const char *task_id)
{
    struct db_task t;

    if (task_ops_live(o, task_id, &t) != 0)
        return;
    ops_open(o, ops_task_form(o, &t, 0), OPS_EDIT);
    db_task_free(&t);
}

/* The progress form: new (r == NULL) with today's defaults, or report r. */
static struct ui_form *
ops_progress_form(struct ui_task_ops *o, const struct db_task *t, const struct db_report *r)
{
    static const char *names[PF_COUNT];
    struct progress_defaults d;
    const char *unit = config_get(ui_app_config(o->app), "user:unit");
    char *title = msg_format(r ? "progress.form.edit" : "progress.form.add", t->title, NULL);
    struct ui_form *f = ops_form(o, title, ops_progress_fields, PF_COUNT, 0, names);

    free(title);
    ops_status_choices(o, f, PF_STATUS);
    ui_form_set_check(f, PF_UNIT, ops_check_units, o);
    if (progress_defaults(task_ops_db(o), t->id, task_ops_user(o), unit ? unit : "",
                          ui_app_today(o->app), &d, NULL) == ERR_OK) {
        ui_form_set(f, PF_PERIOD, d.period);
        ui_form_set(f, PF_DATE, d.report_date);
        ui_form_set(f, PF_UNIT, d.unit);
        ui_form_set(f, PF_PERSON, d.person);
        ops_set(o, f, "percent", xasprintf("%d", d.percent));
        ui_form_set(f, PF_STATUS, d.status);
    }
    if (r) {
        ui_form_set(f, PF_PROGRESS, r->progress);
        ui_form_set(f, PF_PROBLEMS, r->problems);
        ui_form_set(f, PF_NEXT, r->next_steps);
        ui_form_set(f, PF_PERIOD, r->period);
        ui_form_set(f, PF_DATE, r->report_date);
        ui_form_set(f, PF_UNIT, r->unit);
        ui_form_set(f, PF_PERSON, r->person);
    }
    return f;
}

void
ui_task_ops_progress(struct ui_task_ops *o, const char *task_id)
{
    struct db_task t;

    if (task_ops_live(o, task_id, &t) != 0)
        return;
    ops_open(o, ops_progress_form(o, &t, NULL), OPS_PROGRESS);
    db_task_free(&t);
}

/* The milestone form, new (m NULL) or for m. */
void
task_ops_milestone_form(struct ui_task_ops *o, const struct db_milestone *m)
{
    static const char *names[MF_COUNT];
    struct ui_form *f = ops_form(o, msg(m ? "milestone.form.edit" : "milestone.form.add"),
                                 ops_milestone_fields, MF_COUNT, 0, names);

    if (m) {
        ui_form_set(f, MF_TITLE, m->title);
        ui_form_set(f, MF_DUE, m->due_date);
        ui_form_set(f, MF_DONE, m->done_date);
    }
    ops_open(o, f, m ? OPS_MILESTONE_EDIT : OPS_MILESTONE_ADD);
}

void
task_ops_report_edit(struct ui_task_ops *o, const struct db_task *t, const struct db_report *r)
{
    ops_open(o, ops_progress_form(o, t, r), OPS_REPORT_EDIT);
}
