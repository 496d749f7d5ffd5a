/*
 * report.h — a report as plain data: what it is, as of when, for which
 * period, its columns and its rows of text cells.
 *
 * Reports are built by the functions of src/reports.c and written by
 * src/report_out.c (screen text, CSV) and src/report_xlsx.c (Excel). A
 * cell is always text; the column kind tells the writers whether it holds
 * a number (so Excel gets a number, and text output aligns it right).
 */
#ifndef TUWEI_REPORT_H
#define TUWEI_REPORT_H

#include <stddef.h>

enum report_kind {
    REPORT_TEXT, /* free text, left aligned */
    REPORT_INT,  /* a whole number */
    REPORT_DEC,  /* a decimal number (万元, percent) shown as given */
    REPORT_LONG, /* long text (progress report text): wrapped, wide column */
};

struct report_col {
    char *title; /* Chinese header, owned */
    enum report_kind kind;
};

struct report {
    char *name;   /* machine name, e.g. "ledger"; owned */
    char *title;  /* e.g. "企业台账"; owned */
    char *as_of;  /* YYYY-MM-DD; owned */
    char *period; /* YYYY-MM, or NULL when the report has none; owned */
    struct report_col *cols;
    size_t ncols;
    char **cells; /* nrows * ncols strings, row-major, each owned ("" for empty) */
    size_t nrows;
    size_t cap; /* rows allocated */
};

/* A new empty report; period may be NULL. Free with report_free. */
struct report *report_new(const char *name, const char *title, const char *as_of,
                          const char *period);

/* Frees r and everything in it; NULL is a no-op. */
void report_free(struct report *r);

/* Adds a column (before any row is added). */
void report_add_col(struct report *r, const char *title, enum report_kind kind);

/* Appends a row of r->ncols cells, copied; a NULL cell is stored as "". */
void report_add_row(struct report *r, const char *const *cells);

/* The cell at row, col (borrowed, valid until report_free). */
const char *report_cell(const struct report *r, size_t row, size_t col);

/* The line that says what the report is and as of when, e.g.
 * "企业台账（截至 2025-06-30，统计期间 2025-06）". The caller frees it. */
char *report_heading(const struct report *r);

#endif
