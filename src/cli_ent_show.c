/*
 * cli_ent_show.c — `tuwei enterprise show`: an enterprise's page on the
 * command line, as the 梯度培育 screen shows it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "src/cli.h"
#include "src/cli_ent.h"
#include "src/ent_fig.h"
#include "src/ent_money.h"
#include "src/ent_profile.h"
#include "src/enterprise.h"
#include "src/textw.h"

static void
show_record(FILE *out, const struct ent_profile *p)
{
    const struct db_enterprise *x = &p->ent;

    fprintf(out, "%s%s%s%s\n", x->name, x->short_name ? "（" : "",
            x->short_name ? x->short_name : "", x->short_name ? "）" : "");
    if (x->archived_at[0])
        fprintf(out, "（已删除：%.10s）\n", x->archived_at);
    fprintf(out, "统一社会信用代码：%s%s\n", x->credit_code ? x->credit_code : "未填写",
            x->credit_code_confirmed ? "（校验位不符，已核实）" : "");
    fprintf(out, "所属园区/苏木镇：%s    行业领域：%s\n", x->township ? x->township : "-",
            x->field_name ? x->field_name : "-");
    fprintf(out, "规上企业：%s    制造业：%s    成立日期：%s\n", x->above_scale ? "是" : "否",
            x->manufacturing ? "是" : "否", x->established[0] ? x->established : "-");
    fprintf(out, "高新技术领域：%s    地址：%s    联系人：%s\n", x->ht_domain ? x->ht_domain : "-",
            x->address ? x->address : "-", x->contact ? x->contact : "-");
    if (x->notes)
        fprintf(out, "备注：%s\n", x->notes);
}

static void
show_tiers(FILE *out, const struct ent_profile *p)
{
    const struct db_tier *t;
    size_t i, j;

    if (p->current >= 0)
        fprintf(out, "\n当前梯度（截至 %s）：%s%s%s%s\n", p->as_of, p->tiers[p->current].name,
                p->until[0] ? "（有效期至 " : "", p->until, p->until[0] ? "）" : "");
    if (p->next >= 0) {
        fprintf(out, "距下一梯度（%s）：%s\n", p->tiers[p->next].name,
                p->gap.state == ENT_MET ? "已符合条件" : "尚有差距");
        for (i = 0; i < (size_t)p->gap.nwhy; i++)
            fprintf(out, "  / %s\n", p->gap.why[i]);
    }
    fputs("\n梯度记录：\n", out);
    for (i = 0; i < p->nevents; i++) {
        const struct db_tier_event *v = &p->events[i];

        for (t = NULL, j = 0; j < p->ntiers; j++) {
            if (strcmp(p->tiers[j].id, v->tier_id) == 0)
                t = &p->tiers[j];
        }
        fprintf(out, "  %s  %s %s", v->event_date, strcmp(v->kind, "drop") == 0 ? "调出" : "入库",
                t ? t->name : "?");
        if (v->evidence_no)
            fprintf(out, "  编号 %s", v->evidence_no);
        if (v->valid_from[0])
            fprintf(out, "  有效期 %s 至 %s", v->valid_from, v->valid_to[0] ? v->valid_to : "长期");
        if (v->note)
            fprintf(out, "  %s", v->note);
        fputc('\n', out);
    }
    if (p->nevents == 0)
        fputs("  （无）\n", out);
}

static void
show_figures(FILE *out, const struct ent_profile *p)
{
    size_t i, k, n = p->nyears < 4 ? p->nyears : 4;
    char buf[48];

    fputs("\n年度数据：\n", out);
    if (n == 0) {
        fputs("  （无）\n", out);
        return;
    }
    fprintf(out, "  %-*s", 16, "");
    for (i = n; i-- > 0;)
        fprintf(out, "%14d", p->years[i].year);
    fputc('\n', out);
    for (k = 0; k < DB_FIG_COUNT; k++) {
        char *label = textw_fit(ent_fig_info[k].label, 16, TEXTW_LEFT);

        fprintf(out, "  %s", label);
        free(label);
        for (i = n; i-- > 0;) {
            char *cell =
                textw_fit(ent_fig_text((int)k, p->years[i].v[k], buf, sizeof buf), 14, TEXTW_RIGHT);
            fputs(cell, out);
            free(cell);
        }
        fputc('\n', out);
    }
}

/* Points as text, "?" when not known. */
static const char *
show_pts(int pts, char *buf, size_t n)
{
    if (pts < 0)
        snprintf(buf, n, "?");
    else
        snprintf(buf, n, "%d", pts);
    return buf;
}

static void
show_sme(FILE *out, const struct ent_profile *p)
{
    const struct ent_sme *s = &p->sme;
    char p1[16], p2[16], p3[16], r1[24], r2[24], r3[24];

    if (p->eval_year == 0) {
        fputs("\n科技型中小企业评价：缺少年度数据。\n", out);
        return;
    }
    fprintf(out, "\n科技型中小企业评价（%d 年数据）：%s\n", p->eval_year,
            ent_state_word(s->eligible));
    fprintf(out,
            "  科技人员 %s 分（占比 %s）  研发投入 %s 分（占销售收入 %s，占成本费用 %s）"
            "  知识产权 %s 分  合计 %d 分\n",
            show_pts(s->staff_pts, p1, sizeof p1), ent_rules_pct_text(s->staff_bp, r1, sizeof r1),
            show_pts(s->rd_pts, p2, sizeof p2), ent_rules_pct_text(s->rd_sales_bp, r2, sizeof r2),
            ent_rules_pct_text(s->rd_cost_bp, r3, sizeof r3), show_pts(s->ip_pts, p3, sizeof p3),
            s->total);
    fprintf(out, "  规模与合规：%s    得分条件：%s%s%s%s%s\n", ent_state_word(s->size),
            ent_state_word(s->score), s->direct ? "    直接认定：" : "",
            s->direct & ENT_DIRECT_HIGH_TECH ? "有效高企证书 " : "",
            s->direct & ENT_DIRECT_INSTITUTION ? "省级以上研发机构 " : "",
            s->direct & (ENT_DIRECT_AWARD | ENT_DIRECT_STANDARD) ? "近年国家科技奖或主导制定标准"
                                                                 : "");
}

static void
show_checklists(FILE *out, const struct ent_profile *p)
{
    size_t i;

    fprintf(out, "\n高新技术企业条件：%s\n", ent_state_word(p->ht.overall));
    for (i = 0; i < ENT_HT_CONDS; i++)
        fprintf(out, "  %zu. %-*s %s - %s\n", i + 1, 0, ent_eval_ht_names[i],
                ent_state_word(p->ht.c[i].state), p->ht.c[i].text);
    fprintf(out, "\n科技标杆企业条件：引领型 %s，成长型 %s\n", ent_state_word(p->bm.lead_overall),
            ent_state_word(p->bm.growth_overall));
    for (i = 0; i < ENT_BM_LEAD; i++)
        fprintf(out, "  引领型：%s - %s\n", ent_state_word(p->bm.lead[i].state),
                p->bm.lead[i].text);
    for (i = 0; i < ENT_BM_GROWTH; i++)
        fprintf(out, "  成长型：%s - %s\n", ent_state_word(p->bm.growth[i].state),
                p->bm.growth[i].text);
}

static void
show_service(FILE *out, const struct ent_profile *p)
{
    char money[32];
    size_t i;

    fputs("\n服务记录（店小二）：\n", out);
    for (i = 0; i < p->nservices; i++) {
        const struct db_ent_service *s = &p->services[i];

        fprintf(out, "  %s  %s %s\n", s->service_date, s->unit ? s->unit : "",
                s->person ? s->person : "");
        if (s->asked)
            fprintf(out, "      诉求：%s\n", s->asked);
        if (s->done)
            fprintf(out, "      办理：%s\n", s->done);
        if (s->follow_up[0])
            fprintf(out, "      回访：%s\n", s->follow_up);
    }
    if (p->nservices == 0)
        fputs("  （无）\n", out);
    fputs("\n奖补资金：\n", out);
    for (i = 0; i < p->nsubsidies; i++)
        fprintf(out, "  %s  %s  %s%s%s\n", p->subsidies[i].paid_date, p->subsidies[i].kind,
                ent_money_text(p->subsidies[i].amount, money, sizeof money),
                p->subsidies[i].note ? "  " : "", p->subsidies[i].note ? p->subsidies[i].note : "");
    if (p->nsubsidies)
        fprintf(out, "  合计 %s\n", ent_money_text(p->subsidy_total, money, sizeof money));
    else
        fputs("  （无）\n", out);
}

int
cli_ent_show(struct cli_ctx *ctx, int argc, char **argv, struct err *e)
{
    struct ent_rules r;
    struct ent_profile p;
    const char *as_of = NULL;
    char id[DB_ID_LEN], date[DB_DATE_LEN];
    int i, rc;

    if (argc < 1)
        return err_field(e, ERR_INVALID, "-", "请指明企业（名称、简称或统一社会信用代码）。");
    for (i = 1; i < argc; i++) {
        if (!cli_opt(argc, argv, &i, "--as-of", &as_of))
            return err_field(e, ERR_INVALID, "-", "无法识别的参数“%s”。", argv[i]);
    }
    if ((rc = cli_ent_date(ctx, as_of, date, e)) != ERR_OK ||
        (rc = enterprise_resolve(ctx->db, argv[0], id, e)) != ERR_OK ||
        (rc = ent_rules_load(ctx->db, &r, e)) != ERR_OK)
        return rc;
    if ((rc = ent_profile_load(ctx->db, &r, id, date, &p, e)) == ERR_OK) {
        show_record(ctx->out, &p);
        show_tiers(ctx->out, &p);
        show_figures(ctx->out, &p);
        show_sme(ctx->out, &p);
        show_checklists(ctx->out, &p);
        show_service(ctx->out, &p);
    }
    ent_profile_free(&p);
    return rc;
}
