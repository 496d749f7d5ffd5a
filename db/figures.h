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

/* Called with one row's columns as text (borrowed until it returns; ""
 * for NULL). Returning non-zero stops the walk with that code. */
typedef int (*db_figures_row_fn)(void *arg, const char *const *cols, int ncols);

/* The enterprise ledger, by name: name, short name, credit code, township,
 * field, above-scale (0/1), manufacturing (0/1), and the highest tier held
 * on as_of with its evidence number and valid-to date. */
int db_figures_ledger(struct db *db, const char *as_of, db_figures_row_fn fn, void *arg,
                      struct err *e);

/* The live pilot projects by name: name, enterprise, base, lead unit,
 * budget (yuan), start date, task number ("6.5"), goal. */
int db_figures_pilots(struct db *db, db_figures_row_fn fn, void *arg, struct err *e);

/* Per action of the plan of plan_year and per task status: action number,
 * action name, status code ("" for tasks without a status), live tasks,
 * summed percent complete. Actions without tasks come once with a count
 * of 0. Ordered by action number. */
int db_figures_action_status(struct db *db, int plan_year, db_figures_row_fn fn, void *arg,
                             struct err *e);

/* The task statuses in order: code, name, is_done (0/1). */
int db_figures_statuses(struct db *db, db_figures_row_fn fn, void *arg, struct err *e);

/* Every tier in rank order with the live enterprises holding it on as_of:
 * code, name, rank, target_code, count. */
int db_figures_tier_counts(struct db *db, const char *as_of, db_figures_row_fn fn, void *arg,
                           struct err *e);

#endif
