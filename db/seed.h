/*
 * seed.h — inserting the shipped reference rows (the plan, statuses,
 * tiers) by their name-based keys. A row whose key exists is left as it
 * is, so loading twice changes nothing and a clerk's later edits stay.
 */
#ifndef TUWEI_DB_SEED_H
#define TUWEI_DB_SEED_H

#include <stddef.h>

#include "db/db.h"

/* Inside db_write: inserts a row into table with key id and the n given
 * columns (values as text, "" or NULL stored as NULL), plus the stamps.
 * table and cols must be identifiers from the program, never user input.
 * *added is set to 1 when the row was new. */
int db_seed_row(struct db *db, const char *table, const char *id, const char *const *cols,
                const char *const *vals, size_t n, int *added, struct err *e);

#endif
