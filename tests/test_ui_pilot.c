/*
 * test_ui_pilot.c — the 中试基地 section in headless mode on the shipped
 * plan: the stage board, a pilot project stopped at a gate and told which
 * item is missing, the item recorded in a form and the project moved on;
 * a registry form keeping what was typed under a Chinese message; views
 * of every registry; golden screens (tests/golden/pilot_*.txt, rewritten
 * with TUWEI_GOLDEN_UPDATE=1 like test_ui_golden's). Also: every registry
 * field has its label in both languages of the catalogue.
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
#include "src/pilot.h"
#include "src/plan_load.h"
#include "src/reg.h"
#include "src/xmalloc.h"
#include "ui/ui.h"

#include "screen_play.h"

static struct db *db;
static struct config *cfg;

static void
setup(void)
{
    struct err e = {0};
    struct plan_load_stats st;

    cr_assert_not_null(setlocale(LC_ALL, "C.UTF-8"));
    cr_assert_eq(db_open(":memory:", DB_OPEN_CREATE, &db, &e), ERR_OK, "%s", e.msg);
    cr_assert_eq(plan_load(db, "测试", &st, &e), ERR_OK, "%s", e.msg);
    cfg = config_defaults();
    cr_assert_eq(config_set(cfg, "user:name", "王会计", &e), ERR_OK, "%s", e.msg);
    cr_assert_eq(config_set(cfg, "ui:color", "no", &e), ERR_OK, "%s", e.msg);
}

static void
teardown(void)
{
    db_close(db);
    config_free(cfg);
    msg_set_language("zh_CN");
}

TestSuite(ui_pilot, .init = setup, .fini = teardown, .timeout = 60);

/* Plays keys on the screen of cols x rows; returns its text. */
static char *
play(const char *keys, int cols, int rows)
{
    return screen_play(cfg, db, "2025-06-30", keys, cols, rows);
}

/* Masks the timestamps (when a record was entered or changed, by the
 * clock) in s, which differ from run to run. */
static void
mask_times(char *s)
{
    char *p;

    for (p = s; (p = strchr(p, 'T')) != NULL; p++) {
        if (p - s >= 10 && p[-3] == '-' && strlen(p) >= 10 && p[3] == ':' && p[6] == ':' &&
            p[9] == 'Z')
            memcpy(p - 10, "YYYY-MM-DDThh:mm:ss", 19);
    }
}

static void
golden(const char *name, const char *keys, int cols, int rows)
{
    char path[1024];
    const char *src = getenv("TUWEI_SOURCE_DIR");
    char *got, *want;
    FILE *f;

    cr_assert_not_null(src, "TUWEI_SOURCE_DIR is not set");
    got = play(keys, cols, rows);
    mask_times(got);
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

/* The stage the shipped project name stands at. */
static void
expect_stage(const char *name, const char *stage)
{
    struct pilot_rules r = {2, 1, 90};
    struct pilot_status s;
    struct err e = {0};
    char id[40];

    cr_assert_eq(reg_find(db, &reg_pilot_project, name, id, &e), ERR_OK, "%s", e.msg);
    cr_assert_eq(pilot_status_get(db, &r, "2025-06-30", id, &s, &e), ERR_OK, "%s", e.msg);
    cr_expect_str_eq(s.stages[s.cur].name, stage);
    pilot_status_free(&s);
}

/* To the projects view, on 噻虫胺工艺流程优化 (second in the list). */
#define SEVEN_DOWNS " <Down> <Down> <Down> <Down> <Down> <Down> <Down> " /* to 技术合同 */
#define TO_PROJECTS "4 v <Down> <Enter> <Down> "

Test(ui_pilot, the_board_says_where_each_project_is_and_what_holds_it)
{
    char *s = play("4", 80, 24);

    cr_expect(strstr(s, "视图：阶段看板") != NULL, "%s", s);
    cr_expect(strstr(s, "申请入驻              4      4    0    0") != NULL, "%s", s);
    cr_expect(strstr(s, "在办中试项目 4 个：4 个缺材料") != NULL, "%s", s);
    cr_expect(strstr(s, "噻虫胺工艺流程优化") != NULL, "%s", s);
    cr_expect(strstr(s, "缺：申请日期") != NULL, "%s", s);
    free(s);
}

Test(ui_pilot, a_gate_names_the_missing_item_and_offers_to_record_it)
{
    char *s = play(TO_PROJECTS "m <Enter>", 80, 24);

    cr_expect(strstr(s, "不能推进") != NULL, "%s", s);
    cr_expect(strstr(s, "\"申请入驻\"阶段还缺少：申请日期。补齐后才能进入") != NULL, "%s", s);
    free(s);
    expect_stage("噻虫胺工艺流程优化", "申请入驻");
}

Test(ui_pilot, recording_the_item_then_moving_on_through_two_stages)
{
    char *s = play(TO_PROJECTS "m <Enter> y 2025-06-02 <Enter>"     /* the missing item */
                               "m <Enter> <F2>"                     /* moved on, dated today */
                               "m <Down> <Enter> 2025-6-30 <Enter>" /* 受理日期, typed loosely */
                               "m <Enter> <F2>",
                   80, 24);

    cr_expect(strstr(s, "已进入\"专家评审\"") != NULL, "%s", s);
    cr_expect(strstr(s, "[缺少] 评审日期") != NULL, "%s", s);
    cr_expect(strstr(s, "2025-06-30  申请入驻 -> 园区受理  王会") != NULL, "history: %s", s);
    cr_expect(strstr(s, "2025-06-30  园区受理 -> 专家评审  王会") != NULL, "history: %s", s);
    free(s);
    expect_stage("噻虫胺工艺流程优化", "专家评审");
}

Test(ui_pilot, a_refused_move_keeps_the_form_and_says_why)
{
    char *s =
        play(TO_PROJECTS "m <Enter> y 2025-06-02 <Enter> m <Enter> <C-u> 2025-07-09 <F2>", 80, 24);

    cr_expect(strstr(s, "推进到\"园区受理\"") != NULL, "the form is still open: %s", s);
    cr_expect(strstr(s, "晚于今天") != NULL, "%s", s);
    free(s);
    expect_stage("噻虫胺工艺流程优化", "申请入驻");
}

Test(ui_pilot, a_registry_form_keeps_what_was_typed_under_the_message)
{
    char *s = play("4 v" SEVEN_DOWNS "<Enter> a 粉煤灰提铝技术开发合同 <Tab> <Right> <Tab>"
                   "碳中和研究院 <Tab> 蒙泰铝业 <Tab> 150万 <Tab> 200万 <F2>",
                   80, 24);

    cr_expect(strstr(s, "新增技术合同") != NULL, "%s", s);
    cr_expect(strstr(s, "技术性收入不能超过合同金额") != NULL, "%s", s);
    cr_expect(strstr(s, "粉煤灰提铝技术开发合同") != NULL, "kept: %s", s);
    free(s);
}

Test(ui_pilot, a_saved_contract_shows_in_its_list_in_wan_yuan)
{
    char *s = play("4 v" SEVEN_DOWNS "<Enter> a 粉煤灰提铝技术开发合同 <Tab> <Right> <Tab>"
                   "碳中和研究院 <Tab> 蒙泰铝业 <Tab> 150万 <Tab> 120000 <F2>",
                   80, 24);

    cr_expect(strstr(s, "已保存技术合同") != NULL, "%s", s);
    cr_expect(strstr(s, "技术合同（1）") != NULL, "%s", s);
    cr_expect(strstr(s, "150万元") != NULL, "%s", s);
    cr_expect(strstr(s, "12万元") != NULL, "%s", s);
    free(s);
}

Test(ui_pilot, every_view_opens)
{
    static const char *const titles[] = {"阶段看板", "中试项目", "中试基地", "科技项目",
                                         "科技成果", "技术需求", "成果对接", "技术合同",
                                         "校企合作", "创新平台", "人才引育", "保障措施"};
    char keys[256], want[64], *s;
    size_t i, k;

    for (i = 0; i < sizeof titles / sizeof titles[0]; i++) {
        snprintf(keys, sizeof keys, "4 v");
        for (k = 0; k < i; k++)
            strcat(keys, " <Down>");
        strcat(keys, " <Enter>");
        s = play(keys, 80, 24);
        snprintf(want, sizeof want, "视图：%s", titles[i]);
        cr_expect(strstr(s, want) != NULL, "%s: %s", titles[i], s);
        free(s);
    }
}

Test(ui_pilot, project_view_shows_the_targets_it_feeds)
{
    char *s = play("4 v <Down> <Down> <Down> <Enter>", 80, 24);

    cr_expect(strstr(s, "市级科技计划项目 0/3") != NULL, "%s", s);
    free(s);
}

Test(ui_pilot, delete_archives_and_the_menu_shows_deleted_records)
{
    char *s = play("4 v <Down> <Down> <Enter> <Delete> y", 80, 24);

    cr_expect(strstr(s, "中试基地（2）") != NULL, "%s", s);
    free(s);
    s = play("4 v <Down> <Down> <Enter> m <End> <Enter>", 80, 24);
    cr_expect(strstr(s, "（已删除的记录）") != NULL, "%s", s);
    cr_expect(strstr(s, "中试基地（1）") != NULL, "%s", s);
    free(s);
}

Test(ui_pilot, golden_board_80x24)
{
    golden("pilot_board_80x24", "4", 80, 24);
}

Test(ui_pilot, golden_views_80x24)
{
    golden("pilot_views_80x24", "4 v", 80, 24);
}

Test(ui_pilot, golden_gate_80x24)
{
    golden("pilot_gate_80x24", TO_PROJECTS "m <Enter>", 80, 24);
}

Test(ui_pilot, golden_menu_80x24)
{
    golden("pilot_menu_80x24", TO_PROJECTS "m", 80, 24);
}

Test(ui_pilot, golden_project_120x40)
{
    golden("pilot_project_120x40", TO_PROJECTS, 120, 30);
}

Test(ui_pilot, golden_english_board_80x24)
{
    struct err e = {0};

    cr_assert_eq(config_set(cfg, "ui:language", "en", &e), ERR_OK, "%s", e.msg);
    golden("pilot_board_en_80x24", "4", 80, 24);
}

Test(ui_pilot, every_registry_label_is_in_both_languages)
{
    const struct reg_def *d;
    char key[128];
    const char *zh;
    size_t i, f;

    for (i = 0; (d = reg_defs[i]) != NULL; i++) {
        snprintf(key, sizeof key, "reg.title.%s", d->name);
        cr_expect_str_eq(msg_lookup(key, "zh_CN") ? msg_lookup(key, "zh_CN") : "", d->title, "%s",
                         key);
        cr_expect_not_null(msg_lookup(key, "en"), "%s", key);
        for (f = 0; f < d->shape.ncols; f++) {
            snprintf(key, sizeof key, "reg.%s.%s", d->name, d->fields[f].key);
            zh = msg_lookup(key, "zh_CN");
            cr_expect_str_eq(zh ? zh : "", d->fields[f].label, "%s", key);
            cr_expect_not_null(msg_lookup(key, "en"), "%s", key);
        }
        for (f = 0; f < d->nlinks; f++) {
            snprintf(key, sizeof key, "reg.%s.%s", d->name, d->links[f].key);
            zh = msg_lookup(key, "zh_CN");
            cr_expect_str_eq(zh ? zh : "", d->links[f].label, "%s", key);
        }
    }
}

Test(ui_pilot, a_registry_list_sorts_by_a_field_and_back)
{
    struct reg_input in = {0};
    struct err e = {0};
    const char *titles[] = {"甲合同", "乙合同", "丙合同"}, *amounts[] = {"30万", "10万", "20万"};
    char *s, *a, *b, *c;
    int i;

    for (i = 0; i < 3; i++) {
        memset(&in, 0, sizeof in);
        in.val[0] = titles[i];
        in.val[1] = "技术开发";
        in.val[2] = "甲方";
        in.val[3] = "乙方";
        in.val[4] = amounts[i];
        cr_assert_eq(reg_save(db, "王会计", &reg_contract, NULL, &in, NULL, &e), ERR_OK, "%s",
                     e.msg);
    }
    /* 排序 is the fourth item of the menu; 合同金额 is hidden at 80 columns, so
     * sort by 合同名称 (the first field), then again to reverse. */
    s = play("4 v" SEVEN_DOWNS "<Enter> m <Down> <Down> <Down> <Enter> <Down> <Enter>", 80, 24);
    a = strstr(s, "丙合同");
    b = strstr(s, "乙合同");
    c = strstr(s, "甲合同");
    cr_assert(a && b && c, "%s", s);
    cr_expect(a < c && c < b, "by name, in pinyin order (bing, jia, yi): %s", s);
    cr_expect(strstr(s, "按合同名称排序（从小到大）") != NULL, "%s", s);
    free(s);
}
