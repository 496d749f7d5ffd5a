/*
 * theme.c — colour pairs and fallback attributes for the screen roles.
 */
#include "ui/theme.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "src/config.h"
#include "src/msg.h"
#include "ui/screen.h"

struct theme_role {
    const char *name; /* its [theme] key, NULL when not themable */
    short fg, bg;
    attr_t extra; /* added to the colour (bold …) */
    attr_t mono;  /* used instead when there is no colour */
};

static struct theme_role theme_roles[UI_ROLE_COUNT] = {
    [UI_ROLE_NORMAL] = {NULL, -1, -1, A_NORMAL, A_NORMAL},
    [UI_ROLE_TITLE] = {"title", COLOR_WHITE, COLOR_BLUE, A_BOLD, A_REVERSE | A_BOLD},
    [UI_ROLE_TAB] = {"tab", COLOR_BLACK, COLOR_CYAN, A_NORMAL, A_NORMAL},
    [UI_ROLE_TAB_ACTIVE] = {"tab_active", COLOR_YELLOW, COLOR_BLUE, A_BOLD, A_REVERSE | A_BOLD},
    [UI_ROLE_HEADER] = {"header", COLOR_CYAN, -1, A_BOLD, A_UNDERLINE},
    [UI_ROLE_HEADER_FOCUS] = {"header_focus", COLOR_BLACK, COLOR_CYAN, A_BOLD, A_REVERSE},
    [UI_ROLE_SELECTION] = {"selection", COLOR_BLACK, COLOR_CYAN, A_NORMAL, A_REVERSE},
    [UI_ROLE_SELECTION_DIM] = {"selection_dim", COLOR_WHITE, COLOR_BLACK, A_BOLD, A_UNDERLINE},
    [UI_ROLE_WARNING] = {"warning", COLOR_YELLOW, -1, A_BOLD, A_BOLD},
    [UI_ROLE_OVERDUE] = {"overdue", COLOR_RED, -1, A_BOLD, A_BOLD | A_UNDERLINE},
    [UI_ROLE_OK] = {"ok", COLOR_GREEN, -1, A_NORMAL, A_NORMAL},
    [UI_ROLE_STATUS] = {"status", COLOR_BLACK, COLOR_WHITE, A_NORMAL, A_REVERSE},
    [UI_ROLE_FKEY_NUM] = {NULL, -1, -1, A_NORMAL, A_NORMAL},
    [UI_ROLE_FKEY_LABEL] = {"fkey", COLOR_BLACK, COLOR_CYAN, A_NORMAL, A_REVERSE},
    [UI_ROLE_DIALOG] = {"dialog", COLOR_BLACK, COLOR_WHITE, A_NORMAL, A_NORMAL},
    [UI_ROLE_LABEL] = {"label", COLOR_CYAN, -1, A_NORMAL, A_BOLD},
    [UI_ROLE_INPUT] = {"input", COLOR_WHITE, COLOR_BLUE, A_NORMAL, A_UNDERLINE},
};

static const char *const theme_colours[] = {"black", "red",     "green", "yellow",
                                            "blue",  "magenta", "cyan",  "white"};

#define THEME_MAX_WARNINGS 16
static char theme_warnings[THEME_MAX_WARNINGS][160];
static size_t theme_nwarnings;
static int theme_color;

/* Colour number of name (-1 for "default"), or -2 when unknown. */
static short
theme_colour(const char *name, size_t len)
{
    short i;

    if (len == 7 && strncmp(name, "default", 7) == 0)
        return -1;
    for (i = 0; i < 8; i++) {
        if (strlen(theme_colours[i]) == len && strncmp(name, theme_colours[i], len) == 0)
            return i;
    }
    return -2;
}

/* Adds a warning about [theme] key = value. */
static void
theme_warn(const char *key, const char *value)
{
    char *m;

    if (theme_nwarnings == THEME_MAX_WARNINGS)
        return;
    m = msg_format("theme.bad", key, value, NULL);
    snprintf(theme_warnings[theme_nwarnings++], sizeof theme_warnings[0], "%s", m);
    free(m);
}

/* Applies one [theme] entry "fg,bg". */
static void
theme_apply(const char *key, const char *value)
{
    const char *comma = value ? strchr(value, ',') : NULL;
    short fg, bg;
    int i;

    for (i = 0; i < UI_ROLE_COUNT; i++) {
        if (theme_roles[i].name && strcmp(theme_roles[i].name, key) == 0)
            break;
    }
    if (i == UI_ROLE_COUNT || comma == NULL) {
        theme_warn(key, value ? value : "");
        return;
    }
    fg = theme_colour(value, (size_t)(comma - value));
    bg = theme_colour(comma + 1, strlen(comma + 1));
    if (fg == -2 || bg == -2) {
        theme_warn(key, value);
        return;
    }
    theme_roles[i].fg = fg;
    theme_roles[i].bg = bg;
}

void
ui_theme_init(const struct config *cfg, int color)
{
    size_t i, n = cfg ? config_section_count(cfg, "theme") : 0;
    const char *key, *value;

    theme_nwarnings = 0;
    ui_screen_plain_marks(cfg == NULL || config_get_bool(cfg, "ui:plain_marks"));
    for (i = 0; i < n; i++) {
        config_section_item(cfg, "theme", i, &key, &value);
        if (key)
            theme_apply(key, value);
    }
    theme_color = color && has_colors() && start_color() == OK;
    if (!theme_color)
        return;
    use_default_colors();
    for (i = 1; i < UI_ROLE_COUNT; i++)
        init_pair((short)i, theme_roles[i].fg, theme_roles[i].bg);
}

attr_t
ui_theme_attr(enum ui_role role)
{
    if (role <= UI_ROLE_NORMAL || role >= UI_ROLE_COUNT)
        return A_NORMAL;
    if (!theme_color)
        return theme_roles[role].mono;
    if (theme_roles[role].fg == -1 && theme_roles[role].bg == -1)
        return theme_roles[role].extra;
    return (attr_t)COLOR_PAIR((int)role) | theme_roles[role].extra;
}

int
ui_theme_has_color(void)
{
    return theme_color;
}

size_t
ui_theme_warning_count(void)
{
    return theme_nwarnings;
}

const char *
ui_theme_warning(size_t i)
{
    return i < theme_nwarnings ? theme_warnings[i] : NULL;
}
