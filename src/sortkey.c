/* sortkey.c — GB18030 bytes as a pinyin sort key (see sortkey.h). */
#include "src/sortkey.h"

#include <iconv.h>
#include <stdlib.h>
#include <string.h>

#include "src/xmalloc.h"

struct sortkey {
    iconv_t cd; /* (iconv_t)-1 when this system's iconv has no GB18030 */
};

struct sortkey *
sortkey_new(void)
{
    struct sortkey *k = xcalloc(1, sizeof *k);

    k->cd = iconv_open("GB18030", "UTF-8");
    return k;
}

void
sortkey_free(struct sortkey *k)
{
    if (k == NULL)
        return;
    if (k->cd != (iconv_t)-1)
        iconv_close(k->cd);
    free(k);
}

char *
sortkey_make(struct sortkey *k, const char *s, size_t n, size_t *len)
{
    size_t inleft = n, outleft = 2 * n + 8; /* GB18030 is at most twice as long as UTF-8 */
    char *out = xmalloc(outleft), *o = out, *in;

    memcpy(&in, &s, sizeof in); /* iconv's input is not const; it is not written */
    if (k->cd == (iconv_t)-1 || iconv(k->cd, &in, &inleft, &o, &outleft) == (size_t)-1) {
        if (k->cd != (iconv_t)-1)
            iconv(k->cd, NULL, NULL, NULL, NULL);
        memcpy(out, s, n);
        o = out + n;
    }
    *len = (size_t)(o - out);
    return out;
}
