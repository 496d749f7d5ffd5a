/*
 * schema_v2.c — carrying the seven actions' tasks: milestones, the monthly
 * progress reports (进展报送), search over task text, and what a task's
 * history needs. Conventions as in schema_v1.c.
 *
 * Two columns of task are caches kept by db/task_*.c in the same
 * transaction as the change that moves them, so that lists can tell which
 * tasks are overdue or stale without reading every report:
 * - report_last:   the latest report_date among the task's live reports;
 * - milestone_due: the earliest due_date among its live, undone milestones.
 */
#include <stddef.h>

extern const char *const db_schema_v2[];

#define STAMPS                                                                                     \
    "created_at TEXT NOT NULL, created_by TEXT NOT NULL,"                                          \
    " updated_at TEXT NOT NULL, updated_by TEXT NOT NULL"

const char *const db_schema_v2[] = {
    "ALTER TABLE task ADD COLUMN report_last TEXT",

    "ALTER TABLE task ADD COLUMN milestone_due TEXT",

    "CREATE TABLE task_milestone ("
    " id TEXT PRIMARY KEY NOT NULL,"
    " task_id TEXT NOT NULL REFERENCES task(id) ON DELETE CASCADE,"
    " title TEXT NOT NULL CHECK (length(title) > 0),"
    " due_date TEXT,"
    " done_date TEXT,"
    " archived_at TEXT,"
    " " STAMPS ")",

    "CREATE INDEX task_milestone_by_task ON task_milestone(task_id, due_date)",

    /* One monthly progress report: period is the month reported on
     * (YYYY-MM), report_date the day it was handed in. */
    "CREATE TABLE task_report ("
    " id TEXT PRIMARY KEY NOT NULL,"
    " task_id TEXT NOT NULL REFERENCES task(id) ON DELETE CASCADE,"
    " report_date TEXT NOT NULL,"
    " period TEXT NOT NULL CHECK (period GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),"
    " progress TEXT NOT NULL CHECK (length(progress) > 0),"
    " problems TEXT,"
    " next_steps TEXT,"
    " unit_id TEXT REFERENCES unit(id),"
    " person TEXT,"
    " archived_at TEXT,"
    " " STAMPS ")",

    "CREATE INDEX task_report_by_task ON task_report(task_id, report_date)",

    "CREATE INDEX task_report_by_period ON task_report(period)",

    /* A unit's tasks (the per-unit view) are read from its links alone. */
    "CREATE INDEX task_unit_by_unit_task ON task_unit(unit_id, task_id, role)",

    /* Search over a task's title and text; trigram, so Chinese matches
     * anywhere (three characters or more; shorter searches scan). */
    "CREATE VIRTUAL TABLE task_fts USING fts5(title, body, content='task', content_rowid='rowid',"
    " tokenize='trigram')",

    "INSERT INTO task_fts(task_fts) VALUES('rebuild')",

    "CREATE TRIGGER task_fts_insert AFTER INSERT ON task BEGIN"
    " INSERT INTO task_fts(rowid, title, body) VALUES (new.rowid, new.title, new.body); END",

    "CREATE TRIGGER task_fts_delete AFTER DELETE ON task BEGIN"
    " INSERT INTO task_fts(task_fts, rowid, title, body)"
    " VALUES ('delete', old.rowid, old.title, old.body); END",

    "CREATE TRIGGER task_fts_update AFTER UPDATE OF title, body ON task BEGIN"
    " INSERT INTO task_fts(task_fts, rowid, title, body)"
    " VALUES ('delete', old.rowid, old.title, old.body);"
    " INSERT INTO task_fts(rowid, title, body) VALUES (new.rowid, new.title, new.body); END",

    /* A task's history gathers the log of the task and of its child rows
     * (units, links, milestones, reports): the children are found by the
     * task_id their insert recorded, which stays in the log after they go. */
    "CREATE INDEX change_log_by_task ON change_log(json_extract(new, '$.task_id'))"
    " WHERE op = 'insert'",
    NULL,
};
