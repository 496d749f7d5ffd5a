/*
 * reg_form.h — the form for a record of any registry (src/reg.h): one
 * field per registry field (a list to choose from where the choices are
 * few), each checked as the clerk leaves it; submitting saves through
 * reg_save, and a refusal keeps the form open with everything typed and
 * the message under the field at fault.
 */
#ifndef TUWEI_UI_REG_FORM_H
#define TUWEI_UI_REG_FORM_H

#include "src/reg.h"
#include "ui/dialog.h"

struct ui_app;

/* Told the key of the record a form saved. */
typedef void (*ui_reg_form_saved_fn)(struct ui_app *app, void *arg, const char *id);

/* A form dialog for a new record of d (id NULL) or for changing record
 * id; saved (may be NULL) is called with arg after each successful save.
 * NULL when the record cannot be read (the message goes to the status line). */
struct ui_dialog *ui_reg_form(struct ui_app *app, const struct reg_def *d, const char *id,
                              ui_reg_form_saved_fn saved, void *arg);

/* The label of field i of d in the interface language (borrowed). */
const char *ui_reg_label(const struct reg_def *d, size_t i);

/* The label of link li of d in the interface language (borrowed). */
const char *ui_reg_link_label(const struct reg_def *d, size_t li);

/* The name of registry d in the interface language (borrowed). */
const char *ui_reg_title(const struct reg_def *d);

#endif
