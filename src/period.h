/*
 * period.h — calendar arithmetic for summaries: dates 'YYYY-MM-DD',
 * months 'YYYY-MM', month ends, day counts and the share of a year gone.
 * Pure functions; "today" is always the caller's.
 */
#ifndef TUWEI_PERIOD_H
#define TUWEI_PERIOD_H

/* 1 when s is a real date written YYYY-MM-DD, else 0; fills y, m, d when
 * given (they may be NULL). */
int period_date(const char *s, int *y, int *m, int *d);

/* 1 when s is a month written YYYY-MM (01–12), else 0; fills y and m. */
int period_month(const char *s, int *y, int *m);

/* Days in month m of year y. */
int period_month_days(int y, int m);

/* Days since 1970-01-01 of the date y-m-d (negative before it). */
long period_day_number(int y, int m, int d);

/* Days from date a to date b (b - a); both must be valid dates. */
long period_days_between(const char *a, const char *b);

/* Writes the last day of month y-m into out ("2025-02-28"). */
void period_month_end(int y, int m, char out[11]);

/* Writes the month before y-m as YYYY-MM into out. */
void period_prev_month(int y, int m, char out[8]);

/* Writes date + months (day clamped to the month's end) into out. */
void period_add_months(const char *date, int months, char out[11]);

/* The share of year gone by the end of date: 0 before the year starts,
 * 1 from its last day on. */
double period_year_elapsed(const char *date, int year);

/* Days left in year after date (0 on or after 12-31; the whole year when
 * date is before it). */
long period_year_days_left(const char *date, int year);

#endif
