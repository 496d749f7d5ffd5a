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

/* The live pilot projects by name: key, name, enterprise, base, lead
 * unit, budget (yuan), start date, task number ("6.5"), goal. */
int db_figures_pilots(struct db *db, db_figures_row_fn fn, void *arg, struct err *e);

/* Live progress reports on each month from first to last (YYYY-MM):
 * month, reports. Months without any are left out. */
int db_figures_report_months(struct db *db, const char *first, const char *last,
                             db_figures_row_fn fn, void *arg, struct err *e);

/* The monthly report: every live task of the plan of plan_year in order,
 * with its latest live report on period: action number, task number,
 * title, lead unit, status, percent, report date, progress, problems,
 * next steps, reporting unit, person. */
int db_figures_month_reports(struct db *db, int plan_year, const char *period, db_figures_row_fn fn,
                             void *arg, struct err *e);

/* Every tier in rank order with the live enterprises holding it on as_of,
 * by the register's rule (src/ent_tier.h), counted in one pass: code,
 * name, rank, target_code, count. The lowest tier (培育对象) counts the live
 * enterprises holding no tier above it, as the register's funnel does. */
int db_figures_tier_counts(struct db *db, const char *as_of, db_figures_row_fn fn, void *arg,
                           struct err *e);

#endif
