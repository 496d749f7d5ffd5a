/*
 * test_db.c — opening, migrating and refusing files; the one write path
 * and its change log.
 */
#include <criterion/criterion.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "db/db.h"
#include "db/db_priv.h"
#include "db/history.h"
#include "db/seed.h"

static char dir[64];

static void
tmpdir_init(void)
{
    snprintf(dir, sizeof dir, "/tmp/tuwei-test-XXXXXX");
    cr_assert_not_null(mkdtemp(dir));
}

static void
tmpdir_fini(void)
{
    char cmd[128];

    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    cr_expect_eq(system(cmd), 0);
}

TestSuite(db, .init = tmpdir_init, .fini = tmpdir_fini);

/* Reads a whole file; *n gets its size. The caller frees. */
static unsigned char *
slurp(const char *path, long *n)
{
    FILE *f = fopen(path, "rb");
    unsigned char *buf;

    cr_assert_not_null(f, "cannot open %s", path);
    fseek(f, 0, SEEK_END);
    *n = ftell(f);
    fseek(f, 0, SEEK_SET);
    buf = malloc((size_t)*n + 1);
    cr_assert_eq(fread(buf, 1, (size_t)*n, f), (size_t)*n);
    fclose(f);
    return buf;
}

static void
spit(const char *path, const void *data, size_t n)
{
    FILE *f = fopen(path, "wb");

    cr_assert_not_null(f);
    cr_assert_eq(fwrite(data, 1, n, f), n);
    fclose(f);
}

/* Opening path must fail with ERR_REFUSED, mention want, and leave the bytes alone. */
static void
expect_refused_untouched(const char *path, const char *want)
{
    long n0, n1;
    unsigned char *before = slurp(path, &n0), *after;
    struct db *db = NULL;
    struct err e = {0};
    char wal[128];

    cr_expect_eq(db_open(path, DB_OPEN_CREATE, &db, &e), ERR_REFUSED, "opened: %s", e.msg);
    cr_expect_null(db);
    cr_expect(strstr(e.msg, want) != NULL, "message \"%s\" lacks \"%s\"", e.msg, want);
    after = slurp(path, &n1);
    cr_expect_eq(n0, n1, "size changed");
    cr_expect(memcmp(before, after, (size_t)n0) == 0, "bytes changed");
    snprintf(wal, sizeof wal, "%s-wal", path);
    cr_expect_neq(access(wal, F_OK), 0, "a -wal file appeared");
    free(before);
    free(after);
}

Test(db, new_file_gets_identity_and_latest_schema)
{
    char path[128];
    struct db *db = NULL;
    struct err e = {0};

    snprintf(path, sizeof path, "%s/new.db", dir);
    cr_assert_eq(db_open(path, DB_OPEN_CREATE, &db, &e), ERR_OK, "%s", e.msg);
    cr_expect_eq(db_schema_version(db), db_schema_latest());
    db_close(db);
    cr_expect_eq(db_probe_file(path, &e), ERR_OK, "%s", e.msg);
    db = NULL;
    cr_assert_eq(db_open(path, 0, &db, &e), ERR_OK, "reopen: %s", e.msg);
    db_close(db);
}

/* The import of 100,000 enterprises relies on it (tests/bench/bench_ent). */
Test(db, new_file_has_16_kib_pages)
{
    char path[128];
    struct db *db = NULL;
    struct err e = {0};
    sqlite3_stmt *st;

    snprintf(path, sizeof path, "%s/pages.db", dir);
    cr_assert_eq(db_open(path, DB_OPEN_CREATE, &db, &e), ERR_OK, "%s", e.msg);
    cr_assert_eq(sqlite3_prepare_v2(db_handle(db), "PRAGMA page_size", -1, &st, NULL), SQLITE_OK);
    cr_assert_eq(sqlite3_step(st), SQLITE_ROW);
    cr_expect_eq(sqlite3_column_int(st, 0), 16384);
    sqlite3_finalize(st);
    db_close(db);
}

Test(db, missing_file_without_create_is_an_error)
{
    char path[128];
    struct db *db = NULL;
    struct err e = {0};

    snprintf(path, sizeof path, "%s/none.db", dir);
    cr_expect_eq(db_open(path, 0, &db, &e), ERR_IO);
    cr_expect(strstr(e.msg, "找不到") != NULL, "%s", e.msg);
    cr_expect(strstr(e.msg, "文件不存在") != NULL, "reason not in Chinese: %s", e.msg);
    cr_expect_neq(access(path, F_OK), 0, "file was created");
}

Test(db, probing_a_missing_file_says_why_in_chinese)
{
    char path[128];
    struct err e = {0};

    /* `tuwei check none.db` printed strerror's "No such file or directory". */
    snprintf(path, sizeof path, "%s/none.db", dir);
    cr_expect_eq(db_probe_file(path, &e), ERR_IO);
    cr_expect(strstr(e.msg, "文件不存在") != NULL, "%s", e.msg);
    cr_expect(strstr(e.msg, "No such") == NULL, "%s", e.msg);
}

Test(db, refuses_a_text_file)
{
    char path[128];
    const char *text = "企业名称,统一社会信用代码\n达拉特旗某某公司,91150621MA0000000X\n"
                       "padding padding padding padding padding padding padding padding\n";

    snprintf(path, sizeof path, "%s/notes.db", dir);
    spit(path, text, strlen(text));
    expect_refused_untouched(path, "不是 SQLite 数据库文件");
}

Test(db, refuses_an_empty_file)
{
    char path[128];

    snprintf(path, sizeof path, "%s/empty.db", dir);
    spit(path, "", 0);
    expect_refused_untouched(path, "不是 SQLite 数据库文件");
}

/* Makes a plain SQLite file with sql run in it. */
static void
make_sqlite(const char *path, const char *sql)
{
    sqlite3 *h;

    cr_assert_eq(sqlite3_open(path, &h), SQLITE_OK);
    cr_assert_eq(sqlite3_exec(h, sql, NULL, NULL, NULL), SQLITE_OK, "%s", sqlite3_errmsg(h));
    sqlite3_close(h);
}

Test(db, refuses_another_programs_database)
{
    char path[128];

    snprintf(path, sizeof path, "%s/other.db", dir);
    make_sqlite(path, "CREATE TABLE orders(id INTEGER PRIMARY KEY, item TEXT);"
                      "INSERT INTO orders(item) VALUES('煤');");
    expect_refused_untouched(path, "其他程序");
}

Test(db, refuses_a_foreign_application_id)
{
    char path[128];

    snprintf(path, sizeof path, "%s/fossil.db", dir);
    make_sqlite(path, "PRAGMA application_id=252006674; CREATE TABLE t(x);");
    expect_refused_untouched(path, "其他程序");
}

Test(db, refuses_a_newer_tuwei_file)
{
    char path[128], sql[128];

    snprintf(path, sizeof path, "%s/newer.db", dir);
    snprintf(sql, sizeof sql,
             "PRAGMA application_id=%d; PRAGMA user_version=%d; CREATE TABLE t(x);",
             DB_APPLICATION_ID, db_schema_latest() + 1);
    make_sqlite(path, sql);
    expect_refused_untouched(path, "更新版本");
}

/* A tuwei file with its last pages overwritten: it opens for reading, but
 * the first write finds the damage and refuses, leaving the bytes alone. */
Test(db, corrupt_file_is_reported_and_never_written)
{
    char path[128];
    struct db *db = NULL;
    struct err e = {0};
    long n0, n1;
    unsigned char *before, *after;
    FILE *f;
    int i;

    snprintf(path, sizeof path, "%s/bad.db", dir);
    cr_assert_eq(db_open(path, DB_OPEN_CREATE, &db, &e), ERR_OK, "%s", e.msg);
    db_close(db);
    before = slurp(path, &n0);
    f = fopen(path, "r+b");
    fseek(f, 4096, SEEK_SET); /* page 2 onward: the schema's tables */
    for (i = 0; i < n0 - 4096; i++)
        fputc(0x5a, f);
    fclose(f);
    free(before);
    before = slurp(path, &n0);
    db = NULL;
    if (db_open(path, 0, &db, &e) == ERR_OK) {
        cr_expect_neq(db_quick_check(db, &e), ERR_OK, "quick_check passed a damaged file");
        db_close(db);
    }
    after = slurp(path, &n1);
    cr_expect_eq(n0, n1);
    cr_expect(memcmp(before, after, (size_t)n0) == 0, "damaged file was written");
    free(before);
    free(after);
}

static int
insert_unit(struct db *db, void *arg, struct err *e)
{
    static const char *const cols[] = {"name"};
    const char *vals[] = {arg};
    int added;

    return db_seed_row(db, "unit", "00000000-0000-4000-8000-000000000001", cols, vals, 1, &added,
                       e);
}

static int
rename_unit(struct db *db, void *arg, struct err *e)
{
    static const char sql[] = "UPDATE unit SET name = ?1 WHERE id = ?2";
    sqlite3_stmt *st = db_stmt(db, sql, e);

    sqlite3_bind_text(st, 1, arg, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, "00000000-0000-4000-8000-000000000001", -1, SQLITE_STATIC);
    return db_exec_stmt(db, st, e);
}

static int
failing_write(struct db *db, void *arg, struct err *e)
{
    int rc = rename_unit(db, arg, e);

    cr_assert_eq(rc, ERR_OK);
    return err_set(e, ERR_INVALID, "单位名称不合要求");
}

/* Reads the newest change-log row. */
static void
last_change(struct db *db, char *user, char *op, char *oldv, char *newv)
{
    sqlite3_stmt *st;

    cr_assert_eq(sqlite3_prepare_v2(db_handle(db),
                                    "SELECT user, op, coalesce(old,''), coalesce(new,'')"
                                    " FROM change_log ORDER BY seq DESC LIMIT 1",
                                    -1, &st, NULL),
                 SQLITE_OK);
    cr_assert_eq(sqlite3_step(st), SQLITE_ROW);
    strcpy(user, (const char *)sqlite3_column_text(st, 0));
    strcpy(op, (const char *)sqlite3_column_text(st, 1));
    strcpy(oldv, (const char *)sqlite3_column_text(st, 2));
    strcpy(newv, (const char *)sqlite3_column_text(st, 3));
    sqlite3_finalize(st);
}

Test(db, every_write_lands_in_the_change_log)
{
    struct db *db = NULL;
    struct err e = {0};
    char user[64], op[16], oldv[1024], newv[1024];

    cr_assert_eq(db_open(":memory:", DB_OPEN_CREATE, &db, &e), ERR_OK);
    cr_assert_eq(db_write(db, "王科员", insert_unit, (void *)(uintptr_t) "旗能源局", &e), ERR_OK,
                 "%s", e.msg);
    cr_expect_eq(db_changelog_count(db), 1);
    last_change(db, user, op, oldv, newv);
    cr_expect_str_eq(user, "王科员");
    cr_expect_str_eq(op, "insert");
    cr_expect(strstr(newv, "\"name\":\"旗能源局\"") != NULL, "%s", newv);
    cr_expect(strstr(newv, "\"created_by\":\"王科员\"") != NULL, "%s", newv);

    cr_assert_eq(db_write(db, "李主任", rename_unit, (void *)(uintptr_t) "达拉特旗能源局", &e),
                 ERR_OK, "%s", e.msg);
    cr_expect_eq(db_changelog_count(db), 2);
    last_change(db, user, op, oldv, newv);
    cr_expect_str_eq(user, "李主任");
    cr_expect_str_eq(op, "update");
    cr_expect_str_eq(oldv, "{\"name\":\"旗能源局\"}");
    cr_expect_str_eq(newv, "{\"name\":\"达拉特旗能源局\"}");
    db_close(db);
}

Test(db, a_failed_write_rolls_back_with_its_log)
{
    struct db *db = NULL;
    struct err e = {0};
    sqlite3_stmt *st;

    cr_assert_eq(db_open(":memory:", DB_OPEN_CREATE, &db, &e), ERR_OK);
    cr_assert_eq(db_write(db, "王科员", insert_unit, (void *)(uintptr_t) "旗能源局", &e), ERR_OK);
    cr_expect_eq(db_write(db, "王科员", failing_write, (void *)(uintptr_t) "改错的名字", &e),
                 ERR_INVALID);
    cr_expect_str_eq(e.msg, "单位名称不合要求");
    cr_expect_eq(db_changelog_count(db), 1);
    sqlite3_prepare_v2(db_handle(db), "SELECT name FROM unit", -1, &st, NULL);
    cr_assert_eq(sqlite3_step(st), SQLITE_ROW);
    cr_expect_str_eq((const char *)sqlite3_column_text(st, 0), "旗能源局");
    sqlite3_finalize(st);
    db_close(db);
}

Test(db, change_log_refuses_update_and_delete)
{
    struct db *db = NULL;
    struct err e = {0};
    char *msg = NULL;

    cr_assert_eq(db_open(":memory:", DB_OPEN_CREATE, &db, &e), ERR_OK);
    cr_assert_eq(db_write(db, "王科员", insert_unit, (void *)(uintptr_t) "旗能源局", &e), ERR_OK);
    cr_expect_neq(sqlite3_exec(db_handle(db), "UPDATE change_log SET user = 'x'", NULL, NULL, &msg),
                  SQLITE_OK);
    cr_expect(msg && strstr(msg, "不能更改"), "%s", msg ? msg : "");
    sqlite3_free(msg);
    msg = NULL;
    cr_expect_neq(sqlite3_exec(db_handle(db), "DELETE FROM change_log", NULL, NULL, &msg),
                  SQLITE_OK);
    cr_expect(msg && strstr(msg, "不能删除"), "%s", msg ? msg : "");
    sqlite3_free(msg);
    cr_expect_eq(db_changelog_count(db), 1);
    db_close(db);
}

Test(db, duplicate_key_is_a_conflict_in_chinese)
{
    struct db *db = NULL;
    struct err e = {0};
    static const char sql[] = "INSERT INTO unit(id, name, created_at, created_by, updated_at,"
                              " updated_by) VALUES(?1, '旗能源局', 'x', 'x', 'x', 'x')";

    cr_assert_eq(db_open(":memory:", DB_OPEN_CREATE, &db, &e), ERR_OK);
    cr_assert_eq(db_write(db, "王科员", insert_unit, (void *)(uintptr_t) "旗能源局", &e), ERR_OK);
    sqlite3_exec(db_handle(db), "BEGIN", NULL, NULL, NULL);
    sqlite3_stmt *st = db_stmt(db, sql, &e);
    sqlite3_bind_text(st, 1, "00000000-0000-4000-8000-000000000002", -1, SQLITE_STATIC);
    cr_expect_eq(db_exec_stmt(db, st, &e), ERR_CONFLICT);
    cr_expect(strstr(e.msg, "已有相同的记录") != NULL, "%s", e.msg);
    sqlite3_exec(db_handle(db), "ROLLBACK", NULL, NULL, NULL);
    db_changelog_discard(db);
    db_close(db);
}

Test(db, connection_settings)
{
    char path[128];
    struct db *db = NULL;
    struct err e = {0};
    sqlite3_stmt *st;

    snprintf(path, sizeof path, "%s/p.db", dir);
    cr_assert_eq(db_open(path, DB_OPEN_CREATE, &db, &e), ERR_OK);
    sqlite3_prepare_v2(db_handle(db),
                       "SELECT (SELECT journal_mode FROM pragma_journal_mode),"
                       " (SELECT foreign_keys FROM pragma_foreign_keys),"
                       " (SELECT synchronous FROM pragma_synchronous),"
                       " (SELECT application_id FROM pragma_application_id)",
                       -1, &st, NULL);
    cr_assert_eq(sqlite3_step(st), SQLITE_ROW);
    cr_expect_str_eq((const char *)sqlite3_column_text(st, 0), "wal");
    cr_expect_eq(sqlite3_column_int(st, 1), 1);
    cr_expect_eq(sqlite3_column_int(st, 2), 2); /* FULL */
    cr_expect_eq(sqlite3_column_int(st, 3), DB_APPLICATION_ID);
    sqlite3_finalize(st);
    db_close(db);
}

/* Adds the units named in arg (a NULL-terminated array) in bulk-log mode,
 * one statement each, then renames the first when asked. */
struct bulk_units {
    const char *const *names;
    int rename_first;
};

static int
bulk_units_write(struct db *db, void *arg, struct err *e)
{
    static const char sql[] = "INSERT INTO unit(id, name, created_at, created_by, updated_at,"
                              " updated_by) VALUES(?1, ?2, 'x', 'x', 'x', 'x')";
    static const char rename[] = "UPDATE unit SET name = name || '（改）' WHERE id = ?1";
    struct bulk_units *b = arg;
    char id[40];
    sqlite3_stmt *st;
    int i, rc = ERR_OK;

    db_log_bulk_begin(db);
    for (i = 0; b->names[i] && rc == ERR_OK; i++) {
        snprintf(id, sizeof id, "00000000-0000-4000-8000-0000000001%02d", i % 100);
        st = db_stmt(db, sql, e);
        sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 2, b->names[i], -1, SQLITE_STATIC);
        rc = db_exec_stmt(db, st, e);
    }
    if (rc == ERR_OK && b->rename_first) {
        st = db_stmt(db, rename, e);
        sqlite3_bind_text(st, 1, "00000000-0000-4000-8000-000000000100", -1, SQLITE_STATIC);
        rc = db_exec_stmt(db, st, e);
    }
    return rc;
}

Test(db, bulk_inserts_are_one_log_entry_holding_every_row)
{
    static const char *const names[] = {"旗能源局", "旗林草局", "旗水利局", NULL};
    struct bulk_units b = {names, 0};
    struct db *db = NULL;
    struct err e = {0};
    char user[64], op[16], oldv[1024], newv[1024];
    int i;

    cr_assert_eq(db_open(":memory:", DB_OPEN_CREATE, &db, &e), ERR_OK);
    cr_assert_eq(db_write(db, "导入员", bulk_units_write, &b, &e), ERR_OK, "%s", e.msg);
    cr_expect_eq(db_changelog_count(db), 1, "three rows, one entry");
    last_change(db, user, op, oldv, newv);
    cr_expect_str_eq(user, "导入员");
    cr_expect_str_eq(op, "insert");
    /* what every row shares is written once; each row keeps its key and name */
    cr_expect(strncmp(newv, "{\"bulk\":3,\"same\":{", strlen("{\"bulk\":3,\"same\":{")) == 0, "%s",
              newv);
    cr_expect(strstr(newv, "\"created_by\":\"x\"") != NULL, "%s", newv);
    cr_expect(strstr(newv, "\"columns\":[\"id\",\"name\"]") != NULL, "%s", newv);
    for (i = 0; names[i]; i++)
        cr_expect(strstr(newv, names[i]) != NULL, "%s missing from %s", names[i], newv);
    /* `tuwei log --row` finds a row in the middle of the entry by its key */
    {
        struct db_history_filter f = {.row_key = "00000000-0000-4000-8000-000000000101",
                                      .limit = 10};
        struct db_history_entry *h;
        size_t n;

        cr_assert_eq(db_history_list(db, &f, &h, &n, &e), ERR_OK, "%s", e.msg);
        cr_expect_eq(n, 1);
        db_history_free(h, n);
        f.row_key = "00000000-0000-4000-8000-000000000199";
        cr_assert_eq(db_history_list(db, &f, &h, &n, &e), ERR_OK, "%s", e.msg);
        cr_expect_eq(n, 0, "a key not in the entry");
        db_history_free(h, n);
    }
    db_close(db);
}

/* A name with quotes, backslashes or control characters comes back from
 * the log exactly as it was written. */
Test(db, bulk_log_entry_is_json_that_gives_back_every_name)
{
    static const char *const names[] = {"引号\"与\\反斜杠", "换行\n制表\t回车\r",
                                        "控制\x01字符\x1f", NULL};
    struct bulk_units b = {names, 0};
    struct db *db = NULL;
    struct err e = {0};
    sqlite3_stmt *st;
    char path[32];
    int i;

    cr_assert_eq(db_open(":memory:", DB_OPEN_CREATE, &db, &e), ERR_OK);
    cr_assert_eq(db_write(db, "导入员", bulk_units_write, &b, &e), ERR_OK, "%s", e.msg);
    cr_assert_eq(sqlite3_prepare_v2(db_handle(db),
                                    "SELECT json_valid(new), json_extract(new, ?1) FROM change_log"
                                    " WHERE tbl = 'unit' ORDER BY seq DESC LIMIT 1",
                                    -1, &st, NULL),
                 SQLITE_OK);
    for (i = 0; names[i]; i++) {
        snprintf(path, sizeof path, "$.rows[%d][1]", i);
        sqlite3_bind_text(st, 1, path, -1, SQLITE_TRANSIENT);
        cr_assert_eq(sqlite3_step(st), SQLITE_ROW);
        cr_expect_eq(sqlite3_column_int(st, 0), 1, "not JSON");
        cr_expect_str_eq((const char *)sqlite3_column_text(st, 1), names[i]);
        sqlite3_reset(st);
    }
    sqlite3_finalize(st);
    db_close(db);
}

/* bulk_units_write, holding the changed pages as an import does. */
static int
held_units_write(struct db *db, void *arg, struct err *e)
{
    db_hold_dirty(db, 64LL << 20);
    return bulk_units_write(db, arg, e);
}

/* After a bulk write the WAL is copied into the database file on another
 * connection; once that is done the file alone holds the new rows (a
 * copy of tuwei.db without its -wal keeps the import). */
Test(db, after_a_bulk_write_the_file_itself_holds_the_rows)
{
    static const char *const names[] = {"旗能源局", "旗林草局", "旗水利局", NULL};
    struct bulk_units b = {names, 0};
    struct db *db = NULL;
    struct err e = {0};
    char path[128], uri[160];
    sqlite3 *h;
    sqlite3_stmt *st;

    snprintf(path, sizeof path, "%s/held.db", dir);
    cr_assert_eq(db_open(path, DB_OPEN_CREATE, &db, &e), ERR_OK, "%s", e.msg);
    cr_assert_eq(db_write(db, "导入员", held_units_write, &b, &e), ERR_OK, "%s", e.msg);
    db_wait_background(db);
    snprintf(uri, sizeof uri, "file:%s?immutable=1", path); /* the file, not the WAL */
    cr_assert_eq(sqlite3_open_v2(uri, &h, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL), SQLITE_OK);
    cr_assert_eq(
        sqlite3_prepare_v2(h, "SELECT count(*) FROM unit WHERE name LIKE '旗%局'", -1, &st, NULL),
        SQLITE_OK);
    cr_assert_eq(sqlite3_step(st), SQLITE_ROW);
    cr_expect_eq(sqlite3_column_int(st, 0), 3);
    sqlite3_finalize(st);
    sqlite3_close(h);
    db_close(db);
}

Test(db, changing_a_row_of_the_same_bulk_run_fails_the_write)
{
    static const char *const names[] = {"旗能源局", "旗林草局", NULL};
    struct bulk_units b = {names, 1};
    struct db *db = NULL;
    struct err e = {0};
    sqlite3_stmt *st;

    cr_assert_eq(db_open(":memory:", DB_OPEN_CREATE, &db, &e), ERR_OK);
    cr_expect_neq(db_write(db, "导入员", bulk_units_write, &b, &e), ERR_OK);
    cr_expect(strstr(e.msg, "修改记录") != NULL, "%s", e.msg);
    cr_expect_eq(db_changelog_count(db), 0);
    sqlite3_prepare_v2(db_handle(db), "SELECT count(*) FROM unit", -1, &st, NULL);
    cr_assert_eq(sqlite3_step(st), SQLITE_ROW);
    cr_expect_eq(sqlite3_column_int(st, 0), 0, "rolled back");
    sqlite3_finalize(st);
    /* the next write on the connection is logged row by row again */
    cr_assert_eq(db_write(db, "王科员", insert_unit, (void *)(uintptr_t) "旗能源局", &e), ERR_OK);
    cr_expect_eq(db_changelog_count(db), 1);
    db_close(db);
}
