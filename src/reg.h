/*
 * reg.h — the plan's registries as records a clerk adds, edits, lists,
 * archives and restores: pilot bases and projects, municipal and regional
 * S&T projects, results and needs (蒙科聚) and their matches, technology
 * contracts, cooperation agreements, platforms, talent brought in and
 * dated notes under the safeguards.
 *
 * Each registry is a struct reg_def (src/reg_defs.c): its table, its
 * fields with their Chinese labels and kinds (text, date, money, a record
 * of another registry, a word of a vocabulary) and its own rules. One set
 * of functions here validates what a clerk typed, field by field, with a
 * message naming the field, and writes it in one transaction; the screen
 * and the command line both go through them.
 */
#ifndef TUWEI_REG_H
#define TUWEI_REG_H

#include <stddef.h>

#include "db/db.h"
#include "db/reg.h"

#define REG_MAX_FIELDS 16
#define REG_MAX_LINKS 2

enum reg_type {
    REG_TEXT,  /* one line of text */
    REG_NOTE,  /* text of several lines */
    REG_DATE,  /* YYYY-MM-DD */
    REG_MONEY, /* whole yuan; typed as 120000, 120,000元, 12万 or 12.5万元 */
    REG_INT,   /* a whole number ≥ 0 */
    REG_REF,   /* a record of another registry, named by the clerk */
    REG_VOCAB, /* a word of a vocabulary (assets/ref/vocab.csv) */
};

struct reg_def;

/* Finds the record text names for a REG_REF field whose choices depend on
 * the record's other (already resolved) values; writes its key into id. */
typedef int (*reg_resolve_fn)(struct db *db, char *const *vals, const char *text, char id[40],
                              struct err *e);

/* A registry's own rules, run on the resolved values before writing; may
 * fill defaults (replacing vals[i], malloc'd). creating: a new record. */
typedef int (*reg_prepare_fn)(struct db *db, const struct reg_def *d, char **vals, int creating,
                              struct err *e);

struct reg_field {
    const char *key;   /* its name on the command line (--seller) and in errors */
    const char *label; /* its Chinese label */
    enum reg_type type;
    int required;
    int readonly;      /* shown, but set only by the program (a pilot project's stage) */
    int list_width;    /* display columns in a text list; 0: not listed */
    const char *vocab; /* REG_VOCAB: the vocabulary's domain */
    reg_resolve_fn resolve;
};

/* Records of another registry linked many-to-many (partner institutions). */
struct reg_link {
    const char *key;
    const char *label;
    struct db_reg_link db;
};

struct reg_def {
    const char *name;  /* the command: "contract" */
    const char *title; /* "技术合同" */
    const char *help;  /* one line, Chinese */
    struct db_reg_shape shape;
    const struct reg_field *fields; /* shape.ncols, in the order of shape.cols */
    size_t label;                   /* the field that names a record */
    const struct db_reg_ref *self;  /* how a clerk names a record of this registry */
    const struct reg_link *links;
    size_t nlinks;
    reg_prepare_fn prepare;
};

/* The registries, in the order menus list them, ending with NULL. */
extern const struct reg_def *const reg_defs[];

extern const struct reg_def reg_pilot_base, reg_pilot_project, reg_project, reg_result, reg_need,
    reg_match, reg_contract, reg_coop, reg_platform, reg_talent, reg_safeguard_note;

/* The registry called name ("contract"), or NULL. */
const struct reg_def *reg_def_find(const char *name);

/* The index of d's field called key, or -1. */
int reg_field_index(const struct reg_def *d, const char *key);

/* What a clerk typed for a record: for each field, the text or NULL
 * (left as it is); for each link, a list separated by ；;、，, or NULL. */
struct reg_input {
    const char *val[REG_MAX_FIELDS];
    const char *links[REG_MAX_LINKS];
};

/* Checks in and writes it as user: a new record when id is NULL or "",
 * else changes record id. The key of the record goes to out_id (may be
 * NULL). ERR_INVALID with e->field naming the field at fault. */
int reg_save(struct db *db, const char *user, const struct reg_def *d, const char *id,
             const struct reg_input *in, char out_id[40], struct err *e);

/* Checks what a clerk typed for field i on its own (a date, money, a
 * record's name, a vocabulary word), as reg_save would; ERR_INVALID with
 * the message. Empty text passes (whether it is required is for the save). */
int reg_check_field(struct db *db, const struct reg_def *d, size_t i, const char *typed,
                    struct err *e);

/* The names a clerk may choose from for field i, when they are few: the
 * words of a vocabulary, or the records of a small registry (units, bases,
 * kinds, stages, institutions, tasks, safeguards). *n is 0 for a field
 * typed freely. The caller frees them with db_strings_free. */
int reg_choices(struct db *db, const struct reg_def *d, size_t i, char ***names, size_t *n,
                struct err *e);

/* Archives (the clerk's "delete") or restores record id. */
int reg_archive(struct db *db, const char *user, const struct reg_def *d, const char *id,
                int archive, struct err *e);

/* Which records a list shows. eq[i]: what field i must be, as a clerk
 * would type it (a name for a record of another registry); NULL for any. */
struct reg_filter {
    const char *search;
    const char *eq[REG_MAX_FIELDS];
    enum db_reg_archived archived;
    int sort; /* field index, -1 for the registry's default */
    int desc;
};

/* Number of records matching f. */
int reg_count(struct db *db, const struct reg_def *d, const struct reg_filter *f, long *n,
              struct err *e);

/* Up to limit records matching f from offset on; free each with
 * db_reg_rec_free(&out[i], d->shape.ncols). */
int reg_page(struct db *db, const struct reg_def *d, const struct reg_filter *f, long offset,
             int limit, struct db_reg_rec *out, int *got, struct err *e);

/* The record with key id; free with db_reg_rec_free. */
int reg_get(struct db *db, const struct reg_def *d, const char *id, struct db_reg_rec *out,
            struct err *e);

/* The key of the one record of d that text names (its name or title, its
 * key or the first 6+ characters of it) into id. ERR_NOTFOUND or
 * ERR_CONFLICT (several match) with a message saying so. */
int reg_find(struct db *db, const struct reg_def *d, const char *text, char id[40], struct err *e);

/* The labels of the records linked to id through link li. */
int reg_links(struct db *db, const struct reg_def *d, size_t li, const char *id, char ***labels,
              size_t *n, struct err *e);

/* Field i of r as a clerk reads it: a record's name, money in 万元. The
 * caller frees it; "" for an empty value. */
char *reg_show(const struct reg_def *d, const struct db_reg_rec *r, size_t i);

/* Field i of r as a form shows it for editing (money in yuan). The
 * caller frees it. */
char *reg_edit_text(const struct reg_def *d, const struct db_reg_rec *r, size_t i);

/* Money in yuan as a clerk reads it: "12.5万元", "3,000元" below 1万. The
 * caller frees it. */
char *reg_money_text(long long yuan);

/* Parses money as typed (see REG_MONEY) into *yuan; 0 when it is not money. */
int reg_money_parse(const char *text, long long *yuan);

/* The vocabularies a field may use, ending with NULL ("contract_kind" …). */
extern const char *const reg_vocab_domains[];

/* Adds word to the vocabulary domain (or brings a retired word back), as user. */
int reg_vocab_add(struct db *db, const char *user, const char *domain, const char *word,
                  struct err *e);

/* Retires word of domain: it is no longer offered; records keep it. */
int reg_vocab_archive(struct db *db, const char *user, const char *domain, const char *word,
                      struct err *e);

/* Inside db_write: loads the shipped reference rows of the registries
 * (assets/ref/: vocabularies, pilot stages and items, project kinds and
 * stages) and places pilot projects without a stage at the first one.
 * Rows already there are left alone; *added grows by the rows added. */
int reg_load(struct db *db, long *added, struct err *e);

#endif
