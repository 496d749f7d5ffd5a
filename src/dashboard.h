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
    char id[40];
    char code[32];
    char *name; /* owned */
    int is_done;
};

struct dash_action {
    int no;
    char *name;                      /* owned */
    long total;                      /* live tasks */
    long by_status[DASH_MAX_STATUS]; /* per struct dashboard.statuses */
    long done;                       /* tasks in a done status */
    long overdue, stale;
    int percent; /* mean percent complete of its tasks */
};

/* A responsible unit's tasks (led or shared). */
struct dash_unit {
    char id[40];
    char *name; /* owned */
    long total, overdue, stale;
};

/* Progress reports handed in for one month of the plan year. */
struct dash_month {
    char month[8]; /* YYYY-MM */
    long reports;  /* live reports on that month */
};

#define DASH_LIST_MAX 8 /* named items shown under a count */

/* A high-tech certificate about to lapse. */
struct dash_cert {
    char id[40];
    char *name; /* owned */
    char until[11];
    long days; /* from the date to until */
};

/* A pilot project held at a gate or near (or past) its run limit. */
struct dash_pilot {
    char id[40];
    char *name, *stage; /* owned */
    char *missing;      /* owned: the items its stage lacks, "" when none */
    char deadline[11];  /* end of its run, "" when not running */
    int flags;          /* PILOT_HELD, PILOT_NEAR, PILOT_PAST (src/pilot.h) */
};

struct dash_tier {
    char code[32];
    char target_code[32]; /* the plan target it counts towards, "" if none */
    char *name;           /* owned */
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
    struct dash_unit *units; /* most overdue and stale first */
    size_t nunits;
    struct dash_month months[12]; /* January .. December of the plan year */
    size_t nmonths;
    long live_tasks; /* live tasks of the plan, for the report counts */
    /* what to chase this week */
    long expiring;     /* certificates lapsing within cert_months, not renewed */
    long unregistered; /* tech SMEs of last year not yet registered this year */
    struct dash_cert certs[DASH_LIST_MAX]; /* the most urgent first */
    size_t ncerts;
    long pilots_held, pilots_late;           /* held at a gate; run near or past its limit */
    struct dash_pilot pilots[DASH_LIST_MAX]; /* held ones first */
    size_t npilots;
};

/* What a figure of the dashboard drills down to: the records behind it. */
enum dash_drill_kind {
    DASH_DRILL_NONE,
    DASH_DRILL_TASKS,   /* tasks: of action_no (0: all), unit_id, status code, overdue, stale */
    DASH_DRILL_REPORTS, /* progress reports on month */
    DASH_DRILL_TIER,    /* enterprises holding tier code (a tier's code) on the date */
    DASH_DRILL_CERTS,   /* certificates about to lapse */
    DASH_DRILL_UNREG,   /* tech SMEs not yet registered this year */
    DASH_DRILL_PILOTS,  /* pilot projects with flags (PILOT_HELD, PILOT_NEAR) */
    DASH_DRILL_RDGDP,   /* not a list: the form for the banner's R&D spending and GDP */
};

struct dash_drill {
    enum dash_drill_kind kind;
    int action_no;
    char unit_id[40];
    char code[32];
    int overdue, stale;
    int flags;
    char month[8];
    char title[160]; /* what the list shows, for its heading */
};

/* A selectable figure on a line: columns x .. x+w of the line's text. */
struct dash_spot {
    int x, w;
    struct dash_drill drill;
};

enum dash_role {
    DASH_ROLE_NORMAL,
    DASH_ROLE_HEADING, /* a section's heading */
    DASH_ROLE_COLUMNS, /* column headings */
    DASH_ROLE_NOTE,    /* an explanation under a figure */
    DASH_ROLE_GREEN,
    DASH_ROLE_AMBER,
    DASH_ROLE_RED,
};

struct dash_line {
    char *text; /* owned; never wider than the width asked for */
    enum dash_role role;
    struct dash_spot *spots; /* owned; in x order */
    size_t nspots;
};

struct dash_lines {
    struct dash_line *v;
    size_t n, cap;
};

/* Computes the dashboard for o. *out is the caller's (dashboard_free). */
int dashboard_compute(struct db *db, const struct sumopts *o, struct dashboard **out,
                      struct err *e);

/* Frees d; NULL is a no-op. */
void dashboard_free(struct dashboard *d);

/* Lays the dashboard out for width display columns (at least 80) as
 * lines with their selectable figures. Free with dash_lines_free. */
void dashboard_lines(const struct dashboard *d, int width, struct dash_lines *out);

/* Frees the lines; the struct itself is the caller's. */
void dash_lines_free(struct dash_lines *l);

/* Appends the dashboard as text fitted to width display columns (at least
 * 80): headed sections, progress bars of '#' and '.', marks G/A/R. */
void dashboard_text(const struct dashboard *d, int width, struct strbuf *out);

#endif
