/*
 * drill.h — the records behind a dashboard figure, a page at a time: the
 * tasks of an action in a status, the enterprises holding a tier on a
 * date. Rows come as text cells for a list; counts and pages use the
 * same filter so a list of 100,000 rows costs what one page does.
 */
#ifndef TUWEI_DB_DRILL_H
#define TUWEI_DB_DRILL_H

#include <stddef.h>

#include "db/db.h"

enum db_drill_kind {
    DB_DRILL_REPORTS, /* cells: task number, task title, unit, report date, person, progress */
    DB_DRILL_TIER,    /* cells: name, credit code, evidence number, valid to, township, field */
};

#define DB_DRILL_CELLS 6

struct db_drill_query {
    enum db_drill_kind kind;
    const char *month;   /* reports: the month reported on (YYYY-MM) */
    const char *tier;    /* tier: the tier's code */
    const char *as_of;   /* tier: the date */
    /* tier: when after_name is set, the page starts after the enterprise of
     * that name and rowid, and the offset is ignored: scrolling costs one
     * page, not offset rows */
    const char *after_name;
    long long after_rowid;
};

struct db_drill_row {
    char id[40];
    long long rowid;          /* tier: the enterprise's, for keyset paging */
    char *cell[DB_DRILL_CELLS]; /* owned; "" for empty */
};

/* Number of records q selects. */
int db_drill_count(struct db *db, const struct db_drill_query *q, long *n, struct err *e);

/* Rows offset .. offset+limit of q, in its order (reports newest first,
 * enterprises by name). *out is the caller's (db_drill_rows_free). */
int db_drill_page(struct db *db, const struct db_drill_query *q, long offset, int limit,
                  struct db_drill_row **out, size_t *n, struct err *e);

void db_drill_rows_free(struct db_drill_row *r, size_t n);

#endif
