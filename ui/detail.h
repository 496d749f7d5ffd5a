/*
 * detail.h — a scrolling view of text about one record: paragraphs
 * wrapped by display columns (Chinese breaks between any two characters,
 * Latin words at spaces), "label：value" fields whose values wrap under
 * themselves, and preformatted lines (table rows) that are cut, not
 * wrapped.
 */
#ifndef TUWEI_UI_DETAIL_H
#define TUWEI_UI_DETAIL_H

#include <stddef.h>

#include "ui/screen.h"

struct ui_detail_para {
    enum ui_role role;
    char *label; /* NULL unless a field */
    char *text;
    int nowrap;
};

struct ui_detail {
    struct ui_detail_para *p;
    size_t n, cap;
    int scroll; /* first line shown */
};

/* An empty view. */
void ui_detail_init(struct ui_detail *d);

/* Empties d (and scrolls back to the top). */
void ui_detail_clear(struct ui_detail *d);

/* Frees d's contents. */
void ui_detail_free(struct ui_detail *d);

/* Adds a paragraph wrapped to the width (text may hold line breaks). */
void ui_detail_add(struct ui_detail *d, enum ui_role role, const char *text);

/* Adds one line cut to the width (a table row). */
void ui_detail_add_line(struct ui_detail *d, enum ui_role role, const char *text);

/* Adds "label：value"; an empty or NULL value shows as "—". Labels of the
 * fields are padded to the widest one, so values line up. */
void ui_detail_field(struct ui_detail *d, const char *label, const char *value);

/* Adds an empty line. */
void ui_detail_blank(struct ui_detail *d);

/* Lines the text takes at width w. */
int ui_detail_lines(const struct ui_detail *d, int w);

/* Draws from the scroll position into r. */
void ui_detail_draw(struct ui_detail *d, const struct ui_rect *r);

/* Scrolls for a keymap action (up, down, pages, home, end) given the
 * rect it is drawn in; 1 if used. */
int ui_detail_action(struct ui_detail *d, int action, const struct ui_rect *r);

#endif
