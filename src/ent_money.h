/*
 * ent_money.h — amounts of money as offices write them: whole yuan inside,
 * "万元" on screens and in most office spreadsheets.
 */
#ifndef TUWEI_ENT_MONEY_H
#define TUWEI_ENT_MONEY_H

#include <stddef.h>

#define ENT_MONEY_YUAN 1LL
#define ENT_MONEY_WAN 10000LL
#define ENT_MONEY_YI 100000000LL

/* Reads an amount: digits with an optional fraction and thousands commas,
 * then an optional unit (元, 万, 万元, 亿, 亿元); without a unit the amount
 * is in unit yuan. Rounds to whole yuan. 0 on success, -1 if s is not an
 * amount (negative amounts are not amounts). */
int ent_money_parse(const char *s, long long unit, long long *yuan);

/* Writes yuan in 万元 with at most two decimals ("123.46万元"); "—" when
 * negative (unknown). Returns out. */
const char *ent_money_text(long long yuan, char *out, size_t n);

/* Writes yuan in 万元 as a bare number for a spreadsheet ("123.4567"). */
const char *ent_money_wan(long long yuan, char *out, size_t n);

#endif
