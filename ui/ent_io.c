/*
 * ent_io.c — the 梯度培育 section's filter form, and CSV import and export
 * from the screen: import shows what it would add, change and refuse
 * (line and reason) and writes nothing until the clerk says yes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "src/enterprise.h"
#include "src/msg.h"
#include "src/strbuf.h"
#include "src/xmalloc.h"
#include "ui/app.h"
#include "ui/dialog.h"
#include "ui/ent_view.h"

const char *const ui_ent_sort_keys[DB_ENT_SORT_COUNT] = {
    MSG_KEY("ent.sort.name"), MSG_KEY("ent.sort.township"), MSG_KEY("ent.sort.field"),
    MSG_KEY("ent.sort.code"), MSG_KEY("ent.sort.updated"),
};

/* ---- filters ---- */

enum { FL_TIER, FL_WARN, FL_TOWNSHIP, FL_FIELD, FL_SCALE, FL_SORT, FL_DESC };

/* Sets a choice field to "all" followed by items. */
static void
io_choices(struct ui_form *f, size_t i, const char *const *items, size_t n, const char *value)
{
    const char **all = xcalloc(n + 1, sizeof *all);
    size_t k;

    all[0] = msg("ent.filter.any");
    for (k = 0; k < n; k++)
        all[k + 1] = items[k];
    ui_form_set_choices(f, i, all, n + 1);
    if (value)
        ui_form_set(f, i, value);
    free(all);
}

static void
io_tier_choices(struct ui_ent *s, struct ui_form *f, size_t i)
{
    const char *names[16];
    size_t k, n = s->ntiers < 16 ? s->ntiers : 16;

    for (k = 0; k < n; k++)
        names[k] = s->tiers[k].name;
    io_choices(f, i, names, n, NULL);
    if (s->f.candidate)
        f->fields[i].choice = 1;
    for (k = 0; s->f.tier_id && k < n; k++) {
        if (strcmp(s->tiers[k].id, s->f.tier_id) == 0)
            f->fields[i].choice = k + 1;
    }
}

static void
io_township_choices(struct ui_ent *s, struct ui_form *f, size_t i)
{
    char **t;
    size_t n, k;

    if (db_ent_townships(ui_app_db(s->app), &t, &n, NULL) != ERR_OK)
        return;
    io_choices(f, i, (const char *const *)t, n, s->f.township);
    for (k = 0; k < n; k++)
        free(t[k]);
    free(t);
}

static void
io_field_choices(struct ui_ent *s, struct ui_form *f, size_t i)
{
    struct db_field *fl;
    const char **names;
    size_t n, k;

    if (db_field_list(ui_app_db(s->app), &fl, &n, NULL) != ERR_OK)
        return;
    names = xcalloc(n ? n : 1, sizeof *names);
    for (k = 0; k < n; k++)
        names[k] = fl[k].name;
    io_choices(f, i, names, n, s->f.field_id ? s->field_name : NULL);
    free(names);
    db_field_list_free(fl, n);
}

static long
io_filter_submit(struct ui_form *f, void *arg)
{
    struct ui_ent *s = arg;
    size_t t = f->fields[FL_TIER].choice;
    struct err e = {0};

    s->f.candidate = t == 1;
    s->f.tier_id = NULL;
    if (t > 1 && t <= s->ntiers) {
        snprintf(s->tier_id, sizeof s->tier_id, "%s", s->tiers[t - 1].id);
        s->f.tier_id = s->tier_id;
    }
    s->f.warn = strcmp(ui_form_value(f, FL_WARN), "1") == 0;
    s->f.township = NULL;
    if (f->fields[FL_TOWNSHIP].choice > 0) {
        snprintf(s->township, sizeof s->township, "%s", ui_form_value(f, FL_TOWNSHIP));
        s->f.township = s->township;
    }
    s->f.field_id = NULL;
    if (f->fields[FL_FIELD].choice > 0 &&
        enterprise_field_id(ui_app_db(s->app), ui_form_value(f, FL_FIELD), s->field_id, &e) ==
            ERR_OK) {
        snprintf(s->field_name, sizeof s->field_name, "%s", ui_form_value(f, FL_FIELD));
        s->f.field_id = s->field_id;
    }
    s->f.above_scale = f->fields[FL_SCALE].choice == 0 ? -1 : f->fields[FL_SCALE].choice == 1;
    s->f.sort = (enum db_ent_sort)f->fields[FL_SORT].choice;
    s->f.desc = strcmp(ui_form_value(f, FL_DESC), "1") == 0;
    ui_panes_refresh(&s->panes);
    ui_list_select(s->panes.list, 0);
    return -1;
}

void
ui_ent_filter_form(struct ui_ent *s)
{
    struct ui_form *f = ui_form_new(msg("ent.filter.title"));
    const char *scale[2], *sorts[DB_ENT_SORT_COUNT];
    size_t k;

    io_tier_choices(s, f, ui_form_add(f, msg("ent.filter.tier"), UI_FIELD_CHOICE, 0));
    ui_form_set(f, ui_form_add(f, msg("ent.filter.warn_only"), UI_FIELD_BOOL, 0),
                s->f.warn ? "1" : "0");
    io_township_choices(s, f, ui_form_add(f, msg("ent.form.township"), UI_FIELD_CHOICE, 0));
    io_field_choices(s, f, ui_form_add(f, msg("ent.form.field"), UI_FIELD_CHOICE, 0));
    scale[0] = msg("ent.filter.above");
    scale[1] = msg("ent.filter.below");
    io_choices(f, ui_form_add(f, msg("ent.form.above"), UI_FIELD_CHOICE, 0), scale, 2, NULL);
    f->fields[FL_SCALE].choice = s->f.above_scale < 0 ? 0 : s->f.above_scale ? 1 : 2;
    for (k = 0; k < DB_ENT_SORT_COUNT; k++)
        sorts[k] = msg(ui_ent_sort_keys[k]);
    ui_form_set_choices(f, ui_form_add(f, msg("ent.filter.sort"), UI_FIELD_CHOICE, 0), sorts,
                        DB_ENT_SORT_COUNT);
    f->fields[FL_SORT].choice = (size_t)s->f.sort;
    ui_form_set(f, ui_form_add(f, msg("ent.filter.reverse"), UI_FIELD_BOOL, 0),
                s->f.desc ? "1" : "0");
    ui_form_set_submit(f, io_filter_submit, s, NULL);
    ui_app_push(s->app, ui_dialog_form(f), NULL, NULL);
}

/* ---- import ---- */

static const char *
io_user(struct ui_ent *s)
{
    return config_get(ui_app_config(s->app), "user:name");
}

/* "~/x" as a path under $HOME. The caller frees it. */
static char *
io_path(const char *p)
{
    const char *home = getenv("HOME");

    if (p[0] == '~' && p[1] == '/' && home)
        return xasprintf("%s%s", home, p + 1);
    return xstrdup(p);
}

static long
io_import_submit(struct ui_form *f, void *arg)
{
    struct ui_ent *s = arg;
    struct err e = {0};
    char *path = io_path(ui_form_value(f, 0));
    int year = atoi(ui_form_value(f, 1));
    long long unit = f->fields[2].choice == 1 ? 10000 : 1;

    ent_import_free(s->import);
    s->import = NULL;
    ui_app_status(s->app, UI_ROLE_NORMAL, msg("ent.import.reading"));
    ui_app_draw(s->app); /* a large file takes a moment: say so first */
    if (ent_import_read_file(ui_app_db(s->app), path, unit, year, &s->import, &e) != ERR_OK) {
        ui_ent_copy(f->fields[0].error, sizeof f->fields[0].error, e.msg);
        free(path);
        return 0;
    }
    free(path);
    return -1;
}

/* The preview as text: columns, then every refused and changed row. */
static char *
io_preview(const struct ent_import *im)
{
    static const char *const words[] = {"ent.import.same", "ent.import.add", "ent.import.change",
                                        "ent.import.refuse"};
    struct strbuf b = STRBUF_INIT;
    char a[24], c[24], sm[24], r[24], *line;
    size_t i;

    snprintf(a, sizeof a, "%ld", im->added);
    snprintf(c, sizeof c, "%ld", im->changed);
    snprintf(sm, sizeof sm, "%ld", im->same);
    snprintf(r, sizeof r, "%ld", im->refused);
    line = msg_format("ent.import.summary", a, c, sm, r, NULL);
    strbuf_printf(&b, "%s\n%s %s\n", line, msg("ent.import.encoding"), im->encoding);
    free(line);
    for (i = 0; i < im->ncolumns; i++)
        strbuf_printf(&b, "  %s\n", im->columns[i]);
    for (i = 0; i < im->nunknown; i++) {
        line = msg_format("ent.import.unknown", im->unknown[i], NULL);
        strbuf_printf(&b, "  %s\n", line);
        free(line);
    }
    for (i = 0; i < im->n; i++) {
        const struct ent_import_row *row = &im->rows[i];

        if (row->action == ENT_IMPORT_SAME)
            continue;
        snprintf(a, sizeof a, "%ld", row->line);
        line = msg_format("ent.import.row", a, msg(words[row->action]), row->name,
                          row->note ? row->note : "", NULL);
        strbuf_printf(&b, "%s\n", line);
        free(line);
    }
    return strbuf_take(&b);
}

static void
io_import_yes(struct ui_app *app, struct ui_dialog *d, void *arg, int result)
{
    struct ui_ent *s = arg;
    struct err e = {0};
    char a[24], c[24], *m;

    (void)d;
    if (result == 1 && s->import) {
        snprintf(a, sizeof a, "%ld", s->import->added + s->import->changed);
        m = msg_format("ent.import.writing", a, NULL);
        ui_app_status(app, UI_ROLE_NORMAL, m);
        free(m);
        ui_app_draw(app); /* 100,000 rows take seconds: say so first */
        if (ent_import_apply(ui_app_db(app), io_user(s), s->import, &e) != ERR_OK) {
            ui_app_status(app, UI_ROLE_WARNING, e.msg);
        } else {
            ui_ent_reload(s);
            snprintf(a, sizeof a, "%ld", s->import->added);
            snprintf(c, sizeof c, "%ld", s->import->changed);
            m = msg_format("ent.import.done", a, c, NULL);
            ui_app_status(app, UI_ROLE_OK, m);
            free(m);
        }
    }
    ent_import_free(s->import);
    s->import = NULL;
}

static void
io_import_seen(struct ui_app *app, struct ui_dialog *d, void *arg, int result)
{
    struct ui_ent *s = arg;

    (void)d;
    (void)result;
    if (s->import == NULL)
        return;
    if (s->import->added + s->import->changed == 0) {
        ui_app_status(app, UI_ROLE_NORMAL, msg("ent.import.nothing"));
        ent_import_free(s->import);
        s->import = NULL;
        return;
    }
    ui_app_push(app, ui_dialog_confirm(msg("ent.import.title"), msg("ent.import.confirm")),
                io_import_yes, s);
}

static void
io_import_read(struct ui_app *app, struct ui_dialog *d, void *arg, int result)
{
    struct ui_ent *s = arg;
    char *text;

    (void)d;
    if (result != 1 || s->import == NULL)
        return;
    text = io_preview(s->import);
    ui_app_push(app, ui_dialog_text(msg("ent.import.preview"), text), io_import_seen, s);
    free(text);
}

void
ui_ent_import_start(struct ui_ent *s)
{
    struct ui_form *f = ui_form_new(msg("ent.import.title"));
    const char *units[2];

    ui_form_add(f, msg("ent.import.file"), UI_FIELD_TEXT, 1);
    ui_form_add(f, msg("ent.import.year"), UI_FIELD_NUMBER, 0);
    units[0] = "元";
    units[1] = "万元";
    ui_form_set_choices(f, ui_form_add(f, msg("ent.import.unit"), UI_FIELD_CHOICE, 0), units, 2);
    ui_form_set_submit(f, io_import_submit, s, NULL);
    ui_app_push(s->app, ui_dialog_form(f), io_import_read, s);
}

/* ---- export ---- */

static long
io_export_submit(struct ui_form *f, void *arg)
{
    struct ui_ent *s = arg;
    struct strbuf b = STRBUF_INIT;
    struct err e = {0};
    char *path = io_path(ui_form_value(f, 0)), *m;
    int year = atoi(ui_form_value(f, 1));
    FILE *out;
    long at = -1;

    if (ent_export_register(ui_app_db(s->app), ui_app_today(s->app), year, &b, &e) != ERR_OK) {
        ui_ent_copy(f->fields[0].error, sizeof f->fields[0].error, e.msg);
        at = 0;
    } else if ((out = fopen(path, "wb")) == NULL || fwrite(b.s, 1, b.len, out) != b.len ||
               fclose(out) != 0) {
        m = msg_format("ent.export.failed", path, NULL);
        ui_ent_copy(f->fields[0].error, sizeof f->fields[0].error, m);
        free(m);
        at = 0;
    } else {
        m = msg_format("ent.export.done", path, NULL);
        ui_app_status(s->app, UI_ROLE_OK, m);
        free(m);
    }
    strbuf_free(&b);
    free(path);
    return at;
}

void
ui_ent_export_start(struct ui_ent *s)
{
    struct ui_form *f = ui_form_new(msg("ent.export.title"));
    char *name = xasprintf("~/梯度培育名录-%s.csv", ui_app_today(s->app));
    char year[16];

    ui_form_set(f, ui_form_add(f, msg("ent.export.file"), UI_FIELD_TEXT, 1), name);
    snprintf(year, sizeof year, "%d", atoi(ui_app_today(s->app)) - 1);
    ui_form_set(f, ui_form_add(f, msg("ent.export.year"), UI_FIELD_NUMBER, 0), year);
    ui_form_set_submit(f, io_export_submit, s, NULL);
    ui_app_push(s->app, ui_dialog_form(f), NULL, NULL);
    free(name);
}
