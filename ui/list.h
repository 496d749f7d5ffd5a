/*
 * list.h — the virtual list every screen's records go through.
 *
 * A list never holds its records: it asks its source how many rows match
 * (when it is loaded or filtered, never per keystroke) and then only for
 * the rows it is about to draw, keeping that window and fetching just the
 * rows that scroll into view. So 100,000 rows scroll as fast as 20. It
 * has a selection, scrolls to keep it visible, and filters by the text a
 * search gives it (the source decides what matches).
 */
#ifndef TUWEI_UI_LIST_H
#define TUWEI_UI_LIST_H

#include "ui/screen.h"
#include "ui/table.h"

#define UI_ROW_CELLS 8

/* One row as the list shows it. */
struct ui_row {
    char id[40];              /* the record's key */
    char *cell[UI_ROW_CELLS]; /* texts of the columns; owned by the list */
    enum ui_role role;        /* the row's colour (overdue …); normal when 0 */
    void *rec;                /* the record behind the row, for details; owned by the list */
};

/* What the list knows around the rows it asks for, so a source can seek
 * from a neighbouring row instead of skipping offset rows. */
struct ui_list_hint {
    const struct ui_row *before; /* the row at offset - 1, or NULL */
    const struct ui_row *after;  /* the row at offset + n, or NULL */
    long count;                  /* rows in the list */
};

struct ui_list_source {
    /* Rows matching filter (NULL for all). */
    long (*count)(void *ctx, const char *filter);
    /* Fills rows[0..n) with the rows from offset on (the rows come zeroed);
     * returns how many it filled. hint may be ignored. */
    int (*fetch)(void *ctx, const char *filter, long offset, int n, struct ui_row *rows,
                 const struct ui_list_hint *hint);
    /* Frees a row's rec (NULL when rec is never set). */
    void (*free_rec)(void *rec);
};

struct ui_list {
    const struct ui_list_source *src;
    void *ctx;
    const struct ui_column *cols;
    int ncols;
    char *filter;       /* NULL when not filtered */
    long count;         /* rows matching, as of the last load */
    long sel;           /* selected row, -1 when empty */
    long top;           /* first row shown */
    int height;         /* rows shown (set by draw or ui_list_set_height) */
    struct ui_row *win; /* rows top .. top + nwin */
    long win_off;
    int nwin;
    long fetched;      /* rows asked of the source so far (for tests and benches) */
    const char *empty; /* catalogue key of the text shown when empty */
};

/* A list over src (ctx is passed to it) with these columns (borrowed).
 * Counts the rows at once. */
struct ui_list *ui_list_new(const struct ui_list_source *src, void *ctx,
                            const struct ui_column *cols, int ncols);

/* Frees l and its rows; NULL is a no-op. */
void ui_list_free(struct ui_list *l);

/* Counts again and drops the window (the data may have changed); the
 * selection stays where it was, clamped. */
void ui_list_reload(struct ui_list *l);

/* Filters by text (NULL or "" for everything); selects the first row. */
void ui_list_set_filter(struct ui_list *l, const char *text);

/* The number of rows shown at once. */
void ui_list_set_height(struct ui_list *l, int h);

/* Moves the selection by delta rows (clamped), to the first or last row. */
void ui_list_move(struct ui_list *l, long delta);
void ui_list_select(struct ui_list *l, long row);

/* Applies a keymap action (up, down, page up/down, home, end); 1 if used. */
int ui_list_action(struct ui_list *l, int action);

/* The selected row (fetched if needed), or NULL when the list is empty.
 * Valid until the list changes. */
const struct ui_row *ui_list_selected(struct ui_list *l);

/* Draws the headings and rows in r (the first line holds the headings). */
void ui_list_draw(struct ui_list *l, const struct ui_rect *r, int focused);

/* Selects the row drawn at screen row y of r; 1 when there was one. */
int ui_list_click(struct ui_list *l, const struct ui_rect *r, int y);

/* "3/65" (or "0/0"), for the status line. The caller frees it. */
char *ui_list_position(const struct ui_list *l);

#endif
