/*
 * table.c — column layout and row formatting in display columns.
 */
#include "ui/table.h"

#include <stdlib.h>

#include "src/msg.h"
#include "src/strbuf.h"

/* Sum of the minimums of the first n columns plus the gaps between them. */
static int
table_need(const struct ui_column *cols, int n)
{
    int i, need = n > 0 ? n - 1 : 0;

    for (i = 0; i < n; i++)
        need += cols[i].min;
    return need;
}

/* Shares spare columns among the shown columns by weight. */
static void
table_share(const struct ui_column *cols, int shown, int spare, int *widths)
{
    int i, wsum = 0, given = 0, first = -1;

    for (i = 0; i < shown; i++) {
        wsum += cols[i].weight;
        if (cols[i].weight > 0 && first < 0)
            first = i;
    }
    if (wsum == 0) {
        widths[shown - 1] += spare;
        return;
    }
    for (i = 0; i < shown; i++) {
        widths[i] += spare * cols[i].weight / wsum;
        given += spare * cols[i].weight / wsum;
    }
    widths[first] += spare - given;
}

void
ui_table_layout(const struct ui_column *cols, int n, int total, int *widths)
{
    int i, shown = n;

    for (i = 0; i < n; i++)
        widths[i] = 0;
    while (shown > 1 && table_need(cols, shown) > total)
        shown--;
    if (shown == 0 || total <= 0)
        return;
    for (i = 0; i < shown; i++)
        widths[i] = cols[i].min;
    if (table_need(cols, shown) > total) {
        widths[0] = total; /* only one column, narrower than it wants */
        return;
    }
    table_share(cols, shown, total - table_need(cols, shown), widths);
}

char *
ui_table_line(const struct ui_column *cols, int n, const int *widths, const char *const *cells)
{
    struct strbuf b = STRBUF_INIT;
    char *cell;
    int i;

    strbuf_puts(&b, "");
    for (i = 0; i < n; i++) {
        if (widths[i] <= 0)
            continue;
        if (i > 0)
            strbuf_putc(&b, ' ');
        cell = textw_fit(cells[i] ? cells[i] : "", widths[i], cols[i].align);
        strbuf_puts(&b, cell);
        free(cell);
    }
    return strbuf_take(&b);
}

char *
ui_table_header(const struct ui_column *cols, int n, const int *widths)
{
    const char *titles[16];
    int i;

    for (i = 0; i < n && i < 16; i++)
        titles[i] = cols[i].title ? msg(cols[i].title) : "";
    return ui_table_line(cols, n < 16 ? n : 16, widths, titles);
}
