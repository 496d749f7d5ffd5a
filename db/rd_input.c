/* rd_input.c — reading and writing the yearly R&D spending and GDP. */
#include "db/rd_input.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/db_priv.h"
#include "src/uuid.h"
#include "src/xmalloc.h"

int
db_rd_input_put(struct db *db, int year, long long rd_spending, long long gdp, const char *source,
                const char *note, struct err *e)
{
    static const char sql[] =
        "INSERT INTO rd_input(id, year, rd_spending, gdp, source, note,"
        " created_at, created_by, updated_at, updated_by) VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?7,?8)"
        " ON CONFLICT(year) DO UPDATE SET rd_spending = excluded.rd_spending,"
        " gdp = excluded.gdp, source = excluded.source, note = excluded.note,"
        " archived_at = NULL, updated_at = excluded.updated_at, updated_by = excluded.updated_by"
        " WHERE rd_spending IS NOT excluded.rd_spending OR gdp IS NOT excluded.gdp"
        " OR source IS NOT excluded.source OR note IS NOT excluded.note"
        " OR archived_at IS NOT NULL";
    sqlite3_stmt *st = db_stmt(db, sql, e);
    char key[32], id[UUID_LEN + 1];

    if (st == NULL)
        return ERR_DB;
    snprintf(key, sizeof key, "rd_input:%d", year);
    uuid_from_name(key, id);
    sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(st, 2, year);
    sqlite3_bind_int64(st, 3, rd_spending);
    sqlite3_bind_int64(st, 4, gdp);
    db_bind_text(st, 5, source);
    db_bind_text(st, 6, note);
    sqlite3_bind_text(st, 7, db_now(db), -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 8, db_user(db), -1, SQLITE_STATIC);
    return db_exec_stmt(db, st, e);
}

/* Fills *out from the current row of a SELECT of the rd_input columns. */
static void
rd_input_row(sqlite3_stmt *st, struct db_rd_input *out)
{
    out->year = sqlite3_column_int(st, 0);
    out->rd_spending = sqlite3_column_int64(st, 1);
    out->gdp = sqlite3_column_int64(st, 2);
    out->source = db_col_text(st, 3);
    out->note = db_col_text(st, 4);
    db_col_copy(st, 5, out->updated_at, sizeof out->updated_at);
    db_col_copy(st, 6, out->updated_by, sizeof out->updated_by);
}

int
db_rd_input_get(struct db *db, int year, struct db_rd_input *out, int *found, struct err *e)
{
    static const char sql[] =
        "SELECT year, rd_spending, gdp, source, note, updated_at, updated_by FROM rd_input"
        " WHERE year = ?1 AND archived_at IS NULL";
    sqlite3_stmt *st = db_stmt(db, sql, e);
    int r;

    memset(out, 0, sizeof *out);
    *found = 0;
    if (st == NULL)
        return ERR_DB;
    sqlite3_bind_int(st, 1, year);
    if ((r = db_step_row(db, st, e)) <= 0)
        return r < 0 ? ERR_DB : ERR_OK;
    rd_input_row(st, out);
    sqlite3_reset(st);
    *found = 1;
    return ERR_OK;
}

void
db_rd_input_clear(struct db_rd_input *in)
{
    free(in->source);
    free(in->note);
    memset(in, 0, sizeof *in);
}

int
db_rd_input_list(struct db *db, struct db_rd_input **out, size_t *n, struct err *e)
{
    static const char sql[] =
        "SELECT year, rd_spending, gdp, source, note, updated_at, updated_by FROM rd_input"
        " WHERE archived_at IS NULL ORDER BY year DESC";
    sqlite3_stmt *st = db_stmt(db, sql, e);
    struct db_rd_input *a = NULL;
    int r;

    *out = NULL;
    *n = 0;
    if (st == NULL)
        return ERR_DB;
    while ((r = db_step_row(db, st, e)) > 0) {
        a = db_grow(a, *n, sizeof *a);
        memset(&a[*n], 0, sizeof *a);
        rd_input_row(st, &a[(*n)++]);
    }
    *out = a;
    return r < 0 ? ERR_DB : ERR_OK;
}

void
db_rd_inputs_free(struct db_rd_input *a, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++) {
        free(a[i].source);
        free(a[i].note);
    }
    free(a);
}
