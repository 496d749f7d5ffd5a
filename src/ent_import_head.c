/*
 * ent_import_head.c — placing the columns of an office's CSV by their
 * headers (in any order, with 元/万元/亿元 and a year read from the header),
 * and the small string map the import uses to find rows seen before.
 */
#include "src/ent_import_priv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "src/ent_fig.h"
#include "src/ent_money.h"
#include "src/hash.h"
#include "src/strbuf.h"
#include "src/xmalloc.h"

static const struct {
    enum imp_kind kind;
    const char *label;
    const char *headers[12];
} imp_headers[] = {
    {IMP_NAME,
     "企业名称",
     {"企业名称", "单位名称", "企业全称", "名称", "公司名称", "企业（单位）名称",
      "企业(单位)名称"}},
    {IMP_SHORT, "企业简称", {"企业简称", "简称"}},
    {IMP_CODE,
     "统一社会信用代码",
     {"统一社会信用代码", "社会信用代码", "信用代码", "统一代码", "社会统一信用代码"}},
    {IMP_TOWNSHIP,
     "所属园区/苏木镇",
     {"所属园区/苏木镇", "所属园区（苏木镇）", "所属园区(苏木镇)", "园区/苏木镇", "所属园区",
      "所属苏木镇", "苏木镇", "所属地区", "所在园区", "所属镇", "属地", "所在地"}},
    {IMP_FIELD, "行业领域", {"行业领域", "所属领域", "领域", "所属行业领域", "重点领域"}},
    {IMP_ABOVE,
     "是否规上",
     {"是否规上", "是否规上企业", "规上企业", "是否规模以上", "规模以上", "规上"}},
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

/* ---- the map ---- */

/* hash_str: codes and keys that differ only in their last characters
 * must not crowd into runs of neighbouring slots. */
static unsigned long
imp_hash(const char *s)
{
    return (unsigned long)hash_str(s, HASH_SEED);
}

long
ent_import_map_get(const struct imp_map *m, const char *k)
{
    unsigned long h;
    size_t i;

    if (m->cap == 0)
        return -1;
    h = imp_hash(k);
    for (i = h & (m->cap - 1); m->key[i]; i = (i + 1) & (m->cap - 1)) {
        if (m->hash[i] == h && strcmp(m->key[i], k) == 0)
            return m->val[i];
    }
    return -1;
}

static void
imp_map_grow(struct imp_map *m)
{
    struct imp_map old = *m;
    size_t i, j;

    m->cap = old.cap ? old.cap * 2 : 64;
    m->n = 0;
    m->key = xcalloc(m->cap, sizeof *m->key);
    m->val = xcalloc(m->cap, sizeof *m->val);
    m->hash = xcalloc(m->cap, sizeof *m->hash);
    for (i = 0; i < old.cap; i++) {
        if (old.key[i]) { /* the key moves, not copied */
            for (j = old.hash[i] & (m->cap - 1); m->key[j]; j = (j + 1) & (m->cap - 1))
                ;
            m->key[j] = old.key[i];
            m->val[j] = old.val[i];
            m->hash[j] = old.hash[i];
            m->n++;
        }
    }
    free(old.key);
    free(old.val);
    free(old.hash);
}

void
ent_import_map_put(struct imp_map *m, const char *k, long v)
{
    unsigned long h = imp_hash(k);
    size_t i;

    if ((m->n + 1) * 2 > m->cap)
        imp_map_grow(m);
    for (i = h & (m->cap - 1); m->key[i]; i = (i + 1) & (m->cap - 1)) {
        if (m->hash[i] == h && strcmp(m->key[i], k) == 0)
            return;
    }
    m->key[i] = xstrdup(k);
    m->val[i] = v;
    m->hash[i] = h;
    m->n++;
}

void
ent_import_map_free(struct imp_map *m)
{
    size_t i;

    for (i = 0; i < m->cap; i++)
        free(m->key[i]);
    free(m->key);
    free(m->val);
    free(m->hash);
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
        {"（万元）", ENT_MONEY_WAN},
        {"(万元)", ENT_MONEY_WAN},
        {"（元）", ENT_MONEY_YUAN},
        {"(元)", ENT_MONEY_YUAN},
        {"（亿元）", ENT_MONEY_YI},
        {"(亿元)", ENT_MONEY_YI},
        {"万元", ENT_MONEY_WAN},
        {"亿元", ENT_MONEY_YI},
        {"（人）", -1},
        {"(人)", -1},
        {"（项）", -1},
        {"(项)", -1},
        {"（个）", -1},
        {"(个)", -1},
        {"（件）", -1},
        {"(件)", -1},
        {"（分）", -1},
        {"(分)", -1},
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

    strbuf_printf(&b, "“%s” -> %s", h, c->kind == IMP_IGNORE ? "不导入" : imp_label(c));
    if (c->year)
        strbuf_printf(&b, "（%d 年）", c->year);
    if (c->kind == IMP_FIG && ent_fig_info[c->fig].kind == ENT_FIG_MONEY)
        strbuf_printf(&b, "，单位：%s",
                      c->unit == ENT_MONEY_WAN  ? "万元"
                      : c->unit == ENT_MONEY_YI ? "亿元"
                                                : "元");
    im->columns = xrealloc(im->columns, (im->ncolumns + 1) * sizeof *im->columns);
    im->columns[im->ncolumns++] = strbuf_take(&b);
}

/* Reads the header row: places each column, reports what it cannot place. */
int
ent_import_header(struct imp *x, const struct csv_row *h, long long unit, struct err *e)
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
        return err_set(e, ERR_INVALID,
                       "第 %ld 行的表头中找不到“企业名称”或“统一社会信用代码”列，"
                       "无法导入。",
                       h->line);
    return ERR_OK;
}
