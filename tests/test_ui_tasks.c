/*
 * test_ui_tasks.c — the 七大行动 screen played headless on the shipped plan
 * with a few tasks made late: counts, marks and filters a supervisor
 * reads, the per-unit view, and the forms (adding a task, a refused unit,
 * a monthly report in a handful of keys, deleting and restoring).
 */
#include <criterion/criterion.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db/db.h"
#include "db/task.h"
#include "src/config.h"
#include "src/msg.h"
#include "src/plan_load.h"
#include "src/progress.h"
#include "src/task.h"
#include "src/xmalloc.h"
#include "ui/ui.h"

#include "screen_play.h"

#define TODAY "2025-06-30"

static struct db *db;
static struct config *cfg;

/* Makes 6.5 overdue (due in May; started in April and never reported, so
 * stale too) and 6.6 stale (started in March, never reported). */
static void
setup(void)
{
    struct task_input late = {.due_date = "2025-05-31", .start_date = "2025-04-01"};
    struct task_input stale = {.start_date = "2025-03-01"};
    char id[DB_TASK_ID];
    struct err e = {0};

    cr_assert_not_null(setlocale(LC_ALL, "C.UTF-8"));
    cr_assert_eq(db_open(":memory:", DB_OPEN_CREATE, &db, &e), ERR_OK, "%s", e.msg);
    cr_assert_eq(plan_load(db, "测试", NULL, &e), ERR_OK, "%s", e.msg);
    cfg = config_defaults();
    cr_assert_eq(config_set(cfg, "user:name", "李四", &e), ERR_OK, "%s", e.msg);
    cr_assert_eq(config_set(cfg, "ui:color", "no", &e), ERR_OK, "%s", e.msg);
    cr_assert_eq(task_find(db, "6.5", id, &e), ERR_OK);
    cr_assert_eq(task_update(db, "测试", id, &late, &e), ERR_OK, "%s", e.msg);
    cr_assert_eq(task_find(db, "6.6", id, &e), ERR_OK);
    cr_assert_eq(task_update(db, "测试", id, &stale, &e), ERR_OK, "%s", e.msg);
}

static void
teardown(void)
{
    db_close(db);
    config_free(cfg);
}

TestSuite(ui_tasks, .init = setup, .fini = teardown, .timeout = 60);

/* Plays keys at cols x rows; returns the last screen (the caller frees it). */
static char *
play(const char *keys, int cols, int rows)
{
    return screen_play(cfg, db, TODAY, keys, cols, rows);
}

static void
expect_on(const char *screen, const char *text)
{
    cr_expect(strstr(screen, text) != NULL, "\"%s\" is not on the screen:\n%s", text, screen);
}

static void
expect_off(const char *screen, const char *text)
{
    cr_expect(strstr(screen, text) == NULL, "\"%s\" should not be on the screen:\n%s", text,
              screen);
}

/* The status of task ref, as stored. */
static void
expect_status(const char *ref, const char *status)
{
    char id[DB_TASK_ID];
    struct db_task t;
    struct err e = {0};

    cr_assert_eq(task_find(db, ref, id, &e), ERR_OK, "%s", e.msg);
    cr_assert_eq(db_task_get(db, id, &t, &e), ERR_OK);
    cr_expect_str_eq(t.status, status, "task %s", ref);
    db_task_free(&t);
}

Test(ui_tasks, the_actions_count_overdue_and_stale)
{
    char *s = play("2 <Down><Down><Down><Down><Down>", 80, 24);

    expect_on(s, "6 科技成果应用转化行动        8    1    2");
    expect_on(s, "逾期：    1");
    expect_on(s, "久未报送：2");
    free(s);
}

Test(ui_tasks, the_task_list_marks_and_filters_the_late)
{
    char *s = play("2 <Down><Down><Down><Down><Down> <Enter>", 100, 30);

    expect_on(s, "6 科技成果应用转化行动（8）");
    expect_on(s, "6.5 噻虫胺工艺.. 未启动 逾期 2025-05-31");
    expect_on(s, "6.6 双酚A型二..  未启动 未报");
    free(s);
    s = play("2 <Down><Down><Down><Down><Down> <Enter> v <Down> <Enter>", 100, 30);
    expect_on(s, "6 科技成果应用转化行动 / 逾期（1）");
    expect_on(s, "已逾期：截止日期 2025-05-31");
    expect_off(s, "6.6 ");
    free(s);
    s = play("2 <Down><Down><Down><Down><Down> <Enter> v <Down><Down> <Enter> <Down>", 100, 30);
    expect_on(s, "6 科技成果应用转化行动 / 久未报送（2）");
    expect_on(s, "6.6 双酚A型二醚二酐");
    expect_on(s, "已 121 天未报送进展（尚无报送，自");
    free(s);
}

Test(ui_tasks, the_unit_view_puts_late_units_and_tasks_first)
{
    char *s = play("2 v", 100, 30);

    expect_on(s, "责任单位（13）");
    /* The development zone leads 6.5 and 6.6: first, with one of each. */
    expect_on(s, "达拉特经济开发区管委会           31    4    1    2");
    free(s);
    s = play("2 v <Enter>", 100, 30);
    expect_on(s, "达拉特经济开发区管委会（35）");
    cr_expect(strstr(s, "6.5 噻虫胺") < strstr(s, "6.6 双酚A") &&
                  strstr(s, "6.6 双酚A") < strstr(s, "1.1 氢能"),
              "overdue, then stale, then the others:\n%s", s);
    free(s);
}

Test(ui_tasks, a_monthly_report_takes_four_keys_besides_the_text)
{
    char *s = play("2 / 青贮玉米 <Enter> r 完成示范田播种 <F2>", 80, 24);

    expect_on(s, "进展已报送。");
    expect_on(s, "推进中");
    expect_status("2.1", "推进中");
    free(s);
}

Test(ui_tasks, a_bad_unit_or_date_is_refused_at_its_field)
{
    char *s = play("2 a 新建示范基地 <Tab> 旗教育局 <Tab>", 80, 24);

    expect_on(s, "没有名为\"旗教育局\"的责任单位");
    free(s);
    s = play("2 a 新建示范基地 <Tab> 能源局 <Tab> <Tab> 2025-6-31 <F2>", 80, 24);
    expect_on(s, "是否指\"旗能源局\"");
    free(s);
    s = play("2 a 新建示范基地 <Tab> 旗能源局 <Tab> <Tab> 2025-7-1 <Tab> 2025-06-30 <F2>", 80, 24);
    expect_on(s, "截止日期（2025-06-30）不能早于开始日期（2025-07-01）。");
    expect_on(s, "新建示范基地");
    free(s);
}

Test(ui_tasks, adding_deleting_and_restoring_a_task)
{
    char id[DB_TASK_ID];
    struct err e = {0};
    char *s = play("2 a 新建示范基地 <Tab> 旗能源局 <F2>", 80, 24);

    expect_on(s, "任务已新增。");
    free(s);
    cr_assert_eq(task_find(db, "1.12", id, &e), ERR_OK, "%s", e.msg);
    s = play("2 <Enter> <End> <Delete> y", 80, 24);
    expect_on(s, "任务已删除");
    expect_off(s, "1.12 新建");
    free(s);
    s = play("2 <Enter> v <End> <Enter> m <Enter>", 80, 24);
    expect_on(s, "已恢复。");
    free(s);
    s = play("2 <Enter> <End>", 80, 24);
    expect_on(s, "1.12 新建示范基地");
    free(s);
}
