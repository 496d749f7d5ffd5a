/*
 * dialog.c — message, confirm, pick, text and form dialogs; progress bar.
 */
#include "ui/dialog.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "src/keys.h"
#include "src/msg.h"
#include "src/strbuf.h"
#include "src/xmalloc.h"
#include "ui/keymap.h"

/* A dialog of kind with title and body text. */
static struct ui_dialog *
dialog_new(enum ui_dialog_kind kind, const char *title, const char *text)
{
    struct ui_dialog *d = xcalloc(1, sizeof *d);

    d->kind = kind;
    d->title = xstrdup(title ? title : "");
    ui_detail_init(&d->body);
    if (text)
        ui_detail_add(&d->body, UI_ROLE_DIALOG, text);
    return d;
}

struct ui_dialog *
ui_dialog_message(const char *title, const char *text)
{
    return dialog_new(UI_DIALOG_MESSAGE, title, text);
}

struct ui_dialog *
ui_dialog_confirm(const char *title, const char *question)
{
    struct ui_dialog *d = dialog_new(UI_DIALOG_CONFIRM, title, question);

    d->yes = 0; /* the safe answer is highlighted */
    return d;
}

struct ui_dialog *
ui_dialog_pick(const char *title, const char *const *items, size_t n)
{
    struct ui_dialog *d = dialog_new(UI_DIALOG_PICK, title, NULL);
    size_t i;

    d->items = xcalloc(n ? n : 1, sizeof *d->items);
    for (i = 0; i < n; i++)
        d->items[i] = xstrdup(items[i]);
    d->nitems = n;
    return d;
}

struct ui_dialog *
ui_dialog_text(const char *title, const char *text)
{
    return dialog_new(UI_DIALOG_TEXT, title, text);
}

struct ui_dialog *
ui_dialog_form(struct ui_form *form)
{
    struct ui_dialog *d = dialog_new(UI_DIALOG_FORM, form->title, NULL);

    d->form = form;
    return d;
}

void
ui_dialog_free(struct ui_dialog *d)
{
    size_t i;

    if (d == NULL)
        return;
    for (i = 0; i < d->nitems; i++)
        free(d->items[i]);
    free(d->items);
    ui_detail_free(&d->body);
    ui_form_free(d->form);
    free(d->title);
    free(d);
}

/* Closes with result r. */
static int
dialog_close(struct ui_dialog *d, int r)
{
    d->result = r;
    return 1;
}

/* Keys of a pick dialog. */
static int
dialog_pick_key(struct ui_dialog *d, int key, int action)
{
    long n = (long)d->nitems, page = d->rect.h > 4 ? d->rect.h - 3 : 1;

    if (key == KEYS_ESC)
        return dialog_close(d, -1);
    if (key == KEYS_ENTER)
        return dialog_close(d, n ? (int)d->sel : -1);
    if (action == UI_ACT_UP)
        d->sel--;
    else if (action == UI_ACT_DOWN)
        d->sel++;
    else if (action == UI_ACT_PGUP)
        d->sel -= page;
    else if (action == UI_ACT_PGDN)
        d->sel += page;
    else if (action == UI_ACT_HOME)
        d->sel = 0;
    else if (action == UI_ACT_END)
        d->sel = n - 1;
    if (d->sel >= n)
        d->sel = n - 1;
    if (d->sel < 0)
        d->sel = 0;
    return 0;
}

/* Keys of a form dialog: Esc with unsaved input asks before closing. */
static int
dialog_form_key(struct ui_dialog *d, int key)
{
    enum ui_form_result r;

    if (d->asking_discard) {
        if (key == 'y' || key == 'Y')
            return dialog_close(d, 0);
        if (key == 'n' || key == 'N' || key == KEYS_ESC || key == KEYS_ENTER)
            d->asking_discard = 0;
        return 0;
    }
    r = ui_form_key(d->form, key);
    if (r == UI_FORM_SUBMIT)
        return dialog_close(d, 1);
    if (r == UI_FORM_CANCEL) {
        if (!d->form->dirty)
            return dialog_close(d, 0);
        d->asking_discard = 1;
    }
    return 0;
}

int
ui_dialog_key(struct ui_dialog *d, int key, int action)
{
    switch (d->kind) {
    case UI_DIALOG_MESSAGE:
        return key == KEYS_ENTER || key == KEYS_ESC || key == ' ' ? dialog_close(d, 1) : 0;
    case UI_DIALOG_CONFIRM:
        if (key == 'y' || key == 'Y')
            return dialog_close(d, 1);
        if (key == 'n' || key == 'N' || key == KEYS_ESC)
            return dialog_close(d, 0);
        if (key == KEYS_ENTER)
            return dialog_close(d, d->yes);
        if (key == KEYS_LEFT || key == KEYS_RIGHT || key == KEYS_TAB || key == KEYS_BTAB)
            d->yes = !d->yes;
        return 0;
    case UI_DIALOG_PICK:
        return dialog_pick_key(d, key, action);
    case UI_DIALOG_TEXT:
        if (key == KEYS_ESC || key == KEYS_ENTER || action == UI_ACT_QUIT || action == UI_ACT_HELP)
            return dialog_close(d, 1);
        ui_detail_action(&d->body, action, &d->rect);
        return 0;
    case UI_DIALOG_FORM:
        return dialog_form_key(d, key);
    }
    return 0;
}

/* The widest line d wants to show. */
static int
dialog_want_cols(const struct ui_dialog *d)
{
    int w = textw_width(d->title) + 6, iw;
    size_t i;

    for (i = 0; i < d->nitems; i++) {
        if ((iw = textw_width(d->items[i]) + 6) > w)
            w = iw;
    }
    if (d->kind == UI_DIALOG_TEXT || d->kind == UI_DIALOG_FORM)
        return 1000;
    return w > 50 ? w : 50;
}

/* The rect of a dialog on a screen of cols x rows. */
static void
dialog_place(struct ui_dialog *d, int cols, int rows)
{
    int w = dialog_want_cols(d), h;

    if (w > cols - 4)
        w = cols - 4;
    if (d->kind == UI_DIALOG_TEXT || d->kind == UI_DIALOG_FORM)
        h = rows - 4;
    else if (d->kind == UI_DIALOG_PICK)
        h = (int)d->nitems + 4;
    else
        h = ui_detail_lines(&d->body, w - 4) + 5;
    if (h > rows - 2)
        h = rows - 2;
    d->rect = (struct ui_rect){(rows - h) / 2, (cols - w) / 2, h, w};
}

/* Draws the rows of a pick dialog inside r. */
static void
dialog_draw_pick(struct ui_dialog *d, const struct ui_rect *r)
{
    long i;

    if (d->sel < d->top)
        d->top = d->sel;
    if (d->sel >= d->top + r->h)
        d->top = d->sel - r->h + 1;
    for (i = 0; i < r->h && d->top + i < (long)d->nitems; i++)
        ui_screen_put(r->y + (int)i, r->x, r->w, d->items[d->top + i],
                      d->top + i == d->sel ? UI_ROLE_SELECTION : UI_ROLE_DIALOG, TEXTW_LEFT);
}

/* The bottom line: buttons or a hint. */
static void
dialog_draw_foot(struct ui_dialog *d, int y, int x, int w)
{
    const char *hint = NULL;
    char *t;

    if (d->kind == UI_DIALOG_CONFIRM) {
        t = xasprintf(d->yes ? "[%s]  %s " : " %s  [%s]", msg("dialog.yes"), msg("dialog.no"));
        ui_screen_put(y, x, w, t, UI_ROLE_DIALOG, TEXTW_CENTER);
        free(t);
        return;
    }
    if (d->kind == UI_DIALOG_FORM)
        hint = d->asking_discard ? "dialog.discard" : "dialog.form_hint";
    else if (d->kind == UI_DIALOG_PICK)
        hint = "dialog.pick_hint";
    else if (d->kind == UI_DIALOG_TEXT)
        hint = "dialog.text_hint";
    else
        hint = "dialog.ok";
    ui_screen_put(y, x, w, msg(hint), d->asking_discard ? UI_ROLE_WARNING : UI_ROLE_DIALOG,
                  TEXTW_CENTER);
}

void
ui_dialog_draw(struct ui_dialog *d, int cols, int rows)
{
    struct ui_rect inner;
    char *title;

    dialog_place(d, cols, rows);
    if (d->rect.w < 8 || d->rect.h < 4)
        return;
    ui_screen_fill(&d->rect, UI_ROLE_DIALOG);
    ui_screen_frame(&d->rect, UI_ROLE_DIALOG);
    title = xasprintf(" %s ", d->title);
    ui_screen_put(d->rect.y, d->rect.x + 2,
                  textw_width(title) < d->rect.w - 4 ? textw_width(title) : d->rect.w - 4, title,
                  UI_ROLE_DIALOG, TEXTW_LEFT);
    free(title);
    inner = (struct ui_rect){d->rect.y + 1, d->rect.x + 2, d->rect.h - 3, d->rect.w - 4};
    ui_screen_cursor(-1, -1);
    if (d->kind == UI_DIALOG_PICK)
        dialog_draw_pick(d, &inner);
    else if (d->kind == UI_DIALOG_FORM)
        ui_form_draw(d->form, &inner);
    else
        ui_detail_draw(&d->body, &inner);
    dialog_draw_foot(d, d->rect.y + d->rect.h - 2, inner.x, inner.w);
}

char *
ui_progress_bar(long done, long total, int w)
{
    struct strbuf b = STRBUF_INIT;
    int bar = w - 7, fill, i, pct;
    char *t;

    if (total <= 0)
        total = 1;
    if (done < 0)
        done = 0;
    if (done > total)
        done = total;
    pct = (int)(done * 100 / total);
    if (bar < 1) { /* no room for a bar: the percentage, cut to fit */
        strbuf_printf(&b, "%d%%", pct);
        t = textw_fit(strbuf_str(&b), w, TEXTW_RIGHT);
        strbuf_free(&b);
        return t;
    }
    fill = (int)(done * bar / total);
    strbuf_putc(&b, '[');
    for (i = 0; i < bar; i++)
        strbuf_putc(&b, i < fill ? '#' : '.');
    strbuf_printf(&b, "] %3d%%", pct);
    return strbuf_take(&b);
}

void
ui_progress_draw(const char *title, long done, long total)
{
    int cols = ui_screen_cols(), rows = ui_screen_rows(), w = cols - 8 < 60 ? cols - 8 : 60;
    struct ui_rect r = {rows / 2 - 2, (cols - w) / 2, 4, w};
    char *bar;

    if (w < 12 || rows < 5)
        return;
    ui_screen_fill(&r, UI_ROLE_DIALOG);
    ui_screen_frame(&r, UI_ROLE_DIALOG);
    ui_screen_put(r.y + 1, r.x + 2, w - 4, title, UI_ROLE_DIALOG, TEXTW_LEFT);
    bar = ui_progress_bar(done, total, w - 4);
    ui_screen_put(r.y + 2, r.x + 2, w - 4, bar, UI_ROLE_DIALOG, TEXTW_LEFT);
    free(bar);
    ui_screen_flush();
}
