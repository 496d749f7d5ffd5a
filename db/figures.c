/* figures.c — tallies for the supervisor summaries. */
#include "db/figures.h"

#include <stddef.h>

#include "db/db_priv.h"

int
db_figures_tier_count(struct db *db, const char *code, const char *as_of, long *count,
                      struct err *e)
{
    static const char sql[] =
        "SELECT count(DISTINCT te.enterprise_id) FROM tier t"
        " JOIN tier_event te ON te.tier_id = t.id"
        " JOIN enterprise en ON en.id = te.enterprise_id AND en.archived_at IS NULL"
        " WHERE t.target_code = ?1 AND te.kind = 'enter' AND te.archived_at IS NULL"
        " AND te.event_date <= ?2"
        " AND (te.valid_from IS NULL OR te.valid_from <= ?2)"
        " AND (te.valid_to IS NULL OR te.valid_to >= ?2)"
        " AND NOT EXISTS (SELECT 1 FROM tier_event d WHERE d.enterprise_id = te.enterprise_id"
        "  AND d.tier_id = te.tier_id AND d.kind = 'drop' AND d.archived_at IS NULL"
        "  AND d.event_date >= te.event_date AND d.event_date <= ?2)";
    sqlite3_stmt *st = db_stmt(db, sql, e);
    int r;

    *count = 0;
    if (st == NULL)
        return ERR_DB;
    sqlite3_bind_text(st, 1, code, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, as_of, -1, SQLITE_TRANSIENT);
    if ((r = db_step_row(db, st, e)) < 0)
        return ERR_DB;
    *count = r ? (long)sqlite3_column_int64(st, 0) : 0;
    sqlite3_reset(st);
    return ERR_OK;
}
