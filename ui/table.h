/*
 * table.h — columns of text sized in display columns. A table is a list
 * of column definitions; the layout gives each column its width for the
 * space at hand, and a row becomes one line exactly that wide, every cell
 * fitted (cut with an ellipsis or padded) so Chinese columns line up.
 */
#ifndef TUWEI_UI_TABLE_H
#define TUWEI_UI_TABLE_H

#include "src/textw.h"

struct ui_column {
    const char *title; /* catalogue key of the heading */
    int min;           /* columns the cell needs at least */
    int weight;        /* share of the spare width; 0 keeps it at min */
    enum textw_align align;
};

/* Widths for n columns filling total columns, one space between cells.
 * When even the minimums do not fit, columns are hidden (width 0) from the
 * right and the last one shown takes what is left. */
void ui_table_layout(const struct ui_column *cols, int n, int total, int *widths);

/* The cells as one line, each fitted to its width, exactly as wide as the
 * layout's total. NULL cells are empty. The caller frees it. */
char *ui_table_line(const struct ui_column *cols, int n, const int *widths,
                    const char *const *cells);

/* The headings as a line (titles from the catalogue). The caller frees it. */
char *ui_table_header(const struct ui_column *cols, int n, const int *widths);

#endif
