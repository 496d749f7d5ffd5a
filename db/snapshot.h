/*
 * snapshot.h — month-end snapshots of the target figures (table
 * target_snapshot): one row per month and target code.
 */
#ifndef TUWEI_DB_SNAPSHOT_H
#define TUWEI_DB_SNAPSHOT_H

#include <stddef.h>

#include "db/db.h"

struct db_snapshot {
    char month[8];  /* YYYY-MM */
    char as_of[11]; /* the date the figures were computed for */
    int plan_year;
    char code[32]; /* target code */
    double target_value, value;
    int has_target, has_value;
    char updated_at[32];
};

/* Inside db_write: stores s (by month and code). An identical row is left
 * alone, so taking the same snapshot twice changes nothing; *changed is 1
 * when the row was written. */
int db_snapshot_put(struct db *db, const struct db_snapshot *s, int *changed, struct err *e);

/* The rows of month (YYYY-MM), in code order; *n is 0 when none. The array
 * is the caller's (free). */
int db_snapshot_month(struct db *db, const char *month, struct db_snapshot **out, size_t *n,
                      struct err *e);

/* The months that have snapshots, newest first, at most max of them, into
 * months[] (each 8 bytes); returns the count in *n. */
int db_snapshot_months(struct db *db, char (*months)[8], size_t max, size_t *n, struct err *e);

#endif
