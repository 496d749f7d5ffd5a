/*
 * browse.h — the reads behind the screens' long lists: a count and one page
 * at a time, so a list of 100,000 enterprises costs what a page costs.
 *
 * A filter is a piece of text to look for (in names, short names, credit
 * codes …); NULL or "" means everything. Pages come in a stable order
 * (by name, then by insertion) and every string in a row is the caller's,
 * freed with the matching _free. No statement stays open after a call
 * returns, so no read transaction is held while a person is typing.
 */
#ifndef TUWEI_DB_BROWSE_H
#define TUWEI_DB_BROWSE_H

#include <stddef.h>

#include "db/db.h"

struct db_browse_enterprise {
    char id[40];
    long long seq; /* the row's place in the name order, for db_browse_enterprise_near */
    char *name, *short_name, *credit_code, *township, *field, *address, *contact, *notes;
    int above_scale, manufacturing;
};

struct db_browse_tier_event {
    char *event_date, *tier, *kind, *evidence_no, *valid_to;
};

/* A pilot base, or a pilot project listed under its base. */
struct db_browse_pilot {
    char id[40];
    int is_base;
    char *name, *base, *kind, *park, *operator_name, *offers;
    char *enterprise, *lead_unit, *task, *start_date, *goal, *notes;
    long long budget; /* yuan */
    int has_budget;
};

/* Number of live enterprises matching filter into *n. */
int db_browse_enterprise_count(struct db *db, const char *filter, long *n, struct err *e);

/* Up to max enterprises matching filter, from position offset (0-based)
 * in name order, into out[0..*got). Free each with _free. */
int db_browse_enterprise_page(struct db *db, const char *filter, long offset, int max,
                              struct db_browse_enterprise *out, int *got, struct err *e);
void db_browse_enterprise_free(struct db_browse_enterprise *r);

/* Up to max enterprises matching filter next to a row already seen (its
 * name and seq): the ones right after it when dir > 0, right before it
 * when dir < 0 (still in name order). Costs the same anywhere in the
 * list, unlike an offset, so scrolling 100,000 rows stays fast. */
int db_browse_enterprise_near(struct db *db, const char *filter, const char *name, long long seq,
                              int dir, int max, struct db_browse_enterprise *out, int *got,
                              struct err *e);

/* Like db_browse_enterprise_page, counting the offset from the end of the
 * list (0: the last max rows); cheap near the end. Rows in name order. */
int db_browse_enterprise_page_from_end(struct db *db, const char *filter, long from_end, int max,
                                       struct db_browse_enterprise *out, int *got, struct err *e);

/* The tier events of one enterprise, oldest first, as a new array. */
int db_browse_tier_events(struct db *db, const char *enterprise_id,
                          struct db_browse_tier_event **out, size_t *n, struct err *e);
void db_browse_tier_events_free(struct db_browse_tier_event *ev, size_t n);

/* Pilot bases, each followed by its projects (projects with no base come
 * last), matching filter: the count, and a page as for enterprises. */
int db_browse_pilot_count(struct db *db, const char *filter, long *n, struct err *e);
int db_browse_pilot_page(struct db *db, const char *filter, long offset, int max,
                         struct db_browse_pilot *out, int *got, struct err *e);
void db_browse_pilot_free(struct db_browse_pilot *r);

#endif
