/*
 * reports.h — the built-in reports (报表): each builds a struct report as
 * of a date and for a period from the records, ready for the screen,
 * .xlsx, CSV or text (src/report_out.h).
 */
#ifndef TUWEI_REPORTS_H
#define TUWEI_REPORTS_H

#include <stddef.h>

#include "db/db.h"
#include "src/err.h"
#include "src/report.h"
#include "src/sumopts.h"

struct reports_def {
    const char *name;  /* for the command line: "ledger" */
    const char *title; /* "企业台账" */
    const char *help;  /* one line saying what is in it */
    /* Builds the report; *out is the caller's (report_free). */
    int (*build)(struct db *db, const struct sumopts *o, struct report **out, struct err *e);
};

/* Number of built-in reports, and the i-th in the order menus list them. */
size_t reports_count(void);
const struct reports_def *reports_at(size_t i);

/* The report called name (its English name or its Chinese title), or NULL. */
const struct reports_def *reports_find(const char *name);

/* Builds the report called name; ERR_NOTFOUND listing the names when unknown. */
int reports_run(struct db *db, const char *name, const struct sumopts *o, struct report **out,
                struct err *e);

#endif
