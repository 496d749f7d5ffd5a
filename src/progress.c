/*
 * progress.c — adding, editing and deleting monthly progress reports, and
 * the task changes (percent, status) that come with them.
 */
#include "src/field.h"
#include "src/progress.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "src/date.h"
#include "src/task.h"
#include "src/uuid.h"
#include "src/xmalloc.h"

/* A report as it will be written, with its task. */
struct progress_edit {
    struct db_report r;
    struct db_task t;
    int insert;
    int task_changed;
};

static void
progress_edit_free(struct progress_edit *x)
{
    db_report_free(&x->r);
    db_task_free(&x->t);
}

/* Replaces *field with a trimmed copy of text (when text is given). */
static void
progress_text(char **field, const char *text)
{
    if (text == NULL)
        return;
    free(*field);
    *field = task_trim(text);
}

static int
progress_apply_dates(struct progress_edit *x, const struct progress_input *in, const char *today,
                     struct err *e)
{
    char *s, month[8];
    int rc = ERR_OK;

    if (in->report_date || x->insert) {
        s = task_trim(in->report_date ? in->report_date : "");
        if (*s == '\0')
            snprintf(x->r.report_date, sizeof x->r.report_date, "%s", today);
        else if ((rc = date_parse(s, x->r.report_date, e)) != ERR_OK)
            rc = task_refield(e, "report_date");
        free(s);
    }
    if (rc == ERR_OK && strcmp(x->r.report_date, today) > 0)
        return err_field(e, ERR_INVALID, "report_date", "报送日期（%s）不能晚于今天（%s）。",
                         x->r.report_date, today);
    date_month_of(x->r.report_date, month);
    if (rc == ERR_OK && (in->period || x->insert)) {
        s = task_trim(in->period ? in->period : "");
        if (*s == '\0')
            snprintf(x->r.period, sizeof x->r.period, "%s", month);
        else if ((rc = date_month_parse(s, x->r.period, e)) != ERR_OK)
            rc = task_refield(e, "period");
        free(s);
    }
    if (rc == ERR_OK && strcmp(x->r.period, month) > 0)
        rc = err_field(e, ERR_INVALID, "period", "报送月份（%s）不能晚于报送日期所在的月份（%s）。",
                       x->r.period, month);
    return rc;
}

/* The task's lead unit key into id ("" when it has none). */
static int
progress_lead(struct db *db, const char *task_id, char id[DB_TASK_ID], char *name, size_t size,
              struct err *e)
{
    struct db_task_unit *u;
    size_t n;
    int rc = db_task_units(db, task_id, &u, &n, e);

    id[0] = '\0';
    if (name && size)
        name[0] = '\0';
    if (rc == ERR_OK && n > 0 && u[0].lead) {
        memcpy(id, u[0].unit_id, DB_TASK_ID);
        if (name)
            snprintf(name, size, "%s", u[0].name);
    }
    if (rc == ERR_OK)
        db_task_units_free(u, n);
    return rc;
}

static int
progress_apply_who(struct db *db, struct progress_edit *x, const struct progress_input *in,
                   const char *user, struct err *e)
{
    char *s, official[128];
    int rc = ERR_OK;

    if (in->unit || x->insert) {
        s = task_trim(in->unit ? in->unit : "");
        if (*s)
            rc = task_unit_resolve(db, s, "unit", x->r.unit_id, official, sizeof official, e);
        else if (x->insert)
            rc = progress_lead(db, x->t.id, x->r.unit_id, NULL, 0, e);
        else
            x->r.unit_id[0] = '\0';
        free(s);
    }
    if (in->person || x->insert)
        progress_text(&x->r.person, in->person && *in->person ? in->person : user);
    return rc;
}

/* The status row of the task's current status, for the not_started rule. */
static int
progress_status_code(struct db *db, const char *status_id, char code[32], struct err *e)
{
    struct db_task_status *s;
    size_t n, i;
    int rc = db_task_statuses(db, &s, &n, e);

    code[0] = '\0';
    for (i = 0; rc == ERR_OK && i < n; i++) {
        if (strcmp(s[i].id, status_id) == 0)
            snprintf(code, 32, "%s", s[i].code);
    }
    free(s);
    return rc;
}

/* The task changes a report brings: percent, status, or 未启动 → 推进中. */
static int
progress_apply_task(struct db *db, struct progress_edit *x, const struct progress_input *in,
                    struct err *e)
{
    struct db_task_status s;
    char code[32], *name;
    int pct = x->t.percent, rc;

    if (in->percent && (rc = task_parse_percent(in->percent, &pct, e)) != ERR_OK)
        return rc;
    name = task_trim(in->status ? in->status : "");
    if (*name)
        rc = task_status_resolve(db, name, "status", &s, e);
    else if (x->insert && (rc = progress_status_code(db, x->t.status_id, code, e)) == ERR_OK &&
             strcmp(code, "not_started") == 0)
        rc = task_status_resolve(db, "in_progress", "status", &s, NULL) == ERR_OK ? ERR_OK : -1;
    else
        rc = -1;
    free(name);
    if (rc > 0)
        return rc;
    if (rc == ERR_OK && strcmp(s.id, x->t.status_id) != 0) {
        memcpy(x->t.status_id, s.id, sizeof s.id);
        if (s.is_done && in->percent == NULL)
            pct = 100;
        x->task_changed = 1;
    }
    if (pct != x->t.percent) {
        x->t.percent = pct;
        x->task_changed = 1;
    }
    return ERR_OK;
}

static int
progress_apply(struct db *db, struct progress_edit *x, const struct progress_input *in,
               const char *user, const char *today, struct err *e)
{
    int rc;

    if ((rc = progress_apply_dates(x, in, today, e)) != ERR_OK ||
        (rc = field_check_text("progress", "进展情况", in->progress, FIELD_MULTILINE | FIELD_TABS,
                               e)) != ERR_OK ||
        (rc = field_check_text("problems", "存在问题", in->problems, FIELD_MULTILINE | FIELD_TABS,
                               e)) != ERR_OK ||
        (rc = field_check_text("next_steps", "下步计划", in->next_steps,
                               FIELD_MULTILINE | FIELD_TABS, e)) != ERR_OK)
        return rc;
    progress_text(&x->r.progress, in->progress ? in->progress : (x->insert ? "" : NULL));
    if (x->r.progress == NULL || x->r.progress[0] == '\0')
        return err_field(e, ERR_INVALID, "progress", "请填写进展情况。");
    progress_text(&x->r.problems, in->problems);
    progress_text(&x->r.next_steps, in->next_steps);
    if ((rc = progress_apply_who(db, x, in, user, e)) != ERR_OK)
        return rc;
    return progress_apply_task(db, x, in, e);
}

static int
progress_write(struct db *db, void *arg, struct err *e)
{
    struct progress_edit *x = arg;
    int rc = x->insert ? db_report_insert(db, &x->r, e) : db_report_update(db, &x->r, e);

    if (rc == ERR_OK && x->task_changed)
        rc = db_task_update(db, &x->t, e);
    return rc;
}

/* Reads the live task into x->t; archived tasks take no reports. */
static int
progress_task(struct db *db, const char *task_id, struct progress_edit *x, struct err *e)
{
    int rc = db_task_get(db, task_id, &x->t, e);

    if (rc == ERR_OK && x->t.archived_at[0])
        rc = err_set(e, ERR_INVALID, "任务 %d.%d 已删除（归档），请先恢复。", x->t.action_no,
                     x->t.no);
    return rc;
}

int
progress_add(struct db *db, const char *user, const char *today, const char *task_id,
             const struct progress_input *in, char id[DB_TASK_ID], struct err *e)
{
    struct progress_edit x;
    int rc;

    memset(&x, 0, sizeof x);
    x.insert = 1;
    if ((rc = progress_task(db, task_id, &x, e)) == ERR_OK) {
        uuid_new(x.r.id);
        memcpy(x.r.task_id, x.t.id, sizeof x.r.task_id);
        if ((rc = progress_apply(db, &x, in, user, today, e)) == ERR_OK)
            rc = db_write(db, user, progress_write, &x, e);
    }
    if (rc == ERR_OK && id)
        memcpy(id, x.r.id, DB_TASK_ID);
    progress_edit_free(&x);
    return rc;
}

int
progress_update(struct db *db, const char *user, const char *today, const char *id,
                const struct progress_input *in, struct err *e)
{
    struct progress_edit x;
    int rc;

    memset(&x, 0, sizeof x);
    if ((rc = db_report_get(db, id, &x.r, e)) == ERR_OK && x.r.archived_at[0])
        rc = err_set(e, ERR_INVALID, "这条进展报送已删除，请先恢复再修改。");
    if (rc == ERR_OK && (rc = progress_task(db, x.r.task_id, &x, e)) == ERR_OK &&
        (rc = progress_apply(db, &x, in, user, today, e)) == ERR_OK)
        rc = db_write(db, user, progress_write, &x, e);
    progress_edit_free(&x);
    return rc;
}

static int
progress_archive_tx(struct db *db, void *arg, struct err *e)
{
    const char *id = arg;

    return db_report_archive(db, id, db_now(db), e);
}

int
progress_archive(struct db *db, const char *user, const char *id, struct err *e)
{
    struct db_report r;
    char key[DB_TASK_ID];
    int rc = db_report_get(db, id, &r, e);

    if (rc == ERR_OK && r.archived_at[0])
        rc = err_set(e, ERR_INVALID, "这条进展报送已经删除。");
    memcpy(key, r.id, sizeof key);
    db_report_free(&r);
    if (rc != ERR_OK)
        return rc;
    return db_write(db, user, progress_archive_tx, key, e);
}

int
progress_find(struct db *db, const char *ref, char id[DB_TASK_ID], struct err *e)
{
    return task_find_key(db, db_report_by_prefix, ref, "进展报送", id, e);
}

/* A task still 未启动 starts with its first report: the form says so. */
static void
progress_default_status(struct db *db, const struct db_task *t, struct progress_defaults *d)
{
    struct db_task_status s;
    char code[32];

    if (progress_status_code(db, t->status_id, code, NULL) == ERR_OK &&
        strcmp(code, "not_started") == 0 &&
        task_status_resolve(db, "in_progress", "status", &s, NULL) == ERR_OK)
        snprintf(d->status, sizeof d->status, "%s", s.name);
}

int
progress_defaults(struct db *db, const char *task_id, const char *user, const char *user_unit,
                  const char *today, struct progress_defaults *d, struct err *e)
{
    struct db_task t;
    struct db_task_unit *u;
    char lead_id[DB_TASK_ID];
    size_t n, i;
    int rc;

    memset(d, 0, sizeof *d);
    snprintf(d->report_date, sizeof d->report_date, "%s", today);
    date_month_of(today, d->period);
    snprintf(d->person, sizeof d->person, "%s", user ? user : "");
    if ((rc = db_task_get(db, task_id, &t, e)) != ERR_OK)
        return rc;
    d->percent = t.percent;
    snprintf(d->status, sizeof d->status, "%s", t.status);
    progress_default_status(db, &t, d);
    db_task_free(&t);
    if ((rc = progress_lead(db, task_id, lead_id, d->unit, sizeof d->unit, e)) != ERR_OK ||
        user_unit == NULL || *user_unit == '\0' ||
        (rc = db_task_units(db, task_id, &u, &n, e)) != ERR_OK)
        return rc;
    if (db_unit_lookup(db, user_unit, lead_id, NULL, 0, NULL) != ERR_OK)
        lead_id[0] = '\0'; /* the user's unit is not in the list: keep the lead */
    for (i = 0; i < n; i++) {
        if (strcmp(u[i].unit_id, lead_id) == 0)
            snprintf(d->unit, sizeof d->unit, "%s", u[i].name);
    }
    db_task_units_free(u, n);
    return ERR_OK;
}
