/*
 * reports_ledger.c — the enterprise ledger (企业台账): every live
 * enterprise with its place, field, scale, and the tier it holds as of the
 * report date with the certificate or registration number behind it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/figures.h"
#include "src/reports_priv.h"

static const char *const ledger_titles[] = {
    "序号", "企业名称", "简称", "统一社会信用代码", "所属园区/苏木镇", "行业领域", "是否规上",
    "是否制造业", "当前梯度", "证书/登记编号", "有效期至", NULL};
static const enum report_kind ledger_kinds[] = {
    REPORT_INT,  REPORT_TEXT, REPORT_TEXT, REPORT_TEXT, REPORT_TEXT, REPORT_TEXT,
    REPORT_TEXT, REPORT_TEXT, REPORT_TEXT, REPORT_TEXT, REPORT_TEXT};

/* Adds one enterprise: cols as db_figures_ledger gives them. */
static int
ledger_row(void *arg, const char *const *cols, int n)
{
    struct report *r = arg;
    const char *cells[11];
    char no[16];

    (void)n;
    snprintf(no, sizeof no, "%zu", r->nrows + 1);
    cells[0] = no;
    cells[1] = cols[0];
    cells[2] = cols[1];
    cells[3] = cols[2];
    cells[4] = cols[3];
    cells[5] = cols[4];
    cells[6] = strcmp(cols[5], "1") == 0 ? "是" : "否";
    cells[7] = strcmp(cols[6], "1") == 0 ? "是" : "否";
    cells[8] = *cols[7] ? cols[7] : "—";
    cells[9] = cols[8];
    cells[10] = cols[9];
    report_add_row(r, cells);
    return 0;
}

int
reports_build_ledger(struct db *db, const struct sumopts *o, struct report **out, struct err *e)
{
    struct report *r = report_new("ledger", "企业台账", o->as_of, NULL);
    int rc;

    reports_add_cols(r, ledger_titles, ledger_kinds);
    rc = db_figures_ledger(db, o->as_of, ledger_row, r, e);
    if (rc != ERR_OK) {
        report_free(r);
        r = NULL;
    }
    *out = r;
    return rc;
}
