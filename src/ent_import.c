/*
 * ent_import.c — reading an office's enterprise CSV into a preview of
 * adds, changes and refusals, then writing it in one transaction.
 */
#include "src/ent_import.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/ent_list.h"
#include "src/credit_code.h"
#include "src/csv.h"
#include "src/ent_date.h"
#include "src/ent_fig.h"
#include "src/ent_money.h"
#include "src/enterprise.h"
#include "src/strbuf.h"
#include "src/uuid.h"
#include "src/xmalloc.h"

/* What a column holds. */
enum imp_kind {
    IMP_NONE,
    IMP_IGNORE, /* known, not imported (序号, 当前梯度) */
    IMP_NAME,
    IMP_SHORT,
    IMP_CODE,
    IMP_TOWNSHIP,
    IMP_FIELD,
    IMP_ABOVE,
    IMP_MANUF,
    IMP_ADDRESS,
    IMP_CONTACT,
    IMP_ESTABLISHED,
    IMP_HT_DOMAIN,
    IMP_AWARD,
    IMP_STANDARD,
    IMP_NOTES,
    IMP_YEAR,
    IMP_FIG, /* a yearly figure: see imp_col.fig */
};

static const struct {
    enum imp_kind kind;
    const char *label;
    const char *headers[12];
} imp_headers[] = {
    {IMP_NAME, "企业名称", {"企业名称", "单位名称", "企业全称", "名称", "公司名称", "企业（单位）名称", "企业(单位)名称"}},
    {IMP_SHORT, "企业简称", {"企业简称", "简称"}},
    {IMP_CODE, "统一社会信用代码", {"统一社会信用代码", "社会信用代码", "信用代码", "统一代码", "社会统一信用代码"}},
    {IMP_TOWNSHIP, "所属园区/苏木镇", {"所属园区/苏木镇", "所属园区（苏木镇）", "所属园区(苏木镇)", "园区/苏木镇", "所属园区", "所属苏木镇", "苏木镇", "所属地区", "所在园区", "所属镇", "属地", "所在地"}},
    {IMP_FIELD, "行业领域", {"行业领域", "所属领域", "领域", "所属行业领域", "重点领域"}},
    {IMP_ABOVE, "是否规上", {"是否规上", "是否规上企业", "规上企业", "是否规模以上", "规模以上", "规上"}},
    {IMP_MANUF, "是否制造业", {"是否制造业", "制造业", "是否制造业企业"}},
    {IMP_ADDRESS, "地址", {"地址", "注册地址", "企业地址", "通讯地址"}},
    {IMP_CONTACT, "联系人", {"联系人", "联系方式", "联系电话", "联系人及电话"}},
    {IMP_ESTABLISHED, "成立日期", {"成立日期", "成立时间", "注册日期", "注册时间"}},
    {IMP_HT_DOMAIN, "高新技术领域", {"高新技术领域", "技术领域", "所属高新技术领域"}},
    {IMP_AWARD, "国家科技奖年份", {"国家科技奖年份", "获奖年份"}},
    {IMP_STANDARD, "主导制定标准年份", {"主导制定标准年份", "标准年份"}},
    {IMP_NOTES, "备注", {"备注", "说明"}},
    {IMP_YEAR, "年度", {"年度", "年份", "数据年度", "统计年度"}},
    {IMP_IGNORE, "", {"序号", "当前梯度", "梯度", "编号"}},
};

struct imp_col {
    enum imp_kind kind;
    int fig;              /* for IMP_FIG */
    int year;             /* a year written before the header, else 0 */
    long long unit;       /* money unit of the column */
};

/* A string -> row index map (open addressing) for rows seen in the file. */
struct imp_map {
    char **key;
    long *val;
    size_t cap, n;
};

struct imp {
    struct db *db;
    struct ent_import *im;
    struct imp_col *cols;
    size_t ncols;
    int has_year_col, has_fig, default_year;
    struct imp_map by_code, by_name, by_year;
    struct db_field *fields;
    size_t nfields;
};

/* ---- the map ---- */

static unsigned long
imp_hash(const char *s)
{
    unsigned long h = 5381;

    while (*s)
        h = h * 33 + (unsigned char)*s++;
    return h;
}

static long
imp_map_get(const struct imp_map *m, const char *k)
{
    size_t i;

    if (m->cap == 0)
        return -1;
    for (i = imp_hash(k) & (m->cap - 1); m->key[i]; i = (i + 1) & (m->cap - 1)) {
        if (strcmp(m->key[i], k) == 0)
            return m->val[i];
    }
    return -1;
}

static void imp_map_put(struct imp_map *m, const char *k, long v);

static void
imp_map_grow(struct imp_map *m)
{
    struct imp_map old = *m;
    size_t i;

    m->cap = old.cap ? old.cap * 2 : 64;
    m->n = 0;
    m->key = xcalloc(m->cap, sizeof *m->key);
    m->val = xcalloc(m->cap, sizeof *m->val);
    for (i = 0; i < old.cap; i++) {
        if (old.key[i]) {
            imp_map_put(m, old.key[i], old.val[i]);
            free(old.key[i]);
        }
    }
    free(old.key);
    free(old.val);
}

static void
imp_map_put(struct imp_map *m, const char *k, long v)
{
    size_t i;

    if ((m->n + 1) * 2 > m->cap)
        imp_map_grow(m);
    for (i = imp_hash(k) & (m->cap - 1); m->key[i]; i = (i + 1) & (m->cap - 1)) {
        if (strcmp(m->key[i], k) == 0)
            return;
    }
    m->key[i] = xstrdup(k);
    m->val[i] = v;
    m->n++;
}

static void
imp_map_free(struct imp_map *m)
{
    size_t i;

    for (i = 0; i < m->cap; i++)
        free(m->key[i]);
    free(m->key);
    free(m->val);
}

/* ---- headers ---- */

/* Removes every ASCII and ideographic space from s, in place. */
static void
imp_squeeze(char *s)
{
    char *o = s;

    while (*s) {
        if (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
            s++;
        else if (strncmp(s, "　", 3) == 0)
            s += 3;
        else
            *o++ = *s++;
    }
    *o = '\0';
}

/* If s ends in a unit (in brackets or bare), removes it and returns its yuan multiple (0: none). */
static long long
imp_strip_unit(char *s)
{
    static const struct {
        const char *tail;
        long long unit;
    } tails[] = {
        {"（万元）", ENT_MONEY_WAN}, {"(万元)", ENT_MONEY_WAN}, {"（元）", ENT_MONEY_YUAN},
        {"(元)", ENT_MONEY_YUAN},     {"（亿元）", ENT_MONEY_YI}, {"(亿元)", ENT_MONEY_YI},
        {"万元", ENT_MONEY_WAN},       {"亿元", ENT_MONEY_YI},     {"（人）", -1},
        {"(人)", -1},                  {"（项）", -1},             {"(项)", -1},
        {"（个）", -1},                {"(个)", -1},               {"（件）", -1},
        {"(件)", -1},                  {"（分）", -1},             {"(分)", -1},
        {"元", ENT_MONEY_YUAN},
    };
    size_t i, n = strlen(s), t;

    for (i = 0; i < sizeof tails / sizeof tails[0]; i++) {
        t = strlen(tails[i].tail);
        if (n > t && strcmp(s + n - t, tails[i].tail) == 0) {
            s[n - t] = '\0';
            return tails[i].unit;
        }
    }
    return 0;
}

/* If s starts with a year ("2024年" or "2024年度"), removes it and returns it. */
static int
imp_strip_year(char *s)
{
    int y = 0, i;
    size_t skip;

    for (i = 0; i < 4; i++) {
        if (s[i] < '0' || s[i] > '9')
            return 0;
        y = y * 10 + (s[i] - '0');
    }
    if (strncmp(s + 4, "年度", 6) == 0)
        skip = 10;
    else if (strncmp(s + 4, "年", 3) == 0)
        skip = 7;
    else
        return 0;
    if (y < 1990 || y > 2100 || s[skip] == '\0')
        return 0;
    memmove(s, s + skip, strlen(s + skip) + 1);
    return y;
}

/* Works out what header h holds. */
static struct imp_col
imp_place(const char *h, long long default_unit)
{
    struct imp_col c = {IMP_NONE, -1, 0, default_unit};
    char *s = xstrdup(h);
    long long unit;
    size_t i, j;

    imp_squeeze(s);
    c.year = imp_strip_year(s);
    unit = imp_strip_unit(s);
    if (unit > 0)
        c.unit = unit;
    for (i = 0; i < sizeof imp_headers / sizeof imp_headers[0] && c.kind == IMP_NONE; i++) {
        for (j = 0; j < 12 && imp_headers[i].headers[j]; j++) {
            if (strcmp(s, imp_headers[i].headers[j]) == 0)
                c.kind = imp_headers[i].kind;
        }
    }
    if (c.kind == IMP_NONE && (c.fig = ent_fig_by_header(s)) >= 0)
        c.kind = IMP_FIG;
    if (c.kind != IMP_FIG)
        c.year = 0;
    free(s);
    return c;
}

static const char *
imp_label(const struct imp_col *c)
{
    size_t i;

    if (c->kind == IMP_FIG)
        return ent_fig_info[c->fig].label;
    for (i = 0; i < sizeof imp_headers / sizeof imp_headers[0]; i++) {
        if (imp_headers[i].kind == c->kind)
            return imp_headers[i].label;
    }
    return "";
}

static void
imp_note_column(struct ent_import *im, const char *h, const struct imp_col *c)
{
    struct strbuf b = STRBUF_INIT;

    strbuf_printf(&b, "“%s” → %s", h, c->kind == IMP_IGNORE ? "不导入" : imp_label(c));
    if (c->year)
        strbuf_printf(&b, "（%d 年）", c->year);
    if (c->kind == IMP_FIG && ent_fig_info[c->fig].kind == ENT_FIG_MONEY)
        strbuf_printf(&b, "，单位：%s",
                      c->unit == ENT_MONEY_WAN ? "万元" : c->unit == ENT_MONEY_YI ? "亿元" : "元");
    im->columns = xrealloc(im->columns, (im->ncolumns + 1) * sizeof *im->columns);
    im->columns[im->ncolumns++] = strbuf_take(&b);
}

/* Reads the header row: places each column, reports what it cannot place. */
static int
imp_header(struct imp *x, const struct csv_row *h, long long unit, struct err *e)
{
    size_t i, j;
    int have_key = 0;

    x->cols = xcalloc(h->n ? h->n : 1, sizeof *x->cols);
    x->ncols = h->n;
    for (i = 0; i < h->n; i++) {
        x->cols[i] = imp_place(h->fields[i], unit);
        for (j = 0; j < i && x->cols[i].kind != IMP_NONE && x->cols[i].kind != IMP_IGNORE; j++) {
            if (x->cols[j].kind == x->cols[i].kind && x->cols[j].fig == x->cols[i].fig &&
                x->cols[j].year == x->cols[i].year)
                x->cols[i].kind = IMP_NONE; /* the same thing twice: the first wins */
        }
        if (x->cols[i].kind == IMP_NONE) {
            x->im->unknown = xrealloc(x->im->unknown, (x->im->nunknown + 1) * sizeof(char *));
            x->im->unknown[x->im->nunknown++] = xstrdup(h->fields[i]);
            continue;
        }
        imp_note_column(x->im, h->fields[i], &x->cols[i]);
        have_key |= x->cols[i].kind == IMP_NAME || x->cols[i].kind == IMP_CODE;
        x->has_year_col |= x->cols[i].kind == IMP_YEAR;
        x->has_fig |= x->cols[i].kind == IMP_FIG;
    }
    if (!have_key)
        return err_set(e, ERR_INVALID, "第 %ld 行的表头中找不到“企业名称”或“统一社会信用代码”列，"
                                       "无法导入。", h->line);
    return ERR_OK;
}

/* ---- one row ---- */

/* The cells of one row by what they hold (NULL: no column or empty). */
struct imp_cells {
    const char *v[IMP_FIG];
};

static void
imp_refuse(struct ent_import_row *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

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

/* A cell without spaces around it; NULL when empty. */
static const char *
imp_cell(const struct csv_row *r, size_t i, char **keep)
{
    char *s;
    size_t n;

    if (i >= r->n)
        return NULL;
    s = r->fields[i];
    while (*s == ' ' || *s == '\t')
        s++;
    n = strlen(s);
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
        n--;
    if (n == 0)
        return NULL;
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
        snprintf(out, DB_DATE_LEN, "%04d-%02d-%02d", y % 10000, m % 100, d % 100);
        return ent_date_valid(out) ? 0 : -1;
    }
    serial = strtol(s, &end, 10);
    if (*end != '\0' || serial < 20000 || serial > 80000)
        return -1;
    ent_date_from_days(serial - 25569, out); /* day 25569 of 1899-12-30 is 1970-01-01 */
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
            strbuf_printf(why, "“%s”应填“是”或“否”，这里是“%s”", k == IMP_ABOVE ? "是否规上" : "是否制造业", v);
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
    long first = -1;
    int r = 0;

    *in_db = 0;
    if (code && (first = imp_map_get(&x->by_code, code)) < 0 && name)
        first = imp_map_get(&x->by_name, name);
    if (first < 0 && !code && name)
        first = imp_map_get(&x->by_name, name);
    if (first >= 0)
        return first;
    if (code && (r = db_ent_find_code(x->db, code, id, NULL)) < 0)
        return imp_refuse(o, "读取数据库出错"), -2;
    if (r == 0 && name && (r = db_ent_find_name(x->db, name, id, NULL)) < 0)
        return imp_refuse(o, "读取数据库出错"), -2;
    if (r == 0)
        return -1;
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
    if (!in_db) {
        uuid_new(o->ent.id);
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
        imp_map_put(&x->by_code, code, (long)(o - x->im->rows));
    imp_map_put(&x->by_name, o->ent.name, (long)(o - x->im->rows));
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

/* Merges one year's figures over what is stored; marks it for writing when it differs. */
static int
imp_fig_merge(struct imp *x, struct ent_import_row *o, int k)
{
    struct db_ent_year base, *y = &o->fig[k];
    struct err e = {0};
    char key[64];
    long seen;
    int i, r = 0;

    snprintf(key, sizeof key, "%s:%d", o->ent.id, y->year);
    if ((seen = imp_map_get(&x->by_year, key)) >= 0)
        return imp_refuse(o, "%d 年的数据与第 %ld 行重复", y->year, x->im->rows[seen].line), -1;
    imp_map_put(&x->by_year, key, (long)(o - x->im->rows));
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
    snprintf(y->id, sizeof y->id, "%s", base.id);
    if (!uuid_valid(y->id))
        uuid_new(y->id);
    o->fig_write[k] = r == 0 || memcmp(base.v, y->v, sizeof y->v) != 0;
    return 0;
}

/* Sums up what the row will do, for the preview. */
static void
imp_row_summary(struct ent_import_row *o)
{
    struct strbuf b = STRBUF_INIT;
    int k, n = 0;

    if (o->action == ENT_IMPORT_REFUSE)
        return;
    for (k = 0; k < o->nyears; k++) {
        if (o->fig_write[k])
            strbuf_printf(&b, "%s%d", n++ ? "、" : "", o->fig[k].year);
    }
    if (n && o->action == ENT_IMPORT_SAME)
        o->action = ENT_IMPORT_CHANGE;
    if (n) {
        char *note = xasprintf("%s%s%s 年数据", o->note ? o->note : "", o->note ? "；" : "",
                               strbuf_str(&b));
        free(o->note);
        o->note = note;
    }
    strbuf_free(&b);
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
    x->im->rows = xrealloc(x->im->rows, (x->im->n + 1) * sizeof *x->im->rows);
    o = &x->im->rows[x->im->n++];
    memset(o, 0, sizeof *o);
    memset(&found, 0, sizeof found);
    o->line = r->line;
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
ent_import_read(struct db *db, const char *data, size_t len, long long money_unit,
                int default_year, struct ent_import **out, struct err *e)
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
    if (rc == ERR_OK && (rc = imp_header(&x, &row, money_unit > 0 ? money_unit : 1, e)) == ERR_OK)
        rc = db_field_list(db, &x.fields, &x.nfields, e);
    while (rc == ERR_OK && (r = csv_next(rd, &row, e)) == 1)
        imp_row(&x, &row);
    if (rc == ERR_OK && r < 0)
        rc = ERR_INVALID;
    csv_reader_free(rd);
    imp_map_free(&x.by_code);
    imp_map_free(&x.by_name);
    imp_map_free(&x.by_year);
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

static int
imp_apply_tx(struct db *db, void *arg, struct err *e)
{
    struct ent_import *im = arg;
    struct ent_import_row *o;
    size_t i;
    int k, rc = ERR_OK, changed;

    for (i = 0; i < im->n && rc == ERR_OK; i++) {
        o = &im->rows[i];
        if (o->action == ENT_IMPORT_REFUSE)
            continue;
        if (o->write_ent)
            rc = o->is_new && o->action == ENT_IMPORT_ADD ? db_ent_insert(db, &o->ent, e)
                                                           : db_ent_update(db, &o->ent, e);
        for (k = 0; k < o->nyears && rc == ERR_OK; k++) {
            if (o->fig_write[k])
                rc = db_ent_year_put(db, o->ent.id, &o->fig[k], &changed, e);
        }
        if (rc != ERR_OK && e) {
            char why[sizeof e->msg];

            snprintf(why, sizeof why, "%s", e->msg);
            err_set(e, rc, "第 %ld 行（%s）写入失败：%s", o->line, o->name, why);
        }
    }
    return rc;
}

int
ent_import_apply(struct db *db, const char *user, struct ent_import *im, struct err *e)
{
    if (im->added == 0 && im->changed == 0)
        return ERR_OK; /* nothing to write: not even an empty transaction */
    return db_write(db, user, imp_apply_tx, im, e);
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
        db_ent_free(&im->rows[i].ent);
    }
    free(im->rows);
    free(im);
}
