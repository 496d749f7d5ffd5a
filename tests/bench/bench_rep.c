/*
 * bench_rep.c — the supervisor's figures on a city-sized database: the
 * dashboard computed as of a date, a drill-down (count and first page of
 * the records behind a figure), and the enterprise ledger built and
 * written as .xlsx. Prints figures, not verdicts. Aims: dashboard under
 * 50 ms, ledger export under 5 s.
 *
 * Usage: bench_rep [DBFILE] — reuses DBFILE when it already holds the
 * data, else generates it (100,000 enterprises, 10,000 tasks).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "db/drill.h"
#include "db/task.h"
#include "src/task_rules.h"
#include "src/dashboard.h"
#include "src/ent_funnel.h"
#include "src/plan_load.h"
#include "src/report_out.h"
#include "src/reports.h"
#include "tests/bench/gen.h"
#include "tests/bench/gen_rep.h"

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
    double t0 = bench_now();
    int rc;

    if ((rc = plan_load(db, "bench", NULL, e)) != ERR_OK ||
        (rc = gen_enterprises(db, 0, 100000, e)) != ERR_OK || (rc = gen_rep_tiers(db, e)) != ERR_OK ||
        (rc = gen_rep_tasks(db, 10000, e)) != ERR_OK)
        return rc;
    printf("generate: 100000 enterprises, tier events, 10000 tasks: %.1f s\n", bench_now() - t0);
    return ERR_OK;
}

/* The enterprise funnel the dashboard's tier figures come from. */
static void
bench_funnel(struct db *db)
{
    struct config *cfg = config_defaults();
    struct ent_funnel f;
    struct err e = {0};
    double t0, best = 1e9;
    int i;

    for (i = 0; i < 3; i++) {
        t0 = bench_now();
        if (ent_funnel_compute(db, cfg, "2025-06-30", &f, &e) != ERR_OK)
            printf("funnel: %s\n", e.msg);
        if (bench_now() - t0 < best)
            best = bench_now() - t0;
    }
    printf("enterprise funnel (ent_funnel_compute, best of 3): %.1f ms\n", best * 1e3);
    config_free(cfg);
}

static void
bench_dashboard(struct db *db)
{
    struct dashboard *d = NULL;
    struct strbuf b = STRBUF_INIT;
    struct sumopts o;
    struct err e = {0};
    double t0, best = 1e9;
    int i;

    sumopts_init(&o, NULL, "2025-06-30", NULL, &e);
    for (i = 0; i < 5; i++) {
        t0 = bench_now();
        if (dashboard_compute(db, &o, &d, &e) != ERR_OK) {
            printf("dashboard: %s\n", e.msg);
            return;
        }
        dashboard_text(d, 80, &b);
        if (bench_now() - t0 < best)
            best = bench_now() - t0;
        if (i < 4)
            dashboard_free(d), strbuf_reset(&b);
    }
    printf("dashboard (compute and lay out, best of 5): %.1f ms\n", best * 1e3);
    printf("  tech SMEs %ld, high-tech %ld, action 1 tasks %ld\n", d->tiers[1].count,
           d->tiers[2].count, d->actions[0].total);
    dashboard_free(d);
    strbuf_free(&b);
}

/* The overdue (or stale) tasks of action 3, as the dashboard's figure opens them. */
static void
bench_task_drill(struct db *db, int stale)
{
    struct db_task_query q;
    struct db_task_item *t = NULL;
    struct err e = {0};
    char action[DB_TASK_ID];
    size_t n = 0;
    long count = 0;
    double t0 = bench_now();

    memset(&q, 0, sizeof q);
    task_rules_init(&q.rules, "2025-06-30", 30);
    db_task_action_by_no(db, 3, action, &e);
    q.action_id = action;
    q.overdue = !stale;
    q.stale = stale;
    q.sort = DB_TASK_SORT_LATE;
    db_task_count(db, &q, &count, &e);
    db_task_page(db, &q, 0, 20, &t, &n, &e);
    printf("drill-down action 3 %s: count %ld + first page %.1f ms\n",
           stale ? "stale" : "overdue", count, (bench_now() - t0) * 1e3);
    db_task_items_free(t, n);
}

/* Pages through q from the top as the list scrolls: each page from the
 * last row of the one before (keyset). */
static void
bench_scroll(struct db *db, const struct db_drill_query *q0, long count)
{
    struct db_drill_query q = *q0;
    struct db_drill_row *rows = NULL;
    struct err e = {0};
    char name[256] = "";
    size_t n = 0;
    long pages = 0, seen = 0, worst_page = 0;
    double t0 = bench_now(), worst = 0, t;

    do { /* as the list does, never asking past the count */
        t = bench_now();
        db_drill_page(db, &q, seen, count - seen < 20 ? (int)(count - seen) : 20, &rows, &n, &e);
        if (bench_now() - t > worst) {
            worst = bench_now() - t;
            worst_page = pages;
        }
        if (n > 0) {
            snprintf(name, sizeof name, "%s", rows[n - 1].cell[0]);
            q.after_name = name;
            q.after_rowid = rows[n - 1].rowid;
        }
        seen += (long)n;
        pages++;
        db_drill_rows_free(rows, n);
    } while (n > 0 && seen < count);
    printf("  scrolling all %ld of %ld rows by keyset: %ld pages, %.2f ms a page, worst %.1f ms"
           " (page %ld)\n",
           seen, count, pages, (bench_now() - t0) * 1e3 / (double)pages, worst * 1e3, worst_page);
}

static void
bench_drill(struct db *db, const struct db_drill_query *q, const char *what)
{
    struct db_drill_row *rows = NULL;
    struct err e = {0};
    size_t n = 0;
    long count = 0;
    double t0 = bench_now(), t1;

    db_drill_count(db, q, &count, &e);
    db_drill_page(db, q, 0, 20, &rows, &n, &e);
    t1 = bench_now();
    db_drill_rows_free(rows, n);
    db_drill_page(db, q, count > 40 ? count - 20 : 0, 20, &rows, &n, &e);
    printf("drill-down %s: count %ld + first page %.1f ms, last page by offset %.1f ms\n", what,
           count, (t1 - t0) * 1e3, (bench_now() - t1) * 1e3);
    db_drill_rows_free(rows, n);
    if (q->kind == DB_DRILL_TIER)
        bench_scroll(db, q, count);
}

static void
bench_ledger(struct db *db)
{
    struct report *r = NULL;
    struct sumopts o;
    struct err e = {0};
    struct stat sb;
    char path[] = "/tmp/tuwei-bench-ledger-XXXXXX.xlsx";
    double t0 = bench_now(), t1;
    int fd = mkstemps(path, 5);

    close(fd);
    sumopts_init(&o, NULL, "2025-06-30", NULL, &e);
    if (reports_run(db, "ledger", &o, &r, &e) != ERR_OK) {
        printf("ledger: %s\n", e.msg);
        return;
    }
    t1 = bench_now();
    if (report_save(r, REPORT_FMT_XLSX, path, &e) != ERR_OK)
        printf("ledger: %s\n", e.msg);
    stat(path, &sb);
    printf("ledger export: build %zu rows %.2f s + write .xlsx %.2f s = %.2f s (%.1f MB)\n",
           r->nrows, t1 - t0, bench_now() - t1, bench_now() - t0, (double)sb.st_size / 1e6);
    unlink(path);
    report_free(r);
}

int
main(int argc, char **argv)
{
    const char *path = argc > 1 ? argv[1] : "/tmp/tuwei-bench-rep.db";
    struct db_drill_query reports = {DB_DRILL_REPORTS, "2025-05", NULL, NULL, NULL, 0};
    struct db_drill_query tier = {DB_DRILL_TIER, NULL, "tech_sme", "2025-06-30", NULL, 0};
    struct db *db = NULL;
    struct err e = {0};
    struct stat sb;
    int fresh = stat(path, &sb) != 0;

    if (db_open(path, DB_OPEN_CREATE, &db, &e) != ERR_OK ||
        (fresh && bench_generate(db, &e) != ERR_OK)) {
        fprintf(stderr, "bench_rep: %s\n", e.msg);
        db_close(db);
        return 1;
    }
    bench_funnel(db);
    bench_dashboard(db);
    bench_task_drill(db, 0);
    bench_task_drill(db, 1);
    bench_drill(db, &reports, "reports of 2025-05");
    bench_drill(db, &tier, "tech SMEs");
    bench_ledger(db);
    db_close(db);
    return 0;
}
