/*
 * config_keys.c — the settings the program knows: the table of keys with
 * their types, defaults and limits, and checking a value for a key (the
 * [theme] and [keys] sections included). config.c keeps one run's values;
 * config_ini.c reads the file.
 */
#include "src/config.h"
#include "src/config_priv.h"

#include <assert.h>
#include <errno.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "src/keys.h"
#include "src/strbuf.h"
#include "src/textw.h"
#include "src/xmalloc.h"

/* The known keys. A feature adds a row here and a commented line to assets/tuwei.ini. */
static const struct config_key config_keys[] = {
    {"database:path", CONFIG_PATH, NULL, 0, 0, NULL},
    {"ui:language", CONFIG_CHOICE, "zh_CN", 0, 0, "zh_CN|en"},
    {"ui:mouse", CONFIG_BOOL, "no", 0, 0, NULL},
    {"ui:color", CONFIG_BOOL, "yes", 0, 0, NULL},
    {"ui:plain_marks", CONFIG_BOOL, "yes", 0, 0, NULL},
    {"user:name", CONFIG_TEXT, NULL, 1, 200, NULL},
    {"user:unit", CONFIG_TEXT, "", 0, 200, NULL},
    {"user:role", CONFIG_CHOICE, "clerk", 0, 0, "clerk|supervisor|admin"},
    {"rules:stale_days", CONFIG_INT, "30", 1, 3650, NULL},
    {"rules:cert_expiry_months", CONFIG_INT, "6", 1, 36, NULL},
    {"rules:pilot_run_years", CONFIG_INT, "2", 1, 10, NULL},
    {"rules:pilot_extension_years", CONFIG_INT, "1", 0, 10, NULL},
    {"rules:pilot_warn_days", CONFIG_INT, "90", 1, 365, NULL},
    {"rules:double_base_year", CONFIG_INT, "2022", 2000, 2100, NULL},
    {"rules:three_zero_items", CONFIG_LIST, "研发活动,研发机构,发明专利", 3, 3, NULL},
    {"rules:tech_sme_deadline", CONFIG_MONTHDAY, "09-30", 0, 0, NULL},
    {"rules:tech_sme_warn_days", CONFIG_INT, "60", 1, 366, NULL},
};
#define CONFIG_NKEYS (sizeof config_keys / sizeof config_keys[0])

/* Roles a [theme] entry may colour, and the colour names. */
static const char *const config_theme_roles[] = {
    "title",  "selection",    "warning",       "overdue", "ok",     "tab",   "status", "tab_active",
    "header", "header_focus", "selection_dim", "fkey",    "dialog", "label", "input",  NULL,
};
static const char *const config_colours[] = {
    "black", "red", "green", "yellow", "blue", "magenta", "cyan", "white", "default", NULL,
};

/* ---- small text helpers ---- */

/* Returns 1 when s is valid UTF-8 without control characters. */
static int
config_text_ok(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t n = strlen(s), k;

    while (n > 0) {
        if (*p < 0x20 || *p == 0x7f)
            return 0;
        if ((k = textw_utf8_len((const char *)(p), n)) == 0)
            return 0;
        p += k;
        n -= k;
    }
    return 1;
}

/* Returns 1 for the white space iniparser strips. */
int
config_space(int ch)
{
    return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n' || ch == '\v' || ch == '\f';
}

/* Returns a copy of s[0..n) without surrounding white space. */
char *
config_strip(const char *s, size_t n)
{
    while (n > 0 && config_space((unsigned char)s[0]))
        s++, n--;
    while (n > 0 && config_space((unsigned char)s[n - 1]))
        n--;
    return xstrndup(s, n);
}

/* Lower-cases ASCII letters in place. */
void
config_lower(char *s)
{
    for (; *s; s++) {
        if (*s >= 'A' && *s <= 'Z')
            *s = (char)(*s - 'A' + 'a');
    }
}

/* Compares ASCII case-insensitively, '-' matching '_'. */
static int
config_same_word(const char *a, const char *b)
{
    int x, y;

    for (;; a++, b++) {
        x = (*a >= 'A' && *a <= 'Z') ? *a - 'A' + 'a' : *a == '-' ? '_' : *a;
        y = (*b >= 'A' && *b <= 'Z') ? *b - 'A' + 'a' : *b == '-' ? '_' : *b;
        if (x != y)
            return 0;
        if (x == '\0')
            return 1;
    }
}

/* Returns a copy of v fit to quote in a message: at most 60 bytes, whole characters. */
char *
config_show(const char *v)
{
    struct strbuf b = STRBUF_INIT;
    const unsigned char *p = (const unsigned char *)v;
    size_t n = strlen(v), k;

    strbuf_puts(&b, "");
    while (n > 0) {
        if (b.len >= 60) {
            strbuf_puts(&b, "...");
            break;
        }
        k = textw_utf8_len((const char *)(p), n);
        if (k == 0 || *p < 0x20 || *p == 0x7f)
            strbuf_putc(&b, '?'), k = k ? k : 1;
        else
            strbuf_add(&b, (const char *)p, k);
        p += k;
        n -= k;
    }
    return strbuf_take(&b);
}

/* ---- the table ---- */

const struct config_key *
config_key_find(const char *key, size_t *index)
{
    size_t i;

    for (i = 0; i < CONFIG_NKEYS; i++) {
        if (strcmp(config_keys[i].key, key) == 0) {
            if (index)
                *index = i;
            return &config_keys[i];
        }
    }
    return NULL;
}

/* Returns 1 when section is one the program knows: a section of the table, theme or keys. */
int
config_section_known(const char *section)
{
    size_t i, n = strlen(section);

    if (strcmp(section, "theme") == 0 || strcmp(section, "keys") == 0)
        return 1;
    for (i = 0; i < CONFIG_NKEYS; i++) {
        if (strncmp(config_keys[i].key, section, n) == 0 && config_keys[i].key[n] == ':')
            return 1;
    }
    return 0;
}

static int
config_in_list(const char *const *list, const char *word)
{
    for (; *list; list++) {
        if (strcmp(*list, word) == 0)
            return 1;
    }
    return 0;
}

/* Returns a malloc'd default value for k. */
char *
config_default_value(const struct config_key *k)
{
    const char *v;

    if (k->def)
        return xstrdup(k->def);
    if (strcmp(k->key, "user:name") == 0) {
        struct passwd *pw = getpwuid(getuid());

        v = getenv("USER");
        if (!(v && *v) && pw)
            v = pw->pw_name; /* cron, ssh commands and containers often leave USER unset */
        if (v && *v && strlen(v) <= (size_t)k->max && config_text_ok(v))
            return xstrdup(v);
        return xstrdup("未命名用户");
    }
    assert(strcmp(k->key, "database:path") == 0);
    if ((v = getenv("XDG_DATA_HOME")) && v[0] == '/')
        return xasprintf("%s/tuwei/tuwei.db", v);
    if ((v = getenv("HOME")) && *v)
        return xasprintf("%s/.local/share/tuwei/tuwei.db", v);
    return xstrdup("tuwei.db");
}

/* ---- checking values ---- */

static int
config_check_int(const struct config_key *k, const char *v, char **norm, struct strbuf *why)
{
    char *end;
    long n;

    if ((v[0] >= '0' && v[0] <= '9') || (v[0] == '-' && v[1] >= '0' && v[1] <= '9')) {
        errno = 0;
        n = strtol(v, &end, 10);
        if (*end == '\0' && errno == 0 && n >= k->min && n <= k->max) {
            *norm = xasprintf("%ld", n);
            return 0;
        }
    }
    strbuf_printf(why, "应为 %ld 到 %ld 之间的整数", k->min, k->max);
    return -1;
}

static int
config_check_bool(const char *v, char **norm, struct strbuf *why)
{
    if (config_same_word(v, "yes") || config_same_word(v, "true") || strcmp(v, "1") == 0)
        *norm = xstrdup("yes");
    else if (config_same_word(v, "no") || config_same_word(v, "false") || strcmp(v, "0") == 0)
        *norm = xstrdup("no");
    else
        strbuf_puts(why, "应为 yes 或 no（也可写 true/false、1/0）");
    return *norm ? 0 : -1;
}

static int
config_check_choice(const struct config_key *k, const char *v, char **norm, struct strbuf *why)
{
    const char *p = k->choices, *bar;
    char *word;

    strbuf_puts(why, "可选值为 ");
    for (;;) {
        bar = strchr(p, '|');
        word = bar ? xstrndup(p, (size_t)(bar - p)) : xstrdup(p);
        strbuf_printf(why, "%s%s", p == k->choices ? "" : "、", word);
        if (*norm == NULL && config_same_word(word, v))
            *norm = xstrdup(word);
        free(word);
        if (bar == NULL)
            break;
        p = bar + 1;
    }
    return *norm ? 0 : -1;
}

/* Returns the length of a list separator at p (',', '，' or '、'), else 0. */
static size_t
config_list_sep(const char *p)
{
    if (*p == ',')
        return 1;
    if (strncmp(p, "，", 3) == 0 || strncmp(p, "、", 3) == 0)
        return 3;
    return 0;
}

/* Returns a copy of s[0..n) without ASCII or ideographic spaces around it. */
static char *
config_strip_wide(const char *s, size_t n)
{
    for (;;) {
        if (n > 0 && config_space((unsigned char)s[0]))
            s++, n--;
        else if (n >= 3 && strncmp(s, "　", 3) == 0)
            s += 3, n -= 3;
        else if (n > 0 && config_space((unsigned char)s[n - 1]))
            n--;
        else if (n >= 3 && strncmp(s + n - 3, "　", 3) == 0)
            n -= 3;
        else
            return xstrndup(s, n);
    }
}

static int
config_check_list(const struct config_key *k, const char *v, char **norm, struct strbuf *why)
{
    struct strbuf out = STRBUF_INIT;
    const char *p = v, *start = v;
    long count = 0, empty = 0;
    size_t sep;
    char *item;

    for (;; p++) {
        sep = config_list_sep(p);
        if (sep == 0 && *p != '\0')
            continue;
        item = config_strip_wide(start, (size_t)(p - start));
        empty += *item == '\0';
        strbuf_printf(&out, "%s%s", count++ ? "," : "", item);
        free(item);
        if (*p == '\0')
            break;
        p += sep - 1;
        start = p + 1;
    }
    if (empty == 0 && count >= k->min && count <= k->max) {
        *norm = strbuf_take(&out);
        return 0;
    }
    strbuf_free(&out);
    if (k->min == k->max)
        strbuf_printf(why, "应为 %ld 个用逗号分隔的非空项目", k->min);
    else
        strbuf_printf(why, "应为 %ld 到 %ld 个用逗号分隔的非空项目", k->min, k->max);
    return -1;
}

/* A day of the year: "MM-DD", "M-D" or "M月D日", kept as "MM-DD". */
static int
config_check_monthday(const char *v, char **norm, struct strbuf *why)
{
    static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int m = 0, d = 0, used = 0;

    if ((sscanf(v, "%2d-%2d%n", &m, &d, &used) == 2 && v[used] == '\0') ||
        (sscanf(v, "%2d月%2d日%n", &m, &d, &used) == 2 && v[used] == '\0')) {
        if (m >= 1 && m <= 12 && d >= 1 && d <= days[m - 1] && v[0] >= '0' && v[0] <= '9') {
            *norm = xasprintf("%02d-%02d", m, d);
            return 0;
        }
    }
    strbuf_puts(why, "应为月-日，如 09-30");
    return -1;
}

static int
config_check_text(const struct config_key *k, const char *v, char **norm, struct strbuf *why)
{
    size_t n = strlen(v);
    const char *home;

    if (n < (size_t)k->min || (k->type == CONFIG_PATH && n == 0))
        strbuf_puts(why, "不能为空");
    else if (k->max > 0 && n > (size_t)k->max)
        strbuf_printf(why, "不能超过 %ld 字节（约 %ld 个汉字）", k->max, k->max / 3);
    else if (k->type == CONFIG_PATH && v[0] == '~' && (v[1] == '/' || v[1] == '\0') &&
             (home = getenv("HOME")) && *home)
        *norm = xasprintf("%s%s", home, v + 1);
    else
        *norm = xstrdup(v);
    return *norm ? 0 : -1;
}

/* A [theme] value: "fg" or "fg,bg", each a colour name. */
static int
config_check_colours(const char *v, char **norm, struct strbuf *why)
{
    const char *comma = strchr(v, ',');
    char *fg = config_strip(v, comma ? (size_t)(comma - v) : strlen(v));
    char *bg = comma ? config_strip(comma + 1, strlen(comma + 1)) : xstrdup("default");
    const char *const *c;

    config_lower(fg);
    config_lower(bg);
    if (config_in_list(config_colours, fg) && config_in_list(config_colours, bg))
        *norm = xasprintf("%s,%s", fg, bg);
    free(fg);
    free(bg);
    if (*norm)
        return 0;
    strbuf_puts(why, "应为“前景色,背景色”，颜色可选");
    for (c = config_colours; *c; c++)
        strbuf_printf(why, "%s%s", c == config_colours ? " " : "、", *c);
    return -1;
}

static int
config_check_known(const struct config_key *k, const char *v, char **norm, struct strbuf *why)
{
    switch (k->type) {
    case CONFIG_INT:
        return config_check_int(k, v, norm, why);
    case CONFIG_BOOL:
        return config_check_bool(v, norm, why);
    case CONFIG_CHOICE:
        return config_check_choice(k, v, norm, why);
    case CONFIG_LIST:
        return config_check_list(k, v, norm, why);
    case CONFIG_MONTHDAY:
        return config_check_monthday(v, norm, why);
    case CONFIG_TEXT:
    case CONFIG_PATH:
        break;
    }
    return config_check_text(k, v, norm, why);
}

/* A [keys] value: a comma-separated list of key names the screen knows
 * ("F1,?"); an empty list unbinds the action. */
static int
config_check_keys(const char *v, char **norm, struct strbuf *why)
{
    int keys[32];
    size_t n;
    struct err ke = {0};

    if (keys_parse_list(v, keys, sizeof keys / sizeof keys[0], &n, &ke) != ERR_OK) {
        strbuf_printf(why, "%s（按键名如 F1、Enter、C-x、a，多个用逗号隔开）", ke.msg);
        return -1;
    }
    *norm = xstrdup(v);
    return 0;
}

/* Validates value for key: ERR_OK and a normalised copy in *norm, or ERR_INVALID
 * with a message that starts with where ("文件 X 第 N 行：" or ""). */
int
config_check(const char *key, const char *value, const char *where, char **norm, struct err *e)
{
    const struct config_key *k = config_key_find(key, NULL);
    struct strbuf why = STRBUF_INIT;
    char *shown;
    int rc = -1;

    *norm = NULL;
    if (!config_text_ok(value))
        strbuf_puts(&why, "含有控制字符或不是有效的 UTF-8 文字");
    else if (k)
        rc = config_check_known(k, value, norm, &why);
    else if (strncmp(key, "theme:", 6) == 0)
        rc = config_check_colours(value, norm, &why);
    else if (strncmp(key, "keys:", 5) == 0)
        rc = config_check_keys(value, norm, &why);
    else
        *norm = xstrdup(value), rc = 0;
    if (rc == 0) {
        strbuf_free(&why);
        return ERR_OK;
    }
    shown = config_show(value);
    err_field(e, ERR_INVALID, key, "%s%s 的值“%s”不可用：%s。", where, key, shown,
              strbuf_str(&why));
    free(shown);
    strbuf_free(&why);
    return ERR_INVALID;
}

/* Returns the edit distance of a and b, or 99 when either is long. */
static size_t
config_distance(const char *a, const char *b)
{
    size_t row[65], i, j, diag, up, na = strlen(a), nb = strlen(b);

    if (na > 64 || nb > 64)
        return 99;
    for (j = 0; j <= nb; j++)
        row[j] = j;
    for (i = 1; i <= na; i++) {
        diag = row[0];
        row[0] = i;
        for (j = 1; j <= nb; j++) {
            up = row[j];
            row[j] = diag + (a[i - 1] != b[j - 1]);
            if (up + 1 < row[j])
                row[j] = up + 1;
            if (row[j - 1] + 1 < row[j])
                row[j] = row[j - 1] + 1;
            diag = up;
        }
    }
    return row[nb];
}

/* Returns the known key closest to key (a likely typo), or NULL. */
const char *
config_suggest(const char *key)
{
    size_t i, d, best = 3;
    const char *found = NULL;

    for (i = 0; i < CONFIG_NKEYS; i++) {
        d = config_distance(key, config_keys[i].key);
        if (d < best)
            best = d, found = config_keys[i].key;
    }
    return found;
}

size_t
config_key_count(void)
{
    return CONFIG_NKEYS;
}

const struct config_key *
config_key_at(size_t i)
{
    assert(i < CONFIG_NKEYS);
    return &config_keys[i];
}

int
config_theme_role_known(const char *role)
{
    return config_in_list(config_theme_roles, role);
}
