/*
 * reg_form.c — adding and changing a registry record in a form.
 */
#include "ui/reg_form.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/reg.h"
#include "src/msg.h"
#include "src/xmalloc.h"
#include "ui/app.h"
#include "ui/form.h"

#define REGFORM_MAX (REG_MAX_FIELDS + REG_MAX_LINKS)

struct regform;

/* What a field's own check needs: the form and the registry field. */
struct regform_check {
    struct regform *rf;
    size_t field;
};

struct regform {
    struct ui_app *app;
    const struct reg_def *d;
    char id[40];                /* "" for a new record */
    long field_of[REGFORM_MAX]; /* registry field of each form field; -1 - li for link li */
    size_t nform;
    struct regform_check checks[REG_MAX_FIELDS];
    ui_reg_form_saved_fn saved;
    void *saved_arg;
};

/* Looks up key (built here) in the interface language, else Chinese. */
static const char *
regform_lookup(const char *key, const char *fallback)
{
    const char *s = msg_lookup(key, msg_language());

    if (s == NULL)
        s = msg_lookup(key, "zh_CN");
    return s ? s : fallback;
}

const char *
ui_reg_label(const struct reg_def *d, size_t i)
{
    char key[96];

    snprintf(key, sizeof key, "reg.%s.%s", d->name, d->fields[i].key);
    return regform_lookup(key, d->fields[i].label);
}

const char *
ui_reg_link_label(const struct reg_def *d, size_t li)
{
    char key[96];

    snprintf(key, sizeof key, "reg.%s.%s", d->name, d->links[li].key);
    return regform_lookup(key, d->links[li].label);
}

const char *
ui_reg_title(const struct reg_def *d)
{
    char key[96];

    snprintf(key, sizeof key, "reg.title.%s", d->name);
    return regform_lookup(key, d->title);
}

/* Copies src into dst (size bytes), never cutting a character in half. */
static void
regform_copy(char *dst, size_t size, const char *src)
{
    size_t n = strlen(src);

    if (n >= size) {
        n = size - 1;
        while (n > 0 && ((unsigned char)src[n] & 0xc0) == 0x80)
            n--;
    }
    memcpy(dst, src, n);
    dst[n] = '\0';
}

/* The text a choice shows for "nothing chosen". */
static const char *
regform_none(void)
{
    return msg("form.none");
}

/* A field's own check: the registry's check of the typed value alone. */
static int
regform_check_field(const char *value, void *arg, char *out, size_t size)
{
    struct regform_check *c = arg;
    struct err e = {0};

    if (strcmp(value, regform_none()) == 0)
        return 0;
    if (reg_check_field(ui_app_db(c->rf->app), c->rf->d, c->field, value, &e) == ERR_OK)
        return 0;
    regform_copy(out, size, e.msg);
    return -1;
}

/* Adds the form field for registry field i, with its choices when few. */
static void
regform_add_field(struct regform *rf, struct ui_form *f, size_t i, const char *value)
{
    const struct reg_field *fd = &rf->d->fields[i];
    enum ui_field_type t = fd->type == REG_NOTE   ? UI_FIELD_MULTILINE
                           : fd->type == REG_DATE ? UI_FIELD_DATE
                           : fd->type == REG_INT  ? UI_FIELD_NUMBER
                                                  : UI_FIELD_TEXT;
    char **names;
    const char **opts;
    size_t n = 0, k, no = 0, at;
    int found = 0;

    if (fd->type == REG_VOCAB || fd->type == REG_REF)
        reg_choices(ui_app_db(rf->app), rf->d, i, &names, &n, NULL);
    if (n == 0) {
        at = ui_form_add(f, ui_reg_label(rf->d, i), t, fd->required);
        ui_form_set(f, at, value);
    } else {
        opts = xcalloc(n + 2, sizeof *opts);
        if (!fd->required || *value == '\0')
            opts[no++] = regform_none();
        for (k = 0; k < n; k++) {
            found |= strcmp(names[k], value) == 0;
            opts[no++] = names[k];
        }
        if (*value && !found)
            opts[no++] = value; /* a value no longer offered stays as it was */
        at = ui_form_add(f, ui_reg_label(rf->d, i), UI_FIELD_CHOICE, fd->required);
        ui_form_set_choices(f, at, opts, no);
        ui_form_set(f, at, *value ? value : regform_none());
        free((void *)opts);
        db_strings_free(names, n);
    }
    rf->checks[i].rf = rf;
    rf->checks[i].field = i;
    ui_form_set_check(f, at, regform_check_field, &rf->checks[i]);
    rf->field_of[rf->nform++] = (long)i;
}

/* The link li's current records as "甲；乙" (caller frees). */
static char *
regform_link_text(struct regform *rf, size_t li)
{
    char **labels, *s = xstrdup(""), *t;
    size_t n, i;

    if (rf->id[0] == '\0' || reg_links(ui_app_db(rf->app), rf->d, li, rf->id, &labels, &n, NULL))
        return s;
    for (i = 0; i < n; i++) {
        t = xasprintf("%s%s%s", s, i ? "；" : "", labels[i]);
        free(s);
        s = t;
    }
    db_strings_free(labels, n);
    return s;
}

/* The form index of registry field key (a field or a link), or -1. */
static long
regform_index_of(const struct regform *rf, const char *key)
{
    size_t i;
    long f;

    for (i = 0; i < rf->nform; i++) {
        f = rf->field_of[i];
        if (f >= 0 && strcmp(rf->d->fields[f].key, key) == 0)
            return (long)i;
        if (f < 0 && strcmp(rf->d->links[-1 - f].key, key) == 0)
            return (long)i;
    }
    return -1;
}

/* Submitting: saves what was typed; a refusal goes under its field. */
static long
regform_submit(struct ui_form *f, void *arg)
{
    struct regform *rf = arg;
    struct reg_input in;
    struct err e = {0};
    const char *v;
    char id[40];
    size_t i;
    long at, fi;

    memset(&in, 0, sizeof in);
    for (i = 0; i < rf->nform; i++) {
        v = ui_form_value(f, i);
        if (strcmp(v, regform_none()) == 0)
            v = "";
        fi = rf->field_of[i];
        if (fi >= 0)
            in.val[fi] = v;
        else
            in.links[-1 - fi] = v;
    }
    if (reg_save(ui_app_db(rf->app), config_get(ui_app_config(rf->app), "user:name"), rf->d,
                 rf->id[0] ? rf->id : NULL, &in, id, &e) == ERR_OK) {
        snprintf(rf->id, sizeof rf->id, "%s", id);
        if (rf->saved)
            rf->saved(rf->app, rf->saved_arg, id);
        return -1;
    }
    at = regform_index_of(rf, e.field);
    if (at < 0)
        at = (long)f->focus;
    regform_copy(f->fields[at].error, sizeof f->fields[at].error, e.msg);
    return at;
}

struct ui_dialog *
ui_reg_form(struct ui_app *app, const struct reg_def *d, const char *id, ui_reg_form_saved_fn saved,
            void *arg)
{
    struct regform *rf = xcalloc(1, sizeof *rf);
    struct db_reg_rec rec;
    struct ui_form *f;
    struct err e = {0};
    char *title, *v;
    size_t i, at;

    rf->app = app;
    rf->d = d;
    rf->saved = saved;
    rf->saved_arg = arg;
    memset(&rec, 0, sizeof rec);
    if (id && reg_get(ui_app_db(app), d, id, &rec, &e) != ERR_OK) {
        ui_app_status(app, UI_ROLE_WARNING, e.msg);
        free(rf);
        return NULL;
    }
    snprintf(rf->id, sizeof rf->id, "%s", id ? id : "");
    title = msg_format(id ? "reg.form.edit" : "reg.form.add", ui_reg_title(d), NULL);
    f = ui_form_new(title);
    free(title);
    for (i = 0; i < d->shape.ncols; i++) {
        if (d->fields[i].readonly)
            continue;
        v = id ? reg_edit_text(d, &rec, i) : xstrdup("");
        regform_add_field(rf, f, i, v);
        free(v);
    }
    for (i = 0; i < d->nlinks; i++) {
        v = regform_link_text(rf, i);
        at = ui_form_add(f, ui_reg_link_label(d, i), UI_FIELD_TEXT, 0);
        ui_form_set(f, at, v);
        rf->field_of[rf->nform++] = -1 - (long)i;
        free(v);
    }
    db_reg_rec_free(&rec, d->shape.ncols);
    ui_form_set_submit(f, regform_submit, rf, free);
    return ui_dialog_form(f);
}
