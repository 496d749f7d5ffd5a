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
 * In bulk mode (db_log_bulk_begin, for imports) an insert costs the hook
 * only its rowid; when the run ends, each stretch of consecutive new rows
 * of a table becomes one entry read back from the table.
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

/* The rows of one table inserted in bulk mode. */
struct db_bulk {
    struct db_bulk *next;
    char *table;
    sqlite3_int64 *rowid;
    size_t n, cap;
    int sorted; /* rowid[] ascending */
};

static struct db_bulk *
changelog_bulk_table(struct db *db, const char *table, int create)
{
    struct db_bulk *b;

    for (b = db->bulk_rows; b; b = b->next) {
        if (strcmp(b->table, table) == 0)
            return b;
    }
    if (!create)
        return NULL;
    b = xcalloc(1, sizeof *b);
    b->table = xstrdup(table);
    b->sorted = 1;
    b->next = db->bulk_rows;
    db->bulk_rows = b;
    return b;
}

static int
changelog_rowid_cmp(const void *a, const void *b)
{
    sqlite3_int64 x = *(const sqlite3_int64 *)a, y = *(const sqlite3_int64 *)b;

    return x < y ? -1 : x > y;
}

static void
changelog_bulk_sort(struct db_bulk *b)
{
    if (!b->sorted)
        qsort(b->rowid, b->n, sizeof *b->rowid, changelog_rowid_cmp);
    b->sorted = 1;
}

/* Notes a bulk insert; refuses a change to a row inserted in this run. */
static void
changelog_bulk_note(struct db *db, int op, const char *table, sqlite3_int64 rowid)
{
    struct db_bulk *b = changelog_bulk_table(db, table, op == SQLITE_INSERT);

    if (op != SQLITE_INSERT) {
        if (b && b->n) {
            changelog_bulk_sort(b);
            if (bsearch(&rowid, b->rowid, b->n, sizeof rowid, changelog_rowid_cmp))
                db->hook_error = 1;
        }
        return;
    }
    if (b->n == b->cap) {
        b->cap = b->cap ? 2 * b->cap : 256;
        b->rowid = xrealloc(b->rowid, b->cap * sizeof *b->rowid);
    }
    if (b->n && rowid <= b->rowid[b->n - 1])
        b->sorted = 0;
    b->rowid[b->n++] = rowid;
}

static void
changelog_bulk_free(struct db *db)
{
    struct db_bulk *b, *next;

    for (b = db->bulk_rows; b; b = next) {
        next = b->next;
        free(b->table);
        free(b->rowid);
        free(b);
    }
    db->bulk_rows = NULL;
}

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
        changelog_bulk_note(db, op, table, key1);
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
    changelog_bulk_free(db);
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

/* Appends v as a JSON value (a blob as "x'hex'"). */
static void
bulk_json(struct strbuf *b, const struct db_bulk_val *v)
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

/* The value v as a db_bulk_val (borrowing its bytes). */
static void
bulk_val_of(sqlite3_value *v, struct db_bulk_val *out)
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

    bulk_val_of(v, &x);
    bulk_json(b, &x);
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

static const char changelog_insert_sql[] =
    "INSERT INTO change_log(at, user, tbl, row_key, op, old, new) VALUES(?1,?2,?3,?4,?5,?6,?7)";

static int
changelog_write_one(struct db *db, struct db_change *c, struct err *e)
{
    static const char *const ops[] = {
        [SQLITE_INSERT] = "insert", [SQLITE_UPDATE] = "update", [SQLITE_DELETE] = "delete"};
    char **names = changelog_columns(db, c->table, c->ncol);
    struct strbuf key = STRBUF_INIT, o = STRBUF_INIT, n = STRBUF_INIT;
    sqlite3_stmt *st;
    int rc = ERR_DB;

    if (c->op == SQLITE_UPDATE && !changelog_changed(names, c))
        return ERR_OK;
    changelog_key(&key, names, c);
    if (c->oldv)
        changelog_json_row(&o, names, c, c->oldv, c->op == SQLITE_UPDATE);
    if (c->newv)
        changelog_json_row(&n, names, c, c->newv, c->op == SQLITE_UPDATE);
    if ((st = db_stmt(db, changelog_insert_sql, e)) == NULL)
        goto out;
    sqlite3_bind_text(st, 1, db->now, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, db->user, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, c->table, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, strbuf_str(&key), -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 5, ops[c->op], -1, SQLITE_STATIC);
    if (c->oldv)
        sqlite3_bind_text(st, 6, strbuf_str(&o), -1, SQLITE_STATIC);
    if (c->newv)
        sqlite3_bind_text(st, 7, strbuf_str(&n), -1, SQLITE_STATIC);
    if (sqlite3_step(st) != SQLITE_DONE)
        rc = db_fail(db, e, "写入修改记录");
    else
        rc = ERR_OK;
    sqlite3_reset(st);
out:
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

/* ---- bulk mode ---- */

void
db_log_bulk_begin(struct db *db)
{
    if (db->in_write)
        db->bulk = 1;
}

/* The values of one bulk entry's rows as JSON: every logged column's
 * value of every row side by side in text, end[] the end of each (row r,
 * logged column j at r * nlog + j). A column is varying once a row's
 * value differs from the first row's in type or text. */
struct bulk_vals {
    struct strbuf text;
    size_t *end, cap;
    int *type0; /* the first row's value types */
    int *varying;
    int nlog, idlog; /* idlog: the logged column "id", or -1 */
    long count;
    char first[128], last[128]; /* the first and last rows' ids */
};

static void
bulk_vals_init(struct bulk_vals *bv, int nlog, int idlog)
{
    memset(bv, 0, sizeof *bv);
    bv->nlog = nlog;
    bv->idlog = idlog;
    bv->type0 = xcalloc((size_t)nlog + 1, sizeof *bv->type0);
    bv->varying = xcalloc((size_t)nlog + 1, sizeof *bv->varying);
}

static void
bulk_vals_free(struct bulk_vals *bv)
{
    strbuf_free(&bv->text);
    free(bv->end);
    free(bv->type0);
    free(bv->varying);
}

/* Adds the value of the current row's logged column j. */
static void
bulk_vals_add(struct bulk_vals *bv, const struct db_bulk_val *v, int j)
{
    size_t k = (size_t)bv->count * (size_t)bv->nlog + (size_t)j, start, first0, first1, n;

    if (k == bv->cap) {
        bv->cap = bv->cap ? 2 * bv->cap : 1024;
        bv->end = xrealloc(bv->end, bv->cap * sizeof *bv->end);
    }
    start = bv->text.len;
    bulk_json(&bv->text, v);
    bv->end[k] = bv->text.len;
    if (j == bv->idlog && v->type == SQLITE_TEXT) {
        n = v->n < sizeof bv->last ? v->n : sizeof bv->last - 1;
        memcpy(bv->last, v->p, n);
        bv->last[n] = '\0';
        if (bv->count == 0)
            memcpy(bv->first, bv->last, n + 1);
    }
    if (bv->count == 0) {
        bv->type0[j] = v->type;
        return;
    }
    if (bv->varying[j])
        return;
    first0 = j ? bv->end[j - 1] : 0;
    first1 = bv->end[j];
    if (v->type != bv->type0[j] || first1 - first0 != bv->end[k] - start ||
        memcmp(bv->text.s + first0, bv->text.s + start, first1 - first0) != 0)
        bv->varying[j] = 1;
}

/* The text of row r's logged column j. */
static void
bulk_vals_put(struct strbuf *out, const struct bulk_vals *bv, long r, int j)
{
    size_t k = (size_t)r * (size_t)bv->nlog + (size_t)j;
    size_t start = k ? bv->end[k - 1] : 0;

    strbuf_add(out, bv->text.s + start, bv->end[k] - start);
}

/* Writes one entry for the rows of bv (rowids lo..hi of table, names its
 * logged columns): {"bulk":n,"same":{col:value,...},"columns":[...],
 * "rows":[[...],...]}, the values every row shares written once under
 * "same"; row_key "first..last" by id, else by rowid. */
static int
changelog_bulk_put(struct db *db, const char *table, const char *const *names, struct bulk_vals *bv,
                   sqlite3_int64 lo, sqlite3_int64 hi, struct err *e)
{
    struct strbuf key = STRBUF_INIT, n = STRBUF_INIT;
    sqlite3_stmt *st;
    int j, first, rc = ERR_OK;
    long row;

    if (bv->count == 0)
        return ERR_OK;
    for (j = 0; j < bv->nlog; j++)            /* one row: every value goes in its row; */
        if (bv->count == 1 || j == bv->idlog) /* each row's key stays in its row */
            bv->varying[j] = 1;
    strbuf_printf(&n, "{\"bulk\":%ld,", bv->count);
    for (j = 0, first = 1; j < bv->nlog; j++) {
        if (bv->varying[j])
            continue;
        strbuf_puts(&n, first ? "\"same\":{" : ",");
        first = 0;
        strbuf_json_str(&n, names[j], strlen(names[j]));
        strbuf_putc(&n, ':');
        bulk_vals_put(&n, bv, 0, j);
    }
    if (!first)
        strbuf_puts(&n, "},");
    strbuf_puts(&n, "\"columns\":[");
    for (j = 0, first = 1; j < bv->nlog; j++) {
        if (!bv->varying[j])
            continue;
        if (!first)
            strbuf_putc(&n, ',');
        first = 0;
        strbuf_json_str(&n, names[j], strlen(names[j]));
    }
    strbuf_puts(&n, "],\"rows\":[");
    for (row = 0; row < bv->count; row++) {
        strbuf_puts(&n, row ? ",[" : "[");
        for (j = 0, first = 1; j < bv->nlog; j++) {
            if (!bv->varying[j])
                continue;
            if (!first)
                strbuf_putc(&n, ',');
            first = 0;
            bulk_vals_put(&n, bv, row, j);
        }
        strbuf_putc(&n, ']');
    }
    strbuf_puts(&n, "]}");
    if (bv->idlog < 0 || !bv->last[0])
        strbuf_printf(&key, "%lld..%lld", (long long)lo, (long long)hi);
    else
        strbuf_printf(&key, "%s..%s", bv->first, bv->last);
    if ((st = db_stmt(db, changelog_insert_sql, e)) == NULL) {
        rc = ERR_DB;
        goto out;
    }
    sqlite3_bind_text(st, 1, db->now, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, db->user, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, table, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, strbuf_str(&key), -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 5, "insert", -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 7, strbuf_str(&n), (int)n.len, SQLITE_STATIC);
    if (sqlite3_step(st) != SQLITE_DONE)
        rc = db_fail(db, e, "写入修改记录");
    sqlite3_reset(st);
out:
    strbuf_free(&key);
    strbuf_free(&n);
    return rc;
}

/* Writes one entry for the rows of st (bound to rowids lo..hi of a
 * table), read back in one pass (a second reading only to find the
 * shared values cost a third of the log's time for a 100,000-row
 * import). */
static int
changelog_bulk_entry(struct db *db, const char *table, sqlite3_stmt *rows, sqlite3_int64 lo,
                     sqlite3_int64 hi, struct err *e)
{
    struct bulk_vals bv;
    struct db_bulk_val v;
    int ncol = sqlite3_column_count(rows), i, j, nlog = 0, idlog = -1, r, rc;
    int *col = xcalloc((size_t)(ncol > 0 ? ncol : 1), sizeof *col); /* logged j: column */
    const char **names = xcalloc((size_t)(ncol > 0 ? ncol : 1), sizeof *names);

    for (i = 0; i < ncol; i++) {
        const char *c = sqlite3_column_name(rows, i);

        if (changelog_derived(c))
            continue;
        if (strcmp(c, "id") == 0)
            idlog = nlog;
        names[nlog] = c;
        col[nlog++] = i;
    }
    bulk_vals_init(&bv, nlog, idlog);
    sqlite3_bind_int64(rows, 1, lo);
    sqlite3_bind_int64(rows, 2, hi);
    while ((r = sqlite3_step(rows)) == SQLITE_ROW) {
        for (j = 0; j < nlog; j++) {
            bulk_val_of(sqlite3_column_value(rows, col[j]), &v);
            bulk_vals_add(&bv, &v, j);
        }
        bv.count++;
    }
    if (r != SQLITE_DONE)
        rc = db_fail(db, e, "读取批量写入的行");
    else
        rc = changelog_bulk_put(db, table, names, &bv, lo, hi, e);
    sqlite3_reset(rows);
    bulk_vals_free(&bv);
    free(col);
    free(names);
    return rc;
}

/* ---- bulk entries built by the caller (see db_priv.h) ---- */

struct db_bulk_rows {
    struct bulk_vals *chunk;
    size_t nchunk;
    int nlog, idlog, open; /* open: the last chunk takes more rows */
};

struct db_bulk_rows *
db_bulk_rows_new(int nlog, int idlog)
{
    struct db_bulk_rows *r = xcalloc(1, sizeof *r);

    r->nlog = nlog;
    r->idlog = idlog;
    return r;
}

void
db_bulk_rows_add(struct db_bulk_rows *r, int j, const struct db_bulk_val *v)
{
    if (!r->open) {
        r->chunk = xrealloc(r->chunk, (r->nchunk + 1) * sizeof *r->chunk);
        bulk_vals_init(&r->chunk[r->nchunk++], r->nlog, r->idlog);
        r->open = 1;
    }
    bulk_vals_add(&r->chunk[r->nchunk - 1], v, j);
}

void
db_bulk_rows_next(struct db_bulk_rows *r)
{
    if (r->open && ++r->chunk[r->nchunk - 1].count == DB_BULK_CHUNK)
        r->open = 0;
}

int
db_bulk_rows_write(struct db *db, const char *table, const char *const *names,
                   struct db_bulk_rows *r, struct err *e)
{
    size_t i;
    int rc = ERR_OK;

    for (i = 0; i < r->nchunk && rc == ERR_OK; i++)
        rc = changelog_bulk_put(db, table, names, &r->chunk[i], 0, 0, e);
    return rc;
}

void
db_bulk_rows_free(struct db_bulk_rows *r)
{
    size_t i;

    if (r == NULL)
        return;
    for (i = 0; i < r->nchunk; i++)
        bulk_vals_free(&r->chunk[i]);
    free(r->chunk);
    free(r);
}

int
db_log_derived(const char *column)
{
    return changelog_derived(column);
}

static int
changelog_bulk_table_flush(struct db *db, struct db_bulk *b, struct err *e)
{
    struct strbuf sql = STRBUF_INIT;
    sqlite3_stmt *rows = NULL;
    size_t i = 0, j;
    int rc = ERR_OK;

    if (b->n == 0)
        return ERR_OK;
    changelog_bulk_sort(b);
    /* The table name comes from SQLite's hook (our schema), quoted as an
     * identifier; the rowids are bound. */
    strbuf_puts(&sql, "SELECT * FROM ");
    db_quote_ident(&sql, b->table);
    strbuf_puts(&sql, " WHERE rowid BETWEEN ?1 AND ?2 ORDER BY rowid");
    if (sqlite3_prepare_v2(db->h, strbuf_str(&sql), -1, &rows, NULL) != SQLITE_OK)
        rc = db_fail(db, e, "读取批量写入的行");
    while (rc == ERR_OK && i < b->n) {
        j = i + 1;
        while (j < b->n && j - i < DB_BULK_CHUNK && b->rowid[j] == b->rowid[j - 1] + 1)
            j++;
        rc = changelog_bulk_entry(db, b->table, rows, b->rowid[i], b->rowid[j - 1], e);
        /* a rowid noted twice (an insert rolled back to a savepoint and
         * made again) is one row: skip duplicates */
        while (j < b->n && b->rowid[j] == b->rowid[j - 1])
            j++;
        i = j;
    }
    sqlite3_finalize(rows);
    strbuf_free(&sql);
    return rc;
}

int
db_log_bulk_end(struct db *db, struct err *e)
{
    struct db_bulk *b;
    int rc = ERR_OK;

    if (db->hook_error) {
        db_changelog_discard(db);
        return err_set(e, ERR_DB, "修改未能记入修改记录，已撤销。");
    }
    db->bulk = 0;
    for (b = db->bulk_rows; b && rc == ERR_OK; b = b->next)
        rc = changelog_bulk_table_flush(db, b, e);
    changelog_bulk_free(db);
    if (rc != ERR_OK)
        db_changelog_discard(db);
    return rc;
}
