/*
 * task_list.c — the task lists screens page through and the tallies the
 * summaries show. A list is a count plus pages (LIMIT/OFFSET), so a screen
 * reads only the rows it draws. Which tasks are overdue or stale is
 * compared against the dates in struct db_task_rules (see db/task.h).
 */
#include <stdlib.h>
#include <string.h>

#include "db/db_priv.h"
#include "db/task.h"
#include "src/xmalloc.h"

/* The rules as SQL over task t and its status s; p is the parameter
 * number of today (overdue) or of stale_before (stale). */
#define TASK_OVERDUE(p)                                                                            \
    "(coalesce(s.is_done, 0) = 0 AND (t.due_date < ?" p " OR t.milestone_due < ?" p "))"
#define TASK_STALE(p)                                                                              \
    "(coalesce(s.is_done, 0) = 0 AND"                                                              \
    " coalesce(t.report_last, t.start_date, substr(t.created_at, 1, 10)) < ?" p ")"

/* Parameters: ?1 action, ?2 unit, ?3 status, ?4 overdue only, ?5 stale only,
 * ?6 search text, ?7 the same as an FTS phrase (NULL when too short for
 * trigrams), ?8 archived, ?9 today, ?10 stale_before, ?11 limit, ?12 offset. */
#define TASK_LIST_FROM                                                                             \
    " FROM task t JOIN action a ON a.id = t.action_id"                                             \
    " LEFT JOIN task_status s ON s.id = t.status_id"                                               \
    " WHERE (t.archived_at IS NULL) = (?8 = 0)"                                                    \
    " AND (?1 IS NULL OR t.action_id = ?1)"                                                        \
    " AND (?2 IS NULL OR t.id IN (SELECT task_id FROM task_unit WHERE unit_id = ?2))"              \
    " AND (?3 IS NULL OR t.status_id = ?3)"                                                        \
    " AND (?4 = 0 OR " TASK_OVERDUE(                                                               \
        "9") ")"                                                                                   \
             " AND (?5 = 0 OR " TASK_STALE(                                                        \
                 "10") ")"                                                                         \
                       " AND (?6 IS NULL OR (CASE WHEN ?7 IS NOT NULL"                             \
                       "  THEN t.rowid IN (SELECT rowid FROM task_fts WHERE task_fts MATCH ?7)"    \
                       "  ELSE instr(t.title, ?6) > 0 OR instr(coalesce(t.body, ''), ?6) > 0 "     \
                       "END))"

#define TASK_LIST_SELECT                                                                           \
    "SELECT t.id, a.no, t.no, t.title, s.name, coalesce(s.is_done, 0),"                            \
    " (SELECT u.name FROM task_unit tu JOIN unit u ON u.id = tu.unit_id"                           \
    "  WHERE tu.task_id = t.id AND tu.role = 'lead' LIMIT 1) AS lead_name,"                        \
    " t.due_date, t.percent, coalesce(" TASK_OVERDUE(                                              \
        "9") ", 0) AS overdue,"                                                                    \
             " coalesce(" TASK_STALE(                                                              \
                 "10") ", 0) AS stale, t.report_last,"                                             \
                       " ?2 IS NOT NULL AND EXISTS (SELECT 1 FROM task_unit WHERE task_id = t.id"  \
                       "  AND unit_id = ?2 AND role = 'lead')" TASK_LIST_FROM

#define TASK_LIST_PAGE " LIMIT ?11 OFFSET ?12"

static const char task_count_sql[] = "SELECT count(*)" TASK_LIST_FROM;
static const char task_page_plan[] = TASK_LIST_SELECT " ORDER BY a.no, t.no, t.id" TASK_LIST_PAGE;
static const char task_page_due[] =
    TASK_LIST_SELECT " ORDER BY t.due_date IS NULL, t.due_date, a.no, t.no, t.id" TASK_LIST_PAGE;
static const char task_page_status[] =
    TASK_LIST_SELECT " ORDER BY s.sort, a.no, t.no, t.id" TASK_LIST_PAGE;
static const char task_page_unit[] =
    TASK_LIST_SELECT " ORDER BY lead_name IS NULL, lead_name, a.no, t.no, t.id" TASK_LIST_PAGE;
static const char task_page_late[] =
    TASK_LIST_SELECT " ORDER BY overdue DESC, stale DESC, t.due_date IS NULL, t.due_date,"
                     " a.no, t.no, t.id" TASK_LIST_PAGE;

/* Number of characters (not bytes) of UTF-8 s. */
static size_t
list_chars(const char *s)
{
    size_t n = 0;

    for (; *s; s++)
        n += ((unsigned char)*s & 0xc0) != 0x80;
    return n;
}

/* s as an FTS5 phrase: in double quotes, inner quotes doubled. */
static char *
list_phrase(const char *s)
{
    size_t n = strlen(s), i, o = 0;
    char *p = xmalloc(2 * n + 3);

    p[o++] = '"';
    for (i = 0; i < n; i++) {
        if (s[i] == '"')
            p[o++] = '"';
        p[o++] = s[i];
    }
    p[o++] = '"';
    p[o] = '\0';
    return p;
}

/* Binds q's filters (?1 .. ?10); *phrase gets what the caller frees after stepping. */
static void
list_bind(sqlite3_stmt *st, const struct db_task_query *q, char **phrase)
{
    const char *search = q->search && *q->search ? q->search : NULL;

    *phrase = search && list_chars(search) >= 3 ? list_phrase(search) : NULL;
    db_bind_text(st, 1, q->action_id);
    db_bind_text(st, 2, q->unit_id);
    db_bind_text(st, 3, q->status_id);
    sqlite3_bind_int(st, 4, q->overdue != 0);
    sqlite3_bind_int(st, 5, q->stale != 0);
    db_bind_text(st, 6, search);
    db_bind_text(st, 7, *phrase);
    sqlite3_bind_int(st, 8, q->archived != 0);
    sqlite3_bind_text(st, 9, q->rules.today, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 10, q->rules.stale_before, -1, SQLITE_STATIC);
}

int
db_task_count(struct db *db, const struct db_task_query *q, long *n, struct err *e)
{
    sqlite3_stmt *st = db_stmt(db, task_count_sql, e);
    char *phrase;
    int r;

    *n = 0;
    if (st == NULL)
        return ERR_DB;
    list_bind(st, q, &phrase);
    if ((r = db_step_row(db, st, e)) == 1)
        *n = sqlite3_column_int64(st, 0);
    sqlite3_reset(st);
    free(phrase);
    return r < 0 ? ERR_DB : ERR_OK;
}

static const char *
list_page_sql(enum db_task_sort sort)
{
    switch (sort) {
    case DB_TASK_SORT_DUE:
        return task_page_due;
    case DB_TASK_SORT_STATUS:
        return task_page_status;
    case DB_TASK_SORT_UNIT:
        return task_page_unit;
    case DB_TASK_SORT_LATE:
        return task_page_late;
    case DB_TASK_SORT_PLAN:
    default:
        return task_page_plan;
    }
}

static void
list_read(sqlite3_stmt *st, struct db_task_item *t)
{
    memset(t, 0, sizeof *t);
    db_col_copy(st, 0, t->id, sizeof t->id);
    t->action_no = sqlite3_column_int(st, 1);
    t->no = sqlite3_column_int(st, 2);
    t->title = db_col_text(st, 3);
    db_col_copy(st, 4, t->status, sizeof t->status);
    t->status_done = sqlite3_column_int(st, 5);
    t->lead_unit = db_col_text(st, 6);
    db_col_copy(st, 7, t->due_date, sizeof t->due_date);
    t->percent = sqlite3_column_int(st, 8);
    t->overdue = sqlite3_column_int(st, 9);
    t->stale = sqlite3_column_int(st, 10);
    db_col_copy(st, 11, t->report_last, sizeof t->report_last);
    t->lead = sqlite3_column_int(st, 12);
}

int
db_task_page(struct db *db, const struct db_task_query *q, long offset, int limit,
             struct db_task_item **out, size_t *n, struct err *e)
{
    sqlite3_stmt *st = db_stmt(db, list_page_sql(q->sort), e);
    struct db_task_item *t = NULL;
    char *phrase;
    int r;

    *out = NULL;
    *n = 0;
    if (st == NULL)
        return ERR_DB;
    list_bind(st, q, &phrase);
    sqlite3_bind_int(st, 11, limit);
    sqlite3_bind_int64(st, 12, offset);
    while ((r = db_step_row(db, st, e)) == 1) {
        t = xrealloc(t, (*n + 1) * sizeof *t);
        list_read(st, &t[(*n)++]);
    }
    sqlite3_reset(st);
    free(phrase);
    *out = t;
    return r < 0 ? ERR_DB : ERR_OK;
}

void
db_task_items_free(struct db_task_item *t, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++) {
        free(t[i].title);
        free(t[i].lead_unit);
    }
    free(t);
}

/* Tally rows: ?1 today, ?2 stale_before; columns: id, no, name, status_id,
 * tasks, overdue, stale, percent sum, led, shared. */
static const char tally_actions_sql[] =
    "SELECT a.id, a.no, a.name, t.status_id, count(t.id), coalesce(sum(" TASK_OVERDUE(
        "1") "), 0),"
             " coalesce(sum(" TASK_STALE(
                 "2") "), 0), coalesce(sum(t.percent), 0), 0, 0"
                      " FROM action a LEFT JOIN task t ON t.action_id = a.id AND t.archived_at IS "
                      "NULL"
                      " LEFT JOIN task_status s ON s.id = t.status_id"
                      " WHERE a.plan_id = (SELECT id FROM plan ORDER BY year DESC LIMIT 1)"
                      " GROUP BY a.id, t.status_id ORDER BY a.no";

static const char tally_units_sql[] =
    "SELECT u.id, 0, u.name, t.status_id, count(t.id), coalesce(sum(" TASK_OVERDUE(
        "1") "), 0),"
             " coalesce(sum(" TASK_STALE(
                 "2") "), 0), coalesce(sum(t.percent), 0),"
                      " count(t.id) FILTER (WHERE tu.role = 'lead'), count(t.id) FILTER (WHERE "
                      "tu.role = 'co')"
                      " FROM unit u LEFT JOIN task_unit tu ON tu.unit_id = u.id"
                      " LEFT JOIN task t ON t.id = tu.task_id AND t.archived_at IS NULL"
                      " LEFT JOIN task_status s ON s.id = t.status_id"
                      " WHERE u.archived_at IS NULL GROUP BY u.id, t.status_id ORDER BY u.sort, "
                      "u.name";

/* Index of status id among the statuses, or -1. */
static int
tally_status_index(const struct db_task_status *s, size_t ns, const char *id)
{
    size_t i;

    for (i = 0; i < ns && i < DB_TASK_STATUS_MAX; i++) {
        if (strcmp(s[i].id, id) == 0)
            return (int)i;
    }
    return -1;
}

/* Adds one grouped row to the tallies (a new tally when the id changes). */
static struct db_task_tally *
tally_add(struct db_task_tally *t, size_t *n, sqlite3_stmt *st, const struct db_task_status *s,
          size_t ns)
{
    struct db_task_tally *x;
    char id[DB_TASK_ID], status[DB_TASK_ID];
    long tasks = sqlite3_column_int64(st, 4);
    int si;

    db_col_copy(st, 0, id, sizeof id);
    if (*n == 0 || strcmp(t[*n - 1].id, id) != 0) {
        t = xrealloc(t, (*n + 1) * sizeof *t);
        x = &t[(*n)++];
        memset(x, 0, sizeof *x);
        memcpy(x->id, id, sizeof id);
        x->no = sqlite3_column_int(st, 1);
        x->name = db_col_text(st, 2);
    }
    x = &t[*n - 1];
    db_col_copy(st, 3, status, sizeof status);
    if ((si = tally_status_index(s, ns, status)) >= 0) {
        x->by_status[si] += tasks;
        if (s[si].is_done)
            x->done += tasks;
    }
    x->total += tasks;
    x->overdue += sqlite3_column_int64(st, 5);
    x->stale += sqlite3_column_int64(st, 6);
    x->percent_sum += sqlite3_column_int64(st, 7);
    x->lead += sqlite3_column_int64(st, 8);
    x->co += sqlite3_column_int64(st, 9);
    return t;
}

static int
tally_run(struct db *db, const char *sql, const struct db_task_rules *rules,
          struct db_task_tally **out, size_t *n, struct err *e)
{
    struct db_task_status *s;
    struct db_task_tally *t = NULL;
    sqlite3_stmt *st;
    size_t ns;
    int r, rc;

    *out = NULL;
    *n = 0;
    if ((rc = db_task_statuses(db, &s, &ns, e)) != ERR_OK)
        return rc;
    if ((st = db_stmt(db, sql, e)) == NULL) {
        free(s);
        return ERR_DB;
    }
    sqlite3_bind_text(st, 1, rules->today, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, rules->stale_before, -1, SQLITE_STATIC);
    while ((r = db_step_row(db, st, e)) == 1)
        t = tally_add(t, n, st, s, ns);
    sqlite3_reset(st);
    free(s);
    *out = t;
    return r < 0 ? ERR_DB : ERR_OK;
}

int
db_task_tally_actions(struct db *db, const struct db_task_rules *rules, struct db_task_tally **out,
                      size_t *n, struct err *e)
{
    return tally_run(db, tally_actions_sql, rules, out, n, e);
}

/* Most overdue first, then most stale, then the plan's order (kept by a stable key). */
static int
tally_cmp_late(const void *pa, const void *pb)
{
    const struct db_task_tally *a = pa, *b = pb;

    if (a->overdue != b->overdue)
        return a->overdue > b->overdue ? -1 : 1;
    if (a->stale != b->stale)
        return a->stale > b->stale ? -1 : 1;
    return (a->no > b->no) - (a->no < b->no);
}

int
db_task_tally_units(struct db *db, const struct db_task_rules *rules, struct db_task_tally **out,
                    size_t *n, struct err *e)
{
    size_t i;
    int rc = tally_run(db, tally_units_sql, rules, out, n, e);

    if (rc != ERR_OK)
        return rc;
    for (i = 0; i < *n; i++)
        (*out)[i].no = (int)i; /* the plan's order, as the tie-break */
    qsort(*out, *n, sizeof **out, tally_cmp_late);
    for (i = 0; i < *n; i++)
        (*out)[i].no = 0;
    return ERR_OK;
}

void
db_task_tallies_free(struct db_task_tally *t, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++)
        free(t[i].name);
    free(t);
}
