/*
 * keymap.h — which key does what. Every key the program reacts to outside
 * a text field is looked up here, so the config's [keys] section can remap
 * any action ("help = F1,?") and help and the function-key bar are
 * generated from the live map, never written by hand.
 */
#ifndef TUWEI_UI_KEYMAP_H
#define TUWEI_UI_KEYMAP_H

#include <stddef.h>

#include "src/config.h"

enum ui_action {
    UI_ACT_NONE,
    UI_ACT_QUIT,
    UI_ACT_HELP,
    UI_ACT_SEARCH,
    UI_ACT_UP,
    UI_ACT_DOWN,
    UI_ACT_LEFT,
    UI_ACT_RIGHT,
    UI_ACT_PGUP,
    UI_ACT_PGDN,
    UI_ACT_HOME,
    UI_ACT_END,
    UI_ACT_OPEN,
    UI_ACT_BACK,
    UI_ACT_NEXT_PANE,
    UI_ACT_PREV_PANE,
    UI_ACT_REFRESH,
    UI_ACT_SECTION1,
    UI_ACT_SECTION6 = UI_ACT_SECTION1 + 5,
    UI_ACT_ADD,      /* a new record in the list shown */
    UI_ACT_EDIT,     /* change the selected record */
    UI_ACT_DELETE,   /* delete (archive) the selected record */
    UI_ACT_MENU,     /* what can be done to the selected record */
    UI_ACT_VIEW,     /* choose what the section lists */
    UI_ACT_EXPORT,   /* write what is shown to a file (报表) */
    UI_ACT_PROGRESS, /* report progress on the selected task (进展报送) */
    UI_ACT_COUNT,
};

#define UI_KEYMAP_MAX_KEYS 6 /* keys per action */

/* Resets to the default keys, then applies cfg's [keys] (cfg may be NULL).
 * A key given to an action in [keys] is taken from any other action. */
void ui_keymap_init(const struct config *cfg);

/* The action bound to key, or UI_ACT_NONE. */
int ui_keymap_action(int key);

/* The [keys] name of action ("help"), or NULL. */
const char *ui_keymap_name(int action);

/* The catalogue key of action's description ("action.help"). */
const char *ui_keymap_describe(int action);

/* The keys of action into keys[0..max); returns how many. */
size_t ui_keymap_keys(int action, int *keys, size_t max);

/* The keys of action as text for help ("F1, ?"); the caller frees it. */
char *ui_keymap_keys_text(int action);

/* Help generated from the live map: one line per action, keys then what
 * they do. The caller frees it. */
char *ui_keymap_help(void);

/* Problems found in [keys] (borrowed until the next init). */
size_t ui_keymap_warning_count(void);
const char *ui_keymap_warning(size_t i);

#endif
