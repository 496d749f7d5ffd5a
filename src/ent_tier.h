/*
 * ent_tier.h — an enterprise's tier on any day, derived from its tier
 * events rather than stored: an 'enter' event holds its tier from
 * valid_from to valid_to (open when empty) unless a 'drop' of the same
 * tier falls inside that span, so a lapsed certificate drops the
 * enterprise back with no one editing anything.
 */
#ifndef TUWEI_ENT_TIER_H
#define TUWEI_ENT_TIER_H

#include <stddef.h>

#include "db/ent_list.h"
#include "db/enterprise.h"

/* 1 when the events hold tier_id on day date. When until is not NULL it
 * gets the last day of the span that holds it ("" for an open span). */
int ent_tier_holds(const struct db_tier_event *ev, size_t n, const char *tier_id, const char *date,
                   char until[DB_DATE_LEN]);

/* The index into t (sorted by rank) of the highest-ranked tier held on
 * date, or of the lowest-ranked tier (the candidate) when none above it
 * is held; -1 when there are no tiers. */
int ent_tier_current(const struct db_tier *t, size_t nt, const struct db_tier_event *ev, size_t n,
                     const char *date);

/* The tier whose code, name or key is s, or NULL. */
const struct db_tier *ent_tier_find(const struct db_tier *t, size_t nt, const char *s);

/* The validity of a certificate or registration of tier t issued on date
 * with number: from the date; to the end of the number's (or the date's)
 * year for a yearly registration, the day before the N-th anniversary for
 * an N-year certificate, open ("") for a tier without expiry. */
void ent_tier_validity(const struct db_tier *t, const char *date, const char *number,
                       char from[DB_DATE_LEN], char to[DB_DATE_LEN]);

/* Checks an evidence number against the tier's pattern and the issue
 * date's year: 0 when it looks right, else 1 with a warning in out. */
int ent_tier_number_warning(const struct db_tier *t, const char *number, const char *date,
                            char *out, size_t n);

/* The warnings the events of one enterprise raise on the day of a
 * (DB_ENT_WARN_* bits): a certificate of a->ht_tier_id held now whose last
 * valid day falls by a->expiry_last with no later certificate; a
 * registration of a->sme_tier_id that ran last year with none this year,
 * once a->sme_warn says the deadline is near. The same rule as the list's
 * SQL in db/ent_list.c. */
int ent_tier_warnings(const struct db_tier_event *ev, size_t n, const struct db_ent_asof *a);

#endif
