/*
 * test_targets.c — the plan's targets as of fixed dates: an empty
 * database, a target met early, certificates lapsing at a year boundary
 * and at their third anniversary, R&D intensity, last month's figures and
 * idempotent month-end snapshots.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/db.h"
#include "db/db_priv.h"
#include "db/ent_list.h"
#include "src/config.h"
#include "src/ent_funnel.h"
#include "src/plan_load.h"
#include "src/rdgdp.h"
#include "src/targets.h"

static struct db *db;

static void
setup(void)
{
    struct err e = {0};

    cr_assert_eq(db_open(":memory:", DB_OPEN_CREATE, &db, &e), ERR_OK, "%s", e.msg);
    cr_assert_eq(plan_load(db, "测试", NULL, &e), ERR_OK, "%s", e.msg);
}

static void
teardown(void)
{
    db_close(db);
}

TestSuite(targets, .init = setup, .fini = teardown);

static int
exec_sql(struct db *d, void *arg, struct err *e)
{
    if (sqlite3_exec(db_handle(d), arg, NULL, NULL, NULL) != SQLITE_OK)
        return db_fail(d, e, "测试数据");
    return ERR_OK;
}

/* Runs sql as one logged write. */
static void
sql(const char *text)
{
    struct err e = {0};
    char *copy = strdup(text);

    cr_assert_eq(db_write(db, "测试", exec_sql, copy, &e), ERR_OK, "%s", e.msg);
    free(copy);
}

/* Adds n enterprises named prefix1..prefixN entering tier (by code) on
 * date, valid from..to (to may be NULL for open). */
static void
add_tier(const char *prefix, int n, const char *tier, const char *date, const char *to)
{
    char text[2048];

    snprintf(text, sizeof text,
             "WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < %d)"
             " INSERT INTO enterprise(id, name, created_at, created_by, updated_at, updated_by)"
             " SELECT '%s' || i, '%s企业' || i, 'x', 'x', 'x', 'x' FROM k;"
             "WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < %d)"
             " INSERT INTO tier_event(id, enterprise_id, tier_id, kind, event_date, valid_from,"
             " valid_to, created_at, created_by, updated_at, updated_by)"
             " SELECT '%s-ev' || i, '%s' || i, (SELECT id FROM tier WHERE code = '%s'), 'enter',"
             " '%s', '%s', %s%s%s, 'x', 'x', 'x', 'x' FROM k",
             n, prefix, prefix, n, prefix, prefix, tier, date, date, to ? "'" : "",
             to ? to : "NULL", to ? "'" : "");
    sql(text);
}

static struct targets *
compute(const char *as_of)
{
    struct targets *t = NULL;
    struct err e = {0};

    cr_assert_eq(targets_compute(db, NULL, as_of, &t, &e), ERR_OK, "%s", e.msg);
    cr_assert_not_null(t);
    return t;
}

static const struct targets_fig *
fig(const struct targets *t, const char *code)
{
    size_t i;

    for (i = 0; i < t->n; i++) {
        if (strcmp(t->figs[i].code, code) == 0)
            return &t->figs[i];
    }
    cr_assert_fail("no target %s", code);
    return NULL;
}

Test(targets, empty_database_has_no_targets)
{
    struct db *empty = NULL;
    struct targets *t = NULL;
    struct err e = {0};

    cr_assert_eq(db_open(":memory:", DB_OPEN_CREATE, &empty, &e), ERR_OK);
    cr_assert_eq(targets_compute(empty, NULL, "2025-06-30", &t, &e), ERR_OK, "%s", e.msg);
    cr_expect_eq(t->n, 0u);
    cr_expect_eq(t->plan_year, 0);
    targets_free(t);
    db_close(empty);
}

Test(targets, plan_without_records_starts_at_zero)
{
    struct targets *t = compute("2025-01-01");
    const struct targets_fig *ht = fig(t, "high_tech");

    cr_expect_eq(t->plan_year, 2025);
    cr_expect_eq(t->n, 7u);
    cr_expect(ht->has_value);
    cr_expect_float_eq(ht->value, 0.0, 1e-9);
    cr_expect_float_eq(ht->target, 33.0, 1e-9);
    cr_expect_float_eq(ht->gap, 33.0, 1e-9);
    cr_expect_eq(ht->rag, TARGETS_AMBER, "a day into the year, nothing yet is only amber");
    cr_expect_eq(t->days_left, 364);
    cr_expect_eq(fig(t, "capacity_first_class")->rag, TARGETS_NONE);
    cr_expect_str_eq(fig(t, "capacity_first_class")->note, "定性目标");
    cr_expect(!fig(t, "rd_intensity")->has_value);
    cr_expect(strstr(fig(t, "rd_intensity")->note, "尚未录入2025年") != NULL);
    targets_free(t);
    t = compute("2025-07-01");
    cr_expect_eq(fig(t, "high_tech")->rag, TARGETS_RED, "half a year gone with nothing is red");
    targets_free(t);
}

Test(targets, a_target_met_early_is_green_with_no_gap)
{
    struct targets *t;
    const struct targets_fig *ht;
    char bar[11];

    add_tier("h", 34, "high_tech", "2025-03-15", "2028-03-14");
    t = compute("2025-04-30");
    ht = fig(t, "high_tech");
    cr_expect_float_eq(ht->value, 34.0, 1e-9);
    cr_expect(ht->met);
    cr_expect_float_eq(ht->gap, 0.0, 1e-9);
    cr_expect_eq(ht->rag, TARGETS_GREEN);
    cr_expect_str_eq(targets_rag_name(ht), "达标");
    targets_bar(ht->value, ht->target, 10, bar);
    cr_expect_str_eq(bar, "##########");
    /* the day before they entered, none counted */
    targets_free(t);
    t = compute("2025-03-14");
    cr_expect_float_eq(fig(t, "high_tech")->value, 0.0, 1e-9);
    targets_free(t);
}

Test(targets, on_pace_amber_and_red_follow_the_share_of_the_year)
{
    struct targets *t;

    add_tier("s", 33, "tech_sme", "2025-02-01", "2025-12-31"); /* 33 of 65 = 51% */
    t = compute("2025-06-30");                                 /* 181/365 = 49.6% gone */
    cr_expect_eq(fig(t, "tech_sme")->rag, TARGETS_GREEN);
    cr_expect_str_eq(targets_rag_name(fig(t, "tech_sme")), "正常");
    targets_free(t);
    t = compute("2025-08-31"); /* 66.6% gone: 51% is within 20 points */
    cr_expect_eq(fig(t, "tech_sme")->rag, TARGETS_AMBER);
    targets_free(t);
    t = compute("2025-11-30"); /* 91.5% gone */
    cr_expect_eq(fig(t, "tech_sme")->rag, TARGETS_RED);
    targets_free(t);
}

Test(targets, tech_sme_registrations_lapse_at_the_year_boundary)
{
    struct targets *t;
    const struct targets_fig *f;

    add_tier("s", 65, "tech_sme", "2025-04-01", "2025-12-31");
    t = compute("2025-12-31");
    f = fig(t, "tech_sme");
    cr_expect_float_eq(f->value, 65.0, 1e-9);
    cr_expect(f->met);
    cr_expect_eq(t->days_left, 0);
    targets_free(t);
    t = compute("2026-01-01"); /* still the 2025 plan: no 2026 plan is loaded */
    f = fig(t, "tech_sme");
    cr_expect_eq(t->plan_year, 2025);
    cr_expect_float_eq(t->elapsed, 1.0, 1e-9);
    cr_expect_float_eq(f->value, 0.0, 1e-9);
    cr_expect_eq(f->rag, TARGETS_RED);
    cr_expect_str_eq(t->prev_month, "2025-12");
    cr_expect(f->has_prev);
    cr_expect_float_eq(f->prev, 65.0, 1e-9, "last month's figure, as of 2025-12-31");
    cr_expect(!f->prev_snapshot);
    targets_free(t);
}

Test(targets, high_tech_certificates_count_for_three_years_and_drops_count)
{
    struct targets *t;

    add_tier("g", 3, "high_tech", "2022-11-01", "2025-10-31");
    sql("INSERT INTO tier_event(id, enterprise_id, tier_id, kind, event_date,"
        " created_at, created_by, updated_at, updated_by)"
        " VALUES('drop1', 'g1', (SELECT id FROM tier WHERE code = 'high_tech'), 'drop',"
        " '2025-06-01', 'x', 'x', 'x', 'x')");
    sql("UPDATE enterprise SET archived_at = '2025-01-01T00:00:00Z' WHERE id = 'g2'");
    t = compute("2025-05-31");
    cr_expect_float_eq(fig(t, "high_tech")->value, 2.0, 1e-9,
                       "an archived enterprise is not counted");
    targets_free(t);
    t = compute("2025-10-31");
    cr_expect_float_eq(fig(t, "high_tech")->value, 1.0, 1e-9, "g1 was dropped in June");
    targets_free(t);
    t = compute("2025-11-01");
    cr_expect_float_eq(fig(t, "high_tech")->value, 0.0, 1e-9, "g3's certificate lapsed");
    targets_free(t);
}

Test(targets, rd_intensity_from_the_years_figures)
{
    struct targets *t;
    const struct targets_fig *f;
    struct err e = {0};

    cr_assert_eq(rdgdp_save(db, "测试", 2024, 532000000LL, 58461538462LL, NULL, &e), ERR_OK, "%s",
                 e.msg);
    t = compute("2025-06-30");
    f = fig(t, "rd_intensity");
    cr_expect(f->has_value);
    cr_expect_float_eq(f->value, 0.91, 0.001);
    cr_expect(strstr(f->note, "按2024年数据") != NULL, "%s", f->note);
    cr_expect_float_eq(f->gap, 0.09, 0.001);
    targets_free(t);
    cr_assert_eq(rdgdp_save(db, "测试", 2025, 650000000LL, 60000000000LL, "统计公报", &e), ERR_OK);
    t = compute("2025-06-30");
    f = fig(t, "rd_intensity");
    cr_expect_float_eq(f->value, 1.0833, 0.001);
    cr_expect_null(f->note);
    cr_expect(f->met);
    targets_free(t);
}

Test(targets, last_month_comes_from_the_snapshot_when_one_was_taken)
{
    struct targets *t;
    struct err e = {0};
    int changed = -1;
    long long logged;

    add_tier("a", 10, "high_tech", "2025-05-10", NULL);
    cr_assert_eq(targets_snapshot_take(db, NULL, "测试", "2025-05", "2025-06-01", &changed, &e),
                 ERR_OK, "%s", e.msg);
    cr_expect_eq(changed, 6, "six measurable targets");
    logged = db_changelog_count(db);
    /* the same snapshot again changes nothing */
    cr_assert_eq(targets_snapshot_take(db, NULL, "测试", "2025-05", "2025-06-02", &changed, &e),
                 ERR_OK);
    cr_expect_eq(changed, 0);
    cr_expect_eq(db_changelog_count(db), logged);
    /* records entered late for May do not rewrite what May's snapshot said */
    add_tier("b", 5, "high_tech", "2025-05-20", NULL);
    t = compute("2025-06-15");
    cr_expect_float_eq(fig(t, "high_tech")->value, 15.0, 1e-9);
    cr_expect(fig(t, "high_tech")->prev_snapshot);
    cr_expect_float_eq(fig(t, "high_tech")->prev, 10.0, 1e-9);
    targets_free(t);
}

Test(targets, a_snapshot_of_a_month_not_yet_over_is_refused)
{
    struct err e = {0};

    cr_expect_eq(targets_snapshot_take(db, NULL, "测试", "2025-06", "2025-06-29", NULL, &e),
                 ERR_REFUSED);
    cr_expect(strstr(e.msg, "还没有结束") != NULL, "%s", e.msg);
    cr_expect_eq(targets_snapshot_take(db, NULL, "测试", "2025-6", "2025-07-29", NULL, &e),
                 ERR_INVALID);
    cr_expect_eq(targets_snapshot_take(db, NULL, "测试", "2025-06", "2025-06-30", NULL, &e),
                 ERR_OK);
}

Test(targets, bad_dates_are_refused)
{
    struct targets *t = NULL;
    struct err e = {0};

    cr_expect_eq(targets_compute(db, NULL, "2025-02-30", &t, &e), ERR_INVALID);
    cr_expect_null(t);
}

Test(targets, bars_and_values)
{
    char bar[11], buf[32];
    char pct[] = "percent", cnt[] = "count";
    struct targets_fig f = {.kind = pct};

    targets_bar(0, 33, 10, bar);
    cr_expect_str_eq(bar, "..........");
    targets_bar(16.5, 33, 10, bar);
    cr_expect_str_eq(bar, "#####.....");
    targets_bar(32.9, 33, 10, bar);
    cr_expect_str_eq(bar, "#########.", "a bar is full only when the target is met");
    targets_format_value(&f, 0.9123, 1, buf, sizeof buf);
    cr_expect_str_eq(buf, "0.91%");
    targets_format_value(&f, 0, 0, buf, sizeof buf);
    cr_expect_str_eq(buf, "-");
    f.kind = cnt;
    targets_format_value(&f, 28, 1, buf, sizeof buf);
    cr_expect_str_eq(buf, "28");
}

/* The one-pass counts agree with the register's own rule (db_ent_tier_count,
 * db_ent_candidate_count) on spans opened before their event date, drops
 * inside and after a span, open spans, renewals and archived enterprises. */
Test(targets, tier_counts_follow_the_register_rule)
{
    static const char *const days[] = {"2024-12-31", "2025-01-01", "2025-03-01", "2025-06-01",
                                       "2025-06-30", "2025-12-31", "2026-01-01", "2028-01-01"};
    struct config *cfg = config_defaults();
    struct ent_asof a;
    struct err e = {0};
    size_t i, k;

    add_tier("p", 3, "high_tech", "2025-02-01", "2028-01-31");
    add_tier("q", 4, "tech_sme", "2025-03-01", "2025-12-31");
    /* a span that opens before its event date; a drop inside a span; a
     * drop after the day; a renewal; an archived holder */
    sql("UPDATE tier_event SET valid_from = '2024-12-01' WHERE id = 'p-ev1';"
        "INSERT INTO tier_event(id, enterprise_id, tier_id, kind, event_date, created_at,"
        " created_by, updated_at, updated_by) VALUES"
        " ('d1', 'p2', (SELECT id FROM tier WHERE code = 'high_tech'), 'drop', '2025-06-01',"
        "  'x', 'x', 'x', 'x'),"
        " ('d2', 'q1', (SELECT id FROM tier WHERE code = 'tech_sme'), 'drop', '2025-11-15',"
        "  'x', 'x', 'x', 'x');"
        "INSERT INTO tier_event(id, enterprise_id, tier_id, kind, event_date, valid_from,"
        " valid_to, created_at, created_by, updated_at, updated_by) VALUES"
        " ('r1', 'q2', (SELECT id FROM tier WHERE code = 'tech_sme'), 'enter', '2026-01-01',"
        "  '2026-01-01', '2026-12-31', 'x', 'x', 'x', 'x');"
        "UPDATE enterprise SET archived_at = '2025-05-01T00:00:00Z' WHERE id = 'q3'");
    for (i = 0; i < sizeof days / sizeof days[0]; i++) {
        struct targets *t = NULL;

        cr_assert_eq(ent_asof_init(db, cfg, days[i], &a, &e), ERR_OK, "%s", e.msg);
        cr_assert_eq(targets_compute(db, cfg, days[i], &t, &e), ERR_OK, "%s", e.msg);
        for (k = 0; k < t->ntiers; k++) {
            long want =
                strcmp(t->tiers[k].code, "candidate") == 0
                    ? db_ent_candidate_count(db, &a.a, &e)
                    : db_ent_tier_count(db, &a.a,
                                        strcmp(t->tiers[k].code, "high_tech") == 0  ? a.ht_id
                                        : strcmp(t->tiers[k].code, "tech_sme") == 0 ? a.sme_id
                                                                                    : "none",
                                        &e);

            if (strcmp(t->tiers[k].code, "benchmark") == 0)
                continue;
            cr_expect_eq(t->tiers[k].count, want, "%s on %s: %ld, the register says %ld",
                         t->tiers[k].code, days[i], t->tiers[k].count, want);
        }
        targets_free(t);
    }
    config_free(cfg);
}

Test(targets, the_screens_keep_last_months_snapshot_once)
{
    struct targets *t;
    struct err e = {0};
    int taken = -1;
    long long logged;

    add_tier("a", 4, "high_tech", "2025-05-10", NULL);
    cr_assert_eq(targets_snapshot_ensure(db, NULL, "主任", "2025-06-03", &taken, &e), ERR_OK, "%s",
                 e.msg);
    cr_expect_eq(taken, 1);
    logged = db_changelog_count(db);
    cr_assert_eq(targets_snapshot_ensure(db, NULL, "主任", "2025-06-20", &taken, &e), ERR_OK);
    cr_expect_eq(taken, 0, "May is kept already");
    cr_expect_eq(db_changelog_count(db), logged);
    add_tier("b", 2, "high_tech", "2025-05-20", NULL); /* entered late for May */
    t = compute("2025-06-20");
    cr_expect(fig(t, "high_tech")->prev_snapshot);
    cr_expect_float_eq(fig(t, "high_tech")->prev, 4.0, 1e-9);
    targets_free(t);
}
