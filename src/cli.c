/* cli.c — finding and running a command of the command line. */
#include "src/cli.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "src/cli_cmds.h"
#include "src/plan_load.h"
#include "src/textw.h"
#include "src/xmalloc.h"

/* Every command table, in the order --help lists them. */
static const struct cli_cmd *const cli_tables[] = {
    cli_base_cmds,   cli_task_cmds,  cli_task_edit_cmds, cli_ent_cmds,
    cli_funnel_cmds, cli_pilot_cmds, cli_reg_cmds,       cli_rep_cmds,
};

/* Prints one command's usage line, its help text starting in the same
 * display column on every line (usages hold Chinese, so printf's byte
 * padding would not line them up). */
static void
cli_usage_line(FILE *f, const struct cli_cmd *c)
{
    int pad = 34 - textw_width(c->usage);

    fprintf(f, "  tuwei %s%*s %s\n", c->usage, pad > 0 ? pad : 0, "", c->help);
}

void
cli_usage(FILE *f)
{
    size_t t;
    const struct cli_cmd *c;

    fputs("用法：tuwei [--config 文件] [--db 文件] [--today 日期] [命令 ...]\n"
          "不带命令时打开全屏界面（首次运行自动建库并载入2025年工作方案）。\n\n"
          "全局选项：\n"
          "  --config FILE     使用指定的配置文件\n"
          "  --db FILE         使用指定的数据库文件\n"
          "  --today DATE      以指定日期（YYYY-MM-DD）作为“今天”\n"
          "  --headless WxH    无界面模式（测试用）：配合 --keys 与 --screen-out\n"
          "  --help, --version\n\n命令：\n",
          f);
    for (t = 0; t < sizeof cli_tables / sizeof cli_tables[0]; t++) {
        for (c = cli_tables[t]; c->name; c++)
            cli_usage_line(f, c);
    }
}

int
cli_opt(int argc, char **argv, int *i, const char *name, const char **val)
{
    size_t n = strlen(name);

    if (strncmp(argv[*i], name, n) != 0)
        return 0;
    if (argv[*i][n] == '=') {
        *val = argv[*i] + n + 1;
        return 1;
    }
    if (argv[*i][n] != '\0' || *i + 1 >= argc)
        return 0;
    *val = argv[++*i];
    return 1;
}

void
cli_row(FILE *out, const char *const *cells, const int *widths, int n)
{
    char *cell;
    int i;

    for (i = 0; i < n; i++) {
        if (i == n - 1) {
            cell = textw_clean(cells[i] ? cells[i] : "");
            fputs(cell, out);
        } else {
            cell = textw_fit(cells[i] ? cells[i] : "", widths[i], TEXTW_LEFT);
            fputs(cell, out);
            fputs("  ", out);
        }
        free(cell);
    }
    fputc('\n', out);
}

/* mkdir -p for the folders above path. */
static int
cli_make_parent(const char *path, struct err *e)
{
    char *p = xstrdup(path), *s;
    int rc = ERR_OK;

    for (s = p + 1; (s = strchr(s, '/')) != NULL; s++) {
        *s = '\0';
        if (mkdir(p, 0700) != 0 && errno != EEXIST) {
            rc = err_set(e, ERR_IO, "无法创建目录 %s：%s", p, strerror(errno));
            break;
        }
        *s = '/';
    }
    free(p);
    return rc;
}

int
cli_open_db(struct cli_ctx *ctx, int create, struct err *e)
{
    const char *path = config_get(ctx->cfg, "database:path");
    struct stat sb;
    int fresh, rc;

    if (path == NULL || *path == '\0')
        return err_set(e, ERR_INVALID, "没有配置数据库文件（database:path）。");
    fresh = stat(path, &sb) != 0;
    if (fresh && !create)
        return err_set(e, ERR_NOTFOUND, "数据库文件 %s 不存在，请先运行 tuwei init。", path);
    if (fresh && (rc = cli_make_parent(path, e)) != ERR_OK)
        return rc;
    if ((rc = db_open(path, create ? DB_OPEN_CREATE : 0, &ctx->db, e)) != ERR_OK)
        return rc;
    if (fresh) {
        struct plan_load_stats st = {0};

        rc = plan_load(ctx->db, ctx->user, &st, e);
        ctx->loaded_rows = st.rows_added;
        return rc;
    }
    return ERR_OK;
}

/* Finds the command for argv: the longest match of name and subcommand. */
static const struct cli_cmd *
cli_find(int argc, char **argv, int *used)
{
    size_t t;
    const struct cli_cmd *c, *name_only = NULL;

    for (t = 0; t < sizeof cli_tables / sizeof cli_tables[0]; t++) {
        for (c = cli_tables[t]; c->name; c++) {
            if (strcmp(c->name, argv[0]) != 0)
                continue;
            if (c->sub == NULL)
                name_only = c;
            else if (argc > 1 && strcmp(c->sub, argv[1]) == 0) {
                *used = 2;
                return c;
            }
        }
    }
    *used = 1;
    return name_only;
}

/* Prints the subcommands of name, for a usage error. */
static void
cli_usage_of(FILE *f, const char *name)
{
    size_t t;
    const struct cli_cmd *c;

    fputs("用法：\n", f);
    for (t = 0; t < sizeof cli_tables / sizeof cli_tables[0]; t++) {
        for (c = cli_tables[t]; c->name; c++) {
            if (strcmp(c->name, name) == 0)
                cli_usage_line(f, c);
        }
    }
}

int
cli_main(struct cli_ctx *ctx, int argc, char **argv, FILE *err_out)
{
    struct err e = {0};
    const struct cli_cmd *c;
    int used = 0, rc = ERR_OK;

    c = cli_find(argc, argv, &used);
    if (c == NULL) {
        fprintf(err_out, "tuwei：未知命令“%s%s%s”。\n", argv[0], argc > 1 ? " " : "",
                argc > 1 ? argv[1] : "");
        cli_usage_of(err_out, argv[0]);
        return 2;
    }
    if (c->db != CLI_DB_NONE)
        rc = cli_open_db(ctx, c->db == CLI_DB_CREATE, &e);
    if (rc == ERR_OK)
        rc = c->run(ctx, argc - used, argv + used, &e);
    db_close(ctx->db);
    ctx->db = NULL;
    if (rc == ERR_OK)
        return 0;
    fprintf(err_out, "tuwei：%s\n", e.msg[0] ? e.msg : "命令失败。");
    if (rc == ERR_INVALID && e.field[0] == '-') {
        fprintf(err_out, "用法：tuwei %s\n", c->usage);
        return 2;
    }
    return 1;
}
