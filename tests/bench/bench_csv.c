/*
 * bench_csv.c — how fast the CSV module reads and writes an office-sized
 * file: 100,000 records of 20 fields (Chinese names, codes, numbers, some
 * quoted text), as UTF-8 and as GB18030. Prints figures, not verdicts.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "src/csv.h"
#include "src/strbuf.h"

int main(void);

static double
bench_now(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Writes the test file with csv_write_row; returns its size. */
static size_t
bench_write(struct strbuf *out, long rows)
{
    char a[32], b[32], c[32];
    const char *f[20];
    long i;
    int j;

    strbuf_puts(out, CSV_BOM);
    for (i = 0; i < rows; i++) {
        snprintf(a, sizeof a, "%ld", i * 1000 + 17);
        snprintf(b, sizeof b, "91150621MA%08ldX", i);
        snprintf(c, sizeof c, "2025-%02ld-%02ld", i % 12 + 1, i % 28 + 1);
        for (j = 0; j < 20; j++)
            f[j] = j % 4 == 0   ? "内蒙古达拉特旗某某新材料科技有限公司"
                   : j % 4 == 1 ? b
                   : j % 4 == 2 ? (j == 6 ? "备注：\"中试\"项目,第一期" : a)
                                : c;
        csv_write_row(out, f, 20);
    }
    return out->len;
}

/* Reads data fully; prints the time and what was read. */
static void
bench_read(const char *what, const char *data, size_t len)
{
    struct err e = {0};
    struct csv_reader *r;
    struct csv_row row;
    long rows = 0;
    size_t fields = 0;
    double t0 = bench_now(), dt;

    r = csv_reader_new(data, len, &e);
    if (r == NULL) {
        printf("%s: %s\n", what, e.msg);
        return;
    }
    while (csv_next(r, &row, &e) == 1)
        rows++, fields += row.n;
    dt = bench_now() - t0;
    printf("read %-8s %7.1f MB  %ld rows  %zu fields  %7.1f ms  %6.1f MB/s\n", what,
           (double)len / 1e6, rows, fields, dt * 1e3, (double)len / 1e6 / dt);
    csv_reader_free(r);
}

int
main(void)
{
    struct strbuf out = STRBUF_INIT, gb = STRBUF_INIT;
    double t0 = bench_now();
    size_t len = bench_write(&out, 100000);
    FILE *p;
    char chunk[65536];
    size_t n;

    printf("write             %7.1f MB  100000 rows  %7.1f ms\n", (double)len / 1e6,
           (bench_now() - t0) * 1e3);
    bench_read("UTF-8", out.s, out.len);
    /* The same file as Excel on Chinese Windows would save it. */
    p = fopen("/tmp/tuwei-bench-csv.txt", "wb");
    if (p) {
        fwrite(out.s + 3, 1, out.len - 3, p);
        fclose(p);
        p = popen("iconv -f UTF-8 -t GB18030 /tmp/tuwei-bench-csv.txt", "r");
    }
    while (p && (n = fread(chunk, 1, sizeof chunk, p)) > 0)
        strbuf_add(&gb, chunk, n);
    if (p)
        pclose(p);
    remove("/tmp/tuwei-bench-csv.txt");
    if (gb.len)
        bench_read("GB18030", gb.s, gb.len);
    strbuf_free(&out);
    strbuf_free(&gb);
    return 0;
}
