/*
 * project.h — storage of municipal and regional S&T projects beyond the
 * registry's own columns: the stages of each kind's flow, and how many
 * projects count towards each target of the plan.
 */
#ifndef TUWEI_DB_PROJECT_H
#define TUWEI_DB_PROJECT_H

#include <stddef.h>

#include "db/db.h"

/* The stage of kind_id's flow that text names (its name or code) into id;
 * "" when there is none. */
int db_project_stage_find(struct db *db, const char *kind_id, const char *text, char id[40],
                          struct err *e);

/* The first stage of kind_id's flow into id ("" when the flow has none). */
int db_project_stage_first(struct db *db, const char *kind_id, char id[40], struct err *e);

/* 1 in *ok when stage_id is a stage of kind_id's flow. */
int db_project_stage_of(struct db *db, const char *kind_id, const char *stage_id, int *ok,
                        struct err *e);

/* The names of the stages of kind_id's flow, in order (caller frees with db_strings_free). */
int db_project_stage_names(struct db *db, const char *kind_id, char ***names, size_t *n,
                           struct err *e);

/* A target of the plan and the projects counted towards it. */
struct db_project_target {
    char *code, *name, *unit, *comparator, *kinds; /* kinds: names of the kinds counted, 、 */
    double value;
    int has_value;
    long count;
};

/* For each target of the year's plan that some project kind feeds: the
 * live projects of those kinds standing at a counting stage (approved or
 * later), approved (start_date) by until or undated, and not ended before
 * the year began. */
int db_project_targets(struct db *db, int year, const char *until, struct db_project_target **out,
                       size_t *n, struct err *e);
void db_project_targets_free(struct db_project_target *t, size_t n);

#endif
