/*
 * test_task.c — tasks: finding them, their units (aliases resolved),
 * adding and editing with a Chinese message at the faulty field, archiving
 * and restoring, and the change-log entries every write leaves.
 */
#include <criterion/criterion.h>
#include <locale.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include "db/db.h"
#include "db/db_priv.h"
#include "db/task.h"
#include "src/plan_load.h"
#include "src/task.h"
#include "src/task_history.h"

static struct db *db;

static void
setup(void)
{
    struct err e = {0};

    setlocale(LC_ALL, "C.UTF-8"); /* history cuts long values by display width */
    cr_assert_eq(db_open(":memory:", DB_OPEN_CREATE, &db, &e), ERR_OK, "%s", e.msg);
    cr_assert_eq(plan_load(db, "载入", NULL, &e), ERR_OK, "%s", e.msg);
}

static void
teardown(void)
{
    db_close(db);
}

TestSuite(task, .init = setup, .fini = teardown);

/* Rows of the change log after seq with table tbl, operation op and user. */
static long
log_count(long long after, const char *tbl, const char *op, const char *user)
{
    sqlite3_stmt *st;
    long n = -1;

    cr_assert_eq(sqlite3_prepare_v2(db_handle(db),
                                    "SELECT count(*) FROM change_log WHERE seq > ?1 AND tbl = ?2"
                                    " AND op = ?3 AND user = ?4",
                                    -1, &st, NULL),
                 SQLITE_OK);
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

/* The key of task "a.n". */
static void
find(const char *ref, char id[DB_TASK_ID])
{
    struct err e = {0};

    cr_assert_eq(task_find(db, ref, id, &e), ERR_OK, "%s: %s", ref, e.msg);
}

Test(task, units_resolve_names_and_aliases)
{
    char id[DB_TASK_ID], id2[DB_TASK_ID], name[128];
    struct err e = {0};

    cr_assert_eq(task_unit_resolve(db, "旗商务和投促中心", "lead", id, name, sizeof name, &e),
                 ERR_OK);
    cr_expect_str_eq(name, "旗商务和投资促进中心");
    cr_assert_eq(task_unit_resolve(db, "旗商务和投资促进中心", "lead", id2, name, sizeof name, &e),
                 ERR_OK);
    cr_expect_str_eq(id, id2, "the alias and the full name are one unit");
    cr_expect_eq(task_unit_resolve(db, "能源局", "co", id, name, sizeof name, &e), ERR_INVALID);
    cr_expect_str_eq(e.field, "co");
    cr_expect(strstr(e.msg, "是否指“旗能源局”") != NULL, "%s", e.msg);
    cr_expect_eq(task_unit_resolve(db, "旗教育局", "lead", id, name, sizeof name, &e), ERR_INVALID);
    cr_expect(strstr(e.msg, "没有名为“旗教育局”的责任单位") != NULL, "%s", e.msg);
}

Test(task, seeded_tasks_carry_their_actions_units)
{
    char id[DB_TASK_ID];
    struct db_task_unit *u;
    size_t n, i;
    struct err e = {0};
    int alias = 0;

    find("7.2", id);
    cr_assert_eq(db_task_units(db, id, &u, &n, &e), ERR_OK);
    cr_assert_eq(n, 5);
    cr_expect(u[0].lead);
    cr_expect_str_eq(u[0].name, "旗委组织部");
    for (i = 1; i < n; i++) {
        cr_expect_not(u[i].lead);
        alias += strcmp(u[i].name, "旗商务和投资促进中心") == 0;
    }
    cr_expect_eq(alias, 1, "旗商务和投促中心 is stored under its full name");
    db_task_units_free(u, n);
}

/* Two tasks whose keys share their first four characters. */
static int
two_alike(struct db *d, void *arg, struct err *e)
{
    static const char *const ids[] = {"abcd0000-0000-4000-8000-000000000000",
                                      "abcd1111-0000-4000-8000-000000000000"};
    static char title[] = "相似编号";
    struct db_task t;
    int i, rc = ERR_OK;

    (void)arg;
    for (i = 0; i < 2 && rc == ERR_OK; i++) {
        memset(&t, 0, sizeof t);
        snprintf(t.id, sizeof t.id, "%s", ids[i]);
        cr_assert_eq(db_task_action_by_no(d, 1, t.action_id, e), ERR_OK);
        t.no = 90 + i;
        t.title = title;
        rc = db_task_insert(d, &t, e);
    }
    return rc;
}

Test(task, find_by_number_key_and_prefix)
{
    char id[DB_TASK_ID], again[DB_TASK_ID], prefix[16];
    struct err e = {0};

    find("6.5", id);
    find(id, again);
    cr_expect_str_eq(id, again);
    snprintf(prefix, sizeof prefix, "%.8s", id);
    find(prefix, again);
    cr_expect_str_eq(id, again);
    cr_assert_eq(db_write(db, "测试", two_alike, NULL, &e), ERR_OK, "%s", e.msg);
    cr_expect_eq(task_find(db, "abcd", again, &e), ERR_INVALID);
    cr_expect(strstr(e.msg, "请多写几位") != NULL, "%s", e.msg);
    find("abcd0", again);
    cr_expect_str_eq(again, "abcd0000-0000-4000-8000-000000000000");
    cr_expect_eq(task_find(db, "6.99", again, &e), ERR_NOTFOUND);
    cr_expect(strstr(e.msg, "6.99") != NULL);
    cr_expect_eq(task_find(db, "氢能", again, &e), ERR_INVALID);
    cr_expect_eq(task_find(db, "abc", again, &e), ERR_INVALID, "three characters are too few");
    cr_expect_eq(task_find(db, "ffffffff", again, &e), ERR_NOTFOUND);
}

Test(task, add_checks_every_field_in_chinese)
{
    static const struct {
        struct task_input in;
        const char *field, *msg;
    } bad[] = {
        {{.action = "", .title = "t", .lead = "旗工信局"}, "action", "请选择任务所属的行动"},
        {{.action = "9", .title = "t", .lead = "旗工信局"}, "action", "没有第 9 项行动"},
        {{.action = "1", .title = "  ", .lead = "旗工信局"}, "title", "请填写任务名称"},
        {{.action = "1", .title = "t"}, "lead", "请填写牵头单位"},
        {{.action = "1", .title = "t", .lead = "不存在的局"}, "lead", "没有名为“不存在的局”"},
        {{.action = "1", .title = "t", .lead = "旗工信局", .co = "旗能源局、某某局"},
         "co",
         "某某局"},
        {{.action = "1", .title = "t", .lead = "旗工信局", .start_date = "2025-02-30"},
         "start_date",
         "2025年2月没有30日"},
        {{.action = "1",
          .title = "t",
          .lead = "旗工信局",
          .start_date = "2025-6-1",
          .due_date = "2025-05-31"},
         "due_date",
         "不能早于开始日期"},
        {{.action = "1", .title = "t", .lead = "旗工信局", .percent = "101"},
         "percent",
         "超出范围"},
        {{.action = "1", .title = "t", .lead = "旗工信局", .percent = "三十"}, "percent", "整数"},
        {{.action = "1", .title = "t", .lead = "旗工信局", .status = "完成了"},
         "status",
         "可选：未启动"},
        {{.action = "1", .title = "t", .lead = "旗工信局", .enterprises = "无名公司"},
         "enterprises",
         "没有名为“无名公司”的企业"},
        {{.action = "1", .title = "t", .lead = "旗工信局", .institutions = "某大学"},
         "institutions",
         "某大学"},
    };
    long long before = log_last();
    size_t i;

    for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        struct err e = {0};

        cr_expect_eq(task_add(db, "王五", &bad[i].in, NULL, &e), ERR_INVALID, "case %zu", i);
        cr_expect_str_eq(e.field, bad[i].field, "case %zu: %s", i, e.msg);
        cr_expect(strstr(e.msg, bad[i].msg) != NULL, "case %zu: \"%s\" lacks \"%s\"", i, e.msg,
                  bad[i].msg);
    }
    cr_expect_eq(log_last(), before, "a refused task writes nothing");
}

Test(task, add_writes_task_units_and_links_in_one_logged_transaction)
{
    struct task_input in = {.action = "1",
                            .title = "  氢能装备中试线  ",
                            .body = "建设中试线",
                            .lead = "旗能源局",
                            .co = "旗工信局， 旗商务和投促中心；旗能源局",
                            .enterprises = "爱德曼氢能",
                            .start_date = "2025/3/1",
                            .due_date = "20251231",
                            .percent = "10%"};
    long long before = log_last();
    char id[DB_TASK_ID];
    struct db_task t;
    struct db_task_unit *u;
    struct db_task_link *l;
    size_t n, nl;
    struct err e = {0};

    cr_assert_eq(task_add(db, "王五", &in, id, &e), ERR_OK, "%s", e.msg);
    cr_assert_eq(db_task_get(db, id, &t, &e), ERR_OK);
    cr_expect_str_eq(t.title, "氢能装备中试线");
    cr_expect_eq(t.action_no, 1);
    cr_expect_eq(t.no, 12, "after the plan's eleven");
    cr_expect_str_eq(t.status, "未启动");
    cr_expect_str_eq(t.start_date, "2025-03-01");
    cr_expect_str_eq(t.due_date, "2025-12-31");
    cr_expect_eq(t.percent, 10);
    cr_assert_eq(db_task_units(db, id, &u, &n, &e), ERR_OK);
    cr_assert_eq(n, 3, "the lead named again among co units counts once");
    cr_expect_str_eq(u[0].name, "旗能源局");
    cr_expect_str_eq(u[2].name, "旗商务和投资促进中心");
    cr_assert_eq(db_task_links(db, id, DB_TASK_LINK_ENTERPRISE, &l, &nl, &e), ERR_OK);
    cr_expect_eq(nl, 1);
    cr_expect_str_eq(l[0].name, "爱德曼氢能");
    cr_expect_eq(log_count(before, "task", "insert", "王五"), 1);
    cr_expect_eq(log_count(before, "task_unit", "insert", "王五"), 3);
    cr_expect_eq(log_count(before, "task_enterprise", "insert", "王五"), 1);
    db_task_links_free(l, nl);
    db_task_units_free(u, n);
    db_task_free(&t);
}

Test(task, update_logs_only_what_changed)
{
    char id[DB_TASK_ID];
    struct task_input in = {.due_date = "2025-9-30", .lead = "旗科技发展服务中心"};
    struct task_input same = {.due_date = "2025-09-30"};
    struct db_task_unit *u;
    size_t n;
    long long before;
    struct err e = {0};

    find("1.3", id);
    before = log_last();
    cr_assert_eq(task_update(db, "李四", id, &in, &e), ERR_OK, "%s", e.msg);
    cr_expect_eq(log_count(before, "task", "update", "李四"), 1);
    /* The old lead leaves, the new one (a co unit before) is promoted. */
    cr_expect_eq(log_count(before, "task_unit", "delete", "李四"), 1);
    cr_expect_eq(log_count(before, "task_unit", "update", "李四"), 1);
    cr_assert_eq(db_task_units(db, id, &u, &n, &e), ERR_OK);
    cr_expect_eq(n, 4);
    cr_expect_str_eq(u[0].name, "旗科技发展服务中心");
    cr_expect(u[0].lead);
    db_task_units_free(u, n);
    before = log_last();
    cr_assert_eq(task_update(db, "李四", id, &same, &e), ERR_OK);
    cr_expect_eq(log_last(), before, "an edit that changes nothing logs nothing");
}

Test(task, done_status_sets_percent_and_archive_restores)
{
    char id[DB_TASK_ID];
    struct db_task t;
    const char *what;
    long long before;
    struct err e = {0};

    find("3.2", id);
    cr_assert_eq(task_set_status(db, "赵六", id, "已完成", &e), ERR_OK, "%s", e.msg);
    cr_assert_eq(db_task_get(db, id, &t, &e), ERR_OK);
    cr_expect_eq(t.percent, 100);
    cr_expect(t.status_done);
    db_task_free(&t);
    cr_expect_eq(task_set_status(db, "赵六", id, "", &e), ERR_INVALID);
    before = log_last();
    cr_assert_eq(task_archive(db, "赵六", id, &e), ERR_OK);
    cr_expect_eq(log_count(before, "task", "update", "赵六"), 1);
    cr_expect_eq(task_archive(db, "赵六", id, &e), ERR_INVALID, "already deleted");
    cr_expect_eq(task_set_status(db, "赵六", id, "推进中", &e), ERR_INVALID);
    cr_expect(strstr(e.msg, "请先恢复") != NULL, "%s", e.msg);
    cr_assert_eq(task_restore(db, "赵六", id, &what, &e), ERR_OK, "%s", e.msg);
    cr_expect_str_eq(what, "任务");
    cr_assert_eq(db_task_get(db, id, &t, &e), ERR_OK);
    cr_expect_str_eq(t.archived_at, "");
    db_task_free(&t);
    cr_expect_eq(task_restore(db, "赵六", id, &what, &e), ERR_INVALID, "not deleted");
}

Test(task, history_tells_every_change)
{
    char id[DB_TASK_ID];
    struct task_input in = {.status = "推进中", .percent = "30", .co = "旗工信局"};
    struct task_history_item *h;
    size_t n, i;
    struct err e = {0};
    int saw_status = 0, saw_removed = 0, saw_archive = 0;

    find("6.5", id);
    cr_assert_eq(task_update(db, "钱七", id, &in, &e), ERR_OK, "%s", e.msg);
    cr_assert_eq(task_archive(db, "钱七", id, &e), ERR_OK);
    cr_assert_eq(task_history(db, id, &h, &n, &e), ERR_OK);
    cr_expect_str_eq(h[0].text, "新建任务：噻虫胺工艺流程优化中试研发");
    cr_expect_str_eq(h[0].user, "载入");
    for (i = 0; i < n; i++) {
        saw_status += strstr(h[i].text, "状态 未启动 -> 推进中；进度 0% -> 30%") != NULL;
        saw_removed += strstr(h[i].text, "移除责任单位：旗市场监督管理局") != NULL;
        if (strstr(h[i].text, "删除任务") != NULL) {
            saw_archive++;
            cr_expect(h[i].restorable);
            cr_expect_str_eq(h[i].row_key, id);
            cr_expect_str_eq(h[i].user, "钱七");
        }
    }
    cr_expect_eq(saw_status, 1);
    cr_expect_eq(saw_removed, 1);
    cr_expect_eq(saw_archive, 1);
    task_history_free(h, n);
}

Test(task, split_names)
{
    size_t n;
    char **names = task_split_names(" 甲局、乙局，丙局,丁局;戊局；\n甲局、 、", &n);

    cr_assert_eq(n, 5);
    cr_expect_str_eq(names[0], "甲局");
    cr_expect_str_eq(names[4], "戊局");
    task_names_free(names, n);
    names = task_split_names("", &n);
    cr_expect_eq(n, 0);
    task_names_free(names, n);
}
