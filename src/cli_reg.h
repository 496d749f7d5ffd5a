/*
 * cli_reg.h — what the registry commands share: choosing the output
 * format, naming a record, writing rows as aligned text or CSV.
 */
#ifndef TUWEI_CLI_REG_H
#define TUWEI_CLI_REG_H

#include <stddef.h>

#include "src/cli.h"
#include "src/reg.h"
#include "src/strbuf.h"

/* Rows going out as aligned text or as CSV (with a BOM, for Excel/WPS). */
struct cli_reg_out {
    struct cli_ctx *ctx;
    int csv;
    const int *widths;
    int ncols;
    struct strbuf buf;
};

/* Parses "--format text|csv" at argv[*i]: 1 when it was that option
 * (*csv set), 0 when not, -1 on a bad value (e filled). */
int cli_reg_format(int argc, char **argv, int *i, int *csv, struct err *e);

/* Starts output with a header row of n cells. */
void cli_reg_begin(struct cli_reg_out *o, struct cli_ctx *ctx, int csv, const char *const *head,
                   const int *widths, int n);

/* Writes one row of o->ncols cells. */
void cli_reg_row(struct cli_reg_out *o, const char *const *cells);

/* Finishes the output. */
void cli_reg_end(struct cli_reg_out *o);

/* The key of the record of d that argv[0] names, into id; a usage error
 * when there is no argument. */
int cli_reg_target(struct cli_ctx *ctx, const struct reg_def *d, int argc, char **argv, char id[40],
                   struct err *e);

/* Prints record id of d, one "label：value" line per field and link. */
int cli_reg_print(struct cli_ctx *ctx, const struct reg_def *d, const char *id, struct err *e);

/* The first 8 characters of a key, as lists show it. */
void cli_reg_short_id(const char *id, char out[9]);

#endif
