/*
 * sortkey.h — the bytes that put Chinese names in pinyin order.
 *
 * The key is the text in GB18030, compared as bytes (memcmp, or SQLite's
 * BLOB order): the first level of common characters (the 3,755 of GB 2312
 * level 1) is laid out by pinyin; rarer characters follow by radical and
 * stroke; letters and digits come first. Text iconv cannot convert keeps
 * its own bytes. The database keeps it as enterprise.name_key (SQL
 * function tuwei_sortkey); the import orders new rows by it.
 */
#ifndef TUWEI_SORTKEY_H
#define TUWEI_SORTKEY_H

#include <stddef.h>

struct sortkey; /* a converter, reused across calls */

struct sortkey *sortkey_new(void);
void sortkey_free(struct sortkey *k);

/* The key of s[0..n) in a new buffer (the caller's to free); its length
 * in *len. */
char *sortkey_make(struct sortkey *k, const char *s, size_t n, size_t *len);

#endif
