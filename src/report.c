/*
 * report.c — the report table: columns, rows of text cells, its heading.
 */
#include "src/report.h"

#include <assert.h>
#include <stdlib.h>

#include "src/xmalloc.h"

struct report *
report_new(const char *name, const char *title, const char *as_of, const char *period)
{
    struct report *r = xcalloc(1, sizeof *r);

    r->name = xstrdup(name);
    r->title = xstrdup(title);
    r->as_of = xstrdup(as_of);
    r->period = period && *period ? xstrdup(period) : NULL;
    return r;
}

void
report_free(struct report *r)
{
    size_t i;

    if (r == NULL)
        return;
    for (i = 0; i < r->nrows * r->ncols; i++)
        free(r->cells[i]);
    for (i = 0; i < r->ncols; i++)
        free(r->cols[i].title);
    free(r->cells);
    free(r->cols);
    free(r->name);
    free(r->title);
    free(r->as_of);
    free(r->period);
    free(r);
}

void
report_add_col(struct report *r, const char *title, enum report_kind kind)
{
    assert(r->nrows == 0);
    r->cols = xrealloc(r->cols, (r->ncols + 1) * sizeof *r->cols);
    r->cols[r->ncols].title = xstrdup(title);
    r->cols[r->ncols].kind = kind;
    r->ncols++;
}

void
report_add_row(struct report *r, const char *const *cells)
{
    size_t i, base;

    if (r->nrows == r->cap) {
        r->cap = r->cap ? r->cap * 2 : 64;
        r->cells = xrealloc(r->cells, r->cap * r->ncols * sizeof *r->cells);
    }
    base = r->nrows * r->ncols;
    for (i = 0; i < r->ncols; i++)
        r->cells[base + i] = xstrdup(cells[i] ? cells[i] : "");
    r->nrows++;
}

const char *
report_cell(const struct report *r, size_t row, size_t col)
{
    assert(row < r->nrows && col < r->ncols);
    return r->cells[row * r->ncols + col];
}

char *
report_heading(const struct report *r)
{
    if (r->period)
        return xasprintf("%s（截至 %s，统计期间 %s）", r->title, r->as_of, r->period);
    return xasprintf("%s（截至 %s）", r->title, r->as_of);
}
