/*
 * ent_funnel.c — the funnel, 三清零, 双倍增 and the warnings' windows.
 */
#include "src/ent_funnel.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/plan.h"
#include "src/date.h"
#include "src/ent_tier.h"

int
ent_asof_init(struct db *db, const struct config *cfg, const char *date, struct ent_asof *o,
              struct err *e)
{
    struct db_tier *t;
    size_t n, i;
    int rc, y;
    long months = config_get_int(cfg, "rules:cert_expiry_months");
    long days = config_get_int(cfg, "rules:tech_sme_warn_days");
    const char *md = config_get(cfg, "rules:tech_sme_deadline");
    char warn_from[DB_DATE_LEN];

    memset(o, 0, sizeof *o);
    if (!date_valid(date))
        return err_field(e, ERR_INVALID, "date", "日期“%s”不对，应写作 YYYY-MM-DD。",
                         date ? date : "");
    snprintf(o->date, sizeof o->date, "%s", date);
    y = date_year(date);
    date_add_months(date, (int)(months > 0 ? months : 6), o->until);
    snprintf(o->deadline, sizeof o->deadline, "%04u-%.5s", (unsigned)y % 10000u,
             md && strlen(md) == 5 ? md : "09-30");
    if (!date_valid(o->deadline))
        snprintf(o->deadline, sizeof o->deadline, "%04u-02-28", (unsigned)y % 10000u);
    date_add_days(o->deadline, -(days > 0 ? days : 60), warn_from);
    snprintf(o->prev_first, sizeof o->prev_first, "%04u-01-01", (unsigned)(y - 1) % 10000u);
    snprintf(o->prev_last, sizeof o->prev_last, "%04u-12-31", (unsigned)(y - 1) % 10000u);
    snprintf(o->year_first, sizeof o->year_first, "%04u-01-01", (unsigned)y % 10000u);
    if ((rc = db_tier_list(db, &t, &n, e)) != ERR_OK)
        return rc;
    for (i = 0; i < n; i++) {
        if (!o->ht_id[0] && strcmp(t[i].validity, "years") == 0) {
            snprintf(o->ht_id, sizeof o->ht_id, "%s", t[i].id);
            snprintf(o->ht_name, sizeof o->ht_name, "%s", t[i].name);
        } else if (!o->sme_id[0] && strcmp(t[i].validity, "calendar_year") == 0) {
            snprintf(o->sme_id, sizeof o->sme_id, "%s", t[i].id);
            snprintf(o->sme_name, sizeof o->sme_name, "%s", t[i].name);
        }
    }
    db_tier_list_free(t, n);
    o->a.date = o->date;
    o->a.ht_tier_id = o->ht_id[0] ? o->ht_id : NULL;
    o->a.expiry_last = o->until;
    o->a.sme_tier_id = o->sme_id[0] ? o->sme_id : NULL;
    o->a.sme_warn = strcmp(date, warn_from) >= 0;
    o->a.prev_first = o->prev_first;
    o->a.prev_last = o->prev_last;
    o->a.year_first = o->year_first;
    return ERR_OK;
}

/* The plan's targets for the day's year, or of the latest plan before it. */
static int
funnel_targets(struct db *db, struct ent_funnel *f, struct db_target **t, size_t *n, struct err *e)
{
    struct db_plan p;
    int rc = db_plan_get(db, f->year, &p, NULL);

    *t = NULL;
    *n = 0;
    if (rc == ERR_NOTFOUND)
        rc = db_plan_get(db, 0, &p, NULL);
    if (rc == ERR_NOTFOUND)
        return ERR_OK;
    if (rc != ERR_OK)
        return err_set(e, rc, "无法读取工作方案。");
    if (p.year <= f->year) {
        f->plan_year = p.year;
        rc = db_plan_targets(db, p.id, t, n, e);
    }
    db_plan_free(&p);
    return rc;
}

static long
funnel_target(const struct db_target *t, size_t n, const char *code)
{
    size_t i;

    for (i = 0; code && *code && i < n; i++) {
        if (strcmp(t[i].code, code) == 0 && t[i].has_value)
            return (long)(t[i].value + 0.5);
    }
    return -1;
}

typedef int (*tz_test)(const struct db_ent_year *y);
static tz_test tz_find(const char *word);

/* What the single pass over the tier events adds up. */
struct funnel_pass {
    const struct db_tier *t;
    size_t nt;
    const struct db_ent_asof *a;
    const char *base_day;
    long held[ENT_FUNNEL_TIERS], base[ENT_FUNNEL_TIERS];
    long held_any, base_any, expiring, unregistered;
};

/* One enterprise's events: which tiers it holds today and at the base
 * date (the same rule as its own page, src/ent_tier.c), and its warnings. */
static int
funnel_one(void *arg, const struct db_tier_event *ev, size_t n)
{
    struct funnel_pass *p = arg;
    int any = 0, base_any = 0, w;
    size_t i;

    for (i = 1; i < p->nt && i < ENT_FUNNEL_TIERS; i++) {
        if (ent_tier_holds(ev, n, p->t[i].id, p->a->date, NULL))
            p->held[i]++, any = 1;
        if (ent_tier_holds(ev, n, p->t[i].id, p->base_day, NULL))
            p->base[i]++, base_any = 1;
    }
    p->held_any += any;
    p->base_any += base_any;
    w = ent_tier_warnings(ev, n, p->a);
    p->expiring += (w & DB_ENT_WARN_EXPIRING) != 0;
    p->unregistered += (w & DB_ENT_WARN_UNREGISTERED) != 0;
    return ERR_OK;
}

/* Counts per tier on the day and at the end of the base year, and the warnings. */
static int
funnel_tiers(struct db *db, struct ent_funnel *f, const struct ent_asof *a,
             const struct db_target *tg, size_t ntg, struct err *e)
{
    struct funnel_pass p;
    struct db_tier *t;
    char base_day[DB_DATE_LEN];
    size_t n, i;
    int rc;

    snprintf(base_day, sizeof base_day, "%04u-12-31", (unsigned)f->base_year % 10000u);
    if ((rc = db_tier_list(db, &t, &n, e)) != ERR_OK)
        return rc;
    memset(&p, 0, sizeof p);
    p.t = t;
    p.nt = n;
    p.a = &a->a;
    p.base_day = base_day;
    if ((rc = db_ent_events_each(db, funnel_one, &p, e)) == ERR_OK) {
        for (i = 0; i < n && i < ENT_FUNNEL_TIERS; i++) {
            struct ent_funnel_tier *x = &f->tier[f->ntiers++];

            snprintf(x->code, sizeof x->code, "%s", t[i].code);
            snprintf(x->name, sizeof x->name, "%s", t[i].name);
            x->rank = t[i].rank;
            x->count = i == 0 ? f->live - p.held_any : p.held[i];
            x->base = i == 0 ? f->live - p.base_any : p.base[i];
            x->target = funnel_target(tg, ntg, t[i].target_code);
            x->gap = x->target > x->count ? x->target - x->count : 0;
        }
        f->expiring = p.expiring;
        f->unregistered = p.unregistered;
    }
    db_tier_list_free(t, n);
    return rc;
}

static void
funnel_tz(void *arg, const struct ent_three_zero *t)
{
    struct ent_funnel *f = arg;
    int i;

    f->tz_total++;
    f->tz_cleared += t->cleared;
    for (i = 0; i < ENT_THREE_ZERO; i++) {
        f->tz_lacking[i] += t->item[i] == 0;
        f->tz_unknown[i] += t->item[i] < 0;
    }
}

static int tz_each(struct db *db, const struct config *cfg, int year, int named,
                   char items[ENT_THREE_ZERO][64],
                   void (*fn)(void *arg, const struct ent_three_zero *t), void *arg, struct err *e);

int
ent_funnel_compute(struct db *db, const struct config *cfg, const char *as_of, struct ent_funnel *f,
                   struct err *e)
{
    struct ent_asof a;
    struct db_target *tg = NULL;
    size_t ntg = 0;
    int rc, i;

    memset(f, 0, sizeof *f);
    if ((rc = ent_asof_init(db, cfg, as_of, &a, e)) != ERR_OK)
        return rc;
    snprintf(f->as_of, sizeof f->as_of, "%s", as_of);
    snprintf(f->deadline, sizeof f->deadline, "%s", a.deadline);
    f->year = date_year(as_of);
    f->base_year = (int)config_get_int(cfg, "rules:double_base_year");
    f->expiry_months = (int)config_get_int(cfg, "rules:cert_expiry_months");
    f->data_year = db_ent_latest_year(db, f->year, e);
    if (f->data_year == 0)
        f->data_year = f->year;
    if ((f->live = db_ent_live_count(db, e)) < 0)
        return ERR_DB;
    if ((rc = funnel_targets(db, f, &tg, &ntg, e)) == ERR_OK)
        rc = funnel_tiers(db, f, &a, tg, ntg, e);
    f->new_rd_target = funnel_target(tg, ntg, "new_rd");
    db_targets_free(tg, ntg);
    if (rc == ERR_OK && (f->new_rd = db_ent_new_rd_count(db, f->data_year, e)) < 0)
        rc = ERR_DB;
    if (rc == ERR_OK)
        rc = tz_each(db, cfg, f->data_year, 0, f->tz_item, funnel_tz, f, e);
    for (i = 0; i < ENT_THREE_ZERO; i++)
        f->tz_known[i] = tz_find(f->tz_item[i]) != NULL;
    return rc;
}

/* ---- 三清零 ---- */

/* The tests of the items: 1 has it, 0 lacks it, -1 the figures do not say. */

static int
tz_positive(long long v)
{
    return v < 0 ? -1 : v > 0;
}

static int
tz_rd(const struct db_ent_year *y)
{
    return tz_positive(y->v[DB_FIG_RD]);
}

static int
tz_inst(const struct db_ent_year *y)
{
    return tz_positive(y->v[DB_FIG_RD_INST]);
}

static int
tz_patent(const struct db_ent_year *y)
{
    return tz_positive(y->v[DB_FIG_INV_PATENTS]);
}

static int
tz_ip(const struct db_ent_year *y)
{
    if (y->v[DB_FIG_IP1] > 0 || y->v[DB_FIG_IP2] > 0)
        return 1;
    return y->v[DB_FIG_IP1] < 0 || y->v[DB_FIG_IP2] < 0 ? -1 : 0;
}

static int
tz_staff(const struct db_ent_year *y)
{
    return tz_positive(y->v[DB_FIG_ST_STAFF]);
}

static const struct {
    const char *word;
    tz_test test;
} tz_words[] = {
    {"研发活动", tz_rd},     {"研发投入", tz_rd},         {"研发费用", tz_rd},
    {"研发经费", tz_rd},     {"研发机构", tz_inst},       {"研发平台", tz_inst},
    {"发明专利", tz_patent}, {"有效发明专利", tz_patent}, {"知识产权", tz_ip},
    {"科技人员", tz_staff},  {"研发人员", tz_staff},
};

static tz_test
tz_find(const char *word)
{
    size_t i;

    for (i = 0; i < sizeof tz_words / sizeof tz_words[0]; i++) {
        if (strcmp(tz_words[i].word, word) == 0)
            return tz_words[i].test;
    }
    return NULL;
}

struct tz_ctx {
    tz_test test[ENT_THREE_ZERO];
    void (*fn)(void *arg, const struct ent_three_zero *t);
    void *arg;
};

static void
tz_one(void *arg, const char *id, const char *name, const struct db_ent_year *y)
{
    struct tz_ctx *x = arg;
    struct ent_three_zero t = {id, name, {0}, 1};
    int i;

    for (i = 0; i < ENT_THREE_ZERO; i++) {
        t.item[i] = x->test[i] ? x->test[i](y) : -1;
        t.cleared &= t.item[i] == 1;
    }
    x->fn(x->arg, &t);
}

/* As ent_three_zero_each; named 0 gives the enterprises without names, in
 * no order (the funnel only counts them). */
static int
tz_each(struct db *db, const struct config *cfg, int year, int named,
        char items[ENT_THREE_ZERO][64], void (*fn)(void *arg, const struct ent_three_zero *t),
        void *arg, struct err *e)
{
    const char *list = config_get(cfg, "rules:three_zero_items"), *p, *comma;
    struct tz_ctx x = {{0}, fn, arg};
    char word[64];
    int i;

    for (i = 0, p = list ? list : ""; i < ENT_THREE_ZERO; i++) {
        comma = strchr(p, ',');
        snprintf(word, sizeof word, "%.*s", (int)(comma ? (size_t)(comma - p) : strlen(p)), p);
        x.test[i] = tz_find(word);
        if (items)
            snprintf(items[i], 64, "%s", word);
        p = comma ? comma + 1 : p + strlen(p);
    }
    return fn ? db_ent_scale_makers(db, year, named, tz_one, &x, e) : ERR_OK;
}

int
ent_three_zero_each(struct db *db, const struct config *cfg, int year,
                    char items[ENT_THREE_ZERO][64],
                    void (*fn)(void *arg, const struct ent_three_zero *t), void *arg, struct err *e)
{
    return tz_each(db, cfg, year, 1, items, fn, arg, e);
}
