/* test_db.c — opening, migrating, refusing files; the change log. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db/db.h"
#include "db/db_priv.h"

Test(db, memory_opens_at_latest_schema)
{
    struct db *db = NULL;
    struct err e = {0};

    cr_assert_eq(db_open(":memory:", DB_OPEN_CREATE, &db, &e), ERR_OK, "%s", e.msg);
    cr_expect_eq(db_schema_version(db), db_schema_latest());
    db_close(db);
}
