/*
 * fuzz_date.c — what a clerk may type where a date, a month or a list of
 * unit names is asked for. Nothing crashes or leaks; a date or month that
 * is accepted is a real one written YYYY-MM-DD / YYYY-MM and reads back as
 * itself; a refusal comes with a message; split names are trimmed,
 * non-empty and distinct.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "src/date.h"
#include "src/task.h"
#include "src/xmalloc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A check that stays in release builds (assert would not). */
#define FUZZ_CHECK(cond)                                                                           \
    do {                                                                                           \
        if (!(cond))                                                                               \
            abort();                                                                               \
    } while (0)

static void
fuzz_dates(const char *s)
{
    char out[DATE_LEN + 1], again[DATE_LEN + 1], month[DATE_MONTH_LEN + 1];
    struct err e = {0};

    if (date_parse(s, out, &e) == ERR_OK) {
        FUZZ_CHECK(date_valid(out));
        FUZZ_CHECK(date_parse(out, again, NULL) == ERR_OK && strcmp(out, again) == 0);
        date_add_days(out, 0, again);
        FUZZ_CHECK(strcmp(out, again) == 0);
    } else {
        FUZZ_CHECK(e.code == ERR_INVALID && e.msg[0] != '\0' && out[0] == '\0');
    }
    e.msg[0] = '\0';
    if (date_month_parse(s, month, &e) == ERR_OK)
        FUZZ_CHECK(strlen(month) == DATE_MONTH_LEN && month[4] == '-');
    else
        FUZZ_CHECK(e.msg[0] != '\0');
}

static void
fuzz_names(const char *s)
{
    size_t n, i, j;
    char **names = task_split_names(s, &n);

    for (i = 0; i < n; i++) {
        FUZZ_CHECK(names[i][0] != '\0' && names[i][0] != ' ');
        FUZZ_CHECK(names[i][strlen(names[i]) - 1] != ' ');
        for (j = 0; j < i; j++)
            FUZZ_CHECK(strcmp(names[i], names[j]) != 0);
    }
    task_names_free(names, n);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *s = xstrndup((const char *)data, size);

    fuzz_dates(s);
    fuzz_names(s);
    free(s);
    return 0;
}
