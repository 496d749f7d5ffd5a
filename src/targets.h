/*
 * targets.h — the plan's overall targets with their live values as of a
 * date: value, gap, progress against the share of the year gone, a
 * red/amber/green mark, last month's figure, and month-end snapshots.
 *
 * Each target code has a source that computes its value from the records
 * (tier counts, new R&D investors, R&D intensity, municipal projects); a
 * target without a source, or whose inputs are missing, has no value and
 * a note saying why.
 */
#ifndef TUWEI_TARGETS_H
#define TUWEI_TARGETS_H

#include <stddef.h>

#include "db/db.h"
#include "src/config.h"
#include "src/err.h"

enum targets_rag {
    TARGETS_NONE,  /* no value or a qualitative target */
    TARGETS_GREEN, /* met, or on pace for the share of the year gone */
    TARGETS_AMBER, /* behind pace by less than TARGETS_AMBER_SLACK */
    TARGETS_RED,   /* further behind, or the year is over and it is not met */
};

/* How far (as a share of the target) a figure may lag the year's pace and
 * still be amber rather than red. */
#define TARGETS_AMBER_SLACK 0.20

struct targets_fig {
    char code[32];
    char *name, *unit, *kind; /* owned */
    int has_target;
    double target;
    int has_value;
    double value;
    int met;    /* value reaches the target */
    double gap; /* what is still missing (0 when met) */
    enum targets_rag rag;
    int has_prev; /* last month's figure is known */
    double prev;
    int prev_snapshot; /* prev comes from a stored month-end snapshot */
    char *note;        /* owned; why there is no value, or what the value rests on; may be NULL */
};

/* Enterprises holding a tier on the date. */
struct targets_tier {
    char code[32];
    char target_code[32]; /* the target it counts towards, "" if none */
    char *name;           /* owned */
    long count;
};

struct targets {
    int plan_year;
    char as_of[11];
    char prev_month[8]; /* the month before as_of's */
    double elapsed;     /* share of the plan year gone by as_of, 0..1 */
    long days_left;     /* days left in the plan year after as_of */
    struct targets_fig *figs;
    size_t n;
    struct targets_tier *tiers; /* every tier, in rank order */
    size_t ntiers;
};

/* Computes the targets of the plan for as_of's year (or the nearest plan)
 * as of as_of, with last month's figures; cfg may be NULL (defaults).
 * *out is the caller's. */
int targets_compute(struct db *db, const struct config *cfg, const char *as_of,
                    struct targets **out, struct err *e);

/* The same without last month's figures (what a snapshot stores). */
int targets_compute_bare(struct db *db, const struct config *cfg, const char *as_of,
                         struct targets **out, struct err *e);

/* Frees t; NULL is a no-op. */
void targets_free(struct targets *t);

/* Stores the figures as of the last day of month (YYYY-MM) as that month's
 * snapshot, as user. Refused for a month that has not ended by today.
 * Taking it again changes nothing unless the records changed; *changed
 * (may be NULL) says how many rows were written. */
int targets_snapshot_take(struct db *db, const struct config *cfg, const char *user,
                          const char *month, const char *today, int *changed, struct err *e);

/* Takes the snapshot of the month before today's when there is none yet
 * (what the screens do on opening, so last month's figures are kept and
 * the dashboard compares with them at no cost). *taken says whether one
 * was written. */
int targets_snapshot_ensure(struct db *db, const struct config *cfg, const char *user,
                            const char *today, int *taken, struct err *e);

/* The mark as one ASCII letter: "G", "A", "R" or "-". */
const char *targets_rag_letter(enum targets_rag rag);

/* The mark in words: "达标", "正常", "关注", "落后" or "—". */
const char *targets_rag_name(const struct targets_fig *f);

/* Writes a bar of width '#' and '.' characters filled in proportion to
 * value / target (full when met) into buf (width + 1 bytes). */
void targets_bar(double value, double target, int width, char *buf);

/* Writes the value of f for a person ("28", "0.91%", "—") into buf. */
void targets_format_value(const struct targets_fig *f, double v, int has, char *buf, size_t n);

#endif
