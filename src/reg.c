/*
 * reg.c — checking, writing and reading registry records: what a clerk
 * typed becomes stored values (dates checked, money in yuan, names of
 * other records turned into their keys, vocabulary words checked), with a
 * message naming the field when something is wrong.
 */
#include "src/reg.h"

#include <ctype.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "src/strbuf.h"
#include "src/field.h"
#include "src/textw.h"
#include "src/uuid.h"
#include "src/xmalloc.h"
#include "src/date.h"

#define REG_TEXT_MAX 200  /* display columns of a one-line field */
#define REG_NOTE_MAX 8000 /* bytes of a note */

const struct reg_def *
reg_def_find(const char *name)
{
    size_t i;

    for (i = 0; reg_defs[i]; i++) {
        if (strcmp(reg_defs[i]->name, name) == 0)
            return reg_defs[i];
    }
    return NULL;
}

int
reg_field_index(const struct reg_def *d, const char *key)
{
    size_t i;

    for (i = 0; i < d->shape.ncols; i++) {
        if (strcmp(d->fields[i].key, key) == 0)
            return (int)i;
    }
    return -1;
}

/* A copy of s without the spaces (ASCII or full-width) around it. */
static char *
reg_trim(const char *s)
{
    const char *end;

    for (;;) {
        if (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
            s++;
        else if (strncmp(s, "　", 3) == 0)
            s += 3;
        else
            break;
    }
    end = s + strlen(s);
    for (;;) {
        if (end > s && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\r' || end[-1] == '\n'))
            end--;
        else if (end - s >= 3 && strncmp(end - 3, "　", 3) == 0)
            end -= 3;
        else
            break;
    }
    return xstrndup(s, (size_t)(end - s));
}

/* Removes from s every occurrence of cut (in place). */
static void
reg_strip(char *s, const char *cut)
{
    size_t n = strlen(cut);
    char *p;

    while ((p = strstr(s, cut)) != NULL)
        memmove(p, p + n, strlen(p + n) + 1);
}

/* Parses "123", "123.45" into whole units times scale; 0 when not a number
 * or not whole after scaling. */
static int
reg_decimal(const char *s, long long scale, long long *out)
{
    long long whole = 0, frac = 0, div = 1;
    const char *p = s;

    if (!isdigit((unsigned char)*p))
        return 0;
    for (; isdigit((unsigned char)*p); p++) {
        if (whole > 100000000000000LL)
            return 0;
        whole = whole * 10 + (*p - '0');
    }
    if (*p == '.') {
        for (p++; isdigit((unsigned char)*p) && div < 100000000LL; p++) {
            frac = frac * 10 + (*p - '0');
            div *= 10;
        }
    }
    /* A clerk's slip of extra digits must be refused, not overflow. */
    if (*p != '\0' || (frac * scale) % div != 0 || whole > LLONG_MAX / scale - 1)
        return 0;
    *out = whole * scale + frac * scale / div;
    return 1;
}

int
reg_money_parse(const char *text, long long *yuan)
{
    char *s = reg_trim(text);
    long long scale = 1;
    size_t n;
    int ok;

    reg_strip(s, ",");
    reg_strip(s, "，");
    reg_strip(s, " ");
    n = strlen(s);
    if (n >= 3 && strcmp(s + n - 3, "元") == 0)
        s[n -= 3] = '\0';
    if (n >= 3 && strcmp(s + n - 3, "万") == 0) {
        s[n -= 3] = '\0';
        scale = 10000;
    } else if (n >= 3 && strcmp(s + n - 3, "亿") == 0) {
        s[n -= 3] = '\0';
        scale = 100000000;
    }
    ok = reg_decimal(s, scale, yuan);
    free(s);
    return ok;
}

char *
reg_money_text(long long yuan)
{
    char buf[64];
    size_t n;

    snprintf(buf, sizeof buf, "%lld.%04lld", yuan / 10000, yuan % 10000);
    n = strlen(buf);
    while (buf[n - 1] == '0')
        buf[--n] = '\0';
    if (buf[n - 1] == '.')
        buf[--n] = '\0';
    return xasprintf("%s万元", buf);
}

/* Names the kind of record a REG_REF field takes, for messages. */
static const char *
reg_ref_noun(const struct reg_field *f)
{
    return f->label;
}

/* Turns text into the key of the one row of ref it names. */
static int
reg_resolve_ref(struct db *db, const struct db_reg_ref *ref, const char *noun, const char *key,
                const char *text, char id[40], struct err *e)
{
    char ids[2][40];
    int n, rc;

    if ((rc = db_reg_find(db, ref, text, ids, 2, &n, e)) != ERR_OK)
        return rc;
    if (n == 0)
        return err_field(e, ERR_INVALID, key, "%s：找不到“%s”，请写全称（或在列表中查看）。", noun,
                         text);
    if (n > 1)
        return err_field(e, ERR_INVALID, key, "%s：“%s”对应多条记录，请写全称或编号。", noun, text);
    memcpy(id, ids[0], 40);
    return ERR_OK;
}

/* Checks that text is a live word of the field's vocabulary. */
static int
reg_check_vocab(struct db *db, const struct reg_field *f, const char *text, struct err *e)
{
    struct strbuf b = STRBUF_INIT;
    char **names;
    size_t n, i;
    int rc, found = 0;

    if ((rc = db_vocab_list(db, f->vocab, &names, &n, e)) != ERR_OK)
        return rc;
    for (i = 0; i < n; i++) {
        found |= strcmp(names[i], text) == 0;
        strbuf_printf(&b, "%s%s", i ? "、" : "", names[i]);
    }
    if (!found)
        rc = err_field(e, ERR_INVALID, f->key, "%s不能是“%s”，可选：%s。", f->label, text,
                       strbuf_str(&b));
    strbuf_free(&b);
    db_strings_free(names, n);
    return rc;
}

/* Checks that s is UTF-8 text without control characters (line breaks and
 * tabs only in notes): damaged or pasted bytes never reach the file. */
static int
reg_check_chars(const struct reg_field *f, const char *s, struct err *e)
{
    return field_check_text(f->key, f->label, s,
                            f->type == REG_NOTE ? FIELD_MULTILINE | FIELD_TABS : 0, e);
}

/* Checks one line of text: no line breaks, not too wide. */
static int
reg_check_text(const struct reg_field *f, const char *s, struct err *e)
{
    if (f->type == REG_NOTE) {
        if (strlen(s) > REG_NOTE_MAX)
            return err_field(e, ERR_INVALID, f->key, "%s太长了（最多约 %d 个汉字）。", f->label,
                             REG_NOTE_MAX / 3);
        return ERR_OK;
    }
    if (strchr(s, '\n') != NULL)
        return err_field(e, ERR_INVALID, f->key, "%s只能写一行。", f->label);
    if (textw_width(s) > REG_TEXT_MAX)
        return err_field(e, ERR_INVALID, f->key, "%s太长了（最多 %d 个汉字）。", f->label,
                         REG_TEXT_MAX / 2);
    return ERR_OK;
}

/* Turns the text typed for field i into its stored value (*out, malloc'd,
 * NULL when empty), given the values resolved so far. */
static int
reg_parse(struct db *db, const struct reg_def *d, size_t i, const char *typed, char **vals,
          char **out, struct err *e)
{
    const struct reg_field *f = &d->fields[i];
    char *s = reg_trim(typed), id[40], day[DATE_LEN + 1];
    struct err why = {0};
    long long v;
    int rc = ERR_OK;

    *out = NULL;
    if (*s == '\0') {
        free(s);
        return ERR_OK;
    }
    if ((rc = reg_check_chars(f, s, e)) != ERR_OK) {
        free(s);
        return rc;
    }
    switch (f->type) {
    case REG_TEXT:
    case REG_NOTE:
        rc = reg_check_text(f, s, e);
        break;
    case REG_DATE:
        if ((rc = date_parse(s, day, &why)) != ERR_OK)
            rc = err_field(e, ERR_INVALID, f->key, "%s：%s", f->label, why.msg);
        else {
            free(s);
            s = xstrdup(day);
        }
        break;
    case REG_MONEY:
    case REG_INT:
        if (f->type == REG_MONEY ? !reg_money_parse(s, &v) : !reg_decimal(s, 1, &v))
            rc =
                err_field(e, ERR_INVALID, f->key,
                          f->type == REG_MONEY ? "%s“%s”不是金额：请写元数（如 "
                                                 "120000）、万元数（如 12万）或亿元数（如 1.2亿）。"
                                               : "%s“%s”应为不小于 0 的整数。",
                          f->label, s);
        else {
            free(s);
            s = xasprintf("%lld", v);
        }
        break;
    case REG_REF:
        rc = f->resolve
                 ? f->resolve(db, vals, s, id, e)
                 : reg_resolve_ref(db, d->shape.cols[i].ref, reg_ref_noun(f), f->key, s, id, e);
        if (rc == ERR_OK) {
            free(s);
            s = xstrdup(id);
        }
        break;
    case REG_VOCAB:
        rc = reg_check_vocab(db, f, s, e);
        break;
    }
    if (rc != ERR_OK && e && e->field[0] == '\0')
        snprintf(e->field, sizeof e->field, "%s", f->key);
    if (rc != ERR_OK)
        free(s);
    else
        *out = s;
    return rc;
}

/* Splits a typed list at ；;、，, into trimmed, non-empty items. */
static size_t
reg_split(const char *list, char ***items)
{
    static const char *const seps[] = {"；", ";", "、", "，", ","};
    char *copy = xstrdup(list), *p = copy, *best, *item;
    size_t n = 0, i, len;

    *items = NULL;
    while (p && *p) {
        best = NULL;
        len = 0;
        for (i = 0; i < sizeof seps / sizeof seps[0]; i++) {
            char *q = strstr(p, seps[i]);
            if (q && (best == NULL || q < best)) {
                best = q;
                len = strlen(seps[i]);
            }
        }
        if (best)
            *best = '\0';
        item = reg_trim(p);
        if (*item) {
            *items = xrealloc(*items, (n + 1) * sizeof **items);
            (*items)[n++] = item;
        } else
            free(item);
        p = best ? best + len : NULL;
    }
    free(copy);
    return n;
}

/* The keys of the records a typed list names, for link li. */
static int
reg_parse_links(struct db *db, const struct reg_def *d, size_t li, const char *typed, char ***ids,
                size_t *n, struct err *e)
{
    const struct reg_link *l = &d->links[li];
    char **items, id[40];
    size_t i, k;
    int rc = ERR_OK;

    k = reg_split(typed, &items);
    *ids = xcalloc(k ? k : 1, sizeof **ids);
    *n = 0;
    for (i = 0; i < k && rc == ERR_OK; i++) {
        rc = reg_resolve_ref(db, l->db.ref, l->label, l->key, items[i], id, e);
        if (rc == ERR_OK)
            (*ids)[(*n)++] = xstrdup(id);
    }
    db_strings_free(items, k);
    return rc;
}

/* What one save writes, built before the transaction. */
struct reg_save_job {
    const struct reg_def *d;
    char id[40];
    int creating;
    char *vals[REG_MAX_FIELDS];
    int set[REG_MAX_FIELDS];
    char **links[REG_MAX_LINKS];
    size_t nlinks[REG_MAX_LINKS];
    int has_links[REG_MAX_LINKS];
};

static void
reg_job_free(struct reg_save_job *j)
{
    size_t i;

    for (i = 0; i < REG_MAX_FIELDS; i++)
        free(j->vals[i]);
    for (i = 0; i < REG_MAX_LINKS; i++)
        db_strings_free(j->links[i], j->nlinks[i]);
}

static int
reg_save_tx(struct db *db, void *arg, struct err *e)
{
    struct reg_save_job *j = arg;
    const struct reg_def *d = j->d;
    size_t i;
    int rc;

    if (j->creating)
        rc = db_reg_insert(db, &d->shape, j->id, (const char *const *)j->vals, e);
    else
        rc = db_reg_update(db, &d->shape, j->id, (const char *const *)j->vals, j->set, e);
    for (i = 0; rc == ERR_OK && i < d->nlinks; i++) {
        if (j->has_links[i])
            rc = db_reg_links_set(db, &d->links[i].db, j->id, (const char *const *)j->links[i],
                                  j->nlinks[i], e);
    }
    return rc;
}

/* Loads the values of the record being changed into j (all NULL for a new one). */
static int
reg_job_start(struct db *db, struct reg_save_job *j, const char *id, struct err *e)
{
    struct db_reg_rec rec;
    size_t i;
    int rc;

    j->creating = id == NULL || *id == '\0';
    if (j->creating) {
        uuid_new(j->id);
        return ERR_OK;
    }
    if ((rc = db_reg_get(db, &j->d->shape, id, &rec, e)) != ERR_OK)
        return rc;
    snprintf(j->id, sizeof j->id, "%s", rec.id);
    for (i = 0; i < j->d->shape.ncols; i++) {
        j->vals[i] = rec.vals[i];
        rec.vals[i] = NULL;
    }
    db_reg_rec_free(&rec, j->d->shape.ncols);
    return ERR_OK;
}

/* Parses each typed field into j, marking those that change. */
static int
reg_job_fields(struct db *db, struct reg_save_job *j, const struct reg_input *in, struct err *e)
{
    const struct reg_def *d = j->d;
    char *v;
    size_t i;
    int rc;

    for (i = 0; i < d->shape.ncols; i++) {
        if (in->val[i] == NULL || d->fields[i].readonly)
            continue;
        if ((rc = reg_parse(db, d, i, in->val[i], j->vals, &v, e)) != ERR_OK)
            return rc;
        if ((v == NULL) != (j->vals[i] == NULL) || (v && strcmp(v, j->vals[i]) != 0)) {
            free(j->vals[i]);
            j->vals[i] = v;
            j->set[i] = 1;
        } else
            free(v);
    }
    for (i = 0; i < d->shape.ncols; i++) {
        if (d->fields[i].required && !d->fields[i].readonly && j->vals[i] == NULL)
            return err_field(e, ERR_INVALID, d->fields[i].key, "请填写%s。", d->fields[i].label);
    }
    return ERR_OK;
}

/* Lets the registry's rules look at (and complete) the values; marks what they changed. */
static int
reg_job_prepare(struct db *db, struct reg_save_job *j, struct err *e)
{
    char *before[REG_MAX_FIELDS];
    size_t i, n = j->d->shape.ncols;
    int rc;

    if (j->d->prepare == NULL)
        return ERR_OK;
    memcpy(before, j->vals, sizeof before);
    rc = j->d->prepare(db, j->d, j->vals, j->creating, e);
    for (i = 0; i < n; i++) {
        if (j->vals[i] != before[i])
            j->set[i] = 1;
    }
    return rc;
}

int
reg_save(struct db *db, const char *user, const struct reg_def *d, const char *id,
         const struct reg_input *in, char out_id[40], struct err *e)
{
    struct reg_save_job j;
    size_t i;
    int rc, changed = 0;

    memset(&j, 0, sizeof j);
    j.d = d;
    if ((rc = reg_job_start(db, &j, id, e)) != ERR_OK ||
        (rc = reg_job_fields(db, &j, in, e)) != ERR_OK)
        goto out;
    for (i = 0; i < d->nlinks && rc == ERR_OK; i++) {
        if (in->links[i] == NULL)
            continue;
        j.has_links[i] = 1;
        changed = 1;
        rc = reg_parse_links(db, d, i, in->links[i], &j.links[i], &j.nlinks[i], e);
    }
    if (rc == ERR_OK)
        rc = reg_job_prepare(db, &j, e);
    for (i = 0; i < d->shape.ncols; i++)
        changed |= j.set[i];
    if (rc == ERR_OK && (changed || j.creating))
        rc = db_write(db, user, reg_save_tx, &j, e);
    if (rc == ERR_OK && out_id)
        snprintf(out_id, 40, "%s", j.id);
out:
    reg_job_free(&j);
    return rc;
}

int
reg_check_field(struct db *db, const struct reg_def *d, size_t i, const char *typed, struct err *e)
{
    char *v = NULL;
    int rc;

    if (d->fields[i].resolve)
        return ERR_OK; /* depends on the other fields: checked when saving */
    rc = reg_parse(db, d, i, typed, NULL, &v, e);
    free(v);
    return rc;
}

/* The references small enough to choose from a list. */
static int
reg_ref_listed(const struct db_reg_ref *ref)
{
    return ref == &db_ref_unit || ref == &db_ref_pilot_base || ref == &db_ref_project_kind ||
           ref == &db_ref_project_stage || ref == &db_ref_safeguard || ref == &db_ref_institution ||
           ref == &db_ref_task || ref == &db_ref_pilot_stage;
}

int
reg_choices(struct db *db, const struct reg_def *d, size_t i, char ***names, size_t *n,
            struct err *e)
{
    const struct reg_field *f = &d->fields[i];
    const struct db_reg_ref *ref = d->shape.cols[i].ref;

    *names = NULL;
    *n = 0;
    if (f->type == REG_VOCAB)
        return db_vocab_list(db, f->vocab, names, n, e);
    if (f->type == REG_REF && reg_ref_listed(ref))
        return db_reg_labels(db, ref, names, n, e);
    return ERR_OK;
}

const char *const reg_vocab_domains[] = {
    "base_kind",      "exit_mode",       "offer_channel", "match_status",
    "contract_kind",  "contract_status", "coop_status",   "platform_kind",
    "platform_level", "platform_status", "talent_mode",   NULL,
};

/* A change to a vocabulary: which domain and word, adding or retiring. */
struct reg_vocab_job {
    const char *domain, *word;
    int add;
};

static int
reg_vocab_tx(struct db *db, void *arg, struct err *e)
{
    struct reg_vocab_job *j = arg;

    return j->add ? db_vocab_add(db, j->domain, j->word, e)
                  : db_vocab_archive(db, j->domain, j->word, e);
}

/* Checks domain and word before a change to a vocabulary. */
static int
reg_vocab_check(const char *domain, const char *word, struct err *e)
{
    size_t i;

    for (i = 0; reg_vocab_domains[i]; i++) {
        if (strcmp(reg_vocab_domains[i], domain) == 0)
            break;
    }
    if (reg_vocab_domains[i] == NULL)
        return err_field(e, ERR_INVALID, "domain", "没有“%s”这类可选值（可用 tuwei vocab 查看）。",
                         domain);
    if (word == NULL || *word == '\0' || strchr(word, '\n') || textw_width(word) > 40)
        return err_field(e, ERR_INVALID, "word", "可选值应为一行，不超过 20 个汉字。");
    return ERR_OK;
}

int
reg_vocab_add(struct db *db, const char *user, const char *domain, const char *word, struct err *e)
{
    struct reg_vocab_job j = {domain, word, 1};
    int rc = reg_vocab_check(domain, word, e);

    return rc == ERR_OK ? db_write(db, user, reg_vocab_tx, &j, e) : rc;
}

int
reg_vocab_archive(struct db *db, const char *user, const char *domain, const char *word,
                  struct err *e)
{
    struct reg_vocab_job j = {domain, word, 0};
    int rc = reg_vocab_check(domain, word, e);

    return rc == ERR_OK ? db_write(db, user, reg_vocab_tx, &j, e) : rc;
}

struct reg_archive_job {
    const struct reg_def *d;
    const char *id;
    int archive;
};

static int
reg_archive_tx(struct db *db, void *arg, struct err *e)
{
    struct reg_archive_job *j = arg;

    return db_reg_archive(db, &j->d->shape, j->id, j->archive, e);
}

int
reg_archive(struct db *db, const char *user, const struct reg_def *d, const char *id, int archive,
            struct err *e)
{
    struct reg_archive_job j = {d, id, archive};

    return db_write(db, user, reg_archive_tx, &j, e);
}

/* Resolves the typed equality filters of f into a query; keys go to keys. */
static int
reg_query(struct db *db, const struct reg_def *d, const struct reg_filter *f,
          struct db_reg_query *q, int *cols, char **vals, struct err *e)
{
    size_t i;
    char *v;
    int rc;

    memset(q, 0, sizeof *q);
    q->search = f ? f->search : NULL;
    q->archived = f ? f->archived : DB_REG_LIVE;
    q->sort_col = f ? f->sort : -1;
    q->desc = f ? f->desc : 0;
    q->eq_col = cols;
    q->eq_val = (const char *const *)vals;
    for (i = 0; f && i < d->shape.ncols; i++) {
        if (f->eq[i] == NULL)
            continue;
        if ((rc = reg_parse(db, d, i, f->eq[i], NULL, &v, e)) != ERR_OK)
            return rc;
        cols[q->neq] = (int)i;
        vals[q->neq++] = v;
    }
    return ERR_OK;
}

int
reg_count(struct db *db, const struct reg_def *d, const struct reg_filter *f, long *n,
          struct err *e)
{
    struct db_reg_query q;
    int cols[REG_MAX_FIELDS];
    char *vals[REG_MAX_FIELDS] = {0};
    size_t i;
    int rc;

    *n = 0;
    rc = reg_query(db, d, f, &q, cols, vals, e);
    if (rc == ERR_OK)
        rc = db_reg_count(db, &d->shape, &q, n, e);
    for (i = 0; i < REG_MAX_FIELDS; i++)
        free(vals[i]);
    return rc;
}

int
reg_page(struct db *db, const struct reg_def *d, const struct reg_filter *f, long offset, int limit,
         struct db_reg_rec *out, int *got, struct err *e)
{
    struct db_reg_query q;
    int cols[REG_MAX_FIELDS];
    char *vals[REG_MAX_FIELDS] = {0};
    size_t i;
    int rc;

    *got = 0;
    rc = reg_query(db, d, f, &q, cols, vals, e);
    if (rc == ERR_OK)
        rc = db_reg_page(db, &d->shape, &q, offset, limit, out, got, e);
    for (i = 0; i < REG_MAX_FIELDS; i++)
        free(vals[i]);
    return rc;
}

int
reg_get(struct db *db, const struct reg_def *d, const char *id, struct db_reg_rec *out,
        struct err *e)
{
    return db_reg_get(db, &d->shape, id, out, e);
}

int
reg_find(struct db *db, const struct reg_def *d, const char *text, char id[40], struct err *e)
{
    char ids[2][40];
    int n, rc;

    if ((rc = db_reg_find(db, d->self, text, ids, 2, &n, e)) != ERR_OK)
        return rc;
    if (n == 0)
        return err_set(e, ERR_NOTFOUND, "没有名为“%s”的%s（可用 list 查看编号）。", text, d->title);
    if (n > 1)
        return err_set(e, ERR_CONFLICT, "“%s”对应多条%s，请用编号指明。", text, d->title);
    memcpy(id, ids[0], 40);
    return ERR_OK;
}

int
reg_links(struct db *db, const struct reg_def *d, size_t li, const char *id, char ***labels,
          size_t *n, struct err *e)
{
    return db_reg_links(db, &d->links[li].db, id, labels, NULL, n, e);
}

char *
reg_show(const struct reg_def *d, const struct db_reg_rec *r, size_t i)
{
    const char *v = r->vals[i];

    if (v == NULL)
        return xstrdup("");
    if (d->fields[i].type == REG_MONEY)
        return reg_money_text(strtoll(v, NULL, 10));
    if (d->fields[i].type == REG_REF)
        return xstrdup(r->labels[i] ? r->labels[i] : "（已不存在）");
    return xstrdup(v);
}

char *
reg_edit_text(const struct reg_def *d, const struct db_reg_rec *r, size_t i)
{
    const char *v = r->vals[i];

    if (v == NULL)
        return xstrdup("");
    if (d->fields[i].type == REG_REF)
        return xstrdup(r->labels[i] ? r->labels[i] : "");
    return xstrdup(v);
}
