/*
 * gen.h — generated data at a city's scale for the benchmarks: bulk
 * inserts through db_write, one transaction per call, so every row is
 * stamped and logged as a real write would be. Include it in one bench
 * file; its functions are static.
 */
#ifndef TUWEI_BENCH_GEN_H
#define TUWEI_BENCH_GEN_H

#include <stdio.h>
#include <string.h>

#include "db/db.h"
#include "db/db_priv.h"
#include "src/uuid.h"

static const char *const gen_townships[] = {"树林召镇", "王爱召镇", "白泥井镇", "吉格斯太镇",
                                            "昭君镇",   "恩格贝镇", "中和西镇", "风水梁镇"};
static const char *const gen_words[] = {"新能源", "新材料", "化工",   "农牧业", "生态", "氢能",
                                        "储能",   "光伏",   "煤化工", "种业",   "智能", "装备"};

struct gen_enterprises {
    long n;     /* how many to insert */
    long first; /* number of the first, so calls can add more */
};

/* A unified social credit code of 18 characters, unique for i (the check
 * character is not computed: benches only need uniqueness). */
static void
gen_credit_code(long i, char out[32])
{
    snprintf(out, 32, "91150621MA%07ldX", i % 10000000);
}

/* Inside db_write: inserts the enterprises described by arg. */
static int
gen_enterprises_fn(struct db *db, void *arg, struct err *e)
{
    static const char sql[] =
        "INSERT INTO enterprise (id, name, short_name, credit_code, township, above_scale,"
        " manufacturing, name_key, created_at, created_by, updated_at, updated_by)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, tuwei_sortkey(?2), ?8, ?9, ?8, ?9)";
    const struct gen_enterprises *g = arg;
    char id[UUID_LEN + 1], name[160], shortname[64], code[32];
    sqlite3_stmt *st;
    long i;
    int rc;

    for (i = g->first; i < g->first + g->n; i++) {
        if ((st = db_stmt(db, sql, e)) == NULL)
            return ERR_DB;
        uuid_new(id);
        snprintf(shortname, sizeof shortname, "%s%s%ld", gen_words[i % 12],
                 gen_words[(i / 12) % 12], i);
        snprintf(name, sizeof name, "内蒙古%s%s科技有限公司", gen_townships[i % 8], shortname);
        gen_credit_code(i, code);
        sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 2, name, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 3, shortname, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 4, code, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 5, gen_townships[i % 8], -1, SQLITE_STATIC);
        sqlite3_bind_int(st, 6, i % 5 == 0);
        sqlite3_bind_int(st, 7, i % 3 == 0);
        sqlite3_bind_text(st, 8, db_now(db), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 9, db_user(db), -1, SQLITE_TRANSIENT);
        if ((rc = db_exec_stmt(db, st, e)) != ERR_OK)
            return rc;
    }
    return ERR_OK;
}

/* Adds n enterprises numbered from first, in one transaction. */
static int
gen_enterprises(struct db *db, long first, long n, struct err *e)
{
    struct gen_enterprises g = {n, first};

    return db_write(db, "bench", gen_enterprises_fn, &g, e);
}

#endif
