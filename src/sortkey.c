/*
 * sortkey.c — GB18030 bytes as a pinyin sort key (see sortkey.h).
 *
 * GB18030 has no shift states, so a string's bytes are its characters'
 * bytes one after another. Each character of the Basic Multilingual
 * Plane is converted by iconv the first time it is seen and then read
 * from a table: names share a few thousand characters, and iconv's
 * per-call cost was most of an import's sort (about 4,700 instructions
 * a name).
 */
#include "src/sortkey.h"

#include <iconv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "src/xmalloc.h"

struct sortkey {
    iconv_t cd;       /* (iconv_t)-1 when this system's iconv has no GB18030 */
    uint32_t *bytes;  /* BMP code point -> its GB18030 bytes, big-endian */
    unsigned char *n; /* ... and how many (0: not converted yet) */
};

struct sortkey *
sortkey_new(void)
{
    struct sortkey *k = xcalloc(1, sizeof *k);

    k->cd = iconv_open("GB18030", "UTF-8");
    return k;
}

void
sortkey_free(struct sortkey *k)
{
    if (k == NULL)
        return;
    if (k->cd != (iconv_t)-1)
        iconv_close(k->cd);
    free(k->bytes);
    free(k->n);
    free(k);
}

/* Converts the n bytes of UTF-8 at s with iconv into out; bytes written,
 * or 0 when iconv refuses them. */
static size_t
sortkey_iconv(struct sortkey *k, const char *s, size_t n, char *out, size_t room)
{
    size_t inleft = n, outleft = room;
    char *in, *o = out;

    memcpy(&in, &s, sizeof in); /* iconv's input is not const; it is not written */
    if (iconv(k->cd, &in, &inleft, &o, &outleft) == (size_t)-1 || inleft != 0) {
        iconv(k->cd, NULL, NULL, NULL, NULL);
        return 0;
    }
    return (size_t)(o - out);
}

/* The length of the UTF-8 character at s (at most left bytes) and its
 * code point in *cp; 0 when the bytes are not UTF-8. */
static size_t
sortkey_utf8(const unsigned char *s, size_t left, uint32_t *cp)
{
    size_t len, i;

    if (s[0] < 0x80)
        return *cp = s[0], 1;
    if (s[0] >= 0xc2 && s[0] < 0xe0)
        len = 2, *cp = s[0] & 0x1fu;
    else if (s[0] >= 0xe0 && s[0] < 0xf0)
        len = 3, *cp = s[0] & 0x0fu;
    else if (s[0] >= 0xf0 && s[0] < 0xf5)
        len = 4, *cp = s[0] & 0x07u;
    else
        return 0;
    if (len > left)
        return 0;
    for (i = 1; i < len; i++) {
        if ((s[i] & 0xc0) != 0x80)
            return 0;
        *cp = *cp << 6 | (s[i] & 0x3fu);
    }
    if ((len == 3 && *cp < 0x800) || (len == 4 && (*cp < 0x10000 || *cp > 0x10ffff)))
        return 0; /* overlong or out of range: iconv would refuse it too */
    return len;
}

/* Appends the GB18030 bytes of the BMP character cp (UTF-8 at s, len
 * bytes) at *o; 0 when iconv refuses it. */
static int
sortkey_bmp(struct sortkey *k, uint32_t cp, const char *s, size_t len, char **o)
{
    char buf[8];
    size_t m, i;

    if (k->n == NULL) {
        k->bytes = xcalloc(0x10000, sizeof *k->bytes);
        k->n = xcalloc(0x10000, 1);
    }
    if (k->n[cp] == 0) {
        if ((m = sortkey_iconv(k, s, len, buf, sizeof buf)) == 0 || m > 4)
            return 0;
        for (i = 0; i < m; i++)
            k->bytes[cp] = k->bytes[cp] << 8 | (unsigned char)buf[i];
        k->n[cp] = (unsigned char)m;
    }
    for (i = k->n[cp]; i-- > 0;)
        *(*o)++ = (char)(k->bytes[cp] >> (8 * i));
    return 1;
}

char *
sortkey_make(struct sortkey *k, const char *s, size_t n, size_t *len)
{
    char *out = xmalloc(2 * n + 8), *o = out; /* GB18030 is at most twice as long as UTF-8 */
    size_t i = 0, c, m;
    uint32_t cp;

    while (k->cd != (iconv_t)-1 && i < n) {
        if ((c = sortkey_utf8((const unsigned char *)s + i, n - i, &cp)) == 0)
            break;
        if (cp < 0x80) {
            *o++ = (char)cp;
        } else if (cp < 0x10000) {
            if (!sortkey_bmp(k, cp, s + i, c, &o))
                break;
        } else if ((m = sortkey_iconv(k, s + i, c, o, 8)) != 0) {
            o += m;
        } else {
            break;
        }
        i += c;
    }
    if (i < n) { /* not UTF-8, or iconv refused a character: the text's own bytes */
        memcpy(out, s, n);
        o = out + n;
    }
    *len = (size_t)(o - out);
    return out;
}
