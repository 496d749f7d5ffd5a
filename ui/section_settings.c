/*
 * section_settings.c — 设置: the configuration in effect, key by key with
 * where each value came from, then the [keys] and [theme] entries; the
 * detail names the file read and lists every warning about it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "src/msg.h"
#include "src/xmalloc.h"
#include "ui/app.h"
#include "ui/keymap.h"
#include "ui/panes.h"
#include "ui/section.h"
#include "ui/theme.h"

struct setting {
    char *key, *value;
    int from_file;
};

struct settings {
    struct ui_panes panes; /* first: the ui_panes_section_* entries need it */
    struct ui_app *app;
    struct setting *items;
    size_t n;
};

static const struct ui_column settings_cols[] = {
    {MSG_KEY("settings.col.key"), 14, 1, TEXTW_LEFT},
    {MSG_KEY("settings.col.value"), 10, 1, TEXTW_LEFT},
    {MSG_KEY("settings.col.from"), 4, 0, TEXTW_LEFT},
};

/* Adds one setting. */
static void
settings_add(struct settings *s, const char *key, const char *value, int from_file)
{
    s->items = xrealloc(s->items, (s->n + 1) * sizeof *s->items);
    s->items[s->n].key = xstrdup(key);
    s->items[s->n].value = xstrdup(value ? value : "");
    s->items[s->n].from_file = from_file;
    s->n++;
}

/* Frees the settings read. */
static void
settings_clear(struct settings *s)
{
    size_t i;

    for (i = 0; i < s->n; i++) {
        free(s->items[i].key);
        free(s->items[i].value);
    }
    free(s->items);
    s->items = NULL;
    s->n = 0;
}

/* Reads every setting, then the entries of a free-form section. */
static void
settings_load(struct settings *s)
{
    const struct config *cfg = ui_app_config(s->app);
    static const char *const sections[] = {"keys", "theme"};
    const char *key, *value;
    size_t i, j;
    int from;
    char *full;

    settings_clear(s);
    for (i = 0; i < config_count(cfg); i++) {
        config_item(cfg, i, &key, &value, &from);
        settings_add(s, key, value, from);
    }
    for (j = 0; j < 2; j++) {
        for (i = 0; i < config_section_count(cfg, sections[j]); i++) {
            config_section_item(cfg, sections[j], i, &key, &value);
            full = xasprintf("%s:%s", sections[j], key ? key : "");
            settings_add(s, full, value, 1);
            free(full);
        }
    }
}

/* 1 when setting i matches filter. */
static int
settings_match(const struct setting *it, const char *filter)
{
    return filter == NULL || strstr(it->key, filter) || strstr(it->value, filter);
}

static long
settings_count(void *ctx, const char *filter)
{
    struct settings *s = ctx;
    long n = 0;
    size_t i;

    for (i = 0; i < s->n; i++)
        n += settings_match(&s->items[i], filter);
    return n;
}

static int
settings_fetch(void *ctx, const char *filter, long offset, int n, struct ui_row *rows,
               const struct ui_list_hint *hint)
{
    struct settings *s = ctx;
    long seen = 0;
    int got = 0;
    size_t i;

    (void)hint;
    for (i = 0; i < s->n && got < n; i++) {
        if (!settings_match(&s->items[i], filter) || seen++ < offset)
            continue;
        snprintf(rows[got].id, sizeof rows[got].id, "%.39s", s->items[i].key);
        rows[got].cell[0] = xstrdup(s->items[i].key);
        rows[got].cell[1] = xstrdup(s->items[i].value);
        rows[got].cell[2] =
            xstrdup(msg(s->items[i].from_file ? "settings.file" : "settings.default"));
        rows[got].rec = &s->items[i];
        got++;
    }
    return got;
}

static const struct ui_list_source settings_source = {settings_count, settings_fetch, NULL};

/* Appends every warning about the configuration to d. */
static void
settings_warnings(struct settings *s, struct ui_detail *d)
{
    const struct config *cfg = ui_app_config(s->app);
    size_t i, n = 0;

    ui_detail_add(d, UI_ROLE_LABEL, msg("settings.warnings"));
    for (i = 0; i < config_warning_count(cfg); i++, n++)
        ui_detail_add(d, UI_ROLE_WARNING, config_warning(cfg, i));
    for (i = 0; i < ui_keymap_warning_count(); i++, n++)
        ui_detail_add(d, UI_ROLE_WARNING, ui_keymap_warning(i));
    for (i = 0; i < ui_theme_warning_count(); i++, n++)
        ui_detail_add(d, UI_ROLE_WARNING, ui_theme_warning(i));
    if (n == 0)
        ui_detail_add(d, UI_ROLE_OK, msg("settings.no_warnings"));
}

static void
settings_describe(void *ctx, struct ui_app *app, const struct ui_row *row, struct ui_detail *d,
                  int width)
{
    struct settings *s = ctx;
    const struct setting *it = row ? row->rec : NULL;
    const char *file = config_file(ui_app_config(app));

    (void)width;
    if (it) {
        ui_detail_add(d, UI_ROLE_HEADER, it->key);
        ui_detail_field(d, msg("settings.f.value"), it->value);
        ui_detail_field(d, msg("settings.f.from"),
                        msg(it->from_file ? "settings.file" : "settings.default"));
        ui_detail_blank(d);
    }
    ui_detail_field(d, msg("settings.f.file"), file ? file : msg("settings.no_file"));
    ui_detail_add(d, UI_ROLE_NORMAL, msg("settings.how"));
    ui_detail_blank(d);
    settings_warnings(s, d);
}

static void *
settings_enter(struct ui_app *app)
{
    struct settings *s = xcalloc(1, sizeof *s);

    s->app = app;
    settings_load(s);
    ui_panes_init(&s->panes, ui_list_new(&settings_source, s, settings_cols, 3), 55,
                  MSG_KEY("settings.list"), MSG_KEY("pane.detail"), settings_describe, s);
    return s;
}

static void
settings_leave(void *state)
{
    struct settings *s = state;

    ui_panes_free(&s->panes);
    settings_clear(s);
    free(s);
}

static void
settings_refresh(void *state, struct ui_app *app)
{
    struct settings *s = state;

    (void)app;
    settings_load(s);
    ui_panes_refresh(&s->panes);
}

const struct ui_section ui_section_settings = {
    MSG_KEY("section.settings"),
    MSG_KEY("help.settings"),
    settings_enter,
    settings_leave,
    ui_panes_section_draw,
    ui_panes_section_action,
    ui_panes_section_search,
    ui_panes_section_filter,
    ui_panes_section_mouse,
    settings_refresh,
    ui_panes_section_position,
    NULL, /* settle */
};
