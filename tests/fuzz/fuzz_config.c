/*
 * fuzz_config.c — the config loader on arbitrary bytes: it must never crash
 * or leak, and a file it accepts must hold values that check again as valid
 * (config_set of each known setting to its own value changes nothing).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "src/config.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char fuzz_path[64];

static void
fuzz_cleanup(void)
{
    unlink(fuzz_path);
}

/* Writes the input to this process's scratch file; returns its name. */
static const char *
fuzz_put(const uint8_t *data, size_t size)
{
    FILE *f;

    if (fuzz_path[0] == '\0') {
        snprintf(fuzz_path, sizeof fuzz_path, "/tmp/tuwei-fuzz-config-%ld.ini", (long)getpid());
        atexit(fuzz_cleanup);
    }
    f = fopen(fuzz_path, "wb");
    if (f == NULL)
        abort();
    if (size && fwrite(data, 1, size, f) != size)
        abort();
    fclose(f);
    return fuzz_path;
}

/* Every known setting, set to its own value, must be accepted unchanged. */
static void
fuzz_check(struct config *c)
{
    struct config *d = config_defaults();
    size_t i, n = config_count(d);
    const char *key, *value;
    char *copy;
    int from_file;
    struct err e;

    config_free(d);
    for (i = 0; i < config_count(c); i++) {
        config_item(c, i, &key, &value, &from_file);
        if (key == NULL || value == NULL || config_get(c, key) != value)
            abort();
        if (i >= n)
            continue;
        copy = strdup(value);
        if (config_set(c, key, copy, &e) != ERR_OK || strcmp(config_get(c, key), copy) != 0)
            abort();
        free(copy);
    }
    for (i = 0; i < config_warning_count(c); i++) {
        if (strstr(config_warning(c, i), fuzz_path) == NULL)
            abort();
    }
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct config *c = NULL;
    struct err e = {0};
    int rc = config_load(fuzz_put(data, size), &c, &e);

    if ((rc == ERR_OK) != (c != NULL) || (rc != ERR_OK && e.msg[0] == '\0'))
        abort();
    if (c)
        fuzz_check(c);
    config_free(c);
    return 0;
}
