/*
 * config_priv.h — what config.c and config_ini.c share; for those two files only.
 */
#ifndef TUWEI_CONFIG_PRIV_H
#define TUWEI_CONFIG_PRIV_H

#include <stddef.h>

#include "src/config.h"

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
