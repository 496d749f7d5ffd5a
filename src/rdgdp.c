/*
 * rdgdp.c — entering the banner's yearly R&D spending and GDP, and the
 * R&D intensity computed from them.
 */
#include "src/rdgdp.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "db/rd_input.h"

/* The multiplier a unit word stands for (元 1, 万 10^4, 亿 10^8), or 0. */
static long long
rdgdp_unit(const char *u)
{
    static const struct {
        const char *word;
        long long mult;
    } units[] = {{"", 1},         {"元", 1},         {"万", 10000},
                 {"万元", 10000}, {"亿", 100000000}, {"亿元", 100000000}};
    size_t i;

    for (i = 0; i < sizeof units / sizeof units[0]; i++) {
        if (strcmp(u, units[i].word) == 0)
            return units[i].mult;
    }
    return 0;
}

int
rdgdp_parse_amount(const char *s, const char *field, long long *yuan, struct err *e)
{
    long long whole = 0, frac = 0, scale = 1, mult;
    const char *p = s ? s : "";
    int digits = 0;

    while (*p == ' ')
        p++;
    for (; isdigit((unsigned char)*p) || *p == ','; p++) {
        if (*p != ',' && whole < 100000000000000LL) {
            whole = whole * 10 + (*p - '0');
            digits++;
        }
    }
    if (*p == '.') {
        for (p++; isdigit((unsigned char)*p); p++) {
            if (scale < 100000000LL) {
                frac = frac * 10 + (*p - '0');
                scale *= 10;
            }
        }
    }
    while (*p == ' ')
        p++;
    mult = rdgdp_unit(p);
    if (digits == 0 || mult == 0 || whole >= 100000000000000LL)
        return err_field(e, ERR_INVALID, field,
                         "金额“%s”无法识别：请写数字，可带单位元、万元或亿元（如 53.2亿元）。",
                         s ? s : "");
    *yuan = whole * mult + (frac * mult + scale / 2) / scale;
    return ERR_OK;
}

void
rdgdp_format_amount(long long yuan, char *buf, unsigned long n)
{
    if (yuan >= 100000000LL)
        snprintf(buf, n, "%.2f亿元", (double)yuan / 1e8);
    else
        snprintf(buf, n, "%.2f万元", (double)yuan / 1e4);
}

struct rdgdp_arg {
    int year;
    long long rd, gdp;
    const char *source;
};

static int
rdgdp_write(struct db *db, void *arg, struct err *e)
{
    const struct rdgdp_arg *a = arg;

    return db_rd_input_put(db, a->year, a->rd, a->gdp, a->source, NULL, e);
}

int
rdgdp_save(struct db *db, const char *user, int year, long long rd, long long gdp,
           const char *source, struct err *e)
{
    struct rdgdp_arg a;

    if (year < 1990 || year > 2100)
        return err_field(e, ERR_INVALID, "year", "年份 %d 不在 1990 至 2100 之间。", year);
    if (gdp <= 0)
        return err_field(e, ERR_INVALID, "gdp", "地区生产总值（GDP）必须大于零。");
    if (rd < 0)
        return err_field(e, ERR_INVALID, "rd", "R&D经费不能为负数。");
    if (rd >= gdp)
        return err_field(e, ERR_INVALID, "rd",
                         "R&D经费不应达到地区生产总值，请检查单位（元、万元、亿元）。");
    a.year = year;
    a.rd = rd;
    a.gdp = gdp;
    a.source = source;
    return db_write(db, user, rdgdp_write, &a, e);
}

int
rdgdp_intensity(struct db *db, int year, double *pct, int *found, struct err *e)
{
    struct db_rd_input in;
    int rc = db_rd_input_get(db, year, &in, found, e);

    *pct = 0.0;
    if (rc == ERR_OK && *found)
        *pct = 100.0 * (double)in.rd_spending / (double)in.gdp;
    db_rd_input_clear(&in);
    return rc;
}
