/*
 * err.h — how fallible functions say what went wrong.
 *
 * A fallible function returns an int: 0 (ERR_OK) on success, one of the
 * ERR_* codes otherwise, and, when the caller passes a struct err, fills
 * it with a message fit to show a clerk. Only ui/ and main.c show it.
 */
#ifndef TUWEI_ERR_H
#define TUWEI_ERR_H

enum err_code {
    ERR_OK = 0,
    ERR_INVALID,  /* the input breaks a rule; msg says which */
    ERR_NOTFOUND, /* no such record */
    ERR_CONFLICT, /* a unique value already exists */
    ERR_IO,       /* a file could not be read or written */
    ERR_DB,       /* the database refused or failed */
    ERR_REFUSED,  /* the file is not ours, newer, or damaged */
};

struct err {
    int code;
    char field[64];  /* the field at fault, "" when none */
    char msg[512];   /* a sentence for a clerk, in the interface language */
};

/* Fills e (which may be NULL) and returns code. */
int err_set(struct err *e, int code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Like err_set, also naming the field at fault. */
int err_field(struct err *e, int code, const char *field, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* Empties e (which may be NULL). */
void err_clear(struct err *e);

#endif
