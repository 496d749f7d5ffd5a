/*
 * form.h — labelled fields a clerk fills in: text, multi-line text,
 * number, date, a choice from a list, yes/no.
 *
 * A date field takes what src/date.h reads (2025-03-05, 2025-3-5,
 * 2025/03/05, 20250305 …); the value stays as typed, for the caller to parse.
 *
 * Typing goes to the field with focus (through ui/edit.h, so the cursor is
 * in display columns and Backspace removes a whole character). Each field
 * is checked when the clerk leaves it and all are checked on submit: a
 * built-in check for its kind, then the field's own callback, whose
 * message (Chinese, saying what to fix) is shown under the field. A failed
 * check never changes what was typed.
 *
 * Keys: Tab / Down / Enter next field, S-Tab / Up previous, F2 or C-s
 * submit (Enter on the last field too), Esc cancel; Left/Right/Space
 * change a choice or yes/no (y and n set yes/no).
 */
#ifndef TUWEI_UI_FORM_H
#define TUWEI_UI_FORM_H

#include <stddef.h>

#include "ui/edit.h"
#include "ui/screen.h"

enum ui_field_type {
    UI_FIELD_TEXT,
    UI_FIELD_MULTILINE,
    UI_FIELD_NUMBER,
    UI_FIELD_DATE,
    UI_FIELD_CHOICE,
    UI_FIELD_BOOL,
};

/* A field's own check: 0 when value is fine, else writes a message for
 * the clerk into msg (size bytes) and returns non-zero. */
typedef int (*ui_field_check_fn)(const char *value, void *arg, char *msg, size_t size);

struct ui_field {
    char *label;
    enum ui_field_type type;
    int required;
    struct ui_edit ed; /* text, multi-line, number, date */
    char **choices;    /* choice: the options (owned) */
    size_t nchoices;
    size_t choice; /* choice: the one chosen */
    int yes;       /* yes/no */
    ui_field_check_fn check;
    void *check_arg;
    char error[256]; /* the last check's message, "" when fine */
};

enum ui_form_result {
    UI_FORM_OPEN,   /* still being filled in */
    UI_FORM_SUBMIT, /* submitted and every field passed */
    UI_FORM_CANCEL, /* the clerk pressed Esc */
};

struct ui_form;

/* Runs on submit once every field has passed its own check (to save,
 * say): returns -1 when the form may close, else the index of the field
 * at fault, whose error it has filled; the form then stays open with all
 * that was typed. */
typedef long (*ui_form_submit_fn)(struct ui_form *f, void *arg);

struct ui_form {
    char *title;
    struct ui_field *fields;
    size_t n, cap;
    size_t focus;
    int dirty;  /* something was typed or changed */
    int scroll; /* first form row shown */
    ui_form_submit_fn submit;
    void *submit_arg;
    void (*free_arg)(void *arg); /* frees submit_arg with the form, when set */
};

/* A new empty form with a title (copied). */
struct ui_form *ui_form_new(const char *title);

/* Frees f; NULL is a no-op. */
void ui_form_free(struct ui_form *f);

/* Adds a field; returns its index. label is copied. */
size_t ui_form_add(struct ui_form *f, const char *label, enum ui_field_type type, int required);

/* Sets the initial value (text, number, date: the text; choice: the
 * option's text; yes/no: "1"/"0"). Does not mark the form dirty. */
void ui_form_set(struct ui_form *f, size_t i, const char *value);

/* Sets the options of a choice field (copied), the first chosen. */
void ui_form_set_choices(struct ui_form *f, size_t i, const char *const *choices, size_t n);

/* Sets what submitting does beyond the checks; the form owns arg when
 * free_arg is given. */
void ui_form_set_submit(struct ui_form *f, ui_form_submit_fn fn, void *arg,
                        void (*free_arg)(void *arg));

/* Sets the field's own check. */
void ui_form_set_check(struct ui_form *f, size_t i, ui_field_check_fn fn, void *arg);

/* The field's value: its text, the chosen option, or "1"/"0" (borrowed
 * until the form changes). */
const char *ui_form_value(const struct ui_form *f, size_t i);

/* Checks field i, filling its error; 0 when it passes. */
int ui_form_check(struct ui_form *f, size_t i);

/* Checks every field and moves the focus to the first that fails;
 * returns its index, or -1 when all pass. */
long ui_form_validate(struct ui_form *f);

/* Applies a key; returns what became of the form. */
enum ui_form_result ui_form_key(struct ui_form *f, int key);

/* Draws the form's fields inside r and places the cursor. */
void ui_form_draw(struct ui_form *f, const struct ui_rect *r);

#endif
