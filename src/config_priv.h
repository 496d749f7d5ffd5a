/*
 * config_priv.h — what config.c, config_keys.c and config_ini.c share; for
 * those files only.
 */
#ifndef TUWEI_CONFIG_PRIV_H
#define TUWEI_CONFIG_PRIV_H

#include <stddef.h>

#include "src/config.h"

enum config_type {
    CONFIG_TEXT,     /* UTF-8 text; min/max: length in bytes (max 0: no limit) */
    CONFIG_PATH,     /* a file name; "~/" is expanded */
    CONFIG_BOOL,     /* yes/no/true/false/1/0, kept as "yes" or "no" */
    CONFIG_INT,      /* a decimal integer in min..max */
    CONFIG_CHOICE,   /* one of choices ("a|b|c"), case-insensitive */
    CONFIG_LIST,     /* min..max items separated by commas (ASCII, full-width or 、) */
    CONFIG_MONTHDAY, /* a day of the year, "MM-DD" (also M-D or M月D日) */
};

struct config_key {
    const char *key;
    enum config_type type;
    const char *def; /* NULL: computed by config_default_value */
    long min, max;
    const char *choices;
};

/* The keys of the table, in order. */
size_t config_key_count(void);
const struct config_key *config_key_at(size_t i);

/* The row of key, its index in *index when not NULL; NULL for a key not in the table. */
const struct config_key *config_key_find(const char *key, size_t *index);

/* A malloc'd default value for k (user:name and database:path from the environment). */
char *config_default_value(const struct config_key *k);

/* Validates value for key (a key of the table, theme: or keys:): ERR_OK and
 * a normalised copy in *norm, or ERR_INVALID with a message that starts
 * with where ("文件 X 第 N 行：" or ""). */
int config_check(const char *key, const char *value, const char *where, char **norm, struct err *e);

/* The known key closest to key (a likely typo), or NULL. */
const char *config_suggest(const char *key);

/* 1 for a role a [theme] entry may colour. */
int config_theme_role_known(const char *role);

/* Reads the INI file path into c (which holds the defaults): checks every line,
 * stores every value through config_accept. ERR_IO or ERR_INVALID naming path. */
int config_ini_read(struct config *c, const char *path, struct err *e);

/* Takes key = value read from file at line: checks and stores it, or warns
 * about a key the program does not know. ERR_INVALID for a bad value. */
int config_accept(struct config *c, const char *file, long line, const char *key, const char *value,
                  struct err *e);

/* Adds a warning about line; warnings are kept in line order. */
void config_warn(struct config *c, long line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Returns 1 for a section the program knows: one of the table, theme or keys. */
int config_section_known(const char *section);

/* Returns 1 for the white space iniparser strips (isspace in the C locale). */
int config_space(int ch);

/* Returns a copy of s[0..n) without white space around it (the caller frees it). */
char *config_strip(const char *s, size_t n);

/* Lower-cases the ASCII letters of s in place, as iniparser does with names. */
void config_lower(char *s);

/* Returns a copy of v fit to quote in a message: at most 60 bytes of whole
 * characters, control bytes and invalid UTF-8 shown as '?' (the caller frees it). */
char *config_show(const char *v);

#endif
