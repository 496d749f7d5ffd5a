/*
 * date.c — reading typed dates and months, and whole-day arithmetic.
 *
 * Typed text is first normalised (full-width digits and separators of a
 * Chinese input method become ASCII; 年 月 日 become markers), then read as
 * digit groups and separators. Day counts use the civil-from-days method
 * (days since 1970-01-01 in the proleptic Gregorian calendar).
 */
#include "src/date.h"

#include <stdio.h>
#include <string.h>

#define DATE_NORM_MAX 64

/* Markers the normaliser writes for 年 月 日 (and 号). */
#define DATE_MARK_YEAR 'Y'
#define DATE_MARK_MONTH 'M'
#define DATE_MARK_DAY 'D'

static const struct {
    const char *from;
    char to;
} date_map[] = {
    {"\xef\xbc\x8d", '-'},             /* － */
    {"\xef\xbc\x8f", '/'},             /* ／ */
    {"\xef\xbc\x8e", '.'},             /* ． */
    {"\xe3\x80\x82", '.'},             /* 。 */
    {"\xe5\xb9\xb4", DATE_MARK_YEAR},  /* 年 */
    {"\xe6\x9c\x88", DATE_MARK_MONTH}, /* 月 */
    {"\xe6\x97\xa5", DATE_MARK_DAY},   /* 日 */
    {"\xe5\x8f\xb7", DATE_MARK_DAY},   /* 号 */
};

/* Maps the character at *p to one ASCII byte if it is one we know (advancing
 * *p); 0 when it is not. */
static char
date_norm_char(const char **p)
{
    const unsigned char *u = (const unsigned char *)*p;
    size_t i, n;

    if (u[0] < 0x80) {
        (*p)++;
        return (char)u[0];
    }
    /* Full-width digits U+FF10..U+FF19: EF BC 90..99. */
    if (u[0] == 0xef && u[1] == 0xbc && u[2] >= 0x90 && u[2] <= 0x99) {
        *p += 3;
        return (char)('0' + (u[2] - 0x90));
    }
    for (i = 0; i < sizeof date_map / sizeof date_map[0]; i++) {
        n = strlen(date_map[i].from);
        if (strncmp(*p, date_map[i].from, n) == 0) {
            *p += n;
            return date_map[i].to;
        }
    }
    return 0;
}

/* 1 for the spaces around typed text: ASCII blanks and the ideographic space. */
static size_t
date_space(const char *p)
{
    if (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')
        return 1;
    return strncmp(p, "\xe3\x80\x80", 3) == 0 ? 3 : 0;
}

/* Normalises in into out (ASCII only); 0 when it holds a character we
 * cannot read or is too long. */
static int
date_normalise(const char *in, char *out, size_t size)
{
    const char *p = in;
    size_t o = 0, sp;
    char c;

    while ((sp = date_space(p)) > 0)
        p += sp;
    while (*p) {
        if ((sp = date_space(p)) > 0) {
            const char *q = p;

            while ((sp = date_space(q)) > 0)
                q += sp;
            if (*q == '\0')
                break; /* trailing spaces */
            return 0;
        }
        if ((c = date_norm_char(&p)) == 0 || o + 1 >= size)
            return 0;
        out[o++] = c;
    }
    out[o] = '\0';
    return 1;
}

/* Reads a run of 1..max digits at *p into *v; returns the count (0: none or too many). */
static int
date_digits(const char **p, int max, int *v)
{
    int n = 0;

    *v = 0;
    while (**p >= '0' && **p <= '9') {
        if (++n > max)
            return 0;
        *v = *v * 10 + (**p - '0');
        (*p)++;
    }
    return n;
}

/* Reads "Y sep M" (sep one of -/. or the 年 marker) at *p; returns the separator or 0. */
static char
date_year_month(const char **p, int *y, int *m)
{
    char sep;

    if (date_digits(p, 4, y) != 4)
        return 0;
    sep = **p;
    if (sep != '-' && sep != '/' && sep != '.' && sep != DATE_MARK_YEAR)
        return 0;
    (*p)++;
    if (date_digits(p, 2, m) == 0)
        return 0;
    return sep;
}

/* Splits the normalised s into y, m, d; 0 when it is no date format we accept. */
static int
date_split(const char *s, int *y, int *m, int *d)
{
    const char *p = s;
    char sep;

    if (strlen(s) == 8 && strspn(s, "0123456789") == 8) {
        *y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
        *m = (s[4] - '0') * 10 + (s[5] - '0');
        *d = (s[6] - '0') * 10 + (s[7] - '0');
        return 1;
    }
    if ((sep = date_year_month(&p, y, m)) == 0)
        return 0;
    if (*p != (sep == DATE_MARK_YEAR ? DATE_MARK_MONTH : sep))
        return 0;
    p++;
    if (date_digits(&p, 2, d) == 0)
        return 0;
    if (sep == DATE_MARK_YEAR && *p == DATE_MARK_DAY)
        p++;
    return *p == '\0';
}

/* Writes y-m-d (or y-m when d is 0) into out (size bytes), all parts
 * already checked to be in range. */
static void
date_write(char *out, size_t size, int y, int m, int d)
{
    char buf[64];
    size_t n;

    if (d)
        snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    else
        snprintf(buf, sizeof buf, "%04d-%02d", y, m);
    n = strlen(buf) < size ? strlen(buf) : size - 1;
    memcpy(out, buf, n);
    out[n] = '\0';
}

int
date_month_days(int y, int m)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

    if (m < 1 || m > 12)
        return 0;
    return m == 2 && leap ? 29 : days[m - 1];
}

/* Checks the parts of a date; ERR_INVALID naming what is wrong. */
static int
date_check(const char *in, int y, int m, int d, struct err *e)
{
    if (y < DATE_YEAR_MIN || y > DATE_YEAR_MAX)
        return err_set(e, ERR_INVALID, "日期“%s”的年份 %d 不在 %d-%d 之间。", in, y, DATE_YEAR_MIN,
                       DATE_YEAR_MAX);
    if (m < 1 || m > 12)
        return err_set(e, ERR_INVALID, "日期“%s”的月份 %d 不存在（应为 1-12）。", in, m);
    if (d < 1 || d > date_month_days(y, m))
        return err_set(e, ERR_INVALID, "%d年%d月没有%d日（该月只有%d天），请检查日期“%s”。", y, m,
                       d, date_month_days(y, m), in);
    return ERR_OK;
}

int
date_parse(const char *in, char out[DATE_LEN + 1], struct err *e)
{
    char s[DATE_NORM_MAX];
    int y, m, d, rc, ok;

    out[0] = '\0';
    ok = in != NULL && date_normalise(in, s, sizeof s);
    if (in == NULL || (ok && s[0] == '\0'))
        return err_set(e, ERR_INVALID, "请填写日期，如 2025-03-05。");
    if (!ok || !date_split(s, &y, &m, &d))
        return err_set(e, ERR_INVALID,
                       "日期“%s”格式不对，请写成 2025-03-05、2025-3-5、2025/03/05 或 20250305。",
                       in);
    if ((rc = date_check(in, y, m, d, e)) != ERR_OK)
        return rc;
    date_write(out, DATE_LEN + 1, y, m, d);
    return ERR_OK;
}

/* Splits the normalised month s into y and m; 0 when it is no format we accept. */
static int
date_month_split(const char *s, int *y, int *m)
{
    const char *p = s;
    char sep;

    if (strlen(s) == 6 && strspn(s, "0123456789") == 6)
        return sscanf(s, "%4d%2d", y, m) == 2;
    sep = date_year_month(&p, y, m);
    if (sep == DATE_MARK_YEAR && *p == DATE_MARK_MONTH)
        p++;
    return sep != 0 && *p == '\0';
}

int
date_month_parse(const char *in, char out[DATE_MONTH_LEN + 1], struct err *e)
{
    char s[DATE_NORM_MAX];
    int y = 0, m = 0, ok;

    out[0] = '\0';
    ok = in != NULL && date_normalise(in, s, sizeof s);
    if (in == NULL || (ok && s[0] == '\0'))
        return err_set(e, ERR_INVALID, "请填写月份，如 2025-06。");
    if (!ok || !date_month_split(s, &y, &m))
        return err_set(e, ERR_INVALID, "月份“%s”格式不对，请写成 2025-06、2025-6 或 202506。", in);
    if (y < DATE_YEAR_MIN || y > DATE_YEAR_MAX)
        return err_set(e, ERR_INVALID, "月份“%s”的年份 %d 不在 %d-%d 之间。", in, y, DATE_YEAR_MIN,
                       DATE_YEAR_MAX);
    if (m < 1 || m > 12)
        return err_set(e, ERR_INVALID, "月份“%s”中的 %d 月不存在（应为 1-12）。", in, m);
    date_write(out, DATE_MONTH_LEN + 1, y, m, 0);
    return ERR_OK;
}

int
date_valid(const char *s)
{
    int y, m, d;

    if (s == NULL || strlen(s) != DATE_LEN || s[4] != '-' || s[7] != '-')
        return 0;
    if (strspn(s, "0123456789") != 4 || strspn(s + 5, "0123456789") != 2 ||
        strspn(s + 8, "0123456789") != 2)
        return 0;
    y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    m = (s[5] - '0') * 10 + (s[6] - '0');
    d = (s[8] - '0') * 10 + (s[9] - '0');
    return date_check(s, y, m, d, NULL) == ERR_OK;
}

/* Days since 1970-01-01 of y-m-d (the civil-from-days inverse). */
static long
date_days_from_civil(long y, long m, long d)
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
date_to_days(const char *s)
{
    long y = 0, m = 0, d = 0;

    sscanf(s, "%4ld-%2ld-%2ld", &y, &m, &d);
    return date_days_from_civil(y, m, d);
}

void
date_from_days(long z, char out[DATE_LEN + 1])
{
    long era, doe, yoe, y, doy, mp, d, m;
    char buf[64];

    z += 719468;
    era = (z >= 0 ? z : z - 146096) / 146097;
    doe = z - era * 146097;
    yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    y = yoe + era * 400;
    doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    mp = (5 * doy + 2) / 153;
    d = doy - (153 * mp + 2) / 5 + 1;
    m = mp + (mp < 10 ? 3 : -9);
    y += m <= 2;
    snprintf(buf, sizeof buf, "%04ld-%02ld-%02ld", y, m, d);
    memcpy(out, buf, DATE_LEN); /* years beyond 9999 never occur: they fail date_valid */
    out[DATE_LEN] = '\0';
}

void
date_add_days(const char *s, long n, char out[DATE_LEN + 1])
{
    date_from_days(date_to_days(s) + n, out);
}

long
date_diff(const char *a, const char *b)
{
    return date_to_days(b) - date_to_days(a);
}

void
date_month_of(const char *s, char out[DATE_MONTH_LEN + 1])
{
    snprintf(out, DATE_MONTH_LEN + 1, "%.7s", s);
}

int
date_ymd(const char *s, int *y, int *m, int *d)
{
    if (!date_valid(s))
        return 0;
    if (y)
        *y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    if (m)
        *m = (s[5] - '0') * 10 + (s[6] - '0');
    if (d)
        *d = (s[8] - '0') * 10 + (s[9] - '0');
    return 1;
}

int
date_ym(const char *s, int *y, int *m)
{
    char day[DATE_LEN + 1];

    if (s == NULL || strlen(s) != DATE_MONTH_LEN)
        return 0;
    snprintf(day, sizeof day, "%s-01", s);
    return date_ymd(day, y, m, NULL);
}

long
date_civil_days(int y, int m, int d)
{
    return date_days_from_civil(y, m, d);
}

void
date_month_end(int y, int m, char out[DATE_LEN + 1])
{
    date_write(out, DATE_LEN + 1, y, m, date_month_days(y, m));
}

void
date_prev_month(int y, int m, char out[DATE_MONTH_LEN + 1])
{
    if (m <= 1)
        date_write(out, DATE_MONTH_LEN + 1, y - 1, 12, 0);
    else
        date_write(out, DATE_MONTH_LEN + 1, y, m - 1, 0);
}

void
date_add_months(const char *s, int n, char out[DATE_LEN + 1])
{
    int y = 1970, m = 1, d = 1, total, last;

    date_ymd(s, &y, &m, &d);
    total = y * 12 + (m - 1) + n;
    y = total / 12;
    m = total % 12 + 1;
    last = date_month_days(y, m);
    date_write(out, DATE_LEN + 1, y, m, d > last ? last : d);
}

double
date_year_elapsed(const char *date, int year)
{
    long first = date_civil_days(year, 1, 1), last = date_civil_days(year, 12, 31);
    long day = date_to_days(date);

    if (day < first)
        return 0.0;
    if (day >= last)
        return 1.0;
    return (double)(day - first + 1) / (double)(last - first + 1);
}

long
date_year_days_left(const char *date, int year)
{
    long first = date_civil_days(year, 1, 1), last = date_civil_days(year, 12, 31);
    long day = date_to_days(date);

    if (day < first)
        return last - first + 1;
    return day >= last ? 0 : last - day;
}

int
date_year(const char *s)
{
    int y = 0;

    return date_ymd(s, &y, NULL, NULL) ? y : 0;
}
