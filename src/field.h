/*
 * field.h — checks every typed text field shares, before anything is
 * stored: the bytes are UTF-8 (a GBK paste is refused, not stored as
 * garbage) and hold no control characters a screen or a CSV file would
 * mangle. The message names the field in Chinese.
 */
#ifndef TUWEI_FIELD_H
#define TUWEI_FIELD_H

#include "src/err.h"

enum field_text_flags {
    FIELD_MULTILINE = 1 << 0, /* line breaks (LF, CR) allowed */
    FIELD_TABS = 1 << 1,      /* tabs allowed */
};

/* Checks s (NULL passes) typed into field, called label on screen. */
int field_check_text(const char *field, const char *label, const char *s, int flags, struct err *e);

#endif
