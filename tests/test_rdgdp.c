/* test_rdgdp.c — amounts as clerks write them, and saving a year's R&D and GDP. */
#include <criterion/criterion.h>
#include <string.h>

#include "db/rd_input.h"
#include "src/rdgdp.h"

Test(rdgdp, amounts_with_units)
{
    struct err e = {0};
    long long y = 0;

    cr_expect_eq(rdgdp_parse_amount("532000000", "rd", &y, &e), ERR_OK);
    cr_expect_eq(y, 532000000LL);
    cr_expect_eq(rdgdp_parse_amount("53.2亿", "rd", &y, &e), ERR_OK);
    cr_expect_eq(y, 5320000000LL);
    cr_expect_eq(rdgdp_parse_amount("5.32亿元", "rd", &y, &e), ERR_OK);
    cr_expect_eq(y, 532000000LL);
    cr_expect_eq(rdgdp_parse_amount("53200万元", "rd", &y, &e), ERR_OK);
    cr_expect_eq(y, 532000000LL);
    cr_expect_eq(rdgdp_parse_amount("1,234.5万", "rd", &y, &e), ERR_OK);
    cr_expect_eq(y, 12345000LL);
    cr_expect_eq(rdgdp_parse_amount("12元", "rd", &y, &e), ERR_OK);
    cr_expect_eq(y, 12LL);
    cr_expect_eq(rdgdp_parse_amount("0.333元", "rd", &y, &e), ERR_OK);
    cr_expect_eq(y, 0LL);
}

Test(rdgdp, bad_amounts_name_the_field)
{
    struct err e = {0};
    long long y = 0;

    cr_expect_eq(rdgdp_parse_amount("五亿", "gdp", &y, &e), ERR_INVALID);
    cr_expect_str_eq(e.field, "gdp");
    cr_expect(strstr(e.msg, "五亿") != NULL);
    cr_expect_eq(rdgdp_parse_amount("12美元", "gdp", &y, &e), ERR_INVALID);
    cr_expect_eq(rdgdp_parse_amount("-5", "gdp", &y, &e), ERR_INVALID);
    cr_expect_eq(rdgdp_parse_amount("", "gdp", &y, &e), ERR_INVALID);
    cr_expect_eq(rdgdp_parse_amount(NULL, "gdp", &y, &e), ERR_INVALID);
}

Test(rdgdp, formatting)
{
    char buf[32];

    rdgdp_format_amount(5320000000LL, buf, sizeof buf);
    cr_expect_str_eq(buf, "53.20亿元");
    rdgdp_format_amount(12345000LL, buf, sizeof buf);
    cr_expect_str_eq(buf, "1234.50万元");
}

Test(rdgdp, saving_checks_and_replaces_the_year)
{
    struct db *db = NULL;
    struct db_rd_input in;
    struct err e = {0};
    double pct = 0;
    int found = 0;
    long long logged;

    cr_assert_eq(db_open(":memory:", DB_OPEN_CREATE, &db, &e), ERR_OK);
    cr_expect_eq(rdgdp_save(db, "u", 2025, 100, 0, NULL, &e), ERR_INVALID);
    cr_expect_str_eq(e.field, "gdp");
    cr_expect_eq(rdgdp_save(db, "u", 2025, 200, 100, NULL, &e), ERR_INVALID);
    cr_expect_str_eq(e.field, "rd");
    cr_expect_eq(rdgdp_save(db, "u", 1900, 1, 100, NULL, &e), ERR_INVALID);
    cr_expect_str_eq(e.field, "year");
    cr_expect_eq(rdgdp_intensity(db, 2025, &pct, &found, &e), ERR_OK);
    cr_expect_eq(found, 0);
    cr_assert_eq(rdgdp_save(db, "张三", 2025, 5, 1000, "统计局", &e), ERR_OK, "%s", e.msg);
    logged = db_changelog_count(db);
    cr_assert_eq(rdgdp_save(db, "张三", 2025, 5, 1000, "统计局", &e), ERR_OK);
    cr_expect_eq(db_changelog_count(db), logged, "saving the same figures logs nothing");
    cr_assert_eq(rdgdp_save(db, "李四", 2025, 12, 1000, NULL, &e), ERR_OK);
    cr_expect_eq(db_changelog_count(db), logged + 1);
    cr_expect_eq(rdgdp_intensity(db, 2025, &pct, &found, &e), ERR_OK);
    cr_expect(found);
    cr_expect_float_eq(pct, 1.2, 1e-9);
    cr_expect_eq(db_rd_input_get(db, 2025, &in, &found, &e), ERR_OK);
    cr_expect_str_eq(in.updated_by, "李四");
    cr_expect_null(in.source);
    db_rd_input_clear(&in);
    db_close(db);
}
