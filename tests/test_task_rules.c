/*
 * test_task_rules.c — overdue and stale on fixed dates, decided for one
 * task (src/task_rules.c) and by the list filters and tallies (db/), which
 * must always agree.
 */
#include <criterion/criterion.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "db/db.h"
#include "db/task.h"
#include "src/date.h"
#include "src/milestone.h"
#include "src/plan_load.h"
#include "src/progress.h"
#include "src/task.h"
#include "src/task_rules.h"

#define TODAY "2025-06-15"

static struct db *db;

static void
setup(void)
{
    struct err e = {0};

    setlocale(LC_ALL, "C.UTF-8");
    cr_assert_eq(db_open(":memory:", DB_OPEN_CREATE, &db, &e), ERR_OK, "%s", e.msg);
    cr_assert_eq(plan_load(db, "载入", NULL, &e), ERR_OK, "%s", e.msg);
}

static void
teardown(void)
{
    db_close(db);
}

TestSuite(rules, .init = setup, .fini = teardown);

/* Adds a test task under action 3 (lead 旗林草局); returns its key in id. */
static void
add(const char *title, const char *start, const char *due, const char *status, char id[DB_TASK_ID])
{
    struct task_input in = {.action = "3", .lead = "旗林草局"};
    struct err e = {0};

    in.title = title;
    in.start_date = start;
    in.due_date = due;
    in.status = status;
    cr_assert_eq(task_add(db, "测试", &in, id, &e), ERR_OK, "%s: %s", title, e.msg);
}

static void
report(const char *task, const char *date, char id[DB_TASK_ID])
{
    struct progress_input in = {.progress = "按计划推进"};
    struct err e = {0};

    in.report_date = date;
    cr_assert_eq(progress_add(db, "测试", TODAY, task, &in, id, &e), ERR_OK, "%s", e.msg);
}

/* Both ways of deciding: the rule on the task read, and the list filter. */
static void
expect_rules(const char *id, const char *today, int overdue, int stale, const char *what)
{
    struct db_task_rules r;
    struct db_task_query q;
    struct db_task t;
    struct db_task_item *items;
    size_t n, i;
    int in_overdue = 0, in_stale = 0;
    struct err e = {0};

    task_rules_init(&r, today, 30);
    cr_assert_eq(db_task_get(db, id, &t, &e), ERR_OK);
    cr_expect_eq(task_rules_overdue(&t, &r), overdue, "%s: overdue on %s", what, today);
    cr_expect_eq(task_rules_stale(&t, &r), stale, "%s: stale on %s", what, today);
    memset(&q, 0, sizeof q);
    q.rules = r;
    q.action_id = t.action_id;
    q.overdue = 1;
    cr_assert_eq(db_task_page(db, &q, 0, 1000, &items, &n, &e), ERR_OK, "%s", e.msg);
    for (i = 0; i < n; i++)
        in_overdue += strcmp(items[i].id, id) == 0;
    db_task_items_free(items, n);
    q.overdue = 0;
    q.stale = 1;
    cr_assert_eq(db_task_page(db, &q, 0, 1000, &items, &n, &e), ERR_OK, "%s", e.msg);
    for (i = 0; i < n; i++) {
        if (strcmp(items[i].id, id) == 0) {
            in_stale = 1;
            cr_expect_eq(items[i].overdue, overdue, "%s: the row's overdue mark", what);
        }
    }
    db_task_items_free(items, n);
    cr_expect_eq(in_overdue, overdue, "%s: the overdue filter on %s", what, today);
    cr_expect_eq(in_stale, stale, "%s: the stale filter on %s", what, today);
    db_task_free(&t);
}

Test(rules, stale_before_is_thirty_days_back)
{
    struct db_task_rules r;

    task_rules_init(&r, "2025-03-15", 30);
    cr_expect_str_eq(r.today, "2025-03-15");
    cr_expect_str_eq(r.stale_before, "2025-02-13");
    task_rules_init(&r, "2025-03-01", 1);
    cr_expect_str_eq(r.stale_before, "2025-02-28");
}

Test(rules, overdue_by_due_date)
{
    char id[DB_TASK_ID];

    add("截止日期测试", "2025-06-01", "2025-06-14", NULL, id);
    expect_rules(id, "2025-06-14", 0, 0, "due today");
    expect_rules(id, TODAY, 1, 0, "due yesterday");
}

Test(rules, done_tasks_are_never_late)
{
    char id[DB_TASK_ID];

    add("已完成测试", "2025-01-01", "2025-02-01", "已完成", id);
    expect_rules(id, TODAY, 0, 0, "done");
    add("暂停测试", "2025-01-01", "2025-02-01", "暂停", id);
    expect_rules(id, TODAY, 1, 1, "paused still counts");
}

Test(rules, overdue_by_an_undone_milestone)
{
    char id[DB_TASK_ID], m[DB_TASK_ID];
    struct milestone_input in = {.title = "完成样机", .due_date = "2025-06-01"};
    struct err e = {0};

    add("里程碑测试", "2025-06-01", "2025-12-31", NULL, id);
    cr_assert_eq(milestone_add(db, "测试", TODAY, id, &in, m, &e), ERR_OK, "%s", e.msg);
    expect_rules(id, "2025-06-01", 0, 0, "milestone due today");
    expect_rules(id, "2025-06-02", 1, 0, "milestone passed");
    cr_assert_eq(milestone_done(db, "测试", TODAY, m, "2025-06-05", 0, &e), ERR_OK, "%s", e.msg);
    expect_rules(id, TODAY, 0, 0, "milestone done");
    cr_assert_eq(milestone_done(db, "测试", TODAY, m, NULL, 1, &e), ERR_OK);
    expect_rules(id, TODAY, 1, 0, "milestone undone again");
    cr_assert_eq(milestone_archive(db, "测试", m, &e), ERR_OK);
    expect_rules(id, TODAY, 0, 0, "milestone deleted");
}

Test(rules, stale_counts_from_the_start_without_reports)
{
    char a[DB_TASK_ID], b[DB_TASK_ID], c[DB_TASK_ID];

    add("开始日期甲", "2025-05-15", NULL, NULL, a); /* 31 days before TODAY */
    add("开始日期乙", "2025-05-16", NULL, NULL, b); /* 30 days */
    add("开始日期丙", "2025-07-01", NULL, NULL, c); /* not begun */
    expect_rules(a, TODAY, 0, 1, "31 days since start");
    expect_rules(b, TODAY, 0, 0, "30 days since start");
    expect_rules(c, TODAY, 0, 0, "starts later");
}

Test(rules, stale_counts_from_creation_without_start_or_reports)
{
    char id[DB_TASK_ID], created[DB_TASK_DATE], day30[DB_TASK_DATE], day31[DB_TASK_DATE];
    struct db_task t;
    struct err e = {0};

    add("无开始日期", NULL, NULL, NULL, id);
    cr_assert_eq(db_task_get(db, id, &t, &e), ERR_OK);
    snprintf(created, sizeof created, "%.10s", t.created_at);
    db_task_free(&t);
    date_add_days(created, 30, day30);
    date_add_days(created, 31, day31);
    expect_rules(id, day30, 0, 0, "30 days since entered");
    expect_rules(id, day31, 0, 1, "31 days since entered");
}

Test(rules, a_report_resets_stale_and_its_deletion_brings_it_back)
{
    char id[DB_TASK_ID], old[DB_TASK_ID], fresh[DB_TASK_ID];
    const char *what;
    struct err e = {0};

    add("报送测试", "2025-01-01", NULL, NULL, id);
    expect_rules(id, TODAY, 0, 1, "never reported");
    report(id, "2025-05-10", old);
    expect_rules(id, TODAY, 0, 1, "last report 36 days ago");
    report(id, "2025-06-01", fresh);
    expect_rules(id, TODAY, 0, 0, "reported two weeks ago");
    cr_assert_eq(progress_archive(db, "测试", fresh, &e), ERR_OK);
    expect_rules(id, TODAY, 0, 1, "the fresh report deleted");
    cr_assert_eq(task_restore(db, "测试", fresh, &what, &e), ERR_OK, "%s", e.msg);
    cr_expect_str_eq(what, "进展报送");
    expect_rules(id, TODAY, 0, 0, "the report restored");
}

Test(rules, archived_tasks_leave_lists_and_tallies)
{
    char id[DB_TASK_ID];
    struct db_task_rules r;
    struct db_task_tally *t;
    struct db_task_query q;
    size_t n;
    long before, after, count;
    struct err e = {0};

    task_rules_init(&r, TODAY, 30);
    add("归档测试", "2025-01-01", "2025-02-01", NULL, id);
    cr_assert_eq(db_task_tally_actions(db, &r, &t, &n, &e), ERR_OK);
    cr_assert_eq(n, 7);
    before = t[2].total;
    cr_expect_eq(t[2].overdue, 1);
    db_task_tallies_free(t, n);
    cr_assert_eq(task_archive(db, "测试", id, &e), ERR_OK);
    cr_assert_eq(db_task_tally_actions(db, &r, &t, &n, &e), ERR_OK);
    after = t[2].total;
    cr_expect_eq(t[2].overdue, 0);
    db_task_tallies_free(t, n);
    cr_expect_eq(after, before - 1);
    memset(&q, 0, sizeof q);
    q.rules = r;
    q.archived = 1;
    cr_assert_eq(db_task_count(db, &q, &count, &e), ERR_OK);
    cr_expect_eq(count, 1, "the archived list holds it");
}

Test(rules, tallies_count_by_action_status_and_unit)
{
    struct db_task_rules r;
    struct db_task_tally *t;
    size_t n, i;
    char id[DB_TASK_ID];
    struct err e = {0};

    task_rules_init(&r, TODAY, 30);
    add("甲", "2025-01-01", "2025-03-01", NULL, id); /* overdue and stale */
    add("乙", "2025-06-01", NULL, "推进中", id);
    cr_assert_eq(db_task_tally_actions(db, &r, &t, &n, &e), ERR_OK);
    cr_expect_eq(t[2].no, 3);
    cr_expect_eq(t[2].total, 5);
    cr_expect_eq(t[2].by_status[0], 4, "未启动");
    cr_expect_eq(t[2].by_status[1], 1, "推进中");
    cr_expect_eq(t[2].overdue, 1);
    cr_expect_eq(t[2].stale, 1);
    cr_expect_eq(t[0].total, 11);
    db_task_tallies_free(t, n);
    cr_assert_eq(db_task_tally_units(db, &r, &t, &n, &e), ERR_OK);
    cr_assert_eq(n, 13);
    cr_expect_str_eq(t[0].name, "旗林草局", "the late unit comes first");
    cr_expect_eq(t[0].lead, 2);
    cr_expect_eq(t[0].co, 3);
    for (i = 1; i < n; i++)
        cr_expect_eq(t[i].overdue, 0);
    db_task_tallies_free(t, n);
}

Test(rules, list_filters_sorts_and_searches)
{
    struct db_task_query q;
    struct db_task_item *it;
    char id[DB_TASK_ID], unit[DB_TASK_ID], name[64];
    size_t n;
    long count;
    struct err e = {0};

    add("乙 排序测试", "2025-06-01", "2025-09-01", NULL, id);
    add("甲 排序测试", "2025-01-01", "2025-03-01", NULL, id);
    memset(&q, 0, sizeof q);
    task_rules_init(&q.rules, TODAY, 30);
    cr_assert_eq(db_unit_lookup(db, "旗林草局", unit, name, sizeof name, &e), ERR_OK);
    q.unit_id = unit;
    q.sort = DB_TASK_SORT_LATE;
    cr_assert_eq(db_task_count(db, &q, &count, &e), ERR_OK);
    cr_expect_eq(count, 5, "three shared, two led");
    cr_assert_eq(db_task_page(db, &q, 0, 2, &it, &n, &e), ERR_OK);
    cr_assert_eq(n, 2);
    cr_expect_str_eq(it[0].id, id, "the overdue one first");
    cr_expect(it[0].lead);
    cr_expect_str_eq(it[0].lead_unit, "旗林草局");
    db_task_items_free(it, n);
    q.unit_id = NULL;
    q.search = "排序测试"; /* four characters: the trigram index */
    cr_assert_eq(db_task_count(db, &q, &count, &e), ERR_OK);
    cr_expect_eq(count, 2);
    q.search = "氢能"; /* two characters: a scan (tasks 1.1 and 1.2) */
    cr_assert_eq(db_task_count(db, &q, &count, &e), ERR_OK);
    cr_expect_eq(count, 2);
    q.search = "\"氢能\" OR x"; /* quotes and operators are text, not syntax */
    cr_assert_eq(db_task_count(db, &q, &count, &e), ERR_OK, "%s", e.msg);
    cr_expect_eq(count, 0);
    q.search = NULL;
    q.sort = DB_TASK_SORT_DUE;
    cr_assert_eq(db_task_page(db, &q, 0, 1, &it, &n, &e), ERR_OK);
    cr_expect_str_eq(it[0].due_date, "2025-03-01", "the earliest due date first");
    db_task_items_free(it, n);
}
