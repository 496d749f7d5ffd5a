/*
 * textw.h — the one text-width module: how many terminal columns text takes.
 *
 * Every column and cursor position on screen is counted here, in display
 * columns, never in bytes or characters: a Chinese character takes two
 * columns, a combining mark none, an ASCII letter one. Text is UTF-8;
 * an invalid byte, an unprintable control or an unassigned code point is
 * shown as U+FFFD (one column), so a damaged record never garbles a screen.
 * Tab, CR and LF count as one space where text is shown on one line.
 *
 * The caller must have set an LC_CTYPE whose wcwidth knows East Asian
 * widths (any UTF-8 locale); ui_run checks that before drawing.
 */
#ifndef TUWEI_TEXTW_H
#define TUWEI_TEXTW_H

#include <stddef.h>
#include <wchar.h>

/* The mark that ends truncated text. ASCII on purpose: U+2026 is East Asian
 * "ambiguous" and drifts by a column on many Chinese terminals. */
#define TEXTW_ELLIPSIS ".."
#define TEXTW_ELLIPSIS_COLS 2

enum textw_align {
    TEXTW_LEFT,
    TEXTW_RIGHT,
    TEXTW_CENTER,
};

/* Decodes one UTF-8 sequence at s (s < end) into *cp and returns its
 * length in bytes; a bad byte gives U+FFFD and length 1. */
size_t textw_decode(const char *s, const char *end, unsigned long *cp);

/* Bytes of the valid UTF-8 sequence at s (n > 0 bytes available), 0 when
 * the bytes there are not valid UTF-8 (for checking outside input). */
size_t textw_utf8_len(const char *s, size_t n);

/* textw_utf8_len, with ASCII and the three-byte sequences of the CJK
 * ideographs (lead bytes E1 to EC) checked here: the loops that check
 * every byte of a file or a field call this. */
static inline size_t
textw_utf8_step(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;

    if (p[0] < 0x80)
        return 1;
    if (n >= 3 && p[0] >= 0xe1 && p[0] <= 0xec && (p[1] & 0xc0) == 0x80 && (p[2] & 0xc0) == 0x80)
        return 3;
    return textw_utf8_len(s, n);
}

/* Decodes the character at *p (p < end), advances *p past it, stores the
 * character to show in *wc (U+FFFD for bad input, ' ' for tab/CR/LF) and
 * returns its width in columns (0, 1 or 2). */
int textw_next(const char **p, const char *end, wchar_t *wc);

/* Display columns of the NUL-terminated s (NULL is 0). */
int textw_width(const char *s);

/* Display columns of the first len bytes of s. */
int textw_width_n(const char *s, size_t len);

/* Bytes of the longest prefix of s that fits in cols columns (whole
 * characters only; a combining mark stays with its base); its width goes
 * to *width when width is not NULL. */
size_t textw_prefix(const char *s, int cols, int *width);

/* A copy of s at most cols wide: cut with TEXTW_ELLIPSIS when too wide.
 * Invalid bytes come out as U+FFFD. The caller frees it. */
char *textw_truncate(const char *s, int cols);

/* A copy of s exactly cols wide: truncated as above, then padded with
 * spaces on the side align says. The caller frees it. */
char *textw_fit(const char *s, int cols, enum textw_align align);

/* A copy of s with invalid UTF-8 and controls replaced by U+FFFD (tab,
 * CR, LF become spaces). The caller frees it. */
char *textw_clean(const char *s);

/* One line of wrapped text: bytes [off, off+len) of the source. */
struct textw_line {
    size_t off;
    size_t len;
    int width;
};

/* Wraps s into lines at most cols wide (a line holds at least one
 * character even when it is wider than cols). Breaks at LF, anywhere
 * between CJK characters (never before closing punctuation such as ，。),
 * and at spaces between Latin words, which are split only when longer than
 * a line. Fills out[0..max) and returns the number of lines the whole text
 * needs, which may exceed max; "" has none. */
size_t textw_wrap(const char *s, int cols, struct textw_line *out, size_t max);

/* Byte offset of the character before pos in s (a base character together
 * with its combining marks counts as one); 0 at the start. */
size_t textw_prev_char(const char *s, size_t pos);

/* Byte offset of the character after pos in s (len bytes long). */
size_t textw_next_char(const char *s, size_t len, size_t pos);

/* Appends the UTF-8 encoding of wc to buf (at least 4 bytes free);
 * returns the number of bytes written. */
size_t textw_encode(wchar_t wc, char *buf);

#endif
