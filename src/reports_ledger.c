/*
 * reports_ledger.c — the enterprise ledger (企业台账): every live enterprise
 * in name order with its place, field and scale, the tier it holds on the
 * report date (the register's rule, src/ent_tier.h) with the certificate
 * or registration behind it, and its figures of the latest year that has
 * any.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/ent_list.h"
#include "db/enterprise.h"
#include "src/date.h"
#include "src/ent_fig.h"
#include "src/ent_funnel.h"
#include "src/ent_tier.h"
#include "src/reports_priv.h"
#include "src/xmalloc.h"

#define LEDGER_FIXED 11 /* columns before the figures */
#define LEDGER_COLS (LEDGER_FIXED + DB_FIG_COUNT + 1)

struct ledger {
    struct db *db;
    struct report *r;
    const char *as_of;
    int year;              /* of the figures */
    struct db_tier *tiers; /* by rank */
    size_t ntiers;
};

static const char *const ledger_titles[LEDGER_FIXED] = {
    "序号",     "企业名称",   "简称",     "统一社会信用代码", "所属园区/苏木镇", "行业领域",
    "是否规上", "是否制造业", "当前梯度", "证书/登记编号",    "有效期至"};

/* The columns: the fixed ones, each figure with its unit, R&D intensity. */
static void
ledger_cols(struct report *r, int year)
{
    char title[128];
    int i;

    for (i = 0; i < LEDGER_FIXED; i++)
        report_add_col(r, ledger_titles[i], i == 0 ? REPORT_INT : REPORT_TEXT);
    for (i = 0; i < DB_FIG_COUNT; i++) {
        enum ent_fig_kind k = ent_fig_info[i].kind;

        snprintf(title, sizeof title, "%d年%s%s", year, ent_fig_info[i].label,
                 k == ENT_FIG_MONEY ? "（万元）" : "");
        report_add_col(r, title,
                       k == ENT_FIG_MONEY                        ? REPORT_DEC
                       : k == ENT_FIG_LEVEL || k == ENT_FIG_FLAG ? REPORT_TEXT
                                                                 : REPORT_INT);
    }
    snprintf(title, sizeof title, "%d年研发投入强度（%%）", year);
    report_add_col(r, title, REPORT_DEC);
}

/* The number and end of the certificate or registration of the tier of
 * rank held on the day: the span the register's rule says holds it. */
static void
ledger_evidence(struct ledger *l, const char *id, int rank, char *no, size_t nn,
                char until[DB_DATE_LEN])
{
    struct db_tier_event *ev = NULL;
    const char *tier = NULL;
    size_t n = 0, i;

    no[0] = until[0] = '\0';
    for (i = 0; i < l->ntiers; i++) {
        if (l->tiers[i].rank == rank)
            tier = l->tiers[i].id;
    }
    if (tier == NULL || db_tier_events(l->db, id, &ev, &n, NULL) != ERR_OK)
        return;
    if (ent_tier_holds(ev, n, tier, l->as_of, until)) {
        for (i = 0; i < n; i++) { /* the latest 'enter' of the tier up to the day */
            if (strcmp(ev[i].tier_id, tier) == 0 && strcmp(ev[i].kind, "enter") == 0 &&
                strcmp(ev[i].event_date, l->as_of) <= 0)
                snprintf(no, nn, "%s", ev[i].evidence_no ? ev[i].evidence_no : "");
        }
    }
    db_tier_events_free(ev, n);
}

/* The figure cells of the year (empty when not known) and R&D intensity. */
static void
ledger_figures(struct ledger *l, const char *id, char cells[][32])
{
    struct db_ent_year y;
    int f;

    memset(&y, 0, sizeof y);
    if (db_ent_year_get(l->db, id, l->year, &y, NULL) != 1) {
        for (f = 0; f <= DB_FIG_COUNT; f++)
            cells[f][0] = '\0';
        return;
    }
    for (f = 0; f < DB_FIG_COUNT; f++)
        ent_fig_cell(f, y.v[f], cells[f], sizeof cells[f]);
    cells[DB_FIG_COUNT][0] = '\0';
    if (y.v[DB_FIG_RD] >= 0 && y.v[DB_FIG_SALES] > 0)
        snprintf(cells[DB_FIG_COUNT], sizeof cells[DB_FIG_COUNT], "%.2f",
                 100.0 * (double)y.v[DB_FIG_RD] / (double)y.v[DB_FIG_SALES]);
}

static int
ledger_row(void *arg, const struct db_ent_row *row, int rank)
{
    struct ledger *l = arg;
    char no[16], cert[64], until[DB_DATE_LEN], figs[DB_FIG_COUNT + 1][32];
    const char *cells[LEDGER_COLS];
    int i;

    snprintf(no, sizeof no, "%zu", l->r->nrows + 1);
    ledger_evidence(l, row->id, rank, cert, sizeof cert, until);
    ledger_figures(l, row->id, figs);
    cells[0] = no;
    cells[1] = row->name;
    cells[2] = row->short_name;
    cells[3] = row->credit_code;
    cells[4] = row->township;
    cells[5] = row->field_name;
    cells[6] = row->above_scale ? "是" : "否";
    cells[7] = row->manufacturing ? "是" : "否";
    cells[8] = rank >= 0 && row->tier_name[0] ? row->tier_name : "-";
    cells[9] = cert;
    cells[10] = until;
    for (i = 0; i <= DB_FIG_COUNT; i++)
        cells[LEDGER_FIXED + i] = figs[i];
    report_add_row(l->r, cells);
    return 0;
}

int
reports_build_ledger(struct db *db, const struct sumopts *o, struct report **out, struct err *e)
{
    struct config *own = o->cfg ? NULL : config_defaults();
    struct ledger l = {db, NULL, o->as_of, 0, NULL, 0};
    struct ent_asof a;
    char *title;
    int rc;

    *out = NULL;
    if ((rc = ent_asof_init(db, o->cfg ? o->cfg : own, o->as_of, &a, e)) != ERR_OK ||
        (rc = db_tier_list(db, &l.tiers, &l.ntiers, e)) != ERR_OK) {
        config_free(own);
        return rc;
    }
    l.year = db_ent_latest_year(db, date_year(o->as_of), NULL);
    if (l.year == 0)
        l.year = date_year(o->as_of);
    title = xasprintf("企业台账（%d年度数据）", l.year);
    l.r = report_new("ledger", title, o->as_of, NULL);
    free(title);
    ledger_cols(l.r, l.year);
    rc = db_ent_each(db, &a.a, NULL, NULL, ledger_row, &l, e);
    db_tier_list_free(l.tiers, l.ntiers);
    config_free(own);
    if (rc != ERR_OK) {
        report_free(l.r);
        return rc;
    }
    *out = l.r;
    return ERR_OK;
}
