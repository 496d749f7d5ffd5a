/*
 * schema_v3.c — enterprise gradient cultivation: what v1's enterprise
 * table lacks for the tier rules, yearly figures, the "店小二" service
 * log, subsidies paid, rule overrides, and search by any part of a name.
 *
 * Search: enterprise_fts (FTS5, trigram) answers queries of three or more
 * characters in the name, short name or credit code; enterprise_uni_fts
 * holds the name one character per token, so one- and two-character
 * queries are phrase lookups, not scans (a short name is part of the name;
 * a code is never looked for by one or two characters).
 * Both are kept by triggers, keyed through enterprise_fts_key (an integer
 * per enterprise that VACUUM cannot renumber, unlike a bare rowid). Every
 * table of the search carries "_fts" in its name: the change log skips them.
 */
#include <stddef.h>

extern const char *const db_schema_v3[];

#define STAMPS                                                                                     \
    "created_at TEXT NOT NULL, created_by TEXT NOT NULL,"                                          \
    " updated_at TEXT NOT NULL, updated_by TEXT NOT NULL"

/* The text of column c of row r with a space between characters. */
#define SPACED(r, c)                                                                               \
    "(SELECT group_concat(substr(" r "." c ", i, 1), ' ') FROM enterprise_fts_seq"                 \
    " WHERE i <= length(" r "." c "))"

#define FTS_KEY(r) "(SELECT k FROM enterprise_fts_key WHERE eid = " r ".id)"

#define FTS_INSERT(r)                                                                              \
    "INSERT INTO enterprise_fts(rowid, name, short_name, credit_code)"                             \
    " VALUES (" FTS_KEY(r) ", " r ".name, " r ".short_name, " r ".credit_code);"                   \
                           " INSERT INTO enterprise_uni_fts(rowid, name) VALUES (" FTS_KEY(        \
                               r) ", " SPACED(r, "name") ");"

#define FTS_DELETE(r)                                                                              \
    "DELETE FROM enterprise_fts WHERE rowid = " FTS_KEY(                                           \
        r) ";"                                                                                     \
           " DELETE FROM enterprise_uni_fts WHERE rowid = " FTS_KEY(r) ";"

const char *const db_schema_v3[] = {
    /* Facts the high-tech and tech-SME rules need (NULL: not known). */
    "ALTER TABLE enterprise ADD COLUMN established TEXT",
    "ALTER TABLE enterprise ADD COLUMN ht_domain TEXT",
    "ALTER TABLE enterprise ADD COLUMN award_year INTEGER",
    "ALTER TABLE enterprise ADD COLUMN standard_year INTEGER",

    /* The list's orders and filters over the live enterprises (partial
     * indexes: a query that says archived_at IS NULL reads only these). */
    "CREATE INDEX enterprise_live_name ON enterprise(name) WHERE archived_at IS NULL",
    "CREATE INDEX enterprise_by_township ON enterprise(township, name) WHERE archived_at IS NULL",
    "CREATE INDEX enterprise_by_field ON enterprise(field_id, name) WHERE archived_at IS NULL",
    "CREATE INDEX enterprise_by_code ON enterprise(credit_code) WHERE archived_at IS NULL",
    "CREATE INDEX enterprise_by_updated ON enterprise(updated_at) WHERE archived_at IS NULL",
    "CREATE INDEX enterprise_by_scale ON enterprise(above_scale, manufacturing, name, id)"
    " WHERE archived_at IS NULL",

    /* Who holds a tier on a day, from the index alone: the events of a
     * tier by the end of their validity (open-ended ones last), and every
     * enterprise's events in order, for the funnel's single pass. */
    "CREATE INDEX tier_event_held ON tier_event(tier_id, kind, coalesce(valid_to, '9999-12-31'),"
    " valid_from, event_date, enterprise_id) WHERE archived_at IS NULL",
    "CREATE INDEX tier_event_scan ON tier_event(enterprise_id, tier_id, kind, event_date, "
    "valid_from,"
    " valid_to) WHERE archived_at IS NULL",

    /* Yearly figures: money in yuan; NULL is "not known". */
    "CREATE TABLE enterprise_year ("
    " id TEXT PRIMARY KEY NOT NULL,"
    " enterprise_id TEXT NOT NULL REFERENCES enterprise(id),"
    " year INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2200),"
    " staff INTEGER CHECK (staff >= 0),"
    " st_staff INTEGER CHECK (st_staff >= 0),"
    " sales INTEGER CHECK (sales >= 0),"
    " total_cost INTEGER CHECK (total_cost >= 0),"
    " total_assets INTEGER CHECK (total_assets >= 0),"
    " rd INTEGER CHECK (rd >= 0),"
    " rd_domestic INTEGER CHECK (rd_domestic >= 0),"
    " ht_revenue INTEGER CHECK (ht_revenue >= 0),"
    " ip1 INTEGER CHECK (ip1 >= 0),"
    " ip2 INTEGER CHECK (ip2 >= 0),"
    " rd_inst INTEGER CHECK (rd_inst IN (0, 1, 2)),"
    " inv_patents INTEGER CHECK (inv_patents >= 0),"
    " innovation_score INTEGER CHECK (innovation_score BETWEEN 0 AND 100),"
    " incident INTEGER CHECK (incident IN (0, 1)),"
    " archived_at TEXT,"
    " " STAMPS ","
    " UNIQUE (enterprise_id, year))",

    "CREATE INDEX enterprise_year_by_year ON enterprise_year(year, enterprise_id)",

    /* The years with R&D spending, for "new R&D investors". */
    "CREATE INDEX enterprise_year_rd ON enterprise_year(year, enterprise_id)"
    " WHERE archived_at IS NULL AND rd > 0",

    /* The "店小二" follow-up service log. */
    "CREATE TABLE enterprise_service ("
    " id TEXT PRIMARY KEY NOT NULL,"
    " enterprise_id TEXT NOT NULL REFERENCES enterprise(id),"
    " service_date TEXT NOT NULL,"
    " unit TEXT,"
    " person TEXT,"
    " asked TEXT,"
    " done TEXT,"
    " follow_up TEXT,"
    " archived_at TEXT,"
    " " STAMPS ")",

    "CREATE INDEX enterprise_service_by_ent ON enterprise_service(enterprise_id, service_date)",

    "CREATE INDEX enterprise_service_by_follow ON enterprise_service(follow_up)"
    " WHERE follow_up IS NOT NULL AND archived_at IS NULL",

    /* Innovation subsidies paid (奖补资金), in yuan. */
    "CREATE TABLE enterprise_subsidy ("
    " id TEXT PRIMARY KEY NOT NULL,"
    " enterprise_id TEXT NOT NULL REFERENCES enterprise(id),"
    " paid_date TEXT NOT NULL,"
    " kind TEXT NOT NULL CHECK (length(kind) > 0),"
    " amount INTEGER NOT NULL CHECK (amount >= 0),"
    " note TEXT,"
    " archived_at TEXT,"
    " " STAMPS ")",

    "CREATE INDEX enterprise_subsidy_by_ent ON enterprise_subsidy(enterprise_id, paid_date)",

    /* An office's overrides of the shipped rule thresholds (assets/ref/ent_rules.csv). */
    "CREATE TABLE ent_rule ("
    " id TEXT PRIMARY KEY NOT NULL,"
    " key TEXT NOT NULL UNIQUE,"
    " value TEXT NOT NULL,"
    " " STAMPS ")",

    /* Search. */
    "CREATE TABLE enterprise_fts_key (k INTEGER PRIMARY KEY, eid TEXT NOT NULL UNIQUE)",

    "CREATE TABLE enterprise_fts_seq (i INTEGER PRIMARY KEY)",

    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300)"
    " INSERT INTO enterprise_fts_seq(i) SELECT i FROM n",

    "CREATE VIRTUAL TABLE enterprise_fts USING fts5(name, short_name, credit_code,"
    " tokenize = 'trigram')",

    "CREATE VIRTUAL TABLE enterprise_uni_fts USING fts5(name,"
    " tokenize = 'unicode61 remove_diacritics 0')",

    "INSERT INTO enterprise_fts_key(eid) SELECT id FROM enterprise ORDER BY rowid",

    "INSERT INTO enterprise_fts(rowid, name, short_name, credit_code)"
    " SELECT k.k, e.name, e.short_name, e.credit_code"
    " FROM enterprise_fts_key k JOIN enterprise e ON e.id = k.eid",

    "INSERT INTO enterprise_uni_fts(rowid, name)"
    " SELECT k.k, " SPACED("e",
                           "name") " FROM enterprise_fts_key k JOIN enterprise e ON e.id = k.eid",

    "CREATE TRIGGER enterprise_fts_ai AFTER INSERT ON enterprise BEGIN"
    " INSERT INTO enterprise_fts_key(eid) VALUES (new.id); " FTS_INSERT("new") " END",

    "CREATE TRIGGER enterprise_fts_au AFTER UPDATE OF name, short_name, credit_code ON enterprise"
    " BEGIN " FTS_DELETE("old") " " FTS_INSERT("new") " END",

    "CREATE TRIGGER enterprise_fts_ad AFTER DELETE ON enterprise BEGIN " FTS_DELETE(
        "old") " DELETE FROM enterprise_fts_key WHERE eid = old.id; END",
    NULL,
};
