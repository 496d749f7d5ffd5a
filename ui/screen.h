/*
 * screen.h — the terminal: opening it (a real one, or an invisible one of
 * a given size for the headless mode), drawing text fitted to a number of
 * display columns, and reading the screen back as text.
 *
 * All drawing goes through ui_screen_put and friends, which measure with
 * src/textw.h: no caller counts bytes, and no text ever spills past the
 * columns it was given (a double-width character that does not fit is
 * left out whole).
 */
#ifndef TUWEI_UI_SCREEN_H
#define TUWEI_UI_SCREEN_H

#include <stdio.h>

#include "src/err.h"
#include "src/textw.h"
#include "ui/theme.h"

/* A rectangle of the screen. */
struct ui_rect {
    int y, x, h, w;
};

/* Opens the terminal on stdin/stdout. ERR_REFUSED with a message for a
 * locale that is not UTF-8, input or output that is not a terminal, or a
 * terminal type curses cannot drive. */
int ui_screen_open(struct err *e);

/* Opens an invisible terminal of cols x rows for the headless mode. */
int ui_screen_open_headless(int cols, int rows, struct err *e);

/* Restores the terminal (or frees the invisible one). Safe to call twice. */
void ui_screen_close(void);

/* Changes the invisible screen's size (headless), or takes the real
 * terminal's new size after a resize. */
void ui_screen_resize(int cols, int rows);

/* Blanks the whole screen (before drawing a frame). */
void ui_screen_clear(void);

/* Current size. */
int ui_screen_cols(void);
int ui_screen_rows(void);

/* Writes text at y, x in exactly w columns (fitted: cut with an ellipsis
 * or padded with spaces as align says), in role's colours. */
void ui_screen_put(int y, int x, int w, const char *text, enum ui_role role,
                   enum textw_align align);

/* Like ui_screen_put with explicit curses attributes. */
void ui_screen_put_attr(int y, int x, int w, const char *text, attr_t attr, enum textw_align align);

/* Fills a rectangle with spaces in role's colours. */
void ui_screen_fill(const struct ui_rect *r, enum ui_role role);

/* Draws an ASCII frame (+, -, |) around r's edge in role's colours. */
void ui_screen_frame(const struct ui_rect *r, enum ui_role role);

/* Draws a vertical ASCII line of h rows at y, x. */
void ui_screen_vline(int y, int x, int h, enum ui_role role);

/* Places the terminal cursor (shown while a text field is edited), or
 * hides it when y < 0. */
void ui_screen_cursor(int y, int x);

/* Makes the next flush repaint every cell. After a box over the screen
 * closes: where its frame cut a double-width character in half, the
 * terminal blanked the whole character while curses still believes it is
 * there, so a plain update would leave the hole. */
void ui_screen_repaint(void);

/* Sends what was drawn to the terminal (no-op when headless). */
void ui_screen_flush(void);

/* The screen as UTF-8 text, one line per row with trailing spaces
 * removed, a double-width character written once. The caller frees it. */
char *ui_screen_text(void);

/* Writes ui_screen_text to f. */
int ui_screen_dump(FILE *f);

/* 1 when the screen is the headless one. */
int ui_screen_headless(void);

/* Whether marks some terminals draw two columns wide (“” — … · ×) are
 * shown as ASCII ([ui] plain_marks; on unless told). */
void ui_screen_plain_marks(int on);

#endif
