/*
 * enterprise.h — changing the enterprise register: every write checks its
 * input (a Chinese message per field, err.field naming it), then runs in
 * one db_write transaction, so the change log records who did what.
 */
#ifndef TUWEI_ENTERPRISE_H
#define TUWEI_ENTERPRISE_H

#include <stddef.h>

#include "db/enterprise.h"
#include "src/err.h"

/* Reads a yes/no as offices write it (是/否, 有/无, yes/no, y/n, 1/0,
 * true/false, √/×, 规上/规下): 1, 0, or -1 when it is neither. */
int enterprise_bool(const char *s);

/* The key of the industry field called name; ERR_INVALID (field
 * "field") listing the known fields when there is none. */
int enterprise_field_id(struct db *db, const char *name, char id[DB_ID_LEN], struct err *e);

/* The enterprise ref names: its key, credit code, exact name, or the one
 * live enterprise whose name or short name contains it. */
int enterprise_resolve(struct db *db, const char *ref, char id[DB_ID_LEN], struct err *e);

/* Checks x's own fields (no look-ups): trims its text, checks lengths,
 * dates and the high-tech facts. */
int enterprise_check_record(struct db_enterprise *x, struct err *e);

/* Keeping a credit code that fails its check (a few real ones do): only a
 * supervisor, having seen the licence, may confirm one (POLICY.md). */
enum ent_code_confirm {
    ENT_CODE_CHECK = 0,      /* no confirmation asked: a failing code is refused */
    ENT_CODE_ASKED_BY_CLERK, /* asked by a clerk: refused, saying who may */
    ENT_CODE_CONFIRMED,      /* confirmed by a supervisor (or admin) */
};

/* The confirm_code for a user of role ("clerk", "supervisor", "admin")
 * who asks (want = 1) or not (0) to keep a failing code. */
int enterprise_code_confirm(const char *role, int want);

/* Checks x for saving and normalises it in place (credit code, spaces).
 * A credit code failing its check is refused unless confirm_code is
 * ENT_CODE_CONFIRMED, in which case x->credit_code_confirmed becomes 1
 * (logged with the row); a code confirmed before stays confirmed. */
int enterprise_check(struct db *db, struct db_enterprise *x, int confirm_code, struct err *e);

/* Checks and saves x as user: a new enterprise when x->id is empty (its
 * new key is written to x->id), else an update of every column. */
int enterprise_save(struct db *db, const char *user, struct db_enterprise *x, int confirm_code,
                    struct err *e);

/* Archives (archived = 1) or restores (0) the enterprise id. */
int enterprise_archive(struct db *db, const char *user, const char *id, int archived,
                       struct err *e);

/* Checks one year's figures (field = the figure's column name). */
int enterprise_figures_check(const struct db_ent_year *y, struct err *e);

/* Checks and saves one year's figures of enterprise id; *changed (when
 * not NULL) is 1 when anything was different. */
int enterprise_figures_save(struct db *db, const char *user, const char *id,
                            const struct db_ent_year *y, int *changed, struct err *e);

/* Removes (archives) one year's figures. */
int enterprise_figures_remove(struct db *db, const char *user, const char *id, int year,
                              struct err *e);

/* A promotion into a tier (with its evidence) or a drop out of one. */
struct enterprise_tier_change {
    const char *enterprise_id;
    const char *tier;                  /* code, name or key */
    int drop;                          /* 0: enter the tier; 1: drop out of it */
    const char *date;                  /* issue or drop date */
    const char *number;                /* certificate / registration / document number */
    const char *valid_from, *valid_to; /* NULL or "": computed from the tier's validity */
    const char *note;
};

/* Records a tier change as user. A number that does not look like the
 * tier's is saved with a warning in warning (size n; "" when none). */
int enterprise_tier_change(struct db *db, const char *user, const struct enterprise_tier_change *c,
                           char *warning, size_t n, struct err *e);

/* Archives a tier event entered by mistake. */
int enterprise_tier_undo(struct db *db, const char *user, const char *event_id, struct err *e);

/* Checks and adds a service-log entry (s->id is set). */
int enterprise_service_add(struct db *db, const char *user, struct db_ent_service *s,
                           struct err *e);

/* Checks and adds a subsidy paid (s->id is set). */
int enterprise_subsidy_add(struct db *db, const char *user, struct db_ent_subsidy *s,
                           struct err *e);

/* Archives a service ("service") or subsidy ("subsidy") entry. */
int enterprise_record_remove(struct db *db, const char *user, const char *which, const char *id,
                             struct err *e);

#endif
