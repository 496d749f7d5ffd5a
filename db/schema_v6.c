/*
 * schema_v6.c — supervisor summaries: the banner's yearly R&D spending and
 * GDP (for the R&D-intensity target) and month-end snapshots of the
 * target figures (so a month can be compared with the one before).
 */
#include <stddef.h>

extern const char *const db_schema_v6[];

#define STAMPS                                                                                     \
    "created_at TEXT NOT NULL, created_by TEXT NOT NULL,"                                          \
    " updated_at TEXT NOT NULL, updated_by TEXT NOT NULL"

const char *const db_schema_v6[] = {
    /* One row per year; amounts in whole yuan. The key is derived from the
     * year, so two offices entering the same year merge into one row. */
    "CREATE TABLE rd_input ("
    " id TEXT PRIMARY KEY NOT NULL,"
    " year INTEGER NOT NULL UNIQUE CHECK (year BETWEEN 1990 AND 2100),"
    " rd_spending INTEGER NOT NULL CHECK (rd_spending >= 0),"
    " gdp INTEGER NOT NULL CHECK (gdp > 0),"
    " source TEXT,"
    " note TEXT,"
    " archived_at TEXT,"
    " " STAMPS ")",

    /* The figure of one target at the end of one month, as computed then;
     * value is NULL when there was no figure (e.g. GDP not yet entered). */
    "CREATE TABLE target_snapshot ("
    " id TEXT PRIMARY KEY NOT NULL,"
    " month TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),"
    " as_of TEXT NOT NULL,"
    " plan_year INTEGER NOT NULL,"
    " target_code TEXT NOT NULL,"
    " target_value REAL,"
    " value REAL,"
    " " STAMPS ","
    " UNIQUE (month, target_code))",

    /* Counting tier holders as of a date walks one tier's events in this
     * covering index, in enterprise order, without touching the rows. */
    "CREATE INDEX tier_event_for_counts ON tier_event(tier_id, kind, enterprise_id, event_date,"
    " valid_from, valid_to, archived_at)",

    /* The few archived enterprises, so counts can leave them out without
     * reading every enterprise. */
    "CREATE INDEX enterprise_archived ON enterprise(id) WHERE archived_at IS NOT NULL",

    /* Tasks per action and status, summed without reading the rows. */
    "CREATE INDEX task_for_tally ON task(action_id, status_id, archived_at, percent)",

    /* Live progress reports by month: counted per month without reading
     * the rows (archived_at is a column so the index covers the query),
     * and a task's report on a month found at once for the monthly report. */
    "CREATE INDEX task_report_month ON task_report(period, task_id, report_date, archived_at)"
    " WHERE archived_at IS NULL",

    /* A month's live reports, newest first, a page at a time. */
    "CREATE INDEX task_report_month_date ON task_report(period, report_date)"
    " WHERE archived_at IS NULL",
    NULL,
};
