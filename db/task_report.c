/*
 * task_report.c — a task's milestones and monthly progress reports, and
 * the two caches on task they move (report_last, milestone_due), kept in
 * the same statement sequence as the change so they are never stale.
 */
#include <stdlib.h>
#include <string.h>

#include "db/db_priv.h"
#include "db/task.h"
#include "src/xmalloc.h"

/* Recomputes the task's caches from its live rows; touches the row only
 * when a value moves (the log then shows the move, nothing else). */
static int
report_refresh(struct db *db, const char *task_id, struct err *e)
{
    static const char sql[] =
        "UPDATE task SET report_last = r.last, milestone_due = m.due FROM"
        " (SELECT max(report_date) AS last FROM task_report"
        "   WHERE task_id = ?1 AND archived_at IS NULL) r,"
        " (SELECT min(due_date) AS due FROM task_milestone"
        "   WHERE task_id = ?1 AND archived_at IS NULL AND done_date IS NULL) m"
        " WHERE id = ?1 AND (report_last IS NOT r.last OR milestone_due IS NOT m.due)";
    sqlite3_stmt *st = db_stmt(db, sql, e);

    if (st == NULL)
        return ERR_DB;
    sqlite3_bind_text(st, 1, task_id, -1, SQLITE_STATIC);
    return db_exec_stmt(db, st, e);
}

/* The task a milestone or report belongs to (table is a program constant). */
static int
report_owner(struct db *db, const char *sql, const char *id, char task_id[DB_TASK_ID],
             struct err *e)
{
    sqlite3_stmt *st = db_stmt(db, sql, e);
    int r;

    if (st == NULL)
        return ERR_DB;
    sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
    if ((r = db_step_row(db, st, e)) <= 0)
        return r < 0 ? ERR_DB : err_set(e, ERR_NOTFOUND, "找不到这条记录（%s）。", id);
    db_col_copy(st, 0, task_id, DB_TASK_ID);
    sqlite3_reset(st);
    return ERR_OK;
}

static const char milestone_owner_sql[] = "SELECT task_id FROM task_milestone WHERE id = ?1";
static const char report_owner_sql[] = "SELECT task_id FROM task_report WHERE id = ?1";

static void
milestone_read(sqlite3_stmt *st, struct db_milestone *m)
{
    db_col_copy(st, 0, m->id, sizeof m->id);
    db_col_copy(st, 1, m->task_id, sizeof m->task_id);
    m->title = db_col_text(st, 2);
    db_col_copy(st, 3, m->due_date, sizeof m->due_date);
    db_col_copy(st, 4, m->done_date, sizeof m->done_date);
    db_col_copy(st, 5, m->archived_at, sizeof m->archived_at);
}

int
db_milestones(struct db *db, const char *task_id, int with_archived, struct db_milestone **out,
              size_t *n, struct err *e)
{
    static const char sql[] =
        "SELECT id, task_id, title, due_date, done_date, archived_at FROM task_milestone"
        " WHERE task_id = ?1 AND (?2 OR archived_at IS NULL)"
        " ORDER BY due_date IS NULL, due_date, created_at";
    sqlite3_stmt *st = db_stmt(db, sql, e);
    struct db_milestone *m = NULL;
    int r;

    *out = NULL;
    *n = 0;
    if (st == NULL)
        return ERR_DB;
    sqlite3_bind_text(st, 1, task_id, -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 2, with_archived);
    while ((r = db_step_row(db, st, e)) == 1) {
        m = db_grow(m, *n, sizeof *m);
        memset(&m[*n], 0, sizeof *m);
        milestone_read(st, &m[(*n)++]);
    }
    sqlite3_reset(st);
    *out = m;
    return r < 0 ? ERR_DB : ERR_OK;
}

int
db_milestone_get(struct db *db, const char *id, struct db_milestone *out, struct err *e)
{
    static const char sql[] =
        "SELECT id, task_id, title, due_date, done_date, archived_at FROM task_milestone"
        " WHERE id = ?1";
    sqlite3_stmt *st = db_stmt(db, sql, e);
    int r;

    memset(out, 0, sizeof *out);
    if (st == NULL)
        return ERR_DB;
    sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
    if ((r = db_step_row(db, st, e)) <= 0)
        return r < 0 ? ERR_DB : err_set(e, ERR_NOTFOUND, "找不到这个里程碑（%s）。", id);
    milestone_read(st, out);
    sqlite3_reset(st);
    return ERR_OK;
}

void
db_milestone_free(struct db_milestone *m)
{
    if (m == NULL)
        return;
    free(m->title);
    m->title = NULL;
}

void
db_milestones_free(struct db_milestone *m, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++)
        db_milestone_free(&m[i]);
    free(m);
}

int
db_milestone_insert(struct db *db, const struct db_milestone *m, struct err *e)
{
    static const char sql[] =
        "INSERT INTO task_milestone(id, task_id, title, due_date, done_date, created_at,"
        " created_by, updated_at, updated_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?6, ?7)";
    sqlite3_stmt *st = db_stmt(db, sql, e);
    int rc;

    if (st == NULL)
        return ERR_DB;
    sqlite3_bind_text(st, 1, m->id, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, m->task_id, -1, SQLITE_STATIC);
    db_bind_text(st, 3, m->title);
    db_bind_text(st, 4, m->due_date);
    db_bind_text(st, 5, m->done_date);
    sqlite3_bind_text(st, 6, db_now(db), -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 7, db_user(db), -1, SQLITE_STATIC);
    if ((rc = db_exec_stmt(db, st, e)) != ERR_OK)
        return rc;
    return report_refresh(db, m->task_id, e);
}

int
db_milestone_update(struct db *db, const struct db_milestone *m, struct err *e)
{
    static const char sql[] =
        "UPDATE task_milestone SET title = ?2, due_date = ?3, done_date = ?4, updated_at = ?5,"
        " updated_by = ?6 WHERE id = ?1"
        " AND (title IS NOT ?2 OR due_date IS NOT ?3 OR done_date IS NOT ?4)";
    sqlite3_stmt *st;
    char task_id[DB_TASK_ID];
    int rc;

    if ((rc = report_owner(db, milestone_owner_sql, m->id, task_id, e)) != ERR_OK)
        return rc;
    if ((st = db_stmt(db, sql, e)) == NULL)
        return ERR_DB;
    sqlite3_bind_text(st, 1, m->id, -1, SQLITE_STATIC);
    db_bind_text(st, 2, m->title);
    db_bind_text(st, 3, m->due_date);
    db_bind_text(st, 4, m->done_date);
    sqlite3_bind_text(st, 5, db_now(db), -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 6, db_user(db), -1, SQLITE_STATIC);
    if ((rc = db_exec_stmt(db, st, e)) != ERR_OK)
        return rc;
    return report_refresh(db, task_id, e);
}

/* Archives (at) or restores (at NULL) row id of a child table, then refreshes its task. */
static int
report_archive_row(struct db *db, const char *sql, const char *owner_sql, const char *id,
                   const char *at, struct err *e)
{
    sqlite3_stmt *st;
    char task_id[DB_TASK_ID];
    int rc;

    if ((rc = report_owner(db, owner_sql, id, task_id, e)) != ERR_OK)
        return rc;
    if ((st = db_stmt(db, sql, e)) == NULL)
        return ERR_DB;
    sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
    db_bind_text(st, 2, at);
    sqlite3_bind_text(st, 3, db_now(db), -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, db_user(db), -1, SQLITE_STATIC);
    if ((rc = db_exec_stmt(db, st, e)) != ERR_OK)
        return rc;
    return report_refresh(db, task_id, e);
}

int
db_milestone_archive(struct db *db, const char *id, const char *at, struct err *e)
{
    static const char sql[] =
        "UPDATE task_milestone SET archived_at = ?2, updated_at = ?3, updated_by = ?4"
        " WHERE id = ?1 AND archived_at IS NOT ?2";

    return report_archive_row(db, sql, milestone_owner_sql, id, at, e);
}

int
db_reports_count(struct db *db, const char *task_id, long *n, struct err *e)
{
    static const char sql[] =
        "SELECT count(*) FROM task_report WHERE task_id = ?1 AND archived_at IS NULL";
    sqlite3_stmt *st = db_stmt(db, sql, e);
    int r;

    *n = 0;
    if (st == NULL)
        return ERR_DB;
    sqlite3_bind_text(st, 1, task_id, -1, SQLITE_STATIC);
    if ((r = db_step_row(db, st, e)) < 0)
        return ERR_DB;
    *n = sqlite3_column_int64(st, 0);
    sqlite3_reset(st);
    return ERR_OK;
}

static void
report_read(sqlite3_stmt *st, struct db_report *r)
{
    db_col_copy(st, 0, r->id, sizeof r->id);
    db_col_copy(st, 1, r->task_id, sizeof r->task_id);
    db_col_copy(st, 2, r->report_date, sizeof r->report_date);
    db_col_copy(st, 3, r->period, sizeof r->period);
    r->progress = db_col_text(st, 4);
    r->problems = db_col_text(st, 5);
    r->next_steps = db_col_text(st, 6);
    db_col_copy(st, 7, r->unit_id, sizeof r->unit_id);
    r->unit = db_col_text(st, 8);
    r->person = db_col_text(st, 9);
    db_col_copy(st, 10, r->archived_at, sizeof r->archived_at);
    r->created_by = db_col_text(st, 11);
}

int
db_reports_page(struct db *db, const char *task_id, long offset, int limit, struct db_report **out,
                size_t *n, struct err *e)
{
    static const char sql[] =
        "SELECT r.id, r.task_id, r.report_date, r.period, r.progress, r.problems, r.next_steps,"
        " r.unit_id, u.name, r.person, r.archived_at, r.created_by FROM task_report r"
        " LEFT JOIN unit u ON u.id = r.unit_id WHERE r.task_id = ?1 AND r.archived_at IS NULL"
        " ORDER BY r.report_date DESC, r.created_at DESC, r.id LIMIT ?3 OFFSET ?2";
    sqlite3_stmt *st = db_stmt(db, sql, e);
    struct db_report *rep = NULL;
    int r;

    *out = NULL;
    *n = 0;
    if (st == NULL)
        return ERR_DB;
    sqlite3_bind_text(st, 1, task_id, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 2, offset);
    sqlite3_bind_int(st, 3, limit);
    while ((r = db_step_row(db, st, e)) == 1) {
        rep = db_grow(rep, *n, sizeof *rep);
        memset(&rep[*n], 0, sizeof *rep);
        report_read(st, &rep[(*n)++]);
    }
    sqlite3_reset(st);
    *out = rep;
    return r < 0 ? ERR_DB : ERR_OK;
}

int
db_report_get(struct db *db, const char *id, struct db_report *out, struct err *e)
{
    static const char sql[] =
        "SELECT r.id, r.task_id, r.report_date, r.period, r.progress, r.problems, r.next_steps,"
        " r.unit_id, u.name, r.person, r.archived_at, r.created_by FROM task_report r"
        " LEFT JOIN unit u ON u.id = r.unit_id WHERE r.id = ?1";
    sqlite3_stmt *st = db_stmt(db, sql, e);
    int r;

    memset(out, 0, sizeof *out);
    if (st == NULL)
        return ERR_DB;
    sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
    if ((r = db_step_row(db, st, e)) <= 0)
        return r < 0 ? ERR_DB : err_set(e, ERR_NOTFOUND, "找不到这条进展报送（%s）。", id);
    report_read(st, out);
    sqlite3_reset(st);
    return ERR_OK;
}

void
db_report_free(struct db_report *r)
{
    if (r == NULL)
        return;
    free(r->progress);
    free(r->problems);
    free(r->next_steps);
    free(r->unit);
    free(r->person);
    free(r->created_by);
    r->progress = r->problems = r->next_steps = r->unit = r->person = r->created_by = NULL;
}

void
db_reports_free(struct db_report *r, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++)
        db_report_free(&r[i]);
    free(r);
}

/* Binds the writable columns of a report from ?2 on. */
static void
report_bind(sqlite3_stmt *st, const struct db_report *r)
{
    db_bind_text(st, 2, r->report_date);
    db_bind_text(st, 3, r->period);
    db_bind_text(st, 4, r->progress);
    db_bind_text(st, 5, r->problems);
    db_bind_text(st, 6, r->next_steps);
    db_bind_text(st, 7, r->unit_id);
    db_bind_text(st, 8, r->person);
}

int
db_report_insert(struct db *db, const struct db_report *r, struct err *e)
{
    static const char sql[] =
        "INSERT INTO task_report(id, report_date, period, progress, problems, next_steps,"
        " unit_id, person, task_id, created_at, created_by, updated_at, updated_by)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?10, ?11)";
    sqlite3_stmt *st = db_stmt(db, sql, e);
    int rc;

    if (st == NULL)
        return ERR_DB;
    sqlite3_bind_text(st, 1, r->id, -1, SQLITE_STATIC);
    report_bind(st, r);
    sqlite3_bind_text(st, 9, r->task_id, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 10, db_now(db), -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 11, db_user(db), -1, SQLITE_STATIC);
    if ((rc = db_exec_stmt(db, st, e)) != ERR_OK)
        return rc;
    return report_refresh(db, r->task_id, e);
}

int
db_report_update(struct db *db, const struct db_report *r, struct err *e)
{
    static const char sql[] =
        "UPDATE task_report SET report_date = ?2, period = ?3, progress = ?4, problems = ?5,"
        " next_steps = ?6, unit_id = ?7, person = ?8, updated_at = ?9, updated_by = ?10"
        " WHERE id = ?1 AND (report_date IS NOT ?2 OR period IS NOT ?3 OR progress IS NOT ?4"
        " OR problems IS NOT ?5 OR next_steps IS NOT ?6 OR unit_id IS NOT ?7"
        " OR person IS NOT ?8)";
    sqlite3_stmt *st;
    char task_id[DB_TASK_ID];
    int rc;

    if ((rc = report_owner(db, report_owner_sql, r->id, task_id, e)) != ERR_OK)
        return rc;
    if ((st = db_stmt(db, sql, e)) == NULL)
        return ERR_DB;
    sqlite3_bind_text(st, 1, r->id, -1, SQLITE_STATIC);
    report_bind(st, r);
    sqlite3_bind_text(st, 9, db_now(db), -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 10, db_user(db), -1, SQLITE_STATIC);
    if ((rc = db_exec_stmt(db, st, e)) != ERR_OK)
        return rc;
    return report_refresh(db, task_id, e);
}

int
db_report_archive(struct db *db, const char *id, const char *at, struct err *e)
{
    static const char sql[] =
        "UPDATE task_report SET archived_at = ?2, updated_at = ?3, updated_by = ?4"
        " WHERE id = ?1 AND archived_at IS NOT ?2";

    return report_archive_row(db, sql, report_owner_sql, id, at, e);
}

/* Keys in the table of sql starting with prefix (see db_report_by_prefix). */
static int
report_by_prefix(struct db *db, const char *sql, const char *prefix, char ids[][DB_TASK_ID],
                 size_t max, size_t *n, struct err *e)
{
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

int
db_report_by_prefix(struct db *db, const char *prefix, char ids[][DB_TASK_ID], size_t max,
                    size_t *n, struct err *e)
{
    static const char sql[] =
        "SELECT id FROM task_report WHERE id >= ?1 AND id < ?1 || '~' ORDER BY id LIMIT 100";

    return report_by_prefix(db, sql, prefix, ids, max, n, e);
}

int
db_milestone_by_prefix(struct db *db, const char *prefix, char ids[][DB_TASK_ID], size_t max,
                       size_t *n, struct err *e)
{
    static const char sql[] =
        "SELECT id FROM task_milestone WHERE id >= ?1 AND id < ?1 || '~' ORDER BY id LIMIT 100";

    return report_by_prefix(db, sql, prefix, ids, max, n, e);
}
