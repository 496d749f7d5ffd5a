/*
 * fuzz_csv.c — the CSV reader on arbitrary bytes. It must never crash or
 * leak; every field it gives is valid UTF-8; record lines never go back;
 * and when it reads a whole input, writing those records with csv_write_row
 * and reading them again gives the very same records.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "src/csv.h"
#include "src/strbuf.h"
#include "src/xmalloc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The records of one reading, copied. */
struct fuzz_rows {
    size_t n;
    size_t *nfields;
    char ***fields;
};

/* Returns 1 when s is valid UTF-8 (written apart from csv.c on purpose). */
static int
fuzz_utf8(const unsigned char *s)
{
    unsigned int cp, min;
    int more;

    while (*s) {
        if (*s < 0x80) {
            s++;
            continue;
        }
        if ((*s & 0xe0) == 0xc0)
            more = 1, cp = *s & 0x1fu, min = 0x80;
        else if ((*s & 0xf0) == 0xe0)
            more = 2, cp = *s & 0x0fu, min = 0x800;
        else if ((*s & 0xf8) == 0xf0)
            more = 3, cp = *s & 0x07u, min = 0x10000;
        else
            return 0;
        for (s++; more > 0; more--, s++) {
            if ((*s & 0xc0) != 0x80)
                return 0;
            cp = (cp << 6) | (*s & 0x3fu);
        }
        if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
            return 0;
    }
    return 1;
}

/* Reads every record of data into rows; returns csv_next's last result (0 or -1). */
static int
fuzz_read(const char *data, size_t size, struct fuzz_rows *rows)
{
    struct err e = {0};
    struct csv_reader *r = csv_reader_new(data, size, &e);
    struct csv_row row;
    long line = 0;
    size_t i;
    int rc;

    memset(rows, 0, sizeof *rows);
    if (r == NULL) {
        if (e.code != ERR_INVALID || e.msg[0] == '\0')
            abort();
        return -1;
    }
    while ((rc = csv_next(r, &row, &e)) == 1) {
        if (row.n == 0 || row.line <= line)
            abort();
        line = row.line;
        rows->nfields = xrealloc(rows->nfields, (rows->n + 1) * sizeof *rows->nfields);
        rows->fields = xrealloc(rows->fields, (rows->n + 1) * sizeof *rows->fields);
        rows->nfields[rows->n] = row.n;
        rows->fields[rows->n] = xcalloc(row.n, sizeof(char *));
        for (i = 0; i < row.n; i++) {
            if (!fuzz_utf8((const unsigned char *)row.fields[i]))
                abort();
            rows->fields[rows->n][i] = xstrdup(row.fields[i]);
        }
        rows->n++;
    }
    if (rc == -1 && (e.msg[0] == '\0' || csv_next(r, &row, &e) != -1))
        abort();
    csv_reader_free(r);
    return rc;
}

static void
fuzz_free(struct fuzz_rows *rows)
{
    size_t i, j;

    for (i = 0; i < rows->n; i++) {
        for (j = 0; j < rows->nfields[i]; j++)
            free(rows->fields[i][j]);
        free(rows->fields[i]);
    }
    free(rows->fields);
    free(rows->nfields);
}

/* Writes rows as CSV and checks that reading the result gives them back. */
static void
fuzz_round_trip(const struct fuzz_rows *rows)
{
    struct strbuf out = STRBUF_INIT;
    struct fuzz_rows again;
    size_t i, j;

    strbuf_puts(&out, CSV_BOM);
    for (i = 0; i < rows->n; i++)
        csv_write_row(&out, (const char *const *)rows->fields[i], rows->nfields[i]);
    if (fuzz_read(out.s, out.len, &again) != 0 || again.n != rows->n)
        abort();
    for (i = 0; i < rows->n; i++) {
        if (again.nfields[i] != rows->nfields[i])
            abort();
        for (j = 0; j < rows->nfields[i]; j++) {
            if (strcmp(again.fields[i][j], rows->fields[i][j]) != 0)
                abort();
        }
    }
    fuzz_free(&again);
    strbuf_free(&out);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct fuzz_rows rows;

    if (fuzz_read((const char *)data, size, &rows) == 0)
        fuzz_round_trip(&rows);
    fuzz_free(&rows);
    return 0;
}
