/*
 * report_out.c — a report as aligned text or CSV, and saving any format to
 * a file through a temporary name renamed into place.
 */
#include "src/report_out.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "src/csv.h"
#include "src/report_xlsx.h"
#include "src/textw.h"
#include "src/xmalloc.h"

#define REPORT_TEXT_COLS 30 /* widest a short-text column grows in text output */
#define REPORT_LONG_COLS 50 /* widest a long-text column grows */

static const char *const report_fmt_names[] = {"text", "csv", "xlsx"};

int
report_format_parse(const char *s, enum report_format *out, struct err *e)
{
    size_t i;

    for (i = 0; i < sizeof report_fmt_names / sizeof report_fmt_names[0]; i++) {
        if (s && strcmp(s, report_fmt_names[i]) == 0) {
            *out = (enum report_format)i;
            return ERR_OK;
        }
    }
    return err_field(e, ERR_INVALID, "format", "输出格式“%s”无法识别，可选 xlsx、csv 或 text。",
                     s ? s : "");
}

const char *
report_format_ext(enum report_format f)
{
    return f == REPORT_FMT_TEXT ? "txt" : report_fmt_names[f];
}

/* The widest a column of kind may grow in text output. */
static int
report_col_cap(enum report_kind kind, int max_cols)
{
    if (kind == REPORT_LONG)
        return max_cols > 0 ? max_cols : REPORT_LONG_COLS;
    if (kind == REPORT_TEXT)
        return max_cols > 0 && max_cols < REPORT_TEXT_COLS ? max_cols : REPORT_TEXT_COLS;
    return 20;
}

/* Display widths of every column: the widest of header and cells, capped. */
static int *
report_col_widths(const struct report *r, int max_cols)
{
    int *w = xcalloc(r->ncols ? r->ncols : 1, sizeof *w);
    size_t i, c;
    int cw, cap;

    for (c = 0; c < r->ncols; c++) {
        w[c] = textw_width(r->cols[c].title);
        cap = report_col_cap(r->cols[c].kind, max_cols);
        for (i = 0; i < r->nrows && w[c] < cap; i++) {
            cw = textw_width(report_cell(r, i, c));
            if (cw > w[c])
                w[c] = cw < cap ? cw : cap;
        }
        if (w[c] < 1)
            w[c] = 1;
    }
    return w;
}

/* The lines s wraps into at cols columns; the caller frees the array. */
static struct textw_line *
report_wrap(const char *s, int cols, size_t *n)
{
    size_t need = textw_wrap(s, cols, NULL, 0);
    struct textw_line *l = xcalloc(need ? need : 1, sizeof *l);

    *n = textw_wrap(s, cols, l, need);
    return l;
}

/* Appends one table row (cells[c]) as one or more lines. */
static void
report_text_row(struct strbuf *out, const struct report *r, const char *const *cells, const int *w)
{
    struct textw_line **lines = xcalloc(r->ncols, sizeof *lines);
    size_t *nl = xcalloc(r->ncols, sizeof *nl), height = 1, k, c;

    for (c = 0; c < r->ncols; c++) {
        lines[c] = report_wrap(cells[c], w[c], &nl[c]);
        if (nl[c] > height)
            height = nl[c];
    }
    for (k = 0; k < height; k++) {
        for (c = 0; c < r->ncols; c++) {
            int num = r->cols[c].kind == REPORT_INT || r->cols[c].kind == REPORT_DEC;
            char *piece =
                k < nl[c] ? xstrndup(cells[c] + lines[c][k].off, lines[c][k].len) : xstrdup("");
            char *fit = textw_fit(piece, w[c], num ? TEXTW_RIGHT : TEXTW_LEFT);

            strbuf_puts(out, c ? "  " : "");
            strbuf_puts(out, fit);
            free(fit);
            free(piece);
        }
        while (out->len > 0 && out->s[out->len - 1] == ' ') /* no trailing blanks */
            out->s[--out->len] = '\0';
        strbuf_putc(out, '\n');
    }
    for (c = 0; c < r->ncols; c++)
        free(lines[c]);
    free(lines);
    free(nl);
}

void
report_text(const struct report *r, int max_cols, struct strbuf *out)
{
    int *w = report_col_widths(r, max_cols);
    const char **hdr = xcalloc(r->ncols ? r->ncols : 1, sizeof *hdr);
    char *heading = report_heading(r);
    size_t i, c;
    int total = 0;

    strbuf_printf(out, "%s\n\n", heading);
    for (c = 0; c < r->ncols; c++) {
        hdr[c] = r->cols[c].title;
        total += w[c] + (c ? 2 : 0);
    }
    report_text_row(out, r, hdr, w);
    for (i = 0; i < (size_t)total; i++)
        strbuf_putc(out, '-');
    strbuf_putc(out, '\n');
    for (i = 0; i < r->nrows; i++)
        report_text_row(out, r, (const char *const *)&r->cells[i * r->ncols], w);
    if (r->nrows == 0)
        strbuf_puts(out, "（无记录）\n");
    free(heading);
    free(hdr);
    free(w);
}

void
report_csv(const struct report *r, struct strbuf *out)
{
    const char **hdr = xcalloc(r->ncols ? r->ncols : 1, sizeof *hdr);
    size_t i, c;

    strbuf_puts(out, CSV_BOM);
    for (c = 0; c < r->ncols; c++)
        hdr[c] = r->cols[c].title;
    csv_write_row(out, hdr, r->ncols);
    for (i = 0; i < r->nrows; i++)
        csv_write_row(out, (const char *const *)&r->cells[i * r->ncols], r->ncols);
    free(hdr);
}

/* Creates a temporary file beside path; *tmp gets its name (caller frees). */
static int
report_tmp_open(const char *path, char **tmp, struct err *e)
{
    mode_t mask = umask(0);
    int fd;

    umask(mask);
    *tmp = xasprintf("%s.tmp-XXXXXX", path);
    fd = mkstemp(*tmp);
    if (fd < 0) {
        err_set(e, ERR_IO, "无法在 %s 所在的目录写入文件：%s", path, strerror(errno));
        free(*tmp);
        *tmp = NULL;
        return -1;
    }
    (void)fchmod(fd, 0666 & ~mask);
    return fd;
}

/* Writes all of buf to fd and flushes it to disk. */
static int
report_write_fd(int fd, const char *buf, size_t n, const char *path, struct err *e)
{
    ssize_t w;

    while (n > 0) {
        w = write(fd, buf, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return err_set(e, ERR_IO, "写入 %s 失败：%s", path, strerror(errno));
        buf += w;
        n -= (size_t)w;
    }
    if (fsync(fd) != 0)
        return err_set(e, ERR_IO, "写入 %s 失败：%s", path, strerror(errno));
    return ERR_OK;
}

/* Flushes the file a library wrote under name to disk. */
static int
report_sync_file(const char *name, const char *path, struct err *e)
{
    int fd = open(name, O_RDONLY), rc = ERR_OK;

    if (fd < 0 || fsync(fd) != 0)
        rc = err_set(e, ERR_IO, "写入 %s 失败：%s", path, strerror(errno));
    if (fd >= 0)
        close(fd);
    return rc;
}

int
report_save(const struct report *r, enum report_format f, const char *path, struct err *e)
{
    struct strbuf b = STRBUF_INIT;
    char *tmp = NULL;
    int fd, rc;

    if (path == NULL || *path == '\0')
        return err_field(e, ERR_INVALID, "output", "没有指定输出文件。");
    if ((fd = report_tmp_open(path, &tmp, e)) < 0)
        return ERR_IO;
    if (f == REPORT_FMT_XLSX) {
        close(fd);
        rc = report_xlsx_write(r, tmp, e);
        if (rc == ERR_OK)
            rc = report_sync_file(tmp, path, e);
    } else {
        if (f == REPORT_FMT_CSV)
            report_csv(r, &b);
        else
            report_text(r, 0, &b);
        rc = report_write_fd(fd, b.s ? b.s : "", b.len, path, e);
        if (close(fd) != 0 && rc == ERR_OK)
            rc = err_set(e, ERR_IO, "写入 %s 失败：%s", path, strerror(errno));
        strbuf_free(&b);
    }
    if (rc == ERR_OK && rename(tmp, path) != 0)
        rc = err_set(e, ERR_IO, "无法保存 %s：%s", path, strerror(errno));
    if (rc != ERR_OK)
        unlink(tmp);
    free(tmp);
    return rc;
}
