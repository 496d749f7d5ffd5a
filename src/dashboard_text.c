/*
 * dashboard_text.c — the overview as plain text, for `tuwei dashboard`:
 * sections one under another, columns counted in display columns, bars
 * of ASCII '#' and '.', marks G/A/R beside a word.
 */
#include "src/dashboard.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "src/textw.h"
#include "src/xmalloc.h"

/* One column of a text table. */
struct dash_col {
    int width;
    enum textw_align align;
};

/* Appends cells fitted to cols (two spaces apart, indented by two), then
 * a line break; trailing blanks are dropped. */
static void
dash_line(struct strbuf *out, const char *const *cells, const struct dash_col *cols, size_t n)
{
    size_t i;

    strbuf_puts(out, "  ");
    for (i = 0; i < n; i++) {
        char *fit = textw_fit(cells[i] ? cells[i] : "", cols[i].width, cols[i].align);

        strbuf_puts(out, i ? "  " : "");
        strbuf_puts(out, fit);
        free(fit);
    }
    while (out->len > 0 && out->s[out->len - 1] == ' ')
        out->s[--out->len] = '\0';
    strbuf_putc(out, '\n');
}

static void
dash_heading(const struct dashboard *d, struct strbuf *out)
{
    const struct targets *t = d->targets;

    strbuf_printf(out, "总览（截至 %s）", d->opts.as_of);
    if (t->plan_year == 0) {
        strbuf_puts(out, "\n\n数据库中还没有工作方案：运行 tuwei init 载入2025年工作方案。\n");
        return;
    }
    strbuf_printf(out, "  %d年工作方案  全年已过 %.1f%%，剩余 %ld 天\n", t->plan_year,
                  100.0 * t->elapsed, t->days_left);
}

/* The mark column: "G 正常". */
static void
dash_mark(const struct targets_fig *f, char *buf, size_t n)
{
    if (f->rag == TARGETS_NONE)
        snprintf(buf, n, "-");
    else
        snprintf(buf, n, "%s %s", targets_rag_letter(f->rag), targets_rag_name(f));
}

static void
dash_targets(const struct dashboard *d, int width, struct strbuf *out)
{
    struct dash_col cols[] = {{20, TEXTW_LEFT}, {6, TEXTW_RIGHT}, {6, TEXTW_RIGHT},
                              {6, TEXTW_RIGHT}, {12, TEXTW_LEFT}, {6, TEXTW_RIGHT},
                              {6, TEXTW_LEFT}};
    const char *hdr[] = {"指标", "目标", "当前", "差距", "进度", "上月末", "状态"};
    const struct targets *t = d->targets;
    char target[32], value[32], gap[32], prev[32], mark[32], bar[128];
    size_t i;

    cols[4].width = 12 + (width - 80 > 60 ? 60 : width - 80);
    strbuf_puts(out, "\n一、总体目标\n");
    dash_line(out, hdr, cols, 7);
    for (i = 0; i < t->n; i++) {
        const struct targets_fig *f = &t->figs[i];
        const char *cells[7];
        int text = strcmp(f->kind, "text") == 0;

        targets_format_value(f, f->target, f->has_target && !text, target, sizeof target);
        targets_format_value(f, f->value, f->has_value, value, sizeof value);
        targets_format_value(f, f->gap, f->has_value && f->has_target, gap, sizeof gap);
        targets_format_value(f, f->prev, f->has_prev, prev, sizeof prev);
        bar[0] = '[';
        targets_bar(f->has_value ? f->value : 0, f->target, cols[4].width - 2, bar + 1);
        strcat(bar, "]");
        dash_mark(f, mark, sizeof mark);
        cells[0] = f->name;
        cells[1] = text ? "" : target;
        cells[2] = text ? "" : value;
        cells[3] = text ? "" : gap;
        cells[4] = text || !f->has_value ? "" : bar;
        cells[5] = text ? "" : prev;
        cells[6] = text ? "" : mark;
        if (text)
            strbuf_printf(out, "  %s\n", f->name);
        else
            dash_line(out, cells, cols, 7);
        if (f->note)
            strbuf_printf(out, "      （%s）\n", f->note);
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

/* A row being built: cells and their columns. */
struct dash_row {
    struct dash_col cols[4 + DASH_MAX_STATUS];
    const char *cells[4 + DASH_MAX_STATUS];
    char num[4 + DASH_MAX_STATUS][24];
    size_t n;
};

static void
dash_add(struct dash_row *r, int width, enum textw_align align, const char *text)
{
    r->cols[r->n].width = width;
    r->cols[r->n].align = align;
    r->cells[r->n++] = text;
}

/* Adds a number, followed by suffix ("" or "%"). */
static void
dash_add_num(struct dash_row *r, int width, long v, const char *suffix)
{
    snprintf(r->num[r->n], sizeof r->num[r->n], "%ld%s", v, suffix);
    dash_add(r, width, TEXTW_RIGHT, r->num[r->n]);
}

static void
dash_actions(const struct dashboard *d, struct strbuf *out)
{
    struct dash_row r;
    size_t i, s;

    if (d->nactions == 0)
        return;
    strbuf_puts(out, "\n二、七大行动\n");
    r.n = 0;
    dash_add(&r, 2, TEXTW_RIGHT, "");
    dash_add(&r, 16, TEXTW_LEFT, "行动");
    dash_add(&r, 4, TEXTW_RIGHT, "任务");
    for (s = 0; s < d->nstatus; s++)
        dash_add(&r, 6, TEXTW_RIGHT, d->statuses[s].name);
    dash_add(&r, 6, TEXTW_RIGHT, "完成度");
    dash_line(out, r.cells, r.cols, r.n);
    for (i = 0; i < d->nactions; i++) {
        const struct dash_action *a = &d->actions[i];
        char *name = dash_action_name(a->name);

        r.n = 0;
        dash_add_num(&r, 2, a->no, "");
        dash_add(&r, 16, TEXTW_LEFT, name);
        dash_add_num(&r, 4, a->total, "");
        for (s = 0; s < d->nstatus; s++)
            dash_add_num(&r, 6, a->by_status[s], "");
        dash_add_num(&r, 6, a->percent, "%");
        dash_line(out, r.cells, r.cols, r.n);
        free(name);
    }
}

static void
dash_tiers(const struct dashboard *d, int width, struct strbuf *out)
{
    struct dash_col cols[] = {{16, TEXTW_LEFT}, {9, TEXTW_RIGHT}, {40, TEXTW_LEFT}};
    char num[32], bar[128];
    const char *cells[3];
    size_t i;

    if (d->ntiers == 0)
        return;
    cols[2].width = 40 + (width - 80 > 60 ? 60 : width - 80);
    strbuf_puts(out, "\n三、梯度培育（家）\n");
    for (i = 0; i < d->ntiers; i++) {
        const struct dash_tier *t = &d->tiers[i];

        if (t->has_target) {
            snprintf(num, sizeof num, "%ld/%.0f", t->count, t->target);
            bar[0] = '[';
            targets_bar((double)t->count, t->target, cols[2].width - 2, bar + 1);
            strcat(bar, "]");
        } else {
            snprintf(num, sizeof num, "%ld", t->count);
            bar[0] = '\0';
        }
        cells[0] = t->name;
        cells[1] = num;
        cells[2] = bar;
        dash_line(out, cells, cols, 3);
    }
}

void
dashboard_text(const struct dashboard *d, int width, struct strbuf *out)
{
    if (width < 80)
        width = 80;
    dash_heading(d, out);
    if (d->targets->plan_year == 0)
        return;
    dash_targets(d, width, out);
    dash_actions(d, out);
    dash_tiers(d, width, out);
}
