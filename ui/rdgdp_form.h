/*
 * rdgdp_form.h — entering the banner's R&D spending and GDP of a year,
 * the figures behind the R&D-intensity target, from the overview.
 */
#ifndef TUWEI_UI_RDGDP_FORM_H
#define TUWEI_UI_RDGDP_FORM_H

#include "ui/app.h"
#include "ui/dialog.h"

/* Called after the figures were saved (to recompute what shows them). */
typedef void (*ui_rdgdp_saved_fn)(void *arg, struct ui_app *app, int year);

/* The form for year, filled with what was entered for it before. */
struct ui_dialog *ui_rdgdp_form(struct ui_app *app, int year, ui_rdgdp_saved_fn saved, void *arg);

#endif
