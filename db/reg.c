/*
 * reg.c — the SQL of the simple registries, built from a shape (table
 * and columns named by the program, checked to be plain identifiers) with
 * every value bound as a parameter. Lists count and page with LIMIT/OFFSET.
 */
#include "db/reg.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/db_priv.h"
#include "src/strbuf.h"
#include "src/uuid.h"
#include "src/xmalloc.h"

#define REG_ACTION_NO "(SELECT a.no FROM action a WHERE a.id = r.action_id)"

const struct db_reg_ref db_ref_enterprise = {"enterprise", "r.name", "r.short_name", NULL, NULL, 1};
const struct db_reg_ref db_ref_institution = {"institution", "r.name", NULL, NULL, NULL, 1};
const struct db_reg_ref db_ref_unit = {
    "unit",   "r.name", "(SELECT a.alias FROM unit_alias a WHERE a.unit_id = r.id LIMIT 1)",
    "r.sort", NULL,     1};
const struct db_reg_ref db_ref_task = {"task",
                                       REG_ACTION_NO " || '.' || r.no || ' ' || r.title",
                                       REG_ACTION_NO " || '.' || r.no",
                                       REG_ACTION_NO " * 1000 + r.no",
                                       NULL,
                                       1};
const struct db_reg_ref db_ref_pilot_base = {"pilot_base", "r.name", NULL, NULL, NULL, 1};
const struct db_reg_ref db_ref_pilot_project = {"pilot_project", "r.name", NULL, NULL, NULL, 1};
const struct db_reg_ref db_ref_pilot_stage = {"pilot_stage", "r.name", "r.code", "r.sort", NULL, 1};
const struct db_reg_ref db_ref_result = {"tech_offer", "r.title",           NULL,
                                         NULL,         "r.kind = 'result'", 1};
const struct db_reg_ref db_ref_need = {"tech_offer", "r.title", NULL, NULL, "r.kind = 'need'", 1};
const struct db_reg_ref db_ref_safeguard = {"safeguard", "r.title", "CAST(r.no AS TEXT)",
                                            "r.no",      NULL,      0};
const struct db_reg_ref db_ref_project_kind = {"sci_project_kind", "r.name", "r.code",
                                               "r.sort",           NULL,     1};
const struct db_reg_ref db_ref_project_stage = {
    "sci_project_stage", "r.name", "r.code", "r.sort", NULL, 0};
const struct db_reg_ref db_ref_sci_project = {"sci_project", "r.title", "r.code", NULL, NULL, 1};
const struct db_reg_ref db_ref_match = {
    "tech_match",
    "(SELECT o.title FROM tech_offer o WHERE o.id = r.result_id) || ' / '"
    " || (SELECT o.title FROM tech_offer o WHERE o.id = r.need_id)",
    NULL,
    NULL,
    NULL,
    1};
const struct db_reg_ref db_ref_contract = {"tech_contract", "r.title", "r.reg_no", NULL, NULL, 1};
const struct db_reg_ref db_ref_coop = {"coop_agreement", "r.title", NULL, NULL, NULL, 1};
const struct db_reg_ref db_ref_platform = {"platform", "r.name", NULL, NULL, NULL, 1};
const struct db_reg_ref db_ref_talent = {"talent", "r.name", NULL, NULL, NULL, 1};
const struct db_reg_ref db_ref_safeguard_note = {"safeguard_note", "r.title", NULL, NULL, NULL, 1};

/* A statement being built and the values its parameters take, in order. */
struct reg_sql {
    struct strbuf b;
    const char *bind[48];
    int nbind;
};

/* 1 when s is a plain identifier: the program's names only reach SQL so. */
static int
reg_ident(const char *s)
{
    if (s == NULL || *s == '\0')
        return 0;
    for (; *s; s++) {
        if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '_'))
            return 0;
    }
    return 1;
}

/* Checks every name of a shape before it is used in SQL. */
static int
reg_shape_ok(const struct db_reg_shape *s, struct err *e)
{
    size_t i;

    if (!reg_ident(s->table) || (s->fixed_col && !reg_ident(s->fixed_col)))
        return err_set(e, ERR_INVALID, "内部错误：登记表 %s 的名称无效", s->table);
    for (i = 0; i < s->ncols; i++) {
        if (!reg_ident(s->cols[i].name) || (s->cols[i].ref && !reg_ident(s->cols[i].ref->table)))
            return err_set(e, ERR_INVALID, "内部错误：%s 的列名 %s 无效", s->table,
                           s->cols[i].name);
    }
    return ERR_OK;
}

/* Appends a parameter taking value v. */
static void
reg_param(struct reg_sql *q, const char *v)
{
    q->bind[q->nbind++] = v;
    strbuf_printf(&q->b, "?%d", q->nbind);
}

/* Appends the label of the row column c points to. */
static void
reg_label_expr(struct strbuf *b, const struct db_reg_col *c)
{
    strbuf_printf(b, "(SELECT %s FROM %s r WHERE r.id = t.%s)", c->ref->label, c->ref->table,
                  c->name);
}

/* Appends the expression column c sorts by. */
static void
reg_order_expr(struct strbuf *b, const struct db_reg_col *c)
{
    if (c->ref == NULL)
        strbuf_printf(b, "t.%s", c->name);
    else if (c->ref->order)
        strbuf_printf(b, "(SELECT %s FROM %s r WHERE r.id = t.%s)", c->ref->order, c->ref->table,
                      c->name);
    else
        reg_label_expr(b, c);
}

/* Appends the text search: any searched column or label containing text. */
static void
reg_where_search(struct reg_sql *q, const struct db_reg_shape *s, const char *text)
{
    int p;
    size_t i;

    q->bind[q->nbind++] = text;
    p = q->nbind;
    strbuf_puts(&q->b, " AND (0");
    for (i = 0; i < s->ncols; i++) {
        if (!s->cols[i].search)
            continue;
        strbuf_puts(&q->b, " OR instr(");
        if (s->cols[i].ref)
            reg_label_expr(&q->b, &s->cols[i]);
        else
            strbuf_printf(&q->b, "t.%s", s->cols[i].name);
        strbuf_printf(&q->b, ", ?%d) > 0", p);
    }
    strbuf_puts(&q->b, ")");
}

static void
reg_where(struct reg_sql *q, const struct db_reg_shape *s, const struct db_reg_query *f)
{
    size_t i;

    strbuf_puts(&q->b, " WHERE 1");
    if (f->archived == DB_REG_LIVE)
        strbuf_puts(&q->b, " AND t.archived_at IS NULL");
    else if (f->archived == DB_REG_ARCHIVED)
        strbuf_puts(&q->b, " AND t.archived_at IS NOT NULL");
    if (s->fixed_col) {
        strbuf_printf(&q->b, " AND t.%s = ", s->fixed_col);
        reg_param(q, s->fixed_val);
    }
    for (i = 0; i < f->neq && q->nbind < 40; i++) {
        if (f->eq_col[i] < 0 || (size_t)f->eq_col[i] >= s->ncols)
            continue;
        if (f->eq_val[i] == NULL || *f->eq_val[i] == '\0') {
            strbuf_printf(&q->b, " AND t.%s IS NULL", s->cols[f->eq_col[i]].name);
            continue;
        }
        strbuf_printf(&q->b, " AND t.%s = ", s->cols[f->eq_col[i]].name);
        reg_param(q, f->eq_val[i]);
    }
    if (f->search && *f->search)
        reg_where_search(q, s, f->search);
}

/* Prepares q and binds its parameters; NULL with e filled on error. */
static sqlite3_stmt *
reg_prepare(struct db *db, struct reg_sql *q, struct err *e)
{
    sqlite3_stmt *st;
    int i;

    if (sqlite3_prepare_v2(db_handle(db), strbuf_str(&q->b), -1, &st, NULL) != SQLITE_OK) {
        db_fail(db, e, "准备查询");
        return NULL;
    }
    for (i = 0; i < q->nbind; i++)
        sqlite3_bind_text(st, i + 1, q->bind[i], -1, SQLITE_TRANSIENT);
    return st;
}

int
db_reg_count(struct db *db, const struct db_reg_shape *s, const struct db_reg_query *q, long *n,
             struct err *e)
{
    struct reg_sql sql = {STRBUF_INIT, {0}, 0};
    sqlite3_stmt *st;
    int rc;

    *n = 0;
    if ((rc = reg_shape_ok(s, e)) != ERR_OK)
        return rc;
    strbuf_printf(&sql.b, "SELECT count(*) FROM %s t", s->table);
    reg_where(&sql, s, q);
    st = reg_prepare(db, &sql, e);
    strbuf_free(&sql.b);
    if (st == NULL)
        return ERR_DB;
    rc = db_step_row(db, st, e);
    if (rc > 0)
        *n = (long)sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return rc < 0 ? ERR_DB : ERR_OK;
}

/* Appends the select list: key, then value and label of each column, then stamps. */
static void
reg_select(struct strbuf *b, const struct db_reg_shape *s)
{
    size_t i;

    strbuf_puts(b, "SELECT t.id");
    for (i = 0; i < s->ncols; i++) {
        strbuf_printf(b, ", t.%s, ", s->cols[i].name);
        if (s->cols[i].ref)
            reg_label_expr(b, &s->cols[i]);
        else
            strbuf_puts(b, "NULL");
    }
    strbuf_printf(b,
                  ", t.archived_at, t.created_at, t.created_by, t.updated_at, t.updated_by"
                  " FROM %s t",
                  s->table);
}

/* Copies the current row of st into rec. */
static void
reg_read(sqlite3_stmt *st, const struct db_reg_shape *s, struct db_reg_rec *rec)
{
    size_t i;
    int c = 2 * (int)s->ncols + 1;

    memset(rec, 0, sizeof *rec);
    db_col_copy(st, 0, rec->id, sizeof rec->id);
    rec->vals = xcalloc(s->ncols ? s->ncols : 1, sizeof *rec->vals);
    rec->labels = xcalloc(s->ncols ? s->ncols : 1, sizeof *rec->labels);
    for (i = 0; i < s->ncols; i++) {
        rec->vals[i] = db_col_text(st, 1 + 2 * (int)i);
        rec->labels[i] = db_col_text(st, 2 + 2 * (int)i);
    }
    rec->archived_at = db_col_text(st, c);
    rec->created_at = db_col_text(st, c + 1);
    rec->created_by = db_col_text(st, c + 2);
    rec->updated_at = db_col_text(st, c + 3);
    rec->updated_by = db_col_text(st, c + 4);
}

void
db_reg_rec_free(struct db_reg_rec *rec, size_t ncols)
{
    size_t i;

    if (rec == NULL)
        return;
    for (i = 0; rec->vals && i < ncols; i++) {
        free(rec->vals[i]);
        free(rec->labels[i]);
    }
    free(rec->vals);
    free(rec->labels);
    free(rec->archived_at);
    free(rec->created_at);
    free(rec->created_by);
    free(rec->updated_at);
    free(rec->updated_by);
    memset(rec, 0, sizeof *rec);
}

/* Appends ORDER BY for q's sort column (NULLs last, entry order breaking ties). */
static void
reg_order(struct strbuf *b, const struct db_reg_shape *s, const struct db_reg_query *q)
{
    int col = q->sort_col >= 0 && (size_t)q->sort_col < s->ncols ? q->sort_col : s->default_sort;
    const char *dir = q->desc ? " DESC" : "";
    int text;

    if (col < 0 || (size_t)col >= s->ncols) {
        strbuf_printf(b, " ORDER BY t.rowid%s", dir);
        return;
    }
    strbuf_puts(b, " ORDER BY (");
    reg_order_expr(b, &s->cols[col]);
    /* text in pinyin order (tuwei_sortkey, db.c); numbers and a ref's own order as they are */
    text = !s->cols[col].is_int && !(s->cols[col].ref && s->cols[col].ref->order);
    strbuf_puts(b, text ? ") IS NULL, tuwei_sortkey(" : ") IS NULL, (");
    reg_order_expr(b, &s->cols[col]);
    strbuf_printf(b, ")%s, t.rowid%s", dir, dir);
}

int
db_reg_page(struct db *db, const struct db_reg_shape *s, const struct db_reg_query *q, long offset,
            int limit, struct db_reg_rec *out, int *got, struct err *e)
{
    struct reg_sql sql = {STRBUF_INIT, {0}, 0};
    sqlite3_stmt *st;
    int rc, r = 0;

    *got = 0;
    if ((rc = reg_shape_ok(s, e)) != ERR_OK)
        return rc;
    reg_select(&sql.b, s);
    reg_where(&sql, s, q);
    reg_order(&sql.b, s, q);
    strbuf_printf(&sql.b, " LIMIT %d OFFSET %ld", limit < 0 ? 0 : limit, offset < 0 ? 0 : offset);
    st = reg_prepare(db, &sql, e);
    strbuf_free(&sql.b);
    if (st == NULL)
        return ERR_DB;
    while (*got < limit && (r = db_step_row(db, st, e)) > 0)
        reg_read(st, s, &out[(*got)++]);
    sqlite3_finalize(st);
    return r < 0 ? ERR_DB : ERR_OK;
}

int
db_reg_get(struct db *db, const struct db_reg_shape *s, const char *id, struct db_reg_rec *out,
           struct err *e)
{
    struct reg_sql sql = {STRBUF_INIT, {0}, 0};
    sqlite3_stmt *st;
    int rc, r;

    memset(out, 0, sizeof *out);
    if ((rc = reg_shape_ok(s, e)) != ERR_OK)
        return rc;
    reg_select(&sql.b, s);
    strbuf_puts(&sql.b, " WHERE t.id = ");
    reg_param(&sql, id);
    if (s->fixed_col) {
        strbuf_printf(&sql.b, " AND t.%s = ", s->fixed_col);
        reg_param(&sql, s->fixed_val);
    }
    st = reg_prepare(db, &sql, e);
    strbuf_free(&sql.b);
    if (st == NULL)
        return ERR_DB;
    r = db_step_row(db, st, e);
    if (r > 0)
        reg_read(st, s, out);
    sqlite3_finalize(st);
    if (r == 0)
        return err_set(e, ERR_NOTFOUND, "找不到这条记录（可能已被删除）。");
    return r < 0 ? ERR_DB : ERR_OK;
}

/* Runs the search of db_reg_find: exact (key, label, other name, key
 * prefix) or, with contains, the label holding text. */
static int
reg_find_pass(struct db *db, const struct db_reg_ref *ref, const char *text, int contains,
              char (*ids)[40], int max, int *n, struct err *e)
{
    struct reg_sql sql = {STRBUF_INIT, {0}, 0};
    sqlite3_stmt *st;
    int r;

    sql.bind[0] = text;
    sql.nbind = 1;
    strbuf_printf(&sql.b, "SELECT r.id FROM %s r WHERE (%s)", ref->table,
                  ref->where ? ref->where : "1");
    if (contains)
        strbuf_printf(&sql.b, " AND instr(%s, ?1) > 0", ref->label);
    else {
        strbuf_printf(&sql.b, " AND (r.id = ?1 OR (%s) = ?1", ref->label);
        if (ref->alt)
            strbuf_printf(&sql.b, " OR (%s) = ?1", ref->alt);
        strbuf_puts(&sql.b, " OR (length(?1) >= 6 AND substr(r.id, 1, length(?1)) = lower(?1)))");
    }
    if (ref->archivable && contains)
        strbuf_puts(&sql.b, " AND r.archived_at IS NULL");
    strbuf_printf(&sql.b, " ORDER BY %s LIMIT %d",
                  ref->archivable ? "r.archived_at IS NOT NULL" : "r.rowid", max + 1);
    st = reg_prepare(db, &sql, e);
    strbuf_free(&sql.b);
    if (st == NULL)
        return ERR_DB;
    while ((r = db_step_row(db, st, e)) > 0) {
        if (*n < max)
            db_col_copy(st, 0, ids[*n], sizeof ids[*n]);
        (*n)++;
    }
    sqlite3_finalize(st);
    return r < 0 ? ERR_DB : ERR_OK;
}

int
db_reg_find(struct db *db, const struct db_reg_ref *ref, const char *text, char (*ids)[40], int max,
            int *n, struct err *e)
{
    int rc;

    *n = 0;
    if (!reg_ident(ref->table))
        return err_set(e, ERR_INVALID, "内部错误：表名 %s 无效", ref->table);
    if ((rc = reg_find_pass(db, ref, text, 0, ids, max, n, e)) != ERR_OK || *n > 0 ||
        strlen(text) < 2)
        return rc;
    return reg_find_pass(db, ref, text, 1, ids, max, n, e);
}

int
db_reg_labels(struct db *db, const struct db_reg_ref *ref, char ***names, size_t *n, struct err *e)
{
    struct strbuf b = STRBUF_INIT;
    sqlite3_stmt *st;
    int r;

    *names = NULL;
    *n = 0;
    if (!reg_ident(ref->table))
        return err_set(e, ERR_INVALID, "内部错误：表名 %s 无效", ref->table);
    strbuf_printf(&b,
                  "SELECT %s AS label FROM %s r WHERE (%s)%s GROUP BY label ORDER BY min(%s),"
                  " min(r.rowid)",
                  ref->label, ref->table, ref->where ? ref->where : "1",
                  ref->archivable ? " AND r.archived_at IS NULL" : "",
                  ref->order ? ref->order : ref->label);
    r = sqlite3_prepare_v2(db_handle(db), strbuf_str(&b), -1, &st, NULL);
    strbuf_free(&b);
    if (r != SQLITE_OK)
        return db_fail(db, e, "准备查询");
    while ((r = db_step_row(db, st, e)) > 0) {
        *names = db_grow(*names, *n, sizeof **names);
        (*names)[(*n)++] = db_col_text(st, 0);
    }
    sqlite3_finalize(st);
    return r < 0 ? ERR_DB : ERR_OK;
}

int
db_reg_label(struct db *db, const struct db_reg_ref *ref, const char *id, char **out, struct err *e)
{
    struct reg_sql sql = {STRBUF_INIT, {0}, 0};
    sqlite3_stmt *st;
    int r;

    *out = NULL;
    if (!reg_ident(ref->table))
        return err_set(e, ERR_INVALID, "内部错误：表名 %s 无效", ref->table);
    strbuf_printf(&sql.b, "SELECT %s FROM %s r WHERE r.id = ", ref->label, ref->table);
    reg_param(&sql, id);
    st = reg_prepare(db, &sql, e);
    strbuf_free(&sql.b);
    if (st == NULL)
        return ERR_DB;
    if ((r = db_step_row(db, st, e)) > 0)
        *out = db_col_text(st, 0);
    sqlite3_finalize(st);
    return r < 0 ? ERR_DB : ERR_OK;
}

/* Binds v to parameter i: as an integer for an INTEGER column. */
static void
reg_bind_value(sqlite3_stmt *st, int i, const struct db_reg_col *c, const char *v)
{
    if (v && *v && c->is_int)
        sqlite3_bind_int64(st, i, strtoll(v, NULL, 10));
    else
        db_bind_text(st, i, v);
}

/* Runs a built write statement, binding vals for cols (those with set[i]),
 * then the trailing texts. */
static int
reg_run_write(struct db *db, const char *sql, const struct db_reg_shape *s, const char *const *vals,
              const int *set, const char *const *tail, int ntail, struct err *e)
{
    sqlite3_stmt *st;
    size_t i;
    int p = 1, rc;

    if (sqlite3_prepare_v2(db_handle(db), sql, -1, &st, NULL) != SQLITE_OK)
        return db_fail(db, e, s->table);
    for (i = 0; i < s->ncols; i++) {
        if (set == NULL || set[i])
            reg_bind_value(st, p++, &s->cols[i], vals[i]);
    }
    for (i = 0; i < (size_t)ntail; i++)
        sqlite3_bind_text(st, p++, tail[i], -1, SQLITE_TRANSIENT);
    rc = db_exec_stmt(db, st, e);
    sqlite3_finalize(st);
    return rc;
}

int
db_reg_insert(struct db *db, const struct db_reg_shape *s, const char *id, const char *const *vals,
              struct err *e)
{
    struct strbuf b = STRBUF_INIT;
    const char *tail[6] = {id, db_now(db), db_user(db), db_now(db), db_user(db), s->fixed_val};
    size_t i;
    int rc;

    if ((rc = reg_shape_ok(s, e)) != ERR_OK)
        return rc;
    strbuf_printf(&b, "INSERT INTO %s(", s->table);
    for (i = 0; i < s->ncols; i++)
        strbuf_printf(&b, "%s, ", s->cols[i].name);
    strbuf_puts(&b, "id, created_at, created_by, updated_at, updated_by");
    if (s->fixed_col)
        strbuf_printf(&b, ", %s", s->fixed_col);
    strbuf_puts(&b, ") VALUES(");
    for (i = 0; i < s->ncols + 5 + (s->fixed_col != NULL); i++)
        strbuf_printf(&b, "%s?%zu", i ? ", " : "", i + 1);
    strbuf_puts(&b, ")");
    rc = reg_run_write(db, strbuf_str(&b), s, vals, NULL, tail, s->fixed_col ? 6 : 5, e);
    strbuf_free(&b);
    return rc;
}

int
db_reg_update(struct db *db, const struct db_reg_shape *s, const char *id, const char *const *vals,
              const int *set, struct err *e)
{
    struct strbuf b = STRBUF_INIT;
    const char *tail[3] = {db_now(db), db_user(db), id};
    size_t i;
    int rc, p = 1;

    if ((rc = reg_shape_ok(s, e)) != ERR_OK)
        return rc;
    strbuf_printf(&b, "UPDATE %s SET ", s->table);
    for (i = 0; i < s->ncols; i++) {
        if (set[i])
            strbuf_printf(&b, "%s = ?%d, ", s->cols[i].name, p++);
    }
    strbuf_printf(&b, "updated_at = ?%d, updated_by = ?%d WHERE id = ?%d", p, p + 1, p + 2);
    rc = reg_run_write(db, strbuf_str(&b), s, vals, set, tail, 3, e);
    strbuf_free(&b);
    if (rc == ERR_OK && db_last_changes(db) == 0)
        rc = err_set(e, ERR_NOTFOUND, "找不到这条记录（可能已被删除）。");
    return rc;
}

int
db_reg_archive(struct db *db, const struct db_reg_shape *s, const char *id, int archive,
               struct err *e)
{
    struct reg_sql sql = {STRBUF_INIT, {0}, 0};
    struct db_reg_rec rec;
    sqlite3_stmt *st;
    int rc;

    if ((rc = db_reg_get(db, s, id, &rec, e)) != ERR_OK)
        return rc;
    rc = (rec.archived_at != NULL) == (archive != 0);
    db_reg_rec_free(&rec, s->ncols);
    if (rc)
        return err_set(e, ERR_CONFLICT,
                       archive ? "这条记录已经删除（归档）。" : "这条记录没有被删除，无需恢复。");
    strbuf_printf(&sql.b, "UPDATE %s SET archived_at = ", s->table);
    reg_param(&sql, archive ? db_now(db) : NULL);
    strbuf_puts(&sql.b, ", updated_at = ");
    reg_param(&sql, db_now(db));
    strbuf_puts(&sql.b, ", updated_by = ");
    reg_param(&sql, db_user(db));
    strbuf_puts(&sql.b, " WHERE id = ");
    reg_param(&sql, id);
    st = reg_prepare(db, &sql, e);
    strbuf_free(&sql.b);
    if (st == NULL)
        return ERR_DB;
    if (!archive)
        sqlite3_bind_null(st, 1);
    rc = db_exec_stmt(db, st, e);
    sqlite3_finalize(st);
    return rc;
}

int
db_reg_links(struct db *db, const struct db_reg_link *l, const char *id, char ***labels,
             char ***ids, size_t *n, struct err *e)
{
    struct reg_sql sql = {STRBUF_INIT, {0}, 0};
    sqlite3_stmt *st;
    int r;

    *labels = NULL;
    if (ids)
        *ids = NULL;
    *n = 0;
    if (!reg_ident(l->table) || !reg_ident(l->own_col) || !reg_ident(l->other_col))
        return err_set(e, ERR_INVALID, "内部错误：关联表 %s 无效", l->table);
    strbuf_printf(&sql.b,
                  "SELECT r.id, %s FROM %s k JOIN %s r ON r.id = k.%s WHERE k.%s = ", l->ref->label,
                  l->table, l->ref->table, l->other_col, l->own_col);
    reg_param(&sql, id);
    strbuf_printf(&sql.b, " ORDER BY %s", l->ref->order ? l->ref->order : l->ref->label);
    st = reg_prepare(db, &sql, e);
    strbuf_free(&sql.b);
    if (st == NULL)
        return ERR_DB;
    while ((r = db_step_row(db, st, e)) > 0) {
        *labels = db_grow(*labels, *n, sizeof **labels);
        (*labels)[*n] = db_col_text(st, 1);
        if (ids) {
            *ids = db_grow(*ids, *n, sizeof **ids);
            (*ids)[*n] = db_col_text(st, 0);
        }
        (*n)++;
    }
    sqlite3_finalize(st);
    return r < 0 ? ERR_DB : ERR_OK;
}

/* 1 when id is among list[0..n). */
static int
reg_has(const char *const *list, size_t n, const char *id)
{
    size_t i;

    for (i = 0; i < n; i++) {
        if (strcmp(list[i], id) == 0)
            return 1;
    }
    return 0;
}

/* Deletes (add = 0) or inserts the link of id to other. */
static int
reg_link_write(struct db *db, const struct db_reg_link *l, const char *id, const char *other,
               int add, struct err *e)
{
    struct strbuf b = STRBUF_INIT;
    char key[UUID_LEN + 1];
    sqlite3_stmt *st;
    int rc;

    if (add)
        strbuf_printf(&b,
                      "INSERT INTO %s(%s, %s, id, created_at, created_by, updated_at, "
                      "updated_by) VALUES(?1, ?2, ?3, ?4, ?5, ?4, ?5)",
                      l->table, l->own_col, l->other_col);
    else
        strbuf_printf(&b, "DELETE FROM %s WHERE %s = ?1 AND %s = ?2", l->table, l->own_col,
                      l->other_col);
    rc = sqlite3_prepare_v2(db_handle(db), strbuf_str(&b), -1, &st, NULL);
    strbuf_free(&b);
    if (rc != SQLITE_OK)
        return db_fail(db, e, l->table);
    sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, other, -1, SQLITE_TRANSIENT);
    if (add) {
        uuid_new(key);
        sqlite3_bind_text(st, 3, key, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 4, db_now(db), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 5, db_user(db), -1, SQLITE_TRANSIENT);
    }
    rc = db_exec_stmt(db, st, e);
    sqlite3_finalize(st);
    return rc;
}

int
db_reg_links_set(struct db *db, const struct db_reg_link *l, const char *id,
                 const char *const *other_ids, size_t n, struct err *e)
{
    char **labels, **have;
    size_t nhave, i;
    int rc;

    if ((rc = db_reg_links(db, l, id, &labels, &have, &nhave, e)) != ERR_OK)
        return rc;
    for (i = 0; rc == ERR_OK && i < nhave; i++) {
        if (!reg_has(other_ids, n, have[i]))
            rc = reg_link_write(db, l, id, have[i], 0, e);
    }
    for (i = 0; rc == ERR_OK && i < n; i++) {
        if (!reg_has((const char *const *)have, nhave, other_ids[i]) &&
            !reg_has(other_ids, i, other_ids[i]))
            rc = reg_link_write(db, l, id, other_ids[i], 1, e);
    }
    db_strings_free(labels, nhave);
    db_strings_free(have, nhave);
    return rc;
}

int
db_vocab_list(struct db *db, const char *domain, char ***names, size_t *n, struct err *e)
{
    static const char sql[] = "SELECT name FROM vocab WHERE domain = ?1 AND archived_at IS NULL"
                              " ORDER BY sort, tuwei_sortkey(name)";
    sqlite3_stmt *st = db_stmt(db, sql, e);
    int r;

    *names = NULL;
    *n = 0;
    if (st == NULL)
        return ERR_DB;
    sqlite3_bind_text(st, 1, domain, -1, SQLITE_TRANSIENT);
    while ((r = db_step_row(db, st, e)) > 0) {
        *names = db_grow(*names, *n, sizeof **names);
        (*names)[(*n)++] = db_col_text(st, 0);
    }
    sqlite3_reset(st);
    return r < 0 ? ERR_DB : ERR_OK;
}

int
db_vocab_add(struct db *db, const char *domain, const char *name, struct err *e)
{
    static const char sql[] =
        "INSERT INTO vocab (id, domain, name, sort, created_at, created_by, updated_at, updated_by)"
        " VALUES (?1, ?2, ?3, (SELECT coalesce(max(sort), 0) + 1 FROM vocab WHERE domain = ?2),"
        " ?4, ?5, ?4, ?5) ON CONFLICT (domain, name) DO UPDATE SET archived_at = NULL,"
        " updated_at = excluded.updated_at, updated_by = excluded.updated_by"
        " WHERE archived_at IS NOT NULL";
    sqlite3_stmt *st = db_stmt(db, sql, e);
    char key[UUID_LEN + 1];

    if (st == NULL)
        return ERR_DB;
    uuid_new(key);
    sqlite3_bind_text(st, 1, key, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, domain, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 3, name, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 4, db_now(db), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 5, db_user(db), -1, SQLITE_TRANSIENT);
    return db_exec_stmt(db, st, e);
}

int
db_vocab_archive(struct db *db, const char *domain, const char *name, struct err *e)
{
    static const char sql[] = "UPDATE vocab SET archived_at = ?3, updated_at = ?3, updated_by = ?4"
                              " WHERE domain = ?1 AND name = ?2 AND archived_at IS NULL";
    sqlite3_stmt *st = db_stmt(db, sql, e);
    int rc;

    if (st == NULL)
        return ERR_DB;
    sqlite3_bind_text(st, 1, domain, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, name, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 3, db_now(db), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 4, db_user(db), -1, SQLITE_TRANSIENT);
    if ((rc = db_exec_stmt(db, st, e)) == ERR_OK && db_last_changes(db) == 0)
        rc = err_set(e, ERR_NOTFOUND, "没有可停用的“%s”。", name);
    return rc;
}

void
db_strings_free(char **s, size_t n)
{
    size_t i;

    for (i = 0; s && i < n; i++)
        free(s[i]);
    free(s);
}
