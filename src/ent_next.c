/*
 * ent_next.c — what stands between an enterprise and its next tier: the
 * points a candidate is short of the tech-SME score and the one or two
 * figures that would close the gap most; the high-tech or benchmark
 * conditions a holder does not meet yet.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "src/ent_eval.h"
#include "src/ent_money.h"

#define FIG(y, f) ((y) ? (y)->v[f] : DB_ENT_UNKNOWN)
#define NEXT_FAR (1LL << 40)

/* A possible step and how much it is worth (higher first). */
struct next_step {
    long long weight;
    char text[224];
};

struct next_steps {
    struct next_step s[8];
    int n;
};

static void step_add(struct next_steps *st, long long weight, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
step_add(struct next_steps *st, long long weight, const char *fmt, ...)
{
    va_list ap;

    if (st->n == 8)
        return;
    st->s[st->n].weight = weight;
    va_start(ap, fmt);
    vsnprintf(st->s[st->n].text, sizeof st->s[st->n].text, fmt, ap);
    va_end(ap);
    st->n++;
}

static int
step_cmp(const void *a, const void *b)
{
    const struct next_step *x = a, *y = b;

    return x->weight < y->weight ? 1 : x->weight > y->weight ? -1 : 0;
}

/* Copies the two weightiest steps into out->why. */
static void
steps_take(struct next_steps *st, struct ent_next *out)
{
    int i;

    qsort(st->s, (size_t)st->n, sizeof st->s[0], step_cmp);
    for (i = 0; i < st->n && i < 2; i++)
        snprintf(out->why[i], sizeof out->why[i], "%s", st->s[i].text);
    out->nwhy = i;
}

/* The smallest num that makes num / den reach bp (den > 0). */
static long long
next_needed(long long den, long long bp)
{
    return (bp * den + 9999) / 10000;
}

/* The lowest ratio band worth more than pts (bands sorted high to low), or NULL. */
static const struct ent_band *
next_band(const struct ent_band *b, size_t n, int pts)
{
    const struct ent_band *best = NULL;
    size_t i;

    for (i = 0; i < n; i++) {
        if (b[i].value > pts)
            best = &b[i];
    }
    return best;
}

static void
sme_step_staff(const struct ent_rules *r, const struct db_ent_year *y, const struct ent_sme *s,
               struct next_steps *st)
{
    long long staff = FIG(y, DB_FIG_STAFF), have = FIG(y, DB_FIG_ST_STAFF), more;
    const struct ent_band *b;
    char now[24], to[24];

    if (s->staff_pts < 0) {
        step_add(st, 500, "缺少职工总数或科技人员数");
        return;
    }
    b = next_band(r->band[ENT_R_SME_STAFF_BANDS], r->nband[ENT_R_SME_STAFF_BANDS], s->staff_pts);
    if (b == NULL)
        return;
    more = next_needed(staff, b->min) - have;
    ent_rules_pct_text(s->staff_bp, now, sizeof now);
    ent_rules_pct_text(b->min, to, sizeof to);
    step_add(st, s->staff_pts == 0 ? 1000 : b->value - s->staff_pts,
             "科技人员占比 %s，再增加 %lld 人可达 %s（+%lld 分%s）", now, more > 0 ? more : 1, to,
             b->value - s->staff_pts, s->staff_pts == 0 ? "，此项不能为 0 分" : "");
}

/* The R&D step under one option: the yuan more needed for its next band. */
static long long
sme_rd_option(const struct ent_band *bands, size_t nb, long long rd, long long den, int pts,
              const struct ent_band **to)
{
    *to = den > 0 && rd >= 0 ? next_band(bands, nb, pts) : NULL;
    return *to ? next_needed(den, (*to)->min) - rd : -1;
}

static void
sme_step_rd(const struct ent_rules *r, const struct db_ent_year *y, const struct ent_sme *s,
            struct next_steps *st)
{
    long long rd = FIG(y, DB_FIG_RD), a, b;
    int pts = s->rd_pts < 0 ? 0 : s->rd_pts;
    const struct ent_band *ta, *tb;
    char now[24], to[24], money[32];

    if (rd < 0 || (FIG(y, DB_FIG_SALES) <= 0 && FIG(y, DB_FIG_TOTAL_COST) <= 0)) {
        step_add(st, 400, "缺少研发费用或销售收入、成本费用数据");
        return;
    }
    a = sme_rd_option(r->band[ENT_R_SME_RD_SALES_BANDS], r->nband[ENT_R_SME_RD_SALES_BANDS], rd,
                      FIG(y, DB_FIG_SALES), pts, &ta);
    b = sme_rd_option(r->band[ENT_R_SME_RD_COST_BANDS], r->nband[ENT_R_SME_RD_COST_BANDS], rd,
                      FIG(y, DB_FIG_TOTAL_COST), pts, &tb);
    if (a >= 0 && (b < 0 || a <= b)) {
        ent_rules_pct_text(s->rd_sales_bp, now, sizeof now);
        ent_rules_pct_text(ta->min, to, sizeof to);
        step_add(st, ta->value - pts, "研发费用占销售收入 %s，再投入 %s 可达 %s（+%lld 分）", now,
                 ent_money_text(a > 0 ? a : 1, money, sizeof money), to, ta->value - pts);
    } else if (b >= 0) {
        ent_rules_pct_text(s->rd_cost_bp, now, sizeof now);
        ent_rules_pct_text(tb->min, to, sizeof to);
        step_add(st, tb->value - pts, "研发费用占成本费用总额 %s，再投入 %s 可达 %s（+%lld 分）",
                 now, ent_money_text(b > 0 ? b : 1, money, sizeof money), to, tb->value - pts);
    }
}

static void
sme_step_ip(const struct ent_rules *r, const struct db_ent_year *y, const struct ent_sme *s,
            struct next_steps *st)
{
    long long ip1 = FIG(y, DB_FIG_IP1), ip2 = FIG(y, DB_FIG_IP2), p1 = r->n[ENT_R_SME_IP1_POINTS];
    const struct ent_band *b;
    int pts = s->ip_pts < 0 ? 0 : s->ip_pts;
    size_t i;

    if (ip1 < 0 && ip2 < 0) {
        step_add(st, 300, "缺少知识产权数据");
        return;
    }
    if (ip1 > 0)
        return;
    if (p1 > pts)
        step_add(st, p1 - pts, "取得 1 项I类知识产权（如发明专利）可得 %lld 分（+%lld 分）", p1,
                 p1 - pts);
    for (b = NULL, i = 0; i < r->nband[ENT_R_SME_IP2_BANDS]; i++) {
        if (r->band[ENT_R_SME_IP2_BANDS][i].value > pts)
            b = &r->band[ENT_R_SME_IP2_BANDS][i];
    }
    if (b && ip2 >= 0)
        step_add(st, b->value - pts - 1,
                 "再取得 %lld 项II类知识产权（实用新型、软件著作权等）可得 %lld 分（+%lld 分）",
                 b->min - ip2, b->value, b->value - pts);
}

/* The size limit an enterprise exceeds, named for a clerk. */
static const char *
sme_too_big(const struct ent_rules *r, const struct db_ent_year *y)
{
    if (FIG(y, DB_FIG_INCIDENT) == 1)
        return "发生过重大安全、质量、环境事故";
    if (FIG(y, DB_FIG_STAFF) > r->n[ENT_R_SME_MAX_STAFF])
        return "职工总数超过科技型中小企业上限";
    if (FIG(y, DB_FIG_SALES) > r->n[ENT_R_SME_MAX_SALES])
        return "年销售收入超过科技型中小企业上限";
    return "资产总额超过科技型中小企业上限";
}

void
ent_next_sme(const struct ent_rules *r, const struct db_ent_year *y, const struct ent_facts *f,
             int year, struct ent_next *out)
{
    struct ent_sme s;
    struct next_steps st = {0};
    long long min = r->n[ENT_R_SME_MIN_SCORE];

    memset(out, 0, sizeof *out);
    ent_eval_sme(r, y, f, year, &s);
    out->state = s.eligible;
    if (s.size == ENT_NOT_MET) {
        out->distance = NEXT_FAR;
        snprintf(out->why[0], sizeof out->why[0], "%s，不能登记为科技型中小企业",
                 sme_too_big(r, y));
        out->nwhy = 1;
        return;
    }
    if (s.eligible == ENT_MET) {
        snprintf(out->why[0], sizeof out->why[0], "已符合条件（%d 分%s），可登记入库", s.total,
                 s.direct && s.score != ENT_MET ? "，可直接认定" : "");
        out->nwhy = 1;
        return;
    }
    out->distance = min - s.total > 0 ? min - s.total : 0;
    if (s.staff_pts == 0)
        out->distance += 1; /* full points elsewhere still leave the staff part to fix */
    /* A part that is not known ranks behind every enterprise whose figures say. */
    out->distance += 100 * ((s.staff_pts < 0) + (s.rd_pts < 0 && s.rd_option == 0) +
                            (FIG(y, DB_FIG_IP1) < 0 && FIG(y, DB_FIG_IP2) < 0));
    sme_step_staff(r, y, &s, &st);
    sme_step_rd(r, y, &s, &st);
    sme_step_ip(r, y, &s, &st);
    steps_take(&st, out);
}

/* Fills out from a list of conditions: distance counts those not met (x100)
 * and not known (x10); the reasons are the first two not met, then unknown. */
static void
next_from_conds(const struct ent_cond *c, size_t n, const char *const *names, int overall,
                struct ent_next *out)
{
    struct next_steps st = {0};
    size_t i;

    memset(out, 0, sizeof *out);
    out->state = overall;
    for (i = 0; i < n; i++) {
        if (c[i].state == ENT_NOT_MET) {
            out->distance += 100;
            step_add(&st, 100 - (long long)i, "%s%s%s", names ? names[i] : "", names ? "：" : "",
                     c[i].text);
        } else if (c[i].state == ENT_UNKNOWN) {
            out->distance += 10;
            step_add(&st, 50 - (long long)i, "%s%s%s", names ? names[i] : "", names ? "：" : "",
                     c[i].text);
        }
    }
    if (overall == ENT_MET) {
        snprintf(out->why[0], sizeof out->why[0], "各项条件均已符合，可申报");
        out->nwhy = 1;
        return;
    }
    steps_take(&st, out);
}

void
ent_next_ht(const struct ent_rules *r, const struct db_ent_year *const *years, size_t n,
            const struct ent_facts *f, const char *as_of, struct ent_next *out)
{
    struct ent_ht h;

    ent_eval_ht(r, years, n, f, as_of, &h);
    next_from_conds(h.c, ENT_HT_CONDS, ent_eval_ht_names, h.overall, out);
}

void
ent_next_bm(const struct ent_rules *r, const struct db_ent_year *const *years, size_t n,
            struct ent_next *out)
{
    struct ent_bm b;
    struct ent_next lead, growth;

    ent_eval_bm(r, years, n, &b);
    next_from_conds(b.lead, ENT_BM_LEAD, NULL, b.lead_overall, &lead);
    next_from_conds(b.growth, ENT_BM_GROWTH, NULL, b.growth_overall, &growth);
    *out = growth.distance <= lead.distance ? growth : lead;
    out->state = b.overall;
}
