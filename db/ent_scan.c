/*
 * ent_scan.c — the funnel's passes over whole tables, done once each: every
 * live tier event grouped by enterprise, and the enterprises with R&D in
 * two consecutive years merged in key order. Archived enterprises (few,
 * from a partial index) are set aside first.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "db/db_priv.h"
#include "db/ent_list.h"
#include "src/xmalloc.h"

/* The keys of the archived enterprises, sorted. */
struct scan_set {
    char (*id)[DB_ID_LEN];
    size_t n;
};

static int
scan_cmp(const void *a, const void *b)
{
    return strcmp(a, b);
}

static int
scan_archived(struct db *db, struct scan_set *s, struct err *e)
{
    static const char sql[] = "SELECT id FROM enterprise WHERE archived_at IS NOT NULL ORDER BY id";
    sqlite3_stmt *st = db_stmt(db, sql, e);
    int r;

    s->id = NULL;
    s->n = 0;
    if (st == NULL)
        return ERR_DB;
    while ((r = db_step_row(db, st, e)) > 0) {
        s->id = db_grow(s->id, s->n, sizeof *s->id);
        db_col_copy(st, 0, s->id[s->n++], DB_ID_LEN);
    }
    return r < 0 ? ERR_DB : ERR_OK;
}

static int
scan_archived_has(const struct scan_set *s, const char *id)
{
    return s->n && bsearch(id, s->id, s->n, sizeof *s->id, scan_cmp) != NULL;
}

/* Reads the current row of the events scan into v. */
static void
scan_event(sqlite3_stmt *st, struct db_tier_event *v)
{
    db_col_copy(st, 0, v->enterprise_id, sizeof v->enterprise_id);
    db_col_copy(st, 1, v->tier_id, sizeof v->tier_id);
    db_col_copy(st, 2, v->kind, sizeof v->kind);
    db_col_copy(st, 3, v->event_date, sizeof v->event_date);
    db_col_copy(st, 4, v->valid_from, sizeof v->valid_from);
    db_col_copy(st, 5, v->valid_to, sizeof v->valid_to);
}

int
db_ent_events_each(struct db *db, int (*fn)(void *arg, const struct db_tier_event *ev, size_t n),
                   void *arg, struct err *e)
{
    static const char sql[] =
        "SELECT enterprise_id, tier_id, kind, event_date, valid_from, valid_to"
        " FROM tier_event INDEXED BY tier_event_scan WHERE archived_at IS NULL"
        " ORDER BY enterprise_id, tier_id, kind, event_date";
    struct scan_set arch;
    struct db_tier_event *ev = NULL;
    size_t n = 0, cap = 0;
    sqlite3_stmt *st;
    int r = 0, rc;

    if ((rc = scan_archived(db, &arch, e)) != ERR_OK || (st = db_stmt(db, sql, e)) == NULL) {
        free(arch.id);
        return rc != ERR_OK ? rc : ERR_DB;
    }
    while (rc == ERR_OK && (r = db_step_row(db, st, e)) > 0) {
        if (n == cap) {
            cap = cap ? cap * 2 : 16;
            ev = xrealloc(ev, cap * sizeof *ev);
        }
        memset(&ev[n], 0, sizeof ev[n]);
        scan_event(st, &ev[n]);
        if (n > 0 && strcmp(ev[n].enterprise_id, ev[0].enterprise_id) != 0) {
            if (!scan_archived_has(&arch, ev[0].enterprise_id))
                rc = fn(arg, ev, n);
            ev[0] = ev[n];
            n = 0;
        }
        n++;
    }
    if (rc == ERR_OK && r == 0 && n > 0 && !scan_archived_has(&arch, ev[0].enterprise_id))
        rc = fn(arg, ev, n);
    if (rc == ERR_OK && r < 0)
        rc = ERR_DB;
    sqlite3_reset(st);
    free(ev);
    free(arch.id);
    return rc;
}

/* Steps one of the two year streams: its key (valid until the next step)
 * or NULL at the end; *r gets -1 on error. */
static const char *
scan_next(struct db *db, sqlite3_stmt *st, int *r, struct err *e)
{
    *r = db_step_row(db, st, e);
    return *r > 0 ? (const char *)sqlite3_column_text(st, 0) : NULL;
}

long
db_ent_new_rd_count(struct db *db, int year, struct err *e)
{
    static const char this_sql[] =
        "SELECT enterprise_id FROM enterprise_year INDEXED BY enterprise_year_rd"
        " WHERE year = ?1 AND archived_at IS NULL AND rd > 0 ORDER BY enterprise_id";
    static const char prev_sql[] =
        "SELECT enterprise_id FROM enterprise_year INDEXED BY enterprise_year_rd"
        " WHERE year = ?1 - 1 AND archived_at IS NULL AND rd > 0 ORDER BY enterprise_id";
    sqlite3_stmt *a, *b;
    struct scan_set arch;
    const char *ida, *idb;
    int ra, rb, c;
    long n = 0;

    if (scan_archived(db, &arch, e) != ERR_OK || (a = db_stmt(db, this_sql, e)) == NULL ||
        (b = db_stmt(db, prev_sql, e)) == NULL) {
        free(arch.id);
        return -1;
    }
    sqlite3_bind_int(a, 1, year);
    sqlite3_bind_int(b, 1, year);
    ida = scan_next(db, a, &ra, e);
    idb = scan_next(db, b, &rb, e);
    while (ida && rb >= 0) {
        c = idb ? strcmp(ida, idb) : -1;
        if (c < 0)
            n += !scan_archived_has(&arch, ida);
        if (c <= 0)
            ida = scan_next(db, a, &ra, e);
        if (c >= 0 && idb)
            idb = scan_next(db, b, &rb, e);
    }
    sqlite3_reset(a);
    sqlite3_reset(b);
    free(arch.id);
    return ra < 0 || rb < 0 ? -1 : n;
}

/* A growing array of T, for the pass below. */
#define SCAN_PUSH(arr, n, cap)                                                                     \
    do {                                                                                           \
        if ((n) == (cap)) {                                                                        \
            (cap) = (cap) ? (cap)*2 : 8;                                                           \
            (arr) = xrealloc((arr), (cap) * sizeof *(arr));                                        \
        }                                                                                          \
    } while (0)

struct scan_whole {
    sqlite3_stmt *ent, *fig, *ev;
    int rf, rv; /* last step of fig and ev: 1 row, 0 done, -1 error */
    struct db_ent_year *years;
    size_t nyears, cyears;
    struct db_tier_event *events;
    size_t nevents, cevents;
};

static void
scan_year(sqlite3_stmt *st, struct db_ent_year *y)
{
    int i;

    memset(y, 0, sizeof *y);
    db_col_copy(st, 1, y->id, sizeof y->id);
    y->year = sqlite3_column_int(st, 2);
    for (i = 0; i < DB_FIG_COUNT; i++)
        y->v[i] = sqlite3_column_type(st, i + 3) == SQLITE_NULL ? DB_ENT_UNKNOWN
                                                                : sqlite3_column_int64(st, i + 3);
}

/* Collects the rows of st whose first column is id; rows before it are skipped. */
static void
scan_collect(struct db *db, struct scan_whole *w, int figures, const char *id, struct err *e)
{
    sqlite3_stmt *st = figures ? w->fig : w->ev;
    int *r = figures ? &w->rf : &w->rv, c;

    while (*r > 0 && (c = strcmp((const char *)sqlite3_column_text(st, 0), id)) <= 0) {
        if (c == 0 && figures) {
            SCAN_PUSH(w->years, w->nyears, w->cyears);
            scan_year(st, &w->years[w->nyears++]);
        } else if (c == 0) {
            SCAN_PUSH(w->events, w->nevents, w->cevents);
            memset(&w->events[w->nevents], 0, sizeof w->events[0]);
            scan_event(st, &w->events[w->nevents++]);
        }
        *r = db_step_row(db, st, e);
    }
}

int
db_ent_whole_each(struct db *db, const char *township, const char *field_id, int max_year,
                  int (*fn)(void *arg, const struct db_ent_whole *w), void *arg, struct err *e)
{
    static const char ent_sql[] =
        "SELECT id, name, established, ht_domain, award_year, standard_year FROM enterprise"
        " WHERE archived_at IS NULL AND (?1 IS NULL OR township = ?1)"
        " AND (?2 IS NULL OR field_id = ?2) ORDER BY id";
    static const char fig_sql[] =
        "SELECT enterprise_id, id, year, staff, st_staff, sales, total_cost, total_assets, rd,"
        " rd_domestic, ht_revenue, ip1, ip2, rd_inst, inv_patents, innovation_score, incident"
        " FROM enterprise_year WHERE archived_at IS NULL AND year <= ?1"
        " ORDER BY enterprise_id, year";
    static const char ev_sql[] =
        "SELECT enterprise_id, tier_id, kind, event_date, valid_from, valid_to"
        " FROM tier_event INDEXED BY tier_event_scan WHERE archived_at IS NULL"
        " ORDER BY enterprise_id, tier_id, kind, event_date";
    struct scan_whole w;
    struct db_enterprise x;
    struct db_ent_whole one;
    int r = 0, rc = ERR_OK;

    memset(&w, 0, sizeof w);
    if ((w.ent = db_stmt(db, ent_sql, e)) == NULL || (w.fig = db_stmt(db, fig_sql, e)) == NULL ||
        (w.ev = db_stmt(db, ev_sql, e)) == NULL)
        return ERR_DB;
    db_bind_text(w.ent, 1, township);
    db_bind_text(w.ent, 2, field_id);
    sqlite3_bind_int(w.fig, 1, max_year);
    w.rf = db_step_row(db, w.fig, e);
    w.rv = db_step_row(db, w.ev, e);
    while (rc == ERR_OK && w.rf >= 0 && w.rv >= 0 && (r = db_step_row(db, w.ent, e)) > 0) {
        memset(&x, 0, sizeof x);
        db_col_copy(w.ent, 0, x.id, sizeof x.id);
        x.name = (char *)(uintptr_t)sqlite3_column_text(w.ent, 1);
        db_col_copy(w.ent, 2, x.established, sizeof x.established);
        x.ht_domain = (char *)(uintptr_t)sqlite3_column_text(w.ent, 3);
        x.award_year = sqlite3_column_int(w.ent, 4);
        x.standard_year = sqlite3_column_int(w.ent, 5);
        w.nyears = w.nevents = 0;
        scan_collect(db, &w, 1, x.id, e);
        scan_collect(db, &w, 0, x.id, e);
        one.ent = &x;
        one.years = w.years;
        one.nyears = w.nyears;
        one.events = w.events;
        one.nevents = w.nevents;
        rc = fn(arg, &one);
    }
    sqlite3_reset(w.ent);
    sqlite3_reset(w.fig);
    sqlite3_reset(w.ev);
    free(w.years);
    free(w.events);
    if (rc == ERR_OK && (r < 0 || w.rf < 0 || w.rv < 0))
        rc = ERR_DB;
    return rc;
}
