/*
 * ent_eval.h — the tier rules as pure functions of an enterprise's
 * figures and facts: the tech-SME score with its breakdown, eligibility
 * and direct routes; the eight high-tech conditions; the benchmark
 * conditions; and what stands between an enterprise and its next tier.
 * Thresholds come from struct ent_rules; "today" is always a parameter.
 */
#ifndef TUWEI_ENT_EVAL_H
#define TUWEI_ENT_EVAL_H

#include <stddef.h>

#include "db/enterprise.h"
#include "src/ent_rules.h"

enum ent_state {
    ENT_NOT_MET = 0,
    ENT_MET = 1,
    ENT_UNKNOWN = 2, /* a figure it needs is not known */
};

/* The facts about an enterprise that are not yearly figures. */
struct ent_facts {
    const char *established; /* YYYY-MM-DD or NULL */
    const char *ht_domain;   /* one of ent_eval_ht_domains, "不属于", or NULL */
    int award_year;          /* national S&T award (top 3 unit); 0 none */
    int standard_year;       /* led an international/national/industry standard; 0 none */
    int holds_high_tech;     /* a valid high-tech certificate on the day evaluated */
};

/* The direct routes to tech-SME status (bits of struct ent_sme.direct). */
enum {
    ENT_DIRECT_HIGH_TECH = 1,
    ENT_DIRECT_AWARD = 2,
    ENT_DIRECT_INSTITUTION = 4,
    ENT_DIRECT_STANDARD = 8,
};

struct ent_sme {
    int staff_pts, rd_pts, ip_pts; /* -1 when not known */
    char rd_option;                /* 'A' (sales) or 'B' (total cost) counted; 0 unknown */
    long long staff_bp, rd_sales_bp, rd_cost_bp; /* ratios, -1 unknown */
    int total;                                   /* sum of the known parts */
    int total_max;   /* what the total could reach if the unknown parts were full */
    int size;        /* enum ent_state: staff, sales, assets within the limits, no incident */
    int score;       /* total >= minimum and the S&T-staff part not 0 */
    unsigned direct; /* ENT_DIRECT_* routes met */
    int eligible;    /* size and (score or a direct route) */
};

/* One condition's verdict with a sentence saying why. */
struct ent_cond {
    int state;
    char text[224];
};

#define ENT_HT_CONDS 8

struct ent_ht {
    struct ent_cond c[ENT_HT_CONDS];
    int overall;
};

#define ENT_BM_LEAD 5
#define ENT_BM_GROWTH 4

struct ent_bm {
    struct ent_cond lead[ENT_BM_LEAD];
    struct ent_cond growth[ENT_BM_GROWTH];
    int lead_overall, growth_overall, overall;
};

/* What an enterprise lacks for the next tier. */
struct ent_next {
    int state;          /* ENT_MET: qualifies already */
    long long distance; /* smaller is closer; comparable within one target tier */
    int nwhy;
    char why[2][224];
};

/* The eight state-supported high-tech fields (NULL-terminated). */
extern const char *const ent_eval_ht_domains[];

/* The short names of the eight high-tech conditions. */
extern const char *const ent_eval_ht_names[ENT_HT_CONDS];

/* The state's word: 符合 / 不符合 / 待补充数据. */
const char *ent_state_word(int state);

/* Scores figures y (the evaluation year's) against the tech-SME rules;
 * year is the year evaluated (for the five-year look-back of direct routes). */
void ent_eval_sme(const struct ent_rules *r, const struct db_ent_year *y, const struct ent_facts *f,
                  int year, struct ent_sme *out);

/* The eight high-tech conditions on day as_of. years[0] is the evaluation
 * year's figures, years[1] the year before, …; n of them (missing years NULL). */
void ent_eval_ht(const struct ent_rules *r, const struct db_ent_year *const *years, size_t n,
                 const struct ent_facts *f, const char *as_of, struct ent_ht *out);

/* The benchmark conditions (leading and growth kinds), years as above. */
void ent_eval_bm(const struct ent_rules *r, const struct db_ent_year *const *years, size_t n,
                 struct ent_bm *out);

/* What a candidate lacks to be a tech SME: the one or two figures that
 * hold it back, and how far (points short). */
void ent_next_sme(const struct ent_rules *r, const struct db_ent_year *y, const struct ent_facts *f,
                  int year, struct ent_next *out);

/* What a tech SME lacks to be high-tech (distance: conditions not met). */
void ent_next_ht(const struct ent_rules *r, const struct db_ent_year *const *years, size_t n,
                 const struct ent_facts *f, const char *as_of, struct ent_next *out);

/* What a high-tech enterprise lacks to be a benchmark (the closer kind). */
void ent_next_bm(const struct ent_rules *r, const struct db_ent_year *const *years, size_t n,
                 struct ent_next *out);

#endif
