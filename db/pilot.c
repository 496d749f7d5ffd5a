/* pilot.c — the pilot projects' stages, items, moves and board in SQLite. */
#include "db/pilot.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/db_priv.h"
#include "src/uuid.h"
#include "src/xmalloc.h"

/* The deadline of a run: its start plus ?1 years and the extension, for a
 * project standing in the run stage (alias t for the project, s its stage). */
#define PILOT_DEADLINE                                                                             \
    "CASE WHEN s.kind = 'run' AND t.run_start IS NOT NULL"                                         \
    " THEN date(t.run_start, '+' || (?1 + t.extension_years) || ' years') END"

/* Required items of t's stage that t has no value for. */
#define PILOT_MISSING                                                                              \
    "(SELECT count(*) FROM pilot_stage_item i WHERE i.stage_id = t.stage_id"                       \
    " AND i.archived_at IS NULL AND NOT EXISTS (SELECT 1 FROM pilot_project_item v"                \
    " WHERE v.project_id = t.id AND v.item_id = i.id))"

/* Fills the items of stage s (values of project when given). */
static int
pilot_items(struct db *db, struct db_pilot_stage *s, const char *project, struct err *e)
{
    static const char sql[] =
        "SELECT i.id, i.code, i.name, i.kind,"
        " (SELECT v.value FROM pilot_project_item v WHERE v.project_id = ?2 AND v.item_id = i.id)"
        " FROM pilot_stage_item i WHERE i.stage_id = ?1 AND i.archived_at IS NULL"
        " ORDER BY i.sort, i.rowid";
    sqlite3_stmt *st = db_stmt(db, sql, e);
    struct db_pilot_item *it;
    int r;

    if (st == NULL)
        return ERR_DB;
    sqlite3_bind_text(st, 1, s->id, -1, SQLITE_TRANSIENT);
    db_bind_text(st, 2, project);
    while ((r = db_step_row(db, st, e)) > 0) {
        s->items = db_grow(s->items, s->nitems, sizeof *s->items);
        it = &s->items[s->nitems++];
        db_col_copy(st, 0, it->id, sizeof it->id);
        it->code = db_col_text(st, 1);
        it->name = db_col_text(st, 2);
        it->kind = db_col_text(st, 3);
        it->value = db_col_text(st, 4);
    }
    sqlite3_reset(st);
    return r < 0 ? ERR_DB : ERR_OK;
}

int
db_pilot_stages(struct db *db, const char *project, struct db_pilot_stage **out, size_t *n,
                struct err *e)
{
    static const char sql[] = "SELECT id, code, name, kind, sort, facilities FROM pilot_stage"
                              " WHERE archived_at IS NULL ORDER BY sort, rowid";
    sqlite3_stmt *st = db_stmt(db, sql, e);
    struct db_pilot_stage *s = NULL, *x;
    size_t i;
    int r;

    *out = NULL;
    *n = 0;
    if (st == NULL)
        return ERR_DB;
    while ((r = db_step_row(db, st, e)) > 0) {
        s = db_grow(s, *n, sizeof *s);
        x = &s[(*n)++];
        db_col_copy(st, 0, x->id, sizeof x->id);
        x->code = db_col_text(st, 1);
        x->name = db_col_text(st, 2);
        x->kind = db_col_text(st, 3);
        x->sort = sqlite3_column_int(st, 4);
        x->facilities = sqlite3_column_int(st, 5);
    }
    sqlite3_reset(st);
    for (i = 0; r == 0 && i < *n; i++)
        r = pilot_items(db, &s[i], project, e) == ERR_OK ? 0 : -1;
    *out = s;
    return r < 0 ? ERR_DB : ERR_OK;
}

void
db_pilot_stages_free(struct db_pilot_stage *s, size_t n)
{
    size_t i, j;

    for (i = 0; s && i < n; i++) {
        for (j = 0; j < s[i].nitems; j++) {
            free(s[i].items[j].code);
            free(s[i].items[j].name);
            free(s[i].items[j].kind);
            free(s[i].items[j].value);
        }
        free(s[i].items);
        free(s[i].code);
        free(s[i].name);
        free(s[i].kind);
    }
    free(s);
}

int
db_pilot_state(struct db *db, const char *id, int run_years, struct db_pilot_state *out,
               struct err *e)
{
    static const char sql[] =
        "SELECT t.id, t.stage_id, t.name, t.stage_since, t.run_start, t.run_end, t.extended_on,"
        " t.exit_mode, t.exit_date, t.archived_at, t.extension_years, " PILOT_DEADLINE
        " FROM pilot_project t LEFT JOIN pilot_stage s ON s.id = t.stage_id WHERE t.id = ?2";
    sqlite3_stmt *st = db_stmt(db, sql, e);
    int r;

    memset(out, 0, sizeof *out);
    if (st == NULL)
        return ERR_DB;
    sqlite3_bind_int(st, 1, run_years);
    sqlite3_bind_text(st, 2, id, -1, SQLITE_TRANSIENT);
    if ((r = db_step_row(db, st, e)) <= 0)
        return r < 0 ? ERR_DB : err_set(e, ERR_NOTFOUND, "找不到这个中试项目。");
    db_col_copy(st, 0, out->id, sizeof out->id);
    db_col_copy(st, 1, out->stage_id, sizeof out->stage_id);
    out->name = db_col_text(st, 2);
    out->stage_since = db_col_text(st, 3);
    out->run_start = db_col_text(st, 4);
    out->run_end = db_col_text(st, 5);
    out->extended_on = db_col_text(st, 6);
    out->exit_mode = db_col_text(st, 7);
    out->exit_date = db_col_text(st, 8);
    out->archived_at = db_col_text(st, 9);
    out->extension_years = sqlite3_column_int(st, 10);
    out->deadline = db_col_text(st, 11);
    sqlite3_reset(st);
    return ERR_OK;
}

void
db_pilot_state_free(struct db_pilot_state *s)
{
    if (s == NULL)
        return;
    free(s->name);
    free(s->stage_since);
    free(s->run_start);
    free(s->run_end);
    free(s->extended_on);
    free(s->exit_mode);
    free(s->exit_date);
    free(s->archived_at);
    free(s->deadline);
    memset(s, 0, sizeof *s);
}

int
db_pilot_item_put(struct db *db, const char *project, const char *item, const char *value,
                  struct err *e)
{
    static const char del[] =
        "DELETE FROM pilot_project_item WHERE project_id = ?1 AND item_id = ?2";
    static const char put[] =
        "INSERT INTO pilot_project_item(id, project_id, item_id, value, created_at, created_by,"
        " updated_at, updated_by) VALUES(?3, ?1, ?2, ?4, ?5, ?6, ?5, ?6)"
        " ON CONFLICT(project_id, item_id) DO UPDATE SET value = excluded.value,"
        " updated_at = excluded.updated_at, updated_by = excluded.updated_by"
        " WHERE value IS NOT excluded.value";
    sqlite3_stmt *st = db_stmt(db, value ? put : del, e);
    char key[UUID_LEN + 1];

    if (st == NULL)
        return ERR_DB;
    sqlite3_bind_text(st, 1, project, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, item, -1, SQLITE_TRANSIENT);
    if (value) {
        uuid_new(key);
        sqlite3_bind_text(st, 3, key, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 4, value, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 5, db_now(db), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 6, db_user(db), -1, SQLITE_TRANSIENT);
    }
    return db_exec_stmt(db, st, e);
}

int
db_pilot_state_put(struct db *db, const struct db_pilot_state *s, struct err *e)
{
    static const char sql[] =
        "UPDATE pilot_project SET stage_id = ?2, stage_since = ?3, run_start = ?4, run_end = ?5,"
        " extension_years = ?6, extended_on = ?7, exit_mode = ?8, exit_date = ?9,"
        " updated_at = ?10, updated_by = ?11 WHERE id = ?1";
    sqlite3_stmt *st = db_stmt(db, sql, e);

    if (st == NULL)
        return ERR_DB;
    sqlite3_bind_text(st, 1, s->id, -1, SQLITE_TRANSIENT);
    db_bind_text(st, 2, s->stage_id);
    db_bind_text(st, 3, s->stage_since);
    db_bind_text(st, 4, s->run_start);
    db_bind_text(st, 5, s->run_end);
    sqlite3_bind_int(st, 6, s->extension_years);
    db_bind_text(st, 7, s->extended_on);
    db_bind_text(st, 8, s->exit_mode);
    db_bind_text(st, 9, s->exit_date);
    sqlite3_bind_text(st, 10, db_now(db), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 11, db_user(db), -1, SQLITE_TRANSIENT);
    return db_exec_stmt(db, st, e);
}

int
db_pilot_event_add(struct db *db, const char *project, const char *kind, const char *from,
                   const char *to, const char *on, const char *note, struct err *e)
{
    static const char sql[] =
        "INSERT INTO pilot_stage_event(id, project_id, from_stage_id, to_stage_id, moved_on, note,"
        " created_at, created_by, updated_at, updated_by, kind) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7,"
        " ?8, ?7, ?8, ?9)";
    sqlite3_stmt *st = db_stmt(db, sql, e);
    char key[UUID_LEN + 1];

    if (st == NULL)
        return ERR_DB;
    uuid_new(key);
    sqlite3_bind_text(st, 1, key, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, project, -1, SQLITE_TRANSIENT);
    db_bind_text(st, 3, from);
    sqlite3_bind_text(st, 4, to, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 5, on, -1, SQLITE_TRANSIENT);
    db_bind_text(st, 6, note);
    sqlite3_bind_text(st, 7, db_now(db), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 8, db_user(db), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 9, kind, -1, SQLITE_TRANSIENT);
    return db_exec_stmt(db, st, e);
}

int
db_pilot_events(struct db *db, const char *project, struct db_pilot_event **out, size_t *n,
                struct err *e)
{
    static const char sql[] =
        "SELECT ev.moved_on, (SELECT name FROM pilot_stage WHERE id = ev.from_stage_id),"
        " (SELECT name FROM pilot_stage WHERE id = ev.to_stage_id), ev.note, ev.created_by,"
        " ev.created_at FROM pilot_stage_event ev WHERE ev.project_id = ?1"
        " ORDER BY ev.moved_on, ev.created_at, ev.rowid";
    sqlite3_stmt *st = db_stmt(db, sql, e);
    struct db_pilot_event *x;
    int r;

    *out = NULL;
    *n = 0;
    if (st == NULL)
        return ERR_DB;
    sqlite3_bind_text(st, 1, project, -1, SQLITE_TRANSIENT);
    while ((r = db_step_row(db, st, e)) > 0) {
        *out = db_grow(*out, *n, sizeof **out);
        x = &(*out)[(*n)++];
        x->moved_on = db_col_text(st, 0);
        x->from_stage = db_col_text(st, 1);
        x->to_stage = db_col_text(st, 2);
        x->note = db_col_text(st, 3);
        x->by = db_col_text(st, 4);
        x->at = db_col_text(st, 5);
    }
    sqlite3_reset(st);
    return r < 0 ? ERR_DB : ERR_OK;
}

void
db_pilot_events_free(struct db_pilot_event *ev, size_t n)
{
    size_t i;

    for (i = 0; ev && i < n; i++) {
        free(ev[i].moved_on);
        free(ev[i].from_stage);
        free(ev[i].to_stage);
        free(ev[i].note);
        free(ev[i].by);
        free(ev[i].at);
    }
    free(ev);
}

int
db_pilot_last_from(struct db *db, const char *project, char from[40], struct err *e)
{
    static const char sql[] =
        "SELECT ev.from_stage_id FROM pilot_stage_event ev JOIN pilot_project p"
        " ON p.id = ev.project_id AND p.stage_id = ev.to_stage_id"
        " WHERE ev.project_id = ?1 AND ev.kind IN ('advance', 'exit')"
        " ORDER BY ev.rowid DESC LIMIT 1";
    sqlite3_stmt *st = db_stmt(db, sql, e);
    int r;

    from[0] = '\0';
    if (st == NULL)
        return ERR_DB;
    sqlite3_bind_text(st, 1, project, -1, SQLITE_TRANSIENT);
    if ((r = db_step_row(db, st, e)) > 0)
        db_col_copy(st, 0, from, 40);
    sqlite3_reset(st);
    return r < 0 ? ERR_DB : ERR_OK;
}

/* The condition of a pilot list; parameters ?1 years, ?2 search, ?3 stage,
 * ?4 past, ?5 near, ?6 held, ?7 archived. */
#define PILOT_WHERE                                                                                \
    " WHERE (t.archived_at IS NULL) = (?7 = 0)"                                                    \
    " AND (?2 IS NULL OR instr(t.name, ?2) > 0"                                                    \
    " OR instr(coalesce((SELECT name FROM enterprise WHERE id = t.enterprise_id), ''), ?2) > 0"    \
    " OR instr(coalesce((SELECT name FROM pilot_base WHERE id = t.base_id), ''), ?2) > 0)"         \
    " AND (?3 IS NULL OR t.stage_id = ?3)"                                                         \
    " AND (?6 = 0 OR " PILOT_MISSING " > 0)"                                                       \
    " AND (?4 IS NULL OR (" PILOT_DEADLINE ") < ?4)"                                               \
    " AND (?5 IS NULL OR (" PILOT_DEADLINE ") <= ?5)"

static void
pilot_bind_query(sqlite3_stmt *st, const struct db_pilot_query *q)
{
    sqlite3_bind_int(st, 1, q->run_years);
    db_bind_text(st, 2, q->search);
    db_bind_text(st, 3, q->stage_id);
    db_bind_text(st, 4, q->past);
    db_bind_text(st, 5, q->near);
    sqlite3_bind_int(st, 6, q->held);
    sqlite3_bind_int(st, 7, q->archived);
}

int
db_pilot_count(struct db *db, const struct db_pilot_query *q, long *n, struct err *e)
{
    static const char sql[] = "SELECT count(*) FROM pilot_project t"
                              " LEFT JOIN pilot_stage s ON s.id = t.stage_id" PILOT_WHERE;
    sqlite3_stmt *st = db_stmt(db, sql, e);
    int r;

    *n = 0;
    if (st == NULL)
        return ERR_DB;
    pilot_bind_query(st, q);
    if ((r = db_step_row(db, st, e)) > 0)
        *n = (long)sqlite3_column_int64(st, 0);
    sqlite3_reset(st);
    return r < 0 ? ERR_DB : ERR_OK;
}

int
db_pilot_page(struct db *db, const struct db_pilot_query *q, long offset, int limit,
              struct db_pilot_row *out, int *got, struct err *e)
{
    /* The page's keys first (sorting only what the order needs), then
     * the columns of those rows alone. */
    static const char sql[] =
        "WITH page AS (SELECT t.id, coalesce(s.sort, 0) AS o, t.name AS n, t.rowid AS r"
        " FROM pilot_project t LEFT JOIN pilot_stage s ON s.id = t.stage_id" PILOT_WHERE
        " ORDER BY 2, 3, 4 LIMIT ?8 OFFSET ?9)"
        " SELECT t.id, t.name, (SELECT name FROM enterprise WHERE id = t.enterprise_id),"
        " (SELECT name FROM pilot_base WHERE id = t.base_id), s.name, s.kind, t.stage_since,"
        " " PILOT_DEADLINE ", " PILOT_MISSING ", t.extension_years, page.o"
        " FROM page JOIN pilot_project t ON t.id = page.id"
        " LEFT JOIN pilot_stage s ON s.id = t.stage_id ORDER BY page.o, page.n, page.r";
    sqlite3_stmt *st = db_stmt(db, sql, e);
    struct db_pilot_row *x;
    int r = 0;

    *got = 0;
    if (st == NULL)
        return ERR_DB;
    pilot_bind_query(st, q);
    sqlite3_bind_int(st, 8, limit);
    sqlite3_bind_int64(st, 9, offset);
    while (*got < limit && (r = db_step_row(db, st, e)) > 0) {
        x = &out[(*got)++];
        memset(x, 0, sizeof *x);
        db_col_copy(st, 0, x->id, sizeof x->id);
        x->name = db_col_text(st, 1);
        x->enterprise = db_col_text(st, 2);
        x->base = db_col_text(st, 3);
        x->stage = db_col_text(st, 4);
        x->stage_kind = db_col_text(st, 5);
        x->stage_since = db_col_text(st, 6);
        x->deadline = db_col_text(st, 7);
        x->missing = sqlite3_column_int(st, 8);
        x->extension_years = sqlite3_column_int(st, 9);
        x->stage_sort = sqlite3_column_int(st, 10);
    }
    sqlite3_reset(st);
    return r < 0 ? ERR_DB : ERR_OK;
}

int
db_pilot_missing(struct db *db, const char *project, char **names, struct err *e)
{
    static const char sql[] =
        "SELECT group_concat(name, '、') FROM (SELECT i.name FROM pilot_project t"
        " JOIN pilot_stage_item i ON i.stage_id = t.stage_id AND i.archived_at IS NULL"
        " WHERE t.id = ?1 AND NOT EXISTS (SELECT 1 FROM pilot_project_item v"
        " WHERE v.project_id = t.id AND v.item_id = i.id) ORDER BY i.sort, i.rowid)";
    sqlite3_stmt *st = db_stmt(db, sql, e);
    int r;

    *names = NULL;
    if (st == NULL)
        return ERR_DB;
    sqlite3_bind_text(st, 1, project, -1, SQLITE_TRANSIENT);
    if ((r = db_step_row(db, st, e)) > 0)
        *names = db_col_text(st, 0);
    sqlite3_reset(st);
    return r < 0 ? ERR_DB : ERR_OK;
}

void
db_pilot_row_free(struct db_pilot_row *r)
{
    if (r == NULL)
        return;
    free(r->name);
    free(r->enterprise);
    free(r->base);
    free(r->stage);
    free(r->stage_kind);
    free(r->stage_since);
    free(r->deadline);
    memset(r, 0, sizeof *r);
}

int
db_pilot_board(struct db *db, int run_years, const char *past, const char *near,
               struct db_pilot_board **out, size_t *n, struct err *e)
{
    static const char sql[] =
        "WITH p AS (SELECT t.id, t.stage_id, " PILOT_DEADLINE " AS deadline,"
        " " PILOT_MISSING " AS missing FROM pilot_project t JOIN pilot_stage s"
        " ON s.id = t.stage_id WHERE t.archived_at IS NULL)"
        " SELECT s.id, s.name, s.kind, count(p.id), coalesce(sum(p.missing > 0), 0),"
        " coalesce(sum(p.deadline < ?2), 0),"
        " coalesce(sum(p.deadline >= ?2 AND p.deadline <= ?3), 0)"
        " FROM pilot_stage s LEFT JOIN p ON p.stage_id = s.id WHERE s.archived_at IS NULL"
        " GROUP BY s.id ORDER BY s.sort, s.rowid";
    sqlite3_stmt *st = db_stmt(db, sql, e);
    struct db_pilot_board *x;
    int r;

    *out = NULL;
    *n = 0;
    if (st == NULL)
        return ERR_DB;
    sqlite3_bind_int(st, 1, run_years);
    sqlite3_bind_text(st, 2, past, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 3, near, -1, SQLITE_TRANSIENT);
    while ((r = db_step_row(db, st, e)) > 0) {
        *out = db_grow(*out, *n, sizeof **out);
        x = &(*out)[(*n)++];
        db_col_copy(st, 0, x->stage_id, sizeof x->stage_id);
        x->stage = db_col_text(st, 1);
        x->kind = db_col_text(st, 2);
        x->total = (long)sqlite3_column_int64(st, 3);
        x->held = (long)sqlite3_column_int64(st, 4);
        x->past = (long)sqlite3_column_int64(st, 5);
        x->near = (long)sqlite3_column_int64(st, 6);
    }
    sqlite3_reset(st);
    return r < 0 ? ERR_DB : ERR_OK;
}

void
db_pilot_board_free(struct db_pilot_board *b, size_t n)
{
    size_t i;

    for (i = 0; b && i < n; i++) {
        free(b[i].stage);
        free(b[i].kind);
    }
    free(b);
}

int
db_pilot_stage_first(struct db *db, const char *kind, char id[40], struct err *e)
{
    static const char sql[] = "SELECT id FROM pilot_stage WHERE archived_at IS NULL"
                              " AND (CASE WHEN ?1 IS NULL THEN kind <> 'exit' ELSE kind = ?1 END)"
                              " ORDER BY sort, rowid LIMIT 1";
    sqlite3_stmt *st = db_stmt(db, sql, e);
    int r;

    id[0] = '\0';
    if (st == NULL)
        return ERR_DB;
    db_bind_text(st, 1, kind);
    if ((r = db_step_row(db, st, e)) > 0)
        db_col_copy(st, 0, id, 40);
    sqlite3_reset(st);
    return r < 0 ? ERR_DB : ERR_OK;
}

int
db_pilot_place_unstaged(struct db *db, long *n, struct err *e)
{
    static const char sql[] =
        "UPDATE pilot_project SET stage_id = ?1, updated_at = ?2, updated_by = ?3"
        " WHERE stage_id IS NULL";
    sqlite3_stmt *st;
    char first[40];
    int rc;

    *n = 0;
    if ((rc = db_pilot_stage_first(db, NULL, first, e)) != ERR_OK || first[0] == '\0')
        return rc;
    if ((st = db_stmt(db, sql, e)) == NULL)
        return ERR_DB;
    sqlite3_bind_text(st, 1, first, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, db_now(db), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 3, db_user(db), -1, SQLITE_TRANSIENT);
    if ((rc = db_exec_stmt(db, st, e)) == ERR_OK)
        *n = db_last_changes(db);
    return rc;
}
