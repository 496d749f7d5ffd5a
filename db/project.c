/* project.c — stage flows of S&T projects and their counts towards targets. */
#include "db/project.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/db_priv.h"
#include "src/xmalloc.h"

int
db_project_stage_find(struct db *db, const char *kind_id, const char *text, char id[40],
                      struct err *e)
{
    static const char sql[] =
        "SELECT s.id FROM sci_project_stage s JOIN sci_project_kind k ON k.flow = s.flow"
        " WHERE k.id = ?1 AND (s.name = ?2 OR s.code = ?2 OR s.id = ?2) LIMIT 1";
    sqlite3_stmt *st = db_stmt(db, sql, e);
    int r;

    id[0] = '\0';
    if (st == NULL)
        return ERR_DB;
    db_bind_text(st, 1, kind_id);
    sqlite3_bind_text(st, 2, text, -1, SQLITE_TRANSIENT);
    if ((r = db_step_row(db, st, e)) > 0)
        db_col_copy(st, 0, id, 40);
    sqlite3_reset(st);
    return r < 0 ? ERR_DB : ERR_OK;
}

int
db_project_stage_first(struct db *db, const char *kind_id, char id[40], struct err *e)
{
    static const char sql[] =
        "SELECT s.id FROM sci_project_stage s JOIN sci_project_kind k ON k.flow = s.flow"
        " WHERE k.id = ?1 ORDER BY s.sort, s.rowid LIMIT 1";
    sqlite3_stmt *st = db_stmt(db, sql, e);
    int r;

    id[0] = '\0';
    if (st == NULL)
        return ERR_DB;
    db_bind_text(st, 1, kind_id);
    if ((r = db_step_row(db, st, e)) > 0)
        db_col_copy(st, 0, id, 40);
    sqlite3_reset(st);
    return r < 0 ? ERR_DB : ERR_OK;
}

int
db_project_stage_of(struct db *db, const char *kind_id, const char *stage_id, int *ok,
                    struct err *e)
{
    static const char sql[] =
        "SELECT 1 FROM sci_project_stage s JOIN sci_project_kind k ON k.flow = s.flow"
        " WHERE k.id = ?1 AND s.id = ?2";
    sqlite3_stmt *st = db_stmt(db, sql, e);
    int r;

    *ok = 0;
    if (st == NULL)
        return ERR_DB;
    db_bind_text(st, 1, kind_id);
    db_bind_text(st, 2, stage_id);
    r = db_step_row(db, st, e);
    *ok = r > 0;
    sqlite3_reset(st);
    return r < 0 ? ERR_DB : ERR_OK;
}

int
db_project_stage_names(struct db *db, const char *kind_id, char ***names, size_t *n, struct err *e)
{
    static const char sql[] =
        "SELECT s.name FROM sci_project_stage s JOIN sci_project_kind k ON k.flow = s.flow"
        " WHERE k.id = ?1 ORDER BY s.sort, s.rowid";
    sqlite3_stmt *st = db_stmt(db, sql, e);
    int r;

    *names = NULL;
    *n = 0;
    if (st == NULL)
        return ERR_DB;
    db_bind_text(st, 1, kind_id);
    while ((r = db_step_row(db, st, e)) > 0) {
        *names = db_grow(*names, *n, sizeof **names);
        (*names)[(*n)++] = db_col_text(st, 0);
    }
    sqlite3_reset(st);
    return r < 0 ? ERR_DB : ERR_OK;
}

int
db_project_targets(struct db *db, int year, const char *until, struct db_project_target **out,
                   size_t *n, struct err *e)
{
    static const char sql[] =
        "SELECT t.code, t.name, t.unit, t.comparator, t.value,"
        " (SELECT group_concat(k.name, '、') FROM sci_project_kind k"
        "  WHERE k.target_code = t.code AND k.archived_at IS NULL),"
        " (SELECT count(*) FROM sci_project p JOIN sci_project_kind k ON k.id = p.kind_id"
        "  JOIN sci_project_stage s ON s.id = p.stage_id"
        "  WHERE k.target_code = t.code AND s.counts = 1 AND p.archived_at IS NULL"
        "  AND (p.start_date IS NULL OR p.start_date <= ?2)"
        "  AND (p.end_date IS NULL OR p.end_date >= ?1))"
        " FROM target t JOIN plan pl ON pl.id = t.plan_id"
        " WHERE pl.year = ?3 AND EXISTS (SELECT 1 FROM sci_project_kind k"
        "  WHERE k.target_code = t.code AND k.archived_at IS NULL)"
        " ORDER BY t.sort, t.rowid";
    sqlite3_stmt *st = db_stmt(db, sql, e);
    struct db_project_target *x;
    char from[16];
    int r;

    *out = NULL;
    *n = 0;
    if (st == NULL)
        return ERR_DB;
    snprintf(from, sizeof from, "%04d-01-01", year);
    sqlite3_bind_text(st, 1, from, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, until, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(st, 3, year);
    while ((r = db_step_row(db, st, e)) > 0) {
        *out = db_grow(*out, *n, sizeof **out);
        x = &(*out)[(*n)++];
        x->code = db_col_text(st, 0);
        x->name = db_col_text(st, 1);
        x->unit = db_col_text(st, 2);
        x->comparator = db_col_text(st, 3);
        x->has_value = sqlite3_column_type(st, 4) != SQLITE_NULL;
        x->value = sqlite3_column_double(st, 4);
        x->kinds = db_col_text(st, 5);
        x->count = (long)sqlite3_column_int64(st, 6);
    }
    sqlite3_reset(st);
    return r < 0 ? ERR_DB : ERR_OK;
}

void
db_project_targets_free(struct db_project_target *t, size_t n)
{
    size_t i;

    for (i = 0; t && i < n; i++) {
        free(t[i].code);
        free(t[i].name);
        free(t[i].unit);
        free(t[i].comparator);
        free(t[i].kinds);
    }
    free(t);
}
