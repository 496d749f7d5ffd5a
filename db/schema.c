/*
 * schema.c — the migrations in order. Each is a SQL script in its own
 * file (schema_vN.c); db_open runs the missing ones, each in one
 * transaction with the user_version bump. Append; never edit a shipped one.
 */
#include "db/schema.h"

#include <assert.h>
#include <stddef.h>

extern const char *const db_schema_v1[];
extern const char *const db_schema_v2[];
extern const char *const db_schema_v3[];
extern const char *const db_schema_v4[];
extern const char *const db_schema_v5[];
extern const char *const db_schema_v6[];
extern const char *const db_schema_v7[];

static const char *const *const migrations[] = {
    db_schema_v1, db_schema_v2, db_schema_v3, db_schema_v4,
    db_schema_v5, db_schema_v6, db_schema_v7,
};

int
db_schema_count(void)
{
    return (int)(sizeof migrations / sizeof migrations[0]);
}

const char *const *
db_schema_step(int v)
{
    assert(v >= 1 && v <= db_schema_count());
    return migrations[v - 1];
}
