/*
 * textw.c — display width, truncation, padding and wrapping of UTF-8 text.
 *
 * The decoder is our own strict one (no overlong forms, no surrogates,
 * nothing above U+10FFFF) so that what counts as invalid does not depend
 * on the C library; widths come from wcwidth.
 */
#include "src/textw.h"

#include <stdlib.h>
#include <string.h>

#include "src/strbuf.h"
#include "src/xmalloc.h"

#define TEXTW_BAD 0xfffdUL

size_t
textw_decode(const char *s, const char *send, unsigned long *cp)
{
    const unsigned char *p = (const unsigned char *)s, *end = (const unsigned char *)send;
    unsigned char b = p[0], lo = 0x80, hi = 0xbf;
    size_t n, i;

    *cp = TEXTW_BAD;
    if (b < 0x80) {
        *cp = b;
        return 1;
    }
    if (b >= 0xc2 && b <= 0xdf)
        n = 2;
    else if (b >= 0xe0 && b <= 0xef)
        n = 3;
    else if (b >= 0xf0 && b <= 0xf4)
        n = 4;
    else
        return 1;
    if (b == 0xe0)
        lo = 0xa0;
    else if (b == 0xed)
        hi = 0x9f;
    else if (b == 0xf0)
        lo = 0x90;
    else if (b == 0xf4)
        hi = 0x8f;
    if ((size_t)(end - p) < n || p[1] < lo || p[1] > hi)
        return 1;
    for (i = 2; i < n; i++)
        if ((p[i] & 0xc0) != 0x80)
            return 1;
    *cp = b & (0xff >> (n + 1));
    for (i = 1; i < n; i++)
        *cp = (*cp << 6) | (p[i] & 0x3f);
    return n;
}

size_t
textw_utf8_len(const char *s, size_t n)
{
    unsigned long cp;
    size_t k = textw_decode(s, s + n, &cp);

    return cp == TEXTW_BAD && k == 1 ? 0 : k;
}

int
textw_next(const char **p, const char *end, wchar_t *wc)
{
    unsigned long cp;
    int w;

    *p += textw_decode(*p, end, &cp);
    if (cp == '\t' || cp == '\n' || cp == '\r') {
        *wc = L' ';
        return 1;
    }
    if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0))
        cp = TEXTW_BAD;
    w = wcwidth((wchar_t)cp);
    if (w < 0) {
        cp = TEXTW_BAD;
        w = 1;
    }
    *wc = (wchar_t)cp;
    return w;
}

int
textw_width_n(const char *s, size_t len)
{
    const char *p = s, *end = s + len;
    wchar_t wc;
    int w = 0;

    while (p < end)
        w += textw_next(&p, end, &wc);
    return w;
}

int
textw_width(const char *s)
{
    return s ? textw_width_n(s, strlen(s)) : 0;
}

size_t
textw_prefix(const char *s, int cols, int *width)
{
    const char *p = s, *end = s + strlen(s), *q;
    wchar_t wc;
    int w = 0, cw;

    while (p < end) {
        q = p;
        cw = textw_next(&q, end, &wc);
        if (w + cw > cols)
            break;
        w += cw;
        p = q;
    }
    if (width)
        *width = w;
    return (size_t)(p - s);
}

size_t
textw_encode(wchar_t wc, char *buf)
{
    unsigned long c = (unsigned long)wc;

    if (c < 0x80) {
        buf[0] = (char)c;
        return 1;
    }
    if (c < 0x800) {
        buf[0] = (char)(0xc0 | (c >> 6));
        buf[1] = (char)(0x80 | (c & 0x3f));
        return 2;
    }
    if (c < 0x10000) {
        buf[0] = (char)(0xe0 | (c >> 12));
        buf[1] = (char)(0x80 | ((c >> 6) & 0x3f));
        buf[2] = (char)(0x80 | (c & 0x3f));
        return 3;
    }
    buf[0] = (char)(0xf0 | (c >> 18));
    buf[1] = (char)(0x80 | ((c >> 12) & 0x3f));
    buf[2] = (char)(0x80 | ((c >> 6) & 0x3f));
    buf[3] = (char)(0x80 | (c & 0x3f));
    return 4;
}

/* Appends the first len bytes of s to b as they will be shown. */
static void
textw_add_clean(struct strbuf *b, const char *s, size_t len)
{
    const char *p = s, *end = s + len;
    char enc[4];
    wchar_t wc;

    while (p < end) {
        textw_next(&p, end, &wc);
        strbuf_add(b, enc, textw_encode(wc, enc));
    }
}

char *
textw_clean(const char *s)
{
    struct strbuf b = STRBUF_INIT;

    textw_add_clean(&b, s ? s : "", s ? strlen(s) : 0);
    return strbuf_take(&b);
}

char *
textw_truncate(const char *s, int cols)
{
    struct strbuf b = STRBUF_INIT;
    int room = cols > TEXTW_ELLIPSIS_COLS ? cols - TEXTW_ELLIPSIS_COLS : cols;

    if (s == NULL)
        s = "";
    if (cols < 0)
        cols = 0;
    if (textw_width(s) <= cols) {
        textw_add_clean(&b, s, strlen(s));
    } else {
        textw_add_clean(&b, s, textw_prefix(s, room < 0 ? 0 : room, NULL));
        if (cols > TEXTW_ELLIPSIS_COLS)
            strbuf_puts(&b, TEXTW_ELLIPSIS);
    }
    return strbuf_take(&b);
}

/* Appends n spaces to b. */
static void
textw_spaces(struct strbuf *b, int n)
{
    while (n-- > 0)
        strbuf_putc(b, ' ');
}

char *
textw_fit(const char *s, int cols, enum textw_align align)
{
    struct strbuf b = STRBUF_INIT;
    char *t = textw_truncate(s, cols);
    int gap = cols - textw_width(t), left = 0;

    if (gap < 0)
        gap = 0;
    if (align == TEXTW_RIGHT)
        left = gap;
    else if (align == TEXTW_CENTER)
        left = gap / 2;
    textw_spaces(&b, left);
    strbuf_puts(&b, t);
    textw_spaces(&b, gap - left);
    free(t);
    return strbuf_take(&b);
}

/* Punctuation a line must not start with. */
static int
textw_is_closer(wchar_t wc)
{
    static const wchar_t closers[] = L"，。、；：！？）》」』】〉〕”’…,.;:!?)]}%";

    return wc != 0 && wcschr(closers, wc) != NULL;
}

/* Punctuation a line must not end with. */
static int
textw_is_opener(wchar_t wc)
{
    static const wchar_t openers[] = L"（《「『【〈〔“‘([{";

    return wc != 0 && wcschr(openers, wc) != NULL;
}

/* The state of one line being wrapped. */
struct textw_cursor {
    const char *start; /* first byte of the line */
    const char *brk;   /* last place the line may end, or NULL */
    int brk_w;         /* the line's width up to brk */
    int w;             /* width so far */
    wchar_t prev;      /* last base character */
    int prev_w;
};

/* Past the spaces at p (and one line end right after them). */
static const char *
textw_skip_spaces(const char *p, const char *end)
{
    while (p < end && *p == ' ')
        p++;
    if (p < end && *p == '\n')
        p++;
    else if (p + 1 < end && p[0] == '\r' && p[1] == '\n')
        p += 2;
    return p;
}

/* Records whether the line may end just before c (width cw, char wc). */
static void
textw_note_break(struct textw_cursor *k, const char *c, wchar_t wc, int cw)
{
    int between_cjk;

    if (c == k->start || cw == 0)
        return;
    between_cjk = (cw == 2 || k->prev_w == 2) && k->prev != L' ';
    if (wc == L' ' || (between_cjk && !textw_is_closer(wc) && !textw_is_opener(k->prev))) {
        k->brk = c;
        k->brk_w = k->w;
    }
}

/* Fills ln with one line starting at start; returns where the next starts. */
static const char *
textw_wrap_line(const char *s, const char *start, const char *end, int cols, struct textw_line *ln)
{
    struct textw_cursor k = {start, NULL, 0, 0, 0, 0};
    const char *q = start, *c, *stop = end, *next = end;
    wchar_t wc;
    int cw;

    while (q < end) {
        c = q;
        if (*c == '\n' || (c[0] == '\r' && c + 1 < end && c[1] == '\n')) {
            stop = c;
            next = c + (*c == '\n' ? 1 : 2);
            break;
        }
        cw = textw_next(&q, end, &wc);
        textw_note_break(&k, c, wc, cw);
        if (k.w + cw > cols && c > start && cw > 0) {
            if (wc == L' ' || k.brk == NULL) {
                k.brk = c;
                k.brk_w = k.w;
            }
            stop = k.brk;
            k.w = k.brk_w;
            next = textw_skip_spaces(k.brk, end);
            break;
        }
        k.w += cw;
        if (cw > 0) {
            k.prev = wc;
            k.prev_w = cw;
        }
    }
    ln->off = (size_t)(start - s);
    ln->len = (size_t)(stop - start);
    ln->width = k.w;
    return next;
}

size_t
textw_wrap(const char *s, int cols, struct textw_line *out, size_t max)
{
    const char *p, *end;
    struct textw_line ln;
    size_t n = 0;

    if (s == NULL)
        return 0;
    if (cols < 1)
        cols = 1;
    end = s + strlen(s);
    for (p = s; p < end; n++) {
        p = textw_wrap_line(s, p, end, cols, &ln);
        if (n < max)
            out[n] = ln;
    }
    return n;
}

size_t
textw_prev_char(const char *s, size_t pos)
{
    const char *p = s, *end = s + pos, *c;
    size_t last = 0;
    wchar_t wc;

    while (p < end) {
        c = p;
        if (textw_next(&p, end, &wc) > 0)
            last = (size_t)(c - s);
    }
    return last;
}

size_t
textw_next_char(const char *s, size_t len, size_t pos)
{
    const char *p = s + pos, *end = s + len, *q;
    wchar_t wc;

    if (p >= end)
        return len;
    textw_next(&p, end, &wc);
    while (p < end) {
        q = p;
        if (textw_next(&q, end, &wc) != 0)
            break;
        p = q;
    }
    return (size_t)(p - s);
}
