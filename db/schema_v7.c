/*
 * schema_v7.c — lighter bulk writes.
 *
 * The FTS5 tables keep up to 32 MB of new entries in memory before
 * writing a segment (the default is 1 MB). An import of 100,000
 * enterprises otherwise wrote a few dozen small segments and then spent
 * about a quarter of its search-index time merging them; the memory is only
 * used while a transaction adds that much.
 *
 * change_log_by_task indexes only the inserts of the task tables, the
 * only ones db_task_history asks it for (its query names the same
 * tables): it had been parsing every other insert's JSON, among them an
 * import's bulk entries of 2,000 rows each, to find no task_id.
 *
 * enterprise_by_name goes: finding an enterprise by its exact name uses
 * the list's index on the sort key (live ones) or the deleted ones' index
 * (db_ent_find_name); the name index served nothing else, and an import
 * filled it at random pages (names in pinyin order are not in byte order).
 */
#include <stddef.h>

extern const char *const db_schema_v7[];

const char *const db_schema_v7[] = {
    "INSERT INTO enterprise_fts(enterprise_fts, rank) VALUES ('hashsize', 33554432)",
    "INSERT INTO enterprise_uni_fts(enterprise_uni_fts, rank) VALUES ('hashsize', 33554432)",

    "DROP INDEX IF EXISTS enterprise_by_name",

    "DROP INDEX IF EXISTS change_log_by_task",
    "CREATE INDEX change_log_by_task ON change_log(json_extract(new, '$.task_id'))"
    " WHERE op = 'insert' AND tbl IN ('task_unit', 'task_enterprise', 'task_institution',"
    " 'task_milestone', 'task_report')",
    NULL,
};
