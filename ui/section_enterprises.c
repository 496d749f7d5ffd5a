/*
 * section_enterprises.c — 梯度培育: the enterprises, a page at a time from
 * db/browse.h (so 100,000 of them cost what 20 do); the detail shows the
 * selected one and its cultivation-tier history.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/browse.h"
#include "src/msg.h"
#include "src/xmalloc.h"
#include "ui/app.h"
#include "ui/panes.h"
#include "ui/section.h"

#define ENT_PAGE_MAX 256

struct enterprises {
    struct ui_panes panes; /* first: the ui_panes_section_* entries need it */
    struct ui_app *app;
};

static const struct ui_column ent_cols[] = {
    {MSG_KEY("ent.col.name"), 16, 3, TEXTW_LEFT},
    {MSG_KEY("ent.col.township"), 8, 1, TEXTW_LEFT},
    {MSG_KEY("ent.col.field"), 8, 1, TEXTW_LEFT},
    {MSG_KEY("ent.col.code"), 18, 0, TEXTW_LEFT},
};

static long
ent_count(void *ctx, const char *filter)
{
    struct enterprises *s = ctx;
    long n = 0;

    if (db_browse_enterprise_count(ui_app_db(s->app), filter, &n, NULL) != ERR_OK)
        return 0;
    return n;
}

static void
ent_free_rec(void *rec)
{
    db_browse_enterprise_free(rec);
    free(rec);
}

/* Reads the page for offset: next to a row the list already has when it
 * can (cheap anywhere), else counting from whichever end is nearer. */
static int
ent_page(struct enterprises *s, const char *filter, long offset, int n,
         const struct ui_list_hint *hint, struct db_browse_enterprise *page, int *got)
{
    struct db *db = ui_app_db(s->app);
    const struct db_browse_enterprise *near;
    long from_end;

    if (hint->before && hint->before->rec) {
        near = hint->before->rec;
        return db_browse_enterprise_near(db, filter, near->name, near->seq, 1, n, page, got, NULL);
    }
    if (hint->after && hint->after->rec) {
        near = hint->after->rec;
        return db_browse_enterprise_near(db, filter, near->name, near->seq, -1, n, page, got, NULL);
    }
    from_end = hint->count - offset - n;
    if (offset > hint->count / 2 && from_end >= 0)
        return db_browse_enterprise_page_from_end(db, filter, from_end, n, page, got, NULL);
    return db_browse_enterprise_page(db, filter, offset, n, page, got, NULL);
}

static int
ent_fetch(void *ctx, const char *filter, long offset, int n, struct ui_row *rows,
          const struct ui_list_hint *hint)
{
    struct enterprises *s = ctx;
    struct db_browse_enterprise page[ENT_PAGE_MAX], *r;
    int got = 0, i;

    if (n > ENT_PAGE_MAX)
        n = ENT_PAGE_MAX;
    if (ent_page(s, filter, offset, n, hint, page, &got) != ERR_OK)
        return 0;
    for (i = 0; i < got; i++) {
        r = xmalloc(sizeof *r);
        *r = page[i];
        snprintf(rows[i].id, sizeof rows[i].id, "%s", r->id);
        rows[i].cell[0] = xstrdup(r->name ? r->name : "");
        rows[i].cell[1] = xstrdup(r->township ? r->township : "");
        rows[i].cell[2] = xstrdup(r->field ? r->field : "");
        rows[i].cell[3] = xstrdup(r->credit_code ? r->credit_code : "");
        rows[i].rec = r;
    }
    return got;
}

static const struct ui_list_source ent_source = {ent_count, ent_fetch, ent_free_rec};

/* Appends the enterprise's tier events to d. */
static void
ent_tiers(struct ui_app *app, const struct db_browse_enterprise *r, struct ui_detail *d)
{
    struct db_browse_tier_event *ev;
    size_t n, i;
    char *line;

    ui_detail_add(d, UI_ROLE_LABEL, msg("ent.f.tiers"));
    if (db_browse_tier_events(ui_app_db(app), r->id, &ev, &n, NULL) != ERR_OK)
        return;
    for (i = 0; i < n; i++) {
        line = msg_format(strcmp(ev[i].kind, "drop") == 0 ? "ent.tier_drop" : "ent.tier_enter",
                          ev[i].event_date, ev[i].tier, ev[i].evidence_no ? ev[i].evidence_no : "",
                          NULL);
        ui_detail_add(d, UI_ROLE_NORMAL, line);
        free(line);
    }
    if (n == 0)
        ui_detail_add(d, UI_ROLE_NORMAL, msg("ent.no_tiers"));
    db_browse_tier_events_free(ev, n);
}

static void
ent_describe(void *ctx, struct ui_app *app, const struct ui_row *row, struct ui_detail *d,
             int width)
{
    const struct db_browse_enterprise *r = row ? row->rec : NULL;

    (void)ctx;
    (void)width;
    if (r == NULL) {
        ui_detail_add(d, UI_ROLE_WARNING, msg("ent.none"));
        return;
    }
    ui_detail_add(d, UI_ROLE_HEADER, r->name);
    ui_detail_field(d, msg("ent.f.short"), r->short_name);
    ui_detail_field(d, msg("ent.f.code"), r->credit_code);
    ui_detail_field(d, msg("ent.f.township"), r->township);
    ui_detail_field(d, msg("ent.f.field"), r->field);
    ui_detail_field(d, msg("ent.f.above_scale"), msg(r->above_scale ? "form.yes" : "form.no"));
    ui_detail_field(d, msg("ent.f.manufacturing"), msg(r->manufacturing ? "form.yes" : "form.no"));
    ui_detail_field(d, msg("ent.f.address"), r->address);
    ui_detail_field(d, msg("ent.f.contact"), r->contact);
    ui_detail_field(d, msg("ent.f.notes"), r->notes);
    ui_detail_blank(d);
    ent_tiers(app, r, d);
}

static void *
ent_enter(struct ui_app *app)
{
    struct enterprises *s = xcalloc(1, sizeof *s);
    struct ui_list *l;

    s->app = app;
    l = ui_list_new(&ent_source, s, ent_cols, 4);
    l->empty = MSG_KEY("ent.none");
    ui_panes_init(&s->panes, l, 60, MSG_KEY("ent.list"), MSG_KEY("pane.detail"), ent_describe, s);
    return s;
}

static void
ent_leave(void *state)
{
    struct enterprises *s = state;

    ui_panes_free(&s->panes);
    free(s);
}

const struct ui_section ui_section_enterprises = {
    MSG_KEY("section.enterprises"),
    MSG_KEY("help.enterprises"),
    ent_enter,
    ent_leave,
    ui_panes_section_draw,
    ui_panes_section_action,
    ui_panes_section_search,
    ui_panes_section_filter,
    ui_panes_section_mouse,
    ui_panes_section_refresh,
    ui_panes_section_position,
};
