/*
 * gen_reg.h — generated registries for the benchmarks: pilot projects
 * spread over the stages with some items on record and some runs under
 * way, and technology contracts. Bulk inserts through db_write, one
 * transaction per call, prepared statements. Include it in one bench
 * file; its functions are static.
 */
#ifndef TUWEI_BENCH_GEN_REG_H
#define TUWEI_BENCH_GEN_REG_H

#include <stdio.h>
#include <string.h>

#include "db/db.h"
#include "db/db_priv.h"
#include "src/uuid.h"

static const char *const gen_reg_words[] = {"粉煤灰", "氢能", "钠盐",   "煤化工", "有机硅", "光伏",
                                            "储能",   "种业", "盐碱地", "沙化",   "无人机", "铝基"};
static const char *const gen_reg_kinds[] = {"技术开发", "技术转让", "技术许可", "技术咨询",
                                            "技术服务"};

struct gen_reg {
    long n;
};

/* The key of the shipped stage with code (as src/reg_load.c makes it). */
static void
gen_reg_stage(const char *code, char out[UUID_LEN + 1])
{
    char name[64];

    snprintf(name, sizeof name, "pilot_stage:%s", code);
    uuid_from_name(name, out);
}

/* Inside db_write: n pilot projects; one in seven in the run, started so
 * that some are near or past the limit on 2025-06-30; the others at the
 * first five stages, half with their stage's first item on record. */
static int
gen_reg_pilots_fn(struct db *db, void *arg, struct err *e)
{
    static const char sql[] =
        "INSERT INTO pilot_project (id, name, stage_id, stage_since, run_start, created_at,"
        " created_by, updated_at, updated_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?6, ?7)";
    static const char item[] =
        "INSERT INTO pilot_project_item (id, project_id, item_id, value, created_at, created_by,"
        " updated_at, updated_by) SELECT ?1, ?2, i.id, '2025-01-01', ?3, ?4, ?3, ?4"
        " FROM pilot_stage_item i WHERE i.stage_id = ?5 ORDER BY i.sort LIMIT 1";
    static const char *const steps[] = {"apply", "accept", "review", "filing", "assess"};
    const struct gen_reg *g = arg;
    char id[UUID_LEN + 1], key[UUID_LEN + 1], stage[UUID_LEN + 1], name[160], start[16];
    sqlite3_stmt *st;
    long i;
    int run, rc;

    for (i = 0; i < g->n; i++) {
        if ((st = db_stmt(db, sql, e)) == NULL)
            return ERR_DB;
        run = i % 7 == 0;
        uuid_new(id);
        gen_reg_stage(run ? "run" : steps[i % 5], stage);
        snprintf(name, sizeof name, "%s%s中试项目%ld", gen_reg_words[i % 12],
                 gen_reg_words[(i / 12) % 12], i);
        snprintf(start, sizeof start, "20%02ld-%02ld-15", 23 + (i / 7) % 3, 1 + (i / 21) % 12);
        sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 2, name, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 3, stage, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 4, start, -1, SQLITE_TRANSIENT);
        if (run)
            sqlite3_bind_text(st, 5, start, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 6, db_now(db), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 7, db_user(db), -1, SQLITE_TRANSIENT);
        if ((rc = db_exec_stmt(db, st, e)) != ERR_OK)
            return rc;
        if (i % 2 || (st = db_stmt(db, item, e)) == NULL)
            continue;
        uuid_new(key);
        sqlite3_bind_text(st, 1, key, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 2, id, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 3, db_now(db), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 4, db_user(db), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 5, stage, -1, SQLITE_TRANSIENT);
        if ((rc = db_exec_stmt(db, st, e)) != ERR_OK)
            return rc;
    }
    return ERR_OK;
}

/* Inside db_write: n technology contracts of every kind. */
static int
gen_reg_contracts_fn(struct db *db, void *arg, struct err *e)
{
    static const char sql[] =
        "INSERT INTO tech_contract (id, title, kind, seller, buyer, amount, tech_income,"
        " signed_on, registered_on, status, created_at, created_by, updated_at, updated_by)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8, '已登记', ?9, ?10, ?9, ?10)";
    const struct gen_reg *g = arg;
    char id[UUID_LEN + 1], title[160], seller[96], buyer[96], day[16];
    sqlite3_stmt *st;
    long i;
    int rc;

    for (i = 0; i < g->n; i++) {
        if ((st = db_stmt(db, sql, e)) == NULL)
            return ERR_DB;
        uuid_new(id);
        snprintf(title, sizeof title, "%s%s技术合同%ld", gen_reg_words[i % 12],
                 gen_reg_words[(i / 12) % 12], i);
        snprintf(seller, sizeof seller, "%s研究院%ld", gen_reg_words[(i / 5) % 12], i % 97);
        snprintf(buyer, sizeof buyer, "内蒙古%s科技有限公司%ld", gen_reg_words[(i / 3) % 12],
                 i % 1009);
        snprintf(day, sizeof day, "2025-%02ld-%02ld", 1 + i % 12, 1 + i % 28);
        sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 2, title, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 3, gen_reg_kinds[i % 5], -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 4, seller, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 5, buyer, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64(st, 6, 10000 * (1 + i % 500));
        sqlite3_bind_int64(st, 7, 8000 * (1 + i % 500));
        sqlite3_bind_text(st, 8, day, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 9, db_now(db), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 10, db_user(db), -1, SQLITE_TRANSIENT);
        if ((rc = db_exec_stmt(db, st, e)) != ERR_OK)
            return rc;
    }
    return ERR_OK;
}

/* Adds n pilot projects, then m contracts, each in one transaction. */
static int
gen_reg(struct db *db, long n, long m, struct err *e)
{
    struct gen_reg p = {n}, c = {m};
    int rc = db_write(db, "bench", gen_reg_pilots_fn, &p, e);

    return rc == ERR_OK ? db_write(db, "bench", gen_reg_contracts_fn, &c, e) : rc;
}

#endif
