/*
 * test_progress.c — monthly progress reports and milestones: defaults,
 * checks with a Chinese message at the field, the task changes a report
 * brings, deleting and restoring, and the change log of every write.
 */
#include <criterion/criterion.h>
#include <locale.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include "db/db.h"
#include "db/db_priv.h"
#include "db/task.h"
#include "src/milestone.h"
#include "src/plan_load.h"
#include "src/progress.h"
#include "src/task.h"
#include "src/task_history.h"

#define TODAY "2025-06-15"

static struct db *db;
static char task[DB_TASK_ID];

static void
setup(void)
{
    struct err e = {0};

    setlocale(LC_ALL, "C.UTF-8");
    cr_assert_eq(db_open(":memory:", DB_OPEN_CREATE, &db, &e), ERR_OK, "%s", e.msg);
    cr_assert_eq(plan_load(db, "载入", NULL, &e), ERR_OK, "%s", e.msg);
    cr_assert_eq(task_find(db, "2.1", task, &e), ERR_OK);
}

static void
teardown(void)
{
    db_close(db);
}

TestSuite(progress, .init = setup, .fini = teardown);

/* Change-log rows after seq for table tbl with op by user. */
static long
log_count(long long after, const char *tbl, const char *op, const char *user)
{
    sqlite3_stmt *st;
    long n = -1;

    sqlite3_prepare_v2(db_handle(db),
                       "SELECT count(*) FROM change_log WHERE seq > ?1 AND tbl = ?2 AND op = ?3"
                       " AND user = ?4",
                       -1, &st, NULL);
    sqlite3_bind_int64(st, 1, after);
    sqlite3_bind_text(st, 2, tbl, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, op, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, user, -1, SQLITE_STATIC);
    if (sqlite3_step(st) == SQLITE_ROW)
        n = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    return n;
}

static long long
log_last(void)
{
    sqlite3_stmt *st;
    long long seq = 0;

    sqlite3_prepare_v2(db_handle(db), "SELECT coalesce(max(seq), 0) FROM change_log", -1, &st,
                       NULL);
    if (sqlite3_step(st) == SQLITE_ROW)
        seq = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return seq;
}

Test(progress, defaults_come_from_today_the_task_and_the_user)
{
    struct progress_defaults d;
    struct err e = {0};

    cr_assert_eq(progress_defaults(db, task, "孙八", "", TODAY, &d, &e), ERR_OK);
    cr_expect_str_eq(d.period, "2025-06");
    cr_expect_str_eq(d.report_date, TODAY);
    cr_expect_str_eq(d.unit, "旗农牧局", "the lead unit");
    cr_expect_str_eq(d.person, "孙八");
    cr_expect_str_eq(d.status, "推进中", "a task still 未启动 starts with its first report");
    cr_assert_eq(progress_defaults(db, task, "孙八", "旗水利局", TODAY, &d, &e), ERR_OK);
    cr_expect_str_eq(d.unit, "旗水利局", "the user's own unit when it shares the task");
    cr_assert_eq(progress_defaults(db, task, "孙八", "旗林草局", TODAY, &d, &e), ERR_OK);
    cr_expect_str_eq(d.unit, "旗农牧局", "not a unit of this task");
}

Test(progress, a_first_report_starts_the_task)
{
    struct progress_input in = {.progress = "完成真金286示范田播种1200亩。",
                                .problems = "春季干旱",
                                .next_steps = "做好田间管理"};
    char id[DB_TASK_ID];
    struct db_task t;
    struct db_report r;
    long long before = log_last();
    struct err e = {0};

    cr_assert_eq(progress_add(db, "孙八", TODAY, task, &in, id, &e), ERR_OK, "%s", e.msg);
    cr_assert_eq(db_report_get(db, id, &r, &e), ERR_OK);
    cr_expect_str_eq(r.period, "2025-06");
    cr_expect_str_eq(r.report_date, TODAY);
    cr_expect_str_eq(r.unit, "旗农牧局");
    cr_expect_str_eq(r.person, "孙八");
    cr_expect_str_eq(r.problems, "春季干旱");
    db_report_free(&r);
    cr_assert_eq(db_task_get(db, task, &t, &e), ERR_OK);
    cr_expect_str_eq(t.status, "推进中");
    cr_expect_str_eq(t.report_last, TODAY);
    db_task_free(&t);
    cr_expect_eq(log_count(before, "task_report", "insert", "孙八"), 1);
    cr_expect_eq(log_count(before, "task", "update", "孙八"), 2, "the status and the cache");
}

Test(progress, a_report_may_finish_the_task)
{
    struct progress_input in = {.progress = "通过验收",
                                .status = "已完成",
                                .period = "2025-5",
                                .report_date = "2025/6/3",
                                .unit = "旗商务和投促中心",
                                .person = "周九"};
    char id[DB_TASK_ID];
    struct db_task t;
    struct db_report r;
    struct err e = {0};

    cr_assert_eq(progress_add(db, "孙八", TODAY, task, &in, id, &e), ERR_OK, "%s", e.msg);
    cr_assert_eq(db_task_get(db, task, &t, &e), ERR_OK);
    cr_expect_str_eq(t.status, "已完成");
    cr_expect_eq(t.percent, 100);
    db_task_free(&t);
    cr_assert_eq(db_report_get(db, id, &r, &e), ERR_OK);
    cr_expect_str_eq(r.period, "2025-05");
    cr_expect_str_eq(r.report_date, "2025-06-03");
    cr_expect_str_eq(r.unit, "旗商务和投资促进中心", "an alias is stored as its unit");
    cr_expect_str_eq(r.person, "周九");
    db_report_free(&r);
}

Test(progress, refusals_name_the_field)
{
    static const struct {
        struct progress_input in;
        const char *field, *msg;
    } bad[] = {
        {{.progress = "  "}, "progress", "请填写进展情况"},
        {{.progress = "x", .report_date = "2025-06-16"}, "report_date", "不能晚于今天"},
        {{.progress = "x", .report_date = "2025-02-30"}, "report_date", "2025年2月没有30日"},
        {{.progress = "x", .period = "2025-07"}, "period", "不能晚于报送日期所在的月份"},
        {{.progress = "x", .period = "2025-13"}, "period", "13 月不存在"},
        {{.progress = "x", .unit = "旗财政局"}, "unit", "没有名为“旗财政局”的责任单位"},
        {{.progress = "x", .percent = "-5"}, "percent", "超出范围"},
        {{.progress = "x", .status = "差不多了"}, "status", "没有“差不多了”这个状态"},
    };
    long long before = log_last();
    size_t i;

    for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        struct err e = {0};

        cr_expect_eq(progress_add(db, "孙八", TODAY, task, &bad[i].in, NULL, &e), ERR_INVALID,
                     "case %zu", i);
        cr_expect_str_eq(e.field, bad[i].field, "case %zu: %s", i, e.msg);
        cr_expect(strstr(e.msg, bad[i].msg) != NULL, "case %zu: %s", i, e.msg);
    }
    cr_expect_eq(log_last(), before);
}

Test(progress, edit_delete_restore)
{
    struct progress_input in = {.progress = "第一稿"},
                          edit = {.progress = "第二稿", .problems = ""};
    char id[DB_TASK_ID], found[DB_TASK_ID], prefix[16];
    struct db_report r;
    long n;
    long long before;
    const char *what;
    struct err e = {0};

    cr_assert_eq(progress_add(db, "孙八", TODAY, task, &in, id, &e), ERR_OK);
    snprintf(prefix, sizeof prefix, "%.6s", id);
    cr_assert_eq(progress_find(db, prefix, found, &e), ERR_OK, "%s", e.msg);
    cr_expect_str_eq(found, id);
    before = log_last();
    cr_assert_eq(progress_update(db, "吴十", TODAY, id, &edit, &e), ERR_OK, "%s", e.msg);
    cr_expect_eq(log_count(before, "task_report", "update", "吴十"), 1);
    cr_assert_eq(db_report_get(db, id, &r, &e), ERR_OK);
    cr_expect_str_eq(r.progress, "第二稿");
    db_report_free(&r);
    before = log_last();
    cr_assert_eq(progress_archive(db, "吴十", id, &e), ERR_OK);
    cr_expect_eq(log_count(before, "task_report", "update", "吴十"), 1);
    cr_assert_eq(db_reports_count(db, task, &n, &e), ERR_OK);
    cr_expect_eq(n, 0);
    cr_expect_eq(progress_update(db, "吴十", TODAY, id, &edit, &e), ERR_INVALID);
    cr_assert_eq(task_restore(db, "吴十", id, &what, &e), ERR_OK, "%s", e.msg);
    cr_assert_eq(db_reports_count(db, task, &n, &e), ERR_OK);
    cr_expect_eq(n, 1);
}

Test(progress, reports_page_latest_first)
{
    static const char *const dates[] = {"2025-03-31", "2025-05-31", "2025-04-30"};
    struct progress_input in = {.progress = "月报"};
    struct db_report *r;
    size_t n, i;
    struct err e = {0};

    for (i = 0; i < 3; i++) {
        in.report_date = dates[i];
        cr_assert_eq(progress_add(db, "孙八", TODAY, task, &in, NULL, &e), ERR_OK, "%s", e.msg);
    }
    cr_assert_eq(db_reports_page(db, task, 1, 5, &r, &n, &e), ERR_OK);
    cr_assert_eq(n, 2);
    cr_expect_str_eq(r[0].period, "2025-04");
    cr_expect_str_eq(r[1].period, "2025-03");
    db_reports_free(r, n);
}

Test(progress, milestones)
{
    struct milestone_input in = {.title = "完成示范田测产", .due_date = "2025-9-30"};
    struct milestone_input bad = {.title = ""};
    char id[DB_TASK_ID], second[DB_TASK_ID], found[DB_TASK_ID];
    struct db_milestone m;
    struct task_history_item *h;
    size_t n, i;
    long long before = log_last();
    const char *what;
    int told = 0;
    struct err e = {0};

    cr_assert_eq(milestone_add(db, "孙八", TODAY, task, &in, id, &e), ERR_OK, "%s", e.msg);
    in.title = "示范推广";
    in.due_date = "2025-07-31";
    cr_assert_eq(milestone_add(db, "孙八", TODAY, task, &in, second, &e), ERR_OK);
    cr_expect_eq(log_count(before, "task_milestone", "insert", "孙八"), 2);
    cr_assert_eq(milestone_find(db, task, "1", found, &e), ERR_OK);
    cr_expect_str_eq(found, second, "listed by due date");
    cr_expect_eq(milestone_find(db, task, "3", found, &e), ERR_INVALID);
    cr_expect_eq(milestone_add(db, "孙八", TODAY, task, &bad, NULL, &e), ERR_INVALID);
    cr_expect_str_eq(e.field, "title");
    cr_expect_eq(milestone_done(db, "孙八", TODAY, id, "2025-06-20", 0, &e), ERR_INVALID);
    cr_expect_str_eq(e.field, "done_date");
    cr_assert_eq(milestone_done(db, "孙八", TODAY, id, NULL, 0, &e), ERR_OK);
    cr_assert_eq(db_milestone_get(db, id, &m, &e), ERR_OK);
    cr_expect_str_eq(m.done_date, TODAY);
    db_milestone_free(&m);
    cr_assert_eq(milestone_archive(db, "孙八", second, &e), ERR_OK);
    cr_assert_eq(task_restore(db, "孙八", second, &what, &e), ERR_OK);
    cr_expect_str_eq(what, "里程碑");
    cr_assert_eq(task_history(db, task, &h, &n, &e), ERR_OK);
    for (i = 0; i < n; i++) {
        told += strcmp(h[i].text, "新增里程碑：完成示范田测产（计划 2025-09-30 完成）") == 0;
        told += strcmp(h[i].text, "完成里程碑：完成示范田测产（2025-06-15）") == 0;
        told += strcmp(h[i].text, "删除里程碑：示范推广") == 0;
        told += strcmp(h[i].text, "恢复里程碑：示范推广") == 0;
        cr_expect(!h[i].restorable, "everything deleted was restored");
    }
    cr_expect_eq(told, 4);
    task_history_free(h, n);
}

/* Every write leaves its rows in the change log under the acting user. */
Test(progress, every_write_is_logged_with_its_user)
{
    struct task_input add = {.action = "2", .title = "盐碱地改良示范", .lead = "旗水利局"};
    struct task_input set = {.due_date = "2025-10-31"};
    struct progress_input rep = {.progress = "完成土壤采样"}, fix = {.next_steps = "开展对比试验"};
    struct milestone_input ms = {.title = "完成采样", .due_date = "2025-07-31"};
    struct milestone_input ms_fix = {.due_date = "2025-08-15"};
    char task_id[DB_TASK_ID], rid[DB_TASK_ID], mid[DB_TASK_ID];
    const char *what;
    long long seq;
    struct err e = {0};

#define LOGGED(call, tbl, op)                                                                      \
    do {                                                                                           \
        seq = log_last();                                                                          \
        cr_assert_eq(call, ERR_OK, "%s: %s", #call, e.msg);                                        \
        cr_expect_geq(log_count(seq, tbl, op, "郑一"), 1, "%s logs %s %s", #call, tbl, op);        \
        cr_expect_eq(log_count(seq, tbl, op, "?"), 0);                                             \
    } while (0)

    LOGGED(task_add(db, "郑一", &add, task_id, &e), "task", "insert");
    LOGGED(task_update(db, "郑一", task_id, &set, &e), "task", "update");
    LOGGED(task_set_status(db, "郑一", task_id, "滞后", &e), "task", "update");
    LOGGED(progress_add(db, "郑一", TODAY, task_id, &rep, rid, &e), "task_report", "insert");
    LOGGED(progress_update(db, "郑一", TODAY, rid, &fix, &e), "task_report", "update");
    LOGGED(progress_archive(db, "郑一", rid, &e), "task_report", "update");
    LOGGED(task_restore(db, "郑一", rid, &what, &e), "task_report", "update");
    LOGGED(milestone_add(db, "郑一", TODAY, task_id, &ms, mid, &e), "task_milestone", "insert");
    LOGGED(milestone_update(db, "郑一", TODAY, mid, &ms_fix, &e), "task_milestone", "update");
    LOGGED(milestone_done(db, "郑一", TODAY, mid, NULL, 0, &e), "task_milestone", "update");
    LOGGED(milestone_archive(db, "郑一", mid, &e), "task_milestone", "update");
    LOGGED(task_archive(db, "郑一", task_id, &e), "task", "update");
    LOGGED(task_restore(db, "郑一", task_id, &what, &e), "task", "update");
#undef LOGGED
}
