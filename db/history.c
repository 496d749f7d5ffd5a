/* history.c — reading the append-only change log. */
#include "db/history.h"

#include <stdlib.h>
#include <string.h>

#include "db/db_priv.h"
#include "src/xmalloc.h"

int
db_history_list(struct db *db, const struct db_history_filter *f, struct db_history_entry **out,
                size_t *n, struct err *e)
{
    static const char sql[] =
        "SELECT seq, at, user, tbl, row_key, op, old, new FROM change_log"
        " WHERE (?1 IS NULL OR tbl = ?1) AND (?2 IS NULL OR substr(row_key, 1, length(?2)) = ?2"
        /* a row an import added is in a bulk entry; its key opens its row there */
        "  OR (op = 'insert' AND substr(new, 1, 8) = '{\"bulk\":'"
        "   AND instr(new, '[\"' || ?2) > 0))"
        " AND (?3 IS NULL OR user = ?3) AND (?4 = 0 OR seq < ?4) ORDER BY seq DESC LIMIT ?5";
    sqlite3_stmt *st = db_stmt(db, sql, e);
    struct db_history_entry *h = NULL, *x;
    int r, limit = f->limit < 1 ? 1 : f->limit > 1000 ? 1000 : f->limit;

    *out = NULL;
    *n = 0;
    if (st == NULL)
        return ERR_DB;
    db_bind_text(st, 1, f->tbl);
    db_bind_text(st, 2, f->row_key);
    db_bind_text(st, 3, f->user);
    sqlite3_bind_int64(st, 4, f->before);
    sqlite3_bind_int(st, 5, limit);
    while ((r = db_step_row(db, st, e)) > 0) {
        h = db_grow(h, *n, sizeof *h);
        x = &h[(*n)++];
        x->seq = sqlite3_column_int64(st, 0);
        db_col_copy(st, 1, x->at, sizeof x->at);
        x->user = db_col_text(st, 2);
        x->tbl = db_col_text(st, 3);
        x->row_key = db_col_text(st, 4);
        x->op = db_col_text(st, 5);
        x->old = db_col_text(st, 6);
        x->new_ = db_col_text(st, 7);
    }
    *out = h;
    return r < 0 ? ERR_DB : ERR_OK;
}

void
db_history_free(struct db_history_entry *h, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++) {
        free(h[i].user);
        free(h[i].tbl);
        free(h[i].row_key);
        free(h[i].op);
        free(h[i].old);
        free(h[i].new_);
    }
    free(h);
}
