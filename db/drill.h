/*
 * drill.h — the progress reports behind a dashboard figure (a month's
 * reports), a page at a time: count and page use the same filter, so a
 * month of 100,000 reports opens as fast as one of ten. (Tasks come from
 * db/task.h, enterprises from db/ent_list.h, pilot projects from
 * src/pilot.h.)
 */
#ifndef TUWEI_DB_DRILL_H
#define TUWEI_DB_DRILL_H

#include <stddef.h>

#include "db/db.h"

enum db_drill_kind {
    DB_DRILL_REPORTS, /* cells: task number, task title, unit, report date, person, progress */
};

#define DB_DRILL_CELLS 6

struct db_drill_query {
    enum db_drill_kind kind;
    const char *month; /* reports: the month reported on (YYYY-MM) */
};

struct db_drill_row {
    char id[40];
    char *cell[DB_DRILL_CELLS]; /* owned; "" for empty */
};

/* Number of records q selects. */
int db_drill_count(struct db *db, const struct db_drill_query *q, long *n, struct err *e);

/* Rows offset .. offset+limit of q, newest first. *out is the caller's
 * (db_drill_rows_free). */
int db_drill_page(struct db *db, const struct db_drill_query *q, long offset, int limit,
                  struct db_drill_row **out, size_t *n, struct err *e);

void db_drill_rows_free(struct db_drill_row *r, size_t n);

#endif
