/*
 * reg_view.c — a registry's list, detail, forms and questions.
 */
#include "ui/reg_view.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "src/msg.h"
#include "src/xmalloc.h"
#include "ui/app.h"
#include "ui/keymap.h"
#include "ui/reg_form.h"

#define REGVIEW_PAGE 256
#define REGVIEW_FIND_MAX 5000 /* rows looked through to select a saved record */

/* The filter of v's list as a registry filter. */
static void
regview_filter(const struct ui_reg_view *v, const char *text, struct reg_filter *f)
{
    memset(f, 0, sizeof *f);
    f->search = text;
    f->sort = v->sort;
    f->desc = v->desc;
    f->archived = v->archived ? DB_REG_ARCHIVED : DB_REG_LIVE;
}

static long
regview_count(void *ctx, const char *filter)
{
    struct ui_reg_view *v = ctx;
    struct reg_filter f;
    long n = 0;

    regview_filter(v, filter, &f);
    if (reg_count(ui_app_db(v->app), v->d, &f, &n, NULL) != ERR_OK)
        return 0;
    return n;
}

static void
regview_free_rec(void *rec)
{
    free(rec);
}

static int
regview_fetch(void *ctx, const char *filter, long offset, int n, struct ui_row *rows,
              const struct ui_list_hint *hint)
{
    struct ui_reg_view *v = ctx;
    struct db_reg_rec page[REGVIEW_PAGE];
    struct reg_filter f;
    int got = 0, i, c;

    (void)hint;
    if (n > REGVIEW_PAGE)
        n = REGVIEW_PAGE;
    regview_filter(v, filter, &f);
    if (reg_page(ui_app_db(v->app), v->d, &f, offset, n, page, &got, NULL) != ERR_OK)
        return 0;
    for (i = 0; i < got; i++) {
        memcpy(rows[i].id, page[i].id, sizeof rows[i].id);
        for (c = 0; c < v->ncols; c++)
            rows[i].cell[c] = reg_show(v->d, &page[i], (size_t)v->col_field[c]);
        rows[i].role = page[i].archived_at ? UI_ROLE_LABEL : UI_ROLE_NORMAL;
        db_reg_rec_free(&page[i], v->d->shape.ncols);
    }
    return got;
}

static const struct ui_list_source regview_source = {regview_count, regview_fetch,
                                                     regview_free_rec};

/* Adds the links of record id to det. */
static void
regview_links(struct ui_app *app, const struct reg_def *d, const char *id, struct ui_detail *det)
{
    char **labels, *s, *t;
    size_t li, n, i;

    for (li = 0; li < d->nlinks; li++) {
        if (reg_links(ui_app_db(app), d, li, id, &labels, &n, NULL) != ERR_OK)
            continue;
        s = xstrdup("");
        for (i = 0; i < n; i++) {
            t = xasprintf("%s%s%s", s, i ? "、" : "", labels[i]);
            free(s);
            s = t;
        }
        ui_detail_field(det, ui_reg_link_label(d, li), s);
        free(s);
        db_strings_free(labels, n);
    }
}

/* Adds the fields of r (all but the naming one and, with skip_readonly,
 * those the program sets), its links and its stamps. */
static void
regview_fields(struct ui_app *app, const struct reg_def *d, const struct db_reg_rec *r,
               int skip_readonly, struct ui_detail *det)
{
    char *v;
    size_t i;

    for (i = 0; i < d->shape.ncols; i++) {
        if (i == d->label || (skip_readonly && d->fields[i].readonly))
            continue;
        v = reg_show(d, r, i);
        ui_detail_field(det, ui_reg_label(d, i), v);
        free(v);
    }
    regview_links(app, d, r->id, det);
    ui_detail_blank(det);
    v = msg_format("reg.detail.stamps", r->created_by ? r->created_by : "",
                   r->created_at ? r->created_at : "", r->updated_by ? r->updated_by : "",
                   r->updated_at ? r->updated_at : "", NULL);
    ui_detail_add(det, UI_ROLE_LABEL, v);
    free(v);
}

void
ui_reg_view_describe_record(struct ui_app *app, const struct reg_def *d, const char *id, int part,
                            struct ui_detail *det)
{
    struct db_reg_rec r;
    struct err e = {0};
    char *v;

    if (reg_get(ui_app_db(app), d, id, &r, &e) != ERR_OK) {
        ui_detail_add(det, UI_ROLE_WARNING, e.msg);
        return;
    }
    if (part != UI_REG_DESCRIBE_FIELDS) {
        ui_detail_add(det, UI_ROLE_HEADER, r.vals[d->label] ? r.vals[d->label] : "");
        if (r.archived_at) {
            v = msg_format("reg.detail.archived", r.archived_at, NULL);
            ui_detail_add(det, UI_ROLE_WARNING, v);
            free(v);
        }
    }
    if (part != UI_REG_DESCRIBE_HEADER)
        regview_fields(app, d, &r, part == UI_REG_DESCRIBE_FIELDS, det);
    db_reg_rec_free(&r, d->shape.ncols);
}

static void
regview_describe(void *ctx, struct ui_app *app, const struct ui_row *row, struct ui_detail *det,
                 int width)
{
    struct ui_reg_view *v = ctx;

    (void)width;
    if (row == NULL) {
        ui_detail_add(det, UI_ROLE_LABEL, msg(v->archived ? "reg.none_archived" : "reg.none"));
        return;
    }
    ui_reg_view_describe_record(app, v->d, row->id, UI_REG_DESCRIBE_ALL, det);
}

/* The headings: the registry's listed fields, the naming one widest. */
static void
regview_columns(struct ui_reg_view *v)
{
    const struct reg_def *d = v->d;
    size_t i;
    int w;

    for (i = 0; i < d->shape.ncols && v->ncols < UI_ROW_CELLS; i++) {
        if ((w = d->fields[i].list_width) == 0)
            continue;
        v->col_keys[v->ncols] = xasprintf("reg.%s.%s", d->name, d->fields[i].key);
        v->cols[v->ncols].title = v->col_keys[v->ncols];
        v->cols[v->ncols].min = i == d->label ? 12 : w <= 8 ? w : w * 2 / 3;
        v->cols[v->ncols].weight = i == d->label ? 3 : 1;
        v->cols[v->ncols].align = d->fields[i].type == REG_MONEY ? TEXTW_RIGHT : TEXTW_LEFT;
        v->col_field[v->ncols++] = (int)i;
    }
}

struct ui_reg_view *
ui_reg_view_new(struct ui_app *app, const struct reg_def *d)
{
    struct ui_reg_view *v = xcalloc(1, sizeof *v);
    struct ui_list *l;

    v->app = app;
    v->d = d;
    v->sort = -1;
    regview_columns(v);
    l = ui_list_new(&regview_source, v, v->cols, v->ncols);
    l->empty = MSG_KEY("reg.none");
    v->title_key = xasprintf("reg.title.%s", d->name);
    ui_panes_init(&v->panes, l, 55, v->title_key, MSG_KEY("pane.detail"), regview_describe, v);
    return v;
}

void
ui_reg_view_free(struct ui_reg_view *v)
{
    int i;

    if (v == NULL)
        return;
    ui_panes_free(&v->panes);
    for (i = 0; i < UI_ROW_CELLS; i++)
        free(v->col_keys[i]);
    free(v->title_key);
    free(v);
}

/* Selects the row of record id, looking through the list page by page. */
static void
regview_select(struct ui_reg_view *v, const char *id)
{
    struct ui_list *l = v->panes.list;
    struct db_reg_rec page[REGVIEW_PAGE];
    struct reg_filter f;
    long off = 0;
    int got, i, at = -1;

    regview_filter(v, l->filter, &f);
    while (at < 0 && off < REGVIEW_FIND_MAX &&
           reg_page(ui_app_db(v->app), v->d, &f, off, REGVIEW_PAGE, page, &got, NULL) == ERR_OK &&
           got > 0) {
        for (i = 0; i < got; i++) {
            if (at < 0 && strcmp(page[i].id, id) == 0)
                at = (int)off + i;
            db_reg_rec_free(&page[i], v->d->shape.ncols);
        }
        off += got;
    }
    if (at >= 0)
        ui_list_select(l, at);
}

void
ui_reg_view_reload(struct ui_reg_view *v)
{
    ui_panes_refresh(&v->panes);
    if (v->select_id[0]) {
        regview_select(v, v->select_id);
        v->select_id[0] = '\0';
    }
}

/* After a form saved record id: show it, say so. */
static void
regview_saved(struct ui_app *app, void *arg, const char *id)
{
    struct ui_reg_view *v = arg;
    char *m;

    v->archived = 0;
    snprintf(v->select_id, sizeof v->select_id, "%s", id);
    ui_reg_view_reload(v);
    m = msg_format("reg.saved", ui_reg_title(v->d), NULL);
    ui_app_status(app, UI_ROLE_OK, m);
    free(m);
}

static void
regview_open_form(struct ui_reg_view *v, const char *id)
{
    struct ui_dialog *dlg = ui_reg_form(v->app, v->d, id, regview_saved, v);

    if (dlg)
        ui_app_push(v->app, dlg, NULL, NULL);
}

/* The selected record's key and name into id and name; 0 when none. */
static int
regview_selected(struct ui_reg_view *v, char id[40], char **name)
{
    const struct ui_row *row = ui_list_selected(v->panes.list);
    struct db_reg_rec r;

    if (row == NULL) {
        ui_app_status(v->app, UI_ROLE_WARNING, msg("reg.nothing_selected"));
        return 0;
    }
    snprintf(id, 40, "%s", row->id);
    *name = NULL;
    if (reg_get(ui_app_db(v->app), v->d, id, &r, NULL) == ERR_OK) {
        *name = xstrdup(r.vals[v->d->label] ? r.vals[v->d->label] : "");
        db_reg_rec_free(&r, v->d->shape.ncols);
    }
    if (*name == NULL)
        *name = xstrdup("");
    return 1;
}

/* The answer to "delete / restore this record?". */
static void
regview_archive_answer(struct ui_app *app, struct ui_dialog *d, void *arg, int yes)
{
    struct ui_reg_view *v = arg;
    const struct ui_row *row = ui_list_selected(v->panes.list);
    struct err e = {0};
    char *m;

    (void)d;
    if (!yes || row == NULL)
        return;
    if (reg_archive(ui_app_db(app), config_get(ui_app_config(app), "user:name"), v->d, row->id,
                    !v->archived, &e) != ERR_OK) {
        ui_app_status(app, UI_ROLE_WARNING, e.msg);
        return;
    }
    m = msg_format(v->archived ? "reg.restored" : "reg.archived", ui_reg_title(v->d), NULL);
    ui_reg_view_reload(v);
    ui_app_status(app, UI_ROLE_OK, m);
    free(m);
}

static void
regview_ask_archive(struct ui_reg_view *v)
{
    char id[40], *name, *q;

    if (!regview_selected(v, id, &name))
        return;
    q = msg_format(v->archived ? "reg.confirm.restore" : "reg.confirm.delete", ui_reg_title(v->d),
                   name, NULL);
    ui_app_push(v->app,
                ui_dialog_confirm(msg(v->archived ? "reg.menu.restore" : "reg.menu.delete"), q),
                regview_archive_answer, v);
    free(q);
    free(name);
}

/* Shows the live or the deleted records. */
static void
regview_toggle_archived(struct ui_reg_view *v)
{
    v->archived = !v->archived;
    ui_list_select(v->panes.list, 0);
    ui_reg_view_reload(v);
    ui_app_status(v->app, UI_ROLE_NORMAL,
                  msg(v->archived ? "reg.showing_archived" : "reg.showing_live"));
}

enum regview_op { REGVIEW_ADD, REGVIEW_EDIT, REGVIEW_ARCHIVE, REGVIEW_SORT, REGVIEW_TOGGLE };

/* The answer to "sort by which field?": the registry's order, or a
 * listed field (the same one again turns the order round). */
static void
regview_sort_answer(struct ui_app *app, struct ui_dialog *d, void *arg, int chosen)
{
    struct ui_reg_view *v = arg;
    int field = chosen > 0 ? v->col_field[chosen - 1] : -1;
    char *m;

    (void)d;
    if (chosen < 0)
        return;
    v->desc = field >= 0 && field == v->sort ? !v->desc : 0;
    v->sort = field;
    ui_list_select(v->panes.list, 0);
    ui_reg_view_reload(v);
    m = field < 0 ? xstrdup(msg("reg.sort.entry"))
                  : msg_format(v->desc ? "reg.sort.desc" : "reg.sort.asc",
                               ui_reg_label(v->d, (size_t)field), NULL);
    ui_app_status(app, UI_ROLE_NORMAL, m);
    free(m);
}

static void
regview_sort_pick(struct ui_reg_view *v)
{
    const char *items[UI_ROW_CELLS + 1];
    struct ui_dialog *d;
    int i;

    items[0] = msg("reg.sort.entry_item");
    for (i = 0; i < v->ncols; i++)
        items[i + 1] = ui_reg_label(v->d, (size_t)v->col_field[i]);
    d = ui_dialog_pick(msg("reg.sort.title"), items, (size_t)v->ncols + 1);
    for (i = 0; i < v->ncols; i++) {
        if (v->col_field[i] == v->sort)
            d->sel = i + 1;
    }
    ui_app_push(v->app, d, regview_sort_answer, v);
}

static void
regview_run(struct ui_reg_view *v, int op)
{
    const struct ui_row *row = ui_list_selected(v->panes.list);

    if (op == REGVIEW_ADD)
        regview_open_form(v, NULL);
    else if (op == REGVIEW_EDIT && row == NULL)
        ui_app_status(v->app, UI_ROLE_WARNING, msg("reg.nothing_selected"));
    else if (op == REGVIEW_EDIT)
        regview_open_form(v, row->id);
    else if (op == REGVIEW_ARCHIVE)
        regview_ask_archive(v);
    else if (op == REGVIEW_SORT)
        regview_sort_pick(v);
    else
        regview_toggle_archived(v);
}

static void
regview_menu_answer(struct ui_app *app, struct ui_dialog *d, void *arg, int chosen)
{
    (void)app;
    (void)d;
    if (chosen >= 0)
        regview_run(arg, chosen);
}

static void
regview_menu(struct ui_reg_view *v)
{
    const char *items[5];
    char *title = msg_format("reg.menu.title", ui_reg_title(v->d), NULL);

    items[REGVIEW_ADD] = msg("reg.menu.add");
    items[REGVIEW_EDIT] = msg("reg.menu.edit");
    items[REGVIEW_ARCHIVE] = msg(v->archived ? "reg.menu.restore" : "reg.menu.delete");
    items[REGVIEW_SORT] = msg("reg.menu.sort");
    items[REGVIEW_TOGGLE] = msg(v->archived ? "reg.menu.show_live" : "reg.menu.show_archived");
    ui_app_push(v->app, ui_dialog_pick(title, items, 5), regview_menu_answer, v);
    free(title);
}

int
ui_reg_view_action(struct ui_reg_view *v, int action)
{
    switch (action) {
    case UI_ACT_ADD:
        regview_run(v, REGVIEW_ADD);
        return 1;
    case UI_ACT_EDIT:
        regview_run(v, REGVIEW_EDIT);
        return 1;
    case UI_ACT_DELETE:
        regview_run(v, REGVIEW_ARCHIVE);
        return 1;
    case UI_ACT_MENU:
        regview_menu(v);
        return 1;
    default:
        return ui_panes_action(&v->panes, v->app, action);
    }
}
