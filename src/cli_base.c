/*
 * cli_base.c — the foundation commands: init, check, plan show, config.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "db/history.h"
#include "db/plan.h"
#include "src/cli.h"
#include "src/cli_cmds.h"
#include "src/plan_load.h"
#include "src/textw.h"
#include "src/xmalloc.h"

/* Rejects any argument left over. */
static int
base_no_args(int argc, char **argv, struct err *e)
{
    if (argc > 0)
        return err_field(e, ERR_INVALID, "-", "多余的参数“%s”。", argv[0]);
    return ERR_OK;
}

static int
base_init(struct cli_ctx *ctx, int argc, char **argv, struct err *e)
{
    struct plan_load_stats st = {0};
    int rc;

    if ((rc = base_no_args(argc, argv, e)) != ERR_OK)
        return rc;
    if (ctx->loaded_rows > 0)
        st.rows_added = ctx->loaded_rows; /* the file was new: opening loaded it */
    else if ((rc = plan_load(ctx->db, ctx->user, &st, e)) != ERR_OK)
        return rc;
    if (st.rows_added > 0)
        fprintf(ctx->out, "已载入2025年工作方案：新增 %ld 条记录。\n数据库：%s\n", st.rows_added,
                db_path(ctx->db));
    else
        fprintf(ctx->out, "数据库已包含2025年工作方案，未做任何改动。\n数据库：%s\n",
                db_path(ctx->db));
    return ERR_OK;
}

static int
base_check(struct cli_ctx *ctx, int argc, char **argv, struct err *e)
{
    const char *path = argc > 0 ? argv[0] : config_get(ctx->cfg, "database:path");
    struct db *db = NULL;
    int rc, v;

    if (argc > 1)
        return err_field(e, ERR_INVALID, "-", "多余的参数“%s”。", argv[1]);
    if ((rc = db_probe_file(path, e)) != ERR_OK ||
        (rc = db_open(path, DB_OPEN_READONLY, &db, e)) != ERR_OK)
        return rc;
    v = db_schema_version(db);
    if (v < db_schema_latest())
        rc = err_set(e, ERR_REFUSED, "%s 的数据库版本为 %d，低于本程序的 %d：打开时将自动升级。",
                     path, v, db_schema_latest());
    else
        rc = db_quick_check(db, e);
    if (rc == ERR_OK)
        fprintf(ctx->out,
                "数据库：%s\n文件标识：突围工程数据库\n数据库版本：%d\n完整性检查：通过\n"
                "修改记录：%lld 条\n",
                path, v, db_changelog_count(db));
    db_close(db);
    return rc;
}

/* The value column of a target: ">= 33", "1%" or the qualitative mark. */
static void
base_target_value(const struct db_target *t, char *buf, size_t n)
{
    if (!t->has_value) {
        snprintf(buf, n, "（定性目标）");
        return;
    }
    snprintf(buf, n, "%s %g", t->comparator ? t->comparator : "", t->value);
}

static int
base_show_targets(struct cli_ctx *ctx, const struct db_plan *p, struct err *e)
{
    static const int w[] = {30, 12, 4};
    struct db_target *t;
    size_t n, i;
    char val[64];
    const char *cells[3];
    int rc;

    if ((rc = db_plan_targets(ctx->db, p->id, &t, &n, e)) != ERR_OK)
        return rc;
    fputs("\n一、总体目标\n", ctx->out);
    cells[0] = "  指标";
    cells[1] = "目标值";
    cells[2] = "单位";
    cli_row(ctx->out, cells, w, 3);
    for (i = 0; i < n; i++) {
        char *name = malloc(strlen(t[i].name) + 3);
        sprintf(name, "  %s", t[i].name);
        base_target_value(&t[i], val, sizeof val);
        cells[0] = name;
        cells[1] = val;
        cells[2] = t[i].unit ? t[i].unit : "";
        cli_row(ctx->out, cells, w, 3);
        free(name);
    }
    db_targets_free(t, n);
    return ERR_OK;
}

/* Prints text wrapped to cols columns, each line after indent. */
static void
base_wrapped(FILE *out, const char *indent, const char *text, int cols)
{
    struct textw_line lines[256];
    size_t n, i;

    if (text == NULL || *text == '\0')
        return;
    n = textw_wrap(text, cols, lines, 256);
    for (i = 0; i < n && i < 256; i++)
        fprintf(out, "%s%.*s\n", indent, (int)lines[i].len, text + lines[i].off);
}

static void
base_show_units(FILE *out, const struct db_action *a)
{
    size_t j;

    fputs("  责任单位：", out);
    for (j = 0; j < a->nunits; j++) {
        fputs(j ? "、" : "", out);
        fputs(a->units[j].name, out);
        if (a->units[j].named_as)
            fprintf(out, "（方案中称“%s”）", a->units[j].named_as);
    }
    fputc('\n', out);
}

static int
base_show_tasks(struct cli_ctx *ctx, const struct db_action *a, int full, struct err *e)
{
    static const int w[] = {6, 8, 4, 60};
    struct db_task_brief *t;
    size_t n, i;
    char no[16], pct[8];
    const char *cells[4] = {"  序号", "状态", "进度", "任务"};
    int rc;

    if ((rc = db_plan_tasks(ctx->db, a->id, &t, &n, e)) != ERR_OK)
        return rc;
    cli_row(ctx->out, cells, w, 4);
    for (i = 0; i < n; i++) {
        snprintf(no, sizeof no, "  %d.%d", t[i].action_no, t[i].no);
        snprintf(pct, sizeof pct, "%d%%", t[i].percent);
        cells[0] = no;
        cells[1] = t[i].status ? t[i].status : "";
        cells[2] = pct;
        cells[3] = t[i].title;
        cli_row(ctx->out, cells, w, 4);
        if (full)
            base_wrapped(ctx->out, "                        ", t[i].body, 56);
    }
    db_task_briefs_free(t, n);
    return ERR_OK;
}

static int
base_show_actions(struct cli_ctx *ctx, const struct db_plan *p, int full, struct err *e)
{
    static const char *const cn[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九"};
    struct db_action *a;
    size_t n, i;
    int rc;

    if ((rc = db_plan_actions(ctx->db, p->id, &a, &n, e)) != ERR_OK)
        return rc;
    fputs("\n二、重点任务（七大行动）\n", ctx->out);
    for (i = 0; i < n && rc == ERR_OK; i++) {
        fprintf(ctx->out, "\n（%s）%s（%ld 项任务）\n",
                a[i].no >= 1 && a[i].no <= 9 ? cn[a[i].no - 1] : "?", a[i].title, a[i].ntasks);
        base_show_units(ctx->out, &a[i]);
        if (full)
            base_wrapped(ctx->out, "  ", a[i].body, 76);
        rc = base_show_tasks(ctx, &a[i], full, e);
    }
    db_actions_free(a, n);
    return rc;
}

static int
base_show_safeguards(struct cli_ctx *ctx, const struct db_plan *p, int full, struct err *e)
{
    struct db_safeguard *s;
    size_t n, i;
    int rc;

    if ((rc = db_plan_safeguards(ctx->db, p->id, &s, &n, e)) != ERR_OK)
        return rc;
    fputs("\n三、保障措施\n", ctx->out);
    for (i = 0; i < n; i++) {
        fprintf(ctx->out, "  %d. %s\n", s[i].no, s[i].title);
        if (full)
            base_wrapped(ctx->out, "     ", s[i].body, 72);
    }
    db_safeguards_free(s, n);
    return ERR_OK;
}

static int
base_plan_show(struct cli_ctx *ctx, int argc, char **argv, struct err *e)
{
    struct db_plan p;
    const char *year = "0";
    int i, full = 0, rc;

    for (i = 0; i < argc; i++) {
        if (strcmp(argv[i], "--full") == 0)
            full = 1;
        else if (!cli_opt(argc, argv, &i, "--year", &year))
            return err_field(e, ERR_INVALID, "-", "无法识别的参数“%s”。", argv[i]);
    }
    if ((rc = db_plan_get(ctx->db, atoi(year), &p, e)) != ERR_OK)
        return rc;
    fprintf(ctx->out, "%s\n发文单位：%s\n", p.title, p.issuer ? p.issuer : "");
    if (full)
        base_wrapped(ctx->out, "  ", p.requirements, 76);
    rc = base_show_targets(ctx, &p, e);
    if (rc == ERR_OK)
        rc = base_show_actions(ctx, &p, full, e);
    if (rc == ERR_OK)
        rc = base_show_safeguards(ctx, &p, full, e);
    db_plan_free(&p);
    return rc;
}

static int
base_config(struct cli_ctx *ctx, int argc, char **argv, struct err *e)
{
    const char *key, *value;
    size_t i, n = config_count(ctx->cfg);
    int from_file, rc;

    if ((rc = base_no_args(argc, argv, e)) != ERR_OK)
        return rc;
    fprintf(ctx->out, "# 配置文件：%s\n",
            config_file(ctx->cfg) ? config_file(ctx->cfg) : "（未找到，使用内置默认值）");
    for (i = 0; i < n; i++) {
        config_item(ctx->cfg, i, &key, &value, &from_file);
        fprintf(ctx->out, "%s = %s%s\n", key, value ? value : "", from_file ? "" : "    # 默认");
    }
    for (i = 0; i < config_warning_count(ctx->cfg); i++)
        fprintf(ctx->out, "# 警告：%s\n", config_warning(ctx->cfg, i));
    return ERR_OK;
}

/* The Chinese word for a change-log operation. */
static const char *
base_op_name(const char *op)
{
    if (strcmp(op, "insert") == 0)
        return "新增";
    if (strcmp(op, "update") == 0)
        return "修改";
    return strcmp(op, "delete") == 0 ? "删除" : op;
}

/* At most 400 bytes of s[0..n), cut before a character, not inside one. */
static int
base_log_cut(const char *s, size_t n)
{
    if (n > 400) {
        n = 400;
        while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
            n--;
    }
    return (int)n;
}

/* A bulk entry ({"bulk":n,"same":{...},"columns":[...],"rows":[[...],...]},
 * one per stretch of rows an import added) is megabytes: its size, what
 * every row shares, its columns and the first row. */
static void
base_log_bulk(FILE *out, const char *v, const char *row)
{
    const char *same = strstr(v, "\"same\":{"), *cols = strstr(v, "\"columns\":");
    const char *rows = strstr(v, "\"rows\":["), *at, *end;
    const char *label = "首行";
    char *probe = row ? xasprintf("[\"%s", row) : NULL;
    size_t n;

    fprintf(out, "    批量新增：%ld 行\n", atol(v + 8));
    if (same && cols && cols > same + 8) {
        n = (size_t)(cols - same - 8);
        fprintf(out, "    各行相同：%.*s%s\n", base_log_cut(same + 7, n), same + 7,
                base_log_cut(same + 7, n) < (int)n ? " ..." : "");
    }
    if (cols && rows && rows > cols)
        fprintf(out, "    列：%.*s\n", (int)(rows - cols - 11), cols + 10);
    if (rows == NULL) {
        free(probe);
        return;
    }
    at = rows + 8;
    if (probe && rows && (end = strstr(rows, probe)) != NULL) { /* the row asked for (--row) */
        at = end;
        label = "该行";
    }
    free(probe);
    end = strstr(at, "],[");
    n = end ? (size_t)(end - at) + 1 : strlen(at);
    fprintf(out, "    %s：%.*s%s\n", label, base_log_cut(at, n), at, end ? " ..." : "");
}

static int
base_log(struct cli_ctx *ctx, int argc, char **argv, struct err *e)
{
    static const int w[] = {20, 10, 6, 16, 8};
    struct db_history_filter f = {0};
    struct db_history_entry *h;
    const char *limit = "50", *cells[5];
    char at[24];
    size_t n, i;
    int j, rc;

    for (j = 0; j < argc; j++) {
        if (!cli_opt(argc, argv, &j, "--table", &f.tbl) &&
            !cli_opt(argc, argv, &j, "--row", &f.row_key) &&
            !cli_opt(argc, argv, &j, "--user", &f.user) &&
            !cli_opt(argc, argv, &j, "--limit", &limit))
            return err_field(e, ERR_INVALID, "-", "无法识别的参数“%s”。", argv[j]);
    }
    f.limit = atoi(limit);
    if (f.limit < 1 || f.limit > 1000)
        return err_field(e, ERR_INVALID, "-", "--limit 应为 1 到 1000 之间的整数。");
    if ((rc = db_history_list(ctx->db, &f, &h, &n, e)) != ERR_OK)
        return rc;
    for (i = 0; i < n; i++) {
        snprintf(at, sizeof at, "%.10s %.8s", h[i].at, h[i].at + 11);
        cells[0] = at;
        cells[1] = h[i].user;
        cells[2] = base_op_name(h[i].op);
        cells[3] = h[i].tbl;
        cells[4] = h[i].row_key;
        cli_row(ctx->out, cells, w, 5);
        if (h[i].old)
            fprintf(ctx->out, "    原值：%s\n", h[i].old);
        if (h[i].new_ && strncmp(h[i].new_, "{\"bulk\":", 8) == 0)
            base_log_bulk(ctx->out, h[i].new_, f.row_key);
        else if (h[i].new_)
            fprintf(ctx->out, "    新值：%s\n", h[i].new_);
    }
    if (n == 0)
        fputs("没有符合条件的修改记录。\n", ctx->out);
    db_history_free(h, n);
    return ERR_OK;
}

const struct cli_cmd cli_base_cmds[] = {
    {"init", NULL, CLI_DB_CREATE, base_init, "init",
     "建立数据库并载入2025年工作方案（重复运行不会改动数据）"},
    {"check", NULL, CLI_DB_NONE, base_check, "check [数据库文件]",
     "检查数据库文件的标识、版本与完整性"},
    {"plan", "show", CLI_DB_EXISTING, base_plan_show, "plan show [--full] [--year N]",
     "列出工作方案：总体目标、七大行动及其责任单位和任务、保障措施"},
    {"log", NULL, CLI_DB_EXISTING, base_log, "log [--table T] [--row ID] [--user U] [--limit N]",
     "查看修改记录：谁在何时改了什么（最新的在前）"},
    {"config", NULL, CLI_DB_NONE, base_config, "config", "列出当前生效的配置"},
    {NULL, NULL, CLI_DB_NONE, NULL, NULL, NULL},
};
