/*
 * test_ent_import.c - importing the CSV files offices keep: BOM, GB18030,
 * quoted commas and newlines, headers in any order with their units,
 * refused rows with line and reason, the preview writing nothing, the
 * re-import changing nothing, and the export reading back unchanged.
 */
#include <criterion/criterion.h>
#include <iconv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "db/db.h"
#include "db/enterprise.h"
#include "src/ent_import.h"
#include "src/ent_money.h"
#include "src/enterprise.h"
#include "src/plan_load.h"
#include "src/strbuf.h"

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
