/*
 * schema_v1.c — the first schema: the plan and what the features hang on.
 *
 * Conventions, for every later migration too:
 * - Tables an office may add rows to have a UUID text key `id` (never a
 *   bare autoincrement: offices merge their files by primary key), plus
 *   created_at/by and updated_at/by; records that can be deleted carry
 *   archived_at (deleting archives; purging is a separate act).
 * - Tiers, statuses, fields, units are rows, loaded from assets/.
 * - Money is whole yuan (INTEGER); dates are 'YYYY-MM-DD'; times UTC ISO-8601.
 * - No WITHOUT ROWID tables: the change log needs the pre-update hook.
 */
#include <stddef.h>

extern const char *const db_schema_v1[];

#define STAMPS                                                                                     \
    "created_at TEXT NOT NULL, created_by TEXT NOT NULL,"                                          \
    " updated_at TEXT NOT NULL, updated_by TEXT NOT NULL"

const char *const db_schema_v1[] = {
    "CREATE TABLE plan ("
    " id TEXT PRIMARY KEY NOT NULL,"
    " year INTEGER NOT NULL UNIQUE,"
    " title TEXT NOT NULL,"
    " issuer TEXT, notice TEXT, preamble TEXT, requirements TEXT, tasks_intro TEXT,"
    " " STAMPS ")",


    "CREATE TABLE target ("
    " id TEXT PRIMARY KEY NOT NULL,"
    " plan_id TEXT NOT NULL REFERENCES plan(id),"
    " code TEXT NOT NULL,"
    " name TEXT NOT NULL,"
    " kind TEXT NOT NULL CHECK (kind IN ('count','percent','text')),"
    " value REAL,"
    " unit TEXT,"
    " comparator TEXT CHECK (comparator IN ('>=','=')),"
    " source_text TEXT,"
    " sort INTEGER NOT NULL DEFAULT 0,"
    " " STAMPS ","
    " UNIQUE (plan_id, code))",


    "CREATE TABLE industry_field ("
    " id TEXT PRIMARY KEY NOT NULL,"
    " name TEXT NOT NULL UNIQUE,"
    " scope TEXT,"
    " sort INTEGER NOT NULL DEFAULT 0,"
    " archived_at TEXT,"
    " " STAMPS ")",


    "CREATE TABLE action ("
    " id TEXT PRIMARY KEY NOT NULL,"
    " plan_id TEXT NOT NULL REFERENCES plan(id),"
    " no INTEGER NOT NULL,"
    " name TEXT NOT NULL,"
    " title TEXT NOT NULL,"
    " body TEXT,"
    " " STAMPS ","
    " UNIQUE (plan_id, no))",


    "CREATE TABLE unit ("
    " id TEXT PRIMARY KEY NOT NULL,"
    " name TEXT NOT NULL UNIQUE,"
    " kind TEXT,"
    " sort INTEGER NOT NULL DEFAULT 0,"
    " archived_at TEXT,"
    " " STAMPS ")",


    "CREATE TABLE unit_alias ("
    " id TEXT PRIMARY KEY NOT NULL,"
    " unit_id TEXT NOT NULL REFERENCES unit(id) ON DELETE CASCADE,"
    " alias TEXT NOT NULL UNIQUE,"
    " " STAMPS ")",


    "CREATE TABLE action_unit ("
    " id TEXT PRIMARY KEY NOT NULL,"
    " action_id TEXT NOT NULL REFERENCES action(id) ON DELETE CASCADE,"
    " unit_id TEXT NOT NULL REFERENCES unit(id),"
    " named_as TEXT,"
    " sort INTEGER NOT NULL DEFAULT 0,"
    " " STAMPS ","
    " UNIQUE (action_id, unit_id))",


    "CREATE TABLE task_status ("
    " id TEXT PRIMARY KEY NOT NULL,"
    " code TEXT NOT NULL UNIQUE,"
    " name TEXT NOT NULL UNIQUE,"
    " is_done INTEGER NOT NULL DEFAULT 0,"
    " sort INTEGER NOT NULL DEFAULT 0,"
    " " STAMPS ")",


    "CREATE TABLE task ("
    " id TEXT PRIMARY KEY NOT NULL,"
    " action_id TEXT NOT NULL REFERENCES action(id),"
    " no INTEGER NOT NULL,"
    " title TEXT NOT NULL CHECK (length(title) > 0),"
    " body TEXT,"
    " status_id TEXT REFERENCES task_status(id),"
    " start_date TEXT,"
    " due_date TEXT,"
    " percent INTEGER NOT NULL DEFAULT 0 CHECK (percent BETWEEN 0 AND 100),"
    " archived_at TEXT,"
    " " STAMPS ")",

    "CREATE INDEX task_by_action ON task(action_id, no)",

    "CREATE INDEX task_by_status ON task(status_id)",

    "CREATE INDEX task_by_due ON task(due_date)",


    "CREATE TABLE task_unit ("
    " id TEXT PRIMARY KEY NOT NULL,"
    " task_id TEXT NOT NULL REFERENCES task(id) ON DELETE CASCADE,"
    " unit_id TEXT NOT NULL REFERENCES unit(id),"
    " role TEXT NOT NULL CHECK (role IN ('lead','co')),"
    " " STAMPS ","
    " UNIQUE (task_id, unit_id))",

    "CREATE INDEX task_unit_by_unit ON task_unit(unit_id)",


    "CREATE TABLE enterprise ("
    " id TEXT PRIMARY KEY NOT NULL,"
    " name TEXT NOT NULL CHECK (length(name) > 0),"
    " short_name TEXT,"
    " credit_code TEXT UNIQUE,"
    " credit_code_confirmed INTEGER NOT NULL DEFAULT 0,"
    " township TEXT,"
    " field_id TEXT REFERENCES industry_field(id),"
    " address TEXT, contact TEXT,"
    " above_scale INTEGER NOT NULL DEFAULT 0,"
    " manufacturing INTEGER NOT NULL DEFAULT 0,"
    " notes TEXT,"
    " archived_at TEXT,"
    " " STAMPS ")",

    "CREATE INDEX enterprise_by_name ON enterprise(name)",


    "CREATE TABLE institution ("
    " id TEXT PRIMARY KEY NOT NULL,"
    " name TEXT NOT NULL UNIQUE,"
    " kind TEXT,"
    " parent TEXT,"
    " notes TEXT,"
    " archived_at TEXT,"
    " " STAMPS ")",


    "CREATE TABLE task_enterprise ("
    " id TEXT PRIMARY KEY NOT NULL,"
    " task_id TEXT NOT NULL REFERENCES task(id) ON DELETE CASCADE,"
    " enterprise_id TEXT NOT NULL REFERENCES enterprise(id),"
    " " STAMPS ","
    " UNIQUE (task_id, enterprise_id))",


    "CREATE TABLE task_institution ("
    " id TEXT PRIMARY KEY NOT NULL,"
    " task_id TEXT NOT NULL REFERENCES task(id) ON DELETE CASCADE,"
    " institution_id TEXT NOT NULL REFERENCES institution(id),"
    " " STAMPS ","
    " UNIQUE (task_id, institution_id))",


    "CREATE TABLE platform ("
    " id TEXT PRIMARY KEY NOT NULL,"
    " name TEXT NOT NULL UNIQUE,"
    " kind TEXT,"
    " level TEXT,"
    " host TEXT,"
    " enterprise_id TEXT REFERENCES enterprise(id),"
    " status TEXT,"
    " task_id TEXT REFERENCES task(id),"
    " notes TEXT,"
    " archived_at TEXT,"
    " " STAMPS ")",


    "CREATE TABLE tier ("
    " id TEXT PRIMARY KEY NOT NULL,"
    " code TEXT NOT NULL UNIQUE,"
    " name TEXT NOT NULL UNIQUE,"
    " rank INTEGER NOT NULL,"
    " validity TEXT NOT NULL CHECK (validity IN ('none','calendar_year','years')),"
    " validity_years INTEGER,"
    " number_pattern TEXT,"
    " target_code TEXT,"
    " " STAMPS ")",


    "CREATE TABLE tier_event ("
    " id TEXT PRIMARY KEY NOT NULL,"
    " enterprise_id TEXT NOT NULL REFERENCES enterprise(id),"
    " tier_id TEXT NOT NULL REFERENCES tier(id),"
    " kind TEXT NOT NULL CHECK (kind IN ('enter','drop')),"
    " event_date TEXT NOT NULL,"
    " evidence_no TEXT,"
    " valid_from TEXT,"
    " valid_to TEXT,"
    " note TEXT,"
    " archived_at TEXT,"
    " " STAMPS ")",

    "CREATE INDEX tier_event_by_enterprise ON tier_event(enterprise_id, event_date)",


    "CREATE TABLE pilot_base ("
    " id TEXT PRIMARY KEY NOT NULL,"
    " name TEXT NOT NULL UNIQUE,"
    " park TEXT,"
    " kind TEXT,"
    " operator TEXT,"
    " offers TEXT,"
    " notes TEXT,"
    " archived_at TEXT,"
    " " STAMPS ")",


    "CREATE TABLE pilot_project ("
    " id TEXT PRIMARY KEY NOT NULL,"
    " name TEXT NOT NULL CHECK (length(name) > 0),"
    " enterprise_id TEXT REFERENCES enterprise(id),"
    " base_id TEXT REFERENCES pilot_base(id),"
    " lead_unit_id TEXT REFERENCES unit(id),"
    " task_id TEXT REFERENCES task(id),"
    " budget INTEGER,"
    " start_date TEXT,"
    " goal TEXT,"
    " notes TEXT,"
    " archived_at TEXT,"
    " " STAMPS ")",


    "CREATE TABLE safeguard ("
    " id TEXT PRIMARY KEY NOT NULL,"
    " plan_id TEXT NOT NULL REFERENCES plan(id),"
    " no INTEGER NOT NULL,"
    " title TEXT NOT NULL,"
    " body TEXT,"
    " " STAMPS ","
    " UNIQUE (plan_id, no))",


    "CREATE TABLE app_user ("
    " id TEXT PRIMARY KEY NOT NULL,"
    " name TEXT NOT NULL UNIQUE,"
    " unit_id TEXT REFERENCES unit(id),"
    " role TEXT NOT NULL DEFAULT 'clerk' CHECK (role IN ('clerk','supervisor','admin')),"
    " archived_at TEXT,"
    " " STAMPS ")",


    "CREATE TABLE change_log ("
    " seq INTEGER PRIMARY KEY,"
    " at TEXT NOT NULL,"
    " user TEXT NOT NULL,"
    " tbl TEXT NOT NULL,"
    " row_key TEXT NOT NULL,"
    " op TEXT NOT NULL CHECK (op IN ('insert','update','delete')),"
    " old TEXT,"
    " new TEXT)",

    "CREATE INDEX change_log_by_row ON change_log(tbl, row_key, seq)",

    "CREATE TRIGGER change_log_no_update BEFORE UPDATE ON change_log"
    " BEGIN SELECT RAISE(ABORT, '修改记录只能追加，不能更改'); END",

    "CREATE TRIGGER change_log_no_delete BEFORE DELETE ON change_log"
    " BEGIN SELECT RAISE(ABORT, '修改记录只能追加，不能删除'); END",
    NULL,
};
