/*
 * task_history.c — turning a task's change-log entries into sentences.
 * Each table has a small table of its fields' Chinese labels; values that
 * are keys (status, unit) are shown by name; records are named by what
 * their insert recorded (a milestone's title, a report's month), which the
 * history always holds before any later change to them.
 */
#include "src/task_history.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "src/strbuf.h"
#include "src/textw.h"
#include "src/xmalloc.h"

#define HISTORY_TEXT_COLS 40 /* long values are cut to this many columns */

/* What earlier entries told about a row, for naming it later. */
struct history_row {
    char key[DB_TASK_ID];
    char *label;            /* a milestone's title, a report's month */
    char other[DB_TASK_ID]; /* a unit row's unit, a link row's enterprise */
};

struct history_ctx {
    struct db *db;
    struct db_task_status *status;
    size_t nstatus;
    struct history_row *rows;
    size_t nrows;
};

struct history_label {
    const char *key, *label;
};

static const struct history_label history_task_fields[] = {
    {"title", "任务名称"},      {"body", "任务内容"},     {"status_id", "状态"},
    {"start_date", "开始日期"}, {"due_date", "截止日期"}, {"percent", "进度"},
    {"action_id", "所属行动"},  {"no", "编号"},           {NULL, NULL},
};

static const struct history_label history_milestone_fields[] = {
    {"title", "名称"},
    {"due_date", "计划完成日期"},
    {"done_date", "完成日期"},
    {NULL, NULL},
};

static const struct history_label history_report_fields[] = {
    {"report_date", "报送日期"}, {"period", "报送月份"},
    {"progress", "进展情况"},    {"problems", "存在问题"},
    {"next_steps", "下步计划"},  {"unit_id", "报送单位"},
    {"person", "报送人"},        {NULL, NULL},
};

/* The field called key of entry h, or NULL. */
static const struct db_task_change_field *
history_get(const struct db_task_change *h, const char *key)
{
    size_t i;

    for (i = 0; i < h->nf; i++) {
        if (strcmp(h->f[i].key, key) == 0)
            return &h->f[i];
    }
    return NULL;
}

/* The new (or, for a delete, old) value of field key, or "". */
static const char *
history_value(const struct db_task_change *h, const char *key)
{
    const struct db_task_change_field *f = history_get(h, key);
    const char *v = f ? (f->new_value ? f->new_value : f->old_value) : NULL;

    return v ? v : "";
}

static struct history_row *
history_row(struct history_ctx *c, const char *key)
{
    size_t i;

    for (i = 0; i < c->nrows; i++) {
        if (strcmp(c->rows[i].key, key) == 0)
            return &c->rows[i];
    }
    c->rows = xrealloc(c->rows, (c->nrows + 1) * sizeof *c->rows);
    memset(&c->rows[c->nrows], 0, sizeof *c->rows);
    snprintf(c->rows[c->nrows].key, sizeof c->rows[c->nrows].key, "%s", key);
    return &c->rows[c->nrows++];
}

/* Appends a value as a clerk reads it: names for keys, % for percent, cut when long. */
static void
history_put_value(struct history_ctx *c, struct strbuf *b, const char *key, const char *v)
{
    char name[256];
    char *cut;
    size_t i;

    if (v == NULL || *v == '\0') {
        strbuf_puts(b, "（空）");
        return;
    }
    if (strcmp(key, "status_id") == 0) {
        for (i = 0; i < c->nstatus && strcmp(c->status[i].id, v) != 0; i++)
            ;
        strbuf_puts(b, i < c->nstatus ? c->status[i].name : v);
    } else if (strcmp(key, "unit_id") == 0) {
        strbuf_puts(b, db_unit_name(c->db, v, name, sizeof name, NULL) == ERR_OK ? name : v);
    } else if (strcmp(key, "percent") == 0) {
        strbuf_printf(b, "%s%%", v);
    } else {
        cut = textw_truncate(v, HISTORY_TEXT_COLS);
        strbuf_puts(b, cut);
        free(cut);
    }
}

/* Appends "label old → new" for each labelled field of an update; returns how many. */
static int
history_changes(struct history_ctx *c, struct strbuf *b, const struct db_task_change *h,
                const struct history_label *labels)
{
    const struct history_label *l;
    const struct db_task_change_field *f;
    int n = 0;

    for (l = labels; l->key; l++) {
        if ((f = history_get(h, l->key)) == NULL)
            continue;
        strbuf_puts(b, n++ ? "；" : "");
        strbuf_printf(b, "%s ", l->label);
        history_put_value(c, b, l->key, f->old_value);
        strbuf_puts(b, " -> ");
        history_put_value(c, b, l->key, f->new_value);
    }
    return n;
}

/* How many of the labelled fields an entry holds. */
static int
history_labelled(const struct db_task_change *h, const struct history_label *labels)
{
    const struct history_label *l;
    int n = 0;

    for (l = labels; l->key; l++)
        n += history_get(h, l->key) != NULL;
    return n;
}

/* 0: archived_at untouched; 1: archived; -1: restored. */
static int
history_archive_move(const struct db_task_change *h)
{
    const struct db_task_change_field *f = history_get(h, "archived_at");

    if (f == NULL || strcmp(h->op, "update") != 0)
        return 0;
    return f->new_value ? 1 : -1;
}

static void
history_task(struct history_ctx *c, struct strbuf *b, const struct db_task_change *h)
{
    int move = history_archive_move(h);

    if (strcmp(h->op, "insert") == 0) {
        strbuf_puts(b, "新建任务：");
        history_put_value(c, b, "title", history_value(h, "title"));
    } else if (move) {
        strbuf_puts(b, move > 0 ? "删除任务（已归档，可恢复）" : "恢复任务");
    } else if (strcmp(h->op, "update") == 0) {
        strbuf_puts(b, "修改任务：");
        if (history_changes(c, b, h, history_task_fields) == 0)
            strbuf_reset(b); /* only the program's own bookkeeping moved */
    } else {
        strbuf_puts(b, "彻底删除任务");
    }
}

static void
history_milestone(struct history_ctx *c, struct strbuf *b, const struct db_task_change *h)
{
    struct history_row *r = history_row(c, h->row_key);
    const struct db_task_change_field *done = history_get(h, "done_date");
    int move = history_archive_move(h);
    size_t mark;

    if (strcmp(h->op, "insert") == 0) {
        free(r->label);
        r->label = xstrdup(history_value(h, "title"));
        strbuf_printf(b, "新增里程碑：%s", r->label);
        if (*history_value(h, "due_date"))
            strbuf_printf(b, "（计划 %s 完成）", history_value(h, "due_date"));
        return;
    }
    if (move) {
        strbuf_printf(b, "%s里程碑：%s", move > 0 ? "删除" : "恢复", r->label ? r->label : "");
        return;
    }
    if (done && history_labelled(h, history_milestone_fields) == 1) {
        if (done->new_value == NULL) {
            strbuf_printf(b, "里程碑改为未完成：%s", r->label ? r->label : "");
            return;
        }
        strbuf_printf(b, "完成里程碑：%s（%s）", r->label ? r->label : "", done->new_value);
        return;
    }
    strbuf_printf(b, "修改里程碑“%s”：", r->label ? r->label : "");
    mark = b->len;
    history_changes(c, b, h, history_milestone_fields);
    if (b->len == mark)
        strbuf_reset(b);
    if (history_get(h, "title")) {
        free(r->label);
        r->label = xstrdup(history_value(h, "title"));
    }
}

static void
history_report(struct history_ctx *c, struct strbuf *b, const struct db_task_change *h)
{
    struct history_row *r = history_row(c, h->row_key);
    int move = history_archive_move(h);
    size_t mark;

    if (strcmp(h->op, "insert") == 0) {
        free(r->label);
        r->label = xstrdup(history_value(h, "period"));
        strbuf_printf(b, "报送进展（%s", r->label);
        if (*history_value(h, "unit_id")) {
            strbuf_puts(b, "，");
            history_put_value(c, b, "unit_id", history_value(h, "unit_id"));
        }
        if (*history_value(h, "person"))
            strbuf_printf(b, "，%s", history_value(h, "person"));
        strbuf_puts(b, "）：");
        history_put_value(c, b, "progress", history_value(h, "progress"));
        return;
    }
    if (move) {
        strbuf_printf(b, "%s进展报送（%s）", move > 0 ? "删除" : "恢复", r->label ? r->label : "");
        return;
    }
    strbuf_printf(b, "修改进展报送（%s）：", r->label ? r->label : "");
    mark = b->len;
    history_changes(c, b, h, history_report_fields);
    if (b->len == mark)
        strbuf_reset(b);
}

static void
history_unit(struct history_ctx *c, struct strbuf *b, const struct db_task_change *h)
{
    struct history_row *r = history_row(c, h->row_key);
    char name[256] = "";
    const char *role = history_value(h, "role");

    if (*history_value(h, "unit_id"))
        snprintf(r->other, sizeof r->other, "%s", history_value(h, "unit_id"));
    if (db_unit_name(c->db, r->other, name, sizeof name, NULL) != ERR_OK)
        snprintf(name, sizeof name, "（未知单位）");
    if (strcmp(h->op, "insert") == 0)
        strbuf_printf(b, "%s：%s", strcmp(role, "lead") == 0 ? "牵头单位" : "增加配合单位", name);
    else if (strcmp(h->op, "update") == 0 && history_get(h, "role"))
        strbuf_printf(b, "%s 改为%s", name, strcmp(role, "lead") == 0 ? "牵头单位" : "配合单位");
    else if (strcmp(h->op, "delete") == 0)
        strbuf_printf(b, "移除责任单位：%s", name);
}

static void
history_link(struct history_ctx *c, struct strbuf *b, const struct db_task_change *h)
{
    struct history_row *r = history_row(c, h->row_key);
    int ent = strcmp(h->tbl, "task_enterprise") == 0;
    const char *col = ent ? "enterprise_id" : "institution_id";
    char name[256] = "";

    if (*history_value(h, col))
        snprintf(r->other, sizeof r->other, "%s", history_value(h, col));
    if (db_task_link_name(c->db, ent ? DB_TASK_LINK_ENTERPRISE : DB_TASK_LINK_INSTITUTION, r->other,
                          name, sizeof name, NULL) != ERR_OK)
        snprintf(name, sizeof name, "（已不在名录中）");
    if (strcmp(h->op, "insert") == 0)
        strbuf_printf(b, "关联%s：%s", ent ? "企业" : "高校院所", name);
    else if (strcmp(h->op, "delete") == 0)
        strbuf_printf(b, "取消关联%s：%s", ent ? "企业" : "高校院所", name);
}

/* UTC "YYYY-MM-DDTHH:MM:SSZ" as local "YYYY-MM-DD HH:MM". */
static void
history_when(const char *utc, char out[20])
{
    struct tm tm;
    time_t t;

    memset(&tm, 0, sizeof tm);
    if (sscanf(utc, "%4d-%2d-%2dT%2d:%2d:%2d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday, &tm.tm_hour,
               &tm.tm_min, &tm.tm_sec) != 6) {
        snprintf(out, 20, "%.16s", utc);
        return;
    }
    tm.tm_year -= 1900;
    tm.tm_mon -= 1;
    t = timegm(&tm);
    localtime_r(&t, &tm);
    strftime(out, 20, "%Y-%m-%d %H:%M", &tm);
}

/* 1 when the record the entry archived is archived still. */
static int
history_still_archived(struct db *db, const struct db_task_change *h)
{
    struct db_task t;
    struct db_milestone m;
    struct db_report r;
    int yes = 0;

    if (strcmp(h->tbl, "task") == 0 && db_task_get(db, h->row_key, &t, NULL) == ERR_OK) {
        yes = t.archived_at[0] != '\0';
        db_task_free(&t);
    } else if (strcmp(h->tbl, "task_milestone") == 0 &&
               db_milestone_get(db, h->row_key, &m, NULL) == ERR_OK) {
        yes = m.archived_at[0] != '\0';
        db_milestone_free(&m);
    } else if (strcmp(h->tbl, "task_report") == 0 &&
               db_report_get(db, h->row_key, &r, NULL) == ERR_OK) {
        yes = r.archived_at[0] != '\0';
        db_report_free(&r);
    }
    return yes;
}

/* Tells entry h into b (left empty when there is nothing to tell). */
static void
history_tell(struct history_ctx *c, struct strbuf *b, const struct db_task_change *h)
{
    if (strcmp(h->tbl, "task") == 0)
        history_task(c, b, h);
    else if (strcmp(h->tbl, "task_milestone") == 0)
        history_milestone(c, b, h);
    else if (strcmp(h->tbl, "task_report") == 0)
        history_report(c, b, h);
    else if (strcmp(h->tbl, "task_unit") == 0)
        history_unit(c, b, h);
    else
        history_link(c, b, h);
}

static void
history_add(struct history_ctx *c, const struct db_task_change *h, struct task_history_item **out,
            size_t *n)
{
    struct strbuf b = STRBUF_INIT;
    struct task_history_item *it;

    history_tell(c, &b, h);
    if (b.len == 0) {
        strbuf_free(&b);
        return;
    }
    *out = xrealloc(*out, (*n + 1) * sizeof **out);
    it = &(*out)[(*n)++];
    memset(it, 0, sizeof *it);
    it->seq = h->seq;
    history_when(h->at, it->when);
    it->user = xstrdup(h->user ? h->user : "");
    it->text = strbuf_take(&b);
    snprintf(it->tbl, sizeof it->tbl, "%s", h->tbl);
    snprintf(it->row_key, sizeof it->row_key, "%s", h->row_key);
    it->restorable = history_archive_move(h) > 0 && history_still_archived(c->db, h);
}

int
task_history(struct db *db, const char *task_id, struct task_history_item **out, size_t *n,
             struct err *e)
{
    struct history_ctx c = {db, NULL, 0, NULL, 0};
    struct db_task_change *h;
    size_t nh, i;
    int rc;

    *out = NULL;
    *n = 0;
    if ((rc = db_task_statuses(db, &c.status, &c.nstatus, e)) != ERR_OK)
        return rc;
    if ((rc = db_task_history(db, task_id, &h, &nh, e)) == ERR_OK) {
        for (i = 0; i < nh; i++)
            history_add(&c, &h[i], out, n);
        db_task_history_free(h, nh);
    }
    for (i = 0; i < c.nrows; i++)
        free(c.rows[i].label);
    free(c.rows);
    free(c.status);
    return rc;
}

void
task_history_free(struct task_history_item *h, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++) {
        free(h[i].user);
        free(h[i].text);
    }
    free(h);
}
