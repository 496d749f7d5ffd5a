/*
 * gen_ent.h — a city's worth of enterprises for the gradient benchmarks:
 * enterprises with Chinese names, valid credit codes, townships and
 * fields; five years of figures each; yearly tech-SME registrations and
 * high-tech certificates spread over the years. Everything goes in one
 * db_write per table with prepared statements, stamped and logged like
 * any write. Include it in one bench file; its functions are static.
 */
#ifndef TUWEI_BENCH_GEN_ENT_H
#define TUWEI_BENCH_GEN_ENT_H

#include <stdio.h>
#include <string.h>

#include "db/db.h"
#include "db/db_priv.h"
#include "db/enterprise.h"
#include "src/uuid.h"

static const char *const gen_ent_places[] = {"内蒙古", "达拉特旗", "鄂尔多斯市", "包头市"};
static const char *const gen_ent_syll[] = {
    "鑫", "源", "泰", "恒", "达", "宏", "金", "瑞", "盛", "祥", "华", "通", "远", "昌", "丰",
    "荣", "安", "康", "晟", "弘", "博", "创", "德", "嘉", "润", "沙", "漠", "草", "原", "河"};
static const char *const gen_ent_words[] = {"新能源", "新材料", "化工",   "农牧业", "生态", "氢能",
                                            "储能",   "光伏",   "煤化工", "种业",   "智能", "装备"};
static const char *const gen_ent_towns[] = {"树林召镇", "王爱召镇", "白泥井镇", "吉格斯太镇",
                                            "昭君镇",   "恩格贝镇", "中和西镇", "达拉特经济开发区"};

/* A simple deterministic random number for entity i and salt k. */
static unsigned long
gen_ent_rand(long i, long k)
{
    unsigned long x = (unsigned long)i * 2654435761UL + (unsigned long)k * 40503UL + 12345UL;

    x ^= x >> 13;
    x *= 0x5bd1e995UL;
    x ^= x >> 15;
    return x;
}

/* A valid credit code unique for i. */
static void
gen_ent_code(long i, char out[32])
{
    static const char alpha[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    static const int w[17] = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    int k, sum = 0;
    const char *p;

    snprintf(out, 32, "91150621%09ld", i % 1000000000L);
    for (k = 0; k < 17; k++) {
        p = strchr(alpha, out[k]);
        sum += (int)(p - alpha) * w[k];
    }
    out[17] = alpha[(31 - sum % 31) % 31];
    out[18] = '\0';
}

/* The name of enterprise i: place, two characters, a trade, a suffix. */
static void
gen_ent_name(long i, char *out, size_t n, char *shortname, size_t sn)
{
    unsigned long r = gen_ent_rand(i, 1);

    snprintf(shortname, sn, "%s%s%s", gen_ent_syll[r % 30], gen_ent_syll[(r / 30) % 30],
             gen_ent_words[(r / 900) % 12]);
    snprintf(out, n, "%s%s%s%ld有限公司", gen_ent_places[(r / 10800) % 4], shortname,
             (r / 43200) % 2 ? "科技" : "实业", i);
}

struct gen_ent {
    long n;          /* enterprises */
    int first_year;  /* figures from this year … */
    int years;       /* … for this many years */
    char (*ids)[40]; /* their keys, filled by gen_ent_enterprises */
    char fields[8][40];
    int nfields;
    char tier_sme[40], tier_ht[40];
};

static int
gen_ent_enterprises_fn(struct db *db, void *arg, struct err *e)
{
    static const char sql[] =
        "INSERT INTO enterprise (id, name, short_name, credit_code, township, field_id, "
        "above_scale,"
        " manufacturing, established, name_key, created_at, created_by, updated_at, updated_by)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, tuwei_sortkey(?2), ?10, ?11, ?10, ?11)";
    struct gen_ent *g = arg;
    char name[200], shortname[64], code[32], est[16];
    sqlite3_stmt *st;
    unsigned long r;
    long i;
    int rc;

    for (i = 0; i < g->n; i++) {
        if ((st = db_stmt(db, sql, e)) == NULL)
            return ERR_DB;
        r = gen_ent_rand(i, 2);
        uuid_new(g->ids[i]);
        gen_ent_name(i, name, sizeof name, shortname, sizeof shortname);
        gen_ent_code(i, code);
        snprintf(est, sizeof est, "%04lu-%02lu-%02lu", 2000 + r % 24, 1 + (r / 24) % 12,
                 1 + (r / 288) % 28);
        sqlite3_bind_text(st, 1, g->ids[i], -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 2, name, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 3, shortname, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 4, code, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 5, gen_ent_towns[r % 8], -1, SQLITE_STATIC);
        if (g->nfields)
            sqlite3_bind_text(st, 6, g->fields[(r / 8) % (unsigned long)g->nfields], -1,
                              SQLITE_TRANSIENT);
        sqlite3_bind_int(st, 7, (r / 64) % 20 == 0); /* one in twenty above scale */
        sqlite3_bind_int(st, 8, (r / 1280) % 5 < 2); /* two in five manufacturing */
        sqlite3_bind_text(st, 9, est, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 10, db_now(db), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 11, db_user(db), -1, SQLITE_TRANSIENT);
        if ((rc = db_exec_stmt(db, st, e)) != ERR_OK)
            return rc;
    }
    return ERR_OK;
}

static int
gen_ent_figures_fn(struct db *db, void *arg, struct err *e)
{
    static const char sql[] =
        "INSERT INTO enterprise_year (id, enterprise_id, year, staff, st_staff, sales, total_cost,"
        " total_assets, rd, rd_domestic, ht_revenue, ip1, ip2, rd_inst, inv_patents, incident,"
        " created_at, created_by, updated_at, updated_by)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9, ?10, ?11, ?12, ?13, ?14, 0,"
        " ?15, ?16, ?15, ?16)";
    struct gen_ent *g = arg;
    char id[UUID_LEN + 1];
    sqlite3_stmt *st;
    unsigned long r;
    long i, staff, sales;
    int y, rc;

    for (i = 0; i < g->n; i++) {
        for (y = 0; y < g->years; y++) {
            if ((st = db_stmt(db, sql, e)) == NULL)
                return ERR_DB;
            r = gen_ent_rand(i, 100 + y);
            staff = 5 + (long)(r % 600);
            sales = 1000000L + (long)((r / 600) % 300) * 1000000L;
            uuid_new(id);
            sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
            sqlite3_bind_text(st, 2, g->ids[i], -1, SQLITE_TRANSIENT);
            sqlite3_bind_int(st, 3, g->first_year + y);
            sqlite3_bind_int64(st, 4, staff);
            sqlite3_bind_int64(st, 5, staff * (long)((r / 180000) % 40) / 100);
            sqlite3_bind_int64(st, 6, sales);
            sqlite3_bind_int64(st, 7, sales * 9 / 10);
            sqlite3_bind_int64(st, 8, sales * 2);
            /* About a third spend on R&D, more each year. */
            sqlite3_bind_int64(st, 9,
                               (long)((r / 7200000) % 10) < 2 + y / 2
                                   ? sales * (long)(1 + (r / 28800) % 8) / 100
                                   : 0);
            sqlite3_bind_int64(st, 10, sales * (long)((r / 259200) % 90) / 100);
            sqlite3_bind_int(st, 11, (int)((r / 23328000) % 3));
            sqlite3_bind_int(st, 12, (int)((r / 3) % 6));
            sqlite3_bind_int(st, 13, (int)((r / 5) % 3));
            sqlite3_bind_int(st, 14, (int)((r / 7) % 4));
            sqlite3_bind_text(st, 15, db_now(db), -1, SQLITE_TRANSIENT);
            sqlite3_bind_text(st, 16, db_user(db), -1, SQLITE_TRANSIENT);
            if ((rc = db_exec_stmt(db, st, e)) != ERR_OK)
                return rc;
        }
    }
    return ERR_OK;
}

/* Inserts one tier event. */
static int
gen_ent_event(struct db *db, const char *ent, const char *tier, const char *date, const char *to,
              const char *number, struct err *e)
{
    static const char sql[] =
        "INSERT INTO tier_event (id, enterprise_id, tier_id, kind, event_date, evidence_no,"
        " valid_from, valid_to, created_at, created_by, updated_at, updated_by)"
        " VALUES (?1, ?2, ?3, 'enter', ?4, ?5, ?4, ?6, ?7, ?8, ?7, ?8)";
    sqlite3_stmt *st = db_stmt(db, sql, e);
    char id[UUID_LEN + 1];

    if (st == NULL)
        return ERR_DB;
    uuid_new(id);
    sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, ent, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 3, tier, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 4, date, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 5, number, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 6, to, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 7, db_now(db), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 8, db_user(db), -1, SQLITE_TRANSIENT);
    return db_exec_stmt(db, st, e);
}

/* Tech-SME registrations (one firm in twelve, most years from 2021) and
 * high-tech certificates (one firm in thirty, issued 2020-2025). */
static int
gen_ent_tiers_fn(struct db *db, void *arg, struct err *e)
{
    struct gen_ent *g = arg;
    char date[16], to[16], number[32];
    unsigned long r;
    long i;
    int y, rc = ERR_OK;

    for (i = 0; i < g->n && rc == ERR_OK; i++) {
        r = gen_ent_rand(i, 7);
        for (y = 2021; r % 12 == 0 && y <= 2025 && rc == ERR_OK; y++) {
            if (gen_ent_rand(i, y) % 10 < 2)
                continue;
            snprintf(date, sizeof date, "%d-%02lu-15", y, 3 + gen_ent_rand(i, y) % 6);
            snprintf(to, sizeof to, "%d-12-31", y);
            snprintf(number, sizeof number, "%d150621A%07ld", y, i % 10000000);
            rc = gen_ent_event(db, g->ids[i], g->tier_sme, date, to, number, e);
        }
        if (rc == ERR_OK && r % 30 == 1) {
            y = 2020 + (int)((r / 30) % 6);
            snprintf(date, sizeof date, "%d-%02lu-%02lu", y, 1 + (r / 120) % 12,
                     1 + (r / 1440) % 28);
            snprintf(to, sizeof to, "%d-%.5s", y + 3, date + 5);
            snprintf(number, sizeof number, "GR%d15%06ld", y, i % 1000000);
            rc = gen_ent_event(db, g->ids[i], g->tier_ht, date, to, number, e);
        }
    }
    return rc;
}

/* Reads the keys the generator refers to (fields, tiers). */
static int
gen_ent_keys(struct db *db, struct gen_ent *g, struct err *e)
{
    struct db_field *f;
    struct db_tier *t;
    size_t n, i;
    int rc;

    if ((rc = db_field_list(db, &f, &n, e)) != ERR_OK)
        return rc;
    for (i = 0; i < n && i < 8; i++)
        snprintf(g->fields[i], sizeof g->fields[i], "%s", f[i].id);
    g->nfields = (int)i;
    db_field_list_free(f, n);
    if ((rc = db_tier_list(db, &t, &n, e)) != ERR_OK)
        return rc;
    for (i = 0; i < n; i++) {
        if (strcmp(t[i].code, "tech_sme") == 0)
            snprintf(g->tier_sme, sizeof g->tier_sme, "%s", t[i].id);
        if (strcmp(t[i].code, "high_tech") == 0)
            snprintf(g->tier_ht, sizeof g->tier_ht, "%s", t[i].id);
    }
    db_tier_list_free(t, n);
    return ERR_OK;
}

/* Generates g->n enterprises with g->years of figures and tier events. */
static int
gen_ent_all(struct db *db, struct gen_ent *g, struct err *e)
{
    int rc;

    if ((rc = gen_ent_keys(db, g, e)) != ERR_OK ||
        (rc = db_write(db, "bench", gen_ent_enterprises_fn, g, e)) != ERR_OK ||
        (rc = db_write(db, "bench", gen_ent_figures_fn, g, e)) != ERR_OK)
        return rc;
    return db_write(db, "bench", gen_ent_tiers_fn, g, e);
}

#endif
