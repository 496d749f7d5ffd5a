/*
 * cli_pilot.c — pilot projects on the command line: the list with each
 * project's stage and what holds it, one project in full with its items
 * and history, the moves (advance, back, exit, extend), items, the stage
 * board; and the live counts of S&T projects against the plan's targets.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/plan.h"
#include "src/cli_cmds.h"
#include "src/cli_reg.h"
#include "src/pilot.h"
#include "src/project.h"
#include "src/xmalloc.h"

#define CLIPILOT_PAGE 200

/* Reads the rules from the configuration. */
static void
clipilot_rules(const struct cli_ctx *ctx, struct pilot_rules *r)
{
    pilot_rules_from_config(ctx->cfg, r);
}

/* What holds a listed project, in a few words ("" when nothing). */
static char *
clipilot_flags_text(int flags, const struct db_pilot_row *row, const char *today)
{
    (void)today;
    if (flags & PILOT_PAST)
        return xasprintf("运行已超期（%s 到期）", row->deadline);
    if ((flags & PILOT_NEAR) && (flags & PILOT_HELD))
        return xasprintf("缺 %d 项材料；运行将于 %s 到期", row->missing, row->deadline);
    if (flags & PILOT_NEAR)
        return xasprintf("运行将于 %s 到期", row->deadline);
    if (flags & PILOT_HELD)
        return xasprintf("缺 %d 项材料", row->missing);
    return xstrdup("");
}

static int
clipilot_list_opts(int argc, char **argv, struct pilot_filter *f, int *csv, struct err *e)
{
    int i, r;

    memset(f, 0, sizeof *f);
    *csv = 0;
    for (i = 0; i < argc; i++) {
        if ((r = cli_reg_format(argc, argv, &i, csv, e)) != 0) {
            if (r < 0)
                return ERR_INVALID;
        } else if (cli_opt(argc, argv, &i, "--search", &f->search) ||
                   cli_opt(argc, argv, &i, "--stage", &f->stage))
            continue;
        else if (strcmp(argv[i], "--held") == 0)
            f->flags |= PILOT_HELD;
        else if (strcmp(argv[i], "--near") == 0)
            f->flags |= PILOT_NEAR;
        else if (strcmp(argv[i], "--past") == 0)
            f->flags |= PILOT_PAST;
        else if (strcmp(argv[i], "--archived") == 0)
            f->archived = 1;
        else
            return err_field(e, ERR_INVALID, "-", "无法识别的参数“%s”。", argv[i]);
    }
    return ERR_OK;
}

static void
clipilot_list_row(struct cli_reg_out *o, const struct pilot_rules *r, const char *today,
                  const struct db_pilot_row *row)
{
    char sid[9], *flags = clipilot_flags_text(pilot_row_flags(r, today, row), row, today);
    const char *cells[7];

    cli_reg_short_id(row->id, sid);
    cells[0] = o->csv ? row->id : sid;
    cells[1] = row->name;
    cells[2] = row->stage ? row->stage : "";
    cells[3] = row->enterprise ? row->enterprise : "";
    cells[4] = row->base ? row->base : "";
    cells[5] = row->deadline ? row->deadline : "";
    cells[6] = flags;
    cli_reg_row(o, cells);
    free(flags);
}

static int
clipilot_list(struct cli_ctx *ctx, int argc, char **argv, struct err *e)
{
    static const char *const head[] = {"编号",     "项目名称", "阶段", "实施企业",
                                       "所在基地", "运行期限", "提示"};
    static const int widths[] = {8, 28, 12, 14, 14, 10, 20};
    struct pilot_rules r;
    struct pilot_filter f;
    struct cli_reg_out out = {0};
    struct db_pilot_row rows[CLIPILOT_PAGE];
    long off = 0;
    int csv, got, i, rc;

    clipilot_rules(ctx, &r);
    if ((rc = clipilot_list_opts(argc, argv, &f, &csv, e)) != ERR_OK)
        return rc;
    cli_reg_begin(&out, ctx, csv, head, widths, 7);
    do {
        rc = pilot_page(ctx->db, &r, ctx->today, &f, off, CLIPILOT_PAGE, rows, &got, e);
        for (i = 0; i < got; i++) {
            clipilot_list_row(&out, &r, ctx->today, &rows[i]);
            db_pilot_row_free(&rows[i]);
        }
        off += got;
    } while (rc == ERR_OK && got == CLIPILOT_PAGE);
    cli_reg_end(&out);
    if (rc == ERR_OK && !csv)
        fprintf(ctx->out, "共 %ld 个中试项目。\n", off);
    return rc;
}

/* Prints the stage, its items and the run of s. */
static void
clipilot_print_stage(struct cli_ctx *ctx, const struct pilot_rules *r, const struct pilot_status *s)
{
    const struct db_pilot_stage *cur = s->cur >= 0 ? &s->stages[s->cur] : NULL;
    size_t i;

    fprintf(ctx->out, "当前阶段：%s%s%s%s\n", cur ? cur->name : "（未定）",
            s->st.stage_since ? "（自 " : "", s->st.stage_since ? s->st.stage_since : "",
            s->st.stage_since ? " 起）" : "");
    if (s->next >= 0)
        fprintf(ctx->out, "下一阶段：%s\n", s->stages[s->next].name);
    for (i = 0; cur && i < cur->nitems; i++)
        fprintf(ctx->out, "  %s %s：%s\n", cur->items[i].value ? "[已填]" : "[缺少]",
                cur->items[i].name, cur->items[i].value ? cur->items[i].value : "无");
    if (s->st.run_start)
        fprintf(ctx->out, "中试运行：%s 起%s%s，期限 %d 年%s\n", s->st.run_start,
                s->st.run_end ? " 至 " : "", s->st.run_end ? s->st.run_end : "", r->run_years,
                s->st.extension_years ? "（已延期）" : "");
    if (s->st.extension_years)
        fprintf(ctx->out, "延期：%d 年（%s 办理）\n", s->st.extension_years,
                s->st.extended_on ? s->st.extended_on : "");
    if (s->st.deadline)
        fprintf(ctx->out, "运行期限：%s（%s %ld 天）%s\n", s->st.deadline,
                s->days_left >= 0 ? "还剩" : "已超过", labs(s->days_left),
                (s->flags & PILOT_PAST)   ? " [已超期]"
                : (s->flags & PILOT_NEAR) ? " [临近期限]"
                                          : "");
    if (s->st.exit_date)
        fprintf(ctx->out, "退出：%s，设施%s\n", s->st.exit_date,
                s->st.exit_mode ? s->st.exit_mode : "（未建设施）");
}

static int
clipilot_print_history(struct cli_ctx *ctx, const char *id, struct err *e)
{
    struct db_pilot_event *ev;
    size_t n, i;
    int rc;

    if ((rc = db_pilot_events(ctx->db, id, &ev, &n, e)) != ERR_OK)
        return rc;
    fputs(n ? "阶段记录：\n" : "阶段记录：暂无\n", ctx->out);
    for (i = 0; i < n; i++)
        fprintf(ctx->out, "  %s  %s -> %s  %s%s%s\n", ev[i].moved_on,
                ev[i].from_stage ? ev[i].from_stage : "（登记）",
                ev[i].to_stage ? ev[i].to_stage : "?", ev[i].by ? ev[i].by : "",
                ev[i].note ? "  " : "", ev[i].note ? ev[i].note : "");
    db_pilot_events_free(ev, n);
    return ERR_OK;
}

static int
clipilot_show(struct cli_ctx *ctx, int argc, char **argv, struct err *e)
{
    struct pilot_rules r;
    struct pilot_status s;
    char id[40];
    int rc;

    clipilot_rules(ctx, &r);
    if (argc > 1)
        return err_field(e, ERR_INVALID, "-", "多余的参数“%s”。", argv[1]);
    if ((rc = cli_reg_target(ctx, &reg_pilot_project, argc, argv, id, e)) != ERR_OK ||
        (rc = cli_reg_print(ctx, &reg_pilot_project, id, e)) != ERR_OK ||
        (rc = pilot_status_get(ctx->db, &r, ctx->today, id, &s, e)) != ERR_OK)
        return rc;
    clipilot_print_stage(ctx, &r, &s);
    pilot_status_free(&s);
    return clipilot_print_history(ctx, id, e);
}

/* Options of a move: --date, --note, --mode, --years. */
struct clipilot_move {
    const char *date, *note, *mode, *years;
};

static int
clipilot_move_opts(int argc, char **argv, int from, struct clipilot_move *m, int allow_mode,
                   int allow_years, struct err *e)
{
    int i;

    memset(m, 0, sizeof *m);
    for (i = from; i < argc; i++) {
        if (cli_opt(argc, argv, &i, "--date", &m->date) ||
            cli_opt(argc, argv, &i, "--note", &m->note))
            continue;
        if (allow_mode && cli_opt(argc, argv, &i, "--mode", &m->mode))
            continue;
        if (allow_years && cli_opt(argc, argv, &i, "--years", &m->years))
            continue;
        return err_field(e, ERR_INVALID, "-", "无法识别的参数“%s”。", argv[i]);
    }
    return ERR_OK;
}

/* Prints where project id stands after a move. */
static int
clipilot_after(struct cli_ctx *ctx, const char *id, const char *what, struct err *e)
{
    struct pilot_rules r;
    struct pilot_status s;
    char *missing;
    int rc;

    clipilot_rules(ctx, &r);
    if ((rc = pilot_status_get(ctx->db, &r, ctx->today, id, &s, e)) != ERR_OK)
        return rc;
    fprintf(ctx->out, "中试项目“%s”%s“%s”%s%s%s。\n", s.st.name, what,
            s.cur >= 0 ? s.stages[s.cur].name : "", s.st.stage_since ? "（" : "",
            s.st.stage_since ? s.st.stage_since : "", s.st.stage_since ? "）" : "");
    missing = pilot_missing_text(&s);
    if (*missing && s.next >= 0)
        fprintf(ctx->out, "进入“%s”前还需登记：%s。\n", s.stages[s.next].name, missing);
    free(missing);
    pilot_status_free(&s);
    return ERR_OK;
}

static int
clipilot_advance(struct cli_ctx *ctx, int argc, char **argv, struct err *e)
{
    struct pilot_rules r;
    struct clipilot_move m;
    char id[40];
    int rc;

    clipilot_rules(ctx, &r);
    if ((rc = cli_reg_target(ctx, &reg_pilot_project, argc, argv, id, e)) != ERR_OK ||
        (rc = clipilot_move_opts(argc, argv, 1, &m, 0, 0, e)) != ERR_OK ||
        (rc = pilot_advance(ctx->db, ctx->user, &r, ctx->today, id, m.date, m.note, e)) != ERR_OK)
        return rc;
    return clipilot_after(ctx, id, "已进入", e);
}

static int
clipilot_back(struct cli_ctx *ctx, int argc, char **argv, struct err *e)
{
    struct clipilot_move m;
    char id[40];
    int rc;

    if ((rc = cli_reg_target(ctx, &reg_pilot_project, argc, argv, id, e)) != ERR_OK ||
        (rc = clipilot_move_opts(argc, argv, 1, &m, 0, 0, e)) != ERR_OK ||
        (rc = pilot_back(ctx->db, ctx->user, ctx->today, id, m.date, m.note, e)) != ERR_OK)
        return rc;
    return clipilot_after(ctx, id, "已退回", e);
}

static int
clipilot_exit(struct cli_ctx *ctx, int argc, char **argv, struct err *e)
{
    struct clipilot_move m;
    char id[40];
    int rc;

    if ((rc = cli_reg_target(ctx, &reg_pilot_project, argc, argv, id, e)) != ERR_OK ||
        (rc = clipilot_move_opts(argc, argv, 1, &m, 1, 0, e)) != ERR_OK ||
        (rc = pilot_exit(ctx->db, ctx->user, ctx->today, id, m.mode, m.date, m.note, e)) != ERR_OK)
        return rc;
    return clipilot_after(ctx, id, "已", e);
}

static int
clipilot_extend(struct cli_ctx *ctx, int argc, char **argv, struct err *e)
{
    struct pilot_rules r;
    struct clipilot_move m;
    char id[40], *end;
    long years;
    int rc;

    clipilot_rules(ctx, &r);
    if ((rc = cli_reg_target(ctx, &reg_pilot_project, argc, argv, id, e)) != ERR_OK ||
        (rc = clipilot_move_opts(argc, argv, 1, &m, 0, 1, e)) != ERR_OK)
        return rc;
    years = m.years ? strtol(m.years, &end, 10) : r.ext_years;
    if (m.years && (*end != '\0' || end == m.years))
        return err_field(e, ERR_INVALID, "-", "--years 后应是整数年数。");
    if ((rc = pilot_extend(ctx->db, ctx->user, &r, ctx->today, id, (int)years, m.date, e)) !=
        ERR_OK)
        return rc;
    fprintf(ctx->out, "已延期 %ld 年。\n", years);
    return clipilot_after(ctx, id, "仍处于", e);
}

static int
clipilot_item(struct cli_ctx *ctx, int argc, char **argv, struct err *e)
{
    char id[40];
    int rc;

    if (argc != 3)
        return err_field(e, ERR_INVALID, "-",
                         "用法：pilot item 项目 材料项 值（值为空串则清除）。");
    if ((rc = cli_reg_target(ctx, &reg_pilot_project, argc, argv, id, e)) != ERR_OK ||
        (rc = pilot_item_set(ctx->db, ctx->user, id, argv[1], argv[2], e)) != ERR_OK)
        return rc;
    if (*argv[2])
        fprintf(ctx->out, "已登记%s：%s。\n", argv[1], argv[2]);
    else
        fprintf(ctx->out, "已清除%s。\n", argv[1]);
    return clipilot_after(ctx, id, "处于", e);
}

/* Prints the projects the board flags: held, near or past their limit. */
static int
clipilot_flagged(struct cli_ctx *ctx, const struct pilot_rules *r, struct err *e)
{
    struct pilot_filter f = {NULL, NULL, 0, 0};
    struct db_pilot_row rows[CLIPILOT_PAGE];
    char *why;
    long off = 0, shown = 0;
    int got, i, flags, rc;

    do {
        rc = pilot_page(ctx->db, r, ctx->today, &f, off, CLIPILOT_PAGE, rows, &got, e);
        for (i = 0; i < got; i++) {
            flags = pilot_row_flags(r, ctx->today, &rows[i]);
            if (flags) {
                why = clipilot_flags_text(flags, &rows[i], ctx->today);
                fprintf(ctx->out, "%s  %s（%s）：%s\n", shown++ ? "" : "\n受阻与预警：\n",
                        rows[i].name, rows[i].stage ? rows[i].stage : "", why);
                free(why);
            }
            db_pilot_row_free(&rows[i]);
        }
        off += got;
    } while (rc == ERR_OK && got == CLIPILOT_PAGE);
    return rc;
}

static int
clipilot_board(struct cli_ctx *ctx, int argc, char **argv, struct err *e)
{
    static const char *const head[] = {"阶段", "项目数", "缺材料", "临近期限", "已超期"};
    static const int widths[] = {14, 6, 6, 8, 6};
    struct pilot_rules r;
    struct db_pilot_board *b;
    struct cli_reg_out out = {0};
    char num[4][24];
    const char *cells[5];
    size_t n, i;
    int csv = 0, k, rc;

    clipilot_rules(ctx, &r);
    for (k = 0; k < argc; k++) {
        if ((rc = cli_reg_format(argc, argv, &k, &csv, e)) <= 0)
            return rc < 0 ? ERR_INVALID
                          : err_field(e, ERR_INVALID, "-", "无法识别的参数“%s”。", argv[k]);
    }
    if ((rc = pilot_board(ctx->db, &r, ctx->today, &b, &n, e)) != ERR_OK)
        return rc;
    cli_reg_begin(&out, ctx, csv, head, widths, 5);
    for (i = 0; i < n; i++) {
        snprintf(num[0], sizeof num[0], "%ld", b[i].total);
        snprintf(num[1], sizeof num[1], "%ld", b[i].held);
        snprintf(num[2], sizeof num[2], "%ld", b[i].near);
        snprintf(num[3], sizeof num[3], "%ld", b[i].past);
        cells[0] = b[i].stage;
        cells[1] = num[0];
        cells[2] = num[1];
        cells[3] = num[2];
        cells[4] = num[3];
        cli_reg_row(&out, cells);
    }
    cli_reg_end(&out);
    db_pilot_board_free(b, n);
    return csv ? ERR_OK : clipilot_flagged(ctx, &r, e);
}

static int
clipilot_stages(struct cli_ctx *ctx, int argc, char **argv, struct err *e)
{
    struct db_pilot_stage *s;
    size_t n, i, j;
    int rc;

    if (argc > 0)
        return err_field(e, ERR_INVALID, "-", "多余的参数“%s”。", argv[0]);
    if ((rc = db_pilot_stages(ctx->db, NULL, &s, &n, e)) != ERR_OK)
        return rc;
    for (i = 0; i < n; i++) {
        fprintf(ctx->out, "%zu. %s", i + 1, s[i].name);
        for (j = 0; j < s[i].nitems; j++)
            fprintf(ctx->out, "%s%s%s", j ? "、" : "  离开前需登记：", s[i].items[j].name,
                    strcmp(s[i].items[j].kind, "date") == 0 ? "（日期）" : "");
        fputc('\n', ctx->out);
    }
    db_pilot_stages_free(s, n);
    return ERR_OK;
}

/* pilot stage add NAME --after STAGE [--run] | pilot stage archive STAGE */
static int
clipilot_stage(struct cli_ctx *ctx, int argc, char **argv, struct err *e)
{
    const char *after = NULL;
    int i, run = 0, rc;

    if (argc == 2 && strcmp(argv[0], "archive") == 0) {
        if ((rc = pilot_stage_archive(ctx->db, ctx->user, argv[1], e)) == ERR_OK)
            fprintf(ctx->out, "已停用阶段“%s”。\n", argv[1]);
        return rc;
    }
    if (argc < 2 || strcmp(argv[0], "add") != 0)
        return err_field(e, ERR_INVALID, "-",
                         "用法：pilot stage add 名称 --after 阶段 [--run]"
                         " 或 pilot stage archive 阶段");
    for (i = 2; i < argc; i++) {
        if (strcmp(argv[i], "--run") == 0)
            run = 1;
        else if (!cli_opt(argc, argv, &i, "--after", &after))
            return err_field(e, ERR_INVALID, "-", "无法识别的参数“%s”。", argv[i]);
    }
    if (after == NULL)
        return err_field(e, ERR_INVALID, "-", "请用 --after 指明新阶段放在哪个阶段之后。");
    if ((rc = pilot_stage_add(ctx->db, ctx->user, argv[1], after, run, e)) == ERR_OK)
        fprintf(ctx->out, "已在“%s”之后添加阶段“%s”。\n", after, argv[1]);
    return rc;
}

/* pilot stage-item add STAGE NAME [--date] | pilot stage-item archive STAGE NAME */
static int
clipilot_stage_item(struct cli_ctx *ctx, int argc, char **argv, struct err *e)
{
    int add = argc >= 3 && strcmp(argv[0], "add") == 0, is_date = 0, rc;

    if (add && argc == 4 && strcmp(argv[3], "--date") == 0)
        is_date = 1;
    else if (!(argc == 3 && (add || strcmp(argv[0], "archive") == 0)))
        return err_field(e, ERR_INVALID, "-",
                         "用法：pilot stage-item add 阶段 名称 [--date]"
                         " 或 pilot stage-item archive 阶段 名称");
    rc = add ? pilot_stage_item_add(ctx->db, ctx->user, argv[1], argv[2], is_date, e)
             : pilot_stage_item_archive(ctx->db, ctx->user, argv[1], argv[2], e);
    if (rc == ERR_OK)
        fprintf(ctx->out, "已%s“%s”阶段的材料项“%s”。\n", add ? "添加" : "停用", argv[1], argv[2]);
    return rc;
}

static int
clipilot_targets(struct cli_ctx *ctx, int argc, char **argv, struct err *e)
{
    static const char *const head[] = {"目标", "要求", "当前", "状态", "计入的项目类别"};
    static const int widths[] = {22, 6, 6, 8, 30};
    struct db_project_target *t;
    struct cli_reg_out out = {0};
    struct db_plan p;
    const char *year = NULL, *cells[5];
    char want[32], have[24];
    size_t n, i;
    int csv = 0, k, r, rc;

    for (k = 0; k < argc; k++) {
        if ((r = cli_reg_format(argc, argv, &k, &csv, e)) < 0)
            return ERR_INVALID;
        if (r == 0 && !cli_opt(argc, argv, &k, "--year", &year))
            return err_field(e, ERR_INVALID, "-", "无法识别的参数“%s”。", argv[k]);
    }
    if ((rc = db_plan_get(ctx->db, year ? atoi(year) : 0, &p, e)) != ERR_OK)
        return rc;
    rc = project_targets(ctx->db, p.year, &t, &n, e);
    db_plan_free(&p);
    if (rc != ERR_OK)
        return rc;
    cli_reg_begin(&out, ctx, csv, head, widths, 5);
    for (i = 0; i < n; i++) {
        snprintf(want, sizeof want, "%s%g", t[i].comparator ? t[i].comparator : "", t[i].value);
        snprintf(have, sizeof have, "%ld", t[i].count);
        cells[0] = t[i].name;
        cells[1] = want;
        cells[2] = have;
        cells[3] = project_target_met(&t[i]) ? "已达到" : "未达到";
        cells[4] = t[i].kinds ? t[i].kinds : "";
        cli_reg_row(&out, cells);
    }
    cli_reg_end(&out);
    db_project_targets_free(t, n);
    return ERR_OK;
}

const struct cli_cmd cli_pilot_cmds[] = {
    {"pilot", "list", CLI_DB_EXISTING, clipilot_list,
     "pilot list [--stage 阶段] [--held] [--near] [--past] [--search 文本] [--format text|csv]",
     "列出中试项目：阶段、运行期限、缺少的材料"},
    {"pilot", "show", CLI_DB_EXISTING, clipilot_show, "pilot show 项目",
     "显示中试项目：各项信息、当前阶段的材料、运行期限、阶段记录"},
    {"pilot", "advance", CLI_DB_EXISTING, clipilot_advance,
     "pilot advance 项目 [--date 日期] [--note 说明]",
     "推进到下一阶段（当前阶段的材料须已登记齐全）"},
    {"pilot", "item", CLI_DB_EXISTING, clipilot_item, "pilot item 项目 材料项 值",
     "登记阶段材料（备案编号、评审意见、日期等）"},
    {"pilot", "back", CLI_DB_EXISTING, clipilot_back, "pilot back 项目 [--date 日期] [--note 说明]",
     "退回上一阶段（纠正误操作）"},
    {"pilot", "exit", CLI_DB_EXISTING, clipilot_exit,
     "pilot exit 项目 [--mode 拆除|封存] [--date 日期] [--note 说明]", "办理项目退出基地"},
    {"pilot", "extend", CLI_DB_EXISTING, clipilot_extend,
     "pilot extend 项目 [--years N] [--date 日期]", "中试运行延期（只可一次）"},
    {"pilot", "board", CLI_DB_EXISTING, clipilot_board, "pilot board [--format text|csv]",
     "阶段看板：各阶段项目数、缺材料、临近或超过运行期限"},
    {"pilot", "stages", CLI_DB_EXISTING, clipilot_stages, "pilot stages",
     "列出中试阶段及各阶段需登记的材料"},
    {"pilot", "stage", CLI_DB_EXISTING, clipilot_stage,
     "pilot stage add 名称 --after 阶段 [--run] | archive 阶段", "增加或停用中试阶段"},
    {"pilot", "stage-item", CLI_DB_EXISTING, clipilot_stage_item,
     "pilot stage-item add|archive 阶段 名称 [--date]", "增加或停用阶段须登记的材料项"},
    {"project", "targets", CLI_DB_EXISTING, clipilot_targets,
     "project targets [--year N] [--format text|csv]",
     "科技项目数对照方案目标（市级项目>=3、揭榜挂帅>=2）"},
    {NULL, NULL, CLI_DB_NONE, NULL, NULL, NULL},
};
