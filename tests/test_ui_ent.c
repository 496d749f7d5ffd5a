/*
 * test_ui_ent.c - the 梯度培育 screen with Chinese data, played headless:
 * the funnel moving after a promotion, an enterprise's page with its score
 * and checklists, a refused credit code kept in the form with its message
 * under the field, filters, and golden screens at 80x24 and 120x40
 * (tests/golden/ent_*.txt; regenerate with TUWEI_GOLDEN_UPDATE=1).
 */
#include <criterion/criterion.h>
#include <locale.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db/db.h"
#include "db/db_priv.h"
#include "src/config.h"
#include "src/enterprise.h"
#include "src/msg.h"
#include "src/plan_load.h"
#include "src/textw.h"
#include "src/xmalloc.h"
#include "ui/ui.h"

#include "screen_play.h"

static struct db *db;
static struct config *cfg;

static void
add(const char *name, const char *township, char *id)
{
    struct db_enterprise x;
    struct err e = {0};

    memset(&x, 0, sizeof x);
    x.name = xstrdup(name);
    x.township = xstrdup(township);
    x.above_scale = 1;
    x.manufacturing = 1;
    snprintf(x.established, sizeof x.established, "2018-05-06");
    x.ht_domain = xstrdup("新材料");
    cr_assert_eq(enterprise_save(db, "测试", &x, 0, &e), ERR_OK, "%s", e.msg);
    strcpy(id, x.id);
    db_ent_free(&x);
}

static void
figures(const char *id, int year, long long rd)
{
    struct db_ent_year y;
    struct err e = {0};
    int i;

    memset(&y, 0, sizeof y);
    y.year = year;
    for (i = 0; i < DB_FIG_COUNT; i++)
        y.v[i] = DB_ENT_UNKNOWN;
    y.v[DB_FIG_STAFF] = 120;
    y.v[DB_FIG_ST_STAFF] = 30;
    y.v[DB_FIG_SALES] = 50000000;
    y.v[DB_FIG_TOTAL_COST] = 40000000;
    y.v[DB_FIG_TOTAL_ASSETS] = 80000000;
    y.v[DB_FIG_RD] = rd;
    y.v[DB_FIG_RD_DOMESTIC] = rd;
    y.v[DB_FIG_HT_REVENUE] = 40000000;
    y.v[DB_FIG_IP1] = 2;
    y.v[DB_FIG_IP2] = 5;
    y.v[DB_FIG_RD_INST] = 1;
    y.v[DB_FIG_INV_PATENTS] = 2;
    y.v[DB_FIG_INNOVATION] = 75;
    y.v[DB_FIG_INCIDENT] = 0;
    cr_assert_eq(enterprise_figures_save(db, "测试", id, &y, NULL, &e), ERR_OK, "%s", e.msg);
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
    cr_assert_eq(enterprise_tier_change(db, "测试", &c, w, sizeof w, &e), ERR_OK, "%s", e.msg);
}

static void
setup(void)
{
    struct err e = {0};
    char a[40], b[40];

    cr_assert_not_null(setlocale(LC_ALL, "C.UTF-8"));
    cr_assert_eq(db_open(":memory:", DB_OPEN_CREATE, &db, &e), ERR_OK, "%s", e.msg);
    cr_assert_eq(plan_load(db, "测试", NULL, &e), ERR_OK, "%s", e.msg);
    cfg = config_defaults();
    cr_assert_eq(config_set(cfg, "user:name", "张三", &e), ERR_OK);
    cr_assert_eq(config_set(cfg, "ui:color", "no", &e), ERR_OK);
    add("达拉特旗鑫源新能源科技有限公司", "达拉特经济开发区", a);
    add("内蒙古金泰新材料有限公司", "树林召镇", b);
    figures(a, 2022, 2500000);
    figures(a, 2023, 2600000);
    figures(a, 2024, 2700000);
    figures(b, 2024, 300000);
    promote(a, "high_tech", "2023-12-12", "GR202315000123");
    promote(b, "tech_sme", "2024-04-10", "2024150621A0000123");
}

static void
teardown(void)
{
    db_close(db);
    config_free(cfg);
    msg_set_language("zh_CN");
}

TestSuite(ui_ent, .init = setup, .fini = teardown, .timeout = 60);

/* Plays keys on the screen of cols x rows; returns its text. */
static char *
play(const char *keys, int cols, int rows)
{
    return screen_play(cfg, db, "2025-06-30", keys, cols, rows);
}

static void
golden(const char *name, const char *keys, int cols, int rows)
{
    char path[1024], *got = play(keys, cols, rows), *want, *line, *p, *nl;
    const char *src = getenv("TUWEI_SOURCE_DIR");
    FILE *f;

    cr_assert_not_null(src);
    for (p = got; (nl = strchr(p, '\n')) != NULL; p = nl + 1) {
        line = xstrndup(p, (size_t)(nl - p));
        cr_expect_leq(textw_width(line), cols, "too wide: '%s'", line);
        free(line);
    }
    snprintf(path, sizeof path, "%s/tests/golden/%s.txt", src, name);
    if (getenv("TUWEI_GOLDEN_UPDATE") && (f = fopen(path, "w")) != NULL) {
        fputs(got, f);
        fclose(f);
    }
    want = screen_slurp(path);
    cr_assert_not_null(want, "%s is missing; run with TUWEI_GOLDEN_UPDATE=1", path);
    cr_expect_str_eq(got, want, "screen %s differs:\n%s", name, got);
    free(got);
    free(want);
}

Test(ui_ent, golden_funnel_and_list_80x24)
{
    golden("ent_funnel_80x24", "3", 80, 24);
}

Test(ui_ent, golden_page_with_checklists_120x40)
{
    golden("ent_page_120x40", "3 /鑫源<Enter> <Tab> <PgDn>", 120, 40);
}

Test(ui_ent, golden_form_refusal_80x24)
{
    golden("ent_form_refusal_80x24", "3 a 恒通物流 <Tab> <Tab> 91310000607272395X <F2>", 80, 24);
}

Test(ui_ent, the_funnel_counts_the_enterprises)
{
    char *s = play("3", 100, 30);

    /* 金泰's registration held for 2024 only; 鑫源's certificate runs to 2026. */
    cr_expect(strstr(s, "科小 0/65 差65") != NULL, "%s", s);
    cr_expect(strstr(s, "高企 1/33 差32") != NULL, "%s", s);
    cr_expect(strstr(s, "三清零 2/2") != NULL, "%s", s);
    free(s);
    s = play("3", 100, 30);
    cr_expect(strstr(s, "金泰") != NULL);
    free(s);
}

/* Sets every count target of the plan to 100000 (a big banner's figures). */
static int
big_targets(struct db *d, void *arg, struct err *e)
{
    sqlite3_stmt *st = db_stmt(d, "UPDATE target SET value = 100000 WHERE kind = 'count'", e);

    (void)arg;
    return st ? db_exec_stmt(d, st, e) : ERR_DB;
}

/* With five- and six-digit figures the funnel line is wider than 80
 * columns: it closes up (single spaces, then no 差…) rather than lose the
 * new-R&D count off the edge. */
Test(ui_ent, the_funnel_line_fits_80_columns_with_big_figures)
{
    struct err e = {0};
    char *s, *line;

    cr_assert_eq(db_write(db, "测试", big_targets, NULL, &e), ERR_OK, "%s", e.msg);
    s = play("3", 80, 24);
    line = strstr(s, "截至");
    cr_assert_not_null(line, "%s", s);
    cr_expect(strstr(line, "新增研发 ") != NULL && strstr(line, "新增研发 ") < strchr(line, '\n'),
              "%s", s);
    cr_expect(strstr(line, "科小 0/100000") != NULL, "%s", s);
    free(s);
    s = play("3", 160, 30); /* room enough: as designed, with the gaps */
    cr_expect(strstr(s, "科小 0/100000 差100000  高企") != NULL, "%s", s);
    free(s);
}

Test(ui_ent, a_refused_code_keeps_what_was_typed)
{
    char *s =
        play("3 a 达拉特旗恒通物流有限公司 <Tab> 恒通 <Tab> 91310000607272395X <F2>", 100, 30);

    cr_expect(strstr(s, "校验位不符") != NULL, "%s", s);
    cr_expect(strstr(s, "达拉特旗恒通物流有限公司") != NULL, "the name stays: %s", s);
    cr_expect(strstr(s, "91310000607272395X") != NULL, "the code stays");
    free(s);
}

Test(ui_ent, filter_by_tier_shows_only_holders)
{
    /* v opens the filter form; the tier choice: (全部) 培育对象 科技型中小企业 高新技术企业. */
    char *s = play("3 v <Right> <Right> <Right> <F2>", 100, 30);

    cr_expect(strstr(s, "企业（1）") != NULL, "%s", s);
    cr_expect(strstr(s, "显示：高新技术企业") != NULL, "%s", s);
    cr_expect(strstr(s, "鑫源新能源") != NULL, "%s", s);
    free(s);
}

Test(ui_ent, promoting_on_screen_moves_the_funnel)
{
    char *s =
        play("3 /金泰<Enter> m <Down> <Down> <Enter> <Tab> <Right> <Tab> <Tab> GR202515000999 <F2>",
             100, 30);

    cr_expect(strstr(s, "高企 2/33 差31") != NULL, "%s", s);
    cr_expect(strstr(s, "已记录入库/认定") != NULL, "%s", s);
    free(s);
}

Test(ui_ent, the_ranking_names_what_holds_back)
{
    char *s = play("3 m <End> <Up> <Up> <Enter>", 100, 30);

    cr_expect(strstr(s, "最接近下一梯度的企业") != NULL, "%s", s);
    cr_expect(strstr(s, "-> 科技型中小企业") != NULL, "%s", s);
    free(s);
}
