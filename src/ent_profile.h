/*
 * ent_profile.h — everything an enterprise's page shows, gathered on one
 * day: its record, figures by year, tier history and current tier, the
 * tech-SME score, the high-tech and benchmark checklists, what it lacks
 * for the next tier, its service log and subsidies. Also the ranking of
 * enterprises by how close they are to their next tier.
 */
#ifndef TUWEI_ENT_PROFILE_H
#define TUWEI_ENT_PROFILE_H

#include <stddef.h>

#include "db/enterprise.h"
#include "src/ent_eval.h"
#include "src/ent_rules.h"

#define ENT_WINDOW 3

/* The evaluator that applies to a tier (by its code), for the next-tier gap. */
enum ent_tier_rule {
    ENT_RULE_NONE,
    ENT_RULE_SME,       /* code tech_sme */
    ENT_RULE_HIGH_TECH, /* code high_tech */
    ENT_RULE_BENCHMARK, /* code benchmark */
};

struct ent_profile {
    struct db_enterprise ent;
    struct db_ent_year *years; /* newest first */
    size_t nyears;
    struct db_tier *tiers; /* by rank */
    size_t ntiers;
    struct db_tier_event *events; /* oldest first */
    size_t nevents;
    struct db_ent_service *services;
    size_t nservices;
    struct db_ent_subsidy *subsidies;
    size_t nsubsidies;
    long long subsidy_total;
    char as_of[DB_DATE_LEN];
    int current;                                  /* index into tiers; -1 when there are none */
    char until[DB_DATE_LEN];                      /* last day of the current tier, "" open */
    int eval_year;                                /* the year of the figures evaluated; 0 none */
    const struct db_ent_year *window[ENT_WINDOW]; /* eval_year, the year before, … */
    struct ent_facts facts;
    struct ent_sme sme;
    struct ent_ht ht;
    struct ent_bm bm;
    int next;            /* index into tiers of the next tier, -1 none */
    struct ent_next gap; /* what it lacks for the next tier */
};

/* The evaluator of a tier code. */
enum ent_tier_rule ent_tier_rule_of(const char *code);

/* The figures of year, year-1, … into out[0..want) (NULL for a missing
 * year) from years (any order); returns how many slots were filled. */
size_t ent_profile_window(const struct db_ent_year *years, size_t n, int year,
                          const struct db_ent_year **out, size_t want);

/* The latest year of years not after max_year, or 0. */
int ent_profile_eval_year(const struct db_ent_year *years, size_t n, int max_year);

/* Loads the page of enterprise id on day as_of under rules r. */
int ent_profile_load(struct db *db, const struct ent_rules *r, const char *id, const char *as_of,
                     struct ent_profile *p, struct err *e);

void ent_profile_free(struct ent_profile *p);

/* One enterprise ranked by what it lacks for its next tier. */
struct ent_rank_item {
    char id[DB_ID_LEN];
    char *name;
    char from[64];
    int eval_year;
    struct ent_next gap;
};

/* The ranking towards one tier, closest first. */
struct ent_rank_group {
    char code[32], name[64];
    struct ent_rank_item *items;
    size_t n;
    long considered; /* enterprises one step below this tier */
};

/* Ranks the live enterprises (narrowed to township and field_id when not
 * NULL) by their distance to the next tier on day as_of, keeping the
 * closest limit of each group. Groups are by target tier, lowest first. */
int ent_rank_compute(struct db *db, const struct ent_rules *r, const char *as_of,
                     const char *township, const char *field_id, size_t limit,
                     struct ent_rank_group **out, size_t *n, struct err *e);
void ent_rank_free(struct ent_rank_group *g, size_t n);

#endif
