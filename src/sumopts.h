/*
 * sumopts.h — what every summary and report is computed for: the "as of"
 * date, the period (a month), and the rule settings they read from the
 * configuration (stale days, certificate warning window, pilot run limit).
 */
#ifndef TUWEI_SUMOPTS_H
#define TUWEI_SUMOPTS_H

#include "src/config.h"
#include "src/err.h"

struct sumopts {
    const struct config *cfg; /* the configuration (borrowed); NULL: built-in defaults */
    char as_of[11];           /* YYYY-MM-DD */
    char period[8];           /* YYYY-MM: the month reported on (default: as_of's) */
    int stale_days;           /* rules:stale_days */
    int cert_months;          /* rules:cert_expiry_months */
    int pilot_run_years;      /* rules:pilot_run_years */
    int pilot_ext_years;      /* rules:pilot_extension_years */
};

/* Fills o from cfg (NULL: built-in defaults), as_of and period (NULL or
 * "": as_of's month); checks both, ERR_INVALID naming "as-of" or "period". */
int sumopts_init(struct sumopts *o, const struct config *cfg, const char *as_of, const char *period,
                 struct err *e);

#endif
