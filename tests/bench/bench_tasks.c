/*
 * bench_tasks.c — the 七大行动 section on a generated database of 10,000
 * tasks (2,000 of them in one action) and 200,000 progress reports: the
 * time to open the section, to open the big action, per keystroke while
 * scrolling and filtering, and the queries underneath. Uses the headless
 * screen, so it measures our work, not the terminal's. Prints figures,
 * not verdicts (the aim is 20 ms each).
 * Usage: bench_tasks [tasks [reports]]
 */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "db/task.h"
#include "gen_tasks.h"
#include "src/config.h"
#include "src/keys.h"
#include "src/plan_load.h"
#include "src/task_history.h"
#include "src/task_rules.h"
#include "ui/app.h"
#include "ui/screen.h"
#include "ui/theme.h"

#define BENCH_TODAY "2025-06-30"

int main(int argc, char **argv);

/* Milliseconds on clock (CLOCK_MONOTONIC: wall; CLOCK_PROCESS_CPUTIME_ID: our CPU). */
static double
bench_clock(clockid_t clock)
{
    struct timespec ts;

    clock_gettime(clock, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static double
bench_ms(void)
{
    return bench_clock(CLOCK_MONOTONIC);
}

/* The CPU time of the last bench_key or bench_keys, in milliseconds. */
static double bench_cpu;

static void
bench_fail(const struct err *e)
{
    fprintf(stderr, "bench_tasks: %s\n", e->msg);
    exit(1);
}

/* Handles key and redraws; returns the milliseconds taken. */
static double
bench_key(struct ui_app *app, int key)
{
    struct keys_event ev = {key, 0, 0};
    double t0 = bench_ms(), c0 = bench_clock(CLOCK_PROCESS_CPUTIME_ID);

    ui_app_event(app, &ev);
    ui_app_draw(app);
    bench_cpu = bench_clock(CLOCK_PROCESS_CPUTIME_ID) - c0;
    return bench_ms() - t0;
}

/* Mean milliseconds of n presses of key. */
static double
bench_keys(struct ui_app *app, int key, int n)
{
    double sum = 0, cpu = 0;
    int i;

    for (i = 0; i < n; i++) {
        sum += bench_key(app, key);
        cpu += bench_cpu;
    }
    bench_cpu = cpu / n;
    return sum / n;
}

/* Types text (no timing). */
static void
bench_type(struct ui_app *app, const char *text)
{
    struct keys_event ev = {0, 0, 0};
    const char *p = text;
    wchar_t wc;

    while (*p) {
        textw_next(&p, text + strlen(text), &wc);
        ev.key = (int)wc;
        ui_app_event(app, &ev);
    }
}

static void
bench_make(const char *path, long tasks, long reports)
{
    struct plan_load_stats st;
    struct err e = {0};
    struct db *db;
    double t0 = bench_ms();

    unlink(path);
    if (db_open(path, DB_OPEN_CREATE, &db, &e) != ERR_OK || plan_load(db, "bench", &st, &e) ||
        gen_tasks(db, tasks, 3, tasks / 5, reports, &e) != ERR_OK)
        bench_fail(&e);
    db_close(db);
    printf("generated %ld tasks (%ld in action 3) and %ld progress reports in %.0f ms\n", tasks,
           tasks / 5, reports, bench_ms() - t0);
}

/* The queries under the screen, on their own. */
static void
bench_queries(struct db *db)
{
    struct db_task_rules r;
    struct db_task_tally *t;
    struct db_task_query q;
    struct db_task_item *it;
    struct task_history_item *h;
    char action[DB_TASK_ID];
    size_t n, nh;
    long count;
    double t0;
    struct err e = {0};

    task_rules_init(&r, BENCH_TODAY, 30);
    t0 = bench_ms();
    if (db_task_tally_actions(db, &r, &t, &n, &e) != ERR_OK || n < 3)
        bench_fail(&e);
    printf("query: tally by action           %7.2f ms  (action 3: %ld tasks, %ld overdue, "
           "%ld stale)\n",
           bench_ms() - t0, t[2].total, t[2].overdue, t[2].stale);
    snprintf(action, sizeof action, "%s", t[2].id);
    db_task_tallies_free(t, n);
    t0 = bench_ms();
    db_task_tally_units(db, &r, &t, &n, &e);
    printf("query: tally by unit             %7.2f ms\n", bench_ms() - t0);
    db_task_tallies_free(t, n);
    memset(&q, 0, sizeof q);
    q.rules = r;
    q.action_id = action;
    t0 = bench_ms();
    db_task_count(db, &q, &count, &e);
    printf("query: count action 3            %7.2f ms  (%ld)\n", bench_ms() - t0, count);
    q.sort = DB_TASK_SORT_LATE;
    t0 = bench_ms();
    db_task_page(db, &q, 1000, 20, &it, &n, &e);
    printf("query: 20 rows at 1000, late 1st %7.2f ms\n", bench_ms() - t0);
    if (n > 0) {
        t0 = bench_ms();
        if (task_history(db, it[0].id, &h, &nh, &e) == ERR_OK) {
            printf("query: one task's history        %7.2f ms  (%zu entries)\n", bench_ms() - t0,
                   nh);
            task_history_free(h, nh);
        }
    }
    db_task_items_free(it, n);
}

#define BENCH_WALK_FIELDS 11

/* What one walk through the section measured, in milliseconds. */
struct bench_walk {
    double wall[BENCH_WALK_FIELDS], cpu[BENCH_WALK_FIELDS];
};

/* Records figure k of w: the wall time given and the CPU time just measured. */
static void
bench_note(struct bench_walk *w, int k, double wall)
{
    w->wall[k] = wall;
    w->cpu[k] = bench_cpu;
}

/* The section as a clerk uses it, at the current screen size. */
static void
bench_walk(const char *path, struct config *cfg, struct bench_walk *w)
{
    struct ui_app *app;
    struct db *db;
    struct err e = {0};

    if (db_open(path, 0, &db, &e) != ERR_OK)
        bench_fail(&e);
    app = ui_app_new(cfg, db, BENCH_TODAY);
    ui_app_draw(app);
    bench_note(w, 0, bench_key(app, '2'));
    bench_key(app, '1');
    bench_note(w, 1, bench_key(app, '2'));
    bench_key(app, KEYS_DOWN);
    bench_key(app, KEYS_DOWN);
    bench_note(w, 2, bench_key(app, KEYS_ENTER)); /* the 2,000-task action */
    bench_note(w, 3, bench_keys(app, KEYS_DOWN, 100));
    bench_note(w, 4, bench_keys(app, KEYS_PGDN, 30));
    bench_key(app, '/');
    bench_type(app, "储能");
    bench_note(w, 5, bench_key(app, KEYS_ENTER)); /* two characters: a scan of the action */
    bench_key(app, KEYS_ESC);
    bench_key(app, 'v');
    bench_key(app, KEYS_DOWN);
    bench_note(w, 6, bench_key(app, KEYS_ENTER)); /* overdue only */
    bench_key(app, KEYS_ESC);
    bench_key(app, KEYS_ESC);
    bench_key(app, '/');
    bench_type(app, "防沙治沙");
    bench_note(w, 7, bench_key(app, KEYS_ENTER)); /* every task, through the trigram index */
    bench_key(app, KEYS_ESC);
    bench_key(app, KEYS_ESC);
    bench_note(w, 8, bench_key(app, 'v'));
    bench_note(w, 9, bench_key(app, KEYS_ENTER)); /* the unit with the most late tasks */
    bench_note(w, 10, bench_keys(app, KEYS_DOWN, 100));
    ui_app_free(app);
    db_close(db);
}

/* Sorts v[0..n). */
static void
bench_sort(double *v, int n)
{
    double t;
    int i, j;

    for (i = 1; i < n; i++)
        for (j = i; j > 0 && v[j - 1] > v[j]; j--)
            t = v[j], v[j] = v[j - 1], v[j - 1] = t;
}

/* Walks the section n times and prints each figure's best and median wall
 * time and best CPU time (the machine is shared: the CPU time is what our
 * code costs, the wall time what a clerk would wait on this machine now). */
static void
bench_screen(const char *label, const char *path, struct config *cfg, int n)
{
    static const char *const names[BENCH_WALK_FIELDS] = {"open the actions section",
                                                         "open it again",
                                                         "open the 2,000-task action",
                                                         "per key: Down",
                                                         "per key: PgDn",
                                                         "filter: search 2 characters",
                                                         "filter: overdue only",
                                                         "search every task (4 chars)",
                                                         "switch to the units view",
                                                         "open the first unit",
                                                         "per key: Down in that list"};
    struct bench_walk w[16];
    double wall[16], cpu[16];
    int i, k;

    for (i = 0; i < n && i < 16; i++)
        bench_walk(path, cfg, &w[i]);
    printf("%s: best / median wall, best CPU, of %d runs\n", label, n);
    for (k = 0; k < BENCH_WALK_FIELDS; k++) {
        for (i = 0; i < n; i++) {
            wall[i] = w[i].wall[k];
            cpu[i] = w[i].cpu[k];
        }
        bench_sort(wall, n);
        bench_sort(cpu, n);
        printf("  %-28s %7.2f ms %7.2f ms %7.2f ms\n", names[k], wall[0], wall[n / 2], cpu[0]);
    }
}

int
main(int argc, char **argv)
{
    long tasks = argc > 1 ? atol(argv[1]) : 10000, reports = argc > 2 ? atol(argv[2]) : 200000;
    char path[] = "/tmp/tuwei-bench-tasks.db";
    struct config *cfg = config_defaults();
    struct err e = {0};
    struct db *db;

    setlocale(LC_ALL, "C.UTF-8");
    bench_make(path, tasks, reports);
    if (db_open(path, 0, &db, &e) != ERR_OK)
        bench_fail(&e);
    bench_queries(db);
    db_close(db);
    if (ui_screen_open_headless(80, 24, &e) != ERR_OK)
        bench_fail(&e);
    ui_theme_init(cfg, 0);
    bench_screen("screen 80x24", path, cfg, 5);
    ui_screen_resize(200, 60);
    bench_screen("screen 200x60", path, cfg, 5);
    ui_screen_close();
    config_free(cfg);
    unlink(path);
    return 0;
}
