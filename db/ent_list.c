/*
 * ent_list.c — paging through the enterprise list, counting tiers on a
 * day, and the sets behind the warnings.
 *
 * The list's WHERE clause depends on which filters are set, so its SQL is
 * assembled from fixed fragments (values are always bound, by name) and
 * prepared per call: a prepare costs tens of microseconds, and a statement
 * that names only the active filters lets SQLite pick the right index.
 */
#include "db/ent_list.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/db_priv.h"
#include "src/strbuf.h"
#include "src/xmalloc.h"

/* Enterprises holding the tier bound at T on :d (an enter span covering
 * the day with no drop of the same tier inside it). */
#define HELD_WHERE                                                                                 \
    " v.kind = 'enter' AND v.archived_at IS NULL"                                                  \
    " AND coalesce(v.valid_from, v.event_date) <= :d"                                              \
    " AND coalesce(v.valid_to, '9999-12-31') >= :d"                                                \
    " AND NOT EXISTS (SELECT 1 FROM tier_event x INDEXED BY tier_event_scan"                       \
    " WHERE x.enterprise_id = v.enterprise_id"                                                     \
    " AND x.tier_id = v.tier_id AND x.kind = 'drop' AND x.archived_at IS NULL"                     \
    " AND x.event_date BETWEEN coalesce(v.valid_from, v.event_date) AND :d)"
#define HELD(T) "SELECT v.enterprise_id FROM tier_event v WHERE v.tier_id = " T " AND" HELD_WHERE
#define HELD_ANY                                                                                   \
    "SELECT v.enterprise_id FROM tier_event v JOIN tier t ON t.id = v.tier_id"                     \
    " WHERE t.rank > (SELECT min(rank) FROM tier) AND" HELD_WHERE

/* Certificates of :ht held on :d whose span ends by :until, with no later one.
 * The inner look-ups name their index: left to itself, SQLite 3.40 picks
 * tier_event_held for them and reads every certificate of the tier for
 * each candidate (seconds on 100,000 enterprises instead of milliseconds). */
#define EXPIRING_WHERE                                                                             \
    " v.tier_id = :ht AND coalesce(v.valid_to, '9999-12-31') BETWEEN :d AND :until AND" HELD_WHERE \
    " AND NOT EXISTS (SELECT 1 FROM tier_event w INDEXED BY tier_event_scan"                       \
    " WHERE w.enterprise_id = v.enterprise_id"                                                     \
    " AND w.tier_id = v.tier_id AND w.kind = 'enter' AND w.archived_at IS NULL"                    \
    " AND coalesce(w.valid_to, '9999-12-31') > :until)"
#define EXPIRING "SELECT v.enterprise_id FROM tier_event v WHERE" EXPIRING_WHERE

/* Registrations of :sme that ran last year, with none this year. */
#define UNREGISTERED_WHERE                                                                         \
    " v.tier_id = :sme AND v.kind = 'enter' AND v.archived_at IS NULL"                             \
    " AND coalesce(v.valid_to, '9999-12-31') BETWEEN :pf AND :pl AND :smewarn"                     \
    " AND NOT EXISTS (SELECT 1 FROM tier_event w INDEXED BY tier_event_scan"                       \
    " WHERE w.enterprise_id = v.enterprise_id"                                                     \
    " AND w.tier_id = v.tier_id AND w.kind = 'enter' AND w.archived_at IS NULL"                    \
    " AND coalesce(w.valid_to, '9999-12-31') >= :yf)"
#define UNREGISTERED "SELECT v.enterprise_id FROM tier_event v WHERE" UNREGISTERED_WHERE

#define TOP_TIER(COL)                                                                              \
    "(SELECT " COL " FROM tier_event v JOIN tier t ON t.id = v.tier_id"                            \
    " WHERE v.enterprise_id = e.id AND t.rank > (SELECT min(rank) FROM tier) AND" HELD_WHERE       \
    " ORDER BY t.rank DESC LIMIT 1)"

/* A row's warnings, each an EXISTS over its own events (an index seek per
 * row, where "e.id IN (set)" would build the whole set for every page). */
#define WARN_BITS                                                                                  \
    "(EXISTS (SELECT 1 FROM tier_event v INDEXED BY tier_event_scan"                               \
    " WHERE v.enterprise_id = e.id AND" EXPIRING_WHERE ")"                                         \
    " + 2 * EXISTS (SELECT 1 FROM tier_event v INDEXED BY tier_event_scan"                         \
    " WHERE v.enterprise_id = e.id AND" UNREGISTERED_WHERE "))"

#define ENT_SEARCH_TERMS 4

/* Binds text to the named parameter when the statement has it. */
static void
list_bind(sqlite3_stmt *st, const char *name, const char *v)
{
    int i = sqlite3_bind_parameter_index(st, name);

    if (i > 0)
        db_bind_text(st, i, v);
}

/* Binds the day and the warnings' parameters. */
static void
list_bind_asof(sqlite3_stmt *st, const struct db_ent_asof *a)
{
    int i = sqlite3_bind_parameter_index(st, ":smewarn");

    list_bind(st, ":d", a->date);
    list_bind(st, ":ht", a->ht_tier_id ? a->ht_tier_id : "");
    list_bind(st, ":until", a->expiry_last);
    list_bind(st, ":sme", a->sme_tier_id ? a->sme_tier_id : "");
    list_bind(st, ":pf", a->prev_first);
    list_bind(st, ":pl", a->prev_last);
    list_bind(st, ":yf", a->year_first);
    if (i > 0)
        sqlite3_bind_int(st, i, a->sme_warn && a->sme_tier_id);
}

/* Number of characters in the UTF-8 text s[0..n). */
static size_t
list_chars(const char *s, size_t n)
{
    size_t i, c = 0;

    for (i = 0; i < n; i++)
        c += ((unsigned char)s[i] & 0xc0) != 0x80;
    return c;
}

/* The FTS query for one search term: a quoted string for the trigram
 * index, or the characters as a phrase for the one-character index. */
static char *
list_fts_query(const char *term, size_t n, int *uni)
{
    struct strbuf b = STRBUF_INIT;
    size_t i;

    *uni = list_chars(term, n) < 3;
    strbuf_putc(&b, '"');
    for (i = 0; i < n; i++) {
        if (term[i] == '"')
            strbuf_putc(&b, '"');
        else if (*uni && i > 0 && ((unsigned char)term[i] & 0xc0) != 0x80)
            strbuf_putc(&b, ' ');
        strbuf_putc(&b, term[i]);
    }
    strbuf_putc(&b, '"');
    return strbuf_take(&b);
}

/* Splits the search text at spaces into at most ENT_SEARCH_TERMS FTS queries. */
static size_t
list_terms(const char *s, char **q, int *uni)
{
    size_t n = 0, len;

    while (s && *s && n < ENT_SEARCH_TERMS) {
        while (*s == ' ' || *s == '\t')
            s++;
        if (strncmp(s, "　", 3) == 0) {
            s += 3;
            continue;
        }
        for (len = 0; s[len] && s[len] != ' ' && s[len] != '\t' && strncmp(s + len, "　", 3); len++)
            ;
        if (len > 0)
            q[n] = list_fts_query(s, len, &uni[n]), n++;
        s += len;
    }
    return n;
}

/* Appends the WHERE clause for f and collects the search queries. */
static void
list_where(struct strbuf *b, const struct db_ent_filter *f, char **q, size_t *nq)
{
    int uni[ENT_SEARCH_TERMS];
    size_t i;

    strbuf_puts(b,
                f->archived ? " WHERE e.archived_at IS NOT NULL" : " WHERE e.archived_at IS NULL");
    if (f->tier_id)
        strbuf_puts(b, " AND e.id IN (" HELD(":tier") ")");
    if (f->candidate)
        strbuf_puts(b, " AND e.id NOT IN (" HELD_ANY ")");
    if (f->township)
        strbuf_puts(b, " AND e.township = :township");
    if (f->field_id)
        strbuf_puts(b, " AND e.field_id = :field");
    if (f->above_scale >= 0)
        strbuf_puts(b, " AND e.above_scale = :above");
    if (f->warn)
        strbuf_puts(b, " AND (e.id IN (" EXPIRING ") OR e.id IN (" UNREGISTERED "))");
    *nq = list_terms(f->search, q, uni);
    for (i = 0; i < *nq; i++)
        strbuf_printf(b,
                      " AND e.id IN (SELECT k.eid FROM enterprise_fts_key k WHERE k.k IN"
                      " (SELECT rowid FROM %s WHERE %s MATCH :q%zu))",
                      uni[i] ? "enterprise_uni_fts" : "enterprise_fts",
                      uni[i] ? "enterprise_uni_fts" : "enterprise_fts", i);
}

/* Prepares the statement in b and binds f's values. NULL on error. */
static sqlite3_stmt *
list_prepare(struct db *db, const struct strbuf *b, const struct db_ent_filter *f, char **q,
             size_t nq, struct err *e)
{
    sqlite3_stmt *st;
    char name[24];
    size_t i;

    if (sqlite3_prepare_v2(db_handle(db), strbuf_str(b), -1, &st, NULL) != SQLITE_OK) {
        db_fail(db, e, "企业列表");
        return NULL;
    }
    list_bind_asof(st, f->asof);
    list_bind(st, ":tier", f->tier_id);
    list_bind(st, ":township", f->township);
    list_bind(st, ":field", f->field_id);
    if ((i = (size_t)sqlite3_bind_parameter_index(st, ":above")) > 0)
        sqlite3_bind_int(st, (int)i, f->above_scale);
    for (i = 0; i < nq; i++) {
        snprintf(name, sizeof name, ":q%zu", i);
        list_bind(st, name, q[i]);
    }
    return st;
}

static void
list_free_terms(char **q, size_t nq)
{
    size_t i;

    for (i = 0; i < nq; i++)
        free(q[i]);
}

long
db_ent_list_count(struct db *db, const struct db_ent_filter *f, struct err *e)
{
    struct strbuf b = STRBUF_INIT;
    char *q[ENT_SEARCH_TERMS];
    size_t nq;
    sqlite3_stmt *st;
    long n = -1;

    strbuf_puts(&b, "SELECT count(*) FROM enterprise e");
    list_where(&b, f, q, &nq);
    if ((st = list_prepare(db, &b, f, q, nq, e)) != NULL) {
        if (db_step_row(db, st, e) > 0)
            n = (long)sqlite3_column_int64(st, 0);
        sqlite3_finalize(st);
    }
    list_free_terms(q, nq);
    strbuf_free(&b);
    return n;
}

/* The ORDER BY of a sort, ascending or descending. */
static void
list_order(struct strbuf *b, enum db_ent_sort s, int desc)
{
    static const char *const cols[DB_ENT_SORT_COUNT][3] = {
        [DB_ENT_SORT_NAME] = {"e.name_key", NULL, NULL},
        [DB_ENT_SORT_TOWNSHIP] = {"e.township", "e.name_key", NULL},
        [DB_ENT_SORT_FIELD] = {"e.field_id", "e.name_key", NULL},
        [DB_ENT_SORT_CODE] = {"e.credit_code", NULL, NULL},
        [DB_ENT_SORT_UPDATED] = {"e.updated_at", NULL, NULL},
    };
    int i;

    if ((unsigned)s >= DB_ENT_SORT_COUNT)
        s = DB_ENT_SORT_NAME;
    strbuf_puts(b, " ORDER BY ");
    for (i = 0; i < 3 && cols[s][i]; i++)
        strbuf_printf(b, "%s%s, ", cols[s][i], desc ? " DESC" : "");
    strbuf_printf(b, "e.rowid%s", desc ? " DESC" : "");
}

static void
list_read_row(sqlite3_stmt *st, struct db_ent_row *r)
{
    memset(r, 0, sizeof *r);
    db_col_copy(st, 0, r->id, sizeof r->id);
    r->name = db_col_text(st, 1);
    r->short_name = db_col_text(st, 2);
    r->credit_code = db_col_text(st, 3);
    r->township = db_col_text(st, 4);
    r->field_name = db_col_text(st, 5);
    r->above_scale = sqlite3_column_int(st, 6);
    r->manufacturing = sqlite3_column_int(st, 7);
    r->tier_rank = sqlite3_column_type(st, 8) == SQLITE_NULL ? -1 : sqlite3_column_int(st, 8);
    db_col_copy(st, 9, r->tier_name, sizeof r->tier_name);
    r->warn = sqlite3_column_int(st, 10);
}

#define ROW_COLS                                                                                   \
    "SELECT e.id, e.name, e.short_name, e.credit_code, e.township,"                                \
    " (SELECT name FROM industry_field WHERE id = e.field_id), e.above_scale, "                    \
    "e.manufacturing, " TOP_TIER("t.rank") ", " TOP_TIER("t.name") ", " WARN_BITS                  \
                                                                   " FROM enterprise e"

int
db_ent_list_page(struct db *db, const struct db_ent_filter *f, long offset, int limit,
                 struct db_ent_row **out, size_t *n, struct err *e)
{
    struct strbuf b = STRBUF_INIT;
    char *q[ENT_SEARCH_TERMS];
    size_t nq;
    sqlite3_stmt *st;
    struct db_ent_row *rows = NULL;
    int r = -1;

    *out = NULL;
    *n = 0;
    strbuf_puts(&b, ROW_COLS);
    list_where(&b, f, q, &nq);
    list_order(&b, f->sort, f->desc);
    strbuf_puts(&b, " LIMIT :limit OFFSET :offset");
    if ((st = list_prepare(db, &b, f, q, nq, e)) != NULL) {
        sqlite3_bind_int(st, sqlite3_bind_parameter_index(st, ":limit"), limit);
        sqlite3_bind_int64(st, sqlite3_bind_parameter_index(st, ":offset"),
                           offset < 0 ? 0 : offset);
        rows = xcalloc(limit > 0 ? (size_t)limit : 1, sizeof *rows);
        while ((int)*n < limit && (r = db_step_row(db, st, e)) > 0)
            list_read_row(st, &rows[(*n)++]);
        sqlite3_finalize(st);
    }
    list_free_terms(q, nq);
    strbuf_free(&b);
    *out = rows;
    return r < 0 ? ERR_DB : ERR_OK;
}

/* Frees the strings of one row. */
static void
list_row_free(struct db_ent_row *r)
{
    free(r->name);
    free(r->short_name);
    free(r->credit_code);
    free(r->township);
    free(r->field_name);
}

void
db_ent_rows_free(struct db_ent_row *r, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++)
        list_row_free(&r[i]);
    free(r);
}

/* Runs a count whose only parameters are the day's (and :tier). */
static long
list_count_sql(struct db *db, const char *sql, const struct db_ent_asof *a, const char *tier_id,
               struct err *e)
{
    sqlite3_stmt *st = db_stmt(db, sql, e);
    long n = -1;

    if (st == NULL)
        return -1;
    list_bind_asof(st, a);
    list_bind(st, ":tier", tier_id);
    if (db_step_row(db, st, e) > 0)
        n = (long)sqlite3_column_int64(st, 0);
    sqlite3_reset(st);
    return n;
}

/* The enterprises holding the tier (or, for HELD_ANY, any tier above the
 * lowest), each once, that are not archived. */
#define COUNT_LIVE(SET)                                                                            \
    "SELECT count(*) FROM (" SET ") h WHERE EXISTS (SELECT 1 FROM enterprise e"                    \
    " WHERE e.id = h.enterprise_id AND e.archived_at IS NULL)"

long
db_ent_tier_count(struct db *db, const struct db_ent_asof *a, const char *tier_id, struct err *e)
{
    static const char sql[] = COUNT_LIVE(
        "SELECT DISTINCT v.enterprise_id FROM tier_event v WHERE v.tier_id = :tier AND" HELD_WHERE);

    return list_count_sql(db, sql, a, tier_id, e);
}

long
db_ent_candidate_count(struct db *db, const struct db_ent_asof *a, struct err *e)
{
    static const char sql[] = COUNT_LIVE(
        "SELECT DISTINCT v.enterprise_id FROM tier_event v JOIN tier t ON t.id = v.tier_id"
        " WHERE t.rank > (SELECT min(rank) FROM tier) AND" HELD_WHERE);
    long live = db_ent_live_count(db, e), held;

    if (live < 0 || (held = list_count_sql(db, sql, a, NULL, e)) < 0)
        return -1;
    return live - held;
}

long
db_ent_live_count(struct db *db, struct err *e)
{
    /* Counting a whole table is a walk of page headers; the archived are few. */
    static const char sql[] = "SELECT (SELECT count(*) FROM enterprise)"
                              " - (SELECT count(*) FROM enterprise WHERE archived_at IS NOT NULL)";
    struct db_ent_asof a = {0};

    return list_count_sql(db, sql, &a, NULL, e);
}

int
db_ent_latest_year(struct db *db, int max_year, struct err *e)
{
    static const char sql[] = "SELECT max(year) FROM enterprise_year WHERE year <= ?1"
                              " AND archived_at IS NULL";
    sqlite3_stmt *st = db_stmt(db, sql, e);
    int y = 0;

    if (st == NULL)
        return 0;
    sqlite3_bind_int(st, 1, max_year);
    if (db_step_row(db, st, e) > 0)
        y = sqlite3_column_int(st, 0);
    sqlite3_reset(st);
    return y;
}

int
db_ent_warnings(struct db *db, const struct db_ent_asof *a,
                void (*fn)(void *arg, const char *id, int warn, const char *until), void *arg,
                struct err *e)
{
    static const char sql[] =
        "SELECT w.id, sum(w.bit), max(w.until) FROM ("
        " SELECT v.enterprise_id AS id, 1 AS bit, max(v.valid_to) AS until FROM tier_event v"
        " WHERE" EXPIRING_WHERE " GROUP BY v.enterprise_id"
        " UNION ALL SELECT DISTINCT v.enterprise_id, 2, NULL FROM tier_event v"
        " WHERE" UNREGISTERED_WHERE ") w"
        " JOIN enterprise e ON e.id = w.id AND e.archived_at IS NULL"
        " GROUP BY w.id ORDER BY e.name_key, e.rowid";
    sqlite3_stmt *st = db_stmt(db, sql, e);
    int r;

    if (st == NULL)
        return ERR_DB;
    list_bind_asof(st, a);
    while ((r = db_step_row(db, st, e)) > 0)
        fn(arg, (const char *)sqlite3_column_text(st, 0), sqlite3_column_int(st, 1),
           (const char *)sqlite3_column_text(st, 2));
    return r < 0 ? ERR_DB : ERR_OK;
}

int
db_ent_scale_makers(struct db *db, int year, int named,
                    void (*fn)(void *arg, const char *id, const char *name,
                               const struct db_ent_year *y),
                    void *arg, struct err *e)
{
#define SCALE_MAKERS(name, order)                                                                  \
    "SELECT e.id, " name ", y.id, y.staff, y.st_staff, y.sales, y.total_cost, y.total_assets,"     \
    " y.rd, y.rd_domestic, y.ht_revenue, y.ip1, y.ip2, y.rd_inst, y.inv_patents,"                  \
    " y.innovation_score, y.incident FROM enterprise e"                                            \
    " LEFT JOIN enterprise_year y ON y.enterprise_id = e.id AND y.year = ?1"                       \
    " AND y.archived_at IS NULL"                                                                   \
    " WHERE e.archived_at IS NULL AND e.above_scale = 1 AND e.manufacturing = 1" order
    static const char by_name[] = SCALE_MAKERS("e.name", " ORDER BY e.name_key, e.rowid");
    static const char ids_only[] = SCALE_MAKERS("NULL", "");
#undef SCALE_MAKERS
    const char *sql = named ? by_name : ids_only;
    sqlite3_stmt *st = db_stmt(db, sql, e);
    struct db_ent_year y;
    int r, i;

    if (st == NULL)
        return ERR_DB;
    sqlite3_bind_int(st, 1, year);
    while ((r = db_step_row(db, st, e)) > 0) {
        memset(&y, 0, sizeof y);
        y.year = year;
        db_col_copy(st, 2, y.id, sizeof y.id);
        for (i = 0; i < DB_FIG_COUNT; i++)
            y.v[i] = sqlite3_column_type(st, i + 3) == SQLITE_NULL
                         ? DB_ENT_UNKNOWN
                         : sqlite3_column_int64(st, i + 3);
        fn(arg, (const char *)sqlite3_column_text(st, 0), (const char *)sqlite3_column_text(st, 1),
           &y);
    }
    return r < 0 ? ERR_DB : ERR_OK;
}

int
db_ent_each(struct db *db, const struct db_ent_asof *a, const char *township, const char *field_id,
            int (*fn)(void *arg, const struct db_ent_row *row, int rank), void *arg, struct err *e)
{
    static const char sql[] =
        "SELECT e.id, e.name, e.short_name, e.credit_code, e.township,"
        " (SELECT name FROM industry_field WHERE id = e.field_id), e.above_scale, "
        "e.manufacturing, " TOP_TIER("t.rank") ", " TOP_TIER(
            "t.name") ", 0 FROM enterprise e"
                      " WHERE e.archived_at IS NULL AND (:township IS NULL OR e.township = "
                      ":township)"
                      " AND (:field IS NULL OR e.field_id = :field) ORDER BY e.name_key, e.rowid";
    sqlite3_stmt *st;
    struct db_ent_row row;
    int r = 0, rc = ERR_OK;

    /* Prepared here, not taken from the shared cache: fn runs other
     * statements while this one is stepping. */
    if (sqlite3_prepare_v2(db_handle(db), sql, -1, &st, NULL) != SQLITE_OK)
        return db_fail(db, e, "企业列表");
    list_bind_asof(st, a);
    list_bind(st, ":township", township);
    list_bind(st, ":field", field_id);
    while (rc == ERR_OK && (r = db_step_row(db, st, e)) > 0) {
        list_read_row(st, &row);
        rc = fn(arg, &row, row.tier_rank);
        list_row_free(&row);
    }
    sqlite3_finalize(st);
    return rc != ERR_OK ? rc : r < 0 ? ERR_DB : ERR_OK;
}

int
db_ent_townships(struct db *db, char ***out, size_t *n, struct err *e)
{
    static const char sql[] =
        "SELECT DISTINCT township FROM enterprise"
        " WHERE township IS NOT NULL AND archived_at IS NULL ORDER BY township";
    sqlite3_stmt *st = db_stmt(db, sql, e);
    char **v = NULL;
    int r;

    *out = NULL;
    *n = 0;
    if (st == NULL)
        return ERR_DB;
    while ((r = db_step_row(db, st, e)) > 0) {
        v = db_grow(v, *n, sizeof *v);
        v[(*n)++] = db_col_text(st, 0);
    }
    *out = v;
    return r < 0 ? ERR_DB : ERR_OK;
}
