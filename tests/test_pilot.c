/*
 * test_pilot.c — pilot projects through their stages on fixed dates: the
 * gate of required items and its message, the history, the run limit
 * with its one extension, exits with dismantled or sealed plant, the
 * board, and the stage rows the plan loader ships.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/db.h"
#include "db/pilot.h"
#include "src/pilot.h"
#include "src/plan_load.h"
#include "src/reg.h"

static struct db *db;
static struct pilot_rules rules = {2, 1, 90};
static char thiam[40]; /* 噻虫胺工艺流程优化, seeded at the first stage */

static void
setup(void)
{
    struct err e = {0};
    struct plan_load_stats st = {0};

    cr_assert_eq(db_open(":memory:", DB_OPEN_CREATE, &db, &e), ERR_OK, "%s", e.msg);
    cr_assert_eq(plan_load(db, "测试", &st, &e), ERR_OK, "%s", e.msg);
    cr_assert_eq(reg_find(db, &reg_pilot_project, "噻虫胺工艺流程优化", thiam, &e), ERR_OK, "%s",
                 e.msg);
}

static void
teardown(void)
{
    db_close(db);
}

TestSuite(pilot, .init = setup, .fini = teardown);

/* The name of project id's stage (static buffer). */
static const char *
stage_of(const char *id)
{
    static char name[64];
    struct pilot_status s;
    struct err e = {0};

    cr_assert_eq(pilot_status_get(db, &rules, "2025-06-01", id, &s, &e), ERR_OK, "%s", e.msg);
    snprintf(name, sizeof name, "%s", s.cur >= 0 ? s.stages[s.cur].name : "");
    pilot_status_free(&s);
    return name;
}

static void
item(const char *id, const char *name, const char *value)
{
    struct err e = {0};

    cr_assert_eq(pilot_item_set(db, "王会计", id, name, value, &e), ERR_OK, "%s: %s", name, e.msg);
}

static void
advance(const char *id, const char *date)
{
    struct err e = {0};

    cr_assert_eq(pilot_advance(db, "王会计", &rules, "2030-12-31", id, date, NULL, &e), ERR_OK,
                 "%s", e.msg);
}

/* Moves id from the first stage into the pilot run, starting it on run_on. */
static void
into_run(const char *id, const char *run_on)
{
    item(id, "申请日期", "2025-01-02");
    advance(id, "2025-01-05");
    item(id, "受理日期", "2025-01-10");
    advance(id, "2025-01-10");
    item(id, "评审日期", "2025-02-01");
    item(id, "评审意见", "同意");
    advance(id, "2025-02-01");
    item(id, "备案编号", "达中试备〔2025〕3号");
    item(id, "备案日期", "2025-02-20");
    advance(id, "2025-02-20");
    item(id, "安全评价报告", "安评〔2025〕11号");
    item(id, "环评批复文号", "达环审〔2025〕7号");
    advance(id, "2025-03-01");
    item(id, "建设完成日期", run_on);
    advance(id, run_on);
    cr_assert_str_eq(stage_of(id), "中试运行");
}

Test(pilot, the_shipped_stages_in_order_with_their_items)
{
    static const char *const names[] = {"申请入驻",      "园区受理", "专家评审", "备案",
                                        "安全评价/环评", "建设",     "中试运行", "验收",
                                        "产业化",        "退出"};
    struct db_pilot_stage *s;
    size_t n, i;
    struct err e = {0};

    cr_assert_eq(db_pilot_stages(db, NULL, &s, &n, &e), ERR_OK, "%s", e.msg);
    cr_assert_eq(n, 10);
    for (i = 0; i < n; i++)
        cr_expect_str_eq(s[i].name, names[i]);
    cr_expect_str_eq(s[3].items[0].name, "备案编号");
    cr_expect_str_eq(s[3].items[1].name, "备案日期");
    cr_expect_str_eq(s[6].kind, "run");
    cr_expect_str_eq(s[9].kind, "exit");
    db_pilot_stages_free(s, n);
}

Test(pilot, the_seeded_projects_start_at_the_first_stage)
{
    struct pilot_filter f = {NULL, "申请入驻", 0, 0};
    long n;
    struct err e = {0};

    cr_assert_eq(pilot_count(db, &rules, "2025-06-01", &f, &n, &e), ERR_OK, "%s", e.msg);
    cr_expect_eq(n, 4, "the three chemical pilots and 蒙泰铝业's fly-ash project");
    cr_expect_str_eq(stage_of(thiam), "申请入驻");
}

Test(pilot, a_gate_names_the_missing_items_and_moves_nothing)
{
    struct err e = {0};
    long long log = db_changelog_count(db);

    cr_assert_eq(pilot_advance(db, "王会计", &rules, "2025-06-01", thiam, NULL, NULL, &e),
                 ERR_INVALID);
    cr_expect_str_eq(e.field, "items");
    cr_expect_str_eq(e.msg, "“申请入驻”阶段还缺少：申请日期。补齐后才能进入“园区受理”。");
    cr_expect_str_eq(stage_of(thiam), "申请入驻");
    cr_expect_eq(db_changelog_count(db), log, "a refused move writes nothing");
}

Test(pilot, supplying_the_items_opens_the_gate_and_history_keeps_who_and_when)
{
    struct db_pilot_event *ev;
    size_t n;
    struct err e = {0};

    item(thiam, "申请日期", "2025-03-01");
    cr_assert_eq(
        pilot_advance(db, "王会计", &rules, "2025-06-01", thiam, "2025-03-05", "材料齐全", &e),
        ERR_OK, "%s", e.msg);
    cr_expect_str_eq(stage_of(thiam), "园区受理");
    item(thiam, "受理日期", "2025-03-10");
    advance(thiam, "2025-03-10");
    item(thiam, "评审日期", "2025-04-01");
    cr_assert_eq(pilot_advance(db, "王会计", &rules, "2025-06-01", thiam, NULL, NULL, &e),
                 ERR_INVALID);
    cr_expect(strstr(e.msg, "还缺少：评审意见") != NULL, "%s", e.msg);
    cr_expect(strstr(e.msg, "评审日期") == NULL, "a supplied item is not named: %s", e.msg);
    cr_assert_eq(db_pilot_events(db, thiam, &ev, &n, &e), ERR_OK);
    cr_assert_eq(n, 2);
    cr_expect_str_eq(ev[0].moved_on, "2025-03-05");
    cr_expect_str_eq(ev[0].from_stage, "申请入驻");
    cr_expect_str_eq(ev[0].to_stage, "园区受理");
    cr_expect_str_eq(ev[0].by, "王会计");
    cr_expect_str_eq(ev[0].note, "材料齐全");
    cr_expect_str_eq(ev[1].to_stage, "专家评审");
    db_pilot_events_free(ev, n);
}

Test(pilot, a_move_is_dated_between_entering_the_stage_and_today)
{
    struct err e = {0};

    item(thiam, "申请日期", "2025-03-01");
    advance(thiam, "2025-03-05");
    item(thiam, "受理日期", "2025-03-10");
    cr_expect_eq(pilot_advance(db, "甲", &rules, "2025-06-01", thiam, "2025-03-04", NULL, &e),
                 ERR_INVALID);
    cr_expect(strstr(e.msg, "早于项目进入当前阶段的日期 2025-03-05") != NULL, "%s", e.msg);
    cr_expect_eq(pilot_advance(db, "甲", &rules, "2025-06-01", thiam, "2025-06-02", NULL, &e),
                 ERR_INVALID);
    cr_expect(strstr(e.msg, "晚于今天") != NULL, "%s", e.msg);
    cr_expect_eq(pilot_advance(db, "甲", &rules, "2025-06-01", thiam, "2025-02-30", NULL, &e),
                 ERR_INVALID);
    cr_expect(strstr(e.msg, "2025年2月没有30日") != NULL, "%s", e.msg);
    cr_expect_str_eq(stage_of(thiam), "园区受理");
}

Test(pilot, a_date_item_must_be_a_date_and_unknown_items_are_named)
{
    struct err e = {0};

    struct pilot_status s;

    cr_expect_eq(pilot_item_set(db, "甲", thiam, "申请日期", "三月一日", &e), ERR_INVALID);
    cr_expect(strstr(e.msg, "申请日期：日期“三月一日”格式不对") != NULL, "%s", e.msg);
    item(thiam, "申请日期", "2025年3月1日");
    cr_assert_eq(pilot_status_get(db, &rules, "2025-06-01", thiam, &s, &e), ERR_OK);
    cr_expect_str_eq(s.stages[s.cur].items[0].value, "2025-03-01", "kept as YYYY-MM-DD");
    pilot_status_free(&s);
    cr_expect_eq(pilot_item_set(db, "甲", thiam, "营业执照", "有", &e), ERR_INVALID);
    cr_expect(strstr(e.msg, "当前阶段需要：申请日期") != NULL, "%s", e.msg);
    /* An item of a later stage may be recorded early, by name or code. */
    item(thiam, "filing_no", "达中试备〔2025〕1号");
}

Test(pilot, item_values_and_notes_must_be_text_a_screen_can_show)
{
    struct err e = {0};
    char *huge = malloc(3 * 1500 + 1);
    int i;

    /* A GBK paste, a tab or 1,500 汉字 were stored as typed. */
    item(thiam, "申请日期", "2025-03-01");
    advance(thiam, "2025-03-05");
    item(thiam, "受理日期", "2025-03-10");
    advance(thiam, "2025-03-10");
    cr_expect_eq(pilot_item_set(db, "甲", thiam, "评审意见", "\xcd\xac\xd2\xe2", &e), ERR_INVALID);
    cr_expect_str_eq(e.field, "value");
    cr_expect(strstr(e.msg, "评审意见含有无法识别的字节") != NULL, "%s", e.msg);
    cr_expect_eq(pilot_item_set(db, "甲", thiam, "评审意见", "同意\t通过", &e), ERR_INVALID);
    cr_expect(strstr(e.msg, "评审意见含有制表符") != NULL, "%s", e.msg);
    for (i = 0; i < 1500; i++)
        memcpy(huge + 3 * i, "长", 3);
    huge[3 * 1500] = '\0';
    cr_expect_eq(pilot_item_set(db, "甲", thiam, "评审意见", huge, &e), ERR_INVALID);
    cr_expect(strstr(e.msg, "评审意见太长了") != NULL, "%s", e.msg);
    free(huge);
    item(thiam, "评审意见", "同意，\n附专家名单");
    item(thiam, "评审日期", "2025-04-01");
    cr_expect_eq(pilot_advance(db, "甲", &rules, "2025-06-01", thiam, "2025-04-02", "\xff", &e),
                 ERR_INVALID);
    cr_expect(strstr(e.msg, "说明含有无法识别的字节") != NULL, "%s", e.msg);
    cr_expect_str_eq(stage_of(thiam), "专家评审", "a refused note moves nothing");
}

Test(pilot, the_run_limit_is_flagged_near_and_past_on_fixed_dates)
{
    struct pilot_status s;
    struct err e = {0};

    into_run(thiam, "2025-04-01");
    cr_assert_eq(pilot_status_get(db, &rules, "2026-12-01", thiam, &s, &e), ERR_OK);
    cr_expect_str_eq(s.st.run_start, "2025-04-01");
    cr_expect_str_eq(s.st.deadline, "2027-04-01", "two years from the start");
    cr_expect_eq(s.flags & (PILOT_NEAR | PILOT_PAST), 0, "121 days left is not near");
    pilot_status_free(&s);
    cr_assert_eq(pilot_status_get(db, &rules, "2027-01-01", thiam, &s, &e), ERR_OK);
    cr_expect_eq(s.days_left, 90);
    cr_expect(s.flags & PILOT_NEAR);
    pilot_status_free(&s);
    cr_assert_eq(pilot_status_get(db, &rules, "2027-04-02", thiam, &s, &e), ERR_OK);
    cr_expect(s.flags & PILOT_PAST);
    cr_expect_eq(s.days_left, -1);
    pilot_status_free(&s);
}

Test(pilot, one_extension_of_at_most_the_configured_years)
{
    struct pilot_status s;
    struct err e = {0};

    into_run(thiam, "2025-04-01");
    cr_expect_eq(pilot_extend(db, "甲", &rules, "2027-03-01", thiam, 2, NULL, &e), ERR_INVALID);
    cr_expect(strstr(e.msg, "1 到 1 年") != NULL, "%s", e.msg);
    cr_assert_eq(pilot_extend(db, "甲", &rules, "2027-03-01", thiam, 1, NULL, &e), ERR_OK, "%s",
                 e.msg);
    cr_assert_eq(pilot_status_get(db, &rules, "2027-04-02", thiam, &s, &e), ERR_OK);
    cr_expect_str_eq(s.st.deadline, "2028-04-01");
    cr_expect_eq(s.flags & (PILOT_NEAR | PILOT_PAST), 0);
    pilot_status_free(&s);
    cr_expect_eq(pilot_extend(db, "甲", &rules, "2027-05-01", thiam, 1, NULL, &e), ERR_INVALID);
    cr_expect(strstr(e.msg, "只能延期一次") != NULL, "%s", e.msg);
}

Test(pilot, no_extension_after_the_limit_or_when_the_rules_allow_none)
{
    struct pilot_rules none = {2, 0, 90};
    struct err e = {0};

    into_run(thiam, "2025-04-01");
    cr_expect_eq(pilot_extend(db, "甲", &none, "2026-01-01", thiam, 1, NULL, &e), ERR_INVALID);
    cr_expect(strstr(e.msg, "不能延期") != NULL, "%s", e.msg);
    cr_expect_eq(pilot_extend(db, "甲", &rules, "2027-05-01", thiam, 1, NULL, &e), ERR_INVALID);
    cr_expect(strstr(e.msg, "2027-04-01 到期") != NULL, "%s", e.msg);
}

Test(pilot, a_run_limit_follows_the_configuration)
{
    struct pilot_rules three = {3, 1, 30};
    struct pilot_status s;
    struct err e = {0};

    into_run(thiam, "2028-02-29");
    cr_assert_eq(pilot_status_get(db, &three, "2031-02-01", thiam, &s, &e), ERR_OK);
    cr_expect_str_eq(s.st.deadline, "2031-03-01", "29 February plus three years");
    cr_expect(s.flags & PILOT_NEAR);
    pilot_status_free(&s);
}

Test(pilot, leaving_the_run_ends_it_and_stops_the_flags)
{
    struct pilot_status s;
    struct err e = {0};

    into_run(thiam, "2025-04-01");
    item(thiam, "中试总结报告", "中试总结（2027年3月）");
    advance(thiam, "2027-03-20");
    cr_assert_eq(pilot_status_get(db, &rules, "2027-06-01", thiam, &s, &e), ERR_OK);
    cr_expect_str_eq(s.stages[s.cur].name, "验收");
    cr_expect_str_eq(s.st.run_end, "2027-03-20");
    cr_expect_null(s.st.deadline);
    cr_expect_eq(s.flags & (PILOT_NEAR | PILOT_PAST), 0);
    pilot_status_free(&s);
}

Test(pilot, exit_with_plant_needs_dismantled_or_sealed)
{
    struct pilot_status s;
    struct err e = {0};

    into_run(thiam, "2025-04-01");
    cr_expect_eq(pilot_exit(db, "甲", "2026-01-05", thiam, NULL, NULL, NULL, &e), ERR_INVALID);
    cr_expect_str_eq(e.field, "mode");
    cr_expect(strstr(e.msg, "拆除、封存") != NULL, "%s", e.msg);
    cr_expect_eq(pilot_exit(db, "甲", "2026-01-05", thiam, "卖掉", NULL, NULL, &e), ERR_INVALID);
    cr_assert_eq(pilot_exit(db, "甲", "2026-01-05", thiam, "封存", NULL, "企业转产", &e), ERR_OK,
                 "%s", e.msg);
    cr_assert_eq(pilot_status_get(db, &rules, "2026-01-05", thiam, &s, &e), ERR_OK);
    cr_expect_str_eq(s.stages[s.cur].name, "退出");
    cr_expect_str_eq(s.st.exit_mode, "封存");
    cr_expect_str_eq(s.st.exit_date, "2026-01-05");
    cr_expect_str_eq(s.st.run_end, "2026-01-05");
    pilot_status_free(&s);
    cr_expect_eq(pilot_advance(db, "甲", &rules, "2026-02-01", thiam, NULL, NULL, &e), ERR_INVALID);
    cr_expect(strstr(e.msg, "已退出") != NULL, "%s", e.msg);
}

Test(pilot, an_application_withdrawn_before_building_needs_no_mode)
{
    struct err e = {0};

    cr_assert_eq(pilot_exit(db, "甲", "2025-06-01", thiam, NULL, NULL, "撤回申请", &e), ERR_OK,
                 "%s", e.msg);
    cr_expect_str_eq(stage_of(thiam), "退出");
}

Test(pilot, back_returns_to_where_the_project_came_from)
{
    struct pilot_status s;
    struct err e = {0};

    into_run(thiam, "2025-04-01");
    cr_assert_eq(pilot_exit(db, "甲", "2026-01-05", thiam, "拆除", NULL, NULL, &e), ERR_OK);
    cr_assert_eq(pilot_back(db, "乙", "2026-01-06", thiam, NULL, "误操作", &e), ERR_OK, "%s",
                 e.msg);
    cr_assert_eq(pilot_status_get(db, &rules, "2026-01-06", thiam, &s, &e), ERR_OK);
    cr_expect_str_eq(s.stages[s.cur].name, "中试运行");
    cr_expect_null(s.st.exit_mode);
    cr_expect_null(s.st.run_end, "the run goes on");
    cr_expect_str_eq(s.st.run_start, "2025-04-01");
    pilot_status_free(&s);
    cr_assert_eq(pilot_back(db, "乙", "2026-01-06", thiam, NULL, NULL, &e), ERR_OK, "%s", e.msg);
    cr_expect_str_eq(stage_of(thiam), "建设");
}

Test(pilot, the_board_counts_each_stage_and_what_holds_it)
{
    struct db_pilot_board *b;
    size_t n;
    char other[40];
    struct err e = {0};

    cr_assert_eq(reg_find(db, &reg_pilot_project, "双酚A型二醚二酐", other, &e), ERR_OK);
    into_run(thiam, "2025-04-01");
    item(other, "申请日期", "2025-05-01");
    cr_assert_eq(pilot_board(db, &rules, "2027-03-01", &b, &n, &e), ERR_OK, "%s", e.msg);
    cr_assert_eq(n, 10);
    cr_expect_str_eq(b[0].stage, "申请入驻");
    cr_expect_eq(b[0].total, 3);
    cr_expect_eq(b[0].held, 2, "双酚A has its application date; two others lack it");
    cr_expect_str_eq(b[6].stage, "中试运行");
    cr_expect_eq(b[6].total, 1);
    cr_expect_eq(b[6].held, 1, "the run report is missing");
    cr_expect_eq(b[6].near, 1, "31 days before 2027-04-01");
    cr_expect_eq(b[6].past, 0);
    db_pilot_board_free(b, n);
    cr_assert_eq(pilot_board(db, &rules, "2027-04-02", &b, &n, &e), ERR_OK);
    cr_expect_eq(b[6].near, 0);
    cr_expect_eq(b[6].past, 1);
    db_pilot_board_free(b, n);
}

Test(pilot, lists_filter_by_what_holds_a_project)
{
    struct pilot_filter f = {NULL, NULL, PILOT_NEAR, 0};
    struct db_pilot_row rows[8];
    long n;
    int got, i;
    struct err e = {0};

    into_run(thiam, "2025-04-01");
    cr_assert_eq(pilot_count(db, &rules, "2027-03-01", &f, &n, &e), ERR_OK);
    cr_expect_eq(n, 1);
    f.flags = PILOT_PAST;
    cr_assert_eq(pilot_count(db, &rules, "2027-03-01", &f, &n, &e), ERR_OK);
    cr_expect_eq(n, 0);
    f.flags = PILOT_HELD;
    f.search = "氧化镁";
    cr_assert_eq(pilot_page(db, &rules, "2027-03-01", &f, 0, 8, rows, &got, &e), ERR_OK);
    cr_assert_eq(got, 1);
    cr_expect_str_eq(rows[0].name, "电石净化灰颗粒分离氧化镁");
    cr_expect_eq(pilot_row_flags(&rules, "2027-03-01", &rows[0]), PILOT_HELD);
    for (i = 0; i < got; i++)
        db_pilot_row_free(&rows[i]);
}

Test(pilot, rules_come_from_the_configuration)
{
    struct config *c = config_defaults();
    struct pilot_rules r;
    struct err e = {0};

    pilot_rules_from_config(c, &r);
    cr_expect_eq(r.run_years, 2);
    cr_expect_eq(r.ext_years, 1);
    cr_expect_eq(r.warn_days, 90);
    cr_assert_eq(config_set(c, "rules:pilot_run_years", "3", &e), ERR_OK, "%s", e.msg);
    cr_assert_eq(config_set(c, "rules:pilot_extension_years", "0", &e), ERR_OK, "%s", e.msg);
    pilot_rules_from_config(c, &r);
    cr_expect_eq(r.run_years, 3);
    cr_expect_eq(r.ext_years, 0);
    config_free(c);
}

Test(pilot, loading_the_plan_again_keeps_the_stages_a_project_reached)
{
    struct plan_load_stats st = {0};
    struct err e = {0};

    item(thiam, "申请日期", "2025-03-01");
    advance(thiam, "2025-03-05");
    cr_assert_eq(plan_load(db, "测试", &st, &e), ERR_OK, "%s", e.msg);
    cr_expect_eq(st.rows_added, 0);
    cr_expect_str_eq(stage_of(thiam), "园区受理");
}

Test(pilot, an_office_adds_a_stage_and_an_item_that_then_gate_its_projects)
{
    struct db_pilot_stage *s;
    size_t n;
    struct err e = {0};

    cr_assert_eq(pilot_stage_add(db, "管理员", "安全设施竣工验收", "建设", 0, &e), ERR_OK, "%s",
                 e.msg);
    cr_assert_eq(pilot_stage_item_add(db, "管理员", "安全设施竣工验收", "验收报告编号", 0, &e),
                 ERR_OK, "%s", e.msg);
    cr_assert_eq(pilot_stage_item_add(db, "管理员", "申请入驻", "入驻协议签订日期", 1, &e), ERR_OK,
                 "%s", e.msg);
    cr_assert_eq(db_pilot_stages(db, NULL, &s, &n, &e), ERR_OK);
    cr_assert_eq(n, 11);
    cr_expect_str_eq(s[6].name, "安全设施竣工验收", "right after 建设");
    cr_expect_eq(s[6].facilities, 1, "plant is on the base as at 建设");
    cr_expect_str_eq(s[7].name, "中试运行");
    db_pilot_stages_free(s, n);
    item(thiam, "申请日期", "2025-03-01");
    cr_expect_eq(pilot_advance(db, "甲", &rules, "2025-06-01", thiam, NULL, NULL, &e), ERR_INVALID);
    cr_expect(strstr(e.msg, "还缺少：入驻协议签订日期") != NULL, "%s", e.msg);
    cr_expect_eq(pilot_stage_item_add(db, "管理员", "申请入驻", "申请日期", 1, &e), ERR_CONFLICT);
    cr_assert_eq(pilot_stage_item_archive(db, "管理员", "申请入驻", "入驻协议签订日期", &e), ERR_OK,
                 "%s", e.msg);
    cr_assert_eq(pilot_advance(db, "甲", &rules, "2025-06-01", thiam, NULL, NULL, &e), ERR_OK,
                 "the retired item no longer holds it: %s", e.msg);
}

Test(pilot, stages_in_use_or_final_are_not_retired)
{
    struct err e = {0};

    cr_expect_eq(pilot_stage_archive(db, "管理员", "申请入驻", &e), ERR_INVALID);
    cr_expect(strstr(e.msg, "还有 4 个中试项目") != NULL, "%s", e.msg);
    cr_expect_eq(pilot_stage_archive(db, "管理员", "退出", &e), ERR_INVALID);
    cr_expect_eq(pilot_stage_add(db, "管理员", "再评估", "产业化", 0, &e), ERR_INVALID);
    cr_expect_eq(pilot_stage_add(db, "管理员", "备案", "建设", 0, &e), ERR_CONFLICT);
    cr_assert_eq(pilot_stage_archive(db, "管理员", "安全评价/环评", &e), ERR_OK, "%s", e.msg);
    cr_expect_eq(pilot_stage_archive(db, "管理员", "安全评价/环评", &e), ERR_INVALID,
                 "already retired: no longer found");
}
