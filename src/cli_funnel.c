/*
 * cli_funnel.c — the gradient's figures from the command line: the funnel
 * against the plan's targets, who to push next, warnings, 三清零, import
 * and export of the register, and the rule thresholds.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "src/cli.h"
#include "src/cli_cmds.h"
#include "src/cli_ent.h"
#include "src/csv.h"
#include "src/ent_funnel.h"
#include "src/ent_import.h"
#include "src/ent_money.h"
#include "src/ent_profile.h"
#include "src/ent_rules.h"
#include "src/enterprise.h"
#include "src/strbuf.h"

/* Writes a count, or "—" when negative. */
static const char *
fun_num(long v, char *buf, size_t n)
{
    if (v < 0)
        snprintf(buf, n, "-");
    else
        snprintf(buf, n, "%ld", v);
    return buf;
}

static void
fun_tiers(FILE *out, const struct ent_funnel *f)
{
    static const int w[] = {22, 6, 6, 6, 10, 6};
    const char *c[6];
    char a[24], b[24], g[24], base[24], ratio[32], head[32];
    size_t i;

    snprintf(head, sizeof head, "%d年底", f->base_year);
    c[0] = "  梯度";
    c[1] = "当前";
    c[2] = "目标";
    c[3] = "差距";
    c[4] = head;
    c[5] = "倍增比";
    cli_row(out, c, w, 6);
    for (i = 0; i < f->ntiers; i++) {
        char name[80];

        snprintf(name, sizeof name, "  %s", f->tier[i].name);
        ratio[0] = '\0';
        if (i > 0 && f->tier[i].base > 0)
            snprintf(ratio, sizeof ratio, "%.2f",
                     (double)f->tier[i].count / (double)f->tier[i].base);
        c[0] = name;
        c[1] = fun_num(f->tier[i].count, a, sizeof a);
        c[2] = fun_num(f->tier[i].target, b, sizeof b);
        c[3] = f->tier[i].target >= 0 ? fun_num(f->tier[i].gap, g, sizeof g) : "-";
        c[4] = i > 0 ? fun_num(f->tier[i].base, base, sizeof base) : "";
        c[5] = ratio;
        cli_row(out, c, w, 6);
    }
}

static void
fun_extra(FILE *out, const struct ent_funnel *f)
{
    int k;

    fprintf(out, "\n新增研发投入企业（%d 年研发费用 > 0，上年为 0 或无记录）：%ld 家", f->data_year,
            f->new_rd);
    if (f->new_rd_target >= 0)
        fprintf(out, "，目标 %ld 家，差距 %ld 家", f->new_rd_target,
                f->new_rd_target > f->new_rd ? f->new_rd_target - f->new_rd : 0);
    fprintf(out, "\n规上制造业“三清零”（%d 年数据）：已全部清零 %ld 家 / 共 %ld 家\n", f->data_year,
            f->tz_cleared, f->tz_total);
    for (k = 0; k < ENT_THREE_ZERO; k++) {
        if (!f->tz_known[k])
            fprintf(out, "  %s：无法按现有数据判断（请检查 rules:three_zero_items）\n",
                    f->tz_item[k]);
        else
            fprintf(out, "  尚未清零“%s”：%ld 家%s", f->tz_item[k], f->tz_lacking[k],
                    f->tz_unknown[k] ? "" : "\n");
        if (f->tz_known[k] && f->tz_unknown[k])
            fprintf(out, "（另有 %ld 家缺少数据）\n", f->tz_unknown[k]);
    }
    fprintf(out,
            "\n提醒：高新技术企业证书 %d 个月内到期且未重新认定 %ld 家；"
            "上年已入库、今年尚未登记的科技型中小企业 %ld 家（登记截止 %s）\n",
            f->expiry_months, f->expiring, f->unregistered, f->deadline);
}

static void
fun_next(FILE *out, const struct ent_rank_group *g, size_t ng)
{
    size_t i, j;
    int k;

    fputs("\n最接近下一梯度的企业：\n", out);
    for (i = 0; i < ng; i++) {
        fprintf(out, "  -> %s（共 %ld 家候选）\n", g[i].name, g[i].considered);
        for (j = 0; j < g[i].n; j++) {
            const struct ent_rank_item *it = &g[i].items[j];

            fprintf(out, "    %zu. %s%s\n", j + 1, it->name,
                    it->gap.state == ENT_MET ? "（已符合条件）" : "");
            for (k = 0; k < it->gap.nwhy; k++)
                fprintf(out, "       / %s\n", it->gap.why[k]);
        }
        if (g[i].n == 0)
            fputs("    （无）\n", out);
    }
}

static int
fun_funnel(struct cli_ctx *ctx, int argc, char **argv, struct err *e)
{
    struct ent_funnel f;
    struct ent_rules r;
    struct ent_rank_group *g = NULL;
    struct strbuf b = STRBUF_INIT;
    const char *as_of = NULL, *format = NULL, *next = "3";
    char date[DB_DATE_LEN];
    size_t ng = 0;
    int i, rc;

    for (i = 0; i < argc; i++) {
        if (!cli_opt(argc, argv, &i, "--as-of", &as_of) &&
            !cli_opt(argc, argv, &i, "--format", &format) &&
            !cli_opt(argc, argv, &i, "--next", &next))
            return err_field(e, ERR_INVALID, "-", "无法识别的参数“%s”。", argv[i]);
    }
    if ((rc = cli_ent_date(ctx, as_of, date, e)) != ERR_OK)
        return rc;
    if (format && strcmp(format, "csv") == 0) {
        if ((rc = ent_export_funnel(ctx->db, ctx->cfg, date, &b, e)) == ERR_OK)
            fwrite(strbuf_str(&b), 1, b.len, ctx->out);
        strbuf_free(&b);
        return rc;
    }
    if (format && strcmp(format, "text") != 0)
        return err_field(e, ERR_INVALID, "-", "--format 应为 text 或 csv。");
    if ((rc = ent_funnel_compute(ctx->db, ctx->cfg, date, &f, e)) != ERR_OK)
        return rc;
    fprintf(ctx->out, "梯度培育（截至 %s", f.as_of);
    if (f.plan_year)
        fprintf(ctx->out, "，对照 %d 年工作方案目标", f.plan_year);
    fprintf(ctx->out, "；在册企业 %ld 家）\n", f.live);
    fun_tiers(ctx->out, &f);
    fun_extra(ctx->out, &f);
    if (atoi(next) > 0) {
        if ((rc = ent_rules_load(ctx->db, &r, e)) != ERR_OK ||
            (rc = ent_rank_compute(ctx->db, &r, date, NULL, NULL, (size_t)atoi(next), &g, &ng,
                                   e)) != ERR_OK)
            return rc;
        fun_next(ctx->out, g, ng);
        ent_rank_free(g, ng);
    }
    return ERR_OK;
}

static int
fun_rank(struct cli_ctx *ctx, int argc, char **argv, struct err *e)
{
    struct ent_rules r;
    struct ent_rank_group *g;
    const char *as_of = NULL, *limit = "20", *township = NULL, *field = NULL;
    char date[DB_DATE_LEN], field_id[DB_ID_LEN];
    size_t ng;
    int i, rc;

    for (i = 0; i < argc; i++) {
        if (!cli_opt(argc, argv, &i, "--as-of", &as_of) &&
            !cli_opt(argc, argv, &i, "--limit", &limit) &&
            !cli_opt(argc, argv, &i, "--township", &township) &&
            !cli_opt(argc, argv, &i, "--field", &field))
            return err_field(e, ERR_INVALID, "-", "无法识别的参数“%s”。", argv[i]);
    }
    if ((rc = cli_ent_date(ctx, as_of, date, e)) != ERR_OK ||
        (field && (rc = enterprise_field_id(ctx->db, field, field_id, e)) != ERR_OK) ||
        (rc = ent_rules_load(ctx->db, &r, e)) != ERR_OK)
        return rc;
    if (atoi(limit) < 1)
        return err_field(e, ERR_INVALID, "-", "--limit 应为正整数。");
    if ((rc = ent_rank_compute(ctx->db, &r, date, township, field ? field_id : NULL,
                               (size_t)atoi(limit), &g, &ng, e)) != ERR_OK)
        return rc;
    fun_next(ctx->out, g, ng);
    ent_rank_free(g, ng);
    return ERR_OK;
}

struct fun_warn_ctx {
    struct cli_ctx *ctx;
    long n;
};

static void
fun_warn_one(void *arg, const char *id, int warn, const char *until)
{
    struct fun_warn_ctx *x = arg;
    struct db_enterprise ent;

    if (db_ent_get(x->ctx->db, id, &ent, NULL) != ERR_OK)
        return;
    if (warn & DB_ENT_WARN_EXPIRING)
        fprintf(x->ctx->out, "  %s：高新技术企业证书 %s 到期，尚未重新认定\n", ent.name,
                until ? until : "");
    if (warn & DB_ENT_WARN_UNREGISTERED)
        fprintf(x->ctx->out, "  %s：上年为科技型中小企业，今年尚未登记入库\n", ent.name);
    db_ent_free(&ent);
    x->n++;
}

static int
fun_warnings(struct cli_ctx *ctx, int argc, char **argv, struct err *e)
{
    struct ent_asof a;
    struct fun_warn_ctx x = {ctx, 0};
    const char *as_of = NULL;
    char date[DB_DATE_LEN];
    int i, rc;

    for (i = 0; i < argc; i++) {
        if (!cli_opt(argc, argv, &i, "--as-of", &as_of))
            return err_field(e, ERR_INVALID, "-", "无法识别的参数“%s”。", argv[i]);
    }
    if ((rc = cli_ent_date(ctx, as_of, date, e)) != ERR_OK ||
        (rc = ent_asof_init(ctx->db, ctx->cfg, date, &a, e)) != ERR_OK)
        return rc;
    fprintf(ctx->out, "提醒（截至 %s；证书到期提前 %ld 个月，科技型中小企业登记截止 %s%s）：\n",
            date, config_get_int(ctx->cfg, "rules:cert_expiry_months"), a.deadline,
            a.a.sme_warn ? "" : "，尚未到提醒期");
    if ((rc = db_ent_warnings(ctx->db, &a.a, fun_warn_one, &x, e)) != ERR_OK)
        return rc;
    fprintf(ctx->out, x.n ? "共 %ld 家。\n" : "没有需要提醒的企业。\n", x.n);
    return ERR_OK;
}

static const char *
fun_tz_word(int v)
{
    return v > 0 ? "已清零" : v == 0 ? "未清零" : "缺数据";
}

static void
fun_tz_one(void *arg, const struct ent_three_zero *t)
{
    struct cli_ctx *ctx = arg;

    fprintf(ctx->out, "  %s  %s  %s  %s  %s\n", t->cleared ? "已完成" : "未完成",
            fun_tz_word(t->item[0]), fun_tz_word(t->item[1]), fun_tz_word(t->item[2]), t->name);
}

static int
fun_threezero(struct cli_ctx *ctx, int argc, char **argv, struct err *e)
{
    char items[ENT_THREE_ZERO][64];
    const char *year_s = NULL;
    int i, year = atoi(ctx->today), rc;

    for (i = 0; i < argc; i++) {
        if (!cli_opt(argc, argv, &i, "--year", &year_s))
            return err_field(e, ERR_INVALID, "-", "无法识别的参数“%s”。", argv[i]);
    }
    if (year_s && (rc = cli_ent_year(year_s, &year, e)) != ERR_OK)
        return rc;
    ent_three_zero_each(ctx->db, ctx->cfg, year, items, NULL, NULL, NULL);
    fprintf(ctx->out, "规上制造业“三清零”（%d 年数据；三项：%s、%s、%s）：\n", year, items[0],
            items[1], items[2]);
    return ent_three_zero_each(ctx->db, ctx->cfg, year, NULL, fun_tz_one, ctx, e);
}

/* ---- import / export ---- */

static void
fun_import_preview(FILE *out, const struct ent_import *im, int all)
{
    static const char *const words[] = {"不变", "新增", "更新", "拒绝"};
    size_t i;

    fprintf(out, "文件编码：%s\n识别的列：\n", im->encoding);
    for (i = 0; i < im->ncolumns; i++)
        fprintf(out, "  %s\n", im->columns[i]);
    for (i = 0; i < im->nunknown; i++)
        fprintf(out, "  未识别的列（不导入）：“%s”\n", im->unknown[i]);
    for (i = 0; i < im->n; i++) {
        const struct ent_import_row *r = &im->rows[i];

        if (!all && r->action != ENT_IMPORT_REFUSE && i >= 20)
            continue;
        if (r->action == ENT_IMPORT_SAME && !all)
            continue;
        fprintf(out, "  第 %ld 行  %s  %s%s%s\n", r->line, words[r->action], r->name,
                r->note ? "：" : "", r->note ? r->note : "");
    }
    fprintf(out,
            "合计：新增 %ld 家，更新 %ld 家，不变 %ld 家，拒绝 %ld 行；写入年度数据 %ld 条。\n",
            im->added, im->changed, im->same, im->refused, im->fig_writes);
}

static int
fun_import(struct cli_ctx *ctx, int argc, char **argv, struct err *e)
{
    struct ent_import *im;
    const char *year_s = NULL, *unit = NULL, *file = NULL;
    int i, rc, yes = 0, all = 0, year = 0;

    for (i = 0; i < argc; i++) {
        if (strcmp(argv[i], "--yes") == 0)
            yes = 1;
        else if (strcmp(argv[i], "--all") == 0)
            all = 1;
        else if (cli_opt(argc, argv, &i, "--year", &year_s) ||
                 cli_opt(argc, argv, &i, "--unit", &unit))
            ;
        else if (argv[i][0] != '-' && file == NULL)
            file = argv[i];
        else
            return err_field(e, ERR_INVALID, "-", "无法识别的参数“%s”。", argv[i]);
    }
    if (file == NULL)
        return err_field(e, ERR_INVALID, "-", "请给出要导入的 CSV 文件。");
    if (unit && strcmp(unit, "元") != 0 && strcmp(unit, "万元") != 0)
        return err_field(e, ERR_INVALID, "-", "--unit 应为 元 或 万元。");
    if (year_s && (rc = cli_ent_year(year_s, &year, e)) != ERR_OK)
        return rc;
    if ((rc = ent_import_read_file(
             ctx->db, file, unit && strcmp(unit, "万元") == 0 ? ENT_MONEY_WAN : ENT_MONEY_YUAN,
             year, &im, e)) != ERR_OK)
        return rc;
    fun_import_preview(ctx->out, im, all);
    if (!yes)
        fputs(im->added + im->changed
                  ? "这是预览，尚未写入。确认无误后加 --yes 再运行一次即可导入。\n"
                  : "没有需要写入的内容。\n",
              ctx->out);
    else if ((rc = ent_import_apply(ctx->db, ctx->user, im, e)) == ERR_OK)
        fprintf(ctx->out, "已导入：新增 %ld 家，更新 %ld 家。\n", im->added, im->changed);
    ent_import_free(im);
    return rc;
}

static int
fun_export(struct cli_ctx *ctx, int argc, char **argv, struct err *e)
{
    struct strbuf b = STRBUF_INIT;
    const char *year_s = NULL, *path = NULL, *as_of = NULL, *what = "register";
    char date[DB_DATE_LEN];
    int i, rc, year = 0;
    FILE *f;

    for (i = 0; i < argc; i++) {
        if (strcmp(argv[i], "--funnel") == 0)
            what = "funnel";
        else if (!cli_opt(argc, argv, &i, "--year", &year_s) &&
                 !cli_opt(argc, argv, &i, "--out", &path) &&
                 !cli_opt(argc, argv, &i, "--as-of", &as_of))
            return err_field(e, ERR_INVALID, "-", "无法识别的参数“%s”。", argv[i]);
    }
    if ((year_s && (rc = cli_ent_year(year_s, &year, e)) != ERR_OK) ||
        (rc = cli_ent_date(ctx, as_of, date, e)) != ERR_OK)
        return rc;
    rc = strcmp(what, "funnel") == 0 ? ent_export_funnel(ctx->db, ctx->cfg, date, &b, e)
                                     : ent_export_register(ctx->db, date, year, &b, e);
    if (rc == ERR_OK && path) {
        if ((f = fopen(path, "wb")) == NULL || fwrite(strbuf_str(&b), 1, b.len, f) != b.len)
            rc = err_set(e, ERR_IO, "无法写入文件 %s。", path);
        if (f && fclose(f) != 0 && rc == ERR_OK)
            rc = err_set(e, ERR_IO, "无法写入文件 %s。", path);
        if (rc == ERR_OK)
            fprintf(ctx->out, "已导出到 %s。\n", path);
    } else if (rc == ERR_OK) {
        fwrite(strbuf_str(&b), 1, b.len, ctx->out);
    }
    strbuf_free(&b);
    return rc;
}

/* ---- rules ---- */

static int
fun_rules(struct cli_ctx *ctx, int argc, char **argv, struct err *e)
{
    struct ent_rules r;
    int i, rc;

    if (argc == 3 && strcmp(argv[0], "set") == 0)
        rc = ent_rules_save(ctx->db, ctx->user, argv[1], argv[2], e);
    else if (argc == 2 && strcmp(argv[0], "reset") == 0)
        rc = ent_rules_save(ctx->db, ctx->user, argv[1], NULL, e);
    else if (argc == 0)
        rc = ERR_OK;
    else
        return err_field(e, ERR_INVALID, "-",
                         "用法：enterprise rules [set 参数 值 | reset 参数]。");
    if (rc != ERR_OK || (rc = ent_rules_load(ctx->db, &r, e)) != ERR_OK)
        return rc;
    for (i = 0; i < ENT_R_COUNT; i++)
        fprintf(ctx->out, "%-22s = %-34s %s%s\n", ent_rules_key((enum ent_rule)i), r.text[i],
                r.overridden[i] ? "[本库修改] " : "", ent_rules_note((enum ent_rule)i));
    return ERR_OK;
}

const struct cli_cmd cli_funnel_cmds[] = {
    {"funnel", NULL, CLI_DB_EXISTING, fun_funnel,
     "funnel [--as-of D] [--format text|csv] [--next N]",
     "梯度培育漏斗：各梯度数量对照目标、新增研发投入、三清零、双倍增、提醒、最接近下一梯度的企业"},
    {"enterprise", "next", CLI_DB_EXISTING, fun_rank,
     "enterprise next [--as-of D] [--limit N] [--township X] [--field F]",
     "按差距排列最接近下一梯度的企业，并列出拖后腿的一两项指标"},
    {"enterprise", "warnings", CLI_DB_EXISTING, fun_warnings, "enterprise warnings [--as-of D]",
     "高企证书将到期、科技型中小企业今年尚未登记的提醒"},
    {"enterprise", "threezero", CLI_DB_EXISTING, fun_threezero, "enterprise threezero [--year Y]",
     "规上制造业企业“三清零”逐家情况"},
    {"enterprise", "import", CLI_DB_EXISTING, fun_import,
     "enterprise import 文件.csv [--year Y] [--unit 元|万元] [--all] [--yes]",
     "从 CSV 导入企业及年度数据（先预览；加 --yes 才写入）"},
    {"enterprise", "export", CLI_DB_EXISTING, fun_export,
     "enterprise export [--year Y] [--funnel] [--as-of D] [--out 文件]",
     "导出企业名录（可带某年度数据）或漏斗为 CSV（UTF-8 带 BOM，Excel/WPS 可直接打开）"},
    {"enterprise", "rules", CLI_DB_EXISTING, fun_rules,
     "enterprise rules [set 参数 值 | reset 参数]", "查看或修改梯度评价的规则参数"},
    {NULL, NULL, CLI_DB_NONE, NULL, NULL, NULL},
};
