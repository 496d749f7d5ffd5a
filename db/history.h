/*
 * history.h — reading the change log: who changed what, when, newest first.
 */
#ifndef TUWEI_DB_HISTORY_H
#define TUWEI_DB_HISTORY_H

#include <stddef.h>

#include "db/db.h"

struct db_history_entry {
    long long seq;
    char at[24];
    char *user, *tbl, *row_key, *op, *old, *new_;
};

struct db_history_filter {
    const char *tbl;     /* NULL: any table */
    const char *row_key; /* NULL: any row; a prefix of the key matches, also
                          * a row of a bulk entry (one an import wrote) */
    const char *user;    /* NULL: anyone */
    long long before;    /* 0: from the newest; else entries with seq < before */
    int limit;           /* at most this many (1..1000) */
};

/* Entries matching f, newest first; the caller frees with db_history_free. */
int db_history_list(struct db *db, const struct db_history_filter *f, struct db_history_entry **out,
                    size_t *n, struct err *e);
void db_history_free(struct db_history_entry *h, size_t n);

#endif
