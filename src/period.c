/* period.c — calendar arithmetic on YYYY-MM-DD dates and YYYY-MM months. */
#include "src/period.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

/* Reads n digits of s into *v; 1 when they are all digits. */
static int
period_digits(const char *s, int n, int *v)
{
    int i;

    *v = 0;
    for (i = 0; i < n; i++) {
        if (!isdigit((unsigned char)s[i]))
            return 0;
        *v = *v * 10 + (s[i] - '0');
    }
    return 1;
}

static int
period_leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int
period_month_days(int y, int m)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

    if (m < 1 || m > 12)
        return 0;
    return days[m - 1] + (m == 2 && period_leap(y));
}

int
period_month(const char *s, int *y, int *m)
{
    int yy, mm;

    if (s == NULL || strlen(s) != 7 || s[4] != '-' || !period_digits(s, 4, &yy) ||
        !period_digits(s + 5, 2, &mm) || mm < 1 || mm > 12 || yy < 1)
        return 0;
    if (y)
        *y = yy;
    if (m)
        *m = mm;
    return 1;
}

int
period_date(const char *s, int *y, int *m, int *d)
{
    char mon[8];
    int yy, mm, dd;

    if (s == NULL || strlen(s) != 10 || s[7] != '-')
        return 0;
    memcpy(mon, s, 7);
    mon[7] = '\0';
    if (!period_month(mon, &yy, &mm) || !period_digits(s + 8, 2, &dd) || dd < 1 || dd > period_month_days(yy, mm))
        return 0;
    if (y)
        *y = yy;
    if (m)
        *m = mm;
    if (d)
        *d = dd;
    return 1;
}

/* Days from the civil date to 1970-01-01 (Howard Hinnant's algorithm). */
long
period_day_number(int y, int m, int d)
{
    long yy = y - (m <= 2), era = (yy >= 0 ? yy : yy - 399) / 400;
    long yoe = yy - era * 400;
    long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

    return era * 146097 + doe - 719468;
}

/* Day number of a valid date string. */
static long
period_number_of(const char *s)
{
    int y = 1970, m = 1, d = 1;

    period_date(s, &y, &m, &d);
    return period_day_number(y, m, d);
}

long
period_days_between(const char *a, const char *b)
{
    return period_number_of(b) - period_number_of(a);
}

/* Writes y-m-d (d 0: just y-m) into out, which has room for 11 bytes. */
static void
period_fmt(char *out, int y, int m, int d)
{
    unsigned yy = (unsigned)y % 10000u, mm = (unsigned)m % 100u, dd = (unsigned)d % 100u;

    if (d > 0)
        snprintf(out, 11, "%04u-%02u-%02u", yy, mm, dd);
    else
        snprintf(out, 8, "%04u-%02u", yy, mm);
}

void
period_month_end(int y, int m, char out[11])
{
    period_fmt(out, y, m, period_month_days(y, m));
}

void
period_prev_month(int y, int m, char out[8])
{
    if (m <= 1)
        period_fmt(out, y - 1, 12, 0);
    else
        period_fmt(out, y, m - 1, 0);
}

void
period_add_months(const char *date, int months, char out[11])
{
    int y = 1970, m = 1, d = 1, total, last;

    period_date(date, &y, &m, &d);
    total = y * 12 + (m - 1) + months;
    y = total / 12;
    m = total % 12 + 1;
    last = period_month_days(y, m);
    period_fmt(out, y, m, d > last ? last : d);
}

double
period_year_elapsed(const char *date, int year)
{
    long first = period_day_number(year, 1, 1), last = period_day_number(year, 12, 31);
    long day = period_number_of(date);

    if (day < first)
        return 0.0;
    if (day >= last)
        return 1.0;
    return (double)(day - first + 1) / (double)(last - first + 1);
}

long
period_year_days_left(const char *date, int year)
{
    long first = period_day_number(year, 1, 1), last = period_day_number(year, 12, 31);
    long day = period_number_of(date);

    if (day < first)
        return last - first + 1;
    return day >= last ? 0 : last - day;
}
