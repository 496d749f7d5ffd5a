/* sumopts.c — the date, period and rule settings of a summary. */
#include "src/sumopts.h"

#include <stdio.h>
#include <string.h>

#include "src/date.h"

/* An int setting of cfg, or dflt without a configuration. */
static int
sumopts_int(const struct config *cfg, const char *key, int dflt)
{
    return cfg ? (int)config_get_int(cfg, key) : dflt;
}

int
sumopts_init(struct sumopts *o, const struct config *cfg, const char *as_of, const char *period,
             struct err *e)
{
    memset(o, 0, sizeof *o);
    if (!date_ymd(as_of, NULL, NULL, NULL))
        return err_field(e, ERR_INVALID, "as-of",
                         "日期“%s”无效，请写成 YYYY-MM-DD（如 2025-06-30）。", as_of ? as_of : "");
    if (period && *period && !date_ym(period, NULL, NULL))
        return err_field(e, ERR_INVALID, "period",
                         "统计期间“%s”无效，请写成 YYYY-MM（如 2025-06）。", period);
    o->cfg = cfg;
    snprintf(o->as_of, sizeof o->as_of, "%s", as_of);
    if (period && *period)
        snprintf(o->period, sizeof o->period, "%s", period);
    else
        snprintf(o->period, sizeof o->period, "%.7s", as_of);
    o->stale_days = sumopts_int(cfg, "rules:stale_days", 30);
    o->cert_months = sumopts_int(cfg, "rules:cert_expiry_months", 6);
    o->pilot_run_years = sumopts_int(cfg, "rules:pilot_run_years", 2);
    o->pilot_ext_years = sumopts_int(cfg, "rules:pilot_extension_years", 1);
    return ERR_OK;
}
