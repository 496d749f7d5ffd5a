/*
 * ymd.c — 'YYYY-MM-DD' dates: checking, day numbers, adding years.
 * Day numbers follow the civil-calendar arithmetic of H. Hinnant's
 * "chrono-compatible low-level date algorithms" (the era of 400 years).
 */
#include "src/ymd.h"

#include <stdio.h>
#include <string.h>

/* 1 for a leap year. */
static int
ymd_leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
ymd_month_days(int y, int m)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

    return m == 2 && ymd_leap(y) ? 29 : days[m - 1];
}

/* Splits s into y, m, d; 1 when it is a real date. */
static int
ymd_split(const char *s, int *y, int *m, int *d)
{
    int i;

    if (s == NULL || strlen(s) != YMD_LEN || s[4] != '-' || s[7] != '-')
        return 0;
    for (i = 0; i < YMD_LEN; i++) {
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
            return 0;
    }
    *y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    *m = (s[5] - '0') * 10 + (s[6] - '0');
    *d = (s[8] - '0') * 10 + (s[9] - '0');
    return *y >= 1900 && *y <= 2199 && *m >= 1 && *m <= 12 && *d >= 1 &&
           *d <= ymd_month_days(*y, *m);
}

int
ymd_valid(const char *s)
{
    int y, m, d;

    return ymd_split(s, &y, &m, &d);
}

/* Day number of y-m-d counted from 1970-01-01. */
static long
ymd_civil(int y, int m, int d)
{
    long era, yoe, doy, doe;

    y -= m <= 2;
    era = (y >= 0 ? y : y - 399) / 400;
    yoe = y - era * 400;
    doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

long
ymd_days(const char *s)
{
    int y, m, d;

    if (!ymd_split(s, &y, &m, &d))
        return -1;
    return ymd_civil(y, m, d);
}

void
ymd_from_days(long z, char out[YMD_LEN + 1])
{
    long era, doe, yoe, y, doy, mp, d, m;

    z += 719468;
    era = (z >= 0 ? z : z - 146096) / 146097;
    doe = z - era * 146097;
    yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    y = yoe + era * 400;
    doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    mp = (5 * doy + 2) / 153;
    d = doy - (153 * mp + 2) / 5 + 1;
    m = mp < 10 ? mp + 3 : mp - 9;
    y += m <= 2;
    snprintf(out, YMD_LEN + 1, "%04u-%02u-%02u", (unsigned)(y % 10000), (unsigned)m % 13u,
             (unsigned)d % 32u);
}

long
ymd_diff(const char *a, const char *b)
{
    return ymd_days(b) - ymd_days(a);
}
