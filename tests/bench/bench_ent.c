/*
 * bench_ent.c — the enterprise gradient at a city's scale: a generated
 * database of 100,000 enterprises with 500,000 yearly figure rows and their
 * tier events. Prints the time to open the 梯度培育 section (first frame),
 * per keystroke while scrolling and while typing a search, the funnel, the
 * next-tier ranking, and the CSV import rate. Figures, not verdicts.
 * Usage: bench_ent [enterprises]
 */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "db/ent_list.h"
#include "gen_ent.h"
#include "src/config.h"
#include "src/ent_funnel.h"
#include "src/ent_import.h"
#include "src/ent_profile.h"
#include "src/keys.h"
#include "src/plan_load.h"
#include "src/strbuf.h"
#include "ui/app.h"
#include "ui/screen.h"
#include "ui/theme.h"

int main(int argc, char **argv);

static double
bench_ms(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static void
bench_fail(const struct err *e)
{
    fprintf(stderr, "bench_ent: %s\n", e->msg);
    exit(1);
}

/* Makes the database at path: the plan, then n generated enterprises. */
static void
bench_make(const char *path, long n)
{
    struct gen_ent g;
    struct err e = {0};
    struct db *db;
    double t0 = bench_ms();

    unlink(path);
    memset(&g, 0, sizeof g);
    g.n = n;
    g.first_year = 2020;
    g.years = 5;
    g.ids = calloc((size_t)n, sizeof *g.ids);
    if (db_open(path, DB_OPEN_CREATE, &db, &e) != ERR_OK || plan_load(db, "bench", NULL, &e) ||
        gen_ent_all(db, &g, &e) != ERR_OK)
        bench_fail(&e);
    db_close(db);
    free(g.ids);
    printf("generated %ld enterprises, %ld figure rows and their tier events in %.1f s\n", n,
           n * g.years, (bench_ms() - t0) / 1e3);
}

/* Mean milliseconds of handling key and redrawing, over n presses. */
static double
bench_keys(struct ui_app *app, int key, int n)
{
    struct keys_event ev = {key, 0, 0};
    double t0 = bench_ms();
    int i;

    for (i = 0; i < n; i++) {
        ui_app_event(app, &ev);
        ui_app_draw(app);
    }
    return (bench_ms() - t0) / n;
}

/* Types text into the search prompt, one character per keystroke (and
 * Enter); returns the mean milliseconds per keystroke including Enter. */
static double
bench_search(struct ui_app *app, const char *text, double *enter_ms)
{
    struct keys_event ev = {'/', 0, 0};
    const char *p = text, *end = text + strlen(text);
    double t0, t1;
    int n = 0;
    wchar_t wc;

    ui_app_event(app, &ev);
    t0 = bench_ms();
    while (p < end) {
        textw_next(&p, end, &wc);
        ev.key = (int)wc;
        ui_app_event(app, &ev);
        ui_app_draw(app);
        n++;
    }
    t1 = bench_ms();
    ev.key = KEYS_ENTER;
    ui_app_event(app, &ev);
    ui_app_draw(app);
    *enter_ms = bench_ms() - t1;
    return (t1 - t0) / (n ? n : 1);
}

/* The section's figures on the screen size set. */
static void
bench_screen(const char *label, const char *path, struct config *cfg)
{
    struct ui_app *app;
    struct db *db;
    struct err e = {0};
    double t0, open, down, pgdn, end, up, typing, enter, one;

    if (db_open(path, 0, &db, &e) != ERR_OK)
        bench_fail(&e);
    app = ui_app_new(cfg, db, "2025-06-30");
    ui_app_draw(app);
    t0 = bench_ms();
    ui_app_switch(app, 2);
    ui_app_draw(app);
    open = bench_ms() - t0;
    down = bench_keys(app, KEYS_DOWN, 200);
    pgdn = bench_keys(app, KEYS_PGDN, 100);
    end = bench_keys(app, KEYS_END, 5);
    up = bench_keys(app, KEYS_UP, 100);
    typing = bench_search(app, "鑫源新能", &enter);
    bench_search(app, "", &one);
    bench_search(app, "鑫", &one);
    printf("%s: open section %.1f ms | per key: Down %.2f ms, PgDn %.2f ms, End %.2f ms,"
           " Up after End %.2f ms | search: typing %.2f ms/key, Enter (4 chars) %.2f ms,"
           " Enter (1 char) %.2f ms\n",
           label, open, down, pgdn, end, up, typing, enter, one);
    ui_app_free(app);
    db_close(db);
}

/* The next-tier ranking over every enterprise (ten kept per tier). */
static void
bench_rank(struct db *db)
{
    struct ent_rules r;
    struct ent_rank_group *g;
    struct err e = {0};
    size_t ng;
    double t0;

    if (ent_rules_load(db, &r, &e) != ERR_OK)
        bench_fail(&e);
    t0 = bench_ms();
    if (ent_rank_compute(db, &r, "2025-06-30", NULL, NULL, 10, &g, &ng, &e) != ERR_OK)
        bench_fail(&e);
    printf("next-tier ranking over all enterprises: %.0f ms (%ld candidates for %s)\n",
           bench_ms() - t0, ng ? g[0].considered : 0L, ng ? g[0].name : "-");
    ent_rank_free(g, ng);
}

static void
bench_funnel(const char *path, struct config *cfg)
{
    struct ent_funnel f;
    struct err e = {0};
    struct db *db;
    double t0;
    int i;

    if (db_open(path, 0, &db, &e) != ERR_OK)
        bench_fail(&e);
    t0 = bench_ms();
    for (i = 0; i < 5; i++) {
        if (ent_funnel_compute(db, cfg, "2025-06-30", &f, &e) != ERR_OK)
            bench_fail(&e);
    }
    printf("funnel (as of 2025-06-30): %.1f ms  [%s %ld, %s %ld/%ld, %s %ld/%ld, 新增研发 %ld,"
           " 三清零 %ld/%ld, 提醒 %ld+%ld]\n",
           (bench_ms() - t0) / 5, f.tier[0].name, f.tier[0].count, f.tier[1].name, f.tier[1].count,
           f.tier[1].target, f.tier[2].name, f.tier[2].count, f.tier[2].target, f.new_rd,
           f.tz_cleared, f.tz_total, f.expiring, f.unregistered);
    bench_rank(db);
    db_close(db);
}

/* Writes n rows of new enterprises with figures, as an office's CSV. */
/* CPU time of the process in ms (steadier than the wall clock on a shared machine). */
static double
bench_cpu_ms(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static void
bench_csv(struct strbuf *b, long n)
{
    char code[32], name[200], shortname[64];
    long i;

    strbuf_puts(b, "\xef\xbb\xbf企业名称,统一社会信用代码,所属园区/苏木镇,行业领域,是否规上,年度,"
                   "职工总数,科技人员,销售收入（万元）,研发费用（万元）,Ⅰ类知识产权\r\n");
    for (i = 0; i < n; i++) {
        gen_ent_code(500000000 + i, code);
        gen_ent_name(500000000 + i, name, sizeof name, shortname, sizeof shortname);
        strbuf_printf(b, "%s,%s,%s,%s,%s,2024,%ld,%ld,%ld.5,%ld,%ld\r\n", name, code,
                      gen_ent_towns[i % 8], gen_ent_words[i % 2] /* 新能源/新材料 */,
                      i % 3 ? "否" : "是", 10 + i % 300, i % 50, 100 + i % 9000, i % 300, i % 3);
    }
}

/* Imports n new enterprises with a year of figures each into a register
 * that has only the plan (the first load of an office's spreadsheet). */
static void
bench_import(long n)
{
    const char *path = "/tmp/tuwei-bench-ent-import.db";
    struct strbuf b = STRBUF_INIT;
    struct ent_import *im;
    struct err e = {0};
    struct db *db;
    double t0, t1, t2, t3, c0, c1;

    bench_csv(&b, n);
    unlink(path);
    if (db_open(path, DB_OPEN_CREATE, &db, &e) != ERR_OK || plan_load(db, "bench", NULL, &e))
        bench_fail(&e);
    t0 = bench_ms();
    c0 = bench_cpu_ms();
    if (ent_import_read(db, b.s, b.len, 1, 0, &im, &e) != ERR_OK)
        bench_fail(&e);
    t1 = bench_ms();
    if (ent_import_apply(db, "bench", im, &e) != ERR_OK)
        bench_fail(&e);
    t2 = bench_ms();
    c1 = bench_cpu_ms();
    db_wait_background(db);
    t3 = bench_ms();
    printf("import %ld rows (%.1f MB, into an empty register): preview %.0f ms, write %.0f ms,"
           " total %.2f s (CPU %.2f s) = %.0f rows/s (added %ld, refused %ld)\n",
           n, (double)b.len / 1e6, t1 - t0, t2 - t1, (t2 - t0) / 1e3, (c1 - c0) / 1e3,
           (double)n / ((t2 - t0) / 1e3), im->added, im->refused);
    printf("  then the checkpoint in the background (WAL into the file): %.0f ms more,"
           " file up to date at %.2f s\n",
           t3 - t2, (t3 - t0) / 1e3);
    ent_import_free(im);
    t0 = bench_ms();
    if (ent_import_read(db, b.s, b.len, 1, 0, &im, &e) != ERR_OK)
        bench_fail(&e);
    printf("re-import of the same file: %.0f ms, %ld to add, %ld to change\n", bench_ms() - t0,
           im->added, im->changed);
    ent_import_free(im);
    db_close(db);
    unlink(path);
    strbuf_free(&b);
}

int
main(int argc, char **argv)
{
    long n = argc > 1 ? atol(argv[1]) : 100000;
    const char *keep = getenv("TUWEI_BENCH_DB");
    char path[512];
    struct config *cfg = config_defaults();
    struct err e = {0};

    /* TUWEI_BENCH_DB=FILE keeps the generated file there and reuses it. */
    snprintf(path, sizeof path, "%s", keep ? keep : "/tmp/tuwei-bench-ent.db");
    setlocale(LC_ALL, "C.UTF-8");
    if (argc > 2 && strcmp(argv[2], "import") == 0) { /* bench_ent N import: the import alone */
        bench_import(n);
        config_free(cfg);
        return 0;
    }
    if (keep == NULL || access(path, F_OK) != 0)
        bench_make(path, n);
    bench_funnel(path, cfg);
    if (ui_screen_open_headless(80, 24, &e) != ERR_OK)
        bench_fail(&e);
    ui_theme_init(cfg, 0);
    bench_screen("80x24", path, cfg);
    ui_screen_resize(200, 60);
    bench_screen("200x60", path, cfg);
    ui_screen_close();
    bench_import(n);
    if (keep == NULL)
        unlink(path);
    config_free(cfg);
    return 0;
}
