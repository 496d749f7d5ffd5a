/*
 * ent_import.h — importing enterprises and their yearly figures from the
 * CSV files offices keep, and exporting the register and the funnel.
 *
 * Import is two steps. ent_import_read looks at the file and the database
 * and works out, row by row, what would be added, changed or refused (with
 * the line and the reason), writing nothing. ent_import_apply then writes
 * everything in one transaction. Columns are found by the headers offices
 * use (企业名称, 统一社会信用代码, 所属园区/苏木镇, 研发费用（万元）…) in any
 * order; 元, 万元 or 亿元 are read from the header; a year before a header
 * ("2024年研发费用") gives that column's year. A column it cannot place is
 * reported, not fatal. A cell left empty leaves the stored value alone, so
 * importing the same file twice changes nothing.
 */
#ifndef TUWEI_ENT_IMPORT_H
#define TUWEI_ENT_IMPORT_H

#include <stddef.h>

#include "db/enterprise.h"
#include "src/config.h"
#include "src/err.h"

enum ent_import_action {
    ENT_IMPORT_SAME,   /* nothing new */
    ENT_IMPORT_ADD,    /* a new enterprise */
    ENT_IMPORT_CHANGE, /* new values for an enterprise or its figures */
    ENT_IMPORT_REFUSE, /* not imported; reason says why */
};

#define ENT_IMPORT_YEARS 4

struct ent_import_row {
    long line;  /* where the record starts in the file */
    int action; /* enum ent_import_action */
    char *name;
    char *note;    /* why refused, or what changes */
    int write_ent; /* 1: insert (new) or update ent */
    int is_new;
    long first; /* the row that first names the enterprise (this one, if it does) */
    struct db_enterprise ent;
    int nyears;
    struct db_ent_year *fig; /* nyears of them (at most ENT_IMPORT_YEARS) */
    int fig_write[ENT_IMPORT_YEARS];
};

struct ent_import {
    char encoding[16];
    char **columns; /* how each recognised header was read, for the preview */
    size_t ncolumns;
    char **unknown; /* headers it could not place */
    size_t nunknown;
    struct ent_import_row *rows;
    size_t n;
    long added, changed, same, refused; /* rows by action */
    long fig_writes;                    /* years of figures to write */
};

/* Reads data[0..len) (a CSV file's bytes) against the database; money in
 * columns whose header names no unit is in money_unit yuan (1 or 10000);
 * figures in rows without a year column or year header go to default_year
 * (0: such rows are refused). Writes nothing. *out is the caller's. */
int ent_import_read(struct db *db, const char *data, size_t len, long long money_unit,
                    int default_year, struct ent_import **out, struct err *e);

/* As ent_import_read, from the file path. */
int ent_import_read_file(struct db *db, const char *path, long long money_unit, int default_year,
                         struct ent_import **out, struct err *e);

/* Writes what im found to add and change, in one transaction as user. */
int ent_import_apply(struct db *db, const char *user, struct ent_import *im, struct err *e);

void ent_import_free(struct ent_import *im);

/* Appends the register (live enterprises, in name order, with their tier
 * on day as_of and, when year is not 0, that year's figures in 万元) as
 * CSV, UTF-8 with a byte-order mark, to out. */
struct strbuf;
int ent_export_register(struct db *db, const char *as_of, int year, struct strbuf *out,
                        struct err *e);

/* Appends the funnel on day as_of as CSV with a byte-order mark. */
int ent_export_funnel(struct db *db, const struct config *cfg, const char *as_of,
                      struct strbuf *out, struct err *e);

#endif
