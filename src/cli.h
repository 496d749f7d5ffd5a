/*
 * cli.h — the command line: `tuwei COMMAND [SUBCOMMAND] [OPTIONS]`.
 *
 * Everything the full-screen program can do to data, the command line can
 * do or show too, for scripts, tests and supervisors. Each feature keeps
 * its commands in its own cli_*.c file as a table of struct cli_cmd; cli.c
 * finds the command, opens the database it needs and runs it. Output goes
 * to ctx->out; errors come back in struct err for main.c to print.
 */
#ifndef TUWEI_CLI_H
#define TUWEI_CLI_H

#include <stdio.h>

#include "db/db.h"
#include "src/config.h"
#include "src/err.h"

struct cli_ctx {
    struct config *cfg; /* effective configuration (borrowed) */
    struct db *db;      /* open database, when the command asked for one */
    FILE *out;          /* where results go (stdout) */
    const char *user;   /* the acting user's name, for the change log */
    char today[11];     /* YYYY-MM-DD, from --today or the clock */
    long loaded_rows;   /* rows the plan loader added when it made the file */
};

enum cli_db_need {
    CLI_DB_NONE,     /* the command opens nothing */
    CLI_DB_EXISTING, /* the database must exist */
    CLI_DB_CREATE,   /* create and load the plan when missing */
};

struct cli_cmd {
    const char *name; /* "plan" */
    const char *sub;  /* "show", or NULL for a command without subcommands */
    enum cli_db_need db;
    /* Runs with the arguments after the (sub)command; returns ERR_* and fills e. */
    int (*run)(struct cli_ctx *ctx, int argc, char **argv, struct err *e);
    const char *usage; /* "plan show [--year N]" */
    const char *help;  /* one line, Chinese */
};

/* Runs the command in argv[0..argc) (after the global options). Returns
 * the process exit code: 0 success, 1 a refused or failed command, 2 a
 * usage error. Messages go to err_out. */
int cli_main(struct cli_ctx *ctx, int argc, char **argv, FILE *err_out);

/* Prints the usage text of every command to f. */
void cli_usage(FILE *f);

/* Opens the configured database: with create, makes its folder and file
 * and loads the plan when the file is new. */
int cli_open_db(struct cli_ctx *ctx, int create, struct err *e);

/* Option helper: if argv[*i] is --name VALUE (or --name=VALUE), stores
 * VALUE in *val, advances *i and returns 1; 0 otherwise. */
int cli_opt(int argc, char **argv, int *i, const char *name, const char **val);

/* Writes cells padded to widths (display columns), two spaces apart, as
 * one line; the last cell is not padded. */
void cli_row(FILE *out, const char *const *cells, const int *widths, int n);

#endif
