/*
 * project.h — municipal and regional S&T projects (市级科技计划项目,
 * 市级“揭榜挂帅”项目, 自治区项目 …) as the plan counts them. Kinds and the
 * stages of their flows are rows (assets/ref/project_kinds.csv,
 * project_stages.csv); a kind names the target its projects feed
 * (city_project ≥ 3, city_jiebang ≥ 2). The records themselves are a
 * registry (reg_project in src/reg.h).
 */
#ifndef TUWEI_PROJECT_H
#define TUWEI_PROJECT_H

#include <stddef.h>

#include "db/db.h"
#include "db/project.h"

/* For each target of the year's plan that a project kind feeds, its value
 * and the live count: projects of those kinds approved or later (立项,
 * 实施, 验收) whose dates overlap the year. For the dashboard and reports;
 * free with db_project_targets_free. */
int project_targets(struct db *db, int year, struct db_project_target **out, size_t *n,
                    struct err *e);

/* The live count of target code of the year's plan as of as_of (projects
 * approved by then): *fed is 0 when no project kind feeds that target. */
int project_target_count(struct db *db, int year, const char *as_of, const char *code, long *count,
                         int *fed, struct err *e);

/* 1 when t's count reaches its value. */
int project_target_met(const struct db_project_target *t);

#endif
