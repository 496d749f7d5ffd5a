/*
 * ent_bulk.c — many new enterprises and years of figures in one statement
 * per table (the import's write).
 *
 * The rows are read straight from the caller's memory through two
 * eponymous virtual tables, tuwei_bulk_ent(batch) and
 * tuwei_bulk_year(batch), whose hidden argument is a pointer bound with
 * sqlite3_bind_pointer: INSERT INTO enterprise SELECT ... FROM
 * tuwei_bulk_ent(?). Copying them first into temporary tables, a bound
 * statement per row, cost about 9,500 instructions a row, a tenth of the
 * write of a 100,000-row import, before reading them back.
 *
 * The search indexes are filled for all the new enterprises at once, not
 * row by row: the insert trigger is dropped for the statement and made
 * again from its own text, all inside the caller's transaction (a
 * rollback brings it back as it was). Dropping the tables' indexes and
 * building them afresh afterwards was measured: no cheaper, even for
 * 100,000 rows into an empty register.
 */
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "db/db_priv.h"
#include "db/enterprise.h"
#include "src/xmalloc.h"

#define BULK_POINTER "tuwei_ent_bulk"

enum { BULK_ENT, BULK_YEAR };

/* The columns of each table, in the order xColumn gives them; the hidden
 * argument comes after. */
#define BULK_ENT_COLS                                                                              \
    "id, name, short_name, credit_code, credit_code_confirmed, township, field_id, address,"       \
    " contact, above_scale, manufacturing, notes, established, ht_domain, award_year,"             \
    " standard_year"
#define BULK_ENT_NCOL 17 /* and name_key */

#define BULK_YEAR_COLS                                                                             \
    "id, enterprise_id, year, staff, st_staff, sales, total_cost, total_assets, rd,"               \
    " rd_domestic, ht_revenue, ip1, ip2, rd_inst, inv_patents, innovation_score, incident"
#define BULK_YEAR_NCOL (3 + DB_FIG_COUNT)

struct bulk_vtab {
    sqlite3_vtab base;
    struct db *db;
    int kind;
};

struct bulk_cursor {
    sqlite3_vtab_cursor base;
    const struct db_ent_bulk *b;
    size_t i;
};

/* One module under two names; argv[0] is the name it was called by. */
static int
bulk_connect(sqlite3 *h, void *aux, int argc, const char *const *argv, sqlite3_vtab **out,
             char **err)
{
    static const char *const decl[] = {
        [BULK_ENT] = "CREATE TABLE x(" BULK_ENT_COLS ", name_key, batch HIDDEN)",
        [BULK_YEAR] = "CREATE TABLE x(" BULK_YEAR_COLS ", batch HIDDEN)",
    };
    int kind = argc > 0 && strcmp(argv[0], "tuwei_bulk_year") == 0 ? BULK_YEAR : BULK_ENT;
    struct bulk_vtab *v;
    int rc = sqlite3_declare_vtab(h, decl[kind]);

    (void)err;
    if (rc != SQLITE_OK)
        return rc;
    v = xcalloc(1, sizeof *v);
    v->db = aux;
    v->kind = kind;
    *out = &v->base;
    return SQLITE_OK;
}

static int
bulk_disconnect(sqlite3_vtab *v)
{
    free(v);
    return SQLITE_OK;
}

/* Only a scan given its batch (batch = ?) is a plan. */
static int
bulk_best_index(sqlite3_vtab *vt, sqlite3_index_info *ix)
{
    struct bulk_vtab *v = (struct bulk_vtab *)vt;
    int i, hidden = v->kind == BULK_ENT ? BULK_ENT_NCOL : BULK_YEAR_NCOL;

    for (i = 0; i < ix->nConstraint; i++) {
        if (ix->aConstraint[i].iColumn == hidden &&
            ix->aConstraint[i].op == SQLITE_INDEX_CONSTRAINT_EQ && ix->aConstraint[i].usable) {
            ix->aConstraintUsage[i].argvIndex = 1;
            ix->aConstraintUsage[i].omit = 1;
            ix->idxNum = 1;
            ix->estimatedCost = 10;
            return SQLITE_OK;
        }
    }
    return SQLITE_CONSTRAINT;
}

static int
bulk_open(sqlite3_vtab *v, sqlite3_vtab_cursor **out)
{
    struct bulk_cursor *c = xcalloc(1, sizeof *c);

    (void)v;
    *out = &c->base;
    return SQLITE_OK;
}

static int
bulk_close(sqlite3_vtab_cursor *c)
{
    free(c);
    return SQLITE_OK;
}

static int
bulk_filter(sqlite3_vtab_cursor *cur, int idx, const char *idxstr, int argc, sqlite3_value **argv)
{
    struct bulk_cursor *c = (struct bulk_cursor *)cur;

    (void)idxstr;
    c->b = idx == 1 && argc == 1 ? sqlite3_value_pointer(argv[0], BULK_POINTER) : NULL;
    c->i = 0;
    return SQLITE_OK;
}

static size_t
bulk_rows(const struct bulk_cursor *c)
{
    const struct bulk_vtab *v = (const struct bulk_vtab *)c->base.pVtab;

    if (c->b == NULL)
        return 0;
    return v->kind == BULK_ENT ? c->b->nents : c->b->nyears;
}

static int
bulk_next(sqlite3_vtab_cursor *cur)
{
    ((struct bulk_cursor *)cur)->i++;
    return SQLITE_OK;
}

static int
bulk_eof(sqlite3_vtab_cursor *cur)
{
    struct bulk_cursor *c = (struct bulk_cursor *)cur;

    return c->i >= bulk_rows(c);
}

static int
bulk_rowid(sqlite3_vtab_cursor *cur, sqlite3_int64 *rowid)
{
    *rowid = (sqlite3_int64)((struct bulk_cursor *)cur)->i + 1;
    return SQLITE_OK;
}

/* Text as the row's statements bind it (db_bind_text): NULL when empty.
 * The caller's memory outlives the statement. */
static void
bulk_text(struct db_bulk_val *v, const char *s)
{
    memset(v, 0, sizeof *v);
    v->type = s == NULL || *s == '\0' ? SQLITE_NULL : SQLITE_TEXT;
    v->p = s;
    v->n = s ? strlen(s) : 0;
}

static void
bulk_int_or_null(struct db_bulk_val *v, long long i, long long least)
{
    memset(v, 0, sizeof *v);
    v->type = i >= least ? SQLITE_INTEGER : SQLITE_NULL;
    v->i = i;
}

static void
bulk_int(struct db_bulk_val *v, long long i)
{
    memset(v, 0, sizeof *v);
    v->type = SQLITE_INTEGER;
    v->i = i;
}

/* Column col (0 to 15, not name_key) of an enterprise. */
static void
bulk_ent_val(const struct db_enterprise *x, int col, struct db_bulk_val *v)
{
    const char *const text[] = {x->id,       x->name,     x->short_name,  x->credit_code, NULL,
                                x->township, x->field_id, x->address,     x->contact,     NULL,
                                NULL,        x->notes,    x->established, x->ht_domain};

    switch (col) {
    case 4:
        bulk_int(v, x->credit_code_confirmed);
        break;
    case 9:
        bulk_int(v, x->above_scale);
        break;
    case 10:
        bulk_int(v, x->manufacturing);
        break;
    case 14:
        bulk_int_or_null(v, x->award_year, 1);
        break;
    case 15:
        bulk_int_or_null(v, x->standard_year, 1);
        break;
    default:
        bulk_text(v, col >= 0 && col < 14 ? text[col] : NULL);
    }
}

/* Column col of the i-th year of figures. */
static void
bulk_year_val(const struct db_ent_bulk *b, size_t i, int col, struct db_bulk_val *v)
{
    const struct db_ent_year *y = b->years[i];

    if (col == 0)
        bulk_text(v, y->id);
    else if (col == 1)
        bulk_text(v, b->year_eids[i]);
    else if (col == 2)
        bulk_int(v, y->year);
    else if (col < BULK_YEAR_NCOL)
        bulk_int_or_null(v, y->v[col - 3], 0);
    else
        bulk_text(v, NULL);
}

static int
bulk_column(sqlite3_vtab_cursor *cur, sqlite3_context *ctx, int col)
{
    struct bulk_cursor *c = (struct bulk_cursor *)cur;
    const struct bulk_vtab *vt = (const struct bulk_vtab *)cur->pVtab;
    const struct db_enterprise *x;
    struct db_bulk_val v;
    size_t len;
    char *key;

    if (vt->kind == BULK_ENT && col == BULK_ENT_NCOL - 1) { /* name_key: tuwei_sortkey(name) */
        x = c->b->ents[c->i];
        if (c->b->name_keys && c->b->name_keys[c->i]) {
            sqlite3_result_blob(ctx, c->b->name_keys[c->i], (int)c->b->name_key_lens[c->i],
                                SQLITE_STATIC);
        } else if (x->name == NULL) {
            sqlite3_result_null(ctx);
        } else {
            key = db_sortkey(vt->db, x->name, &len);
            sqlite3_result_blob(ctx, key, (int)len, free);
        }
        return SQLITE_OK;
    }
    if (vt->kind == BULK_ENT)
        bulk_ent_val(c->b->ents[c->i], col, &v);
    else
        bulk_year_val(c->b, c->i, col, &v);
    if (v.type == SQLITE_INTEGER)
        sqlite3_result_int64(ctx, v.i);
    else if (v.type == SQLITE_TEXT)
        sqlite3_result_text(ctx, v.p, (int)v.n, SQLITE_STATIC);
    else
        sqlite3_result_null(ctx);
    return SQLITE_OK;
}

static const sqlite3_module bulk_module = {
    .xConnect = bulk_connect,
    .xBestIndex = bulk_best_index,
    .xDisconnect = bulk_disconnect,
    .xOpen = bulk_open,
    .xClose = bulk_close,
    .xFilter = bulk_filter,
    .xNext = bulk_next,
    .xEof = bulk_eof,
    .xColumn = bulk_column,
    .xRowid = bulk_rowid,
};

/* Runs sql with its parameters: ?1 now, ?2 user and ?3 the batch when it
 * has three; ?1 the batch and ?2 base when it has one or two. */
static int
bulk_exec(struct db *db, const char *sql, const struct db_ent_bulk *b, sqlite3_int64 base,
          struct err *e)
{
    sqlite3_stmt *st = db_stmt(db, sql, e);
    int n;

    if (st == NULL)
        return ERR_DB;
    if ((n = sqlite3_bind_parameter_count(st)) >= 3) {
        sqlite3_bind_text(st, 1, db_now(db), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 2, db_user(db), -1, SQLITE_TRANSIENT);
        sqlite3_bind_pointer(st, 3, (void *)(uintptr_t)b, BULK_POINTER, NULL);
    } else if (n >= 1) {
        sqlite3_bind_pointer(st, 1, (void *)(uintptr_t)b, BULK_POINTER, NULL);
        if (n == 2)
            sqlite3_bind_int64(st, 2, base);
    }
    return db_exec_stmt(db, st, e);
}

/* FTS5 merges segments after a write in proportion to what it wrote:
 * after one import's segment of thousands of pages it copied about as
 * many into a merged one and kept both until the merge would complete
 * (the index twice its size, its time nearly doubled). Merging is off
 * (on 0) for the two statements that fill them and back on (1, FTS5's
 * default of 4) after; later writes merge a little at a time as ever. */
static int
bulk_fts_merge(struct db *db, int on, struct err *e)
{
    static const char *const sql[2][2] = {
        {"INSERT INTO enterprise_fts(enterprise_fts, rank) VALUES ('automerge', 0)",
         "INSERT INTO enterprise_uni_fts(enterprise_uni_fts, rank) VALUES ('automerge', 0)"},
        {"INSERT INTO enterprise_fts(enterprise_fts, rank) VALUES ('automerge', 4)",
         "INSERT INTO enterprise_uni_fts(enterprise_uni_fts, rank) VALUES ('automerge', 4)"},
    };
    int rc = bulk_exec(db, sql[on][0], NULL, 0, e);

    return rc != ERR_OK ? rc : bulk_exec(db, sql[on][1], NULL, 0, e);
}

/* The enterprises, their search keys, and their entries in both search
 * indexes. enterprise_fts_key.k is an INTEGER PRIMARY KEY, so one
 * statement's new keys follow the largest before it in the batch's order:
 * the i-th enterprise's key is base + i, found without a lookup a row. */
static int
bulk_ents(struct db *db, const struct db_ent_bulk *b, struct err *e)
{
    static const char ent_sql[] =
        "INSERT INTO enterprise (" BULK_ENT_COLS ", name_key, created_at, created_by, updated_at,"
        " updated_by) SELECT " BULK_ENT_COLS ", name_key, ?1, ?2, ?1, ?2"
        " FROM tuwei_bulk_ent(?3)";
    static const char last_key[] = "SELECT coalesce(max(k), 0) FROM enterprise_fts_key";
    static const char key_sql[] =
        "INSERT INTO enterprise_fts_key(eid) SELECT id FROM tuwei_bulk_ent(?1)";
    static const char fts_sql[] = "INSERT INTO enterprise_fts(rowid, name, short_name, credit_code)"
                                  " SELECT ?2 + s.rowid, s.name, s.short_name, s.credit_code"
                                  " FROM tuwei_bulk_ent(?1) s";
    static const char uni_sql[] = "INSERT INTO enterprise_uni_fts(rowid, name)"
                                  " SELECT ?2 + s.rowid, tuwei_spaced(s.name)"
                                  " FROM tuwei_bulk_ent(?1) s";
    sqlite3_int64 base;
    char *trigger;
    int rc;

    if ((trigger = db_trigger_take(db, "enterprise_fts_ai", e)) == NULL)
        return ERR_DB;
    if ((rc = bulk_exec(db, ent_sql, b, 0, e)) != ERR_OK)
        goto fail;
    base = db_pragma_int(db, last_key);
    if ((rc = bulk_exec(db, key_sql, b, 0, e)) != ERR_OK)
        goto fail;
    if (base < 0 || db_pragma_int(db, last_key) != base + (sqlite3_int64)b->nents) {
        rc = err_set(e, ERR_DB, "数据库错误：搜索索引的键不连续，请运行 tuwei check。");
        goto fail;
    }
    if ((rc = bulk_fts_merge(db, 0, e)) != ERR_OK ||
        (rc = bulk_exec(db, fts_sql, b, base, e)) != ERR_OK ||
        (rc = bulk_exec(db, uni_sql, b, base, e)) != ERR_OK ||
        (rc = bulk_fts_merge(db, 1, e)) != ERR_OK)
        goto fail;
    return db_trigger_put(db, trigger, e);
fail:
    free(trigger);
    return rc;
}

/* The rows packed in the order they are inserted: structures side by side
 * and their strings in a few large blocks. The caller's rows are wherever
 * its reading put them, and the five scans of the batch (the insert, the
 * search keys, two indexes, the figures) otherwise waited on memory at
 * every row (5.5% of an import's samples, 1% once packed). */
struct bulk_pack {
    struct db_enterprise *ents;
    struct db_ent_year *years;
    const struct db_enterprise **entp;
    const struct db_ent_year **yearp;
    const char **eids;
    char **block; /* the string blocks */
    size_t nblock, used, room;
};

#define BULK_BLOCK (1u << 20)

/* A copy of s in p's blocks (NULL for NULL). */
static char *
bulk_str(struct bulk_pack *p, const char *s)
{
    size_t n;
    char *d;

    if (s == NULL)
        return NULL;
    n = strlen(s) + 1;
    if (p->nblock == 0 || p->used + n > p->room) {
        p->room = n > BULK_BLOCK ? n : BULK_BLOCK;
        p->block = xrealloc(p->block, (p->nblock + 1) * sizeof *p->block);
        p->block[p->nblock++] = xmalloc(p->room);
        p->used = 0;
    }
    d = p->block[p->nblock - 1] + p->used;
    memcpy(d, s, n);
    p->used += n;
    return d;
}

static void
bulk_pack(const struct db_ent_bulk *b, struct bulk_pack *p, struct db_ent_bulk *out)
{
    struct db_enterprise *x;
    size_t i;

    memset(p, 0, sizeof *p);
    p->ents = xcalloc(b->nents + 1, sizeof *p->ents);
    p->entp = xcalloc(b->nents + 1, sizeof *p->entp);
    for (i = 0; i < b->nents; i++) {
        x = &p->ents[i];
        *x = *b->ents[i];
        x->name = bulk_str(p, x->name);
        x->short_name = bulk_str(p, x->short_name);
        x->credit_code = bulk_str(p, x->credit_code);
        x->township = bulk_str(p, x->township);
        x->address = bulk_str(p, x->address);
        x->contact = bulk_str(p, x->contact);
        x->notes = bulk_str(p, x->notes);
        x->ht_domain = bulk_str(p, x->ht_domain);
        x->field_name = x->updated_by = NULL; /* not written */
        p->entp[i] = x;
    }
    p->years = xcalloc(b->nyears + 1, sizeof *p->years);
    p->yearp = xcalloc(b->nyears + 1, sizeof *p->yearp);
    p->eids = xcalloc(b->nyears + 1, sizeof *p->eids);
    for (i = 0; i < b->nyears; i++) {
        p->years[i] = *b->years[i];
        p->yearp[i] = &p->years[i];
        p->eids[i] = bulk_str(p, b->year_eids[i]);
    }
    out->ents = p->entp;
    out->name_keys = b->name_keys;
    out->name_key_lens = b->name_key_lens;
    out->nents = b->nents;
    out->years = p->yearp;
    out->year_eids = p->eids;
    out->nyears = b->nyears;
}

static void
bulk_unpack(struct bulk_pack *p)
{
    size_t i;

    for (i = 0; i < p->nblock; i++)
        free(p->block[i]);
    free(p->block);
    free(p->ents);
    free(p->entp);
    free(p->years);
    free(p->yearp);
    free(p->eids);
}

/* ---- the log, built beside the insert ----
 *
 * Reading 100,000 rows back after inserting them, to log them, was a
 * tenth of an import's write. The log's entries are built instead from
 * the same values the virtual tables give SQLite (bulk_ent_val,
 * bulk_year_val), on a second thread while SQLite inserts, and written
 * when the inserts are done: the same entries db_log_bulk_end would make.
 * A column the statement does not give must have no default (it is then
 * NULL); for a table with any other column the rows are read back as
 * before. */

enum { SRC_NULL = -1, SRC_NOW = -2, SRC_USER = -3 };

struct bulk_log {
    const char *table;
    int kind, nlog, idlog;
    int *src;     /* per logged column: a virtual-table column, or SRC_* */
    char **names; /* the logged columns */
    struct db_bulk_rows *rows;
};

struct bulk_logs {
    struct bulk_log t[2]; /* enterprise, enterprise_year; table NULL when read back */
    const struct db_ent_bulk *b;
    const char *now, *user;
};

/* Where the statement's value for column name comes from: its place in
 * cols (the virtual table's, as BULK_*_COLS list them), a stamp, or
 * NULL for a column without a default; -9 when it cannot tell. */
static int
bulk_log_src(const char *cols, const char *name, int has_default)
{
    size_t n = strlen(name);
    const char *p = cols;
    int i;

    for (i = 0; p && *p; i++) {
        while (*p == ' ')
            p++;
        if (strncmp(p, name, n) == 0 && (p[n] == ',' || p[n] == '\0'))
            return i;
        p = strchr(p, ',');
        p = p ? p + 1 : NULL;
    }
    /* the stamps both statements add: ?1 (now) and ?2 (the user) */
    if (strcmp(name, "created_at") == 0 || strcmp(name, "updated_at") == 0)
        return SRC_NOW;
    if (strcmp(name, "created_by") == 0 || strcmp(name, "updated_by") == 0)
        return SRC_USER;
    return has_default ? -9 : SRC_NULL;
}

static void
bulk_log_free(struct bulk_log *L)
{
    int j;

    for (j = 0; j < L->nlog; j++)
        free(L->names[j]);
    free(L->names);
    free(L->src);
    db_bulk_rows_free(L->rows);
}

/* Maps table's logged columns to their sources; 0, or -1 to read back. */
static int
bulk_log_plan(struct db *db, struct bulk_log *L, const char *table, int kind, const char *cols)
{
    static const char sql[] = "SELECT name, dflt_value IS NOT NULL FROM pragma_table_info(?1)"
                              " ORDER BY cid";
    sqlite3_stmt *st = db_stmt(db, sql, NULL);
    const char *name;
    int src, ok = st != NULL;

    memset(L, 0, sizeof *L);
    L->idlog = -1;
    if (st == NULL)
        return -1;
    sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
    while (ok && sqlite3_step(st) == SQLITE_ROW) {
        name = (const char *)sqlite3_column_text(st, 0);
        if (name == NULL || db_log_derived(name))
            continue;
        if ((src = bulk_log_src(cols, name, sqlite3_column_int(st, 1))) == -9) {
            ok = 0;
            break;
        }
        L->src = xrealloc(L->src, (size_t)(L->nlog + 1) * sizeof *L->src);
        L->names = xrealloc(L->names, (size_t)(L->nlog + 1) * sizeof *L->names);
        if (strcmp(name, "id") == 0)
            L->idlog = L->nlog;
        L->src[L->nlog] = src;
        L->names[L->nlog++] = xstrdup(name);
    }
    sqlite3_reset(st);
    if (!ok || L->nlog == 0 || L->idlog < 0) {
        bulk_log_free(L);
        memset(L, 0, sizeof *L);
        return -1;
    }
    L->table = table;
    L->kind = kind;
    L->rows = db_bulk_rows_new(L->nlog, L->idlog);
    return 0;
}

/* The worker: every row's logged values, in insert order. Touches no
 * connection. */
static void *
bulk_log_build(void *arg)
{
    struct bulk_logs *ls = arg;
    struct db_bulk_val v;
    struct bulk_log *L;
    size_t i, n;
    int t, j;

    for (t = 0; t < 2; t++) {
        L = &ls->t[t];
        if (L->table == NULL)
            continue;
        n = L->kind == BULK_ENT ? ls->b->nents : ls->b->nyears;
        for (i = 0; i < n; i++) {
            for (j = 0; j < L->nlog; j++) {
                if (L->src[j] == SRC_NOW)
                    bulk_text(&v, ls->now);
                else if (L->src[j] == SRC_USER)
                    bulk_text(&v, ls->user);
                else if (L->src[j] == SRC_NULL)
                    bulk_text(&v, NULL);
                else if (L->kind == BULK_ENT)
                    bulk_ent_val(ls->b->ents[i], L->src[j], &v);
                else
                    bulk_year_val(ls->b, i, L->src[j], &v);
                db_bulk_rows_add(L->rows, j, &v);
            }
            db_bulk_rows_next(L->rows);
        }
    }
    return NULL;
}

int
db_ent_bulk_insert(struct db *db, const struct db_ent_bulk *b, struct err *e)
{
    static const char year_sql[] =
        "INSERT INTO enterprise_year (" BULK_YEAR_COLS ", created_at, created_by, updated_at,"
        " updated_by) SELECT " BULK_YEAR_COLS ", ?1, ?2, ?1, ?2 FROM tuwei_bulk_year(?3)";
    struct bulk_pack p;
    struct db_ent_bulk packed;
    struct bulk_logs logs;
    pthread_t worker;
    int rc = ERR_OK, threaded, t;

    if (!db->bulk_modules) {
        if (sqlite3_create_module_v2(db->h, "tuwei_bulk_ent", &bulk_module, db, NULL) !=
                SQLITE_OK ||
            sqlite3_create_module_v2(db->h, "tuwei_bulk_year", &bulk_module, db, NULL) != SQLITE_OK)
            return db_fail(db, e, "准备批量写入");
        db->bulk_modules = 1;
    }
    if (b->nents + b->nyears >= 1000)
        db_hold_dirty(db, 512LL << 20);
    bulk_pack(b, &p, &packed);
    memset(&logs, 0, sizeof logs);
    logs.b = &packed;
    logs.now = db_now(db);
    logs.user = db_user(db);
    if (packed.nents > 0 &&
        bulk_log_plan(db, &logs.t[0], "enterprise", BULK_ENT, BULK_ENT_COLS) == 0)
        db->bulk_own[0] = logs.t[0].table;
    if (packed.nyears > 0 &&
        bulk_log_plan(db, &logs.t[1], "enterprise_year", BULK_YEAR, BULK_YEAR_COLS) == 0)
        db->bulk_own[1] = logs.t[1].table;
    threaded = pthread_create(&worker, NULL, bulk_log_build, &logs) == 0;
    if (!threaded)
        bulk_log_build(&logs);
    if (packed.nents > 0)
        rc = bulk_ents(db, &packed, e);
    if (rc == ERR_OK && packed.nyears > 0)
        rc = bulk_exec(db, year_sql, &packed, 0, e);
    if (threaded)
        pthread_join(worker, NULL);
    db->bulk_own[0] = db->bulk_own[1] = NULL;
    for (t = 0; t < 2; t++) {
        if (rc == ERR_OK && logs.t[t].table)
            rc = db_bulk_rows_write(db, logs.t[t].table, (const char *const *)logs.t[t].names,
                                    logs.t[t].rows, e);
        bulk_log_free(&logs.t[t]);
    }
    bulk_unpack(&p);
    return rc;
}
