/*
 * pilot_ops.h — what a clerk does to a pilot project on screen: move it
 * to the next stage (stopped, with the missing items named and an offer to
 * record them, while its stage's items are incomplete), record the items,
 * return it to the stage before, end its stay (dismantled or sealed), and
 * extend its pilot run. Each opens a question or a form; the rules are
 * src/pilot.h's.
 */
#ifndef TUWEI_UI_PILOT_OPS_H
#define TUWEI_UI_PILOT_OPS_H

#include "src/pilot.h"

struct ui_app;

/* The project being worked on; kept by the section (it outlives the
 * dialogs it opens). */
struct ui_pilot_ops {
    struct ui_app *app;
    struct pilot_rules rules;
    char id[40];
    /* Called after a change was saved, to reload what is shown. */
    void (*changed)(struct ui_app *app, void *arg);
    void *arg;
};

/* Starts moving o->id to the next stage. */
void ui_pilot_ops_advance(struct ui_pilot_ops *o);

/* Opens the form for the items of o->id's stage. */
void ui_pilot_ops_items(struct ui_pilot_ops *o);

/* Asks, then returns o->id to the stage it came from. */
void ui_pilot_ops_back(struct ui_pilot_ops *o);

/* Opens the form to end o->id's stay at the base. */
void ui_pilot_ops_exit(struct ui_pilot_ops *o);

/* Opens the form to extend o->id's pilot run. */
void ui_pilot_ops_extend(struct ui_pilot_ops *o);

#endif
