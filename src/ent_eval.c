/*
 * ent_eval.c — the tier rules: tech-SME score and eligibility, the eight
 * high-tech conditions, benchmark conditions, and the next-tier gaps.
 *
 * Ratios are compared exactly in integers (num * 10000 >= bp * den), so a
 * figure that sits on a band's lower bound earns that band.
 */
#include "src/ent_eval.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "src/date.h"
#include "src/ent_money.h"

#define FIG(y, f) ((y) ? (y)->v[f] : DB_ENT_UNKNOWN)
#define RATIO_CAP 90000000000000LL

const char *const ent_eval_ht_domains[] = {
    "电子信息",     "生物与新医药", "航空航天",         "新材料", "高技术服务",
    "新能源与节能", "资源与环境",   "先进制造与自动化", NULL,
};

const char *const ent_eval_ht_names[ENT_HT_CONDS] = {
    "注册成立满一年", "拥有核心知识产权",       "属于重点支持的高新技术领域",
    "科技人员占比",   "研发费用占比",           "高新技术产品收入占比",
    "创新能力评价",   "无重大安全质量环境事故",
};

const char *
ent_state_word(int state)
{
    return state == ENT_MET ? "符合" : state == ENT_NOT_MET ? "不符合" : "待补充数据";
}

/* Brings num and den into a range where num * 10000 and bp * den cannot overflow. */
static void
ratio_scale(long long *num, long long *den)
{
    while (*num > RATIO_CAP || *den > RATIO_CAP) {
        *num /= 10;
        *den /= 10;
    }
}

/* 1 when num / den >= bp / 10000 (den > 0). */
static int
ratio_ge(long long num, long long den, long long bp)
{
    ratio_scale(&num, &den);
    return num * 10000 >= bp * den;
}

/* num / den in basis points, rounded down; -1 when either is unknown or den is 0. */
static long long
ratio_bp(long long num, long long den)
{
    if (num < 0 || den <= 0)
        return -1;
    ratio_scale(&num, &den);
    return num * 10000 / den;
}

/* The points of the first ratio band num / den reaches (bands sorted high to low). */
static int
band_points(const struct ent_band *b, size_t n, long long num, long long den)
{
    size_t i;

    for (i = 0; i < n; i++) {
        if (ratio_ge(num, den, b[i].min))
            return (int)b[i].value;
    }
    return 0;
}

/* The points of the first count band count reaches. */
static int
band_count_points(const struct ent_band *b, size_t n, long long count)
{
    size_t i;

    for (i = 0; i < n; i++) {
        if (count >= b[i].min)
            return (int)b[i].value;
    }
    return 0;
}

static int
band_top(const struct ent_band *b, size_t n)
{
    return n ? (int)b[0].value : 0;
}

static void cond_set(struct ent_cond *c, int state, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
cond_set(struct ent_cond *c, int state, const char *fmt, ...)
{
    va_list ap;

    c->state = state;
    va_start(ap, fmt);
    vsnprintf(c->text, sizeof c->text, fmt, ap);
    va_end(ap);
}

/* Combines verdicts: any not met wins, then any unknown. */
static int
state_all(const struct ent_cond *c, size_t n)
{
    size_t i;
    int unknown = 0;

    for (i = 0; i < n; i++) {
        if (c[i].state == ENT_NOT_MET)
            return ENT_NOT_MET;
        unknown |= c[i].state == ENT_UNKNOWN;
    }
    return unknown ? ENT_UNKNOWN : ENT_MET;
}

/* ---- tech-based SME ---- */

static void
sme_staff(const struct ent_rules *r, const struct db_ent_year *y, struct ent_sme *o, int *lo,
          int *hi)
{
    long long staff = FIG(y, DB_FIG_STAFF), st = FIG(y, DB_FIG_ST_STAFF);
    const struct ent_band *b = r->band[ENT_R_SME_STAFF_BANDS];
    size_t n = r->nband[ENT_R_SME_STAFF_BANDS];

    o->staff_bp = ratio_bp(st, staff);
    if (staff > 0 && st >= 0) {
        o->staff_pts = *lo = *hi = band_points(b, n, st, staff);
        return;
    }
    o->staff_pts = -1;
    *lo = 0;
    *hi = band_top(b, n);
}

static void
sme_rd(const struct ent_rules *r, const struct db_ent_year *y, struct ent_sme *o, int *lo, int *hi)
{
    long long rd = FIG(y, DB_FIG_RD), sales = FIG(y, DB_FIG_SALES),
              cost = FIG(y, DB_FIG_TOTAL_COST);
    int a = -1, b = -1,
        top = band_top(r->band[ENT_R_SME_RD_SALES_BANDS], r->nband[ENT_R_SME_RD_SALES_BANDS]);

    if (band_top(r->band[ENT_R_SME_RD_COST_BANDS], r->nband[ENT_R_SME_RD_COST_BANDS]) > top)
        top = band_top(r->band[ENT_R_SME_RD_COST_BANDS], r->nband[ENT_R_SME_RD_COST_BANDS]);
    o->rd_sales_bp = ratio_bp(rd, sales);
    o->rd_cost_bp = ratio_bp(rd, cost);
    if (rd >= 0 && sales > 0)
        a = band_points(r->band[ENT_R_SME_RD_SALES_BANDS], r->nband[ENT_R_SME_RD_SALES_BANDS], rd,
                        sales);
    if (rd >= 0 && cost > 0)
        b = band_points(r->band[ENT_R_SME_RD_COST_BANDS], r->nband[ENT_R_SME_RD_COST_BANDS], rd,
                        cost);
    if (rd == 0)
        a = b = 0; /* nothing spent earns nothing under either option */
    o->rd_option = a < 0 && b < 0 ? 0 : a >= b ? 'A' : 'B';
    *lo = a > b ? a : b;
    *lo = *lo < 0 ? 0 : *lo;
    *hi = (a < 0 || b < 0) ? (*lo > top ? *lo : top) : *lo;
    o->rd_pts = *lo == *hi && (a >= 0 || b >= 0) ? *lo : -1;
}

static void
sme_ip(const struct ent_rules *r, const struct db_ent_year *y, struct ent_sme *o, int *lo, int *hi)
{
    long long ip1 = FIG(y, DB_FIG_IP1), ip2 = FIG(y, DB_FIG_IP2);
    int p1 = (int)r->n[ENT_R_SME_IP1_POINTS];
    const struct ent_band *b = r->band[ENT_R_SME_IP2_BANDS];
    size_t n = r->nband[ENT_R_SME_IP2_BANDS];
    int p2 = ip2 >= 0 ? band_count_points(b, n, ip2) : -1;

    if (ip1 > 0) {
        *lo = *hi = p1;
    } else if (ip1 == 0) {
        *lo = p2 < 0 ? 0 : p2;
        *hi = p2 < 0 ? band_top(b, n) : p2;
    } else {
        *lo = p2 < 0 ? 0 : p2;
        *hi = p1 > *lo ? p1 : *lo;
    }
    o->ip_pts = *lo == *hi ? *lo : -1;
}

/* Staff, sales and assets within the limits, and no major incident. */
static int
sme_size(const struct ent_rules *r, const struct db_ent_year *y)
{
    static const struct {
        int fig;
        enum ent_rule limit;
    } checks[] = {{DB_FIG_STAFF, ENT_R_SME_MAX_STAFF},
                  {DB_FIG_SALES, ENT_R_SME_MAX_SALES},
                  {DB_FIG_TOTAL_ASSETS, ENT_R_SME_MAX_ASSETS}};
    size_t i;
    int unknown = 0;
    long long v;

    if (FIG(y, DB_FIG_INCIDENT) == 1)
        return ENT_NOT_MET;
    for (i = 0; i < sizeof checks / sizeof checks[0]; i++) {
        v = FIG(y, checks[i].fig);
        if (v > r->n[checks[i].limit])
            return ENT_NOT_MET;
        unknown |= v < 0;
    }
    return unknown ? ENT_UNKNOWN : ENT_MET;
}

static unsigned
sme_direct(const struct ent_rules *r, const struct db_ent_year *y, const struct ent_facts *f,
           int year)
{
    long long back = r->n[ENT_R_SME_DIRECT_YEARS];
    unsigned d = 0;

    if (f && f->holds_high_tech)
        d |= ENT_DIRECT_HIGH_TECH;
    if (f && f->award_year > 0 && f->award_year <= year && f->award_year >= year - back)
        d |= ENT_DIRECT_AWARD;
    if (FIG(y, DB_FIG_RD_INST) == 2)
        d |= ENT_DIRECT_INSTITUTION;
    if (f && f->standard_year > 0 && f->standard_year <= year && f->standard_year >= year - back)
        d |= ENT_DIRECT_STANDARD;
    return d;
}

void
ent_eval_sme(const struct ent_rules *r, const struct db_ent_year *y, const struct ent_facts *f,
             int year, struct ent_sme *o)
{
    int slo, shi, rlo, rhi, ilo, ihi;
    long long min = r->n[ENT_R_SME_MIN_SCORE];

    memset(o, 0, sizeof *o);
    sme_staff(r, y, o, &slo, &shi);
    sme_rd(r, y, o, &rlo, &rhi);
    sme_ip(r, y, o, &ilo, &ihi);
    o->total = slo + rlo + ilo;
    o->total_max = shi + rhi + ihi;
    o->size = sme_size(r, y);
    if (o->staff_pts == 0 || o->total_max < min)
        o->score = ENT_NOT_MET;
    else if (o->total >= min && o->staff_pts > 0)
        o->score = ENT_MET;
    else
        o->score = ENT_UNKNOWN;
    o->direct = sme_direct(r, y, f, year);
    if (o->size == ENT_NOT_MET)
        o->eligible = ENT_NOT_MET;
    else if (o->score == ENT_MET || o->direct)
        o->eligible = o->size;
    else
        o->eligible = o->score == ENT_NOT_MET ? ENT_NOT_MET : ENT_UNKNOWN;
}

/* ---- high-tech enterprise ---- */

static void
ht_age(const struct ent_rules *r, const struct ent_facts *f, const char *as_of, struct ent_cond *c)
{
    char due[DATE_LEN + 1];
    long long months = r->n[ENT_R_HT_MIN_AGE_MONTHS];

    if (f == NULL || !date_valid(f->established) || !date_valid(as_of)) {
        cond_set(c, ENT_UNKNOWN, "缺少成立日期");
        return;
    }
    date_add_months(f->established, (int)months, due);
    cond_set(c, strcmp(due, as_of) <= 0 ? ENT_MET : ENT_NOT_MET,
             "成立于 %s（需满 %lld 个月，%s 起）", f->established, months, due);
}

static void
ht_ip(const struct db_ent_year *y, struct ent_cond *c)
{
    long long ip1 = FIG(y, DB_FIG_IP1), ip2 = FIG(y, DB_FIG_IP2);

    if (ip1 > 0 || ip2 > 0)
        cond_set(c, ENT_MET, "I类知识产权 %lld 项，II类 %lld 项", ip1 < 0 ? 0 : ip1,
                 ip2 < 0 ? 0 : ip2);
    else if (ip1 == 0 && ip2 == 0)
        cond_set(c, ENT_NOT_MET, "没有与主要产品相关的知识产权");
    else
        cond_set(c, ENT_UNKNOWN, "缺少知识产权数据");
}

static void
ht_domain(const struct ent_facts *f, struct ent_cond *c)
{
    size_t i;

    if (f == NULL || f->ht_domain == NULL || *f->ht_domain == '\0') {
        cond_set(c, ENT_UNKNOWN, "未填写所属高新技术领域");
        return;
    }
    for (i = 0; ent_eval_ht_domains[i]; i++) {
        if (strcmp(f->ht_domain, ent_eval_ht_domains[i]) == 0) {
            cond_set(c, ENT_MET, "%s", f->ht_domain);
            return;
        }
    }
    cond_set(c, ENT_NOT_MET, "“%s”不属于国家重点支持的八个领域", f->ht_domain);
}

/* A ratio condition num / den >= bp, described as "what X%（需 ≥ Y%）". */
static void
ht_ratio(const char *what, long long num, long long den, long long bp, struct ent_cond *c)
{
    char have[24], need[24];

    ent_rules_pct_text(bp, need, sizeof need);
    if (num < 0 || den < 0) {
        cond_set(c, ENT_UNKNOWN, "缺少%s的数据", what);
        return;
    }
    if (den == 0) {
        cond_set(c, ENT_NOT_MET, "%s无法计算（分母为 0）", what);
        return;
    }
    ent_rules_pct_text(ratio_bp(num, den), have, sizeof have);
    cond_set(c, ratio_ge(num, den, bp) ? ENT_MET : ENT_NOT_MET, "%s %s（需 >= %s）", what, have,
             need);
}

/* The R&D share a sales figure calls for (basis points). */
static long long
ht_rd_need(const struct ent_rules *r, long long sales)
{
    const struct ent_band *b = r->band[ENT_R_HT_RD_BANDS];
    size_t i, n = r->nband[ENT_R_HT_RD_BANDS];

    for (i = 0; i < n; i++) {
        if (b[i].min < 0 || sales <= b[i].min)
            return b[i].value;
    }
    return n ? b[n - 1].value : 0;
}

struct ht_sums {
    long long rd, sales, dom;
    int missing, dom_missing, used;
};

/* Sums the R&D window: need years back from years[0], skipping years before founding. */
static void
ht_sum(const struct db_ent_year *const *years, size_t n, int need, const struct ent_facts *f,
       struct ht_sums *s)
{
    int est = f && date_valid(f->established) ? date_year(f->established) : 0, i;
    const struct db_ent_year *y;

    memset(s, 0, sizeof *s);
    for (i = 0; i < need; i++) {
        y = (size_t)i < n ? years[i] : NULL;
        if (est && years[0] && years[0]->year - i < est)
            break;
        s->used++;
        if (FIG(y, DB_FIG_RD) < 0 || FIG(y, DB_FIG_SALES) < 0) {
            s->missing++;
            continue;
        }
        s->rd += y->v[DB_FIG_RD];
        s->sales += y->v[DB_FIG_SALES];
        if (FIG(y, DB_FIG_RD_DOMESTIC) < 0)
            s->dom_missing++;
        else
            s->dom += y->v[DB_FIG_RD_DOMESTIC];
    }
}

static void
ht_rd(const struct ent_rules *r, const struct db_ent_year *const *years, size_t n,
      const struct ent_facts *f, struct ent_cond *c)
{
    long long sales0 = FIG(n ? years[0] : NULL, DB_FIG_SALES), need,
              dneed = r->n[ENT_R_HT_RD_DOMESTIC];
    char have[24], want[24], dhave[24], dwant[24];
    struct ht_sums s;
    int ok, dok;

    if (sales0 < 0) {
        cond_set(c, ENT_UNKNOWN, "缺少最近一年的销售收入");
        return;
    }
    need = ht_rd_need(r, sales0);
    ht_sum(years, n, (int)r->n[ENT_R_HT_RD_YEARS], f, &s);
    if (s.missing) {
        cond_set(c, ENT_UNKNOWN, "缺少近 %lld 年中 %d 年的研发费用或销售收入",
                 r->n[ENT_R_HT_RD_YEARS], s.missing);
        return;
    }
    ent_rules_pct_text(need, want, sizeof want);
    ent_rules_pct_text(dneed, dwant, sizeof dwant);
    if (s.sales == 0) {
        cond_set(c, ENT_NOT_MET, "近 %d 年没有销售收入", s.used);
        return;
    }
    ok = ratio_ge(s.rd, s.sales, need);
    ent_rules_pct_text(ratio_bp(s.rd, s.sales), have, sizeof have);
    if (s.dom_missing || s.rd == 0) {
        cond_set(c, ok ? ENT_UNKNOWN : ENT_NOT_MET, "近 %d 年研发费用占销售收入 %s（需 >= %s）%s",
                 s.used, have, want, ok ? "，缺少境内研发费用" : "");
        return;
    }
    dok = ratio_ge(s.dom, s.rd, dneed);
    ent_rules_pct_text(ratio_bp(s.dom, s.rd), dhave, sizeof dhave);
    cond_set(c, ok && dok ? ENT_MET : ENT_NOT_MET,
             "近 %d 年研发费用占销售收入 %s（需 >= %s），境内占 %s（需 >= %s）", s.used, have, want,
             dhave, dwant);
}

static void
ht_innovation(const struct ent_rules *r, const struct db_ent_year *y, struct ent_cond *c)
{
    long long v = FIG(y, DB_FIG_INNOVATION), above = r->n[ENT_R_HT_INNOVATION_ABOVE];

    if (v < 0)
        cond_set(c, ENT_UNKNOWN, "缺少创新能力评价得分（需高于 %lld 分）", above);
    else
        cond_set(c, v > above ? ENT_MET : ENT_NOT_MET, "创新能力评价 %lld 分（需高于 %lld 分）", v,
                 above);
}

static void
ht_incident(const struct db_ent_year *y, struct ent_cond *c)
{
    long long v = FIG(y, DB_FIG_INCIDENT);

    if (v < 0)
        cond_set(c, ENT_UNKNOWN, "未填写是否发生重大安全、质量、环境事故");
    else if (v == 0)
        cond_set(c, ENT_MET, "未发生重大安全、质量、环境事故");
    else
        cond_set(c, ENT_NOT_MET, "发生过重大安全、质量、环境事故");
}

void
ent_eval_ht(const struct ent_rules *r, const struct db_ent_year *const *years, size_t n,
            const struct ent_facts *f, const char *as_of, struct ent_ht *o)
{
    const struct db_ent_year *y = n ? years[0] : NULL;

    memset(o, 0, sizeof *o);
    ht_age(r, f, as_of, &o->c[0]);
    ht_ip(y, &o->c[1]);
    ht_domain(f, &o->c[2]);
    ht_ratio("科技人员占职工总数", FIG(y, DB_FIG_ST_STAFF), FIG(y, DB_FIG_STAFF),
             r->n[ENT_R_HT_ST_STAFF], &o->c[3]);
    ht_rd(r, years, n, f, &o->c[4]);
    ht_ratio("高新技术产品（服务）收入占总收入", FIG(y, DB_FIG_HT_REVENUE), FIG(y, DB_FIG_SALES),
             r->n[ENT_R_HT_REVENUE], &o->c[5]);
    ht_innovation(r, y, &o->c[6]);
    ht_incident(y, &o->c[7]);
    o->overall = state_all(o->c, ENT_HT_CONDS);
}

/* ---- benchmark ---- */

/* The average R&D intensity over need years: 1 with *rd and *sales summed, 0 if a year is missing.
 */
static int
bm_window(const struct db_ent_year *const *years, size_t n, int need, long long *rd,
          long long *sales)
{
    int i;

    *rd = *sales = 0;
    for (i = 0; i < need; i++) {
        if ((size_t)i >= n || FIG(years[i], DB_FIG_RD) < 0 || FIG(years[i], DB_FIG_SALES) < 0)
            return 0;
        *rd += years[i]->v[DB_FIG_RD];
        *sales += years[i]->v[DB_FIG_SALES];
    }
    return 1;
}

static void
bm_intensity(long long rd, long long sales, int have, long long bp, int years, struct ent_cond *c)
{
    char label[64];

    snprintf(label, sizeof label, "近 %d 年平均研发投入强度", years);
    ht_ratio(label, have ? rd : -1, have ? sales : -1, bp, c);
}

static void
bm_at_least(const char *what, long long v, long long need, const char *unit, struct ent_cond *c)
{
    if (v < 0)
        cond_set(c, ENT_UNKNOWN, "缺少%s数据", what);
    else
        cond_set(c, v >= need ? ENT_MET : ENT_NOT_MET, "%s %lld %s（需 >= %lld %s）", what, v, unit,
                 need, unit);
}

static void
bm_platform(long long inst, int level, struct ent_cond *c)
{
    static const char *const names[] = {"无研发机构", "有自建研发机构", "有省级及以上研发平台"};

    if (inst < 0)
        cond_set(c, ENT_UNKNOWN, "缺少研发机构数据");
    else
        cond_set(c, inst >= level ? ENT_MET : ENT_NOT_MET, "%s（需%s）", names[inst > 2 ? 2 : inst],
                 level == 2 ? "国家级或省级平台" : "稳定的研发团队和平台");
}

void
ent_eval_bm(const struct ent_rules *r, const struct db_ent_year *const *years, size_t n,
            struct ent_bm *o)
{
    const struct db_ent_year *y = n ? years[0] : NULL;
    int need = (int)r->n[ENT_R_BM_YEARS], have;
    long long rd, sales, v = FIG(y, DB_FIG_SALES);
    char money[32], want[32];

    memset(o, 0, sizeof *o);
    have = bm_window(years, n, need, &rd, &sales);
    ent_money_text(r->n[ENT_R_BM_LEAD_SALES], want, sizeof want);
    if (v < 0)
        cond_set(&o->lead[0], ENT_UNKNOWN, "缺少上年销售收入（需 >= %s）", want);
    else
        cond_set(&o->lead[0], v >= r->n[ENT_R_BM_LEAD_SALES] ? ENT_MET : ENT_NOT_MET,
                 "上年销售收入 %s（需 >= %s）", ent_money_text(v, money, sizeof money), want);
    bm_intensity(rd, sales, have, r->n[ENT_R_BM_LEAD_RD], need, &o->lead[1]);
    bm_at_least("I类知识产权", FIG(y, DB_FIG_IP1), r->n[ENT_R_BM_LEAD_IP1], "项", &o->lead[2]);
    bm_platform(FIG(y, DB_FIG_RD_INST), 2, &o->lead[3]);
    ht_incident(y, &o->lead[4]);
    bm_intensity(rd, sales, have, r->n[ENT_R_BM_GROWTH_RD], need, &o->growth[0]);
    bm_at_least("I类知识产权", FIG(y, DB_FIG_IP1), r->n[ENT_R_BM_GROWTH_IP1], "项", &o->growth[1]);
    bm_platform(FIG(y, DB_FIG_RD_INST), 1, &o->growth[2]);
    ht_incident(y, &o->growth[3]);
    o->lead_overall = state_all(o->lead, ENT_BM_LEAD);
    o->growth_overall = state_all(o->growth, ENT_BM_GROWTH);
    if (o->lead_overall == ENT_MET || o->growth_overall == ENT_MET)
        o->overall = ENT_MET;
    else if (o->lead_overall == ENT_UNKNOWN || o->growth_overall == ENT_UNKNOWN)
        o->overall = ENT_UNKNOWN;
    else
        o->overall = ENT_NOT_MET;
}
