/*
 * pilot.h — the rules of pilot projects on the base (《达拉特旗化工中试基地
 * 和中试项目管理实施细则（试行）》 as POLICY.md reads it): a project moves
 * through the stages in order, never past a stage whose required items
 * (a filing number, an approval date, an assessment report …) are not on
 * record; its pilot run is limited (rules:pilot_run_years, extendable once
 * by at most rules:pilot_extension_years) and flagged as the limit nears
 * (rules:pilot_warn_days) or passes; a project that leaves records how its
 * plant was left (dismantled or sealed). Every move is kept with its date
 * and who made it. "Today" is always a parameter.
 *
 * The project's plain fields (name, enterprise, base …) are a registry
 * (reg_pilot_project in src/reg.h).
 */
#ifndef TUWEI_PILOT_H
#define TUWEI_PILOT_H

#include <stddef.h>

#include "db/db.h"
#include "db/pilot.h"
#include "src/config.h"

struct pilot_rules {
    int run_years; /* length of the pilot run */
    int ext_years; /* the one extension may add at most this; 0: none allowed */
    int warn_days; /* flag a run this many days before its limit */
};

/* The rules from cfg (the built-in defaults 2, 1, 90 for a NULL cfg). */
void pilot_rules_from_config(const struct config *cfg, struct pilot_rules *r);

enum pilot_flag {
    PILOT_HELD = 1 << 0, /* its stage's required items are not all on record */
    PILOT_NEAR = 1 << 1, /* its run ends within warn_days */
    PILOT_PAST = 1 << 2, /* its run is past its limit */
};

/* The flags of a listed project on today. */
int pilot_row_flags(const struct pilot_rules *r, const char *today, const struct db_pilot_row *row);

/* Where one project stands and what holds it. */
struct pilot_status {
    struct db_pilot_state st;
    struct db_pilot_stage *stages; /* all live stages, items with this project's values */
    size_t nstages;
    long cur;        /* index of its stage in stages, -1 when it has none */
    long next;       /* the stage an advance goes to, -1 when none */
    size_t nmissing; /* required items of its stage not on record */
    long days_left;  /* days from today to st.deadline (the run's limit) */
    int flags;
};

int pilot_status_get(struct db *db, const struct pilot_rules *r, const char *today, const char *id,
                     struct pilot_status *out, struct err *e);
void pilot_status_free(struct pilot_status *s);

/* The names of the missing items of s's stage, joined by 、 (caller frees). */
char *pilot_missing_text(const struct pilot_status *s);

/* Why s cannot move on: "“备案”阶段还缺少：备案编号、备案日期。补齐后才能
 * 进入“安全评价/环评”。", or NULL when nothing holds it (caller frees). */
char *pilot_gate_message(const struct pilot_status *s);

/* Moves project id to the next stage on date (NULL: today), as user.
 * Refused (ERR_INVALID, field "items") while items of its stage are
 * missing, naming them; the date may not be before it entered its stage
 * nor after today. Entering the run starts it; leaving the run ends it. */
int pilot_advance(struct db *db, const char *user, const struct pilot_rules *r, const char *today,
                  const char *id, const char *date, const char *note, struct err *e);

/* Returns project id to the stage it came from (a correction), as user. */
int pilot_back(struct db *db, const char *user, const char *today, const char *id, const char *date,
               const char *note, struct err *e);

/* Records (value "" or NULL: removes) the item a clerk names by name or
 * code, for project id; an item of its current stage is preferred. A date
 * item must be a date. */
int pilot_item_set(struct db *db, const char *user, const char *id, const char *item,
                   const char *value, struct err *e);

/* Ends project id's stay at the base on date with mode (a word of the
 * exit_mode vocabulary: 拆除, 封存), required once it has plant there. */
int pilot_exit(struct db *db, const char *user, const char *today, const char *id, const char *mode,
               const char *date, const char *note, struct err *e);

/* Extends project id's run by years (once, at most r->ext_years) on date. */
int pilot_extend(struct db *db, const char *user, const struct pilot_rules *r, const char *today,
                 const char *id, int years, const char *date, struct err *e);

/* Which projects a list shows. */
struct pilot_filter {
    const char *search; /* in name, enterprise, base */
    const char *stage;  /* a stage's name or code, NULL for all */
    int flags;          /* PILOT_HELD, PILOT_NEAR (near or past) or PILOT_PAST: only those */
    int archived;       /* archived projects instead of live ones */
};

int pilot_count(struct db *db, const struct pilot_rules *r, const char *today,
                const struct pilot_filter *f, long *n, struct err *e);

/* Projects in stage order; free each with db_pilot_row_free. */
int pilot_page(struct db *db, const struct pilot_rules *r, const char *today,
               const struct pilot_filter *f, long offset, int limit, struct db_pilot_row *out,
               int *got, struct err *e);

/* The stage board on today: one row per stage (see db_pilot_board). */
int pilot_board(struct db *db, const struct pilot_rules *r, const char *today,
                struct db_pilot_board **out, size_t *n, struct err *e);

/* ---- adapting the stages (src/pilot_stage.c) ---- */

/* Adds a stage called name right after the stage after (name or code),
 * as user; run: it is a pilot run, with the run limit. */
int pilot_stage_add(struct db *db, const char *user, const char *name, const char *after, int run,
                    struct err *e);

/* Retires a stage no live project stands at (not the final or exit one). */
int pilot_stage_archive(struct db *db, const char *user, const char *stage, struct err *e);

/* Adds an item (a date when is_date) that stage requires before a project
 * may leave it. */
int pilot_stage_item_add(struct db *db, const char *user, const char *stage, const char *name,
                         int is_date, struct err *e);

/* Retires an item of stage; projects at the stage no longer need it. */
int pilot_stage_item_archive(struct db *db, const char *user, const char *stage, const char *item,
                             struct err *e);

#endif
