/*
 * bench_startup.c — how long the full-screen program takes to show its
 * first complete frame (database opened, sections set up, screen drawn),
 * on the seeded 2025 plan and on a generated database of 100,000
 * enterprises, and how long one keystroke takes to handle and redraw.
 * Uses the headless screen, so it measures our work, not the terminal's.
 * Prints figures, not verdicts. Usage: bench_startup [enterprises]
 */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "gen.h"
#include "src/config.h"
#include "src/keys.h"
#include "src/plan_load.h"
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

/* Opens path, sets up the app on section (0-based) and draws a frame;
 * returns the milliseconds taken, leaving *app and *db open. */
static double
bench_first_frame(const char *path, struct config *cfg, int section, struct ui_app **app,
                  struct db **db)
{
    struct err e = {0};
    double t0 = bench_ms();

    if (db_open(path, 0, db, &e) != ERR_OK) {
        fprintf(stderr, "bench: %s\n", e.msg);
        exit(1);
    }
    *app = ui_app_new(cfg, *db, "2025-06-30");
    ui_app_switch(*app, section);
    ui_app_draw(*app);
    return bench_ms() - t0;
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

/* Makes a database file at path with the plan and n more enterprises. */
static void
bench_make(const char *path, long n)
{
    struct plan_load_stats st;
    struct err e = {0};
    struct db *db;

    unlink(path);
    if (db_open(path, DB_OPEN_CREATE, &db, &e) != ERR_OK || plan_load(db, "bench", &st, &e) ||
        (n > 0 && gen_enterprises(db, 0, n, &e) != ERR_OK)) {
        fprintf(stderr, "bench: %s\n", e.msg);
        exit(1);
    }
    db_close(db);
}

/* Runs and prints the figures for one database. */
static void
bench_one(const char *label, const char *path, struct config *cfg)
{
    struct ui_app *app;
    struct db *db;
    double first = bench_first_frame(path, cfg, 0, &app, &db), first3, down, pgdn, end;

    ui_app_free(app);
    db_close(db);
    first3 = bench_first_frame(path, cfg, 2, &app, &db);
    down = bench_keys(app, KEYS_DOWN, 200);
    pgdn = bench_keys(app, KEYS_PGDN, 200);
    end = bench_keys(app, KEYS_END, 20);
    printf("%-28s first frame %7.2f ms | 梯度培育 first frame %7.2f ms | "
           "key Down %5.3f ms, PgDn %5.3f ms, End %5.3f ms\n",
           label, first, first3, down, pgdn, end);
    ui_app_free(app);
    db_close(db);
}

int
main(int argc, char **argv)
{
    long n = argc > 1 ? atol(argv[1]) : 100000;
    char small[] = "/tmp/tuwei-bench-seed.db", big[] = "/tmp/tuwei-bench-big.db";
    struct config *cfg = config_defaults();
    struct err e = {0};
    double t0;

    setlocale(LC_ALL, "C.UTF-8");
    bench_make(small, 0);
    t0 = bench_ms();
    bench_make(big, n);
    printf("generated %ld enterprises in %.0f ms\n", n, bench_ms() - t0);
    if (ui_screen_open_headless(80, 24, &e) != ERR_OK) {
        fprintf(stderr, "bench: %s\n", e.msg);
        return 1;
    }
    ui_theme_init(cfg, 0);
    bench_one("seeded plan (80x24)", small, cfg);
    bench_one("100,000 enterprises (80x24)", big, cfg);
    ui_screen_resize(200, 60);
    bench_one("100,000 enterprises (200x60)", big, cfg);
    ui_screen_close();
    config_free(cfg);
    unlink(small);
    unlink(big);
    return 0;
}
