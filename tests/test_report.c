/*
 * test_report.c — a report written as aligned text, CSV with BOM and .xlsx
 * (opened as the zip of XML it is), through a temporary file renamed into
 * place.
 */
#include <criterion/criterion.h>
#include <dirent.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "src/csv.h"
#include "src/report.h"
#include "src/report_out.h"
#include "src/report_xlsx.h"
#include "src/strbuf.h"
#include "src/textw.h"

static char dir[64];

static void
tmpdir_init(void)
{
    cr_assert_not_null(setlocale(LC_ALL, "C.UTF-8")); /* display widths */
    snprintf(dir, sizeof dir, "/tmp/tuwei-report-XXXXXX");
    cr_assert_not_null(mkdtemp(dir));
}

static void
tmpdir_fini(void)
{
    char cmd[128];

    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    cr_expect_eq(system(cmd), 0);
}

TestSuite(report, .init = tmpdir_init, .fini = tmpdir_fini);

/* A small ledger: Chinese and Latin text, numbers, an empty cell. */
static struct report *
sample(void)
{
    struct report *r = report_new("ledger", "企业台账", "2025-06-30", "2025-06");
    const char *rows[][4] = {
        {"内蒙古建亨奥能科技有限公司", "高新技术企业", "1234.50", "12"},
        {"Ordos Tech", "科技型中小企业", "88.00", "3"},
        {"爱德曼氢能", "", "", "0"},
    };
    size_t i;

    report_add_col(r, "企业名称", REPORT_TEXT);
    report_add_col(r, "梯度", REPORT_TEXT);
    report_add_col(r, "营业收入（万元）", REPORT_DEC);
    report_add_col(r, "职工人数", REPORT_INT);
    for (i = 0; i < 3; i++)
        report_add_row(r, rows[i]);
    return r;
}

/* Runs a shell command and returns its standard output (caller frees). */
static char *
run(const char *cmd)
{
    struct strbuf b = STRBUF_INIT;
    char buf[4096];
    size_t n;
    FILE *p = popen(cmd, "r");

    cr_assert_not_null(p);
    while ((n = fread(buf, 1, sizeof buf, p)) > 0)
        strbuf_add(&b, buf, n);
    pclose(p);
    strbuf_puts(&b, "");
    return strbuf_take(&b);
}

/* Occurrences of needle in hay. */
static int
count(const char *hay, const char *needle)
{
    int n = 0;

    while ((hay = strstr(hay, needle)) != NULL) {
        n++;
        hay += strlen(needle);
    }
    return n;
}

/* Number of entries in dir (besides . and ..). */
static int
dir_entries(void)
{
    DIR *d = opendir(dir);
    struct dirent *de;
    int n = 0;

    cr_assert_not_null(d);
    while ((de = readdir(d)) != NULL)
        n += strcmp(de->d_name, ".") != 0 && strcmp(de->d_name, "..") != 0;
    closedir(d);
    return n;
}

Test(report, heading_says_what_and_when)
{
    struct report *r = sample();
    char *h = report_heading(r);

    cr_expect_str_eq(h, "企业台账（截至 2025-06-30，统计期间 2025-06）");
    free(h);
    free(r->period);
    r->period = NULL;
    h = report_heading(r);
    cr_expect_str_eq(h, "企业台账（截至 2025-06-30）");
    free(h);
    report_free(r);
}

/* Display column where needle starts in the line of text that contains it. */
static int
column_of(const char *text, const char *needle)
{
    const char *p = strstr(text, needle), *line;

    cr_assert_not_null(p, "%s not in %s", needle, text);
    for (line = p; line > text && line[-1] != '\n'; line--)
        ;
    return textw_width_n(line, (size_t)(p - line));
}

Test(report, text_aligns_in_display_columns)
{
    struct report *r = sample();
    struct strbuf b = STRBUF_INIT;

    report_text(r, 0, &b);
    cr_expect(strncmp(b.s, "企业台账（截至 2025-06-30", strlen("企业台账（截至 2025-06-30")) == 0);
    /* the tier column starts at the same display column on every line */
    cr_expect_eq(column_of(b.s, "梯度"), 28, "%s", b.s);
    cr_expect_eq(column_of(b.s, "高新技术企业"), 28, "%s", b.s);
    cr_expect_eq(column_of(b.s, "科技型中小企业"), 28, "%s", b.s);
    /* numbers are right-aligned: the staff counts end in the same column */
    cr_expect_eq(column_of(b.s, "12\n") + 2, column_of(b.s, "3\n") + 1, "%s", b.s);
    strbuf_free(&b);
    report_free(r);
}

Test(report, text_right_aligns_numbers_and_wraps_long_cells)
{
    struct report *r = report_new("m", "月度进展报表", "2025-06-30", NULL);
    const char *row[] = {"1.2", "本月完成电解槽样机组装并开始联调测试，下月进入试运行阶段。"};
    struct strbuf b = STRBUF_INIT;

    report_add_col(r, "序号", REPORT_DEC);
    report_add_col(r, "本月进展", REPORT_LONG);
    report_add_row(r, row);
    report_text(r, 20, &b);
    /* the 58-column text wraps at 20 columns onto lines under its column */
    cr_expect(strstr(b.s, "\n 1.2  本月完成电解槽样机组\n") != NULL, "%s", b.s);
    cr_expect(strstr(b.s, "\n      装并开始联调测试，下\n") != NULL, "%s", b.s);
    cr_expect(strstr(b.s, "\n      月进入试运行阶段。\n") != NULL, "%s", b.s);
    strbuf_free(&b);
    report_free(r);
}

Test(report, text_of_an_empty_report_says_so)
{
    struct report *r = report_new("x", "中试项目报表", "2025-01-01", NULL);
    struct strbuf b = STRBUF_INIT;

    report_add_col(r, "项目名称", REPORT_TEXT);
    report_text(r, 0, &b);
    cr_expect(strstr(b.s, "（无记录）") != NULL);
    strbuf_free(&b);
    report_free(r);
}

Test(report, csv_has_bom_header_and_rows)
{
    struct report *r = sample();
    char path[128];
    struct err e = {0};
    struct csv_reader *rd;
    struct csv_row row;
    int n = 0;

    snprintf(path, sizeof path, "%s/ledger.csv", dir);
    cr_assert_eq(report_save(r, REPORT_FMT_CSV, path, &e), ERR_OK, "%s", e.msg);
    {
        FILE *f = fopen(path, "rb");
        char head[4] = {0};

        cr_assert_not_null(f);
        cr_expect_eq(fread(head, 1, 3, f), 3u);
        cr_expect_str_eq(head, CSV_BOM);
        fclose(f);
    }
    rd = csv_reader_open(path, &e);
    cr_assert_not_null(rd, "%s", e.msg);
    while (csv_next(rd, &row, &e) == 1) {
        cr_expect_eq(row.n, 4u);
        if (n == 0)
            cr_expect_str_eq(row.fields[2], "营业收入（万元）");
        if (n == 1)
            cr_expect_str_eq(row.fields[0], "内蒙古建亨奥能科技有限公司");
        if (n == 3)
            cr_expect_str_eq(row.fields[1], "");
        n++;
    }
    cr_expect_eq(n, 4); /* header + 3 rows */
    csv_reader_free(rd);
    cr_expect_eq(dir_entries(), 1, "a temporary file was left behind");
    report_free(r);
}

Test(report, xlsx_is_a_workbook_with_title_headers_and_rows)
{
    struct report *r = sample();
    char path[128], cmd[256];
    struct err e = {0};
    char *book, *sheet;

    snprintf(path, sizeof path, "%s/台账.xlsx", dir);
    cr_assert_eq(report_save(r, REPORT_FMT_XLSX, path, &e), ERR_OK, "%s", e.msg);
    snprintf(cmd, sizeof cmd, "unzip -p '%s' xl/workbook.xml", path);
    book = run(cmd);
    cr_expect(strstr(book, "<sheet name=\"企业台账\"") != NULL, "%s", book);
    snprintf(cmd, sizeof cmd,
             "unzip -p '%s' xl/worksheets/sheet1.xml xl/sharedStrings.xml 2>/dev/null", path);
    sheet = run(cmd);
    cr_expect(strstr(sheet, "企业台账（截至 2025-06-30，统计期间 2025-06）") != NULL);
    cr_expect(strstr(sheet, "营业收入（万元）") != NULL);
    cr_expect(strstr(sheet, "内蒙古建亨奥能科技有限公司") != NULL);
    cr_expect_eq(count(sheet, "<row "), 5, "title + header + 3 rows");
    cr_expect(strstr(sheet, "<v>1234.5</v>") != NULL, "numbers are numbers");
    cr_expect(strstr(sheet, "ySplit=\"2\"") != NULL, "the header rows are frozen");
    cr_expect(strstr(sheet, "<mergeCell ref=\"A1:D1\"/>") != NULL, "the title spans the table");
    /* the name column is as wide as the longest name: 26 columns + margin */
    cr_expect(strstr(sheet, "<col min=\"1\" max=\"1\" width=\"28") != NULL, "%s", sheet);
    cr_expect_eq(dir_entries(), 1, "a temporary file was left behind");
    free(book);
    free(sheet);
    report_free(r);
}

Test(report, sheet_name_is_cut_and_cleaned)
{
    struct report *r =
        report_new("x", "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三",
                   "2025-01-01", NULL);
    char *n = report_xlsx_sheet_name(r);

    cr_expect_str_eq(n, "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一");
    free(n);
    free(r->title);
    r->title = strdup("A/B:C");
    n = report_xlsx_sheet_name(r);
    cr_expect_str_eq(n, "A_B_C");
    free(n);
    report_free(r);
}

Test(report, failed_save_leaves_no_file_and_keeps_the_old_one)
{
    struct report *r = sample();
    char path[256], sub[128];
    struct err e = {0};
    struct stat sb;

    /* a folder that does not exist */
    snprintf(path, sizeof path, "%s/nowhere/ledger.xlsx", dir);
    cr_expect_eq(report_save(r, REPORT_FMT_XLSX, path, &e), ERR_IO);
    cr_expect(strstr(e.msg, path) != NULL, "%s", e.msg);
    /* the target is a folder with a file in it: the rename fails, the folder stays */
    snprintf(sub, sizeof sub, "%s/out.csv", dir);
    cr_assert_eq(mkdir(sub, 0700), 0);
    snprintf(path, sizeof path, "%s/keep", sub);
    cr_assert_eq(report_save(r, REPORT_FMT_TEXT, path, &e), ERR_OK);
    cr_expect_eq(report_save(r, REPORT_FMT_CSV, sub, &e), ERR_IO);
    cr_expect(stat(path, &sb) == 0 && sb.st_size > 0);
    cr_expect_eq(dir_entries(), 1, "a temporary file was left behind");
    report_free(r);
}

Test(report, format_names)
{
    enum report_format f;
    struct err e = {0};

    cr_expect_eq(report_format_parse("xlsx", &f, &e), ERR_OK);
    cr_expect_eq(f, REPORT_FMT_XLSX);
    cr_expect_eq(report_format_parse("csv", &f, &e), ERR_OK);
    cr_expect_eq(f, REPORT_FMT_CSV);
    cr_expect_eq(report_format_parse("text", &f, &e), ERR_OK);
    cr_expect_eq(f, REPORT_FMT_TEXT);
    cr_expect_eq(report_format_parse("xls", &f, &e), ERR_INVALID);
    cr_expect(strstr(e.msg, "xlsx、csv 或 text") != NULL);
    cr_expect_str_eq(report_format_ext(REPORT_FMT_TEXT), "txt");
}
