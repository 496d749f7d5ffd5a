/*
 * ent_tier.c — deriving tiers from events; validity and number checks of
 * new certificates and registrations.
 */
#include "src/ent_tier.h"

#include <regex.h>
#include <stdio.h>
#include <string.h>

#include "src/date.h"

/* The first day an enter event holds its tier. */
static const char *
tier_start(const struct db_tier_event *e)
{
    return e->valid_from[0] ? e->valid_from : e->event_date;
}

/* 1 when a drop of the tier falls in [start, date]. */
static int
tier_dropped(const struct db_tier_event *ev, size_t n, const char *tier_id, const char *start,
             const char *date)
{
    size_t i;

    for (i = 0; i < n; i++) {
        if (ev[i].kind[0] == 'd' && strcmp(ev[i].tier_id, tier_id) == 0 &&
            strcmp(ev[i].event_date, start) >= 0 && strcmp(ev[i].event_date, date) <= 0)
            return 1;
    }
    return 0;
}

int
ent_tier_holds(const struct db_tier_event *ev, size_t n, const char *tier_id, const char *date,
               char until[DB_DATE_LEN])
{
    size_t i;
    int held = 0;
    const char *best = NULL;

    for (i = 0; i < n; i++) {
        const struct db_tier_event *e = &ev[i];

        if (e->kind[0] != 'e' || strcmp(e->tier_id, tier_id) != 0)
            continue;
        if (strcmp(tier_start(e), date) > 0 || (e->valid_to[0] && strcmp(e->valid_to, date) < 0))
            continue;
        if (tier_dropped(ev, n, tier_id, tier_start(e), date))
            continue;
        /* Of overlapping spans, report the one lasting longest. */
        if (!held || (best[0] && (!e->valid_to[0] || strcmp(e->valid_to, best) > 0)))
            best = e->valid_to;
        held = 1;
    }
    if (until)
        snprintf(until, DB_DATE_LEN, "%s", held ? best : "");
    return held;
}

int
ent_tier_current(const struct db_tier *t, size_t nt, const struct db_tier_event *ev, size_t n,
                 const char *date)
{
    size_t i;

    if (nt == 0)
        return -1;
    for (i = nt; i-- > 1;) {
        if (ent_tier_holds(ev, n, t[i].id, date, NULL))
            return (int)i;
    }
    return 0;
}

const struct db_tier *
ent_tier_find(const struct db_tier *t, size_t nt, const char *s)
{
    size_t i;

    for (i = 0; s && i < nt; i++) {
        if (strcmp(t[i].code, s) == 0 || strcmp(t[i].name, s) == 0 || strcmp(t[i].id, s) == 0)
            return &t[i];
    }
    return NULL;
}

/* The year written at the start of number (after a letter prefix), or 0. */
static int
tier_number_year(const char *number)
{
    const char *p = number;
    int y = 0, i;

    if (number == NULL)
        return 0;
    while (*p >= 'A' && *p <= 'Z' && p - number < 4)
        p++;
    for (i = 0; i < 4; i++) {
        if (p[i] < '0' || p[i] > '9')
            return 0;
        y = y * 10 + (p[i] - '0');
    }
    return y >= 1990 && y <= 2100 ? y : 0;
}

void
ent_tier_validity(const struct db_tier *t, const char *date, const char *number,
                  char from[DB_DATE_LEN], char to[DB_DATE_LEN])
{
    char tmp[DB_DATE_LEN];
    int y;

    snprintf(from, DB_DATE_LEN, "%s", date);
    to[0] = '\0';
    if (strcmp(t->validity, "calendar_year") == 0) {
        y = tier_number_year(number);
        if (y == 0 || y < date_year(date))
            y = date_year(date);
        snprintf(to, DB_DATE_LEN, "%04d-12-31", y);
    } else if (strcmp(t->validity, "years") == 0 && t->validity_years > 0) {
        date_add_months(date, 12 * t->validity_years, tmp);
        date_add_days(tmp, -1, to);
    }
}

int
ent_tier_number_warning(const struct db_tier *t, const char *number, const char *date, char *out,
                        size_t n)
{
    regex_t re;
    int y, bad;

    out[0] = '\0';
    if (t->number_pattern == NULL || *t->number_pattern == '\0' || number == NULL || !*number)
        return 0;
    if (regcomp(&re, t->number_pattern, REG_EXTENDED | REG_NOSUB) != 0)
        return 0;
    bad = regexec(&re, number, 0, NULL, 0) != 0;
    regfree(&re);
    if (bad) {
        snprintf(out, n, "编号“%s”与%s编号的通常格式不符，请核对（已照录）。", number, t->name);
        return 1;
    }
    y = tier_number_year(number);
    if (y && date_valid(date) && y != date_year(date)) {
        snprintf(out, n, "编号中的年份 %d 与日期 %s 不一致，请核对（已照录）。", y, date);
        return 1;
    }
    return 0;
}

/* 1 when an enter event of tier ends after day (or never); with last set,
 * when one ends within [first, last]. */
static int
tier_any_enter(const struct db_tier_event *ev, size_t n, const char *tier_id, const char *first,
               const char *last)
{
    size_t i;
    const char *to;

    for (i = 0; i < n; i++) {
        if (strcmp(ev[i].kind, "enter") != 0 || strcmp(ev[i].tier_id, tier_id) != 0)
            continue;
        to = ev[i].valid_to[0] ? ev[i].valid_to : "9999-12-31";
        if (strcmp(to, first) >= 0 && (last == NULL || strcmp(to, last) <= 0))
            return 1;
    }
    return 0;
}

int
ent_tier_warnings(const struct db_tier_event *ev, size_t n, const struct db_ent_asof *a)
{
    char until[DB_DATE_LEN], after[DB_DATE_LEN];
    int bits = 0;

    if (a->ht_tier_id && ent_tier_holds(ev, n, a->ht_tier_id, a->date, until) && until[0] &&
        strcmp(until, a->expiry_last) <= 0) {
        date_add_days(a->expiry_last, 1, after);
        if (!tier_any_enter(ev, n, a->ht_tier_id, after, NULL))
            bits |= DB_ENT_WARN_EXPIRING;
    }
    if (a->sme_warn && a->sme_tier_id &&
        tier_any_enter(ev, n, a->sme_tier_id, a->prev_first, a->prev_last) &&
        !tier_any_enter(ev, n, a->sme_tier_id, a->year_first, NULL))
        bits |= DB_ENT_WARN_UNREGISTERED;
    return bits;
}
