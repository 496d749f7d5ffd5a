/*
 * ent_rules.c — reading the rule thresholds from the shipped CSV and the
 * database's overrides.
 */
#include "src/ent_rules.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/enterprise.h"
#include "src/asset.h"
#include "src/csv.h"
#include "src/uuid.h"
#include "src/xmalloc.h"

enum ent_rule_type {
    RT_INT,         /* a whole number >= 0 */
    RT_PCT,         /* a percentage */
    RT_PCT_BANDS,   /* "pct:points pct:points ..." */
    RT_COUNT_BANDS, /* "count:points ..." */
    RT_SALES_BANDS, /* "yuan:pct ... *:pct" */
};

static const struct {
    const char *key;
    enum ent_rule_type type;
} rules_table[ENT_R_COUNT] = {
    [ENT_R_SME_MAX_STAFF] = {"sme.max_staff", RT_INT},
    [ENT_R_SME_MAX_SALES] = {"sme.max_sales", RT_INT},
    [ENT_R_SME_MAX_ASSETS] = {"sme.max_assets", RT_INT},
    [ENT_R_SME_MIN_SCORE] = {"sme.min_score", RT_INT},
    [ENT_R_SME_STAFF_BANDS] = {"sme.staff_bands", RT_PCT_BANDS},
    [ENT_R_SME_RD_SALES_BANDS] = {"sme.rd_sales_bands", RT_PCT_BANDS},
    [ENT_R_SME_RD_COST_BANDS] = {"sme.rd_cost_bands", RT_PCT_BANDS},
    [ENT_R_SME_IP1_POINTS] = {"sme.ip1_points", RT_INT},
    [ENT_R_SME_IP2_BANDS] = {"sme.ip2_bands", RT_COUNT_BANDS},
    [ENT_R_SME_DIRECT_YEARS] = {"sme.direct_years", RT_INT},
    [ENT_R_HT_MIN_AGE_MONTHS] = {"ht.min_age_months", RT_INT},
    [ENT_R_HT_ST_STAFF] = {"ht.st_staff_pct", RT_PCT},
    [ENT_R_HT_RD_BANDS] = {"ht.rd_bands", RT_SALES_BANDS},
    [ENT_R_HT_RD_DOMESTIC] = {"ht.rd_domestic_pct", RT_PCT},
    [ENT_R_HT_REVENUE] = {"ht.ht_revenue_pct", RT_PCT},
    [ENT_R_HT_INNOVATION_ABOVE] = {"ht.innovation_above", RT_INT},
    [ENT_R_HT_RD_YEARS] = {"ht.rd_years", RT_INT},
    [ENT_R_BM_LEAD_SALES] = {"bm.lead_sales", RT_INT},
    [ENT_R_BM_LEAD_RD] = {"bm.lead_rd_pct", RT_PCT},
    [ENT_R_BM_LEAD_IP1] = {"bm.lead_ip1", RT_INT},
    [ENT_R_BM_GROWTH_RD] = {"bm.growth_rd_pct", RT_PCT},
    [ENT_R_BM_GROWTH_IP1] = {"bm.growth_ip1", RT_INT},
    [ENT_R_BM_YEARS] = {"bm.years", RT_INT},
};

static char rules_notes[ENT_R_COUNT][ENT_RULES_TEXT];

const char *
ent_rules_key(enum ent_rule i)
{
    return rules_table[i].key;
}

const char *
ent_rules_note(enum ent_rule i)
{
    return rules_notes[i];
}

long long
ent_rules_percent(const char *s)
{
    long long whole = 0, frac = 0;
    int digits = 0, fdigits = 0;

    while (*s == ' ')
        s++;
    for (; *s >= '0' && *s <= '9' && digits < 6; s++, digits++)
        whole = whole * 10 + (*s - '0');
    if (*s == '.') {
        for (s++; *s >= '0' && *s <= '9'; s++, fdigits++) {
            if (fdigits >= 2)
                return -1;
            frac = frac * 10 + (*s - '0');
        }
    }
    if (fdigits == 1)
        frac *= 10;
    if (*s == '%')
        s++;
    while (*s == ' ')
        s++;
    if (digits == 0 || *s != '\0' || whole > 1000)
        return -1;
    return whole * 100 + frac;
}

const char *
ent_rules_pct_text(long long bp, char *out, size_t n)
{
    if (bp < 0)
        snprintf(out, n, "-");
    else if (bp % 100 == 0)
        snprintf(out, n, "%lld%%", bp / 100);
    else if (bp % 10 == 0)
        snprintf(out, n, "%lld.%lld%%", bp / 100, (bp % 100) / 10);
    else
        snprintf(out, n, "%lld.%02lld%%", bp / 100, bp % 100);
    return out;
}

/* A whole number >= 0, at most 15 digits; -1 if bad. */
static long long
rules_int(const char *s, size_t len)
{
    long long v = 0;
    size_t i;

    if (len == 0 || len > 15)
        return -1;
    for (i = 0; i < len; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

/* Reads one "a:b" band of type t into b; 0 on success. */
static int
rules_band(enum ent_rule_type t, const char *item, struct ent_band *b)
{
    const char *colon = strchr(item, ':');
    char *left;
    int star;

    if (colon == NULL)
        return -1;
    left = xstrndup(item, (size_t)(colon - item));
    if (t == RT_PCT_BANDS) {
        b->min = ent_rules_percent(left);
        b->value = rules_int(colon + 1, strlen(colon + 1));
    } else if (t == RT_COUNT_BANDS) {
        b->min = rules_int(left, strlen(left));
        b->value = rules_int(colon + 1, strlen(colon + 1));
    } else {
        star = strcmp(left, "*") == 0;
        b->min = star ? -1 : rules_int(left, strlen(left));
        b->value = ent_rules_percent(colon + 1);
        if (!star && b->min < 0)
            b->value = -1;
    }
    free(left);
    return b->value < 0 || (t != RT_SALES_BANDS && b->min < 0) ? -1 : 0;
}

/* Reads a band list; checks the order the rules need. 0 on success. */
static int
rules_bands(enum ent_rule_type t, const char *s, struct ent_band *out, size_t *n)
{
    char *copy = xstrdup(s), *item, *save = NULL;
    size_t k = 0, i;
    int bad = 0;

    for (item = strtok_r(copy, " ,;", &save); item && !bad; item = strtok_r(NULL, " ,;", &save)) {
        if (k == ENT_RULES_BANDS || rules_band(t, item, &out[k]) != 0)
            bad = 1;
        else
            k++;
    }
    free(copy);
    for (i = 1; i < k && !bad; i++) {
        if (t == RT_SALES_BANDS)
            bad = out[i - 1].min < 0 || (out[i].min >= 0 && out[i].min <= out[i - 1].min);
        else
            bad = out[i].min >= out[i - 1].min;
    }
    if (t == RT_SALES_BANDS && k > 0 && out[k - 1].min >= 0)
        bad = 1;
    *n = k;
    return bad || k == 0 ? -1 : 0;
}

/* What a value of type t should look like, for messages. */
static const char *
rules_shape(enum ent_rule_type t)
{
    switch (t) {
    case RT_INT:
        return "一个非负整数";
    case RT_PCT:
        return "一个百分数，如 10 或 2.5";
    case RT_PCT_BANDS:
        return "按下限从高到低排列的“百分比:得分”，用空格分隔，如 30:20 25:16";
    case RT_COUNT_BANDS:
        return "按项数从多到少排列的“项数:得分”，用空格分隔，如 4:24 3:18";
    default:
        return "按销售额从低到高排列的“元:百分比”，最后一档写 *，如 50000000:5 *:3";
    }
}

static int
rules_find(const char *key)
{
    int i;

    for (i = 0; i < ENT_R_COUNT; i++) {
        if (strcmp(rules_table[i].key, key) == 0)
            return i;
    }
    return -1;
}

int
ent_rules_set(struct ent_rules *r, const char *key, const char *value, struct err *e)
{
    int i = rules_find(key), ok;
    enum ent_rule_type t;
    struct ent_band b[ENT_RULES_BANDS];
    size_t nb = 0;
    long long v = -1;

    if (i < 0)
        return err_field(e, ERR_INVALID, "key", "没有名为 %s 的规则参数。", key);
    t = rules_table[i].type;
    if (t == RT_INT)
        ok = (v = rules_int(value, strlen(value))) >= 0;
    else if (t == RT_PCT)
        ok = (v = ent_rules_percent(value)) >= 0;
    else
        ok = rules_bands(t, value, b, &nb) == 0;
    if (!ok || strlen(value) >= ENT_RULES_TEXT)
        return err_field(e, ERR_INVALID, key, "规则参数 %s 的值“%.60s”不可用：应为%s。", key, value,
                         rules_shape(t));
    r->n[i] = v;
    memcpy(r->band[i], b, sizeof b);
    r->nband[i] = nb;
    snprintf(r->text[i], sizeof r->text[i], "%s", value);
    return ERR_OK;
}

int
ent_rules_defaults(struct ent_rules *r, struct err *e)
{
    const struct asset *a = asset_find("ref/ent_rules.csv");
    struct csv_reader *rd;
    struct csv_row row;
    int k, rc = ERR_OK, seen = 0;

    memset(r, 0, sizeof *r);
    if (a == NULL || (rd = csv_reader_new((const char *)a->data, a->len, e)) == NULL)
        return err_set(e, ERR_INVALID, "程序缺少内置文件 ref/ent_rules.csv。");
    csv_next(rd, &row, e); /* the header */
    while (rc == ERR_OK && csv_next(rd, &row, e) == 1) {
        if (row.n < 2 || (k = rules_find(row.fields[0])) < 0)
            continue;
        rc = ent_rules_set(r, row.fields[0], row.fields[1], e);
        if (row.n > 2)
            snprintf(rules_notes[k], sizeof rules_notes[k], "%s", row.fields[2]);
        seen++;
    }
    csv_reader_free(rd);
    if (rc == ERR_OK && seen < ENT_R_COUNT)
        rc = err_set(e, ERR_INVALID, "内置文件 ref/ent_rules.csv 缺少规则参数。");
    return rc;
}

struct rules_load_ctx {
    struct ent_rules *r;
};

static void
rules_override(void *arg, const char *key, const char *value)
{
    struct rules_load_ctx *x = arg;
    int i = rules_find(key);

    if (i >= 0 && ent_rules_set(x->r, key, value, NULL) == ERR_OK)
        x->r->overridden[i] = 1;
}

int
ent_rules_load(struct db *db, struct ent_rules *r, struct err *e)
{
    struct rules_load_ctx x = {r};
    int rc;

    if ((rc = ent_rules_defaults(r, e)) != ERR_OK)
        return rc;
    return db_ent_rules(db, rules_override, &x, e);
}

struct rules_save_ctx {
    const char *key, *value;
};

static int
rules_save_tx(struct db *db, void *arg, struct err *e)
{
    struct rules_save_ctx *x = arg;
    char id[UUID_LEN + 1], *name = xasprintf("ent_rule:%s", x->key);

    uuid_from_name(name, id);
    free(name);
    return db_ent_rule_put(db, id, x->key, x->value, e);
}

int
ent_rules_save(struct db *db, const char *user, const char *key, const char *value, struct err *e)
{
    struct ent_rules r;
    struct rules_save_ctx x = {key, value && *value ? value : NULL};
    int rc;

    if ((rc = ent_rules_defaults(&r, e)) != ERR_OK)
        return rc;
    if (rules_find(key) < 0)
        return err_field(e, ERR_INVALID, "key", "没有名为 %s 的规则参数。", key);
    if (x.value && (rc = ent_rules_set(&r, key, x.value, e)) != ERR_OK)
        return rc;
    return db_write(db, user, rules_save_tx, &x, e);
}
