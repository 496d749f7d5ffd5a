/*
 * plan.h — reading the year's plan: its text, targets, actions with their
 * responsible units, tasks, safeguards. Plain structs; every list and
 * string returned is the caller's, freed with the matching _free.
 */
#ifndef TUWEI_DB_PLAN_H
#define TUWEI_DB_PLAN_H

#include <stddef.h>

#include "db/db.h"

struct db_plan {
    char id[40];
    int year;
    char *title, *issuer, *notice, *preamble, *requirements, *tasks_intro;
};

struct db_target {
    char id[40];
    char *code, *name, *kind, *unit, *comparator, *source_text;
    double value;
    int has_value;
};

struct db_unit_ref {
    char id[40];
    char *name;     /* the unit's name */
    char *named_as; /* the name the plan used, when an alias */
};

struct db_action {
    char id[40];
    int no;
    char *name, *title, *body;
    struct db_unit_ref *units;
    size_t nunits;
    long ntasks;
};

struct db_task_brief {
    char id[40];
    int action_no, no;
    char *title, *body, *status, *start_date, *due_date;
    int percent;
};

struct db_safeguard {
    int no;
    char *title, *body;
};

/* The plan of year, or the latest plan when year is 0. ERR_NOTFOUND if none. */
int db_plan_get(struct db *db, int year, struct db_plan *out, struct err *e);
void db_plan_free(struct db_plan *p);

int db_plan_targets(struct db *db, const char *plan_id, struct db_target **out, size_t *n,
                    struct err *e);
void db_targets_free(struct db_target *t, size_t n);

/* The plan's actions in order, each with its units and task count. */
int db_plan_actions(struct db *db, const char *plan_id, struct db_action **out, size_t *n,
                    struct err *e);
void db_actions_free(struct db_action *a, size_t n);

/* The live (not archived) tasks of one action, in order. */
int db_plan_tasks(struct db *db, const char *action_id, struct db_task_brief **out, size_t *n,
                  struct err *e);
void db_task_briefs_free(struct db_task_brief *t, size_t n);

int db_plan_safeguards(struct db *db, const char *plan_id, struct db_safeguard **out, size_t *n,
                       struct err *e);
void db_safeguards_free(struct db_safeguard *s, size_t n);

/* Counts of rows in a registry table named by the program (for summaries). */
long db_plan_count(struct db *db, const char *table);

#endif
