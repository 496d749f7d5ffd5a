/*
 * report_out.h — writing a report: plain text aligned in display columns,
 * CSV (UTF-8 with BOM) and Excel .xlsx, to a buffer or to a file.
 *
 * Files are written under a temporary name in the target's folder and
 * renamed into place only when complete, so a failed export never leaves
 * half a file where the user expects the report.
 */
#ifndef TUWEI_REPORT_OUT_H
#define TUWEI_REPORT_OUT_H

#include "src/err.h"
#include "src/report.h"
#include "src/strbuf.h"

enum report_format {
    REPORT_FMT_TEXT,
    REPORT_FMT_CSV,
    REPORT_FMT_XLSX,
};

/* Reads "text", "csv" or "xlsx" into *out; ERR_INVALID naming the choices. */
int report_format_parse(const char *s, enum report_format *out, struct err *e);

/* The usual file extension of a format, without the dot ("xlsx"). */
const char *report_format_ext(enum report_format f);

/* Appends r as text: its heading, then the table with columns aligned in
 * display columns (numbers right-aligned, long cells wrapped within their
 * column up to max_cols columns of text per cell; 0 for the default). */
void report_text(const struct report *r, int max_cols, struct strbuf *out);

/* Appends r as CSV: the byte-order mark, the header row, the rows. */
void report_csv(const struct report *r, struct strbuf *out);

/* Writes r to path in format f through a temporary file renamed into
 * place. ERR_IO with the path and reason when it cannot. */
int report_save(const struct report *r, enum report_format f, const char *path, struct err *e);

#endif
