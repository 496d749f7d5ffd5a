/* figures.c — tallies for the supervisor summaries. */
#include "db/figures.h"

#include <stddef.h>

#include "db/db_priv.h"

#define FIGURES_MAX_COLS 32

/* Steps st to the end, handing each row to fn; resets st. */
static int
figures_each(struct db *db, sqlite3_stmt *st, db_figures_row_fn fn, void *arg, struct err *e)
{
    const char *cols[FIGURES_MAX_COLS];
    int n = sqlite3_column_count(st), i, r, rc = ERR_OK;

    if (n > FIGURES_MAX_COLS)
        n = FIGURES_MAX_COLS;
    while (rc == ERR_OK && (r = db_step_row(db, st, e)) > 0) {
        for (i = 0; i < n; i++) {
            const unsigned char *t = sqlite3_column_text(st, i);

            cols[i] = t ? (const char *)t : "";
        }
        rc = fn(arg, cols, n);
    }
    sqlite3_reset(st);
    if (rc == ERR_OK && r < 0)
        rc = ERR_DB;
    return rc;
}

int
db_figures_pilots(struct db *db, db_figures_row_fn fn, void *arg, struct err *e)
{
    static const char sql[] =
        "SELECT p.id, p.name, en.name, b.name, u.name, p.budget, p.start_date,"
        " CASE WHEN a.no IS NULL THEN NULL ELSE a.no || '.' || t.no END, p.goal"
        " FROM pilot_project p LEFT JOIN enterprise en ON en.id = p.enterprise_id"
        " LEFT JOIN pilot_base b ON b.id = p.base_id LEFT JOIN unit u ON u.id = p.lead_unit_id"
        " LEFT JOIN task t ON t.id = p.task_id LEFT JOIN action a ON a.id = t.action_id"
        " WHERE p.archived_at IS NULL ORDER BY tuwei_sortkey(p.name)";
    sqlite3_stmt *st = db_stmt(db, sql, e);

    if (st == NULL)
        return ERR_DB;
    return figures_each(db, st, fn, arg, e);
}

int
db_figures_report_months(struct db *db, const char *first, const char *last, db_figures_row_fn fn,
                         void *arg, struct err *e)
{
    static const char sql[] =
        "SELECT period, count(*) FROM task_report INDEXED BY task_report_month"
        " WHERE period BETWEEN ?1 AND ?2 AND archived_at IS NULL GROUP BY period";
    sqlite3_stmt *st = db_stmt(db, sql, e);

    if (st == NULL)
        return ERR_DB;
    sqlite3_bind_text(st, 1, first, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, last, -1, SQLITE_TRANSIENT);
    return figures_each(db, st, fn, arg, e);
}

int
db_figures_month_reports(struct db *db, int plan_year, const char *period, db_figures_row_fn fn,
                         void *arg, struct err *e)
{
    static const char sql[] =
        "SELECT a.no, t.no, t.title,"
        " (SELECT u.name FROM task_unit tu JOIN unit u ON u.id = tu.unit_id"
        "  WHERE tu.task_id = t.id AND tu.role = 'lead'),"
        " s.name, t.percent, r.report_date, r.progress, r.problems, r.next_steps,"
        " (SELECT name FROM unit WHERE id = r.unit_id), r.person"
        " FROM task t JOIN action a ON a.id = t.action_id"
        " JOIN plan p ON p.id = a.plan_id AND p.year = ?1"
        " LEFT JOIN task_status s ON s.id = t.status_id"
        " LEFT JOIN task_report r ON r.rowid = (SELECT x.rowid"
        "  FROM task_report x INDEXED BY task_report_month"
        "  WHERE x.task_id = t.id AND x.period = ?2 AND x.archived_at IS NULL"
        "  ORDER BY x.report_date DESC, x.rowid DESC LIMIT 1)"
        " WHERE t.archived_at IS NULL ORDER BY a.no, t.no";
    sqlite3_stmt *st = db_stmt(db, sql, e);

    if (st == NULL)
        return ERR_DB;
    sqlite3_bind_int(st, 1, plan_year);
    sqlite3_bind_text(st, 2, period, -1, SQLITE_TRANSIENT);
    return figures_each(db, st, fn, arg, e);
}

/* True when no tier has any 'drop' event: evaluated once per statement
 * (it does not depend on the row), it spares each event its own probe
 * for drops in the usual case of a register without any. */
#define FIGURES_NO_DROPS                                                                           \
    "NOT EXISTS (SELECT 1 FROM tier t2 WHERE EXISTS (SELECT 1 FROM tier_event y"                   \
    " WHERE y.tier_id = t2.id AND y.kind = 'drop'))"

/* Events of tier v that hold on ?1, by the enterprise register's own rule
 * (db/ent_list.c, HELD_WHERE): an 'enter' whose span, from valid_from (or
 * its date) to valid_to (open when empty), covers the day, with no 'drop'
 * of the tier inside the span up to the day; archived enterprises left out. */
#define FIGURES_HELD                                                                               \
    " v.kind = 'enter' AND v.archived_at IS NULL"                                                  \
    " AND coalesce(v.valid_from, v.event_date) <= ?1"                                              \
    " AND (v.valid_to IS NULL OR v.valid_to >= ?1)"                                                \
    " AND v.enterprise_id NOT IN (SELECT id FROM enterprise WHERE archived_at IS NOT NULL)"        \
    " AND (" FIGURES_NO_DROPS " OR NOT EXISTS (SELECT 1 FROM tier_event x"                         \
    "  WHERE x.tier_id = v.tier_id AND x.kind = 'drop' AND x.enterprise_id = v.enterprise_id"      \
    "  AND x.archived_at IS NULL"                                                                  \
    "  AND x.event_date BETWEEN coalesce(v.valid_from, v.event_date) AND ?1))"

int
db_figures_tier_counts(struct db *db, const char *as_of, db_figures_row_fn fn, void *arg,
                       struct err *e)
{
    /* Each tier's events that can hold on ?1 are read in the covering
     * index of schema 6, in enterprise order (so counting distinct
     * enterprises needs no sort); archived enterprises come from their
     * small index. The lowest tier (the candidates) counts the live
     * enterprises holding no tier above it. */
    static const char sql[] =
        "WITH held(tier_id, n) AS (SELECT t.id, (SELECT count(*) FROM (SELECT v.enterprise_id"
        "  FROM tier_event v WHERE v.tier_id = t.id AND" FIGURES_HELD
        "  GROUP BY v.enterprise_id)) FROM tier t),"
        " above(n) AS (SELECT count(*) FROM (SELECT v.enterprise_id FROM tier_event v"
        "  WHERE v.tier_id IN (SELECT id FROM tier WHERE rank > (SELECT min(rank) FROM tier))"
        "  AND" FIGURES_HELD " GROUP BY v.enterprise_id)),"
        " live(n) AS (SELECT count(*) FROM enterprise WHERE archived_at IS NULL)"
        " SELECT t.code, t.name, t.rank, coalesce(t.target_code, ''),"
        " CASE WHEN t.rank = (SELECT min(rank) FROM tier)"
        "  THEN (SELECT n FROM live) - (SELECT n FROM above) ELSE coalesce(h.n, 0) END"
        " FROM tier t LEFT JOIN held h ON h.tier_id = t.id ORDER BY t.rank";
    sqlite3_stmt *st = db_stmt(db, sql, e);

    if (st == NULL)
        return ERR_DB;
    sqlite3_bind_text(st, 1, as_of, -1, SQLITE_TRANSIENT);
    return figures_each(db, st, fn, arg, e);
}
