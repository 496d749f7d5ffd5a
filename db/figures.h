/*
 * figures.h — read-only tallies the supervisor summaries need that no
 * other module of db/ provides. No rules here: dates and limits come in
 * as parameters.
 */
#ifndef TUWEI_DB_FIGURES_H
#define TUWEI_DB_FIGURES_H

#include "db/db.h"

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

/* Every tier in rank order with the live enterprises holding it on as_of
 * (the latest live 'enter' event of the tier covers the date and no
 * 'drop' of it came since): code, name, rank, target_code, count. */
int db_figures_tier_counts(struct db *db, const char *as_of, db_figures_row_fn fn, void *arg,
                           struct err *e);

#endif
