/* test_date.c — typed dates and months, and whole-day arithmetic. */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <stdio.h>
#include <string.h>

#include "src/date.h"

/* Arrays, not pointers: Criterion hands parameters to a separate process. */
struct date_case {
    char in[64];
    char want[16]; /* "": refused */
    char msg[64];  /* part of the refusal message */
};

static struct date_case cases[] = {
    {"2025-03-05", "2025-03-05", ""},
    {"2025-3-5", "2025-03-05", ""},
    {"2025/03/05", "2025-03-05", ""},
    {"2025/3/5", "2025-03-05", ""},
    {"20250305", "2025-03-05", ""},
    {"2025.3.5", "2025-03-05", ""},
    {"2025年3月5日", "2025-03-05", ""},
    {"2025年3月5号", "2025-03-05", ""},
    {"2025年12月31", "2025-12-31", ""},
    {"  2025-03-05 ", "2025-03-05", ""},
    {"\xef\xbc\x92\xef\xbc\x90\xef\xbc\x92\xef\xbc\x95\xef\xbc\x8d\xef\xbc\x93\xef\xbc\x8d\xef\xbc"
     "\x95",
     "2025-03-05", ""}, /* full-width ２０２５－３－５ */
    {"2024-02-29", "2024-02-29", ""},
    {"2000-02-29", "2000-02-29", ""},
    {"2025-02-30", "", "2025年2月没有30日（该月只有28天）"},
    {"2025-02-29", "", "该月只有28天"},
    {"1900-02-29", "", "该月只有28天"},
    {"2025-04-31", "", "2025年4月没有31日"},
    {"2025-13-01", "", "月份 13 不存在"},
    {"2025-00-10", "", "月份 0 不存在"},
    {"2025-01-00", "", "没有0日"},
    {"20250230", "", "没有30日"},
    {"1850-01-01", "", "年份 1850 不在"},
    {"", "", "请填写日期"},
    {"   ", "", "请填写日期"},
    {"2025-03", "", "格式不对"},
    {"2025-3/5", "", "格式不对"},
    {"25-3-5", "", "格式不对"},
    {"2025-003-05", "", "格式不对"},
    {"2025-03-05x", "", "格式不对"},
    {"2025 03 05", "", "格式不对"},
    {"三月五日", "", "格式不对"},
    {"2025030", "", "格式不对"},
    {"202503050", "", "格式不对"},
};

ParameterizedTestParameters(date, parse)
{
    return cr_make_param_array(struct date_case, cases, sizeof cases / sizeof cases[0]);
}

ParameterizedTest(struct date_case *c, date, parse)
{
    char out[DATE_LEN + 1] = "junk";
    struct err e = {0};
    int rc = date_parse(c->in, out, &e);

    if (c->want[0]) {
        cr_expect_eq(rc, ERR_OK, "\"%s\" refused: %s", c->in, e.msg);
        cr_expect_str_eq(out, c->want, "\"%s\"", c->in);
    } else {
        cr_expect_eq(rc, ERR_INVALID, "\"%s\" accepted as %s", c->in, out);
        cr_expect_str_eq(out, "");
        cr_expect(strstr(e.msg, c->msg) != NULL, "\"%s\": message \"%s\" lacks \"%s\"", c->in,
                  e.msg, c->msg);
    }
}

Test(date, parse_null_is_empty)
{
    char out[DATE_LEN + 1];
    struct err e = {0};

    cr_expect_eq(date_parse(NULL, out, &e), ERR_INVALID);
    cr_expect(strstr(e.msg, "请填写日期") != NULL);
}

Test(date, months)
{
    static const char *const good[][2] = {{"2025-06", "2025-06"},   {"2025-6", "2025-06"},
                                          {"2025/06", "2025-06"},   {"202506", "2025-06"},
                                          {"2025年6月", "2025-06"}, {"2025.12", "2025-12"}};
    static const char *const bad[][2] = {{"2025-13", "13 月不存在"}, {"2025-00", "0 月不存在"},
                                         {"2025-06-01", "格式不对"}, {"", "请填写月份"},
                                         {"6月", "格式不对"},        {"1800-01", "年份"}};
    char out[DATE_MONTH_LEN + 1];
    struct err e = {0};
    size_t i;

    for (i = 0; i < sizeof good / sizeof good[0]; i++) {
        cr_expect_eq(date_month_parse(good[i][0], out, &e), ERR_OK, "%s: %s", good[i][0], e.msg);
        cr_expect_str_eq(out, good[i][1]);
    }
    for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        cr_expect_eq(date_month_parse(bad[i][0], out, &e), ERR_INVALID, "%s accepted", bad[i][0]);
        cr_expect(strstr(e.msg, bad[i][1]) != NULL, "%s: \"%s\"", bad[i][0], e.msg);
    }
}

Test(date, valid_is_strict)
{
    cr_expect(date_valid("2025-03-05"));
    cr_expect(date_valid("2024-02-29"));
    cr_expect_not(date_valid("2025-3-5"));
    cr_expect_not(date_valid("2025-02-29"));
    cr_expect_not(date_valid("20250305"));
    cr_expect_not(date_valid("2025-03-05 "));
    cr_expect_not(date_valid(NULL));
}

Test(date, arithmetic)
{
    char out[DATE_LEN + 1];

    cr_expect_eq(date_to_days("1970-01-01"), 0);
    cr_expect_eq(date_to_days("2000-03-01"), 11017);
    cr_expect_eq(date_diff("2025-01-01", "2025-12-31"), 364);
    cr_expect_eq(date_diff("2024-01-01", "2025-01-01"), 366);
    cr_expect_eq(date_diff("2025-03-05", "2025-02-03"), -30);
    date_add_days("2025-02-28", 1, out);
    cr_expect_str_eq(out, "2025-03-01");
    date_add_days("2024-02-28", 1, out);
    cr_expect_str_eq(out, "2024-02-29");
    date_add_days("2025-03-05", -30, out);
    cr_expect_str_eq(out, "2025-02-03");
    date_add_days("2025-12-31", 1, out);
    cr_expect_str_eq(out, "2026-01-01");
    date_from_days(-1, out);
    cr_expect_str_eq(out, "1969-12-31");
    date_month_of("2025-06-30", out);
    cr_expect_str_eq(out, "2025-06");
}

Test(date, every_day_round_trips)
{
    char out[DATE_LEN + 1], typed[16], back[DATE_LEN + 1];
    long d;

    for (d = date_to_days("1999-12-25"); d < date_to_days("2030-01-10"); d++) {
        date_from_days(d, out);
        cr_assert(date_valid(out), "%s", out);
        cr_assert_eq(date_to_days(out), d);
        snprintf(typed, sizeof typed, "%.4s%.2s%.2s", out, out + 5, out + 8);
        cr_assert_eq(date_parse(typed, back, NULL), ERR_OK, "%s", typed);
        cr_assert_str_eq(back, out);
    }
}
