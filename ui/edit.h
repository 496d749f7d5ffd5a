/*
 * edit.h — editing a piece of text: the one editor behind form fields and
 * the search prompt. Input is characters and keys as src/keys.h has them
 * (from get_wch, so Chinese typed or pasted arrives whole). The cursor is a
 * byte offset that only ever sits between whole characters; where it is
 * on screen is counted in display columns. Backspace and Delete remove a
 * whole character (a letter with its combining marks).
 */
#ifndef TUWEI_UI_EDIT_H
#define TUWEI_UI_EDIT_H

#include <stddef.h>

#include "src/strbuf.h"

struct ui_edit {
    struct strbuf text;
    size_t cur;    /* byte offset of the cursor in text */
    int multiline; /* Enter inserts a line break; Up/Down move between lines */
    int scroll;    /* first column (one line) or row (multi-line) shown */
};

/* Starts ed with a copy of text (NULL for empty), cursor at the end. */
void ui_edit_init(struct ui_edit *ed, const char *text, int multiline);

/* Frees ed's text. */
void ui_edit_free(struct ui_edit *ed);

/* Replaces the text, cursor at the end. */
void ui_edit_set(struct ui_edit *ed, const char *text);

/* The text (borrowed until the next change). */
const char *ui_edit_text(const struct ui_edit *ed);

/* Applies key: a character is inserted; Backspace, Delete, Left, Right,
 * Home, End, C-a, C-e, C-u, C-k edit or move; in multi-line text also
 * Enter, Up, Down. Returns 1 when the key was used, 0 when it is not an
 * editing key (the caller may then use it). */
int ui_edit_key(struct ui_edit *ed, int key);

/* Inserts UTF-8 text at the cursor (as a paste would). */
void ui_edit_insert(struct ui_edit *ed, const char *s);

/* The cursor's column within its line (display columns from the line's
 * start), and its line (0-based) in multi-line text. */
int ui_edit_cursor_col(const struct ui_edit *ed);
int ui_edit_cursor_line(const struct ui_edit *ed);

/* For one line shown w columns wide: adjusts ed->scroll so the cursor is
 * visible and returns the visible part as a new string exactly w wide;
 * *cursor_x gets the cursor's column within it. */
char *ui_edit_view(struct ui_edit *ed, int w, int *cursor_x);

#endif
