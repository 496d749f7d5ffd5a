/*
 * dashboard.c — gathering the overview's figures as of a date. Each part
 * comes from the module that owns its records; this file only collects
 * and arranges them. The text form is in dashboard_text.c.
 */
#include "src/dashboard.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/ent_list.h"
#include "db/figures.h"
#include "db/task.h"
#include "src/ent_funnel.h"
#include "src/date.h"
#include "src/pilot.h"
#include "src/task_rules.h"
#include "src/xmalloc.h"

/* The task statuses in order. */
static int
dash_statuses(struct db *db, struct dashboard *d, struct err *e)
{
    struct db_task_status *st;
    size_t n, i;
    int rc = db_task_statuses(db, &st, &n, e);

    for (i = 0; rc == ERR_OK && i < n && d->nstatus < DASH_MAX_STATUS; i++) {
        struct dash_status *x = &d->statuses[d->nstatus++];

        snprintf(x->id, sizeof x->id, "%s", st[i].id);
        snprintf(x->code, sizeof x->code, "%s", st[i].code);
        x->name = xstrdup(st[i].name);
        x->is_done = st[i].is_done;
    }
    if (rc == ERR_OK)
        free(st);
    return rc;
}

/* The seven actions: tasks by status, done, overdue, stale, mean percent. */
static int
dash_actions(struct db *db, struct dashboard *d, const struct db_task_rules *rules, struct err *e)
{
    struct db_task_tally *t;
    size_t n, i, s;
    int rc;

    if ((rc = db_task_tally_actions(db, rules, &t, &n, e)) != ERR_OK)
        return rc;
    d->actions = xcalloc(n ? n : 1, sizeof *d->actions);
    for (i = 0; i < n; i++) {
        struct dash_action *a = &d->actions[d->nactions++];

        a->no = t[i].no;
        a->name = xstrdup(t[i].name);
        a->total = t[i].total;
        a->overdue = t[i].overdue;
        a->stale = t[i].stale;
        a->percent = t[i].total ? (int)(t[i].percent_sum / t[i].total) : 0;
        d->live_tasks += t[i].total;
        for (s = 0; s < d->nstatus && s < DB_TASK_STATUS_MAX; s++) {
            a->by_status[s] = t[i].by_status[s];
            if (d->statuses[s].is_done)
                a->done += t[i].by_status[s];
        }
    }
    db_task_tallies_free(t, n);
    return ERR_OK;
}

/* The units with tasks, the most overdue and stale first. */
static int
dash_units(struct db *db, struct dashboard *d, const struct db_task_rules *rules, struct err *e)
{
    struct db_task_tally *t;
    size_t n, i;
    int rc;

    if ((rc = db_task_tally_units(db, rules, &t, &n, e)) != ERR_OK)
        return rc;
    d->units = xcalloc(n ? n : 1, sizeof *d->units);
    for (i = 0; i < n; i++) {
        struct dash_unit *u;

        if (t[i].total == 0)
            continue;
        u = &d->units[d->nunits++];
        snprintf(u->id, sizeof u->id, "%s", t[i].id);
        u->name = xstrdup(t[i].name);
        u->total = t[i].total;
        u->overdue = t[i].overdue;
        u->stale = t[i].stale;
    }
    db_task_tallies_free(t, n);
    return ERR_OK;
}

static int
dash_month_row(void *arg, const char *const *cols, int n)
{
    struct dashboard *d = arg;
    int y, m;

    (void)n;
    if (!date_ym(cols[0], &y, &m) || y != d->targets->plan_year)
        return 0;
    d->months[m - 1].reports = atol(cols[1]);
    return 0;
}

/* Progress reports per month of the plan year, up to as_of's month. */
static int
dash_months(struct db *db, struct dashboard *d, struct err *e)
{
    int y = d->targets->plan_year, ay = 0, am = 12, m;

    date_ymd(d->opts.as_of, &ay, &am, NULL);
    d->nmonths = ay > y ? 12 : ay < y ? 0 : (size_t)am;
    for (m = 0; m < 12; m++)
        snprintf(d->months[m].month, sizeof d->months[m].month, "%04u-%02u", (unsigned)y % 10000u,
                 (unsigned)(m + 1) % 100u);
    if (d->nmonths == 0)
        return ERR_OK;
    return db_figures_report_months(db, d->months[0].month, d->months[d->nmonths - 1].month,
                                    dash_month_row, d, e);
}

/* Collects the register's warnings: counts, and the certificates. */
struct dash_warn_ctx {
    struct dashboard *d;
    struct dash_cert *all;
    size_t n;
};

static void
dash_warn_one(void *arg, const char *id, int warn, const char *until)
{
    struct dash_warn_ctx *x = arg;

    x->d->unregistered += (warn & DB_ENT_WARN_UNREGISTERED) != 0;
    if (!(warn & DB_ENT_WARN_EXPIRING) || until == NULL)
        return;
    x->d->expiring++;
    x->all = xrealloc(x->all, (x->n + 1) * sizeof *x->all);
    memset(&x->all[x->n], 0, sizeof *x->all);
    snprintf(x->all[x->n].id, sizeof x->all[x->n].id, "%s", id);
    snprintf(x->all[x->n].until, sizeof x->all[x->n].until, "%s", until);
    x->n++;
}

static int
dash_cert_cmp(const void *a, const void *b)
{
    const struct dash_cert *x = a, *y = b;
    int c = strcmp(x->until, y->until);

    return c ? c : strcmp(x->id, y->id);
}

/* Certificates about to lapse and registrations not renewed, by the
 * register's warnings; the most urgent certificates named. */
static int
dash_certs(struct db *db, struct dashboard *d, const struct config *cfg, struct err *e)
{
    struct dash_warn_ctx x = {d, NULL, 0};
    struct db_enterprise ent;
    struct ent_asof a;
    size_t i;
    int rc;

    if ((rc = ent_asof_init(db, cfg, d->opts.as_of, &a, e)) != ERR_OK ||
        (rc = db_ent_warnings(db, &a.a, dash_warn_one, &x, e)) != ERR_OK) {
        free(x.all);
        return rc;
    }
    if (x.n > 0)
        qsort(x.all, x.n, sizeof *x.all, dash_cert_cmp);
    for (i = 0; i < x.n && d->ncerts < DASH_LIST_MAX; i++) {
        struct dash_cert *c = &d->certs[d->ncerts];

        if (db_ent_get(db, x.all[i].id, &ent, NULL) != ERR_OK)
            continue;
        *c = x.all[i];
        c->name = xstrdup(ent.name);
        c->days = date_diff(d->opts.as_of, c->until);
        db_ent_free(&ent);
        d->ncerts++;
    }
    free(x.all);
    return ERR_OK;
}

/* Adds up to the free places of d->pilots the projects with flag. */
static int
dash_pilot_list(struct db *db, struct dashboard *d, const struct pilot_rules *r, int flag,
                long *count, struct err *e)
{
    struct pilot_filter f = {NULL, NULL, flag, 0};
    struct db_pilot_row rows[DASH_LIST_MAX];
    struct pilot_status st;
    int got = 0, i, rc;

    if ((rc = pilot_count(db, r, d->opts.as_of, &f, count, e)) != ERR_OK ||
        (rc = pilot_page(db, r, d->opts.as_of, &f, 0, DASH_LIST_MAX, rows, &got, e)) != ERR_OK)
        return rc;
    for (i = 0; i < got; i++) {
        struct dash_pilot *p;
        size_t k;

        for (k = 0; k < d->npilots && strcmp(d->pilots[k].id, rows[i].id) != 0; k++)
            ;
        if (k == d->npilots && d->npilots < DASH_LIST_MAX &&
            pilot_status_get(db, r, d->opts.as_of, rows[i].id, &st, NULL) == ERR_OK) {
            p = &d->pilots[d->npilots++];
            snprintf(p->id, sizeof p->id, "%.*s", (int)sizeof p->id - 1, rows[i].id);
            p->name = xstrdup(rows[i].name ? rows[i].name : "");
            p->stage = xstrdup(rows[i].stage ? rows[i].stage : "");
            p->missing = pilot_missing_text(&st);
            snprintf(p->deadline, sizeof p->deadline, "%s",
                     rows[i].deadline ? rows[i].deadline : "");
            p->flags = st.flags;
            pilot_status_free(&st);
        }
        db_pilot_row_free(&rows[i]);
    }
    return ERR_OK;
}

static int
dash_pilots(struct db *db, struct dashboard *d, const struct config *cfg, struct err *e)
{
    struct pilot_rules r;
    int rc;

    pilot_rules_from_config(cfg, &r);
    if ((rc = dash_pilot_list(db, d, &r, PILOT_HELD, &d->pilots_held, e)) != ERR_OK)
        return rc;
    return dash_pilot_list(db, d, &r, PILOT_NEAR, &d->pilots_late, e);
}

/* The tier counts of the targets, each with the target it counts towards. */
static void
dash_tiers(struct dashboard *d)
{
    const struct targets *tg = d->targets;
    size_t i, j;

    d->tiers = xcalloc(tg->ntiers ? tg->ntiers : 1, sizeof *d->tiers);
    for (i = 0; i < tg->ntiers; i++) {
        struct dash_tier *t = &d->tiers[d->ntiers++];

        snprintf(t->code, sizeof t->code, "%s", tg->tiers[i].code);
        snprintf(t->target_code, sizeof t->target_code, "%s", tg->tiers[i].target_code);
        t->name = xstrdup(tg->tiers[i].name);
        t->count = tg->tiers[i].count;
        for (j = 0; *t->target_code && j < tg->n; j++) {
            if (strcmp(tg->figs[j].code, t->target_code) == 0) {
                t->has_target = tg->figs[j].has_target;
                t->target = tg->figs[j].target;
            }
        }
    }
}

int
dashboard_compute(struct db *db, const struct sumopts *o, struct dashboard **out, struct err *e)
{
    struct dashboard *d = xcalloc(1, sizeof *d);
    struct config *own = o->cfg ? NULL : config_defaults();
    const struct config *cfg = o->cfg ? o->cfg : own;
    struct db_task_rules rules;
    int rc;

    d->opts = *o;
    task_rules_init(&rules, o->as_of, o->stale_days);
    rc = targets_compute(db, o->cfg, o->as_of, &d->targets, e);
    if (rc == ERR_OK && d->targets->plan_year != 0) {
        dash_tiers(d);
        if ((rc = dash_statuses(db, d, e)) == ERR_OK &&
            (rc = dash_actions(db, d, &rules, e)) == ERR_OK &&
            (rc = dash_units(db, d, &rules, e)) == ERR_OK &&
            (rc = dash_months(db, d, e)) == ERR_OK && (rc = dash_certs(db, d, cfg, e)) == ERR_OK)
            rc = dash_pilots(db, d, cfg, e);
    }
    config_free(own);
    if (rc != ERR_OK) {
        dashboard_free(d);
        d = NULL;
    }
    *out = d;
    return rc;
}

void
dashboard_free(struct dashboard *d)
{
    size_t i;

    if (d == NULL)
        return;
    targets_free(d->targets);
    for (i = 0; i < d->nstatus; i++)
        free(d->statuses[i].name);
    for (i = 0; i < d->nactions; i++)
        free(d->actions[i].name);
    for (i = 0; i < d->ntiers; i++)
        free(d->tiers[i].name);
    for (i = 0; i < d->nunits; i++)
        free(d->units[i].name);
    for (i = 0; i < d->ncerts; i++)
        free(d->certs[i].name);
    for (i = 0; i < d->npilots; i++) {
        free(d->pilots[i].name);
        free(d->pilots[i].stage);
        free(d->pilots[i].missing);
    }
    free(d->actions);
    free(d->tiers);
    free(d->units);
    free(d);
}
