/*
 * schema_v6.c — the enterprise search indexes made lighter: both FTS5
 * tables become contentless (content='') without per-column sizes
 * (columnsize=0). The search only ever asks them for rowids, which map to
 * enterprises through enterprise_fts_key, so the copy of every name they
 * kept and the sizes (used only for ranking, which the list does not do)
 * were written for nothing: an import of 100,000 enterprises spent about
 * a second on them.
 *
 * A contentless table forgets what it indexed, so a row is taken out by
 * the 'delete' command with the values it was indexed under; the update
 * and delete triggers pass the old ones.
 *
 * The funnel's two scans read their indexes alone: the partial indexes
 * they use now also hold the columns of their own WHERE (SQLite 3.40
 * otherwise looks each row up in the table to test them again).
 *
 * Names in pinyin order: enterprise.name_key holds tuwei_sortkey(name)
 * (the name in GB18030, compared as bytes; see db.c), written by every
 * statement of db/ that writes a name, and the list's indexes order by it.
 */
#include <stddef.h>

extern const char *const db_schema_v6[];

/* As schema_v3.c: the text of column c of row r with a space between characters. */
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
    "INSERT INTO enterprise_fts(enterprise_fts, rowid, name, short_name, credit_code)"             \
    " VALUES ('delete', " FTS_KEY(                                                                 \
        r) ", " r ".name, " r ".short_name, " r ".credit_code);"                                   \
           " INSERT INTO enterprise_uni_fts(enterprise_uni_fts, rowid, name)"                      \
           " VALUES ('delete', " FTS_KEY(r) ", " SPACED(r, "name") ");"

const char *const db_schema_v6[] = {
    "ALTER TABLE enterprise ADD COLUMN name_key BLOB",
    "UPDATE enterprise SET name_key = tuwei_sortkey(name)",
    "DROP INDEX IF EXISTS enterprise_live_name",
    "DROP INDEX IF EXISTS enterprise_by_township",
    "DROP INDEX IF EXISTS enterprise_by_field",
    "DROP INDEX IF EXISTS enterprise_by_scale",
    "CREATE INDEX enterprise_live_name ON enterprise(name_key) WHERE archived_at IS NULL",
    "CREATE INDEX enterprise_by_township ON enterprise(township, name_key)"
    " WHERE archived_at IS NULL",
    "CREATE INDEX enterprise_by_field ON enterprise(field_id, name_key) WHERE archived_at IS NULL",
    "CREATE INDEX enterprise_by_scale ON enterprise(above_scale, manufacturing, name_key, id)"
    " WHERE archived_at IS NULL",

    /* The UNIQUE constraint's own index already orders and finds codes. */
    "DROP INDEX IF EXISTS enterprise_by_code",

    "DROP INDEX IF EXISTS enterprise_year_rd",
    "CREATE INDEX enterprise_year_rd ON enterprise_year(year, enterprise_id, rd, archived_at)"
    " WHERE archived_at IS NULL AND rd > 0",
    "DROP INDEX IF EXISTS tier_event_scan",
    "CREATE INDEX tier_event_scan ON tier_event(enterprise_id, tier_id, kind, event_date,"
    " valid_from, valid_to, archived_at) WHERE archived_at IS NULL",

    "DROP TRIGGER IF EXISTS enterprise_fts_ai",
    "DROP TRIGGER IF EXISTS enterprise_fts_au",
    "DROP TRIGGER IF EXISTS enterprise_fts_ad",
    "DROP TABLE IF EXISTS enterprise_fts",
    "DROP TABLE IF EXISTS enterprise_uni_fts",

    "CREATE VIRTUAL TABLE enterprise_fts USING fts5(name, short_name, credit_code,"
    " tokenize = 'trigram', content = '', columnsize = 0)",

    "CREATE VIRTUAL TABLE enterprise_uni_fts USING fts5(name,"
    " tokenize = 'unicode61 remove_diacritics 0', content = '', columnsize = 0)",

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
