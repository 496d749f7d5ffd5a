/*
 * dashboard.h — the supervisor's overview (总览) as of a date: the plan's
 * targets, the seven actions side by side, units ranked by what is late,
 * certificates about to expire, pilot projects held up, tier counts
 * against targets and monthly progress-report counts. Plain data for the
 * screen (ui/section_overview.c) and for `tuwei dashboard` (text).
 */
#ifndef TUWEI_DASHBOARD_H
#define TUWEI_DASHBOARD_H

#include <stddef.h>

#include "db/db.h"
#include "src/err.h"
#include "src/strbuf.h"
#include "src/sumopts.h"
#include "src/targets.h"

#define DASH_MAX_STATUS 12

struct dash_status {
    char code[32];
    char *name; /* owned */
    int is_done;
};

struct dash_action {
    int no;
    char *name;                       /* owned */
    long total;                       /* live tasks */
    long by_status[DASH_MAX_STATUS];  /* per struct dashboard.statuses */
    long done;                        /* tasks in a done status */
    long overdue, stale;
    int percent;                      /* mean percent complete of its tasks */
};

struct dash_tier {
    char code[32];
    char *name; /* owned */
    long count;
    int has_target;
    double target;
};

struct dashboard {
    struct sumopts opts;
    struct targets *targets; /* owned; n is 0 in a database without a plan */
    struct dash_status statuses[DASH_MAX_STATUS];
    size_t nstatus;
    struct dash_action *actions;
    size_t nactions;
    struct dash_tier *tiers;
    size_t ntiers;
};

/* Computes the dashboard for o. *out is the caller's (dashboard_free). */
int dashboard_compute(struct db *db, const struct sumopts *o, struct dashboard **out,
                      struct err *e);

/* Frees d; NULL is a no-op. */
void dashboard_free(struct dashboard *d);

/* Appends the dashboard as text fitted to width display columns (at least
 * 80): headed sections, progress bars of '#' and '.', marks G/A/R. */
void dashboard_text(const struct dashboard *d, int width, struct strbuf *out);

#endif
