/*
 * task.c — task rows: reading one, finding one by key, prefix or plan
 * number, the status list, unit and link names, and writing a task with
 * its units and links.
 */
#include "db/task.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/db_priv.h"
#include "src/uuid.h"
#include "src/xmalloc.h"

static const char task_get_sql[] =
    "SELECT t.id, t.action_id, a.no, t.no, t.title, t.body, t.status_id, s.name,"
    " coalesce(s.is_done, 0), t.start_date, t.due_date, t.percent, t.report_last,"
    " t.milestone_due, t.archived_at, t.created_at, t.created_by, t.updated_at, t.updated_by,"
    " a.name FROM task t JOIN action a ON a.id = t.action_id"
    " LEFT JOIN task_status s ON s.id = t.status_id WHERE t.id = ?1";

int
db_task_get(struct db *db, const char *id, struct db_task *out, struct err *e)
{
    sqlite3_stmt *st = db_stmt(db, task_get_sql, e);
    int r;

    memset(out, 0, sizeof *out);
    if (st == NULL)
        return ERR_DB;
    sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
    if ((r = db_step_row(db, st, e)) <= 0)
        return r < 0 ? ERR_DB : err_set(e, ERR_NOTFOUND, "找不到这项任务（%s）。", id);
    db_col_copy(st, 0, out->id, sizeof out->id);
    db_col_copy(st, 1, out->action_id, sizeof out->action_id);
    out->action_no = sqlite3_column_int(st, 2);
    out->no = sqlite3_column_int(st, 3);
    out->title = db_col_text(st, 4);
    out->body = db_col_text(st, 5);
    db_col_copy(st, 6, out->status_id, sizeof out->status_id);
    db_col_copy(st, 7, out->status, sizeof out->status);
    out->status_done = sqlite3_column_int(st, 8);
    db_col_copy(st, 9, out->start_date, sizeof out->start_date);
    db_col_copy(st, 10, out->due_date, sizeof out->due_date);
    out->percent = sqlite3_column_int(st, 11);
    db_col_copy(st, 12, out->report_last, sizeof out->report_last);
    db_col_copy(st, 13, out->milestone_due, sizeof out->milestone_due);
    db_col_copy(st, 14, out->archived_at, sizeof out->archived_at);
    db_col_copy(st, 15, out->created_at, sizeof out->created_at);
    out->created_by = db_col_text(st, 16);
    db_col_copy(st, 17, out->updated_at, sizeof out->updated_at);
    out->updated_by = db_col_text(st, 18);
    out->action_name = db_col_text(st, 19);
    sqlite3_reset(st);
    return ERR_OK;
}

void
db_task_free(struct db_task *t)
{
    if (t == NULL)
        return;
    free(t->title);
    free(t->body);
    free(t->created_by);
    free(t->updated_by);
    free(t->action_name);
    t->title = t->body = t->created_by = t->updated_by = t->action_name = NULL;
}

int
db_task_by_prefix(struct db *db, const char *prefix, char ids[][DB_TASK_ID], size_t max, size_t *n,
                  struct err *e)
{
    /* Keys are lower-case hex: a range scan on the primary key finds the prefix. */
    static const char sql[] =
        "SELECT id FROM task WHERE id >= ?1 AND id < ?1 || '~' ORDER BY id LIMIT 100";
    sqlite3_stmt *st = db_stmt(db, sql, e);
    int r;

    *n = 0;
    if (st == NULL)
        return ERR_DB;
    sqlite3_bind_text(st, 1, prefix, -1, SQLITE_STATIC);
    while ((r = db_step_row(db, st, e)) == 1) {
        if (*n < max)
            db_col_copy(st, 0, ids[*n], DB_TASK_ID);
        (*n)++;
    }
    sqlite3_reset(st);
    return r < 0 ? ERR_DB : ERR_OK;
}

/* Steps st for one text column into buf; ERR_NOTFOUND (msg what) when no row. */
static int
task_one_id(struct db *db, sqlite3_stmt *st, char *buf, size_t size, const char *what,
            struct err *e)
{
    int r = db_step_row(db, st, e);

    if (r < 0)
        return ERR_DB;
    if (r == 0) {
        sqlite3_reset(st);
        return err_set(e, ERR_NOTFOUND, "%s", what);
    }
    db_col_copy(st, 0, buf, size);
    sqlite3_reset(st);
    return ERR_OK;
}

int
db_task_by_number(struct db *db, int action_no, int no, char id[DB_TASK_ID], struct err *e)
{
    static const char sql[] =
        "SELECT t.id FROM task t JOIN action a ON a.id = t.action_id"
        " WHERE a.plan_id = (SELECT id FROM plan ORDER BY year DESC LIMIT 1)"
        " AND a.no = ?1 AND t.no = ?2 ORDER BY t.archived_at IS NOT NULL, t.created_at LIMIT 1";
    sqlite3_stmt *st = db_stmt(db, sql, e);
    char what[96];

    if (st == NULL)
        return ERR_DB;
    sqlite3_bind_int(st, 1, action_no);
    sqlite3_bind_int(st, 2, no);
    snprintf(what, sizeof what, "没有编号为 %d.%d 的任务。", action_no, no);
    return task_one_id(db, st, id, DB_TASK_ID, what, e);
}

int
db_task_next_no(struct db *db, const char *action_id, int *no, struct err *e)
{
    static const char sql[] = "SELECT coalesce(max(no), 0) + 1 FROM task WHERE action_id = ?1";
    sqlite3_stmt *st = db_stmt(db, sql, e);
    int r;

    *no = 1;
    if (st == NULL)
        return ERR_DB;
    sqlite3_bind_text(st, 1, action_id, -1, SQLITE_STATIC);
    if ((r = db_step_row(db, st, e)) < 0)
        return ERR_DB;
    if (r == 1)
        *no = sqlite3_column_int(st, 0);
    sqlite3_reset(st);
    return ERR_OK;
}

int
db_task_action_by_no(struct db *db, int no, char id[DB_TASK_ID], struct err *e)
{
    static const char sql[] =
        "SELECT id FROM action WHERE plan_id = (SELECT id FROM plan ORDER BY year DESC LIMIT 1)"
        " AND no = ?1";
    sqlite3_stmt *st = db_stmt(db, sql, e);
    char what[96];

    if (st == NULL)
        return ERR_DB;
    sqlite3_bind_int(st, 1, no);
    snprintf(what, sizeof what, "没有第 %d 项行动（工作方案共有七大行动，编号 1–7）。", no);
    return task_one_id(db, st, id, DB_TASK_ID, what, e);
}

int
db_task_statuses(struct db *db, struct db_task_status **out, size_t *n, struct err *e)
{
    static const char sql[] = "SELECT id, code, name, is_done FROM task_status ORDER BY sort, code";
    sqlite3_stmt *st = db_stmt(db, sql, e);
    struct db_task_status *s = NULL;
    int r;

    *out = NULL;
    *n = 0;
    if (st == NULL)
        return ERR_DB;
    while ((r = db_step_row(db, st, e)) == 1) {
        s = db_grow(s, *n, sizeof *s);
        db_col_copy(st, 0, s[*n].id, sizeof s[*n].id);
        db_col_copy(st, 1, s[*n].code, sizeof s[*n].code);
        db_col_copy(st, 2, s[*n].name, sizeof s[*n].name);
        s[*n].is_done = sqlite3_column_int(st, 3);
        (*n)++;
    }
    sqlite3_reset(st);
    *out = s;
    return r < 0 ? ERR_DB : ERR_OK;
}

int
db_task_units(struct db *db, const char *task_id, struct db_task_unit **out, size_t *n,
              struct err *e)
{
    static const char sql[] = "SELECT tu.unit_id, u.name, tu.role = 'lead' FROM task_unit tu"
                              " JOIN unit u ON u.id = tu.unit_id WHERE tu.task_id = ?1"
                              " ORDER BY tu.role = 'lead' DESC, tu.rowid";
    sqlite3_stmt *st = db_stmt(db, sql, e);
    struct db_task_unit *u = NULL;
    int r;

    *out = NULL;
    *n = 0;
    if (st == NULL)
        return ERR_DB;
    sqlite3_bind_text(st, 1, task_id, -1, SQLITE_STATIC);
    while ((r = db_step_row(db, st, e)) == 1) {
        u = db_grow(u, *n, sizeof *u);
        db_col_copy(st, 0, u[*n].unit_id, sizeof u[*n].unit_id);
        u[*n].name = db_col_text(st, 1);
        u[*n].lead = sqlite3_column_int(st, 2);
        (*n)++;
    }
    sqlite3_reset(st);
    *out = u;
    return r < 0 ? ERR_DB : ERR_OK;
}

void
db_task_units_free(struct db_task_unit *u, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++)
        free(u[i].name);
    free(u);
}

static const char task_links_ent_sql[] =
    "SELECT x.id, x.name FROM task_enterprise l JOIN enterprise x ON x.id = l.enterprise_id"
    " WHERE l.task_id = ?1 ORDER BY l.rowid";
static const char task_links_inst_sql[] =
    "SELECT x.id, x.name FROM task_institution l JOIN institution x ON x.id = l.institution_id"
    " WHERE l.task_id = ?1 ORDER BY l.rowid";

int
db_task_links(struct db *db, const char *task_id, enum db_task_link_kind kind,
              struct db_task_link **out, size_t *n, struct err *e)
{
    sqlite3_stmt *st =
        db_stmt(db, kind == DB_TASK_LINK_ENTERPRISE ? task_links_ent_sql : task_links_inst_sql, e);
    struct db_task_link *l = NULL;
    int r;

    *out = NULL;
    *n = 0;
    if (st == NULL)
        return ERR_DB;
    sqlite3_bind_text(st, 1, task_id, -1, SQLITE_STATIC);
    while ((r = db_step_row(db, st, e)) == 1) {
        l = db_grow(l, *n, sizeof *l);
        db_col_copy(st, 0, l[*n].id, sizeof l[*n].id);
        l[*n].name = db_col_text(st, 1);
        (*n)++;
    }
    sqlite3_reset(st);
    *out = l;
    return r < 0 ? ERR_DB : ERR_OK;
}

void
db_task_links_free(struct db_task_link *l, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++)
        free(l[i].name);
    free(l);
}

int
db_unit_lookup(struct db *db, const char *name, char id[DB_TASK_ID], char *name_out, size_t size,
               struct err *e)
{
    static const char sql[] =
        "SELECT u.id, u.name FROM unit u WHERE u.archived_at IS NULL AND (u.name = ?1"
        " OR u.id IN (SELECT unit_id FROM unit_alias WHERE alias = ?1))"
        " ORDER BY u.name = ?1 DESC LIMIT 1";
    sqlite3_stmt *st = db_stmt(db, sql, e);
    int r;

    if (st == NULL)
        return ERR_DB;
    sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
    if ((r = db_step_row(db, st, e)) <= 0)
        return r < 0 ? ERR_DB : err_set(e, ERR_NOTFOUND, "没有名为“%s”的责任单位。", name);
    db_col_copy(st, 0, id, DB_TASK_ID);
    if (name_out)
        db_col_copy(st, 1, name_out, size);
    sqlite3_reset(st);
    return ERR_OK;
}

int
db_unit_names(struct db *db, char ***out, size_t *n, struct err *e)
{
    static const char sql[] =
        "SELECT name FROM unit WHERE archived_at IS NULL ORDER BY sort, tuwei_sortkey(name)";
    sqlite3_stmt *st = db_stmt(db, sql, e);
    char **names = NULL;
    int r;

    *out = NULL;
    *n = 0;
    if (st == NULL)
        return ERR_DB;
    while ((r = db_step_row(db, st, e)) == 1) {
        names = db_grow(names, *n, sizeof *names);
        names[(*n)++] = db_col_text(st, 0);
    }
    sqlite3_reset(st);
    *out = names;
    return r < 0 ? ERR_DB : ERR_OK;
}

int
db_task_link_lookup(struct db *db, enum db_task_link_kind kind, const char *name,
                    char id[DB_TASK_ID], struct err *e)
{
    static const char ent_sql[] =
        "SELECT id FROM enterprise WHERE archived_at IS NULL AND (name = ?1 OR short_name = ?1)"
        " ORDER BY name = ?1 DESC LIMIT 1";
    static const char inst_sql[] =
        "SELECT id FROM institution WHERE archived_at IS NULL AND name = ?1";
    int ent = kind == DB_TASK_LINK_ENTERPRISE;
    sqlite3_stmt *st = db_stmt(db, ent ? ent_sql : inst_sql, e);
    char what[256];

    if (st == NULL)
        return ERR_DB;
    sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
    snprintf(what, sizeof what,
             ent ? "没有名为“%s”的企业，请先在企业名录中登记。" : "没有名为“%s”的高校或科研院所。",
             name);
    return task_one_id(db, st, id, DB_TASK_ID, what, e);
}

/* Binds the stamps (?a created_at, ?a+1 created_by, ?a+2 updated_at, ?a+3 updated_by). */
static void
task_bind_stamps(struct db *db, sqlite3_stmt *st, int a)
{
    sqlite3_bind_text(st, a, db_now(db), -1, SQLITE_STATIC);
    sqlite3_bind_text(st, a + 1, db_user(db), -1, SQLITE_STATIC);
    sqlite3_bind_text(st, a + 2, db_now(db), -1, SQLITE_STATIC);
    sqlite3_bind_text(st, a + 3, db_user(db), -1, SQLITE_STATIC);
}

int
db_task_insert(struct db *db, const struct db_task *t, struct err *e)
{
    static const char sql[] =
        "INSERT INTO task(id, action_id, no, title, body, status_id, start_date, due_date,"
        " percent, created_at, created_by, updated_at, updated_by)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)";
    sqlite3_stmt *st = db_stmt(db, sql, e);

    if (st == NULL)
        return ERR_DB;
    sqlite3_bind_text(st, 1, t->id, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, t->action_id, -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 3, t->no);
    db_bind_text(st, 4, t->title);
    db_bind_text(st, 5, t->body);
    db_bind_text(st, 6, t->status_id);
    db_bind_text(st, 7, t->start_date);
    db_bind_text(st, 8, t->due_date);
    sqlite3_bind_int(st, 9, t->percent);
    task_bind_stamps(db, st, 10);
    return db_exec_stmt(db, st, e);
}

int
db_task_update(struct db *db, const struct db_task *t, struct err *e)
{
    /* Only a real change touches the row, so the log holds no empty edits. */
    static const char sql[] =
        "UPDATE task SET title = ?2, body = ?3, status_id = ?4, start_date = ?5, due_date = ?6,"
        " percent = ?7, updated_at = ?8, updated_by = ?9 WHERE id = ?1 AND (title IS NOT ?2"
        " OR body IS NOT ?3 OR status_id IS NOT ?4 OR start_date IS NOT ?5"
        " OR due_date IS NOT ?6 OR percent IS NOT ?7)";
    sqlite3_stmt *st = db_stmt(db, sql, e);

    if (st == NULL)
        return ERR_DB;
    sqlite3_bind_text(st, 1, t->id, -1, SQLITE_STATIC);
    db_bind_text(st, 2, t->title);
    db_bind_text(st, 3, t->body);
    db_bind_text(st, 4, t->status_id);
    db_bind_text(st, 5, t->start_date);
    db_bind_text(st, 6, t->due_date);
    sqlite3_bind_int(st, 7, t->percent);
    sqlite3_bind_text(st, 8, db_now(db), -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 9, db_user(db), -1, SQLITE_STATIC);
    return db_exec_stmt(db, st, e);
}

int
db_task_archive(struct db *db, const char *id, const char *at, struct err *e)
{
    static const char sql[] = "UPDATE task SET archived_at = ?2, updated_at = ?3, updated_by = ?4"
                              " WHERE id = ?1 AND archived_at IS NOT ?2";
    sqlite3_stmt *st = db_stmt(db, sql, e);

    if (st == NULL)
        return ERR_DB;
    sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
    db_bind_text(st, 2, at);
    sqlite3_bind_text(st, 3, db_now(db), -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, db_user(db), -1, SQLITE_STATIC);
    return db_exec_stmt(db, st, e);
}

/* 1 when id is among ids[0..n). */
static int
task_in(const char *id, const char *const *ids, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++) {
        if (strcmp(ids[i], id) == 0)
            return 1;
    }
    return 0;
}

/* Sets the role of unit_id on the task, inserting the row when missing. */
static int
task_put_unit(struct db *db, const char *task_id, const char *unit_id, const char *role,
              struct err *e)
{
    static const char sql[] =
        "INSERT INTO task_unit(id, task_id, unit_id, role, created_at, created_by, updated_at,"
        " updated_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
        " ON CONFLICT(task_id, unit_id) DO UPDATE SET role = excluded.role,"
        " updated_at = excluded.updated_at, updated_by = excluded.updated_by"
        " WHERE role IS NOT excluded.role";
    sqlite3_stmt *st = db_stmt(db, sql, e);
    char id[UUID_LEN + 1];

    if (st == NULL)
        return ERR_DB;
    uuid_new(id);
    sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, task_id, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, unit_id, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, role, -1, SQLITE_STATIC);
    task_bind_stamps(db, st, 5);
    return db_exec_stmt(db, st, e);
}

int
db_task_set_units(struct db *db, const char *task_id, const char *lead_id,
                  const char *const *co_ids, size_t nco, struct err *e)
{
    static const char del_sql[] = "DELETE FROM task_unit WHERE task_id = ?1 AND unit_id = ?2";
    struct db_task_unit *u;
    size_t n, i;
    sqlite3_stmt *st;
    int rc;

    if ((rc = db_task_units(db, task_id, &u, &n, e)) != ERR_OK)
        return rc;
    for (i = 0; i < n && rc == ERR_OK; i++) {
        if ((lead_id && strcmp(u[i].unit_id, lead_id) == 0) || task_in(u[i].unit_id, co_ids, nco))
            continue;
        if ((st = db_stmt(db, del_sql, e)) == NULL) {
            rc = ERR_DB;
            break;
        }
        sqlite3_bind_text(st, 1, task_id, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, u[i].unit_id, -1, SQLITE_STATIC);
        rc = db_exec_stmt(db, st, e);
    }
    db_task_units_free(u, n);
    if (rc == ERR_OK && lead_id)
        rc = task_put_unit(db, task_id, lead_id, "lead", e);
    for (i = 0; i < nco && rc == ERR_OK; i++) {
        if (lead_id == NULL || strcmp(co_ids[i], lead_id) != 0)
            rc = task_put_unit(db, task_id, co_ids[i], "co", e);
    }
    return rc;
}

static const char task_link_ins_ent[] =
    "INSERT INTO task_enterprise(id, task_id, enterprise_id, created_at, created_by, updated_at,"
    " updated_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT DO NOTHING";
static const char task_link_ins_inst[] =
    "INSERT INTO task_institution(id, task_id, institution_id, created_at, created_by,"
    " updated_at, updated_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT DO NOTHING";
static const char task_link_del_ent[] =
    "DELETE FROM task_enterprise WHERE task_id = ?1 AND enterprise_id = ?2";
static const char task_link_del_inst[] =
    "DELETE FROM task_institution WHERE task_id = ?1 AND institution_id = ?2";

/* Adds (add = 1) or removes one link. */
static int
task_link_change(struct db *db, const char *task_id, enum db_task_link_kind kind, const char *other,
                 int add, struct err *e)
{
    int ent = kind == DB_TASK_LINK_ENTERPRISE;
    const char *sql = add ? (ent ? task_link_ins_ent : task_link_ins_inst)
                          : (ent ? task_link_del_ent : task_link_del_inst);
    sqlite3_stmt *st = db_stmt(db, sql, e);
    char id[UUID_LEN + 1];

    if (st == NULL)
        return ERR_DB;
    if (!add) {
        sqlite3_bind_text(st, 1, task_id, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, other, -1, SQLITE_STATIC);
        return db_exec_stmt(db, st, e);
    }
    uuid_new(id);
    sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, task_id, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, other, -1, SQLITE_STATIC);
    task_bind_stamps(db, st, 4);
    return db_exec_stmt(db, st, e);
}

int
db_task_set_links(struct db *db, const char *task_id, enum db_task_link_kind kind,
                  const char *const *ids, size_t n, struct err *e)
{
    struct db_task_link *l;
    size_t nl, i, j;
    int rc;

    if ((rc = db_task_links(db, task_id, kind, &l, &nl, e)) != ERR_OK)
        return rc;
    for (i = 0; i < nl && rc == ERR_OK; i++) {
        if (!task_in(l[i].id, ids, n))
            rc = task_link_change(db, task_id, kind, l[i].id, 0, e);
    }
    for (i = 0; i < n && rc == ERR_OK; i++) {
        for (j = 0; j < nl && strcmp(l[j].id, ids[i]) != 0; j++)
            ;
        if (j == nl)
            rc = task_link_change(db, task_id, kind, ids[i], 1, e);
    }
    db_task_links_free(l, nl);
    return rc;
}

const char *
db_task_record_kind(struct db *db, const char *id)
{
    static const char sql[] = "SELECT 'task' FROM task WHERE id = ?1 UNION ALL"
                              " SELECT 'task_milestone' FROM task_milestone WHERE id = ?1 UNION ALL"
                              " SELECT 'task_report' FROM task_report WHERE id = ?1";
    sqlite3_stmt *st = db_stmt(db, sql, NULL);
    const char *kind = NULL;
    char buf[32];

    if (st == NULL)
        return NULL;
    sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
    if (sqlite3_step(st) == SQLITE_ROW) {
        db_col_copy(st, 0, buf, sizeof buf);
        kind = strcmp(buf, "task") == 0             ? "task"
               : strcmp(buf, "task_milestone") == 0 ? "task_milestone"
                                                    : "task_report";
    }
    sqlite3_reset(st);
    return kind;
}

int
db_unit_name(struct db *db, const char *id, char *name, size_t size, struct err *e)
{
    static const char sql[] = "SELECT name FROM unit WHERE id = ?1";
    sqlite3_stmt *st = db_stmt(db, sql, e);

    if (st == NULL)
        return ERR_DB;
    sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
    return task_one_id(db, st, name, size, "找不到这个单位。", e);
}

int
db_task_link_name(struct db *db, enum db_task_link_kind kind, const char *id, char *name,
                  size_t size, struct err *e)
{
    static const char ent_sql[] = "SELECT name FROM enterprise WHERE id = ?1";
    static const char inst_sql[] = "SELECT name FROM institution WHERE id = ?1";
    sqlite3_stmt *st = db_stmt(db, kind == DB_TASK_LINK_ENTERPRISE ? ent_sql : inst_sql, e);

    if (st == NULL)
        return ERR_DB;
    sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
    return task_one_id(db, st, name, size, "找不到这条记录。", e);
}
