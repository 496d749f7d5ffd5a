/*
 * ent_import_priv.h — what the two halves of the import share: the
 * columns (ent_import_head.c reads the header row) and the state of one
 * import (ent_import.c works out the rows). For those two files only.
 */
#ifndef TUWEI_ENT_IMPORT_PRIV_H
#define TUWEI_ENT_IMPORT_PRIV_H

#include <stddef.h>

#include "db/enterprise.h"
#include "src/csv.h"
#include "src/ent_import.h"

/* What a column holds. */
enum imp_kind {
    IMP_NONE,
    IMP_IGNORE, /* known, not imported (序号, 当前梯度) */
    IMP_NAME,
    IMP_SHORT,
    IMP_CODE,
    IMP_TOWNSHIP,
    IMP_FIELD,
    IMP_ABOVE,
    IMP_MANUF,
    IMP_ADDRESS,
    IMP_CONTACT,
    IMP_ESTABLISHED,
    IMP_HT_DOMAIN,
    IMP_AWARD,
    IMP_STANDARD,
    IMP_NOTES,
    IMP_YEAR,
    IMP_FIG, /* a yearly figure: see imp_col.fig */
};

struct imp_col {
    enum imp_kind kind;
    int fig;        /* for IMP_FIG */
    int year;       /* a year written before the header, else 0 */
    long long unit; /* money unit of the column */
};

/* A string -> row index map (open addressing) for rows seen in the file. */
struct imp_map {
    char **key;
    long *val;
    unsigned long *hash; /* each key's, compared before the key itself */
    size_t cap, n;
};

struct imp {
    struct db *db;
    struct ent_import *im;
    struct imp_col *cols;
    size_t ncols;
    int has_year_col, has_fig, default_year;
    size_t rows_cap; /* rows allocated in im->rows */
    struct imp_map by_code, by_name, by_year;
    struct db_field *fields;
    size_t nfields;
    struct csv_reader *rd;
    /* The enterprises already in the database, read once: their keys, and
     * maps from credit code and from name to an index into db_ids (live
     * enterprises win a name shared with a deleted one). */
    char (*db_ids)[DB_ID_LEN];
    size_t ndb, db_cap;
    struct imp_map db_code, db_name;
};

/* The row index stored under k, or -1. */
long ent_import_map_get(const struct imp_map *m, const char *k);

/* Stores v under k unless k is there already. */
void ent_import_map_put(struct imp_map *m, const char *k, long v);

void ent_import_map_free(struct imp_map *m);

/* Reads the header row h into x->cols (money without a unit in unit yuan),
 * noting each column for the preview and each unknown one in x->im.
 * ERR_INVALID when neither a name nor a credit-code column is there. */
int ent_import_header(struct imp *x, const struct csv_row *h, long long unit, struct err *e);

#endif
