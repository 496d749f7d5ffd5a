/* err.c — filling struct err. */
#include "src/err.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* A message cut at the buffer's end may end inside a UTF-8 sequence:
 * drop the broken tail so a Chinese message never ends in garbage. */
static void
err_trim_utf8(char *s)
{
    size_t n = strlen(s), start = n, need;
    unsigned char c;

    while (start > 0 && ((unsigned char)s[start - 1] & 0xc0) == 0x80)
        start--;
    if (start == 0)
        return;
    c = (unsigned char)s[start - 1];
    need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
    if (n - (start - 1) < need)
        s[start - 1] = '\0';
}

static void
err_vfill(struct err *e, int code, const char *field, const char *fmt, va_list ap)
{
    e->code = code;
    snprintf(e->field, sizeof e->field, "%s", field ? field : "");
    vsnprintf(e->msg, sizeof e->msg, fmt, ap);
    err_trim_utf8(e->msg);
}

int
err_set(struct err *e, int code, const char *fmt, ...)
{
    va_list ap;

    if (e == NULL)
        return code;
    va_start(ap, fmt);
    err_vfill(e, code, NULL, fmt, ap);
    va_end(ap);
    return code;
}

int
err_field(struct err *e, int code, const char *field, const char *fmt, ...)
{
    va_list ap;

    if (e == NULL)
        return code;
    va_start(ap, fmt);
    err_vfill(e, code, field, fmt, ap);
    va_end(ap);
    return code;
}

void
err_clear(struct err *e)
{
    if (e != NULL)
        memset(e, 0, sizeof *e);
}
