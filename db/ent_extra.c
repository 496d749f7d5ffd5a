/*
 * ent_extra.c — what hangs off an enterprise: tier events (and the tier
 * rows they name), the service log, subsidies, and the rule overrides.
 */
#include <stdlib.h>
#include <string.h>

#include "db/db_priv.h"
#include "db/enterprise.h"
#include "src/xmalloc.h"

int
db_tier_list(struct db *db, struct db_tier **out, size_t *n, struct err *e)
{
    static const char sql[] = "SELECT id, code, name, rank, validity, validity_years,"
                              " number_pattern, target_code FROM tier ORDER BY rank, code";
    sqlite3_stmt *st = db_stmt(db, sql, e);
    struct db_tier *t = NULL, *x;
    int r;

    *out = NULL;
    *n = 0;
    if (st == NULL)
        return ERR_DB;
    while ((r = db_step_row(db, st, e)) > 0) {
        t = db_grow(t, *n, sizeof *t);
        x = &t[(*n)++];
        db_col_copy(st, 0, x->id, sizeof x->id);
        db_col_copy(st, 1, x->code, sizeof x->code);
        db_col_copy(st, 2, x->name, sizeof x->name);
        x->rank = sqlite3_column_int(st, 3);
        db_col_copy(st, 4, x->validity, sizeof x->validity);
        x->validity_years = sqlite3_column_int(st, 5);
        x->number_pattern = db_col_text(st, 6);
        db_col_copy(st, 7, x->target_code, sizeof x->target_code);
    }
    *out = t;
    return r < 0 ? ERR_DB : ERR_OK;
}

void
db_tier_list_free(struct db_tier *t, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++)
        free(t[i].number_pattern);
    free(t);
}

int
db_tier_events(struct db *db, const char *enterprise_id, struct db_tier_event **out, size_t *n,
               struct err *e)
{
    static const char sql[] =
        "SELECT id, enterprise_id, tier_id, kind, event_date, valid_from, valid_to, evidence_no,"
        " note, created_by FROM tier_event WHERE enterprise_id = ?1 AND archived_at IS NULL"
        " ORDER BY event_date, created_at, rowid";
    sqlite3_stmt *st = db_stmt(db, sql, e);
    struct db_tier_event *v = NULL, *x;
    int r;

    *out = NULL;
    *n = 0;
    if (st == NULL)
        return ERR_DB;
    sqlite3_bind_text(st, 1, enterprise_id, -1, SQLITE_TRANSIENT);
    while ((r = db_step_row(db, st, e)) > 0) {
        v = db_grow(v, *n, sizeof *v);
        x = &v[(*n)++];
        db_col_copy(st, 0, x->id, sizeof x->id);
        db_col_copy(st, 1, x->enterprise_id, sizeof x->enterprise_id);
        db_col_copy(st, 2, x->tier_id, sizeof x->tier_id);
        db_col_copy(st, 3, x->kind, sizeof x->kind);
        db_col_copy(st, 4, x->event_date, sizeof x->event_date);
        db_col_copy(st, 5, x->valid_from, sizeof x->valid_from);
        db_col_copy(st, 6, x->valid_to, sizeof x->valid_to);
        x->evidence_no = db_col_text(st, 7);
        x->note = db_col_text(st, 8);
        x->created_by = db_col_text(st, 9);
    }
    *out = v;
    return r < 0 ? ERR_DB : ERR_OK;
}

void
db_tier_events_free(struct db_tier_event *ev, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++) {
        free(ev[i].evidence_no);
        free(ev[i].note);
        free(ev[i].created_by);
    }
    free(ev);
}

int
db_tier_event_insert(struct db *db, const struct db_tier_event *ev, struct err *e)
{
    static const char sql[] =
        "INSERT INTO tier_event(id, enterprise_id, tier_id, kind, event_date, evidence_no,"
        " valid_from, valid_to, note, created_at, created_by, updated_at, updated_by)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?10, ?11)";
    sqlite3_stmt *st = db_stmt(db, sql, e);

    if (st == NULL)
        return ERR_DB;
    sqlite3_bind_text(st, 1, ev->id, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, ev->enterprise_id, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 3, ev->tier_id, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 4, ev->kind, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 5, ev->event_date, -1, SQLITE_TRANSIENT);
    db_bind_text(st, 6, ev->evidence_no);
    db_bind_text(st, 7, ev->valid_from);
    db_bind_text(st, 8, ev->valid_to);
    db_bind_text(st, 9, ev->note);
    sqlite3_bind_text(st, 10, db_now(db), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 11, db_user(db), -1, SQLITE_TRANSIENT);
    return db_exec_stmt(db, st, e);
}

/* Runs an archiving UPDATE whose ?1 is the key, ?2 the time, ?3 the user. */
static int
extra_archive(struct db *db, const char *sql, const char *id, struct err *e)
{
    sqlite3_stmt *st = db_stmt(db, sql, e);
    int rc;

    if (st == NULL)
        return ERR_DB;
    sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, db_now(db), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 3, db_user(db), -1, SQLITE_TRANSIENT);
    if ((rc = db_exec_stmt(db, st, e)) == ERR_OK && db_last_changes(db) == 0)
        rc = err_set(e, ERR_NOTFOUND, "没有找到这条记录（或已删除）。");
    return rc;
}

int
db_tier_event_archive(struct db *db, const char *id, struct err *e)
{
    static const char sql[] = "UPDATE tier_event SET archived_at = ?2, updated_at = ?2,"
                              " updated_by = ?3 WHERE id = ?1 AND archived_at IS NULL";

    return extra_archive(db, sql, id, e);
}

int
db_ent_record_archive(struct db *db, const char *which, const char *id, struct err *e)
{
    static const char service_sql[] = "UPDATE enterprise_service SET archived_at = ?2,"
                                      " updated_at = ?2, updated_by = ?3"
                                      " WHERE id = ?1 AND archived_at IS NULL";
    static const char subsidy_sql[] = "UPDATE enterprise_subsidy SET archived_at = ?2,"
                                      " updated_at = ?2, updated_by = ?3"
                                      " WHERE id = ?1 AND archived_at IS NULL";

    return extra_archive(db, strcmp(which, "service") == 0 ? service_sql : subsidy_sql, id, e);
}

int
db_ent_services(struct db *db, const char *enterprise_id, struct db_ent_service **out, size_t *n,
                struct err *e)
{
    static const char sql[] =
        "SELECT id, enterprise_id, service_date, follow_up, unit, person, asked, done"
        " FROM enterprise_service WHERE enterprise_id = ?1 AND archived_at IS NULL"
        " ORDER BY service_date DESC, rowid DESC";
    sqlite3_stmt *st = db_stmt(db, sql, e);
    struct db_ent_service *v = NULL, *x;
    int r;

    *out = NULL;
    *n = 0;
    if (st == NULL)
        return ERR_DB;
    sqlite3_bind_text(st, 1, enterprise_id, -1, SQLITE_TRANSIENT);
    while ((r = db_step_row(db, st, e)) > 0) {
        v = db_grow(v, *n, sizeof *v);
        x = &v[(*n)++];
        db_col_copy(st, 0, x->id, sizeof x->id);
        db_col_copy(st, 1, x->enterprise_id, sizeof x->enterprise_id);
        db_col_copy(st, 2, x->service_date, sizeof x->service_date);
        db_col_copy(st, 3, x->follow_up, sizeof x->follow_up);
        x->unit = db_col_text(st, 4);
        x->person = db_col_text(st, 5);
        x->asked = db_col_text(st, 6);
        x->done = db_col_text(st, 7);
    }
    *out = v;
    return r < 0 ? ERR_DB : ERR_OK;
}

void
db_ent_services_free(struct db_ent_service *s, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++) {
        free(s[i].unit);
        free(s[i].person);
        free(s[i].asked);
        free(s[i].done);
    }
    free(s);
}

int
db_ent_service_insert(struct db *db, const struct db_ent_service *s, struct err *e)
{
    static const char sql[] =
        "INSERT INTO enterprise_service(id, enterprise_id, service_date, unit, person, asked,"
        " done, follow_up, created_at, created_by, updated_at, updated_by)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?9, ?10)";
    sqlite3_stmt *st = db_stmt(db, sql, e);

    if (st == NULL)
        return ERR_DB;
    sqlite3_bind_text(st, 1, s->id, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, s->enterprise_id, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 3, s->service_date, -1, SQLITE_TRANSIENT);
    db_bind_text(st, 4, s->unit);
    db_bind_text(st, 5, s->person);
    db_bind_text(st, 6, s->asked);
    db_bind_text(st, 7, s->done);
    db_bind_text(st, 8, s->follow_up);
    sqlite3_bind_text(st, 9, db_now(db), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 10, db_user(db), -1, SQLITE_TRANSIENT);
    return db_exec_stmt(db, st, e);
}

int
db_ent_subsidies(struct db *db, const char *enterprise_id, struct db_ent_subsidy **out, size_t *n,
                 struct err *e)
{
    static const char sql[] = "SELECT id, enterprise_id, paid_date, kind, note, amount"
                              " FROM enterprise_subsidy WHERE enterprise_id = ?1"
                              " AND archived_at IS NULL ORDER BY paid_date DESC, rowid DESC";
    sqlite3_stmt *st = db_stmt(db, sql, e);
    struct db_ent_subsidy *v = NULL, *x;
    int r;

    *out = NULL;
    *n = 0;
    if (st == NULL)
        return ERR_DB;
    sqlite3_bind_text(st, 1, enterprise_id, -1, SQLITE_TRANSIENT);
    while ((r = db_step_row(db, st, e)) > 0) {
        v = db_grow(v, *n, sizeof *v);
        x = &v[(*n)++];
        db_col_copy(st, 0, x->id, sizeof x->id);
        db_col_copy(st, 1, x->enterprise_id, sizeof x->enterprise_id);
        db_col_copy(st, 2, x->paid_date, sizeof x->paid_date);
        x->kind = db_col_text(st, 3);
        x->note = db_col_text(st, 4);
        x->amount = sqlite3_column_int64(st, 5);
    }
    *out = v;
    return r < 0 ? ERR_DB : ERR_OK;
}

void
db_ent_subsidies_free(struct db_ent_subsidy *s, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++) {
        free(s[i].kind);
        free(s[i].note);
    }
    free(s);
}

int
db_ent_subsidy_insert(struct db *db, const struct db_ent_subsidy *s, struct err *e)
{
    static const char sql[] =
        "INSERT INTO enterprise_subsidy(id, enterprise_id, paid_date, kind, amount, note,"
        " created_at, created_by, updated_at, updated_by)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?7, ?8)";
    sqlite3_stmt *st = db_stmt(db, sql, e);

    if (st == NULL)
        return ERR_DB;
    sqlite3_bind_text(st, 1, s->id, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, s->enterprise_id, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 3, s->paid_date, -1, SQLITE_TRANSIENT);
    db_bind_text(st, 4, s->kind);
    sqlite3_bind_int64(st, 5, s->amount);
    db_bind_text(st, 6, s->note);
    sqlite3_bind_text(st, 7, db_now(db), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 8, db_user(db), -1, SQLITE_TRANSIENT);
    return db_exec_stmt(db, st, e);
}

int
db_ent_rules(struct db *db, void (*fn)(void *arg, const char *key, const char *value), void *arg,
             struct err *e)
{
    static const char sql[] = "SELECT key, value FROM ent_rule ORDER BY key";
    sqlite3_stmt *st = db_stmt(db, sql, e);
    int r;

    if (st == NULL)
        return ERR_DB;
    while ((r = db_step_row(db, st, e)) > 0)
        fn(arg, (const char *)sqlite3_column_text(st, 0), (const char *)sqlite3_column_text(st, 1));
    return r < 0 ? ERR_DB : ERR_OK;
}

int
db_ent_rule_put(struct db *db, const char *id, const char *key, const char *value, struct err *e)
{
    static const char put_sql[] =
        "INSERT INTO ent_rule(id, key, value, created_at, created_by, updated_at, updated_by)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?4, ?5) ON CONFLICT(key) DO UPDATE SET value = "
        "excluded.value,"
        " updated_at = excluded.updated_at, updated_by = excluded.updated_by"
        " WHERE value <> excluded.value";
    static const char del_sql[] = "DELETE FROM ent_rule WHERE key = ?2";
    sqlite3_stmt *st = db_stmt(db, value ? put_sql : del_sql, e);

    if (st == NULL)
        return ERR_DB;
    if (value) {
        sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 3, value, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 4, db_now(db), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 5, db_user(db), -1, SQLITE_TRANSIENT);
    }
    sqlite3_bind_text(st, 2, key, -1, SQLITE_TRANSIENT);
    return db_exec_stmt(db, st, e);
}
