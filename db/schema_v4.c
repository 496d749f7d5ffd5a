/*
 * schema_v4.c — the plan's other registries (actions 4, 6 and 7): pilot
 * stages with their required items and the history of each pilot project;
 * municipal and regional S&T projects by kind and stage; results and needs
 * published on 蒙科聚 and their matches; technology contracts; cooperation
 * agreements; talent brought in; dated notes under the safeguards; and the
 * small vocabularies (contract kinds, talent modes, platform levels …)
 * those records choose from. Conventions as in schema_v1.c.
 */
#include <stddef.h>

extern const char *const db_schema_v4[];

#define STAMPS                                                                                     \
    "created_at TEXT NOT NULL, created_by TEXT NOT NULL,"                                          \
    " updated_at TEXT NOT NULL, updated_by TEXT NOT NULL"

const char *const db_schema_v4[] = {
    /* Short word lists a field chooses from, by domain ("contract_kind" …).
     * Records store the chosen name; a retired word is archived, not deleted. */
    "CREATE TABLE vocab ("
    " id TEXT PRIMARY KEY NOT NULL,"
    " domain TEXT NOT NULL,"
    " name TEXT NOT NULL CHECK (length(name) > 0),"
    " sort INTEGER NOT NULL DEFAULT 0,"
    " archived_at TEXT,"
    " " STAMPS ","
    " UNIQUE (domain, name))",

    /* Pilot stages in order. kind: step (an ordinary stage), run (the pilot
     * run, whose length is limited), final (industrialisation: the end),
     * exit (left the base). facilities: the project has plant on the base
     * from this stage on, so leaving must say whether it was dismantled or sealed. */
    "CREATE TABLE pilot_stage ("
    " id TEXT PRIMARY KEY NOT NULL,"
    " code TEXT NOT NULL UNIQUE,"
    " name TEXT NOT NULL UNIQUE,"
    " sort INTEGER NOT NULL,"
    " kind TEXT NOT NULL CHECK (kind IN ('step','run','final','exit')),"
    " facilities INTEGER NOT NULL DEFAULT 0,"
    " archived_at TEXT,"
    " " STAMPS ")",

    /* What a project must have on record before it may leave a stage. */
    "CREATE TABLE pilot_stage_item ("
    " id TEXT PRIMARY KEY NOT NULL,"
    " stage_id TEXT NOT NULL REFERENCES pilot_stage(id),"
    " code TEXT NOT NULL,"
    " name TEXT NOT NULL,"
    " kind TEXT NOT NULL CHECK (kind IN ('text','date')),"
    " sort INTEGER NOT NULL DEFAULT 0,"
    " archived_at TEXT,"
    " " STAMPS ","
    " UNIQUE (stage_id, code))",

    "ALTER TABLE pilot_project ADD COLUMN stage_id TEXT REFERENCES pilot_stage(id)",
    "ALTER TABLE pilot_project ADD COLUMN stage_since TEXT",
    "ALTER TABLE pilot_project ADD COLUMN run_start TEXT",
    "ALTER TABLE pilot_project ADD COLUMN run_end TEXT",
    "ALTER TABLE pilot_project ADD COLUMN extension_years INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE pilot_project ADD COLUMN extended_on TEXT",
    "ALTER TABLE pilot_project ADD COLUMN exit_mode TEXT",
    "ALTER TABLE pilot_project ADD COLUMN exit_date TEXT",

    "CREATE INDEX pilot_project_by_stage ON pilot_project(stage_id, name)",

    "CREATE INDEX pilot_project_by_name ON pilot_project(name)",

    "CREATE TABLE pilot_project_item ("
    " id TEXT PRIMARY KEY NOT NULL,"
    " project_id TEXT NOT NULL REFERENCES pilot_project(id),"
    " item_id TEXT NOT NULL REFERENCES pilot_stage_item(id),"
    " value TEXT NOT NULL CHECK (length(value) > 0),"
    " " STAMPS ","
    " UNIQUE (project_id, item_id))",

    /* Each move of a project between stages: when, from where, what kind
     * of move (forward, a correction back, leaving, a run extended in
     * place), by whom (created_by), and why. */
    "CREATE TABLE pilot_stage_event ("
    " id TEXT PRIMARY KEY NOT NULL,"
    " project_id TEXT NOT NULL REFERENCES pilot_project(id),"
    " from_stage_id TEXT REFERENCES pilot_stage(id),"
    " to_stage_id TEXT NOT NULL REFERENCES pilot_stage(id),"
    " kind TEXT NOT NULL DEFAULT 'advance' CHECK (kind IN ('advance','back','exit','extend')),"
    " moved_on TEXT NOT NULL,"
    " note TEXT,"
    " " STAMPS ")",

    "CREATE INDEX pilot_stage_event_by_project ON pilot_stage_event(project_id, moved_on)",

    "CREATE TABLE pilot_project_institution ("
    " id TEXT PRIMARY KEY NOT NULL,"
    " project_id TEXT NOT NULL REFERENCES pilot_project(id) ON DELETE CASCADE,"
    " institution_id TEXT NOT NULL REFERENCES institution(id),"
    " " STAMPS ","
    " UNIQUE (project_id, institution_id))",

    /* Kinds of S&T project (市级科技计划项目, 市级“揭榜挂帅”项目 …): the
     * stage flow each follows and the plan target its count feeds. */
    "CREATE TABLE sci_project_kind ("
    " id TEXT PRIMARY KEY NOT NULL,"
    " code TEXT NOT NULL UNIQUE,"
    " name TEXT NOT NULL UNIQUE,"
    " level TEXT,"
    " flow TEXT NOT NULL,"
    " target_code TEXT,"
    " sort INTEGER NOT NULL DEFAULT 0,"
    " archived_at TEXT,"
    " " STAMPS ")",

    /* Stages of a flow in order; counts: a project at this stage is being
     * carried out (approved or later) and counts towards its target. */
    "CREATE TABLE sci_project_stage ("
    " id TEXT PRIMARY KEY NOT NULL,"
    " flow TEXT NOT NULL,"
    " code TEXT NOT NULL,"
    " name TEXT NOT NULL,"
    " sort INTEGER NOT NULL DEFAULT 0,"
    " counts INTEGER NOT NULL DEFAULT 0,"
    " " STAMPS ","
    " UNIQUE (flow, code),"
    " UNIQUE (flow, name))",

    "CREATE TABLE sci_project ("
    " id TEXT PRIMARY KEY NOT NULL,"
    " title TEXT NOT NULL CHECK (length(title) > 0),"
    " kind_id TEXT NOT NULL REFERENCES sci_project_kind(id),"
    " stage_id TEXT REFERENCES sci_project_stage(id),"
    " code TEXT,"
    " funding INTEGER CHECK (funding IS NULL OR funding >= 0),"
    " start_date TEXT,"
    " end_date TEXT,"
    " lead_unit_id TEXT REFERENCES unit(id),"
    " task_id TEXT REFERENCES task(id),"
    " notes TEXT,"
    " archived_at TEXT,"
    " " STAMPS ")",

    "CREATE INDEX sci_project_by_kind ON sci_project(kind_id, stage_id)",

    "CREATE INDEX sci_project_by_title ON sci_project(title)",

    "CREATE INDEX sci_project_by_start ON sci_project(start_date)",

    "CREATE TABLE sci_project_enterprise ("
    " id TEXT PRIMARY KEY NOT NULL,"
    " project_id TEXT NOT NULL REFERENCES sci_project(id) ON DELETE CASCADE,"
    " enterprise_id TEXT NOT NULL REFERENCES enterprise(id),"
    " " STAMPS ","
    " UNIQUE (project_id, enterprise_id))",

    "CREATE TABLE sci_project_institution ("
    " id TEXT PRIMARY KEY NOT NULL,"
    " project_id TEXT NOT NULL REFERENCES sci_project(id) ON DELETE CASCADE,"
    " institution_id TEXT NOT NULL REFERENCES institution(id),"
    " " STAMPS ","
    " UNIQUE (project_id, institution_id))",

    /* Results offered and needs published (蒙科聚 or elsewhere). */
    "CREATE TABLE tech_offer ("
    " id TEXT PRIMARY KEY NOT NULL,"
    " kind TEXT NOT NULL CHECK (kind IN ('result','need')),"
    " title TEXT NOT NULL CHECK (length(title) > 0),"
    " owner TEXT,"
    " field TEXT,"
    " published_on TEXT,"
    " channel TEXT,"
    " summary TEXT,"
    " archived_at TEXT,"
    " " STAMPS ")",

    "CREATE INDEX tech_offer_by_kind ON tech_offer(kind, published_on)",

    "CREATE INDEX tech_offer_by_title ON tech_offer(kind, title)",

    "CREATE INDEX tech_offer_live ON tech_offer(kind, archived_at)",

    "CREATE TABLE tech_match ("
    " id TEXT PRIMARY KEY NOT NULL,"
    " result_id TEXT NOT NULL REFERENCES tech_offer(id),"
    " need_id TEXT NOT NULL REFERENCES tech_offer(id),"
    " matched_on TEXT,"
    " status TEXT,"
    " note TEXT,"
    " archived_at TEXT,"
    " " STAMPS ","
    " UNIQUE (result_id, need_id))",

    "CREATE INDEX tech_match_by_need ON tech_match(need_id)",

    "CREATE TABLE tech_contract ("
    " id TEXT PRIMARY KEY NOT NULL,"
    " title TEXT NOT NULL CHECK (length(title) > 0),"
    " kind TEXT NOT NULL,"
    " seller TEXT NOT NULL,"
    " buyer TEXT NOT NULL,"
    " amount INTEGER CHECK (amount IS NULL OR amount >= 0),"
    " tech_income INTEGER CHECK (tech_income IS NULL OR tech_income >= 0),"
    " signed_on TEXT,"
    " registered_on TEXT,"
    " reg_no TEXT,"
    " status TEXT NOT NULL,"
    " notes TEXT,"
    " archived_at TEXT,"
    " " STAMPS ")",

    "CREATE INDEX tech_contract_by_registered ON tech_contract(registered_on)",

    "CREATE INDEX tech_contract_by_kind ON tech_contract(kind, status)",

    /* Lists count the live rows: an index makes that a count of entries. */
    "CREATE INDEX tech_contract_live ON tech_contract(archived_at)",

    "CREATE TABLE coop_agreement ("
    " id TEXT PRIMARY KEY NOT NULL,"
    " title TEXT NOT NULL CHECK (length(title) > 0),"
    " enterprise_id TEXT NOT NULL REFERENCES enterprise(id),"
    " institution_id TEXT NOT NULL REFERENCES institution(id),"
    " field TEXT,"
    " signed_on TEXT,"
    " content TEXT,"
    " status TEXT,"
    " archived_at TEXT,"
    " " STAMPS ")",

    "CREATE INDEX coop_agreement_by_institution ON coop_agreement(institution_id, signed_on)",

    "CREATE INDEX coop_agreement_by_enterprise ON coop_agreement(enterprise_id, signed_on)",

    "CREATE TABLE talent ("
    " id TEXT PRIMARY KEY NOT NULL,"
    " name TEXT NOT NULL CHECK (length(name) > 0),"
    " field TEXT,"
    " mode TEXT NOT NULL,"
    " employer TEXT,"
    " origin TEXT,"
    " arrived_on TEXT,"
    " notes TEXT,"
    " archived_at TEXT,"
    " " STAMPS ")",

    "CREATE INDEX talent_by_arrived ON talent(arrived_on)",

    "CREATE TABLE safeguard_note ("
    " id TEXT PRIMARY KEY NOT NULL,"
    " safeguard_id TEXT NOT NULL REFERENCES safeguard(id),"
    " noted_on TEXT NOT NULL,"
    " title TEXT NOT NULL CHECK (length(title) > 0),"
    " body TEXT,"
    " amount INTEGER CHECK (amount IS NULL OR amount >= 0),"
    " unit_id TEXT REFERENCES unit(id),"
    " archived_at TEXT,"
    " " STAMPS ")",

    "CREATE INDEX safeguard_note_by_date ON safeguard_note(safeguard_id, noted_on)",

    "CREATE INDEX platform_by_kind ON platform(kind, level)",
    NULL,
};
