/*
 * test_dashboard.c — the overview on fixed data and dates: actions side by
 * side with their tasks by status, tier counts against targets, the text
 * form at 80 columns, and an empty database.
 */
#include <criterion/criterion.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/db.h"
#include "db/db_priv.h"
#include "db/drill.h"
#include "db/task.h"
#include "src/dashboard.h"
#include "src/progress.h"
#include "src/plan_load.h"
#include "src/reports.h"
#include "src/textw.h"

static struct db *db;

static void
setup(void)
{
    struct err e = {0};

    cr_assert_not_null(setlocale(LC_ALL, "C.UTF-8"));
    cr_assert_eq(db_open(":memory:", DB_OPEN_CREATE, &db, &e), ERR_OK, "%s", e.msg);
    cr_assert_eq(plan_load(db, "测试", NULL, &e), ERR_OK, "%s", e.msg);
}

static void
teardown(void)
{
    db_close(db);
}

TestSuite(dashboard, .init = setup, .fini = teardown);

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

    cr_assert_eq(db_write(db, "测试", exec_sql, copy, &e), ERR_OK, "%s", e.msg);
    free(copy);
}

static struct dashboard *
compute(struct db *d, const char *as_of)
{
    struct dashboard *dash = NULL;
    struct sumopts o;
    struct err e = {0};

    cr_assert_eq(sumopts_init(&o, NULL, as_of, NULL, &e), ERR_OK, "%s", e.msg);
    cr_assert_eq(dashboard_compute(d, &o, &dash, &e), ERR_OK, "%s", e.msg);
    return dash;
}

/* Index of the status with code in d. */
static int
status_of(const struct dashboard *d, const char *code)
{
    size_t i;

    for (i = 0; i < d->nstatus; i++) {
        if (strcmp(d->statuses[i].code, code) == 0)
            return (int)i;
    }
    cr_assert_fail("no status %s", code);
    return -1;
}

Test(dashboard, seven_actions_with_tasks_by_status)
{
    struct dashboard *d;
    const struct dash_action *a1;

    /* action 1: two tasks done, one in progress at 50% */
    sql("UPDATE task SET status_id = (SELECT id FROM task_status WHERE code = 'done'), percent = "
        "100"
        " WHERE no IN (1, 2) AND action_id = (SELECT id FROM action WHERE no = 1)");
    sql("UPDATE task SET status_id = (SELECT id FROM task_status WHERE code = 'in_progress'),"
        " percent = 50 WHERE no = 3 AND action_id = (SELECT id FROM action WHERE no = 1)");
    sql("UPDATE task SET archived_at = '2025-01-01T00:00:00Z'"
        " WHERE no = 4 AND action_id = (SELECT id FROM action WHERE no = 1)");
    d = compute(db, "2025-06-30");
    cr_assert_eq(d->nactions, 7u);
    a1 = &d->actions[0];
    cr_expect_eq(a1->no, 1);
    cr_expect_str_eq(a1->name, "新兴产业技术攻坚行动");
    cr_expect_eq(a1->total, 10, "an archived task is not counted");
    cr_expect_eq(a1->done, 2);
    cr_expect_eq(a1->by_status[status_of(d, "done")], 2);
    cr_expect_eq(a1->by_status[status_of(d, "in_progress")], 1);
    cr_expect_eq(a1->by_status[status_of(d, "not_started")], 7);
    cr_expect_eq(a1->percent, 25, "(100 + 100 + 50) / 10");
    cr_expect_eq(d->actions[6].total, 4);
    dashboard_free(d);
}

Test(dashboard, tier_counts_against_targets)
{
    struct dashboard *d;
    size_t i;

    sql("INSERT INTO enterprise(id, name, created_at, created_by, updated_at, updated_by)"
        " VALUES('e1', '甲', 'x', 'x', 'x', 'x'), ('e2', '乙', 'x', 'x', 'x', 'x')");
    sql("INSERT INTO tier_event(id, enterprise_id, tier_id, kind, event_date, valid_to,"
        " created_at, created_by, updated_at, updated_by) VALUES"
        " ('t1', 'e1', (SELECT id FROM tier WHERE code = 'tech_sme'), 'enter', '2025-03-01',"
        "  '2025-12-31', 'x', 'x', 'x', 'x'),"
        " ('t2', 'e2', (SELECT id FROM tier WHERE code = 'high_tech'), 'enter', '2024-05-01',"
        "  '2027-04-30', 'x', 'x', 'x', 'x')");
    d = compute(db, "2025-06-30");
    cr_assert_eq(d->ntiers, 4u);
    for (i = 0; i < d->ntiers; i++) {
        const struct dash_tier *t = &d->tiers[i];

        if (strcmp(t->code, "tech_sme") == 0)
            cr_expect(t->count == 1 && t->has_target && t->target == 65.0);
        else if (strcmp(t->code, "high_tech") == 0)
            cr_expect(t->count == 1 && t->has_target && t->target == 33.0);
        else if (strcmp(t->code, "candidate") == 0) /* the plan's 10 and 甲, 乙 hold tiers */
            cr_expect(t->count == 10 && !t->has_target, "candidates: %ld", t->count);
        else
            cr_expect(t->count == 0 && !t->has_target, "%s", t->code);
    }
    dashboard_free(d);
}

Test(dashboard, text_fits_80_columns)
{
    struct dashboard *d = compute(db, "2025-06-30");
    struct strbuf b = STRBUF_INIT;
    char *text, *line, *save = NULL;

    dashboard_text(d, 80, &b);
    text = strbuf_take(&b);
    cr_expect(
        strstr(text, "总览（截至 2025-06-30）  2025年工作方案  全年已过 49.6%，剩余 184 天") !=
        NULL);
    cr_expect(strstr(text, "  高新技术企业              33       0      33  [..........]") != NULL,
              "%s", text);
    cr_expect(strstr(text, "R 落后") != NULL);
    cr_expect(strstr(text, "  1 新兴产业技术攻坚     11     11      0") != NULL, "%s", text);
    cr_expect(strstr(text, "  科技型中小企业         0/65  [....") != NULL);
    for (line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save))
        cr_expect(textw_width(line) <= 80, "too wide: %s", line);
    free(text);
    dashboard_free(d);
}

Test(dashboard, wider_terminals_get_longer_bars)
{
    struct dashboard *d = compute(db, "2025-06-30");
    struct strbuf b = STRBUF_INIT;

    dashboard_text(d, 120, &b);
    /* 40 more columns: the target bars grow from 10 to 50 marks */
    cr_expect(strstr(b.s, "  ["
                          "..................................................]       0  R") != NULL,
              "%s", b.s);
    strbuf_free(&b);
    dashboard_free(d);
}

Test(dashboard, empty_database_says_what_to_do)
{
    struct db *empty = NULL;
    struct dashboard *d;
    struct strbuf b = STRBUF_INIT;
    struct err e = {0};

    cr_assert_eq(db_open(":memory:", DB_OPEN_CREATE, &empty, &e), ERR_OK);
    d = compute(empty, "2025-06-30");
    cr_expect_eq(d->nactions, 0u);
    cr_expect_eq(d->targets->n, 0u);
    dashboard_text(d, 80, &b);
    cr_expect(strstr(b.s, "数据库中还没有工作方案") != NULL, "%s", b.s);
    strbuf_free(&b);
    dashboard_free(d);
    db_close(empty);
}

Test(dashboard, reports_by_name_and_title)
{
    struct report *r = NULL;
    struct sumopts o;
    struct err e = {0};

    cr_assert_eq(sumopts_init(&o, NULL, "2025-06-30", NULL, &e), ERR_OK);
    cr_expect_str_eq(o.period, "2025-06");
    cr_expect_not_null(reports_find("企业台账"));
    cr_expect_eq(reports_run(db, "nosuch", &o, &r, &e), ERR_NOTFOUND);
    cr_expect(strstr(e.msg, "ledger（企业台账）") != NULL, "%s", e.msg);
    cr_assert_eq(reports_run(db, "pilot", &o, &r, &e), ERR_OK, "%s", e.msg);
    cr_expect_eq(r->nrows, 4u, "the four pilot projects of the plan");
    /* in pinyin order: 电石净化灰… (dian) first */
    cr_expect_str_eq(report_cell(r, 0, 7), "6.7");
    report_free(r);
    cr_assert_eq(reports_run(db, "targets", &o, &r, &e), ERR_OK, "%s", e.msg);
    cr_expect_eq(r->nrows, 7u);
    cr_expect_str_eq(r->title, "2025年目标完成情况报表");
    cr_expect_str_eq(report_cell(r, 0, 1), "高新技术企业");
    cr_expect_str_eq(report_cell(r, 0, 9), "落后");
    report_free(r);
    cr_expect_eq(sumopts_init(&o, NULL, "2025-06-30", "2025-6", &e), ERR_INVALID);
    cr_expect_str_eq(e.field, "period");
}

/* Adds a progress report on task action.no as the tasks module does. */
static void
report_on(int action, int no, const char *period, const char *date, const char *text,
          char id[DB_TASK_ID])
{
    struct progress_input in = {0};
    char task[DB_TASK_ID];
    struct err e = {0};

    cr_assert_eq(db_task_by_number(db, action, no, task, &e), ERR_OK, "%s", e.msg);
    in.period = period;
    in.report_date = date;
    in.progress = text;
    in.person = "王工";
    cr_assert_eq(progress_add(db, "测试", "2025-06-30", task, &in, id, &e), ERR_OK, "%s", e.msg);
}

Test(dashboard, monthly_report_and_report_counts)
{
    struct report *r = NULL;
    struct dashboard *d;
    struct db_drill_query q = {DB_DRILL_REPORTS, "2025-06"};
    struct sumopts o;
    struct err e = {0};
    char id[DB_TASK_ID], late[DB_TASK_ID];
    long n = 0;

    report_on(1, 2, "2025-05", "2025-05-20", "五月：完成设备选型", id);
    report_on(1, 2, "2025-06", "2025-06-10", "六月上旬：样机组装", id);
    report_on(1, 2, "2025-06", "2025-06-25", "六月下旬：样机联调（后删除）", late);
    report_on(2, 1, "2025-06", "2025-06-12", "真金286示范田播种完成", id);
    cr_assert_eq(progress_archive(db, "测试", late, &e), ERR_OK, "%s", e.msg);
    cr_assert_eq(sumopts_init(&o, NULL, "2025-06-30", "2025-06", &e), ERR_OK);
    cr_assert_eq(reports_run(db, "monthly", &o, &r, &e), ERR_OK, "%s", e.msg);
    cr_expect_str_eq(r->title, "2025年06月七大行动月度进展报表");
    cr_expect_eq(r->nrows, 46u, "every live task of the plan");
    cr_expect_str_eq(report_cell(r, 0, 1), "1.1");
    cr_expect_str_eq(report_cell(r, 0, 7), "（本月未报送）");
    cr_expect_str_eq(report_cell(r, 1, 1), "1.2");
    cr_expect_str_eq(report_cell(r, 1, 7), "六月上旬：样机组装", "the latest live report of June");
    cr_expect_str_eq(report_cell(r, 1, 6), "2025-06-10");
    report_free(r);
    d = compute(db, "2025-06-30");
    cr_expect_eq(d->nmonths, 6u);
    cr_expect_eq(d->months[4].reports, 1);
    cr_expect_eq(d->months[5].reports, 2, "June: 1.2 once (one deleted) and 2.1");
    cr_expect_eq(d->live_tasks, 46);
    dashboard_free(d);
    cr_expect_eq(db_drill_count(db, &q, &n, &e), ERR_OK);
    cr_expect_eq(n, 2);
}

Test(dashboard, a_year_boundary_shows_the_whole_year_of_reports)
{
    struct dashboard *d = compute(db, "2026-01-15");

    cr_expect_eq(d->targets->plan_year, 2025);
    cr_expect_eq(d->nmonths, 12u, "after the plan year, all twelve months");
    cr_expect_str_eq(d->months[11].month, "2025-12");
    dashboard_free(d);
    d = compute(db, "2025-01-01");
    cr_expect_eq(d->nmonths, 1u);
    dashboard_free(d);
}
