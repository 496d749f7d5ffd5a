/*
 * ent_funnel.h — the gradient as of a day: how many enterprises hold each
 * tier against the plan's targets, new R&D-investing enterprises, 三清零
 * of above-scale manufacturers, 双倍增 against a base year, and the
 * warnings (certificates about to lapse, registrations not yet renewed).
 * Thresholds and windows come from the configuration ([rules]).
 */
#ifndef TUWEI_ENT_FUNNEL_H
#define TUWEI_ENT_FUNNEL_H

#include <stddef.h>

#include "db/ent_list.h"
#include "src/config.h"

/* The day a view is taken on, with the warnings' windows worked out. */
struct ent_asof {
    struct db_ent_asof a; /* points into the buffers below */
    char date[DB_DATE_LEN], until[DB_DATE_LEN], deadline[DB_DATE_LEN];
    char prev_first[DB_DATE_LEN], prev_last[DB_DATE_LEN], year_first[DB_DATE_LEN];
    char ht_id[DB_ID_LEN], sme_id[DB_ID_LEN];
    char ht_name[64], sme_name[64];
};

/* Works out the day's windows from cfg (rules:cert_expiry_months,
 * rules:tech_sme_deadline, rules:tech_sme_warn_days). The certificate tier
 * is the one valid for some years, the registration tier the yearly one. */
int ent_asof_init(struct db *db, const struct config *cfg, const char *date, struct ent_asof *out,
                  struct err *e);

#define ENT_FUNNEL_TIERS 12
#define ENT_THREE_ZERO 3

struct ent_funnel_tier {
    char code[32], name[64];
    int rank;
    long count;  /* holding the tier on the day (the lowest tier: holding none above it) */
    long target; /* the plan's target, -1 when it sets none */
    long gap;    /* target - count when short, else 0 */
    long base;   /* holding it at the end of the 双倍增 base year */
};

struct ent_funnel {
    char as_of[DB_DATE_LEN];
    int year, plan_year; /* the day's year; the plan whose targets apply (0 none) */
    struct ent_funnel_tier tier[ENT_FUNNEL_TIERS];
    size_t ntiers; /* by rank, lowest first */
    long live;     /* enterprises in the register */
    int data_year; /* the figures' year used: the day's year, or the latest before it with data */
    long new_rd, new_rd_target; /* R&D > 0 in data_year, none the year before; target -1 none */
    int base_year;
    /* 三清零 of above-scale manufacturers, on the figures of data_year. */
    long tz_total, tz_cleared;
    char tz_item[ENT_THREE_ZERO][64];
    int tz_known[ENT_THREE_ZERO];    /* 0: the item names nothing the figures hold */
    long tz_lacking[ENT_THREE_ZERO]; /* firms that have not cleared this item */
    long tz_unknown[ENT_THREE_ZERO]; /* firms whose figures do not say */
    long expiring, unregistered;     /* warnings on the day */
    int expiry_months;
    char deadline[DB_DATE_LEN];
};

/* Computes the funnel on day as_of ('YYYY-MM-DD'). */
int ent_funnel_compute(struct db *db, const struct config *cfg, const char *as_of,
                       struct ent_funnel *out, struct err *e);

/* One above-scale manufacturer's 三清零: per item 1 has it, 0 lacks it, -1 unknown. */
struct ent_three_zero {
    const char *id, *name; /* borrowed for the call */
    int item[ENT_THREE_ZERO];
    int cleared; /* all three items held */
};

/* Calls fn for each above-scale manufacturer with its 三清零 on year's
 * figures; items names the configured items (filled, may be NULL). With fn
 * NULL only the items are filled. */
int ent_three_zero_each(struct db *db, const struct config *cfg, int year,
                        char items[ENT_THREE_ZERO][64],
                        void (*fn)(void *arg, const struct ent_three_zero *t), void *arg,
                        struct err *e);

#endif
