/*
 * test_ent_rules.c - the enterprise rules as pure functions: the credit
 * code check, dates, money, every tech-SME band edge, each high-tech
 * condition, the benchmark kinds, tiers derived around issue and expiry
 * dates, and the next-tier gaps.
 */
#include <criterion/criterion.h>
#include <string.h>

#include "src/credit_code.h"
#include "src/date.h"
#include "src/ent_eval.h"
#include "src/ent_fig.h"
#include "src/ent_money.h"
#include "src/ent_rules.h"
#include "src/ent_tier.h"

static struct ent_rules rules;

static void
setup(void)
{
    struct err e = {0};

    cr_assert_eq(ent_rules_defaults(&rules, &e), ERR_OK, "%s", e.msg);
}

TestSuite(ent_rules, .init = setup);

/* Figures with everything unknown. */
static struct db_ent_year
fig(int year)
{
    struct db_ent_year y;
    int i;

    memset(&y, 0, sizeof y);
    y.year = year;
    for (i = 0; i < DB_FIG_COUNT; i++)
        y.v[i] = DB_ENT_UNKNOWN;
    return y;
}

/* ---- credit code ---- */

Test(ent_rules, credit_codes_real_ones_pass)
{
    static const char *const good[] = {"91310000607272395Y", "9144030071526726XG",
                                       "914403001922038216", "91330100716105852F"};
    size_t i;

    for (i = 0; i < 4; i++)
        cr_expect_eq(credit_code_check(good[i], NULL), CREDIT_CODE_OK, "%s", good[i]);
}

Test(ent_rules, credit_codes_bad_ones_say_why)
{
    char expected = 0, msg[256];

    cr_expect_eq(credit_code_check("91310000607272395X", &expected), CREDIT_CODE_CHECK);
    cr_expect_eq(expected, 'Y');
    credit_code_explain(CREDIT_CODE_CHECK, "91310000607272395X", expected, msg, sizeof msg);
    cr_expect(strstr(msg, "“Y”") != NULL, "%s", msg);
    cr_expect_eq(credit_code_check("9131000060727239", NULL), CREDIT_CODE_LENGTH);
    cr_expect_eq(credit_code_check("91310000607272395I", NULL), CREDIT_CODE_CHAR); /* no I */
    cr_expect_eq(credit_code_check("91310000607272395O", NULL), CREDIT_CODE_CHAR);
    cr_expect_eq(credit_code_check("", NULL), CREDIT_CODE_EMPTY);
    /* One digit changed: the check catches it. */
    cr_expect_eq(credit_code_check("91310000607272396Y", NULL), CREDIT_CODE_CHECK);
}

Test(ent_rules, credit_code_normalised_from_what_clerks_type)
{
    char out[64];

    credit_code_normalize(" ９１３１００００６０７２７２３９５ｙ ", out, sizeof out);
    cr_expect_str_eq(out, "91310000607272395Y");
    credit_code_normalize("9131 0000-6072 7239 5y", out, sizeof out);
    cr_expect_str_eq(out, "91310000607272395Y");
    cr_expect_eq(credit_code_check(out, NULL), CREDIT_CODE_OK);
}

/* ---- dates and money ---- */

Test(ent_rules, dates)
{
    char out[11];

    cr_expect(date_valid("2024-02-29"));
    cr_expect_not(date_valid("2023-02-29"));
    cr_expect_not(date_valid("2023-13-01"));
    cr_expect_not(date_valid("2023-1-01"));
    date_add_months("2023-12-12", 36, out);
    cr_expect_str_eq(out, "2026-12-12");
    date_add_months("2024-02-29", 12, out);
    cr_expect_str_eq(out, "2025-02-28");
    date_add_days("2026-12-12", -1, out);
    cr_expect_str_eq(out, "2026-12-11");
    date_add_days("2025-01-01", -1, out);
    cr_expect_str_eq(out, "2024-12-31");
    cr_expect_eq(date_to_days("1970-01-01"), 0);
    cr_expect_eq(date_to_days("2000-03-01") - date_to_days("2000-02-28"), 2);
}

Test(ent_rules, money_in_yuan_wan_and_yi)
{
    long long v;
    char out[32];

    cr_expect_eq(ent_money_parse("300万", 1, &v), 0);
    cr_expect_eq(v, 3000000);
    cr_expect_eq(ent_money_parse("1.2亿元", 1, &v), 0);
    cr_expect_eq(v, 120000000);
    cr_expect_eq(ent_money_parse("12.3456", ENT_MONEY_WAN, &v), 0);
    cr_expect_eq(v, 123456);
    cr_expect_eq(ent_money_parse("1,234,567", 1, &v), 0);
    cr_expect_eq(v, 1234567);
    cr_expect_eq(ent_money_parse("-5", 1, &v), -1);
    cr_expect_eq(ent_money_parse("abc", 1, &v), -1);
    cr_expect_eq(ent_money_parse("5 美元", 1, &v), -1);
    cr_expect_str_eq(ent_money_text(1234567, out, sizeof out), "123.46万元");
    cr_expect_str_eq(ent_money_text(500000, out, sizeof out), "50万元");
    cr_expect_str_eq(ent_money_wan(123456, out, sizeof out), "12.3456");
    cr_expect_str_eq(ent_money_wan(100000, out, sizeof out), "10");
}

/* ---- tech-based SME score: each band's lower bound is inclusive ---- */

#define COST_HIGH 1000000000LL

/* The score of a firm with 100 staff, st S&T staff, R&D rd of sales 10,000,000. */
static struct ent_sme
sme(long long st, long long rd, long long cost, long long ip1, long long ip2)
{
    struct db_ent_year y = fig(2024);
    struct ent_sme s;

    y.v[DB_FIG_STAFF] = 100;
    y.v[DB_FIG_ST_STAFF] = st;
    y.v[DB_FIG_SALES] = 10000000;
    y.v[DB_FIG_TOTAL_COST] = cost;
    y.v[DB_FIG_TOTAL_ASSETS] = 5000000;
    y.v[DB_FIG_RD] = rd;
    y.v[DB_FIG_IP1] = ip1;
    y.v[DB_FIG_IP2] = ip2;
    y.v[DB_FIG_INCIDENT] = 0;
    ent_eval_sme(&rules, &y, NULL, 2024, &s);
    return s;
}

Test(ent_rules, sme_staff_band_edges)
{
    static const struct {
        long long st;
        int pts;
    } t[] = {{30, 20}, {29, 16}, {25, 16}, {24, 12}, {20, 12}, {19, 8},
             {15, 8},  {14, 4},  {10, 4},  {9, 0},   {0, 0}};
    size_t i;

    for (i = 0; i < sizeof t / sizeof t[0]; i++)
        cr_expect_eq(sme(t[i].st, 0, COST_HIGH, 0, 0).staff_pts, t[i].pts, "st=%lld", t[i].st);
}

Test(ent_rules, sme_rd_of_sales_band_edges)
{
    /* Sales are 10,000,000 yuan; the cost is so high that option B gives nothing. */
    static const struct {
        long long rd;
        int pts;
    } t[] = {{600000, 50}, {599999, 40}, {500000, 40}, {499999, 30}, {400000, 30},
             {399999, 20}, {300000, 20}, {299999, 10}, {200000, 10}, {199999, 0}};
    size_t i;

    for (i = 0; i < sizeof t / sizeof t[0]; i++)
        cr_expect_eq(sme(30, t[i].rd, COST_HIGH, 0, 0).rd_pts, t[i].pts, "rd=%lld", t[i].rd);
}

Test(ent_rules, sme_rd_of_cost_band_edges_and_the_better_option)
{
    /* R&D 1,000,000 is 10% of sales (50 points by A); vary cost for option B. */
    static const struct {
        long long rd, cost;
        int pts;
        char opt;
    } t[] = {{150000, 500000, 50, 'B'},  /* 30% of cost */
             {150000, 600000, 40, 'B'},  /* 25% */
             {150000, 750000, 30, 'B'},  /* 20% */
             {150000, 1000000, 20, 'B'}, /* 15% */
             {150000, 1500000, 10, 'B'}, /* 10%; A gives 1.5% = 0 */
             {150000, 1500001, 0, 'A'},  /* 9.99%: both 0 */
             {1000000, 100000000, 50, 'A'}};
    size_t i;
    struct ent_sme s;

    for (i = 0; i < sizeof t / sizeof t[0]; i++) {
        s = sme(30, t[i].rd, t[i].cost, 0, 0);
        cr_expect_eq(s.rd_pts, t[i].pts, "rd=%lld cost=%lld", t[i].rd, t[i].cost);
        cr_expect_eq(s.rd_option, t[i].opt, "rd=%lld cost=%lld", t[i].rd, t[i].cost);
    }
}

Test(ent_rules, sme_ip_bands)
{
    cr_expect_eq(sme(30, 0, COST_HIGH, 1, 0).ip_pts, 30);
    cr_expect_eq(sme(30, 0, COST_HIGH, 0, 4).ip_pts, 24);
    cr_expect_eq(sme(30, 0, COST_HIGH, 0, 9).ip_pts, 24);
    cr_expect_eq(sme(30, 0, COST_HIGH, 0, 3).ip_pts, 18);
    cr_expect_eq(sme(30, 0, COST_HIGH, 0, 2).ip_pts, 12);
    cr_expect_eq(sme(30, 0, COST_HIGH, 0, 1).ip_pts, 6);
    cr_expect_eq(sme(30, 0, COST_HIGH, 0, 0).ip_pts, 0);
}

Test(ent_rules, sme_eligible_at_60_not_59_and_never_with_zero_staff_points)
{
    struct ent_sme s;

    /* 20 (staff 30%) + 10 (R&D 2%) + 30 (class I) = 60: eligible. */
    s = sme(30, 200000, COST_HIGH, 1, 0);
    cr_expect_eq(s.total, 60);
    cr_expect_eq(s.eligible, ENT_MET);
    /* 16 + 10 + 30 = 56: not. */
    s = sme(29, 200000, COST_HIGH, 1, 0);
    cr_expect_eq(s.total, 56);
    cr_expect_eq(s.eligible, ENT_NOT_MET);
    /* With the total cost unknown, option B might still lift it: not known yet. */
    s = sme(29, 200000, DB_ENT_UNKNOWN, 1, 0);
    cr_expect_eq(s.eligible, ENT_UNKNOWN);
    /* 0 (staff 9%) + 50 + 30 = 80, but the staff part may not be 0. */
    s = sme(9, 600000, COST_HIGH, 1, 0);
    cr_expect_eq(s.total, 80);
    cr_expect_eq(s.score, ENT_NOT_MET);
    cr_expect_eq(s.eligible, ENT_NOT_MET);
}

Test(ent_rules, sme_size_limits_and_unknowns)
{
    struct db_ent_year y = fig(2024);
    struct ent_sme s;

    y.v[DB_FIG_STAFF] = 500;
    y.v[DB_FIG_ST_STAFF] = 150;
    y.v[DB_FIG_SALES] = 200000000;
    y.v[DB_FIG_TOTAL_ASSETS] = 200000000;
    y.v[DB_FIG_RD] = 12000000;
    y.v[DB_FIG_IP1] = 1;
    ent_eval_sme(&rules, &y, NULL, 2024, &s);
    cr_expect_eq(s.size, ENT_MET, "500 staff and 2亿 are within the limits");
    cr_expect_eq(s.eligible, ENT_MET);
    y.v[DB_FIG_STAFF] = 501;
    ent_eval_sme(&rules, &y, NULL, 2024, &s);
    cr_expect_eq(s.eligible, ENT_NOT_MET);
    y.v[DB_FIG_STAFF] = 500;
    y.v[DB_FIG_TOTAL_ASSETS] = DB_ENT_UNKNOWN;
    ent_eval_sme(&rules, &y, NULL, 2024, &s);
    cr_expect_eq(s.eligible, ENT_UNKNOWN);
}

Test(ent_rules, sme_direct_routes)
{
    struct db_ent_year y = fig(2024);
    struct ent_facts f = {0};
    struct ent_sme s;

    y.v[DB_FIG_STAFF] = 50;
    y.v[DB_FIG_ST_STAFF] = 2; /* 4%: 0 points */
    y.v[DB_FIG_SALES] = 10000000;
    y.v[DB_FIG_TOTAL_ASSETS] = 10000000;
    y.v[DB_FIG_RD] = 0;
    y.v[DB_FIG_IP1] = 0;
    y.v[DB_FIG_IP2] = 0;
    y.v[DB_FIG_RD_INST] = 0;
    ent_eval_sme(&rules, &y, &f, 2024, &s);
    cr_expect_eq(s.eligible, ENT_NOT_MET);
    f.holds_high_tech = 1;
    ent_eval_sme(&rules, &y, &f, 2024, &s);
    cr_expect_eq(s.direct, ENT_DIRECT_HIGH_TECH);
    cr_expect_eq(s.eligible, ENT_MET);
    f.holds_high_tech = 0;
    f.award_year = 2019; /* five years back from 2024 still counts */
    ent_eval_sme(&rules, &y, &f, 2024, &s);
    cr_expect_eq(s.eligible, ENT_MET);
    f.award_year = 2018;
    ent_eval_sme(&rules, &y, &f, 2024, &s);
    cr_expect_eq(s.eligible, ENT_NOT_MET);
    y.v[DB_FIG_RD_INST] = 2;
    ent_eval_sme(&rules, &y, &f, 2024, &s);
    cr_expect_eq(s.direct, ENT_DIRECT_INSTITUTION);
}

Test(ent_rules, thresholds_are_data)
{
    struct err e = {0};
    struct ent_sme s;

    cr_assert_eq(ent_rules_set(&rules, "sme.min_score", "56", &e), ERR_OK, "%s", e.msg);
    s = sme(29, 200000, COST_HIGH, 1, 0); /* 56 points */
    cr_expect_eq(s.eligible, ENT_MET);
    cr_expect_eq(ent_rules_set(&rules, "sme.staff_bands", "10:20 30:4", &e), ERR_INVALID);
    cr_expect_str_eq(e.field, "sme.staff_bands");
    cr_expect_eq(ent_rules_set(&rules, "no.such", "1", &e), ERR_INVALID);
    cr_expect_eq(ent_rules_set(&rules, "ht.rd_bands", "200000000:4 50000000:5 *:3", &e),
                 ERR_INVALID);
}

/* ---- high-tech conditions ---- */

struct ht_case {
    struct db_ent_year y[3];
    const struct db_ent_year *w[3];
    struct ent_facts f;
};

/* A firm that meets all eight conditions on 2025-06-01 with 2024's figures. */
static void
ht_good(struct ht_case *c)
{
    int i;

    memset(c, 0, sizeof *c);
    for (i = 0; i < 3; i++) {
        c->y[i] = fig(2024 - i);
        c->y[i].v[DB_FIG_STAFF] = 200;
        c->y[i].v[DB_FIG_ST_STAFF] = 20;         /* 10% */
        c->y[i].v[DB_FIG_SALES] = 50000000;      /* 5000万: needs 5% */
        c->y[i].v[DB_FIG_RD] = 2500000;          /* 5% */
        c->y[i].v[DB_FIG_RD_DOMESTIC] = 1500000; /* 60% */
        c->y[i].v[DB_FIG_HT_REVENUE] = 30000000; /* 60% */
        c->y[i].v[DB_FIG_IP1] = 1;
        c->y[i].v[DB_FIG_IP2] = 0;
        c->y[i].v[DB_FIG_INNOVATION] = 71;
        c->y[i].v[DB_FIG_INCIDENT] = 0;
        c->w[i] = &c->y[i];
    }
    c->f.established = "2020-06-01";
    c->f.ht_domain = "新材料";
}

static struct ent_ht
ht(struct ht_case *c, const char *as_of)
{
    struct ent_ht h;

    ent_eval_ht(&rules, c->w, 3, &c->f, as_of, &h);
    return h;
}

Test(ent_rules, ht_all_eight_met_on_the_edges)
{
    struct ht_case c;
    struct ent_ht h;
    int i;

    ht_good(&c);
    h = ht(&c, "2025-06-01");
    for (i = 0; i < ENT_HT_CONDS; i++)
        cr_expect_eq(h.c[i].state, ENT_MET, "%d %s: %s", i + 1, ent_eval_ht_names[i], h.c[i].text);
    cr_expect_eq(h.overall, ENT_MET);
}

Test(ent_rules, ht_each_condition_fails_alone)
{
    struct ht_case c;
    struct ent_ht h;

    ht_good(&c);
    c.f.established = "2024-06-01";
    cr_expect_eq(ht(&c, "2025-05-31").c[0].state, ENT_NOT_MET, "one day short of a year");
    cr_expect_eq(ht(&c, "2025-06-01").c[0].state, ENT_MET, "a year to the day");
    ht_good(&c);
    c.y[0].v[DB_FIG_IP1] = 0;
    cr_expect_eq(ht(&c, "2025-06-01").c[1].state, ENT_NOT_MET);
    ht_good(&c);
    c.f.ht_domain = "不属于";
    cr_expect_eq(ht(&c, "2025-06-01").c[2].state, ENT_NOT_MET);
    ht_good(&c);
    c.y[0].v[DB_FIG_ST_STAFF] = 19;
    cr_expect_eq(ht(&c, "2025-06-01").c[3].state, ENT_NOT_MET);
    ht_good(&c);
    c.y[2].v[DB_FIG_RD] = 2499999; /* three-year share just under 5% */
    cr_expect_eq(ht(&c, "2025-06-01").c[4].state, ENT_NOT_MET);
    ht_good(&c);
    c.y[1].v[DB_FIG_RD_DOMESTIC] = 1499999; /* domestic just under 60% */
    cr_expect_eq(ht(&c, "2025-06-01").c[4].state, ENT_NOT_MET);
    ht_good(&c);
    c.y[0].v[DB_FIG_HT_REVENUE] = 29999999;
    cr_expect_eq(ht(&c, "2025-06-01").c[5].state, ENT_NOT_MET);
    ht_good(&c);
    c.y[0].v[DB_FIG_INNOVATION] = 70; /* must be above 70 */
    cr_expect_eq(ht(&c, "2025-06-01").c[6].state, ENT_NOT_MET);
    ht_good(&c);
    c.y[0].v[DB_FIG_INCIDENT] = 1;
    h = ht(&c, "2025-06-01");
    cr_expect_eq(h.c[7].state, ENT_NOT_MET);
    cr_expect_eq(h.overall, ENT_NOT_MET);
}

Test(ent_rules, ht_rd_share_follows_the_sales_band)
{
    struct ht_case c;
    int i;

    ht_good(&c);
    for (i = 0; i < 3; i++) {
        c.y[i].v[DB_FIG_SALES] = 50000001; /* above 5000万: 4% is enough */
        c.y[i].v[DB_FIG_RD] = 2000001;
        c.y[i].v[DB_FIG_RD_DOMESTIC] = 2000001;
        c.y[i].v[DB_FIG_HT_REVENUE] = 40000000;
    }
    cr_expect_eq(ht(&c, "2025-06-01").c[4].state, ENT_MET, "%s", ht(&c, "2025-06-01").c[4].text);
    for (i = 0; i < 3; i++) {
        c.y[i].v[DB_FIG_SALES] = 300000000; /* above 2亿: 3% */
        c.y[i].v[DB_FIG_RD] = 9000000;
        c.y[i].v[DB_FIG_RD_DOMESTIC] = 9000000;
        c.y[i].v[DB_FIG_HT_REVENUE] = 200000000;
    }
    cr_expect_eq(ht(&c, "2025-06-01").c[4].state, ENT_MET);
    c.y[0].v[DB_FIG_RD] = 8999999;
    cr_expect_eq(ht(&c, "2025-06-01").c[4].state, ENT_NOT_MET);
}

Test(ent_rules, ht_unknown_when_figures_are_missing_but_young_firms_use_their_years)
{
    struct ht_case c;

    ht_good(&c);
    c.w[2] = NULL; /* 2022 missing */
    c.f.established = "2019-01-01";
    cr_expect_eq(ht(&c, "2025-06-01").c[4].state, ENT_UNKNOWN);
    c.f.established = "2023-01-01"; /* founded in 2023: two years are all there are */
    cr_expect_eq(ht(&c, "2025-06-01").c[4].state, ENT_MET, "%s", ht(&c, "2025-06-01").c[4].text);
    ht_good(&c);
    c.y[0].v[DB_FIG_INNOVATION] = DB_ENT_UNKNOWN;
    cr_expect_eq(ht(&c, "2025-06-01").c[6].state, ENT_UNKNOWN);
    cr_expect_eq(ht(&c, "2025-06-01").overall, ENT_UNKNOWN);
}

/* ---- benchmark ---- */

Test(ent_rules, benchmark_leading_and_growth)
{
    struct db_ent_year y[3];
    const struct db_ent_year *w[3];
    struct ent_bm b;
    int i;

    for (i = 0; i < 3; i++) {
        y[i] = fig(2024 - i);
        y[i].v[DB_FIG_SALES] = 500000000;
        y[i].v[DB_FIG_RD] = 20000000; /* 4% */
        y[i].v[DB_FIG_IP1] = 30;
        y[i].v[DB_FIG_RD_INST] = 2;
        y[i].v[DB_FIG_INCIDENT] = 0;
        w[i] = &y[i];
    }
    ent_eval_bm(&rules, w, 3, &b);
    cr_expect_eq(b.lead_overall, ENT_MET);
    cr_expect_eq(b.growth_overall, ENT_NOT_MET, "4% is short of growth's 6%");
    cr_expect_eq(b.overall, ENT_MET);
    y[0].v[DB_FIG_SALES] = 499999999;
    ent_eval_bm(&rules, w, 3, &b);
    cr_expect_eq(b.lead_overall, ENT_NOT_MET);
    for (i = 0; i < 3; i++)
        y[i].v[DB_FIG_RD] = 30000000; /* 6% */
    y[0].v[DB_FIG_IP1] = 10;
    ent_eval_bm(&rules, w, 3, &b);
    cr_expect_eq(b.growth_overall, ENT_MET);
    cr_expect_eq(b.overall, ENT_MET);
}

/* ---- tiers derived from events ---- */

static struct db_tier tiers[3];
static char sme_pattern[] = "^[0-9]{4}[0-9]{6}[A-Z][0-9]{7}$";
static char ht_pattern[] = "^GR[0-9]{4}[0-9]{2}[0-9]{6}$";

static void
tiers_init(void)
{
    memset(tiers, 0, sizeof tiers);
    strcpy(tiers[0].id, "t0");
    strcpy(tiers[0].code, "candidate");
    strcpy(tiers[0].name, "培育对象");
    strcpy(tiers[0].validity, "none");
    strcpy(tiers[1].id, "t1");
    strcpy(tiers[1].code, "tech_sme");
    strcpy(tiers[1].name, "科技型中小企业");
    strcpy(tiers[1].validity, "calendar_year");
    tiers[1].rank = 1;
    tiers[1].number_pattern = sme_pattern;
    strcpy(tiers[2].id, "t2");
    strcpy(tiers[2].code, "high_tech");
    strcpy(tiers[2].name, "高新技术企业");
    strcpy(tiers[2].validity, "years");
    tiers[2].validity_years = 3;
    tiers[2].rank = 2;
    tiers[2].number_pattern = ht_pattern;
}

static struct db_tier_event
event(const char *tier, const char *kind, const char *date, const char *from, const char *to)
{
    struct db_tier_event v;

    memset(&v, 0, sizeof v);
    strcpy(v.tier_id, tier);
    strcpy(v.kind, kind);
    strcpy(v.event_date, date);
    strcpy(v.valid_from, from);
    strcpy(v.valid_to, to);
    return v;
}

Test(ent_rules, certificate_validity_and_the_lapse)
{
    char from[11], to[11];
    struct db_tier_event ev[1];

    tiers_init();
    ent_tier_validity(&tiers[2], "2023-12-12", "GR202315000123", from, to);
    cr_expect_str_eq(from, "2023-12-12");
    cr_expect_str_eq(to, "2026-12-11");
    ev[0] = event("t2", "enter", "2023-12-12", from, to);
    cr_expect_eq(ent_tier_current(tiers, 3, ev, 1, "2023-12-11"), 0, "the day before issue");
    cr_expect_eq(ent_tier_current(tiers, 3, ev, 1, "2023-12-12"), 2, "the day of issue");
    cr_expect_eq(ent_tier_current(tiers, 3, ev, 1, "2026-12-11"), 2, "the last valid day");
    cr_expect_eq(ent_tier_current(tiers, 3, ev, 1, "2026-12-12"), 0, "lapsed: back with no edit");
}

Test(ent_rules, yearly_registration_lasts_its_year)
{
    char from[11], to[11];
    struct db_tier_event ev[2];

    tiers_init();
    ent_tier_validity(&tiers[1], "2024-05-20", "2024150621A0000123", from, to);
    cr_expect_str_eq(to, "2024-12-31");
    ev[0] = event("t1", "enter", "2024-05-20", from, to);
    cr_expect_eq(ent_tier_current(tiers, 3, ev, 1, "2024-12-31"), 1);
    cr_expect_eq(ent_tier_current(tiers, 3, ev, 1, "2025-01-01"), 0);
    /* Re-registered in 2025 plus a high-tech certificate: the higher tier shows. */
    ev[1] = event("t2", "enter", "2025-03-01", "2025-03-01", "2028-02-28");
    cr_expect_eq(ent_tier_current(tiers, 3, ev, 2, "2025-06-01"), 2);
    cr_expect(ent_tier_holds(ev, 2, "t1", "2025-06-01", NULL) == 0);
}

Test(ent_rules, a_drop_ends_the_tier_from_its_date)
{
    struct db_tier_event ev[3];
    char until[11];

    tiers_init();
    ev[0] = event("t2", "enter", "2023-12-12", "2023-12-12", "2026-12-11");
    ev[1] = event("t2", "drop", "2025-04-01", "", "");
    cr_expect(ent_tier_holds(ev, 2, "t2", "2025-03-31", until));
    cr_expect_str_eq(until, "2026-12-11");
    cr_expect_not(ent_tier_holds(ev, 2, "t2", "2025-04-01", NULL));
    /* Certified again later: holds again from the new issue date. */
    ev[2] = event("t2", "enter", "2025-11-20", "2025-11-20", "2028-11-19");
    cr_expect_not(ent_tier_holds(ev, 3, "t2", "2025-11-19", NULL));
    cr_expect(ent_tier_holds(ev, 3, "t2", "2025-11-20", NULL));
}

Test(ent_rules, number_formats_warn_not_refuse)
{
    char w[256];

    tiers_init();
    cr_expect_eq(
        ent_tier_number_warning(&tiers[1], "2025150621A0000123", "2025-03-01", w, sizeof w), 0);
    cr_expect_eq(ent_tier_number_warning(&tiers[2], "GR202515000123", "2025-12-01", w, sizeof w),
                 0);
    cr_expect_eq(ent_tier_number_warning(&tiers[2], "GR20251500012", "2025-12-01", w, sizeof w), 1);
    cr_expect(strstr(w, "格式") != NULL, "%s", w);
    cr_expect_eq(ent_tier_number_warning(&tiers[2], "GR202315000123", "2025-12-01", w, sizeof w),
                 1);
    cr_expect(strstr(w, "2023") != NULL, "%s", w);
}

/* ---- next tier ---- */

Test(ent_rules, next_tier_names_the_figures_that_hold_back)
{
    struct db_ent_year y = fig(2024);
    struct ent_next n;

    y.v[DB_FIG_STAFF] = 100;
    y.v[DB_FIG_ST_STAFF] = 12; /* 12%: 4 points; 15% would give 8 */
    y.v[DB_FIG_SALES] = 10000000;
    y.v[DB_FIG_TOTAL_COST] = 9000000;
    y.v[DB_FIG_TOTAL_ASSETS] = 9000000;
    y.v[DB_FIG_RD] = 250000; /* 2.5% of sales: 10 points */
    y.v[DB_FIG_IP1] = 0;
    y.v[DB_FIG_IP2] = 1; /* 6 points */
    ent_next_sme(&rules, &y, NULL, 2024, &n);
    cr_expect_eq(n.state, ENT_NOT_MET);
    cr_expect_eq(n.distance, 40, "60 - (4 + 10 + 6)");
    cr_expect_eq(n.nwhy, 2);
    cr_expect(strstr(n.why[0], "I类知识产权") != NULL, "%s", n.why[0]);
    cr_expect(strstr(n.why[1], "研发") != NULL, "%s", n.why[1]);
    y.v[DB_FIG_IP1] = 1;
    y.v[DB_FIG_ST_STAFF] = 30;
    y.v[DB_FIG_RD] = 300000;
    ent_next_sme(&rules, &y, NULL, 2024, &n);
    cr_expect_eq(n.state, ENT_MET, "%s", n.why[0]);
    cr_expect_eq(n.distance, 0);
}

Test(ent_rules, figures_read_as_offices_write_them)
{
    long long v;
    char out[32];

    cr_expect_eq(ent_fig_parse(DB_FIG_RD_INST, "省级及以上", 1, &v), 0);
    cr_expect_eq(v, 2);
    cr_expect_eq(ent_fig_parse(DB_FIG_STAFF, "120人", 1, &v), 0);
    cr_expect_eq(v, 120);
    cr_expect_eq(ent_fig_parse(DB_FIG_STAFF, "12.0", 1, &v), 0);
    cr_expect_eq(v, 12);
    cr_expect_eq(ent_fig_parse(DB_FIG_STAFF, "十二", 1, &v), -1);
    cr_expect_eq(ent_fig_parse(DB_FIG_SALES, "", 1, &v), 0);
    cr_expect_eq(v, DB_ENT_UNKNOWN);
    cr_expect_eq(ent_fig_by_header("研发费用"), DB_FIG_RD);
    cr_expect_eq(ent_fig_by_header("职工总数"), DB_FIG_STAFF);
    cr_expect_str_eq(ent_fig_text(DB_FIG_SALES, 50000000, out, sizeof out), "5000万元");
}
