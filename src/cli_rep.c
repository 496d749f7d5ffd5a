/*
 * cli_rep.c — the supervisor's commands: dashboard, report, rd (R&D
 * spending and GDP per year) and snapshot (month-end target figures).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/rd_input.h"
#include "db/snapshot.h"
#include "src/cli.h"
#include "src/cli_cmds.h"
#include "src/dashboard.h"
#include "src/date.h"
#include "src/rdgdp.h"
#include "src/report_out.h"
#include "src/reports.h"
#include "src/sumopts.h"
#include "src/targets.h"
#include "src/textw.h"

/* An unknown argument: a usage error. */
static int
rep_bad_arg(const char *arg, struct err *e)
{
    return err_field(e, ERR_INVALID, "-", "无法识别的参数“%s”。", arg);
}

static int
rep_dashboard(struct cli_ctx *ctx, int argc, char **argv, struct err *e)
{
    const char *as_of = ctx->today, *width = "80";
    struct dashboard *d = NULL;
    struct strbuf b = STRBUF_INIT;
    struct sumopts o;
    int i, rc;

    for (i = 0; i < argc; i++) {
        if (!cli_opt(argc, argv, &i, "--as-of", &as_of) &&
            !cli_opt(argc, argv, &i, "--width", &width))
            return rep_bad_arg(argv[i], e);
    }
    if ((rc = sumopts_init(&o, ctx->cfg, as_of, NULL, e)) != ERR_OK ||
        (rc = dashboard_compute(ctx->db, &o, &d, e)) != ERR_OK)
        return rc;
    dashboard_text(d, atoi(width), &b);
    fputs(strbuf_str(&b), ctx->out);
    strbuf_free(&b);
    dashboard_free(d);
    return ERR_OK;
}

static int
rep_report_list(struct cli_ctx *ctx, int argc, char **argv, struct err *e)
{
    static const int w[] = {10, 18, 40};
    const char *cells[3] = {"名称", "报表", "内容"};
    size_t i;

    if (argc > 0)
        return rep_bad_arg(argv[0], e);
    cli_row(ctx->out, cells, w, 3);
    for (i = 0; i < reports_count(); i++) {
        cells[0] = reports_at(i)->name;
        cells[1] = reports_at(i)->title;
        cells[2] = reports_at(i)->help;
        cli_row(ctx->out, cells, w, 3);
    }
    return ERR_OK;
}

/* Writes r in format f to path, or to the output when path is NULL or "-". */
static int
rep_emit(struct cli_ctx *ctx, const struct report *r, enum report_format f, const char *path,
         struct err *e)
{
    struct strbuf b = STRBUF_INIT;

    if (path && strcmp(path, "-") != 0) {
        int rc = report_save(r, f, path, e);

        if (rc == ERR_OK)
            fprintf(ctx->out, "已导出%s：%s（%zu 行）\n", r->title, path, r->nrows);
        return rc;
    }
    if (f == REPORT_FMT_XLSX)
        return err_field(e, ERR_INVALID, "-", "xlsx 格式需要用 -o 指定输出文件。");
    if (f == REPORT_FMT_CSV)
        report_csv(r, &b);
    else
        report_text(r, 0, &b);
    fwrite(strbuf_str(&b), 1, b.len, ctx->out);
    strbuf_free(&b);
    return ERR_OK;
}

static int
rep_report(struct cli_ctx *ctx, int argc, char **argv, struct err *e)
{
    const char *as_of = ctx->today, *period = NULL, *format = "text", *path = NULL, *name = NULL;
    enum report_format f;
    struct report *r = NULL;
    struct sumopts o;
    int i, rc;

    for (i = 0; i < argc; i++) {
        if (cli_opt(argc, argv, &i, "--as-of", &as_of) ||
            cli_opt(argc, argv, &i, "--period", &period) ||
            cli_opt(argc, argv, &i, "--format", &format) || cli_opt(argc, argv, &i, "-o", &path) ||
            cli_opt(argc, argv, &i, "--output", &path))
            continue;
        if (argv[i][0] == '-' || name != NULL)
            return rep_bad_arg(argv[i], e);
        name = argv[i];
    }
    if (name == NULL)
        return err_field(e, ERR_INVALID, "-", "请指定报表名称（tuwei report list 列出全部报表）。");
    if ((rc = report_format_parse(format, &f, e)) != ERR_OK ||
        (rc = sumopts_init(&o, ctx->cfg, as_of, period, e)) != ERR_OK ||
        (rc = reports_run(ctx->db, name, &o, &r, e)) != ERR_OK)
        return rc;
    rc = rep_emit(ctx, r, f, path, e);
    report_free(r);
    return rc;
}

/* Reads an amount option; a missing one is a usage error. */
static int
rep_amount(const char *text, const char *opt, long long *out, struct err *e)
{
    if (text == NULL)
        return err_field(e, ERR_INVALID, "-", "缺少 %s。", opt);
    return rdgdp_parse_amount(text, opt, out, e);
}

static int
rep_rd_set(struct cli_ctx *ctx, int argc, char **argv, struct err *e)
{
    const char *year = NULL, *rd = NULL, *gdp = NULL, *source = NULL;
    long long rdv = 0, gdpv = 0;
    char a[32], b[32];
    int i, rc;

    for (i = 0; i < argc; i++) {
        if (!cli_opt(argc, argv, &i, "--year", &year) && !cli_opt(argc, argv, &i, "--rd", &rd) &&
            !cli_opt(argc, argv, &i, "--gdp", &gdp) &&
            !cli_opt(argc, argv, &i, "--source", &source))
            return rep_bad_arg(argv[i], e);
    }
    if (year == NULL)
        return err_field(e, ERR_INVALID, "-", "缺少 --year。");
    if ((rc = rep_amount(rd, "--rd", &rdv, e)) != ERR_OK ||
        (rc = rep_amount(gdp, "--gdp", &gdpv, e)) != ERR_OK ||
        (rc = rdgdp_save(ctx->db, ctx->user, atoi(year), rdv, gdpv, source, e)) != ERR_OK)
        return rc;
    rdgdp_format_amount(rdv, a, sizeof a);
    rdgdp_format_amount(gdpv, b, sizeof b);
    fprintf(ctx->out, "已记录 %d 年：R&D经费 %s，地区生产总值 %s，R&D经费投入强度 %.2f%%。\n",
            atoi(year), a, b, 100.0 * (double)rdv / (double)gdpv);
    return ERR_OK;
}

static int
rep_rd_list(struct cli_ctx *ctx, int argc, char **argv, struct err *e)
{
    static const int w[] = {6, 14, 16, 8, 20};
    const char *cells[5] = {"年份", "R&D经费", "地区生产总值", "强度", "来源"};
    struct db_rd_input *a;
    char year[8], rd[32], gdp[32], pct[16];
    size_t n, i;
    int rc;

    if (argc > 0)
        return rep_bad_arg(argv[0], e);
    if ((rc = db_rd_input_list(ctx->db, &a, &n, e)) != ERR_OK)
        return rc;
    cli_row(ctx->out, cells, w, 5);
    for (i = 0; i < n; i++) {
        snprintf(year, sizeof year, "%d", a[i].year);
        rdgdp_format_amount(a[i].rd_spending, rd, sizeof rd);
        rdgdp_format_amount(a[i].gdp, gdp, sizeof gdp);
        snprintf(pct, sizeof pct, "%.2f%%", 100.0 * (double)a[i].rd_spending / (double)a[i].gdp);
        cells[0] = year;
        cells[1] = rd;
        cells[2] = gdp;
        cells[3] = pct;
        cells[4] = a[i].source ? a[i].source : "";
        cli_row(ctx->out, cells, w, 5);
    }
    if (n == 0)
        fputs("（尚未录入：tuwei rd set --year 年份 --rd 金额 --gdp 金额）\n", ctx->out);
    db_rd_inputs_free(a, n);
    return ERR_OK;
}

static int
rep_snapshot_take(struct cli_ctx *ctx, int argc, char **argv, struct err *e)
{
    const char *month = NULL;
    char prev[8];
    int i, y, m, changed = 0, rc;

    for (i = 0; i < argc; i++) {
        if (!cli_opt(argc, argv, &i, "--month", &month))
            return rep_bad_arg(argv[i], e);
    }
    if (month == NULL) { /* the month that ended last */
        date_ymd(ctx->today, &y, &m, NULL);
        date_prev_month(y, m, prev);
        month = prev;
    }
    if ((rc = targets_snapshot_take(ctx->db, ctx->cfg, ctx->user, month, ctx->today, &changed,
                                    e)) != ERR_OK)
        return rc;
    if (changed)
        fprintf(ctx->out, "已记录 %s 月末目标快照（%d 项）。\n", month, changed);
    else
        fprintf(ctx->out, "%s 月末目标快照已是最新，未做改动。\n", month);
    return ERR_OK;
}

static int
rep_snapshot_show(struct cli_ctx *ctx, int argc, char **argv, struct err *e)
{
    static const int w[] = {10, 12, 10, 10, 20};
    const char *cells[5] = {"月份", "指标", "目标值", "月末值", "记录时间"};
    struct db_snapshot *s;
    char months[24][8], target[32], value[32];
    size_t nm, ns, i, j;
    int rc;

    if (argc > 0)
        return rep_bad_arg(argv[0], e);
    if ((rc = db_snapshot_months(ctx->db, months, 24, &nm, e)) != ERR_OK)
        return rc;
    cli_row(ctx->out, cells, w, 5);
    for (i = 0; i < nm && rc == ERR_OK; i++) {
        if ((rc = db_snapshot_month(ctx->db, months[i], &s, &ns, e)) != ERR_OK)
            break;
        for (j = 0; j < ns; j++) {
            snprintf(target, sizeof target, s[j].has_target ? "%g" : "-", s[j].target_value);
            snprintf(value, sizeof value, s[j].has_value ? "%g" : "-", s[j].value);
            cells[0] = s[j].month;
            cells[1] = s[j].code;
            cells[2] = target;
            cells[3] = value;
            cells[4] = s[j].updated_at;
            cli_row(ctx->out, cells, w, 5);
        }
        free(s);
    }
    if (nm == 0)
        fputs("（还没有月末快照：tuwei snapshot take --month YYYY-MM）\n", ctx->out);
    return rc;
}

const struct cli_cmd cli_rep_cmds[] = {
    {"dashboard", NULL, CLI_DB_EXISTING, rep_dashboard, "dashboard [--as-of 日期] [--width N]",
     "总览：目标进度、七大行动、梯度培育等（文本）"},
    {"report", "list", CLI_DB_NONE, rep_report_list, "report list", "列出内置报表"},
    {"report", NULL, CLI_DB_EXISTING, rep_report,
     "report 名称 [--as-of 日期] [--period YYYY-MM] [--format xlsx|csv|text] [-o 文件]",
     "生成报表并输出到屏幕或文件"},
    {"rd", "set", CLI_DB_EXISTING, rep_rd_set,
     "rd set --year N --rd 金额 --gdp 金额 [--source 来源]",
     "录入全旗某年R&D经费与地区生产总值（金额可带元、万元、亿元）"},
    {"rd", "list", CLI_DB_EXISTING, rep_rd_list, "rd list",
     "列出各年R&D经费、地区生产总值与投入强度"},
    {"snapshot", "take", CLI_DB_EXISTING, rep_snapshot_take, "snapshot take [--month YYYY-MM]",
     "记录某月（默认上月）月末目标数值快照，重复运行不会改动"},
    {"snapshot", "show", CLI_DB_EXISTING, rep_snapshot_show, "snapshot show",
     "列出已记录的月末目标快照"},
    {NULL, NULL, CLI_DB_NONE, NULL, NULL, NULL},
};
