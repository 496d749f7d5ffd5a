/*
 * asset.h — the files of assets/ compiled into the binary: the 2025 plan,
 * the default configuration and the message catalogues.
 */
#ifndef TUWEI_ASSET_H
#define TUWEI_ASSET_H

#include <stddef.h>

struct asset {
    const char *name;          /* path under assets/, e.g. "plan2025/targets.csv" */
    const unsigned char *data; /* NUL-terminated */
    size_t len;                /* without the NUL */
};

/* Returns the asset called name, or NULL (borrowed, static). */
const struct asset *asset_find(const char *name);

#endif
