/*
 * report_xlsx.c — a report as an Excel workbook through libxlsxwriter.
 *
 * Layout: row 1 is the title (what, as of when, the period), merged across
 * the table; row 2 the bold headers; the data follows. Rows 1–2 are frozen
 * so headers stay in view. Column widths follow the display width of the
 * text (a Chinese character is two columns, as in Excel), within limits;
 * long-text columns wrap. The workbook is written in constant-memory mode,
 * row by row, so a 100,000-row ledger costs little memory.
 */
#include "src/report_xlsx.h"

#include <stdlib.h>
#include <string.h>

#include <xlsxwriter.h>

#include "src/textw.h"
#include "src/xmalloc.h"

#define XLSX_MIN_WIDTH 6
#define XLSX_MAX_WIDTH 40
#define XLSX_LONG_WIDTH 60
#define XLSX_MAX_STRING 32767 /* Excel's limit on one cell's characters */
#define XLSX_SHEET_CHARS 31

struct xlsx_formats {
    lxw_format *title, *header, *integer, *decimal, *wrap;
};

char *
report_xlsx_sheet_name(const struct report *r)
{
    const char *p = r->title, *end = p + strlen(p), *start = p;
    int chars = 0;
    char *name, *q;
    wchar_t wc;

    while (p < end && chars < XLSX_SHEET_CHARS) {
        textw_next(&p, end, &wc);
        chars++;
    }
    name = xstrndup(start, (size_t)(p - start));
    for (q = name; *q; q++) {
        if (strchr("[]:*?/\\'", *q))
            *q = '_';
    }
    if (*name == '\0') {
        free(name);
        name = xstrdup("报表");
    }
    return name;
}

/* Widths in Excel's units (about one per Latin character) for each column. */
static double
xlsx_col_width(const struct report *r, size_t c)
{
    int w = textw_width(r->cols[c].title), cw;
    size_t i;

    if (r->cols[c].kind == REPORT_LONG)
        return XLSX_LONG_WIDTH;
    for (i = 0; i < r->nrows && w < XLSX_MAX_WIDTH; i++) {
        cw = textw_width(report_cell(r, i, c));
        if (cw > w)
            w = cw;
    }
    w += 2;
    if (w < XLSX_MIN_WIDTH)
        w = XLSX_MIN_WIDTH;
    return w > XLSX_MAX_WIDTH ? XLSX_MAX_WIDTH : w;
}

static void
xlsx_make_formats(lxw_workbook *wb, struct xlsx_formats *f)
{
    f->title = workbook_add_format(wb);
    format_set_bold(f->title);
    format_set_font_size(f->title, 14);
    f->header = workbook_add_format(wb);
    format_set_bold(f->header);
    format_set_bg_color(f->header, 0xDDEBF7);
    format_set_border(f->header, LXW_BORDER_THIN);
    format_set_text_wrap(f->header);
    f->integer = workbook_add_format(wb);
    format_set_num_format(f->integer, "0");
    f->decimal = workbook_add_format(wb);
    format_set_num_format(f->decimal, "0.00");
    f->wrap = workbook_add_format(wb);
    format_set_text_wrap(f->wrap);
    format_set_align(f->wrap, LXW_ALIGN_VERTICAL_TOP);
}

/* Writes one cell: numbers as numbers when the text is a number. */
static lxw_error
xlsx_cell(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const char *s, enum report_kind kind,
          const struct xlsx_formats *f)
{
    char *end, *cut;
    double v;
    lxw_error rc;

    if (*s == '\0')
        return LXW_NO_ERROR;
    if (kind == REPORT_INT || kind == REPORT_DEC) {
        v = strtod(s, &end);
        if (end != s && *end == '\0')
            return worksheet_write_number(ws, row, col, v,
                                          kind == REPORT_INT ? f->integer : f->decimal);
    }
    if (strlen(s) <= XLSX_MAX_STRING)
        return worksheet_write_string(ws, row, col, s, kind == REPORT_LONG ? f->wrap : NULL);
    cut = xstrndup(s, textw_prefix(s, XLSX_MAX_STRING, NULL));
    rc = worksheet_write_string(ws, row, col, cut, f->wrap);
    free(cut);
    return rc;
}

/* The title and header rows. */
static lxw_error
xlsx_head(lxw_worksheet *ws, const struct report *r, const struct xlsx_formats *f)
{
    char *heading = report_heading(r);
    lxw_error rc;
    size_t c;

    if (r->ncols > 1)
        rc = worksheet_merge_range(ws, 0, 0, 0, (lxw_col_t)(r->ncols - 1), heading, f->title);
    else
        rc = worksheet_write_string(ws, 0, 0, heading, f->title);
    free(heading);
    worksheet_set_row(ws, 0, 24, NULL);
    for (c = 0; c < r->ncols && rc == LXW_NO_ERROR; c++)
        rc = worksheet_write_string(ws, 1, (lxw_col_t)c, r->cols[c].title, f->header);
    return rc;
}

static lxw_error
xlsx_sheet(lxw_workbook *wb, const struct report *r)
{
    struct xlsx_formats f;
    char *name = report_xlsx_sheet_name(r);
    lxw_worksheet *ws = workbook_add_worksheet(wb, name);
    lxw_error rc = LXW_NO_ERROR;
    size_t i, c;

    free(name);
    if (ws == NULL)
        return LXW_ERROR_MEMORY_MALLOC_FAILED;
    xlsx_make_formats(wb, &f);
    for (c = 0; c < r->ncols; c++)
        worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, xlsx_col_width(r, c), NULL);
    worksheet_freeze_panes(ws, 2, 0);
    rc = xlsx_head(ws, r, &f);
    for (i = 0; i < r->nrows && rc == LXW_NO_ERROR; i++) {
        for (c = 0; c < r->ncols && rc == LXW_NO_ERROR; c++)
            rc = xlsx_cell(ws, (lxw_row_t)(i + 2), (lxw_col_t)c, report_cell(r, i, c),
                           r->cols[c].kind, &f);
    }
    return rc;
}

int
report_xlsx_write(const struct report *r, const char *path, struct err *e)
{
    lxw_workbook_options opt = {.constant_memory = LXW_TRUE, .tmpdir = NULL, .use_zip64 = LXW_TRUE};
    lxw_doc_properties props = {0};
    lxw_workbook *wb = workbook_new_opt(path, &opt);
    lxw_error rc, rc2;

    if (wb == NULL)
        return err_set(e, ERR_IO, "无法创建 Excel 文件 %s。", path);
    props.title = r->title;
    props.comments = r->as_of;
    workbook_set_properties(wb, &props);
    rc = xlsx_sheet(wb, r);
    rc2 = workbook_close(wb); /* always: it frees the workbook */
    if (rc == LXW_NO_ERROR)
        rc = rc2;
    if (rc != LXW_NO_ERROR)
        return err_set(e, ERR_IO, "写入 Excel 文件 %s 失败：%s", path, lxw_strerror(rc));
    return ERR_OK;
}
