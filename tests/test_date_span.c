/* test_date_span.c — summary arithmetic of src/date.h: month ends, years gone, day spans. */
#include <criterion/criterion.h>

#include "src/date.h"

Test(date_span, dates_are_checked)
{
    int y, m, d;

    cr_expect(date_ymd("2025-02-28", &y, &m, &d));
    cr_expect(y == 2025 && m == 2 && d == 28);
    cr_expect(!date_ymd("2025-02-29", NULL, NULL, NULL));
    cr_expect(date_ymd("2024-02-29", NULL, NULL, NULL));
    cr_expect(!date_ymd("2025-13-01", NULL, NULL, NULL));
    cr_expect(!date_ymd("2025-6-30", NULL, NULL, NULL));
    cr_expect(!date_ymd("2025/06/30", NULL, NULL, NULL));
    cr_expect(!date_ymd(NULL, NULL, NULL, NULL));
    cr_expect(date_ym("2025-06", &y, &m) && y == 2025 && m == 6);
    cr_expect(!date_ym("2025-00", NULL, NULL));
    cr_expect(!date_ym("2025-6", NULL, NULL));
}

Test(date_span, month_ends_and_previous_months)
{
    char out[11], prev[8];

    date_month_end(2025, 2, out);
    cr_expect_str_eq(out, "2025-02-28");
    date_month_end(2024, 2, out);
    cr_expect_str_eq(out, "2024-02-29");
    date_month_end(2025, 12, out);
    cr_expect_str_eq(out, "2025-12-31");
    date_prev_month(2026, 1, prev);
    cr_expect_str_eq(prev, "2025-12");
    date_prev_month(2025, 7, prev);
    cr_expect_str_eq(prev, "2025-06");
}

Test(date_span, day_counts)
{
    cr_expect_eq(date_civil_days(1970, 1, 1), 0);
    cr_expect_eq(date_diff("2025-12-31", "2026-01-01"), 1);
    cr_expect_eq(date_diff("2025-01-01", "2025-12-31"), 364);
    cr_expect_eq(date_diff("2025-03-01", "2024-03-01"), -365);
}

Test(date_span, adding_months_clamps_the_day)
{
    char out[11];

    date_add_months("2025-08-31", 6, out);
    cr_expect_str_eq(out, "2026-02-28");
    date_add_months("2025-01-15", -1, out);
    cr_expect_str_eq(out, "2024-12-15");
}

Test(date_span, share_of_the_year_and_days_left)
{
    cr_expect_float_eq(date_year_elapsed("2025-12-31", 2025), 1.0, 1e-9);
    cr_expect_float_eq(date_year_elapsed("2026-01-01", 2025), 1.0, 1e-9);
    cr_expect_float_eq(date_year_elapsed("2024-12-31", 2025), 0.0, 1e-9);
    cr_expect_float_eq(date_year_elapsed("2025-07-02", 2025), 183.0 / 365.0, 1e-9);
    cr_expect_eq(date_year_days_left("2025-12-31", 2025), 0);
    cr_expect_eq(date_year_days_left("2025-12-30", 2025), 1);
    cr_expect_eq(date_year_days_left("2025-01-01", 2025), 364);
    cr_expect_eq(date_year_days_left("2024-06-01", 2025), 365);
    cr_expect_eq(date_year_days_left("2026-03-01", 2025), 0);
}
