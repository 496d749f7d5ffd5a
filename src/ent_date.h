/*
 * ent_date.h — calendar dates as the enterprise rules use them: text
 * 'YYYY-MM-DD' (proleptic Gregorian), day arithmetic, adding months and
 * years with the day clamped to the month's end.
 */
#ifndef TUWEI_ENT_DATE_H
#define TUWEI_ENT_DATE_H

#define ENT_DATE_LEN 10 /* without the NUL */

/* 1 when s is a real date written YYYY-MM-DD (years 1900..2200). */
int ent_date_valid(const char *s);

/* Days from 1970-01-01 to the valid date s. */
long ent_date_days(const char *s);

/* Writes the date days after 1970-01-01 into out. */
void ent_date_from_days(long days, char out[ENT_DATE_LEN + 1]);

/* Writes s plus n days (n may be negative) into out; s must be valid. */
void ent_date_add_days(const char *s, long n, char out[ENT_DATE_LEN + 1]);

/* Writes s plus n months into out, the day clamped to the month's length. */
void ent_date_add_months(const char *s, int n, char out[ENT_DATE_LEN + 1]);

/* The year of the valid date s. */
int ent_date_year(const char *s);

#endif
