/* seed.c — inserting the shipped reference rows by their stable keys. */
#include "db/seed.h"

#include <string.h>

#include "db/db_priv.h"
#include "src/strbuf.h"

/* 1 when s is a plain identifier (letters, digits, underscore). */
static int
seed_ident(const char *s)
{
    if (*s == '\0')
        return 0;
    for (; *s; s++) {
        if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '_'))
            return 0;
    }
    return 1;
}

int
db_seed_row(struct db *db, const char *table, const char *id, const char *const *cols,
            const char *const *vals, size_t n, int *added, struct err *e)
{
    struct strbuf sql = STRBUF_INIT;
    sqlite3_stmt *st = NULL;
    size_t i;
    int rc;

    *added = 0;
    if (!seed_ident(table))
        return err_set(e, ERR_INVALID, "内部错误：表名 %s 无效", table);
    strbuf_printf(&sql, "INSERT INTO %s(id", table);
    for (i = 0; i < n; i++) {
        if (!seed_ident(cols[i])) {
            strbuf_free(&sql);
            return err_set(e, ERR_INVALID, "内部错误：列名 %s 无效", cols[i]);
        }
        strbuf_printf(&sql, ",%s", cols[i]);
    }
    strbuf_puts(&sql, ",created_at,created_by,updated_at,updated_by) VALUES(?1");
    for (i = 0; i < n + 4; i++)
        strbuf_printf(&sql, ",?%zu", i + 2);
    strbuf_puts(&sql, ") ON CONFLICT(id) DO NOTHING");
    if (sqlite3_prepare_v2(db_handle(db), strbuf_str(&sql), -1, &st, NULL) != SQLITE_OK) {
        rc = db_fail(db, e, table);
        goto out;
    }
    sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
    for (i = 0; i < n; i++)
        db_bind_text(st, (int)i + 2, vals[i]);
    for (i = 0; i < 4; i++)
        sqlite3_bind_text(st, (int)(n + i) + 2, i % 2 ? db_user(db) : db_now(db), -1,
                          SQLITE_STATIC);
    rc = db_exec_stmt(db, st, e);
    if (rc == ERR_OK)
        *added = db_last_changes(db) > 0;
out:
    sqlite3_finalize(st);
    strbuf_free(&sql);
    return rc;
}
