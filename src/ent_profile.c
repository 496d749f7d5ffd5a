/*
 * ent_profile.c — gathering an enterprise's page, and ranking enterprises
 * by how close they stand to their next tier.
 */
#include "src/ent_profile.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/ent_list.h"
#include "src/date.h"
#include "src/ent_tier.h"
#include "src/xmalloc.h"

enum ent_tier_rule
ent_tier_rule_of(const char *code)
{
    if (strcmp(code, "tech_sme") == 0)
        return ENT_RULE_SME;
    if (strcmp(code, "high_tech") == 0)
        return ENT_RULE_HIGH_TECH;
    if (strcmp(code, "benchmark") == 0)
        return ENT_RULE_BENCHMARK;
    return ENT_RULE_NONE;
}

size_t
ent_profile_window(const struct db_ent_year *years, size_t n, int year,
                   const struct db_ent_year **out, size_t want)
{
    size_t i, k;

    for (k = 0; k < want; k++) {
        out[k] = NULL;
        for (i = 0; i < n; i++) {
            if (years[i].year == year - (int)k)
                out[k] = &years[i];
        }
    }
    return want;
}

int
ent_profile_eval_year(const struct db_ent_year *years, size_t n, int max_year)
{
    size_t i;
    int best = 0;

    for (i = 0; i < n; i++) {
        if (years[i].year <= max_year && years[i].year > best)
            best = years[i].year;
    }
    return best;
}

/* The facts of x for the rules; holds_high_tech from the events. */
static void
profile_facts(const struct db_enterprise *x, const struct db_tier *t, size_t nt,
              const struct db_tier_event *ev, size_t nev, const char *as_of, struct ent_facts *f)
{
    size_t i;

    memset(f, 0, sizeof *f);
    f->established = x->established[0] ? x->established : NULL;
    f->ht_domain = x->ht_domain;
    f->award_year = x->award_year;
    f->standard_year = x->standard_year;
    for (i = 0; i < nt; i++) {
        if (ent_tier_rule_of(t[i].code) == ENT_RULE_HIGH_TECH)
            f->holds_high_tech = ent_tier_holds(ev, nev, t[i].id, as_of, NULL);
    }
}

/* The gap to tier `to` under its evaluator. */
static void
profile_gap(const struct ent_rules *r, const struct db_tier *to, const struct db_ent_year *const *w,
            const struct ent_facts *f, int year, const char *as_of, struct ent_next *out)
{
    memset(out, 0, sizeof *out);
    switch (ent_tier_rule_of(to->code)) {
    case ENT_RULE_SME:
        ent_next_sme(r, w[0], f, year, out);
        break;
    case ENT_RULE_HIGH_TECH:
        ent_next_ht(r, w, ENT_WINDOW, f, as_of, out);
        break;
    case ENT_RULE_BENCHMARK:
        ent_next_bm(r, w, ENT_WINDOW, out);
        break;
    default:
        out->state = ENT_UNKNOWN;
        out->distance = 1LL << 41;
        snprintf(out->why[0], sizeof out->why[0], "“%s”没有可计算的条件。", to->name);
        out->nwhy = 1;
    }
}

/* Loads the lists hanging off the enterprise. */
static int
profile_lists(struct db *db, const char *id, struct ent_profile *p, struct err *e)
{
    int rc;
    size_t i;

    if ((rc = db_ent_years(db, id, &p->years, &p->nyears, e)) != ERR_OK ||
        (rc = db_tier_list(db, &p->tiers, &p->ntiers, e)) != ERR_OK ||
        (rc = db_tier_events(db, id, &p->events, &p->nevents, e)) != ERR_OK ||
        (rc = db_ent_services(db, id, &p->services, &p->nservices, e)) != ERR_OK ||
        (rc = db_ent_subsidies(db, id, &p->subsidies, &p->nsubsidies, e)) != ERR_OK)
        return rc;
    for (i = 0; i < p->nsubsidies; i++)
        p->subsidy_total += p->subsidies[i].amount;
    return ERR_OK;
}

int
ent_profile_load(struct db *db, const struct ent_rules *r, const char *id, const char *as_of,
                 struct ent_profile *p, struct err *e)
{
    int rc, year = date_year(as_of);

    memset(p, 0, sizeof *p);
    p->current = p->next = -1;
    snprintf(p->as_of, sizeof p->as_of, "%s", as_of);
    if ((rc = db_ent_get(db, id, &p->ent, e)) != ERR_OK ||
        (rc = profile_lists(db, id, p, e)) != ERR_OK)
        return rc;
    p->current = ent_tier_current(p->tiers, p->ntiers, p->events, p->nevents, as_of);
    if (p->current > 0)
        ent_tier_holds(p->events, p->nevents, p->tiers[p->current].id, as_of, p->until);
    p->eval_year = ent_profile_eval_year(p->years, p->nyears, year);
    ent_profile_window(p->years, p->nyears, p->eval_year, p->window, ENT_WINDOW);
    profile_facts(&p->ent, p->tiers, p->ntiers, p->events, p->nevents, as_of, &p->facts);
    ent_eval_sme(r, p->window[0], &p->facts, p->eval_year ? p->eval_year : year, &p->sme);
    ent_eval_ht(r, p->window, ENT_WINDOW, &p->facts, as_of, &p->ht);
    ent_eval_bm(r, p->window, ENT_WINDOW, &p->bm);
    if (p->current >= 0 && (size_t)p->current + 1 < p->ntiers) {
        p->next = p->current + 1;
        profile_gap(r, &p->tiers[p->next], p->window, &p->facts, p->eval_year ? p->eval_year : year,
                    as_of, &p->gap);
    }
    return ERR_OK;
}

void
ent_profile_free(struct ent_profile *p)
{
    if (p == NULL)
        return;
    db_ent_free(&p->ent);
    free(p->years);
    db_tier_list_free(p->tiers, p->ntiers);
    db_tier_events_free(p->events, p->nevents);
    db_ent_services_free(p->services, p->nservices);
    db_ent_subsidies_free(p->subsidies, p->nsubsidies);
    memset(p, 0, sizeof *p);
}

/* ---- ranking ---- */

struct rank_ctx {
    struct db *db;
    const struct ent_rules *r;
    const char *as_of;
    struct db_tier *tiers;
    size_t ntiers;
    struct ent_rank_group *g; /* one per tier above the lowest */
    size_t limit;
    struct err *e;
};

/* Keeps the closest `limit` items of g, sorted by distance then name. */
static void
rank_keep(struct ent_rank_group *g, size_t limit, struct ent_rank_item *it)
{
    size_t pos = g->n;

    while (pos > 0 && g->items[pos - 1].gap.distance > it->gap.distance)
        pos--;
    if (pos >= limit) {
        free(it->name);
        return;
    }
    if (g->n == limit) {
        free(g->items[limit - 1].name);
        g->n--;
    }
    memmove(&g->items[pos + 1], &g->items[pos], (g->n - pos) * sizeof *it);
    g->items[pos] = *it;
    g->n++;
}

/* Evaluates one enterprise against the tier above the one it holds. */
static int
rank_one(void *arg, const struct db_ent_whole *w)
{
    struct rank_ctx *x = arg;
    const struct db_ent_year *win[ENT_WINDOW];
    struct ent_facts f;
    struct ent_rank_item it;
    int cur = ent_tier_current(x->tiers, x->ntiers, w->events, w->nevents, x->as_of), year;

    if (cur < 0 || (size_t)cur + 1 >= x->ntiers)
        return ERR_OK;
    memset(&it, 0, sizeof it);
    snprintf(it.id, sizeof it.id, "%s", w->ent->id);
    snprintf(it.from, sizeof it.from, "%s", x->tiers[cur].name);
    year = date_year(x->as_of);
    it.eval_year = ent_profile_eval_year(w->years, w->nyears, year);
    ent_profile_window(w->years, w->nyears, it.eval_year, win, ENT_WINDOW);
    profile_facts(w->ent, x->tiers, x->ntiers, w->events, w->nevents, x->as_of, &f);
    profile_gap(x->r, &x->tiers[cur + 1], win, &f, it.eval_year ? it.eval_year : year, x->as_of,
                &it.gap);
    x->g[cur].considered++;
    /* Only a name that makes the cut is copied. */
    if (x->g[cur].n < x->limit || it.gap.distance < x->g[cur].items[x->g[cur].n - 1].gap.distance) {
        it.name = xstrdup(w->ent->name ? w->ent->name : "");
        rank_keep(&x->g[cur], x->limit, &it);
    }
    return ERR_OK;
}

int
ent_rank_compute(struct db *db, const struct ent_rules *r, const char *as_of, const char *township,
                 const char *field_id, size_t limit, struct ent_rank_group **out, size_t *n,
                 struct err *e)
{
    struct rank_ctx x = {db, r, as_of, NULL, 0, NULL, limit ? limit : 1, e};
    size_t i;
    int rc;

    *out = NULL;
    *n = 0;
    if ((rc = db_tier_list(db, &x.tiers, &x.ntiers, e)) != ERR_OK)
        return rc;
    x.g = xcalloc(x.ntiers ? x.ntiers : 1, sizeof *x.g);
    for (i = 0; i + 1 < x.ntiers; i++) {
        snprintf(x.g[i].code, sizeof x.g[i].code, "%s", x.tiers[i + 1].code);
        snprintf(x.g[i].name, sizeof x.g[i].name, "%s", x.tiers[i + 1].name);
        x.g[i].items = xcalloc(x.limit + 1, sizeof *x.g[i].items);
    }
    rc = db_ent_whole_each(db, township, field_id, date_year(as_of), rank_one, &x, e);
    db_tier_list_free(x.tiers, x.ntiers);
    *out = x.g;
    *n = x.ntiers ? x.ntiers - 1 : 0;
    return rc;
}

void
ent_rank_free(struct ent_rank_group *g, size_t n)
{
    size_t i, j;

    for (i = 0; g && i < n; i++) {
        for (j = 0; j < g[i].n; j++)
            free(g[i].items[j].name);
        free(g[i].items);
    }
    free(g);
}
