/*
 * reg.h — storage of the plan's simple registries (pilot bases,
 * contracts, talent …) through one set of functions driven by a
 * description of the table: which columns it has, which of them hold the
 * key of a row elsewhere and how that row is named. The description is
 * the program's (src/registry.c); the SQL it becomes is built here, with
 * every value bound, never pasted.
 *
 * Records come back as text: vals[i] is column i as stored (NULL for
 * NULL), labels[i] the name of the row a key column points to.
 */
#ifndef TUWEI_DB_REG_H
#define TUWEI_DB_REG_H

#include <stddef.h>

#include "db/db.h"

/* A table other rows point into, and how a clerk names its rows. */
struct db_reg_ref {
    const char *table;
    const char *label; /* SQL over alias r: the text shown for a row */
    const char *alt;   /* SQL over r: another name a clerk may use, or NULL */
    const char *order; /* SQL over r: the order rows sort in, or NULL for the label */
    const char *where; /* SQL over r: which rows may be chosen, or NULL */
    int archivable;    /* the table has archived_at; archived rows are not chosen */
};

/* The tables registries point into. */
extern const struct db_reg_ref db_ref_enterprise, db_ref_institution, db_ref_unit, db_ref_task,
    db_ref_pilot_base, db_ref_pilot_project, db_ref_pilot_stage, db_ref_result, db_ref_need,
    db_ref_safeguard, db_ref_project_kind, db_ref_project_stage, db_ref_sci_project, db_ref_match,
    db_ref_contract, db_ref_coop, db_ref_platform, db_ref_talent, db_ref_safeguard_note;

struct db_reg_col {
    const char *name;             /* the column */
    int is_int;                   /* INTEGER (money, counts): bound and sorted as a number */
    int search;                   /* looked at by a text search */
    const struct db_reg_ref *ref; /* the column holds a key into ref->table, or NULL */
};

struct db_reg_shape {
    const char *table;
    const struct db_reg_col *cols;
    size_t ncols;
    const char *fixed_col; /* a column every row of this registry has set to fixed_val */
    const char *fixed_val; /* (NULL when none) */
    int default_sort;      /* column the list sorts by unless told, -1 for entry order */
};

enum db_reg_archived {
    DB_REG_LIVE,     /* rows not archived */
    DB_REG_ARCHIVED, /* archived rows only */
    DB_REG_ALL,
};

/* Which rows a list shows and in what order. */
struct db_reg_query {
    const char *search; /* text found in a searched column or label; NULL for all */
    const int *eq_col;  /* columns that must equal eq_val (a key for a ref column) */
    const char *const *eq_val;
    size_t neq;
    enum db_reg_archived archived;
    int sort_col; /* -1: the shape's default */
    int desc;
};

struct db_reg_rec {
    char id[40];
    char **vals;   /* ncols values (malloc'd, NULL for NULL) */
    char **labels; /* ncols: for a ref column the row's label, else NULL */
    char *archived_at, *created_at, *created_by, *updated_at, *updated_by;
};

/* Frees what rec holds (not rec itself); ncols as in its shape. */
void db_reg_rec_free(struct db_reg_rec *rec, size_t ncols);

/* Number of rows matching q. */
int db_reg_count(struct db *db, const struct db_reg_shape *s, const struct db_reg_query *q, long *n,
                 struct err *e);

/* Up to limit rows matching q from offset on into out[0..*got). */
int db_reg_page(struct db *db, const struct db_reg_shape *s, const struct db_reg_query *q,
                long offset, int limit, struct db_reg_rec *out, int *got, struct err *e);

/* The row with key id (archived or not); ERR_NOTFOUND when there is none. */
int db_reg_get(struct db *db, const struct db_reg_shape *s, const char *id, struct db_reg_rec *out,
               struct err *e);

/* Keys of up to max rows of ref whose key, label or other name is text (or
 * whose key starts with text, 6 characters or more), live rows first; when
 * none is, the live rows whose label contains text. *n is how many matched
 * in all (up to max + 1). */
int db_reg_find(struct db *db, const struct db_reg_ref *ref, const char *text, char (*ids)[40],
                int max, int *n, struct err *e);

/* The distinct labels of ref's live rows in order (caller frees them with
 * db_strings_free). */
int db_reg_labels(struct db *db, const struct db_reg_ref *ref, char ***names, size_t *n,
                  struct err *e);

/* The label of ref's row id into a malloc'd *out (NULL when there is none). */
int db_reg_label(struct db *db, const struct db_reg_ref *ref, const char *id, char **out,
                 struct err *e);

/* Inside db_write: adds a row with key id and vals[0..ncols). */
int db_reg_insert(struct db *db, const struct db_reg_shape *s, const char *id,
                  const char *const *vals, struct err *e);

/* Inside db_write: sets the columns i with set[i] to vals[i] in row id. */
int db_reg_update(struct db *db, const struct db_reg_shape *s, const char *id,
                  const char *const *vals, const int *set, struct err *e);

/* Inside db_write: archives (archive = 1) or restores row id.
 * ERR_NOTFOUND when there is no such row; ERR_CONFLICT when it already is. */
int db_reg_archive(struct db *db, const struct db_reg_shape *s, const char *id, int archive,
                   struct err *e);

/* A many-to-many link: rows of table join own_col (this record) to
 * other_col (a row of ref). */
struct db_reg_link {
    const char *table;
    const char *own_col;
    const char *other_col;
    const struct db_reg_ref *ref;
};

/* The labels (and keys, when ids is not NULL) of the rows linked to id, in
 * label order; the arrays and strings are the caller's. */
int db_reg_links(struct db *db, const struct db_reg_link *l, const char *id, char ***labels,
                 char ***ids, size_t *n, struct err *e);

/* Inside db_write: makes the links of id exactly other_ids[0..n). */
int db_reg_links_set(struct db *db, const struct db_reg_link *l, const char *id,
                     const char *const *other_ids, size_t n, struct err *e);

/* The live words of a vocabulary domain in order ("contract_kind" …); the
 * array and strings are the caller's. */
int db_vocab_list(struct db *db, const char *domain, char ***names, size_t *n, struct err *e);

/* Inside db_write: adds word name to domain at the end (a new key), or
 * brings an archived one back. */
int db_vocab_add(struct db *db, const char *domain, const char *name, struct err *e);

/* Inside db_write: archives word name of domain; ERR_NOTFOUND when there
 * is no such live word. */
int db_vocab_archive(struct db *db, const char *domain, const char *name, struct err *e);

/* Frees a list of n strings. */
void db_strings_free(char **s, size_t n);

#endif
