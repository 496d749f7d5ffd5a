/*
 * bench_rep.c — the supervisor's figures on a city-sized database: the
 * dashboard computed as of a date, drill-downs (count and a page of the
 * records behind a figure), and the reports built and written as .xlsx —
 * the enterprise ledger above all. Prints figures, not verdicts. Aims:
 * dashboard under 50 ms, ledger export under 5 s.
 *
 * Usage: bench_rep [DBFILE] — reuses DBFILE when it exists, else generates
 * it: the plan, 100,000 enterprises with tier events, 10,000 tasks and
 * 1,000,000 progress reports (gen.h, gen_rep.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "db/drill.h"
#include "db/snapshot.h"
#include "db/ent_list.h"
#include "db/task.h"
#include "src/config.h"
#include "src/dashboard.h"
#include "src/ent_funnel.h"
#include "src/plan_load.h"
#include "src/report_out.h"
#include "src/reports.h"
#include "src/targets.h"
#include "src/task_rules.h"
#include "tests/bench/gen.h"
#include "tests/bench/gen_rep.h"

#define BENCH_DAY "2025-06-30"

int main(int argc, char **argv);

static double
bench_now(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Fills a new database file with the plan and the generated records. */
static int
bench_generate(struct db *db, struct err *e)
{
    double t0 = bench_now(), t1;
    int rc;

    if ((rc = plan_load(db, "bench", NULL, e)) != ERR_OK ||
        (rc = gen_enterprises(db, 0, 100000, e)) != ERR_OK ||
        (rc = gen_rep_tiers(db, e)) != ERR_OK || (rc = gen_rep_tasks(db, 10000, e)) != ERR_OK)
        return rc;
    t1 = bench_now();
    if ((rc = gen_rep_reports(db, 1000000, e)) != ERR_OK)
        return rc;
    printf("generate: 100000 enterprises and tier events, 10000 tasks %.1f s;"
           " 1000000 progress reports %.1f s\n",
           t1 - t0, bench_now() - t1);
    return ERR_OK;
}

/* CPU time of the process: on a shared, busy machine it says what the
 * work costs better than the clock on the wall does. */
static double
bench_cpu(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double bench_last_cpu; /* CPU ms of the best run of the last BENCH_BEST */

/* The best of runs runs of stmt, in wall ms; its CPU ms in bench_last_cpu. */
#define BENCH_BEST(runs, best, stmt)                                                               \
    do {                                                                                           \
        int r_;                                                                                    \
        for (r_ = 0, (best) = 1e9; r_ < (runs); r_++) {                                            \
            double t_ = bench_now(), c_ = bench_cpu();                                             \
            stmt;                                                                                  \
            if (bench_now() - t_ < (best)) {                                                       \
                (best) = bench_now() - t_;                                                         \
                bench_last_cpu = (bench_cpu() - c_) * 1e3;                                         \
            }                                                                                      \
        }                                                                                          \
        (best) *= 1e3;                                                                             \
    } while (0)

static void
bench_dashboard(struct db *db, const struct config *cfg)
{
    struct dashboard *d = NULL;
    struct strbuf b = STRBUF_INIT;
    struct ent_funnel f;
    struct db_snapshot *snap = NULL;
    size_t nsnap = 0;
    struct sumopts o;
    struct err e = {0};
    double first, best;

    sumopts_init(&o, cfg, BENCH_DAY, NULL, &e);
    first = bench_now();
    if (dashboard_compute(db, &o, &d, &e) != ERR_OK) {
        printf("dashboard: %s\n", e.msg);
        return;
    }
    first = (bench_now() - first) * 1e3;
    dashboard_free(d);
    BENCH_BEST(5, best, {
        dashboard_compute(db, &o, &d, &e);
        dashboard_text(d, 80, &b);
        strbuf_reset(&b);
        dashboard_free(d);
    });
    db_snapshot_month(db, "2025-05", &snap, &nsnap, &e);
    free(snap);
    printf("dashboard, %s: first %.1f ms, then (compute and lay out, best of 5) %.1f ms"
           " (CPU %.1f ms)\n",
           nsnap ? "last month's snapshot kept by an earlier run"
                 : "no snapshot of last month (computed live)",
           first, best, bench_last_cpu);
    if (targets_snapshot_take(db, cfg, "bench", "2025-05", BENCH_DAY, NULL, &e) != ERR_OK)
        printf("snapshot: %s\n", e.msg);
    BENCH_BEST(5, best, {
        dashboard_compute(db, &o, &d, &e);
        dashboard_text(d, 80, &b);
        strbuf_reset(&b);
        dashboard_free(d);
    });
    printf("dashboard, with last month's snapshot: %.1f ms (CPU %.1f ms)\n", best, bench_last_cpu);
    dashboard_compute(db, &o, &d, &e);
    printf("  tech SMEs %ld, high-tech %ld; action 3: %ld tasks, %ld overdue, %ld stale;"
           " 2025-05 reports %ld\n",
           d->tiers[1].count, d->tiers[2].count, d->actions[2].total, d->actions[2].overdue,
           d->actions[2].stale, d->months[4].reports);
    dashboard_free(d);
    strbuf_free(&b);
    BENCH_BEST(3, best, ent_funnel_compute(db, cfg, BENCH_DAY, &f, &e));
    printf("  (for comparison, the register's full funnel, ent_funnel_compute: %.1f ms, CPU %.1f "
           "ms)\n",
           best, bench_last_cpu);
}

/* The overdue tasks of action 3, as the dashboard's figure opens them. */
static void
bench_drill_tasks(struct db *db)
{
    struct db_task_query q;
    struct db_task_item *t = NULL;
    struct err e = {0};
    char action[DB_TASK_ID];
    size_t n = 0;
    long count = 0;
    double best;

    memset(&q, 0, sizeof q);
    task_rules_init(&q.rules, BENCH_DAY, 30);
    db_task_action_by_no(db, 3, action, &e);
    q.action_id = action;
    q.overdue = 1;
    q.sort = DB_TASK_SORT_LATE;
    BENCH_BEST(3, best, {
        db_task_count(db, &q, &count, &e);
        db_task_page(db, &q, 0, 20, &t, &n, &e);
        db_task_items_free(t, n);
    });
    printf("drill-down, action 3 overdue tasks: %ld, count + first page %.1f ms (CPU %.1f ms)\n",
           count, best, bench_last_cpu);
}

static void
bench_drill_reports(struct db *db)
{
    struct db_drill_query q = {DB_DRILL_REPORTS, "2025-05"};
    struct db_drill_row *r = NULL;
    struct err e = {0};
    size_t n = 0;
    long count = 0;
    double best, deep, cpu;

    BENCH_BEST(3, best, {
        db_drill_count(db, &q, &count, &e);
        db_drill_page(db, &q, 0, 20, &r, &n, &e);
        db_drill_rows_free(r, n);
    });
    cpu = bench_last_cpu;
    BENCH_BEST(3, deep, {
        db_drill_page(db, &q, count / 2, 20, &r, &n, &e);
        db_drill_rows_free(r, n);
    });
    printf("drill-down, reports of 2025-05: %ld, count + first page %.1f ms (CPU %.1f ms), page in"
           " the middle %.1f ms\n",
           count, best, cpu, deep);
}

static void
bench_drill_tier(struct db *db, const struct config *cfg)
{
    struct ent_asof a;
    struct db_ent_filter f;
    struct db_ent_row *r = NULL;
    struct err e = {0};
    size_t n = 0;
    long count = 0;
    double best, deep, cpu;

    ent_asof_init(db, cfg, BENCH_DAY, &a, &e);
    memset(&f, 0, sizeof f);
    f.asof = &a.a;
    f.tier_id = a.sme_id;
    f.above_scale = -1;
    BENCH_BEST(3, best, {
        count = db_ent_list_count(db, &f, &e);
        db_ent_list_page(db, &f, 0, 20, &r, &n, &e);
        db_ent_rows_free(r, n);
    });
    cpu = bench_last_cpu;
    BENCH_BEST(3, deep, {
        db_ent_list_page(db, &f, count / 2, 20, &r, &n, &e);
        db_ent_rows_free(r, n);
    });
    printf("drill-down, tech SMEs (the register's list): %ld, count + first page %.1f ms (CPU"
           " %.1f ms), page in the middle %.1f ms\n",
           count, best, cpu, deep);
}

/* Builds report name and writes it as .xlsx; prints both times. */
static void
bench_report(struct db *db, const struct config *cfg, const char *name)
{
    struct report *r = NULL;
    struct sumopts o;
    struct err e = {0};
    struct stat sb;
    char path[] = "/tmp/tuwei-bench-report-XXXXXX.xlsx";
    double t0 = bench_now(), c0 = bench_cpu(), t1;
    int fd = mkstemps(path, 5);

    close(fd);
    sumopts_init(&o, cfg, BENCH_DAY, "2025-05", &e);
    if (reports_run(db, name, &o, &r, &e) != ERR_OK) {
        printf("%s: %s\n", name, e.msg);
        unlink(path);
        return;
    }
    t1 = bench_now();
    if (report_save(r, REPORT_FMT_XLSX, path, &e) != ERR_OK)
        printf("%s: %s\n", name, e.msg);
    stat(path, &sb);
    printf(
        "report %-8s %6zu rows: build %.2f s + write .xlsx %.2f s = %.2f s (CPU %.2f s, %.1f MB)\n",
        name, r->nrows, t1 - t0, bench_now() - t1, bench_now() - t0, bench_cpu() - c0,
        (double)sb.st_size / 1e6);
    unlink(path);
    report_free(r);
}

int
main(int argc, char **argv)
{
    const char *path = argc > 1 ? argv[1] : "/tmp/tuwei-bench-rep.db";
    struct config *cfg = config_defaults();
    struct db *db = NULL;
    struct err e = {0};
    struct stat sb;
    int fresh = stat(path, &sb) != 0;

    if (db_open(path, DB_OPEN_CREATE, &db, &e) != ERR_OK ||
        (fresh && bench_generate(db, &e) != ERR_OK)) {
        fprintf(stderr, "bench_rep: %s\n", e.msg);
        db_close(db);
        config_free(cfg);
        return 1;
    }
    bench_dashboard(db, cfg);
    bench_drill_tasks(db);
    bench_drill_reports(db);
    bench_drill_tier(db, cfg);
    bench_report(db, cfg, "ledger");
    bench_report(db, cfg, "monthly");
    bench_report(db, cfg, "unit");
    db_close(db);
    config_free(cfg);
    return 0;
}
