/*
 * db_priv.h — what the modules of db/ share and nothing above them sees:
 * the raw connection, a statement cache and step helpers.
 */
#ifndef TUWEI_DB_PRIV_H
#define TUWEI_DB_PRIV_H

#include <stddef.h>

#include <pthread.h>
#include <sqlite3.h>

#include "db/db.h"

/* The pinyin sort key of s (sortkey.h; what tuwei_sortkey gives), in a
 * new buffer; its length in *len. */
char *db_sortkey(struct db *db, const char *s, size_t *len);

/* Grows arr (n elements of size sz) to hold n + 1 and zeroes the new one:
 * how every list reader of db/ appends a row. */
void *db_grow(void *arr, size_t n, size_t sz);

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

/* The single integer a pragma or query returns ("PRAGMA user_version",
 * "SELECT count(*) FROM t"); -1 when it fails. */
long long db_pragma_int(struct db *db, const char *sql);

/* Appends s as a quoted SQL identifier (a name from the schema). */
struct strbuf;
void db_quote_ident(struct strbuf *b, const char *s);

/* Inside db_write, for a bulk write: drops the trigger called name and
 * returns its SQL to make it again with db_trigger_put (the caller's; NULL
 * with e filled when it is missing or cannot be dropped). Both happen in
 * the caller's transaction: a rollback brings the trigger back as it was. */
char *db_trigger_take(struct db *db, const char *name, struct err *e);

/* Makes the trigger again from sql (from db_trigger_take) and frees sql. */
int db_trigger_put(struct db *db, char *sql, struct err *e);

/* Inside db_write, before changing more pages than the cache holds (an
 * import of thousands of rows): keeps up to bytes of changed pages in
 * memory until the commit. SQLite otherwise writes changed pages to the
 * WAL whenever the cache is full and again when they change again: an
 * import of 100,000 enterprises wrote its 10,000 pages twice. The
 * spilling and the memory come back when the write ends. */
void db_hold_dirty(struct db *db, long long bytes);

/* Bulk log entries built by the caller, for rows it inserts in bulk from
 * its own memory (ent_bulk.c): the same entries db_log_bulk_end makes by
 * reading the rows back, without reading them. Building touches no
 * connection, so it may run on another thread while the rows are being
 * inserted; db_bulk_rows_write then writes the entries. */
struct db_bulk_val {
    int type; /* SQLITE_NULL, SQLITE_INTEGER, SQLITE_FLOAT, SQLITE_TEXT or SQLITE_BLOB */
    sqlite3_int64 i;
    double d;
    const void *p; /* text or blob, n bytes */
    size_t n;
};
struct db_bulk_rows;

/* Rows of nlog logged columns, idlog the column "id" (or -1). */
struct db_bulk_rows *db_bulk_rows_new(int nlog, int idlog);
/* The current row's value of logged column j (0 <= j < nlog, in order). */
void db_bulk_rows_add(struct db_bulk_rows *r, int j, const struct db_bulk_val *v);
/* Ends the current row. */
void db_bulk_rows_next(struct db_bulk_rows *r);
/* Writes r's entries for table (names: its logged columns, in order). */
int db_bulk_rows_write(struct db *db, const char *table, const char *const *names,
                       struct db_bulk_rows *r, struct err *e);
void db_bulk_rows_free(struct db_bulk_rows *r);

/* 1 for a column the log leaves out (derived from others). */
int db_log_derived(const char *column);

/* Between changelog.c and changelog_bulk.c: */
/* Appends v as a JSON value (a blob as "x'hex'"). */
void db_log_json(struct strbuf *b, const struct db_bulk_val *v);
/* v as a db_bulk_val (borrowing its bytes). */
void db_log_val_of(sqlite3_value *v, struct db_bulk_val *out);
/* Appends a change_log row stamped with the write's user and time (old
 * and new are JSON text or NULL). */
int db_log_insert(struct db *db, const char *table, const char *key, const char *op,
                  const char *old, const char *new_, struct err *e);
/* In bulk mode: notes an insert; a change to a row inserted in this run
 * sets hook_error. */
void db_log_bulk_note(struct db *db, int op, const char *table, sqlite3_int64 rowid);
/* Forgets the rows noted in bulk mode. */
void db_log_bulk_forget(struct db *db);

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
    int bulk_modules;          /* ent_bulk.c's virtual tables are registered */
    struct sortkey *sortkey;   /* for tuwei_sortkey, made when first needed */
    struct db_bulk *bulk_rows; /* rowids inserted since, by table */
    const char *bulk_own[2];   /* tables whose inserts the caller logs itself */
    int dirty_held;            /* db_hold_dirty is in force */
    pthread_t checkpoint;      /* the checkpoint after a bulk write (db.c) */
    int checkpointing;         /* ... is running: db_close waits for it */
};

#endif
