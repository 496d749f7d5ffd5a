/*
 * config.c — the settings of one run: their values (defaults, the file's,
 * command-line overrides), warnings, where the file is looked for. The
 * table of keys and the checking of values are config_keys.c; reading the
 * file itself is config_ini.c.
 */
#include "src/config.h"
#include "src/config_priv.h"

#include <assert.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "src/xmalloc.h"

/* An entry of [theme], [keys], or an unknown key kept from the file. */
struct config_extra {
    char *key; /* "section:name" */
    char *value;
    int from_file;
};

struct config {
    char *file;
    char **value; /* one per key of the table (config_keys.c), in its order */
    int *from_file;
    struct config_extra *extra;
    size_t nextra;
    char **warn;
    long *warn_line; /* the line each warning is about, to keep them in file order */
    size_t nwarn;
};

/* ---- storing ---- */

/* Stores value (taking it) for key, replacing an earlier value. */
static void
config_store(struct config *c, const char *key, char *value, int from_file)
{
    size_t i;

    if (config_key_find(key, &i)) {
        free(c->value[i]);
        c->value[i] = value;
        c->from_file[i] = from_file;
        return;
    }
    for (i = 0; i < c->nextra; i++) {
        if (strcmp(c->extra[i].key, key) == 0) {
            free(c->extra[i].value);
            c->extra[i].value = value;
            c->extra[i].from_file = from_file;
            return;
        }
    }
    c->extra = xrealloc(c->extra, (c->nextra + 1) * sizeof *c->extra);
    c->extra[c->nextra].key = xstrdup(key);
    c->extra[c->nextra].value = value;
    c->extra[c->nextra].from_file = from_file;
    c->nextra++;
}

/* Adds a warning about line, after those about earlier lines. */
void
config_warn(struct config *c, long line, const char *fmt, ...)
{
    char buf[1024];
    va_list ap;
    size_t at;

    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    c->warn = xrealloc(c->warn, (c->nwarn + 1) * sizeof *c->warn);
    c->warn_line = xrealloc(c->warn_line, (c->nwarn + 1) * sizeof *c->warn_line);
    for (at = c->nwarn; at > 0 && c->warn_line[at - 1] > line; at--) {
        c->warn[at] = c->warn[at - 1];
        c->warn_line[at] = c->warn_line[at - 1];
    }
    c->warn[at] = xstrdup(buf);
    c->warn_line[at] = line;
    c->nwarn++;
}

/* Warns about a key read from the file that the program does not use. */
static void
config_warn_unknown(struct config *c, long line, const char *where, const char *key)
{
    const char *colon = strchr(key, ':');
    char *section = xstrndup(key, (size_t)(colon - key));
    const char *hint = config_suggest(key);

    if (*section == '\0')
        config_warn(c, line, "%s设置项 %s 不在任何节（如 [ui]）之下，不起作用。", where, colon + 1);
    else if (!config_section_known(section))
        config_warn(c, line, "%s未知的节 [%s]，其中的设置项 %s 不起作用。", where, section, key);
    else if (hint)
        config_warn(c, line, "%s未知的设置项 %s，不起作用（是不是 %s？）。", where, key, hint);
    else
        config_warn(c, line, "%s未知的设置项 %s，不起作用。", where, key);
    free(section);
}

/* Takes one key = value read from the file. */
int
config_accept(struct config *c, const char *file, long line, const char *key, const char *value,
              struct err *e)
{
    char *where = xasprintf("文件 %s 第 %ld 行：", file, line);
    char *norm = NULL;
    int rc = ERR_OK;

    if (strncmp(key, "theme:", 6) == 0 && !config_theme_role_known(key + 6))
        config_warn(c, line, "%s[theme] 中未知的颜色角色 %s，不起作用。", where, key + 6);
    if (config_key_find(key, NULL) || strncmp(key, "theme:", 6) == 0 ||
        strncmp(key, "keys:", 5) == 0) {
        rc = config_check(key, value, where, &norm, e);
    } else {
        config_warn_unknown(c, line, where, key);
        norm = xstrdup(value);
    }
    if (rc == ERR_OK)
        config_store(c, key, norm, 1);
    free(where);
    return rc;
}

/* Loads one file over the defaults. */
static int
config_load_file(const char *path, struct config **out, struct err *e)
{
    struct config *c = config_defaults();
    int rc;

    c->file = xstrdup(path);
    rc = config_ini_read(c, path, e);
    if (rc != ERR_OK)
        config_free(c), c = NULL;
    *out = c;
    return rc;
}

/* Returns the user's configuration file name, or NULL without a home. */
static char *
config_user_file(void)
{
    const char *v;

    if ((v = getenv("XDG_CONFIG_HOME")) && v[0] == '/')
        return xasprintf("%s/tuwei/tuwei.ini", v);
    if ((v = getenv("HOME")) && *v)
        return xasprintf("%s/.config/tuwei/tuwei.ini", v);
    return NULL;
}

int
config_load(const char *path, struct config **out, struct err *e)
{
    char *user = NULL;
    struct stat sb;
    int rc;

    *out = NULL;
    if (path == NULL) {
        user = config_user_file();
        if (user == NULL || (stat(user, &sb) != 0 && (errno == ENOENT || errno == ENOTDIR))) {
            free(user);
            *out = config_defaults();
            return ERR_OK;
        }
        path = user;
    }
    rc = config_load_file(path, out, e);
    free(user);
    return rc;
}

struct config *
config_defaults(void)
{
    struct config *c = xcalloc(1, sizeof *c);
    size_t i;

    c->value = xcalloc(config_key_count(), sizeof *c->value);
    c->from_file = xcalloc(config_key_count(), sizeof *c->from_file);
    for (i = 0; i < config_key_count(); i++)
        c->value[i] = config_default_value(config_key_at(i));
    return c;
}

void
config_free(struct config *c)
{
    size_t i;

    if (c == NULL)
        return;
    for (i = 0; i < config_key_count(); i++)
        free(c->value[i]);
    free(c->value);
    free(c->from_file);
    for (i = 0; i < c->nextra; i++) {
        free(c->extra[i].key);
        free(c->extra[i].value);
    }
    for (i = 0; i < c->nwarn; i++)
        free(c->warn[i]);
    free(c->extra);
    free(c->warn);
    free(c->warn_line);
    free(c->file);
    free(c);
}

const char *
config_file(const struct config *c)
{
    return c->file;
}

const char *
config_get(const struct config *c, const char *key)
{
    size_t i;

    if (config_key_find(key, &i))
        return c->value[i];
    for (i = 0; i < c->nextra; i++) {
        if (strcmp(c->extra[i].key, key) == 0)
            return c->extra[i].value;
    }
    return NULL;
}

long
config_get_int(const struct config *c, const char *key)
{
    size_t i;
    const struct config_key *k = config_key_find(key, &i);

    assert(k && k->type == CONFIG_INT);
    return k ? strtol(c->value[i], NULL, 10) : 0;
}

int
config_get_bool(const struct config *c, const char *key)
{
    size_t i;
    const struct config_key *k = config_key_find(key, &i);

    assert(k && k->type == CONFIG_BOOL);
    return k ? strcmp(c->value[i], "yes") == 0 : 0;
}

int
config_set(struct config *c, const char *key, const char *value, struct err *e)
{
    char *k = xstrdup(key), *norm = NULL, *shown;
    int rc;

    config_lower(k);
    if (config_key_find(k, NULL) || (strncmp(k, "theme:", 6) == 0 && k[6]) ||
        (strncmp(k, "keys:", 5) == 0 && k[5])) {
        rc = config_check(k, value, "", &norm, e);
    } else {
        shown = config_show(key);
        rc = err_field(e, ERR_INVALID, shown, "没有设置项 %s。", shown);
        free(shown);
    }
    if (rc == ERR_OK)
        config_store(c, k, norm, 0);
    free(k);
    return rc;
}

size_t
config_count(const struct config *c)
{
    return config_key_count() + c->nextra;
}

void
config_item(const struct config *c, size_t i, const char **key, const char **value, int *from_file)
{
    assert(i < config_count(c));
    if (i < config_key_count()) {
        *key = config_key_at(i)->key;
        *value = c->value[i];
        *from_file = c->from_file[i];
    } else {
        *key = c->extra[i - config_key_count()].key;
        *value = c->extra[i - config_key_count()].value;
        *from_file = c->extra[i - config_key_count()].from_file;
    }
}

size_t
config_warning_count(const struct config *c)
{
    return c->nwarn;
}

const char *
config_warning(const struct config *c, size_t i)
{
    assert(i < c->nwarn);
    return c->warn[i];
}

/* Returns the extra entry that is the i-th of section, or NULL. */
static const struct config_extra *
config_section_nth(const struct config *c, const char *section, size_t i)
{
    size_t j, n = strlen(section), seen = 0;

    for (j = 0; j < c->nextra; j++) {
        if (strncmp(c->extra[j].key, section, n) == 0 && c->extra[j].key[n] == ':' && seen++ == i)
            return &c->extra[j];
    }
    return NULL;
}

size_t
config_section_count(const struct config *c, const char *section)
{
    size_t n = 0;

    while (config_section_nth(c, section, n))
        n++;
    return n;
}

void
config_section_item(const struct config *c, const char *section, size_t i, const char **key,
                    const char **value)
{
    const struct config_extra *x = config_section_nth(c, section, i);

    assert(x != NULL);
    *key = x->key + strlen(section) + 1;
    *value = x->value;
}
