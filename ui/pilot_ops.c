/*
 * pilot_ops.c — the questions and forms that move a pilot project.
 */
#include "ui/pilot_ops.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/reg.h"
#include "src/msg.h"
#include "src/xmalloc.h"
#include "ui/app.h"
#include "ui/dialog.h"
#include "ui/form.h"
#include "ui/keymap.h"

#define OPS_MAX_ITEMS 16

enum ops_kind { OPS_ADVANCE, OPS_ITEMS, OPS_EXIT, OPS_EXTEND };

/* What a form of these operations needs when it is submitted. */
struct ops_form {
    struct ui_pilot_ops *o;
    enum ops_kind kind;
    char *item[OPS_MAX_ITEMS]; /* items form: the item names and their values before */
    char *before[OPS_MAX_ITEMS];
    size_t nitems;
};

static void
ops_form_free(void *arg)
{
    struct ops_form *x = arg;
    size_t i;

    for (i = 0; i < x->nitems; i++) {
        free(x->item[i]);
        free(x->before[i]);
    }
    free(x);
}

static const char *
ops_user(struct ui_pilot_ops *o)
{
    return config_get(ui_app_config(o->app), "user:name");
}

/* Where o->id stands now; 0 (and a status message) when it cannot be read. */
static int
ops_status(struct ui_pilot_ops *o, struct pilot_status *s)
{
    struct err e = {0};

    if (pilot_status_get(ui_app_db(o->app), &o->rules, ui_app_today(o->app), o->id, s, &e) ==
        ERR_OK)
        return 1;
    ui_app_status(o->app, UI_ROLE_WARNING, e.msg);
    return 0;
}

/* Tells the clerk what happened and has the section reload. */
static void
ops_done(struct ui_pilot_ops *o, const char *text)
{
    if (o->changed)
        o->changed(o->app, o->arg);
    ui_app_status(o->app, UI_ROLE_OK, text);
}

/* The message of e under form field at (or the focused field); returns at. */
static long
ops_refuse(struct ui_form *f, long at, const struct err *e)
{
    size_t n;

    if (at < 0 || (size_t)at >= f->n)
        at = (long)f->focus;
    n = strlen(e->msg);
    if (n >= sizeof f->fields[at].error) {
        n = sizeof f->fields[at].error - 1;
        while (n > 0 && ((unsigned char)e->msg[n] & 0xc0) == 0x80)
            n--;
    }
    memcpy(f->fields[at].error, e->msg, n);
    f->fields[at].error[n] = '\0';
    return at;
}

/* A new form of kind with its context; the form owns the context. */
static struct ui_form *ops_form_new(struct ui_pilot_ops *o, enum ops_kind kind, const char *title,
                                    struct ops_form **x);

/* Submitting the move: the date and note, then the rules decide. */
static long
ops_advance_submit(struct ui_form *f, void *arg)
{
    struct ops_form *x = arg;
    struct pilot_status s;
    struct err e = {0};
    char *m;

    if (pilot_advance(ui_app_db(x->o->app), ops_user(x->o), &x->o->rules, ui_app_today(x->o->app),
                      x->o->id, ui_form_value(f, 0), ui_form_value(f, 1), &e) != ERR_OK)
        return ops_refuse(f, strcmp(e.field, "date") == 0 ? 0 : -1, &e);
    if (ops_status(x->o, &s)) {
        m = msg_format("pilot.done.advance", s.cur >= 0 ? s.stages[s.cur].name : "", NULL);
        ops_done(x->o, m);
        free(m);
        pilot_status_free(&s);
    }
    return -1;
}

/* The answer to "these items are missing; record them now?". */
static void
ops_gate_answer(struct ui_app *app, struct ui_dialog *d, void *arg, int yes)
{
    (void)app;
    (void)d;
    if (yes)
        ui_pilot_ops_items(arg);
}

/* Opens the form of the move to s's next stage. */
static void
ops_advance_form(struct ui_pilot_ops *o, const struct pilot_status *s)
{
    struct ops_form *x;
    struct ui_form *f;
    char *title = msg_format("pilot.form.advance", s->stages[s->next].name, NULL);
    size_t at;

    f = ops_form_new(o, OPS_ADVANCE, title, &x);
    free(title);
    at = ui_form_add(f, msg("pilot.f.date"), UI_FIELD_DATE, 1);
    ui_form_set(f, at, ui_app_today(o->app));
    ui_form_add(f, msg("pilot.f.note"), UI_FIELD_TEXT, 0);
    ui_form_set_submit(f, ops_advance_submit, x, ops_form_free);
    ui_app_push(o->app, ui_dialog_form(f), NULL, NULL);
}

void
ui_pilot_ops_advance(struct ui_pilot_ops *o)
{
    struct pilot_status s;
    struct err e = {0};
    char *gate, *q;

    if (!ops_status(o, &s))
        return;
    if ((gate = pilot_gate_message(&s)) != NULL) {
        q = msg_format("pilot.gate.ask", gate, NULL);
        ui_app_push(o->app, ui_dialog_confirm(msg("pilot.gate.title"), q), ops_gate_answer, o);
        free(q);
        free(gate);
    } else if (s.next < 0 || s.st.archived_at) {
        /* Let the rules say why (last stage, left the base, deleted). */
        pilot_advance(ui_app_db(o->app), ops_user(o), &o->rules, ui_app_today(o->app), o->id, NULL,
                      NULL, &e);
        ui_app_status(o->app, UI_ROLE_WARNING, e.msg[0] ? e.msg : msg("pilot.cannot_move"));
    } else {
        ops_advance_form(o, &s);
    }
    pilot_status_free(&s);
}

/* Submitting the items: each changed one is recorded; a refusal stays. */
static long
ops_items_submit(struct ui_form *f, void *arg)
{
    struct ops_form *x = arg;
    struct pilot_status s;
    struct err e = {0};
    const char *v;
    char *m, *keys;
    size_t i;

    for (i = 0; i < x->nitems; i++) {
        v = ui_form_value(f, i);
        if (strcmp(v, x->before[i]) == 0)
            continue;
        if (pilot_item_set(ui_app_db(x->o->app), ops_user(x->o), x->o->id, x->item[i], v, &e) !=
            ERR_OK)
            return ops_refuse(f, (long)i, &e);
        free(x->before[i]);
        x->before[i] = xstrdup(v);
    }
    if (!ops_status(x->o, &s))
        return -1;
    keys = ui_keymap_keys_text(UI_ACT_MENU);
    if (s.nmissing == 0 && s.next >= 0)
        m = msg_format("pilot.done.items_open", s.stages[s.next].name, keys, NULL);
    else
        m = xstrdup(msg("pilot.done.items"));
    ops_done(x->o, m);
    free(m);
    free(keys);
    pilot_status_free(&s);
    return -1;
}

void
ui_pilot_ops_items(struct ui_pilot_ops *o)
{
    const struct db_pilot_stage *st;
    struct pilot_status s;
    struct ops_form *x;
    struct ui_form *f;
    char *title;
    size_t i, at;

    if (!ops_status(o, &s))
        return;
    st = s.cur >= 0 ? &s.stages[s.cur] : NULL;
    if (st == NULL || st->nitems == 0) {
        title = msg_format("pilot.no_items", st ? st->name : "", NULL);
        ui_app_status(o->app, UI_ROLE_WARNING, title);
        free(title);
        pilot_status_free(&s);
        return;
    }
    title = msg_format("pilot.form.items", st->name, NULL);
    f = ops_form_new(o, OPS_ITEMS, title, &x);
    free(title);
    for (i = 0; i < st->nitems && i < OPS_MAX_ITEMS; i++) {
        at = ui_form_add(f, st->items[i].name,
                         strcmp(st->items[i].kind, "date") == 0 ? UI_FIELD_DATE : UI_FIELD_TEXT, 0);
        ui_form_set(f, at, st->items[i].value ? st->items[i].value : "");
        x->item[i] = xstrdup(st->items[i].code);
        x->before[i] = xstrdup(st->items[i].value ? st->items[i].value : "");
        x->nitems++;
    }
    ui_form_set_submit(f, ops_items_submit, x, ops_form_free);
    ui_app_push(o->app, ui_dialog_form(f), NULL, NULL);
    pilot_status_free(&s);
}

static void
ops_back_answer(struct ui_app *app, struct ui_dialog *d, void *arg, int yes)
{
    struct ui_pilot_ops *o = arg;
    struct pilot_status s;
    struct err e = {0};
    char *m;

    (void)d;
    if (!yes)
        return;
    if (pilot_back(ui_app_db(app), ops_user(o), ui_app_today(app), o->id, NULL, NULL, &e) !=
        ERR_OK) {
        ui_app_status(app, UI_ROLE_WARNING, e.msg);
        return;
    }
    if (ops_status(o, &s)) {
        m = msg_format("pilot.done.back", s.cur >= 0 ? s.stages[s.cur].name : "", NULL);
        ops_done(o, m);
        free(m);
        pilot_status_free(&s);
    }
}

void
ui_pilot_ops_back(struct ui_pilot_ops *o)
{
    struct pilot_status s;
    char *q;

    if (!ops_status(o, &s))
        return;
    q = msg_format("pilot.back.ask", s.st.name ? s.st.name : "", NULL);
    ui_app_push(o->app, ui_dialog_confirm(msg("pilot.op.back"), q), ops_back_answer, o);
    free(q);
    pilot_status_free(&s);
}

/* Submitting an exit or an extension. */
static long
ops_exit_submit(struct ui_form *f, void *arg)
{
    struct ops_form *x = arg;
    struct ui_pilot_ops *o = x->o;
    struct err e = {0};
    const char *mode = ui_form_value(f, 0);
    int rc;

    if (x->kind == OPS_EXIT) {
        if (strcmp(mode, msg("form.none")) == 0)
            mode = NULL;
        rc = pilot_exit(ui_app_db(o->app), ops_user(o), ui_app_today(o->app), o->id, mode,
                        ui_form_value(f, 1), ui_form_value(f, 2), &e);
        if (rc != ERR_OK)
            return ops_refuse(f, strcmp(e.field, "mode") == 0 ? 0 : 1, &e);
        ops_done(o, msg("pilot.done.exit"));
        return -1;
    }
    rc = pilot_extend(ui_app_db(o->app), ops_user(o), &o->rules, ui_app_today(o->app), o->id,
                      atoi(ui_form_value(f, 0)), ui_form_value(f, 1), &e);
    if (rc != ERR_OK)
        return ops_refuse(f, strcmp(e.field, "date") == 0 ? 1 : 0, &e);
    ops_done(o, msg("pilot.done.extend"));
    return -1;
}

void
ui_pilot_ops_exit(struct ui_pilot_ops *o)
{
    struct ops_form *x;
    struct ui_form *f;
    const char **opts;
    char **modes;
    size_t n = 0, i, at;

    f = ops_form_new(o, OPS_EXIT, msg("pilot.form.exit"), &x);
    db_vocab_list(ui_app_db(o->app), "exit_mode", &modes, &n, NULL);
    opts = xcalloc(n + 1, sizeof *opts);
    opts[0] = msg("form.none");
    for (i = 0; i < n; i++)
        opts[i + 1] = modes[i];
    at = ui_form_add(f, msg("pilot.f.mode"), UI_FIELD_CHOICE, 0);
    ui_form_set_choices(f, at, opts, n + 1);
    free(opts);
    db_strings_free(modes, n);
    at = ui_form_add(f, msg("pilot.f.date"), UI_FIELD_DATE, 1);
    ui_form_set(f, at, ui_app_today(o->app));
    ui_form_add(f, msg("pilot.f.note"), UI_FIELD_TEXT, 0);
    ui_form_set_submit(f, ops_exit_submit, x, ops_form_free);
    ui_app_push(o->app, ui_dialog_form(f), NULL, NULL);
}

void
ui_pilot_ops_extend(struct ui_pilot_ops *o)
{
    struct ops_form *x;
    struct ui_form *f;
    char years[16];
    size_t at;

    f = ops_form_new(o, OPS_EXTEND, msg("pilot.form.extend"), &x);
    snprintf(years, sizeof years, "%d", o->rules.ext_years);
    at = ui_form_add(f, msg("pilot.f.years"), UI_FIELD_NUMBER, 1);
    ui_form_set(f, at, years);
    at = ui_form_add(f, msg("pilot.f.date"), UI_FIELD_DATE, 1);
    ui_form_set(f, at, ui_app_today(o->app));
    ui_form_set_submit(f, ops_exit_submit, x, ops_form_free);
    ui_app_push(o->app, ui_dialog_form(f), NULL, NULL);
}

static struct ui_form *
ops_form_new(struct ui_pilot_ops *o, enum ops_kind kind, const char *title, struct ops_form **x)
{
    *x = xcalloc(1, sizeof **x);
    (*x)->o = o;
    (*x)->kind = kind;
    return ui_form_new(title);
}
