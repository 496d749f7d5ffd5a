/*
 * fuzz_import.c — the enterprise CSV import on arbitrary bytes. It must
 * never crash or leak; its preview must add up (every row counted once,
 * every refusal with a reason, lines in order); and importing the same
 * bytes a second time must find nothing to add or change.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/db.h"
#include "src/ent_import.h"
#include "src/plan_load.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct db *fuzz_db;

static void
fuzz_close(void)
{
    db_close(fuzz_db);
}

static struct db *
fuzz_open(void)
{
    struct err e = {0};

    if (fuzz_db)
        return fuzz_db;
    if (db_open(":memory:", DB_OPEN_CREATE, &fuzz_db, &e) != ERR_OK ||
        plan_load(fuzz_db, "fuzz", NULL, &e) != ERR_OK)
        abort();
    atexit(fuzz_close);
    return fuzz_db;
}

/* The preview's counts agree with its rows. */
static void
fuzz_check(const struct ent_import *im)
{
    long counted[4] = {0};
    long last = 0;
    size_t i;

    for (i = 0; i < im->n; i++) {
        if (im->rows[i].action < 0 || im->rows[i].action > ENT_IMPORT_REFUSE)
            abort();
        counted[im->rows[i].action]++;
        if (im->rows[i].action == ENT_IMPORT_REFUSE && (!im->rows[i].note || !*im->rows[i].note))
            abort();
        if (im->rows[i].line <= last)
            abort();
        last = im->rows[i].line;
    }
    if (counted[ENT_IMPORT_SAME] != im->same || counted[ENT_IMPORT_ADD] != im->added ||
        counted[ENT_IMPORT_CHANGE] != im->changed || counted[ENT_IMPORT_REFUSE] != im->refused)
        abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct db *db = fuzz_open();
    struct ent_import *im = NULL;
    struct err e = {0};
    int rc = ent_import_read(db, (const char *)data, size, 10000, 2024, &im, &e);

    if ((rc == ERR_OK) != (im != NULL) || (rc != ERR_OK && e.msg[0] == '\0'))
        abort();
    if (im == NULL)
        return 0;
    fuzz_check(im);
    if (ent_import_apply(db, "fuzz", im, &e) != ERR_OK) {
        fprintf(stderr, "apply failed: %s\n", e.msg);
        abort();
    }
    ent_import_free(im);
    if (ent_import_read(db, (const char *)data, size, 10000, 2024, &im, &e) != ERR_OK)
        abort();
    fuzz_check(im);
    if (im->added || im->changed) {
        fprintf(stderr, "second import still adds %ld and changes %ld\n", im->added, im->changed);
        abort();
    }
    ent_import_free(im);
    return 0;
}
