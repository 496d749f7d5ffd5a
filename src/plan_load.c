/*
 * plan_load.c — reading the compiled-in plan CSVs and writing their rows
 * through db_seed_row inside one db_write transaction.
 */
#include "src/plan_load.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/enterprise.h"
#include "db/seed.h"
#include "src/asset.h"
#include "src/csv.h"
#include "src/reg.h"
#include "src/uuid.h"
#include "src/xmalloc.h"

#define PLAN_YEAR "2025"
#define PLAN_MAX_COLS 16

/* One CSV file being read: its header and the current row. */
struct plan_csv {
    const char *name;
    struct csv_reader *r;
    char *header[PLAN_MAX_COLS];
    size_t nheader;
    struct csv_row row;
};

#define PLAN_MAX_ACTIONS 16
#define PLAN_MAX_UNITS 16

struct plan_ctx {
    struct plan_load_stats *stats;
    /* Each action's units as the plan lists them (canonical names), for
     * the tasks under it: the first named leads, the others share. */
    char *action_units[PLAN_MAX_ACTIONS][PLAN_MAX_UNITS];
};

static int
plan_csv_open(struct plan_csv *c, const char *name, struct err *e)
{
    const struct asset *a = asset_find(name);
    size_t i;

    memset(c, 0, sizeof *c);
    c->name = name;
    if (a == NULL)
        return err_set(e, ERR_IO, "程序缺少内置文件 %s", name);
    if ((c->r = csv_reader_new((const char *)a->data, a->len, e)) == NULL)
        return ERR_INVALID;
    if (csv_next(c->r, &c->row, e) != 1)
        return err_set(e, ERR_INVALID, "内置文件 %s 没有表头", name);
    for (i = 0; i < c->row.n && i < PLAN_MAX_COLS; i++)
        c->header[i] = xstrdup(c->row.fields[i]);
    c->nheader = i;
    return ERR_OK;
}

static void
plan_csv_close(struct plan_csv *c)
{
    size_t i;

    for (i = 0; i < c->nheader; i++)
        free(c->header[i]);
    csv_reader_free(c->r);
    memset(c, 0, sizeof *c);
}

/* Reads the next row: 1, 0 at the end, -1 on error. */
static int
plan_csv_next(struct plan_csv *c, struct err *e)
{
    return csv_next(c->r, &c->row, e);
}

/* The current row's value in column col ("" when absent). */
static const char *
plan_get(const struct plan_csv *c, const char *col)
{
    size_t i;

    for (i = 0; i < c->nheader; i++) {
        if (strcmp(c->header[i], col) == 0)
            return i < c->row.n ? c->row.fields[i] : "";
    }
    return "";
}

/* The key of a shipped row: derived from kind and name. */
static void
plan_key(char out[UUID_LEN + 1], const char *kind, const char *name)
{
    char *s = xasprintf("%s:%s", kind, name);

    uuid_from_name(s, out);
    free(s);
}

static int
plan_put(struct db *db, struct plan_ctx *x, const char *table, const char *id,
         const char *const *cols, const char *const *vals, size_t n, struct err *e)
{
    int added = 0, rc = db_seed_row(db, table, id, cols, vals, n, &added, e);

    x->stats->rows_added += added;
    return rc;
}

static const struct {
    const char *full, *alias;
} plan_aliases[] = {
    {"旗商务和投资促进中心", "旗商务和投促中心"},
};

const char *
plan_unit_canonical(const char *name)
{
    size_t i;

    for (i = 0; i < sizeof plan_aliases / sizeof plan_aliases[0]; i++) {
        if (strcmp(name, plan_aliases[i].alias) == 0)
            return plan_aliases[i].full;
    }
    return name;
}

/* A table's file, one row per record, with the key built from key_cols. */
typedef int (*plan_row_fn)(struct db *db, struct plan_ctx *x, struct plan_csv *c, struct err *e);

static int
plan_each(struct db *db, struct plan_ctx *x, const char *file, plan_row_fn fn, struct err *e)
{
    struct plan_csv c;
    int rc, r;

    if ((rc = plan_csv_open(&c, file, e)) != ERR_OK) {
        plan_csv_close(&c);
        return rc;
    }
    while ((r = plan_csv_next(&c, e)) == 1) {
        if ((rc = fn(db, x, &c, e)) != ERR_OK)
            break;
    }
    if (r < 0)
        rc = ERR_INVALID;
    plan_csv_close(&c);
    return rc;
}

static int
plan_row_status(struct db *db, struct plan_ctx *x, struct plan_csv *c, struct err *e)
{
    static const char *const cols[] = {"code", "name", "is_done", "sort"};
    const char *vals[] = {plan_get(c, "code"), plan_get(c, "name"), plan_get(c, "is_done"), NULL};
    char id[UUID_LEN + 1], sort[16];

    snprintf(sort, sizeof sort, "%ld", c->row.line);
    vals[3] = sort;
    plan_key(id, "task_status", vals[0]);
    return plan_put(db, x, "task_status", id, cols, vals, 4, e);
}

static int
plan_row_tier(struct db *db, struct plan_ctx *x, struct plan_csv *c, struct err *e)
{
    static const char *const cols[] = {"code",           "name",           "rank",       "validity",
                                       "validity_years", "number_pattern", "target_code"};
    const char *vals[7];
    char id[UUID_LEN + 1];
    size_t i;

    for (i = 0; i < 7; i++)
        vals[i] = plan_get(c, cols[i]);
    plan_key(id, "tier", vals[0]);
    return plan_put(db, x, "tier", id, cols, vals, 7, e);
}

static int
plan_row_field(struct db *db, struct plan_ctx *x, struct plan_csv *c, struct err *e)
{
    static const char *const cols[] = {"name", "scope", "sort"};
    char id[UUID_LEN + 1], sort[16];
    const char *vals[] = {plan_get(c, "name"), plan_get(c, "scope"), sort};

    snprintf(sort, sizeof sort, "%ld", c->row.line);
    plan_key(id, "field", vals[0]);
    return plan_put(db, x, "industry_field", id, cols, vals, 3, e);
}

static int
plan_row_unit(struct db *db, struct plan_ctx *x, struct plan_csv *c, struct err *e)
{
    static const char *const cols[] = {"name", "sort"};
    static const char *const acols[] = {"unit_id", "alias"};
    char id[UUID_LEN + 1], aid[UUID_LEN + 1], sort[16];
    const char *vals[] = {plan_get(c, "name"), sort};
    const char *alias = plan_get(c, "aliases");
    const char *avals[] = {id, alias};
    int rc;

    snprintf(sort, sizeof sort, "%ld", c->row.line);
    plan_key(id, "unit", vals[0]);
    if ((rc = plan_put(db, x, "unit", id, cols, vals, 2, e)) != ERR_OK || *alias == '\0')
        return rc;
    plan_key(aid, "unit_alias", alias);
    return plan_put(db, x, "unit_alias", aid, acols, avals, 2, e);
}

/* The plan row: plan.csv holds key,value pairs for its columns. */
static int
plan_load_plan(struct db *db, struct plan_ctx *x, struct err *e)
{
    static const char *const cols[] = {"year",     "title",        "issuer",     "notice",
                                       "preamble", "requirements", "tasks_intro"};
    char *vals[7] = {0};
    struct plan_csv c;
    char id[UUID_LEN + 1];
    size_t i;
    int r, rc;

    if ((rc = plan_csv_open(&c, "plan2025/plan.csv", e)) != ERR_OK)
        goto out;
    while ((r = plan_csv_next(&c, e)) == 1) {
        for (i = 0; i < 7 && strcmp(cols[i], plan_get(&c, "key")) != 0; i++)
            ;
        if (i == 7) {
            rc = err_set(e, ERR_INVALID, "内置方案文件有未知的项 %s", plan_get(&c, "key"));
            goto out;
        }
        free(vals[i]);
        vals[i] = xstrdup(plan_get(&c, "value"));
    }
    if (r < 0 || vals[0] == NULL || strcmp(vals[0], PLAN_YEAR) != 0) {
        rc = err_set(e, ERR_INVALID, "内置方案文件的年份不是 %s", PLAN_YEAR);
        goto out;
    }
    plan_key(id, "plan", PLAN_YEAR);
    rc = plan_put(db, x, "plan", id, cols, (const char *const *)vals, 7, e);
out:
    for (i = 0; i < 7; i++)
        free(vals[i]);
    plan_csv_close(&c);
    return rc;
}

static int
plan_row_target(struct db *db, struct plan_ctx *x, struct plan_csv *c, struct err *e)
{
    static const char *const cols[] = {"plan_id", "code",       "name",        "kind", "value",
                                       "unit",    "comparator", "source_text", "sort"};
    char id[UUID_LEN + 1], plan[UUID_LEN + 1], sort[16], *key;
    const char *vals[9];
    size_t i;

    plan_key(plan, "plan", PLAN_YEAR);
    vals[0] = plan;
    for (i = 1; i < 8; i++)
        vals[i] = plan_get(c, cols[i]);
    snprintf(sort, sizeof sort, "%ld", c->row.line);
    vals[8] = sort;
    key = xasprintf("%s:%s", PLAN_YEAR, vals[1]);
    plan_key(id, "target", key);
    free(key);
    return plan_put(db, x, "target", id, cols, vals, 9, e);
}

/* Notes that unit canon is the i-th unit of action action_no. */
static void
plan_remember_unit(struct plan_ctx *x, const char *action_no, int i, const char *canon)
{
    int a = atoi(action_no);

    if (a < 1 || a > PLAN_MAX_ACTIONS || i < 0 || i >= PLAN_MAX_UNITS)
        return;
    free(x->action_units[a - 1][i]);
    x->action_units[a - 1][i] = xstrdup(canon);
}

/* Links a new task of the plan to its action's units: the first listed
 * leads, the others are co-responsible (the plan names units per action;
 * clerks adjust each task afterwards). */
static int
plan_task_units(struct db *db, struct plan_ctx *x, const char *task_id, const char *task_ref,
                const char *action_no, struct err *e)
{
    static const char *const cols[] = {"task_id", "unit_id", "role"};
    char id[UUID_LEN + 1], unit[UUID_LEN + 1], *key;
    const char *vals[3];
    int a = atoi(action_no), i, rc = ERR_OK;

    if (a < 1 || a > PLAN_MAX_ACTIONS)
        return ERR_OK;
    for (i = 0; i < PLAN_MAX_UNITS && x->action_units[a - 1][i] && rc == ERR_OK; i++) {
        plan_key(unit, "unit", x->action_units[a - 1][i]);
        key = xasprintf("%s:%s:%s", PLAN_YEAR, task_ref, x->action_units[a - 1][i]);
        plan_key(id, "task_unit", key);
        free(key);
        vals[0] = task_id;
        vals[1] = unit;
        vals[2] = i == 0 ? "lead" : "co";
        rc = plan_put(db, x, "task_unit", id, cols, vals, 3, e);
    }
    return rc;
}

/* Links an action to each unit named in list (separated by 、), aliases resolved. */
static int
plan_action_units(struct db *db, struct plan_ctx *x, const char *action_id, const char *action_no,
                  const char *list, struct err *e)
{
    static const char *const cols[] = {"action_id", "unit_id", "named_as", "sort"};
    char *copy = xstrdup(list), *p = copy, *q, id[UUID_LEN + 1], unit[UUID_LEN + 1], sort[16], *key;
    const char *canon, *vals[4];
    int n = 0, rc = ERR_OK;

    while (rc == ERR_OK && p && *p) {
        if ((q = strstr(p, "、")) != NULL)
            *q = '\0';
        canon = plan_unit_canonical(p);
        plan_key(unit, "unit", canon);
        key = xasprintf("%s:%s:%s", PLAN_YEAR, action_no, canon);
        plan_key(id, "action_unit", key);
        free(key);
        snprintf(sort, sizeof sort, "%d", ++n);
        plan_remember_unit(x, action_no, n - 1, canon);
        vals[0] = action_id;
        vals[1] = unit;
        vals[2] = strcmp(canon, p) != 0 ? p : NULL;
        vals[3] = sort;
        rc = plan_put(db, x, "action_unit", id, cols, vals, 4, e);
        p = q ? q + strlen("、") : NULL;
    }
    free(copy);
    return rc;
}

static int
plan_row_action(struct db *db, struct plan_ctx *x, struct plan_csv *c, struct err *e)
{
    static const char *const cols[] = {"plan_id", "no", "name", "title", "body"};
    char id[UUID_LEN + 1], plan[UUID_LEN + 1], *key;
    const char *vals[5];
    int rc;

    plan_key(plan, "plan", PLAN_YEAR);
    vals[0] = plan;
    vals[1] = plan_get(c, "no");
    vals[2] = plan_get(c, "name");
    vals[3] = plan_get(c, "title");
    vals[4] = plan_get(c, "body");
    key = xasprintf("%s:%s", PLAN_YEAR, vals[1]);
    plan_key(id, "action", key);
    free(key);
    if ((rc = plan_put(db, x, "action", id, cols, vals, 5, e)) != ERR_OK)
        return rc;
    return plan_action_units(db, x, id, vals[1], plan_get(c, "units"), e);
}

/* Links task to each name in list (separated by ;) in link_table. */
static int
plan_task_links(struct db *db, struct plan_ctx *x, const char *task_id, const char *task_ref,
                const char *list, const char *link_table, const char *kind, struct err *e)
{
    const char *cols[] = {"task_id", NULL};
    char *copy = xstrdup(list), *p = copy, *q, id[UUID_LEN + 1], other[UUID_LEN + 1], *key;
    const char *vals[2];
    int rc = ERR_OK;

    cols[1] = strcmp(kind, "enterprise") == 0 ? "enterprise_id" : "institution_id";
    while (rc == ERR_OK && p && *p) {
        if ((q = strchr(p, ';')) != NULL)
            *q = '\0';
        plan_key(other, kind, p);
        key = xasprintf("%s:%s:%s", PLAN_YEAR, task_ref, p);
        plan_key(id, link_table, key);
        free(key);
        vals[0] = task_id;
        vals[1] = other;
        rc = plan_put(db, x, link_table, id, cols, vals, 2, e);
        p = q ? q + 1 : NULL;
    }
    free(copy);
    return rc;
}

static int
plan_row_task(struct db *db, struct plan_ctx *x, struct plan_csv *c, struct err *e)
{
    static const char *const cols[] = {"action_id", "no", "title", "body", "status_id", "percent"};
    char id[UUID_LEN + 1], action[UUID_LEN + 1], status[UUID_LEN + 1], *key, *ref;
    const char *vals[6];
    int rc, added = 0;

    ref = xasprintf("%s.%s", plan_get(c, "action"), plan_get(c, "no"));
    key = xasprintf("%s:%s", PLAN_YEAR, plan_get(c, "action"));
    plan_key(action, "action", key);
    free(key);
    key = xasprintf("%s:%s", PLAN_YEAR, ref);
    plan_key(id, "task", key);
    free(key);
    plan_key(status, "task_status", "not_started");
    vals[0] = action;
    vals[1] = plan_get(c, "no");
    vals[2] = plan_get(c, "title");
    vals[3] = plan_get(c, "body");
    vals[4] = status;
    vals[5] = "0";
    rc = db_seed_row(db, "task", id, cols, vals, 6, &added, e);
    x->stats->rows_added += added;
    if (rc == ERR_OK && added)
        rc = plan_task_units(db, x, id, ref, plan_get(c, "action"), e);
    if (rc == ERR_OK)
        rc = plan_task_links(db, x, id, ref, plan_get(c, "enterprises"), "task_enterprise",
                             "enterprise", e);
    if (rc == ERR_OK)
        rc = plan_task_links(db, x, id, ref, plan_get(c, "institutions"), "task_institution",
                             "institution", e);
    free(ref);
    return rc;
}

/* The key of task "a.n" of the plan, or NULL into out[0] when ref is empty. */
static const char *
plan_task_ref(char out[UUID_LEN + 1], const char *ref)
{
    char *key;

    if (*ref == '\0')
        return NULL;
    key = xasprintf("%s:%s", PLAN_YEAR, ref);
    plan_key(out, "task", key);
    free(key);
    return out;
}

static int
plan_row_enterprise(struct db *db, struct plan_ctx *x, struct plan_csv *c, struct err *e)
{
    static const char *const cols[] = {"name"};
    const char *vals[] = {plan_get(c, "name")};
    char id[UUID_LEN + 1];

    plan_key(id, "enterprise", vals[0]);
    return plan_put(db, x, "enterprise", id, cols, vals, 1, e);
}

static int
plan_row_institution(struct db *db, struct plan_ctx *x, struct plan_csv *c, struct err *e)
{
    static const char *const cols[] = {"name", "kind", "parent"};
    const char *vals[] = {plan_get(c, "name"), plan_get(c, "kind"), plan_get(c, "parent")};
    char id[UUID_LEN + 1];

    plan_key(id, "institution", vals[0]);
    return plan_put(db, x, "institution", id, cols, vals, 3, e);
}

static int
plan_row_platform(struct db *db, struct plan_ctx *x, struct plan_csv *c, struct err *e)
{
    static const char *const cols[] = {"name", "kind", "host", "enterprise_id", "task_id"};
    char id[UUID_LEN + 1], ent[UUID_LEN + 1], task[UUID_LEN + 1];
    const char *host = plan_get(c, "host");
    const char *vals[5];

    plan_key(ent, "enterprise", host);
    vals[0] = plan_get(c, "name");
    vals[1] = plan_get(c, "kind");
    vals[2] = host;
    vals[3] = *host ? ent : NULL;
    vals[4] = plan_task_ref(task, plan_get(c, "task"));
    plan_key(id, "platform", vals[0]);
    return plan_put(db, x, "platform", id, cols, vals, 5, e);
}

static int
plan_row_base(struct db *db, struct plan_ctx *x, struct plan_csv *c, struct err *e)
{
    static const char *const cols[] = {"name", "kind"};
    const char *vals[] = {plan_get(c, "name"), plan_get(c, "kind")};
    char id[UUID_LEN + 1];

    plan_key(id, "pilot_base", vals[0]);
    return plan_put(db, x, "pilot_base", id, cols, vals, 2, e);
}

static int
plan_row_pilot(struct db *db, struct plan_ctx *x, struct plan_csv *c, struct err *e)
{
    static const char *const cols[] = {"name", "enterprise_id", "task_id"};
    char id[UUID_LEN + 1], ent[UUID_LEN + 1], task[UUID_LEN + 1];
    const char *who = plan_get(c, "enterprise");
    const char *vals[3];

    plan_key(ent, "enterprise", who);
    vals[0] = plan_get(c, "name");
    vals[1] = *who ? ent : NULL;
    vals[2] = plan_task_ref(task, plan_get(c, "task"));
    plan_key(id, "pilot_project", vals[0]);
    return plan_put(db, x, "pilot_project", id, cols, vals, 3, e);
}

static int
plan_row_safeguard(struct db *db, struct plan_ctx *x, struct plan_csv *c, struct err *e)
{
    static const char *const cols[] = {"plan_id", "no", "title", "body"};
    char id[UUID_LEN + 1], plan[UUID_LEN + 1], *key;
    const char *vals[4];

    plan_key(plan, "plan", PLAN_YEAR);
    vals[0] = plan;
    vals[1] = plan_get(c, "no");
    vals[2] = plan_get(c, "title");
    vals[3] = plan_get(c, "body");
    key = xasprintf("%s:%s", PLAN_YEAR, vals[1]);
    plan_key(id, "safeguard", key);
    free(key);
    return plan_put(db, x, "safeguard", id, cols, vals, 4, e);
}

/* The files in the order their references need. */
static const struct {
    const char *file;
    plan_row_fn fn;
} plan_files[] = {
    {"ref/task_statuses.csv", plan_row_status},
    {"ref/tiers.csv", plan_row_tier},
    {"plan2025/fields.csv", plan_row_field},
    {"plan2025/units.csv", plan_row_unit},
    {NULL, NULL}, /* the plan row itself */
    {"plan2025/targets.csv", plan_row_target},
    {"plan2025/actions.csv", plan_row_action},
    {"plan2025/enterprises.csv", plan_row_enterprise},
    {"plan2025/institutions.csv", plan_row_institution},
    {"plan2025/tasks.csv", plan_row_task},
    {"plan2025/platforms.csv", plan_row_platform},
    {"plan2025/pilot_bases.csv", plan_row_base},
    {"plan2025/pilot_projects.csv", plan_row_pilot},
    {"plan2025/safeguards.csv", plan_row_safeguard},
};

static int
plan_load_tx(struct db *db, void *arg, struct err *e)
{
    struct plan_ctx *x = arg;
    size_t i;
    int rc = ERR_OK;

    for (i = 0; rc == ERR_OK && i < sizeof plan_files / sizeof plan_files[0]; i++) {
        if (plan_files[i].file == NULL)
            rc = plan_load_plan(db, x, e);
        else
            rc = plan_each(db, x, plan_files[i].file, plan_files[i].fn, e);
    }
    if (rc == ERR_OK)
        rc = reg_load(db, &x->stats->rows_added, e);
    if (rc == ERR_OK)
        rc = db_ent_sortkeys_fill(db, e);
    return rc;
}

int
plan_load(struct db *db, const char *user, struct plan_load_stats *stats, struct err *e)
{
    struct plan_load_stats local = {0};
    struct plan_ctx x;
    int rc, a, i;

    memset(&x, 0, sizeof x);
    x.stats = stats ? stats : &local;
    x.stats->rows_added = 0;
    rc = db_write(db, user, plan_load_tx, &x, e);
    for (a = 0; a < PLAN_MAX_ACTIONS; a++) {
        for (i = 0; i < PLAN_MAX_UNITS; i++)
            free(x.action_units[a][i]);
    }
    return rc;
}
