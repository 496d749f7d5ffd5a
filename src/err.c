/* err.c — filling struct err. */
#include "src/err.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static void
err_vfill(struct err *e, int code, const char *field, const char *fmt, va_list ap)
{
    e->code = code;
    snprintf(e->field, sizeof e->field, "%s", field ? field : "");
    vsnprintf(e->msg, sizeof e->msg, fmt, ap);
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
