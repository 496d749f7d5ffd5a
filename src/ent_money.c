/*
 * ent_money.c — reading and writing amounts in 元, 万元 and 亿元.
 */
#include "src/ent_money.h"

#include <stdio.h>
#include <string.h>

/* Skips ASCII and ideographic spaces. */
static const char *
money_skip(const char *s)
{
    for (;;) {
        if (*s == ' ' || *s == '\t')
            s++;
        else if (strncmp(s, "　", 3) == 0)
            s += 3;
        else
            return s;
    }
}

/* The multiplier the unit at s names (and its length in *len), else 0. */
static long long
money_unit(const char *s, size_t *len)
{
    static const struct {
        const char *word;
        long long mult;
    } units[] = {{"万元", ENT_MONEY_WAN},
                 {"亿元", ENT_MONEY_YI},
                 {"万", ENT_MONEY_WAN},
                 {"亿", ENT_MONEY_YI},
                 {"元", ENT_MONEY_YUAN}};
    size_t i;

    for (i = 0; i < sizeof units / sizeof units[0]; i++) {
        if (strncmp(s, units[i].word, strlen(units[i].word)) == 0) {
            *len = strlen(units[i].word);
            return units[i].mult;
        }
    }
    *len = 0;
    return 0;
}

int
ent_money_parse(const char *s, long long unit, long long *yuan)
{
    long long whole = 0, frac = 0, scale = 1, mult;
    int digits = 0;
    size_t ulen;

    s = money_skip(s);
    for (; (*s >= '0' && *s <= '9') || (*s == ',' && digits > 0); s++) {
        if (*s == ',')
            continue;
        if (++digits > 14)
            return -1;
        whole = whole * 10 + (*s - '0');
    }
    if (*s == '.') {
        for (s++; *s >= '0' && *s <= '9'; s++) {
            if (scale < 100000000LL) {
                frac = frac * 10 + (*s - '0');
                scale *= 10;
            }
        }
    }
    s = money_skip(s);
    mult = money_unit(s, &ulen);
    s = money_skip(s + ulen);
    if (digits == 0 || *s != '\0')
        return -1;
    if (mult == 0)
        mult = unit;
    if (whole > 900000000000000LL / mult)
        return -1;
    *yuan = whole * mult + (frac * mult + scale / 2) / scale;
    return 0;
}

const char *
ent_money_text(long long yuan, char *out, size_t n)
{
    long long cents; /* hundredths of a 万元 */

    if (yuan < 0) {
        snprintf(out, n, "-");
        return out;
    }
    cents = (yuan + 50) / 100;
    if (cents % 100 == 0)
        snprintf(out, n, "%lld万元", cents / 100);
    else if (cents % 10 == 0)
        snprintf(out, n, "%lld.%lld万元", cents / 100, (cents % 100) / 10);
    else
        snprintf(out, n, "%lld.%02lld万元", cents / 100, cents % 100);
    return out;
}

const char *
ent_money_wan(long long yuan, char *out, size_t n)
{
    int len;

    if (yuan < 0) {
        snprintf(out, n, "%s", "");
        return out;
    }
    len = snprintf(out, n, "%lld.%04lld", yuan / 10000, yuan % 10000);
    /* Drop trailing zeros of the fraction, and the point when none is left. */
    while (len > 0 && (size_t)len < n && out[len - 1] == '0')
        out[--len] = '\0';
    if (len > 0 && (size_t)len < n && out[len - 1] == '.')
        out[--len] = '\0';
    return out;
}
