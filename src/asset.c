/* asset.c — looking up the files compiled in from assets/. */
#include "src/asset.h"

#include <string.h>

extern const struct asset asset_table[];

const struct asset *
asset_find(const char *name)
{
    const struct asset *a;

    for (a = asset_table; a->name; a++) {
        if (strcmp(a->name, name) == 0)
            return a;
    }
    return NULL;
}
