/*
 * bench_reg.c — the registries at scale: the pilot stage board, pilot and
 * contract lists (count, first and last page, a search, a filter), one
 * save and one move, and the 中试基地 section on screen (first frame, the
 * contract view, keys). On a generated database (default 10,000 pilot
 * projects — far more than a city has — and 100,000 contracts). Prints
 * figures, not verdicts. Usage: bench_reg [pilots] [contracts]
 */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "gen_reg.h"
#include "src/config.h"
#include "src/keys.h"
#include "src/pilot.h"
#include "src/plan_load.h"
#include "src/reg.h"
#include "ui/app.h"
#include "ui/keymap.h"
#include "ui/screen.h"
#include "ui/theme.h"

int main(int argc, char **argv);

#define BENCH_TODAY "2025-06-30"

static double
bench_ms(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static void
bench_die(const struct err *e)
{
    fprintf(stderr, "bench: %s\n", e->msg);
    exit(1);
}

/* The pilot figures: board, lists, one move. */
static void
bench_pilots(struct db *db)
{
    struct pilot_rules r = {2, 1, 90};
    struct pilot_filter f = {NULL, NULL, 0, 0};
    struct db_pilot_board *b;
    struct db_pilot_row rows[20];
    struct err e = {0};
    size_t nb;
    long n;
    int got, i;
    double t0;

    t0 = bench_ms();
    if (pilot_board(db, &r, BENCH_TODAY, &b, &nb, &e) != ERR_OK)
        bench_die(&e);
    printf("pilot board (all stages, held/near/past): %8.2f ms\n", bench_ms() - t0);
    db_pilot_board_free(b, nb);
    t0 = bench_ms();
    pilot_count(db, &r, BENCH_TODAY, &f, &n, &e);
    printf("pilot list count (%ld):                   %8.2f ms\n", n, bench_ms() - t0);
    t0 = bench_ms();
    pilot_page(db, &r, BENCH_TODAY, &f, 0, 20, rows, &got, &e);
    printf("pilot list first page:                    %8.2f ms\n", bench_ms() - t0);
    for (i = 0; i < got; i++)
        db_pilot_row_free(&rows[i]);
    t0 = bench_ms();
    pilot_page(db, &r, BENCH_TODAY, &f, n - 20, 20, rows, &got, &e);
    printf("pilot list last page:                     %8.2f ms\n", bench_ms() - t0);
    for (i = 0; i < got; i++)
        db_pilot_row_free(&rows[i]);
    f.flags = PILOT_NEAR;
    t0 = bench_ms();
    pilot_count(db, &r, BENCH_TODAY, &f, &n, &e);
    printf("pilot list near or past the limit (%ld):  %8.2f ms\n", n, bench_ms() - t0);
    f.flags = PILOT_HELD;
    t0 = bench_ms();
    pilot_count(db, &r, BENCH_TODAY, &f, &n, &e);
    printf("pilot list held by items (%ld):           %8.2f ms\n", n, bench_ms() - t0);
}

/* One move of the seeded 噻虫胺 project: item, advance. */
static void
bench_move(struct db *db)
{
    struct pilot_rules r = {2, 1, 90};
    struct err e = {0};
    char id[40];
    double t0;

    if (reg_find(db, &reg_pilot_project, "噻虫胺工艺流程优化", id, &e) != ERR_OK)
        bench_die(&e);
    t0 = bench_ms();
    if (pilot_item_set(db, "bench", id, "申请日期", "2025-06-01", &e) != ERR_OK ||
        pilot_advance(db, "bench", &r, BENCH_TODAY, id, NULL, NULL, &e) != ERR_OK)
        bench_die(&e);
    printf("record an item and advance (2 writes):    %8.2f ms\n", bench_ms() - t0);
}

/* The contract figures: count, pages, search, sort, one save. */
static void
bench_contracts(struct db *db)
{
    struct reg_filter f = {0};
    struct reg_input in = {0};
    struct db_reg_rec rows[20];
    struct err e = {0};
    long n;
    int got, i;
    double t0;

    f.sort = -1;
    t0 = bench_ms();
    reg_count(db, &reg_contract, &f, &n, &e);
    printf("contract count (%ld):                 %8.2f ms\n", n, bench_ms() - t0);
    t0 = bench_ms();
    reg_page(db, &reg_contract, &f, 0, 20, rows, &got, &e);
    printf("contract first page:                      %8.2f ms\n", bench_ms() - t0);
    for (i = 0; i < got; i++)
        db_reg_rec_free(&rows[i], reg_contract.shape.ncols);
    t0 = bench_ms();
    reg_page(db, &reg_contract, &f, n - 20, 20, rows, &got, &e);
    printf("contract last page:                       %8.2f ms\n", bench_ms() - t0);
    for (i = 0; i < got; i++)
        db_reg_rec_free(&rows[i], reg_contract.shape.ncols);
    f.search = "粉煤灰氢能";
    t0 = bench_ms();
    reg_count(db, &reg_contract, &f, &n, &e);
    printf("contract search (%ld found):           %8.2f ms\n", n, bench_ms() - t0);
    f.search = NULL;
    f.eq[1] = "技术许可";
    t0 = bench_ms();
    reg_count(db, &reg_contract, &f, &n, &e);
    printf("contract filter by kind (%ld):         %8.2f ms\n", n, bench_ms() - t0);
    f.eq[1] = NULL;
    f.sort = 4;
    f.desc = 1;
    t0 = bench_ms();
    reg_page(db, &reg_contract, &f, 0, 20, rows, &got, &e);
    printf("contract first page by amount:            %8.2f ms\n", bench_ms() - t0);
    for (i = 0; i < got; i++)
        db_reg_rec_free(&rows[i], reg_contract.shape.ncols);
    in.val[0] = "铝硅合金技术转让合同";
    in.val[1] = "技术转让";
    in.val[2] = "北京大学鄂尔多斯能源研究院";
    in.val[3] = "蒙泰铝业";
    in.val[4] = "80万";
    t0 = bench_ms();
    if (reg_save(db, "bench", &reg_contract, NULL, &in, NULL, &e) != ERR_OK)
        bench_die(&e);
    printf("save one contract (checked, logged):      %8.2f ms\n", bench_ms() - t0);
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

/* The section on the headless screen: the board, then the contract view. */
static void
bench_screen(struct db *db, struct config *cfg)
{
    static const int to_contracts[] = {'v',       KEYS_DOWN, KEYS_DOWN, KEYS_DOWN, KEYS_DOWN,
                                       KEYS_DOWN, KEYS_DOWN, KEYS_DOWN, KEYS_ENTER};
    struct ui_app *app;
    struct keys_event ev = {0, 0, 0};
    double t0 = bench_ms();
    size_t i;

    app = ui_app_new(cfg, db, BENCH_TODAY);
    ui_app_switch(app, 3);
    ui_app_draw(app);
    printf("中试基地 first frame (board):              %8.2f ms\n", bench_ms() - t0);
    t0 = bench_ms();
    for (i = 0; i < sizeof to_contracts / sizeof to_contracts[0]; i++) {
        ev.key = to_contracts[i];
        ui_app_event(app, &ev);
    }
    ui_app_draw(app);
    printf("switch to 技术合同 view and draw:          %8.2f ms\n", bench_ms() - t0);
    printf("contract view keys: Down %.3f ms, PgDn %.3f ms, End %.3f ms, Home %.3f ms\n",
           bench_keys(app, KEYS_DOWN, 200), bench_keys(app, KEYS_PGDN, 100),
           bench_keys(app, KEYS_END, 10), bench_keys(app, KEYS_HOME, 10));
    ui_app_free(app);
}

int
main(int argc, char **argv)
{
    long pilots = argc > 1 ? atol(argv[1]) : 10000, contracts = argc > 2 ? atol(argv[2]) : 100000;
    char path[] = "/tmp/tuwei-bench-reg.db";
    struct config *cfg = config_defaults();
    struct plan_load_stats st;
    struct err e = {0};
    struct db *db;
    double t0;

    setlocale(LC_ALL, "C.UTF-8");
    unlink(path);
    if (db_open(path, DB_OPEN_CREATE, &db, &e) != ERR_OK || plan_load(db, "bench", &st, &e))
        bench_die(&e);
    t0 = bench_ms();
    if (gen_reg(db, pilots, contracts, &e) != ERR_OK)
        bench_die(&e);
    printf("generated %ld pilot projects and %ld contracts in %.0f ms\n", pilots, contracts,
           bench_ms() - t0);
    bench_pilots(db);
    bench_move(db);
    bench_contracts(db);
    if (ui_screen_open_headless(80, 24, &e) != ERR_OK)
        bench_die(&e);
    ui_theme_init(cfg, 0);
    ui_keymap_init(cfg);
    bench_screen(db, cfg);
    ui_screen_close();
    db_close(db);
    config_free(cfg);
    unlink(path);
    return 0;
}
