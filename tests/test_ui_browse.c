/* test_ui_browse.c — the paged reads behind the lists (db/browse.h): counts,
 * filters, and that seeking from a neighbouring row or from the end gives
 * exactly the rows an offset would. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "db/browse.h"
#include "src/plan_load.h"
#include "tests/bench/gen.h"

static struct db *b_db;

static void
browse_setup(void)
{
    struct err e = {0};
    struct plan_load_stats st;

    cr_assert_eq(db_open(":memory:", DB_OPEN_CREATE, &b_db, &e), ERR_OK, "%s", e.msg);
    cr_assert_eq(plan_load(b_db, "测试", &st, &e), ERR_OK, "%s", e.msg);
    cr_assert_eq(gen_enterprises(b_db, 0, 500, &e), ERR_OK, "%s", e.msg);
}

static void
browse_teardown(void)
{
    db_close(b_db);
}

TestSuite(browse, .init = browse_setup, .fini = browse_teardown);

/* Frees n rows. */
static void
free_rows(struct db_browse_enterprise *r, int n)
{
    int i;

    for (i = 0; i < n; i++)
        db_browse_enterprise_free(&r[i]);
}

Test(browse, count_and_filter)
{
    long n;
    struct err e = {0};

    cr_assert_eq(db_browse_enterprise_count(b_db, NULL, &n, &e), ERR_OK, "%s", e.msg);
    cr_expect_eq(n, 510, "10 from the plan, 500 generated");
    db_browse_enterprise_count(b_db, "建亨", &n, &e);
    cr_expect_eq(n, 2);
    db_browse_enterprise_count(b_db, "昭君镇", &n, &e);
    cr_expect_eq(n, 62, "township matches too");
    db_browse_enterprise_count(b_db, "%", &n, &e);
    cr_expect_eq(n, 0, "a % in the filter is a literal character");
}

Test(browse, pages_are_in_name_order_and_seeking_agrees_with_offsets)
{
    struct db_browse_enterprise a[20], b[20];
    int ga, gb, i;
    struct err e = {0};

    cr_assert_eq(db_browse_enterprise_page(b_db, NULL, 100, 20, a, &ga, &e), ERR_OK, "%s", e.msg);
    cr_assert_eq(ga, 20);
    for (i = 1; i < ga; i++)
        cr_expect_leq(strcmp(a[i - 1].name, a[i].name), 0);
    /* the 20 rows after row 99 are rows 100..119 */
    cr_assert_eq(db_browse_enterprise_page(b_db, NULL, 99, 1, b, &gb, &e), ERR_OK);
    {
        char *name = strdup(b[0].name);
        long long seq = b[0].seq;

        free_rows(b, gb);
        cr_assert_eq(db_browse_enterprise_near(b_db, NULL, name, seq, 1, 20, b, &gb, &e), ERR_OK);
        free(name);
    }
    cr_assert_eq(gb, 20);
    for (i = 0; i < 20; i++)
        cr_expect_str_eq(a[i].id, b[i].id, "row %d", 100 + i);
    free_rows(b, gb);
    /* the 20 rows before row 120 are the same, in the same order */
    db_browse_enterprise_page(b_db, NULL, 120, 1, b, &gb, &e);
    {
        char *name = strdup(b[0].name);
        long long seq = b[0].seq;

        free_rows(b, gb);
        db_browse_enterprise_near(b_db, NULL, name, seq, -1, 20, b, &gb, &e);
        free(name);
    }
    cr_assert_eq(gb, 20);
    for (i = 0; i < 20; i++)
        cr_expect_str_eq(a[i].id, b[i].id, "row %d from the other side", 100 + i);
    free_rows(b, gb);
    /* counting from the end: rows 100..119 of 510 are 390 from the end */
    db_browse_enterprise_page_from_end(b_db, NULL, 510 - 120, 20, b, &gb, &e);
    cr_assert_eq(gb, 20);
    for (i = 0; i < 20; i++)
        cr_expect_str_eq(a[i].id, b[i].id, "row %d from the end", 100 + i);
    free_rows(b, gb);
    free_rows(a, ga);
}

Test(browse, the_last_page_is_short)
{
    struct db_browse_enterprise a[20];
    int got;
    struct err e = {0};

    cr_assert_eq(db_browse_enterprise_page(b_db, NULL, 505, 20, a, &got, &e), ERR_OK);
    cr_expect_eq(got, 5);
    free_rows(a, got);
}

Test(browse, pilot_bases_come_before_their_projects)
{
    struct db_browse_pilot p[20];
    long n;
    int got, i;
    struct err e = {0};

    cr_assert_eq(db_browse_pilot_count(b_db, NULL, &n, &e), ERR_OK, "%s", e.msg);
    cr_expect_eq(n, 7);
    cr_assert_eq(db_browse_pilot_page(b_db, NULL, 0, 20, p, &got, &e), ERR_OK, "%s", e.msg);
    cr_assert_eq(got, 7);
    cr_expect_str_eq(p[0].name, "达拉特旗化工中试基地");
    cr_expect_eq(p[0].is_base, 1);
    cr_expect_eq(p[6].is_base, 0);
    cr_expect_str_eq(p[6].enterprise, "蒙泰铝业");
    for (i = 0; i < got; i++)
        db_browse_pilot_free(&p[i]);
    db_browse_pilot_count(b_db, "噻虫胺", &n, &e);
    cr_expect_eq(n, 1);
}
