/*
 * screen_play.h — what the screen tests share: play a key script on the
 * headless screen of a given size and read back the text it shows.
 * Included by test_ui_*.c; static inline so a test that uses only part of
 * it builds without warnings.
 */
#ifndef TUWEI_TEST_SCREEN_PLAY_H
#define TUWEI_TEST_SCREEN_PLAY_H

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "db/db.h"
#include "src/config.h"
#include "src/xmalloc.h"
#include "ui/ui.h"

/* Reads a whole file (NULL when missing); the caller frees it. */
static inline char *
screen_slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    char *s;
    long n;

    if (f == NULL)
        return NULL;
    fseek(f, 0, SEEK_END);
    n = ftell(f);
    rewind(f);
    s = xmalloc((size_t)n + 1);
    s[fread(s, 1, (size_t)n, f)] = '\0';
    fclose(f);
    return s;
}

/* Plays keys on the screen of cols x rows as of today; returns its text
 * (the caller frees it). */
static inline char *
screen_play(struct config *cfg, struct db *db, const char *today, const char *keys, int cols,
            int rows)
{
    char out[] = "/tmp/tuwei-screen-XXXXXX";
    struct ui_options o = {0};
    struct err e = {0};
    int fd = mkstemp(out);
    char *s;

    cr_assert_geq(fd, 0);
    close(fd);
    o.headless = 1;
    o.cols = cols;
    o.rows = rows;
    o.keys = keys;
    o.screen_out = out;
    snprintf(o.today, sizeof o.today, "%s", today);
    cr_assert_eq(ui_run(cfg, db, &o, &e), ERR_OK, "%s", e.msg);
    s = screen_slurp(out);
    unlink(out);
    cr_assert_not_null(s);
    return s;
}

#endif
