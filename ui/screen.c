/*
 * screen.c — opening and closing the terminal, fitted text output, and
 * reading the screen back as text for the headless mode and its tests.
 */
#include "ui/screen.h"

#include <curses.h>
#include <langinfo.h>
#include <stdlib.h>
#include <string.h>
#include <term.h>
#include <unistd.h>

#include "src/msg.h"
#include "src/strbuf.h"
#include "src/xmalloc.h"

static SCREEN *scr_sp;
static FILE *scr_in, *scr_out;
static int scr_headless;
static int scr_cur_y = -1, scr_cur_x;

/* The terminal types tried for the invisible screen, best first. */
static const char *const scr_headless_terms[] = {"xterm-256color", "xterm", "vt100", NULL};

/* Common set-up once a SCREEN exists. */
static void
scr_setup(void)
{
    cbreak();
    noecho();
    nonl();
    intrflush(stdscr, FALSE);
    keypad(stdscr, TRUE);
    set_escdelay(25);
    curs_set(0);
    timeout(200);
}

/* Fills e for a terminal we cannot use. */
static int
scr_refuse(struct err *e, const char *key, const char *detail)
{
    char *m = msg_format(key, detail ? detail : "", NULL);

    err_set(e, ERR_REFUSED, "%s", m);
    free(m);
    return ERR_REFUSED;
}

int
ui_screen_open(struct err *e)
{
    const char *cs = nl_langinfo(CODESET), *term = getenv("TERM");
    char *cup;

    if (cs == NULL || (strcmp(cs, "UTF-8") != 0 && strcmp(cs, "utf8") != 0))
        return scr_refuse(e, "screen.err.locale", cs);
    if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
        return scr_refuse(e, "screen.err.tty", NULL);
    if (term == NULL || *term == '\0')
        return scr_refuse(e, "screen.err.term", "");
    scr_sp = newterm(NULL, stdout, stdin);
    if (scr_sp == NULL)
        return scr_refuse(e, "screen.err.term", term);
    set_term(scr_sp);
    cup = tigetstr("cup");
    if (cup == NULL || cup == (char *)-1) {
        ui_screen_close();
        return scr_refuse(e, "screen.err.term", term);
    }
    scr_headless = 0;
    scr_setup();
    return ERR_OK;
}

int
ui_screen_open_headless(int cols, int rows, struct err *e)
{
    int i;

    scr_out = fopen("/dev/null", "w");
    scr_in = fopen("/dev/null", "r");
    if (scr_out == NULL || scr_in == NULL) {
        ui_screen_close();
        return scr_refuse(e, "screen.err.headless", "/dev/null");
    }
    for (i = 0; scr_sp == NULL && scr_headless_terms[i]; i++)
        scr_sp = newterm(scr_headless_terms[i], scr_out, scr_in);
    if (scr_sp == NULL) {
        ui_screen_close();
        return scr_refuse(e, "screen.err.headless", "xterm");
    }
    set_term(scr_sp);
    scr_headless = 1;
    scr_setup();
    ui_screen_resize(cols, rows);
    return ERR_OK;
}

void
ui_screen_close(void)
{
    if (scr_sp) {
        if (!scr_headless)
            curs_set(1);
        endwin();
        delscreen(scr_sp);
        scr_sp = NULL;
    }
    if (scr_out)
        fclose(scr_out);
    if (scr_in)
        fclose(scr_in);
    scr_out = scr_in = NULL;
    scr_cur_y = -1;
}

void
ui_screen_resize(int cols, int rows)
{
    if (scr_headless && cols > 0 && rows > 0)
        resize_term(rows, cols);
    erase();
}

void
ui_screen_clear(void)
{
    erase();
}

int
ui_screen_cols(void)
{
    return COLS;
}

int
ui_screen_rows(void)
{
    return LINES;
}

int
ui_screen_headless(void)
{
    return scr_headless;
}

/* The columns the character in the cell at y, x takes (2 for a wide one). */
static int
scr_cell_width(int y, int x)
{
    wchar_t wch[CCHARW_MAX + 1] = {0};
    cchar_t cc;
    attr_t a;
    short pair;

    if (mvin_wch(y, x, &cc) == ERR || getcchar(&cc, wch, &a, &pair, NULL) == ERR)
        return 1;
    return wch[0] != L'\0' && wcwidth(wch[0]) == 2 ? 2 : 1;
}

/* The column where the character covering column x of row y starts. */
static int
scr_char_start(int y, int x)
{
    int c = 0, w;

    while (c < x) {
        w = scr_cell_width(y, c);
        if (c + w > x)
            return c;
        c += w;
    }
    return c;
}

/* The character a terminal is sure to draw one column wide in place of
 * one it may not. Clerks connect from Windows over SSH, and some of their
 * terminals draw East Asian "ambiguous" marks two columns wide: typed
 * quotes and dashes in a task's text (市级“揭榜挂帅”项目) would then push the
 * rest of the row out of line. On screen only ([ui] plain_marks, on by
 * default); what is stored, printed and exported keeps the marks. */
static int scr_plain_marks = 1;

void
ui_screen_plain_marks(int on)
{
    scr_plain_marks = on;
}

static wchar_t
scr_narrow(wchar_t wc)
{
    if (!scr_plain_marks)
        return wc;
    switch (wc) {
    case 0x2018: /* ‘ ’ ‚ */
    case 0x2019:
    case 0x201A:
        return L'\'';
    case 0x201C: /* “ ” „ */
    case 0x201D:
    case 0x201E:
        return L'"';
    case 0x2013: /* – — ― */
    case 0x2014:
    case 0x2015:
        return L'-';
    case 0x00B7: /* · • … */
    case 0x2022:
    case 0x2026:
        return L'.';
    case 0x00D7: /* × */
        return L'x';
    case 0x2190: /* ← → */
        return L'<';
    case 0x2192:
        return L'>';
    case 0x2264: /* ≤ ≥ */
        return L'<';
    case 0x2265:
        return L'>';
    case 0x2160: /* Ⅰ */
        return L'I';
    case 0x203B: /* ※ ★ ☆ */
    case 0x2605:
    case 0x2606:
        return L'*';
    case 0x25CB: /* ○ ● ◎ */
    case 0x25CF:
    case 0x25CE:
        return L'o';
    default:
        return wc;
    }
}

void
ui_screen_put_attr(int y, int x, int w, const char *text, attr_t attr, enum textw_align align)
{
    const char *p, *end;
    wchar_t *wbuf;
    size_t n = 0;
    char *t;
    int cw, left, right;

    if (w <= 0 || y < 0 || y >= LINES || x < 0 || x >= COLS)
        return;
    if (x + w > COLS)
        w = COLS - x;
    /* A double-width character cut by either edge is blanked whole, as a
     * terminal would; otherwise curses keeps half of it and the edge's
     * own character (a frame) is lost. */
    left = x > 0 ? scr_char_start(y, x) : x;
    right = x + w < COLS ? scr_char_start(y, x + w) : x + w;
    if (left < x)
        mvaddch(y, left, ' ');
    t = textw_fit(text ? text : "", w, align);
    wbuf = xmalloc((strlen(t) + 1) * sizeof *wbuf);
    for (p = t, end = t + strlen(t); p < end;) {
        cw = textw_next(&p, end, &wbuf[n]);
        if (cw == 1)
            wbuf[n] = scr_narrow(wbuf[n]);
        if (cw > 0 || n > 0) /* a mark with no letter before it would join the cell to the left */
            n++;
    }
    wbuf[n] = L'\0';
    attrset((int)attr);
    mvaddnwstr(y, x, wbuf, (int)n);
    attrset(A_NORMAL);
    if (right < x + w)
        mvaddch(y, x + w, ' ');
    free(wbuf);
    free(t);
}

void
ui_screen_put(int y, int x, int w, const char *text, enum ui_role role, enum textw_align align)
{
    ui_screen_put_attr(y, x, w, text, ui_theme_attr(role), align);
}

void
ui_screen_fill(const struct ui_rect *r, enum ui_role role)
{
    int i;

    for (i = 0; i < r->h; i++)
        ui_screen_put(r->y + i, r->x, r->w, "", role, TEXTW_LEFT);
}

void
ui_screen_vline(int y, int x, int h, enum ui_role role)
{
    int i;

    for (i = 0; i < h; i++)
        ui_screen_put(y + i, x, 1, "|", role, TEXTW_LEFT);
}

void
ui_screen_frame(const struct ui_rect *r, enum ui_role role)
{
    struct strbuf b = STRBUF_INIT;
    int i;

    if (r->w < 2 || r->h < 2)
        return;
    strbuf_putc(&b, '+');
    for (i = 0; i < r->w - 2; i++)
        strbuf_putc(&b, '-');
    strbuf_putc(&b, '+');
    ui_screen_put(r->y, r->x, r->w, strbuf_str(&b), role, TEXTW_LEFT);
    ui_screen_put(r->y + r->h - 1, r->x, r->w, strbuf_str(&b), role, TEXTW_LEFT);
    ui_screen_vline(r->y + 1, r->x, r->h - 2, role);
    ui_screen_vline(r->y + 1, r->x + r->w - 1, r->h - 2, role);
    strbuf_free(&b);
}

void
ui_screen_repaint(void)
{
    if (!scr_headless && curscr)
        clearok(curscr, TRUE);
}

void
ui_screen_cursor(int y, int x)
{
    scr_cur_y = y;
    scr_cur_x = x;
}

void
ui_screen_flush(void)
{
    if (scr_cur_y >= 0 && scr_cur_y < LINES && scr_cur_x >= 0 && scr_cur_x < COLS) {
        curs_set(1);
        move(scr_cur_y, scr_cur_x);
    } else {
        curs_set(0);
    }
    if (!scr_headless)
        refresh();
}

/* Appends the cell at y, x to b; returns its width (2 for a wide one). */
static int
scr_cell(struct strbuf *b, int y, int x)
{
    wchar_t wch[CCHARW_MAX + 1] = {0};
    char enc[4];
    cchar_t cc;
    attr_t a;
    short pair;
    int i, w;

    if (mvin_wch(y, x, &cc) == ERR || getcchar(&cc, wch, &a, &pair, NULL) == ERR ||
        wch[0] == L'\0') {
        strbuf_putc(b, ' ');
        return 1;
    }
    for (i = 0; i < CCHARW_MAX && wch[i]; i++)
        strbuf_add(b, enc, textw_encode(wch[i], enc));
    w = wcwidth(wch[0]);
    return w == 2 ? 2 : 1;
}

char *
ui_screen_text(void)
{
    struct strbuf b = STRBUF_INIT;
    int y, x;

    for (y = 0; y < LINES; y++) {
        for (x = 0; x < COLS;)
            x += scr_cell(&b, y, x);
        while (b.len > 0 && b.s[b.len - 1] == ' ')
            b.s[--b.len] = '\0';
        strbuf_putc(&b, '\n');
    }
    return strbuf_take(&b);
}

int
ui_screen_dump(FILE *f)
{
    char *t = ui_screen_text();
    int rc = fputs(t, f) < 0 ? -1 : 0;

    free(t);
    return rc;
}
