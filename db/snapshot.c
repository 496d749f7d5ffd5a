/* snapshot.c — storing and reading month-end target snapshots. */
#include "db/snapshot.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/db_priv.h"
#include "src/uuid.h"
#include "src/xmalloc.h"

/* Binds a REAL, or NULL when has is 0. */
static void
snapshot_bind_real(sqlite3_stmt *st, int i, double v, int has)
{
    if (has)
        sqlite3_bind_double(st, i, v);
    else
        sqlite3_bind_null(st, i);
}

int
db_snapshot_put(struct db *db, const struct db_snapshot *s, int *changed, struct err *e)
{
    static const char sql[] =
        "INSERT INTO target_snapshot(id, month, as_of, plan_year, target_code, target_value,"
        " value, created_at, created_by, updated_at, updated_by)"
        " VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?8,?9)"
        " ON CONFLICT(month, target_code) DO UPDATE SET as_of = excluded.as_of,"
        " plan_year = excluded.plan_year, target_value = excluded.target_value,"
        " value = excluded.value, updated_at = excluded.updated_at,"
        " updated_by = excluded.updated_by"
        " WHERE as_of IS NOT excluded.as_of OR plan_year IS NOT excluded.plan_year"
        " OR target_value IS NOT excluded.target_value OR value IS NOT excluded.value";
    sqlite3_stmt *st = db_stmt(db, sql, e);
    char key[64], id[UUID_LEN + 1];
    int rc;

    *changed = 0;
    if (st == NULL)
        return ERR_DB;
    snprintf(key, sizeof key, "target_snapshot:%s:%s", s->month, s->code);
    uuid_from_name(key, id);
    sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, s->month, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, s->as_of, -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 4, s->plan_year);
    sqlite3_bind_text(st, 5, s->code, -1, SQLITE_STATIC);
    snapshot_bind_real(st, 6, s->target_value, s->has_target);
    snapshot_bind_real(st, 7, s->value, s->has_value);
    sqlite3_bind_text(st, 8, db_now(db), -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 9, db_user(db), -1, SQLITE_STATIC);
    rc = db_exec_stmt(db, st, e);
    *changed = rc == ERR_OK && db_last_changes(db) > 0;
    return rc;
}

int
db_snapshot_month(struct db *db, const char *month, struct db_snapshot **out, size_t *n,
                  struct err *e)
{
    static const char sql[] =
        "SELECT month, as_of, plan_year, target_code, target_value, value, updated_at"
        " FROM target_snapshot WHERE month = ?1 ORDER BY target_code";
    sqlite3_stmt *st = db_stmt(db, sql, e);
    struct db_snapshot *a = NULL, *x;
    int r;

    *out = NULL;
    *n = 0;
    if (st == NULL)
        return ERR_DB;
    sqlite3_bind_text(st, 1, month, -1, SQLITE_TRANSIENT);
    while ((r = db_step_row(db, st, e)) > 0) {
        a = db_grow(a, *n, sizeof *a);
        x = &a[(*n)++];
        db_col_copy(st, 0, x->month, sizeof x->month);
        db_col_copy(st, 1, x->as_of, sizeof x->as_of);
        x->plan_year = sqlite3_column_int(st, 2);
        db_col_copy(st, 3, x->code, sizeof x->code);
        x->has_target = sqlite3_column_type(st, 4) != SQLITE_NULL;
        x->target_value = sqlite3_column_double(st, 4);
        x->has_value = sqlite3_column_type(st, 5) != SQLITE_NULL;
        x->value = sqlite3_column_double(st, 5);
        db_col_copy(st, 6, x->updated_at, sizeof x->updated_at);
    }
    *out = a;
    return r < 0 ? ERR_DB : ERR_OK;
}

int
db_snapshot_months(struct db *db, char (*months)[8], size_t max, size_t *n, struct err *e)
{
    static const char sql[] =
        "SELECT DISTINCT month FROM target_snapshot ORDER BY month DESC LIMIT ?1";
    sqlite3_stmt *st = db_stmt(db, sql, e);
    int r;

    *n = 0;
    if (st == NULL)
        return ERR_DB;
    sqlite3_bind_int64(st, 1, (sqlite3_int64)max);
    while ((r = db_step_row(db, st, e)) > 0)
        db_col_copy(st, 0, months[(*n)++], 8);
    return r < 0 ? ERR_DB : ERR_OK;
}
