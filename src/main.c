/*
 * main.c — tuwei's entry: global options, configuration, then either the
 * full-screen program (no command) or one command of the command line.
 * The one place besides ui/ that prints errors.
 */
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "src/cli.h"
#include "src/config.h"
#include "src/version.h"
#include "ui/ui.h"

int main(int argc, char **argv);

struct main_opts {
    const char *config, *db, *today, *headless, *keys, *screen_out;
    int help, version;
    int argi; /* first argument of the command */
};

/* Reads the global options before the command; 2 on a usage error. */
static int
main_parse(int argc, char **argv, struct main_opts *o)
{
    int i;

    memset(o, 0, sizeof *o);
    for (i = 1; i < argc && argv[i][0] == '-'; i++) {
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
            o->help = 1;
        else if (strcmp(argv[i], "--version") == 0)
            o->version = 1;
        else if (!cli_opt(argc, argv, &i, "--config", &o->config) &&
                 !cli_opt(argc, argv, &i, "--db", &o->db) &&
                 !cli_opt(argc, argv, &i, "--today", &o->today) &&
                 !cli_opt(argc, argv, &i, "--headless", &o->headless) &&
                 !cli_opt(argc, argv, &i, "--keys", &o->keys) &&
                 !cli_opt(argc, argv, &i, "--screen-out", &o->screen_out)) {
            fprintf(stderr,
                    "tuwei：无法识别的选项“%s”（缺少参数？）。运行 tuwei --help 查看用法。\n",
                    argv[i]);
            return 2;
        }
    }
    o->argi = i;
    return 0;
}

/* Fills ctx->today from --today (checked) or the local clock. */
static int
main_today(struct cli_ctx *ctx, const char *today)
{
    time_t t = time(NULL);
    struct tm tm;
    int y, m, d;
    char extra;

    if (today == NULL) {
        localtime_r(&t, &tm);
        strftime(ctx->today, sizeof ctx->today, "%Y-%m-%d", &tm);
        return 0;
    }
    if (strlen(today) != 10 || sscanf(today, "%4d-%2d-%2d%c", &y, &m, &d, &extra) != 3 || m < 1 ||
        m > 12 || d < 1 || d > 31) {
        fprintf(stderr, "tuwei：--today 的日期“%s”格式不对，应为 YYYY-MM-DD。\n", today);
        return 2;
    }
    snprintf(ctx->today, sizeof ctx->today, "%s", today);
    return 0;
}

/* Runs the full-screen program (or its headless test mode). */
static int
main_screen(struct cli_ctx *ctx, const struct main_opts *o)
{
    struct ui_options uo = {0};
    struct err e = {0};
    int rc;

    if (o->headless && sscanf(o->headless, "%dx%d", &uo.cols, &uo.rows) != 2) {
        fprintf(stderr, "tuwei：--headless 需要屏幕大小，如 80x24。\n");
        return 2;
    }
    uo.headless = o->headless != NULL;
    uo.keys = o->keys;
    uo.screen_out = o->screen_out;
    snprintf(uo.today, sizeof uo.today, "%s", ctx->today);
    if ((rc = cli_open_db(ctx, 1, &e)) == ERR_OK)
        rc = ui_run(ctx->cfg, ctx->db, &uo, &e);
    db_close(ctx->db);
    ctx->db = NULL;
    if (rc != ERR_OK) {
        fprintf(stderr, "tuwei：%s\n", e.msg);
        return 1;
    }
    /* Ended by SIGTERM or SIGHUP: say so in the exit status, as a shell would. */
    return ui_last_signal() ? 128 + ui_last_signal() : 0;
}

/* The command line's output is UTF-8 whatever the locale, and the width
 * of a Chinese character (two columns: for aligned tables, and for the
 * length limits on names) comes from wcwidth, which knows it only in a
 * UTF-8 locale. A session with no LANG (SSH from a Windows PC, cron)
 * would count one column each: so commands count in C.UTF-8 then. The
 * full screen, which also needs the terminal to be UTF-8, still asks
 * for a UTF-8 locale itself (ui/screen.c). */
static void
main_utf8_widths(void)
{
    const char *cs = nl_langinfo(CODESET);

    if (cs == NULL || (strcmp(cs, "UTF-8") != 0 && strcmp(cs, "utf8") != 0))
        setlocale(LC_CTYPE, "C.UTF-8");
}

int
main(int argc, char **argv)
{
    struct main_opts o;
    struct cli_ctx ctx = {0};
    struct config *cfg = NULL;
    struct err e = {0};
    size_t i;
    int rc;

    setlocale(LC_ALL, "");
    if ((rc = main_parse(argc, argv, &o)) != 0)
        return rc;
    if (o.argi < argc)
        main_utf8_widths();
    if (o.version) {
        printf("%s\n", version_string());
        return 0;
    }
    if (o.help) {
        cli_usage(stdout);
        return 0;
    }
    if (config_load(o.config, &cfg, &e) != ERR_OK ||
        (o.db && config_set(cfg, "database:path", o.db, &e) != ERR_OK)) {
        fprintf(stderr, "tuwei：%s\n", e.msg);
        config_free(cfg);
        return 1;
    }
    for (i = 0; i < config_warning_count(cfg); i++)
        fprintf(stderr, "tuwei：警告：%s\n", config_warning(cfg, i));
    ctx.cfg = cfg;
    ctx.out = stdout;
    ctx.user = config_get(cfg, "user:name");
    if ((rc = main_today(&ctx, o.today)) == 0)
        rc = o.argi < argc ? cli_main(&ctx, argc - o.argi, argv + o.argi, stderr)
                           : main_screen(&ctx, &o);
    config_free(cfg);
    return rc;
}
