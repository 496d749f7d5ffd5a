/*
 * ent_import.c — reading an office's enterprise CSV into a preview of
 * adds, changes and refusals (ent_import_write.c writes it).
 */
#include "src/ent_import.h"
#include "src/ent_import_priv.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/ent_list.h"
#include "src/credit_code.h"
#include "src/csv.h"
#include "src/date.h"
#include "src/ent_fig.h"
#include "src/ent_money.h"
#include "src/enterprise.h"
#include "src/strbuf.h"
#include "src/uuid.h"
#include "src/xmalloc.h"

/* ---- one row ---- */

/* The cells of one row by what they hold (NULL: no column or empty). */
struct imp_cells {
    const char *v[IMP_FIG];
};

static void imp_refuse(struct ent_import_row *o, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void
imp_refuse(struct ent_import_row *o, const char *fmt, ...)
{
    va_list ap;
    char buf[512];

    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    free(o->note);
    o->note = xstrdup(buf);
    o->action = ENT_IMPORT_REFUSE;
}

/* 1 when s starts with a space the register trims (ASCII, tab, CR, LF, ideographic). */
static size_t
imp_space(const char *s, size_t n)
{
    if (n >= 1 && (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n'))
        return 1;
    return n >= 3 && strncmp(s, "　", 3) == 0 ? 3 : 0;
}

/* A cell without spaces around it (as enterprise_check_record trims);
 * NULL when empty. Valid until the next row; *keep is set when it had to
 * be copied (the caller frees it). */
static const char *
imp_cell(const struct csv_row *r, size_t i, char **keep)
{
    const char *s;
    size_t n, k;

    if (i >= r->n)
        return NULL;
    s = r->fields[i];
    n = strlen(s);
    while ((k = imp_space(s, n)) > 0)
        s += k, n -= k;
    for (;;) {
        if (n >= 1 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n'))
            n--;
        else if (n >= 3 && strncmp(s + n - 3, "　", 3) == 0)
            n -= 3;
        else
            break;
    }
    if (n == 0)
        return NULL;
    if (s[n] == '\0')
        return s; /* nothing trimmed at its end: the row's own bytes */
    *keep = xstrndup(s, n);
    return *keep;
}

/* Reads a date as offices write it (2018-05-06, 2018/5/6, 2018.5.6,
 * 2018年5月6日, or a spreadsheet day number) into out; 0 on success. */
static int
imp_date(const char *s, char out[DB_DATE_LEN])
{
    int y, m, d, used = 0;
    long serial;
    char *end;

    if (sscanf(s, "%4d-%2d-%2d%n", &y, &m, &d, &used) == 3 ||
        sscanf(s, "%4d/%2d/%2d%n", &y, &m, &d, &used) == 3 ||
        sscanf(s, "%4d.%2d.%2d%n", &y, &m, &d, &used) == 3 ||
        sscanf(s, "%4d年%2d月%2d日%n", &y, &m, &d, &used) == 3) {
        if (s[used] != '\0' || y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 || d > 31)
            return -1;
        snprintf(out, DB_DATE_LEN, "%04u-%02u-%02u", (unsigned)y % 10000u, (unsigned)m % 100u,
                 (unsigned)d % 100u);
        return date_valid(out) ? 0 : -1;
    }
    serial = strtol(s, &end, 10);
    if (*end != '\0' || serial < 20000 || serial > 80000)
        return -1;
    date_from_days(serial - 25569, out); /* day 25569 of 1899-12-30 is 1970-01-01 */
    return 0;
}

/* A four-digit year ("2024" or "2024年"); 0 if s is not one. */
static int
imp_year(const char *s)
{
    int y = 0, i;

    for (i = 0; i < 4; i++) {
        if (s[i] < '0' || s[i] > '9')
            return 0;
        y = y * 10 + (s[i] - '0');
    }
    if (s[4] != '\0' && strcmp(s + 4, "年") != 0 && strcmp(s + 4, "年度") != 0)
        return 0;
    return y >= 1990 && y <= 2100 ? y : 0;
}

/* Replaces *dst with a copy of v. */
static void
imp_set(char **dst, const char *v)
{
    free(*dst);
    *dst = xstrdup(v);
}

static int
imp_field(const struct imp *x, const char *name, char id[DB_ID_LEN], struct strbuf *why)
{
    size_t i;

    for (i = 0; i < x->nfields; i++) {
        if (strcmp(x->fields[i].name, name) == 0) {
            snprintf(id, DB_ID_LEN, "%s", x->fields[i].id);
            return 0;
        }
    }
    strbuf_printf(why, "行业领域“%s”不在列表中（可选：", name);
    for (i = 0; i < x->nfields; i++)
        strbuf_printf(why, "%s%s", i ? "、" : "", x->fields[i].name);
    strbuf_puts(why, "）");
    return -1;
}

/* Writes the cell of kind k into the record; -1 with why filled if it does not read. */
static int
imp_apply(const struct imp *x, enum imp_kind k, const char *v, struct db_enterprise *r,
          struct strbuf *why)
{
    int b;

    switch (k) {
    case IMP_NAME:
        imp_set(&r->name, v);
        break;
    case IMP_SHORT:
        imp_set(&r->short_name, v);
        break;
    case IMP_CODE:
        imp_set(&r->credit_code, v);
        break;
    case IMP_TOWNSHIP:
        imp_set(&r->township, v);
        break;
    case IMP_ADDRESS:
        imp_set(&r->address, v);
        break;
    case IMP_CONTACT:
        imp_set(&r->contact, v);
        break;
    case IMP_NOTES:
        imp_set(&r->notes, v);
        break;
    case IMP_HT_DOMAIN:
        imp_set(&r->ht_domain, v);
        break;
    case IMP_FIELD:
        return imp_field(x, v, r->field_id, why);
    case IMP_ABOVE:
    case IMP_MANUF:
        if ((b = enterprise_bool(v)) < 0) {
            strbuf_printf(why, "“%s”应填“是”或“否”，这里是“%s”",
                          k == IMP_ABOVE ? "是否规上" : "是否制造业", v);
            return -1;
        }
        *(k == IMP_ABOVE ? &r->above_scale : &r->manufacturing) = b;
        break;
    case IMP_ESTABLISHED:
        if (imp_date(v, r->established) != 0) {
            strbuf_printf(why, "成立日期“%s”看不懂，应写作 2018-05-06", v);
            return -1;
        }
        break;
    case IMP_AWARD:
    case IMP_STANDARD:
        if ((b = imp_year(v)) == 0) {
            strbuf_printf(why, "“%s”不是年份", v);
            return -1;
        }
        *(k == IMP_AWARD ? &r->award_year : &r->standard_year) = b;
        break;
    default:
        break;
    }
    return 0;
}

static int
imp_same_str(const char *a, const char *b)
{
    return strcmp(a ? a : "", b ? b : "") == 0;
}

/* Lists in why the fields where a and b differ; returns how many. */
static int
imp_diff(const struct db_enterprise *a, const struct db_enterprise *b, struct strbuf *why)
{
    const struct {
        int differs;
        const char *label;
    } d[] = {
        {!imp_same_str(a->name, b->name), "企业名称"},
        {!imp_same_str(a->short_name, b->short_name), "企业简称"},
        {!imp_same_str(a->credit_code, b->credit_code), "统一社会信用代码"},
        {!imp_same_str(a->township, b->township), "所属园区/苏木镇"},
        {strcmp(a->field_id, b->field_id) != 0, "行业领域"},
        {a->above_scale != b->above_scale, "是否规上"},
        {a->manufacturing != b->manufacturing, "是否制造业"},
        {!imp_same_str(a->address, b->address), "地址"},
        {!imp_same_str(a->contact, b->contact), "联系人"},
        {strcmp(a->established, b->established) != 0, "成立日期"},
        {!imp_same_str(a->ht_domain, b->ht_domain), "高新技术领域"},
        {a->award_year != b->award_year, "国家科技奖年份"},
        {a->standard_year != b->standard_year, "主导制定标准年份"},
        {!imp_same_str(a->notes, b->notes), "备注"},
    };
    size_t i;
    int n = 0;

    for (i = 0; i < sizeof d / sizeof d[0]; i++) {
        if (d[i].differs)
            strbuf_printf(why, "%s%s", n++ ? "、" : "", d[i].label);
    }
    return n;
}

/* A deep copy of the strings of src into dst. */
static void
imp_copy(struct db_enterprise *dst, const struct db_enterprise *src)
{
    *dst = *src;
    dst->name = xstrdup(src->name);
    dst->short_name = xstrdup(src->short_name);
    dst->credit_code = xstrdup(src->credit_code);
    dst->township = xstrdup(src->township);
    dst->address = xstrdup(src->address);
    dst->contact = xstrdup(src->contact);
    dst->notes = xstrdup(src->notes);
    dst->ht_domain = xstrdup(src->ht_domain);
    dst->field_name = xstrdup(src->field_name);
    dst->updated_by = xstrdup(src->updated_by);
}

/* Finds the enterprise a row is about, in the file so far or the database.
 * Returns the owning row's index (>= 0), -1 for the database or a new one
 * (*found set when in the database), -2 when refused. */
static long
imp_find(struct imp *x, struct ent_import_row *o, const char *code, const char *name,
         struct db_enterprise *found, int *in_db)
{
    char id[DB_ID_LEN];
    long first = -1, k = -1;

    *in_db = 0;
    if (code && (first = ent_import_map_get(&x->by_code, code)) < 0 && name)
        first = ent_import_map_get(&x->by_name, name);
    if (first < 0 && !code && name)
        first = ent_import_map_get(&x->by_name, name);
    if (first >= 0)
        return first;
    if (code)
        k = ent_import_map_get(&x->db_code, code);
    if (k < 0 && name)
        k = ent_import_map_get(&x->db_name, name);
    if (k < 0)
        return -1;
    snprintf(id, sizeof id, "%s", x->db_ids[k]);
    if (db_ent_get(x->db, id, found, NULL) != ERR_OK)
        return imp_refuse(o, "读取数据库出错"), -2;
    *in_db = 1;
    if (found->archived_at[0])
        return imp_refuse(o, "“%s”已删除，请先恢复再导入", found->name), -2;
    if (code && found->credit_code && *found->credit_code && strcmp(found->credit_code, code) != 0)
        return imp_refuse(o, "同名企业已登记，但统一社会信用代码不同（库中为 %s）",
                          found->credit_code),
               -2;
    return -1;
}

/* Applies the row's enterprise cells onto rec; 0, or -1 with the row refused. */
static int
imp_cells_apply(struct imp *x, struct ent_import_row *o, const struct imp_cells *c,
                struct db_enterprise *rec)
{
    struct strbuf why = STRBUF_INIT;
    int k, rc = 0;

    for (k = IMP_NAME; k < IMP_YEAR && rc == 0; k++) {
        if (c->v[k])
            rc = imp_apply(x, (enum imp_kind)k, c->v[k], rec, &why);
    }
    if (rc != 0)
        imp_refuse(o, "%s", strbuf_str(&why));
    strbuf_free(&why);
    return rc;
}

/* The enterprise part of a row that is the first about its enterprise. */
static int
imp_ent_first(struct imp *x, struct ent_import_row *o, const struct imp_cells *c,
              struct db_enterprise *found, int in_db, const char *code)
{
    struct strbuf why = STRBUF_INIT;
    struct err e = {0};
    int n;

    if (in_db)
        imp_copy(&o->ent, found);
    if (imp_cells_apply(x, o, c, &o->ent) != 0)
        return -1;
    if (enterprise_check_record(&o->ent, &e) != ERR_OK)
        return imp_refuse(o, "%s", e.msg), -1;
    if (!in_db) { /* its key is given when written, in name order (ent_import_write.c) */
        o->is_new = o->write_ent = 1;
        o->action = ENT_IMPORT_ADD;
    } else if ((n = imp_diff(found, &o->ent, &why)) > 0) {
        o->write_ent = 1;
        o->action = ENT_IMPORT_CHANGE;
        free(o->note);
        o->note = xasprintf("更新：%s", strbuf_str(&why));
    }
    strbuf_free(&why);
    if (code)
        ent_import_map_put(&x->by_code, code, (long)(o - x->im->rows));
    ent_import_map_put(&x->by_name, o->ent.name, (long)(o - x->im->rows));
    if (in_db) { /* later rows may name it by its stored code or name instead */
        if (found->credit_code && *found->credit_code)
            ent_import_map_put(&x->by_code, found->credit_code, (long)(o - x->im->rows));
        ent_import_map_put(&x->by_name, found->name, (long)(o - x->im->rows));
    }
    return 0;
}

/* The enterprise part of a later row about an enterprise seen before. */
static int
imp_ent_again(struct imp *x, struct ent_import_row *o, const struct imp_cells *c, long first)
{
    struct ent_import_row *owner = &x->im->rows[first];
    struct db_enterprise probe;
    struct strbuf why = STRBUF_INIT;
    int n;

    if (owner->action == ENT_IMPORT_REFUSE)
        return imp_refuse(o, "同一企业的第 %ld 行未能导入", owner->line), -1;
    imp_copy(&probe, &owner->ent);
    if (imp_cells_apply(x, o, c, &probe) == 0 && (n = imp_diff(&owner->ent, &probe, &why)) > 0)
        imp_refuse(o, "与第 %ld 行的企业信息不一致：%s", owner->line, strbuf_str(&why));
    db_ent_free(&probe);
    strbuf_free(&why);
    if (o->action == ENT_IMPORT_REFUSE)
        return -1;
    snprintf(o->ent.id, sizeof o->ent.id, "%s", owner->ent.id);
    o->is_new = owner->is_new;
    o->first = first;
    return 0;
}

/* The slot of year in the row's figures, made if new; -1 when full. */
static int
imp_year_slot(struct ent_import_row *o, int year)
{
    int k, i;

    for (k = 0; k < o->nyears; k++) {
        if (o->fig[k].year == year)
            return k;
    }
    if (o->nyears == ENT_IMPORT_YEARS)
        return -1;
    k = o->nyears++;
    o->fig = xrealloc(o->fig, (size_t)o->nyears * sizeof *o->fig); /* most rows have one year */
    memset(&o->fig[k], 0, sizeof o->fig[k]);
    o->fig[k].year = year;
    for (i = 0; i < DB_FIG_COUNT; i++)
        o->fig[k].v[i] = DB_ENT_UNKNOWN;
    return k;
}

/* Reads the row's figure cells into o->fig by year; -1 with the row refused. */
static int
imp_fig_cells(struct imp *x, struct ent_import_row *o, const struct csv_row *r, int row_year)
{
    char *keep = NULL;
    const char *v;
    long long val;
    size_t i;
    int year, k;

    for (i = 0; i < x->ncols && o->action != ENT_IMPORT_REFUSE; i++, free(keep), keep = NULL) {
        if (x->cols[i].kind != IMP_FIG || (v = imp_cell(r, i, &keep)) == NULL)
            continue;
        year = x->cols[i].year ? x->cols[i].year : row_year;
        if (year == 0)
            imp_refuse(o, "没有年度：请加“年度”列，或导入时指定年度");
        else if ((k = imp_year_slot(o, year)) < 0)
            imp_refuse(o, "一行最多含 %d 个年度的数据", ENT_IMPORT_YEARS);
        else if (ent_fig_parse(x->cols[i].fig, v, x->cols[i].unit, &val) != 0)
            imp_refuse(o, "“%s”的值“%s”看不懂", ent_fig_info[x->cols[i].fig].label, v);
        else
            o->fig[k].v[x->cols[i].fig] = val;
    }
    free(keep);
    return o->action == ENT_IMPORT_REFUSE ? -1 : 0;
}

/* Writes n (not negative) in decimal to end at end; returns its start. */
static char *
imp_digits(char *end, long n)
{
    do
        *--end = (char)('0' + n % 10);
    while ((n /= 10) > 0);
    return end;
}

/* Merges one year's figures over what is stored; marks it for writing when it differs. */
static int
imp_fig_merge(struct imp *x, struct ent_import_row *o, int k)
{
    struct db_ent_year base, *y = &o->fig[k];
    struct err e = {0};
    char key[48], *kp = key + sizeof key;
    long seen;
    int i, r = 0;

    /* "first:year", first the enterprise's first row in the file */
    *--kp = '\0';
    kp = imp_digits(kp, y->year);
    *--kp = ':';
    kp = imp_digits(kp, o->first);
    if ((seen = ent_import_map_get(&x->by_year, kp)) >= 0)
        return imp_refuse(o, "%d 年的数据与第 %ld 行重复", y->year, x->im->rows[seen].line), -1;
    ent_import_map_put(&x->by_year, kp, (long)(o - x->im->rows));
    memset(&base, 0, sizeof base);
    for (i = 0; i < DB_FIG_COUNT; i++)
        base.v[i] = DB_ENT_UNKNOWN;
    if (!o->is_new && (r = db_ent_year_get(x->db, o->ent.id, y->year, &base, NULL)) < 0)
        return imp_refuse(o, "读取数据库出错"), -1;
    for (i = 0; i < DB_FIG_COUNT; i++) {
        if (y->v[i] == DB_ENT_UNKNOWN)
            y->v[i] = base.v[i];
    }
    if (enterprise_figures_check(y, &e) != ERR_OK)
        return imp_refuse(o, "%d 年：%s", y->year, e.msg), -1;
    memcpy(y->id, base.id, sizeof y->id);
    if (!o->is_new && !uuid_valid(y->id)) /* a new firm's years get theirs when written */
        uuid_new_ordered(y->id);
    o->fig_write[k] = r == 0 || memcmp(base.v, y->v, sizeof y->v) != 0;
    return 0;
}

/* Sums up what the row will do, for the preview: "…；2023、2024 年数据".
 * Built without printf: this runs for every row of a file. */
static void
imp_row_summary(struct ent_import_row *o)
{
    struct strbuf b = STRBUF_INIT;
    int k, n = 0;

    if (o->action == ENT_IMPORT_REFUSE)
        return;
    for (k = 0; k < o->nyears; k++)
        n += o->fig_write[k] != 0;
    if (n == 0)
        return;
    if (o->action == ENT_IMPORT_SAME)
        o->action = ENT_IMPORT_CHANGE;
    if (o->note) {
        strbuf_puts(&b, o->note);
        strbuf_puts(&b, "；");
    }
    for (k = 0, n = 0; k < o->nyears; k++) {
        if (o->fig_write[k]) {
            if (n++)
                strbuf_puts(&b, "、");
            strbuf_add_int(&b, o->fig[k].year);
        }
    }
    strbuf_puts(&b, " 年数据");
    free(o->note);
    o->note = strbuf_take(&b);
}

/* Gathers the enterprise cells and the row's year; 0 when the row is blank. */
static int
imp_gather(struct imp *x, const struct csv_row *r, struct imp_cells *c, char **keep, int *year,
           int *bad_year)
{
    size_t i;
    int any = 0;
    const char *v;

    memset(c, 0, sizeof *c);
    *year = x->default_year;
    *bad_year = 0;
    for (i = 0; i < x->ncols; i++) {
        keep[i] = NULL;
        if ((v = imp_cell(r, i, &keep[i])) == NULL)
            continue;
        any = 1;
        if (x->cols[i].kind == IMP_YEAR) {
            *year = imp_year(v);
            *bad_year = *year == 0;
        } else if (x->cols[i].kind > IMP_IGNORE && x->cols[i].kind < IMP_YEAR) {
            c->v[x->cols[i].kind] = v;
        }
    }
    for (i = x->ncols; i < r->n && !any; i++)
        any = r->fields[i][0] != '\0';
    return any;
}

/* Works out one data row. */
static void
imp_row(struct imp *x, const struct csv_row *r)
{
    struct ent_import_row *o;
    struct imp_cells c;
    struct db_enterprise found;
    char **keep = xcalloc(x->ncols ? x->ncols : 1, sizeof *keep), code[64] = "", why[256], exp = 0;
    int year, bad_year, in_db = 0, k, res;
    long first;
    size_t i;

    if (!imp_gather(x, r, &c, keep, &year, &bad_year))
        goto out;
    if (x->im->n == x->rows_cap) {
        x->rows_cap = x->rows_cap ? x->rows_cap * 2 : 64;
        x->im->rows = xrealloc(x->im->rows, x->rows_cap * sizeof *x->im->rows);
    }
    o = &x->im->rows[x->im->n++];
    memset(o, 0, sizeof *o);
    memset(&found, 0, sizeof found);
    o->line = r->line;
    o->first = (long)(x->im->n - 1);
    if (c.v[IMP_CODE]) {
        credit_code_normalize(c.v[IMP_CODE], code, sizeof code);
        c.v[IMP_CODE] = code;
    }
    o->name = xstrdup(c.v[IMP_NAME] ? c.v[IMP_NAME] : c.v[IMP_CODE] ? code : "");
    if (!c.v[IMP_NAME] && !c.v[IMP_CODE])
        imp_refuse(o, "没有企业名称或统一社会信用代码");
    else if (c.v[IMP_CODE] && (res = credit_code_check(code, &exp)) != CREDIT_CODE_OK)
        imp_refuse(o, "%s", credit_code_explain(res, code, exp, why, sizeof why));
    else if (bad_year)
        imp_refuse(o, "年度应为四位年份");
    else if ((first = imp_find(x, o, c.v[IMP_CODE], c.v[IMP_NAME], &found, &in_db)) >= 0)
        imp_ent_again(x, o, &c, first);
    else if (first == -1 && !in_db && !c.v[IMP_NAME])
        imp_refuse(o, "库中没有统一社会信用代码为 %s 的企业；新企业需要企业名称", code);
    else if (first == -1)
        imp_ent_first(x, o, &c, &found, in_db, c.v[IMP_CODE]);
    db_ent_free(&found);
    if (o->action != ENT_IMPORT_REFUSE && imp_fig_cells(x, o, r, year) == 0)
        for (k = 0; k < o->nyears && imp_fig_merge(x, o, k) == 0; k++)
            ;
    imp_row_summary(o);
out:
    for (i = 0; i < x->ncols; i++)
        free(keep[i]);
    free(keep);
}

/* Notes one enterprise already in the database. */
static void
imp_known(void *arg, const char *id, const char *code, const char *name)
{
    struct imp *x = arg;

    if (x->ndb == x->db_cap) {
        x->db_cap = x->db_cap ? 2 * x->db_cap : 256;
        x->db_ids = xrealloc(x->db_ids, x->db_cap * sizeof *x->db_ids);
    }
    snprintf(x->db_ids[x->ndb], DB_ID_LEN, "%s", id);
    if (code && *code)
        ent_import_map_put(&x->db_code, code, (long)x->ndb);
    ent_import_map_put(&x->db_name, name, (long)x->ndb);
    x->ndb++;
}

/* The data rows, against one snapshot of the database. */
static int
imp_rows(struct db *db, void *arg, struct err *e)
{
    struct imp *x = arg;
    struct csv_row row;
    int r;

    if (db_ent_each_key(db, imp_known, x, e) != ERR_OK)
        return ERR_DB;
    while ((r = csv_next(x->rd, &row, e)) == 1)
        imp_row(x, &row);
    return r < 0 ? ERR_INVALID : ERR_OK;
}

static void
imp_count(struct ent_import *im)
{
    size_t i;
    int k;

    for (i = 0; i < im->n; i++) {
        switch (im->rows[i].action) {
        case ENT_IMPORT_ADD:
            im->added++;
            break;
        case ENT_IMPORT_CHANGE:
            im->changed++;
            break;
        case ENT_IMPORT_REFUSE:
            im->refused++;
            continue;
        default:
            im->same++;
        }
        for (k = 0; k < im->rows[i].nyears; k++)
            im->fig_writes += im->rows[i].fig_write[k];
    }
}

int
ent_import_read(struct db *db, const char *data, size_t len, long long money_unit, int default_year,
                struct ent_import **out, struct err *e)
{
    struct imp x;
    struct csv_reader *rd;
    struct csv_row row;
    int r, rc = ERR_OK;

    *out = NULL;
    memset(&x, 0, sizeof x);
    x.db = db;
    x.default_year = default_year;
    x.im = xcalloc(1, sizeof *x.im);
    if ((rd = csv_reader_new(data, len, e)) == NULL) {
        ent_import_free(x.im);
        return ERR_INVALID;
    }
    snprintf(x.im->encoding, sizeof x.im->encoding, "%s", csv_reader_encoding(rd));
    if ((r = csv_next(rd, &row, e)) <= 0)
        rc = r < 0 ? ERR_INVALID : err_set(e, ERR_INVALID, "文件是空的。");
    if (rc == ERR_OK &&
        (rc = ent_import_header(&x, &row, money_unit > 0 ? money_unit : 1, e)) == ERR_OK)
        rc = db_field_list(db, &x.fields, &x.nfields, e);
    x.rd = rd;
    if (rc == ERR_OK)
        rc = db_read(db, imp_rows, &x, e);
    csv_reader_free(rd);
    ent_import_map_free(&x.by_code);
    ent_import_map_free(&x.by_name);
    ent_import_map_free(&x.by_year);
    ent_import_map_free(&x.db_code);
    ent_import_map_free(&x.db_name);
    free(x.db_ids);
    db_field_list_free(x.fields, x.nfields);
    free(x.cols);
    if (rc != ERR_OK) {
        ent_import_free(x.im);
        return rc;
    }
    imp_count(x.im);
    *out = x.im;
    return ERR_OK;
}

int
ent_import_read_file(struct db *db, const char *path, long long money_unit, int default_year,
                     struct ent_import **out, struct err *e)
{
    FILE *f = fopen(path, "rb");
    struct strbuf b = STRBUF_INIT;
    char buf[65536];
    size_t n;
    int rc;

    *out = NULL;
    if (f == NULL)
        return err_set(e, ERR_IO, "无法打开文件 %s。", path);
    while ((n = fread(buf, 1, sizeof buf, f)) > 0)
        strbuf_add(&b, buf, n);
    rc = ferror(f) ? err_set(e, ERR_IO, "读取文件 %s 出错。", path) : ERR_OK;
    fclose(f);
    if (rc == ERR_OK)
        rc = ent_import_read(db, b.s ? b.s : "", b.len, money_unit, default_year, out, e);
    strbuf_free(&b);
    return rc;
}

void
ent_import_free(struct ent_import *im)
{
    size_t i;

    if (im == NULL)
        return;
    for (i = 0; i < im->ncolumns; i++)
        free(im->columns[i]);
    free(im->columns);
    for (i = 0; i < im->nunknown; i++)
        free(im->unknown[i]);
    free(im->unknown);
    for (i = 0; i < im->n; i++) {
        free(im->rows[i].name);
        free(im->rows[i].note);
        free(im->rows[i].fig);
        db_ent_free(&im->rows[i].ent);
    }
    free(im->rows);
    free(im);
}
