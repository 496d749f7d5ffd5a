/*
 * enterprise.c — the enterprise rows, industry fields and yearly figures.
 * Tiers, the service log, subsidies and rule overrides are in ent_extra.c.
 */
#include "db/enterprise.h"

#include <stdlib.h>
#include <string.h>

#include "db/db_priv.h"
#include "src/xmalloc.h"

const char *const db_ent_fig_columns[DB_FIG_COUNT] = {
    "staff",
    "st_staff",
    "sales",
    "total_cost",
    "total_assets",
    "rd",
    "rd_domestic",
    "ht_revenue",
    "ip1",
    "ip2",
    "rd_inst",
    "inv_patents",
    "innovation_score",
    "incident",
};

#define ENT_COLS                                                                                   \
    "e.id, e.name, e.short_name, e.credit_code, e.credit_code_confirmed, e.township,"              \
    " e.field_id, f.name, e.address, e.contact, e.above_scale, e.manufacturing, e.notes,"          \
    " e.established, e.ht_domain, e.award_year, e.standard_year, e.archived_at, e.updated_at,"     \
    " e.updated_by FROM enterprise e LEFT JOIN industry_field f ON f.id = e.field_id"

static void
ent_read(sqlite3_stmt *st, struct db_enterprise *x)
{
    memset(x, 0, sizeof *x);
    db_col_copy(st, 0, x->id, sizeof x->id);
    x->name = db_col_text(st, 1);
    x->short_name = db_col_text(st, 2);
    x->credit_code = db_col_text(st, 3);
    x->credit_code_confirmed = sqlite3_column_int(st, 4);
    x->township = db_col_text(st, 5);
    db_col_copy(st, 6, x->field_id, sizeof x->field_id);
    x->field_name = db_col_text(st, 7);
    x->address = db_col_text(st, 8);
    x->contact = db_col_text(st, 9);
    x->above_scale = sqlite3_column_int(st, 10);
    x->manufacturing = sqlite3_column_int(st, 11);
    x->notes = db_col_text(st, 12);
    db_col_copy(st, 13, x->established, sizeof x->established);
    x->ht_domain = db_col_text(st, 14);
    x->award_year = sqlite3_column_int(st, 15);
    x->standard_year = sqlite3_column_int(st, 16);
    db_col_copy(st, 17, x->archived_at, sizeof x->archived_at);
    db_col_copy(st, 18, x->updated_at, sizeof x->updated_at);
    x->updated_by = db_col_text(st, 19);
}

int
db_ent_get(struct db *db, const char *id, struct db_enterprise *out, struct err *e)
{
    static const char sql[] = "SELECT " ENT_COLS " WHERE e.id = ?1";
    sqlite3_stmt *st = db_stmt(db, sql, e);
    int r;

    memset(out, 0, sizeof *out);
    if (st == NULL)
        return ERR_DB;
    sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
    if ((r = db_step_row(db, st, e)) <= 0)
        return r < 0 ? ERR_DB : err_set(e, ERR_NOTFOUND, "没有找到这家企业。");
    ent_read(st, out);
    sqlite3_reset(st);
    return ERR_OK;
}

/* Runs a one-text-parameter query for a key. */
static int
ent_find(struct db *db, const char *sql, const char *arg, char *id, struct err *e)
{
    sqlite3_stmt *st = db_stmt(db, sql, e);
    int r;

    id[0] = '\0';
    if (st == NULL)
        return -1;
    sqlite3_bind_text(st, 1, arg, -1, SQLITE_TRANSIENT);
    if ((r = db_step_row(db, st, e)) > 0) {
        db_col_copy(st, 0, id, DB_ID_LEN);
        sqlite3_reset(st);
    }
    return r;
}

int
db_ent_find_code(struct db *db, const char *code, char *id, struct err *e)
{
    static const char sql[] = "SELECT id FROM enterprise WHERE credit_code = ?1";

    return ent_find(db, sql, code, id, e);
}

int
db_ent_find_name(struct db *db, const char *name, char *id, struct err *e)
{
    /* A live one through the list's index on the sort key, else a deleted
     * one among the deleted (no index on the name itself: an import paid
     * for one at random pages, row by row, for this lookup alone). */
    static const char live[] = "SELECT id FROM enterprise WHERE name_key = tuwei_sortkey(?1)"
                               " AND name = ?1 AND archived_at IS NULL ORDER BY rowid LIMIT 1";
    static const char gone[] =
        "SELECT id FROM enterprise INDEXED BY enterprise_archived"
        " WHERE archived_at IS NOT NULL AND name = ?1 ORDER BY rowid LIMIT 1";
    int r = ent_find(db, live, name, id, e);

    return r != 0 ? r : ent_find(db, gone, name, id, e);
}

int
db_ent_sortkeys_fill(struct db *db, struct err *e)
{
    static const char sql[] = "UPDATE enterprise SET name_key = tuwei_sortkey(name)"
                              " WHERE name_key IS NOT tuwei_sortkey(name)";

    sqlite3_stmt *st = db_stmt(db, sql, e);

    return st ? db_exec_stmt(db, st, e) : ERR_DB;
}

int
db_ent_each_key(struct db *db,
                void (*fn)(void *arg, const char *id, const char *code, const char *name),
                void *arg, struct err *e)
{
    static const char sql[] = "SELECT id, credit_code, name FROM enterprise"
                              " ORDER BY archived_at IS NOT NULL, rowid";
    sqlite3_stmt *st = db_stmt(db, sql, e);
    int r;

    if (st == NULL)
        return ERR_DB;
    while ((r = db_step_row(db, st, e)) > 0)
        fn(arg, (const char *)sqlite3_column_text(st, 0), (const char *)sqlite3_column_text(st, 1),
           (const char *)sqlite3_column_text(st, 2));
    return r < 0 ? ERR_DB : ERR_OK;
}

void
db_ent_free(struct db_enterprise *x)
{
    if (x == NULL)
        return;
    free(x->name);
    free(x->short_name);
    free(x->credit_code);
    free(x->township);
    free(x->address);
    free(x->contact);
    free(x->notes);
    free(x->ht_domain);
    free(x->field_name);
    free(x->updated_by);
    memset(x, 0, sizeof *x);
}

/* Binds x's columns as ?2.. in the order of the insert and update statements. */
static void
ent_bind(sqlite3_stmt *st, const struct db_enterprise *x)
{
    db_bind_text(st, 2, x->name);
    db_bind_text(st, 3, x->short_name);
    db_bind_text(st, 4, x->credit_code);
    sqlite3_bind_int(st, 5, x->credit_code_confirmed);
    db_bind_text(st, 6, x->township);
    db_bind_text(st, 7, x->field_id);
    db_bind_text(st, 8, x->address);
    db_bind_text(st, 9, x->contact);
    sqlite3_bind_int(st, 10, x->above_scale);
    sqlite3_bind_int(st, 11, x->manufacturing);
    db_bind_text(st, 12, x->notes);
    db_bind_text(st, 13, x->established);
    db_bind_text(st, 14, x->ht_domain);
    if (x->award_year > 0)
        sqlite3_bind_int(st, 15, x->award_year);
    if (x->standard_year > 0)
        sqlite3_bind_int(st, 16, x->standard_year);
}

int
db_ent_insert(struct db *db, const struct db_enterprise *x, struct err *e)
{
    static const char sql[] =
        "INSERT INTO enterprise(id, name, short_name, credit_code, credit_code_confirmed, township,"
        " field_id, address, contact, above_scale, manufacturing, notes, established, ht_domain,"
        " award_year, standard_year, name_key, created_at, created_by, updated_at, updated_by)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,"
        " tuwei_sortkey(?2), ?17, ?18, ?17, ?18)";
    sqlite3_stmt *st = db_stmt(db, sql, e);

    if (st == NULL)
        return ERR_DB;
    sqlite3_bind_text(st, 1, x->id, -1, SQLITE_TRANSIENT);
    ent_bind(st, x);
    sqlite3_bind_text(st, 17, db_now(db), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 18, db_user(db), -1, SQLITE_TRANSIENT);
    return db_exec_stmt(db, st, e);
}

int
db_ent_update(struct db *db, const struct db_enterprise *x, struct err *e)
{
    static const char sql[] =
        "UPDATE enterprise SET name = ?2, name_key = tuwei_sortkey(?2), short_name = ?3,"
        " credit_code = ?4,"
        " credit_code_confirmed = ?5, township = ?6, field_id = ?7, address = ?8, contact = ?9,"
        " above_scale = ?10, manufacturing = ?11, notes = ?12, established = ?13,"
        " ht_domain = ?14, award_year = ?15, standard_year = ?16, updated_at = ?17,"
        " updated_by = ?18 WHERE id = ?1";
    sqlite3_stmt *st = db_stmt(db, sql, e);
    int rc;

    if (st == NULL)
        return ERR_DB;
    sqlite3_bind_text(st, 1, x->id, -1, SQLITE_TRANSIENT);
    ent_bind(st, x);
    sqlite3_bind_text(st, 17, db_now(db), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 18, db_user(db), -1, SQLITE_TRANSIENT);
    if ((rc = db_exec_stmt(db, st, e)) == ERR_OK && db_last_changes(db) == 0)
        rc = err_set(e, ERR_NOTFOUND, "没有找到这家企业。");
    return rc;
}

int
db_ent_archive(struct db *db, const char *id, int archived, struct err *e)
{
    static const char sql[] =
        "UPDATE enterprise SET archived_at = CASE WHEN ?2 THEN ?3 END, updated_at = ?3,"
        " updated_by = ?4 WHERE id = ?1 AND (archived_at IS NULL) = (?2 <> 0)";
    sqlite3_stmt *st = db_stmt(db, sql, e);

    if (st == NULL)
        return ERR_DB;
    sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(st, 2, archived);
    sqlite3_bind_text(st, 3, db_now(db), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 4, db_user(db), -1, SQLITE_TRANSIENT);
    return db_exec_stmt(db, st, e);
}

int
db_field_list(struct db *db, struct db_field **out, size_t *n, struct err *e)
{
    static const char sql[] = "SELECT id, name FROM industry_field WHERE archived_at IS NULL"
                              " ORDER BY sort, tuwei_sortkey(name)";
    sqlite3_stmt *st = db_stmt(db, sql, e);
    struct db_field *f = NULL;
    int r;

    *out = NULL;
    *n = 0;
    if (st == NULL)
        return ERR_DB;
    while ((r = db_step_row(db, st, e)) > 0) {
        f = db_grow(f, *n, sizeof *f);
        db_col_copy(st, 0, f[*n].id, sizeof f[*n].id);
        f[*n].name = db_col_text(st, 1);
        (*n)++;
    }
    *out = f;
    return r < 0 ? ERR_DB : ERR_OK;
}

void
db_field_list_free(struct db_field *f, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++)
        free(f[i].name);
    free(f);
}

#define YEAR_COLS                                                                                  \
    "id, year, staff, st_staff, sales, total_cost, total_assets, rd, rd_domestic, ht_revenue,"     \
    " ip1, ip2, rd_inst, inv_patents, innovation_score, incident"

static void
year_read(sqlite3_stmt *st, struct db_ent_year *y)
{
    int i;

    db_col_copy(st, 0, y->id, sizeof y->id);
    y->year = sqlite3_column_int(st, 1);
    for (i = 0; i < DB_FIG_COUNT; i++)
        y->v[i] = sqlite3_column_type(st, i + 2) == SQLITE_NULL ? DB_ENT_UNKNOWN
                                                                : sqlite3_column_int64(st, i + 2);
}

int
db_ent_years(struct db *db, const char *id, struct db_ent_year **out, size_t *n, struct err *e)
{
    static const char sql[] =
        "SELECT " YEAR_COLS " FROM enterprise_year"
        " WHERE enterprise_id = ?1 AND archived_at IS NULL ORDER BY year DESC";
    sqlite3_stmt *st = db_stmt(db, sql, e);
    struct db_ent_year *y = NULL;
    int r;

    *out = NULL;
    *n = 0;
    if (st == NULL)
        return ERR_DB;
    sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
    while ((r = db_step_row(db, st, e)) > 0) {
        y = db_grow(y, *n, sizeof *y);
        year_read(st, &y[(*n)++]);
    }
    *out = y;
    return r < 0 ? ERR_DB : ERR_OK;
}

/* The row of (enterprise, year), archived or not: 1 found, 0 not, -1 error. */
static int
year_fetch(struct db *db, const char *id, int year, struct db_ent_year *out, int *archived,
           struct err *e)
{
    static const char sql[] = "SELECT " YEAR_COLS ", archived_at IS NOT NULL FROM enterprise_year"
                              " WHERE enterprise_id = ?1 AND year = ?2";
    sqlite3_stmt *st = db_stmt(db, sql, e);
    int r, i;

    memset(out, 0, sizeof *out);
    out->year = year;
    for (i = 0; i < DB_FIG_COUNT; i++)
        out->v[i] = DB_ENT_UNKNOWN;
    if (st == NULL)
        return -1;
    sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(st, 2, year);
    if ((r = db_step_row(db, st, e)) > 0) {
        year_read(st, out);
        *archived = sqlite3_column_int(st, 2 + DB_FIG_COUNT);
        sqlite3_reset(st);
    }
    return r;
}

int
db_ent_year_get(struct db *db, const char *id, int year, struct db_ent_year *out, struct err *e)
{
    int archived = 0, r = year_fetch(db, id, year, out, &archived, e), i;

    if (r > 0 && archived) {
        for (i = 0; i < DB_FIG_COUNT; i++)
            out->v[i] = DB_ENT_UNKNOWN;
        return 0;
    }
    return r;
}

/* Binds the figures as ?3..?16. */
static void
year_bind(sqlite3_stmt *st, const struct db_ent_year *y)
{
    int i;

    for (i = 0; i < DB_FIG_COUNT; i++) {
        if (y->v[i] >= 0)
            sqlite3_bind_int64(st, i + 3, y->v[i]);
        else
            sqlite3_bind_null(st, i + 3);
    }
}

/* Binds a row of figures: ?1 enterprise, ?2 year, ?3..?16 figures, ?17 key. */
static void
year_bind_row(sqlite3_stmt *st, const char *enterprise_id, const struct db_ent_year *y)
{
    sqlite3_bind_text(st, 1, enterprise_id, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(st, 2, y->year);
    year_bind(st, y);
    sqlite3_bind_text(st, 17, y->id, -1, SQLITE_TRANSIENT);
}

int
db_ent_year_insert(struct db *db, const char *enterprise_id, const struct db_ent_year *y,
                   struct err *e)
{
    static const char sql[] =
        "INSERT INTO enterprise_year(id, enterprise_id, year, staff, st_staff, sales, total_cost,"
        " total_assets, rd, rd_domestic, ht_revenue, ip1, ip2, rd_inst, inv_patents,"
        " innovation_score, incident, created_at, created_by, updated_at, updated_by)"
        " VALUES (?17, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,"
        " ?18, ?19, ?18, ?19)";
    sqlite3_stmt *st = db_stmt(db, sql, e);

    if (st == NULL)
        return ERR_DB;
    year_bind_row(st, enterprise_id, y);
    sqlite3_bind_text(st, 18, db_now(db), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 19, db_user(db), -1, SQLITE_TRANSIENT);
    return db_exec_stmt(db, st, e);
}

static int
year_update(struct db *db, const char *enterprise_id, const struct db_ent_year *y, struct err *e)
{
    static const char sql[] =
        "UPDATE enterprise_year SET staff = ?3, st_staff = ?4, sales = ?5, total_cost = ?6,"
        " total_assets = ?7, rd = ?8, rd_domestic = ?9, ht_revenue = ?10, ip1 = ?11, ip2 = ?12,"
        " rd_inst = ?13, inv_patents = ?14, innovation_score = ?15, incident = ?16,"
        " archived_at = NULL, updated_at = ?17, updated_by = ?18"
        " WHERE enterprise_id = ?1 AND year = ?2";
    sqlite3_stmt *st = db_stmt(db, sql, e);

    if (st == NULL)
        return ERR_DB;
    sqlite3_bind_text(st, 1, enterprise_id, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(st, 2, y->year);
    year_bind(st, y);
    sqlite3_bind_text(st, 17, db_now(db), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 18, db_user(db), -1, SQLITE_TRANSIENT);
    return db_exec_stmt(db, st, e);
}

int
db_ent_year_put(struct db *db, const char *enterprise_id, const struct db_ent_year *y, int *changed,
                struct err *e)
{
    struct db_ent_year old;
    int archived = 0, r = year_fetch(db, enterprise_id, y->year, &old, &archived, e);

    *changed = 0;
    if (r < 0)
        return ERR_DB;
    if (r == 0) {
        *changed = 1;
        return db_ent_year_insert(db, enterprise_id, y, e);
    }
    if (!archived && memcmp(old.v, y->v, sizeof old.v) == 0)
        return ERR_OK;
    *changed = 1;
    return year_update(db, enterprise_id, y, e);
}

int
db_ent_year_archive(struct db *db, const char *enterprise_id, int year, struct err *e)
{
    static const char sql[] = "UPDATE enterprise_year SET archived_at = ?3, updated_at = ?3,"
                              " updated_by = ?4 WHERE enterprise_id = ?1 AND year = ?2"
                              " AND archived_at IS NULL";
    sqlite3_stmt *st = db_stmt(db, sql, e);
    int rc;

    if (st == NULL)
        return ERR_DB;
    sqlite3_bind_text(st, 1, enterprise_id, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(st, 2, year);
    sqlite3_bind_text(st, 3, db_now(db), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 4, db_user(db), -1, SQLITE_TRANSIENT);
    if ((rc = db_exec_stmt(db, st, e)) == ERR_OK && db_last_changes(db) == 0)
        rc = err_set(e, ERR_NOTFOUND, "没有 %d 年的数据。", year);
    return rc;
}
