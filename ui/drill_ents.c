/*
 * drill_ents.c — enterprises behind a dashboard figure: those holding a
 * tier on the day (the register's own list, db/ent_list.h), and those the
 * register warns about (certificates about to lapse, registrations not
 * renewed), with each one's certificate or registration in the detail.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/ent_list.h"
#include "db/enterprise.h"
#include "src/ent_funnel.h"
#include "src/ent_tier.h"
#include "src/msg.h"
#include "src/xmalloc.h"
#include "ui/app.h"
#include "ui/drill_priv.h"

/* One warned-about enterprise. */
struct drill_warned {
    char id[DB_ID_LEN];
    char until[DB_DATE_LEN];
};

struct drill_ents {
    struct ui_drill *d;
    struct ent_asof asof;
    struct db_ent_filter f; /* a tier's holders */
    char tier_id[DB_ID_LEN];
    int warn_bit;           /* 0: a tier's holders; else the warning listed */
    struct drill_warned *w; /* warned about, in the register's order */
    size_t nw;
};

static const struct ui_column drill_ent_cols[] = {
    {MSG_KEY("drill.ent.name"), 12, 2, TEXTW_LEFT},
    {MSG_KEY("drill.ent.township"), 8, 1, TEXTW_LEFT},
    {MSG_KEY("drill.ent.tier"), 8, 0, TEXTW_LEFT},
};

static const struct ui_column drill_warn_cols[] = {
    {MSG_KEY("drill.ent.name"), 12, 2, TEXTW_LEFT},
    {MSG_KEY("drill.ent.valid_to"), 10, 0, TEXTW_LEFT},
};

static long
drill_ent_count(void *ctx, const char *filter)
{
    struct drill_ents *x = ctx;
    long n;

    if (x->warn_bit)
        return (long)x->nw;
    x->f.search = filter;
    n = db_ent_list_count(ui_app_db(x->d->app), &x->f, NULL);
    return n < 0 ? 0 : n;
}

static void
drill_ent_free_rec(void *rec)
{
    db_ent_rows_free(rec, 1);
}

/* A row of the warned-about list: the enterprise read by key. */
static void
drill_warned_row(struct drill_ents *x, size_t i, struct ui_row *row)
{
    struct db_ent_row *own = xcalloc(1, sizeof *own);
    struct db_enterprise e;

    snprintf(own->id, sizeof own->id, "%s", x->w[i].id);
    if (db_ent_get(ui_app_db(x->d->app), x->w[i].id, &e, NULL) == ERR_OK) {
        own->name = xstrdup(e.name);
        own->credit_code = e.credit_code ? xstrdup(e.credit_code) : NULL;
        own->township = e.township ? xstrdup(e.township) : NULL;
        own->field_name = e.field_name ? xstrdup(e.field_name) : NULL;
        own->above_scale = e.above_scale;
        db_ent_free(&e);
    } else {
        own->name = xstrdup(x->w[i].id);
    }
    snprintf(row->id, sizeof row->id, "%s", own->id);
    row->cell[0] = xstrdup(own->name);
    row->cell[1] = xstrdup(x->w[i].until);
    row->role = x->warn_bit == DB_ENT_WARN_EXPIRING ? UI_ROLE_WARNING : UI_ROLE_NORMAL;
    row->rec = own;
}

static int
drill_ent_fetch(void *ctx, const char *filter, long offset, int n, struct ui_row *rows,
                const struct ui_list_hint *hint)
{
    struct drill_ents *x = ctx;
    struct db_ent_row *r = NULL;
    size_t got = 0, i;

    (void)hint;
    if (x->warn_bit) {
        for (i = 0; i < (size_t)n && (size_t)offset + i < x->nw; i++)
            drill_warned_row(x, (size_t)offset + i, &rows[i]);
        return (int)i;
    }
    x->f.search = filter;
    if (db_ent_list_page(ui_app_db(x->d->app), &x->f, offset, n, &r, &got, NULL) != ERR_OK) {
        db_ent_rows_free(r, got);
        return 0;
    }
    for (i = 0; i < got; i++) {
        struct db_ent_row *own = xcalloc(1, sizeof *own);

        *own = r[i]; /* the row keeps the record for the detail */
        snprintf(rows[i].id, sizeof rows[i].id, "%s", r[i].id);
        rows[i].cell[0] = xstrdup(r[i].name ? r[i].name : "");
        rows[i].cell[1] = xstrdup(r[i].township ? r[i].township : "");
        rows[i].cell[2] = xstrdup(r[i].tier_name);
        rows[i].rec = own;
    }
    free(r);
    return (int)got;
}

static const struct ui_list_source drill_ent_source = {drill_ent_count, drill_ent_fetch,
                                                       drill_ent_free_rec};

/* The evidence behind the tier the list is about: number and validity. */
static void
drill_ent_evidence(struct drill_ents *x, const char *id, struct ui_detail *dt)
{
    const char *tier = x->warn_bit == DB_ENT_WARN_UNREGISTERED ? x->asof.sme_id
                       : x->warn_bit                           ? x->asof.ht_id
                                                               : x->tier_id;
    struct db_tier_event *ev = NULL;
    char until[DB_DATE_LEN] = "";
    size_t n = 0, i, last = (size_t)-1;

    if (!*tier || db_tier_events(ui_app_db(x->d->app), id, &ev, &n, NULL) != ERR_OK)
        return;
    for (i = 0; i < n; i++) {
        if (strcmp(ev[i].tier_id, tier) == 0 && strcmp(ev[i].kind, "enter") == 0 &&
            strcmp(ev[i].event_date, x->d->as_of) <= 0)
            last = i; /* the latest certificate or registration up to the day */
    }
    if (last != (size_t)-1) {
        ui_detail_field(dt, msg("drill.ent.number"), ev[last].evidence_no);
        ui_detail_field(dt, msg("drill.ent.issued"), ev[last].event_date);
        ui_detail_field(dt, msg("drill.ent.valid_to"),
                        ev[last].valid_to[0] ? ev[last].valid_to : msg("drill.ent.open"));
        if (!ent_tier_holds(ev, n, tier, x->d->as_of, until))
            ui_detail_add(dt, UI_ROLE_WARNING, msg("drill.ent.not_held"));
    }
    db_tier_events_free(ev, n);
}

static void
drill_ent_describe(struct ui_drill *d, const struct ui_row *row, struct ui_detail *dt)
{
    const struct db_ent_row *r = row->rec;
    struct drill_ents *x = d->kind;

    ui_detail_add(dt, UI_ROLE_HEADER, r->name);
    ui_detail_field(dt, msg("drill.ent.code"), r->credit_code);
    ui_detail_field(dt, msg("drill.ent.township"), r->township);
    ui_detail_field(dt, msg("drill.ent.field"), r->field_name);
    if (!x->warn_bit)
        ui_detail_field(dt, msg("drill.ent.tier"), r->tier_name);
    ui_detail_blank(dt);
    drill_ent_evidence(x, r->id, dt);
}

static void
drill_warned_one(void *arg, const char *id, int warn, const char *until)
{
    struct drill_ents *x = arg;

    if (!(warn & x->warn_bit))
        return;
    x->w = xrealloc(x->w, (x->nw + 1) * sizeof *x->w);
    snprintf(x->w[x->nw].id, sizeof x->w[x->nw].id, "%s", id);
    snprintf(x->w[x->nw].until, sizeof x->w[x->nw].until, "%s", until ? until : "");
    x->nw++;
}

static void
drill_ents_free(void *kind)
{
    struct drill_ents *x = kind;

    free(x->w);
    free(x);
}

/* The tier called code: its key, and whether it is the lowest (candidates). */
static void
drill_ent_tier(struct drill_ents *x, const char *code)
{
    struct db_tier *t = NULL;
    size_t n = 0, i;

    if (db_tier_list(ui_app_db(x->d->app), &t, &n, NULL) != ERR_OK)
        return;
    for (i = 0; i < n; i++) {
        if (strcmp(t[i].code, code) == 0) {
            snprintf(x->tier_id, sizeof x->tier_id, "%s", t[i].id);
            x->f.candidate = i == 0; /* t is by rank: the first is the lowest */
            x->f.tier_id = i == 0 ? NULL : x->tier_id;
        }
    }
    db_tier_list_free(t, n);
}

struct ui_list *
ui_drill_ents_open(struct ui_drill *d)
{
    struct drill_ents *x = xcalloc(1, sizeof *x);
    struct db *db = ui_app_db(d->app);

    x->d = d;
    d->kind = x;
    d->kind_free = drill_ents_free;
    d->describe = drill_ent_describe;
    ent_asof_init(db, ui_app_config(d->app), d->as_of, &x->asof, NULL);
    x->f.asof = &x->asof.a;
    x->f.above_scale = -1;
    if (d->spec.kind == DASH_DRILL_TIER) {
        drill_ent_tier(x, d->spec.code);
        return ui_list_new(&drill_ent_source, x, drill_ent_cols, 3);
    }
    x->warn_bit =
        d->spec.kind == DASH_DRILL_CERTS ? DB_ENT_WARN_EXPIRING : DB_ENT_WARN_UNREGISTERED;
    db_ent_warnings(db, &x->asof.a, drill_warned_one, x, NULL);
    return ui_list_new(&drill_ent_source, x, drill_warn_cols, 2);
}
