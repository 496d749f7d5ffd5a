/*
 * cli_task_edit.c — the seven actions' tasks from the command line,
 * writing: task add, set, report, milestone, delete, restore. Every one
 * goes through the same src/ functions as the screen.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/task.h"
#include "src/cli.h"
#include "src/cli_cmds.h"
#include "src/milestone.h"
#include "src/progress.h"
#include "src/task.h"

/* An option of a write command and where its value goes. */
struct cli_edit_opt {
    const char *name;
    const char **val;
};

/* Reads options from table opts; positional arguments go to pos[0..npos). */
static int
cli_edit_args(int argc, char **argv, const struct cli_edit_opt *opts, const char **pos, int npos,
              struct err *e)
{
    const struct cli_edit_opt *o;
    int i, k = 0;

    for (i = 0; i < argc; i++) {
        for (o = opts; o && o->name; o++) {
            if (cli_opt(argc, argv, &i, o->name, o->val))
                break;
        }
        if (o && o->name)
            continue;
        if (argv[i][0] == '-' && argv[i][1] == '-')
            return err_field(e, ERR_INVALID, "-", "无法识别的参数“%s”（或缺少它的值）。", argv[i]);
        if (k >= npos)
            return err_field(e, ERR_INVALID, "-", "多余的参数“%s”。", argv[i]);
        pos[k++] = argv[i];
    }
    if (k < npos && pos[k] == NULL)
        return err_field(e, ERR_INVALID, "-", "缺少参数：请写明任务编号（如 6.5）或 ID。");
    return ERR_OK;
}

/* Prefixes e's message with the option at fault, so the clerk knows what to fix. */
static int
cli_edit_fail(struct err *e, int rc, const struct cli_edit_opt *opts, const char *const *fields)
{
    char msg[sizeof e->msg + 64];
    size_t i, n;

    if (rc != ERR_INVALID || e == NULL || e->field[0] == '\0' || e->field[0] == '-')
        return rc;
    for (i = 0; opts[i].name; i++) {
        if (strcmp(fields[i], e->field) == 0) {
            snprintf(msg, sizeof msg, "%s：%s", opts[i].name, e->msg);
            n = strlen(msg);
            if (n >= sizeof e->msg) { /* cut whole characters only */
                n = sizeof e->msg - 1;
                while (n > 0 && ((unsigned char)msg[n] & 0xc0) == 0x80)
                    n--;
            }
            memcpy(e->msg, msg, n);
            e->msg[n] = '\0';
            break;
        }
    }
    return rc;
}

#define CLI_TASK_OPTS(in)                                                                          \
    {"--title", &(in).title}, {"--body", &(in).body}, {"--lead", &(in).lead}, {"--co", &(in).co},  \
        {"--enterprises", &(in).enterprises}, {"--institutions", &(in).institutions},              \
        {"--start", &(in).start_date}, {"--due", &(in).due_date}, {"--status", &(in).status},      \
    {                                                                                              \
        "--percent", &(in).percent                                                                 \
    }

static const char *const cli_task_fields[] = {
    "title",      "body",     "lead",   "co",      "enterprises", "institutions",
    "start_date", "due_date", "status", "percent", "action",      NULL};

static int
cli_task_add(struct cli_ctx *ctx, int argc, char **argv, struct err *e)
{
    struct task_input in = {0};
    struct cli_edit_opt opts[] = {CLI_TASK_OPTS(in), {"--action", &in.action}, {NULL, NULL}};
    char id[DB_TASK_ID];
    int rc;

    if ((rc = cli_edit_args(argc, argv, opts, NULL, 0, e)) != ERR_OK)
        return rc;
    if ((rc = task_add(ctx->db, ctx->user, &in, id, e)) != ERR_OK)
        return cli_edit_fail(e, rc, opts, cli_task_fields);
    fprintf(ctx->out, "已新建任务，ID：%s\n", id);
    return ERR_OK;
}

static int
cli_task_set(struct cli_ctx *ctx, int argc, char **argv, struct err *e)
{
    struct task_input in = {0};
    struct cli_edit_opt opts[] = {CLI_TASK_OPTS(in), {NULL, NULL}};
    const char *ref = NULL;
    char id[DB_TASK_ID];
    int rc;

    if ((rc = cli_edit_args(argc, argv, opts, &ref, 1, e)) != ERR_OK ||
        (rc = task_find(ctx->db, ref, id, e)) != ERR_OK)
        return rc;
    if ((rc = task_update(ctx->db, ctx->user, id, &in, e)) != ERR_OK)
        return cli_edit_fail(e, rc, opts, cli_task_fields);
    fprintf(ctx->out, "已保存任务 %s 的修改。\n", ref);
    return ERR_OK;
}

static const char *const cli_report_fields[] = {"period",     "report_date", "progress", "problems",
                                                "next_steps", "unit",        "person",   "percent",
                                                "status",     NULL};

/* task report delete RID */
static int
cli_task_report_delete(struct cli_ctx *ctx, int argc, char **argv, struct err *e)
{
    const char *ref = NULL;
    char id[DB_TASK_ID];
    int rc;

    if ((rc = cli_edit_args(argc, argv, NULL, &ref, 1, e)) != ERR_OK ||
        (rc = progress_find(ctx->db, ref, id, e)) != ERR_OK ||
        (rc = progress_archive(ctx->db, ctx->user, id, e)) != ERR_OK)
        return rc;
    fprintf(ctx->out, "已删除这条进展报送（可用 tuwei task restore %s 恢复）。\n", id);
    return ERR_OK;
}

static int
cli_task_report(struct cli_ctx *ctx, int argc, char **argv, struct err *e)
{
    struct progress_input in = {0};
    struct cli_edit_opt opts[] = {{"--period", &in.period},   {"--date", &in.report_date},
                                  {"--done", &in.progress},   {"--problems", &in.problems},
                                  {"--next", &in.next_steps}, {"--unit", &in.unit},
                                  {"--person", &in.person},   {"--percent", &in.percent},
                                  {"--status", &in.status},   {NULL, NULL}};
    const char *ref = NULL;
    char id[DB_TASK_ID], rid[DB_TASK_ID];
    int rc, edit = argc > 0 && strcmp(argv[0], "edit") == 0;

    if (argc > 0 && strcmp(argv[0], "delete") == 0)
        return cli_task_report_delete(ctx, argc - 1, argv + 1, e);
    if ((rc = cli_edit_args(argc - edit, argv + edit, opts, &ref, 1, e)) != ERR_OK)
        return rc;
    if (!edit && in.progress == NULL)
        return err_field(e, ERR_INVALID, "-", "请用 --done 写明进展情况。");
    if (edit)
        rc = (rc = progress_find(ctx->db, ref, rid, e)) != ERR_OK
                 ? rc
                 : progress_update(ctx->db, ctx->user, ctx->today, rid, &in, e);
    else if ((rc = task_find(ctx->db, ref, id, e)) == ERR_OK)
        rc = progress_add(ctx->db, ctx->user, ctx->today, id, &in, rid, e);
    if (rc != ERR_OK)
        return cli_edit_fail(e, rc, opts, cli_report_fields);
    fprintf(ctx->out, edit ? "已保存进展报送的修改。\n" : "已报送进展，ID：%s\n", rid);
    return ERR_OK;
}

static const char *const cli_milestone_fields[] = {"title", "due_date", "done_date", NULL};

/* task milestone done|undo|set|delete TASK N|MID … */
static int
cli_task_milestone_change(struct cli_ctx *ctx, const char *verb, int argc, char **argv,
                          struct err *e)
{
    struct milestone_input in = {0};
    struct cli_edit_opt opts[] = {
        {"--title", &in.title}, {"--due", &in.due_date}, {"--date", &in.done_date}, {NULL, NULL}};
    const char *pos[2] = {NULL, NULL};
    char task[DB_TASK_ID], id[DB_TASK_ID];
    int rc;

    if ((rc = cli_edit_args(argc, argv, opts, pos, 2, e)) != ERR_OK)
        return rc;
    if (pos[1] == NULL)
        return err_field(e, ERR_INVALID, "-", "请写明任务编号和里程碑序号，如：6.5 1。");
    if ((rc = task_find(ctx->db, pos[0], task, e)) != ERR_OK ||
        (rc = milestone_find(ctx->db, task, pos[1], id, e)) != ERR_OK)
        return rc;
    if (strcmp(verb, "done") == 0 || strcmp(verb, "undo") == 0)
        rc = milestone_done(ctx->db, ctx->user, ctx->today, id, in.done_date,
                            strcmp(verb, "undo") == 0, e);
    else if (strcmp(verb, "delete") == 0)
        rc = milestone_archive(ctx->db, ctx->user, id, e);
    else
        rc = milestone_update(ctx->db, ctx->user, ctx->today, id, &in, e);
    if (rc != ERR_OK)
        return cli_edit_fail(e, rc, opts, cli_milestone_fields);
    fprintf(ctx->out, "已保存里程碑的修改。\n");
    return ERR_OK;
}

static int
cli_task_milestone(struct cli_ctx *ctx, int argc, char **argv, struct err *e)
{
    struct milestone_input in = {0};
    struct cli_edit_opt opts[] = {
        {"--title", &in.title}, {"--due", &in.due_date}, {"--date", &in.done_date}, {NULL, NULL}};
    static const char *const verbs[] = {"done", "undo", "set", "delete"};
    const char *ref = NULL;
    char task[DB_TASK_ID], id[DB_TASK_ID];
    size_t i;
    int rc;

    if (argc < 1)
        return err_field(e, ERR_INVALID, "-", "请写明 add、done、undo、set 或 delete。");
    for (i = 0; i < sizeof verbs / sizeof verbs[0]; i++) {
        if (strcmp(argv[0], verbs[i]) == 0)
            return cli_task_milestone_change(ctx, verbs[i], argc - 1, argv + 1, e);
    }
    if (strcmp(argv[0], "add") != 0)
        return err_field(e, ERR_INVALID, "-", "未知的操作“%s”：可用 add、done、undo、set、delete。",
                         argv[0]);
    if ((rc = cli_edit_args(argc - 1, argv + 1, opts, &ref, 1, e)) != ERR_OK ||
        (rc = task_find(ctx->db, ref, task, e)) != ERR_OK)
        return rc;
    if ((rc = milestone_add(ctx->db, ctx->user, ctx->today, task, &in, id, e)) != ERR_OK)
        return cli_edit_fail(e, rc, opts, cli_milestone_fields);
    fprintf(ctx->out, "已新增里程碑，ID：%s\n", id);
    return ERR_OK;
}

static int
cli_task_delete(struct cli_ctx *ctx, int argc, char **argv, struct err *e)
{
    const char *ref = NULL;
    char id[DB_TASK_ID];
    int rc;

    if ((rc = cli_edit_args(argc, argv, NULL, &ref, 1, e)) != ERR_OK ||
        (rc = task_find(ctx->db, ref, id, e)) != ERR_OK ||
        (rc = task_archive(ctx->db, ctx->user, id, e)) != ERR_OK)
        return rc;
    fprintf(ctx->out, "已删除任务 %s（已归档，可用 tuwei task restore %s 恢复）。\n", ref, id);
    return ERR_OK;
}

/* The record a restore names: a task (number, key or prefix), else a
 * milestone or report key or prefix. */
static int
cli_task_restore_find(struct cli_ctx *ctx, const char *ref, char id[DB_TASK_ID], struct err *e)
{
    struct err ignored = {0};

    if (task_find(ctx->db, ref, id, &ignored) == ERR_OK ||
        progress_find(ctx->db, ref, id, &ignored) == ERR_OK ||
        milestone_find(ctx->db, NULL, ref, id, &ignored) == ERR_OK)
        return ERR_OK;
    return err_set(e, ERR_NOTFOUND, "找不到“%s”：请写任务编号或任务、里程碑、进展报送的 ID。", ref);
}

static int
cli_task_restore(struct cli_ctx *ctx, int argc, char **argv, struct err *e)
{
    const char *ref = NULL, *what = NULL;
    char id[DB_TASK_ID];
    int rc;

    if ((rc = cli_edit_args(argc, argv, NULL, &ref, 1, e)) != ERR_OK ||
        (rc = cli_task_restore_find(ctx, ref, id, e)) != ERR_OK ||
        (rc = task_restore(ctx->db, ctx->user, id, &what, e)) != ERR_OK)
        return rc;
    fprintf(ctx->out, "已恢复%s。\n", what);
    return ERR_OK;
}

const struct cli_cmd cli_task_edit_cmds[] = {
    {"task", "add", CLI_DB_EXISTING, cli_task_add,
     "task add --action N --title 名称 --lead 单位 [--co 单位、单位] [--body 内容] [--start 日期] "
     "[--due 日期] [--status 状态] [--percent N] [--enterprises 企业] [--institutions 院所]",
     "新建一项任务"},
    {"task", "set", CLI_DB_EXISTING, cli_task_set,
     "task set 编号|ID [--title ...] [--lead ...] [--co ...] [--start ...] [--due ...] [--status "
     "...] "
     "[--percent N] [--body ...] [--enterprises ...] [--institutions ...]",
     "修改任务（空值 \"\" 清除该项）、改变状态"},
    {"task", "report", CLI_DB_EXISTING, cli_task_report,
     "task report 编号|ID --done 进展情况 [--period 2025-06] [--problems ...] [--next ...] "
     "[--unit 单位] [--person 报送人] [--date 日期] [--percent N] [--status 状态]",
     "报送月度进展（task report edit|delete 报送ID ... 修改或删除）"},
    {"task", "milestone", CLI_DB_EXISTING, cli_task_milestone,
     "task milestone add 编号|ID --title 名称 [--due 日期] | done|undo|set|delete 编号 序号 ...",
     "新增、完成、修改、删除里程碑"},
    {"task", "delete", CLI_DB_EXISTING, cli_task_delete, "task delete 编号|ID",
     "删除任务（归档，可恢复）"},
    {"task", "restore", CLI_DB_EXISTING, cli_task_restore, "task restore 编号|ID",
     "恢复已删除的任务、里程碑或进展报送"},
    {NULL, NULL, CLI_DB_NONE, NULL, NULL, NULL},
};
