/*
 * ent_export.c — the register and the funnel as CSV for Excel and WPS:
 * UTF-8 with a byte-order mark, headers the import reads back, money in 万元.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/ent_list.h"
#include "src/csv.h"
#include "src/ent_fig.h"
#include "src/ent_funnel.h"
#include "src/ent_import.h"
#include "src/strbuf.h"
#include "src/xmalloc.h"

#define EXPORT_PAGE 500
#define EXPORT_ENT_COLS 13

static const char *const export_ent_headers[EXPORT_ENT_COLS] = {
    "企业名称",   "企业简称", "统一社会信用代码", "所属园区/苏木镇", "行业领域",     "是否规上",
    "是否制造业", "地址",     "联系人",           "成立日期",        "高新技术领域", "当前梯度",
    "备注",
};

/* The header row: the register's columns, then the year and its figures. */
static void
export_header(struct strbuf *out, int year)
{
    const char *h[EXPORT_ENT_COLS + 1 + DB_FIG_COUNT];
    char *owned[DB_FIG_COUNT] = {0};
    size_t n = 0, i;

    for (i = 0; i < EXPORT_ENT_COLS; i++)
        h[n++] = export_ent_headers[i];
    if (year) {
        h[n++] = "年度";
        for (i = 0; i < DB_FIG_COUNT; i++) {
            if (ent_fig_info[i].kind == ENT_FIG_MONEY)
                h[n++] = owned[i] = xasprintf("%s（万元）", ent_fig_info[i].label);
            else
                h[n++] = ent_fig_info[i].label;
        }
    }
    csv_write_row(out, h, n);
    for (i = 0; i < DB_FIG_COUNT; i++)
        free(owned[i]);
}

/* One enterprise's line. */
static int
export_one(struct db *db, const struct db_ent_row *r, const char *candidate, int year,
           struct strbuf *out, struct err *e)
{
    struct db_enterprise x;
    struct db_ent_year y;
    const char *c[EXPORT_ENT_COLS + 1 + DB_FIG_COUNT];
    char cells[DB_FIG_COUNT][48], ys[8];
    size_t n = 0, i;
    int rc, got = 0;

    if ((rc = db_ent_get(db, r->id, &x, e)) != ERR_OK)
        return rc;
    if (year && (got = db_ent_year_get(db, r->id, year, &y, e)) < 0) {
        db_ent_free(&x);
        return ERR_DB;
    }
    c[n++] = x.name;
    c[n++] = x.short_name;
    c[n++] = x.credit_code;
    c[n++] = x.township;
    c[n++] = x.field_name;
    c[n++] = x.above_scale ? "是" : "否";
    c[n++] = x.manufacturing ? "是" : "否";
    c[n++] = x.address;
    c[n++] = x.contact;
    c[n++] = x.established;
    c[n++] = x.ht_domain;
    c[n++] = r->tier_rank >= 0 ? r->tier_name : candidate;
    c[n++] = x.notes;
    if (year) {
        snprintf(ys, sizeof ys, "%d", year);
        c[n++] = got ? ys : "";
        for (i = 0; i < DB_FIG_COUNT; i++)
            c[n++] = got ? ent_fig_cell((int)i, y.v[i], cells[i], sizeof cells[i]) : "";
    }
    csv_write_row(out, c, n);
    db_ent_free(&x);
    return ERR_OK;
}

int
ent_export_register(struct db *db, const char *as_of, int year, struct strbuf *out, struct err *e)
{
    struct db_ent_asof a = {0};
    struct db_ent_filter f = {0};
    struct db_ent_row *rows;
    struct db_tier *t;
    size_t n, nt, i;
    long offset = 0;
    int rc;
    char candidate[64] = "";

    a.date = as_of;
    f.asof = &a;
    f.above_scale = -1;
    if ((rc = db_tier_list(db, &t, &nt, e)) != ERR_OK)
        return rc;
    if (nt)
        snprintf(candidate, sizeof candidate, "%s", t[0].name);
    db_tier_list_free(t, nt);
    strbuf_puts(out, CSV_BOM);
    export_header(out, year);
    do {
        if ((rc = db_ent_list_page(db, &f, offset, EXPORT_PAGE, &rows, &n, e)) != ERR_OK)
            return rc;
        for (i = 0; i < n && rc == ERR_OK; i++)
            rc = export_one(db, &rows[i], candidate, year, out, e);
        db_ent_rows_free(rows, n);
        offset += (long)n;
    } while (rc == ERR_OK && n == EXPORT_PAGE);
    return rc;
}

/* Writes v, or "" when negative. */
static const char *
export_num(long v, char *buf, size_t n)
{
    if (v < 0)
        snprintf(buf, n, "%s", "");
    else
        snprintf(buf, n, "%ld", v);
    return buf;
}

int
ent_export_funnel(struct db *db, const struct config *cfg, const char *as_of, struct strbuf *out,
                  struct err *e)
{
    static const char *const head[] = {"项目", "截至日期",   "当前数量", "目标",
                                       "差距", "基准年数量", "倍增比"};
    struct ent_funnel f;
    char a[24], b[24], c[24], d[24], ratio[24], base_label[96];
    const char *row[7];
    size_t i;
    int rc, k;

    if ((rc = ent_funnel_compute(db, cfg, as_of, &f, e)) != ERR_OK)
        return rc;
    strbuf_puts(out, CSV_BOM);
    csv_write_row(out, head, 7);
    for (i = 0; i < f.ntiers; i++) {
        ratio[0] = '\0';
        if (i > 0 && f.tier[i].base > 0)
            snprintf(ratio, sizeof ratio, "%.2f", (double)f.tier[i].count / (double)f.tier[i].base);
        row[0] = f.tier[i].name;
        row[1] = f.as_of;
        row[2] = export_num(f.tier[i].count, a, sizeof a);
        row[3] = export_num(f.tier[i].target, b, sizeof b);
        row[4] = f.tier[i].target >= 0 ? export_num(f.tier[i].gap, c, sizeof c) : "";
        row[5] = i > 0 ? export_num(f.tier[i].base, d, sizeof d) : "";
        row[6] = ratio;
        csv_write_row(out, row, 7);
    }
    row[0] = "新增研发投入企业";
    row[2] = export_num(f.new_rd, a, sizeof a);
    row[3] = export_num(f.new_rd_target, b, sizeof b);
    row[4] =
        f.new_rd_target >= 0
            ? export_num(f.new_rd_target > f.new_rd ? f.new_rd_target - f.new_rd : 0, c, sizeof c)
            : "";
    row[5] = row[6] = "";
    csv_write_row(out, row, 7);
    snprintf(base_label, sizeof base_label, "规上制造业“三清零”（%d年数据）", f.data_year);
    row[0] = base_label;
    row[2] = export_num(f.tz_cleared, a, sizeof a);
    row[3] = export_num(f.tz_total, b, sizeof b);
    row[4] = export_num(f.tz_total - f.tz_cleared, c, sizeof c);
    csv_write_row(out, row, 7);
    for (k = 0; k < ENT_THREE_ZERO; k++) {
        char label[96];

        snprintf(label, sizeof label, "  尚未清零：%s", f.tz_item[k]);
        row[0] = label;
        row[2] = export_num(f.tz_lacking[k], a, sizeof a);
        row[3] = row[4] = "";
        csv_write_row(out, row, 7);
    }
    return ERR_OK;
}
