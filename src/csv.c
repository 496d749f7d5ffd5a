/*
 * csv.c — the CSV reader and writer.
 *
 * The reader first turns the input into one UTF-8 buffer it owns (checking
 * it, or converting GB18030/UTF-16 with iconv), then parses records in place:
 * a field's unquoted text is never longer than its raw bytes, so it is
 * written back over them and NUL-terminated where its delimiter was. No
 * allocation per field, hence no limit on a field's length but memory.
 *
 * Leniency, because offices edit these files by hand: a quote inside an
 * unquoted field is kept as a character (a"b is the field a"b), and text
 * after a closing quote is kept too ("ab"c is abc). The only error is a
 * quoted field still open at the end of the file.
 */
#include "src/csv.h"

#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "src/textw.h"
#include "src/xmalloc.h"

struct csv_reader {
    char *buf; /* UTF-8 text, parsed in place; buf[len] is NUL */
    size_t len;
    size_t pos;
    long line; /* physical line at pos */
    char **fields;
    size_t cap;
    const char *encoding;
    int failed;
};

/* ---- turning the input into UTF-8 ---- */

/* Returns the offset of the first byte of s that is not valid UTF-8, or n. */
static size_t
csv_utf8_bad(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0, k;

    while (i < n) {
        if (u[i] < 0x80) {
            i++;
            continue;
        }
        if ((k = textw_utf8_step((const char *)(u + i), n - i)) == 0)
            return i;
        i += k;
    }
    return n;
}

/* Returns the physical line (from 1) of offset at in s. */
static long
csv_line_at(const char *s, size_t at)
{
    long line = 1;
    size_t i;

    for (i = 0; i < at; i++) {
        if (s[i] == '\n' || (s[i] == '\r' && (i + 1 >= at || s[i + 1] != '\n')))
            line++;
    }
    return line;
}

/* Converts s[0..n) from the encoding from into a malloc'd UTF-8 buffer
 * (NUL-terminated, length in *out_len); NULL with the offset of the first
 * byte that would not convert in *bad. */
static char *
csv_iconv(const char *from, const char *s, size_t n, size_t *out_len, size_t *bad)
{
    iconv_t cd = iconv_open("UTF-8", from);
    size_t cap = n * 2 + 16, left = n, room, done;
    char *out, *in = (char *)(uintptr_t)s, *w;

    *bad = 0;
    if (cd == (iconv_t)-1)
        return NULL;
    out = xmalloc(cap);
    w = out;
    room = cap - 1;
    while (left > 0) {
        if (iconv(cd, &in, &left, &w, &room) != (size_t)-1)
            continue;
        if (errno != E2BIG) {
            *bad = n - left;
            free(out);
            out = NULL;
            break;
        }
        done = (size_t)(w - out);
        cap *= 2;
        out = xrealloc(out, cap);
        w = out + done;
        room = cap - done - 1;
    }
    iconv_close(cd);
    if (out) {
        *w = '\0';
        *out_len = (size_t)(w - out);
    }
    return out;
}

/* Refuses a spreadsheet workbook passed for a CSV file, saying what to do. */
static int
csv_refuse_workbook(const char *data, size_t len, struct err *e)
{
    if (len >= 4 && memcmp(data, "PK\x03\x04", 4) == 0)
        return err_set(e, ERR_INVALID,
                       "这是 Excel/WPS 工作簿（.xlsx），不是 CSV 文件：请在 Excel "
                       "或 WPS 中“另存为”CSV（逗号分隔）后再导入。");
    if (len >= 4 && memcmp(data, "\xd0\xcf\x11\xe0", 4) == 0)
        return err_set(e, ERR_INVALID,
                       "这是旧版 Excel 工作簿（.xls），不是 CSV 文件：请在 Excel "
                       "或 WPS 中“另存为”CSV（逗号分隔）后再导入。");
    return ERR_OK;
}

/* Returns the input as a malloc'd UTF-8 buffer (length in *n), naming its
 * encoding in *enc; NULL with e filled when it is not text we can read. */
static char *
csv_decode(const char *data, size_t len, size_t *n, const char **enc, struct err *e)
{
    size_t bad;
    char *buf;

    if (len >= 2 && (memcmp(data, "\xff\xfe", 2) == 0 || memcmp(data, "\xfe\xff", 2) == 0)) {
        *enc = "UTF-16";
        if ((buf = csv_iconv("UTF-16", data, len, n, &bad)) == NULL)
            err_set(e, ERR_INVALID, "文件的 UTF-16 编码有误（第 %zu 字节处），无法读取。", bad + 1);
        return buf;
    }
    *enc = "UTF-8";
    bad = csv_utf8_bad(data, len);
    if (bad == len) {
        buf = xstrndup(data, len);
        *n = len;
        return buf;
    }
    if (len >= 3 && memcmp(data, CSV_BOM, 3) == 0) {
        err_set(e, ERR_INVALID,
                "第 %ld 行：文件以 UTF-8 标记开头，但这里的字节不是有效的 UTF-8，"
                "文件可能已损坏。",
                csv_line_at(data, bad));
        return NULL;
    }
    *enc = "GB18030";
    if ((buf = csv_iconv("GB18030", data, len, n, &bad)) == NULL)
        err_set(e, ERR_INVALID, "第 %ld 行：文件既不是 UTF-8 也不是 GB18030（GBK）编码，无法读取。",
                csv_line_at(data, bad));
    return buf;
}

struct csv_reader *
csv_reader_new(const char *data, size_t len, struct err *e)
{
    struct csv_reader *r;
    const char *enc, *nul;
    size_t n;
    char *buf;

    if (csv_refuse_workbook(data, len, e) != ERR_OK)
        return NULL;
    if ((buf = csv_decode(len ? data : "", len, &n, &enc, e)) == NULL)
        return NULL;
    if ((nul = memchr(buf, '\0', n)) != NULL) {
        err_set(e, ERR_INVALID, "第 %ld 行含有 NUL 字节：这不像是文本 CSV 文件。",
                csv_line_at(buf, (size_t)(nul - buf)));
        free(buf);
        return NULL;
    }
    r = xcalloc(1, sizeof *r);
    r->buf = buf;
    r->len = n;
    r->pos = n >= 3 && memcmp(buf, CSV_BOM, 3) == 0 ? 3 : 0;
    r->line = 1;
    r->encoding = enc;
    return r;
}

struct csv_reader *
csv_reader_open(const char *path, struct err *e)
{
    struct strbuf b = STRBUF_INIT;
    struct csv_reader *r;
    char chunk[65536];
    struct err why = {0};
    struct stat sb;
    FILE *f = NULL;
    size_t got;
    int bad;

    if (stat(path, &sb) == 0 && S_ISDIR(sb.st_mode))
        errno = EISDIR;
    else
        f = fopen(path, "rb");
    if (f == NULL) {
        err_set(e, ERR_IO, "无法打开文件 %s：%s。", path,
                errno == ENOENT   ? "文件不存在"
                : errno == EACCES ? "没有读取权限"
                : errno == EISDIR ? "这是一个目录"
                                  : strerror(errno));
        return NULL;
    }
    while ((got = fread(chunk, 1, sizeof chunk, f)) > 0)
        strbuf_add(&b, chunk, got);
    bad = ferror(f);
    fclose(f);
    if (bad) {
        strbuf_free(&b);
        err_set(e, ERR_IO, "读取文件 %s 时出错。", path);
        return NULL;
    }
    r = csv_reader_new(b.s ? b.s : "", b.len, &why);
    strbuf_free(&b);
    if (r == NULL)
        err_set(e, why.code, "文件 %s %s", path, why.msg);
    return r;
}

void
csv_reader_free(struct csv_reader *r)
{
    if (r == NULL)
        return;
    free(r->buf);
    free(r->fields);
    free(r);
}

const char *
csv_reader_encoding(const struct csv_reader *r)
{
    return r->encoding;
}

/* ---- reading records ---- */

/* Consumes a line break (CRLF, LF or CR) at r->pos if there is one; returns 1 if so. */
static int
csv_eat_break(struct csv_reader *r)
{
    char c = r->buf[r->pos];

    if (c != '\n' && c != '\r')
        return 0;
    r->pos += (c == '\r' && r->buf[r->pos + 1] == '\n') ? 2 : 1;
    r->line++;
    return 1;
}

/* Copies a quoted field's text to *w, from just after its opening quote to
 * just after its closing quote; line breaks inside become "\n". Returns -1
 * when the file ends first. */
static int
csv_quoted(struct csv_reader *r, char **w)
{
    char *buf = r->buf, c;

    for (;;) {
        if (r->pos >= r->len)
            return -1;
        c = buf[r->pos];
        if (c == '"') {
            r->pos++;
            if (buf[r->pos] != '"')
                return 0;
            r->pos++;
            *(*w)++ = '"';
        } else if (c == '\n' || c == '\r') {
            csv_eat_break(r);
            *(*w)++ = '\n';
        } else {
            *(*w)++ = c;
            r->pos++;
        }
    }
}

/* Appends a field pointer to the row being read. */
static void
csv_push(struct csv_reader *r, size_t n, char *field)
{
    if (n == r->cap) {
        r->cap = r->cap ? r->cap * 2 : 32;
        r->fields = xrealloc(r->fields, r->cap * sizeof *r->fields);
    }
    r->fields[n] = field;
}

int
csv_next(struct csv_reader *r, struct csv_row *row, struct err *e)
{
    char *buf = r->buf, *w;
    size_t n = 0;
    long open;
    char c;

    if (r->failed)
        return err_set(e, ERR_INVALID, "文件已因错误停止读取。"), -1;
    while (csv_eat_break(r))
        ;
    if (r->pos >= r->len)
        return 0;
    row->line = r->line;
    for (;;) {
        w = buf + r->pos;
        csv_push(r, n, w);
        n++;
        if (buf[r->pos] == '"') {
            open = r->line;
            r->pos++;
            if (csv_quoted(r, &w) < 0) {
                r->failed = 1;
                err_set(e, ERR_INVALID,
                        "第 %ld 行：引号没有闭合，这个带引号的字段直到文件末尾"
                        "都没有结束的引号。",
                        open);
                return -1;
            }
        }
        while ((c = buf[r->pos]) != ',' && c != '\n' && c != '\r' && r->pos < r->len) {
            *w++ = c;
            r->pos++;
        }
        /* The NUL may land on the delimiter just read: go by c from here on. */
        *w = '\0';
        if (r->pos >= r->len)
            break;
        r->pos++;
        if (c != ',') {
            r->pos += c == '\r' && buf[r->pos] == '\n';
            r->line++;
            break;
        }
    }
    row->n = n;
    row->fields = r->fields;
    return 1;
}

/* ---- writing and headers ---- */

/* Returns 1 when field must be quoted: a delimiter, quote or line break in it,
 * space at either end, or a leading U+FEFF a reader would take for a mark. */
static int
csv_needs_quotes(const char *f)
{
    size_t n = strlen(f);

    if (n == 0)
        return 0;
    return strpbrk(f, ",\"\r\n") != NULL || f[0] == ' ' || f[0] == '\t' || f[n - 1] == ' ' ||
           f[n - 1] == '\t' || strncmp(f, CSV_BOM, 3) == 0;
}

void
csv_write_row(struct strbuf *out, const char *const *fields, size_t n)
{
    const char *f, *q;
    size_t i;

    for (i = 0; i < n; i++) {
        f = fields[i] ? fields[i] : "";
        if (i > 0)
            strbuf_putc(out, ',');
        if (!csv_needs_quotes(f)) {
            strbuf_puts(out, f);
            continue;
        }
        strbuf_putc(out, '"');
        while ((q = strchr(f, '"')) != NULL) {
            strbuf_add(out, f, (size_t)(q - f + 1));
            strbuf_putc(out, '"');
            f = q + 1;
        }
        strbuf_puts(out, f);
        strbuf_putc(out, '"');
    }
    /* A lone empty field would read back as a blank line, which readers skip. */
    if (n == 1 && (fields[0] == NULL || fields[0][0] == '\0'))
        strbuf_puts(out, "\"\"");
    strbuf_puts(out, "\r\n");
}

/* Returns 1 when s, without ASCII or ideographic spaces around it, equals name. */
static int
csv_same_header(const char *s, const char *name)
{
    size_t n = strlen(s);

    for (;;) {
        if (n > 0 && (*s == ' ' || *s == '\t'))
            s++, n--;
        else if (n >= 3 && strncmp(s, "\xe3\x80\x80", 3) == 0)
            s += 3, n -= 3;
        else if (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
            n--;
        else if (n >= 3 && strncmp(s + n - 3, "\xe3\x80\x80", 3) == 0)
            n -= 3;
        else
            break;
    }
    return strlen(name) == n && strncmp(s, name, n) == 0;
}

long
csv_header_find(const struct csv_row *hdr, const char *const *names)
{
    const char *const *name;
    size_t i;

    for (i = 0; i < hdr->n; i++) {
        for (name = names; *name; name++) {
            if (csv_same_header(hdr->fields[i], *name))
                return (long)i;
        }
    }
    return -1;
}
