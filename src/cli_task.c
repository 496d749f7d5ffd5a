/*
 * cli_task.c — the seven actions' tasks from the command line, reading:
 * task list, task show, task history, task units. The writing commands
 * are in cli_task_edit.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/task.h"
#include "src/cli.h"
#include "src/cli_cmds.h"
#include "src/csv.h"
#include "src/date.h"
#include "src/strbuf.h"
#include "src/task.h"
#include "src/task_history.h"
#include "src/task_rules.h"
#include "src/textw.h"

#define CLI_TASK_PAGE 500

/* The filters of task list as typed. */
struct cli_task_list_opts {
    const char *action, *unit, *status, *search, *sort, *format;
    int overdue, stale, archived;
};

static int
cli_task_list_args(int argc, char **argv, struct cli_task_list_opts *o, struct err *e)
{
    int i;

    memset(o, 0, sizeof *o);
    o->format = "text";
    for (i = 0; i < argc; i++) {
        if (strcmp(argv[i], "--overdue") == 0)
            o->overdue = 1;
        else if (strcmp(argv[i], "--stale") == 0)
            o->stale = 1;
        else if (strcmp(argv[i], "--archived") == 0)
            o->archived = 1;
        else if (!cli_opt(argc, argv, &i, "--action", &o->action) &&
                 !cli_opt(argc, argv, &i, "--unit", &o->unit) &&
                 !cli_opt(argc, argv, &i, "--status", &o->status) &&
                 !cli_opt(argc, argv, &i, "--search", &o->search) &&
                 !cli_opt(argc, argv, &i, "--sort", &o->sort) &&
                 !cli_opt(argc, argv, &i, "--format", &o->format))
            return err_field(e, ERR_INVALID, "-", "无法识别的参数“%s”。", argv[i]);
    }
    if (strcmp(o->format, "text") != 0 && strcmp(o->format, "csv") != 0)
        return err_field(e, ERR_INVALID, "-", "--format 只能是 text 或 csv。");
    return ERR_OK;
}

static int
cli_task_sort(const char *s, enum db_task_sort *out, struct err *e)
{
    static const struct {
        const char *name;
        enum db_task_sort sort;
    } sorts[] = {{"plan", DB_TASK_SORT_PLAN},
                 {"due", DB_TASK_SORT_DUE},
                 {"status", DB_TASK_SORT_STATUS},
                 {"unit", DB_TASK_SORT_UNIT},
                 {"late", DB_TASK_SORT_LATE}};
    size_t i;

    for (i = 0; s && i < sizeof sorts / sizeof sorts[0]; i++) {
        if (strcmp(s, sorts[i].name) == 0) {
            *out = sorts[i].sort;
            return ERR_OK;
        }
    }
    if (s == NULL)
        return ERR_OK;
    return err_field(e, ERR_INVALID, "-", "--sort 只能是 plan、due、status、unit 或 late。");
}

/* Turns the typed filters into a query; keys go into the buffers given. */
static int
cli_task_query(struct cli_ctx *ctx, const struct cli_task_list_opts *o, struct db_task_query *q,
               char action[DB_TASK_ID], char unit[DB_TASK_ID], struct db_task_status *status,
               struct err *e)
{
    char name[128];
    int rc = ERR_OK;

    memset(q, 0, sizeof *q);
    task_rules_from_config(&q->rules, ctx->cfg, ctx->today);
    q->overdue = o->overdue;
    q->stale = o->stale;
    q->archived = o->archived;
    q->search = o->search;
    q->sort = o->unit ? DB_TASK_SORT_LATE : DB_TASK_SORT_PLAN;
    if ((rc = cli_task_sort(o->sort, &q->sort, e)) != ERR_OK)
        return rc;
    if (o->action && (rc = db_task_action_by_no(ctx->db, atoi(o->action), action, e)) == ERR_OK)
        q->action_id = action;
    if (rc == ERR_OK && o->unit &&
        (rc = task_unit_resolve(ctx->db, o->unit, "unit", unit, name, sizeof name, e)) == ERR_OK)
        q->unit_id = unit;
    if (rc == ERR_OK && o->status &&
        (rc = task_status_resolve(ctx->db, o->status, "status", status, e)) == ERR_OK)
        q->status_id = status->id;
    return rc;
}

/* The overdue / stale marks of a row, as text. */
static const char *
cli_task_marks(const struct db_task_item *t)
{
    if (t->overdue && t->stale)
        return "逾期 久未报送";
    if (t->overdue)
        return "逾期";
    return t->stale ? "久未报送" : "";
}

static void
cli_task_text_row(FILE *out, const struct db_task_item *t)
{
    static const int w[] = {5, 6, 4, 10, 22, 13, 40};
    char no[16], pct[8];
    const char *cells[7];

    snprintf(no, sizeof no, "%d.%d", t->action_no, t->no);
    snprintf(pct, sizeof pct, "%d%%", t->percent);
    cells[0] = no;
    cells[1] = t->status;
    cells[2] = pct;
    cells[3] = t->due_date[0] ? t->due_date : "-";
    cells[4] = t->lead_unit ? t->lead_unit : "-";
    cells[5] = cli_task_marks(t);
    cells[6] = t->title;
    cli_row(out, cells, w, 7);
}

static void
cli_task_csv_row(struct strbuf *b, const struct db_task_item *t)
{
    char no[16], pct[8];
    const char *cells[10];

    snprintf(no, sizeof no, "%d.%d", t->action_no, t->no);
    snprintf(pct, sizeof pct, "%d", t->percent);
    cells[0] = no;
    cells[1] = t->title;
    cells[2] = t->status;
    cells[3] = pct;
    cells[4] = t->due_date;
    cells[5] = t->lead_unit;
    cells[6] = t->overdue ? "是" : "否";
    cells[7] = t->stale ? "是" : "否";
    cells[8] = t->report_last;
    cells[9] = t->id;
    csv_write_row(b, cells, 10);
}

static void
cli_task_list_head(struct cli_ctx *ctx, int csv, struct strbuf *b)
{
    static const char *const csv_head[] = {"编号",     "任务", "状态",     "进度(%)",  "截止日期",
                                           "牵头单位", "逾期", "久未报送", "最近报送", "ID"};
    static const int w[] = {5, 6, 4, 10, 22, 13, 40};
    static const char *const head[] = {"编号",     "状态", "进度", "截止日期",
                                       "牵头单位", "提醒", "任务"};

    if (csv) {
        strbuf_puts(b, CSV_BOM);
        csv_write_row(b, csv_head, 10);
    } else {
        cli_row(ctx->out, head, w, 7);
    }
}

/* Prints every row of q, a page at a time; counts overdue and stale. */
static int
cli_task_list_rows(struct cli_ctx *ctx, const struct db_task_query *q, int csv, long *overdue,
                   long *stale, long *total, struct err *e)
{
    struct strbuf b = STRBUF_INIT;
    struct db_task_item *t;
    size_t n, i;
    long off = 0;
    int rc;

    cli_task_list_head(ctx, csv, &b);
    do {
        if ((rc = db_task_page(ctx->db, q, off, CLI_TASK_PAGE, &t, &n, e)) != ERR_OK)
            break;
        for (i = 0; i < n; i++) {
            *overdue += t[i].overdue;
            *stale += t[i].stale;
            if (csv)
                cli_task_csv_row(&b, &t[i]);
            else
                cli_task_text_row(ctx->out, &t[i]);
        }
        db_task_items_free(t, n);
        off += (long)n;
        fwrite(strbuf_str(&b), 1, b.len, ctx->out);
        strbuf_reset(&b);
    } while (n == CLI_TASK_PAGE);
    strbuf_free(&b);
    *total = off;
    return rc;
}

/* Prints the tasks the typed filters o select. */
static int
cli_task_list_run(struct cli_ctx *ctx, const struct cli_task_list_opts *o, struct err *e)
{
    struct db_task_query q;
    struct db_task_status status;
    char action[DB_TASK_ID], unit[DB_TASK_ID];
    long overdue = 0, stale = 0, total = 0;
    int rc, csv = strcmp(o->format, "csv") == 0;

    if ((rc = cli_task_query(ctx, o, &q, action, unit, &status, e)) != ERR_OK)
        return rc;
    rc = cli_task_list_rows(ctx, &q, csv, &overdue, &stale, &total, e);
    if (rc == ERR_OK && !csv)
        fprintf(ctx->out, "共 %ld 项任务（逾期 %ld 项，超过 %ld 天未报送进展 %ld 项；今天：%s）\n",
                total, overdue, date_diff(q.rules.stale_before, q.rules.today), stale, ctx->today);
    return rc;
}

static int
cli_task_list(struct cli_ctx *ctx, int argc, char **argv, struct err *e)
{
    struct cli_task_list_opts o;
    int rc;

    if ((rc = cli_task_list_args(argc, argv, &o, e)) != ERR_OK)
        return rc;
    return cli_task_list_run(ctx, &o, e);
}

/* Finds the task named by the first argument, refusing extra ones. */
static int
cli_task_arg(struct cli_ctx *ctx, int argc, char **argv, char id[DB_TASK_ID], struct err *e)
{
    if (argc < 1)
        return err_field(e, ERR_INVALID, "-", "请写明任务：方案中的编号（如 6.5）或任务 ID。");
    if (argc > 1)
        return err_field(e, ERR_INVALID, "-", "多余的参数“%s”。", argv[1]);
    return task_find(ctx->db, argv[0], id, e);
}

/* Prints "label：" then text wrapped under it. */
static void
cli_task_para(FILE *out, const char *label, const char *text)
{
    struct textw_line lines[512];
    size_t n, i;

    fprintf(out, "%s：", label);
    if (text == NULL || *text == '\0') {
        fputs("-\n", out);
        return;
    }
    n = textw_wrap(text, 66, lines, 512);
    for (i = 0; i < n && i < 512; i++)
        fprintf(out, "%s%.*s\n", i ? "          " : "", (int)lines[i].len, text + lines[i].off);
}

static void
cli_task_units_line(FILE *out, const struct db_task_unit *u, size_t n)
{
    size_t i, k = 0;

    fprintf(out, "牵头单位：%s\n配合单位：", n > 0 && u[0].lead ? u[0].name : "-");
    for (i = 0; i < n; i++) {
        if (!u[i].lead)
            fprintf(out, "%s%s", k++ ? "、" : "", u[i].name);
    }
    fputs(k ? "\n" : "-\n", out);
}

static void
cli_task_links_line(struct cli_ctx *ctx, const char *id, enum db_task_link_kind kind,
                    const char *label)
{
    struct db_task_link *l;
    size_t n, i;

    if (db_task_links(ctx->db, id, kind, &l, &n, NULL) != ERR_OK || n == 0) {
        if (n == 0)
            db_task_links_free(l, n);
        return;
    }
    fprintf(ctx->out, "%s：", label);
    for (i = 0; i < n; i++)
        fprintf(ctx->out, "%s%s", i ? "、" : "", l[i].name);
    fputc('\n', ctx->out);
    db_task_links_free(l, n);
}

/* The reminders of a task: overdue, stale, archived. */
static void
cli_task_alerts(struct cli_ctx *ctx, const struct db_task *t)
{
    struct db_task_rules r;
    char since[DB_TASK_DATE];

    task_rules_from_config(&r, ctx->cfg, ctx->today);
    if (t->archived_at[0])
        fprintf(ctx->out, "提醒：这项任务已删除（归档），可用 tuwei task restore %s 恢复。\n",
                t->id);
    if (task_rules_overdue(t, &r))
        fprintf(ctx->out, "提醒：已逾期（%s%s）\n",
                t->due_date[0] && strcmp(t->due_date, r.today) < 0 ? "截止日期 " : "里程碑计划 ",
                t->due_date[0] && strcmp(t->due_date, r.today) < 0 ? t->due_date
                                                                   : t->milestone_due);
    if (task_rules_stale(t, &r)) {
        task_rules_stale_since(t, since);
        fprintf(ctx->out, "提醒：已 %ld 天未报送进展（%s%s）\n", date_diff(since, r.today),
                t->report_last[0] ? "最近一次报送于 " : "尚无报送，自 ", since);
    }
}

static void
cli_task_milestones(struct cli_ctx *ctx, const struct db_task *t)
{
    struct db_milestone *m;
    size_t n, i;

    if (db_milestones(ctx->db, t->id, 0, &m, &n, NULL) != ERR_OK)
        return;
    fprintf(ctx->out, "\n里程碑（%zu 个）：\n", n);
    for (i = 0; i < n; i++) {
        fprintf(ctx->out, "  %zu. %s  计划完成：%s  ", i + 1, m[i].title,
                m[i].due_date[0] ? m[i].due_date : "-");
        if (m[i].done_date[0])
            fprintf(ctx->out, "已完成（%s）\n", m[i].done_date);
        else
            fprintf(ctx->out, "%s\n",
                    m[i].due_date[0] && strcmp(m[i].due_date, ctx->today) < 0 && !t->status_done
                        ? "未完成，已逾期"
                        : "未完成");
    }
    db_milestones_free(m, n);
}

static void
cli_task_reports(struct cli_ctx *ctx, const struct db_task *t)
{
    struct db_report *r;
    size_t n, i;
    long total = 0;

    if (db_reports_count(ctx->db, t->id, &total, NULL) != ERR_OK ||
        db_reports_page(ctx->db, t->id, 0, 1000, &r, &n, NULL) != ERR_OK)
        return;
    fprintf(ctx->out, "\n进展报送（%ld 条，最新在前）：\n", total);
    for (i = 0; i < n; i++) {
        fprintf(ctx->out, "  [%s] 报送于 %s  %s  %s  ID %.8s\n", r[i].period, r[i].report_date,
                r[i].unit ? r[i].unit : "-", r[i].person ? r[i].person : "", r[i].id);
        cli_task_para(ctx->out, "    进展情况", r[i].progress);
        if (r[i].problems)
            cli_task_para(ctx->out, "    存在问题", r[i].problems);
        if (r[i].next_steps)
            cli_task_para(ctx->out, "    下步计划", r[i].next_steps);
    }
    db_reports_free(r, n);
}

static int
cli_task_show(struct cli_ctx *ctx, int argc, char **argv, struct err *e)
{
    struct db_task t;
    struct db_task_unit *u;
    char id[DB_TASK_ID];
    size_t n;
    int rc;

    if ((rc = cli_task_arg(ctx, argc, argv, id, e)) != ERR_OK ||
        (rc = db_task_get(ctx->db, id, &t, e)) != ERR_OK)
        return rc;
    fprintf(ctx->out, "任务 %d.%d  %s\nID：%s\n所属行动：%d. %s\n状态：%s    进度：%d%%\n",
            t.action_no, t.no, t.title, t.id, t.action_no, t.action_name ? t.action_name : "",
            t.status, t.percent);
    fprintf(ctx->out, "开始日期：%s    截止日期：%s\n", t.start_date[0] ? t.start_date : "-",
            t.due_date[0] ? t.due_date : "-");
    if ((rc = db_task_units(ctx->db, id, &u, &n, e)) == ERR_OK) {
        cli_task_units_line(ctx->out, u, n);
        db_task_units_free(u, n);
    }
    cli_task_links_line(ctx, id, DB_TASK_LINK_ENTERPRISE, "关联企业");
    cli_task_links_line(ctx, id, DB_TASK_LINK_INSTITUTION, "关联高校院所");
    cli_task_alerts(ctx, &t);
    cli_task_para(ctx->out, "任务内容", t.body);
    cli_task_milestones(ctx, &t);
    cli_task_reports(ctx, &t);
    db_task_free(&t);
    return rc;
}

static int
cli_task_history(struct cli_ctx *ctx, int argc, char **argv, struct err *e)
{
    struct task_history_item *h;
    char id[DB_TASK_ID];
    size_t n, i;
    int rc;

    if ((rc = cli_task_arg(ctx, argc, argv, id, e)) != ERR_OK ||
        (rc = task_history(ctx->db, id, &h, &n, e)) != ERR_OK)
        return rc;
    for (i = 0; i < n; i++) {
        fprintf(ctx->out, "%s  %s  %s\n", h[i].when, h[i].user, h[i].text);
        if (h[i].restorable)
            fprintf(ctx->out, "    可恢复：tuwei task restore %s\n", h[i].row_key);
    }
    fprintf(ctx->out, "共 %zu 条修改记录。\n", n);
    task_history_free(h, n);
    return ERR_OK;
}

static void
cli_task_units_table(struct cli_ctx *ctx, const struct db_task_tally *t, size_t n)
{
    static const int w[] = {24, 6, 6, 6, 10, 6};
    static const char *const head[] = {"责任单位", "牵头", "配合", "逾期", "久未报送", "已完成"};
    char c[5][16];
    const char *cells[6];
    size_t i;
    int k;

    cli_row(ctx->out, head, w, 6);
    for (i = 0; i < n; i++) {
        snprintf(c[0], sizeof c[0], "%ld", t[i].lead);
        snprintf(c[1], sizeof c[1], "%ld", t[i].co);
        snprintf(c[2], sizeof c[2], "%ld", t[i].overdue);
        snprintf(c[3], sizeof c[3], "%ld", t[i].stale);
        snprintf(c[4], sizeof c[4], "%ld", t[i].done);
        cells[0] = t[i].name;
        for (k = 0; k < 5; k++)
            cells[k + 1] = c[k];
        cli_row(ctx->out, cells, w, 6);
    }
}

static int
cli_task_units(struct cli_ctx *ctx, int argc, char **argv, struct err *e)
{
    struct db_task_rules r;
    struct db_task_tally *t;
    size_t n;
    int rc;

    if (argc > 0 && argv[0][0] != '-') {
        /* One unit: its tasks, the overdue and stale first. */
        struct cli_task_list_opts o;

        if ((rc = cli_task_list_args(argc - 1, argv + 1, &o, e)) != ERR_OK)
            return rc;
        o.unit = argv[0];
        fprintf(ctx->out, "%s 牵头或配合的任务（逾期、久未报送的在前）：\n", argv[0]);
        return cli_task_list_run(ctx, &o, e);
    }
    if (argc > 0)
        return err_field(e, ERR_INVALID, "-", "无法识别的参数“%s”。", argv[0]);
    task_rules_from_config(&r, ctx->cfg, ctx->today);
    if ((rc = db_task_tally_units(ctx->db, &r, &t, &n, e)) != ERR_OK)
        return rc;
    cli_task_units_table(ctx, t, n);
    db_task_tallies_free(t, n);
    return ERR_OK;
}

const struct cli_cmd cli_task_cmds[] = {
    {"task", "list", CLI_DB_EXISTING, cli_task_list,
     "task list [--action N] [--unit 单位] [--status 状态] [--overdue] [--stale] [--search 文字] "
     "[--sort plan|due|status|unit|late] [--archived] [--format text|csv]",
     "列出七大行动的任务，可按行动、单位、状态、逾期、久未报送筛选"},
    {"task", "show", CLI_DB_EXISTING, cli_task_show, "task show 编号|ID",
     "显示一项任务：内容、责任单位、关联企业院所、里程碑和进展报送"},
    {"task", "history", CLI_DB_EXISTING, cli_task_history, "task history 编号|ID",
     "显示一项任务的全部修改记录（含报送、里程碑、删除与恢复）"},
    {"task", "units", CLI_DB_EXISTING, cli_task_units, "task units [单位 [筛选...]]",
     "各责任单位牵头、配合、逾期、久未报送的任务数；写单位名则列出该单位的任务"},
    {NULL, NULL, CLI_DB_NONE, NULL, NULL, NULL},
};
