/* plan.c — reading the plan, its targets, actions, units, tasks and safeguards. */
#include "db/plan.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/db_priv.h"
#include "src/xmalloc.h"

int
db_plan_get(struct db *db, int year, struct db_plan *out, struct err *e)
{
    static const char sql[] =
        "SELECT id, year, title, issuer, notice, preamble, requirements, tasks_intro FROM plan"
        " WHERE ?1 = 0 OR year = ?1 ORDER BY year DESC LIMIT 1";
    sqlite3_stmt *st = db_stmt(db, sql, e);
    int r;

    memset(out, 0, sizeof *out);
    if (st == NULL)
        return ERR_DB;
    sqlite3_bind_int(st, 1, year);
    if ((r = db_step_row(db, st, e)) <= 0)
        return r < 0 ? ERR_DB
                     : err_set(e, ERR_NOTFOUND,
                               year ? "数据库中没有 %d 年的工作方案。"
                                    : "数据库中还没有工作方案，请先运行 tuwei init。",
                               year);
    db_col_copy(st, 0, out->id, sizeof out->id);
    out->year = sqlite3_column_int(st, 1);
    out->title = db_col_text(st, 2);
    out->issuer = db_col_text(st, 3);
    out->notice = db_col_text(st, 4);
    out->preamble = db_col_text(st, 5);
    out->requirements = db_col_text(st, 6);
    out->tasks_intro = db_col_text(st, 7);
    sqlite3_reset(st);
    return ERR_OK;
}

void
db_plan_free(struct db_plan *p)
{
    if (p == NULL)
        return;
    free(p->title);
    free(p->issuer);
    free(p->notice);
    free(p->preamble);
    free(p->requirements);
    free(p->tasks_intro);
    memset(p, 0, sizeof *p);
}

int
db_plan_targets(struct db *db, const char *plan_id, struct db_target **out, size_t *n,
                struct err *e)
{
    static const char sql[] =
        "SELECT id, code, name, kind, value, unit, comparator, source_text FROM target"
        " WHERE plan_id = ?1 ORDER BY sort, rowid";
    sqlite3_stmt *st = db_stmt(db, sql, e);
    struct db_target *t = NULL, *x;
    int r;

    *out = NULL;
    *n = 0;
    if (st == NULL)
        return ERR_DB;
    sqlite3_bind_text(st, 1, plan_id, -1, SQLITE_STATIC);
    while ((r = db_step_row(db, st, e)) > 0) {
        t = db_grow(t, *n, sizeof *t);
        x = &t[(*n)++];
        db_col_copy(st, 0, x->id, sizeof x->id);
        x->code = db_col_text(st, 1);
        x->name = db_col_text(st, 2);
        x->kind = db_col_text(st, 3);
        x->has_value = sqlite3_column_type(st, 4) != SQLITE_NULL;
        x->value = sqlite3_column_double(st, 4);
        x->unit = db_col_text(st, 5);
        x->comparator = db_col_text(st, 6);
        x->source_text = db_col_text(st, 7);
    }
    *out = t;
    return r < 0 ? ERR_DB : ERR_OK;
}

void
db_targets_free(struct db_target *t, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++) {
        free(t[i].code);
        free(t[i].name);
        free(t[i].kind);
        free(t[i].unit);
        free(t[i].comparator);
        free(t[i].source_text);
    }
    free(t);
}

/* Fills a->units with the action's responsible units in the plan's order. */
static int
plan_action_units(struct db *db, struct db_action *a, struct err *e)
{
    static const char sql[] =
        "SELECT u.id, u.name, au.named_as FROM action_unit au JOIN unit u ON u.id = au.unit_id"
        " WHERE au.action_id = ?1 ORDER BY au.sort";
    sqlite3_stmt *st = db_stmt(db, sql, e);
    struct db_unit_ref *u;
    int r;

    if (st == NULL)
        return ERR_DB;
    sqlite3_bind_text(st, 1, a->id, -1, SQLITE_TRANSIENT);
    while ((r = db_step_row(db, st, e)) > 0) {
        a->units = db_grow(a->units, a->nunits, sizeof *a->units);
        u = &a->units[a->nunits++];
        db_col_copy(st, 0, u->id, sizeof u->id);
        u->name = db_col_text(st, 1);
        u->named_as = db_col_text(st, 2);
    }
    return r < 0 ? ERR_DB : ERR_OK;
}

int
db_plan_actions(struct db *db, const char *plan_id, struct db_action **out, size_t *n,
                struct err *e)
{
    static const char sql[] =
        "SELECT a.id, a.no, a.name, a.title, a.body,"
        " (SELECT count(*) FROM task t WHERE t.action_id = a.id AND t.archived_at IS NULL)"
        " FROM action a WHERE a.plan_id = ?1 ORDER BY a.no";
    sqlite3_stmt *st = db_stmt(db, sql, e);
    struct db_action *a = NULL, *x;
    size_t i;
    int r;

    *out = NULL;
    *n = 0;
    if (st == NULL)
        return ERR_DB;
    sqlite3_bind_text(st, 1, plan_id, -1, SQLITE_STATIC);
    while ((r = db_step_row(db, st, e)) > 0) {
        a = db_grow(a, *n, sizeof *a);
        x = &a[(*n)++];
        db_col_copy(st, 0, x->id, sizeof x->id);
        x->no = sqlite3_column_int(st, 1);
        x->name = db_col_text(st, 2);
        x->title = db_col_text(st, 3);
        x->body = db_col_text(st, 4);
        x->ntasks = (long)sqlite3_column_int64(st, 5);
    }
    sqlite3_reset(st);
    for (i = 0; r == 0 && i < *n; i++)
        r = plan_action_units(db, &a[i], e) == ERR_OK ? 0 : -1;
    *out = a;
    return r < 0 ? ERR_DB : ERR_OK;
}

void
db_actions_free(struct db_action *a, size_t n)
{
    size_t i, j;

    for (i = 0; i < n; i++) {
        free(a[i].name);
        free(a[i].title);
        free(a[i].body);
        for (j = 0; j < a[i].nunits; j++) {
            free(a[i].units[j].name);
            free(a[i].units[j].named_as);
        }
        free(a[i].units);
    }
    free(a);
}

int
db_plan_tasks(struct db *db, const char *action_id, struct db_task_brief **out, size_t *n,
              struct err *e)
{
    static const char sql[] =
        "SELECT t.id, a.no, t.no, t.title, t.body, s.name, t.start_date, t.due_date, t.percent"
        " FROM task t JOIN action a ON a.id = t.action_id"
        " LEFT JOIN task_status s ON s.id = t.status_id"
        " WHERE t.action_id = ?1 AND t.archived_at IS NULL ORDER BY t.no";
    sqlite3_stmt *st = db_stmt(db, sql, e);
    struct db_task_brief *t = NULL, *x;
    int r;

    *out = NULL;
    *n = 0;
    if (st == NULL)
        return ERR_DB;
    sqlite3_bind_text(st, 1, action_id, -1, SQLITE_STATIC);
    while ((r = db_step_row(db, st, e)) > 0) {
        t = db_grow(t, *n, sizeof *t);
        x = &t[(*n)++];
        db_col_copy(st, 0, x->id, sizeof x->id);
        x->action_no = sqlite3_column_int(st, 1);
        x->no = sqlite3_column_int(st, 2);
        x->title = db_col_text(st, 3);
        x->body = db_col_text(st, 4);
        x->status = db_col_text(st, 5);
        x->start_date = db_col_text(st, 6);
        x->due_date = db_col_text(st, 7);
        x->percent = sqlite3_column_int(st, 8);
    }
    *out = t;
    return r < 0 ? ERR_DB : ERR_OK;
}

void
db_task_briefs_free(struct db_task_brief *t, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++) {
        free(t[i].title);
        free(t[i].body);
        free(t[i].status);
        free(t[i].start_date);
        free(t[i].due_date);
    }
    free(t);
}

int
db_plan_safeguards(struct db *db, const char *plan_id, struct db_safeguard **out, size_t *n,
                   struct err *e)
{
    static const char sql[] =
        "SELECT no, title, body FROM safeguard WHERE plan_id = ?1 ORDER BY no";
    sqlite3_stmt *st = db_stmt(db, sql, e);
    struct db_safeguard *s = NULL, *x;
    int r;

    *out = NULL;
    *n = 0;
    if (st == NULL)
        return ERR_DB;
    sqlite3_bind_text(st, 1, plan_id, -1, SQLITE_STATIC);
    while ((r = db_step_row(db, st, e)) > 0) {
        s = db_grow(s, *n, sizeof *s);
        x = &s[(*n)++];
        x->no = sqlite3_column_int(st, 0);
        x->title = db_col_text(st, 1);
        x->body = db_col_text(st, 2);
    }
    *out = s;
    return r < 0 ? ERR_DB : ERR_OK;
}

void
db_safeguards_free(struct db_safeguard *s, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++) {
        free(s[i].title);
        free(s[i].body);
    }
    free(s);
}

long
db_plan_count(struct db *db, const char *table)
{
    static const char *const known[] = {"enterprise", "institution",   "platform",
                                        "pilot_base", "pilot_project", "unit",
                                        "task",       "industry_field"};
    char sql[96];
    sqlite3_stmt *st;
    long n = -1;
    size_t i;

    for (i = 0; i < sizeof known / sizeof known[0]; i++) {
        if (strcmp(known[i], table) == 0)
            break;
    }
    if (i == sizeof known / sizeof known[0])
        return -1;
    snprintf(sql, sizeof sql, "SELECT count(*) FROM %s", known[i]);
    if (sqlite3_prepare_v2(db_handle(db), sql, -1, &st, NULL) != SQLITE_OK)
        return -1;
    if (sqlite3_step(st) == SQLITE_ROW)
        n = (long)sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return n;
}
