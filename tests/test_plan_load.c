/* test_plan_load.c — the shipped 2025 plan, checked against the seed document. */
#include <criterion/criterion.h>
#include <sqlite3.h>
#include <string.h>

#include "db/db.h"
#include "db/db_priv.h"
#include "db/plan.h"
#include "src/plan_load.h"

static struct db *db;
static struct db_plan plan;

static void
setup(void)
{
    struct err e = {0};
    struct plan_load_stats st = {0};

    cr_assert_eq(db_open(":memory:", DB_OPEN_CREATE, &db, &e), ERR_OK, "%s", e.msg);
    cr_assert_eq(plan_load(db, "测试", &st, &e), ERR_OK, "%s", e.msg);
    cr_assert_gt(st.rows_added, 100);
    cr_assert_eq(db_plan_get(db, 2025, &plan, &e), ERR_OK, "%s", e.msg);
}

static void
teardown(void)
{
    db_plan_free(&plan);
    db_close(db);
}

TestSuite(plan_load, .init = setup, .fini = teardown);

Test(plan_load, plan_header)
{
    cr_expect_eq(plan.year, 2025);
    cr_expect_str_eq(plan.title, "达拉特旗科技“突围”工程2025年工作方案");
    cr_expect_str_eq(plan.issuer, "达拉特旗人民政府");
    cr_expect(strstr(plan.requirements, "争取我旗进入全区科技创新能力一类旗县") != NULL);
}

Test(plan_load, six_numeric_targets_and_the_qualitative_one)
{
    static const struct {
        const char *name;
        double value;
        const char *unit;
    } want[] = {{"高新技术企业", 33, "家"},     {"科技型中小企业", 65, "家"},
                {"新增研发投入企业", 10, "家"}, {"R&D经费投入强度", 1, "%"},
                {"市级科技计划项目", 3, "项"},  {"市级“揭榜挂帅”项目", 2, "项"}};
    struct db_target *t;
    size_t n, i;
    struct err e = {0};

    cr_assert_eq(db_plan_targets(db, plan.id, &t, &n, &e), ERR_OK);
    cr_assert_eq(n, 7);
    for (i = 0; i < 6; i++) {
        cr_expect_str_eq(t[i].name, want[i].name);
        cr_expect(t[i].has_value);
        cr_expect_eq(t[i].value, want[i].value, "%s", t[i].name);
        cr_expect_str_eq(t[i].unit, want[i].unit);
        cr_expect_str_eq(t[i].comparator, ">=");
    }
    cr_expect_str_eq(t[6].name, "进入全区科技创新能力一类旗县");
    cr_expect_not(t[6].has_value, "the qualitative target has no number");
    db_targets_free(t, n);
}

Test(plan_load, seven_actions_with_units_and_tasks)
{
    static const char *const names[] = {"新兴产业技术攻坚行动",   "传统产业科技迭代行动",
                                        "科学防沙治沙关键行动",   "科技创新生态优化行动",
                                        "科技型企业量质提升行动", "科技成果应用转化行动",
                                        "科技创新人才引育行动"};
    static const size_t units[] = {5, 4, 4, 4, 6, 5, 5};
    static const long tasks[] = {11, 8, 3, 4, 8, 8, 4};
    struct db_action *a;
    size_t n, i, j;
    struct err e = {0};
    int coordinator;

    cr_assert_eq(db_plan_actions(db, plan.id, &a, &n, &e), ERR_OK);
    cr_assert_eq(n, 7);
    for (i = 0; i < n; i++) {
        cr_expect_eq(a[i].no, (int)i + 1);
        cr_expect_str_eq(a[i].name, names[i]);
        cr_expect_eq(a[i].nunits, units[i], "action %zu has %zu units", i + 1, a[i].nunits);
        cr_expect_eq(a[i].ntasks, tasks[i], "action %zu has %ld tasks", i + 1, a[i].ntasks);
        coordinator = 0;
        for (j = 0; j < a[i].nunits; j++)
            coordinator |= strcmp(a[i].units[j].name, "旗科技发展服务中心") == 0;
        cr_expect(coordinator, "旗科技发展服务中心 missing from action %zu", i + 1);
    }
    cr_expect(strstr(a[0].body, "爱德曼氢能") != NULL);
    db_actions_free(a, n);
}

Test(plan_load, short_and_full_unit_names_are_one_unit)
{
    struct db_action *a;
    size_t n;
    struct err e = {0};

    cr_assert_eq(db_plan_actions(db, plan.id, &a, &n, &e), ERR_OK);
    /* Action 5 names the full name, action 7 the short one: same unit. */
    cr_expect_str_eq(a[4].units[4].name, "旗商务和投资促进中心");
    cr_expect_null(a[4].units[4].named_as);
    cr_expect_str_eq(a[6].units[3].name, "旗商务和投资促进中心");
    cr_expect_str_eq(a[6].units[3].named_as, "旗商务和投促中心");
    cr_expect_str_eq(a[4].units[4].id, a[6].units[3].id);
    cr_expect_eq(db_plan_count(db, "unit"), 13);
    cr_expect_str_eq(plan_unit_canonical("旗商务和投促中心"), "旗商务和投资促进中心");
    cr_expect_str_eq(plan_unit_canonical("旗能源局"), "旗能源局");
    db_actions_free(a, n);
}

Test(plan_load, named_registries)
{
    cr_expect_eq(db_plan_count(db, "enterprise"), 10);
    cr_expect_eq(db_plan_count(db, "institution"), 6);
    cr_expect_eq(db_plan_count(db, "platform"), 3);
    cr_expect_eq(db_plan_count(db, "pilot_base"), 3);
    cr_expect_eq(db_plan_count(db, "pilot_project"), 4);
    cr_expect_eq(db_plan_count(db, "task"), 46);
    cr_expect_eq(db_plan_count(db, "industry_field"), 7);
}

Test(plan_load, three_safeguards)
{
    struct db_safeguard *s;
    size_t n;
    struct err e = {0};

    cr_assert_eq(db_plan_safeguards(db, plan.id, &s, &n, &e), ERR_OK);
    cr_assert_eq(n, 3);
    cr_expect_str_eq(s[0].title, "加强组织领导");
    cr_expect_str_eq(s[1].title, "加强要素保障");
    cr_expect_str_eq(s[2].title, "加强宣传引导");
    cr_expect(strstr(s[1].body, "奖补资金兑现") != NULL);
    db_safeguards_free(s, n);
}

Test(plan_load, pilot_tasks_keep_the_seed_text)
{
    struct db_action *a;
    struct db_task_brief *t;
    size_t n, nt;
    struct err e = {0};

    cr_assert_eq(db_plan_actions(db, plan.id, &a, &n, &e), ERR_OK);
    cr_assert_eq(db_plan_tasks(db, a[5].id, &t, &nt, &e), ERR_OK);
    cr_assert_eq(nt, 8);
    cr_expect_str_eq(t[4].title, "噻虫胺工艺流程优化中试研发");
    cr_expect_str_eq(t[4].status, "未启动");
    cr_expect_null(t[4].due_date, "the seed gives no due date");
    cr_expect(strstr(t[7].body, "蒙泰铝业10000万吨粉煤灰提取铝硅合金中试项目产业化") != NULL);
    db_task_briefs_free(t, nt);
    db_actions_free(a, n);
}

Test(plan_load, loading_twice_changes_nothing)
{
    struct plan_load_stats st = {0};
    struct err e = {0};
    long long before = db_changelog_count(db);

    cr_assert_eq(plan_load(db, "测试", &st, &e), ERR_OK, "%s", e.msg);
    cr_expect_eq(st.rows_added, 0);
    cr_expect_eq(db_changelog_count(db), before);
    cr_expect_eq(db_plan_count(db, "task"), 46);
}

/* The plan's enterprises get their pinyin sort keys after loading; that
 * is not a change anyone made, and `tuwei log` must not show it as an
 * empty 修改 entry. */
Test(plan_load, filling_sort_keys_logs_nothing)
{
    sqlite3_stmt *st;

    sqlite3_prepare_v2(db_handle(db),
                       "SELECT (SELECT count(*) FROM enterprise WHERE name_key IS NULL),"
                       " (SELECT count(*) FROM change_log WHERE op = 'update'"
                       "  AND (new = '{}' OR old = '{}'))",
                       -1, &st, NULL);
    cr_assert_eq(sqlite3_step(st), SQLITE_ROW);
    cr_expect_eq(sqlite3_column_int(st, 0), 0, "every enterprise has its sort key");
    cr_expect_eq(sqlite3_column_int(st, 1), 0, "no empty update entries");
    sqlite3_finalize(st);
}
