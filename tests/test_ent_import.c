/*
 * test_ent_import.c - importing the CSV files offices keep: BOM, GB18030,
 * quoted commas and newlines, headers in any order with their units,
 * refused rows with line and reason, the preview writing nothing, the
 * re-import changing nothing, and the export reading back unchanged.
 */
#include <criterion/criterion.h>
#include <iconv.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/db.h"
#include "db/db_priv.h"
#include "db/ent_list.h"
#include "db/enterprise.h"
#include "db/history.h"
#include "src/credit_code.h"
#include "src/config.h"
#include "src/ent_funnel.h"
#include "src/ent_import.h"
#include "src/ent_money.h"
#include "src/enterprise.h"
#include "src/plan_load.h"
#include "src/strbuf.h"
#include "src/xmalloc.h"

static struct db *db;

static void
setup(void)
{
    struct err e = {0};

    cr_assert_eq(db_open(":memory:", DB_OPEN_CREATE, &db, &e), ERR_OK, "%s", e.msg);
    cr_assert_eq(plan_load(db, "测试", NULL, &e), ERR_OK, "%s", e.msg);
}

static void
teardown(void)
{
    db_close(db);
}

TestSuite(ent_import, .init = setup, .fini = teardown);

static struct ent_import *
preview(const char *data, size_t len, int year)
{
    struct ent_import *im = NULL;
    struct err e = {0};

    cr_assert_eq(ent_import_read(db, data, len, ENT_MONEY_YUAN, year, &im, &e), ERR_OK, "%s",
                 e.msg);
    return im;
}

static void
apply(struct ent_import *im)
{
    struct err e = {0};

    cr_assert_eq(ent_import_apply(db, "导入员", im, &e), ERR_OK, "%s", e.msg);
}

/* The row of the preview at file line `line`. */
static const struct ent_import_row *
row_at(const struct ent_import *im, long line)
{
    size_t i;

    for (i = 0; i < im->n; i++) {
        if (im->rows[i].line == line)
            return &im->rows[i];
    }
    cr_assert_fail("no row at line %ld", line);
    return NULL;
}

static const char office_csv[] =
    "\xef\xbb\xbf"
    "序号,所属园区/苏木镇,企业名称,统一社会信用代码,行业领域,是否规上,年度,职工总数,科技人员,"
    "研发费用（万元）,销售收入（万元）,填表人\r\n"
    "1,达拉特经济开发区,内蒙古鑫源新能源科技有限公司,91310000607272395Y,新能源,是,2024,120,30,"
    "260.5,5000,李四\r\n"
    "2,树林召镇,\"达拉特旗金泰农牧业有限责任公司\",,现代农牧业,否,2024,45,6,12,800,李四\r\n";

Test(ent_import, bom_headers_in_any_order_units_from_the_header)
{
    struct ent_import *im = preview(office_csv, sizeof office_csv - 1, 0);
    struct db_ent_year y;
    struct err e = {0};
    char id[40];

    cr_expect_str_eq(im->encoding, "UTF-8");
    cr_assert_eq(im->nunknown, 1);
    cr_expect_str_eq(im->unknown[0], "填表人", "reported, not fatal");
    cr_expect_eq(im->added, 2);
    cr_expect_eq(im->refused, 0);
    cr_expect_eq(im->fig_writes, 2);
    cr_expect_eq(db_ent_find_name(db, "内蒙古鑫源新能源科技有限公司", id, &e), 0,
                 "the preview writes nothing");
    apply(im);
    ent_import_free(im);
    cr_assert_eq(db_ent_find_code(db, "91310000607272395Y", id, &e), 1);
    cr_assert_eq(db_ent_year_get(db, id, 2024, &y, &e), 1);
    cr_expect_eq(y.v[DB_FIG_RD], 2605000, "260.5万元");
    cr_expect_eq(y.v[DB_FIG_SALES], 50000000);
    cr_expect_eq(y.v[DB_FIG_STAFF], 120);
}

Test(ent_import, reimporting_the_same_file_changes_nothing)
{
    struct ent_import *im = preview(office_csv, sizeof office_csv - 1, 0);
    long long before;

    apply(im);
    ent_import_free(im);
    before = db_changelog_count(db);
    im = preview(office_csv, sizeof office_csv - 1, 0);
    cr_expect_eq(im->added, 0);
    cr_expect_eq(im->changed, 0);
    cr_expect_eq(im->same, 2);
    apply(im);
    ent_import_free(im);
    cr_expect_eq(db_changelog_count(db), before);
}

Test(ent_import, a_changed_value_is_an_update_naming_what_changes)
{
    static const char v2[] = "企业名称,统一社会信用代码,所属园区/苏木镇,年度,研发费用（万元）\n"
                             "内蒙古鑫源新能源科技有限公司,91310000607272395Y,王爱召镇,2024,300\n";
    struct ent_import *im = preview(office_csv, sizeof office_csv - 1, 0);
    const struct ent_import_row *r;

    apply(im);
    ent_import_free(im);
    im = preview(v2, sizeof v2 - 1, 0);
    r = row_at(im, 2);
    cr_expect_eq(r->action, ENT_IMPORT_CHANGE);
    cr_expect(strstr(r->note, "所属园区/苏木镇") != NULL, "%s", r->note);
    cr_expect(strstr(r->note, "2024") != NULL, "%s", r->note);
    cr_expect(strstr(r->note, "行业领域") == NULL, "an absent column changes nothing: %s", r->note);
    ent_import_free(im);
}

/* Converts UTF-8 to GB18030 (the caller frees). */
static char *
to_gb18030(const char *s, size_t *len)
{
    iconv_t cd = iconv_open("GB18030", "UTF-8");
    size_t in = strlen(s), room = in * 2 + 8;
    char *out = malloc(room), *w = out, *r = (char *)(uintptr_t)s;

    cr_assert(cd != (iconv_t)-1);
    cr_assert_neq(iconv(cd, &r, &in, &w, &room), (size_t)-1);
    iconv_close(cd);
    *len = (size_t)(w - out);
    return out;
}

Test(ent_import, gb18030_from_excel_on_chinese_windows)
{
    size_t len;
    char *gb = to_gb18030(
        "企业名称,是否规上,职工总数,年度\r\n达拉特旗沙源科技有限公司,是,88,2024\r\n", &len);
    struct ent_import *im = preview(gb, len, 0);
    struct err e = {0};
    char id[40];

    cr_expect_str_eq(im->encoding, "GB18030");
    cr_expect_eq(im->added, 1);
    cr_expect_str_eq(im->rows[0].name, "达拉特旗沙源科技有限公司");
    apply(im);
    ent_import_free(im);
    free(gb);
    cr_expect_eq(db_ent_find_name(db, "达拉特旗沙源科技有限公司", id, &e), 1);
}

Test(ent_import, quoted_commas_and_newlines_and_bad_rows_with_their_lines)
{
    static const char csv[] =
        "企业名称,统一社会信用代码,备注,行业领域,职工总数,是否规上\n"
        "\"达拉特旗恒通物流有限公司，分公司\",,\"第一行\n第二行\",,10,否\n" /* lines 2-3 */
        "坏代码公司,91310000607272395X,,,5,否\n"                            /* line 4 */
        "领域不对公司,,,航天,5,否\n"                                        /* line 5 */
        "人数不对公司,,,,十人,否\n"                                         /* line 6 */
        ",,,,,\n"                                                           /* blank */
        ",,只有备注,,,\n"                                                   /* line 8 */
        "规上不对公司,,,,5,也许\n"                                          /* line 9 */
        "\"达拉特旗恒通物流有限公司，分公司\",,,,12,否\n";                  /* line 10 */
    struct ent_import *im = preview(csv, sizeof csv - 1, 2024);
    const struct ent_import_row *r;

    r = row_at(im, 2);
    cr_expect_eq(r->action, ENT_IMPORT_ADD, "%s", r->note ? r->note : "");
    cr_expect_str_eq(r->ent.notes, "第一行\n第二行");
    cr_expect_str_eq(r->ent.name, "达拉特旗恒通物流有限公司，分公司");
    r = row_at(im, 4);
    cr_expect_eq(r->action, ENT_IMPORT_REFUSE);
    cr_expect(strstr(r->note, "校验位") != NULL, "%s", r->note);
    r = row_at(im, 5);
    cr_expect_eq(r->action, ENT_IMPORT_REFUSE);
    cr_expect(strstr(r->note, "航天") != NULL && strstr(r->note, "新能源") != NULL, "%s", r->note);
    r = row_at(im, 6);
    cr_expect_eq(r->action, ENT_IMPORT_REFUSE);
    cr_expect(strstr(r->note, "十人") != NULL, "%s", r->note);
    r = row_at(im, 8);
    cr_expect_eq(r->action, ENT_IMPORT_REFUSE);
    cr_expect(strstr(r->note, "企业名称") != NULL, "%s", r->note);
    r = row_at(im, 9);
    cr_expect_eq(r->action, ENT_IMPORT_REFUSE);
    cr_expect(strstr(r->note, "也许") != NULL, "%s", r->note);
    r = row_at(im, 10);
    cr_expect_eq(r->action, ENT_IMPORT_REFUSE, "the same firm and year twice");
    cr_expect(strstr(r->note, "第 2 行") != NULL, "%s", r->note);
    cr_expect_eq(im->n, 7, "the blank line is skipped");
    cr_expect_eq(im->added, 1);
    cr_expect_eq(im->refused, 6);
    apply(im);
    ent_import_free(im);
}

Test(ent_import, years_in_headers_and_several_rows_of_one_firm)
{
    static const char csv[] =
        "企业名称,2023年研发费用（万元）,2024年研发费用（万元）,2024年销售收入（万元）\n"
        "达拉特旗双年科技有限公司,100,120,3000\n";
    static const char csv2[] = "企业名称,年度,研发费用\n"
                               "达拉特旗三行科技有限公司,2022,1000000\n"
                               "达拉特旗三行科技有限公司,2023,1100000\n"
                               "达拉特旗三行科技有限公司,2024,1200000\n";
    struct ent_import *im = preview(csv, sizeof csv - 1, 0);
    struct db_ent_year *y;
    struct err e = {0};
    char id[40];
    size_t n;

    cr_expect_eq(im->fig_writes, 2);
    apply(im);
    ent_import_free(im);
    cr_assert_eq(db_ent_find_name(db, "达拉特旗双年科技有限公司", id, &e), 1);
    cr_assert_eq(db_ent_years(db, id, &y, &n, &e), ERR_OK);
    cr_assert_eq(n, 2);
    cr_expect_eq(y[0].year, 2024);
    cr_expect_eq(y[0].v[DB_FIG_SALES], 30000000);
    cr_expect_eq(y[1].v[DB_FIG_RD], 1000000);
    free(y);
    im = preview(csv2, sizeof csv2 - 1, 0);
    cr_expect_eq(im->added, 1);
    cr_expect_eq(im->changed, 2, "the later rows add years to the new firm");
    cr_expect_eq(im->refused, 0);
    apply(im);
    ent_import_free(im);
    cr_assert_eq(db_ent_find_name(db, "达拉特旗三行科技有限公司", id, &e), 1);
    cr_assert_eq(db_ent_years(db, id, &y, &n, &e), ERR_OK);
    cr_expect_eq(n, 3);
    free(y);
}

/* Registers a firm as a clerk would. */
static void
add_registered(const char *name, const char *code)
{
    struct db_enterprise x;
    struct err e = {0};

    memset(&x, 0, sizeof x);
    x.name = xstrdup(name);
    x.credit_code = xstrdup(code);
    cr_assert_eq(enterprise_save(db, "办事员", &x, 0, &e), ERR_OK, "%s", e.msg);
    db_ent_free(&x);
}

/* The preview says which years each row writes, and refuses a second
 * row with the same year of the same firm, new or already registered,
 * however the firm is named on it. */
Test(ent_import, preview_names_the_years_and_refuses_a_year_given_twice)
{
    static const char two_years[] = "企业名称,2023年研发费用（万元）,2024年研发费用（万元）\n"
                                    "达拉特旗双年科技有限公司,100,120\n";
    static const char twice[] = "企业名称,统一社会信用代码,年度,研发费用\n"
                                "达拉特旗重行科技有限公司,,2024,1\n"
                                "达拉特旗重行科技有限公司,,2023,2\n"
                                "达拉特旗重行科技有限公司,,2024,3\n"
                                "达拉特旗双年科技有限公司,,2025,4\n"
                                "达拉特旗双年科技有限公司,,2025,5\n";
    static const char by_name_then_code[] = "企业名称,统一社会信用代码,年度,研发费用\n"
                                            "达拉特旗复审科技有限公司,,2024,1\n"
                                            ",91310000607272395Y,2024,3\n"
                                            ",91310000607272395Y,2023,4\n";
    struct ent_import *im = preview(two_years, sizeof two_years - 1, 0);

    cr_expect_eq(row_at(im, 2)->action, ENT_IMPORT_ADD);
    cr_expect_str_eq(row_at(im, 2)->note, "2023、2024 年数据");
    apply(im);
    ent_import_free(im);
    im = preview(twice, sizeof twice - 1, 0);
    cr_expect_str_eq(row_at(im, 2)->note, "2024 年数据");
    cr_expect_neq(row_at(im, 3)->action, ENT_IMPORT_REFUSE, "%s", row_at(im, 3)->note);
    cr_expect_eq(row_at(im, 4)->action, ENT_IMPORT_REFUSE);
    cr_expect_str_eq(row_at(im, 4)->note, "2024 年的数据与第 2 行重复");
    cr_expect_eq(row_at(im, 5)->action, ENT_IMPORT_CHANGE);
    cr_expect_str_eq(row_at(im, 5)->note, "2025 年数据");
    cr_expect_eq(row_at(im, 6)->action, ENT_IMPORT_REFUSE);
    cr_expect_str_eq(row_at(im, 6)->note, "2025 年的数据与第 5 行重复");
    ent_import_free(im);
    /* a registered firm, named on one row and given by its code on another */
    add_registered("达拉特旗复审科技有限公司", "91310000607272395Y");
    im = preview(by_name_then_code, sizeof by_name_then_code - 1, 0);
    cr_expect_eq(row_at(im, 2)->action, ENT_IMPORT_CHANGE);
    cr_expect_eq(row_at(im, 3)->action, ENT_IMPORT_REFUSE, "%s", row_at(im, 3)->note);
    cr_expect_str_eq(row_at(im, 3)->note, "2024 年的数据与第 2 行重复");
    cr_expect_eq(row_at(im, 4)->action, ENT_IMPORT_CHANGE, "%s", row_at(im, 4)->note);
    ent_import_free(im);
}

/* New enterprises are written in pinyin order with fresh keys (so the
 * indexes fill at their ends); each year of figures must still land on
 * its own enterprise when one firm's rows are spread through the file. */
Test(ent_import, new_firms_on_interleaved_rows_keep_their_own_figures)
{
    static const char csv[] = "企业名称,年度,研发费用\n"
                              "达拉特旗中鑫科技有限公司,2023,300\n"
                              "鄂尔多斯阿拉科技有限公司,2023,100\n"
                              "达拉特旗中鑫科技有限公司,2024,400\n"
                              "包头北辰科技有限公司,2024,50\n"
                              "鄂尔多斯阿拉科技有限公司,2024,200\n";
    static const struct {
        const char *name;
        long long rd2023, rd2024;
    } want[] = {
        {"达拉特旗中鑫科技有限公司", 300, 400},
        {"鄂尔多斯阿拉科技有限公司", 100, 200},
        {"包头北辰科技有限公司", -1, 50},
    };
    struct ent_import *im = preview(csv, sizeof csv - 1, 0);
    struct db_ent_year *y;
    struct err e = {0};
    char id[3][40];
    size_t n, i, k;

    cr_expect_eq(im->added, 3);
    cr_expect_eq(im->refused, 0);
    apply(im);
    ent_import_free(im);
    for (i = 0; i < 3; i++) {
        cr_assert_eq(db_ent_find_name(db, want[i].name, id[i], &e), 1, "%s", want[i].name);
        cr_assert_eq(db_ent_years(db, id[i], &y, &n, &e), ERR_OK);
        cr_expect_eq(n, want[i].rd2023 < 0 ? 1u : 2u, "%s", want[i].name);
        for (k = 0; k < n; k++)
            cr_expect_eq(y[k].v[DB_FIG_RD], y[k].year == 2023 ? want[i].rd2023 : want[i].rd2024,
                         "%s %d", want[i].name, y[k].year);
        free(y);
    }
    /* keys in pinyin order: 包头 (bao), 达拉特旗 (da), 鄂尔多斯 (e) */
    cr_expect_lt(strcmp(id[2], id[0]), 0);
    cr_expect_lt(strcmp(id[0], id[1]), 0);
}

Test(ent_import, figures_without_a_year_are_refused_and_no_key_column_is_fatal)
{
    static const char csv[] = "企业名称,职工总数\n无年度公司,10\n";
    static const char bad[] = "名字,人数\n甲,1\n";
    struct ent_import *im = preview(csv, sizeof csv - 1, 0);
    struct err e = {0};

    cr_expect_eq(im->refused, 1);
    cr_expect(strstr(im->rows[0].note, "年度") != NULL, "%s", im->rows[0].note);
    ent_import_free(im);
    im = NULL;
    cr_expect_eq(ent_import_read(db, bad, sizeof bad - 1, 1, 0, &im, &e), ERR_INVALID);
    cr_expect_null(im);
    cr_expect(strstr(e.msg, "企业名称") != NULL, "%s", e.msg);
}

Test(ent_import, export_reads_back_unchanged)
{
    struct ent_import *im = preview(office_csv, sizeof office_csv - 1, 0);
    struct strbuf out = STRBUF_INIT;
    struct err e = {0};

    apply(im);
    ent_import_free(im);
    cr_assert_eq(ent_export_register(db, "2025-06-30", 2024, &out, &e), ERR_OK, "%s", e.msg);
    cr_expect_eq(memcmp(out.s, "\xef\xbb\xbf", 3), 0, "a byte-order mark for Excel and WPS");
    cr_expect(strstr(out.s, "研发费用（万元）") != NULL);
    cr_expect(strstr(out.s, "260.5") != NULL, "money in 万元");
    im = preview(out.s, out.len, 0);
    cr_expect_eq(im->nunknown, 0);
    cr_expect_eq(im->added, 0);
    cr_expect_eq(im->changed, 0, "%s", im->n ? (im->rows[0].note ? im->rows[0].note : "") : "");
    cr_expect_eq(im->refused, 0);
    cr_expect_eq(im->same, 12);
    ent_import_free(im);
    strbuf_free(&out);
}

/* ---- a large file: the bulk path ---- */

#define BIG_ROWS 4500 /* more than two change-log chunks */

/* A file of n new enterprises, each with a valid credit code and a year
 * of figures (n not a multiple of 2999). */
static void
big_csv(struct strbuf *b, int n)
{
    char code[CREDIT_CODE_LEN + 1], exp;
    int i, j;

    strbuf_puts(b,
                "企业名称,简称,统一社会信用代码,所属园区/苏木镇,年度,职工总数,研发费用（万元）\n");
    for (i = 0; i < n; i++) {
        j = (int)((long)i * 2999 % n); /* names out of order: the import sorts them */
        snprintf(code, sizeof code, "91150621MA%07d0", j % 10000000);
        exp = 0;
        if (credit_code_check(code, &exp) == CREDIT_CODE_CHECK)
            code[CREDIT_CODE_LEN - 1] = exp;
        strbuf_printf(b, "达拉特旗测试%04d号科技有限公司,测试%04d,%s,树林召镇,2024,%d,%d\n", j, j,
                      code, 10 + i % 90, i % 7);
    }
}

/* Live enterprises whose name, short name or code holds q. */
static long
found(struct config *cfg, const char *q)
{
    struct ent_asof a;
    struct db_ent_filter f;
    struct err e = {0};
    long n;

    cr_assert_eq(ent_asof_init(db, cfg, "2025-06-30", &a, &e), ERR_OK, "%s", e.msg);
    memset(&f, 0, sizeof f);
    f.asof = &a.a;
    f.above_scale = -1;
    f.search = q;
    n = db_ent_list_count(db, &f, &e);
    cr_assert_geq(n, 0, "%s", e.msg);
    return n;
}

/* The rows the change log says were inserted into table, in bulk or one by one. */
static long
logged_rows(const char *table)
{
    struct db_history_filter f = {.tbl = table, .limit = 1000};
    struct db_history_entry *h;
    struct err e = {0};
    size_t n, i;
    long rows = 0;

    cr_assert_eq(db_history_list(db, &f, &h, &n, &e), ERR_OK, "%s", e.msg);
    for (i = 0; i < n; i++) {
        if (strcmp(h[i].op, "insert") != 0 || h[i].new_ == NULL)
            continue;
        cr_expect(strstr(h[i].new_, "name_key") == NULL, "the sort key is derived, not logged");
        rows += strncmp(h[i].new_, "{\"bulk\":", 8) == 0 ? atol(h[i].new_ + 8) : 1;
    }
    db_history_free(h, n);
    return rows;
}

/* Logged values: a JSON value's SQL type and text, by column name. */
struct logged {
    int n;
    char name[64][160], text[64][160];
    int type[64];
};

/* Reads json_each's rows (key, type, value) of st into l; with names
 * given, element k of an array is named names->name[k]. */
static void
logged_read(sqlite3_stmt *st, struct logged *l, const struct logged *names)
{
    for (l->n = 0; sqlite3_step(st) == SQLITE_ROW && l->n < 64; l->n++) {
        snprintf(l->name[l->n], 160, "%s",
                 names ? names->text[l->n] : (const char *)sqlite3_column_text(st, 0));
        l->type[l->n] = strcmp((const char *)sqlite3_column_text(st, 1), "null") == 0
                            ? SQLITE_NULL
                            : sqlite3_column_type(st, 2);
        snprintf(l->text[l->n], 160, "%s",
                 sqlite3_column_text(st, 2) ? (const char *)sqlite3_column_text(st, 2) : "");
    }
    sqlite3_reset(st);
}

/* Checks every row of table's bulk log entries against the row stored
 * under its id, column by column, type and value: every column but the
 * derived name_key is logged, in the row or under "same". Returns the
 * rows checked. */
static long
bulk_log_agrees(const char *table)
{
    sqlite3 *h = db_handle(db);
    sqlite3_stmt *entries, *same, *cols, *rows, *vals, *stored;
    struct logged sm, cn, rv;
    char sql[128];
    const struct logged *from;
    long checked = 0;
    int c, k, at;

    snprintf(sql, sizeof sql, "SELECT * FROM \"%s\" WHERE id = ?1", table);
    cr_assert_eq(sqlite3_prepare_v2(h, sql, -1, &stored, NULL), SQLITE_OK);
    sqlite3_prepare_v2(h,
                       "SELECT new FROM change_log WHERE tbl = ?1 AND op = 'insert'"
                       " AND new LIKE '{\"bulk\":%'",
                       -1, &entries, NULL);
    sqlite3_prepare_v2(h, "SELECT key, type, value FROM json_each(?1, '$.same')", -1, &same, NULL);
    sqlite3_prepare_v2(h, "SELECT key, type, value FROM json_each(?1, '$.columns') ORDER BY key",
                       -1, &cols, NULL);
    sqlite3_prepare_v2(h, "SELECT value FROM json_each(?1, '$.rows') ORDER BY key", -1, &rows,
                       NULL);
    sqlite3_prepare_v2(h, "SELECT key, type, value FROM json_each(?1) ORDER BY key", -1, &vals,
                       NULL);
    sqlite3_bind_text(entries, 1, table, -1, SQLITE_STATIC);
    while (sqlite3_step(entries) == SQLITE_ROW) {
        sqlite3_bind_value(same, 1, sqlite3_column_value(entries, 0));
        logged_read(same, &sm, NULL);
        sqlite3_bind_value(cols, 1, sqlite3_column_value(entries, 0));
        logged_read(cols, &cn, NULL);
        cr_assert(cn.n > 0 && strcmp(cn.text[0], "id") == 0, "each row starts with its key");
        sqlite3_bind_value(rows, 1, sqlite3_column_value(entries, 0));
        while (sqlite3_step(rows) == SQLITE_ROW) {
            sqlite3_bind_value(vals, 1, sqlite3_column_value(rows, 0));
            logged_read(vals, &rv, &cn);
            cr_assert_eq(rv.n, cn.n, "a row of %d values under %d columns", rv.n, cn.n);
            sqlite3_bind_text(stored, 1, rv.text[0], -1, SQLITE_TRANSIENT);
            cr_assert_eq(sqlite3_step(stored), SQLITE_ROW, "%s %s is logged, not stored", table,
                         rv.text[0]);
            for (c = 0; c < sqlite3_column_count(stored); c++) {
                const char *name = sqlite3_column_name(stored, c);
                const char *have = (const char *)sqlite3_column_text(stored, c);

                if (strcmp(name, "name_key") == 0)
                    continue;
                for (from = NULL, at = -1, k = 0; k < rv.n && at < 0; k++)
                    if (strcmp(rv.name[k], name) == 0)
                        from = &rv, at = k;
                for (k = 0; k < sm.n && at < 0; k++)
                    if (strcmp(sm.name[k], name) == 0)
                        from = &sm, at = k;
                cr_assert(from != NULL, "%s.%s is not in the log", table, name);
                cr_expect_eq(from->type[at], sqlite3_column_type(stored, c), "%s.%s: type", table,
                             name);
                cr_expect_str_eq(from->text[at], have ? have : "", "%s.%s of %s", table, name,
                                 rv.text[0]);
            }
            sqlite3_reset(stored);
            checked++;
        }
        sqlite3_reset(rows);
    }
    sqlite3_finalize(entries);
    sqlite3_finalize(same);
    sqlite3_finalize(cols);
    sqlite3_finalize(rows);
    sqlite3_finalize(vals);
    sqlite3_finalize(stored);
    return checked;
}

Test(ent_import, a_large_file_is_logged_in_bulk_and_searchable_at_once)
{
    struct strbuf b = STRBUF_INIT;
    struct config *cfg = config_defaults();
    struct ent_import *im;
    struct db_enterprise x = {0};
    struct err e = {0};
    long long before;
    long ents_before = logged_rows("enterprise");

    big_csv(&b, BIG_ROWS);
    im = preview(b.s, b.len, 0);
    cr_assert_eq(im->added, BIG_ROWS, "refused %ld: %s", im->refused,
                 im->refused ? im->rows[0].note : "");
    before = db_changelog_count(db);
    apply(im);
    ent_import_free(im);
    /* Every row is in the log, in a handful of entries rather than 9000. */
    cr_expect_leq(db_changelog_count(db) - before, 6);
    cr_expect_eq(logged_rows("enterprise") - ents_before, BIG_ROWS);
    cr_expect_eq(logged_rows("enterprise_year"), BIG_ROWS);
    /* and holds each row exactly as it was stored */
    cr_expect_eq(bulk_log_agrees("enterprise"), BIG_ROWS);
    cr_expect_eq(bulk_log_agrees("enterprise_year"), BIG_ROWS);
    /* each name's sort key is what tuwei_sortkey gives, and the new
     * enterprises were written in that order, keys ascending */
    {
        sqlite3_stmt *st;

        sqlite3_prepare_v2(db_handle(db),
                           "SELECT (SELECT count(*) FROM enterprise"
                           "        WHERE name_key IS NOT tuwei_sortkey(name)),"
                           " (SELECT count(*) FROM enterprise a JOIN enterprise b"
                           "        ON b.rowid = a.rowid + 1 AND a.name LIKE '达拉特旗测试%'"
                           "        WHERE a.name_key > b.name_key OR a.id > b.id)",
                           -1, &st, NULL);
        cr_assert_eq(sqlite3_step(st), SQLITE_ROW);
        cr_expect_eq(sqlite3_column_int(st, 0), 0, "name keys that differ");
        cr_expect_eq(sqlite3_column_int(st, 1), 0, "rows out of name order");
        sqlite3_finalize(st);
    }
    /* Found by any part of the name (3+, 2 and 1 characters), short name or code. */
    cr_expect_eq(found(cfg, "测试4321号"), 1);
    cr_expect_eq(found(cfg, "4321"), 1);
    cr_expect_eq(found(cfg, "测试"), BIG_ROWS);
    cr_expect_eq(found(cfg, "测"), BIG_ROWS);
    cr_expect_eq(found(cfg, "MA0004321"), 1);
    /* The import wrote each search index in one piece and left FTS5's
     * merging on for the writes that follow (else segments pile up). */
    {
        sqlite3_stmt *st;

        sqlite3_prepare_v2(db_handle(db),
                           "SELECT (SELECT v FROM enterprise_fts_config WHERE k = 'automerge'),"
                           " (SELECT v FROM enterprise_uni_fts_config WHERE k = 'automerge')",
                           -1, &st, NULL);
        cr_assert_eq(sqlite3_step(st), SQLITE_ROW);
        cr_expect_eq(sqlite3_column_int(st, 0), 4);
        cr_expect_eq(sqlite3_column_int(st, 1), 4);
        sqlite3_finalize(st);
    }
    /* The index keeps up with a clerk's next single entry as before. */
    x.name = xstrdup("达拉特旗后来登记的储能有限公司");
    cr_assert_eq(enterprise_save(db, "王科员", &x, 0, &e), ERR_OK, "%s", e.msg);
    db_ent_free(&x);
    cr_expect_eq(found(cfg, "后来登记"), 1);
    cr_expect_eq(found(cfg, "储"), 1);
    strbuf_free(&b);
    config_free(cfg);
}

/* Two staged enterprises with one credit code: the write fails as a whole. */
static int
clashing_stage(struct db *d, void *arg, struct err *e)
{
    static struct db_enterprise x[2];
    static const struct db_enterprise *const both[] = {&x[0], &x[1]};
    static const struct db_ent_bulk bulk = {.ents = both, .nents = 2};
    static char a[] = "达拉特旗甲公司", b[] = "达拉特旗乙公司", code[] = "91310000607272395Y";

    (void)arg;
    db_log_bulk_begin(d);
    snprintf(x[0].id, sizeof x[0].id, "%s", "00000000-0000-4000-8000-00000000a001");
    x[0].name = a;
    x[0].credit_code = code;
    snprintf(x[1].id, sizeof x[1].id, "%s", "00000000-0000-4000-8000-00000000a002");
    x[1].name = b;
    x[1].credit_code = code;
    return db_ent_bulk_insert(d, &bulk, e);
}

Test(ent_import, a_failed_bulk_write_leaves_nothing_and_search_still_keeps_up)
{
    struct config *cfg = config_defaults();
    struct db_enterprise x = {0};
    struct err e = {0};
    long long before = db_changelog_count(db);

    cr_expect_neq(db_write(db, "导入员", clashing_stage, NULL, &e), ERR_OK);
    cr_expect_eq(db_changelog_count(db), before);
    cr_expect_eq(found(cfg, "甲公司"), 0);
    /* the search trigger taken away for the bulk insert came back with the rollback */
    x.name = xstrdup("达拉特旗丙公司");
    cr_assert_eq(enterprise_save(db, "王科员", &x, 0, &e), ERR_OK, "%s", e.msg);
    db_ent_free(&x);
    cr_expect_eq(found(cfg, "丙公司"), 1);
    cr_expect_eq(found(cfg, "丙"), 1);
    config_free(cfg);
}
