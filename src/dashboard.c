/*
 * dashboard.c — gathering the overview's figures as of a date. Each part
 * comes from the module that owns its records; this file only collects
 * and arranges them. The text form is in dashboard_text.c.
 */
#include "src/dashboard.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/figures.h"
#include "src/xmalloc.h"

static int
dash_status_row(void *arg, const char *const *cols, int n)
{
    struct dashboard *d = arg;
    struct dash_status *s;

    (void)n;
    if (d->nstatus >= DASH_MAX_STATUS)
        return 0;
    s = &d->statuses[d->nstatus++];
    snprintf(s->code, sizeof s->code, "%s", cols[0]);
    s->name = xstrdup(cols[1]);
    s->is_done = atoi(cols[2]) != 0;
    return 0;
}

/* The index of status code in d->statuses, or -1. */
static int
dash_status_index(const struct dashboard *d, const char *code)
{
    size_t i;

    for (i = 0; i < d->nstatus; i++) {
        if (strcmp(d->statuses[i].code, code) == 0)
            return (int)i;
    }
    return -1;
}

/* One (action, status) tally: starts a new action when the number changes. */
static int
dash_action_row(void *arg, const char *const *cols, int n)
{
    struct dashboard *d = arg;
    struct dash_action *a;
    long count = atol(cols[3]);
    int no = atoi(cols[0]), s;

    (void)n;
    if (d->nactions == 0 || d->actions[d->nactions - 1].no != no) {
        d->actions = xrealloc(d->actions, (d->nactions + 1) * sizeof *d->actions);
        a = &d->actions[d->nactions++];
        memset(a, 0, sizeof *a);
        a->no = no;
        a->name = xstrdup(cols[1]);
    }
    a = &d->actions[d->nactions - 1];
    a->total += count;
    a->percent += atoi(cols[4]); /* summed here, divided in dash_actions */
    if ((s = dash_status_index(d, cols[2])) >= 0) {
        a->by_status[s] += count;
        if (d->statuses[s].is_done)
            a->done += count;
    }
    return 0;
}

static int
dash_actions(struct db *db, struct dashboard *d, struct err *e)
{
    size_t i;
    int rc;

    if ((rc = db_figures_statuses(db, dash_status_row, d, e)) != ERR_OK)
        return rc;
    if (d->targets->plan_year == 0)
        return ERR_OK;
    rc = db_figures_action_status(db, d->targets->plan_year, dash_action_row, d, e);
    for (i = 0; i < d->nactions; i++)
        d->actions[i].percent = d->actions[i].total ? d->actions[i].percent / (int)d->actions[i].total
                                                    : 0;
    return rc;
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
dashboard_compute(struct db *db, const struct sumopts *o, struct dashboard **out,
                  struct err *e)
{
    struct dashboard *d = xcalloc(1, sizeof *d);
    int rc;

    d->opts = *o;
    rc = targets_compute(db, o->as_of, &d->targets, e);
    if (rc == ERR_OK)
        rc = dash_actions(db, d, e);
    if (rc == ERR_OK)
        dash_tiers(d);
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
    free(d->actions);
    free(d->tiers);
    free(d);
}
