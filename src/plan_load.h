/*
 * plan_load.h — filling a database with the shipped 2025 plan.
 *
 * The plan lives in assets/plan2025/ (CSV files) and the reference rows
 * (task statuses, cultivation tiers) in assets/ref/ (CSV), compiled into
 * the binary. Every row gets a key derived from its name, so loading
 * twice, or in two offices, yields the same rows and changes nothing.
 */
#ifndef TUWEI_PLAN_LOAD_H
#define TUWEI_PLAN_LOAD_H

#include "db/db.h"

struct plan_load_stats {
    long rows_added; /* rows that were new; 0 when everything was there */
};

/* Loads the plan in one transaction as user. */
int plan_load(struct db *db, const char *user, struct plan_load_stats *stats, struct err *e);

/* The canonical unit name for name (an alias such as 旗商务和投促中心 maps to
 * its full name), as the shipped unit list knows it; name itself otherwise. */
const char *plan_unit_canonical(const char *name);

#endif
