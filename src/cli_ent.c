/*
 * cli_ent.c — the enterprise register from the command line: list, show,
 * add, set, archive/restore, figures, promote/drop, service and subsidy.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/ent_list.h"
#include "src/cli.h"
#include "src/cli_cmds.h"
#include "src/cli_ent.h"
#include "src/csv.h"
#include "src/date.h"
#include "src/ent_fig.h"
#include "src/ent_funnel.h"
#include "src/ent_money.h"
#include "src/enterprise.h"
#include "src/strbuf.h"
#include "src/xmalloc.h"

/* ---- shared with cli_funnel.c ---- */

int
cli_ent_date(struct cli_ctx *ctx, const char *given, char out[DB_DATE_LEN], struct err *e)
{
    const char *d = given ? given : ctx->today;

    if (!date_valid(d))
        return err_field(e, ERR_INVALID, "-", "日期“%s”不对，应写作 YYYY-MM-DD。", d);
    snprintf(out, DB_DATE_LEN, "%s", d);
    return ERR_OK;
}

int
cli_ent_year(const char *s, int *year, struct err *e)
{
    char *end;
    long y = s ? strtol(s, &end, 10) : 0;

    if (s == NULL || *end != '\0' || y < 1990 || y > 2100)
        return err_field(e, ERR_INVALID, "-", "年度“%s”不对，应为四位年份。", s ? s : "");
    *year = (int)y;
    return ERR_OK;
}

/* ---- list ---- */

struct list_args {
    const char *tier, *township, *field, *above, *search, *sort, *as_of, *limit, *offset, *format;
    int candidate, warn, desc, archived;
};

static int
list_parse(int argc, char **argv, struct list_args *a, struct err *e)
{
    int i;

    memset(a, 0, sizeof *a);
    for (i = 0; i < argc; i++) {
        if (strcmp(argv[i], "--candidate") == 0)
            a->candidate = 1;
        else if (strcmp(argv[i], "--warn") == 0)
            a->warn = 1;
        else if (strcmp(argv[i], "--desc") == 0)
            a->desc = 1;
        else if (strcmp(argv[i], "--archived") == 0)
            a->archived = 1;
        else if (!cli_opt(argc, argv, &i, "--tier", &a->tier) &&
                 !cli_opt(argc, argv, &i, "--township", &a->township) &&
                 !cli_opt(argc, argv, &i, "--field", &a->field) &&
                 !cli_opt(argc, argv, &i, "--above-scale", &a->above) &&
                 !cli_opt(argc, argv, &i, "--search", &a->search) &&
                 !cli_opt(argc, argv, &i, "--sort", &a->sort) &&
                 !cli_opt(argc, argv, &i, "--as-of", &a->as_of) &&
                 !cli_opt(argc, argv, &i, "--limit", &a->limit) &&
                 !cli_opt(argc, argv, &i, "--offset", &a->offset) &&
                 !cli_opt(argc, argv, &i, "--format", &a->format))
            return err_field(e, ERR_INVALID, "-", "无法识别的参数“%s”。", argv[i]);
    }
    if (a->format && strcmp(a->format, "text") != 0 && strcmp(a->format, "csv") != 0)
        return err_field(e, ERR_INVALID, "-", "--format 应为 text 或 csv。");
    return ERR_OK;
}

static int
list_sort(const char *s, enum db_ent_sort *out, struct err *e)
{
    static const char *const names[DB_ENT_SORT_COUNT] = {"name", "township", "field", "code",
                                                         "updated"};
    int i;

    *out = DB_ENT_SORT_NAME;
    for (i = 0; s && i < DB_ENT_SORT_COUNT; i++) {
        if (strcmp(names[i], s) == 0) {
            *out = (enum db_ent_sort)i;
            return ERR_OK;
        }
    }
    return s ? err_field(e, ERR_INVALID, "-", "--sort 可选 name、township、field、code、updated。")
             : ERR_OK;
}

/* Fills the filter from the arguments; tier and field names become keys. */
static int
list_filter(struct cli_ctx *ctx, const struct list_args *a, struct ent_asof *asof,
            struct db_ent_filter *f, char tier_id[DB_ID_LEN], char field_id[DB_ID_LEN],
            struct err *e)
{
    char date[DB_DATE_LEN];
    int rc, b;

    memset(f, 0, sizeof *f);
    if ((rc = cli_ent_date(ctx, a->as_of, date, e)) != ERR_OK ||
        (rc = ent_asof_init(ctx->db, ctx->cfg, date, asof, e)) != ERR_OK ||
        (rc = list_sort(a->sort, &f->sort, e)) != ERR_OK)
        return rc;
    f->asof = &asof->a;
    f->above_scale = -1;
    if (a->above && (b = enterprise_bool(a->above)) < 0)
        return err_field(e, ERR_INVALID, "-", "--above-scale 应为 yes 或 no。");
    if (a->above)
        f->above_scale = b;
    if (a->tier && (rc = cli_ent_tier_id(ctx->db, a->tier, tier_id, &f->candidate, e)) != ERR_OK)
        return rc;
    f->tier_id = a->tier && !f->candidate ? tier_id : NULL;
    f->candidate |= a->candidate;
    if (a->field && (rc = enterprise_field_id(ctx->db, a->field, field_id, e)) != ERR_OK)
        return rc;
    f->field_id = a->field ? field_id : NULL;
    f->township = a->township;
    f->warn = a->warn;
    f->search = a->search;
    f->desc = a->desc;
    f->archived = a->archived;
    return ERR_OK;
}

int
cli_ent_tier_id(struct db *db, const char *name, char id[DB_ID_LEN], int *lowest, struct err *e)
{
    struct db_tier *t;
    size_t n, i;
    int rc;

    *lowest = 0;
    if ((rc = db_tier_list(db, &t, &n, e)) != ERR_OK)
        return rc;
    for (i = 0; i < n; i++) {
        if (strcmp(t[i].code, name) == 0 || strcmp(t[i].name, name) == 0) {
            snprintf(id, DB_ID_LEN, "%s", t[i].id);
            *lowest = i == 0;
            break;
        }
    }
    if (i == n)
        rc =
            err_field(e, ERR_INVALID, "-",
                      "没有名为“%s”的梯度（可用代码或名称，如 high_tech 或 高新技术企业）。", name);
    db_tier_list_free(t, n);
    return rc;
}

/* The warning words of a row. */
static const char *
list_warn_text(int warn)
{
    if (warn == (DB_ENT_WARN_EXPIRING | DB_ENT_WARN_UNREGISTERED))
        return "证书将到期；未登记";
    if (warn & DB_ENT_WARN_EXPIRING)
        return "证书将到期";
    return warn & DB_ENT_WARN_UNREGISTERED ? "今年未登记" : "";
}

static void
list_print(struct cli_ctx *ctx, const struct db_ent_row *r, size_t n, const char *candidate,
           int csv, struct strbuf *b)
{
    static const int w[] = {30, 14, 14, 10, 4, 10};
    const char *c[7];
    size_t i;

    for (i = 0; i < n; i++) {
        c[0] = r[i].name;
        c[1] = r[i].tier_rank >= 0 ? r[i].tier_name : candidate;
        c[2] = r[i].township ? r[i].township : "";
        c[3] = r[i].field_name ? r[i].field_name : "";
        c[4] = r[i].above_scale ? "是" : "否";
        c[5] = list_warn_text(r[i].warn);
        c[6] = r[i].credit_code ? r[i].credit_code : "";
        if (csv) {
            const char *row[] = {c[0], c[6], c[1], c[2], c[3], c[4], c[5]};
            csv_write_row(b, row, 7);
        } else {
            cli_row(ctx->out, c, w, 6);
        }
    }
}

static int
ent_list(struct cli_ctx *ctx, int argc, char **argv, struct err *e)
{
    static const int w[] = {30, 14, 14, 10, 4, 10};
    static const char *const head[] = {"企业名称", "当前梯度", "园区/苏木镇",
                                       "行业领域", "规上",     "提醒"};
    static const char *const chead[] = {
        "企业名称", "统一社会信用代码", "当前梯度", "所属园区/苏木镇",
        "行业领域", "是否规上",         "提醒"};
    struct list_args a;
    struct ent_asof asof;
    struct db_ent_filter f;
    struct db_ent_row *rows;
    struct strbuf b = STRBUF_INIT;
    char tier_id[DB_ID_LEN] = "", field_id[DB_ID_LEN] = "", candidate[64];
    long total, offset, limit;
    size_t n;
    int rc, csv;

    if ((rc = list_parse(argc, argv, &a, e)) != ERR_OK ||
        (rc = list_filter(ctx, &a, &asof, &f, tier_id, field_id, e)) != ERR_OK ||
        (rc = cli_ent_candidate_name(ctx->db, candidate, e)) != ERR_OK)
        return rc;
    csv = a.format && strcmp(a.format, "csv") == 0;
    offset = a.offset ? atol(a.offset) : 0;
    limit = a.limit ? atol(a.limit) : csv ? 1000000 : 50;
    if ((total = db_ent_list_count(ctx->db, &f, e)) < 0)
        return ERR_DB;
    if ((rc = db_ent_list_page(ctx->db, &f, offset, (int)(limit > 1000000 ? 1000000 : limit), &rows,
                               &n, e)) != ERR_OK)
        return rc;
    if (csv) {
        strbuf_puts(&b, CSV_BOM);
        csv_write_row(&b, chead, 7);
    } else {
        cli_row(ctx->out, head, w, 6);
    }
    list_print(ctx, rows, n, candidate, csv, &b);
    if (csv)
        fwrite(strbuf_str(&b), 1, b.len, ctx->out);
    else if (n < (size_t)total || offset > 0)
        fprintf(ctx->out, "共 %ld 家，显示第 %ld-%ld 家（--offset、--limit 翻页）。\n", total,
                n ? offset + 1 : 0, offset + (long)n);
    else
        fprintf(ctx->out, "共 %ld 家。\n", total);
    db_ent_rows_free(rows, n);
    strbuf_free(&b);
    return ERR_OK;
}

int
cli_ent_candidate_name(struct db *db, char out[64], struct err *e)
{
    struct db_tier *t;
    size_t n;
    int rc;

    out[0] = '\0';
    if ((rc = db_tier_list(db, &t, &n, e)) != ERR_OK)
        return rc;
    if (n)
        snprintf(out, 64, "%s", t[0].name);
    db_tier_list_free(t, n);
    return ERR_OK;
}

/* ---- add / set ---- */

enum {
    EO_NAME,
    EO_SHORT,
    EO_CODE,
    EO_TOWNSHIP,
    EO_FIELD,
    EO_ABOVE,
    EO_MANUF,
    EO_ADDRESS,
    EO_CONTACT,
    EO_ESTABLISHED,
    EO_HT_DOMAIN,
    EO_AWARD,
    EO_STANDARD,
    EO_NOTES,
    EO_COUNT,
};

static const char *const eo_names[EO_COUNT] = {
    "--name",        "--short",         "--code",          "--township", "--field",
    "--above-scale", "--manufacturing", "--address",       "--contact",  "--established",
    "--ht-domain",   "--award-year",    "--standard-year", "--notes",
};

struct ent_opts {
    const char *v[EO_COUNT];
    int confirm;
};

static int
eo_parse(int argc, char **argv, int first, struct ent_opts *o, struct err *e)
{
    int i, k;

    memset(o, 0, sizeof *o);
    for (i = first; i < argc; i++) {
        if (strcmp(argv[i], "--confirm-code") == 0) {
            o->confirm = 1;
            continue;
        }
        for (k = 0; k < EO_COUNT && !cli_opt(argc, argv, &i, eo_names[k], &o->v[k]); k++)
            ;
        if (k == EO_COUNT)
            return err_field(e, ERR_INVALID, "-", "无法识别的参数“%s”。", argv[i]);
    }
    return ERR_OK;
}

/* Replaces a string field with v (NULL leaves it). */
static void
eo_str(char **dst, const char *v)
{
    if (v) {
        free(*dst);
        *dst = xstrdup(v);
    }
}

static int
eo_int_year(const char *v, int *dst, const char *opt, struct err *e)
{
    int y = 0;

    if (v == NULL)
        return ERR_OK;
    if (*v == '\0') {
        *dst = 0;
        return ERR_OK;
    }
    if (cli_ent_year(v, &y, NULL) != ERR_OK)
        return err_field(e, ERR_INVALID, "-", "%s 应为四位年份。", opt);
    *dst = y;
    return ERR_OK;
}

static int
eo_bool(const char *v, int *dst, const char *opt, struct err *e)
{
    int b;

    if (v == NULL)
        return ERR_OK;
    if ((b = enterprise_bool(v)) < 0)
        return err_field(e, ERR_INVALID, "-", "%s 应为 yes 或 no（是/否）。", opt);
    *dst = b;
    return ERR_OK;
}

/* Applies the given options onto x. */
static int
eo_apply(struct cli_ctx *ctx, const struct ent_opts *o, struct db_enterprise *x, struct err *e)
{
    int rc;

    eo_str(&x->name, o->v[EO_NAME]);
    eo_str(&x->short_name, o->v[EO_SHORT]);
    eo_str(&x->credit_code, o->v[EO_CODE]);
    eo_str(&x->township, o->v[EO_TOWNSHIP]);
    eo_str(&x->address, o->v[EO_ADDRESS]);
    eo_str(&x->contact, o->v[EO_CONTACT]);
    eo_str(&x->ht_domain, o->v[EO_HT_DOMAIN]);
    eo_str(&x->notes, o->v[EO_NOTES]);
    if (o->v[EO_ESTABLISHED])
        snprintf(x->established, sizeof x->established, "%.10s", o->v[EO_ESTABLISHED]);
    if (o->v[EO_ESTABLISHED] && strlen(o->v[EO_ESTABLISHED]) > 10)
        return err_field(e, ERR_INVALID, "-", "--established 应写作 YYYY-MM-DD。");
    if (o->v[EO_FIELD] &&
        (rc = enterprise_field_id(ctx->db, o->v[EO_FIELD], x->field_id, e)) != ERR_OK)
        return rc;
    if ((rc = eo_bool(o->v[EO_ABOVE], &x->above_scale, "--above-scale", e)) != ERR_OK ||
        (rc = eo_bool(o->v[EO_MANUF], &x->manufacturing, "--manufacturing", e)) != ERR_OK ||
        (rc = eo_int_year(o->v[EO_AWARD], &x->award_year, "--award-year", e)) != ERR_OK ||
        (rc = eo_int_year(o->v[EO_STANDARD], &x->standard_year, "--standard-year", e)) != ERR_OK)
        return rc;
    return ERR_OK;
}

/* After a refused credit code: how to keep one that is right after all. */
static void
eo_confirm_hint(struct cli_ctx *ctx)
{
    if (enterprise_code_confirm(config_get(ctx->cfg, "user:role"), 1) == ENT_CODE_CONFIRMED)
        fputs("提示：确为营业执照上的代码时，加 --confirm-code 登记（会记入修改记录）。\n",
              ctx->out);
    else
        fputs("提示：确为营业执照上的代码时，请主管（tuwei.ini 中 [user] role = supervisor）"
              "核对后加 --confirm-code 登记（会记入修改记录）。\n",
              ctx->out);
}

static int
ent_add(struct cli_ctx *ctx, int argc, char **argv, struct err *e)
{
    struct ent_opts o;
    struct db_enterprise x;
    int rc;

    memset(&x, 0, sizeof x);
    if ((rc = eo_parse(argc, argv, 0, &o, e)) != ERR_OK)
        return rc;
    if (o.v[EO_NAME] == NULL)
        return err_field(e, ERR_INVALID, "-", "请用 --name 给出企业名称。");
    if ((rc = eo_apply(ctx, &o, &x, e)) == ERR_OK &&
        (rc = enterprise_save(ctx->db, ctx->user, &x,
                              enterprise_code_confirm(config_get(ctx->cfg, "user:role"), o.confirm),
                              e)) == ERR_OK)
        fprintf(ctx->out, "已登记：%s%s\n", x.name,
                x.credit_code_confirmed ? "（统一社会信用代码校验不符，已按核实登记）" : "");
    if (rc == ERR_INVALID && strcmp(e->field, "credit_code") == 0 && strstr(e->msg, "已核实"))
        eo_confirm_hint(ctx);
    db_ent_free(&x);
    return rc;
}

static int
ent_set(struct cli_ctx *ctx, int argc, char **argv, struct err *e)
{
    struct ent_opts o;
    struct db_enterprise x;
    char id[DB_ID_LEN];
    int rc;

    if (argc < 1)
        return err_field(e, ERR_INVALID, "-", "请指明要修改的企业。");
    if ((rc = eo_parse(argc, argv, 1, &o, e)) != ERR_OK ||
        (rc = enterprise_resolve(ctx->db, argv[0], id, e)) != ERR_OK ||
        (rc = db_ent_get(ctx->db, id, &x, e)) != ERR_OK)
        return rc;
    if ((rc = eo_apply(ctx, &o, &x, e)) == ERR_OK &&
        (rc = enterprise_save(ctx->db, ctx->user, &x,
                              enterprise_code_confirm(config_get(ctx->cfg, "user:role"), o.confirm),
                              e)) == ERR_OK)
        fprintf(ctx->out, "已保存：%s\n", x.name);
    db_ent_free(&x);
    return rc;
}

static int
ent_archive_cmd(struct cli_ctx *ctx, int argc, char **argv, int archived, struct err *e)
{
    char id[DB_ID_LEN];
    int rc;

    if (argc != 1)
        return err_field(e, ERR_INVALID, "-", "请指明一家企业。");
    if ((rc = enterprise_resolve(ctx->db, argv[0], id, e)) != ERR_OK ||
        (rc = enterprise_archive(ctx->db, ctx->user, id, archived, e)) != ERR_OK)
        return rc;
    fprintf(ctx->out, archived ? "已删除（可用 tuwei enterprise restore 恢复）。\n" : "已恢复。\n");
    return ERR_OK;
}

static int
ent_archive(struct cli_ctx *ctx, int argc, char **argv, struct err *e)
{
    return ent_archive_cmd(ctx, argc, argv, 1, e);
}

static int
ent_restore(struct cli_ctx *ctx, int argc, char **argv, struct err *e)
{
    return ent_archive_cmd(ctx, argc, argv, 0, e);
}

/* ---- figures ---- */

/* Reads the figure options into vals (by figure); 1 when argv[*i] was one. */
static int
fig_opt(int argc, char **argv, int *i, const char **vals)
{
    int k;

    for (k = 0; k < DB_FIG_COUNT; k++) {
        if (cli_opt(argc, argv, i, ent_fig_info[k].option, &vals[k]))
            return 1;
    }
    return 0;
}

static int
ent_figures(struct cli_ctx *ctx, int argc, char **argv, struct err *e)
{
    struct db_ent_year y;
    const char *year = NULL, *unit = NULL, *vals[DB_FIG_COUNT] = {0};
    char id[DB_ID_LEN];
    long long mult;
    int i, k, rc, changed = 0, clear = 0, any = 0;

    if (argc < 1)
        return err_field(e, ERR_INVALID, "-", "请指明企业。");
    for (i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--clear") == 0)
            clear = 1;
        else if (!cli_opt(argc, argv, &i, "--year", &year) &&
                 !cli_opt(argc, argv, &i, "--unit", &unit) && !fig_opt(argc, argv, &i, vals))
            return err_field(e, ERR_INVALID, "-", "无法识别的参数“%s”。", argv[i]);
    }
    if (unit && strcmp(unit, "万元") != 0 && strcmp(unit, "元") != 0)
        return err_field(e, ERR_INVALID, "-", "--unit 应为 元 或 万元。");
    mult = unit && strcmp(unit, "万元") == 0 ? ENT_MONEY_WAN : ENT_MONEY_YUAN;
    if ((rc = cli_ent_year(year, &y.year, e)) != ERR_OK ||
        (rc = enterprise_resolve(ctx->db, argv[0], id, e)) != ERR_OK)
        return rc;
    if (clear) {
        if ((rc = enterprise_figures_remove(ctx->db, ctx->user, id, y.year, e)) == ERR_OK)
            fprintf(ctx->out, "已删除 %d 年的数据。\n", y.year);
        return rc;
    }
    if (db_ent_year_get(ctx->db, id, y.year, &y, e) < 0)
        return ERR_DB;
    for (k = 0; k < DB_FIG_COUNT; k++) {
        if (vals[k] == NULL)
            continue;
        any = 1;
        if (*vals[k] == '\0')
            y.v[k] = DB_ENT_UNKNOWN;
        else if (ent_fig_parse(k, vals[k], mult, &y.v[k]) != 0)
            return err_field(e, ERR_INVALID, db_ent_fig_columns[k], "%s的值“%s”看不懂。",
                             ent_fig_info[k].label, vals[k]);
    }
    if (!any)
        return err_field(e, ERR_INVALID, "-", "请至少给出一项数据，如 --staff 120 --rd 300万。");
    if ((rc = enterprise_figures_save(ctx->db, ctx->user, id, &y, &changed, e)) == ERR_OK)
        fprintf(ctx->out, changed ? "已保存 %d 年的数据。\n" : "%d 年的数据没有变化。\n", y.year);
    return rc;
}

/* ---- promote / drop ---- */

static int
ent_tier_cmd(struct cli_ctx *ctx, int argc, char **argv, int drop, struct err *e)
{
    struct enterprise_tier_change c = {0};
    char id[DB_ID_LEN], warning[256];
    int i, rc;

    if (argc < 1)
        return err_field(e, ERR_INVALID, "-", "请指明企业。");
    for (i = 1; i < argc; i++) {
        if (!cli_opt(argc, argv, &i, "--tier", &c.tier) &&
            !cli_opt(argc, argv, &i, "--date", &c.date) &&
            !cli_opt(argc, argv, &i, "--number", &c.number) &&
            !cli_opt(argc, argv, &i, "--from", &c.valid_from) &&
            !cli_opt(argc, argv, &i, "--to", &c.valid_to) &&
            !cli_opt(argc, argv, &i, "--note", &c.note))
            return err_field(e, ERR_INVALID, "-", "无法识别的参数“%s”。", argv[i]);
    }
    if (c.tier == NULL)
        return err_field(e, ERR_INVALID, "-",
                         "请用 --tier 指明梯度（如 high_tech 或 高新技术企业）。");
    if (c.date == NULL)
        c.date = ctx->today;
    c.drop = drop;
    if ((rc = enterprise_resolve(ctx->db, argv[0], id, e)) != ERR_OK)
        return rc;
    c.enterprise_id = id;
    if ((rc = enterprise_tier_change(ctx->db, ctx->user, &c, warning, sizeof warning, e)) != ERR_OK)
        return rc;
    fprintf(ctx->out, drop ? "已记录调出。\n" : "已记录入库/认定。\n");
    if (warning[0])
        fprintf(ctx->out, "提醒：%s\n", warning);
    return ERR_OK;
}

static int
ent_promote(struct cli_ctx *ctx, int argc, char **argv, struct err *e)
{
    return ent_tier_cmd(ctx, argc, argv, 0, e);
}

static int
ent_drop(struct cli_ctx *ctx, int argc, char **argv, struct err *e)
{
    return ent_tier_cmd(ctx, argc, argv, 1, e);
}

/* ---- service log and subsidies ---- */

static int
ent_service(struct cli_ctx *ctx, int argc, char **argv, struct err *e)
{
    struct db_ent_service s;
    const char *date = NULL, *follow = NULL, *unit = NULL, *person = NULL, *asked = NULL,
               *done = NULL;
    int i, rc;

    memset(&s, 0, sizeof s);
    if (argc < 1)
        return err_field(e, ERR_INVALID, "-", "请指明企业。");
    for (i = 1; i < argc; i++) {
        if (!cli_opt(argc, argv, &i, "--date", &date) &&
            !cli_opt(argc, argv, &i, "--follow-up", &follow) &&
            !cli_opt(argc, argv, &i, "--unit", &unit) &&
            !cli_opt(argc, argv, &i, "--person", &person) &&
            !cli_opt(argc, argv, &i, "--asked", &asked) &&
            !cli_opt(argc, argv, &i, "--done", &done))
            return err_field(e, ERR_INVALID, "-", "无法识别的参数“%s”。", argv[i]);
    }
    if ((rc = enterprise_resolve(ctx->db, argv[0], s.enterprise_id, e)) != ERR_OK)
        return rc;
    snprintf(s.service_date, sizeof s.service_date, "%.10s", date ? date : ctx->today);
    snprintf(s.follow_up, sizeof s.follow_up, "%.10s", follow ? follow : "");
    s.unit = xstrdup(unit);
    s.person = xstrdup(person);
    s.asked = xstrdup(asked);
    s.done = xstrdup(done);
    if ((rc = enterprise_service_add(ctx->db, ctx->user, &s, e)) == ERR_OK)
        fprintf(ctx->out, "已记录服务。\n");
    free(s.unit);
    free(s.person);
    free(s.asked);
    free(s.done);
    return rc;
}

static int
ent_subsidy(struct cli_ctx *ctx, int argc, char **argv, struct err *e)
{
    struct db_ent_subsidy s;
    const char *date = NULL, *kind = NULL, *amount = NULL, *note = NULL;
    char money[32];
    int i, rc;

    memset(&s, 0, sizeof s);
    if (argc < 1)
        return err_field(e, ERR_INVALID, "-", "请指明企业。");
    for (i = 1; i < argc; i++) {
        if (!cli_opt(argc, argv, &i, "--date", &date) &&
            !cli_opt(argc, argv, &i, "--kind", &kind) &&
            !cli_opt(argc, argv, &i, "--amount", &amount) &&
            !cli_opt(argc, argv, &i, "--note", &note))
            return err_field(e, ERR_INVALID, "-", "无法识别的参数“%s”。", argv[i]);
    }
    if (amount == NULL || ent_money_parse(amount, ENT_MONEY_YUAN, &s.amount) != 0)
        return err_field(e, ERR_INVALID, "amount", "请用 --amount 给出金额，如 200000 或 20万元。");
    if ((rc = enterprise_resolve(ctx->db, argv[0], s.enterprise_id, e)) != ERR_OK)
        return rc;
    snprintf(s.paid_date, sizeof s.paid_date, "%.10s", date ? date : ctx->today);
    s.kind = xstrdup(kind);
    s.note = xstrdup(note);
    if ((rc = enterprise_subsidy_add(ctx->db, ctx->user, &s, e)) == ERR_OK)
        fprintf(ctx->out, "已记录奖补资金 %s。\n", ent_money_text(s.amount, money, sizeof money));
    free(s.kind);
    free(s.note);
    return rc;
}

const struct cli_cmd cli_ent_cmds[] = {
    {"enterprise", "list", CLI_DB_EXISTING, ent_list,
     "enterprise list [--tier T] [--candidate] [--township X] [--field F] [--above-scale yes|no]"
     " [--warn] [--search Q] [--sort name|township|field|code|updated] [--desc] [--archived]"
     " [--as-of D] [--limit N] [--offset N] [--format text|csv]",
     "列出企业（梯度按指定日期推算），可筛选、搜索、排序"},
    {"enterprise", "show", CLI_DB_EXISTING, cli_ent_show, "enterprise show 企业 [--as-of D]",
     "企业详情：年度数据、梯度记录、评价得分与条件清单、服务记录、奖补资金"},
    {"enterprise", "add", CLI_DB_EXISTING, ent_add,
     "enterprise add --name 名称 [--short S] [--code 代码 [--confirm-code]] [--township X]"
     " [--field F] [--above-scale yes|no] [--manufacturing yes|no] [--address A] [--contact C]"
     " [--established D] [--ht-domain X] [--award-year Y] [--standard-year Y] [--notes T]",
     "登记企业（统一社会信用代码校验不符时需 --confirm-code 确认）"},
    {"enterprise", "set", CLI_DB_EXISTING, ent_set, "enterprise set 企业 [与 add 相同的选项]",
     "修改企业信息（只改给出的项）"},
    {"enterprise", "archive", CLI_DB_EXISTING, ent_archive, "enterprise archive 企业",
     "删除企业（归档，可恢复）"},
    {"enterprise", "restore", CLI_DB_EXISTING, ent_restore, "enterprise restore 企业",
     "恢复已删除的企业"},
    {"enterprise", "figures", CLI_DB_EXISTING, ent_figures,
     "enterprise figures 企业 --year Y [--unit 元|万元] [--staff N] [--st-staff N] [--sales A]"
     " [--total-cost A] [--total-assets A] [--rd A] [--rd-domestic A] [--ht-revenue A] [--ip1 N]"
     " [--ip2 N] [--rd-inst 无|企业自建|省级及以上] [--inv-patents N] [--innovation N]"
     " [--incident 是|否] [--clear]",
     "录入或修改企业某年度的数据（金额可写 300万、1.2亿）"},
    {"enterprise", "promote", CLI_DB_EXISTING, ent_promote,
     "enterprise promote 企业 --tier T --date D --number 编号 [--from D] [--to D] [--note T]",
     "记录入库或认定（科技型中小企业登记编号、高企证书编号）"},
    {"enterprise", "drop", CLI_DB_EXISTING, ent_drop,
     "enterprise drop 企业 --tier T --date D [--number 文号] [--note 原因]", "记录调出梯度"},
    {"enterprise", "service", CLI_DB_EXISTING, ent_service,
     "enterprise service 企业 [--date D] [--unit U] [--person P] [--asked T] [--done T]"
     " [--follow-up D]",
     "记录“店小二”服务"},
    {"enterprise", "subsidy", CLI_DB_EXISTING, ent_subsidy,
     "enterprise subsidy 企业 --kind K --amount A [--date D] [--note T]", "记录兑现的奖补资金"},
    {NULL, NULL, CLI_DB_NONE, NULL, NULL, NULL},
};
