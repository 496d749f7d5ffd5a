/*
 * keys.h — keys as the program sees them, their names, and key scripts.
 *
 * A key is an int: a typed character is its Unicode code point; a special
 * key is one of KEYS_* (all above U+10FFFF, so the two never meet). The
 * screen code turns curses' codes into these; this module knows no curses,
 * so names and scripts are tested on their own.
 *
 * A key script is what the headless mode plays: plain characters typed as
 * they are, <Name> for a special key (<Enter>, <F1>, <PgDn>, <C-x>, <Space>,
 * <lt> for '<'), <Resize 60x20> to change the screen size, <Click x,y>,
 * <WheelUp x,y> and <WheelDown x,y> for the mouse (0-based columns, rows).
 * Whitespace between tokens is ignored: type a space with <Space>.
 */
#ifndef TUWEI_KEYS_H
#define TUWEI_KEYS_H

#include <stddef.h>

#include "src/err.h"

enum keys_code {
    KEYS_NONE = 0,
    KEYS_BASE = 0x110000, /* above every Unicode code point */
    KEYS_UP = KEYS_BASE,
    KEYS_DOWN,
    KEYS_LEFT,
    KEYS_RIGHT,
    KEYS_PGUP,
    KEYS_PGDN,
    KEYS_HOME,
    KEYS_END,
    KEYS_ENTER,
    KEYS_ESC,
    KEYS_TAB,
    KEYS_BTAB,
    KEYS_BACKSPACE,
    KEYS_DELETE,
    KEYS_INSERT,
    KEYS_F1,
    KEYS_F12 = KEYS_F1 + 11,
    KEYS_RESIZE,   /* x, y: the new columns and rows */
    KEYS_CLICK,    /* x, y: where the mouse button went down */
    KEYS_WHEEL_UP, /* x, y: where the pointer is */
    KEYS_WHEEL_DOWN,
    KEYS_LAST,
};

/* The function key Fn (1..12). */
#define KEYS_F(n) (KEYS_F1 + (n)-1)

/* Ctrl plus a letter, as a terminal sends it. */
#define KEYS_CTRL(c) ((c)&0x1f)

/* One input event: a key, or a resize or mouse event with its x, y. */
struct keys_event {
    int key;
    int x, y;
};

/* The key called name ("F1", "PgDn", "Enter", "C-x", "Space", "q", "中"),
 * case-insensitive for names; KEYS_NONE when there is no such key. */
int keys_from_name(const char *name);

/* The name of key for help screens: "F1", "Up", "C-x", "Space", "q".
 * Written into buf (size at least 16), which is returned. */
const char *keys_name(int key, char *buf, size_t size);

/* Parses a comma-separated list of key names ("F1,?") into keys[0..max);
 * *n gets the count. ERR_INVALID naming the first bad name. */
int keys_parse_list(const char *list, int *keys, size_t max, size_t *n, struct err *e);

/* Parses a key script into a new array *out of *n events (the caller
 * frees *out). ERR_INVALID naming the bad token and its position. */
int keys_parse_script(const char *script, struct keys_event **out, size_t *n, struct err *e);

#endif
