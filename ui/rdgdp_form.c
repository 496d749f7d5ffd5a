/*
 * rdgdp_form.c — the R&D spending and GDP of a year, on screen.
 *
 * Amounts are typed as the statistics bureau publishes them (53.2亿元,
 * 5320000万元, 5,320,000,000): src/rdgdp.c reads them and saves through the
 * one validated write. What was entered before comes back exactly, in
 * 万元 when it is whole 万元, else in 元, so saving again changes nothing.
 */
#include "ui/rdgdp_form.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/rd_input.h"
#include "src/config.h"
#include "src/msg.h"
#include "src/rdgdp.h"
#include "src/xmalloc.h"
#include "ui/ent_view.h"
#include "ui/form.h"

enum { RF_YEAR, RF_RD, RF_GDP, RF_SOURCE };

struct rdgdp_form {
    struct ui_app *app;
    ui_rdgdp_saved_fn saved;
    void *arg;
};

/* An amount written back without losing a yuan. */
static void
rf_amount(long long yuan, char *buf, size_t n)
{
    if (yuan % 10000 == 0)
        snprintf(buf, n, "%lld万元", yuan / 10000);
    else
        snprintf(buf, n, "%lld元", yuan);
}

static int
rf_check_amount(const char *value, void *arg, char *out, size_t size)
{
    struct err e = {0};
    long long yuan;

    (void)arg;
    if (rdgdp_parse_amount(value, "", &yuan, &e) == ERR_OK)
        return 0;
    snprintf(out, size, "%s", e.msg);
    return 1;
}

/* The field a message of rdgdp_save is about. */
static long
rf_field(const struct err *e)
{
    if (strcmp(e->field, "year") == 0)
        return RF_YEAR;
    if (strcmp(e->field, "gdp") == 0)
        return RF_GDP;
    return strcmp(e->field, "rd") == 0 ? RF_RD : RF_SOURCE;
}

static long
rf_submit(struct ui_form *f, void *arg)
{
    struct rdgdp_form *rf = arg;
    const char *user = config_get(ui_app_config(rf->app), "user:name");
    long long rd = 0, gdp = 0;
    struct err e = {0};
    long at;
    int year = atoi(ui_form_value(f, RF_YEAR));
    char ybuf[16], *status;
    const char *source = ui_form_value(f, RF_SOURCE);

    if (rdgdp_parse_amount(ui_form_value(f, RF_RD), "rd", &rd, &e) != ERR_OK ||
        rdgdp_parse_amount(ui_form_value(f, RF_GDP), "gdp", &gdp, &e) != ERR_OK ||
        rdgdp_save(ui_app_db(rf->app), user ? user : "?", year, rd, gdp, *source ? source : NULL,
                   &e) != ERR_OK) {
        at = rf_field(&e);
        ui_ent_copy(f->fields[at].error, sizeof f->fields[at].error, e.msg);
        f->focus = (size_t)at;
        return at;
    }
    snprintf(ybuf, sizeof ybuf, "%d", year);
    status = msg_format("rdgdp.saved", ybuf, NULL);
    ui_app_status(rf->app, UI_ROLE_OK, status);
    free(status);
    if (rf->saved)
        rf->saved(rf->arg, rf->app, year);
    return -1;
}

struct ui_dialog *
ui_rdgdp_form(struct ui_app *app, int year, ui_rdgdp_saved_fn saved, void *arg)
{
    struct rdgdp_form *rf = xcalloc(1, sizeof *rf);
    struct ui_form *f = ui_form_new(msg("rdgdp.title"));
    struct db_rd_input in;
    char buf[64];
    int found = 0;

    rf->app = app;
    rf->saved = saved;
    rf->arg = arg;
    ui_form_add(f, msg("rdgdp.year"), UI_FIELD_NUMBER, 1);
    ui_form_add(f, msg("rdgdp.rd"), UI_FIELD_TEXT, 1);
    ui_form_add(f, msg("rdgdp.gdp"), UI_FIELD_TEXT, 1);
    ui_form_add(f, msg("rdgdp.source"), UI_FIELD_TEXT, 0);
    ui_form_set_check(f, RF_RD, rf_check_amount, NULL);
    ui_form_set_check(f, RF_GDP, rf_check_amount, NULL);
    snprintf(buf, sizeof buf, "%d", year);
    ui_form_set(f, RF_YEAR, buf);
    if (db_rd_input_get(ui_app_db(app), year, &in, &found, NULL) == ERR_OK && found) {
        rf_amount(in.rd_spending, buf, sizeof buf);
        ui_form_set(f, RF_RD, buf);
        rf_amount(in.gdp, buf, sizeof buf);
        ui_form_set(f, RF_GDP, buf);
        if (in.source)
            ui_form_set(f, RF_SOURCE, in.source);
        db_rd_input_clear(&in);
    }
    ui_form_set_submit(f, rf_submit, rf, free);
    return ui_dialog_form(f);
}
