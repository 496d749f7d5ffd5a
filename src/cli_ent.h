/*
 * cli_ent.h — helpers the enterprise commands share (cli_ent.c and
 * cli_funnel.c); not for other modules.
 */
#ifndef TUWEI_CLI_ENT_H
#define TUWEI_CLI_ENT_H

#include "db/enterprise.h"
#include "src/cli.h"

/* given (or ctx->today) as a checked date into out. */
int cli_ent_date(struct cli_ctx *ctx, const char *given, char out[DB_DATE_LEN], struct err *e);

/* A four-digit year from s. */
int cli_ent_year(const char *s, int *year, struct err *e);

/* The key of the tier named (code or name) name; *lowest is 1 for the lowest tier. */
int cli_ent_tier_id(struct db *db, const char *name, char id[DB_ID_LEN], int *lowest,
                    struct err *e);

/* The name of the lowest tier (the candidate). */
int cli_ent_candidate_name(struct db *db, char out[64], struct err *e);

/* enterprise show: the page of one enterprise (cli_ent_show.c). */
int cli_ent_show(struct cli_ctx *ctx, int argc, char **argv, struct err *e);

#endif
