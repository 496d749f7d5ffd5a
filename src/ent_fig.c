/*
 * ent_fig.c — labels, headers and value formats of the yearly figures.
 */
#include "src/ent_fig.h"

#include <stdio.h>
#include <string.h>

#include "src/ent_money.h"

static const char *const h_staff[] = {"职工总数",   "职工人数",   "从业人员",
                                      "从业人数",   "员工总数",   "员工人数",
                                      "职工总人数", "从业人员数", NULL};
static const char *const h_st[] = {
    "科技人员", "科技人员数", "科技人员人数", "研发人员", "研发人员数", "科技人员总数", NULL};
static const char *const h_sales[] = {
    "销售收入", "营业收入", "主营业务收入", "销售额", "年销售收入", "营业总收入", NULL};
static const char *const h_cost[] = {"成本费用总额", "成本费用", "总成本", "成本总额", NULL};
static const char *const h_assets[] = {"资产总额", "总资产", "资产总计", NULL};
static const char *const h_rd[] = {"研发费用",     "研发投入",     "研发经费",    "R&D经费",
                                   "研究开发费用", "研发费用总额", "R&D经费支出", NULL};
static const char *const h_dom[] = {"境内研发费用", "其中境内研发费用", "境内研究开发费用", NULL};
static const char *const h_ht[] = {"高新技术产品收入",       "高新技术产品（服务）收入",
                                   "高新技术产品(服务)收入", "高新收入",
                                   "高新技术产品服务收入",   NULL};
static const char *const h_ip1[] = {"Ⅰ类知识产权",   "I类知识产权",   "一类知识产权",
                                    "Ⅰ类知识产权数", "I类知识产权数", NULL};
static const char *const h_ip2[] = {"Ⅱ类知识产权",   "II类知识产权",   "二类知识产权",
                                    "Ⅱ类知识产权数", "II类知识产权数", NULL};
static const char *const h_inst[] = {"研发机构", "研发机构级别", "研发平台", "有无研发机构", NULL};
static const char *const h_inv[] = {"有效发明专利", "发明专利",       "有效发明专利数",
                                    "发明专利数",   "发明专利拥有量", NULL};
static const char *const h_score[] = {"创新能力评价", "创新能力评价得分", "创新能力得分", NULL};
static const char *const h_incident[] = {"重大事故", "是否发生重大事故", "重大安全质量环境事故",
                                         NULL};

const struct ent_fig_info ent_fig_info[DB_FIG_COUNT] = {
    [DB_FIG_STAFF] = {"职工总数", "--staff", ENT_FIG_PEOPLE, h_staff},
    [DB_FIG_ST_STAFF] = {"科技人员", "--st-staff", ENT_FIG_PEOPLE, h_st},
    [DB_FIG_SALES] = {"销售收入", "--sales", ENT_FIG_MONEY, h_sales},
    [DB_FIG_TOTAL_COST] = {"成本费用总额", "--total-cost", ENT_FIG_MONEY, h_cost},
    [DB_FIG_TOTAL_ASSETS] = {"资产总额", "--total-assets", ENT_FIG_MONEY, h_assets},
    [DB_FIG_RD] = {"研发费用", "--rd", ENT_FIG_MONEY, h_rd},
    [DB_FIG_RD_DOMESTIC] = {"境内研发费用", "--rd-domestic", ENT_FIG_MONEY, h_dom},
    [DB_FIG_HT_REVENUE] = {"高新技术产品收入", "--ht-revenue", ENT_FIG_MONEY, h_ht},
    [DB_FIG_IP1] = {"I类知识产权", "--ip1", ENT_FIG_ITEMS, h_ip1},
    [DB_FIG_IP2] = {"II类知识产权", "--ip2", ENT_FIG_ITEMS, h_ip2},
    [DB_FIG_RD_INST] = {"研发机构", "--rd-inst", ENT_FIG_LEVEL, h_inst},
    [DB_FIG_INV_PATENTS] = {"有效发明专利", "--inv-patents", ENT_FIG_ITEMS, h_inv},
    [DB_FIG_INNOVATION] = {"创新能力评价", "--innovation", ENT_FIG_SCORE, h_score},
    [DB_FIG_INCIDENT] = {"重大事故", "--incident", ENT_FIG_FLAG, h_incident},
};

static const struct {
    const char *word;
    int level;
} fig_levels[] = {
    {"无", 0},       {"没有", 0},     {"否", 0},         {"none", 0},
    {"企业自建", 1}, {"自建", 1},     {"有", 1},         {"企业级", 1},
    {"市级", 1},     {"own", 1},      {"省级及以上", 2}, {"省级", 2},
    {"国家级", 2},   {"自治区级", 2}, {"省部级", 2},     {"provincial", 2},
};

const char *
ent_fig_level_word(long long v)
{
    return v == 0 ? "无" : v == 1 ? "企业自建" : v == 2 ? "省级及以上" : "";
}

/* A whole number; -1 if s is not one (spaces around allowed). */
static long long
fig_whole(const char *s)
{
    long long v = 0;
    int digits = 0;

    while (*s == ' ')
        s++;
    for (; (*s >= '0' && *s <= '9') || (*s == ',' && digits); s++) {
        if (*s == ',')
            continue;
        if (++digits > 12)
            return -1;
        v = v * 10 + (*s - '0');
    }
    if (*s == '.') /* "12.0" from a spreadsheet */
        for (s++; *s == '0'; s++)
            ;
    while (*s == ' ')
        s++;
    return digits && *s == '\0' ? v : -1;
}

/* Strips a trailing unit word (人, 项, 件, 分) from a count. */
static long long
fig_count(const char *s)
{
    static const char *const units[] = {"人", "项", "件", "分", "个", NULL};
    char buf[64];
    size_t n = strlen(s), i, u;

    if (n >= sizeof buf)
        return -1;
    memcpy(buf, s, n + 1);
    for (i = 0; units[i]; i++) {
        u = strlen(units[i]);
        if (n > u && strcmp(buf + n - u, units[i]) == 0) {
            buf[n - u] = '\0';
            break;
        }
    }
    return fig_whole(buf);
}

int
ent_fig_parse(int fig, const char *text, long long money_unit, long long *v)
{
    size_t i;
    int b;

    *v = DB_ENT_UNKNOWN;
    while (*text == ' ')
        text++;
    if (*text == '\0')
        return 0;
    switch (ent_fig_info[fig].kind) {
    case ENT_FIG_MONEY:
        return ent_money_parse(text, money_unit, v);
    case ENT_FIG_LEVEL:
        for (i = 0; i < sizeof fig_levels / sizeof fig_levels[0]; i++) {
            if (strcmp(text, fig_levels[i].word) == 0) {
                *v = fig_levels[i].level;
                return 0;
            }
        }
        *v = fig_whole(text);
        return *v >= 0 && *v <= 2 ? 0 : (*v = DB_ENT_UNKNOWN, -1);
    case ENT_FIG_FLAG:
        b = strcmp(text, "是") == 0 || strcmp(text, "有") == 0 || strcmp(text, "1") == 0 ||
            strcmp(text, "yes") == 0;
        if (b || strcmp(text, "否") == 0 || strcmp(text, "无") == 0 || strcmp(text, "0") == 0 ||
            strcmp(text, "no") == 0) {
            *v = b;
            return 0;
        }
        return -1;
    default:
        *v = fig_count(text);
        return *v >= 0 ? 0 : -1;
    }
}

const char *
ent_fig_text(int fig, long long v, char *out, size_t n)
{
    if (v < 0) {
        snprintf(out, n, "-");
        return out;
    }
    switch (ent_fig_info[fig].kind) {
    case ENT_FIG_MONEY:
        return ent_money_text(v, out, n);
    case ENT_FIG_PEOPLE:
        snprintf(out, n, "%lld人", v);
        break;
    case ENT_FIG_ITEMS:
        snprintf(out, n, "%lld项", v);
        break;
    case ENT_FIG_LEVEL:
        snprintf(out, n, "%s", ent_fig_level_word(v));
        break;
    case ENT_FIG_SCORE:
        snprintf(out, n, "%lld分", v);
        break;
    case ENT_FIG_FLAG:
        snprintf(out, n, "%s", v ? "有" : "无");
        break;
    }
    return out;
}

const char *
ent_fig_cell(int fig, long long v, char *out, size_t n)
{
    if (v < 0) {
        snprintf(out, n, "%s", "");
        return out;
    }
    switch (ent_fig_info[fig].kind) {
    case ENT_FIG_MONEY:
        return ent_money_wan(v, out, n);
    case ENT_FIG_LEVEL:
        snprintf(out, n, "%s", ent_fig_level_word(v));
        break;
    case ENT_FIG_FLAG:
        snprintf(out, n, "%s", v ? "是" : "否");
        break;
    default:
        snprintf(out, n, "%lld", v);
    }
    return out;
}

int
ent_fig_by_header(const char *h)
{
    int f;
    const char *const *p;

    for (f = 0; f < DB_FIG_COUNT; f++) {
        for (p = ent_fig_info[f].headers; *p; p++) {
            if (strcmp(*p, h) == 0)
                return f;
        }
    }
    return -1;
}
