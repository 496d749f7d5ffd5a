/*
 * keys.c — key names and the key-script parser of the headless mode.
 */
#include "src/keys.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "src/textw.h"
#include "src/xmalloc.h"

struct keys_named {
    const char *name;
    int key;
};

/* The first name of a key is the one help shows. */
static const struct keys_named keys_names[] = {
    {"Up", KEYS_UP},
    {"Down", KEYS_DOWN},
    {"Left", KEYS_LEFT},
    {"Right", KEYS_RIGHT},
    {"PgUp", KEYS_PGUP},
    {"PageUp", KEYS_PGUP},
    {"PgDn", KEYS_PGDN},
    {"PageDown", KEYS_PGDN},
    {"Home", KEYS_HOME},
    {"End", KEYS_END},
    {"Enter", KEYS_ENTER},
    {"Return", KEYS_ENTER},
    {"Esc", KEYS_ESC},
    {"Escape", KEYS_ESC},
    {"Tab", KEYS_TAB},
    {"S-Tab", KEYS_BTAB},
    {"BTab", KEYS_BTAB},
    {"Backspace", KEYS_BACKSPACE},
    {"BS", KEYS_BACKSPACE},
    {"Delete", KEYS_DELETE},
    {"Del", KEYS_DELETE},
    {"Insert", KEYS_INSERT},
    {"Ins", KEYS_INSERT},
    {"Space", ' '},
    {"lt", '<'},
    {"gt", '>'},
    {"Comma", ','},
    {"Resize", KEYS_RESIZE},
    {"Click", KEYS_CLICK},
    {"WheelUp", KEYS_WHEEL_UP},
    {"WheelDown", KEYS_WHEEL_DOWN},
};

#define KEYS_NNAMES (sizeof keys_names / sizeof keys_names[0])

/* The code point of s when s is exactly one character, else KEYS_NONE. */
static int
keys_one_char(const char *s)
{
    size_t len = strlen(s);
    unsigned long cp;

    if (len == 0 || textw_decode(s, s + len, &cp) != len || cp == 0xfffd)
        return KEYS_NONE;
    return (int)cp;
}

int
keys_from_name(const char *name)
{
    size_t i;
    int n;
    char extra;

    if (name == NULL || *name == '\0')
        return KEYS_NONE;
    for (i = 0; i < KEYS_NNAMES; i++) {
        if (strcasecmp(name, keys_names[i].name) == 0)
            return keys_names[i].key;
    }
    if ((name[0] == 'F' || name[0] == 'f') && sscanf(name + 1, "%d%c", &n, &extra) == 1 && n >= 1 &&
        n <= 12 && name[1] != '0' && name[1] != '+')
        return KEYS_F(n);
    if ((name[0] == 'C' || name[0] == 'c') && name[1] == '-' && name[2] && !name[3] &&
        ((name[2] >= 'a' && name[2] <= 'z') || (name[2] >= 'A' && name[2] <= 'Z')))
        return KEYS_CTRL(name[2]);
    return keys_one_char(name);
}

const char *
keys_name(int key, char *buf, size_t size)
{
    size_t i;
    char enc[5] = {0};

    if (key >= KEYS_F1 && key <= KEYS_F12) {
        snprintf(buf, size, "F%d", key - KEYS_F1 + 1);
        return buf;
    }
    for (i = 0; i < KEYS_NNAMES; i++) {
        if (keys_names[i].key == key && (key >= KEYS_BASE || key == ' ')) {
            snprintf(buf, size, "%s", keys_names[i].name);
            return buf;
        }
    }
    if (key > 0 && key < 0x20)
        snprintf(buf, size, "C-%c", 'a' + key - 1);
    else if (key > 0 && key < KEYS_BASE)
        snprintf(buf, size, "%.*s", (int)textw_encode((wchar_t)key, enc), enc);
    else
        snprintf(buf, size, "?");
    return buf;
}

int
keys_parse_list(const char *list, int *keys, size_t max, size_t *n, struct err *e)
{
    const char *p = list, *comma;
    char name[32];
    size_t len;
    int k;

    *n = 0;
    while (p && *p) {
        comma = strchr(p + 1, ','); /* a leading ',' is the comma key itself */
        len = comma ? (size_t)(comma - p) : strlen(p);
        while (len > 0 && p[0] == ' ' && len--)
            p++;
        while (len > 0 && p[len - 1] == ' ')
            len--;
        snprintf(name, sizeof name, "%.*s", (int)(len < sizeof name ? len : sizeof name - 1), p);
        k = keys_from_name(name);
        if (k == KEYS_NONE || k >= KEYS_RESIZE || len >= sizeof name)
            return err_set(e, ERR_INVALID, "不认识的按键名“%s”", name);
        if (*n < max)
            keys[(*n)++] = k;
        p = comma ? comma + 1 : NULL;
    }
    return ERR_OK;
}

/* Parses "<Name args>" starting at s (at '<'); fills ev and returns the
 * bytes consumed, or 0 for a bad token. */
static size_t
keys_parse_token(const char *s, struct keys_event *ev)
{
    const char *close = strchr(s, '>');
    char tok[64], name[32], extra;
    int a, b, n;

    if (close == NULL || (size_t)(close - s) >= sizeof tok)
        return 0;
    if (close == s + 1) { /* "<>" : a literal '<' followed by '>' is not a key */
        return 0;
    }
    snprintf(tok, sizeof tok, "%.*s", (int)(close - s - 1), s + 1);
    memset(ev, 0, sizeof *ev);
    n = sscanf(tok, "%31s %d%*[x,]%d%c", name, &a, &b, &extra);
    ev->key = keys_from_name(name);
    if (ev->key == KEYS_RESIZE || ev->key == KEYS_CLICK || ev->key == KEYS_WHEEL_UP ||
        ev->key == KEYS_WHEEL_DOWN) {
        if (n != 3 || a < 0 || b < 0 || (ev->key == KEYS_RESIZE && (a < 1 || b < 1)))
            return 0;
        ev->x = a;
        ev->y = b;
    } else if (ev->key == KEYS_NONE || n != 1 || strlen(name) != strlen(tok)) {
        return 0;
    }
    return (size_t)(close - s) + 1;
}

/* Appends ev to the growing array. */
static void
keys_push(struct keys_event **out, size_t *n, size_t *cap, const struct keys_event *ev)
{
    if (*n == *cap) {
        *cap = *cap ? *cap * 2 : 32;
        *out = xrealloc(*out, *cap * sizeof **out);
    }
    (*out)[(*n)++] = *ev;
}

int
keys_parse_script(const char *script, struct keys_event **out, size_t *n, struct err *e)
{
    const char *p = script ? script : "", *end = p + strlen(p);
    struct keys_event ev;
    size_t cap = 0, used;
    unsigned long cp;

    *out = NULL;
    *n = 0;
    while (p < end) {
        if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') {
            p++;
            continue;
        }
        memset(&ev, 0, sizeof ev);
        if (*p == '<') {
            if ((used = keys_parse_token(p, &ev)) == 0) {
                free(*out);
                *out = NULL;
                *n = 0;
                return err_set(e, ERR_INVALID, "按键脚本第 %zu 个字节处无法识别：“%.20s”",
                               (size_t)(p - script) + 1, p);
            }
            p += used;
        } else {
            p += textw_decode(p, end, &cp);
            ev.key = (int)cp;
        }
        keys_push(out, n, &cap, &ev);
    }
    return ERR_OK;
}
