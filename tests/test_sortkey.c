/* test_sortkey.c — the pinyin sort key: names in pinyin order, and the
 * same bytes as converting the whole name with iconv at once. */
#include <criterion/criterion.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>

#include "src/sortkey.h"

/* The key as the first version made it: the whole text through iconv,
 * or its own bytes when iconv refuses any of it. */
static char *
whole(const char *s, size_t n, size_t *len)
{
    iconv_t cd = iconv_open("GB18030", "UTF-8");
    size_t inleft = n, outleft = 2 * n + 8;
    char *out = malloc(outleft), *o = out, *in;

    memcpy(&in, &s, sizeof in); /* iconv does not write its input */
    if (iconv(cd, &in, &inleft, &o, &outleft) == (size_t)-1) {
        memcpy(out, s, n);
        o = out + n;
    }
    iconv_close(cd);
    *len = (size_t)(o - out);
    return out;
}

static int
before(struct sortkey *k, const char *a, const char *b)
{
    size_t la, lb;
    char *ka = sortkey_make(k, a, strlen(a), &la), *kb = sortkey_make(k, b, strlen(b), &lb);
    int c = memcmp(ka, kb, la < lb ? la : lb);

    free(ka);
    free(kb);
    return c < 0 || (c == 0 && la < lb);
}

Test(sortkey, names_come_in_pinyin_order)
{
    static const char *const order[] = {"3D打印",   "ABC科技", "阿拉善", "包头",  "达拉特旗",
                                        "鄂尔多斯", "内蒙古",  "树林召", "中和西"};
    struct sortkey *k = sortkey_new();
    size_t i;

    for (i = 0; i + 1 < sizeof order / sizeof order[0]; i++)
        cr_expect(before(k, order[i], order[i + 1]), "%s before %s", order[i], order[i + 1]);
    sortkey_free(k);
}

Test(sortkey, same_bytes_as_converting_the_whole_text)
{
    static const char *const texts[] = {
        "",
        "ASCII only 123",
        "达拉特旗鑫材科技有限公司",
        "内蒙古（鄂尔多斯）“新能源”有限公司",       /* full-width brackets and quotes */
        "噻吩化工·Ⅰ类知识产权—2025",                /* level-2 hanzi, marks */
        "café ÄÖ ß €",                              /* Latin-1 letters (4 bytes in GB18030) */
        "𠀀𪚥 emoji 😀",                             /* beyond the BMP */
        "bad \xff\xfe bytes",                       /* not UTF-8 */
        "cut short \xe8\xbe",                       /* a character cut off */
        "overlong \xc0\xaf slash",                  /* an overlong form */
        "surrogate \xed\xa0\x80 half",              /* a UTF-16 surrogate */
        "达拉特旗达拉特旗达拉特旗（再次出现的字）", /* characters from the table */
    };
    struct sortkey *k = sortkey_new();
    size_t i, la, lb;
    char *a, *b;

    for (i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        a = sortkey_make(k, texts[i], strlen(texts[i]), &la);
        b = whole(texts[i], strlen(texts[i]), &lb);
        cr_expect_eq(la, lb, "length for %zu", i);
        cr_expect(la == lb && memcmp(a, b, la) == 0, "bytes for %zu", i);
        free(a);
        free(b);
    }
    sortkey_free(k);
}
