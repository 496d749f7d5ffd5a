/*
 * reports_priv.h — the builders of the built-in reports, one file each
 * (reports_*.c), for the table in reports.c. Not for use elsewhere.
 */
#ifndef TUWEI_REPORTS_PRIV_H
#define TUWEI_REPORTS_PRIV_H

#include "db/db.h"
#include "src/report.h"
#include "src/sumopts.h"

int reports_build_monthly(struct db *db, const struct sumopts *o, struct report **out,
                          struct err *e);
int reports_build_unit(struct db *db, const struct sumopts *o, struct report **out, struct err *e);
int reports_build_ledger(struct db *db, const struct sumopts *o, struct report **out,
                         struct err *e);
int reports_build_targets(struct db *db, const struct sumopts *o, struct report **out,
                          struct err *e);
int reports_build_pilot(struct db *db, const struct sumopts *o, struct report **out, struct err *e);

/* Adds the columns named in titles (a NULL-terminated list) with kinds. */
void reports_add_cols(struct report *r, const char *const *titles, const enum report_kind *kinds);

#endif
