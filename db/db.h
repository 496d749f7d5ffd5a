/*
 * db.h — the SQLite file: opening, identity, migrations, transactions.
 *
 * A struct db is one open connection to one tuwei file. Opening checks
 * that the file is ours (SQLite header, application_id), not from a newer
 * tuwei, and brings its schema up to date, one migration per transaction.
 * A file that fails any check is refused and its bytes are left as they
 * were.
 *
 * Every write runs inside db_write(): BEGIN IMMEDIATE, the caller's
 * function, a change-log row for every row inserted, updated or deleted
 * (recorded by SQLite's pre-update hook, so no write can forget it), then
 * COMMIT; on any error, ROLLBACK. Only db/ sees SQLite; callers above get
 * plain structs.
 */
#ifndef TUWEI_DB_H
#define TUWEI_DB_H

#include "src/err.h"

#define DB_APPLICATION_ID 0x54755769 /* "TuWi" */

struct db;

enum db_open_flags {
    DB_OPEN_CREATE = 1 << 0,     /* create the file if missing */
    DB_OPEN_NO_MIGRATE = 1 << 1, /* refuse an old schema instead of upgrading */
    DB_OPEN_READONLY = 1 << 2,   /* look only: no pragma that writes, no migration */
};

/* Opens (and, with DB_OPEN_CREATE, creates) path; ":memory:" gives a
 * fresh private database. On success *out is the caller's, to db_close. */
int db_open(const char *path, int flags, struct db **out, struct err *e);

/* Closes db; NULL is a no-op. */
void db_close(struct db *db);

/* The schema version this build writes. */
int db_schema_latest(void);

/* The file's schema version (PRAGMA user_version). */
int db_schema_version(struct db *db);

/* The path db was opened with (borrowed, valid until db_close). */
const char *db_path(const struct db *db);

/* Runs PRAGMA quick_check; ERR_REFUSED with the first problem if any. */
int db_quick_check(struct db *db, struct err *e);

/* Checks a file without opening it for writing: that it is a SQLite file,
 * ours, and not newer than this build. Never modifies the file. */
int db_probe_file(const char *path, struct err *e);

/* A unit of writing: fn runs inside one transaction; returning non-zero
 * rolls everything back. */
typedef int (*db_write_fn)(struct db *db, void *arg, struct err *e);

/* Runs fn in BEGIN IMMEDIATE … COMMIT as user, logging every row change
 * with user and time. Returns fn's code, or ERR_DB if SQLite failed. */
int db_write(struct db *db, const char *user, db_write_fn fn, void *arg, struct err *e);

/* Runs fn inside one read transaction (BEGIN … COMMIT, no writes): every
 * query fn makes sees the same snapshot and none pays for taking the read
 * lock again. Inside db_write it just calls fn. */
int db_read(struct db *db, db_write_fn fn, void *arg, struct err *e);

/* Inside db_write: the acting user and the transaction's UTC timestamp
 * (YYYY-MM-DDTHH:MM:SSZ). Borrowed until the transaction ends. */
const char *db_user(const struct db *db);
const char *db_now(const struct db *db);

/* Inside db_write, for writing many new rows at once (an import): until
 * db_log_bulk_end, or the end of the write, the rows inserted are logged
 * as one change-log entry per run of consecutive rows of a table (at most
 * DB_BULK_CHUNK rows each; new = {"bulk":n,"columns":[...],"rows":[[...]]},
 * row_key = "first..last") instead of one entry per row. Updates and
 * deletes are logged row by row as always; changing a row inserted in the
 * same bulk run fails the write, since its entry is taken from the row as
 * it stands when the run ends. */
#define DB_BULK_CHUNK 2000
void db_log_bulk_begin(struct db *db);
int db_log_bulk_end(struct db *db, struct err *e);

/* Waits for what the connection left running in the background: the
 * checkpoint after a bulk write (an import of thousands of rows), which
 * copies its pages from the WAL into the database file. db_close waits
 * for it too. */
void db_wait_background(struct db *db);

/* Number of rows in the change log (for checks and tests). */
long long db_changelog_count(struct db *db);

#endif
