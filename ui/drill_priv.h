/*
 * drill_priv.h — what the files of the drill-down (ui/drill*.c) share: the
 * state of an open drill and the list and detail of each kind of record.
 * Not for use outside them.
 */
#ifndef TUWEI_UI_DRILL_PRIV_H
#define TUWEI_UI_DRILL_PRIV_H

#include "src/dashboard.h"
#include "ui/detail.h"
#include "ui/list.h"
#include "ui/panes.h"

struct ui_app;

struct ui_drill {
    struct ui_panes panes;
    struct ui_app *app;
    struct dash_drill spec;
    char as_of[11];
    void *kind; /* the kind's own state */
    void (*kind_free)(void *kind);
    /* Fills dt with the details of row (never NULL). */
    void (*describe)(struct ui_drill *d, const struct ui_row *row, struct ui_detail *dt);
};

/* Each kind sets d->kind, d->kind_free and d->describe and returns its list. */
struct ui_list *ui_drill_tasks_open(struct ui_drill *d);
struct ui_list *ui_drill_reports_open(struct ui_drill *d);
struct ui_list *ui_drill_ents_open(struct ui_drill *d); /* tier, certificates, unregistered */
struct ui_list *ui_drill_pilots_open(struct ui_drill *d);

#endif
