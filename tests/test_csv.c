/* test_csv.c — reading CSV in the encodings offices use, quoting, errors, writing. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "src/csv.h"
#include "src/strbuf.h"

/* Reads every record of data into a "|"-joined line per record, each record
 * prefixed by its line number: "1:a|b\n3:c\n". Fails the test on an error. */
static char *
dump(const char *data, size_t len)
{
    struct strbuf out = STRBUF_INIT;
    struct csv_reader *r;
    struct csv_row row;
    struct err e = {0};
    size_t i;
    int rc;

    r = csv_reader_new(data, len, &e);
    cr_assert_not_null(r, "%s", e.msg);
    strbuf_puts(&out, "");
    while ((rc = csv_next(r, &row, &e)) == 1) {
        strbuf_printf(&out, "%ld:", row.line);
        for (i = 0; i < row.n; i++)
            strbuf_printf(&out, "%s%s", i ? "|" : "", row.fields[i]);
        strbuf_putc(&out, '\n');
    }
    cr_assert_eq(rc, 0, "%s", e.msg);
    csv_reader_free(r);
    return strbuf_take(&out);
}

#define EXPECT_DUMP(data, want)                                                                    \
    do {                                                                                           \
        char *got_ = dump(data, sizeof(data) - 1);                                                 \
        cr_expect_str_eq(got_, want);                                                              \
        free(got_);                                                                                \
    } while (0)

Test(csv, plain_utf8_without_bom)
{
    struct err e = {0};
    const char *text = "企业名称,所在地\n达拉特旗,树林召镇\n";
    struct csv_reader *r = csv_reader_new(text, strlen(text), &e);

    cr_assert_not_null(r);
    cr_expect_str_eq(csv_reader_encoding(r), "UTF-8");
    csv_reader_free(r);
    EXPECT_DUMP("企业名称,所在地\n达拉特旗,树林召镇\n", "1:企业名称|所在地\n2:达拉特旗|树林召镇\n");
}

Test(csv, utf8_bom_is_dropped)
{
    EXPECT_DUMP(CSV_BOM "企业名称,统一社会信用代码\r\n达拉特旗某公司,91310000607272395Y\r\n",
                "1:企业名称|统一社会信用代码\n2:达拉特旗某公司|91310000607272395Y\n");
}

Test(csv, gb18030_from_excel)
{
    /* "企业名称,所在地" and a quoted address with a comma, as Excel saves on Chinese Windows. */
    static const char gbk[] =
        "\xc6\xf3\xd2\xb5\xc3\xfb\xb3\xc6,\xcb\xf9\xd4\xda\xb5\xd8\r\n"
        "\xc4\xda\xc3\xc9\xb9\xc5\xbd\xa8\xba\xe0\xc4\xdc\xd4\xb4\xbf\xc6\xbc\xbc\xd3\xd0\xcf\xde"
        "\xb9\xab\xcb\xbe,\"\xca\xf7\xc1\xd6\xd5\xd9\xd5\xf2,\xb4\xef\xc0\xad\xcc\xd8\xbe\xad\xbc"
        "\xc3\xbf\xaa\xb7\xa2\xc7\xf8\"\r\n"
        /* 䶮𠀀 (the second needs GB18030's four-byte form), € */
        "\xfe\x9f\x95"
        "2"
        "\x82"
        "6,\xa2\xe3\r\n";
    struct err e = {0};
    struct csv_reader *r = csv_reader_new(gbk, sizeof gbk - 1, &e);

    cr_assert_not_null(r, "%s", e.msg);
    cr_expect_str_eq(csv_reader_encoding(r), "GB18030");
    csv_reader_free(r);
    EXPECT_DUMP(gbk, "1:企业名称|所在地\n"
                     "2:内蒙古建亨能源科技有限公司|树林召镇,达拉特经济开发区\n"
                     "3:䶮𠀀|€\n");
}

Test(csv, utf16_with_bom)
{
    /* "名称,数\r\n甲,1\r\n" in UTF-16LE, as "Unicode" exports are. */
    static const char u16[] = "\xff\xfe\x0d\x54\xf0\x79,\x00\x70\x65\r\x00\n\x00"
                              "\x32\x75,\x00"
                              "1\x00\r\x00\n\x00";

    EXPECT_DUMP(u16, "1:名称|数\n2:甲|1\n");
}

Test(csv, quoted_commas_quotes_and_newlines)
{
    EXPECT_DUMP("名称,备注,地址\n"
                "\"建亨能源,泡沫墙砖\",\"他说\"\"好\"\"\",\"第一行\r\n第二行\"\n"
                "下一家,,\"\"\n",
                "1:名称|备注|地址\n"
                "2:建亨能源,泡沫墙砖|他说\"好\"|第一行\n第二行\n"
                "4:下一家||\n");
}

Test(csv, line_ends_crlf_lf_and_lone_cr)
{
    EXPECT_DUMP("a,b\r\nc,d\ne,f\rg,h", "1:a|b\n2:c|d\n3:e|f\n4:g|h\n");
    EXPECT_DUMP("\"x\ry\",1\r\n", "1:x\ny|1\n");
}

Test(csv, empty_fields)
{
    EXPECT_DUMP(",,\n", "1:||\n");
    EXPECT_DUMP("a,,b,\n", "1:a||b|\n");
    EXPECT_DUMP("\"\"\n", "1:\n");
    EXPECT_DUMP("\"\",\"\"\n", "1:|\n");
}

Test(csv, trailing_newline_or_not_and_blank_lines)
{
    EXPECT_DUMP("a,b", "1:a|b\n");
    EXPECT_DUMP("a,b\n", "1:a|b\n");
    EXPECT_DUMP("a,b\r\n\r\n\n", "1:a|b\n");
    EXPECT_DUMP("\n\na\n\r\n\nb\n", "3:a\n6:b\n");
    EXPECT_DUMP("", "");
    EXPECT_DUMP(CSV_BOM, "");
}

Test(csv, ragged_rows_are_given_as_they_are)
{
    EXPECT_DUMP("a,b,c\n1\n1,2,3,4,5\n", "1:a|b|c\n2:1\n3:1|2|3|4|5\n");
}

Test(csv, stray_quotes_are_kept_leniently)
{
    EXPECT_DUMP("ab\"c,\"x\"y,5\"\n", "1:ab\"c|xy|5\"\n");
}

Test(csv, unterminated_quote_is_an_error_with_its_line)
{
    struct err e = {0};
    struct csv_row row;
    const char *text = "名称,备注\n甲,1\n乙,\"没有\n结束\n";
    struct csv_reader *r = csv_reader_new(text, strlen(text), &e);

    cr_assert_not_null(r);
    cr_assert_eq(csv_next(r, &row, &e), 1);
    cr_assert_eq(csv_next(r, &row, &e), 1);
    cr_expect_str_eq(row.fields[0], "甲");
    cr_assert_eq(csv_next(r, &row, &e), -1);
    cr_expect_eq(e.code, ERR_INVALID);
    cr_expect(strstr(e.msg, "第 3 行") != NULL, "%s", e.msg);
    cr_expect(strstr(e.msg, "引号") != NULL, "%s", e.msg);
    cr_expect_eq(csv_next(r, &row, &e), -1, "an error stops the reader");
    csv_reader_free(r);
}

Test(csv, not_text_is_refused)
{
    struct err e = {0};

    cr_expect_null(csv_reader_new("PK\x03\x04\x14\x00\x06\x00", 8, &e));
    cr_expect(strstr(e.msg, "xlsx") && strstr(e.msg, "另存为"), "%s", e.msg);
    cr_expect_null(csv_reader_new("a,b\n\0c,d\n", 9, &e));
    cr_expect(strstr(e.msg, "第 2 行") && strstr(e.msg, "NUL"), "%s", e.msg);
    cr_expect_null(csv_reader_new(CSV_BOM "a\nb\xc6\xf3\n", 9, &e));
    cr_expect(strstr(e.msg, "第 2 行") && strstr(e.msg, "UTF-8"), "%s", e.msg);
    cr_expect_null(csv_reader_new("a\nb\n\xff\xff\n", 7, &e));
    cr_expect(strstr(e.msg, "第 3 行") && strstr(e.msg, "GB18030"), "%s", e.msg);
}

Test(csv, writer_quotes_only_when_needed)
{
    const char *const fields[] = {
        "企业", "a,b", "say \"hi\"", "", NULL, "x\ny", " 前后空格 ", "2025-01-01",
    };
    const char *const empty[] = {""};
    struct strbuf out = STRBUF_INIT;

    strbuf_puts(&out, CSV_BOM);
    csv_write_row(&out, fields, sizeof fields / sizeof fields[0]);
    csv_write_row(&out, empty, 1);
    cr_expect_str_eq(strbuf_str(&out), "\xef\xbb\xbf"
                                       "企业,\"a,b\",\"say \"\"hi\"\"\",,,\"x\ny\",\" 前后空格 \","
                                       "2025-01-01\r\n\"\"\r\n");
    strbuf_free(&out);
}

Test(csv, round_trip_with_chinese_text)
{
    const char *const rows[][4] = {
        {"企业名称", "统一社会信用代码", "备注", "研发投入（元）"},
        {"内蒙古建亨能源科技有限公司", "91150621MA0Q2X3Y4Z", "泡沫墙砖,钠盐储能", "1200000"},
        {"达拉特旗\"聚达\"发电", "", "第一行\n第二行", " 0 "},
        {"", "", "", ""},
    };
    struct strbuf out = STRBUF_INIT;
    struct csv_reader *r;
    struct csv_row row;
    struct err e = {0};
    size_t i, j;

    strbuf_puts(&out, CSV_BOM);
    for (i = 0; i < 4; i++)
        csv_write_row(&out, rows[i], 4);
    r = csv_reader_new(out.s, out.len, &e);
    cr_assert_not_null(r, "%s", e.msg);
    for (i = 0; i < 4; i++) {
        cr_assert_eq(csv_next(r, &row, &e), 1, "row %zu: %s", i, e.msg);
        cr_assert_eq(row.n, 4);
        for (j = 0; j < 4; j++)
            cr_expect_str_eq(row.fields[j], rows[i][j]);
    }
    cr_expect_eq(csv_next(r, &row, &e), 0);
    csv_reader_free(r);
    strbuf_free(&out);
}

Test(csv, header_find)
{
    char f0[] = " 序号 ", f1[] = "单位名称\xe3\x80\x80", f2[] = "企业名称", f3[] = "备注";
    char *fields[] = {f0, f1, f2, f3};
    struct csv_row hdr = {4, fields, 1};
    const char *const names[] = {"企业名称", "单位名称", NULL};
    const char *const code[] = {"统一社会信用代码", NULL};
    const char *const seq[] = {"序号", NULL};

    cr_expect_eq(csv_header_find(&hdr, names), 1, "the first column matching any name");
    cr_expect_eq(csv_header_find(&hdr, seq), 0);
    cr_expect_eq(csv_header_find(&hdr, code), -1);
}

Test(csv, open_file_and_missing_file)
{
    char path[] = "/tmp/tuwei-test-csv-XXXXXX";
    int fd = mkstemp(path);
    struct err e = {0};
    struct csv_reader *r;
    struct csv_row row;

    cr_assert_geq(fd, 0);
    cr_assert_eq(write(fd, "名称\n甲\n", 11), 11);
    close(fd);
    r = csv_reader_open(path, &e);
    cr_assert_not_null(r, "%s", e.msg);
    cr_expect_eq(csv_next(r, &row, &e), 1);
    cr_expect_eq(csv_next(r, &row, &e), 1);
    cr_expect_str_eq(row.fields[0], "甲");
    csv_reader_free(r);
    unlink(path);
    cr_expect_null(csv_reader_open(path, &e));
    cr_expect_eq(e.code, ERR_IO);
    cr_expect(strstr(e.msg, path) && strstr(e.msg, "不存在"), "%s", e.msg);
}

Test(csv, long_field_has_no_limit)
{
    size_t n = 3 * 1024 * 1024, i;
    char *data = malloc(n + 8);
    struct err e = {0};
    struct csv_reader *r;
    struct csv_row row;

    data[0] = '"';
    for (i = 1; i <= n; i++)
        data[i] = (char)('a' + i % 26);
    memcpy(data + n + 1, "\",x\n", 4);
    r = csv_reader_new(data, n + 5, &e);
    cr_assert_not_null(r);
    cr_assert_eq(csv_next(r, &row, &e), 1);
    cr_expect_eq(row.n, 2);
    cr_expect_eq(strlen(row.fields[0]), n);
    cr_expect_str_eq(row.fields[1], "x");
    csv_reader_free(r);
    free(data);
}

/* 100,000 rows of 20 fields; the figure to beat (no sanitizers) is well under a
 * second, see tests/bench/bench_csv.c. Here only a generous bound. */
Test(csv, large_file_reads_quickly)
{
    struct strbuf b = STRBUF_INIT;
    struct csv_reader *r;
    struct csv_row row;
    struct err e = {0};
    long rows = 0, i, j;
    size_t fields = 0;
    clock_t t0;
    double secs;

    for (i = 0; i < 100000; i++) {
        for (j = 0; j < 20; j++)
            strbuf_printf(&b, j ? ",%s%ld" : "%s%ld", j % 5 ? "达拉特" : "\"a,\"\"b\"\"\",", i);
        strbuf_puts(&b, "\r\n");
    }
    t0 = clock();
    r = csv_reader_new(b.s, b.len, &e);
    cr_assert_not_null(r);
    while (csv_next(r, &row, &e) == 1)
        rows++, fields += row.n;
    secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
    cr_expect_eq(rows, 100000);
    cr_expect_eq(fields, 100000 * 24);
    cr_expect_lt(secs, 5.0, "took %.2f s", secs);
    csv_reader_free(r);
    strbuf_free(&b);
}
