/*
 * csv.h — reading and writing the CSV files offices keep (RFC 4180).
 *
 * The reader takes UTF-8 with or without a byte-order mark, GB18030/GBK (what
 * Excel and WPS save on a Chinese Windows), or UTF-16 with a byte-order mark,
 * and always hands out UTF-8. Records end in CRLF, LF or a lone CR; a quoted
 * field may hold commas, doubled quotes and line breaks (given back as "\n").
 * Blank lines are skipped. The writer quotes only where needed and ends
 * records in CRLF; start a file with CSV_BOM so that Excel and WPS show
 * Chinese text intact.
 */
#ifndef TUWEI_CSV_H
#define TUWEI_CSV_H

#include <stddef.h>

#include "src/err.h"
#include "src/strbuf.h"

/* The UTF-8 byte-order mark, for files Excel or WPS must open. */
#define CSV_BOM "\xef\xbb\xbf"

struct csv_reader;

/* One record. fields[0..n) are NUL-terminated UTF-8, owned by the reader and
 * valid until the next csv_next or csv_reader_free; line is the physical
 * line (from 1) where the record starts, for messages. */
struct csv_row {
    size_t n;
    char **fields;
    long line;
};

/* Returns a reader over a copy of data[0..len), or NULL and ERR_INVALID when
 * the bytes are not text in a known encoding (message says why, with a line). */
struct csv_reader *csv_reader_new(const char *data, size_t len, struct err *e);

/* Returns a reader over the file path, or NULL (ERR_IO, ERR_INVALID). */
struct csv_reader *csv_reader_open(const char *path, struct err *e);

/* Frees r; NULL is a no-op. */
void csv_reader_free(struct csv_reader *r);

/* Returns the encoding the input was read in: "UTF-8", "GB18030" or "UTF-16". */
const char *csv_reader_encoding(const struct csv_reader *r);

/* Reads the next record into row: 1 for a record, 0 at the end, -1 with e
 * filled (a quote left open at the end of the file); after -1, always -1. */
int csv_next(struct csv_reader *r, struct csv_row *row, struct err *e);

/* Appends one record of n fields to out, quoting a field only when it needs
 * it, and CRLF. A NULL field is written empty. */
void csv_write_row(struct strbuf *out, const char *const *fields, size_t n);

/* Returns the index of the first column of hdr whose header, without spaces
 * around it, equals one of names (a NULL-terminated list), or -1. */
long csv_header_find(const struct csv_row *hdr, const char *const *names);

#endif
