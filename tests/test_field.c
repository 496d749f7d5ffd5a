/* test_field.c — typed text is UTF-8 without control characters before it is stored. */
#include <criterion/criterion.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "db/db.h"
#include "db/enterprise.h"
#include "src/enterprise.h"
#include "src/field.h"
#include "src/plan_load.h"
#include "src/progress.h"
#include "src/task.h"

Test(field, plain_chinese_and_mixed_text_passes)
{
    struct err e = {0};

    cr_expect_eq(field_check_text("t", "名称", "氢能 R&D 示范（一期）", 0, &e), ERR_OK);
    cr_expect_eq(field_check_text("t", "名称", NULL, 0, &e), ERR_OK);
    cr_expect_eq(field_check_text("t", "名称", "", 0, &e), ERR_OK);
    cr_expect_eq(
        field_check_text("t", "说明", "第一行\n第二行\t缩进", FIELD_MULTILINE | FIELD_TABS, &e),
        ERR_OK);
}

Test(field, gbk_bytes_are_refused_naming_the_field)
{
    struct err e = {0};

    /* "达拉特" in GBK: not UTF-8. */
    cr_expect_eq(field_check_text("title", "任务名称", "\xb4\xef\xc0\xad\xcc\xd8", 0, &e),
                 ERR_INVALID);
    cr_expect_str_eq(e.field, "title");
    cr_expect(strstr(e.msg, "任务名称") && strstr(e.msg, "UTF-8"), "%s", e.msg);
}

Test(field, control_characters_and_line_breaks_follow_the_flags)
{
    struct err e = {0};

    cr_expect_eq(field_check_text("t", "名称", "a\tb", 0, &e), ERR_INVALID);
    cr_expect(strstr(e.msg, "制表符") != NULL, "%s", e.msg);
    cr_expect_eq(field_check_text("t", "名称", "a\nb", 0, &e), ERR_INVALID);
    cr_expect(strstr(e.msg, "只能写一行") != NULL, "%s", e.msg);
    cr_expect_eq(field_check_text("t", "名称", "a\x1b[31mb", FIELD_MULTILINE | FIELD_TABS, &e),
                 ERR_INVALID, "an escape sequence would repaint a clerk's screen");
    cr_expect_eq(field_check_text("t", "名称", "a\x7f", FIELD_MULTILINE, &e), ERR_INVALID);
}

/* The task and progress writes refuse damaged text and store nothing. */
Test(field, task_and_report_writes_refuse_damaged_text)
{
    struct db *db = NULL;
    struct err e = {0};
    char id[DB_TASK_ID];
    struct task_input ti = {.action = "1", .title = "x\xffy", .lead = "旗能源局"};
    struct progress_input pi = {.progress = "完成样机\x01调试"};
    long long before;

    cr_assert_eq(db_open(":memory:", DB_OPEN_CREATE, &db, &e), ERR_OK);
    cr_assert_eq(plan_load(db, "测试", NULL, &e), ERR_OK, "%s", e.msg);
    before = db_changelog_count(db);
    cr_expect_eq(task_add(db, "王科员", &ti, id, &e), ERR_INVALID);
    cr_expect_str_eq(e.field, "title");
    ti.title = "制氢样机";
    ti.body = "说明\xc0";
    cr_expect_eq(task_add(db, "王科员", &ti, id, &e), ERR_INVALID);
    cr_expect_str_eq(e.field, "body");
    cr_expect_eq(db_changelog_count(db), before, "nothing was written");
    ti.body = "说明";
    cr_assert_eq(task_add(db, "王科员", &ti, id, &e), ERR_OK, "%s", e.msg);
    cr_expect_eq(progress_add(db, "王科员", "2025-06-30", id, &pi, id, &e), ERR_INVALID);
    cr_expect_str_eq(e.field, "progress");
    db_close(db);
}

/* The enterprise register refuses a GBK-damaged name the same way. */
Test(field, enterprise_names_refuse_damaged_text)
{
    struct db *db = NULL;
    struct err e = {0};
    long long before;

    cr_assert_eq(db_open(":memory:", DB_OPEN_CREATE, &db, &e), ERR_OK);
    cr_assert_eq(plan_load(db, "测试", NULL, &e), ERR_OK, "%s", e.msg);
    before = db_changelog_count(db);
    struct db_enterprise x = {0};
    x.name = strdup("e\xffz");
    cr_expect_eq(enterprise_save(db, "王科员", &x, 0, &e), ERR_INVALID);
    db_ent_free(&x);
    cr_expect_str_eq(e.field, "name");
    cr_expect_eq(db_changelog_count(db), before);
    db_close(db);
}
