/* test_config.c — defaults, loading INI files, warnings, bad values, overrides. */
#include <criterion/criterion.h>
#include <pwd.h>
#include <unistd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "src/asset.h"
#include "src/config.h"
#include "src/strbuf.h"

static char dir[64];

static void
make_dir(void)
{
    snprintf(dir, sizeof dir, "/tmp/tuwei-test-config-XXXXXX");
    cr_assert_not_null(mkdtemp(dir));
}

static void
remove_dir(void)
{
    char cmd[128];

    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    cr_assert_eq(system(cmd), 0);
}

TestSuite(config, .init = make_dir, .fini = remove_dir);

/* Writes n bytes to dir/name and returns the path (static buffer). */
static const char *
put_bytes(const char *name, const char *bytes, size_t n)
{
    static char path[256];
    FILE *f;

    snprintf(path, sizeof path, "%s/%s", dir, name);
    f = fopen(path, "wb");
    cr_assert_not_null(f);
    cr_assert_eq(fwrite(bytes, 1, n, f), n);
    fclose(f);
    return path;
}

static const char *
put(const char *text)
{
    return put_bytes("tuwei.ini", text, strlen(text));
}

/* Loads text as a file and expects an error of code whose message holds every needle. */
static void
expect_error(const char *text, int code, const char *const *needles)
{
    struct config *c = (struct config *)1;
    struct err e = {0};
    const char *path = put(text);

    cr_assert_eq(config_load(path, &c, &e), code, "text %s gave: %s", text, e.msg);
    cr_expect_null(c);
    cr_expect(strstr(e.msg, path) != NULL, "no file name in: %s", e.msg);
    for (; *needles; needles++)
        cr_expect(strstr(e.msg, *needles) != NULL, "no \"%s\" in: %s", *needles, e.msg);
}

#define EXPECT_ERROR(text, code, ...)                                                              \
    do {                                                                                           \
        const char *const needles_[] = {__VA_ARGS__, NULL};                                        \
        expect_error(text, code, needles_);                                                        \
    } while (0)

static struct config *
load_ok(const char *text)
{
    struct config *c = NULL;
    struct err e = {0};

    cr_assert_eq(config_load(put(text), &c, &e), ERR_OK, "%s", e.msg);
    cr_assert_not_null(c);
    return c;
}

Test(config, defaults)
{
    struct config *c;

    setenv("USER", "wangwu", 1);
    setenv("XDG_DATA_HOME", "/srv/data", 1);
    c = config_defaults();
    cr_expect_null(config_file(c));
    cr_expect_str_eq(config_get(c, "database:path"), "/srv/data/tuwei/tuwei.db");
    cr_expect_str_eq(config_get(c, "ui:language"), "zh_CN");
    cr_expect_eq(config_get_bool(c, "ui:mouse"), 0);
    cr_expect_eq(config_get_bool(c, "ui:color"), 1);
    cr_expect_str_eq(config_get(c, "user:name"), "wangwu");
    cr_expect_str_eq(config_get(c, "user:unit"), "");
    cr_expect_str_eq(config_get(c, "user:role"), "clerk");
    cr_expect_eq(config_get_int(c, "rules:stale_days"), 30);
    cr_expect_eq(config_get_int(c, "rules:cert_expiry_months"), 6);
    cr_expect_eq(config_get_int(c, "rules:pilot_run_years"), 2);
    cr_expect_eq(config_get_int(c, "rules:pilot_extension_years"), 1);
    cr_expect_eq(config_get_int(c, "rules:double_base_year"), 2022);
    cr_expect_str_eq(config_get(c, "rules:three_zero_items"), "研发活动,研发机构,发明专利");
    cr_expect_null(config_get(c, "ui:nonsense"));
    cr_expect_null(config_get(c, "theme:title"));
    cr_expect_eq(config_warning_count(c), 0);
    cr_expect_eq(config_section_count(c, "theme"), 0);
    config_free(c);
    config_free(NULL);
}

Test(config, defaults_without_environment)
{
    struct config *c;

    unsetenv("USER");
    unsetenv("XDG_DATA_HOME");
    setenv("HOME", "/home/li", 1);
    c = config_defaults();
    /* With USER unset the account's login name is used. */
    struct passwd *pw = getpwuid(getuid());
    cr_expect_str_eq(config_get(c, "user:name"), pw ? pw->pw_name : "未命名用户");
    cr_expect_str_eq(config_get(c, "database:path"), "/home/li/.local/share/tuwei/tuwei.db");
    config_free(c);
}

Test(config, good_file)
{
    struct config *c;
    const char *key, *value;
    int from_file;

    setenv("HOME", "/home/zhang", 1);
    c = load_ok("; 达拉特旗科技局\r\n"
                "[database]\r\n"
                "path = ~/突围/data.db\r\n"
                "[UI]\n"
                "Language = EN\n"
                "mouse = true   ; 用鼠标\n"
                "color = 0\n"
                "  [ user ]  \n"
                "name = \"张 三\"\n"
                "unit = 旗科技发展服务中心\n"
                "role = Supervisor\n"
                "# 规则\n"
                "[rules]\n"
                "stale_days = 45\n"
                "cert_expiry_months=3\n"
                "pilot_run_years = 3\n"
                "pilot_extension_years = 0\n"
                "double_base_year = 2024\n"
                "three_zero_items = 研发投入，研发机构、 发明专利 \n"
                "[theme]\n"
                "title = Red, Black\n"
                "ok = green\n"
                "[keys]\n"
                "help = \"F1,?\"\n");
    cr_expect_str_eq(config_file(c), put(""));
    cr_expect_str_eq(config_get(c, "database:path"), "/home/zhang/突围/data.db");
    cr_expect_str_eq(config_get(c, "ui:language"), "en");
    cr_expect_eq(config_get_bool(c, "ui:mouse"), 1);
    cr_expect_eq(config_get_bool(c, "ui:color"), 0);
    cr_expect_str_eq(config_get(c, "user:name"), "张 三");
    cr_expect_str_eq(config_get(c, "user:unit"), "旗科技发展服务中心");
    cr_expect_str_eq(config_get(c, "user:role"), "supervisor");
    cr_expect_eq(config_get_int(c, "rules:stale_days"), 45);
    cr_expect_eq(config_get_int(c, "rules:cert_expiry_months"), 3);
    cr_expect_eq(config_get_int(c, "rules:pilot_run_years"), 3);
    cr_expect_eq(config_get_int(c, "rules:pilot_extension_years"), 0);
    cr_expect_eq(config_get_int(c, "rules:double_base_year"), 2024);
    cr_expect_str_eq(config_get(c, "rules:three_zero_items"), "研发投入,研发机构,发明专利");
    cr_expect_str_eq(config_get(c, "theme:title"), "red,black");
    cr_expect_str_eq(config_get(c, "theme:ok"), "green,default");
    cr_expect_str_eq(config_get(c, "keys:help"), "F1,?");
    cr_expect_eq(config_warning_count(c), 0, "%s",
                 config_warning_count(c) ? config_warning(c, 0) : "");
    config_item(c, 1, &key, &value, &from_file);
    cr_expect_str_eq(key, "ui:language");
    cr_expect_eq(from_file, 1);
    config_free(c);
}

Test(config, byte_order_mark_is_skipped)
{
    struct config *c = NULL;
    struct err e = {0};
    const char text[] = "\xef\xbb\xbf[ui]\nlanguage = en\n";

    cr_assert_eq(config_load(put_bytes("bom.ini", text, sizeof text - 1), &c, &e), ERR_OK, "%s",
                 e.msg);
    cr_expect_str_eq(config_get(c, "ui:language"), "en");
    config_free(c);
}

Test(config, items_in_stable_order)
{
    struct config *c = load_ok("[keys]\nquit = F10\n[theme]\nwarning = yellow,black\n"
                               "[keys]\nhelp = F1\n");
    struct config *d = config_defaults();
    const char *key, *value;
    int from_file;
    size_t n = config_count(d);

    cr_assert_eq(config_count(c), n + 3);
    config_item(d, 0, &key, &value, &from_file);
    cr_expect_str_eq(key, "database:path");
    cr_expect_eq(from_file, 0);
    config_item(c, n, &key, &value, &from_file);
    cr_expect_str_eq(key, "keys:quit");
    cr_expect_str_eq(value, "F10");
    cr_expect_eq(from_file, 1);
    cr_assert_eq(config_section_count(c, "keys"), 2);
    config_section_item(c, "keys", 1, &key, &value);
    cr_expect_str_eq(key, "help");
    cr_expect_str_eq(value, "F1");
    cr_assert_eq(config_section_count(c, "theme"), 1);
    config_section_item(c, "theme", 0, &key, &value);
    cr_expect_str_eq(key, "warning");
    cr_expect_str_eq(value, "yellow,black");
    config_free(c);
    config_free(d);
}

Test(config, xdg_config_home_is_searched)
{
    char sub[128], path[160];
    struct config *c = NULL;
    struct err e = {0};
    FILE *f;

    snprintf(sub, sizeof sub, "%s/tuwei", dir);
    cr_assert_eq(mkdir(sub, 0700), 0);
    snprintf(path, sizeof path, "%s/tuwei.ini", sub);
    f = fopen(path, "w");
    fputs("[user]\nrole = admin\n", f);
    fclose(f);
    setenv("XDG_CONFIG_HOME", dir, 1);
    cr_assert_eq(config_load(NULL, &c, &e), ERR_OK, "%s", e.msg);
    cr_expect_str_eq(config_file(c), path);
    cr_expect_str_eq(config_get(c, "user:role"), "admin");
    config_free(c);
}

Test(config, home_config_is_searched_without_xdg)
{
    char sub[128], path[160];
    struct config *c = NULL;
    struct err e = {0};
    FILE *f;

    unsetenv("XDG_CONFIG_HOME");
    setenv("HOME", dir, 1);
    snprintf(sub, sizeof sub, "%s/.config", dir);
    cr_assert_eq(mkdir(sub, 0700), 0);
    snprintf(sub, sizeof sub, "%s/.config/tuwei", dir);
    cr_assert_eq(mkdir(sub, 0700), 0);
    snprintf(path, sizeof path, "%s/tuwei.ini", sub);
    f = fopen(path, "w");
    fputs("[rules]\nstale_days = 7\n", f);
    fclose(f);
    cr_assert_eq(config_load(NULL, &c, &e), ERR_OK, "%s", e.msg);
    cr_expect_str_eq(config_file(c), path);
    cr_expect_eq(config_get_int(c, "rules:stale_days"), 7);
    config_free(c);
}

Test(config, missing_default_file_gives_defaults)
{
    struct config *c = NULL;
    struct err e = {0};

    setenv("XDG_CONFIG_HOME", dir, 1);
    cr_assert_eq(config_load(NULL, &c, &e), ERR_OK, "%s", e.msg);
    cr_expect_null(config_file(c));
    cr_expect_eq(config_get_int(c, "rules:stale_days"), 30);
    config_free(c);
}

Test(config, broken_default_file_is_an_error)
{
    char sub[128], path[160];
    struct config *c = NULL;
    struct err e = {0};
    FILE *f;

    snprintf(sub, sizeof sub, "%s/tuwei", dir);
    cr_assert_eq(mkdir(sub, 0700), 0);
    snprintf(path, sizeof path, "%s/tuwei.ini", sub);
    f = fopen(path, "w");
    fputs("[ui]\nlanguage = fr\n", f);
    fclose(f);
    setenv("XDG_CONFIG_HOME", dir, 1);
    cr_expect_eq(config_load(NULL, &c, &e), ERR_INVALID);
    cr_expect(strstr(e.msg, path) != NULL, "%s", e.msg);
}

Test(config, missing_explicit_file_is_an_error)
{
    struct config *c = (struct config *)1;
    struct err e = {0};
    char path[128];

    snprintf(path, sizeof path, "%s/没有.ini", dir);
    cr_assert_eq(config_load(path, &c, &e), ERR_IO);
    cr_expect_null(c);
    cr_expect(strstr(e.msg, path) != NULL, "%s", e.msg);
    cr_expect(strstr(e.msg, "不存在") != NULL, "%s", e.msg);
    cr_assert_eq(config_load(dir, &c, &e), ERR_IO);
    cr_expect(strstr(e.msg, "目录") != NULL, "%s", e.msg);
}

Test(config, empty_file)
{
    struct config *c = load_ok("");

    cr_expect_str_eq(config_file(c), put(""));
    cr_expect_str_eq(config_get(c, "ui:language"), "zh_CN");
    cr_expect_eq(config_warning_count(c), 0);
    config_free(c);
}

Test(config, malformed_lines)
{
    EXPECT_ERROR("[ui]\nlanguage = en\nmouse\n", ERR_INVALID, "第 3 行", "mouse");
    EXPECT_ERROR("[ui\nmouse = yes\n", ERR_INVALID, "第 1 行", "右方括号");
    EXPECT_ERROR("[ui] ; 界面\n", ERR_INVALID, "第 1 行", "另起一行");
    EXPECT_ERROR("[]\nmouse = yes\n", ERR_INVALID, "第 1 行", "节名为空");
    EXPECT_ERROR("[ui]\n= yes\n", ERR_INVALID, "第 2 行", "名称");
    EXPECT_ERROR("[user]\nname = \"张三\n", ERR_INVALID, "第 2 行", "引号");
    /* iniparser would silently drop each of these lines: */
    EXPECT_ERROR("[ui]\nmouse = yes\nx", ERR_INVALID, "第 3 行", "x");
    EXPECT_ERROR("[ui]\n; 注释 \\\nmouse = yes\n", ERR_INVALID, "第 2 行", "反斜杠");
    EXPECT_ERROR("[ui]\nmouse = yes\\\n", ERR_INVALID, "第 2 行", "反斜杠");
}

Test(config, continued_line_is_joined)
{
    struct config *c = load_ok("[user]\nunit = 旗科技\\\n发展服务中心\n[ui]\nmouse = yes\n");

    cr_expect_str_eq(config_get(c, "user:unit"), "旗科技发展服务中心");
    cr_expect_eq(config_get_bool(c, "ui:mouse"), 1);
    config_free(c);
}

Test(config, over_long_line)
{
    struct strbuf b = STRBUF_INIT;
    int i;

    strbuf_puts(&b, "[user]\nrole = clerk\nunit = ");
    for (i = 0; i < 400; i++)
        strbuf_puts(&b, "科");
    strbuf_puts(&b, "\n");
    EXPECT_ERROR(strbuf_str(&b), ERR_INVALID, "第 3 行", "太长", "1000");
    strbuf_free(&b);
}

Test(config, binary_file)
{
    static const char junk[] = "\x7f"
                               "ELF\x02\x01\x01\x00\x00\x00\n\x03\x00>\x00";
    struct config *c = (struct config *)1;
    struct err e = {0};
    const char *path = put_bytes("a.out", junk, sizeof junk - 1);

    cr_assert_eq(config_load(path, &c, &e), ERR_INVALID);
    cr_expect_null(c);
    cr_expect(strstr(e.msg, "第 1 行") != NULL, "%s", e.msg);
    cr_expect(strstr(e.msg, "文本") != NULL, "%s", e.msg);
}

Test(config, gbk_file_is_refused)
{
    /* "[user]\nname = 张三\n" saved by a GBK editor. */
    EXPECT_ERROR("[user]\nname = \xd5\xc5\xc8\xfd\n", ERR_INVALID, "第 2 行", "UTF-8");
}

Test(config, lone_carriage_returns_are_refused)
{
    EXPECT_ERROR("[ui]\rmouse = yes\r", ERR_INVALID, "第 1 行", "0x0d");
}

Test(config, unknown_keys_warn_and_are_kept)
{
    struct config *c = load_ok("top = 1\n[ui]\ncolour = no\n[ui]\nlanguage = en\n"
                               "[plugins]\nmap = on\n[empty]\n[theme]\nbanner = red\n");
    const char *path = put("");

    cr_assert_eq(config_warning_count(c), 5);
    cr_expect(strstr(config_warning(c, 0), "第 1 行") && strstr(config_warning(c, 0), "top"), "%s",
              config_warning(c, 0));
    cr_expect(strstr(config_warning(c, 1), path) && strstr(config_warning(c, 1), "第 3 行") &&
                  strstr(config_warning(c, 1), "ui:colour") &&
                  strstr(config_warning(c, 1), "ui:color"),
              "%s", config_warning(c, 1));
    cr_expect(strstr(config_warning(c, 2), "plugins:map") != NULL, "%s", config_warning(c, 2));
    cr_expect(strstr(config_warning(c, 3), "[empty]") != NULL, "%s", config_warning(c, 3));
    cr_expect(strstr(config_warning(c, 4), "banner") != NULL, "%s", config_warning(c, 4));
    cr_expect_str_eq(config_get(c, "ui:colour"), "no");
    cr_expect_eq(config_get_bool(c, "ui:color"), 1, "an unknown key must not change a known one");
    cr_expect_str_eq(config_get(c, "ui:language"), "en");
    cr_expect_str_eq(config_get(c, "plugins:map"), "on");
    cr_expect_str_eq(config_get(c, "theme:banner"), "red,default");
    cr_expect_eq(config_section_count(c, "plugins"), 1);
    config_free(c);
}

Test(config, repeated_key_warns_and_last_wins)
{
    struct config *c = load_ok("[rules]\nstale_days = 10\nstale_days = 20\n");

    cr_expect_eq(config_get_int(c, "rules:stale_days"), 20);
    cr_assert_eq(config_warning_count(c), 1);
    cr_expect(strstr(config_warning(c, 0), "第 3 行为准") != NULL, "%s", config_warning(c, 0));
    config_free(c);
}

Test(config, bad_values)
{
    EXPECT_ERROR("[ui]\nlanguage = fr\n", ERR_INVALID, "第 2 行", "ui:language", "“fr”", "zh_CN",
                 "en");
    EXPECT_ERROR("[ui]\nmouse = maybe\n", ERR_INVALID, "ui:mouse", "maybe", "yes", "no");
    EXPECT_ERROR("[rules]\n\nstale_days = abc\n", ERR_INVALID, "第 3 行", "rules:stale_days", "abc",
                 "1 到 3650");
    EXPECT_ERROR("[rules]\nstale_days = 0\n", ERR_INVALID, "rules:stale_days", "“0”", "整数");
    EXPECT_ERROR("[rules]\nstale_days = 30天\n", ERR_INVALID, "30天");
    EXPECT_ERROR("[rules]\nstale_days = 99999999999999999999\n", ERR_INVALID, "stale_days");
    EXPECT_ERROR("[rules]\ndouble_base_year = 22\n", ERR_INVALID, "2000 到 2100");
    EXPECT_ERROR("[rules]\nthree_zero_items = 研发活动,研发机构\n", ERR_INVALID, "three_zero_items",
                 "3 个");
    EXPECT_ERROR("[rules]\nthree_zero_items = 研发活动,,发明专利\n", ERR_INVALID,
                 "three_zero_items");
    EXPECT_ERROR("[user]\nrole = boss\n", ERR_INVALID, "user:role", "boss", "clerk", "supervisor",
                 "admin");
    EXPECT_ERROR("[user]\nname =\n", ERR_INVALID, "user:name", "不能为空");
    EXPECT_ERROR("[database]\npath = \"\"\n", ERR_INVALID, "database:path", "不能为空");
    EXPECT_ERROR("[theme]\ntitle = purple,black\n", ERR_INVALID, "theme:title", "purple",
                 "magenta");
    EXPECT_ERROR("[theme]\ntitle = red,\n", ERR_INVALID, "theme:title");
    /* A misspelt key name was taken silently; the screen then lost the binding. */
    EXPECT_ERROR("[keys]\n\nhelp = F99,?\n", ERR_INVALID, "第 3 行", "keys:help", "F99");
    EXPECT_ERROR("[keys]\nquit = Ctrl+Q\n", ERR_INVALID, "keys:quit", "Ctrl+Q");
}

Test(config, key_lists_that_parse_are_taken)
{
    struct config *c = load_ok("[keys]\nhelp = F1, ?\nsearch = /,C-s\nopen = Enter\n");

    cr_expect_str_eq(config_get(c, "keys:search"), "/,C-s");
    cr_expect_eq(config_warning_count(c), 0);
    config_free(c);
}

Test(config, set_overrides_and_validates)
{
    struct config *c = load_ok("[database]\npath = /data/a.db\n");
    const char *key, *value;
    int from_file;
    struct err e = {0};

    cr_assert_eq(config_set(c, "database:path", "/tmp/b.db", &e), ERR_OK, "%s", e.msg);
    cr_expect_str_eq(config_get(c, "database:path"), "/tmp/b.db");
    config_item(c, 0, &key, &value, &from_file);
    cr_expect_eq(from_file, 0);
    cr_assert_eq(config_set(c, "rules:stale_days", "0", &e), ERR_INVALID);
    cr_expect(strstr(e.msg, "rules:stale_days") && strstr(e.msg, "“0”"), "%s", e.msg);
    cr_expect_str_eq(e.field, "rules:stale_days");
    cr_expect_eq(config_get_int(c, "rules:stale_days"), 30, "a refused value changes nothing");
    cr_assert_eq(config_set(c, "UI:Language", "en", &e), ERR_OK, "%s", e.msg);
    cr_expect_str_eq(config_get(c, "ui:language"), "en");
    cr_assert_eq(config_set(c, "ui:fontsize", "12", &e), ERR_INVALID);
    cr_expect(strstr(e.msg, "ui:fontsize") != NULL, "%s", e.msg);
    cr_assert_eq(config_set(c, "theme:overdue", "white,red", &e), ERR_OK, "%s", e.msg);
    cr_expect_eq(config_section_count(c, "theme"), 1);
    cr_assert_eq(config_set(c, "theme:overdue", "pink", &e), ERR_INVALID);
    cr_expect_str_eq(config_get(c, "theme:overdue"), "white,red");
    cr_assert_eq(config_set(c, "user:unit", "旗\n科技", &e), ERR_INVALID);
    cr_assert_eq(config_set(c, "user:unit", "\xd5\xc5", &e), ERR_INVALID);
    cr_assert_eq(config_set(c, "rules:stale_days", "7", &e), ERR_OK);
    cr_expect_eq(config_get_int(c, "rules:stale_days"), 7);
    config_free(c);
}

/* Uncommenting every setting of the shipped assets/tuwei.ini must give a file
 * that loads without a warning, names every known key, and holds the defaults. */
Test(config, shipped_file_documents_every_key)
{
    const struct asset *a = asset_find("tuwei.ini");
    struct strbuf b = STRBUF_INIT;
    struct config *c, *d;
    const char *p, *nl, *key, *value, *dvalue;
    size_t i;
    int ff;

    cr_assert_not_null(a);
    for (p = (const char *)a->data; *p; p = nl + 1) {
        nl = strchr(p, '\n');
        cr_assert_not_null(nl);
        if (p[0] == ';' && p[1] != ' ' && p[1] != '\n' && memchr(p, '=', (size_t)(nl - p)))
            p++;
        strbuf_add(&b, p, (size_t)(nl - p + 1));
    }
    setenv("HOME", "/home/x", 1);
    unsetenv("XDG_DATA_HOME");
    c = load_ok(strbuf_str(&b));
    cr_expect_eq(config_warning_count(c), 0, "%s",
                 config_warning_count(c) ? config_warning(c, 0) : "");
    d = config_defaults();
    for (i = 0; i < config_count(d); i++) {
        config_item(c, i, &key, &value, &ff);
        cr_expect_eq(ff, 1, "%s is not in assets/tuwei.ini", key);
        dvalue = config_get(d, key);
        if (strcmp(key, "user:name") != 0)
            cr_expect_str_eq(value, dvalue, "%s: the file says %s, the default is %s", key, value,
                             dvalue);
    }
    cr_expect_gt(config_section_count(c, "theme"), 0);
    cr_expect_gt(config_section_count(c, "keys"), 0);
    config_free(c);
    config_free(d);
    strbuf_free(&b);
}
