/* drill.c — paging through the progress reports behind a dashboard figure. */
#include "db/drill.h"

#include <stdlib.h>
#include <string.h>

#include "db/db_priv.h"
#include "src/xmalloc.h"

/* A month's live reports, in the partial index of schema 6. */
#define DRILL_REPORT_FROM                                                                          \
    " FROM task_report r INDEXED BY task_report_month_date"                                        \
    " WHERE r.period = ?1 AND r.archived_at IS NULL"

static const char drill_report_count[] = "SELECT count(*)" DRILL_REPORT_FROM;
static const char drill_report_page[] =
    "SELECT r.id, (SELECT a.no || '.' || t.no FROM task t JOIN action a ON a.id = t.action_id"
    "  WHERE t.id = r.task_id), (SELECT title FROM task WHERE id = r.task_id),"
    " (SELECT name FROM unit WHERE id = r.unit_id), r.report_date, r.person, "
    "r.progress" DRILL_REPORT_FROM " ORDER BY r.report_date DESC LIMIT ?2 OFFSET ?3";

int
db_drill_count(struct db *db, const struct db_drill_query *q, long *n, struct err *e)
{
    sqlite3_stmt *st = db_stmt(db, drill_report_count, e);
    int r;

    *n = 0;
    if (st == NULL)
        return ERR_DB;
    sqlite3_bind_text(st, 1, q->month ? q->month : "", -1, SQLITE_TRANSIENT);
    if ((r = db_step_row(db, st, e)) < 0)
        return ERR_DB;
    *n = r ? (long)sqlite3_column_int64(st, 0) : 0;
    sqlite3_reset(st);
    return ERR_OK;
}

int
db_drill_page(struct db *db, const struct db_drill_query *q, long offset, int limit,
              struct db_drill_row **out, size_t *n, struct err *e)
{
    sqlite3_stmt *st = db_stmt(db, drill_report_page, e);
    struct db_drill_row *rows = xcalloc(limit > 0 ? (size_t)limit : 1, sizeof *rows);
    int r = 0, i;

    *out = NULL;
    *n = 0;
    if (st == NULL) {
        free(rows);
        return ERR_DB;
    }
    sqlite3_bind_text(st, 1, q->month ? q->month : "", -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(st, 2, limit);
    sqlite3_bind_int64(st, 3, offset);
    while (*n < (size_t)limit && (r = db_step_row(db, st, e)) > 0) {
        db_col_copy(st, 0, rows[*n].id, sizeof rows[*n].id);
        for (i = 0; i < DB_DRILL_CELLS; i++) {
            char *t = db_col_text(st, i + 1);

            rows[*n].cell[i] = t ? t : xstrdup("");
        }
        (*n)++;
    }
    sqlite3_reset(st);
    *out = rows;
    return r < 0 ? ERR_DB : ERR_OK;
}

void
db_drill_rows_free(struct db_drill_row *r, size_t n)
{
    size_t i;
    int j;

    for (i = 0; i < n; i++) {
        for (j = 0; j < DB_DRILL_CELLS; j++)
            free(r[i].cell[j]);
    }
    free(r);
}
