/*
 * rd_input.h — the banner's R&D spending and GDP per year (table rd_input),
 * the inputs of the R&D-intensity target. Amounts are whole yuan.
 */
#ifndef TUWEI_DB_RD_INPUT_H
#define TUWEI_DB_RD_INPUT_H

#include <stddef.h>

#include "db/db.h"

struct db_rd_input {
    int year;
    long long rd_spending; /* yuan */
    long long gdp;         /* yuan */
    char *source, *note;   /* owned; NULL when not given */
    char updated_at[32], updated_by[128];
};

/* Inside db_write: inserts or replaces the figures of year (a row that is
 * unchanged is not rewritten, so the change log stays quiet); source and
 * note may be NULL. */
int db_rd_input_put(struct db *db, int year, long long rd_spending, long long gdp,
                    const char *source, const char *note, struct err *e);

/* The figures of year into *out; *found is 0 when none were entered (out
 * is then zeroed). Free out's strings with db_rd_input_clear. */
int db_rd_input_get(struct db *db, int year, struct db_rd_input *out, int *found, struct err *e);

/* Frees the strings of one record and zeroes it. */
void db_rd_input_clear(struct db_rd_input *in);

/* Every year entered, newest first; free with db_rd_inputs_free. */
int db_rd_input_list(struct db *db, struct db_rd_input **out, size_t *n, struct err *e);

void db_rd_inputs_free(struct db_rd_input *a, size_t n);

#endif
