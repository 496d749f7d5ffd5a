/*
 * ent_scan.c — the funnel's passes over whole tables, done once each: every
 * live tier event grouped by enterprise, and the enterprises with R&D in
 * two consecutive years merged in key order. Archived enterprises (few,
 * from a partial index) are set aside first.
 */
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
        s->id = xrealloc(s->id, (s->n + 1) * sizeof *s->id);
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
