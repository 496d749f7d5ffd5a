/*
 * config.h — the settings of one run: built-in defaults, overridden by an
 * INI file, overridden again by the command line (config_set).
 *
 * Keys are "section:key" in lower case ("ui:language"). The known keys, their
 * types and defaults are one table in config.c; assets/tuwei.ini documents
 * them for users. A struct config owns every string it hands out; they stay
 * valid until config_free, or until config_set replaces that very key.
 */
#ifndef TUWEI_CONFIG_H
#define TUWEI_CONFIG_H

#include <stddef.h>

#include "src/err.h"

struct config;

/* Loads path when given (--config FILE); else $XDG_CONFIG_HOME/tuwei/tuwei.ini
 * (~/.config/tuwei/tuwei.ini) if it exists; else built-in defaults. Unknown
 * keys are warnings (kept in the config), bad values and malformed files are
 * ERR_INVALID, an unreadable or missing explicit file ERR_IO; the message
 * names the file, the line or key and what is wrong. *out is NULL on error. */
int config_load(const char *path, struct config **out, struct err *e);

/* Returns a config holding the built-in defaults only. */
struct config *config_defaults(void);

/* Frees c; NULL is a no-op. */
void config_free(struct config *c);

/* Returns the file that was read, NULL for defaults only. */
const char *config_file(const struct config *c);

/* Returns the effective value of "section:key" (set, else file, else
 * default); entries of [theme], [keys] and unknown keys read from the file
 * are returned too; NULL for a key that is none of these. */
const char *config_get(const struct config *c, const char *key);

/* Returns the value of a known key whose type is int. */
long config_get_int(const struct config *c, const char *key);

/* Returns 1 or 0 for a known key whose type is bool (yes/no/true/false/1/0). */
int config_get_bool(const struct config *c, const char *key);

/* Overrides a value (e.g. --db FILE), validated like a file value; keys of
 * [theme] and [keys] may be added. ERR_INVALID for an unknown key or bad value. */
int config_set(struct config *c, const char *key, const char *value, struct err *e);

/* Returns the number of settings config_item lists. */
size_t config_count(const struct config *c);

/* Gives the i-th setting in a stable order: the known keys in table order, then
 * [theme], [keys] and unknown entries in file order. from_file is 1 when the
 * value was read from the file, 0 for a default or a config_set override. */
void config_item(const struct config *c, size_t i, const char **key, const char **value,
                 int *from_file);

/* Returns the number of warnings collected while loading. */
size_t config_warning_count(const struct config *c);

/* Returns the i-th warning, naming file, line, key and problem (borrowed). */
const char *config_warning(const struct config *c, size_t i);

/* Returns the number of entries of a free-form section ("theme", "keys"); for
 * another section, the number of its unknown keys kept from the file. */
size_t config_section_count(const struct config *c, const char *section);

/* Gives the i-th entry of section: key without the section prefix, raw value. */
void config_section_item(const struct config *c, const char *section, size_t i, const char **key,
                         const char **value);

#endif
