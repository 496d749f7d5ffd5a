/*
 * gen_tasks.h — the seven actions at a city's scale for the task
 * benchmarks: n tasks (one action holding `big` of them), each with a lead
 * unit and the coordinating centre as a co-responsible one, two milestones,
 * and monthly progress reports (some tasks left unreported for months, so
 * lists have overdue and stale rows). One db_write, prepared statements:
 * every row is stamped and logged as a real write would be.
 */
#ifndef TUWEI_BENCH_GEN_TASKS_H
#define TUWEI_BENCH_GEN_TASKS_H

#include <stdio.h>
#include <string.h>

#include "db/db.h"
#include "db/db_priv.h"
#include "src/uuid.h"

struct gen_tasks {
    long tasks;     /* how many tasks */
    long reports;   /* how many progress reports, spread over the tasks */
    int big_action; /* the action that gets `big` of the tasks */
    long big;
    char action[8][40]; /* keys of actions 1..7 */
    char unit[16][40];  /* keys of the live units */
    int nunits;
    char status[8][40];
    int nstatus;
};

static const char *const gen_task_words[] = {"氢能", "储能",     "新材料", "煤化工", "种业",
                                             "节水", "防沙治沙", "中试",   "人才",   "数字农场"};

/* Reads column 0 of every row of sql into keys (at most max). */
static int
gen_tasks_keys(struct db *db, const char *sql, char (*keys)[40], int max)
{
    sqlite3_stmt *st;
    int n = 0;

    if (sqlite3_prepare_v2(db_handle(db), sql, -1, &st, NULL) != SQLITE_OK)
        return 0;
    while (n < max && sqlite3_step(st) == SQLITE_ROW)
        snprintf(keys[n++], 40, "%s", (const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    return n;
}

/* Binds the four stamps at ?a .. ?a+3. */
static void
gen_tasks_stamps(struct db *db, sqlite3_stmt *st, int a)
{
    sqlite3_bind_text(st, a, db_now(db), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, a + 1, db_user(db), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, a + 2, db_now(db), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, a + 3, db_user(db), -1, SQLITE_TRANSIENT);
}

static int
gen_tasks_unit(struct db *db, const char *task, const char *unit, const char *role, struct err *e)
{
    static const char sql[] =
        "INSERT INTO task_unit (id, task_id, unit_id, role, created_at, created_by, updated_at,"
        " updated_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
    sqlite3_stmt *st = db_stmt(db, sql, e);
    char id[UUID_LEN + 1];

    if (st == NULL)
        return ERR_DB;
    uuid_new(id);
    sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, task, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 3, unit, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 4, role, -1, SQLITE_STATIC);
    gen_tasks_stamps(db, st, 5);
    return db_exec_stmt(db, st, e);
}

static int
gen_tasks_task(struct db *db, struct gen_tasks *g, long i, const char *id, struct err *e)
{
    static const char sql[] =
        "INSERT INTO task (id, action_id, no, title, body, status_id, start_date, due_date,"
        " percent, created_at, created_by, updated_at, updated_by)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)";
    sqlite3_stmt *st = db_stmt(db, sql, e);
    int action = (int)(i % 6) + 1;
    char title[160], start[16], due[16];

    if (st == NULL)
        return ERR_DB;
    if (action >= g->big_action) /* the other actions share the rest */
        action++;
    if (i < g->big)
        action = g->big_action;
    snprintf(title, sizeof title, "第%ld项%s关键技术研究与示范（%s方向）", i,
             gen_task_words[i % 10], gen_task_words[(i / 10) % 10]);
    snprintf(start, sizeof start, "2025-%02ld-01", 1 + i % 6);
    snprintf(due, sizeof due, "2025-%02ld-%02ld", 3 + i % 10, 1 + i % 28);
    sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, g->action[action], -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(st, 3, 100 + i);
    sqlite3_bind_text(st, 4, title, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 5, "按工作方案推进关键技术研究、样机研制与示范应用，按月报送进展。", -1,
                      SQLITE_STATIC);
    sqlite3_bind_text(st, 6, g->status[i % g->nstatus], -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 7, start, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 8, due, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(st, 9, (i * 7) % 101);
    gen_tasks_stamps(db, st, 10);
    return db_exec_stmt(db, st, e);
}

/* Report j of task i: monthly, the latest first; every fifth task stopped
 * reporting in March. */
static int
gen_tasks_report(struct db *db, long i, long j, const char *task, const char *unit, struct err *e)
{
    static const char sql[] =
        "INSERT INTO task_report (id, task_id, report_date, period, progress, problems,"
        " next_steps, unit_id, person, created_at, created_by, updated_at, updated_by)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)";
    sqlite3_stmt *st = db_stmt(db, sql, e);
    long m = 2025 * 12 + 5 - j - (i % 5 == 0 ? 3 : 0); /* months since year 0, June 2025 first */
    char id[UUID_LEN + 1], date[32], period[24], text[200];

    if (st == NULL)
        return ERR_DB;
    uuid_new(id);
    snprintf(period, sizeof period, "%04d-%02d", (int)(m / 12) % 10000, (int)(m % 12) + 1);
    snprintf(date, sizeof date, "%.7s-%02d", period, (int)(20 + i % 8));
    snprintf(text, sizeof text, "%s：完成第%ld阶段工作，%s试验按计划推进。", period, j + 1,
             gen_task_words[(i + j) % 10]);
    sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, task, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 3, date, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 4, period, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 5, text, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 6, j % 3 ? NULL : "资金到位偏慢", -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 7, "下月完成中期检查", -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 8, unit, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 9, "张三", -1, SQLITE_STATIC);
    gen_tasks_stamps(db, st, 10);
    return db_exec_stmt(db, st, e);
}

static int
gen_tasks_milestone(struct db *db, long i, int k, const char *task, struct err *e)
{
    static const char sql[] =
        "INSERT INTO task_milestone (id, task_id, title, due_date, done_date, created_at,"
        " created_by, updated_at, updated_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";
    sqlite3_stmt *st = db_stmt(db, sql, e);
    char id[UUID_LEN + 1], due[16];

    if (st == NULL)
        return ERR_DB;
    uuid_new(id);
    snprintf(due, sizeof due, "2025-%02ld-15", 3 + (i + 4 * k) % 9);
    sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, task, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 3, k ? "完成中试" : "完成小试", -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, due, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 5, (i + k) % 3 ? NULL : due, -1, SQLITE_TRANSIENT);
    gen_tasks_stamps(db, st, 6);
    return db_exec_stmt(db, st, e);
}

/* One task with its units, milestones and reports. */
static int
gen_tasks_one(struct db *db, struct gen_tasks *g, long i, long nrep, struct err *e)
{
    const char *lead = g->unit[(i * 7) % g->nunits], *centre = g->unit[4];
    char id[UUID_LEN + 1];
    long j;
    int rc;

    uuid_new(id);
    if ((rc = gen_tasks_task(db, g, i, id, e)) != ERR_OK ||
        (rc = gen_tasks_unit(db, id, lead, "lead", e)) != ERR_OK ||
        (strcmp(lead, centre) != 0 && (rc = gen_tasks_unit(db, id, centre, "co", e)) != ERR_OK) ||
        (rc = gen_tasks_milestone(db, i, 0, id, e)) != ERR_OK ||
        (rc = gen_tasks_milestone(db, i, 1, id, e)) != ERR_OK)
        return rc;
    for (j = 0; j < nrep && rc == ERR_OK; j++)
        rc = gen_tasks_report(db, i, j, id, lead, e);
    return rc;
}

static int
gen_tasks_fn(struct db *db, void *arg, struct err *e)
{
    static const char caches[] =
        "UPDATE task SET report_last = (SELECT max(report_date) FROM task_report r"
        " WHERE r.task_id = task.id AND r.archived_at IS NULL), milestone_due = (SELECT"
        " min(due_date) FROM task_milestone m WHERE m.task_id = task.id AND m.archived_at IS NULL"
        " AND m.done_date IS NULL) WHERE no >= 100";
    struct gen_tasks *g = arg;
    sqlite3_stmt *st;
    long i, per = g->reports / (g->tasks ? g->tasks : 1),
            extra = g->reports % (g->tasks ? g->tasks : 1);
    int rc = ERR_OK;

    gen_tasks_keys(db, "SELECT id FROM action ORDER BY no", g->action + 1, 7);
    g->nunits = gen_tasks_keys(db, "SELECT id FROM unit ORDER BY sort", g->unit, 16);
    g->nstatus = gen_tasks_keys(db, "SELECT id FROM task_status ORDER BY sort", g->status, 8);
    if (g->nunits < 5 || g->nstatus < 1)
        return err_set(e, ERR_INVALID, "bench: load the plan first");
    for (i = 0; i < g->tasks && rc == ERR_OK; i++)
        rc = gen_tasks_one(db, g, i, per + (i < extra), e);
    if (rc == ERR_OK && (st = db_stmt(db, caches, e)) != NULL)
        rc = db_exec_stmt(db, st, e);
    return rc;
}

/* Adds n tasks (big of them in action big_action) and reports progress reports. */
static int
gen_tasks(struct db *db, long n, int big_action, long big, long reports, struct err *e)
{
    struct gen_tasks g;

    memset(&g, 0, sizeof g);
    g.tasks = n;
    g.reports = reports;
    g.big_action = big_action;
    g.big = big;
    return db_write(db, "bench", gen_tasks_fn, &g, e);
}

#endif
