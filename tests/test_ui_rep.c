/*
 * test_ui_rep.c — the supervisor's screens played headless on the shipped
 * plan: 总览 figures drilling down to their records and back, the bigger
 * layout on a bigger terminal, and 报表 running a report to the screen and
 * exporting it to a file, with a bad period refused in the form.
 */
#include <criterion/criterion.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "db/db.h"
#include "db/db_priv.h"
#include "db/snapshot.h"
#include "src/config.h"
#include "src/msg.h"
#include "src/plan_load.h"
#include "src/strbuf.h"
#include "ui/ui.h"

static struct db *g_db;
static struct config *g_cfg;
static char dir[64];

static void
setup(void)
{
    struct err e = {0};

    cr_assert_not_null(setlocale(LC_ALL, "C.UTF-8"));
    cr_assert_eq(db_open(":memory:", DB_OPEN_CREATE, &g_db, &e), ERR_OK, "%s", e.msg);
    cr_assert_eq(plan_load(g_db, "测试", NULL, &e), ERR_OK, "%s", e.msg);
    g_cfg = config_defaults();
    cr_assert_eq(config_set(g_cfg, "user:name", "李主任", &e), ERR_OK, "%s", e.msg);
    cr_assert_eq(config_set(g_cfg, "ui:color", "no", &e), ERR_OK, "%s", e.msg);
    snprintf(dir, sizeof dir, "/tmp/tuwei-uirep-XXXXXX");
    cr_assert_not_null(mkdtemp(dir));
}

static void
teardown(void)
{
    char cmd[128];

    db_close(g_db);
    config_free(g_cfg);
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    cr_expect_eq(system(cmd), 0);
}

TestSuite(ui_rep, .init = setup, .fini = teardown, .timeout = 60);

static int
exec_sql(struct db *d, void *arg, struct err *e)
{
    if (sqlite3_exec(db_handle(d), arg, NULL, NULL, NULL) != SQLITE_OK)
        return db_fail(d, e, "测试数据");
    return ERR_OK;
}

static void
sql(const char *text)
{
    struct err e = {0};
    char *copy = strdup(text);

    cr_assert_eq(db_write(g_db, "测试", exec_sql, copy, &e), ERR_OK, "%s", e.msg);
    free(copy);
}

/* Plays keys at cols x rows on 2025-06-30 and returns the screen text. */
static char *
play(const char *keys, int cols, int rows)
{
    struct ui_options o = {0};
    struct strbuf b = STRBUF_INIT;
    struct err e = {0};
    char out[128], buf[4096];
    size_t n;
    FILE *f;

    snprintf(out, sizeof out, "%s/screen.txt", dir);
    o.headless = 1;
    o.cols = cols;
    o.rows = rows;
    o.keys = keys;
    o.screen_out = out;
    snprintf(o.today, sizeof o.today, "2025-06-30");
    cr_assert_eq(ui_run(g_cfg, g_db, &o, &e), ERR_OK, "%s", e.msg);
    f = fopen(out, "r");
    cr_assert_not_null(f);
    while ((n = fread(buf, 1, sizeof buf, f)) > 0)
        strbuf_add(&b, buf, n);
    fclose(f);
    strbuf_puts(&b, "");
    return strbuf_take(&b);
}

#define EXPECT_ON(screen, text)                                                                    \
    cr_expect(strstr(screen, text) != NULL, "no '%s' on:\n%s", text, screen)
#define EXPECT_OFF(screen, text)                                                                   \
    cr_expect(strstr(screen, text) == NULL, "'%s' on:\n%s", text, screen)

Test(ui_rep, a_status_count_drills_down_to_its_tasks_and_back)
{
    char *s;

    sql("UPDATE task SET status_id = (SELECT id FROM task_status WHERE code = 'in_progress'),"
        " percent = 40 WHERE no IN (2, 5) AND action_id = (SELECT id FROM action WHERE no = 1)");
    /* the first figure is 高新技术企业's value; three lines down (past 科技型中小企业
     * and R&D intensity) is action 1, then along the line: 任务, 未启动, 推进中 */
    s = play("<Down><Down><Down><Left><Left><Right><Right>", 80, 24);
    EXPECT_ON(s, "Enter 查看：1 新兴产业技术攻坚行动 / 推进中");
    EXPECT_ON(s, "  1 新兴产业技术攻坚     11      9      2");
    free(s);
    s = play("<Down><Down><Down><Left><Left><Right><Right><Enter>", 80, 24);
    EXPECT_ON(s, "总览 > 1 新兴产业技术攻坚行动 / 推进中    （Esc 返回总览）");
    EXPECT_ON(s, "记录（2）");
    EXPECT_ON(s, "1.2 爱德曼氢能");
    EXPECT_ON(s, "1.5 聚达发电");
    EXPECT_OFF(s, "1.3 宽功率");
    EXPECT_ON(s, "进度：    40%");
    free(s);
    s = play("<Down><Down><Down><Left><Left><Right><Right><Enter><Esc>", 80, 24);
    EXPECT_ON(s, "二、七大行动");
    EXPECT_ON(s, "Enter 查看：1 新兴产业技术攻坚行动 / 推进中");
    EXPECT_OFF(s, "记录（2）");
    free(s);
}

Test(ui_rep, a_target_value_drills_down_to_the_enterprises_counted)
{
    char *s;

    sql("INSERT INTO enterprise(id, name, credit_code, created_at, created_by, updated_at,"
        " updated_by) VALUES('e1', '内蒙古建亨奥能科技有限公司', '91150621MA0N000001', 'x', 'x',"
        " 'x', 'x'), ('e2', '达拉特旗爱德曼氢能', NULL, 'x', 'x', 'x', 'x')");
    sql("INSERT INTO tier_event(id, enterprise_id, tier_id, kind, event_date, evidence_no,"
        " valid_to, created_at, created_by, updated_at, updated_by) VALUES"
        " ('t1', 'e1', (SELECT id FROM tier WHERE code = 'high_tech'), 'enter', '2024-12-01',"
        "  'GR202415000123', '2027-11-30', 'x', 'x', 'x', 'x'),"
        " ('t2', 'e2', (SELECT id FROM tier WHERE code = 'high_tech'), 'enter', '2022-06-01',"
        "  'GR202215000007', '2025-05-31', 'x', 'x', 'x', 'x')");
    s = play("<Enter>", 80, 24);
    EXPECT_ON(s, "总览 > 高新技术企业");
    EXPECT_ON(s, "记录（1）");
    EXPECT_ON(s, "内蒙古建亨奥能科技有限公司");
    EXPECT_ON(s, "GR202415000123");
    EXPECT_OFF(s, "爱德曼"); /* its certificate lapsed */
    free(s);
    s = play("<Enter><Tab><Esc><Esc>", 80, 24);
    EXPECT_ON(s, "  高新技术企业              33       1      32");
    free(s);
}

Test(ui_rep, a_bigger_terminal_shows_more_of_the_dashboard)
{
    char *s = play("", 120, 40);

    EXPECT_ON(s, "三、责任单位");
    EXPECT_ON(s, "  7 科技创新人才引育");
    EXPECT_ON(s, "["
                 "..................................................]");
    free(s);
    s = play("", 80, 24);
    EXPECT_OFF(s, "三、责任单位");
    free(s);
    s = play("<End>", 80, 24);
    EXPECT_ON(s, "五、梯度培育（家）");
    EXPECT_ON(s, "六、月度进展报送");
    free(s);
}

Test(ui_rep, a_report_runs_to_the_screen_and_exports_to_excel)
{
    char keys[512], path[128], *s;
    struct stat sb;

    s = play("5<Down><Down><Down><Enter><F2>", 80, 24);
    EXPECT_ON(s, "报表 > 2025年目标完成情况报表（截至 2025-06-30）");
    EXPECT_ON(s, "报表行（7）");
    EXPECT_ON(s, "市级\"揭榜挂帅\"项目");
    free(s);
    snprintf(path, sizeof path, "%s/目标.xlsx", dir);
    snprintf(keys, sizeof keys, "5<Down><Down><Down><Enter><F2>x<Down><C-u>%s<F2>", path);
    s = play(keys, 80, 24);
    EXPECT_ON(s, "已导出");
    EXPECT_ON(s, "（7 行）");
    cr_expect(stat(path, &sb) == 0 && sb.st_size > 0, "%s was not written", path);
    free(s);
}

Test(ui_rep, the_run_form_refuses_a_bad_period_and_keeps_it)
{
    char *s = play("5<Enter><Down><C-u>2025-6<F2>", 80, 24);

    EXPECT_ON(s, "统计期间请写成 YYYY-MM");
    EXPECT_ON(s, "2025-6");
    free(s);
}

Test(ui_rep, a_report_to_a_file_straight_from_the_list)
{
    char keys[512], path[128], *s;
    struct stat sb;

    snprintf(path, sizeof path, "%s/pilot.csv", dir);
    /* output: Excel -> CSV is two steps right */
    snprintf(keys, sizeof keys, "5<End><Enter><Down><Down><Right><Right><Down><C-u>%s<F2>", path);
    s = play(keys, 80, 24);
    EXPECT_ON(s, "已导出");
    EXPECT_ON(s, "（4 行）");
    cr_expect(stat(path, &sb) == 0 && sb.st_size > 0, "%s was not written", path);
    free(s);
}

Test(ui_rep, chase_counts_drill_down_to_certificates_and_pilot_projects)
{
    char *s;

    sql("INSERT INTO enterprise(id, name, created_at, created_by, updated_at, updated_by)"
        " VALUES('c1', '内蒙古某新材料科技有限公司', 'x', 'x', 'x', 'x')");
    sql("INSERT INTO tier_event(id, enterprise_id, tier_id, kind, event_date, evidence_no,"
        " valid_from, valid_to, created_at, created_by, updated_at, updated_by) VALUES"
        " ('c1e', 'c1', (SELECT id FROM tier WHERE code = 'high_tech'), 'enter', '2022-09-01',"
        "  'GR202215000321', '2022-09-01', '2025-08-31', 'x', 'x', 'x', 'x')");
    s = play("<PgDn><PgDn>", 80, 24);
    EXPECT_ON(s, "四、本周需督办");
    EXPECT_ON(s, "高企证书 6 个月内到期未续                      1");
    EXPECT_ON(s, "内蒙古某新材料科技有限公司  有效期至 2025-08-31（还有 62 天）");
    free(s);
    /* from the last figure (June's reports) up: five months, four tiers, then
     * the pilot runs, the held pilots, registrations, certificates */
    s = play("<End><Up><Up><Up><Up><Up><Up><Up><Up><Up><Up><Up><Up><Up><Enter>", 80, 24);
    EXPECT_ON(s, "总览 > 高企证书 6 个月内到期未续");
    EXPECT_ON(s, "记录（1）");
    EXPECT_ON(s, "GR202215000321");
    EXPECT_ON(s, "有效期至：      2025-08-31");
    free(s);
    s = play("<End><Up><Up><Up><Up><Up><Up><Up><Up><Up><Up><Up><Enter>", 80, 24);
    EXPECT_ON(s, "总览 > 中试项目卡在阶段关口（缺材料）");
    EXPECT_ON(s, "记录（4）");
    EXPECT_ON(s, "申请日期");
    EXPECT_ON(s, "本阶段材料未登记齐全");
    free(s);
}

Test(ui_rep, rd_and_gdp_are_entered_from_the_overview)
{
    static const char open[] = "<Down><Down>";
    char *s;

    s = play(open, 80, 24);
    EXPECT_ON(s, "Enter 录入全旗R&D经费与地区生产总值");
    EXPECT_ON(s, "尚未录入2025年R&D经费与地区生产总值：选中本行按 Enter 录入");
    free(s);
    /* A bad amount is named under its field and nothing is saved. */
    s = play("<Down><Down><Enter><Tab>两亿<Tab>350亿<F2>", 80, 24);
    EXPECT_ON(s, "金额\"两亿\"无法识别");
    EXPECT_ON(s, "两亿");
    free(s);
    s = play("", 80, 24);
    EXPECT_ON(s, "  R&D经费投入强度        1.00%       -       -");
    free(s);
    /* R&D above GDP is refused by the same rule as the command line. */
    s = play("<Down><Down><Enter><Tab>400亿<Tab>350亿<F2>", 80, 24);
    EXPECT_ON(s, "R&D经费");
    EXPECT_ON(s, "全旗R&D经费与GDP");
    free(s);
    /* Saved: the target shows the intensity at once, and the form comes back exact. */
    s = play("<Down><Down><Enter><Tab>2.8亿元<Tab>350亿<Tab>旗统计局<F2>", 80, 24);
    EXPECT_ON(s, "已保存2025年R&D经费与地区生产总值");
    EXPECT_ON(s, "  R&D经费投入强度        1.00%   0.80%   0.20%");
    free(s);
    s = play("<Down><Down><Enter>", 80, 24);
    EXPECT_ON(s, "28000万元");
    EXPECT_ON(s, "3500000万元");
    EXPECT_ON(s, "旗统计局");
    free(s);
}

/* Rows of month's target snapshot. */
static size_t
snapshot_rows(const char *month)
{
    struct db_snapshot *snap = NULL;
    struct err e = {0};
    size_t n = 0;

    cr_assert_eq(db_snapshot_month(g_db, month, &snap, &n, &e), ERR_OK, "%s", e.msg);
    free(snap);
    return n;
}

Test(ui_rep, the_overview_keeps_last_months_figures_once_it_is_on_screen)
{
    char *s;

    cr_assert_eq(snapshot_rows("2025-05"), 0);
    s = play("", 80, 24);
    EXPECT_ON(s, "一、总体目标");
    free(s);
    cr_expect_gt(snapshot_rows("2025-05"), 0, "kept after the first frame");
}

Test(ui_rep, marks_a_terminal_may_draw_wide_are_plain_on_screen_unless_told)
{
    struct err e = {0};
    char *s;

    s = play("", 80, 24);
    EXPECT_ON(s, "  市级\"揭榜挂帅\"项目         2       0       2");
    EXPECT_OFF(s, "“");
    free(s);
    cr_assert_eq(config_set(g_cfg, "ui:plain_marks", "no", &e), ERR_OK, "%s", e.msg);
    s = play("", 80, 24);
    EXPECT_ON(s, "市级“揭榜挂帅”项目");
    free(s);
    cr_assert_eq(config_set(g_cfg, "ui:plain_marks", "yes", &e), ERR_OK, "%s", e.msg);
}
