/*
 * reg_load.c — the registries' reference rows shipped in assets/ref/:
 * vocabularies, pilot stages and their required items, S&T project kinds
 * and the stages of their flows. Keys come from names (uuid_from_name),
 * so loading twice, or in two offices, yields the same rows; a row that
 * exists is left as a clerk may have changed it.
 */
#include "src/reg.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/pilot.h"
#include "db/seed.h"
#include "src/asset.h"
#include "src/csv.h"
#include "src/uuid.h"
#include "src/xmalloc.h"

#define LOAD_MAX_COLS 8

/* One reference file: its header and the current record. */
struct load_csv {
    struct csv_reader *r;
    struct csv_row hdr, row;
    char *names[LOAD_MAX_COLS];
    size_t n;
};

/* The current record's value of column col ("" when absent). */
static const char *
load_get(const struct load_csv *c, const char *col)
{
    size_t i;

    for (i = 0; i < c->n; i++) {
        if (strcmp(c->names[i], col) == 0)
            return i < c->row.n ? c->row.fields[i] : "";
    }
    return "";
}

/* The name-based key of a reference row. */
static void
load_key(char out[UUID_LEN + 1], const char *a, const char *b, const char *c)
{
    char *s = xasprintf("%s:%s%s%s", a, b, c ? ":" : "", c ? c : "");

    uuid_from_name(s, out);
    free(s);
}

/* Writes one record of a file; adds to *added. */
typedef int (*load_row_fn)(struct db *db, const struct load_csv *c, long line, long *added,
                           struct err *e);

static int
load_file(struct db *db, const char *name, load_row_fn fn, long *added, struct err *e)
{
    const struct asset *a = asset_find(name);
    struct load_csv c;
    size_t i;
    int r = 0, rc = ERR_OK;

    memset(&c, 0, sizeof c);
    if (a == NULL)
        return err_set(e, ERR_IO, "程序缺少内置文件 %s", name);
    if ((c.r = csv_reader_new((const char *)a->data, a->len, e)) == NULL)
        return ERR_INVALID;
    if (csv_next(c.r, &c.row, e) != 1)
        rc = err_set(e, ERR_INVALID, "内置文件 %s 没有表头", name);
    for (i = 0; rc == ERR_OK && i < c.row.n && i < LOAD_MAX_COLS; i++)
        c.names[c.n++] = xstrdup(c.row.fields[i]);
    while (rc == ERR_OK && (r = csv_next(c.r, &c.row, e)) == 1)
        rc = fn(db, &c, c.row.line, added, e);
    if (rc == ERR_OK && r < 0)
        rc = ERR_INVALID;
    for (i = 0; i < c.n; i++)
        free(c.names[i]);
    csv_reader_free(c.r);
    return rc;
}

static int
load_put(struct db *db, const char *table, const char *id, const char *const *cols,
         const char *const *vals, size_t n, long *added, struct err *e)
{
    int one = 0, rc = db_seed_row(db, table, id, cols, vals, n, &one, e);

    *added += one;
    return rc;
}

static int
load_vocab(struct db *db, const struct load_csv *c, long line, long *added, struct err *e)
{
    static const char *const cols[] = {"domain", "name", "sort"};
    const char *vals[] = {load_get(c, "domain"), load_get(c, "name"), NULL};
    char id[UUID_LEN + 1], sort[24];

    snprintf(sort, sizeof sort, "%ld", line);
    vals[2] = sort;
    load_key(id, "vocab", vals[0], vals[1]);
    return load_put(db, "vocab", id, cols, vals, 3, added, e);
}

static int
load_pilot_stage(struct db *db, const struct load_csv *c, long line, long *added, struct err *e)
{
    static const char *const cols[] = {"code", "name", "kind", "facilities", "sort"};
    const char *vals[] = {load_get(c, "code"), load_get(c, "name"), load_get(c, "kind"),
                          load_get(c, "facilities"), NULL};
    char id[UUID_LEN + 1], sort[24];

    snprintf(sort, sizeof sort, "%ld", line * 10);
    vals[4] = sort;
    load_key(id, "pilot_stage", vals[0], NULL);
    return load_put(db, "pilot_stage", id, cols, vals, 5, added, e);
}

static int
load_pilot_item(struct db *db, const struct load_csv *c, long line, long *added, struct err *e)
{
    static const char *const cols[] = {"stage_id", "code", "name", "kind", "sort"};
    char id[UUID_LEN + 1], stage[UUID_LEN + 1], sort[24];
    const char *vals[] = {stage, load_get(c, "code"), load_get(c, "name"), load_get(c, "kind"),
                          sort};

    snprintf(sort, sizeof sort, "%ld", line);
    load_key(stage, "pilot_stage", load_get(c, "stage"), NULL);
    load_key(id, "pilot_stage_item", load_get(c, "stage"), vals[1]);
    return load_put(db, "pilot_stage_item", id, cols, vals, 5, added, e);
}

static int
load_project_kind(struct db *db, const struct load_csv *c, long line, long *added, struct err *e)
{
    static const char *const cols[] = {"code", "name", "level", "flow", "target_code", "sort"};
    const char *vals[] = {load_get(c, "code"), load_get(c, "name"),        load_get(c, "level"),
                          load_get(c, "flow"), load_get(c, "target_code"), NULL};
    char id[UUID_LEN + 1], sort[24];

    snprintf(sort, sizeof sort, "%ld", line);
    vals[5] = sort;
    load_key(id, "sci_project_kind", vals[0], NULL);
    return load_put(db, "sci_project_kind", id, cols, vals, 6, added, e);
}

static int
load_project_stage(struct db *db, const struct load_csv *c, long line, long *added, struct err *e)
{
    static const char *const cols[] = {"flow", "code", "name", "counts", "sort"};
    const char *vals[] = {load_get(c, "flow"), load_get(c, "code"), load_get(c, "name"),
                          load_get(c, "counts"), NULL};
    char id[UUID_LEN + 1], sort[24];

    snprintf(sort, sizeof sort, "%ld", line);
    vals[4] = sort;
    load_key(id, "sci_project_stage", vals[0], vals[1]);
    return load_put(db, "sci_project_stage", id, cols, vals, 5, added, e);
}

static const struct {
    const char *file;
    load_row_fn fn;
} load_files[] = {
    {"ref/vocab.csv", load_vocab},
    {"ref/pilot_stages.csv", load_pilot_stage},
    {"ref/pilot_stage_items.csv", load_pilot_item},
    {"ref/project_kinds.csv", load_project_kind},
    {"ref/project_stages.csv", load_project_stage},
};

int
reg_load(struct db *db, long *added, struct err *e)
{
    size_t i;
    long placed = 0;
    int rc = ERR_OK;

    for (i = 0; rc == ERR_OK && i < sizeof load_files / sizeof load_files[0]; i++)
        rc = load_file(db, load_files[i].file, load_files[i].fn, added, e);
    /* The plan's pilot projects (and any made before stages existed) start at the first stage. */
    if (rc == ERR_OK)
        rc = db_pilot_place_unstaged(db, &placed, e);
    return rc;
}
