/*
 * changelog_bulk.c — the change log of imports: many new rows of a table
 * in one entry, {"bulk":n,"same":{...},"columns":[...],"rows":[[...]]},
 * the values every row shares written once under "same".
 *
 * In bulk mode (db_log_bulk_begin) an insert costs the pre-update hook
 * (changelog.c) only its rowid; when the run ends, each stretch of
 * consecutive new rows of a table becomes one entry read back from the
 * table. A caller that inserts from its own memory builds the same
 * entries itself, without reading back (db_bulk_rows_*, ent_bulk.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/db_priv.h"
#include "src/strbuf.h"
#include "src/xmalloc.h"

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

void
db_log_bulk_note(struct db *db, int op, const char *table, sqlite3_int64 rowid)
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

void
db_log_bulk_forget(struct db *db)
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
    db_log_json(&bv->text, v);
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

/* Appends [...] of the varying columns: their names (row -1) or row's values. */
static void
bulk_vals_list(struct strbuf *out, const struct bulk_vals *bv, const char *const *names, long row)
{
    int j, first = 1;

    strbuf_putc(out, '[');
    for (j = 0; j < bv->nlog; j++) {
        if (!bv->varying[j])
            continue;
        if (!first)
            strbuf_putc(out, ',');
        first = 0;
        if (row < 0)
            strbuf_json_str(out, names[j], strlen(names[j]));
        else
            bulk_vals_put(out, bv, row, j);
    }
    strbuf_putc(out, ']');
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
    int j, first, rc;
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
    strbuf_puts(&n, "\"columns\":");
    bulk_vals_list(&n, bv, names, -1);
    strbuf_puts(&n, ",\"rows\":[");
    for (row = 0; row < bv->count; row++) {
        if (row)
            strbuf_putc(&n, ',');
        bulk_vals_list(&n, bv, names, row);
    }
    strbuf_puts(&n, "]}");
    if (bv->idlog < 0 || !bv->last[0])
        strbuf_printf(&key, "%lld..%lld", (long long)lo, (long long)hi);
    else
        strbuf_printf(&key, "%s..%s", bv->first, bv->last);
    rc = db_log_insert(db, table, strbuf_str(&key), "insert", NULL, strbuf_str(&n), e);
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

        if (db_log_derived(c))
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
            db_log_val_of(sqlite3_column_value(rows, col[j]), &v);
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
    db_log_bulk_forget(db);
    if (rc != ERR_OK)
        db_changelog_discard(db);
    return rc;
}
