/*
 * ent_view.c — what the 梯度培育 section shows: the funnel lines at the
 * top, an enterprise's page in the detail pane, and the next-tier ranking.
 */
#include "ui/ent_view.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "src/ent_fig.h"
#include "src/ent_money.h"
#include "src/msg.h"
#include "src/strbuf.h"
#include "src/textw.h"
#include "src/xmalloc.h"
#include "ui/app.h"
#include "ui/dialog.h"
#include "ui/keymap.h"
#include "ui/screen.h"

void
ui_ent_copy(char *dst, size_t n, const char *src)
{
    size_t len = strlen(src);

    if (n == 0)
        return;
    if (len >= n) {
        len = n - 1;
        while (len > 0 && ((unsigned char)src[len] & 0xc0) == 0x80)
            len--;
    }
    memcpy(dst, src, len);
    dst[len] = '\0';
}

/* ---- the funnel ---- */

/* The short name of tier i of the funnel (科小 …), else its name. */
static const char *
view_short(const struct ent_funnel_tier *t)
{
    char key[64];
    const char *m;

    snprintf(key, sizeof key, "ent.tier_short.%s", t->code);
    m = msg_lookup(key, msg_language());
    return m ? m : t->name;
}

/* Appends sep (when b holds something) and then msg_format's text to b. */
static void
view_seg_sep(struct strbuf *b, const char *sep, char *text)
{
    if (b->len)
        strbuf_puts(b, sep);
    strbuf_puts(b, text);
    free(text);
}

/* As view_seg_sep with two spaces. */
static void
view_seg(struct strbuf *b, char *text)
{
    view_seg_sep(b, "  ", text);
}

static void
view_num(long v, char *buf, size_t n)
{
    snprintf(buf, n, "%ld", v);
}

/* Line 1 at one tightness: 0 as designed, 1 with single spaces, 2 also
 * without the gaps (差…), which count and target already give. */
static char *
view_funnel_tiers_at(const struct ent_funnel *f, int tight)
{
    struct strbuf b = STRBUF_INIT;
    const char *sep = tight ? " " : "  ";
    char c[24], t[24], g[24], day[24];
    size_t i;

    snprintf(day, sizeof day, "%s", f->as_of);
    strbuf_puts(&b, "");
    view_seg_sep(&b, sep, msg_format("ent.fun.head", day, NULL));
    for (i = 1; i < f->ntiers; i++) {
        view_num(f->tier[i].count, c, sizeof c);
        view_num(f->tier[i].target, t, sizeof t);
        view_num(f->tier[i].gap, g, sizeof g);
        if (f->tier[i].target < 0)
            view_seg_sep(&b, sep, msg_format("ent.fun.tier_nt", view_short(&f->tier[i]), c, NULL));
        else if (f->tier[i].gap > 0 && tight < 2)
            view_seg_sep(&b, sep,
                         msg_format("ent.fun.tier_gap", view_short(&f->tier[i]), c, t, g, NULL));
        else
            view_seg_sep(&b, sep, msg_format("ent.fun.tier", view_short(&f->tier[i]), c, t, NULL));
    }
    if (f->ntiers) {
        view_num(f->tier[0].count, c, sizeof c);
        view_seg_sep(&b, sep, msg_format("ent.fun.tier_nt", view_short(&f->tier[0]), c, NULL));
    }
    view_num(f->new_rd, c, sizeof c);
    view_num(f->new_rd_target, t, sizeof t);
    view_seg_sep(
        &b, sep,
        msg_format(f->new_rd_target >= 0 ? "ent.fun.new_rd" : "ent.fun.new_rd_nt", c, t, NULL));
    return strbuf_take(&b);
}

/* Line 1: each tier against its target, then the candidates and new R&D,
 * made tighter until it fits width (at 80 columns a register of tens of
 * thousands otherwise lost its new-R&D count off the edge). */
static char *
view_funnel_tiers(const struct ent_funnel *f, int width)
{
    char *s = NULL;
    int tight;

    for (tight = 0; tight < 3; tight++) {
        free(s);
        s = view_funnel_tiers_at(f, tight);
        if (textw_width(s) <= width)
            break;
    }
    return s;
}

/* Line 2: 三清零, 双倍增 and the warnings. */
static char *
view_funnel_more(const struct ent_funnel *f)
{
    struct strbuf b = STRBUF_INIT;
    char a[24], c[24], y[16], r[32];
    size_t i;

    view_num(f->tz_cleared, a, sizeof a);
    view_num(f->tz_total, c, sizeof c);
    strbuf_puts(&b, "");
    view_seg(&b, msg_format("ent.fun.three_zero", a, c, NULL));
    snprintf(y, sizeof y, "%d", f->base_year);
    view_seg(&b, msg_format("ent.fun.double", y, NULL));
    for (i = 1; i < f->ntiers; i++) {
        if (f->tier[i].target < 0)
            continue;
        if (f->tier[i].base > 0)
            snprintf(r, sizeof r, "%.2f", (double)f->tier[i].count / (double)f->tier[i].base);
        else
            snprintf(r, sizeof r, "-");
        strbuf_printf(&b, " %sx%s", view_short(&f->tier[i]), r);
    }
    view_num(f->expiring, a, sizeof a);
    view_num(f->unregistered, c, sizeof c);
    view_seg(&b, msg_format("ent.fun.warn", a, c, NULL));
    return strbuf_take(&b);
}

/* Line 3: the filters in force and the keys that change things. */
static char *
view_filters(struct ui_ent *s)
{
    struct strbuf b = STRBUF_INIT;
    char *view = ui_keymap_keys_text(UI_ACT_VIEW), *add = ui_keymap_keys_text(UI_ACT_ADD);
    char *menu = ui_keymap_keys_text(UI_ACT_MENU);
    const struct db_ent_filter *f = &s->f;
    const char *sep = "";
    size_t i;

    strbuf_puts(&b, msg("ent.filter.label"));
    if (f->candidate && s->ntiers)
        strbuf_printf(&b, "%s%s", sep, s->tiers[0].name), sep = " ";
    for (i = 0; f->tier_id && i < s->ntiers; i++) {
        if (strcmp(s->tiers[i].id, f->tier_id) == 0)
            strbuf_printf(&b, "%s%s", sep, s->tiers[i].name), sep = " ";
    }
    if (f->township)
        strbuf_printf(&b, "%s%s", sep, f->township), sep = " ";
    if (f->field_id)
        strbuf_printf(&b, "%s%s", sep, s->field_name), sep = " ";
    if (f->above_scale >= 0)
        strbuf_printf(&b, "%s%s", sep,
                      msg(f->above_scale ? "ent.filter.above" : "ent.filter.below")),
            sep = " ";
    if (f->warn)
        strbuf_printf(&b, "%s%s", sep, msg("ent.filter.warn")), sep = " ";
    if (!*sep)
        strbuf_puts(&b, msg("ent.filter.all"));
    strbuf_printf(&b, " / %s%s", msg(ui_ent_sort_keys[f->sort]),
                  f->desc ? msg("ent.filter.desc") : "");
    {
        char *keys = msg_format("ent.filter.keys", view, add, menu, NULL);

        strbuf_printf(&b, "   %s", keys);
        free(keys);
    }
    free(view);
    free(add);
    free(menu);
    return strbuf_take(&b);
}

void
ui_ent_view_funnel(struct ui_ent *s, const struct ui_rect *area)
{
    char *l1, *l2, *l3;

    if (!s->funnel_ok) {
        ui_screen_put(area->y, area->x, area->w, msg("ent.fun.none"), UI_ROLE_WARNING, TEXTW_LEFT);
        return;
    }
    l1 = view_funnel_tiers(&s->funnel, area->w);
    l2 = view_funnel_more(&s->funnel);
    l3 = view_filters(s);
    ui_screen_put(area->y, area->x, area->w, l1, UI_ROLE_HEADER, TEXTW_LEFT);
    ui_screen_put(area->y + 1, area->x, area->w, l2,
                  s->funnel.expiring + s->funnel.unregistered ? UI_ROLE_WARNING : UI_ROLE_NORMAL,
                  TEXTW_LEFT);
    ui_screen_put(area->y + 2, area->x, area->w, l3, UI_ROLE_LABEL, TEXTW_LEFT);
    free(l1);
    free(l2);
    free(l3);
}

/* ---- an enterprise's page ---- */

static const char *
view_yes(int v)
{
    return msg(v ? "form.yes" : "form.no");
}

static const char *
view_state(int st)
{
    return msg(st == ENT_MET       ? "ent.state.met"
               : st == ENT_NOT_MET ? "ent.state.not_met"
                                   : "ent.state.unknown");
}

static void
view_record(struct ui_detail *d, const struct db_enterprise *x)
{
    char *code = x->credit_code && x->credit_code_confirmed
                     ? msg_format("ent.v.code_confirmed", x->credit_code, NULL)
                     : xstrdup(x->credit_code ? x->credit_code : "");
    char y1[8] = "", y2[8] = "";

    ui_detail_add(d, UI_ROLE_HEADER, x->name);
    ui_detail_field(d, msg("ent.f.short"), x->short_name);
    ui_detail_field(d, msg("ent.f.code"), code);
    ui_detail_field(d, msg("ent.f.township"), x->township);
    ui_detail_field(d, msg("ent.f.field"), x->field_name);
    ui_detail_field(d, msg("ent.f.above_scale"), view_yes(x->above_scale));
    ui_detail_field(d, msg("ent.f.manufacturing"), view_yes(x->manufacturing));
    ui_detail_field(d, msg("ent.f.established"), x->established);
    ui_detail_field(d, msg("ent.f.ht_domain"), x->ht_domain);
    if (x->award_year)
        snprintf(y1, sizeof y1, "%d", x->award_year % 10000);
    if (x->standard_year)
        snprintf(y2, sizeof y2, "%d", x->standard_year % 10000);
    if (x->award_year)
        ui_detail_field(d, msg("ent.f.award"), y1);
    if (x->standard_year)
        ui_detail_field(d, msg("ent.f.standard"), y2);
    ui_detail_field(d, msg("ent.f.address"), x->address);
    ui_detail_field(d, msg("ent.f.contact"), x->contact);
    ui_detail_field(d, msg("ent.f.notes"), x->notes);
    free(code);
}

static void
view_tier_now(struct ui_detail *d, const struct ent_profile *p, int warn)
{
    char *line;
    int i;

    if (p->current < 0)
        return;
    line = p->until[0] ? msg_format("ent.v.tier_until", p->tiers[p->current].name, p->until, NULL)
                       : msg_format("ent.v.tier", p->tiers[p->current].name, NULL);
    ui_detail_add(d, UI_ROLE_OK, line);
    free(line);
    if (warn & DB_ENT_WARN_EXPIRING)
        ui_detail_add(d, UI_ROLE_WARNING, msg("ent.warn.expiring"));
    if (warn & DB_ENT_WARN_UNREGISTERED)
        ui_detail_add(d, UI_ROLE_WARNING, msg("ent.warn.unregistered"));
    if (p->next < 0)
        return;
    line = msg_format("ent.v.next", p->tiers[p->next].name,
                      msg(p->gap.state == ENT_MET ? "ent.v.next_ready" : "ent.v.next_short"), NULL);
    ui_detail_add(d, UI_ROLE_LABEL, line);
    free(line);
    for (i = 0; i < p->gap.nwhy; i++) {
        line = xasprintf("/ %s", p->gap.why[i]);
        ui_detail_add(d, UI_ROLE_NORMAL, line);
        free(line);
    }
}

/* The figures as a table: a label column, then one column per year. */
static void
view_figures(struct ui_detail *d, const struct ent_profile *p, int width)
{
    int ny = (width - 12) / 11, i, k;
    char buf[48], *cell, *label;
    struct strbuf b = STRBUF_INIT;

    ui_detail_blank(d);
    ui_detail_add(d, UI_ROLE_LABEL, msg("ent.v.figures"));
    if (p->nyears == 0) {
        ui_detail_add(d, UI_ROLE_NORMAL, msg("ent.v.no_figures"));
        return;
    }
    ny = ny < 1 ? 1 : ny > 4 ? 4 : ny;
    ny = (size_t)ny > p->nyears ? (int)p->nyears : ny;
    label = textw_fit("", 12, TEXTW_LEFT);
    strbuf_puts(&b, label);
    free(label);
    for (i = 0; i < ny; i++)
        strbuf_printf(&b, "%11d", p->years[i].year);
    ui_detail_add_line(d, UI_ROLE_HEADER, strbuf_str(&b));
    for (k = 0; k < DB_FIG_COUNT; k++) {
        strbuf_reset(&b);
        label = textw_fit(ent_fig_info[k].label, 12, TEXTW_LEFT);
        strbuf_puts(&b, label);
        free(label);
        for (i = 0; i < ny; i++) {
            cell = textw_fit(ent_fig_text(k, p->years[i].v[k], buf, sizeof buf), 11, TEXTW_RIGHT);
            strbuf_puts(&b, cell);
            free(cell);
        }
        ui_detail_add_line(d, UI_ROLE_NORMAL, strbuf_str(&b));
    }
    strbuf_free(&b);
}

static void
view_pts(int pts, char *buf, size_t n)
{
    if (pts < 0)
        snprintf(buf, n, "?");
    else
        snprintf(buf, n, "%d", pts);
}

static void
view_sme(struct ui_detail *d, const struct ent_profile *p)
{
    char y[16], a[16], b[16], c[16], t[16], *line;

    ui_detail_blank(d);
    if (p->eval_year == 0) {
        ui_detail_add(d, UI_ROLE_LABEL, msg("ent.v.sme_no_data"));
        return;
    }
    snprintf(y, sizeof y, "%d", p->eval_year);
    line = msg_format("ent.v.sme", y, view_state(p->sme.eligible), NULL);
    ui_detail_add(d, UI_ROLE_LABEL, line);
    free(line);
    view_pts(p->sme.staff_pts, a, sizeof a);
    view_pts(p->sme.rd_pts, b, sizeof b);
    view_pts(p->sme.ip_pts, c, sizeof c);
    snprintf(t, sizeof t, "%d", p->sme.total);
    line = msg_format("ent.v.sme_parts", a, b, c, t, NULL);
    ui_detail_add(d, UI_ROLE_NORMAL, line);
    free(line);
    if (p->sme.direct) {
        ui_detail_add(d, UI_ROLE_OK, msg("ent.v.sme_direct"));
    }
}

static void
view_checklists(struct ui_detail *d, const struct ent_profile *p)
{
    char *line;
    int i;

    ui_detail_blank(d);
    line = msg_format("ent.v.ht", view_state(p->ht.overall), NULL);
    ui_detail_add(d, UI_ROLE_LABEL, line);
    free(line);
    for (i = 0; i < ENT_HT_CONDS; i++) {
        line = xasprintf("%d %s［%s］%s", i + 1, ent_eval_ht_names[i], view_state(p->ht.c[i].state),
                         p->ht.c[i].text);
        ui_detail_add(d, p->ht.c[i].state == ENT_NOT_MET ? UI_ROLE_WARNING : UI_ROLE_NORMAL, line);
        free(line);
    }
    line = msg_format("ent.v.bm", view_state(p->bm.lead_overall), view_state(p->bm.growth_overall),
                      NULL);
    ui_detail_add(d, UI_ROLE_LABEL, line);
    free(line);
}

/* The name of the tier with key id in p. */
static const char *
view_tier_name(const struct ent_profile *p, const char *id)
{
    size_t i;

    for (i = 0; i < p->ntiers; i++) {
        if (strcmp(p->tiers[i].id, id) == 0)
            return p->tiers[i].name;
    }
    return "?";
}

static void
view_history(struct ui_detail *d, const struct ent_profile *p)
{
    const struct db_tier_event *v;
    char *line;
    size_t i;

    ui_detail_blank(d);
    ui_detail_add(d, UI_ROLE_LABEL, msg("ent.f.tiers"));
    for (i = p->nevents; i-- > 0;) {
        v = &p->events[i];
        line = msg_format(strcmp(v->kind, "drop") == 0 ? "ent.tier_drop" : "ent.tier_enter",
                          v->event_date, view_tier_name(p, v->tier_id),
                          v->evidence_no ? v->evidence_no : (v->note ? v->note : ""), NULL);
        ui_detail_add(d, UI_ROLE_NORMAL, line);
        free(line);
        if (v->valid_to[0]) {
            line = msg_format("ent.v.valid", v->valid_from, v->valid_to, NULL);
            ui_detail_add(d, UI_ROLE_NORMAL, line);
            free(line);
        }
    }
    if (p->nevents == 0)
        ui_detail_add(d, UI_ROLE_NORMAL, msg("ent.no_tiers"));
}

static void
view_service(struct ui_detail *d, const struct ent_profile *p)
{
    char money[32], *line;
    size_t i;

    ui_detail_blank(d);
    ui_detail_add(d, UI_ROLE_LABEL, msg("ent.v.service"));
    for (i = 0; i < p->nservices; i++) {
        const struct db_ent_service *s = &p->services[i];

        line = xasprintf("%s %s %s", s->service_date, s->unit ? s->unit : "",
                         s->person ? s->person : "");
        ui_detail_add(d, UI_ROLE_NORMAL, line);
        free(line);
        if (s->asked)
            ui_detail_field(d, msg("ent.v.asked"), s->asked);
        if (s->done)
            ui_detail_field(d, msg("ent.v.done"), s->done);
        if (s->follow_up[0])
            ui_detail_field(d, msg("ent.v.follow_up"), s->follow_up);
    }
    if (p->nservices == 0)
        ui_detail_add(d, UI_ROLE_NORMAL, msg("ent.no_tiers"));
    ui_detail_blank(d);
    line =
        msg_format("ent.v.subsidies", ent_money_text(p->subsidy_total, money, sizeof money), NULL);
    ui_detail_add(d, UI_ROLE_LABEL, line);
    free(line);
    for (i = 0; i < p->nsubsidies; i++) {
        line = xasprintf("%s %s %s", p->subsidies[i].paid_date, p->subsidies[i].kind,
                         ent_money_text(p->subsidies[i].amount, money, sizeof money));
        ui_detail_add(d, UI_ROLE_NORMAL, line);
        free(line);
    }
}

void
ui_ent_view_profile(struct ui_detail *d, const struct ent_profile *p, int warn, int width)
{
    view_record(d, &p->ent);
    ui_detail_blank(d);
    view_tier_now(d, p, warn);
    view_history(d, p);
    view_figures(d, p, width);
    view_sme(d, p);
    view_checklists(d, p);
    view_service(d, p);
}

/* ---- the ranking ---- */

void
ui_ent_view_ranking(struct ui_ent *s)
{
    struct ent_rank_group *g;
    struct strbuf b = STRBUF_INIT;
    struct err e = {0};
    char count[24], *line;
    size_t ng, i, j;
    int k;

    if (ent_rank_compute(ui_app_db(s->app), &s->rules, ui_app_today(s->app), s->f.township,
                         s->f.field_id, 10, &g, &ng, &e) != ERR_OK) {
        ui_app_status(s->app, UI_ROLE_WARNING, e.msg);
        return;
    }
    for (i = 0; i < ng; i++) {
        snprintf(count, sizeof count, "%ld", g[i].considered);
        line = msg_format("ent.rank.group", g[i].name, count, NULL);
        strbuf_printf(&b, "%s%s\n", i ? "\n" : "", line);
        free(line);
        for (j = 0; j < g[i].n; j++) {
            strbuf_printf(&b, "%zu. %s%s\n", j + 1, g[i].items[j].name,
                          g[i].items[j].gap.state == ENT_MET ? msg("ent.rank.ready") : "");
            for (k = 0; k < g[i].items[j].gap.nwhy; k++)
                strbuf_printf(&b, "   / %s\n", g[i].items[j].gap.why[k]);
        }
        if (g[i].n == 0)
            strbuf_printf(&b, "%s\n", msg("ent.no_tiers"));
    }
    ent_rank_free(g, ng);
    ui_app_push(s->app, ui_dialog_text(msg("ent.rank.title"), strbuf_str(&b)), NULL, NULL);
    strbuf_free(&b);
}
