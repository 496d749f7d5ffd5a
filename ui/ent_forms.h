/*
 * ent_forms.h — the forms of the 梯度培育 section: an enterprise, a year's
 * figures, a tier change (promotion with its evidence, or a drop), a
 * service-log entry and a subsidy. Each form saves through src/ (which
 * checks everything) when submitted; a refusal stays in the form, under
 * the field at fault, with all that was typed kept.
 */
#ifndef TUWEI_UI_ENT_FORMS_H
#define TUWEI_UI_ENT_FORMS_H

#include "ui/app.h"
#include "ui/dialog.h"

/* Called after a form saved; id is the enterprise's key. */
typedef void (*ui_ent_saved_fn)(struct ui_app *app, void *arg, const char *id);

/* The enterprise form: id NULL for a new enterprise. NULL (and a status
 * message) when the enterprise cannot be read. */
struct ui_dialog *ui_ent_form_enterprise(struct ui_app *app, const char *id, ui_ent_saved_fn saved,
                                         void *arg);

/* The figures of one year of enterprise id, prefilled from what is stored. */
struct ui_dialog *ui_ent_form_figures(struct ui_app *app, const char *id, int year,
                                      ui_ent_saved_fn saved, void *arg);

/* A promotion into a tier, or a drop out of one, with its evidence. */
struct ui_dialog *ui_ent_form_tier(struct ui_app *app, const char *id, ui_ent_saved_fn saved,
                                   void *arg);

/* A "店小二" service-log entry. */
struct ui_dialog *ui_ent_form_service(struct ui_app *app, const char *id, ui_ent_saved_fn saved,
                                      void *arg);

/* A subsidy paid. */
struct ui_dialog *ui_ent_form_subsidy(struct ui_app *app, const char *id, ui_ent_saved_fn saved,
                                      void *arg);

#endif
