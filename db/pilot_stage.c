/* pilot_stage.c — adding and retiring pilot stages and their items. */
#include "db/pilot.h"

#include "db/db_priv.h"

int
db_pilot_stage_shift(struct db *db, int from, int by, struct err *e)
{
    static const char sql[] = "UPDATE pilot_stage SET sort = sort + ?2, updated_at = ?3,"
                              " updated_by = ?4 WHERE sort >= ?1";
    sqlite3_stmt *st = db_stmt(db, sql, e);

    if (st == NULL)
        return ERR_DB;
    sqlite3_bind_int(st, 1, from);
    sqlite3_bind_int(st, 2, by);
    sqlite3_bind_text(st, 3, db_now(db), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 4, db_user(db), -1, SQLITE_TRANSIENT);
    return db_exec_stmt(db, st, e);
}

int
db_pilot_stage_insert(struct db *db, const char *id, const char *code, const char *name, int sort,
                      const char *kind, int facilities, struct err *e)
{
    static const char sql[] =
        "INSERT INTO pilot_stage (id, code, name, sort, kind, facilities, created_at, created_by,"
        " updated_at, updated_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?7, ?8)";
    sqlite3_stmt *st = db_stmt(db, sql, e);

    if (st == NULL)
        return ERR_DB;
    sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, code, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 3, name, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(st, 4, sort);
    sqlite3_bind_text(st, 5, kind, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(st, 6, facilities);
    sqlite3_bind_text(st, 7, db_now(db), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 8, db_user(db), -1, SQLITE_TRANSIENT);
    return db_exec_stmt(db, st, e);
}

int
db_pilot_item_insert(struct db *db, const char *id, const char *stage, const char *code,
                     const char *name, const char *kind, int sort, struct err *e)
{
    static const char sql[] =
        "INSERT INTO pilot_stage_item (id, stage_id, code, name, kind, sort, created_at,"
        " created_by, updated_at, updated_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?7, ?8)";
    sqlite3_stmt *st = db_stmt(db, sql, e);

    if (st == NULL)
        return ERR_DB;
    sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, stage, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 3, code, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 4, name, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 5, kind, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(st, 6, sort);
    sqlite3_bind_text(st, 7, db_now(db), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 8, db_user(db), -1, SQLITE_TRANSIENT);
    return db_exec_stmt(db, st, e);
}

/* Archives row id of one of the two stage tables (sql names which). */
static int
pilot_stage_retire(struct db *db, const char *sql, const char *id, struct err *e)
{
    sqlite3_stmt *st = db_stmt(db, sql, e);

    if (st == NULL)
        return ERR_DB;
    sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, db_now(db), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 3, db_user(db), -1, SQLITE_TRANSIENT);
    return db_exec_stmt(db, st, e);
}

int
db_pilot_stage_archive(struct db *db, const char *id, struct err *e)
{
    static const char sql[] = "UPDATE pilot_stage SET archived_at = ?2, updated_at = ?2,"
                              " updated_by = ?3 WHERE id = ?1 AND archived_at IS NULL";

    return pilot_stage_retire(db, sql, id, e);
}

int
db_pilot_item_archive(struct db *db, const char *id, struct err *e)
{
    static const char sql[] = "UPDATE pilot_stage_item SET archived_at = ?2, updated_at = ?2,"
                              " updated_by = ?3 WHERE id = ?1 AND archived_at IS NULL";

    return pilot_stage_retire(db, sql, id, e);
}

int
db_pilot_stage_projects(struct db *db, const char *stage, long *n, struct err *e)
{
    static const char sql[] =
        "SELECT count(*) FROM pilot_project WHERE stage_id = ?1 AND archived_at IS NULL";
    sqlite3_stmt *st = db_stmt(db, sql, e);
    int r;

    *n = 0;
    if (st == NULL)
        return ERR_DB;
    sqlite3_bind_text(st, 1, stage, -1, SQLITE_TRANSIENT);
    if ((r = db_step_row(db, st, e)) > 0)
        *n = (long)sqlite3_column_int64(st, 0);
    sqlite3_reset(st);
    return r < 0 ? ERR_DB : ERR_OK;
}
