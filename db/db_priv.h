/*
 * db_priv.h — what the modules of db/ share and nothing above them sees:
 * the raw connection, a statement cache and step helpers.
 */
#ifndef TUWEI_DB_PRIV_H
#define TUWEI_DB_PRIV_H

#include <stddef.h>

#include <sqlite3.h>

#include "db/db.h"

/* The raw handle (borrowed, valid until db_close). */
sqlite3 *db_handle(struct db *db);

/* Returns a prepared statement for sql, reset and with bindings cleared.
 * sql must be a string with static storage (a static const char[]): the
 * cache keys on its address. The statement stays owned by db. NULL on
 * error, with e filled. */
sqlite3_stmt *db_stmt(struct db *db, const char *sql, struct err *e);

/* Steps st expecting SQLITE_DONE, logs the row changes it made, resets
 * it. Maps a constraint failure to ERR_CONFLICT / ERR_INVALID. */
int db_exec_stmt(struct db *db, sqlite3_stmt *st, struct err *e);

/* Rows changed by the last db_exec_stmt (not counting the change log). */
int db_last_changes(const struct db *db);

/* Steps st: 1 for a row, 0 when done, -1 on error (e filled, st reset). */
int db_step_row(struct db *db, sqlite3_stmt *st, struct err *e);

/* Fills e from the connection's last error and returns ERR_DB. */
int db_fail(struct db *db, struct err *e, const char *what);

/* Binds text, or NULL for a NULL or empty string. */
int db_bind_text(sqlite3_stmt *st, int i, const char *s);

/* Copies column i as a string the caller frees (NULL for NULL). */
char *db_col_text(sqlite3_stmt *st, int i);

/* Copies column i into buf (size n), "" for NULL; truncates safely. */
void db_col_copy(sqlite3_stmt *st, int i, char *buf, size_t n);

/* Writes the pending pre-update records into the change log. */
int db_changelog_flush(struct db *db, struct err *e);

/* Installs the pre-update hook that collects row changes on db. */
void db_changelog_attach(struct db *db);

/* Frees any pending records (on rollback or close). */
void db_changelog_discard(struct db *db);

/* Writes the bulk-logged inserts as change-log entries; ends bulk mode. */
int db_changelog_bulk_flush(struct db *db, struct err *e);

/* Schema objects taken away for a bulk write and made again after it, from
 * their own text (inside the caller's transaction: a rollback restores
 * them as they were). */
struct db_ddl {
    char **sql;
    size_t n;
};

/* Drops the objects of type ("index" or "trigger") on table (all of them,
 * or only the one called name when name is not NULL), keeping their SQL in
 * d. Automatic indexes (PRIMARY KEY, UNIQUE) stay. */
int db_ddl_drop(struct db *db, const char *type, const char *table, const char *name,
                struct db_ddl *d, struct err *e);

/* Makes again what db_ddl_drop took away, and frees d. */
int db_ddl_restore(struct db *db, struct db_ddl *d, struct err *e);

/* Frees d without making anything (the write failed and rolls back). */
void db_ddl_free(struct db_ddl *d);

/* The single integer a static query such as "SELECT count(*) FROM t"
 * returns; 0 when it returns nothing or fails. */
long long db_table_rows(struct db *db, const char *count_sql);

/* Per-connection state behind struct db. */
struct db_bulk;
struct db_change;
struct db_colcache;
struct db_stmt_slot {
    const char *key;
    sqlite3_stmt *st;
    unsigned long used; /* when it was last handed out (db->tick) */
};

/* Enough for every statement of every module, so eviction is rare; when it
 * happens it takes the least recently used statement that is not running,
 * never one just handed out. */
#define DB_STMT_CACHE 256

struct db {
    sqlite3 *h;
    char *path;
    int in_write;
    char user[128];
    char now[32];
    struct db_change *pending; /* collected by the hook, oldest first */
    struct db_change *pending_tail;
    struct db_colcache *colcache; /* column names of logged tables (changelog.c) */
    int hook_error;
    struct db_stmt_slot cache[DB_STMT_CACHE];
    int ncache;
    unsigned long tick;
    int last_changes;
    int checked;               /* quick_check passed on this connection */
    int bulk;                  /* inserts logged in bulk (db_log_bulk_begin) */
    void *gb;                  /* iconv to GB18030 for tuwei_sortkey, opened when first needed */
    struct db_bulk *bulk_rows; /* rowids inserted since, by table */
};

#endif
