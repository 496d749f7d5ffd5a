/*
 * cli_reg.c — the registries on the command line: for each registry
 * (base, pilot, project, result, need, match, contract, coop, platform,
 * talent, safeguard) the verbs list, show, add, set, archive and restore,
 * so a script can do what the screen does; and `vocab` for the words a
 * field may take.
 */
#include "src/cli_reg.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "src/cli_cmds.h"
#include "src/csv.h"
#include "src/xmalloc.h"

#define REGCLI_PAGE 500

int
cli_reg_format(int argc, char **argv, int *i, int *csv, struct err *e)
{
    const char *v;

    if (!cli_opt(argc, argv, i, "--format", &v))
        return 0;
    if (strcmp(v, "csv") == 0)
        *csv = 1;
    else if (strcmp(v, "text") == 0)
        *csv = 0;
    else {
        err_field(e, ERR_INVALID, "-", "--format 只能是 text 或 csv，不能是“%s”。", v);
        return -1;
    }
    return 1;
}

void
cli_reg_begin(struct cli_reg_out *o, struct cli_ctx *ctx, int csv, const char *const *head,
              const int *widths, int n)
{
    o->ctx = ctx;
    o->csv = csv;
    o->widths = widths;
    o->ncols = n;
    strbuf_reset(&o->buf);
    if (csv)
        strbuf_puts(&o->buf, CSV_BOM);
    cli_reg_row(o, head);
}

void
cli_reg_row(struct cli_reg_out *o, const char *const *cells)
{
    if (!o->csv) {
        cli_row(o->ctx->out, cells, o->widths, o->ncols);
        return;
    }
    csv_write_row(&o->buf, cells, (size_t)o->ncols);
    if (o->buf.len > 65536) {
        fwrite(o->buf.s, 1, o->buf.len, o->ctx->out);
        strbuf_reset(&o->buf);
    }
}

void
cli_reg_end(struct cli_reg_out *o)
{
    if (o->buf.len)
        fwrite(o->buf.s, 1, o->buf.len, o->ctx->out);
    strbuf_free(&o->buf);
}

void
cli_reg_short_id(const char *id, char out[9])
{
    memcpy(out, id, 8);
    out[8] = '\0';
}

int
cli_reg_target(struct cli_ctx *ctx, const struct reg_def *d, int argc, char **argv, char id[40],
               struct err *e)
{
    if (argc < 1 || argv[0][0] == '\0')
        return err_field(e, ERR_INVALID, "-", "请指明哪一条%s（名称或编号）。", d->title);
    return reg_find(ctx->db, d, argv[0], id, e);
}

/* The names a registry's options take, for a usage message. */
static char *
regcli_keys(const struct reg_def *d)
{
    struct strbuf b = STRBUF_INIT;
    size_t i;

    for (i = 0; i < d->shape.ncols; i++) {
        if (!d->fields[i].readonly)
            strbuf_printf(&b, "%s--%s（%s）", b.len ? " " : "", d->fields[i].key,
                          d->fields[i].label);
    }
    for (i = 0; i < d->nlinks; i++)
        strbuf_printf(&b, " --%s（%s，多个用；分隔）", d->links[i].key, d->links[i].label);
    return strbuf_take(&b);
}

/* Reads --FIELD VALUE (and --LINK VALUE) options from argv[from..] into in. */
static int
regcli_input(const struct reg_def *d, int argc, char **argv, int from, struct reg_input *in,
             struct err *e)
{
    char *keys, name[80];
    const char *v;
    size_t k;
    int i, f;

    memset(in, 0, sizeof *in);
    for (i = from; i < argc; i++) {
        for (f = 0; f < (int)d->shape.ncols; f++) {
            snprintf(name, sizeof name, "--%s", d->fields[f].key);
            if (!d->fields[f].readonly && cli_opt(argc, argv, &i, name, &v)) {
                in->val[f] = v;
                break;
            }
        }
        if (f < (int)d->shape.ncols)
            continue;
        for (k = 0; k < d->nlinks; k++) {
            snprintf(name, sizeof name, "--%s", d->links[k].key);
            if (cli_opt(argc, argv, &i, name, &v)) {
                in->links[k] = v;
                break;
            }
        }
        if (k < d->nlinks)
            continue;
        keys = regcli_keys(d);
        err_field(e, ERR_INVALID, "-", "无法识别的参数“%s”。可用的字段：%s", argv[i], keys);
        free(keys);
        return ERR_INVALID;
    }
    return ERR_OK;
}

/* Options of a list: search, sort, archived, format, field filters. */
struct regcli_list_opts {
    struct reg_filter f;
    int csv;
};

static int
regcli_list_opts(const struct reg_def *d, int argc, char **argv, struct regcli_list_opts *o,
                 struct err *e)
{
    struct reg_input in;
    const char *v;
    char **rest = xcalloc((size_t)argc + 1, sizeof *rest);
    int i, n = 0, r, rc = ERR_OK;

    memset(o, 0, sizeof *o);
    o->f.sort = -1;
    for (i = 0; i < argc && rc == ERR_OK; i++) {
        if ((r = cli_reg_format(argc, argv, &i, &o->csv, e)) != 0)
            rc = r < 0 ? ERR_INVALID : ERR_OK;
        else if (cli_opt(argc, argv, &i, "--search", &v))
            o->f.search = v;
        else if (cli_opt(argc, argv, &i, "--sort", &v)) {
            if ((o->f.sort = reg_field_index(d, v)) < 0)
                rc = err_field(e, ERR_INVALID, "-", "--sort 后应是字段名，如 --sort %s。",
                               d->fields[d->label].key);
        } else if (strcmp(argv[i], "--desc") == 0)
            o->f.desc = 1;
        else if (strcmp(argv[i], "--archived") == 0)
            o->f.archived = DB_REG_ARCHIVED;
        else
            rest[n++] = argv[i];
    }
    if (rc == ERR_OK && (rc = regcli_input(d, n, rest, 0, &in, e)) == ERR_OK)
        memcpy(o->f.eq, in.val, sizeof o->f.eq);
    free(rest);
    return rc;
}

/* The CSV cell of field i: money in yuan, a record's name, else the value. */
static char *
regcli_csv_cell(const struct reg_def *d, const struct db_reg_rec *r, size_t i)
{
    if (d->fields[i].type == REG_MONEY)
        return xstrdup(r->vals[i] ? r->vals[i] : "");
    return reg_show(d, r, i);
}

/* The header of a list: the key, then the listed (text) or all (CSV) fields. */
static size_t
regcli_head(const struct reg_def *d, int csv, const char **head, int *widths, char **owned)
{
    size_t i, n = 0;

    head[n] = "编号";
    widths[n++] = csv ? 36 : 8;
    for (i = 0; i < d->shape.ncols; i++) {
        if (!csv && d->fields[i].list_width == 0)
            continue;
        widths[n] = d->fields[i].list_width;
        if (csv && d->fields[i].type == REG_MONEY)
            head[n++] = owned[i] = xasprintf("%s（元）", d->fields[i].label);
        else
            head[n++] = d->fields[i].label;
    }
    for (i = 0; csv && i < d->nlinks; i++)
        head[n++] = d->links[i].label;
    return n;
}

/* The cells of one record; what they point to is freed by the caller. */
static int
regcli_cells(struct cli_ctx *ctx, const struct reg_def *d, const struct db_reg_rec *r, int csv,
             char **cells, struct err *e)
{
    char **labels, *s;
    size_t i, k, n = 0, nl;
    int rc;

    cells[n] = xstrdup(r->id);
    if (!csv)
        cells[n][8] = '\0';
    n++;
    for (i = 0; i < d->shape.ncols; i++) {
        if (!csv && d->fields[i].list_width == 0)
            continue;
        cells[n++] = csv ? regcli_csv_cell(d, r, i) : reg_show(d, r, i);
    }
    for (k = 0; csv && k < d->nlinks; k++) {
        if ((rc = reg_links(ctx->db, d, k, r->id, &labels, &nl, e)) != ERR_OK)
            return rc;
        s = NULL;
        for (i = 0; i < nl; i++) {
            char *t = xasprintf("%s%s%s", s ? s : "", s ? "；" : "", labels[i]);
            free(s);
            s = t;
        }
        cells[n++] = s ? s : xstrdup("");
        db_strings_free(labels, nl);
    }
    return ERR_OK;
}

static int
regcli_list(struct cli_ctx *ctx, const struct reg_def *d, int argc, char **argv, struct err *e)
{
    struct regcli_list_opts o;
    struct cli_reg_out out = {0};
    struct db_reg_rec recs[REGCLI_PAGE / 10];
    const char *head[REG_MAX_FIELDS + REG_MAX_LINKS + 1];
    char *owned[REG_MAX_FIELDS] = {0}, *cells[REG_MAX_FIELDS + REG_MAX_LINKS + 1];
    int widths[REG_MAX_FIELDS + REG_MAX_LINKS + 1], got, i, rc;
    size_t ncols, c;
    long off = 0;

    if ((rc = regcli_list_opts(d, argc, argv, &o, e)) != ERR_OK)
        return rc;
    ncols = regcli_head(d, o.csv, head, widths, owned);
    cli_reg_begin(&out, ctx, o.csv, head, widths, (int)ncols);
    do {
        rc = reg_page(ctx->db, d, &o.f, off, REGCLI_PAGE / 10, recs, &got, e);
        for (i = 0; i < got; i++) {
            memset(cells, 0, sizeof cells);
            if (rc == ERR_OK && (rc = regcli_cells(ctx, d, &recs[i], o.csv, cells, e)) == ERR_OK)
                cli_reg_row(&out, (const char *const *)cells);
            for (c = 0; c < ncols; c++)
                free(cells[c]);
            db_reg_rec_free(&recs[i], d->shape.ncols);
        }
        off += got;
    } while (rc == ERR_OK && got == REGCLI_PAGE / 10);
    cli_reg_end(&out);
    if (rc == ERR_OK && !o.csv)
        fprintf(ctx->out, "共 %ld 条%s%s。\n", off, o.f.archived ? "已删除的" : "", d->title);
    for (c = 0; c < REG_MAX_FIELDS; c++)
        free(owned[c]);
    return rc;
}

/* Prints "label：value" for each field and link of r. */
static int
regcli_print(struct cli_ctx *ctx, const struct reg_def *d, const struct db_reg_rec *r,
             struct err *e)
{
    char **labels, *v;
    size_t i, k, nl;
    int rc;

    fprintf(ctx->out, "%s：%s\n编号：%s\n", d->title, r->vals[d->label] ? r->vals[d->label] : "",
            r->id);
    for (i = 0; i < d->shape.ncols; i++) {
        if (i == d->label)
            continue;
        v = reg_show(d, r, i);
        fprintf(ctx->out, "%s：%s\n", d->fields[i].label, *v ? v : "无");
        free(v);
    }
    for (k = 0; k < d->nlinks; k++) {
        if ((rc = reg_links(ctx->db, d, k, r->id, &labels, &nl, e)) != ERR_OK)
            return rc;
        fprintf(ctx->out, "%s：", d->links[k].label);
        for (i = 0; i < nl; i++)
            fprintf(ctx->out, "%s%s", i ? "、" : "", labels[i]);
        fputs(nl ? "\n" : "无\n", ctx->out);
        db_strings_free(labels, nl);
    }
    fprintf(ctx->out, "录入：%s %s；最后修改：%s %s\n", r->created_by ? r->created_by : "",
            r->created_at ? r->created_at : "", r->updated_by ? r->updated_by : "",
            r->updated_at ? r->updated_at : "");
    if (r->archived_at)
        fprintf(ctx->out, "已于 %s 删除（归档），可用 restore 恢复。\n", r->archived_at);
    return ERR_OK;
}

int
cli_reg_print(struct cli_ctx *ctx, const struct reg_def *d, const char *id, struct err *e)
{
    struct db_reg_rec r;
    int rc;

    if ((rc = reg_get(ctx->db, d, id, &r, e)) != ERR_OK)
        return rc;
    rc = regcli_print(ctx, d, &r, e);
    db_reg_rec_free(&r, d->shape.ncols);
    return rc;
}

static int
regcli_show(struct cli_ctx *ctx, const struct reg_def *d, int argc, char **argv, struct err *e)
{
    char id[40];
    int rc;

    if (argc > 1)
        return err_field(e, ERR_INVALID, "-", "多余的参数“%s”。", argv[1]);
    if ((rc = cli_reg_target(ctx, d, argc, argv, id, e)) != ERR_OK)
        return rc;
    return cli_reg_print(ctx, d, id, e);
}

/* Prints what a save did: "已添加技术合同“…”（编号 1a2b3c4d）。" */
static int
regcli_saved(struct cli_ctx *ctx, const struct reg_def *d, const char *id, const char *verb,
             struct err *e)
{
    struct db_reg_rec r;
    char s[9];
    int rc;

    if ((rc = reg_get(ctx->db, d, id, &r, e)) != ERR_OK)
        return rc;
    cli_reg_short_id(r.id, s);
    fprintf(ctx->out, "已%s%s“%s”（编号 %s）。\n", verb, d->title,
            r.vals[d->label] ? r.vals[d->label] : "", s);
    db_reg_rec_free(&r, d->shape.ncols);
    return ERR_OK;
}

static int
regcli_add(struct cli_ctx *ctx, const struct reg_def *d, int argc, char **argv, struct err *e)
{
    struct reg_input in;
    char id[40];
    int rc;

    if ((rc = regcli_input(d, argc, argv, 0, &in, e)) != ERR_OK ||
        (rc = reg_save(ctx->db, ctx->user, d, NULL, &in, id, e)) != ERR_OK)
        return rc;
    return regcli_saved(ctx, d, id, "添加", e);
}

static int
regcli_set(struct cli_ctx *ctx, const struct reg_def *d, int argc, char **argv, struct err *e)
{
    struct reg_input in;
    char id[40];
    int rc;

    if ((rc = cli_reg_target(ctx, d, argc, argv, id, e)) != ERR_OK ||
        (rc = regcli_input(d, argc, argv, 1, &in, e)) != ERR_OK)
        return rc;
    if (argc < 2)
        return err_field(e, ERR_INVALID, "-", "请给出要修改的字段，如 --%s 新值。",
                         d->fields[d->label].key);
    if ((rc = reg_save(ctx->db, ctx->user, d, id, &in, id, e)) != ERR_OK)
        return rc;
    return regcli_saved(ctx, d, id, "修改", e);
}

static int
regcli_archive(struct cli_ctx *ctx, const struct reg_def *d, int argc, char **argv, int archive,
               struct err *e)
{
    char id[40];
    int rc;

    if (argc > 1)
        return err_field(e, ERR_INVALID, "-", "多余的参数“%s”。", argv[1]);
    if ((rc = cli_reg_target(ctx, d, argc, argv, id, e)) != ERR_OK ||
        (rc = reg_archive(ctx->db, ctx->user, d, id, archive, e)) != ERR_OK ||
        (rc = regcli_saved(ctx, d, id, archive ? "删除（归档）" : "恢复", e)) != ERR_OK)
        return rc;
    if (archive)
        fprintf(ctx->out, "记录仍保留在数据库中，可用 tuwei %s restore 恢复。\n", d->name);
    return ERR_OK;
}

/* Runs verb argv[0] of registry d. */
static int
regcli_run(struct cli_ctx *ctx, const struct reg_def *d, int argc, char **argv, struct err *e)
{
    const char *verb = argc > 0 ? argv[0] : "";

    if (strcmp(verb, "list") == 0)
        return regcli_list(ctx, d, argc - 1, argv + 1, e);
    if (strcmp(verb, "show") == 0)
        return regcli_show(ctx, d, argc - 1, argv + 1, e);
    if (strcmp(verb, "add") == 0)
        return regcli_add(ctx, d, argc - 1, argv + 1, e);
    if (strcmp(verb, "set") == 0)
        return regcli_set(ctx, d, argc - 1, argv + 1, e);
    if (strcmp(verb, "archive") == 0 || strcmp(verb, "restore") == 0)
        return regcli_archive(ctx, d, argc - 1, argv + 1, verb[0] == 'a', e);
    return err_field(e, ERR_INVALID, "-", "“%s”后应是 list、show、add、set、archive 或 restore。",
                     d->name);
}

/* One command per registry: `tuwei NAME VERB …`. */
#define REGCLI_COMMAND(fn, def)                                                                    \
    static int fn(struct cli_ctx *ctx, int argc, char **argv, struct err *e)                       \
    {                                                                                              \
        return regcli_run(ctx, &def, argc, argv, e);                                               \
    }

REGCLI_COMMAND(regcli_pilot, reg_pilot_project)
REGCLI_COMMAND(regcli_base, reg_pilot_base)
REGCLI_COMMAND(regcli_project, reg_project)
REGCLI_COMMAND(regcli_result, reg_result)
REGCLI_COMMAND(regcli_need, reg_need)
REGCLI_COMMAND(regcli_match, reg_match)
REGCLI_COMMAND(regcli_contract, reg_contract)
REGCLI_COMMAND(regcli_coop, reg_coop)
REGCLI_COMMAND(regcli_platform, reg_platform)
REGCLI_COMMAND(regcli_talent, reg_talent)
REGCLI_COMMAND(regcli_safeguard, reg_safeguard_note)

/* The Chinese name of a vocabulary: the registry and field that use it
 * (the caller frees it). */
static char *
regcli_vocab_label(const char *domain)
{
    size_t i, f;

    for (i = 0; reg_defs[i]; i++) {
        for (f = 0; f < reg_defs[i]->shape.ncols; f++) {
            if (reg_defs[i]->fields[f].vocab && strcmp(reg_defs[i]->fields[f].vocab, domain) == 0)
                return xasprintf("%s/%s", reg_defs[i]->title, reg_defs[i]->fields[f].label);
        }
    }
    return xstrdup(strcmp(domain, "exit_mode") == 0 ? "中试项目/退出方式" : domain);
}

/* Lists the words of one vocabulary, or of all when domain is NULL. */
static int
regcli_vocab_list(struct cli_ctx *ctx, const char *domain, struct err *e)
{
    char **names, *label;
    size_t i, j, n;
    int rc, shown = 0;

    for (i = 0; reg_vocab_domains[i]; i++) {
        if (domain && strcmp(domain, reg_vocab_domains[i]) != 0)
            continue;
        if ((rc = db_vocab_list(ctx->db, reg_vocab_domains[i], &names, &n, e)) != ERR_OK)
            return rc;
        label = regcli_vocab_label(reg_vocab_domains[i]);
        fprintf(ctx->out, "%s（%s）：", label, reg_vocab_domains[i]);
        for (j = 0; j < n; j++)
            fprintf(ctx->out, "%s%s", j ? "、" : "", names[j]);
        fputc('\n', ctx->out);
        free(label);
        db_strings_free(names, n);
        shown++;
    }
    if (shown == 0)
        return err_field(e, ERR_INVALID, "-", "没有“%s”这类可选值。", domain);
    return ERR_OK;
}

static int
regcli_vocab(struct cli_ctx *ctx, int argc, char **argv, struct err *e)
{
    const char *verb = argc > 0 ? argv[0] : "list";
    int add = strcmp(verb, "add") == 0, rc;

    if (strcmp(verb, "list") == 0) {
        if (argc > 2)
            return err_field(e, ERR_INVALID, "-", "多余的参数“%s”。", argv[2]);
        return regcli_vocab_list(ctx, argc > 1 ? argv[1] : NULL, e);
    }
    if (add || strcmp(verb, "archive") == 0) {
        if (argc != 3)
            return err_field(e, ERR_INVALID, "-", "用法：vocab %s 类别 可选值", verb);
        rc = add ? reg_vocab_add(ctx->db, ctx->user, argv[1], argv[2], e)
                 : reg_vocab_archive(ctx->db, ctx->user, argv[1], argv[2], e);
        if (rc == ERR_OK)
            fprintf(ctx->out, "已%s“%s”。\n", add ? "添加" : "停用", argv[2]);
        return rc;
    }
    if (argc > 1)
        return err_field(e, ERR_INVALID, "-", "多余的参数“%s”。", argv[1]);
    return regcli_vocab_list(ctx, verb, e);
}

#define REGCLI_VERBS " list|show|add|set|archive|restore ..."

const struct cli_cmd cli_reg_cmds[] = {
    {"pilot", NULL, CLI_DB_EXISTING, regcli_pilot, "pilot add|set|archive|restore ...",
     "中试项目：添加、修改、删除（归档）、恢复"},
    {"base", NULL, CLI_DB_EXISTING, regcli_base, "base" REGCLI_VERBS,
     "中试基地、创新中心、实训基地"},
    {"project", NULL, CLI_DB_EXISTING, regcli_project, "project" REGCLI_VERBS,
     "市级、自治区科技计划与“揭榜挂帅”项目"},
    {"result", NULL, CLI_DB_EXISTING, regcli_result, "result" REGCLI_VERBS, "科技成果（蒙科聚）"},
    {"need", NULL, CLI_DB_EXISTING, regcli_need, "need" REGCLI_VERBS, "技术需求（蒙科聚）"},
    {"match", NULL, CLI_DB_EXISTING, regcli_match, "match" REGCLI_VERBS, "成果与需求的对接"},
    {"contract", NULL, CLI_DB_EXISTING, regcli_contract, "contract" REGCLI_VERBS, "技术合同登记"},
    {"coop", NULL, CLI_DB_EXISTING, regcli_coop, "coop" REGCLI_VERBS, "校企合作协议"},
    {"platform", NULL, CLI_DB_EXISTING, regcli_platform, "platform" REGCLI_VERBS, "创新平台"},
    {"talent", NULL, CLI_DB_EXISTING, regcli_talent, "talent" REGCLI_VERBS, "引进的科技人才"},
    {"safeguard", NULL, CLI_DB_EXISTING, regcli_safeguard, "safeguard" REGCLI_VERBS,
     "保障措施落实记录"},
    {"vocab", NULL, CLI_DB_EXISTING, regcli_vocab,
     "vocab [list [类别]|add 类别 值|archive 类别 值]", "各登记表字段的可选值：列出、添加、停用"},
    {NULL, NULL, CLI_DB_NONE, NULL, NULL, NULL},
};
