/*
 * test_ui_golden.c — whole screens: the real program in headless mode on
 * the shipped 2025 plan, compared with tests/golden/NAME.txt. After a
 * deliberate change of the screens (or the plan data), regenerate them with
 *   TUWEI_GOLDEN_UPDATE=1 ctest -R test_ui_golden
 * and review the diff like any other change.
 */
#include <criterion/criterion.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db/db.h"
#include "src/config.h"
#include "src/msg.h"
#include "src/plan_load.h"
#include "src/textw.h"
#include "src/xmalloc.h"
#include "ui/ui.h"

#include "screen_play.h"

static struct db *g_db;
static struct config *g_cfg;

static void
golden_setup(void)
{
    struct err e = {0};
    struct plan_load_stats st;

    cr_assert_not_null(setlocale(LC_ALL, "C.UTF-8"));
    cr_assert_eq(db_open(":memory:", DB_OPEN_CREATE, &g_db, &e), ERR_OK, "%s", e.msg);
    cr_assert_eq(plan_load(g_db, "测试", &st, &e), ERR_OK, "%s", e.msg);
    g_cfg = config_defaults();
    cr_assert_eq(config_set(g_cfg, "user:name", "张三", &e), ERR_OK, "%s", e.msg);
    /* The settings screen shows the path: make it the same on every machine. */
    cr_assert_eq(
        config_set(g_cfg, "database:path", "/home/zhangsan/.local/share/tuwei/tuwei.db", &e),
        ERR_OK, "%s", e.msg);
    cr_assert_eq(config_set(g_cfg, "ui:color", "no", &e), ERR_OK, "%s", e.msg);
}

static void
golden_teardown(void)
{
    db_close(g_db);
    config_free(g_cfg);
    msg_set_language("zh_CN");
}

TestSuite(golden, .init = golden_setup, .fini = golden_teardown, .timeout = 60);

/* Plays keys on the screen of cols x rows; returns its text. */
static char *
play(const char *keys, int cols, int rows)
{
    return screen_play(g_cfg, g_db, "2025-06-30", keys, cols, rows);
}

/* Every line is at most cols wide and there are rows lines. */
static void
expect_shape(const char *screen, int cols, int rows)
{
    const char *p = screen, *nl;
    char *line;
    int n = 0;

    for (; (nl = strchr(p, '\n')) != NULL; p = nl + 1, n++) {
        line = xstrndup(p, (size_t)(nl - p));
        cr_expect_leq(textw_width(line), cols, "line %d is wider than %d: '%s'", n, cols, line);
        free(line);
    }
    cr_expect_eq(n, rows);
}

/* Compares the screen with tests/golden/name.txt (or rewrites it). */
static void
golden(const char *name, const char *keys, int cols, int rows)
{
    char path[1024];
    const char *src = getenv("TUWEI_SOURCE_DIR");
    char *got = play(keys, cols, rows), *want;
    FILE *f;

    cr_assert_not_null(src, "TUWEI_SOURCE_DIR is not set");
    expect_shape(got, cols, rows);
    snprintf(path, sizeof path, "%s/tests/golden/%s.txt", src, name);
    if (getenv("TUWEI_GOLDEN_UPDATE")) {
        f = fopen(path, "w");
        cr_assert_not_null(f, "cannot write %s", path);
        fputs(got, f);
        fclose(f);
    }
    want = screen_slurp(path);
    cr_assert_not_null(want, "%s is missing; run with TUWEI_GOLDEN_UPDATE=1", path);
    cr_expect_str_eq(got, want, "screen %s differs from %s:\n%s", name, path, got);
    free(got);
    free(want);
}

Test(golden, overview_80x24)
{
    golden("overview_80x24", "", 80, 24);
}
Test(golden, overview_120x40)
{
    golden("overview_120x40", "1", 120, 40);
}
Test(golden, actions_80x24)
{
    golden("actions_80x24", "2", 80, 24);
}
Test(golden, actions_120x40)
{
    golden("actions_120x40", "2", 120, 40);
}
Test(golden, actions_open_80x24)
{
    golden("actions_open_80x24", "2 <Down> <Enter> <PgDn>", 80, 24);
}
Test(golden, enterprises_80x24)
{
    golden("enterprises_80x24", "3", 80, 24);
}
Test(golden, enterprises_120x40)
{
    golden("enterprises_120x40", "3", 120, 40);
}
Test(golden, pilot_80x24)
{
    golden("pilot_80x24", "4 <End>", 80, 24);
}
Test(golden, pilot_120x40)
{
    golden("pilot_120x40", "4", 120, 40);
}
Test(golden, reports_80x24)
{
    golden("reports_80x24", "5", 80, 24);
}
Test(golden, reports_120x40)
{
    golden("reports_120x40", "5", 120, 40);
}
Test(golden, settings_80x24)
{
    golden("settings_80x24", "6", 80, 24);
}
Test(golden, settings_120x40)
{
    golden("settings_120x40", "6", 120, 40);
}
Test(golden, help_80x24)
{
    golden("help_80x24", "2 <F1>", 80, 24);
}
Test(golden, search_80x24)
{
    golden("search_80x24", "3 /建亨<Enter>", 80, 24);
}
Test(golden, too_small_60x20)
{
    golden("too_small_60x20", "<Resize 60x20>", 60, 20);
}

Test(golden, english_80x24)
{
    struct err e = {0};

    cr_assert_eq(config_set(g_cfg, "ui:language", "en", &e), ERR_OK, "%s", e.msg);
    golden("english_80x24", "2", 80, 24);
}

Test(golden, number_keys_switch_sections_and_tabs_show_it)
{
    char *s = play("4", 80, 24);

    cr_expect(strstr(s, "视图：阶段看板") != NULL);
    cr_expect(strstr(s, "各阶段（10）") != NULL, "%s", s);
    free(s);
}

Test(golden, resizing_below_the_minimum_and_back_recovers)
{
    char *s = play("2 <Resize 60x20>", 80, 24);

    cr_expect(strstr(s, "请放大窗口") != NULL, "%s", s);
    cr_expect(strstr(s, "当前为 60x20") != NULL, "%s", s);
    free(s);
    s = play("2 <Resize 60x20> <Down> <Resize 100x30>", 80, 24);
    expect_shape(s, 100, 30);
    cr_expect(strstr(s, "请放大窗口") == NULL);
    cr_expect(strstr(s, "实施新兴产业技术攻坚行动") != NULL, "the section is back: %s", s);
    free(s);
}

Test(golden, any_size_down_to_one_cell_is_safe)
{
    static const int sizes[][2] = {{1, 1}, {2, 1}, {1, 5}, {10, 3}, {79, 24}, {80, 23}};
    char keys[64];
    size_t i;
    char *s;

    for (i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        snprintf(keys, sizeof keys, "<Resize %dx%d> 3 <Down> <F1> <Esc>", sizes[i][0], sizes[i][1]);
        s = play(keys, 80, 24);
        expect_shape(s, sizes[i][0], sizes[i][1]);
        free(s);
    }
}

Test(golden, search_that_finds_nothing_says_so_and_esc_clears_it)
{
    char *s = play("3 /没有这家<Enter>", 80, 24);

    cr_expect(strstr(s, "没有找到「没有这家」") != NULL, "%s", s);
    free(s);
    s = play("3 /没有这家<Enter> <Esc>", 80, 24);
    cr_expect(strstr(s, "企业（10）") != NULL, "%s", s);
    free(s);
}

Test(golden, number_keys_type_into_the_search_prompt)
{
    char *s = play("3 /2025", 80, 24);

    cr_expect(strstr(s, "搜索：2025") != NULL, "%s", s);
    cr_expect(strstr(s, "企业（10）") != NULL, "still on 梯度培育: %s", s);
    free(s);
}

Test(golden, mouse_clicks_select_tabs_and_rows)
{
    char *s = play("<Click 20,1> <Click 5,6>", 80, 24);

    cr_expect(strstr(s, "七大行动") != NULL);
    cr_expect(strstr(s, "3/7") != NULL, "the third action is selected: %s", s);
    free(s);
}

Test(golden, a_bad_key_script_is_refused)
{
    struct ui_options o = {0};
    struct err e = {0};

    o.headless = 1;
    o.cols = 80;
    o.rows = 24;
    o.keys = "<Nope>";
    o.screen_out = "/dev/null";
    cr_expect_eq(ui_run(g_cfg, g_db, &o, &e), ERR_INVALID);
    cr_expect(strstr(e.msg, "<Nope>") != NULL, "%s", e.msg);
}
