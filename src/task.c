/*
 * task.c — finding, adding, editing, archiving and restoring tasks. Input
 * is checked field by field into a struct task_edit (the row as it will
 * be, with its units and links resolved to keys), then written in one
 * transaction.
 */
#include "src/field.h"
#include "src/task.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "src/date.h"
#include "src/uuid.h"
#include "src/xmalloc.h"

#define TASK_TITLE_MAX 200 /* characters */

/* The task as it will be written. */
struct task_edit {
    struct db_task t;
    int insert;
    int units_set;
    char lead[DB_TASK_ID];
    char (*co)[DB_TASK_ID];
    size_t nco;
    int links_set[2];
    char (*links[2])[DB_TASK_ID];
    size_t nlinks[2];
};

int
task_refield(struct err *e, const char *field)
{
    if (e) {
        e->code = ERR_INVALID;
        snprintf(e->field, sizeof e->field, "%s", field);
    }
    return ERR_INVALID;
}

static void
task_edit_free(struct task_edit *x)
{
    db_task_free(&x->t);
    free(x->co);
    free(x->links[0]);
    free(x->links[1]);
}

/* Length of the blank (ASCII space, tab, line break or U+3000) at p, or 0. */
static size_t
task_blank(const char *p)
{
    if (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')
        return 1;
    return strncmp(p, "\xe3\x80\x80", 3) == 0 ? 3 : 0;
}

char *
task_trim(const char *s)
{
    const char *end;
    size_t b;

    while ((b = task_blank(s)) > 0)
        s += b;
    end = s + strlen(s);
    while (end > s) {
        if (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\r' || end[-1] == '\n')
            end--;
        else if (end - s >= 3 && strncmp(end - 3, "\xe3\x80\x80", 3) == 0)
            end -= 3;
        else
            break;
    }
    return xstrndup(s, (size_t)(end - s));
}

/* Length of the list separator at p (、 ， , ; ； line break), or 0. */
static size_t
task_separator(const char *p)
{
    static const char *const seps[] = {
        "\xe3\x80\x81", "\xef\xbc\x8c", "\xef\xbc\x9b", ",", ";", "\n", "\r"};
    size_t i, n;

    for (i = 0; i < sizeof seps / sizeof seps[0]; i++) {
        n = strlen(seps[i]);
        if (strncmp(p, seps[i], n) == 0)
            return n;
    }
    return 0;
}

char **
task_split_names(const char *text, size_t *n)
{
    char **names = NULL, *part, *name;
    const char *p = text ? text : "", *start = p;
    size_t sep, i;

    *n = 0;
    for (;;) {
        sep = *p ? task_separator(p) : 1;
        if (sep == 0) {
            p++;
            continue;
        }
        part = xstrndup(start, (size_t)(p - start));
        name = task_trim(part);
        free(part);
        for (i = 0; i < *n && strcmp(names[i], name) != 0; i++)
            ;
        if (*name && i == *n) {
            names = xrealloc(names, (*n + 1) * sizeof *names);
            names[(*n)++] = name;
        } else {
            free(name);
        }
        if (*p == '\0')
            break;
        p += sep;
        start = p;
    }
    return names;
}

void
task_names_free(char **names, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++)
        free(names[i]);
    free(names);
}

void
task_number(const struct db_task *t, char *buf, size_t size)
{
    snprintf(buf, size, "%d.%d", t->action_no, t->no);
}

/* Reads "a.n" into its two numbers; 0 when ref is not written so. */
static int
task_parse_number(const char *ref, int *a, int *n)
{
    char extra;

    return strspn(ref, "0123456789.") == strlen(ref) && sscanf(ref, "%d.%d%c", a, n, &extra) == 2;
}

/* 1 when ref could be (the start of) a key: hex digits and dashes. */
static int
task_keyish(const char *ref)
{
    return *ref && strspn(ref, "0123456789abcdef-") == strlen(ref);
}

int
task_find_key(struct db *db, task_prefix_fn fn, const char *ref, const char *what,
              char id[DB_TASK_ID], struct err *e)
{
    char *r = task_trim(ref ? ref : ""), *p, ids[2][DB_TASK_ID];
    size_t n = 0;
    int rc;

    for (p = r; *p; p++)
        *p = (char)tolower((unsigned char)*p);
    if (!task_keyish(r) || strlen(r) < 4)
        rc = err_field(e, ERR_INVALID, "id", "“%s”不是%s的 ID（至少写前 4 位）。", ref ? ref : "",
                       what);
    else if ((rc = fn(db, r, ids, 2, &n, e)) == ERR_OK && n == 0)
        rc = err_set(e, ERR_NOTFOUND, "找不到 ID 以“%s”开头的%s。", r, what);
    else if (rc == ERR_OK && n > 1)
        rc =
            err_field(e, ERR_INVALID, "id", "ID 以“%s”开头的%s有 %zu 条，请多写几位。", r, what, n);
    else if (rc == ERR_OK)
        memcpy(id, ids[0], DB_TASK_ID);
    free(r);
    return rc;
}

int
task_find(struct db *db, const char *ref, char id[DB_TASK_ID], struct err *e)
{
    char *r = task_trim(ref ? ref : "");
    int a, no, rc;

    if (task_parse_number(r, &a, &no))
        rc = db_task_by_number(db, a, no, id, e);
    else if (*r && strspn(r, "0123456789abcdefABCDEF-") == strlen(r))
        rc = task_find_key(db, db_task_by_prefix, r, "任务", id, e);
    else
        rc = err_field(e, ERR_INVALID, "id",
                       "“%s”不是任务编号：请写方案中的编号（如 6.5）或任务 ID（至少前 4 位）。", r);
    free(r);
    return rc;
}

int
task_unit_resolve(struct db *db, const char *name, const char *field, char id[DB_TASK_ID],
                  char *official, size_t size, struct err *e)
{
    char **names, *hint = NULL;
    size_t n, i, hits = 0;
    int rc = db_unit_lookup(db, name, id, official, size, e);

    if (rc != ERR_NOTFOUND)
        return rc;
    if (db_unit_names(db, &names, &n, NULL) == ERR_OK) {
        for (i = 0; i < n; i++) {
            if (strstr(names[i], name) != NULL && hits++ == 0)
                hint = names[i];
        }
        if (hits == 1)
            rc = err_field(e, ERR_INVALID, field, "没有名为“%s”的责任单位，是否指“%s”？", name,
                           hint);
        else
            rc = err_field(
                e, ERR_INVALID, field,
                "没有名为“%s”的责任单位，请使用单位名录中的名称（如“旗科技发展服务中心”）。", name);
        task_names_free(names, n);
    }
    return rc == ERR_NOTFOUND ? err_field(e, ERR_INVALID, field, "没有名为“%s”的责任单位。", name)
                              : rc;
}

int
task_status_resolve(struct db *db, const char *name, const char *field, struct db_task_status *out,
                    struct err *e)
{
    struct db_task_status *s;
    char list[512] = "";
    size_t n, i;
    int rc = db_task_statuses(db, &s, &n, e);

    if (rc != ERR_OK)
        return rc;
    for (i = 0; i < n; i++) {
        if (strcmp(s[i].name, name) == 0 || strcmp(s[i].code, name) == 0) {
            *out = s[i];
            free(s);
            return ERR_OK;
        }
        snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s", i ? "、" : "", s[i].name);
    }
    free(s);
    return err_field(e, ERR_INVALID, field, "没有“%s”这个状态，可选：%s。", name, list);
}

int
task_parse_percent(const char *text, int *out, struct err *e)
{
    char *s = task_trim(text), *end;
    long v;
    size_t len = strlen(s);

    if (len >= 3 && strcmp(s + len - 3, "\xef\xbc\x85") == 0)
        s[len - 3] = '\0';
    else if (len >= 1 && s[len - 1] == '%')
        s[len - 1] = '\0';
    errno = 0;
    v = strtol(s, &end, 10);
    if (*s == '\0' || *end != '\0' || errno != 0) {
        free(s);
        return err_field(e, ERR_INVALID, "percent", "进度“%s”应为 0 到 100 之间的整数。", text);
    }
    free(s);
    if (v < 0 || v > 100)
        return err_field(e, ERR_INVALID, "percent", "进度 %ld%% 超出范围，应在 0 到 100 之间。", v);
    *out = (int)v;
    return ERR_OK;
}

/* Parses an optional typed date into out ("" clears it). */
static int
task_parse_date(const char *text, const char *field, char out[DB_TASK_DATE], struct err *e)
{
    char *s = task_trim(text);
    int rc = ERR_OK;

    if (*s == '\0')
        out[0] = '\0';
    else if ((rc = date_parse(s, out, e)) != ERR_OK)
        task_refield(e, field);
    free(s);
    return rc;
}

/* Resolves a typed list of unit names into keys (without the lead). */
static int
task_apply_co(struct db *db, struct task_edit *x, const char *text, struct err *e)
{
    size_t n, i;
    char **names = task_split_names(text, &n), id[DB_TASK_ID], official[128];
    int rc = ERR_OK;

    x->nco = 0;
    x->co = xcalloc(n + 1, sizeof *x->co);
    for (i = 0; i < n && rc == ERR_OK; i++) {
        rc = task_unit_resolve(db, names[i], "co", id, official, sizeof official, e);
        if (rc == ERR_OK && strcmp(id, x->lead) != 0)
            memcpy(x->co[x->nco++], id, DB_TASK_ID);
    }
    task_names_free(names, n);
    return rc;
}

/* Resolves the lead unit; the lead is required. */
static int
task_apply_lead(struct db *db, struct task_edit *x, const char *text, struct err *e)
{
    char *name = task_trim(text), official[128];
    int rc;

    if (*name == '\0')
        rc = err_field(e, ERR_INVALID, "lead", "请填写牵头单位。");
    else
        rc = task_unit_resolve(db, name, "lead", x->lead, official, sizeof official, e);
    free(name);
    return rc;
}

/* Keeps the task's current units where the input leaves them alone. */
static int
task_current_units(struct db *db, struct task_edit *x, const struct task_input *in, struct err *e)
{
    struct db_task_unit *u;
    size_t n, i;
    int rc = db_task_units(db, x->t.id, &u, &n, e);

    if (rc != ERR_OK)
        return rc;
    x->co = xcalloc(n + 1, sizeof *x->co);
    for (i = 0; i < n; i++) {
        if (u[i].lead && in->lead == NULL)
            memcpy(x->lead, u[i].unit_id, DB_TASK_ID);
        else if (!u[i].lead && in->co == NULL)
            memcpy(x->co[x->nco++], u[i].unit_id, DB_TASK_ID);
    }
    db_task_units_free(u, n);
    return ERR_OK;
}

static int
task_apply_units(struct db *db, struct task_edit *x, const struct task_input *in, struct err *e)
{
    int rc = ERR_OK;
    size_t i, o = 0;

    if (!x->insert && in->lead == NULL && in->co == NULL)
        return ERR_OK;
    x->units_set = 1;
    if (!x->insert && (rc = task_current_units(db, x, in, e)) != ERR_OK)
        return rc;
    if ((x->insert || in->lead) && (rc = task_apply_lead(db, x, in->lead ? in->lead : "", e)))
        return rc;
    if (in->co) {
        free(x->co);
        x->co = NULL;
        rc = task_apply_co(db, x, in->co, e);
    }
    for (i = 0; i < x->nco; i++) { /* a co unit that became the lead */
        if (strcmp(x->co[i], x->lead) != 0)
            memmove(x->co[o++], x->co[i], DB_TASK_ID);
    }
    x->nco = o;
    if (rc == ERR_OK && x->lead[0] == '\0')
        rc = err_field(e, ERR_INVALID, "lead", "请填写牵头单位。");
    return rc;
}

static int
task_apply_links(struct db *db, struct task_edit *x, enum db_task_link_kind kind, const char *text,
                 struct err *e)
{
    size_t n, i;
    char **names;
    int rc = ERR_OK;

    if (text == NULL)
        return ERR_OK;
    names = task_split_names(text, &n);
    x->links_set[kind] = 1;
    x->links[kind] = xcalloc(n + 1, sizeof *x->links[kind]);
    for (i = 0; i < n && rc == ERR_OK; i++) {
        rc = db_task_link_lookup(db, kind, names[i], x->links[kind][i], e);
        if (rc == ERR_NOTFOUND)
            rc = task_refield(e, kind == DB_TASK_LINK_ENTERPRISE ? "enterprises" : "institutions");
    }
    x->nlinks[kind] = n;
    task_names_free(names, n);
    return rc;
}

static int
task_apply_title(struct task_edit *x, const struct task_input *in, struct err *e)
{
    char *title;
    size_t chars = 0;
    const char *p;
    int rc;

    if (in->title == NULL && !x->insert)
        return ERR_OK;
    title = task_trim(in->title ? in->title : "");
    if ((rc = field_check_text("title", "任务名称", title, 0, e)) != ERR_OK) {
        free(title);
        return rc;
    }
    for (p = title; *p; p++)
        chars += ((unsigned char)*p & 0xc0) != 0x80;
    if (*title == '\0' || chars > TASK_TITLE_MAX) {
        free(title);
        if (chars == 0)
            return err_field(e, ERR_INVALID, "title", "请填写任务名称。");
        return err_field(e, ERR_INVALID, "title",
                         "任务名称太长（%zu 个字），请控制在 %d 个字以内。", chars, TASK_TITLE_MAX);
    }
    free(x->t.title);
    x->t.title = title;
    return ERR_OK;
}

static int
task_apply_dates(struct task_edit *x, const struct task_input *in, struct err *e)
{
    int rc = ERR_OK;

    if (in->start_date)
        rc = task_parse_date(in->start_date, "start_date", x->t.start_date, e);
    if (rc == ERR_OK && in->due_date)
        rc = task_parse_date(in->due_date, "due_date", x->t.due_date, e);
    if (rc == ERR_OK && x->t.start_date[0] && x->t.due_date[0] &&
        strcmp(x->t.due_date, x->t.start_date) < 0)
        rc = err_field(e, ERR_INVALID, in->due_date ? "due_date" : "start_date",
                       "截止日期（%s）不能早于开始日期（%s）。", x->t.due_date, x->t.start_date);
    return rc;
}

/* The first status in order (未启动 in the shipped list). */
static int
task_first_status(struct db *db, struct db_task_status *out, struct err *e)
{
    struct db_task_status *all;
    size_t n;
    int rc = db_task_statuses(db, &all, &n, e);

    if (rc == ERR_OK && n == 0)
        rc = err_field(e, ERR_INVALID, "status", "数据库中没有任务状态，请先运行 tuwei init。");
    if (rc == ERR_OK)
        *out = all[0];
    free(all);
    return rc;
}

static int
task_apply_status(struct db *db, struct task_edit *x, const struct task_input *in, struct err *e)
{
    struct db_task_status s;
    char *name = task_trim(in->status ? in->status : "");
    int rc;

    if (*name)
        rc = task_status_resolve(db, name, "status", &s, e);
    else if (x->insert)
        rc = task_first_status(db, &s, e);
    else
        rc = in->status ? err_field(e, ERR_INVALID, "status", "请选择状态。") : -1;
    free(name);
    if (rc != ERR_OK)
        return rc < 0 ? ERR_OK : rc; /* -1: status left as it is */
    memcpy(x->t.status_id, s.id, sizeof s.id);
    if (s.is_done && in->percent == NULL)
        x->t.percent = 100;
    return ERR_OK;
}

/* Checks every field of in into x (x->t holds the current row on update). */
static int
task_apply(struct db *db, struct task_edit *x, const struct task_input *in, struct err *e)
{
    int rc;
    char *body;

    if ((rc = task_apply_title(x, in, e)) != ERR_OK)
        return rc;
    if (in->body) {
        if ((rc = field_check_text("body", "任务内容", in->body, FIELD_MULTILINE | FIELD_TABS,
                                   e)) != ERR_OK)
            return rc;
        body = task_trim(in->body);
        free(x->t.body);
        x->t.body = body;
    }
    if (in->percent && (rc = task_parse_percent(in->percent, &x->t.percent, e)) != ERR_OK)
        return rc;
    if ((rc = task_apply_dates(x, in, e)) != ERR_OK ||
        (rc = task_apply_status(db, x, in, e)) != ERR_OK ||
        (rc = task_apply_units(db, x, in, e)) != ERR_OK ||
        (rc = task_apply_links(db, x, DB_TASK_LINK_ENTERPRISE, in->enterprises, e)) != ERR_OK)
        return rc;
    return task_apply_links(db, x, DB_TASK_LINK_INSTITUTION, in->institutions, e);
}

/* The pointers db_task_set_* take, into the edit's arrays. */
static const char **
task_ptrs(char (*ids)[DB_TASK_ID], size_t n)
{
    const char **p = xcalloc(n + 1, sizeof *p);
    size_t i;

    for (i = 0; i < n; i++)
        p[i] = ids[i];
    return p;
}

static int
task_write_links(struct db *db, struct task_edit *x, enum db_task_link_kind kind, struct err *e)
{
    const char **p;
    int rc;

    if (!x->links_set[kind])
        return ERR_OK;
    p = task_ptrs(x->links[kind], x->nlinks[kind]);
    rc = db_task_set_links(db, x->t.id, kind, p, x->nlinks[kind], e);
    free(p);
    return rc;
}

static int
task_write(struct db *db, void *arg, struct err *e)
{
    struct task_edit *x = arg;
    const char **co;
    int rc;

    rc = x->insert ? db_task_insert(db, &x->t, e) : db_task_update(db, &x->t, e);
    if (rc == ERR_OK && x->units_set) {
        co = task_ptrs(x->co, x->nco);
        rc = db_task_set_units(db, x->t.id, x->lead, co, x->nco, e);
        free(co);
    }
    if (rc == ERR_OK)
        rc = task_write_links(db, x, DB_TASK_LINK_ENTERPRISE, e);
    if (rc == ERR_OK)
        rc = task_write_links(db, x, DB_TASK_LINK_INSTITUTION, e);
    return rc;
}

/* The action of a new task from its typed number. */
static int
task_apply_action(struct db *db, struct task_edit *x, const char *text, struct err *e)
{
    char *s = task_trim(text ? text : ""), *end;
    long no = strtol(s, &end, 10);
    int rc;

    if (*s == '\0')
        rc = err_field(e, ERR_INVALID, "action", "请选择任务所属的行动（1 到 7）。");
    else if (*end != '\0' || no < 1 || no > 99)
        rc = err_field(e, ERR_INVALID, "action", "行动编号“%s”不对，应为 1 到 7。", s);
    else if ((rc = db_task_action_by_no(db, (int)no, x->t.action_id, e)) == ERR_NOTFOUND)
        rc = task_refield(e, "action");
    else if (rc == ERR_OK)
        rc = db_task_next_no(db, x->t.action_id, &x->t.no, e);
    free(s);
    return rc;
}

int
task_add(struct db *db, const char *user, const struct task_input *in, char id[DB_TASK_ID],
         struct err *e)
{
    struct task_edit x;
    int rc;

    memset(&x, 0, sizeof x);
    x.insert = 1;
    uuid_new(x.t.id);
    if ((rc = task_apply_action(db, &x, in->action, e)) == ERR_OK &&
        (rc = task_apply(db, &x, in, e)) == ERR_OK)
        rc = db_write(db, user, task_write, &x, e);
    if (rc == ERR_OK && id)
        memcpy(id, x.t.id, DB_TASK_ID);
    task_edit_free(&x);
    return rc;
}

/* Reads the live task id into x; archived tasks are refused. */
static int
task_load_live(struct db *db, const char *id, struct task_edit *x, struct err *e)
{
    int rc;

    memset(x, 0, sizeof *x);
    if ((rc = db_task_get(db, id, &x->t, e)) != ERR_OK)
        return rc;
    if (x->t.archived_at[0])
        return err_set(e, ERR_INVALID, "任务 %d.%d 已删除（归档），请先恢复再修改。",
                       x->t.action_no, x->t.no);
    return ERR_OK;
}

int
task_update(struct db *db, const char *user, const char *id, const struct task_input *in,
            struct err *e)
{
    struct task_edit x;
    int rc;

    if ((rc = task_load_live(db, id, &x, e)) == ERR_OK &&
        (rc = task_apply(db, &x, in, e)) == ERR_OK)
        rc = db_write(db, user, task_write, &x, e);
    task_edit_free(&x);
    return rc;
}

int
task_set_status(struct db *db, const char *user, const char *id, const char *status, struct err *e)
{
    struct task_input in = {0};

    if (status == NULL || *status == '\0')
        return err_field(e, ERR_INVALID, "status", "请选择状态。");
    in.status = status;
    return task_update(db, user, id, &in, e);
}

/* The archive or restore of one record, for db_write. */
struct task_archive_arg {
    const char *kind;
    const char *id;
    const char *at; /* NULL restores */
};

static int
task_archive_tx(struct db *db, void *arg, struct err *e)
{
    struct task_archive_arg *a = arg;
    const char *at = a->at ? db_now(db) : NULL;

    if (strcmp(a->kind, "task") == 0)
        return db_task_archive(db, a->id, at, e);
    if (strcmp(a->kind, "task_milestone") == 0)
        return db_milestone_archive(db, a->id, at, e);
    return db_report_archive(db, a->id, at, e);
}

int
task_archive(struct db *db, const char *user, const char *id, struct err *e)
{
    struct task_edit x;
    struct task_archive_arg a = {"task", id, "now"};
    int rc;

    if ((rc = task_load_live(db, id, &x, e)) == ERR_OK)
        rc = db_write(db, user, task_archive_tx, &a, e);
    task_edit_free(&x);
    return rc;
}

/* The archived_at of the record of kind with key id ("" when live). */
static int
task_archived_at(struct db *db, const char *kind, const char *id, char at[DB_TASK_TIME],
                 struct err *e)
{
    struct db_task t;
    struct db_milestone m;
    struct db_report r;
    int rc;

    if (strcmp(kind, "task") == 0) {
        if ((rc = db_task_get(db, id, &t, e)) == ERR_OK)
            memcpy(at, t.archived_at, DB_TASK_TIME);
        db_task_free(&t);
    } else if (strcmp(kind, "task_milestone") == 0) {
        if ((rc = db_milestone_get(db, id, &m, e)) == ERR_OK)
            memcpy(at, m.archived_at, DB_TASK_TIME);
        db_milestone_free(&m);
    } else {
        if ((rc = db_report_get(db, id, &r, e)) == ERR_OK)
            memcpy(at, r.archived_at, DB_TASK_TIME);
        db_report_free(&r);
    }
    return rc;
}

int
task_restore(struct db *db, const char *user, const char *id, const char **what, struct err *e)
{
    struct task_archive_arg a = {NULL, id, NULL};
    const char *name;
    char at[DB_TASK_TIME] = "";
    int rc;

    if ((a.kind = db_task_record_kind(db, id)) == NULL)
        return err_set(e, ERR_NOTFOUND, "找不到 ID 为 %s 的任务、里程碑或进展报送。", id);
    name = strcmp(a.kind, "task") == 0             ? "任务"
           : strcmp(a.kind, "task_milestone") == 0 ? "里程碑"
                                                   : "进展报送";
    if (what)
        *what = name;
    if ((rc = task_archived_at(db, a.kind, id, at, e)) != ERR_OK)
        return rc;
    if (at[0] == '\0')
        return err_set(e, ERR_INVALID, "这条%s没有被删除，无需恢复。", name);
    return db_write(db, user, task_archive_tx, &a, e);
}
