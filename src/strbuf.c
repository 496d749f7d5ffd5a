/* strbuf.c — a growable byte string. */
#include "src/strbuf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "src/xmalloc.h"

static void
strbuf_grow(struct strbuf *b, size_t more)
{
    size_t need = b->len + more + 1;

    if (need <= b->cap)
        return;
    if (b->cap == 0)
        b->cap = 64;
    while (b->cap < need)
        b->cap *= 2;
    b->s = xrealloc(b->s, b->cap);
}

void
strbuf_add(struct strbuf *b, const char *s, size_t n)
{
    strbuf_grow(b, n);
    if (n)
        memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

void
strbuf_puts(struct strbuf *b, const char *s)
{
    strbuf_add(b, s, strlen(s));
}

void
strbuf_putc(struct strbuf *b, char c)
{
    strbuf_add(b, &c, 1);
}

void
strbuf_add_int(struct strbuf *b, long long v)
{
    char buf[24], *p = buf + sizeof buf;
    unsigned long long u = v < 0 ? 0 - (unsigned long long)v : (unsigned long long)v;

    do
        *--p = (char)('0' + u % 10);
    while ((u /= 10) != 0);
    if (v < 0)
        *--p = '-';
    strbuf_add(b, p, (size_t)(buf + sizeof buf - p));
}

void
strbuf_printf(struct strbuf *b, const char *fmt, ...)
{
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n <= 0)
        return;
    strbuf_grow(b, (size_t)n);
    va_start(ap, fmt);
    vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

/* 1 for the bytes a JSON string holds as they are: not a control
 * character, a quote or a backslash. UTF-8 passes through whole. */
static const unsigned char json_plain[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
};

void
strbuf_json_str(struct strbuf *b, const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0, run;
    unsigned char c;

    strbuf_grow(b, n + 2); /* the usual case: nothing to escape */
    b->s[b->len++] = '"';
    for (;;) {
        for (run = i; i < n && json_plain[p[i]]; i++)
            ;
        if (i > run)
            strbuf_add(b, s + run, i - run);
        if (i == n)
            break;
        c = p[i++];
        if (c == '"' || c == '\\') {
            strbuf_putc(b, '\\');
            strbuf_putc(b, (char)c);
        } else if (c == '\n') {
            strbuf_puts(b, "\\n");
        } else if (c == '\r') {
            strbuf_puts(b, "\\r");
        } else if (c == '\t') {
            strbuf_puts(b, "\\t");
        } else {
            strbuf_printf(b, "\\u%04x", c);
        }
    }
    strbuf_putc(b, '"');
}

const char *
strbuf_str(const struct strbuf *b)
{
    return b->s ? b->s : "";
}

char *
strbuf_take(struct strbuf *b)
{
    char *s = b->s ? b->s : xstrdup("");

    b->s = NULL;
    b->len = b->cap = 0;
    return s;
}

void
strbuf_reset(struct strbuf *b)
{
    b->len = 0;
    if (b->s)
        b->s[0] = '\0';
}

void
strbuf_free(struct strbuf *b)
{
    if (b == NULL)
        return;
    free(b->s);
    b->s = NULL;
    b->len = b->cap = 0;
}
