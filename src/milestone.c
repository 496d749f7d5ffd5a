/* milestone.c — adding, editing, completing and deleting a task's milestones. */
#include "src/field.h"
#include "src/milestone.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "src/date.h"
#include "src/task.h"
#include "src/uuid.h"
#include "src/xmalloc.h"

#define MILESTONE_TITLE_MAX 200 /* characters */

/* Parses an optional typed date into out ("" clears). */
static int
milestone_date(const char *text, const char *field, char out[DB_TASK_DATE], struct err *e)
{
    char *s = task_trim(text);
    int rc = ERR_OK;

    if (*s == '\0')
        out[0] = '\0';
    else if ((rc = date_parse(s, out, e)) != ERR_OK)
        rc = task_refield(e, field);
    free(s);
    return rc;
}

static int
milestone_apply(struct db_milestone *m, const struct milestone_input *in, const char *today,
                int insert, struct err *e)
{
    char *title;
    int rc = ERR_OK;

    if (in->title || insert) {
        title = task_trim(in->title ? in->title : "");
        free(m->title);
        m->title = title;
    }
    if (m->title == NULL || *m->title == '\0')
        return err_field(e, ERR_INVALID, "title", "请填写里程碑名称。");
    if ((rc = field_check_text("title", "里程碑名称", m->title, 0, e)) != ERR_OK)
        return rc;
    if (strlen(m->title) > MILESTONE_TITLE_MAX * 4)
        return err_field(e, ERR_INVALID, "title", "里程碑名称太长，请控制在 %d 个字以内。",
                         MILESTONE_TITLE_MAX);
    if (in->due_date)
        rc = milestone_date(in->due_date, "due_date", m->due_date, e);
    if (rc == ERR_OK && in->done_date)
        rc = milestone_date(in->done_date, "done_date", m->done_date, e);
    if (rc == ERR_OK && m->done_date[0] && strcmp(m->done_date, today) > 0)
        rc = err_field(e, ERR_INVALID, "done_date", "完成日期（%s）不能晚于今天（%s）。",
                       m->done_date, today);
    return rc;
}

/* The write of one milestone, for db_write. */
struct milestone_write_arg {
    struct db_milestone *m;
    int insert;
};

static int
milestone_write(struct db *db, void *arg, struct err *e)
{
    struct milestone_write_arg *a = arg;

    return a->insert ? db_milestone_insert(db, a->m, e) : db_milestone_update(db, a->m, e);
}

/* Refuses an archived task. */
static int
milestone_task_live(struct db *db, const char *task_id, struct err *e)
{
    struct db_task t;
    int rc = db_task_get(db, task_id, &t, e);

    if (rc == ERR_OK && t.archived_at[0])
        rc = err_set(e, ERR_INVALID, "任务 %d.%d 已删除（归档），请先恢复。", t.action_no, t.no);
    db_task_free(&t);
    return rc;
}

int
milestone_add(struct db *db, const char *user, const char *today, const char *task_id,
              const struct milestone_input *in, char id[DB_TASK_ID], struct err *e)
{
    struct db_milestone m;
    struct milestone_write_arg a = {&m, 1};
    int rc;

    memset(&m, 0, sizeof m);
    uuid_new(m.id);
    snprintf(m.task_id, sizeof m.task_id, "%s", task_id);
    if ((rc = milestone_task_live(db, task_id, e)) == ERR_OK &&
        (rc = milestone_apply(&m, in, today, 1, e)) == ERR_OK)
        rc = db_write(db, user, milestone_write, &a, e);
    if (rc == ERR_OK && id)
        memcpy(id, m.id, DB_TASK_ID);
    db_milestone_free(&m);
    return rc;
}

/* Reads the live milestone id (of a live task) into m. */
static int
milestone_load(struct db *db, const char *id, struct db_milestone *m, struct err *e)
{
    int rc = db_milestone_get(db, id, m, e);

    if (rc == ERR_OK && m->archived_at[0])
        rc = err_set(e, ERR_INVALID, "这个里程碑已删除，请先恢复。");
    if (rc == ERR_OK)
        rc = milestone_task_live(db, m->task_id, e);
    return rc;
}

int
milestone_update(struct db *db, const char *user, const char *today, const char *id,
                 const struct milestone_input *in, struct err *e)
{
    struct db_milestone m;
    struct milestone_write_arg a = {&m, 0};
    int rc;

    if ((rc = milestone_load(db, id, &m, e)) == ERR_OK &&
        (rc = milestone_apply(&m, in, today, 0, e)) == ERR_OK)
        rc = db_write(db, user, milestone_write, &a, e);
    db_milestone_free(&m);
    return rc;
}

int
milestone_done(struct db *db, const char *user, const char *today, const char *id, const char *date,
               int undo, struct err *e)
{
    struct milestone_input in = {0};

    in.done_date = undo ? "" : (date && *date ? date : today);
    return milestone_update(db, user, today, id, &in, e);
}

static int
milestone_archive_tx(struct db *db, void *arg, struct err *e)
{
    const char *id = arg;

    return db_milestone_archive(db, id, db_now(db), e);
}

int
milestone_archive(struct db *db, const char *user, const char *id, struct err *e)
{
    struct db_milestone m;
    char key[DB_TASK_ID];
    int rc = milestone_load(db, id, &m, e);

    memcpy(key, m.id, sizeof key);
    db_milestone_free(&m);
    if (rc != ERR_OK)
        return rc;
    return db_write(db, user, milestone_archive_tx, key, e);
}

int
milestone_find(struct db *db, const char *task_id, const char *ref, char id[DB_TASK_ID],
               struct err *e)
{
    struct db_milestone *m;
    size_t n;
    char *end;
    long i = ref ? strtol(ref, &end, 10) : 0;
    int rc;

    if (task_id == NULL || ref == NULL || *ref == '\0' || *end != '\0' || strlen(ref) > 3)
        return task_find_key(db, db_milestone_by_prefix, ref, "里程碑", id, e);
    if ((rc = db_milestones(db, task_id, 0, &m, &n, e)) != ERR_OK)
        return rc;
    if (i < 1 || (size_t)i > n)
        rc = err_field(e, ERR_INVALID, "milestone", "这项任务没有第 %ld 个里程碑（共 %zu 个）。", i,
                       n);
    else
        memcpy(id, m[i - 1].id, DB_TASK_ID);
    db_milestones_free(m, n);
    return rc;
}
