/*
 * keymap.c — the default keys, remapping from [keys], and help text.
 */
#include "ui/keymap.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "src/keys.h"
#include "src/msg.h"
#include "src/strbuf.h"
#include "src/textw.h"

struct keymap_entry {
    const char *name;
    const char *describe; /* catalogue key */
    const char *defaults; /* key names, as in [keys] */
};

static const struct keymap_entry keymap_table[UI_ACT_COUNT] = {
    [UI_ACT_QUIT] = {"quit", MSG_KEY("action.quit"), "q,F10"},
    [UI_ACT_HELP] = {"help", MSG_KEY("action.help"), "F1,?"},
    [UI_ACT_SEARCH] = {"search", MSG_KEY("action.search"), "/,F7"},
    [UI_ACT_UP] = {"up", MSG_KEY("action.up"), "Up,k"},
    [UI_ACT_DOWN] = {"down", MSG_KEY("action.down"), "Down,j"},
    [UI_ACT_LEFT] = {"left", MSG_KEY("action.left"), "Left,h"},
    [UI_ACT_RIGHT] = {"right", MSG_KEY("action.right"), "Right,l"},
    [UI_ACT_PGUP] = {"page_up", MSG_KEY("action.page_up"), "PgUp,C-b"},
    [UI_ACT_PGDN] = {"page_down", MSG_KEY("action.page_down"), "PgDn,C-f"},
    [UI_ACT_HOME] = {"home", MSG_KEY("action.home"), "Home,g"},
    [UI_ACT_END] = {"end", MSG_KEY("action.end"), "End,G"},
    [UI_ACT_OPEN] = {"open", MSG_KEY("action.open"), "Enter,F3"},
    [UI_ACT_BACK] = {"back", MSG_KEY("action.back"), "Esc"},
    [UI_ACT_NEXT_PANE] = {"next_pane", MSG_KEY("action.next_pane"), "Tab"},
    [UI_ACT_PREV_PANE] = {"prev_pane", MSG_KEY("action.prev_pane"), "S-Tab"},
    [UI_ACT_REFRESH] = {"refresh", MSG_KEY("action.refresh"), "F5,C-l"},
    [UI_ACT_SECTION1] = {"section1", MSG_KEY("action.section1"), "1"},
    [UI_ACT_SECTION1 + 1] = {"section2", MSG_KEY("action.section2"), "2"},
    [UI_ACT_SECTION1 + 2] = {"section3", MSG_KEY("action.section3"), "3"},
    [UI_ACT_SECTION1 + 3] = {"section4", MSG_KEY("action.section4"), "4"},
    [UI_ACT_SECTION1 + 4] = {"section5", MSG_KEY("action.section5"), "5"},
    [UI_ACT_SECTION6] = {"section6", MSG_KEY("action.section6"), "6"},
    [UI_ACT_ADD] = {"add", MSG_KEY("action.add"), "a,Insert"},
    [UI_ACT_EDIT] = {"edit", MSG_KEY("action.edit"), "e,F4"},
    [UI_ACT_DELETE] = {"delete", MSG_KEY("action.delete"), "Delete,F8"},
    [UI_ACT_MENU] = {"menu", MSG_KEY("action.menu"), "m,F2"},
    [UI_ACT_VIEW] = {"view", MSG_KEY("action.view"), "v,F9"},
    [UI_ACT_EXPORT] = {"export", MSG_KEY("action.export"), "x,F6"},
    [UI_ACT_PROGRESS] = {"progress", MSG_KEY("action.progress"), "r"},
};

static int keymap_keys[UI_ACT_COUNT][UI_KEYMAP_MAX_KEYS];
static size_t keymap_nkeys[UI_ACT_COUNT];

#define KEYMAP_MAX_WARNINGS 16
static char keymap_warnings[KEYMAP_MAX_WARNINGS][200];
static size_t keymap_nwarnings;

/* Adds a warning about [keys] name = value. */
static void
keymap_warn(const char *name, const char *value, const char *why)
{
    char *m;

    if (keymap_nwarnings == KEYMAP_MAX_WARNINGS)
        return;
    m = msg_format("keys.bad", name, value, why, NULL);
    snprintf(keymap_warnings[keymap_nwarnings++], sizeof keymap_warnings[0], "%s", m);
    free(m);
}

/* The action whose [keys] name is name, or UI_ACT_NONE. */
static int
keymap_find(const char *name)
{
    int a;

    for (a = 1; a < UI_ACT_COUNT; a++) {
        if (strcmp(keymap_table[a].name, name) == 0)
            return a;
    }
    return UI_ACT_NONE;
}

/* Takes key away from every action. */
static void
keymap_unbind(int key)
{
    size_t i, j;
    int a;

    for (a = 1; a < UI_ACT_COUNT; a++) {
        for (i = j = 0; i < keymap_nkeys[a]; i++) {
            if (keymap_keys[a][i] != key)
                keymap_keys[a][j++] = keymap_keys[a][i];
        }
        keymap_nkeys[a] = j;
    }
}

/* Binds action to the keys listed in value; 0, or -1 when value is bad. */
static int
keymap_bind(int action, const char *value, int take, struct err *e)
{
    int keys[UI_KEYMAP_MAX_KEYS];
    size_t n, i;

    if (keys_parse_list(value, keys, UI_KEYMAP_MAX_KEYS, &n, e) != ERR_OK)
        return -1;
    if (take) {
        for (i = 0; i < n; i++)
            keymap_unbind(keys[i]);
    }
    memcpy(keymap_keys[action], keys, n * sizeof keys[0]);
    keymap_nkeys[action] = n;
    return 0;
}

void
ui_keymap_init(const struct config *cfg)
{
    size_t i, n = cfg ? config_section_count(cfg, "keys") : 0;
    const char *name, *value;
    struct err e = {0};
    int a;

    keymap_nwarnings = 0;
    for (a = 1; a < UI_ACT_COUNT; a++)
        keymap_bind(a, keymap_table[a].defaults, 0, NULL);
    for (i = 0; i < n; i++) {
        config_section_item(cfg, "keys", i, &name, &value);
        if (name == NULL)
            continue;
        if ((a = keymap_find(name)) == UI_ACT_NONE)
            keymap_warn(name, value ? value : "", msg("keys.unknown_action"));
        else if (keymap_bind(a, value ? value : "", 1, &e) != 0)
            keymap_warn(name, value ? value : "", e.msg);
    }
}

int
ui_keymap_action(int key)
{
    size_t i;
    int a;

    for (a = 1; a < UI_ACT_COUNT; a++) {
        for (i = 0; i < keymap_nkeys[a]; i++) {
            if (keymap_keys[a][i] == key)
                return a;
        }
    }
    return UI_ACT_NONE;
}

const char *
ui_keymap_name(int action)
{
    return action > 0 && action < UI_ACT_COUNT ? keymap_table[action].name : NULL;
}

const char *
ui_keymap_describe(int action)
{
    return action > 0 && action < UI_ACT_COUNT ? keymap_table[action].describe : "";
}

size_t
ui_keymap_keys(int action, int *keys, size_t max)
{
    size_t n;

    if (action <= 0 || action >= UI_ACT_COUNT)
        return 0;
    n = keymap_nkeys[action] < max ? keymap_nkeys[action] : max;
    memcpy(keys, keymap_keys[action], n * sizeof *keys);
    return n;
}

char *
ui_keymap_keys_text(int action)
{
    struct strbuf b = STRBUF_INIT;
    int keys[UI_KEYMAP_MAX_KEYS];
    size_t n = ui_keymap_keys(action, keys, UI_KEYMAP_MAX_KEYS), i;
    char name[16];

    for (i = 0; i < n; i++) {
        if (i)
            strbuf_puts(&b, ", ");
        strbuf_puts(&b, keys_name(keys[i], name, sizeof name));
    }
    if (n == 0)
        strbuf_puts(&b, msg("keys.unbound"));
    return strbuf_take(&b);
}

char *
ui_keymap_help(void)
{
    struct strbuf b = STRBUF_INIT;
    char *keys, *cell;
    int a;

    for (a = 1; a < UI_ACT_COUNT; a++) {
        keys = ui_keymap_keys_text(a);
        cell = textw_fit(keys, 16, TEXTW_LEFT);
        strbuf_puts(&b, cell);
        strbuf_puts(&b, "  ");
        strbuf_puts(&b, msg(keymap_table[a].describe));
        strbuf_putc(&b, '\n');
        free(cell);
        free(keys);
    }
    return strbuf_take(&b);
}

size_t
ui_keymap_warning_count(void)
{
    return keymap_nwarnings;
}

const char *
ui_keymap_warning(size_t i)
{
    return i < keymap_nwarnings ? keymap_warnings[i] : NULL;
}
