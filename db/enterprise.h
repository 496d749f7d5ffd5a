/*
 * enterprise.h — storing the enterprise register: enterprises, their
 * yearly figures, tier events, service log, subsidies and the rule
 * overrides. Plain structs; what is returned is the caller's, freed with
 * the matching _free. Functions marked "inside db_write" must run in a
 * write transaction; the rules about what may be written live in src/.
 */
#ifndef TUWEI_DB_ENTERPRISE_H
#define TUWEI_DB_ENTERPRISE_H

#include <stddef.h>

#include "db/db.h"

#define DB_ID_LEN 40
#define DB_DATE_LEN 11

/* A figure that is not known. */
#define DB_ENT_UNKNOWN (-1LL)

/* The yearly figures, in the order of db_ent_fig_columns. */
enum db_ent_fig {
    DB_FIG_STAFF,        /* 职工总数 */
    DB_FIG_ST_STAFF,     /* 科技人员 */
    DB_FIG_SALES,        /* 销售收入, yuan */
    DB_FIG_TOTAL_COST,   /* 成本费用总额, yuan */
    DB_FIG_TOTAL_ASSETS, /* 资产总额, yuan */
    DB_FIG_RD,           /* 研发费用, yuan */
    DB_FIG_RD_DOMESTIC,  /* 其中境内研发费用, yuan */
    DB_FIG_HT_REVENUE,   /* 高新技术产品（服务）收入, yuan */
    DB_FIG_IP1,          /* Ⅰ类知识产权 */
    DB_FIG_IP2,          /* Ⅱ类知识产权 */
    DB_FIG_RD_INST,      /* 研发机构: 0 none, 1 own, 2 provincial or higher */
    DB_FIG_INV_PATENTS,  /* 有效发明专利 */
    DB_FIG_INNOVATION,   /* 创新能力评价得分 (0..100) */
    DB_FIG_INCIDENT,     /* 重大安全、质量、环境事故: 0 none, 1 yes */
    DB_FIG_COUNT,
};

/* One year of one enterprise's figures; v[i] is DB_ENT_UNKNOWN when not known. */
struct db_ent_year {
    char id[DB_ID_LEN];
    int year;
    long long v[DB_FIG_COUNT];
};

struct db_enterprise {
    char id[DB_ID_LEN];
    char *name, *short_name, *credit_code, *township, *address, *contact, *notes, *ht_domain;
    char field_id[DB_ID_LEN];
    char *field_name;
    char established[DB_DATE_LEN];
    int credit_code_confirmed, above_scale, manufacturing;
    int award_year, standard_year; /* 0: none */
    char archived_at[24];
    char updated_at[24];
    char *updated_by;
};

struct db_tier {
    char id[DB_ID_LEN];
    char code[32];
    char name[64];
    int rank;
    char validity[16]; /* none, calendar_year, years */
    int validity_years;
    char *number_pattern; /* POSIX extended regex, NULL for none */
    char target_code[32];
};

struct db_tier_event {
    char id[DB_ID_LEN];
    char enterprise_id[DB_ID_LEN];
    char tier_id[DB_ID_LEN];
    char kind[8];                                                                 /* enter, drop */
    char event_date[DB_DATE_LEN], valid_from[DB_DATE_LEN], valid_to[DB_DATE_LEN]; /* "" none */
    char *evidence_no, *note, *created_by;
};

struct db_ent_service {
    char id[DB_ID_LEN];
    char enterprise_id[DB_ID_LEN];
    char service_date[DB_DATE_LEN], follow_up[DB_DATE_LEN];
    char *unit, *person, *asked, *done;
};

struct db_ent_subsidy {
    char id[DB_ID_LEN];
    char enterprise_id[DB_ID_LEN];
    char paid_date[DB_DATE_LEN];
    char *kind, *note;
    long long amount;
};

struct db_field {
    char id[DB_ID_LEN];
    char *name;
};

/* The figures' column names, in enum order (static strings). */
extern const char *const db_ent_fig_columns[DB_FIG_COUNT];

/* ---- enterprises ---- */

/* The enterprise with key id (archived ones too). ERR_NOTFOUND if none. */
int db_ent_get(struct db *db, const char *id, struct db_enterprise *out, struct err *e);

/* Inside db_write: gives the enterprises whose pinyin sort key is missing
 * or stale (rows written by something other than db/enterprise.c, such as
 * the plan's seed rows) their key. */
int db_ent_sortkeys_fill(struct db *db, struct err *e);

/* Calls fn for every enterprise, deleted ones included (live ones first,
 * then in the order they were added): its key, credit code (NULL when it
 * has none) and name. For reading a whole file's rows against the register. */
int db_ent_each_key(struct db *db,
                    void (*fn)(void *arg, const char *id, const char *code, const char *name),
                    void *arg, struct err *e);

/* The key of the enterprise with credit code code, or of the live
 * enterprise named name; 1 found, 0 not, -1 error. id gets DB_ID_LEN. */
int db_ent_find_code(struct db *db, const char *code, char *id, struct err *e);
int db_ent_find_name(struct db *db, const char *name, char *id, struct err *e);

void db_ent_free(struct db_enterprise *x);

/* Inside db_write: inserts x (x->id set by the caller) with stamps. */
int db_ent_insert(struct db *db, const struct db_enterprise *x, struct err *e);

/* Many new enterprises (ids set by the caller) and years of figures
 * (ids set; year_eids[i] is years[i]'s enterprise), inserted in the order
 * given, one statement per table. */
struct db_ent_bulk {
    const struct db_enterprise *const *ents;
    /* each name's sort key (tuwei_sortkey), when the caller has them
     * already; NULL to have them made */
    const char *const *name_keys;
    const size_t *name_key_lens;
    size_t nents;
    const struct db_ent_year *const *years;
    const char *const *year_eids;
    size_t nyears;
};

/* Inside db_write: inserts b's rows with stamps; the search indexes are
 * filled once for them all rather than row by row. */
int db_ent_bulk_insert(struct db *db, const struct db_ent_bulk *b, struct err *e);

/* Inside db_write: rewrites every column of x->id from x. */
int db_ent_update(struct db *db, const struct db_enterprise *x, struct err *e);

/* Inside db_write: sets or clears archived_at (restore when archived is 0). */
int db_ent_archive(struct db *db, const char *id, int archived, struct err *e);

/* ---- industry fields ---- */

int db_field_list(struct db *db, struct db_field **out, size_t *n, struct err *e);
void db_field_list_free(struct db_field *f, size_t n);

/* ---- yearly figures ---- */

/* The live figures of enterprise id, newest year first. */
int db_ent_years(struct db *db, const char *id, struct db_ent_year **out, size_t *n, struct err *e);

/* The figures of one year: 1 found, 0 not (out all unknown), -1 error. */
int db_ent_year_get(struct db *db, const char *id, int year, struct db_ent_year *out,
                    struct err *e);

/* Inside db_write: writes the year's figures (insert, or update of the row
 * for enterprise and year, restoring it if archived). y->id is used for a
 * new row. *changed is 1 when anything differed. */
int db_ent_year_put(struct db *db, const char *enterprise_id, const struct db_ent_year *y,
                    int *changed, struct err *e);

/* Inside db_write: inserts a year's figures known to be new (y->id set). */
int db_ent_year_insert(struct db *db, const char *enterprise_id, const struct db_ent_year *y,
                       struct err *e);

/* Inside db_write: archives the figures of one year. */
int db_ent_year_archive(struct db *db, const char *enterprise_id, int year, struct err *e);

/* ---- tiers ---- */

/* The tiers by rank. */
int db_tier_list(struct db *db, struct db_tier **out, size_t *n, struct err *e);
void db_tier_list_free(struct db_tier *t, size_t n);

/* The live tier events of an enterprise, oldest first. */
int db_tier_events(struct db *db, const char *enterprise_id, struct db_tier_event **out, size_t *n,
                   struct err *e);
void db_tier_events_free(struct db_tier_event *ev, size_t n);

/* Inside db_write: inserts ev (ev->id set by the caller). */
int db_tier_event_insert(struct db *db, const struct db_tier_event *ev, struct err *e);

/* Inside db_write: archives one event. */
int db_tier_event_archive(struct db *db, const char *id, struct err *e);

/* ---- service log and subsidies ---- */

int db_ent_services(struct db *db, const char *enterprise_id, struct db_ent_service **out,
                    size_t *n, struct err *e);
void db_ent_services_free(struct db_ent_service *s, size_t n);
int db_ent_service_insert(struct db *db, const struct db_ent_service *s, struct err *e);

int db_ent_subsidies(struct db *db, const char *enterprise_id, struct db_ent_subsidy **out,
                     size_t *n, struct err *e);
void db_ent_subsidies_free(struct db_ent_subsidy *s, size_t n);
int db_ent_subsidy_insert(struct db *db, const struct db_ent_subsidy *s, struct err *e);

/* Inside db_write: archives a service or subsidy row of table "service"/"subsidy". */
int db_ent_record_archive(struct db *db, const char *which, const char *id, struct err *e);

/* ---- rule overrides ---- */

/* Calls fn for each stored override. */
int db_ent_rules(struct db *db, void (*fn)(void *arg, const char *key, const char *value),
                 void *arg, struct err *e);

/* Inside db_write: stores value for key (NULL removes the override). */
int db_ent_rule_put(struct db *db, const char *id, const char *key, const char *value,
                    struct err *e);

#endif
