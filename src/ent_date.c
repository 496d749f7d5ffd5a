/*
 * ent_date.c — 'YYYY-MM-DD' dates: checking, counting days, adding months.
 */
#include "src/ent_date.h"

#include <string.h>

/* Days in month m (1..12) of year y. */
static int
ent_date_mdays(int y, int m)
{
    static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 29;
    return d[m - 1];
}

/* Parses s into y, m, d; 1 when it is a real date. */
static int
ent_date_split(const char *s, int *y, int *m, int *d)
{
    int i;

    if (s == NULL || strlen(s) != ENT_DATE_LEN || s[4] != '-' || s[7] != '-')
        return 0;
    for (i = 0; i < ENT_DATE_LEN; i++) {
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
            return 0;
    }
    *y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    *m = (s[5] - '0') * 10 + (s[6] - '0');
    *d = (s[8] - '0') * 10 + (s[9] - '0');
    return *y >= 1900 && *y <= 2200 && *m >= 1 && *m <= 12 && *d >= 1 &&
           *d <= ent_date_mdays(*y, *m);
}

/* Writes y-m-d as YYYY-MM-DD (y taken modulo 10000). */
static void
ent_date_fmt(long y, long m, long d, char out[ENT_DATE_LEN + 1])
{
    y %= 10000;
    out[0] = (char)('0' + y / 1000);
    out[1] = (char)('0' + y / 100 % 10);
    out[2] = (char)('0' + y / 10 % 10);
    out[3] = (char)('0' + y % 10);
    out[4] = '-';
    out[5] = (char)('0' + m / 10 % 10);
    out[6] = (char)('0' + m % 10);
    out[7] = '-';
    out[8] = (char)('0' + d / 10 % 10);
    out[9] = (char)('0' + d % 10);
    out[10] = '\0';
}

int
ent_date_valid(const char *s)
{
    int y, m, d;

    return ent_date_split(s, &y, &m, &d);
}

/* Days from 1970-01-01 to y-m-d (the civil-calendar count by eras of 400 years). */
static long
ent_date_civil(int y, int m, int d)
{
    long era, yoe, doy, doe;

    y -= m <= 2;
    era = (y >= 0 ? y : y - 399) / 400;
    yoe = y - era * 400;
    doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

long
ent_date_days(const char *s)
{
    int y = 1970, m = 1, d = 1;

    ent_date_split(s, &y, &m, &d);
    return ent_date_civil(y, m, d);
}

void
ent_date_from_days(long days, char out[ENT_DATE_LEN + 1])
{
    long z = days + 719468, era, doe, yoe, doy, mp, y, m, d;

    era = (z >= 0 ? z : z - 146096) / 146097;
    doe = z - era * 146097;
    yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    y = yoe + era * 400;
    doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    mp = (5 * doy + 2) / 153;
    d = doy - (153 * mp + 2) / 5 + 1;
    m = mp + (mp < 10 ? 3 : -9);
    y += m <= 2;
    ent_date_fmt(y, m, d, out);
}

void
ent_date_add_days(const char *s, long n, char out[ENT_DATE_LEN + 1])
{
    ent_date_from_days(ent_date_days(s) + n, out);
}

void
ent_date_add_months(const char *s, int n, char out[ENT_DATE_LEN + 1])
{
    int y = 1970, m = 1, d = 1, total;

    ent_date_split(s, &y, &m, &d);
    total = y * 12 + (m - 1) + n;
    y = total / 12;
    m = total % 12 + 1;
    if (d > ent_date_mdays(y, m))
        d = ent_date_mdays(y, m);
    ent_date_fmt(y, m, d, out);
}

int
ent_date_year(const char *s)
{
    int y = 0, m, d;

    ent_date_split(s, &y, &m, &d);
    return y;
}
