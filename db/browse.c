/*
 * browse.c — counts and pages for the screens' long lists.
 *
 * Pages use LIMIT/OFFSET over an index in a stable order (name, rowid):
 * the screen asks only for the rows it is about to draw. Every statement
 * is reset before returning, so no read transaction outlives a call.
 */
#include "db/browse.h"

#include <stdlib.h>
#include <string.h>

#include "db/db_priv.h"
#include "src/strbuf.h"
#include "src/xmalloc.h"

/* Binds filter at i as a LIKE pattern "%filter%" (NULL when empty),
 * with %, _ and \ escaped by '\'. */
static void
browse_bind_filter(sqlite3_stmt *st, int i, const char *filter)
{
    struct strbuf b = STRBUF_INIT;
    const char *p;

    if (filter == NULL || *filter == '\0') {
        sqlite3_bind_null(st, i);
        return;
    }
    strbuf_putc(&b, '%');
    for (p = filter; *p; p++) {
        if (*p == '%' || *p == '_' || *p == '\\')
            strbuf_putc(&b, '\\');
        strbuf_putc(&b, *p);
    }
    strbuf_putc(&b, '%');
    sqlite3_bind_text(st, i, strbuf_str(&b), -1, SQLITE_TRANSIENT);
    strbuf_free(&b);
}

/* Runs a prepared count with the filter in ?1. */
static int
browse_count(struct db *db, const char *sql, const char *filter, long *n, struct err *e)
{
    sqlite3_stmt *st = db_stmt(db, sql, e);
    int r;

    *n = 0;
    if (st == NULL)
        return ERR_DB;
    browse_bind_filter(st, 1, filter);
    if ((r = db_step_row(db, st, e)) < 0)
        return ERR_DB;
    if (r > 0)
        *n = (long)sqlite3_column_int64(st, 0);
    sqlite3_reset(st);
    return ERR_OK;
}

#define BROWSE_ENTERPRISE_WHERE                                                                    \
    " WHERE e.archived_at IS NULL AND (?1 IS NULL OR e.name LIKE ?1 ESCAPE '\\'"                   \
    " OR e.short_name LIKE ?1 ESCAPE '\\' OR e.credit_code LIKE ?1 ESCAPE '\\'"                    \
    " OR e.township LIKE ?1 ESCAPE '\\')"

int
db_browse_enterprise_count(struct db *db, const char *filter, long *n, struct err *e)
{
    static const char sql[] = "SELECT count(*) FROM enterprise e" BROWSE_ENTERPRISE_WHERE;

    return browse_count(db, sql, filter, n, e);
}

/* Fills r from the current row of the enterprise page query. */
static void
browse_enterprise_row(sqlite3_stmt *st, struct db_browse_enterprise *r)
{
    db_col_copy(st, 0, r->id, sizeof r->id);
    r->name = db_col_text(st, 1);
    r->short_name = db_col_text(st, 2);
    r->credit_code = db_col_text(st, 3);
    r->township = db_col_text(st, 4);
    r->field = db_col_text(st, 5);
    r->address = db_col_text(st, 6);
    r->contact = db_col_text(st, 7);
    r->notes = db_col_text(st, 8);
    r->above_scale = sqlite3_column_int(st, 9);
    r->manufacturing = sqlite3_column_int(st, 10);
    r->seq = sqlite3_column_int64(st, 11);
}

/* Reads up to max rows of st into out; reversed when the query ran
 * backwards, so out is always in name order. Resets st. */
static int
browse_enterprise_rows(struct db *db, sqlite3_stmt *st, int max, int reversed,
                       struct db_browse_enterprise *out, int *got, struct err *e)
{
    struct db_browse_enterprise tmp;
    int r = 1, i;

    *got = 0;
    while (*got < max && (r = db_step_row(db, st, e)) > 0) {
        memset(&out[*got], 0, sizeof out[*got]);
        browse_enterprise_row(st, &out[(*got)++]);
    }
    sqlite3_reset(st);
    for (i = 0; reversed && i < *got / 2; i++) {
        tmp = out[i];
        out[i] = out[*got - 1 - i];
        out[*got - 1 - i] = tmp;
    }
    if (r < 0) {
        for (i = 0; i < *got; i++)
            db_browse_enterprise_free(&out[i]);
        *got = 0;
        return ERR_DB;
    }
    return ERR_OK;
}

int
db_browse_enterprise_page(struct db *db, const char *filter, long offset, int max,
                          struct db_browse_enterprise *out, int *got, struct err *e)
{
    static const char sql[] =
        "SELECT e.id, e.name, e.short_name, e.credit_code, e.township, f.name, e.address,"
        " e.contact, e.notes, e.above_scale, e.manufacturing, e.rowid"
        " FROM enterprise e LEFT JOIN industry_field f ON f.id = e.field_id" BROWSE_ENTERPRISE_WHERE
        " ORDER BY e.name, e.rowid LIMIT ?2 OFFSET ?3";
    sqlite3_stmt *st = db_stmt(db, sql, e);

    if (st == NULL)
        return ERR_DB;
    browse_bind_filter(st, 1, filter);
    sqlite3_bind_int(st, 2, max);
    sqlite3_bind_int64(st, 3, offset);
    return browse_enterprise_rows(db, st, max, 0, out, got, e);
}

int
db_browse_enterprise_page_from_end(struct db *db, const char *filter, long from_end, int max,
                                   struct db_browse_enterprise *out, int *got, struct err *e)
{
    static const char sql[] =
        "SELECT e.id, e.name, e.short_name, e.credit_code, e.township, f.name, e.address,"
        " e.contact, e.notes, e.above_scale, e.manufacturing, e.rowid"
        " FROM enterprise e LEFT JOIN industry_field f ON f.id = e.field_id" BROWSE_ENTERPRISE_WHERE
        " ORDER BY e.name DESC, e.rowid DESC LIMIT ?2 OFFSET ?3";
    sqlite3_stmt *st = db_stmt(db, sql, e);

    if (st == NULL)
        return ERR_DB;
    browse_bind_filter(st, 1, filter);
    sqlite3_bind_int(st, 2, max);
    sqlite3_bind_int64(st, 3, from_end);
    return browse_enterprise_rows(db, st, max, 1, out, got, e);
}

int
db_browse_enterprise_near(struct db *db, const char *filter, const char *name, long long seq,
                          int dir, int max, struct db_browse_enterprise *out, int *got,
                          struct err *e)
{
    static const char after[] =
        "SELECT e.id, e.name, e.short_name, e.credit_code, e.township, f.name, e.address,"
        " e.contact, e.notes, e.above_scale, e.manufacturing, e.rowid"
        " FROM enterprise e LEFT JOIN industry_field f ON f.id = e.field_id" BROWSE_ENTERPRISE_WHERE
        " AND (e.name, e.rowid) > (?3, ?4)"
        " ORDER BY e.name, e.rowid LIMIT ?2";
    static const char before[] =
        "SELECT e.id, e.name, e.short_name, e.credit_code, e.township, f.name, e.address,"
        " e.contact, e.notes, e.above_scale, e.manufacturing, e.rowid"
        " FROM enterprise e LEFT JOIN industry_field f ON f.id = e.field_id" BROWSE_ENTERPRISE_WHERE
        " AND (e.name, e.rowid) < (?3, ?4)"
        " ORDER BY e.name DESC, e.rowid DESC LIMIT ?2";
    sqlite3_stmt *st = db_stmt(db, dir > 0 ? after : before, e);

    if (st == NULL)
        return ERR_DB;
    browse_bind_filter(st, 1, filter);
    sqlite3_bind_int(st, 2, max);
    sqlite3_bind_text(st, 3, name ? name : "", -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(st, 4, seq);
    return browse_enterprise_rows(db, st, max, dir < 0, out, got, e);
}

void
db_browse_enterprise_free(struct db_browse_enterprise *r)
{
    if (r == NULL)
        return;
    free(r->name);
    free(r->short_name);
    free(r->credit_code);
    free(r->township);
    free(r->field);
    free(r->address);
    free(r->contact);
    free(r->notes);
    memset(r, 0, sizeof *r);
}

int
db_browse_tier_events(struct db *db, const char *enterprise_id, struct db_browse_tier_event **out,
                      size_t *n, struct err *e)
{
    static const char sql[] = "SELECT ev.event_date, t.name, ev.kind, ev.evidence_no, ev.valid_to"
                              " FROM tier_event ev JOIN tier t ON t.id = ev.tier_id"
                              " WHERE ev.enterprise_id = ?1 AND ev.archived_at IS NULL"
                              " ORDER BY ev.event_date, ev.rowid";
    sqlite3_stmt *st = db_stmt(db, sql, e);
    struct db_browse_tier_event *ev;
    int r;

    *out = NULL;
    *n = 0;
    if (st == NULL)
        return ERR_DB;
    sqlite3_bind_text(st, 1, enterprise_id, -1, SQLITE_TRANSIENT);
    while ((r = db_step_row(db, st, e)) > 0) {
        *out = xrealloc(*out, (*n + 1) * sizeof **out);
        ev = &(*out)[(*n)++];
        ev->event_date = db_col_text(st, 0);
        ev->tier = db_col_text(st, 1);
        ev->kind = db_col_text(st, 2);
        ev->evidence_no = db_col_text(st, 3);
        ev->valid_to = db_col_text(st, 4);
    }
    sqlite3_reset(st);
    return r < 0 ? ERR_DB : ERR_OK;
}

void
db_browse_tier_events_free(struct db_browse_tier_event *ev, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++) {
        free(ev[i].event_date);
        free(ev[i].tier);
        free(ev[i].kind);
        free(ev[i].evidence_no);
        free(ev[i].valid_to);
    }
    free(ev);
}

/* Bases and projects as one list: gkey groups a project under its base
 * (NULL: no base, listed last), gord puts the base before its projects. */
#define BROWSE_PILOT_FROM                                                                          \
    " FROM (SELECT b.id, 1 AS is_base, b.name, b.name AS base, b.kind, b.park, b.operator,"        \
    "  b.offers, NULL AS enterprise, NULL AS lead_unit, NULL AS task, NULL AS start_date,"         \
    "  NULL AS goal, b.notes, NULL AS budget, b.rowid AS gkey, 0 AS gord, 0 AS iord"               \
    "  FROM pilot_base b WHERE b.archived_at IS NULL"                                              \
    " UNION ALL"                                                                                   \
    " SELECT p.id, 0, p.name, b.name, NULL, NULL, NULL, NULL, en.name, u.name,"                    \
    "  (SELECT a.no FROM action a WHERE a.id = t.action_id) || '.' || t.no || ' ' || t.title,"     \
    "  p.start_date, p.goal, p.notes, p.budget, b.rowid, 1, p.rowid"                               \
    "  FROM pilot_project p LEFT JOIN pilot_base b ON b.id = p.base_id"                            \
    "  LEFT JOIN enterprise en ON en.id = p.enterprise_id"                                         \
    "  LEFT JOIN unit u ON u.id = p.lead_unit_id LEFT JOIN task t ON t.id = p.task_id"             \
    "  WHERE p.archived_at IS NULL)"                                                               \
    " WHERE ?1 IS NULL OR name LIKE ?1 ESCAPE '\\' OR base LIKE ?1 ESCAPE '\\'"                    \
    " OR enterprise LIKE ?1 ESCAPE '\\'"

int
db_browse_pilot_count(struct db *db, const char *filter, long *n, struct err *e)
{
    static const char sql[] = "SELECT count(*)" BROWSE_PILOT_FROM;

    return browse_count(db, sql, filter, n, e);
}

/* Fills r from the current row of the pilot page query. */
static void
browse_pilot_row(sqlite3_stmt *st, struct db_browse_pilot *r)
{
    db_col_copy(st, 0, r->id, sizeof r->id);
    r->is_base = sqlite3_column_int(st, 1);
    r->name = db_col_text(st, 2);
    r->base = db_col_text(st, 3);
    r->kind = db_col_text(st, 4);
    r->park = db_col_text(st, 5);
    r->operator_name = db_col_text(st, 6);
    r->offers = db_col_text(st, 7);
    r->enterprise = db_col_text(st, 8);
    r->lead_unit = db_col_text(st, 9);
    r->task = db_col_text(st, 10);
    r->start_date = db_col_text(st, 11);
    r->goal = db_col_text(st, 12);
    r->notes = db_col_text(st, 13);
    r->has_budget = sqlite3_column_type(st, 14) != SQLITE_NULL;
    r->budget = sqlite3_column_int64(st, 14);
}

int
db_browse_pilot_page(struct db *db, const char *filter, long offset, int max,
                     struct db_browse_pilot *out, int *got, struct err *e)
{
    static const char sql[] =
        "SELECT id, is_base, name, base, kind, park, operator, offers, enterprise, lead_unit,"
        " task, start_date, goal, notes, budget" BROWSE_PILOT_FROM
        " ORDER BY gkey IS NULL, gkey, gord, iord LIMIT ?2 OFFSET ?3";
    sqlite3_stmt *st = db_stmt(db, sql, e);
    int r = 1;

    *got = 0;
    if (st == NULL)
        return ERR_DB;
    browse_bind_filter(st, 1, filter);
    sqlite3_bind_int(st, 2, max);
    sqlite3_bind_int64(st, 3, offset);
    while (*got < max && (r = db_step_row(db, st, e)) > 0) {
        memset(&out[*got], 0, sizeof out[*got]);
        browse_pilot_row(st, &out[(*got)++]);
    }
    sqlite3_reset(st);
    return r < 0 ? ERR_DB : ERR_OK;
}

void
db_browse_pilot_free(struct db_browse_pilot *r)
{
    if (r == NULL)
        return;
    free(r->name);
    free(r->base);
    free(r->kind);
    free(r->park);
    free(r->operator_name);
    free(r->offers);
    free(r->enterprise);
    free(r->lead_unit);
    free(r->task);
    free(r->start_date);
    free(r->goal);
    free(r->notes);
    memset(r, 0, sizeof *r);
}
