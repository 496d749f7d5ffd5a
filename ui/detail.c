/*
 * detail.c — the record view: wrapping, aligned fields, scrolling.
 */
#include "ui/detail.h"

#include <stdlib.h>
#include <string.h>

#include "src/msg.h"
#include "src/xmalloc.h"
#include "ui/keymap.h"

#define DETAIL_MAX_LABEL 16 /* columns a label may take at most */

void
ui_detail_init(struct ui_detail *d)
{
    memset(d, 0, sizeof *d);
}

void
ui_detail_clear(struct ui_detail *d)
{
    size_t i;

    for (i = 0; i < d->n; i++) {
        free(d->p[i].label);
        free(d->p[i].text);
    }
    d->n = 0;
    d->scroll = 0;
}

void
ui_detail_free(struct ui_detail *d)
{
    ui_detail_clear(d);
    free(d->p);
    memset(d, 0, sizeof *d);
}

/* Appends a paragraph. */
static void
detail_push(struct ui_detail *d, enum ui_role role, const char *label, const char *text, int nowrap)
{
    struct ui_detail_para *p;

    if (d->n == d->cap) {
        d->cap = d->cap ? d->cap * 2 : 16;
        d->p = xrealloc(d->p, d->cap * sizeof *d->p);
    }
    p = &d->p[d->n++];
    p->role = role;
    p->label = label ? xstrdup(label) : NULL;
    p->text = xstrdup(text ? text : "");
    p->nowrap = nowrap;
}

void
ui_detail_add(struct ui_detail *d, enum ui_role role, const char *text)
{
    detail_push(d, role, NULL, text, 0);
}

void
ui_detail_add_line(struct ui_detail *d, enum ui_role role, const char *text)
{
    detail_push(d, role, NULL, text, 1);
}

void
ui_detail_field(struct ui_detail *d, const char *label, const char *value)
{
    detail_push(d, UI_ROLE_NORMAL, label, value && *value ? value : msg("detail.none"), 0);
}

void
ui_detail_blank(struct ui_detail *d)
{
    detail_push(d, UI_ROLE_NORMAL, NULL, "", 1);
}

/* The label column's width at view width w. */
static int
detail_label_cols(const struct ui_detail *d, int w)
{
    int cols = 0, lw;
    size_t i;

    for (i = 0; i < d->n; i++) {
        if (d->p[i].label && (lw = textw_width(d->p[i].label) + 2) > cols)
            cols = lw;
    }
    if (cols > DETAIL_MAX_LABEL)
        cols = DETAIL_MAX_LABEL;
    if (cols > w / 2)
        cols = w / 2;
    return cols;
}

/* Lines paragraph p takes: at width w with a label column of lc. */
static size_t
detail_para_lines(const struct ui_detail_para *p, int w, int lc)
{
    size_t n;

    if (p->nowrap)
        return 1;
    n = textw_wrap(p->text, p->label ? w - lc : w, NULL, 0);
    return n ? n : 1;
}

int
ui_detail_lines(const struct ui_detail *d, int w)
{
    int lc = detail_label_cols(d, w);
    size_t i, n = 0;

    for (i = 0; i < d->n; i++)
        n += detail_para_lines(&d->p[i], w, lc);
    return (int)n;
}

/* Draws line k (0-based) of paragraph p at screen row y if visible. */
static void
detail_draw_line(const struct ui_detail_para *p, const struct textw_line *ln, int k, int y,
                 const struct ui_rect *r, int lc)
{
    char *text = ln ? xstrndup(p->text + ln->off, ln->len) : xstrdup(p->text);
    int x = r->x, w = r->w;

    if (p->label) {
        char *label = xasprintf("%s%s", p->label, msg("detail.colon"));

        ui_screen_put(y, x, lc, k == 0 ? label : "", UI_ROLE_LABEL, TEXTW_LEFT);
        free(label);
        x += lc;
        w -= lc;
    }
    ui_screen_put(y, x, w, text, p->role, TEXTW_LEFT);
    free(text);
}

/* Draws paragraph p from its line `skip`, starting at screen row *y. */
static void
detail_draw_para(const struct ui_detail_para *p, int skip, int *y, const struct ui_rect *r, int lc)
{
    size_t n, k;
    struct textw_line *lines;

    if (p->nowrap) {
        if (skip == 0 && *y < r->y + r->h)
            detail_draw_line(p, NULL, 0, (*y)++, r, lc);
        return;
    }
    n = textw_wrap(p->text, p->label ? r->w - lc : r->w, NULL, 0);
    lines = xcalloc(n ? n : 1, sizeof *lines);
    textw_wrap(p->text, p->label ? r->w - lc : r->w, lines, n);
    if (n == 0)
        n = 1; /* an empty paragraph is one empty line; lines[0] is zeroed */
    for (k = (size_t)skip; k < n && *y < r->y + r->h; k++)
        detail_draw_line(p, &lines[k], (int)k, (*y)++, r, lc);
    free(lines);
}

void
ui_detail_draw(struct ui_detail *d, const struct ui_rect *r)
{
    int lc = detail_label_cols(d, r->w), y = r->y, skip = d->scroll, total, plines;
    size_t i;

    total = ui_detail_lines(d, r->w);
    if (d->scroll > total - r->h)
        d->scroll = total - r->h > 0 ? total - r->h : 0;
    skip = d->scroll;
    for (i = 0; i < d->n && y < r->y + r->h; i++) {
        plines = (int)detail_para_lines(&d->p[i], r->w, lc);
        if (skip >= plines) {
            skip -= plines;
            continue;
        }
        detail_draw_para(&d->p[i], skip, &y, r, lc);
        skip = 0;
    }
}

int
ui_detail_action(struct ui_detail *d, int action, const struct ui_rect *r)
{
    int total = ui_detail_lines(d, r->w), max = total - r->h > 0 ? total - r->h : 0;
    int page = r->h > 1 ? r->h - 1 : 1;

    switch (action) {
    case UI_ACT_UP:
        d->scroll--;
        break;
    case UI_ACT_DOWN:
        d->scroll++;
        break;
    case UI_ACT_PGUP:
        d->scroll -= page;
        break;
    case UI_ACT_PGDN:
        d->scroll += page;
        break;
    case UI_ACT_HOME:
        d->scroll = 0;
        break;
    case UI_ACT_END:
        d->scroll = max;
        break;
    default:
        return 0;
    }
    if (d->scroll > max)
        d->scroll = max;
    if (d->scroll < 0)
        d->scroll = 0;
    return 1;
}
