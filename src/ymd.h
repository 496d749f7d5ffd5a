/*
 * ymd.h — calendar dates written 'YYYY-MM-DD', the form every date of the
 * database takes: checking them, counting days between them, adding years
 * and days. Proleptic Gregorian calendar; no time zones (a date is a day).
 */
#ifndef TUWEI_YMD_H
#define TUWEI_YMD_H

#define YMD_LEN 10 /* "2025-03-01", without the NUL */

/* 1 when s is a real date written YYYY-MM-DD (years 1900–2199), else 0. */
int ymd_valid(const char *s);

/* Days since 1970-01-01 of the valid date s; -1 when s is not valid. */
long ymd_days(const char *s);

/* Writes the date days after 1970-01-01 into out (YMD_LEN + 1 bytes). */
void ymd_from_days(long days, char out[YMD_LEN + 1]);

/* Days from a to b (negative when b is earlier); both must be valid. */
long ymd_diff(const char *a, const char *b);

#endif
