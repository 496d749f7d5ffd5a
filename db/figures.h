/*
 * figures.h — read-only tallies the supervisor summaries need that no
 * other module of db/ provides. No rules here: dates and limits come in
 * as parameters.
 */
#ifndef TUWEI_DB_FIGURES_H
#define TUWEI_DB_FIGURES_H

#include "db/db.h"

/* Live enterprises holding, on date as_of, a tier whose target_code is
 * code: the latest live event of that tier up to as_of is an 'enter' whose
 * validity (valid_from..valid_to, either open) covers as_of. */
int db_figures_tier_count(struct db *db, const char *code, const char *as_of, long *count,
                          struct err *e);

#endif
