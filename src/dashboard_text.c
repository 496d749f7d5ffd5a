/*
 * dashboard_text.c — the overview laid out as lines of text: sections one
 * under another, columns counted in display columns, bars of ASCII '#'
 * and '.', marks G/A/R beside a word. Each figure a supervisor may want
 * to look behind is a "spot" on its line that says which records it
 * counts; the screen moves between spots, `tuwei dashboard` prints the
 * text. Labels come from the message catalogue.
 */
#include "src/dashboard.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "src/msg.h"
#include "src/pilot.h"
#include "src/textw.h"
#include "src/xmalloc.h"

#define DASH_CELLS (4 + DASH_MAX_STATUS + 2)

/* A line being built: cells, their widths and alignments, their drills. */
struct dash_row {
    const char *cells[DASH_CELLS];
    int width[DASH_CELLS];
    enum textw_align align[DASH_CELLS];
    const struct dash_drill *drill[DASH_CELLS];
    char num[DASH_CELLS][32];
    size_t n;
    int gap; /* columns between cells */
};

static void
dash_row_init(struct dash_row *r)
{
    memset(r, 0, sizeof *r);
    r->gap = 2;
}

static void
dash_add(struct dash_row *r, int width, enum textw_align align, const char *text,
         const struct dash_drill *drill)
{
    r->width[r->n] = width;
    r->align[r->n] = align;
    r->drill[r->n] = drill;
    r->cells[r->n++] = text ? text : "";
}

/* Adds a number followed by suffix, right-aligned. */
static void
dash_add_num(struct dash_row *r, int width, long v, const char *suffix,
             const struct dash_drill *drill)
{
    snprintf(r->num[r->n], sizeof r->num[r->n], "%ld%s", v, suffix);
    dash_add(r, width, TEXTW_RIGHT, r->num[r->n], drill);
}

/* Appends a line of text with role and no spots. */
static void
dash_push(struct dash_lines *l, const char *text, enum dash_role role)
{
    struct dash_line *x;

    if (l->n == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 64;
        l->v = xrealloc(l->v, l->cap * sizeof *l->v);
    }
    x = &l->v[l->n++];
    memset(x, 0, sizeof *x);
    x->text = xstrdup(text);
    x->role = role;
}

/* Appends the row as a line: cells two columns apart after an indent of
 * two; a cell with a drill becomes a spot. */
static void
dash_push_row(struct dash_lines *l, const struct dash_row *r, enum dash_role role)
{
    struct strbuf b = STRBUF_INIT;
    struct dash_line *line;
    size_t i;
    int x = 2;

    strbuf_puts(&b, "  ");
    dash_push(l, "", role);
    line = &l->v[l->n - 1];
    for (i = 0; i < r->n; i++) {
        char *fit = textw_fit(r->cells[i], r->width[i], r->align[i]);

        if (i > 0)
            strbuf_printf(&b, "%*s", r->gap, "");
        x += i ? r->gap : 0;
        strbuf_puts(&b, fit);
        free(fit);
        if (r->drill[i] && r->drill[i]->kind != DASH_DRILL_NONE) {
            line->spots = xrealloc(line->spots, (line->nspots + 1) * sizeof *line->spots);
            line->spots[line->nspots].x = x;
            line->spots[line->nspots].w = r->width[i];
            line->spots[line->nspots++].drill = *r->drill[i];
        }
        x += r->width[i];
    }
    while (b.len > 0 && b.s[b.len - 1] == ' ')
        b.s[--b.len] = '\0';
    free(line->text);
    line->text = strbuf_take(&b);
}

static void
dash_heading(const struct dashboard *d, struct dash_lines *l)
{
    const struct targets *t = d->targets;
    char year[16], gone[16], left[16];
    char *head = msg_format("dash.heading", d->opts.as_of, NULL), *line;

    if (t->plan_year == 0) {
        dash_push(l, head, DASH_ROLE_HEADING);
        dash_push(l, "", DASH_ROLE_NORMAL);
        dash_push(l, msg("overview.no_plan"), DASH_ROLE_AMBER);
        free(head);
        return;
    }
    snprintf(year, sizeof year, "%d", t->plan_year);
    snprintf(gone, sizeof gone, "%.1f", 100.0 * t->elapsed);
    snprintf(left, sizeof left, "%ld", t->days_left);
    line = msg_format("dash.plan_line", head, year, gone, left, NULL);
    dash_push(l, line, DASH_ROLE_HEADING);
    free(line);
    free(head);
}

/* The role a target's mark gives its line. */
static enum dash_role
dash_rag_role(enum targets_rag rag)
{
    return rag == TARGETS_GREEN   ? DASH_ROLE_GREEN
           : rag == TARGETS_AMBER ? DASH_ROLE_AMBER
           : rag == TARGETS_RED   ? DASH_ROLE_RED
                                  : DASH_ROLE_NORMAL;
}

/* The mark column: "G 正常". */
static void
dash_mark(const struct targets_fig *f, char *buf, size_t n)
{
    static const char *const keys[] = {NULL, MSG_KEY("dash.rag.on_pace"), MSG_KEY("dash.rag.watch"),
                                       MSG_KEY("dash.rag.behind")};

    if (f->rag == TARGETS_NONE)
        snprintf(buf, n, "-");
    else
        snprintf(buf, n, "%s %s", targets_rag_letter(f->rag),
                 f->met ? msg("dash.rag.met") : msg(keys[f->rag]));
}

/* What a target's value drills down to: the enterprises of its tier; for
 * R&D intensity, the form its two figures are entered in. */
static void
dash_target_drill(const struct dashboard *d, const struct targets_fig *f, struct dash_drill *dr)
{
    size_t i;

    memset(dr, 0, sizeof *dr);
    if (strcmp(f->code, "rd_intensity") == 0) {
        dr->kind = DASH_DRILL_RDGDP;
        snprintf(dr->title, sizeof dr->title, "%s", f->name);
        return;
    }
    for (i = 0; i < d->ntiers; i++) {
        if (d->tiers[i].has_target && strcmp(d->tiers[i].target_code, f->code) == 0) {
            dr->kind = DASH_DRILL_TIER;
            snprintf(dr->code, sizeof dr->code, "%s", d->tiers[i].code);
            snprintf(dr->title, sizeof dr->title, "%s", d->tiers[i].name);
        }
    }
}

/* The cells of one measurable target. */
static void
dash_target_row(const struct dashboard *d, const struct targets_fig *f, int barw,
                struct dash_lines *l)
{
    char target[32], value[32], gap[32], prev[32], mark[48], bar[128];
    struct dash_drill dr;
    struct dash_row r;

    targets_format_value(f, f->target, f->has_target, target, sizeof target);
    targets_format_value(f, f->value, f->has_value, value, sizeof value);
    targets_format_value(f, f->gap, f->has_value && f->has_target, gap, sizeof gap);
    targets_format_value(f, f->prev, f->has_prev, prev, sizeof prev);
    bar[0] = '\0';
    if (f->has_value) {
        bar[0] = '[';
        targets_bar(f->value, f->target, barw - 2, bar + 1);
        strcat(bar, "]");
    }
    dash_mark(f, mark, sizeof mark);
    dash_target_drill(d, f, &dr);
    dash_row_init(&r);
    dash_add(&r, 20, TEXTW_LEFT, f->name, NULL);
    dash_add(&r, 6, TEXTW_RIGHT, target, NULL);
    dash_add(&r, 6, TEXTW_RIGHT, value, &dr);
    dash_add(&r, 6, TEXTW_RIGHT, gap, NULL);
    dash_add(&r, barw, TEXTW_LEFT, bar, NULL);
    dash_add(&r, 6, TEXTW_RIGHT, prev, NULL);
    dash_add(&r, 8, TEXTW_LEFT, mark, NULL);
    dash_push_row(l, &r, dash_rag_role(f->rag));
}

static void
dash_targets(const struct dashboard *d, int width, struct dash_lines *l)
{
    const struct targets *t = d->targets;
    int barw = 12 + (width - 80 > 60 ? 60 : width - 80);
    struct dash_row r;
    char *note;
    size_t i;

    dash_push(l, "", DASH_ROLE_NORMAL);
    dash_push(l, msg("dash.sec.targets"), DASH_ROLE_HEADING);
    dash_row_init(&r);
    dash_add(&r, 20, TEXTW_LEFT, msg("dash.col.target"), NULL);
    dash_add(&r, 6, TEXTW_RIGHT, msg("dash.col.goal"), NULL);
    dash_add(&r, 6, TEXTW_RIGHT, msg("dash.col.value"), NULL);
    dash_add(&r, 6, TEXTW_RIGHT, msg("dash.col.gap"), NULL);
    dash_add(&r, barw, TEXTW_LEFT, msg("dash.col.bar"), NULL);
    dash_add(&r, 6, TEXTW_RIGHT, msg("dash.col.prev"), NULL);
    dash_add(&r, 8, TEXTW_LEFT, msg("dash.col.mark"), NULL);
    dash_push_row(l, &r, DASH_ROLE_COLUMNS);
    for (i = 0; i < t->n; i++) {
        const struct targets_fig *f = &t->figs[i];

        if (strcmp(f->kind, "text") == 0) {
            note = xasprintf("  %s", f->name);
            dash_push(l, note, DASH_ROLE_NORMAL);
            free(note);
        } else {
            dash_target_row(d, f, barw, l);
        }
        if (f->note) {
            note = xasprintf("      （%s）", f->note);
            dash_push(l, note, DASH_ROLE_NOTE);
            free(note);
        }
    }
}

/* An action's name without the trailing "行动", to fit its column. */
static char *
dash_action_name(const char *name)
{
    size_t n = strlen(name), k = strlen("行动");

    if (n > k && strcmp(name + n - k, "行动") == 0)
        return xstrndup(name, n - k);
    return xstrdup(name);
}

/* The drill of action a's tasks with status s (-1: all), or only its
 * overdue (late 1) or stale (late 2) ones. */
static void
dash_action_drill(const struct dashboard *d, const struct dash_action *a, int s, int late,
                  struct dash_drill *dr)
{
    const char *what = s >= 0      ? d->statuses[s].name
                       : late == 1 ? msg("dash.drill.overdue")
                       : late == 2 ? msg("dash.drill.stale")
                                   : NULL;

    memset(dr, 0, sizeof *dr);
    dr->kind = DASH_DRILL_TASKS;
    dr->action_no = a->no;
    dr->overdue = late == 1;
    dr->stale = late == 2;
    if (s >= 0)
        snprintf(dr->code, sizeof dr->code, "%s", d->statuses[s].code);
    snprintf(dr->title, sizeof dr->title, "%d %s%s%s", a->no, a->name, what ? " / " : "",
             what ? what : "");
}

/* The width of status s's column: its name, at least four columns. */
static int
dash_status_width(const struct dashboard *d, size_t s)
{
    int w = textw_width(d->statuses[s].name);

    return w < 4 ? 4 : w;
}

static void
dash_action_row(const struct dashboard *d, const struct dash_action *a, int namew,
                struct dash_lines *l)
{
    struct dash_drill drills[3 + DASH_MAX_STATUS];
    char *name = dash_action_name(a->name);
    struct dash_row r;
    size_t s;

    dash_row_init(&r);
    r.gap = 1;
    dash_action_drill(d, a, -1, 0, &drills[0]);
    dash_add_num(&r, 1, a->no, "", NULL);
    dash_add(&r, namew, TEXTW_LEFT, name, NULL);
    dash_add_num(&r, 4, a->total, "", &drills[0]);
    for (s = 0; s < d->nstatus; s++) {
        dash_action_drill(d, a, (int)s, 0, &drills[1 + s]);
        dash_add_num(&r, dash_status_width(d, s), a->by_status[s], "", &drills[1 + s]);
    }
    dash_add_num(&r, 6, a->percent, "%", NULL);
    dash_action_drill(d, a, -1, 1, &drills[1 + d->nstatus]);
    dash_add_num(&r, 4, a->overdue, "", &drills[1 + d->nstatus]);
    dash_action_drill(d, a, -1, 2, &drills[2 + d->nstatus]);
    dash_add_num(&r, 6, a->stale, "", &drills[2 + d->nstatus]);
    dash_push_row(l, &r,
                  a->overdue ? DASH_ROLE_RED
                  : a->stale ? DASH_ROLE_AMBER
                             : DASH_ROLE_NORMAL);
    free(name);
}

/* The mark of status s in the status chart: by the shipped codes, else
 * by whether it counts as done. */
static char
dash_status_mark(const struct dash_status *s)
{
    static const struct {
        const char *code;
        char mark;
    } marks[] = {{"done", '#'},
                 {"in_progress", '+'},
                 {"behind", '!'},
                 {"paused", '~'},
                 {"not_started", '.'}};
    size_t i;

    for (i = 0; i < sizeof marks / sizeof marks[0]; i++) {
        if (strcmp(marks[i].code, s->code) == 0)
            return marks[i].mark;
    }
    return s->is_done ? '#' : 'o';
}

/* One action's tasks as a bar of width marks, each status its share. */
static void
dash_status_bar(const struct dashboard *d, const struct dash_action *a, int width, char *bar)
{
    long cum = 0;
    int filled = 0, upto, k;
    size_t s;

    for (s = 0; s < d->nstatus && a->total > 0; s++) {
        cum += a->by_status[s];
        upto = (int)((cum * width + a->total / 2) / a->total);
        for (k = filled; k < upto && k < width; k++)
            bar[k] = dash_status_mark(&d->statuses[s]);
        filled = upto > filled ? upto : filled;
    }
    for (k = filled; k < width; k++)
        bar[k] = ' ';
    bar[width] = '\0';
}

/* A chart of the tasks by status, one bar per action, and its legend. */
static void
dash_status_chart(const struct dashboard *d, int width, int namew, struct dash_lines *l)
{
    int barw = 40 + (width - 80 > 60 ? 60 : width - 80);
    struct strbuf legend = STRBUF_INIT;
    char bar[128], *name, *fit, *line;
    size_t i;

    dash_push(l, "", DASH_ROLE_NORMAL);
    strbuf_puts(&legend, "  ");
    strbuf_puts(&legend, msg("dash.chart.status"));
    for (i = 0; i < d->nstatus; i++)
        strbuf_printf(&legend, "  %c %s", dash_status_mark(&d->statuses[i]), d->statuses[i].name);
    dash_push(l, strbuf_str(&legend), DASH_ROLE_COLUMNS);
    strbuf_free(&legend);
    for (i = 0; i < d->nactions; i++) {
        name = dash_action_name(d->actions[i].name);
        fit = textw_fit(name, namew, TEXTW_LEFT);
        dash_status_bar(d, &d->actions[i], barw, bar);
        line = xasprintf("  %d %s |%s|", d->actions[i].no, fit, bar);
        dash_push(l, line, DASH_ROLE_NORMAL);
        free(line);
        free(fit);
        free(name);
    }
}

static void
dash_actions(const struct dashboard *d, int width, struct dash_lines *l)
{
    int namew = width >= 100 ? 24 : 18;
    struct dash_row r;
    size_t i, s;

    if (d->nactions == 0)
        return;
    dash_push(l, "", DASH_ROLE_NORMAL);
    dash_push(l, msg("dash.sec.actions"), DASH_ROLE_HEADING);
    dash_row_init(&r);
    r.gap = 1;
    dash_add(&r, 1, TEXTW_RIGHT, "", NULL);
    dash_add(&r, namew, TEXTW_LEFT, msg("dash.col.action"), NULL);
    dash_add(&r, 4, TEXTW_RIGHT, msg("dash.col.tasks"), NULL);
    for (s = 0; s < d->nstatus; s++)
        dash_add(&r, dash_status_width(d, s), TEXTW_RIGHT, d->statuses[s].name, NULL);
    dash_add(&r, 6, TEXTW_RIGHT, msg("dash.col.percent"), NULL);
    dash_add(&r, 4, TEXTW_RIGHT, msg("dash.col.overdue"), NULL);
    dash_add(&r, 6, TEXTW_RIGHT, msg("dash.col.stale"), NULL);
    dash_push_row(l, &r, DASH_ROLE_COLUMNS);
    for (i = 0; i < d->nactions; i++)
        dash_action_row(d, &d->actions[i], namew, l);
    dash_status_chart(d, width, namew, l);
}

/* The drill of unit u's tasks: all (late 0), overdue (1) or stale (2). */
static void
dash_unit_drill(const struct dash_unit *u, int late, struct dash_drill *dr)
{
    memset(dr, 0, sizeof *dr);
    dr->kind = DASH_DRILL_TASKS;
    snprintf(dr->unit_id, sizeof dr->unit_id, "%s", u->id);
    dr->overdue = late == 1;
    dr->stale = late == 2;
    snprintf(dr->title, sizeof dr->title, "%s%s%s", u->name, late ? " / " : "",
             late == 1   ? msg("dash.drill.overdue")
             : late == 2 ? msg("dash.drill.stale")
                         : "");
}

static void
dash_units(const struct dashboard *d, int width, struct dash_lines *l)
{
    int namew = width >= 100 ? 30 : 24;
    struct dash_drill dr[3];
    struct dash_row r;
    size_t i;

    if (d->nunits == 0)
        return;
    dash_push(l, "", DASH_ROLE_NORMAL);
    dash_push(l, msg("dash.sec.units"), DASH_ROLE_HEADING);
    dash_row_init(&r);
    dash_add(&r, namew, TEXTW_LEFT, msg("dash.col.unit"), NULL);
    dash_add(&r, 4, TEXTW_RIGHT, msg("dash.col.tasks"), NULL);
    dash_add(&r, 4, TEXTW_RIGHT, msg("dash.col.overdue"), NULL);
    dash_add(&r, 6, TEXTW_RIGHT, msg("dash.col.stale"), NULL);
    dash_push_row(l, &r, DASH_ROLE_COLUMNS);
    for (i = 0; i < d->nunits; i++) {
        const struct dash_unit *u = &d->units[i];

        dash_unit_drill(u, 0, &dr[0]);
        dash_unit_drill(u, 1, &dr[1]);
        dash_unit_drill(u, 2, &dr[2]);
        dash_row_init(&r);
        dash_add(&r, namew, TEXTW_LEFT, u->name, NULL);
        dash_add_num(&r, 4, u->total, "", &dr[0]);
        dash_add_num(&r, 4, u->overdue, "", &dr[1]);
        dash_add_num(&r, 6, u->stale, "", &dr[2]);
        dash_push_row(l, &r,
                      u->overdue ? DASH_ROLE_RED
                      : u->stale ? DASH_ROLE_AMBER
                                 : DASH_ROLE_NORMAL);
    }
}

/* A count to chase, as a selectable line: "  label  N". */
static void
dash_chase_count(struct dash_lines *l, const char *label, long n, enum dash_drill_kind kind,
                 int flags, enum dash_role role)
{
    struct dash_drill dr;
    struct dash_row r;

    memset(&dr, 0, sizeof dr);
    dr.kind = kind;
    dr.flags = flags;
    snprintf(dr.title, sizeof dr.title, "%s", label);
    dash_row_init(&r);
    dash_add(&r, 40, TEXTW_LEFT, label, NULL);
    dash_add_num(&r, 6, n, "", &dr);
    dash_push_row(l, &r, n > 0 ? role : DASH_ROLE_NORMAL);
}

/* The certificates about to lapse, named under their count. */
static void
dash_chase_certs(const struct dashboard *d, struct dash_lines *l)
{
    char months[16], days[24], *label, *line;
    size_t i;

    snprintf(months, sizeof months, "%d", d->opts.cert_months);
    label = msg_format("dash.chase.expiring", months, NULL);
    dash_chase_count(l, label, d->expiring, DASH_DRILL_CERTS, 0, DASH_ROLE_AMBER);
    free(label);
    for (i = 0; i < d->ncerts; i++) {
        snprintf(days, sizeof days, "%ld", d->certs[i].days);
        line = msg_format("dash.chase.cert_line", d->certs[i].name, d->certs[i].until, days, NULL);
        dash_push(l, line, DASH_ROLE_NOTE);
        free(line);
    }
}

/* The pilot projects held at a gate or near their run limit, named. */
static void
dash_chase_pilots(const struct dashboard *d, struct dash_lines *l)
{
    char *line;
    size_t i;

    dash_chase_count(l, msg("dash.chase.held"), d->pilots_held, DASH_DRILL_PILOTS, PILOT_HELD,
                     DASH_ROLE_AMBER);
    dash_chase_count(l, msg("dash.chase.late"), d->pilots_late, DASH_DRILL_PILOTS, PILOT_NEAR,
                     DASH_ROLE_RED);
    for (i = 0; i < d->npilots; i++) {
        const struct dash_pilot *p = &d->pilots[i];

        if (p->flags & PILOT_HELD)
            line = msg_format("dash.chase.pilot_held", p->name, p->stage, p->missing, NULL);
        else
            line = msg_format(p->flags & PILOT_PAST ? "dash.chase.pilot_past"
                                                    : "dash.chase.pilot_near",
                              p->name, p->stage, p->deadline, NULL);
        dash_push(l, line, DASH_ROLE_NOTE);
        free(line);
    }
}

static void
dash_chase(const struct dashboard *d, struct dash_lines *l)
{
    dash_push(l, "", DASH_ROLE_NORMAL);
    dash_push(l, msg("dash.sec.chase"), DASH_ROLE_HEADING);
    dash_chase_certs(d, l);
    dash_chase_count(l, msg("dash.chase.unregistered"), d->unregistered, DASH_DRILL_UNREG, 0,
                     DASH_ROLE_AMBER);
    dash_chase_pilots(d, l);
}

/* Progress reports per month: a bar of reports against the live tasks
 * (each task reports once a month). */
static void
dash_months(const struct dashboard *d, int width, struct dash_lines *l)
{
    int barw = 30 + (width - 80 > 60 ? 60 : width - 80);
    struct dash_drill dr;
    struct dash_row r;
    char bar[128], cover[48];
    size_t i;

    if (d->nmonths == 0)
        return;
    dash_push(l, "", DASH_ROLE_NORMAL);
    dash_push(l, msg("dash.sec.months"), DASH_ROLE_HEADING);
    dash_row_init(&r);
    dash_add(&r, 7, TEXTW_LEFT, msg("dash.col.month"), NULL);
    dash_add(&r, 11, TEXTW_RIGHT, msg("dash.col.reports"), NULL);
    dash_add(&r, barw, TEXTW_LEFT, "", NULL);
    dash_push_row(l, &r, DASH_ROLE_COLUMNS);
    for (i = 0; i < d->nmonths; i++) {
        const struct dash_month *m = &d->months[i];

        memset(&dr, 0, sizeof dr);
        dr.kind = DASH_DRILL_REPORTS;
        snprintf(dr.month, sizeof dr.month, "%s", m->month);
        snprintf(dr.title, sizeof dr.title, "%s %s", m->month, msg("dash.drill.reports"));
        snprintf(cover, sizeof cover, "%ld/%ld", m->reports, d->live_tasks);
        bar[0] = '[';
        targets_bar((double)m->reports, (double)d->live_tasks, barw - 2, bar + 1);
        strcat(bar, "]");
        dash_row_init(&r);
        dash_add(&r, 7, TEXTW_LEFT, m->month, NULL);
        dash_add(&r, 11, TEXTW_RIGHT, cover, &dr);
        dash_add(&r, barw, TEXTW_LEFT, bar, NULL);
        dash_push_row(l, &r, DASH_ROLE_NORMAL);
    }
}

static void
dash_tiers(const struct dashboard *d, int width, struct dash_lines *l)
{
    int barw = 40 + (width - 80 > 60 ? 60 : width - 80);
    struct dash_drill dr;
    struct dash_row r;
    char num[32], bar[128];
    size_t i;

    if (d->ntiers == 0)
        return;
    dash_push(l, "", DASH_ROLE_NORMAL);
    dash_push(l, msg("dash.sec.tiers"), DASH_ROLE_HEADING);
    for (i = 0; i < d->ntiers; i++) {
        const struct dash_tier *t = &d->tiers[i];

        bar[0] = '\0';
        if (t->has_target) {
            snprintf(num, sizeof num, "%ld/%.0f", t->count, t->target);
            bar[0] = '[';
            targets_bar((double)t->count, t->target, barw - 2, bar + 1);
            strcat(bar, "]");
        } else {
            snprintf(num, sizeof num, "%ld", t->count);
        }
        memset(&dr, 0, sizeof dr);
        dr.kind = DASH_DRILL_TIER;
        snprintf(dr.code, sizeof dr.code, "%s", t->code);
        snprintf(dr.title, sizeof dr.title, "%s", t->name);
        dash_row_init(&r);
        dash_add(&r, 16, TEXTW_LEFT, t->name, NULL);
        dash_add(&r, 9, TEXTW_RIGHT, num, &dr);
        dash_add(&r, barw, TEXTW_LEFT, bar, NULL);
        dash_push_row(l, &r, DASH_ROLE_NORMAL);
    }
}

void
dashboard_lines(const struct dashboard *d, int width, struct dash_lines *out)
{
    memset(out, 0, sizeof *out);
    if (width < 80)
        width = 80;
    dash_heading(d, out);
    if (d->targets->plan_year == 0)
        return;
    dash_targets(d, width, out);
    dash_actions(d, width, out);
    dash_units(d, width, out);
    dash_chase(d, out);
    dash_tiers(d, width, out);
    dash_months(d, width, out);
}

void
dash_lines_free(struct dash_lines *l)
{
    size_t i;

    for (i = 0; i < l->n; i++) {
        free(l->v[i].text);
        free(l->v[i].spots);
    }
    free(l->v);
    memset(l, 0, sizeof *l);
}

void
dashboard_text(const struct dashboard *d, int width, struct strbuf *out)
{
    struct dash_lines l;
    size_t i;

    dashboard_lines(d, width, &l);
    for (i = 0; i < l.n; i++) {
        strbuf_puts(out, l.v[i].text);
        strbuf_putc(out, '\n');
    }
    dash_lines_free(&l);
}
