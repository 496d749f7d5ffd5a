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
#include "src/hash.h"
#include "src/xmalloc.h"

/* clang-format off */

/* The rules as SQL over task t and its status s; p is the parameter
 * number of today (overdue) or of stale_before (stale). */
#define TASK_OVERDUE(p)                                                                            \
    "(coalesce(s.is_done, 0) = 0 AND (t.due_date < ?" p " OR t.milestone_due < ?" p "))"
#define TASK_STALE(p)                                                                              \
    "(coalesce(s.is_done, 0) = 0 AND"                                                              \
    " coalesce(t.report_last, t.start_date, substr(t.created_at, 1, 10)) < ?" p ")"

/* Parameters: ?1 action, ?2 unit, ?3 status, ?4 overdue only, ?5 stale only,
 * ?6 search text, ?7 the same as an FTS phrase (NULL when too short for
 * trigrams), ?8 archived, ?9 today, ?10 stale_before, ?11 limit, ?12 offset.
 * A list of one unit's tasks has its own statements: for a unit with few
 * tasks SQLite reads just those (from index task_unit_by_unit_task); for
 * one that shares most of them (the coordinating centre) a pass over every
 * task is cheaper than a lookup per task, so the + keeps the index out. */
#define TASK_LIST_FROM(unit)                                                                       \
    " FROM task t JOIN action a ON a.id = t.action_id"                                             \
    " LEFT JOIN task_status s ON s.id = t.status_id"                                               \
    " WHERE (t.archived_at IS NULL) = (?8 = 0)" unit                                               \
    " AND (?1 IS NULL OR t.action_id = ?1)"                                                        \
    " AND (?3 IS NULL OR t.status_id = ?3)"                                                        \
    " AND (?4 = 0 OR " TASK_OVERDUE("9") ")"                                                       \
    " AND (?5 = 0 OR " TASK_STALE("10") ")"

/* The search: a text of three characters or more through the trigram
 * index (which then drives the query when no unit does), shorter ones by
 * reading the titles and texts. */
#define TASK_SEARCH                                                                                \
    " AND (?6 IS NULL OR (CASE WHEN ?7 IS NOT NULL"                                                \
    "  THEN t.rowid IN (SELECT rowid FROM task_fts WHERE task_fts MATCH ?7)"                       \
    "  ELSE instr(t.title, ?6) > 0 OR instr(coalesce(t.body, ''), ?6) > 0 END))"
#define TASK_SEARCH_FTS " AND t.rowid IN (SELECT rowid FROM task_fts WHERE task_fts MATCH ?7)"

#define TASK_ANY_UNIT TASK_SEARCH
#define TASK_ANY_UNIT_FTS TASK_SEARCH_FTS
#define TASK_FEW_UNIT " AND t.id IN (SELECT task_id FROM task_unit WHERE unit_id = ?2)" TASK_SEARCH
#define TASK_MANY_UNIT " AND +t.id IN (SELECT task_id FROM task_unit WHERE unit_id = ?2)" TASK_SEARCH

/* The lead unit's name of the task with key k. */
#define TASK_LEAD(k)                                                                               \
    "(SELECT u.name FROM task_unit tu JOIN unit u ON u.id = tu.unit_id"                            \
    " WHERE tu.task_id = " k " AND tu.role = 'lead' LIMIT 1)"

/* The rows in order; the sort keys are named so the page can be ordered again. */
#define TASK_LIST_ROWS(unit, extra)                                                                \
    "SELECT t.id AS id, a.no AS ano, t.no AS tno, t.title AS title, s.name AS sname,"              \
    " coalesce(s.is_done, 0) AS done, s.sort AS ssort, t.due_date AS due, t.percent AS pct,"       \
    " coalesce(" TASK_OVERDUE("9") ", 0) AS overdue, coalesce(" TASK_STALE("10") ", 0) AS stale,"  \
    " t.report_last AS rlast" extra TASK_LIST_FROM(unit)

/* One page: the rows are sorted and cut first, and only the page's rows
 * then look up their lead unit (unless the order needs it for every row). */
#define TASK_LIST_PAGE(unit, order, extra, lead)                                                   \
    "SELECT id, ano, tno, title, sname, done, " lead ", due, pct, overdue, stale, rlast,"          \
    " ?2 IS NOT NULL AND EXISTS (SELECT 1 FROM task_unit WHERE task_id = x.id"                     \
    "  AND unit_id = ?2 AND role = 'lead')"                                                        \
    " FROM (" TASK_LIST_ROWS(unit, extra) " ORDER BY " order " LIMIT ?11 OFFSET ?12) x"            \
    " ORDER BY " order

#define TASK_LIST_LATER ""
#define TASK_LIST_NOW ", " TASK_LEAD("t.id") " AS lead_name"

#define TASK_ORDER_PLAN "ano, tno, id"
#define TASK_ORDER_DUE "due IS NULL, due, ano, tno, id"
#define TASK_ORDER_STATUS "ssort, ano, tno, id"
#define TASK_ORDER_UNIT "lead_name IS NULL, lead_name, ano, tno, id"
#define TASK_ORDER_LATE "overdue DESC, stale DESC, due IS NULL, due, ano, tno, id"

/* The statements of each sort, for any unit and for one unit. */
#define TASK_PAGES(unit)                                                                           \
    {TASK_LIST_PAGE(unit, TASK_ORDER_PLAN, TASK_LIST_LATER, TASK_LEAD("x.id")),                    \
     TASK_LIST_PAGE(unit, TASK_ORDER_DUE, TASK_LIST_LATER, TASK_LEAD("x.id")),                     \
     TASK_LIST_PAGE(unit, TASK_ORDER_STATUS, TASK_LIST_LATER, TASK_LEAD("x.id")),                  \
     TASK_LIST_PAGE(unit, TASK_ORDER_UNIT, TASK_LIST_NOW, "lead_name"),                            \
     TASK_LIST_PAGE(unit, TASK_ORDER_LATE, TASK_LIST_LATER, TASK_LEAD("x.id"))}

/* Indexed by enum list_unit, then by enum db_task_sort. */
static const char task_counts[][1024] = {
    "SELECT count(*)" TASK_LIST_FROM(TASK_ANY_UNIT),
    "SELECT count(*)" TASK_LIST_FROM(TASK_FEW_UNIT),
    "SELECT count(*)" TASK_LIST_FROM(TASK_MANY_UNIT),
    "SELECT count(*)" TASK_LIST_FROM(TASK_ANY_UNIT_FTS)};
static const char task_pages[][5][2048] = {
    TASK_PAGES(TASK_ANY_UNIT), TASK_PAGES(TASK_FEW_UNIT), TASK_PAGES(TASK_MANY_UNIT),
    TASK_PAGES(TASK_ANY_UNIT_FTS)};

/* clang-format on */

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

/* q's search as an FTS phrase, or NULL when it has none of three characters
 * or more; the caller frees it after stepping. */
static char *
list_query_phrase(const struct db_task_query *q)
{
    return q->search && list_chars(q->search) >= 3 ? list_phrase(q->search) : NULL;
}

/* Binds q's filters (?1 .. ?10). */
static void
list_bind(sqlite3_stmt *st, const struct db_task_query *q, const char *phrase)
{
    const char *search = q->search && *q->search ? q->search : NULL;

    db_bind_text(st, 1, q->action_id);
    db_bind_text(st, 2, q->unit_id);
    db_bind_text(st, 3, q->status_id);
    sqlite3_bind_int(st, 4, q->overdue != 0);
    sqlite3_bind_int(st, 5, q->stale != 0);
    db_bind_text(st, 6, search);
    db_bind_text(st, 7, phrase);
    sqlite3_bind_int(st, 8, q->archived != 0);
    sqlite3_bind_text(st, 9, q->rules.today, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 10, q->rules.stale_before, -1, SQLITE_STATIC);
}

/* Which statements a query takes: any unit, one with few tasks, one with
 * many; any unit and a text the trigram index finds. */
enum list_unit {
    LIST_ANY_UNIT,
    LIST_FEW_UNIT,
    LIST_MANY_UNIT,
    LIST_ANY_UNIT_FTS,
};

/* Links above which a unit's tasks are found by reading every task. */
#define LIST_MANY_LINKS 1000

static enum list_unit
list_unit_kind(struct db *db, const struct db_task_query *q, const char *phrase)
{
    static const char sql[] = "SELECT count(*) FROM task_unit WHERE unit_id = ?1";
    sqlite3_stmt *st;
    long n = 0;

    if (q->unit_id == NULL)
        return phrase ? LIST_ANY_UNIT_FTS : LIST_ANY_UNIT;
    if ((st = db_stmt(db, sql, NULL)) == NULL)
        return LIST_MANY_UNIT;
    sqlite3_bind_text(st, 1, q->unit_id, -1, SQLITE_STATIC);
    if (sqlite3_step(st) == SQLITE_ROW)
        n = sqlite3_column_int64(st, 0);
    sqlite3_reset(st);
    return n > LIST_MANY_LINKS ? LIST_MANY_UNIT : LIST_FEW_UNIT;
}

static const char *
list_page_sql(struct db *db, const struct db_task_query *q, const char *phrase)
{
    int sort = q->sort >= DB_TASK_SORT_PLAN && q->sort <= DB_TASK_SORT_LATE ? (int)q->sort : 0;

    return task_pages[list_unit_kind(db, q, phrase)][sort];
}

int
db_task_count(struct db *db, const struct db_task_query *q, long *n, struct err *e)
{
    char *phrase = list_query_phrase(q);
    sqlite3_stmt *st = db_stmt(db, task_counts[list_unit_kind(db, q, phrase)], e);
    int r;

    *n = 0;
    if (st == NULL) {
        free(phrase);
        return ERR_DB;
    }
    list_bind(st, q, phrase);
    if ((r = db_step_row(db, st, e)) == 1)
        *n = sqlite3_column_int64(st, 0);
    sqlite3_reset(st);
    free(phrase);
    return r < 0 ? ERR_DB : ERR_OK;
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
    char *phrase = list_query_phrase(q);
    sqlite3_stmt *st = db_stmt(db, list_page_sql(db, q, phrase), e);
    struct db_task_item *t = NULL;
    int r;

    *out = NULL;
    *n = 0;
    if (st == NULL) {
        free(phrase);
        return ERR_DB;
    }
    list_bind(st, q, phrase);
    sqlite3_bind_int(st, 11, limit);
    sqlite3_bind_int64(st, 12, offset);
    while ((r = db_step_row(db, st, e)) == 1) {
        t = db_grow(t, *n, sizeof *t);
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

/* The tallies are counted in one pass over the live tasks (each one's
 * status, overdue and stale flags computed by the rules' SQL), summed by
 * action here, then once over task_unit, each link looked up by the
 * task's key: two sequential scans instead of a lookup per link. */
static const char tally_tasks_sql[] =
    "SELECT t.id, t.action_id, t.status_id, coalesce(" TASK_OVERDUE(
        "1") ", 0),"
             " coalesce(" TASK_STALE("2") ", 0), t.percent"
                                          " FROM task t LEFT JOIN task_status s ON s.id = "
                                          "t.status_id WHERE t.archived_at IS NULL";
static const char tally_actions_sql[] =
    "SELECT id, no, name FROM action"
    " WHERE plan_id = (SELECT id FROM plan ORDER BY year DESC LIMIT 1) ORDER BY no";
static const char tally_units_sql[] =
    "SELECT id, 0, name FROM unit WHERE archived_at IS NULL ORDER BY sort, tuwei_sortkey(name)";
static const char tally_links_sql[] = "SELECT task_id, unit_id, role = 'lead' FROM task_unit";

/* One live task as counted. */
struct tally_task {
    char id[DB_TASK_ID];
    int status; /* index among the statuses, -1 when none */
    int overdue, stale, percent;
};

/* The live tasks, with an open-addressing index on their keys. */
struct tally_set {
    struct tally_task *t;
    size_t n, cap;
    size_t *slot; /* index + 1 into t, 0 for empty */
    size_t nslot;
};

static size_t
tally_hash(const char *s)
{
    return (size_t)hash_str(s, HASH_SEED);
}

static void
tally_index(struct tally_set *ts)
{
    size_t i, h;

    for (ts->nslot = 16; ts->nslot < ts->n * 2; ts->nslot *= 2)
        ;
    ts->slot = xcalloc(ts->nslot, sizeof *ts->slot);
    for (i = 0; i < ts->n; i++) {
        for (h = tally_hash(ts->t[i].id) & (ts->nslot - 1); ts->slot[h];
             h = (h + 1) & (ts->nslot - 1))
            ;
        ts->slot[h] = i + 1;
    }
}

static const struct tally_task *
tally_find(const struct tally_set *ts, const char *id)
{
    size_t h;

    for (h = tally_hash(id) & (ts->nslot - 1); ts->slot[h]; h = (h + 1) & (ts->nslot - 1)) {
        if (strcmp(ts->t[ts->slot[h] - 1].id, id) == 0)
            return &ts->t[ts->slot[h] - 1];
    }
    return NULL;
}

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

/* Adds one task to tally x. */
static void
tally_count(struct db_task_tally *x, const struct tally_task *t, const struct db_task_status *s)
{
    x->total++;
    x->overdue += t->overdue;
    x->stale += t->stale;
    x->percent_sum += t->percent;
    if (t->status >= 0) {
        x->by_status[t->status]++;
        x->done += s[t->status].is_done != 0;
    }
}

/* The rows of sql (id, no, name) as empty tallies. */
static int
tally_list(struct db *db, const char *sql, struct db_task_tally **out, size_t *n, struct err *e)
{
    sqlite3_stmt *st = db_stmt(db, sql, e);
    struct db_task_tally *t = NULL;
    int r;

    *out = NULL;
    *n = 0;
    if (st == NULL)
        return ERR_DB;
    while ((r = db_step_row(db, st, e)) == 1) {
        t = db_grow(t, *n, sizeof *t);
        memset(&t[*n], 0, sizeof *t);
        db_col_copy(st, 0, t[*n].id, sizeof t[*n].id);
        t[*n].no = sqlite3_column_int(st, 1);
        t[*n].name = db_col_text(st, 2);
        (*n)++;
    }
    sqlite3_reset(st);
    *out = t;
    return r < 0 ? ERR_DB : ERR_OK;
}

/* The tally in t[0..n) with key id, or NULL. */
static struct db_task_tally *
tally_of(struct db_task_tally *t, size_t n, const char *id)
{
    size_t i;

    for (i = 0; i < n; i++) {
        if (strcmp(t[i].id, id) == 0)
            return &t[i];
    }
    return NULL;
}

/* Reads every live task into ts, counting each into its action's tally. */
static int
tally_tasks(struct db *db, const struct db_task_rules *rules, const struct db_task_status *s,
            size_t ns, struct tally_set *ts, struct db_task_tally *acts, size_t nacts,
            struct err *e)
{
    sqlite3_stmt *st = db_stmt(db, tally_tasks_sql, e);
    struct db_task_tally *a;
    struct tally_task *t;
    char buf[DB_TASK_ID];
    int r;

    if (st == NULL)
        return ERR_DB;
    sqlite3_bind_text(st, 1, rules->today, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, rules->stale_before, -1, SQLITE_STATIC);
    while ((r = db_step_row(db, st, e)) == 1) {
        if (ts->n == ts->cap) {
            ts->cap = ts->cap ? 2 * ts->cap : 1024;
            ts->t = xrealloc(ts->t, ts->cap * sizeof *ts->t);
        }
        t = &ts->t[ts->n++];
        db_col_copy(st, 0, t->id, sizeof t->id);
        db_col_copy(st, 2, buf, sizeof buf);
        t->status = tally_status_index(s, ns, buf);
        t->overdue = sqlite3_column_int(st, 3);
        t->stale = sqlite3_column_int(st, 4);
        t->percent = sqlite3_column_int(st, 5);
        db_col_copy(st, 1, buf, sizeof buf);
        if ((a = tally_of(acts, nacts, buf)) != NULL)
            tally_count(a, t, s);
    }
    sqlite3_reset(st);
    return r < 0 ? ERR_DB : ERR_OK;
}

/* Counts each unit's links to live tasks into its tally. */
static int
tally_links(struct db *db, const struct tally_set *ts, const struct db_task_status *s,
            struct db_task_tally *units, size_t nunits, struct err *e)
{
    sqlite3_stmt *st = db_stmt(db, tally_links_sql, e);
    const struct tally_task *t;
    struct db_task_tally *u;
    char task[DB_TASK_ID], unit[DB_TASK_ID];
    int r;

    if (st == NULL)
        return ERR_DB;
    while ((r = db_step_row(db, st, e)) == 1) {
        db_col_copy(st, 0, task, sizeof task);
        db_col_copy(st, 1, unit, sizeof unit);
        if ((t = tally_find(ts, task)) == NULL || (u = tally_of(units, nunits, unit)) == NULL)
            continue; /* an archived task, or a unit no longer live */
        tally_count(u, t, s);
        if (sqlite3_column_int(st, 2))
            u->lead++;
        else
            u->co++;
    }
    sqlite3_reset(st);
    return r < 0 ? ERR_DB : ERR_OK;
}

/* Most overdue first, then most stale, then the plan's order (kept in no). */
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

/* Orders the units, the late first. */
static void
tally_sort_units(struct db_task_tally *u, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++)
        u[i].no = (int)i; /* the plan's order, as the tie-break */
    qsort(u, n, sizeof *u, tally_cmp_late);
    for (i = 0; i < n; i++)
        u[i].no = 0;
}

int
db_task_tally(struct db *db, const struct db_task_rules *rules, struct db_task_tally **acts,
              size_t *nacts, struct db_task_tally **units, size_t *nunits, struct err *e)
{
    struct db_task_status *s = NULL;
    struct tally_set ts;
    struct db_task_tally *a = NULL, *u = NULL;
    size_t ns = 0, na = 0, nu = 0;
    int rc;

    memset(&ts, 0, sizeof ts);
    if ((rc = db_task_statuses(db, &s, &ns, e)) == ERR_OK && acts)
        rc = tally_list(db, tally_actions_sql, &a, &na, e);
    if (rc == ERR_OK && units)
        rc = tally_list(db, tally_units_sql, &u, &nu, e);
    if (rc == ERR_OK)
        rc = tally_tasks(db, rules, s, ns, &ts, a, na, e);
    if (rc == ERR_OK && units) {
        tally_index(&ts);
        rc = tally_links(db, &ts, s, u, nu, e);
        tally_sort_units(u, nu);
    }
    free(ts.t);
    free(ts.slot);
    free(s);
    if (rc != ERR_OK) {
        db_task_tallies_free(a, na);
        db_task_tallies_free(u, nu);
        a = u = NULL;
        na = nu = 0;
    }
    if (acts) {
        *acts = a;
        *nacts = na;
    }
    if (units) {
        *units = u;
        *nunits = nu;
    }
    return rc;
}

int
db_task_tally_actions(struct db *db, const struct db_task_rules *rules, struct db_task_tally **out,
                      size_t *n, struct err *e)
{
    return db_task_tally(db, rules, out, n, NULL, NULL, e);
}

int
db_task_tally_units(struct db *db, const struct db_task_rules *rules, struct db_task_tally **out,
                    size_t *n, struct err *e)
{
    return db_task_tally(db, rules, NULL, NULL, out, n, e);
}

void
db_task_tallies_free(struct db_task_tally *t, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++)
        free(t[i].name);
    free(t);
}
