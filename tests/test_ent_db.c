/*
 * test_ent_db.c - the enterprise register on a real (in-memory) database:
 * saving with the credit-code check and its logged override, figures,
 * tier events, the funnel's counts around issue and expiry dates, warnings,
 * 三清零 and 双倍增, the list's filters, sorting, paging and search.
 */
#include <criterion/criterion.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/db.h"
#include "db/ent_list.h"
#include "db/enterprise.h"
#include "db/history.h"
#include "src/config.h"
#include "src/ent_funnel.h"
#include "src/ent_profile.h"
#include "src/ent_rules.h"
#include "src/enterprise.h"
#include "src/plan_load.h"
#include "src/strbuf.h"
#include "src/xmalloc.h"

static struct db *db;
static struct config *cfg;

static void
setup(void)
{
    struct err e = {0};

    cr_assert_not_null(setlocale(LC_ALL, "C.UTF-8")); /* names' widths */
    cr_assert_eq(db_open(":memory:", DB_OPEN_CREATE, &db, &e), ERR_OK, "%s", e.msg);
    cr_assert_eq(plan_load(db, "测试", NULL, &e), ERR_OK, "%s", e.msg);
    cfg = config_defaults();
}

static void
teardown(void)
{
    config_free(cfg);
    db_close(db);
}

TestSuite(ent_db, .init = setup, .fini = teardown);

/* Registers an enterprise; returns its key (static buffer per call site copy). */
static void
add(const char *name, const char *code, const char *township, int above, int manuf, char *id)
{
    struct db_enterprise x;
    struct err e = {0};

    memset(&x, 0, sizeof x);
    x.name = xstrdup(name);
    x.credit_code = code ? xstrdup(code) : NULL;
    x.township = township ? xstrdup(township) : NULL;
    x.above_scale = above;
    x.manufacturing = manuf;
    cr_assert_eq(enterprise_save(db, "办事员", &x, 0, &e), ERR_OK, "%s: %s", name, e.msg);
    if (id)
        strcpy(id, x.id);
    db_ent_free(&x);
}

static void
promote(const char *id, const char *tier, const char *date, const char *number)
{
    struct enterprise_tier_change c = {0};
    struct err e = {0};
    char w[256];

    c.enterprise_id = id;
    c.tier = tier;
    c.date = date;
    c.number = number;
    cr_assert_eq(enterprise_tier_change(db, "办事员", &c, w, sizeof w, &e), ERR_OK, "%s", e.msg);
}

static void
figures(const char *id, int year, long long staff, long long st, long long rd, long long inst,
        long long patents)
{
    struct db_ent_year y;
    struct err e = {0};
    int i;

    memset(&y, 0, sizeof y);
    y.year = year;
    for (i = 0; i < DB_FIG_COUNT; i++)
        y.v[i] = DB_ENT_UNKNOWN;
    y.v[DB_FIG_STAFF] = staff;
    y.v[DB_FIG_ST_STAFF] = st;
    y.v[DB_FIG_RD] = rd;
    y.v[DB_FIG_RD_INST] = inst;
    y.v[DB_FIG_INV_PATENTS] = patents;
    cr_assert_eq(enterprise_figures_save(db, "办事员", id, &y, NULL, &e), ERR_OK, "%s", e.msg);
}

Test(ent_db, credit_code_refused_unless_confirmed_and_the_override_is_logged)
{
    struct db_enterprise x;
    struct db_history_filter hf = {0};
    struct db_history_entry *h;
    struct err e = {0};
    size_t n;

    memset(&x, 0, sizeof x);
    x.name = xstrdup("恩格贝生态科技有限公司");
    x.credit_code = xstrdup("91310000607272395X");
    cr_expect_eq(enterprise_save(db, "办事员", &x, 0, &e), ERR_INVALID);
    cr_expect_str_eq(e.field, "credit_code");
    cr_expect(strstr(e.msg, "校验位") != NULL, "%s", e.msg);
    cr_expect_eq(x.id[0], '\0', "nothing saved");
    /* A clerk may not keep it; a supervisor, having seen the licence, may. */
    cr_expect_eq(enterprise_save(db, "办事员", &x, enterprise_code_confirm("clerk", 1), &e),
                 ERR_INVALID);
    cr_expect(strstr(e.msg, "只能由主管") != NULL, "%s", e.msg);
    cr_expect_eq(x.id[0], '\0', "nothing saved");
    cr_assert_eq(enterprise_save(db, "张科长", &x, enterprise_code_confirm("supervisor", 1), &e),
                 ERR_OK, "%s", e.msg);
    cr_expect_eq(x.credit_code_confirmed, 1);
    hf.tbl = "enterprise";
    hf.row_key = x.id;
    hf.limit = 10;
    cr_assert_eq(db_history_list(db, &hf, &h, &n, &e), ERR_OK);
    cr_assert_eq(n, 1);
    cr_expect_str_eq(h[0].user, "张科长");
    cr_expect(strstr(h[0].new_, "\"credit_code_confirmed\":1") != NULL, "%s", h[0].new_);
    db_history_free(h, n);
    /* Editing another field later keeps the confirmed code without asking again. */
    free(x.notes);
    x.notes = xstrdup("已核对营业执照");
    cr_expect_eq(enterprise_save(db, "办事员", &x, 0, &e), ERR_OK, "%s", e.msg);
    db_ent_free(&x);
}

Test(ent_db, duplicates_are_conflicts_with_a_clerks_message)
{
    struct db_enterprise x;
    struct err e = {0};

    add("鄂尔多斯市恒达新材料有限公司", "91310000607272395Y", NULL, 0, 0, NULL);
    memset(&x, 0, sizeof x);
    x.name = xstrdup("另一家公司");
    x.credit_code = xstrdup("9131 0000 6072 7239 5y");
    cr_expect_eq(enterprise_save(db, "办事员", &x, 0, &e), ERR_CONFLICT);
    cr_expect(strstr(e.msg, "恒达新材料") != NULL, "%s", e.msg);
    free(x.credit_code);
    x.credit_code = NULL;
    free(x.name);
    x.name = xstrdup(" 鄂尔多斯市恒达新材料有限公司　");
    cr_expect_eq(enterprise_save(db, "办事员", &x, 0, &e), ERR_CONFLICT, "names are trimmed");
    cr_expect_str_eq(e.field, "name");
    db_ent_free(&x);
}

/* A name may be 100 汉字 wide (200 columns), however many bytes it takes. */
Test(ent_db, names_longer_than_100_hanzi_are_refused_by_width)
{
    struct {
        const char *unit;
        int times, ok;
    } cases[] = {{"科", 100, 1}, {"科", 101, 0}, {"a", 200, 1}, {"a", 201, 0}, {"é", 200, 1}};
    struct strbuf name = STRBUF_INIT;
    struct db_enterprise x;
    struct err e = {0};
    size_t i;
    int k;

    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        strbuf_reset(&name);
        for (k = 0; k < cases[i].times; k++)
            strbuf_puts(&name, cases[i].unit);
        memset(&x, 0, sizeof x);
        x.name = strbuf_take(&name);
        memset(&e, 0, sizeof e);
        cr_expect_eq(enterprise_save(db, "办事员", &x, 0, &e) == ERR_OK, cases[i].ok, "%d × %s: %s",
                     cases[i].times, cases[i].unit, e.msg);
        if (!cases[i].ok)
            cr_expect(strstr(e.msg, "企业名称太长") != NULL, "%s", e.msg);
        db_ent_free(&x);
    }
    strbuf_free(&name);
}

Test(ent_db, figures_are_checked_and_unchanged_figures_write_nothing)
{
    struct db_ent_year y;
    struct err e = {0};
    char id[40];
    long long before;
    int changed, i;

    add("达拉特旗光伏科技有限公司", NULL, NULL, 0, 0, id);
    memset(&y, 0, sizeof y);
    y.year = 2024;
    for (i = 0; i < DB_FIG_COUNT; i++)
        y.v[i] = DB_ENT_UNKNOWN;
    y.v[DB_FIG_STAFF] = 10;
    y.v[DB_FIG_ST_STAFF] = 11;
    cr_expect_eq(enterprise_figures_save(db, "办事员", id, &y, &changed, &e), ERR_INVALID);
    cr_expect_str_eq(e.field, "st_staff");
    y.v[DB_FIG_ST_STAFF] = 3;
    cr_expect_eq(enterprise_figures_save(db, "办事员", id, &y, &changed, &e), ERR_OK, "%s", e.msg);
    cr_expect_eq(changed, 1);
    before = db_changelog_count(db);
    cr_expect_eq(enterprise_figures_save(db, "办事员", id, &y, &changed, &e), ERR_OK);
    cr_expect_eq(changed, 0);
    cr_expect_eq(db_changelog_count(db), before);
}

Test(ent_db, promotion_needs_evidence_and_odd_numbers_warn)
{
    struct enterprise_tier_change c = {0};
    struct err e = {0};
    char id[40], w[256];

    add("达拉特旗氢能装备有限公司", NULL, NULL, 0, 0, id);
    c.enterprise_id = id;
    c.tier = "high_tech";
    c.date = "2025-11-20";
    cr_expect_eq(enterprise_tier_change(db, "办事员", &c, w, sizeof w, &e), ERR_INVALID);
    cr_expect_str_eq(e.field, "number");
    c.number = "GR2025150001";
    cr_expect_eq(enterprise_tier_change(db, "办事员", &c, w, sizeof w, &e), ERR_OK, "%s", e.msg);
    cr_expect(strstr(w, "格式") != NULL, "a warning, not a refusal: %s", w);
    cr_expect_eq(enterprise_tier_change(db, "办事员", &c, w, sizeof w, &e), ERR_CONFLICT);
    c.drop = 1;
    c.tier = "tech_sme";
    c.note = "未通过年度评价";
    cr_expect_eq(enterprise_tier_change(db, "办事员", &c, w, sizeof w, &e), ERR_INVALID,
                 "cannot drop a tier not held");
}

/* The funnel on a day, for the counts. */
static struct ent_funnel
funnel(const char *day)
{
    struct ent_funnel f;
    struct err e = {0};

    cr_assert_eq(ent_funnel_compute(db, cfg, day, &f, &e), ERR_OK, "%s", e.msg);
    return f;
}

/* The count of a tier code in f. */
static long
count_of(const struct ent_funnel *f, const char *code)
{
    size_t i;

    for (i = 0; i < f->ntiers; i++) {
        if (strcmp(f->tier[i].code, code) == 0)
            return f->tier[i].count;
    }
    return -99;
}

Test(ent_db, funnel_counts_around_issue_and_expiry)
{
    char a[40], b[40], c[40];
    struct ent_funnel f;
    size_t i;

    add("甲科技有限公司", NULL, "树林召镇", 0, 0, a);
    add("乙科技有限公司", NULL, "树林召镇", 0, 0, b);
    add("丙科技有限公司", NULL, "王爱召镇", 0, 0, c);
    promote(a, "high_tech", "2022-12-01", "GR202215000001");    /* to 2025-11-30 */
    promote(b, "tech_sme", "2025-04-10", "2025150621A0000001"); /* to 2025-12-31 */
    promote(b, "high_tech", "2025-11-20", "GR202515000002");
    f = funnel("2025-06-30");
    cr_expect_eq(count_of(&f, "high_tech"), 1);
    cr_expect_eq(count_of(&f, "tech_sme"), 1);
    cr_expect_eq(count_of(&f, "candidate"), 1 + 10, "丙 and the plan's ten named firms");
    for (i = 0; i < f.ntiers; i++) {
        if (strcmp(f.tier[i].code, "high_tech") == 0) {
            cr_expect_eq(f.tier[i].target, 33);
            cr_expect_eq(f.tier[i].gap, 32);
        }
        if (strcmp(f.tier[i].code, "tech_sme") == 0)
            cr_expect_eq(f.tier[i].target, 65);
    }
    cr_expect_eq(f.expiring, 1, "甲's certificate ends within six months");
    f = funnel("2025-11-30");
    cr_expect_eq(count_of(&f, "high_tech"), 2, "甲 on its last day, 乙 newly certified");
    f = funnel("2025-12-01");
    cr_expect_eq(count_of(&f, "high_tech"), 1, "甲 lapsed with no one editing");
    f = funnel("2026-01-01");
    cr_expect_eq(count_of(&f, "tech_sme"), 0, "the registration held for 2025 only");
    cr_expect_eq(f.base_year, 2022);
    f = funnel("2022-12-31");
    cr_expect_eq(count_of(&f, "high_tech"), 1);
}

Test(ent_db, warnings_for_unregistered_tech_smes_near_the_deadline)
{
    char a[40], b[40];
    struct ent_funnel f;
    struct err e = {0};

    add("丁科技有限公司", NULL, NULL, 0, 0, a);
    add("戊科技有限公司", NULL, NULL, 0, 0, b);
    promote(a, "tech_sme", "2024-05-01", "2024150621A0000003");
    promote(b, "tech_sme", "2024-05-01", "2024150621A0000004");
    promote(b, "tech_sme", "2025-03-01", "2025150621A0000004");
    f = funnel("2025-06-30");
    cr_expect_eq(f.unregistered, 0, "more than 60 days before 09-30: no warning yet");
    f = funnel("2025-08-01");
    cr_expect_eq(f.unregistered, 1, "丁 registered in 2024, not yet in 2025");
    cr_assert_eq(config_set(cfg, "rules:tech_sme_deadline", "6月30日", &e), ERR_OK, "%s", e.msg);
    f = funnel("2025-05-01");
    cr_expect_eq(f.unregistered, 1, "the deadline is configurable");
    cr_expect_str_eq(f.deadline, "2025-06-30");
}

Test(ent_db, new_rd_three_zero_and_double)
{
    char a[40], b[40], c[40];
    struct ent_funnel f;

    add("规上制造甲", NULL, NULL, 1, 1, a);
    add("规上制造乙", NULL, NULL, 1, 1, b);
    add("规下企业丙", NULL, NULL, 0, 1, c);
    figures(a, 2024, 100, 10, 0, 0, 0);
    figures(a, 2025, 100, 10, 500000, 1, 2); /* new R&D, all three cleared */
    figures(b, 2024, 100, 10, 300000, 0, 0);
    figures(b, 2025, 100, 10, 200000, 0, 0); /* R&D both years: not new */
    figures(c, 2025, 10, 1, 1000, 0, 0);     /* new, but not above-scale */
    f = funnel("2025-12-31");
    cr_expect_eq(f.data_year, 2025);
    cr_expect_eq(f.new_rd, 2);
    cr_expect_eq(f.new_rd_target, 10);
    cr_expect_eq(f.tz_total, 2);
    cr_expect_eq(f.tz_cleared, 1);
    cr_expect_eq(f.tz_lacking[0], 0);
    cr_expect_eq(f.tz_lacking[1], 1);
    cr_expect_eq(f.tz_lacking[2], 1);
    cr_expect_str_eq(f.tz_item[2], "发明专利");
    /* 双倍增: the base year's count. */
    promote(a, "high_tech", "2022-06-01", "GR202215000010");
    promote(b, "high_tech", "2024-06-01", "GR202415000011");
    f = funnel("2024-12-31");
    cr_expect_eq(f.tier[2].base, 1);
    cr_expect_eq(f.tier[2].count, 2);
}

/* A list filter on 2025-06-30 with nothing set. */
static struct db_ent_filter
filter(struct ent_asof *a)
{
    struct db_ent_filter f;
    struct err e = {0};

    cr_assert_eq(ent_asof_init(db, cfg, "2025-06-30", a, &e), ERR_OK);
    memset(&f, 0, sizeof f);
    f.asof = &a->a;
    f.above_scale = -1;
    return f;
}

static long
count(const struct db_ent_filter *f)
{
    struct err e = {0};
    long n = db_ent_list_count(db, f, &e);

    cr_assert_geq(n, 0, "%s", e.msg);
    return n;
}

Test(ent_db, search_by_any_part_of_the_name_short_name_or_code)
{
    struct ent_asof a;
    struct db_ent_filter f = filter(&a);
    struct db_enterprise x;
    struct err e = {0};
    char id[40];

    add("内蒙古鑫源新能源科技有限公司", "91310000607272395Y", NULL, 0, 0, id);
    add("达拉特旗金泰农牧业有限责任公司", NULL, NULL, 0, 0, NULL);
    f.search = "鑫源新能源";
    cr_expect_eq(count(&f), 1, "five characters: trigram");
    f.search = "鑫";
    cr_expect_eq(count(&f), 1, "one character");
    f.search = "新能";
    cr_expect_eq(count(&f), 1, "two characters");
    f.search = "有限";
    cr_expect_eq(count(&f), 3, "with the plan's 内蒙古聚达发电有限责任公司");
    f.search = "72395";
    cr_expect_eq(count(&f), 1, "part of the credit code");
    f.search = "农牧 金泰";
    cr_expect_eq(count(&f), 1, "terms are ANDed");
    f.search = "农牧业";
    cr_expect_eq(count(&f), 2, "万通农牧业 of the plan and 金泰");
    f.search = "\"";
    cr_expect_eq(count(&f), 0, "a quote is searched for, not an error");
    /* Renaming keeps the index in step. */
    cr_assert_eq(db_ent_get(db, id, &x, &e), ERR_OK);
    free(x.name);
    x.name = xstrdup("内蒙古鑫晟储能有限公司");
    x.short_name = xstrdup("鑫晟");
    cr_assert_eq(enterprise_save(db, "办事员", &x, 0, &e), ERR_OK, "%s", e.msg);
    f.search = "鑫源新能源";
    cr_expect_eq(count(&f), 0);
    f.search = "鑫晟储能";
    cr_expect_eq(count(&f), 1);
    f.search = "晟";
    cr_expect_eq(count(&f), 1, "the short name too");
    db_ent_free(&x);
}

Test(ent_db, list_filters_sorting_and_paging)
{
    struct ent_asof a;
    struct db_ent_filter f = filter(&a);
    struct db_ent_row *rows;
    struct err e = {0};
    char id[40], tier_id[40];
    size_t n;

    add("阿拉善科技", NULL, "王爱召镇", 1, 0, id);
    add("白塔科技", NULL, "树林召镇", 0, 0, NULL);
    add("草原科技", NULL, "王爱召镇", 0, 0, NULL);
    promote(id, "tech_sme", "2025-03-01", "2025150621A0000100");
    f.township = "王爱召镇";
    cr_expect_eq(count(&f), 2);
    f.above_scale = 1;
    cr_expect_eq(count(&f), 1);
    f.township = NULL;
    f.above_scale = -1;
    {
        struct db_tier *t;

        cr_assert_eq(db_tier_list(db, &t, &n, &e), ERR_OK);
        strcpy(tier_id, t[1].id);
        db_tier_list_free(t, n);
    }
    f.tier_id = tier_id;
    cr_expect_eq(count(&f), 1);
    f.tier_id = NULL;
    f.candidate = 1;
    cr_expect_eq(count(&f), 12, "two added plus ten from the plan");
    f.candidate = 0;
    f.sort = DB_ENT_SORT_TOWNSHIP;
    f.desc = 1;
    cr_assert_eq(db_ent_list_page(db, &f, 0, 2, &rows, &n, &e), ERR_OK);
    cr_assert_eq(n, 2);
    cr_expect_str_eq(rows[0].township, "王爱召镇");
    cr_expect_str_eq(rows[0].name, "草原科技", "names in pinyin order (cao, a), reversed");
    db_ent_rows_free(rows, n);
    f.sort = DB_ENT_SORT_NAME;
    f.desc = 0;
    f.search = "科技";
    cr_assert_eq(db_ent_list_page(db, &f, 1, 5, &rows, &n, &e), ERR_OK);
    cr_expect_eq(n, 2, "three match; the page starts at the second");
    cr_expect_str_eq(rows[0].name, "白塔科技");
    cr_expect_str_eq(rows[1].name, "草原科技");
    cr_expect_eq(rows[0].tier_rank, -1);
    db_ent_rows_free(rows, n);
    cr_assert_eq(db_ent_list_page(db, &f, 0, 1, &rows, &n, &e), ERR_OK);
    cr_expect_str_eq(rows[0].name, "阿拉善科技");
    cr_expect_str_eq(rows[0].tier_name, "科技型中小企业");
    db_ent_rows_free(rows, n);
}

/* The names of the whole list in its order, joined by "|". */
static void
list_names(struct db_ent_filter *f, char *out, size_t size)
{
    struct db_ent_row *rows;
    struct err e = {0};
    size_t n, i, used = 0;

    cr_assert_eq(db_ent_list_page(db, f, 0, 100, &rows, &n, &e), ERR_OK, "%s", e.msg);
    out[0] = '\0';
    for (i = 0; i < n; i++)
        used += (size_t)snprintf(out + used, size - used, "%s%s", i ? "|" : "", rows[i].name);
    db_ent_rows_free(rows, n);
}

Test(ent_db, names_sort_by_pinyin_as_a_clerk_expects)
{
    struct ent_asof a;
    struct db_ent_filter f = filter(&a);
    struct db_enterprise x;
    struct err e = {0};
    char id[40], names[1024];

    /* By code point 中 (U+4E2D) < 包 (U+5305) < 达 (U+8FBE) < 鄂 (U+9102) < 阿 (U+963F). */
    add("鄂尔多斯市测试甲有限公司", NULL, "试验镇", 0, 0, NULL);
    add("中测试乙有限公司", NULL, "试验镇", 0, 0, NULL);
    add("阿测试丙有限公司", NULL, "试验镇", 0, 0, id);
    add("包头市测试丁有限公司", NULL, "试验镇", 0, 0, NULL);
    add("达拉特旗测试戊有限公司", NULL, "试验镇", 0, 0, NULL);
    add("3D测试己有限公司", NULL, "试验镇", 0, 0, NULL);
    f.township = "试验镇";
    list_names(&f, names, sizeof names);
    cr_expect_str_eq(names, "3D测试己有限公司|阿测试丙有限公司|包头市测试丁有限公司|"
                            "达拉特旗测试戊有限公司|鄂尔多斯市测试甲有限公司|中测试乙有限公司");
    f.desc = 1;
    list_names(&f, names, sizeof names);
    cr_expect(strncmp(names, "中测试乙", strlen("中测试乙")) == 0, "%s", names);
    /* A renamed enterprise moves to its new place. */
    cr_assert_eq(db_ent_get(db, id, &x, &e), ERR_OK);
    free(x.name);
    x.name = xstrdup("准格尔测试丙有限公司");
    cr_assert_eq(enterprise_save(db, "办事员", &x, 0, &e), ERR_OK, "%s", e.msg);
    db_ent_free(&x);
    f.desc = 0;
    list_names(&f, names, sizeof names);
    cr_expect_str_eq(names, "3D测试己有限公司|包头市测试丁有限公司|达拉特旗测试戊有限公司|"
                            "鄂尔多斯市测试甲有限公司|中测试乙有限公司|准格尔测试丙有限公司");
}

Test(ent_db, archive_hides_and_restore_returns)
{
    struct ent_asof a;
    struct db_ent_filter f = filter(&a);
    struct err e = {0};
    char id[40], found[40];
    long before;

    add("归档测试有限公司", NULL, NULL, 0, 0, id);
    before = count(&f);
    cr_assert_eq(enterprise_archive(db, "办事员", id, 1, &e), ERR_OK, "%s", e.msg);
    cr_expect_eq(count(&f), before - 1);
    f.archived = 1;
    cr_expect_eq(count(&f), 1);
    cr_expect_eq(enterprise_resolve(db, "归档测试有限公司", found, &e), ERR_OK);
    /* a deleted enterprise is still found by its exact name */
    cr_expect_eq(db_ent_find_name(db, "归档测试有限公司", found, &e), 1);
    cr_expect_str_eq(found, id);
    cr_assert_eq(enterprise_archive(db, "办事员", id, 0, &e), ERR_OK, "%s", e.msg);
    cr_expect_eq(db_ent_find_name(db, "归档测试有限公司", found, &e), 1);
    cr_expect_str_eq(found, id);
    cr_expect_eq(db_ent_find_name(db, "归档测试", found, &e), 0, "the whole name, not a part");
    f.archived = 0;
    cr_expect_eq(count(&f), before);
}

Test(ent_db, resolve_by_code_name_or_unique_part)
{
    char id[40], got[40];
    struct err e = {0};

    add("达拉特旗沙漠治理科技有限公司", "91310000607272395Y", NULL, 0, 0, id);
    cr_expect_eq(enterprise_resolve(db, "91310000607272395y", got, &e), ERR_OK);
    cr_expect_str_eq(got, id);
    cr_expect_eq(enterprise_resolve(db, "沙漠治理", got, &e), ERR_OK, "%s", e.msg);
    cr_expect_str_eq(got, id);
    cr_expect_eq(enterprise_resolve(db, "有限", got, &e), ERR_INVALID, "several match");
    cr_expect_eq(enterprise_resolve(db, "不存在的企业", got, &e), ERR_NOTFOUND);
}

Test(ent_db, rule_overrides_live_in_the_database)
{
    struct ent_rules r;
    struct err e = {0};

    cr_expect_eq(ent_rules_save(db, "科长", "sme.min_score", "abc", &e), ERR_INVALID);
    cr_assert_eq(ent_rules_save(db, "科长", "sme.min_score", "65", &e), ERR_OK, "%s", e.msg);
    cr_assert_eq(ent_rules_load(db, &r, &e), ERR_OK);
    cr_expect_eq(r.n[ENT_R_SME_MIN_SCORE], 65);
    cr_expect(r.overridden[ENT_R_SME_MIN_SCORE]);
    cr_assert_eq(ent_rules_save(db, "科长", "sme.min_score", NULL, &e), ERR_OK, "%s", e.msg);
    cr_assert_eq(ent_rules_load(db, &r, &e), ERR_OK);
    cr_expect_eq(r.n[ENT_R_SME_MIN_SCORE], 60);
}

Test(ent_db, profile_and_ranking)
{
    struct ent_rules r;
    struct ent_profile p;
    struct ent_rank_group *g;
    struct err e = {0};
    char id[40];
    size_t ng;

    cr_assert_eq(ent_rules_load(db, &r, &e), ERR_OK);
    add("排名测试科技有限公司", NULL, NULL, 0, 0, id);
    figures(id, 2024, 100, 30, 0, 0, 0);
    cr_assert_eq(ent_profile_load(db, &r, id, "2025-06-30", &p, &e), ERR_OK, "%s", e.msg);
    cr_expect_eq(p.eval_year, 2024);
    cr_expect_eq(p.current, 0);
    cr_expect_eq(p.next, 1);
    cr_expect_eq(p.sme.staff_pts, 20);
    ent_profile_free(&p);
    cr_assert_eq(ent_rank_compute(db, &r, "2025-06-30", NULL, NULL, 3, &g, &ng, &e), ERR_OK);
    cr_assert_geq(ng, 1);
    cr_assert_geq(g[0].n, 1);
    cr_expect_str_eq(g[0].items[0].name, "排名测试科技有限公司",
                     "the one with figures ranks first");
    ent_rank_free(g, ng);
}

static void
count_warn(void *arg, const char *id, int warn, const char *until)
{
    long *n = arg;

    (void)id;
    (void)until;
    n[0] += (warn & DB_ENT_WARN_EXPIRING) != 0;
    n[1] += (warn & DB_ENT_WARN_UNREGISTERED) != 0;
}

/* The funnel's single pass and the list's SQL agree on tiers and warnings,
 * on days around issues, expiries, drops and an archived holder. */
Test(ent_db, funnel_pass_and_list_sql_agree)
{
    static const char *const days[] = {"2023-12-31", "2024-06-30", "2024-12-31", "2025-01-01",
                                       "2025-08-15", "2025-12-01", "2026-03-01"};
    char id[6][40], tier_id[4][40];
    struct db_tier *t;
    struct ent_funnel f;
    struct ent_asof a;
    struct db_ent_filter lf;
    struct enterprise_tier_change c = {0};
    struct err e = {0};
    long w[2];
    size_t n, i, k;
    char warn[256];

    for (i = 0; i < 6; i++) {
        char name[32];

        snprintf(name, sizeof name, "一致性%zu号公司", i);
        add(name, NULL, NULL, 0, 0, id[i]);
    }
    promote(id[0], "tech_sme", "2024-04-01", "2024150621A0000201");
    promote(id[0], "tech_sme", "2025-04-01", "2025150621A0000201");
    promote(id[1], "tech_sme", "2024-04-01", "2024150621A0000202");
    promote(id[2], "high_tech", "2022-12-01", "GR202215000203");
    promote(id[3], "high_tech", "2022-12-01", "GR202215000204");
    promote(id[3], "high_tech", "2025-11-01", "GR202515000204");
    promote(id[4], "high_tech", "2024-01-10", "GR202415000205");
    c.enterprise_id = id[4];
    c.tier = "high_tech";
    c.drop = 1;
    c.date = "2025-02-01";
    c.note = "撤销";
    cr_assert_eq(enterprise_tier_change(db, "办事员", &c, warn, sizeof warn, &e), ERR_OK, "%s",
                 e.msg);
    promote(id[5], "high_tech", "2024-01-10", "GR202415000206");
    cr_assert_eq(enterprise_archive(db, "办事员", id[5], 1, &e), ERR_OK);
    cr_assert_eq(db_tier_list(db, &t, &n, &e), ERR_OK);
    for (i = 0; i < n && i < 4; i++)
        strcpy(tier_id[i], t[i].id);
    for (k = 0; k < sizeof days / sizeof days[0]; k++) {
        f = funnel(days[k]);
        cr_assert_eq(ent_asof_init(db, cfg, days[k], &a, &e), ERR_OK);
        for (i = 0; i < n && i < 4; i++) {
            memset(&lf, 0, sizeof lf);
            lf.asof = &a.a;
            lf.above_scale = -1;
            lf.tier_id = i ? tier_id[i] : NULL;
            lf.candidate = i == 0;
            cr_expect_eq(count(&lf), f.tier[i].count, "%s on %s", t[i].code, days[k]);
        }
        w[0] = w[1] = 0;
        cr_assert_eq(db_ent_warnings(db, &a.a, count_warn, w, &e), ERR_OK);
        cr_expect_eq(w[0], f.expiring, "expiring on %s", days[k]);
        cr_expect_eq(w[1], f.unregistered, "unregistered on %s", days[k]);
    }
    f = funnel("2025-08-15");
    cr_expect_eq(f.unregistered, 1, "一致性1号: 2024 only");
    f = funnel("2025-06-30");
    cr_expect_eq(f.expiring, 1, "一致性2号's lapses 2025-11-30; 3号 renewed");
    db_tier_list_free(t, n);
}
