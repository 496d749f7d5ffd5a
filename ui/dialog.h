/*
 * dialog.h — boxes over the screen that take the keys until closed: a
 * message, a yes/no question, a pick from a list, a page of text (help),
 * and a form. The app keeps a stack of them and calls a dialog's done
 * function with its result when it closes. Also the progress bar that
 * long work draws between steps.
 */
#ifndef TUWEI_UI_DIALOG_H
#define TUWEI_UI_DIALOG_H

#include <stddef.h>

#include "ui/detail.h"
#include "ui/form.h"
#include "ui/screen.h"

enum ui_dialog_kind {
    UI_DIALOG_MESSAGE,
    UI_DIALOG_CONFIRM,
    UI_DIALOG_PICK,
    UI_DIALOG_TEXT,
    UI_DIALOG_FORM,
};

struct ui_dialog;
struct ui_app;

/* Called when a dialog closes; result: message 1; confirm 1 yes, 0 no;
 * pick the index chosen or -1; text 1; form 1 submitted, 0 cancelled. */
typedef void (*ui_dialog_done_fn)(struct ui_app *app, struct ui_dialog *d, void *arg, int result);

struct ui_dialog {
    enum ui_dialog_kind kind;
    char *title;
    struct ui_detail body; /* message, question or text */
    char **items;          /* pick */
    size_t nitems;
    long sel, top;
    int yes;              /* confirm: 1 when "是" is highlighted */
    struct ui_form *form; /* form (owned) */
    int asking_discard;   /* form: Esc with unsaved input asks first */
    int result;
    ui_dialog_done_fn done;
    void *arg;
    struct ui_rect rect; /* where it was last drawn */
};

/* New dialogs; texts are copied. */
struct ui_dialog *ui_dialog_message(const char *title, const char *text);
struct ui_dialog *ui_dialog_confirm(const char *title, const char *question);
struct ui_dialog *ui_dialog_pick(const char *title, const char *const *items, size_t n);
struct ui_dialog *ui_dialog_text(const char *title, const char *text);
/* Takes ownership of form. */
struct ui_dialog *ui_dialog_form(struct ui_form *form);

/* Frees d (and its form); NULL is a no-op. */
void ui_dialog_free(struct ui_dialog *d);

/* Applies key (and the keymap's action for it); returns 1 when the
 * dialog closed, its result in d->result. */
int ui_dialog_key(struct ui_dialog *d, int key, int action);

/* Draws d centred on a screen of cols x rows. */
void ui_dialog_draw(struct ui_dialog *d, int cols, int rows);

/* "[#####.....]  50%" exactly w columns wide. The caller frees it. */
char *ui_progress_bar(long done, long total, int w);

/* Draws a progress box (title and bar) in the middle of the screen and
 * shows it at once; for work that takes a while. */
void ui_progress_draw(const char *title, long done, long total);

#endif
