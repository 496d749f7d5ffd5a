/*
 * ent_forms.c — building the 梯度培育 forms and saving what they hold
 * through src/enterprise.h; errors go back under the field they name.
 */
#include "ui/ent_forms.h"
#include "ui/ent_view.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/enterprise.h"
#include "src/date.h"
#include "src/ent_eval.h"
#include "src/ent_fig.h"
#include "src/ent_money.h"
#include "src/enterprise.h"
#include "src/msg.h"
#include "src/xmalloc.h"

#define EF_MAX 24

/* One open form: what it is about and which field each error names. */
struct entform {
    struct ui_app *app;
    char id[DB_ID_LEN];
    const char *field[EF_MAX]; /* the err.field of each form field */
    size_t n;
    ui_ent_saved_fn saved;
    void *arg;
};

static struct entform *
ef_new(struct ui_app *app, const char *id, ui_ent_saved_fn saved, void *arg)
{
    struct entform *ef = xcalloc(1, sizeof *ef);

    ef->app = app;
    snprintf(ef->id, sizeof ef->id, "%s", id ? id : "");
    ef->saved = saved;
    ef->arg = arg;
    return ef;
}

/* Adds a field labelled by catalogue key label, whose errors are called field. */
static size_t
ef_add(struct entform *ef, struct ui_form *f, const char *label, enum ui_field_type type,
       int required, const char *field, const char *value)
{
    size_t i = ui_form_add(f, msg(label), type, required);

    ef->field[i] = field;
    ef->n = i + 1;
    if (value)
        ui_form_set(f, i, value);
    return i;
}

/* Puts the error e under the field it names (or the focused one); returns its index. */
static long
ef_error(struct entform *ef, struct ui_form *f, const struct err *e)
{
    size_t i;

    for (i = 0; i < ef->n; i++) {
        if (ef->field[i] && strcmp(ef->field[i], e->field) == 0)
            break;
    }
    if (i == ef->n)
        i = f->focus;
    ui_ent_copy(f->fields[i].error, sizeof f->fields[i].error, e->msg);
    return (long)i;
}

/* The value of field i, "" when it is the "not given" choice. */
static const char *
ef_value(const struct ui_form *f, size_t i)
{
    const char *v = ui_form_value(f, i);

    return strcmp(v, msg("ent.form.unset")) == 0 ? "" : v;
}

static const char *
ef_user(struct entform *ef)
{
    return config_get(ui_app_config(ef->app), "user:name");
}

/* Tells the section and closes the form. */
static long
ef_saved(struct entform *ef, const char *status)
{
    if (ef->saved)
        ef->saved(ef->app, ef->arg, ef->id);
    if (status)
        ui_app_status(ef->app, UI_ROLE_OK, status);
    return -1;
}

/* ---- enterprise ---- */

enum {
    EN_NAME,
    EN_SHORT,
    EN_CODE,
    EN_CONFIRM,
    EN_TOWNSHIP,
    EN_FIELD,
    EN_ABOVE,
    EN_MANUF,
    EN_ESTABLISHED,
    EN_HT_DOMAIN,
    EN_AWARD,
    EN_STANDARD,
    EN_ADDRESS,
    EN_CONTACT,
    EN_NOTES,
};

/* Replaces *dst with a copy of v, NULL when v is empty. */
static void
ef_str(char **dst, const char *v)
{
    free(*dst);
    *dst = v && *v ? xstrdup(v) : NULL;
}

static long
ef_enterprise_submit(struct ui_form *f, void *arg)
{
    struct entform *ef = arg;
    struct db *db = ui_app_db(ef->app);
    struct db_enterprise x;
    struct err e = {0};
    const char *v;
    long at = -1;

    memset(&x, 0, sizeof x);
    if (ef->id[0] && db_ent_get(db, ef->id, &x, &e) != ERR_OK)
        return ef_error(ef, f, &e);
    ef_str(&x.name, ef_value(f, EN_NAME));
    ef_str(&x.short_name, ef_value(f, EN_SHORT));
    ef_str(&x.credit_code, ef_value(f, EN_CODE));
    ef_str(&x.township, ef_value(f, EN_TOWNSHIP));
    ef_str(&x.ht_domain, ef_value(f, EN_HT_DOMAIN));
    ef_str(&x.address, ef_value(f, EN_ADDRESS));
    ef_str(&x.contact, ef_value(f, EN_CONTACT));
    ef_str(&x.notes, ef_value(f, EN_NOTES));
    snprintf(x.established, sizeof x.established, "%.10s", ef_value(f, EN_ESTABLISHED));
    x.above_scale = strcmp(ef_value(f, EN_ABOVE), "1") == 0;
    x.manufacturing = strcmp(ef_value(f, EN_MANUF), "1") == 0;
    x.award_year = atoi(ef_value(f, EN_AWARD));
    x.standard_year = atoi(ef_value(f, EN_STANDARD));
    v = ef_value(f, EN_FIELD);
    if (enterprise_field_id(db, v, x.field_id, &e) != ERR_OK ||
        enterprise_save(db, ef_user(ef), &x,
                        enterprise_code_confirm(config_get(ui_app_config(ef->app), "user:role"),
                                                strcmp(ef_value(f, EN_CONFIRM), "1") == 0),
                        &e) != ERR_OK)
        at = ef_error(ef, f, &e);
    else
        snprintf(ef->id, sizeof ef->id, "%s", x.id);
    db_ent_free(&x);
    return at >= 0 ? at : ef_saved(ef, msg("ent.saved"));
}

/* Sets a choice field's options: "not given" then the list. */
static void
ef_choices(struct ui_form *f, size_t i, const char *const *items, size_t n, const char *value)
{
    const char **all = xcalloc(n + 1, sizeof *all);
    size_t k;

    all[0] = msg("ent.form.unset");
    for (k = 0; k < n; k++)
        all[k + 1] = items[k];
    ui_form_set_choices(f, i, all, n + 1);
    if (value && *value)
        ui_form_set(f, i, value);
    free(all);
}

static void
ef_field_choices(struct entform *ef, struct ui_form *f, size_t i, const char *value)
{
    struct db_field *fl;
    const char **names;
    size_t n, k;

    if (db_field_list(ui_app_db(ef->app), &fl, &n, NULL) != ERR_OK)
        return;
    names = xcalloc(n ? n : 1, sizeof *names);
    for (k = 0; k < n; k++)
        names[k] = fl[k].name;
    ef_choices(f, i, names, n, value);
    free(names);
    db_field_list_free(fl, n);
}

static void
ef_domain_choices(struct ui_form *f, size_t i, const char *value)
{
    const char *d[16];
    size_t n = 0;

    while (ent_eval_ht_domains[n] && n < 14) {
        d[n] = ent_eval_ht_domains[n];
        n++;
    }
    d[n++] = "不属于";
    ef_choices(f, i, d, n, value);
}

/* A year as text, "" for 0. */
static const char *
ef_year_text(int y, char buf[8])
{
    if (y <= 0)
        return "";
    snprintf(buf, 8, "%d", y % 10000);
    return buf;
}

static void
ef_enterprise_fields(struct entform *ef, struct ui_form *f, const struct db_enterprise *x)
{
    char y1[8], y2[8];

    ef_add(ef, f, "ent.form.name", UI_FIELD_TEXT, 1, "name", x->name);
    ef_add(ef, f, "ent.form.short", UI_FIELD_TEXT, 0, "short_name", x->short_name);
    ef_add(ef, f, "ent.form.code", UI_FIELD_TEXT, 0, "credit_code", x->credit_code);
    ef_add(ef, f, "ent.form.confirm", UI_FIELD_BOOL, 0, "confirm",
           x->credit_code_confirmed ? "1" : "0");
    ef_add(ef, f, "ent.form.township", UI_FIELD_TEXT, 0, "township", x->township);
    ef_field_choices(ef, f, ef_add(ef, f, "ent.form.field", UI_FIELD_CHOICE, 0, "field", NULL),
                     x->field_name);
    ef_add(ef, f, "ent.form.above", UI_FIELD_BOOL, 0, "above_scale", x->above_scale ? "1" : "0");
    ef_add(ef, f, "ent.form.manuf", UI_FIELD_BOOL, 0, "manufacturing",
           x->manufacturing ? "1" : "0");
    ef_add(ef, f, "ent.form.established", UI_FIELD_DATE, 0, "established", x->established);
    ef_domain_choices(f, ef_add(ef, f, "ent.form.ht_domain", UI_FIELD_CHOICE, 0, "ht_domain", NULL),
                      x->ht_domain);
    ef_add(ef, f, "ent.form.award", UI_FIELD_NUMBER, 0, "award_year",
           ef_year_text(x->award_year, y1));
    ef_add(ef, f, "ent.form.standard", UI_FIELD_NUMBER, 0, "standard_year",
           ef_year_text(x->standard_year, y2));
    ef_add(ef, f, "ent.form.address", UI_FIELD_TEXT, 0, "address", x->address);
    ef_add(ef, f, "ent.form.contact", UI_FIELD_TEXT, 0, "contact", x->contact);
    ef_add(ef, f, "ent.form.notes", UI_FIELD_MULTILINE, 0, "notes", x->notes);
}

struct ui_dialog *
ui_ent_form_enterprise(struct ui_app *app, const char *id, ui_ent_saved_fn saved, void *arg)
{
    struct entform *ef = ef_new(app, id, saved, arg);
    struct db_enterprise x;
    struct err e = {0};
    struct ui_form *f;

    memset(&x, 0, sizeof x);
    if (id && db_ent_get(ui_app_db(app), id, &x, &e) != ERR_OK) {
        ui_app_status(app, UI_ROLE_WARNING, e.msg);
        free(ef);
        return NULL;
    }
    f = ui_form_new(msg(id ? "ent.form.edit_title" : "ent.form.add_title"));
    ef_enterprise_fields(ef, f, &x);
    db_ent_free(&x);
    ui_form_set_submit(f, ef_enterprise_submit, ef, free);
    return ui_dialog_form(f);
}

/* ---- figures ---- */

/* Checks a figure as typed (money may carry 万/亿). */
static int
ef_fig_check(const char *value, void *arg, char *out, size_t size)
{
    int fig = (int)(long)(size_t)arg;
    long long v;
    char *m;

    if (*value == '\0' || strcmp(value, msg("ent.form.unset")) == 0 ||
        ent_fig_parse(fig, value, ENT_MONEY_YUAN, &v) == 0)
        return 0;
    m = msg_format(ent_fig_info[fig].kind == ENT_FIG_MONEY ? "ent.form.err_money"
                                                           : "ent.form.err_count",
                   ent_fig_info[fig].label, NULL);
    snprintf(out, size, "%s", m);
    free(m);
    return -1;
}

static long
ef_figures_submit(struct ui_form *f, void *arg)
{
    struct entform *ef = arg;
    struct db_ent_year y;
    struct err e = {0};
    int i, changed = 0;

    memset(&y, 0, sizeof y);
    y.year = atoi(ef_value(f, 0));
    for (i = 0; i < DB_FIG_COUNT; i++)
        ent_fig_parse(i, ef_value(f, (size_t)i + 1), ENT_MONEY_YUAN, &y.v[i]);
    if (enterprise_figures_save(ui_app_db(ef->app), ef_user(ef), ef->id, &y, &changed, &e) !=
        ERR_OK)
        return ef_error(ef, f, &e);
    return ef_saved(ef, msg(changed ? "ent.figures_saved" : "ent.figures_same"));
}

/* The choices of a level or yes/no figure, and its current value as one of them. */
static void
ef_fig_choice(struct ui_form *f, size_t i, int fig, long long v)
{
    static const char *const levels[] = {"无", "企业自建", "省级及以上"};
    static const char *const flags[] = {"否", "是"};
    int level = ent_fig_info[fig].kind == ENT_FIG_LEVEL;

    ef_choices(f, i, level ? levels : flags, level ? 3 : 2,
               v < 0   ? NULL
               : level ? levels[v > 2 ? 2 : v]
                       : flags[v ? 1 : 0]);
}

/* A stored figure as the form shows it: money exactly, in 万. */
static const char *
ef_fig_text(int fig, long long v, char *buf, size_t n)
{
    char wan[40];

    if (ent_fig_info[fig].kind == ENT_FIG_MONEY)
        snprintf(buf, n, "%s万", ent_money_wan(v, wan, sizeof wan));
    else
        snprintf(buf, n, "%lld", v);
    return buf;
}

struct ui_dialog *
ui_ent_form_figures(struct ui_app *app, const char *id, int year, ui_ent_saved_fn saved, void *arg)
{
    struct entform *ef = ef_new(app, id, saved, arg);
    struct db_ent_year y;
    struct ui_form *f;
    char buf[48], *label;
    size_t k;
    int i;

    if (db_ent_year_get(ui_app_db(app), id, year, &y, NULL) < 0) {
        free(ef);
        return NULL;
    }
    f = ui_form_new(msg("ent.form.figures_title"));
    snprintf(buf, sizeof buf, "%d", year);
    ef_add(ef, f, "ent.form.year", UI_FIELD_NUMBER, 1, "year", buf);
    for (i = 0; i < DB_FIG_COUNT; i++) {
        enum ent_fig_kind kind = ent_fig_info[i].kind;

        label = xasprintf("ent.fig.%s", db_ent_fig_columns[i]);
        k = ef_add(ef, f, label,
                   kind == ENT_FIG_LEVEL || kind == ENT_FIG_FLAG ? UI_FIELD_CHOICE : UI_FIELD_TEXT,
                   0, db_ent_fig_columns[i], NULL);
        free(label);
        if (kind == ENT_FIG_LEVEL || kind == ENT_FIG_FLAG) {
            ef_fig_choice(f, k, i, y.v[i]);
            continue;
        }
        if (y.v[i] >= 0)
            ui_form_set(f, k, ef_fig_text(i, y.v[i], buf, sizeof buf));
        ui_form_set_check(f, k, ef_fig_check, (void *)(size_t)i);
    }
    ui_form_set_submit(f, ef_figures_submit, ef, free);
    return ui_dialog_form(f);
}

/* ---- tier change ---- */

struct tierform {
    struct entform ef; /* first: freed as one */
    char tiers[8][64]; /* the tiers a change can name, by rank */
    size_t ntiers;
};

static long
ef_tier_submit(struct ui_form *f, void *arg)
{
    struct tierform *tf = arg;
    struct enterprise_tier_change c = {0};
    struct err e = {0};
    char warning[256], *m;

    c.enterprise_id = tf->ef.id;
    c.drop = f->fields[0].choice == 1;
    c.tier = ef_value(f, 1);
    c.date = ef_value(f, 2);
    c.number = ef_value(f, 3);
    c.valid_from = ef_value(f, 4);
    c.valid_to = ef_value(f, 5);
    c.note = ef_value(f, 6);
    if (enterprise_tier_change(ui_app_db(tf->ef.app), ef_user(&tf->ef), &c, warning, sizeof warning,
                               &e) != ERR_OK)
        return ef_error(&tf->ef, f, &e);
    ef_saved(&tf->ef, msg(c.drop ? "ent.tier_dropped" : "ent.tier_entered"));
    if (warning[0]) {
        m = msg_format("ent.tier_warning", warning, NULL);
        ui_app_status(tf->ef.app, UI_ROLE_WARNING, m);
        free(m);
    }
    return -1;
}

struct ui_dialog *
ui_ent_form_tier(struct ui_app *app, const char *id, ui_ent_saved_fn saved, void *arg)
{
    struct tierform *tf = xcalloc(1, sizeof *tf);
    const char *kinds[2], *names[8];
    struct db_tier *t;
    struct ui_form *f;
    size_t n, i;

    tf->ef.app = app;
    snprintf(tf->ef.id, sizeof tf->ef.id, "%s", id);
    tf->ef.saved = saved;
    tf->ef.arg = arg;
    if (db_tier_list(ui_app_db(app), &t, &n, NULL) != ERR_OK) {
        free(tf);
        return NULL;
    }
    for (i = 1; i < n && tf->ntiers < 8; i++) {
        snprintf(tf->tiers[tf->ntiers], sizeof tf->tiers[0], "%s", t[i].name);
        names[tf->ntiers] = tf->tiers[tf->ntiers];
        tf->ntiers++;
    }
    db_tier_list_free(t, n);
    f = ui_form_new(msg("ent.form.tier_title"));
    kinds[0] = msg("ent.form.tier_enter");
    kinds[1] = msg("ent.form.tier_drop");
    ui_form_set_choices(
        f, ef_add(&tf->ef, f, "ent.form.tier_kind", UI_FIELD_CHOICE, 1, "kind", NULL), kinds, 2);
    ui_form_set_choices(f, ef_add(&tf->ef, f, "ent.form.tier", UI_FIELD_CHOICE, 1, "tier", NULL),
                        names, tf->ntiers);
    ef_add(&tf->ef, f, "ent.form.date", UI_FIELD_DATE, 1, "date", ui_app_today(app));
    ef_add(&tf->ef, f, "ent.form.number", UI_FIELD_TEXT, 0, "number", NULL);
    ef_add(&tf->ef, f, "ent.form.valid_from", UI_FIELD_DATE, 0, "valid_from", NULL);
    ef_add(&tf->ef, f, "ent.form.valid_to", UI_FIELD_DATE, 0, "valid_to", NULL);
    ef_add(&tf->ef, f, "ent.form.reason", UI_FIELD_TEXT, 0, "note", NULL);
    ui_form_set_submit(f, ef_tier_submit, tf, free);
    return ui_dialog_form(f);
}

/* ---- service log ---- */

static long
ef_service_submit(struct ui_form *f, void *arg)
{
    struct entform *ef = arg;
    struct db_ent_service s;
    struct err e = {0};
    long at = -1;

    memset(&s, 0, sizeof s);
    snprintf(s.enterprise_id, sizeof s.enterprise_id, "%s", ef->id);
    snprintf(s.service_date, sizeof s.service_date, "%.10s", ef_value(f, 0));
    s.unit = xstrdup(ef_value(f, 1));
    s.person = xstrdup(ef_value(f, 2));
    s.asked = xstrdup(ef_value(f, 3));
    s.done = xstrdup(ef_value(f, 4));
    snprintf(s.follow_up, sizeof s.follow_up, "%.10s", ef_value(f, 5));
    if (enterprise_service_add(ui_app_db(ef->app), ef_user(ef), &s, &e) != ERR_OK)
        at = ef_error(ef, f, &e);
    free(s.unit);
    free(s.person);
    free(s.asked);
    free(s.done);
    return at >= 0 ? at : ef_saved(ef, msg("ent.service_saved"));
}

struct ui_dialog *
ui_ent_form_service(struct ui_app *app, const char *id, ui_ent_saved_fn saved, void *arg)
{
    struct entform *ef = ef_new(app, id, saved, arg);
    struct ui_form *f = ui_form_new(msg("ent.form.service_title"));

    ef_add(ef, f, "ent.form.service_date", UI_FIELD_DATE, 1, "service_date", ui_app_today(app));
    ef_add(ef, f, "ent.form.unit", UI_FIELD_TEXT, 0, "unit",
           config_get(ui_app_config(app), "user:unit"));
    ef_add(ef, f, "ent.form.person", UI_FIELD_TEXT, 0, "person",
           config_get(ui_app_config(app), "user:name"));
    ef_add(ef, f, "ent.form.asked", UI_FIELD_MULTILINE, 0, "asked", NULL);
    ef_add(ef, f, "ent.form.done", UI_FIELD_MULTILINE, 0, "done", NULL);
    ef_add(ef, f, "ent.form.follow_up", UI_FIELD_DATE, 0, "follow_up", NULL);
    ui_form_set_submit(f, ef_service_submit, ef, free);
    return ui_dialog_form(f);
}

/* ---- subsidies ---- */

static int
ef_money_check(const char *value, void *arg, char *out, size_t size)
{
    long long v;

    (void)arg;
    if (ent_money_parse(value, ENT_MONEY_YUAN, &v) == 0)
        return 0;
    snprintf(out, size, "%s", msg("ent.form.err_amount"));
    return -1;
}

static long
ef_subsidy_submit(struct ui_form *f, void *arg)
{
    struct entform *ef = arg;
    struct db_ent_subsidy s;
    struct err e = {0};
    char money[32], *m;
    long at = -1;

    memset(&s, 0, sizeof s);
    snprintf(s.enterprise_id, sizeof s.enterprise_id, "%s", ef->id);
    snprintf(s.paid_date, sizeof s.paid_date, "%.10s", ef_value(f, 0));
    s.kind = xstrdup(ef_value(f, 1));
    if (ent_money_parse(ef_value(f, 2), ENT_MONEY_YUAN, &s.amount) != 0)
        s.amount = -1;
    s.note = xstrdup(ef_value(f, 3));
    if (enterprise_subsidy_add(ui_app_db(ef->app), ef_user(ef), &s, &e) != ERR_OK)
        at = ef_error(ef, f, &e);
    free(s.kind);
    free(s.note);
    if (at >= 0)
        return at;
    m = msg_format("ent.subsidy_saved", ent_money_text(s.amount, money, sizeof money), NULL);
    ef_saved(ef, m);
    free(m);
    return -1;
}

struct ui_dialog *
ui_ent_form_subsidy(struct ui_app *app, const char *id, ui_ent_saved_fn saved, void *arg)
{
    struct entform *ef = ef_new(app, id, saved, arg);
    struct ui_form *f = ui_form_new(msg("ent.form.subsidy_title"));

    ef_add(ef, f, "ent.form.paid_date", UI_FIELD_DATE, 1, "paid_date", ui_app_today(app));
    ef_add(ef, f, "ent.form.kind", UI_FIELD_TEXT, 1, "kind", NULL);
    ui_form_set_check(f, ef_add(ef, f, "ent.form.amount", UI_FIELD_TEXT, 1, "amount", NULL),
                      ef_money_check, NULL);
    ef_add(ef, f, "ent.form.note", UI_FIELD_TEXT, 0, "note", NULL);
    ui_form_set_submit(f, ef_subsidy_submit, ef, free);
    return ui_dialog_form(f);
}
