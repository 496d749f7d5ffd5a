/* test_msg.c — the message catalogue: lookups, languages, placeholders,
 * and that every key the screens use exists in Chinese and English. */
#include <criterion/criterion.h>
#include <dirent.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "src/msg.h"
#include "ui/keymap.h"

static void
msg_setup(void)
{
    msg_set_language("zh_CN");
}

TestSuite(msg, .init = msg_setup, .fini = msg_setup);

Test(msg, chinese_is_the_default_and_english_a_setting)
{
    cr_expect_str_eq(msg_language(), "zh_CN");
    cr_expect_str_eq(msg("section.overview"), "总览");
    cr_assert_eq(msg_set_language("en"), 0);
    cr_expect_str_eq(msg("section.overview"), "Overview");
    cr_expect_eq(msg_set_language("fr"), -1, "an unknown language is refused");
    cr_expect_str_eq(msg_language(), "en", "and changes nothing");
}

Test(msg, a_missing_key_shows_itself)
{
    cr_expect_str_eq(msg("no.such.key"), "no.such.key");
    cr_expect_null(msg_lookup("no.such.key", "zh_CN"));
}

Test(msg, format_fills_placeholders)
{
    char *s = msg_format("screen.small_size", "80", "24", "60", "20", NULL);

    cr_expect_str_eq(s, "至少需要 80x24，当前为 60x20");
    free(s);
    s = msg_format("pane.title_count", "企业", "10", NULL);
    cr_expect_str_eq(s, "企业（10）");
    free(s);
}

/* The placeholders {1}..{9} used in s, as a bit set. */
static unsigned
placeholders(const char *s)
{
    unsigned set = 0;

    for (; s && *s; s++) {
        if (s[0] == '{' && s[1] >= '1' && s[1] <= '9' && s[2] == '}')
            set |= 1u << (s[1] - '0');
    }
    return set;
}

Test(msg, both_languages_have_every_key_with_the_same_placeholders)
{
    size_t i, n = msg_count();
    const char *k;

    cr_assert_gt(n, 100u);
    for (i = 0; i < n; i++) {
        k = msg_key(i);
        cr_expect_not_null(msg_lookup(k, "zh_CN"), "%s has no Chinese text", k);
        cr_expect_not_null(msg_lookup(k, "en"), "%s has no English text", k);
        cr_expect_eq(placeholders(msg_lookup(k, "zh_CN")), placeholders(msg_lookup(k, "en")),
                     "%s: the two languages use different placeholders", k);
    }
}

/* Checks one key found in the source. */
static void
expect_key(const char *key, const char *where)
{
    cr_expect_not_null(msg_lookup(key, "zh_CN"), "%s: key %s missing in zh_CN", where, key);
    cr_expect_not_null(msg_lookup(key, "en"), "%s: key %s missing in en", where, key);
}

/* Checks every catalogue-key-like string literal of one file. */
static int
scan_file(const char *path, const regex_t *re)
{
    FILE *f = fopen(path, "r");
    char line[1024], key[128];
    regmatch_t m[2];
    const char *p;
    int found = 0;

    cr_assert_not_null(f, "cannot read %s", path);
    while (fgets(line, sizeof line, f)) {
        for (p = line; regexec(re, p, 2, m, 0) == 0; p += m[0].rm_eo) {
            snprintf(key, sizeof key, "%.*s", (int)(m[1].rm_eo - m[1].rm_so), p + m[1].rm_so);
            expect_key(key, path);
            found++;
        }
    }
    fclose(f);
    return found;
}

Test(msg, every_key_in_the_screen_code_exists_in_both_languages)
{
    const char *src = getenv("TUWEI_SOURCE_DIR");
    char dir[1024], path[2048];
    struct dirent *de;
    regex_t re;
    DIR *d;
    int found = 0;

    cr_assert_not_null(src, "TUWEI_SOURCE_DIR is not set");
    snprintf(dir, sizeof dir, "%s/ui", src);
    cr_assert_eq(regcomp(&re, "\"([a-z][a-z0-9_]*(\\.[a-z0-9_]+)+)\"", REG_EXTENDED), 0);
    d = opendir(dir);
    cr_assert_not_null(d);
    while ((de = readdir(d)) != NULL) {
        size_t len = strlen(de->d_name);

        if (len < 3 || strcmp(de->d_name + len - 2, ".c") != 0)
            continue;
        snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
        found += scan_file(path, &re);
    }
    closedir(d);
    regfree(&re);
    cr_expect_gt(found, 100, "the scan found only %d keys", found);
}

Test(msg, keys_built_at_run_time_exist)
{
    static const char *const roles[] = {"role.clerk", "role.supervisor", "role.admin"};
    char key[64];
    size_t i;
    int a;

    for (a = 1; a < UI_ACT_COUNT; a++) {
        snprintf(key, sizeof key, "fkey.%s", ui_keymap_name(a));
        expect_key(key, "function-key bar");
        expect_key(ui_keymap_describe(a), "help");
    }
    for (i = 0; i < 3; i++)
        expect_key(roles[i], "title line");
}
