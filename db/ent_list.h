/*
 * ent_list.h — the enterprise list as screens and reports page through it
 * (count + one page at a time, never every row), the tier counts of the
 * funnel and the sets behind the warnings. Tiers are derived on the day
 * given, from the tier events (see src/ent_tier.h for the rule).
 */
#ifndef TUWEI_DB_ENT_LIST_H
#define TUWEI_DB_ENT_LIST_H

#include <stddef.h>

#include "db/db.h"
#include "db/enterprise.h"

/* The day everything is seen from, and what the warnings watch. */
struct db_ent_asof {
    const char *date;                   /* YYYY-MM-DD */
    const char *ht_tier_id;             /* the certificate tier whose expiry warns; NULL none */
    const char *expiry_last;            /* last day of the expiry window (date + months) */
    const char *sme_tier_id;            /* the yearly registration tier; NULL none */
    int sme_warn;                       /* 1 when the registration deadline is near or past */
    const char *prev_first, *prev_last; /* last year's first and last day */
    const char *year_first;             /* this year's first day */
};

/* The warning bits of a row. */
enum {
    DB_ENT_WARN_EXPIRING = 1,     /* certificate expires within the window, not renewed */
    DB_ENT_WARN_UNREGISTERED = 2, /* registered last year, not yet this year */
};

enum db_ent_sort {
    DB_ENT_SORT_NAME,
    DB_ENT_SORT_TOWNSHIP,
    DB_ENT_SORT_FIELD,
    DB_ENT_SORT_CODE,
    DB_ENT_SORT_UPDATED,
    DB_ENT_SORT_COUNT,
};

struct db_ent_filter {
    const struct db_ent_asof *asof;
    const char *tier_id;  /* enterprises holding this tier; NULL any */
    int candidate;        /* 1: holding no tier ranked above 0 */
    const char *township; /* exact; NULL any */
    const char *field_id; /* NULL any */
    int above_scale;      /* -1 any, 0 or 1 */
    int warn;             /* 1: only rows with a warning */
    const char *search;   /* any part of name, short name or credit code; NULL none */
    enum db_ent_sort sort;
    int desc;     /* reverse the order */
    int archived; /* 1: the archived enterprises instead of the live ones */
};

struct db_ent_row {
    char id[DB_ID_LEN];
    char *name, *short_name, *credit_code, *township, *field_name;
    int above_scale, manufacturing;
    int tier_rank;      /* -1 when no tier above the candidate is held */
    char tier_name[64]; /* "" then */
    int warn;           /* DB_ENT_WARN_* bits */
};

/* Rows matching f; -1 on error. */
long db_ent_list_count(struct db *db, const struct db_ent_filter *f, struct err *e);

/* Rows [offset, offset + limit) of the list in f's order. The caller frees
 * with db_ent_rows_free. */
int db_ent_list_page(struct db *db, const struct db_ent_filter *f, long offset, int limit,
                     struct db_ent_row **out, size_t *n, struct err *e);
void db_ent_rows_free(struct db_ent_row *r, size_t n);

/* Live enterprises holding tier_id on a->date; -1 on error. */
long db_ent_tier_count(struct db *db, const struct db_ent_asof *a, const char *tier_id,
                       struct err *e);

/* Live enterprises holding no tier ranked above 0 on a->date; -1 on error. */
long db_ent_candidate_count(struct db *db, const struct db_ent_asof *a, struct err *e);

/* The townships and parks the live enterprises name, in order; the
 * caller frees each and the array. */
int db_ent_townships(struct db *db, char ***out, size_t *n, struct err *e);

/* Live enterprises; -1 on error. */
long db_ent_live_count(struct db *db, struct err *e);

/* The latest year not after max_year with any live figures; 0 if none. */
int db_ent_latest_year(struct db *db, int max_year, struct err *e);

/* Live enterprises with R&D > 0 in year and none (0 or not recorded) the
 * year before: the two years read in key order and merged (ent_scan.c). */
long db_ent_new_rd_count(struct db *db, int year, struct err *e);

/* Calls fn once for each live enterprise that has tier events, with all
 * its live events (enter and drop) ordered by tier, kind and date; the
 * events are borrowed for the call (their strings are not set). A single
 * pass over an index, for the funnel (ent_scan.c). */
int db_ent_events_each(struct db *db,
                       int (*fn)(void *arg, const struct db_tier_event *ev, size_t n), void *arg,
                       struct err *e);

/* Calls fn for each live enterprise with a warning on a->date (bits as above). */
int db_ent_warnings(struct db *db, const struct db_ent_asof *a,
                    void (*fn)(void *arg, const char *id, int warn, const char *until), void *arg,
                    struct err *e);

/* The live enterprises that are both above-scale and manufacturing, with
 * their figures of year (unknown when not recorded), for 三清零: with
 * named, in name order with their names; else in no order, name NULL
 * (for counting: the scan then needs no row of the enterprise table). */
int db_ent_scale_makers(struct db *db, int year, int named,
                        void (*fn)(void *arg, const char *id, const char *name,
                                   const struct db_ent_year *y),
                        void *arg, struct err *e);

/* Calls fn for each live enterprise in name order with its tier rank on
 * a->date (-1: none above the candidate), for the next-tier ranking;
 * township and field_id narrow it when not NULL. fn may run other queries;
 * a non-zero return stops the walk and is returned. */
int db_ent_each(struct db *db, const struct db_ent_asof *a, const char *township,
                const char *field_id, int (*fn)(void *arg, const struct db_ent_row *row, int rank),
                void *arg, struct err *e);

/* One live enterprise with what the tier rules read, for a pass over the
 * whole register: its facts (id, name, established, ht_domain, award_year,
 * standard_year; other fields unset), its figures up to a year (oldest
 * first) and its live tier events. Borrowed for the call. */
struct db_ent_whole {
    const struct db_enterprise *ent;
    const struct db_ent_year *years;
    size_t nyears;
    const struct db_tier_event *events;
    size_t nevents;
};

/* Calls fn for each live enterprise (narrowed to township and field_id
 * when not NULL), in key order, merging three ordered reads (enterprises,
 * figures up to max_year, events) rather than querying per enterprise.
 * A non-zero return from fn stops the pass and is returned (ent_scan.c). */
int db_ent_whole_each(struct db *db, const char *township, const char *field_id, int max_year,
                      int (*fn)(void *arg, const struct db_ent_whole *w), void *arg, struct err *e);

#endif
