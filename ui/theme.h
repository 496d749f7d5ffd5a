/*
 * theme.h — colours by role. Screen code asks for a role (title,
 * selection, warning …), never for a colour; the config's [theme] section
 * maps roles to "fg,bg" colour names. Without colour (a monochrome
 * terminal, ui:color = no, or NO_COLOR set) each role gets an attribute
 * (reverse, bold, underline) instead, so nothing depends on colour alone.
 */
#ifndef TUWEI_UI_THEME_H
#define TUWEI_UI_THEME_H

#include <curses.h>
#include <stddef.h>

#include "src/config.h"

enum ui_role {
    UI_ROLE_NORMAL,
    UI_ROLE_TITLE,
    UI_ROLE_TAB,
    UI_ROLE_TAB_ACTIVE,
    UI_ROLE_HEADER,       /* pane titles and column headings */
    UI_ROLE_HEADER_FOCUS, /* the title of the pane that has the keys */
    UI_ROLE_SELECTION,
    UI_ROLE_SELECTION_DIM, /* the selected row of a pane without focus */
    UI_ROLE_WARNING,
    UI_ROLE_OVERDUE,
    UI_ROLE_OK,
    UI_ROLE_STATUS,
    UI_ROLE_FKEY_NUM,
    UI_ROLE_FKEY_LABEL,
    UI_ROLE_DIALOG,
    UI_ROLE_LABEL, /* field labels in details and forms */
    UI_ROLE_INPUT, /* a form field being edited */
    UI_ROLE_COUNT,
};

/* Sets up the roles: colours when the terminal has them and color is
 * non-zero, attributes otherwise; [theme] entries of cfg (may be NULL)
 * override the defaults. Each bad entry adds a warning (see below). Also
 * applies [ui] plain_marks (ui_screen_plain_marks). Call after the screen
 * is open. */
void ui_theme_init(const struct config *cfg, int color);

/* The curses attributes of role (colour pair included). */
attr_t ui_theme_attr(enum ui_role role);

/* 1 when roles use colours. */
int ui_theme_has_color(void);

/* Problems found in [theme] (borrowed, valid until the next init). */
size_t ui_theme_warning_count(void);
const char *ui_theme_warning(size_t i);

#endif
