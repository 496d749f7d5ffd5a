/*
 * test_reg.c — the registries as a clerk uses them: typed values checked
 * field by field with Chinese messages naming the field, money in yuan
 * from 万元, records of other registries named by their names, words of
 * the vocabularies, archive and restore, lists that filter, search, sort
 * and page; and S&T projects counted against the plan's targets by kind.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/db.h"
#include "src/plan_load.h"
#include "src/project.h"
#include "src/reg.h"
#include "src/targets.h"

static struct db *db;

static void
setup(void)
{
    struct err e = {0};
    struct plan_load_stats st = {0};

    cr_assert_eq(db_open(":memory:", DB_OPEN_CREATE, &db, &e), ERR_OK, "%s", e.msg);
    cr_assert_eq(plan_load(db, "测试", &st, &e), ERR_OK, "%s", e.msg);
}

static void
teardown(void)
{
    db_close(db);
}

TestSuite(reg, .init = setup, .fini = teardown);

/* Sets field key of in to v. */
static void
put(const struct reg_def *d, struct reg_input *in, const char *key, const char *v)
{
    int i = reg_field_index(d, key);

    cr_assert_geq(i, 0, "no field %s in %s", key, d->name);
    in->val[i] = v;
}

/* Field key of record id as a clerk reads it (static buffer). */
static const char *
shown(const struct reg_def *d, const char *id, const char *key)
{
    static char buf[256];
    struct db_reg_rec r;
    struct err e = {0};
    char *s;

    cr_assert_eq(reg_get(db, d, id, &r, &e), ERR_OK, "%s", e.msg);
    s = reg_show(d, &r, (size_t)reg_field_index(d, key));
    snprintf(buf, sizeof buf, "%s", s);
    free(s);
    db_reg_rec_free(&r, d->shape.ncols);
    return buf;
}

static void
add_contract(const char *title, const char *kind, const char *amount, char id[40])
{
    struct reg_input in = {0};
    struct err e = {0};

    put(&reg_contract, &in, "title", title);
    put(&reg_contract, &in, "kind", kind);
    put(&reg_contract, &in, "seller", "鄂尔多斯碳中和研究院");
    put(&reg_contract, &in, "buyer", "蒙泰铝业");
    put(&reg_contract, &in, "amount", amount);
    cr_assert_eq(reg_save(db, "王会计", &reg_contract, NULL, &in, id, &e), ERR_OK, "%s", e.msg);
}

Test(reg, money_is_typed_in_yuan_or_wan_and_read_in_wan)
{
    static const struct {
        const char *typed;
        long long yuan;
    } ok[] = {{"120000", 120000},   {"120,000元", 120000}, {"12万", 120000},
              {"12.5万元", 125000}, {" 3000 ", 3000},      {"0.0001万", 1}};
    static const char *const bad[] = {"十二万", "-5", "12.5", "1.23456万", "", "万"};
    long long y;
    size_t i;
    char *s;

    for (i = 0; i < sizeof ok / sizeof ok[0]; i++) {
        cr_expect(reg_money_parse(ok[i].typed, &y), "%s", ok[i].typed);
        cr_expect_eq(y, ok[i].yuan, "%s", ok[i].typed);
    }
    for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
        cr_expect_not(reg_money_parse(bad[i], &y), "%s", bad[i]);
    s = reg_money_text(125000);
    cr_expect_str_eq(s, "12.5万元");
    free(s);
    s = reg_money_text(3000);
    cr_expect_str_eq(s, "0.3万元");
    free(s);
    s = reg_money_text(2000000);
    cr_expect_str_eq(s, "200万元");
    free(s);
}

Test(reg, a_contract_is_saved_with_its_stamps_and_default_status)
{
    char id[40];

    add_contract("粉煤灰提铝技术开发合同", "技术开发", "150万", id);
    cr_expect_str_eq(shown(&reg_contract, id, "amount"), "150万元");
    cr_expect_str_eq(shown(&reg_contract, id, "status"), "待登记");
    cr_expect_str_eq(shown(&reg_contract, id, "kind"), "技术开发");
}

Test(reg, each_bad_field_is_named_in_chinese)
{
    struct reg_input in = {0};
    struct err e = {0};
    char id[40];

    put(&reg_contract, &in, "title", "某合同");
    put(&reg_contract, &in, "kind", "技术买卖");
    put(&reg_contract, &in, "seller", "甲");
    put(&reg_contract, &in, "buyer", "乙");
    cr_expect_eq(reg_save(db, "甲", &reg_contract, NULL, &in, NULL, &e), ERR_INVALID);
    cr_expect_str_eq(e.field, "kind");
    cr_expect(strstr(e.msg, "合同类型不能是“技术买卖”") != NULL, "%s", e.msg);
    cr_expect(strstr(e.msg, "技术开发、技术转让、技术许可、技术咨询、技术服务") != NULL, "%s",
              e.msg);
    put(&reg_contract, &in, "kind", "技术服务");
    put(&reg_contract, &in, "signed_on", "2025-13-01");
    cr_expect_eq(reg_save(db, "甲", &reg_contract, NULL, &in, NULL, &e), ERR_INVALID);
    cr_expect_str_eq(e.field, "signed_on");
    cr_expect(strstr(e.msg, "签订日期：日期“2025-13-01”的月份 13 不存在") != NULL, "%s", e.msg);
    put(&reg_contract, &in, "signed_on", "2025/5/1");
    put(&reg_contract, &in, "amount", "五十万");
    cr_expect_eq(reg_save(db, "甲", &reg_contract, NULL, &in, NULL, &e), ERR_INVALID);
    cr_expect_str_eq(e.field, "amount");
    put(&reg_contract, &in, "amount", "50万");
    put(&reg_contract, &in, "buyer", "  ");
    cr_expect_eq(reg_save(db, "甲", &reg_contract, NULL, &in, NULL, &e), ERR_INVALID);
    cr_expect_str_eq(e.field, "buyer");
    cr_expect_str_eq(e.msg, "请填写买方。");
    put(&reg_contract, &in, "buyer", "蒙泰铝业");
    cr_assert_eq(reg_save(db, "甲", &reg_contract, NULL, &in, id, &e), ERR_OK, "%s", e.msg);
    cr_expect_str_eq(shown(&reg_contract, id, "signed_on"), "2025-05-01", "typed 2025/5/1");
}

Test(reg, bytes_that_are_not_text_are_refused_in_chinese)
{
    struct reg_input in = {0};
    struct err e = {0};
    char id[40];

    /* A GBK paste or a tab in a one-line name was stored and printed as is. */
    put(&reg_contract, &in, "title", "\xba\xcf\xcd\xac"); /* 合同 in GBK */
    put(&reg_contract, &in, "kind", "技术服务");
    put(&reg_contract, &in, "seller", "甲");
    put(&reg_contract, &in, "buyer", "乙");
    cr_expect_eq(reg_save(db, "甲", &reg_contract, NULL, &in, NULL, &e), ERR_INVALID);
    cr_expect_str_eq(e.field, "title");
    cr_expect(strstr(e.msg, "合同名称含有无法识别的字节") != NULL, "%s", e.msg);
    put(&reg_contract, &in, "title", "粉煤灰\t合同");
    cr_expect_eq(reg_save(db, "甲", &reg_contract, NULL, &in, NULL, &e), ERR_INVALID);
    cr_expect(strstr(e.msg, "合同名称含有制表符") != NULL, "%s", e.msg);
    put(&reg_contract, &in, "title", "粉煤灰合同");
    put(&reg_contract, &in, "notes", "第一行\r\n第二行\t附注");
    cr_assert_eq(reg_save(db, "甲", &reg_contract, NULL, &in, id, &e), ERR_OK, "%s", e.msg);
}

Test(reg, money_in_yi_and_too_many_digits)
{
    long long v = 0;

    cr_expect(reg_money_parse("1.5亿", &v));
    cr_expect_eq(v, 150000000LL);
    cr_expect(reg_money_parse("2亿元", &v));
    cr_expect_eq(v, 200000000LL);
    /* These overflowed a long long (UBSan: signed integer overflow). */
    cr_expect_not(reg_money_parse("999999999999999万", &v));
    cr_expect_not(reg_money_parse("99999999999999亿", &v));
    cr_expect(reg_money_parse("92233720368万", &v));
    cr_expect_eq(v, 922337203680000LL);
}

Test(reg, cross_field_rules_of_a_contract)
{
    struct reg_input in = {0};
    struct err e = {0};
    char id[40];

    add_contract("技术服务合同", "技术服务", "50万", id);
    put(&reg_contract, &in, "tech_income", "60万");
    cr_expect_eq(reg_save(db, "甲", &reg_contract, id, &in, NULL, &e), ERR_INVALID);
    cr_expect_str_eq(e.field, "tech_income");
    memset(&in, 0, sizeof in);
    put(&reg_contract, &in, "status", "已登记");
    cr_expect_eq(reg_save(db, "甲", &reg_contract, id, &in, NULL, &e), ERR_INVALID);
    cr_expect_str_eq(e.field, "registered_on");
    put(&reg_contract, &in, "registered_on", "2025-06-01");
    put(&reg_contract, &in, "signed_on", "2025-06-10");
    cr_expect_eq(reg_save(db, "甲", &reg_contract, id, &in, NULL, &e), ERR_INVALID);
    cr_expect(strstr(e.msg, "登记日期（2025-06-01）不能早于签订日期（2025-06-10）") != NULL, "%s",
              e.msg);
    put(&reg_contract, &in, "signed_on", "2025-05-20");
    cr_expect_eq(reg_save(db, "甲", &reg_contract, id, &in, NULL, &e), ERR_OK, "%s", e.msg);
    cr_expect_str_eq(shown(&reg_contract, id, "status"), "已登记");
}

Test(reg, records_of_other_registries_are_named_by_name_or_a_unique_part)
{
    struct reg_input in = {0};
    struct err e = {0};
    char id[40];

    put(&reg_coop, &in, "title", "粉煤灰综合利用合作");
    put(&reg_coop, &in, "enterprise", "蒙泰");
    put(&reg_coop, &in, "institution", "北京大学鄂尔多斯能源研究院");
    cr_assert_eq(reg_save(db, "甲", &reg_coop, NULL, &in, id, &e), ERR_OK, "%s", e.msg);
    cr_expect_str_eq(shown(&reg_coop, id, "enterprise"), "蒙泰铝业");
    put(&reg_coop, &in, "institution", "大学");
    cr_expect_eq(reg_save(db, "甲", &reg_coop, NULL, &in, id, &e), ERR_INVALID);
    cr_expect_str_eq(e.field, "institution");
    cr_expect(strstr(e.msg, "对应多条记录") != NULL, "%s", e.msg);
    put(&reg_coop, &in, "institution", "清华大学");
    cr_expect_eq(reg_save(db, "甲", &reg_coop, NULL, &in, id, &e), ERR_INVALID);
    cr_expect(strstr(e.msg, "高校院所：找不到“清华大学”") != NULL, "%s", e.msg);
}

Test(reg, a_pilot_project_links_its_partner_institutions)
{
    struct reg_input in = {0};
    struct err e = {0};
    char id[40], **labels;
    size_t n;

    put(&reg_pilot_project, &in, "name", "钠基固态电解质中试");
    put(&reg_pilot_project, &in, "base", "达拉特旗化工中试基地");
    put(&reg_pilot_project, &in, "budget", "800万");
    in.links[0] = "燕山大学亚稳材料全国重点实验室；中国矿业大学";
    cr_assert_eq(reg_save(db, "甲", &reg_pilot_project, NULL, &in, id, &e), ERR_OK, "%s", e.msg);
    cr_expect_str_eq(shown(&reg_pilot_project, id, "stage"), "申请入驻",
                     "new projects start at the first stage");
    cr_assert_eq(reg_links(db, &reg_pilot_project, 0, id, &labels, &n, &e), ERR_OK);
    cr_assert_eq(n, 2);
    db_strings_free(labels, n);
    memset(&in, 0, sizeof in);
    in.links[0] = "中国矿业大学";
    cr_assert_eq(reg_save(db, "甲", &reg_pilot_project, id, &in, NULL, &e), ERR_OK, "%s", e.msg);
    cr_assert_eq(reg_links(db, &reg_pilot_project, 0, id, &labels, &n, &e), ERR_OK);
    cr_assert_eq(n, 1);
    cr_expect_str_eq(labels[0], "中国矿业大学");
    db_strings_free(labels, n);
}

Test(reg, the_stage_is_not_typed_in_a_pilot_project)
{
    struct reg_input in = {0};
    struct err e = {0};
    char id[40];

    cr_assert_eq(reg_find(db, &reg_pilot_project, "噻虫胺", id, &e), ERR_OK, "%s", e.msg);
    put(&reg_pilot_project, &in, "stage", "产业化");
    put(&reg_pilot_project, &in, "goal", "优化合成路线");
    cr_assert_eq(reg_save(db, "甲", &reg_pilot_project, id, &in, NULL, &e), ERR_OK, "%s", e.msg);
    cr_expect_str_eq(shown(&reg_pilot_project, id, "stage"), "申请入驻");
    cr_expect_str_eq(shown(&reg_pilot_project, id, "goal"), "优化合成路线");
}

Test(reg, archive_hides_and_restore_brings_back)
{
    struct reg_filter f = {0};
    struct err e = {0};
    char id[40];
    long n;

    f.sort = -1;
    add_contract("技术许可合同", "技术许可", "20万", id);
    cr_assert_eq(reg_archive(db, "甲", &reg_contract, id, 1, &e), ERR_OK, "%s", e.msg);
    cr_assert_eq(reg_count(db, &reg_contract, &f, &n, &e), ERR_OK);
    cr_expect_eq(n, 0);
    f.archived = DB_REG_ARCHIVED;
    cr_assert_eq(reg_count(db, &reg_contract, &f, &n, &e), ERR_OK);
    cr_expect_eq(n, 1);
    cr_expect_eq(reg_archive(db, "甲", &reg_contract, id, 1, &e), ERR_CONFLICT);
    cr_assert_eq(reg_archive(db, "甲", &reg_contract, id, 0, &e), ERR_OK, "%s", e.msg);
    f.archived = DB_REG_LIVE;
    cr_assert_eq(reg_count(db, &reg_contract, &f, &n, &e), ERR_OK);
    cr_expect_eq(n, 1);
}

Test(reg, lists_filter_search_sort_and_page)
{
    struct reg_filter f = {0};
    struct db_reg_rec r[4];
    struct err e = {0};
    char id[40];
    long n;
    int got, i;

    add_contract("甲合同", "技术开发", "30万", id);
    add_contract("乙合同", "技术转让", "10万", id);
    add_contract("丙合同", "技术开发", "20万", id);
    f.sort = reg_field_index(&reg_contract, "amount");
    f.eq[reg_field_index(&reg_contract, "kind")] = "技术开发";
    cr_assert_eq(reg_count(db, &reg_contract, &f, &n, &e), ERR_OK, "%s", e.msg);
    cr_expect_eq(n, 2);
    cr_assert_eq(reg_page(db, &reg_contract, &f, 0, 4, r, &got, &e), ERR_OK, "%s", e.msg);
    cr_assert_eq(got, 2);
    cr_expect_str_eq(r[0].vals[0], "丙合同", "sorted by amount, 20万 first");
    cr_expect_str_eq(r[1].vals[0], "甲合同");
    for (i = 0; i < got; i++)
        db_reg_rec_free(&r[i], reg_contract.shape.ncols);
    memset(f.eq, 0, sizeof f.eq);
    f.desc = 1;
    cr_assert_eq(reg_page(db, &reg_contract, &f, 1, 1, r, &got, &e), ERR_OK);
    cr_assert_eq(got, 1);
    cr_expect_str_eq(r[0].vals[0], "丙合同", "the second of 30, 20, 10万");
    db_reg_rec_free(&r[0], reg_contract.shape.ncols);
    f.search = "转让";
    cr_assert_eq(reg_count(db, &reg_contract, &f, &n, &e), ERR_OK);
    cr_expect_eq(n, 1);
    /* Names sort by pinyin (bing, jia, yi), not by code point (丙 < 乙 < 甲). */
    f.search = NULL;
    f.desc = 0;
    f.sort = 0;
    cr_assert_eq(reg_page(db, &reg_contract, &f, 0, 3, r, &got, &e), ERR_OK, "%s", e.msg);
    cr_assert_eq(got, 3);
    cr_expect_str_eq(r[0].vals[0], "丙合同");
    cr_expect_str_eq(r[1].vals[0], "甲合同");
    cr_expect_str_eq(r[2].vals[0], "乙合同");
    for (i = 0; i < got; i++)
        db_reg_rec_free(&r[i], reg_contract.shape.ncols);
}

Test(reg, results_and_needs_share_a_table_but_not_a_list)
{
    struct reg_input in = {0};
    struct reg_filter f = {0};
    struct err e = {0};
    char rid[40], nid[40], mid[40];
    long n;

    f.sort = -1;
    put(&reg_result, &in, "title", "粉煤灰提取氧化铝新工艺");
    put(&reg_result, &in, "channel", "蒙科聚");
    cr_assert_eq(reg_save(db, "甲", &reg_result, NULL, &in, rid, &e), ERR_OK, "%s", e.msg);
    memset(&in, 0, sizeof in);
    put(&reg_need, &in, "title", "高铝粉煤灰资源化利用");
    put(&reg_need, &in, "owner", "蒙泰铝业");
    cr_assert_eq(reg_save(db, "甲", &reg_need, NULL, &in, nid, &e), ERR_OK, "%s", e.msg);
    cr_assert_eq(reg_count(db, &reg_result, &f, &n, &e), ERR_OK);
    cr_expect_eq(n, 1);
    cr_assert_eq(reg_count(db, &reg_need, &f, &n, &e), ERR_OK);
    cr_expect_eq(n, 1);
    memset(&in, 0, sizeof in);
    put(&reg_match, &in, "result", "高铝粉煤灰资源化利用");
    put(&reg_match, &in, "need", "高铝粉煤灰资源化利用");
    cr_expect_eq(reg_save(db, "甲", &reg_match, NULL, &in, mid, &e), ERR_INVALID,
                 "a need is not a result");
    cr_expect_str_eq(e.field, "result");
    put(&reg_match, &in, "result", "粉煤灰提取氧化铝新工艺");
    put(&reg_match, &in, "status", "对接中");
    cr_assert_eq(reg_save(db, "甲", &reg_match, NULL, &in, mid, &e), ERR_OK, "%s", e.msg);
    cr_expect_str_eq(shown(&reg_match, mid, "need"), "高铝粉煤灰资源化利用");
}

Test(reg, talent_modes_and_safeguard_notes)
{
    struct reg_input in = {0};
    struct err e = {0};
    char id[40];

    put(&reg_talent, &in, "name", "李工");
    put(&reg_talent, &in, "mode", "挂职");
    cr_expect_eq(reg_save(db, "甲", &reg_talent, NULL, &in, id, &e), ERR_INVALID);
    cr_expect(strstr(e.msg, "柔性引才、项目引才、以才引才") != NULL, "%s", e.msg);
    put(&reg_talent, &in, "mode", "柔性引才");
    cr_assert_eq(reg_save(db, "甲", &reg_talent, NULL, &in, id, &e), ERR_OK, "%s", e.msg);
    memset(&in, 0, sizeof in);
    put(&reg_safeguard_note, &in, "safeguard", "2");
    put(&reg_safeguard_note, &in, "noted_on", "2025-07-01");
    put(&reg_safeguard_note, &in, "title", "兑现2024年度科技创新奖补资金");
    put(&reg_safeguard_note, &in, "amount", "356万");
    put(&reg_safeguard_note, &in, "unit", "旗商务和投促中心");
    cr_assert_eq(reg_save(db, "甲", &reg_safeguard_note, NULL, &in, id, &e), ERR_OK, "%s", e.msg);
    cr_expect_str_eq(shown(&reg_safeguard_note, id, "safeguard"), "加强要素保障");
    cr_expect_str_eq(shown(&reg_safeguard_note, id, "unit"), "旗商务和投资促进中心",
                     "a short name finds the unit");
}

/* Adds an S&T project of kind at stage starting on start. */
static void
add_project(const char *title, const char *kind, const char *stage, const char *start)
{
    struct reg_input in = {0};
    struct err e = {0};

    put(&reg_project, &in, "title", title);
    put(&reg_project, &in, "kind", kind);
    put(&reg_project, &in, "stage", stage);
    put(&reg_project, &in, "start_date", start);
    cr_assert_eq(reg_save(db, "甲", &reg_project, NULL, &in, NULL, &e), ERR_OK, "%s: %s", title,
                 e.msg);
}

/* The live count of target code in year. */
static long
target_count(int year, const char *code)
{
    struct db_project_target *t;
    size_t n, i;
    long c = -1;
    struct err e = {0};

    cr_assert_eq(project_targets(db, year, &t, &n, &e), ERR_OK, "%s", e.msg);
    for (i = 0; i < n; i++) {
        if (strcmp(t[i].code, code) == 0)
            c = t[i].count;
    }
    db_project_targets_free(t, n);
    return c;
}

Test(reg, target_counts_by_kind_from_approval_on)
{
    struct db_project_target *t;
    struct reg_input in = {0};
    size_t n;
    char id[40];
    struct err e = {0};

    cr_expect_eq(target_count(2025, "city_project"), 0);
    add_project("煤矸石制备陶粒关键技术", "市级科技计划项目", "立项", "2025-04-01");
    add_project("氢能重卡示范", "市级科技计划项目", "实施", "2024-09-01");
    add_project("盐碱地改良", "市级科技计划项目", "申报", NULL);
    add_project("宽功率波动电解水制氢", "市级“揭榜挂帅”项目", "揭榜", NULL);
    add_project("沙化土地地力提升", "自治区科技计划项目", "实施", "2025-01-01");
    cr_expect_eq(target_count(2025, "city_project"), 2, "申报 does not count yet");
    cr_expect_eq(target_count(2025, "city_jiebang"), 0, "揭榜 is before 立项");
    add_project("节水技术研究", "市级科技计划项目", "验收", "2023-03-01");
    cr_expect_eq(target_count(2025, "city_project"), 3, "no end date: still counted");
    cr_assert_eq(reg_find(db, &reg_project, "节水技术研究", id, &e), ERR_OK);
    memset(&in, 0, sizeof in);
    put(&reg_project, &in, "end_date", "2024-12-31");
    cr_assert_eq(reg_save(db, "甲", &reg_project, id, &in, NULL, &e), ERR_OK, "%s", e.msg);
    cr_expect_eq(target_count(2025, "city_project"), 2, "ended before 2025");
    add_project("千标方级制氢样机", "市级“揭榜挂帅”项目", "立项", "2025-05-10");
    add_project("无人机巡检", "市级“揭榜挂帅”项目", "验收", "2025-02-01");
    cr_assert_eq(project_targets(db, 2025, &t, &n, &e), ERR_OK);
    cr_assert_eq(n, 2, "the two targets project kinds feed");
    cr_expect_str_eq(t[1].name, "市级“揭榜挂帅”项目");
    cr_expect_eq(t[1].count, 2);
    cr_expect(project_target_met(&t[1]), "2 of >= 2");
    cr_expect_not(project_target_met(&t[0]), "2 of >= 3");
    db_project_targets_free(t, n);
}

Test(reg, a_project_stage_belongs_to_its_kind)
{
    struct reg_input in = {0};
    struct err e = {0};
    char id[40];

    put(&reg_project, &in, "title", "某揭榜项目");
    put(&reg_project, &in, "kind", "市级“揭榜挂帅”项目");
    cr_assert_eq(reg_save(db, "甲", &reg_project, NULL, &in, id, &e), ERR_OK, "%s", e.msg);
    cr_expect_str_eq(shown(&reg_project, id, "stage"), "发榜",
                     "starts at the first stage of its flow");
    memset(&in, 0, sizeof in);
    put(&reg_project, &in, "stage", "申报");
    cr_expect_eq(reg_save(db, "甲", &reg_project, id, &in, NULL, &e), ERR_INVALID);
    cr_expect_str_eq(e.field, "stage");
    put(&reg_project, &in, "stage", "评审");
    cr_assert_eq(reg_save(db, "甲", &reg_project, id, &in, NULL, &e), ERR_OK, "%s", e.msg);
    memset(&in, 0, sizeof in);
    put(&reg_project, &in, "start_date", "2025-06-01");
    put(&reg_project, &in, "end_date", "2025-01-01");
    cr_expect_eq(reg_save(db, "甲", &reg_project, id, &in, NULL, &e), ERR_INVALID);
    cr_expect_str_eq(e.field, "end_date");
}

Test(reg, a_save_that_changes_nothing_writes_nothing)
{
    struct reg_input in = {0};
    struct err e = {0};
    char id[40];
    long long before;

    add_contract("技术咨询合同", "技术咨询", "5万", id);
    before = db_changelog_count(db);
    put(&reg_contract, &in, "amount", "50000");
    cr_assert_eq(reg_save(db, "甲", &reg_contract, id, &in, NULL, &e), ERR_OK, "%s", e.msg);
    cr_expect_eq(db_changelog_count(db), before);
}

Test(reg, every_registry_reads_its_seeded_or_empty_table)
{
    struct reg_filter f = {0};
    struct err e = {0};
    long n;
    size_t i;

    f.sort = -1;
    for (i = 0; reg_defs[i]; i++) {
        cr_assert_eq(reg_count(db, reg_defs[i], &f, &n, &e), ERR_OK, "%s: %s", reg_defs[i]->name,
                     e.msg);
        cr_expect_eq(reg_def_find(reg_defs[i]->name), reg_defs[i]);
    }
    cr_assert_eq(reg_count(db, &reg_platform, &f, &n, &e), ERR_OK);
    cr_expect_eq(n, 3, "蒙科聚 and the two 三峡蒙能 centres");
    cr_assert_eq(reg_count(db, &reg_pilot_base, &f, &n, &e), ERR_OK);
    cr_expect_eq(n, 3);
}

Test(reg, an_office_adds_and_retires_vocabulary_words)
{
    struct reg_input in = {0};
    struct err e = {0};
    char id[40];

    put(&reg_talent, &in, "name", "赵工");
    put(&reg_talent, &in, "mode", "候鸟专家");
    cr_expect_eq(reg_save(db, "甲", &reg_talent, NULL, &in, id, &e), ERR_INVALID);
    cr_assert_eq(reg_vocab_add(db, "管理员", "talent_mode", "候鸟专家", &e), ERR_OK, "%s", e.msg);
    cr_assert_eq(reg_save(db, "甲", &reg_talent, NULL, &in, id, &e), ERR_OK, "%s", e.msg);
    cr_assert_eq(reg_vocab_archive(db, "管理员", "talent_mode", "候鸟专家", &e), ERR_OK, "%s",
                 e.msg);
    cr_expect_str_eq(shown(&reg_talent, id, "mode"), "候鸟专家", "records keep a retired word");
    put(&reg_talent, &in, "name", "钱工");
    cr_expect_eq(reg_save(db, "甲", &reg_talent, NULL, &in, NULL, &e), ERR_INVALID,
                 "a retired word is no longer offered");
    cr_expect_eq(reg_vocab_add(db, "管理员", "no_such", "x", &e), ERR_INVALID);
    cr_expect_eq(reg_vocab_archive(db, "管理员", "talent_mode", "不存在", &e), ERR_NOTFOUND);
}

Test(reg, the_dashboard_counts_projects_approved_by_its_date)
{
    struct targets *t;
    struct err e = {0};
    long count;
    size_t i;
    int fed;

    add_project("煤矸石制备陶粒关键技术", "市级科技计划项目", "立项", "2025-04-01");
    add_project("氢能重卡示范", "市级科技计划项目", "实施", "2025-02-01");
    cr_assert_eq(project_target_count(db, 2025, "2025-03-31", "city_project", &count, &fed, &e),
                 ERR_OK, "%s", e.msg);
    cr_expect(fed);
    cr_expect_eq(count, 1, "only the one approved by 31 March");
    cr_assert_eq(project_target_count(db, 2025, "2025-03-31", "high_tech", &count, &fed, &e),
                 ERR_OK);
    cr_expect_not(fed, "no project kind feeds the high-tech target");
    cr_assert_eq(targets_compute(db, NULL, "2025-06-30", &t, &e), ERR_OK, "%s", e.msg);
    for (i = 0; i < t->n; i++) {
        if (strcmp(t->figs[i].code, "city_project") == 0) {
            cr_expect(t->figs[i].has_value);
            cr_expect_eq(t->figs[i].value, 2.0);
            cr_expect_eq(t->figs[i].gap, 1.0, "2 of >= 3");
        }
        if (strcmp(t->figs[i].code, "city_jiebang") == 0)
            cr_expect(t->figs[i].has_value && t->figs[i].value == 0.0);
    }
    targets_free(t);
}
