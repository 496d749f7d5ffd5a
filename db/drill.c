/* drill.c — paging through the records behind a dashboard figure. */
#include "db/drill.h"

#include <stdlib.h>
#include <string.h>

#include "db/db_priv.h"
#include "src/xmalloc.h"

#define DRILL_REPORT_FROM                                                                          \
    " FROM task_report r INDEXED BY task_report_month_date"                                        \
    " WHERE r.period = ?1 AND r.archived_at IS NULL"

/* An event showing that enterprise e holds tier ?1 on ?2. */
#define DRILL_TIER_EVENT                                                                           \
    " FROM tier_event te WHERE te.tier_id = (SELECT id FROM tier WHERE code = ?1)"                 \
    " AND te.kind = 'enter' AND te.enterprise_id = e.id AND te.archived_at IS NULL"                \
    " AND te.event_date <= ?2 AND (te.valid_from IS NULL OR te.valid_from <= ?2)"                  \
    " AND (te.valid_to IS NULL OR te.valid_to >= ?2)"                                              \
    " AND NOT EXISTS (SELECT 1 FROM tier_event d WHERE d.tier_id = te.tier_id"                     \
    "  AND d.kind = 'drop' AND d.enterprise_id = e.id AND d.archived_at IS NULL"                   \
    "  AND d.event_date >= te.event_date AND d.event_date <= ?2)"

static const char drill_report_count[] = "SELECT count(*)" DRILL_REPORT_FROM;
static const char drill_report_page[] =
    "SELECT r.id, (SELECT a.no || '.' || t.no FROM task t JOIN action a ON a.id = t.action_id"
    "  WHERE t.id = r.task_id), (SELECT title FROM task WHERE id = r.task_id),"
    " (SELECT name FROM unit WHERE id = r.unit_id), r.report_date, r.person, r.progress"
    DRILL_REPORT_FROM " ORDER BY r.report_date DESC LIMIT ?2 OFFSET ?3";
/* Counted from the events (one tier's, in their covering index); paged
 * along the enterprises' name index, from a row (keyset) or an offset. */
static const char drill_tier_count[] =
    "SELECT count(DISTINCT te.enterprise_id) FROM tier_event te"
    " WHERE te.tier_id = (SELECT id FROM tier WHERE code = ?1) AND te.kind = 'enter'"
    " AND te.archived_at IS NULL AND te.event_date <= ?2"
    " AND (te.valid_from IS NULL OR te.valid_from <= ?2)"
    " AND (te.valid_to IS NULL OR te.valid_to >= ?2)"
    " AND te.enterprise_id NOT IN (SELECT id FROM enterprise WHERE archived_at IS NOT NULL)"
    " AND NOT EXISTS (SELECT 1 FROM tier_event d WHERE d.tier_id = te.tier_id"
    "  AND d.kind = 'drop' AND d.enterprise_id = te.enterprise_id AND d.archived_at IS NULL"
    "  AND d.event_date >= te.event_date AND d.event_date <= ?2)";
static const char drill_tier_page[] =
    "SELECT e.id, e.name, e.credit_code, (SELECT te.evidence_no" DRILL_TIER_EVENT
    " ORDER BY te.event_date DESC LIMIT 1), (SELECT te.valid_to" DRILL_TIER_EVENT
    " ORDER BY te.event_date DESC LIMIT 1), e.township,"
    " (SELECT name FROM industry_field f WHERE f.id = e.field_id), e.rowid"
    " FROM enterprise e WHERE e.archived_at IS NULL AND (?5 IS NULL OR e.name > ?5"
    " OR (e.name = ?5 AND e.rowid > ?6)) AND EXISTS (SELECT 1" DRILL_TIER_EVENT ")"
    " ORDER BY e.name, e.rowid LIMIT ?3 OFFSET ?4";

/* Prepares the statement of q (count or page) and binds its filter;
 * *next gets the first parameter left for LIMIT. */
static sqlite3_stmt *
drill_prepare(struct db *db, const struct db_drill_query *q, int page, int *next, struct err *e)
{
    sqlite3_stmt *st;

    if (q->kind == DB_DRILL_REPORTS) {
        st = db_stmt(db, page ? drill_report_page : drill_report_count, e);
        if (st)
            sqlite3_bind_text(st, 1, q->month ? q->month : "", -1, SQLITE_TRANSIENT);
        *next = 2;
        return st;
    }
    st = db_stmt(db, page ? drill_tier_page : drill_tier_count, e);
    if (st) {
        sqlite3_bind_text(st, 1, q->tier ? q->tier : "", -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 2, q->as_of ? q->as_of : "", -1, SQLITE_TRANSIENT);
    }
    *next = 3;
    return st;
}

int
db_drill_count(struct db *db, const struct db_drill_query *q, long *n, struct err *e)
{
    int next, r;
    sqlite3_stmt *st = drill_prepare(db, q, 0, &next, e);

    *n = 0;
    if (st == NULL)
        return ERR_DB;
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
    int next, r = 0, i;
    sqlite3_stmt *st = drill_prepare(db, q, 1, &next, e);
    struct db_drill_row *rows = xcalloc(limit > 0 ? (size_t)limit : 1, sizeof *rows);

    *out = NULL;
    *n = 0;
    if (st == NULL) {
        free(rows);
        return ERR_DB;
    }
    sqlite3_bind_int(st, next, limit);
    sqlite3_bind_int64(st, next + 1, q->after_name ? 0 : offset);
    if (q->kind == DB_DRILL_TIER) {
        db_bind_text(st, next + 2, q->after_name);
        sqlite3_bind_int64(st, next + 3, q->after_rowid);
    }
    while (*n < (size_t)limit && (r = db_step_row(db, st, e)) > 0) {
        db_col_copy(st, 0, rows[*n].id, sizeof rows[*n].id);
        for (i = 0; i < DB_DRILL_CELLS; i++) {
            char *t = db_col_text(st, i + 1);

            rows[*n].cell[i] = t ? t : xstrdup("");
        }
        if (q->kind == DB_DRILL_TIER)
            rows[*n].rowid = sqlite3_column_int64(st, 1 + DB_DRILL_CELLS);
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
