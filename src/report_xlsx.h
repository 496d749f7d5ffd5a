/*
 * report_xlsx.h — a report as an Excel workbook (libxlsxwriter): one sheet
 * named after the report, a title row saying what and as of when, a bold
 * frozen header row, numbers as numbers, columns as wide as their text.
 */
#ifndef TUWEI_REPORT_XLSX_H
#define TUWEI_REPORT_XLSX_H

#include "src/err.h"
#include "src/report.h"

/* Writes r as .xlsx to path (replacing it). ERR_IO when it cannot; the
 * file may then be incomplete: report_save writes through a temporary. */
int report_xlsx_write(const struct report *r, const char *path, struct err *e);

/* The sheet name used for r: its title, cut to Excel's 31 characters with
 * the characters Excel forbids replaced. The caller frees it. */
char *report_xlsx_sheet_name(const struct report *r);

#endif
