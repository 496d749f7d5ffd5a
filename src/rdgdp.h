/*
 * rdgdp.h — the banner's R&D spending and GDP per year, and the R&D
 * intensity (R&D spending / GDP, a percentage) the plan targets (≥ 1%).
 * Distinct from an enterprise's own R&D / revenue used by the tier rules.
 */
#ifndef TUWEI_RDGDP_H
#define TUWEI_RDGDP_H

#include "db/db.h"
#include "src/err.h"

/* Reads an amount as clerks write it: "532000000", "53.2亿", "53.2亿元",
 * "532000万元", "1,234元" → whole yuan (rounded). ERR_INVALID naming field. */
int rdgdp_parse_amount(const char *s, const char *field, long long *yuan, struct err *e);

/* Writes yuan for a person: "53.20亿元" from 1亿 up, else "1234.56万元". */
void rdgdp_format_amount(long long yuan, char *buf, unsigned long n);

/* Records year's R&D spending and GDP (yuan) as user, with an optional
 * source; checks year, amounts (GDP > 0, R&D ≥ 0, R&D below GDP). */
int rdgdp_save(struct db *db, const char *user, int year, long long rd, long long gdp,
               const char *source, struct err *e);

/* The R&D intensity of year in percent into *pct; *found is 0 when the
 * year's figures were not entered. */
int rdgdp_intensity(struct db *db, int year, double *pct, int *found, struct err *e);

#endif
