/*
 * task_history.c — a task's story from the change log: the task's own
 * rows and those of its units, links, milestones and reports, each change
 * split into its fields (old and new value) by SQLite's JSON functions.
 */
#include <stdlib.h>
#include <string.h>

#include "db/db_priv.h"
#include "db/task.h"
#include "src/xmalloc.h"

/* The child rows are found by the task_id their insert logged (index
 * change_log_by_task), so rows since deleted still count. One output row
 * per changed field; an entry with no fields (rare) still yields a row. */
static const char history_sql[] =
    "WITH keys(tbl, row_key) AS ("
    " SELECT 'task', ?1"
    " UNION SELECT tbl, row_key FROM change_log"
    "  WHERE op = 'insert' AND json_extract(new, '$.task_id') = ?1"
    "  AND tbl IN ('task_unit', 'task_enterprise', 'task_institution', 'task_milestone',"
    "   'task_report'))"
    " SELECT l.seq, l.at, l.user, l.tbl, l.row_key, l.op, j.key,"
    "  CASE WHEN l.old IS NULL THEN NULL ELSE l.old ->> j.key END,"
    "  CASE WHEN l.new IS NULL THEN NULL ELSE l.new ->> j.key END"
    " FROM keys k JOIN change_log l ON l.tbl = k.tbl AND l.row_key = k.row_key"
    " LEFT JOIN json_each(coalesce(l.new, l.old)) j"
    " ORDER BY l.seq, j.id";

/* Appends the field in the current row to h. */
static void
history_field(sqlite3_stmt *st, struct db_task_change *h)
{
    struct db_task_change_field *f;

    if (sqlite3_column_type(st, 6) == SQLITE_NULL)
        return;
    h->f = db_grow(h->f, h->nf, sizeof *h->f);
    f = &h->f[h->nf++];
    f->key = db_col_text(st, 6);
    f->old_value = db_col_text(st, 7);
    f->new_value = db_col_text(st, 8);
}

/* Starts a new entry from the current row. */
static void
history_entry(sqlite3_stmt *st, struct db_task_change *h)
{
    memset(h, 0, sizeof *h);
    h->seq = sqlite3_column_int64(st, 0);
    db_col_copy(st, 1, h->at, sizeof h->at);
    h->user = db_col_text(st, 2);
    db_col_copy(st, 3, h->tbl, sizeof h->tbl);
    db_col_copy(st, 4, h->row_key, sizeof h->row_key);
    db_col_copy(st, 5, h->op, sizeof h->op);
}

int
db_task_history(struct db *db, const char *task_id, struct db_task_change **out, size_t *n,
                struct err *e)
{
    sqlite3_stmt *st = db_stmt(db, history_sql, e);
    struct db_task_change *h = NULL;
    int r;

    *out = NULL;
    *n = 0;
    if (st == NULL)
        return ERR_DB;
    sqlite3_bind_text(st, 1, task_id, -1, SQLITE_STATIC);
    while ((r = db_step_row(db, st, e)) == 1) {
        if (*n == 0 || h[*n - 1].seq != sqlite3_column_int64(st, 0)) {
            h = db_grow(h, *n, sizeof *h);
            history_entry(st, &h[(*n)++]);
        }
        history_field(st, &h[*n - 1]);
    }
    sqlite3_reset(st);
    *out = h;
    return r < 0 ? ERR_DB : ERR_OK;
}

void
db_task_history_free(struct db_task_change *h, size_t n)
{
    size_t i, j;

    for (i = 0; i < n; i++) {
        for (j = 0; j < h[i].nf; j++) {
            free(h[i].f[j].key);
            free(h[i].f[j].old_value);
            free(h[i].f[j].new_value);
        }
        free(h[i].f);
        free(h[i].user);
    }
    free(h);
}
