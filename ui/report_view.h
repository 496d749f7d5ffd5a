/*
 * report_view.h — a built report on screen: its heading, its rows in a
 * virtual list (the first columns), and every column of the selected row
 * in the detail pane. Search filters the rows by any cell.
 */
#ifndef TUWEI_UI_REPORT_VIEW_H
#define TUWEI_UI_REPORT_VIEW_H

#include "src/keys.h"
#include "src/report.h"
#include "ui/screen.h"

struct ui_app;
struct ui_report_view;

/* A view of r (taken over: freed with the view). */
struct ui_report_view *ui_report_view_new(struct report *r);

/* Frees v and its report; NULL is a no-op. */
void ui_report_view_free(struct ui_report_view *v);

/* The report shown (borrowed). */
const struct report *ui_report_view_report(const struct ui_report_view *v);

void ui_report_view_draw(struct ui_report_view *v, struct ui_app *app, const struct ui_rect *area);

/* A keymap action; 1 when used (Esc that the panes do not use is not). */
int ui_report_view_action(struct ui_report_view *v, struct ui_app *app, int action);

void ui_report_view_search(struct ui_report_view *v, struct ui_app *app, const char *text);
const char *ui_report_view_filter(struct ui_report_view *v);
int ui_report_view_mouse(struct ui_report_view *v, const struct keys_event *ev);
char *ui_report_view_position(struct ui_report_view *v);

#endif
