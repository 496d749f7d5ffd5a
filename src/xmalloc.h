/* xmalloc.h — allocation that aborts on out-of-memory. */
#ifndef TUWEI_XMALLOC_H
#define TUWEI_XMALLOC_H

#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
/* Returns a copy of s the caller frees; NULL for NULL. */
char *xstrdup(const char *s);
/* Returns a copy of the first n bytes of s, NUL-terminated. */
char *xstrndup(const char *s, size_t n);
/* Returns a formatted string the caller frees. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
