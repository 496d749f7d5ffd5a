/*
 * pilot_stage.c — an office adapting the pilot stages: the Dalad rules
 * themselves were not found (POLICY.md), so the shipped stages and items
 * are a default to add to and retire from. A stage goes after an existing
 * one and takes over whether the project has plant on the base there; the
 * final and exit stages stay as they are.
 */
#include "src/pilot.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "src/textw.h"
#include "src/uuid.h"
#include "src/xmalloc.h"

#define STAGE_NAME_COLS 40
#define STAGE_SPACING 10

/* The index of the stage text names (its name or code) in s, or -1. */
static long
stage_find(const struct db_pilot_stage *s, size_t n, const char *text)
{
    size_t i;

    for (i = 0; i < n; i++) {
        if (strcmp(s[i].name, text) == 0 || strcmp(s[i].code, text) == 0)
            return (long)i;
    }
    return -1;
}

/* Checks a new name: present, one line, not too wide. */
static int
stage_name_ok(const char *name, const char *what, struct err *e)
{
    if (name == NULL || *name == '\0')
        return err_field(e, ERR_INVALID, "name", "请填写%s的名称。", what);
    if (strchr(name, '\n') || textw_width(name) > STAGE_NAME_COLS)
        return err_field(e, ERR_INVALID, "name", "%s的名称应为一行，不超过 %d 个汉字。", what,
                         STAGE_NAME_COLS / 2);
    return ERR_OK;
}

/* A code for a row an office made: "office_" and part of its key. */
static void
stage_code(const char *id, char out[24])
{
    snprintf(out, 24, "office_%.8s", id);
}

/* Loads the stages and finds the one text names; ERR_INVALID when none. */
static int
stage_load(struct db *db, const char *text, struct db_pilot_stage **s, size_t *n, long *at,
           struct err *e)
{
    int rc;

    if ((rc = db_pilot_stages(db, NULL, s, n, e)) != ERR_OK)
        return rc;
    if ((*at = stage_find(*s, *n, text ? text : "")) < 0)
        return err_field(e, ERR_INVALID, "stage", "没有名为“%s”的阶段（可用 pilot stages 查看）。",
                         text ? text : "");
    return ERR_OK;
}

struct stage_job {
    char id[40], code[24];
    const char *name, *kind, *stage;
    int sort, facilities, shift_from;
};

static int
stage_add_tx(struct db *db, void *arg, struct err *e)
{
    struct stage_job *j = arg;
    int rc = ERR_OK;

    if (j->shift_from >= 0)
        rc = db_pilot_stage_shift(db, j->shift_from, STAGE_SPACING, e);
    if (rc == ERR_OK)
        rc = db_pilot_stage_insert(db, j->id, j->code, j->name, j->sort, j->kind, j->facilities, e);
    return rc;
}

/* Places j between stage a and the one after it, making room when needed. */
static void
stage_place(struct stage_job *j, const struct db_pilot_stage *s, size_t n, long a)
{
    int next;

    j->shift_from = -1;
    if ((size_t)a + 1 >= n) {
        j->sort = s[a].sort + STAGE_SPACING;
        return;
    }
    next = s[a + 1].sort;
    if (next - s[a].sort >= 2) {
        j->sort = s[a].sort + (next - s[a].sort) / 2;
        return;
    }
    j->shift_from = next;
    j->sort = s[a].sort + STAGE_SPACING / 2;
}

int
pilot_stage_add(struct db *db, const char *user, const char *name, const char *after, int run,
                struct err *e)
{
    struct db_pilot_stage *s = NULL;
    struct stage_job j;
    size_t n = 0;
    long a;
    int rc;

    memset(&j, 0, sizeof j);
    if ((rc = stage_name_ok(name, "阶段", e)) != ERR_OK ||
        (rc = stage_load(db, after, &s, &n, &a, e)) != ERR_OK)
        goto out;
    if (stage_find(s, n, name) >= 0) {
        rc = err_field(e, ERR_CONFLICT, "name", "已有名为“%s”的阶段。", name);
        goto out;
    }
    if (strcmp(s[a].kind, "step") != 0 && strcmp(s[a].kind, "run") != 0) {
        rc = err_field(e, ERR_INVALID, "after", "“%s”之后不能再加阶段。", s[a].name);
        goto out;
    }
    uuid_new(j.id);
    stage_code(j.id, j.code);
    j.name = name;
    j.kind = run ? "run" : "step";
    j.facilities = s[a].facilities;
    stage_place(&j, s, n, a);
    rc = db_write(db, user, stage_add_tx, &j, e);
out:
    db_pilot_stages_free(s, n);
    return rc;
}

static int
stage_archive_tx(struct db *db, void *arg, struct err *e)
{
    struct stage_job *j = arg;

    return j->stage ? db_pilot_item_archive(db, j->id, e) : db_pilot_stage_archive(db, j->id, e);
}

int
pilot_stage_archive(struct db *db, const char *user, const char *stage, struct err *e)
{
    struct db_pilot_stage *s = NULL;
    struct stage_job j;
    size_t n = 0;
    long a, at = 0;
    int rc;

    memset(&j, 0, sizeof j);
    if ((rc = stage_load(db, stage, &s, &n, &a, e)) != ERR_OK)
        goto out;
    if (strcmp(s[a].kind, "step") != 0 && strcmp(s[a].kind, "run") != 0) {
        rc = err_set(e, ERR_INVALID, "“%s”阶段不能停用。", s[a].name);
        goto out;
    }
    if ((rc = db_pilot_stage_projects(db, s[a].id, &at, e)) != ERR_OK)
        goto out;
    if (at > 0) {
        rc = err_set(e, ERR_INVALID, "还有 %ld 个中试项目处于“%s”阶段，请先把它们推进或退回。", at,
                     s[a].name);
        goto out;
    }
    snprintf(j.id, sizeof j.id, "%s", s[a].id);
    rc = db_write(db, user, stage_archive_tx, &j, e);
out:
    db_pilot_stages_free(s, n);
    return rc;
}

static int
stage_item_tx(struct db *db, void *arg, struct err *e)
{
    struct stage_job *j = arg;

    return db_pilot_item_insert(db, j->id, j->stage, j->code, j->name, j->kind, j->sort, e);
}

int
pilot_stage_item_add(struct db *db, const char *user, const char *stage, const char *name,
                     int is_date, struct err *e)
{
    struct db_pilot_stage *s = NULL;
    struct stage_job j;
    size_t n = 0, i;
    long a;
    int rc;

    memset(&j, 0, sizeof j);
    if ((rc = stage_name_ok(name, "材料项", e)) != ERR_OK ||
        (rc = stage_load(db, stage, &s, &n, &a, e)) != ERR_OK)
        goto out;
    if (strcmp(s[a].kind, "step") != 0 && strcmp(s[a].kind, "run") != 0) {
        rc = err_set(e, ERR_INVALID, "“%s”阶段之后没有下一阶段，无需登记材料。", s[a].name);
        goto out;
    }
    for (i = 0; i < s[a].nitems; i++) {
        if (strcmp(s[a].items[i].name, name) == 0) {
            rc = err_field(e, ERR_CONFLICT, "name", "“%s”阶段已有材料项“%s”。", s[a].name, name);
            goto out;
        }
    }
    uuid_new(j.id);
    stage_code(j.id, j.code);
    j.stage = s[a].id;
    j.name = name;
    j.kind = is_date ? "date" : "text";
    j.sort = 1000 + (int)s[a].nitems;
    rc = db_write(db, user, stage_item_tx, &j, e);
out:
    db_pilot_stages_free(s, n);
    return rc;
}

int
pilot_stage_item_archive(struct db *db, const char *user, const char *stage, const char *item,
                         struct err *e)
{
    struct db_pilot_stage *s = NULL;
    struct stage_job j;
    size_t n = 0, i;
    long a;
    int rc;

    memset(&j, 0, sizeof j);
    if ((rc = stage_load(db, stage, &s, &n, &a, e)) != ERR_OK)
        goto out;
    for (i = 0; i < s[a].nitems; i++) {
        if (strcmp(s[a].items[i].name, item) == 0 || strcmp(s[a].items[i].code, item) == 0)
            break;
    }
    if (i == s[a].nitems) {
        rc = err_field(e, ERR_INVALID, "item", "“%s”阶段没有材料项“%s”。", s[a].name, item);
        goto out;
    }
    snprintf(j.id, sizeof j.id, "%s", s[a].items[i].id);
    j.stage = s[a].id;
    rc = db_write(db, user, stage_archive_tx, &j, e);
out:
    db_pilot_stages_free(s, n);
    return rc;
}
