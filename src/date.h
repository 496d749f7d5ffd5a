/*
 * date.h — calendar dates as clerks type them and as the program keeps them.
 *
 * Stored dates are always 'YYYY-MM-DD' (months 'YYYY-MM'). What a clerk
 * types is more varied: 2025-03-05, 2025-3-5, 2025/03/05, 2025.3.5,
 * 20250305 or 2025年3月5日, maybe with full-width digits from a Chinese
 * input method. date_parse accepts all of these and refuses a day that does
 * not exist (2025-02-30) with a message that says why. Arithmetic is on
 * whole days of the proleptic Gregorian calendar; there is no clock here:
 * "today" is always a parameter.
 */
#ifndef TUWEI_DATE_H
#define TUWEI_DATE_H

#include "src/err.h"

#define DATE_LEN 10      /* "YYYY-MM-DD" without the NUL */
#define DATE_MONTH_LEN 7 /* "YYYY-MM" */
#define DATE_YEAR_MIN 1900
#define DATE_YEAR_MAX 2100

/* Parses a typed date into out as YYYY-MM-DD. ERR_INVALID with a Chinese
 * message (the format expected, or why the day does not exist) otherwise;
 * out is then "". Spaces around the text are ignored. */
int date_parse(const char *in, char out[DATE_LEN + 1], struct err *e);

/* Parses a typed month (2025-06, 2025-6, 2025/06, 202506, 2025年6月) into out
 * as YYYY-MM; ERR_INVALID with a Chinese message otherwise. */
int date_month_parse(const char *in, char out[DATE_MONTH_LEN + 1], struct err *e);

/* 1 when s is exactly a real date written YYYY-MM-DD. */
int date_valid(const char *s);

/* The number of days in month m (1-12) of year y. */
int date_month_days(int y, int m);

/* Days since 1970-01-01 of the valid date s (negative before it). */
long date_to_days(const char *s);

/* Writes the date days after 1970-01-01 into out as YYYY-MM-DD. */
void date_from_days(long days, char out[DATE_LEN + 1]);

/* Writes the valid date s moved by n days (n may be negative) into out. */
void date_add_days(const char *s, long n, char out[DATE_LEN + 1]);

/* Days from a to b (b - a), both valid dates. */
long date_diff(const char *a, const char *b);

/* Writes the month of the valid date s (its first 7 characters) into out. */
void date_month_of(const char *s, char out[DATE_MONTH_LEN + 1]);

/* 1 when s is exactly a real date written YYYY-MM-DD; fills y, m, d (each
 * may be NULL). */
int date_ymd(const char *s, int *y, int *m, int *d);

/* The year of the valid date s; 0 when s is not a valid date. */
int date_year(const char *s);

/* 1 when s is exactly a month written YYYY-MM (01-12); fills y, m. */
int date_ym(const char *s, int *y, int *m);

/* Days since 1970-01-01 of y-m-d (negative before it). */
long date_civil_days(int y, int m, int d);

/* Writes the last day of month y-m into out ("2025-02-28"). */
void date_month_end(int y, int m, char out[DATE_LEN + 1]);

/* Writes the month before y-m as YYYY-MM into out. */
void date_prev_month(int y, int m, char out[DATE_MONTH_LEN + 1]);

/* Writes the valid date s moved by n months (the day clamped to the
 * month's end) into out. */
void date_add_months(const char *s, int n, char out[DATE_LEN + 1]);

/* The share of year gone by the end of date: 0 before the year starts,
 * 1 from its last day on. */
double date_year_elapsed(const char *date, int year);

/* Days left in year after date (0 on or after 12-31; the whole year when
 * date is before it). */
long date_year_days_left(const char *date, int year);

#endif
