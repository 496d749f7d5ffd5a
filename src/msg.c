/*
 * msg.c — the message catalogue, read from the compiled-in
 * assets/i18n/messages.csv on first use and kept sorted by key.
 */
#include "src/msg.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "src/asset.h"
#include "src/strbuf.h"
#include "src/xmalloc.h"

#define MSG_ASSET "i18n/messages.csv"
#define MSG_LANGS 2

struct msg_entry {
    char *key;
    char *text[MSG_LANGS]; /* zh_CN, en; NULL when absent or empty */
};

static const char *const msg_langs[MSG_LANGS] = {"zh_CN", "en"};
static struct msg_entry *msg_table;
static size_t msg_n;
static int msg_loaded;
static int msg_lang;

/* Reads one CSV field at *p into a new string; sets *eol at a line end. */
static char *
msg_field(const char **p, const char *end, int *eol)
{
    struct strbuf b = STRBUF_INIT;
    const char *s = *p;

    if (s < end && *s == '"') {
        for (s++; s < end; s++) {
            if (*s == '"' && s + 1 < end && s[1] == '"')
                strbuf_putc(&b, *s++);
            else if (*s == '"')
                break;
            else
                strbuf_putc(&b, *s);
        }
        if (s < end)
            s++;
    }
    for (; s < end && *s != ',' && *s != '\n' && *s != '\r'; s++)
        strbuf_putc(&b, *s);
    if (s < end && *s == '\r')
        s++;
    *eol = s >= end || *s == '\n';
    *p = s < end ? s + 1 : s;
    return strbuf_take(&b);
}

/* Reads one record: up to 1 + MSG_LANGS fields, the rest ignored. */
static void
msg_record(const char **p, const char *end, struct msg_entry *m)
{
    char *f;
    int eol = 0, i = 0;

    memset(m, 0, sizeof *m);
    while (!eol) {
        f = msg_field(p, end, &eol);
        if (i == 0)
            m->key = f;
        else if (i <= MSG_LANGS && *f)
            m->text[i - 1] = f;
        else
            free(f);
        i++;
    }
}

static int
msg_cmp(const void *a, const void *b)
{
    return strcmp(((const struct msg_entry *)a)->key, ((const struct msg_entry *)b)->key);
}

/* Frees an entry's strings. */
static void
msg_entry_free(struct msg_entry *m)
{
    int i;

    free(m->key);
    for (i = 0; i < MSG_LANGS; i++)
        free(m->text[i]);
}

/* Loads the catalogue once; an absent asset leaves it empty. */
static void
msg_load(void)
{
    const struct asset *a = asset_find(MSG_ASSET);
    const char *p, *end;
    size_t cap = 0;
    struct msg_entry m;

    msg_loaded = 1;
    if (a == NULL)
        return;
    p = (const char *)a->data;
    end = p + a->len;
    msg_record(&p, end, &m); /* the header */
    msg_entry_free(&m);
    while (p < end) {
        msg_record(&p, end, &m);
        if (*m.key == '\0') {
            msg_entry_free(&m);
            continue;
        }
        if (msg_n == cap) {
            cap = cap ? cap * 2 : 256;
            msg_table = xrealloc(msg_table, cap * sizeof *msg_table);
        }
        msg_table[msg_n++] = m;
    }
    qsort(msg_table, msg_n, sizeof *msg_table, msg_cmp);
}

/* Compares a key with an entry, for bsearch. */
static int
msg_cmp_key(const void *key, const void *entry)
{
    return strcmp(key, ((const struct msg_entry *)entry)->key);
}

/* The entry for key, or NULL. */
static const struct msg_entry *
msg_find(const char *key)
{
    if (!msg_loaded)
        msg_load();
    if (key == NULL || msg_n == 0)
        return NULL;
    return bsearch(key, msg_table, msg_n, sizeof *msg_table, msg_cmp_key);
}

int
msg_set_language(const char *lang)
{
    int i;

    for (i = 0; i < MSG_LANGS; i++) {
        if (lang && strcmp(lang, msg_langs[i]) == 0) {
            msg_lang = i;
            return 0;
        }
    }
    return -1;
}

const char *
msg_language(void)
{
    return msg_langs[msg_lang];
}

const char *
msg(const char *key)
{
    const struct msg_entry *m = msg_find(key);

    if (m == NULL)
        return key ? key : "";
    if (m->text[msg_lang])
        return m->text[msg_lang];
    return m->text[0] ? m->text[0] : m->key;
}

const char *
msg_lookup(const char *key, const char *lang)
{
    const struct msg_entry *m = msg_find(key);
    int i;

    for (i = 0; m && lang && i < MSG_LANGS; i++) {
        if (strcmp(lang, msg_langs[i]) == 0)
            return m->text[i];
    }
    return NULL;
}

char *
msg_format(const char *key, ...)
{
    struct strbuf b = STRBUF_INIT;
    const char *args[9], *t = msg(key), *a;
    size_t n = 0;
    va_list ap;

    va_start(ap, key);
    while (n < 9 && (a = va_arg(ap, const char *)) != NULL)
        args[n++] = a;
    va_end(ap);
    for (; *t; t++) {
        if (t[0] == '{' && t[1] >= '1' && t[1] <= '9' && t[2] == '}' && (size_t)(t[1] - '1') < n) {
            strbuf_puts(&b, args[t[1] - '1']);
            t += 2;
        } else {
            strbuf_putc(&b, *t);
        }
    }
    return strbuf_take(&b);
}

size_t
msg_count(void)
{
    if (!msg_loaded)
        msg_load();
    return msg_n;
}

const char *
msg_key(size_t i)
{
    return i < msg_count() ? msg_table[i].key : NULL;
}
