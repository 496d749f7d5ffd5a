/*
 * gen_rep.h — what the supervisor benchmarks need on top of gen.h's
 * enterprises: tier events (tech-SME registrations of the year, high-tech
 * certificates of the last three years, a few benchmark enterprises) and
 * tasks spread over the plan's seven actions with statuses, dates and
 * lead units. One db_write per call, prepared statements.
 */
#ifndef TUWEI_BENCH_GEN_REP_H
#define TUWEI_BENCH_GEN_REP_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/db.h"
#include "db/db_priv.h"
#include "src/uuid.h"

/* Inside db_write: a tier event for every 8th enterprise (tech SME), every
 * 20th (high-tech) and every 500th (benchmark). */
static int
gen_rep_tiers_fn(struct db *db, void *arg, struct err *e)
{
    static const char ents[] = "SELECT id, rowid FROM enterprise ORDER BY rowid";
    static const char ins[] =
        "INSERT INTO tier_event (id, enterprise_id, tier_id, kind, event_date, evidence_no,"
        " valid_from, valid_to, created_at, created_by, updated_at, updated_by)"
        " VALUES (?1, ?2, (SELECT id FROM tier WHERE code = ?3), 'enter', ?4, ?5, ?4, ?6,"
        " ?7, ?8, ?7, ?8)";
    sqlite3_stmt *q = NULL, *st;
    char id[UUID_LEN + 1], date[16], to[16], no[32], eid[64];
    long i = 0;
    int rc = ERR_OK;

    (void)arg;
    if (sqlite3_prepare_v2(db_handle(db), ents, -1, &q, NULL) != SQLITE_OK)
        return db_fail(db, e, "bench");
    while (rc == ERR_OK && sqlite3_step(q) == SQLITE_ROW) {
        const char *tier = i % 500 == 0  ? "benchmark"
                           : i % 20 == 0 ? "high_tech"
                           : i % 8 == 0  ? "tech_sme"
                                         : NULL;

        i++;
        if (tier == NULL || (st = db_stmt(db, ins, e)) == NULL)
            continue;
        snprintf(eid, sizeof eid, "%s", (const char *)sqlite3_column_text(q, 0));
        uuid_new(id);
        if (strcmp(tier, "high_tech") == 0) {
            snprintf(date, sizeof date, "%04ld-%02ld-15", 2022 + i % 4, 1 + i % 12);
            snprintf(to, sizeof to, "%04ld-%02ld-14", 2025 + i % 4, 1 + i % 12);
            snprintf(no, sizeof no, "GR%04ld15%06ld", 2022 + i % 4, i % 1000000);
        } else {
            snprintf(date, sizeof date, "2025-%02ld-10", 1 + i % 9);
            snprintf(to, sizeof to, strcmp(tier, "tech_sme") == 0 ? "2025-12-31" : "2099-12-31");
            snprintf(no, sizeof no, "2025150621A%07ld", i % 10000000);
        }
        sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 2, eid, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 3, tier, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 4, date, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 5, no, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 6, to, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 7, db_now(db), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 8, db_user(db), -1, SQLITE_TRANSIENT);
        rc = db_exec_stmt(db, st, e);
    }
    sqlite3_finalize(q);
    return rc;
}

static int
gen_rep_tiers(struct db *db, struct err *e)
{
    return db_write(db, "bench", gen_rep_tiers_fn, NULL, e);
}

/* Inside db_write: *(long *)arg tasks over the seven actions, numbered from
 * 100 in each, with a status, a start and due date, a percent, and a lead
 * unit taken from the action's units. */
static int
gen_rep_tasks_fn(struct db *db, void *arg, struct err *e)
{
    static const char ins[] =
        "INSERT INTO task (id, action_id, no, title, body, status_id, start_date, due_date,"
        " percent, created_at, created_by, updated_at, updated_by)"
        " VALUES (?1, (SELECT a.id FROM action a JOIN plan p ON p.id = a.plan_id"
        "  WHERE p.year = 2025 AND a.no = ?2), ?3, ?4, ?5,"
        " (SELECT id FROM task_status ORDER BY sort LIMIT 1 OFFSET ?6), ?7, ?8, ?9, ?10, ?11,"
        " ?10, ?11)";
    static const char lead[] =
        "INSERT INTO task_unit (id, task_id, unit_id, role, created_at, created_by, updated_at,"
        " updated_by) SELECT ?1, ?2, au.unit_id, 'lead', ?3, ?4, ?3, ?4 FROM action_unit au"
        " JOIN action a ON a.id = au.action_id JOIN plan p ON p.id = a.plan_id AND p.year = 2025"
        " WHERE a.no = ?5 ORDER BY au.sort LIMIT 1 OFFSET ?6";
    char id[UUID_LEN + 1], uid[UUID_LEN + 1], title[128], start[16], due[16];
    long n = *(const long *)arg, i;
    sqlite3_stmt *st = NULL;
    int rc = ERR_OK;

    for (i = 0; i < n && rc == ERR_OK; i++) {
        int action = (int)(i % 7) + 1;

        if ((st = db_stmt(db, ins, e)) == NULL)
            return ERR_DB;
        uuid_new(id);
        snprintf(title, sizeof title, "第%ld项生成任务：氢能储能新材料关键技术攻关", i);
        snprintf(start, sizeof start, "2025-%02ld-01", 1 + i % 6);
        snprintf(due, sizeof due, "2025-%02ld-%02ld", 3 + i % 10, 1 + i % 28);
        sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int(st, 2, action);
        sqlite3_bind_int64(st, 3, 100 + i / 7);
        sqlite3_bind_text(st, 4, title, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 5, "按工作方案推进关键技术研究、样机研制与示范应用。", -1,
                          SQLITE_STATIC);
        sqlite3_bind_int64(st, 6, i % 5);
        sqlite3_bind_text(st, 7, start, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 8, due, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64(st, 9, (i * 7) % 101);
        sqlite3_bind_text(st, 10, db_now(db), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 11, db_user(db), -1, SQLITE_TRANSIENT);
        if ((rc = db_exec_stmt(db, st, e)) != ERR_OK || (st = db_stmt(db, lead, e)) == NULL)
            break;
        uuid_new(uid);
        sqlite3_bind_text(st, 1, uid, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 2, id, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 3, db_now(db), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 4, db_user(db), -1, SQLITE_TRANSIENT);
        sqlite3_bind_int(st, 5, action);
        sqlite3_bind_int64(st, 6, (i / 7) % 4);
        rc = db_exec_stmt(db, st, e);
    }
    return rc == ERR_OK && st == NULL ? ERR_DB : rc;
}

static int
gen_rep_tasks(struct db *db, long n, struct err *e)
{
    return db_write(db, "bench", gen_rep_tasks_fn, &n, e);
}

/* Inside db_write: *(long *)arg progress reports spread over the live
 * tasks, one a month per task going back from 2025-06 (so recent months
 * have the most), then each task's report_last cache brought up to date
 * as db/task_report.c keeps it. */
static int
gen_rep_reports_fn(struct db *db, void *arg, struct err *e)
{
    static const char tasks[] = "SELECT id FROM task WHERE archived_at IS NULL ORDER BY rowid";
    static const char ins[] =
        "INSERT INTO task_report (id, task_id, report_date, period, progress, problems,"
        " next_steps, person, created_at, created_by, updated_at, updated_by)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?9, ?10)";
    static const char last[] =
        "UPDATE task SET report_last = (SELECT max(report_date) FROM task_report r"
        " WHERE r.task_id = task.id AND r.archived_at IS NULL)";
    long want = *(const long *)arg, made = 0, ntasks = 0, i;
    char(*ids)[UUID_LEN + 1] = NULL, id[UUID_LEN + 1], date[16], period[8];
    sqlite3_stmt *q = NULL, *st;
    int rc = ERR_OK;

    if (sqlite3_prepare_v2(db_handle(db), tasks, -1, &q, NULL) != SQLITE_OK)
        return db_fail(db, e, "bench");
    while (sqlite3_step(q) == SQLITE_ROW) {
        ids = realloc(ids, (size_t)(ntasks + 1) * sizeof *ids);
        snprintf(ids[ntasks++], UUID_LEN + 1, "%s", (const char *)sqlite3_column_text(q, 0));
    }
    sqlite3_finalize(q);
    for (i = 0; ntasks > 0 && made < want && rc == ERR_OK; i++, made++) {
        long task = i % ntasks, back = i / ntasks; /* months before 2025-06 */
        long m = (2025 * 12 + 5 - back % 120);

        if ((st = db_stmt(db, ins, e)) == NULL) {
            rc = ERR_DB;
            break;
        }
        snprintf(period, sizeof period, "%04ld-%02ld", m / 12, m % 12 + 1);
        snprintf(date, sizeof date, "%s-%02ld", period, 20 + task % 8);
        uuid_new(id);
        sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 2, ids[task], -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 3, date, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 4, period, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 5, "本月完成关键设备选型与样机调试，开展中试验证，形成阶段性成果。",
                          -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 6, task % 3 ? NULL : "配套资金到位较慢。", -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 7, "下月完成性能测试并提交验收材料。", -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 8, "王工", -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 9, db_now(db), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 10, db_user(db), -1, SQLITE_TRANSIENT);
        rc = db_exec_stmt(db, st, e);
    }
    free(ids);
    if (rc == ERR_OK && (st = db_stmt(db, last, e)) != NULL)
        rc = db_exec_stmt(db, st, e);
    return rc;
}

static int
gen_rep_reports(struct db *db, long n, struct err *e)
{
    return db_write(db, "bench", gen_rep_reports_fn, &n, e);
}

#endif
