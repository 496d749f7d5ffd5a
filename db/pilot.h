/*
 * pilot.h — storage of the pilot projects' progress: the stages in order
 * with the items each requires, what a project has on record, where it
 * stands, its moves between stages, and the board of all projects.
 *
 * Run deadlines are computed here from the run's start and a number of
 * years the caller gives (the rule is the caller's): start + years, as
 * SQLite's date() counts them.
 */
#ifndef TUWEI_DB_PILOT_H
#define TUWEI_DB_PILOT_H

#include <stddef.h>

#include "db/db.h"

struct db_pilot_item {
    char id[40];
    char *code, *name, *kind; /* kind: "text" or "date" */
    char *value;              /* the project's value, when asked for a project; else NULL */
};

struct db_pilot_stage {
    char id[40];
    char *code, *name, *kind; /* kind: step, run, final, exit */
    int sort, facilities;
    struct db_pilot_item *items;
    size_t nitems;
};

/* The live stages in order, each with its live items (values of project
 * when project is not NULL). */
int db_pilot_stages(struct db *db, const char *project, struct db_pilot_stage **out, size_t *n,
                    struct err *e);
void db_pilot_stages_free(struct db_pilot_stage *s, size_t n);

/* Where a project stands. */
struct db_pilot_state {
    char id[40];
    char stage_id[40]; /* "" when it has none */
    char *name, *stage_since, *run_start, *run_end, *extended_on, *exit_mode, *exit_date;
    char *archived_at;
    char *deadline; /* in the run stage with a start: start + run_years + extension */
    int extension_years;
};

/* Where project id stands, its deadline counted with run_years. */
int db_pilot_state(struct db *db, const char *id, int run_years, struct db_pilot_state *out,
                   struct err *e);
void db_pilot_state_free(struct db_pilot_state *s);

/* Inside db_write: records value (NULL removes it) for item of project. */
int db_pilot_item_put(struct db *db, const char *project, const char *item, const char *value,
                      struct err *e);

/* Inside db_write: writes the stage fields of s (stage, since, run, exit). */
int db_pilot_state_put(struct db *db, const struct db_pilot_state *s, struct err *e);

/* Inside db_write: adds a move of kind ("advance", "back", "exit",
 * "extend") of project from (NULL: none) to on date. */
int db_pilot_event_add(struct db *db, const char *project, const char *kind, const char *from,
                       const char *to, const char *on, const char *note, struct err *e);

struct db_pilot_event {
    char *moved_on, *from_stage, *to_stage, *note, *by, *at;
};

/* The moves of project, oldest first. */
int db_pilot_events(struct db *db, const char *project, struct db_pilot_event **out, size_t *n,
                    struct err *e);
void db_pilot_events_free(struct db_pilot_event *ev, size_t n);

/* The stage the latest forward move (advance or exit) into project's
 * current stage came from; "" when there is none. */
int db_pilot_last_from(struct db *db, const char *project, char from[40], struct err *e);

/* Which projects a list shows. */
struct db_pilot_query {
    const char *search;   /* in name, enterprise, base; NULL for all */
    const char *stage_id; /* NULL for all */
    int held;             /* only those missing items of their stage */
    int run_years;        /* the run limit without extension */
    const char *past;     /* with deadline, only those whose deadline is before this date */
    const char *near;     /* with deadline, only those due on or before this date */
    int archived;         /* 1: archived ones instead of live ones */
};

struct db_pilot_row {
    char id[40];
    char *name, *enterprise, *base, *stage, *stage_kind, *stage_since, *deadline;
    int missing, extension_years, stage_sort;
};

int db_pilot_count(struct db *db, const struct db_pilot_query *q, long *n, struct err *e);

/* Projects in stage order, then by name. */
int db_pilot_page(struct db *db, const struct db_pilot_query *q, long offset, int limit,
                  struct db_pilot_row *out, int *got, struct err *e);
void db_pilot_row_free(struct db_pilot_row *r);

/* The names of the items project's stage requires and it lacks, joined by
 * 、 (caller frees; NULL when none is missing). */
int db_pilot_missing(struct db *db, const char *project, char **names, struct err *e);

/* The board: for each live stage, how many live projects stand there, how
 * many lack items, how many runs are past (deadline before past) or near
 * (deadline from past up to near) their limit. */
struct db_pilot_board {
    char stage_id[40];
    char *stage, *kind;
    long total, held, past, near;
};

int db_pilot_board(struct db *db, int run_years, const char *past, const char *near,
                   struct db_pilot_board **out, size_t *n, struct err *e);
void db_pilot_board_free(struct db_pilot_board *b, size_t n);

/* The first live stage (in order) of kind ("step" … "exit") into id; "" when none. */
int db_pilot_stage_first(struct db *db, const char *kind, char id[40], struct err *e);

/* Inside db_write: puts every project without a stage at the first stage.
 * *n: how many were placed. */
int db_pilot_place_unstaged(struct db *db, long *n, struct err *e);

/* ---- changing the stages and their items (db/pilot_stage.c) ---- */

/* Inside db_write: moves every live stage with sort >= from down by by. */
int db_pilot_stage_shift(struct db *db, int from, int by, struct err *e);

/* Inside db_write: adds stage id with its code, name, place, kind and
 * whether it has plant on the base. */
int db_pilot_stage_insert(struct db *db, const char *id, const char *code, const char *name,
                          int sort, const char *kind, int facilities, struct err *e);

/* Inside db_write: adds item id to stage. */
int db_pilot_item_insert(struct db *db, const char *id, const char *stage, const char *code,
                         const char *name, const char *kind, int sort, struct err *e);

/* Inside db_write: archives the stage or the item with key id. */
int db_pilot_stage_archive(struct db *db, const char *id, struct err *e);
int db_pilot_item_archive(struct db *db, const char *id, struct err *e);

/* The live projects standing at stage into *n. */
int db_pilot_stage_projects(struct db *db, const char *stage, long *n, struct err *e);

#endif
