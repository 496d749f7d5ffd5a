/*
 * ent_fig.h — the yearly figures described for people: their Chinese
 * labels, the headers offices give them in spreadsheets, the command-line
 * option for each, and reading and writing their values.
 */
#ifndef TUWEI_ENT_FIG_H
#define TUWEI_ENT_FIG_H

#include <stddef.h>

#include "db/enterprise.h"

enum ent_fig_kind {
    ENT_FIG_PEOPLE, /* a number of people */
    ENT_FIG_MONEY,  /* yuan */
    ENT_FIG_ITEMS,  /* a count of patents, IP */
    ENT_FIG_LEVEL,  /* R&D institution: 0 none, 1 own, 2 provincial or higher */
    ENT_FIG_SCORE,  /* 0..100 */
    ENT_FIG_FLAG,   /* 0 no, 1 yes */
};

struct ent_fig_info {
    const char *label;  /* 职工总数 */
    const char *option; /* --staff */
    enum ent_fig_kind kind;
    const char *const *headers; /* the spreadsheet headers it is known by, NULL-ended */
};

/* Indexed by enum db_ent_fig. */
extern const struct ent_fig_info ent_fig_info[DB_FIG_COUNT];

/* Reads text as figure fig (money in money_unit yuan when it names no
 * unit). "" leaves *v as DB_ENT_UNKNOWN. 0 on success, -1 if it does not read. */
int ent_fig_parse(int fig, const char *text, long long money_unit, long long *v);

/* Writes figure fig's value for a screen ("128.5万元", "12人", "—"). */
const char *ent_fig_text(int fig, long long v, char *out, size_t n);

/* Writes the value as a spreadsheet cell (money in 万元, levels in words). */
const char *ent_fig_cell(int fig, long long v, char *out, size_t n);

/* The figure known by spreadsheet header h (after its unit is removed), or -1. */
int ent_fig_by_header(const char *h);

/* The words of an R&D-institution level (无 / 企业自建 / 省级及以上). */
const char *ent_fig_level_word(long long v);

#endif
