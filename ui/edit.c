/*
 * edit.c — the text editor behind fields and prompts (no curses here, so
 * its behaviour is unit-tested directly).
 */
#include "ui/edit.h"

#include <stdlib.h>
#include <string.h>

#include "src/keys.h"
#include "src/textw.h"
#include "src/xmalloc.h"

void
ui_edit_init(struct ui_edit *ed, const char *text, int multiline)
{
    memset(ed, 0, sizeof *ed);
    ed->multiline = multiline;
    ui_edit_set(ed, text);
}

void
ui_edit_free(struct ui_edit *ed)
{
    strbuf_free(&ed->text);
}

void
ui_edit_set(struct ui_edit *ed, const char *text)
{
    strbuf_reset(&ed->text);
    strbuf_puts(&ed->text, text ? text : "");
    ed->cur = ed->text.len;
    ed->scroll = 0;
}

const char *
ui_edit_text(const struct ui_edit *ed)
{
    return strbuf_str(&ed->text);
}

/* Removes bytes [from, to) of the text and puts the cursor at from. */
static void
edit_cut(struct ui_edit *ed, size_t from, size_t to)
{
    if (to <= from)
        return;
    memmove(ed->text.s + from, ed->text.s + to, ed->text.len - to + 1);
    ed->text.len -= to - from;
    ed->cur = from;
}

void
ui_edit_insert(struct ui_edit *ed, const char *s)
{
    size_t n = strlen(s), tail = ed->text.len - ed->cur;
    char *rest = xstrndup(ui_edit_text(ed) + ed->cur, tail);

    ed->text.len = ed->cur;
    strbuf_add(&ed->text, s, n);
    strbuf_add(&ed->text, rest, tail);
    ed->cur += n;
    free(rest);
}

/* Inserts the character key (a code point). */
static void
edit_insert_char(struct ui_edit *ed, int key)
{
    char enc[5] = {0};

    enc[textw_encode((wchar_t)key, enc)] = '\0';
    ui_edit_insert(ed, enc);
}

/* Start of the line holding byte pos. */
static size_t
edit_line_start(const struct ui_edit *ed, size_t pos)
{
    while (pos > 0 && ed->text.s[pos - 1] != '\n')
        pos--;
    return pos;
}

/* End of the line holding byte pos (at its '\n' or the text's end). */
static size_t
edit_line_end(const struct ui_edit *ed, size_t pos)
{
    while (pos < ed->text.len && ed->text.s[pos] != '\n')
        pos++;
    return pos;
}

/* The byte offset in the line starting at start nearest column col. */
static size_t
edit_at_col(const struct ui_edit *ed, size_t start, int col)
{
    size_t end = edit_line_end(ed, start), pos = start, next;

    while (pos < end) {
        next = textw_next_char(ed->text.s, end, pos);
        if (textw_width_n(ed->text.s + start, next - start) > col)
            break;
        pos = next;
    }
    return pos;
}

/* Moves the cursor one line up (dir < 0) or down, keeping its column. */
static int
edit_vertical(struct ui_edit *ed, int dir)
{
    size_t start = edit_line_start(ed, ed->cur), end = edit_line_end(ed, ed->cur);
    int col = ui_edit_cursor_col(ed);

    if (dir < 0 && start == 0)
        return 1;
    if (dir > 0 && end >= ed->text.len)
        return 1;
    start = dir < 0 ? edit_line_start(ed, start - 1) : end + 1;
    ed->cur = edit_at_col(ed, start, col);
    return 1;
}

/* Keys that move the cursor; 1 when key was one. */
static int
edit_move(struct ui_edit *ed, int key)
{
    size_t len = ed->text.len;

    if (key == KEYS_LEFT)
        ed->cur = textw_prev_char(ui_edit_text(ed), ed->cur);
    else if (key == KEYS_RIGHT)
        ed->cur = textw_next_char(ui_edit_text(ed), len, ed->cur);
    else if (key == KEYS_HOME || key == KEYS_CTRL('a'))
        ed->cur = ed->multiline ? edit_line_start(ed, ed->cur) : 0;
    else if (key == KEYS_END || key == KEYS_CTRL('e'))
        ed->cur = ed->multiline ? edit_line_end(ed, ed->cur) : len;
    else if (ed->multiline && (key == KEYS_UP || key == KEYS_DOWN))
        return edit_vertical(ed, key == KEYS_UP ? -1 : 1);
    else
        return 0;
    return 1;
}

int
ui_edit_key(struct ui_edit *ed, int key)
{
    const char *s = ui_edit_text(ed);

    if (edit_move(ed, key))
        return 1;
    if (key == KEYS_BACKSPACE)
        edit_cut(ed, textw_prev_char(s, ed->cur), ed->cur);
    else if (key == KEYS_DELETE)
        edit_cut(ed, ed->cur, textw_next_char(s, ed->text.len, ed->cur));
    else if (key == KEYS_CTRL('u'))
        edit_cut(ed, ed->multiline ? edit_line_start(ed, ed->cur) : 0, ed->cur);
    else if (key == KEYS_CTRL('k'))
        edit_cut(ed, ed->cur, ed->multiline ? edit_line_end(ed, ed->cur) : ed->text.len);
    else if (ed->multiline && key == KEYS_ENTER)
        edit_insert_char(ed, '\n');
    else if (key >= 0x20 && key != 0x7f && key < KEYS_BASE && !(key >= 0x80 && key < 0xa0))
        edit_insert_char(ed, key);
    else
        return 0;
    return 1;
}

int
ui_edit_cursor_col(const struct ui_edit *ed)
{
    size_t start = ed->multiline ? edit_line_start(ed, ed->cur) : 0;

    return textw_width_n(ui_edit_text(ed) + start, ed->cur - start);
}

int
ui_edit_cursor_line(const struct ui_edit *ed)
{
    size_t i;
    int n = 0;

    for (i = 0; i < ed->cur; i++)
        n += ed->text.s[i] == '\n';
    return n;
}

char *
ui_edit_view(struct ui_edit *ed, int w, int *cursor_x)
{
    struct strbuf b = STRBUF_INIT;
    const char *s = ui_edit_text(ed);
    int col = ui_edit_cursor_col(ed), skipped, used = 0, vis;
    size_t from, n;
    char *slice, *clean;

    if (w < 1)
        w = 1;
    if (col < ed->scroll)
        ed->scroll = col;
    if (col >= ed->scroll + w)
        ed->scroll = col - w + 1;
    /* Skip whole characters up to the scroll column; a wide one cut by it
     * is left out and its visible half shown as a space. */
    from = textw_prefix(s, ed->scroll, &skipped);
    if (skipped < ed->scroll) {
        from = textw_next_char(s, ed->text.len, from);
        strbuf_putc(&b, ' ');
        used = 1;
    }
    n = textw_prefix(s + from, w - used, &vis);
    slice = xstrndup(s + from, n);
    clean = textw_clean(slice);
    strbuf_puts(&b, clean);
    for (vis += used; vis < w; vis++)
        strbuf_putc(&b, ' ');
    free(slice);
    free(clean);
    *cursor_x = col - ed->scroll;
    return strbuf_take(&b);
}
