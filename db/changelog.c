/*
 * changelog.c — the append-only record of who changed what.
 *
 * SQLite's pre-update hook hands us every row about to be inserted,
 * updated or deleted, whatever statement did it (triggers and cascades
 * included). The hook may not touch the database, so it copies the old
 * and new values; db_changelog_flush() turns them into change_log rows
 * (JSON objects of column → value) after each statement, inside the same
 * transaction, stamped with the acting user and the transaction's time.
 *
 * Bulk mode, for imports, is in changelog_bulk.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/db_priv.h"
#include "src/strbuf.h"
#include "src/xmalloc.h"

struct db_change {
    struct db_change *next;
    int op; /* SQLITE_INSERT, SQLITE_UPDATE or SQLITE_DELETE */
    char *table;
    sqlite3_int64 rowid;
    int ncol;
    sqlite3_value **oldv; /* NULL for an insert */
    sqlite3_value **newv; /* NULL for a delete */
};

/* Tables whose changes are not logged: the log itself, SQLite's and FTS's. */
static int
changelog_skip(const char *table)
{
    return strcmp(table, "change_log") == 0 || strncmp(table, "sqlite_", 7) == 0 ||
           strstr(table, "_fts") != NULL;
}

static void changelog_forget_columns(struct db *db);

static sqlite3_value **
changelog_copy(sqlite3 *h, int n, int (*get)(sqlite3 *, int, sqlite3_value **), int *failed)
{
    sqlite3_value **v = xcalloc((size_t)n, sizeof *v);
    sqlite3_value *x;
    int i;

    for (i = 0; i < n; i++) {
        if (get(h, i, &x) != SQLITE_OK || (v[i] = sqlite3_value_dup(x)) == NULL)
            *failed = 1;
    }
    return v;
}

static void
changelog_hook(void *ctx, sqlite3 *h, int op, const char *zdb, const char *table,
               sqlite3_int64 key1, sqlite3_int64 key2)
{
    struct db *db = ctx;
    struct db_change *c;

    (void)key2;
    if (strcmp(zdb, "main") != 0 || changelog_skip(table))
        return;
    if (!db->in_write)
        db->hook_error = 1; /* a write outside db_write(): refuse to commit it */
    if (op == SQLITE_INSERT && ((db->bulk_own[0] && strcmp(table, db->bulk_own[0]) == 0) ||
                                (db->bulk_own[1] && strcmp(table, db->bulk_own[1]) == 0)))
        return; /* logged by the caller (db_bulk_rows_write) */
    if (db->bulk) {
        db_log_bulk_note(db, op, table, key1);
        if (op == SQLITE_INSERT)
            return;
    }
    c = xcalloc(1, sizeof *c);
    c->op = op;
    c->table = xstrdup(table);
    c->rowid = key1;
    c->ncol = sqlite3_preupdate_count(h);
    if (op != SQLITE_INSERT)
        c->oldv = changelog_copy(h, c->ncol, sqlite3_preupdate_old, &db->hook_error);
    if (op != SQLITE_DELETE)
        c->newv = changelog_copy(h, c->ncol, sqlite3_preupdate_new, &db->hook_error);
    if (db->pending_tail)
        db->pending_tail->next = c;
    else
        db->pending = c;
    db->pending_tail = c;
}

void
db_changelog_attach(struct db *db)
{
    sqlite3_preupdate_hook(db->h, changelog_hook, db);
}

static void
changelog_free_values(sqlite3_value **v, int n)
{
    int i;

    if (v == NULL)
        return;
    for (i = 0; i < n; i++)
        sqlite3_value_free(v[i]);
    free(v);
}

static void
changelog_free(struct db_change *c)
{
    changelog_free_values(c->oldv, c->ncol);
    changelog_free_values(c->newv, c->ncol);
    free(c->table);
    free(c);
}

void
db_changelog_discard(struct db *db)
{
    struct db_change *c, *next;

    for (c = db->pending; c; c = next) {
        next = c->next;
        changelog_free(c);
    }
    db->pending = db->pending_tail = NULL;
    db->hook_error = 0;
    db->bulk = 0;
    db_log_bulk_forget(db);
    changelog_forget_columns(db);
}

/* 1 when a and b hold the same type and bytes. */
static int
changelog_same(sqlite3_value *a, sqlite3_value *b)
{
    int t = sqlite3_value_type(a);

    if (t != sqlite3_value_type(b))
        return 0;
    switch (t) {
    case SQLITE_NULL:
        return 1;
    case SQLITE_INTEGER:
        return sqlite3_value_int64(a) == sqlite3_value_int64(b);
    case SQLITE_FLOAT:
        return sqlite3_value_double(a) == sqlite3_value_double(b);
    default:
        return sqlite3_value_bytes(a) == sqlite3_value_bytes(b) &&
               memcmp(sqlite3_value_blob(a), sqlite3_value_blob(b),
                      (size_t)sqlite3_value_bytes(a)) == 0;
    }
}

void
db_log_json(struct strbuf *b, const struct db_bulk_val *v)
{
    size_t i;

    switch (v->type) {
    case SQLITE_INTEGER:
        strbuf_add_int(b, v->i);
        break;
    case SQLITE_FLOAT:
        strbuf_printf(b, "%.17g", v->d);
        break;
    case SQLITE_TEXT:
        strbuf_json_str(b, v->p, v->n);
        break;
    case SQLITE_BLOB:
        strbuf_puts(b, "\"x'");
        for (i = 0; i < v->n; i++) {
            strbuf_putc(b, "0123456789abcdef"[((const unsigned char *)v->p)[i] >> 4]);
            strbuf_putc(b, "0123456789abcdef"[((const unsigned char *)v->p)[i] & 15]);
        }
        strbuf_puts(b, "'\"");
        break;
    default:
        strbuf_add(b, "null", 4);
    }
}

void
db_log_val_of(sqlite3_value *v, struct db_bulk_val *out)
{
    memset(out, 0, sizeof *out);
    out->type = sqlite3_value_type(v);
    if (out->type == SQLITE_INTEGER) {
        out->i = sqlite3_value_int64(v);
    } else if (out->type == SQLITE_FLOAT) {
        out->d = sqlite3_value_double(v);
    } else if (out->type == SQLITE_TEXT) {
        out->p = sqlite3_value_text(v);
        out->n = (size_t)sqlite3_value_bytes(v);
    } else if (out->type == SQLITE_BLOB) {
        out->p = sqlite3_value_blob(v);
        out->n = (size_t)sqlite3_value_bytes(v);
    }
}

static void
changelog_json_value(struct strbuf *b, sqlite3_value *v)
{
    struct db_bulk_val x;

    db_log_val_of(v, &x);
    db_log_json(b, &x);
}

/* The column names of one table, kept for the connection: asking SQLite
 * (pragma_table_info) for every logged row costs a parse each time. */
struct db_colcache {
    struct db_colcache *next;
    char *table;
    int ncol;
    char **names;
};

/* Column names of table, in order (borrowed: kept until the connection
 * closes or a write is rolled back). */
static char **
changelog_columns(struct db *db, const char *table, int ncol)
{
    static const char sql[] = "SELECT name FROM pragma_table_info(?1) ORDER BY cid";
    struct db_colcache *c;
    sqlite3_stmt *st;
    int i = 0;

    for (c = db->colcache; c; c = c->next) {
        if (c->ncol == ncol && strcmp(c->table, table) == 0)
            return c->names;
    }
    c = xcalloc(1, sizeof *c);
    c->table = xstrdup(table);
    c->ncol = ncol;
    c->names = xcalloc((size_t)ncol, sizeof *c->names);
    c->next = db->colcache;
    db->colcache = c;
    if ((st = db_stmt(db, sql, NULL)) == NULL)
        return c->names;
    sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
    while (i < ncol && sqlite3_step(st) == SQLITE_ROW)
        c->names[i++] = db_col_text(st, 0);
    sqlite3_reset(st);
    return c->names;
}

/* Forgets the cached column names. */
static void
changelog_forget_columns(struct db *db)
{
    struct db_colcache *c, *next;
    int i;

    for (c = db->colcache; c; c = next) {
        next = c->next;
        for (i = 0; i < c->ncol; i++)
            free(c->names[i]);
        free(c->names);
        free(c->table);
        free(c);
    }
    db->colcache = NULL;
}

/* Columns the schema derives from others (enterprise.name_key, the pinyin
 * sort key of the name): not logged, they add nothing to who changed what. */
static int
changelog_derived(const char *col)
{
    return col && strcmp(col, "name_key") == 0;
}

int
db_log_derived(const char *column)
{
    return changelog_derived(column);
}

/* Appends {"col": value, ...}; for updates only the columns that changed. */
static void
changelog_json_row(struct strbuf *b, char **names, struct db_change *c, sqlite3_value **v,
                   int changed_only)
{
    int i, first = 1;

    strbuf_putc(b, '{');
    for (i = 0; i < c->ncol; i++) {
        if (changelog_derived(names[i]) || (changed_only && changelog_same(c->oldv[i], c->newv[i])))
            continue;
        if (!first)
            strbuf_putc(b, ',');
        first = 0;
        strbuf_json_str(b, names[i] ? names[i] : "?", strlen(names[i] ? names[i] : "?"));
        strbuf_putc(b, ':');
        changelog_json_value(b, v[i]);
    }
    strbuf_putc(b, '}');
}

/* The row's key: its "id" column when it has one, else its rowid. */
static void
changelog_key(struct strbuf *b, char **names, struct db_change *c)
{
    sqlite3_value **v = c->newv ? c->newv : c->oldv;
    int i;

    for (i = 0; i < c->ncol; i++) {
        if (names[i] && strcmp(names[i], "id") == 0 && sqlite3_value_type(v[i]) == SQLITE_TEXT) {
            strbuf_puts(b, (const char *)sqlite3_value_text(v[i]));
            return;
        }
    }
    strbuf_printf(b, "%lld", (long long)c->rowid);
}

/* 1 when an update changed a column that is logged (filling in a derived
 * column alone, as db_ent_sortkeys_fill does, is not a change anyone made). */
static int
changelog_changed(char **names, const struct db_change *c)
{
    int i;

    for (i = 0; i < c->ncol; i++) {
        if (!changelog_derived(names[i]) && !changelog_same(c->oldv[i], c->newv[i]))
            return 1;
    }
    return 0;
}

int
db_log_insert(struct db *db, const char *table, const char *key, const char *op, const char *old,
              const char *new_, struct err *e)
{
    static const char sql[] = "INSERT INTO change_log(at, user, tbl, row_key, op, old, new)"
                              " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)";
    sqlite3_stmt *st = db_stmt(db, sql, e);
    int rc = ERR_OK;

    if (st == NULL)
        return ERR_DB;
    sqlite3_bind_text(st, 1, db->now, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, db->user, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, table, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, key, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 5, op, -1, SQLITE_STATIC);
    if (old)
        sqlite3_bind_text(st, 6, old, -1, SQLITE_STATIC);
    if (new_)
        sqlite3_bind_text(st, 7, new_, -1, SQLITE_STATIC);
    if (sqlite3_step(st) != SQLITE_DONE)
        rc = db_fail(db, e, "写入修改记录");
    sqlite3_reset(st);
    return rc;
}

static int
changelog_write_one(struct db *db, struct db_change *c, struct err *e)
{
    static const char *const ops[] = {
        [SQLITE_INSERT] = "insert", [SQLITE_UPDATE] = "update", [SQLITE_DELETE] = "delete"};
    char **names = changelog_columns(db, c->table, c->ncol);
    struct strbuf key = STRBUF_INIT, o = STRBUF_INIT, n = STRBUF_INIT;
    int rc;

    if (c->op == SQLITE_UPDATE && !changelog_changed(names, c))
        return ERR_OK;
    changelog_key(&key, names, c);
    if (c->oldv)
        changelog_json_row(&o, names, c, c->oldv, c->op == SQLITE_UPDATE);
    if (c->newv)
        changelog_json_row(&n, names, c, c->newv, c->op == SQLITE_UPDATE);
    rc = db_log_insert(db, c->table, strbuf_str(&key), ops[c->op], c->oldv ? strbuf_str(&o) : NULL,
                       c->newv ? strbuf_str(&n) : NULL, e);
    strbuf_free(&key);
    strbuf_free(&o);
    strbuf_free(&n);
    return rc;
}

int
db_changelog_flush(struct db *db, struct err *e)
{
    struct db_change *c;
    int rc = ERR_OK;

    if (db->hook_error) {
        db_changelog_discard(db);
        return err_set(e, ERR_DB, "修改未能记入修改记录，已撤销。");
    }
    while ((c = db->pending) != NULL && rc == ERR_OK) {
        db->pending = c->next;
        if (db->pending == NULL)
            db->pending_tail = NULL;
        rc = changelog_write_one(db, c, e);
        changelog_free(c);
    }
    if (rc != ERR_OK)
        db_changelog_discard(db);
    return rc;
}
