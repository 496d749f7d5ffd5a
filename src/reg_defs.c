/*
 * reg_defs.c — the registries themselves: for each, its table, its fields
 * (Chinese label, kind, whether required, width in a text list) and its
 * own rules. The columns of each shape and the fields are in one order.
 */
#include "src/reg.h"

#include <stdlib.h>
#include <string.h>

#include "db/pilot.h"
#include "db/project.h"
#include "src/xmalloc.h"

#define NCOLS(a) (sizeof(a) / sizeof((a)[0]))

/* Replaces vals[i] with a copy of v. */
static void
defs_set(char **vals, size_t i, const char *v)
{
    free(vals[i]);
    vals[i] = v ? xstrdup(v) : NULL;
}

/* Refuses an end date before its start date. */
static int
defs_dates_in_order(const struct reg_def *d, char **vals, const char *from, const char *to,
                    struct err *e)
{
    int a = reg_field_index(d, from), b = reg_field_index(d, to);

    if (a < 0 || b < 0 || vals[a] == NULL || vals[b] == NULL || strcmp(vals[a], vals[b]) <= 0)
        return ERR_OK;
    return err_field(e, ERR_INVALID, to, "%s（%s）不能早于%s（%s）。", d->fields[b].label, vals[b],
                     d->fields[a].label, vals[a]);
}

/* ---- 中试基地 ---- */

static const struct db_reg_col base_cols[] = {
    {"name", 0, 1, NULL},     {"park", 0, 1, NULL},   {"kind", 0, 1, NULL},
    {"operator", 0, 1, NULL}, {"offers", 0, 1, NULL}, {"notes", 0, 0, NULL},
};
static const struct reg_field base_fields[] = {
    {"name", "名称", REG_TEXT, 1, 0, 24, NULL, NULL},
    {"park", "所在园区", REG_TEXT, 0, 0, 16, NULL, NULL},
    {"kind", "类型", REG_VOCAB, 1, 0, 12, "base_kind", NULL},
    {"operator", "运营单位", REG_TEXT, 0, 0, 16, NULL, NULL},
    {"offers", "提供的条件与服务", REG_NOTE, 0, 0, 0, NULL, NULL},
    {"notes", "备注", REG_NOTE, 0, 0, 0, NULL, NULL},
};
const struct reg_def reg_pilot_base = {
    "base",
    "中试基地",
    "中试基地、创新中心、实训基地",
    {"pilot_base", base_cols, NCOLS(base_cols), NULL, NULL, -1},
    base_fields,
    0,
    &db_ref_pilot_base,
    NULL,
    0,
    NULL,
};

/* ---- 中试项目 ---- */

/* A new pilot project starts at the first stage. */
static int
pilot_prepare(struct db *db, const struct reg_def *d, char **vals, int creating, struct err *e)
{
    int stage = reg_field_index(d, "stage");
    char first[40];
    int rc;

    if (!creating || vals[stage] != NULL)
        return ERR_OK;
    if ((rc = db_pilot_stage_first(db, NULL, first, e)) != ERR_OK)
        return rc;
    defs_set(vals, (size_t)stage, first[0] ? first : NULL);
    return ERR_OK;
}

static const struct db_reg_col pilot_cols[] = {
    {"name", 0, 1, NULL},
    {"enterprise_id", 0, 1, &db_ref_enterprise},
    {"base_id", 0, 1, &db_ref_pilot_base},
    {"lead_unit_id", 0, 0, &db_ref_unit},
    {"task_id", 0, 0, &db_ref_task},
    {"budget", 1, 0, NULL},
    {"start_date", 0, 0, NULL},
    {"goal", 0, 1, NULL},
    {"notes", 0, 0, NULL},
    {"stage_id", 0, 1, &db_ref_pilot_stage},
};
static const struct reg_field pilot_fields[] = {
    {"name", "项目名称", REG_TEXT, 1, 0, 28, NULL, NULL},
    {"enterprise", "实施企业", REG_REF, 0, 0, 14, NULL, NULL},
    {"base", "所在基地", REG_REF, 0, 0, 14, NULL, NULL},
    {"lead_unit", "牵头单位", REG_REF, 0, 0, 0, NULL, NULL},
    {"task", "方案任务", REG_REF, 0, 0, 0, NULL, NULL},
    {"budget", "总投资", REG_MONEY, 0, 0, 10, NULL, NULL},
    {"start_date", "开始日期", REG_DATE, 0, 0, 0, NULL, NULL},
    {"goal", "中试目标", REG_NOTE, 0, 0, 0, NULL, NULL},
    {"notes", "备注", REG_NOTE, 0, 0, 0, NULL, NULL},
    {"stage", "当前阶段", REG_REF, 0, 1, 12, NULL, NULL},
};
static const struct reg_link pilot_links[] = {
    {"institutions",
     "合作院所",
     {"pilot_project_institution", "project_id", "institution_id", &db_ref_institution}},
};
const struct reg_def reg_pilot_project = {
    "pilot",
    "中试项目",
    "中试项目（阶段推进见 pilot advance）",
    {"pilot_project", pilot_cols, NCOLS(pilot_cols), NULL, NULL, -1},
    pilot_fields,
    0,
    &db_ref_pilot_project,
    pilot_links,
    NCOLS(pilot_links),
    pilot_prepare,
};

/* ---- 市级、自治区科技项目 ---- */

/* The stage of the project's kind that text names. */
static int
project_resolve_stage(struct db *db, char *const *vals, const char *text, char id[40],
                      struct err *e)
{
    int rc;

    if (vals == NULL || vals[1] == NULL)
        return err_field(e, ERR_INVALID, "stage", "请先选择项目类别，再填写阶段。");
    if ((rc = db_project_stage_find(db, vals[1], text, id, e)) != ERR_OK)
        return rc;
    if (id[0] == '\0')
        return err_field(e, ERR_INVALID, "stage", "阶段：这类项目没有“%s”这一阶段。", text);
    return ERR_OK;
}

/* A project's stage belongs to its kind's flow; a new one starts at the first. */
static int
project_prepare(struct db *db, const struct reg_def *d, char **vals, int creating, struct err *e)
{
    char first[40];
    int ok, rc;

    (void)creating;
    if (vals[1] && vals[2] == NULL) {
        if ((rc = db_project_stage_first(db, vals[1], first, e)) != ERR_OK)
            return rc;
        defs_set(vals, 2, first[0] ? first : NULL);
    }
    if (vals[1] && vals[2]) {
        if ((rc = db_project_stage_of(db, vals[1], vals[2], &ok, e)) != ERR_OK)
            return rc;
        if (!ok)
            return err_field(e, ERR_INVALID, "stage", "阶段与项目类别不符：请重新选择阶段。");
    }
    return defs_dates_in_order(d, vals, "start_date", "end_date", e);
}

static const struct db_reg_col project_cols[] = {
    {"title", 0, 1, NULL},
    {"kind_id", 0, 1, &db_ref_project_kind},
    {"stage_id", 0, 1, &db_ref_project_stage},
    {"code", 0, 1, NULL},
    {"funding", 1, 0, NULL},
    {"start_date", 0, 0, NULL},
    {"end_date", 0, 0, NULL},
    {"lead_unit_id", 0, 1, &db_ref_unit},
    {"task_id", 0, 0, &db_ref_task},
    {"notes", 0, 0, NULL},
};
static const struct reg_field project_fields[] = {
    {"title", "项目名称", REG_TEXT, 1, 0, 28, NULL, NULL},
    {"kind", "项目类别", REG_REF, 1, 0, 18, NULL, NULL},
    {"stage", "阶段", REG_REF, 0, 0, 6, NULL, project_resolve_stage},
    {"code", "项目编号", REG_TEXT, 0, 0, 0, NULL, NULL},
    {"funding", "资助经费", REG_MONEY, 0, 0, 10, NULL, NULL},
    {"start_date", "立项日期", REG_DATE, 0, 0, 10, NULL, NULL},
    {"end_date", "结束日期", REG_DATE, 0, 0, 0, NULL, NULL},
    {"lead_unit", "牵头单位", REG_REF, 0, 0, 0, NULL, NULL},
    {"task", "方案任务", REG_REF, 0, 0, 0, NULL, NULL},
    {"notes", "备注", REG_NOTE, 0, 0, 0, NULL, NULL},
};
static const struct reg_link project_links[] = {
    {"enterprises",
     "承担企业",
     {"sci_project_enterprise", "project_id", "enterprise_id", &db_ref_enterprise}},
    {"institutions",
     "合作院所",
     {"sci_project_institution", "project_id", "institution_id", &db_ref_institution}},
};
const struct reg_def reg_project = {
    "project",
    "科技项目",
    "市级、自治区科技计划与“揭榜挂帅”项目",
    {"sci_project", project_cols, NCOLS(project_cols), NULL, NULL, -1},
    project_fields,
    0,
    &db_ref_sci_project,
    project_links,
    NCOLS(project_links),
    project_prepare,
};

/* ---- 蒙科聚：科技成果、技术需求、对接 ---- */

static const struct db_reg_col offer_cols[] = {
    {"title", 0, 1, NULL},        {"owner", 0, 1, NULL},   {"field", 0, 1, NULL},
    {"published_on", 0, 0, NULL}, {"channel", 0, 0, NULL}, {"summary", 0, 1, NULL},
};
static const struct reg_field result_fields[] = {
    {"title", "成果名称", REG_TEXT, 1, 0, 28, NULL, NULL},
    {"owner", "成果持有方", REG_TEXT, 0, 0, 16, NULL, NULL},
    {"field", "领域", REG_TEXT, 0, 0, 8, NULL, NULL},
    {"published_on", "发布日期", REG_DATE, 0, 0, 10, NULL, NULL},
    {"channel", "发布渠道", REG_VOCAB, 0, 0, 8, "offer_channel", NULL},
    {"summary", "简介", REG_NOTE, 0, 0, 0, NULL, NULL},
};
static const struct reg_field need_fields[] = {
    {"title", "需求名称", REG_TEXT, 1, 0, 28, NULL, NULL},
    {"owner", "需求方", REG_TEXT, 0, 0, 16, NULL, NULL},
    {"field", "领域", REG_TEXT, 0, 0, 8, NULL, NULL},
    {"published_on", "发布日期", REG_DATE, 0, 0, 10, NULL, NULL},
    {"channel", "发布渠道", REG_VOCAB, 0, 0, 8, "offer_channel", NULL},
    {"summary", "需求描述", REG_NOTE, 0, 0, 0, NULL, NULL},
};
const struct reg_def reg_result = {
    "result",
    "科技成果",
    "发布的科技成果（蒙科聚等）",
    {"tech_offer", offer_cols, NCOLS(offer_cols), "kind", "result", -1},
    result_fields,
    0,
    &db_ref_result,
    NULL,
    0,
    NULL,
};
const struct reg_def reg_need = {
    "need",
    "技术需求",
    "企业发布的技术需求（蒙科聚等）",
    {"tech_offer", offer_cols, NCOLS(offer_cols), "kind", "need", -1},
    need_fields,
    0,
    &db_ref_need,
    NULL,
    0,
    NULL,
};

static const struct db_reg_col match_cols[] = {
    {"result_id", 0, 1, &db_ref_result},
    {"need_id", 0, 1, &db_ref_need},
    {"matched_on", 0, 0, NULL},
    {"status", 0, 1, NULL},
    {"note", 0, 1, NULL},
};
static const struct reg_field match_fields[] = {
    {"result", "科技成果", REG_REF, 1, 0, 24, NULL, NULL},
    {"need", "技术需求", REG_REF, 1, 0, 24, NULL, NULL},
    {"matched_on", "对接日期", REG_DATE, 0, 0, 10, NULL, NULL},
    {"status", "对接状态", REG_VOCAB, 0, 0, 6, "match_status", NULL},
    {"note", "说明", REG_NOTE, 0, 0, 0, NULL, NULL},
};
const struct reg_def reg_match = {
    "match",
    "成果对接",
    "科技成果与技术需求的对接",
    {"tech_match", match_cols, NCOLS(match_cols), NULL, NULL, -1},
    match_fields,
    0,
    &db_ref_match,
    NULL,
    0,
    NULL,
};

/* ---- 技术合同 ---- */

/* Technical income within the amount; a registered contract has its date. */
static int
contract_prepare(struct db *db, const struct reg_def *d, char **vals, int creating, struct err *e)
{
    int amount = reg_field_index(d, "amount"), income = reg_field_index(d, "tech_income");
    int status = reg_field_index(d, "status"), reg_on = reg_field_index(d, "registered_on");

    (void)db;
    (void)creating;
    if (vals[status] == NULL)
        defs_set(vals, (size_t)status, "待登记");
    if (vals[amount] && vals[income] && atoll(vals[income]) > atoll(vals[amount]))
        return err_field(e, ERR_INVALID, "tech_income", "技术性收入不能超过合同金额。");
    if (strcmp(vals[status], "已登记") == 0 && vals[reg_on] == NULL)
        return err_field(e, ERR_INVALID, "registered_on", "已登记的合同请填写登记日期。");
    return defs_dates_in_order(d, vals, "signed_on", "registered_on", e);
}

static const struct db_reg_col contract_cols[] = {
    {"title", 0, 1, NULL},     {"kind", 0, 1, NULL},          {"seller", 0, 1, NULL},
    {"buyer", 0, 1, NULL},     {"amount", 1, 0, NULL},        {"tech_income", 1, 0, NULL},
    {"signed_on", 0, 0, NULL}, {"registered_on", 0, 0, NULL}, {"reg_no", 0, 1, NULL},
    {"status", 0, 1, NULL},    {"notes", 0, 0, NULL},
};
static const struct reg_field contract_fields[] = {
    {"title", "合同名称", REG_TEXT, 1, 0, 22, NULL, NULL},
    {"kind", "合同类型", REG_VOCAB, 1, 0, 8, "contract_kind", NULL},
    {"seller", "卖方", REG_TEXT, 1, 0, 14, NULL, NULL},
    {"buyer", "买方", REG_TEXT, 1, 0, 14, NULL, NULL},
    {"amount", "合同金额", REG_MONEY, 0, 0, 10, NULL, NULL},
    {"tech_income", "技术性收入", REG_MONEY, 0, 0, 10, NULL, NULL},
    {"signed_on", "签订日期", REG_DATE, 0, 0, 0, NULL, NULL},
    {"registered_on", "登记日期", REG_DATE, 0, 0, 10, NULL, NULL},
    {"reg_no", "登记编号", REG_TEXT, 0, 0, 0, NULL, NULL},
    {"status", "状态", REG_VOCAB, 0, 0, 6, "contract_status", NULL},
    {"notes", "备注", REG_NOTE, 0, 0, 0, NULL, NULL},
};
const struct reg_def reg_contract = {
    "contract",
    "技术合同",
    "技术合同登记（技术开发、转让、许可、咨询、服务）",
    {"tech_contract", contract_cols, NCOLS(contract_cols), NULL, NULL, -1},
    contract_fields,
    0,
    &db_ref_contract,
    NULL,
    0,
    contract_prepare,
};

/* ---- 校企合作 ---- */

static const struct db_reg_col coop_cols[] = {
    {"title", 0, 1, NULL},
    {"enterprise_id", 0, 1, &db_ref_enterprise},
    {"institution_id", 0, 1, &db_ref_institution},
    {"field", 0, 1, NULL},
    {"signed_on", 0, 0, NULL},
    {"status", 0, 0, NULL},
    {"content", 0, 1, NULL},
};
static const struct reg_field coop_fields[] = {
    {"title", "协议名称", REG_TEXT, 1, 0, 22, NULL, NULL},
    {"enterprise", "企业", REG_REF, 1, 0, 14, NULL, NULL},
    {"institution", "高校院所", REG_REF, 1, 0, 20, NULL, NULL},
    {"field", "合作领域", REG_TEXT, 0, 0, 8, NULL, NULL},
    {"signed_on", "签订日期", REG_DATE, 0, 0, 10, NULL, NULL},
    {"status", "状态", REG_VOCAB, 0, 0, 6, "coop_status", NULL},
    {"content", "合作内容", REG_NOTE, 0, 0, 0, NULL, NULL},
};
const struct reg_def reg_coop = {
    "coop",
    "校企合作",
    "企业与高校、科研院所的合作协议",
    {"coop_agreement", coop_cols, NCOLS(coop_cols), NULL, NULL, -1},
    coop_fields,
    0,
    &db_ref_coop,
    NULL,
    0,
    NULL,
};

/* ---- 创新平台 ---- */

static const struct db_reg_col platform_cols[] = {
    {"name", 0, 1, NULL},
    {"kind", 0, 1, NULL},
    {"level", 0, 1, NULL},
    {"host", 0, 1, NULL},
    {"enterprise_id", 0, 0, &db_ref_enterprise},
    {"status", 0, 1, NULL},
    {"task_id", 0, 0, &db_ref_task},
    {"notes", 0, 0, NULL},
};
static const struct reg_field platform_fields[] = {
    {"name", "平台名称", REG_TEXT, 1, 0, 28, NULL, NULL},
    {"kind", "平台类型", REG_VOCAB, 0, 0, 12, "platform_kind", NULL},
    {"level", "级别", REG_VOCAB, 0, 0, 8, "platform_level", NULL},
    {"host", "依托单位", REG_TEXT, 0, 0, 12, NULL, NULL},
    {"enterprise", "依托企业", REG_REF, 0, 0, 0, NULL, NULL},
    {"status", "状态", REG_VOCAB, 0, 0, 6, "platform_status", NULL},
    {"task", "方案任务", REG_REF, 0, 0, 0, NULL, NULL},
    {"notes", "备注", REG_NOTE, 0, 0, 0, NULL, NULL},
};
const struct reg_def reg_platform = {
    "platform",
    "创新平台",
    "创新中心、工程研究中心等创新平台",
    {"platform", platform_cols, NCOLS(platform_cols), NULL, NULL, -1},
    platform_fields,
    0,
    &db_ref_platform,
    NULL,
    0,
    NULL,
};

/* ---- 人才引育 ---- */

static const struct db_reg_col talent_cols[] = {
    {"name", 0, 1, NULL},     {"field", 0, 1, NULL},  {"mode", 0, 1, NULL},
    {"employer", 0, 1, NULL}, {"origin", 0, 1, NULL}, {"arrived_on", 0, 0, NULL},
    {"notes", 0, 0, NULL},
};
static const struct reg_field talent_fields[] = {
    {"name", "姓名", REG_TEXT, 1, 0, 8, NULL, NULL},
    {"field", "领域", REG_TEXT, 0, 0, 10, NULL, NULL},
    {"mode", "引才方式", REG_VOCAB, 1, 0, 8, "talent_mode", NULL},
    {"employer", "用人单位", REG_TEXT, 0, 0, 16, NULL, NULL},
    {"origin", "原单位", REG_TEXT, 0, 0, 16, NULL, NULL},
    {"arrived_on", "引进日期", REG_DATE, 0, 0, 10, NULL, NULL},
    {"notes", "备注", REG_NOTE, 0, 0, 0, NULL, NULL},
};
const struct reg_def reg_talent = {
    "talent",
    "人才引育",
    "引进的科技人才（柔性引才、项目引才、以才引才）",
    {"talent", talent_cols, NCOLS(talent_cols), NULL, NULL, 5},
    talent_fields,
    0,
    &db_ref_talent,
    NULL,
    0,
    NULL,
};

/* ---- 保障措施 ---- */

static const struct db_reg_col note_cols[] = {
    {"safeguard_id", 0, 1, &db_ref_safeguard},
    {"noted_on", 0, 0, NULL},
    {"title", 0, 1, NULL},
    {"amount", 1, 0, NULL},
    {"unit_id", 0, 1, &db_ref_unit},
    {"body", 0, 1, NULL},
};
static const struct reg_field note_fields[] = {
    {"safeguard", "保障措施", REG_REF, 1, 0, 12, NULL, NULL},
    {"noted_on", "日期", REG_DATE, 1, 0, 10, NULL, NULL},
    {"title", "事项", REG_TEXT, 1, 0, 26, NULL, NULL},
    {"amount", "金额", REG_MONEY, 0, 0, 10, NULL, NULL},
    {"unit", "单位", REG_REF, 0, 0, 14, NULL, NULL},
    {"body", "内容", REG_NOTE, 0, 0, 0, NULL, NULL},
};
const struct reg_def reg_safeguard_note = {
    "safeguard",
    "保障措施",
    "保障措施落实记录（资金兑现、审批、宣传等，按日期）",
    {"safeguard_note", note_cols, NCOLS(note_cols), NULL, NULL, 1},
    note_fields,
    2,
    &db_ref_safeguard_note,
    NULL,
    0,
    NULL,
};

/* Each shape's columns and its fields pair up one to one. */
_Static_assert(NCOLS(base_cols) == NCOLS(base_fields), "base_cols and base_fields differ");
_Static_assert(NCOLS(pilot_cols) == NCOLS(pilot_fields), "pilot_cols and pilot_fields differ");
_Static_assert(NCOLS(project_cols) == NCOLS(project_fields),
               "project_cols and project_fields differ");
_Static_assert(NCOLS(offer_cols) == NCOLS(result_fields), "offer_cols and result_fields differ");
_Static_assert(NCOLS(offer_cols) == NCOLS(need_fields), "offer_cols and need_fields differ");
_Static_assert(NCOLS(match_cols) == NCOLS(match_fields), "match_cols and match_fields differ");
_Static_assert(NCOLS(contract_cols) == NCOLS(contract_fields),
               "contract_cols and contract_fields differ");
_Static_assert(NCOLS(coop_cols) == NCOLS(coop_fields), "coop_cols and coop_fields differ");
_Static_assert(NCOLS(platform_cols) == NCOLS(platform_fields),
               "platform_cols and platform_fields differ");
_Static_assert(NCOLS(talent_cols) == NCOLS(talent_fields), "talent_cols and talent_fields differ");
_Static_assert(NCOLS(note_cols) == NCOLS(note_fields), "note_cols and note_fields differ");

const struct reg_def *const reg_defs[] = {
    &reg_pilot_project, &reg_pilot_base, &reg_project,        &reg_result,
    &reg_need,          &reg_match,      &reg_contract,       &reg_coop,
    &reg_platform,      &reg_talent,     &reg_safeguard_note, NULL,
};
