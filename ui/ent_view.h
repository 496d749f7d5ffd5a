/*
 * ent_view.h — what the 梯度培育 section (section_enterprises.c) shares
 * with its helpers: the section's state, the funnel lines, the enterprise
 * page, the ranking, the filter form, and CSV import and export from the
 * screen (ent_view.c, ent_io.c). Not for other sections.
 */
#ifndef TUWEI_UI_ENT_VIEW_H
#define TUWEI_UI_ENT_VIEW_H

#include "db/ent_list.h"
#include "src/ent_funnel.h"
#include "src/ent_import.h"
#include "src/ent_profile.h"
#include "src/ent_rules.h"
#include "ui/detail.h"
#include "ui/panes.h"

struct ui_app;

struct ui_ent {
    struct ui_panes panes; /* first: the ui_panes_section_* entries need it */
    struct ui_app *app;
    struct ent_asof asof;   /* today, with the warnings' windows */
    struct db_ent_filter f; /* the filters in force; search comes from the list */
    char tier_id[40], field_id[40], township[160];
    char field_name[64]; /* the name of the field filtered on */
    struct ent_funnel funnel;
    int funnel_ok;
    struct ent_rules rules;
    int rules_ok;
    struct db_tier *tiers; /* by rank */
    size_t ntiers;
    char candidate[64];        /* the lowest tier's name */
    char sel_id[40];           /* the enterprise a dialog is about */
    struct ent_import *import; /* a preview waiting for the clerk's yes */
};

/* The menu of the selected enterprise, in order; the first ENT_MENU_RANKING
 * items need a selected enterprise. */
enum ent_menu {
    ENT_MENU_EDIT,
    ENT_MENU_FIGURES,
    ENT_MENU_TIER,
    ENT_MENU_SERVICE,
    ENT_MENU_SUBSIDY,
    ENT_MENU_DELETE,
    ENT_MENU_RANKING,
    ENT_MENU_IMPORT,
    ENT_MENU_EXPORT,
    ENT_MENU_COUNT,
};

/* Catalogue keys of the sort orders (enum db_ent_sort). */
extern const char *const ui_ent_sort_keys[DB_ENT_SORT_COUNT];

/* Catalogue keys of the menu items. */
extern const char *const ui_ent_menu_keys[ENT_MENU_COUNT];

/* Draws the two funnel lines and the filter line at the top of area. */
void ui_ent_view_funnel(struct ui_ent *s, const struct ui_rect *area);

/* Fills d with the enterprise page of p (warn: its DB_ENT_WARN_* bits). */
void ui_ent_view_profile(struct ui_detail *d, const struct ent_profile *p, int warn, int width);

/* Opens the ranking of who is closest to the next tier (within the filters). */
void ui_ent_view_ranking(struct ui_ent *s);

/* Opens the form choosing the list's filters and order. */
void ui_ent_filter_form(struct ui_ent *s);

/* Asks for a CSV file, shows what importing it would do, and imports it
 * in one transaction on the clerk's yes. */
void ui_ent_import_start(struct ui_ent *s);

/* Asks for a file name and writes the register there as CSV. */
void ui_ent_export_start(struct ui_ent *s);

/* Copies src into dst (size n) without cutting a character in half. */
void ui_ent_copy(char *dst, size_t n, const char *src);

/* Reloads the funnel, the rules and the list after data changed. */
void ui_ent_reload(struct ui_ent *s);

#endif
