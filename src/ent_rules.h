/*
 * ent_rules.h — the thresholds of the tier rules as data.
 *
 * The shipped values are assets/ref/ent_rules.csv (national rules for
 * tech-based SMEs and high-tech enterprises, the region's benchmark rules;
 * see POLICY.md); an office may override any of them in its database
 * (table ent_rule), so next year's changes are edits, not code. Ratios are
 * held in basis points (1/100 of a percent), money in yuan.
 */
#ifndef TUWEI_ENT_RULES_H
#define TUWEI_ENT_RULES_H

#include <stddef.h>

#include "db/db.h"
#include "src/err.h"

#define ENT_RULES_BANDS 8
#define ENT_RULES_TEXT 160

enum ent_rule {
    ENT_R_SME_MAX_STAFF,
    ENT_R_SME_MAX_SALES,
    ENT_R_SME_MAX_ASSETS,
    ENT_R_SME_MIN_SCORE,
    ENT_R_SME_STAFF_BANDS, /* ratio bands: min basis points -> points */
    ENT_R_SME_RD_SALES_BANDS,
    ENT_R_SME_RD_COST_BANDS,
    ENT_R_SME_IP1_POINTS,
    ENT_R_SME_IP2_BANDS, /* count bands: min count -> points */
    ENT_R_SME_DIRECT_YEARS,
    ENT_R_HT_MIN_AGE_MONTHS,
    ENT_R_HT_ST_STAFF, /* basis points */
    ENT_R_HT_RD_BANDS, /* sales bands: max sales (yuan, -1 none) -> min basis points */
    ENT_R_HT_RD_DOMESTIC,
    ENT_R_HT_REVENUE,
    ENT_R_HT_INNOVATION_ABOVE,
    ENT_R_HT_RD_YEARS,
    ENT_R_BM_LEAD_SALES,
    ENT_R_BM_LEAD_RD,
    ENT_R_BM_LEAD_IP1,
    ENT_R_BM_GROWTH_RD,
    ENT_R_BM_GROWTH_IP1,
    ENT_R_BM_YEARS,
    ENT_R_COUNT,
};

/* One band: ratio or count bands sorted by min descending; sales bands
 * sorted by max ascending with the open-ended one (min -1) last. */
struct ent_band {
    long long min;
    long long value;
};

struct ent_rules {
    long long n[ENT_R_COUNT]; /* a single number (ratios in basis points) */
    struct ent_band band[ENT_R_COUNT][ENT_RULES_BANDS];
    size_t nband[ENT_R_COUNT];
    char text[ENT_R_COUNT][ENT_RULES_TEXT]; /* the value as written */
    int overridden[ENT_R_COUNT];            /* 1 when the database overrides it */
};

/* The key ("sme.max_staff") and the shipped description of rule i. */
const char *ent_rules_key(enum ent_rule i);
const char *ent_rules_note(enum ent_rule i);

/* Fills r with the shipped values. ERR_INVALID if the shipped file is bad. */
int ent_rules_defaults(struct ent_rules *r, struct err *e);

/* Sets the rule named key from text; ERR_INVALID (field = key) when the
 * key is unknown or the value does not read. */
int ent_rules_set(struct ent_rules *r, const char *key, const char *value, struct err *e);

/* The shipped values overlaid with the database's overrides. An override
 * that no longer reads is skipped (the shipped value holds). */
int ent_rules_load(struct db *db, struct ent_rules *r, struct err *e);

/* Stores an override of key in the database as user, after checking it;
 * value NULL or "" returns the rule to its shipped value. */
int ent_rules_save(struct db *db, const char *user, const char *key, const char *value,
                   struct err *e);

/* Parses a percentage ("6", "2.5", "0.25%") into basis points; -1 if bad. */
long long ent_rules_percent(const char *s);

/* Writes basis points as a percentage ("2.5%") into out. */
const char *ent_rules_pct_text(long long bp, char *out, size_t n);

#endif
