/*
 * db.c — opening a tuwei file, its identity checks, migrations and the
 * one transaction wrapper every write goes through.
 */
#include "db/db.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "db/db_priv.h"
#include "db/schema.h"
#include "src/sortkey.h"
#include "src/strbuf.h"
#include "src/xmalloc.h"

static const char sqlite_magic[16] = "SQLite format 3";

/* Big-endian 32-bit value at p. */
static unsigned long
db_be32(const unsigned char *p)
{
    return ((unsigned long)p[0] << 24) | ((unsigned long)p[1] << 16) | ((unsigned long)p[2] << 8) |
           (unsigned long)p[3];
}

/* Why a file could not be opened, in words a clerk reads (strerror speaks
 * English under the C.UTF-8 locale these machines run). */
static const char *
db_errno_text(int code)
{
    switch (code) {
    case ENOENT:
        return "文件不存在";
    case EACCES:
        return "没有读取权限";
    case EISDIR:
        return "这是一个目录";
    case ENOTDIR:
        return "路径中有一段不是目录";
    default:
        return strerror(code);
    }
}

int
db_probe_file(const char *path, struct err *e)
{
    unsigned char hdr[100];
    FILE *f;
    size_t n;
    unsigned long app, ver;

    f = fopen(path, "rb");
    if (f == NULL)
        return err_set(e, ERR_IO, "无法打开数据库文件 %s：%s。", path, db_errno_text(errno));
    n = fread(hdr, 1, sizeof hdr, f);
    fclose(f);
    if (n < sizeof hdr || memcmp(hdr, sqlite_magic, 16) != 0)
        return err_set(e, ERR_REFUSED, "%s 不是 SQLite 数据库文件，未做任何改动。", path);
    app = db_be32(hdr + 68);
    ver = db_be32(hdr + 60);
    if (app != DB_APPLICATION_ID && !(app == 0 && ver == 0))
        return err_set(e, ERR_REFUSED,
                       "%s 是其他程序的数据库（application_id=0x%08lx），不是突围工程数据库，"
                       "未做任何改动。",
                       path, app);
    if (app == DB_APPLICATION_ID && ver > (unsigned long)db_schema_latest())
        return err_set(e, ERR_REFUSED,
                       "%s 来自更新版本的 tuwei（数据库版本 %lu，本程序支持到 %d），"
                       "请升级程序；文件未做任何改动。",
                       path, ver, db_schema_latest());
    return ERR_OK;
}

int
db_fail(struct db *db, struct err *e, const char *what)
{
    return err_set(e, ERR_DB, "数据库错误（%s）：%s", what, sqlite3_errmsg(db->h));
}

/* Runs a statement-free script; for pragmas and migrations only. */
static int
db_exec_script(struct db *db, const char *sql, struct err *e, const char *what)
{
    char *msg = NULL;

    if (sqlite3_exec(db->h, sql, NULL, NULL, &msg) != SQLITE_OK) {
        err_set(e, ERR_DB, "数据库错误（%s）：%s", what, msg ? msg : "?");
        sqlite3_free(msg);
        return ERR_DB;
    }
    return ERR_OK;
}

/* Runs each statement of a NULL-terminated list. */
static int
db_exec_list(struct db *db, const char *const *sql, struct err *e)
{
    int rc = ERR_OK;

    for (; *sql && rc == ERR_OK; sql++)
        rc = db_exec_script(db, *sql, e, "升级数据库结构");
    return rc;
}

long long
db_pragma_int(struct db *db, const char *sql)
{
    sqlite3_stmt *st;
    long long v = -1;

    if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) != SQLITE_OK)
        return -1;
    if (sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return v;
}

int
db_schema_version(struct db *db)
{
    return (int)db_pragma_int(db, "PRAGMA user_version");
}

const char *
db_path(const struct db *db)
{
    return db->path;
}

int
db_quick_check(struct db *db, struct err *e)
{
    sqlite3_stmt *st;
    int rc;
    char first[256] = "";

    if (sqlite3_prepare_v2(db->h, "PRAGMA quick_check", -1, &st, NULL) != SQLITE_OK)
        return err_set(e, ERR_REFUSED, "数据库文件已损坏，无法检查：%s", sqlite3_errmsg(db->h));
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        snprintf(first, sizeof first, "%s", (const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    if (rc != SQLITE_ROW)
        return err_set(e, ERR_REFUSED, "数据库文件已损坏：%s", sqlite3_errmsg(db->h));
    if (strcmp(first, "ok") != 0)
        return err_set(e, ERR_REFUSED, "数据库文件未通过完整性检查：%s", first);
    return ERR_OK;
}

/* The file's tables other than SQLite's own: 0 means an empty file. */
static long long
db_table_count(struct db *db)
{
    return db_pragma_int(db, "SELECT count(*) FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%'");
}

/* Brings the schema from its version to the latest, one transaction each. */
static int
db_migrate(struct db *db, int flags, struct err *e)
{
    int v = db_schema_version(db), latest = db_schema_latest(), rc;
    char bump[96];

    if (v < latest && (flags & DB_OPEN_NO_MIGRATE))
        return err_set(e, ERR_REFUSED, "数据库版本 %d 低于程序版本 %d，需要升级。", v, latest);
    if (v < latest && v > 0 && (rc = db_quick_check(db, e)) != ERR_OK)
        return rc;
    db->checked = v < latest;
    for (; v < latest; v++) {
        snprintf(bump, sizeof bump, "PRAGMA user_version=%d; PRAGMA application_id=%d;", v + 1,
                 DB_APPLICATION_ID);
        if ((rc = db_exec_script(db, "BEGIN IMMEDIATE", e, "开始升级")) != ERR_OK)
            return rc;
        if ((rc = db_exec_list(db, db_schema_step(v + 1), e)) != ERR_OK ||
            (rc = db_exec_script(db, bump, e, "升级数据库结构")) != ERR_OK ||
            (rc = db_exec_script(db, "COMMIT", e, "提交升级")) != ERR_OK) {
            sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
            return rc;
        }
    }
    return ERR_OK;
}

/* Refuses path before SQLite touches it, unless it is missing and may be made. */
static int
db_precheck(const char *path, int flags, struct err *e)
{
    struct stat sb;

    if (strcmp(path, ":memory:") == 0)
        return ERR_OK;
    if (stat(path, &sb) != 0) {
        if (errno == ENOENT && (flags & DB_OPEN_CREATE))
            return ERR_OK;
        return err_set(e, ERR_IO, "找不到数据库文件 %s：%s。", path, db_errno_text(errno));
    }
    if (!S_ISREG(sb.st_mode))
        return err_set(e, ERR_REFUSED, "%s 不是普通文件。", path);
    return db_probe_file(path, e);
}

/* Refuses an open file that is another program's, before anything is written. */
static int
db_identity(struct db *db, struct err *e)
{
    long long app = db_pragma_int(db, "PRAGMA application_id");
    long long ver = db_pragma_int(db, "PRAGMA user_version");

    if (app < 0 || ver < 0)
        return err_set(e, ERR_REFUSED, "%s 无法读取（文件可能已损坏）：%s", db->path,
                       sqlite3_errmsg(db->h));
    if (app != DB_APPLICATION_ID && (app != 0 || ver != 0 || db_table_count(db) != 0))
        return err_set(e, ERR_REFUSED, "%s 是其他程序的数据库，不是突围工程数据库，未做任何改动。",
                       db->path);
    if (ver > db_schema_latest())
        return err_set(e, ERR_REFUSED,
                       "%s 来自更新版本的 tuwei（数据库版本 %lld，本程序支持到 %d），"
                       "请升级程序；文件未做任何改动。",
                       db->path, ver, db_schema_latest());
    return ERR_OK;
}

/* For a read-only look at a file with no WAL beside it: a URI that opens it
 * immutable, so SQLite makes no -wal or -shm files next to it. NULL when a
 * -wal exists (its content must be read) or for ":memory:". */
static char *
db_readonly_uri(const char *path)
{
    char *wal = xasprintf("%s-wal", path), *uri;
    struct stat sb;
    struct strbuf b = STRBUF_INIT;
    const char *p;

    if (strcmp(path, ":memory:") == 0 || stat(wal, &sb) == 0) {
        free(wal);
        return NULL;
    }
    free(wal);
    strbuf_puts(&b, "file:");
    for (p = path; *p; p++) {
        if (*p == '%' || *p == '?' || *p == '#')
            strbuf_printf(&b, "%%%02X", (unsigned char)*p);
        else
            strbuf_putc(&b, *p);
    }
    strbuf_puts(&b, "?immutable=1");
    uri = strbuf_take(&b);
    return uri;
}

/* The page cache holds 64 MiB (SQLite's default is 2 MiB): a city's task
 * table, or 100,000 enterprises keyed by random UUIDs, is larger than that,
 * and every list, count and import would read it again.
 *
 * A new file gets 16 KiB pages (SQLite's default is 4 KiB; an existing
 * file keeps its own, the pragma only counts before the first table).
 * Importing 100,000 enterprises took a fifth less time, with fewer page
 * splits in its ten indexes and fewer pages for the log and FTS5 to fill;
 * the list's keys and the funnel were measured no slower. */
static const char db_pragmas[] = "PRAGMA page_size=16384;"
                                 "PRAGMA foreign_keys=ON;"
                                 "PRAGMA journal_mode=WAL;"
                                 "PRAGMA synchronous=FULL;"
                                 "PRAGMA cache_size=-65536;"
                                 "PRAGMA temp_store=MEMORY;";

/* tuwei_spaced(text): its characters with a space between, as the
 * schema's SPACED() builds for enterprise_uni_fts (the first 300). For
 * the bulk paths in C; the triggers keep plain SQL so other tools can
 * still write the file. */
static void
db_fn_spaced(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    const unsigned char *s = sqlite3_value_text(argv[0]);
    int n = sqlite3_value_bytes(argv[0]), i, chars = 0;
    char *out;
    size_t o = 0;

    (void)argc;
    if (s == NULL || n == 0) {
        sqlite3_result_null(ctx);
        return;
    }
    out = xmalloc((size_t)n * 2 + 1);
    for (i = 0; i < n && chars < 300; chars++) {
        if (chars)
            out[o++] = ' ';
        out[o++] = (char)s[i++];
        while (i < n && (s[i] & 0xC0) == 0x80)
            out[o++] = (char)s[i++];
    }
    sqlite3_result_text(ctx, out, (int)o, free);
}

void *
db_grow(void *arr, size_t n, size_t sz)
{
    char *p = xrealloc(arr, (n + 1) * sz);

    memset(p + n * sz, 0, sz);
    return p;
}

char *
db_sortkey(struct db *db, const char *s, size_t *len)
{
    if (db->sortkey == NULL)
        db->sortkey = sortkey_new();
    return sortkey_make(db->sortkey, s, strlen(s), len);
}

/* tuwei_sortkey(text): the name's pinyin sort key as a BLOB (sortkey.h);
 * NULL for NULL. */
static void
db_fn_sortkey(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    struct db *db = sqlite3_user_data(ctx);
    const char *s = (const char *)sqlite3_value_text(argv[0]);
    size_t len;
    char *out;

    (void)argc;
    if (s == NULL) {
        sqlite3_result_null(ctx);
        return;
    }
    if (db->sortkey == NULL)
        db->sortkey = sortkey_new();
    out = sortkey_make(db->sortkey, s, (size_t)sqlite3_value_bytes(argv[0]), &len);
    sqlite3_result_blob(ctx, out, (int)len, free);
}

int
db_open(const char *path, int flags, struct db **out, struct err *e)
{
    struct db *db;
    char *uri;
    int rc, oflags = SQLITE_OPEN_NOMUTEX;

    *out = NULL;
    if ((rc = db_precheck(path, flags, e)) != ERR_OK)
        return rc;
    if (flags & DB_OPEN_READONLY)
        oflags |= SQLITE_OPEN_READONLY;
    else
        oflags |= SQLITE_OPEN_READWRITE | ((flags & DB_OPEN_CREATE) ? SQLITE_OPEN_CREATE : 0);
    db = xcalloc(1, sizeof *db);
    db->path = xstrdup(path);
    uri = (flags & DB_OPEN_READONLY) ? db_readonly_uri(path) : NULL;
    if (uri)
        oflags |= SQLITE_OPEN_URI;
    rc = sqlite3_open_v2(uri ? uri : path, &db->h, oflags, NULL);
    free(uri);
    if (rc != SQLITE_OK) {
        rc = err_set(e, ERR_IO, "无法打开数据库 %s：%s", path,
                     db->h ? sqlite3_errmsg(db->h) : "内存不足");
        goto fail;
    }
    sqlite3_extended_result_codes(db->h, 1);
    sqlite3_busy_timeout(db->h, 5000);
    sqlite3_create_function_v2(db->h, "tuwei_spaced", 1,
                               SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL,
                               db_fn_spaced, NULL, NULL, NULL);
    sqlite3_create_function_v2(db->h, "tuwei_sortkey", 1,
                               SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, db,
                               db_fn_sortkey, NULL, NULL, NULL);
    if ((rc = db_identity(db, e)) != ERR_OK)
        goto fail;
    if (flags & DB_OPEN_READONLY) {
        *out = db;
        return ERR_OK;
    }
    if ((rc = db_exec_script(db, db_pragmas, e, "设置连接")) != ERR_OK ||
        (rc = db_migrate(db, flags, e)) != ERR_OK)
        goto fail;
    db_changelog_attach(db);
    *out = db;
    return ERR_OK;
fail:
    db_close(db);
    return rc;
}

void
db_close(struct db *db)
{
    int i;

    if (db == NULL)
        return;
    db_wait_background(db);
    db_changelog_discard(db);
    for (i = 0; i < db->ncache; i++)
        sqlite3_finalize(db->cache[i].st);
    sqlite3_close(db->h);
    sortkey_free(db->sortkey);
    free(db->path);
    free(db);
}

int
db_schema_latest(void)
{
    return db_schema_count();
}

sqlite3 *
db_handle(struct db *db)
{
    return db->h;
}

sqlite3_stmt *
db_stmt(struct db *db, const char *sql, struct err *e)
{
    sqlite3_stmt *st;
    int i;

    for (i = 0; i < db->ncache; i++) {
        if (db->cache[i].key == sql) {
            sqlite3_reset(db->cache[i].st);
            sqlite3_clear_bindings(db->cache[i].st);
            db->cache[i].used = ++db->tick;
            return db->cache[i].st;
        }
    }
    if (sqlite3_prepare_v3(db->h, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL) != SQLITE_OK) {
        db_fail(db, e, "准备语句");
        return NULL;
    }
    if (db->ncache < DB_STMT_CACHE) {
        i = db->ncache++;
    } else {
        /* The least recently used statement that is not stepping. */
        int j;

        for (i = -1, j = 0; j < DB_STMT_CACHE; j++) {
            if (!sqlite3_stmt_busy(db->cache[j].st) &&
                (i < 0 || db->cache[j].used < db->cache[i].used))
                i = j;
        }
        if (i < 0) {
            sqlite3_finalize(st);
            err_set(e, ERR_DB, "数据库错误：同时进行的查询过多。");
            return NULL;
        }
        sqlite3_finalize(db->cache[i].st);
    }
    db->cache[i].key = sql;
    db->cache[i].st = st;
    db->cache[i].used = ++db->tick;
    return st;
}

/* Maps a failed step to a clerk's message. */
static int
db_step_error(struct db *db, int rc, struct err *e)
{
    int ext = sqlite3_extended_errcode(db->h);

    if (ext == SQLITE_CONSTRAINT_UNIQUE || ext == SQLITE_CONSTRAINT_PRIMARYKEY)
        return err_set(e, ERR_CONFLICT, "已有相同的记录：%s", sqlite3_errmsg(db->h));
    if (ext == SQLITE_CONSTRAINT_FOREIGNKEY)
        return err_set(e, ERR_INVALID, "引用的记录不存在或仍被其他记录引用。");
    if ((rc & 0xff) == SQLITE_CONSTRAINT)
        return err_set(e, ERR_INVALID, "数据不符合要求：%s", sqlite3_errmsg(db->h));
    if ((rc & 0xff) == SQLITE_BUSY)
        return err_set(e, ERR_DB, "数据库正被其他程序使用，请稍后再试。");
    return db_fail(db, e, "执行");
}

int
db_exec_stmt(struct db *db, sqlite3_stmt *st, struct err *e)
{
    int rc = sqlite3_step(st);

    while (rc == SQLITE_ROW)
        rc = sqlite3_step(st);
    if (rc != SQLITE_DONE) {
        rc = db_step_error(db, rc, e);
        sqlite3_reset(st);
        return rc;
    }
    db->last_changes = sqlite3_changes(db->h);
    sqlite3_reset(st);
    return db_changelog_flush(db, e);
}

int
db_last_changes(const struct db *db)
{
    return db->last_changes;
}

int
db_step_row(struct db *db, sqlite3_stmt *st, struct err *e)
{
    int rc = sqlite3_step(st);

    if (rc == SQLITE_ROW)
        return 1;
    if (rc == SQLITE_DONE)
        return 0;
    db_step_error(db, rc, e);
    sqlite3_reset(st);
    return -1;
}

int
db_bind_text(sqlite3_stmt *st, int i, const char *s)
{
    if (s == NULL || *s == '\0')
        return sqlite3_bind_null(st, i);
    return sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
}

char *
db_col_text(sqlite3_stmt *st, int i)
{
    const unsigned char *t = sqlite3_column_text(st, i);

    return t ? xstrndup((const char *)t, (size_t)sqlite3_column_bytes(st, i)) : NULL;
}

void
db_col_copy(sqlite3_stmt *st, int i, char *buf, size_t n)
{
    const unsigned char *t = sqlite3_column_text(st, i);
    size_t len;

    if (n == 0)
        return;
    if (t == NULL) {
        buf[0] = '\0';
        return;
    }
    len = (size_t)sqlite3_column_bytes(st, i);
    if (len >= n) {
        len = n - 1;
        /* Do not cut a UTF-8 sequence in half. */
        while (len > 0 && (t[len] & 0xc0) == 0x80)
            len--;
    }
    memcpy(buf, t, len);
    buf[len] = '\0';
}

const char *
db_user(const struct db *db)
{
    return db->user;
}

const char *
db_now(const struct db *db)
{
    return db->now;
}

/* Stamps the transaction's time in UTC. */
static void
db_stamp_now(struct db *db)
{
    time_t t = time(NULL);
    struct tm tm;

    gmtime_r(&t, &tm);
    strftime(db->now, sizeof db->now, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

static void db_checkpoint_start(struct db *db);

int
db_write(struct db *db, const char *user, db_write_fn fn, void *arg, struct err *e)
{
    int rc;

    if (db->in_write)
        return fn(db, arg, e); /* nested: part of the caller's transaction */
    /* A damaged file is never written: checked once, before the first write
     * (not at open, so a large file still opens at once for reading). */
    if (!db->checked && (rc = db_quick_check(db, e)) != ERR_OK)
        return rc;
    db->checked = 1;
    if (sqlite3_exec(db->h, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
        return db_step_error(db, sqlite3_errcode(db->h), e);
    db->in_write = 1;
    snprintf(db->user, sizeof db->user, "%s", user && *user ? user : "?");
    db_stamp_now(db);
    rc = fn(db, arg, e);
    if (rc == ERR_OK)
        rc = db_changelog_flush(db, e);
    if (rc == ERR_OK && (db->bulk || db->bulk_rows))
        rc = db_log_bulk_end(db, e);
    if (rc == ERR_OK && db->dirty_held) /* its checkpoint comes after, in the background */
        sqlite3_exec(db->h, "PRAGMA wal_autocheckpoint=0", NULL, NULL, NULL);
    if (rc == ERR_OK && sqlite3_exec(db->h, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
        rc = db_fail(db, e, "提交");
    if (rc != ERR_OK) {
        db_changelog_discard(db);
        sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
    }
    if (db->dirty_held) { /* back to spilling at cache_size, and the memory back */
        sqlite3_exec(db->h, "PRAGMA cache_spill=1", NULL, NULL, NULL);
        sqlite3_exec(db->h, "PRAGMA wal_autocheckpoint=1000", NULL, NULL, NULL);
        sqlite3_db_release_memory(db->h);
        db->dirty_held = 0;
        if (rc == ERR_OK)
            db_checkpoint_start(db);
    }
    db->in_write = 0;
    db->user[0] = '\0';
    return rc;
}

/* ---- bulk writes ---- */

/* The checkpoint after a bulk write, on a connection of its own. The
 * write is durable once its COMMIT has synced the WAL; copying its pages
 * on into the database file (150 MB for 100,000 enterprises, a fifth of
 * the write) need not hold up the screen. A PASSIVE checkpoint takes no
 * lock that readers or the next writer wait on; db_close waits for it. */
static void *
db_checkpoint_run(void *arg)
{
    char *file = arg;
    sqlite3 *h = NULL;

    /* the pragma, not sqlite3_wal_checkpoint_v2: a new connection knows
     * the file is in WAL mode only once it has read it */
    if (sqlite3_open_v2(file, &h, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK)
        sqlite3_exec(h, "PRAGMA wal_checkpoint(PASSIVE)", NULL, NULL, NULL);
    sqlite3_close(h);
    free(file);
    return NULL;
}

void
db_wait_background(struct db *db)
{
    if (db->checkpointing) {
        pthread_join(db->checkpoint, NULL);
        db->checkpointing = 0;
    }
}

static void
db_checkpoint_start(struct db *db)
{
    const char *name = sqlite3_db_filename(db->h, "main");
    char *file;

    db_wait_background(db);
    if (name == NULL || *name == '\0')
        return; /* in memory: nothing to copy */
    file = xstrdup(name);
    if (pthread_create(&db->checkpoint, NULL, db_checkpoint_run, file) == 0) {
        db->checkpointing = 1;
        return;
    }
    free(file);
    sqlite3_wal_checkpoint_v2(db->h, NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
}

void
db_hold_dirty(struct db *db, long long bytes)
{
    long long page = db_pragma_int(db, "PRAGMA page_size"), n;
    char sql[64];

    if (!db->in_write || page <= 0)
        return;
    /* SQLite reads this pragma's on/off from the number's low byte as
     * well: a multiple of 256 would switch spilling off altogether. The
     * number is ours, not input; a pragma takes no parameters. */
    n = (bytes / page) | 1;
    snprintf(sql, sizeof sql, "PRAGMA cache_spill=%lld", n);
    if (sqlite3_exec(db->h, sql, NULL, NULL, NULL) == SQLITE_OK)
        db->dirty_held = 1;
}

void
db_quote_ident(struct strbuf *b, const char *s)
{
    strbuf_putc(b, '"');
    for (; *s; s++) {
        if (*s == '"')
            strbuf_putc(b, '"');
        strbuf_putc(b, *s);
    }
    strbuf_putc(b, '"');
}

char *
db_trigger_take(struct db *db, const char *name, struct err *e)
{
    static const char sql[] = "SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = ?1";
    sqlite3_stmt *st = db_stmt(db, sql, e);
    struct strbuf drop = STRBUF_INIT;
    char *text = NULL;
    int r;

    if (st == NULL)
        return NULL;
    sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
    if ((r = db_step_row(db, st, e)) > 0) {
        text = db_col_text(st, 0);
        sqlite3_reset(st);
    }
    if (r == 0)
        err_set(e, ERR_DB, "数据库缺少触发器 %s，请运行 tuwei check。", name);
    if (text == NULL)
        return NULL;
    strbuf_puts(&drop, "DROP TRIGGER ");
    db_quote_ident(&drop, name);
    if (sqlite3_exec(db->h, strbuf_str(&drop), NULL, NULL, NULL) != SQLITE_OK) {
        db_fail(db, e, "暂时移除触发器");
        free(text);
        text = NULL;
    }
    strbuf_free(&drop);
    return text;
}

int
db_trigger_put(struct db *db, char *sql, struct err *e)
{
    int rc = db_exec_script(db, sql, e, "恢复触发器");

    free(sql);
    return rc;
}

int
db_read(struct db *db, db_write_fn fn, void *arg, struct err *e)
{
    int rc;

    if (db->in_write || !sqlite3_get_autocommit(db->h))
        return fn(db, arg, e);
    if (sqlite3_exec(db->h, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
        return db_step_error(db, sqlite3_errcode(db->h), e);
    rc = fn(db, arg, e);
    if (!sqlite3_get_autocommit(db->h)) /* a failed statement may have ended it already */
        sqlite3_exec(db->h, "COMMIT", NULL, NULL, NULL);
    return rc;
}

long long
db_changelog_count(struct db *db)
{
    return db_pragma_int(db, "SELECT count(*) FROM change_log");
}
