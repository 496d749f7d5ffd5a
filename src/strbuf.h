/* strbuf.h — a growable byte string (the buffer owns its bytes). */
#ifndef TUWEI_STRBUF_H
#define TUWEI_STRBUF_H

#include <stddef.h>

struct strbuf {
    char *s;    /* always NUL-terminated once anything is added */
    size_t len;
    size_t cap;
};

#define STRBUF_INIT {NULL, 0, 0}

void strbuf_add(struct strbuf *b, const char *s, size_t n);
void strbuf_puts(struct strbuf *b, const char *s);
void strbuf_putc(struct strbuf *b, char c);
void strbuf_printf(struct strbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Appends v in decimal (without printf: for loops over many rows). */
void strbuf_add_int(struct strbuf *b, long long v);
/* Appends s as a JSON string literal, quotes included. */
void strbuf_json_str(struct strbuf *b, const char *s, size_t n);
/* Returns the bytes ("" when empty), still owned by b. */
const char *strbuf_str(const struct strbuf *b);
/* Hands the bytes to the caller (who frees them) and empties b. */
char *strbuf_take(struct strbuf *b);
void strbuf_reset(struct strbuf *b);
void strbuf_free(struct strbuf *b);

#endif
